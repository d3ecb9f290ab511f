"""A fitted pipeline's arithmetic, done directly: the probabilities of
``Pipeline.predict_proba`` for our pipelines (TF-IDF and dict blocks in a weighted
``FeatureUnion``, into a sigmoid-calibrated logistic regression) without scikit-learn's
per-call input validation, which costs a mail filter more than the arithmetic itself
(about 10 ms of a 14 ms prediction of one thread).

The fitted ``Pipeline`` stays the model: it is what is trained, saved and loaded. A scorer is
derived from it on first use; ``tests/model/test_model_linear.py`` checks both give the same
probabilities on the corpus.

>>> LinearScorer.__name__
'LinearScorer'
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

Row = tuple[np.ndarray, np.ndarray]  # column indices, float64 values of one row


@dataclass(frozen=True)
class _Tfidf:
    select: Any
    analyze: Callable[[str], list[str]]
    vocabulary: dict[str, int]
    idf: np.ndarray | None
    sublinear: bool
    binary: bool
    l2: bool
    dtype: Any
    weight: float
    offset: int

    def rows(self, X: Sequence[dict]) -> list[Row]:
        out = []
        vocab = self.vocabulary
        for doc in self.select.transform(X):
            counts = Counter(j for j in map(vocab.get, self.analyze(doc)) if j is not None)
            cols = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=self.dtype, count=len(counts))
            if self.binary:
                tf[:] = 1
            if self.sublinear:
                np.log(tf, tf)
                tf += 1.0
            if self.idf is not None:
                tf *= self.idf[cols]
            if self.l2 and len(tf):
                norm = np.sqrt(np.dot(tf, tf))
                if norm > 0:
                    tf /= norm
            out.append((cols + self.offset, (tf * self.weight).astype(np.float64)))
        return out


@dataclass(frozen=True)
class _Dict:
    select: Any
    vocabulary: dict[str, int]
    separator: str
    weight: float
    offset: int

    def rows(self, X: Sequence[dict]) -> list[Row]:
        out = []
        for d in self.select.transform(X):
            cols, vals = [], []
            for k, v in d.items():
                if isinstance(v, str):
                    k, v = f"{k}{self.separator}{v}", 1.0
                j = self.vocabulary.get(k)
                if j is not None and v:
                    cols.append(j)
                    vals.append(float(v) * self.weight)
            out.append((np.asarray(cols, dtype=np.int64) + self.offset, np.asarray(vals, dtype=np.float64)))
        return out


class LinearScorer:
    """Feature rows and calibrated probabilities of one fitted pipeline.

    Use :meth:`from_pipeline`, which refuses (``ValueError``) a pipeline of another shape
    than :mod:`.train` builds.
    """

    def __init__(self, blocks: list[Any], coef: np.ndarray, intercept: np.ndarray,
                 calibration: list[tuple[float, float]], classes: list[Any]):
        self.blocks = blocks
        self.coef = coef
        self.intercept = intercept
        self.calibration = calibration
        self.classes = classes

    @classmethod
    def from_pipeline(cls, pipeline: Any) -> LinearScorer:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.feature_extraction.text import TfidfVectorizer

        def unknown(what: str) -> ValueError:
            return ValueError(f"not a pipeline inquiry-nlp trains ({what}); retrain it with `inquiry-nlp train`")

        union, clf = pipeline.named_steps.get("features"), pipeline.named_steps.get("clf")
        calibrated = getattr(clf, "calibrated_classifiers_", None)
        if union is None or calibrated is None or len(calibrated) != 1:
            raise unknown("expected a FeatureUnion into one calibrated classifier")
        cc = calibrated[0]
        if not all(hasattr(c, "a_") for c in cc.calibrators) or list(cc.estimator.classes_) != list(clf.classes_):
            raise unknown("expected sigmoid calibration")
        weights = union.transformer_weights or {}
        blocks: list[Any] = []
        offset = 0
        for name, sub in union.transformer_list:
            steps = getattr(sub, "steps", None)
            if not steps or len(steps) != 2:
                raise unknown(f"block {name!r} is not a selector and a vectorizer")
            select, vec = steps[0][1], steps[1][1]
            w = float(weights.get(name, 1.0))
            if isinstance(vec, TfidfVectorizer) and vec.norm in ("l2", None):
                blocks.append(_Tfidf(select, vec.build_analyzer(), vec.vocabulary_,
                                     getattr(vec, "idf_", None) if vec.use_idf else None,
                                     vec.sublinear_tf, vec.binary, vec.norm == "l2", vec.dtype, w, offset))
                offset += len(vec.vocabulary_)
            elif isinstance(vec, DictVectorizer):
                blocks.append(_Dict(select, vec.vocabulary_, vec.separator, w, offset))
                offset += len(vec.vocabulary_)
            else:
                raise unknown(f"block {name!r} ends in {type(vec).__name__}")
        coef = np.asarray(cc.estimator.coef_, dtype=np.float64)
        if coef.shape[1] != offset:
            raise unknown(f"{coef.shape[1]} weights for {offset} features")
        return cls(blocks, np.ascontiguousarray(coef.T), np.asarray(cc.estimator.intercept_, dtype=np.float64),
                   [(float(c.a_), float(c.b_)) for c in cc.calibrators], list(clf.classes_))

    def rows(self, X: Sequence[dict]) -> list[Row]:
        """Each thread's non-zero features: (column indices, values), as the union would
        give them."""
        per_block = [b.rows(X) for b in self.blocks]
        return [(np.concatenate([r[0] for r in parts]), np.concatenate([r[1] for r in parts]))
                for parts in zip(*per_block)]

    def predict_proba(self, rows: Sequence[Row]) -> np.ndarray:
        """Calibrated probabilities, one row per thread, columns in ``classes`` order."""
        n_classes = len(self.classes)
        proba = np.zeros((len(rows), n_classes))
        for i, (cols, vals) in enumerate(rows):
            decision = vals @ self.coef[cols] + self.intercept
            calibrated = [1.0 / (1.0 + np.exp(a * t + b)) for t, (a, b) in zip(decision, self.calibration)]
            if n_classes == 2:
                proba[i, 1] = calibrated[0]
                proba[i, 0] = 1.0 - calibrated[0]
            else:
                total = sum(calibrated)
                proba[i] = [p / total for p in calibrated] if total != 0 else 1.0 / n_classes
        proba[(1.0 < proba) & (proba <= 1.0 + 1e-5)] = 1.0
        return proba
