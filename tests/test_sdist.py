"""The source distribution carries its own tests and what they need, and they pass there."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tracked_tree(target: Path) -> None:
    """The committed tree (``git archive HEAD``): a clean checkout, nothing local."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", "HEAD"],
        capture_output=True,
        check=True,
    ).stdout
    target.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")


@pytest.mark.slow
def test_sdist_holds_and_passes_its_tests(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout (this is already an sdist or a wheel)")
    pytest.importorskip("setuptools")
    tree = tmp_path / "tree"
    _tracked_tree(tree)
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-c",
            f"from setuptools import build_meta; build_meta.build_sdist({str(dist)!r})",
        ],
        cwd=tree,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (archive,) = dist.glob("arabnews-*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "sdist", filter="data")
    (top,) = (tmp_path / "sdist").iterdir()
    for needed in (
        "tests/conftest.py",
        "tests/_gold.py",
        "seeds",
        "docs/conf.py",
        "docs/examples/dask_bag.py",
        "CHANGELOG.md",
        "src/arabnews/py.typed",
    ):
        assert (top / needed).exists(), needed
    assert not (top / "benchmarks" / "data" / "local").exists()
    env = {**os.environ, "PYTHONPATH": str(top / "src")}
    common = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider"]
    collect = subprocess.run(
        [*common, "--collect-only"],
        cwd=top,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert collect.returncode == 0, collect.stdout[-3000:] + collect.stderr[-2000:]
    run = subprocess.run(
        [
            *common,
            "-x",
            "-m",
            "not slow and not model and not browser",
            "docs",
            "tests/test_document.py",
            "tests/test_render.py",
            "tests/test_cli.py",
        ],
        cwd=top,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
