"""Home and export dialog meet the member check: overdue transcripts are marked, and TUI
exports use the same options as the CLI (replacement list, final texts, approval states)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from interviewer.demo import make_demo
from interviewer.membercheck import workflow
from interviewer.membercheck.storage import ApprovalBook
from interviewer.pseudonym.replace import ReplacementList
from interviewer.pseudonym.storage import save_replacements
from interviewer.store import SessionStore
from tests.tui.conftest import FakeClock, app_for, build_protocol


@pytest.fixture
def sessions(store: SessionStore):
    """Two finished sessions; the first names 'Jansen', the second is overdue in the check."""
    demos = make_demo(build_protocol(), case="Borne", respondents=2, minutes=40)
    first, second = (d.session for d in demos)
    first.records["ervaring-2"].notes = "Ik overleg elke week met Jansen over casussen."
    for demo in demos:
        store.create(demo.session, demo.key)
    save_replacements(store.data_dir, ReplacementList.of([("Jansen", "[collega A]")]))
    workflow.send(
        ApprovalBook(store.data_dir),
        second,
        today=dt.date(2020, 1, 1),
        deadline=dt.date(2020, 1, 15),
        now=dt.datetime(2020, 1, 1, 12, tzinfo=dt.UTC),
    )
    return first, second


def _prompt(sessions_list: OptionList, session_id: str) -> str:
    return str(sessions_list.get_option(session_id).prompt)


async def _export(app, pilot, session_id: str, fmt: str, folder: Path) -> str:
    sessions_list = app.screen.query_one("#sessions", OptionList)
    sessions_list.highlighted = sessions_list.get_option_index(session_id)
    await pilot.press("e")
    await pilot.pause()
    dialog = app.screen
    formats = dialog.query_one("#formats", OptionList)
    formats.highlighted = formats.get_option_index(fmt)
    dialog.query_one("#folder", Input).value = str(folder)
    dialog.start_export()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return str(dialog.query_one("#export-result").render())


async def test_overdue_transcripts_are_marked(store, sessions, clock: FakeClock) -> None:
    first, second = sessions
    app = app_for(store, clock, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#sessions", OptionList)
        assert "overdue" in _prompt(listing, second.id)
        assert "overdue" not in _prompt(listing, first.id)


async def test_export_applies_the_replacement_list(
    store, sessions, clock: FakeClock, tmp_path: Path
) -> None:
    first, _second = sessions
    app = app_for(store, clock, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        result = await _export(app, pilot, first.id, "transcript-md", tmp_path / "out")
    assert "Written" in result
    (written,) = (tmp_path / "out").glob("*.md")
    text = written.read_text(encoding="utf-8")
    assert "[collega A]" in text
    assert "Jansen" not in text


async def test_export_uses_the_cli_options(
    store, sessions, clock: FakeClock, tmp_path: Path, monkeypatch
) -> None:
    import interviewer.export.registry as registry

    seen = {}

    def fake_write_export(batch, fmt, folder, options):
        seen.update(fmt=fmt, ids=[s.id for s in batch], options=options)
        return [Path(folder) / "x.docx"]

    monkeypatch.setattr(registry, "write_export", fake_write_export)
    first, _second = sessions
    app = app_for(store, clock, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        result = await _export(app, pilot, first.id, "coding-docx", tmp_path / "out")
    options = seen["options"]
    assert seen["fmt"] == "coding-docx"
    assert (
        options.replacements is not None and options.replacements.apply("Jansen") == "[collega A]"
    )
    assert set(options.approval) == set(seen["ids"])  # an approval state for every session
    assert "not approved" in result  # coding a transcript before the member check: a warning
