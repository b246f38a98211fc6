"""Every Python example in the docs and the README runs as written.

``>>>`` examples are doctests (pytest collects ``docs/*.rst`` with ``--doctest-glob``).
This runs the other ``.. code-block:: python`` blocks of each page (and the README's
```` ```python ```` blocks) in order, in one namespace per page, as a script would: in a
working folder that holds what the examples open (``seeds/`` and ``corpus.txt``, one
document per line). A block that cannot run here (it needs your own service or models you
downloaded) is preceded by an RST comment ``.. example-not-run: <why>``; those are counted,
and stay few.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SEEDS = ROOT / "seeds"
_NOT_RUN = re.compile(r"^\.\. example-not-run:\s*(\S.*)$")
_USES_MODEL = re.compile(r"arabnews\.analyze\(|Pipeline\(\)|arabnews\.recognize\(")


def _rst_blocks(path: Path) -> list[tuple[int, str, str | None]]:
    """``(line, code, reason-not-run)`` of each non-doctest python code-block."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks = []
    for i, line in enumerate(lines):
        if line.strip() != ".. code-block:: python":
            continue
        indent = len(line) - len(line.lstrip())
        body: list[str] = []
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or _indent(lines[j]) > indent):
            body.append(lines[j])
            j += 1
        code = _dedent(body)
        if not code.strip() or code.lstrip().startswith(">>>"):
            continue  # a doctest: collected by pytest itself
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        match = _NOT_RUN.match(lines[k].strip()) if k >= 0 else None
        blocks.append((i + 1, code, match.group(1) if match else None))
    return blocks


def _readme_blocks() -> list[tuple[int, str, str | None]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = []
    for match in re.finditer(r"^```python\n(.*?)^```", text, re.S | re.M):
        blocks.append((text[: match.start()].count("\n") + 1, match.group(1), None))
    return blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _dedent(body: list[str]) -> str:
    width = min((_indent(x) for x in body if x.strip()), default=0)
    return "\n".join(x[width:] for x in body).strip("\n") + "\n"


def _pages() -> list[tuple[str, list[tuple[int, str, str | None]]]]:
    pages = [(p.relative_to(ROOT).as_posix(), _rst_blocks(p)) for p in sorted(DOCS.rglob("*.rst"))]
    pages.append(("README.md", _readme_blocks()))
    return [(name, blocks) for name, blocks in pages if blocks]


def _params() -> list[object]:
    params = []
    for name, blocks in _pages():
        marks = [pytest.mark.slow]
        if any(_USES_MODEL.search(code) for _, code, reason in blocks if reason is None):
            marks.append(pytest.mark.model)
        params.append(pytest.param(name, blocks, id=name, marks=marks))
    return params


def test_examples_are_found_and_few_are_not_run() -> None:
    pages = dict(_pages())
    assert "README.md" in pages and "docs/pipeline.rst" in pages
    blocks = [b for page in pages.values() for b in page]
    not_run = [b for b in blocks if b[2] is not None]
    assert len(blocks) >= 8 and len(not_run) <= 3, not_run


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("seed pages not available")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    pages = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    (tmp_path / "corpus.txt").write_text(
        "".join(" ".join(page.split()) + "\n" for page in pages), encoding="utf-8"
    )
    return tmp_path


@pytest.mark.parametrize(("page", "blocks"), _params())
def test_examples_run_as_written(
    page: str,
    blocks: list[tuple[int, str, str | None]],
    workdir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    uses_model = any(_USES_MODEL.search(code) for _, code, reason in blocks if reason is None)
    if uses_model and importlib.util.find_spec("stanza") is None:
        pytest.skip("needs stanza (the [ner] extra) for the default model")
    monkeypatch.chdir(workdir)
    monkeypatch.setenv("OMP_NUM_THREADS", os.environ.get("OMP_NUM_THREADS", "1"))
    namespace: dict[str, object] = {"__name__": "__main__"}
    for line, code, reason in blocks:
        if reason is not None:
            continue
        try:
            exec(compile(code, f"{page}:{line}", "exec"), namespace)
        except Exception as exc:
            raise AssertionError(f"{page}, example at line {line} failed: {exc!r}") from exc
