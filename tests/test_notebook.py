"""The analyst's notebook runs end to end (on a small subset) so it never rots."""
from __future__ import annotations

import os

import pytest

from conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


@pytest.mark.slow
def test_retrain_notebook_executes(tmp_path, monkeypatch):
    monkeypatch.setenv("INQUIRY_NLP_NOTEBOOK_SUBSET", "1")
    monkeypatch.setenv("REPO", str(ROOT))
    nb = nbformat.read(ROOT / "notebooks" / "retrain.ipynb", as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    outputs = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "corrections written" in outputs
    assert "model written to" in outputs
    assert "retrained macro-F1" in outputs
