"""Saving and loading a model: ``model.joblib`` (the fitted pipelines), ``scorer.joblib``
(their arithmetic as plain data, :mod:`.linear`: what grading loads, without scikit-learn)
and ``manifest.json`` beside them.

joblib files are pickles: loading one runs code. Only the shipped model (``models/default``)
or a folder the user names with ``--model`` is ever loaded.
"""
from __future__ import annotations

import json
import pickle
import platform
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

import joblib

from ..errors import InquiryError
from . import GradeModel

MODEL_FILE = "model.joblib"
SCORER_FILE = "scorer.joblib"
MANIFEST_FILE = "manifest.json"
PINNED = ("scikit-learn", "numpy", "scipy", "joblib")
RECORDED = PINNED + ("jieba", "spacy", "inquiry-nlp")
REBUILD = "inquiry-nlp train data/corpus/hand -o models/default"


def rebuild_command(folder: Path | None = None) -> str:
    return f"inquiry-nlp train data/corpus/hand -o {folder}" if folder else REBUILD


class ModelError(InquiryError):
    """A model folder that cannot be used, with the command that fixes it."""


def library_versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in RECORDED:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def default_model_dir() -> Path:
    """The shipped model: ``models/default`` of the source tree (env INQUIRY_NLP_MODEL wins)."""
    import os

    env = os.environ.get("INQUIRY_NLP_MODEL")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "models" / "default"


def save(model: GradeModel, folder: str | Path, manifest: dict[str, Any]) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = dict(manifest)
    manifest.setdefault("created", datetime.now(timezone.utc).isoformat(timespec="seconds"))
    manifest["libraries"] = library_versions()
    manifest["fraud_threshold"] = model.fraud_threshold
    model.manifest = manifest
    _dump(model, folder / MODEL_FILE)
    _dump((manifest["created"], model.scorers()), folder / SCORER_FILE)
    manifest["model_bytes"] = (folder / MODEL_FILE).stat().st_size
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return folder


def _dump(obj: Any, path: Path) -> None:
    tmp = path.with_name(path.name + ".part")
    joblib.dump(obj, tmp, compress=3)
    tmp.replace(path)


def load(folder: str | Path | None = None, pipelines: bool = False) -> GradeModel:
    """Load a model folder, checking its manifest against the installed libraries. To grade
    mail only the scorers are read (fast, no scikit-learn); ``pipelines=True`` also loads the
    fitted pipelines (to refit, inspect or compare them)."""
    folder = Path(folder) if folder else default_model_dir()
    manifest_path = folder / MANIFEST_FILE
    if not (folder / MODEL_FILE).exists() or not manifest_path.exists():
        raise ModelError(f"{folder}: no model here (need {MODEL_FILE} and {MANIFEST_FILE}). "
                         f"Build one with: {rebuild_command(folder)}")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    have = library_versions()
    built = manifest.get("libraries", {})
    for name in PINNED:
        a, b = built.get(name, "?"), have.get(name, "?")
        if a.split(".")[:2] != b.split(".")[:2]:
            raise ModelError(f"{folder}: the model was built with {name} {a}, this environment has {b}; "
                             f"a pickled model must be rebuilt for it: {rebuild_command(folder)}")
    start = time.perf_counter()
    scorers = None if pipelines else _read(folder / SCORER_FILE, tuple, folder, missing_ok=True)
    if scorers is not None and len(scorers) == 2 and scorers[0] == manifest.get("created"):
        model = GradeModel(None, None, float(manifest["fraud_threshold"]), manifest)
        model.use_scorers(scorers[1])
    else:  # a model saved before scorer files, or a scorer left from another training
        model = _read(folder / MODEL_FILE, GradeModel, folder)
    model.manifest = manifest
    model.manifest["load_seconds"] = round(time.perf_counter() - start, 3)
    return model


def _read(path: Path, kind: type, folder: Path, missing_ok: bool = False) -> Any:
    if missing_ok and not path.exists():
        return None
    try:
        obj = joblib.load(path)
    except (EOFError, OSError, ValueError, pickle.UnpicklingError) as exc:
        raise ModelError(f"{path}: unreadable ({exc}); rebuild it with: {rebuild_command(folder)}") from None
    if not isinstance(obj, kind):
        raise ModelError(f"{path} is not part of an inquiry-nlp model; rebuild it with: {rebuild_command(folder)}")
    return obj
