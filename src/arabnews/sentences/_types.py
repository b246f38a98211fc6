"""Value types of the sentence splitter: :class:`Sentence` and :class:`Dateline`."""

from __future__ import annotations

import attrs

from arabnews.spans import Span

__all__ = ["SENTENCE_KINDS", "Dateline", "Sentence"]

#: The values :attr:`Sentence.kind` takes.
SENTENCE_KINDS = frozenset({"body", "headline"})


@attrs.frozen(slots=True)
class Dateline:
    """A wire dateline such as «هراري 15-7 (أ ف ب) -» or «القاهرة - رويترز:».

    Offsets are into the original text; ``text == original[start:end]``. Fields:

    - ``start``, ``end``: the dateline's range, from the place name (or the agency) to the
      dash or colon that closes it;
    - ``text``: the dateline as written;
    - ``place``: the place name («هراري»), or ``None`` when the dateline names none;
    - ``date_text``: the date as written («15-7»), or ``None``;
    - ``agency``: the canonical agency («AFP», «Reuters»), or ``None``.
    """

    start: int
    end: int
    text: str
    place: str | None = None
    date_text: str | None = None
    agency: str | None = None

    @property
    def span(self) -> Span:
        """The dateline's ``Span(start, end)``."""
        return Span(self.start, self.end)


@attrs.frozen(slots=True)
class Sentence:
    """One sentence (or headline) of the original text.

    ``text == original[start:end]`` and carries no surrounding whitespace. Fields:

    - ``start``, ``end``: the half-open range in the original text;
    - ``text``: the sentence as written;
    - ``kind``: ``"headline"`` for a title-like line (no final punctuation: headlines,
      subheadings, captions) or ``"body"``;
    - ``dateline``: the wire :class:`Dateline` that opens the sentence, if any.
    """

    start: int
    end: int
    text: str
    kind: str = "body"
    dateline: Dateline | None = None

    @property
    def span(self) -> Span:
        """The sentence's ``Span(start, end)`` (what the NER stage takes)."""
        return Span(self.start, self.end)

    def __len__(self) -> int:
        return self.end - self.start
