"""The bundled protocols in ``protocols/``: they load cleanly and encode the seed instruments."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from interviewer.domain.protocol import (
    AnswerType,
    InterviewProtocol,
    Mode,
    QuestionKind,
)
from interviewer.protocol.loader import check_protocol, check_protocol_text, load_protocol

PROTOCOLS_DIR = Path(__file__).resolve().parents[2] / "protocols"
SEED = "sociale-teams-samenwerking"
SWT = "netwerksamenwerking-swt"
EXAMPLE = "example-en"


def load(name: str) -> InterviewProtocol:
    """The bundled protocol ``name`` through the loader."""
    return load_protocol(PROTOCOLS_DIR / f"{name}.yaml")


def kinds(protocol: InterviewProtocol) -> dict[QuestionKind, int]:
    """Number of topic questions per kind."""
    counts = dict.fromkeys(QuestionKind, 0)
    for question in protocol.all_questions():
        counts[question.kind] += 1
    return counts


@pytest.mark.parametrize("name", [SEED, SWT, EXAMPLE])
def test_file_id_matches_name_and_no_warnings(name: str) -> None:
    protocol = load(name)
    assert protocol.id == name
    result = check_protocol(PROTOCOLS_DIR / f"{name}.yaml")
    assert [p.message for p in result.problems] == []


@pytest.mark.parametrize("name", [SEED, SWT, EXAMPLE])
def test_no_schema_comment_and_planned_minutes_fit(name: str) -> None:
    first = (PROTOCOLS_DIR / f"{name}.yaml").read_text("utf-8").splitlines()[0]
    assert "yaml-language-server" not in first
    protocol = load(name)
    assert protocol.planned_topic_minutes() <= protocol.duration_minutes


# --- seed 000: sociale teams (Bijlage 1 + Tabel 3) -------------------------------------------


def test_seed_000_counts() -> None:
    p = load(SEED)
    assert p.language == "nl"
    assert p.mode is Mode.INDIVIDUAL
    assert p.duration_minutes == 60
    assert [t.id for t in p.topics] == [
        "ervaring",
        "tijd-en-ruimte",
        "informele-communicatie",
        "interprofessionele-educatie",
        "feedback",
    ]
    assert [len(t.characteristics) for t in p.topics] == [4, 4, 4, 4, 4]
    assert kinds(p) == {QuestionKind.MAIN: 20, QuestionKind.FOLLOW_UP: 3, QuestionKind.PROBE: 5}
    assert len(p.closing.questions) == 5
    assert len(p.introduction.paragraphs()) == 5


def test_seed_000_each_kenmerk_has_one_main_question_in_order() -> None:
    for topic in load(SEED).topics:
        mains = [q for q in topic.questions if q.kind is QuestionKind.MAIN]
        assert [q.characteristic for q in mains] == [c.id for c in topic.characteristics]
        assert mains[2].parts and [p.label for p in mains[2].parts] == ["BP", "KP"]
        assert [q for q in topic.questions if q.parts] == [mains[2]]


def test_seed_000_matrix_labels() -> None:
    p = load(SEED)
    assert [t.row_label for t in p.topics] == [
        "Ervaring",
        "Tijd en ruimte",
        "Informele communicatie",
        "Interprofessionele educatie",
        "Feedback geven",
    ]
    assert [c.row_label for c in p.topic("ervaring").characteristics] == [
        "Wel/niet",
        "Invloed",
        "BP/KP",
        "Verbeterpunten",
    ]
    assert [c.row_label for c in p.topic("tijd-en-ruimte").characteristics] == [
        "Wijze tijd indelen",
        "Ervaring",
        "BP/KP",
        "Verbeterpunten",
    ]
    assert p.topic("tijd-en-ruimte").characteristics[0].label == "Wijze van tijd indelen"


def test_seed_000_colours_and_extra_code() -> None:
    p = load(SEED)
    assert p.topic("ervaring").colour == "yellow"
    assert p.topic("tijd-en-ruimte").colour == "bright-green"
    extra = p.default_extra_code()
    assert extra is not None
    assert (extra.id, extra.name, extra.colour) == (
        "overig",
        "Overige interessante informatie",
        "gray-25",
    )


def test_seed_000_texts_verbatim() -> None:
    p = load(SEED)
    assert p.question("ervaring-1").text == (
        "In hoeverre heeft u vanuit eerdere functies ervaring met samenwerking tussen "
        "professionals uit verschillende organisaties?"
    )
    assert p.question("tijd-en-ruimte-1").text == (
        "Kunt u uw eigen agenda bepalen of heeft u vanuit uw eigen organisatie een bepaald "
        "aantal uur dat u aan activiteiten van het sociaal team mag besteden?"
    )
    assert p.question("feedback-geen").text == "Kunt u vertellen waarom uw geen feedback geeft?"
    assert p.introduction.paragraphs()[-1] == (
        "Om er zeker van te zijn dat ik uw antwoorden goed overneem zou ik het interview graag "
        "willen opnemen. Gaat u hiermee akkoord?"
    )
    assert "ten alle tijden afbreken." in p.introduction.paragraphs()[2]
    assert p.closing.paragraphs()[0].startswith("Dit waren de interviewvragen.")
    assert p.closing.paragraphs()[0].endswith("Hartelijk dank voor uw medewerking.")


def test_seed_000_follow_ups_alternatives_and_probes() -> None:
    p = load(SEED)
    no_experience = p.question("ervaring-geen")
    assert no_experience.kind is QuestionKind.FOLLOW_UP
    assert no_experience.condition == "Indien respondent geen ervaring heeft:"
    assert no_experience.alternatives == [
        "Ziet u het niet hebben van ervaring met samenwerking als een belemmering voor de "
        "samenwerking in het sociaal team? Kunt u uitleggen waarom (niet)?"
    ]
    assert p.question("interprofessionele-educatie-geen").condition == (
        "Indien de respondent aangeeft dat er geen interprofessionele educatie plaatsvindt:"
    )
    assert p.question("feedback-geen").condition == (
        "Indien de respondent aangeeft geen feedback te geven:"
    )
    for question in p.all_questions():
        if question.kind is QuestionKind.FOLLOW_UP:
            assert question.show_when is not None
            assert question.show_when.answers() == ("no",)
            trigger = p.question(question.show_when.question)
            assert trigger.answer.type is AnswerType.YES_NO
            assert trigger.characteristic == "wel-niet"
            assert p.topic_of(trigger.id) is p.topic_of(question.id)
    probes = [q for q in p.all_questions() if q.kind is QuestionKind.PROBE]
    assert [q.id for q in probes] == [f"{t.id}-doorvraag" for t in p.topics]
    assert all(q.priority == 1 for q in probes)
    assert probes[1].text == (
        "Kunt u een voorbeeld geven waarbij u niet voldoende tijd en/of ruimte kreeg om bij een "
        "overleg aanwezig te zijn? Welk effect had dit op de samenwerking binnen het team?"
    )


def test_seed_000_consent_and_closing() -> None:
    p = load(SEED)
    required = [item.id for item in p.introduction.checklist if item.required]
    assert required == ["opname"]
    assert {"opname-aangekondigd", "vertrouwelijkheid"} <= {i.id for i in p.introduction.checklist}
    closing = p.closing
    assert closing.questions[0].text == (
        "Wat zijn in uw ogen over het algemeen de sterke punten van de samenwerking (die in dit "
        "interview nog niet aan bod zijn gekomen)?"
    )
    assert closing.questions[-1].text == "Heeft u tot slot nog andere opmerkingen of vragen?"
    assert [q.matrix_row for q in closing.questions] == [
        "Sterke punten/best practices (samenwerking in) sociaal team in het algemeen",
        "Zwakke punten/ verbeterpunten (samenwerking in) sociaal team in het algemeen",
        "Zwakke punten/ verbeterpunten (samenwerking in) sociaal team in het algemeen",
        None,
        None,
    ]
    assert [(f.label, f.purpose, f.personal) for f in closing.fields] == [
        ("Mailadres t.b.v. controle interview", "transcript-check", True),
        ("Mailadres t.b.v. onderzoeksverslag", "report", True),
    ]


# --- seed 003: topiclijst netwerksamenwerking ------------------------------------------------


def test_seed_003_counts_and_mode() -> None:
    p = load(SWT)
    assert p.mode is Mode.BOTH
    assert p.address is not None
    assert (p.address.singular, p.address.plural) == ("u", "jullie")
    assert [t.title for t in p.topics] == [
        "Ontwikkelverloop",
        "Ambitie",
        "Belangen",
        "Relaties",
        "Organisatie",
        "Effectiviteit van netwerksamenwerking",
    ]
    assert [t.variable for t in p.topics] == [
        "Proces",
        "Ambitie",
        "Belangen",
        "Relatie",
        "Organisatie",
        "Effectiviteit",
    ]
    assert [len(t.questions) for t in p.topics] == [1, 2, 3, 4, 5, 4]
    assert all(not t.characteristics for t in p.topics)
    assert kinds(p)[QuestionKind.MAIN] == 19


def test_seed_003_group_wording_where_the_source_writes_u_jullie() -> None:
    """Every question the source words for both ("u/jullie") has its two forms; no screen
    shows the slash; a group session asks the plural, an individual one the singular."""
    p = load(SWT)
    with_group = [q.id for q in p.all_questions() if q.text_group]
    assert with_group == [
        "proces-1",
        "ambitie-1",
        "belangen-1",
        "relatie-1",
        "relatie-2",
        "relatie-4",
    ]
    assert not any("u/" in q.text or "u/" in (q.text_group or "") for q in p.all_questions())
    assert all(q.mode is Mode.BOTH for q in p.all_questions())  # the list served both modes
    assert p.question("relatie-4").text == "Hoe omschrijft u het onderlinge vertrouwen in het team?"
    group = p.for_mode(group=True)
    assert group.question("relatie-4").text == (
        "Hoe omschrijven jullie het onderlinge vertrouwen in het team?"
    )
    assert group.question("ambitie-2").text == p.question("ambitie-2").text  # "jullie" only


def test_seed_003_texts_verbatim() -> None:
    p = load(SWT)
    assert [i.label for i in p.introduction.checklist] == [
        "Voorstellen",
        "Opnemen van interview vermelden",
        "Vertrouwelijkheid informatie en vernietiging tape en interviewverslagen",
        "Delen van resultaten/planning doornemen",
    ]
    # The source's "Kunt u/kunnen jullie ... hoe u/jullie ... hebben ervaren?" as two wordings:
    # the group form is the source's plural reading, the individual one agrees its verb.
    proces = p.question("proces-1")
    assert proces.text_group == (
        "Kunnen jullie mij vertellen hoe dit SWT tot stand is gekomen en hoe jullie de "
        "ontwikkeling hiervan hebben ervaren?"
    )
    assert proces.text == (
        "Kunt u mij vertellen hoe dit SWT tot stand is gekomen en hoe u de ontwikkeling hiervan "
        "heeft ervaren?"
    )
    assert p.question("effectiviteit-2").text == (
        "Is er - vanuit burgers- inzichtelijk wat de mate van tevredenheid&vertrouwen in SWT's is?"
    )
    assert [q.text for q in p.closing.questions] == [
        "Zijn er nog zaken die niet aan de orde zijn geweest maar die wel van belang zijn voor "
        "dit onderzoek?"
    ]


# --- example-en: every feature of the format -------------------------------------------------


def test_example_uses_every_feature() -> None:
    p = load(EXAMPLE)
    assert p.language == "en"
    assert p.mode is Mode.BOTH
    assert p.address is not None and p.address.plural
    questions = p.all_questions()
    assert {q.answer.type for q in questions} == set(AnswerType)
    assert all(kinds(p).values())
    triggers = {
        p.question(q.show_when.question).answer.type for q in questions if q.show_when is not None
    }
    assert {AnswerType.YES_NO, AnswerType.CHOICE, AnswerType.SCALE} <= triggers
    assert all(q.condition for q in questions if q.kind is QuestionKind.FOLLOW_UP)
    assert any(q.alternatives for q in questions)
    assert any(q.parts for q in questions)
    assert any(q.instruction for q in questions)
    assert sorted(q.priority for q in questions if q.kind is QuestionKind.PROBE) == [1, 2, 3]
    assert all(t.colour for t in p.topics)
    assert any(t.note for t in p.topics)
    assert any(t.matrix_label for t in p.topics)
    assert any(c.matrix_label for t in p.topics for c in t.characteristics)
    assert len(p.extra_codes) == 2
    assert any(q.code == "context" for q in p.closing.questions)
    assert any(q.matrix_row for q in p.closing.questions)
    assert {f.purpose for f in p.closing.fields} == {"transcript-check", "report", "other"}
    assert {f.personal for f in p.closing.fields} == {True, False}
    assert any(item.required for item in p.introduction.checklist)
    scale = p.question("meetings-2").answer
    assert (scale.min, scale.max, scale.min_label, scale.max_label) == (
        1,
        5,
        "very dissatisfied",
        "very satisfied",
    )
    link = p.question("meetings-why-not").show_when
    assert link is not None
    assert link.answers() == ("Only when needed", "Never")


# --- docs/protocol-format.md: the complete example is a valid protocol -----------------------


def test_docs_complete_example_is_valid_and_clean() -> None:
    doc = (PROTOCOLS_DIR.parent / "docs" / "protocol-format.md").read_text("utf-8")
    section = doc.split("## A complete example", 1)[1]
    text = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    protocol = InterviewProtocol.model_validate(YAML(typ="safe").load(text))
    assert {q.answer.type for q in protocol.all_questions()} == set(AnswerType)
    assert [p.message for p in check_protocol_text(text).problems] == []
