"""inquiry-nlp filter: the message out byte for byte, plus X-Inquiry-* headers; never lost."""
from __future__ import annotations

import email
import email.header
import email.policy
import io
import re
import socket
import subprocess
import sys
import threading

import pytest

from conftest import REAL, ROOT, need_shared
from inquiry_nlp.filter import (add_headers, filter_message, fold_field, headers_for, run, split_header_block,
                                without_our_headers)
from mailfactory import b64, encoded_word, message, multipart

HEAVY = ("spacy", "jieba", "sklearn", "numpy", "scipy", "joblib", "aiohttp", "inquiry_nlp.api",
         "inquiry_nlp.pipeline")
GBK_BODY = "您好，我们需要304不锈钢螺栓M10x50，数量5000件，月底前交货，请报价。\n王磊 采购部".encode("gbk")
BIG5_BODY = "您好，我們需要不鏽鋼螺絲 3000 支，請於下週五前報價。\n陳小姐 採購部".encode("big5")

MESSAGES = {
    "gbk 8bit": message(GBK_BODY, subject=encoded_word("询价：不锈钢螺栓", "gbk"),
                        content_type="text/plain; charset=gbk", cte="8bit"),
    "big5 base64": message(b64(BIG5_BODY), subject=encoded_word("詢價", "big5"),
                           content_type="text/plain; charset=big5", cte="base64"),
    "utf-8 8bit raw headers": message("Please quote 2 x 40HQ of M12 hex bolts, class 8.8, HDG.\nRegards, Ömer",
                                      subject="RFQ — hex bolts für Köln", sender="Ömer Yılmaz <omer@buyer.de>"),
    "crlf quoted-printable": message(b"Dear Sir,\r\nWe need 10,000 pcs of M8 nuts =E2=80=94 price FOB?\r\n",
                                     cte="quoted-printable", eol="\r\n"),
    "multipart with attachment": multipart([
        ("text/plain; charset=gb2312", "Content-Transfer-Encoding: base64", b64("附件是我们的采购订单。".encode("gbk"))),
        ("application/pdf; name=PO.pdf", "Content-Transfer-Encoding: base64", b64(bytes(range(256)) * 4)),
    ]),
}


def body_of(data: bytes) -> bytes:
    return split_header_block(data)[1]


def error_of(data: bytes) -> str:
    """The X-Inquiry-Error header, unfolded."""
    return str(email.message_from_bytes(data, policy=email.policy.default)["X-Inquiry-Error"])


@pytest.fixture(scope="module")
def grade(classifier):
    return lambda data: classifier.classify(data).to_dict()


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_body_bytes_identical_and_headers_added(grade, name):
    data = MESSAGES[name]
    out = filter_message(data, grade)
    assert out.endswith(body_of(data)) and body_of(out) == body_of(data)
    assert without_our_headers(split_header_block(out)[0]) == split_header_block(data)[0]
    eol = b"\r\n" if b"\r\n" in data[:200] else b"\n"
    head = split_header_block(out)[0]
    ours = [ln for ln in head.split(eol) if ln.startswith(b"X-Inquiry-") or (ln[:1] == b" " and ln in head)]
    assert all(len(ln) <= 78 and ln.isascii() for ln in head.split(eol) if ln not in split_header_block(data)[0])
    if eol == b"\r\n":
        assert b"\n" not in head.replace(b"\r\n", b"")  # no bare LF slipped in
    parsed = email.message_from_bytes(out, policy=email.policy.default)
    assert parsed["X-Inquiry-Grade"] in {"1", "2", "3", "4"}
    assert re.fullmatch(r"(yes|no) score=\d\.\d\d", str(parsed["X-Inquiry-Fraud"]))
    status = str(parsed["X-Inquiry-Status"])
    assert re.fullmatch(r"grade=[1-4] fraud=(yes|no) signals=[a-z_]+(, ?[a-z_]+|,[a-z_]+)*", status), status
    assert ours


def test_report_carries_non_ascii_evidence_rfc2047_encoded(grade):
    out = filter_message(MESSAGES["gbk 8bit"], grade)
    raw_report = re.search(rb"X-Inquiry-Report:.*?(?=\nX-|\n\n|\nContent|\Z)", out, re.S).group()
    assert raw_report.isascii() and b"=?utf-8?" in raw_report
    report = str(email.message_from_bytes(out, policy=email.policy.default)["X-Inquiry-Report"])
    assert "5000件" in report and "quantity_given" in report


def test_filtering_twice_gives_one_set(grade):
    once = filter_message(MESSAGES["gbk 8bit"], grade)
    twice = filter_message(once, grade)
    assert twice == once
    assert twice.count(b"X-Inquiry-Grade:") == 1


def test_forged_headers_are_replaced_folded_lines_included():
    forged = message("Please quote.", extra="X-Inquiry-Grade: 1\nx-inquiry-report: trust me\n\tcontinued\n"
                                            "X-Other: kept\n continued too")
    out = add_headers(forged, [("X-Inquiry-Grade", "3")])
    assert b"trust me" not in out and b"\tcontinued" not in out and b"X-Other: kept\n continued too\n" in out
    assert out.count(b"X-Inquiry-") == 1


def test_mbox_envelope_line_is_kept_first():
    data = b"From buyer@example.com  Mon Mar  2 10:15:00 2026\n" + message("hi")
    out = add_headers(data, [("X-Inquiry-Grade", "4")])
    assert out.startswith(b"From buyer@example.com  Mon Mar  2") and b"X-Inquiry-Grade: 4\n\nhi" in out


def test_headers_only_message_gets_a_header():
    assert add_headers(b"Subject: x\nFrom: a@b.c", [("X-Inquiry-Grade", "4")]) == \
        b"Subject: x\nFrom: a@b.c\nX-Inquiry-Grade: 4\n"


@pytest.mark.parametrize("data", [b"", b"\n\n", b"plain text, no headers\n\nat all", b"\x00\x01\x02 binary",
                                  b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"])
def test_non_mail_passes_unchanged(data):
    assert filter_message(data, lambda d: pytest.fail("must not grade non-mail")) == data


@pytest.mark.parametrize("failure", [ZeroDivisionError("x"), TimeoutError("daemon too slow"), KeyError("grade"),
                                     MemoryError()])
def test_any_failure_gives_the_original_with_an_error_header(failure):
    data = MESSAGES["big5 base64"]

    def broken(_):
        raise failure

    out = filter_message(data, broken)
    assert out.replace(re.search(rb"X-Inquiry-Error: [^\n]*\n", out).group(), b"") == data


def test_error_record_from_the_grader_becomes_the_error_header():
    data = message("hi")
    out = filter_message(data, lambda d: {"schema": 1, "error": {"kind": "unparseable_message", "detail": "bad"}})
    assert b"X-Inquiry-Error: unparseable_message: bad\n" in out and b"X-Inquiry-Grade" not in out


def test_status_is_folded_ascii_and_report_clipped():
    record = {"grade": 3, "fraud": {"suspected": True, "score": 0.91,
                                    "signals": [{"code": c, "evidence": "需支付公证费 " * 40} for c in
                                                ("fee_request", "advance_payment", "identity_mismatch")]},
              "signals": [{"code": c, "evidence": "x"} for c in ("product_named", "quantity_given", "specs_given",
                                                                  "deadline_given", "price_request")]}
    headers = dict(headers_for(record))
    assert headers["X-Inquiry-Fraud"] == "yes score=0.91"
    folded = fold_field("X-Inquiry-Status", headers["X-Inquiry-Status"])
    assert all(len(ln) <= 78 for ln in folded.split(b"\n")) and folded.count(b"\n") > 1
    assert len(headers["X-Inquiry-Report"]) <= 1500
    report = fold_field("X-Inquiry-Report", headers["X-Inquiry-Report"], b"\r\n")
    assert report.isascii() and all(len(ln) <= 78 for ln in report.split(b"\r\n"))


def test_over_the_size_limit_passes_with_an_error():
    data = message("x" * 5000)
    out = io.BytesIO()
    assert run(io.BytesIO(data), out, "unix:/nonexistent/inquiry.sock", max_size=1000) == 0
    assert error_of(out.getvalue()) == "message over the 1000-byte limit: not graded"
    assert out.getvalue().replace(b"X-Inquiry-Error: message over the 1000-byte limit: not graded\n", b"") == data


def test_over_the_size_limit_with_the_header_block_beyond_it_passes_unchanged():
    data = message("body", extra="X-Long: " + "y" * 3000)
    out = io.BytesIO()
    assert run(io.BytesIO(data), out, "unix:/nonexistent/inquiry.sock", max_size=1000) == 0
    assert out.getvalue() == data  # no header wedged into the middle of a header line


class Trickle(io.BytesIO):
    """A pipe: reads return at most a few bytes at a time."""

    def read(self, n=-1):
        return super().read(min(n, 7) if n and n > 0 else 7)


def test_a_message_arriving_in_small_pieces_is_read_whole():
    data = MESSAGES["gbk 8bit"]
    out = io.BytesIO()
    limit = len(data) - 10
    assert run(Trickle(data), out, "unix:/nonexistent/inquiry.sock", max_size=limit) == 0
    error = f"X-Inquiry-Error: message over the {limit}-byte limit: not graded\n".encode()
    assert error in out.getvalue() and out.getvalue().replace(error, b"") == data


def test_unreadable_input_exits_tempfail():
    class Broken(io.BytesIO):
        def read(self, *_):
            raise OSError("I/O error")

    out = io.BytesIO()
    assert run(Broken(), out, "unix:/nonexistent") == 75 and out.getvalue() == b""


@pytest.mark.parametrize("eol", [b"\n", b"\r\n"])
def test_body_without_a_blank_line_after_the_headers_stays_below_them(eol):
    data = eol.join([b"From: a@b.com", b"Subject: x", b" folded", b"Dear Sir, we need 500 pcs.", b"Regards", b""])
    out = add_headers(data, [("X-Inquiry-Grade", "2")])
    assert out == eol.join([b"From: a@b.com", b"Subject: x", b" folded", b"X-Inquiry-Grade: 2",
                            b"Dear Sir, we need 500 pcs.", b"Regards", b""])


def test_evidence_with_control_characters_and_an_endless_word_gives_valid_header_lines():
    record = {"grade": 4, "fraud": {"suspected": False, "score": 0.0, "signals": []},
              "signals": [{"code": "product_named", "evidence": "bolt\x00s\x1b[31m\rX-Evil: 1 " + "z" * 1400}]}
    data = add_headers(message("hi"), headers_for(record))
    head = split_header_block(data)[0]
    assert not any(c in head for c in b"\x00\x1b\r") and b"\nX-Evil" not in head
    assert all(len(ln) <= 998 for ln in head.split(b"\n"))
    assert str(email.message_from_bytes(data, policy=email.policy.default)["X-Inquiry-Status"]) == \
        "grade=4 fraud=no signals=product_named"


def test_daemon_down_gives_the_original_with_an_error():
    data = MESSAGES["gbk 8bit"]
    out = io.BytesIO()
    assert run(io.BytesIO(data), out, "unix:/nonexistent/inquiry.sock") == 0
    assert error_of(out.getvalue()).startswith("daemon at unix:/nonexistent/inquiry.sock: FileNotFoundError")
    assert out.getvalue().endswith(body_of(data))


def test_daemon_that_never_answers_times_out():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    try:
        out = io.BytesIO()
        assert run(io.BytesIO(message("hi")), out, f"127.0.0.1:{port}", timeout=0.5) == 0
        assert error_of(out.getvalue()) == f"daemon at 127.0.0.1:{port}: TimeoutError: timed out"
    finally:
        server.close()


def test_unwritable_output_exits_tempfail():
    class Broken(io.BytesIO):
        def write(self, _):
            raise BrokenPipeError("gone")

    assert run(io.BytesIO(MESSAGES["gbk 8bit"]), Broken(), "unix:/nonexistent") == 75


def test_connect_mode_imports_nothing_heavy():
    cmd = [sys.executable, "-X", "importtime", "-m", "inquiry_nlp", "filter", "--connect", "unix:/nonexistent.sock"]
    proc = subprocess.run(cmd, input=MESSAGES["gbk 8bit"], capture_output=True, check=True)
    imported = {ln.rsplit("|", 1)[1].strip() for ln in proc.stderr.decode().splitlines() if ln.startswith("import time:")}
    assert "inquiry_nlp.filter" in imported and not imported & set(HEAVY)
    assert proc.stdout.endswith(body_of(MESSAGES["gbk 8bit"])) and b"X-Inquiry-Error:" in proc.stdout


def test_in_process_cli_filter_on_real_mail(tmp_path):
    """The whole command, model loaded in-process, on a real GB2312 message from trec06c."""
    path = sorted(need_shared(REAL / "trec06c" / "ham").glob("*.eml"))[0]
    data = path.read_bytes()
    proc = subprocess.run([sys.executable, "-m", "inquiry_nlp", "filter"], input=data, capture_output=True,
                          cwd=ROOT, check=True)
    assert proc.stdout.endswith(body_of(data)) and proc.stdout != data
    assert re.search(rb"\nX-Inquiry-Grade: [1-4]\n", proc.stdout), proc.stderr


def test_cli_filter_never_fails_on_empty_input():
    proc = subprocess.run([sys.executable, "-m", "inquiry_nlp", "filter", "--connect", "/nonexistent.sock"],
                          input=b"", capture_output=True)
    assert proc.returncode == 0 and proc.stdout == b""


def test_thread_safety_of_header_insertion():
    """filter_message holds no state: the daemon calls it from its handler concurrently."""
    data = MESSAGES["crlf quoted-printable"]
    results = []

    def work():
        results.append(filter_message(data, lambda d: {"grade": 2, "fraud": {"suspected": False, "score": 0.1}}))

    threads = [threading.Thread(target=work) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1 and b"X-Inquiry-Grade: 2\r\n" in results[0]


@pytest.mark.parametrize("value", [
    "grade 3: product named (不锈钢螺栓) and quantity given (500套); quantity_given: 500套",
    "fee_request: 需支付公证费 before signing; url http://example.com/" + "a" * 90,
    "specs_given: 直徑10mm 不鏽鋼 304 — “quoted” text, émigré, 😀 emoji",
    "an ASCII value that only looks like =?utf-8?q?an_encoded_word?= here",
    "长" * 200,
])
def test_folded_headers_decode_back_to_the_value(value):
    for eol in (b"\n", b"\r\n"):
        field = fold_field("X-Inquiry-Report", value, eol)
        # only a single word longer than a line (a URL) may exceed 78 columns (RFC 5322: 998)
        assert field.isascii() and all(len(ln) <= 78 or b" " not in ln.strip() for ln in field.split(eol))
        parsed = email.message_from_bytes(field + eol + b"body", policy=email.policy.default)
        assert str(parsed["X-Inquiry-Report"]) == value
