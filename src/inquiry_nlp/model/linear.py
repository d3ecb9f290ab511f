"""A fitted pipeline's arithmetic as plain data: the probabilities of ``Pipeline.predict_proba``
for our pipelines (TF-IDF and dict blocks in a weighted ``FeatureUnion``, into a
sigmoid-calibrated logistic regression) from vocabularies and weight arrays, with numpy only.

Grading one message then needs neither scikit-learn's per-call input validation (about 10 ms
of a 14 ms prediction of one thread) nor scikit-learn itself (1.6 s of imports at a cold
start). The fitted ``Pipeline`` stays the model: it is what is trained and evaluated; a scorer
is derived from it when the model is saved (``scorer.joblib``), and
``tests/test_model_linear.py`` checks both give the same probabilities on the corpus.

>>> char_wb_ngrams("M10  bolt", 2, 3)
[' m', 'm1', '10', '0 ', ' m1', 'm10', '10 ', ' b', 'bo', 'ol', 'lt', 't ', ' bo', 'bol', 'olt', 'lt ']
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .features import signal_dict

Row = tuple[np.ndarray, np.ndarray]  # column indices, float64 values of one row

_WHITE_SPACES = re.compile(r"\s\s+")


def char_wb_ngrams(text: str, lo: int, hi: int, lowercase: bool = True) -> list[str]:
    """Character n-grams inside words, padded with a space (scikit-learn's ``char_wb``)."""
    if lowercase:
        text = text.lower()
    out: list[str] = []
    add = out.append
    for w in _WHITE_SPACES.sub(" ", text).split():
        w = " " + w + " "
        w_len = len(w)
        for n in range(lo, hi + 1):
            offset = 0
            add(w[offset:offset + n])
            while offset + n < w_len:
                offset += 1
                add(w[offset:offset + n])
            if offset == 0:  # a word shorter than n counts once
                break
    return out


_TERM_SEP = "\0"


class _PackedVocabulary:
    """Pickles ``vocabulary`` as one string of its terms in column order. joblib reads pickles
    with a pure-Python unpickler, which takes ten times longer over a dict of 40,000 terms
    than over one string: this is most of a cold start's model load."""

    vocabulary: dict[str, int]

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        vocab = self.vocabulary
        terms = [""] * len(vocab)
        for term, j in vocab.items():
            if 0 <= j < len(terms):
                terms[j] = term
        if all(t and _TERM_SEP not in t for t in terms) and len(set(terms)) == len(terms):
            state["vocabulary"] = _TERM_SEP.join(terms)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        vocab = state["vocabulary"]
        if isinstance(vocab, str):
            terms = vocab.split(_TERM_SEP) if vocab else []
            state = {**state, "vocabulary": dict(zip(terms, range(len(terms))))}
        self.__dict__.update(state)  # a frozen dataclass: no __setattr__


@dataclass(frozen=True)
class _Tfidf(_PackedVocabulary):
    key: str                                # the feature dict's text field
    analyzer: Callable[[str], list[str]] | None  # a module-level function, or None for char_wb
    ngram_range: tuple[int, int]
    lowercase: bool
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
        for x in X:
            doc = x.get(self.key, "")
            terms = self.analyzer(doc) if self.analyzer else char_wb_ngrams(doc, *self.ngram_range, self.lowercase)
            counts = Counter(j for j in map(vocab.get, terms) if j is not None)
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

    def names(self) -> list[str]:
        out = [""] * len(self.vocabulary)
        for term, j in self.vocabulary.items():
            out[j] = term
        return out


@dataclass(frozen=True)
class _Dict(_PackedVocabulary):
    only: tuple[str, ...] | None            # SignalDicts' settings
    rules: bool
    numbers: bool
    vocabulary: dict[str, int]
    separator: str
    weight: float
    offset: int

    def rows(self, X: Sequence[dict]) -> list[Row]:
        out = []
        for x in X:
            cols, vals = [], []
            for k, v in signal_dict(x, self.only, self.rules, self.numbers).items():
                j = self.vocabulary.get(k)
                if j is not None and v:
                    cols.append(j)
                    vals.append(float(v) * self.weight)
            out.append((np.asarray(cols, dtype=np.int64) + self.offset, np.asarray(vals, dtype=np.float64)))
        return out

    names = _Tfidf.names


class LinearScorer:
    """Feature rows, calibrated probabilities and feature names of one fitted pipeline, as
    plain data (vocabularies, numpy arrays): it pickles and loads without scikit-learn.

    Make one with :meth:`from_pipeline`, which refuses (``ValueError``) a pipeline of
    another shape than :mod:`.train` builds.
    """

    def __init__(self, blocks: list[Any], block_names: list[str], coef: np.ndarray, intercept: np.ndarray,
                 calibration: list[tuple[float, float]], classes: list[Any]):
        self.blocks = blocks
        self.block_names = block_names
        self.coef = coef              # (n_features, n_outputs)
        self.intercept = intercept
        self.calibration = calibration
        self.classes = classes

    @classmethod
    def from_pipeline(cls, pipeline: Any) -> LinearScorer:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.feature_extraction.text import TfidfVectorizer

        from .transformers import FieldText, SignalDicts

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
        names: list[str] = []
        offset = 0
        for name, sub in union.transformer_list:
            steps = getattr(sub, "steps", None)
            if not steps or len(steps) != 2:
                raise unknown(f"block {name!r} is not a selector and a vectorizer")
            select, vec = steps[0][1], steps[1][1]
            w = float(weights.get(name, 1.0))
            if isinstance(select, FieldText) and isinstance(vec, TfidfVectorizer) and vec.norm in ("l2", None):
                if callable(vec.analyzer):
                    analyzer = vec.analyzer
                elif vec.analyzer == "char_wb" and vec.preprocessor is None and not vec.strip_accents:
                    analyzer = None
                else:
                    raise unknown(f"block {name!r} has analyzer {vec.analyzer!r}")
                blocks.append(_Tfidf(select.key, analyzer, tuple(vec.ngram_range), vec.lowercase, vec.vocabulary_,
                                     getattr(vec, "idf_", None) if vec.use_idf else None,
                                     vec.sublinear_tf, vec.binary, vec.norm == "l2", vec.dtype, w, offset))
            elif isinstance(select, SignalDicts) and isinstance(vec, DictVectorizer):
                blocks.append(_Dict(select.only, select.rules, select.numbers, vec.vocabulary_, vec.separator, w, offset))
            else:
                raise unknown(f"block {name!r} is {type(select).__name__} into {type(vec).__name__}")
            names.append(name)
            offset += len(vec.vocabulary_)
        coef = np.asarray(cc.estimator.coef_, dtype=np.float64)
        if coef.shape[1] != offset:
            raise unknown(f"{coef.shape[1]} weights for {offset} features")
        return cls(blocks, names, np.ascontiguousarray(coef.T), np.asarray(cc.estimator.intercept_, dtype=np.float64),
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

    def feature_names(self) -> list[str]:
        """``block:term`` for every column, as the union's ``get_feature_names_out`` spells them."""
        return [f"{name}:{term}" for name, b in zip(self.block_names, self.blocks) for term in b.names()]
