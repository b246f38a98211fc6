"""The documentation builds nitpicky and warning-free, with a page for every public name."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import arabnews

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_readme_places_analyze_many_on_the_pipeline() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Pipeline.analyze_many" in readme
    assert "`analyze`, `analyze_many`" not in readme


@pytest.mark.slow
def test_sphinx_build_is_nitpicky_clean_and_covers_every_public_name(tmp_path: Path) -> None:
    pytest.importorskip("sphinx")
    pytest.importorskip("furo")
    if not DOCS.is_dir():
        pytest.skip("docs/ not available")
    source = tmp_path / "docs"
    shutil.copytree(DOCS, source, ignore=shutil.ignore_patterns("_build", "generated"))
    shutil.copy(ROOT / "CHANGELOG.md", tmp_path / "CHANGELOG.md")  # docs/changelog.rst shows it
    out = tmp_path / "html"
    command = [sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-q", "-b", "html"]
    proc = subprocess.run(
        [*command, str(source), str(out)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-5000:]
    generated = out / "generated"
    missing = [
        name
        for name in arabnews.__all__
        if name != "__version__" and not (generated / f"arabnews.{name}.html").is_file()
    ]
    assert not missing, f"no API page for {missing}"
    extra = {p.stem.removeprefix("arabnews.") for p in generated.glob("arabnews.*.html")}
    extra -= set(arabnews.__all__)
    assert not extra, f"API pages for names arabnews does not export: {extra}"
    # the pages are linked: a reference to a re-exported name resolves to its page
    api = (out / "api.html").read_text(encoding="utf-8")
    assert "generated/arabnews.html" in api
