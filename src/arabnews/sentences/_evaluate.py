"""Boundary precision, recall and F1: the scoring used by the tests and the benchmark.

A boundary is the offset, counted in non-whitespace characters from the start of the
document, at which one sentence ends and the next begins; spacing never matters. When a
``scored`` set of ranges is given (the gold sentences of a page whose boilerplate is not
annotated), only the non-whitespace characters inside those ranges are counted, and a
predicted sentence with no such character is ignored: boundaries inside boilerplate are
neither rewarded nor punished.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = ["BoundaryScore", "boundary_offsets", "score_boundaries"]


def boundary_offsets(
    text: str,
    spans: Iterable[tuple[int, int]],
    scored: Sequence[tuple[int, int]] | None = None,
) -> set[int]:
    """Boundaries of the sentences *spans* (``(start, end)`` pairs) of *text*.

    >>> sorted(boundary_offsets("Ab c. De.", [(0, 5), (6, 9)]))
    [4]
    """
    counted = [not char.isspace() for char in text]
    if scored is not None:
        inside = [False] * len(text)
        for start, end in scored:
            inside[start:end] = [True] * (end - start)
        counted = [a and b for a, b in zip(counted, inside, strict=True)]
    before = [0] * (len(text) + 1)  # counted characters before each offset
    for index, flag in enumerate(counted):
        before[index + 1] = before[index] + flag
    total = before[-1]
    offsets = set()
    for start, end in spans:
        if before[end] - before[start] == 0:
            continue  # nothing scored inside (boilerplate, or only spaces)
        offset = before[start]
        if 0 < offset < total:
            offsets.add(offset)
    return offsets


@attrs.frozen(slots=True)
class BoundaryScore:
    """Micro-averaged boundary counts and scores."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_boundaries(pairs: Iterable[tuple[set[int], set[int]]]) -> BoundaryScore:
    """Micro-average over documents given ``(predicted, gold)`` boundary sets.

    >>> s = score_boundaries([({4, 9}, {4}), ({3}, {3, 7})])
    >>> (s.true_positives, s.false_positives, s.false_negatives), round(s.f1, 3)
    ((2, 1, 1), 0.667)
    """
    tp = fp = fn = 0
    for predicted, gold in pairs:
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    return BoundaryScore(tp, fp, fn)
