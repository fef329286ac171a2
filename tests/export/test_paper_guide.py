"""The paper guide can be used when the laptop fails (issue 13.6): each topic on a new page
with its planned minutes and start time, tick boxes for characteristics and quick answers,
and writing lines under each question in proportion to its planned time."""

from __future__ import annotations

import io
from itertools import groupby

import pytest
from docx import Document
from docx.document import Document as DocumentObject

from interviewer.domain.estimates import make_plan
from interviewer.domain.protocol import InterviewProtocol
from interviewer.export.guide import (
    BOX,
    MAX_LINES,
    MIN_LINES,
    WRITING_LINE,
    clock,
    write_guide_docx,
    writing_lines,
)
from interviewer.protocol.loader import load_protocol
from tests.conftest import PROTOCOLS_DIR


def _guide(protocol: InterviewProtocol, lang: str | None = None) -> DocumentObject:
    stream = io.BytesIO()
    write_guide_docx(protocol, stream, lang)
    return Document(io.BytesIO(stream.getvalue()))


def _line_groups(doc: DocumentObject) -> list[int]:
    """The lengths of the runs of consecutive writing lines, in document order."""
    texts = [p.text for p in doc.paragraphs]
    return [
        len(list(run)) for is_line, run in groupby(texts, lambda t: t == WRITING_LINE) if is_line
    ]


def test_writing_lines_grow_with_the_planned_minutes_within_bounds() -> None:
    assert [writing_lines(m * 60) for m in (0, 0.5, 1, 2, 3, 5, 10, 60)] == [
        MIN_LINES,
        MIN_LINES,
        2,
        4,
        6,
        10,
        20,
        MAX_LINES,
    ]
    assert (clock(0), clock(12 * 60), clock(65 * 60), clock(89.6)) == (
        "0:00",
        "0:12",
        "1:05",
        "0:01",
    )


def test_each_question_gets_lines_for_its_planned_time(seed_protocol: InterviewProtocol) -> None:
    plan = make_plan(seed_protocol)
    questions = [*seed_protocol.all_questions(), *seed_protocol.closing.questions]
    expected = [writing_lines(plan.question(q.id)) for q in questions]
    assert _line_groups(_guide(seed_protocol)) == expected
    # a main question of seed 000 (10 minutes, weights 4 x 1 + follow-ups/probes x 0.5)
    # gets more room than a probe
    first = seed_protocol.topics[0]
    main = next(q for q in first.questions if q.kind == "main")
    probe = next(q for q in first.questions if q.kind != "main")
    assert writing_lines(plan.question(main.id)) > writing_lines(plan.question(probe.id))


def test_more_minutes_give_more_lines(seed_protocol: InterviewProtocol) -> None:
    first = seed_protocol.topics[0]
    longer = seed_protocol.model_copy(
        update={
            "topics": [first.model_copy(update={"minutes": 30}), *seed_protocol.topics[1:]],
            "duration_minutes": 90,
        }
    )
    count = len(first.questions)
    short, long = _line_groups(_guide(seed_protocol))[:count], _line_groups(_guide(longer))[:count]
    assert all(b >= a for a, b in zip(short, long, strict=True))
    assert sum(long) > 2 * sum(short)


def test_each_topic_starts_on_a_new_page_with_its_planned_times(
    seed_protocol: InterviewProtocol,
) -> None:
    doc = _guide(seed_protocol)
    paragraphs = doc.paragraphs
    headings = [(i, p) for i, p in enumerate(paragraphs) if p.style.name == "Heading 1"]
    breaks = {p.text: bool(p.paragraph_format.page_break_before) for _, p in headings}
    assert breaks.pop("Inleiding") is False
    assert breaks.pop("Afsluiting") is False, "the closing script follows its questions"
    assert breaks.pop("Afrondende vragen") is True
    assert list(breaks) == [f"{n}. {t.title}" for n, t in enumerate(seed_protocol.topics, 1)]
    assert all(breaks.values())
    metas = [paragraphs[i + 1].text for i, p in headings if p.text[0].isdigit()]
    start = 0
    for topic, meta in zip(seed_protocol.topics, metas, strict=True):
        assert meta == f"Variabele: {topic.variable}. Gepland: 10 min, vanaf 0:{start:02d}."
        start += 10
    closing = next(paragraphs[i + 1].text for i, p in headings if p.text == "Afrondende vragen")
    assert closing == "Gepland: 10 min, vanaf 0:50."


def test_tick_boxes_for_characteristics_and_quick_answers(seed_protocol) -> None:
    texts = [p.text for p in _guide(seed_protocol).paragraphs]
    covered = [t for t in texts if t.startswith("Besproken: ")]
    assert len(covered) == len(seed_protocol.topics)
    for topic, line in zip(seed_protocol.topics, covered, strict=True):
        assert line.count(BOX) == len(topic.characteristics)
        for characteristic in topic.characteristics:
            assert f"{BOX} {characteristic.row_label}" in line
    yes_no = [q for q in seed_protocol.all_questions() if q.answer.type == "yes-no"]
    assert texts.count(f"Antwoord: {BOX} Ja  {BOX} Nee") == len(yes_no)


def test_choice_and_scale_answers_are_boxes_in_english() -> None:
    example = load_protocol(PROTOCOLS_DIR / "example-en.yaml")
    texts = [p.text for p in _guide(example).paragraphs]
    for question in example.all_questions():
        values = question.answer.allowed_values()
        if question.answer.type in ("choice", "scale"):
            assert f"Answer: {'  '.join(f'{BOX} {v}' for v in values)}" in texts
    assert any(t.startswith("Variable: ") and ", from 0:" in t for t in texts)
    assert "Covered: " in " ".join(texts)


@pytest.mark.parametrize("name", ["netwerksamenwerking-swt", "example-en"])
def test_topics_without_characteristics_or_minutes_still_get_pages_and_lines(name: str) -> None:
    protocol = load_protocol(PROTOCOLS_DIR / f"{name}.yaml")
    doc = _guide(protocol)
    topic_headings = [
        p for p in doc.paragraphs if p.style.name == "Heading 1" and p.text[0].isdigit()
    ]
    assert len(topic_headings) == len(protocol.topics)
    assert all(p.paragraph_format.page_break_before for p in topic_headings)
    questions = [*protocol.all_questions(), *protocol.closing.questions]
    assert len(_line_groups(doc)) == len(questions)
