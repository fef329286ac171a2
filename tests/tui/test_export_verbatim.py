"""The TUI export dialog offers the verbatim transcript like the CLI's --verbatim --stamps."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Select

from interviewer.demo import make_demo
from interviewer.store import SessionStore
from interviewer.transcript import TranscriptStore, parse_transcript
from interviewer.transcript.service import new_transcript
from tests.tui.conftest import FakeClock, app_for, build_protocol

SRT = """1
00:00:05,000 --> 00:00:09,000
1.1: Dit is letterlijk gezegd in het begin.

2
00:00:40,000 --> 00:00:44,000
1.1: En dit is later letterlijk gezegd.
"""


async def _export(app, pilot, session_id: str, fmt: str, source: str, folder: Path) -> str:
    sessions_list = app.screen.query_one("#sessions", OptionList)
    sessions_list.highlighted = sessions_list.get_option_index(session_id)
    await pilot.press("e")
    await pilot.pause()
    dialog = app.screen
    formats = dialog.query_one("#formats", OptionList)
    formats.highlighted = formats.get_option_index(fmt)
    dialog.query_one("#source", Select).value = source
    dialog.query_one("#folder", Input).value = str(folder)
    dialog.start_export()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return str(dialog.query_one("#export-result").render())


async def test_verbatim_export_with_maxqda_stamps(
    store: SessionStore, clock: FakeClock, tmp_path: Path
) -> None:
    with_text, without = (d.session for d in make_demo(build_protocol(), case="Borne",
                                                        respondents=2, minutes=30))  # fmt: skip
    for session in (with_text, without):
        store.create(session)
    parsed = parse_transcript(SRT, "srt", "opname.srt")
    TranscriptStore(store.data_dir).save(new_transcript(with_text, parsed, source_name="o.srt"))
    app = app_for(store, clock, None)
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.pause()
        done = await _export(app, pilot, with_text.id, "transcript-md", "maxqda", tmp_path / "a")
        assert "Written" in done
        (written,) = (tmp_path / "a").glob("*.md")
        text = written.read_text(encoding="utf-8")
        assert "Dit is letterlijk gezegd in het begin." in text
        assert "#00:00:09-0#" in text
        await pilot.press("escape")
        await pilot.pause()
        failed = await _export(app, pilot, without.id, "transcript-md", "bracket", tmp_path / "b")
    assert "Export failed" in failed and "transcript import" in failed
    assert not (tmp_path / "b").exists() or not list((tmp_path / "b").iterdir())
