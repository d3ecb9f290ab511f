"""Splitting bodies into new text, signature and quoted earlier mail, in both languages."""
from __future__ import annotations

import pytest

from inquiry_nlp.mail.quotes import split_body

# (body, expected new text, expected start of signature or "", expected start of first quote or "")
CASES = [
    pytest.param(
        "Hi Lily,\nPlease quote 500 pcs M10 hex bolts.\n\nOn Mon, Mar 2, 2026 at 10:15 AM Lily <lily@x.cn> wrote:\n"
        "> Dear John,\n> thanks for your inquiry.",
        "Hi Lily,\nPlease quote 500 pcs M10 hex bolts.", "", "On Mon, Mar 2, 2026", id="gmail-en"),
    pytest.param(
        "OK, go ahead.\n\nOn Mon, Mar 2, 2026 at 10:15 AM Lily Wang <lily.wang@hongli-fasteners.com>\nwrote:\n> quote",
        "OK, go ahead.", "", "On Mon, Mar 2, 2026", id="gmail-wrapped"),
    pytest.param(
        "收到，请安排发货。\n\n在 2026年3月2日 周一 10:15，张经理 <zhang@x.cn> 写道：\n> 货已备好",
        "收到，请安排发货。", "", "在 2026年3月2日", id="zh-在写道"),
    pytest.param(
        "收到\n\n张经理 <zhang@x.cn> 于2026年3月2日周一 上午10:15写道：\n> 货已备好",
        "收到", "", "张经理 <zhang@x.cn> 于2026年3月2日", id="gmail-zh-于写道"),
    pytest.param(
        "謝謝，煩請報價。\n\n於 2025年5月6日 週二 上午9:02，陳小姐 寫道：\n> 附件為型錄",
        "謝謝，煩請報價。", "", "於 2025年5月6日", id="zh-hant-於寫道"),
    pytest.param(
        "请查收附件订单。\n\n------------------ 原始邮件 ------------------\n发件人: \"Tom\"<tom@x.cn>;\n"
        "发送时间: 2026年3月2日(星期一) 上午10:15\n收件人: \"王磊\"<wl@163.com>;\n主题: 报价单\n\n王总您好",
        "请查收附件订单。", "", "------------------ 原始邮件", id="qq-原始邮件"),
    pytest.param(
        "好的，下周见。\n\n发件人：sales@hongli-fasteners.com\n发送时间：2026-03-02 10:15\n收件人：wl@163.com\n"
        "主题：回复：询价\n\n您好，报价如下",
        "好的，下周见。", "", "发件人：sales@", id="foxmail-发件人"),
    pytest.param(
        "Please revert.\n\n-----Original Message-----\nFrom: Lily [mailto:lily@x.cn]\nSent: Monday, March 2, 2026 10:15 AM\n"
        "To: Raj\nSubject: RE: quote\n\nDear Raj",
        "Please revert.", "", "-----Original Message-----", id="outlook-original"),
    pytest.param(
        "Noted with thanks.\n\n________________________________\nFrom: Lily Wang <lily@x.cn>\nSent: 02 March 2026 10:15\n"
        "To: Raj <raj@y.in>\nSubject: quote",
        "Noted with thanks.", "", "________________________________", id="outlook-rule-block"),
    pytest.param(
        "FYI\n\n---------- Forwarded message ---------\nFrom: Buyer <b@z.com>\nDate: Mon, Mar 2, 2026\n\nNeed 5000 pcs",
        "FYI", "", "---------- Forwarded message", id="gmail-forward"),
    pytest.param(
        "Price ok.\n> Our price is USD 2.5/pc\n> FOB Qingdao\nPlease send PI.",
        "Price ok.\nPlease send PI.", "", "> Our price", id="inline-quote"),
    pytest.param(
        "Dear Sir,\nKindly quote 2x40HQ ceramic tiles 600x600.\n\nBest regards,\nAhmed Hassan\nPurchasing Manager\n"
        "Al Noor Trading LLC\nTel: +971 4 352 7781\nMob: +971 50 318 2264",
        "Dear Sir,\nKindly quote 2x40HQ ceramic tiles 600x600.", "Best regards,", "", id="signoff-en"),
    pytest.param(
        "您好：\n我司需要采购304不锈钢法兰DN50，200片，请报价。\n\n此致\n敬礼\n\n王磊\n山东恒泰机械有限公司\n手机：139 0531 6789",
        "您好：\n我司需要采购304不锈钢法兰DN50，200片，请报价。", "此致", "", id="signoff-此致敬礼"),
    pytest.param(
        "Pls send price for 5000 pcs\n\nSent from my iPhone",
        "Pls send price for 5000 pcs", "Sent from my iPhone", "", id="iphone-footer"),
    pytest.param(
        "需要2000个，多少钱\n\n发自我的华为手机",
        "需要2000个，多少钱", "发自我的华为手机", "", id="huawei-footer"),
    pytest.param(
        "Need quotation for 300 sets gate valves DN100 PN16.\n\nJohn Smith\nABC Pumps Ltd\nTel: +44 20 7946 0958\n"
        "Email: john@abcpumps.co.uk\nwww.abcpumps.co.uk",
        "Need quotation for 300 sets gate valves DN100 PN16.", "John Smith", "", id="contact-block-no-signoff"),
    pytest.param(
        "Thanks for your quick reply. We need the price for 500 pcs.\nRegards\nJohn",
        "Thanks for your quick reply. We need the price for 500 pcs.", "Regards", "", id="thanks-sentence-not-signoff"),
    pytest.param(
        "有螺栓卖吗", "有螺栓卖吗", "", "", id="one-liner"),
    pytest.param(
        "Thanks, John", "Thanks, John", "", "", id="only-signoff-stays-new"),
    pytest.param(
        "Please quote.\n-- \nJohn | Buyer", "Please quote.", "--", "", id="dash-dash-delimiter"),
]


@pytest.mark.parametrize("body,new,sig,quote", CASES)
def test_split(body, new, sig, quote):
    parts = split_body(body)
    assert parts.new == new
    if sig:
        assert parts.signature.startswith(sig)
    else:
        assert parts.signature == ""
    if quote:
        assert parts.quoted and parts.quoted[0].startswith(quote)
    else:
        assert parts.quoted == []


def test_signature_keeps_contacts_for_extraction():
    parts = split_body("Please quote 100 sets.\n\nRegards\nRaj Patel\nMob/WhatsApp: +91 98200 12345\n"
                       "This e-mail is confidential and intended solely for the addressee.")
    assert "+91 98200 12345" in parts.signature and "confidential" in parts.signature
    assert parts.new == "Please quote 100 sets."


def test_text_below_the_quote_marker_is_not_new():
    parts = split_body("ok\n\n-----Original Message-----\nFrom: a\nSent: b\nWe need 900 pcs")
    assert "900" not in parts.new and "900" in parts.quoted[0]
