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


# Other clients' and languages' quote starts: (body, expected new text, expected start of the first quote)
QUOTE_STYLES = [
    pytest.param(
        "Too high for us. Our target is EUR 4.20/m.\n\nGiulia\n\nDa: Sunny Qian <sunny@x.cn>\n"
        "Inviato: mercoledì 16 ottobre 2024 03:40\nA: Giulia Sala <acquisti@y.it>\nOggetto: R: Richiesta prezzo\n\n"
        "Our best price: EUR 4.85/m CIF Genova.",
        "Too high for us. Our target is EUR 4.20/m.\n\nGiulia", "Da: Sunny Qian", id="outlook-italian"),
    pytest.param(
        "Graag 2000 stuks.\n\nOp ma 2 mrt 2026 om 10:15 schreef Lily Wang <lily@x.cn>:\n> MOQ is 1000 pcs",
        "Graag 2000 stuks.", "Op ma 2 mrt 2026", id="gmail-dutch-schreef"),
    pytest.param(
        "1000個お願いします。\n\n2026年3月2日(月) 10:15 Lily Wang <lily@x.cn>:\n> 単価はUSD 2.5です",
        "1000個お願いします。", "2026年3月2日(月)", id="gmail-japanese-colon-only"),
    pytest.param(
        "Noted, please send PI.\n\nFrom: Lily Wang <lily@x.cn> Sent: Monday, March 2, 2026 10:15 AM To: Raj "
        "Subject: RE: quote\n\nUSD 2.50/pc FOB Ningbo",
        "Noted, please send PI.", "From: Lily Wang", id="outlook-one-line-header"),
    pytest.param(
        "收到，按这个价下单。\n\n发件人: Lily <lily@x.cn> 发送时间: 2026年3月2日 10:15 收件人: 王磊 主题: 回复: 报价\n\n单价2.5元",
        "收到，按这个价下单。", "发件人: Lily", id="foxmail-one-line-header"),
    pytest.param(
        "以下為同事的需求，請報價。\n\n---------- 轉寄的郵件 ----------\n寄件者：蔡佩君 <pj@x.com.tw>\n"
        "日期：2026年2月24日 週二 下午2:10\n主旨：規格確認\n\n年需求約 50萬支",
        "以下為同事的需求，請報價。", "---------- 轉寄的郵件", id="gmail-zh-hant-forward"),
    pytest.param(
        "请按附件下单。\n\n-----邮件原件-----\n发件人: Lily [mailto:lily@x.cn]\n发送时间: 2026年3月2日 10:15\n\n单价2.5元",
        "请按附件下单。", "-----邮件原件-----", id="outlook-zh-邮件原件"),
    pytest.param(
        "好的\n\n张经理 <zhang@x.cn> 于2026年3月2日周一 上午10:15\n写道：\n> 货已备好",
        "好的", "张经理 <zhang@x.cn>", id="gmail-zh-wrapped-写道"),
    pytest.param(
        "Please quote freight for 1x40HQ.\nFrom: Shenzhen\nTo: Lagos, Apapa port\nCargo ready end of May.",
        "Please quote freight for 1x40HQ.\nFrom: Shenzhen\nTo: Lagos, Apapa port\nCargo ready end of May.", "",
        id="shipping-lane-is-not-a-header"),
    pytest.param(
        "You have a new inquiry from Made-in-China.com.\nFrom: Lai Chun Hsiung (Taiwan, China)\nSubject: Self Drilling Screw\n"
        "數量大概 80 萬支，請報價。",
        "You have a new inquiry from Made-in-China.com.\nFrom: Lai Chun Hsiung (Taiwan, China)\nSubject: Self Drilling Screw\n"
        "數量大概 80 萬支，請報價。", "", id="platform-relay-from-subject-is-not-a-quote"),
]


@pytest.mark.parametrize("body,new,quote", QUOTE_STYLES)
def test_quote_styles(body, new, quote):
    parts = split_body(body)
    assert parts.new == new
    if quote:
        assert parts.quoted and parts.quoted[0].startswith(quote)
    else:
        assert parts.quoted == []


# Answers written between or below quoted lines: (body, texts that must be new, texts that must not)
INLINE_ANSWERS = [
    pytest.param(
        "Grace, see my answers below in red.\n\nPeter\n\nFrom: Grace Li <grace@x.cn>\nSent: Tuesday, January 13, 2026 4:15 AM\n"
        "To: peter@y.co.ke\nSubject: RE: sprayers\n\nRepeat order noted: 2,400 pcs at USD 5.35/pc.\n>> OK, confirmed.\n\n"
        "Both fit in one 40HQ.\n>> Good. Shipping latest end of February.\n",
        ["OK, confirmed.", "Shipping latest end of February."], ["USD 5.35", "Both fit in one 40HQ", ">>"],
        id="outlook-answers-marked-with->>"),
    pytest.param(
        "Hi Lily, answers inline.\n\nOn Mon, Mar 2, 2026 at 10:15 AM Lily <lily@x.cn> wrote:\n> Q1: quantity?\n5,000 pcs\n"
        "> Q2: delivery?\nLatest end of April.\n> Q3: packing?\nExport cartons, our logo.\n",
        ["5,000 pcs", "Latest end of April.", "Export cartons, our logo."], ["Q1", "delivery?", "wrote:"],
        id="gmail-inline-answers"),
    pytest.param(
        "On Mon, Mar 2, 2026 at 10:15 AM Lily <lily@x.cn> wrote:\n> Our price is USD 2.50/pc FOB Ningbo.\n>\n> Lily\n\n"
        "OK for us. Please send PI for 3,000 pcs.\n\nRegards\nJohn",
        ["OK for us. Please send PI for 3,000 pcs."], ["USD 2.50", "Regards"], id="bottom-posting"),
    pytest.param(
        "王经理，见下方红字回复。\n\n发件人：sales@x.cn\n发送时间：2026-03-02 10:15\n收件人：wl@163.com\n主题：回复：询价\n\n"
        "1. 数量多少？\n答：先订800套\n2. 交期要求？\n答：4月15日前到厂\n",
        ["先订800套", "4月15日前到厂"], ["数量多少", "交期要求", "答："], id="foxmail-见下方红字-答"),
    pytest.param(
        "Coco, answers below:\n\nOn Tue, Mar 3, 2026 at 9:00 AM Coco <coco@x.cn> wrote:\n"
        "> 190x15mm brushed UV oil: USD 24.50/m2 FOB Shanghai\n  [David] OK if CARB P2 certified.\n"
        "> 20GP about 1,600 m2.\n  [David] We mix 2 colours in one 20GP, ok?\n",
        ["[David] OK if CARB P2 certified.", "[David] We mix 2 colours in one 20GP, ok?"], ["USD 24.50", "1,600 m2"],
        id="gmail-bracketed-answers"),
]


@pytest.mark.parametrize("body,kept,dropped", INLINE_ANSWERS)
def test_inline_answers_are_new_text(body, kept, dropped):
    parts = split_body(body)
    for text in kept:
        assert text in parts.new
    for text in dropped:
        assert text not in parts.new
    assert parts.quoted


def test_marked_lines_in_outlook_quote_stay_quoted_without_an_announcement():
    # '>' lines inside quoted Outlook mail are an older Gmail quote, not answers.
    parts = split_body("OK, go ahead.\n\nFrom: Lily <lily@x.cn>\nSent: Monday, March 2, 2026\nTo: Raj\n\n"
                       "Dear Raj, price below.\n> We need 900 pcs by May.\nUSD 2.5/pc")
    assert parts.new == "OK, go ahead." and "900" in parts.quoted[0]


def test_wrapped_tail_of_a_quoted_line_is_not_an_answer():
    parts = split_body("Agreed.\n\nOn Mon, Mar 2, 2026 at 10:15 AM Lily <lily@x.cn> wrote:\n"
                       "> We can offer USD 5.35/pc FOB Qingdao with delivery in about thirty\n"
                       "days after deposit, MOQ 300 pcs.\n> Best regards, Lily")
    assert parts.new == "Agreed." and "days after deposit" in parts.quoted[0]


@pytest.mark.parametrize("body", [
    pytest.param("张总：\n转发我客户的微信聊天记录，能做的话报个出厂价。\n\n----- 聊天记录 -----\n老周：排风扇换成不锈钢的\n"
                 "老周：一共要12台，电机要380的\n-----\n\n我这边是做工程的。\n\n孙立强", id="closed-by-rule"),
    pytest.param("Boss, see chat below, pls quote.\n\n=== WhatsApp chat ===\nAli: need 12 units 380V\nAli: by June\n\n"
                 "我这边是做工程的。", id="closed-by-blank-line"),
])
def test_pasted_chat_log_is_quoted(body):
    parts = split_body(body)
    assert "12" not in parts.new and "我这边是做工程的。" in parts.new
    assert any("12" in q for q in parts.quoted)


@pytest.mark.parametrize("body,new_end,sig_start", [
    pytest.param("光明照明 外贸部：\n\n您好！我司为上海欧乐国际贸易有限公司，长期为德国连锁建材超市采购照明产品，共约18万套。\n\n"
                 "请于2个工作日内联系华检认证王工（微信 huajian_wang01）预约验厂并缴费，逾期名额转给其他工厂。\n\n"
                 "上海欧乐国际贸易有限公司 采购经理 Kevin 陈\nolegroup_kevin@163.com  |  138 1762 0945",
                 "逾期名额转给其他工厂。", "上海欧乐国际贸易有限公司", id="zh-paragraphs-naming-a-company"),
    pytest.param("Dear Sales,\n\nPlease quote the attached RFQ.\n\nMet vriendelijke groet,\n\nJeroen Bakker\nInkoper\n"
                 "T +31 10 412 0087\n\nThis e-mail is intended for the addressee only.",
                 "Please quote the attached RFQ.", "Met vriendelijke groet,", id="dutch-signoff"),
])
def test_paragraphs_are_not_signature(body, new_end, sig_start):
    parts = split_body(body)
    assert parts.new.endswith(new_end) and parts.signature.startswith(sig_start)
