"""One reader for the package data files: TSV tables, JSON documents and binary tables.

Every table under ``src/arabnews/*/data/`` has the same layout: UTF-8 text, lines that
start with ``#`` are comments, blank (whitespace-only) lines are skipped, the first other
line is the header (tab-separated column names), and every later line is one row with
exactly as many tab-separated fields as the header. Lines end at LF, CR LF or CR, as when
a file is read in text mode (a U+2028 or a form feed inside a field is kept). Fields are
taken as written: no quoting, no stripping, so a regex or an example may hold any
character but a tab or a line break. Errors name the file and the line.

Callers cache what they build from the rows (``functools.cache`` on their loaders); the
reader itself returns fresh objects.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

__all__ = ["Row", "parse_table", "read_bytes", "read_json", "read_table", "read_text"]


class Row(dict[str, str]):
    """One row of a table: column name -> field, plus :attr:`where` (``"file:line"``)."""

    __slots__ = ("where",)

    def __init__(self, fields: dict[str, str], where: str) -> None:
        super().__init__(fields)
        self.where = where


def read_text(package: str, name: str) -> str:
    """The text of ``data/<name>`` in *package* (``"arabnews.clean"``), decoded as UTF-8."""
    return resources.files(package).joinpath("data", name).read_text(encoding="utf-8")


def read_bytes(package: str, name: str) -> bytes:
    """The bytes of ``data/<name>`` in *package* (a binary table; its own module parses it)."""
    return resources.files(package).joinpath("data", name).read_bytes()


def parse_table(
    text: str,
    source: str,
    *,
    required: Sequence[str] = (),
    columns: Sequence[str] | None = None,
) -> tuple[Row, ...]:
    """The rows of a TSV table held in *text* (see the module docstring for the layout).

    Args:
        text: the table.
        source: how errors name it (a file name).
        required: columns the header must contain (in any order, among others).
        columns: when given, the header must be exactly these columns, in this order.

    Raises:
        ValueError: no header, a duplicate or missing column, or a row whose number of
            fields differs from the header's; the message names *source* and the line.
    """
    header: list[str] | None = None
    rows: list[Row] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            _check_header(header, source, lineno, required, columns)
            continue
        if len(fields) != len(header):
            raise ValueError(
                f"{source}:{lineno}: expected {len(header)} tab-separated columns "
                f"({', '.join(header)}), got {len(fields)}"
            )
        rows.append(Row(dict(zip(header, fields, strict=True)), f"{source}:{lineno}"))
    if header is None:
        want = "<TAB>".join(columns or required) or "column names"
        raise ValueError(f"{source}: no header row (expected {want})")
    return tuple(rows)


def _check_header(
    header: list[str],
    source: str,
    lineno: int,
    required: Sequence[str],
    columns: Sequence[str] | None,
) -> None:
    where = f"{source}:{lineno}"
    if columns is not None and tuple(header) != tuple(columns):
        raise ValueError(f"{where}: the header must be {'<TAB>'.join(columns)}, not {header!r}")
    if len(set(header)) != len(header) or not all(header):
        raise ValueError(f"{where}: empty or duplicate column name in the header {header!r}")
    missing = [c for c in required if c not in header]
    if missing:
        raise ValueError(f"{where}: the header {header!r} lacks the column(s) {missing!r}")


def read_table(
    package: str,
    name: str,
    *,
    required: Sequence[str] = (),
    columns: Sequence[str] | None = None,
) -> tuple[Row, ...]:
    """The rows of the table ``data/<name>`` of *package* (see :func:`parse_table`).

    >>> rows = read_table("arabnews.sentences", "places.tsv", required=("place",))
    >>> rows[0]["place"], rows[0].where
    ('ريو دي جانيرو', 'arabnews/sentences/data/places.tsv:4')
    """
    source = f"{package.replace('.', '/')}/data/{name}"
    return parse_table(read_text(package, name), source, required=required, columns=columns)


def read_json(package: str, name: str) -> Any:
    """The JSON document ``data/<name>`` of *package*.

    Raises:
        ValueError: the file is not valid JSON (the message names it).
    """
    try:
        return json.loads(read_text(package, name))
    except json.JSONDecodeError as exc:
        source = f"{package.replace('.', '/')}/data/{name}"
        raise ValueError(f"{source}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
