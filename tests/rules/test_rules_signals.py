"""Fraud signal rules on real-world phrasings (zh-Hans, zh-Hant, English): positives and the
legitimate look-alikes that must not fire."""
from __future__ import annotations

import pytest

from inquiry_nlp.extract import extract_thread
from inquiry_nlp.mail import Owner, build_threads, split_body
from inquiry_nlp.mail.parse import parse_mail
from inquiry_nlp.rules import evaluate, load_rules
from mailfactory import message

US = "sales@hongli-fasteners.com"
RULES = load_rules()


def codes(body: str, sender: str = "buyer@example.com", subject: str = "询价") -> set[str]:
    m = parse_mail(message(body, subject=subject, sender=sender, to=US, msgid="<0@example.com>"), "t", 0)
    m.parts = split_body(m.body)
    threads, _ = build_threads([m], Owner.from_config([US]))
    return set(evaluate(threads[0], extract_thread(threads[0]), RULES).by_code)


CASES = [
    # fee_request: a fee we must pay to get the order
    ("fee_request", True, "请于3个工作日内缴纳入库审核费1800元，逾期视为自动放弃。"),
    ("fee_request", True, "依規定，得標廠商須先完成供應商資格登錄，登錄費新台幣 15,000 元，請匯入下列帳戶。"),
    ("fee_request", True, "合作的话采购部这边按行规每单返3个点，打到我个人卡上。"),
    ("fee_request", True, "Audit fee USD 1,280 is payable by the supplier directly to AQCS, our appointed third-party."),
    ("fee_request", True, "Our project director needs 5% commission before he signs the contract."),
    ("fee_request", False, "关于返点，我们希望返点从3%提到4%，其他条款不变。"),
    ("fee_request", False, "样品运费由我们承担，请用顺丰到付。"),
    # payment_anomaly
    ("payment_anomaly", True, "我们会计操作失误转多了，多转了18000元，麻烦退到财务个人卡上。"),
    ("payment_anomaly", True, "Our Barclays account is under audit, please refund the duplicate to our new account."),
    ("payment_anomaly", True, "My client will pay by certified cheque; deduct your money and send the balance to my shipper."),
    ("payment_anomaly", False, "Payment: 30% T/T deposit, balance against copy of B/L to our company account."),
    # samples_upfront
    ("samples_upfront", True, "请把你们所有的液压产品各寄3个样品给我们，快递费你们先出。"),
    ("samples_upfront", True, "請將貴公司網站上所有款式的樣品（每款各 2 件）免費寄到以下地址。"),
    ("samples_upfront", True, "Kindly send us samples of each of your products via DHL at your own cost."),
    ("samples_upfront", False, "请先寄样品（各 2 条）到台北总部，样品费和运费我们付。"),
    ("samples_upfront", False, "Please send prices for 100 pcs of each model and tell me if you have INMETRO."),
    # unusual_request
    ("unusual_request", True, "LED灯泡30吨，请报每斤价格。"),
    ("unusual_request", True, "Please quote your price per kilogram for each pump type as we purchase by weight."),
    ("unusual_request", True, "报价单必须打印出来盖公章，用EMS寄过来，电子版我们财务不认。"),
    ("unusual_request", True, "Send your price list hard copy by DHL to our office, we do not accept PDF."),
    ("unusual_request", False, "方管 Q235B 100×100×4，每月约15吨，按吨报含税到厂价。"),
    ("unusual_request", False, "合同已盖章回传，扫描件见附件。"),
    # visit_pressure
    ("visit_pressure", True, "请贵公司负责人务必于本周五前来我公司面谈签订合同，过期将另选供应商。"),
    ("visit_pressure", True, "The contract must be signed in person at our Perth office by your director within 5 days."),
    ("visit_pressure", False, "请尽快排产，8月10号前必须到厂调试好。"),
    ("visit_pressure", False, "收到报价后三天内签合同，请尽快。"),
    # huge_order_no_detail
    ("huge_order_no_detail", True, "我们集团需要大量滤芯，预算150多万，型号很多，清单签合同时给你。"),
    ("huge_order_no_detail", True, "Your company has been shortlisted for the supply of medical consumables worth USD 3,450,000."),
    # unverifiable_identity
    ("unverifiable_identity", True, "Greetings from SABIC. Please quote the attached RFQ.\n\nAbdullah\nSABIC Procurement"),
]


@pytest.mark.parametrize("code,expected,body", CASES)
def test_fraud_signal_table(code, expected, body):
    sender = "procurement@sabic-suppliers.net" if code == "unverifiable_identity" else "buyer@example.com"
    assert (code in codes(body, sender=sender)) is expected


@pytest.mark.parametrize("sender,expected", [
    ("purchasing@tzyongli-rnotor.com", True),        # rn imitates m: "motor"
    ("service@gn-ecaigou.top", True),                 # throw-away top-level domain
    ("vendor.registration@adnoc-supplychain.org", True),
    ("faisal@alotaibi-textiles.sa", False),           # a plural is not a look-alike
    ("lixiaoqing@haoyu-group.com.cn", False),          # -group is an ordinary company domain
    ("marcos.oliveira@acoslitoral.com.br", False),     # Aços Litoral: accents dropped, not a look-alike
])
def test_lookalike_sender_domains(sender, expected):
    body = "Please quote 500 pcs hex bolts M10x50.\n\nMarcos Oliveira\nAços Litoral Ltda"
    assert ("unverifiable_identity" in codes(body, sender=sender)) is expected


def test_webmail_company_needs_another_fraud_sign():
    legit = "请报价 M10x50 螺栓 5000 个，含税到济南。\n\n王磊\n山东恒泰机械有限公司"
    assert "unverifiable_identity" not in codes(legit, sender="wanglei@163.com")
    scam = legit + "\n\n另外，新供应商需缴纳入库审核费1800元。"
    assert {"fee_request", "unverifiable_identity"} <= codes(scam, sender="wanglei@163.com")


def test_template_notice_without_product_fires_and_named_product_does_not():
    assert "template_format" in codes("尊敬的供应商：\n附件是我司的采购订单，请查收并尽快确认价格及交期。")
    assert "template_format" not in codes("尊敬的供应商：\n请报价 304 不锈钢六角螺栓 M10x50 5000 个。")


SUPPORT_CASES = [
    # order_placed: payments reported, POs, signed contracts, paid sample orders, repeat orders
    ("order_placed", True, "样品费200元已经微信转你了，截图附件。地址：宁波市鄞州区首南街道天童南路588号。"),
    ("order_placed", True, "訂金 30% NT$ 45,000 今天已匯款，匯款單如附件，請查收。"),
    ("order_placed", True, "Deposit 30% USD 3,600 done, slip attached. 麻烦 confirm."),
    ("order_placed", True, "Advance payment of USD 11,457.60 has been remitted today from Meezan Bank, MT103 attached."),
    ("order_placed", True, "Payment of 212 € sent today by bank transfer (copy attached). Please ship as soon as possible."),
    ("order_placed", True, "合約已經簽名用印，掃描檔附上，正本今天寄出。"),
    ("order_placed", True, "采购订单PO-RT250514-07见附件，300件，单价按贵司报价。"),
    ("order_placed", True, "LC No. HBL/IMP/24/55871 issued today, at sight, USD 14,688, MT700 copy attached."),
    ("order_placed", True, "Can you send 2 paddles as samples? We will pay for the samples and the shipping, send a PayPal invoice."),
    ("order_placed", True, "Please repeat PO 2291 for 3 x 40' containers of ERW black steel pipe, same size mix."),
    ("order_placed", True, "还跟去年11月那单一样：22220CA/W33 C3 20套、22222CA/W33 C3 10套。"),
    ("order_placed", False, "收到报价后我们内部评估，下个月决定是否下单。"),
    ("order_placed", False, "正式落單後交期幾耐？"),
    ("order_placed", False, "请盖章回传对账单，如有差异请及时联系。"),
    ("order_placed", False, "Please send 2 boxes each size as samples, we will pay courier."),
    ("order_placed", False, "Payment terms: 30% deposit, balance to be paid before shipment."),
    ("order_placed", False, "首单 5000 个，合适的话后续每个月都有返单。"),
    # visited: a past visit, not a planned one
    ("visited", True, "上周五到贵司参观，看了你们的车铣复合和磨床，挺满意。"),
    ("visited", True, "多謝上星期四帶我哋參觀中山廠同 showroom。"),
    ("visited", True, "Thanks again to you and Mr. Liang for hosting Mark and me at your factory last Tuesday."),
    ("visited", False, "We plan to visit your factory in Jinan after the Canton Fair, around 23-24 October."),
    ("visited", False, "学院想在下学期组织学生到你们厂参观一次，时间你们定。"),
    ("visited", False, "等色卡到了我们看一下，没问题的话先打两套样。"),
    # decision_maker: the writer says they decide
    ("decision_maker", True, "我是温州一家阀门厂的老板，厂里要采购不锈钢内六角螺丝，A2-70，M8x25。"),
    ("decision_maker", True, "成個燈具 budget 大約 HK$18萬，我係項目負責人，呢單我話事。"),
    ("decision_maker", True, "I'm the founder of Stillpoint Yoga. I make all the buying decisions, so you can deal with me directly."),
    ("decision_maker", False, "Please quote 500 pcs hex bolts M10x50, our purchasing team will compare offers."),
    # decision_process: who decides, and when
    ("decision_process", True, "我们技术部和老板下周开会定，月底前希望能签合同。"),
    ("decision_process", True, "Your offer will be reviewed by our technical committee and the General Manager will approve the supplier by next week."),
    ("decision_process", False, "Lab dips approved: Khaki shade B, Navy shade A. Please go ahead."),
]


@pytest.mark.parametrize("code,expected,body", SUPPORT_CASES)
def test_supporting_signal_table(code, expected, body):
    assert (code in codes(body)) is expected


def test_fraud_thread_gets_no_order_or_interest_signals():
    """A scam's 'deposit paid twice' is a payment anomaly, not an order placed."""
    body = ("Our finance team paid the deposit twice by mistake (USD 8,400). Our account is under audit, "
            "please refund the duplicate to our new account today.")
    got = codes(body)
    assert "payment_anomaly" in got
    assert "order_placed" not in got
