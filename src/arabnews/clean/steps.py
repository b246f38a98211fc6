"""Character-level cleaning steps, with no Python code running per changed character.

The character table ``data/chars.tsv`` names, for every step, the code points it touches
and what they become (a string, nothing, or their NFKC form for presentation forms). For a
given :class:`~arabnews.clean.CleanConfig` the enabled rows are merged into one mapping,
closed under itself (``ﻵ`` → ``لآ`` → ``لا`` when alef folding is on), and turned into
one regular expression that starts with a single character class (so the regex engine
skips unchanged text at C speed) and matches runs of changing characters, plus the
closing marks and opening brackets that touch a space-like character.

``re.split`` with it gives the text as alternating unchanged pieces and candidates. All
runs are translated by one ``str.translate`` call on their concatenation (joined by a
private-use separator and split again); the spaces next to each mark join the mark as one
changed unit (``" ،"`` → ``"،"``); the alignment comes from the piece lengths through
``itertools.accumulate``: one breakpoint per changed run, never one per character.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from bisect import bisect_right
from itertools import accumulate, repeat
from operator import add, sub
from typing import NamedTuple

from arabnews._data import read_table
from arabnews.alignment import Alignment
from arabnews.charsets import class_body
from arabnews.clean.types import CHARACTER_STEPS, FOLD_STEPS, CleanConfig

__all__ = ["CharPlan", "CharRow", "char_plan", "char_rows", "normalize_chars"]

_KNOWN_STEPS = frozenset((*CHARACTER_STEPS, *FOLD_STEPS))
_CHAR_COLUMNS = ("step", "codepoints", "replacement", "example", "note")

# Punctuation that takes no space before it / brackets that take no space after them.
# "." and ":" are left alone: they are also decimal points, abbreviation dots, times and
# URL parts, where a space before them can be meaningful.
_CLOSERS = "،؛؟,;!?)]}»"
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
    rows: list[CharRow] = []
    for row in read_table("arabnews.clean", "chars.tsv", columns=_CHAR_COLUMNS):
        step, cps, repl = row["step"], row["codepoints"], row["replacement"]
        if step not in _KNOWN_STEPS:
            raise ValueError(f"{row.where}: unknown step {step!r}")
        lo_s, _, hi_s = cps.partition("-")
        lo = int(lo_s, 16)
        hi = int(hi_s, 16) if hi_s else lo
        if hi < lo or hi > 0x10FFFF:
            raise ValueError(f"{row.where}: bad range {cps!r}")
        replacement: str | None
        if repl == "NFKC":
            replacement = None
        elif repl == "DEL":
            replacement = ""
        else:
            replacement = "".join(chr(int(h, 16)) for h in repl.split())
        rows.append(CharRow(step, lo, hi, replacement, row["example"], row["note"]))
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
    runs: re.Pattern[str] | None  # runs of changing characters, and spacing marks
    marks: frozenset[str]  # closing marks / opening brackets split out for spacing
    spacers: str  # characters that become a space or disappear (and " "), for strip()
    uneven: re.Pattern[str] | None = None  # a character that does not become one character


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
    changing = class_body(set(table))
    marks = ""
    spacers = ""
    first = changing
    branches: list[str] = []
    if config.punctuation_spacing:
        # Closing marks after a space-like character and opening brackets before one
        # come out of the same split as one-character pieces. A "space" here is any
        # character that becomes a space or disappears (NBSP, LRM, a stray diacritic).
        space_like = {0x20} | {cp for cp, r in table.items() if r in ("", " ")}
        spacers = "".join(sorted(chr(cp) for cp in space_like))
        hd = class_body(space_like)
        closers = class_body({ord(c) for c in _CLOSERS})
        openers = class_body({ord(c) for c in _OPENERS})
        marks = _CLOSERS + _OPENERS
        first = changing + closers + openers
        branches += [f"(?<=[{hd}][{closers}])", f"(?<=[{openers}])(?=[{hd}])"]
    if table:
        # a run of changing characters; "\n" joins it only right after CR (CR LF)
        branches.append(f"(?<=[{changing}])(?:[{changing}]|(?<=\\r)\\n)*")
    # One character class first, so the engine skips unchanged text at C speed; the
    # branches then say what the candidate is.
    runs = re.compile(f"([{first}](?:{'|'.join(branches)}))") if first else None
    # a character that does not become one character, inside a run of two or more (runs
    # are joined by U+E000 when this is used; a lone one maps exactly already), or CR LF
    odd = class_body({cp for cp, r in table.items() if len(r) != 1})
    uneven = re.compile(f"[{odd}](?=[^\ue000])|(?<=[^\ue000])[{odd}]|\r\n" if odd else "\r\n")
    return CharPlan(table, runs, frozenset(marks), spacers, uneven)


_SEP = "\ue000"  # joins runs for one translate call; never in the table or its output


class CharResult(NamedTuple):
    """Normalised text and the alignment back to the text it came from."""

    text: str
    alignment: Alignment


def normalize_chars(text: str, config: CleanConfig) -> CharResult:
    """Apply the character steps of *config* to *text*.

    The text is split (``re.split`` with a group, in C) into alternating unchanged pieces
    and candidates: runs of changing characters, and closing marks / opening brackets that
    touch a space-like run. All runs are translated by one ``str.translate`` call on their
    concatenation; the spaces next to the marks are cut from their neighbours with
    ``str.rstrip``/``lstrip``; the alignment comes from the piece lengths through
    ``accumulate``. Python code runs per spacing mark, never per changed character.
    """
    plan = char_plan(config)
    if plan.runs is None:
        return CharResult(text, Alignment.identity(len(text)))
    parts = plan.runs.split(text)
    if len(parts) == 1:
        return CharResult(text, Alignment.identity(len(text)))
    delims = parts[1::2]
    raw = joined = _SEP.join(delims)
    if "\r\n" in joined:
        joined = joined.replace("\r\n", "\r")
    pieces = parts.copy()
    pieces[1::2] = joined.translate(plan.table).split(_SEP)
    olens = list(map(len, parts))
    clens = olens.copy()  # unchanged pieces keep their length
    clens[1::2] = map(len, pieces[1::2])
    eqs = bytearray(b"\x01\x00" * (len(parts) // 2) + b"\x01")
    at: list[int] = []
    if plan.marks:
        marks = plan.marks
        at = [2 * i + 1 for i, d in enumerate(delims) if d in marks]
        if at:
            # marks are unchanged text, not edits
            for i in at:
                eqs[i] = 1
            _space_marks(
                parts, pieces, olens, clens, eqs, at=at, spacers=plan.spacers, table=plan.table
            )
    rebuilt = plan.uneven is not None and _refine_runs(
        parts, pieces, olens, clens, eqs, table=plan.table, uneven=plan.uneven, joined=raw
    )
    if at:
        # (the refinement renumbers the pieces: then every piece is looked at)
        _split_mark_units(pieces, olens, clens, eqs, candidates=None if rebuilt else at)
    return CharResult("".join(pieces), _alignment(olens, clens, eqs))


def _split_mark_units(
    pieces: list[str],
    olens: list[int],
    clens: list[int],
    eqs: bytearray,
    *,
    candidates: list[int] | None,
) -> None:
    """Split ``"( "`` → ``"("`` and ``" ،"`` → ``"،"`` into the mark (kept) and the spaces
    (deleted), in place, so that a span ending at an opening bracket or starting at a
    closing mark does not take the deleted spaces along."""
    indices = range(len(pieces)) if candidates is None else candidates
    todo = [
        i
        for i in indices
        if clens[i] == 1
        and olens[i] > 1
        and not eqs[i]
        and (pieces[i] in _OPENERS or pieces[i] in _CLOSERS)
    ]
    if not todo:
        return
    split: dict[int, list[_Segment]] = {}
    for i in todo:
        spaces = olens[i] - 1
        if pieces[i] in _OPENERS:  # the spaces after it were cut
            split[i] = [(pieces[i], 1, 1, 1), ("", spaces, 0, 0)]
        else:  # the spaces before it were cut
            split[i] = [("", spaces, 0, 0), (pieces[i], 1, 1, 1)]
    _splice(pieces, olens, clens, eqs, split)


# (cleaned piece, original length, cleaned length, 1 if unchanged else 0)
_Segment = tuple[str, int, int, int]


def _splice(
    pieces: list[str],
    olens: list[int],
    clens: list[int],
    eqs: bytearray,
    split: dict[int, list[_Segment]],
) -> None:
    """Replace segment ``i`` of the four parallel lists by ``split[i]``, in place (one pass)."""
    new_o: list[int] = []
    new_c: list[int] = []
    new_eq = bytearray()
    new_p: list[str] = []
    prev = 0
    for i in sorted(split):
        new_o.extend(olens[prev:i])
        new_c.extend(clens[prev:i])
        new_eq.extend(eqs[prev:i])
        new_p.extend(pieces[prev:i])
        for piece, olen, clen, eq in split[i]:
            new_p.append(piece)
            new_o.append(olen)
            new_c.append(clen)
            new_eq.append(eq)
        prev = i + 1
    new_o.extend(olens[prev:])
    new_c.extend(clens[prev:])
    new_eq.extend(eqs[prev:])
    new_p.extend(pieces[prev:])
    olens[:] = new_o
    clens[:] = new_c
    eqs[:] = new_eq
    pieces[:] = new_p


def _refine_runs(
    parts: list[str],
    pieces: list[str],
    olens: list[int],
    clens: list[int],
    eqs: bytearray,
    *,
    table: dict[int, str],
    uneven: re.Pattern[str],
    joined: str,
) -> bool:
    """Split changed runs that expand or delete a character into exact sub-runs, in place.

    A run in which every character becomes one character maps character for character
    already (see :class:`~arabnews.alignment.Alignment`). A run that also expands or
    deletes one (``ﻻ`` → ``لا``, a diacritic → nothing) would map proportionally, or
    wrongly when an expansion and a deletion cancel out; it is cut into sub-runs of
    one-for-one characters and single characters that expand or vanish, so a span inside
    it still maps to its own characters. Python runs per character of such runs only
    (rare and short); a run whose marks were re-spaced stays one unit.
    """
    # *joined* is every run joined by _SEP: the uneven characters are found in C, and a
    # bisection over the run starts says which run each belongs to
    first = uneven.search(joined)
    if first is None:
        return False
    lengths = list(accumulate(map(len, parts[1::2]), initial=0))
    starts = list(map(add, lengths, range(len(lengths))))  # + one _SEP per run before
    todo: list[int] = []
    for match in uneven.finditer(joined, first.start()):
        i = 2 * (bisect_right(starts, match.start()) - 1) + 1
        if (
            (not todo or todo[-1] != i)
            and olens[i] > 1
            and not eqs[i]
            and olens[i] == len(parts[i])
        ):
            todo.append(i)
    if not todo:
        return False
    split: dict[int, list[_Segment]] = {}
    for i in todo:
        run = parts[i]
        if pieces[i] != run.replace("\r\n", "\r").translate(table):
            continue  # re-spaced by _space_marks: keep it as one unit
        segments: list[_Segment] = []
        same = 0  # length of the pending one-for-one sub-run
        j = 0
        while j < len(run):
            ch = run[j]
            width = 2 if ch == "\r" and run[j + 1 : j + 2] == "\n" else 1
            repl = ("\r" if width == 2 else ch).translate(table)
            if width == 1 and len(repl) == 1:
                same += 1
            else:
                if same:
                    segments.append((run[j - same : j].translate(table), same, same, 0))
                    same = 0
                segments.append((repl, width, len(repl), 0))
            j += width
        if same:
            segments.append((run[len(run) - same :].translate(table), same, same, 0))
        split[i] = segments
    if not split:
        return False
    _splice(pieces, olens, clens, eqs, split)
    return True


def _alignment(olens: list[int], clens: list[int], eqs: bytearray) -> Alignment:
    """Alignment from segment lengths.

    An empty unchanged piece sits between two candidates that touch (a run right before
    a mark); it maps nothing and changes no answer of the alignment, so it is left in
    rather than filtered out of every list. Those at the ends are dropped.
    """
    if len(olens) > 1 and not olens[-1] and eqs[-1]:
        del olens[-1], clens[-1], eqs[-1]
    if len(olens) > 1 and not olens[0] and eqs[0]:
        del olens[0], clens[0], eqs[0]
    o = array("q", accumulate(olens, initial=0))
    c = array("q", accumulate(clens, initial=0))
    return Alignment(c, o, bytes(eqs))


def _space_marks(
    parts: list[str],
    pieces: list[str],
    olens: list[int],
    clens: list[int],
    eqs: bytearray,
    *,
    at: list[int],
    spacers: str,
    table: dict[int, str],
) -> None:
    """Cut the space-like runs next to the marks at piece indices *at*, in place.

    The usual case, spaces at the end of the unchanged piece before a closing mark, costs
    a few assignments and no list rebuilding: the spaces join the mark as one changed
    unit (``" ،"`` → ``"،"``). A run that reaches over whole pieces (``" \u200f "``)
    turns them into deletions; a changed run loses its spaces from its replacement.
    """
    n = len(parts)
    runs: dict[int, list[int]] = {}  # changed piece -> [head cut, tail cut]
    for i in at:
        if parts[i] in _OPENERS:
            j, step = i + 1, 1
        else:
            j, step = i - 1, -1
        while 0 <= j < n:
            if eqs[j]:
                txt = pieces[j]
                rest = txt.lstrip(spacers) if step > 0 else txt.rstrip(spacers)
                cut = len(txt) - len(rest)
                if rest or not txt:
                    if cut:
                        # the cut spaces join the piece on the mark's side
                        pieces[j] = txt[cut:] if step > 0 else rest
                        olens[j] -= cut
                        clens[j] -= cut
                        olens[j - step] += cut
                        eqs[j - step] = 0
                    if rest:
                        break
                    j += step
                    continue
                pieces[j] = ""  # a piece of spaces only: deleted
                clens[j] = 0
                eqs[j] = 0
            else:
                if parts[j] in _OPENERS or parts[j] in _CLOSERS:
                    break  # another mark: not a space
                cuts = runs.setdefault(j, [0, 0])
                txt = parts[j]
                rest = txt.lstrip(spacers) if step > 0 else txt.rstrip(spacers)
                cuts[0 if step > 0 else 1] = len(txt) - len(rest)
                if rest:
                    break
            j += step
    for j, (head, tail) in runs.items():
        txt = parts[j]
        new_txt = txt[head : max(head, len(txt) - tail)].replace("\r\n", "\r").translate(table)
        pieces[j] = new_txt
        clens[j] = len(new_txt)


def cut_alignment(alignment: Alignment, removals: list[tuple[int, int]]) -> Alignment:
    """*alignment* with the original ranges *removals* deleted as well.

    Removals are sorted and disjoint. A bound may fall inside a segment, a changed one
    included (bounds come from ``span_to_original``, which maps one to one inside a
    changed run); that segment is split where ``from_original`` puts the bound, so the
    result agrees with the text the cleaner cut with ``from_original``. The segments
    between removals are copied as array slices, their cleaned offsets shifted in C
    (``map(sub, ...)``): a few operations per removal, not per edit.
    """
    c, o, eq = alignment.breakpoints()
    n = len(eq)
    nc = array("q", [0])
    no = array("q", [0])
    neq = bytearray()
    shift = 0  # cleaned characters removed so far
    pos = 0  # original offset copied up to
    cleaned_at = alignment.from_original

    def seg(x: int) -> int:
        return min(bisect_right(o, x) - 1, n)

    def piece(stop: int, k: int) -> None:
        no.append(stop)
        nc.append(cleaned_at(stop) - shift)
        neq.append(eq[k])

    def copy_to(x: int) -> None:
        nonlocal pos
        if pos >= x:
            return
        k = seg(pos)
        if pos > o[k]:  # finish a segment that a removal split
            stop = min(o[k + 1], x)
            piece(stop, k)
            pos = stop
            if pos >= x:
                return
            k += 1
        j = seg(x)
        if j > k:  # whole segments k .. j-1
            nc.extend(map(sub, c[k + 1 : j + 1], repeat(shift)))
            no.extend(o[k + 1 : j + 1])
            neq.extend(eq[k:j])
            pos = o[j]
        if x > pos:  # the head of segment j
            piece(x, j)
            pos = x

    for start, end in removals:
        copy_to(start)
        shift += cleaned_at(end) - cleaned_at(start)
        no.append(end)
        nc.append(nc[-1])
        neq.append(0)
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
