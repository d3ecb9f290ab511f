"""``inquiry-nlp filter``: one RFC 822 message in, the same message out with X-Inquiry-* headers.

The spamc pattern for mail servers (procmail, maildrop, Postfix): the message's bytes are
never re-serialised. Headers are inserted at the end of the header block by byte
manipulation, earlier ``X-Inquiry-*`` headers are removed (filtering twice gives one set), and
the body's bytes are untouched whatever their charset, transfer encoding or line endings.

Mail is never lost: whatever fails (the daemon is down or slow, grading raises, the input is
empty or not mail), the original message goes out unchanged — with ``X-Inquiry-Error`` when
it has a header block to put it in — and the exit status is 0.

This module imports nothing heavy: with ``--connect`` the grading is the daemon's, and the
in-process path imports :mod:`inquiry_nlp.api` only when it runs.

>>> msg = b"From: a@b.com\\r\\nSubject: hi\\r\\nX-Inquiry-Grade: 1\\r\\n\\r\\nbody\\r\\n"
>>> print(add_headers(msg, [("X-Inquiry-Grade", "3")]).decode())  # doctest: +NORMALIZE_WHITESPACE
From: a@b.com
Subject: hi
X-Inquiry-Grade: 3
<BLANKLINE>
body
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Sequence

from .client import DaemonError

TYPE_CHECKING = False  # no `typing` at run time: filter --connect starts once per message
if TYPE_CHECKING:
    from typing import Any, BinaryIO

PREFIX = "X-Inquiry-"
WIDTH = 78  # RFC 5322: lines SHOULD be no longer than 78 characters
LONGEST = 900  # ... and MUST be no longer than 998: an unbreakable word is cut at this length
REPORT_LIMIT = 1500  # characters of evidence in X-Inquiry-Report
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_SIZE = 20 * 1024 * 1024
_CHUNK = 1 << 20

_FIELD = re.compile(rb"[!-9;-~]+[ \t]*:")  # a header field's name, then the colon
_OURS = re.compile(rb"x-inquiry-", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # never in a header value: a NUL or bare CR breaks mail tools

Headers = list[tuple[str, str]]


class NotMail(ValueError):
    """The input has no header block: there is nowhere to put a header."""


# -- the header block, as bytes ------------------------------------------------------------

def split_header_block(data: bytes) -> tuple[bytes, bytes, bytes]:
    """``(head, rest, eol)``: the header block (with an mbox ``From `` envelope line, if any,
    and its last line ending), everything after it (the blank line and the body), and the
    line ending the message uses. Raises :class:`NotMail` when there is no header block.

    The block ends at the first blank line, or at the first line that is neither a field nor
    a continuation line (a message whose body follows its headers without a blank line):
    headers inserted there stay above the body, which is left as it came.

    >>> split_header_block(b"Subject: x\\n\\nbody")
    (b'Subject: x\\n', b'\\nbody', b'\\n')
    >>> split_header_block(b"Subject: x\\r\\n folded\\r\\nno blank line before this body\\r\\n")
    (b'Subject: x\\r\\n folded\\r\\n', b'no blank line before this body\\r\\n', b'\\r\\n')
    """
    pos = len(data.split(b"\n", 1)[0]) + 1 if data.startswith(b"From ") else 0  # the mbox envelope line
    fields = 0
    while pos < len(data):
        end = data.find(b"\n", pos)
        end = len(data) if end < 0 else end + 1
        line = data[pos:end]
        if line[:1] in (b" ", b"\t") and fields:
            pass  # a continuation line
        elif _FIELD.match(line):
            fields += 1
        else:
            break  # the blank line, or the body
        pos = end
    head, rest = data[:pos], data[pos:]
    if not fields or b"\x00" in head:
        raise NotMail("no header block at the start of the input")
    eol = b"\r\n" if head.split(b"\n", 1)[0].endswith(b"\r") else b"\n"
    if not head.endswith(b"\n"):
        head += eol  # a message of headers only, without a final line ending
    return head, rest, eol


def without_our_headers(head: bytes) -> bytes:
    """The header block without any ``X-Inquiry-*`` field (continuation lines included)."""
    out: list[bytes] = []
    dropping = False
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):
            if not dropping:
                out.append(line)
            continue
        dropping = bool(_OURS.match(line))
        if not dropping:
            out.append(line)
    return b"".join(out)


def add_headers(data: bytes, headers: Headers) -> bytes:
    """``data`` with our earlier headers removed and ``headers`` added at the end of its
    header block; the body's bytes are untouched. Raises :class:`NotMail`."""
    head, rest, eol = split_header_block(data)
    lines = [fold_field(name, value, eol) for name, value in headers]
    return without_our_headers(head) + b"".join(lines) + rest


# -- header values ---------------------------------------------------------------------------

def fold_field(name: str, value: str, eol: bytes = b"\n") -> bytes:
    """One header field, folded per RFC 5322 at 78 columns (at spaces, or after commas in a
    long list); words with non-ASCII text become RFC 2047 encoded-words.

    >>> fold_field("X-Inquiry-Status", "grade=2 fraud=no signals=" + ",".join(["quantity_given"] * 6))
    b'X-Inquiry-Status: grade=2 fraud=no\\n signals=quantity_given,quantity_given,quantity_given,quantity_given,\\n quantity_given,quantity_given\\n'
    >>> fold_field("X-Inquiry-Report", "product_named: 不锈钢螺栓")
    b'X-Inquiry-Report: product_named: =?utf-8?b?5LiN6ZSI6ZKi6J665qCT?=\\n'
    """
    first = f"{name}:"
    lines = [first]
    for token, glued in _tokens(_SPACE.sub(" ", _CONTROL.sub(" ", value)).strip()):
        sep = "" if glued else " "
        if len(lines[-1]) + len(sep) + len(token) > WIDTH and lines[-1] != first:
            lines.append(" " + token)
        else:
            lines[-1] += sep + token
    return eol.decode().join(lines).encode("ascii") + eol


def _tokens(value: str) -> list[tuple[str, bool]]:
    """The value's tokens, each with whether it joins the previous one without a space: ASCII
    words (long comma lists split after commas), and runs of non-ASCII words as encoded-words."""
    out: list[tuple[str, bool]] = []
    run: list[str] = []
    for word in value.split(" "):
        if not word.isascii() or word.startswith("=?"):
            run.append(word)
            continue
        if run:
            out += [(w, False) for w in _encoded_words(" ".join(run))]
            run = []
        out += [(piece, i > 0) for i, piece in enumerate(_pieces(word, WIDTH - 1))]
    if run:
        out += [(w, False) for w in _encoded_words(" ".join(run))]
    return out


def _encoded_words(text: str, max_bytes: int = 30) -> list[str]:
    """``text`` as RFC 2047 base64 encoded-words of at most 52 characters (they fit after any
    X-Inquiry-* name), split between characters; decoders join adjacent encoded-words
    without the space between them."""
    import base64

    chunks, current = [], b""
    for ch in text:
        b = ch.encode("utf-8")
        if current and len(current) + len(b) > max_bytes:
            chunks.append(current)
            current = b""
        current += b
    chunks.append(current)
    return [f"=?utf-8?b?{base64.b64encode(c).decode('ascii')}?=" for c in chunks if c]


def _pieces(word: str, width: int) -> list[str]:
    """A word split after commas into pieces no longer than ``width`` where possible; a
    piece longer than :data:`LONGEST` is cut (RFC 5322 forbids lines over 998 characters).

    >>> [len(p) for p in _pieces("a" * 2000, 77)]
    [900, 900, 200]
    """
    if len(word) <= width or "," not in word:
        return _cut(word)
    out = [""]
    for part in word.split(","):
        part += ","
        if out[-1] and len(out[-1]) + len(part) > width:
            out.append("")
        out[-1] += part
    out[-1] = out[-1][:-1]
    return [c for p in out if p for c in _cut(p)]


def _cut(word: str) -> list[str]:
    return [word[i:i + LONGEST] for i in range(0, len(word), LONGEST)] or [word]


def ascii_text(text: str) -> str:
    """``text`` on one line, in ASCII (for X-Inquiry-Error: readable by any mail tool)."""
    return _SPACE.sub(" ", text).strip().encode("ascii", "backslashreplace").decode()


def headers_for(record: dict[str, Any]) -> Headers:
    """The X-Inquiry-* headers of one record of the output contract.

    >>> rec = {"grade": 2, "fraud": {"suspected": False, "score": 0.04, "signals": []},
    ...        "signals": [{"code": "product_named", "evidence": "M10 bolts"},
    ...                    {"code": "quantity_given", "evidence": "500 pcs"}],
    ...        "reasons": ["grade 2: detailed interest"], "model": {"version": "2026.11.1"}}
    >>> for name, value in headers_for(rec): print(f"{name}: {value}")
    X-Inquiry-Grade: 2
    X-Inquiry-Fraud: no score=0.04
    X-Inquiry-Status: grade=2 fraud=no signals=product_named,quantity_given
    X-Inquiry-Report: grade 2: detailed interest; product_named: M10 bolts; quantity_given: 500 pcs
    """
    fraud = record.get("fraud") or {}
    grade = record.get("grade")
    grade_text = str(grade) if grade is not None else "unknown"
    verdict = "yes" if fraud.get("suspected") else "no"
    score = fraud.get("score")
    fraud_value = verdict + (f" score={score:.2f}" if isinstance(score, (int, float)) else "")
    hits = list(fraud.get("signals") or []) + list(record.get("signals") or [])
    codes = ",".join(dict.fromkeys(h["code"] for h in hits)) or "none"
    return [
        (PREFIX + "Grade", grade_text),
        (PREFIX + "Fraud", fraud_value),
        (PREFIX + "Status", f"grade={grade_text} fraud={verdict} signals={codes}"),
        (PREFIX + "Report", _report(record, hits)),
    ]


def _report(record: dict[str, Any], hits: list[dict[str, Any]]) -> str:
    """The deciding reason, then each signal with its evidence."""
    reasons = record.get("reasons") or []
    parts = reasons[:1] + [f"{h['code']}: {h.get('evidence') or ''}".strip() for h in hits]
    text = _SPACE.sub(" ", "; ".join(parts)).strip()
    return text if len(text) <= REPORT_LIMIT else text[:REPORT_LIMIT - 1] + "…"


def error_headers(detail: str) -> Headers:
    return [(PREFIX + "Error", ascii_text(detail)[:500])]


# -- one message through ---------------------------------------------------------------------

Grader = Callable[[bytes], "dict[str, Any]"]
"""Raw message → a record of the output contract (or an error record)."""


def filter_message(data: bytes, grade: Grader) -> bytes:
    """``data`` with our headers, or — on any failure — unchanged, with ``X-Inquiry-Error``
    where it has a header block. Never raises.

    >>> filter_message(b"Subject: x\\n\\nbody\\n", lambda d: 1 / 0).decode()
    'Subject: x\\nX-Inquiry-Error: ZeroDivisionError: division by zero\\n\\nbody\\n'
    >>> filter_message(b"just some text", lambda d: {})
    b'just some text'
    """
    try:
        split_header_block(data)
    except NotMail:
        return data
    try:
        record = grade(data)
        if "error" in record:
            err = record["error"]
            headers = error_headers(f"{err.get('kind')}: {err.get('detail')}")
        else:
            headers = headers_for(record)
        return add_headers(data, headers)
    except DaemonError as exc:
        return with_error(data, str(exc))
    except Exception as exc:  # noqa: BLE001 - any failure: the mail goes out unchanged
        return with_error(data, f"{type(exc).__name__}: {exc}")


def with_error(data: bytes, detail: str) -> bytes:
    """``data`` with only ``X-Inquiry-Error`` (our earlier headers removed); never raises."""
    try:
        return add_headers(data, error_headers(detail))
    except Exception:  # noqa: BLE001
        return data


def local_grader(model: str | None = None, rules: Sequence[str] = (), own: Sequence[str] = ()) -> Grader:
    """Grade in this process (loads the model: a couple of seconds)."""
    from .api import Classifier

    return Classifier.load(model, rules, own=own, warm=False).record


def daemon_grader(address: str, timeout: float = DEFAULT_TIMEOUT) -> Grader:
    """Grade with a running ``inquiry-nlp serve`` (its ``/classify`` endpoint)."""
    from .client import post

    def grade(data: bytes) -> dict[str, Any]:
        status, body = post(address, "/classify", data, timeout)
        if status not in (200, 422):
            raise DaemonError(f"daemon at {address} answered HTTP {status}: {body[:200]!r}")
        return json.loads(body)

    return grade


def run(stdin: BinaryIO, stdout: BinaryIO, connect: str | None = None, *, model: str | None = None,
        rules: Sequence[str] = (), own: Sequence[str] = (), timeout: float = DEFAULT_TIMEOUT,
        max_size: int = DEFAULT_MAX_SIZE) -> int:
    """Read one message, write it with our headers. Returns the exit status: 0, or 75
    (EX_TEMPFAIL, so the mail server keeps the message and retries) only when standard input
    cannot be read or standard output cannot be written.

    A message over ``max_size`` bytes is not held in memory: its first ``max_size`` bytes
    get ``X-Inquiry-Error`` and the rest is copied through as it is read."""
    try:
        data = _read_at_most(stdin, max_size + 1)
    except OSError as exc:
        return _tempfail(f"cannot read the message ({exc})")
    try:
        if len(data) > max_size:
            out = _over_the_limit(data, max_size)
        else:
            out = _filtered(data, connect, model, rules, own, timeout)
    except Exception:  # noqa: BLE001 - defensive: the steps above catch their failures
        out = data
    try:
        stdout.write(out)
        if len(data) > max_size:
            _copy(stdin, stdout)
        stdout.flush()
    except OSError as exc:
        _silence(stdout)
        return _tempfail(f"cannot pass the message on ({exc})")
    return 0


def _read_at_most(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes: fewer only at the end of the input (a pipe delivers in pieces)."""
    chunks: list[bytes] = []
    left = size
    while left > 0:
        chunk = stream.read(min(left, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _copy(src: BinaryIO, dst: BinaryIO) -> None:
    while chunk := src.read(_CHUNK):
        dst.write(chunk)


def _tempfail(why: str) -> int:
    print(f"inquiry-nlp filter: {why}; exit 75 so that the mail server retries", file=sys.stderr)
    return 75


def _silence(stdout: BinaryIO) -> None:
    """Point a broken standard output at /dev/null, so that flushing it again at exit does
    not fail and turn the exit status 75 into 120."""
    import os

    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, stdout.fileno())
    except (OSError, ValueError):  # not a real file (tests), or nothing to do
        pass


def _over_the_limit(data: bytes, max_size: int) -> bytes:
    """The first bytes of a message too large to grade, with ``X-Inquiry-Error`` if its
    whole header block is among them (else unchanged: a header must not split a line)."""
    try:
        if not split_header_block(data)[1]:
            return data
    except NotMail:
        return data
    return with_error(data, f"message over the {max_size}-byte limit: not graded")


def _filtered(data: bytes, connect: str | None, model: str | None, rules: Sequence[str], own: Sequence[str],
              timeout: float) -> bytes:
    try:
        grade = daemon_grader(connect, timeout) if connect else local_grader(model, rules, own)
    except Exception as exc:  # noqa: BLE001 - a model that will not load must not stop the mail
        return with_error(data, f"cannot grade: {type(exc).__name__}: {exc}")
    return filter_message(data, grade)
