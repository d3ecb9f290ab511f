#!/usr/bin/env python3
"""Render labelled threads (data/README.md format) as real mail: an mbox or one .eml per message.

Usage:
    python data/tools/render_mbox.py THREADS.jsonl [MORE.jsonl ...] -o OUT.mbox
    python data/tools/render_mbox.py THREADS.jsonl [MORE.jsonl ...] --eml-dir DIR

Every message of every thread is rendered as an RFC 5322 / MIME message, in date order
across threads (as an inbox lists them):

- Headers: Message-ID, Date (with the message's own UTC offset), From, To, Cc, Subject,
  In-Reply-To and References (when ``in_reply_to`` is set; References is the chain of
  ancestors, oldest first), MIME-Version, Content-Type, Content-Transfer-Encoding.
  Non-ASCII Subject and display names are RFC 2047 encoded words in the message's charset
  (UTF-8 when that charset cannot hold them).
- Bodies follow the message's optional ``mime`` object (documented in data/README.md):
  charset, transfer encoding (base64, quoted-printable, 8bit), HTML-only or
  multipart/alternative. Without it: UTF-8, quoted-printable when the text is not ASCII,
  7bit when it is; a message with ``html`` and ``body`` becomes multipart/alternative, one
  with ``html`` only becomes text/html. A ``gb2312`` label is written with codec gb18030,
  as Chinese mail clients do (so GBK-only characters such as 喆 still get through).
- Attachments become base64 parts with the given filename (RFC 2231 ``filename*`` when it is
  not ASCII) and content type, filled with ``size`` deterministic bytes.

The output is byte-for-byte reproducible: nothing depends on the clock or on randomness.
The mbox is mboxrd: each message starts with a ``From <sender> <asctime UTC>`` line and any
body line matching ``>*From `` gets one more ``>``. Messages in the mbox use LF line ends;
.eml files use CRLF. Standard library only.
"""
from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import json
import re
import sys
import time
from datetime import datetime, timezone
from email.utils import format_datetime, getaddresses
from pathlib import Path
from urllib.parse import quote as urlquote

# Declared charset -> codec used to produce the bytes.
CODECS = {
    "utf-8": "utf-8",
    "gb2312": "gb18030",  # real clients label GBK/GB18030 text as GB2312
    "gbk": "gbk",
    "gb18030": "gb18030",
    "big5": "big5",
    "iso-8859-1": "latin-1",
    "windows-1252": "cp1252",
    "us-ascii": "ascii",
}
TRANSFERS = {"base64", "quoted-printable", "8bit", "7bit"}
MIME_KEYS = {"charset", "transfer", "html_only", "alternative"}
MAGIC = {
    "application/pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
    "application/zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    "application/x-zip-compressed": b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    "application/x-rar-compressed": b"Rar!\x1a\x07\x00",
    "image/jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "image/png": b"\x89PNG\r\n\x1a\n",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": b"PK\x03\x04\x14\x00\x06\x00",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": b"PK\x03\x04\x14\x00\x06\x00",
    "application/msword": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    "application/vnd.ms-excel": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
}
SPECIALS = set('()<>[]:;@\\,."')
FROM_LINE = re.compile(rb"^>*From ", re.M)


class RenderError(ValueError):
    pass


# ---------------------------------------------------------------- headers

def _codec_for(text: str, charset: str) -> tuple[str, str]:
    """(label, codec) able to encode text: the message charset if it can, else UTF-8."""
    codec = CODECS[charset]
    try:
        text.encode(codec)
        return charset, codec
    except UnicodeEncodeError:
        return "utf-8", "utf-8"


def _q_encode(raw: bytes) -> str:
    out = []
    for b in raw:
        c = chr(b)
        if c == " ":
            out.append("_")
        elif c.isascii() and (c.isalnum() or c in "!*+-/"):
            out.append(c)
        else:
            out.append(f"={b:02X}")
    return "".join(out)


def encoded_words(text: str, charset: str) -> list[str]:
    """RFC 2047 encoded words (each at most 75 characters), split on character boundaries.

    B encoding for CJK charsets and UTF-8, Q encoding for the Latin ones."""
    label, codec = _codec_for(text, charset)
    enc = "Q" if label in ("iso-8859-1", "windows-1252", "us-ascii") else "B"
    prefix = f"=?{label}?{enc}?"
    room = 75 - len(prefix) - 2

    def word(chunk: str) -> str:
        raw = chunk.encode(codec)
        body = _q_encode(raw) if enc == "Q" else base64.b64encode(raw).decode("ascii")
        return prefix + body + "?="

    words, chunk = [], ""
    for ch in text:
        if chunk and len(word(chunk + ch)) - len(prefix) - 2 > room:
            words.append(word(chunk))
            chunk = ""
        chunk += ch
    if chunk:
        words.append(word(chunk))
    return words


def fold(name: str, tokens: list[str]) -> str:
    """Header `name: tokens` joined by spaces, folded before a token when a line would pass 78."""
    line = f"{name}:"
    lines = []
    for i, tok in enumerate(tokens):
        if i and tok and len(line) + 1 + len(tok) > 78 and line.strip():
            lines.append(line)
            line = " " + tok
        else:
            line += " " + tok
    lines.append(line)
    return "\n".join(lines)


def unstructured(name: str, value: str, charset: str) -> str:
    if value.isascii():
        return fold(name, value.split(" ")) if len(name) + len(value) + 2 > 78 else f"{name}: {value}"
    return fold(name, encoded_words(value, charset))


def addresses(name: str, value: str, charset: str) -> str | None:
    if not value or not value.strip():
        return None
    tokens: list[str] = []
    pairs = getaddresses([value])
    for i, (disp, addr) in enumerate(pairs):
        if not addr or "@" not in addr:
            raise RenderError(f"{name}: cannot parse address in {value!r}")
        last = i == len(pairs) - 1
        comma = "" if last else ","
        if not disp:
            tokens.append(addr + comma)
        elif disp.isascii():
            if any(c in SPECIALS for c in disp):
                disp = '"' + disp.replace("\\", "\\\\").replace('"', '\\"') + '"'
            tokens.extend((disp + " <" + addr + ">" + comma).split(" "))
        else:
            tokens.extend(encoded_words(disp, charset))
            tokens.append("<" + addr + ">" + comma)
    return fold(name, tokens)


def param(key: str, value: str) -> list[str]:
    """MIME parameter(s): quoted ASCII, or RFC 2231 UTF-8 (with continuations when long)."""
    if value.isascii() and len(value) < 60:
        return [f'{key}="' + value.replace("\\", "\\\\").replace('"', '\\"') + '"']
    enc = "utf-8''" + urlquote(value.encode("utf-8"), safe="")
    if len(enc) <= 60:
        return [f"{key}*={enc}"]
    parts, cur = [], "utf-8''"
    for ch in value:  # split between characters, never inside one character's octets
        tok = urlquote(ch.encode("utf-8"), safe="")
        if len(cur) + len(tok) > 60:
            parts.append(cur)
            cur = ""
        cur += tok
    parts.append(cur)
    return [f"{key}*{i}*={p}" for i, p in enumerate(parts)]


def header_with_params(name: str, value: str, params: list[str]) -> str:
    out = f"{name}: {value}"
    for p in params:
        out += ";\n\t" + p
    return out


# ---------------------------------------------------------------- bodies

def text_part(kind: str, text: str, mime: dict) -> str:
    """Headers + encoded body (str of ASCII or, for 8bit, a surrogate-escaped str)."""
    charset = mime.get("charset") or "utf-8"
    codec = CODECS[charset]
    try:
        raw = text.replace("\r\n", "\n").encode(codec)
    except UnicodeEncodeError as exc:
        raise RenderError(f"text does not fit charset {charset}: {text[exc.start:exc.end]!r}") from None
    transfer = mime.get("transfer") or ("7bit" if raw.isascii() else "quoted-printable")
    if transfer == "7bit" and not raw.isascii():
        raise RenderError("transfer 7bit with non-ASCII text")
    if transfer == "base64":
        data = raw.replace(b"\n", b"\r\n")  # canonical form, as real clients encode it
        body = "\n".join(_b64lines(data))
    elif transfer == "quoted-printable":
        qp = binascii.b2a_qp(raw, quotetabs=False, istext=True, header=False).decode("ascii")
        body = "\n".join("=46rom " + ln[5:] if ln.startswith("From ") else ln for ln in qp.split("\n"))
    else:
        for ln in raw.split(b"\n"):
            if len(ln) > 998:
                raise RenderError(f"a line of {len(ln)} bytes cannot go as {transfer}; use quoted-printable or base64")
        body = raw.decode("ascii", "surrogateescape")
    if not body.endswith("\n"):
        body += "\n"
    head = f'Content-Type: text/{kind}; charset="{charset}"\nContent-Transfer-Encoding: {transfer}\n'
    return head + "\n" + body


def _b64lines(data: bytes) -> list[str]:
    enc = base64.b64encode(data).decode("ascii")
    return [enc[i:i + 76] for i in range(0, len(enc), 76)] or [""]


def filler(seed: str, content_type: str, size: int) -> bytes:
    if content_type.startswith("text/"):
        head = b"<!DOCTYPE html>\n<html><body>\n" if "html" in content_type else b""
        out = bytearray(head)
        n = 0
        while len(out) < size:
            out += hashlib.sha256(f"{seed}|{n}".encode()).hexdigest().encode() + b"\n"
            n += 1
        return bytes(out[:size])
    out = bytearray(MAGIC.get(content_type, b""))
    n = 0
    while len(out) < size:
        out += hashlib.sha256(f"{seed}|{n}".encode()).digest()
        n += 1
    return bytes(out[:size])


def attachment_part(msg_id: str, att: dict) -> str:
    name = att["filename"]
    ctype = att.get("content_type") or "application/octet-stream"
    size = int(att.get("size") or 0)
    data = filler(f"{msg_id}|{name}", ctype, size)
    head = header_with_params("Content-Type", ctype, param("name", name)) + "\n"
    head += "Content-Transfer-Encoding: base64\n"
    head += header_with_params("Content-Disposition", "attachment", param("filename", name)) + "\n"
    return head + "\n" + "\n".join(_b64lines(data)) + "\n"


def boundary(msg_id: str, level: str) -> str:
    return "----=_Part_" + level + "_" + hashlib.sha1(f"{msg_id}|{level}".encode()).hexdigest()[:20]


def multipart(subtype: str, bnd: str, parts: list[str], preamble: bool) -> str:
    out = f'Content-Type: multipart/{subtype};\n\tboundary="{bnd}"\n\n'
    if preamble:
        out += "This is a multi-part message in MIME format.\n\n"
    for p in parts:
        out += f"--{bnd}\n" + p + "\n"
    out += f"--{bnd}--\n"
    return out


def content(m: dict) -> str:
    mime = dict(m.get("mime") or {})
    unknown = set(mime) - MIME_KEYS
    if unknown:
        raise RenderError(f"unknown mime keys {sorted(unknown)}")
    cs = mime.get("charset") or "utf-8"
    if cs not in CODECS:
        raise RenderError(f"unknown charset {cs!r}")
    if mime.get("transfer") and mime["transfer"] not in TRANSFERS:
        raise RenderError(f"unknown transfer {mime['transfer']!r}")
    body, html = m.get("body") or "", m.get("html")
    if (mime.get("html_only") or mime.get("alternative")) and not html:
        raise RenderError("mime asks for HTML but the message has no html")
    if html and not mime.get("html_only") and not mime.get("alternative"):
        mime["alternative" if body else "html_only"] = True
    mid = m["message_id"]
    if mime.get("html_only"):
        main = text_part("html", html, mime)
    elif mime.get("alternative"):
        main = multipart("alternative", boundary(mid, "alt"),
                         [text_part("plain", body, mime), text_part("html", html, mime)], False)
    else:
        main = text_part("plain", body, mime)
    atts = m.get("attachments") or []
    if not atts:
        return main
    return multipart("mixed", boundary(mid, "mix"), [main] + [attachment_part(mid, a) for a in atts], True)


# ---------------------------------------------------------------- messages

def render(m: dict, ancestors: list[str]) -> bytes:
    cs = (m.get("mime") or {}).get("charset") or "utf-8"
    when = datetime.fromisoformat(m["date"])
    if when.tzinfo is None:
        raise RenderError("date without UTC offset")
    lines = [
        f"Message-ID: {m['message_id']}",
        f"Date: {format_datetime(when)}",
        addresses("From", m["from"], cs),
        addresses("To", m.get("to", ""), cs),
        addresses("Cc", m.get("cc", ""), cs),
        unstructured("Subject", m.get("subject", ""), cs),
    ]
    if m.get("in_reply_to"):
        lines.append(f"In-Reply-To: {m['in_reply_to']}")
        lines.append(fold("References", ancestors))
    lines.append("MIME-Version: 1.0")
    head = "\n".join(ln for ln in lines if ln) + "\n"
    return (head + content(m)).encode("ascii", "surrogateescape")


def ancestors_of(thread: dict) -> dict[str, list[str]]:
    parent = {m["message_id"]: m.get("in_reply_to") for m in thread["messages"]}
    out = {}
    for mid in parent:
        chain, cur, seen = [], parent[mid], set()
        while cur and cur not in seen:
            seen.add(cur)
            chain.append(cur)
            cur = parent.get(cur)
        out[mid] = list(reversed(chain))
    return out


def load(paths: list[Path]) -> list[tuple[dict, dict]]:
    """(thread, message) pairs in inbox order: by UTC date, then file order."""
    items = []
    for path in paths:
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    t = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise RenderError(f"{path}:{lineno}: not JSON: {exc}") from None
                for m in t["messages"]:
                    items.append((t, m))
    order = {id(m): i for i, (_, m) in enumerate(items)}
    items.sort(key=lambda tm: (datetime.fromisoformat(tm[1]["date"]).astimezone(timezone.utc), order[id(tm[1])]))
    return items


def envelope_sender(m: dict) -> str:
    pairs = getaddresses([m["from"]])
    return pairs[0][1] if pairs and pairs[0][1] else "MAILER-DAEMON"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("threads", nargs="+", type=Path, help="labelled-thread .jsonl files")
    out = ap.add_mutually_exclusive_group(required=True)
    out.add_argument("-o", "--output", type=Path, help="mbox file to write")
    out.add_argument("--eml-dir", type=Path, help="directory for one .eml per message")
    args = ap.parse_args(argv)

    try:
        items = load(args.threads)
    except (RenderError, OSError, KeyError) as exc:
        print(f"render_mbox: {exc}", file=sys.stderr)
        return 1
    chains = {}
    for t, _ in items:
        if id(t) not in chains:
            chains[id(t)] = ancestors_of(t)
    rendered = []
    for t, m in items:
        try:
            rendered.append((m, render(m, chains[id(t)][m["message_id"]])))
        except (RenderError, KeyError, ValueError) as exc:
            print(f"thread {t.get('id')} message {m.get('message_id')}: {exc}", file=sys.stderr)
            return 1

    if args.output:
        buf = bytearray()
        for m, raw in rendered:
            utc = datetime.fromisoformat(m["date"]).astimezone(timezone.utc)
            buf += f"From {envelope_sender(m)} {time.asctime(utc.timetuple())}\n".encode("ascii")
            buf += FROM_LINE.sub(lambda mo: b">" + mo.group(0), raw)
            buf += b"\n"
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_bytes(bytes(buf))
        where = str(args.output)
    else:
        args.eml_dir.mkdir(parents=True, exist_ok=True)
        for n, (m, raw) in enumerate(rendered, 1):
            local = re.sub(r"[^A-Za-z0-9._-]+", "_", m["message_id"].strip("<>").split("@")[0])[:60]
            (args.eml_dir / f"{n:03d}-{local}.eml").write_bytes(raw.replace(b"\n", b"\r\n"))
        where = f"{args.eml_dir}/"
    n_threads = len({id(t) for t, _ in items})
    print(f"{len(rendered)} messages from {n_threads} threads -> {where}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
