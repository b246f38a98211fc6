"""Character-level cleaning steps: one precompiled scan, edits only where something changes.

The character table ``data/chars.tsv`` names, for every step, the code points it touches
and what they become (a string, nothing, or their NFKC form for presentation forms). For a
given :class:`~arabnews.clean.CleanConfig` the enabled rows are merged into one mapping,
closed under itself (``ﻵ`` → ``لآ`` → ``لا`` when alef folding is on), and turned into:

- one regular expression whose character class holds every code point that changes, plus
  the two spacing rules (spaces before closing punctuation, spaces after opening
  brackets) and ``CR LF``;
- a ``str.translate`` table applied to each matched run.

The scan visits only the places that change, so clean text costs one regex pass, and the
alignment gets one breakpoint per edited run, never one per character.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from bisect import bisect_right
from importlib import resources
from itertools import accumulate, repeat
from operator import sub
from typing import NamedTuple

from arabnews.alignment import Alignment
from arabnews.clean.types import CHARACTER_STEPS, FOLD_STEPS, CleanConfig

__all__ = ["CharPlan", "CharRow", "char_plan", "char_rows", "normalize_chars"]

_KNOWN_STEPS = frozenset((*CHARACTER_STEPS, *FOLD_STEPS))

# Punctuation that takes no space before it / brackets that take no space after them.
_CLOSERS = "،؛؟,;!?)]}»"
_STOPS = ".:"  # only when not followed by a word character (".5", "a:b" keep their spaces)
_OPENERS = "([{«"


class CharRow(NamedTuple):
    """One row of ``data/chars.tsv``."""

    step: str
    first: int
    last: int
    replacement: str | None  # None = NFKC
    example: str
    note: str


@functools.cache
def char_rows() -> tuple[CharRow, ...]:
    """The rows of ``data/chars.tsv``, validated (loaded once)."""
    text = resources.files("arabnews.clean").joinpath("data/chars.tsv").read_text("utf-8")
    rows: list[CharRow] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5:
            raise ValueError(f"chars.tsv:{lineno}: expected 5 tab-separated fields")
        step, cps, repl, example, note = fields
        if step not in _KNOWN_STEPS:
            raise ValueError(f"chars.tsv:{lineno}: unknown step {step!r}")
        lo_s, _, hi_s = cps.partition("-")
        lo = int(lo_s, 16)
        hi = int(hi_s, 16) if hi_s else lo
        if hi < lo or hi > 0x10FFFF:
            raise ValueError(f"chars.tsv:{lineno}: bad range {cps!r}")
        replacement: str | None
        if repl == "NFKC":
            replacement = None
        elif repl == "DEL":
            replacement = ""
        else:
            replacement = "".join(chr(int(h, 16)) for h in repl.split())
        rows.append(CharRow(step, lo, hi, replacement, example, note))
    return tuple(rows)


def _nfkc(ch: str) -> str:
    out = unicodedata.normalize("NFKC", ch)
    # Isolated forms of marks decompose to SPACE + mark; the space is the glyph's
    # carrier, not text, and keeping it would let a mark insert a word break.
    if len(out) > 1 and out[0] == " " and all(unicodedata.combining(c) for c in out[1:]):
        out = out[1:]
    return out


class CharPlan(NamedTuple):
    """Everything the two stages need for one configuration."""

    table: dict[int, str]  # code point -> replacement ("" = delete)
    runs: re.Pattern[str] | None  # stage 1: runs of changing characters (one group)
    spacing: re.Pattern[str] | None  # stage 2: closing/opening marks next to a space


def _class(cps: set[int]) -> str:
    """A regex character class body for a set of code points (ranges compressed)."""
    out: list[str] = []
    ordered = sorted(cps)
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        lo, hi = ordered[i], ordered[j]
        out.append(_esc(lo) if lo == hi else f"{_esc(lo)}-{_esc(hi)}")
        i = j + 1
    return "".join(out)


def _esc(cp: int) -> str:
    return f"\\u{cp:04x}" if cp <= 0xFFFF else f"\\U{cp:08x}"


@functools.cache
def char_plan(config: CleanConfig) -> CharPlan:
    """Build (once per configuration) the merged table and the scanning regex."""
    steps = set(config.enabled_steps())
    base: dict[int, str] = {}
    for row in char_rows():
        if row.step not in steps:
            continue
        for cp in range(row.first, row.last + 1):
            if row.replacement is None:
                ch = chr(cp)
                out = _nfkc(ch)
                if out != ch:
                    base[cp] = out
            else:
                base[cp] = row.replacement
    # Close the table under itself so that one application is final (idempotence).
    table: dict[int, str] = {}
    for cp, first_repl in base.items():
        repl = first_repl
        for _ in range(8):
            nxt = "".join(base.get(ord(c), c) for c in repl)
            if nxt == repl:
                break
            repl = nxt
        else:  # pragma: no cover - guarded by the table's own tests
            raise ValueError(f"chars.tsv: mapping of U+{cp:04X} does not settle")
        if repl != chr(cp):
            table[cp] = repl
    if config.line_breaks:
        table[0x0D] = "\n"  # CR LF is folded to CR before translation (see below)
    changing = _class(set(table))
    # Stage 1: maximal runs of changing characters. The pattern starts with one
    # character class, so the engine skips to candidates at C speed; "\n" joins a run
    # only right after CR (CR LF is one unit).
    runs = re.compile(f"([{changing}](?:[{changing}]|(?<=\\r)\\n)*)") if table else None
    spacing = None
    if config.punctuation_spacing:
        closers = _class({ord(c) for c in _CLOSERS})
        stops = _class({ord(c) for c in _STOPS})
        openers = _class({ord(c) for c in _OPENERS})
        # Stage 2 runs on stage 1's output, where every space-like character is already
        # a plain space and invisible marks are gone.
        spacing = re.compile(
            f"[{closers}{stops}{openers}]"
            f"(?:(?<= [{closers}])|(?<= [{stops}])(?!\\w)|(?<=[{openers}])(?= ))"
        )
    return CharPlan(table, runs, spacing)


_SEP = "\ue000"  # joins runs for one translate call; never in the table or its output


class CharResult(NamedTuple):
    """Normalised text and the alignment back to the text it came from."""

    text: str
    alignment: Alignment


def normalize_chars(text: str, config: CleanConfig) -> CharResult:
    """Apply the character steps of *config* to *text*.

    Stage 1 splits the text at runs of changing characters (``re.split`` with a group,
    in C), translates all runs with one ``str.translate`` call on their concatenation and
    builds the alignment from the piece lengths with ``accumulate``: no Python code runs
    per edit. Stage 2 (punctuation spacing) finds the spaces before closing marks and
    after opening brackets in stage 1's output and cuts them out of the pieces.
    """
    plan = char_plan(config)
    parts: list[str] = [text]
    pieces: list[str] = [text]
    if plan.runs is not None:
        parts = plan.runs.split(text)
        if len(parts) > 1:
            joined = _SEP.join(parts[1::2])
            if "\r\n" in joined:
                joined = joined.replace("\r\n", "\r")
            pieces = parts.copy()
            pieces[1::2] = joined.translate(plan.table).split(_SEP)
    olens = list(map(len, parts))
    clens = list(map(len, pieces))
    eqs = bytearray(b"\x01\x00" * (len(parts) // 2) + b"\x01")
    out = "".join(pieces) if len(pieces) > 1 else text
    if plan.spacing is not None:
        cuts = _spacing_cuts(out, plan.spacing)
        if cuts:
            pieces, olens, clens, eqs = _cut_pieces(pieces, olens, clens, eqs, cuts)
            out = "".join(pieces)
    return CharResult(out, _alignment(olens, clens, eqs))


def _alignment(olens: list[int], clens: list[int], eqs: bytearray) -> Alignment:
    """Alignment from segment lengths (empty unchanged segments are dropped)."""
    if not olens[-1] and eqs[-1]:
        del olens[-1], clens[-1], eqs[-1]
    if olens and not olens[0] and eqs[0]:
        del olens[0], clens[0], eqs[0]
    o = array("q", [0])
    o.extend(accumulate(olens))
    c = array("q", [0])
    c.extend(accumulate(clens))
    return Alignment(c, o, bytes(eqs))


def _spacing_cuts(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Ranges of spaces before closing marks / after opening brackets (sorted, disjoint)."""
    cuts: list[tuple[int, int]] = []
    n = len(text)
    for m in pattern.finditer(text):
        p = m.start()
        if text[p] in _OPENERS:
            a = b = p + 1
            while b < n and text[b] == " ":
                b += 1
        else:
            a = b = p
            while a > 0 and text[a - 1] == " ":
                a -= 1
        if cuts and a < cuts[-1][1]:
            a = cuts[-1][1]
        if a < b:
            cuts.append((a, b))
    return cuts


def _cut_pieces(
    pieces: list[str],
    olens: list[int],
    clens: list[int],
    eqs: bytearray,
    cuts: list[tuple[int, int]],
) -> tuple[list[str], list[int], list[int], bytearray]:
    """Delete the cleaned ranges *cuts* from a piece list.

    An unchanged piece is split around a cut (the spaces become a deletion segment); a
    changed piece keeps its original extent and loses the spaces from its replacement
    (``ی`` + NBSP before ``،`` becomes ``ي``). Untouched pieces are copied as slices.
    """
    ends = list(accumulate(clens))
    touched: dict[int, list[tuple[int, int]]] = {}
    n = len(pieces)
    for a, b in cuts:
        k = bisect_right(ends, a)
        while k < n and ends[k] - clens[k] < b:
            start = ends[k] - clens[k]
            lo, hi = max(a, start) - start, min(b, ends[k]) - start
            if hi > lo:
                touched.setdefault(k, []).append((lo, hi))
            k += 1
    new_pieces: list[str] = []
    new_o: list[int] = []
    new_c: list[int] = []
    new_eq = bytearray()
    prev = 0
    for k, ranges in touched.items():
        new_pieces.extend(pieces[prev:k])
        new_o.extend(olens[prev:k])
        new_c.extend(clens[prev:k])
        new_eq.extend(eqs[prev:k])
        txt = pieces[k]
        if eqs[k]:
            p = 0
            for lo, hi in ranges:
                if lo > p:
                    new_pieces.append(txt[p:lo])
                    new_o.append(lo - p)
                    new_c.append(lo - p)
                    new_eq.append(1)
                new_pieces.append("")
                new_o.append(hi - lo)
                new_c.append(0)
                new_eq.append(0)
                p = hi
            if p < len(txt):
                new_pieces.append(txt[p:])
                new_o.append(len(txt) - p)
                new_c.append(len(txt) - p)
                new_eq.append(1)
        else:
            keep: list[str] = []
            p = 0
            for lo, hi in ranges:
                keep.append(txt[p:lo])
                p = hi
            keep.append(txt[p:])
            new_txt = "".join(keep)
            new_pieces.append(new_txt)
            new_o.append(olens[k])
            new_c.append(len(new_txt))
            new_eq.append(0)
        prev = k + 1
    new_pieces.extend(pieces[prev:])
    new_o.extend(olens[prev:])
    new_c.extend(clens[prev:])
    new_eq.extend(eqs[prev:])
    return new_pieces, new_o, new_c, new_eq


def cut_alignment(alignment: Alignment, removals: list[tuple[int, int]]) -> Alignment:
    """*alignment* with the original ranges *removals* deleted as well.

    Removals are sorted, disjoint and never cut a changed segment (their bounds come from
    ``span_to_original``), so each one splits at most two unchanged segments. The
    segments between removals are copied as array slices, their cleaned offsets shifted
    in C (``map(sub, ...)``): a few operations per removal, not per edit.
    """
    # the breakpoint arrays (no public accessor yet; same library, read only)
    c, o, eq = alignment._c, alignment._o, alignment._eq
    n = len(eq)
    nc = array("q", [0])
    no = array("q", [0])
    neq = bytearray()
    shift = 0  # cleaned characters removed so far
    k = 0  # segment that holds pos
    pos = 0  # original offset copied up to

    def seg(x: int) -> int:
        return min(bisect_right(o, x) - 1, n)

    def cpos(x: int) -> int:
        j = seg(x)
        if j >= n:
            return c[-1]
        return c[j] + (x - o[j]) if eq[j] else c[j]

    def copy_to(x: int) -> None:
        nonlocal k, pos
        if pos < x and k < n and pos > o[k]:  # finish a split equal segment first
            stop = min(o[k + 1], x)
            no.append(stop)
            nc.append(nc[-1] + (stop - pos))
            neq.append(1)
            pos = stop
            if stop == o[k + 1]:
                k += 1
        if pos >= x:
            return
        j = seg(x)
        if j > k:
            nc.extend(map(sub, c[k + 1 : j + 1], repeat(shift)))
            no.extend(o[k + 1 : j + 1])
            neq.extend(eq[k:j])
            k = j
            pos = o[j]
        if x > pos:  # part of equal segment k
            no.append(x)
            nc.append(nc[-1] + (x - pos))
            neq.append(1)
            pos = x

    for start, end in removals:
        copy_to(start)
        removed = cpos(end) - cpos(start)
        no.append(end)
        nc.append(nc[-1])
        neq.append(0)
        shift += removed
        k = seg(end)
        pos = end
    copy_to(o[-1])
    return Alignment(nc, no, bytes(neq))


def alignment_from_edits(length: int, edits: list[tuple[int, int, str]]) -> Alignment:
    """The alignment of applying sorted, non-overlapping *edits* to a text of *length*."""
    c = array("q", [0])
    o = array("q", [0])
    eq = bytearray()
    cpos = pos = 0
    for s, e, repl in edits:
        if s > pos:
            cpos += s - pos
            c.append(cpos)
            o.append(s)
            eq.append(1)
        cpos += len(repl)
        c.append(cpos)
        o.append(e)
        eq.append(0)
        pos = e
    if length > pos:
        c.append(cpos + length - pos)
        o.append(length)
        eq.append(1)
    return Alignment(c, o, bytes(eq))
