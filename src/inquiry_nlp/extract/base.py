"""What every extractor reads and returns.

An extractor is a function ``(ctx: Context) -> list[...]`` over one customer message's own
text (new text and signature, never quoted mail). It matches on ``ctx.norm`` — full-width
folded, traditional converted to simplified, with contacts and links masked — and reports
``text`` from ``ctx.text``, the original: both have the same length, so one offset serves.

>>> ctx = Context.build("請報價１０ｍｍ，電話 0531-88881234", mask=[(11, 24)])
>>> ctx.norm
'请报价10mm,电话              '
>>> ctx.original(3, 7)
'１０ｍｍ'
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..text.normalize import for_matching

MASK = " "


@dataclass
class Context:
    text: str
    norm: str
    date: datetime | None = None
    region: str = "CN"
    lang: str | None = None
    masked: list[tuple[int, int]] = field(default_factory=list)
    plain: str = ""  # ``norm`` before masking: what contact extractors read
    cache: dict[str, Any] = field(default_factory=dict, repr=False)  # shared work between extractors

    @classmethod
    def build(cls, text: str, *, date: datetime | None = None, region: str = "CN", lang: str | None = None,
              mask: Iterable[tuple[int, int]] = ()) -> Context:
        norm = for_matching(text)
        ctx = cls(text, norm, date, region, lang, plain=norm)
        ctx.mask(mask)
        return ctx

    def mask(self, spans: Iterable[tuple[int, int]]) -> None:
        """Blank out spans (found contacts, links) so later extractors cannot misread them:
        "0531-88881234" is not a quantity and not a date."""
        n = len(self.norm)
        cuts = []
        for start, end in spans:
            self.masked.append((start, end))
            start, end = max(0, start), min(end, n)
            if start < end:
                cuts.append((start, end))
        if not cuts:
            return
        pieces = []
        done = 0
        for start, end in sorted(cuts):
            if end <= done:
                continue
            start = max(start, done)
            pieces += (self.norm[done:start], MASK * (end - start))
            done = end
        pieces.append(self.norm[done:])
        self.norm = "".join(pieces)

    def original(self, start: int, end: int) -> str:
        return self.text[start:end]

    def head(self, limit: int) -> Context:
        """The context of the first ``limit`` characters (cut at a line end when one is
        near): what the extractors of the body read of a very long message. Offsets stay
        valid in the whole context.

        >>> Context.build("need 500 pcs\\n" + "x" * 50).head(20).text
        'need 500 pcs\\n'
        """
        if len(self.text) <= limit:
            return self
        cut = self.text.rfind("\n", max(0, limit - 500), limit) + 1 or limit
        return Context(self.text[:cut], self.norm[:cut], self.date, self.region, self.lang,
                       [(a, min(b, cut)) for a, b in self.masked if a < cut], self.plain[:cut])


@dataclass
class Found:
    """One thing an extractor found: its normal form, the original text, and where.

    ``value`` is the field's normal form: ``{"value": 500, "unit": "sets"}`` for a quantity,
    ``{"amount": 2.5, "currency": "USD"}`` for a price, an ISO date or None for a deadline,
    a string for the others. ``label`` carries extra facts (a phone's "fax"/"whatsapp" label).
    """

    value: Any
    text: str
    start: int
    end: int
    label: str = ""
