"""Quantities: how many of something the customer wants, as ``{"value": n, "unit": u}``.

A quantity is a number (``numbers.NUMBER``: Arabic with separators and k/万/千, Chinese
numerals, a few English number words) with its unit from ``data/units.toml`` — canonical
(``pcs``, ``sets``, ``t``, ``containers``…) or a word kept as the customer wrote it (條, 本,
dozen…). Where no unit is written, one is read from the context: a quantity label ("数量：200",
"Qty 500" → pcs), a table's Qty column (and its unit column), "10K", "5000 each", "plate x 200",
or the goods counted ("240 chairs" → pcs, "2 machines" → sets). Containers are counted whatever
their size: ``1x40HQ``, ``2 x 20GP``, ``一个40尺柜``, ``a 40HQ``, ``order a container`` → 1, 2, 1, 1, 1;
``半柜`` and "half a container" → 0.5. Cable, belt or pipe is counted in km (not a distance).
A range or list gives one entry per number, all with the unit written after the last
("500-800 pcs", "3-5万个", "3k/5k/10k pcs"); "三四百套" gives 300 and 400; "各30万支" is one quantity.
In a list whose items end with a count, an item written without a unit takes the unit of the
item before it ("end cap - 250 pcs / sensor housing - 500", "L size 500 pcs，M size 300"); a
size labels the lines of a breakdown ("S號 2,400 pcs", "39码 20双": 39码 is a size).
A number written without a unit is a count (in pcs, or the unit of the count it belongs to) when
the customer asks a price for it or changes it ("2万 可以 0.055 吗", "如果 300 呢", "150 instead of
120", "then 6 more"), when it lists on after a label or an order verb ("Qty: 500, 1000, 2000"),
ends each line of a list of goods ("- 8oz cups - 50,000", "bearing ... 200"), names the goods
talked about ("6 of them"), or splits a total written before it, adding up to it ("2,400 pcs …
Black 1,200 / White 800 / Red 400").

Not quantities: sizes and dimensions (M10x50, 600x600mm, 1.8m long), model numbers (6205-2RS),
money (a number next to a currency, 15块), percentages, section numbers ("1.1 "), order numbers,
what one unit is made of ("1 set = 2 wheels"), machine capacities (3吨叉车), packing specs
(25kg/ctn, 50pcs/box, 每箱50个, 10 pcs per carton, 25 kg bags), capacities and rates (日产600吨, 600 bottles per hour), powers and
voltages, time spans (3个月, 15 days), counts of things that are not goods (两个问题, 20个门店,
300 stores), what the customer already has (我们有160台车), and MOQs: "MOQ 1,000 pcs" or "the 5k
MOQ is fine" name the supplier's minimum, asked about or repeated, not the customer's own quantity.
Units follow the spec: "units"/"nos" are pieces, 片/張/顆/組/把 keep the customer's word.

>>> ctx = Context.build("需要304螺栓M10x50，五百套；另外样品3个，每箱50个。1x40HQ")
>>> [(f.value["value"], f.value["unit"], f.text) for f in extract_quantities(ctx)]
[(500, 'sets', '五百套'), (3, 'pcs', '3个'), (1, 'containers', '1x40HQ')]
>>> [f.value for f in extract_quantities(Context.build("Qty 3k/5k/10k pcs, 25kg/ctn, USD 2.5/pc"))]
[{'value': 3000, 'unit': 'pcs'}, {'value': 5000, 'unit': 'pcs'}, {'value': 10000, 'unit': 'pcs'}]
>>> [(f.value, f.text) for f in extract_quantities(Context.build("每月約 2 萬條，另要 240 chairs"))]
[({'value': 20000, 'unit': '條'}, '2 萬條'), ({'value': 240, 'unit': 'pcs'}, '240 chairs')]
"""
from __future__ import annotations

import tomllib
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .. import lazyre as re  # re.compile puts compiling off to first use (see lazyre)
from .base import Context, Found
from .numbers import CN_DIGIT, IF_THEN_PRICE, NUMBER, NUMBER_LOWER, read

_SP = r"[ \t\u00a0]"
_HAN = "\u4e00-\u9fff"
# A message with more numbers than this is a data dump, not an inquiry: the rest are not read.
_MAX_NUMBERS = 2000

# Container sizes: 20/40/45 with a size mark (', ft, 尺, 呎) and/or a type (GP, HQ, HC…).
_CMARK = r"(?:'|’|′|ft\.?|feet|foot|尺|呎|英尺)"
_CTYPE = r"(?:gp|hq|hc|dc|dv|rh|rf|ot|fr|std|h\.q\.?|fcl)(?![a-z])"
_CSIZE = rf"(?:20|40|45){_SP}{{0,2}}(?:{_CMARK}{_SP}{{0,2}}(?:{_CTYPE})?|{_CTYPE})"
# Counting units: a noun of ``follow_stop`` after them means the count is not of goods.
_COUNTING = set("个只件支枚张条款份本组片根颗粒块把套台")


@dataclass(frozen=True)
class _Table:
    """``data/units.toml``, compiled."""

    canonical: dict[str, str | None]  # word -> canonical unit; None: keep the customer's word
    unit_rx: re.Pattern[str]
    follow_stop: tuple[str, ...]
    not_goods: frozenset[str]
    sets_nouns: frozenset[str]
    modifiers: frozenset[str]
    gift_rx: re.Pattern[str]  # a gift named right after a count: "两瓶茅台", "两箱作为见面礼"


@lru_cache(maxsize=1)
def _table() -> _Table:
    data = tomllib.loads(resources.files("inquiry_nlp").joinpath("data/units.toml").read_text("utf-8"))
    canonical: dict[str, str | None] = {}
    zh_words: set[str] = set()
    en_words: set[str] = set()

    def add(words: list[str], unit: str | None) -> None:
        for w in words:
            w = w.lower()
            canonical.setdefault(w, unit)
            (en_words if w.isascii() else zh_words).add(w)

    for unit, words in data["units"].items():
        add([w for lang in words.values() for w in lang], unit)  # zh, en, ru, ko…
    add(data["keep"].get("zh", []) + data["keep"].get("en", []), None)
    add(data.get("samples", {}).get("en", []), "pcs")
    guards = data.get("guards", {})

    def zh_alt(w: str) -> str:
        guard = guards.get(w, "") if len(w) == 1 else ""
        return re.escape(w) + (f"(?![{re.escape(guard)}])" if guard else "")

    zh = "|".join(zh_alt(w) for w in sorted(zh_words, key=len, reverse=True))
    en = "|".join(re.escape(w).replace(r"\ ", _SP) for w in sorted(en_words, key=len, reverse=True))
    cont = "|".join(re.escape(w) for w in sorted((w for w, u in canonical.items() if u == "containers"),
                                                   key=len, reverse=True))
    unit_rx = re.compile(
        rf"{_SP}{{0,3}}(?:\((?:[a-z][a-z \-]{{0,46}}|\d{{1,7}})\){_SP}{{0,3}})?"  # "40 (forty) containers", "four (4) units"
        rf"(?:(?P<xc>[x×*]{_SP}{{0,2}}{_CSIZE}(?:{_SP}{{0,2}}(?:{cont}))?)"  # 1x40HQ, 2 x 20' containers
        rf"|(?P<sc>(?:[个只]{_SP}{{0,2}})?{_CSIZE}(?:{_SP}{{0,2}}(?:{cont}))?"  # 2 个 40HQ, one 20GP
        rf"|[个只]{_SP}{{0,2}}(?:20|40|45){_SP}{{0,2}}(?:{cont}))"  # 2个40柜, 三個 20 貨櫃
        rf"|(?:[来余多]?个{_SP}{{0,2}})?(?P<c>{cont})(?![a-z])"  # 2个柜, 4 containers
        rf"|(?:个{_SP}{{0,2}})?(?P<m2>平方米|平方|平米)"  # 300个平方
        rf"|(?:个{_SP}{{0,2}})?(?P<en>{en})(?![a-z0-9²³\u00c0-\u024f]|-[a-z0-9]|\.[a-z])(?P<dot>\.)?"  # 2 個 pallet (not 80687 München)
        rf"|(?:个{_SP}{{0,2}}(?=托盘|卡板|栈板))?[来余多]?(?P<zh>{zh}))"  # 十来个, 100多件, 1个卡板
    )
    english = data.get("english", {})
    gifts = "|".join(re.escape(w) for w in data.get("gifts", {}).get("zh", [])) or "(?!)"
    return _Table(canonical, unit_rx, tuple(data.get("follow_stop", {}).get("zh", [])),
                  frozenset(english.get("not_goods", [])), frozenset(english.get("sets", [])),
                  frozenset(english.get("modifiers", [])), re.compile(rf"[^\n,，。;；]{{0,4}}?(?:{gifts})"))


@dataclass(slots=True)
class _Tok:
    """A number in the text and, once found, its unit. The values of Arabic digits are read
    from ``match`` when first asked for: most numbers of a message are never asked."""

    start: int
    end: int
    read_values: list[int | float] | None
    kind: str  # "ar" (Arabic digits), "cn" (Chinese numeral), "en" (English word)
    mult: str  # the multiplier written after Arabic digits: k, 万, 千…
    unit: str | None = None  # canonical unit; None with ``keep`` set: the customer's word
    keep: tuple[int, int] | None = None  # where that word is
    uword: str = ""  # the unit as matched (normalised)
    uend: int = 0  # end of the unit (= end of the quantity's text)
    how: str = ""  # how the unit was found: "c" container, "zh", "en", "noun", "label", "table", "times"
    half: bool = False  # 一吨半
    chained: bool = False  # the unit comes from the next number of a range or list
    match: re.Match[str] | None = None

    @property
    def values(self) -> list[int | float]:
        if self.read_values is None:
            self.read_values = read(self.match) if self.match is not None else []
        return self.read_values

    @values.setter
    def values(self, values: list[int | float]) -> None:
        self.read_values = values

    @property
    def has_unit(self) -> bool:
        return self.unit is not None or self.keep is not None


# --- Ranges and lists ------------------------------------------------------------------------
_FACTOR = {"k": 1000, "w": 10_000, "万": 10_000, "千": 1000, "百": 100, "亿": 100_000_000, "百万": 1_000_000,
           "千万": 10_000_000}
_SEP = re.compile(rf"{_SP}{{0,2}}(?:-|–|~|～|〜|/|to|至|到|或|or|、){_SP}{{0,2}}|{_SP}(?:and|和|及|&){_SP}")
# The next item of a breakdown, named by a variant before its count: "white 3,000 / ivory 2,000 panels",
# "bath 5,000, hand 5,000, pool 2,400 pcs", "原味200、绿茶100包".
_SEP_LABEL = re.compile(
    rf"{_SP}{{0,2}}[/,，、+]{_SP}{{0,2}}(?P<label>[a-z][a-z\-]{{1,12}}(?:{_SP}[a-z][a-z\-]{{1,12}})?"
    rf"|(?![共合总约大每各另再加要需先首第和及或到至])[{_HAN}]{{1,4}}){_SP}{{0,2}}")
_ITEM_SEP_CHARS = frozenset("/,，、+")
_NOT_LABELS = frozenset(("quantity", "quantities", "qty", "moq", "amount", "volume", "order", "approx", "approximately"))
_RANGE_LEFT = re.compile(r"\d[km万千]?-\Z")
_DECIMAL_ON = re.compile(r"[.,]\d")  # "1.5" read as "1": the number goes on

# --- What rules a number out (patterns on the text before it end in \Z; after it, anchored) --
_CURRENCY_BEFORE = re.compile(
    r"(?<![a-z0-9\-])(?:usd|us\$|u\$s|\$|rmb|cny|eur|€|£|¥|hkd|hk\$|nz\$|nt\$|ntd|twd|sgd|s\$|aud|a\$|cad|c\$|rm|inr|"
    r"rs\.?|₹|jpy|gbp|chf|aed|sar|myr|php|idr|thb|vnd|krw|brl|r\$|mxn|ngn|zar|kes|egp|pkr|bdt|lkr|人民币|美元|"
    r"美金|港币|港元|欧元|台币|新台币|日元|英镑)[ \t]{0,2}(?:[0-9.,]{1,12}[ \t]{0,2}(?:-|~|to|/)[ \t]{0,2})?\Z")
_MONEY_AFTER = re.compile(r"[ \t]{0,2}(?:元|块钱|美元|美金|usd|usdt|usdc|dollars?|rmb|eur|euros?)(?![a-z])")
_MOQ_BEFORE = re.compile(
    r"(?:moq|minimum order(?: quantity| qty)?|min\.? order(?: qty| quantity)?|minimum quantity|起订量?|起批量?|"
    r"最小起订量?|最低起订量?|最小订单量?|最低订(?:货|购|单)?量?)[^\n,.;，。；!?！？]{0,14}\Z")
# "36㎡起租" is a rental minimum (but "5000套起" is the customer's own volume).
_MOQ_AFTER = re.compile(r"[^\n,;，。；]{0,6}(?:moq|起订)|[ \t]{0,2}起租")

# Packing: "每箱50个", "50pcs/box", "10 pcs per carton", "boxes of 25 pcs", "外箱50支".
_PACK_WORDS = (r"(?:箱|盒|袋|包|托盘|托|卷|桶|捆|扎|盘|外箱|内盒|中盒|彩盒|纸箱|cartons?|ctns?|box(?:es)?|bags?|"
               r"pallets?|cases?|inner(?: box)?|polybags?|rolls?|reels?|drums?|layers?|bundles?|packs?|packages?|"
               r"master cartons?|export cartons?|cones?|spools?|bobbins?|bottles?|tins?|cans?|jars?|pails?|sacks?)")
# "/ Bottle green 600 pcs" names the next item of a list, not a package.
_NOT_NEXT_ITEM = r"(?![ \t]{1,2}[a-z]{1,12}[ \t]{1,2}\d)"
_PACK_BEFORE = re.compile(
    rf"(?<![a-z])(?:(?:每|一|per|each|every|one|a|整)[ \t]{{0,2}}(?:[a-z]{{1,12}} )?{_PACK_WORDS}[ \t]{{0,2}}"
    r"(?:装|内装|里|有|是|为|:|=|不超过|不少于|最多|最少|至少|packed|packing|contains?|of|with|are|is|holds?|"
    r"max\.?|up to|not more than)?"
    rf"|{_PACK_WORDS} (?:of|by)|每[ \t]{{0,2}}[本张片套件打条根支只个]|外箱|内盒|中盒|装箱|每|(?:packing|packed|包装)[ \t]?:)"
    r"[ \t:]{0,2}(?:约|大概)?[ \t]{0,2}\Z")
_PACK_AFTER = re.compile(
    rf"(?:装(?=[\s,，。;；/)）的一每]|\Z|[a-z])|[ \t]{{0,2}}/[ \t]{{0,2}}{_PACK_WORDS}{_NOT_NEXT_ITEM}"
    rf"|[ \t]{{0,2}}(?:per one|per|each|every|in each|in one|in a|for each|a|every|/|每|一[个只]?)"
    rf"[ \t]{{0,2}}(?:[a-z]{{2,8}} )?{_PACK_WORDS}(?![a-z]){_NOT_NEXT_ITEM}"
    r"|[ \t]{0,2}per (?:piece|pc|unit|set|pair|garment)(?![a-z]))")
# A weight or length followed by its package or product: "25 kg bags", "25公斤编织袋", "220m coils".
_PACKAGED_AFTER = re.compile(
    r"[ \t]{0,2}(?:(?:[a-z-]{1,12} ){0,2}?(?:bags?|sacks?|cartons?|ctns?|boxes|box|drums?|pails?|tins?|cans?|"
    r"bottles?|jerry ?cans?|coils?|rolls?|reels?|spools?|packs?|packages?|pouches)(?![a-z])"
    rf"|[{_HAN}]{{0,5}}?(?:袋|包|箱|桶|罐|瓶|卷|盒|装)|的(?!话))")
# A weight naming a machine's capacity: "100公斤全自动洗脱机", "3吨叉车", "5t forklift" (not 机油, 机制砂).
_MACHINE_AFTER = re.compile(
    rf"[ \t]{{0,2}}(?:[{_HAN}]{{0,7}}?(?:机(?![油制])|炉|秤|叉车|吊车|行车|电梯)"
    r"|(?:[a-z-]{1,12} ){0,2}?(?:forklifts?|cranes?|machines?|scales?|hoists?|washers?|mixers?|dryers?|extractors?)(?![a-z]))")
# A bag's capacity named after the bag, in its sentence: "cement bag, valve type, 50 kg", "PP woven
# bags: - 50 kg, 55x95 cm" (not "1kg bag, 500kg": a bag holds up to ``_BAG_MAX_KG``).
_BAG_SPEC_BEFORE = re.compile(r"(?<![a-z])(?:bags?|sacks?)(?:[ \t,][^\n.;:!?\d]{0,30}|:[ \t]*\n[ \t]*\n?[ \t]*[-*•]?)[ \t]*\Z")
_BAG_MAX_KG = 100
_PACKAGE_BEFORE = re.compile(
    r"(?<![a-z])(?:bags?|sacks?|drums?|boxes|cartons?|rolls?|reels?|coils?)[ \t](?:for[ \t])?\Z")
# After a slash: "/ctn", "/h", "/ml" make a spec; "/month", "/colour" or the same unit do not.
_SLASH_AFTER_BAD = re.compile(
    rf"[ \t]{{0,2}}/[ \t]{{0,2}}(?:{_PACK_WORDS}|h|hr|hours?|s|sec|min|minutes?|m|pcs?|sets?|kg|l|次|小时|天|个|件|只|"
    r"米|套)(?![a-z])")
_PERIOD_AFTER_SLASH = re.compile(
    r"[ \t]{0,2}/[ \t]{0,2}(?:months?|mo|mth|years?|yrs?|y|yr|annum|weeks?|wk|order|season|quarter|batch|shipment|"
    r"lot|colou?r|size|model|design|sku|style|item|each|月|年|周|季|季度|批|次|单|款|色|个月)(?![a-z])")

# Sizes, model numbers, standards, addresses.
_DIM_BEFORE = re.compile(r"(?:\d|\d[ \t]?(?:mm|cm|m|in|\"|'))[ \t]{0,2}[x×*][ \t]{0,2}\Z")
_DIM_AFTER = re.compile(r"[ \t]{0,2}[x×*][ \t]{0,2}\d")
_XCONTAINER = re.compile(rf"{_SP}{{0,2}}[x×*]{_SP}{{0,2}}{_CSIZE}")
_ORDINAL_BEFORE = re.compile(
    r"(?<![a-z0-9\-])(?<!each )(?<!per )(?<!every )(?<!每 )(?<!每)(?<!每个)(?<!每种)(?:第|no\.?|nr\.?|#|№|n\.|编号|型号|item|page|p\.|din|iso|pco|"
    r"astm|en|gb|gb/t|jis|ansi|bs|iec|ul|sae|aisi|api|asme|type|level|class|grade|group|series|model|size|phase|"
    r"category|version|rev|ral|pantone|pms|sus|ss|stainless(?: steel)?|不锈钢|材质|牌号)[ \t]{0,2}\Z"
    r"|(?:(?<!型)号|室|栋|幢|单元|弄|巷)[ \t]{0,2}\Z")
# A garment or glove size naming the line of a breakdown: "S號 2,400 pcs", "M号 200打", "L size 500 pcs".
_SIZE_LABEL_BEFORE = re.compile(r"(?<![a-z0-9])(?:[smlx]|xs|xl|xxl|xxxl|[2-6]xl|queen|king|twin|single|double|full|free|one)"
                                r"[ \t]{0,2}(?:号|size)[ \t:]{0,2}\Z")  # also bed sizes: "Queen size 3,600 sets"
# A shoe size before its count: "39码 20双", "42碼：70雙".
_COUNT_AFTER = re.compile(r"[ \t:：]{0,2}\d{1,6}[ \t]{0,2}(?:双|对|件|个|只|条|套|pairs?|pcs|prs)")
# A rating before the goods and their count: "CD1 5吨电动葫芦 ×6 台", "10 t hoist x 2 sets".
_TIMES_COUNT_AFTER = re.compile(r"[^\n,，;；、。]{0,16}?[ \t][x×*][ \t]{0,2}\d{1,6}[ \t]{0,2}(?:台|套|个|只|件|部|pcs|sets?|units?|nos)(?![a-z])")
# "/ M 400 ctns" after a count: the next line of a breakdown, not a rate or a packing spec.
_SLASH_LIST = re.compile(r"[ \t]{1,2}/[ \t]{1,2}[a-z]{1,12}(?:[ \t][a-z]{1,12})?[ \t]{1,2}\d")
# 块 is also money (块钱): "单价不超过15块", "色板费100块", "15块（含税）", "20块一个".
_KUAI_MONEY_BEFORE = re.compile(r"(?:价|费|钱|金|返我?|红包|预算|付了?|转了?|不超过|控制在|做到|能到|最多|最低|便宜)[ \t]{0,2}"
                                r"(?:大概|大约|约|在)?[ \t]{0,2}\Z")
_KUAI_MONEY_AFTER = re.compile(r"[ \t]{0,2}[（(]?(?:含税|不含税|含运|包邮|的?红包|现金|(?:已经?)?(?:微信|支付宝)?(?:转|汇|付)|一(?:个|件|只|套|条|张|片|块|米|斤|公斤)|每|/)")
# A distance, not a length of goods: "离济南40公里", "30 km from the port", "3小时车程/200公里外".
_DISTANCE_BEFORE = re.compile(r"(?:离|距|相距|开车|车程|外)[^\n，。,;；!?！？]{0,10}\Z"
                              r"|(?<![a-z])(?:distance|within|is|are|lies|located|only|just)(?: about| around| approx\.?)?"
                              r"[ \t]{0,2}\Z")
_DISTANCE_AFTER = re.compile(r"[ \t]{0,2}(?:外|以外|开外|远|左右的?路|路程|车程|的路|(?:away|from|north|south|east|west|"
                             r"drive|outside|radius|/h|per hour)(?![a-z]))")
# Goods sold by the kilometre: a count in km is a quantity only after one of them.
_LINEAR_GOODS = re.compile(r"cable|wire|pipe|tube|hose|belt|rope|fib(?:re|er)|conduit|duct|guardrail|电缆|电线|光缆|线缆|导线|"
                           r"管|输送带|皮带|绳|护栏|桥架|(?<![a-z])(?:yjv|yjlv|kvv|rvv|bvr?|hdpe|u?pvc|ppr|pe\d{2,3}|sdr[ \t]?\d|dn[ \t]?\d)(?![a-z])")
_CN_BAD_BEFORE = set("第每同统唯单万之其任哪周礼初星逐")
_CN_ONE_ONLY = set("同统唯单万任逐")  # bad before 一 only: 同一, 单一 (but 首单两万个, 同三十斤)
# Stainless grades of cookware and cutlery (chromium/nickel): "18/10 cookware set", "18/8不锈钢".
_STEEL_GRADE = re.compile(r"(?<![\d.,/])18/(?:10|8|0)(?![\d.,/])")
# A bare order of magnitude after 上 or 近 is that round number: 上千把 (1000), 近万个, 上百套.
_ROUND_BEFORE = frozenset("上近")
_ROUND = {"百": 100, "千": 1000, "万": 10_000}

# Measures that are specs: "length 6 m", "max. load 200 kg", "BV 2.5平方".
_LENGTH_SPEC_BEFORE = re.compile(
    r"(?<![a-z])(?:length|long|height|high|width|wide|depth|deep|lift|head|level|dia\.?|diameter|span|"
    r"thick(?:ness)?|l|h|w|d)[ \t]{0,2}[:=]?[ \t]{0,2}(?:about|approx\.?|~)?[ \t]{0,2}\Z"
    r"|(?<![a-z])(?:长|高|宽|深|厚|长度|高度|宽度|深度|厚度|扬程|直径|跨度|净高|层高|半径|at|@|臂长|工作高度|夜视|射程)"
    r"[ \t:=]{0,3}(?:约|大约|大概)?[ \t]{0,2}\Z")
_LENGTH_SPEC_AFTER = re.compile(
    r"[ \t]{0,2}(?:long|length|high|height|wide|width|deep|depth|tall|cable|lead|drl|working|in length|"
    r"长|高|宽|深|厚|长度|高度|宽度|的长度|线|/|以上|以下|以内|head|lift|:|ir(?![a-z])|range|reach|防水|潜水|"
    r"water ?(?:proof|resistan)|wr(?![a-z]))")  # "30m防水": a depth rating
_WEIGHT_SPEC_BEFORE = re.compile(
    r"(?<![a-z])(?:weight|weighs?|load|capacity|max\.?|up to|n\.?w\.?|g\.?w\.?|payload|machine|press|crane|truck|"
    r"forklift|size|规格|重|重量|承重|载重|载|适用|suitable for|起重|吨位|净重|毛重|最大|容量|每层|每格)[ \t:=]{0,3}(?:约|about|approx\.?|of)?[ \t]{0,2}"
    r"(?:\d{1,4}(?:\.\d{1,2})?[ \t]{0,2}[-~到至][ \t]{0,2})?\Z")
# A measure that rates each unit or names a variant: "150kg rated", "1000kg per level", "2.5斤那种".
_RATED_AFTER = re.compile(r"[ \t]{0,2}(?:rated|capacity|load|per (?:level|layer|tier|shelf|beam|arm|floor|bay|pair)"
                          r"(?![a-z])|[ \t]{0,2}(?:那种|这种|那款|这款|那个|嗰隻|嗰种))")
# "80 drums (13.6 MT)": a count restated in brackets, not a model's capacity ("SZ-18 (1.8 ton)").
_COUNT_BEFORE_BRACKET = re.compile(rf"\d[ \t]{{0,2}}[a-z{_HAN}]{{1,10}}[ \t]{{0,2}}\(\Z")
# "18mm x 40 sheets", "DN100 x 64 pcs": a size, then how many of it.
# A size or a model code, then " × " and a count: "10mm x 500 pcs", "HT-1088 ×120 套", "IP55 ×600台"
# (not a bolt's length: "M10 x 50").
_SIZE_TIMES_BEFORE = re.compile(r"(?:\d[ \t]?(?:mm|cm|\"|inch)|dn[ \t]?\d{2,4}"
                                r"|(?<![a-z0-9\-])(?!m\d)[a-z][a-z0-9\-]{0,8}\d)[ \t]{1,2}[x×*][ \t]{0,2}\Z")
_MEASURES = frozenset(("m", "m2", "m3", "kg", "l", "t", "jin", "yards"))
# "how many on one pallet", "一个箱子装多少": a question about what fits.
_CAPACITY_BEFORE = re.compile(r"(?:how many|多少|几)[^\n,.?？。，]{0,20}?(?:on|in|per|into|装)[ \t]{0,2}\Z")
# A weight range naming the sizes: "bumper plates 5-25kg sets", "2.5-25kg, 50 pairs each weight".
_RANGE_HEAD = re.compile(r"\d[ \t]{0,2}(?:kgs?|公斤)?[ \t]{0,2}(?:[-–~～到至]|to)[ \t]{0,2}\Z")
_PER_SIZE = re.compile(r"(?<![a-z])(?:each|every|steps|increments|per (?:weight|size))(?![a-z])"
                       r"|每(?:个|种|款|只|副)")
_SIZE_NOUN_AFTER = re.compile(r"[ \t]{0,2}(?:sets?|pairs?|pcs|pieces)(?![a-z])")
_MACHINE_BEFORE = re.compile(r"(?<![a-z])(?:mixers?|machines?|ovens?|scales?)[ \t]{1,2}\Z"
                             r"|(?:锅炉|叉车|吊车|起重机|电梯|行车)[，, \t]{0,2}\Z")  # "锅炉，4吨"
_CABLE_BEFORE = re.compile(r"(?<![a-z])(?:bvr?|yjv|rvv|kvv|vv|电缆|电线|线缆|cable|wire)(?![a-z])")
_SMALL_CUE = re.compile(r"each|sample|swatch|cutting|total|一共|总共|合计|共计|样品|样板|打样|寄样|样衣|样机|小样|样件|各|每色|每种|每款|寄|"
                        r"per colou?r|minimum|min\.|of every|试")

# A rate or a capacity, not an amount: "3-4 ton per hour", "日产600吨", "每小时6000个".
_RATE_AFTER = re.compile(
    r"[ \t]{0,2}(?:(?:(?:per|an?|every)[ \t]{1,2}|/[ \t]{0,2})(?:hours?|hr|h|minutes?|min|shifts?|seconds?|sec|s)"
    rf"(?![a-z])|每小时|每分钟|每班|/小时|/分钟|[{_HAN}]{{0,3}}/(?:次|小时|天))")
_RATE_BEFORE = re.compile(
    r"(?<![a-z])(?:日处理|日产|日产量|月产|月产能|年产|年产能|产能|产量|每小时|每分钟|小时产量|per hour|per minute|"
    r"hourly|output|capacity|throughput)(?:[^\n，。;；,]|,(?=\d)){0,12}\Z")
# "一个40HQ 能装多少套?": a question about what fits, not an order.
_CAPACITY_AFTER = re.compile(r"[^\n,.?？。，]{0,8}?(?:能装|可以装|可装|装多少|装几|can (?:load|hold|fit|take)|how many)")
# What the customer has, not what they buy: "我们有160台车", "有 1,800 個 security guards".
_HAVE_BEFORE = re.compile(
    r"(?:(?:我们|我司|公司|我|已|现|本|都|共|拥|您|你)有|(?:在|全)[^\n，,。]{0,4}有|(?<=[ ,，、:;])有"
    r"|(?<![a-z])(?:we have|we (?:already|currently|still|now) have|we own|i own|own|owns|we operate|operates?|we run|runs|we employ|employs|there are|"
    r"with over|our|we (?:maintain|manage|serve)|maintains|manages|serves))"  # "in our 3 units", "we maintain 900 lifts"
    r"[ \t]{0,2}(?:约|大概|大约|about|around|over|more than)?[ \t]{0,2}\Z")
# What comes with each piece or person: "带两个螺母", "附書籤帶兩條", "每人夏装两套".
_WITH_BEFORE = re.compile(r"(?:(?<![送皮胶腰鞋绑丝织色拉封履灌紧示光装扎全动背肩吊表绷磁飘缎领])带|附带|附|含|包含|内含|每(?:人|位|间|户|名|樘|扇|套)[^\n，。,;；]{0,4})[ \t]{0,2}\Z")
_DEPT_BEFORE = re.compile(r"(?:项目|采购|销售|事业|工程|技术|市场|财务|业务)\Z")  # 采购三部 is a department
# The last digits of a number, not a count: "末五码 38821", "后5位", "尾号4位".
_DIGITS_OF_BEFORE = re.compile(r"(?:末|后|尾|尾号|最后|前)[ \t]{0,2}\Z")
# A way or a height, not a length of goods: "往北200米", "向东走500米", "海拔3300米", "altitude 1,200 m".
_WAY_BEFORE = re.compile(r"(?:[往向朝沿][东南西北]|[东南西北]侧|海拔|(?<![a-z])(?:altitude|elevation))"
                         r"[^\n，。,;；!?！？\d]{0,3}\Z")
# Counts of colours, sizes, models and floor areas: "颜色5个", "展出面积 5万平方米" (but "每个颜色500顶" is per colour).
_ATTR_BEFORE = re.compile(
    r"(?:(?<!每)(?<!每个)(?<!每种)(?:颜色|花色|型号|尺码)|(?<!同)款式|规格|展出面积|展览面积|展位|占地|建筑面积)[ \t:]{0,2}(?:约|大概)?[ \t]{0,2}\Z"
    r"|(?:颜色|花色)[ \t:]{0,2}每(?:月|季|次|年|批)[ \t]{0,2}(?:约|大概)?[ \t]{0,2}"
    r"(?:\d{1,4}[ \t]{0,2}[-~到至][ \t]{0,2})?\Z")  # 颜色每月8-10个
# Yarn counts are not quantities: "全棉 40支 133*72", "60支贡缎", "32支白色酒店毛巾".
_YARN_BEFORE = re.compile(r"(?:棉|cotton|精梳|纱|涤)[ \t]{0,3}\Z")
_YARN_AFTER = re.compile(r"[ \t]{0,2}(?:纱|贡缎|全棉|纯棉|精梳|\d{2,3}[*x×])"
                         r"|[^\n,，。;；]{0,8}?(?:毛巾|斜纹|平纹|贡缎|莱赛尔|天丝|府绸|面料|床品|四件套|纱|棉)")
_YARN_COUNTS = {16, 21, 26, 32, 40, 50, 60, 80, 100, 120}
# "一个" is mostly an article, and "一套" after a price is "per set".
_PRICE_ONE_BEFORE = re.compile(
    rf"(?:[\d千百万十]多|[\d元块钱$]|usd|rmb|how much|多少|价格|price|per|每|\d[ \t]{{0,2}}[个只件支片张条本套粒颗])"
    rf"[ \t]{{0,2}}\Z")
_PRICE_ONE_AFTER = re.compile(r"[ \t]{0,2}(?:多少|几钱|幾錢|怎么卖|什么价|价格|价钱|的价|price|cost|一|\?|？)")
_PER_ONE_BEFORE = re.compile(r"(?:\d|how much|price|cost)[^\n,.;，。]{0,10}(?:for|per)[ \t]{1,2}\Z")
_PRICE_FOR_BEFORE = re.compile(r"(?:how much|price|cost|rate)[^\n,.;，。\d]{0,10}(?:for|per)[ \t]{1,2}\Z")
# "1 set = 1 panel", "one set consists of…", "(pairs as 1 pcs)": what one unit is, not an amount.
_DEFINITION_AFTER = re.compile(r"[ \t]{0,2}(?:=|equals|consists of|comprises|is made of|包括|包含|由)")
_DEFINITION_BEFORE = re.compile(r"(?<![\d.,])(?:one|1|一)[ \t]{0,2}(?:set|kit|unit|pair|pc|pcs|套|台|对|双)"
                                r"[ \t]{0,2}(?:=|consists of|comprises|includes)[^\n()=;]{0,30}\Z")
_COUNTED_AS_BEFORE = re.compile(r"(?<![a-z])(?:counted as|count as|as|算作|算成|按)[ \t]{0,2}\Z")
# A count for each style, near a count of styles (see ``_is_style_count``).
_EACH_STYLE_NEAR = re.compile(r"每款|每个款|各(?![位种个地类界式样])|(?<![a-z])(?:each|per (?:style|design|model))(?![a-z])")
_STYLES_TOTAL_AFTER = re.compile(r"[ \t]{0,2}(?:加埋|加起来|合计|一共|共|总共|total)")
_THIS_BEFORE = re.compile(r"[这那此该][ \t]{0,2}\Z")
_SAMPLE_NEAR = re.compile(r"(?<![一这那怎同多])样(?![子式])|sample")
_NOT_AFTER = re.compile("|".join(f"(?:{p.pattern})" for p in (
    _MONEY_AFTER, _MOQ_AFTER, _PACK_AFTER, _RATE_AFTER, _CAPACITY_AFTER)))
_NUMERAL_IN = re.compile(rf"[0-9{CN_DIGIT}十百千万]")
_SLASH_WORD = re.compile(rf"[ \t]*/[ \t]*([a-z]+|[{_HAN}])?")
_NEXT_WORD = re.compile(r"[ \t]{1,2}([a-z]+)")
_DIGIT_NEXT = re.compile(r"[ \t]{0,2}\d")
_SET_BEFORE = re.compile(r"(?<![a-z])(?:set|kit|套装)(?:[ \t]{1,2}|[,，][ \t]?)\Z")
_SET_AFTER = re.compile(r"[ \t]{0,2}(?:[a-z-]{1,12} ){0,2}?(?:set|kit|套装)(?![a-z])")  # "15 pcs set"

# --- Numbers written without a unit ----------------------------------------------------------
_LABEL_BEFORE = re.compile(
    r"(?:数量|数目|qty\.?|q'ty|quantity|quantities|订量|订购量|订货量|采购量|需求量|用量|订单量|volume|volumes|"
    r"cantidad|cantidades|quantidade|quantité|qté|menge|anzahl|количество|кол-во|Количество|Кол-во|"
    r"(?:number|no\.) of (?P<lw>pieces|pcs|units|sets|pairs|cartons|boxes|rolls|bags|pallets|containers))"
    r"[ \t]{0,2}(?:\((?P<lu>[^()\n]{1,10})\))?[ \t]{0,2}(?:[:=]|是|为|约|大概|大约|approx\.?|about|around|of|are|is|"
    r"需要|要|to)?[ \t]{0,2}(?:(?:可能|也许|或许|会|要|may|might|could|will){0,2}[ \t]{0,2}(?:加|增加|提高|提|涨|改|增|升)?(?:到|至)"
    r"|(?:may|might|could|will)?[ \t]{0,2}(?:go|increase|rise|grow)(?: up)?[ \t]{1,2}to)?"
    r"[ \t]{0,2}(?:共|约|大概|大约|approx\.?|about|around|~)?[ \t]{0,2}\Z")
# Any quantity label in the text: a quick test before looking for one before each number.
_LABEL_HINT = re.compile(r"数量|数目|qty|q'ty|quantit|订量|订购量|订货量|采购量|需求量|用量|订单量|volume|number of|no\. of|"
                         r"cantidad|quantidade|qté|menge|anzahl|количество|кол-во|Количество|Кол-во")
# A bare count the customer asks a price for: "2万 可以 0.055 吗", "500, can do HK$12 each", "那 兩萬 會便宜多少".
_COUNT_PRICE_AFTER = (
    r"[ \t]{0,2}(?:的话|呢)?[ \t,，]{0,2}(?:(?:可以|能|can (?:you )?(?:do|make it|go)|could you do|at|@)[ \t]{0,2}"
    r"(?:(?:us\$|usd|hk\$|s\$|a\$|\$|rmb|¥|rm)[ \t]{0,2}\d|\d{0,4}\.\d)"
    r"|(?:会|能|可以|可不可以)?便宜(?:多少|几多|点|一点|些)|(?:多少钱|几多钱|几钱|什么价|咩价|price)[ \t]{0,2}[?？])")
# "如果 300 呢?", "if 5000?", "要是 1000 的话": a count in a conditional question.
_IF_COUNT_BEFORE = re.compile(r"(?:如果|要是|假如|若|(?<![a-z])if)[ \t]{0,2}(?:要|做|订|是|we (?:take|order))?[ \t]{0,2}\Z")
_IF_COUNT_AFTER = r"[ \t]{0,2}(?:pcs[ \t]{0,2})?(?:呢|的话|[?？])"
# "Can you do 150 instead of 120?", "then maybe 6 more.": a count changed or added.
_MORE_AFTER = r"[ \t]{1,2}(?:instead of[ \t]{1,2}\d|more(?=[ \t]{0,2}(?:[.,;!?]|\n|\Z|for|in|later|next|if|after)))"
# "Make it 7.80 for 50": a unit price, then the count it is for.
_PRICE_FOR_BEFORE_COUNT = re.compile(r"\d\.\d{1,4}[ \t]{0,2}(?:usd|rmb|eur|each|/pc|/pcs)?[ \t]{1,2}for[ \t]{1,2}\Z")
_COUNT_END = re.compile(r"[ \t]{0,2}(?:[.,;!?？。，；]|\n|\Z|and|or)")
# What may follow a count asked about, tried at once (the first that matches names the case).
_ASKED_AFTER = re.compile(rf"(?P<price>{_COUNT_PRICE_AFTER})|(?P<cond>{_IF_COUNT_AFTER})"
                          rf"|(?P<more>{_MORE_AFTER})")
_TIMES_NEAR = re.compile(r"[x×*]")  # the times sign the "x 200" patterns end with
_EACH_AFTER = re.compile(
    r"[ \t]{0,2}(?:each|of each|per (?:colou?r|size|model|design|item|sku|style|type|version|reference))(?![a-z])")
_TIMES_BEFORE = re.compile(rf"(?:[a-z{_HAN}\")\]]|\d(?:mm|cm|m|\"))[ \t]{{1,2}}[x×][ \t]{{1,2}}\Z")
_TIMES_AFTER = re.compile(r"[ \t]{0,2}[x×][ \t]{1,2}(?!magnif|zoom|optical|digital|faster|speed)[a-z]")
# "6 of them", "two of your heaters": a count of the goods talked about.
_OF_GOODS_AFTER = re.compile(r"[ \t]{1,2}of[ \t]{1,2}(them|these|those|your)(?![a-z])(?![ \t]{1,2}(?:products|goods)(?![a-z]))")
# What may follow a count asked about, listed or ending a line (the first characters of
# _OF_GOODS_AFTER, _ASKED_AFTER, _COUNT_END and _ITEM_TAIL's end): most numbers fail it at once.
_ASKED_HINT = re.compile(r"[ \t]{0,2}(?:of|的话|呢|[,，.;!?？。；\n]|\Z|可|能|can|could|at|@|会|便宜|多少|几|什么|咩|price|pcs|"
                         r"instead|more|total|in total|and|or)")
# The end of a line of a list of goods: " - 50,000", "... 200", " - 80,000 total".
_ITEM_TAIL = re.compile(r"(?P<sep>[ \t]-[ \t]{1,2}|\.{2,}[ \t]{0,2}|…{1,3}[ \t]{0,2})(?P<n>\d{1,3}(?:,\d{3}){0,3}|\d{1,7})"
                        r"[ \t]{0,2}(?:(?:in )?total|pcs)?[ \t]*\Z")
_LETTER_IN = re.compile(rf"[a-z{_HAN}]")
_LETTER_NEXT = re.compile(r"[ \t]{0,2}[a-z]")
_SECTION_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}")
_SECTION_LINE = re.compile(r"(?m)^[ \t]{0,8}\d{1,2}\.\d{1,2}[ \t]")
_OF_NEXT = re.compile(r"[ \t]{1,2}of(?![a-z])")
_K_WORD_NEXT = re.compile(r"[ \t]{1,2}(?:by|in|this|next|from|if|and|or|first|initially|per|vs|versus|to)(?![a-z])")  # "25k by spring"
_EN_WORD_NEXT = re.compile(r"[ \t]{0,2}[a-z][a-z0-9]")  # a word or a code ("M5"), not "C型"
_CODE_NEXT = re.compile(r"[ \t]{0,2}[a-z]{1,3}\d{1,4}(?![a-z0-9])[ \t]{0,2}")  # "500 個 A4 文件夾", "4个M5螺纹孔"
_CONTAINER_TIMES_BEFORE = re.compile(rf"{_CSIZE}(?:{_SP}{{0,2}}containers?)?{_SP}{{0,2}}[x×*]{_SP}{{0,2}}\Z")
_LINE_END = re.compile(r"[ \t]*(?:\n|\Z|[,;，；]|\.(?!\d)|and(?![a-z]))")  # "15hp x 10 and …", "40hp x 5."
# A bare number ordered: "we'd order 300.", "Can you also quote 5,000?"
_ORDER_BARE = re.compile(
    r"(?<![a-z])(?:order|buy|purchase|take|quote|pricing for|price for|start with|begin with|(?<![价钱费格])要|订|买|需要|采购|订购|拿|先"
    r"|(?:need|want)[ \t]{1,2}(?=like|about|around|approx))[ \t]{0,2}"  # "need like 500 for", not "do we need 316?"
    r"(?:about|around|approx\.?|like|大概|约)?[ \t]{0,2}\Z")
_BARE_END = re.compile(r"[ \t]*(?:[.?!;。？！；，]|\n|\Z)|[ \t]+(?:for|this|next|first|initially|to start)(?![a-z])"
                       r"|[ \t]{0,2}(?:[,，/、&]|and|or)[ \t]{0,2}\d(?:[\d,.]{1,8}\d|[ \t]?k)")  # "quote 1,000 / 3,000 / 5,000" (not "要 25/10 前")
# The next number of a list of counts written without a unit: "Qty: 500, 1000, 2000", "quote 1k/3k/5k".
_LIST_SEP = re.compile(r"[ \t]{0,2}(?:[,，/、&]|,?[ \t]?(?:and|or)|或|和)[ \t]{0,2}")
# "a 40HQ", "half a container": a container written without a digit.
_A_CONTAINER = re.compile(
    rf"(?<![a-z])(?P<n>half(?:{_SP}an?)?|an?)(?:{_SP}{{1,2}}{_CSIZE}(?:{_SP}{{0,2}}containers?)?(?![a-z])"
    rf"|(?<=half){_SP}{{1,2}}containers?(?![a-z])|(?<=half a){_SP}{{1,2}}containers?(?![a-z]))"
    r"|(?<![大一多])(?P<zn>半)(?:个)?(?:货柜|集装箱|柜(?![子台门体机]))"  # 拼半柜, 半个货柜
    rf"|(?<![a-z])(?:order|buy|ship|take|need|want|import|purchase|book)(?:s|ed|ing)?"  # "we'll order a container"
    rf"(?:{_SP}{{1,2}}(?:about|around|approx\.?|at least))?{_SP}{{1,2}}(?P<an>an?)(?:{_SP}{{1,2}}full)?"
    rf"{_SP}{{1,2}}containers?(?![a-z])")
_A_DOZEN = re.compile(r"(?<![a-z])a[ \t]dozen(?![a-z])")
_A_CONTAINER_HINT = re.compile(rf"(?=[24h半c])(?:(?:20|40|45){_SP}{{0,2}}(?:{_CMARK}|{_CTYPE})|half|半|container)")  # what it needs
# Tables: cells split by |, tabs or aligned spaces; a Qty column, maybe a unit column.
_TABLE_SPLIT = re.compile(r"[ \t]*\|[ \t]*|\t+[ \t]*|[ \u3000]{2,}")
_TABLE_QTY = re.compile(r"(?:qty|q'ty|quantity|数量|數量|数目|订量|需求量)[ \t]*"
                        r"(?:\((?P<u>[^()]{1,8})\)|/[ \t]*(?P<u2>[a-z]{2,5}))?|(?P<u3>pcs|sets)")
_TABLE_UNIT = re.compile(r"单位|unit|uom")
# The words a Qty header cell starts with: only lines holding one are split to look for the header.
_TABLE_WORD = re.compile(r"qty|q'ty|quantity|数量|數量|数目|订量|需求量|pcs|sets")

# A list item's count: after " - ", " x ", "... ", aligned spaces, ", " or a size ("M size 300",
# "(M 80 / L 70)"), and at the end of the item.
_ITEM_BEFORE = re.compile(
    r"(?:[ \t][-–x×][ \t]{1,2}|\.\.\.[ \t]{0,2}|…[ \t]{0,2}|[^ \t\d][ \t]{2,}|\t|[a-z][,，][ \t]{0,2}"
    r"|(?<![a-z0-9])(?P<size>[smlx]|xs|xl|xxl|xxxl|[2-6]xl)(?:[ \t]{0,2}(?:号|size))?[ \t]{1,2})\Z")
_LIST_MULTS = frozenset(("lakh", "lakhs", "lac", "lacs", "crore", "crores", "万", "萬"))
_ITEM_END = re.compile(r"[ \t]{0,2}(?:[.;,，；。/()（）](?![\d/])|\n|\Z)")

# --- English goods after a number ------------------------------------------------------------
_EN_WORD = re.compile(r"[ \t]{1,2}([a-z][a-z0-9'’-]{0,24})(?![a-z0-9'’-])")
_WITH_EN_BEFORE = re.compile(r"(?<![a-z])with[ \t]{1,2}\Z")
_EN_STOP = frozenset(
    "of for per to and or in on at with from by the a an each every x is are was were we i you it this that more "
    "than will can would should pls please plus only as if so but not no our your their my his her its be been have "
    "has had do does did also too then after before about around approx total including incl which who what both all "
    "other another same new old different less ss stainless steel grade class type size model series mesh gauge gsm "
    "micron denier ply inch inches mm cm kva kw kwh hp w v a hz ah mah kv mw mwp wp lm nm psi bar mpa db rpm ml g oz "
    "lb lbs l ft pantone ral pms deg degree".split())


def extract_quantities(ctx: Context) -> list[Found]:
    """Quantities the customer writes in this message, in order of appearance."""
    low = _lowered(ctx)
    table = _table()
    toks = _tokens(low)
    if _A_CONTAINER_HINT.search(low):
        toks += [_a_container(m) for m in _A_CONTAINER.finditer(low)]
    if "dozen" in low:
        toks += [_Tok(m.start(), m.start() + 1, [1], "en", "", "dozen", None, "dozen", m.end(), "en")
                 for m in _A_DOZEN.finditer(low)]  # "a dozen sample tubes", "a dozen of each colour"
    toks.sort(key=lambda t: t.start)
    cells: dict[int, str] = {}
    if toks and "\n" in low:  # tables, read up to the line of the last number read
        stop = low.find("\n", toks[-1].end)
        cells = _table_cells(low if stop < 0 else low[:stop], table)
    for t in toks:
        if not t.has_unit:
            _assign_unit(low, t, table, ctx.text)
    _chain(low, toks)
    labels = _LABEL_HINT.search(low) is not None
    plus = "+" in low  # "(table + 2 chairs)" lists what one set holds
    out: list[Found] = []
    bare: list[_Tok] = []  # numbers left without a unit: maybe the parts of a total
    listed: _Tok | None = None  # the last count read without a unit (a list may go on)
    taken_until = -1
    for t in toks:
        if t.start < taken_until:
            continue
        if not t.has_unit:
            asked = _ASKED_HINT.match(low, t.end) is not None  # what follows may ask about a count
            found = (cells.get(t.start) or _bare_unit(low, t, table, labels, asked) or _list_unit(low, t, out)
                     or _listed_after(low, t, listed) or (asked and _item_line_count(low, t)) or None)
            if found is None or 0 in t.values:
                if t.kind == "ar" and not t.mult:
                    bare.append(t)
                continue
            t.how, t.unit = found.split(":", 1)
            if t.how == "more" and out:
                t.unit = out[-1].value["unit"]  # "2 sets first, then maybe 10 more"
            t.uend = t.end
            listed = t
        if 0 in t.values or not _is_quantity(low, t, table, plus):
            continue
        taken_until = t.end if t.chained else t.uend
        unit = t.unit
        if t.keep is not None:
            word = ctx.original(*t.keep)
            unit = " ".join(word.lower().replace(".", "").split()) if word.isascii() else word  # "sq. ft" → "sq ft"
        text = ctx.original(t.start, t.uend)
        for v in t.values:
            out.append(Found({"value": v + 0.5 if t.half else v, "unit": unit}, text, t.start, t.uend))
    if bare and out:
        out = sorted(out + _parts_of_totals(ctx, low, out, bare, table), key=lambda f: f.start)
    return out


def _parts_of_totals(ctx: Context, low: str, out: list[Found], bare: list[_Tok], table: _Table) -> list[Found]:
    """Numbers written without a unit that split a count written before them, adding up to it:
    "2,400 pcs … Colour split: Black 1,200 / White 800 / Red 400", "3,600 polos (2,000 male /
    1,600 female)", "先拿300包 原味200绿茶100". They take its unit. Values are read from the digits
    here (most of these numbers are never read otherwise)."""
    parts: list[Found] = []
    starts = [t.start for t in bare]
    taken = -1
    for i, q in enumerate(out):
        total = q.value["value"]
        if total < 100 or total != int(total) or q.value["unit"] in _MEASURES or q.end < taken:
            continue
        first = bisect_left(starts, q.end)
        until = min(q.end + 400, out[i + 1].start if i + 1 < len(out) else len(low))  # before the next count
        longest = len(f"{int(total):,}")  # a part is written no longer than the total
        after = [t for t in bare[first:first + 12] if t.start < until and 2 <= t.end - t.start <= longest]
        if len(after) < 2:
            continue
        run = _run_adding_up([_plain_int(low[t.start:t.end]) for t in after], total)
        if run is None:
            continue
        members = after[run[0]:run[1]]
        if any(_NOT_PART_AFTER.match(low, t.end) or _DATE_BEFORE.search(low, max(0, t.start - 4), t.start)
               for t in members):
            continue
        for t in members:
            t.unit, t.keep, t.how, t.uend = q.value["unit"], None, "part", t.end
            if not _is_quantity(low, t, table):
                break
        else:
            taken = members[-1].end
            parts += [Found({"value": t.values[0], "unit": q.value["unit"]}, ctx.original(t.start, t.end), t.start, t.end)
                      for t in members]
    return parts


def _plain_int(digits: str) -> int | None:
    """The value of a whole number written with digits and thousands commas ("1,200"), else None."""
    if digits.isdigit():
        return int(digits)
    plain = digits.replace(",", "")
    return int(plain) if plain.isdigit() and digits.count(",") * 4 == len(digits) - len(digits.split(",")[0]) else None


def _run_adding_up(values: list[int | None], total: float) -> tuple[int, int] | None:
    """Where the first run of two to eight consecutive values, each at least 10 and smaller than
    ``total``, adds up to it exactly: (start, end) indexes (a sliding window: the values are
    positive; None stops a run)."""
    lo, acc = 0, 0
    for hi, v in enumerate(values):
        if v is None or v >= total or v < 10:
            lo, acc = hi + 1, 0  # no run goes through it
            continue
        acc += v
        while acc > total or hi - lo >= 8:
            acc -= values[lo]  # type: ignore[operator]
            lo += 1
        if acc == total and hi > lo:
            return lo, hi + 1
    return None


# A number that measures (500 mL, 16oz, 40W) or is part of a date (6/30, 05/12) splits no total.
_NOT_PART_AFTER = re.compile(r"[ \t]{0,2}(?:ml|mm|cm|m|g|mg|kg|w|v|kv|kw|hz|ah|mah|oz|gsm|in|inch|ft|l|°|\"|%)(?![a-z])"
                             r"|[ \t]{0,2}[/.\-:]\d|[ \t]{0,2}[号號日月年点點时時]")
_DATE_BEFORE = re.compile(r"\d[ \t]{0,2}[/.\-:][ \t]{0,2}\Z")


def _a_container(m: re.Match[str]) -> _Tok:
    """A container count written without a digit: "a 40HQ", "order a container" → 1; "half a
    container", "半柜" → 0.5."""
    group = next(g for g in ("n", "zn", "an") if m.group(g))
    value = 0.5 if m.group(group).startswith(("half", "半")) else 1
    return _Tok(m.start(group), m.end(group), [value], "en", "", "containers", None, m.group(0), m.end(), "c")


def _lowered(ctx: Context) -> str:
    """``ctx.norm`` lower-cased, keeping the full-width comma: "PN16，20个" is a list,
    not the number 16,20 (but "１，２００" is 1,200)."""
    low = _lower_in_place(ctx.norm)
    text = ctx.text
    pieces: list[str] = []
    done = 0
    i = text.find("，")
    while i >= 0:
        if not ("０" <= text[i - 1:i] <= "９" and "０" <= text[i + 1:i + 2] <= "９"):
            pieces += (low[done:i], "，")
            done = i + 1
        i = text.find("，", i + 1)
    if not pieces:
        return low
    pieces.append(low[done:])
    return "".join(pieces)


def _lower_in_place(text: str) -> str:
    """``text`` lower-cased character by character, keeping its length (offsets stay valid):
    ``str.lower`` unless a character lower-cases to two (İ), which then stays as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _tokens(low: str) -> list[_Tok]:
    """The numbers of the text, without those inside model numbers and longer numbers."""
    toks: list[_Tok] = []
    grades = {g.start() for g in _STEEL_GRADE.finditer(low)} if "18/" in low else set()
    grades |= {s + 3 for s in grades}
    for m in NUMBER_LOWER.finditer(low):
        if m.lastgroup == "long":
            continue
        s, e = m.span()
        if s in grades:
            continue  # 18/10 stainless: a grade, not 18 and 10 of something
        before = low[s - 1] if s else ""
        if m.group("ar") is not None:
            if before and before.isascii() and (before.isalnum() or before in "_#"):
                continue  # A325, M10, SUS304, #12
            if before and before in ".,-" and s >= 2 and low[s - 2].isascii() and low[s - 2].isalnum():
                if not (before == "-" and _RANGE_LEFT.search(low, max(0, s - 4), s)):
                    continue  # 6205-2RS, LM-450M, 1,5 (but 500-800 is a range)
            if low[e:e + 1] in (".", ",") and _DECIMAL_ON.match(low, e):
                continue
            if low[s] == "0" and e - s > 1 and low[s + 1].isdigit():
                continue  # a leading zero: a code or a line number ("PO 2025-061", "007")
            toks.append(_Tok(s, e, None, "ar", (m.group("mult") or "").strip(), match=m))
        else:
            if m.group("cn") is not None:
                if before and before in _CN_BAD_BEFORE and not (before in _CN_ONE_ONLY and m.group("cn") != "一"):
                    continue  # 第一, 每一, 统一, 万一, 单一 (but 首单两万个, 返单一万个, 同三十斤)
                kind = "cn"
            else:
                kind = "en"
            values = read(m)  # may be empty: a run of numerals that is no number (十百千)
            if not values and before in _ROUND_BEFORE:
                values = [_ROUND[m.group("cn")]] if m.group("cn") in _ROUND else []  # 上千把, 上万个
            if not values:
                continue
            toks.append(_Tok(s, e, values, kind, ""))
        if len(toks) >= _MAX_NUMBERS:
            break
    return toks


def _assign_unit(low: str, t: _Tok, table: _Table, text: str) -> None:
    """The unit written right after a number, or the goods counted ("240 chairs")."""
    if t.kind == "ar" and not t.mult and _DIM_AFTER.match(low, t.end) and not _XCONTAINER.match(low, t.end):
        return  # 600x600: a size (but 2x40HQ are containers)
    m = table.unit_rx.match(low, t.end)
    if m is None:
        _noun_unit(low, t, table, text)
        return
    t.uend = m.end()
    if m.group("xc") or m.group("sc") or m.group("c"):
        t.unit, t.how, t.uword = "containers", "c", m.group(0).strip()
    elif m.group("m2"):
        t.unit, t.how, t.uword = "m2", "zh", m.group("m2")
    elif m.group("zh"):
        w = m.group("zh")
        t.how, t.uword, t.unit = "zh", w, table.canonical.get(w)
        if t.unit is None:
            t.keep = m.span("zh")
    else:
        w = m.group("en")
        if m.group("dot"):
            if w + "." in table.canonical:
                w += "."  # "40 nos."
            else:
                t.uend -= 1
        if w == "no." and _DIGIT_NEXT.match(low, t.uend):
            t.uend = 0
            return  # "Km 12 No. 8": an address
        if w == "t" and (m.start("en") == t.end or text[m.start("en")] != "t"):
            t.uend = 0
            return  # "36T" teeth, "190T" taffeta, "20T" jack: a spec; "1.5 t" is tonnes
        t.how, t.uword, t.unit = "en", w, table.canonical.get(w)
        if t.unit is None and low[t.end:m.start("en")].strip():
            t.unit = "pcs"  # "20万个 bottles": 个 counts the goods the word names
        elif t.unit is None:
            t.keep = (m.start("en"), m.start("en") + len(w))
    if low[t.uend:t.uend + 1] == "半" and t.how in ("zh", "c") and all(v == int(v) for v in t.values):
        t.half = True  # 一吨半
        t.uend += 1


def _noun_unit(low: str, t: _Tok, table: _Table, text: str) -> None:
    """English goods after a number: "240 chairs", "400 foldable pop-up goals" (pcs), "2 machines",
    "one injection moulding machine" (sets). Not "27 Stokes Croft" (an address: capitalised)."""
    if t.kind == "cn" or _EN_WORD.match(low, t.end) is None:
        return
    if _WITH_EN_BEFORE.search(low[max(0, t.start - 6):t.start]):
        return  # "with 2 nuts": what comes with it
    found = _goods_noun(low, t.end, table)
    if found is None:
        return
    unit, end = found
    nxt = _EN_WORD.match(low, end)
    if nxt and nxt.group(1) in table.not_goods:
        return  # "3 auto parts stores", "3.1 mill certificates"
    word = text[low.rfind(" ", t.end, end) + 1:end]
    if word[:1].isupper() and word[1:].islower():
        return
    if unit in ("bags", "boxes") and low.count(" ", t.end, end) > 1:
        unit = "pcs"  # "300 mummy sleeping bags" are the goods, not their packing
    whole = t.kind == "ar" and all(v == int(v) and v >= 2 for v in t.values)
    if whole or (unit == "sets" and all(v == int(v) for v in t.values)):
        t.unit, t.uend, t.how = unit, end, "noun"


def _goods_noun(low: str, pos: int, table: _Table, unit_first: bool = False) -> tuple[str, int] | None:
    """The unit of the first noun in the (at most four) words after ``pos``: the canonical unit
    of a unit word, sets for machines, pcs for any other plural noun; None when the words name
    no goods (a stop word, a noun of ``not_goods``, or no noun)."""
    for i in range(4):
        m = _EN_WORD.match(low, pos)
        if m is None:
            return None
        w = m.group(1)
        pos = m.end()
        if w in _EN_STOP or w in table.not_goods:
            return None
        if w in table.sets_nouns:
            return "sets", pos
        unit = table.canonical.get(w)
        if unit is not None:
            if (i == 0 and not unit_first) or low[pos:pos + 1] == ".":
                return None  # a unit word that did not match as a unit: "88 M.C. Briones St."
            return unit, pos
        if w in table.modifiers or w.isdigit():
            continue
        if len(w) >= 4 and w.endswith("s") and not w.endswith(("ss", "us", "is", "as", "'s", "’s")):
            return "pcs", pos
    return None


def _chain(low: str, toks: list[_Tok]) -> None:
    """Give the unit of the last number of a range or list to the numbers before it, and its
    multiplier: "3-5万个" is 30,000 to 50,000; and the unit of a breakdown's item to the item
    before it ("white 3,000 / ivory 2,000 panels")."""
    for i in range(len(toks) - 2, -1, -1):
        a, b = toks[i], toks[i + 1]
        if a.has_unit or not b.has_unit or b.start - a.end > 30 or a.kind != b.kind:
            continue
        sep = _SEP.fullmatch(low, a.end, b.start) if b.start - a.end <= 8 else None
        if not sep:
            if _ITEM_SEP_CHARS.intersection(low[a.end:a.end + 3]) and _is_labelled_item(low, a, b):
                a.unit, a.keep, a.uword, a.how, a.half = b.unit, b.keep, b.uword, b.how, b.half
                a.uend = a.end
            continue
        values = a.values
        if not a.mult and b.mult and a.kind == "ar":
            factor = _FACTOR.get(b.mult.lower(), 1)
            if b.mult.lower() != "k" or all(v < 1000 for v in a.values):
                values = [v * factor for v in a.values]
        if sep.group(0).strip() not in ("/", "、", "or", "或") and not (
                0 < max(values) < min(b.values) <= 20 * min(values)):
            continue  # a range, or "200 and 500 pcs", goes up and not by much: "AQ-ES 100-250 - 24 SET" is none
        a.values = values
        a.unit, a.keep, a.uword, a.uend, a.how, a.half = b.unit, b.keep, b.uword, b.uend, b.how, b.half
        a.chained = True


def _is_labelled_item(low: str, a: _Tok, b: _Tok) -> bool:
    """Whether ``a`` (no unit) and ``b`` (a count with its unit) are items of one breakdown, ``b``
    named by a variant: "white 3,000 / ivory 2,000 panels" (not "500, total 1,000 pcs")."""
    if a.kind != "ar" or a.mult or b.how not in ("zh", "en", "noun") or b.unit in _MEASURES:
        return False
    m = _SEP_LABEL.fullmatch(low, a.end, b.start)
    if m is None or not all(v == int(v) and v >= 2 for v in a.values + b.values):
        return False
    table = _table()
    words = m.group("label").split()
    if any(w in _EN_STOP or w in table.not_goods or w in _NOT_LABELS for w in words) or "数量" in words[0]:
        return False  # "UGR<19, quantity 2500 pieces", "500, total 1,000 pcs"
    return _is_quantity(low, b, table)  # not "至 6/30，美元定存 3 個月"


def _bare_unit(low: str, t: _Tok, table: _Table, labels: bool = True, asked: bool = True) -> str | None:
    """``how:unit`` of a number written without a unit: after a quantity label ("数量：200"),
    "10K", "5000 each", "dinner plate x 200", "40HQ x 2", "we'd order 300.". ``labels``: whether
    the text has a quantity label at all; ``asked``: whether ``_ASKED_HINT`` matches after it."""
    of = _OF_GOODS_AFTER.match(low, t.end) if asked else None
    if of and _whole_from(t.values, 2) and (of.group(1) != "your" or _goods_noun(low, of.end(), table) is not None):
        return "label:pcs"  # "I'll take 6 of them", "I bought two of your space heaters"
    if t.kind == "en":
        return None
    lm = _LABEL_BEFORE.search(low, max(0, t.start - 40), t.start) if labels else None
    if lm:
        word = (lm.group("lu") or lm.group("lw") or "").strip()
        unit = table.canonical.get(word, None if word else "pcs") or (word if word in table.canonical else None)
        return f"label:{unit}" if unit else None
    counted = _asked_count(low, t) if asked else None
    if counted:
        return counted
    if t.kind != "ar":
        return None
    if t.mult.lower() == "k" and all(v < 1_000_000 for v in t.values) and (
            not _LETTER_NEXT.match(low[t.end:t.end + 3]) or _OF_NEXT.match(low, t.end) or _K_WORD_NEXT.match(low, t.end)):
        return "label:pcs"  # "10K 報價", "600k of the 650ml"; not "2K PU"
    if _EACH_AFTER.match(low, t.end) and all(v == int(v) and v >= 1 for v in t.values):
        return "label:pcs"  # "5000 each" (not "at 0.85 each")
    if IF_THEN_PRICE.match(low, t.end) and all(v == int(v) and v >= 2 for v in t.values):
        return "label:pcs"  # "如果 800 的话 可以 6.5 吗": the count a price is asked for
    if _TIMES_NEAR.search(low, max(0, t.start - 3), t.start):
        if _CONTAINER_TIMES_BEFORE.search(low, max(0, t.start - 16), t.start):
            return "times:containers"
        if _TIMES_BEFORE.search(low, max(0, t.start - 8), t.start) and _LINE_END.match(low, t.end):
            return "times:pcs"  # "wall shelf 1200mm x 8"
    if (_TIMES_AFTER.match(low, t.end) and all(v >= 2 for v in t.values)
            and not low[max(0, t.start - 4):t.start].rstrip(" \t").endswith("(")):
        return "times:pcs"  # "500 x oil filters", "10,000 x M12 x 60 bolts"; not "(2 x MOPP)"
    if (_BARE_END.match(low, t.end) and _ORDER_BARE.search(low, max(0, t.start - 16), t.start)
            and not (t.end - t.start >= 7 and low[t.start:t.end].isdigit())):
        return "label:pcs"  # not "Purchase Order 4500218831 for your review": an order number
    return None


def _item_line_count(low: str, t: _Tok) -> str | None:
    """``list:pcs`` of a number ending a line of a list of goods, each line ending so: "- 8oz
    double wall cups, artwork v3 - 50,000", "22212 E C3 spherical roller bearing ... 200"."""
    if t.kind != "ar" or t.mult:
        return None
    end = low.find("\n", t.end, t.end + 16)
    if end < 0:
        if len(low) - t.end > 16:
            return None
        end = len(low)
    if low[t.end:end].strip(" \t") not in ("", "total", "in total", "pcs"):
        return None  # the count ends its line
    start = low.rfind("\n", 0, t.start) + 1
    if end - start > 200 or not _is_item_line(low, start, end, t.end):
        return None
    prev_end = start - 1
    prev_start = low.rfind("\n", 0, max(0, prev_end)) + 1
    next_start = end + 1
    next_end = low.find("\n", next_start)
    next_end = len(low) if next_end < 0 else next_end
    if not (prev_end > 0 and _is_item_line(low, prev_start, prev_end)
            or next_start < len(low) and _is_item_line(low, next_start, next_end)):
        return None  # a list has more than one line
    return "list:pcs" if _whole_from(t.values, 2) else None


def _is_item_line(low: str, start: int, end: int, number_end: int | None = None) -> bool:
    """Whether the line names goods and ends with a count after " - " (in a list marked with
    "-", "*" or "•") or after leader dots; ``number_end``: where that count must end."""
    if end - start > 200:
        return False
    m = _ITEM_TAIL.search(low, max(start, end - 40), end)
    if m is None or (number_end is not None and m.end("n") != number_end):
        return False
    if not _LETTER_IN.search(low, start, m.start()):
        return False
    return m.group("sep").strip() != "-" or low[start:m.start()].lstrip(" \t")[:1] in ("-", "*", "•", "·")


def _listed_after(low: str, t: _Tok, prev: _Tok | None) -> str | None:
    """``label:unit`` of a count written without a unit right after another in a list:
    "Qty: 500, 1000, 2000", "quote 1,000 / 3,000 / 5,000"."""
    if (prev is None or t.kind != "ar" or not all(v == int(v) and v >= 10 for v in t.values)
            or t.start - prev.end > 12 or not _LIST_SEP.fullmatch(low, prev.end, t.start)):
        return None
    if "/" in low[prev.end:t.start] and min(t.values + prev.values) < 100:
        return None  # a date ("25/10") or a ratio
    return f"label:{prev.unit}"


def _asked_count(low: str, t: _Tok) -> str | None:
    """``how:unit`` of a number written without a unit that is a count the customer asks a
    price for or changes: "2万 可以 0.055 吗?", "那 兩萬 會便宜多少？", "如果 300 呢?", "Make it 7.80
    for 50", "Can you do 150 instead of 120?", "then maybe 6 more." (``more``: the unit of the
    count before it). A price itself has a decimal or a currency; a count asked about is not a
    handful. What follows is tried before the number is read: most numbers are asked nothing."""
    m = _ASKED_AFTER.match(low, t.end)
    if m is not None and m.lastgroup == "price":
        least = 50
    elif m is not None and m.lastgroup == "more":
        return "more:pcs" if t.kind == "ar" and not t.mult and _whole_from(t.values, 2) else None
    elif m is not None and _IF_COUNT_BEFORE.search(low, max(0, t.start - 12), t.start):
        least = 10
    elif (t.kind == "ar" and not t.mult and "for" in low[max(0, t.start - 6):t.start]
          and _COUNT_END.match(low, t.end) and _PRICE_FOR_BEFORE_COUNT.search(low, max(0, t.start - 24), t.start)):
        least = 2
    else:
        return None
    return "label:pcs" if _whole_from(t.values, least) else None


def _whole_from(values: list[int | float], least: int) -> bool:
    """Whether every value is a whole number of at least ``least``."""
    return bool(values) and all(v == int(v) and v >= least for v in values)


def _list_unit(low: str, t: _Tok, out: list[Found]) -> str | None:
    """``list:unit`` of a number ending an item of a list whose previous item ended with a count
    and its unit, within the last few lines: "manifold block - 250 pcs / end cap - 250",
    "5000L - 120 tanks / 9000L - 60", "DN100 x 64 pcs, DN150 x 24", "L size 500 pcs，M size 300"."""
    if not out or t.kind != "ar" or t.mult and t.mult.lower() not in _LIST_MULTS:
        return None
    # the nearest count before it (a weight there may be the item's size: "Type 2 : 25 kg … - 1.5 lakh")
    last = next((f for f in reversed(out[-3:]) if f.value["unit"] not in _MEASURES), None)
    if (last is None or last.end > t.start or t.start - last.end > 300 or not _ITEM_END.match(low, t.end)
            or low.count("\n", last.end, t.start) > 3 or not _ITEM_END.match(low, last.end)
            or not (before := _ITEM_BEFORE.search(low, max(0, t.start - 12), t.start))
            or not all(v == int(v) and v >= 2 for v in t.values)):  # read last: most numbers fail before
        return None
    if not before.group("size") and not _ITEM_BEFORE.search(low, max(0, last.start - 12), last.start):
        return None  # the count before it must end an item written the same way ("Qty: 500 pcs" does not)
    line_start = low.rfind("\n", max(0, t.start - 300), t.start) + 1
    if not low[line_start:t.start].strip():
        return None  # a number opening its line numbers the item
    return f"list:{last.value['unit']}"


def _table_cells(low: str, table: _Table) -> dict[int, str]:
    """Numbers in the quantity column of a table, with the unit of the header ("数量(套)",
    "Qty/pcs") or of a unit column ("单位: 台"): start -> ``table:unit``."""
    out: dict[int, str] = {}
    pos = _first_header_line(low)
    if pos < 0:
        return out
    qty_col = unit_col = -1
    head_unit = "pcs"
    for line in low[pos:].split("\n"):
        start, pos = pos, pos + len(line) + 1
        cells = _cells(line, start) if len(line) <= 1000 else []
        if len(cells) < 3:
            qty_col = -1
            continue
        header = [i for i, (text, _) in enumerate(cells) if _TABLE_QTY.fullmatch(text)]
        if header:
            qty_col = header[0]
            m = _TABLE_QTY.fullmatch(cells[qty_col][0])
            word = ((m.group("u") or m.group("u2") or m.group("u3") or "") if m else "").strip()
            head_unit = _unit_of(word, table) or "pcs"
            unit_col = next((i for i, (text, _) in enumerate(cells) if _TABLE_UNIT.fullmatch(text)), -1)
            continue
        if not 0 <= qty_col < len(cells) or not NUMBER.fullmatch(cells[qty_col][0]):
            continue
        unit = head_unit
        if 0 <= unit_col < len(cells):
            unit = _unit_of(cells[unit_col][0], table) or unit
        out[cells[qty_col][1]] = f"table:{unit}"
    return out


def _first_header_line(low: str) -> int:
    """Where the first line with a Qty header cell among three or more cells starts (lines
    before it hold no table cells to read), or -1. A line without a cell separator is no header."""
    checked = -1
    for m in _TABLE_WORD.finditer(low):
        start = low.rfind("\n", 0, m.start()) + 1
        if start == checked:
            continue
        checked = start
        end = low.find("\n", m.end())
        line = low[start:] if end < 0 else low[start:end]
        if len(line) > 1000 or not ("|" in line or "\t" in line or "  " in line or "\u3000" in line):
            continue
        cells = _cells(line, start)
        if len(cells) >= 3 and any(_TABLE_QTY.fullmatch(text) for text, _ in cells):
            return start
    return -1


def _unit_of(word: str, table: _Table) -> str | None:
    """The unit a word names: canonical, the word itself when kept as written, else None."""
    if word not in table.canonical:
        return None
    return table.canonical[word] or word


def _cells(line: str, offset: int) -> list[tuple[str, int]]:
    """The non-empty cells of a table line, each with where it starts in the text."""
    cells, last = [], 0
    for m in _TABLE_SPLIT.finditer(line):
        cells.append((line[last:m.start()], offset + last))
        last = m.end()
    cells.append((line[last:], offset + last))
    return [(c.strip(), at + (len(c) - len(c.lstrip()))) for c, at in cells if c.strip()]


def _is_quantity(low: str, t: _Tok, table: _Table, plus: bool = True) -> bool:
    """Whether a number with its unit is a quantity the customer wants (not money, a size, a
    packing spec, a rate, a count of something else…). Each pattern reads only as much of the
    text before the number as it needs. ``plus``: whether the text holds a "+" at all."""
    head = low[max(0, t.start - 40):t.start]
    tail = low[t.uend:t.uend + 30]
    unit = t.unit
    if t.values == [1] and t.kind in ("cn", "en") and not t.half:
        if unit != "containers" and (_PRICE_ONE_BEFORE.search(head[-12:]) or _PRICE_ONE_AFTER.match(tail)):
            return False  # "三千多一套", "HK$520 一個", "一斤多少钱": a price per one
        if unit in ("pcs", "boxes", "bags", "rolls", None) and t.uword not in ("unit", "units") and not (
                _SAMPLE_NEAR.search(low, max(0, t.start - 8), t.uend + 8)):
            return False  # 一个 is mostly an article: 一个问题, 一个客户 (but 各寄一个样灯, "one unit of")
    if t.values == [1] and not t.half and (
            _PER_ONE_BEFORE.search(head[-24:]) if t.kind != "ar"
            else unit != "containers" and _PRICE_FOR_BEFORE.search(head[-24:])):
        return False  # "USD 3000 for a 20GP", "how much for one set", "the price for 1 pc" (not "price for 1x40HQ")
    if t.values == [1] and (_DEFINITION_AFTER.match(tail) or _COUNTED_AS_BEFORE.search(head[-12:])):
        return False  # "1 set = 1 panel", "pairs as 1 pcs"
    if "=" in head or "includ" in head or "consist" in head or "compris" in head:
        if _DEFINITION_BEFORE.search(head):
            return False  # "one set = 2 wheels + 4 rollers"
    if _is_section_number(low, t):
        return False  # "1.1 Pallet truck wheels" under "1. Subject", "2.1 …"
    if plus and t.unit != "containers" and _in_set_contents(low, t):
        return False  # "dining set (table + 2 chairs)": what one set holds
    if "%" in low[t.end:t.end + 2] or _NOT_AFTER.match(tail):
        return False  # money, an MOQ, a packing spec, a rate, a capacity
    if t.how not in ("c", "times") and (_DIM_AFTER.match(tail) or _DIM_BEFORE.search(head[-12:])) and not (
            unit not in _MEASURES and not _DIM_AFTER.match(tail) and _SIZE_TIMES_BEFORE.search(head[-12:])):
        return False
    if tail.lstrip(" \t").startswith("/") and not _PERIOD_AFTER_SLASH.match(tail):
        after = _SLASH_WORD.match(tail)
        word = after.group(1) if after else None
        if not (word and table.canonical.get(word) == unit):  # "2000 Piece/Pieces" is one quantity
            if ((tail.startswith("/") and word) or _SLASH_AFTER_BAD.match(tail)) and not _SLASH_LIST.match(tail):
                return False  # "25kg/ctn", "40 m/s", "20 drops/ml"; not "1,800 pcs / White 1,200 pcs"
    if unit in _MEASURES and (_COUNT_AFTER.match(tail) or _TIMES_COUNT_AFTER.match(tail)):
        return False  # "PE line 1.0 150m 200 pcs", "每卷50米 20卷": the size of each piece counted next
    if _CAPACITY_BEFORE.search(head[-28:]):
        return False
    if _CURRENCY_BEFORE.search(head[-16:]) or _MOQ_BEFORE.search(head) or _PACK_BEFORE.search(head[-24:]):
        return False
    if (_ORDINAL_BEFORE.search(head[-16:]) and not _SIZE_LABEL_BEFORE.search(head[-14:])
            and not (t.how == "c" and t.uword[:1] in "x×*")):
        return False  # "type 2", "No. 5" (but "S號 2,400 pcs", "grade 1x40HQ")
    if _RATE_BEFORE.search(head[-28:]):
        return False
    if _HAVE_BEFORE.search(head[-28:]) or _WITH_BEFORE.search(head[-8:]) and not _SAMPLE_NEAR.match(tail[:3]):
        return False  # (but "带20台样品": samples brought)
    if t.how == "zh" and t.uword:
        if table.gift_rx.match(tail):
            return False  # 两瓶茅台: a gift asked for
        if t.uword[-1] in _COUNTING and tail.startswith(table.follow_stop) and not (
                tail.startswith("价") and max(t.values) >= 20):
            return False  # (but "加到2000件价格怎么算" asks the price of 2000 pieces)  # 3个月, 两个问题
        if t.uword == "块" and (_KUAI_MONEY_BEFORE.search(head[-10:]) or _KUAI_MONEY_AFTER.match(tail)):
            return False  # 15块 (yuan)
        if t.uword == "款" and not _is_style_count(low, t):
            return False  # "两款" alone names the styles talked about, not an amount of goods
        if t.uword == "节" and "链" in head[-10:]:
            return False  # 链条 116节: a chain's length in links
        if t.uword == "部" and _DEPT_BEFORE.search(head[-4:]):
            return False
        if t.uword in ("码", "位") and _DIGITS_OF_BEFORE.search(head[-4:]):
            return False
        if t.uword == "码" and _COUNT_AFTER.match(tail):
            return False  # 39码 20双: a size
        if t.uword in ("个", "只", "支", "瓶", "片", "包", "件") and max(t.values) <= 24 and tail.startswith("装"):
            return False  # 四个装月饼盒, 6支装: what one pack holds
        if _ATTR_BEFORE.search(head[-12:]):
            return False
        if t.uword == "个" and (tail.startswith("厚") or head.endswith("厚")):
            return False  # 4个厚花纹板, 壁厚2个: millimetres
        if t.uword == "支" and (_YARN_BEFORE.search(head[-8:]) or (
                set(t.values) <= _YARN_COUNTS and _YARN_AFTER.match(tail))):
            return False
        if t.uword in ("个", "只", "件") and _EN_WORD_NEXT.match(tail):
            code = _CODE_NEXT.match(tail)
            if code:  # a size or a thread names the goods, or what is counted is no goods (4个M5螺纹孔)
                if tail[code.end():].startswith(table.follow_stop):
                    return False
            else:
                found = _goods_noun(low, t.uend, table, True)  # "2 个 condo projects", "10 个 keywords"
                if found is None or found[0] != "pcs":
                    return False
    if t.uword in ("km", "kms", "公里") and (
            _DISTANCE_BEFORE.search(head[-20:]) or _DISTANCE_AFTER.match(tail)
            or not (_LINEAR_GOODS.search(low, max(0, t.start - 160), t.start)
                    or _LINEAR_GOODS.search(low, t.uend, t.uend + 40))):
        return False  # "离济南40公里", "a 6.4 km road", "85 km ride": not cable by the kilometre
    if unit == "pcs" and t.how in ("en", "zh") and (
            max(t.values) <= 1000 and _SET_AFTER.match(tail) or max(t.values) <= 30 and _SET_BEFORE.search(head[-6:])):
        return False  # "15 pcs set", "building blocks 500pcs set", "cookware set 10 pcs": what a set holds
    if (t.how == "en" and (w := _NEXT_WORD.match(tail)) and w.group(1) in table.not_goods
            and w.group(1) not in _EN_STOP):
        return False  # "3 unit types" (but "500pcs this model" counts pieces)
    if unit in ("m", "m2", "m3", "kg", "l", "t", "jin"):
        return _measure_is_quantity(head, tail, t, unit)
    return True


def _is_style_count(low: str, t: _Tok) -> bool:
    """Whether a count of styles (款) goes with a count for each style, on its line: "12款，每款50个",
    "3 款各 6 pcs", "各 20 款樣品", "每款一万个，共6款" (not "这三款", "三款都要", "一款")."""
    if (not _whole_from(t.values, 2) or _THIS_BEFORE.search(low, max(0, t.start - 3), t.start)
            or _STYLES_TOTAL_AFTER.match(low, t.uend)):
        return False  # "三款加埋 3,600 個": the styles add up to a total
    start = max(low.rfind("\n", 0, t.start) + 1, t.start - 20)
    end = low.find("\n", t.uend, t.uend + 24)
    return _EACH_STYLE_NEAR.search(low, start, t.uend + 24 if end < 0 else end) is not None


def _in_set_contents(low: str, t: _Tok) -> bool:
    """Whether the count lists, in brackets, the parts of one unit of the goods, joined by "+"
    with a part not counted: "(table + 2 chairs)", "(pitcher + 6 cups)", "（面板+底座两件）" (but
    not "(1x40HQ + 1x20GP)", where every part is counted)."""
    window = max(0, t.start - 80)
    if low.find("+", window, t.uend + 80) < 0:
        return False
    open_at = low.rfind("(", window, t.start)
    if open_at < 0 or ")" in low[open_at:t.start] or "\n" in low[open_at:t.start]:
        return False
    close = low.find(")", t.uend, t.uend + 80)
    if close < 0 or "\n" in low[t.uend:close]:
        return False
    inside = low[open_at + 1:close]
    if "+" not in inside:
        return False
    return any(not _NUMERAL_IN.search(part) for part in inside.split("+"))


def _is_section_number(low: str, t: _Tok) -> bool:
    """Whether the number opens a line as "1.1 " does in a numbered document (another line
    opens with such a number too)."""
    if t.kind != "ar" or not _SECTION_NUMBER.fullmatch(low, t.start, t.end):
        return False
    line_start = low.rfind("\n", 0, t.start) + 1
    if low[line_start:t.start].strip(" \t"):
        return False
    return sum(1 for _ in zip(range(2), _SECTION_LINE.finditer(low))) >= 2


def _is_size_range(head: str, tail: str, t: _Tok) -> bool:
    """Whether a weight is the top of a range that gives the product's sizes: "bumper plates
    5-25kg sets", "dumbbells 2.5-25kg in 2.5kg steps, 300 pairs of each weight"."""
    if not _RANGE_HEAD.search(head[-12:]):
        return False
    return bool(_SIZE_NOUN_AFTER.match(tail) or _PER_SIZE.search(tail.split("\n", 1)[0]))


def _measure_is_quantity(head: str, tail: str, t: _Tok, unit: str) -> bool:
    """Weights, lengths, areas and volumes: a quantity, or a spec (length 6 m, 25 kg bags)?
    Small lengths and weights count only as samples ("各 5m", "minimum 1 meter each colour")."""
    v = max(t.values)
    if unit in ("kg", "t") and _MACHINE_AFTER.match(tail):
        return False  # "100公斤全自动洗脱机", "3吨叉车": a capacity
    if _WEIGHT_SPEC_BEFORE.search(head) or _PACKAGED_AFTER.match(tail) or _PACKAGE_BEFORE.search(head):
        return False  # "max. load 200 kg", "25 kg bags", "jumbo bag 1 ton", "woven bag for 25kg rice"
    if unit == "kg" and v <= _BAG_MAX_KG and _BAG_SPEC_BEFORE.search(head):
        return False  # "cement bag, valve type, 50 kg": what one bag holds
    if head.endswith("(") and tail.startswith(")") and (v < 5 or v != int(v)) and not _COUNT_BEFORE_BRACKET.search(
            head[-24:]):
        return False  # "SZ-18 (1.8 ton)"
    if _RATED_AFTER.match(tail):
        return False
    if re.match(r"[ \t]{0,2}range", tail) or _MACHINE_BEFORE.search(head):
        return False  # "2.5-30 kg range", "dough mixer 50kg"
    if unit == "kg" and _is_size_range(head, tail, t):
        return False
    if unit in ("t", "jin"):
        return True
    if _LENGTH_SPEC_BEFORE.search(head) or (unit == "m" and _LENGTH_SPEC_AFTER.match(tail)):
        return False
    if unit == "m" and _WAY_BEFORE.search(head[-10:]):
        return False
    if unit == "m2" and t.uword == "平方" and _CABLE_BEFORE.search(head[-16:]):
        return False  # BV 2.5平方: a cable's cross-section
    if unit == "m3" and t.uword != "方":
        return True  # "LCL 8 cbm": a shipment's volume, however small
    if v != int(v) and v < 5:
        return bool(_SAMPLE_NEAR.search(head[-12:] + "|" + tail[:20]))  # "1.5米和1.8米的" are bed sizes
    if v < 20 or v != int(v):
        near = re.split(r"[\n,;，；。]", head[-12:])[-1] + "|" + re.split(r"[\n,;，；。]", tail[:26])[0]
        return bool(_SMALL_CUE.search(near))
    return True
