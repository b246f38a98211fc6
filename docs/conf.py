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
    "sphinx.ext.autosummary",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
autodoc_member_order = "bysource"
# "Attributes:" sections as field lists: attrs fields are also members autodoc sees, and
# attribute directives would describe them twice
napoleon_use_ivar = True
autodoc_typehints = "description"
# No default "members": with Sphinx 9 a default would override each directive's explicit
# list; every automodule names its members (or says :members: for all of them).
autodoc_default_options = {"undoc-members": False}
# Heavy optional dependencies are never needed to build the docs.
autodoc_mock_imports = ["stanza", "torch", "dask", "distributed", "pandas", "tqdm"]
autosummary_generate = True
autosummary_imported_members = True
autosummary_ignore_module_all = False  # the API reference lists exactly arabnews.__all__
templates_path = ["_templates"]
exclude_patterns = ["_build", "examples"]

# Built nitpicky (``sphinx-build -n -W``): every cross-reference must resolve. The build is
# offline, so there is no intersphinx inventory for the standard library or third-party
# packages; references to those (from type hints) stay plain text, and so do names that
# autodoc reads from annotations of private aliases (``_dt.date``) and private helpers.
nitpicky = True
_EXTERNAL = (
    "collections",
    "typing",
    "datetime",
    "pathlib",
    "os",
    "re",
    "array",
    "types",
    "json",
    "io",
    "multiprocessing",
    "concurrent",
    "pandas",
    "numpy",
    "hypothesis",
    "st",
    "stanza",
    "torch",
    "dask",
    "distributed",
    "pyspark",
    "tqdm",
    "attrs",
    "regex",
    "_dt",
    "tempfile",
    "warnings",
    "logging",
    "signal",
    "threading",
    "functools",
    "itertools",
    "math",
    "sys",
    "subprocess",
    "shutil",
    "importlib",
    "inspect",
    "unicodedata",
    "html",
    "builtins",
)
nitpick_ignore_regex = [
    (r"py:.*", rf"({'|'.join(_EXTERNAL)})(\..*)?"),
    (r"py:class", r"(array|Path|PathLike|SearchStrategy|Callable|Iterable|Iterator|Sequence)"),
    (r"py:.*", r"(.*\.)?_[A-Za-z].*"),  # private helpers named in annotations
    # napoleon reads the first words of a constant's docstring ("Search-key foldings: ...")
    # as its type; they are prose, not references
    (r"py:class", r"[A-Z][a-z-]+( [a-z-]+)+"),
    (r"py:class", r"[a-z-]+( [a-z-]+)+"),
]

html_theme = "furo"
html_title = "arabnews"
html_static_path = ["_static"]
language = "en"


# -- references to re-exported names ------------------------------------------------------
# Objects are documented once, under the name users import (``arabnews.Pipeline``) or the
# module that defines them. Docstrings also name them by a package re-export
# (``arabnews.names.NameResolver``) or, inside their own module, by their short name; this
# resolves such a reference to wherever the object itself is documented.


def _import_path(path: str) -> object | None:
    import importlib

    parts = path.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        try:
            for part in parts[i:]:
                obj = getattr(obj, part)
        except AttributeError:
            return None
        return obj
    return None


def _documented_names(obj: object, member: str) -> list[str]:
    import arabnews

    names = [f"arabnews.{n}" for n in arabnews.__all__ if getattr(arabnews, n, None) is obj]
    module, qualname = getattr(obj, "__module__", None), getattr(obj, "__qualname__", None)
    if module and qualname:
        names.append(f"{module}.{qualname}")
        names.append(f"{module}.{qualname.rsplit('.', 1)[-1]}")  # a wrapped function
    return [f"{n}.{member}" if member else n for n in names]


def _candidates(env, target: str, context: str) -> list[str]:  # type: ignore[no-untyped-def]
    names: list[str] = []
    for prefix in ("", f"{context}.", "arabnews."):
        path = prefix + target
        splits = [(path, "")]
        if "." in path:
            head, member = path.rsplit(".", 1)
            splits.append((head, member))
        for head, member in splits:
            obj = _import_path(head)
            if obj is None or isinstance(obj, str | int | float | tuple | dict | frozenset):
                continue
            names += _documented_names(obj, member)
            if not member and "." in head:  # the name it is reachable by in its own module
                names.append(f"{getattr(obj, '__module__', '')}.{head.rsplit('.', 1)[-1]}")
    # last resort: a unique documented object whose name ends with the target
    domain = env.get_domain("py")
    suffix = "." + target
    found = {k for k in domain.objects if k.endswith(suffix) and k.startswith("arabnews.")}
    primary = sorted(k for k in found if not domain.objects[k].aliased)
    objects = {id(_import_path(k)) for k in primary}
    if len(primary) == 1 or (primary and len(objects) == 1 and None not in objects):
        names.append(primary[0])  # one object (perhaps documented under two names)
    return names


def _resolve_reexport(app, env, node, contnode):  # type: ignore[no-untyped-def]
    from sphinx.util.nodes import make_refnode

    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"].lstrip("~.")
    if not target or target.startswith("_") or " " in target:
        return None
    domain = env.get_domain("py")
    for name in _candidates(env, target, node.get("py:module") or "arabnews"):
        entry = domain.objects.get(name)
        if entry is not None:
            return make_refnode(
                app.builder, node["refdoc"], entry.docname, entry.node_id, contnode, name
            )
    return None


def _skip_exported(app, what, name, obj, skip, options):  # type: ignore[no-untyped-def]
    # a name that ``import arabnews`` exports has its own page in the API reference; a
    # module page that re-exports or defines it links there instead of documenting it twice
    import arabnews

    if what == "module" and any(
        getattr(arabnews, n, None) is obj for n in arabnews.__all__ if n != "__version__"
    ):
        return True
    return None


def setup(app):  # type: ignore[no-untyped-def]
    app.connect("missing-reference", _resolve_reexport)
    app.connect("autodoc-skip-member", _skip_exported)
