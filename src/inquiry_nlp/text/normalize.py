"""Normalise text for matching, never for display: full-width to half-width, traditional to
simplified. Both keep the length of the text, so an offset found in the normalised text
points at the same characters of the original (the evidence shown to users).

>>> fold_width("１０ｍｍ，ＭＯＱ：５００")
'10mm,MOQ:500'
>>> for_matching("報價單：１０ｍｍ螺絲")
'报价单:10mm螺丝'
>>> for_matching("乾燥劑、乾隆")  # phrases decide where characters alone cannot
'干燥剂、乾隆'
"""
from __future__ import annotations

import importlib
import re
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

# U+FF01..U+FF5E are the full-width forms of U+0021..U+007E; U+3000 is the ideographic space.
_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_WIDTH["\u3000"] = " "
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_IMPORT_LOCK = threading.Lock()


def import_without_pkg_resources(name: str) -> ModuleType:
    """Module ``name``, imported while setuptools' ``pkg_resources`` is marked missing.

    zhconv and jieba import ``pkg_resources`` (0.2 s of a cold start, and deprecated) only to
    open their own data files, and open them from their folder when that import fails. The
    mark in ``sys.modules`` is removed right after (and never set when something has loaded
    ``pkg_resources`` already), so a later ``import pkg_resources`` works.
    """
    with _IMPORT_LOCK:
        if name in sys.modules:  # (import_module waits for an import under way in another thread)
            return importlib.import_module(name)
        block = "pkg_resources" not in sys.modules
        if block:
            sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # "import pkg_resources" fails
        try:
            return importlib.import_module(name)
        finally:
            if block and "pkg_resources" in sys.modules and sys.modules["pkg_resources"] is None:
                del sys.modules["pkg_resources"]


def import_zhconv() -> ModuleType:
    """zhconv's module (``convert``, ``getdict``), imported without ``pkg_resources``."""
    return import_without_pkg_resources("zhconv.zhconv")


def fold_width(text: str) -> str:
    """Full-width ASCII forms and the ideographic space to their ASCII equivalents."""
    if not _FULL_WIDTH.search(text):
        return text
    return _FULL_WIDTH.sub(lambda m: _WIDTH[m.group()], text)


@dataclass(frozen=True)
class _Tables:
    """zhconv's traditional→simplified table, split for speed: characters converted one by
    one (``str.translate``), and the phrases whose conversion differs from that."""

    chars: dict[int, str]
    has_trad: re.Pattern[str]  # any character the table converts
    phrases: dict[str, str]
    phrase_start: re.Pattern[str]
    lengths: dict[str, tuple[int, ...]]  # first character -> phrase lengths, longest first


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    table = import_zhconv().getdict("zh-cn")
    chars = {ord(k): v for k, v in table.items() if len(k) == 1 and len(v) == 1 and k != v}
    phrases = {k: v for k, v in table.items()
               if len(k) > 1 and len(v) == len(k) and k.translate(chars) != v}
    lengths: dict[str, set[int]] = {}
    for k in phrases:
        lengths.setdefault(k[0], set()).add(len(k))

    def char_class(cs) -> re.Pattern[str]:
        # Characters of the Basic Multilingual Plane only: ``re`` tests those with a bitmap,
        # while one supplementary-plane character makes it scan the whole class.
        return re.compile("[" + "".join(re.escape(c) for c in sorted(cs) if ord(c) <= 0xFFFF) + "]")

    return _Tables(chars, char_class(chr(c) for c in chars), phrases, char_class(lengths),
                   {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()})


def to_simplified(text: str) -> str:
    """Traditional characters to simplified, same length: zhconv's table, phrases first
    (longest match) then character by character. Text without a traditional character —
    English, simplified Chinese — is returned as it is."""
    if not _HAN.search(text):
        return text
    t = _tables()
    if not t.has_trad.search(text):
        return text
    pieces: list[str] = []
    done = 0
    for m in t.phrase_start.finditer(text):
        i = m.start()
        if i < done:
            continue
        for n in t.lengths[m.group()]:
            phrase = t.phrases.get(text[i:i + n])
            if phrase is not None:
                pieces.append(text[done:i].translate(t.chars))
                pieces.append(phrase)
                done = i + n
                break
    pieces.append(text[done:].translate(t.chars))
    return "".join(pieces)


def for_matching(text: str) -> str:
    """The form rules and patterns match against: width folded, simplified."""
    if text.isascii():
        return text
    return to_simplified(fold_width(text))
