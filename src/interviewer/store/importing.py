"""``interviewer import``: bring portable session files into the store, refusing bad ones.

Each file is checked on its own: it must be a valid portable session file whose case, codes
and id pass the checks ``run`` makes and whose references resolve in its own protocol
(``domain.session_check``), its id must not be stored yet (unless ``replace``), appear in
no other file of the batch, and its case must not already have the same respondent code
under another id (two laptops that both created "Borne 1.1"). With ``replace``, a file
written before the stored session was last saved is refused unless ``force`` (restoring an
old emergency copy would throw away what was saved after it); both times are named.
Refused files change nothing; the others are imported.

A pseudonymised copy (``json-shared``, its envelope says which session it was made from) is
refused, always, where that session is stored: it would otherwise sit beside the real notes
or, under ``--replace``, be taken for them. In another data folder it is imported as a new
session under its own id, like any file.

A file that carries an analysis (portable version 2) has it pooled into the data folder's
(``store.analysis.AnalysisStore.merge``) whether or not its session is imported: a session
already stored here is refused as a duplicate, but a colleague's conclusions about it are
still taken. What pooling did (and each conflict it found) is in the file's outcome's
``analysis``; there is still one outcome per file.
"""

from __future__ import annotations

import dataclasses
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
from interviewer.store.portable import PortableError, PortableSession, read_portable_document


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
    analysis: tuple[ImportOutcome, ...] = ()
    """What pooling the file's analysis did: one line, plus one per conflict it found."""


def import_files(
    store: SessionStore, files: Iterable[Path], *, replace: bool = False, force: bool = False
) -> list[ImportOutcome]:
    """Import every acceptable file; one outcome per file, in order."""
    codes = RespondentCodes.of(store.list())
    seen: dict[str, Path] = {}
    outcomes: list[ImportOutcome] = []
    to_pool: list[tuple[int, PortableSession, Path]] = []
    for path in files:
        name = str(path)
        try:
            document = read_portable_document(path)
        except PortableError as exc:
            outcomes.append(ImportOutcome(path, False, "store.import.invalid", {"problem": exc}))
            continue
        session = document.session
        marker = document.pseudonymised
        if marker is not None and store.exists(marker.from_session):
            # a shared copy of a session stored here: never beside or over the real notes
            # (whatever replace/force say), and its analysis is not pooled into theirs
            refused: dict[str, object] = {"file": name, "original": marker.from_session}
            outcomes.append(
                ImportOutcome(path, False, "store.import.pseudonymised", refused, session.id)
            )
            continue
        if document.analysis is not None:  # pooled below, into this file's outcome
            to_pool.append((len(outcomes), document, path))
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
    for index, document, path in to_pool:
        pooled = tuple(_pool_analysis(store, document, path))
        outcomes[index] = dataclasses.replace(outcomes[index], analysis=pooled)
    return outcomes


def _pool_analysis(
    store: SessionStore, document: PortableSession, path: Path
) -> list[ImportOutcome]:
    """Pool the analysis a file carries; one outcome, plus one per conflict found."""
    from interviewer.store.analysis import AnalysisStore

    assert document.analysis is not None
    analyses = AnalysisStore(store.data_dir)
    name = str(path)
    try:
        result = analyses.merge(document.analysis)
    except (ValueError, OSError) as exc:  # a damaged analysis file here: left as it is
        values: dict[str, object] = {"file": name, "problem": exc}
        return [ImportOutcome(path, False, "analysis.import.failed", values)]
    study = document.analysis.study
    outcomes = [
        ImportOutcome(
            path,
            True,
            "analysis.import.merged",
            {
                "file": name,
                "study": study,
                "updated": result.updated,
                "conflicts": len(result.conflicts),
            },
        )
    ]
    for conflict in result.conflicts:
        values = {
            "file": name,
            "field": conflict.field,
            "kept_author": conflict.kept_author or "-",
            "kept_at": conflict.kept_updated_at.isoformat(timespec="seconds"),
            "author": conflict.author or "-",
            "at": conflict.updated_at.isoformat(timespec="seconds"),
            "path": analyses.path(study),
        }
        outcomes.append(ImportOutcome(path, True, "analysis.import.conflict", values))
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
