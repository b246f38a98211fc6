"""The ``arabnews`` command line.

::

    arabnews analyze seeds/*.txt --format jsonl         # one JSON document per line
    arabnews analyze corpus.jsonl --workers 2 --skip-bad  # JSONL with id, text, published
    cat page.txt | arabnews analyze - --format table
    arabnews clean page.txt
    arabnews sentences page.txt
    arabnews names cluster names.txt

Inputs are plain UTF-8 text files (one document each, offsets index the file's exact
decoded content) or JSON Lines files (``.jsonl``/``.ndjson``, or ``-`` whose first
non-blank character is ``{``) with one object per line: ``text`` (required), ``id`` and
``published`` (optional).

Exit status: 0 success; 1 an input could not be read or parsed (the message names the
file and line; ``--skip-bad`` reports it and keeps going); 2 a usage error such as an
invalid ``--published`` date; 3 the NER model is not available.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import io
import json
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from typing import IO, Any

from arabnews.document import parse_published
from arabnews.errors import ModelNotAvailableError

__all__ = ["main"]

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE, EXIT_MODEL = 0, 1, 2, 3
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")


class BadInput(Exception):
    """An input file or line that cannot be used; the message names where."""


class _Inputs:
    """Reads documents from paths, counting what it had to skip."""

    def __init__(
        self,
        paths: Sequence[str],
        *,
        fmt: str,
        skip_bad: bool,
        published: _dt.date | None,
        stdin: IO[bytes],
        stderr: IO[str],
    ) -> None:
        self.paths = paths
        self.fmt = fmt
        self.skip_bad = skip_bad
        self.published = published
        self.stdin = stdin
        self.stderr = stderr
        self.skipped = 0

    def _bad(self, message: str) -> None:
        if not self.skip_bad:
            raise BadInput(message)
        self.skipped += 1
        print(f"arabnews: skipped: {message}", file=self.stderr)

    def _read(self, path: str) -> str | None:
        try:
            data = self.stdin.read() if path == "-" else open(path, "rb").read()  # noqa: SIM115
        except OSError as exc:
            self._bad(f"cannot read {path}: {exc.strerror or exc}")
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            self._bad(f"{path}: not UTF-8 text (byte offset {exc.start})")
            return None

    def _is_jsonl(self, path: str, content: str) -> bool:
        if self.fmt != "auto":
            return self.fmt == "jsonl"
        if path.lower().endswith(_JSONL_SUFFIXES):
            return True
        return path == "-" and content.lstrip().startswith("{")

    def __iter__(self) -> Iterator[tuple[str, str, _dt.date | None]]:
        """Yield ``(id, text, published)``."""
        for path in self.paths:
            content = self._read(path)
            if content is None:
                continue
            name = "<stdin>" if path == "-" else path
            if not self._is_jsonl(path, content):
                yield name, content, self.published
                continue
            yield from self._jsonl(name, content)

    def _jsonl(self, name: str, content: str) -> Iterator[tuple[str, str, _dt.date | None]]:
        for lineno, line in enumerate(content.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{name}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                self._bad(f"{where}: bad JSON: {exc.msg} (column {exc.colno})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                self._bad(f"{where}: expected an object with a string 'text' field")
                continue
            try:
                date = parse_published(obj.get("published"), "published")
            except (TypeError, ValueError) as exc:
                self._bad(f"{where}: {exc}")
                continue
            doc_id = obj.get("id", where)
            yield str(doc_id), obj["text"], date if date is not None else self.published


def _date_arg(value: str) -> _dt.date:
    try:
        date = parse_published(value, "--published")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    assert date is not None
    return date


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arabnews",
        description="Structured facts from raw Arabic news text.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "paths", nargs="+", metavar="PATH", help="text or JSONL files; - reads standard input"
        )
        p.add_argument(
            "--input",
            choices=("auto", "text", "jsonl"),
            default="auto",
            help="input format (default: by file name; - is JSONL if it starts with {)",
        )
        p.add_argument(
            "--skip-bad",
            action="store_true",
            help="report unreadable files and bad lines on stderr and keep going",
        )

    p = sub.add_parser("analyze", help="run the whole pipeline; print documents")
    inputs(p)
    p.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl")
    p.add_argument(
        "--published",
        type=_date_arg,
        metavar="DATE",
        help="publication date (YYYY-MM-DD) for inputs that carry none",
    )
    p.add_argument(
        "--workers", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )
    p.add_argument(
        "--ner",
        choices=("default", "stanza", "gazetteer", "none"),
        default="default",
        help="entity recognizer: shipped model + gazetteer (default), model only, "
        "gazetteer only, or none",
    )
    p.add_argument("--model-dir", metavar="DIR", help="a Stanza NER model directory to use")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")

    p = sub.add_parser("clean", help="print the cleaned text (or JSON with removals)")
    inputs(p)
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("sentences", help="print sentences with their offsets")
    inputs(p)
    p.add_argument("--format", choices=("tsv", "jsonl"), default="tsv")

    p = sub.add_parser("names", help="name-variant tools")
    names_sub = p.add_subparsers(dest="names_command", required=True, metavar="SUBCOMMAND")
    c = names_sub.add_parser("cluster", help="cluster names (one per line) into entities")
    inputs(c)
    c.add_argument("--format", choices=("tsv", "json"), default="tsv")
    return parser


def _json_line(obj: Any) -> str:
    from arabnews.serialization import escape_lone_surrogates

    return escape_lone_surrogates(json.dumps(obj, ensure_ascii=False))


def _analyze(args: argparse.Namespace, inputs: _Inputs, out: IO[str]) -> None:
    from arabnews.pipeline import Pipeline

    ner = None if args.ner == "none" else args.ner
    pipeline = Pipeline(ner=ner, model_dir=args.model_dir)
    ids: deque[str] = deque()  # ids of texts handed to the pipeline, not yet written

    def texts() -> Iterator[tuple[str, _dt.date | None]]:
        for doc_id, text, date in inputs:
            ids.append(doc_id)
            yield text, date

    # a bar only for runs over several documents (one page just waits for the model)
    several = (
        len(args.paths) > 1
        or args.input == "jsonl"
        or any(p == "-" or p.lower().endswith(_JSONL_SUFFIXES) for p in args.paths)
    )
    progress = several and not args.no_progress
    docs = pipeline.analyze_many(texts(), workers=args.workers, progress=progress)
    if args.format == "json":
        out.write("[")
    for n, doc in enumerate(docs):
        doc_id = ids.popleft()
        if args.format == "table":
            _write_table(doc_id, doc, out)
            continue
        record = {"id": doc_id, **doc.to_dict()}
        if args.format == "jsonl":
            out.write(_json_line(record) + "\n")
        else:
            out.write(("," if n else "") + "\n" + _json_line(record))
        out.flush()
    if args.format == "json":
        out.write("\n]\n")


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _write_table(doc_id: str, doc: Any, out: IO[str]) -> None:
    out.write(
        f"# {doc_id}  ({len(doc.sentences)} sentences, {len(doc.entities)} entities, "
        f"{len(doc.events)} events, {len(doc.quotes)} quotes)\n"
    )
    rows: list[tuple[str, ...]] = [("kind", "start", "end", "label", "text", "canonical / args")]
    for e in doc.entities:
        rows.append(
            ("entity", str(e.start), str(e.end), e.label, _short(e.text), _short(e.canonical or ""))
        )
    for ev in doc.events:
        trig = ev.trigger
        actors = ", ".join(_name_of(m) for m in _as_tuple(getattr(ev, "actor", ())))
        recips = ", ".join(_name_of(m) for m in _as_tuple(getattr(ev, "recipient", ())))
        label = ev.type + (f"/{ev.mode}" if getattr(ev, "mode", None) else "")
        rows.append(
            (
                "event",
                str(trig.start),
                str(trig.end),
                label,
                _short(trig.text),
                _short(f"{actors} → {recips} [{ev.modality}]"),
            )
        )
    for q in doc.quotes:
        speaker = _name_of(q.speaker) if q.speaker is not None else "?"
        content = doc.text[q.content.start : q.content.end]
        rows.append(
            (
                "quote",
                str(q.cue.start),
                str(q.cue.end),
                q.cue.text,
                _short(content),
                _short(speaker),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        out.write(
            "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() + "\n"
        )
    out.write("\n")


def _name_of(mention: Any) -> str:
    return str(getattr(mention, "canonical", None) or getattr(mention, "text", ""))


def _as_tuple(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def _clean(args: argparse.Namespace, inputs: _Inputs, out: IO[str]) -> None:
    from arabnews.clean import clean

    for doc_id, text, _date in inputs:
        cleaned = clean(text)
        if args.format == "text":
            out.write(cleaned.text.rstrip("\n") + "\n")
            continue
        from arabnews.document import encode_value

        out.write(
            _json_line(
                {
                    "id": doc_id,
                    "text": cleaned.text,
                    "removed": encode_value(cleaned.removed),
                    "articles": encode_value(getattr(cleaned, "articles", ())),
                }
            )
            + "\n"
        )


def _sentences(args: argparse.Namespace, inputs: _Inputs, out: IO[str]) -> None:
    from arabnews.sentences import split_sentences

    for doc_id, text, _date in inputs:
        for s in split_sentences(text):
            kind = getattr(s, "kind", "body")
            if args.format == "tsv":
                out.write(f"{doc_id}\t{s.start}\t{s.end}\t{kind}\t{' '.join(s.text.split())}\n")
            else:
                out.write(
                    _json_line(
                        {"id": doc_id, "start": s.start, "end": s.end, "kind": kind, "text": s.text}
                    )
                    + "\n"
                )


def _names_cluster(args: argparse.Namespace, inputs: _Inputs, out: IO[str]) -> None:
    from arabnews.names import NameResolver

    resolver = NameResolver()
    seen: dict[str, None] = {}  # unique names, first appearance first
    for _doc_id, text, _date in inputs:
        for line in text.splitlines():
            name = line.strip()
            if name and name not in seen:
                resolver.add(name)
                seen[name] = None
    # group at the end: a later name can join clusters formed earlier
    groups: dict[str, list[str]] = {}
    for name in seen:
        groups.setdefault(resolver.cluster_id(name) or name, []).append(name)
    for cluster, names in groups.items():
        canonical = resolver.canonical(names[0])
        if args.format == "tsv":
            out.write(f"{cluster}\t{canonical}\t{' | '.join(names)}\n")
        else:
            out.write(_json_line({"cluster": cluster, "canonical": canonical, "names": names}))
            out.write("\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper):
        # Lone surrogates cannot be written as UTF-8; escape rather than crash.
        out.reconfigure(errors="backslashreplace")
    if args.command == "analyze" and args.workers < 1:
        parser.error("--workers must be >= 1")
    inputs = _Inputs(
        args.paths,
        fmt=args.input,
        skip_bad=args.skip_bad,
        published=getattr(args, "published", None),
        stdin=sys.stdin.buffer,
        stderr=sys.stderr,
    )
    run = {"analyze": _analyze, "clean": _clean, "sentences": _sentences}.get(args.command)
    if run is None:
        run = _names_cluster
    try:
        run(args, inputs, out)
    except BadInput as exc:
        print(f"arabnews: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ModelNotAvailableError as exc:
        print(
            f"arabnews: error: {exc}\n(run with --ner gazetteer to go without the model)",
            file=sys.stderr,
        )
        return EXIT_MODEL
    except BrokenPipeError:  # e.g. piped into head
        return EXIT_OK
    if inputs.skipped:
        print(f"arabnews: {inputs.skipped} bad input(s) skipped", file=sys.stderr)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
