"""Prices: every amount of money the customer writes, as ``{"amount", "currency"}`` (ISO 4217).

Read on ``ctx.norm`` (width folded, simplified, contacts masked); ``text`` is the customer's
original characters. An amount is a number (``2.5``, ``1,200.50``, European ``1.200,50``,
Indian ``3,50,000``, ``3.5k``, ``SAR 2.4 million``, ``INR 45 crore``, ``1.2万``, ``三百``,
``港幣捌佰萬``, ``9万5千``, colloquial ``4块5``, ``1块25``, ``6万8`` and ``1毛6``) with a currency
written next to it (``USD``, ``US$``, ``$``, ``€``, ``HK$``, ``NT$``, ``RMB``, ``¥``, ``元``, ``块``,
``美金``, ``新台币``, ``USDT`` …).
A number without a currency counts only where the sentence says it is money: after a fee or
payment word (``样品费200``, ``定金一万``, ``预算12万以内``, ``货款18600``), in a price
haggle (``能不能到80``, ``能到13不``, ``5.5的话``, ``120一卷``, ``target 0.035``,
``closer to 8.20``); it then takes the currency written nearest to it in the message, else
CNY in Chinese writing and USD in English. A range gives both ends (``$2-2.5``, ``2-3万元``,
``两三百万``). Quantities, percentages, sizes, model numbers, dates and years are not money.

>>> ctx = Context.build("目标价 USD 1.2 一个以内，样品费200元已付，4块5能做吗？预算 12 万以内")
>>> [(f.value["amount"], f.value["currency"], f.text) for f in extract_prices(ctx)]
[(1.2, 'USD', 'USD 1.2'), (200, 'CNY', '200元'), (4.5, 'CNY', '4块5'), (120000, 'CNY', '12 万')]
>>> [f.value for f in extract_prices(Context.build("Target $2-2.5/pc, budget around €30k; T/T 30%"))]
[{'amount': 2, 'currency': 'USD'}, {'amount': 2.5, 'currency': 'USD'}, {'amount': 30000, 'currency': 'EUR'}]
>>> [f.value for f in extract_prices(Context.build("訂金 NT$38,000 已匯，總額約新台幣 4,500 萬元"))]
[{'amount': 38000, 'currency': 'TWD'}, {'amount': 45000000, 'currency': 'TWD'}]
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .. import lazyre as re  # re.compile puts compiling off to first use (see lazyre)
from .base import Context, Found
from .numbers import IF_THEN_PRICE

# --------------------------------------------------------------------------------------------
# Currencies
# --------------------------------------------------------------------------------------------

# ISO codes accepted when written in capitals next to a number. Codes that are also common
# words or brands in capitals (ALL, TOP, CUP, PEN, MAD, GEL, BOB, SOS, AMD, ANG, BAM) are left out.
_ISO = frozenset("""
USD EUR GBP CNY RMB HKD TWD NTD JPY KRW SGD MYR THB PHP IDR VND INR PKR BDT LKR NPR AED SAR QAR KWD
BHD OMR JOD ILS TRY EGP NGN KES GHS TZS UGX ETB ZAR XOF XAF DZD TND RUB UAH KZT UZS AZN BYN PLN CZK
HUF RON BGN CHF SEK NOK DKK ISK BRL MXN ARS CLP COP UYU PYG DOP GTQ CRC AUD NZD CAD FJD PGK MMK KHR
LAK MNT IRR IQD LBP YER AFN ZMW MWK MZN AOA NAD BWP RWF SDG LYD MUR SCR MVR JMD TTD XCD MOP
""".split())
_ALIAS = {"RMB": "CNY", "NTD": "TWD"}
# Lower-case spellings people really write ("usd 5", "rmb300").
_LOWER_OK = frozenset("usd rmb cny eur hkd gbp aud cad sgd myr inr aed sar twd ntd jpy".split())

_DOLLAR_PREFIX = {
    "US": "USD", "USD": "USD", "HK": "HKD", "HKD": "HKD", "NT": "TWD", "NTD": "TWD", "TWD": "TWD",
    "S": "SGD", "SG": "SGD", "SGD": "SGD", "A": "AUD", "AU": "AUD", "AUD": "AUD", "C": "CAD", "CA": "CAD",
    "CAD": "CAD", "NZ": "NZD", "NZD": "NZD", "MX": "MXN", "R": "BRL", "M": "MOP",
}
# A bare "$" is the local dollar where the customer writes from (region of the thread).
_LOCAL_DOLLAR = {"HK": "HKD", "TW": "TWD", "SG": "SGD", "AU": "AUD", "CA": "CAD", "NZ": "NZD"}
# Where a bare 元 or a bare amount in Chinese means the local currency, not renminbi (Taiwan
# writes 元 for NT dollars; Hong Kong writers mostly name 港幣 and mean CNY by a bare 万).
_LOCAL_YUAN = {"TW": "TWD"}
_SHORT_SUFFIX = {"TL": "TRY", "Kč": "CZK", "Ft": "HUF", "zł": "PLN", "đ": "VND"}
_SHORT_PREFIX = {"Rp": "IDR", "KS": "KES", "Ks": "KES", "Tk": "BDT", "Dh": "AED"}
_SYMBOL = {"€": "EUR", "£": "GBP", "₹": "INR", "₦": "NGN", "₽": "RUB", "₱": "PHP", "฿": "THB", "₩": "KRW",
           "₺": "TRY", "₫": "VND", "₵": "GHS", "$": "USD", "¥": "CNY", "￥": "CNY", "円": "JPY"}

_ZH_CUR = {
    "人民币": "CNY", "元": "CNY", "块": "CNY", "块钱": "CNY", "澳门币": "MOP", "澳门元": "MOP", "葡币": "MOP",
    "美元": "USD", "美金": "USD", "欧元": "EUR", "英镑": "GBP", "港币": "HKD", "港元": "HKD", "港纸": "HKD",
    "蚊": "HKD", "欧": "EUR", "新台币": "TWD", "台币": "TWD", "日元": "JPY", "日币": "JPY", "韩元": "KRW", "澳元": "AUD",
    "澳币": "AUD", "加元": "CAD", "加币": "CAD", "新币": "SGD", "新加坡元": "SGD", "马币": "MYR", "令吉": "MYR",
    "泰铢": "THB", "卢比": "INR", "卢布": "RUB", "迪拉姆": "AED", "里亚尔": "SAR", "兰特": "ZAR", "雷亚尔": "BRL",
    "奈拉": "NGN", "里拉": "TRY", "比索": "MXN",
}
_ZH_PREFIX_WORDS = ("人民币", "澳门币", "澳门元", "美元", "美金", "欧元", "英镑", "港币", "港元", "港纸", "新台币", "台币", "日元",
                    "澳元", "澳币", "加元", "新币", "马币")

_EN_WORDS = {
    "us dollars": "USD", "us dollar": "USD", "dollars": "USD", "dollar": "USD", "bucks": "USD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "hong kong dollars": "HKD", "hk dollars": "HKD",
    "singapore dollars": "SGD", "nt dollars": "TWD", "euros": "EUR", "euro": "EUR", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "dirhams": "AED", "dirham": "AED", "riyals": "SAR", "riyal": "SAR",
    "naira": "NGN", "rand": "ZAR", "reais": "BRL", "rubles": "RUB", "roubles": "RUB", "рублей": "RUB",
    "рубль": "RUB", "руб": "RUB", "baht": "THB", "ringgit": "MYR", "yen": "JPY", "zloty": "PLN",
    "złotych": "PLN", "zł": "PLN", "pesos": "MXN", "lira": "TRY", "pounds sterling": "GBP",
    "sterling": "GBP", "usdt": "USD", "usdc": "USD",  # stablecoins: "90k USDT", "2,650 USDT"
}

_ZH_CUR_ALT = "|".join(sorted(_ZH_CUR, key=len, reverse=True))
_EN_WORD_ALT = "|".join(sorted((re.escape(w) for w in _EN_WORDS), key=len, reverse=True))

# A currency written just before the number (matched at the end of a short window).
_PREFIX = re.compile(
    r"(?:(?<![A-Za-z])(?P<dp>[A-Z]{1,3})\s?\$"                 # US$ HK$ NT$ S$ A$ C$ R$ MX$ CAD$
    r"|(?<![A-Za-z])(?P<rs>Rs\.?|RM|R|Rp\.?|K[Ss]hs?\.?|Tk\.?|Dhs?\.?)"  # INR MYR ZAR IDR KES BDT AED
    r"|(?<![A-Za-z])(?P<code>[A-Za-z]{3})"                      # USD RMB EUR …
    r"|(?P<sym>[$€£₹₦₽₱฿₩₺¥￥₫₵])"
    r"|(?P<zh>" + "|".join(_ZH_PREFIX_WORDS) + r"))"
    r"[ \t\u00a0:]{0,2}\Z")

# What comes right after the number: multiplier, then currency.
_MULT = re.compile(
    r"(?:[ \u00a0]?[多余]?(?P<zh>[百千万亿]{1,2})(?![克米瓦伏卡])"  # "150多万", "八百余万": over 1.5 million
    r"|(?P<k>[kK])(?![A-Za-z])"
    r"|(?P<wan>[wW])(?![A-Za-z])"  # "预算1.5w": 万 in Chinese chat (only where the money is clear)
    r"|(?P<m>m|M|mn|Mn|MM|bn|Bn)(?![A-Za-z0-9²³])"
    r"|[ \u00a0](?P<w>(?i:millions?|mio\.?|mln|mn|bn|billions?|thousand|crores?|cr|lakhs?|lacs?))(?![A-Za-z]))")
_MULT_VALUE = {"百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000, "k": 1000, "m": 1_000_000,
               "million": 1_000_000, "millions": 1_000_000, "billions": 1_000_000_000, "mio": 1_000_000, "mio.": 1_000_000, "mln": 1_000_000, "mn": 1_000_000,
               "mm": 1_000_000, "w": 10_000, "bn": 1_000_000_000, "billion": 1_000_000_000, "thousand": 1000,
               "crore": 10_000_000, "crores": 10_000_000, "cr": 10_000_000, "lakh": 100_000,
               "lakhs": 100_000, "lac": 100_000, "lacs": 100_000}

_SUFFIX = re.compile(
    r"[ \t\u00a0]{0,2}(?:"
    r"(?P<zh>" + _ZH_CUR_ALT + r")"
    r"|(?P<code>[A-Za-z]{3})(?![A-Za-z])"
    r"|(?P<sym>[$€£₹₦₽₱฿₩₺¥￥円₫₵])"
    r"|(?P<short>TL|Kč|Ft|zł|đ)(?![A-Za-z])"
    r"|(?i:(?P<en>" + _EN_WORD_ALT + r"))(?![A-Za-z]))")

_MODEL_AFTER = re.compile(r"\d{1,12}(?:[.,]\d{1,3})*(?:(?![kKmM](?![A-Za-z]))[A-Za-z]|-[A-Za-z0-9])")
_LETTER_AFTER = re.compile(r"[\d,.]{1,30}(?!(?:k|K|m|M|mn|Mn|MM|bn|b)(?![A-Za-z]))[A-Za-z]")
_VERSION = re.compile(r"\d\.\d{1,2}(?![\d,]|[ ]?(?:[kKmM]|mn|bn|million|万)(?![A-Za-z]))")  # "PHP 7.4", not "PHP 1.5M"
# Codes that are also common abbreviations ("DOP 31.5 finish" is a bottle neck): money only
# when the message or the customer's region is that country's.
_AMBIGUOUS_CODES = {"DOP": ("DO", re.compile(r"(?i:dominican|dominicana|santo domingo|\bpesos?\b|RD\$)"))}
_SPACE_THOUSANDS = frozenset("EUR PLN CHF SEK NOK DKK CZK HUF RUB UAH ZAR".split())
_SPACE_GROUPS = re.compile(r"(?:[ \u00a0\u202f]\d{3}){1,3}(?![\d])(?![.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# Characters one of which a currency written before a number contains.
_PREFIX_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$€£₹₦₽₱฿₩₺¥￥₫₵人美欧英港新台日澳加")
_TRAILING_LETTERS = re.compile(r"[A-Za-z]+\Z")
_PLAIN = frozenset("0123456789 \t\n.,;:!?()[]{}<>-/+=~#%*&|_'\"、。，；：！？")
# ¥ is yen, not yuan, only when the message says so.
_YEN = re.compile(r"円|日元|日币|\bJPY\b|\byen\b", re.IGNORECASE)
# "R6,500" is rand only in a South African message.
_SOUTH_AFRICA = re.compile(r"south africa|\bZAR\b|\brand\b|\.za\b|johannesburg|cape town|durban|pretoria|"
                           r"gauteng|limpopo|mpumalanga|kwazulu|natal|sandton|soweto|polokwane|bloemfontein|"
                           r"gqeberha|port elizabeth|mzansi|eskom|central supplier database|\bSANS [0-9]|\+27[ 0-9]",
                           re.IGNORECASE)  # its provinces, cities, utility, supplier register and standards

# Currencies whose writers use "." for thousands ("EUR 8.640", "€6.420").
# "USD 2.800": dollars written with a thousands dot (a dollar amount has two decimals, not three),
# unless it is a price per unit ("USD 1.125/pc").
_DOT_GROUPED = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_PER_UNIT_AFTER = re.compile(r"[ \t]{0,2}(?:/|(?i:per|each|a (?:piece|pc|unit|set|pair|kg|meter|metre))(?![A-Za-z])|每|一[个只件套条])")
_DOT_THOUSANDS = frozenset("EUR PLN BRL IDR TRY DKK NOK ISK ARS CLP COP VND CZK HUF RON BGN UYU PYG".split())

# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------

_ZH_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_ZH_NUM_CHARS = _ZH_DIGITS + "十百千万亿拾佰仟"
_NUMBER = re.compile(
    r"(?<![0-9])(?<![0-9][.,])(?P<sp>\d{1,3}(?:[ \u00a0]\d{3}){1,3})"      # 90 000 PLN
    r"(?=[ \u00a0]?(?:[€$£₽]|PLN|EUR|CHF|SEK|NOK|DKK|CZK|HUF|USD|RUB|UAH|KZT|UZS|ZAR|XOF|XAF|zł|руб|(?i:euros?|dollars?|r[o]?ubles?))(?![A-Za-z]))"
    r"|(?<![0-9])(?<![0-9][.,'])(?P<ar>\d(?:[\d,.]|'(?=\d{3}(?!\d))){0,24})"
    r"|(?P<zh>[" + _ZH_NUM_CHARS + r"多]{1,14})")
_ZH_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}
_ZH_DIGIT_VALUE.update({"〇": 0, "两": 2, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8,
                        "玖": 9})


def parse_number(token: str, currency: str | None = None) -> Decimal | None:
    """An Arabic number as written: thousands with ',' (or '.' for euro-style currencies),
    Indian lakh grouping, decimal point or decimal comma.

    >>> parse_number("1,200.50"), parse_number("1.200,50"), parse_number("3,50,000")
    (Decimal('1200.50'), Decimal('1200.50'), Decimal('350000'))
    >>> parse_number("8.640", "EUR"), parse_number("8.640", "USD"), parse_number("2024.11.05")
    (Decimal('8640'), Decimal('8.640'), None)
    """
    t = token.replace(" ", "").replace("\u00a0", "")
    if not t or not t[0].isdigit():
        return None
    if "'" in t:  # Swiss 1'250.50
        whole = t.split(".")[0]
        if not _grouped(whole, "'"):
            return None
        t = t.replace("'", "")
    try:
        if "," in t and "." in t:
            dec = "." if t.rfind(".") > t.rfind(",") else ","
            whole, frac = t.rsplit(dec, 1)
            sep = "," if dec == "." else "."
            if sep in frac or not _grouped(whole, sep):
                return None
            return Decimal(whole.replace(sep, "") + "." + frac)
        if "," in t:
            if _grouped(t, ","):
                return Decimal(t.replace(",", ""))
            if re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}", t):  # Indian 3,50,000
                return Decimal(t.replace(",", ""))
            if re.fullmatch(r"\d{1,6},\d{1,2}", t) and currency is not None \
                    or re.fullmatch(r"\d{1,4},\d\d", t):  # decimal comma: "5,90", "EUR 12,5"
                return Decimal(t.replace(",", "."))
            return None
        if "." in t:
            if t.count(".") > 1:
                return Decimal(t.replace(".", "")) if _grouped(t, ".") else None
            whole, frac = t.split(".")
            if (len(frac) == 3 and currency in _DOT_THOUSANDS and whole != "0" and len(whole) <= 3):
                return Decimal(whole + frac)
            return Decimal(t)
        return Decimal(t)
    except InvalidOperation:
        return None


def _grouped(t: str, sep: str) -> bool:
    parts = t.split(sep)
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 and p.isdigit() for p in parts[1:]) and len(parts) > 1


def _zh_number(token: str) -> list[Decimal]:
    """Chinese numerals; "两三百万" (two to three million) gives both ends."""
    return list(_zh_number_cached(token))


@lru_cache(maxsize=4096)
def _zh_number_cached(token: str) -> tuple[Decimal, ...]:
    return tuple(_zh_number_uncached(token))


def _zh_number_uncached(token: str) -> list[Decimal]:
    t = token.replace("多", "")
    if len(t) == 1:
        if t in "十拾":
            return [Decimal(10)]
        return [Decimal(_ZH_DIGIT_VALUE[t])] if t in _ZH_DIGIT_VALUE else []
    if not t or not any(c in _ZH_DIGITS for c in t):
        return []
    if len(t) >= 3 and t[0] in _ZH_DIGIT_VALUE and t[1] in _ZH_DIGIT_VALUE and t[0] not in "零〇" \
            and _ZH_DIGIT_VALUE[t[1]] == _ZH_DIGIT_VALUE[t[0]] + 1 and t[2] in "十百千万亿拾佰仟":
        rest = t[2:]
        return _zh_number_uncached(t[0] + rest) + _zh_number_uncached(t[1] + rest)
    import cn2an

    try:
        value = cn2an.cn2an(t, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return []
    try:
        return [Decimal(str(value))]
    except InvalidOperation:
        return []


# --------------------------------------------------------------------------------------------
# Context for numbers written without a currency
# --------------------------------------------------------------------------------------------

# Words after which a bare number is money (matched at the end of the text before it).
_ZH_MONEY_WORDS = (
    r"费用?|货款|款项|定金|订金|押金|保证金|预付款|首付款?|尾款|余款|预算|总价|总额|金额|总计|共计|合计|"
    r"单价|价格|价钱|价位|目标价|进价|拿货价|到手价|出厂价|定价|售价|零售价|开价|要价|经费|心意|红包|见面礼|面值|现金|"
    r"付了|付款|已付|先付|支付|转了|已转|转账|打了|多打了?|多付了?|多转了?|汇了|已汇|退回?|"
    r"能不能到|能否到|能到|可否到|可以到|降到|便宜到|给到|做到|要到|报到|别家才|别家|人家才|其他家|才卖|只要|只卖|卖|"
    r"出价|还价|我(?:们|这边)?(?:最多)?(?:只能)?出|"
    r"拿的是|拿的|这单|的货|每(?:个|只|件|套|台|把|张|条|卷|米|吨|斤|公斤|箱|包|平米?|平方|粒|片|支|双|对|组|人)|"
    r"原价|现价|市价|底价|人均|门票|票价|[月年房]租|租金|违约金|奖金|工资|薪水|[月年时底]薪|月供|"
    r"准备个?|(?<![国行企团])标准|红包[，,]")  # what a "gift" or a dinner should cost: "准备个六千左右", "标准四千左右"
_ZH_MONEY_BEFORE = re.compile(
    r"(?:" + _ZH_MONEY_WORDS + r")"
    r"(?:[ :(]|已经|已|是|为|约|大约|大概|差不多|控制在|在|就|只|仅|仅需|只需|需|最高|最多|不超过|不高于|"
    r"每月|每个月|整体|总共|共|计|了|都|能|可以|给|到|要|报){0,3}\Z")
_EN_MONEY_WORDS = (
    r"target(?: price)?|budget|closer to|give|gave|give us|can do|can you do|could you do|"
    r"can accept|accept|down to|reduce to|match|paid|pay|price(?: is|:| at|=)|(?:order|buy|book|confirm|deal) at|"
    r"you (?:look at|go to|meet)|(?:factory|supplier|vendor|competitor|seller)s? (?:is|are|was|were) at")
_EN_MONEY_BEFORE = re.compile(
    r"(?i:\b(?:" + _EN_MONEY_WORDS + r")"
    r"(?:[ \t:]|is|of|about|around|approx\.?|at|us|me|only|the){0,4})\Z")
# What after a bare number makes it a price.
_ZH_MONEY_AFTER = re.compile(
    r"[ ]?(?:行?的话|行不行?|行吗|行就|能出[吗么嘛不]|能做|能不能做|可以[ ]?吗|可不可以|可以不|能行|能到|有点高|有点贵|太高|太贵|偏高|"
    r"(?:刚刚?|已经?|都)?(?:对公|对私)?(?:转|打|汇|付)(?:过去|过来|了|给|到)|"
    r"的(?:货|单|订单|加工量|项目|合同)|一(?:个|只|件|套|台|把|张|条|卷|米|吨|斤|公斤|平米?|平方|双|对|片|支)(?![0-9])"
    r"|/(?:个|只|件|套|台|把|张|条|卷|米|吨|斤|公斤|平米|平方米?|㎡|双|对|片|支)"
    r"|(?i:\s?(?:can do|can\?|ok\?|possible|/\s?(?:pcs?|pieces?|sets?|units?|m|kg|tons?|mt|pairs?))(?![A-Za-z])))")
# A unit after the number: a quantity, size, date or rate, not money.
_UNIT_AFTER = re.compile(
    r"(?:[ ]?(?:%|‰|[*x×X]\s?\d|°|(?i:pcs?|pieces?|units?|sets?|pairs?|kgs?|tons?|tonnes?|mt|m[m23²³]?|cm|"
    r"meters?|metres?|yards?|yds?|boxes|box|ctns?|cartons?|bags?|rolls?|pallets?|containers?|days?|weeks?|"
    r"months?|years?|hours?|times?|nos?|ea|pax|people|persons?|gsm|w|v|kw|kva|hp|a|g|l|ml|"
    r"(?:working|business|calendar) days?)(?![A-Za-z])"
    r"|微[米克秒升]|μ|[个只件套台双对张条根支把米吨斤克箱盒包袋卷柜车桶瓶罐次天日号月年周时分秒岁人家间层位款种色批"
    r"期度寸吋平方亩片粒颗枚组副盏樘份本页码打座栋辆架头匹点倍级折成毫厘升户门路部名遍项道班趟单英尺"
    r"瓦伏安目楼栋排行列号届期版公顶株棵尾口幅扇枝串捆扎盘轴筒听板托节段环圈床具艘幢所处桌席顿杯碗滴宗票])"
    r"|[A-Za-z])")
# Words that make a number a count, a size or a rate, not money.
# What may follow a bare "300万" that is money: the end of the phrase, not a counting word.
_AFTER_BARE_WAN = re.compile(r"(?:\Z|[\s,.;:!?)\]/、。，；：！？）]|的(?:货|单|订单|加工量|项目|合同|预算|款|活)|左右|以内|以下|上下|"
                             r"多|了|吧|呢|啊|呀|就|都|人民币|现金|的话|的?(?:货款|保证金|押金|定金|订金|[平指服][台标务]?费))")
_QUANTITY_BEFORE = re.compile(r"(?:数量|数目|用量|要货|订量|起订|产量|产能|日产|月产|年产|面积|人次|观众|买家|"
                              r"粉丝|库存|销量|分子量|粘度|黏度|转速|像素|里程|功率|容量|流量|压力|硬度|强度|寿命|频率|"
                              r"MOQ|moq|qty|Qty|QTY|UGR|Ra|IP)[^\n]{0,6}\Z|各[ ]?\Z")  # 各 3000: a count each
# The customer repeating our quote: not their price (spec: "as per your offer").
_OUR_QUOTE = re.compile(
    r"(?i:as (?:per )?(?:your |the )?(?:offer|quot(?:e|ed|ation)|agreed|discussed)|per your (?:offer|quot)|"
    r"your (?:offer|quot(?:e|ation)|price) of)"
    r"|按(?:之前|你们|贵司|上次)?(?:报|谈)的|按(?:你们|贵司)?(?:的)?报价|依.{0,8}报价|按之前|照你们报|你们报的|"
    r"之前报的|按你们的价")
_EN_DEAL_AFTER = re.compile(r"(?i:[ ]?(?:we |i )?(?:can |will )?(?:confirm|accept|take it|order|go ahead|deal)\b)")

# Everything that can make a number money: a currency, a money word before it, a word after it.
# Numbers are read only in windows around these, so a message without any costs one fast pass
# and text full of sizes and counts little more. The lists hold at least the start of every
# word the patterns above read (a cue may fire where they do not). A window reaches as far
# from its cue as a number read with it can be (before, after the cue's start):
_AROUND = (48, 6)   # a currency, before or after the number ("USD 1,200", "1.2万元")
_AHEAD = (0, 28)    # a word before the number ("预算大约控制在 12 万", "target 0.035")
_BEHIND = (40, 1)   # a word after the number ("120一卷", "5.60 we can confirm", "5毛")
_ZH_CUES = (
    (_AROUND, "$ € £ ₹ ₦ ₽ ₱ ฿ ₩ ₺ ¥ ￥ 円 ₫ ₵ đ č ł 元 块 币 镑 铢 蚊 欧 钱 付 汇 退 令吉 卢比 卢布 迪拉姆 里亚尔 兰特 "
              "雷亚尔 奈拉 里拉 比索 港纸 руб 打了 打过 打给 能到 的货"),
    (_AHEAD, "准备 标准 费 卖 出价 还价 我出 我们出 我这边出 我最多出 我只能出 总计 共计 合计 心意 红包 见面礼 面值 多打 多付 多转 能不能到 能否到 可否到 可以到 降到 便宜 给到 别家 人家 "
             "其他家 只要 拿的 这单 做到 要到 报到 人均 门票 票价 月租 年租 房租 租金 工资 薪水 月薪 年薪 时薪 底薪 月供"),
    (_BEHIND, "毛 角 能出 能做 能不能做 能行 可以吗 可以不 可不可以 的单 的订单 的加工量 的项目 的合同 的话 行的话 行不行 行吗 行就 有点高 有点贵 太高 太贵 偏高 " + " ".join(
        lead + unit for lead in "一/" for unit in "个 只 件 套 台 把 张 条 卷 米 吨 斤 公斤 平 双 对 片 支 ㎡".split())),
)
# Characters that are a cue only in some words, with the pattern that tells where they are one.
_ZH_CUES_IN_WORDS = (
    (_AHEAD, "价", r"价[格钱位]|(?<=[标进货手厂定售开要单总原现市底票])价"),
    (_AROUND, "金", r"金额|(?<=[定订押证现美租约奖薪])金"),
    (_AHEAD, "额", r"(?<=[总金])额"),
    (_AHEAD, "算", r"(?<=预)算"),
    (_AHEAD, "款", r"款项|(?<=[货付尾余])款"),
    (_AROUND, "转", r"转[了账给过]|(?<=[已多])转"),
    (_AHEAD, "每", r"每(?:[个只件套台把张条卷米吨斤箱包平粒片支双对组人]|公斤)"),
    (_BEHIND, "吗", r"吗(?<=可以 吗)|吗(?<=[0-9] 吗)|吗(?<=[0-9]吗)"),  # "0.95 可以 吗", "可以 给 4.3 吗"
    (_BEHIND, "万", r"万[0-9" + _ZH_NUM_CHARS + r"]{0,6}(?:" + _AFTER_BARE_WAN.pattern + r")"),  # "六万五，"
    (_BEHIND, "亿", r"亿[0-9" + _ZH_NUM_CHARS + r"]{0,6}(?:" + _AFTER_BARE_WAN.pattern + r")"),
)
# Latin words: codes as written, money words in any case, units only after "/" ("2.5/pc").
_LATIN_CODES = frozenset(_ISO | {"TL", "Ft"})
_LATIN_PREFIXES = frozenset({"Rs", "RM", "R", "Rp", "KSh", "Ksh", "KShs", "Kshs", "Tk", "Dh", "Dhs"})  # "R6,500"
_PREFIX_ONLY = (0, 6)
_LATIN_CUES: dict[str, tuple[int, int]] = {
    **dict.fromkeys(_LOWER_OK | {w.split()[-1] for w in _EN_WORDS if w.isascii()}, _AROUND),
    **dict.fromkeys("target budget closer give gave could reduce down match paid pay price buy book look meet "
                    "factory supplier vendor competitor seller".split(), _AHEAD),
    **dict.fromkeys("can accept order confirm deal".split(), _AROUND),
    **dict.fromkeys("ok possible take go".split(), _BEHIND),
}
_AFTER_SLASH = frozenset("pc pcs piece pieces set sets unit units m kg ton tons mt pair pairs".split())


def _zh_cue_table() -> dict[str, tuple[re.Pattern[str] | None, tuple[int, int]]]:
    """For each character a cue can start with: the pattern that tells where it is one (None:
    it always is) and the reach of its window."""
    words: dict[str, tuple[list[str], tuple[int, int]]] = {}
    for reach, listed in _ZH_CUES:
        for word in listed.split():
            words.setdefault(word[0], ([], reach))[0].append(re.escape(word))
    table: dict[str, tuple[re.Pattern[str] | None, tuple[int, int]]] = {
        first: (None if any(len(w) == 1 for w in ws) else re.compile("|".join(ws)), reach)
        for first, (ws, reach) in words.items()}
    for reach, char, rx in _ZH_CUES_IN_WORDS:
        table[char] = (re.compile(rx), reach)
    return table


_ZH_CUE = _zh_cue_table()
_ZH_CUE_START = re.compile("[" + re.escape("".join(_ZH_CUE)) + "]")
_LATIN_WORD = re.compile(r"[a-z]+")  # on lower-cased text
_LATIN_CUE_WORDS = frozenset({w.lower() for w in _LATIN_CODES | _LATIN_PREFIXES} | set(_LATIN_CUES) | _AFTER_SLASH)
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_NUMBER_REACH = 40  # no number is longer
_NUMBER_CHARS = frozenset("0123456789.,'" + _ZH_NUM_CHARS + "多")
_NUMERAL = re.compile("[0-9" + _ZH_NUM_CHARS + "多]")
_DIGITS = re.compile(r"[0-9]+")
_WORD_AFTER = re.compile(r"[ ]?([A-Za-z]+)")
_WORDS_AFTER_PRICE = frozenset("per each a an fob cif cfr exw ddp dap fca for if and or is ok okay please pls can "
                               "then only max maximum landed delivered all in incl including we i".split())
_ACCEPT_OURS = re.compile(
    r"(?i:\b(?:accept|accepted|confirm|agreed?(?: to| on)?|take|go with) (?:your|the) (?:final |best |revised )?"
    r"(?:offer|quot(?:e|ation)|price|pi\b))"
    r"|接受(?:你们|贵司)的?(?:报价|价格)|(?:你们|贵司)的?(?:报价|价格)(?:可以|没问题|接受)|按(?:你们|贵司)的?(?:报价|价格)")
_ACCEPT_AFTER = re.compile(
    r"[^;。；!?！？\n]{0,16}?(?:(?i:\b(?:is|are) (?:ok|okay|fine|acceptable|accepted)\b|\b(?:ok|fine) for us\b)"
    r"|(?:我们|我方)(?:可以)?接受)"
    r"|[ ]?(?:就|也)?(?:可以|没问题|(?i:ok|no problem))(?=[。，、.,!！ \n]|\Z)")
_CHEAPER_AFTER = re.compile(r"[ ]?(?:的话[ ]?)?(?:会|能|可以|可不可以)?便宜")
# A number asked for between "可以/能" and "吗" (code-switched writers space their words).
_ASK_BEFORE = re.compile(r"(?:可以|能不能|能否|能)[ ]?(?:给|做|到)?[ ]?\Z")
_ASK_AFTER = re.compile(r"[ ]?[吗么]")
# "8.5 USD ok?", "USD 8 ok 吗", "USD 1.1 OK 就下单": a counter-offer asked or a condition set.
_ASKED_AFTER = re.compile(r"[ ]{0,2}(?:[?？吗嗎么麼不]|就)")
# The size of a company, not money of this deal: its registered capital, its turnover. (A buyer's
# yearly purchases are money the customer writes, as the labels have them: "年采购额不低于800万元".)
_COMPANY_FIGURE = re.compile(r"注册资[本金]|(?i:registered capital|annual (?:turnover|revenue))")
_YOUR = re.compile(r"(?i:\byour|你们的|贵司的)[ ]?\Z")  # "deduct your USD 4,600"
# The dot is matched before the abbreviations behind it are ruled out: both branches then start
# with a character the engine looks for at C speed.
_CLAUSE_END = re.compile(r"[;。；!?！？\n]|\.(?<![Nn]o\.)(?<!nº\.)(?<!approx\.)(?<!incl\.)(?<!\bca\.)(?=\s|\Z)")
_EN_LETTERS = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_EN_LETTERS_RUN = re.compile(r"[A-Za-z]+")  # counted run by run: far fewer matches than letters
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")

# 块 is a counting word too ("踏步板 260 块"): it is money when the sentence says so.
_KUAI_MONEY_AFTER = re.compile(r"(?:钱|以内|以下|整|能|行|可以|吗|呢|吧|的话|左右|上下|"
                               r"的?(?:红包|押金|定金|订金|保证金|货款|现金|[运邮路]?费)|"  # 五万块押金
                               r"(?:已经?)?(?:微信|支付宝)?(?:转|汇|付)|"  # 200块已经微信转过去了
                               r"一(?:公斤|千克|平米?|"
                               r"[个只件套米斤吨条张瓶支双对片根把台]))")  # not "260块一包": a packing count
# ... and a counting word before the thing counted: "一块样品", "两块板", "一块地".
_KUAI_COUNT_AFTER = re.compile(r"样|板|砖|布|地(?!址)|料|玻璃|钢|石|瓷|木|屏|电池|表|糖|蛋糕|肉|香皂|肥皂")
_PRICE_WORDS = re.compile(r"价|钱|费|贵|便宜|才|算|付|转|返|礼|红包|预算|目标|最多|能不能|能否|能到|做到|别家|只要|一平|每平|"
                          r"一个|每个|报")
_YUAN_AFTER_ZH = re.compile(r"钱|整|一|每|以|左|的|吧|吗|呢|能|可|行|就|多|人民币")
_MEASURE = "个只件套台把张条根卷米吨斤公平双对片支组箱包袋盒桶瓶罐粒颗枚副盏樘份本码打辆架头匹"
# "550欧": euros, but not 欧姆 (ohm), 欧洲, 欧标, 欧式, 欧盟, 欧美, 欧版.
_OU_NOT_EURO = frozenset("姆洲标式盟美版规元")
_OHM_CONTEXT = re.compile(r"电阻|阻值|(?i:resist|ohm|Ω)")
_LIANG_MONEY = re.compile(r"[ ]?(?:块|元|蚊|毛)")
# "三千五一吨", "一百五一个": an abbreviated number (三千五 = 3500) then "一" + measure word (a ton).
_ABBREVIATED_PER_ONE = re.compile(r"[百千万佰仟][一二三四五六七八九两壹贰叁肆伍陆柒捌玖]一\Z")
_PER_ONE = re.compile(r"一(?:公斤|千克|平米?|[" + _MEASURE + r"])")
_COLLOQUIAL = re.compile(r"(?:(?P<yuan>块|元)(?P<d>[0-9零一二两三四五六七八九])(?P<d2>[0-9一二三四五六七八九])?"
                         r"(?![0-9次起样下点些" + _MEASURE + r"])(?:角|毛)?"
                         r"|毛(?P<f>[0-9一二三四五六七八九])(?![0-9" + _MEASURE + r"])|毛(?=钱|以内|以下|左右|上下|一|的|[ ,.?!，。？！、]|\Z))")
# What follows 万 in "9万5千", "1万8千5百", "6万8": the thousands (and hundreds) of the amount.
_WAN_TAIL = re.compile(r"(?P<k>[1-9一二两三四五六七八九])(?:千(?:(?P<h>[1-9一二两三四五六七八九])百)?"
                       r"|(?![0-9.,千百万亿" + _MEASURE + r"]))")
_RANGE_SEP = re.compile(r"[ ]{0,2}(?:-|–|—|~|～|〜|至|到|(?i:to))[ ]{0,2}")
_LIST_SEP = re.compile(r"[ ]{0,2}(?:、|和|或|,|/|(?i:and|or))[ ]{0,2}")
# Words that make an amount the customer's own figure (paid, to pay, budget, target, counter-offer):
# it stays even when it equals an amount we quoted (see ``label``).
_OWN_PAID = (r"(?i:paid|pay|payment|remit|transferr?|wired?|sent|deposit|advance|prepayment|fee|charges?|L/?C\b|"
             r"opened|refund|cheque|check|deduct|commission|placed|trade assurance)|佣金|回扣|好处费|已?付|转|汇|打了|打过|定金|订金|预付|首付|尾款|货款|费|退|扣|多打|"
             r"多付|电汇|水单")
_OWN_BEFORE = re.compile(_OWN_PAID + r"|(?i:budget|target|hoping|can you|could you|can do|can accept)"
                         r"|预算|目标|希望|能不能|能否|可以到|可唔可以|去到|能到")
_OWN_AFTER = re.compile(_OWN_PAID)


@dataclass
class _Amount:
    start: int
    end: int            # end of the number and multiplier
    values: list[Decimal]
    currency: str | None
    cur_start: int      # start of the written money text (prefix currency or number)
    cur_end: int        # end of the written money text (suffix currency or number)
    mult: int
    explicit: bool
    bare_ok: bool       # a number alone that may still be money by context
    zh: bool            # written in Chinese numerals
    inferred: bool = False
    head: _Amount | None = None  # the first end of a range this amount ends
    zh_mult: bool = False        # multiplied by 万 or 亿
    dropped: bool = False        # a price difference or our quote repeated
    decimal: bool = False        # written with a decimal point ("5.60")


def extract_prices(ctx: Context) -> list[Found]:
    """Every amount of money in one customer message, in order of appearance.

    ``label`` holds space-separated flags for the thread assembly: "own" when the words around
    make it the customer's own figure — paid or to be paid (deposit, fee, L/C), a budget, a
    target or counter-offer — so it stands even when it equals an amount we quoted;
    "inferred" when no currency was written next to it (the message's or the language's was
    taken; the currency of our quote in the thread would be a better guess).
    """
    cached = ctx.cache.get("prices")
    if cached is not None and cached[0] is ctx.norm:
        return list(cached[1])
    out = _extract(ctx)
    ctx.cache["prices"] = (ctx.norm, out)
    return list(out)


def thread_currency(finds: Iterable[Found]) -> str | None:
    """The one currency written out in a thread's amounts (ours and the customer's), or None
    when none or several were: a bare "0.30 可以吗" answering "USD 0.33/m" is in dollars."""
    written = {f.value["currency"] for f in finds if "inferred" not in f.label.split()}
    return written.pop() if len(written) == 1 else None


def with_currency(found: Found, currency: str | None) -> Found:
    """``found`` in ``currency`` when its currency was only inferred and ``currency`` is known."""
    if currency is None or "inferred" not in found.label.split() or found.value["currency"] == currency:
        return found
    return Found(found.value | {"currency": currency}, found.text, found.start, found.end, found.label)


def _extract(ctx: Context) -> list[Found]:
    norm = _separate(ctx.norm, ctx.text)
    windows = _windows(norm)
    if not windows:
        return []
    hints = _Hints(norm, ctx.region)
    amounts = _read_amounts(norm, windows, hints)
    bare = [i for i, a in enumerate(amounts)
            if a.currency is None and a.bare_ok and _money_by_context(norm, a, hints)]
    if bare:
        default = (_LOCAL_YUAN.get(hints.region, "CNY") if hints.chinese else "USD")
        _fill_currencies(amounts, default, bare)
    _link(norm, amounts)
    if not any(a.currency for a in amounts):
        return []
    sent = _Sentences(norm)
    out: list[Found] = []
    for a in amounts:
        if a.currency is None:
            continue
        a.dropped = a.head is not None and a.head.dropped or _not_a_price(norm, a, sent)
        if a.dropped:
            continue
        label = " ".join(flag for flag, on in (("own", _is_own(a, sent)), ("inferred", a.inferred)) if on)
        for v in a.values:
            out.append(Found({"amount": _plain(v * a.mult), "currency": a.currency},
                             ctx.original(a.cur_start, a.cur_end), a.cur_start, a.cur_end, label))
    return out


def _separate(norm: str, text: str) -> str:
    """A Chinese comma "，" separates numbers ("定价 199，118 的进价"), it does not group
    thousands (unless between full-width digits): read it as "、"."""
    if "，" not in text:
        return norm
    cut = [m.start() for m in _CN_COMMA.finditer(text)]
    if not cut:
        return norm
    parts, last = [], 0
    for i in cut:
        parts += (norm[last:i], "、")
        last = i + 1
    parts.append(norm[last:])
    return "".join(parts)


_CN_COMMA = re.compile(r"，(?<![０-９]，)")


def _windows(norm: str) -> list[tuple[int, int]]:
    """Merged ranges where a number may start and be money: around every cue."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(_cue_windows(norm)):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((max(0, lo), hi))
    return out


def _cue_windows(norm: str) -> list[tuple[int, int]]:
    """A window around every cue (one fast pass for characters, one for Latin words)."""
    found = []
    for m in _ZH_CUE_START.finditer(norm):
        i = m.start()
        check, (back, ahead) = _ZH_CUE[norm[i]]
        if check is None or check.match(norm, i):
            found.append((i - back, i + ahead))
    low = norm.lower()
    for word in _LATIN_CUE_WORDS.intersection(_LATIN_WORD.findall(low)):
        i = low.find(word)
        while i >= 0:
            j = i + len(word)
            if not (i and low[i - 1] in _ASCII_LETTERS or j < len(low) and low[j] in _ASCII_LETTERS):
                reach = _latin_reach(norm[i:j], norm, i)
                if reach is not None:
                    found.append((i - reach[0], i + reach[1]))
            i = low.find(word, j)
    return found


def _latin_reach(word: str, norm: str, at: int) -> tuple[int, int] | None:
    """The window of a Latin word as written, if it is a cue: a code in capitals, a money word
    in any case, a unit after "/"."""
    if word in _LATIN_CODES:
        return _AROUND
    if word in _LATIN_PREFIXES:
        return _PREFIX_ONLY
    reach = _LATIN_CUES.get(word.lower())
    if reach is None and word.lower() in _AFTER_SLASH and "/" in norm[max(0, at - 2):at]:
        return _BEHIND
    return reach


def _read_amounts(norm: str, windows: list[tuple[int, int]], hints: _Hints) -> list[_Amount]:
    """Every number in the windows with the currency and multiplier written around it; a
    window stretches past an amount read, for the lists and ranges that follow it
    ("USD 2.95, 3.10 and 3.30")."""
    amounts: list[_Amount] = []
    scanned = 0
    for lo, hi in windows:
        pos = max(_run_start(norm, lo), scanned)
        while pos <= hi:
            m = _next_number(norm, pos, hi)
            if m is None:
                break
            pos = max(m.end(), m.start() + 1)
            if amounts and m.start() < amounts[-1].cur_end:
                continue  # the "5" of "4块5", the "2.5" of "2-2.5" already read
            near = bool(amounts) and m.start() - amounts[-1].cur_end <= 16
            a = _read(norm, m, hints, near)
            if a is not None:
                amounts.append(a)
                hi = max(hi, a.cur_end + 16)
        scanned = max(scanned, pos)
    return amounts


def _next_number(norm: str, pos: int, hi: int) -> re.Match[str] | None:
    """The first number starting in [pos, hi], as ``_NUMBER.finditer`` would find it: only a
    numeral can start one, and inside a run of digits only its first digit."""
    while True:
        run = _NUMERAL.search(norm, pos, hi + 1)
        if run is None:
            return None
        at = run.start()
        m = _NUMBER.match(norm, at, min(len(norm), at + _NUMBER_REACH))
        if m is not None:
            return m
        pos = _DIGITS.match(norm, at).end() if norm[at].isdigit() else at + 1


def _run_start(norm: str, pos: int) -> int:
    """The start of the number ``pos`` falls inside (a window may begin mid-number)."""
    floor = max(0, pos - 24)
    while pos > floor and norm[pos - 1] in _NUMBER_CHARS:
        pos -= 1
    return pos


class _Hints:
    """Facts about the whole message, looked up only when a number needs them."""

    def __init__(self, norm: str, region: str) -> None:
        self.norm, self.region = norm, region
        self._yen: bool | None = None
        self._rand: bool | None = None
        self._chinese: bool | None = None

    @property
    def yen(self) -> bool:
        if self._yen is None:
            self._yen = self.region == "JP" or bool(_YEN.search(self.norm))
        return self._yen

    @property
    def chinese(self) -> bool:
        """Written in Chinese: bare amounts are then CNY."""
        if self._chinese is None:
            self._chinese = _is_chinese(self.norm)
        return self._chinese

    @property
    def rand(self) -> bool:
        if self._rand is None:
            self._rand = self.region == "ZA" or bool(_SOUTH_AFRICA.search(self.norm))
        return self._rand


def _read(norm: str, m: re.Match[str], hints: _Hints, near: bool = False) -> _Amount | None:
    """One number with the currency and multiplier written around it."""
    zh = m.group("zh") is not None
    raw: str | None = None
    values: list[Decimal] = []
    if zh:
        token = m.group("zh").strip("多")
        if not token or not any(c in _ZH_DIGITS for c in token) and token not in ("十", "拾") \
                or token in ("零", "〇"):
            return None
        start = m.start() + m.group("zh").index(token)
        end = start + len(token)
        if token == "两" and not _LIANG_MONEY.match(norm, end):
            return None  # "两" is money only as "两块", "两元"
        if _ABBREVIATED_PER_ONE.search(token) and _PER_ONE.match(norm, end - 1):
            token, end = token[:-1], end - 1  # "三千五一吨": 3500 a ton
        values = _zh_number(token)
        if not values:
            return None
    else:
        raw = (m.group("sp") or m.group("ar")).rstrip(".,")
        start = m.start()
        end = start + len(raw)
        if end < len(norm) and norm[end].isdigit():
            return None
    if not zh and not near and _PLAIN.issuperset(norm[max(0, start - 14):start]) \
            and _PLAIN.issuperset(norm[end:end + 16]):
        return None  # nothing around that could make it money (fast path for long runs of numbers)
    if not zh and start and _EN_LETTERS.fullmatch(norm[start - 1]):
        letters = _TRAILING_LETTERS.search(norm, max(0, start - 8), start).group(0)
        if not (letters.endswith(("RM", "Rs", "R")) or letters[-3:].upper() in _ISO):
            return None  # a model or reference number (D1210, mail97)
    # Currency written before the number.
    before = norm[max(0, start - 12):start]
    currency = None
    cur_start = start
    pm = _PREFIX.search(before) if not _PREFIX_CHARS.isdisjoint(before) else None
    prefix_sym = None
    if pm is not None:
        currency = _prefix_currency(pm, norm, start, hints)
        if currency is not None:
            cur_start = start - len(before) + pm.start()
            if pm.group("dp") is not None and pm.group("dp") not in _DOLLAR_PREFIX:
                cur_start = start - len(before) + before.rfind("$")  # "20GP $180": the text is "$180"
            prefix_sym = pm.group("sym") or ("$" if pm.group("dp") is not None else None)
            if pm.group("dp") is not None and pm.group("dp").upper() != pm.group("dp"):
                prefix_sym = None
    if currency is not None and not zh and raw.isdigit() and len(raw) <= 3 \
            and (currency in _SPACE_THOUSANDS or prefix_sym == "€"):
        sp = _SPACE_GROUPS.match(norm, end)
        if sp is not None:  # "€ 12 500", "PLN 90 000"
            raw += sp.group(0)
            end = sp.end()
    if currency is None and not zh and start:
        prev = norm[start - 1]
        if _EN_LETTERS.fullmatch(prev) or prev in "_#":
            return None  # a model or reference number (D1210, PO#4518)
    # Multiplier: 万, k, million, crore …
    mult = 1
    extra = Decimal(0)  # the thousands written after 万: "9万5千", "6万8"
    rest = norm[end:end + 16]
    mm = _MULT.match(rest)
    if mm is not None and mm.group("wan") and not _wan_is_money(norm, start, currency, hints):
        mm = None  # "3W" is watts
    if mm is not None and not (mm.group("m") and currency is None) and not (zh and not mm.group("zh")):
        if mm.group("zh"):
            for c in mm.group("zh"):
                mult *= _MULT_VALUE[c]
        else:
            key = (mm.group("k") or mm.group("m") or mm.group("w") or mm.group("wan") or "").lower()
            mult = _MULT_VALUE.get(key, 1)
        end += mm.end()
        if mult == 10_000 and (wt := _WAN_TAIL.match(norm, end)) is not None:
            extra = Decimal(_digit(wt.group("k")) * 1000 + _digit(wt.group("h") or "0") * 100) / mult
            end = wt.end()
        rest = norm[end:end + 16]
    # Colloquial Chinese money: 4块5 (4.5), 1毛6 (0.16), 5毛 (0.5).
    if mult == 1 and len(values) <= 1:
        cm = _COLLOQUIAL.match(rest)
        if cm is not None:
            base = values[0] if zh else (parse_number(raw, "CNY") if raw and "," not in raw else None)
            if base is None or base != base.to_integral_value():
                return None
            d = cm.group("d") or cm.group("f")
            digit = Decimal(_digit(d)) if d else Decimal(0)
            if cm.group("yuan"):
                value = base + digit / 10 + Decimal(_digit(cm.group("d2") or "0")) / 100
            elif cm.group("f"):
                value = base / 10 + digit / 100
            else:
                value = base / 10
            return _Amount(start, end, [value], currency or "CNY", cur_start, end + cm.end(), 1, True, False, zh)
    # Currency written after the number.
    suffix_cur = None
    cur_end = end
    sm = _SUFFIX.match(rest)
    if sm is not None:
        suffix_cur = _suffix_currency(sm, rest, norm, start, hints, raw, mult)
        if suffix_cur is not None:
            cur_end = end + sm.end()
            if sm.group("zh") == "块" and rest[sm.end():sm.end() + 1] == "钱":
                cur_end += 1
    if suffix_cur is not None:
        if currency is None or prefix_sym == "$" and pm is not None and pm.group("sym") == "$":
            currency = suffix_cur  # "$24.50 CAD"
        # else: the prefix decides ("港币 28,800 元", "RMB 300元")
    if currency == "CNY" and prefix_sym in ("¥", "￥") and hints.yen:
        currency = "JPY"
    if not zh:
        base = parse_number(raw, currency)
        if base is None:
            return None
        if currency == "USD" and _DOT_GROUPED.fullmatch(raw) and not _PER_UNIT_AFTER.match(norm, cur_end):
            base = Decimal(raw.replace(".", ""))  # "USD 2.800" in Latin or European writing: 2,800
        values = [base]
    if extra:
        values = [v + extra for v in values]
    if currency is None:
        after = norm[end:end + 12]
        bare_ok = not (_UNIT_AFTER.match(after) and not _ZH_MONEY_AFTER.match(after))
        if mult == 1 and raw is not None and _is_year_or_code(raw):
            bare_ok = False
        if zh and (not any(c in "十百千万亿拾佰仟" for c in m.group("zh")) or token in ("十", "拾")):
            bare_ok = False  # "一共", "一下": a lone Chinese digit is a word, not an amount
        word = _WORD_AFTER.match(after)
        if word is not None and word.group(1).lower() not in _WORDS_AFTER_PRICE:
            bare_ok = False  # "match 8 Pantone", "3 colour"
        big = (mult >= 10_000 and mm is not None and mm.group("zh") is not None
               or zh and ("万" in m.group("zh") or "亿" in m.group("zh")) and values[0] >= 10_000)
        return _Amount(start, end, values, None, start, end, mult, False, bare_ok, zh, zh_mult=big,
                       decimal=raw is not None and "." in raw)
    return _Amount(start, end, values, currency, cur_start, cur_end, mult, True, False, zh)


def _wan_is_money(norm: str, start: int, currency: str | None, hints: _Hints) -> bool:
    """Whether "w" after a number is 万 ("预算1.5w", "￥3w"), not watts: Chinese writing with
    the yuan or a money word written before it."""
    return hints.chinese and (currency == "CNY" or bool(_ZH_MONEY_BEFORE.search(norm, max(0, start - 14), start)))


def _digit(d: str) -> int:
    return int(d) if d.isdigit() else _ZH_DIGIT_VALUE.get(d, 0)


def _prefix_currency(pm: re.Match[str], norm: str, start: int, hints: _Hints) -> str | None:
    if pm.group("dp") is not None:
        return _DOLLAR_PREFIX.get(pm.group("dp"), "USD")
    if pm.group("code") is not None:
        code = pm.group("code")
        if not (code.isupper() or code.lower() in _LOWER_OK and (code.islower() or code.istitle())):
            return None
        code = code.upper()
        if code not in _ISO or _LETTER_AFTER.match(norm, start):
            return None  # "CAD 2D drawing"
        if code == "PHP" and _VERSION.match(norm, start):
            return None  # "PHP 7.4"
        if not _code_in_place(code, norm, hints):
            return None
        return _ALIAS.get(code, code)
    if pm.group("rs") is not None:
        rs = pm.group("rs")
        between = norm[start - len(pm.group(0)) + len(rs):start]
        if rs.startswith("Rs"):
            return "INR"
        if rs[:2] in _SHORT_PREFIX:
            return _SHORT_PREFIX[rs[:2]]
        if _MODEL_AFTER.match(norm, start):
            return None  # RM2024-11, R10 as a code
        if rs == "RM":
            return "MYR"
        if rs == "R" and between == "" and hints.rand:
            return "ZAR"
        return None
    if pm.group("sym") is not None:
        sym = pm.group("sym")
        return _LOCAL_DOLLAR.get(hints.region, "USD") if sym == "$" else _SYMBOL[sym]
    if pm.group("zh") is not None:
        return _ZH_CUR[pm.group("zh")]
    return None


def _suffix_currency(sm: re.Match[str], rest: str, norm: str, start: int, hints: _Hints, raw: str | None,
                     mult: int) -> str | None:
    if sm.group("zh") is not None:
        word = sm.group("zh")
        after = rest[sm.end():sm.end() + 6]
        if word == "元" and after[:1] in ("件", "素", "旦", "器", "宝"):
            return None
        if word == "元" and raw is None and norm[start + 1:start + 2] == "元" and _CJK.match(after[:1]) \
                and not _YUAN_AFTER_ZH.match(after):
            return None  # 三元乙丙, 三元锂电池, 二元: a word, not money
        if word == "块":
            if _KUAI_COUNT_AFTER.match(after):
                return None  # 一块样品
            big = mult > 1 or raw is None and any(c in "十百千万亿拾佰仟" for c in norm[start:start + 16].split("块")[0])
            if not (_KUAI_MONEY_AFTER.match(after) or big and (not after or after[:1] in _PLAIN)
                    or raw is not None and "." in raw
                    or _PRICE_WORDS.search(norm[max(0, start - 8):start])):
                return None
            if _QUANTITY_BEFORE.search(norm[max(0, start - 10):start]):
                return None
        if word == "蚊" and after[:1] in ("子", "帐", "香"):
            return None
        if word == "欧" and (after[:1] in _OU_NOT_EURO or _OHM_CONTEXT.search(norm, max(0, start - 12), start)):
            return None  # "5欧姆", "欧标", "欧洲": not euros (an ohm rating in a resistor line)
        if word == "元" and hints.region in _LOCAL_YUAN and not after.startswith("人民"):
            return _LOCAL_YUAN[hints.region]
        return _ZH_CUR[word]
    if sm.group("code") is not None:
        code = sm.group("code")
        if not (code.isupper() or code.lower() in _LOWER_OK and code.islower()):
            return None
        code = code.upper()
        if code not in _ISO or not _code_in_place(code, norm, hints):
            return None
        return _ALIAS.get(code, code)
    if sm.group("sym") is not None:
        if sm.group("sym") == "$":
            return _LOCAL_DOLLAR.get(hints.region, "USD")
        cur = _SYMBOL[sm.group("sym")]
        return "JPY" if cur == "CNY" and hints.yen else cur
    if sm.group("en") is not None:
        return _EN_WORDS[sm.group("en").lower()]
    if sm.group("short") is not None:
        return _SHORT_SUFFIX[sm.group("short")]
    return None


def _code_in_place(code: str, norm: str, hints: _Hints) -> bool:
    """False for a code that is also an abbreviation, written where its country is not."""
    place = _AMBIGUOUS_CODES.get(code)
    return place is None or hints.region == place[0] or bool(place[1].search(norm))


def _is_year_or_code(raw: str) -> bool:
    return bool(_YEAR.fullmatch(raw)) or (raw.startswith("0") and len(raw) > 1 and "." not in raw)


def _link(norm: str, amounts: list[_Amount]) -> None:
    """Ranges and lists share currency: "$2-2.5", "2-3万元", "USD 1.2 to 1.5 million",
    "2.95 and 3.30" after a price."""
    for a, b in zip(amounts, amounts[1:]):
        gap = norm[a.cur_end:b.cur_start]
        is_range = bool(_RANGE_SEP.fullmatch(gap))
        if not is_range and not (_LIST_SEP.fullmatch(gap) and a.currency is not None and b.bare_ok):
            continue
        if a.zh != b.zh:
            continue
        if is_range:
            b.head = a
        if is_range and b.currency is not None and not b.inferred and (a.currency is None or a.inferred):
            a.currency, a.inferred = b.currency, False  # "2-3万元": the tail's currency and 万
            a.cur_end = a.end
            if a.mult == 1 and b.mult > 1 and a.values[-1] <= b.values[0]:
                a.mult = b.mult
        elif a.currency is not None and b.currency is None:
            if not b.bare_ok and not is_range or _UNIT_AFTER.match(norm[b.end:b.end + 8]):
                continue
            b.currency, b.inferred = a.currency, a.inferred
            if is_range and a.mult > 1 and b.mult == 1 and b.values[0] * a.mult > a.values[0] * a.mult:
                b.mult = a.mult
            elif is_range and b.mult > 1 and a.mult == 1 and a.values[-1] <= b.values[0]:
                a.mult = b.mult  # "USD 1.2 to 1.5 million"


def _money_by_context(norm: str, a: _Amount, hints: _Hints) -> bool:
    before = norm[max(0, a.start - 14):a.start]
    after = norm[a.end:a.end + 12]
    prev = before.rstrip(" ")[-1:]
    if prev and prev in "-/#×*" or _EN_LETTERS.fullmatch(before[-1:] or " "):
        return False  # "1500×6000", "LT-40", "D1210"
    if _QUANTITY_BEFORE.search(before):
        return False
    if (_CJK.search(before) and _ZH_MONEY_BEFORE.search(before)
            or _EN_LETTERS.search(before) and _EN_MONEY_BEFORE.search(before)):
        return True
    if IF_THEN_PRICE.match(norm, a.end, a.end + 24) and not a.decimal:
        return False  # "如果 800 的话 可以 6.5 吗": 800 is the quantity the price depends on
    if _CHEAPER_AFTER.match(after) and not a.decimal:
        return False  # "那 兩萬 會便宜多少": the quantity that makes it cheaper
    if _ZH_MONEY_AFTER.match(after):
        return True
    if _ASK_BEFORE.search(before) and _ASK_AFTER.match(after):
        return True  # "可以 给 4.3 吗?", "能不能 6.5 吗": a counter-offer asked
    if a.decimal and _EN_DEAL_AFTER.match(norm, a.end, a.end + 24):
        return True  # "5.60 we can confirm today"
    # "这批三百万", "最高300万", "4.5万以内": tens of thousands written bare are money in Chinese.
    return a.zh_mult and bool(_AFTER_BARE_WAN.match(after)) and hints.chinese


class _Sentences:
    """Sentence bounds and cue words around the amounts of one message. Each pattern is first
    searched in windows around the amounts; once the windows add up to the text's length it
    is found in the whole text once, so a message costs linear time however many amounts
    it holds."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self.ends = _Spans(_CLAUSE_END, norm)
        self.own_before = _Spans(_OWN_BEFORE, norm)
        self.own_after = _Spans(_OWN_AFTER, norm)
        self.our_quote = _Spans(_OUR_QUOTE, norm)
        self.accept = _Spans(_ACCEPT_OURS, norm)

    def bounds(self, start: int, end: int, back: int, ahead: int) -> tuple[int, int]:
        """Where the sentence of [start, end) begins (at most ``back`` before) and ends
        (at most ``ahead`` after)."""
        lo = max(start - back, 0)
        last = self.ends.last_before(lo, start)
        if last is not None:
            lo = last
        hi = end + ahead
        stop = self.ends.first_start(end, hi)
        return lo, hi if stop is None else min(hi, stop)


class _Spans:
    """Where one pattern matches: searched in windows while that is cheaper, else in the
    whole text once."""

    def __init__(self, rx: re.Pattern[str], norm: str) -> None:
        self.rx, self.norm = rx, norm
        self.budget = len(norm)
        self.starts: list[int] | None = None
        self.ends: list[int] = []

    def _indexed(self, lo: int, hi: int) -> bool:
        if self.starts is None:
            self.budget -= hi - lo
            if self.budget >= 0:
                return False
            found = list(self.rx.finditer(self.norm))
            self.starts, self.ends = [m.start() for m in found], [m.end() for m in found]
        return True

    def within(self, lo: int, hi: int) -> bool:
        """Whether a match lies wholly inside [lo, hi)."""
        if lo >= hi:
            return False
        if not self._indexed(lo, hi):
            return self.rx.search(self.norm, lo, hi) is not None
        i = bisect_left(self.starts, lo)
        return i < len(self.starts) and self.ends[i] <= hi

    def last_before(self, lo: int, hi: int) -> int | None:
        """End of the last match inside [lo, hi), if any."""
        if lo >= hi:
            return None
        if not self._indexed(lo, hi):
            last = None
            for m in self.rx.finditer(self.norm, lo, hi + 1):  # one more: "\\Z" is not an end
                if m.end() <= hi:
                    last = m.end()
            return last
        i = bisect_right(self.starts, hi) - 1
        while i >= 0 and self.ends[i] > hi:
            i -= 1
        return self.ends[i] if i >= 0 and self.starts[i] >= lo else None

    def first_start(self, lo: int, hi: int) -> int | None:
        """Start of the first match starting in [lo, hi), if any."""
        if lo >= hi:
            return None
        if not self._indexed(lo, hi):
            m = self.rx.search(self.norm, lo, hi + 2)
            return m.start() if m is not None and m.start() < hi else None
        i = bisect_left(self.starts, lo)
        return self.starts[i] if i < len(self.starts) and self.starts[i] < hi else None


def _not_a_price(norm: str, a: _Amount, sent: _Sentences) -> bool:
    """Our own quote repeated ("as per your offer") or a figure describing a company
    ("registered capital", "annual turnover"). A difference ("比网价低30元/吨", "便宜八千") is
    money the writer states, as the labels have it."""
    lo, hi = sent.bounds(a.cur_start, a.cur_end, 30, 40)
    if _COMPANY_FIGURE.search(norm, max(lo, a.cur_start - 24), a.cur_start):
        return True
    if sent.our_quote.within(lo, a.cur_start) or sent.our_quote.within(a.cur_end, hi) \
            or _YOUR.search(norm, max(lo, a.cur_start - 12), a.cur_start):
        return True
    # "USD 11.20 is OK", "USD 52,200 可以", "USD 4.95/kg 我们接受": accepting our price.
    accepted = _ACCEPT_AFTER.match(norm, a.cur_end, min(hi, a.cur_end + 28))
    if accepted and not _ASKED_AFTER.match(norm, accepted.end()) and not sent.own_after.within(lo, hi):
        return True
    # "We accept your offer for … at USD 1,085/MT": our price, unless a payment is named between.
    wide, _ = sent.bounds(a.cur_start, a.cur_end, 160, 0)
    marker = sent.accept.last_before(wide, a.cur_start)
    return marker is not None and not sent.own_after.within(marker, a.cur_start)


def _is_own(a: _Amount, sent: _Sentences) -> bool:
    lo, hi = sent.bounds(a.cur_start, a.cur_end, 120, 40)
    return sent.own_before.within(lo, a.cur_start) or sent.own_after.within(a.cur_end, hi)


def _fill_currencies(amounts: list[_Amount], default: str, wanted: list[int]) -> None:
    """Bare amounts take the currency written nearest before them, else after, else
    ``default``, the language's and region's (one pass each way)."""
    before: list[str | None] = []
    last = None
    for a in amounts:
        before.append(last)
        if a.explicit and a.currency:
            last = a.currency
    after: list[str | None] = [None] * len(amounts)
    last = None
    for i in range(len(amounts) - 1, -1, -1):
        after[i] = last
        if amounts[i].explicit and amounts[i].currency:
            last = amounts[i].currency
    for i in wanted:
        amounts[i].currency = before[i] or after[i] or default
        amounts[i].inferred = True


def _is_chinese(norm: str) -> bool:
    han = sum(map(len, _CJK_RUN.findall(norm)))
    latin = sum(map(len, _EN_LETTERS_RUN.findall(norm)))
    return han > 0 and han * 3 >= latin


def _plain(v: Decimal) -> int | float:
    if v == v.to_integral_value():
        return int(v)
    return float(round(v, 6))
