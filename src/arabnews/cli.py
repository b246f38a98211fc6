"""The ``arabnews`` command line.

::

    arabnews analyze seeds/*.txt --format jsonl          # one JSON document per line
    arabnews analyze corpus.jsonl --workers 2 --skip-bad  # JSONL with id, text, published
    cat page.txt | arabnews analyze --format table       # no PATH: standard input
    arabnews analyze page.txt --format html -o page.html  # a self-contained HTML view
    arabnews clean page.txt
    arabnews sentences page.txt --format json
    arabnews names cluster names.txt
    arabnews names compare pairs.tsv                      # two names per line, tab between
    arabnews --version

Inputs are plain UTF-8 text files (one document each, offsets index the file's exact
decoded content) or JSON Lines files (``.jsonl``/``.ndjson``, or ``-`` whose first
non-blank character is ``{``) with one object per line: ``text`` (required), ``id`` and
``published`` (optional). Without a PATH, standard input is read.

Output formats mean what their names say: ``json`` is one JSON value (an array),
``jsonl`` one JSON value per line, ``tsv`` tab-separated rows, ``html`` one self-contained
page, ``table`` and ``text`` for reading. ``-o FILE`` writes to a file instead of standard
output. Results are written as soon as each document is done, in input order; a ``json``
array is closed even when a run stops on an error or Ctrl-C, so the output stays valid.

Exit status: 0 success; 1 an input could not be read, parsed or analysed (the message
names the file and line; ``--skip-bad`` reports it and keeps going); 2 a usage error
such as an invalid ``--published`` date; 3 the NER model is not available; 130
interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import inspect
import io
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any

from arabnews import errors
from arabnews.dates import parse_published
from arabnews.errors import ModelNotAvailableError

__all__ = ["main"]

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE, EXIT_MODEL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
ANALYZE_FORMATS = ("jsonl", "json", "tsv", "table", "html")
TSV_COLUMNS = (
    "doc_id",
    "kind",
    "start",
    "end",
    "label",
    "text",
    "canonical",
    "entity_id",
    "score",
    "detail",
)
"""Header of ``arabnews analyze --format tsv``: one row per entity, event and quote."""


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


def _count_documents(paths: Sequence[str], fmt: str) -> int | None:
    """How many documents *paths* hold, when that is cheap to know (for a progress bar)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        is_jsonl = fmt == "jsonl" or (fmt == "auto" and path.lower().endswith(_JSONL_SUFFIXES))
        if not is_jsonl:
            total += 1
            continue
        try:
            with open(path, "rb") as f:
                total += sum(1 for line in f if line.strip())
        except OSError:
            continue  # reported when the file is read
    return total


class _Feed:
    """The ``(text, published)`` items handed to ``analyze_many``, with their ids.

    An input error (without ``--skip-bad``) ends the feed instead of raising inside
    ``analyze_many``: the documents before it are still analysed and written, then the
    error is reported.
    """

    def __init__(self, inputs: _Inputs, total: int | None) -> None:
        self.inputs = inputs
        self.total = total
        self.ids: dict[int, str] = {}
        self.error: BadInput | None = None

    def __iter__(self) -> Iterator[tuple[str, _dt.date | None]]:
        try:
            for i, (doc_id, text, date) in enumerate(self.inputs):
                self.ids[i] = doc_id
                yield text, date
        except BadInput as exc:
            self.error = exc


class _Sized(_Feed):
    """A feed whose length is known (so that the progress bar has a total)."""

    def __len__(self) -> int:
        return self.total or 0


def _date_arg(value: str) -> _dt.date:
    try:
        date = parse_published(value, "--published")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    assert date is not None
    return date


def _version() -> str:
    from arabnews import __version__

    return f"arabnews {__version__}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arabnews",
        description="Structured facts from raw Arabic news text.",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser, formats: Sequence[str], default: str) -> None:
        p.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help="text or JSONL files; - (or no PATH) reads standard input",
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
            help="report unreadable files, bad lines and documents that fail on stderr "
            "and keep going",
        )
        p.add_argument(
            "--format", choices=formats, default=default, help=f"output format (default {default})"
        )
        p.add_argument(
            "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
        )

    p = sub.add_parser("analyze", help="run the whole pipeline; print documents")
    common(p, ANALYZE_FORMATS, "jsonl")
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
    p.add_argument(
        "--model-dir",
        metavar="DIR",
        help="another NER model: a folder trained with training/ner (manifest.json) or a "
        "Stanza resources folder (ar/ner/*.pt, ar/pretrain/*.pt, optional charlm); ~ expands",
    )
    p.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="give up on a document after SECONDS (with --skip-bad it is skipped)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")

    p = sub.add_parser("clean", help="print the cleaned text (or JSON with removals)")
    common(p, ("text", "json", "jsonl"), "text")

    p = sub.add_parser("sentences", help="print sentences with their offsets")
    common(p, ("tsv", "json", "jsonl"), "tsv")

    p = sub.add_parser("names", help="name-variant tools")
    names_sub = p.add_subparsers(dest="names_command", required=True, metavar="SUBCOMMAND")
    c = names_sub.add_parser("cluster", help="cluster names (one per line) into entities")
    common(c, ("tsv", "json", "jsonl"), "tsv")
    c = names_sub.add_parser(
        "compare", help="say whether two names (a tab between, a pair per line) are one, and why"
    )
    common(c, ("tsv", "json", "jsonl", "text"), "tsv")
    return parser


def _json_line(obj: Any) -> str:
    from arabnews.serialization import escape_lone_surrogates

    return escape_lone_surrogates(json.dumps(obj, ensure_ascii=False))


class _Writer:
    """Writes records as the format asks, flushing each one as soon as it is written.

    ``json`` output is one array: :meth:`close` writes its end whatever happened before,
    so a run stopped by an error or Ctrl-C still leaves valid JSON.
    """

    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out = out
        self.fmt = fmt
        self.count = 0
        if fmt == "json":
            out.write("[")

    def record(self, obj: Any) -> None:
        if self.fmt == "json":
            self.out.write(("," if self.count else "") + "\n" + _json_line(obj))
        else:
            self.out.write(_json_line(obj) + "\n")
        self.count += 1
        self.out.flush()

    def text(self, value: str) -> None:
        self.out.write(value)
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "]\n")
        self.out.flush()


def _warn(message: str) -> None:
    print(f"arabnews: warning: {message}", file=sys.stderr)


def _ignored_options(args: argparse.Namespace) -> None:
    if args.command != "analyze":
        return
    if args.model_dir and args.ner in ("gazetteer", "none"):
        _warn(f"--model-dir is ignored with --ner {args.ner} (no model is loaded)")
    if args.workers > 1 and len(args.paths) == 1 and args.paths[0] != "-":
        path = args.paths[0]
        if args.input == "text" or (
            args.input == "auto" and not path.lower().endswith(_JSONL_SUFFIXES)
        ):
            _warn("--workers is ignored for a single text file (one document)")


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    return " ".join(str(value).split())


def _tsv_rows(doc_id: str, doc: Any) -> Iterator[tuple[Any, ...]]:
    for e in doc.entities:
        yield (doc_id, "entity", e.start, e.end, e.label, e.text, e.canonical, e.entity_id,
               e.score, "")  # fmt: skip
    for ev in doc.events:
        trig = ev.trigger
        actors = ", ".join(_name_of(m) for m in _as_tuple(getattr(ev, "actor", ())))
        recips = ", ".join(_name_of(m) for m in _as_tuple(getattr(ev, "recipient", ())))
        label = ev.type + (f"/{ev.mode}" if getattr(ev, "mode", None) else "")
        yield (doc_id, "event", trig.start, trig.end, label, trig.text, None, None,
               getattr(ev, "score", None), f"{actors} → {recips} [{ev.modality}]")  # fmt: skip
    for q in doc.quotes:
        speaker = q.speaker
        content = doc.text[q.content.start : q.content.end]
        yield (doc_id, "quote", q.content.start, q.content.end, "direct" if q.direct else
               "indirect", content, None if speaker is None else speaker.canonical,
               None if speaker is None else speaker.entity_id, getattr(q, "score", None),
               "" if speaker is None else f"speaker: {speaker.text}")  # fmt: skip


def _analyze_many_options(pipeline: Any, args: argparse.Namespace) -> dict[str, Any]:
    """``errors=`` and ``timeout=`` for ``analyze_many``, where this version has them."""
    try:
        params = inspect.signature(pipeline.analyze_many).parameters
    except (TypeError, ValueError):  # pragma: no cover
        return {}
    options: dict[str, Any] = {}
    if "errors" in params:
        options["errors"] = "skip" if args.skip_bad else "raise"
    if args.timeout is not None:
        if "timeout" in params:
            options["timeout"] = args.timeout
        else:
            _warn("--timeout is ignored: this version of Pipeline.analyze_many has none")
    return options


def _analyze(args: argparse.Namespace, inputs: _Inputs, out: IO[str]) -> None:
    import attrs

    from arabnews.pipeline import Pipeline

    ner = None if args.ner == "none" else args.ner
    model_dir = args.model_dir if args.ner not in ("gazetteer", "none") else None
    pipeline = Pipeline(ner=ner, model_dir=model_dir)
    total = _count_documents(args.paths, args.input)
    feed: _Feed = _Sized(inputs, total) if total is not None else _Feed(inputs, None)
    # a bar only for runs over several documents (one page just waits for the model)
    progress = (total is None or total > 1) and not args.no_progress
    docs = pipeline.analyze_many(
        feed, workers=args.workers, progress=progress, **_analyze_many_options(pipeline, args)
    )
    failed: dict[int, Any] = {}  # input index -> SkippedDocument, as analyze_many reports
    reported: set[int] = set()
    taken = 0

    def take_skipped() -> None:
        nonlocal taken
        skipped = getattr(pipeline, "skipped", ())
        for item in skipped[taken:]:
            failed[item.index] = item
        taken = len(skipped)

    def report(i: int) -> None:
        if i in reported:
            return
        reported.add(i)
        item = failed[i]
        inputs.skipped += 1
        doc_id = feed.ids.get(i, f"#{i}")
        print(f"arabnews: skipped: {doc_id}: {item.error_type}: {item.message}", file=sys.stderr)

    index = 0  # input index of the next document analyze_many yields
    writer: _Writer | None = None
    if args.format in ("json", "jsonl"):
        writer = _Writer(out, args.format)
    elif args.format == "html":
        from arabnews.rendering import STYLE

        out.write(
            '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>arabnews</title>\n<style>body{{margin:1em}}{STYLE}</style>\n"
            "</head>\n<body>\n"
        )
    elif args.format == "tsv":
        out.write("\t".join(TSV_COLUMNS) + "\n")
    quiet = warnings.catch_warnings()  # skipped documents are reported below, by their id
    quiet.__enter__()
    skipped_warning = getattr(errors, "DocumentSkippedWarning", None)
    if skipped_warning is not None:
        warnings.simplefilter("ignore", skipped_warning)
    try:
        for result in docs:
            # every document skipped before this one is already in pipeline.skipped
            take_skipped()
            while index in failed:
                report(index)
                index += 1
            doc_id = feed.ids.get(index, f"#{index}")
            index += 1
            doc = attrs.evolve(result, id=doc_id)
            if writer is not None:
                writer.record(doc.to_dict())
            elif args.format == "html":
                from arabnews.rendering import render

                out.write(render(doc, style=False) + "\n")
                out.flush()
            elif args.format == "tsv":
                for row in _tsv_rows(doc_id, doc):
                    out.write("\t".join(_tsv_cell(v) for v in row) + "\n")
                out.flush()
            else:
                _write_table(doc_id, doc, out)
                out.flush()
        take_skipped()
        for i in sorted(failed):
            report(i)
    except (BadInput, ModelNotAvailableError, KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:
        doc_id = feed.ids.get(index, f"#{index}")
        raise BadInput(
            f"{doc_id}: {type(exc).__name__}: {exc} (--skip-bad skips documents that fail)"
        ) from exc
    finally:
        quiet.__exit__(None, None, None)
        if writer is not None:
            writer.close()
        elif args.format == "html":
            out.write("</body>\n</html>\n")
            out.flush()
    if feed.error is not None:
        raise feed.error


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
    from arabnews.serialization import encode_value

    writer = _Writer(out, args.format) if args.format != "text" else None
    try:
        for doc_id, text, _date in inputs:
            cleaned = clean(text)
            if writer is None:
                out.write(cleaned.text.rstrip("\n") + "\n")
                out.flush()
                continue
            writer.record(
                {
                    "id": doc_id,
                    "text": cleaned.text,
                    "removed": encode_value(cleaned.removed),
                    "articles": encode_value(getattr(cleaned, "articles", ())),
                }
            )
    finally:
        if writer is not None:
            writer.close()


def _sentences(args: argparse.Namespace, inputs: _Inputs, out: IO[str]) -> None:
    from arabnews.sentences import split_sentences

    writer = _Writer(out, args.format) if args.format != "tsv" else None
    try:
        for doc_id, text, _date in inputs:
            for s in split_sentences(text):
                kind = getattr(s, "kind", "body")
                if writer is None:
                    out.write(f"{doc_id}\t{s.start}\t{s.end}\t{kind}\t{' '.join(s.text.split())}\n")
                else:
                    writer.record(
                        {"id": doc_id, "start": s.start, "end": s.end, "kind": kind, "text": s.text}
                    )
            out.flush()
    finally:
        if writer is not None:
            writer.close()


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
    writer = _Writer(out, args.format) if args.format != "tsv" else None
    try:
        for cluster, names in groups.items():
            canonical = resolver.canonical(names[0])
            # how sure the weakest link of the cluster is (NameResolver.score)
            score = round(min(resolver.score(n) or 0.0 for n in names), 3)
            if writer is None:
                out.write(f"{cluster}\t{canonical}\t{score:.3f}\t{' | '.join(names)}\n")
            else:
                writer.record(
                    {"cluster": cluster, "canonical": canonical, "score": score, "names": names}
                )
    finally:
        if writer is not None:
            writer.close()


def _names_compare(args: argparse.Namespace, inputs: _Inputs, out: IO[str]) -> None:
    from arabnews.names import explain

    writer = _Writer(out, args.format) if args.format in ("json", "jsonl") else None
    try:
        for doc_id, text, _date in inputs:
            for lineno, line in enumerate(text.splitlines(), 1):
                if not line.strip():
                    continue
                parts = line.split("\t")
                if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
                    inputs._bad(f"{doc_id}:{lineno}: expected two names with a tab between")
                    continue
                why = explain(parts[0].strip(), parts[1].strip())
                if writer is not None:
                    writer.record(
                        {
                            "a": why.a,
                            "b": why.b,
                            "same": why.same,
                            "similarity": round(why.similarity, 4),
                            "threshold": why.threshold,
                            "reasons": list(why.reasons),
                        }
                    )
                elif args.format == "text":
                    out.write(f"{why.a} / {why.b}: {why}\n\n")
                else:
                    reasons = " | ".join(why.reasons)
                    out.write(
                        f"{why.a}\t{why.b}\t{'same' if why.same else 'different'}\t"
                        f"{why.similarity:.3f}\t{reasons}\n"
                    )
    finally:
        if writer is not None:
            writer.close()


def _names(args: argparse.Namespace, inputs: _Inputs, out: IO[str]) -> None:
    if args.names_command == "compare":
        _names_compare(args, inputs, out)
    else:
        _names_cluster(args, inputs, out)


def _open_output(path: str | None) -> IO[str]:
    if path is None or path == "-":
        out = sys.stdout
        if isinstance(out, io.TextIOWrapper):
            # Lone surrogates cannot be written as UTF-8; escape rather than crash.
            out.reconfigure(errors="backslashreplace")
        return out
    return open(path, "w", encoding="utf-8", errors="backslashreplace", newline="")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "analyze" and args.workers < 1:
        parser.error("--workers must be >= 1")
    if args.command == "analyze" and args.timeout is not None and args.timeout <= 0:
        parser.error("--timeout must be > 0")
    if not args.paths:
        if _stdin_is_terminal():
            parser.error("no input: give a PATH or pipe text into standard input")
        args.paths = ["-"]
    _ignored_options(args)
    inputs = _Inputs(
        args.paths,
        fmt=args.input,
        skip_bad=args.skip_bad,
        published=getattr(args, "published", None),
        stdin=sys.stdin.buffer,
        stderr=sys.stderr,
    )
    runners: dict[str, Callable[[argparse.Namespace, _Inputs, IO[str]], None]] = {
        "analyze": _analyze,
        "clean": _clean,
        "sentences": _sentences,
        "names": _names,
    }
    try:
        out = _open_output(args.output)
    except OSError as exc:
        print(
            f"arabnews: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr
        )
        return EXIT_BAD_INPUT
    try:
        runners[args.command](args, inputs, out)
    except BadInput as exc:
        print(f"arabnews: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ModelNotAvailableError as exc:
        print(
            f"arabnews: error: {exc}\n(run with --ner gazetteer to go without the model)",
            file=sys.stderr,
        )
        return EXIT_MODEL
    except KeyboardInterrupt:
        print("arabnews: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. piped into head
        _quiet_broken_pipe()
        return EXIT_OK
    finally:
        if out is not sys.stdout:
            out.close()
    if inputs.skipped:
        print(f"arabnews: {inputs.skipped} bad input(s) skipped", file=sys.stderr)
    return EXIT_OK


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _quiet_broken_pipe() -> None:
    # Python flushes stdout at exit; point it at devnull so that no second error follows.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
