"""Stages that fail on purpose, for the batch reliability tests (importable by workers).

A document fails according to a marker in its text:

* ``POISON-RAISE``: the stage raises ``ValueError``;
* ``POISON-HANG``: the stage sleeps (a timeout interrupts it);
* ``POISON-NATIVE``: the stage blocks ``SIGALRM`` and sleeps, like native code that no
  signal reaches (only killing the worker stops it);
* ``POISON-CRASH``: the worker process dies (``os._exit``).

When the environment variable ``ARABNEWS_FAULT_PIDS`` names a file, a hanging stage
appends its process id to it first (so a test can check that the process was stopped).
"""

from __future__ import annotations

import os
import signal
import time
from typing import Any


def _note_pid() -> None:
    path = os.environ.get("ARABNEWS_FAULT_PIDS")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")


def poison_events(text: str, *, published: Any = None, entities: Any = ()) -> tuple[()]:
    if "POISON-RAISE" in text:
        raise ValueError("poisoned document")
    if "POISON-HANG" in text:
        _note_pid()
        time.sleep(120)
    if "POISON-NATIVE" in text:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        _note_pid()
        time.sleep(120)
    if "POISON-CRASH" in text:
        os._exit(3)
    return ()
