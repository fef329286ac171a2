"""The interview protocol as data: topics (research variables), characteristics, questions.

This is the shape researchers write in YAML (see ``docs/protocol-format.md``). The models
validate single fields and the references between them; the loader adds file positions and
the warnings (``interviewer.protocol.check``). Everything here is pure: no I/O, no Textual.

Naming follows the seed studies: a *topic* measures one research *variable* (its code in the
coding document), split into *characteristics* (kenmerken), each measured by a main question.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from interviewer.domain import protocol_shape
from interviewer.domain.protocol_shape import (
    IDENTIFIER_MAX_LENGTH,
    IDENTIFIER_PATTERN,
    MappingKeys,
    split_paragraphs,
)

Identifier = Annotated[
    str,
    StringConstraints(pattern=IDENTIFIER_PATTERN, max_length=IDENTIFIER_MAX_LENGTH),
    Field(description="Lower-case letters, digits, '-' and '_'; starts with a letter or digit."),
]
"""Ids appear in file names, code paths and references, so they are kept simple."""

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

HIGHLIGHT_COLOURS: dict[str, str] = {
    "yellow": "#FFFF00",
    "bright-green": "#00FF00",
    "turquoise": "#00FFFF",
    "pink": "#FF00FF",
    "blue": "#0000FF",
    "red": "#FF0000",
    "dark-blue": "#000080",
    "teal": "#008080",
    "green": "#008000",
    "violet": "#800080",
    "dark-red": "#800000",
    "dark-yellow": "#808000",
    "gray-50": "#808080",
    "gray-25": "#C0C0C0",
    "black": "#000000",
}
"""Word's highlight colours (the only ones a .docx highlight can carry) and their RGB values.

The seed's analysts coded by highlighting in Word, so a code colour must be one Word can
highlight with. The RGB value is used where a tool takes any colour (REFI-QDA, the TUI).
"""

COLOUR_ALIASES: dict[str, str] = {
    "grey": "gray-25",
    "gray": "gray-25",
    "lightgreen": "bright-green",
}


def normalise_colour(value: str) -> str:
    """Map a colour name (case-insensitive, aliases allowed) to its canonical highlight name."""
    key = re.sub(r"[\s_]+", "-", value.strip().lower())
    key = COLOUR_ALIASES.get(key, key)
    if key not in HIGHLIGHT_COLOURS:
        raise ValueError(
            f"unknown colour {value!r}; use one of Word's highlight colours: "
            + ", ".join(HIGHLIGHT_COLOURS)
        )
    return key


Colour = Annotated[
    str,
    AfterValidator(normalise_colour),
    Field(description="A Word highlight colour: " + ", ".join(HIGHLIGHT_COLOURS) + " (or grey)."),
]


class _Model(BaseModel):
    """Strict base: unknown keys are errors, so a typo never silently drops a question."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    FILE_KEYS: ClassVar[MappingKeys | None] = None
    """The keys in ``protocol_shape`` this model (and any subclass) must have as fields: set
    on the models the introduction's light view reads too."""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        keys = cls.FILE_KEYS  # a subclass is held to the keys of the model it extends
        if keys is not None:
            fields = {name: f.is_required() for name, f in cls.model_fields.items()}
            keys.check(cls.__name__, fields)


class Mode(StrEnum):
    """Who is interviewed: one respondent, a group, or either (chosen per session)."""

    INDIVIDUAL = "individual"
    GROUP = "group"
    BOTH = "both"


class QuestionKind(StrEnum):
    """Main questions measure a characteristic; follow-ups are conditional; probes optional."""

    MAIN = "main"
    FOLLOW_UP = "follow-up"
    PROBE = "probe"


class AnswerType(StrEnum):
    """The quick-answer control shown next to the notes (open means notes only)."""

    OPEN = "open"
    YES_NO = "yes-no"
    CHOICE = "choice"
    SCALE = "scale"


YES = "yes"
NO = "no"
YES_NO_VALUES = (YES, NO)


class Answer(_Model):
    """The quick-answer type of a question; ``open`` needs no further fields."""

    type: AnswerType = AnswerType.OPEN
    options: list[NonEmptyText] | None = Field(
        default=None, description="The choices, for type 'choice'."
    )
    min: int | None = Field(default=None, description="Lowest scale point, for type 'scale'.")
    max: int | None = Field(default=None, description="Highest scale point, for type 'scale'.")
    min_label: str | None = Field(default=None, description="Label of the lowest scale point.")
    max_label: str | None = Field(default=None, description="Label of the highest scale point.")

    def allowed_values(self) -> tuple[str, ...] | None:
        """The quick answers this type accepts, as strings; None for open questions."""
        if self.type is AnswerType.YES_NO:
            return YES_NO_VALUES
        if self.type is AnswerType.CHOICE:
            return tuple(self.options or ())
        if self.type is AnswerType.SCALE and self.min is not None and self.max is not None:
            return tuple(str(v) for v in range(self.min, self.max + 1))
        return None


class ShowWhen(_Model):
    """Links a follow-up to another question's quick answer (the seed's 'Wel/niet' -> 'nee')."""

    question: Identifier = Field(description="Id of the question whose quick answer decides.")
    answer: str | list[str] = Field(
        description="The answer(s) that make this follow-up relevant: 'yes'/'no', an option, "
        "or a scale value."
    )

    def answers(self) -> tuple[str, ...]:
        """The triggering answers as a tuple of strings."""
        values = self.answer if isinstance(self.answer, list) else [self.answer]
        return tuple(str(v) for v in values)


class NotePart(_Model):
    """A labelled part of a question's notes, kept as a separate field (the seed's BP / KP)."""

    id: Identifier
    label: NonEmptyText = Field(description="Short label written before the part, e.g. 'BP'.")
    description: str | None = Field(default=None, description="What belongs in this part.")


class Question(_Model):
    """One question under a topic, as spoken, with what the interviewer alone should see.

    A protocol used for individual and group interviews alike (``mode: both``) words a
    question for one respondent in ``text`` ("Kunt u ...") and for a group in ``text_group``
    ("Kunnen jullie ..."), so the screen never shows a hand-written "u/jullie". ``mode``
    limits a question to one kind of interview; elsewhere it is not asked, planned or counted.
    """

    id: Identifier
    text: NonEmptyText = Field(description="The question as spoken to the respondent.")
    text_group: NonEmptyText | None = Field(
        default=None,
        description="The question as spoken to a group (plural form of address), used in "
        "group interviews instead of 'text'.",
    )
    mode: Mode = Field(
        default=Mode.BOTH,
        description="Which interviews ask this question: 'individual' only, 'group' only, "
        "or 'both' (the default).",
    )
    kind: QuestionKind = QuestionKind.MAIN
    characteristic: Identifier | None = Field(
        default=None, description="Id of the characteristic (kenmerk) this question measures."
    )
    instruction: str | None = Field(default=None, description="Interviewer-only instruction.")
    condition: str | None = Field(
        default=None,
        description="For follow-ups: the condition shown verbatim, e.g. "
        "'Indien respondent geen ervaring heeft:'.",
    )
    show_when: ShowWhen | None = Field(
        default=None,
        description="Highlight this follow-up when another question's quick "
        "answer has one of these values.",
    )
    alternatives: list[NonEmptyText] = Field(
        default_factory=list, description="Alternative wordings (the seed's 'Of:')."
    )
    alternatives_group: list[NonEmptyText] = Field(
        default_factory=list,
        description="Alternative wordings for a group, used in group interviews instead of "
        "'alternatives' when given.",
    )
    answer: Answer = Field(default_factory=Answer)
    parts: list[NotePart] = Field(
        default_factory=list, description="Labelled note parts, e.g. BP and KP."
    )
    priority: int | None = Field(
        default=None,
        ge=1,
        description="For probes: 1 is kept longest; higher numbers are dropped first when "
        "time runs short.",
    )

    def applies_to(self, group: bool) -> bool:
        """Whether a group (``group``) or an individual interview asks this question."""
        return self.mode is Mode.BOTH or self.mode is (Mode.GROUP if group else Mode.INDIVIDUAL)

    def wording(self, group: bool) -> str:
        """The question as spoken in a group or an individual interview."""
        return (self.text_group or self.text) if group else self.text

    def alternatives_for(self, group: bool) -> list[str]:
        """The alternative wordings for a group or an individual interview."""
        return list(self.alternatives_group or self.alternatives) if group else self.alternatives

    def for_mode(self, group: bool) -> Question:
        """This question as one kind of interview asks it: the wording of that mode in
        ``text`` and ``alternatives``, no second wording left to pick wrongly."""
        return self.model_copy(
            update={
                "text": self.wording(group),
                "alternatives": self.alternatives_for(group),
                "text_group": None,
                "alternatives_group": [],
            }
        )


class Characteristic(_Model):
    """A kenmerk: one aspect of a variable, a row of the data matrix."""

    id: Identifier
    label: NonEmptyText
    matrix_label: str | None = Field(
        default=None, description="Shorter label for the data matrix, e.g. 'BP/KP'."
    )
    description: str | None = None

    @property
    def row_label(self) -> str:
        """The label printed in the data matrix."""
        return self.matrix_label or self.label


class Topic(_Model):
    """A topic of the interview; it measures one research variable (one code, one colour)."""

    id: Identifier
    title: NonEmptyText = Field(description="The topic as the interviewer sees it.")
    variable: NonEmptyText = Field(description="The research variable = the code name.")
    matrix_label: str | None = Field(
        default=None, description="The variable as printed in the data matrix, if different."
    )
    colour: Colour | None = Field(default=None, description="Word highlight colour of the code.")
    minutes: float | None = Field(default=None, ge=0, description="Planned minutes.")
    note: str | None = Field(default=None, description="Interviewer-only note for this topic.")
    description: str | None = Field(
        default=None, description="What the variable means; goes into the codebook."
    )
    characteristics: list[Characteristic] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)

    @property
    def row_label(self) -> str:
        """The variable's label in the data matrix."""
        return self.matrix_label or self.variable


class ExtraCode(_Model):
    """A code not tied to a topic, e.g. 'Overige interessante informatie' (grey in the seed)."""

    id: Identifier
    name: NonEmptyText
    colour: Colour | None = None
    description: str | None = None


class ChecklistItem(_Model):
    """A point of the introduction, e.g. 'consent to recording'."""

    FILE_KEYS = protocol_shape.CHECKLIST_ITEM

    id: Identifier
    label: NonEmptyText
    required: bool = Field(default=False, description="Must be ticked before the clock starts.")
    recording: bool = Field(
        default=False,
        description="The respondent's consent to recording: the laptop records only once this "
        "is ticked (at most one item, and a required one: the checker sees to both).",
    )


class Introduction(_Model):
    """What is read aloud before the first topic, and what must be confirmed."""

    FILE_KEYS = protocol_shape.INTRODUCTION

    script: str = Field(default="", description="Read aloud; paragraphs separated by blank lines.")
    checklist: list[ChecklistItem] = Field(default_factory=list)

    def paragraphs(self) -> list[str]:
        """The script split into paragraphs (blank-line separated, inner newlines joined)."""
        return split_paragraphs(self.script)


class ClosingQuestion(_Model):
    """A closing question; its answers belong to an extra code, not to a variable."""

    id: Identifier
    text: NonEmptyText
    code: Identifier | None = Field(
        default=None, description="Extra code its answers belong to (default: the first one)."
    )
    matrix_row: str | None = Field(
        default=None,
        description="Row of the 'Overige interessante informatie' table its answers go to.",
    )
    instruction: str | None = None


class ClosingField(_Model):
    """A field filled in at the end, e.g. an email address for the transcript check."""

    id: Identifier
    label: NonEmptyText
    personal: bool = Field(
        default=True, description="Personal data: stored in the key record, never exported."
    )
    purpose: Literal["transcript-check", "report", "other"] = "other"


class Closing(_Model):
    """Closing questions, the closing script and the fields to collect."""

    questions: list[ClosingQuestion] = Field(default_factory=list)
    script: str = ""
    fields: list[ClosingField] = Field(default_factory=list)

    def paragraphs(self) -> list[str]:
        """The closing script split into paragraphs."""
        return split_paragraphs(self.script)


class MemberCheck(_Model):
    """What the transcript sent for approval asks of the respondent (``approval send``).

    The copy names its deadline in any case; these settings add where it goes back to and
    whether silence counts as approval, which only the study can decide (and its ethics
    review may forbid).
    """

    reply_to: NonEmptyText | None = Field(
        default=None,
        description="Where the respondent returns the transcript, e.g. the researcher's "
        "email address (``approval send --reply-to`` overrides it).",
    )
    silence_means_approval: bool = Field(
        default=False,
        description="No answer by the deadline counts as approval; the transcript says so.",
    )


class MatrixTexts(_Model):
    """Texts of the data matrices that studies word differently; None: the default text.

    The seed's own cases already differ ("Overige interessante informatie", the
    comparative header names "sociale teams"), so a study can print its own words without
    editing an exported file.
    """

    legend: NonEmptyText | None = Field(
        default=None, description="Line under the case matrix title (default: the BP/KP legend)."
    )
    other_table: NonEmptyText | None = Field(
        default=None,
        description="First header cell of the table after the variables "
        "(default: 'Overige interessante informatie').",
    )
    other_row: NonEmptyText | None = Field(
        default=None,
        description="Last row of that table: closing answers without a matrix_row and notes "
        "tagged with an extra code (default: 'Overig').",
    )
    topic_other_row: NonEmptyText | None = Field(
        default=None,
        description="Row inside a variable for notes of its questions without a "
        "characteristic (default: 'Overig (zonder kenmerk)').",
    )
    compare_header: NonEmptyText | None = Field(
        default=None,
        description="Header of the comparison column of the comparative matrix "
        "(default: 'Vergelijking ervaringen respondenten uit de verschillende cases').",
    )


class AddressForms(_Model):
    """Forms of address; group interviews may use the plural ('u/jullie')."""

    singular: str | None = Field(default=None, description="e.g. 'u'")
    plural: str | None = Field(default=None, description="e.g. 'jullie'")


class InvitationTheme(_Model):
    """One theme of the letter: a topic of the interview, in the respondent's words."""

    topic: Identifier = Field(description="Id of the topic this theme announces.")
    text: NonEmptyText | None = Field(
        default=None, description="The theme as the letter words it (default: the topic title)."
    )


class InvitationSignature(_Model):
    """Who signs the letter and how the respondent reaches them."""

    name: NonEmptyText | None = Field(
        default=None, description="The researcher's name (default: the protocol's authors)."
    )
    phone: NonEmptyText | None = Field(default=None, description="Phone number.")
    email: NonEmptyText | None = Field(default=None, description="Email address.")


class Invitation(_Model):
    """The invitation letter, written to the respondent (not to fellow researchers).

    ``description`` explains the instrument to researchers; a respondent needs the purpose in
    plain words, the themes, the practical side and whom to ask. Texts are printed as written
    (paragraphs separated by blank lines), in the order of the fields; a text left out is
    not in the letter, so a study's real letter can be reproduced word for word.
    """

    addressed_to: Literal["individual", "group"] | None = Field(
        default=None,
        description="Form of address of the texts the tool adds (greeting, theme lead-in) "
        "when not given: 'individual' (u) or 'group' (jullie). Default: the protocol's mode "
        "('individual' for mode both).",
    )
    greeting: NonEmptyText | None = Field(
        default=None, description="First line, e.g. 'Beste deelnemers,' (default by mode)."
    )
    purpose: NonEmptyText = Field(
        description="Why the study is done and why this respondent is asked, in plain words."
    )
    themes_intro: NonEmptyText | None = Field(
        default=None, description="The sentence before the themes list (default by mode)."
    )
    themes: list[InvitationTheme] = Field(
        default_factory=list,
        description="The themes listed, in this order (default: every topic's title).",
    )
    conversation: str | None = Field(
        default=None, description="After the themes: what the conversation will do."
    )
    duration: str | None = Field(default=None, description="How long it takes, where, when.")
    recording: str | None = Field(
        default=None, description="Recording, confidentiality, anonymity, approval."
    )
    contact: str | None = Field(default=None, description="An invitation to ask questions.")
    sign_off: NonEmptyText | None = Field(
        default=None, description="The closing formula, e.g. 'Tot spoedig ziens,'."
    )
    signature: InvitationSignature | None = Field(
        default=None,
        description="Name, phone and email under the letter; without it the letter has "
        "placeholders for what the authors field does not give.",
    )


class InterviewProtocol(_Model):
    """A whole interview protocol. The root of a protocol YAML file."""

    FILE_KEYS = protocol_shape.PROTOCOL

    format: Literal[1] = Field(default=1, description="Version of the protocol file format.")
    id: Identifier
    title: NonEmptyText
    language: Literal["nl", "en"] = "nl"
    version: str = "1"
    authors: list[str] = Field(default_factory=list)
    study: str | None = Field(default=None, description="The study this protocol belongs to.")
    description: str | None = None
    source: str | None = Field(default=None, description="Where the instrument comes from.")
    duration_minutes: float = Field(gt=0, description="Planned duration of the interview.")
    mode: Mode = Mode.INDIVIDUAL
    address: AddressForms | None = None
    introduction: Introduction = Field(default_factory=Introduction)
    invitation: Invitation | None = Field(
        default=None, description="The invitation letter to the respondent (see Invitation)."
    )
    topics: list[Topic] = Field(min_length=1)
    extra_codes: list[ExtraCode] = Field(default_factory=list)
    closing: Closing = Field(default_factory=Closing)
    member_check: MemberCheck = Field(
        default_factory=MemberCheck,
        description="Return address and silence rule of the member check (see MemberCheck).",
    )
    matrix: MatrixTexts | None = Field(
        default=None, description="Own wording for the data matrices (see MatrixTexts)."
    )
    paper: Literal["a4", "letter"] | None = Field(
        default=None,
        description="Paper of the Word and Excel documents: 'a4' (the default) or 'letter'.",
    )

    # --- lookups used everywhere -------------------------------------------------------
    def topic(self, topic_id: str) -> Topic:
        """The topic with this id (KeyError if absent)."""
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def question(self, question_id: str) -> Question:
        """The topic question with this id (KeyError if absent)."""
        return self.question_index()[question_id][1]

    def topic_of(self, question_id: str) -> Topic:
        """The topic a question belongs to."""
        return self.question_index()[question_id][0]

    def question_index(self) -> dict[str, tuple[Topic, Question]]:
        """Every topic question by id, with its topic, in protocol order."""
        return {q.id: (t, q) for t in self.topics for q in t.questions}

    def all_questions(self) -> list[Question]:
        """Topic questions in planned order (closing questions not included)."""
        return [q for t in self.topics for q in t.questions]

    def closing_question(self, question_id: str) -> ClosingQuestion:
        """The closing question with this id (KeyError if absent)."""
        for question in self.closing.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def default_extra_code(self) -> ExtraCode | None:
        """The code closing answers and untagged extra notes fall under (the first extra code)."""
        return self.extra_codes[0] if self.extra_codes else None

    def code_names(self) -> dict[str, str]:
        """Code id -> code name: topic ids map to their variable, extra codes to their name."""
        names = {t.id: t.variable for t in self.topics}
        names.update({c.id: c.name for c in self.extra_codes})
        return names

    def for_mode(self, group: bool) -> InterviewProtocol:
        """The protocol as a group (``group``) or an individual interview uses it.

        Questions marked for the other mode are left out and every question carries the
        wording of this mode, so everything that works from a session's protocol copy
        (screen, navigation, time plan, coverage check, exports) asks, plans and counts
        exactly the questions of this interview. Topics and their characteristics stay, so
        the data matrix has the same rows for every session.
        """
        topics = [
            topic.model_copy(
                update={
                    "questions": [q.for_mode(group) for q in topic.questions if q.applies_to(group)]
                }
            )
            for topic in self.topics
        ]
        return self.model_copy(update={"topics": topics}, deep=True)

    def planned_topic_minutes(self) -> float:
        """Sum of the topics' planned minutes (topics without a plan count as 0)."""
        return sum(t.minutes or 0 for t in self.topics)
