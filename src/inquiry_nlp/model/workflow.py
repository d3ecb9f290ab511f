"""The analyst's workflow: train a model with its figures, evaluate any model with the
ablation (rules only, model only, combined)."""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from ..grade import combine, rules_grade
from ..rules import RuleSet
from . import GRADES, GradeModel, Prediction
from .dataset import from_analyst, from_corpus, merge
from .store import save
from .train import Dataset, fit, folds, format_metrics, grade_metrics


def predict_all(model: GradeModel | None, data: Dataset, ruleset: RuleSet,
                preds: list[Prediction] | None = None) -> dict[str, Any]:
    """Model-only, rules-only and combined grades and fraud verdicts for a dataset (from the
    model, or from given predictions, e.g. out-of-fold ones)."""
    if preds is None:
        preds = model.predict(data.features) if len(data) else []
    threshold = float(ruleset.setting("fraud_threshold", 0.5))
    needs_signal = bool(ruleset.setting("fraud_needs_signal", True))
    out: dict[str, list[int]] = {k: [] for k in ("model", "model_fraud", "rules", "rules_fraud", "combined",
                                                 "combined_fraud")}
    for feat, pred in zip(data.features, preds):
        codes = set(feat["signals"])
        out["model"].append(pred.grade)
        out["model_fraud"].append(int(pred.fraud))
        rules_fraud = feat["num"]["rules_fraud_score"] >= threshold
        out["rules"].append(rules_grade(codes, rules_fraud)[0])
        out["rules_fraud"].append(int(rules_fraud))
        grade, fraud, _ = combine(pred, codes, needs_signal)
        out["combined"].append(grade)
        out["combined_fraud"].append(int(fraud))
    return out


def ablation_lines(model: GradeModel | None, data: Dataset, ruleset: RuleSet, title: str,
                   preds: list[Prediction] | None = None) -> tuple[list[str], dict]:
    res = predict_all(model, data, ruleset, preds)
    lines: list[str] = []
    metrics = {}
    for system in ("rules", "model", "combined"):
        m = grade_metrics(data.grades, res[system], data.langs, data.fraud, res[f"{system}_fraud"])
        metrics[system] = m
        lines += format_metrics(f"{title}, {system} only" if system != "combined" else f"{title}, combined", m)
    lines.append(f"{title} ablation (macro-F1): rules only {metrics['rules']['macro_f1']:.3f}, "
                 f"model only {metrics['model']['macro_f1']:.3f}, combined {metrics['combined']['macro_f1']:.3f}")
    return lines, metrics


def train(data_paths: Iterable[str], out: str | Path, ruleset: RuleSet, *, seed: int = 0,
          labels: str | None = None, mail: list[str] | None = None, own: Iterable[str] = (),
          use_corpus: bool = True, name: str = "inquiry-nlp-default") -> list[str]:
    started = time.perf_counter()
    lines: list[str] = []
    parts: list[Dataset] = []
    hashes: dict[str, str] = {}
    if use_corpus and list(data_paths):
        corpus, h = from_corpus(data_paths, ruleset)
        parts.append(corpus)
        hashes["corpus"] = h
    if labels:
        analyst, h = from_analyst(labels, mail or [], own, ruleset)
        parts.append(analyst)
        hashes["analyst_labels"] = h
        lines.append(f"analyst labels: {len(analyst)} threads joined from {labels}")
    if not parts:
        raise ValueError("nothing to train on: give labelled data (DATA…) or --labels with --mail")
    data = parts[0]
    for p in parts[1:]:
        data = merge(data, p)
    featurized = time.perf_counter() - started
    train_data = data.subset(["train", "dev"])
    test = data.subset(["test"])
    lines.append(f"training on {len(train_data)} threads (train+dev), testing on {len(test)} (test split); "
                 f"features in {featurized:.1f} s")
    model, oof = fit(train_data, seed)
    oof_preds = []
    for row, fp in zip(oof.grade_proba, oof.fraud_proba):
        probs = {str(g): 0.0 for g in GRADES}
        for c, p in zip(oof.grade_classes, row):
            probs[str(c)] = round(float(p), 3)
        oof_preds.append(Prediction(probs, oof.grade_classes[int(np.argmax(row))], float(fp),
                                    bool(fp >= model.fraud_threshold)))
    more, cv_all = ablation_lines(None, train_data, ruleset,
                                  f"cross-validated ({oof.folds or str(folds(train_data.grades)) + ' folds'}, train+dev)", oof_preds)
    lines += more
    cv_metrics = cv_all["combined"]
    test_metrics: dict[str, Any] = {}
    if len(test):
        more, test_metrics = ablation_lines(model, test, ruleset, "test split")
        lines += more
    elapsed = time.perf_counter() - started
    manifest = {
        "name": name,
        "version": date.today().strftime("%Y.%m.%d"),
        "seed": seed,
        "training_data_sha256": hashes,
        "rule_files": ruleset.files,
        "label_counts": {
            "grade": {str(k): v for k, v in sorted(Counter(train_data.grades).items())},
            "fraud": int(np.sum(train_data.fraud)),
            "language": dict(sorted(Counter(train_data.langs).items())),
            "threads": len(train_data),
        },
        "metrics": {"cross_validated": cv_metrics, "cross_validated_ablation": cv_all, "test": test_metrics},
        "training_seconds": round(elapsed, 1),
    }
    folder = save(model, out, manifest)
    y, p = np.asarray(train_data.fraud), np.asarray(oof.fraud_proba)
    hit = p >= model.fraud_threshold
    lines.append(f"fraud threshold {model.fraud_threshold:.3f}: out of fold, recall {hit[y == 1].mean():.3f} and "
                 f"false-positive rate {hit[y == 0].mean():.3f} (highest recall within 1.5% FPR, never below 90%)")
    lines.append(f"model written to {folder} ({(Path(folder) / 'model.joblib').stat().st_size / 1e6:.1f} MB) "
                 f"in {elapsed:.0f} s")
    return lines


def evaluate(model: GradeModel, data_paths: Iterable[str], ruleset: RuleSet, splits: Iterable[str]) -> list[str]:
    data, _ = from_corpus(data_paths, ruleset)
    subset = data.subset(splits)
    lines, _ = ablation_lines(model, subset, ruleset, "/".join(splits))
    return lines
