"""Contacts: emails, phones (E.164) and fax, instant-messaging ids.

Read from the raw text (never from tokens: jieba splits phone numbers at hyphens and WeChat
ids at underscores). Phones go through ``phonenumbers``; a number's label decides where it
goes: "Fax/传真" → fax; "QQ" → im only; "WhatsApp", "微信", "Mob/WhatsApp" → phones and im. Run first: the spans found here are masked before quantities, prices and dates.

>>> ctx = Context.build("手机/微信同号：139 0531 6789  传真：0531-88881235  QQ: 2218640915  wl@163.com")
>>> [f.value for f in extract_phones(ctx)], [f.value for f in extract_fax(ctx)]
(['+8613905316789'], ['+8653188881235'])
>>> [f.value for f in extract_ims(ctx)]
[{'type': 'wechat', 'id': '13905316789'}, {'type': 'qq', 'id': '2218640915'}]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberMatcher

from .base import Context, Found

EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,24}\b")

# Labels just before a number, read on the normalised text (simplified, half-width).
_LABEL = re.compile(
    r"(?P<label>(?:tel|telephone|phone|ph|t|mob|mobile|cell|cellphone|m|hp|handphone|fax|f|whatsapp|whats app|wa|"
    r"wechat|we chat|weixin|wx|vx|v信|微信|薇信|威信|telegram|tg|viber|line|skype|qq|电话|手机|座机|固话|传真|"
    r"联系电话|联系方式|办公电话|移动电话|tel/fax|ph/whatsapp|电话/微信|手机/微信|手机号|微信号|"
    r"[a-z一-鿿/&+ .]{0,24})\s*[:：]?\s*)$", re.IGNORECASE)
_LABELLED = re.compile(r"tel|phone|mob|cell|fax|电话|手机|座机|固话|传真|whatsapp|微信|(?:^|[^a-z])[mtf](?:[^a-z]|$)",
                       re.IGNORECASE)
_FAX = re.compile(r"fax|传真|(?:^|[^a-z])f\s*[:：]?\s*$", re.IGNORECASE)
_PHONE_WORD = re.compile(r"tel|phone|ph\b|mob|cell|hp\b|电话|手机|座机|固话|call|contact|联系|同号|(?:^|[^a-z])[mt](?:[^a-z]|$)",
                         re.IGNORECASE)
_IM_WORDS = {
    "whatsapp": re.compile(r"whats\s*app|\bwa\b|wsp", re.IGNORECASE),
    "telegram": re.compile(r"telegram|\btg\b", re.IGNORECASE),
    "wechat": re.compile(r"wechat|we chat|weixin|\bwx\b|\bvx\b|v信|微信|薇信|威信", re.IGNORECASE),
    "line": re.compile(r"\bline\b", re.IGNORECASE),
    "viber": re.compile(r"viber", re.IGNORECASE),
    "qq": re.compile(r"(?<![a-z])qq", re.IGNORECASE),
}
_SAME_NUMBER = re.compile(r"(?:微信|wechat|vx|v信|whatsapp)\s*同号|同微信|(?:wechat|whatsapp)\s*same", re.IGNORECASE)

# IM ids written after a label (ids, not numbers: numbers are handled with the phones).
_IM_ID = [
    ("wechat", re.compile(r"(?:wechat(?:\s*id)?|we chat|weixin|微信号?|vx|v信|薇信|威信|wx)\s*[:：]?\s*"
                          r"(?P<id>[A-Za-z][A-Za-z0-9_-]{4,19})(?![A-Za-z0-9_@.-])", re.IGNORECASE)),
    ("qq", re.compile(r"(?<![A-Za-z])qq(?:号|号码)?\s*[:：]?\s*(?P<id>[1-9]\d{4,11})(?!\d)", re.IGNORECASE)),
    ("skype", re.compile(r"skype(?:\s*id)?\s*[:：]?\s*(?P<id>(?:live:)?[A-Za-z][A-Za-z0-9_.,:-]{4,40}[A-Za-z0-9])",
                         re.IGNORECASE)),
    ("telegram", re.compile(r"(?:telegram|tg)\s*[:：]?\s*@?(?P<id>[A-Za-z][A-Za-z0-9_]{4,31})(?![A-Za-z0-9_])",
                            re.IGNORECASE)),
    ("line", re.compile(r"\bline\s*(?:id)?\s*[:：]\s*@?(?P<id>[A-Za-z0-9._-]{3,20})", re.IGNORECASE)),
]


@dataclass
class _Number:
    e164: str
    start: int
    end: int
    label: str
    national: str


def extract_emails(ctx: Context) -> list[Found]:
    """Email addresses written in the text, lower-cased, in order of appearance."""
    out: list[Found] = []
    for m in EMAIL.finditer(ctx.text):
        addr = m.group(0).rstrip(".").lower()
        out.append(Found(addr, m.group(0), m.start(), m.end()))
    return out


@lru_cache(maxsize=256)
def _region_regions(region: str) -> tuple[str, ...]:
    # A Chinese customer may write a Hong Kong or Taiwan number without its code; a foreign
    # customer's numbers are theirs, or (rarely) a Chinese office's.
    order = [region, "CN", "HK", "TW"] if region == "CN" else [region, "CN"]
    return tuple(dict.fromkeys(r for r in order if r))


_MAX_TRIES = 100  # invalid candidates phonenumbers may try per pass: bounds hostile digit runs


def _numbers(ctx: Context) -> list[_Number]:
    """Every phone number in the text with the label written before it (computed once per
    context: emails, phones, fax, IM and masking all need it)."""
    cached = ctx.cache.get("numbers")
    if cached is None:
        cached = ctx.cache["numbers"] = _find_numbers(ctx)
    return cached


_CANDIDATE = re.compile(r"[+(（]?\d[\d \t\-().（）/]{5,24}\d")


def _find_numbers(ctx: Context) -> list[_Number]:
    """phonenumbers is slow on long text: it runs only on the lines that hold a run of at
    least seven digits (with separators), each line a few dozen characters."""
    found: dict[tuple[int, int], _Number] = {}
    text = ctx.plain or ctx.norm
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if len(line) <= 400 and any(sum(c.isdigit() for c in m.group(0)) >= 7 for m in _CANDIDATE.finditer(line)):
            lines.append((pos, line))
        elif len(line) > 400:
            for m in _CANDIDATE.finditer(line):
                if sum(c.isdigit() for c in m.group(0)) >= 7:
                    a = max(0, m.start() - 40)
                    lines.append((pos + a, line[a:m.end() + 5]))
                if len(lines) > 200:
                    break
        pos += len(line) + 1
        if len(lines) > 200:
            break
    passes = [(r, phonenumbers.Leniency.VALID) for r in _region_regions(ctx.region)]
    passes.append((ctx.region, phonenumbers.Leniency.POSSIBLE))
    for offset, line in lines:
        wanted = [(offset + m.start(), offset + m.end()) for m in _CANDIDATE.finditer(line)
                  if sum(c.isdigit() for c in m.group(0)) >= 7]
        for region, leniency in passes:
            if all(any(s < b and a < e for s, e in found) for a, b in wanted):
                break  # every digit run of the line is explained: the other regions are not needed
            if leniency != phonenumbers.Leniency.VALID and not _LABELLED.search(line):
                continue
            for match in PhoneNumberMatcher(line, region, leniency=leniency, max_tries=_MAX_TRIES):
                span = (offset + match.start, offset + match.end)
                if any(s <= span[0] < e or s < span[1] <= e for s, e in found):
                    continue
                num = match.number
                label = _label_before(text, span[0])
                if leniency != phonenumbers.Leniency.VALID and not (
                        label and _LABELLED.search(label) and len(str(num.national_number)) >= 9):
                    continue  # a merely possible number counts only when a phone/fax label says so
                e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
                found[span] = _Number(e164, span[0], span[1], label, str(num.national_number))
    return sorted(found.values(), key=lambda n: n.start)


def _label_before(text: str, start: int) -> str:
    line_start = max(text.rfind("\n", 0, start) + 1, start - 40)
    before = text[line_start:start]
    # The label of this number, not of an earlier one on the same line.
    before = re.split(r"[\d)）]\s*[,，;；|/]?\s*(?=[^\d\s])", before)[-1]
    m = _LABEL.search(before)
    return m.group("label").strip().lower() if m else ""


def _is_fax(label: str) -> bool:
    return bool(_FAX.search(label)) and not _PHONE_WORD.search(label.replace("fax", "").replace("传真", ""))


def _im_types(label: str) -> list[str]:
    return [t for t, rx in _IM_WORDS.items() if rx.search(label)]


def extract_phones(ctx: Context) -> list[Found]:
    """Phone numbers in E.164: every number but fax and QQ ids (a WhatsApp, Telegram or
    WeChat number is a phone number too; it is also reported as the IM id)."""
    out = []
    for n in _numbers(ctx):
        if _is_fax(n.label):
            continue
        if _im_types(n.label) == ["qq"]:
            continue
        out.append(Found(n.e164, ctx.original(n.start, n.end), n.start, n.end, n.label))
    return out


def extract_fax(ctx: Context) -> list[Found]:
    return [Found(n.e164, ctx.original(n.start, n.end), n.start, n.end, n.label)
            for n in _numbers(ctx) if _is_fax(n.label)]


def extract_ims(ctx: Context) -> list[Found]:
    """IM handles: WeChat, WhatsApp, Skype, QQ, Telegram, LINE. WhatsApp/Telegram numbers in
    E.164; a WeChat/QQ id that is a phone number is its national digits."""
    out: list[Found] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, ident: str, start: int, end: int) -> None:
        key = (kind, ident.lower())
        if ident and key not in seen:
            seen.add(key)
            out.append(Found({"type": kind, "id": ident}, ctx.original(start, end), start, end, kind))

    numbers = _numbers(ctx)
    for n in numbers:
        for kind in _im_types(n.label):
            if kind in ("whatsapp", "telegram", "viber"):
                if kind != "viber":
                    add(kind, n.e164, n.start, n.end)
            else:
                add(kind, n.national, n.start, n.end)
        around = (ctx.plain or ctx.norm)[max(0, n.start - 16):n.end + 8]
        if _SAME_NUMBER.search(around):
            kind = "whatsapp" if "whatsapp" in around.lower() else "wechat"
            add(kind, n.e164 if kind == "whatsapp" else n.national, n.start, n.end)
    number_spans = [(n.start, n.end) for n in numbers]
    for kind, rx in _IM_ID:
        for m in rx.finditer(ctx.plain or ctx.norm):
            s, e = m.span("id")
            if any(a <= s < b for a, b in number_spans):
                continue
            ident = ctx.original(s, e) if kind != "qq" else m.group("id")
            add(kind, ident, m.start(), e)
    out.sort(key=lambda f: f.start)
    return out


def contact_spans(ctx: Context) -> list[tuple[int, int]]:
    """Spans to mask before numbers are read for quantities, prices and dates."""
    spans = [(m.start(), m.end()) for m in EMAIL.finditer(ctx.text)]
    spans += [(n.start, n.end) for n in _numbers(ctx)]
    spans += [(m.start(), m.end()) for m in _URL.finditer(ctx.text)]
    return spans


_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
