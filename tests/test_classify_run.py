"""A whole classify run as the sales team uses it: parallel workers, resume after an
interruption, Ctrl-C, the summary, and the output contract's JSON Schema."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import jsonschema
import pytest

from conftest import REAL, ROOT, need_shared
from inquiry_nlp.cli import main
from inquiry_nlp.result import output_schema
from mailfactory import mbox, message

SAMPLE = ROOT / "data" / "sample" / "inbox.mbox"
CLI = [sys.executable, "-m", "inquiry_nlp"]


def lines(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.fixture(scope="module")
def sample_once(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "one.jsonl"
    assert main(["classify", str(SAMPLE), "--format", "jsonl", "-o", str(out), "--workers", "1", "-q"]) == 0
    return out


def test_output_validates_against_the_shipped_schema(sample_once, tmp_path):
    validator = jsonschema.Draft202012Validator(output_schema())
    records = lines(sample_once)
    junk = tmp_path / "junk.mbox"
    junk.write_bytes(mbox(message("need 500 pcs M8 bolts", msgid="<a@x>"), b"\x00\xff junk"))
    out = tmp_path / "junk.jsonl"
    assert main(["classify", str(junk), "--format", "jsonl", "-o", str(out), "-q", "--workers", "1"]) == 0
    records += lines(out)
    assert any("error" in r for r in records) and any("grade" in r for r in records)
    for r in records:
        errors = sorted(validator.iter_errors(r), key=str)
        assert not errors, f"{r.get('thread_id') or r.get('error')}: {errors[0].message}"


def test_schema_rejects_a_broken_record(sample_once):
    record = lines(sample_once)[0]
    record["grade"] = 5
    record["fields"]["phones"] = ["0531-8888"]
    assert len(list(jsonschema.Draft202012Validator(output_schema()).iter_errors(record))) >= 1


@pytest.mark.slow
def test_two_workers_give_the_same_output_in_the_same_order(sample_once, tmp_path):
    out = tmp_path / "two.jsonl"
    assert main(["classify", str(SAMPLE), "--format", "jsonl", "-o", str(out), "--workers", "2", "-q"]) == 0
    assert out.read_bytes() == sample_once.read_bytes()


def test_small_batches_with_a_window_keep_threads_whole(sample_once):
    """The sample spans months; read in batches of 7 messages with a 30-day window, every
    thread still comes out whole, once, with the same fields."""
    from inquiry_nlp.pipeline import classify

    run = classify([str(SAMPLE)], model="default", workers=1, window_days=30, first_batch=7, batch=7)
    got = {r.thread_id: r.to_dict() for r in run.records()}
    want = {r["thread_id"]: r for r in lines(sample_once)}
    assert got.keys() == want.keys()
    assert run.summary.accounted() and run.summary.messages == 61
    for tid, r in want.items():
        assert got[tid]["message_ids"] == r["message_ids"]
        assert got[tid]["grade"] == r["grade"]


def test_window_and_whole_dump_agree_when_a_buyer_asks_again_months_later(tmp_path):
    """The subject fallback's 30-day reach equals the default window, so reading in small
    batches gives the threads of reading everything at once (what the Dask engine does)."""
    from inquiry_nlp.pipeline import classify

    us = "sales@hongli-fasteners.com"
    mails = []
    for month in (1, 3, 6, 11):  # "RFQ bolts" from the same buyer, months apart
        day = f"{month:02d}"
        mails.append(message("Pls quote M12 hex bolts 5000 pcs, zinc plated.", sender="Ade <ade@ngbuild.com.ng>",
                             to=us, subject="RFQ bolts", msgid=f"<q{day}@ngbuild.com.ng>",
                             date=f"Mon, 05 {_MONTHS[month]} 2026 09:00:00 +0100"))
        mails.append(message("USD 0.05/pc FOB Ningbo.", sender=us, to="ade@ngbuild.com.ng", subject="Re: RFQ bolts",
                             msgid=f"<r{day}@hongli-fasteners.com>", date=f"Wed, 07 {_MONTHS[month]} 2026 09:00:00 +0800"))
    dump = tmp_path / "dump.mbox"
    dump.write_bytes(mbox(*mails))

    def threads(**kw):
        run = classify([str(dump)], model="default", own=[us], workers=1, **kw)
        return [r.message_ids for r in run.records()]

    whole = threads(window_days=0)
    assert len(whole) == 4 and all(len(ids) == 2 for ids in whole)
    assert threads(window_days=30, first_batch=2, batch=2) == whole


_MONTHS = {1: "Jan", 3: "Mar", 6: "Jun", 11: "Nov"}


def test_resume_after_a_killed_run_neither_repeats_nor_loses_threads(sample_once, tmp_path):
    full = lines(sample_once)
    out = tmp_path / "resumed.jsonl"
    # What a killed run leaves: some whole records and half a line.
    text = sample_once.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(text[:10]) + text[10][:40], encoding="utf-8")
    assert main(["classify", str(SAMPLE), "--format", "jsonl", "-o", str(out), "--resume", "--workers", "1",
                 "-q"]) == 0
    got = lines(out)
    assert [r["thread_id"] for r in got] == [r["thread_id"] for r in full]
    assert got == full


def test_resume_needs_a_resumable_file(capsys):
    assert main(["classify", str(SAMPLE), "--format", "table", "--resume"]) == 2
    assert "--resume continues a JSONL or CSV file" in capsys.readouterr().err


@pytest.mark.slow
def test_ctrl_c_leaves_a_valid_file_that_resume_completes(tmp_path):
    ham = need_shared(REAL / "trec06c" / "ham")
    out = tmp_path / "ham.jsonl"
    args = [*CLI, "classify", str(ham), "--format", "jsonl", "-o", str(out), "--workers", "1", "-q"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(args, env=env, stderr=subprocess.PIPE, text=True)
    part = out.with_name(out.name + ".part")
    deadline = time.time() + 120
    while time.time() < deadline and not (part.exists() and part.stat().st_size > 2000):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "--resume" in err
    first = lines(out)  # every line is whole JSON
    assert 0 < len(first)
    done = subprocess.run(args + ["--resume"], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    records = lines(out)
    # Every message in exactly one record: a record written twice would count its messages twice.
    assert sum(len(r["message_ids"]) for r in records if "thread_id" in r) + \
        sum(1 for r in records if "error" in r) == 250


def test_summary_counts_grades_and_fraud(capsys):
    code = main(["classify", str(SAMPLE), "--format", "jsonl", "--workers", "1"])
    out, err = capsys.readouterr()
    records = [json.loads(x) for x in out.splitlines()]
    assert code == 0
    grades = {g: sum(1 for r in records if r["grade"] == g) for g in (1, 2, 3, 4)}
    shown = "; grades " + ", ".join(f"{g}: {n}" for g, n in grades.items() if n)
    assert shown in err
    assert f"suspected fraud: {sum(r['fraud']['suspected'] for r in records)}" in err


def test_bad_worker_count_says_what_to_do(capsys):
    assert main(["classify", str(SAMPLE), "--workers", "0"]) == 2
    assert "--workers 0" in capsys.readouterr().err


def test_report_renders_a_finished_run_in_other_formats(sample_once, tmp_path, capsys):
    assert main(["report", str(sample_once), "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == sample_once.read_text(encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(sample_once), "--format", "html", "-o", str(out)]) == 0
    assert f"{len(lines(sample_once))} threads" in out.read_text(encoding="utf-8")


def test_report_names_a_line_that_is_not_a_record(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"schema": 1}\n', encoding="utf-8")
    assert main(["report", str(bad)]) == 2
    assert f"{bad}:1: not a record" in capsys.readouterr().err
