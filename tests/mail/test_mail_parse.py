"""Parsing one message: MIME structure, transfer encodings, charsets, headers, attachments."""
from __future__ import annotations

import os

import pytest

from inquiry_nlp.mail import ErrorRecord, Message
from inquiry_nlp.mail.parse import parse_mail, parse_row
from mailfactory import b64, encoded_word, message, multipart


def parse(data: bytes) -> Message:
    m = parse_mail(data, "test.eml", 0)
    assert isinstance(m, Message), m
    return m


def test_big5_traditional_body_and_encoded_subject():
    body = "敬啟者：\n煩請報價 LED 燈條 5050 RGB，數量兩千米，謝謝您。\n陳先生".encode("big5")
    m = parse(message(body, subject=encoded_word("詢價：LED燈條", "big5"),
                      sender=f"{encoded_word('陳志明', 'big5')} <chen@tw-light.com.tw>",
                      content_type="text/plain; charset=big5", cte="8bit"))
    assert m.subject == "詢價：LED燈條"
    assert m.sender.name == "陳志明"
    assert "煩請報價 LED 燈條 5050 RGB，數量兩千米" in m.body


def test_quoted_printable_utf8_body():
    import quopri
    text = "您好，需要M10×50不锈钢螺栓５００套，月底前交货。"
    m = parse(message(quopri.encodestring(text.encode("utf-8")), cte="quoted-printable"))
    assert m.body == text


def test_gb2312_declared_over_gbk_characters():
    # 镕 and 堃 are GBK but not GB2312: a strict gb2312 decode fails; real mail does this.
    text = "朱镕先生 堃泰五金 询价：膨胀螺栓M12 一千套"
    m = parse(message(text.encode("gbk"), content_type="text/plain; charset=gb2312", cte="8bit"))
    assert m.body == text


@pytest.mark.parametrize("declared", ["x-gbk", "GB2312_CHARSET", "gb_2312-80", "CP936", "chinese"])
def test_unknown_chinese_charset_names(declared):
    text = "请报价：六角螺栓 M8x30，5000只"
    m = parse(message(text.encode("gbk"), content_type=f"text/plain; charset={declared}", cte="8bit"))
    assert m.body == text


def test_chinesebig5_alias():
    text = "請報價：不鏽鋼水龍頭"
    m = parse(message(text.encode("big5"), content_type="text/plain; charset=CHINESEBIG5", cte="8bit"))
    assert m.body == text


def test_big5_declared_over_gb_text_is_read_as_gb():
    text = "我们公司需要采购一批不锈钢螺栓，请尽快报价，谢谢！联系电话：13905316789"
    m = parse(message(text.encode("gbk"), content_type="text/plain; charset=big5", cte="8bit"))
    assert m.body == text
    assert any("gb18030" in n for n in m.notes)


def test_base64_declared_over_raw_8bit_text():
    text = "急需采购轴承6205，数量两千个，请报价。"
    m = parse(message(text.encode("gbk"), content_type="text/plain; charset=gb2312", cte="base64"))
    assert m.body == text
    assert any("base64 declared over raw" in n for n in m.notes)


def test_missing_charset_utf8_and_gbk_are_both_recovered():
    for codec in ("utf-8", "gbk"):
        text = "你好，请问有螺栓卖吗？"
        m = parse(message(text.encode(codec), content_type="text/plain", cte="8bit"))
        assert m.body == text, codec


def test_latin_charsets():
    m = parse(message("Precio por unidad, envío a Bogotá. Señor Muñoz".encode("iso-8859-1"),
                      content_type="text/plain; charset=iso-8859-1", cte="8bit"))
    assert "Bogotá" in m.body and "Muñoz" in m.body
    m = parse(message("Нам нужны болты М10, 500 шт. Спасибо".encode("koi8-r"),
                      content_type="text/plain; charset=koi8-r", cte="8bit"))
    assert "болты" in m.body


def test_iso_2022_jp():
    text = "見積もりをお願いします"
    m = parse(message(text.encode("iso-2022-jp"), content_type="text/plain; charset=iso-2022-jp", cte="7bit"))
    assert m.body == text


def test_raw_8bit_headers_take_the_body_charset():
    raw = ("Message-ID: <h8@x>\nFrom: 王磊 <wl@163.com>\nSubject: 询价 螺栓\n"
           "Content-Type: text/plain; charset=gbk\n\n需要500套").encode("gbk")
    m = parse(raw)
    assert (m.sender.name, m.subject, m.body) == ("王磊", "询价 螺栓", "需要500套")


def test_split_gbk_character_across_encoded_words():
    data = "询价真空泵".encode("gbk")
    import base64
    subject = (f"=?gb2312?B?{base64.b64encode(data[:5]).decode()}?=\n "
               f"=?gb2312?B?{base64.b64encode(data[5:]).decode()}?=")
    assert parse(message("x", subject=subject)).subject == "询价真空泵"


def test_rfc2231_attachment_name_and_sizes_without_content():
    pdf = os.urandom(3000)
    m = parse(multipart([
        ("text/plain; charset=utf-8", "", "附件是图纸，请报价。".encode()),
        ("application/pdf", "Content-Transfer-Encoding: base64\n"
         "Content-Disposition: attachment; filename*=UTF-8''%E5%9B%BE%E7%BA%B8-M10.pdf", b64(pdf)),
        ("application/octet-stream; name=\"" + encoded_word("询价单.zip", "gbk") + "\"",
         "Content-Transfer-Encoding: base64\nContent-Disposition: attachment", b64(b"PK\x03\x04" + b"\0" * 100)),
    ]))
    assert m.body == "附件是图纸，请报价。"
    names = [(a.filename, a.content_type, a.size) for a in m.attachments]
    assert names == [("图纸-M10.pdf", "application/pdf", 3000), ("询价单.zip", "application/octet-stream", 104)]


def test_multipart_alternative_prefers_plain_but_keeps_html_links():
    m = parse(multipart([
        ("text/plain; charset=utf-8", "", b"Please see the RFQ here: https://rfq.example.com/view"),
        ("text/html; charset=utf-8", "",
         b'<p>Please see the RFQ <a href="http://login-verify.example.net/x">https://www.alibaba.com/rfq/123</a></p>'),
    ], subtype="alternative"))
    assert m.body.startswith("Please see the RFQ here") and not m.body_from_html
    assert ("https://www.alibaba.com/rfq/123", "http://login-verify.example.net/x") in [(l.text, l.href) for l in m.links]


def test_html_only_body_is_readable_text():
    html = ("<html><head><style>.x{color:red}</style><script>alert(1)</script></head><body>"
            "<div>Dear&nbsp;Sir,</div><div>We need <b>2000</b> pcs of <i>LED panel</i> 600x600mm.</div>"
            "<table><tr><td>Model</td><td>Qty</td></tr><tr><td>P-36W</td><td>2000</td></tr></table>"
            "<p>Regards<br>Ahmed</p></body></html>")
    m = parse(message(html, content_type="text/html; charset=utf-8"))
    assert m.body_from_html
    assert m.body == "Dear Sir,\nWe need 2000 pcs of LED panel 600x600mm.\nModel Qty\nP-36W 2000\nRegards\nAhmed"
    assert "alert" not in m.body and "color" not in m.body


def test_broken_mime_missing_boundary_still_yields_text():
    raw = message(b"--nowhere\nContent-Type: text/plain\n\nNeed 300 sets of valves\n",
                  content_type='multipart/mixed; boundary="elsewhere"')
    m = parse(raw)
    assert "Need 300 sets of valves" in m.body


def test_missing_date_and_missing_message_id():
    m = parse(message("hello", date=None, msgid=None))
    assert m.date is None and "no Date header" in m.notes
    assert m.synthetic_id and m.message_id.endswith("@inquiry-nlp.invalid>")
    # The made-up id is stable: the same bytes give the same id.
    assert parse(message("hello", date=None, msgid=None)).message_id == m.message_id


def test_garbled_date_is_kept_as_unknown():
    m = parse(message("x", date="Mon, 32 Foo 2026 99:99"))
    assert m.date is None and any("unreadable Date" in n for n in m.notes)


def test_date_keeps_sender_offset():
    m = parse(message("x", date="Tue, 03 Mar 2026 09:00:00 +0530"))
    assert m.date.isoformat() == "2026-03-03T09:00:00+05:30"


def test_crlf_message():
    m = parse(message("Line one\r\nLine two", eol="\r\n"))
    assert m.subject == "Inquiry" and m.body == "Line one\nLine two"


def test_empty_body_is_a_message_not_an_error():
    m = parse(message(""))
    assert m.body == "" and m.subject == "Inquiry"


@pytest.mark.parametrize("junk,kind", [
    (b"", "empty_message"),
    (b"\n\n  \n", "empty_message"),
    (bytes(range(256)) * 40, "unparseable_message"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "unparseable_message"),
    ("这不是邮件，只是一段文字。".encode("gbk"), "unparseable_message"),
])
def test_junk_becomes_an_error_record_naming_source_and_index(junk, kind):
    e = parse_mail(junk, "dump.mbox", 17)
    assert isinstance(e, ErrorRecord)
    assert (e.kind, e.source, e.index) == (kind, "dump.mbox", 17)
    assert e.to_dict()["error"]["source"] == "dump.mbox"


def test_20mb_attachment_is_measured_not_kept():
    payload = b64(b"\x00\x01\x02\x03" * (5 * 1024 * 1024))
    m = parse(multipart([
        ("text/plain; charset=utf-8", "", b"Drawing attached, please quote 40 sets."),
        ("application/zip; name=drawings.zip", "Content-Transfer-Encoding: base64\n"
         "Content-Disposition: attachment; filename=drawings.zip", payload),
    ]))
    assert m.body == "Drawing attached, please quote 40 sets."
    assert m.attachments[0].filename == "drawings.zip"
    assert m.attachments[0].size == 20 * 1024 * 1024


def test_huge_text_body_is_cut_with_a_note():
    m = parse(message("报价 " * 300_000))
    assert len(m.body) <= 400_000 and any("body cut" in n for n in m.notes)


def test_export_row_with_html_and_attachments():
    m = parse_row({"message_id": "<r1@x>", "from": "Ana <ana@x.com.br>", "to": "sales@y.cn",
                   "date": "2026-03-02T10:15:00-03:00", "subject": "RFQ",
                   "html": '<p>See <a href="http://bit.example/x">order</a></p>',
                   "attachments": [{"filename": "PO.pdf.exe", "content_type": "application/x-msdownload",
                                    "size": 1234}]}, "export.jsonl", 3)
    assert isinstance(m, Message)
    assert (m.body, m.links[0].href, m.attachments[0].filename) == ("See order", "http://bit.example/x", "PO.pdf.exe")
    assert m.date.isoformat() == "2026-03-02T10:15:00-03:00"
