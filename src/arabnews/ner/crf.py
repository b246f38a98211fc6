"""How sure the tagger's CRF is of each entity it tags: span probabilities by forward-backward.

Stanza's NER tagger scores every tag at every token (emissions) and every pair of neighbouring
tags (transitions), and decodes the best tag path (Viterbi). The probability that tokens
``i..j`` carry exactly the path's tags there, whatever the tags elsewhere, is

    P(y_i..y_j) = exp(alpha_i(y_i) + sum_{t=i+1..j} (T[y_{t-1}, y_t] + E[t, y_t])
                      + beta_j(y_j) - log Z)

with ``alpha`` / ``beta`` the forward / backward log scores (``alpha`` includes the emission
at ``i``) and ``Z`` the sum over all paths. :func:`path_scores` returns, for each token,
``left[t] = alpha_t(y_t) - C_t`` and ``right[t] = beta_t(y_t) + C_t - log Z`` where ``C_t`` is
the path's running score, so that ``log P(y_i..y_j) = left[i] + right[j]`` for any span
(:func:`span_probability`). An entity's ``score`` is that probability for its tokens: a tagged
span is sure when the model gives little weight to any other reading of those tokens (another
label, a shorter or longer span, no entity).

numpy only; the arrays are a sentence long and as wide as the tag set.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

__all__ = ["path_scores", "span_probability"]


def path_scores(
    emissions: Any, transitions: Any, path: Sequence[int]
) -> tuple[list[float], list[float]]:
    """``(left, right)`` per token for the tag *path* of one sentence (see the module doc).

    *emissions*: ``seq_len x num_tags``; *transitions*: ``num_tags x num_tags``, from row tag
    to column tag (Stanza's layout, as its ``viterbi_decode`` reads it). Forward and backward
    run in probability space, rescaled at every token (one small matrix product per token), and
    the logs of the scales are summed back.
    """
    import numpy as np

    e = np.asarray(emissions, dtype=np.float64)
    tr = np.asarray(transitions, dtype=np.float64)
    n = e.shape[0]
    if n == 0:
        return [], []
    if len(path) != n:
        raise ValueError(f"path has {len(path)} tags for {n} tokens")
    shift = e.max(axis=1)
    emit = np.exp(e - shift[:, None])
    t_max = float(tr.max())
    trans = np.exp(tr - t_max)
    # alpha_t = log(fwd[t]) + log_fwd[t]; beta_t = log(bwd[t]) + log_bwd[t]
    fwd = np.empty_like(emit)
    log_fwd = np.empty(n)
    cur, acc = emit[0], float(shift[0])
    for t in range(n):
        if t:
            cur = (cur @ trans) * emit[t]
            acc += float(shift[t]) + t_max
        total = float(cur.sum())
        cur = cur / total
        acc += math.log(total)
        fwd[t], log_fwd[t] = cur, acc
    bwd = np.empty_like(emit)
    log_bwd = np.empty(n)
    cur, acc = np.ones(e.shape[1]), 0.0
    bwd[n - 1], log_bwd[n - 1] = cur, 0.0
    for t in range(n - 2, -1, -1):
        cur = trans @ (emit[t + 1] * cur)
        total = float(cur.sum())
        cur = cur / total
        acc += math.log(total) + float(shift[t + 1]) + t_max
        bwd[t], log_bwd[t] = cur, acc
    log_z = log_fwd[n - 1]  # fwd[n - 1] sums to 1
    left: list[float] = []
    right: list[float] = []
    running = 0.0
    tiny = 1e-300
    for t, y in enumerate(path):
        if t:
            running += float(tr[path[t - 1], y] + e[t, y])
        left.append(math.log(max(float(fwd[t, y]), tiny)) + float(log_fwd[t]) - running)
        right.append(math.log(max(float(bwd[t, y]), tiny)) + float(log_bwd[t]) + running - log_z)
    return left, right


def span_probability(left: Sequence[float], right: Sequence[float], first: int, last: int) -> float:
    """Probability that tokens ``first .. last - 1`` carry the path's tags (0..1)."""
    return min(1.0, math.exp(min(0.0, left[first] + right[last - 1])))
