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
    """Both fitted pipelines, the fraud threshold, and what they were built from."""

    grade_pipeline: Any
    fraud_pipeline: Any
    fraud_threshold: float
    manifest: dict[str, Any] = field(default_factory=dict)

    def predict(self, features: list[dict], explain: int = 0) -> list[Prediction]:
        probs = self.grade_pipeline.predict_proba(features)
        classes = [int(c) for c in self.grade_pipeline.classes_]
        fraud_p = self.fraud_pipeline.predict_proba(features)[:, list(self.fraud_pipeline.classes_).index(1)]
        out = []
        contributions = self._contributions(features) if explain else None
        for i, row in enumerate(probs):
            by_grade = {str(g): 0.0 for g in GRADES}
            for c, p in zip(classes, row):
                by_grade[str(c)] = round(float(p), 3)
            grade = classes[int(np.argmax(row))]
            top: list[tuple[str, float]] = []
            if contributions is not None:
                names, values = contributions
                k = classes.index(grade)
                contrib = values[k][i]
                order = np.argsort(-contrib)[:explain]
                top = [(names[j], round(float(contrib[j]), 3)) for j in order if contrib[j] > 0]
            out.append(Prediction(by_grade, grade, round(float(fraud_p[i]), 3),
                                  bool(fraud_p[i] >= self.fraud_threshold), top))
        return out

    def _contributions(self, features: list[dict]):
        """Per class, each feature's value times its weight (averaged over the calibration
        folds' linear models): the model's reasons for a thread."""
        union = self.grade_pipeline.named_steps["features"]
        X = union.transform(features)
        names = feature_names(union)
        clf = self.grade_pipeline.named_steps["clf"]
        coefs = np.mean([cc.estimator.coef_ for cc in clf.calibrated_classifiers_], axis=0)
        X = X.tocsr()
        values = []
        for k in range(coefs.shape[0]):
            values.append(X.multiply(coefs[k]).toarray())
        return names, values


def feature_names(union) -> list[str]:
    names: list[str] = []
    for name, pipe in union.transformer_list:
        last = pipe.steps[-1][1]
        names.extend(f"{name}:{n}" for n in last.get_feature_names_out())
    return names
