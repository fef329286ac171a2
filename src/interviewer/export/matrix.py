"""The data matrices of the seed's Bijlage 2 as plain values (rendered by docx/csv/xlsx).

Per case: title "Datamatrix <case>", the legend "BP/KP = best practices/knelpunten", the
header ``Variabele | Kenmerk | Respondent 1.1 | ...``, one row per characteristic under its
numbered variable ("1. Ervaring", variable cell on the first row only), cells pre-filled
from the notes for that characteristic, a "Tussenconclusie" row after each variable, and the
table "Overige interessante informatie" (closing questions' ``matrix_row`` rows plus "Overig").
Empty cells read "-". Plus time per topic per respondent, in minutes as numbers.

Which notes go to which cell (each note exactly once):

* a question's ``characteristic``; a follow-up without one inherits the characteristic of
  the question its ``show_when`` looks at;
* a topic *without* characteristics is one variable row of its own (kenmerk cell empty)
  holding all its notes, a line per question: seed 003's analysis frame has one column per
  code, not per question, and a row per question would scatter one answer that runs over
  several questions;
* a probe without a characteristic belongs to the characteristic of the question asked
  before it in the same topic (it asks for an example of that answer);
* in a topic *with* characteristics, notes of a question without one that none of the
  above places (a main question the protocol left unmapped, a probe asked first) go to an
  extra row "Overig (zonder kenmerk)" of that variable, shown only when some respondent has
  such notes;
* a record tagged with an extra code keeps its quick answer in its cell; its notes and
  parts go to "Overig" only, as "<variable>: text";
* closing answers go to their ``matrix_row``, or to "Overig".

So "Overig" holds only what was not said under a topic, or what the interviewer marked as
belonging to none. The texts "Overige interessante informatie", "Overig", the legend and the
comparative header can be replaced per study (``InterviewProtocol.matrix``).

A column whose transcript is not approved carries the approval state in its header
(``unapproved``), so nobody quotes an unchecked answer unknowingly.

The Tussenconclusie rows hold what the study's analysis (``domain.analysis``) says of the
variable in this case: the conclusion, then its keywords and key sentences (seed 003's
frame), each sentence with its respondent and question. The full-width row is the one place
of the seed's layout with room for them; empty when nothing is written.

Comparative: ``Variabele | Vergelijking ...``, one row per variable plus the general rows,
filled with the analysis's comparative conclusions (empty for the analyst otherwise), and a
count of the yes/no answers per case. Notes without a quick answer are counted apart
("alleen notities"), not read as yes or no: spoken Dutch opens many answers with "ja" or
"nee" that are no verdict ("Ja, nou, dat is lastig"), so guessing from the notes would put
wrong numbers in a table people cite.

A group interview has one column per participant, holding what that participant said (their
turns; the quick answer and parts go to whoever answered first). Anything said by someone
else (the interviewer's own turns, notes typed before a speaker was chosen, which carry the
group's code) gets a column of its own after the participants, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial

from interviewer.domain.analysis import GENERAL_ROWS, StudyAnalysis
from interviewer.domain.codes import code_sort_key
from interviewer.domain.protocol import AnswerType, InterviewProtocol, QuestionKind
from interviewer.domain.session import Session
from interviewer.domain.timeline import CLOSING
from interviewer.export.analysis_export import respondent_codes, variable_text
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
    time_rows: tuple[tuple[str, tuple[float, ...]], ...]
    """Minutes (one decimal) per respondent; ``minutes_text`` writes them for reading."""
    interims: tuple[str, ...] = ()
    """Per variable block the text of its Tussenconclusie row from the analysis (the
    conclusion, then keywords and key sentences); '' (or a short tuple) leaves it empty."""

    def interim(self, index: int) -> str:
        """The Tussenconclusie text of variable block ``index`` ('' when none is written)."""
        return self.interims[index] if index < len(self.interims) else ""

    def main_rows(self) -> list[tuple[str, ...]]:
        """The main table as rows (header first); interim rows as (label, text, '', ...),
        the text '' when no conclusion is written."""
        rows: list[tuple[str, ...]] = [self.header]
        width = len(self.header)
        for index, block in enumerate(self.variables):
            for n, (label, cells) in enumerate(block.rows):
                rows.append((block.label if n == 0 else "", label, *cells))
            rows.append((self.interim_label, self.interim(index), *([""] * (width - 2))))
        return rows

    def interim_indices(self) -> list[int]:
        """Where the Tussenconclusie rows are in ``main_rows()`` (the header is 0)."""
        found: list[int] = []
        at = 0
        for block in self.variables:
            at += len(block.rows) + 1
            found.append(at)
        return found

    def other_table(self) -> list[tuple[str, ...]]:
        """The 'Overige' table as rows (header first)."""
        return [self.other_header, *((label, *cells) for label, cells in self.other_rows)]

    def time_table(self) -> list[tuple[str, ...]]:
        """The time table as text rows (header first), minutes written for the language."""
        return [
            self.time_header,
            *(
                (label, *(minutes_text(m, self.lang) for m in minutes))
                for label, minutes in self.time_rows
            ),
        ]


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
    texts: tuple[str, ...] = ()
    """The comparative conclusion of each row of ``rows`` from the analysis ('' when none)."""

    def text(self, index: int) -> str:
        """The conclusion of row ``index`` ('' when none is written)."""
        return self.texts[index] if index < len(self.texts) else ""

    def table(self) -> list[tuple[str, str]]:
        """The comparative table as rows (header first)."""
        return [self.header, *((label, self.text(n)) for n, label in enumerate(self.rows))]


def _protocol_of(sessions: Sequence[Session]) -> InterviewProtocol:
    if not sessions:
        raise ExportError("export.error.matrix_empty")
    return sessions[0].protocol


def _minutes(seconds: float) -> float:
    return round(seconds / 60, 1)


def minutes_text(minutes: float, lang: str) -> str:
    """Minutes as a reader writes them: '7,8' in Dutch, '7.8' in English."""
    text = f"{minutes:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def matrix_texts(protocol: InterviewProtocol, t: Translator) -> dict[str, str]:
    """The study's own matrix texts (``InterviewProtocol.matrix``), else the defaults."""
    own = protocol.matrix
    defaults = {
        "legend": t("export.matrix.legend"),
        "other_table": t("export.matrix.other_info"),
        "other_row": t("export.matrix.other"),
        "topic_other_row": t("export.matrix.topic_other"),
        "compare_header": t("export.matrix.compare_header"),
    }
    if own is None:
        return defaults
    return {key: getattr(own, key) or value for key, value in defaults.items()}


def _cell(texts: list[str], sep: str = " ") -> str:
    joined = sep.join(t for t in texts if t)
    return joined or EMPTY


@dataclass(frozen=True)
class _Column:
    """One matrix column: a respondent, or one speaker of a group interview."""

    header: str
    session: Session
    content: SessionContent
    speaker: str | None
    """Only this speaker's text (group interviews); None: the whole session."""

    def cell_text(self, entry: Entry, tagged: bool = False) -> str:
        """What this column shows of ``entry`` in its own cell; ``tagged`` (the record is
        tagged with an extra code): the quick answer only, its notes go to 'Overig'."""
        if tagged:
            entry = replace(entry, notes=(), note_speakers=(), parts=())
        return entry.cell_text(self.speaker)

    def other_text(self, entry: Entry) -> str:
        """The notes and parts of a tagged ``entry``, for 'Overig' (its answer stays)."""
        return replace(entry, answer=None).cell_text(self.speaker)


def entries_as_filed(content: SessionContent) -> list[Entry]:
    """The session's entries, a probe without a characteristic given the one of the question
    asked before it in the same topic (the answer it asks an example of, as the seed's
    analysts filed it); a probe asked first in its topic keeps none."""
    protocol = content.protocol
    index = protocol.question_index()
    last: dict[str, str] = {}
    out: list[Entry] = []
    for entry in content.entries():
        found = index.get(entry.question_id)
        if found is not None and entry.topic_id is not None:
            probe = found[1].kind is QuestionKind.PROBE
            if entry.characteristic_id is not None:
                last[entry.topic_id] = entry.characteristic_id
            elif probe and entry.topic_id in last:
                entry = replace(entry, characteristic_id=last[entry.topic_id])
        out.append(entry)
    return out


def _columns(
    contents: Sequence[SessionContent],
    t: Translator,
    unapproved: Mapping[str, str] | None = None,
) -> list[_Column]:
    """A column per individual session; per participant (and other speaker) of a group.

    A session in ``unapproved`` (id -> approval state in words) carries its state in every
    header of its columns.
    """
    columns: list[_Column] = []

    def mark(header: str, session: Session) -> str:
        state = (unapproved or {}).get(session.id)
        return t("export.matrix.unapproved", header=header, state=state) if state else header

    for content in contents:
        session = content.session
        if not content.group:
            header = mark(t("export.matrix.respondent", code=session.respondent), session)
            columns.append(_Column(header, session, content, None))
            continue
        codes = [clean_line(p.code) for p in session.participants]
        others = [s for e in content.entries() for s in e.speakers() if s not in codes]
        interviewer = t("word.interviewer")
        for speaker in [*codes, *dict.fromkeys(others)]:
            header = (
                speaker if speaker == interviewer else t("export.matrix.respondent", code=speaker)
            )
            columns.append(_Column(mark(header, session), session, content, speaker))
    return columns


def _tagged(entry: Entry, extra_ids: set[str]) -> bool:
    """Whether ``entry``'s record carries one of the protocol's extra codes: its notes then
    belong to 'Overig', not to the characteristic's cell (see the module docstring)."""
    return any(tag in extra_ids for tag in entry.tags)


def _of_characteristic(characteristic_id: str, entry: Entry) -> bool:
    """Whether a note belongs to this characteristic (a row of the matrix)."""
    return entry.characteristic_id == characteristic_id


def _outside(characteristic_ids: set[str], entry: Entry) -> bool:
    """Whether a note belongs to none of these characteristics (the "other" row)."""
    return entry.characteristic_id not in characteristic_ids


def _variable_blocks(
    protocol: InterviewProtocol,
    columns: Sequence[_Column],
    extra_ids: set[str],
    topic_other_row: str,
) -> list[VariableBlock]:
    """The main table's numbered variables: a row per characteristic, then the topic's notes
    that no characteristic holds (the variable's only row when the topic has none, else the
    row ``topic_other_row`` shown only when some column has such notes)."""
    kept = {id(c.content): entries_as_filed(c.content) for c in columns}

    def cells(topic_id: str, wanted: Callable[[Entry], bool], sep: str = " ") -> tuple[str, ...]:
        return tuple(
            _cell(
                [
                    c.cell_text(e, _tagged(e, extra_ids))
                    for e in kept[id(c.content)]
                    if e.topic_id == topic_id and wanted(e)
                ],
                sep,
            )
            for c in columns
        )

    variables: list[VariableBlock] = []
    for number, topic in enumerate(protocol.topics, start=1):
        rows: list[tuple[str, tuple[str, ...]]] = []
        own = {c.id for c in topic.characteristics}
        for characteristic in topic.characteristics:
            rows.append(
                (
                    characteristic.row_label,
                    cells(topic.id, partial(_of_characteristic, characteristic.id)),
                )
            )
        loose = cells(topic.id, partial(_outside, own), "\n")
        if not own:
            rows.append(("", loose))
        elif any(cell != EMPTY for cell in loose):
            rows.append((topic_other_row, loose))
        variables.append(VariableBlock(f"{number}. {topic.row_label}", tuple(rows)))
    return variables


def _other_grid(
    protocol: InterviewProtocol,
    columns: Sequence[_Column],
    extra_ids: set[str],
    other_label: str,
) -> dict[str, list[list[str]]]:
    """The texts of the 'Overige' table per row label and column: closing answers under
    their ``matrix_row`` (else ``other_label``), and the notes of records tagged with an
    extra code as '<variable>: text' under ``other_label``."""
    row_labels = list(
        dict.fromkeys(q.matrix_row for q in protocol.closing.questions if q.matrix_row)
    )
    names = protocol.code_names()
    grid: dict[str, list[list[str]]] = {
        label: [[] for _ in columns] for label in [*row_labels, other_label]
    }
    for column, col in enumerate(columns):
        for entry in col.content.entries():
            if entry.topic_id is None:
                text = col.cell_text(entry)
                if text:
                    grid[entry.matrix_row or other_label][column].append(text)
                continue
            if _tagged(entry, extra_ids):
                text = col.other_text(entry)
                if text:
                    variable = names.get(entry.topic_id, entry.topic_id)
                    grid[other_label][column].append(f"{variable}: {text}")
    return grid


def _other_rows(
    protocol: InterviewProtocol,
    columns: Sequence[_Column],
    extra_ids: set[str],
    other_label: str,
    approval: Mapping[str, str] | None,
    t: Translator,
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The 'Overige' table's rows, with the member-check approval row when ``approval`` is
    given (the approval state read as one more case variable)."""
    grid = _other_grid(protocol, columns, extra_ids, other_label)
    rows = tuple((label, tuple(_cell(c) for c in grid[label])) for label in grid)
    if approval is None:
        return rows
    states = tuple(approval.get(c.session.id) or EMPTY for c in columns)
    return (*rows, (t("membercheck.matrix.approval_row"), states))


def _time_rows(
    variables: Sequence[VariableBlock],
    protocol: InterviewProtocol,
    columns: Sequence[_Column],
    t: Translator,
) -> tuple[tuple[str, tuple[float, ...]], ...]:
    """Minutes per variable, the closing and the whole interview, one number per column."""
    time_rows: list[tuple[str, tuple[float, ...]]] = []
    seconds = [topic_seconds(c.session) for c in columns]
    for block, topic in zip(variables, protocol.topics, strict=True):
        time_rows.append((block.label, tuple(_minutes(s.get(topic.id, 0.0)) for s in seconds)))
    time_rows.append(
        (t("export.matrix.time_closing"), tuple(_minutes(s.get(CLOSING, 0.0)) for s in seconds))
    )
    time_rows.append(
        (
            t("export.matrix.time_total"),
            tuple(_minutes(c.content.duration_seconds) for c in columns),
        )
    )
    return tuple(time_rows)


def case_matrix(
    sessions: Sequence[Session],
    lang: str | None = None,
    approval: Mapping[str, str] | None = None,
    unapproved: Mapping[str, str] | None = None,
    analysis: StudyAnalysis | None = None,
) -> CaseMatrix:
    """The matrix of one case; respondents sorted by code. Raises ValueError if empty.

    ``approval`` (session id -> state in words) adds a member-check row to the 'Overige'
    table: the approval state as a case variable. ``unapproved`` (session id -> state in
    words, only the sessions not approved) marks those columns' headers. ``analysis`` (the
    study's, see ``analysis_export.study_analysis``) fills the Tussenconclusie rows.
    """
    protocol = _protocol_of(sessions)
    lang = document_language(protocol, lang)
    t = Translator(lang)
    texts = matrix_texts(protocol, t)
    ordered = sorted(sessions, key=lambda s: code_sort_key(s.respondent))
    contents: list[SessionContent] = [build_content(s, lang) for s in ordered]
    case = ordered[0].case
    columns = _columns(contents, t, unapproved)
    respondents = [c.header for c in columns]
    header = (t("export.matrix.variable"), t("export.matrix.characteristic"), *respondents)
    extra_ids = {c.id for c in protocol.extra_codes}
    variables = _variable_blocks(protocol, columns, extra_ids, texts["topic_other_row"])
    other_rows = _other_rows(protocol, columns, extra_ids, texts["other_row"], approval, t)
    codes = respondent_codes(ordered)
    interims = tuple(
        variable_text(analysis, case, topic.id, codes, t).interim_text(t)
        for topic in protocol.topics
    )
    return CaseMatrix(
        case=case,
        lang=lang,
        title=t("export.matrix.title", case=case),
        legend=texts["legend"],
        header=header,
        variables=tuple(variables),
        interim_label=t("export.matrix.interim"),
        other_header=(texts["other_table"], *respondents),
        other_rows=other_rows,
        time_header=(t("export.matrix.variable"), *respondents),
        time_rows=_time_rows(variables, protocol, columns, t),
        interims=interims,
    )


def group_by_case(sessions: Sequence[Session]) -> dict[str, list[Session]]:
    """Sessions per case, cases in first-seen order."""
    cases: dict[str, list[Session]] = {}
    for session in sessions:
        cases.setdefault(session.case, []).append(session)
    return cases


def _compare_rows(
    protocol: InterviewProtocol, analysis: StudyAnalysis | None, t: Translator
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The comparative table's row labels and their conclusions from ``analysis``.

    A row per variable, then the general rows: the closing questions' ``matrix_row`` labels,
    the first meaning the strengths and the second the weak points (the seed's order and
    the order ``analysis.GENERAL_ROWS`` keeps). A general row written in the analysis that
    the protocol has no label for gets a row of its own with the default label, so nothing
    written is left out of the export."""
    general = list(dict.fromkeys(q.matrix_row for q in protocol.closing.questions if q.matrix_row))
    labels = [topic.row_label for topic in protocol.topics]
    texts = [
        analysis.comparison.variables[topic.id].text
        if analysis is not None and topic.id in analysis.comparison.variables
        else ""
        for topic in protocol.topics
    ]
    written = analysis.comparison.general if analysis is not None else {}
    for n, row in enumerate(GENERAL_ROWS):
        value = written.get(row)
        if n < len(general):
            labels.append(general[n])
            texts.append(value.text if value else "")
        elif value is not None and value.text:
            labels.append(t(f"analysis.general.{row}"))
            texts.append(value.text)
    for label in general[len(GENERAL_ROWS) :]:
        labels.append(label)
        texts.append("")
    return tuple(labels), tuple(texts)


def compare_matrix(
    sessions: Sequence[Session],
    lang: str | None = None,
    analysis: StudyAnalysis | None = None,
) -> CompareMatrix:
    """The comparative matrix over all cases in ``sessions`` (see the module docstring for
    why notes without a quick answer are counted apart, not read as yes or no); ``analysis``
    fills the comparative conclusions and the general rows."""
    protocol = _protocol_of(sessions)
    lang = document_language(protocol, lang)
    t = Translator(lang)
    texts = matrix_texts(protocol, t)
    rows, conclusions = _compare_rows(protocol, analysis, t)
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
                notes_only = sum(
                    1
                    for v in values
                    if v is not None and v.quick_answer not in ("yes", "no") and v.has_content()
                )
                cells.append(
                    t(
                        "export.matrix.answers_cell",
                        yes=given.count("yes"),
                        no=given.count("no"),
                        notes=notes_only,
                        none=len(values) - given.count("yes") - given.count("no") - notes_only,
                    )
                )
            kenmerk = labels.get(question.characteristic or "", question.text)
            answers_rows.append((topic.row_label, kenmerk, *cells))
    return CompareMatrix(
        lang=lang,
        title=t("export.matrix.compare_title"),
        header=(t("export.matrix.variable"), texts["compare_header"]),
        rows=tuple(rows),
        answers_title=t("export.matrix.answers_title"),
        answers_header=(
            t("export.matrix.variable"),
            t("export.matrix.characteristic"),
            *cases,
        ),
        answers_rows=tuple(answers_rows),
        texts=conclusions,
    )
