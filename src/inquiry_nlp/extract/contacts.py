"""Contacts: emails, phones (E.164) and fax, instant-messaging ids.

Read from ``ctx.plain`` (width folded, simplified, nothing masked), never from tokens: jieba
splits phone numbers at hyphens and WeChat ids at underscores. Phone numbers are found as
runs of digits and separators; each run is cut into numbers, longest valid first, which
``phonenumbers`` checks (a few parses per message, cached). A number's label decides where it
goes: "Fax/传真" → fax; "QQ" → im only; "WhatsApp", "微信", "Mob/WhatsApp", "(WhatsApp)" after
it → phones and im. Numbers, emails and ids that belong to a third party named in their
sentence (a forwarder, an inspection centre, a notary's office) are not the customer's.
Run first: the spans found here are masked before quantities, prices and dates.

>>> ctx = Context.build("手机/微信同号：139 0531 6789  传真：0531-88881235  QQ: 2218640915  wl@163.com")
>>> [f.value for f in extract_phones(ctx)], [f.value for f in extract_fax(ctx)]
(['+8613905316789'], ['+8653188881235'])
>>> [f.value for f in extract_ims(ctx)]
[{'type': 'wechat', 'id': '13905316789'}, {'type': 'qq', 'id': '2218640915'}]
"""
from __future__ import annotations

import tomllib
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from .. import lazyre as re  # re.compile puts compiling off to first use (see lazyre)
from ..mail.message import URL_IN_TEXT
from .base import Context, Found

# phonenumbers compiles its metadata patterns through ``re``'s bounded cache, which a few
# regions' worth of patterns overflow: keep every compiled pattern instead of recompiling.
phonenumbers.enable_pattern_cache()

EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,24}\b")

# Labels just before a number, read on the normalised text (simplified, half-width).
_LABEL = re.compile(
    r"(?P<label>(?:tel|telephone|phone|ph|t|mob|mobile|cell|cellphone|m|hp|handphone|fax|f|whatsapp|whatsap|whats app|wa|"
    r"wechat|we chat|weixin|wx|vx|v信|微信|薇信|威信|telegram|tg|viber|line|skype|qq|电话|手机|座机|固话|传真|"
    r"联系电话|联系方式|办公电话|移动电话|tel/fax|ph/whatsapp|电话/微信|手机/微信|手机号|微信号|"
    r"[a-z一-鿿/&+ .()]{0,24})\s*[:：]?\s*)$", re.IGNORECASE)
_LABELLED = re.compile(r"tel|phone|mob|cell|fax|电话|手机|座机|固话|传真|whatsapp|微信|(?:^|[^a-z])[mtf](?:[^a-z]|$)",
                       re.IGNORECASE)
_FAX = re.compile(r"fax|传真|(?:^|[^a-z])f\s*[:：]?\s*$", re.IGNORECASE)
_PHONE_WORD = re.compile(r"tel|phone|ph\b|mob|cell|hp\b|电话|手机|座机|固话|call|contact|联系|同号|(?:^|[^a-z])[mt](?:[^a-z]|$)",
                         re.IGNORECASE)
_IM_WORDS = {
    "whatsapp": re.compile(r"whats\s*app?|(?<![a-z0-9])wa(?![a-z0-9])|wsp", re.IGNORECASE),  # "whatsap" too
    "telegram": re.compile(r"telegram|(?<![a-z0-9])tg(?![a-z0-9])", re.IGNORECASE),
    # "vx同号", "加V": the short labels stand apart from Latin letters, not from Chinese.
    "wechat": re.compile(r"wechat|we chat|weixin|(?<![a-z0-9])[wv]x(?![a-z0-9])|v信|微信|薇信|威信|加v(?![a-z])",
                         re.IGNORECASE),
    "line": re.compile(r"\bline\b", re.IGNORECASE),
    "viber": re.compile(r"viber", re.IGNORECASE),
    "qq": re.compile(r"(?<![a-z])qq|扣扣", re.IGNORECASE),
}
# "微信同号", "电话或微信（同号）", "手机13905316789同微信", "WhatsApp same number".
_SAME_NUMBER = re.compile(r"(?=[同s])(?:同号|同微信|same\s+(?:number|no\b))", re.IGNORECASE)

# IM ids written after a label (ids, not numbers: numbers are handled with the phones). A WeChat
# label may be followed by a few words before its id ("可加微信详聊：seo-li2024", "加我微信吧 amy_w").
_IM_ID = [
    # "WeChat ID is x", "wechat ID- x", "WeChat (ID: x)", "微信号是 x", "加V：x".
    ("wechat", re.compile(r"(?:(?<![a-z])wechat|we chat|weixin|微信号?|(?<![a-z])vx|v信|薇信|威信|(?<![a-z])wx|加v)"
                          r"(?:[ \t]{0,2}(?:id|account))?(?:[一-鿿]{0,4}?)[ \t]{0,3}(?:[(（][ \t]{0,2}(?:id[ \t]{0,2})?)?"
                          r"(?P<sep>[:：=]|-(?=[ \t])|is(?![a-z]))?[ \t]{0,3}"
                          r"(?P<id>[A-Za-z][A-Za-z0-9_-]{4,19})(?![A-Za-z0-9_@-])(?!\.[A-Za-z0-9])", re.IGNORECASE)),
    ("qq", re.compile(r"(?:(?<![A-Za-z])qq|扣扣)(?:同号|号码|号)?\s*(?P<sep>[:：]?)\s*(?P<id>[1-9]\d{4,11})(?!\d)", re.IGNORECASE)),
    ("skype", re.compile(r"skype(?:[ \t]{0,2}id)?[ \t]{0,3}(?P<sep>[:：]|is(?![a-z]))?\s{0,3}"
                         r"(?P<id>(?:live:\.?)?[A-Za-z][A-Za-z0-9_.,:-]{4,40}[A-Za-z0-9])",  # "live:.cid.7a8b…"
                         re.IGNORECASE)),
    ("telegram", re.compile(r"(?<![a-z])(?:telegram|tg)(?![a-z])\s*(?P<sep>[:：]?)\s*"
                            r"(?P<id>@?[A-Za-z][A-Za-z0-9_]{4,31})(?![A-Za-z0-9_]|:/)", re.IGNORECASE)),
    # "LINE: x", "LINE ID @x", "加LINE聊 ID: x" (a colon, or an id marked by "ID" or "@").
    ("line", re.compile(r"(?<![a-z])line[一-鿿]{0,3}\s*(?:(?:id)?\s*(?P<sep>[:：])|id(?=[ \t]{1,3}@?[A-Za-z0-9])|(?=[ \t]{1,3}@))"
                        r"\s*(?P<id>@?[A-Za-z0-9_-][A-Za-z0-9._-]{1,18}[A-Za-z0-9_-])", re.IGNORECASE)),  # not its full stop
]
_ID_SHAPE = re.compile(r"[\d_@-]")  # an id written without a colon must look like one: "wechat official" is not
# A plain word followed by more words is prose, not an id: "Skype: available Mon-Fri", "bottom line: price must".
_PROSE_AFTER = re.compile(r"[ \t]+[A-Za-z]")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]{1,3}\Z")
# Ids in links: "t.me/ivan_supply", "wa.me/971501234567", "api.whatsapp.com/send?phone=971501234567".
_IM_LINKS = [
    ("telegram", re.compile(r"(?<![A-Za-z0-9.-])(?:t|telegram)\.me/(?P<id>[A-Za-z][A-Za-z0-9_]{4,31})(?![A-Za-z0-9_/])",
                            re.IGNORECASE)),
    ("whatsapp", re.compile(r"(?<![A-Za-z0-9.-])(?:wa\.me/|api\.whatsapp\.com/send/?\?phone=)\+?(?P<id>[1-9]\d{6,14})(?!\d)",
                            re.IGNORECASE)),
]

# A run of digits and separators that may hold one or more phone numbers: "+86 (531) 8888-1234",
# "0531-88881234 13905316789", with seven digits at least. Not inside a word or an id ("tb_82213390", "hjs13802471956").
_RUN = re.compile(r"(?=[\d+(])(?<![A-Za-z0-9_@+])(?<!\d[.\-])(?<![A-Za-z0-9][\-_/])(?:\+ ?|\((?=\+?\d))?\+?"
                  r"(?=(?:[ \t\-.()\u00a0\u2013]{0,3}\d){7})\d+(?:[ \t\-.()\u00a0\u2013]{1,3}\d+)*")
_GROUP = re.compile(r"\d+")
_MASKED_AFTER = re.compile(r"[ \-]?[xX*#]{2,}")
_CN_LANDLINE_SHAPE = re.compile(r"\(?0\d{2,3}\)?[ \-]")
_CN_MOBILE = re.compile(r"1[3-9]\d{9}")
_NANP_SHAPE = re.compile(r"\(\d{3}\) ?\d{3}-\d{4}")  # "(512) 555-0187": a US or Canadian number wherever written
# "602-511-8842": the North American grouping; Chinese 400/800 service numbers share it.
_NANP_DASHED = re.compile(r"(?!400|800)[2-9]\d{2}([-.])\d{3}\1\d{4}")
# "25.03.2026", "2026.03.25", "03-04-2026": a date, even where its eight digits make a phone number
_DATE_SHAPE = re.compile(r"(?:(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)\d\d"
                         r"|(?:19|20)\d\d([./-])(?:0?[1-9]|1[0-2])\2(?:0?[1-9]|[12]\d|3[01]))")
_CARD_LIKE = re.compile(r"\d{4}(?:[ \-]\d{4}){3,}")  # "6222 0237 0201 8831 205": a card or account number
_SENTENCE_END = re.compile(r"[\n。！？；;!?]|(?<![A-Z][a-z])(?<![A-Z])\.\s")  # not "Mr. ", "P.O. "
_CJK_GAP = re.compile(r"(?<=[一-鿿])\s+(?=[一-鿿])")

_MX_MOBILE = re.compile(r"^\+\s?52[\s\-]*1(?=[\s\-]*\d{2,3}[\s\-]*\d{3}[\s\-]*\d{4}$)")  # dropped in 2019
_MAX_DIGITS = 17  # the longest number with country and trunk codes ("+86 0531 8888 1234" and more)
_MAX_RUN = 300  # characters: a run longer than a line of a dozen numbers is data
_MAX_PARSES = 300  # candidates phonenumbers checks per message: bounds hostile digit runs
_CHINA = ("CN", "HK", "TW", "MO")


@dataclass
class _Number:
    e164: str
    start: int
    end: int
    label: str
    national: str
    third_party: bool = False


@dataclass(frozen=True)
class _Parsed:
    e164: str
    national: str
    valid: bool
    possible: bool
    kind: int  # a phonenumbers.PhoneNumberType
    length: int  # digits of the national number


@lru_cache(maxsize=1)
def _word_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(third-party words, not-a-phone words) from data/contacts.toml."""
    data = tomllib.loads(resources.files("inquiry_nlp").joinpath("data/contacts.toml").read_text("utf-8"))

    def alternation(words: list[str]) -> str:
        parts = []
        for w in sorted(set(words), key=len, reverse=True):
            e = re.escape(w.lower())
            parts.append(rf"(?<![a-z]){e}(?![a-z])" if w.isascii() else e)
        return "|".join(parts)

    third = re.compile(alternation(data["third_party"]["words"]), re.IGNORECASE)
    not_phone = re.compile(rf"(?:{alternation(data['not_phone']['words'])})\s*(?:no|nr|number|num)?\.?\s*[:：#]?\s*"
                           r"(?:[A-Za-z]{1,10}\d{0,4}\s*)?[(（]?$", re.IGNORECASE)
    return third, not_phone


def extract_emails(ctx: Context) -> list[Found]:
    """Email addresses written in the text, lower-cased, in order of appearance; not those of
    a third party named in their sentence ("book with our forwarder: kelly@oceanbridge.com")."""
    out: list[Found] = []
    text = ctx.plain or ctx.norm
    for m in _emails(ctx):
        if _third_party(ctx, m[0]):
            continue
        addr = ctx.text[m[0]:m[1]].rstrip(".").lower()
        out.append(Found(addr, ctx.text[m[0]:m[1]], m[0], m[1]))
    return out


def _emails(ctx: Context) -> list[tuple[int, int]]:
    cached = ctx.cache.get("emails")
    if cached is None:
        cached = ctx.cache["emails"] = _email_spans(ctx.text)
    return cached


_LOCAL_MAX = 64  # characters of an address before its "@" (EMAIL's local part)


def _email_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``EMAIL.finditer(text)`` finds, searched only from shortly before each "@":
    an address starts at most ``_LOCAL_MAX`` characters before its "@", so no match starts
    earlier than that before the first "@" not yet passed."""
    out: list[tuple[int, int]] = []
    pos = 0
    at = text.find("@")
    while at >= 0:
        m = EMAIL.search(text, max(pos, at - _LOCAL_MAX))
        if m is None:
            break
        out.append(m.span())
        pos = m.end()
        at = text.find("@", pos)
    return out


@lru_cache(maxsize=256)
def _region_order(region: str) -> tuple[str, ...]:
    # A Chinese customer may write a Hong Kong, Taiwan or Macau number without its code; a
    # foreign customer's numbers are theirs, or (rarely) a Chinese office's.
    order = [region, *_CHINA] if region in _CHINA else [region, "CN"]
    return tuple(dict.fromkeys(r for r in order if r))


@lru_cache(maxsize=8192)
def _parse(candidate: str, region: str) -> _Parsed | None:
    try:
        num = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    valid = phonenumbers.is_valid_number(num)
    national = str(num.national_number)
    return _Parsed(phonenumbers.format_number(num, PhoneNumberFormat.E164), national, valid,
                   valid or phonenumbers.is_possible_number(num),
                   phonenumbers.number_type(num) if valid else PhoneNumberType.UNKNOWN, len(national))


@lru_cache(maxsize=64)
def _trunk(region: str) -> str | None:
    md = phonenumbers.PhoneMetadata.metadata_for_region(region)
    return md.national_prefix if md else None


def _numbers(ctx: Context) -> list[_Number]:
    """Every phone number in the text with the label written around it (computed once per
    context: emails, phones, fax, IM and masking all need it)."""
    cached = ctx.cache.get("numbers")
    if cached is None:
        cached = ctx.cache["numbers"] = _find_numbers(ctx)
    return cached


class _Budget:
    """Parses left for one message."""

    def __init__(self, n: int) -> None:
        self.left = n


def _find_numbers(ctx: Context) -> list[_Number]:
    text = ctx.plain or ctx.norm
    _, not_phone = _word_patterns()
    budget = _Budget(_MAX_PARSES)
    found: list[_Number] = []
    for run in _RUN.finditer(text):
        if budget.left <= 0:
            break
        if run.end() - run.start() > _MAX_RUN:
            continue  # a dump of figures, not a phone number
        groups = [(run.start() + g.start(), run.start() + g.end()) for g in _GROUP.finditer(run.group())]
        if sum(b - a for a, b in groups) < 7 or text.startswith("@", run.end()) or text.startswith("_", run.end()):
            continue
        if _MASKED_AFTER.match(text, run.end()) or _CARD_LIKE.match(run.group()):
            continue  # "6217 0037 xxxx": a masked account; "6222 0237 0201 8831": a card number
        before = _label_before(text, run.start())
        if not _LABELLED.search(before) and not_phone.search(text[max(0, run.start() - 30):run.start()]):
            continue  # "PO 4700183321", "P.O. Box 47721-00100", "NIP 7792345118"
        found += _numbers_in_run(text, run.start(), groups, before, ctx.region, budget)
    for n in found:
        n.label = _with_trailing_label(text, n)
        n.third_party = _third_party(ctx, n.start)
    return found


def _numbers_in_run(text: str, start: int, groups: list[tuple[int, int]], label: str, region: str,
                    budget: _Budget) -> list[_Number]:
    """Cut a run of digit groups into phone numbers, greedily from the left, the longest valid
    candidate first: "020-86352217 13802471956" is two numbers; "0531-88881234-8012" is one
    with its extension dropped."""
    out: list[_Number] = []
    i = 0
    while i < len(groups) and budget.left > 0:
        j_max = i
        digits = 0
        while j_max < len(groups) and digits + groups[j_max][1] - groups[j_max][0] <= _MAX_DIGITS:
            digits += groups[j_max][1] - groups[j_max][0]
            j_max += 1
        ends = [j for j in range(j_max, i, -1) if sum(b - a for a, b in groups[i:j]) >= 7]
        first = start if i == 0 else groups[i][0]
        hit = _first_number(text, first, groups, i, ends, label, region, budget)
        if hit is None:
            i += 1
            continue
        j, parsed = hit
        end = groups[j - 1][1]
        out.append(_Number(parsed.e164, first, end, label, parsed.national))
        i = j
        label = ""  # a second number in the same run has no label of its own
    return out


def _first_number(text: str, first: int, groups: list[tuple[int, int]], i: int, ends: list[int], label: str,
                  region: str, budget: _Budget) -> tuple[int, _Parsed] | None:
    """The longest acceptable number starting at group ``i``: valid numbers first, then (by
    stricter rules) numbers that are merely possible."""
    labelled = bool(_LABELLED.search(label))
    for lenient in (False, True):
        for j in ends:
            cand = text[first:groups[j - 1][1]]
            if _opens_bracket(cand) or _DATE_SHAPE.fullmatch(cand.strip("( ")):
                continue
            budget.left -= 1
            parsed = _accept(cand, region, labelled, lenient, whole=j == len(groups))
            if parsed:
                return j, parsed
            if budget.left <= 0:
                return None
    return None


def _opens_bracket(cand: str) -> bool:
    """"5812 (0574": a bracket opened after the first digit and not closed ends the number before it."""
    k = cand.rfind("(", 1)
    return k > 0 and ")" not in cand[k:] and any(c.isdigit() for c in cand[:k])


def _accept(cand: str, region: str, labelled: bool, lenient: bool, whole: bool) -> _Parsed | None:
    """The number ``cand`` is as the customer wrote it, or None. Strict: valid in the region
    tried. Lenient: a number written with its country code and of a plausible length, a
    possible number in the customer's own (foreign) region, a Chinese landline with its area
    code set apart ("0533-71866208") or a labelled one."""
    body = cand.lstrip("( ")
    if body.startswith("00") and not body.startswith("000"):
        body = "+" + body[2:]
    if _NANP_SHAPE.fullmatch(cand.strip()):
        p = _parse(cand, "US")
        return p if p and (p.valid or lenient and p.possible) else None
    if _NANP_DASHED.fullmatch(cand.strip()) and not any(
            (q := _parse(cand, r)) and q.valid for r in _region_order(region)):
        p = _parse(cand, "US")  # no number of the customer's region: a North American one
        if p and p.valid:
            return p
    if body.startswith("+"):
        p = _parse(_MX_MOBILE.sub("+52", body), "ZZ")
        if p is None:
            return None
        if not lenient:
            return p if p.valid else None
        return p if p.possible or (whole and 7 <= p.length <= 12) else None
    digits = re.sub(r"\D", "", cand)
    if not lenient:
        order = _region_order(region)
        if region not in _CHINA and _CN_MOBILE.fullmatch(digits) and not re.match(r"1\D", cand):
            order = ("CN", *order)  # "150 6815 7342" is a Chinese mobile, not +1 506 815 7342
        for r in order:
            if r == "CN" and region not in _CHINA and _written_for(cand, digits, region):
                return _parse(cand, region)  # "07700 900412" in a British signature is British, if unassigned
            p = _parse(cand, r)
            if p and p.valid and _trunk_ok(digits, r, p, labelled):
                return p
        return None
    if region not in _CHINA:
        p = _parse(cand, region)
        if (p and p.possible and p.length >= 9 and (labelled or re.search(r"\D", cand.strip()))
                and (_trunk(region) != "0" or digits.startswith("0"))):
            return p
        return None
    if labelled or _CN_LANDLINE_SHAPE.match(cand):
        p = _parse(cand, "CN")
        if p and p.possible and p.length >= 9 and (digits.startswith("0") or _CN_MOBILE.fullmatch(digits)):
            return p
    return None


def _written_for(cand: str, digits: str, region: str) -> bool:
    """A number in the national form of a foreign ``region`` (its trunk "0", a possible length)."""
    if _trunk(region) != "0" or not digits.startswith("0") or _CN_LANDLINE_SHAPE.match(cand):
        return False  # "0532-80916650" is a Chinese landline wherever written
    p = _parse(cand, region)
    return bool(p and p.possible and p.length >= 9)


def _trunk_ok(digits: str, region: str, p: _Parsed, labelled: bool) -> bool:
    """A landline of a country whose numbers are written with a trunk "0" is written with it:
    "4700183321" is an order number, not +86 470 018 3321."""
    if p.kind != PhoneNumberType.FIXED_LINE or labelled or _trunk(region) != "0":
        return True
    return digits.startswith("0") or (region in _CHINA and digits.startswith("86"))


def _label_before(text: str, start: int) -> str:
    line_start = max(text.rfind("\n", max(0, start - 40), start) + 1, start - 40)
    before = _CJK_GAP.sub("", text[line_start:start])  # "传  真：" is 传真
    # The label of this number, not of an earlier one on the same line.
    before = re.split(r"\d[)）]?\s*[,，;；|/]?\s*(?=[^\d\s])", before)[-1]
    m = _LABEL.search(before)
    return m.group("label").strip().lower() if m else ""


_TRAILING = re.compile(r"\s*[(（]([^()（）\n]{1,30})[)）]")
_LABEL_WORDS = re.compile(r"whats\s*app?|wechat|weixin|telegram|viber|line|skype|fax|mobile|mob|phone|tel|cell|same|number|"
                          r"only|also|and|or|wa|wx|vx|tg|v信|微信|传真|手机|电话|同号|号码|号", re.IGNORECASE)
_BARE_LABEL_REST = re.compile(r"[A-Za-z0-9_@]")  # "(微信zhoujl_jr)" names an id of its own


def _with_trailing_label(text: str, n: _Number) -> str:
    """A label written after the number in brackets counts too: "+63 917 552 0913 (Viber/WhatsApp)"."""
    m = _TRAILING.match(text, n.end)
    if m and (_im_types(m.group(1)) or _FAX.search(m.group(1))) and not _BARE_LABEL_REST.search(
            _LABEL_WORDS.sub("", m.group(1))):
        return f"{n.label} {m.group(1).strip().lower()}".strip()
    return n.label


def _third_party_words(text: str) -> list[int]:
    """Where third-party words start, in order (``str.find`` per word: a long alternation
    would cost a microsecond or more per character of English text)."""
    low = text.lower()
    if len(low) != len(text):  # a few letters lengthen when lower-cased: keep the offsets
        third, _ = _word_patterns()
        return [m.start() for m in third.finditer(text)]
    hits = []
    for word, bounded in _third_party_list():
        i = low.find(word)
        while i >= 0:
            j = i + len(word)
            if not bounded or not ((i and low[i - 1].isascii() and low[i - 1].isalpha())
                                   or (j < len(low) and low[j].isascii() and low[j].isalpha())):
                hits.append(i)
            i = low.find(word, i + 1)
    return sorted(hits)


@lru_cache(maxsize=1)
def _third_party_list() -> tuple[tuple[str, bool], ...]:
    data = tomllib.loads(resources.files("inquiry_nlp").joinpath("data/contacts.toml").read_text("utf-8"))
    return tuple((w.lower(), w.isascii()) for w in data["third_party"]["words"])


def _third_party(ctx: Context, start: int) -> bool:
    """Whether the sentence before ``start`` (with the line it continues after a colon) names
    someone else: "检测中心联系人张主任", "our new forwarder:\nKelly Tam, +86 755 ..."."""
    hits = ctx.cache.get("third_party")
    if hits is None:
        hits = ctx.cache["third_party"] = _third_party_words(ctx.plain or ctx.norm)
    k = bisect_left(hits, start) - 1
    if k < 0 or hits[k] < start - 320:
        return False  # no third party named shortly before: the common case, decided without slicing
    text = ctx.plain or ctx.norm
    line_start = text.rfind("\n", max(0, start - 120), start) + 1
    window_start = max(line_start, start - 120)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, window_start, start)]
    lo = ends[-1] if ends else window_start
    if not ends and line_start > 0:
        prev = text[max(0, line_start - 200):line_start].rstrip()
        if prev.endswith((":", "：")):
            lo = max(0, line_start - 200) + prev.rfind("\n") + 1
    return hits[k] >= lo


@lru_cache(maxsize=1024)
def _is_fax(label: str) -> bool:
    return bool(_FAX.search(label)) and not _PHONE_WORD.search(label.replace("fax", "").replace("传真", ""))


@lru_cache(maxsize=1024)
def _im_types(label: str) -> tuple[str, ...]:
    return tuple(t for t, rx in _IM_WORDS.items() if rx.search(label))


def _own(ctx: Context) -> list[_Number]:
    return [n for n in _numbers(ctx) if not n.third_party]


def extract_phones(ctx: Context) -> list[Found]:
    """Phone numbers in E.164: every number but fax and QQ ids (a WhatsApp, Telegram or
    WeChat number is a phone number too; it is also reported as the IM id)."""
    out = []
    for n in _own(ctx):
        if _is_fax(n.label) or _im_types(n.label) == ("qq",):
            continue
        out.append(Found(n.e164, ctx.original(n.start, n.end), n.start, n.end, n.label))
    return out


def extract_fax(ctx: Context) -> list[Found]:
    return [Found(n.e164, ctx.original(n.start, n.end), n.start, n.end, n.label)
            for n in _own(ctx) if _is_fax(n.label)]


def extract_ims(ctx: Context) -> list[Found]:
    """IM handles: WeChat, WhatsApp, Skype, QQ, Telegram, LINE. WhatsApp/Telegram numbers in
    E.164; a WeChat/QQ id that is a phone number is its national digits; Telegram and LINE
    ids keep the "@" they are written with. Ids in links count too (t.me/<id>, wa.me/<number>)."""
    out: list[Found] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, ident: str, start: int, end: int) -> None:
        key = (kind, ident.lower())
        if ident and kind != "viber" and key not in seen:
            seen.add(key)
            out.append(Found({"type": kind, "id": ident}, ctx.original(start, end), start, end, kind))

    def number_id(kind: str, n: _Number) -> str:
        return n.e164 if kind in ("whatsapp", "telegram") else n.national

    text = ctx.plain or ctx.norm
    numbers = _own(ctx)
    for n in numbers:
        for kind in _im_types(n.label):
            add(kind, number_id(kind, n), n.start, n.end)
    for kind, n in _same_number_ims(text, numbers):
        add(kind, number_id(kind, n), n.start, n.end)
    kinds = _im_kinds_written(text)
    number_spans = [(n.start, n.end) for n in _numbers(ctx)]
    for kind, rx in _IM_ID:
        if kind not in kinds:
            continue
        for m in rx.finditer(text):
            s, e = m.span("id")
            if any(a <= s < b for a, b in number_spans):
                continue
            if (m.group("sep") or "").lower() in ("", "is") and not _ID_SHAPE.search(m.group("id")):
                continue
            if not _ID_SHAPE.search(m.group("id")) and "." not in m.group("id") and _PROSE_AFTER.match(text, e):
                continue
            if kind == "line" and not _line_label(text, m.start()):
                continue
            if _third_party(ctx, m.start()):
                continue
            ident = ctx.original(s, e) if kind != "qq" else m.group("id")
            add(kind, ident, m.start(), e)
    for kind, ident, s, e in _link_ids(text):
        if not _third_party(ctx, s):
            add(kind, ident, s, e)
    out.sort(key=lambda f: f.start)
    return out


def _line_label(text: str, start: int) -> bool:
    """"LINE" names the messenger when written alone or after one of the words of
    ``[im] line_after`` ("my LINE", "WhatsApp or LINE"), not in "production line: SMT-01"."""
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    return m is None or m.group(1).lower() in _line_after()


@lru_cache(maxsize=1)
def _line_after() -> frozenset[str]:
    data = tomllib.loads(resources.files("inquiry_nlp").joinpath("data/contacts.toml").read_text("utf-8"))
    return frozenset(w.lower() for w in data["im"]["line_after"])


def _link_ids(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, id, start, end) of IM ids written as links: a Telegram user name, a WhatsApp
    number in E.164 (checked by ``phonenumbers``)."""
    low = text.lower()
    if "t.me/" not in low and "wa.me/" not in low and "whatsapp.com/send" not in low:
        return []
    out = []
    for kind, rx in _IM_LINKS:
        for m in rx.finditer(text):
            ident = m.group("id")
            if kind == "whatsapp":
                p = _parse("+" + ident, "ZZ")
                if p is None or not p.valid:
                    continue
                ident = p.e164
            out.append((kind, ident, m.start(), m.end()))
    return out


# Words one of which an IM id's label holds: the id patterns run only when the text has one.
_IM_HINTS = {
    "wechat": ("wechat", "we chat", "weixin", "wx", "vx", "v信", "微信", "薇信", "威信", "加v"),
    "qq": ("qq", "扣扣"), "skype": ("skype",), "telegram": ("telegram", "tg"), "line": ("line",),
}


def _im_kinds_written(text: str) -> set[str]:
    low = text.lower()
    return {kind for kind, words in _IM_HINTS.items() if any(w in low for w in words)}


def _same_number_ims(text: str, numbers: list[_Number]) -> list[tuple[str, _Number]]:
    """"微信同号", "电话或微信（同号）", "Telegram 同号": the IM is the phone number nearest to
    the statement (a mobile before a landline, the fax never)."""
    out = []
    phones = [n for n in numbers if not _is_fax(n.label)]
    if not phones:
        return out
    for m in _SAME_NUMBER.finditer(text):
        line_start = text.rfind("\n", max(0, m.start() - 20), m.start()) + 1
        line_end = text.find("\n", m.end(), m.end() + 8)
        words = text[max(line_start, m.start() - 20):min(m.end() + 8, len(text) if line_end < 0 else line_end)]
        kinds = [k for k in _im_types(words) if k in ("wechat", "whatsapp", "telegram")]
        if not kinds and m.group(0) != "同微信":
            continue
        kinds = kinds or ["wechat"]
        mobiles = [n for n in phones if _CN_MOBILE.fullmatch(n.national)] or phones
        nearest = min(mobiles, key=lambda n: min(abs(n.start - m.start()), abs(n.end - m.end())))
        out += [(k, nearest) for k in kinds]
    return out


def contact_spans(ctx: Context) -> list[tuple[int, int]]:
    """Spans to mask before numbers are read for quantities, prices and dates."""
    spans = list(_emails(ctx))
    spans += [(n.start, n.end) for n in _numbers(ctx)]
    low = ctx.text.lower()
    if "www" in low or "http" in low:
        spans += [(m.start(), m.end()) for m in URL_IN_TEXT.finditer(ctx.text)]
    return spans
