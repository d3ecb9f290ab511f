"""Shared test helpers: where the repository and ../shared live, and a mail builder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("INQUIRY_NLP_SHARED", ROOT.parent / "shared"))
REAL = SHARED / "data" / "real"
VALIDATION = SHARED / "data" / "validation"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not found: clone the project next to its shared/ folder "
                    f"(or set INQUIRY_NLP_SHARED)")
    return path


@pytest.fixture(scope="session")
def classifier():
    """The shipped model and rules as a :class:`inquiry_nlp.Classifier`, loaded once per run."""
    from inquiry_nlp import Classifier

    return Classifier.load()
