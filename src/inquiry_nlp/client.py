"""A minimal HTTP/1.1 client for ``inquiry-nlp serve``, over TCP or a Unix socket.

``filter --connect`` runs once per message, so its start-up is most of its cost: this client
uses only :mod:`socket` (``http.client`` would import the email parser and ssl, which
costs more than the request itself). It speaks just what the daemon answers: one request,
``Connection: close``, a response with ``Content-Length`` or read to the end.

Addresses: ``PORT``, ``HOST:PORT``, ``[IPv6]:PORT``, ``http://HOST:PORT``, or a Unix socket
path (``/run/inquiry-nlp.sock``, ``unix:/run/inquiry-nlp.sock``).

>>> parse_address("7830"), parse_address("localhost:7830"), parse_address("unix:/tmp/s.sock")
(('tcp', '127.0.0.1', 7830), ('tcp', 'localhost', 7830), ('unix', '/tmp/s.sock', 0))
>>> parse_address("[::1]:7830"), parse_address("/run/inquiry-nlp.sock")
(('tcp', '::1', 7830), ('unix', '/run/inquiry-nlp.sock', 0))
"""
from __future__ import annotations

import socket
import time

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7830
_CHUNK = 65536


class DaemonError(OSError):
    """The daemon could not be reached, did not answer in time, or answered nonsense."""


def parse_address(address: str) -> tuple[str, str, int]:
    """``("tcp", host, port)`` or ``("unix", path, 0)``."""
    a = address.strip()
    if a.startswith("unix:"):
        return "unix", a[len("unix:"):], 0
    if a.startswith(("/", "./", "../")) or a.endswith(".sock"):
        return "unix", a, 0
    a = a.removeprefix("http://").rstrip("/")
    if a.isdigit():
        return "tcp", DEFAULT_HOST, int(a)
    host, sep, port = a.rpartition(":")
    if not sep or not port.isdigit() or (host.count(":") and not host.startswith("[")):
        return "tcp", a.strip("[]") or DEFAULT_HOST, DEFAULT_PORT  # a bare host name or IPv6 address
    return "tcp", host.strip("[]") or DEFAULT_HOST, int(port)


def post(address: str, path: str, data: bytes, timeout: float) -> tuple[int, bytes]:
    """POST ``data`` to the daemon at ``address``: (HTTP status, response body). Raises
    :class:`DaemonError` when it cannot be reached or has not answered within ``timeout`` s."""
    return request(address, "POST", path, data, timeout)


def request(address: str, method: str, path: str, data: bytes | None, timeout: float) -> tuple[int, bytes]:
    deadline = time.monotonic() + timeout
    body = data or b""
    head = (f"{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            f"Content-Type: message/rfc822\r\nContent-Length: {len(body)}\r\n\r\n").encode("ascii")
    try:
        with _connect(address, timeout) as sock:
            sock.sendall(head + body)
            raw = _read_all(sock, deadline)
    except OSError as exc:
        raise DaemonError(f"daemon at {address}: {type(exc).__name__}: {exc}") from exc
    return _parse_response(raw, address)


def _connect(address: str, timeout: float) -> socket.socket:
    kind, host, port = parse_address(address)
    if kind == "tcp":
        return socket.create_connection((host, port), timeout=timeout)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(host)
    except OSError:
        sock.close()
        raise
    return sock


def _read_all(sock: socket.socket, deadline: float) -> bytes:
    """Everything the server sends until it closes, within the deadline (however slowly it drips)."""
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no complete answer in time")
        sock.settimeout(left)
        chunk = sock.recv(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _parse_response(raw: bytes, address: str) -> tuple[int, bytes]:
    """(status, body) of a raw HTTP/1.x response.

    >>> _parse_response(b"HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\n{}", "x")
    (200, b'{}')
    """
    head, sep, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    parts = lines[0].split(b" ", 2)
    if not sep or len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit():
        raise DaemonError(f"daemon at {address}: not an HTTP answer: {raw[:80]!r}")
    fields = {k.strip().lower(): v.strip() for k, _, v in (line.partition(b":") for line in lines[1:])}
    if fields.get(b"transfer-encoding", b"").lower() == b"chunked":
        raise DaemonError(f"daemon at {address}: chunked answers are not supported")
    length = fields.get(b"content-length")
    if length is not None:
        if not length.isdigit() or len(body) < int(length):
            raise DaemonError(f"daemon at {address}: the answer was cut short")
        body = body[:int(length)]
    return int(parts[1]), body
