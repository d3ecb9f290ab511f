"""``re`` with each pattern compiled on its first use.

The extractors define several hundred patterns at import, and a message meets few of them:
an inquiry with no price never runs the price patterns' context checks, an English one
never the Chinese date forms. Compiling them all cost a cold one-message ``inquiry-nlp
filter`` about half a second, most of it for patterns it never ran. A module that imports
this one as ``re`` (``from .. import lazyre as re``) keeps writing ``re.compile(...)``,
``re.sub(...)`` and ``re.IGNORECASE``; its ``re.compile`` returns a :class:`LazyPattern`,
which compiles on the first search, match, substitution or attribute read and from then on
hands out the compiled pattern's own methods. A long-running process calls
:func:`compile_all` once at load (``pipeline.prepare``), so no message pays later.

>>> rx = compile(r"(?P<n>\\d+) ?pcs", IGNORECASE)
>>> rx.pattern, rx.compiled_yet
('(?P<n>\\\\d+) ?pcs', False)
>>> rx.search("500 PCS")["n"], rx.compiled_yet
('500', True)
>>> sub(rx, "N", "2 pcs and 3pcs")
'N and N'
"""
from __future__ import annotations

import re as _re
import threading
import weakref
from re import (ASCII, DOTALL, IGNORECASE, MULTILINE, UNICODE, VERBOSE, A, I, M, Match, Pattern, S, U, X, error,
                escape)
from typing import Any

__all__ = ["A", "ASCII", "DOTALL", "I", "IGNORECASE", "LazyPattern", "M", "MULTILINE", "Match", "Pattern", "S",
           "U", "UNICODE", "VERBOSE", "X", "compile", "compile_all", "error", "escape", "findall", "finditer",
           "fullmatch", "match", "search", "split", "sub", "subn"]

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")
_MADE: weakref.WeakSet[LazyPattern] = weakref.WeakSet()
_MADE_LOCK = threading.Lock()  # a WeakSet must not grow while compile_all copies it


class LazyPattern:
    """A pattern and its flags, compiled by ``re`` when first used. After that, the compiled
    pattern's methods are this object's own attributes: a call costs what it costs on the
    compiled pattern."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: Pattern[str] | None = None
        with _MADE_LOCK:
            _MADE.add(self)

    @property
    def compiled(self) -> Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        rx = self._compiled
        if rx is None:
            rx = _re.compile(self.pattern, self._flags)
            for name in _METHODS:  # found before the class's methods from now on
                self.__dict__[name] = getattr(rx, name)
            self._compiled = rx
        return rx

    @property
    def compiled_yet(self) -> bool:
        return self._compiled is not None

    @property
    def flags(self) -> int:
        return self.compiled.flags

    @property
    def groups(self) -> int:
        return self.compiled.groups

    @property
    def groupindex(self) -> Any:
        return self.compiled.groupindex

    def search(self, *args: Any, **kwargs: Any) -> Match[str] | None:
        return self.compiled.search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Match[str] | None:
        return self.compiled.match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Match[str] | None:
        return self.compiled.fullmatch(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> list[Any]:
        return self.compiled.findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> str:
        return self.compiled.sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> tuple[str, int]:
        return self.compiled.subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> list[Any]:
        return self.compiled.split(*args, **kwargs)

    def scanner(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.scanner(*args, **kwargs)

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str, int]]:
        return LazyPattern, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r}, {self._flags})"


def compile(pattern: str | Pattern[str] | LazyPattern, flags: int = 0) -> LazyPattern | Pattern[str]:  # noqa: A001
    """``re.compile``, put off until the pattern is first used (a compiled pattern is returned
    as it is, as ``re.compile`` does)."""
    if isinstance(pattern, (Pattern, LazyPattern)):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    return LazyPattern(pattern, flags)


def compile_all() -> int:
    """Compile every pattern made so far that is not compiled yet; returns how many."""
    with _MADE_LOCK:
        todo = [p for p in _MADE if not p.compiled_yet]
    for p in todo:
        _ = p.compiled
    return len(todo)


def _real(pattern: Any) -> Any:
    return pattern.compiled if isinstance(pattern, LazyPattern) else pattern


def search(pattern: Any, string: str, flags: int = 0) -> Match[str] | None:
    return _re.search(_real(pattern), string, flags)


def match(pattern: Any, string: str, flags: int = 0) -> Match[str] | None:
    return _re.match(_real(pattern), string, flags)


def fullmatch(pattern: Any, string: str, flags: int = 0) -> Match[str] | None:
    return _re.fullmatch(_real(pattern), string, flags)


def finditer(pattern: Any, string: str, flags: int = 0) -> Any:
    return _re.finditer(_real(pattern), string, flags)


def findall(pattern: Any, string: str, flags: int = 0) -> list[Any]:
    return _re.findall(_real(pattern), string, flags)


def sub(pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
    return _re.sub(_real(pattern), repl, string, count=count, flags=flags)


def subn(pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0) -> tuple[str, int]:
    return _re.subn(_real(pattern), repl, string, count=count, flags=flags)


def split(pattern: Any, string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
    return _re.split(_real(pattern), string, maxsplit=maxsplit, flags=flags)
