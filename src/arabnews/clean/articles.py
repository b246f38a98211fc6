"""Split a page that holds several articles.

Scraped pages join articles in two ways, and both leave a signal that a paragraph
break inside one article does not:

1. **A headline block after a blank line.** A new article opens with a headline-like line
   (short, no final punctuation) that comes after a blank line and is followed *directly*
   (single line break) by more text: its deck, caption or first paragraph. A section
   subheading inside an article is followed by a blank line instead (seed 004), and a page
   with no blank lines at all (seeds 001, 003) never splits.
2. **End-of-article boilerplate.** After a source line, tag line, "read also" marker,
   share bar or related-links list, a headline-like line followed by a body paragraph opens
   a concatenated article (seed 004).

Offsets here are in the cleaned text; :func:`arabnews.clean.clean` maps them back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["ARTICLE_END_KINDS", "find_articles"]

ARTICLE_END_KINDS = frozenset({"see-also", "source-line", "tags", "share-bar", "related-links"})
"""Removal kinds after which a headline-like line opens a new article."""

_TERMINAL = ".!?؟…:؛،"
# possessive: a line longer than a headline fails at once instead of backtracking
_HEAD = re.compile(r"\n[ \t]*\n[ \t\n]*+(?P<h>[^\n]{4,160}+)\n(?=[ \t]*\S)")
_BULLET = re.compile(r"[ \t]*[•·▪◦●■►▸\-–—*]")
_LETTER = re.compile(r"[^\W\d_]")
_NONSPACE = re.compile(r"\S")


def _headline_like(line: str) -> bool:
    s = line.strip()
    if not 4 <= len(s) <= 160 or s[-1] in _TERMINAL or _BULLET.match(s):
        return False
    return len(s.split()) >= 2 and _LETTER.search(s) is not None


def _line_at(text: str, pos: int) -> tuple[int, int]:
    end = text.find("\n", pos)
    return pos, len(text) if end < 0 else end


def _rstrip(text: str, start: int, end: int) -> int:
    """End of ``text[start:end]`` without trailing whitespace (no copy of the slice)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _next_content(text: str, pos: int) -> int:
    """Offset of the first non-whitespace character at or after *pos* (len if none)."""
    m = _NONSPACE.search(text, pos)
    return m.start() if m else len(text)


def find_articles(
    text: str, cuts: Sequence[int] = ()
) -> list[tuple[int, int, tuple[int, int] | None]]:
    """Articles of *text* as ``(start, end, headline)`` in *text*'s offsets.

    *cuts* are offsets where end-of-article boilerplate was removed.
    """
    first = _next_content(text, 0)
    if first >= len(text):
        return []
    starts = {first}
    for m in _HEAD.finditer(text):
        if _headline_like(m.group("h")):
            starts.add(m.start("h"))
    for cut in cuts:
        s = _next_content(text, cut)
        if s >= len(text) or s == first:
            continue
        ls, le = _line_at(text, s)
        if not _headline_like(text[ls:le]):
            continue
        body = _next_content(text, le)
        if body < len(text):
            bs, be = _line_at(text, body)
            if be - bs >= 80:
                starts.add(s)
    ordered = sorted(starts)
    out: list[tuple[int, int, tuple[int, int] | None]] = []
    for k, s in enumerate(ordered):
        limit = ordered[k + 1] if k + 1 < len(ordered) else len(text)
        e = _rstrip(text, s, limit)
        ls, le = _line_at(text, s)
        headline: tuple[int, int] | None = None
        if le < e and _headline_like(text[ls:le]):
            headline = (ls, _rstrip(text, ls, le))
        out.append((s, e, headline))
    return out
