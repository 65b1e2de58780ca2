import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder beside the project (seeds, gold, scorer).

    In CI its absence is a failure, never a skip: the golden tests must run there.
    """
    if not (SHARED / "eval" / "seeds.jsonl").exists():
        if os.environ.get("CI"):
            pytest.fail(f"shared folder missing at {SHARED} (CI is set: golden tests must run)")
        pytest.skip(f"shared folder not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    from communique.pipeline import Pipeline

    return Pipeline().initialize()
