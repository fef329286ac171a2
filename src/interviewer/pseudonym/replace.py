"""The replacement list: real names -> pseudonyms, applied as whole words, case-insensitive.

One compiled alternation per list (longest names first, so "Anja de Vries" wins over
"Anja"); spaces inside a name match any run of white space, so a name broken over two lines
is still found. Whole word means: no letter, digit or underscore directly before or after
(``"Borne"`` matches in "Borne's" and "(Borne)", not in "Borneo"). The pseudonym is written
exactly as given; matching ignores case. Pure: no I/O (see ``pseudonym.storage``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from interviewer.i18n.errors import TranslatableValueError

Kind = Literal["person", "team", "place", "organisation", "other"]
KINDS: tuple[str, ...] = ("person", "team", "place", "organisation", "other")


class ReplacementError(TranslatableValueError):
    """A replacement entry or list that cannot be used (a ``ValueError`` with a message key,
    so the CLI says it in the interface language)."""


@dataclass(frozen=True)
class Replacement:
    """One real name and the pseudonym that replaces it."""

    name: str
    pseudonym: str
    kind: Kind = "other"


def _pattern_of(name: str) -> str:
    words = name.split()
    return r"\s+".join(re.escape(w) for w in words)


def validate_entry(name: str, pseudonym: str) -> tuple[str, str]:
    """``(name, pseudonym)`` stripped; ValueError with the reason when unusable."""
    name = " ".join(name.split())
    pseudonym = pseudonym.strip()
    if not name:
        raise ReplacementError("replace.error.empty_name")
    if len(name) < 2:
        raise ReplacementError("replace.error.too_short", name=name)
    if name.casefold() in pseudonym.casefold() and re.search(
        rf"(?<!\w){_pattern_of(name)}(?!\w)", pseudonym, re.IGNORECASE
    ):
        raise ReplacementError("replace.error.contains_name", pseudonym=pseudonym)
    return name, pseudonym


@dataclass(frozen=True)
class ReplacementList:
    """The study's replacements; ``apply(text)`` returns the pseudonymised text."""

    entries: tuple[Replacement, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.entries)

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> ReplacementList:
        """A list from (name, pseudonym) pairs (kind 'other')."""
        return cls(tuple(Replacement(*validate_entry(n, p)) for n, p in pairs))

    @cached_property
    def _regex(self) -> re.Pattern[str] | None:
        if not self.entries:
            return None
        names = sorted({e.name for e in self.entries}, key=lambda n: (-len(n), n.casefold()))
        alternation = "|".join(_pattern_of(n) for n in names)
        return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)

    @cached_property
    def _by_key(self) -> dict[str, str]:
        return {" ".join(e.name.split()).casefold(): e.pseudonym for e in self.entries}

    def _sub(self, match: re.Match[str]) -> str:
        return self._by_key[" ".join(match.group(0).split()).casefold()]

    def apply(self, text: str) -> str:
        """``text`` with every listed name replaced by its pseudonym."""
        regex = self._regex
        if regex is None or not text:
            return text
        return regex.sub(self._sub, text)

    def count(self, text: str) -> Counter[str]:
        """How often each listed name (by its list spelling) occurs in ``text``."""
        regex = self._regex
        found: Counter[str] = Counter()
        if regex is None or not text:
            return found
        names = {" ".join(e.name.split()).casefold(): e.name for e in self.entries}
        for match in regex.finditer(text):
            found[names[" ".join(match.group(0).split()).casefold()]] += 1
        return found

    def with_entry(self, name: str, pseudonym: str, kind: Kind = "other") -> ReplacementList:
        """A new list with ``name`` added (or its pseudonym changed)."""
        name, pseudonym = validate_entry(name, pseudonym)
        kept = tuple(e for e in self.entries if e.name.casefold() != name.casefold())
        return ReplacementList((*kept, Replacement(name, pseudonym, kind)))

    def without(self, name: str) -> ReplacementList:
        """A new list without ``name``; KeyError when it is not on the list."""
        key = " ".join(name.split()).casefold()
        kept = tuple(e for e in self.entries if e.name.casefold() != key)
        if len(kept) == len(self.entries):
            raise KeyError(name)
        return ReplacementList(kept)

    def find(self, name: str) -> Replacement | None:
        """The entry for ``name`` (any case), or None."""
        key = " ".join(name.split()).casefold()
        return next((e for e in self.entries if e.name.casefold() == key), None)
