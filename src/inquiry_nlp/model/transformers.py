"""The scikit-learn transformers of the pipelines: they select from the feature dicts of
:mod:`.features` what the vectorizers read.

>>> FieldText("text").transform([{"text": "M10 bolts"}])
['M10 bolts']
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sklearn.base import BaseEstimator, TransformerMixin

from .features import signal_dict


class FieldText(BaseEstimator, TransformerMixin):
    """Select the text of each feature dict (for the TF-IDF steps)."""

    def __init__(self, key: str = "text"):
        self.key = key

    def fit(self, X: Iterable[dict], y: Any = None) -> FieldText:
        return self

    def transform(self, X: Iterable[dict]) -> list[str]:
        return [x.get(self.key, "") for x in X]


class SignalDicts(BaseEstimator, TransformerMixin):
    """Turn the signals, rule names, counts and language into a flat dict per thread (for
    DictVectorizer). ``only`` keeps signal codes from that list (the fraud model reads fraud
    signals only); ``rules=False`` drops rule names."""

    def __init__(self, only: tuple[str, ...] | None = None, rules: bool = True, numbers: bool = True):
        self.only = only
        self.rules = rules
        self.numbers = numbers

    def fit(self, X: Iterable[dict], y: Any = None) -> SignalDicts:
        return self

    def transform(self, X: Iterable[dict]) -> list[dict[str, float]]:
        return [signal_dict(x, self.only, self.rules, self.numbers) for x in X]
