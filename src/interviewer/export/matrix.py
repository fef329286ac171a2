"""The data matrices of the seed's Bijlage 2 as plain values (rendered by docx/csv/xlsx).

Per case: title "Datamatrix <case>", the legend "BP/KP = best practices/knelpunten", the
header ``Variabele | Kenmerk | Respondent 1.1 | ...``, one row per characteristic under its
numbered variable ("1. Ervaring", variable cell on the first row only), cells pre-filled
from the notes for that characteristic, a "Tussenconclusie" row after each variable, and the
table "Overige interessante informatie" (closing questions' ``matrix_row`` rows plus "Overig"
for extra-code notes). Empty cells read "-". Plus time per topic per respondent.

Comparative: ``Variabele | Vergelijking ...``, one row per variable plus the general rows,
cells empty for the analyst, and a count of the yes/no answers per case.

Which notes go to which cell: a question's ``characteristic``; a follow-up without one
inherits the characteristic of the question its ``show_when`` looks at; any other note of a
topic without a characteristic (e.g. a probe) goes to "Overig" as "<variable>: text", so
nothing typed is left out of the matrix.

A group interview has one column per participant, holding what that participant said (their
turns; the quick answer and parts go to whoever answered first). Anything said by someone
else (the interviewer's own turns, notes typed before a speaker was chosen, which carry the
group's code) gets a column of its own after the participants, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from interviewer.domain.codes import code_sort_key
from interviewer.domain.protocol import AnswerType, InterviewProtocol
from interviewer.domain.session import Session
from interviewer.domain.timeline import CLOSING
from interviewer.export.content import Entry, SessionContent, build_content, topic_seconds
from interviewer.export.registry import ExportError
from interviewer.export.text import clean_line
from interviewer.i18n import Translator, document_language

EMPTY = "-"


@dataclass(frozen=True)
class VariableBlock:
    """A numbered variable and its characteristic rows (label, one cell per respondent)."""

    label: str
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class CaseMatrix:
    """Everything of one case's matrix, ready to render."""

    case: str
    lang: str
    title: str
    legend: str
    header: tuple[str, ...]
    variables: tuple[VariableBlock, ...]
    interim_label: str
    other_header: tuple[str, ...]
    other_rows: tuple[tuple[str, tuple[str, ...]], ...]
    time_header: tuple[str, ...]
    time_rows: tuple[tuple[str, tuple[str, ...]], ...]

    def main_rows(self) -> list[tuple[str, ...]]:
        """The main table as rows (header first); interim rows as (label, '', '', ...)."""
        rows: list[tuple[str, ...]] = [self.header]
        width = len(self.header)
        for block in self.variables:
            for n, (label, cells) in enumerate(block.rows):
                rows.append((block.label if n == 0 else "", label, *cells))
            rows.append((self.interim_label, *([""] * (width - 1))))
        return rows


@dataclass(frozen=True)
class CompareMatrix:
    """The comparative matrix and the yes/no summary per case."""

    lang: str
    title: str
    header: tuple[str, str]
    rows: tuple[str, ...]
    answers_title: str
    answers_header: tuple[str, ...]
    answers_rows: tuple[tuple[str, ...], ...]


def _protocol_of(sessions: Sequence[Session]) -> InterviewProtocol:
    if not sessions:
        raise ExportError("export.error.matrix_empty")
    return sessions[0].protocol


def _minutes(seconds: float, lang: str) -> str:
    text = f"{seconds / 60:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def _cell(texts: list[str]) -> str:
    joined = " ".join(t for t in texts if t)
    return joined or EMPTY


@dataclass(frozen=True)
class _Column:
    """One matrix column: a respondent, or one speaker of a group interview."""

    header: str
    session: Session
    content: SessionContent
    speaker: str | None
    """Only this speaker's text (group interviews); None: the whole session."""

    def cell_text(self, entry: Entry) -> str:
        return entry.cell_text(self.speaker)


def _columns(contents: Sequence[SessionContent], t: Translator) -> list[_Column]:
    """A column per individual session; per participant (and other speaker) of a group."""
    columns: list[_Column] = []
    for content in contents:
        session = content.session
        if not content.group:
            header = t("export.matrix.respondent", code=session.respondent)
            columns.append(_Column(header, session, content, None))
            continue
        codes = [clean_line(p.code) for p in session.participants]
        others = [s for e in content.entries() for s in e.speakers() if s not in codes]
        interviewer = t("word.interviewer")
        for speaker in [*codes, *dict.fromkeys(others)]:
            header = (
                speaker if speaker == interviewer else t("export.matrix.respondent", code=speaker)
            )
            columns.append(_Column(header, session, content, speaker))
    return columns


def case_matrix(
    sessions: Sequence[Session],
    lang: str | None = None,
    approval: Mapping[str, str] | None = None,
) -> CaseMatrix:
    """The matrix of one case; respondents sorted by code. Raises ValueError if empty.

    ``approval`` (session id -> state in words) adds a member-check row to the 'Overige'
    table: the approval state as a case variable.
    """
    protocol = _protocol_of(sessions)
    lang = document_language(protocol, lang)
    t = Translator(lang)
    ordered = sorted(sessions, key=lambda s: code_sort_key(s.respondent))
    contents: list[SessionContent] = [build_content(s, lang) for s in ordered]
    case = ordered[0].case
    columns = _columns(contents, t)
    respondents = [c.header for c in columns]
    header = (t("export.matrix.variable"), t("export.matrix.characteristic"), *respondents)
    variables: list[VariableBlock] = []
    for number, topic in enumerate(protocol.topics, start=1):
        rows = []
        for characteristic in topic.characteristics:
            cells = tuple(
                _cell(
                    [
                        c.cell_text(e)
                        for e in c.content.entries()
                        if e.topic_id == topic.id and e.characteristic_id == characteristic.id
                    ]
                )
                for c in columns
            )
            rows.append((characteristic.row_label, cells))
        variables.append(VariableBlock(f"{number}. {topic.row_label}", tuple(rows)))
    other_header = (t("export.matrix.other_info"), *respondents)
    row_labels = list(
        dict.fromkeys(q.matrix_row for q in protocol.closing.questions if q.matrix_row)
    )
    other_label = t("export.matrix.other")
    extra_ids = {c.id for c in protocol.extra_codes}
    names = protocol.code_names()
    grid: dict[str, list[list[str]]] = {
        label: [[] for _ in columns] for label in [*row_labels, other_label]
    }
    for column, col in enumerate(columns):
        for entry in col.content.entries():
            text = col.cell_text(entry)
            if not text:
                continue
            if entry.topic_id is None:
                grid[entry.matrix_row or other_label][column].append(text)
                continue
            variable = names.get(entry.topic_id, entry.topic_id)
            if entry.characteristic_id is None or any(tag in extra_ids for tag in entry.tags):
                grid[other_label][column].append(f"{variable}: {text}")
    other_rows = tuple((label, tuple(_cell(c) for c in grid[label])) for label in grid)
    if approval is not None:
        cells = tuple(approval.get(c.session.id) or EMPTY for c in columns)
        other_rows = (*other_rows, (t("membercheck.matrix.approval_row"), cells))
    time_rows: list[tuple[str, tuple[str, ...]]] = []
    seconds = [topic_seconds(c.session) for c in columns]
    for block, topic in zip(variables, protocol.topics, strict=True):
        time_rows.append(
            (block.label, tuple(_minutes(s.get(topic.id, 0.0), lang) for s in seconds))
        )
    time_rows.append(
        (
            t("export.matrix.time_closing"),
            tuple(_minutes(s.get(CLOSING, 0.0), lang) for s in seconds),
        )
    )
    time_rows.append(
        (
            t("export.matrix.time_total"),
            tuple(_minutes(c.content.duration_seconds, lang) for c in columns),
        )
    )
    return CaseMatrix(
        case=case,
        lang=lang,
        title=t("export.matrix.title", case=case),
        legend=t("export.matrix.legend"),
        header=header,
        variables=tuple(variables),
        interim_label=t("export.matrix.interim"),
        other_header=other_header,
        other_rows=other_rows,
        time_header=(t("export.matrix.variable"), *respondents),
        time_rows=tuple(time_rows),
    )


def group_by_case(sessions: Sequence[Session]) -> dict[str, list[Session]]:
    """Sessions per case, cases in first-seen order."""
    cases: dict[str, list[Session]] = {}
    for session in sessions:
        cases.setdefault(session.case, []).append(session)
    return cases


def compare_matrix(sessions: Sequence[Session], lang: str | None = None) -> CompareMatrix:
    """The comparative matrix over all cases in ``sessions``."""
    protocol = _protocol_of(sessions)
    lang = document_language(protocol, lang)
    t = Translator(lang)
    general = [q.matrix_row for q in protocol.closing.questions if q.matrix_row]
    rows = (*(topic.row_label for topic in protocol.topics), *dict.fromkeys(general))
    cases = group_by_case(sessions)
    answers_rows: list[tuple[str, ...]] = []
    for topic in protocol.topics:
        labels = {c.id: c.row_label for c in topic.characteristics}
        for question in topic.questions:
            if question.answer.type is not AnswerType.YES_NO:
                continue
            cells = []
            for members in cases.values():
                values = [s.records.get(question.id) for s in members]
                given = [v.quick_answer if v else None for v in values]
                cells.append(
                    t(
                        "export.matrix.answers_cell",
                        yes=given.count("yes"),
                        no=given.count("no"),
                        none=sum(1 for g in given if g not in ("yes", "no")),
                    )
                )
            kenmerk = labels.get(question.characteristic or "", question.text)
            answers_rows.append((topic.row_label, kenmerk, *cells))
    return CompareMatrix(
        lang=lang,
        title=t("export.matrix.compare_title"),
        header=(t("export.matrix.variable"), t("export.matrix.compare_header")),
        rows=tuple(rows),
        answers_title=t("export.matrix.answers_title"),
        answers_header=(
            t("export.matrix.variable"),
            t("export.matrix.characteristic"),
            *cases,
        ),
        answers_rows=tuple(answers_rows),
    )
