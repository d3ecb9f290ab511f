"""Build raw RFC 822 messages byte by byte, the way real clients write them.

Tests use these instead of the stdlib's email generator so they control every byte:
declared charsets that lie, 8-bit headers, base64 over raw text, CRLF, broken MIME.
"""
from __future__ import annotations

import base64
import quopri


def encoded_word(text: str, charset: str, codec: str | None = None, kind: str = "B") -> str:
    data = text.encode(codec or charset)
    if kind == "B":
        return f"=?{charset}?B?{base64.b64encode(data).decode()}?="
    q = quopri.encodestring(data, header=True).decode()
    return f"=?{charset}?Q?{q}?="


def message(body: bytes | str = "", *, subject: str = "Inquiry", sender: str = "Buyer <buyer@example.com>",
            to: str = "sales@supplier.cn", msgid: str | None = "<m1@example.com>",
            date: str | None = "Mon, 02 Mar 2026 10:15:00 +0800", in_reply_to: str | None = None,
            references: str | None = None, content_type: str = "text/plain; charset=utf-8",
            cte: str | None = None, extra: str = "", eol: str = "\n") -> bytes:
    """One single-part message. ``body`` str is encoded as UTF-8; bytes are taken as they are."""
    lines = []
    if msgid:
        lines.append(f"Message-ID: {msgid}")
    if date:
        lines.append(f"Date: {date}")
    lines += [f"From: {sender}", f"To: {to}", f"Subject: {subject}"]
    if in_reply_to:
        lines.append(f"In-Reply-To: {in_reply_to}")
    if references:
        lines.append(f"References: {references}")
    lines += ["MIME-Version: 1.0", f"Content-Type: {content_type}"]
    if cte:
        lines.append(f"Content-Transfer-Encoding: {cte}")
    if extra:
        lines += extra.strip("\n").split("\n")
    head = eol.join(lines).encode("utf-8") + (eol * 2).encode()
    data = body.encode("utf-8") if isinstance(body, str) else body
    return head + data


def multipart(parts: list[tuple[str, str, bytes]], *, subtype: str = "mixed", boundary: str = "==b0und4ry==",
              **headers) -> bytes:
    """``parts``: (content-type line, extra header lines, payload bytes already encoded)."""
    body = b""
    for ctype, extra, payload in parts:
        body += f"--{boundary}\nContent-Type: {ctype}\n".encode()
        if extra:
            body += extra.strip("\n").encode("utf-8") + b"\n"
        body += b"\n" + payload + b"\n"
    body += f"--{boundary}--\n".encode()
    return message(body, content_type=f'multipart/{subtype}; boundary="{boundary}"', **headers)


def b64(data: bytes, width: int = 76) -> bytes:
    enc = base64.b64encode(data)
    return b"\n".join(enc[i:i + width] for i in range(0, len(enc), width))


def mbox(*messages: bytes) -> bytes:
    out = b""
    for m in messages:
        escaped = b"\n".join((b">" + ln if ln.lstrip(b">").startswith(b"From ") else ln) for ln in m.split(b"\n"))
        out += b"From MAILER-DAEMON Mon Mar  2 10:15:00 2026\n" + escaped.rstrip(b"\n") + b"\n\n"
    return out
