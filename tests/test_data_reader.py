"""arabnews._data: the one reader of the package data tables and JSON files."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabnews._data import parse_table, read_json, read_table

PACKAGES = (
    "arabnews.clean",
    "arabnews.events",
    "arabnews.names",
    "arabnews.ner",
    "arabnews.sentences",
    "arabnews.testing",
)


def _data_files(suffix: str) -> list[tuple[str, str]]:
    out = []
    for package in PACKAGES:
        folder = resources.files(package).joinpath("data")
        out += [(package, f.name) for f in folder.iterdir() if f.name.endswith(suffix)]
    return sorted(out)


def test_comments_blank_lines_and_header() -> None:
    text = "# a comment\n\n   \nname\tvalue\n# another\nا\t1\n\t\n#\nب\t\n"
    rows = parse_table(text, "t.tsv", required=("value",))
    # (a line of whitespace, tabs included, is blank)
    assert rows == ({"name": "ا", "value": "1"}, {"name": "ب", "value": ""})
    assert [r.where for r in rows] == ["t.tsv:6", "t.tsv:9"]
    # fields are taken as written: spaces, quotes and a U+2028 inside a field are kept
    rows = parse_table('a\tb\n " x" \ty\u2028z\n', "t.tsv")
    assert rows == ({"a": ' " x" ', "b": "y\u2028z"},)
    # CR LF and lone CR end lines as in a file read in text mode
    assert parse_table("a\tb\r\n1\t2\r3\t4", "t.tsv") == (
        {"a": "1", "b": "2"},
        {"a": "3", "b": "4"},
    )


def test_errors_name_the_file_and_the_line() -> None:
    with pytest.raises(ValueError, match=r"t\.tsv:3: expected 2 tab-separated columns"):
        parse_table("a\tb\n1\t2\n3\n", "t.tsv")
    with pytest.raises(ValueError, match=r"t\.tsv:4: expected 2 .*got 3"):
        parse_table("# c\na\tb\n1\t2\n3\t4\t5\n", "t.tsv")
    with pytest.raises(ValueError, match=r"t\.tsv:1: .*lacks the column\(s\) \['c'\]"):
        parse_table("a\tb\n", "t.tsv", required=("a", "c"))
    with pytest.raises(ValueError, match=r"t\.tsv:2: the header must be a<TAB>b"):
        parse_table("#\nb\ta\n", "t.tsv", columns=("a", "b"))
    with pytest.raises(ValueError, match=r"t\.tsv:1: empty or duplicate column"):
        parse_table("a\ta\n", "t.tsv")
    with pytest.raises(ValueError, match=r"t\.tsv: no header row"):
        parse_table("# only comments\n\n", "t.tsv")


_FIELD = st.text(st.characters(exclude_characters="\t\n\r"), max_size=5)


@given(
    st.lists(st.text("abcdefgh", min_size=1, max_size=3), min_size=1, max_size=4, unique=True),
    st.data(),
)
def test_rows_round_trip(header: list[str], data: st.DataObject) -> None:
    rows = data.draw(
        st.lists(st.lists(_FIELD, min_size=len(header), max_size=len(header)), max_size=5)
    )
    # a line that is blank or starts with "#" is not a row
    rows = [r for r in rows if "\t".join(r).strip() and not "\t".join(r).startswith("#")]
    text = "\n".join("\t".join(r) for r in [header, *rows])
    parsed = parse_table(text, "x.tsv")
    assert [dict(r) for r in parsed] == [dict(zip(header, r, strict=True)) for r in rows]


@pytest.mark.parametrize(("package", "name"), _data_files(".tsv"))
def test_every_packaged_table_loads(package: str, name: str) -> None:
    rows = read_table(package, name)
    assert rows, f"{package}/{name} has no rows"
    header = list(rows[0])
    assert all(list(r) == header for r in rows)
    assert rows[0].where.startswith(f"{package.replace('.', '/')}/data/{name}:")


@pytest.mark.parametrize(("package", "name"), _data_files(".json"))
def test_every_packaged_json_file_loads(package: str, name: str) -> None:
    assert isinstance(read_json(package, name), dict)


@pytest.fixture
def bad_package(tmp_path: Path) -> Iterator[str]:
    """An importable package whose data folder holds a broken table and a broken JSON file."""
    pkg = tmp_path / "arabnews_bad_data_pkg"
    (pkg / "data").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "data" / "t.tsv").write_text("# c\nx\ty\n1\t2\n3\n", encoding="utf-8")
    (pkg / "data" / "j.json").write_text('{"a": 1,\n}', encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        yield pkg.name
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop(pkg.name, None)


def test_read_errors_name_the_packaged_file(bad_package: str) -> None:
    with pytest.raises(ValueError, match=rf"{bad_package}/data/t\.tsv:4: expected 2"):
        read_table(bad_package, "t.tsv")
    with pytest.raises(ValueError, match=rf"{bad_package}/data/j\.json:2: not valid JSON"):
        read_json(bad_package, "j.json")
