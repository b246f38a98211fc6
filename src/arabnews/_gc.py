"""Pausing Python's cyclic garbage collector around allocation-heavy, cycle-free work.

The rule stages (tokens, events, roles, quotes, offset mapping) build hundreds of thousands of
small objects that hold strings, ints and tuples only: they form no reference cycles, so
reference counting frees them all. The cyclic collector would still walk every live object
again and again while they are built, a cost that grows faster than the text (measured with
``benchmarks/bench_scaling.py``: ×1.4–×3.9 per MB from 100 KB to 1 MB). Stages that may create
cycles (Stanza and torch objects in NER) are never run inside :func:`gc_paused`, so memory stays
bounded.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block; restore its previous state afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
