"""Language of the customer's writing, and normalisation for matching."""
from __future__ import annotations

import pytest

from inquiry_nlp.text.lang import detect_lang
from inquiry_nlp.text.normalize import fold_width, for_matching, to_simplified


@pytest.mark.parametrize("text,lang", [
    ("有螺栓卖吗", "zh-Hans"),
    ("您好，我司需要采购304不锈钢螺栓M10x50，五百套，月底前交货。", "zh-Hans"),
    ("敬啟者：煩請報價LED燈條，數量兩千米，謝謝您。", "zh-Hant"),
    ("唔該幫手報個價，要五百個，幾時有貨？", "zh-Hant"),
    ("Pls quote best price for 1x40HQ ceramic tiles 600x600, CIF Lagos. Kindly revert.", "en"),
    ("DEAR SIR WE NEED 5000 PCS SOLAR PANEL 550W PLS SEND PRICE", "en"),
    ("Hi Lily, 这个 quotation 麻烦尽快 update 一下, we need it for the tender next week", "mixed"),
    ("Dear Sir, we need hex bolts M10, 5000 pcs. 王先生 13905316789", "mixed"),
    ("Thank you and Mr. 刘 for hosting us at your factory in 章丘 last Wednesday, 还有那顿把子肉 haha.", "mixed"),
    ("", None),
    ("12345 +86 139", None),
])
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang


def test_full_width_folding_keeps_length():
    s = "数量：１０００ｐｃｓ，规格Ｍ１０×５０，ＦＯＢ　Ｑｉｎｇｄａｏ"
    assert fold_width(s) == "数量:1000pcs,规格M10×50,FOB Qingdao"
    assert len(fold_width(s)) == len(s)


def test_traditional_to_simplified_keeps_offsets():
    s = "請報價：不鏽鋼螺絲，數量兩萬顆，臺灣交貨"
    out = to_simplified(s)
    assert out == "请报价:不锈钢螺丝,数量两万颗,台湾交货".replace(":", "：").replace(",", "，")
    assert len(out) == len(s)
    assert for_matching("報價１０ｍｍ") == "报价10mm"


def test_zhconv_and_jieba_are_imported_without_pkg_resources():
    """zhconv and jieba read their data files without setuptools' pkg_resources (0.2 s of a
    cold start) and leave no mark in sys.modules: a later `import pkg_resources` still works."""
    import subprocess
    import sys

    code = """if True:
        import sys
        from inquiry_nlp.text.lang import script
        from inquiry_nlp.text.normalize import for_matching
        from inquiry_nlp.text.segment import cut
        assert script("我們需要不鏽鋼螺絲") == "zh-Hant" and script("我们需要不锈钢螺丝") == "zh-Hans"
        assert for_matching("報價單：１０ｍｍ螺絲") == "报价单:10mm螺丝"
        assert cut("请报价热镀锌钢管DN50") == ["请", "报价", "热镀锌钢管", "DN50"]
        assert "pkg_resources" not in sys.modules, "pkg_resources imported"
        import pkg_resources
    """
    subprocess.run([sys.executable, "-W", "ignore", "-c", code], check=True)
