"""Numbers as customers write them: shared by the quantity and price extractors.

``NUMBER`` finds a number in normalised text (``Context.norm``: half-width, simplified):
Arabic digits with thousands separators (``1,100``; Indian ``2,50,000``; European
``400.000``; spaced ``20 000``), decimals, a multiplier (``5k``, ``1.5万``, ``1,100万``,
``3千``; casual ``2w个`` = 20,000; Indian ``1 lakh``, ``2 crore``), Chinese numerals (``五百``, ``两千``, ``壹仟贰佰``, ``十万零五百``) and the
approximations Chinese writes with two neighbouring digits (``三四百`` = 300 to 400).
``NUMBER_LOWER`` finds the same in text whose ASCII letters are lower-case, faster.
``read`` turns a match into its values (one, or two for an approximation). Chinese
numerals go through ``cn2an`` on the numeral span only, never on whole text.

Every pattern here runs in linear time: repeats are bounded.

>>> [read(m) for m in NUMBER.finditer("1,100万 and 5k, 两千 or 三四百; 2,50,000 / 6.000 / 20 000")]
[[11000000], [5000], [2000], [300, 400], [250000], [6000], [20000]]
>>> read(NUMBER.search("1.5万")), read(NUMBER.search("壹仟贰佰")), read(NUMBER.search("0.5"))
([15000], [1200], [0.5])
>>> number_value(12.0), number_value(1.5)
(12, 1.5)
"""
from __future__ import annotations

import re
from functools import lru_cache


CN_DIGIT = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖貳參陸兩"
CN_NUMERAL = CN_DIGIT + "十百千万亿拾佰仟萬億"

_EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}
_EN_WORD = "|".join(sorted([*_EN_UNITS, *_EN_TENS], key=len, reverse=True))

_EN_SMALL = rf"(?:{_EN_WORD})(?:[\s-](?:{'|'.join(_EN_UNITS)}))?"
# A number written in words: "two", "twenty-five", "two hundred", "two thousand five hundred",
# "one hundred and fifty", "half".
EN_NUMBER = (rf"(?:{_EN_SMALL}\s(?:hundred|thousand)(?:\s(?:and\s)?{_EN_SMALL}(?:\shundred)?(?!-))?|{_EN_SMALL}"
             r"|a\s(?:hundred|thousand)|half)")

# Arabic forms, most specific first. Each ends where no digit follows.
_ARABIC = (
    r"\d{1,3}(?:,\d{2}){1,3},\d{3}(?!\d|,\d)"          # Indian grouping: 2,50,000
    r"|\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,4})?(?!\d|,\d)"  # 1,100 / 2,000,000 / 1,234.5 (and "5,000, 3,000")
    r"|\d{1,3}(?:\.\d{3}){1,3}(?![\d.])"               # European grouping (or a decimal): 6.000
    r"|(?<![^\s(:~])\d{1,3}(?:[ \u00a0\u202f]\d{3}){1,2}(?!\d|[.,]\d)"  # spaced grouping: 20 000 (not Φ16 120)
    r"|\d{1,12}(?:\.\d{1,6})?(?!\d)"
)
_MULT = {"k": 1000, "万": 10_000, "萬": 10_000, "千": 1000, "百": 100, "亿": 100_000_000, "億": 100_000_000,
         "百万": 1_000_000, "千万": 10_000_000, "thousand": 1000, "million": 1_000_000, "mio": 1_000_000,
         "mln": 1_000_000, "w": 10_000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000, "lacs": 100_000,
         "crore": 10_000_000, "crores": 10_000_000}

NUMBER_SOURCE = (
    rf"(?<![\d])(?P<ar>{_ARABIC})"
    r"(?:(?P<mult>[kK](?![A-Za-z0-9])|[ \t]?(?:百万|千万|万|萬|亿|億|千(?![克瓦米卡])|百(?![分]))"
    r"|w(?=[ \t]?[个件只套台双对米吨箱盒袋条张支片根颗粒卷元块])"  # casual 万: "2w个", "1.5w米"; not "10W灯"
    r"|[ \t](?:thousand|million|mio|mln|lakhs?|lacs?|crores?)\b))?"
    rf"|(?<![{CN_NUMERAL}])(?P<cn>[{CN_NUMERAL}]{{1,12}})"
    rf"|(?P<en>\b{EN_NUMBER}\b)"
)
# The leading lookahead lets the engine skip quickly over text that cannot start a number: a
# digit, a Chinese numeral, or the first two letters of an English number word.
_START = rf"(?=[0-9{CN_NUMERAL}]|\b(?:on|tw|th|fo|fi|si|se|ei|ni|te|el|ha|a\s))"
NUMBER = re.compile(rf"{_START}(?:{NUMBER_SOURCE})", re.IGNORECASE)
# The same for text whose ASCII letters are already lower-case: several times faster. Its last
# branch, ``long``, takes a run of 13 or more digits at once (no number: an id, a data dump) so
# that the scan skips it instead of failing at each of its digits; callers skip such matches.
# A single character class (the first characters ``_START`` allows) is tested first: most
# positions fail it at once.
_FIRST = rf"(?=[0-9{CN_NUMERAL}otfsenha])"
NUMBER_LOWER = re.compile(rf"{_FIRST}{_START}(?:{NUMBER_SOURCE}|(?<!\d)(?P<long>\d{{13,}}))")

# After a number: "的话" and a decimal price ("2万的话 0.055"): the count of a conditional offer, not money.
IF_THEN_PRICE = re.compile(r"[ \t]{0,2}的话[^\n。.?？!！\d]{0,16}\d{1,6}\.\d")

_APPROX = re.compile(rf"^([{CN_DIGIT}])([{CN_DIGIT}])([十百千万亿拾佰仟萬]*)$")
_CN_VALUE = {c: i for i, cs in enumerate(["零〇", "一壹", "二两贰貳兩", "三叁參", "四肆", "五伍", "六陆陸", "七柒",
                                           "八捌", "九玖"]) for c in cs}


def number_value(x: float) -> int | float:
    """An int when the number is whole, else the float (rounded to 6 places)."""
    x = round(float(x), 6)
    return int(x) if x == int(x) else x


def arabic(raw: str, mult: str | None = None) -> float | None:
    """The value of an Arabic number as written, with its multiplier (k, 万, 千…)."""
    s = raw.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    factor = _MULT.get((mult or "").strip().lower(), 1)
    if "," in s:
        s = s.replace(",", "")
    elif s.count(".") >= 2:
        s = s.replace(".", "")
    elif "." in s:
        whole, frac = s.split(".")
        # "6.000 towels" groups thousands; "1.500万", "0.500" and "1.5" are decimals.
        if len(frac) == 3 and factor == 1 and whole != "0":
            s = whole + frac
    try:
        return float(s) * factor
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def chinese(span: str) -> tuple[float, ...]:
    """Values of a Chinese numeral: one, or two for an approximation (三四百 → 300, 400)."""
    import cn2an  # on first use: its import costs a cold start ~0.2 s, and English mail never needs it

    m = _APPROX.match(span)
    if m:
        a, b, mag = _CN_VALUE.get(m.group(1)), _CN_VALUE.get(m.group(2)), m.group(3)
        if a is not None and b is not None and 0 < a < b and (b == a + 1 or (a, b) == (3, 5)):
            scale = 1.0
            if mag:
                try:
                    scale = float(cn2an.cn2an("一" + mag, "smart"))
                except (ValueError, KeyError, IndexError):
                    return ()
            return (a * scale, b * scale)
    try:
        value = cn2an.cn2an(span, "smart")
    except (ValueError, KeyError, IndexError):
        return ()
    return (float(value),)


def english(words: str) -> float | None:
    """The value of a number in words ("two hundred", "twenty-five", "half")."""
    total, current = 0, 0
    for w in re.split(r"[\s-]+", words.lower()):
        if w == "half":
            return 0.5
        if w == "and":
            continue
        if w == "a":
            current = 1
        elif w in _EN_UNITS:
            current += _EN_UNITS[w]
        elif w in _EN_TENS:
            current += _EN_TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return float(total + current)


def read(m: re.Match[str]) -> list[int | float]:
    """The value(s) of a ``NUMBER`` match; empty when it is not a number after all."""
    if m.group("ar") is not None:
        v = arabic(m.group("ar"), m.group("mult"))
        return [] if v is None else [number_value(v)]
    if m.group("cn") is not None:
        return [number_value(v) for v in chinese(m.group("cn"))]
    v = english(m.group("en"))
    return [] if v is None else [number_value(v)]
