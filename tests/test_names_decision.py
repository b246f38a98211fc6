"""The calibrated same-name decision: tree model loading, evaluation and its dev figures."""

from __future__ import annotations

import json
import math
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabnews.names import Matcher, name_key
from arabnews.names._features import FEATURES, Decision, pair_features


def _walk(tree: Any, x: list[float]) -> float:
    while isinstance(tree, tuple):
        feature, threshold, left, right = tree
        tree = left if x[feature] < threshold else right
    return float(tree)


def _small_model() -> dict[str, Any]:
    return {
        "features": ["raw", "cons_same", "short"],
        "bias": -1.0,
        "raw_floor": 0.6,
        "native_bucket": 7,
        "native_kin": 7,
        "consonant_kin": 3,
        "trees": [
            [0, 0.8, [2, 0.25, -0.5, 0.25], [1, 0.5, 0.1, 1.5]],
            [1, 0.5, -0.2, 0.3],
            0.05,
        ],
    }


def test_trees_map_file_features_to_model_features() -> None:
    d = Decision.from_dict(_small_model())
    raw, cons, short = (FEATURES.index(n) for n in ("raw", "cons_same", "short"))
    assert d.trees[1] == (cons, 0.5, -0.2, 0.3)
    x = [0.0] * len(FEATURES)
    x[raw], x[cons], x[short] = 0.9, 1.0, 0.2
    z = -1.0 + 1.5 + 0.3 + 0.05
    assert d.probability(x) == pytest.approx(1.0 / (1.0 + math.exp(-z)))


@given(st.lists(st.floats(0.0, 3.0), min_size=len(FEATURES), max_size=len(FEATURES)))
def test_compiled_trees_equal_a_walk_of_the_nodes(x: list[float]) -> None:
    d = Decision.default()
    z = d.bias + sum(_walk(t, x) for t in d.trees)
    z += sum(w * v for w, v in zip(d.weights, x, strict=True))
    expected = 0.0 if z < -30.0 else 1.0 / (1.0 + math.exp(-z))
    assert d.probability(x) == pytest.approx(expected, abs=1e-9)
    assert 0.0 <= d.probability(x) <= 1.0


@pytest.mark.parametrize(
    "change",
    [
        {"trees": [[0, float("nan"), 0.0, 1.0]]},
        {"trees": [[0, 0.5, 0.0]]},  # a node needs four parts
        {"trees": [[7, 0.5, 0.0, 1.0]]},  # no such feature in the file
        {"trees": [[0, 0.5, "x", 1.0]]},
        {"features": ["raw", "no_such_feature", "short"]},
        {"raw_floor": 1.5},
    ],
)
def test_decision_file_is_validated(change: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="decision"):
        Decision.from_dict({**_small_model(), **change})


def test_deep_trees_are_refused() -> None:
    tree: Any = 0.0
    for _ in range(20):
        tree = [0, 0.5, tree, 0.0]
    with pytest.raises(ValueError, match="decision"):
        Decision.from_dict({**_small_model(), "trees": [tree]})


def test_shipped_model_is_trees_over_all_features() -> None:
    d = Decision.default()
    assert len(d.trees) >= 10 and len(d.weights) == len(FEATURES)


def test_decision_and_matcher_pickle() -> None:
    # worker processes receive pickled resolvers and matchers
    d = Decision.default()
    back = pickle.loads(pickle.dumps(d))
    assert back == d
    x = [0.5] * len(FEATURES)
    assert back.probability(x) == d.probability(x)
    m = pickle.loads(pickle.dumps(Matcher()))
    assert m.same_name("زيلينسكي", "زيلنسكي") and not m.same_name("حسن", "حسين")


@pytest.mark.parametrize(
    ("a", "b"),
    [("زيلينسكي", "زيلنسكي"), ("غاريكا", "غوركا"), ("باخموت", "باحموت"), ("ادريان", "ادرينا")],
)
def test_features_do_not_depend_on_argument_order(a: str, b: str) -> None:
    m = Matcher()
    x, y = name_key(a).tokens[0].text, name_key(b).tokens[0].text
    raw = m.raw_similarity(x, y)
    fa = pair_features(x, y, raw, m.edit_ops(x, y), False)
    fb = pair_features(y, x, raw, m.edit_ops(y, x), False)
    assert len(fa) == len(FEATURES)
    assert fa == pytest.approx(fb)


def test_letter_specific_edits_are_counted() -> None:
    m = Matcher()
    ops = m.edit_ops("زيلنسكي", "زيلينسكي")  # one ي inserted inside
    # counts: vowel indel, ..., then ا و ي indel (9-11), ا/ي ا/و و/ي swaps (12-14), ...
    assert len(ops) == 20
    assert ops[0] == 1 and ops[11] == 1 and ops[9] == ops[10] == 0  # ya, not alef or waw
    swap = m.edit_ops("بوتين", "بوتان")  # ي / ا swapped
    assert swap[1] == 1 and swap[12] == 1


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_dev_recall_and_false_matches(shared_dir: Path) -> None:
    """On the dev variant groups and negatives_dev (all of them, fitting part and held-out
    quarter together): recall well above a plain Levenshtein ratio (0.70 at 0.30 false
    matches) with false matches under the issue's 0.35."""
    names = shared_dir / "data" / "names"
    if not (names / "negatives_dev.jsonl").is_file():
        pytest.skip("negatives_dev.jsonl not present")
    records = _load(names / "variants_dev.jsonl")
    negatives = _load(names / "negatives_dev.jsonl")
    m = Matcher()
    pos = [
        (g["variants"][i]["ar"], g["variants"][j]["ar"])
        for g in records
        for i in range(len(g["variants"]))
        for j in range(i + 1, len(g["variants"]))
    ]
    recall = sum(m.same_name(a, b) for a, b in pos) / len(pos)
    false = sum(m.same_name(n["ar1"], n["ar2"]) for n in negatives) / len(negatives)
    cross = [(g["english"], v["ar"]) for g in records for v in g["variants"]]
    cross_recall = sum(m.same_name(a, b) for a, b in cross) / len(cross)
    assert recall >= 0.80, recall
    assert false <= 0.33, false
    assert cross_recall >= 0.90, cross_recall
