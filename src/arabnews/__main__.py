"""``python -m arabnews``: the same command line as ``arabnews``."""

from __future__ import annotations

import sys

from arabnews.cli import main

if __name__ == "__main__":
    sys.exit(main())
