"""``interviewer import``: bring portable session files into the store, refusing bad ones.

Each file is checked on its own: it must be a valid portable session file whose case, codes
and id pass the checks ``run`` makes and whose references resolve in its own protocol
(``domain.session_check``), its id must not be stored yet (unless ``replace``), appear in
no other file of the batch, and its case must not already have the same respondent code
under another id (two laptops that both created "Borne 1.1"). With ``replace``, a file
written before the stored session was last saved is refused unless ``force`` (restoring an
old emergency copy would throw away what was saved after it); both times are named.
Refused files change nothing; the others are imported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from interviewer.domain.session import Session
from interviewer.domain.session_check import check_session
from interviewer.respondent_codes import RespondentCodes, RespondentCodeTaken
from interviewer.store.core import SessionStore
from interviewer.store.errors import StoreError
from interviewer.store.index import summarize
from interviewer.store.portable import PortableError, read_portable


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one file: a message key of ``table_store`` and its values."""

    path: Path
    ok: bool
    message: str
    values: dict[str, object] = field(default_factory=dict)
    """Its values; a keyed error among them is said in the caller's language
    (``i18n.errors.render_values``)."""
    session_id: str | None = None


def import_files(
    store: SessionStore, files: Iterable[Path], *, replace: bool = False, force: bool = False
) -> list[ImportOutcome]:
    """Import every acceptable file; one outcome per file, in order."""
    codes = RespondentCodes.of(store.list())
    seen: dict[str, Path] = {}
    outcomes: list[ImportOutcome] = []
    for path in files:
        name = str(path)
        try:
            session = read_portable(path)
        except PortableError as exc:
            outcomes.append(ImportOutcome(path, False, "store.import.invalid", {"problem": exc}))
            continue
        try:  # the checks ``run`` makes of case, codes and id, and the protocol references
            session = check_session(session)
        except ValueError as exc:  # CodeError, SessionCheckError: keyed, said in the UI language
            outcomes.append(
                ImportOutcome(path, False, "store.import.failed", {"file": name, "problem": exc})
            )
            continue
        sid = session.id
        values: dict[str, object] = {
            "file": name,
            "id": sid,
            "case": session.case,
            "respondent": session.respondent,
        }
        if sid in seen:
            values["other"] = str(seen[sid])
            outcomes.append(ImportOutcome(path, False, "store.import.duplicate_batch", values, sid))
            continue
        seen[sid] = path
        exists = store.exists(sid)
        if exists and not replace:
            outcomes.append(ImportOutcome(path, False, "store.import.duplicate", values, sid))
            continue
        older = None if not exists or force else _older_than_stored(store, session, path)
        if older is not None:
            values.update(older)
            outcomes.append(ImportOutcome(path, False, "store.import.older", values, sid))
            continue
        try:  # the same check as ``run`` and the new-session form
            codes.require_free(session.case, session.respondent, session_id=sid)
        except RespondentCodeTaken as taken:
            values["other"] = taken.existing.id
            values["suggestion"] = taken.suggestion
            outcomes.append(ImportOutcome(path, False, "store.import.duplicate_code", values, sid))
            continue
        try:
            store.import_session(session, replace=replace)
        except (StoreError, OSError) as exc:
            values["problem"] = getattr(exc, "strerror", None) or str(exc)
            outcomes.append(ImportOutcome(path, False, "store.import.failed", values, sid))
            continue
        codes.add(summarize(session, dt.datetime.now(dt.UTC)))
        key = "store.import.replaced" if exists else "store.import.done"
        outcomes.append(ImportOutcome(path, True, key, values, sid))
    return outcomes


def _older_than_stored(
    store: SessionStore, session: Session, path: Path
) -> dict[str, object] | None:
    """Both times, when ``path`` was written before the stored session was last saved and
    holds something else than the stored session (the same content loses nothing)."""
    from interviewer.store.emergency import file_time, shown_time

    try:
        copy_time, stored_time = file_time(path), file_time(store.session_path(session.id))
    except OSError:  # no times to compare: the other checks decide
        return None
    if copy_time >= stored_time:
        return None
    try:
        if store.load(session.id) == session:
            return None
    except (StoreError, OSError):  # a damaged stored file: the times still decide
        pass
    return {"copy_time": shown_time(copy_time), "stored_time": shown_time(stored_time)}
