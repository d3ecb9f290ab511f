"""Products and specifications: hard real-world cases (both languages, full-width, traditional),
the lexicon and trade dictionary, and linear time on hostile input."""
from __future__ import annotations

import time
import tomllib
from importlib import resources

import pytest

from inquiry_nlp.extract.base import Context
from inquiry_nlp.extract.contacts import contact_spans
from inquiry_nlp.extract.products import extract_products, extract_specs, lexicon
from inquiry_nlp.text.segment import trade_terms


def _ctx(text: str) -> Context:
    ctx = Context.build(text)
    ctx.mask(contact_spans(ctx))
    return ctx


def products(text: str) -> list[str]:
    return [f.value for f in extract_products(_ctx(text))]


def specs(text: str) -> list[str]:
    return [f.value for f in extract_specs(_ctx(text))]


@pytest.mark.parametrize("text, expected", [
    # A product line named alone counts ("有螺栓卖吗" is a product, not an industry).
    ("有螺栓卖吗\n发自我的iPhone", ["螺栓"]),
    ("do you sell stainless hose clamps?", ["stainless hose clamps"]),
    # Longest name wins; the material stays in it, the grade number does not.
    ("您好，需要304不锈钢六角螺栓M10x50，500套，月底前交货。", ["不锈钢六角螺栓"]),
    ("Please quote stainless steel hex flange bolts M8x20, 20,000 pcs", ["stainless steel hex flange bolts"]),
    ("We need 2,000 pcs nitrile examination gloves, powder-free", ["nitrile examination gloves"]),
    # Traditional and full-width text keeps the customer's characters.
    ("請報價不鏽鋼球閥 DN50，20個", ["不鏽鋼球閥"]),
    ("ＬＥＤ面板灯 ６００ｘ６００ ４０Ｗ，２０００套", ["ＬＥＤ面板灯"]),
    ("請問有 700x25C 公路車外胎嗎？鋼絲的 黑色", ["公路車外胎"]),
    # Shape letters, letter codes and makes glued to a Chinese name.
    ("你好 要一批U型螺栓 M12 内宽80 长度200 镀锌", ["U型螺栓"]),
    ("小何 T8灯管1.2米18w 6500k 跟上次一样", ["T8灯管"]),
    ("j422焊条 φ3.2 5吨", ["j422焊条"]),
    ("上次那批 H44H-16C DN80 旋启式止回阀装完了", ["旋启式止回阀"]),
    # One name in two languages, a code before a Chinese name.
    ("we need non-woven bag 不织布购物袋, 80g, 35x40x10cm", ["non-woven bag 不织布购物袋"]),
    ("你好，KN95 口罩 5万个，报个价，送澳门。", ["KN95 口罩"]),
    # Industries and categories are not products.
    ("We need building materials and electronics, send your catalogue of your products.", []),
    ("我们需要建材和五金，请发产品目录和价格表", []),
    # A product word naming a company, or the supplier in a salutation, is no product asked for.
    ("瑞丰阀门销售部：\n请报价法兰球阀 DN100 PN16，30台", ["法兰球阀"]),
    ("Regards,\nBilal Tiles & Sanitary\nMain Boulevard, Gulberg, Lahore", []),
    ("We are a ball valve manufacturer looking for agents.", []),
    # Named once per message: plural repeats and bare heads referring back are not new products.
    ("Price for LED bulbs? The LED bulb must be E27, 9W.", ["LED bulbs"]),
    ("Need 5kW hybrid inverter 48V. Can the inverter work with our batteries?", ["hybrid inverter"]),
    # Packing details are not packaging products.
    ("Hex nuts M8 DIN 934, 50 pcs per carton, export cartons.", ["Hex nuts"]),
    # The customer's own equipment is not what they buy.
    ("need disc harrow 24 discs x 24 inch, trailed, for tractor 90hp", ["disc harrow"]),
])
def test_products(text: str, expected: list[str]) -> None:
    assert products(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("M10x50，8.8级，DIN 933，表面镀锌", ["M10x50", "8.8级", "DIN 933", "镀锌"]),
    ("hex bolts grade 8.8, nuts class 10, A2-70, ISO 4017 and ASTM A325",
     ["grade 8.8", "class 10", "A2-70", "ISO 4017", "ASTM A325"]),
    ("hex bolt DIN 931 M16x120 – 6,000 pcs", ["DIN 931 M16x120"]),
    ("gate valve DN150 PN16, ductile iron body; flanges PN10", ["DN150 PN16", "ductile iron", "PN10"]),
    ("LED floodlight 200W, IP66, 5000K, CRI>80, 220V 50Hz", ["200W", "IP66", "5000K", "CRI>80", "220V 50Hz"]),
    ("30kVA silent diesel generator, 415V 50Hz 3 phase", ["30kVA", "415V 50Hz 3 phase"]),
    ("需要镀锌钢丝绳 直径１０ｍｍ 6×19 五百米", ["直径１０ｍｍ", "6×19"]),
    ("規格：外徑 48.3mm 壁厚 3.68mm，每支6米", ["外徑 48.3mm", "壁厚 3.68mm", "6米"]),
    ("Q235B 热轧钢板 厚度10mm 规格1500×6000", ["Q235B", "厚度10mm", "1500×6000"]),
    ("SUS304 seamless pipe, flanges in 304 stainless steel, gaskets 316L", ["SUS304", "304 stainless steel", "316L"]),
    ("6205-2RS C3 500 pcs, 22212CA/W33, NU2210E, UC208", ["6205-2RS C3", "22212CA/W33", "NU2210E", "UC208"]),
    ("truck tyres 315/80R22.5 and 12R22.5 18PR", ["315/80R22.5", "12R22.5", "18PR"]),
    ("涤纶四面弹 75D*150D, GSM 300, 120gsm, 40支纱, 16姆米", ["75D*150D", "GSM 300", "120gsm", "40支纱", "16姆米"]),
    ("BV线 1.5mm² 和 2.5平方 各100卷", ["1.5mm²", "2.5平方"]),
    ("frame RAL 9005, logo Pantone 7527C", ["RAL 9005", "Pantone 7527C"]),
    ("600x600mm 抛釉砖，一个40尺柜", ["600x600mm", "40尺柜"]),
    ("we need 2x40HQ of paper cups", ["40HQ"]),
    ("colours: black and white; 100 pcs/box, 10 boxes/ctn", ["black and white", "100 pcs/box", "10 boxes/ctn"]),
    ("GI pipe BS 1387 medium, 1/2\" to 4\", 6m length", ["BS 1387 medium", "1/2\" to 4\"", "6m length"]),
    ("on-grid string inverter SV-50KTL-M3, 50kW, 3 phase", ["SV-50KTL-M3", "50kW", "3 phase"]),
    ("管径 DN25（1寸），壁厚2.75，工作压力16MPa", ["DN25（1寸）", "壁厚2.75", "工作压力16MPa"]),
    ("certificates: CE, RoHS, UL 94V-0; mill cert EN 10204 3.1", ["CE", "RoHS", "UL 94V-0", "EN 10204 3.1"]),
])
def test_specs(text: str, expected: list[str]) -> None:
    assert specs(text) == expected


@pytest.mark.parametrize("text", [
    "PO HZ-2407-118 attached, please confirm.",        # order numbers are no model numbers
    "Invoice INV-2024-0311 paid on 2024-03-15.",
    "Shantou – Jebel Ali   20GP USD 650 / 40HQ USD 1,050",  # a forwarder's rates
    "Address: Plot 37, Sector 12-C, North Karachi Industrial Area",
    "We will order 500 pieces next month, total 3,000 units.",
    "我们公司在济南历城区，电话 0531-88881234",
])
def test_no_specs(text: str) -> None:
    assert specs(text) == []


def test_evidence_offsets_point_at_the_original() -> None:
    text = "請報價：熱鍍鋅鋼管 ＤＮ５０，Ｑ２３５Ｂ"
    ctx = _ctx(text)
    for f in extract_products(ctx) + extract_specs(ctx):
        assert text[f.start:f.end] == f.text == f.value
    assert [f.value for f in extract_products(ctx)] == ["熱鍍鋅鋼管"]
    assert [f.value for f in extract_specs(ctx)] == ["ＤＮ５０", "Ｑ２３５Ｂ"]


def test_lexicon_covers_many_industries_without_categories() -> None:
    data = tomllib.loads(resources.files("inquiry_nlp").joinpath("data/products.toml").read_text("utf-8"))
    industries = [k for k in data if not k.startswith("_")]
    assert len(industries) >= 20
    for name in ("fasteners", "valves", "bearings", "pumps", "lighting", "electronics", "solar", "tyres",
                 "textiles", "packaging", "furniture", "medical", "ppe", "kitchenware", "stationery", "toys",
                 "pet_products", "agricultural_machinery", "food_machinery", "chemicals"):
        assert data[name]["zh"] and data[name]["en"], name
    lex = lexicon()
    categories = {w.lower() for lang in ("zh", "en") for w in data["_not_products"][lang]}
    assert not categories & (set(lex.zh_terms) - set(lex.zh_need_prefix))  # "零件" only after "CNC"
    assert all(len(t) > 1 or t in lex.zh_single for t in lex.zh_terms)  # no lone character is a product


def test_trade_dictionary_is_in_step_with_the_lexicon() -> None:
    data = tomllib.loads(resources.files("inquiry_nlp").joinpath("data/products.toml").read_text("utf-8"))
    terms = {t for t, _, _ in trade_terms()}
    missing = [t for k, v in data.items() if not k.startswith("_") for t in v["zh"]
               if any("\u4e00" <= c <= "\u9fff" for c in t) and t not in terms]
    assert not missing, missing[:10]
    assert all(freq > 0 and tag for _, freq, tag in trade_terms())


HOSTILE = {
    "a megabyte of digits": "1" * 1_000_000,
    "100,000 full stops": "。" * 100_000,
    "a 50,000-character line": ("hex bolts M10x50 DIN 933 304 stainless steel 600x600mm 40HQ " * 900)[:50_000],
    "10,000 email-like tokens": " ".join(f"user{i}.name_{i}@mail{i}.example.com" for i in range(10_000)),
    "dimension chains": "1x" * 200_000,
    "thread chains": "M1x" * 100_000,
    "hyphen chains": "a-1-" * 100_000,
    "percent runs": "30% " * 50_000,
    "numbers with separators": "1,2,3,4,5-6-7-8/9/0 " * 20_000,
    "a product named 10,000 times": "请报价M10螺栓500套，" * 10_000,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_linear_time(name: str) -> None:
    lexicon()
    ctx = Context.build(HOSTILE[name])
    start = time.process_time()
    extract_specs(ctx)
    extract_products(ctx)
    assert time.process_time() - start < 1.0, name


def test_a_long_message_is_read_at_its_head() -> None:
    """Beyond the scan bound nothing is read, and what comes before it is found as usual."""
    text = "Please quote hex bolts M10x50, 500 pcs.\n" + "lorem ipsum " * 20_000 + "\nalso 200 ball valves DN50"
    ctx = Context.build(text)
    assert [f.value for f in extract_products(ctx)] == ["hex bolts"]
    assert [f.value for f in extract_specs(ctx)] == ["M10x50"]


# A word that starts a longer term, at the very end of the text or of the list of words read:
# the lookup must not read past the last word (nor take a shorter term for a longer one).
@pytest.mark.parametrize("text, expected", [
    ("Please quote 200 flange bolts and 50 pipe", ["flange bolts", "pipe"]),
    ("Need knife gate valves, 10 knife", ["knife gate valves", "knife"]),
    ("anchor bolts / anchor", ["anchor bolts", "anchor"]),
    ("Quote: rivet nuts, flange", ["rivet nuts", "flange"]),
    ("pipe", ["pipe"]),
])
def test_terms_at_the_end_of_the_text(text, expected):
    assert [f.value for f in extract_products(Context.build(text))] == expected


def test_no_two_english_terms_have_the_same_words() -> None:
    """The English matcher takes in terms as texts need them (a cold process builds a few
    instead of 6,600); its matches equal the full matcher's only while no token sequence is
    both a product and a spec word."""
    from inquiry_nlp.extract.products import _en_terms, _en_tokens

    data = tomllib.loads(resources.files("inquiry_nlp").joinpath("data/products.toml").read_text("utf-8"))
    terms = _en_terms(data, frozenset(w.lower() for w in data["_not_products"]["en"]))
    kinds: dict[tuple[str, ...], set[str]] = {}
    for term, kind in terms.items():
        kinds.setdefault(tuple(_en_tokens(term)), set()).add(kind)
    assert [words for words, k in kinds.items() if len(k) > 1] == []
    assert {words: k == {"product"} for words, k in kinds.items()} == lexicon().en.terms


def _sample_texts() -> list[str]:
    import json

    from conftest import ROOT

    texts = []
    for line in (ROOT / "data" / "sample" / "threads.jsonl").read_text(encoding="utf-8").splitlines():
        texts += [m["subject"] + "\n" + m["body"] for m in json.loads(line)["messages"]]
    return texts + list(HOSTILE.values())[2:3]


def test_english_terms_enter_the_matcher_as_texts_need_them() -> None:
    """A matcher filled with the terms each text can hold finds what the full matcher finds,
    text after text; a text holding no term's words builds nothing."""
    from dataclasses import replace

    from inquiry_nlp.extract.products import _en_matches, _EnglishTerms

    full = lexicon()
    full.en.add_all()
    lazy = replace(full, en=_EnglishTerms(full.en.terms))
    assert _en_matches("please quote, thanks", lazy) == [] and not lazy.en._added
    found = 0
    for text in _sample_texts():
        low = text.lower()
        expect = _en_matches(low, full)
        assert _en_matches(low, lazy) == expect, text[:80]
        found += len(expect)
    assert found > 20 and 0 < len(lazy.en._added) < len(full.en.terms) // 10


def test_chinese_mail_without_english_terms_imports_no_spacy() -> None:
    """spaCy (0.5 s of a cold start) is imported for the first text that can hold an English term."""
    import subprocess
    import sys

    code = """if True:
        import sys
        from inquiry_nlp.api import Classifier
        clf = Classifier.load(rules_only=True, warm=False)
        found = clf.extract("您好，需要304不锈钢六角螺栓M10x50，500套，请报价。")
        assert found.fields.products == ["不锈钢六角螺栓"], found.fields.products
        assert "spacy" not in sys.modules
        found = clf.extract("Please quote 2,000 pcs LED panel lights.")
        assert found.fields.products == ["LED panel lights"], found.fields.products
        assert "spacy" in sys.modules
    """
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("term, plural", [
    ("hex bolt", "hex bolts"), ("gear box", "gear boxes"), ("paint brush", "paint brushes"),
    ("wrench", "wrenches"), ("quartz", "quartzes"), ("battery", "batteries"), ("relay", "relays"),
    ("trolley", "trolleys"), ("kitchen knife", "kitchen knives"), ("glass", None), ("cookware", None),
    ("m10", None), ("y", "ys"),
])
def test_english_plurals(term: str, plural: str | None) -> None:
    from inquiry_nlp.extract.products import _plural

    assert _plural(term) == plural


_SHEETS = {f"{a} {g} {c} sheet" for a in ("aluminium", "aluminum") for g in ("grey", "gray") for c in ("colour", "color")}


@pytest.mark.parametrize("term, variants", [
    ("tyre", {"tyre", "tire", "tyres", "tires"}),
    ("aluminium grey colour sheet", _SHEETS | {t + "s" for t in _SHEETS}),
    ("hex bolt", {"hex bolt", "hex bolts"}),
    ("stand-up pouch", {"stand-up pouch", "stand up pouch", "standup pouch", "stand-up pouches",
                        "stand up pouches", "standup pouches"}),
])
def test_english_variants(term: str, variants: set[str]) -> None:
    """UK and US spellings (every combination), hyphen variants and plurals."""
    from inquiry_nlp.extract.products import _en_variants

    assert _en_variants(term) == variants
