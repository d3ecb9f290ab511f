"""Normalise text for matching, never for display: full-width to half-width, traditional to
simplified. Both keep the length of the text, so an offset found in the normalised text
points at the same characters of the original (the evidence shown to users).

>>> fold_width("１０ｍｍ，ＭＯＱ：５００")
'10mm,MOQ:500'
>>> for_matching("報價單：１０ｍｍ螺絲")
'报价单:10mm螺丝'
"""
from __future__ import annotations

import re

# U+FF01..U+FF5E are the full-width forms of U+0021..U+007E; U+3000 is the ideographic space.
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def fold_width(text: str) -> str:
    """Full-width ASCII forms and the ideographic space to their ASCII equivalents."""
    return text.translate(_WIDTH)


def to_simplified(text: str) -> str:
    """Traditional characters to simplified (same length; phrases that would change the
    length are converted character by character)."""
    if not _HAN.search(text):
        return text
    import zhconv

    out = zhconv.convert(text, "zh-cn")
    if len(out) == len(text):
        return out
    return "".join(c if len(s := zhconv.convert(c, "zh-cn")) != 1 else s for c in text)


def for_matching(text: str) -> str:
    """The form rules and patterns match against: width folded, simplified."""
    return to_simplified(fold_width(text))
