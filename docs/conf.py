"""Sphinx configuration for arabnews."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

project = "arabnews"
author = "arabnews developers"
copyright = "2026, arabnews developers"  # noqa: A001
release = "0.1.0.dev0"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
# Heavy optional dependencies are never needed to build the docs.
autodoc_mock_imports = ["stanza", "torch", "dask", "distributed", "pandas", "tqdm"]
nitpicky = False
suppress_warnings = ["ref.python"]

html_theme = "furo"
html_title = "arabnews"
html_static_path = ["_static"]
language = "en"
