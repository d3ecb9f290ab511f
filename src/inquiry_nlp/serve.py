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

Errors: 413 over the size limit, 504 when grading takes longer than the timeout.
"""
from __future__ import annotations

import asyncio
import ipaddress
import json
import os
import signal
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


@dataclass
class State:
    """What the handlers share: the grading function, the pool it runs on, and counters."""

    classify: Callable[[bytes], dict[str, Any]]
    model: dict[str, Any]
    timeout: float
    pool: ThreadPoolExecutor
    started: float = field(default_factory=time.monotonic)
    requests: int = 0


STATE = web.AppKey("state", State)


def classifier_function(classifier: Any) -> Callable[[bytes], dict[str, Any]]:
    """Raw message → record dict (an error record for unreadable input), from a Classifier."""
    from .api import UnreadableMessage

    def classify(data: bytes) -> dict[str, Any]:
        try:
            return classifier.classify(data).to_dict()
        except UnreadableMessage as exc:
            return exc.record.to_dict()

    return classify


def make_app(classifier: Any, *, timeout: float = DEFAULT_TIMEOUT, max_size: int = DEFAULT_MAX_SIZE,
             threads: int = DEFAULT_THREADS) -> web.Application:
    """The application around a loaded :class:`~inquiry_nlp.api.Classifier` (or anything with
    ``classify(bytes)`` returning a record and a ``model_info``)."""
    app = web.Application(client_max_size=max_size)
    state = State(classifier_function(classifier), dict(getattr(classifier, "model_info", {}) or {}), timeout,
                  ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="inquiry-grade"))
    app[STATE] = state
    app.router.add_post("/classify", handle_classify)
    app.router.add_post("/filter", handle_filter)
    app.router.add_get("/health", handle_health)

    async def shutdown(_: web.Application) -> None:
        state.pool.shutdown(wait=False, cancel_futures=True)

    app.on_cleanup.append(shutdown)
    return app


async def _grade(request: web.Request, data: bytes) -> dict[str, Any]:
    """The record of ``data``, graded on the pool; raises TimeoutError after the timeout."""
    state = request.app[STATE]
    state.requests += 1
    loop = asyncio.get_running_loop()
    future = loop.run_in_executor(state.pool, state.classify, data)
    return await asyncio.wait_for(future, state.timeout)


async def handle_classify(request: web.Request) -> web.Response:
    data = await request.read()
    try:
        record = await _grade(request, data)
    except TimeoutError:
        raise web.HTTPGatewayTimeout(text=f"grading took longer than {request.app[STATE].timeout:g} s") from None
    status = 422 if "error" in record else 200
    return web.Response(status=status, content_type="application/json",
                        text=json.dumps(record, ensure_ascii=False))


async def handle_filter(request: web.Request) -> web.Response:
    data = await request.read()
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
    try:
        if kind == "unix":
            if os.path.exists(host):
                os.unlink(host)  # a stale socket of an earlier run
            site: web.BaseSite = web.UnixSite(runner, host)
            await site.start()
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
        if kind == "unix" and os.path.exists(host):
            os.unlink(host)


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
