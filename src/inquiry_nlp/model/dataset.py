"""Labelled threads to training rows: each thread runs through the same extraction and rules
as at classification time, so the model learns from exactly what it will see."""
from __future__ import annotations

import csv
import hashlib
import json
import multiprocessing as mp
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..corpus import load_threads, thread_from_labels
from ..errors import InputError
from ..extract import extract_thread
from ..rules import RuleSet, evaluate
from .features import thread_features
from .train import Dataset


def featurize(thread, ruleset: RuleSet):
    extraction = extract_thread(thread)
    signals = evaluate(thread, extraction, ruleset)
    return thread_features(thread, extraction, signals), extraction, signals


def _features_chunk(args: tuple[list, RuleSet]) -> list[dict[str, Any]]:
    threads, ruleset = args
    return [featurize(t, ruleset)[0] for t in threads]


def featurize_all(threads: list, ruleset: RuleSet, workers: int | None = None) -> list[dict[str, Any]]:
    """The features of many threads, in order, on all cores (the slow part of training)."""
    from ..workers import default_workers

    n = workers or default_workers()
    chunks = [threads[i:i + 40] for i in range(0, len(threads), 40)]
    if n <= 1 or len(chunks) <= 1 or "fork" not in mp.get_all_start_methods():
        return [f for c in chunks for f in _features_chunk((c, ruleset))]
    with mp.get_context("fork").Pool(n) as pool:
        return [f for out in pool.imap(_features_chunk, [(c, ruleset) for c in chunks]) for f in out]


def from_corpus(paths: Iterable[str | Path], ruleset: RuleSet) -> tuple[Dataset, str]:
    """The labelled corpus as a Dataset, and a hash of the labelled data (for the manifest)."""
    ids, grades, fraud, langs, splits = [], [], [], [], []
    digest = hashlib.sha256()
    labelled = sorted(load_threads(paths), key=lambda t: t["id"])
    feats = featurize_all([thread_from_labels(t) for t in labelled], ruleset)
    for t in labelled:
        digest.update(json.dumps({k: v for k, v in t.items() if k != "_file"}, sort_keys=True,
                                 ensure_ascii=False).encode("utf-8"))
        ids.append(t["id"])
        grades.append(int(t["grade"]))
        fraud.append(int(bool(t["fraud"])))
        langs.append(t["lang"])
        splits.append(t["split"])
    return Dataset(ids, feats, grades, fraud, langs, splits), digest.hexdigest()


def from_analyst(labels_csv: str | Path, mail: list[str], own: Iterable[str], ruleset: RuleSet) -> tuple[Dataset, str]:
    """An analyst's corrections: ``classify --format csv`` output with the ``grade`` and
    ``fraud`` columns corrected, joined with the mail it came from by ``thread_id``."""
    from ..mail import read_dump

    rows: dict[str, dict[str, str]] = {}
    raw = Path(labels_csv).read_bytes()
    with open(labels_csv, encoding="utf-8-sig", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), 2):
            tid = (row.get("thread_id") or "").strip()
            if not tid:
                raise InputError(f"{labels_csv}:{n}: no thread_id; keep the thread_id column of classify's CSV")
            rows[tid] = row
    dump = read_dump(mail, own)
    ids, feats, grades, fraud, langs, splits = [], [], [], [], [], []
    matched = set()
    for thread in dump.threads:
        row = rows.get(thread.thread_id)
        if row is None:
            continue
        matched.add(thread.thread_id)
        try:
            grade = int(str(row.get("grade", "")).strip())
            assert grade in (1, 2, 3, 4)
        except (ValueError, AssertionError):
            raise InputError(f"{labels_csv}: thread {thread.thread_id}: grade must be 1, 2, 3 or 4, "
                             f"got {row.get('grade')!r}") from None
        flag = str(row.get("fraud", "")).strip().lower() in ("1", "true", "yes", "y", "x", "suspected")
        f, _, _ = featurize(thread, ruleset)
        ids.append(thread.thread_id)
        feats.append(f)
        grades.append(grade)
        fraud.append(int(flag))
        langs.append(thread.lang or "unknown")
        splits.append("train")
    missing = set(rows) - matched
    if missing and not matched:
        raise InputError(f"{labels_csv}: none of its thread_ids are in {', '.join(mail)}; pass the same mail "
                         f"(and --own) that classify read")
    return Dataset(ids, feats, grades, fraud, langs, splits), hashlib.sha256(raw).hexdigest()


def merge(a: Dataset, b: Dataset) -> Dataset:
    return Dataset(*[getattr(a, f) + getattr(b, f) for f in ("ids", "features", "grades", "fraud", "langs", "splits")])
