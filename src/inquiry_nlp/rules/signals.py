"""Rules that need more than a keyword: the extracted fields, links, attachments, the
thread's shape and timing. Each is a small named function returning its evidence or None;
scores and descriptions can be overridden by name in a rule file, thresholds and lists are
``[settings]`` of the rule files.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

from ..mail.domains import is_platform, is_webmail
from ..text.normalize import for_matching
from ..lazyre import LazyPattern
from .engine import FRAUD_SIGNALS, Check, pattern_needles, rule


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    """A settings pattern, compiled once (settings are read per thread, compiled per process)."""
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=64)
def _list_checks(patterns: tuple[str, ...]) -> list[Check]:
    """Each pattern of a setting (one regex or a list of them) with its needles, for
    ``view.find``: compiled only when a text holds a needle (the shipped settings' needles
    come with the package, engine.shipped_needles)."""
    return [(LazyPattern(p, re.IGNORECASE), pattern_needles(p)) for p in patterns]


def _setting_checks(pattern: str) -> list[Check]:
    """:func:`_list_checks` of a setting that is one regex."""
    return _list_checks((pattern,))


@lru_cache(maxsize=16)
def _place_patterns(places: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alt = "|".join(re.escape(p) for p in places)
    # Where the customer is, not where the goods go: an address line or "we are in / based in".
    near = re.compile(rf"(?:地址|地 址|address|add\s*[:：]|我们在|我司在|我们是|位于|地处|located in|based in|we are in|"
                      rf"we are from)[^\n]{{0,16}}(?:{alt})", re.IGNORECASE)
    return near, re.compile(alt, re.IGNORECASE)


# --- from the extracted fields -------------------------------------------------------------
def _first(view, kind: str):
    ev = view.extraction.evidence(kind)
    return (ev[0][0].text, ev[0][1]) if ev else None


@rule("FIELD_PRODUCT", "product_named", 1.0, "names a product (line) we sell")
def product_named(view):
    return _first(view, "products")


@rule("FIELD_SPECS", "specs_given", 1.0, "gives a specification: size, material, grade, standard, model")
def specs_given(view):
    return _first(view, "specs")


@rule("FIELD_QUANTITY", "quantity_given", 1.0, "states a quantity")
def quantity_given(view):
    return _first(view, "quantities")


_NOT_A_DATE = re.compile(r"^\s*(?:asap|as soon as possible|urgent(?:ly)?|immediately|尽快|越快越好|急|急用|马上|立即|"
                         r"at (?:the|your) earliest)\W*$", re.IGNORECASE)


@rule("FIELD_DEADLINE", "deadline_given", 1.0, "states when they need it (a date or a named period)")
def deadline_given(view):
    for found, mid in view.extraction.evidence("deadlines"):
        if found.value or not _NOT_A_DATE.match(found.text):
            return found.text, mid
    return None


# --- thread shape -----------------------------------------------------------------------------
@rule("THREAD_SIX_MESSAGES", "engaged_thread", 1.0, "six or more messages, the customer writing more than once")
def engaged_thread(view):
    n = len(view.thread.messages)
    customer = len(view.thread.customer_messages)
    if n >= int(view.settings.get("engaged_messages", 6)) and customer >= 2 and customer < n:
        return f"{n} messages, {customer} from the customer"
    return None


@rule("THREAD_RESPONSIVE", "responsive", 0.5, "the customer answers our messages within 2 days on average")
def responsive(view):
    msgs = view.thread.messages
    gaps = []
    for prev, cur in zip(msgs, msgs[1:]):
        if prev.is_ours and not cur.is_ours and prev.date and cur.date:
            gaps.append((cur.date - prev.date).total_seconds() / 86400)
    limit = float(view.settings.get("responsive_days", 2.0))
    if gaps and sum(gaps) / len(gaps) <= limit:
        return f"replies in {sum(gaps) / len(gaps):.1f} days on average ({len(gaps)} replies)"
    return None


# --- contacts ---------------------------------------------------------------------------------
# An address label with an address after it (not "请把寄送地址发我"), a Chinese house number that is
# not a day of the month ("20号前"), or a numbered street in English.
_ADDRESS = re.compile(
    r"(?:地\s?址\s*(?:[:：]|是|在|为|\s)|\baddress\s*[:：]|\baddr\.?\s*[:：]|\badd\s*[:：]|\badress\s*[:：]|"
    r"\b(?:our|my) (?:new |office |factory |warehouse |shop |delivery )?address is\b)|"
    r"(?:(?<![月\d])\d+\s*(?:号|號)(?![前后]|之前|以前|之后|以后|可以|到货|发货|交货|送到|左右|出货|开始|截止|上午|下午|"
    r"晚上|早上|中午|当天|那天|开|的|到)|路\s*\d+|街\s*\d+|区.{1,12}路|"
    r"\b\d{1,5}[a-z]?,?\s+[a-z][a-z .'-]{2,40}\b(?:street|st\.|road|rd\.?|avenue|ave\.?|lane|way|drive|dr\.|"
    r"boulevard|blvd|estate|industrial|park|plaza|building|bldg|floor|suite|highway|hwy|parkway|pkwy|crescent|"
    r"terrace)\b)", re.IGNORECASE)
# A signature line written as a postal address in another country's way: a street word with a number
# ("ul. Obornicka 231", "Rua João Bettega, 3150", "Jalan SS 15/4"), or a postal code ("60-650 Poznań",
# "CEP 81070", "OR 97204", "LE19 1WX", "V5M 2H9").
_STREET_WORD = re.compile(
    r"\b(?:street|road|avenue|blvd|boulevard|highway|hwy|jalan|jln|jl\.|calle|carrera|rua|avenida|av\.|ul\.|ulica|"
    r"strasse|straße|str\.|viale|piazza|corso|rue|crescent|terrace|soi|thanon|colonia|rodovia|bairro|"
    r"p\.?\s?o\.?\s?box|industrial (?:area|estate|park|zone))(?!\w)|"
    r"[a-zäöüß]{3,}(?:strasse|straße|weg|gasse|laan|straat|vej|gatan|veien|allee|platz|damm)\b", re.IGNORECASE)
_POSTAL_CODE = re.compile(r"\b\d{2}-\d{3}\s+[A-ZÀ-Ý]|\bCEP:?\s?\d{5}|\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b|"
                          r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b")
_SENTENCE_WORD = re.compile(r"\b(?:please|pls|kindly|we|i|you|need|want|would|could|can|will|for|the|is|are|to|our|"
                            r"ship|send|deliver)\b|[?？]", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def _address_line(text: str) -> str | None:
    """The first short line written as a postal address (street word or postal code, and a number)."""
    for rx in (_STREET_WORD, _POSTAL_CODE):
        for m in rx.finditer(text):
            start = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.end())
            line = text[start:end if end >= 0 else len(text)].strip()
            if 6 <= len(line) <= 140 and _DIGIT.search(line) and not _SENTENCE_WORD.search(line):
                return line
    return None


def has_address(view) -> tuple[str, str] | None:
    for mid, text, norm in view.customer_texts():
        m = _ADDRESS.search(norm)
        if m:
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            return text[line_start:line_end if line_end >= 0 else len(text)].strip(), mid
    for mid, text, _ in view.customer_texts():
        line = _address_line(text)
        if line:
            return line, mid
    return None


@rule("CONTACT_COMPLETE", "contact_complete", 1.0,
      "company name plus three of address, phone, fax, email, IM handle")
def contact_complete(view):
    f = view.fields
    if not f.company:
        return None
    have = []
    phones = set(f.phones)
    if phones:
        have.append("phone")
    if f.fax:
        have.append("fax")
    if f.emails:
        have.append("email")
    # One number given as both phone and WhatsApp counts once.
    ims = [i for i in f.im if not (i["type"] in ("whatsapp", "telegram") and i["id"] in phones)
           and not (i["type"] in ("wechat",) and any(p.endswith(i["id"]) for p in phones))]
    if ims:
        have.append("IM")
    # The address is read from the text only when it decides the outcome.
    if len(have) == 2 and has_address(view):
        have.insert(0, "address")
    if len(have) >= 3:
        return f"{f.company}: {', '.join(have)}"
    return None


@rule("LOCAL_PLACE", "local", 0.5,
      "the customer is in our city or a nearby district (settings: local_places, local_area_codes)")
def local(view):
    places = view.settings.get("local_places") or []
    codes = tuple(view.settings.get("local_area_codes") or [])
    for phone in view.fields.phones + view.fields.fax:
        if codes and phone.startswith(codes):
            return phone, None
    if not places:
        return None
    rx, place_rx = _place_patterns(tuple(places))
    for mf in view.extraction.per_message:
        sig = mf.ctx.text[len(mf.ctx.text) - len(_signature_of(view, mf.message_id)):]
        m = place_rx.search(sig) if sig else None
        if m:
            return sig[max(0, m.start() - 10):m.end() + 10].strip(), mf.message_id
        m = rx.search(mf.ctx.plain or mf.ctx.norm)
        if m:
            return mf.ctx.text[m.start():m.end()].strip(), mf.message_id
    return None


def _signature_of(view, message_id: str) -> str:
    for m in view.thread.customer_messages:
        if m.message_id == message_id and m.parts:
            return m.parts.signature
    return ""


# --- composed signals ---------------------------------------------------------------------------
# ``unless`` also makes these composed rules run after the pattern rules whose signals they read.
@rule("PRICE_ONLY", "price_only", 0.5, "interested in nothing but the price", unless=("order_placed",))
def price_only(view):
    if not view.has("price_request"):
        return None
    if any(view.has(c) for c in ("specs_given", "quantity_given", "deadline_given", "detail_interest",
                                 "purpose_given", "order_placed", "budget_given")):
        return None
    return view.hits["price_request"].evidence, view.hits["price_request"].message_id


@rule("VAGUE_PRODUCT_ONLY", "vague", 0.5, "names a product and nothing else", unless=("order_placed",))
def vague(view):
    if not view.has("product_named"):
        return None
    if any(view.has(c) for c in ("specs_given", "quantity_given", "deadline_given", "detail_interest",
                                 "purpose_given", "order_placed", "budget_given", "price_request")):
        return None
    return view.hits["product_named"].evidence, view.hits["product_named"].message_id


_WORD = re.compile(r"[A-Za-z]{2,}")


@rule("IRREGULAR_WRITING", "irregular_writing", 0.5, "shouting, no punctuation, or garbled text")
def irregular_writing(view):
    for mid, text, norm in view.customer_texts():
        body = text.strip()
        words = _WORD.findall(body)
        if len(words) >= 6:
            caps = sum(1 for w in words if w.isupper() and len(w) > 1)
            if caps / len(words) > 0.6:
                return body[:60], mid
        if len(body) >= 40 and not re.search(r"[.,，。!?！？;；:：、]", body):
            return body[:60], mid
        if re.search(r"[!！?？]{3,}", body):
            return body[:60], mid
    return None


# --- fraud signals that need structure -------------------------------------------------------
def _host(url: str) -> str:
    try:
        return (urlsplit(url if "://" in url else "http://" + url).hostname or "").lower()
    except ValueError:
        return ""


def _path(url: str) -> str:
    try:
        return urlsplit(url if "://" in url else "http://" + url).path or ""
    except ValueError:
        return ""


def _registrable(host: str) -> str:
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in ("com", "co", "net", "org", "gov", "edu", "ac") and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


_URLISH = re.compile(r"(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|cn|info|biz|io)\b",
                     re.IGNORECASE)


_LINK_LURE = (r"view|download|open|check|click|access|review|login|log in|sign in|verify|order|rfq|invoice|document|"
              r"file|attachment|pdf|secure message|查看|下载|订单|询价|登录|验证|点击|打开|查阅|附件|文件|"
              r"register|registration|pay|claim|refund|upgrade|onboarding|登入|登记|注册|缴费|付款|收款|开户|理赔|退款|申诉|补件|"
              r"appeal|submit|restore|unlock|reactivat|keep|retain|扩容|解冻|恢复|保留|提交|共享|采购|清单|报告")
# Where such a lure leads when it is a trap: a login, payment or account page.
_TRAP_PATH = re.compile(r"login|signin|sign-in|verify|account|webmail|owa|auth|pay|bind|upgrade|regist|claim|refund|"
                        r"/open\b", re.IGNORECASE)


def _link_words(link, body: str) -> str:
    """What the reader is told the link is: its text, or for a bare URL in plain text, the words
    just before it ("view the PO here: https://…"); normalised (traditional → simplified)."""
    words = link.text or ""
    if words.strip() == link.href.strip() or _URLISH.fullmatch(words.strip()):
        at = body.find(words) if words else -1
        if at >= 0:
            line_start = body.rfind("\n", 0, at) + 1
            words = body[max(line_start, at - 80):at] + " " + words
    return for_matching(words)


@rule("LINK_TEXT_TARGET_DIFFER", "phishing_link", 3.0,
      "a link whose visible address and real target are different sites, or a 'view document' link to a "
      "login/file-sharing page")
def phishing_link(view):
    sharing = [s.lower() for s in view.settings.get("file_sharing_hosts", [])]
    lure = _compiled(view.settings.get("link_lure_pattern", _LINK_LURE))
    for m in view.thread.customer_messages:
        for link in m.links:
            target = _host(link.href)
            if not target or link.href.lower().startswith(("mailto:", "tel:")):
                continue
            shown = _URLISH.search(link.text or "")
            if shown:
                shown_host = _host(shown.group(0))
                if shown_host and _registrable(shown_host) != _registrable(target):
                    return f"{link.text} → {link.href}", m.message_id
            if lure.search(_link_words(link, m.new_text)) and (
                    any(target == s or target.endswith("." + s) for s in sharing)
                    or (_TRAP_PATH.search(_path(link.href)) and not _owns_brand(target, "gov")
                        and _registrable(target) != _registrable(m.from_addr.rpartition("@")[2].lower()))
                    or re.search(r"login|signin|sign-in|verify|account|webmail|owa|auth", link.href, re.IGNORECASE)):
                return f"{link.text} → {link.href}", m.message_id
    return None


# Link text that names a file ("PO_4471.pdf", "採購清單.xlsx (共享檔案)").
_FILE_NAME = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|csv|zip|rar|7z|dwg|stp|step|jpe?g|png)\b", re.IGNORECASE)


@rule("LINK_FILE_NAME_TO_PAGE", "phishing_link", 3.0,
      "a link whose text is a file name (\"PO_4471.pdf\") but whose target is a web page on another site, not that "
      "file: a sharing or login page dressed as a document")
def phishing_file_name_link(view):
    for m in view.thread.customer_messages:
        own = _registrable(m.from_addr.rpartition("@")[2].lower())
        for link in m.links:
            named = _FILE_NAME.search(link.text or "")
            target = _host(link.href)
            if not named or not target or link.href.lower().startswith(("mailto:", "tel:")):
                continue
            if _path(link.href).lower().endswith("." + named.group(1).lower()) or _registrable(target) == own:
                continue
            return f"{link.text} → {link.href}", m.message_id
    return None


# A host that carries another site's name in front of its own ("www.sme.gov.tw.subsidy-review.com",
# "pay.binance.com.claim-usdt.app"): a public suffix label followed by two more labels.
_DOMAIN_IN_SUBDOMAIN = re.compile(r"(?:^|\.)(?:com|net|org|gov|edu)(?:\.[a-z]{2})?\.[a-z0-9-]+\.[a-z0-9-]+")


def _lookalike_host(view, host: str) -> str | None:
    """Why a link's target host imitates another site, or None: another domain inside its
    subdomain, a brand in its name it does not own (setting lookalike_brands), or a throw-away
    top-level domain (setting cheap_tlds)."""
    if _DOMAIN_IN_SUBDOMAIN.search(host):
        return "another site's name in the subdomain"
    squashed = host.replace("-", "").replace(".", "")
    for brand in view.settings.get("lookalike_brands", []):
        b = brand.lower().replace("-", "").replace(" ", "")
        if b and b in squashed and not _owns_brand(host, brand.lower()) \
                and _registrable(host).split(".")[0].replace("-", "") != b:
            return f"uses '{brand}'"
    tld = _cheap_tld(view, host)
    return f"throw-away domain .{tld}" if tld else None


def _cheap_tld(view, host: str) -> str | None:
    """The top-level domain of ``host`` when it is a throw-away one (setting cheap_tlds)."""
    tld = host.rpartition(".")[2]
    return tld if tld in [t.lower().lstrip(".") for t in view.settings.get("cheap_tlds", [])] else None


@rule("LINK_TO_LOOKALIKE_HOST", "phishing_link", 3.0,
      "a link or button whose target is a look-alike site: another domain in its subdomain, a brand it does not "
      "own, or a throw-away top-level domain (settings: lookalike_brands, cheap_tlds)")
def phishing_lookalike_host(view):
    for m in view.thread.customer_messages:
        for link in m.links:
            if link.href.lower().startswith(("mailto:", "tel:")):
                continue
            host = _host(link.href)
            why = host and _lookalike_host(view, host)
            if why:
                return f"{link.text} → {link.href} ({why})", m.message_id
    return None


@rule("ATTACHMENT_RISKY", "risky_attachment", 3.0,
      "an attachment named like an order/RFQ/invoice that is an executable, script, HTML page, disk image or "
      "archive")
def risky_attachment(view):
    always = tuple(view.settings.get("attachment_always_risky", []))
    named = tuple(view.settings.get("attachment_risky_when_order_named", []))
    order_words = _compiled(view.settings.get("attachment_order_pattern", r"order|po\b|rfq|invoice|quot|payment|"
                                              r"inquiry|enquiry|订单|询价|发票|付款|报价"))
    for m in view.thread.customer_messages:
        for a in m.attachments:
            name = (a.filename or "").lower().strip()
            if not name:
                continue
            name = for_matching(name)  # 訂單明細.rar reads as 订单明细.rar
            if name.endswith(always) or re.search(r"\.(?:pdf|docx?|xlsx?|jpg|png)\.[a-z0-9]{2,4}$", name):
                return a.filename, m.message_id
            if name.endswith(named) and order_words.search(name):
                return a.filename, m.message_id
    return None


def _claims_big(view) -> tuple[str, str | None] | None:
    pattern = view.settings.get("big_company_claim_pattern")
    if not pattern:
        return None
    return view.find(_setting_checks(pattern))


# Words of a name that claims size. "Ventures", "Enterprises" and "Nig. Ltd" are how small West African
# traders name themselves (Chuks-Obi Enterprises), not claims of size.
_BIG_NAME = re.compile(r"\b(?:group|global|holdings?|international|conglomerate|corporation|"
                       r"worldwide|imports? (?:and|&) exports?)\b|集团|国际|控股|代表处|总公司|跨国",
                       re.IGNORECASE)


@rule("IDENTITY_WEBMAIL_BIG_CLAIM", "unverifiable_identity", 2.0,
      "claims to be a large or famous company but writes from a free webmail address")
def identity_webmail(view):
    customer = view.thread.customer
    if not customer or not is_webmail(customer.addr):
        return None
    claim = _claims_big(view)
    if claim:
        return f"{claim[0]} (from {customer.addr})", claim[1]
    company = view.fields.company or ""
    if company and _BIG_NAME.search(company):
        return f"{company} (from {customer.addr})", None
    famous = [f.lower() for f in view.settings.get("famous_companies", [])]
    who = (customer.addr + " " + customer.name + " " + company).lower()
    for name in famous:
        if re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", who) or name.replace(" ", "") in customer.addr:
            return f"{company or customer.name or ''} <{customer.addr}> claims {name}".strip(), None
    return None


@rule("IDENTITY_LOOKALIKE_DOMAIN", "unverifiable_identity", 2.5,
      "the sender's domain borrows a platform, brand or government name it does not own (look-alike)")
def identity_lookalike(view):
    brands = [b.lower() for b in view.settings.get("lookalike_brands", [])]
    for m in view.thread.customer_messages:
        addr = m.from_addr
        if not addr or is_platform(addr):
            continue
        domain = addr.rpartition("@")[2]
        squashed = domain.replace("-", "").replace(".", "")
        for brand in brands:
            b = brand.replace("-", "").replace(" ", "")
            if b and b in squashed and not _owns_brand(domain, brand):
                return f"{addr} (uses '{brand}')", m.message_id
        if re.search(r"-com\.|\.com-|\.com?\.[a-z]{2}\.[a-z]|(?:secure|verify|verification|login|signin)-", domain):
            return f"{addr} (look-alike domain)", m.message_id
    return None


def _owns_brand(domain: str, brand: str) -> bool:
    if brand == "gov":
        parts = domain.split(".")
        return "gov" in parts[-3:] and parts[-1] != "net"
    label = _registrable(domain).split(".")[0]
    return label == brand.replace(" ", "").replace("-", "") or label == brand


_GENERIC_TOKENS = {"co", "ltd", "limited", "inc", "llc", "gmbh", "corp", "company", "trading", "group", "the",
                   "international", "industrial", "industries", "enterprise", "enterprises", "import", "export",
                   "imports", "exports", "sa", "de", "cv", "pvt", "private", "and", "sdn", "bhd", "pt", "srl", "bv",
                   "global", "general", "co.", "ltd."}


@rule("IDENTITY_DOMAIN_MISMATCH", "unverifiable_identity", 1.5,
      "the signature's company does not match the sender's own (non-webmail) domain")
def identity_mismatch(view):
    customer = view.thread.customer
    company = view.fields.company
    if not customer or not company or is_webmail(customer.addr) or is_platform(customer.addr):
        return None
    if not re.search(r"[A-Za-z]{3}", company):
        return None  # a Chinese name cannot be compared with a Latin domain
    domain = customer.domain.split(".")
    label = "".join(domain[:-1]).replace("-", "").lower()
    tokens = [t.lower() for t in re.findall(r"[A-Za-z]{3,}", company)]
    tokens = [t for t in tokens if t not in _GENERIC_TOKENS]
    if not tokens:
        return None
    if any(t in label or label in t for t in tokens):
        return None
    initials = "".join(t[0] for t in tokens)
    if len(initials) >= 2 and initials in label:
        return None
    famous = [f.lower() for f in view.settings.get("famous_companies", [])]
    if any(f in company.lower() for f in famous):
        return f"{company} writing from {customer.addr}", None
    return None


_HUGE_WORDS = re.compile(r"million|billion|\bmln\b|crores?\b|百万|千万|上亿|亿元|\d+\s*万\s*(?:套|件|个|只|台|吨|箱|米)", re.IGNORECASE)
_LARGE_WORDS = re.compile(r"\d[\d,.]*\s*多?\s*万|[一二两三四五六七八九十几数百千]万|million|crore|lakh|\b\d+\s*(?:x\s*)?40\s*(?:hq|ft)\b|"
                          r"(?:几|数)十万|上百万", re.IGNORECASE)
_PIECE_UNITS = ("pcs", "sets", "pairs", "boxes", "bags", "rolls", "m2", "m")


def _usd(view, found) -> float:
    rates = view.settings.get("usd_rates", {"CNY": 0.14, "USD": 1.0, "EUR": 1.08, "HKD": 0.13, "TWD": 0.031})
    rate = rates.get(found.value["currency"])
    return found.value["amount"] * rate if rate else 0.0


def _order_size(view, scale: float = 1.0) -> tuple[str, str | None] | None:
    """The first quantity or amount at or above the huge-order thresholds (times ``scale``)."""
    units = float(view.settings.get("huge_order_units", 20000)) * scale
    usd = float(view.settings.get("huge_order_usd", 200000)) * scale
    for found, mid in view.extraction.evidence("quantities"):
        unit, value = found.value["unit"], found.value["value"]
        if (unit in _PIECE_UNITS and value >= units) or (unit == "containers" and value >= 10 * scale) \
                or (unit == "t" and value >= 100 * scale):
            return found.text, mid
    for found, mid in view.extraction.evidence("prices"):
        if _usd(view, found) >= usd:
            return found.text, mid
    return None


# A container type ("40HQ", "20GP") is a specification of the order's size, not of our product.
_CONTAINER_SPEC = re.compile(r"^\s*(?:\d+\s*[x×*]\s*)?(?:20|40|45)\s*'?\s*(?:hq|hc|gp|ft|fcl|dc|ot|rf)\b.{0,12}$",
                             re.IGNORECASE)


def _product_specs(view) -> bool:
    """Whether a specification of the goods is given (container types do not count)."""
    return any(not _CONTAINER_SPEC.match(found.text) for found, _ in view.extraction.evidence("specs"))


# A repeat order: the buyer already knows our product, price and terms.
_REPEAT_ORDER = re.compile(r"\bsame as (?:the |our )?(?:last|previous|prior|order|po)\b|\brepeat (?:the |our |last )?"
                           r"(?:order|po)\b|\bre-?order\b|跟上次一样|和上次一样|同上次|老样子|返单|照旧|按上次",
                           re.IGNORECASE)


@rule("HUGE_ORDER_NO_DETAIL", "huge_order_no_detail", 2.5,
      "a very large order or amount decided before learning anything about our product, price or terms")
def huge_order(view):
    big = _order_size(view) or view.search(_HUGE_WORDS, first_only=True)
    if big is None:
        return None
    if _product_specs(view) or view.has("detail_interest") or view.search(_REPEAT_ORDER):
        return None
    return big


@rule("HUGE_ORDER_DECIDED_BEFORE_DETAIL", "huge_order_no_detail", 2.5,
      "a large order or amount already decided while product, price or specifications are left 'for later' "
      "(setting: undecided_detail_pattern)")
def huge_order_decided(view):
    if not view.settings.get("undecided_detail_pattern"):
        return None
    sized = _order_size(view, scale=0.05) or view.search(_LARGE_WORDS)
    undecided = sized and _search_setting(view, "undecided_detail_pattern")
    if not undecided:
        return None
    return f"{sized[0]} — {undecided[0]}", undecided[1]


@rule("UNUSUAL_WEIGHT_PRICING", "unusual_request", 2.0,
      "asks for a price per jin/kg/ton for goods sold by the piece (settings: weight_pricing_pattern, "
      "bulk_goods_pattern)")
def weight_pricing(view):
    found = _search_setting(view, "weight_pricing_pattern")
    if found is None or _search_setting(view, "bulk_goods_pattern"):
        return None
    return found


# A sum of money demanded near the personal payee ("9800元", "两万", "USD 3,500", "3%").
_SUM = re.compile(r"\d\s?(?:元|块|万|千|%)|[一二两三四五六七八九十百千]+(?:万|千|元|块)|"
                  r"(?:usd|us\$|rmb|hk\$|nt\$|s\$|rm|aud|eur|mop|€|£|\$)\s?\d|\d\s?(?:usd|usdt|rmb|eur|韩元|美金)",
                  re.IGNORECASE)


# Money coming back to us (overpayment, refund) is a payment anomaly, not a fee.
_REFUND_WORD = re.compile(r"退|refund|overpa|duplicate|重复|多付|多转|多打|多汇|twice|货款|尾款|变更|更改|更换|新账户|新的账户|changed|"
                          r"new account|balance|more than|difference", re.IGNORECASE)
# A warning that names a personal account ("we never ask you to pay into a personal account").
_NEGATED = re.compile(r"不接受|不会|严禁|禁止|请勿|切勿|不得|谨防|\b(?:never|do not|don't|will not|won't|beware|not accept)\b",
                      re.IGNORECASE)



def _payees(view):
    """(message id, original text, normalised text, match) of each personal payee (setting
    personal_payee_patterns) that is not named in a warning."""
    checks = _list_checks(tuple(view.settings.get("personal_payee_patterns") or ()))
    for mid, text, norm in view.customer_texts():
        low = norm.lower()
        for rx, need in checks:
            if need is not None and not any(map(low.__contains__, need)):
                continue
            for m in rx.finditer(norm):
                before = re.split(r"[。!?\n;；]", norm[max(0, m.start() - 40):m.start()])[-1]
                if not _NEGATED.search(before):
                    yield mid, text, norm, m


def _personal_payee(view) -> tuple[str, str | None] | None:
    """The first place money is to go into a named person's account."""
    for mid, text, _, m in _payees(view):
        return _clause_of(text, m), mid
    return None


@rule("PAYEE_IS_A_PERSON", "payment_anomaly", 3.0,
      "money to go into a named person's account, card, e-wallet or phone number instead of a company's "
      "(setting: personal_payee_patterns)")
def payee_is_a_person(view):
    return _personal_payee(view)


@rule("FEE_TO_A_PERSON", "fee_request", 2.0,
      "a sum (fee, commission, deposit) to be paid into a person's account (docs/labelling.md: such a payment "
      "is a fee request as well as a payment anomaly; setting: personal_payee_patterns)", unless=("fee_request",))
def fee_to_a_person(view):
    if not view.has("payment_anomaly"):
        return None  # every personal payee is a payment anomaly first
    for mid, text, norm, m in _payees(view):
        near = norm[max(0, m.start() - 80):m.end() + 40]
        if _SUM.search(near) and not _REFUND_WORD.search(norm[max(0, m.start() - 160):m.end() + 40]):
            return _clause_of(text, m), mid
    return None


@rule("PAYMENT_KEPT_SECRET", "payment_anomaly", 3.0,
      "asks for a payment and to keep it from colleagues (\"先不要跟其他人说\", \"keep this confidential\"): the "
      "boss-impersonation scam (settings: secrecy_pattern, payment_ask_pattern)")
def payment_kept_secret(view):
    secrecy, paying = view.settings.get("secrecy_pattern"), view.settings.get("payment_ask_pattern")
    if not secrecy or not paying or view.find(_setting_checks(secrecy)) is None:
        return None  # the needle-filtered search first: most threads ask no secrecy
    for mid, text, norm in view.customer_texts():
        m = _compiled(secrecy).search(norm)
        if m and _compiled(paying).search(norm):
            return _clause_of(text, m), mid
    return None


@rule("FEE_TO_A_THIRD_PARTY", "payment_anomaly", 2.0,
      "a fee the buyer asks for is to be paid to someone it names (its agent, lab, consultant, forwarder, "
      "\"please pay them directly\"), not to the buyer: money routed through a third party (setting: "
      "third_party_payee_pattern)", unless=("payment_anomaly",))
def fee_to_third_party(view):
    if not view.has("fee_request"):
        return None  # paying one's own forwarder or lab is ordinary; paying the buyer's, for a fee, is not
    return _search_setting(view, "third_party_payee_pattern")


# Cards bought as presents for the writer's own clients, to be "reimbursed" later: the impersonated-boss
# errand (a payment anomaly), not a fee to win an order.
_CARDS_FOR_CLIENTS = LazyPattern(r"客户|客戶|报销|報銷|\b(?:clients?|customers?|reimburs\w*)\b", re.IGNORECASE)


@rule("FEE_GIFT_CARD_CODES", "fee_request", 3.0,
      "asks us to buy gift, store or recharge cards and send their codes (\"京东E卡…卡密拍照发我\", \"USD 300 in "
      "Google Play cards, send me the codes\") for an officer, boss or reviewer (setting: gift_card_codes_patterns)")
def fee_gift_card_codes(view):
    checks = _list_checks(tuple(view.settings.get("gift_card_codes_patterns") or ()))
    found = view.find(checks)
    if found is None:
        return None
    for mid, text, norm in view.customer_texts():
        if mid == found[1] and _CARDS_FOR_CLIENTS.search(norm):
            return None
    return found


def _clause_of(text: str, m: re.Match[str]) -> str:
    """The line of ``text`` around a match (positions of the normalised text equal the original's)."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    return text[start:end if end >= 0 else len(text)].strip()


def _search_setting(view, name: str):
    """The first match of the pattern in setting ``name``, or None (also when it is unset)."""
    pattern = view.settings.get(name)
    return view.find(_setting_checks(pattern)) if pattern else None


# --- identity, checked last: the corroborating rule reads the other fraud signals ---------------
_ORG_CLAIM = re.compile(r"我司|本公司|我公司|我们公司|我单位|本单位|我院|我校|我中心|本中心|集团|公司|有限|采购部|采购中心|项目部|"
                        r"\bour (?:company|firm|group|organi[sz]ation|ministry|department|union|hospital|client)\b|"
                        r"\b(?:ltd|limited|llc|inc|gmbh|corporation|co\.|enterprises?|group|ventures|trading)\b",
                        re.IGNORECASE)


# A template letter alone says little about who writes; these fraud signs are acts (a fee, a
# payment, samples, a visit, a link or file) that make an unnamed webmail sender unverifiable.
_WEAK_CORROBORATION = frozenset({"unverifiable_identity", "template_format"})


@rule("IDENTITY_WEBMAIL_WITH_FRAUD", "unverifiable_identity", 1.0,
      "writes from a free webmail address, in a thread that already shows another fraud sign: speaks for a "
      "company that cannot be verified, or names no company at all")
def identity_webmail_corroborated(view):
    customer = view.thread.customer
    if not customer or not is_webmail(customer.addr):
        return None
    others = [c for c in view.hits if c in FRAUD_SIGNALS and c != "unverifiable_identity"]
    if not others:
        return None
    company = view.fields.company
    if company:
        return f"{company} (from {customer.addr})", None
    claim = view.search(_ORG_CLAIM)
    if claim:
        return f"{claim[0]} (from {customer.addr})", claim[1]
    if any(c not in _WEAK_CORROBORATION for c in others):
        return f"no company named (from {customer.addr})", None
    return None


_HOMOGLYPHS = (("rn", "m"), ("vv", "w"), ("0", "o"), ("1", "l"), ("ii", "ll"), ("io", "lo"), ("cl", "d"))


def _near(a: str, b: str) -> bool:
    """One letter swapped for another, same length, not equal: a look-alike spelling."""
    if len(a) != len(b) or len(a) < 5:
        return False
    return sum(x != y for x, y in zip(a, b)) == 1


def _ascii(text: str) -> str:
    """Letters without accents (Aços → acos), as a domain spells a company name."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _domain_words(view) -> list[str]:
    words = [w.lower() for w in view.settings.get("lookalike_words", [])]
    company = _ascii(view.fields.company or "")
    squashed = re.sub(r"[^a-z]", "", re.sub(r"&|\band\b", "and", company.lower()))
    tokens = [t.lower() for t in re.findall(r"[A-Za-z]{4,}", company) if t.lower() not in _GENERIC_TOKENS]
    return words + tokens + ([squashed] if len(squashed) >= 6 else [])


@rule("IDENTITY_LOOKALIKE_SPELLING", "unverifiable_identity", 2.5,
      "the sender's domain is a look-alike spelling: a letter swapped for a similar one (rn→m, l→i, 0→o) or "
      "one letter off the signature's company name; or a throw-away top-level domain (setting: cheap_tlds)")
def identity_lookalike_spelling(view):
    customer = view.thread.customer
    if not customer or is_webmail(customer.addr) or is_platform(customer.addr):
        return None
    domain = customer.domain.lower()
    tld = _cheap_tld(view, domain)
    if tld:
        return f"{customer.addr} (throw-away domain .{tld})", None
    label = re.sub(r"[^a-z0-9-]", "", _registrable(domain).split(".")[0])
    parts = [p for p in label.split("-") if p] + [label.replace("-", "")]
    words = _domain_words(view)
    for part in parts:
        for a, b in _HOMOGLYPHS:
            if a in part:
                fixed = part.replace(a, b)
                if any(w in fixed and w not in part for w in words if len(w) >= 4):
                    return f"{customer.addr} ('{a}' imitates '{b}')", None
        for w in words:
            if _near(part, w):
                return f"{customer.addr} (imitates '{w}')", None
    return None


def _edits_at_most(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` becomes ``b`` in at most ``limit`` single-letter edits (Levenshtein)."""
    if abs(len(a) - len(b)) > limit:
        return False
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > limit:
            return False
    return row[-1] <= limit


def _same_name(a: str, b: str) -> bool:
    """Two domain names that spell the same company: one inside the other ("lumenarc" /
    "lumenarcsg"), a look-alike letter ("sportmaxx" / "sportrnaxx") or one or two letters off."""
    if a == b:
        return True
    for x, y in _HOMOGLYPHS:
        if a.replace(x, y) == b.replace(x, y):
            return True
    if min(len(a), len(b)) >= 5 and (a in b or b in a):
        return True
    return min(len(a), len(b)) >= 6 and _edits_at_most(a, b, 2)


@rule("IDENTITY_DOMAIN_CHANGED", "unverifiable_identity", 2.5,
      "the customer's later message comes from a different domain that spells the same company "
      "(novatek-hk.com → novateck-hk.com, lumenarc.com.sg → lumenarc-sg.co): a look-alike taking over the thread")
def identity_domain_changed(view):
    first = None
    for m in view.thread.customer_messages:
        addr = (m.from_addr or "").lower()
        domain = addr.rpartition("@")[2]
        if not domain or is_webmail(addr) or is_platform(addr):
            continue
        if first is None:
            first = domain
            continue
        if _registrable(domain) == _registrable(first):
            continue  # another host of the same domain ("mail.", "cn.")
        a, b = (_registrable(d).split(".")[0].replace("-", "") for d in (first, domain))
        if _same_name(a, b):
            return f"{addr} (earlier {first})", m.message_id
    return None


@rule("IDENTITY_BRAND_PLUS_ROLE_DOMAIN", "unverifiable_identity", 2.0,
      "the sender's domain joins a company's name to a role word (suppliers, sourcing, procurement, tender…) "
      "that real companies keep on their own domain (setting: role_domain_pattern)")
def identity_role_domain(view):
    customer = view.thread.customer
    pattern = view.settings.get("role_domain_pattern")
    if not customer or not pattern or is_webmail(customer.addr) or is_platform(customer.addr):
        return None
    label = _registrable(customer.domain.lower()).split(".")[0]
    if not _compiled(pattern).search(label):
        return None
    # A sourcing agent's own trade name ("brightkids-sourcing.hk") counts only beside another fraud sign.
    weak = view.settings.get("role_domain_weak_pattern")
    if weak and not _compiled(pattern).search(_compiled(weak).sub("-", label).strip("-")) \
            and not any(c in FRAUD_SIGNALS for c in view.hits):
        return None
    return f"{customer.addr} (role words in the domain)", None


# --- template letters, checked after every other fraud rule -------------------------------------
def _other_fraud_sign(view) -> bool:
    """True when a fraud signal other than template_format has fired on the thread."""
    return any(c in FRAUD_SIGNALS and c != "template_format" for c in view.hits)


def _template(view, setting: str) -> tuple[str, str | None] | None:
    """The first template phrase of ``setting`` (a list of regexes) in a thread that shows
    another fraud sign. A generic letter alone is how real distributors, students and
    forwarders write too (grade 4, not fraud); it is a mass-mailed template when the thread
    also asks for a fee, a payment, a click or a visit, or hides who writes."""
    if not _other_fraud_sign(view):
        return None
    return view.find(_list_checks(tuple(view.settings.get(setting) or ())))


_TEMPLATE_UNLESS = ("product_named", "specs_given")


@rule("EN_TEMPLATE_LETTER", "template_format", 2.0,
      "an over-formal mass-mailed template with no detail about our product, in a thread with another fraud "
      "sign (setting: template_letter_en_patterns)", unless=_TEMPLATE_UNLESS)
def template_letter_en(view):
    return _template(view, "template_letter_en_patterns")


@rule("ZH_TEMPLATE_LETTER", "template_format", 2.0,
      "a generic Chinese template letter with no product detail, in a thread with another fraud sign "
      "(setting: template_letter_zh_patterns)", unless=_TEMPLATE_UNLESS)
def template_letter_zh(view):
    return _template(view, "template_letter_zh_patterns")


@rule("TEMPLATE_DOCUMENT_NOTICE", "template_format", 1.5,
      "a generic mass-mailed notice ('see the attached order/RFQ and confirm price', 'you have new inquiries', "
      "'dear supplier') with no product of ours named, in a thread with another fraud sign "
      "(setting: template_notice_patterns)", unless=_TEMPLATE_UNLESS)
def template_notice(view):
    return _template(view, "template_notice_patterns")
