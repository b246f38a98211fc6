"""Package-level behaviour: fast import, no heavy dependencies, public names."""

from __future__ import annotations

import subprocess
import sys

import pytest

import arabnews
from arabnews import Span
from arabnews._checks import require_str


def test_import_does_not_load_torch_or_stanza() -> None:
    code = (
        "import sys, arabnews; "
        "bad = [m for m in ('torch', 'stanza', 'pandas', 'dask') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError):
        arabnews.no_such_thing  # noqa: B018


def test_span_helpers() -> None:
    s = Span(2, 6)
    assert len(s) == 4 and s.overlaps(Span(5, 9)) and not s.overlaps(Span(6, 9))
    assert s.contains(Span(3, 4)) and s.contains(2) and not s.contains(6)
    assert s.slice("abcdefgh") == "cdef"
    with pytest.raises(ValueError):
        Span(5, 4)
    with pytest.raises(ValueError):
        Span(-1, 4)


def test_require_str_names_the_argument() -> None:
    with pytest.raises(TypeError, match="text must be str, not bytes"):
        require_str(b"abc", "text")
    assert require_str("x", "text") == "x"
