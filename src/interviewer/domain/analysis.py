"""The analysis of a study: conclusions per variable per case and the comparison across cases.

Seed 000 wrote a *Tussenconclusie* under every variable of every case's data matrix and then
compared the cases variable by variable, closing with two general rows (strengths and weak
points of the team in general). Seed 003 filled one analysis frame per team: *keywords*
and *key sentences* per code. Both live here, per study (the protocol id) and case::

    StudyAnalysis
      cases:       case -> variable (topic id) -> conclusion, keywords, key sentences
      comparison:  variable (topic id) -> comparative conclusion
                   general row ('strengths', 'weaknesses') -> text

Every value carries who wrote it and when (``author``, ``updated_at``), so a team can pool
its analyses: ``merge_analyses`` keeps, per value, the one that descends from the other, or
the newer of two that were changed apart; the other is kept in ``conflicts`` and reported,
so no text typed by a researcher is ever dropped silently. "Descends from" is decided by
``history``: the digests of the contents a value replaced (the latest ``HISTORY_KEEP``).

Pure: no I/O, no Textual. The store (``interviewer.store.analysis``) keeps one file per study.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Annotated, Any, Final, Literal, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from interviewer.domain.codes import SAFE_ID, UNSAFE_CATEGORIES, validate_case_name
from interviewer.domain.protocol import InterviewProtocol, Topic
from interviewer.i18n.errors import TranslatableValueError

ANALYSIS_FORMAT: Final = 1
MAX_TEXT_CHARS = 1_000_000
"""A conclusion of the seed is about 2,000 characters; a million leaves room for anything a
researcher writes while keeping one study's file far below the reader's 50 MiB limit."""
MAX_KEYWORD_CHARS = 200
MAX_KEYWORDS = 500
MAX_AUTHOR_CHARS = 200
HISTORY_KEEP = 200
"""How many earlier contents a value remembers (as 16-character digests) to recognise an
edit of a shared value as an edit rather than a conflict. Forgetting one only turns an
edit into a reported conflict with both texts kept, never into a loss."""

GeneralRow = Literal["strengths", "weaknesses"]
GENERAL_ROWS: tuple[GeneralRow, ...] = ("strengths", "weaknesses")
"""The general rows of the comparative matrix (seed 000), in their printed order; their
labels are ``analysis.general.<row>`` in the tables."""

_IDENTIFIER = re.compile(r"\A[a-z0-9][a-z0-9_-]{0,63}\Z")
"""A protocol or topic id (``domain.protocol.Identifier``): the study's file name and the
variable keys come from these."""

StudyId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
VariableId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]


class AnalysisError(TranslatableValueError):
    """A conclusion, keyword, key sentence, case or variable that cannot be stored."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Stamped(_Model):
    author: str = Field(default="", description="Who wrote it (may be empty).")
    updated_at: dt.datetime = Field(description="When it was last changed (UTC).")
    history: tuple[str, ...] = Field(
        default=(), description="Digests of the contents this value replaced, oldest first."
    )


class TextValue(_Stamped):
    """A conclusion: a Tussenconclusie, a comparative conclusion or a general row."""

    text: str = Field(max_length=MAX_TEXT_CHARS)


class KeywordsValue(_Stamped):
    """The keywords (steekwoorden) of one variable in one case."""

    keywords: tuple[str, ...] = Field(max_length=MAX_KEYWORDS)


class SourceRef(_Model):
    """Where a key sentence was taken from; every part optional."""

    session_id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
    respondent: str | None = Field(default=None, max_length=64)
    question_id: str | None = Field(default=None, max_length=64)


class KeySentence(_Stamped):
    """A key sentence (kernzin) of one variable in one case; ``deleted`` keeps a removal
    when analyses are pooled (a tombstone keeps its text too)."""

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
    text: str = Field(max_length=MAX_TEXT_CHARS)
    source: SourceRef | None = None
    deleted: bool = False


class VariableAnalysis(_Model):
    """Everything written about one variable of one case."""

    conclusion: TextValue | None = None
    keywords: KeywordsValue | None = None
    key_sentences: dict[str, KeySentence] = Field(default_factory=dict)

    def live_sentences(self) -> list[KeySentence]:
        """The key sentences not removed, in the order they were added."""
        return [s for s in self.key_sentences.values() if not s.deleted]


class CaseAnalysis(_Model):
    """The analysis frame and conclusions of one case, per variable (topic id)."""

    variables: dict[VariableId, VariableAnalysis] = Field(default_factory=dict)


class Comparison(_Model):
    """The comparative matrix: per variable a conclusion, plus the general rows."""

    variables: dict[VariableId, TextValue] = Field(default_factory=dict)
    general: dict[GeneralRow, TextValue] = Field(default_factory=dict)


class Conflict(_Model):
    """A value that lost to another one changed apart from it, kept so nothing is lost."""

    field: str = Field(description="Which value, e.g. 'case/Borne/ervaring/conclusion'.")
    text: str = Field(description="The content that was not kept (keywords one per line).")
    author: str = ""
    updated_at: dt.datetime
    kept_author: str = ""
    kept_updated_at: dt.datetime
    found_at: dt.datetime


class StudyAnalysis(_Model):
    """The whole analysis of one study (protocol id)."""

    format: Literal[1] = ANALYSIS_FORMAT
    study: StudyId
    cases: dict[str, CaseAnalysis] = Field(default_factory=dict)
    comparison: Comparison = Field(default_factory=Comparison)
    conflicts: tuple[Conflict, ...] = ()

    # --- reading ------------------------------------------------------------------------
    def variable(self, case: str, variable: str) -> VariableAnalysis:
        """What is written about ``variable`` in ``case`` (empty when nothing is)."""
        found = self.cases.get(case)
        return (found.variables.get(variable) if found else None) or VariableAnalysis()

    def text(self, target: Target) -> TextValue | None:
        """The conclusion at ``target`` (None when none was written)."""
        if target.kind == "conclusion":
            return self.variable(target.case or "", target.variable).conclusion
        if target.kind == "compare":
            return self.comparison.variables.get(target.variable)
        # A "general" target names a GeneralRow; another name finds nothing, as before.
        return self.comparison.general.get(cast(GeneralRow, target.variable))

    def keywords(self, case: str, variable: str) -> tuple[str, ...]:
        """The keywords of ``variable`` in ``case``."""
        value = self.variable(case, variable).keywords
        return value.keywords if value else ()

    def is_empty(self) -> bool:
        """True when nothing at all is written (no file needs to exist)."""
        return not (
            self.cases or self.comparison.variables or self.comparison.general or self.conflicts
        )

    def subset(self, cases: Iterable[str]) -> StudyAnalysis:
        """Only ``cases`` (and the whole comparison): what a session's portable file carries."""
        wanted = set(cases)
        kept = {name: c for name, c in self.cases.items() if name in wanted}
        return self.model_copy(update={"cases": kept, "conflicts": ()})

    # --- changing (each returns a new analysis; ``now`` is UTC) ---------------------------
    def with_text(
        self, target: Target, text: str, *, author: str = "", now: dt.datetime | None = None
    ) -> StudyAnalysis:
        """The analysis with the conclusion at ``target`` set to ``text`` ("" clears it).

        Setting the text it already has changes nothing (an autosave of an unchanged field
        does not move its time)."""
        text = clean_text(text)
        old = self.text(target)
        if (old.text if old is not None else "") == text:
            return self  # unchanged, or clearing what was never written
        value = TextValue(
            text=text,
            **_stamp(old, author, now),
        )
        if target.kind == "conclusion":
            return self._with_variable(
                target.case or "",
                target.variable,
                lambda v: v.model_copy(update={"conclusion": value}),
            )
        comparison = self.comparison
        update: dict[str, Any]  # a pydantic model_copy update
        if target.kind == "compare":
            update = {"variables": {**comparison.variables, target.variable: value}}
        else:
            update = {"general": {**comparison.general, target.variable: value}}
        return self.model_copy(update={"comparison": comparison.model_copy(update=update)})

    def with_keywords(
        self,
        case: str,
        variable: str,
        keywords: Iterable[str],
        *,
        author: str = "",
        now: dt.datetime | None = None,
    ) -> StudyAnalysis:
        """The analysis with the keywords of ``variable`` in ``case`` replaced (cleaned,
        duplicates left out ignoring case, order kept)."""
        cleaned = clean_keywords(keywords)
        old = self.variable(case, variable).keywords
        if old is not None and old.keywords == cleaned:
            return self
        if old is None and not cleaned:
            return self
        value = KeywordsValue(keywords=cleaned, **_stamp(old, author, now))
        return self._with_variable(
            case, variable, lambda v: v.model_copy(update={"keywords": value})
        )

    def with_key_sentence(
        self,
        case: str,
        variable: str,
        text: str,
        *,
        source: SourceRef | None = None,
        sentence_id: str | None = None,
        author: str = "",
        now: dt.datetime | None = None,
    ) -> tuple[StudyAnalysis, str]:
        """Add a key sentence (``sentence_id`` None) or change one; returns its id too."""
        text = clean_text(text)
        if not text.strip():
            raise AnalysisError("analysis.error.empty_sentence")
        current = self.variable(case, variable).key_sentences
        old = current.get(sentence_id) if sentence_id else None
        if sentence_id is not None and old is None:
            raise AnalysisError(
                "analysis.error.unknown_sentence",
                id=sentence_id,
                known=", ".join(s.id for s in current.values() if not s.deleted) or "-",
            )
        new_id = sentence_id or new_sentence_id(now)
        if old is not None and not old.deleted and old.text == text and old.source == source:
            return self, new_id
        value = KeySentence(
            id=new_id,
            text=text,
            source=source,
            **_stamp(old, author, now),
        )
        return self._with_sentence(case, variable, value), new_id

    def without_key_sentence(
        self,
        case: str,
        variable: str,
        sentence_id: str,
        *,
        author: str = "",
        now: dt.datetime | None = None,
    ) -> StudyAnalysis:
        """Remove a key sentence (kept as a tombstone so the removal survives pooling)."""
        current = self.variable(case, variable).key_sentences
        old = current.get(sentence_id)
        if old is None or old.deleted:
            raise AnalysisError(
                "analysis.error.unknown_sentence",
                id=sentence_id,
                known=", ".join(s.id for s in current.values() if not s.deleted) or "-",
            )
        value = old.model_copy(update={"deleted": True, **_stamp(old, author, now)})
        return self._with_sentence(case, variable, value)

    def _with_sentence(self, case: str, variable: str, value: KeySentence) -> StudyAnalysis:
        def change(v: VariableAnalysis) -> VariableAnalysis:
            return v.model_copy(update={"key_sentences": {**v.key_sentences, value.id: value}})

        return self._with_variable(case, variable, change)

    def _with_variable(
        self, case: str, variable: str, change: Callable[[VariableAnalysis], VariableAnalysis]
    ) -> StudyAnalysis:
        case = validate_case_name(case)
        check_identifier(variable)
        found = self.cases.get(case) or CaseAnalysis()
        updated = change(found.variables.get(variable) or VariableAnalysis())
        variables = {**found.variables, variable: updated}
        cases = {**self.cases, case: found.model_copy(update={"variables": variables})}
        return self.model_copy(update={"cases": cases})


@dataclass(frozen=True)
class Target:
    """Which conclusion: a case's Tussenconclusie, a comparative one, or a general row."""

    kind: Literal["conclusion", "compare", "general"]
    variable: str
    """The topic id; for ``general`` the row ('strengths' or 'weaknesses')."""
    case: str | None = None

    @classmethod
    def conclusion(cls, case: str, variable: str) -> Target:
        return cls("conclusion", variable, case)

    @classmethod
    def compare(cls, variable: str) -> Target:
        return cls("compare", variable)

    @classmethod
    def general(cls, row: str) -> Target:
        if row not in GENERAL_ROWS:
            raise AnalysisError(
                "analysis.error.unknown_general", row=row, known=", ".join(GENERAL_ROWS)
            )
        return cls("general", row)

    def address(self) -> str:
        """A stable name of the value, used in conflict records and reports."""
        if self.kind == "conclusion":
            return f"case/{self.case}/{self.variable}/conclusion"
        return f"{self.kind}/{self.variable}"


# --- cleaning and checking input ----------------------------------------------------------
def check_identifier(value: str) -> str:
    """``value`` when it is a protocol or topic id, else ``AnalysisError``."""
    if not isinstance(value, str) or not _IDENTIFIER.match(value):
        raise AnalysisError("analysis.error.bad_id", value=value)
    return value


def _no_surrogates(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise AnalysisError("analysis.error.not_utf8", position=exc.start + 1) from None


def clean_text(text: str) -> str:
    """A conclusion or key sentence as stored: line ends made ``\\n``, everything else kept
    as typed (control characters too: the exports clean them, listings escape them).

    ``AnalysisError`` for text that is not valid Unicode (a lone surrogate, e.g. from bytes
    that were not UTF-8) or longer than ``MAX_TEXT_CHARS``."""
    if not isinstance(text, str):
        raise AnalysisError("analysis.error.not_text")
    _no_surrogates(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_TEXT_CHARS:
        raise AnalysisError("analysis.error.too_long", length=len(text), most=MAX_TEXT_CHARS)
    return text


def clean_keywords(keywords: Iterable[str]) -> tuple[str, ...]:
    """Keywords stripped, empty ones left out, duplicates (ignoring case) left out."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in keywords:
        if not isinstance(raw, str):
            raise AnalysisError("analysis.error.not_text")
        _no_surrogates(raw)
        word = raw.strip()
        if not word:
            continue
        bad = next((c for c in word if unicodedata.category(c) in UNSAFE_CATEGORIES), None)
        if bad is not None:
            raise AnalysisError(
                "analysis.error.keyword_control", keyword=word, point=f"{ord(bad):04X}"
            )
        if len(word) > MAX_KEYWORD_CHARS:
            raise AnalysisError(
                "analysis.error.keyword_too_long", keyword=word[:40], most=MAX_KEYWORD_CHARS
            )
        if word.casefold() in seen:
            continue
        seen.add(word.casefold())
        out.append(word)
    if len(out) > MAX_KEYWORDS:
        raise AnalysisError("analysis.error.too_many_keywords", count=len(out), most=MAX_KEYWORDS)
    return tuple(out)


def clean_author(author: str | None) -> str:
    """An author name stripped; control characters and overlong names refused."""
    name = (author or "").strip()
    _no_surrogates(name)
    bad = next((c for c in name if unicodedata.category(c) in UNSAFE_CATEGORIES), None)
    if bad is not None or len(name) > MAX_AUTHOR_CHARS:
        raise AnalysisError("analysis.error.bad_author", most=MAX_AUTHOR_CHARS)
    return name


def source_ref(
    session_id: str | None = None, respondent: str | None = None, question_id: str | None = None
) -> SourceRef | None:
    """A key sentence's source, or None when nothing is given; ``AnalysisError`` when a
    part is not an id."""
    if session_id is None and respondent is None and question_id is None:
        return None
    if session_id is not None and not SAFE_ID.match(session_id):
        raise AnalysisError("analysis.error.bad_id", value=session_id)
    if question_id is not None:
        check_identifier(question_id)
    if respondent is not None:
        bad = next((c for c in respondent if unicodedata.category(c) in UNSAFE_CATEGORIES), None)
        if bad is not None or len(respondent) > 64:
            raise AnalysisError("analysis.error.bad_id", value=respondent)
    return SourceRef(session_id=session_id, respondent=respondent, question_id=question_id)


def new_sentence_id(now: dt.datetime | None = None) -> str:
    """A key sentence id: the time it was made (sorts in order) and a random tail (two
    researchers adding one in the same second get different ids)."""
    when = _utc(now)
    return f"ks-{when:%Y%m%d%H%M%S}-{secrets.token_hex(3)}"


def _utc(now: dt.datetime | None) -> dt.datetime:
    when = now or dt.datetime.now(dt.UTC)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _stamp(old: _Stamped | None, author: str, now: dt.datetime | None) -> dict[str, Any]:
    """author, updated_at and history of a value that replaces ``old``."""
    history: tuple[str, ...] = ()
    if old is not None:
        history = (*old.history, digest(old))[-HISTORY_KEEP:]
    return {"author": clean_author(author), "updated_at": _utc(now), "history": history}


# --- the protocol's variables -------------------------------------------------------------
def variable_label(topic: Topic) -> str:
    """How a variable is named to the user: its matrix label (or variable name)."""
    return topic.row_label


def known_variables(protocol: InterviewProtocol) -> str:
    """The variables of ``protocol`` as a message lists them: ``id (Label), ...``."""
    return ", ".join(f"{t.id} ({variable_label(t)})" for t in protocol.topics)


def resolve_variable(
    protocol: InterviewProtocol | None, name: str, extra: Sequence[str] = ()
) -> str:
    """The topic id ``name`` means: a topic id, variable name or matrix label of
    ``protocol`` (ignoring case), or one of ``extra`` (ids already in the analysis).

    Without a protocol any id is taken. ``AnalysisError`` naming the known variables when
    ``name`` is none of them."""
    wanted = name.strip().casefold()
    if protocol is not None:
        for topic in protocol.topics:
            if wanted in (topic.id, topic.variable.casefold(), topic.row_label.casefold()):
                return topic.id
    if name.strip() in extra:
        return name.strip()
    if protocol is None:
        return check_identifier(name.strip())
    raise AnalysisError(
        "analysis.error.unknown_variable", variable=name, known=known_variables(protocol)
    )


def stray_variables(analysis: StudyAnalysis, protocol: InterviewProtocol) -> list[str]:
    """Variable ids written in ``analysis`` that ``protocol`` no longer has (a topic
    renamed or removed after conclusions were written): shown, never thrown away."""
    ids = {t.id for t in protocol.topics}
    found = {v for c in analysis.cases.values() for v in c.variables}
    found |= set(analysis.comparison.variables)
    return sorted(found - ids)


# --- pooling --------------------------------------------------------------------------------
def _content(value: _Stamped) -> Any:
    if isinstance(value, TextValue):
        return value.text
    if isinstance(value, KeywordsValue):
        return list(value.keywords)
    if isinstance(value, KeySentence):
        source = value.source.model_dump() if value.source else None
        return [value.text, source, value.deleted]
    raise TypeError(type(value).__name__)


def digest(value: _Stamped) -> str:
    """16 hex characters naming a value's content (not who wrote it or when)."""
    raw = json.dumps(_content(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _conflict_text(value: _Stamped) -> str:
    if isinstance(value, KeywordsValue):
        return "\n".join(value.keywords)
    if isinstance(value, TextValue | KeySentence):
        return value.text
    raise TypeError(type(value).__name__)


V = TypeVar("V", bound=_Stamped)
K = TypeVar("K", bound=str)  # a variable id, or a GeneralRow of the comparison


@dataclass(frozen=True)
class MergeResult:
    """The pooled analysis and what pooling did."""

    analysis: StudyAnalysis
    updated: int
    """Values taken from the incoming analysis (new or newer)."""
    conflicts: tuple[Conflict, ...]
    """Values changed apart on both sides; the one not kept is in here (and in the file)."""


class _Merger:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now
        self.updated = 0
        self.conflicts: list[Conflict] = []

    def value(self, local: V | None, incoming: V | None, where: str) -> V | None:
        if incoming is None:
            return local
        if local is None:
            self.updated += 1
            return incoming
        mine, theirs = digest(local), digest(incoming)
        if mine == theirs or theirs in local.history:
            return local
        if mine in incoming.history:
            self.updated += 1
            return incoming
        newer, older = (
            (incoming, local) if incoming.updated_at > local.updated_at else (local, incoming)
        )
        self.conflicts.append(
            Conflict(
                field=where,
                text=_conflict_text(older),
                author=older.author,
                updated_at=older.updated_at,
                kept_author=newer.author,
                kept_updated_at=newer.updated_at,
                found_at=self.now,
            )
        )
        if newer is incoming:
            self.updated += 1
        lost = digest(older)
        return newer.model_copy(update={"history": (*newer.history, lost)[-HISTORY_KEEP:]})

    def mapping(
        self, local: dict[K, V], incoming: dict[K, V], where: Callable[[K], str]
    ) -> dict[K, V]:
        merged = dict(local)
        for key, value in incoming.items():
            kept = self.value(local.get(key), value, where(key))
            if kept is not None:
                merged[key] = kept
        return merged


def _key_sentence_where(base: str, index: str) -> str:
    """Where a key sentence sits, for a conflict's description: ``<variable>/key-sentence/<n>``."""
    return f"{base}/key-sentence/{index}"


def merge_analyses(
    local: StudyAnalysis, incoming: StudyAnalysis, *, now: dt.datetime | None = None
) -> MergeResult:
    """Pool ``incoming`` into ``local`` value by value (see the module docstring).

    ``AnalysisError`` when the two are analyses of different studies."""
    if incoming.study != local.study:
        raise AnalysisError(
            "analysis.error.other_study", study=incoming.study, expected=local.study
        )
    merger = _Merger(_utc(now))
    cases = dict(local.cases)
    for case, theirs in incoming.cases.items():
        mine = cases.get(case) or CaseAnalysis()
        variables = dict(mine.variables)
        for var, their_var in theirs.variables.items():
            my_var = variables.get(var) or VariableAnalysis()
            base = f"case/{case}/{var}"
            variables[var] = VariableAnalysis(
                conclusion=merger.value(
                    my_var.conclusion, their_var.conclusion, f"{base}/conclusion"
                ),
                keywords=merger.value(my_var.keywords, their_var.keywords, f"{base}/keywords"),
                key_sentences=merger.mapping(
                    my_var.key_sentences,
                    their_var.key_sentences,
                    partial(_key_sentence_where, base),
                ),
            )
        cases[case] = CaseAnalysis(variables=variables)
    comparison = Comparison(
        variables=merger.mapping(
            local.comparison.variables, incoming.comparison.variables, lambda v: f"compare/{v}"
        ),
        general=merger.mapping(
            local.comparison.general,
            incoming.comparison.general,
            lambda r: f"general/{r}",
        ),
    )
    known = {(c.field, c.text, c.updated_at) for c in local.conflicts}
    new_conflicts = [c for c in merger.conflicts if (c.field, c.text, c.updated_at) not in known]
    known |= {(c.field, c.text, c.updated_at) for c in new_conflicts}
    # conflicts a colleague kept travel along, so pooling twice loses none of them
    their_old = [c for c in incoming.conflicts if (c.field, c.text, c.updated_at) not in known]
    merged = local.model_copy(
        update={
            "cases": cases,
            "comparison": comparison,
            "conflicts": (*local.conflicts, *their_old, *new_conflicts),
        }
    )
    return MergeResult(merged, merger.updated, tuple(new_conflicts))


def rewrite_texts(analysis: StudyAnalysis, change: Callable[[str], str]) -> StudyAnalysis:
    """``analysis`` with ``change`` applied to every text a researcher typed (conclusions,
    keywords, key sentences; not the conflicts kept locally): the replacement list of an
    export (``pseudonym``) reaches the analysis it carries as it reaches the notes."""

    def text(value: TextValue | None) -> TextValue | None:
        return value.model_copy(update={"text": change(value.text)}) if value else None

    def words(value: KeywordsValue | None) -> KeywordsValue | None:
        if value is None:
            return None
        return value.model_copy(update={"keywords": tuple(change(w) for w in value.keywords)})

    def sentence(value: KeySentence) -> KeySentence:
        return value.model_copy(update={"text": change(value.text)})

    cases = {
        name: CaseAnalysis(
            variables={
                var: VariableAnalysis(
                    conclusion=text(v.conclusion),
                    keywords=words(v.keywords),
                    key_sentences={i: sentence(s) for i, s in v.key_sentences.items()},
                )
                for var, v in found.variables.items()
            }
        )
        for name, found in analysis.cases.items()
    }
    comparison = Comparison(
        variables={
            k: v.model_copy(update={"text": change(v.text)})
            for k, v in analysis.comparison.variables.items()
        },
        general={
            k: v.model_copy(update={"text": change(v.text)})
            for k, v in analysis.comparison.general.items()
        },
    )
    return analysis.model_copy(update={"cases": cases, "comparison": comparison, "conflicts": ()})
