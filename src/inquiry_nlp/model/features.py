"""Features: what the classifier sees of a thread, and the scikit-learn transformers that
turn it into numbers.

A thread becomes a plain dict (:func:`thread_features`): the customer's own text (normalised:
simplified, half-width), the signals and rule names that fired, a few counts, the language.
The pipeline's transformers (:mod:`.transformers`) work on lists of those dicts, so a model can
be fitted, saved and applied without the reader, and the features of a labelled thread can be
cached. Nothing here imports scikit-learn: grading a message does not need it.

>>> tokens("请报价M10螺栓，FOB Qingdao")[:6]
['请', '报价', 'm10', '螺栓', 'fob', 'qingdao']
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from ..text.normalize import for_matching

_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_LATIN = re.compile(r"[a-z][a-z0-9'&/.+-]*[a-z0-9]|[a-z]|\d+(?:\.\d+)?[a-z]*")
_MAX_TEXT = 3000  # chars of customer text the model reads (cross-validation: same figures as 6000, cheaper)


def tokens(text: str) -> list[str]:
    """Words of mixed Chinese/English text: jieba (trade dictionary) for Han runs, lower-cased
    words and number+unit tokens for the rest."""
    return list(_tokens(text))


@lru_cache(maxsize=256)  # a chunk of threads: the grade and fraud pipelines read each text
def _tokens(text: str) -> tuple[str, ...]:
    from ..text.segment import cut

    text = text.lower()
    out: list[str] = []
    pos = 0
    for m in _HAN_RUN.finditer(text):
        out.extend(_LATIN.findall(text[pos:m.start()]))
        out.extend(w for w in cut(m.group(0)) if w.strip())
        pos = m.end()
    out.extend(_LATIN.findall(text[pos:]))
    return tuple(out)


def word_ngrams(text: str) -> list[str]:
    """Unigrams and bigrams of :func:`tokens`: the analyzer of the word TF-IDF (module level,
    so a fitted pipeline pickles by reference)."""
    toks = _tokens(text)
    return list(toks) + [f"{a} {b}" for a, b in zip(toks, toks[1:])]


def thread_features(thread, extraction, signals) -> dict[str, Any]:
    """The classifier's view of one thread (plain, picklable, cacheable)."""
    customer = thread.customer_messages
    parts = []
    for m in customer:
        parts.append(m.subject)
        parts.append(m.new_text)
    text = for_matching("\n".join(p for p in parts if p))[:_MAX_TEXT]
    n = len(thread.messages)
    f = extraction.fields
    return {
        "text": text,
        "lang": thread.lang or "unknown",
        "signals": sorted(signals.by_code),
        "rules": sorted({h.rule for h in signals.hits}),
        "num": {
            "messages": math.log1p(n),
            "customer_messages": math.log1p(len(customer)),
            "our_messages": math.log1p(n - len(customer)),
            "text_length": math.log1p(len(text)) / 10,
            "n_quantities": min(len(f.quantities), 5) / 5,
            "n_specs": min(len(f.specs), 8) / 8,
            "n_products": min(len(f.products), 5) / 5,
            "has_company": float(bool(f.company)),
            "has_phone": float(bool(f.phones)),
            "has_im": float(bool(f.im)),
            "rules_fraud_score": signals.fraud_score,
        },
    }


def signal_dict(x: dict[str, Any], only: tuple[str, ...] | None = None, rules: bool = True,
                numbers: bool = True) -> dict[str, float]:
    """A thread's signals, rule names, counts and language as one flat dict (what the
    DictVectorizer of a pipeline reads); ``only`` keeps the signal codes of that list.

    >>> signal_dict({"signals": ["fee_request"], "rules": ["R1"], "num": {"messages": 0.7}, "lang": "en"})
    {'signal=fee_request': 1.0, 'rule=R1': 1.0, 'num=messages': 0.7, 'lang=en': 1.0}
    """
    d: dict[str, float] = {}
    for code in x.get("signals", []):
        if only is None or code in only:
            d[f"signal={code}"] = 1.0
    if rules:
        for name in x.get("rules", []):
            d[f"rule={name}"] = 1.0
    if numbers:
        for k, v in x.get("num", {}).items():
            d[f"num={k}"] = float(v)
        d[f"lang={x.get('lang', 'unknown')}"] = 1.0
    return d


def __getattr__(name: str) -> object:
    """The transformers, for models pickled when they lived here."""
    if name in ("FieldText", "SignalDicts"):
        from . import transformers

        return getattr(transformers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
