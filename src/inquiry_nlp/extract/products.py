"""Products and specifications: the product lines a customer names and the specifications
they give, each as written.

Products come from the lexicon ``data/products.toml`` (zh-Hans and English, by industry).
English terms go through a spaCy ``PhraseMatcher`` (``attr="LOWER"``; plurals, US/UK spellings
and hyphen/space variants generated) over a compact ``Doc`` of the message's words: words
that occur in no term are folded into one placeholder, so the ``Doc`` stays small and a match
never spans a gap. Chinese terms are matched character by character against a dictionary
(longest match first) on the simplified form of the text, so traditional text (螺絲, 鏈條,
崁燈) is found through its simplified terms — no segmentation is needed, and none is paid for.
The longest match wins ("hex flange bolts" over "bolts"); a material or make written right
before a name stays in it ("不锈钢" + "合页", "stainless steel" + "hex bolts", "旋启式" +
"止回阀"), as do shape letters and letter codes glued to a Chinese name ("U型螺栓", "T8灯管",
"LED灯带", "J422焊条"). Category words wider than a product line ("products", "建材", "五金",
"electronics", "your products") are never products; neither is a product word naming a company
("阀门厂", "恒泰轴承经销有限公司", "Bilal Tiles & Sanitary"), a packing detail ("50 pcs per
carton"), or a bare word referring back to a product already named ("the inverter").

Specifications are read with a few linear-time regular expressions (each numeric run bounded,
each pattern anchored at a token start) plus the lexicon's ``[_spec_words]`` (colours,
finishes, materials, features, marks): thread sizes (M10x50), standards (DIN 933, ISO 4017,
ASTM A325, GB/T 5782), grades and materials (8.8级, grade 8.8, A2-70, 304, SUS304, Q235B),
dimensions (600x600mm, Φ12, DN50, PN16, 2", 4寸, 直径10mm, 1.5mm²), ratings (550W, 12V,
30kVA, 3000K, IP65, 120gsm, 75D), tyre and bearing sizes (315/80R22.5, 6205-2RS), colour
references (RAL 9005), container types (40HQ) and model numbers (SV-50KTL-M3).

>>> ctx = Context.build("您好，需要304不锈钢六角螺栓M10x50，8.8级，DIN 933，镀锌，500套。")
>>> [f.value for f in extract_products(ctx)]
['不锈钢六角螺栓']
>>> [f.value for f in extract_specs(ctx)]
['304', 'M10x50', '8.8级', 'DIN 933', '镀锌']
>>> ctx = Context.build("Please quote 2,000 pcs LED panel lights 600x600mm 40W IP65, 2x40HQ.")
>>> [f.value for f in extract_products(ctx)], [f.value for f in extract_specs(ctx)]
(['LED panel lights'], ['600x600mm', '40W', 'IP65', '40HQ'])
>>> [f.value for f in extract_products(Context.build("請報價：熱鍍鋅鋼管 DN50，我們需要建材和五金"))]
['熱鍍鋅鋼管']
"""
from __future__ import annotations

import bisect
from itertools import islice
import threading
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .. import lazyre as re  # re.compile puts compiling off to first use (see lazyre)
from .base import Context, Found

__all__ = ["extract_products", "extract_specs", "lexicon", "prepare"]

_LOCK = threading.RLock()
_CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_IS_CJK = re.compile(f"[{_CJK_CHARS}]")
_LATIN = "0-9A-Za-z\u00c0-\u024f"
# English words (inner hyphens and apostrophes kept, dots only between digits: "stand-up",
# "rubik's", "1.5"); terms are also split at "/", "&" and "+" ("polyester/cotton twill").
_EN_WORD = re.compile(rf"[{_LATIN}]+(?:(?:-|'|\.(?=[0-9]))[{_LATIN}]+)*")
_EN_TOKEN = re.compile(rf"[{_LATIN}]+(?:(?:-|'|\.(?=[0-9]))[{_LATIN}]+)*|[/&+]")
_EN_SEPARATORS = frozenset("/&+")
_GAP = "\u2063"  # placeholder for a run of words that occur in no term
# Bounds that keep hostile input cheap: a message is read in its first _MAX_SCAN characters
# (no inquiry writes its products further on), and each pattern family (and the Chinese
# lexicon scan) keeps at most _MAX_STARTS candidates.
_MAX_SCAN = 60_000
_MAX_STARTS = 1_000
_MAX_WORDS = 4 * _MAX_STARTS  # words of the English lexicon (and gaps) read


# ---------------------------------------------------------------------------------------------
# The lexicon
# ---------------------------------------------------------------------------------------------

_SPELLING = [("tyre", "tire"), ("mould", "mold"), ("aluminium", "aluminum"), ("galvanised", "galvanized"),
             ("colour", "color"), ("fibre", "fiber"), ("centre", "center"), ("grey", "gray"), ("litre", "liter"),
             ("metre", "meter"), ("plough", "plow"), ("carburettor", "carburetor"), ("sanitiser", "sanitizer"),
             ("fertiliser", "fertilizer"), ("jewellery", "jewelry")]
_SPELLING_ANY = re.compile("|".join(w for pair in _SPELLING for w in pair))  # most terms have none
_NO_PLURAL = re.compile(
    r"(?:s|ware|wear|equipment|machinery|furniture|bedding|linen|cutlery|flatware|tableware|cookware|dinnerware|"
    r"scaffolding|shelving|tubing|fleece|denim|canvas|jersey|chiffon|velvet|satin|crepe|leather|foam|honey|kelp|"
    r"sesame|ppe|pcba|pcb|kn95|kf94|ffp2|n95|fibc|ppgi|ppgl|tio2|pac|pam|dop|ipa|hpmc|rdp|tcca|sdic|stpp|shmp|vfd|"
    r"plc|hmi|mcb|mccb|rccb|mlcc|mcu|igbt|acsr|vmc|cdi|wc|galvalume|grating|formwork|trunking|strapping|gauze|wrap|"
    r"film|glue|resin|urea|yarn|webbing|velcro|interlock|mesh|suede|corduroy|flannel|chili|chilli|garlic|ginger|"
    r"shrimp|squid|flooring|netting|knitwear|sportswear|workwear|lingerie|underwear|hardware|packaging|ceruti|"
    r"tissue|wool|cotton|polyester|nylon|plastic|rubber|silicone|steel|iron|copper|brass|bamboo|oak|walnut|"
    r"teak|wood|grade|free|proof|type|\d)$")
_IRREGULAR = {"knife": "knives", "shelf": "shelves", "leaf": "leaves", "foot": "feet", "tooth": "teeth",
              "mouse": "mice", "man": "men", "child": "children"}


def _plural(term: str) -> str | None:
    if _NO_PLURAL.search(term):
        return None
    for sing, plur in _IRREGULAR.items():
        if term == sing or term.endswith(" " + sing):
            return term[: -len(sing)] + plur
    if term.endswith(("x", "z", "ch", "sh")):
        return term + "es"
    if term.endswith("y") and len(term) > 1 and term[-2] not in "aeiou":
        return term[:-1] + "ies"
    return term + "s"


def _en_variants(term: str, plurals: bool = True) -> set[str]:
    base = {term}
    for uk, us in _SPELLING if _SPELLING_ANY.search(term) else ():
        for t in list(base):
            if uk in t:
                base.add(t.replace(uk, us))
            if us in t:
                base.add(t.replace(us, uk))
    for t in list(base):
        if "-" in t:
            base.add(t.replace("-", " "))
            if t.count("-") == 1 and len(t) > 8:
                base.add(t.replace("-", ""))
    out = set(base)
    if plurals:
        for t in base:
            p = _plural(t)
            if p:
                out.add(p)
    return out


def _en_tokens(text: str) -> list[str]:
    return [t.lower() for t in _EN_TOKEN.findall(text)]


class _EnglishTerms:
    """The English terms (their words, and whether each is a product or a spec word) and the
    spaCy ``PhraseMatcher`` that finds them in a ``Doc`` of a text's words.

    A term enters the matcher when a text first holds all of its words (:meth:`add_all` adds
    every term at once, for a process that grades many messages): a cold process grading one
    message makes pattern ``Doc``s for a few of the 6,600 terms instead of all (0.2 s), and
    imports spaCy only when a text can hold a term. A term that is not in the matcher could not
    have matched the text anyway, and no two terms have the same words, so the matches are
    those of the matcher holding every term.
    """

    def __init__(self, terms: dict[tuple[str, ...], bool]) -> None:
        """``terms``: a term's words (lower case) -> True for a product, False for a spec word."""
        self.terms = terms
        self.words = frozenset(w for t in terms for w in t)
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for t in sorted(terms):
            self._by_first.setdefault(t[0], []).append(t)
        self._added: set[tuple[str, ...]] = set()
        self._complete = False
        self._lock = threading.RLock()
        self._matcher = self._vocab = self._product_id = None

    def add_all(self) -> None:
        """Put every term in the matcher now."""
        with self._lock:
            self._add(sorted(t for t in self.terms if t not in self._added))
            self._complete = True

    def find(self, words: list[str]) -> list[tuple[int, int, bool]]:
        """(start, end, is_product) of every term in ``words``, as token positions."""
        if not self._complete:
            present = set(words)
            can_match = [t for w in present for t in self._by_first.get(w, ()) if present.issuperset(t)]
            if not can_match:
                return []
            with self._lock:  # the matcher is not read while terms are added
                self._add(sorted(t for t in can_match if t not in self._added))
                return self._run(words)
        return self._run(words)

    def _add(self, terms: list[tuple[str, ...]]) -> None:
        if not terms:
            return
        if self._matcher is None:
            from ..text.segment import import_spacy, shared_vocab

            import_spacy()
            from spacy.matcher import PhraseMatcher

            self._vocab = shared_vocab()
            self._matcher = PhraseMatcher(self._vocab, attr="LOWER")
            self._product_id = self._vocab.strings["PRODUCT"]
        from spacy.tokens import Doc

        for label, is_product in (("PRODUCT", True), ("SPEC", False)):
            docs = [Doc(self._vocab, words=list(t)) for t in terms if self.terms[t] is is_product]
            if docs:
                self._matcher.add(label, docs)
        self._added.update(terms)

    def _run(self, words: list[str]) -> list[tuple[int, int, bool]]:
        from spacy.tokens import Doc

        doc = Doc(self._vocab, words=words)
        return [(s, e, match_id == self._product_id) for match_id, s, e in self._matcher(doc)]


@dataclass(frozen=True)
class _Lexicon:
    en: _EnglishTerms                    # English terms and their PhraseMatcher
    en_words: frozenset[str]             # every token of an English term
    zh_terms: dict[str, str]             # CJK term (lower case) -> "product" | "spec"
    zh_lengths: dict[str, tuple[int, ...]]   # first two chars -> term lengths, longest first
    zh_single: frozenset[str]            # one-character cores that need a code before them
    zh_first: re.Pattern                 # the characters a CJK term can start with
    zh_need_prefix: dict[str, tuple[str, ...]]  # core -> codes it needs ("瓶" <- "pet")
    zh_mods: frozenset[str]              # materials/makes kept before a Chinese name
    zh_mod_lengths: tuple[int, ...]
    zh_mod_last: frozenset[str]          # the last characters of those (a quick first test)
    en_mods: frozenset[str]              # … and before an English one
    en_mod_lengths: tuple[int, ...]
    not_products: frozenset[str]
    colours: frozenset[str]              # colour words (spec words that join into lists)
    zh_single_colours: frozenset[str]    # 黑, 白 …: only inside a list ("黑/蓝/红")


def _en_terms(data: dict, not_products: frozenset[str]) -> dict[str, str]:
    """English terms of the lexicon ``data`` (with their variants, lower case) -> "product" |
    "spec"; a product's own entry wins over a spec word."""
    terms: dict[str, str] = {}
    for table, entries in data.items():
        if not table.startswith("_"):
            for t in entries.get("en", []):
                for v in _en_variants(t.lower()):
                    terms.setdefault(v, "product")
    spec_words = data.get("_spec_words", {})
    for t in spec_words.get("en", []) + spec_words.get("colours_en", []):
        for v in _en_variants(t.lower(), plurals=False):
            terms.setdefault(v, "spec")
    for t in not_products:
        terms.pop(t, None)
    return terms


def lexicon() -> _Lexicon:
    """The product lexicon and spec words, built once per process (by the first thread that
    asks; the others wait for it)."""
    with _LOCK:
        return _built_lexicon()


@lru_cache(maxsize=1)
def _built_lexicon() -> _Lexicon:
    data = tomllib.loads(resources.files("inquiry_nlp").joinpath("data/products.toml").read_text("utf-8"))
    mods = data.get("_modifiers", {})
    nots = data.get("_not_products", {})
    spec_words = data.get("_spec_words", {})
    not_products = frozenset(w.lower() for lang in ("zh", "en") for w in nots.get(lang, []))
    en_terms = _en_terms(data, not_products)
    zh_raw: dict[str, str] = {}
    for table, entries in data.items():
        if table.startswith("_"):
            continue
        for t in entries.get("zh", []):
            zh_raw.setdefault(t.lower(), "product")
    colours = set()
    for t in spec_words.get("zh", []) + spec_words.get("colours_zh", []):
        if len(t) > 1:
            zh_raw.setdefault(t.lower(), "spec")
    for t in spec_words.get("colours_en", []) + spec_words.get("colours_zh", []):
        colours |= _en_variants(t.lower(), plurals=False)
    for t in not_products:
        zh_raw.pop(t, None)

    # Chinese: terms led by an ASCII code ("PE自封袋", "T8灯管") are found through their
    # Chinese core; a core that is no product by itself ("瓶", "颗粒") needs one of its codes.
    zh_terms: dict[str, str] = {}
    need: dict[str, set[str]] = {}
    for term, kind in zh_raw.items():
        m = _IS_CJK.search(term)
        if not m:
            continue
        if m.start() == 0:
            zh_terms[term] = kind
    for term, kind in zh_raw.items():
        m = _IS_CJK.search(term)
        if m and m.start() > 0 and kind == "product":
            code, core = term[: m.start()].strip(), term[m.start():]
            if core not in zh_terms:
                need.setdefault(core, set()).add(code)
    for core in need:
        zh_terms.setdefault(core, "product")
    lengths: dict[str, set[int]] = {}
    for term in zh_terms:
        if len(term) >= 2:
            lengths.setdefault(term[:2], set()).add(len(term))
    single = frozenset(t for t in zh_terms if len(t) == 1 and t in need)
    single_colours = {t for t in spec_words.get("colours_zh", []) if len(t) == 1}
    firsts = {t[0] for t in zh_terms if len(t) >= 2} | set(single) | single_colours
    seconds = {t[1] for t in zh_terms if len(t) >= 2}

    en = _EnglishTerms({tuple(_en_tokens(t)): k == "product" for t, k in en_terms.items()})
    zh_mods = frozenset(m.lower() for m in mods.get("zh", []))
    en_mods = {v for m in mods.get("en", []) for v in _en_variants(m.lower(), plurals=False)}
    en_mods |= {m.replace(" ", "-") for m in en_mods}
    return _Lexicon(
        en=en, en_words=en.words,
        zh_terms=zh_terms, zh_lengths={k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()},
        zh_single=single,
        zh_first=re.compile("[" + "".join(sorted(map(re.escape, firsts - set(single) - single_colours))) + "]"
                            "(?=[" + "".join(sorted(map(re.escape, seconds))) + "])"
                            "|[" + "".join(sorted(map(re.escape, set(single) | single_colours))) + "]"),
        zh_need_prefix={k: tuple(sorted(v, key=len, reverse=True)) for k, v in need.items()},
        zh_mods=zh_mods, zh_mod_lengths=tuple(sorted({len(m) for m in zh_mods}, reverse=True)),
        zh_mod_last=frozenset(m[-1] for m in zh_mods if m),
        en_mods=frozenset(en_mods), en_mod_lengths=tuple(sorted({len(m) for m in en_mods}, reverse=True)),
        not_products=not_products, colours=frozenset(colours),
        zh_single_colours=frozenset(t for t in spec_words.get("colours_zh", []) if len(t) == 1))


def prepare() -> None:
    """Build the lexicon now with every English term in its matcher: a process that grades
    many messages (the daemon, the library) pays for it once at load, no message later."""
    lexicon().en.add_all()


# ---------------------------------------------------------------------------------------------
# The lexical pass: products and spec words, shared by both extractors
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Lexical:
    products: tuple[tuple[int, int], ...]
    spec_words: tuple[tuple[int, int], ...]


def _en_matches(low: str, lex: _Lexicon) -> list[tuple[int, int, bool]]:
    """(start, end, is_product) for English terms, longest first, not overlapping. The word list
    holds the words that occur in some term; anything else between two words becomes one gap
    token, so a term never spans it."""
    vocab = lex.en_words
    words: list[str] = []
    offsets: list[tuple[int, int]] = []
    add_word, add_offset = words.append, offsets.append
    prev_end = -1
    gap = True  # the last token is a gap (or there is none yet)
    for m in _EN_WORD.finditer(low):
        if len(words) >= _MAX_WORDS:
            break
        w = m.group()
        if w not in vocab:
            if not gap:
                add_word(_GAP)
                add_offset((prev_end, prev_end))
                gap = True
            continue
        start, end = m.span()
        if not gap and (start != prev_end + 1 or low[prev_end] != " "):
            between = low[prev_end:start]
            sep = between.strip()
            add_word(sep if len(between) <= 3 and sep in _EN_SEPARATORS and sep in vocab else _GAP)
            add_offset((prev_end, start))
        add_word(w)
        add_offset((start, end))
        prev_end = end
        gap = False
    if not words:
        return []
    found = sorted(lex.en.find(words), key=lambda m: (m[0] - m[1], m[0]))  # longest first, then leftmost
    taken: list[tuple[int, int, bool]] = []
    used = [False] * len(words)
    for s, e, is_product in found:
        if any(used[s:e]):
            continue
        for i in range(s, e):
            used[i] = True
        taken.append((offsets[s][0], offsets[e - 1][1], is_product))
    return taken


def _zh_matches(low: str, lex: _Lexicon) -> list[tuple[int, int, bool]]:
    """(start, end, is_product) for Chinese terms: longest match, left to right."""
    out: list[tuple[int, int, bool]] = []
    terms, lengths, need = lex.zh_terms, lex.zh_lengths, lex.zh_need_prefix
    pos = 0
    for m in lex.zh_first.finditer(low):
        i = m.start()
        if i < pos:
            continue
        if len(out) >= _MAX_STARTS:
            break
        hit = 0
        for length in lengths.get(low[i:i + 2], ()):
            if low[i:i + length] in terms:
                hit = length
                break
        if not hit and low[i] in lex.zh_single:
            hit = 1
        if not hit:
            if low[i] in lex.zh_single_colours:
                out.append((i, i + 1, False))
            continue
        term = low[i:i + hit]
        start = i
        if term in need:
            before = low[max(0, i - 12):i].rstrip(" ")
            code = next((c for c in need[term] if before.endswith(c) and not
                         before[-len(c) - 1:-len(c)].isalnum()), None)
            if code is None:
                continue
            start = len(before) - len(code) + max(0, i - 12)
        out.append((start, i + hit, terms[term] == "product"))
        pos = i + hit
    return out


# Codes written before a Chinese product name. Glued to it: shape letters (U型), letter codes
# and letter-led codes (LED灯带, PVC软门帘, T8灯管, J422焊条, YJV电缆, HF46F继电器); after a space
# only well-known codes (LED 投光灯, COB 轨道射灯, N95 口罩, 18650 电池, T/C 斜纹布).
_ZH_GLUED = re.compile(r"(?<![A-Za-z0-9#./-])(?:[A-Za-z]型|[A-Za-z]{2,6}|[A-Za-z]{1,4}\d{1,4}[A-Za-z]{0,3})$")
_ZH_SPACED = re.compile(r"(?<![A-Za-z0-9#.-])(?:LED|COB|SMD|PVC|UPVC|CPVC|PPR|HDPE|LDPE|PE|PP|PET|PU|EVA|ABS|TPU|"
                        r"TPE|OPP|BOPP|CPP|CNC|USB|AC|DC|UV|GN|BV|BVR|RVV|YJV|KN95|N95|KF94|FFP[123]|18650|21700|"
                        r"T5|T8|GU10|MR16|E27|E14|T/C|TC|CVC) ?$", re.IGNORECASE)
_NOT_CODE = re.compile(r"^(?:M\d{1,2}|Q\d{3}[A-E]?|HRB\d+E?|SUS\d+L?|SS\d+|AISI\d+|[A-Z]\d-\d{2}|"
                       r"pls|please|hi|hello|need|want|buy|the|of|for|and|or|our|your|some|about|any|order|quote|"
                       r"price|sample|samples|ok|okay|oem|odm|is|are|to|in|on|with|we|you|my|an|new|old|same|big|"
                       r"small|good|best|cheap|high|low|top|de|da|po|pi|qty|moq|fob|cif|cfr|exw|ddp|dap|usd|"
                       r"rmb|eur|hk|tw|ps|re|fw|fwd|pdf|amazon|alibaba|made|china|have|has|iso|din|astm|sgs|"
                       r"ce|rohs|honda|toyota|altis|hilux|nissan|ford|bmw|audi|vw|kia|hyundai|suzuki|yamaha|"
                       r"thanks|thank|sorry|dear|sir|boss|manager|lah|la|ah|ok啦|sales|mr|ms|mrs|also|only|"
                       r"like|more|less|all|this|that|these|those|each|per|pcs|pc|set|sets|hs|tel|fax)$",
                       re.IGNORECASE)
# "X式" make of a Chinese product (旋启式止回阀, 叶轮式增氧机, 给袋式包装机), not 正式/方式/款式 …
_ZH_SHI_STOP = re.compile(r"(?:正|方|形|样|款|格|模|程|公|仪|各|中|西|欧|美|日|韩|新|老|旧|这|那|哪|什么|一|那种|这种)式$")
# A product word naming a company or factory ("阀门厂", "恒泰轴承经销有限公司", "Bilal Tiles &
# Sanitary", "Truck Filter Supplies Ltd"), not a product anyone asks for.
_COMPANY_AFTER_ZH = re.compile(
    r"(?:管件|配件|设备|制造|科技|实业|贸易|机械|五金|经销|销售|制品|工业|电子|进出口|材料|股份|工程|建设|装备|技术){0,3}"
    r"(?:有限(?:责任)?公司|公司|集团|厂(?!家|商)|工厂|商行|经营部|门市部|销售部|业务部|企业)")
_COMPANY_AFTER_EN = re.compile(
    r"\s?(?:(?:&\s)?[A-Z][A-Za-z&.]{0,20}\s){0,2}?(?i:co\.|co,|ltd|limited|inc\b|corp\b|llc|gmbh|trading|traders|"
    r"industries|industrial|enterprises?|group|pte|sdn|s\.a\.|srl|jsc|supplies|solutions|imports?|exports?|"
    r"distribution|distributors|international|intl|holdings)|\s&\s[A-Z]")
_MAKER_AFTER_EN = re.compile(r"\s(?:[a-z]{3,12}\s)?(?:manufacturers?|manufacturing|factory|factories|company|"
                             r"companies|industry|makers?|producers?)\b", re.IGNORECASE)
# "阀门" in a salutation naming the supplier ("瑞丰阀门销售部：", "鲁鼎紧固件 销售您好：").
_SALUTATION_AFTER = re.compile(r"\s?(?:销售部|采购部|业务部|销售|采购|负责人|经理|老板|全体|各位)?\s?(?:负责人)?\s?(?:您好|你好)?\s?[：:,，]")
# Before an English product: a reference back to one already named ("the inverter", "each
# chair", "modules per 40HQ") or the customer's own equipment ("for tractor 90hp").
_REFERENCE_BEFORE = re.compile(r"(?:\b(?:the|these|those|this|that|each|per|every|of our|our own)\s)$", re.IGNORECASE)
_FOR_BEFORE = re.compile(r"\b(?:for|fits|fit)\s$", re.IGNORECASE)
# Packaging words used as packing details ("50 pcs per carton", "export cartons", "每包贴标签").
_PACKING_WORDS = frozenset({"carton", "cartons", "polybag", "polybags", "poly bag", "poly bags", "color box",
                            "color boxes", "colour box", "colour boxes", "sticker", "stickers", "box", "boxes",
                            "bag", "bags", "纸箱", "外箱", "标签", "贴纸", "包装盒", "包装袋", "托盘", "木托盘", "opp袋",
                            "pe袋", "logo sticker", "logo stickers", "master carton", "master cartons",
                            "shipping box", "shipping carton", "shipping cartons", "white box", "gift box", "网袋",
                            "小网袋", "编织袋", "铝箔袋", "纸盒", "彩盒", "吨袋", "真空袋", "自封袋", "pe自封袋", "气泡袋",
                            "木箱", "礼盒", "泡沫箱", "carton box", "carton boxes", "export carton", "export cartons",
                            "pallet", "pallets", "wooden pallet", "wooden pallets", "jumbo bag", "jumbo bags"})
_PACKING_BEFORE = re.compile(r"(?:per|each|/|in|into|with|export|master|inner|outer|neutral|strong|standard|"
                             r"individual|our|the|a|on|by|of|每|用|贴|装|入|放|进|一|个|只|件|套|pcs|箱|盒|公斤|kg|头)\s?$",
                             re.IGNORECASE)
_PACKING_AFTER = re.compile(r"\s?(?:packing|packaging|package|包装|装|内|里|上|贴|印|with our|for each|per)",
                            re.IGNORECASE)


@lru_cache(maxsize=16)
def _lexical(norm: str) -> _Lexical:
    lex = lexicon()
    low = norm.lower()
    raw = _en_matches(low, lex) + _zh_matches(low, lex)
    raw.sort()
    products: list[tuple[int, int]] = []
    words: list[tuple[int, int]] = []
    for start, end, is_product in raw:
        if not is_product:
            words.append((start, end))
            continue
        word = norm[start:end].lower()
        if word in lex.not_products or _names_company(norm, start, end):
            continue
        if " " not in word and not _IS_CJK.match(word) and (
                _REFERENCE_BEFORE.search(norm, max(0, start - 12), start) or
                (_FOR_BEFORE.search(norm, max(0, start - 6), start) and norm[end:end + 2].strip()[:1].isdigit())):
            continue
        if word in _PACKING_WORDS and (_PACKING_BEFORE.search(norm, max(0, start - 12), start)
                                       or _PACKING_AFTER.match(norm, end, min(len(norm), end + 12))):
            continue
        start = _extend_left(norm, low, start, _IS_CJK.match(norm, start) is not None, lex)
        if products and start < products[-1][1]:  # "KN95 口罩": the code was a product of its own
            products[-1] = (products[-1][0], end)
            continue
        products.append((start, end))
    products = _drop_repeats(norm, _merge_bilingual(norm, products))
    words = [w for w in words if not _overlaps(products, w[0], w[1])]
    return _Lexical(tuple(products), tuple(_join_colours(norm, words, lex)))


_COLOUR_JOIN = re.compile(r"\s?(?:and|or|&|/|,|\+|、|和|或|及|与|同)?\s?", re.IGNORECASE)
_COLOUR_SHARE = re.compile(r" ?\d{1,3}%")
_COLOUR_LABEL = re.compile(r"(?:colou?rs?|shade|in)\s?[:：=-]?\s?$", re.IGNORECASE)


def _join_colours(norm: str, words: list[tuple[int, int]], lex: _Lexicon) -> list[tuple[int, int]]:
    """Colours written as one list are one specification ("black and white", "黑/蓝/红",
    "blue 60%, green 30%"); a lone one-character colour (白) is none."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []

    def flush() -> None:
        if len(run) > 1:
            out.append((run[0][0], run[-1][1]))
        elif run:
            start, end = run[0]
            word = norm[start:end]
            if _IS_CJK.match(word):
                if end - start > 1:
                    out.append(run[0])
            elif " " in word.strip() or _COLOUR_LABEL.search(norm, max(0, start - 14), start):
                out.append(run[0])  # "navy blue"; "colour: black" — a bare English colour word is often no spec

    for start, end in words:
        word = norm[start:end].lower()
        if word not in lex.colours:
            flush()
            run = []
            out.append((start, end))
            continue
        m = _COLOUR_SHARE.match(norm, end)
        if m:
            end = m.end()
        if run and _COLOUR_JOIN.fullmatch(norm, run[-1][1], start) and (start > run[-1][1] or _IS_CJK.match(word)):
            run.append((start, end))
        else:
            flush()
            run = [(start, end)]
    flush()
    return out


_SHI_ONE = frozenset("立卧台挂吊柜壁")  # 立式, 卧式, 台式 …: one character before 式


def _modifier_before(low: str, start: int, cjk: bool, lex: _Lexicon) -> int:
    """Where a material/make written right before the product at ``start`` begins."""
    before = low[start - 1:start]
    if cjk:
        if before in lex.zh_mod_last:
            for n in lex.zh_mod_lengths:
                if n <= start and low[start - n:start] in lex.zh_mods:
                    return start - n
        if low[start - 1:start] == "式" and start >= 2:
            n = 1 if low[start - 2] in _SHI_ONE else 2
            make = low[max(0, start - 1 - n):start]
            if len(make) == n + 1 and all(_IS_CJK.match(c) for c in make[:-1]) and not _ZH_SHI_STOP.search(make):
                return start - 1 - n
    end = start - 1 if before in (" ", "-") else start
    if end == start and not cjk:
        return start
    last = low[end - 1:end]
    if not last.isalnum() or _IS_CJK.match(last):
        return start  # an English modifier ends with a Latin letter or digit
    lengths = lex.en_mod_lengths
    for m in _WORD_START.finditer(low, max(0, end - lengths[0]), end):  # longest first
        s = m.start()
        if (end - s) in lengths and low[s:end] in lex.en_mods:
            return s
    return start


_WORD_START = re.compile(r"(?<![^\W_])[^\W_]")  # a letter or digit after none


def _overlaps(spans: list[tuple[int, int]] | tuple[tuple[int, int], ...], start: int,
              end: int) -> tuple[int, int] | None:
    """The span of ``spans`` (sorted, not overlapping) that overlaps ``start:end``, if any."""
    i = bisect.bisect_right(spans, (start, 1 << 62))
    for j in (i - 1, i):
        if 0 <= j < len(spans) and spans[j][0] < end and spans[j][1] > start:
            return spans[j]
    return None


def _merge_bilingual(norm: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name given in both languages is one product: "non-woven bag 不织布购物袋",
    "豆腐猫砂 tofu cat litter", "KN95 口罩"."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            prev_start, prev_end = out[-1]
            gap = norm[prev_end:start]
            cjk_after = _IS_CJK.match(norm, start) is not None
            cjk_before = _IS_CJK.match(norm, prev_end - 1) is not None
            if gap in ("", " ") and cjk_after != cjk_before:
                out[-1] = (prev_start, end)
                continue
        out.append((start, end))
    return out


def _names_company(norm: str, start: int, end: int) -> bool:
    if _IS_CJK.match(norm, start):
        if _COMPANY_AFTER_ZH.match(norm, end, min(len(norm), end + 16)):
            return True
        # A brand and a product word opening the message: the supplier's name in a salutation.
        line_start = norm.rfind("\n", max(0, start - 6), start) + 1 if start > 5 else 0
        if 1 <= start - line_start <= 5 and not norm[:line_start].strip() and \
                all(_IS_CJK.match(c) for c in norm[line_start:start]):
            return _SALUTATION_AFTER.match(norm, end, min(len(norm), end + 16)) is not None
        return False
    if _MAKER_AFTER_EN.match(norm, end, min(len(norm), end + 16)):
        return True
    return norm[start:start + 1].isupper() and \
        _COMPANY_AFTER_EN.match(norm, end, min(len(norm), end + 40)) is not None


def _extend_left(norm: str, low: str, start: int, cjk: bool, lex: _Lexicon) -> int:
    for _ in range(3):
        new = _modifier_before(low, start, cjk, lex)
        if new == start:
            break
        start = new
    if cjk and _IS_CJK.match(norm, start):
        m = _ZH_GLUED.search(norm, max(0, start - 12), start)
        if m and not _NOT_CODE.match(m.group(0)):
            start = m.start()
        else:
            m = _ZH_SPACED.search(norm, max(0, start - 8), start)
            if m:
                start = m.start()
        if norm[start - 1:start] == " ":
            m = _ZH_SPACED.search(norm, max(0, start - 8), start)  # "GU10 LED 灯胆"
            if m:
                start = m.start()
    return start


def _singular(word: str) -> str:
    for suf, rep in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("sses", "ss"), ("s", "")):
        if word.endswith(suf) and len(word) > len(suf) + 2:
            return word[: -len(suf)] + rep
    return word


def _key(text: str) -> str:
    words = re.split(r"[\s-]+", text.lower())
    return " ".join(words[:-1] + [_singular(words[-1])])


def _drop_repeats(norm: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A product is named once per message: a later plural/singular repeat, or a bare head
    repeating a fuller name in the same message ("hybrid inverter" … "the inverter"), is no
    new product."""
    if len(spans) < 2:
        return spans
    keys = [_key(norm[s:e]) for s, e in spans]
    tails: set[str] = set()  # word endings (Chinese: character endings) of every name
    for k in keys:
        if _IS_CJK.search(k):
            tails.update(k[i:] for i in range(1, len(k) - 1))
        words = k.split(" ")
        tails.update(" ".join(words[i:]) for i in range(1, len(words)))
    out, seen = [], set()
    for span, k in zip(spans, keys):
        if k in seen or k in tails:
            continue
        seen.add(k)
        out.append(span)
    return out


def extract_products(ctx: Context) -> list[Found]:
    """Product names as written, in order of appearance (each name once per message)."""
    out: list[Found] = []
    for start, end in _lexical(ctx.norm[:_MAX_SCAN]).products:
        text = ctx.original(start, end).strip()
        if text:
            out.append(Found(text, text, start, end))
    return out


# ---------------------------------------------------------------------------------------------
# Specifications
# ---------------------------------------------------------------------------------------------

_N = r"(?>\d{1,6}(?:\.\d{1,4})?)"          # a number (bounded: linear time on a megabyte of digits)
_X = r" ?[x×X*] ?"
_E = r"(?![0-9A-Za-z])"                  # a code or number ends here
_IN = r"(?:\d{1,2}-\d/\d{1,2}|\d{1,2}/\d{1,2}|\d{1,3}(?:\.\d{1,2})?)(?: ?\"| ?(?:inch|inches)\b| ?in\.|寸|吋|英寸)"
_GRADES = r"(?:4\.6|4\.8|5\.6|5\.8|6\.8|8\.8|9\.8|10\.9S?|12\.9)"
# A dimension's noun kept with it: "35 mm frame", "140cm width", "1.2mm thick", "20cm 左右", "60cm高".
_DIM_NOUN = (r"(?:(?: (?:width|wide|thick|thickness|long|length|height|deep|depth|dia|diameter|bore|"
             r"wall|WT|HH|frame|cup|round|strip|slab|skin|stripe|cable|screw|hole|caliber|cut-out|opening)\b)|"
             r"(?: ?(?:左右|以上|以下|以内))|[宽高长厚深](?![度]))?")
_SS = r"(?:201|202|304L?|316L?|310S?|321|410|420|430|2205|2507)"
_FIBRE = (r"(?:cotton|polyester|poly|linen|nylon|spandex|elastane|lycra|viscose|rayon|modal|wool|silk|acrylic|"
          r"bamboo|pcr|recycled|rpet|organic cotton|al2o3|isopropyl alcohol|涤纶|棉|氨纶|粘胶|锦纶|羊毛|真丝)")
_MATERIALS = (r"(?:Q[1-4]\d{2}[A-E]?|\d{2}#钢?|[1-6]\dCr(?:MoV?|MnTi|Ni(?:Mo)?)?\d?|GCr15|Cr12(?:MoV)?|HT[1-3][05]0|"
              r"QT[4-9]\d0-\d{1,2}|(?:Al ?|AL ?)?[5-7]0\d{2}(?:-T\d{1,2})?|HRB[3-5]\d{2}E?|WC[BC]|LCB|CF[38]M?|"
              r"SS[34]00|S[23]\d5J[R0-2]|A105|ER\d{2}-\d|E\d{2}T-\d{1,2}C?|H08Mn2?A|TC4|ADC12|H6[25]|H59|"
              r"Inconel ?[A-Z0-9]{2,6}|SPCC|SECC|DC0[1-6]|SGCC|ST3[57]|ST52|C45|SCM4[34]0|SKD11|P20|718H|NAK80|S136|"
              r"SUS ?" + _SS + r"|AISI ?" + _SS + r"|A[24]-(?:50|70|80)(?: ?[(（]316L?[)）])?|A[24] stainless|E[01]级?)")

# Digit-led specifications, most specific first (the first alternative that matches wins).
_NUM_ALTS: list[tuple[str, str]] = [
    ("container", r"(?:\d{1,2} ?[x×X*] ?)?(?P<v>(?:20|40|45) ?(?:'|ft|FT|尺|呎)? ?(?:GP|HQ|HC|DC|RF|OT|FR|gp|hq|hc)"
     r"|(?:20|40|45) ?(?:尺|呎) ?高?(?:柜|货柜|櫃)|(?:20|40|45) ?(?:ft|FT|feet|')(?! ?[x×]))" + r"(?![0-9A-Za-z])"),
    ("tyre", r"(?:\d{3}/\d{2} ?Z?R ?\d{2}(?:\.\d)?C?|\d{1,2}(?:\.\d{1,2})?R\d{2}(?:\.\d)?|\d{1,2}\.\d{2}-\d{2}|"
     r"\d{2}\.\d-\d{2}|\d{3}x\d{2}C)" + _E),
    ("bearing", r"(?:[1-7]\d{3,4}(?:CA|CC|MB|E|K)?/W33|[1-7]\d{3,4}(?:-?(?:2RS[H1R]?|2RZ|2Z|ZZ|RS|Z|NR|DDU|LLU)|"
     r"-?2RS\b))(?: ?C[0-5](?: ?游隙)?)?" + _E),
    ("auto_oe", r"\d{5}-(?:[0-9A-Z]{5}|[A-Z]{3}-\d{3})" + _E),
    ("thread", r"\d/\d{1,2}-\d{2}" + _X + r"\d{1,2}(?:-\d/\d{1,2})?(?:\.\d{1,2})?\"?"),
    ("material", r"1\.4[0-9]{3}" + _E),
    ("inch", _IN + r"(?: ?(?:SCH|sch) ?\d{2,3}S?)?(?: ?(?:to|-|~|至|到) ?" + _IN + r")?(?:" + _X + _IN + r")?"),
    ("grade", _GRADES + r" ?级(?: ?以上)?|\d{1,2} ?级(?:精度|以上)|"
     + _GRADES + r"(?= ?(?:and|&|/|或|和|grade|class|hex|bolt|螺))"),
    ("material", _SS + r"(?: ?(?:stainless steel|stainless|SS|ss|不锈钢|不鏽鋼|inside|内胆))?(?![0-9A-Za-z.%/x×*-])"
     r"(?! ?(?:pcs|pc|sets?|units?|个|只|件|套|台|支|元|块|mm|cm|kg|g|m\b|米|吨|usd|rmb|nos))"),
    ("material", r"\d{2}#钢?|[1-6]\dCr(?:MoV?|MnTi|Ni(?:Mo)?)?\d?" + _E + r"|[5-7]0\d{2}-T\d{1,2}" + _E),
    ("fibre", r"\d{1,3}(?:\.\d)?% ?" + _FIBRE + r"(?:(?: |/|,? ?\+ ?)\d{1,3}(?:\.\d)?% ?" + _FIBRE + r"){0,2}"),
    ("ratio", r"\d{2}/\d{2} ?(?:T/C|TC|CVC|polyester/cotton|poly/cotton|涤棉)|\d{1,3}(?:\.\d)?% ?含量"),
    ("section", r"(?:\d{1,2}C ?x ?)?" + _N + r" ?(?:mm²|mm2|sq ?mm|平方毫米|㎟)|(?:1|1\.5|2\.5|4|6|10|16|25|35) ?平方(?!米)"),
    ("dims", _N + r"(?: ?(?:mm|cm|m|in|\"))?(?:" + _X + _N + r"(?: ?(?:mm|cm|m|in|\"))?){1,3}"
     r"(?: ?(?:mm|cm|m|in|inch|\"|毫米|厘米|公分|米|寸))?(?![0-9A-Za-z.])(?! ?(?:'|ft|HQ|GP|HC|hq|gp|hc|尺|呎|containers?|柜))"
     + _DIM_NOUN),
    ("fabric", r"\d{2,4} ?(?:gsm|GSM|g/m2|g/㎡|g/m²)|\d{2,4}[dD](?: ?[*x/+] ?\d{2,4}[dD])?(?![A-Za-z0-9])|"
     r"\d{2,3} ?支(?=纱|贡缎|精梳|棉)(?:纱|贡缎)?|\d{2,3}s ?[x×] ?\d{2,3}s|\d{2,4} ?TC(?![A-Za-z])|"
     r"\d{1,2} ?姆米|\d{1,2} ?(?:oz|OZ)(?![A-Za-z])|\d{1,2} ?丝(?![A-Za-z\u4e00-\u9fff])|\d{1,2} ?mil\b"),
    ("fabric", r"\d{1,2}[- ]?(?:ply|layer|layers|层)(?![A-Za-z])|\d{1,2}-(?:piece|pc|person|seat|seater|burner|"
     r"cavity|bottle|colour|color|section|furrow|part|pass|row|way|drawer|door|tier|station|speed|axis)\b|"
     r"\d{1,2} (?:cavities|rows|colours|colors|layers)\b"),
    ("voltage", r"0-10 ?V(?: dimm(?:able|ing))?|"
     r"(?:AC|DC)? ?" + _N + r"(?: ?V)?(?:/" + _N + r" ?V?){0,3} ?(?:V|kV|KV|伏)(?:AC|DC|ac|dc)?"
     r"(?:(?: ?/ ?| )(?:50|60) ?(?:Hz|HZ|hz))?(?: (?:single|three|3|1)[ -]?phase| ?(?:单相|三相)| 3φ)?"
     r"(?:(?: ?/ ?| )(?:50|60) ?(?:Hz|HZ|hz))?(?: " + _N + r" ?(?:A|mA|uF|μF))?(?![0-9A-Za-z])"),
    ("power", _N + r" ?(?:kW|KW|kw|Kw|MW|mw|MWp|MWP|mwp|kWp|Wp|W|w|kVA|KVA|kva|Kva|VA|kWh|KWH|kwh|Wh|mAh|mah|Ah|"
     r"HP|hp|Hp|马力|千瓦|瓦)(?![0-9A-Za-z])"),
    ("current", _N + r" ?(?:A|mA|uF|μF|nF|pF)(?![0-9A-Za-z/])"),
    ("freq", r"(?:50|60) ?(?:Hz|HZ|hz)" + _E),
    ("cct", r"(?:1[89]\d{2}|[2-9]\d{3}|10000) ?[Kk]" + _E),
    ("pressure", _N + r" ?(?:bar|Bar|BAR|MPa|Mpa|mpa|MPA|psi|PSI|kPa|kg/cm2)" + _E),
    ("flow", _N + r" ?(?:L/min|l/min|LPM|m3/h|m³/h|m3/min|t/h|T/H|kg/h|pcs/h|LEDs/m|leds/m|W/m|w/m)" + _E),
    ("speed", r"\d{1,3}(?:,\d{3})? ?(?:rpm|RPM|r/min)" + _E),
    ("temp", r"\d{1,3} ?(?:°C|℃|°F)"),
    ("mesh", r"\d{1,3}(?:-\d{1,3})? ?(?:mesh|目)" + _E),
    ("packing", r"\d{1,3}(?:,\d{3})? ?(?:pcs|pieces|units|sets|pairs|gloves|boxes|bags|rolls|sheets|sachets|m|"
     r"meters)? ?"
     r"(?:/ ?|per |in a |in each )(?:box|ctn|carton|bag|pack|roll|reel|drum|pallet|case|inner|polybag|bundle|coil|"
     r"master carton|inner box|display box)\b|\d{1,4} ?(?:个|只|片|条|支|套|件|包|盒|卷|张|本|双|粒|颗)/(?:箱|盒|包|袋|卷|扎|托)"),
    ("packing", r"\d{1,3} ?(?:kg|KG|Kg|公斤|千克) ?(?:/ ?(?:bag|ctn|carton|box|drum|roll|pc|盘|袋|箱|桶|包|卷)|bags?\b|"
     r"袋装?|装|真空袋|网袋|箱)"),
    ("volume", _N + r" ?(?:ml|mL|ML|毫升)" + _E + r"|(?:[1-9]|[1-5]\d|60)(?:\.\d)? ?(?:L|l|升)(?![0-9A-Za-z/])"),
    ("weight", _N + r" ?(?:g|克)(?![0-9A-Za-z/])"),
    ("length", _N + r" ?(?:mm|MM|cm|CM|m)? ?(?:to|-|~|至|到) ?" + _N + r" ?(?:mm|MM|cm|CM|μm|um|毫米|厘米|公分)" + _E),
    ("length", _N + r" ?(?:mm|MM|cm|CM|μm|um|微米|毫米|厘米|公分)" + _E + _DIM_NOUN),
    ("length", r"(?:\d{1,2}(?:\.\d{1,2})?|100) ?(?:m|M|meters?|metres?)" + _E + _DIM_NOUN + r"|"
     r"\d{1,2}(?:\.\d{1,2})? ?米(?:[宽长高](?![度]))?(?=[的杆床定/，,、。 )）\n]|$)"),
    ("engine", r"\d{2,4} ?cc" + _E),
    ("noise", _N + r" ?dB(?:\(A\)|A)?" + _E),
    ("awg", r"\d{1,2} ?AWG" + _E),
    ("ply", r"\d{1,2} ?PR" + _E),
]

# Letter-led specifications (and Φ), most specific first.
_ALPHA_ALTS: list[tuple[str, str]] = [
    ("standard", r"(?:(?i:DIN(?: EN)?(?: ISO)?|EN(?: ISO)?|ISO|ASTM|ANSI(?:/[A-Z]{2,5})?|ASME|API|AISI|SAE|JIS|"
     r"GB/?T|HG/?T|JB/?T|CB/?T|CJ/?T|YY/?T|QB/?T|BS(?: EN)?|AS/NZS|IEC|NFPA|SANS|NBR|CNS|GOST|AAMI|BIFMA|ISTA|IPC|"
     r"FEFCO|ECE|TR CU|EN ?71|DIN ISO)|GB|YY|AS|UL|IS|SNI|CAL|LM|TM)"
     r" ?-?(?:[A-Z]{1,3}[- ]?)?\d{1,6}(?:\.\d{1,3})?[A-Z]{0,3}(?:[-./:]\d{1,6}[A-Za-z]{0,3}){0,3}"
     r"(?: ?/ ?\d{4,6})?"
     r"(?: (?:Gr\.? ?[A-Z0-9]{1,3}|Grade [A-Z0-9]{1,5}|Type \d{1,2}|Class \d{1,2}[A-Z]?|Level \d|PSL ?\d|X\d{2}|"
     r"medium|heavy|light|Part \d{1,2}|[A-Z]\d{3,4}|CWZ|V-0|3\.[12]|"
     r"(?i:class|level|type|grade|gr\.) ?[A-Z0-9]{1,4})){0,3}"
     r"(?: M\d{1,2}(?:" + _X + _N + r"){0,2})?" + _E),
    ("thread", r"(?<![0-9] )[Mm](?:[3-9]|[1-9][0-9])(?:\.\d)?(?:" + _X + _N + r"){0,2}"
     r"(?: ?(?:to|-|~|至|到) ?[Mm]\d{1,2})?"
     r"(?: ?[(（]\d{1,2}(?:\.\d)?级[)）])?" + _E + r"|ST\d(?:\.\d)?" + _X + r"\d{1,3}" + _E),
    ("grade", r"(?:grade|Grade|GRADE|class|Class|CLASS|property class|gr\.|Gr\.) ?(?:" + _GRADES +
     r"|\d{1,2}|[A-C](?![A-Za-z0-9]))" + _E),
    ("material", _MATERIALS + _E + r"|(?i:stainless steel|stainless) ?" + _SS + _E),
    ("dn", r"(?:DN|dn|Dn) ?\d{2,4}(?: ?[-~] ?(?:DN|dn) ?\d{2,4})?(?:[x×]\d{1,2}(?:\.\d{1,2})?)?"
     r"(?: ?(?:PN|pn) ?\d{1,3}(?:\.\d)?)?(?: ?[(（]\d{1,2}(?:\.\d)?寸[)）])?" + _E
     + r"|(?:PN|pn) ?\d{1,3}(?:\.\d)?" + _E + r"|(?:SCH|sch|Sch) ?\d{2,3}S?" + _E),
    ("ip", r"(?:IP|ip) ?[0-6][0-9X]" + _E + r"|(?:CRI|cri|Ra|RA|R9|UGR|ugr) ?(?:>|≥|>=|<|≤|＞)? ?\d{2}" + _E),
    ("colour", r"(?:RAL|Ral) ?\d{4}" + _E
     + r"|(?:PANTONE|Pantone|pantone) ?(?:\d{2}-\d{4}(?: ?TPX| ?TCX)?|\d{3,4} ?[CU])" + _E),
    ("diameter", r"[Φφ∅Ø] ?" + _N + r"(?:" + _X + _N + r"){0,2}(?: ?(?:mm|cm))?(?: ?H\d)?" + _E),
    ("bearing", r"(?:N|NU|NJ|NUP|NN)\d{3,4}(?:E|EM|ECP|ECJ|M)?" + _E + r"|UC[PF]?[LT]?\d{3}" + _E +
     r"|DAC\d{8}" + _E + r"|NK\d{2}/\d{2}" + _E),
    ("clearance", r"C[0-5] ?游隙|P[0-6] ?级|(?:AQL|aql) ?\d(?:\.\d{1,2})?" + _E + r"|(?i:ppap) level \d|"
     r"(?:OE|oe|OEM) ?(?:no\.? ?)?[0-9][0-9A-Z]{4,11}(?:-[0-9A-Z]{2,6}){0,2}" + _E
     + r"|HS(?: code)? ?\d{4}(?:\.\d{2}){0,2}" + _E),
    ("size", r"(?i:sizes?) ?(?:[0-9]{1,2}(?! ?(?:oz|mm|cm|m\b|\"|/|x|[0-9]))|X{0,3}[SML]|XXL|XXXL|[2-5]XL)"
     r"(?:(?: ?[-/,] ?| and | to )(?:[0-9]{1,2}(?! ?(?:oz|mm|cm|m\b|\"|/|x))|X{0,3}[SML]|XXL|XXXL|[2-5]XL)){0,6}" + _E),
    ("lamp", r"(?:E(?:27|14|40|12)|GU10|GU5\.3|MR16|B22|G9|G4|H[1-9]|H1[1-3]|T5|T8|T10|A60|C37|ST64|G45|G95)" + _E),
    ("paper", r"(?:A[3-6]|B[4-6])(?= ?(?:size|paper|纸|size|,|，|\s|$))" + _E),
    ("fabric", r"(?:GSM|gsm) ?\d{2,4}" + _E),
    ("thread", r"#(?:[1-9]|1[0-4])(?![0-9])(?:" + _X + r"\d{1,2}(?:-\d/\d{1,2})?(?:\.\d{1,2})?\"?)?" + _E),
]

_ZH_ALTS: list[tuple[str, str]] = [
    ("zh_measure", r"(?:直径|外径|内径|口径|管径|孔径|丝径|线径|壁厚|厚度|宽度|长度|高度|幅宽|门幅|缸径|杆径|行程|模数|"
     r"齿数|节距|孔距|扬程|流量|承重|载重|分子量|工作压力|额定压力|公称压力|开孔|网孔|中间孔|平面度|位置度|粗糙度|内宽|内长|内高|"
     r"外宽|外长|外高|长|宽|高)"
     r" ?[:：]? ?(?:≥|≤|>|<|约|大约)? ?\d{1,6}(?:[./]\d{1,4})?(?: ?(?:-|~|到|至) ?\d{1,6}(?:\.\d{1,4})?)?"
     r"(?: ?(?:mm|cm|m|μm|um|MPa|mpa|kg|t|吨|米|毫米|厘米|公分|寸|万|方每小时|方/小时|m3/h|L/min))?"),
    ("material", r"不锈钢 ?" + _SS + _E),
]


def _group(alts: list[tuple[str, str]], lead: str) -> tuple[re.Pattern, dict[str, str]]:
    parts, kinds = [], {}
    for i, (kind, rx) in enumerate(alts):
        name = f"k{i}"
        kinds[name] = kind
        parts.append(f"(?P<{name}>{rx.replace('(?P<v>', f'(?P<v{i}>')})")
    return re.compile(lead + "(?:" + "|".join(parts) + ")"), kinds


_RX_NUM, _KIND_NUM = _group(_NUM_ALTS, "")
_RX_ALPHA, _KIND_ALPHA = _group(_ALPHA_ALTS, "")
_RX_ZH, _KIND_ZH = _group(_ZH_ALTS, "")
# Where those can start. Each starts with a character class, so the regex engine skips the rest
# of the text at C speed; the boundary is checked by a look-behind over that first character.
# The runs before a look-ahead's test are possessive: what follows them is no character of the
# run, so giving characters back could never help.
_NUM_START = re.compile(r"[0-9](?<![0-9A-Za-z./#-][0-9])(?!(?<=[0-9],[0-9])[0-9]{2}(?![0-9]))"
                        r"(?![0-9.,]{0,12}+ ?(?:(?:pcs|pc|pieces|sets?|units?)\b(?! ?(?:/|per\b|in (?:a|each)\b))|"
                        r"(?:days?|weeks?|months?|years?|yrs|usd|rmb|nos|tons|mt|and|or|of|the|to)\b))"
                        r"(?=[0-9.,]{0,12}+(?: ?[A-Za-z\"'%×*/°℃~#]|-| ?[级寸吋米支丝层度克升公毫平厘瓦伏马千目英尺呎柜左以姆内不])"
                        r"|(?:201|202|304|316|310|321|410|420|430|2205|2507)(?![0-9]))")
_ZH_START = re.compile("(?:直径|外径|内径|口径|管径|孔径|丝径|线径|壁厚|厚度|宽度|长度|高度|幅宽|门幅|缸径|杆径|行程|模数|齿数|"
                       "节距|孔距|扬程|流量|承重|载重|分子|工作|额定|公称|开孔|网孔|中间|平面|位置|粗糙|内宽|内长|内高|外宽|外长|外高|"
                       "长\\d|宽\\d|高\\d|不锈)")
_ALPHA_START = re.compile(r"[A-Za-zΦφ∅Ø#](?<![0-9A-Za-z.#/_@-].)(?=[A-Za-z/. <>≥≤=-]{0,18}+[0-9])")
_RX_MODEL = re.compile(r"[A-Za-z0-9](?<![0-9A-Za-z.#/_@-].)"
                       r"(?:(?<=[A-Za-z])(?=[A-Za-z0-9/.-]{0,40}?[0-9])|(?<=[0-9])(?=[A-Za-z0-9/.-]{0,40}?[A-Za-z]))"
                       r"[A-Za-z0-9]{0,11}(?:[-/.][A-Za-z0-9]{1,10}){0,4}(?![0-9A-Za-z_@-]|\.[0-9A-Za-z])")

_MODEL_STOP = re.compile(
    r"(?:\d+(?:pcs|pc|sets?|units?|ctns?|cartons?|boxes|box|rolls?|pairs?|nos|ea|tons?|mt|kgs?|lbs?|k|m|w|st|nd|"
    r"rd|th|x|pm|am|h|hrs?|days?|d|yrs?|years?|months?|weeks?|mins?|s|pack|bags?|drums?|pallets?|containers?|"
    r"lots?|km|mm|cm|g|l|ml|v|a|hz|kw|kva|kwh|mah|ah|oz|gsm|mw|mwp|wp|hp|pcs/ctn|pcs/box|k?pcs)|"
    r"(?:usd|us|rmb|cny|eur|hkd|ntd|twd|gbp|aud|jpy|inr|q|h|covid|mp|wk|week|no|po|pi|inv|ref|fy|v|ver|"
    r"page|p|tel|fax|room|rm|unit|floor|fl|blk|block|lot|zip|win|ios|mt|wa|wx|vx|qq|id|uid|rd|dept|ext|"
    r"flat|suite|apt|box|pobox|ctn|case|line|item|sku|art|ord|so|pr|sn|tx|bl|awb|hbl|mbl)[-/.]?\d+(?:\.\d+)?|"
    r"\d+(?:k|m)\d*|[a-z]\d|\d[a-z]|\d+x\d*|x\d+|\d+[a-z]?/\d+|\d+/[a-z]+|"
    r"(?:19|20)\d{2}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?|mp3|mp4|[2-5]g|"
    r"\d{1,2}(?:am|pm)|\d+-\d+(?:pcs|days?|weeks?|months?|years?|k)?|\d{1,6}(?:\.\d+)?[x*].*|"
    r"\d+-[a-z]{3,}s?|\d+-\d+[a-z]{1,3}|\d+k/.*|(?:po|pi|inv|so|pr|qt|rfq|tnd|tender|ref|order|lc)-.*|"
    r"tier-?\d|cet-?\d|tem-?\d|ielts.*|toefl.*|.*\.(?:pdf|zip|rar|xlsx?|docx?|jpe?g|png|step|stp|dwg|dxf)|"
    r"[a-z]{1,2}\d{1,2}[a-z]?|\d+[a-z]{1,2}s|(?:[a-z]{1,5}-){1,3}(?:19|20)?[0-9]{4}-[0-9]{2,4})",
    re.IGNORECASE)
# A code right after one of these is an order, account, address or phone reference, not a model.
_REFERENCE_WORDS = frozenset(
    "po p.o. pi order invoice inv contract ref quotation quote offer tender no no. number # tracking awb b/l bl "
    "account acct a/c swift iban code id pin password project tel fax phone mob mobile whatsapp wechat skype qq "
    "zip postcode address road street avenue st. rd. blk unit floor room building plot rfq lot "
    "订单 订单号 合同 合同号 单号 编号 发票 报价单 批号 项目 微信 电话 手机 邮编 地址".split())
_REFERENCE_TAIL = ("订单号", "合同号", "单号", "编号", "发票", "报价单", "批号", "项目", "微信", "电话", "手机", "邮编",
                   "地址", "订单", "合同")


def _after_reference_word(norm: str, start: int) -> bool:
    before = norm[max(0, start - 24):start].rstrip(" :：#")
    if not before:
        return norm[start - 1:start] == "#"
    if before.endswith(_REFERENCE_TAIL):
        return True
    last = before.split()[-1].lower().strip("([{<,;") if before.split() else ""
    return last in _REFERENCE_WORDS or last.rstrip(".") in _REFERENCE_WORDS or norm[start - 1:start] == "#"
_ADDRESS_LINE = re.compile(r"\b(?:road|rd\.|street|st\.|avenue|ave\.|sector|plot|jalan|district|dist\.|bldg|"
                           r"industrial (?:area|estate|park|zone)|p\.?o\.? box|tel|fax|e-?mail|www\.|zip|postcode)\b|"
                           r"[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b|地址|路\d|号楼|邮编|电话|传真|手机",
                           re.IGNORECASE)
_PRICE_AFTER = re.compile(r"\s?(?::\s?)?(?:USD|US\$|\$|RMB|CNY|¥|￥|EUR|€|\d)", re.IGNORECASE)
_BARE_GRADE_CONTEXT = re.compile(r"bolt|screw|nut|stud|fastener|螺|紧固|锚栓", re.IGNORECASE)


_LETTERS = re.compile("[A-Za-z]")


def _keep_model(norm: str, start: int, end: int) -> bool:
    token = norm[start:end]
    if len(token) < 4:
        return False
    letters = len(_LETTERS.findall(token))
    digits = len(token) - letters - token.count("-") - token.count("/") - token.count(".")
    if letters == 0 or digits == 0:
        return False
    if letters == 1 and token[:1].isdigit() and "-" not in token:
        return False
    if _MODEL_STOP.fullmatch(token):  # after the quick tests: a long case-insensitive pattern
        return False
    if _after_reference_word(norm, start):
        return False
    return True


def _spec_candidates(norm: str) -> list[tuple[int, int, str, int]]:
    """(start, end, kind, priority) of every specification the patterns find."""
    out: list[tuple[int, int, str, int]] = []
    matches = [(0, _KIND_NUM, _RX_NUM.match(norm, s.start())) for s in islice(_NUM_START.finditer(norm), _MAX_STARTS)]
    matches += [(1, _KIND_ALPHA, _RX_ALPHA.match(norm, s.start()))
                for s in islice(_ALPHA_START.finditer(norm), _MAX_STARTS)]
    matches += [(2, _KIND_ZH, _RX_ZH.match(norm, s.start())) for s in islice(_ZH_START.finditer(norm), _MAX_STARTS)]
    for prio, kinds, m in matches:
        if m is not None:
            rx = m.re
            name = m.lastgroup
            kind = kinds.get(name or "", "")
            span = m.span()
            if name and name[1:].isdigit():
                v = f"v{name[1:]}"
                if v in rx.groupindex and m.group(v) is not None:
                    span = m.span(v)
            if span[1] > span[0]:
                out.append((span[0], span[1], kind, prio))
    address_lines: dict[int, bool] = {}
    line_starts: list[int] | None = None
    for m in islice(_RX_MODEL.finditer(norm), _MAX_STARTS):
        start, end = m.span()
        if not _keep_model(norm, start, end):
            continue
        if line_starts is None:
            line_starts = [0] + [n.end() for n in _NEWLINE.finditer(norm)]
        line = bisect.bisect_right(line_starts, start) - 1
        if line not in address_lines:  # each line is read once
            line_end = line_starts[line + 1] if line + 1 < len(line_starts) else len(norm)
            address_lines[line] = _ADDRESS_LINE.search(norm, line_starts[line], line_end) is not None
        if not address_lines[line]:
            out.append((start, end, "model", 3))
    return out


_NEWLINE = re.compile("\n")


def _spec_spans(norm: str) -> list[tuple[int, int, str]]:
    lexical = _lexical(norm)
    cands = _spec_candidates(norm) + [(s, e, "word", 4) for s, e in lexical.spec_words]
    products = lexical.products
    grade_context = None
    # Longest first, then by priority, then earliest; keep what overlaps nothing kept.
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[3], c[0]))
    taken: list[tuple[int, int, str]] = []
    rejected: set[tuple[int, int]] = set()  # a span a rule turned down is no model number either
    for start, end, kind, _ in cands:
        if (start, end) in rejected:
            continue
        text = norm[start:end].rstrip(" .,;:")
        end = start + len(text)
        if end <= start:
            continue
        clash = _overlaps(products, start, end) if kind != "fibre" else None
        if clash:  # "304" of "304不锈钢合页" stays a spec; the rest belongs to the product
            if clash[0] <= start:
                continue
            end = start + len(norm[start:clash[0]].rstrip(" -"))
            if end - start < 2 or kind in ("word", "model"):
                continue
        if (kind == "container" and _PRICE_AFTER.match(norm, end, min(len(norm), end + 8))) or \
                (text[:1] == "#" and _after_reference_word(norm, start)):
            rejected.add((start, end))
            continue
        if kind == "grade" and not text.endswith(("级", "以上")) and text[:1].isdigit():
            if grade_context is None:
                grade_context = bool(_BARE_GRADE_CONTEXT.search(norm))
            if not grade_context:
                continue
        i = bisect.bisect_left(taken, (start,))
        if (i < len(taken) and taken[i][0] < end) or (i > 0 and taken[i - 1][1] > start):
            continue
        taken.insert(i, (start, end, kind))
    return taken


def extract_specs(ctx: Context) -> list[Found]:
    """Specification strings as written, in order of appearance (each once per message)."""
    out: list[Found] = []
    seen: set[str] = set()
    for start, end, kind in _spec_spans(ctx.norm[:_MAX_SCAN]):
        text = ctx.original(start, end).strip()
        if not text or text.lower() in seen:
            continue
        seen.add(text.lower())
        out.append(Found(text, text, start, end, kind))
    return out
