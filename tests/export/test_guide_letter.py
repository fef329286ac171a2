"""The printable interview guide and the invitation letter, from the protocol itself."""

from __future__ import annotations

import io

from interviewer.domain.protocol import InterviewProtocol
from interviewer.export.guide import write_guide_docx, write_guide_md
from interviewer.export.letter import write_letter_docx, write_letter_md
from interviewer.export.registry import ExportError, write_protocol_document

from .conftest import reopen, styled


def _docx(writer, protocol: InterviewProtocol, lang: str | None = None):
    stream = io.BytesIO()
    writer(protocol, stream, lang)
    return reopen(stream.getvalue())


def test_guide_lists_every_topic_and_question(seed_protocol) -> None:
    pairs = styled(_docx(write_guide_docx, seed_protocol))
    headings = [t for s, t in pairs if s == "Heading 1"]
    assert headings[0] == "Inleiding"
    assert headings[1:6] == [f"{n}. {t.title}" for n, t in enumerate(seed_protocol.topics, 1)]
    assert headings[-2:] == ["Afrondende vragen", "Afsluiting"]
    texts = [t for _, t in pairs]
    for question in seed_protocol.all_questions():
        assert any(question.text in t for t in texts), question.id
    assert any(t.startswith("☐ ") for t in texts), "checklist with boxes"
    assert any("☐ Ja  ☐ Nee" in t for t in texts), "yes/no questions as boxes"


def test_guide_markdown_matches(seed_protocol) -> None:
    stream = io.BytesIO()
    write_guide_md(seed_protocol, stream)
    text = stream.getvalue().decode("utf-8")
    assert text.startswith("# Interviewleidraad: ")
    for topic in seed_protocol.topics:
        assert f"## {seed_protocol.topics.index(topic) + 1}. {topic.title}" in text


def test_letter_lists_the_protocols_own_themes(seed_protocol) -> None:
    pairs = styled(_docx(write_letter_docx, seed_protocol))
    bullets = [t for s, t in pairs if s == "List Bullet"]
    invitation = seed_protocol.invitation
    assert invitation is not None
    assert bullets == [theme.text for theme in invitation.themes]
    assert [theme.topic for theme in invitation.themes] == [t.id for t in seed_protocol.topics]
    texts = [t for _, t in pairs]
    assert texts[0] == "Beste deelnemer,"
    assert "[naam onderzoeker]" in texts and "[e-mailadres onderzoeker]" in texts


def test_without_invitation_the_topic_titles_are_the_themes(seed_protocol) -> None:
    generic = seed_protocol.model_copy(update={"invitation": None})
    bullets = [t for s, t in styled(_docx(write_letter_docx, generic)) if s == "List Bullet"]
    assert bullets == [t.title for t in seed_protocol.topics]


def test_group_letter_uses_the_plural(seed_protocol) -> None:
    group = seed_protocol.model_copy(update={"mode": "group", "invitation": None})
    stream = io.BytesIO()
    write_letter_md(group, stream)
    text = stream.getvalue().decode("utf-8")
    assert text.startswith("Beste deelnemers,")
    assert "jullie" in text
    assert "\n- " + seed_protocol.topics[0].title in text


def test_english_letter(seed_protocol) -> None:
    generic = seed_protocol.model_copy(update={"invitation": None})
    texts = [p.text for p in _docx(write_letter_docx, generic, "en").paragraphs]
    assert texts[0] == "Dear participant,"


def test_write_protocol_document(seed_protocol, tmp_path) -> None:
    first = write_protocol_document(seed_protocol, "guide", "md", tmp_path)
    second = write_protocol_document(seed_protocol, "guide", "md", tmp_path)
    assert (first.name, second.name) == (
        "sociale-teams-samenwerking_guide.md",
        "sociale-teams-samenwerking_guide-2.md",
    )
    try:
        write_protocol_document(seed_protocol, "guide", "pdf", tmp_path)  # type: ignore[arg-type]
    except ExportError as exc:
        assert "is not a format" in str(exc)
    else:
        raise AssertionError("pdf must be refused")


def test_guide_shows_follow_up_conditions_and_alternatives(seed_protocol) -> None:
    from interviewer.domain.protocol import Question

    follow_up = Question.model_validate(
        {
            "id": "geen-ervaring",
            "kind": "follow-up",
            "text": "Kunt u vertellen hoe u denkt dat het niet hebben van ervaring dat beïnvloedt?",
            "condition": "Indien respondent geen ervaring heeft:",
            "alternatives": ["Ziet u het niet hebben van ervaring als een belemmering?"],
            "instruction": "Alleen bij 'nee'.",
            "show_when": {"question": "ervaring-1", "answer": "no"},
        }
    )
    first = seed_protocol.topics[0]
    topic = first.model_copy(update={"questions": [*first.questions, follow_up]})
    protocol = seed_protocol.model_copy(update={"topics": [topic, *seed_protocol.topics[1:]]})
    texts = [p.text for p in _docx(write_guide_docx, protocol).paragraphs]
    assert (
        "Indien respondent geen ervaring heeft: Kunt u vertellen hoe u denkt dat het niet "
        "hebben van ervaring dat beïnvloedt?"
    ) in texts
    assert "Of: Ziet u het niet hebben van ervaring als een belemmering?" in texts
    assert "Voor de interviewer: Alleen bij 'nee'." in texts
