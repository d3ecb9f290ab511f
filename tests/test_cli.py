"""The inquiry-nlp command as a user runs it: output contract, exit status, messages."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from inquiry_nlp.cli import main
from mailfactory import mbox, message

SAMPLE = ROOT / "data" / "sample" / "inbox.mbox"


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_classify_sample_inbox_jsonl(capsys):
    code, out, err = run(["classify", str(SAMPLE), "--format", "jsonl"], capsys)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert records and all(r["schema"] == 1 for r in records)
    n_messages = sum(len(r["message_ids"]) for r in records)
    assert f"{n_messages} messages read -> {len(records)} threads, 0 error records" in err
    assert "owner: hongli-fasteners.com (inferred" in err
    for r in records:
        assert set(r) >= {"thread_id", "message_ids", "customer", "subject", "lang", "grade", "fraud", "signals",
                          "fields", "reasons"}
        assert r["thread_id"] == r["message_ids"][0]
        assert set(r["fields"]) == {"quantities", "deadline", "emails", "phones", "fax", "company", "person", "im",
                                    "prices", "specs", "products"}
        assert "hongli-fasteners.com" not in (r["customer"]["address"] or "")


def test_own_given_is_reported_as_given(capsys, tmp_path):
    code, out, err = run(["classify", str(SAMPLE), "--own", "hongli-fasteners.com", "-o", str(tmp_path / "o.jsonl")],
                         capsys)
    assert code == 0 and out == ""
    assert "(given by --own)" in err
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8").count("\n") >= 20
    assert not (tmp_path / "o.jsonl.part").exists()


def test_bad_messages_are_error_records_and_exit_zero(capsys, tmp_path):
    p = tmp_path / "mixed.mbox"
    p.write_bytes(mbox(message("need 500 pcs", msgid="<a@x>"), b"\x00\xff junk", message("", msgid="<b@x>")))
    code, out, err = run(["classify", str(p), "--format", "jsonl"], capsys)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    errors = [r for r in lines if "error" in r]
    assert len(errors) == 1 and errors[0]["error"]["source"] == str(p) and errors[0]["error"]["index"] == 1
    assert "3 messages read" in err and "every message accounted for" in err


def test_missing_path_exits_2_with_what_to_do(capsys, tmp_path):
    code, out, err = run(["classify", str(tmp_path / "missing.mbox")], capsys)
    assert code == 2 and out == ""
    assert "missing.mbox: no such file or folder" in err and "mbox" in err


def test_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["classify", str(SAMPLE), "--format", "xml"])
    assert exc.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_console_script_reads_one_message_on_stdin():
    raw = message("有螺栓卖吗", subject="询价", msgid="<stdin@x>")
    proc = subprocess.run([sys.executable, "-m", "inquiry_nlp", "classify", "-", "--format", "jsonl"],
                          input=raw, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    (record,) = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert record["message_ids"] == ["<stdin@x>"] and record["lang"] == "zh-Hans"
