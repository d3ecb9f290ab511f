"""The rule engine: rules from TOML files (keyword and pattern rules, settings) and rules
written as small Python functions registered with :func:`rule`.

A rule has a stable ``name``, the ``signal`` code of the spec it shows, a ``score`` and a
one-line ``description``. It returns a :class:`Hit` with its evidence text and the message
it is in, or nothing. Rule files are layered: the defaults shipped in the package, then each
``--rules FILE`` in turn; a rule with a name already defined replaces it (``enabled =
false`` switches it off), ``[settings]`` keys replace the same keys.

>>> rs = load_rules()
>>> r = rs.rules["ZH_FEE_NOTARY"]
>>> r.signal, r.score > 0, bool(r.description)
('fee_request', True, True)
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InquiryError
from ..lazyre import LazyPattern

FRAUD_SIGNALS = (
    "huge_order_no_detail", "unusual_request", "samples_upfront", "visit_pressure", "fee_request",
    "unverifiable_identity", "template_format", "phishing_link", "risky_attachment", "payment_anomaly",
)
SUPPORT_SIGNALS = (
    "product_named", "specs_given", "quantity_given", "deadline_given", "purpose_given", "price_request",
    "price_only", "detail_interest", "contact_complete", "decision_maker", "decision_process", "budget_given",
    "recurring_need", "switching_supplier", "order_placed", "visited", "local", "accepts_logistics",
    "engaged_thread", "vague", "irregular_writing", "responsive",
)
SIGNALS = FRAUD_SIGNALS + SUPPORT_SIGNALS
SCOPES = ("customer", "subject", "thread")
_MAX_EVIDENCE = 120
_RUNS_WITHOUT_NEEDLES = 3
NEEDLES_FILE = "rules/needles.json"  # package resource: the shipped rules' needles (see shipped_needles)


class RuleFileError(InquiryError):
    """A rule file that cannot be used: the message names the file, the line and the fix."""


@dataclass
class Hit:
    """A rule that fired: its signal code, rule name, score, evidence and message."""

    code: str
    rule: str
    score: float
    evidence: str
    message_id: str | None = None


@dataclass
class Rule:
    name: str
    signal: str
    score: float
    description: str
    patterns: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    scope: str = "customer"
    unless: list[str] = field(default_factory=list)
    first_message_only: bool = False
    enabled: bool = True
    source: str = ""
    func: Callable[..., Hit | str | tuple[str, str | None] | None] | None = None
    _regex: re.Pattern[str] | None = None
    _regexes: list[re.Pattern[str]] | None = None
    _checks: list[Check] | None = None
    _unchecked_uses: int = 0

    @property
    def regex(self) -> re.Pattern[str] | None:
        if self._regex is None and (self.patterns or self.keywords):
            parts = [f"(?:{p})" for p in self.patterns] + [re.escape(k) for k in self.keywords]
            self._regex = re.compile("|".join(parts), re.IGNORECASE)
        return self._regex

    @property
    def sources(self) -> list[str]:
        """The source of each of :attr:`regexes`: the patterns, then the keywords as one
        alternation."""
        out = list(self.patterns)
        if self.keywords:
            out.append("|".join(re.escape(k) for k in self.keywords))
        return out

    @property
    def regexes(self) -> list[re.Pattern[str]]:
        """One regex per pattern (and one for the keywords): each is skipped on a text that
        lacks its own needles, which is far more selective than the rule's whole alternation."""
        if self._regexes is None:
            self._regexes = [re.compile(s, re.IGNORECASE) for s in self.sources]
        return self._regexes

    @property
    def checks(self) -> list[Check]:
        """:attr:`regexes`, each with its :func:`needles`, worked out once per rule.

        The shipped rules' needles come with the package (:func:`shipped_needles`), so their
        regexes are compiled only when a text holds a needle (a cold mail filter grades one
        message and exits). Working out the needles of other patterns parses each pattern
        again, which costs more than running it over a few messages: a process's first
        threads run those regexes without them."""
        if self._checks is None:
            sources = self.sources
            known = shipped_needles()
            if all(s in known for s in sources):
                regexes = self._regexes or [LazyPattern(s, re.IGNORECASE) for s in sources]
                self._checks = [(rx, known[s]) for rx, s in zip(regexes, sources)]
            elif self._unchecked_uses < _RUNS_WITHOUT_NEEDLES:
                self._unchecked_uses += 1
                return [(rx, None) for rx in self.regexes]
            else:
                self.prepare()
        return self._checks  # type: ignore[return-value]

    def prepare(self) -> None:
        """Work out :attr:`checks` now, every regex compiled and with its needles."""
        if self._checks is None:
            known = shipped_needles()
            self._checks = [(rx, known[s] if s in known else needles(rx)) for rx, s in zip(self.regexes, self.sources)]


Check = tuple[re.Pattern[str] | LazyPattern, tuple[str, ...] | None]  # a regex and its needles


def checks_of(regexes: re.Pattern[str] | Iterable[re.Pattern[str]]) -> list[Check]:
    """Each regex with its :func:`needles`."""
    return [(rx, needles(rx)) for rx in ([regexes] if isinstance(regexes, re.Pattern) else regexes)]


def needles(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-cased strings of which every match of ``regex`` contains at least one, or None
    when the pattern gives no such guarantee. A text containing none of them cannot match,
    so a rule's regex need not run on it: most rules fire on few texts, and a substring test
    costs far less than a search through dozens of alternatives.

    >>> needles(re.compile(r"\\b(?:we|i) (?:have )?paid\\b|已付款", re.I))
    ('paid', '已付款')
    >>> needles(re.compile(r"\\d+ ?pcs")) is None
    False
    >>> needles(re.compile(r"\\w+")) is None
    True
    """
    return _needles(regex.pattern, regex.flags)


def pattern_needles(pattern: str) -> tuple[str, ...] | None:
    """:func:`needles` of ``re.compile(pattern, re.IGNORECASE)`` (how rule patterns and
    settings patterns are compiled), read from :func:`shipped_needles` when it has them."""
    known = shipped_needles()
    return known[pattern] if pattern in known else needles(re.compile(pattern, re.IGNORECASE))


@functools.lru_cache(maxsize=1)
def shipped_needles() -> dict[str, tuple[str, ...] | None]:
    """The needles of every pattern of the shipped rule files (the rules' patterns and
    keywords, the settings ending in ``_pattern`` or ``_patterns``) compiled with
    ``re.IGNORECASE``, as ``tools/make_rule_needles.py`` wrote them to ``rules/needles.json``.

    Working them out parses each pattern (0.15 s for the shipped rules), and a rule whose
    needles are known need not be compiled until a text holds one. The file records a digest
    of the rule files it was made from; when they differ (rules edited in place), it is not
    used and needles are worked out as for any rule file. ``tests/rules`` fails when the
    shipped file is not the one the tool makes.
    """
    try:
        data = json.loads(resources.files("inquiry_nlp").joinpath(NEEDLES_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("rules_sha256") != rules_digest(_default_files()):
        return {}
    return {p: None if n is None else tuple(n) for p, n in data.get("needles", {}).items()}


def rules_digest(files: Iterable[tuple[str, str]]) -> str:
    """SHA-256 of rule files given as (name, text), in order."""
    h = hashlib.sha256()
    for name, text in files:
        h.update(f"{name}\0{text}\0".encode("utf-8"))
    return h.hexdigest()


def needles_table() -> dict[str, Any]:
    """What ``rules/needles.json`` holds: the digest of the shipped rule files and the
    needles of each of their patterns, worked out afresh (see :func:`shipped_needles`)."""
    files = _default_files()
    rules: dict[str, Rule] = {}
    settings: dict[str, Any] = {}
    patterns: list[str] = []
    for name, text in files:
        _apply(name, text, rules, settings, known={})
    for r in rules.values():
        patterns += r.sources
    for key, value in settings.items():
        if key.endswith(("_pattern", "_patterns")):
            patterns += [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]
    table = {p: needles(re.compile(p, re.IGNORECASE)) for p in sorted(set(patterns))}
    return {"rules_sha256": rules_digest(files),
            "needles": {p: None if n is None else list(n) for p, n in table.items()}}


@functools.lru_cache(maxsize=4096)
def _needles(pattern: str, flags: int) -> tuple[str, ...] | None:
    try:
        from re import _constants as c, _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - older Pythons
        import sre_constants as c  # type: ignore[no-redef]
        import sre_parse  # type: ignore[no-redef]
    try:
        parsed = sre_parse.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - cannot analyse: always run the regex
        return None
    zero_width = {c.AT, c.ASSERT, c.ASSERT_NOT}

    def required(items) -> list[str] | None:
        options: list[list[str]] = []
        run = ""
        for op, av in items:
            if op is c.LITERAL:
                run += chr(av)
                continue
            if op in zero_width:
                continue  # \b, lookarounds: the literal run goes on
            if run:
                options.append([run])
                run = ""
            if op is c.SUBPATTERN:
                r = required(av[-1])
            elif op is c.BRANCH:
                alts = [required(a) for a in av[1]]
                r = [n for a in alts for n in a] if all(alts) else None  # type: ignore[union-attr]
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
                r = required(av[2])
            else:
                r = None
            if r:
                options.append(r)
        if run:
            options.append([run])
        # A needle must be selective: two characters, or one Chinese character.
        options = [o for o in options if all(len(n) >= 2 or not n.isascii() for n in o)]
        return max(options, key=lambda o: (min(len(n) + (not n.isascii()) for n in o), -len(o))) if options else None

    found = required(list(parsed))
    return tuple(dict.fromkeys(n.lower() for n in found)) if found else None


_CODE_RULES: dict[str, Rule] = {}


def rule(name: str, signal: str, score: float, description: str, *, unless: Iterable[str] = ()) -> Callable:
    """Register a code rule: ``fn(view) -> evidence | (evidence, message_id) | Hit | None``.

    >>> @rule("DEMO_LONG_THREAD", "engaged_thread", 0.5, "demo: ten or more messages")
    ... def demo(view):
    ...     return f"{len(view.thread.messages)} messages" if len(view.thread.messages) >= 10 else None
    >>> "DEMO_LONG_THREAD" in load_rules().rules
    True
    >>> _ = _CODE_RULES.pop("DEMO_LONG_THREAD")
    """
    if signal not in SIGNALS:
        raise ValueError(f"rule {name}: unknown signal {signal!r}")

    def register(fn: Callable) -> Callable:
        _CODE_RULES[name] = Rule(name, signal, score, description, unless=list(unless), source="code", func=fn)
        return fn

    return register


@dataclass
class RuleSet:
    """The rules in force and the settings (thresholds, lists) they read."""

    rules: dict[str, Rule]
    settings: dict[str, Any]
    files: list[str]

    def active(self) -> list[Rule]:
        return [r for r in self.rules.values() if r.enabled]

    def setting(self, key: str, default: Any = None) -> Any:
        return self.settings.get(key, default)

    def prepare(self) -> None:
        """Work out every rule's needles now. A long-running process (the daemon, the
        library) calls this once at load, so no later message pays for them."""
        for r in self.active():
            if r.patterns or r.keywords:
                r.prepare()


def _default_files() -> list[tuple[str, str]]:
    folder = resources.files("inquiry_nlp").joinpath("rules")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            out.append((f"inquiry_nlp/rules/{entry.name}", entry.read_text("utf-8")))
    return out


def load_rules(extra: Iterable[str | Path] = ()) -> RuleSet:
    """The shipped rules, then each file of ``extra`` layered on top."""
    from . import signals  # noqa: F401  - registers the code rules

    rules: dict[str, Rule] = {name: _copy(r) for name, r in _CODE_RULES.items()}
    settings: dict[str, Any] = {}
    files = []
    sources = _default_files()
    for p in extra:
        path = Path(p)
        try:
            sources.append((str(path), path.read_text(encoding="utf-8")))
        except OSError as exc:
            raise RuleFileError(f"{path}: cannot read the rule file ({exc.strerror}); check the path") from exc
    for name, text in sources:
        files.append(name)
        _apply(name, text, rules, settings)
    return RuleSet(rules, settings, files)


def _copy(r: Rule) -> Rule:
    return Rule(r.name, r.signal, r.score, r.description, list(r.patterns), list(r.keywords), r.scope,
                list(r.unless), r.first_message_only, r.enabled, r.source, r.func)


class _Place:
    """Where a rule is, "file:line" in an error message; the line is looked up (a regex search
    through the file) only when a message is written."""

    def __init__(self, source: str, text: str, name: Any) -> None:
        self.source, self.text, self.name = source, text, name

    def __str__(self) -> str:
        return f"{self.source}:{_line_of(self.text, self.name) if isinstance(self.name, str) else '?'}"


def _line_of(text: str, name: str) -> int:
    m = re.search(r'^\s*name\s*=\s*["\']' + re.escape(name) + r'["\']', text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else 0


def _apply(source: str, text: str, rules: dict[str, Rule], settings: dict[str, Any],
           known: dict[str, tuple[str, ...] | None] | None = None) -> None:
    """Layer one rule file on ``rules`` and ``settings``. Each pattern is compiled to check
    it, unless ``known`` (default: :func:`shipped_needles`) has it: it compiled when that
    table was made."""
    known = shipped_needles() if known is None else known
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{source}: not valid TOML: {exc}. Fix the syntax at that line "
                            f"(strings in quotes, one [[rule]] table per rule).") from exc
    unknown_top = set(data) - {"settings", "rule"}
    if unknown_top:
        raise RuleFileError(f"{source}: unknown section(s) {sorted(unknown_top)}; a rule file has [settings] and "
                            f"[[rule]] tables only")
    settings.update(data.get("settings", {}))
    allowed = {"name", "signal", "score", "description", "patterns", "keywords", "scope", "unless",
               "first_message_only", "enabled"}
    for i, entry in enumerate(data.get("rule", [])):
        name = entry.get("name")
        where = _Place(source, text, name)
        if not isinstance(name, str) or not name.strip():
            raise RuleFileError(f"{source}: rule #{i + 1} has no name; give every [[rule]] a stable name = \"...\"")
        extra_keys = set(entry) - allowed
        if extra_keys:
            raise RuleFileError(f"{where}: rule {name!r} has unknown key(s) {sorted(extra_keys)}; "
                                f"allowed: {sorted(allowed)}")
        base = rules.get(name)
        if base is None:
            for key in ("signal", "score", "description"):
                if key not in entry:
                    raise RuleFileError(f"{where}: rule {name!r} needs {key!r} (a new rule has signal, score, "
                                        f"description and patterns or keywords)")
            base = Rule(name, "", 0.0, "", source=source)
        r = _copy(base)
        r.source = source
        if "signal" in entry:
            r.signal = entry["signal"]
        if r.signal not in SIGNALS:
            raise RuleFileError(f"{where}: rule {name!r} has unknown signal {r.signal!r}; "
                                f"use one of the spec's codes: {', '.join(SIGNALS)}")
        if "score" in entry:
            if not isinstance(entry["score"], (int, float)) or isinstance(entry["score"], bool):
                raise RuleFileError(f"{where}: rule {name!r}: score must be a number, got {entry['score']!r}")
            r.score = float(entry["score"])
        for key in ("description", "scope"):
            if key in entry:
                setattr(r, key, str(entry[key]))
        if r.scope not in SCOPES:
            raise RuleFileError(f"{where}: rule {name!r}: scope must be one of {SCOPES}, got {r.scope!r}")
        for key in ("patterns", "keywords", "unless"):
            if key in entry:
                value = entry[key]
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise RuleFileError(f"{where}: rule {name!r}: {key} must be a list of strings")
                setattr(r, key, list(value))
        for code in r.unless:
            if code not in SIGNALS:
                raise RuleFileError(f"{where}: rule {name!r}: unless names unknown signal {code!r}")
        if "first_message_only" in entry:
            r.first_message_only = bool(entry["first_message_only"])
        if "enabled" in entry:
            r.enabled = bool(entry["enabled"])
        if r.func is None and r.enabled and not (r.patterns or r.keywords):
            raise RuleFileError(f"{where}: rule {name!r} has neither patterns nor keywords")
        r._regex = r._regexes = r._checks = None
        if all(s in known for s in r.sources):
            rules[name] = r
            continue
        try:
            _ = r.regexes  # what matching uses: each pattern compiled once
        except re.error as exc:
            bad = next((p for p in r.patterns if not _compiles(p)), "")
            raise RuleFileError(f"{where}: rule {name!r}: bad pattern {bad!r} ({exc}); patterns are Python "
                                f"regular expressions (escape ( ) . + ? with a backslash)") from exc
        rules[name] = r


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def clip(text: str, limit: int = _MAX_EVIDENCE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
