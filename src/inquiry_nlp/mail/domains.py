"""Which domains are webmail, trading platforms, or automated senders (``data/domains.toml``).

>>> is_webmail("wl@163.com"), is_platform("inquiry@service.alibaba.com"), is_automated("noreply@x.com")
(True, True, True)
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    data = tomllib.loads(resources.files("inquiry_nlp").joinpath("data/domains.toml").read_text("utf-8"))
    return {
        "webmail": frozenset(d.lower() for d in data["webmail"]["domains"]),
        "platforms": frozenset(d.lower() for d in data["platforms"]["domains"]),
        "relays": frozenset(d.lower() for d in data["relays"]["domains"]),
        "automated": frozenset(p.lower() for p in data["automated"]["local_parts"]),
    }


def _domain(address_or_domain: str) -> str:
    return address_or_domain.rpartition("@")[2].lower().strip(">").strip()


def _in(domain: str, domains: frozenset[str]) -> bool:
    parts = domain.split(".")
    return any(".".join(parts[i:]) in domains for i in range(len(parts) - 1))


def is_webmail(address_or_domain: str) -> bool:
    """A free/shared mail service (163.com, gmail.com…)."""
    return _in(_domain(address_or_domain), _lists()["webmail"])


def is_platform(address_or_domain: str) -> bool:
    """A genuine trading-platform domain (alibaba.com, made-in-china.com…), subdomains included."""
    return _in(_domain(address_or_domain), _lists()["platforms"])


def is_relay(address_or_domain: str) -> bool:
    """A relay service's sender (a web form, web shop, social network or e-procurement
    notification: ``domains.toml [relays]``), subdomains included; look-alikes do not match.

    >>> is_relay("form-submission@squarespace.info"), is_relay("do_not_reply@northbeam.coupahost.com")
    (True, True)
    >>> is_relay("supplier-enablement@ariba-network-suppliers.com"), is_relay("li@baiduparts.com")
    (False, False)
    """
    return _in(_domain(address_or_domain), _lists()["relays"])


def relays_someone_else(address: str) -> bool:
    """A genuine platform or relay service: its sender is not the customer's address or name."""
    return is_platform(address) or is_relay(address)


def is_automated(address: str) -> bool:
    """A platform notification or a no-reply/notification sender."""
    local = address.partition("@")[0].lower()
    return is_platform(address) or local in _lists()["automated"]
