r"""Company and person: the customer's organisation and contact name, as written.

Both are read mostly from the **signature**: the lines after the last sign-off ("Best
regards", "谢谢！", "此致 敬礼") or, without one, the block of short lines that ends the
message. Each signature line is cut into parts (at commas, bars, wide gaps, script changes)
and each part is classed: a name ("Ahmed Hassan", "王磊", "陈经理", "Kelvin Tan 陈国伟"), a
job title or department ("Purchasing Manager", "采购部"), an organisation (a legal form such
as "Co., Ltd." / "Sdn Bhd" / "有限公司", or an organisation word: "Ministry", "Roasters",
"五金", "商行"), an address or contact line. A line that follows the name and is neither title,
address nor contact is the company even without a legal form ("Harbour Rig & Chandlery").
After the signature come labelled values ("联系人：王主任", "Company: X", a platform
notification's "询价人：刘先生" / "Buyer: X Co.") and self-introductions ("We are X, a
distributor", "Greetings from X", "我是X公司的Y", "我司为X", "你好，深圳飞宇无人机。", "代表 X") and
an organisation signing as its team ("The GitHub Team"); a Chinese writer's business named after
describing it ("我们是做工装的，合肥华庭装饰工程有限公司", "店铺叫"暖暖家居生活馆"") or before the writer's
role ("河北冀丰复合肥的采购赵国庆"); a profile line's "Director at Kamau Hardware | Nairobi"; a web
form's "Name: …" field; a relay's buyer and contact in brackets ("买家 X有限公司（周女士）") and the
sender a procurement relay names ("ThermaFab Industries has sent you Purchase Order …"). Results are ordered best first; a
thread keeps the first found, or the first written with a legal form (``choose_company``).

Not the customer's: the addressee of a greeting line ("尊敬的 XX有限公司：", "Dear Hongli
team" — that is us), names after "贵/your", trading platforms (Alibaba.com, 慧聪网), and
third parties mentioned in the body (only self-introductions are read there).

Matching runs on ``ctx.norm`` (simplified, half-width, contacts blanked) line by line with
bounded patterns and set look-ups over the word lists of ``data/org.toml`` (legal forms,
organisation and trade words, titles, roles, family names, places, platforms); the reported
``text`` is the customer's original characters. A signature is a sequence of short lines, so a
line reader with word tables fits better than a token pipeline: tokenising alone with a blank
spaCy pipeline costs about 0.9 ms per KB of English and 2.4 ms per KB of Chinese (jieba), more
than this whole reader (about 0.3 ms for a 200-character message, under 1 ms for 1–1.5 KB),
and token patterns would still need the line structure. The analysis of a text is memoised
(a pure function of it), so the two extractors of one message read its signature once. A very
long text is read at its head and its tail only.

``from_display_name`` reads a sender's display name ("郑州安驰汽配-贾", "Kelvin Tan |
Brightway Lighting Pte Ltd") the same way, for a thread whose text names no company or person;
``signing_display_name`` takes a display name the message signs with ("顺丰速运" … "顺丰速运"), or a
look-alike's platform or carrier name that signs it under another display name ("DHL Customs" …
"DHL Express Customs Services"); ``choose_person`` keeps a thread's first person unless a later
message writes the same person more fully ("葛先生", then "葛建华");
``domain_named_company``, last, a name the text writes that spells the sender's domain
("Paw Palace" … daphne@pawpalace.sg).

>>> ctx = Context.build("请报价M10螺栓500套。\n谢谢！\n王磊  采购经理\n山東恒泰機械有限公司 採購部\n電話：0531-88886666")
>>> [f.value for f in extract_company(ctx)], [f.value for f in extract_person(ctx)]
(['山東恒泰機械有限公司'], ['王磊'])
>>> ctx = Context.build("Dear Lily,\nPls quote 500 pcs.\nBest regards,\nAhmed Hassan\nPurchasing Manager\n"
...                     "Gulf Star General Trading LLC, Dubai")
>>> [f.value for f in extract_company(ctx)], [f.value for f in extract_person(ctx)]
(['Gulf Star General Trading LLC'], ['Ahmed Hassan'])
>>> [f.value for f in extract_company(Context.build("尊敬的 济南瑞丰紧固件有限公司：\n我是台州永力电机有限公司的采购经理方建平。"))]
['台州永力电机有限公司']
"""
from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import lazyre as re  # re.compile puts compiling off to first use (see lazyre)
from ..mail.domains import is_automated, is_webmail
from .base import Context, Found


def _lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regex compiled on its first use: the module's import does no more work for it."""
    return lru_cache(maxsize=1)(lambda: re.compile(pattern, flags))

_HAN = "\u3400-\u9fff\uf900-\ufaff"
_HAN_RX = re.compile(f"[{_HAN}]")
_LATIN_RX = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]")
_I = re.IGNORECASE

# Small patterns used by the readers below (compiled once).
_DECOR = re.compile(r"^[-—–_=*·•>~]{1,6}\s{0,3}")
_DECOR_CHARS = frozenset("-—–_=*·•>~")
_SLASH = re.compile(r"^[/|]\s{0,3}")
_SENT_PUNCT = re.compile(r"[。？?！!]")
_CLAUSE_PUNCT = re.compile(r"[，,；;]")
_INITIAL = re.compile(r"[A-Z]\.?|[A-Z]\.[A-Z]\.?")
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]{0,24}(?:['’-][^\W\d_]{1,24}){0,3}\.?")
_TRAILING_PAREN = re.compile(r"(.{1,50}?)\s{0,2}[(（]([^()（）]{1,24})[)）]")
_LATIN_THEN_HAN = re.compile(r"([A-Za-z][A-Za-z.]{0,20})\s?([" + _HAN + r"]{1,4})")
_AFTER_DOT = re.compile(r"(?<=\.)(?=[A-Z])")
_ZH_DEPT = re.compile(r"[" + _HAN + r"]{1,4}(?:部|科|课|处|办|组|室)")
_ROLE_WORD = re.compile(r"[^\W\d_][\w&.'-]*|&")
_CAMEL = re.compile(r"[a-z][A-Z]")
_ZH_BAD_HEAD = re.compile(r"[的了吗呢吧啊呀您你我他她请要想需哪做]|一家|一间|一个|有个|这个|那个|这家|那家|贵(?![州阳港溪])|某些|大型|知名|全国|"
                          r"国内|送到|寄到|发到|到货|可以|多少|怎么|什么|这是|那是|本公司|我公司|公司为|公司是|最大|之一|"
                          r"领先|龙头|^按照|^根据|^依照|^依据|^关于|^对于|^按|^为|落实|就$|也$|都$|还$|才$|不$|(?<![智阳节储动热核电风效])能$|地$")
_LATIN2 = re.compile(r"[A-Za-z]{2,}")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_CITY_TAIL = re.compile(r"\.?\s{1,3}[A-Z][\w'-]{1,20}(?:\s[A-Z][\w'-]{1,20})?")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_ZH_NOT_ADDRESS = re.compile(r"送|寄|发到|多少|吗|请|要|价")
_ZH_ADMIN_STREET = re.compile(r"(?:省|市|区|县|镇|乡|州).{0,24}(?:路|街|道|号|楼|室|栋|座|大厦|广场|园|村|巷|弄|里|档)")
_DIGIT_OR_HAO = re.compile(r"\d|号")
_DIGIT = re.compile(r"\d")
_DIGIT_OR_PAREN = re.compile(r"[\d(（]")
_DIGITS3 = re.compile(r"\d{3,}")
_ZH_STREET_WORD = re.compile(r"路|街|道|号|楼|室|栋|座|大厦|广场|工业园|园区|村|巷|弄|档|层|铺")
_ADDRESS_START = re.compile(r"^(?:\d|no\.|#|p\.?o\.?\s?box|plot|unit|suite|office|shop|room|flat|ul\.|jl\.)", _I)
_AREA_TAIL = re.compile(r"\b(?:market|road|street|avenue|plaza|mall|layout|junction|roundabout|bazaar|souk)\.?$", _I)
_STREET_SUFFIX = re.compile(r"(?:strasse|straße|weg|gasse|laan|straat|vej|gatan|veien)\b", _I)
_URLISH = re.compile(r"https?://|www\.", _I)
_END_PAREN = re.compile(r"[（(][^()（）]{1,20}[)）]$")
_ZH_ADMIN_PLACE = re.compile(r"[" + _HAN + r"]{1,6}(?:省|市)[" + _HAN + r"]{0,6}(?:市|区|县|镇|乡)")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_CONNECTORS = frozenset(("of", "and", "the", "for", "de", "del", "da", "do", "dos", "la", "le", "e", "y", "von", "van",
                         "der", "du", "des", "di", "z", "o.o", "ve"))
_TRAILING_CONNECTORS = _CONNECTORS - {"z", "o.o"} | {"&"}  # "Sp. z o.o" ends a name
_GREETING_START = re.compile(r"^(?:dear|hi|hello|hey|to|attn|attention|尊敬的|致|您好|你好|hi there)\b", _I)
_GREETING_END = re.compile(r"(?:您好|你好|\bhello|\bhi)\s{0,3}[:：,，!！]?$", _I)  # not "Joshi", "Bianchi"
_ABBREV_DOT = re.compile(r"(?:\b[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]{1,5}|\b[A-ZÀ-ÖØ-ÞĀ-ſ](?:\.[A-ZÀ-ÖØ-ÞĀ-ſ])+)\.$")  # Ltd., A.Ş.
_DOT_PAREN = re.compile(r"\.?\s{0,2}[(（][^()（）]{1,30}[)）]")
_OPEN_PAREN = re.compile(r"\s{0,3}[(（]")
_SPACES13 = re.compile(r"\s{1,3}")
_ZH_UNIVERSITY = re.compile(r"大学|学院$")
_ZH_ACADEMIC_UNIT = re.compile(r"(?:学院|学系|系|研究所|研究院|研究中心|实验室)$")
_ZH_UNIT_END = re.compile(r"(?:部|中心|处|分公司|办事处|代表处)$")
_VALUE_END = re.compile(r"[,，;；|｜/]|\s{2,}")
_MEMBER_PAREN = re.compile(r"\s{0,2}[(（][^()（）]{0,12}(?:会员|member|账号|编号|旺旺|id\b|ID\b|认证|诚信通|实力商家|verified|"
                           r"gold supplier)[^()（）]{0,30}[)）]$", _I)
_PAREN_ONLY = re.compile(r"[(（][^()（）]{1,30}[)）]")
_COMMA_GAP = re.compile(r"\s{0,2},\s{0,2}")
_NAME_GAP = re.compile(r"\s{1,2}|\s{0,2}/\s{0,2}")
_COLON_AHEAD = re.compile(r"\s{0,3}[:：]")
_LOWER_WORD = re.compile(r"(?:^|\s)[a-z]{2,}")
_SAME_NUMBER = re.compile(r"[(（]?(?:微信同号|同微信|whatsapp|wechat)[)）]?", _I)
_CAPS = re.compile(r"[A-Z]{2,6}")
_HAN_PAREN = re.compile(f"[{_HAN}（）()]")
_LABEL_VALUE = re.compile(r"[^\s(（]+(?:\s[A-Za-z][\w.'-]*){0,4}")
_HAN_RUN6 = re.compile(r"[" + _HAN + r"]{1,6}")
_HAN_THEN_LATIN = re.compile(r"[" + _HAN + r"]{1,4}\s[A-Za-z][\w.]*(?:\s[A-Z][\w.]*)?")
_CALL_WORD = re.compile(r"联系|电话|手机|tel|phone", _I)
_BLANKED_END = re.compile(r"\s{3,}$")
_BEFORE_NAME = re.compile(r"(?:的|经理|主管|总监|负责人|厂长|老板|生|员|师|工|部|科|处|中心|公司|厂|集团|[A-Za-z])$")
_FIRST_NAME = re.compile(r"[A-Z][a-z]{1,15}(?=\s|$|[,，。])")
_THIRD_PARTY_ZH = re.compile(r"代理|合作|客户|供应|朋友|指定|的$")
_QUOTED = re.compile(r"(?P<pre>[" + _HAN + r"]{2,4}|[" + _HAN + r"]{0,10}?(?:店|铺|品牌|公司|工作室|厂|餐厅|门市|商行))?"
                     r"\s?[「『“\"]([^」』”\"\n]{2,30})[」』”\"]")
_ZH_PHRASE = re.compile(r"[^\s的嘅,，。]{2,40}")
_THE = re.compile(r"the\s{1,3}", _I)
_NOT_A_NAME_START = re.compile(r"(?:dear|hi|hello|to|attn|your|our|my|their|his|her|this|that|these|a|an|big|small|"
                               r"any|every|some|all|no|one|which|what)\b", _I)
_TOKEN = re.compile(r"\S+")
_LEGAL_AFTER_COMMA = re.compile(r"\s{0,2}(?:ltd|limited|inc|llc|co\b|pvt|pte|sdn)", _I)
_ZH_AFTER_COMPANY = re.compile(r"(?:的|采购|负责|总经理|经理|主管|总监|厂长|老板|，|,|。|"
                               # "我们恒达建设集团今年有8个楼盘", "华信酒店集团旗下酒店": the predicate begins
                               r"今年|明年|去年|目前|现在|最近|近期|旗下|下属|需要|计划|准备|正在|一直|长期|主要|专业|"
                               # "我们沈阳北方电力工程集团有个项目", "我们是湖北某市水务集团下面的水厂"
                               r"有(?!限)|要|想|在|这边|那边|下面|新建|装修)")
_ZH_UNIT_NAME = re.compile(r"[" + _HAN + r"]{0,6}?(?:部|处|科|办|室|中心)?(?P<n>[" + _HAN + r"]{2,4})$")
_INVOICE_NAME = re.compile(r"[" + _HAN + r"A-Za-z0-9（）()]+?(?=税号|，|,|$)")
_ZH_NOT_COMPANY_START = re.compile(r"(?:偶是|偶们|喺|仲|做紧|依家|而家|帮|替|给|做|一家|一个|一间|专业|主要|需要|想|在|这边|公司|贵司|贵公司|贵方|贵厂|你们|也|刚|已|是)")
_ZH_ROLE_AFTER = re.compile(r"\s{0,2}(?:的|采购|负责|销售|经理|老板|创始人|要|想|需要|有(?!限)|在)")
_PRONOUN_ZH = re.compile(r"[我你您贵的]")
_UPPER_OR_DIGIT = re.compile(r"[A-Z0-9]")
_OURS_BEFORE = re.compile(r"(?:贵|your|yours|dear|尊敬的|致)\s{0,3}$", _I)
_IN_GREETING = re.compile(r"\s{0,8}(?:dear|hi|hello|hey|尊敬的|致|to|attn\.?|attention)\b[^,，:：。.!！?？]{0,60}$", _I)
_ADDRESSEE_AFTER = re.compile(r"\s{0,3}(?:[:：]\s{0,3}$|您好|你好|负责人|各位|团队|\s(?:team|sales|manager)\b)", _I)
_SELF_BEFORE = re.compile(r"(?:是|为|我司|we are|from|at|of)\s{0,3}$", _I)
_NON_WORD = re.compile(r"\W")
_UPPER_AFTER_PREFIX = re.compile(r"\s+[A-Z]")
_LEGAL_TOKEN = re.compile(r"\([A-Za-z.]{2,5}\)|[^\s()（）]+")
_PLATFORM_WORD = re.compile(r"[a-z0-9]+")
_PAREN_TAIL = re.compile(r"\s{0,2}\([^()\n]{1,20}\)\s{0,2}[.,;:]?")
_PLACE_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_PHONE_LIKE = re.compile(r"\+?[\d\s()./-]{6,24}")
_PLACE_FILLERS = frozenset(("the", "of", "and", "city", "state", "province", "county"))


# --------------------------------------------------------------------------------------------
# Data (org.toml), compiled once per process.

@dataclass(frozen=True)
class _Data:
    legal_keys: dict[str, tuple[bool, frozenset[str]]]  # key -> (case-sensitive?, spellings allowed)
    legal_words: int                    # longest legal form, in words
    legal_last: frozenset[str]          # keys of the last words of legal forms (a quick first test)
    prefixes: frozenset[str]            # PT / CV before a name
    org_words: frozenset[str]
    org_multi: tuple[str, ...]
    zh_suffixes: frozenset[str]         # Chinese organisation endings (legal forms and trade words)
    zh_legal: frozenset[str]            # Chinese legal forms (有限公司, 集团)
    platforms: tuple[tuple[str, bool], ...]  # (lower-cased name, needs word boundaries)
    platform_first: dict[str, tuple[str, ...]]  # first word -> the Latin platform names it starts
    platform_han: tuple[str, ...]       # Chinese platform names
    titles: frozenset[str]
    particles: frozenset[str]
    roles: frozenset[str]
    not_names: frozenset[str]
    surnames: frozenset[str]
    compound: tuple[str, ...]
    zh_titles: tuple[str, ...]
    zh_roles: frozenset[str]
    zh_not_names: frozenset[str]
    zh_not_given: frozenset[str]
    places: frozenset[str]              # place names, case-folded, dots removed
    zh_places: tuple[str, ...]


def _legal_key(text: str) -> str:
    """'Co., Ltd.' and 'CO.,LTD' -> 'coltd': the form without case, dots, commas and spaces."""
    return text.lower().replace(".", "").replace(",", "").replace(" ", "")


def _place_key(text: str) -> str:
    return " ".join(text.casefold().replace(".", "").split())


@lru_cache(maxsize=1)
def _org_toml() -> dict[str, Any]:
    """org.toml, read once per process for every list this module takes from it."""
    return tomllib.loads(resources.files("inquiry_nlp").joinpath("data/org.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _data() -> _Data:
    root = resources.files("inquiry_nlp")
    d = _org_toml()
    c, p = d["company"], d["person"]
    legal: dict[str, tuple[bool, set[str]]] = {}
    for form in c["legal"]:
        bare = form.replace(".", "").replace(",", "")
        # Short one-word forms (AG, SA, AB, Co, Ltd…) only as written or in capitals: "as", "se", "co" are words.
        cs = len(bare) <= 3 and " " not in form and "." not in form
        key = _legal_key(form)
        prev = legal.get(key)
        spellings = {bare, bare.upper()} | (prev[1] if prev else set())
        legal[key] = (cs and (prev[0] if prev else True), spellings)
    legal_keys = {k: (v[0], frozenset(v[1])) for k, v in legal.items()}
    legal_words = max(len(f.split()) for f in c["legal"]) + 1
    legal_last = frozenset(_legal_key(_LEGAL_TOKEN.findall(f)[-1]) for f in c["legal"])
    org_single = frozenset(w.lower() for w in c["org_words"] if " " not in w)
    org_multi = tuple(w.lower() for w in c["org_words"] if " " in w)
    zh_legal = frozenset(c["zh_legal"])
    platforms = tuple((x.lower(), not _HAN_RX.search(x)) for x in sorted(set(c["platforms"]), key=len, reverse=True))
    platform_first: dict[str, tuple[str, ...]] = {}
    for n, bounded in platforms:
        if bounded:
            first = _PLATFORM_WORD.findall(n)[0]
            platform_first[first] = platform_first.get(first, ()) + (n,)
    platform_han = tuple(n for n, bounded in platforms if not bounded)
    titles = frozenset(t.lower().rstrip(".") for t in p["titles"])
    surnames = frozenset(ch for ch in p["zh_surnames"] if _HAN_RX.match(ch))
    places_doc = tomllib.loads(root.joinpath("data/places.toml").read_text("utf-8"))
    places = {_place_key(n) for v in places_doc["regions"].values() for n in v}
    places |= {_place_key(n) for n in c.get("places", [])}
    return _Data(legal_keys, legal_words, legal_last, frozenset(c["legal_prefix"]), org_single, org_multi,
                 frozenset(c["zh_legal"]) | frozenset(c["zh_org"]), zh_legal, platforms, platform_first, platform_han, titles,
                 frozenset(x.lower() for x in p["particles"]), frozenset(x.lower() for x in p["roles"]),
                 frozenset(x.lower() for x in p["not_names"]), surnames, tuple(p["zh_surnames_compound"]),
                 tuple(sorted(p["zh_titles"], key=len, reverse=True)), frozenset(p["zh_roles"]),
                 frozenset(p["zh_not_names"]), frozenset(ch for ch in p["zh_not_given"] if not ch.isspace()),
                 frozenset(places), tuple(sorted(c["zh_places"], key=len, reverse=True)))


def _ends_with(h: str, words: frozenset[str], longest: int = 8) -> int:
    """Length of the longest word of ``words`` that ``h`` ends with (0 if none)."""
    for n in range(min(longest, len(h)), 0, -1):
        if h[-n:] in words:
            return n
    return 0


@lru_cache(maxsize=4096)
def _legal_forms(s: str) -> tuple[tuple[int, int], ...]:
    """Spans of the legal forms in ``s`` ("Co., Ltd.", "Sdn Bhd", "LLC"), read token by token;
    a form must follow at least one word of the name."""
    d = _data()
    toks = [(m.start(), m.group(0)) for m in _LEGAL_TOKEN.finditer(s)]
    out: list[tuple[int, int]] = []
    j = 1
    while j < len(toks):
        found = None
        last = toks[j][1].rstrip(",;:")
        if _legal_key(last) not in d.legal_last:
            j += 1
            continue
        for k in range(min(d.legal_words, j), 0, -1):
            window = toks[j - k + 1:j + 1]
            raw = "".join(t[1] for t in window[:-1]) + last
            hit = d.legal_keys.get(_legal_key(raw))
            if hit is not None:
                cs, spellings = hit
                if cs and k == 1 and raw.replace(".", "").replace(",", "") not in spellings:
                    continue
                found = (window[0][0], toks[j][0] + len(last))
                break
        if found:
            if out and found[0] < out[-1][1]:
                out[-1] = (out[-1][0], max(found[1], out[-1][1]))
            else:
                out.append(found)
        j += 1
    return tuple(out)


def _has_platform(s: str) -> bool:
    """Whether ``s`` names a trading platform or a service (Alibaba.com, 慧聪网, Western Union)."""
    low = s.lower()
    d = _data()
    names = [n for w in set(_PLATFORM_WORD.findall(low)) for n in d.platform_first.get(w, ())]
    for name in names:
        i = low.find(name)
        while i >= 0:
            e = i + len(name)
            if (i == 0 or not low[i - 1].isalnum()) and (e >= len(low) or not low[e].isalnum()):
                return True
            i = low.find(name, i + 1)
    return bool(_HAN_RX.search(s)) and any(name in low for name in d.platform_han)


# --------------------------------------------------------------------------------------------
# Lines and the signature block.

@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str  # normalised, stripped (offsets: start..end in ctx.norm)


def _lines(norm: str, start: int = 0, end: int | None = None) -> list[_Line]:
    """The lines of ``norm[start:end]`` (``start`` at a line start), stripped, with offsets."""
    out = []
    pos = start
    for raw in norm[start:end].split("\n"):
        body = raw.strip()
        if not body:
            out.append(_Line(pos, pos, ""))
            pos += len(raw) + 1
            continue
        lead = len(raw) - len(raw.lstrip())
        # Leading decoration: "——采购部 陈", "-- ", "* ".
        m = _DECOR.match(body) if body[:1] in _DECOR_CHARS else None
        if m and len(body) > m.end():
            lead += m.end()
            body = body[m.end():]
        out.append(_Line(pos + lead, pos + lead + len(body), body))
        pos += len(raw) + 1
    return out


_SIGNOFF = re.compile(
    r"^(?:(?:(?:best|kind|warm|warmest|with best|with kind|many|yours|good)\s{1,3})?(?:regards?|wishes)|rgds|brgds|b\.?rgds|br|"
    r"cordially(?:\s{1,3}yours)?|cordial(?:es)?\s{1,3}salutations|sincères salutations|salutations distinguées|"
    r"with (?:deep |best )?respect|"
    r"thanks?(?:\s{1,3}you)?(?:\s{1,3}(?:and|&|n)\s{1,3}(?:best\s{1,3}|kind\s{1,3}|warm\s{1,3})?regards?)?|"
    r"thx|tks|thks|tq|ty|many thanks|thanks again|thanks a lot|thank you very much|cheers|"
    r"(?:yours\s{1,3})?(?:sincerely|faithfully|truly)|sincerely yours|respectfully|best|all the best|"
    r"salam|salamat|merci|cordialement|saludos|atenciosamente|un saludo|mit freundlichen grüßen|mfg|"
    r"regards,?\s{0,3}thanks|cheers mate|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groeten|"
    r"viele grüße|beste grüße|freundliche grüße|saludos cordiales|atentamente|cordiali saluti|distinti saluti|"
    r"bien à vous|bien cordialement|pozdrawiam|z poważaniem|s pozdravem|med vänliga hälsningar|hilsen|mvh|abraços|"
    r"saygılarımla|с уважением|best wishes|god bless(?: you)?|blessings|stay blessed|stay safe|take care|"
    r"obrigad[oa]|abraços?|um abraço|un abrazo|cumprimentos|att\.?|atte\.?|saluti|grazie(?: mille)?|danke|"
    r"gracias|muchas gracias|cảm ơn|trân trọng|terima kasih|sláinte|liebe grüße|herzliche grüße|grüße|gruß|lg|"
    r"salutations|amitiés|merci beaucoup|ขอบคุณ(?:ครับ|ค่ะ)?|arigato|ありがとうございます|よろしく(?:お願いします)?|"
    r"此致|敬礼|此致敬礼|顺祝|顺颂|商祺|祝好|祝商祺|顺颂商祺|谢谢(?:您|你|啦|了)?|多谢|感谢(?:您|你)?(?:的支持)?|"
    r"非常感谢|万分感谢|谢谢合作|期待回复|期待您的回复|静候佳音|盼复|望复|望回复|敬请回复|辛苦了|"
    r"敬上|唔该|xie\s?xie|敬祝.{0,6}|祝.{1,8}(?:好|顺利|愉快|商祺|顺心))(?![A-Za-z])", re.IGNORECASE)
_SIGNOFF_TAIL = re.compile(r"[\s,，.。!！~～:：;；]*")
_FOOTER = re.compile(r"^(?:sent from|sent via|sent with|get outlook|发自|从我的|来自我的|发送自|"
                     r"来自.{0,8}(?:邮箱|邮件|客户端|手机|大师))", re.IGNORECASE)
# A disclaimer word starts with one of the look-ahead's characters: the engine passes over the
# other positions at once instead of trying every word (case-insensitive words get no such help).
_DISCLAIMER = re.compile(r"(?=[不退回仅本机非免保请若自电cidutasn])(?:"
                         r"不希望再收到|退订|回复td|仅限于|本信件|机密资料|机密信息|非指定收件人|confidential|intended (?:solely )?for|intended recipient|disclaimer|unsubscribe|"
                         r"免责声明|保密|本邮件|请勿转发|若您不是|this (?:e-?mail|email) was sent|don't want to hear|"
                         r"请勿(?:直接)?回复|自动发送|自动发出|电脑发出|automatically generated|system-generated|"
                         r"do not reply|don't reply|no-?reply)",
                         re.IGNORECASE)
_CONTACT_LABEL = re.compile(
    r"^(?:tel|telephone|phone|ph|mob|mobile|cell|hp|fax|e-?mail|email|add|addr|address|web|website|www|"
    r"wechat|whatsapp|skype|qq|line(?: id)?|telegram|viber|zalo|[tmfew])\b\.?\s{0,3}[:：./]?"
    r"|^(?:电话|手机|传真|邮箱|地址|网址|微信|座机|固话|qq|电邮|手机号|联系电话|联系方式|办公电话|公司地址)",
    re.IGNORECASE)
_ADDRESS_EN = re.compile(
    r"\b(?:street|st\.|road|rd\.?|avenue|ave\.?|blvd|boulevard|lane|drive|highway|plaza|tower|building|bldg|"
    r"floor|suite|unit|room|plot|sector|industrial (?:area|estate|park)|p\.?o\.? box|jalan|jln|calle|rua|"
    r"avenida|av\.|ul\.|strasse|straße|str\.|via|crescent|district|city|zone|estate|market|no\.|km|level|terrace|"
    r"parade|close|court|square|quay|wharf|mall|centre|center|complex|house|phase|block|lot|sitio|barangay|"
    r"colonia|col\.|rodovia|quadra|sala|andar|bairro|cep|postcode|zip)\b",
    re.IGNORECASE)


@lru_cache(maxsize=8192)
def _is_signoff(text: str) -> tuple[bool, int]:
    """Whether a line is a sign-off; and where a name written after it starts ("Regards, Emeka")."""
    m = _SIGNOFF.match(text)
    if not m:
        return False, -1
    t = _SIGNOFF_TAIL.match(text, m.end())
    rest = text[t.end():]
    if not rest:
        return True, -1
    if _SLASH.match(rest) and _is_signoff(_SLASH.sub("", rest, count=1))[0]:
        return True, -1  # "Saludos / Best regards"
    if len(rest) > 40 or not _name_part(rest.strip(), alone=True, lower_ok=True):
        return False, -1
    return True, t.end()


@lru_cache(maxsize=8192)
def _is_prose(text: str) -> bool:
    """A line of the message itself rather than of a signature: a sentence, a question, a
    list of clauses. Contact and address lines never are."""
    if not text or _CONTACT_LABEL.match(text):
        return False
    return _sentence_like(text) and not (len(text) <= 110 and _is_address(text))


def _sentence_like(text: str) -> bool:
    if len(text) <= 80 and _legal_en(text):
        return False  # "Luz do Mar Engineering Co., Ltd."
    if len(text) > 110:
        return True
    if text.endswith(("?", "？")):
        return True
    han = len(_HAN_RX.findall(text))
    if han and _SENT_PUNCT.search(text, 0, len(text) - 1) and han > 8:
        return True
    if han > 12 and _CLAUSE_PUNCT.search(text):
        return True
    if han and text[-1] in "吗呢吧啊么" and not _org_zh(text.replace(" ", "")):
        return True  # a question; "…精酿酒吧" is a name
    if han > 8 and text[-1] in "。！？":
        return True  # a Chinese sentence; signature lines do not end with a full stop
    if han > 10 and sum(1 for w in text.split() if _HAN_RX.search(w)) >= 5:
        return True
    if han > 30 and not _org_zh(text.replace(" ", "")):
        return True
    words = text.split()
    latin_words = [w for w in words if _LATIN_RX.match(w)]
    if len(latin_words) >= 5:
        function = sum(1 for w in latin_words if w[0].islower() and w.strip(".,!?;:") in _FUNCTION_WORDS)
        if function >= 2 or (function >= 1 and text.endswith((".", "!"))):
            return True
    if len(latin_words) >= 14:
        return True
    return False


# Words of sentences that company, address and title lines do not use.
_FUNCTION_WORDS = frozenset(
    "to we i you is are was were can will please pls this that our your my me it be have has had need want would "
    "could should if so but not do does did us them they he she what how when which there here am just also "
    "sent review sign".split())


def _signature(lines: list[_Line]) -> tuple[list[_Line], int]:
    """The signature block's lines (in order) and, for a sign-off line carrying a name, the
    offset where that name starts (else -1)."""
    n = len(lines)
    last = n
    while last > 0 and (not lines[last - 1].text or _FOOTER.match(lines[last - 1].text)
                        or _DISCLAIMER.search(lines[last - 1].text)):
        last -= 1
    signoff, name_at = -1, -1
    for i in range(last - 1, max(-1, last - 26), -1):
        ok, at = _is_signoff(lines[i].text) if len(lines[i].text) <= 60 else (False, -1)
        if ok:
            signoff, name_at = i, (lines[i].start + at if at >= 0 else -1)
            break
    block: list[_Line] = []
    if signoff >= 0:
        for ln in lines[signoff + 1:last]:
            if _DISCLAIMER.search(ln.text):
                break
            if _is_prose(ln.text):
                if block:
                    break
                continue
            if ln.text and not _FOOTER.match(ln.text):
                block.append(ln)
        if block or name_at >= 0:
            return block, name_at
        last = signoff
    # No sign-off (or nothing after it): the trailing block of short lines.
    i = last
    while i > 0 and len(block) < 12:
        ln = lines[i - 1]
        if not ln.text or _FOOTER.match(ln.text):
            i -= 1
            continue
        if _DISCLAIMER.search(ln.text) or _is_prose(ln.text):
            if not block:
                block = _signed_after_sentence(ln)
            break
        if _ORDER_LINE().search(ln.text):
            break  # "管钳 10" CR-V 600把", "price CIF Callao": the request, above the signature
        block.append(ln)
        i -= 1
    block.reverse()
    return block, -1


# A line of the request itself: an item with its quantity, a numbered item, trade terms, a price question.
_ORDER_LINE = _lazy(
    r"\d\s{0,2}(?:pcs|pc|pieces|sets|units|rolls|ctns|cartons|tons|mt|kg|gsm|把|个|套|件|只|支|条|张|片|箱|包|袋|卷|"
    r"吨|公斤|斤|台|双|对|粒|颗|盒|桶|瓶|组|樘|盏|本)(?![A-Za-z])|^\d{1,2}[.)、]\s|"
    r"\b(?:CIF|CFR|FOB|EXW|DDP|DAP|FCA|MOQ|cif|cfr|fob|exw|ddp|dap|fca|moq)\b|报价|多少钱|[Pp]rice\b")
_LAST_SENTENCE_END = _lazy(r".*[。！？!?]")
_INLINE_SIGNATURE_MAX = 40


def _signed_after_sentence(ln: _Line) -> list[_Line]:
    """The signature a one-line message writes after its last sentence, as a line of its own:
    "…什么价？宏源贸易 宋经理 151…", "…报价。河北顺展建设工程有限公司 韩工"."""
    m = _LAST_SENTENCE_END().match(ln.text)
    if m is None:
        return []
    tail = ln.text[m.end():]
    lead = len(tail) - len(tail.lstrip())
    tail = tail.strip()
    if not 2 <= len(tail) <= _INLINE_SIGNATURE_MAX or _is_prose(tail) or _ZH_NOT_IN_ORG.search(tail):
        return []
    start = ln.start + m.end() + lead
    return [_Line(start, start + len(tail), tail)]


# --------------------------------------------------------------------------------------------
# Classing the parts of a line.

# A separator starts with a space or with one of its marks (the look-ahead lets the engine pass
# over every other character at once).
_SPLIT = re.compile(r"(?=[\s,，、;；|｜/／:：])(?:\s{0,3}(?:,(?!\s{0,2}(?:ltd|limited|inc|llc|l\.l\.c|s\.a|s\.r\.l|s\.p\.a|co\b|corp|pvt|pte|sdn|"
                    r"gmbh|plc|jsc|ltda|b\.v|n\.v|a\.s|ag\b|kg\b))|，|、|;|；|\||｜|/(?!\s{0,2}[A-Za-z]{1,3}\b)|／|"
                    r"\s-\s|\s–\s|\s—\s|\s@\s|:|：)\s{0,3}|\s{2,})", re.IGNORECASE)


@dataclass(slots=True)
class _Part:
    start: int
    end: int
    text: str
    kind: str = ""  # name, role, org, legal, address, contact, place, other


def _parts(line: _Line) -> list[_Part]:
    out = []
    pos = 0
    text = line.text
    for m in _SPLIT.finditer(text):
        if m.start() > pos:
            out.append(_Part(line.start + pos, line.start + m.start(), text[pos:m.start()]))
        pos = m.end()
    if pos < len(text):
        out.append(_Part(line.start + pos, line.start + len(text), text[pos:]))
    return [p for p in out if p.text.strip(" .,-()（）")]


@lru_cache(maxsize=8192)
def _zh_name(s: str, *, alone: bool = False) -> bool:
    """A Chinese personal name as people sign: 王磊, 欧阳娜娜, 王经理, 陈总, 小陈, 老赵, 阿杰,
    or (alone on a line) just the family name 周."""
    d = _data()
    if not s or not all(_HAN_RX.match(ch) for ch in s) or s in d.zh_not_names:
        return False
    if len(s) == 2 and s[0] in "小老阿" and (s[1] not in d.zh_not_given or s[1] in d.surnames):  # 老张
        return True
    for sur in (s[:2], s[:1]):
        if (len(sur) == 2 and sur in d.compound) or (len(sur) == 1 and sur in d.surnames):
            rest = s[len(sur):]
            if not rest:
                return alone
            if rest in d.zh_titles:
                return True
            if len(rest) <= 2 and not any(ch in d.zh_not_given for ch in rest):
                return True
            for t in d.zh_titles:
                if rest.endswith(t) and 0 < len(rest) - len(t) <= 2 and not any(
                        ch in d.zh_not_given for ch in rest[:-len(t)]):
                    return True  # 张涛经理? rare; keep the whole
            return False
    return False


def _en_tokens_name(tokens: list[str], *, lower_ok: bool = False) -> bool:
    d = _data()
    if not tokens or len(tokens) > 5:
        return False
    words = 0
    for i, tok in enumerate(tokens):
        t = tok.strip(",")
        low = t.lower().rstrip(".")
        if i == 0 and low in d.titles and len(tokens) > 1:
            continue
        if low in d.particles and 0 < i < len(tokens) - 1:
            continue
        if t == "Ah" and i < len(tokens) - 1 and tokens[i + 1][:1].isupper():
            words += 1  # "Ah Seng", "Tan Ah Kow": the Hokkien/Cantonese name prefix
            continue
        surname = i == len(tokens) - 1 and words >= 1 and low in _org_word_surnames()
        if low in d.not_names or low in d.roles or (low in d.org_words and not surname) or low in d.platforms:
            return False
        if _INITIAL.fullmatch(t):
            words += 1  # an initial
            continue
        if not _NAME_WORD.fullmatch(t):
            return False
        if t.isupper() and len(t.rstrip(".")) <= 2:
            return False  # "DM", "IG", "QQ"
        if not (t[0].isupper() or lower_ok):
            return False
        words += 1
    return words >= 1 and any(len(t.strip(",.")) > 1 and not _INITIAL.fullmatch(t) for t in tokens)


@lru_cache(maxsize=1)
def _org_word_surnames() -> frozenset[str]:
    """Family names that are also organisation words ("Mills"), lower-cased (org.toml)."""
    p = _org_toml()["person"]
    return frozenset(w.lower() for w in p["org_word_surnames"])


@lru_cache(maxsize=8192)
def _name_part(s: str, *, alone: bool = False, lower_ok: bool = False) -> bool:
    """A person's name as written on a signature line, in Latin or Han script or both:
    "Ahmed Hassan", "Mr. Khalid Rahman", "Nguyen Thi Thu Ha (Helen)", "Kelvin Tan 陈国伟",
    "王经理 Wang", "Lucy 潘", "李娜 / Li Na", "王磊"."""
    s = s.strip()
    if not s or len(s) > 60:
        return False
    # A parenthesis at the end: "(Helen)", "(张薇)", "(Mrs)".
    m = _TRAILING_PAREN.fullmatch(s)
    if m:
        inner = m.group(2).strip()
        if _is_place(inner) or not (_name_part(inner, alone=True) or inner.lower().rstrip(".") in _data().titles):
            return False
        s = m.group(1).strip()
    han = [t for t in s.split() if _HAN_RX.match(t)]
    latin = [t for t in s.split() if not _HAN_RX.match(t)]
    if any(_HAN_RX.search(t) and _LATIN_RX.search(t) for t in s.split()):
        # "Mr.Zhang" / "Jacky李" written together.
        m2 = _LATIN_THEN_HAN.fullmatch(s)
        if not m2:
            return False
        latin, han = [m2.group(1)], [m2.group(2)]
    if han:
        if len(han) > 2 or (len(han) == 2 and not latin and max(len(x) for x in han) > 1):
            return False  # "蔡明哲 廠長": a name and a title, read as two parts
        h = "".join(han)
        if latin:
            # With a Latin name beside it any 1–4 Han characters may be the name (德米特里).
            if not (_zh_name(h, alone=True) or (len(h) <= 4 and not any(c in _data().zh_not_given for c in h))):
                return False
        elif not _zh_name(h, alone=alone):
            return False
    if latin:
        toks = []
        for t in latin:
            toks.extend(x for x in _AFTER_DOT.split(t) if x)
        if not _en_tokens_name(toks, lower_ok=lower_ok):
            return False
    return bool(han or latin)


@lru_cache(maxsize=8192)
def _role_part(s: str) -> bool:
    d = _data()
    if _HAN_RX.search(s):
        h = "".join(s.split())
        if h in d.zh_roles or (len(h) <= 8 and _ends_with(h, d.zh_roles) and not _ends_with(h, d.zh_suffixes)):
            return True
        return bool(_ZH_DEPT.fullmatch(h)) and not _org_zh(h)
    words = [w.strip(".") for w in _ROLE_WORD.findall(s.lower())
             if w not in ("of", "and", "&", "for", "the", "to", "in", "at", "de", "-")]
    if not words or len(words) > 6:
        return False
    roles = sum(1 for w in words if w in d.roles)
    if _CAMEL.search(s):
        return False  # "GlobalTex Sourcing": a brand, not a job
    if _org_then_unit(s):
        return False  # "Saudi Aramco Procurement & Supply Chain": a name, then its unit
    return (roles >= 1 and 2 * roles >= len(words) or _unit_line(words)) and not _legal_en(s)


def _org_then_unit(s: str) -> bool:
    """Whether ``s`` is a name of two or more words other than roles, or one written in capitals
    or CamelCase, followed by a unit: "Saudi Aramco Procurement & Supply Chain", "Larimer County
    Purchasing", "PETRONAS Procurement"."""
    if _last_word(s) not in _unit_words()[2]:
        return False  # a quick test before the regex
    m = _units()[2].search(s)
    if not m:
        return False
    words = [w for w in _ROLE_WORD.findall(s[:m.start()]) if w[:1].isupper()]
    head = [w.lower() for w in words]
    if len(words) == 1 and ((words[0].isupper() and len(words[0]) >= 4) or _CAMEL.search(words[0])):
        return _brand_word(words[0])  # "PETRONAS Procurement", "PetroGulf Purchasing"
    return len(head) >= 2 and not any(w in _data().roles for w in head)


def _unit_line(words: list[str]) -> bool:
    """Lower-cased words naming a unit, not an organisation: "Vendor Registration Unit",
    "Procurement Section", "CSR Procurement Group" — a unit noun last ("Group" only after a
    unit qualifier), at most four words before it, none an organisation word or a place."""
    nouns, qualifiers, _ = _unit_words()
    if not 2 <= len(words) <= 5:
        return False
    last, head = words[-1], words[:-1]
    if not (last in nouns or (last == "group" and head[-1] in qualifiers)):
        return False
    d = _data()
    return not any(w in d.org_words or _is_place(w) for w in head)


def _last_word(s: str) -> str:
    words = s.rsplit(None, 1)
    return words[-1].lower().rstrip(".") if words else ""


@lru_cache(maxsize=1)
def _unit_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Lower-cased unit nouns that end a unit's line, the unit qualifiers, and the last words of
    the units cut after a name (org.toml)."""
    c = _org_toml()["company"]
    nouns = frozenset(w.lower().rstrip(".") for w in c["unit_line_nouns"])
    last = frozenset(_last_word(w) for w in c["unit_alone"] + c["unit_nouns"] + c["unit_nouns_qualified"])
    return nouns, frozenset(w.lower() for w in c["unit_qualifiers"]), last


@lru_cache(maxsize=8192)
def _org_zh(s: str) -> bool:
    """A Chinese organisation name: ends with 有限公司, 集团, 厂, 商行, 五金, 物流… and has a
    name before the ending."""
    d = _data()
    h = s.strip()
    n = _ends_with(h, d.zh_suffixes)
    if not n or len(h) - n < 2:
        return False
    head = h[:-n]
    if not (_HAN_RX.search(head) or _LATIN2.search(head)) or _ZH_BAD_HEAD.search(head) or _ZH_ANON_HEAD.match(head):
        return False
    if not _GENERIC_ZH.sub("", head):
        return False  # 外贸出口公司, 贸易公司: a kind of company, not a name
    return not _has_platform(h) or bool(_SHOP_ON_MARKETPLACE.match(h))


# "县教育局", "乡政府": an organisation left unnamed (the county's, the township's).
_ZH_ANON_HEAD = re.compile(r"[县乡镇](?:政府|教育|卫生|卫健|财政|交通|水利|水务|公安|民政|农业|林业|人民|第)")
# A shop on a retail marketplace is named after it: "淘宝光影灯饰", "天猫喜乐家纺旗舰店".
_SHOP_ON_MARKETPLACE = re.compile(r"(?:淘宝|天猫|京东|拼多多|抖音|快手|虾皮)(?![开上买卖的做有])[" + _HAN + r"A-Za-z]{2,}")
_GENERIC_ZH = re.compile(r"外贸|贸易|进出口|出口|进口|国际|工贸|商贸|实业|科技|工程|建筑|建设|物流|电子|机械|五金|"
                         r"服装|服饰|家具|食品|化工|一家|小型|大型|中型|私营|民营|国营|国有|合资|外资|连锁|批发|零售|"
                         r"装修|设计|广告|传媒|生产|制造|加工|销售|代理|采购|供应链|经销|分销|室内|家装|工装|个体|个人|自营|集中|统一|"
                         r"客户|客服|服务|安全|农资|农业|奶茶|饮品|水电|有机|健身|医械|医疗器械|燃气|上市|信任|养殖|"
                         r"数码|配件|母婴|宠物|网|抖音|淘宝|天猫|京东|拼多多|快手|房地产|地产|木业|KTV|集团")


@lru_cache(maxsize=8192)
def _legal_en(s: str) -> bool:
    """A Latin company name with its legal form: "Gulf Star General Trading LLC", "PT Surya
    Keramik", "Happy Paws Co., Ltd. Bangkok" (a city after the form)."""
    d = _data()
    first = s.split(" ", 1)[0]
    if first in d.prefixes and len(s.split()) >= 2 and _UPPER_AFTER_PREFIX.match(s, len(first)):
        return True
    forms = _legal_forms(s)
    if not forms:
        return False
    start, end = forms[-1]
    tail = s[end:]
    if not _ALNUM.search(s, 0, start):
        return False
    if not tail.strip(" .,;:") or _PAREN_TAIL.fullmatch(tail):
        return True
    return bool(_CITY_TAIL.fullmatch(tail) and end - start >= 3)


@lru_cache(maxsize=8192)
def _org_en(s: str) -> bool:
    d = _data()
    low = s.lower()
    words = _WORDS.findall(low)
    if any(w in d.org_words for w in words):
        return True
    return any(m in low for m in d.org_multi)


@lru_cache(maxsize=8192)
def _is_place(s: str) -> bool:
    d = _data()
    words = [w for w in _PLACE_TOKEN.findall(s.casefold().replace(".", "")) if w not in _PLACE_FILLERS]
    i, found = 0, False
    while i < len(words):
        for k in range(min(4, len(words) - i), 0, -1):
            if " ".join(words[i:i + k]) in d.places:
                i += k
                found = True
                break
        else:
            if not (words[i].isdigit() or len(words[i]) == 1):
                return False
            i += 1
    return found


@lru_cache(maxsize=8192)
def _is_address(s: str) -> bool:
    if len(_HAN_RX.findall(s)) > len(_LATIN_RX.findall(s)):
        if _ZH_NOT_ADDRESS.search(s):
            return False
        if _org_zh(s.replace(" ", "")):
            return False
        if _ZH_ADMIN_STREET.search(s) and (_DIGIT_OR_HAO.search(s) or len(s) >= 8):
            return True
        return bool(_DIGIT.search(s)) and len(_ZH_STREET_WORD.findall(s)) >= 2
    if not _DIGIT.search(s):
        return bool(_AREA_TAIL.search(s))  # "Balogun Market", "Naif Road"
    if _ADDRESS_START.match(s):
        return True
    return bool(_ADDRESS_EN.search(s) or _STREET_SUFFIX.search(s))


def _classify(part: _Part, *, alone: bool, after_signoff: bool) -> str:
    """What a part of a signature line is: name, role, legal / org / orgword (a company),
    address, contact, place, platform, mixed or other."""
    return _kind(part.text.strip(" .,;"), alone, after_signoff)


@lru_cache(maxsize=8192)
def _kind(s: str, alone: bool, after_signoff: bool) -> str:
    d = _data()
    if not s:
        return "other"
    if _CONTACT_LABEL.match(s) and not _name_part(s, alone=alone):
        return "contact"
    if "@" in s or _URLISH.search(s) or (_PHONE_LIKE.fullmatch(s) and len(_DIGIT.findall(s)) >= 6):
        return "contact"  # an address, a link, a number the phone reader left ("2781 5562")
    if _has_platform(s) and (not _legal_en(s) or s.lower() in {n for n, _ in d.platforms}) and not _HAN_RX.search(s):
        return "platform"
    han = bool(_HAN_RX.search(s))
    latin = bool(_LATIN_RX.search(s))
    if han and s.replace(" ", "") in d.zh_roles:
        return "role"
    if han and _org_zh(_END_PAREN.sub("", s.replace(" ", ""))):
        return "org"
    inner = _END_PAREN.search(s.replace(" ", "")) if han else None
    if inner and _org_zh(inner.group(0)[1:-1]):
        return "org"  # "朵朵家居（义乌市朵朵电子商务商行）": the legal name in brackets
    if latin and not han and (_last_word(s) in _unit_words()[0] or _last_word(s) == "group") and \
            _unit_line([w.strip(".") for w in _ROLE_WORD.findall(s.lower())]):
        return "role"  # "CSR Procurement Group", "Vendor Registration Unit"
    if latin and _legal_en(s):
        return "legal"
    if latin and not han and _is_place(s):
        return "place"
    if _is_address(s):
        return "address"
    if _name_part(s, alone=alone, lower_ok=after_signoff and alone):
        return "name"
    if _role_part(s):
        return "role"
    if han and not latin and len(s) <= 3 and _is_place_zh(s):
        return "place"
    if latin and _org_en(s) and _titlecase(s):
        return "orgword"
    if han and latin:
        return "mixed"
    return "other"


def _is_place_zh(s: str) -> bool:
    d = _data()
    return _place_key(s) in d.places or s in d.zh_places or (len(s) <= 4 and s[-1:] in "市省县区州镇") or \
        bool(_ZH_ADMIN_PLACE.fullmatch(s))


_ZH_WHERE_END = re.compile(r"(?:区|县|镇|乡|街道|路|街|号|市|省)$")


def _where_zh(s: str) -> bool:
    """A Chinese place or address fragment: "香港", "历城区王舍人街道"."""
    return bool(s) and bool(_HAN_RX.match(s)) and (_is_place_zh(s) or bool(_ZH_WHERE_END.search(s)))


def _titlecase(s: str) -> bool:
    words = [w for w in _TITLE_WORD.findall(s) if w.lower() not in _CONNECTORS]
    if not words:
        return False
    return sum(1 for w in words if w[0].isupper() or w[0].isdigit()) >= max(1, int(0.75 * len(words)))


# --------------------------------------------------------------------------------------------
# Reading the signature.

@dataclass(frozen=True, slots=True)
class _Cand:
    value: str
    start: int
    end: int
    score: int


def _greeting(text: str) -> bool:
    return bool(_GREETING_START.match(text) or _GREETING_END.search(text))


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start] in " \t,.;:，；：-–—|/·*":
        start += 1
    while end > start and norm[end - 1] in " \t,;:，；：-–—|/·*":
        end -= 1
    # A dot ends "Ltd." and "Co." but not a sentence: keep it only after a short word.
    if end > start and norm[end - 1] == "." and not _ABBREV_DOT.search(norm, max(start, end - 12), end):
        end -= 1
    return start, end


def _prose_before(text: str, form_start: int) -> int:
    """Where the name before a legal form starts when words of a sentence precede it: the
    capitalised run before the form ("greetings from team Al Noor Trading LLC", "My company
    name is Bright Star Trading Ltd." → from "Al", "Bright"); 0 when no lower-case word stops it."""
    words = list(_TOKEN.finditer(text, 0, form_start))
    begin = None
    for w in reversed(words):
        core = w.group(0).strip(",.;:()")
        if not core:
            continue
        if core[0].isupper() or core[0].isdigit() or core.lower() in _CONNECTORS or core == "&" or \
                not _LATIN_RX.match(core):
            begin = w.start()
            continue
        if len(core) >= 2 and core.isalpha() and core.islower() and begin is not None:
            while text[begin:].split(" ", 1)[0].lower() in _CONNECTORS:  # "the Bright Star Ltd" starts at "Bright"
                nxt = text.find(" ", begin)
                if nxt < 0 or nxt >= form_start:
                    break
                begin = nxt + 1
            return begin
        return 0
    return 0


def _org_span(norm: str, parts: list[_Part], i: int, seen_name: bool = False) -> tuple[int, int]:
    """The company's span from part ``i``: joined with the next part when that continues the
    name in the other script ("Happy Time Toys Ltd 歡樂時光玩具有限公司"), a unit of it
    ("全球采购中心", "济南高新区项目部") or a parenthesis ("(SABIC)")."""
    d = _data()
    p = parts[i]
    start, end = p.start, p.end
    text = norm[start:end]
    # Cut Latin words after a legal form ("Happy Paws Co., Ltd. Bangkok").
    if p.kind == "legal":
        forms = _legal_forms(text)
        if forms:
            last_end = forms[-1][1]
            tail = text[last_end:]
            mpar = _DOT_PAREN.match(tail)
            if mpar and _is_place(mpar.group(0).strip(" .()（）")):
                mpar = None  # "S.A.C. (Peru)": where, not who
            keep = last_end + (mpar.end() if mpar else (1 if tail.startswith(".") else 0))
            start += _prose_before(text, forms[-1][0])
            text = norm[start:end]
            keep -= start - p.start
            rest = text[keep:]
            if not _HAN_RX.search(rest):
                end = start + keep
            else:
                # "… Ltd 歡樂時光玩具有限公司": keep the Han name after it.
                hm = _HAN_RX.search(rest)
                if hm is not None and _org_zh(rest[hm.start():].strip().replace(" ", "")):
                    end = start + len(text.rstrip())
                elif hm is not None and _OPEN_PAREN.match(rest):
                    end = start + len(text.rstrip())
                else:
                    end = start + keep
    if i > 0 and p.kind in ("orgword", "legal") and parts[i - 1].kind == "zhalt" and \
            _SPACES13.fullmatch(norm, parts[i - 1].end, start):
        start = parts[i - 1].start
    if i > 0 and p.kind == "org":
        q = parts[i - 1]
        if q.kind in ("orgword", "legal", "other", "mixed") and not _HAN_RX.search(q.text) and "\n" not in \
                norm[q.end:start] and _SPACES13.fullmatch(norm, q.end, start) and _titlecase(q.text):
            start = q.start  # "Grand Lotus Hotel Macau 澳門金蓮酒店"
    for j in range(i + 1, min(i + 3, len(parts))):
        q = parts[j]
        gap = norm[end:q.start]
        if "\n" in gap:
            break
        qs = q.text.strip()
        cont = False
        if q.kind in ("org", "legal", "orgword") and (_HAN_RX.search(qs) is None) != (_HAN_RX.search(norm[start:end]) is None):
            cont = True  # the same name in the other script
        elif q.kind == "mixed" or (q.kind in ("other", "place") and _HAN_RX.search(qs) and not _HAN_RX.search(norm[start:end])
                                    and len(qs) >= 2 and not _is_place_zh(qs)):
            cont = not _zh_name(qs.replace(" ", ""), alone=True)
        elif _HAN_RX.search(qs) and not _LATIN_RX.search(qs) and _HAN_RX.search(norm[start:end]):
            h = qs.replace(" ", "")
            if len(h) >= 6 and _ZH_UNIT_END.search(h) and not _role_part(h):
                cont = True  # 济南高新区项目部, 全球采购中心
            elif _ZH_UNIVERSITY.search(norm, start, end) and _ZH_ACADEMIC_UNIT.search(h):
                cont = True  # 山东大学 机械工程学院: a university's school is part of the name
        elif _PAREN_ONLY.fullmatch(qs):
            cont = True
        elif p.kind == "orgword" and q.kind in ("other", "place") and not _HAN_RX.search(qs) and _titlecase(qs) \
                and len(qs.split()) >= 2 and _COMMA_GAP.fullmatch(gap):
            cont = True  # "National Department of Health, Republic of South Africa"
        elif q.kind == "zhalt":
            cont = True  # "Hekuang Design Studio 禾光設計"
        elif p.kind == "org" and q.kind in ("other", "name", "orgpos") and not _HAN_RX.search(qs) and _titlecase(qs) \
                and len(qs.split()) <= 4 and _SPACES13.fullmatch(gap) and (
                    (seen_name and len(qs.split()) >= 2) or not _name_part(qs)):
            cont = True  # "深圳途岚机器人科技有限公司 Tulan Robotics", not "偉興裝飾 Kenny"
        if not cont:
            break
        end = q.end
    m = _MEMBER_PAREN.search(norm, start, end)
    if m:
        end = m.start()  # "广州童乐幼教用品（会员 tongle_edu）": an account, not the name
    return _trim(norm, start, end)


_PAR = r"\([^()\n]{1,30}\)"
_LAT = rf"[^\s{_HAN}()]+"
_CHUNK = re.compile(rf"[{_HAN}][{_HAN}\d*]*(?:\s?{_PAR}[{_HAN}\d]*)*|(?:{_LAT}|{_PAR})(?:\s{{1,2}}{_LAT}|\s{{0,2}}{_PAR})*")


def _split_line_parts(line: _Line) -> list[_Part]:
    """Parts, with Chinese parts further cut at single spaces between Han words
    ("河北润泽管道工程有限公司 采购部 邵建军") while Latin runs stay whole."""
    out: list[_Part] = []
    for p in _parts(line):
        if not _HAN_RX.search(p.text):
            out.append(p)
            continue
        # Cut at spaces and at script changes, keeping Latin word runs together.
        chunks = list(_CHUNK.finditer(p.text))
        if _name_part(p.text) and not (len(chunks) > 1 and any(_org_zh(m.group(0)) for m in chunks)):
            out.append(p)  # "Kenny Chan 陳家豪" is one name; "安記餅家 Ana" a shop and a name
            continue
        if len(chunks) <= 1:
            out.append(p)
            continue
        for m in chunks:
            out.append(_Part(p.start + m.start(), p.start + m.end(), m.group(0)))
    return out


def _merge_han_latin_names(parts: list[_Part], norm: str) -> list[_Part]:
    """Join "Lucy" + "潘", "陈家明" + "Kelvin" back into one name part."""
    out: list[_Part] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        if i + 1 < len(parts):
            q = parts[i + 1]
            gap = norm[p.end:q.start]
            if _NAME_GAP.fullmatch(gap):
                joined = norm[p.start:q.end]
                han = p.text if _HAN_RX.search(p.text) else q.text
                # "安記餅家 Ana": a shop and its owner's name, not one bilingual name.
                if (bool(_HAN_RX.search(p.text)) != bool(_HAN_RX.search(q.text))) and _name_part(joined) \
                        and not _org_zh(han.replace(" ", "")):
                    out.append(_Part(p.start, q.end, joined))
                    i += 2
                    continue
        out.append(p)
        i += 1
    return out


class _Text:
    """The normalised text, a lower-cased copy of the same length (cue words are matched
    there, without slow case-insensitive patterns), its lines, and the regions read: all of
    it, or for a very long text its head and its tail (introductions open a mail, signatures
    end it)."""

    __slots__ = ("norm", "low", "regions", "lines", "_low_parts")

    def __init__(self, norm: str) -> None:
        n = len(norm)
        if n <= 3 * _WINDOW:
            regions: tuple[tuple[int, int], ...] = ((0, n),)
        else:
            head = norm.rfind("\n", 0, _WINDOW)
            head = _WINDOW if head <= 0 else head
            tail = norm.find("\n", n - _WINDOW)
            tail = n - _WINDOW if tail < 0 else tail + 1
            regions = ((0, head), (tail, n))
        low = norm.lower()
        if len(low) != n:  # "İ" lower-cases to two characters: keep offsets aligned
            low = norm.translate(_ASCII_LOWER)
        self.norm, self.low, self.regions = norm, low, regions
        self.lines = [ln for a, b in regions for ln in _lines(norm, a, b)]
        self._low_parts = [low[a:b] for a, b in regions] if len(regions) > 1 else [low]

    def find(self, rx: re.Pattern[str], low: bool = True) -> Iterator[re.Match[str]]:
        """Matches of ``rx`` in the regions read, on the lower-cased copy unless ``low`` is False."""
        text = self.low if low else self.norm
        for a, b in self.regions:
            yield from rx.finditer(text, a, b)

    def has(self, words: tuple[str, ...]) -> bool:
        """Whether any of ``words`` (lower case) occurs: a quick test before a pattern is run."""
        for part in self._low_parts:  # plain loops: this runs a few dozen times per text
            for w in words:
                if w in part:
                    return True
        return False


_WINDOW = 4000
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def _signature_finds(t: _Text) -> tuple[list[_Cand], list[_Cand]]:
    """Companies and persons of the signature block and of address blocks in the text
    ("Sample address:\nMr. Richard Cole\nBeverly Global Imports\n…"), best first."""
    norm = t.norm
    lines = t.lines
    block, name_at = _signature(lines)
    first = next((ln.start for ln in lines if ln.text), -1)
    companies, persons = _read_block(norm, block, name_at, first, 0)
    end = block[0].start if block else len(norm)
    seen = 0
    for i, ln in enumerate(lines):
        if ln.start >= end or ln.text[-1:] not in ":：" or not _ADDRESS_INTRO.search(ln.text[-24:]):
            continue
        seen += 1
        if seen > 3:
            break
        sub = []
        for nl in lines[i + 1:i + 7]:
            if not nl.text or _is_prose(nl.text) or nl.start >= end:
                break
            sub.append(nl)
        c, p = _read_block(norm, sub, -1, first, -15)
        companies += c
        persons += p
    return companies, persons


_ADDRESS_INTRO = re.compile(r"(?:address|deliver(?:y)? to|ship to|send (?:it |them )?to|收件地址|收货地址|寄件地址|地址|寄到|"
                            r"收件人)\s{0,3}[:：]\s{0,3}$", re.IGNORECASE)
_ADDRESS_LABEL = re.compile(r"(?:add|addr|address|地址|公司地址|收件地址|收货地址)\b\.?\s{0,3}[:：]", re.IGNORECASE)
_OWN_LABEL = re.compile(r"联系|咨询|报名|询价|采购|负责|经办|姓名|地址|收件|收货|寄件|contact|attn|name|address|"
                        r"ship to|deliver", re.IGNORECASE)
_THIRD_LABEL = re.compile(r"agent|beneficiary|bank|forwarder|notary|consignee|notify|courier|收款|户名|开户|银行|货代|代理|"
                          r"公证|检测|质检|指定", re.IGNORECASE)


# A signature's motto or trade line framed by marks: "★誠信為本 品質第一★", "【专营各类阀门】".
_SLOGAN = re.compile(r"^[★☆◆◇■□●○♦※❀✿【〖].{2,60}[★☆◆◇■□●○♦※❀✿】〗]$")
_ACCOUNT_LINE = _lazy(r"户名|帐号|账号|帐户|账户|收款人|[Aa]ccount (?:[Nn]o|[Nn]umber|[Nn]ame)|\b(?:A/C|a/c|IBAN|SWIFT)\b")


def _read_block(norm: str, block: list[_Line], name_at: int, first: int, bonus: int
                ) -> tuple[list[_Cand], list[_Cand]]:
    companies: list[_Cand] = []
    persons: list[_Cand] = []
    if name_at >= 0:
        line_end = norm.find("\n", name_at)
        line_end = len(norm) if line_end < 0 else line_end
        s, e = _trim(norm, name_at, line_end)
        if s < e and _name_part(norm[s:e], alone=True):
            persons.append(_Cand(norm[s:e], s, e, 30 + bonus))
    seen_name = bool(persons)
    after_position = False  # the line right after the name / title lines
    after_unit = False  # the line right after a unit's own line, no name above
    for li, line in enumerate(block):
        if li == 0 and _greeting(line.text):
            continue
        if line.start == first and line.text[-1:] in ":：,，":
            continue  # "王经理：" opening the message: the addressee
        if _SLOGAN.match(line.text):
            continue  # "★專營各式螺絲、五金工具★": a motto or trade line, not a line of the message
        parts = _merge_han_latin_names(_split_line_parts(line), norm)
        if not parts:
            continue
        alone = len(parts) == 1
        for p in parts:
            p.kind = _classify(p, alone=alone, after_signoff=li == 0)
        if _CONTACT_LABEL.match(line.text) and not _name_part(parts[0].text) and not _ADDRESS_LABEL.match(line.text):
            after_position = False
            continue
        if _COLON_AHEAD.match(norm, parts[0].end) and parts[0].kind != "contact":
            # "Agent: Rahul Verma", "所在地区：江苏": names on a labelled line are read by the label
            # readers; an organisation on it is the customer's unless the label names a third party.
            if not _THIRD_LABEL.search(parts[0].text):
                k = next((k for k, p in enumerate(parts[1:], 1) if p.kind == "legal" or (
                    p.kind == "org" and _ends_with(_END_PAREN.sub("", p.text.replace(" ", "")), _data().zh_legal))), None)
                if k is not None:
                    s, e = _org_span(norm, parts, k)
                    companies.append(_Cand(norm[s:e], s, e, 35 + bonus - li))
                if _OWN_LABEL.search(parts[0].text):
                    # "报名咨询：沈佳怡", "地址：…269号 李双": the customer's own name after its label.
                    k = next((k for k, p in enumerate(parts[1:], 1) if p.kind == "name"), None)
                    if k is not None:
                        s, e = _trim(norm, parts[k].start, parts[k].end)
                        persons.append(_Cand(norm[s:e], s, e, 14 + bonus))
            after_position = False
            continue
        if _ACCOUNT_LINE().search(line.text):
            after_position = False
            continue  # "中国银行青岛市南支行 户名：周丽 6217…": the bank or the payee, not the writer
        kinds = [p.kind for p in parts]
        if _is_address(line.text) and not any(k in ("legal", "org") for k in kinds):
            after_position = False
            continue
        has_name = "name" in kinds
        others = [k for k, p in enumerate(parts) if p.kind == "other" and not _small(p.text)]
        rest_ok = len(others) == 1 and all(q.kind in ("name", "role", "contact", "place") or _small(q.text)
                                           for i, q in enumerate(parts) if i != others[0])
        if len(others) == 1 and (has_name or after_position) and (alone or rest_ok) and \
                _zh_plain_name(parts[others[0]].text, before_name=others[0] == 0 or not has_name):
            parts[others[0]].kind = "zhco"  # "宁波鼎诚 吴海涛", "陈国明\n泰国金丰水处理"
        if len(others) == 1 and not _HAN_RX.search(parts[others[0]].text) and others[0] > 0 and \
                any(q.kind == "role" for q in parts[:others[0]]) and _company_shaped(parts[others[0]].text):
            parts[others[0]].kind = "orgpos"  # "Operations Manager, Holloway & Rose"
        for i in range(1, len(parts)):
            q = parts[i]
            if parts[i - 1].kind == "name" and "@" in norm[parts[i - 1].end:q.start] and q.kind != "place" \
                    and not _HAN_RX.search(q.text) and _company_shaped(q.text):
                q.kind = "orgpos"  # "Maya @ Salt & Sage": a name at its business
        for i, q in enumerate(parts):
            # "禾光設計 Hekuang Design Studio", "Pet Fair Asia 亚宠展": one name in two scripts.
            if q.kind == "other" and _HAN_RX.search(q.text) and not _LATIN_RX.search(q.text) and any(
                    parts[j].kind in ("orgword", "legal") and not _HAN_RX.search(parts[j].text) and
                    _SPACES13.fullmatch(norm, min(q.end, parts[j].end), max(q.start, parts[j].start))
                    for j in (i - 1, i + 1) if 0 <= j < len(parts)) and _zh_plain_name(q.text, bilingual=True):
                q.kind = "zhalt"
        kinds = [p.kind for p in parts]
        clean = all(k != "other" or _small(p.text) for k, p in zip(kinds, parts))
        if sum(1 for k, p in zip(kinds, parts) if k in ("other", "mixed") and not _small(p.text)
               and (_HAN_RX.search(p.text) or _LOWER_WORD.search(p.text))) >= 2 \
                and not any(k in ("legal", "org", "name") for k in kinds):
            # A line of the message itself: what came before it is not the signature.
            companies = [c for c in companies if c.start < block[0].start]
            persons = [c for c in persons if c.start < block[0].start]
            seen_name = bool(persons)
            after_position = False
            continue
        for k, p in enumerate(parts):
            if p.kind == "name":
                extends = bool(persons) and _fuller(persons[-1].value, p.text.strip())  # "Graham" / "Graham Pickles"
                if _name_role_then(parts, k) and not extends and _org_shaped_latin(p.text, True):
                    p.kind = "orgpos"  # "Ken Liu | Purchasing | Voltek": a name, a title, then the company
                    break
                role_before = any(q.kind == "role" for q in parts[:k])
                if ((seen_name and ((k == 0 and after_position) or role_before)) or (k == 0 and after_unit)) and \
                        li > 0 and not extends and not _HAN_RX.search(p.text) and \
                        _org_shaped_latin(p.text, alone or (role_before and k == len(parts) - 1)):
                    # Name-like words below the name and title, or after a title on its line, or below a
                    # unit's line ("Accounts Team\nPacific Tradelink"): "Powerline Gensets", "Sourcing Lead –
                    # Stryde Active", "Singh Tyre House, Jalandhar".
                    p.kind = "orgpos"
                    break
                if clean or all(q.kind in ("name", "role", "zhco", "contact", "place", "orgpos") or _small(q.text)
                                for q in parts):
                    s, e = _trim(norm, p.start, p.end)
                    persons.append(_Cand(norm[s:e], s, e, 30 + bonus - li))
                    seen_name = True
        # One company per line: a legal form first, else the last part with an organisation word
        # ("School of Design, University of Leeds"), else a part placed where the company goes.
        pick = next(((k, 40) for k, p in enumerate(parts) if p.kind in ("legal", "org")), None)
        latin_rest = all(k != "other" or _small(p.text) or (not _HAN_RX.search(p.text) and _titlecase(p.text))
                         for k, p in zip(kinds, parts))
        if pick is None and latin_rest:
            pick = next(((k, 30) for k in range(len(parts) - 1, -1, -1) if parts[k].kind == "orgword"), None)
        if pick is None:
            pick = next(((k, 20) for k, p in enumerate(parts) if p.kind == "orgpos" or (
                p.kind in ("other", "mixed") and after_position and _company_shaped(p.text)
                and (alone or (all(q.kind == "place" for q in parts if q is not p)
                               and not _DIGIT_OR_PAREN.search(p.text))))), None)  # "Light for Nepal, Kathmandu"
        if pick is None:
            pick = next(((k, 18) for k, p in enumerate(parts) if p.kind == "zhco"), None)
        if pick is not None:
            s, e = _org_span(norm, parts, pick[0], seen_name)
            companies.append(_Cand(norm[s:e], s, e, pick[1] + bonus - li))
        after_position = any(k in ("name", "role") for k in kinds) and \
            not any(k in ("address", "contact") for k in kinds) and (seen_name or "role" in kinds)
        after_unit = not seen_name and alone and kinds[0] == "role" and _unit_line(
            [w.lower().rstrip(".") for w in parts[0].text.split()])  # "Accounts Team", "Management Office"
    return companies, persons


def _name_role_then(parts: list[_Part], k: int) -> bool:
    """Whether Latin part ``k`` is the last of its line and follows a name and then a title on it."""
    if k != len(parts) - 1 or _HAN_RX.search(parts[k].text):
        return False
    name = next((i for i in range(k) if parts[i].kind == "name"), None)
    return name is not None and any(parts[i].kind == "role" for i in range(name + 1, k))


_ZH_NOT_IN_NAME = re.compile(r"[的了吗呢吧啊呀您你我他她它请要想需谢收寄给看与及或但也都还又就才再很更最多少几些每该此那这么什"
                             r"谁哪怎为因所虽而且并不没别从往对把被让叫使由至前后左右等例比样价款钱件个次吨斤米元号到发"
                             r"已经过好可能会]")


# A shop named after its owner, Cantonese style: 荣记, 郭记, 旺记 ("Wing Kee").
_ZH_KEE = re.compile(f"[{_HAN}]{{1,2}}记")


def _zh_plain_name(s: str, before_name: bool = True, bilingual: bool = False) -> bool:
    """A Chinese company or shop name written without a legal form: 4–14 Han characters that
    read like a name, not like a sentence, a place, an address or a job."""
    h = _END_PAREN.sub("", s.replace(" ", ""))  # "轩宇数码（淘宝店）"
    if not 2 <= len(h) <= 14 or not all(_HAN_RX.match(c) for c in h) or (
            len(h) < 4 and not (bilingual or _ZH_KEE.fullmatch(h))):
        return False
    d = _data()
    if _ZH_NOT_IN_NAME.search(h) or h in d.zh_roles or _role_part(h) or _is_place_zh(h) or _is_address(h):
        return False
    if len(_GENERIC_ZH.sub("", h)) < 2:
        return False  # "室内装修": a trade, not a name
    if not before_name and any(h.startswith(pl) and len(h) - len(pl) <= 2 for pl in d.zh_places):
        return False  # "上海浦东" after a name: where they are
    return True


def _small(s: str) -> bool:
    """A leftover too small to make a line prose: "收", "（微信同号）", a city "无锡"."""
    s = s.strip(" ()（）")
    return (len(s) <= 3 and not _ZH_KEE.fullmatch(s)) or bool(_SAME_NUMBER.fullmatch(s))


def _org_shaped_latin(s: str, alone: bool = False) -> bool:
    """Latin words that can be a company although they read like a name: two or more words,
    or one word alone on its line below the name ("Meblolux", "PCL", "AvtoDetal-Import") that
    is not a place."""
    d = _data()
    if _is_place(s):
        return False
    words = s.split()
    if len(words) >= 2:
        return not (len(words) == 2 and words[0].lower().rstrip(".") in d.titles)
    w = words[0] if words else ""
    if _CAPS.fullmatch(w) or _CAMEL.search(w) or ("-" in w and not _DIGIT.search(w)):
        return True
    return alone and len(w) >= 4 and w.lower() not in d.not_names


def _company_shaped(s: str) -> bool:
    s = s.strip()
    if _HAN_RX.search(s) and not _LATIN_RX.search(s):
        return False  # a Chinese name without an organisation ending is not taken by position
    if _HAN_RX.search(s):
        latin = _HAN_PAREN.sub(" ", s).strip()
        return bool(latin) and _titlecase(latin) and len(latin.split()) <= 6
    words = s.split()
    if not 1 <= len(words) <= 8 or _DIGITS3.search(s):
        return False
    low = {w.lower().strip(".,") for w in words}
    if low & {"dear", "hi", "hello", "thanks", "regards", "sent", "from", "please", "pls"}:
        return False
    return _titlecase(s) or (len(words) == 1 and bool(_LATIN_RX.match(s)))


# --------------------------------------------------------------------------------------------
# Labelled values and self-introductions anywhere in the text.

_PERSON_LABEL = re.compile(
    r"(?:联系人|询价人|发送者|采购人|经办人|姓名|contact person|contact name|attn\.?|attention)\s{0,3}[:：]?\s{0,40}"
    r"[(（]?(?P<v>[^\n,，;；:：()（）]{1,40})")
# "Buyer: X Co.", "采购商：浙江**食品有限公司" (a platform masks part of it: still its name), 买家“临沂鑫达农机配件厂 周先生”.
_BUYER_LABEL = re.compile(r"(?:买家(?:会员名|名称)?|采购商|采购单位|查询者|buyer|(?<![^\n])[ \t]{0,4}from)\s{0,3}(?:buyer\s{0,3})?"
                          r"(?:[:：]\s{0,3}(?P<v>[^\n]{1,100})|[“\"「【](?P<q>[^”\"」】\n]{2,60})[”\"」】])")
# A relay's "inquiry from Luis Paredes (Agroprocess SAC, Peru)", "来自 Luis Paredes (Agroprocess SAC, Peru) 的询盘".
_INQUIRY_FROM_ORG = _lazy(r"(?:inquiry from|message from|来自)\s{1,3}(?:buyer\s{1,3})?[^\n()（）]{2,40}?\s{0,2}"
                               r"[(（](?P<v>[^\n()（）,，]{2,60})[,，)）]")
_BRACKETED = re.compile(r"[(（]([^()（）\n]{2,60})[)）]")
# A platform relay's buyer and contact, one in brackets after the other: "买家 杭州衣朵服饰有限公司（周女士）
# 向您发起了询价", "询盘人：钱先生（苏州恒裕机电设备有限公司）".
_BUYER_PAIR = re.compile(r"(?:买家|买主|采购商|询盘人|询价人)(?:名称)?\s{0,3}[:：]?\s{0,3}(?P<a>[^\s，,。:：()（）]{2,40})\s{0,2}"
                         r"[(（](?P<b>[^\n()（）]{2,40})[)）]")
_BUYER_PAIR_CUES = ("买家", "买主", "采购商", "询盘人", "询价人")
_BUYER_CUES = ("买家", "采购商", "采购单位", "查询者", "buyer", "from:")
_CONTACT_CALL = re.compile(r"联系(?:电话|方式|手机)?\s{0,3}[:：]?\s{0,40}[(（]?(?P<v>[" + _HAN + r"]{2,4})")
_PAREN_NAME = re.compile(r"[(（](?P<v>[" + _HAN + r"]{2,4})[)）]")
_INQUIRY_FROM = re.compile(r"(?:new inquiry from|inquiry from|message from)\s{1,3}(?P<v>[a-z][^\n()]{1,40}?)\s{0,3}(?:\(|$)",
                           re.MULTILINE)
_EN_PERSON_INTRO = re.compile(
    r"(?:my name is|this is|i am|i'm|im)\s{1,3}(?P<v>(?:(?:mr|mrs|ms|dr|eng|engr)\.?\s{1,2})?[a-z][\w'’-]{1,20}"
    r"(?:\s{1,2}[a-z][\w'’-]{1,20}){0,3})")
_ZH_LATIN_NAME_INTRO = re.compile(r"(?:我是|我叫)[^\n，,。]{0,30}?(?:的|采购|经理|负责人|老板)\s{0,2}"
                                  r"(?P<v>[A-Z][A-Za-z'-]{1,20}(?:\s[A-Z][A-Za-z'-]{1,20})?)(?![A-Za-z])")
_ZH_PERSON_INTRO = re.compile(r"(?:我是|我叫|本人|鄙人)(?P<v>[^\s,，。.!！；;:：、]{2,40})")
# A web form's or portal's field opening its line: "Name: Shane Doherty", "Event contact: Megan Ruiz".
_FORM_NAME_LABEL = re.compile(
    r"(?:^|\n)[ \t]{0,8}(?:full name|your name|name|contact|event contact|requester|requested by|submitted by|"
    r"sender|称呼|您的称呼|客户称呼|买家称呼|留言人|收件人)[ \t]{0,3}[:：][ \t]{0,3}(?P<v>[^\n,，;；:：()（）]{1,40})")
_FORM_NAME_CUES = ("name", "contact", "request", "submitted", "sender", "称呼", "留言人", "收件人")
# A relay's buyer named between "买家" and the verb: "买家 周女士 通过1688向您发来询价".
_BUYER_NAMED = _lazy(r"买家\s{1,3}(?P<v>[" + _HAN + r"]{2,4})\s")
_PERSON_LABEL_CUES = ("联系人", "询价人", "发送者", "采购人", "经办人", "姓名", "contact", "attn", "attention")
_COMPANY_LABEL_CUES = ("公司", "单位", "company", "organi", "抬头")
_EN_COMPANY_CUES = ("greeting", "we are", "we're", "this is", "i am", "i'm", "i work", "behalf", "represent",
                    "company", "firm", "organis", "organiz", "business", "writing from", "contacting you from",
                    "here at", "i head", "i own", "i run", "we run", "we own", "i manage", "owner of", "founder of")
_ZH_COMPANY_CUES = ("我们", "我司", "我公司", "本公司", "我单位", "这里是", "这边是", "我哋", "我地", "我系", "我是", "我 是", "代表",
                    "偶是", "偶们")
_COMPANY_LABEL = re.compile(
    r"(?:^|\n)\s{0,8}(?:公司名称|公司|单位名称|单位|company name|company|organi[sz]ation|organi[sz]ed by|buying organi[sz]ation|"
    r"开票抬头|发票抬头|抬头)"
    r"\s{0,3}[:：]\s{0,3}(?P<v>[^\n]{2,80})")
_INVOICE_TO = re.compile(r"发票开(?:给)?(?P<v>[" + _HAN + r"A-Za-z0-9（）()]{4,30})")
# The leading look-aheads of the two introductions below name the characters a cue can start
# with: the engine then passes over every other position at once instead of trying each cue.
_EN_COMPANY_INTRO = re.compile(
    r"(?=[gwmocitrhf])"
    r"(?:greetings from|greeting from|warm greetings from|(?:my|our) (?:company|firm|organi[sz]ation|business)"
    r"(?:(?: name)? is)?|company name is|(?:we are|we're|i am|i'm|writing|contacting you) from|"
    r"we are|we're|this is .{1,30}? from|i am .{1,40}? (?:from|of|at)|"
    r"i'm .{1,30}? from|i work (?:for|at|with)|on behalf of|representing|here at|i head [a-z ]{1,20} at|"
    r"i own|i run|we run|we own|i manage|owner of|founder of|co-founder of|i'm with|i am with)"
    r"\s{1,3}(?P<v>[^\W_][^\n;:!?()]{1,80})")
_LATIN_ALT_NAME = re.compile(r"\s(?P<v>[A-Z][A-Za-z&'.-]*(?:\s[A-Z][A-Za-z&'.-]*){0,3})(?=\s{0,2}(?:[,，。.!！;；]|$))")
_LATIN_TAIL = re.compile(r"\s[A-Za-z&'. -]+$")
_ZH_HELLO_SELF = re.compile(r"(?:你好|您好)\s{0,2}[,，!！]\s{0,2}(?P<v>[^\n,，。.!！；;:：、?？]{4,30})"
                            r"(?=[,，。.])")
_ZH_COMPANY_INTRO = re.compile(
    r"(?=[我本这代偶])"
    r"(?:(?:我们|我|我司)(?:是|系)?来自[^\n,，。的]{1,12}的|我们是|偶们是|偶是|我们这里是|我们这边是|我司是|我司为|我司系|我公司是|我公司为|本公司是|本公司为|我单位是|我单位为|这里是|这边是|"
    r"(?<![销售业务首席驻华])代表|"
    r"我哋系|我地系|我们系|我系|我\s?是|我们|我司|我哋|我地)\s{0,2}(?P<v>[^\n,，。.!！；;:：、?？]{3,40})")


# "我们是做工装的，合肥华庭装饰工程有限公司", "我们是做电子组装的工厂（东莞凯讯电子）", "我们是做抖音带货的小鹿好物":
# the business described, then its name (after a comma, in brackets or straight after 的).
_ZH_TRADE_SELF = re.compile(
    r"(?=[我本])(?:我们公司|我们|我|我司|本公司|我公司)(?:是|系)[^\n，,。！!？?]{0,16}?(?:做|开|经营|搞)[^\n，,。！!？?（(]{1,24}?的"
    r"(?:团队|工厂|厂家|厂|公司|商家|卖家|店铺|店|门店|网店|品牌|主播)?\s{0,2}(?:[，,]\s{0,2})?(?:[（(]\s{0,2})?"
    r"(?P<v>[^\n,，。.!！；;:：、?？()（）]{2,40})")
# "店铺叫"暖暖家居生活馆"", "我们门店名叫鲜果时光", "公司名称是XX": a shop's or company's name given outright.
_ZH_NAMED_AS = re.compile(
    r"(?=[店铺门网公品工])(?:店铺|门店|网店|店|公司|品牌|工作室)(?:名字|名称|名)?(?:叫做|叫|是|为)\s{0,2}"
    r"(?P<q>[“\"「『])?(?P<v>[^\n“”\"「」『』,，。.!！；;:：、?？]{2,30})")
_ZH_OTHER_BEFORE = re.compile(r"[你您贵]|他们|她们|别人|朋友|客户")
# "我在安哥拉罗安达做批发，Kimbo Comercial Lda。", "开店的，Loja Ping Acessórios": a Latin name
# (with a legal form or an organisation word) right after the business described.
_ZH_DESCRIBED_LATIN = re.compile(r"(?=[做开经])(?:做|开|经营)[^\n，,。！!？?]{0,24}?[，,]\s{0,2}(?P<v>[A-Z][^\n，,。!！？?；;]{2,60})")
_ZH_YOU_BEFORE = re.compile(r"[你您](?!好)|贵|他们|她们|别人|朋友|客户")
# "我们是 Penang 的 PawPals，", "我們是高雄的 GymLab，": where the writer is, then the Latin name.
_ZH_PLACE_DE_LATIN = re.compile(r"(?=[我偶])(?:我们是|偶们是|我们系|我哋系|我哋|我地系)\s{0,2}[^\n，,。的]{1,14}的\s{0,2}"
                                r"(?P<v>[A-Z][A-Za-z0-9&'’.-]*(?:\s[A-Z0-9][A-Za-z0-9&'’.-]*){0,4})(?=\s{0,2}(?:[，,。.!！;；]|$))")
_ZH_NOT_IN_ORG = re.compile(r"[了吗呢吧啊呀您你我他她它请要想需谢给看与及或但也就才再很更最么什谁哪怎因虽而且并不没别从往对把被让使]")
# "我是河北冀丰复合肥的采购赵国庆", "张经理您好，天津海运达国际物流的Jason。": an organisation whose
# role or person follows 的 opens the writer's self-introduction, whatever its name ends with.
_ZH_DE_ROLE = re.compile(r"的\s{0,2}(?=采购|经理|总经理|老板|负责人|厂长|业务|销售|主管|总监|助理|工程师|小[" + _HAN + r"]|"
                         r"[A-Z][a-z]{1,12}\b)")
_ZH_SELF_CUE = re.compile(r"我们是|我是|我系|这里是|这边是|偶们是|偶是")
_CLAUSE_START = frozenset("\n，,。:：!！")


def _org_before_de(norm: str, de: int) -> tuple[int, int] | None:
    """The Chinese run just before 的 at ``de`` when it opens a clause or follows "我是"."""
    a = de
    while a > de - 22 and a > 0 and _HAN_RX.match(norm, a - 1):
        a -= 1
    if a > 0 and _HAN_RX.match(norm, a - 1):
        return None  # a longer run: a sentence, not a name
    cue = _ZH_SELF_CUE.match(norm, a, de)
    if cue:
        a = cue.end()
    else:
        k = a
        while k > 0 and norm[k - 1] in " \t":
            k -= 1
        if k > 0 and norm[k - 1] not in _CLAUSE_START:
            return None
    if not 4 <= de - a <= 16 or norm[a] in "我这":
        return None
    return a, de


def _zh_trade_companies(t: _Text) -> list[_Cand]:
    """A Chinese writer's own business named after describing it, or given as its shop's name."""
    norm = t.norm
    out: list[_Cand] = []
    if t.has(("做", "开", "经营", "搞")):
        for m in t.find(_ZH_TRADE_SELF):
            span = _company_from_phrase(norm, *m.span("v"))
            if span and _org_zh(norm[span[0]:span[1]].replace(" ", "")):
                out.append(_Cand(norm[span[0]:span[1]], span[0], span[1], 8))
        out += _described_latin(t)
    if t.has(("我们是", "偶们是", "我们系", "我哋")):
        for m in t.find(_ZH_PLACE_DE_LATIN, low=False):
            a, b = _trim(norm, *m.span("v"))
            v = norm[a:b]
            if b > a and (_CAMEL.search(v) or _legal_en(v) or _org_en(v) or not _name_part(v)) \
                    and not _has_platform(v) and not _is_place(v):
                out.append(_Cand(v, a, b, 8))
    if t.has(("的",)):
        for m in t.find(_ZH_DE_ROLE, low=False):
            found = _org_before_de(norm, m.start())
            if not found:
                continue
            a, b = found
            v = norm[a:b]
            if _PRONOUN_ZH.search(v) or _ZH_NOT_IN_ORG.search(v) or _ZH_NOT_COMPANY_START.match(v) \
                    or _ZH_BAD_HEAD.search(v) or _THIRD_PARTY_ZH.search(v) or _is_place_zh(v) or _zh_name(v):
                continue
            span = _company_from_phrase(norm, a, b)
            a, b = span if span else (a, b)
            out.append(_Cand(norm[a:b], a, b, 8))
    if t.has(("叫", "名称是", "名称为", "名是", "名为")):
        for m in t.find(_ZH_NAMED_AS):
            line_start = norm.rfind("\n", 0, m.start()) + 1
            if _ZH_OTHER_BEFORE.search(norm, max(line_start, m.start() - 12), m.start()):
                continue  # "你们店叫什么", "我朋友的店叫…": not the writer's
            a, b = _trim(norm, *m.span("v"))
            v = norm[a:b]
            if b > a and _HAN_RX.search(v) and (m.group("q") or _org_zh(v.replace(" ", ""))) \
                    and not _ZH_NOT_IN_NAME.search(v[:1]) and not _has_platform(v):
                out.append(_Cand(v, a, b, 8))
    return out


def _described_latin(t: _Text) -> list[_Cand]:
    """A Latin company name written right after the Chinese description of the business."""
    norm = t.norm
    out: list[_Cand] = []
    for m in t.find(_ZH_DESCRIBED_LATIN, low=False):
        line_start = norm.rfind("\n", 0, m.start()) + 1
        if _ZH_YOU_BEFORE.search(norm, line_start, m.start()):
            continue  # "你们是做螺栓的，…": not the writer's
        span = _company_from_phrase(norm, *m.span("v"))
        if not span:
            continue
        v = norm[span[0]:span[1]]
        if (_legal_en(v) or (_org_en(v) and _titlecase(v))) and not _has_platform(v):
            out.append(_Cand(v, span[0], span[1], 8))
    return out


# A relay's profile line: "Director at Kamau Hardware & Building Supplies | Nairobi",
# "Rafael Costa · Brazil · Owner, Casa Pet Moema Ltda".
_PROFILE_SEP = re.compile(r"\s[|·•]\s")
_ROLE_THEN_ORG = re.compile(r"(?:\s(?:at|@)|,)\s(?=[A-Z0-9])")
_COMMA_CLAUSE = re.compile(r",\s{0,2}(?=[a-z])")
_PROFILE_NOT_ORG = re.compile(r"[:：\"“”!?？]")


def _profile_companies(t: _Text) -> list[_Cand]:
    """The company of a job title written "<title> at <company>" or "<title>, <company>" as one
    segment of a short line (a social or platform profile, a signature)."""
    if not t.has((" at ", ", ", " @ ")):
        return []
    norm = t.norm
    out: list[_Cand] = []
    for m in t.find(_ROLE_THEN_ORG, low=False):
        # The segment: from the line's start or its last " | " / " · " to its end or its next one.
        ls = norm.rfind("\n", 0, m.start()) + 1
        if m.start() - ls > 160:
            continue
        a = max([ls] + [x.end() for x in _PROFILE_SEP.finditer(norm, ls, m.start())])
        if m.start() - a > 50 or not norm[a:a + 1].isupper():
            continue  # a job title is short and capitalised ("Director at …", "Owner, …")
        le = norm.find("\n", m.end())
        le = len(norm) if le < 0 else le
        if le - ls > 160 or _DIGIT.search(norm, a, m.start()) or not _role_part(norm[a:m.start()]):
            continue
        nxt = _PROFILE_SEP.search(norm, m.end(), le) or _COMMA_CLAUSE.search(norm, m.end(), le)
        b = nxt.start() if nxt else le  # "…at Atlas Mining Equipment, sent you a message"
        at = norm.rfind(" at ", m.end(), b)  # "Category Manager, Electrical Consumables at Voltra Pty Ltd"
        s, e = _trim(norm, at + 4 if at >= 0 else m.end(), b)
        v = norm[s:e]
        if 1 < len(v) <= 70 and not _PROFILE_NOT_ORG.search(v) and (_legal_en(v) or _org_en(v) or _org_zh(v)) \
                and not _is_place(v) and not _has_platform(v):
            out.append(_Cand(v, s, e, 7))
    return out


def _buyer_pairs(t: _Text) -> tuple[list[_Cand], list[_Cand]]:
    """A relayed buyer's organisation and contact written as a pair, either in brackets."""
    norm = t.norm
    companies: list[_Cand] = []
    persons: list[_Cand] = []
    for m in (t.find(_BUYER_PAIR) if t.has(_BUYER_PAIR_CUES) else ()):
        spans = [_trim(norm, *m.span("a")), _trim(norm, *m.span("b"))]
        for (a, b), (c, d) in (spans, spans[::-1]):
            org, who = norm[a:b], norm[c:d]
            if (_org_zh(org.replace(" ", "")) or _legal_en(org)) and _name_part(who, alone=True):
                companies.append(_Cand(org, a, b, 14))
                persons.append(_Cand(who, c, d, 12))
                break
    return companies, persons


def _label_persons(t: _Text) -> list[_Cand]:
    norm = t.norm
    out: list[_Cand] = []
    for rx, score, cues in ((_PERSON_LABEL, 12, _PERSON_LABEL_CUES), (_FORM_NAME_LABEL, 12, _FORM_NAME_CUES),
                            (_BUYER_LABEL, 11, ("买家", "buyer")),
                            (_INQUIRY_FROM, 11, (" from",)), (_CONTACT_CALL, 10, ("联系",))):
        if not t.has(cues):
            continue
        for m in t.find(rx):
            s, e = m.span("v")
            if s < 0:
                # 买家“临沂鑫达农机配件厂 周先生”: the company is read by the company reader, the name is last.
                q = norm[m.start("q"):m.end("q")].rsplit(None, 1)
                if len(q) == 2 and _zh_name(q[1]):
                    out.append(_Cand(q[1], m.end("q") - len(q[1]), m.end("q"), score))
                continue
            if rx is _INQUIRY_FROM and not norm[s].isupper():
                continue
            cut = _VALUE_END.search(norm, s, e)  # "Luis Quispe, Agroinsumos del Sur S.A.C."
            e = cut.start() if cut else e
            if _THIRD_LABEL.search(norm, max(0, m.start() - 16), m.start() + 2):
                continue  # "质检中心（联系人钱工…）", "Agent contact: …": someone else's contact
            s, e = _trim(norm, s, e)
            v = norm[s:e]
            # Keep the name only: "刘先生（广东 佛山）", "李处长 158…", "Somchai P. (Thailand)".
            cut = _LABEL_VALUE.match(v)
            cands = []
            if _HAN_RX.match(v):
                m2 = _HAN_RUN6.match(v)
                if m2:
                    h = m2.group(0)
                    for k in range(len(h), 1, -1):
                        if _zh_name(h[:k]):
                            cands.append((s, s + k))
                            break
                mix = _HAN_THEN_LATIN.match(v)
                if mix and _name_part(mix.group(0)):
                    cands.insert(0, (s, s + mix.end()))
            elif cut:
                words = v.split()
                for k in range(min(len(words), 5), 0, -1):
                    cand = " ".join(words[:k])
                    if _name_part(cand):
                        cands.append((s, s + len(cand)))
                        break
            if cands:
                a, b = _trim(norm, *cands[0])
                out.append(_Cand(norm[a:b], a, b, score))
    for m in (t.find(_BUYER_NAMED()) if t.has(("买家",)) else ()):
        if _zh_name(m.group("v")):
            out.append(_Cand(m.group("v"), *m.span("v"), 11))
    for m in (t.find(_PAREN_NAME) if t.has(("(",)) else ()):
        v = m.group("v")
        before = norm[max(0, m.start() - 40):m.start()]
        if _zh_name(v) and _CALL_WORD.search(before) and _BLANKED_END.search(before):
            s, e = m.span("v")
            out.append(_Cand(v, s, e, 9))
    return out


def _intro_persons(t: _Text) -> list[_Cand]:
    norm = t.norm
    out: list[_Cand] = []
    for m in (t.find(_EN_PERSON_INTRO) if t.has(("my name is", "this is", "i am", "i'm", "im ")) else ()):
        s, e = m.span("v")
        words = norm[s:e].split()
        for k in range(len(words), 0, -1):
            cand = " ".join(words[:k])
            if _name_part(cand) and cand.lower() not in _data().roles:
                out.append(_Cand(cand, s, s + len(cand), 8))
                break
    for m in (t.find(_ZH_LATIN_NAME_INTRO, False) if t.has(("我是", "我叫")) else ()):
        s, e = m.span("v")
        if _name_part(norm[s:e]):
            out.append(_Cand(norm[s:e], s, e, 7))  # "我是高雄「鼎昌國際」的 Vincent", "我是 GlobalTex 采购 Lina"
    for m in (t.find(_ZH_PERSON_INTRO) if t.has(("我是", "我叫", "本人", "鄙人")) else ()):
        v = norm[m.start("v"):m.end("v")]
        s = m.start("v")
        # "我是X公司的采购经理方建平" / "我是刘洋" / "我是黔南州…中心刘主任": the name ends the phrase.
        best = None
        for k in range(min(len(v), 6), 1, -1):
            tail = v[-k:]
            head = v[:-k]
            if _zh_name(tail) and (not head or _BEFORE_NAME.search(head)):
                best = (s + len(v) - k, s + len(v))
                break
        if best is None:
            m2 = _FIRST_NAME.match(v)
            if m2 and _name_part(m2.group(0)):
                best = (s, s + m2.end())
        if best:
            out.append(_Cand(norm[best[0]:best[1]], best[0], best[1], 7))
    return out


def _company_from_phrase(norm: str, s: int, e: int) -> tuple[int, int] | None:
    """The organisation name at the start of a phrase ("Al Noor General Trading LLC, Dubai",
    "台州永力电机有限公司的采购经理方建平"), or None."""
    d = _data()
    v = norm[s:e]
    q = _QUOTED.match(v)
    if q and _HAN_RX.search(q.group(2)) and not _THIRD_PARTY_ZH.search(q.group("pre") or ""):
        return _trim(norm, s + q.start(2), s + q.end(2))  # 我是高雄「鼎昌國際」的 Vincent
    if _HAN_RX.match(v):
        # Cut at 的 / a role word / the end; the name must end with a Chinese ending.
        m = _ZH_PHRASE.match(v)
        if not m:
            return None
        h = m.group(0)
        best = None
        # The longest prefix that is an organisation name.
        for k in range(len(h), 2, -1):
            if _org_zh(h[:k]) and (k == len(h) or not _HAN_RX.match(h[k]) or h[k:k + 1] in "的嘅" or
                                   _zh_rest_ok(h[k:])):
                best = k
                break
        if best is None:
            return None
        return _trim(norm, s, s + best)
    lead = _THE.match(v)
    if lead:
        s += lead.end()
        v = v[lead.end():]
    if _NOT_A_NAME_START.match(v):
        return None
    words = list(_TOKEN.finditer(v))
    # Extend over capitalised words and connectors; stop at a lower-case word that is not a connector.
    end = None
    last_legal = None
    for i, w in enumerate(words):
        t = w.group(0)
        core = t.strip(",.;:()")
        if not core or (i == 0 and not (core[0].isupper() or core[0].isdigit())):
            break
        if t.endswith(":"):
            break
        if core[0].isupper() or core[0].isdigit() or core.lower() in ("&", "and", "of", "de", "del", "for", "the",
                                                                      "do", "da", "e", "y", "la", "z", "o.o.") \
                or _legal_key(core) in d.legal_keys or core == "&":
            end = w.end()
            if t.endswith(",") and not _LEGAL_AFTER_COMMA.match(v, w.end()):
                break
            if t.endswith(".") and len(core) > 3 and _legal_key(core) not in d.legal_keys:
                break  # the end of a sentence, not of "Co." / "Ltd."
            continue
        break
    while end is not None and words and v[:end].split()[-1].lower() in _TRAILING_CONNECTORS:
        # "from Seattle for a job interview": a connector does not end a name
        kept = v[:end].rsplit(None, 1)[0] if len(v[:end].split()) > 1 else ""
        end = len(kept) if kept else None
    if end is None:
        return None
    # End at the last legal form inside the run ("Al Noor General Trading LLC, Dubai").
    forms = _legal_forms(v[:end].rstrip(",;"))
    if forms and _ALNUM.search(v, 0, forms[-1][0]):
        end = forms[-1][1]
    a, b = _trim(norm, s, s + end)
    if b <= a:
        return None
    return a, b


def _zh_rest_ok(rest: str) -> bool:
    """What may follow a company named in a self-introduction: 的…, a job, or a unit and a
    name ("总务处张主任")."""
    if _ZH_AFTER_COMPANY.match(rest) or _zh_name(rest) or _role_part(rest):
        return True  # "千星传媒选品总监", "佳禾包装老张", "第三人民医院设备科的"
    m = _ZH_UNIT_NAME.match(rest)
    return bool(m and _zh_name(m.group("n")))


def _label_companies(t: _Text) -> list[_Cand]:
    norm = t.norm
    out: list[_Cand] = []
    for m in (t.find(_COMPANY_LABEL) if t.has(_COMPANY_LABEL_CUES) else ()):
        s, e = _trim(norm, *m.span("v"))
        v = norm[s:e]
        if "*" in v or _has_platform(v):
            continue
        parts = _split_line_parts(_Line(s, e, v))
        if parts:
            p = parts[0]
            p.kind = _classify(p, alone=len(parts) == 1, after_signoff=False)
            if p.kind in ("name", "contact", "address") or (p.kind == "role" and _all_roles(p.text)):
                continue  # not "Company: El Nour for Import & Export", a name beside trade words
            a, b = _org_span(norm, parts, 0)
            if b > a:
                out.append(_Cand(norm[a:b], a, b, 15))
    for m in (t.find(_BUYER_LABEL) if t.has(_BUYER_CUES) else ()):
        s, e = _trim(norm, *m.span("v" if m.start("v") >= 0 else "q"))
        v = norm[s:e]
        # "Jessica Moore | United States | Salt & Fern Co.", "Abdullah Trading Co. (Saudi Arabia)",
        # "朵朵家居（义乌市朵朵电子商务商行）".
        parts = _split_line_parts(_Line(s, e, v))
        for k, p in enumerate(parts):
            p.kind = _classify(p, alone=len(parts) == 1, after_signoff=False)
        for k, p in enumerate(parts):
            if p.kind in ("legal", "org") or (p.kind == "orgword" and k > 0 and parts[k - 1].kind == "name"):
                # "From: Olumide Adeyemi, Adeyemi Global Concepts, Nigeria": the company after the buyer
                a, b = _without_name_paren(norm, *_org_span(norm, parts, k))
                out.append(_Cand(norm[a:b], a, b, 14))
                break
        else:
            # "Buyer: Kim Sung-ho (Hanjin Global Trading)": the company in brackets after the name.
            for pm in _BRACKETED.finditer(norm, s, e):
                a, b = _trim(norm, *pm.span(1))
                w = norm[a:b]
                if b > a and (_legal_en(w) or _org_en(w) or _org_zh(w)) and not _is_place(w) and not _has_platform(w):
                    out.append(_Cand(w, a, b, 14))
                    break
    for m in (t.find(_INQUIRY_FROM_ORG()) if t.has(("from", "来自")) else ()):
        a, b = _trim(norm, *m.span("v"))
        w = norm[a:b]
        if b > a and (_legal_en(w) or _org_en(w) or _org_zh(w)) and not _is_place(w) and not _has_platform(w):
            out.append(_Cand(w, a, b, 14))
    for m in (t.find(_INVOICE_TO) if t.has(("发票开",)) else ()):
        s, e = m.span("v")
        v = norm[s:e]
        m2 = _INVOICE_NAME.match(v)
        if m2 and len(m2.group(0)) >= 4 and (_org_zh(m2.group(0)) or _company_shaped(m2.group(0))):
            out.append(_Cand(m2.group(0), s, s + m2.end(), 6))
    return out


def _without_name_paren(norm: str, a: int, b: int) -> tuple[int, int]:
    """A relayed buyer without the contact in brackets after it: "临沂鑫盛五金机电（刘老板）"."""
    m = _END_PAREN.search(norm, a, b)
    if m and m.start() > a and _name_part(norm[m.start() + 1:m.end() - 1].strip(), alone=True):
        return _trim(norm, a, m.start())
    return a, b


def _all_roles(s: str) -> bool:
    """Whether every word of ``s`` but connectors is a job or department word ("Sales & Marketing")."""
    roles = _data().roles
    words = [w.strip(".") for w in _ROLE_WORD.findall(s.lower()) if w not in _CONNECTORS and w != "&"]
    return bool(words) and all(w in roles for w in words)


# A student's or applicant's school is not a customer's company.
_STUDENT = re.compile(r"学生|本科|研究生|硕士|博士生|毕业生|应届|student|graduate|researcher|undergraduate|phd|"
                      r"dissertation|thesis|apply for", re.IGNORECASE)


_FROM_PLACE = re.compile(r"\s{1,2}(?:from|in|based in)\s{1,2}[A-Z]")


# A procurement system's relay opens with the buying organisation: "ThermaFab Industries has sent
# you Purchase Order #PO-88412", "Harlow Industrial Supply has sent you an invoice".
# A person relayed the same way: "Patricia Gomez sent you a document to review and sign",
# "Robert Hayes, Procurement Director at …, sent you a message".
_SENT_YOU = re.compile(r"^[ \t]{0,4}(?P<v>[A-Z][^\n:;]{1,100}?),?\s(?:has\s|have\s)?(?:sent|issued)\s(?:you|an?)\s",
                       re.MULTILINE)
_SENT_YOU_ZH = _lazy(r"^[ \t]{0,4}(?P<v>[^\s:;][^\n:;]{1,40}?)\s{0,2}传送了讯息给", re.MULTILINE)  # Facebook


def _relayed_senders(t: _Text) -> tuple[list[_Cand], list[_Cand]]:
    """The organisation or the person a relay names as the one sending the order or message."""
    if not t.has((" sent you", " issued you", " has issued", " has sent", " sent a message", "传送了讯息给")):
        return [], []
    companies: list[_Cand] = []
    persons: list[_Cand] = []
    for m in (*t.find(_SENT_YOU, low=False), *t.find(_SENT_YOU_ZH(), low=False)):
        a, b = _trim(t.norm, *m.span("v"))
        v = t.norm[a:b]
        if _has_platform(v) or _NOT_A_NAME_START.match(v):
            continue
        if "," not in v and (_legal_en(v) or (_org_en(v) and _titlecase(v))):
            companies.append(_Cand(v, a, b, 8))
            continue
        comma = v.find(",")
        who = v if comma < 0 else v[:comma]
        if _name_part(who):
            persons.append(_Cand(who, a, a + len(who), 11))
    return companies, persons


# After a name: a kind of place ("Mary province"), or a comma and a known place ("Osh, Kyrgyzstan").
_PLACE_KIND_AFTER = re.compile(r"\s{1,2}(?:province|region|oblast|state|district|county|prefecture|governorate|city)\b", _I)
_COMMA_PLACE = re.compile(r"\s{0,2},\s{0,2}(?P<p>[A-Z][\w'’ -]{1,30}?)(?=\s{0,2}(?:[,.;!?]|$))", re.MULTILINE)


def _place_after(norm: str, end: int) -> bool:
    """Whether the name ending at ``end`` is a place: "Mary province", "Osh, Kyrgyzstan"."""
    if _PLACE_KIND_AFTER.match(norm, end):
        return True
    m = _COMMA_PLACE.match(norm, end)
    return bool(m and _is_place(m.group("p")))


def _person_then_from(cue: str) -> bool:
    """Whether an introduction cue names its writer before "from": "i am salma from", "this is
    raj from" (then what follows is where the writer works, even a one-word brand)."""
    words = cue.split()
    return len(words) >= 3 and words[-1] == "from" and words[0] in ("i", "i'm", "this", "im")


def _intro_companies(t: _Text) -> list[_Cand]:
    norm = t.norm
    out: list[_Cand] = []
    for m in (t.find(_EN_COMPANY_INTRO) if t.has(_EN_COMPANY_CUES) else ()):
        s, e = m.span("v")
        if _STUDENT.search(m.group(0)):
            continue
        span = _company_from_phrase(norm, s, e)
        if not span:
            continue
        v = norm[span[0]:span[1]]
        cue = m.group(0)[:m.start("v") - m.start()].lower()
        if cue.rstrip().endswith(("company", "firm", "business", "organisation", "organization")) and \
                (not norm[span[0]].isupper() or v.split()[0].lower() in _FUNCTION_WORDS):
            continue  # "our company Harbour Gear", not "our company has…" / "OUR COMPANY HAS BEEN…"
        strong = any(w in cue for w in ("greeting", "from", "behalf", "work", "represent", " at", "own", "run",
                                         "manage", "founder", "with", "company", "firm", "organi", "business"))
        if _has_platform(v):
            continue
        owns = any(w in cue for w in ("own", "run", "founder", "manage")) or bool(_APPOSITIVE.match(norm, span[1]))
        # After "I am Salma from" the person is named already; "We are X from Chonburi" is a business.
        placed = _person_then_from(cue) or (cue.split()[0] in ("we", "we're") and bool(_FROM_PLACE.match(norm, span[1])))
        if _place_after(norm, span[1]) and not (_legal_en(v) or _org_en(v)):
            continue  # "I am from Mary province", "from Osh, Kyrgyzstan": where, not who
        if _legal_en(v) or _org_en(v) or _org_zh(v.replace(" ", "")) or (
                strong and _titlecase(v) and (owns or not _name_part(v)) and not _is_place(v)) or (
                placed and _titlecase(v) and not _is_place(v)):
            if v.lower().split()[0] in ("a", "an", "the", "interested", "looking", "one", "very", "now", "also"):
                continue
            out.append(_Cand(v, span[0], span[1], 9 if (_legal_en(v) or _org_en(v)) else 7))
    for m in (t.find(_ZH_COMPANY_INTRO) if t.has(_ZH_COMPANY_CUES) else ()):
        s, e = m.span("v")
        v = norm[s:e]
        if _STUDENT.search(v):
            continue
        if _ZH_NOT_COMPANY_START.match(v):
            continue
        span = _company_from_phrase(norm, s, e)
        if not span:
            continue
        if m.group(0)[:s - m.start()].strip() in ("我哋", "我地") and norm[span[1]:span[1] + 1] not in _CLAUSE_START:
            continue  # "我哋照明顧問會行 simulation": a bare 我哋 names its business only as a clause
        quoted = span[0] > 0 and norm[span[0] - 1] in "「『“\"" and _HAN_RX.search(norm, span[0], span[1])
        tail = _LATIN_ALT_NAME.match(norm, span[1]) if _HAN_RX.search(norm, span[1] - 1, span[1]) else None
        if tail and _org_zh(norm[span[0]:span[1]].replace(" ", "")):
            span = (span[0], tail.end("v"))  # "我們是動力健身 POWER FIT，": one name in two scripts
        c = norm[span[0]:span[1]]
        if quoted or _org_zh(c.replace(" ", "")) or _org_zh(_LATIN_TAIL.sub("", c).replace(" ", "")) or _legal_en(c) or (
                not _HAN_RX.search(c) and _ZH_ROLE_AFTER.match(norm, span[1])
                and (_org_en(c) or _CAMEL.search(c) or len(c.split()) >= 2) and not _name_part(c)):
            out.append(_Cand(c, span[0], span[1], 8))
    # "你好，深圳飞宇无人机。附件…": the writer's organisation right after the greeting.
    for m in (t.find(_ZH_HELLO_SELF) if t.has(("你好", "您好")) else ()):
        lo = max(0, m.start() - 6)
        ls = norm.rfind("\n", lo, m.start())
        if (ls < 0 and lo > 0) or norm[ls + 1 if ls >= 0 else lo:m.start()].strip():
            continue  # "王经理你好，…": the greeting must open its line
        a, b = _trim(norm, *m.span("v"))
        if b > a and _org_zh(norm[a:b].replace(" ", "")) and not _ZH_NOT_COMPANY_START.match(norm, a):
            out.append(_Cand(norm[a:b], a, b, 8))
    # "(Kopi Teh Bar, 14 outlets)", "Maple Hardware (62 stores, …)", "my store "KH Select"",
    # "PlaySmart Philippines here, we supply…".
    spans: list[tuple[int, int]] = []
    named: set[tuple[int, int]] = set()  # spans the context itself marks as a business's name
    if t.has(("我校", "我司", "我公司", "我单位", "我院", "本公司", "本校")):
        for m in t.find(_OUR_PAREN):
            if _org_zh(m.group("v").replace(" ", "")):
                spans.append(m.span("v"))  # "我校（聊城市实验小学）"
    if t.has(("(",)):
        named.update(m.span("v") for m in t.find(_PAREN_COUNT))  # "(Kopi Teh Bar, 14 outlets)"
        spans += sorted(named)
        for m in t.find(_COUNT_AFTER):
            # "Maple Hardware (62 stores, …)": capitalised words opening a sentence before "(N stores".
            stop = m.start()
            while stop > m.start() - 2 and norm[stop - 1:stop] in (" ", "\t"):
                stop -= 1
            lo = max(0, stop - 160)
            ls = max(norm.rfind("\n", lo, stop) + 1, norm.rfind(". ", lo, stop) + 2, lo)
            w = _CAP_WORDS.fullmatch(norm, ls, stop)
            if w:
                spans.append(w.span("v"))
    if t.has(('"', "“", "'", "‘")) and t.has(("my ", "our ")):
        spans += [m.span("v") for m in t.find(_QUOTED_STORE)]
    if t.has((" here",)):
        for m in t.find(_HERE_WORD):
            nl = norm.rfind("\n", max(0, m.start() - 160), m.start())
            w = _CAP_WORDS.fullmatch(norm, nl + 1, m.start()) if nl >= 0 or m.start() <= 160 else None
            if w:
                spans.append(w.span("v"))
    out += _described_then_bracketed(t)
    for s, e in spans:
        a, b = _trim(norm, s, e)
        v = norm[a:b]
        if b > a and (_titlecase(v) or _HAN_RX.search(v)) and (
                (s, e) in named or not _name_part(v) or _CAMEL.search(v) or _org_en(v)) \
                and not _has_platform(v) and len(v) >= 2 and not _is_place(v) and not _is_place_zh(v):
            out.append(_Cand(v, a, b, 7))
    return out


# "I run a small Etsy shop (Moss & Paw)", "a small dealer in Kumasi (Boateng Auto Spares, Suame
# Magazine)", "我在迪拜龙城做日用品批发（嘉华贸易 Jiahua General Trading LLC）": the writer's business
# described, then its name in brackets within the same sentence.
_DESCRIBED_BRACKET = re.compile(
    r"(?=[imwo我])(?<![a-z])(?:i am|i'm|i run|i own|i have|we are|we're|we run|we own|we have|my (?:father|mother|family|wife|husband)"
    r"(?:'s)? (?:has|runs|owns)|our|我们|我|我司|我哋)[^\n()（）.。!?！？]{2,80}?[(（](?P<v>[^\n()（）,，;；]{2,50})[,，;；)）]")
_BUSINESS_NOUN = re.compile(r"\b(?:shop|store|dealer|dealership|business|company|firm|restaurant|cafe|café|bakery|boutique|"
                            r"brand|label|studio|salon|clinic|pharmacy|workshop|factory|agency|distributor|importer|"
                            r"wholesaler|retailer|trader|contractor|hotel|farm|bar|kiosk|outlet|chain|kitchen)s?\b|"
                            r"做|开|经营|店|铺|公司|厂|批发|生意|商行")
_PRONOUN_OTHER = re.compile(r"[贵你您]|\byour\b")
_HAN_THEN_LATIN_NAME = re.compile(r"[" + _HAN + r"]{2,}(?=\s{1,2}[A-Za-z])")


def _described_then_bracketed(t: _Text) -> list[_Cand]:
    """The writer's business named in brackets after its description (``_DESCRIBED_BRACKET``);
    of a name written in two scripts, the first ("嘉华贸易 Jiahua General Trading LLC")."""
    if not t.has(("(", "（")):
        return []
    norm = t.norm
    out: list[_Cand] = []
    for m in t.find(_DESCRIBED_BRACKET):
        if not _BUSINESS_NOUN.search(t.low, m.start(), m.start("v")) or \
                _PRONOUN_OTHER.search(t.low, m.start(), m.start("v")):
            continue  # not "我在招聘网站上看到贵公司招聘外贸业务员（轴承方向）"
        a, b = _trim(norm, *m.span("v"))
        two = _HAN_THEN_LATIN_NAME.match(norm, a, b)
        if two:
            b = two.end()
        v = norm[a:b]
        if b <= a or _has_platform(v) or _is_place(v) or _is_place_zh(v) or _SAME_NUMBER.fullmatch(v):
            continue
        if _DIGIT.search(v):
            continue  # "(KN-208)", "(District 5, …)": a model, an address
        if _HAN_RX.search(v):
            ok = _zh_plain_name(v) or (_org_zh(v.replace(" ", "")) and _HAN_RX.match(v))
        else:
            ok = _titlecase(v) and (_legal_en(v) or _org_en(v) or (len(v.split()) >= 2 and not _name_part(v)))
        if ok:
            out.append(_Cand(v, a, b, 7))
    return out


_UNITS = r"(?:outlets|stores|shops|branches|locations|restaurants|clinics|pharmacies|hotels|centres|centers|" \
         r"间|家|个)"
_PAREN_COUNT = re.compile(r"[(（](?P<v>[A-Za-z" + _HAN + r"][^()（）,，\n]{1,40})[,，]\s{0,2}\d{1,5}\s{0,2}" + _UNITS)
_OUR_PAREN = re.compile(r"(?:我校|我司|我公司|我单位|我院|本公司|本校)\s?[(（](?P<v>[^()（）\n]{2,30})[)）]")
_COUNT_AFTER = re.compile(r"[(（]\d{1,5}\+?\s{0,2}" + _UNITS)
_CAP_WORDS = re.compile(r"\s{0,3}(?P<v>[A-Z][\w&'’.-]{1,30}(?:\s[A-Z][\w&'’.-]{1,30}){0,4})")
_HERE_WORD = re.compile(r" here\b")
_QUOTED_STORE = re.compile(r"(?:my|our)\s(?:store|shop|brand|company|restaurant|business|label|cafe|studio)\s"
                           r"(?:called\s|named\s)?[\"“'‘](?P<v>[^\"”'’\n]{2,40})[\"”'’]")


_EN_SUBJECT_FOLLOW = re.compile(r"\s{0,2}(?:\(|is\b|are\b|has\b|have\b|runs\b|returns\b|operates\b|invites\b|"
                                r"would\b|will\b|was\b|needs?\b|requires?\b|plans?\b|seeks?\b|wants?\b)")
_APPOSITIVE_NOUNS = frozenset(("brand", "company", "store", "shop", "chain", "manufacturer", "distributor", "importer",
                               "retailer", "label", "contractor", "wholesaler", "supplier", "startup", "start-up",
                               "agency", "firm", "factory", "restaurant", "hotel", "business", "boutique", "studio"))
_APPOSITIVE = re.compile(r"\s{0,2}(?:,\s{0,2}(?:a\s|an\s|the\s)?[a-z][a-z -]{0,30}?|\sis\s(?:a|an)\s[a-z][a-z -]{0,30}?)"
                         r"(?:brand|company|store|shop|chain|manufacturer|distributor|importer|retailer|label|contractor|"
                         r"wholesaler|supplier|startup|start-up|agency|firm|factory|restaurant|hotel|business|"
                         r"trading house|boutique|studio)\b")
_ZH_SELF = re.compile(r"(?:本公司|我公司|我司|本集团|我集团|本单位|我单位)(?:是|为|系)?")
_ZH_LEGAL_WORD = re.compile(r"公司|集团|控股")
_ZH_LEGAL_MENTION = re.compile(r"[" + _HAN + r"A-Za-z0-9()]{2,24}?(?:(?:集团|控股)?(?:股份有限公司|有限责任公司|有限公司)|"
                               r"控股集团|集团|控股)")


def _sentence_starts(t: _Text):
    """Where a company opens the message as its subject: the start of one of its first lines
    ("The " skipped)."""
    n = 0
    for ln in t.lines:
        if ln.text:
            yield ln.start + (4 if ln.text[:4].lower() == "the " else 0)
            n += 1
            if n >= _SUBJECT_LINES:
                return


_SUBJECT_LINES = 4


def _maybe_subject(line: str) -> bool:
    """A quick test before the full one: the line names a legal form or an organisation word,
    or describes its subject ("X, a cladding contractor", "X is a label")."""
    d = _data()
    for w in line.lower().split()[:12]:
        k = w.strip(",;:()").replace(".", "")
        if k in d.legal_last or k in d.org_words or k in _APPOSITIVE_NOUNS:
            return True
    return False


def _subject_companies(t: _Text) -> list[_Cand]:
    """A company that opens a sentence as its subject: "Radwerk Service GmbH runs 9 workshops",
    "The Obaseki Group of Companies (Oil & Gas…) is building", "中粮集团春节物资集中采购"."""
    norm = t.norm
    out: list[_Cand] = []
    for s in _sentence_starts(t):
        head = norm[s:s + 90]
        if _HAN_RX.match(head):
            if not _ZH_LEGAL_WORD.search(head, 0, 30):
                continue
            own = _ZH_SELF.match(head)  # "本公司大潤豐量販集團要採購…"
            if own:
                s += own.end()
                head = head[own.end():]
            z = _ZH_LEGAL_MENTION.match(head)
            if z and _org_zh(z.group(0)) and not _PRONOUN_ZH.search(z.group(0)):
                out.append(_Cand(z.group(0), s, s + z.end(), 4))
            continue
        if not _UPPER_OR_DIGIT.match(head):
            continue
        line = head.split("\n", 1)[0]
        if not _maybe_subject(line):
            continue
        span = _company_from_phrase(norm, s, s + len(line))
        if not span:
            continue
        v = norm[span[0]:span[1]]
        if len(v.split()) < 2 and not _legal_en(v):
            continue
        follows = _EN_SUBJECT_FOLLOW.match(norm, span[1])
        appositive = _APPOSITIVE.match(norm, span[1])
        if (_legal_en(v) or (_org_en(v) and follows and follows.group(0).strip() != "(") or appositive) \
                and not _name_part(v) and not _role_part(v):
            out.append(_Cand(v, span[0], span[1], 4))
    return out


_TEAM_LINE = re.compile(r"(?:the\s|your\s)?(?P<v>\S.{1,50}?)\s(?:team|团队)\s{0,2}[.!]?$", _I)
_TEAM_LAST_LINES = 6


def _team_companies(t: _Text) -> list[_Cand]:
    """An organisation signing as its team, near the end: "The GitHub Team", "Your Lufthansa
    Team", "HSBC Global Payments Team" (not "Sales Team": a team of roles names no one)."""
    out: list[_Cand] = []
    lines = [ln for ln in t.lines if ln.text][-_TEAM_LAST_LINES:]
    for ln in lines:
        if len(ln.text) > 60 or not t.low.endswith(("team", "team.", "team!", "团队"), ln.start, ln.end):
            continue
        m = _TEAM_LINE.match(ln.text)
        if not m:
            continue
        a, b = _trim(t.norm, ln.start + m.start("v"), ln.start + m.end("v"))
        v = t.norm[a:b]
        if b > a and (_titlecase(v) or _HAN_RX.search(v)) and not _role_part(v) and not _zh_name(v) \
                and not _SENT_PUNCT.search(v) and len(v.split()) <= 6:
            out.append(_Cand(v, a, b, 12))
    return out


# --------------------------------------------------------------------------------------------
# Public functions.

def _ours(norm: str, start: int, end: int) -> bool:
    """A name in a greeting ("尊敬的 XX有限公司：", "Dear Hongli team", "鲁恒机械负责人：") or
    after 贵/your: the supplier, not the customer."""
    lo = max(0, start - 100)
    nl = norm.rfind("\n", lo, start)
    at_line_start = nl >= 0 or lo == 0  # ``before`` runs from the start of the line
    before = norm[nl + 1 if nl >= 0 else lo:start]
    le = norm.find("\n", end, end + 40)
    after = norm[end:end + 40 if le < 0 else le]
    if _OURS_BEFORE.search(before):
        return True
    if at_line_start and _IN_GREETING.match(before):
        return True
    if _ADDRESSEE_AFTER.match(after) and not _SELF_BEFORE.search(before):
        return True
    return False


@lru_cache(maxsize=16)
def _analyse(norm: str) -> tuple[tuple[_Cand, ...], tuple[_Cand, ...]]:
    """Company and person candidates of one text, best first. Both extractors read the same
    signature: memoised on the text (a pure function of it) so it is read once per message."""
    t = _Text(norm)
    companies, persons = _signature_finds(t)
    companies += _label_companies(t) + _intro_companies(t) + _zh_trade_companies(t) + _profile_companies(t) \
        + _subject_companies(t)
    persons += _label_persons(t) + _intro_persons(t)
    for found_companies, found_persons in (_buyer_pairs(t), _relayed_senders(t)):
        companies += found_companies
        persons += found_persons
    companies = [c for c in companies if not _ours(norm, c.start, c.end) and not _desk_alone(c.value)
                 and (not _has_platform(_END_PAREN.sub("", c.value) or c.value) or _SHOP_ON_MARKETPLACE.match(c.value))]
    companies = [_without_where(norm, _without_role(norm, c)) for c in companies]
    # "Your Lufthansa Team" signs a mail; it is not the "Dear Hongli team" of a greeting.
    companies += [c for c in _team_companies(t) if not _has_platform(c.value)]
    persons = [c for c in persons if not _ours(norm, c.start, c.end)]
    order = lambda c: -c.score  # noqa: E731 - stable: equal scores keep the order found
    persons.sort(key=order)
    if persons:
        # The same person written more fully elsewhere in the message wins: "Graham" then
        # "Graham Pickles", "王处长" and "我是…王建军", "Kenny Chan" and "Kenny Chan 陳家豪".
        top = persons[0]
        fuller = next((c for c in persons[1:] if _fuller(top.value, c.value)), None)
        if fuller is not None:
            persons.remove(fuller)
            persons.insert(0, _Cand(fuller.value, fuller.start, fuller.end, top.score))
    return tuple(sorted(companies, key=order)), tuple(persons)


_ROLE_AT = re.compile(r"(?P<role>[^\W\d_][\w&/.'-]*(?:\s[^\W\d_][\w&/.'-]*){0,4}?)\s(?:at|@)\s(?=[A-Z0-9])")


def _without_role(norm: str, c: _Cand) -> _Cand:
    """"Director at Kamau Hardware" (a profile or signature line read whole) → the company only."""
    m = _ROLE_AT.match(norm, c.start, c.end)
    if m and _role_part(m.group("role")):
        return _Cand(norm[m.end():c.end], m.end(), c.end, c.score)
    return c


_CITY_STATE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}, ?[A-Z]{2}")


def _without_where(norm: str, c: _Cand) -> _Cand:
    """"济南润禾食品有限公司（历城区王舍人街道）", "嘉訊家品貿易有限公司（香港）" → the name before
    the parenthesis: after a legal form, a place in brackets says where, not who."""
    m = _END_PAREN.search(norm, c.start, c.end)
    if m is None:
        return c
    inside = m.group(0)[1:-1].strip()
    head = norm[c.start:m.start()].rstrip()
    if _where_zh(inside):
        if not _ends_with(head.replace(" ", ""), _data().zh_legal):
            return c
    elif not (_CITY_STATE.fullmatch(inside) or _is_place(inside)) or not _legal_en(head):
        return c  # "Cascade Fluid Systems Inc. (Portland, OR)" is cut like the Chinese
    return _Cand(head, c.start, c.start + len(head), c.score)


def _fuller(a: str, b: str) -> bool:
    """Whether ``b`` names the person ``a`` names, more fully."""
    if len(b) > len(a) and b.startswith(a) and b[len(a)] in " /(":
        return True
    if _HAN_RX.match(a) and _HAN_RX.match(b) and a[0] == b[0] and " " not in b and len(b) <= 4:
        d = _data()
        rest = a[1:]
        return (not rest or rest in d.zh_titles) and _zh_name(b) and b[1:] not in d.zh_titles
    return False


def _finish(ctx: Context, cands: tuple[_Cand, ...], company: bool = False) -> list[Found]:
    out: list[Found] = []
    seen: set[str] = set()
    for c in cands:
        start, end = _company_span(ctx.norm, c.start, c.end) if company else (c.start, c.end)
        value = ctx.original(start, end).strip()
        key = _NON_WORD.sub("", ctx.norm[start:end]).lower()
        if not value or not key or key in seen:
            continue
        seen.add(key)
        out.append(Found(value, value, start, end))
    return out


_UNIT_AFTER_DASH = re.compile(r"\s[-–|]\s[^-–|]{1,30}$")
_ZH_THEN_LATIN = re.compile(rf"([{_HAN}][{_HAN}（）()·]*)\s+([A-Za-z].*)")
_LATIN_THEN_ZH = re.compile(rf"([A-Za-z][^{_HAN}]*?)\s+([{_HAN}][{_HAN}（）()·]*)")


@lru_cache(maxsize=1)
def _units() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    """Chinese unit endings (部, 处, 中心…), the endings a unit may follow (有限公司, 大学…) and
    a regex for a Latin unit at the end of a name ("Supplies Department"), from org.toml."""
    c = _org_toml()["company"]
    alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    qualifier = rf"[\s,]+(?:{alt(c['unit_qualifiers'])})"
    latin = re.compile(rf"(?:(?:{qualifier}){{0,2}}[\s,]+(?:{alt(c['unit_nouns'])})"
                       rf"|(?:{qualifier}){{1,2}}[\s,]+(?:{alt(c['unit_nouns_qualified'])})"
                       rf"|[\s,]+(?:{alt(c['unit_alone'])}))$", _I)
    return frozenset(c["zh_unit_endings"]), frozenset(c["zh_legal"]) | frozenset(c["zh_institutions"]), latin


@lru_cache(maxsize=1)
def _service_units() -> frozenset[str]:
    """Service desks that are a unit after any organisation's name (org.toml)."""
    c = _org_toml()["company"]
    return frozenset(c["zh_service_units"])


def _company_span(norm: str, start: int, end: int) -> tuple[int, int]:
    """The company proper of a name found at ``norm[start:end]``: of a Chinese and an English
    name written together, the first; without a unit of the organisation written after its
    name ("采购中心", "Supplies Department").

    >>> n = "济南云维信息技术有限公司 运维服务中心"; n[slice(*_company_span(n, 0, len(n)))]
    '济南云维信息技术有限公司'
    >>> n = "Tak Lee EMS Ltd. 德利电子制造有限公司"; n[slice(*_company_span(n, 0, len(n)))]
    'Tak Lee EMS Ltd.'
    """
    s = norm[start:end]
    m = _ZH_THEN_LATIN.fullmatch(s) or _LATIN_THEN_ZH.fullmatch(s)
    if m:
        han, latin = (m.group(1), m.group(2)) if _HAN_RX.match(s) else (m.group(2), m.group(1))
        if _two_names(han, latin):
            s = m.group(1)
    return start, start + _without_unit(s)


def _two_names(han: str, latin: str) -> bool:
    """Whether a Chinese and a Latin part are each a name (not a legal form or one word)."""
    bare = _HAN_RX.findall(han)
    if len(bare) - _ends_with("".join(bare), _data().zh_legal) < 2:
        return False
    return len(latin.split()) >= 2 or _legal_en(latin) or _org_en(latin)


def _without_unit(s: str) -> int:
    """The length of ``s`` without a unit written after the organisation's name."""
    zh_units, heads, latin = _units()
    m = latin.search(s)
    if m:
        head = s[:m.start()].rstrip(" ,-–|")
        dash = _UNIT_AFTER_DASH.search(head)  # "Kerry Group - Ingredients Division"
        if dash:
            head = head[:dash.start()]
        return len(head) if len(head.split()) >= 2 or _brand_word(head) else len(s)
    if not _HAN_RX.search(s[-1:]) or not _ends_with(s, zh_units):
        return len(s)
    desk = _ends_with(s, _service_units())
    if desk and len(_HAN_RX.findall(s[:-desk])) >= 2:
        return len(s[:-desk].rstrip())  # "中通快递客服中心", "抖音电商 商家服务中心"
    for i in range(4, len(s) - 1):
        head, tail = s[:i].rstrip(), s[i:].replace(" ", "")
        if len(tail) > 12 or not _HAN_RX.match(s, i - 1):
            continue
        if _ends_with(head, heads) and "公司" not in tail and "集团" not in tail and _org_zh(head):
            return len(head)
    return len(s) - _dept_tail(s, zh_units)


def _desk_alone(s: str) -> bool:
    """Whether ``s`` is a service desk with no organisation's name before it ("会员服务中心")."""
    h = s.replace(" ", "")
    return bool(h) and _ends_with(h, _service_units()) == len(h)


def _dept_tail(s: str, endings: frozenset[str]) -> int:
    """The length of a department written after a Chinese organisation's name: one or two
    department words and a unit ending ("后勤保障处", "全球采购中心"), after a name of three or more
    characters that is not a place alone ("山东省采购中心", "黔南州政府采购中心" are bodies of their own)."""
    end = _ends_with(s, endings, 3)
    stems = _zh_unit_stems()
    body = s[:len(s) - end]
    cut = 0
    for _ in range(3):
        n = _ends_with(body[:len(body) - cut], stems, 4) if end else 0
        if not n:
            break
        cut += n
    head = body[:len(body) - cut].rstrip()
    if not cut or len(_HAN_RX.findall(head)) < 3 or _is_place_zh(head) or _where_zh(head) or head.endswith("政府"):
        return 0
    return len(s) - len(head)


@lru_cache(maxsize=1)
def _zh_unit_stems() -> frozenset[str]:
    """Department words of a unit written after a name (org.toml)."""
    return frozenset(_org_toml()["company"]["zh_unit_stems"])


def _brand_word(s: str) -> bool:
    """A one-word name a unit may follow ("HSBC", "PetroGulf"), not a word that starts units
    ("Global Procurement", "Group Purchasing")."""
    low = s.lower()
    d = _data()
    return (len(s) >= 3 and " " not in s and (s[0].isupper() or s[0].isdigit()) and low not in _unit_words()[1]
            and low not in d.roles and low not in d.org_words and not _legal_forms(s))


def extract_company(ctx: Context) -> list[Found]:
    """The customer's company as written, best first: signature, labelled, self-introduced."""
    return _finish(ctx, _analyse(ctx.norm)[0], company=True)


def extract_person(ctx: Context) -> list[Found]:
    """The contact person's name as written, best first: signature, labelled, self-introduced."""
    return _finish(ctx, _analyse(ctx.norm)[1])


def from_display_name(display: str) -> tuple[str | None, str | None]:
    """Company and person written in a sender's display name, for when the text names
    neither: ``"郑州安驰汽配-贾"``, ``"李庄农机合作社 李建军"``, ``"Brian Otieno"``. Names of
    platforms and mailboxes ("Alibaba.com", "Purchase Department") give nothing.

    >>> from_display_name("宁波甬精模具 设备部 沈"), from_display_name("Kelvin Tan | Brightway Lighting Pte Ltd")
    (('宁波甬精模具', '沈'), ('Brightway Lighting Pte Ltd', 'Kelvin Tan'))
    """
    text = _DISPLAY_DASH.sub(" ", display.strip().strip('"').strip())[:120]
    if not text or _has_platform(text):
        return None, None
    ctx = Context.build(text)
    norm = ctx.norm
    parts = _merge_han_latin_names(_split_line_parts(_Line(0, len(norm), norm)), norm)
    for p in parts:
        p.kind = _classify(p, alone=len(parts) == 1, after_signoff=True)
    person = next((p for p in parts if p.kind == "name" and not (len(parts) > 1 and _CAPS.fullmatch(p.text))
                   and not _is_place_zh(p.text)), None)
    company = next((p for p in parts if p.kind in ("legal", "org")), None)
    if person is None and company is not None:
        # "郑州安驰汽配-贾": a family name alone after the company.
        person = next((p for p in parts if p is not company and len(p.text) == 1 and _zh_name(p.text, alone=True)), None)
    if company is None:
        company = next((p for p in parts if (p.kind == "orgword" and _titlecase(p.text) and len(p.text.split()) >= 2) or (
            p.kind == "other" and person is not None and _zh_plain_name(p.text))), None)
    c = None
    if company is not None:
        at = parts.index(company)
        # A person named elsewhere makes Latin words after the company its English name — not
        # when those words are that person ("安記餅家 Ana").
        other_person = person is not None and not (at + 1 < len(parts) and parts[at + 1] is person)
        a, b = _company_span(norm, *_org_span(norm, parts, at, other_person))
        c = ctx.original(a, b) or None
    elif len(parts) == 1 and _HAN_RX.match(norm):
        # "台灣宏碁電子採購部": an organisation with its department glued on.
        h = norm.replace(" ", "")
        n = _ends_with(h, _data().zh_roles)
        if n and _org_zh(h[:-n]):
            c = ctx.original(0, len(norm.rstrip()) - n) or None
    return c, (ctx.original(person.start, person.end) if person else None)


def choose_person(values: list[str]) -> str | None:
    """The thread's person among those its messages name, in order: the first, unless a later
    message writes the same person more fully ("葛先生" in a relay, "葛建华" in the signature)."""
    if not values:
        return None
    return next((v for v in values[1:] if _fuller(values[0], v)), values[0])


def choose_company(values: list[str]) -> str | None:
    """The thread's company among those its messages name, in order: the first written with
    a legal form ("石家庄志远汽车维修服务有限公司" in a later signature over the shop name a
    platform relayed first), else the first."""
    for v in values:
        if _legal_en(v) or _ends_with(_END_PAREN.sub("", v.replace(" ", "")), _data().zh_legal):
            return v
    return values[0] if values else None


_NAME_THEN_MORE = re.compile(r"\s{0,2}[|｜,，;；/–—-]")


def signing_display_name(display: str, ctx: Context) -> str | None:
    """The sender's display name when the message is signed with it: an organisation that
    writes its own name as a line of the text ("顺丰速运", "Hotel Königshof Stuttgart",
    "臺北自來水事業處 敬上"), as the text writes it; a line that ends with the name and
    continues it to the left ("基督長老教會岡山教會" for "岡山教會") gives the whole line. Person
    and mailbox names ("Sales Dept") give nothing; a platform's name does, since mail from a
    genuine platform's domain is not read here (a look-alike claims to be the platform).
    """
    name = _DISPLAY_DASH.sub(" ", display.strip().strip('"').strip())[:120]
    if len(name) < 2:
        return None  # a platform's name counts: the caller reads no genuine platform's mail
    norm = Context.build(name).norm
    words = norm.split()
    if len(words) >= 2 and _has_platform(words[0]) and not _HAN_RX.search(words[0]):
        signed = _platform_signed(words, ctx)
    else:
        signed = _signed_with(norm, ctx, platform=_has_platform(norm) and not _HAN_RX.search(norm))
        signed = signed[:_without_unit(signed)].rstrip() or signed if signed else None  # "中国政府采购网 供应商服务中心"
    return signed or _platform_signature(ctx)


_SIGNATURE_DECOR = _lazy(r"^[-—–_=*·•~\s]*")
_NOT_A_SIGNATURE = _lazy(r"[:：,，。.!！?？@/]\s|[:：，。!！?？@/]|\d{3}")


@lru_cache(maxsize=1)
def _platform_unit_words() -> frozenset[str]:
    """Role and unit words written after a platform's name that signs a notice (org.toml)."""
    return _data().roles | frozenset(_org_toml()["company"]["platform_unit_words"])


def _platform_first(text: str) -> bool:
    """Whether ``text`` starts with a platform's or a service's name ("DHL Express …", "阿里巴巴国际站 …")."""
    low = text.lower()
    for name, bounded in _data().platforms:
        if low.startswith(name) and not (bounded and low[len(name):len(name) + 1].isalnum()):
            return True
    return False


def _platform_signature(ctx: Context) -> str | None:
    """A platform's or a service's name that signs the message under a display name that
    differs ("DHL Customs" signing "DHL Express Customs Services", "邮件中心" signing "阿里巴巴国际站
    客户服务中心"): the caller reads no genuine platform's mail, so a look-alike claims to be it.
    The last short line that starts with such a name and is only a name, less a unit or the
    role words written after it ("Maersk Customer Service" → "Maersk")."""
    t = _Text(ctx.norm)
    roles = _platform_unit_words()
    for ln in reversed([ln for ln in t.lines if ln.text][-_TEAM_LAST_LINES:]):
        lead = _SIGNATURE_DECOR().match(ln.text).end()
        text = ln.text[lead:].rstrip()
        words = text.split()
        if not words or len(text) > 40 or len(words) > 6 or _NOT_A_SIGNATURE().search(text) \
                or _ZH_NOT_IN_ORG.search(text) or not _platform_first(text):
            continue
        if any(not (_HAN_RX.search(w) or w[0].isupper() or w[0].isdigit() or w == "&") for w in words):
            continue  # "DHL will deliver it": a sentence
        keep = len(words)
        while keep > 1 and (words[keep - 1].lower().strip(".,") in roles or _desk_alone(words[keep - 1])):
            keep -= 1
        name = " ".join(words[:keep])
        name = name[:_without_unit(name)].rstrip() or name
        start = ln.start + lead
        return ctx.original(start, start + len(name)).strip() or None
    return None


def _platform_signed(words: list[str], ctx: Context) -> str | None:
    """A platform's display name is its brand and perhaps a unit ("DHL Express Billing", "HSBC
    Advising Service", "AliExpress Seller Center"): the brand as the text signs it, trying the
    display cut before words that are all roles first, then before words that are mostly roles,
    then the whole display."""
    roles = _data().roles
    for strict in (True, False):
        for k in range(1, len(words)):
            rest = words[k:]
            unit = all(w.lower().strip(".,") in roles for w in rest) if strict else _role_part(" ".join(rest))
            found = _signed_with(" ".join(words[:k]), ctx, platform=True) if unit else None
            if found:
                return found
    return _signed_with(" ".join(words), ctx, platform=True)


def _signed_with(norm: str, ctx: Context, platform: bool = False) -> str | None:
    """The line of ``ctx`` that signs with the display name ``norm`` (normalised), as written."""
    key = norm.lower()
    if not platform and (len(key) < (3 if _HAN_RX.search(key) else 4) or _name_part(norm) or _role_part(key)):
        return None
    parts = _split_line_parts(_Line(0, len(norm), norm))
    if any(_classify(p, alone=len(parts) == 1, after_signoff=True) in ("name", "role", "contact") for p in parts):
        return None  # "采购部 陈", "安环部 马军": a person or a mailbox
    if not _HAN_RX.search(norm) and not (_legal_en(norm) or _org_en(norm) or len(norm.split()) >= 3
                                         or _has_platform(norm)):
        return None  # "Ah Seng": a nickname, not an organisation
    t = _Text(ctx.norm)
    lines = [ln for ln in t.lines if ln.text][-_TEAM_LAST_LINES - 2:]
    for ln in lines:
        low = t.low[ln.start:ln.end]
        i = low.find(key)
        if i < 0 or (len(ln.text) > len(key) + 12 and not (i == 0 and (
                _NAME_THEN_MORE.match(low, len(key)) or _role_part(ln.text[len(key):].strip())))):
            continue  # a sentence naming it, not a signature line ("Hotel X | Königstraße 20", "DHL Customer Service" are)
        if platform and i > 0:
            continue  # "Reply on Alibaba.com": a button, not a platform's signature
        a, b = ln.start + i, ln.start + i + len(key)
        while platform and b < ln.end and not t.norm[b].isspace():
            b += 1  # "Made-in-China" signed "Made-in-China.com"
        head = ln.text[:i + len(key)].replace(" ", "")
        if i > 0 and (_HAN_RX.match(t.norm, a) and _HAN_RX.match(t.norm, a - 1)) and (
                _zh_plain_name(head) or _org_zh(head)):
            a = ln.start  # "基督長老教會岡山教會" signs for "岡山教會"
        elif i > 0 and t.norm[a - 1].isalnum():
            continue
        return ctx.original(a, b).strip() or None
    return None


_DISPLAY_DASH = re.compile(r"(?<=[" + _HAN + r"A-Za-z)）])\s{0,2}[-–—_]\s{0,2}(?=[" + _HAN + r"])")



_DOMAIN_WORD = re.compile(r"[^\W_][^\W_&'’-]*(?:[&'’-][^\W_]+)*")
_DOMAIN_WORDS_MAX = 5


@lru_cache(maxsize=1)
def _generic_domain_labels() -> tuple[frozenset[str], frozenset[str]]:
    """Domain labels that name no organisation ("mail", "www", "yahoo"), and the parts of a
    label that make it a mailing list's ("mutt-list")."""
    doc = _org_toml()["company"]
    return (frozenset(x.lower() for x in doc.get("domain_generic", [])),
            frozenset(x.lower() for x in doc.get("domain_list_words", [])))


def _domain_keys(address: str) -> dict[str, frozenset[int]]:
    """The letters of the labels of a sender's domain that may spell a name, each with the
    lengths at which a hyphen splits it: ``a@dhl-express-cn.net`` → ``{"dhlexpresscn": {3, 10}}``."""
    domain = address.rpartition("@")[2].lower()
    generic, list_words = _generic_domain_labels()
    labels = domain.split(".")[:-1]
    if any(part in list_words for label in labels for part in label.split("-")):
        return {}
    out: dict[str, frozenset[int]] = {}
    for label in labels:
        if label in generic or len(label) < 4:
            continue
        pieces = [re.sub(r"[^a-z0-9]", "", x) for x in label.split("-")]
        key = "".join(pieces)
        cuts = [sum(len(x) for x in pieces[:n]) for n in range(1, len(pieces))]
        if len(key) >= 4:
            out[key] = frozenset(cuts)
    return out


def _org_tail(norm: str, words: list[tuple[int, int, str]], j: int) -> int:
    """The end of a name found at ``words[j]`` once the capitalised words after it on its line
    that end in an organisation word or legal form are added: "Kanzi Marine" + " Supplies"."""
    end = words[j][1]
    org_words = _data().org_words
    for k in range(j + 1, min(j + 4, len(words))):
        ws, we, w = words[k]
        gap = norm[words[k - 1][1]:ws]
        if gap not in (" ", "  ") or not norm[ws].isupper():
            break
        if w in org_words or _legal_en(norm[words[j][0]:we]):
            end = we
    return end


def _good_prefix(spelt: str, keys: dict[str, frozenset[int]], words: bool) -> bool:
    """Whether a name spelling the start of a domain label stands for it: it ends where a
    hyphen does ("comed" of ``comed-billing``), or is several words of eight letters or more."""
    return len(spelt) >= 4 and any(k.startswith(spelt) and (len(spelt) in cuts or (words and len(spelt) >= 8))
                                   for k, cuts in keys.items())


def domain_named_company(address: str, ctx: Context, person: str | None = None) -> str | None:
    """A name the text writes whose letters spell the sender's domain, or its first
    hyphenated part, or its start in two or more words of eight letters or more: "Paw Palace"
    from ``daphne@pawpalace.sg``, "Airbus" from ``@airbus-supplier.org``, "Maple Crest" from
    ``david@maplecrestflooring.ca``. Each word must start with a capital or a digit (a name, not
    prose); the sender's own name (``person``) is no company. The whole spelling beats a
    prefix, a longer prefix a shorter one.

    >>> domain_named_company("d@pawpalace.sg", Context.build("Paw Palace 有 9 间 pet stores"))
    'Paw Palace'
    """
    if is_webmail(address) or is_automated(address):
        return None  # "Yahoo" and "GitHub" name the mailbox's provider, not the sender's company
    keys = _domain_keys(address)
    norm = ctx.norm
    squeezed = re.sub(r"[^a-z0-9]", "", norm.lower())
    if not any(k[:4] in squeezed for k in keys):
        return None  # a quick test: no run of words can spell the domain
    names = [re.sub(r"[^a-z0-9]", "", w) for w in (person or "").lower().split()]
    not_it = {"".join(names), *names}
    words = [(m.start(), m.end(), re.sub(r"[^a-z0-9]", "", m.group().lower())) for m in _DOMAIN_WORD.finditer(norm)]
    best: tuple[int, int, int] | None = None  # (score, start, end)
    for i, (start, _, first) in enumerate(words):
        if not first or not (norm[start].isupper() or norm[start].isdigit()):
            continue
        spelt = ""
        for j in range(i, min(i + _DOMAIN_WORDS_MAX, len(words))):
            ws, we, w = words[j]
            if j > i and (not (norm[ws].isupper() or norm[ws].isdigit()) or "\n" in norm[words[j - 1][1]:ws]
                          or len(norm[words[j - 1][1]:ws]) > 3):
                break
            spelt += w
            if not any(k.startswith(spelt) for k in keys):
                break
            if spelt in not_it:
                continue
            score = 1000 + len(spelt) if spelt in keys else (len(spelt) if _good_prefix(spelt, keys, j > i) else 0)
            if score and (best is None or score > best[0]):
                best = (score, start, _org_tail(norm, words, j))
    if best is None:
        return None
    value = ctx.original(best[1], best[2]).strip()
    return value if value and not _has_platform(value) else None  # a platform is nobody's company
