"""Boilerplate of Arabic news pages: named patterns (``data/boilerplate.tsv``) and the scan.

Patterns run on the character-normalised text (so ``إقرأ أيضاً`` with tanween, tatweel or
Persian letters is found like its plain spelling) and every match is reported in original
offsets by the caller. A row has a *scope*:

``line``
    the regex must cover a whole line (leading and trailing blanks aside);
``block``
    the regex covers a header line; the list under it goes too: bulleted lines (blank
    lines between them allowed) and headline-like lines directly below (no blank line);
``linestart``
    the regex matches a prefix at the start of a line (the rest of the line stays);
``inline``
    the regex may match anywhere; a group named ``cut`` narrows what is removed;
``repeat``
    a line that the regex covers and that is repeated right below itself (all copies go).

Speed: all ``line``/``block``/``linestart`` rows are compiled into one regex that starts
with a line break (the engine jumps from line break to line break in C), each ``inline`` row
into its own regex that starts with a literal, and repeated lines are found by comparing
neighbouring lines, so boilerplate costs a few C-speed scans of the text.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from arabnews._data import read_table
from arabnews.charsets import SUPERSCRIPT_ALEF, TASHKEEL, class_body
from arabnews.clean.types import BOILERPLATE_KINDS

__all__ = ["BoilerplateMatch", "Pattern", "find_boilerplate", "patterns"]

_MACROS = {
    # optional tashkeel and superscript alef (Quranic marks and tatweel are not in it)
    "{M}": f"[{class_body(TASHKEEL | {SUPERSCRIPT_ALEF})}]*",
    "{STRONG}": (
        "(?:انتقل إلى اختصارات الوصول|انتقل إلى المحتوى(?: الرئيسي)?"
        "|شارك هذا (?:المقال|الخبر|الموضوع)"
        "|شارك (?:المقال|الخبر)|مشاركة (?:المقال|الخبر)|نسخ الرابط|طباعة المقال"
        "|Share this (?:article|story)|Skip to (?:main )?content)"
    ),
    "{W}": (
        "(?:محادثة|التعليقات|تعليقات|تعليق|فيسبوك|فيس بوك|تويتر|إكس|واتساب"
        "|تلغرام|تيليجرام"
        "|لينكد إن|البريد الإلكتروني|طباعة|حفظ"
        "|Facebook|Twitter|WhatsApp|Telegram|Email|Print|[0-9]++)"
    ),
}
# Every line/linestart row is anchored at a line start (it is only ever tried there) and
# takes the blanks that open the line possessively: even a scan of every position of a
# long line of digits or blanks stays linear.
_LEAD = "(?<![^\\n])[ \\t]*+"
_SCOPES = frozenset({"line", "block", "linestart", "inline", "repeat"})
_BULLET = re.compile(r"[ \t]*[•·▪◦●■►▸\-–—*][ \t]*\S")
_TERMINAL = ".!?؟…:؛"
_LETTER = re.compile(r"[^\W\d_]")


class Pattern(NamedTuple):
    """One row of ``data/boilerplate.tsv``."""

    name: str
    kind: str
    scope: str
    regex: str
    example: str
    note: str


class BoilerplateMatch(NamedTuple):
    """A match in the scanned text's coordinates."""

    start: int
    end: int
    kind: str
    pattern: str


def _expand(regex: str) -> str:
    for macro, body in _MACROS.items():
        regex = regex.replace(macro, body)
    return regex


def _wrap(p: Pattern) -> str:
    """The row's regex as a standalone pattern (used to validate its example)."""
    body = _expand(p.regex)
    if p.scope == "inline":
        return body
    if p.scope == "linestart":
        return f"^[ \\t]*(?:{body})"
    return f"^[ \\t]*(?:{body})[ \\t]*$"


@functools.cache
def patterns() -> tuple[Pattern, ...]:
    """The rows of ``data/boilerplate.tsv``, validated (each example must match its row)."""
    rows: list[Pattern] = []
    seen: set[str] = set()
    for row in read_table("arabnews.clean", "boilerplate.tsv", columns=Pattern._fields):
        where = row.where
        name, kind, scope = row["name"], row["kind"], row["scope"]
        example = row["example"].replace("\\n", "\n")
        p = Pattern(name, kind, scope, row["regex"], example, row["note"])
        if not re.fullmatch(r"[a-z][a-z0-9-]*", name) or name in seen:
            raise ValueError(f"{where}: bad or duplicate name {name!r}")
        if kind not in BOILERPLATE_KINDS:
            raise ValueError(f"{where}: unknown kind {kind!r}")
        if scope not in _SCOPES:
            raise ValueError(f"{where}: unknown scope {scope!r}")
        try:
            compiled = re.compile(_wrap(p), re.MULTILINE)
        except re.error as exc:
            raise ValueError(f"{where}: bad regex: {exc}") from exc
        if not compiled.search(example):
            raise ValueError(f"{where}: example does not match {name!r}")
        seen.add(name)
        rows.append(p)
    return tuple(rows)


class _Scanner(NamedTuple):
    lines: re.Pattern[str] | None  # candidate lines after a line break
    first: re.Pattern[str] | None  # the same for the first line (matched at 0)
    line_rows: tuple[tuple[re.Pattern[str], Pattern], ...]
    inline: tuple[tuple[re.Pattern[str], str, Pattern], ...]  # regex, literal lead, row
    repeat: tuple[tuple[re.Pattern[str], re.Pattern[str], Pattern], ...]


@functools.cache
def _scanner() -> _Scanner:
    whole: list[str] = []
    starts: list[str] = []
    rows: list[tuple[re.Pattern[str], Pattern]] = []
    inline: list[tuple[re.Pattern[str], str, Pattern]] = []
    repeat: list[tuple[re.Pattern[str], re.Pattern[str], Pattern]] = []
    for p in patterns():
        body = _expand(p.regex)
        if p.scope in ("line", "block"):
            whole.append(f"(?:{body})")
            rows.append((re.compile(f"{_LEAD}(?:{body})[ \\t]*(?=\\n|\\Z)"), p))
        elif p.scope == "linestart":
            starts.append(f"(?:{body})")
            rows.append((re.compile(f"{_LEAD}(?:{body})"), p))
        elif p.scope == "inline":
            inline.append((re.compile(body, re.MULTILINE), _literal_lead(body), p))
        else:
            tail = "(?=\\n)(?:\\n(?P=cap))+(?=\\n|\\Z)"
            repeat.append(
                (
                    re.compile(f"\\n(?P<cap>{body}){tail}"),
                    re.compile(f"(?P<cap>{body}){tail}"),
                    p,
                )
            )
    alts = []
    if whole:
        alts.append(f"(?:{'|'.join(whole)})[ \\t]*(?=\\n|\\Z)")
    alts.extend(starts)
    # No capturing groups in the shared regex (they slow every attempt); the row that
    # matched is found afterwards by matching the few hits against each row.
    # (?!\n): blank lines fail before the branches are tried.
    lines = first = None
    if alts:
        body = f"{_LEAD}(?!\\n)(?:{'|'.join(alts)})"
        lines, first = re.compile(f"\\n{body}"), re.compile(body)
    return _Scanner(lines, first, tuple(rows), tuple(inline), tuple(repeat))


_META = set("\\.^$*+?{}[]()|")


def _literal_lead(regex: str) -> str:
    """The literal text every match of *regex* starts with ("" if none is obvious)."""
    lead: list[str] = []
    for i, ch in enumerate(regex):
        if ch in _META:
            if ch in "*?{" and lead:  # the last character is optional or repeated
                lead.pop()
            break
        lead.append(ch)
        if i + 1 < len(regex) and regex[i + 1] == "+":
            break
    return "".join(lead)


def _inline_matches(text: str, regex: re.Pattern[str], lead: str) -> list[re.Match[str]]:
    """Matches of *regex*; with a literal lead of 3+ characters, ``str.find`` (much
    faster than the regex engine's prefix scan) picks the places to try."""
    if len(lead) < 3:
        return list(regex.finditer(text))
    out: list[re.Match[str]] = []
    pos = text.find(lead)
    while pos >= 0:
        m = regex.match(text, pos)
        if m is not None:
            out.append(m)
            pos = text.find(lead, max(m.end(), pos + 1))
        else:
            pos = text.find(lead, pos + 1)
    return out


def _headline_like(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 160 and s[-1] not in _TERMINAL


def _extend_block(text: str, end: int) -> int:
    """End of the list that follows a block header ending at *end* (end of its line)."""
    n = len(text)
    pos = end
    last = end
    adjacent = True  # no blank line since the last consumed line
    while pos < n and text[pos] == "\n":
        nl = text.find("\n", pos + 1)
        line_end = n if nl < 0 else nl
        line = text[pos + 1 : line_end]
        if not line.strip():
            adjacent = False
            pos = line_end
            continue
        if _BULLET.match(line) or (adjacent and _headline_like(line)):
            last = pos + 1 + len(line.rstrip())
            adjacent = True
            pos = line_end
            continue
        break
    return last


def find_boilerplate(text: str) -> list[BoilerplateMatch]:
    """Boilerplate in *text* (already character-normalised), in *text*'s offsets."""
    scan = _scanner()
    raw: list[tuple[int, int, Pattern]] = []
    if scan.lines is not None and scan.first is not None:
        # line starts: offset 0 and every position after a line break
        hits = [0] if scan.first.match(text) else []
        hits.extend(m.start() + 1 for m in scan.lines.finditer(text))
        for s in hits:
            for regex, p in scan.line_rows:
                hit = regex.match(text, s)
                if hit is not None:
                    raw.append((s, hit.end(), p))
                    break
    for after_break, at_start, p in scan.repeat:
        found = [at_start.match(text)] if text[:1] != "\n" else []
        found.extend(after_break.finditer(text))
        for m in found:
            if m is not None and _LETTER.search(m.group("cap")):
                raw.append((m.start("cap"), m.end(), p))
    for regex, literal, p in scan.inline:
        cut = "cut" in regex.groupindex
        for m in _inline_matches(text, regex, literal):
            raw.append((m.start("cut"), m.end("cut"), p) if cut else (m.start(), m.end(), p))
    raw.sort(key=lambda r: (r[0], -r[1]))
    out: list[BoilerplateMatch] = []
    covered = 0
    for start, stop, p in raw:
        if start < covered:
            continue
        end = _extend_block(text, stop) if p.scope == "block" else stop
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        s, e = start + lead, end - trail
        if e <= s:
            continue
        out.append(BoilerplateMatch(s, e, p.kind, p.name))
        covered = e
    return out
