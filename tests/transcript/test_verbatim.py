"""Verbatim blocks and the coded source that the exporters use."""

from __future__ import annotations

from interviewer.domain.session import Session
from interviewer.transcript import (
    Target,
    parse_transcript,
    segment_line,
    verbatim_blocks,
    verbatim_source,
)
from interviewer.transcript.service import move_segment, new_transcript

from .helpers import WRITERS, Line

LINES = [
    Line(15, 20, "Interviewer", "Hoe verloopt de samenwerking?"),  # session -15: outside
    Line(45, 60, "Respondent", "Prima, we zien elkaar wekelijks."),  # 15 sw-1
    Line(165, 180, "Respondent", "Kennis delen we in de teams."),  # 135 kn-1
    Line(395, 398, "Respondent", "En nog iets over samenwerking."),  # 365 sw-1 again
]


def _transcript(session: Session):
    result = parse_transcript(WRITERS["srt"][0](LINES), source="x.srt")
    return new_transcript(session, result, source_name="x.srt", offset=30)


def test_blocks_follow_the_interview_and_merge_revisits(session: Session) -> None:
    blocks = verbatim_blocks(session, _transcript(session))
    assert [(b.target, [s.number for s in b.segments]) for b in blocks] == [
        (Target(None, "overig"), [1]),
        (Target("sw-1", "samenwerking"), [2, 4]),
        (Target("kn-1", "kennis"), [3]),
    ]
    assert blocks[1].start == 15.0


def test_moves_change_the_blocks(session: Session) -> None:
    transcript = _transcript(session)
    move_segment(transcript, 1, Target("sw-1", "samenwerking"))
    blocks = verbatim_blocks(session, transcript)
    assert [b.question_id for b in blocks] == ["sw-1", "kn-1"]
    assert [s.number for s in blocks[0].segments] == [1, 2, 4]


def test_segment_lines_in_both_styles(session: Session) -> None:
    item = verbatim_blocks(session, _transcript(session))[1].segments[0]
    assert (
        segment_line(item, style="maxqda") == "#00:00:45-0# 1.1: Prima, we zien elkaar wekelijks."
    )
    assert segment_line(item, style="bracket", session_time=True).startswith("[00:00:15] 1.1:")
    assert segment_line(item, style=None, lang="nl") == "1.1: Prima, we zien elkaar wekelijks."
    first = verbatim_blocks(session, _transcript(session))[0].segments[0]
    assert segment_line(first, style=None, lang="nl").startswith("Interviewer: Hoe")


def test_source_selections_pick_out_each_block(session: Session) -> None:
    source = verbatim_source(session, _transcript(session), style="bracket")
    assert [s.target.code for s in source.selections] == ["overig", "samenwerking", "kennis"]
    texts = [source.text[s.start : s.end] for s in source.selections]
    assert texts[0] == "[00:00:15] Interviewer: Hoe verloopt de samenwerking?"
    assert texts[1] == (
        "[00:00:45] 1.1: Prima, we zien elkaar wekelijks.\n"
        "[00:06:35] 1.1: En nog iets over samenwerking."
    )
    assert source.text.startswith("Overige interessante informatie\n[00:00:15]")
    assert "Hoe verloopt de samenwerking?\n[00:00:45]" in source.text
