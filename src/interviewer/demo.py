"""Realistic finished demo sessions: try every export without running an interview.

Each demo interview is *played* through the real ``SessionRecorder`` with a simulated clock:
consent, topics in mostly planned order (one out of order, sometimes a short return to an
earlier topic), a pause, quick answers (including 'no', so follow-ups fire), notes typed in
chunks, BP/KP parts, flags, tags to other variables, speakers in group mode, closing answers
and fake e-mail addresses in the key record. Same arguments and seed, same sessions.

Length: about ``100 + 50 * participants`` words per interview minute, so a two-hour group
interview with three participants has about 30,000 words (a verbatim-style record).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from interviewer.demo_text import NoteWriter
from interviewer.domain.codes import suggest_next_code
from interviewer.domain.estimates import make_plan
from interviewer.domain.protocol import AnswerType, InterviewProtocol, Question, QuestionKind
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import Flag, KeyRecord, Session, SessionMode
from interviewer.domain.session_factory import new_session
from interviewer.domain.turns import INTERVIEWER_SPEAKER

DEFAULT_START = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
WORDS_PER_MINUTE_BASE = 100
WORDS_PER_MINUTE_PER_PARTICIPANT = 50
CHUNK_WORDS = 40
"""Notes are "typed" in chunks of about this many words, each at its own moment."""

ROLES = {
    "nl": (
        "Wmo-consulent",
        "Coördinator",
        "Jeugdconsulent",
        "Schuldhulpverlener",
        "Wijkverpleegkundige",
        "Maatschappelijk werker",
        "Participatiecoach",
    ),
    "en": (
        "Social support officer",
        "Coordinator",
        "Youth worker",
        "Debt counsellor",
        "District nurse",
        "Social worker",
        "Employment coach",
    ),
}
NAMES = (
    "Anja de Vries",
    "Mark Jansen",
    "Fatima El Amrani",
    "Joost Bakker",
    "Ingrid Smit",
    "Kees Visser",
    "Samira Bouzid",
    "Ellen Mulder",
    "Ruud Bos",
    "Priya Ramdin",
    "Thomas Peters",
    "Linda Hendriks",
)


@dataclass(frozen=True)
class DemoSession:
    """A finished demo session and its key record (fake personal data, stored apart)."""

    session: Session
    key: KeyRecord


class _SimClock:
    """The simulated wall clock the recorder reads."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += max(0.0, seconds)


def words_per_minute(participants: int) -> int:
    """Words recorded per interview minute for a number of participants."""
    return WORDS_PER_MINUTE_BASE + WORDS_PER_MINUTE_PER_PARTICIPANT * max(1, participants)


def make_demo(
    protocol: InterviewProtocol,
    *,
    case: str,
    respondents: int,
    minutes: float | None = None,
    participants: int = 1,
    seed: int = 0,
    start: dt.datetime | None = None,
    case_number: int | None = None,
    existing_codes: Iterable[str] = (),
) -> list[DemoSession]:
    """``respondents`` finished sessions with their key records; deterministic for ``seed``.

    Codes continue after ``existing_codes`` as ``<case number>.<n>``; the case number is
    ``case_number``, else taken from the existing codes, else 1. Interviews are one day
    apart from ``start`` (default 2 March 2026, 09:30 UTC).
    """
    if respondents < 0:
        raise ValueError(f"respondents must be 0 or more, not {respondents}")
    if participants < 1:
        raise ValueError(f"participants must be 1 or more, not {participants}")
    if minutes is not None and minutes <= 0:
        raise ValueError(f"minutes must be more than 0, not {minutes}")
    codes = [c.strip() for c in existing_codes]
    first = (start or DEFAULT_START).timestamp()
    made: list[DemoSession] = []
    for index in range(respondents):
        code = suggest_next_code(codes, case_number=case_number)
        codes.append(code)
        rng = random.Random(f"interviewer-demo:{seed}:{case}:{code}:{index}")
        day = first + index * 86_400 + rng.randrange(0, 6) * 1_800
        made.append(
            _Interview(
                protocol,
                rng,
                case=case,
                code=code,
                start=day,
                minutes=minutes or protocol.duration_minutes,
                participants=participants,
            ).play()
        )
    return made


def make_demo_sessions(
    protocol: InterviewProtocol,
    *,
    case: str,
    respondents: int,
    minutes: float | None = None,
    participants: int = 1,
    seed: int = 0,
    start: dt.datetime | None = None,
    case_number: int | None = None,
    existing_codes: Iterable[str] = (),
) -> list[Session]:
    """Like ``make_demo`` but only the sessions (no key records)."""
    return [
        demo.session
        for demo in make_demo(
            protocol,
            case=case,
            respondents=respondents,
            minutes=minutes,
            participants=participants,
            seed=seed,
            start=start,
            case_number=case_number,
            existing_codes=existing_codes,
        )
    ]


class _Interview:
    """One simulated interview, played through the recorder."""

    def __init__(
        self,
        protocol: InterviewProtocol,
        rng: random.Random,
        *,
        case: str,
        code: str,
        start: float,
        minutes: float,
        participants: int,
    ) -> None:
        self.protocol = protocol
        self.rng = rng
        self.minutes = minutes
        self.clock = _SimClock(start - rng.randrange(2, 20) * 60)
        self.lang = protocol.language
        self.writer = NoteWriter(self.lang, rng)
        group = participants > 1
        self.group = group
        advance = None
        if protocol.introduction.checklist and rng.random() < 0.3:
            advance = (dt.datetime.fromtimestamp(start, tz=dt.UTC) - dt.timedelta(days=7)).date()
        session = new_session(
            protocol,
            case=case,
            respondent=code,
            role=rng.choice(ROLES[self.lang]),
            interviewer="Demo",
            mode=SessionMode.GROUP if group else SessionMode.INDIVIDUAL,
            participants=[f"R{n}" for n in range(1, participants + 1)] if group else (),
            location=("Gemeentehuis " if self.lang == "nl" else "Town hall, ") + case,
            advance_consent=advance,
            language=self.lang,
            session_id=f"demo-{rng.getrandbits(40):010x}",
            clock=self.clock,
        )
        self.key = KeyRecord(
            session_id=session.id, respondent=code, name=rng.choice(NAMES), function=session.role
        )
        self.rec = SessionRecorder(session, clock=self.clock, key=self.key)
        self.session = session
        self.plan = make_plan(protocol)
        self.total_words = minutes * words_per_minute(participants) * rng.uniform(0.96, 1.04)

    # --- the script of the interview --------------------------------------------------
    def _answers(self) -> dict[str, str]:
        """Quick answers decided up front, with at least one 'no' when there is a yes/no."""
        answers: dict[str, str] = {}
        yes_no: list[str] = []
        for question in self.protocol.all_questions():
            allowed = question.answer.allowed_values()
            if not allowed:
                continue
            if question.answer.type is AnswerType.YES_NO:
                yes_no.append(question.id)
                answers[question.id] = "no" if self.rng.random() < 0.35 else "yes"
            else:
                answers[question.id] = self.rng.choice(allowed)
        if yes_no and "no" not in (answers[q] for q in yes_no):
            answers[self.rng.choice(yes_no)] = "no"
        return answers

    def _topic_order(self) -> list[str]:
        order = [t.id for t in self.protocol.topics]
        if len(order) >= 3:
            i = self.rng.randrange(1, len(order) - 1)
            order[i], order[i + 1] = order[i + 1], order[i]
        elif len(order) == 2:
            order.reverse()
        return order

    def _wanted(self, question: Question, answers: dict[str, str]) -> str:
        """'ask', 'skip' or 'leave' for a question, given the planned answers."""
        if question.kind is QuestionKind.MAIN:
            return "skip" if self.rng.random() < 0.03 else "ask"
        if question.kind is QuestionKind.FOLLOW_UP:
            if question.show_when is not None:
                trigger = answers.get(question.show_when.question)
                return "ask" if trigger in question.show_when.answers() else "leave"
            return "ask" if self.rng.random() < 0.3 else "leave"
        roll = self.rng.random()
        return "ask" if roll < 0.6 else ("skip" if roll < 0.8 else "leave")

    def play(self) -> DemoSession:
        """Run the whole interview and return the finished session with its key record."""
        rng, rec = self.rng, self.rec
        answers = self._answers()
        script: list[tuple[str, str, str | None]] = []  # (action, question id, answer)
        for topic_id in self._topic_order():
            for question in self.protocol.topic(topic_id).questions:
                decision = self._wanted(question, answers)
                if decision != "leave":
                    script.append((decision, question.id, answers.get(question.id)))
        steps = [(qid, answer) for action, qid, answer in script if action == "ask"]
        closing = [(q.id, None) for q in self.protocol.closing.questions]
        durations = self._durations([*steps, *closing])
        words = self._words(durations)

        if self.session.advance_consent is None:
            for item in self.protocol.introduction.checklist:
                self.clock.advance(rng.uniform(8, 25))
                rec.confirm_consent(item.id)
        self.clock.advance(rng.uniform(30, 120))
        rec.start()
        self.clock.advance(rng.uniform(60, 180))  # the introduction script
        third = len(steps) // 3
        pause_after = rng.randrange(third, max(third + 1, 2 * third))
        n = 0
        for action, qid, answer in script:
            if action == "skip":
                self.clock.advance(rng.uniform(2, 6))
                rec.skip(qid)
                continue
            self._ask(qid, answer, durations[n], words[n])
            if n == pause_after:
                rec.pause()
                self.clock.advance(rng.uniform(3, 9) * 60)
                rec.resume()
            n += 1
        if steps and rng.random() < 0.5:
            self._revisit(steps)
        rec.enter_closing()
        for m, (qid, _none) in enumerate(closing, start=len(steps)):
            self._ask(qid, None, durations[m], words[m])
        for field in self.protocol.closing.fields:
            self.clock.advance(rng.uniform(10, 40))
            rec.set_closing_field(field.id, self._email(field.purpose))
        self.clock.advance(rng.uniform(20, 60))
        rec.finish()
        return DemoSession(self.session, self.key)

    def _durations(self, steps: Sequence[tuple[str, str | None]]) -> list[float]:
        """Seconds per step: the plan's estimate, jittered, scaled to the interview length."""
        raw = [max(self.plan.question(qid), 30.0) * self.rng.uniform(0.6, 1.5) for qid, _ in steps]
        target = self.minutes * 60.0 * self.rng.uniform(0.95, 1.03) - 150.0
        scale = target / sum(raw) if raw and sum(raw) > 0 else 1.0
        return [r * scale for r in raw]

    def _words(self, durations: Sequence[float]) -> list[int]:
        total = sum(durations) or 1.0
        return [max(8, round(self.total_words * d / total)) for d in durations]

    def _keyword(self, qid: str) -> str:
        topic = self.rec.topic_of(qid)
        if topic is None:
            return "de samenwerking" if self.lang == "nl" else "the cooperation"
        return topic.variable.lower()

    def _ask(self, qid: str, answer: str | None, seconds: float, words: int) -> None:
        """Show a question, answer it, and type its notes in chunks over ``seconds``."""
        rng, rec = self.rng, self.rec
        rec.show_question(qid)
        question = rec.question(qid)
        if len(self.session.speaker_codes()) > 1 or rng.random() < 0.1:
            speaker = rng.choice(self.session.speaker_codes())
            if self.group:  # an individual interview has no turns (the draw keeps seeds stable)
                rec.set_speaker(qid, speaker)
        opening = self.writer.answer_opening(answer)
        if answer is not None:
            self.clock.advance(rng.uniform(3, 10))
            rec.set_quick_answer(qid, answer)
        sentences = self.writer.sentences(self._keyword(qid), words, opening)
        parts = [p.id for p in question.parts] if isinstance(question, Question) else []
        chunks = self._chunks(sentences)
        step = seconds / max(1, len(chunks))
        texts: dict[str | None, list[str]] = {}
        for i, chunk in enumerate(chunks):
            self.clock.advance(step)
            target = parts[i * len(parts) // len(chunks)] if parts else None
            done = texts.setdefault(target, [])
            if target is None and done and self.group:
                self._next_turn(qid, done)
            done.append(chunk)
            text = "\n\n".join(done)
            if target is None:
                rec.set_notes(qid, text)
            else:
                rec.set_part(qid, target, text)
        self._decorate(qid)

    def _next_turn(self, qid: str, done: list[str]) -> None:
        """In a group, another participant takes the word, now and then after a probe of
        the interviewer: each is a new turn (a new paragraph), begun as the interviewer
        would with one key. ``done`` (the note's paragraphs so far) gets the probe."""
        rng, rec = self.rng, self.rec
        if rng.random() < 0.3:
            return  # the same speaker goes on in a new paragraph
        current = self.session.record(qid).turns[-1].speaker
        if rng.random() < 0.15:
            rec.start_turn(qid, INTERVIEWER_SPEAKER)
            done.append(self.writer.probe(self._keyword(qid)))
            rec.set_notes(qid, "\n\n".join(done))
        codes = [c for c in self.session.speaker_codes() if c != current]
        rec.start_turn(qid, rng.choice(codes))

    def _chunks(self, sentences: list[str]) -> list[str]:
        """Group sentences into paragraphs of roughly ``CHUNK_WORDS`` words (and more)."""
        chunks: list[str] = []
        current: list[str] = []
        size = 0
        limit = CHUNK_WORDS * self.rng.uniform(0.7, 2.5)
        for sentence in sentences:
            current.append(sentence)
            size += len(sentence.split())
            if size >= limit:
                chunks.append(" ".join(current))
                current, size = [], 0
                limit = CHUNK_WORDS * self.rng.uniform(0.7, 2.5)
        if current:
            chunks.append(" ".join(current))
        return chunks

    def _decorate(self, qid: str) -> None:
        """Flags and tags, as an interviewer would add them now and then."""
        rng, rec = self.rng, self.rec
        for flag, chance in ((Flag.QUOTE, 0.12), (Flag.IMPORTANT, 0.06), (Flag.RETICENT, 0.04)):
            if rng.random() < chance:
                rec.toggle_flag(qid, flag)
        choices = rec.tag_choices(qid)
        if choices and rng.random() < (0.3 if rec.topic_of(qid) is None else 0.12):
            topics = [t.id for t in self.protocol.topics]
            rec.tag(qid, rng.choice([c for c in choices if c in topics] or choices))

    def _revisit(self, steps: Sequence[tuple[str, str | None]]) -> None:
        """Go back to an earlier question to add a sentence (a second visit to its topic)."""
        qid = self.rng.choice([q for q, _ in steps[: max(1, len(steps) // 2)]])
        self.rec.show_question(qid)
        self.clock.advance(self.rng.uniform(30, 90))
        record = self.session.record(qid)
        extra = self.writer.sentence(self._keyword(qid))
        question = self.rec.question(qid)
        if isinstance(question, Question) and question.parts:
            part = question.parts[-1].id
            self.rec.set_part(qid, part, (record.parts.get(part, "") + "\n\n" + extra).strip())
        else:
            self.rec.set_notes(qid, (record.notes + "\n\n" + extra).strip())

    def _email(self, purpose: str) -> str:
        slug = self.session.respondent.replace(".", "-")
        case = "".join(ch for ch in self.session.case.lower() if ch.isalnum()) or "case"
        if purpose == "report" and self.rng.random() < 0.4:
            return f"r{slug}.prive@example.net"
        return f"respondent-{slug}.{case}@example.org"
