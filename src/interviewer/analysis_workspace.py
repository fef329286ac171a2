"""What the analysis screen shows, built without a terminal: one case's matrix with, per cell,
the notes behind it, the respondents' approval states, the coverage grid and the minutes per
topic; and the comparison of the cases.

The cell texts are the case matrix's own (``export.matrix.case_matrix``, of the sessions as
the matrix exports read them: the transcript's approved text where the member check changed
it), so the screen and every exported matrix never disagree. What this module adds is the
way back from a cell to its evidence: the questions whose notes fill it (``cell_sources``),
so the screen can name the source question, open the notes read-only and give a key
sentence its reference (session, respondent, question).

Pure: no Textual. The screen (``tui.screens.analysis``) and its tests build on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from interviewer.domain.codes import code_sort_key
from interviewer.domain.estimates import make_plan
from interviewer.domain.protocol import InterviewProtocol, Topic
from interviewer.domain.session import QuestionState, Session
from interviewer.domain.turns import INTERVIEWER_SPEAKER
from interviewer.export.content import SessionContent, build_content, topic_seconds
from interviewer.export.text import clean_line
from interviewer.i18n import Translator, document_language
from interviewer.i18n.errors import TranslatableValueError

LOOSE = "*"
"""The characteristic of a row holding a topic's notes without a characteristic: the whole
topic when it has no characteristics, else its "Overig (zonder kenmerk)" row."""


class WorkspaceError(TranslatableValueError):
    """A case or study that has nothing to analyse."""


@dataclass(frozen=True)
class Column:
    """A respondent column of the matrix: a session, or one speaker of a group interview."""

    header: str
    """As the matrix writes it (with the approval state when not approved)."""
    session: Session | None
    """None only if the matrix made a column this module cannot place (never expected)."""
    speaker: str | None
    """A group interview's speaker code; None: the whole session."""
    respondent: str
    approval: str
    """The member-check state in words (``membercheck.state.*``)."""
    approved: bool


@dataclass(frozen=True)
class GridRow:
    """One row of the matrix: a characteristic (or a topic's loose notes) of a variable."""

    variable: str
    """The topic id (the variable the Tussenconclusie belongs to)."""
    variable_label: str
    """Numbered as in the matrix: '1. Ervaring'."""
    label: str
    characteristic: str
    """Characteristic id, or ``LOOSE``."""
    cells: tuple[str, ...]


class Coverage(StrEnum):
    """How far an interview got with one characteristic."""

    COVERED = "covered"
    SKIPPED = "skipped"
    NOT_REACHED = "not-reached"


@dataclass(frozen=True)
class CoverageRow:
    """One characteristic (or a topic without characteristics) across the respondents."""

    variable_label: str
    label: str
    states: tuple[Coverage, ...]


@dataclass(frozen=True)
class TopicMinutes:
    """Planned against actual minutes of one topic, per respondent (session)."""

    label: str
    planned: float
    actual: tuple[float, ...]


@dataclass(frozen=True)
class CaseWorkspace:
    """Everything the analysis screen shows of one case."""

    study: str
    case: str
    lang: str
    """The matrix's language (the protocol's)."""
    protocol: InterviewProtocol
    sessions: tuple[Session, ...]
    """Sorted by respondent code; the texts the matrix reads."""
    columns: tuple[Column, ...]
    rows: tuple[GridRow, ...]
    respondents: tuple[str, ...]
    """One per session (the coverage and minutes columns)."""
    coverage: tuple[CoverageRow, ...]
    minutes: tuple[TopicMinutes, ...]
    unreadable: tuple[str, ...] = ()
    """Sessions of the case that could not be read (one line each), left out."""

    def variables(self) -> list[tuple[str, str]]:
        """(topic id, numbered label) in matrix order."""
        return list(dict.fromkeys((r.variable, r.variable_label) for r in self.rows))


@dataclass(frozen=True)
class CompareWorkspace:
    """The comparison across the cases of a study."""

    study: str
    lang: str
    protocol: InterviewProtocol
    cases: tuple[str, ...]
    variables: tuple[tuple[str, str], ...]
    """(topic id, matrix label) in protocol order."""


# --- building -------------------------------------------------------------------------------
def _speaker_columns(content: SessionContent) -> list[str | None]:
    """The columns a session gets in the matrix: one, or one per speaker of a group."""
    session = content.session
    if not content.group:
        return [None]
    codes = [clean_line(p.code) for p in session.participants]
    others = [s for e in content.entries() for s in e.speakers() if s not in codes]
    return [*codes, *dict.fromkeys(others)]


def session_coverage(session: Session, topic: Topic, characteristic: str) -> Coverage:
    """Covered: a question of the characteristic (``LOOSE``: of the topic) has an answer or
    notes; skipped: none has, and one was skipped; not reached: none was asked or skipped."""
    questions = [
        q for q in topic.questions if characteristic == LOOSE or q.characteristic == characteristic
    ]
    records = [session.records.get(q.id) for q in questions]
    if any(r is not None and r.has_content() for r in records):
        return Coverage.COVERED
    if any(r is not None and r.state is QuestionState.SKIPPED for r in records):
        return Coverage.SKIPPED
    return Coverage.NOT_REACHED


def case_workspace(
    sessions: Sequence[Session],
    *,
    study: str,
    approval: dict[str, str] | None = None,
    unapproved: dict[str, str] | None = None,
    unreadable: Sequence[str] = (),
) -> CaseWorkspace:
    """The workspace of one case from its sessions (all of protocol ``study``).

    ``approval`` (session id -> state in words) and ``unapproved`` (those not approved) as
    ``membercheck.exporting.export_options`` makes them."""
    from interviewer.export.matrix import EMPTY, case_matrix

    if not sessions:
        raise WorkspaceError("analysis.tui.error.no_sessions", case="-", study=study)
    approval = approval or {}
    unapproved = unapproved or {}
    ordered = sorted(sessions, key=lambda s: code_sort_key(s.respondent))
    protocol = ordered[0].protocol
    lang = document_language(protocol, None)
    matrix = case_matrix(ordered, lang, None, unapproved)
    contents = [build_content(s, lang) for s in ordered]
    placed: list[tuple[Session | None, str | None]] = [
        (c.session, speaker) for c in contents for speaker in _speaker_columns(c)
    ]
    headers = matrix.header[2:]
    if len(placed) != len(headers):  # the matrix grew a column kind this module does not know
        placed = [(None, None)] * len(headers)
    interviewer = Translator(lang)("word.interviewer")
    columns = []
    for header, (session, speaker) in zip(headers, placed, strict=True):
        respondent = speaker or (session.respondent if session else header)
        if speaker == interviewer:
            respondent = INTERVIEWER_SPEAKER
        sid = session.id if session else ""
        columns.append(
            Column(
                header=header,
                session=session,
                speaker=speaker,
                respondent=respondent,
                approval=approval.get(sid, EMPTY),
                approved=sid not in unapproved,
            )
        )
    rows: list[GridRow] = []
    for block, topic in zip(matrix.variables, protocol.topics, strict=True):
        ids = [c.id for c in topic.characteristics]
        for n, (label, cells) in enumerate(block.rows):
            cid = ids[n] if n < len(ids) else LOOSE
            rows.append(GridRow(topic.id, block.label, label, cid, cells))
    labels = [block.label for block in matrix.variables]
    return CaseWorkspace(
        study=study,
        case=ordered[0].case,
        lang=lang,
        protocol=protocol,
        sessions=tuple(ordered),
        columns=tuple(columns),
        rows=tuple(rows),
        respondents=tuple(s.respondent for s in ordered),
        coverage=coverage_rows(ordered, labels),
        minutes=topic_minutes(ordered, labels),
        unreadable=tuple(unreadable),
    )


def coverage_rows(sessions: Sequence[Session], labels: Sequence[str]) -> tuple[CoverageRow, ...]:
    """The coverage grid of ``sessions`` (all of one protocol): a row per characteristic (one
    per topic without any), a state per session. ``labels`` are the topics' numbered
    variable labels in protocol order. Shared by the analysis screen (a case) and the
    review screen (one interview), so both read a characteristic's state alike."""
    protocol = sessions[0].protocol
    rows: list[CoverageRow] = []
    for variable, topic in zip(labels, protocol.topics, strict=True):
        chars = [(c.id, c.row_label) for c in topic.characteristics] or [(LOOSE, "")]
        for cid, label in chars:
            states = tuple(session_coverage(s, topic, cid) for s in sessions)
            rows.append(CoverageRow(variable, label, states))
    return tuple(rows)


def topic_minutes(sessions: Sequence[Session], labels: Sequence[str]) -> tuple[TopicMinutes, ...]:
    """Planned against actual minutes per topic (``labels`` as for ``coverage_rows``). The
    planned ones come from the protocol's plan (``domain.estimates.make_plan``: a topic's own
    ``minutes``, else its share of what is left), as the interview clock and the matrix's
    chart take them; the actual ones from the timeline as every export counts them
    (``content.topic_seconds``, pauses left out)."""
    protocol = sessions[0].protocol
    plan = make_plan(protocol)
    seconds = [topic_seconds(s) for s in sessions]
    return tuple(
        TopicMinutes(
            variable,
            round(plan.topic(topic.id) / 60.0, 1),
            tuple(round(s.get(topic.id, 0.0) / 60.0, 1) for s in seconds),
        )
        for variable, topic in zip(labels, protocol.topics, strict=True)
    )


def _study_sessions(store: Any, study: str, case: str | None) -> tuple[list[Session], list[str]]:
    """The sessions of ``study`` (of ``case``), loaded in full, and those that could not be."""
    found: list[Session] = []
    unreadable: list[str] = []
    for summary in store.list(case=case):
        if summary.protocol_id != study:
            continue
        try:
            found.append(store.load(summary.id))
        except (LookupError, OSError, ValueError) as exc:  # a damaged file: named, left out
            unreadable.append(f"{summary.id}: {type(exc).__name__}")
    return found, unreadable


def load_case_workspace(
    store: Any,
    data_dir: Path,
    study: str,
    case: str,
    *,
    lang: str | None = None,
    today: dt.date | None = None,
) -> CaseWorkspace:
    """The workspace of ``case`` in ``study`` from the store, with the approval states and
    the approved texts the matrix export uses. The column headers speak the matrix's
    language; the approval states the side panel shows speak ``lang`` (the interface's;
    default: the matrix's). ``WorkspaceError`` when the case has no readable session."""
    from interviewer.membercheck.exporting import export_options, state_label
    from interviewer.membercheck.storage import ApprovalBook

    sessions, unreadable = _study_sessions(store, study, case)
    if not sessions:
        raise WorkspaceError("analysis.tui.error.no_sessions", case=case, study=study)
    today = today or dt.date.today()
    options = export_options(Path(data_dir), sessions, today=today)
    finals = options.final_sessions or {}
    texts = [finals.get(s.id, s) for s in sessions]
    approval = dict(options.approval or {})
    if lang is not None:
        book = ApprovalBook(Path(data_dir))
        approval = {s.id: state_label(book.get(s.id), today, lang) for s in sessions}
    return case_workspace(
        texts,
        study=study,
        approval=approval,
        unapproved=dict(options.unapproved or {}),
        unreadable=unreadable,
    )


def compare_workspace(sessions: Sequence[Session], *, study: str) -> CompareWorkspace:
    """The comparison of the cases of ``sessions`` (all of protocol ``study``)."""
    if not sessions:
        raise WorkspaceError("analysis.tui.error.nothing_to_compare", study=study)
    newest = max(sessions, key=lambda s: s.created_at)
    protocol = newest.protocol
    cases = tuple(sorted({s.case for s in sessions}, key=str.casefold))
    return CompareWorkspace(
        study=study,
        lang=document_language(protocol, None),
        protocol=protocol,
        cases=cases,
        variables=tuple((t.id, t.row_label) for t in protocol.topics),
    )


def load_compare_workspace(store: Any, study: str) -> CompareWorkspace:
    """The comparison of every case of ``study`` in the store."""
    sessions, _unreadable = _study_sessions(store, study, None)
    return compare_workspace(sessions, study=study)


# --- a cell's evidence ----------------------------------------------------------------------
@dataclass(frozen=True)
class Source:
    """One question behind a cell, with what the column's respondent said to it."""

    question_id: str
    question: str
    paragraphs: tuple[str, ...]


def cell_sources(workspace: CaseWorkspace, row: int, column: int) -> list[Source]:
    """The questions whose answers fill cell (``row``, ``column``), in interview order, with
    the column's paragraphs for each (a group speaker's own turns only)."""
    from interviewer.export.matrix import entries_as_filed  # filed as the matrix files them

    grid_row = workspace.rows[row]
    col = workspace.columns[column]
    if col.session is None:
        return []
    topic = workspace.protocol.topic(grid_row.variable)
    own = {c.id for c in topic.characteristics}
    content = build_content(col.session, workspace.lang)
    out: list[Source] = []
    for entry in entries_as_filed(content):
        if entry.topic_id != grid_row.variable or not entry.has_notes:
            continue
        if grid_row.characteristic == LOOSE:
            if entry.characteristic_id in own:
                continue
        elif entry.characteristic_id != grid_row.characteristic:
            continue
        turns = entry.answer_turns()
        if col.speaker is not None:
            turns = [(who, text) for who, text in turns if who == col.speaker]
            if not turns:
                continue
        out.append(Source(entry.question_id, entry.text, tuple(text for _who, text in turns)))
    return out
