"""Fraud signal rules on real-world phrasings (zh-Hans, zh-Hant, English): positives and the
legitimate look-alikes that must not fire."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from inquiry_nlp.extract import extract_thread
from inquiry_nlp.mail import Owner, build_threads, split_body
from inquiry_nlp.mail.parse import parse_mail
from inquiry_nlp.rules import evaluate, load_rules
from mailfactory import message, multipart

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
    ("unusual_request", False, "老板你好，自攻螺丝按斤卖吗？多少钱一斤，我要50斤，发物流到温州。"),  # screws do sell by the jin
    ("unusual_request", True, "你们的LED面板灯多少钱一斤？我要两百斤。"),
    # visit_pressure
    ("visit_pressure", True, "请贵公司负责人务必于本周五前来我公司面谈签订合同，过期将另选供应商。"),
    ("visit_pressure", True, "The contract must be signed in person at our Perth office by your director within 5 days."),
    ("visit_pressure", False, "请尽快排产，8月10号前必须到厂调试好。"),
    ("visit_pressure", False, "收到报价后三天内签合同，请尽快。"),
    # Our own GM signs on return from a trip: no one is asked to come.
    ("visit_pressure", False, "合同需要我们总经理签字，他下周三出差回来，到时候走流程，签完第一时间发给你。"),
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
    fee = "\n新供应商需缴纳入库审核费1800元。"
    assert "template_format" in codes("尊敬的供应商：\n附件是我司的采购订单，请查收并尽快确认价格及交期。" + fee)
    assert "template_format" not in codes("尊敬的供应商：\n请报价 304 不锈钢六角螺栓 M10x50 5000 个。" + fee)


SUPPORT_CASES = [
    # order_placed: payments reported, POs, signed contracts, paid sample orders, repeat orders
    ("order_placed", True, "样品费200元已经微信转你了，截图附件。地址：宁波市鄞州区首南街道天童南路588号。"),
    ("order_placed", True, "Hi Lily,\nPaid the $120 sample fee via PayPal just now, pls ship this week."),
    ("order_placed", True, "Sample invoice received.\nPaid. Slip attached, pls arrange DHL."),
    ("order_placed", False, "Ever Paid a Bill You Knew Was Unfair?\nJoin our prepaid legal plan for a small monthly fee."),
    ("order_placed", False, "Paid too much for your phone bill last month? Switch to our plan today."),
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


# --- generalisation tables: fresh phrasings of each fraud signal by different writers ----------
# zh-Hans (formal / WeChat-casual), zh-Hant (Taiwan, Hong Kong, Cantonese), English (native, Indian,
# Nigerian, Gulf, Latin American, Russian, Chinese-English, all caps), each with look-alikes that must
# not fire.
FRAUD_PHRASINGS = [
    # fee_request: a fee, commission or gift we must pay to get the order
    ("fee_request", True, "按我司规定，新供应商须先办理合同公证，公证费人民币3600元由贵司承担。"),
    ("fee_request", True, "签约前需要贵方支付产品质量认证费8500元到我们合作的认证中心。"),
    ("fee_request", True, "我们领导比较讲究，来的时候准备点心意，你懂的。"),
    ("fee_request", True, "采购经理那边要打点一下，按货款的5%，单独转他微信。"),
    ("fee_request", True, "每台给我们经理留200块辛苦费，这个不走账。"),
    ("fee_request", True, "依本院採購規定，廠商需先繳交押標金新台幣5萬元方可參加議價。"),
    ("fee_request", True, "我哋經理話要先俾返啲茶錢佢，先至落單。"),
    ("fee_request", True, "货到港口后需要你们先垫付清关费用约4200美金，我们收货后再一起结算。"),
    ("fee_request", True, "需要贵司先承担进口许可证的办理费用，办好了马上下单。"),
    ("fee_request", True, "Before we can release the purchase order, your company is required to obtain a Certificate "
                          "of Conformity from our approved agency at a cost of USD 2,350."),
    ("fee_request", True, "You are to pay for the registration of your company as an approved contractor with the "
                          "Ministry, which costs N450,000 only."),
    ("fee_request", True, "The supplier shall bear the cost of SASO certification done by our nominated inspection "
                          "body before PO release."),
    ("fee_request", True, "Our purchase head expects 3% cut on every invoice, pls confirm then only we can proceed."),
    ("fee_request", True, "Also please arrange some gift for our GM (iPhone or similar), this is our custom here."),
    ("fee_request", True, "For signing contract you need pay the fee for registration in our ministry database, 900 EUR."),
    ("fee_request", True, "A small token of appreciation to the procurement committee will speed up the approval."),
    ("fee_request", True, "YOU WILL PAY FOR THE INSPECTION AT OUR AGENT OFFICE IN LAGOS BEFORE WE OPEN THE LC."),
    ("fee_request", True, "The kickback for our director is 4%, send it to his account before shipment."),
    ("fee_request", True, "Please remit the bid security of USD 5,000 to the account below to participate in the tender."),
    ("fee_request", True, "你们需要先交一笔供应商资质审查费，3000元，交了我们才能出采购单。"),
    ("fee_request", False, "样品费和快递费我们出，你们只管发货。"),
    ("fee_request", False, "The buyer will bear the inspection charges at SGS; please just have the goods ready."),
    ("fee_request", False, "Customs clearance at our side is handled by our own broker and we pay the duties."),
    ("fee_request", False, "Your quotation should include the cost of the CE certificate in the unit price."),
    ("fee_request", False, "请报含税价，运费我们自己安排，不需要你们出。"),
    # payment_anomaly: changed account, third party, overpayment refunds, odd channels, personal accounts
    ("payment_anomaly", True, "Please note our bank details have changed; kindly use the new beneficiary below for "
                              "all pending invoices."),
    ("payment_anomaly", True, "Due to an ongoing audit our HSBC account cannot receive funds at the moment, please "
                              "remit to our Dubai account instead."),
    ("payment_anomaly", True, "We made payment in excess by error, USD 3,200 more than the invoice. Kindly return the "
                              "extra to our agent."),
    ("payment_anomaly", True, "Payment will be effected by our sister concern in Hong Kong."),
    ("payment_anomaly", True, "Can I pay with Apple gift cards? It is easier for me."),
    ("payment_anomaly", True, "i will send the money thru WU in my cousin name, ok?"),
    ("payment_anomaly", True, "我们公司账户最近在做年检，这次定金先从我老婆的卡上转给你。"),
    ("payment_anomaly", True, "定金请转到我个人支付宝，公司账户下周才能用。"),
    ("payment_anomaly", True, "我们财务多打了2万过去，麻烦把多出来的退给我们指定的这个账户。"),
    ("payment_anomaly", True, "敝公司已更換收款帳戶，請將貨款匯至以下新帳戶。"),
    ("payment_anomaly", True, "我哋公司戶口凍結咗，可唔可以過數去我私人戶口？"),
    ("payment_anomaly", True, "货款由我们香港的合作公司代为支付。"),
    ("payment_anomaly", True, "货款会由我们的客户直接打给你们，收到后告诉我。"),
    ("payment_anomaly", True, "We will pay you in USDT (TRC20), no bank needed."),
    ("payment_anomaly", True, "Kindly pay the deposit into the account in the name of our director Mr. John Okafor."),
    ("payment_anomaly", True, "Our accountant made a mistake and sent double the amount, please refund the difference."),
    ("payment_anomaly", True, "Payment will go from third company in Kazakhstan because of the sanctions."),
    ("payment_anomaly", True, "I will send you a check of $48,500 which include the shipping, you pay my shipper from it."),
    ("payment_anomaly", True, "PLS DO NOT USE THE OLD ACCOUNT IN THE INVOICE, OUR NEW BANK ACCOUNT IS BELOW."),
    ("payment_anomaly", False, "Payment by T/T to our company account in Citibank as usual."),
    ("payment_anomaly", False, "请提供贵司的对公账户信息，我们安排付款。"),
    ("payment_anomaly", False, "We can pay via PayPal or Alibaba Trade Assurance, which do you prefer?"),
    ("payment_anomaly", False, "For the vendor registration please send us your bank account details on your letterhead."),
    ("payment_anomaly", False, "我们更换了新的包装供应商，所以外箱尺寸会有变化。"),
    ("payment_anomaly", False, "Balance 70% will be paid against copy of B/L from our company account."),
    # unverifiable_identity: content cases (sender given per case below)
    # samples_upfront: many free samples by courier at the very start
    ("samples_upfront", True, "请寄一套全系列的样品过来，我们看了再决定，到付不接受。"),
    ("samples_upfront", True, "每个规格先来两个样，免费的吧？我们是大客户。"),
    ("samples_upfront", True, "請先寄送全部型號樣品各一件至本公司，費用請貴司吸收。"),
    ("samples_upfront", True, "可唔可以每款寄幾個sample俾我哋睇下？唔收運費嘛。"),
    ("samples_upfront", True, "Before we go ahead we need one sample of every item in your catalogue, send by DHL."),
    ("samples_upfront", True, "Send your complete range of samples free by express courier to our Lagos address."),
    ("samples_upfront", True, "Pls send 10 pcs each sample of all size FOC, we check quality then order."),
    ("samples_upfront", True, "Kindly courier samples of your all products, courier charges will be borne by you."),
    ("samples_upfront", True, "We need free samples urgently to present to our client, courier at your cost."),
    ("samples_upfront", True, "样品你们先免费寄，我们测试合格后立马下大单。"),
    ("samples_upfront", True, "各色各寄一卷樣品，運費由貴司負擔。"),
    ("samples_upfront", True, "SAMPLES OF EACH DESIGN REQUIRED AT NO COST TO US."),
    ("samples_upfront", True, "Please send us sample of every your model for testing, free."),
    ("samples_upfront", True, "Could you send a few samples of your best sellers free of charge? Our policy is we "
                              "never pay for samples."),
    ("samples_upfront", True, "所有产品各寄一个样品给我们看看，快递费你们承担。"),
    ("samples_upfront", False, "We will pay for the samples and courier, please send 2 pcs of model X-200."),
    ("samples_upfront", False, "样品费我们出，快递到付就行。"),
    ("samples_upfront", False, "Do you charge for samples? What is the courier cost to Nairobi?"),
    ("samples_upfront", False, "請寄樣品兩件，樣品費及運費由我方支付。"),
    # unusual_request: weight pricing of piece goods, garbled product, paper by courier
    ("unusual_request", True, "你们的水泵多少钱一公斤？"),
    ("unusual_request", True, "LED筒灯按公斤报个价给我。"),
    ("unusual_request", True, "你们的轴承论吨卖吗？"),
    ("unusual_request", True, "請報每台冷氣機每公斤的價格。"),
    ("unusual_request", True, "What is your rate per kg for the ceiling fans?"),
    ("unusual_request", True, "We buy the smartphones by weight, how much per kilo?"),
    ("unusual_request", True, "请把产品目录纸质版顺丰寄过来，电子版我们看不了。"),
    ("unusual_request", True, "The quotation must be sent by DHL in original with wet stamp, email copy is not valid."),
    ("unusual_request", True, "Kindly courier us your company profile and catalogue in printed form."),
    ("unusual_request", True, "需要304不锈钢的塑料螺丝一批。"),
    ("unusual_request", True, "Send the proforma invoice by courier not by email, our bank needs the original."),
    ("unusual_request", True, "请寄三份盖章的原件报价单过来，传真和邮件都不行。"),
    ("unusual_request", True, "貴司產品可以按重量計價嗎？我們一般是論公斤收貨。"),
    ("unusual_request", True, "We need wooden stainless steel plastic hinges, all colour one colour."),
    ("unusual_request", True, "参数保密，合同签订时当面提供给贵司。"),
    ("unusual_request", True, "The item list is classified and cannot be sent by email; you will get it at the signing."),
    ("unusual_request", True, "For vendor enrolment send scanned passports of all your directors and a signatory specimen."),
    ("unusual_request", True, "請提供貴司負責人身分證正反面影本以便建檔。"),
    ("unusual_request", True, "pls make the PI value USD 90,000, not the real price, for my bank loan."),
    ("unusual_request", True, "我们只要按公斤的价格，LED灯管全部型号都要。"),
    ("unusual_request", False, "PP颗粒每吨什么价？"),
    ("unusual_request", False, "The drawings are confidential, we will send them after you sign our NDA by email."),
    ("unusual_request", False, "Our tender reference is TN-2291; specifications are in the attached PDF."),
    ("unusual_request", False, "图纸保密，请先签保密协议，我们再用邮件发给你们。"),
    ("unusual_request", False, "Please quote price per kg for SS304 coil 2B finish."),
    ("unusual_request", False, "After shipment please courier the original documents (B/L, CO, invoice) to our bank."),
    ("unusual_request", False, "What is the air freight rate per kg to Nairobi for the 3 cartons?"),
    ("unusual_request", False, "We will send the signed contract original by DHL for your records."),
    ("unusual_request", False, "请把PI的电子版发我邮箱，谢谢。"),
    # visit_pressure: we must travel to them to meet or sign, with urgency
    ("visit_pressure", True, "请贵司法人代表本周内携带公章和营业执照到我单位签订采购合同，否则视为放弃。"),
    ("visit_pressure", True, "老板明天必须过来一趟把合同签了，不然这单就给别人了。"),
    ("visit_pressure", True, "项目下周一开标，需要你们总经理亲自飞过来面谈。"),
    ("visit_pressure", True, "敬請貴公司負責人於三日內親赴本局辦理簽約手續，逾期不候。"),
    ("visit_pressure", True, "你哋老細一定要今個禮拜上嚟深圳同我哋老闆見面簽約。"),
    ("visit_pressure", True, "Your MD should come to Lagos before Friday to sign the supply agreement, otherwise we "
                             "will award it to the next bidder."),
    ("visit_pressure", True, "We require your physical presence at our head office in Accra for contract signing on "
                             "Monday."),
    ("visit_pressure", True, "Kindly arrange to fly down to Dubai this week so that we can finalise and sign the deal "
                             "with our chairman."),
    ("visit_pressure", True, "Please visit our office at Chennai immediately for agreement signing, the order will go "
                             "to other vendor if delay."),
    ("visit_pressure", True, "The signing must take place at our Moscow office, your representative must attend not "
                             "later than 20 March."),
    ("visit_pressure", True, "WE NEED YOUR CEO HERE IN KUWAIT NEXT WEEK FOR THE SIGNING OR WE CANCEL."),
    ("visit_pressure", True, "Your manager need to travel to Bogota for signature of contract before 15 days."),
    ("visit_pressure", True, "A face-to-face meeting is compulsory before award of the contract, latest this Thursday."),
    ("visit_pressure", False, "We plan to visit your factory next month, is that convenient?"),
    ("visit_pressure", False, "欢迎有空来我们公司参观交流。"),
    ("visit_pressure", False, "Our engineer will come to your factory to witness the test before shipment."),
    ("visit_pressure", False, "请于本周五前把盖章的合同扫描件发给我们。"),
    ("visit_pressure", False, "我下周去济南，方便的话到贵司当面谈谈细节。"),
    ("visit_pressure", False, "We will meet you at the Canton Fair, booth 12.1C15, to discuss the order."),
    ("visit_pressure", False, "If you can't come to the fair we can talk on video, no problem."),
    # huge_order_no_detail: a very large order settled before any detail
    ("huge_order_no_detail", True, "We want to order 80,000 pieces immediately, send proforma invoice today."),
    ("huge_order_no_detail", True, "我们公司决定采购贵司产品，总金额约500万元，具体型号以后再说。"),
    ("huge_order_no_detail", True, "Our ministry has approved a budget of USD 2.4 million for your products. Kindly send "
                                   "PI so we can process payment."),
    ("huge_order_no_detail", True, "我哋要落張大單，起碼幾百萬蚊，你哋有咩貨都要。"),
    ("huge_order_no_detail", True, "We need 40 containers of your products urgently, send PI."),
    ("huge_order_no_detail", True, "Need 100000 units any model ok, send PI now."),
    ("huge_order_no_detail", True, "I have a contract to supply 500,000 pcs to the Federal Government, send invoice for "
                                   "payment."),
    ("huge_order_no_detail", True, "We ready to buy 3 mln pcs of your goods, please send contract."),
    ("huge_order_no_detail", True, "我们要订一千万元的货，先把合同发过来。"),
    ("huge_order_no_detail", True, "大单！公司急需30万套，价格你们定，马上签合同。"),
    ("huge_order_no_detail", True, "We have an order worth 5 crore for your company, kindly send the agreement."),
    ("huge_order_no_detail", False, "Please quote 50,000 pcs M10x50 hex bolts, DIN933, zinc plated, packing 25kg/ctn, "
                                    "CIF Mombasa."),
    ("huge_order_no_detail", False, "Our annual use is about 2 million pcs of 6204-2RS bearings; we'd like a trial order "
                                    "of 5,000 with test reports."),
    ("huge_order_no_detail", False, "我司年销售额上亿，现需采购 M8 不锈钢螺丝 5000 个，304 材质，请报价。"),
    # template_format: an over-formal generic template with no detail about our product
    ("template_format", True, "Dear Sir/Madam,\nGood day. We are interested in your products and would like to place "
                              "an order. Kindly send us your catalogue and best price list.\nBest Regards"),
    ("template_format", True, "Hello Sir, We saw your company profile on internet and we are interested to purchase "
                              "your product. Please send us your product catalog with FOB price. Thanks"),
    ("template_format", True, "Greetings of the day! We want to make an inquiry for your products. Please forward the "
                              "full product catalogue and price list."),
    ("template_format", True, "您好！我司对贵公司产品非常感兴趣，烦请发送最新产品目录及报价单，谢谢！"),
    ("template_format", True, "本公司對貴公司之產品深感興趣，懇請惠寄產品型錄及價目表。"),
    ("template_format", True, "Respected Sir, We are glad to inform you that we are interested in importing your goods. "
                              "Kindly furnish us with your latest catalogue along with price list at the earliest."),
    ("template_format", True, "DEAR SIR, PLEASE SEND YOUR CATALOGUE AND PRICE LIST FOR OUR NEW ORDER. REGARDS"),
    ("template_format", True, "Good day, I got your contact from Alibaba, kindly send your products list and pricing."),
    ("template_format", True, "尊敬的先生/女士：我们是一家国际贸易公司，希望与贵司建立长期合作关系，请发送贵司产品目录。"),
    ("template_format", True, "Good afternoon! Our company interesting in your production. Please send catalog and price."),
    ("template_format", True, "Dear Sirs, we are very interested in their products, please send us a catalog and prices."),
    ("template_format", True, "Compliments of the season. We are interested in your product and we need your catalog "
                              "for our next order."),
    ("template_format", False, "Dear Sir, please quote 2,000 pcs M12x60 hex bolts, grade 8.8, zinc plated."),
    ("template_format", False, "Hi Anna, thanks for the catalogue from the fair. Please quote 200 pcs of the 304 ball "
                               "valves DN50."),
    ("template_format", False, "请提供贵司不锈钢法兰的产品目录和价格表，DN100 PN16。"),
    # a plain catalogue request in a writer's own words is a grade-4 enquiry, not a mass-mailed template
    ("template_format", False, "贵司好，我们在网上看到你们的产品，想采购一批，麻烦把产品画册和价格表发一份。"),
    ("template_format", False, "Hello, we run a small hardware shop in Nakuru. Please send your catalogue with prices."),
]


# A template letter counts only in a thread with another fraud sign: this fee demand supplies one.
FEE_SIGN = "\n\nNew suppliers must pay the vendor registration fee of USD 300 before the order."


@pytest.mark.parametrize("code,expected,body", FRAUD_PHRASINGS)
def test_fraud_phrasings(code, expected, body):
    if code == "template_format":
        body += FEE_SIGN
    assert (code in codes(body)) is expected


@pytest.mark.parametrize("body", [
    "Dear Sir/Madam,\nWe are a distributor in Hanoi. Please send us your catalogue and price list.",
    "Dear Sir or Madam,\nI am a master's student; would you fill in a 10-minute questionnaire by March 10?",
    "您好！我司对贵公司产品非常感兴趣，烦请发送最新产品目录及报价单，谢谢！",
    "尊敬的供应商：\n附件是我司的采购订单，请查收并尽快确认价格及交期。",
])
def test_template_alone_is_not_a_fraud_sign(body):
    assert "template_format" not in codes(body)
    assert "template_format" in codes(body + FEE_SIGN)


@pytest.mark.parametrize("sender,body,expected", [
    ("procurement.shell@gmail.com", "We are Shell Nigeria, kindly quote for your products.", True),
    ("ahmed.k@outlook.com", "Please quote the items below.\n\nAhmed Khalil\nProcurement Manager\n"
                            "Emirates National Oil Company", True),
    ("purchase@siemens-energy-procurement.com", "Please send your best price for the attached RFQ.", True),
    ("zhongshiyou_caigou@163.com", "我们是中国石油物资采购中心，现有一批采购需求，请报价。", True),
    ("wang.bj@qq.com", "我们是国家电网下属单位，现需采购一批配件，请尽快报价。", True),
    ("chen.tw@gmail.com", "本公司為台灣前三大電子代工集團之一，擬採購一批零件。", True),
    ("kofi.imports@yahoo.com", "We are one of the largest importers in West Africa, send your price list.", True),
    ("j.miller@hotmail.com", "Please quote.\n\nJohn Miller\nSourcing Manager, Walmart Inc.", True),
    ("petrobras.compras@outlook.com", "Please quote the attached list.\n\nCompras Petrobras", True),
    ("jim.hardware@gmail.com", "Please quote 500 hex bolts M10.\n\nJim\nJim's Hardware, a small family shop", False),
    ("xiaowang88@qq.com", "我们是一家小贸易公司，需要M8螺丝5000个，请报价。", False),
    ("li.wei@haitian-group.com", "请报价。\n\n李伟\nHaitian International Holdings", False),
    ("sam.brand@gmail.com", "We are a small brand that sells on Amazon, need 300 pcs of your yoga mats.", False),
    ("old.tech@gmail.com", "I worked at Siemens for 10 years and now run my own workshop; need 20 bearings 6204.", False),
])
def test_identity_phrasings(sender, body, expected):
    assert ("unverifiable_identity" in codes(body, sender=sender)) is expected


def codes_raw(raw: bytes) -> set[str]:
    m = parse_mail(raw, "t", 0)
    m.parts = split_body(m.body)
    threads, _ = build_threads([m], Owner.from_config([US]))
    return set(evaluate(threads[0], extract_thread(threads[0]), RULES).by_code)


@pytest.mark.parametrize("filename,expected", [
    ("PO#4471.pdf.exe", True), ("Purchase_Order_2026.zip", True), ("RFQ-list.html", True), ("Invoice.img", True),
    ("订单明细.rar", True), ("询价单.7z", True), ("Quotation Request.iso", True), ("採購單.htm", True),
    ("New Order.r00", True), ("PO_SCAN.jpg.scr", True), ("Payment Copy.arj", True), ("TT copy.zip", True),
    ("采购清单.zip", True), ("Purchase Contract.rar", True), ("SWIFT MT103.gz", True),
    ("PO_4471.pdf", False), ("Order.xlsx", False), ("询价单.docx", False), ("company_profile.pdf", False),
    ("photos.jpg", False),
])
def test_attachment_names(filename, expected):
    param = f'filename="{filename}"' if filename.isascii() else f"filename*=UTF-8''{quote(filename)}"  # RFC 2231
    raw = multipart([("text/plain; charset=utf-8", "", "Please see attached and confirm.".encode()),
                     ("application/octet-stream", f"Content-Disposition: attachment; {param}", b"AAAA")],
                    sender="buyer@example.com", to=US, msgid="<0@example.com>")
    assert ("risky_attachment" in codes_raw(raw)) is expected


@pytest.mark.parametrize("text,href,expected", [
    ("View Order", "https://docs.google.com/forms/d/e/1FAIpQL/viewform", True),
    ("Download RFQ", "https://rfq-files.web.app/login.html", True),
    ("https://www.alibaba.com/rfq/123", "http://alibaba-rfq.top/confirm", True),
    ("点击查看订单", "https://pan.baidu.com/s/1xYz", True),
    ("查看附件", "https://mail-verify.xyz/owa/auth.html", True),
    ("點擊查閱訂單", "https://1drv.ms/b/s!AbC", True),
    ("Click here to open the PDF", "https://bit.ly/3xYzAb", True),
    ("Access secure document", "https://secure-docs.ru/auth/index.php", True),
    ("Review attachment", "https://ipfs.io/ipfs/QmXyz", True),
    ("www.acme-tools.com", "https://www.acme-tools.com", False),
    ("Our product page", "https://www.acme-tools.com/products/bolts", False),
    ("LinkedIn", "https://www.linkedin.com/in/johnsmith", False),
])
def test_document_links(text, href, expected):
    html = f'<html><body><p>Dear supplier, please see our order.</p><a href="{href}">{text}</a></body></html>'
    raw = message(html, content_type="text/html; charset=utf-8", sender="buyer@example.com", to=US,
                  msgid="<0@example.com>")
    assert ("phishing_link" in codes_raw(raw)) is expected


@pytest.mark.parametrize("body,expected", [
    ("Please view the PO here: https://wetransfer.com/downloads/8a7f6e", True),
    ("订单详情请在这里下载 https://share.weiyun.com/5AbCdEf", True),
    ("Our website: https://www.acme-tools.com, please quote 500 pcs M10 bolts.", False),
])
def test_plain_text_document_links(body, expected):
    assert ("phishing_link" in codes(body)) is expected


# Supporting signals as other writers put them: zh-Hans (formal, WeChat-casual), zh-Hant (Taiwan,
# Hong Kong Cantonese), English (native, Indian, Nigerian, Gulf, Latin American, Chinese-English, all caps,
# no punctuation) and mixed; each kind with look-alike negatives (plans, questions, other meanings).
GEN_SUPPORT_CASES = [
    # order_placed
    ('order_placed', True, '货款昨天下午已经通过对公账户汇出，请查收后安排发货。'),
    ('order_placed', True, '老板已经把定金打过去了，你查一下到账没有'),
    ('order_placed', True, '订单我刚在阿里巴巴上拍下了，麻烦尽快发货哈'),
    ('order_placed', True, '合同我们已签字盖章，原件随货寄回即可。'),
    ('order_placed', True, '30%訂金已於今早電匯，水單請見附件。'),
    ('order_placed', True, '我哋已經落咗單，PO 喺附件，唔該確認交期。'),
    ('order_placed', True, '按上回的单子再来两柜，规格不变。'),
    ('order_placed', True, 'We have wired the 30% advance this morning, please find the bank slip attached.'),
    ('order_placed', True, 'Kindly find attached our PO No. 4500123987 for 2,000 pcs, please acknowledge receipt.'),
    ('order_placed', True, 'PAYMENT DONE TODAY PLS CHECK AND SHIP ASAP'),
    ('order_placed', True, 'we have transfered the balance amount yesterday kindly confirm receipt and share BL copy'),
    ('order_placed', True, 'Sir, the advance has been paid through our bank, kindly check and revert.'),
    ('order_placed', True, 'I have signed the proforma invoice and sent it back, deposit will follow tomorrow.'),
    ('order_placed', True, 'Our purchase order 7781 was released to you on Monday.'),
    ('order_placed', True, 'Please invoice us for the 3 samples, we will pay by PayPal once we get it.'),
    ('order_placed', True, 'Same as our last shipment please, 1x40HQ, same packing.'),
    ('order_placed', True, 'Deposito de 30% enviado hoy, adjunto comprobante. Thanks my friend.'),
    ('order_placed', True, '首批货款50%已付，请安排生产。'),
    ('order_placed', True, 'PI已回签，定金明天打。'),
    ('order_placed', True, '貨款已經過數，麻煩查收。'),
    ('order_placed', True, "We've settled the invoice in full today via Wise."),
    ('order_placed', True, 'TT copy for the 40% advance enclosed, kindly start production.'),
    ('order_placed', True, 'please find enclosed the signed sales contract'),
    ('order_placed', True, 'Order confirmed for 500 sets as per your PI 2024-118.'),
    ('order_placed', True, '昨天已经把首款转到贵司对公账户了，回单发你微信。'),
    ('order_placed', True, 'We have issued PO#88120 today, please confirm the ETD.'),
    ('order_placed', True, 'Balance payment effected, kindly release the BL.'),
    ('order_placed', True, '已經喺淘寶拍咗，麻煩盡快寄出。'),
    ('order_placed', False, 'If the price is right we will place the order next month.'),
    ('order_placed', False, 'Once we receive your PI we will arrange the deposit.'),
    ('order_placed', False, 'What is your payment term? We normally pay 30% deposit.'),
    ('order_placed', False, 'Do you accept sample order? What is the sample cost?'),
    ('order_placed', False, '等样品确认后再下单。'),
    ('order_placed', False, '下单前想先确认一下交期。'),
    ('order_placed', False, '定金付多少？尾款可以见提单复印件付吗？'),
    ('order_placed', False, '我们打算下个月下单，先报个价。'),
    ('order_placed', False, 'Have you received the drawing? Please quote.'),
    ('order_placed', False, 'Please send the PI so we can arrange payment.'),
    ('order_placed', False, '我们收到货后再付尾款。'),
    ('order_placed', False, 'Will you send the contract for signing?'),
    ('order_placed', False, 'When can you send the invoice? We plan to pay next week.'),
    ('order_placed', False, '如果价格合适，我们这周就下单。'),
    # visited
    ('visited', True, '上个月我们老板去你们厂看过，对生产线印象不错。'),
    ('visited', True, '前两天在贵司展厅看的那款灯，麻烦报个价。'),
    ('visited', True, '感谢上周在贵厂的热情接待。'),
    ('visited', True, '上次拜訪貴公司時看到的那台機器，想再了解一下。'),
    ('visited', True, 'It was a pleasure meeting your team at the factory last week.'),
    ('visited', True, 'Following our visit to your plant in Jinan on 12 March, please send the revised offer.'),
    ('visited', True, 'after visiting your factory yesterday we are satisfied with the quality'),
    ('visited', True, 'Thank you for the warm welcome during our visit to your company.'),
    ('visited', True, 'I came to your showroom last month and saw the blue sofa set.'),
    ('visited', True, '上礼拜去你们车间转了一圈，工人挺规范的。'),
    ('visited', True, 'We enjoyed the tour of your production line on Tuesday.'),
    ('visited', True, 'Great to see your facility in person last month.'),
    ('visited', True, 'Mr. Chen showed us around your workshop last Thursday, very impressive.'),
    ('visited', True, '上回去贵公司考察，见到你们的自动化产线。'),
    ('visited', False, 'We would like to visit your factory next month, is that possible?'),
    ('visited', False, 'Can we visit your factory during the Canton Fair?'),
    ('visited', False, '下个月计划去贵司参观，方便吗？'),
    ('visited', False, '欢迎来我们工厂参观。'),
    ('visited', False, 'Please visit our website for more information.'),
    ('visited', False, 'Thank you for visiting our booth at the fair.'),
    ('visited', False, 'Is it possible to tour your production line next week?'),
    ('visited', False, 'We will come to your factory for inspection before shipment.'),
    ('visited', False, '我们下周去广州，顺便想去贵厂看看。'),
    # decision_maker
    ('decision_maker', True, '本人是公司法人，采购的事我说了算。'),
    ('decision_maker', True, '我是这家店的老板，直接跟我谈就行。'),
    ('decision_maker', True, '我係老闆，價錢啱就即刻落單。'),
    ('decision_maker', True, 'I am the owner of this company and I decide on suppliers.'),
    ('decision_maker', True, 'As the Managing Director I have full authority to approve this purchase.'),
    ('decision_maker', True, 'i am the CEO of the company i take the decision'),
    ('decision_maker', True, "I'm the head of procurement at Delta Foods."),
    ('decision_maker', True, 'This is the procurement manager of Al Noor Trading, I am responsible for sourcing.'),
    ('decision_maker', True, '本人係公司負責人，有問題直接同我講。'),
    ('decision_maker', True, 'I own the shop and handle all purchasing myself.'),
    ('decision_maker', True, 'Owner & Managing Partner\nRiverside Interiors LLC'),
    ('decision_maker', True, '我是采购部负责人，这个项目我定。'),
    ('decision_maker', True, 'Im the owner, I decide fast if price is good.'),
    ('decision_maker', False, 'I will forward your quotation to our purchasing manager.'),
    ('decision_maker', False, '我们老板说价格太高了。'),
    ('decision_maker', False, 'I am writing on behalf of my boss.'),
    ('decision_maker', False, 'Please contact our general manager Mr. Wang for the contract.'),
    ('decision_maker', False, 'Our owner will be travelling next week.'),
    ('decision_maker', False, 'Our owner asked me to collect three quotes.'),
    # decision_process
    ('decision_process', True, '报价我先发给总经理审批，批下来就通知您。'),
    ('decision_process', True, '这个要等老板回来才能定，他下周三回国。'),
    ('decision_process', True, '我们内部要走比价流程，至少三家报价。'),
    ('decision_process', True, '要等我老細睇過先可以決定。'),
    ('decision_process', True, 'I need to get approval from my director before we proceed.'),
    ('decision_process', True, 'The final decision will be made by our board at the end of the month.'),
    ('decision_process', True, 'our manager will check your offer and revert by friday'),
    ('decision_process', True, 'Management will decide after the trial run in August.'),
    ('decision_process', True, 'We are comparing offers from three suppliers and will decide next week.'),
    ('decision_process', True, '报价先给我们工程部评估，大概两周出结果。'),
    ('decision_process', True, '需要跟合伙人商量一下再答复你。'),
    ('decision_process', True, 'The tender closes on 30 June and award will be announced in July.'),
    ('decision_process', True, 'I have to run this by my partner before committing.'),
    ('decision_process', True, '最终要业主方确认，预计月底前定。'),
    ('decision_process', True, 'Once our QA team approves the samples we will proceed with the order.'),
    ('decision_process', False, 'Please decide the color and let me know.'),
    ('decision_process', False, 'Our engineers designed this part last year.'),
    ('decision_process', False, '你们决定吧，我们都可以。'),
    ('decision_process', False, 'We decided to use blue instead of red.'),
    ('decision_process', False, 'We approve your drawing, go ahead.'),
    # recurring_need
    ('recurring_need', True, '我们一个月大概要用2000个，长期要货。'),
    ('recurring_need', True, '每個禮拜都要補貨，量不大但很穩定。'),
    ('recurring_need', True, '一年下来大概需要8个柜。'),
    ('recurring_need', True, '这个是常用件，我们会定期采购。'),
    ('recurring_need', True, 'We consume about 5 tons a month of this resin.'),
    ('recurring_need', True, 'This is for our ongoing production, we need 3 containers every quarter.'),
    ('recurring_need', True, 'we will order regularly if the quality is good'),
    ('recurring_need', True, 'Our annual requirement is around 15,000 pcs.'),
    ('recurring_need', True, 'We are looking for a supplier for continuous orders throughout the year.'),
    ('recurring_need', True, '我们门店每次补货大概200件，一年补四五次。'),
    ('recurring_need', True, 'We go through roughly 300 rolls monthly.'),
    ('recurring_need', True, 'Looking for a long term partner for our monthly requirement.'),
    ('recurring_need', True, 'we buy this item twice a year'),
    ('recurring_need', True, '以后每批大概300套，一年三四批。'),
    ('recurring_need', True, 'This will be a recurring order, roughly every 6 weeks.'),
    ('recurring_need', False, 'This is a one-time purchase for a single project.'),
    ('recurring_need', False, '我们只要一次，不是长期的。'),
    ('recurring_need', False, 'Our company was founded 20 years ago.'),
    ('recurring_need', False, 'Please deliver within a month.'),
    ('recurring_need', False, 'We had a problem with an order a year ago.'),
    ('recurring_need', False, 'The last order was a year ago.'),
    # switching_supplier
    ('switching_supplier', True, '现在用的那家质量不稳定，想换一家。'),
    ('switching_supplier', True, '我们想多找一家供货的，分散一下风险。'),
    ('switching_supplier', True, '原來的廠家不做了，所以在找替代的。'),
    ('switching_supplier', True, 'We are not happy with our present supplier and are looking for a replacement.'),
    ('switching_supplier', True, 'We want to diversify our supply base and add a Chinese manufacturer.'),
    ('switching_supplier', True, 'our existing supplier has raised prices so we are looking at other options'),
    ('switching_supplier', True, 'We currently buy from Turkey but want to move our sourcing to China.'),
    ('switching_supplier', True, 'Looking for an alternative to our current vendor in India.'),
    ('switching_supplier', True, '我们以前一直在义乌拿货，现在想直接找工厂。'),
    ('switching_supplier', True, 'We are not satisfied with the quality from our Vietnamese vendor.'),
    ('switching_supplier', True, "We'd like to have a second option besides our main supplier."),
    ('switching_supplier', True, '目前的供货商价格一直在涨，考虑更换。'),
    ('switching_supplier', True, 'We are evaluating new sources for this part due to tariffs.'),
    ('switching_supplier', False, 'We have been your customer for 5 years.'),
    ('switching_supplier', False, 'Are you a manufacturer or a trading company?'),
    ('switching_supplier', False, 'Please switch off the machine before cleaning.'),
    ('switching_supplier', False, 'Our supplier code is 4471, please put it on the invoice.'),
    ('switching_supplier', False, 'Please send your company profile.'),
    # budget_given
    ('budget_given', True, '这批货总共能花的钱在5万以内。'),
    ('budget_given', True, '我们这边预留了20万左右。'),
    ('budget_given', True, '總價控制在10萬元內最好。'),
    ('budget_given', True, 'Our budget for this project is around USD 50,000.'),
    ('budget_given', True, 'We have approx 20k EUR allocated for the first order.'),
    ('budget_given', True, 'the most we can spend on this is around 15k'),
    ('budget_given', True, 'Total spend should not exceed USD 8,000.'),
    ('budget_given', True, '整个项目我们准备投入大概80万。'),
    ('budget_given', True, 'Our spending limit for this batch is USD 12,000.'),
    ('budget_given', True, 'The client approved a budget of AED 150k for the lighting.'),
    ('budget_given', True, '这个项目的预算是30万以内。'),
    ('budget_given', True, 'We have around USD 25,000 to spend on the first container.'),
    ('budget_given', False, 'Please quote your best price.'),
    ('budget_given', False, 'Budget hotels near your factory?'),
    ('budget_given', False, 'Please quote within a week.'),
    ('budget_given', False, 'What is your MOQ?'),
    # accepts_logistics
    ('accepts_logistics', True, '我们有自己的货代在青岛，你们送到仓库就行。'),
    ('accepts_logistics', True, '你们发到广州我们指定的物流点就可以。'),
    ('accepts_logistics', True, '運費到付，用順豐。'),
    ('accepts_logistics', True, 'Please ship to our forwarder in Shenzhen, I will send the address.'),
    ('accepts_logistics', True, 'FOB Ningbo is fine with us, our agent will handle the rest.'),
    ('accepts_logistics', True, 'Use my FedEx account 123456789 for the samples.'),
    ('accepts_logistics', True, 'we will collect the goods from your warehouse ourselves'),
    ('accepts_logistics', True, 'CIF Lagos please, our clearing agent will take over at the port.'),
    ('accepts_logistics', True, '货好了我们派司机过来拉。'),
    ('accepts_logistics', True, 'Send via my DHL account no. 960123456.'),
    ('accepts_logistics', True, 'EXW your factory is ok, our agent in Yiwu will collect.'),
    ('accepts_logistics', True, 'FOB Shanghai works for us.'),
    ('accepts_logistics', True, '我们自己安排车去你们仓库提。'),
    ('accepts_logistics', False, 'What is the shipping cost to Lagos?'),
    ('accepts_logistics', False, 'Do you have a forwarder you can recommend?'),
    ('accepts_logistics', False, '运费怎么算？'),
    ('accepts_logistics', False, 'Can you ship by sea or only by air?'),
    ('accepts_logistics', False, 'Which port is closest to your factory?'),
    # purpose_given
    ('purpose_given', True, '这批螺栓是给钢结构厂房用的。'),
    ('purpose_given', True, '装在户外路灯上，要防水。'),
    ('purpose_given', True, 'We need them for a hospital renovation in Doha.'),
    ('purpose_given', True, 'These pumps will be installed in a water treatment plant.'),
    ('purpose_given', True, 'for our new restaurant chain opening in june'),
    ('purpose_given', True, 'The cable is intended for solar farm wiring.'),
    ('purpose_given', True, '主要用在食品厂的输送线上。'),
    ('purpose_given', True, 'These are for resale in our 12 pharmacies.'),
    ('purpose_given', True, 'We need the panels for a rooftop solar installation.'),
    ('purpose_given', True, '做展会的展品用，数量不多。'),
    ('purpose_given', True, "We'll use them as corporate gifts for our clients."),
    ('purpose_given', False, 'Please quote 500 pcs.'),
    ('purpose_given', False, 'For more information please contact me.'),
    ('purpose_given', False, 'Please use the attached drawing.'),
    ('purpose_given', False, 'We use PayPal for small orders.'),
    # detail_interest
    ('detail_interest', True, '有没有CE和ISO证书？包装是纸箱还是木箱？'),
    ('detail_interest', True, '可以印我们的商标吗？'),
    ('detail_interest', True, '幾耐可以出貨？保養幾多年？'),
    ('detail_interest', True, 'Can you do our brand name on the box?'),
    ('detail_interest', True, 'What is the delivery lead time and do you offer any warranty?'),
    ('detail_interest', True, 'Do you accept LC at sight or only TT?'),
    ('detail_interest', True, 'how many pcs fit in one carton and what is the carton size'),
    ('detail_interest', True, '能做OEM吗？最小起订量多少？'),
    ('detail_interest', True, 'What certifications do your products carry?'),
    ('detail_interest', True, 'can you print our logo on the bag'),
    ('detail_interest', True, '请问有没有SGS的检测报告？'),
    ('detail_interest', True, 'Can the packaging be customized with our artwork?'),
    ('detail_interest', False, 'Please quote 500 pcs hex bolts M10.'),
    ('detail_interest', False, 'Please quote 2000 pcs of M12 nuts.'),
    ('detail_interest', False, 'Please quote 50 sets.'),
    # price_request
    ('price_request', True, '这个怎么卖？'),
    ('price_request', True, '麻烦发个报价单过来。'),
    ('price_request', True, '幾錢一個？'),
    ('price_request', True, 'Kindly revert with your best rates.'),
    ('price_request', True, 'pls send ur best price for 1000pcs'),
    ('price_request', True, 'What would be the unit cost for 500 units CIF Mombasa?'),
    ('price_request', True, '請問單價多少？'),
    ('price_request', True, "What's your rate for 1x20GP?"),
    ('price_request', True, 'Send me the price pls'),
    ('price_request', True, 'Can you give me a ballpark figure for 10k units?'),
    ('price_request', True, '麻烦给个出厂价。'),
    ('price_request', False, 'Thank you for your quotation, we will review it.'),
    ('price_request', False, 'The price is ok, please proceed.'),
    ('price_request', False, 'We received your price list, thank you.'),
    ('price_request', False, 'We have already paid the price agreed.'),
]


@pytest.mark.parametrize("code,expected,body", GEN_SUPPORT_CASES)
def test_supporting_signal_paraphrases(code, expected, body):
    assert (code in codes(body)) is expected


# --- new writers' styles (platform relays, notices, tender mail, Cantonese, repeat buyers) -------
# Each kind in words of our own, with the legitimate look-alikes that must not fire.
NEW_STYLE_CASES = [
    # fee_request: a fee, fine or tax demanded (缴纳/补缴), paid first by us, or paid to a person they name
    ("fee_request", True, "请在两个工作日内缴纳年审服务费2,400元，逾期账户将被冻结。"),
    ("fee_request", True, "貴公司須補繳報關稅費港幣 520 元方可放行。"),
    ("fee_request", True, "入驻我们平台只要交一下年费2980就行，马上给您开通。"),
    ("fee_request", True, "检测费8000元请贵司先行支付给检测中心。"),
    ("fee_request", True, "审核费用请你方先垫付，合同签订后返还。"),
    ("fee_request", True, "代理费3000元打到我们指定的代理公司账户。"),
    ("fee_request", True, "老板喜欢喝茅台，过来的时候带上两瓶。"),
    ("fee_request", True, "见面的时候备一份见面礼，意思一下。"),
    ("fee_request", True, "Your payment is on hold until you pay the release fee of USD 250."),
    ("fee_request", True, "Our local agent handles the certification; the fee of USD 900 is payable directly to him."),
    ("fee_request", True, "You will pay our broker for the import licence before we confirm."),
    ("fee_request", True, "Before I introduce you to my boss, you must pay me a commission of 2%."),
    ("fee_request", True, "The notarial stamp on the agreement costs EUR 900, payable by the seller."),
    ("fee_request", True, "The coating kit is only available from our approved vendor in Durban at R1,900 per kit."),
    ("fee_request", True, "Import duty of EUR 75 is due before delivery."),
    ("fee_request", False, "Inspection fee is paid by us to SGS directly."),
    ("fee_request", False, "We will pay our forwarder for the freight."),
    ("fee_request", False, "运费我们来付，到付就行。"),
    ("fee_request", False, "检测费用我们自己承担，报告出来发给你们。"),
    ("fee_request", False, "保证金多少？代理需要什么条件？"),
    # recurring_need: repeat orders and periods in other words
    ("recurring_need", True, "Same as our last shipment please, 2 x 20GP."),
    ("recurring_need", True, "We'd like to re-order the 6204 bearings, 2,000 pcs."),
    ("recurring_need", True, "跟上回的一样，再来一批三百箱。"),
    ("recurring_need", True, "每两个月补一次货，每次大概五千个。"),
    ("recurring_need", True, "我哋每季都会订一批。"),
    ("recurring_need", True, "We buy around 3 containers per quarter."),
    ("recurring_need", True, "This falls under our supply agreement with you, same terms."),
    ("recurring_need", True, "DN50镀锌管按月分批交货，全年约8000米。"),
    ("recurring_need", False, "Is it the same size as the sample you sent?"),
    ("recurring_need", False, "按之前说的报价就行。"),
    ("recurring_need", False, "上次的样品收到了，谢谢。"),
    # decision_process: who decides or approves, in other words
    ("decision_process", True, "Our operations manager will decide after the trial run."),
    ("decision_process", True, "I'll put your offer before our board next Tuesday."),
    ("decision_process", True, "If my boss okays it, we order next month."),
    ("decision_process", True, "方案报给院长后，院长办公会研究决定。"),
    ("decision_process", True, "價格要等校董會批准。"),
    ("decision_process", True, "採購部同品質部會一齊揀供應商。"),
    ("decision_process", True, "样品要技术部和质量部一起评审。"),
    ("decision_process", False, "请于下周三前回复报价，谢谢。"),
    ("decision_process", False, "Please submit your quotation to our procurement email."),
    ("decision_process", False, "Our manager Tom will send you the drawings."),
    # budget_given: a stated budget, not the word in a department name or an approval step
    ("budget_given", True, "Budget: EUR 40k for the whole fit-out."),
    ("budget_given", True, "我们这批的预算在八万左右。"),
    ("budget_given", False, "广州华筑装饰工程有限公司 预算部 邓工"),
    ("budget_given", False, "I have to submit it to management for budget approval."),
    ("budget_given", False, "We need your offer before we close our budget planning."),
]


@pytest.mark.parametrize("code,expected,body", NEW_STYLE_CASES)
def test_new_style_phrasings(code, expected, body):
    assert (code in codes(body)) is expected


@pytest.mark.parametrize("body,expected", [
    # an act of fraud from webmail, no company named: the identity cannot be verified
    ("请先把你们所有款式每款寄3个样品过来，快递费你们出，合适了再大批量订。", True),
    ("Kindly pay the USD 300 activation fee so the funds can be released to you.", True),
    # a template letter alone does not make the sender unverifiable
    ("Dear Sir/Madam, we are interested in your products, kindly send catalogue and price list.", False),
])
def test_webmail_sender_without_company(body, expected):
    assert ("unverifiable_identity" in codes(body, sender="xyz_2024@163.com")) is expected


@pytest.mark.parametrize("sender,expected", [
    ("xuanpin@douyin-selection.com", True),   # borrows a platform's name
    ("notice@b2b-baidu-aicaigou.com", True),
    ("billing@quickbooks-invoices.net", True),
    ("service@douyin.com", False),            # the platform's own domain
])
def test_platform_lookalike_senders(sender, expected):
    assert ("unverifiable_identity" in codes("请登录查看订单详情。", sender=sender)) is expected


# Scams that turn mid-thread, written in words of our own (code-switched, traditional, casual),
# and the honest twins that must stay quiet.
TURNING_SCAM_CASES = [
    # fee_request: a fee the supplier is told it bears, in any language mix
    ("fee_request", True, "客户那边的 factory audit 由他们指定机构做，audit fee USD 1,150 工厂承担，pass 了才下 PO。"),
    ("fee_request", True, "The pre-shipment certificate costs EUR 620, to be paid by the exporter before we release the LC."),
    ("fee_request", True, "新供應商要先做品質登錄，登錄費用新台幣12,000元由供應商負擔，辦完才簽約。"),
    ("fee_request", True, "Import permit ni supplier kena bayar, fee RM1,900，你们 supplier 付 to our agent."),
    ("fee_request", True, "Please pay the one-time vendor onboarding fee of USD 760 to activate your supplier account."),
    ("fee_request", True, "合同签之前要先交律师见证费5000元，这是集团规定。"),
    ("fee_request", True, "领导那边你得表示一下，买两条好烟就行，东西到了合同就定。"),
    ("fee_request", True, "每米返我5块，走我私人微信，发票照常开。"),
    ("fee_request", True, "To push the PO through, my director expects a small appreciation, USD 300 in gift cards."),
    ("fee_request", True, "周五晚上请局长吃个饭，包间我订好了，你们到时候直接买单就行。"),
    ("fee_request", True, "检测站的手续费3200元，直接转他个人卡（农行 6228 4800 1122 3344 556 王强）。"),
    ("fee_request", True, "Send the USD 640 licence fee to the officer's account (Mr. Adebayo, First Bank)."),
    # honest twins: the buyer or nobody pays, a tender fee to the company account, warnings
    ("fee_request", False, "检测费用我司承担，不需要贵司付任何费用，只要准备好样布。"),
    ("fee_request", False, "Inspection is booked by us with SGS and the buyer pays the inspection fee directly."),
    ("fee_request", False, "标书费400元/份，请汇入本公司对公账户，开具增值税发票。"),
    ("fee_request", False, "本局不会要求投标人缴付任何登记费或手续费，谨防诈骗。"),
    ("fee_request", False, "Tender documents can be downloaded free of charge, no registration fee is charged."),
    ("fee_request", False, "我们自己申请认证 and pay the fee ourselves, you only provide the test report."),
    ("fee_request", False, "运费由你们承担可以吗？我们要CIF价。"),
    ("fee_request", False, "本公司严禁采购人员收取供应商回扣、茶水费，如遇索要请举报。"),
    # payment_anomaly: money to a person, overpay-and-forward, a partner pays, scan to "receive"
    ("payment_anomaly", True, "保证金请转至经办人李娜（工行 6222 0200 1234 5678 901），收到后发中标通知。"),
    ("payment_anomaly", True, "審查費請匯到承辦人陳先生的帳戶，今天下班前。"),
    ("payment_anomaly", True, "Please wire it to the clearing agent's account (Mrs. Okoro, UBA) today."),
    ("payment_anomaly", True, "转数快过去我个人电话 9123 4567 就得。"),
    ("payment_anomaly", True, "多出来的那部分是装修师傅的钱，你们收到后先把3万转给他，账号我发你。"),
    ("payment_anomaly", True, "货款这次由我们合作公司 Orient Star Trading 付款，收货人也改成他们。"),
    ("payment_anomaly", True, "你用支付宝扫一下附件这个码，输入金额，就能收到款了。"),
    ("payment_anomaly", True, "I paid USD 2,000 more than the invoice, please transfer the extra to our forwarder's account directly."),
    ("payment_anomaly", False, "本府不会以电话或电子邮件要求厂商汇款至任何个人账户。"),
    ("payment_anomaly", False, "有问题打我电话 13800001111，或者加我微信聊。"),
    ("payment_anomaly", False, "合作方式：坑位费加佣金，签公司合同、对公付款。"),
    ("payment_anomaly", False, "户名不变（济南同德机械有限公司），只是开户行换成了工商银行。"),
    ("payment_anomaly", False, "预付款今天走账，合同已盖章。"),
    # samples_upfront: many samples with the courier cost put on us, in other words
    ("samples_upfront", True, "请把目录里的15款各寄5个样品过来，快递你们先付，合适就下大单。"),
    ("samples_upfront", True, "想先攞樣，每款寄兩個，順豐到付唔方便，請你哋預付。"),
    ("samples_upfront", True, "Please send 3 pcs of every design as samples. The courier charges should be borne by you."),
    ("samples_upfront", False, "Could we get 2 samples of the 12-inch size? We will pay the courier by our FedEx account."),
    # huge_order_no_detail: a large order settled while the price is left to us
    ("huge_order_no_detail", True, "我们要 LED 灯 5 x 40HQ, 什么款都行, price 不是问题, 马上发 PI, 也要 sample."),
    ("huge_order_no_detail", True, "We will take 4x40HQ of your chairs, price is not a problem, send proforma and payment terms today."),
    ("huge_order_no_detail", False, "价格没问题，这次先订 2000 件，交期能不能提前一周？"),
    # unusual_request: weight pricing in spaced casual Chinese, paper catalogue by courier
    ("unusual_request", True, "我们 要 LED 灯泡, 你们 price 要 按 每 斤 报."),
    ("unusual_request", True, "Send the catalogue by FedEx in paper please, we never open PDF files."),
    ("unusual_request", False, "Please quote 20 tons of kraft paper, price per ton CIF Lagos."),
]


@pytest.mark.parametrize("code,expected,body", TURNING_SCAM_CASES)
def test_turning_scam_phrasings(code, expected, body):
    assert (code in codes(body)) is expected


@pytest.mark.parametrize("text,href,expected", [
    # a look-alike host carrying another site's name, a brand it does not own, a throw-away TLD
    ("立即登入補件", "http://etax.nat.gov.tw.verify-center.cc/login", True),
    ("LINE Pay 確認收款", "http://linepay-tw.receive-confirm.net/bind?amt=1200", True),
    ("Claim payment", "https://pay.binance.com.claim-usdt.app/login", True),
    ("Pay Clearance Fee", "https://dhl-customs-release.com/pay/secure-login", True),
    ("供应商结算开户", "http://ygcg-jiesuan.com/supplier/open", True),
    ("Complete Registration", "http://dm-vendor-registration.com/pay", True),
    # the real sites, and a registration page on the sender's own domain
    ("询价详情", "https://cn.made-in-china.com/inquiry/", False),
    ("Our catalogue", "https://www.acme-tools.com.au/catalogue", False),
    ("Register for the conference", "https://www.example.com/registration", False),
])
def test_lookalike_link_targets(text, href, expected):
    html = f'<html><body><p>您好，请按下面操作。</p><a href="{href}">{text}</a></body></html>'
    raw = message(html, content_type="text/html; charset=utf-8", sender="buyer@example.com", to=US,
                  msgid="<0@example.com>")
    assert ("phishing_link" in codes_raw(raw)) is expected


# Round 5: kinds of fraud that fired no signal at all on train+dev, in paraphrases of our own
# (other words, languages and regions), and the honest twins that must stay quiet.
ROUND5_CASES = [
    # payment_anomaly: an overpayment or surcharge to be passed on, a third party pays
    ("payment_anomaly", True, "付款会多 USD 3,900, 你收到以后 pls 转给我们的 shipping agent."),
    ("payment_anomaly", True, "我哋财务汇多咗 HK$ 12,000，麻烦即刻退返差额去以下户口。"),
    ("payment_anomaly", True, "The bank draft of $22,300 includes $5,100 for our clearing agent; wire it to him once it clears."),
    ("payment_anomaly", True, "If the amount received is more than the invoice, simply refund the surplus to them."),
    ("payment_anomaly", True, "The remaining 60% will be settled by our affiliated company Sunrise Holdings in Labuan."),
    ("payment_anomaly", True, "我们下个月通过 my agent in Singapore 付 balance, 请确认。"),
    ("payment_anomaly", True, "We will pay you by a cheque from our customer in Canada for the full amount."),
    ("payment_anomaly", True, "Our end customer in Accra will pay you directly from his own company account."),
    ("payment_anomaly", True, "货款由我哋客户公司 90 日后直接俾你，唔使订金。"),
    ("payment_anomaly", True, "货款你们先打给那家包装厂，最后跟我们合同一起结算。"),
    ("payment_anomaly", True, "用支付宝扫一下这个码，输入金额8800，钱就到你的账上了。"),
    ("payment_anomaly", True, "我司上月货款多付了一笔，请退至我司新的收款账户，户名见下。"),
    ("payment_anomaly", True, "Our account at Barclays is at present under audit; remit the balance to our alternative account."),
    ("payment_anomaly", True, "马上汇28万到下面这个账号，办完截图给我，这事先别跟财务说。"),
    ("payment_anomaly", True, "Please wire EUR 46,000 to the escrow account today and keep this strictly confidential."),
    ("payment_anomaly", False, "We pay 30% deposit by T/T from our company account, balance before shipment."),
    ("payment_anomaly", False, "我们的款从公司对公账户汇出，收款方还是贵司原账户。"),
    ("payment_anomaly", False, "这件事先别跟别人说，周末聚会给老王一个惊喜。"),
    # unverifiable_identity: the writer moves us to another mailbox or off email
    ("unverifiable_identity", True, "Kindly reply to my private email from now on, our office mailbox was hacked."),
    ("unverifiable_identity", True, "我们公司邮箱被盗了，暂时用这个邮箱联系。"),
    ("unverifiable_identity", True, "Email is not convenient for me, contact me on Telegram only: +44 7700 900123."),
    ("unverifiable_identity", False, "Please copy my colleague Anna on all emails about this order."),
    ("unverifiable_identity", False, "暂时用这个价格做预算，正式下单再确认。"),
    # huge_order_no_detail: a large order settled before the goods are chosen
    ("huge_order_no_detail", True, "We want 6 containers of any of your kitchen products, send the proforma today."),
    ("huge_order_no_detail", True, "我们要 4 x 40HQ 的毛绒玩具, 款式你们选, 马上发 PI."),
    ("huge_order_no_detail", True, "Confirm order 80 tons of screws, all kinds sizes mixed, PI today and we pay in full."),
    ("huge_order_no_detail", True, "We need 20x40HQ of your products urgently, send proforma invoice."),
    ("huge_order_no_detail", False, "Repeat order same as PO 2291: 40,000 pcs, 2x40HQ, delivery end of May."),
    # samples_upfront: samples of every model, free or at our cost; the honest twins pay for them
    ("samples_upfront", True, "Please send 2 pieces of each of your 30 designs to our buying office, free of charge."),
    ("samples_upfront", True, "We would like samples of every model in your catalogue, at your own expense, by UPS."),
    ("samples_upfront", False, "Please send 3 pcs of each size, we pay the courier with our DHL account."),
    ("samples_upfront", False, "We'd like samples of full-grain leather wallets; please invoice the sample fee."),
    ("samples_upfront", False, "Low MOQ, free samples available on request, OEM welcome."),
    # unusual_request: goods only a party they name can supply, fake orders, odd instruments
    ("unusual_request", True, "The labels must be bought from our licensed printer, they will invoice you directly."),
    ("unusual_request", True, "包装盒只有他们一家能做，你们先跟他们订，货款你们先付。"),
    ("unusual_request", True, "仪器要向我们指定的厂家购买，一台9800元。"),
    ("unusual_request", True, "平台上拍了30单，麻烦发空包，快递单号填上就行，冲销量用。"),
    ("unusual_request", True, "Payment by SBLC MT760 from a top-50 bank, very safe."),
    ("unusual_request", True, "Material 316 stainless aluminium, finish galvanized plastic."),
    ("unusual_request", False, "合同已盖章，扫描件附后，请盖章后寄回一份原件存档。"),
    ("unusual_request", False, "真空包装袋 20x30cm 印两色，5万个，多少钱？"),
    ("unusual_request", False, "Please quote PP rope 10mm, 2 tons, price per kg CIF Mombasa."),
    # fee_request: a listing or trademark fee, travel of their team at our cost
    ("fee_request", True, "先要做 supplier listing, fee USD 2,900, pay to my account."),
    ("fee_request", True, "他人申请注册贵司商号为商标，如需优先保护，服务费用：商标加域名共计12,600元。"),
    ("fee_request", True, "验厂团队三个人的机票酒店由供应商承担，请先转过来。"),
    ("fee_request", False, "我们宿舍押金800已经退了，大家查一下。"),
    ("fee_request", False, "钢瓶是租用还是押金？押金多少？"),
    # visit_pressure: an order for goods that "must come", not a person
    ("visit_pressure", True, "Your director must come to Lagos this week to sign the contract."),
    ("visit_pressure", False, "The fabric must come with GRS certificate and transaction certificates."),
]


@pytest.mark.parametrize("code,expected,body", ROUND5_CASES)
def test_round5_fraud_kinds(code, expected, body):
    assert (code in codes(body)) is expected


@pytest.mark.parametrize("text,href,expected", [
    # a file name whose link leads to a page, not to that file
    ("報價需求_2026.xlsx (共享檔案)", "https://docs-share-view.com/secure/signin?u=sales", True),
    ("Inspection_Report_0412.pdf", "https://wwa.lanzoux.com/iAbC123", True),
    ("Draft B/L MAEU2231.pdf", "https://files-viewer.cloud-docs.net/s/x8K2", True),
    ("Keep my password", "https://mail-quota.weebly.com/renew", True),
    ("立即扩容", "https://qiye-mail.web.app/upgrade", True),
    # a file name that links to that very file, and the sender's own document portal
    ("Spec_sheet_rev3.pdf", "https://www.prairie-hydraulics.com/docs/Spec_sheet_rev3.pdf", False),
    ("Drawing_A12.pdf", "https://portal.example.com/view?id=A12", False),
])
def test_file_name_links(text, href, expected):
    html = f'<html><body><p>Please check.</p><a href="{href}">{text}</a></body></html>'
    raw = message(html, content_type="text/html; charset=utf-8", sender="buyer@example.com", to=US,
                  msgid="<0@example.com>")
    assert ("phishing_link" in codes_raw(raw)) is expected


@pytest.mark.parametrize("filename,expected", [
    ("訂單明細_0108.rar", True), ("传票及起诉状副本.zip", True), ("Court_Summons_2291.7z", True),
    ("RFQ_Q3_list.xlsm", True), ("product_photos.zip", False), ("pricing_model.xlsm", False),
])
def test_attachment_names_round5(filename, expected):
    param = f'filename="{filename}"' if filename.isascii() else f"filename*=UTF-8''{quote(filename)}"
    raw = multipart([("text/plain; charset=utf-8", "", "請查收附件並回覆。".encode()),
                     ("application/octet-stream", f"Content-Disposition: attachment; {param}", b"AAAA")],
                    sender="buyer@example.com", to=US, msgid="<0@example.com>")
    assert ("risky_attachment" in codes_raw(raw)) is expected


@pytest.mark.parametrize("sender,body,expected", [
    # a sourcing agent's trade name alone is not a look-alike; a role word of a brand is
    ("amy@sunrise-sourcing.com", "Please quote 2,000 pcs silicone spatulas, FDA grade, for our US client.", False),
    ("vendor@siemens-procurement.com", "Please quote the attached RFQ.", True),
    # small West African traders' names are no claim of size
    ("chidi.ventures@gmail.com", "Please quote 200 pcs 1HP pumps.\n\nChidi Okoro\nChidi Okoro Ventures", False),
    ("globalholdings.buy@gmail.com", "Please quote 200 pcs 1HP pumps.\n\nMike\nApex Global Holdings", True),
])
def test_identity_round5(sender, body, expected):
    assert ("unverifiable_identity" in codes(body, sender=sender)) is expected


def thread_codes(first: str, later: str) -> set[str]:
    """Signals of a thread where the customer writes from ``first``, then (a reply) from ``later``."""
    mails = [parse_mail(message("Please quote 500 pcs of model X2, FOB Ningbo.", sender=first, to=US,
                                msgid="<1@a>", subject="Order X2"), "t", 0),
             parse_mail(message("Please send the PI to this address, balance will be paid as agreed.", sender=later,
                                to=US, msgid="<2@a>", in_reply_to="<1@a>", subject="Re: Order X2",
                                date="Tue, 03 Mar 2026 10:15:00 +0800"), "t", 1)]
    for m in mails:
        m.parts = split_body(m.body)
    threads, _ = build_threads(mails, Owner.from_config([US]))
    return set(evaluate(threads[0], extract_thread(threads[0]), RULES).by_code)


@pytest.mark.parametrize("first,later,expected", [
    ("tom@brightoak-tools.com.au", "tom@brightoak-tools.net", True),       # same name, other domain
    ("ana@ferralux.com.br", "ana@ferra1ux.com.br", True),                   # a look-alike letter
    ("ravi@kaveriagro.in", "ravi@kaveri-agro-in.com", True),                # name inside the new one
    ("tom@brightoak-tools.com.au", "tom@brightoak-tools.com.au", False),
    ("tom@brightoak-tools.com.au", "sally@harbourline.com.au", False),     # a colleague's other company
    ("li.na@jinfeng-chem.com", "li.na@mail.jinfeng-chem.com", False),     # another host of the same domain
    ("ops@kaveriagro.in", "ravi@export.kaveriagro.in", False),
    ("buyer@notice.alibaba.com", "tom@brightoak-tools.com.au", False),     # a platform relay, then the buyer
])
def test_sender_domain_changed_mid_thread(first, later, expected):
    assert ("unverifiable_identity" in thread_codes(first, later)) is expected


@pytest.mark.parametrize("sender,expected", [
    ("service@dhl-billing-center.com", True), ("alert@icbc-notify.net", True), ("noreply@ctbc-kefu.com", True),
    ("accounts@hsbc.com.hk", False), ("orders@noticeboard.co.uk", False),
])
def test_notice_role_domains(sender, expected):
    assert ("unverifiable_identity" in codes("Please see the details below and confirm.", sender=sender)) is expected


# Round 7: kinds new writers showed, each written again in other words, scripts and regions.
ROUND7_CASES = [
    # gift / store cards whose codes we are to send: a fee in kind
    ("fee_request", True, "The port inspector expects a small token: USD 200 in iTunes cards, please send me the codes."),
    ("fee_request", True, "評審專家辛苦了，按慣例準備全家禮物卡十張，卡號拍照發我就可以。"),
    ("fee_request", True, "Boss likes Steam. Buy 4 steam cards and scratch them, send the pin numbers to me tonight."),
    ("fee_request", False, "我在开会，帮我买十张苹果礼品卡送客户，刮开后把卡号拍照发我，回来找财务报销。"),
    ("fee_request", False, "We print PVC gift cards with magnetic stripe, 10,000 pcs, please quote."),
    # a fee paid by the supplier "in advance", "directly with the lab", "half"
    ("fee_request", True, "The legalisation file costs EUR 1,900, to be paid in advance by the supplier."),
    ("fee_request", True, "The test fee (USD 420) is settled by the vendor directly with our lab."),
    ("fee_request", True, "Customs registration total PHP 60,000, supplier cover half as usual."),
    ("fee_request", True, "要出货先做登记, beneficiary 需先付 handling fee USD 900."),
    ("fee_request", False, "Freight USD 800 is paid by the seller under CIF, as quoted."),
    ("fee_request", False, "Can the supplier cover half of the mould cost if we order 20k pcs?"),
    ("fee_request", False, "SGS will contact you to arrange a date. 没有任何 fee 要你们付."),
    # a named fee with a sum that "must be paid first"
    ("fee_request", True, "项目要做 import permit, USD 1,800 要先付, 付了才能开证。"),
    ("fee_request", True, "先交入场费 ¥6,600 锁定展位，今天截止。"),
    ("fee_request", True, "请于24小时内在线缴纳滞港及查验费用 ¥3,420.00，逾期退运。"),
    ("fee_request", True, "Your shipment is on hold: customs duty of USD 2.99 is unpaid."),
    ("fee_request", False, "开模费 5000 元要先付吗？还是从货款里扣？"),
    ("fee_request", False, "运费 1200 元要先付，我们收到货再付尾款。"),
    # favours for officials
    ("fee_request", True, "Please bring USD 3,000 in cash for the minister's protocol officer."),
    ("fee_request", True, "The customs officer normally receives a little appreciation from the exporter."),
    ("fee_request", True, "到了以后领导那边你们安排一下喝酒唱歌。"),
    ("fee_request", True, "和解金人民币三万元，须于本周五前支付，否则起诉。"),
    # money to a person: the fee goes to "me", a named individual, or their phone wallet
    ("payment_anomaly", True, "报名费 500 元，扫码转给王老师就行。"),
    ("payment_anomaly", True, "服务费 RM 8,000 先付, DuitNow 到我 personal 就可以."),
    ("payment_anomaly", True, "Agent: 李女士 工商银行 6222 0210 0112 3345"),
    ("payment_anomaly", True, "Transfer the deposit to our adviser, Mr. Alan Brooks (IBAN GB29 NWBK 6016 1331 9268 19)."),
    ("payment_anomaly", True, "入會費 HK$2,000，FPS 轉 5123 4567（黃先生）。"),
    ("payment_anomaly", True, "The certificate fee is USD 700, please pay to our consultant Dr. Musa account."),
    ("payment_anomaly", True, "The agent's fee is USD 900, please transfer it to him today."),
    ("payment_anomaly", True, "Our accounts moved to our Dubai subsidiary, which will pay all suppliers from now on."),
    ("payment_anomaly", True, "Payment will be made on our behalf by a business associate in Lagos."),
    ("payment_anomaly", True, "此事先不要让其他人知道，今天下班前把20万转到这个账号。"),
    ("payment_anomaly", False, "上次唱K一共486，一人97块，你微信转我就行。"),
    ("payment_anomaly", False, "规格要交俾业主嘅灯光顾问审批，批咗先落单。"),
    ("payment_anomaly", False, "I will send the notary's bank account once the meeting is fixed."),
    ("payment_anomaly", False, "We pay the inspection company directly; their fee is for our account."),
    # a fee to a firm the buyer names: a fee request (not a payment anomaly unless a person is paid)
    ("fee_request", True, "Their pre-shipment review costs USD 540. Kindly pay them directly and send us the slip."),
    ("fee_request", True, "Vendors register with our Hong Kong entity for a one-off fee, paid to their account."),
    ("fee_request", False, "We will pay them directly for the inspection; no cost to you."),
    ("fee_request", False, "We pay the inspection company directly; their fee is for our account."),
]


@pytest.mark.parametrize("code,expected,body", ROUND7_CASES)
def test_round7_fraud_kinds(code, expected, body):
    assert (code in codes(body)) is expected


@pytest.mark.parametrize("body,expected", [
    ("Our board approved your company. We will place a substantial annual order across your catalogue; send proforma.", True),
    ("明年全年的灯具都想交给你们，金额很大，先签框架合同。", True),
    ("We are furnishing three hotels and want to source the complete furniture requirement from you.", True),
    ("We can take about 2 containers every month if price is good. Please send your catalogue.", False),
    ("Please quote 304 stainless sink 600x450mm, 500 pcs; our annual volume is substantial.", False),
])
def test_open_ended_volume_is_a_huge_order(body, expected):
    assert ("huge_order_no_detail" in codes(body)) is expected
