"""inquiry-nlp serve: the daemon over TCP and a Unix socket, its limits, and filter --connect."""
from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import REAL, ROOT, need_shared
from inquiry_nlp.client import post, request
from inquiry_nlp.filter import filter_message
from inquiry_nlp import serve as daemon_module
from inquiry_nlp.errors import InputError
from inquiry_nlp.serve import make_app, serve
from mailfactory import b64, encoded_word, message

INQUIRY = message("您好，我们需要M10不锈钢螺栓5000件，月底前交货，请报价。\n王磊 电话 0531-88886666",
                  subject=encoded_word("询价", "gbk"), sender="王磊 <wl@sdhengtai-machinery.com>")
BIG5 = message(b64("我們需要不鏽鋼螺絲 3000 支，請報價。".encode("big5")), content_type="text/plain; charset=big5",
               cte="base64", eol="\r\n")


@contextlib.contextmanager
def running(app, address: str = "127.0.0.1:0"):
    """Serve ``app`` on a background event loop; yields the address it is bound to."""
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    bound: list[str] = []
    ready = threading.Event()

    def ready_cb(addr: str) -> None:
        bound.append(addr)
        ready.set()

    thread = threading.Thread(target=loop.run_until_complete, args=(serve(app, address, ready=ready_cb, stop=stop),))
    thread.start()
    try:
        assert ready.wait(10), "the daemon did not start"
        yield bound[0]
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(10)
        loop.close()


class Slow:
    """A stand-in classifier that takes its time (for the timeout and the event loop)."""

    model_info = {"name": "slow", "version": None}

    def record(self, data: bytes):
        time.sleep(1.5)
        raise AssertionError("should have timed out")


@pytest.fixture(scope="module")
def daemon(classifier):
    with running(make_app(classifier, max_size=64 * 1024)) as address:
        yield address


@pytest.fixture
def short_dir():
    """A short folder for Unix sockets (their paths are limited to ~100 bytes)."""
    with tempfile.TemporaryDirectory(prefix="inq", dir="/tmp") as d:
        yield Path(d)


def test_health(daemon, classifier):
    status, body = request(daemon, "GET", "/health", None, 5)
    health = json.loads(body)
    assert status == 200 and health["status"] == "ok" and health["model"] == classifier.model_info


def test_classify_returns_the_record_of_the_api(daemon, classifier):
    status, body = post(daemon, "/classify", INQUIRY, 10)
    assert status == 200
    assert json.loads(body) == json.loads(json.dumps(classifier.classify(INQUIRY).to_dict()))


@pytest.mark.parametrize("junk, kind", [(b"", "empty_message"), (b"\x00\x01\x02 not mail", "unparseable_message")])
def test_classify_unreadable_is_422_with_the_error_record(daemon, junk, kind):
    status, body = post(daemon, "/classify", junk, 10)
    assert status == 422 and json.loads(body)["error"]["kind"] == kind


def test_filter_endpoint_matches_the_local_filter(daemon, classifier):
    status, body = post(daemon, "/filter", BIG5, 10)
    assert status == 200
    assert body == filter_message(BIG5, lambda d: classifier.classify(d).to_dict())
    assert body.endswith(BIG5.split(b"\r\n\r\n", 1)[1]) and b"X-Inquiry-Grade: " in body


def test_request_size_limit(daemon):
    status, _ = post(daemon, "/classify", message("x" * 70_000), 10)
    assert status == 413


def test_concurrent_requests_match_sequential_results(daemon, classifier):
    root = need_shared(REAL)
    mails = [p.read_bytes() for p in sorted((root / "trec06c" / "ham").glob("*.eml"))[:12]] + [INQUIRY, BIG5]
    expected = [json.dumps(classifier.classify(m).to_dict(), ensure_ascii=False, sort_keys=True) for m in mails]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda m: post(daemon, "/classify", m, 30), mails * 2))
    got = [json.dumps(json.loads(body), ensure_ascii=False, sort_keys=True) for _, body in answers]
    assert [s for s, _ in answers] == [200] * len(got) and got == expected * 2


def test_timeout_and_the_event_loop_keeps_answering():
    with running(make_app(Slow(), timeout=0.3, threads=2)) as address:
        started = time.monotonic()
        slow = ThreadPoolExecutor(1).submit(post, address, "/classify", INQUIRY, 10)
        time.sleep(0.05)
        status, _ = request(address, "GET", "/health", None, 5)
        assert status == 200 and time.monotonic() - started < 1.0  # not queued behind the grading
        assert slow.result()[0] == 504
        status, body = post(address, "/filter", INQUIRY, 10)
        assert status == 200 and b"X-Inquiry-Error: grading took longer than 0.3 s" in body
        assert body.replace(b"X-Inquiry-Error: grading took longer than 0.3 s\n", b"") == INQUIRY


def test_unix_socket_and_filter_connect(classifier, short_dir):
    sock = short_dir / "inquiry.sock"
    with running(make_app(classifier), f"unix:{sock}") as address:
        assert address == f"unix:{sock}" and stat.S_IMODE(os.stat(sock).st_mode) == 0o660
        proc = subprocess.run([sys.executable, "-m", "inquiry_nlp", "filter", "--connect", str(sock)],
                              input=INQUIRY, capture_output=True, check=True)
        assert proc.stdout == filter_message(INQUIRY, lambda d: classifier.classify(d).to_dict())
    assert not sock.exists()  # removed on shutdown


def test_serve_refuses_a_public_address_without_allow_remote():
    proc = subprocess.run([sys.executable, "-m", "inquiry_nlp", "serve", "--listen", "0.0.0.0:0"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "--allow-remote" in proc.stderr


def test_cli_serve_end_to_end(short_dir):
    """The command as a mail server runs it: load, listen, answer, stop cleanly on SIGTERM."""
    sock = short_dir / "d.sock"
    proc = subprocess.Popen([sys.executable, "-m", "inquiry_nlp", "serve", "--socket", str(sock)], cwd=ROOT,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        assert f"listening on unix:{sock}" in line, line
        status, body = post(str(sock), "/classify", INQUIRY, 30)
        assert status == 200 and json.loads(body)["fields"]["phones"] == ["+8653188886666"]
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 0
        assert "stopped" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert not sock.exists()


def test_more_messages_than_the_pool_can_take_get_503_at_once(monkeypatch):
    monkeypatch.setattr(daemon_module, "QUEUE_PER_THREAD", 1)
    with running(make_app(Slow(), timeout=1.0, threads=1)) as address:
        first = ThreadPoolExecutor(1).submit(post, address, "/classify", INQUIRY, 10)
        time.sleep(0.2)
        started = time.monotonic()
        status, body = post(address, "/classify", INQUIRY, 10)
        assert status == 503 and b"busy" in body and time.monotonic() - started < 0.5
        status, body = post(address, "/filter", INQUIRY, 10)
        assert status == 200 and b"X-Inquiry-Error: Overloaded: " in body
        assert first.result()[0] == 504
        time.sleep(0.6)  # the slow grading ends on its thread: room again
        status, _ = request(address, "GET", "/health", None, 5)
        assert status == 200


def test_a_file_at_the_socket_path_is_never_removed(classifier, short_dir):
    path = short_dir / "not-a-socket"
    path.write_text("precious")
    with pytest.raises(InputError, match="not a socket"):
        asyncio.run(serve(make_app(classifier), f"unix:{path}"))
    assert path.read_text() == "precious"


def test_a_live_socket_is_not_taken_over(classifier, short_dir):
    sock = short_dir / "live.sock"
    with running(make_app(classifier), f"unix:{sock}"):
        with pytest.raises(InputError, match="another daemon"):
            asyncio.run(serve(make_app(classifier), f"unix:{sock}"))
        status, _ = request(str(sock), "GET", "/health", None, 5)
        assert status == 200  # the first daemon still answers on its socket
