"""Turns of a group interview: paragraphs, keeping turns aligned while typing, the one-key
speaker action, and reading format-1 sessions (one speaker per question)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.recorder import RecorderError, SessionRecorder, SpeakerChange
from interviewer.domain.session import EventKind, Session, SessionMode, session_to_json_dict
from interviewer.domain.session_factory import new_session
from interviewer.domain.turns import (
    INTERVIEWER_SPEAKER,
    Turn,
    paragraph_at,
    paragraph_spans,
    paragraph_texts,
    realign,
    rematch,
    spoken_paragraphs,
)
from interviewer.export.text import clean_text, paragraphs_of
from interviewer.transcript.model import INTERVIEWER
from tests.fake_clock import FakeClock


def speakers(turns: list[Turn]) -> list[str]:
    return [t.speaker for t in turns]


# --- paragraphs ----------------------------------------------------------------------------


def test_paragraphs_are_blocks_between_blank_lines() -> None:
    text = "Eerste regel\nnog steeds eerste.\n\n  \nTweede.\n\n\nDerde."
    assert paragraph_texts(text) == ["Eerste regel\nnog steeds eerste.", "Tweede.", "Derde."]
    assert not any(s.open for s in paragraph_spans(text))


@pytest.mark.parametrize(
    ("text", "count", "open_at"),
    [("", 1, 0), ("   ", 1, 0), ("Een.\n\n", 2, 6), ("Een.\n\n  ", 2, 6), ("Een.\n", 1, None)],
)
def test_the_open_paragraph(text: str, count: int, open_at: int | None) -> None:
    """An empty note, or one ending in a blank line, has an empty paragraph to type into."""
    spans = paragraph_spans(text)
    assert len(spans) == count
    opened = [s.start for s in spans if s.open]
    assert opened == ([] if open_at is None else [open_at])
    assert opened == [] or spans[-1].open


def test_paragraph_at_cursor() -> None:
    text = "Een.\n\nTwee.\n\nDrie."
    assert [paragraph_at(text, n) for n in (0, 4, 5, 6, 11, 13, len(text))] == [0, 0, 0, 1, 1, 2, 2]


_note_chars = st.sampled_from(list("ab \n\r\t\x0b\x0c\x1c\x85\u2028\u00a0.é"))


@settings(max_examples=400, deadline=None)
@given(st.text(_note_chars, max_size=30))
def test_paragraphs_agree_with_the_exports(text: str) -> None:
    """The recorder's paragraphs are exactly the exports' paragraphs, for any text."""
    mine = [clean_text(p).strip() for p in paragraph_texts(text)]
    assert mine == paragraphs_of(text)


@settings(max_examples=400, deadline=None)
@given(st.text(_note_chars, max_size=20), st.text(_note_chars, max_size=20))
def test_realign_always_gives_one_turn_per_paragraph(old: str, new: str) -> None:
    turns = [Turn(speaker=f"P{n}", at=float(n)) for n in range(len(paragraph_spans(old)))]
    aligned = realign(old, new, turns, 99.0)
    assert len(aligned) == len(paragraph_spans(new))
    kept = [t for t in aligned if t.at != 99.0]
    assert [t.at for t in kept] == sorted(t.at for t in kept)  # order is never shuffled


# --- keeping turns aligned --------------------------------------------------------------


def type_text(old: str, pos: int, typed: str, turns: list[Turn], at: float) -> list[Turn]:
    """Type ``typed`` at ``pos`` one character at a time (as the editor reports it)."""
    text = old
    for n, ch in enumerate(typed):
        new = text[: pos + n] + ch + text[pos + n :]
        turns = realign(text, new, turns, at)
        text = new
    return turns


def test_typing_keeps_every_paragraph_its_speaker() -> None:
    old = "Het SWT is ontstaan.\n\nEerst alleen jeugd."
    turns = [Turn(speaker="2.2", at=10.0), Turn(speaker="2.3", at=20.0)]
    # typing inside the first paragraph, at its start, and at the end of the second
    assert type_text(old, 8, " ooit", turns, 30.0) == turns
    assert type_text(old, 0, "Zo: ", turns, 30.0) == turns
    assert type_text(old, len(old), " Later ook", turns, 30.0) == turns
    # typing at the start of the second paragraph keeps it 2.3's
    assert type_text(old, 22, "Ja, ", turns, 30.0) == turns


def test_new_split_merged_and_deleted_paragraphs() -> None:
    a, b = Turn(speaker="2.2", at=10.0), Turn(speaker="2.3", at=20.0)
    old = "Een twee.\n\nDrie."
    # Enter Enter at the end opens a paragraph for the last speaker, started now
    assert realign(old, old + "\n\n", [a, b], 30.0) == [a, b, Turn(speaker="2.3", at=30.0)]
    # a blank line typed inside the first paragraph splits it; the second half is 2.2's too
    split = "Een\n\n twee.\n\nDrie."
    assert realign(old, split, [a, b], 30.0) == [a, Turn(speaker="2.2", at=30.0), b]
    # removing the blank line merges the paragraphs into the first one's turn
    assert realign(old, "Een twee.\nDrie.", [a, b], 30.0) == [a]
    # deleting the first paragraph keeps the second's turn
    assert realign(old, "Drie.", [a, b], 30.0) == [b]
    # a paragraph inserted above one that exists does not take over its turn
    inserted = "Een twee.\n\nNieuw.\n\nDrie."
    assert speakers(realign(old, inserted, [a, b], 30.0)) == ["2.2", "2.2", "2.3"]
    assert realign(old, inserted, [a, b], 30.0)[2] == b


def test_a_note_without_turns_stays_without() -> None:
    assert realign("Een.", "Een.\n\nTwee.", [], 5.0) == []


def test_spoken_paragraphs_leave_the_open_paragraph_out() -> None:
    turns = [Turn(speaker="2.2", at=1.0), Turn(speaker="interviewer", at=2.0)]
    assert spoken_paragraphs("Een.\n\n", turns, "2") == [("2.2", "Een.")]
    assert spoken_paragraphs("Een.\n\nTwee.\n\nDrie.", turns[:1], "2") == [
        ("2.2", "Een."),
        ("2.2", "Twee."),
        ("2.2", "Drie."),
    ]
    assert spoken_paragraphs("Een.", [], "2") == [("2", "Een.")]


def test_interviewer_code_matches_the_transcripts() -> None:
    assert INTERVIEWER_SPEAKER == INTERVIEWER


# --- the recorder --------------------------------------------------------------------------


@pytest.fixture
def group(protocol: InterviewProtocol, clock: FakeClock) -> SessionRecorder:
    session = new_session(
        protocol,
        case="Borne",
        respondent="2",
        mode=SessionMode.GROUP,
        participants=["2.1", "2.2", "2.3"],
        clock=clock,
    )
    recorder = SessionRecorder(session, clock=clock)
    recorder.confirm_consent("opname")
    recorder.start()
    recorder.show_question("ervaring-2")
    return recorder


def typed(recorder: SessionRecorder, text: str) -> None:
    """Type ``text`` at the end of the current note, one keystroke per set_notes."""
    record = recorder.session.record(recorder.session.current_question_id or "")
    for ch in text:
        recorder.set_notes(None, record.notes + ch)


def test_speakers_take_turns_with_one_key(group: SessionRecorder, clock: FakeClock) -> None:
    record = group.session.record("ervaring-2")
    change = group.speaker_key(None, "2.2")
    assert not change.started and record.notes == ""
    clock.advance(5)
    typed(group, "Het SWT is ontstaan.")
    clock.advance(20)
    change = group.speaker_key(None, "2.3")
    assert change.started and change.text == "Het SWT is ontstaan.\n\n"
    assert change.cursor == len(change.text) and change.paragraph == 1
    clock.advance(2)
    typed(group, "Vult aan: eerst alleen jeugd.")
    change = group.speaker_key(None, INTERVIEWER_SPEAKER)
    typed(group, "Vraagt door.")
    assert paragraph_texts(record.notes) == [
        "Het SWT is ontstaan.",
        "Vult aan: eerst alleen jeugd.",
        "Vraagt door.",
    ]
    assert speakers(record.turns) == ["2.2", "2.3", "interviewer"]
    starts = [t.at for t in record.turns]
    assert starts[0] < starts[1] < starts[2]
    assert record.speaker == "2.2"
    started = [e for e in group.session.timeline if e.kind is EventKind.TURN_STARTED]
    assert [e.value for e in started] == ["2.3", "interviewer"]


def test_the_key_inside_a_paragraph_corrects_its_speaker(group: SessionRecorder) -> None:
    group.set_speaker(None, "2.1")
    typed(group, "Een.")
    group.start_turn(None, "2.2")
    typed(group, "Twee.")
    record = group.session.record("ervaring-2")
    change = group.speaker_key(None, "2.3", cursor=1)
    assert not change.started and change.paragraph == 0 and change.cursor == 1
    assert speakers(record.turns) == ["2.3", "2.2"]
    assert record.notes == "Een.\n\nTwee."
    # pressing again in the empty paragraph after start_turn relabels it, no second paragraph
    group.speaker_key(None, "2.1")
    group.speaker_key(None, "2.3")
    assert record.notes == "Een.\n\nTwee.\n\n" and speakers(record.turns) == ["2.3", "2.2", "2.3"]


def test_text_typed_before_any_speaker(group: SessionRecorder) -> None:
    """The first speaker chosen for a note labels what was typed (as format 1 did); a new
    turn started on an unlabelled note leaves the earlier text to the group's code."""
    typed(group, "Een.\n\nTwee.")
    group.set_speaker(None, "2.1")
    record = group.session.record("ervaring-2")
    assert speakers(record.turns) == ["2.1", "2.1"]
    group.show_question("ervaring-4")
    typed(group, "Drie.")
    group.speaker_key(None, "2.2")
    assert speakers(group.session.record("ervaring-4").turns) == ["2", "2.2"]


def test_bad_speakers_and_paragraphs_are_refused(group: SessionRecorder) -> None:
    with pytest.raises(RecorderError, match="not a participant"):
        group.speaker_key(None, "9.9")
    with pytest.raises(RecorderError, match="no paragraph 3"):
        group.set_turn_speaker(None, 2, "2.1")
    group.set_speaker(None, "2.1")
    group.set_speaker(None, None)
    assert group.session.record("ervaring-2").turns == []


def test_individual_sessions_have_no_turns(started: SessionRecorder) -> None:
    started.show_question("ervaring-2")
    typed(started, "Een.\n\nTwee.")
    record = started.session.record("ervaring-2")
    assert record.turns == [] and record.speaker is None
    # the speaker actions check the code and store nothing: one speaker, the respondent
    events = len(started.session.timeline)
    started.set_speaker(None, "1.1")
    started.set_turn_speaker(None, 0, "1.1")
    assert started.start_turn(None, "1.1") == "Een.\n\nTwee."
    change = started.speaker_key(None, INTERVIEWER_SPEAKER, cursor=2)
    assert change == SpeakerChange("Een.\n\nTwee.", 2, 0, False)
    assert record.turns == [] and record.notes == "Een.\n\nTwee."
    assert len(started.session.timeline) == events
    with pytest.raises(RecorderError, match="not a participant"):
        started.set_speaker(None, "9.9")


def test_format_1_individual_session_gets_no_turns(started: SessionRecorder) -> None:
    started.show_question("ervaring-2")
    typed(started, "Een.")
    data = format_1(started.session, "1.1")
    assert Session.model_validate(data).records["ervaring-2"].turns == []


def test_timeline_never_holds_note_text(group: SessionRecorder) -> None:
    group.speaker_key(None, "2.2")
    typed(group, "Geheim antwoord.")
    group.speaker_key(None, "2.3")
    assert all("Geheim" not in (e.value or "") for e in group.session.timeline)


# --- format 1 -> 2 -------------------------------------------------------------------------


def format_1(session: Session, speaker: str | None) -> dict:
    """The session as format 1 wrote it: a ``speaker`` per record, no ``turns``."""
    data = session_to_json_dict(session)
    data["format"] = 1
    for record in data["records"].values():
        record.pop("turns")
        record["speaker"] = speaker
    return data


def test_format_1_speaker_becomes_every_paragraphs_speaker(group: SessionRecorder) -> None:
    typed(group, "Een.\n\nTwee.")
    loaded = Session.model_validate(format_1(group.session, "2.3"))
    record = loaded.records["ervaring-2"]
    assert loaded.format == 2
    assert speakers(record.turns) == ["2.3", "2.3"]
    assert {t.at for t in record.turns} == {record.first_edit_at}
    assert Session.model_validate(format_1(group.session, None)).records["ervaring-2"].turns == []


def test_format_2_refuses_the_old_field(group: SessionRecorder) -> None:
    typed(group, "Een.")
    data = format_1(group.session, "2.3")
    data["format"] = 2
    with pytest.raises(ValueError, match="speaker"):
        Session.model_validate(data)


def test_turns_survive_a_round_trip(group: SessionRecorder) -> None:
    group.speaker_key(None, "2.2")
    typed(group, "Een.")
    group.speaker_key(None, "2.3")
    again = Session.model_validate(session_to_json_dict(group.session))
    assert again == group.session
    assert speakers(again.records["ervaring-2"].turns) == ["2.2", "2.3"]


# --- a text replaced as a whole (member check) -----------------------------------------------

A, B, C, D = (Turn(speaker=code, at=float(n)) for n, code in enumerate(["2.1", "2.2", "2.3", "2"]))
FOUR = (
    "Het SWT is ontstaan uit de wijkteams.\n\n"
    "Vult aan: eerst alleen jeugd, later ook volwassenen.\n\n"
    "Dat klopt niet helemaal, de gemeente wilde het zo.\n\n"
    "Sindsdien werken we met één loket."
)


def test_rematch_unchanged_text_keeps_every_turn() -> None:
    assert rematch(FOUR, FOUR, [A, B, C, D]) == [A, B, C, D]
    # whitespace as the exports clean it does not count as a change
    assert rematch(FOUR, FOUR.replace(" wilde ", "  wilde\n"), [A, B, C, D]) == [A, B, C, D]


def test_rematch_removed_paragraph_does_not_shift_later_speakers() -> None:
    paragraphs = FOUR.split("\n\n")
    removed = "\n\n".join([paragraphs[0], paragraphs[2], paragraphs[3]])
    assert rematch(FOUR, removed, [A, B, C, D]) == [A, C, D]
    # removed and the next one rewritten: the rewrite is still 2.3's, not 2.2's
    rewritten = "\n\n".join(
        [paragraphs[0], "Dat klopt niet, de gemeente wilde het zo.", paragraphs[3]]
    )
    assert rematch(FOUR, rewritten, [A, B, C, D]) == [A, C, D]


def test_rematch_merged_changed_and_inserted_paragraphs() -> None:
    paragraphs = FOUR.split("\n\n")
    merged = "\n\n".join([paragraphs[0], paragraphs[1] + " " + paragraphs[2], paragraphs[3]])
    assert rematch(FOUR, merged, [A, B, C, D]) == [A, B, D]
    # one paragraph rewritten beyond recognition is still the one it replaced
    changed = "\n\n".join([paragraphs[0], "Iets heel anders.", paragraphs[2], paragraphs[3]])
    assert rematch(FOUR, changed, [A, B, C, D]) == [A, B, C, D]
    # an inserted paragraph takes the speaker (and start) of the paragraph before it
    inserted = "\n\n".join([paragraphs[0], "Nieuw toegevoegd.", *paragraphs[1:]])
    assert rematch(FOUR, inserted, [A, B, C, D]) == [A, A, B, C, D]
    assert rematch(FOUR, "Vooraf.\n\n" + FOUR, [A, B, C, D]) == [A, A, B, C, D]


def test_rematch_edge_cases() -> None:
    assert rematch(FOUR, "Anders.", []) == []
    assert rematch(FOUR, "", [A, B, C, D]) == [A]  # the empty note's open paragraph
    assert rematch("Een.\n\n", "Een.\n\nTwee.", [A, B]) == [A, A]
    assert rematch("", "Een.", [B]) == [B]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Een.", "Twee twee.", "Drie drie drie.", "Vier.", "x"]), max_size=6),
    st.lists(st.sampled_from(["Een.", "Twee twee.", "Drie drie drie.", "Vijf.", "y"]), max_size=6),
)
def test_rematch_gives_one_turn_per_paragraph_in_order(old: list[str], new: list[str]) -> None:
    old_text, new_text = "\n\n".join(old), "\n\n".join(new)
    turns = [Turn(speaker=f"P{n}", at=float(n)) for n in range(len(paragraph_spans(old_text)))]
    matched = rematch(old_text, new_text, turns)
    assert len(matched) == len(paragraph_spans(new_text))
    assert [t.at for t in matched] == sorted(t.at for t in matched)
