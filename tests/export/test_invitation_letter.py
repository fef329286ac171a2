"""The invitation letter is written to the respondent (issue 13.4): built from the protocol's
``invitation`` part, in the mode's form of address, signed by the researcher; seed 003's
bundled protocol gives back seed 003's real letter paragraph by paragraph."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from interviewer.cli import main
from interviewer.domain.protocol import InterviewProtocol, Invitation
from interviewer.export.letter import letter_blocks, write_letter_docx, write_letter_md
from interviewer.protocol.loader import load_protocol
from tests.conftest import PROTOCOLS_DIR, SHARED_DIR

SEED_LETTER = SHARED_DIR / "seed-protocols" / "003_bijlage1_brief-respondenten.md"


def _letter_paragraphs(markdown: str) -> list[str]:
    """The letter of the seed file: between the first two '---' rules, one entry per
    paragraph or bullet, whitespace normalised, the bullet sign dropped."""
    body = markdown.split("\n---\n")[1]
    paragraphs = []
    for block in re.split(r"\n\s*\n", body.strip()):
        for line in block.splitlines() if block.lstrip().startswith("•") else [block]:
            paragraphs.append(" ".join(line.lstrip("• ").split()))
    return paragraphs


def _docx_paragraphs(protocol: InterviewProtocol, lang: str | None = None) -> list[tuple[str, str]]:
    stream = io.BytesIO()
    write_letter_docx(protocol, stream, lang)
    doc = Document(io.BytesIO(stream.getvalue()))
    return [(p.style.name, p.text) for p in doc.paragraphs]


def _swt() -> InterviewProtocol:
    return load_protocol(PROTOCOLS_DIR / "netwerksamenwerking-swt.yaml")


@pytest.mark.skipif(not SEED_LETTER.exists(), reason="the seed protocols are not checked out")
def test_seed_003_letter_is_the_real_letter_paragraph_by_paragraph() -> None:
    expected = _letter_paragraphs(SEED_LETTER.read_text("utf-8"))
    got = _docx_paragraphs(_swt())
    assert [" ".join(text.split()) for _, text in got] == expected
    bullets = [text for style, text in got if style == "List Bullet"]
    assert bullets == [
        "het ontwikkelverloop van een SWT",
        "een goede organisatie van het SWT",
        "een goede balans in de verschillende belangen",
        "het hebben van een gezamenlijke ambitie",
        "het aangaan van een goede samenwerkingsrelatie",
    ]
    assert got[0][1] == "Beste deelnemers van mijn onderzoek,"


def test_seed_003_markdown_letter_has_the_same_paragraphs() -> None:
    stream = io.BytesIO()
    write_letter_md(_swt(), stream)
    text = stream.getvalue().decode("utf-8")
    docx_texts = [t for _, t in _docx_paragraphs(_swt())]
    md_texts = [p.removeprefix("- ") for p in text.strip().split("\n\n")]
    assert md_texts == docx_texts


def test_the_letter_never_pastes_the_researchers_description() -> None:
    for name in ("netwerksamenwerking-swt", "sociale-teams-samenwerking", "example-en"):
        protocol = load_protocol(PROTOCOLS_DIR / f"{name}.yaml")
        texts = " ".join(t for _, t in _docx_paragraphs(protocol))
        assert protocol.description and protocol.description not in texts
        assert "Bijlage" not in texts and "kenmerken" not in texts
        assert protocol.study is None or protocol.study not in texts


def test_seed_000_letter_is_written_to_one_respondent() -> None:
    protocol = load_protocol(PROTOCOLS_DIR / "sociale-teams-samenwerking.yaml")
    texts = [t for _, t in _docx_paragraphs(protocol)]
    assert texts[0] == "Beste deelnemer,"
    words = set(re.findall(r"\w+", " ".join(texts).lower()))
    assert "u" in words and "jullie" not in words
    joined = " ".join(texts)
    for needed in ("een uur", "op te nemen", "vertrouwelijk", "anoniem", "vragen"):
        assert needed in joined, needed
    bullets = [t for s, t in _docx_paragraphs(protocol) if s == "List Bullet"]
    assert len(bullets) == len(protocol.topics)


def _with_invitation(protocol: InterviewProtocol, **fields: object) -> InterviewProtocol:
    invitation = Invitation.model_validate({"purpose": "Ik onderzoek samenwerking.", **fields})
    return protocol.model_copy(update={"invitation": invitation})


@pytest.mark.parametrize(
    ("mode", "addressed_to", "greeting", "lead_in"),
    [
        ("individual", None, "Beste deelnemer,", "In het gesprek gaan we in op"),
        ("group", None, "Beste deelnemers,", "In het gesprek gaan we in op"),
        ("both", None, "Beste deelnemer,", "In het gesprek gaan we in op"),
        ("both", "group", "Beste deelnemers,", "In het gesprek gaan we in op"),
    ],
)
def test_the_tools_own_words_follow_the_form_of_address(
    seed_protocol: InterviewProtocol,
    mode: str,
    addressed_to: str | None,
    greeting: str,
    lead_in: str,
) -> None:
    fields = {"addressed_to": addressed_to} if addressed_to else {}
    protocol = _with_invitation(seed_protocol.model_copy(update={"mode": mode}), **fields)
    texts = [b.text for b in letter_blocks(protocol)]
    assert texts[0] == greeting
    assert texts[1] == "Ik onderzoek samenwerking."
    assert texts[2].startswith(lead_in)


def test_generic_letter_uses_jullie_for_a_group_and_u_for_one(
    seed_protocol: InterviewProtocol,
) -> None:
    def words(mode: str) -> set[str]:
        protocol = seed_protocol.model_copy(update={"mode": mode, "invitation": None})
        return set(re.findall(r"\w+", " ".join(b.text for b in letter_blocks(protocol)).lower()))

    assert "jullie" in words("group") and "u" not in words("group")
    assert "u" in words("individual") and "jullie" not in words("individual")


def test_the_generic_letter_names_the_title_not_the_study(seed_protocol) -> None:
    generic = seed_protocol.model_copy(update={"invitation": None})
    texts = " ".join(b.text for b in letter_blocks(generic))
    assert seed_protocol.title in texts and "Masterthesis" not in texts


def test_signed_with_the_authors_and_the_signature(seed_protocol) -> None:
    authored = seed_protocol.model_copy(update={"authors": ["Anna de Vries", "Bram Jansen"]})
    texts = [b.text for b in letter_blocks(authored)]
    assert texts[-3:] == [
        "Anna de Vries en Bram Jansen",
        "[telefoonnummer onderzoeker]",
        "[e-mailadres onderzoeker]",
    ]
    assert "[naam onderzoeker]" not in texts
    signed = _with_invitation(
        authored, signature={"phone": "06 1234 5678", "email": "anna@example.org"}
    )
    texts = [b.text for b in letter_blocks(signed)]
    assert texts[-3:] == ["Anna de Vries en Bram Jansen", "06 1234 5678", "anna@example.org"]
    own = _with_invitation(authored, signature={"name": "A. de Vries", "email": "a@example.org"})
    assert [b.text for b in letter_blocks(own)][-2:] == ["A. de Vries", "a@example.org"]


def test_english_letter_has_one_form_and_english_signature(seed_protocol) -> None:
    english = load_protocol(PROTOCOLS_DIR / "example-en.yaml")
    texts = [t for _, t in _docx_paragraphs(english)]
    assert texts[0] == "Dear participant,"
    assert texts[-2:] == ["Example Researcher", "researcher@example.org"]
    group = english.model_copy(update={"invitation": None, "mode": "group"})
    assert next(b.text for b in letter_blocks(group)) == "Dear participants,"


def test_themes_keep_their_order_and_default_to_the_topic_title(seed_protocol) -> None:
    first, second = seed_protocol.topics[0], seed_protocol.topics[1]
    protocol = _with_invitation(
        seed_protocol,
        themes=[{"topic": second.id}, {"topic": first.id, "text": "uw eerdere ervaring"}],
    )
    bullets = [b.text for b in letter_blocks(protocol) if b.kind == "bullet"]
    assert bullets == [second.title, "uw eerdere ervaring"]


def test_letter_command_writes_the_seed_003_letter(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["letter", "netwerksamenwerking-swt", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    path = Path(result.output.strip())
    doc = Document(str(path))
    assert doc.paragraphs[0].text == "Beste deelnemers van mijn onderzoek,"
    assert doc.paragraphs[-4].text == "Tot spoedig ziens,"


def test_the_letter_has_page_numbers_but_no_running_header() -> None:
    protocol = _swt()
    stream = io.BytesIO()
    write_letter_docx(protocol, stream)
    section = Document(io.BytesIO(stream.getvalue())).sections[0]
    header = " ".join(p.text for p in section.header.paragraphs).strip()
    assert header == ""  # the study's name is the researchers' wording, not the letter's
    assert protocol.study and protocol.study not in header
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
