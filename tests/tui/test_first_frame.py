"""``interviewer run`` draws the introduction before the session exists (``light_start``):
keys pressed until the session is open are held and replayed in order, the session is
stored before any consent is recorded, and a failure after the first frame ends the app
with one line and exit code 1."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual import events
from textual.app import App
from textual.widgets import SelectionList

from interviewer.domain.session import SessionStatus
from interviewer.store import SessionStore
from interviewer.tui.app import InterviewerApp, make_app
from interviewer.tui.pending import StartFailed
from interviewer.tui.start import light_start

PROTOCOL = "sociale-teams-samenwerking"  # its only required checklist item is the last one


def _key_events(*keys: str) -> list[events.Key]:
    """Key events as the terminal driver makes them (made outside any widget, so they
    bubble back to the app like real keys)."""
    return [
        events.Key(key, " " if key == "space" else (key if len(key) == 1 else None)) for key in keys
    ]


def _text_events(text: str) -> list[events.Key]:
    return _key_events(*("space" if c == " " else c for c in text))


def _post(app: App, keys: list[events.Key]) -> None:
    """Queue key events at once (fast typing, nothing waits between them)."""
    for key in keys:
        app.post_message(key)


def _start(data: Path, **options: object):
    pending, lang = light_start(PROTOCOL, data, case="Borne", respondent="1.1", **options)
    assert pending is not None
    return pending, lang


async def _settle(pilot, app: InterviewerApp, screen: str) -> None:
    for _ in range(50):
        await pilot.pause()
        if type(app.screen).__name__ == screen and app.live and not app._held_keys:
            return
    raise AssertionError(f"still on {type(app.screen).__name__}")


async def test_keys_before_the_session_exists_land_in_order(tmp_path: Path) -> None:
    data = tmp_path / "data"
    pending, lang = _start(data)
    seen: dict[str, object] = {}
    app: InterviewerApp
    typed = _key_events("end", "space", "ctrl+s") + _text_events("Eerste woorden")

    def open_while_typing():
        # the introduction is on screen, the session does not exist yet
        seen["drawn"] = type(app.screen).__name__
        seen["live_before"] = app.live
        _post(app, typed)  # typed while the session is being created
        store, live = original()
        # stored, and not a consent recorded yet: the ticks are held until now
        seen["stored"] = SessionStore(data).exists(live.session.id)
        seen["consent"] = list(live.session.consent)
        return store, live

    original = pending.open
    pending = replace(pending, open=open_while_typing)
    app = make_app(None, pending=pending, lang=lang, handle_signals=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot, app, "InterviewScreen")
        live = app.live
        assert seen == {
            "drawn": "IntroductionScreen",
            "live_before": None,
            "stored": True,
            "consent": [],
        }
        assert [c.item_id for c in live.session.consent] == ["opname"]
        assert live.session.status is SessionStatus.IN_PROGRESS
        assert app.screen.query_one("#notes").text == "Eerste woorden"
        live.flush()
        first = live.session.current_question_id
        assert live.session.records[first].notes == "Eerste woorden"
    live.close()
    saved = SessionStore(data).load(live.session.id)
    assert saved.records[first].notes == "Eerste woorden"


async def test_ctrl_s_at_once_with_consent_in_advance(tmp_path: Path) -> None:
    pending, lang = _start(tmp_path / "data", consent_obtained=True)
    app = make_app(None, pending=pending, lang=lang, handle_signals=False)
    app.call_after_refresh(_post, app, _key_events("ctrl+s", "o", "k"))
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot, app, "InterviewScreen")
        assert app.screen.query_one("#notes").text == "ok"
    app.live.close()


async def test_introduction_is_the_same_before_and_after_the_session_exists(
    tmp_path: Path,
) -> None:
    pending, lang = _start(tmp_path / "data", group="1.2, 1.3")
    texts: dict[str, str] = {}
    app: InterviewerApp

    def shown() -> str:
        screen = app.screen
        parts = [str(screen.query_one(f"#{w}").render()) for w in ("intro-heading", "script")]
        checklist = screen.query_one("#checklist", SelectionList)
        parts += [
            str(checklist.get_option_at_index(i).prompt) for i in range(checklist.option_count)
        ]
        return "\n".join(parts)

    def before() -> None:
        texts["before"] = shown()

    app = make_app(None, pending=pending, lang=lang, first_frame=before, handle_signals=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot, app, "IntroductionScreen")
        assert app.live is not None
        texts["after"] = shown()
        assert "1.2, 1.3" in texts["after"]
        # the full path (session first) shows the same
        full = make_app(app.store, live=app.live, lang=lang, handle_signals=False)
    assert texts["before"] == texts["after"]
    async with full.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app = full
        assert shown() == texts["before"]
    full.live.close()


async def test_failure_after_the_first_frame_exits_with_one_line(tmp_path: Path) -> None:
    pending, lang = _start(tmp_path / "data")

    def fails():
        raise StartFailed("broken.yaml:9:5: error: something (and 2 more)")

    pending = replace(pending, open=fails)
    app = make_app(None, pending=pending, lang=lang, handle_signals=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.call_after_refresh(_post, app, _key_events("space", "ctrl+s"))
        await pilot.pause()
    assert app.return_code == 1
    assert app.exit_message == "interviewer: error: broken.yaml:9:5: error: something (and 2 more)"


def _deeply_broken(tmp_path: Path) -> Path:
    """Simple enough for the introduction, invalid for the loader (a topic without title)."""
    path = tmp_path / "deep.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            id: deep
            title: Diep kapot
            duration_minutes: 30
            introduction:
              script: Welkom.
              checklist:
                - {id: opname, label: Opname, required: true}
            topics:
              - id: a
                variable: A
                colour: yellow
                minutes: 10
                questions:
                  - {id: a-1, text: Vraag?}
            """
        ),
        encoding="utf-8",
    )
    return path


def test_run_command_reports_a_late_failure_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the real command: the screen is drawn, then the loader's first line on
    stderr and exit code 1 (the app runs headless here)."""
    from interviewer.cli import main

    protocol = _deeply_broken(tmp_path)

    def headless(self: InterviewerApp, **_kw: object) -> None:
        App.run(self, headless=True, size=(80, 24))

    monkeypatch.setattr(InterviewerApp, "run", headless)
    monkeypatch.setattr("interviewer.cli.run_commands.require_terminal", lambda _lang: None)
    args = ["--data-dir", str(tmp_path / "data"), "run", str(protocol)]
    result = CliRunner().invoke(main, [*args, "--case", "X", "--respondent", "1.1"])
    assert result.exit_code == 1, result.output
    line = result.stderr.strip()
    assert line.startswith("interviewer: error: ") and "deep.yaml" in line
    assert "\n" not in line
    assert not list((tmp_path / "data" / "sessions").glob("*.json"))


def test_cheap_checks_come_before_the_app(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with pytest.raises(ValueError, match="twice"):
        light_start(PROTOCOL, data, case="B", respondent="1.1", group="1.2,1.2")
    with pytest.raises(ValueError):
        light_start(PROTOCOL, data, case="B", respondent="a/b")
    with pytest.raises(ValueError, match="case"):
        light_start(PROTOCOL, data, case=" ", respondent="1.1")
    blocked = tmp_path / "file"
    blocked.write_text("")
    with pytest.raises(OSError):
        light_start(PROTOCOL, blocked / "data", case="B", respondent="1.1")


def test_a_protocol_that_is_not_simple_is_loaded_before_the_app(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\ntitle: Broken\nduration_minutes: 30\ntopcs: []\n")
    assert light_start(str(path), tmp_path / "data", case="X", respondent="1.1") == (None, "")


def test_no_pydantic_before_the_first_frame(tmp_path: Path) -> None:
    """What runs before the first frame imports neither pydantic nor the store."""
    code = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from interviewer.tui.start import light_start
        pending, lang = light_start(
            {PROTOCOL!r}, Path({str(tmp_path / "data")!r}), case="B", respondent="1.1"
        )
        import interviewer.tui.app, interviewer.tui.screens.intro
        print(json.dumps([m for m in ("pydantic", "interviewer.store") if m in sys.modules]))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == []


async def test_a_fast_burst_on_the_introduction_keeps_its_order(tmp_path: Path) -> None:
    """Also with the session open already: space then ctrl+s in one burst ticks first
    (ctrl+s is a priority key and would overtake the space), and the text goes to the
    notes."""
    pending, lang = _start(tmp_path / "data")
    app = make_app(None, pending=pending, lang=lang, handle_signals=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot, app, "IntroductionScreen")
        _post(app, _key_events("end", "space", "ctrl+s") + _text_events("Snel getypt"))
        await _settle(pilot, app, "InterviewScreen")
        assert app.screen.query_one("#notes").text == "Snel getypt"
        assert [c.item_id for c in app.live.session.consent] == ["opname"]
    app.live.close()


async def test_the_full_protocol_wins_if_the_light_view_differs(tmp_path: Path) -> None:
    pending, lang = _start(tmp_path / "data")
    pending = replace(pending, view=replace(pending.view, title="Wrong title"))
    app = make_app(None, pending=pending, lang=lang, handle_signals=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot, app, "IntroductionScreen")
        heading = str(app.screen.query_one("#intro-heading").render())
        assert "Samenwerking in sociale teams" in heading and "Wrong" not in heading
        assert app.focused is app.screen.query_one("#checklist")
        await pilot.press("end", "space", "ctrl+s")
        await _settle(pilot, app, "InterviewScreen")
    app.live.close()
