"""The verbatim view's detail line: recording time and the interview clock (pauses out)."""

from __future__ import annotations

from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session_factory import new_session
from interviewer.i18n import Translator
from interviewer.transcript import Segment, Transcript
from interviewer.tui.verbatim import notes_text, verbatim_rows
from tests.domain.conftest import build_protocol
from tests.fake_clock import FakeClock


def test_the_verbatim_view_gives_the_interview_clock_without_pauses() -> None:
    """The segment's detail line says where it is in the recording and on the interview
    clock as the pace bar counts it (pauses left out), which here are the same."""
    clock = FakeClock()
    protocol = build_protocol()
    recorder = SessionRecorder(
        new_session(protocol, case="Borne", respondent="1.1", clock=clock), clock=clock
    )
    recorder.confirm_consent("opname")
    recorder.start()
    recorder.show_question("ervaring-2")
    clock.advance(10)
    recorder.pause()
    clock.advance(60)
    recorder.resume()  # session second 70, interview clock 10
    transcript = Transcript(
        session_id=recorder.session.id, segments=[Segment(75.0, 78.0, "Na de pauze.")]
    )
    row = next(r for r in verbatim_rows(recorder.session, transcript) if r.item is not None)
    shown = notes_text(recorder.session, transcript, row, Translator("en")).plain
    assert "recording 00:01:15 · interview clock 00:00:15" in shown
