"""Shared test configuration: hypothesis profiles and the ../shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ARABNEWS_SHARED", ROOT.parent / "shared"))
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ``../shared`` folder; tests that use it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (a user's clone has none)")
    return SHARED


@pytest.fixture(scope="session")
def seed_gold(shared_dir: Path) -> dict:  # type: ignore[type-arg]
    import json

    path = shared_dir / "gold" / "seeds_gold.json"
    if not path.is_file():
        pytest.skip("seed gold not present")
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The five seed pages shipped in the repository's ``seeds/``, by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
