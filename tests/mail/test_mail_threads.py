"""Threading: headers first, then subject + outside party; ours vs the customer's; the owner."""
from __future__ import annotations

from inquiry_nlp.mail import Owner, build_threads, normalize_subject
from inquiry_nlp.mail.parse import parse_mail
from mailfactory import message

US = "sales@hongli-fasteners.com"


def msg(i, body="x", **kw):
    m = parse_mail(message(body, **kw), "dump.mbox", i)
    assert not hasattr(m, "kind"), m
    return m


def groups(threads):
    return [[m.message_id for m in t.messages] for t in threads]


def test_headers_link_replies_even_with_changed_subjects():
    a = msg(0, msgid="<1@buyer.com>", sender="Wang <wl@buyer.com>", to=US, subject="询价")
    b = msg(1, msgid="<2@hongli-fasteners.com>", sender=US, to="wl@buyer.com", subject="报价单 PI-2026-031",
            in_reply_to="<1@buyer.com>", date="Mon, 02 Mar 2026 15:00:00 +0800")
    c = msg(2, msgid="<3@buyer.com>", sender="wl@buyer.com", to=US, subject="Re: 报价单 PI-2026-031",
            references="<1@buyer.com> <2@hongli-fasteners.com>", date="Tue, 03 Mar 2026 09:00:00 +0800")
    threads, owner = build_threads([a, b, c], Owner.from_config(["hongli-fasteners.com"]))
    assert groups(threads) == [["<1@buyer.com>", "<2@hongli-fasteners.com>", "<3@buyer.com>"]]
    assert [m.is_ours for m in threads[0].messages] == [False, True, False]
    assert threads[0].customer.addr == "wl@buyer.com" and threads[0].thread_id == "<1@buyer.com>"


def test_chinese_replies_without_in_reply_to_join_by_subject_and_party():
    a = msg(0, msgid="<1@163.com>", sender="王磊 <wl@163.com>", to=US, subject="询价：不锈钢螺栓",
            date="Mon, 02 Mar 2026 09:00:00 +0800")
    b = msg(1, msgid="<2@h>", sender=US, to="wl@163.com", subject="回复：询价：不锈钢螺栓",
            date="Mon, 02 Mar 2026 11:00:00 +0800")
    c = msg(2, msgid="<3@163.com>", sender="wl@163.com", to=US, subject="答复: 回复：询价：不锈钢螺栓",
            date="Tue, 03 Mar 2026 08:00:00 +0800")
    other = msg(3, msgid="<4@qq.com>", sender="li@qq.com", to=US, subject="询价：不锈钢螺栓",
                date="Tue, 03 Mar 2026 08:30:00 +0800")
    threads, _ = build_threads([a, b, c, other], Owner.from_config([US]))
    assert groups(threads) == [["<1@163.com>", "<2@h>", "<3@163.com>"], ["<4@qq.com>"]]


def test_english_replies_without_headers_arriving_out_of_order():
    late = msg(0, msgid="<3@b.in>", sender="raj@b.in", to=US, subject="RE: RE: RFQ valves DN50",
               date="Wed, 04 Mar 2026 10:00:00 +0530")
    first = msg(1, msgid="<1@b.in>", sender="Raj <raj@b.in>", to=US, subject="RFQ valves DN50",
                date="Mon, 02 Mar 2026 10:00:00 +0530")
    reply = msg(2, msgid="<2@h>", sender=US, to="raj@b.in", subject="Re: RFQ valves DN50",
                date="Tue, 03 Mar 2026 10:00:00 +0800")
    threads, _ = build_threads([late, first, reply], Owner.from_config(["hongli-fasteners.com"]))
    assert groups(threads) == [["<1@b.in>", "<2@h>", "<3@b.in>"]]


def test_duplicate_message_id_same_mail_twice_stays_one_thread_and_is_counted():
    a = msg(0, msgid="<dup@x>", sender="a@x.com", to=US, subject="Order")
    a2 = msg(1, msgid="<dup@x>", sender="a@x.com", to=US, subject="Order")
    threads, _ = build_threads([a, a2], Owner.from_config([US]))
    assert groups(threads) == [["<dup@x>", "<dup@x>"]]


def test_duplicate_message_id_different_mails_are_not_merged_by_id():
    a = msg(0, msgid="<1234@localhost>", sender="a@x.com", to=US, subject="Bolts")
    b = msg(1, msgid="<1234@localhost>", sender="b@y.com", to=US, subject="Towels")
    threads, _ = build_threads([a, b], Owner.from_config([US]))
    assert len(threads) == 2


def test_missing_dates_keep_input_order():
    a = msg(0, msgid="<1@x>", sender="a@x.com", to=US, subject="Q", date=None)
    b = msg(1, msgid="<2@h>", sender=US, to="a@x.com", subject="Re: Q", date=None, in_reply_to="<1@x>")
    threads, _ = build_threads([a, b], Owner.from_config([US]))
    assert groups(threads) == [["<1@x>", "<2@h>"]]


def test_owner_inferred_from_the_inbox_and_reported():
    msgs = [msg(i, msgid=f"<{i}@c{i}.com>", sender=f"buyer{i}@c{i}.com", to=US, subject=f"RFQ {i}")
            for i in range(5)]
    msgs.append(msg(9, msgid="<r@h>", sender=US, to="buyer1@c1.com", subject="Re: RFQ 1", in_reply_to="<1@c1.com>"))
    threads, owner = build_threads(msgs)
    assert owner.inferred and owner.domains == {"hongli-fasteners.com"}
    assert "5 of 5 threads" in owner.describe()
    assert [m.is_ours for m in threads[1].messages] == [False, True]


def test_owner_on_webmail_is_an_address_not_the_domain():
    own = "hongli.sales@163.com"
    msgs = [msg(i, msgid=f"<{i}@x>", sender=f"buyer{i}@163.com", to=own, subject=f"询价{i}") for i in range(3)]
    _, owner = build_threads(msgs)
    assert owner.addresses == {own} and not owner.domains


def test_normalize_subject_prefixes_in_many_languages():
    assert normalize_subject("RE: Fwd: 回复：答复: 转发: AW: WG: SV: Re[2]: 询价 Hex Bolts") == "询价 hex bolts"
    assert normalize_subject("回覆：詢價") == "詢價"
    assert normalize_subject("[External] RE:  RFQ   123") == "rfq 123"
    assert normalize_subject("Re:") == ""


def test_platform_notifications_with_the_same_subject_stay_separate():
    subject = "【1688】您收到一条新的询价单，请及时报价"
    a = msg(0, "买家：张先生 需要M8螺母一万只", msgid="<n1@service.1688.com>", sender="message@service.1688.com",
            to=US, subject=subject)
    b = msg(1, "买家：李女士 需要法兰螺栓", msgid="<n2@service.1688.com>", sender="message@service.1688.com",
            to=US, subject=subject, date="Tue, 03 Mar 2026 10:15:00 +0800")
    c = msg(2, "Order update", msgid="<n3@x>", sender="noreply@portal.example.com", to=US, subject="PO update")
    d = msg(3, "Order update", msgid="<n4@x>", sender="noreply@portal.example.com", to=US, subject="PO update")
    threads, _ = build_threads([a, b, c, d], Owner.from_config([US]))
    assert len(threads) == 4


def test_reply_with_an_extended_subject_and_no_headers_joins_its_thread():
    a = msg(0, msgid="<1@163.com>", sender="wz@163.com", to=US, subject="询价：双头螺柱 B7",
            date="Mon, 02 Mar 2026 09:00:00 +0800")
    b = msg(1, msgid="<2@163.com>", sender="wz@163.com", to=US, subject="回复：询价：双头螺柱 B7（样品）",
            date="Wed, 04 Mar 2026 09:00:00 +0800")
    new = msg(2, msgid="<3@163.com>", sender="wz@163.com", to=US, subject="询价：双头螺柱 B7 加急",
              date="Thu, 05 Mar 2026 09:00:00 +0800")
    threads, _ = build_threads([a, b, new], Owner.from_config([US]))
    assert groups(threads) == [["<1@163.com>", "<2@163.com>"], ["<3@163.com>"]]


def test_same_subject_months_later_is_a_new_inquiry_but_a_quiet_thread_stays_one():
    """The subject fallback reaches back SUBJECT_GAP_DAYS from the subject's newest message."""
    dates = ["Mon, 05 Jan 2026 09:00:00 +0800", "Tue, 27 Jan 2026 09:00:00 +0800",  # 22 days
             "Fri, 20 Feb 2026 09:00:00 +0800",  # 24 days after the reply: still near
             "Mon, 08 Jun 2026 09:00:00 +0800"]  # months later: the buyer asks again
    a = msg(0, msgid="<1@b.ng>", sender="Ade <ade@b.ng>", to=US, subject="RFQ", date=dates[0])
    b = msg(1, msgid="<2@h>", sender=US, to="ade@b.ng", subject="Re: RFQ", date=dates[1])
    c = msg(2, msgid="<3@b.ng>", sender="ade@b.ng", to=US, subject="RE: RFQ", date=dates[2])
    again = msg(3, msgid="<4@b.ng>", sender="ade@b.ng", to=US, subject="RFQ", date=dates[3])
    threads, _ = build_threads([a, b, c, again], Owner.from_config([US]))
    assert groups(threads) == [["<1@b.ng>", "<2@h>", "<3@b.ng>"], ["<4@b.ng>"]]


def test_headers_link_a_reply_however_late_and_undated_mail_joins_by_subject():
    a = msg(0, msgid="<1@b.in>", sender="raj@b.in", to=US, subject="RFQ valves",
            date="Mon, 05 Jan 2026 09:00:00 +0530")
    late = msg(1, msgid="<2@b.in>", sender="raj@b.in", to=US, subject="Re: RFQ valves", in_reply_to="<1@b.in>",
               date="Mon, 07 Sep 2026 09:00:00 +0530")
    undated = msg(2, msgid="<3@b.in>", sender="raj@b.in", to=US, subject="Re: RFQ valves", date=None)
    threads, _ = build_threads([a, late, undated], Owner.from_config([US]))
    assert groups(threads) == [["<3@b.in>", "<1@b.in>", "<2@b.in>"]]


def test_extended_subject_reply_after_the_gap_does_not_reach_back():
    a = msg(0, msgid="<1@163.com>", sender="wz@163.com", to=US, subject="询价：双头螺柱 B7",
            date="Mon, 02 Mar 2026 09:00:00 +0800")
    b = msg(1, msgid="<2@163.com>", sender="wz@163.com", to=US, subject="回复：询价：双头螺柱 B7（样品）",
            date="Mon, 04 May 2026 09:00:00 +0800")
    threads, _ = build_threads([a, b], Owner.from_config([US]))
    assert groups(threads) == [["<1@163.com>"], ["<2@163.com>"]]
