"""Segments land on the question that was current when they were spoken."""

from __future__ import annotations

import datetime as dt

import pytest

from interviewer.domain.session import Session
from interviewer.transcript import (
    FORMATS,
    INTERVIEWER,
    Target,
    TranscriptError,
    align,
    map_speakers,
    parse_transcript,
)
from interviewer.transcript.service import (
    move_segment,
    new_transcript,
    resolve_target,
    set_offset,
)

from .conftest import EPOCH, out_of_order_session
from .helpers import WRITERS, Line

OFFSET = 30
"""The recording started 30 s before the interview clock."""

OTHER = Target(None, "overig")
# (session seconds, expected target, expected context)
EXPECTED = [
    (-20, OTHER, "outside"),  # introduction, before the clock started
    (5, OTHER, "outside"),  # clock running, no topic yet
    (15, Target("sw-1", "samenwerking"), "question"),
    (75, Target("sw-2", "samenwerking"), "question"),
    (135, Target("kn-1", "kennis"), "question"),  # jumped ahead to the last topic
    (200, OTHER, "pause"),
    (255, Target("kn-1", "kennis"), "question"),  # after the resume, same question
    (290, Target("os-1", "ondersteuning"), "question"),
    (345, Target(None, "samenwerking"), "topic"),  # back to topic 1, no question shown
    (365, Target("sw-1", "samenwerking"), "question"),  # revisited
    (405, OTHER, "closing"),
    (415, Target("aanvulling", "overig"), "closing"),
    (460, OTHER, "outside"),  # after the finish
]


def dialogue(offset: int = OFFSET) -> list[Line]:
    lines = []
    for i, (at, _target, _context) in enumerate(EXPECTED):
        who = "Interviewer" if i % 2 == 0 else "Respondent"
        lines.append(Line(at + offset, at + offset + 3, who, f"Fragment {i + 1}."))
    return lines


@pytest.mark.parametrize("fmt", FORMATS)
def test_out_of_order_and_paused_session_in_every_format(session: Session, fmt: str) -> None:
    writer, name = WRITERS[fmt]
    result = parse_transcript(writer(dialogue()), source=name)
    transcript = new_transcript(session, result, source_name=name, offset=OFFSET)
    aligned = align(session, transcript)
    assert [(a.target, a.context) for a in aligned] == [(t, c) for _, t, c in EXPECTED]
    assert [a.at for a in aligned] == [float(at) for at, _, _ in EXPECTED]
    assert {a.speaker for a in aligned} == {INTERVIEWER, "1.1"}


def test_offset_from_the_recording_start_time(session: Session) -> None:
    result = parse_transcript(WRITERS["srt"][0](dialogue()), source="x.srt")
    recording_start = dt.datetime.fromtimestamp(EPOCH - OFFSET, tz=dt.UTC).isoformat()
    transcript = new_transcript(
        session, result, source_name="x.srt", recording_start=recording_start
    )
    assert transcript.offset == pytest.approx(OFFSET)
    assert [a.target for a in align(session, transcript)] == [t for _, t, _ in EXPECTED]


def test_naive_recording_start_is_local_time(session: Session) -> None:
    result = parse_transcript(WRITERS["srt"][0](dialogue()), source="x.srt")
    local = dt.datetime.fromtimestamp(EPOCH - 90).replace(tzinfo=None).isoformat()
    transcript = new_transcript(session, result, source_name="x.srt", recording_start=local)
    assert transcript.offset == pytest.approx(90)


def test_offset_and_start_time_together_is_refused(session: Session) -> None:
    result = parse_transcript(WRITERS["srt"][0](dialogue()), source="x.srt")
    with pytest.raises(TranscriptError, match="either --offset or --recording-start"):
        new_transcript(session, result, source_name="x", offset=3, recording_start="2024-01-01")
    with pytest.raises(TranscriptError, match="ISO 8601"):
        new_transcript(session, result, source_name="x", recording_start="gisteren")


def test_manual_moves_survive_an_offset_change(session: Session) -> None:
    result = parse_transcript(WRITERS["vtt"][0](dialogue()), source="x.vtt")
    transcript = new_transcript(session, result, source_name="x.vtt", offset=OFFSET)
    move_segment(transcript, 5, resolve_target(session.protocol, "os-2"))
    move_segment(transcript, 6, resolve_target(session.protocol, "Kennisdeling"))
    set_offset(transcript, OFFSET + 60)  # everything now a minute earlier on the clock
    aligned = align(session, transcript)
    assert aligned[4].target == Target("os-2", "ondersteuning") and aligned[4].moved
    assert aligned[5].target == Target(None, "kennis") and aligned[5].moved
    # Unmoved segments followed the new offset: fragment 4 (75 s) is now at 15 s -> sw-1.
    assert aligned[3].at == 15.0 and aligned[3].target == Target("sw-1", "samenwerking")
    with pytest.raises(TranscriptError, match="no segment 99"):
        move_segment(transcript, 99, OTHER)


def test_targets_resolve_from_ids_and_names(session: Session) -> None:
    protocol = session.protocol
    assert resolve_target(protocol, "sw-2") == Target("sw-2", "samenwerking")
    assert resolve_target(protocol, "aanvulling") == Target("aanvulling", "overig")
    assert resolve_target(protocol, "kennis") == Target(None, "kennis")
    assert resolve_target(protocol, "overige interessante informatie") == OTHER
    with pytest.raises(TranscriptError, match=r"not a question or code.*sw-1"):
        resolve_target(protocol, "sw-9")


def test_individual_speakers_guessed_by_talking_time(session: Session) -> None:
    lines = [
        Line(40, 43, "SPEAKER_00", "Hoe verloopt de samenwerking?"),
        Line(44, 90, "SPEAKER_01", "Dat is een lang verhaal. " * 5),
        Line(100, 103, "SPEAKER_00", "Wat gaat er goed?"),
        Line(104, 150, "SPEAKER_01", "Heel veel. " * 5),
        Line(500, 600, "SPEAKER_02", "Na afloop, over het weer."),
    ]
    result = parse_transcript(WRITERS["whisper-json"][0](lines), source="x.json")
    transcript = new_transcript(session, result, source_name="x.json", offset=OFFSET)
    assert map_speakers(session, transcript) == {"SPEAKER_01": "1.1", "SPEAKER_00": INTERVIEWER}
    # An explicit mapping wins over the guess.
    transcript = new_transcript(
        session,
        result,
        source_name="x.json",
        offset=OFFSET,
        speaker_options=["speaker_02=1.1", "SPEAKER_01=interviewer"],
    )
    mapping = map_speakers(session, transcript)
    assert mapping["SPEAKER_02"] == "1.1" and mapping["SPEAKER_01"] == INTERVIEWER
    assert "SPEAKER_00" not in mapping  # both codes are taken; left for the user


def test_group_interview_maps_participants_and_finds_the_interviewer() -> None:
    group = out_of_order_session(mode="group", participants=["2.1", "2.2", "2.3"], respondent="2.1")
    # Recording started 10 s after the clock: offset -10.
    lines = [
        Line(5, 8, "SPEAKER_00", "Hoe verloopt de samenwerking?"),
        Line(9, 30, "SPEAKER_01", "Bij ons goed."),
        Line(31, 50, "SPEAKER_02", "Bij ons minder."),
        Line(62, 65, "SPEAKER_00", "Wat gaat er goed?"),
        Line(66, 100, "SPEAKER_03", "Het overleg."),
        Line(122, 125, "SPEAKER_00", "Hoe deelt u kennis?"),
        Line(126, 170, "SPEAKER_01", "Via het teamoverleg."),
        Line(272, 275, "SPEAKER_00", "Welke ondersteuning krijgt u?"),
        Line(276, 320, "SPEAKER_02", "Weinig."),
    ]
    result = parse_transcript(WRITERS["vtt"][0](lines), source="groep.vtt")
    transcript = new_transcript(
        group,
        result,
        source_name="groep.vtt",
        offset=-10,
        speaker_options=["SPEAKER_01=2.1", "SPEAKER_02=2.2", "SPEAKER_03=2.3"],
    )
    aligned = align(group, transcript)
    assert [a.speaker for a in aligned] == [
        INTERVIEWER,
        "2.1",
        "2.2",
        INTERVIEWER,
        "2.3",
        INTERVIEWER,
        "2.1",
        INTERVIEWER,
        "2.2",
    ]
    assert [a.question_id for a in aligned] == [
        "sw-1",
        "sw-1",
        "sw-1",
        "sw-2",
        "sw-2",
        "kn-1",
        "kn-1",
        "os-1",
        "os-1",
    ]
    # Without explicit mapping the interviewer is still found; participants stay labels.
    bare = new_transcript(group, result, source_name="groep.vtt", offset=-10)
    assert map_speakers(group, bare) == {"SPEAKER_00": INTERVIEWER}
    with pytest.raises(TranscriptError, match=r"not a participant.*2\.1, 2\.2, 2\.3"):
        new_transcript(group, result, source_name="g", speaker_options=["SPEAKER_01=9.9"])
    with pytest.raises(TranscriptError, match=r"no speaker 'Anna'.*SPEAKER_00"):
        new_transcript(group, result, source_name="g", speaker_options=["Anna=2.1"])
    with pytest.raises(TranscriptError, match="use LABEL=CODE"):
        new_transcript(group, result, source_name="g", speaker_options=["SPEAKER_01"])


def test_a_protocol_without_extra_codes_leaves_unplaced_speech_uncoded() -> None:
    from .conftest import make_protocol

    bare = make_protocol().model_copy(update={"extra_codes": []})
    session = out_of_order_session(bare)
    result = parse_transcript(WRITERS["srt"][0](dialogue()), source="x.srt")
    aligned = align(session, new_transcript(session, result, source_name="x", offset=OFFSET))
    assert aligned[0].target == Target(None, None)
    assert aligned[11].target == Target("aanvulling", None)
