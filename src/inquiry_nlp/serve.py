"""``inquiry-nlp serve``: the model loaded once, answering mail tools over HTTP on localhost.

The spamd half of the spamd/spamc pattern (``inquiry-nlp filter --connect`` is the spamc
half). Built on aiohttp: a TCP port on the loopback interface (other interfaces only with
``--allow-remote``) or a Unix socket; a request size limit; a grading timeout; concurrent
requests, graded on a thread pool so the event loop keeps answering while a message is
being graded.

Endpoints:

- ``POST /classify`` — body: one raw RFC 822 message → the JSON record of the output
  contract (HTTP 200), or its error record (HTTP 422) when the body is not readable mail.
- ``POST /filter`` — body: one raw message → the message with the X-Inquiry-* headers
  (``message/rfc822``); on any failure the message unchanged with ``X-Inquiry-Error``.
- ``GET /health`` — ``{"status": "ok", "model": {...}, "requests": N, "uptime_seconds": S}``.

Errors: 413 over the size limit, 408 when the message is not received within the
timeout, 503 when more messages wait than the pool can grade in time (``--threads`` x
:data:`QUEUE_PER_THREAD`), 504 when grading takes longer than the timeout.
"""
from __future__ import annotations

import asyncio
import ipaddress
import json
import os
import signal
import socket
import stat
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from .client import DEFAULT_PORT, parse_address
from .errors import InputError
from .filter import DEFAULT_MAX_SIZE, filter_message, with_error

DEFAULT_TIMEOUT = 15.0
DEFAULT_THREADS = 2
QUEUE_PER_THREAD = 8  # messages admitted per grading thread; more get 503 at once, not a late 504


@dataclass
class State:
    """What the handlers share: the grading function, the pool it runs on, and counters."""

    classify: Callable[[bytes], dict[str, Any]]
    model: dict[str, Any]
    timeout: float
    pool: ThreadPoolExecutor
    capacity: int
    started: float = field(default_factory=time.monotonic)
    requests: int = 0
    busy: int = 0  # messages admitted and not finished (a timed-out one still runs on its thread)


STATE = web.AppKey("state", State)


def classifier_function(classifier: Any) -> Callable[[bytes], dict[str, Any]]:
    """Raw message → record dict (an error record for unreadable input), from a Classifier."""
    return classifier.record


def make_app(classifier: Any, *, timeout: float = DEFAULT_TIMEOUT, max_size: int = DEFAULT_MAX_SIZE,
             threads: int = DEFAULT_THREADS) -> web.Application:
    """The application around a loaded :class:`~inquiry_nlp.api.Classifier` (or anything with
    ``classify(bytes)`` returning a record and a ``model_info``)."""
    app = web.Application(client_max_size=max_size)
    threads = max(1, threads)
    state = State(classifier_function(classifier), dict(getattr(classifier, "model_info", {}) or {}), timeout,
                  ThreadPoolExecutor(max_workers=threads, thread_name_prefix="inquiry-grade"),
                  threads * QUEUE_PER_THREAD)
    app[STATE] = state
    app.router.add_post("/classify", handle_classify)
    app.router.add_post("/filter", handle_filter)
    app.router.add_get("/health", handle_health)

    async def shutdown(_: web.Application) -> None:
        state.pool.shutdown(wait=False, cancel_futures=True)

    app.on_cleanup.append(shutdown)
    return app


class Overloaded(Exception):
    """More messages are waiting than the pool can grade within the timeout."""


async def _body(request: web.Request) -> bytes:
    """The request's body, received within the timeout (a client that stalls mid-upload
    must not hold a connection for ever)."""
    try:
        return await asyncio.wait_for(request.read(), request.app[STATE].timeout)
    except TimeoutError:
        raise web.HTTPRequestTimeout(text="the message was not received in time") from None


async def _grade(request: web.Request, data: bytes) -> dict[str, Any]:
    """The record of ``data``, graded on the pool; raises :class:`Overloaded` when the pool
    has more than it can do, TimeoutError after the timeout."""
    state = request.app[STATE]
    state.requests += 1
    if state.busy >= state.capacity:
        raise Overloaded(f"{state.busy} messages are being graded or waiting")
    state.busy += 1
    loop = asyncio.get_running_loop()
    job = state.pool.submit(state.classify, data)
    job.add_done_callback(lambda _: _finished(loop, state))
    # On timeout wait_for cancels the job: one still queued never runs, one running finishes.
    return await asyncio.wait_for(asyncio.wrap_future(job), state.timeout)


def _finished(loop: asyncio.AbstractEventLoop, state: State) -> None:
    """A job is done or cancelled (called on its thread): count it off on the event loop."""
    def count_off() -> None:
        state.busy -= 1

    try:
        loop.call_soon_threadsafe(count_off)
    except RuntimeError:  # the loop has closed: the daemon is stopping
        pass


async def handle_classify(request: web.Request) -> web.Response:
    data = await _body(request)
    try:
        record = await _grade(request, data)
    except TimeoutError:
        raise web.HTTPGatewayTimeout(text=f"grading took longer than {request.app[STATE].timeout:g} s") from None
    except Overloaded as exc:
        raise web.HTTPServiceUnavailable(text=f"busy: {exc}") from None
    status = 422 if "error" in record else 200
    return web.Response(status=status, content_type="application/json",
                        text=json.dumps(record, ensure_ascii=False))


async def handle_filter(request: web.Request) -> web.Response:
    data = await _body(request)
    try:
        record = await _grade(request, data)
        out = filter_message(data, lambda _: record)
    except TimeoutError:
        out = with_error(data, f"grading took longer than {request.app[STATE].timeout:g} s")
    except Exception as exc:  # noqa: BLE001 - the mail goes back unchanged
        out = with_error(data, f"{type(exc).__name__}: {exc}")
    return web.Response(body=out, content_type="message/rfc822")


async def handle_health(request: web.Request) -> web.Response:
    state = request.app[STATE]
    return web.json_response({"status": "ok", "model": state.model, "requests": state.requests,
                              "uptime_seconds": round(time.monotonic() - state.started, 1)})


def check_host(host: str, allow_remote: bool) -> None:
    """Refuse to listen beyond the loopback interface unless asked to.

    >>> check_host("127.0.0.1", False); check_host("localhost", False)
    >>> check_host("0.0.0.0", False)
    Traceback (most recent call last):
    ...
    inquiry_nlp.errors.InputError: 0.0.0.0 is not a loopback address: the daemon grades mail for anyone who can reach it; add --allow-remote if that is what you want
    """
    if allow_remote or host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise InputError(f"{host} is not a loopback address: the daemon grades mail for anyone who can reach it; "
                         f"add --allow-remote if that is what you want")


async def serve(app: web.Application, address: str, *, socket_mode: int = 0o660,
                ready: Callable[[str], None] | None = None, stop: asyncio.Event | None = None) -> None:
    """Serve ``app`` on ``address`` (see :func:`inquiry_nlp.client.parse_address`) until
    ``stop`` is set, or SIGTERM / SIGINT. ``ready`` gets the address actually bound."""
    kind, host, port = parse_address(address)
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    ours = False  # whether the socket file is ours to remove at the end
    try:
        if kind == "unix":
            _remove_stale_socket(host)
            site: web.BaseSite = web.UnixSite(runner, host)
            old_umask = os.umask(0o777 & ~socket_mode)  # no moment with looser permissions
            try:
                await site.start()
            finally:
                os.umask(old_umask)
            ours = True
            os.chmod(host, socket_mode)
            bound = f"unix:{host}"
        else:
            site = web.TCPSite(runner, host, port)
            await site.start()
            real_port = runner.addresses[0][1] if runner.addresses else port  # port 0: the one given
            bound = f"[{host}]:{real_port}" if ":" in host else f"{host}:{real_port}"
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):  # not the main thread, or not Unix
                pass
        if ready:
            ready(bound)
        await stop.wait()
    finally:
        await runner.cleanup()
        if ours and os.path.exists(host):
            os.unlink(host)


def _remove_stale_socket(path: str) -> None:
    """Remove the socket an earlier run left behind; refuse to remove anything else, or a
    socket another daemon still answers on."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISSOCK(mode):
        raise InputError(f"{path} exists and is not a socket: give a --socket path of its own")
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.settimeout(1)
        probe.connect(path)
    except OSError:
        os.unlink(path)  # nobody listens: stale
        return
    finally:
        probe.close()
    raise InputError(f"{path}: another daemon is listening on it")


def main(address: str | None, *, model: str | None = None, rules: list[str] | None = None,
         own: list[str] | None = None, timeout: float = DEFAULT_TIMEOUT, max_size: int = DEFAULT_MAX_SIZE,
         threads: int = DEFAULT_THREADS, allow_remote: bool = False, socket_mode: int = 0o660) -> int:
    """Load the model, then serve until SIGTERM or Ctrl-C."""
    from .api import Classifier

    address = address or f"127.0.0.1:{DEFAULT_PORT}"
    kind, host, _ = parse_address(address)
    if kind == "tcp":
        check_host(host, allow_remote)
    start = time.perf_counter()
    clf = Classifier.load(model, rules or (), own=own or ())
    app = make_app(clf, timeout=timeout, max_size=max_size, threads=threads)

    def ready(bound: str) -> None:
        print(f"inquiry-nlp serve: listening on {bound} (model {clf.model_info.get('name')} "
              f"{clf.model_info.get('version')}, loaded in {time.perf_counter() - start:.1f} s)",
              file=sys.stderr, flush=True)

    asyncio.run(serve(app, address, socket_mode=socket_mode, ready=ready))
    print("inquiry-nlp serve: stopped", file=sys.stderr, flush=True)
    return 0
