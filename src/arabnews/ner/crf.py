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


def _logsumexp(a: Any, axis: int) -> Any:
    import numpy as np

    m = np.max(a, axis=axis, keepdims=True)
    out = m + np.log(np.sum(np.exp(a - m), axis=axis, keepdims=True))
    return np.squeeze(out, axis=axis)


def path_scores(
    emissions: Any, transitions: Any, path: Sequence[int]
) -> tuple[list[float], list[float]]:
    """``(left, right)`` per token for the tag *path* of one sentence (see the module doc).

    *emissions*: ``seq_len x num_tags``; *transitions*: ``num_tags x num_tags``, from row tag
    to column tag (Stanza's layout, as its ``viterbi_decode`` reads it).
    """
    import numpy as np

    e = np.asarray(emissions, dtype=np.float64)
    tr = np.asarray(transitions, dtype=np.float64)
    n = e.shape[0]
    if n == 0:
        return [], []
    if len(path) != n:
        raise ValueError(f"path has {len(path)} tags for {n} tokens")
    alpha = np.empty_like(e)
    beta = np.empty_like(e)
    alpha[0] = e[0]
    for t in range(1, n):
        alpha[t] = e[t] + _logsumexp(alpha[t - 1][:, None] + tr, axis=0)
    beta[n - 1] = 0.0
    for t in range(n - 2, -1, -1):
        beta[t] = _logsumexp(tr + (e[t + 1] + beta[t + 1])[None, :], axis=1)
    log_z = float(_logsumexp(alpha[n - 1], axis=0))
    left: list[float] = []
    right: list[float] = []
    running = 0.0
    for t, y in enumerate(path):
        if t:
            running += float(tr[path[t - 1], y] + e[t, y])
        left.append(float(alpha[t, y]) - running)
        right.append(float(beta[t, y]) + running - log_z)
    return left, right


def span_probability(left: Sequence[float], right: Sequence[float], first: int, last: int) -> float:
    """Probability that tokens ``first .. last - 1`` carry the path's tags (0..1)."""
    return min(1.0, math.exp(min(0.0, left[first] + right[last - 1])))
