"""Sparse offset alignment between an original text and a cleaned copy of it.

The cleaner changes text (normalises letters, deletes marks and boilerplate); every
later stage works on the cleaned copy, and every span it reports is mapped back to the
caller's original string through an :class:`Alignment`.

An alignment is a tiling of both texts by *segments*. An **equal** segment maps
character for character (same length on both sides, offset shifted). A **changed**
segment maps a run of original characters to a run of cleaned characters
(``ﻻ`` → ``لا``, a diacritic → nothing, a boilerplate block → nothing). Only the
breakpoints are stored (two ``array('q')`` columns and a flag per segment), so the
memory grows with the number of edits, not with the length of the text.

Inside a changed segment, positions map one to one when both sides have the same length
(a run of presentation forms becoming letters, NBSP becoming a space: each character is
replaced by one character), and proportionally otherwise (rounded outwards: a position
that opens a span rounds down, one that closes a span rounds up). So a span inside a long
run of changed characters maps to its own characters, not to the whole run, and a span
never splits a character that the cleaner expanded (``ﻻ`` → ``لا``).

Pure insertions (cleaned text that comes from no original character) are not allowed:
every cleaned character is accountable to some original text.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import pairwise

import attrs

__all__ = ["Alignment", "AlignmentBuilder", "Edit", "apply_edits"]

Edit = tuple[int, int, str]
"""``(start, end, replacement)`` in the coordinates of the text being edited."""


class AlignmentBuilder:
    """Build an :class:`Alignment` left to right, one segment at a time.

    >>> b = AlignmentBuilder()
    >>> b.keep(3); b.change(2, 0); b.keep(1)
    >>> a = b.build()
    >>> a.original_length, a.cleaned_length, a.to_original(3)
    (6, 4, 5)
    """

    __slots__ = ("_c", "_eq", "_o")

    def __init__(self) -> None:
        self._c = array("q", [0])
        self._o = array("q", [0])
        self._eq = bytearray()

    def keep(self, n: int) -> None:
        """*n* characters copied unchanged."""
        if n < 0:
            raise ValueError("keep length must be >= 0")
        if n == 0:
            return
        if self._eq and self._eq[-1]:
            self._c[-1] += n
            self._o[-1] += n
        else:
            self._c.append(self._c[-1] + n)
            self._o.append(self._o[-1] + n)
            self._eq.append(1)

    def change(self, original_length: int, cleaned_length: int) -> None:
        """*original_length* characters became *cleaned_length* characters, as a unit."""
        if original_length <= 0:
            if cleaned_length == 0:
                return
            raise ValueError("insertions (text from no original character) are not allowed")
        if cleaned_length < 0:
            raise ValueError("cleaned length must be >= 0")
        if cleaned_length == 0 and self._eq and not self._eq[-1] and self._c[-1] == self._c[-2]:
            # consecutive deletions merge into one segment
            self._o[-1] += original_length
            return
        self._c.append(self._c[-1] + cleaned_length)
        self._o.append(self._o[-1] + original_length)
        self._eq.append(0)

    def build(self) -> Alignment:
        return Alignment(self._c, self._o, bytes(self._eq))


def _eq_converter(value: bytes | bytearray) -> bytes:
    return bytes(value)


@attrs.frozen(slots=True, repr=False, eq=False)
class Alignment:
    """Map offsets of a cleaned text back to the original text (and forward).

    Construct with :class:`AlignmentBuilder`, :meth:`identity` or :func:`apply_edits`.
    """

    _c: array[int]
    _o: array[int]
    _eq: bytes = attrs.field(converter=_eq_converter)

    @classmethod
    def identity(cls, length: int) -> Alignment:
        b = AlignmentBuilder()
        b.keep(length)
        return b.build()

    # -- basic facts -------------------------------------------------------------
    @property
    def original_length(self) -> int:
        return self._o[-1]

    @property
    def cleaned_length(self) -> int:
        return self._c[-1]

    @property
    def is_identity(self) -> bool:
        return all(self._eq)

    def __len__(self) -> int:
        """Number of segments."""
        return len(self._eq)

    def __repr__(self) -> str:
        changed = len(self._eq) - sum(self._eq)
        return (
            f"Alignment(original_length={self.original_length}, "
            f"cleaned_length={self.cleaned_length}, changed_segments={changed})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Alignment):
            return NotImplemented
        return self._c == other._c and self._o == other._o and self._eq == other._eq

    def __hash__(self) -> int:
        return hash((bytes(self._c), bytes(self._o), self._eq))

    def breakpoints(self) -> tuple[array[int], array[int], bytes]:
        """The raw columns: cleaned breakpoints, original breakpoints, equal flags.

        Segment ``k`` spans ``c[k]:c[k + 1]`` (cleaned) and ``o[k]:o[k + 1]`` (original).
        The arrays are shared, not copied, for fast bulk rewrites (the cleaner's
        boilerplate cut); treat them as read-only. ``Alignment(c, o, eq)`` builds one
        back from such columns.
        """
        return self._c, self._o, self._eq

    def segments(self) -> Iterator[tuple[int, int, int, int, bool]]:
        """Yield ``(clean_start, clean_end, orig_start, orig_end, equal)`` for every segment."""
        c, o, eq = self._c, self._o, self._eq
        for k in range(len(eq)):
            yield c[k], c[k + 1], o[k], o[k + 1], bool(eq[k])

    def changes(self) -> Iterator[tuple[int, int, int, int]]:
        """Yield ``(orig_start, orig_end, clean_start, clean_end)`` for every changed segment."""
        for cs, ce, os_, oe, eq in self.segments():
            if not eq:
                yield os_, oe, cs, ce

    # -- mapping -----------------------------------------------------------------
    def _check_clean(self, i: int) -> None:
        if not 0 <= i <= self._c[-1]:
            raise IndexError(f"cleaned offset {i} out of range 0..{self._c[-1]}")

    def to_original(self, i: int) -> int:
        """Original offset of cleaned offset *i* taken as the *start* of a span.

        Text deleted right before *i* is skipped; inside a changed segment the position
        maps one to one when the lengths agree, else proportionally (rounded down).
        """
        self._check_clean(i)
        c = self._c
        k = bisect_right(c, i) - 1
        if k >= len(self._eq):
            return self._o[-1]
        d = i - c[k]
        o = self._o
        if self._eq[k] or d == 0:
            return o[k] + d
        lo, lc = o[k + 1] - o[k], c[k + 1] - c[k]  # lc > 0: c[k] <= i < c[k + 1]
        return o[k] + (d if lo == lc else d * lo // lc)

    def to_original_end(self, i: int) -> int:
        """Original offset of cleaned offset *i* taken as the *end* of a span.

        Text deleted right after position *i* is excluded; inside a changed segment the
        position maps one to one when the lengths agree, else proportionally (rounded up).
        """
        self._check_clean(i)
        if i == 0:
            return 0
        c = self._c
        k = bisect_right(c, i - 1) - 1
        d = i - c[k]
        o = self._o
        if self._eq[k]:
            return o[k] + d
        lo, lc = o[k + 1] - o[k], c[k + 1] - c[k]  # lc > 0: c[k] < i <= c[k + 1]
        if d == lc:
            return o[k + 1]
        return o[k] + (d if lo == lc else -(-d * lo // lc))

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the cleaned span ``[start, end)`` to original offsets."""
        if end < start:
            raise ValueError(f"end ({end}) < start ({start})")
        s = self.to_original(start)
        if end == start:
            return s, s
        e = self.to_original_end(end)
        return s, max(s, e)

    def from_original(self, j: int) -> int:
        """Cleaned offset where original offset *j* ends up (deleted text maps to the gap).

        Inside a changed segment: one to one when the lengths agree, else proportionally
        (rounded down).
        """
        if not 0 <= j <= self._o[-1]:
            raise IndexError(f"original offset {j} out of range 0..{self._o[-1]}")
        o = self._o
        k = bisect_right(o, j) - 1
        if k >= len(self._eq):
            return self._c[-1]
        d = j - o[k]
        c = self._c
        if self._eq[k] or d == 0:
            return c[k] + d
        lo, lc = o[k + 1] - o[k], c[k + 1] - c[k]  # lo > 0: o[k] < j < o[k + 1]
        return c[k] + (d if lo == lc else d * lc // lo)

    # -- composition -------------------------------------------------------------
    def compose(self, inner: Alignment) -> Alignment:
        """Chain two alignments.

        ``self`` maps text C2 back to C1 and ``inner`` maps C1 back to the original;
        the result maps C2 back to the original.
        """
        if self.original_length != inner.cleaned_length:
            raise ValueError(
                f"cannot compose: outer expects {self.original_length} characters, "
                f"inner produces {inner.cleaned_length}"
            )
        if inner.is_identity:
            return self
        if self.is_identity:
            return inner
        a_o, a_eq = self._o, self._eq
        b_c, b_eq = inner._c, inner._eq
        # Cut points in C1: every breakpoint of either side that is not strictly
        # inside a changed segment of the other side.
        points = sorted(set(a_o) | set(b_c))
        ka = kb = 0
        na, nb = len(a_eq), len(b_eq)
        cuts: list[int] = []
        for p in points:
            while ka + 1 < na and a_o[ka + 1] <= p:
                ka += 1
            while kb + 1 < nb and b_c[kb + 1] <= p:
                kb += 1
            inside_a = na and not a_eq[ka] and a_o[ka] < p < a_o[ka + 1]
            inside_b = nb and not b_eq[kb] and b_c[kb] < p < b_c[kb + 1]
            if not inside_a and not inside_b:
                cuts.append(p)
        out = AlignmentBuilder()
        prev_o = 0
        for p, q in pairwise(cuts):
            os_ = inner.to_original(p)
            oe = inner.to_original_end(q)
            if os_ > prev_o:
                out.change(os_ - prev_o, 0)
            c2s = self.from_original(p)
            c2e = self.from_original(q) if q < self.original_length else self.cleaned_length
            ia = bisect_right(a_o, p) - 1
            ib = bisect_right(b_c, p) - 1
            equal = (ia < na and a_eq[ia] and a_o[ia + 1] >= q) and (
                ib < nb and b_eq[ib] and b_c[ib + 1] >= q
            )
            if equal:
                out.keep(q - p)
            else:
                out.change(oe - os_, c2e - c2s)
            prev_o = oe
        if inner.original_length > prev_o:
            out.change(inner.original_length - prev_o, 0)
        return out.build()


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, Alignment]:
    """Apply sorted, non-overlapping ``(start, end, replacement)`` edits to *text*.

    Returns the edited text and the alignment that maps it back to *text*.
    An edit whose replacement equals the text it replaces is kept as unchanged text.

    >>> new, al = apply_edits("abcdef", [(1, 3, ""), (4, 5, "XY")])
    >>> new, al.span_to_original(1, 4)
    ('adXYf', (3, 5))
    """
    parts: list[str] = []
    b = AlignmentBuilder()
    pos = 0
    for start, end, repl in edits:
        if start < pos or end < start:
            raise ValueError(f"edits must be sorted and non-overlapping: ({start}, {end})")
        if start == end and repl:
            raise ValueError("insertions (text from no original character) are not allowed")
        if start > pos:
            parts.append(text[pos:start])
            b.keep(start - pos)
        if repl == text[start:end]:
            b.keep(end - start)
        else:
            b.change(end - start, len(repl))
        parts.append(repl)
        pos = end
    if pos < len(text):
        parts.append(text[pos:])
        b.keep(len(text) - pos)
    return "".join(parts), b.build()
