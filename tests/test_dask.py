"""The Dask engine gives exactly the local engine's records (same records, same order), on
a real 2-process LocalCluster, including when a worker dies mid-run."""
from __future__ import annotations

import json
from collections import Counter
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from conftest import REAL, VALIDATION, need_shared  # noqa: E402
from mailfactory import message  # noqa: E402

from inquiry_nlp import dask as engine  # noqa: E402
from inquiry_nlp.cli import main  # noqa: E402
from inquiry_nlp.mail import read_raw  # noqa: E402
from inquiry_nlp.mail.sources import iter_raw  # noqa: E402
from inquiry_nlp.pipeline import classify  # noqa: E402

SMALL_BLOCKS = 16 * 1024  # splits every test mbox into several blocks


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        c.register_plugin(engine.InquiryState())
        yield c


def local_records(paths, own=()):
    return [r.to_dict() for r in classify([str(p) for p in paths], own, workers=1, window_days=0).records()]


def dask_records(paths, own=(), blocksize=SMALL_BLOCKS):
    records, _ = engine.classify_paths([str(p) for p in paths], own, blocksize=blocksize)
    return [json.loads(line) for line in records.compute()["record"]]


def test_importing_the_package_never_imports_dask():
    code = ("import sys, inquiry_nlp, inquiry_nlp.pipeline, inquiry_nlp.cli, inquiry_nlp.workers; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed') "
            "or m == 'inquiry_nlp.dask'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("inbox", ["jinan-fastener", "qingdao-textile", "shenzhen-electronics"])
def test_same_records_as_local_on_the_validation_inboxes(client, inbox):
    mbox = need_shared(VALIDATION / f"{inbox}.mbox")
    own = [json.loads((VALIDATION / "own.json").read_text())[inbox]]
    assert mbox.stat().st_size > 2 * SMALL_BLOCKS  # the mbox is really split
    assert dask_records([mbox], own) == local_records([mbox], own)


@pytest.fixture(scope="module")
def real_subset():
    """Real public mail: a phishing mbox (split in blocks), Chinese mail in GBK/Big5
    traps, and one-message files: ~480 messages (the whole of real/ is slow on CI)."""
    need_shared(REAL)
    paths = [REAL / "nazario" / "phishing0.mbox", REAL / "trec06c" / "charset_traps", REAL / "spamassassin" / "spam"]
    return paths, local_records(paths)


@pytest.mark.slow
def test_same_records_as_local_on_real_mail(client, real_subset):
    paths, expected = real_subset
    assert dask_records(paths, blocksize=256 * 1024) == expected


def _kill_a_grading_worker(client, done: threading.Event) -> list[str]:
    """Kill the worker process that is grading, as soon as one is (SIGKILL: no goodbye)."""
    while not done.is_set():
        for worker, keys in client.processing().items():
            if any("_grade" in str(k) for k in keys):
                pid = client.run(os.getpid, workers=[worker])[worker]
                os.kill(pid, signal.SIGKILL)
                return [worker]
        time.sleep(0.02)
    return []


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(client, real_subset):
    paths, expected = real_subset
    done = threading.Event()
    killed: list[str] = []
    killer = threading.Thread(target=lambda: killed.extend(_kill_a_grading_worker(client, done)))
    killer.start()
    try:
        got = dask_records(paths, blocksize=256 * 1024)
    finally:
        done.set()
        killer.join()
    assert killed, "no worker was grading: the test did not test anything"
    ids = Counter(i for r in got for i in r["message_ids"])  # real dumps repeat Message-IDs
    assert ids == Counter(i for r in expected for i in r["message_ids"])
    accounted = sum(1 if "error" in r else len(r["message_ids"]) for r in got)
    assert accounted == sum(1 for _ in iter_raw([str(p) for p in paths]))
    assert got == expected


@pytest.fixture
def dump_with_bad_mail(tmp_path: Path) -> Path:
    """A folder as users have them: good mail (GBK), an empty file, binary junk, a reply in
    a subfolder, and an mbox whose body has an unescaped "From " line with a year."""
    d = tmp_path / "dump"
    (d / "sub").mkdir(parents=True)
    (d / "a.eml").write_bytes(message("您好，请报价 M10 螺栓 5000 件。".encode("gbk"), subject="询价 M10",
                                      content_type="text/plain; charset=gbk"))
    (d / "b.eml").write_bytes(b"")
    (d / "c.eml").write_bytes(bytes(range(256)) * 8)
    (d / "sub" / "d.eml").write_bytes(message("Price is USD 0.05/pc.", subject="Re: 询价 M10", msgid="<m2@x>",
                                              sender="sales@supplier.cn", to="buyer@example.com",
                                              in_reply_to="<m1@example.com>"))
    box = b"".join(b"From buyer@example.com Mon Mar  2 10:15:00 2026\n" + message(
        f"Need {n}000 pcs of part {n}.\n" + "filler line\n" * 300 + "From now on we order monthly.\n",
        subject=f"RFQ part {n}", msgid=f"<p{n}@example.com>") + b"\n" for n in range(12))
    (d / "inbox.mbox").write_bytes(box + b"From x@y Mon Mar  2 10:15:00 2026\n\n\n")
    return d


def test_bad_messages_become_the_same_error_records(client, dump_with_bad_mail):
    expected = local_records([dump_with_bad_mail])
    got = dask_records([dump_with_bad_mail], blocksize=4096)
    assert [r["error"]["kind"] for r in got if "error" in r] == ["empty_message", "unparseable_message",
                                                                "empty_message"]
    assert got == expected


def test_an_unescaped_from_line_at_a_block_boundary_stays_in_its_message(dump_with_bad_mail):
    from dask.bytes import read_bytes

    import dask

    mbox = dump_with_bad_mail / "inbox.mbox"
    f = engine.list_inputs([str(mbox)])[0]
    expected = [(r.index, _what(read_raw(r))) for r in iter_raw([str(mbox)])]
    assert len(expected) == 13
    for blocksize in (97, 500, 4096, 7777):
        _, blocks = read_bytes(str(mbox), delimiter=b"\nFrom ", blocksize=blocksize, sample=False)
        data = dask.compute(*blocks[0], scheduler="sync")
        assert any(b.startswith(b"now on") for b in data)  # a block starts at the body's From line
        heads = [engine._head(b, i) for i, b in enumerate(data)]
        pieces = [p for i, b in enumerate(data) for p in engine._read_block(f, i, b, heads[i + 1:], True)]
        offsets = engine._offsets((fn, bn, ix) for fn, bn, ix, _ in pieces)
        assert [(offsets[(fn, bn)] + ix, _what(item)) for fn, bn, ix, item in pieces] == expected
        if blocksize > 1000:  # smaller blocks: a message runs past LOOKAHEAD blocks (an error)
            read = engine.read_bag([f], blocksize).compute(scheduler="sync")  # blocks read inside the tasks
            offsets = engine._offsets((fn, bn, ix) for fn, bn, ix, _ in read)
            assert [(offsets[(fn, bn)] + ix, _what(item)) for fn, bn, ix, item in read] == expected


def _what(item) -> tuple:
    return (item.message_id, len(item.body)) if hasattr(item, "body") else (item.kind,)


def test_cli_writes_parts_and_the_merged_file_of_the_local_engine(client, tmp_path):
    mbox = need_shared(VALIDATION / "jinan-fastener.mbox")
    own = json.loads((VALIDATION / "own.json").read_text())["jinan-fastener"]
    local, merged, parts = tmp_path / "local.jsonl", tmp_path / "dask.jsonl", tmp_path / "parts"
    assert main(["classify", str(mbox), "--own", own, "-q", "--format", "jsonl", "-o", str(local)]) == 0
    assert main(["classify", str(mbox), "--own", own, "-q", "--engine", "dask", "--scheduler",
                 client.scheduler.address, "--parts", str(parts), "-o", str(merged), "--blocksize", "20000"]) == 0
    assert merged.read_bytes() == local.read_bytes()
    files = sorted(parts.glob("part-*.jsonl"))
    assert len(files) > 1 and b"".join(p.read_bytes() for p in files) == local.read_bytes()


def test_dask_engine_refuses_what_it_cannot_write(capsys):
    assert main(["classify", "x.mbox", "--engine", "dask", "--format", "csv"]) == 2
    assert "JSON Lines" in capsys.readouterr().err


def test_a_bag_of_raw_messages_gives_the_records_of_the_local_engine(client, dump_with_bad_mail):
    import dask.bag as db

    mbox = dump_with_bad_mail / "inbox.mbox"
    raws = [r.data for r in iter_raw([str(mbox)])]
    bag = db.from_sequence(raws, npartitions=3)
    records, _ = engine.classify_bag(engine.read_raw_bag(bag, str(mbox)))
    assert [json.loads(line) for line in records.compute()["record"]] == local_records([mbox])


def test_thread_numbers_are_counted_not_looked_up_by_message_id():
    from inquiry_nlp.mail import ErrorRecord as Err

    class Rec:
        def __init__(self, ids):
            self.message_ids = ids

    def thread(*ids):
        return type("T", (), {"messages": list(ids), "message_ids": list(ids)})()

    threads = [thread("<a>", "<dup>"), thread("<dup>"), thread("<x>", "<y>"), thread("<z>")]
    records = [Rec(["<a>", "<dup>"]), Rec(["<dup>"]), Err("processing_error", "", "s", 0, ["<x>"]),
               Err("processing_error", "", "s", 1, ["<y>"]), Rec(["<z>"])]
    assert engine._thread_numbers(records, threads, [10, 11, 12, 13]) == [10, 11, 12, 12, 13]


def test_cli_without_parts_streams_the_records_of_the_local_engine(client, dump_with_bad_mail, tmp_path):
    local, merged = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["classify", str(dump_with_bad_mail), "-q", "--format", "jsonl", "--window", "0", "-o", str(local)]) == 0
    assert main(["classify", str(dump_with_bad_mail), "-q", "--engine", "dask", "--scheduler",
                 client.scheduler.address, "-o", str(merged), "--blocksize", "4096"]) == 0
    assert merged.read_bytes() == local.read_bytes()


@pytest.mark.parametrize("size, blocksize, expected", [
    (10, 30, [(0, 10)]),  # a file smaller than a block: one block
    (90, 30, [(0, 30), (30, 30), (60, 30)]),
    (100, 30, [(0, 30), (30, 30), (60, 40)]),  # the rest joins the last block
    (61, 30, [(0, 30), (30, 31)]),
])
def test_blocks_cover_the_file_once(size, blocksize, expected):
    assert engine._spans(size, blocksize) == expected
