"""Raw mail (RFC 822 bytes or an export row) to a :class:`~.message.Message`.

The stdlib parser runs with the ``compat32`` policy: it never raises on broken MIME and is
several times faster than ``policy.default``; header words (RFC 2047), 8-bit headers, body
charsets and transfer encodings are decoded here, through :mod:`.charsets`, because real
mail needs the alias table and the plausibility checks the stdlib does not have.

>>> m = parse_mail(b"Message-ID: <a@b>\\nFrom: =?gb2312?B?zfXA2g==?= <wl@163.com>\\n"
...                b"Subject: =?GBK?B?0a+821/C3cuo?=\\nContent-Type: text/plain; charset=x-gbk\\n\\n"
...                + "需要500套".encode("gbk"), "inbox.mbox", 0)
>>> m.sender.name, m.sender.addr, m.subject, m.body
('王磊', 'wl@163.com', '询价_螺栓', '需要500套')
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import quopri
import re
from datetime import datetime, timezone
from email.message import Message as EmailMessage
from email.parser import BytesParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from .charsets import decode_bytes
from .html import html_links, html_to_text
from .message import URL_IN_TEXT, Address, Attachment, ErrorRecord, Link, Message

MAX_BODY_CHARS = 400_000  # longer bodies are cut (with a note): the rest is never an inquiry
_PARSER = BytesParser(policy=compat32)
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_BETWEEN_WORDS = re.compile(r"(\?=)\s+(=\?)")
_MSGID = re.compile(r"<[^<>\s]+>")
_HEADER_LINE = re.compile(rb"^[!-9;-~]+[ \t]*:")
_WANTED = frozenset(("message-id", "subject", "from", "to", "cc", "reply-to", "in-reply-to", "references", "date"))
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_B64_OK = re.compile(r"^[A-Za-z0-9+/=\s]*$")


def parse_mail(data: bytes, source: str, index: int) -> Message | ErrorRecord:
    """Parse one RFC 822 message. Never raises: unreadable input becomes an ErrorRecord."""
    if not data.strip():
        return ErrorRecord("empty_message", "the message is empty (no headers, no body)", source, index)
    if not _has_headers(data):
        ids = _MSGID.findall(data[:8192].decode("latin-1"))[:1]
        return ErrorRecord("unparseable_message",
                           "no RFC 822 header lines at the start (binary data or plain text, not an email); "
                           "check that the file is a message or an mbox", source, index, ids)
    try:
        return _build(_parse(data), data, source, index)
    except Exception as exc:  # noqa: BLE001 - any failure on one message must not stop the batch
        ids = _MSGID.findall(data[:8192].decode("latin-1"))[:1]
        return ErrorRecord("unparseable_message", f"{type(exc).__name__}: {exc}", source, index, ids)


_HEADERS_ONLY = BytesParser(policy=compat32)
_END_OF_HEADERS = re.compile(rb"\r?\n\r?\n")


_MULTIPART = re.compile(rb"(?im)^content-type:[ \t]*(?:\r?\n[ \t]+)?(?:multipart|message)/")


def _parse(data: bytes) -> EmailMessage:
    """The stdlib parse, with a fast path for single-part mail: the feed parser walks a body
    line by line, which is most of its time and needless when there are no MIME parts."""
    mt = _END_OF_HEADERS.search(data)
    if mt and not _MULTIPART.search(data, 0, mt.end()):
        head = _HEADERS_ONLY.parsebytes(data[:mt.end()], headersonly=True)
        if not head.defects and (head.get_content_maintype() or "").lower() not in ("multipart", "message"):
            head.set_payload(data[mt.end():].decode("ascii", "surrogateescape"))
            return head
    return _PARSER.parsebytes(data)


def _has_headers(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return False
    first = head.lstrip(b"\r\n").split(b"\n", 1)[0]
    return bool(_HEADER_LINE.match(first))


def _build(msg: EmailMessage, data: bytes, source: str, index: int) -> Message:
    notes: list[str] = []
    header = _HeaderReader(msg, notes)
    mid = header.ids("message-id")[:1]
    m = Message(source=source, index=index, message_id=mid[0] if mid else "")
    if not m.message_id:
        m.message_id = synthetic_id(data)
        m.synthetic_id = True
        notes.append("no Message-ID: a stable one was made from the content")
    m.subject = header.text("subject")
    m.sender = (header.addresses("from") or [None])[0]
    m.to = header.addresses("to")
    m.cc = header.addresses("cc")
    m.reply_to = header.addresses("reply-to")
    irt = header.ids("in-reply-to")
    m.in_reply_to = irt[0] if irt else None
    m.references = header.ids("references")
    dates = header.raw("date")
    m.date = parse_date(dates[0] if dates else None, notes)
    _read_body(msg, m, notes)
    if msg.defects:
        notes.append("MIME defects: " + ", ".join(sorted({type(d).__name__ for d in msg.defects})))
    m.notes = notes
    return m


def synthetic_id(data: bytes) -> str:
    """A stable Message-ID for a message that has none (same content, same id)."""
    return f"<{hashlib.sha1(data).hexdigest()[:20]}@inquiry-nlp.invalid>"


def parse_date(value: str | None, notes: list[str] | None = None) -> datetime | None:
    """A Date header (RFC 5322) or an ISO 8601 string to an aware datetime, keeping the
    sender's UTC offset; None (and a note) when missing or unreadable."""
    if value is None or not str(value).strip():
        if notes is not None:
            notes.append("no Date header")
        return None
    text = " ".join(str(value).split())
    when: datetime | None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            when = None
    if when is None:
        if notes is not None:
            notes.append(f"unreadable Date header {text[:60]!r}")
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when


class _HeaderReader:
    """Header values as sent (``raw_items``: compat32 would wrap 8-bit values in Header
    objects that lose the bytes), unfolded, then decoded on demand."""

    def __init__(self, msg: EmailMessage, notes: list[str]) -> None:
        self.msg, self.notes = msg, notes
        self._hint: str | None | bool = False
        self.values: dict[str, list[str]] = {}
        for name, value in msg.raw_items():
            key = name.lower()
            if key in _WANTED:
                value = str(value)
                self.values.setdefault(key, []).append((_FOLD.sub(" ", value) if "\n" in value else value).strip())

    def raw(self, name: str) -> list[str]:
        return self.values.get(name, [])

    @property
    def hint(self) -> str | None:
        """The body's charset: the best guess for raw 8-bit header bytes (found on demand)."""
        if self._hint is False:
            self._hint = _first_text_charset(self.msg)
        return self._hint  # type: ignore[return-value]

    def _decode(self, value: str) -> str:
        return decode_header(value, self.hint if not value.isascii() else None)

    def text(self, name: str) -> str:
        values = self.raw(name)
        return self._decode(values[0]) if values else ""

    def ids(self, name: str) -> list[str]:
        out: list[str] = []
        for v in self.raw(name):
            found = _MSGID.findall(v)
            if not found and v.strip() and name == "message-id":
                found = [f"<{v.strip().strip('<>')}>"]
            out.extend(found)
        return out

    def addresses(self, name: str) -> list[Address]:
        values = self.raw(name)
        if not values:
            return []
        out = []
        for disp, addr in parse_addresses(values):
            addr = self._decode(addr).strip().strip("<>").lower()
            disp = self._decode(disp).strip().strip('"').strip()
            if not addr and not disp:
                continue
            if not addr and "@" in disp:
                disp, addr = "", disp.lower()
            out.append(Address(disp, addr))
        return out


_SIMPLE_ADDR = re.compile(r'^\s*(?:"([^"\\]*)"|([^"<>,;:@\\]*?))\s*<([^<>\s,;"]+@[^<>\s,;"]+)>\s*$|^\s*<?([^<>\s,;"]+@[^<>\s,;"]+?)>?\s*$')


def parse_addresses(values: list[str]) -> list[tuple[str, str]]:
    """(display name, address) pairs; the common one-address forms skip the slow stdlib parser."""
    out: list[tuple[str, str]] = []
    for v in values:
        mt = _SIMPLE_ADDR.match(v)
        if mt:
            if mt.group(3):
                out.append(((mt.group(1) if mt.group(1) is not None else mt.group(2) or "").strip(), mt.group(3)))
            else:
                out.append(("", mt.group(4)))
        else:
            out.extend(getaddresses([v]))
    return out


def decode_header(value: str, hint: str | None = None) -> str:
    """Decode RFC 2047 encoded words and raw 8-bit bytes in a header value.

    Adjacent encoded words in one charset are joined before decoding: Outlook splits GBK
    characters across words.

    >>> decode_header("=?gb2312?B?0a+829U=?= =?gb2312?B?5r/VscM=?=")
    '询价真空泵'
    """
    if not value.isascii():
        raw = value.encode("utf-8", "surrogateescape")
        value = decode_bytes(raw, hint).text
    if "=?" not in value:
        return " ".join(value.split()) if "\n" in value else value
    value = _BETWEEN_WORDS.sub(r"\1\2", value)
    out: list[str] = []
    pending: list[bytes] = []
    pending_cs: str | None = None
    pos = 0

    def flush() -> None:
        nonlocal pending, pending_cs
        if pending:
            out.append(decode_bytes(b"".join(pending), pending_cs).text)
        pending, pending_cs = [], None

    for mt in _ENCODED_WORD.finditer(value):
        if mt.start() > pos:
            flush()
            out.append(value[pos:mt.start()])
        charset = mt.group(1).split("*", 1)[0]
        raw = _decode_word(mt.group(2), mt.group(3))
        if pending and charset.lower() != (pending_cs or "").lower():
            flush()
        pending.append(raw)
        pending_cs = charset
        pos = mt.end()
    flush()
    out.append(value[pos:])
    return " ".join("".join(out).split()) if "\n" in value else "".join(out)


def _decode_word(kind: str, text: str) -> bytes:
    if kind in "bB":
        text = text.strip()
        try:
            return base64.b64decode(text + "=" * (-len(text) % 4))
        except (binascii.Error, ValueError):
            return text.encode("ascii", "replace")
    return quopri.decodestring(text.replace("_", " ").encode("ascii", "surrogateescape"), header=False)


def _first_text_charset(msg: EmailMessage) -> str | None:
    for part in msg.walk():
        cs = part.get_param("charset")
        if isinstance(cs, str) and cs:
            return cs
    return None


def _read_body(msg: EmailMessage, m: Message, notes: list[str]) -> None:
    plain: list[str] = []
    html: list[str] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = (part.get_content_type() or "text/plain").lower()
        if ctype.startswith("multipart/"):
            ctype = "text/plain"  # a multipart whose boundary never appears: its body is all we have
        disposition = (part.get("content-disposition") or "").split(";", 1)[0].strip().lower()
        filename = _filename(part, m)
        if filename or disposition == "attachment" or not ctype.startswith("text/"):
            if ctype == "message/rfc822" and not filename:
                filename = "forwarded-message.eml"
            if filename or disposition == "attachment" or not ctype.startswith(("multipart/", "message/")):
                m.attachments.append(Attachment(filename or "", ctype, _payload_size(part)))
            continue
        text = _part_text(part, notes)
        if ctype == "text/html":
            html.append(text)
        elif ctype in ("text/plain", "text/enriched", "text/richtext") or ctype.startswith("text/"):
            if ctype in ("text/calendar", "text/x-vcard", "text/vcard", "text/csv"):
                m.attachments.append(Attachment(filename or "", ctype, _payload_size(part)))
                continue
            plain.append(text)
    links: list[Link] = []
    body = "\n\n".join(p for p in plain if p.strip())
    if body.strip():
        for h in html:
            links.extend(html_links(h))  # the text is the plain part; the HTML gives its links
    else:
        texts = []
        for h in html:
            t, found = html_to_text(h)
            texts.append(t)
            links.extend(found)
        body = "\n\n".join(t for t in texts if t)
        m.body_from_html = bool(body)
    body = body.replace("\r\n", "\n").replace("\r", "\n").rstrip()
    if len(body) > MAX_BODY_CHARS:
        notes.append(f"body cut at {MAX_BODY_CHARS} of {len(body)} characters")
        body = body[:MAX_BODY_CHARS]
    m.body = body
    m.links = links + text_links(body if not m.body_from_html else "")


def text_links(text: str) -> list[Link]:
    """Bare URLs written in plain text: their visible text is their target."""
    return [Link(u, u if "://" in u else "http://" + u) for u in URL_IN_TEXT.findall(text)]


def _filename(part: EmailMessage, m: Message) -> str:
    if "name" not in (part.get("content-disposition") or "") and "name" not in (part.get("content-type") or ""):
        return ""  # no filename= / name= parameter: skip the slow parameter parser
    try:
        name = part.get_filename() or part.get_param("name") or ""
    except Exception:  # noqa: BLE001 - a malformed RFC 2231 parameter is just a missing name
        name = ""
    if isinstance(name, tuple):  # RFC 2231 value compat32 could not collapse
        name = name[2] or ""
    return decode_header(str(name)).strip() if name else ""


def _raw_payload(part: EmailMessage) -> object:
    # get_payload(decode=False) re-decodes 8-bit bytes with the declared charset, which is
    # exactly what must not happen before the charset checks: read the stored value.
    return getattr(part, "_payload", None)


def _payload_size(part: EmailMessage) -> int:
    """Decoded size without decoding: attachments can be tens of megabytes."""
    payload = _raw_payload(part)
    if not isinstance(payload, str):
        return sum(_payload_size(p) for p in payload) if isinstance(payload, list) else 0
    cte = (part.get("content-transfer-encoding") or "").strip().lower()
    if cte == "base64":
        n = len(payload) - payload.count("\n") - payload.count("\r") - payload.count(" ")
        return max(0, n * 3 // 4 - payload.rstrip().count("=", -2 if n else 0))
    return len(payload.encode("utf-8", "surrogateescape"))


def _part_text(part: EmailMessage, notes: list[str]) -> str:
    cte = (part.get("content-transfer-encoding") or "").strip().lower()
    payload = _raw_payload(part)
    if not isinstance(payload, str):
        return ""
    raw = payload.encode("utf-8", "surrogateescape")
    if cte == "base64":
        if not raw.isascii() or not _B64_OK.match(payload[:20000]):
            notes.append("base64 declared over raw 8-bit text: read as raw")
            data = raw
        else:
            compact = b"".join(raw.split())
            try:
                data = base64.b64decode(compact + b"=" * (-len(compact) % 4))
            except (binascii.Error, ValueError):
                notes.append("broken base64: read what decodes")
                data = base64.b64decode(compact[: len(compact) // 4 * 4], validate=False)
    elif cte == "quoted-printable":
        data = quopri.decodestring(raw)
    else:
        data = raw
    charset = part.get_param("charset")
    charset = charset if isinstance(charset, str) else None
    decoded = decode_bytes(data, charset)
    if decoded.note:
        notes.append(decoded.note)
    return decoded.text


def parse_row(row: dict[str, Any], source: str, index: int) -> Message | ErrorRecord:
    """One message of a JSONL/CSV export (columns: message_id, from, to, cc, date, subject,
    body, in_reply_to, references; optional: html, attachments)."""
    try:
        return _build_row(row, source, index)
    except Exception as exc:  # noqa: BLE001
        mid = row.get("message_id") if isinstance(row, dict) else None
        return ErrorRecord("unparseable_row", f"{type(exc).__name__}: {exc}", source, index,
                           [mid] if isinstance(mid, str) and mid else [])


def _build_row(row: dict[str, Any], source: str, index: int) -> Message:
    get = {str(k).lower(): v for k, v in row.items()}.get
    notes: list[str] = []

    def s(key: str) -> str:
        v = get(key)
        return "" if v is None else str(v)

    def addrs(key: str) -> list[Address]:
        v = get(key)
        values = v if isinstance(v, list) else [s(key)]
        return [Address(n.strip().strip('"'), a.strip().lower()) for n, a in parse_addresses([str(x) for x in values])
                if a or n]

    mid = _MSGID.findall(s("message_id"))
    body = s("body")
    links: list[Link] = []
    from_html = False
    if not body.strip() and s("html").strip():
        body, links = html_to_text(s("html"))
        from_html = True
    elif s("html").strip():
        links = html_to_text(s("html"))[1]
    m = Message(source=source, index=index,
                message_id=mid[0] if mid else (f"<{s('message_id').strip()}>" if s("message_id").strip() else ""))
    if not m.message_id:
        m.message_id = synthetic_id(json.dumps(row, sort_keys=True, default=str).encode())
        m.synthetic_id = True
        notes.append("no message_id: a stable one was made from the content")
    m.subject = s("subject")
    senders = addrs("from")
    m.sender = senders[0] if senders else None
    m.to, m.cc = addrs("to"), addrs("cc")
    irt = _MSGID.findall(s("in_reply_to"))
    m.in_reply_to = irt[0] if irt else None
    refs = get("references")
    m.references = _MSGID.findall(" ".join(refs) if isinstance(refs, list) else s("references"))
    m.date = parse_date(get("date"), notes)
    body = body.replace("\r\n", "\n").replace("\r", "\n")[:MAX_BODY_CHARS]
    m.body, m.body_from_html = body, from_html
    m.links = links + text_links("" if from_html else body)
    atts = get("attachments")
    if isinstance(atts, list):
        for a in atts:
            if isinstance(a, dict):
                m.attachments.append(Attachment(str(a.get("filename") or ""), str(a.get("content_type") or ""),
                                                int(a.get("size") or 0)))
    m.notes = notes
    return m
