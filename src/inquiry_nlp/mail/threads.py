"""Group messages into inquiry threads and tell our messages from the customer's.

Per the spec: ``Message-ID`` / ``In-Reply-To`` / ``References`` first; a message that has
neither header (or whose parents are not in the dump) joins the thread with the same
normalised subject and the same outside party, within ``SUBJECT_GAP_DAYS`` of that
subject's last message (the spec sets no limit; a sales team counts "RFQ" sent again
months later as a new inquiry). "Us" is the configured own addresses or
domains; without them, the domain (or, for webmail, the address) that takes part in the
most threads is inferred, and :class:`Owner` says so and why.

>>> from inquiry_nlp.mail.message import Message, Address
>>> a = Message("x", 0, "<1@buyer.com>", "询价 M10", Address("", "wl@buyer.com"), [Address("", "sales@us.com")])
>>> b = Message("x", 1, "<2@us.com>", "回复：询价 M10", Address("", "sales@us.com"), [Address("", "wl@buyer.com")])
>>> threads, owner = build_threads([a, b])
>>> [m.message_id for m in threads[0].messages], owner.describe()
(['<1@buyer.com>', '<2@us.com>'], 'us.com (inferred: takes part in 1 of 1 threads)')
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from ..text.normalize import fold_width
from .domains import is_automated, is_webmail
from .message import Address, Message

SUBJECT_GAP_DAYS = 30
"""A message joins a thread by subject and party only within this many days of the
subject's previous message with that party (headers link threads however far apart)."""

_PREFIX = re.compile(
    r"^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|antw|tr|rif|r|enc|res|ynt|odp|pd|回复|回覆|回復|答复|答覆|转发|轉發|转寄|轉寄|"
    r"转|回)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*|\[(?:external|外部邮件|spam|外部郵件)\]\s*)+", re.IGNORECASE)


def normalize_subject(subject: str) -> str:
    """The subject without reply/forward prefixes, case and spacing: the threading key.

    >>> normalize_subject("回复：RE: Fwd:  询价  Hex Bolts")
    '询价 hex bolts'
    """
    s = fold_width(subject or "")
    prev = None
    while prev != s:
        prev = s
        s = _PREFIX.sub("", s)
    return " ".join(s.split()).casefold()


@dataclass
class Owner:
    """Who "us" is: addresses and domains, and whether that was given or inferred."""

    addresses: frozenset[str] = frozenset()
    domains: frozenset[str] = frozenset()
    inferred: bool = False
    evidence: str = ""

    @classmethod
    def from_config(cls, values: Iterable[str]) -> Owner:
        """``--own`` values: ``sales@x.com`` is an address, ``x.com`` or ``@x.com`` a domain."""
        addrs, doms = set(), set()
        for v in values:
            v = v.strip().lower()
            if not v:
                continue
            if "@" in v.strip("@"):
                addrs.add(v)
            else:
                doms.add(v.lstrip("@"))
        return cls(frozenset(addrs), frozenset(doms))

    def __bool__(self) -> bool:
        return bool(self.addresses or self.domains)

    def owns(self, address: str) -> bool:
        address = (address or "").lower()
        if address in self.addresses:
            return True
        domain = address.rpartition("@")[2]
        return any(domain == d or domain.endswith("." + d) for d in self.domains)

    def describe(self) -> str:
        who = ", ".join(sorted(self.domains | self.addresses)) or "nobody"
        return f"{who} (inferred: {self.evidence})" if self.inferred else who


@dataclass
class Thread:
    """An inquiry: every message of one conversation with one outside party, by date."""

    messages: list[Message]
    customer: Address | None = None
    lang: str | None = None

    @property
    def thread_id(self) -> str:
        return self.messages[0].message_id

    @property
    def message_ids(self) -> list[str]:
        return [m.message_id for m in self.messages]

    @property
    def subject(self) -> str:
        first = self.messages[0].subject
        return _PREFIX.sub("", first).strip() or first.strip()

    @property
    def customer_messages(self) -> list[Message]:
        return [m for m in self.messages if not m.is_ours]


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def build_threads(messages: Sequence[Message], own: Owner | None = None) -> tuple[list[Thread], Owner]:
    """Group ``messages`` (in input order) into threads; mark ``is_ours`` on each message.

    Output order is deterministic: threads in the input order of their first message."""
    n = len(messages)
    uf = _Union(n)
    by_id: dict[str, int] = {}
    for i, m in enumerate(messages):
        first = by_id.get(m.message_id)
        if first is None:
            by_id[m.message_id] = i
        elif _same_message(messages[first], m):
            uf.union(first, i)  # the same mail twice in the dump (inbox and archive, say)
    has_parent = [False] * n
    for i, m in enumerate(messages):
        for ref in ([m.in_reply_to] if m.in_reply_to else []) + m.references:
            j = by_id.get(ref)
            if j is not None and j != i:
                uf.union(i, j)
                has_parent[i] = True
    if not own:
        own = infer_owner(messages, uf)
    for m in messages:
        m.is_ours = own.owns(m.from_addr)
    # Subject fallback for messages without a known parent, within SUBJECT_GAP_DAYS of the
    # subject's previous message with that party: a buyer who sends "RFQ" again months
    # later starts a new inquiry.
    chains: dict[tuple[str, str], tuple[int, float]] = {}  # key -> (first message, newest date)
    subjects: dict[str, list[str]] = defaultdict(list)  # party -> its subjects, first seen first
    order = sorted(range(n), key=lambda i: (_ts(messages[i]), i))
    for i in order:
        m = messages[i]
        subject = normalize_subject(m.subject)
        party = _outside_party(m, own)
        if not subject or not party or is_automated(party):
            continue  # notifications share generic subjects: only headers thread them
        key = (subject, party)
        ts = _ts(m)
        chain = chains.get(key)
        if chain is not None and _near(chain[1], ts):
            if not has_parent[i]:
                uf.union(i, chain[0])
            chains[key] = (chain[0], max(chain[1], ts))
            continue
        if chain is None:
            subjects[party].append(subject)
        chains[key] = (i, ts)
        if not has_parent[i] and _PREFIX.match(fold_width(m.subject)):
            # A reply whose subject was extended ("回复：询价（样品）", "Re: RFQ - revised"):
            # the longest earlier subject with the same party that it starts with.
            earlier = [(len(s), chains[(s, party)][0]) for s in subjects[party]
                       if s != subject and len(s) >= 4 and subject.startswith(s)
                       and _near(chains[(s, party)][1], ts)]
            if earlier:
                uf.union(i, max(earlier)[1])
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    threads = []
    for root in sorted(groups, key=lambda r: min(groups[r])):
        members = sorted(groups[root], key=lambda i: (_ts(messages[i]), i))
        t = Thread([messages[i] for i in members])
        t.customer = _customer(t, own)
        threads.append(t)
    if own.inferred and own:
        part = sum(1 for t in threads if any(own.owns(a.addr) for m in t.messages
                                             for a in ([m.sender] if m.sender else []) + m.recipients()))
        own.evidence = f"takes part in {part} of {len(threads)} threads"
    return threads, own


def _same_message(a: Message, b: Message) -> bool:
    return a.from_addr == b.from_addr and normalize_subject(a.subject) == normalize_subject(b.subject)


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _ts(m: Message) -> float:
    return (m.date - _EPOCH).total_seconds() if m.date else float("-inf")


def _near(earlier: float, ts: float) -> bool:
    """Dates close enough for the subject fallback (an undated message is near anything)."""
    return ts - earlier <= SUBJECT_GAP_DAYS * 86400 or earlier == float("-inf") or ts == float("-inf")


def _outside_party(m: Message, own: Owner) -> str:
    if not own.owns(m.from_addr):
        return m.from_addr
    for r in m.recipients():
        if not own.owns(r.addr):
            return r.addr
    return ""


def _customer(t: Thread, own: Owner) -> Address | None:
    for m in t.messages:
        if not m.is_ours and m.sender:
            return m.sender
    for m in t.messages:
        for r in m.recipients():
            if not own.owns(r.addr):
                return r
    return None


def infer_owner(messages: Sequence[Message], uf: _Union | None = None) -> Owner:
    """The domain (or webmail address) that takes part in the most header-linked threads;
    ties go to the side that receives more (an inbox's owner is its recipient)."""
    if uf is None:
        uf = _Union(len(messages))
    dom_threads: dict[str, set[int]] = defaultdict(set)
    addr_threads: dict[str, set[int]] = defaultdict(set)
    received: Counter[str] = Counter()
    for i, m in enumerate(messages):
        root = uf.find(i)
        people = ([m.sender] if m.sender else []) + m.recipients()
        for a in people:
            if not a.addr or "@" not in a.addr:
                continue
            addr_threads[a.addr].add(root)
            dom_threads[a.domain].add(root)
        for r in m.recipients():
            received[r.addr] += 1
            received[r.domain] += 1
    total = len({uf.find(i) for i in range(len(messages))})
    candidates: list[tuple[int, int, str, bool]] = []
    for d, roots in dom_threads.items():
        if not is_webmail(d):
            candidates.append((len(roots), received[d], d, False))
    for a, roots in addr_threads.items():
        if is_webmail(a):
            candidates.append((len(roots), received[a], a, True))
    if not candidates:
        return Owner(inferred=True, evidence="no addresses in the dump")
    count, _, who, is_addr = max(candidates, key=lambda c: (c[0], c[1], c[2]))
    evidence = f"takes part in {count} of {total} threads"
    if is_addr:
        return Owner(addresses=frozenset([who]), inferred=True, evidence=evidence)
    return Owner(domains=frozenset([who]), inferred=True, evidence=evidence)
