"""Fixtures for the export tests: the seed-000 protocol, demo sessions, hand-made sessions.

The protocol is the bundled ``protocols/sociale-teams-samenwerking.yaml`` when it and the
loader exist; until then an equivalent built here from the seed (5 topics x 4 kenmerken,
matrix labels as printed in Bijlage 2).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import Session, SessionMode
from interviewer.domain.session_factory import new_session
from tests.conftest import SHARED_DIR
from tests.fake_clock import FakeClock

REPO = Path(__file__).resolve().parents[2]
SEED_PROTOCOL = REPO / "protocols" / "sociale-teams-samenwerking.yaml"

_TOPICS = (
    ("ervaring", "Eerdere ervaringen met samenwerking", "Ervaring", None, "yellow",
     (("wel-niet", "Wel/niet", None), ("invloed", "Invloed", None),
      ("bp-kp", "Best practices/knelpunten", "BP/KP"), ("verbeterpunten", "Verbeterpunten", None))),
    ("tijd-en-ruimte", "Tijd en ruimte voor samenwerking vanuit eigen organisatie",
     "Tijd en ruimte", None, "bright-green",
     (("wijze", "Wijze van tijd indelen", "Wijze tijd indelen"), ("ervaring", "Ervaring", None),
      ("bp-kp", "Best practices/knelpunten", "BP/KP"), ("verbeterpunten", "Verbeterpunten", None))),
    ("informele-communicatie", "Informele communicatie in het team", "Informele communicatie",
     None, "turquoise",
     (("wel-niet", "Wel/niet", None), ("effect", "Effect", None),
      ("bp-kp", "Best practices/knelpunten", "BP/KP"), ("verbeterpunten", "Verbeterpunten", None))),
    ("interprofessionele-educatie", "Interprofessionele educatie", "Interprofessionele educatie",
     None, "pink",
     (("wel-niet", "Wel/niet", None), ("effect", "Effect", None),
      ("bp-kp", "Best practices/knelpunten", "BP/KP"), ("verbeterpunten", "Verbeterpunten", None))),
    ("feedback", "Geven van feedback voor verbeteringen van samenwerking", "Feedback",
     "Feedback geven", "red",
     (("wel-niet", "Wel/niet", None), ("ervaring", "Ervaring", None),
      ("bp-kp", "Best practices/knelpunten", "BP/KP"), ("verbeterpunten", "Verbeterpunten", None))),
)  # fmt: skip

STRONG = "Sterke punten/best practices (samenwerking in) sociaal team in het algemeen"
WEAK = "Zwakke punten/ verbeterpunten (samenwerking in) sociaal team in het algemeen"


def built_protocol() -> InterviewProtocol:
    """The seed-000 protocol, built in code (questions shortened, structure faithful)."""
    topics = []
    for tid, title, variable, matrix_label, colour, chars in _TOPICS:
        questions: list[dict] = []
        for n, (cid, label, _short) in enumerate(chars, start=1):
            question: dict = {
                "id": f"{tid}-{n}",
                "text": f"Vraag {n} over {variable.lower()}: {label.lower()}?",
                "characteristic": cid,
            }
            if cid == "wel-niet":
                question["answer"] = {"type": "yes-no"}
            if cid == "bp-kp":
                question["parts"] = [{"id": "bp", "label": "BP"}, {"id": "kp", "label": "KP"}]
            questions.append(question)
        questions.append(
            {
                "id": f"{tid}-doorvraag",
                "text": "Kunt u een voorbeeld geven?",
                "kind": "probe",
                "priority": 1,
            }
        )
        topic: dict = {
            "id": tid,
            "title": title,
            "variable": variable,
            "colour": colour,
            "minutes": 10,
            "characteristics": [
                {"id": c, "label": label, **({"matrix_label": short} if short else {})}
                for c, label, short in chars
            ],
            "questions": questions,
        }
        if matrix_label:
            topic["matrix_label"] = matrix_label
        topics.append(topic)
    return InterviewProtocol.model_validate(
        {
            "id": "sociale-teams-samenwerking",
            "title": "Samenwerking in sociale teams",
            "language": "nl",
            "duration_minutes": 60,
            "introduction": {
                "script": "Welkom.",
                "checklist": [{"id": "opname", "label": "Akkoord opname", "required": True}],
            },
            "topics": topics,
            "extra_codes": [
                {"id": "overig", "name": "Overige interessante informatie", "colour": "grey"}
            ],
            "closing": {
                "questions": [
                    {"id": "sterk", "text": "Wat zijn de sterke punten?", "matrix_row": STRONG},
                    {"id": "zwak", "text": "Wat zijn de zwakke punten?", "matrix_row": WEAK},
                    {"id": "toevoegen", "text": "Wilt u nog iets toevoegen?"},
                ],
                "script": "Dank u wel.",
            },
        }
    )


def load_seed_protocol() -> InterviewProtocol:
    """The bundled seed-000 protocol, through the loader."""
    from interviewer.protocol.loader import load_protocol

    return load_protocol(SEED_PROTOCOL)


@pytest.fixture(scope="session")
def seed_protocol() -> InterviewProtocol:
    """The seed-000 protocol as bundled."""
    return load_seed_protocol()


@pytest.fixture(scope="session")
def demo_case(seed_protocol: InterviewProtocol) -> list[Session]:
    """Four finished demo interviews of case 'Borne' (codes 1.1-1.4)."""
    from interviewer.demo import make_demo_sessions

    return make_demo_sessions(seed_protocol, case="Borne", respondents=4, minutes=45, seed=3)


SessionMaker = Callable[..., Session]


@pytest.fixture(scope="session")
def hand_protocol() -> InterviewProtocol:
    """The hand-built seed-000 equivalent, whose short question texts the tests assert on."""
    return built_protocol()


@pytest.fixture
def make_session(hand_protocol: InterviewProtocol) -> SessionMaker:
    """Build a session by hand: ``make_session(notes={qid: text}, finish=True, ...)``."""
    seed_protocol = hand_protocol

    def make(
        notes: dict[str, str] | None = None,
        *,
        answers: dict[str, str] | None = None,
        parts: dict[str, dict[str, str]] | None = None,
        tags: dict[str, list[str]] | None = None,
        speakers: dict[str, str] | None = None,
        turns: dict[str, list[tuple[str, str]]] | None = None,
        order: list[str] | None = None,
        finish: bool = True,
        case: str = "Borne",
        respondent: str = "1.1",
        participants: tuple[str, ...] = (),
    ) -> Session:
        clock = FakeClock()
        session = new_session(
            seed_protocol,
            case=case,
            respondent=respondent,
            interviewer="Onderzoeker",
            mode=SessionMode.GROUP if participants else SessionMode.INDIVIDUAL,
            participants=participants,
            clock=clock,
        )
        rec = SessionRecorder(session, clock=clock)
        rec.confirm_consent("opname")
        rec.start()
        notes, answers, parts = notes or {}, answers or {}, parts or {}
        tags, speakers = tags or {}, speakers or {}
        turns = turns or {}
        ids = order or list(dict.fromkeys([*notes, *answers, *parts, *turns]))
        for qid in ids:
            clock.now += 60
            rec.show_question(qid)
            if qid in speakers:
                rec.set_speaker(qid, speakers[qid])
            if qid in answers:
                rec.set_quick_answer(qid, answers[qid])
            if qid in notes:
                rec.set_notes(qid, notes[qid])
            for n, (speaker, text) in enumerate(turns.get(qid, [])):
                # as typed live: the first speaker chosen, later ones each a new turn
                clock.now += 20
                if n == 0:
                    rec.set_speaker(qid, speaker)
                else:
                    rec.start_turn(qid, speaker)
                rec.set_notes(qid, session.record(qid).notes + text)
            for part, text in parts.get(qid, {}).items():
                rec.set_part(qid, part, text)
            for tag in tags.get(qid, []):
                rec.tag(qid, tag)
            clock.now += 60
        if finish:
            rec.finish()
        return session

    return make


def reopen(data: bytes) -> Document:
    """A docx from bytes (tests assert on the reopened document, never on bytes)."""
    return Document(io.BytesIO(data))


def styled(doc: Document) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph."""
    return [(p.style.name, p.text) for p in doc.paragraphs]


XSD = SHARED_DIR / "refi-qda" / "Project.xsd"


@pytest.fixture(scope="session")
def schema() -> etree.XMLSchema | None:
    """The REFI-QDA schema, or None where the shared folder is absent (offsets are still
    checked then; ``test_schema_is_available`` records the skip with its reason)."""
    if not XSD.exists():
        return None
    return etree.XMLSchema(etree.parse(str(XSD)))


def assert_valid(schema: etree.XMLSchema | None, root: etree._Element) -> None:
    """Validate against Project.xsd when it is there."""
    if schema is not None:
        schema.assertValid(root)


_LINE_NUMBER = re.compile(r"(^|\n)\t(\d+)\t")


def unnumbered(text: str) -> str:
    """A transcript paragraph as python-docx reads it, without the line numbers the tool
    writes in front of every line (``export.transcript_lines``) and with its line breaks
    as spaces."""
    return " ".join(_LINE_NUMBER.sub(r"\1", text).split("\n"))
