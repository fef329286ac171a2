"""A protocol as a readable outline (a rich tree) for ``interviewer show`` and previews.

Rich, not Textual: the outline is printed by the CLI and shown in the TUI's protocol
preview alike, and the core must not import Textual.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from rich.tree import Tree

from interviewer.domain.guidance import Reason, answer_label, quote_question
from interviewer.domain.protocol import (
    HIGHLIGHT_COLOURS,
    InterviewProtocol,
    Mode,
    Question,
    QuestionKind,
    Topic,
)
from interviewer.i18n import translate

_KIND_STYLE = {
    QuestionKind.MAIN: "bold",
    QuestionKind.FOLLOW_UP: "cyan",
    QuestionKind.PROBE: "dim",
}
_DARK_COLOURS = {"blue", "dark-blue", "teal", "green", "violet", "dark-red", "black", "gray-50"}


def code_style(colour: str | None) -> str:
    """A rich style showing a code in its highlight colour, with readable text on it."""
    if colour is None:
        return "bold"
    text = "white" if colour in _DARK_COLOURS else "black"
    return f"bold {text} on {HIGHLIGHT_COLOURS[colour]}"


def _minutes(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def shown_when_text(protocol: InterviewProtocol, question: Question, lang: str) -> str:
    """When a follow-up is asked, said for people: the trigger question quoted (shortened)
    and the answers as the respondent hears them ("te stellen als het antwoord op 'In
    hoeverre heeft u …' nee is"), not internal ids and stored values."""
    if question.show_when is None:
        return ""
    entry = protocol.question_index().get(question.show_when.question)
    trigger = entry[1] if entry else None
    labels = []
    for value in question.show_when.answers():
        label = answer_label(trigger, value)
        labels.append(label.render(lang) if isinstance(label, Reason) else value)
    answers = labels[-1]
    if len(labels) > 1:
        answers = ", ".join(labels[:-1]) + f" {translate('protocol.or', lang)} " + labels[-1]
    quoted = quote_question(trigger.text) if trigger else question.show_when.question
    return translate("protocol.shown_when", lang, question=quoted, answer=answers)


def _question(protocol: InterviewProtocol, topic: Topic, question: Question, lang: str) -> Tree:
    label = Text()
    kind = translate(f"kind.{question.kind.value}", lang)
    label.append(f"[{kind}] ", style=_KIND_STYLE[question.kind])
    if question.kind is QuestionKind.PROBE and question.priority is not None:
        label.append(f"(p{question.priority}) ", style="dim")
    if question.mode is not Mode.BOTH:
        mode = translate(f"mode.{question.mode.value}", lang)
        label.append(f"({translate('protocol.only_mode', lang, mode=mode)}) ", style="magenta")
    if question.condition:
        label.append(question.condition + " ", style="italic cyan")
    label.append(question.text)
    node = Tree(label)
    if question.text_group:
        group = Text(translate("protocol.group_wording", lang) + " ", style="magenta")
        node.add(group.append(question.text_group))
    details: list[str] = []
    if question.characteristic:
        char = next(c for c in topic.characteristics if c.id == question.characteristic)
        details.append(translate("protocol.measures", lang, label=char.label))
    if question.answer.type.value != "open":
        values = question.answer.allowed_values() or ()
        if question.answer.type.value == "yes-no":  # the words, not the stored values
            values = tuple(translate(f"answer.{v}", lang) for v in values)
        kind = translate(f"protocol.answer_type.{question.answer.type.value}", lang)
        details.append(
            translate("protocol.answer", lang, type=kind)
            + (f" ({' / '.join(values)})" if values else "")
        )
    if question.show_when:
        details.append(shown_when_text(protocol, question, lang))
    if question.parts:
        details.append(
            translate("protocol.parts", lang) + ": " + ", ".join(p.label for p in question.parts)
        )
    for detail in details:
        node.add(Text(detail, style="dim"))
    for alternative in question.alternatives:
        node.add(Text(translate("protocol.alternative", lang) + " " + alternative, style="italic"))
    for alternative in question.alternatives_group:
        said = translate("protocol.group_alternative", lang) + " " + alternative
        node.add(Text(said, style="italic"))
    if question.instruction:
        node.add(Text("! " + question.instruction, style="yellow"))
    return node


def protocol_outline(protocol: InterviewProtocol, lang: str = "en") -> Group:
    """The whole protocol as a tree plus a line with the planned total.

    Like the paper guide: a protocol for one kind of interview is shown as that kind asks
    it; one for both shows each question's group wording under it and marks the questions
    of one mode only.
    """
    if protocol.mode is not Mode.BOTH:
        protocol = protocol.for_mode(protocol.mode is Mode.GROUP)
    head = Text()
    head.append(protocol.title, style="bold")
    head.append(f"  ({protocol.id}, {protocol.language}, v{protocol.version}, ")
    head.append(translate(f"mode.{protocol.mode.value}", lang))
    head.append(f", {_minutes(protocol.duration_minutes)} min)")
    tree = Tree(head)
    intro = protocol.introduction
    if intro.script or intro.checklist:
        node = tree.add(
            Text(
                translate("protocol.introduction", lang, paragraphs=len(intro.paragraphs())),
                style="bold",
            )
        )
        for item in intro.checklist:
            required = " *" if item.required else ""
            node.add(f"[ ] {item.label}{required}")
    for number, topic in enumerate(protocol.topics, start=1):
        title = Text(f"{number}. {topic.title}  ")
        title.append(f" {topic.variable} ", style=code_style(topic.colour))
        title.append(f"  {_minutes(topic.minutes)} min", style="dim")
        node = tree.add(title)
        if topic.note:
            node.add(Text("! " + topic.note, style="yellow"))
        if topic.characteristics:
            chars = ", ".join(c.label for c in topic.characteristics)
            node.add(
                Text(translate("protocol.characteristics", lang) + ": " + chars, style="green")
            )
        for question in topic.questions:
            node.add(_question(protocol, topic, question, lang))
    for code in protocol.extra_codes:
        label = Text(translate("protocol.extra_code", lang) + " ")
        label.append(f" {code.name} ", style=code_style(code.colour))
        tree.add(label)
    closing = protocol.closing
    if closing.questions or closing.script or closing.fields:
        node = tree.add(Text(translate("protocol.closing", lang), style="bold"))
        for closing_question in closing.questions:
            node.add(closing_question.text)
        for field in closing.fields:
            personal = " (" + translate("protocol.personal", lang) + ")" if field.personal else ""
            node.add(Text(f"[{field.label}]{personal}", style="dim"))
    planned = protocol.planned_topic_minutes()
    questions = len(protocol.all_questions())
    total = Text(
        translate(
            "protocol.total",
            lang,
            topics=len(protocol.topics),
            questions=questions,
            planned=_minutes(planned),
            duration=_minutes(protocol.duration_minutes),
        ),
        style="bold",
    )
    return Group(tree, total)
