"""Contacts (extract/contacts.py): phones in E.164 from every format customers write, fax
kept apart, IM ids by label, emails, third parties' contacts left out, codes that only look
like numbers, and linear time on hostile input."""
from __future__ import annotations

import time

import pytest

from inquiry_nlp.extract.base import Context
from inquiry_nlp.extract.contacts import contact_spans, extract_emails, extract_fax, extract_ims, extract_phones
from inquiry_nlp.mail.domains import is_relay
from inquiry_nlp.text.normalize import for_matching


def ctx_of(text: str, region: str = "CN") -> Context:
    ctx = Context.build(text, region=region)
    ctx.mask(contact_spans(ctx))
    return ctx


def phones(text: str, region: str = "CN") -> list[str]:
    return [f.value for f in extract_phones(ctx_of(text, region))]


def ims(text: str, region: str = "CN") -> list[tuple[str, str]]:
    return [(f.value["type"], f.value["id"]) for f in extract_ims(ctx_of(text, region))]


PHONES = [
    # Chinese mobiles and landlines, with and without the country code.
    ("手机：13905316789", "CN", ["+8613905316789"]),
    ("Mob: 139 0531 6789", "CN", ["+8613905316789"]),
    ("电话：0531-88881234", "CN", ["+8653188881234"]),
    ("Tel: (0531) 8888 1234", "CN", ["+8653188881234"]),
    ("Tel: +86 531 8888 1234", "CN", ["+8653188881234"]),
    ("TEL: 0086-531-88881234", "CN", ["+8653188881234"]),
    ("Tel: (86)531-88881234", "CN", ["+8653188881234"]),
    ("Tel: 86-139-0531-6789", "CN", ["+8613905316789"]),
    ("電話：０５３１－８８８８１２３４", "CN", ["+8653188881234"]),  # full-width digits
    ("手机 139.0531.6789", "CN", ["+8613905316789"]),
    # Extensions are dropped.
    ("Tel 020-38612550 ext.806", "CN", ["+862038612550"]),
    ("电话 0531-88881234-8012", "CN", ["+8653188881234"]),
    ("电话 0531-88881234 转 8012", "CN", ["+8653188881234"]),
    # Two numbers in one line, with or without labels between.
    ("电话 020-86352217 手机 13802471956", "CN", ["+862086352217", "+8613802471956"]),
    ("联系人：马红  0531-82607718  138 0893 0442", "CN", ["+8653182607718", "+8613808930442"]),
    ("(02)2506-3318 / 0952-771-046", "TW", ["+886225063318", "+886952771046"]),
    # A Chinese landline the metadata does not know, its area code set apart.
    ("0533-71866208", "CN", ["+8653371866208"]),
    # Hong Kong, Taiwan, Macau, Singapore, Malaysia.
    ("Tel: +852 3105 8827", "HK", ["+85231058827"]),
    ("Tel: 3105 8827", "HK", ["+85231058827"]),
    ("手機：0912-345-678", "TW", ["+886912345678"]),
    ("電話：6628 1937", "MO", ["+85366281937"]),
    ("HP: 9174 2268", "SG", ["+6591742268"]),
    ("Tel: +60 3-7956 1234", "MY", ["+60379561234"]),
    ("H/P: 012-345 6789", "MY", ["+60123456789"]),
    # India, Nigeria, Gulf, Americas, Europe.
    ("Mob: 98490 61273", "IN", ["+919849061273"]),
    ("Mob: +91 98490 61273", "CN", ["+919849061273"]),
    ("pls call me on 0909 331 4780", "NG", ["+2349093314780"]),
    ("Tel: +234 84 463 221 | +234 803 772 0914", "NG", ["+23484463221", "+2348037720914"]),
    ("Tel: +971 4 352 7781, Mob 050 318 2264", "AE", ["+97143527781", "+971503182264"]),
    ("Mobile: +966 55 123 4567", "SA", ["+966551234567"]),
    ("(512) 555-0187", "US", ["+15125550187"]),
    ("T: 0161 496 0337 | M: 07700 900412", "GB", ["+441614960337", "+447700900412"]),
    ("Tel. +49 711 2345 678", "DE", ["+497112345678"]),
    ("Тел.: +7 495 648 2217", "RU", ["+74956482217"]),
    ("+55 11 98744-3120", "BR", ["+5511987443120"]),
    ("Cel. +52 1 477 229 6180", "MX", ["+524772296180"]),  # Mexico's old mobile "1" is dropped
    # A Chinese number in a foreign customer's text.
    ("支付宝 15068157342", "US", ["+8615068157342"]),
    ("T: 0532-80916650", "AE", ["+8653280916650"]),
    # The North American grouping with no country code, from a sender whose region is not
    # told: no number of that region, so a US/Canadian one.
    ("Rick\n602-511-8842\nSent from my iPhone", "CN", ["+16025118842"]),
    # ... but a Chinese service number in that grouping stays Chinese.
    ("客服热线 400-820-8820", "CN", ["+864008208820"]),
]


@pytest.mark.parametrize("text,region,expected", PHONES)
def test_phones_in_e164(text, region, expected):
    assert phones(text, region) == expected


NOT_PHONES = [
    ("Order number: 4700183321", "CN"),
    ("PO 4700183321 has gone out", "GB"),
    ("NIP 7792345118", "PL"),
    ("P.O. Box 47721-00100", "KE"),
    ("IBAN: AE07 0351 0000 0042 7719 830", "AE"),
    ("李XX 建设银行 6217 0037 xxxx", "CN"),
    ("王芳 6222 0237 0201 8831 205", "CN"),
    ("BTB LC No. 2114250811 opened today", "BD"),
    ("买家 tb_82213390（未认证）", "CN"),
    ("微信 hjs13802471956", "CN"),
    ("三轴行程 800/500/550，主轴BT40 12000rpm", "CN"),
    ("GB/T 31888-2015《中小学生校服》", "CN"),
    ("LT-40C-1050 (1050mA)", "SG"),
    ("Rua Santa Ifigênia, 512 - Centro, São Paulo - SP, 01207-000", "BR"),
    ("到付帳號 FedEx 6631-2201-7", "TW"),
    ("发送至 2208731546@qq.com", "CN"),
    ("Please deliver before 25.03.2026, our warehouse closes for stock-taking.", "HK"),
    ("交期：2026.03.25 之前到港", "CN"),
    ("Liefertermin 03-04-2026, bitte bestätigen", "DE"),
    ("Delivery window 12/28/2025 - 01/15/2026", "US"),
]


@pytest.mark.parametrize("text,region", NOT_PHONES)
def test_codes_accounts_and_ids_are_not_phones(text, region):
    assert phones(text, region) == []


THIRD_PARTY = [
    "检测中心联系人张主任 13207398862，检测费3600元",
    "你们直接联系检测中心的孙工 0371-63310875 办理。",
    "公证处联系人李主任 139 9187 4402，you can call him directly",
    "please book with our new forwarder:\n\nOcean Bridge Logistics – Kelly Tam, +86 755 8289 3316",
    "Pay the fee to the Committee Secretary, Mr. Peter Kamau, 0712 904 338, on or before Wednesday.",
    "驗證中心聯絡人：Mr. Lau  WhatsApp +852 6293 1147",
]


@pytest.mark.parametrize("text", THIRD_PARTY)
def test_a_third_partys_number_is_not_the_customers(text):
    ctx = ctx_of(text, "HK" if "852" in text else "CN")
    assert extract_phones(ctx) == [] and extract_ims(ctx) == []
    assert contact_spans(ctx), "still masked: a third party's number is no quantity either"


FAX = [
    ("传真：0531-88881235", ["+8653188881235"], []),
    ("传  真：0531-82607719", ["+8653182607719"], []),
    ("Tel: 0531-88881234  Fax: 0531-88881235", ["+8653188881235"], ["+8653188881234"]),
    ("T: +971 4 352 7781 F: +971 4 352 7782", ["+97143527782"], ["+97143527781"]),
    ("Tel/Fax: 0531-88881234", [], ["+8653188881234"]),
]


@pytest.mark.parametrize("text,fax,phone", FAX)
def test_fax_kept_apart(text, fax, phone):
    ctx = ctx_of(text)
    assert [f.value for f in extract_fax(ctx)] == fax
    assert [f.value for f in extract_phones(ctx)] == phone


IMS = [
    ("微信：wl_hengtai", [("wechat", "wl_hengtai")]),
    ("WeChat ID: amy_yw2024", [("wechat", "amy_yw2024")]),
    ("VX：lily-yw88", [("wechat", "lily-yw88")]),
    ("V信 lily_88", [("wechat", "lily_88")]),
    ("薇信: chen_trade1", [("wechat", "chen_trade1")]),
    ("wx: tom_2025", [("wechat", "tom_2025")]),
    ("可加微信详聊：seo-li2024", [("wechat", "seo-li2024")]),
    ("加我微信吧 amywang_yw", [("wechat", "amywang_yw")]),
    ("WhatsApp +60 17-332 6618 / WeChat kelvinlim_petro.", [("whatsapp", "+60173326618"), ("wechat", "kelvinlim_petro")]),
    ("手机/微信同号：139 0531 6789", [("wechat", "13905316789")]),
    ("如有需要，可随时联系我，微信电话同号。\n18653109927", [("wechat", "18653109927")]),
    ("电话 0532-80917736 手机 18562871104 Telegram 同号", [("telegram", "+8618562871104")]),
    ("M/WeChat/WhatsApp 178 2015 6636", [("wechat", "17820156636"), ("whatsapp", "+8617820156636")]),
    ("WhatsApp: +971 50 318 2264", [("whatsapp", "+971503182264")]),
    ("WA: +234 803 417 2290", [("whatsapp", "+2348034172290")]),
    ("+91 98461 20573 (WhatsApp)", [("whatsapp", "+919846120573")]),
    ("+63 917 552 0913 (Viber/WhatsApp)", [("whatsapp", "+639175520913")]),
    ("聯絡（WhatsApp）：+852 5193 6720", [("whatsapp", "+85251936720")]),
    ("Skype: live:john.smith_88", [("skype", "live:john.smith_88")]),
    ("QQ: 2218640915", [("qq", "2218640915")]),
    ("扣扣/QQ号：2218640915", [("qq", "2218640915")]),
    ("Telegram: @dvolkov_mp", [("telegram", "@dvolkov_mp")]),
    ("add my telegram @biggs_trade_ceo", [("telegram", "@biggs_trade_ceo")]),
    ("TG: dsokolov_pt", [("telegram", "dsokolov_pt")]),
    ("LINE：@toprankseo", [("line", "@toprankseo")]),
    ("LINE ID: amy0912", [("line", "amy0912")]),
    # Not ids: an account name, a word inside another, an id in brackets after a number.
    ("Photos are on our WeChat official account", []),
    ("I am a postgraduate researcher", []),
    ("+95 9 402 556 718 (Viber same number)\nWeChat: aungkyaw_yang", [("wechat", "aungkyaw_yang")]),
    ("咨询：周经理 199 7011 2483（微信zhoujl_jr）", [("wechat", "zhoujl_jr")]),
    ("代理联系人：刘小姐 微信 hmt_liu2024", []),
    # LINE ids marked by "ID" or "@" without a colon, a few Chinese characters after the label, the
    # full stop after an id; a QQ "same number"; WhatsApp misspelt.
    ("Can contact by LINE ID @siamwoodcraft.", [("line", "@siamwoodcraft")]),
    ("add my line @kk_shop for photos", [("line", "@kk_shop")]),
    ("可以加LINE聊 ID: jerry1987lai", [("line", "jerry1987lai")]),
    ("歡迎加LINE詢問：abc.shop.", [("line", "abc.shop")]),
    ("QQ同号 2217746093", [("qq", "2217746093")]),
    ("whatsap +213 661 48 20 97", [("whatsapp", "+213661482097")]),
    ("see production line 305 for the defects", []),
    ("on line 3 of the drawing the hole is 8mm", []),
]


@pytest.mark.parametrize("text,expected", IMS)
def test_im_ids(text, expected):
    region = "HK" if "852" in text else "CN"
    assert sorted(ims(text, region)) == sorted(expected)


# Paraphrases of IM handles as other writers give them: "加V", "my WeChat is", "(ID: …)", 扣扣,
# links (t.me/, wa.me/), Skype's "live:.cid." ids, short labels run into Chinese ("vx同号").
IM_PARAPHRASES = [
    ("加V：lily0728", [("wechat", "lily0728")]),
    ("加v 18653109927", [("wechat", "18653109927")]),
    ("微信/WhatsApp：+86 139 0531 6789", [("wechat", "13905316789"), ("whatsapp", "+8613905316789")]),
    ("WeChat: 13905316789", [("wechat", "13905316789")]),
    ("my wechat id is chen-yw_2025", [("wechat", "chen-yw_2025")]),
    ("My WeChat is amyliu_88", [("wechat", "amyliu_88")]),
    ("Contact me via WeChat (ID: peter_ly)", [("wechat", "peter_ly")]),
    ("wechat ID- sunny_88", [("wechat", "sunny_88")]),
    ("Wechat ID : jack_lee01", [("wechat", "jack_lee01")]),
    ("You can reach me on wechat: Tony_Zhou88", [("wechat", "Tony_Zhou88")]),
    ("微信号是 hengtai2024", [("wechat", "hengtai2024")]),
    ("微信号码：hengxin_66", [("wechat", "hengxin_66")]),
    ("vx同号 18653109927", [("wechat", "18653109927")]),
    ("wechat:wxid_abc123def", [("wechat", "wxid_abc123def")]),
    ("My whatsapp number is +971 50 123 4567", [("whatsapp", "+971501234567")]),
    ("Whatsapp me on +234 803 123 4567", [("whatsapp", "+2348031234567")]),
    ("whatsapp/wechat: 0086 138 0013 8000", [("wechat", "13800138000"), ("whatsapp", "+8613800138000")]),
    ("Whats app +91-98765-43210", [("whatsapp", "+919876543210")]),
    ("WHATSAPP:+2348031234567", [("whatsapp", "+2348031234567")]),
    ("whatsapp: wa.me/971501234567", [("whatsapp", "+971501234567")]),
    ("Whatsapp link: https://wa.me/2348031234567", [("whatsapp", "+2348031234567")]),
    ("skype: live:.cid.7a8b9c0d1e2f3a4b", [("skype", "live:.cid.7a8b9c0d1e2f3a4b")]),
    ("my skype is live:.cid.abcdef1234567890", [("skype", "live:.cid.abcdef1234567890")]),
    ("扣扣：85620011", [("qq", "85620011")]),
    ("扣扣号：77881234", [("qq", "77881234")]),
    ("Telegram: https://t.me/ivan_supply", [("telegram", "ivan_supply")]),
    ("t.me/alex_opt_msk", [("telegram", "alex_opt_msk")]),
    ("Telegram @Dmitry_Opt", [("telegram", "@Dmitry_Opt")]),
    ("LINE: @shop.bkk", [("line", "@shop.bkk")]),
    ("WhatsApp or LINE: @somchai_shop", [("line", "@somchai_shop")]),
    # Look-alikes: the messenger named but no id, "line" of production, prose after the label.
    ("we use WhatsApp for daily communication", []),
    ("wechat pay is ok for us", []),
    ("Production line: SMT-01, assembly line: A3", []),
    ("bottom line: price must be lower", []),
    ("product line: LED panels", []),
    ("Skype: available Mon-Fri", []),
    ("skype: not available now", []),
    ("QQ音乐里听到的广告", []),
]


@pytest.mark.parametrize("text,expected", IM_PARAPHRASES)
def test_paraphrased_im_ids(text, expected):
    assert sorted(ims(text)) == sorted(expected)


def test_qq_number_is_not_a_phone():
    assert phones("QQ: 2218640915") == []


EMAILS = [
    ("联系邮箱：WangLei@163.com。", ["wanglei@163.com"]),
    ("Email: ahmed.hassan@gulfstar-trading.ae, cc purchase@gulfstar-trading.ae",
     ["ahmed.hassan@gulfstar-trading.ae", "purchase@gulfstar-trading.ae"]),
    ("ｅｍａｉｌ：ｌｉｌｙ＠１２６．ｃｏｍ", []),  # full-width: not an address anyone can mail as written
    ("book with our new forwarder: Kelly Tam, kelly.tam@oceanbridgelog.com", []),
    # The spec does not ask for obfuscated addresses ("name at domain dot com"): not taken.
    ("mail me: john at example dot com", []),
]


@pytest.mark.parametrize("text,expected", EMAILS)
def test_emails(text, expected):
    assert [f.value for f in extract_emails(ctx_of(text))] == expected


def test_contact_spans_mask_numbers_and_links():
    text = "Tel 0531-88881234, see www.example.com/p?x=1 or mail a@b.com"
    ctx = ctx_of(text)
    assert "88881234" not in ctx.norm and "example" not in ctx.norm and "a@b.com" not in ctx.norm
    assert ctx.plain == text  # contact extractors read the unmasked text


def test_a_link_ends_where_chinese_text_follows_it():
    text = "请访问www.eps.gov.hk/tender下载标书，数量500件，交期2026年3月20日前"
    ctx = ctx_of(text)
    assert "eps.gov" not in ctx.norm
    assert "下载标书,数量500件,交期2026年3月20日前" in ctx.norm


@pytest.mark.parametrize("text,expected", [
    ("報價單：１０ｍｍ螺絲", "报价单:10mm螺丝"),
    ("乾燥劑、乾隆", "干燥剂、乾隆"),
    ("plain ASCII text 123", "plain ASCII text 123"),
    ("简体中文不变", "简体中文不变"),
])
def test_for_matching_keeps_length(text, expected):
    out = for_matching(text)
    assert out == expected and len(out) == len(text)


HOSTILE = {
    "digits": "1234567890" * 100_000,
    "emails": " ".join(f"user{i}@mail{i % 97}.example.com" for i in range(10_000)),
    "phones": "电话13905316789，" * 20_000,
    "separators": "1,2,3,4,5-6-7-8/9/0 " * 20_000,
    "brackets": "(0531) (" * 50_000,
    "labels": "微信：" * 50_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_contacts_run_in_linear_time(name):
    text = HOSTILE[name]
    start = time.process_time()
    ctx = Context.build(text)
    ctx.mask(contact_spans(ctx))
    extract_emails(ctx), extract_phones(ctx), extract_fax(ctx), extract_ims(ctx)
    assert time.process_time() - start < 2.0


# A relay service's sender (web form, web shop, social network, e-procurement network) is not
# the customer's address; a look-alike domain is the sender's own.
RELAYS = [
    ("no-reply@wixforms.com", True), ("form-submission@squarespace.info", True), ("mailer@shopify.com", True),
    ("messaging-digest-noreply@linkedin.com", True), ("ordersender-prod@ansmtp.ariba.com", True),
    ("do_not_reply@northbeam.coupahost.com", True), ("b2b-notice@baidu.com", True), ("rfq@notify.qicaitong.cn", True),
    ("supplier-enablement@ariba-network-suppliers.com", False), ("service@alibaba-inquiry-center.com", False),
    ("sabine.vogt@hoffmann-antrieb.de", False), ("ops@notlinkedin.com", False),
]


@pytest.mark.parametrize("address,relay", RELAYS)
def test_relay_senders(address, relay):
    assert is_relay(address) is relay


# Addresses are searched only shortly before each "@": the spans must be those of a scan of the
# whole text (local parts of 64 characters and more, several "@", "@" that start no address).
@pytest.mark.parametrize("text", [
    "x" * 500 + " mail me: " + "a" * 64 + "@b.com and " + "c" * 65 + "@d.com",
    "a@b.co@c.com, @@, kay@x.io;li@y.cn   @ 5 usd, Ann@Example.COM.",
    "price @ USD 5 " * 50 + "sales@factory-a.com.cn",
    "no at sign at all",
    "@start@x.com end@y.org@",
])
def test_email_spans_equal_a_whole_scan(text):
    from inquiry_nlp.extract.contacts import EMAIL, _email_spans

    assert _email_spans(text) == [m.span() for m in EMAIL.finditer(text)]
