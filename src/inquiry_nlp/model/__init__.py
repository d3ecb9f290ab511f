"""The trained part: a grade classifier and a fraud classifier, each one scikit-learn
``Pipeline`` of text features (jieba words and character n-grams) next to the rule signals,
into a calibrated linear model; saved with joblib and a manifest.

>>> from inquiry_nlp.model import GradeModel
>>> GradeModel.__name__
'GradeModel'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .linear import LinearScorer, Row

GRADES = (1, 2, 3, 4)


@dataclass
class Prediction:
    probabilities: dict[str, float]
    grade: int
    fraud_probability: float
    fraud: bool
    top_features: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class GradeModel:
    """Both fitted pipelines, the fraud threshold, and what they were built from. A model
    loaded to grade mail may come without its pipelines (``None``): its scorers
    (:meth:`scorers`) are all grading needs."""

    grade_pipeline: Any
    fraud_pipeline: Any
    fraud_threshold: float
    manifest: dict[str, Any] = field(default_factory=dict)

    def predict(self, features: list[dict], explain: int = 0) -> list[Prediction]:
        """Probabilities, grade and fraud verdict for each thread's features; with
        ``explain``, the ``explain`` features that pushed hardest towards the grade."""
        if not features:
            return []
        grade, fraud = self.scorers()
        rows = grade.rows(features)
        probs = grade.predict_proba(rows)
        fraud_p = fraud.predict_proba(fraud.rows(features))[:, list(fraud.classes).index(1)]
        classes = [int(c) for c in grade.classes]
        out = []
        for i, row in enumerate(probs):
            by_grade = {str(g): 0.0 for g in GRADES}
            for c, p in zip(classes, row):
                by_grade[str(c)] = round(float(p), 3)
            k = int(np.argmax(row))
            top: list[tuple[str, float]] = []
            if explain:
                top = self._top(rows[i], grade.coef[:, k], explain)
            out.append(Prediction(by_grade, classes[k], round(float(fraud_p[i]), 3),
                                  bool(fraud_p[i] >= self.fraud_threshold), top))
        return out

    def scorers(self) -> tuple[LinearScorer, LinearScorer]:
        """The grade and fraud pipelines' arithmetic as plain data (see :mod:`.linear`): set
        from ``scorer.joblib`` by the loader, or derived from the pipelines once."""
        cached = self.__dict__.get("_scorer_cache")
        if cached is None:
            cached = (LinearScorer.from_pipeline(self.grade_pipeline), LinearScorer.from_pipeline(self.fraud_pipeline))
            self.__dict__["_scorer_cache"] = cached
        return cached

    def use_scorers(self, scorers: tuple[LinearScorer, LinearScorer]) -> None:
        self.__dict__["_scorer_cache"] = scorers

    def feature_names(self) -> list[str]:
        """The grade model's feature names, computed once per loaded model."""
        cached = self.__dict__.get("_names_cache")
        if cached is None:
            cached = self.scorers()[0].feature_names()
            self.__dict__["_names_cache"] = cached
        return cached

    def _top(self, row: Row, weights: np.ndarray, n: int) -> list[tuple[str, float]]:
        """A thread's features ranked by value times weight (the model's reasons)."""
        cols, values = row
        contrib = values * weights[cols]
        order = np.argsort(-contrib)[:n]
        names = self.feature_names()
        return [(names[cols[j]], round(float(contrib[j]), 3)) for j in order if contrib[j] > 0]

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_names_cache", None)
        if self.grade_pipeline is not None:  # else the scorers are all there is (spawned workers)
            state.pop("_scorer_cache", None)
        return state

