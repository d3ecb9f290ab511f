"""Which language a customer writes: ``zh-Hans``, ``zh-Hant``, ``en`` or ``mixed``.

Counted, not guessed: Han characters against Latin words, and among Han characters those
that exist only in traditional or only in simplified form.

>>> detect_lang("请报价M10螺栓，500套"), detect_lang("煩請報價，謝謝"), detect_lang("Pls quote best price")
('zh-Hans', 'zh-Hant', 'en')
>>> detect_lang("Hi Lily, 这个 quotation 麻烦尽快 update 一下, we need it for the tender next week")
'mixed'
"""
from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_URLISH = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")


def detect_lang(text: str) -> str | None:
    """The language of ``text``; None when it has no words at all."""
    text = _URLISH.sub(" ", text)
    han = _HAN.findall(text)
    words = len(_LATIN_WORD.findall(text))
    # A Han character carries about as much as 0.7 of an English word. Any real Chinese
    # writing in an English mail makes it mixed (labelled threads agree: 5% is enough).
    zh_weight = len(han) * 0.7
    total = zh_weight + words
    if total == 0:
        return None
    share = zh_weight / total
    if share < 0.05:
        return "en"
    if share <= 0.75:
        return "mixed"
    return script(text)


def script(text: str) -> str:
    """``zh-Hant`` when the Han characters are mostly traditional-only forms, else ``zh-Hans``."""
    han = "".join(_HAN.findall(text))
    if not han:
        return "zh-Hans"
    from .normalize import import_zhconv

    zhconv = import_zhconv()
    simp = zhconv.convert(han, "zh-cn")
    trad = zhconv.convert(han, "zh-tw")
    n_trad = sum(1 for a, b in zip(han, simp) if a != b)   # characters that change when simplified
    n_simp = sum(1 for a, b in zip(han, trad) if a != b)   # characters that change when made traditional
    return "zh-Hant" if n_trad > n_simp else "zh-Hans"
