"""Turn the bytes of a header or body into text, whatever the charset claims.

Real Chinese mail lies about its charset: GB2312 declared over GBK bytes, Big5 declared
over GB text, base64 declared over raw 8-bit bytes, names no codec knows (``x-gbk``,
``GB2312_CHARSET``, ``CHINESEBIG5``). The order of trust is: the alias table below, then a
strict decode with the declared codec checked for plausibility, then gb18030 / big5 trials
scored by how ordinary the Chinese they give is, then charset-normalizer, then a lossy
decode that keeps every character it can.

>>> decode_bytes("询价".encode("gbk"), "GB2312_CHARSET").text
'询价'
>>> decode_bytes("詢價單".encode("gb18030"), "big5").charset   # a lying Big5 declaration
'gb18030'
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

# Declared name (lower case, '_' and ' ' read as '-') -> the codec that really decodes it.
# GB2312 and GBK are read as GB18030, their superset; Big5 as Big5-HKSCS, its superset.
ALIASES: dict[str, str] = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb-2312": "gb18030",
    "gb2312-charset": "gb18030", "gb2312-80": "gb18030", "cp936": "gb18030", "ms936": "gb18030",
    "windows-936": "gb18030", "chinese": "gb18030", "euc-cn": "gb18030", "x-euc-cn": "gb18030",
    "csgb2312": "gb18030", "gb18030-2000": "gb18030", "gb-18030": "gb18030", "x-gb18030": "gb18030",
    "iso-ir-58": "gb18030", "hz-gb-2312": "hz",
    "big5": "big5hkscs", "big-5": "big5hkscs", "chinesebig5": "big5hkscs", "x-big5": "big5hkscs",
    "cn-big5": "big5hkscs", "csbig5": "big5hkscs", "big5-hkscs": "big5hkscs", "cp950": "big5hkscs",
    "x-x-big5": "big5hkscs", "ms950": "big5hkscs",
    "ks-c-5601-1987": "cp949", "ks-c-5601": "cp949", "euc-kr": "cp949", "ksc5601": "cp949",
    "shift-jis": "cp932", "x-sjis": "cp932", "sjis": "cp932", "windows-31j": "cp932",
    "iso-8859-8-i": "iso-8859-8", "iso-8859-6-i": "iso-8859-6",
    "x-user-defined": "windows-1252", "default": "", "default-charset": "", "unknown": "",
    "unknown-8bit": "", "x-unknown": "", "charset": "", "none": "", "us-ascii": "ascii",
    "ascii": "ascii", "ansi-x3.4-1968": "ascii", "iso-8859-1": "windows-1252",
    "latin1": "windows-1252", "latin-1": "windows-1252", "utf8": "utf-8", "utf-8": "utf-8",
    "unicode-1-1-utf-7": "utf-7", "x-mac-roman": "mac-roman", "macintosh": "mac-roman",
    "koi8r": "koi8-r", "cp-1251": "cp1251", "win-1251": "cp1251",
}
# ISO-8859-1 is read as windows-1252: mail that says latin-1 is nearly always cp1252
# (curly quotes in 0x80-0x9f), and every latin-1 byte decodes the same way in both.

CHINESE_CODECS = ("gb18030", "big5hkscs")
# Stateful encodings whose bytes are all ASCII: the declared codec must still be applied.
_SEVEN_BIT = {"utf-7", "hz", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_3", "iso2022_jp_ext",
              "iso2022_kr"}

# The 500 or so commonest characters of Chinese business mail, simplified; their
# traditional forms are added on first use. A decode that yields mostly these is right.
_COMMON_SIMPLIFIED = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之"
    "年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样"
    "理心她本前开但因只从想实日者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两"
    "高间由问很最重并物手应向头文体相见被利什二等产或新己制身果加西月话合回特代内信表化老给世"
    "位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四"
    "总何电数安少报才结反受目太量再感建务做接必场件计管期市直资命山金指许统区保至形社便空决治"
    "展科司五基眼书非则听白却界达光放强即难且权思象完设式色路记南品住告类求据程北边张该交规万"
    "取拉格望觉术领共确传师观清今切院让识候带导争运改收根干造言联持组每济车亲极林服快办议往元"
    "英士证近失转夫令准布始怎呢存未远叫台单具字爱流备连调深商算质团集百需价花城石级整府离况请"
    "技际约示复息究线似官火断精满支视消越器容照须九增研写称企八功吗包片委乎查轻易早除农找装广"
    "显吧标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列红响虽推势参希构房半节土投某"
    "案黑维划致律足态护七兴派孩验责营星够章音跟志底站严例防族供效续施留讲型料终答紧黄绝奇察母"
    "京段依批群项故按河米围江织害双境客纪采举父密低朝友诉止细愿千值仍男钱破网热助倒育属坐限船"
    "职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微继送急血惊伤"
    "素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略"
    "范竟句室异激汉村策演简卡判担州静退既衣您宗积余痛检差富灵协角占配征修皮胜降阶审沉坚善读超"
    "免压银买养怀执副乱抗追帮宣岁航优怪香著田铁控税左右份穿艺背阵草脚概顿敢守酒岛托央户烈洋索"
    "款靠评版宝座释景顾登货互付慢欧换闻危忙核暗介坏讨丽良序升监临亮露永呼味野架域沙掉括鱼杂误"
    "湖钢顶端诺材询订样厂邮箱系谢址传真联络尺寸规格材质交期报价询盘采购合同发票样品付款定金运"
    "输包装纸箱托盘港口海运空运快递批发零售代理工程设备零件配件螺栓螺母钢管阀门轴承电机电子线"
    "路板灯具面料服装塑料化工机械五金建材陶瓷家具食品农产品纺织汽车配件医疗器械包装材料客户经"
    "理总监主管老板先生小姐女士贵司敝司我司本公司有限股份集团贸易实业科技制造进出口您好谢谢祝"
)
_PLAUSIBLE_MIN = 0.45  # share of CJK characters that must be common for a decode to be trusted


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    chars = set(_COMMON_SIMPLIFIED)
    try:
        from ..text.normalize import import_zhconv

        zhconv = import_zhconv()
        chars.update(zhconv.convert(_COMMON_SIMPLIFIED, "zh-hant"))
        chars.update(zhconv.convert(_COMMON_SIMPLIFIED, "zh-tw"))
        chars.update(zhconv.convert(_COMMON_SIMPLIFIED, "zh-hk"))
    except ImportError:  # pragma: no cover - zhconv is a dependency; simplified-only still works
        pass
    chars.update("，。、；：？！“”‘’（）《》【】…—　")
    return frozenset(chars)


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_BAD = re.compile(r"[\ufffd\ue000-\uf8ff\x00-\x08\x0e-\x1f\x7f-\x9f]")


def plausibility(text: str) -> float:
    """How much ``text`` looks like a right decode: 1.0 for clean text, lower for mojibake.

    >>> plausibility("请报价") > plausibility("鐘瑰瑰")
    True
    """
    if not text:
        return 1.0
    bad = len(_BAD.findall(text))
    cjk = _CJK.findall(text)
    if cjk:
        common = _common_chars()
        score = len([c for c in cjk if c in common]) / len(cjk)
    else:
        score = 1.0
    return max(0.0, score - 5.0 * bad / max(len(text), 1))


@dataclass(frozen=True)
class Decoded:
    """Text and how it was obtained: ``charset`` is the codec used, ``note`` says why when it
    is not the declared one (empty when the declaration was right)."""

    text: str
    charset: str
    note: str = ""


def canonical_charset(declared: str | None) -> str:
    """The codec name to try for a declared charset ('' when the declaration says nothing).

    >>> canonical_charset("GB2312"), canonical_charset("x-gbk"), canonical_charset("CHINESEBIG5")
    ('gb18030', 'gb18030', 'big5hkscs')
    """
    if not declared:
        return ""
    name = declared.strip().strip("\"'").lower().replace("_", "-").replace(" ", "-")
    if name in ALIASES:
        return ALIASES[name]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` that claims to be in ``declared`` (may be None, unknown or false)."""
    if not data:
        return Decoded("", canonical_charset(declared) or "ascii")
    if data.isascii():
        codec = canonical_charset(declared)
        if codec in _SEVEN_BIT or (b"\x1b" in data and codec):
            text = _strict(data, codec)
            if text is not None:
                return Decoded(text, codec)
        return Decoded(data.decode("ascii"), "ascii")
    codec = canonical_charset(declared)
    if codec and codec not in ("ascii", "utf-7"):
        text = _strict(data, codec)
        if text is not None:
            if codec not in CHINESE_CODECS and codec != "utf-8" and _looks_chinese_bytes(data):
                # A single-byte declaration over double-byte text decodes without error.
                better = _best_chinese(data)
                if better and plausibility(better.text) >= _PLAUSIBLE_MIN:
                    return Decoded(better.text, better.charset, f"declared {declared}, text is {better.charset}")
            if codec in CHINESE_CODECS:
                p = plausibility(text)
                if p < _PLAUSIBLE_MIN:
                    other = CHINESE_CODECS[1] if codec == CHINESE_CODECS[0] else CHINESE_CODECS[0]
                    alt = _strict(data, other)
                    if alt is not None and plausibility(alt) > p + 0.15:
                        return Decoded(alt, other, f"declared {declared}, text is {other}")
            return Decoded(text, codec)
    # Undeclared, unknown, or the declared codec failed.
    why = (f"declared {declared} " if declared else "no charset declared") + (
        "did not decode" if codec else ("unknown" if declared else ""))
    why = why.strip()
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", "" if codec == "utf-8" else why)
    best = _best_chinese(data)
    if best and (plausibility(best.text) >= _PLAUSIBLE_MIN or (len(data) < 256 and _looks_chinese_bytes(data))):
        return Decoded(best.text, best.charset, why)
    if not _looks_chinese_bytes(data) and (text := _strict(data, "windows-1252")) is not None:
        return Decoded(text, "windows-1252", f"{why}; read as windows-1252")  # accented Latin
    detected = _detect(data) if len(data) >= 32 else None
    if detected and (best is None or plausibility(detected.text) > plausibility(best.text)):
        return Decoded(detected.text, detected.charset, f"{why}; detected {detected.charset}")
    if best:
        return Decoded(best.text, best.charset, why)
    # Keep every character we can: the declared codec, else windows-1252 for sparse high
    # bytes (accented Latin), else gb18030; unmappable bytes become U+FFFD.
    fallback = codec or "windows-1252"
    text = _strict(data, fallback)
    if text is not None:
        return Decoded(text, fallback, f"{why}; read as {fallback}")
    return Decoded(data.decode(fallback, errors="replace"), fallback, f"{why}; decoded with replacement characters")


def _looks_chinese_bytes(data: bytes) -> bool:
    """Many high bytes in pairs: double-byte CJK rather than accented Latin."""
    head = data[:4096]
    high = sum(1 for b in head if b >= 0x81)
    return high >= 2 and high / len(head) > 0.15


def _best_chinese(data: bytes) -> Decoded | None:
    best: Decoded | None = None
    best_p = -1.0
    for codec in CHINESE_CODECS:
        text = _strict(data, codec)
        if text is None:
            continue
        p = plausibility(text)
        if p > best_p:
            best, best_p = Decoded(text, codec), p
    return best


def _detect(data: bytes) -> Decoded | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover
        return None
    match = from_bytes(data[:65536]).best()
    if match is None or not match.encoding:
        return None
    codec = canonical_charset(match.encoding) or match.encoding
    text = _strict(data, codec)
    if text is None:
        text = data.decode(codec, errors="replace")
    return Decoded(text, codec)
