"""Extract: the fields of the spec from each thread's customer messages, with evidence.

Each field has its own module (contacts, quantities, deadlines, prices, org, products); this
one runs them over every customer message's own text (new text and signature — never our
replies, never quoted or forwarded mail) and assembles the thread's fields in the spec's
normal forms. Every value keeps its evidence: the original text and the message it is in.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..mail import Message, Thread
from ..mail.domains import is_automated, relays_someone_else
from ..result import Fields
from .base import Context, Found
from .contacts import contact_spans, extract_emails, extract_fax, extract_ims, extract_phones
from .deadlines import extract_deadlines
from .org import (choose_company, choose_person, domain_named_company, extract_company, extract_person,
                  from_display_name, signing_display_name)
from .prices import extract_prices, thread_currency, with_currency
from .products import extract_products, extract_specs
from .quantities import extract_quantities
from .region import region_for

__all__ = ["Context", "Extraction", "Found", "extract_message", "extract_thread", "message_context"]


@dataclass
class MessageFinds:
    """Everything found in one customer message."""

    message_id: str
    ctx: Context
    found: dict[str, list[Found]] = field(default_factory=dict)


@dataclass
class Extraction:
    """A thread's fields and, for each value, where it was found."""

    fields: Fields
    per_message: list[MessageFinds]

    def evidence(self, kind: str) -> list[tuple[Found, str]]:
        return [(f, mf.message_id) for mf in self.per_message for f in mf.found.get(kind, [])]


def message_context(message: Message, region: str = "CN") -> Context:
    """The text of a message the customer wrote now: new text and signature."""
    parts = message.parts
    text = message.new_text if parts is None else "\n".join(p for p in (parts.new, parts.signature) if p)
    ctx = Context.build(text, date=message.date, region=region)
    ctx.mask(contact_spans(ctx))
    return ctx


# What the extractors of the request (quantities, deadlines, prices, specs, products) read of
# a message: an inquiry says what it wants long before this (the corpus's longest message has
# 3,300 characters), while a 15 KB newsletter would cost a mail filter 50 ms more. Contacts,
# company and person read the whole message: signatures come last.
BODY_SCAN_CHARS = 6000


def extract_message(ctx: Context) -> dict[str, list[Found]]:
    """Run every extractor over one message's context (contacts first: they are masked)."""
    body = ctx.head(BODY_SCAN_CHARS)
    return {
        "emails": extract_emails(ctx),
        "phones": extract_phones(ctx),
        "fax": extract_fax(ctx),
        "im": extract_ims(ctx),
        "quantities": extract_quantities(body),
        "deadlines": extract_deadlines(body),
        "prices": extract_prices(body),
        "company": extract_company(ctx),
        "person": extract_person(ctx),
        "specs": extract_specs(body),
        "products": extract_products(body),
    }


def _unique(values: list, key=lambda v: v) -> list:
    seen, out = set(), []
    for v in values:
        k = key(v)
        if k not in seen:
            seen.add(k)
            out.append(v)
    return out


def extract_thread(thread: Thread, own_addresses: set[str] | None = None) -> Extraction:
    """Fields of a thread from its customer messages, in the spec's normal forms."""
    per_message: list[MessageFinds] = []
    region = region_for(thread)
    for m in thread.customer_messages:
        ctx = message_context(m, region)
        per_message.append(MessageFinds(m.message_id, ctx, extract_message(ctx)))

    def all_of(kind: str) -> list[Found]:
        return [f for mf in per_message for f in mf.found.get(kind, [])]

    ours = {a.lower() for a in (own_addresses or set())}
    ours |= {m.from_addr for m in thread.messages if m.is_ours}
    senders = {m.from_addr for m in thread.customer_messages}
    # A customer's message to one recipient is to us: that address is ours, not theirs.
    ours |= {m.to[0].addr for m in thread.customer_messages if len(m.to) == 1 and not m.cc} - senders
    emails = [m.from_addr for m in thread.customer_messages
              if m.from_addr and not relays_someone_else(m.from_addr)]  # spec: every sender but a genuine platform or relay
    emails += [f.value for f in all_of("emails")]
    emails = [e for e in _unique(emails) if e not in ours]
    quantities = _unique([f.value | {"text": f.text} for f in all_of("quantities")],
                         key=lambda q: (q["value"], q["unit"]))
    our_prices, quoted_before = _our_prices(thread, region)
    # A bare amount takes the one currency the thread writes out ("0.30 可以吗" after "USD 0.33").
    currency = thread_currency(all_of("prices") + our_prices)
    # An amount equal to one we quoted earlier is the customer repeating our price — unless its
    # words make it their own figure (a payment made, a deposit, a budget, a counter-offer).
    prices = _unique([f.value | {"text": f.text}
                      for mf, quoted in zip(per_message, quoted_before)
                      for f in (with_currency(f, currency) for f in mf.found.get("prices", []))
                      if "own" in f.label.split() or (f.value["amount"], f.value["currency"]) not in quoted],
                     key=lambda p: (p["amount"], p["currency"]))
    deadlines = all_of("deadlines")
    dated = [f for f in deadlines if f.value]
    deadline = None
    if dated:
        first = min(dated, key=lambda f: f.value)
        deadline = {"date": first.value, "text": first.text}
    elif deadlines:
        deadline = {"date": None, "text": deadlines[0].text}
    company = [f.value for f in all_of("company")]
    person = [f.value for f in all_of("person")]
    if not company:
        # An organisation signing with its display name ("顺丰速运" … "顺丰速运"), automated or not.
        for m, mf in zip(thread.customer_messages, per_message):
            if m.sender and m.sender.name and not relays_someone_else(m.from_addr):
                signed = signing_display_name(m.sender.name, mf.ctx)
                if signed:
                    company = [signed]
                    break
    if not company or not person:
        # The text names neither: the sender's display name often does ("宁波甬精模具 设备部 沈").
        for m in thread.customer_messages:
            if m.sender and m.sender.name and not relays_someone_else(m.from_addr) and not is_automated(m.from_addr):
                c, p = from_display_name(m.sender.name)
                company = company or ([c] if c else [])
                person = person or ([p] if p else [])
                break
    if not company:
        # A name the text writes that spells the sender's domain ("Paw Palace" … @pawpalace.sg).
        for m, mf in zip(thread.customer_messages, per_message):
            if m.from_addr and not relays_someone_else(m.from_addr):
                named = domain_named_company(m.from_addr, mf.ctx, person[0] if person else None)
                if named:
                    company = [named]
                    break
    fields = Fields(
        quantities=quantities,
        deadline=deadline,
        emails=emails,
        phones=_unique([f.value for f in all_of("phones")]),
        fax=_unique([f.value for f in all_of("fax")]),
        company=choose_company(company),
        person=choose_person(person),
        im=_unique([f.value for f in all_of("im")], key=lambda i: (i["type"], i["id"].lower())),
        prices=prices,
        specs=_unique([f.value for f in all_of("specs")], key=str.lower),
        products=_unique([f.value for f in all_of("products")], key=str.lower),
    )
    return Extraction(fields, per_message)


def _our_prices(thread: Thread, region: str) -> tuple[list[Found], list[set[tuple[float, str]]]]:
    """Amounts we quoted, and for each customer message the (amount, currency) we had quoted
    before it: a customer repeating or accepting those is not stating a price."""
    ours: list[Found] = []
    quoted: set[tuple[float, str]] = set()
    before: list[set[tuple[float, str]]] = []
    for m in thread.messages:
        if not m.is_ours:
            before.append(quoted)
            continue
        found = extract_prices(message_context(m, region))
        ours += found
        quoted = quoted | {(f.value["amount"], f.value["currency"]) for f in found}
    return ours, before

