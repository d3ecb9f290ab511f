"""The customer's country, for numbers written without a country code.

Per the spec, Chinese numbers without a code are +86, and a foreign number written without
one takes the country of the customer's signature. The signature's country is read from an
explicit international number in the customer's text, else from the sender's domain.

>>> region_from_text("Tel: +971 4 352 7781, Mob 050 318 2264"), region_from_domain("raj@tata.co.in")
('AE', 'IN')
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

import phonenumbers

from ..mail import Thread
from ..text.normalize import for_matching

# An international number: "+" or "00", then at least eight more digits ("(85+95+12)" and
# "P.O. Box 47721-00100" are not).
_PLUS = re.compile(r"(?:(?<![\w)+])\+|(?<![\w.,\-+])00)\s?(\d{1,3})(?:[\s().-]{0,3}\d){6,13}")
_TLD = {
    "cn": "CN", "hk": "HK", "tw": "TW", "mo": "MO", "in": "IN", "pk": "PK", "bd": "BD", "lk": "LK", "ng": "NG",
    "gh": "GH", "ke": "KE", "za": "ZA", "eg": "EG", "ae": "AE", "sa": "SA", "qa": "QA", "om": "OM", "kw": "KW",
    "bh": "BH", "tr": "TR", "ru": "RU", "ua": "UA", "br": "BR", "mx": "MX", "ar": "AR", "cl": "CL", "pe": "PE",
    "co": "CO", "uk": "GB", "de": "DE", "fr": "FR", "it": "IT", "es": "ES", "nl": "NL", "pl": "PL", "be": "BE",
    "au": "AU", "nz": "NZ", "ca": "CA", "sg": "SG", "my": "MY", "id": "ID", "th": "TH", "vn": "VN", "ph": "PH",
    "jp": "JP", "kr": "KR", "il": "IL", "ir": "IR", "iq": "IQ", "jo": "JO", "ma": "MA", "dz": "DZ", "tn": "TN",
    "et": "ET", "tz": "TZ", "ug": "UG", "se": "SE", "no": "NO", "dk": "DK", "fi": "FI", "pt": "PT", "gr": "GR",
    "cz": "CZ", "hu": "HU", "ro": "RO", "at": "AT", "ch": "CH", "ie": "IE", "us": "US",
}


def region_from_text(text: str) -> str | None:
    for m in _PLUS.finditer(text):
        for n in (3, 2, 1):
            code = m.group(1)[:n]
            if len(code) == n:
                region = phonenumbers.region_code_for_country_code(int(code))
                if region and region != "ZZ":
                    return region
    return None


_ASCII_WORD = re.compile(r"[a-z0-9]+")
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], int, tuple[int, ...], frozenset[str]]:
    """Place names (case-folded) → region; the most words in a Latin name; the lengths of
    the Chinese names, longest first; the first words of Latin names of several words."""
    data = tomllib.loads(resources.files("inquiry_nlp").joinpath("data/places.toml").read_text("utf-8"))
    names: dict[str, str] = {}
    for region, places in data["regions"].items():
        for place in places:
            names[place.casefold()] = region
    words = max((len(_ASCII_WORD.findall(n)) for n in names if n.isascii()), default=1)
    han = tuple(sorted({len(n) for n in names if not n.isascii()}, reverse=True))
    firsts = frozenset(w[0] for n in names if _ASCII_WORD.match(n) for w in [_ASCII_WORD.findall(n)] if len(w) > 1)
    return names, words, han, firsts


def region_from_places(text: str) -> str | None:
    r"""The region of the last place named in ``text`` (signatures end with the address).
    Latin names are whole words; Chinese names sit inside running text ("我方为澳门一家…").
    Names are looked up in a dictionary (longest first), so the cost is linear in the text.

    >>> region_from_places("Adeyemi Okafor\nOkafor Ventures Ltd\n12 Broad Street, Lagos, Nigeria")
    'NG'
    >>> region_from_places("我方为澳门一家贸易行")
    'MO'
    """
    names, most_words, han_lengths, firsts = _places()
    low = for_matching(text).casefold()
    last: tuple[int, str] | None = None
    words = list(_ASCII_WORD.finditer(low))
    i = 0
    while i < len(words):
        longest = min(most_words, len(words) - i) if words[i].group(0) in firsts else 1
        for k in range(longest, 0, -1):
            region = names.get(low[words[i].start():words[i + k - 1].end()])
            if region:
                last = (words[i].start(), region)
                i += k
                break
        else:
            i += 1
    for run in _HAN_RUN.finditer(low):
        chars, j = run.group(0), 0
        while j < len(chars):
            for n in han_lengths:
                region = names.get(chars[j:j + n]) if j + n <= len(chars) else None
                if region:
                    if last is None or run.start() + j > last[0]:
                        last = (run.start() + j, region)
                    j += n
                    break
            else:
                j += 1
    return last[1] if last else None


def region_from_domain(address: str) -> str | None:
    tld = address.rpartition(".")[2].lower()
    return _TLD.get(tld)


def region_for(thread: Thread) -> str:
    """CN unless the customer's own text says otherwise: an international number written
    with its code, the sender's country domain, or a place named in the signature (else in
    the text)."""
    texts = []
    for m in thread.customer_messages:
        parts = m.parts
        texts.append((parts.signature + "\n" + parts.new) if parts else m.body)
    for text in texts:
        region = region_from_text(text)
        if region:
            return region
    for m in thread.customer_messages:
        region = region_from_domain(m.from_addr) if m.from_addr else None
        if region:
            return region
    for m in thread.customer_messages:
        region = region_from_places(m.parts.signature) if m.parts else None
        if region:
            return region
    for text in texts:
        region = region_from_places(text)
        if region and region != "CN":  # a foreign buyer's text names China for the goods, not for itself
            return region
    return "CN"
