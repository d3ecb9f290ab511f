#!/usr/bin/env python3
"""Model settings chosen on writers the model has not seen: leave-one-batch-out cross-validation.

Each corpus batch (``data/corpus/hand/<batch>.jsonl``) is one writer, with that writer's
customers and phrasing. Random folds put every writer's threads on both sides, so they reward
settings that memorise phrasing; here every batch is held out in turn (GroupKFold, the batch as
group) and the pipelines of ``inquiry_nlp.model.train`` are fitted on the others, over the
train+dev splits only (the test split is never read).

For each setting of a small grid this prints the model's grade macro-F1 (and the combined
rules+model macro-F1 the product outputs), and the fraud recall and false-positive rate at the
threshold each held-out batch would get. The threshold is chosen as ``fit`` chooses it, on
out-of-fold scores of the *other* batches, from two kinds of folds: random stratified folds
(``thr=random``) or folds grouped by batch (``thr=grouped``). (Those scores come from one pass
of folds over all batches, so the held-out batch was in their training folds: a small
optimism, the same for every row.)

The featurisation (extraction and signals, the slow part) runs once and is cached under
benchmarks/.cache/, keyed by the corpus and the package's source and data files, so a change
to a rule re-featurises; only the scikit-learn parts vary.

    python benchmarks/model_selection.py                 # the whole grid, leave-one-batch-out
    python benchmarks/model_selection.py --only grade --folds 5   # grade rows, 5 grouped folds
    python benchmarks/model_selection.py --list          # the grid's names
"""
from __future__ import annotations

import argparse
import hashlib
import multiprocessing as mp
import pickle
import re
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GroupKFold, StratifiedGroupKFold, StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "benchmarks" / ".cache"
CORPUS = ROOT / "data" / "corpus" / "hand"
sys.path.insert(0, str(ROOT / "src"))

from inquiry_nlp.model import GRADES, Prediction  # noqa: E402
from inquiry_nlp.model import features as features_module  # noqa: E402
from inquiry_nlp.model.train import (FraudSettings, GradeSettings, build_fraud_pipeline,  # noqa: E402
                                     build_grade_pipeline, choose_fraud_threshold)

_BATCH = re.compile(r"^([A-Za-z]+)-\d+$")


@dataclass
class Rows:
    """The featurised train+dev threads and the batch (writer) each comes from."""

    ids: list[str]
    features: list[dict[str, Any]]
    grades: np.ndarray
    fraud: np.ndarray
    groups: np.ndarray


@dataclass(frozen=True)
class Candidate:
    """One row of the grid: pipeline settings and how calibration folds are drawn."""

    name: str
    grade: GradeSettings | None = None
    fraud: FraudSettings | None = None
    grouped_calibration: bool = False


@dataclass
class Scores:
    """Out-of-fold outputs of one candidate."""

    grade_proba: np.ndarray | None = None
    fraud_heldout: np.ndarray | None = None
    fraud_oof: dict[str, np.ndarray] = field(default_factory=dict)


def corpus_key() -> str:
    """A hash of what the features depend on: the corpus, and the package's code and data."""
    h = hashlib.sha256()
    files = sorted(CORPUS.glob("*.jsonl")) + sorted((ROOT / "src" / "inquiry_nlp").rglob("*.py")) \
        + sorted((ROOT / "src" / "inquiry_nlp").rglob("*.toml"))
    for f in files:
        if f.parent.name == "model" and f.name not in ("features.py", "dataset.py"):
            continue  # the fitting code: the featurised rows do not depend on it
        h.update(str(f.relative_to(ROOT)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def featurise(workers: int) -> Rows:
    """The train+dev threads of the corpus through extraction and rules (test never read)."""
    from inquiry_nlp.corpus import load_threads, thread_from_labels
    from inquiry_nlp.model.dataset import featurize_all
    from inquiry_nlp.rules import load_rules

    threads = sorted((t for t in load_threads([CORPUS]) if t["split"] in ("train", "dev")),
                     key=lambda t: t["id"])
    feats = featurize_all([thread_from_labels(t) for t in threads], load_rules(), workers)
    return Rows([t["id"] for t in threads], feats, np.array([int(t["grade"]) for t in threads]),
                np.array([int(bool(t["fraud"])) for t in threads]),
                np.array([Path(t["_file"]).stem for t in threads]))


def load_rows(workers: int, refresh: bool, stale: bool = False) -> Rows:
    path = CACHE / f"model_selection-{corpus_key()}.pkl"
    cached = sorted(CACHE.glob("model_selection-*.pkl"), key=lambda p: p.stat().st_mtime)
    if stale and cached and not refresh:  # compare settings on one featurisation while rules change
        return pickle.loads(cached[-1].read_bytes())
    if path.exists() and not refresh:
        return pickle.loads(path.read_bytes())
    started = time.perf_counter()
    rows = featurise(workers)
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob("model_selection-*.pkl"):
        old.unlink()
    path.write_bytes(pickle.dumps(rows))
    print(f"featurised {len(rows.ids)} train+dev threads in {time.perf_counter() - started:.0f} s -> {path}")
    return rows


# -- fitting ------------------------------------------------------------------------------

_ROWS: Rows | None = None  # set before the worker processes fork


def _calibration_cv(train_idx: np.ndarray, labels: np.ndarray, grouped: bool, seed: int = 0) -> Any:
    """Calibration folds inside one training set: stratified random, or by batch."""
    if not grouped:
        return 3
    groups = _ROWS.groups[train_idx]
    return list(GroupKFold(min(3, len(set(groups)))).split(np.zeros(len(train_idx)), labels, groups))


def _fit_predict(task: tuple[str, Candidate, np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Fit one pipeline on ``train_idx`` and return its probabilities on ``test_idx``."""
    from threadpoolctl import threadpool_limits

    kind, cand, train_idx, test_idx = task
    rows = _ROWS
    y = rows.grades if kind == "grade" else rows.fraud
    cv = _calibration_cv(train_idx, y[train_idx], cand.grouped_calibration)
    if kind == "grade":
        pipe = build_grade_pipeline(0, cv=cv, settings=cand.grade)
    else:
        pipe = build_fraud_pipeline(0, cv=cv, settings=cand.fraud)
    X = rows.features
    with threadpool_limits(1):
        pipe.fit([X[i] for i in train_idx], y[train_idx])
        proba = pipe.predict_proba([X[i] for i in test_idx])
    return test_idx, proba if kind == "grade" else proba[:, list(pipe.classes_).index(1)]


def splits(rows: Rows, scheme: str, labels: np.ndarray, n_folds: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Folds: ``heldout`` (by batch, ``n_folds`` of them, 0 = one per batch), ``grouped``
    (5 stratified folds by batch, as ``fit`` draws them), ``random`` (5 stratified folds)."""
    dummy = np.zeros(len(labels))
    if scheme == "random":
        return list(StratifiedKFold(5, shuffle=True, random_state=0).split(dummy, labels))
    if scheme == "grouped":  # as inquiry_nlp.model.train.cv_folds draws them
        return list(StratifiedGroupKFold(5, shuffle=True, random_state=0).split(dummy, labels, rows.groups))
    n = n_folds or len(set(rows.groups))
    return list(GroupKFold(n).split(dummy, labels, rows.groups))


def oof(pool, kind: str, cand: Candidate, folds: list[tuple[np.ndarray, np.ndarray]], n: int) -> np.ndarray:
    out: np.ndarray | None = None
    for test_idx, proba in pool.imap_unordered(_fit_predict, [(kind, cand, tr, te) for tr, te in folds]):
        if out is None:
            out = np.zeros((n,) + proba.shape[1:])
        out[test_idx] = proba
    return out


# -- measuring ----------------------------------------------------------------------------

# Threshold rules (min_recall, max_fpr) tried on each kind of out-of-fold score: fit's rule
# (recall at least 95%, else the highest recall within 1.5% FPR) and looser floors.
THRESHOLD_RULES = ((0.95, 0.015), (0.90, 0.015), (0.90, 0.03))


def heldout_thresholds(rows: Rows, scores: np.ndarray, outer: list[tuple[np.ndarray, np.ndarray]],
                       rule: tuple[float, float] = THRESHOLD_RULES[0]) -> np.ndarray:
    """Each held-out row's fraud threshold: chosen on the other batches' out-of-fold scores."""
    t = np.zeros(len(rows.ids))
    for train_idx, test_idx in outer:
        t[test_idx] = choose_fraud_threshold(rows.fraud[train_idx], scores[train_idx], *rule)
    return t


def combined_grades(rows: Rows, grade_proba: np.ndarray, fraud_flags: np.ndarray) -> np.ndarray:
    """The product's grade: the model's prediction through :func:`inquiry_nlp.grade.combine`."""
    from inquiry_nlp.grade import combine

    classes = sorted(set(rows.grades.tolist()))
    out = []
    for feat, row, flag in zip(rows.features, grade_proba, fraud_flags):
        probs = {str(g): float(p) for g, p in zip(classes, row)}
        pred = Prediction(probs, classes[int(np.argmax(row))], 0.0, bool(flag))
        out.append(combine(pred, feat["signals"])[0])
    return np.array(out)


def fraud_line(rows: Rows, scores: np.ndarray, thresholds: np.ndarray) -> tuple[float, float, np.ndarray]:
    flags = scores >= thresholds
    y = rows.fraud == 1
    return float(flags[y].mean()), float(flags[~y].mean()), flags


def macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    return float(f1_score(y, pred, labels=list(GRADES), average="macro", zero_division=0))


def worst_batches(rows: Rows, pred: np.ndarray, k: int = 3) -> str:
    acc = {g: float(np.mean(pred[rows.groups == g] == rows.grades[rows.groups == g])) for g in set(rows.groups)}
    return " ".join(f"{g}:{a:.2f}" for g, a in sorted(acc.items(), key=lambda kv: kv[1])[:k])


# -- the grid ------------------------------------------------------------------------------

def grid() -> list[Candidate]:
    g = GradeSettings(words_min_df=2, words_max_features=40000, chars_min_df=3, chars_max_features=60000)
    f = FraudSettings(C=16.0, words_min_df=2, words_max_features=20000)  # the settings before this grid
    return [
        Candidate("grade: current", grade=g),
        Candidate("grade: C=3", grade=replace(g, C=3.0)),
        Candidate("grade: signals 3.0", grade=replace(g, signals_weight=3.0)),
        Candidate("grade: chars 0.35", grade=replace(g, chars_weight=0.35)),
        Candidate("grade: min_df 5/5, max 20k/30k", grade=replace(g, words_min_df=5, chars_min_df=5,
                                                                 words_max_features=20000,
                                                                 chars_max_features=30000)),
        Candidate("grade: no class weight", grade=replace(g, class_weight=None)),
        Candidate("grade: grouped calibration", grade=g, grouped_calibration=True),
        Candidate("fraud: current", fraud=f),
        Candidate("fraud: C=4", fraud=replace(f, C=4.0)),
        Candidate("fraud: signals 4.0", fraud=replace(f, signals_weight=4.0)),
        Candidate("fraud: min_df 5, max 10k", fraud=replace(f, words_min_df=5, words_max_features=10000)),
        Candidate("fraud: min_df 10, max 5k", fraud=replace(f, words_min_df=10, words_max_features=5000)),
        Candidate("fraud: min_df 5, max 10k, C=64", fraud=replace(f, words_min_df=5, words_max_features=10000,
                                                                  C=64.0)),
        Candidate("fraud: adopted", fraud=FraudSettings()),
        Candidate("grade: adopted", grade=GradeSettings()),
        Candidate("fraud: grouped calibration", fraud=f, grouped_calibration=True),
    ]


def run(cands: list[Candidate], rows: Rows, workers: int, n_folds: int, args_rules: bool = False) -> None:
    n = len(rows.ids)
    outer_grade = splits(rows, "heldout", rows.grades, n_folds)
    outer_fraud = splits(rows, "heldout", rows.fraud, n_folds)
    inner = {s: splits(rows, s, rows.fraud, 5) for s in ("random", "grouped")}
    label = f"{len(outer_grade)} folds by batch" if n_folds else "leave-one-batch-out"
    print(f"{n} train+dev threads, {len(set(rows.groups))} batches, {int(rows.fraud.sum())} fraud; {label}")
    base_grade: np.ndarray | None = None
    base_flags: np.ndarray | None = None
    ctx = mp.get_context("fork")
    with ctx.Pool(workers) as pool:
        for cand in sorted(cands, key=lambda c: c.grade is not None):  # fraud first: its verdicts feed `combined`
            started = time.process_time(), time.perf_counter()
            if cand.grade is not None:
                proba = oof(pool, "grade", cand, outer_grade, n)
                classes = np.array(sorted(set(rows.grades.tolist())))
                pred = classes[np.argmax(proba, axis=1)]
                flags = base_flags if base_flags is not None else np.zeros(n, dtype=bool)
                comb = macro_f1(rows.grades, combined_grades(rows, proba, flags))
                if base_grade is None:
                    base_grade = proba
                line = (f"{cand.name:<36} model macro-F1 {macro_f1(rows.grades, pred):.3f}  combined "
                        f"{comb:.3f}  worst {worst_batches(rows, pred)}")
            else:
                held = oof(pool, "fraud", cand, outer_fraud, n)
                auc = roc_auc_score(rows.fraud, held)
                parts = []
                for scheme, folds in inner.items():
                    scores = oof(pool, "fraud", cand, folds, n)
                    for rule in THRESHOLD_RULES if args_rules else THRESHOLD_RULES[:1]:
                        rec, fpr, flags = fraud_line(rows, held, heldout_thresholds(rows, scores, outer_fraud, rule))
                        if base_flags is None and scheme == "random":
                            base_flags = flags
                        named = f"thr={scheme}" + (f" {rule[0]:.2f}/{rule[1]:.3f}" if args_rules else "")
                        parts.append(f"{named}: recall {rec:.3f} FPR {fpr:.3f}")
                sep = "\n    " if args_rules else "  "
                line = f"{cand.name:<36} AUC {auc:.4f}" + sep + sep.join(parts)
            cpu, wall = time.process_time() - started[0], time.perf_counter() - started[1]
            print(f"{line}  ({wall:.0f} s)", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=("grade", "fraud"), help="only the grade or only the fraud rows")
    ap.add_argument("--names", nargs="*", help="only the rows whose name contains one of these")
    ap.add_argument("--folds", type=int, default=0, help="folds by batch (default 0: one per batch)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--refresh", action="store_true", help="featurise again even if cached")
    ap.add_argument("--stale", action="store_true",
                    help="use the last cached featurisation even if the corpus or rules changed since")
    ap.add_argument("--rules", action="store_true", help="fraud rows: every threshold rule of THRESHOLD_RULES")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args(argv)
    cands = [c for c in grid() if args.only is None or c.name.startswith(args.only)]
    if args.names:
        cands = [c for c in cands if any(k in c.name for k in args.names)]
    if args.list:
        print("\n".join(c.name for c in cands))
        return 0
    global _ROWS
    _ROWS = load_rows(args.workers, args.refresh, args.stale)
    # Tokenise each text once for all the fits (the pipelines' word analyzer reads this cache).
    tokenise = features_module._tokens.__wrapped__
    cache: dict[str, tuple[str, ...]] = {}
    features_module._tokens = lambda text: cache[text] if text in cache else cache.setdefault(text, tokenise(text))
    for x in _ROWS.features:
        features_module._tokens(x["text"])
    run(cands, _ROWS, args.workers, args.folds, args.rules)
    return 0


if __name__ == "__main__":
    sys.exit(main())
