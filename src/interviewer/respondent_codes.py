"""One respondent code per case: the check ``run``, the new-session form and ``import`` share.

Two sessions "Borne 1.1" would put two people under one code: the data matrix would read
"Respondent 1.1, Respondent 1.1", and a member check or a withdrawal could reach the wrong
person. So a code a case already has is refused everywhere a session enters the store, with
the session that has it and the next free code (the one ``interviewer codes next`` prints).

No pydantic and no store import here: ``run`` checks the code before its first frame from
the listing cache (``indexed_sessions``), and again from the store when it creates the
session, so a cache that is out of date cannot let a duplicate through.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from interviewer.domain.codes import CodeScheme, suggest_case_number, suggest_next_code
from interviewer.i18n import translate

INDEX_FILE = "index.json"
"""The store's listing cache (``interviewer.store.index.INDEX_NAME``)."""


class Listed(Protocol):
    """What the check needs of a stored session: a ``SessionSummary`` or an ``IndexedSession``."""

    @property
    def id(self) -> str: ...
    @property
    def case(self) -> str: ...
    @property
    def respondent(self) -> str: ...
    @property
    def date(self) -> Any: ...
    @property
    def status(self) -> Any: ...


@dataclass(frozen=True)
class IndexedSession:
    """A session as the listing cache names it (plain values, read without pydantic)."""

    id: str
    case: str
    respondent: str
    date: str
    status: str


def indexed_sessions(data_dir: Path) -> list[IndexedSession]:
    """The sessions the data folder's listing cache names; [] when it is missing or damaged
    (the store's own check at creation still runs)."""
    try:
        raw = json.loads((Path(data_dir) / INDEX_FILE).read_text(encoding="utf-8"))
        entries = raw["sessions"].values()
        return [
            IndexedSession(
                id=str(s["id"]),
                case=str(s["case"]),
                respondent=str(s["respondent"]),
                date=str(s["date"]),
                status=str(s["status"]),
            )
            for s in (e["summary"] for e in entries)
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []


class RespondentCodeTaken(ValueError):
    """The case already has this respondent code; says which session has it and what is free."""

    def __init__(self, case: str, code: str, existing: Listed, suggestion: str) -> None:
        self.case = case
        self.code = code
        self.existing = existing
        self.suggestion = suggestion
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        """The refusal in ``lang``: the existing session (id, date, status) and the free code."""
        status = getattr(self.existing.status, "value", self.existing.status)
        return translate(
            "store.code_taken",
            lang,
            case=self.case,
            code=self.code,
            id=self.existing.id,
            date=str(self.existing.date),
            status=translate(f"status.{status}", lang),
            suggestion=self.suggestion,
        )


@dataclass
class RespondentCodes:
    """The respondent codes in use, by case, built from a listing of the store.

    ``add`` records a code taken meanwhile (an import batch adds its sessions one by one).
    """

    sessions: dict[tuple[str, str], Listed] = field(default_factory=dict)

    @classmethod
    def of(cls, listed: Iterable[Listed]) -> RespondentCodes:
        """The codes of these sessions (the store's ``list()`` or ``indexed_sessions``)."""
        codes = cls()
        for session in listed:
            codes.add(session)
        return codes

    def add(self, session: Listed) -> None:
        """Record that ``session`` has its code in its case."""
        self.sessions.setdefault((session.case, session.respondent), session)

    def owner(self, case: str, code: str) -> Listed | None:
        """The session that has ``code`` in ``case``, or None when the code is free."""
        return self.sessions.get((case.strip(), code.strip()))

    def next_free(self, case: str) -> str:
        """The next free code of ``case``: ``<case number>.<n>``, as ``codes next`` prints."""
        by_case: dict[str, list[str]] = {}
        for known_case, code in self.sessions:
            by_case.setdefault(known_case, []).append(code)
        number = suggest_case_number(by_case, case.strip())
        own = by_case.get(case.strip(), [])
        return suggest_next_code(own, scheme=CodeScheme.CASE, case_number=number)

    def require_free(self, case: str, code: str, *, session_id: str | None = None) -> None:
        """Raise ``RespondentCodeTaken`` when another session (not ``session_id``) of
        ``case`` has ``code``."""
        existing = self.owner(case, code)
        if existing is not None and existing.id != session_id:
            raise RespondentCodeTaken(case.strip(), code.strip(), existing, self.next_free(case))
