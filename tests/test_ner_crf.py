"""Span probabilities of the tagger's CRF (arabnews.ner.crf) against brute force."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabnews.ner.crf import path_scores, span_probability

np = pytest.importorskip("numpy")

_weights = st.floats(-4.0, 4.0, allow_nan=False)


@st.composite
def crfs(draw: st.DrawFn) -> tuple[list[list[float]], list[list[float]], list[int]]:
    """Emissions (tokens x tags), transitions (tags x tags) and a tag path, small enough to
    enumerate every path."""
    n = draw(st.integers(1, 5))
    k = draw(st.integers(1, 3))
    emissions = [[draw(_weights) for _ in range(k)] for _ in range(n)]
    transitions = [[draw(_weights) for _ in range(k)] for _ in range(k)]
    path = [draw(st.integers(0, k - 1)) for _ in range(n)]
    return emissions, transitions, path


def _score(e: list[list[float]], tr: list[list[float]], p: tuple[int, ...]) -> float:
    return e[0][p[0]] + sum(tr[p[t - 1]][p[t]] + e[t][p[t]] for t in range(1, len(p)))


@settings(max_examples=80, deadline=None)
@given(crfs(), st.data())
def test_span_probability_is_the_share_of_paths_through_the_span(
    crf: tuple[list[list[float]], list[list[float]], list[int]], data: st.DataObject
) -> None:
    """P(tokens first..last-1 carry the path's tags) = the summed weight of every path that
    does, over the weight of all paths."""
    e, tr, path = crf
    n, k = len(e), len(tr)
    first = data.draw(st.integers(0, n - 1))
    last = data.draw(st.integers(first + 1, n))
    weights = {p: math.exp(_score(e, tr, p)) for p in itertools.product(range(k), repeat=n)}
    total = sum(weights.values())
    through = sum(w for p, w in weights.items() if list(p[first:last]) == path[first:last])
    left, right = path_scores(np.array(e), np.array(tr), path)
    assert span_probability(left, right, first, last) == pytest.approx(through / total, rel=1e-6)


def test_a_longer_span_is_never_more_probable_than_its_parts() -> None:
    rng = np.random.default_rng(0)
    e, tr = rng.normal(size=(6, 4)), rng.normal(size=(4, 4))
    path = [int(x) for x in e.argmax(axis=1)]
    left, right = path_scores(e, tr, path)
    whole = span_probability(left, right, 1, 5)
    assert 0.0 < whole <= span_probability(left, right, 1, 3)
    assert whole <= span_probability(left, right, 3, 5)


def test_bad_input() -> None:
    assert path_scores(np.zeros((0, 3)), np.zeros((3, 3)), []) == ([], [])
    with pytest.raises(ValueError, match="2 tags for 3 tokens"):
        path_scores(np.zeros((3, 2)), np.zeros((2, 2)), [0, 1])


def test_large_scores_stay_finite_and_exact() -> None:
    """Tagger scores of tens of nats (a sure tag) do not overflow the rescaled recursions."""
    rng = np.random.default_rng(1)
    e, tr = rng.normal(scale=30.0, size=(5, 3)), rng.normal(scale=10.0, size=(3, 3))
    paths = list(itertools.product(range(3), repeat=5))
    scores = {p: _score(e.tolist(), tr.tolist(), p) for p in paths}
    top = max(scores.values())
    total = sum(math.exp(v - top) for v in scores.values())
    path = list(max(scores, key=scores.__getitem__))
    left, right = path_scores(e, tr, path)
    for first, last in ((0, 5), (1, 3), (4, 5)):
        through = sum(
            math.exp(v - top) for p, v in scores.items() if list(p[first:last]) == path[first:last]
        )
        assert span_probability(left, right, first, last) == pytest.approx(through / total)


class _Doc:
    """A tagged document that counts how often its sentences are read."""

    reads = 0

    def __init__(self, n: int) -> None:
        self._sentences = [object()] * n

    @property
    def sentences(self) -> list[object]:
        _Doc.reads += 1
        return self._sentences


def test_scores_are_cut_per_document_in_one_pass() -> None:
    from arabnews.ner.stanza_backend import _scores_by_document

    docs = [_Doc(n) for n in (2, 0, 1, 3)]
    scores: list[object] = list(range(6))
    assert _scores_by_document(docs, scores) == [[0, 1], [], [2], [3, 4, 5]]
    assert _scores_by_document(docs, scores[:5]) == [None] * 4  # they do not line up
    assert _scores_by_document(docs, None) == [None] * 4
    # each document's sentences read a bounded number of times, whatever the document count
    many = [_Doc(1) for _ in range(2000)]
    _Doc.reads = 0
    assert _scores_by_document(many, list(range(2000))) == [[k] for k in range(2000)]
    assert _Doc.reads <= 2 * len(many)
