"""The customer's country, for numbers written without a country code.

Per the spec, Chinese numbers without a code are +86, and a foreign number written without
one takes the country of the customer's signature. The signature's country is read from an
explicit international number in the customer's text, else from the sender's domain.

>>> region_from_text("Tel: +971 4 352 7781, Mob 050 318 2264"), region_from_domain("raj@tata.co.in")
('AE', 'IN')
"""
from __future__ import annotations

import re

import phonenumbers

from ..mail import Thread

_PLUS = re.compile(r"(?:\+|00)\s?(\d{1,3})[\s().-]*\d")
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


def region_from_domain(address: str) -> str | None:
    tld = address.rpartition(".")[2].lower()
    return _TLD.get(tld)


def region_for(thread: Thread) -> str:
    """CN unless the customer's own text or domain says otherwise."""
    for m in thread.customer_messages:
        parts = m.parts
        text = (parts.signature + "\n" + parts.new) if parts else m.body
        region = region_from_text(text)
        if region:
            return region
    customer = thread.customer
    if customer:
        region = region_from_domain(customer.addr)
        if region:
            return region
    return "CN"
