"""The analysis workspace (issue 12 points 1 and 7): a four-respondent case built from session
files, moved through with keys, a Tussenconclusie typed and found on disk within the autosave
window and after leaving, a key sentence taken with its reference, the comparison, the
charts, and a failing disk that loses nothing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, TextArea

from interviewer.analysis_workspace import (
    Coverage,
    cell_sources,
    load_case_workspace,
    load_compare_workspace,
)
from interviewer.demo import make_demo_sessions
from interviewer.domain.analysis import Target
from interviewer.domain.session import QuestionState
from interviewer.store import SessionStore
from interviewer.store.analysis import AnalysisFileError, AnalysisStore
from interviewer.tui.app import make_app
from interviewer.tui.bindings import localized
from interviewer.tui.screens.analysis import AnalysisScreen, CompareScreen, NotesDialog
from tests.export.conftest import built_protocol
from tests.fake_clock import FakeClock

STUDY = "sociale-teams-samenwerking"
AUTOSAVE_WINDOW = 1.0


def fill_store(root: Path) -> SessionStore:
    """Case Borne with four demo interviews (1.1-1.4) and case Almelo with two, as files;
    in 1.4 the 'verbeterpunten' question of Ervaring is skipped with nothing noted."""
    store = SessionStore(root / "data")
    protocol = built_protocol()
    borne = make_demo_sessions(protocol, case="Borne", respondents=4, minutes=45, seed=3)
    last = borne[-1]
    record = last.records["ervaring-4"]
    last.records["ervaring-4"] = record.model_copy(
        update={"state": QuestionState.SKIPPED, "notes": "", "quick_answer": None, "parts": {}}
    )
    for session in borne:
        store.create(session)
    for session in make_demo_sessions(
        protocol, case="Almelo", respondents=2, minutes=45, seed=5, case_number=2
    ):
        store.create(session)
    return store


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return fill_store(tmp_path)


def case_app(store: SessionStore, case: str = "Borne"):
    workspace = load_case_workspace(store, store.data_dir, STUDY, case, lang="en")
    app = make_app(store, lang="en", clock=FakeClock(), blink=False, handle_signals=False)
    app.start_screen = lambda: localized(AnalysisScreen, "en")(workspace)
    return app


def compare_app(store: SessionStore):
    workspace = load_compare_workspace(store, STUDY)
    app = make_app(store, lang="en", clock=FakeClock(), blink=False, handle_signals=False)
    app.start_screen = lambda: localized(CompareScreen, "en")(workspace)
    return app


async def wait_for(pilot, check, timeout: float = 3.0) -> float:
    """Seconds until ``check()`` holds (the saver's thread writes); fails after ``timeout``."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > timeout:
            raise AssertionError("not stored in time")
        await pilot.pause(0.05)
    return time.monotonic() - start


def stored_conclusion(store: SessionStore, case: str, variable: str) -> str | None:
    value = AnalysisStore(store.data_dir).get_text(STUDY, Target.conclusion(case, variable))
    return value.text if value else None


# --- the core: no terminal --------------------------------------------------------------------
def test_workspace_of_a_four_respondent_case(store: SessionStore) -> None:
    ws = load_case_workspace(store, store.data_dir, STUDY, "Borne")
    assert [c.respondent for c in ws.columns] == ["1.1", "1.2", "1.3", "1.4"]
    assert all(not c.approved and c.approval == "niet verstuurd" for c in ws.columns)
    english = load_case_workspace(store, store.data_dir, STUDY, "Borne", lang="en")
    assert all(c.approval == "not sent" for c in english.columns)
    assert len(ws.rows) == 20  # 5 variables x 4 characteristics
    first = ws.rows[0]
    assert (first.variable, first.characteristic, first.variable_label) == (
        "ervaring",
        "wel-niet",
        "1. Ervaring",
    )
    [source] = cell_sources(ws, 0, 2)
    assert source.question_id == "ervaring-1"
    assert any(p.strip() and p.strip() in first.cells[2] for p in source.paragraphs)
    grid = {(r.variable_label, r.label): r.states for r in ws.coverage}
    assert grid[("1. Ervaring", "Verbeterpunten")][3] is Coverage.SKIPPED
    assert grid[("1. Ervaring", "Wel/niet")] == (Coverage.COVERED,) * 4
    assert [m.planned for m in ws.minutes] == [10.0] * 5
    assert all(len(m.actual) == 4 and all(a > 0 for a in m.actual) for m in ws.minutes)


def test_compare_workspace_lists_the_cases(store: SessionStore) -> None:
    ws = load_compare_workspace(store, STUDY)
    assert ws.cases == ("Almelo", "Borne")
    assert [v for v, _label in ws.variables][:2] == ["ervaring", "tijd-en-ruimte"]


# --- the screen -------------------------------------------------------------------------------
async def test_move_type_and_autosave(store: SessionStore) -> None:
    app = case_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, AnalysisScreen)
        table = screen.query_one("#analysis-table", DataTable)
        panel = screen.query_one("#cell-text", TextArea)
        ws = screen.workspace
        assert panel.text == ws.rows[0].cells[0]
        await pilot.press("right", "down")
        assert table.cursor_coordinate == (1, 3)
        assert panel.text == ws.rows[1].cells[1]
        assert "1.2" in str(screen.query_one("#cell-info").render())
        screen.query_one("#conclusion", TextArea).focus()
        await pilot.press(*"Alle vier")
        took = await wait_for(pilot, lambda: stored_conclusion(store, "Borne", "ervaring"))
        assert took <= AUTOSAVE_WINDOW + 0.5  # the pause of SAVE_DELAY, then one write
        assert stored_conclusion(store, "Borne", "ervaring") == "Alle vier"
        await pilot.press(*" noemen het")  # typed, then straight to another variable
        table.focus()
        await pilot.press(*(["down"] * 4))
        assert screen.variable == "tijd-en-ruimte"
        assert screen.query_one("#conclusion", TextArea).text == ""
        await wait_for(
            pilot, lambda: stored_conclusion(store, "Borne", "ervaring") == "Alle vier noemen het"
        )
        screen.query_one("#conclusion", TextArea).focus()
        await pilot.press(*"Tijd")
        screen.query_one("#keywords", Input).focus()
        await pilot.press(*"agenda, uren")
        await pilot.press("escape")  # to the table
        await pilot.press("escape")  # leaves: everything written first
        await pilot.pause()
    analyses = AnalysisStore(store.data_dir)
    assert stored_conclusion(store, "Borne", "tijd-en-ruimte") == "Tijd"
    assert analyses.load(STUDY).keywords("Borne", "tijd-en-ruimte") == ("agenda", "uren")
    assert app.return_code in (0, None)


async def test_back_to_a_variable_shows_what_was_typed(store: SessionStore) -> None:
    app = case_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.query_one("#conclusion", TextArea).focus()
        await pilot.press(*"Eerste")
        screen.query_one("#analysis-table").focus()
        await pilot.press(*(["down"] * 4), *(["up"] * 4))
        assert screen.query_one("#conclusion", TextArea).text == "Eerste"
        await pilot.press("escape")
    assert stored_conclusion(store, "Borne", "ervaring") == "Eerste"


async def test_key_sentence_from_a_cell_keeps_its_reference(store: SessionStore) -> None:
    app = case_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("right", "right", "down")  # respondent 1.3, 'Invloed'
        ws = screen.workspace
        expected = ws.rows[1].cells[2]
        await pilot.press("k")
        analyses = AnalysisStore(store.data_dir)
        await wait_for(pilot, lambda: analyses.key_sentences(STUDY, "Borne", "ervaring"))
        [sentence] = analyses.key_sentences(STUDY, "Borne", "ervaring")
        assert sentence.text == expected
        ref = sentence.source
        assert ref is not None
        assert (ref.respondent, ref.question_id) == ("1.3", "ervaring-2")
        assert ref.session_id == ws.columns[2].session.id
        await wait_for(pilot, lambda: len(screen.sentences) == 1)
        # a part selected in the side panel is taken instead of the whole cell
        panel = screen.query_one("#cell-text", TextArea)
        panel.focus()
        panel.selection = type(panel.selection)((0, 0), (0, 12))
        part = panel.selected_text.strip()
        await pilot.press("k")
        await wait_for(pilot, lambda: len(analyses.key_sentences(STUDY, "Borne", "ervaring")) == 2)
        texts = [s.text for s in analyses.key_sentences(STUDY, "Borne", "ervaring")]
        assert texts[1] == part and len(part) <= 12
        # removing one from the list
        await wait_for(pilot, lambda: len(screen.sentences) == 2)
        sentences = screen.query_one("#sentences")
        sentences.focus()
        sentences.highlighted = 0
        await pilot.press("delete")
        await wait_for(pilot, lambda: len(analyses.key_sentences(STUDY, "Borne", "ervaring")) == 1)
        await pilot.press("escape", "escape")


async def test_enter_opens_the_notes_read_only(store: SessionStore) -> None:
    app = case_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NotesDialog)
        body = str(app.screen.body)
        assert "In hoeverre" in body or "Vraag 1" in body
        await pilot.press("escape")
        assert isinstance(app.screen, AnalysisScreen)


async def test_charts_toggle(store: SessionStore) -> None:
    app = case_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        charts = screen.query_one("#analysis-charts")
        assert not charts.display
        await pilot.press("g")
        assert charts.display and not screen.query_one("#analysis-top").display
        grid = screen.query_one("#coverage-grid", DataTable)
        assert grid.row_count == 20
        assert grid.get_cell_at((3, 5)) == "↷"  # 1.4 skipped Ervaring's Verbeterpunten
        plot = screen.query_one("#minutes-plot")
        assert plot.size.height > 5
        await pilot.press("g")
        assert not charts.display and screen.query_one("#analysis-top").display
        await pilot.press("g", "escape")  # escape from the charts: the matrix again
        assert not charts.display


async def test_compare_mode(store: SessionStore) -> None:
    AnalysisStore(store.data_dir).set_text(STUDY, Target.conclusion("Borne", "ervaring"), "B1")
    app = compare_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        table = screen.query_one("#analysis-table", DataTable)
        assert table.row_count == 5 + 2  # variables, then the two general rows
        await pilot.press("right", "right")  # the column of Borne
        assert screen.query_one("#cell-text", TextArea).text == "B1"
        screen.query_one("#conclusion", TextArea).focus()
        await pilot.press(*"Overal")
        table.focus()
        await pilot.press(*(["down"] * 5))  # the strengths row
        screen.query_one("#conclusion", TextArea).focus()
        await pilot.press(*"Sterk")
        await pilot.press("escape", "escape")
    analyses = AnalysisStore(store.data_dir)
    assert analyses.get_text(STUDY, Target.compare("ervaring")).text == "Overal"
    assert analyses.get_text(STUDY, Target.general("strengths")).text == "Sterk"


async def test_a_failing_disk_loses_nothing(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = AnalysisStore.set_text
    failing = {"on": True}

    def set_text(self, *args, **kwargs):
        if failing["on"]:
            raise AnalysisFileError(
                "analysis.error.unwritable", path="analysis.json", error="No space left"
            )
        return real(self, *args, **kwargs)

    monkeypatch.setattr(AnalysisStore, "set_text", set_text)
    monkeypatch.setattr("interviewer.tui.analysis_saver.RETRY_SECONDS", 0.2)
    app = case_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.query_one("#conclusion", TextArea).focus()
        await pilot.press(*"Niet kwijt")
        status = screen.query_one("#analysis-status")
        await wait_for(pilot, lambda: "No space left" in str(status.render()))
        await pilot.press("escape", "escape")  # to the table, then refused: still failing
        assert app.screen is screen
        assert "No space left" in str(status.render())
        failing["on"] = False
        await wait_for(pilot, lambda: stored_conclusion(store, "Borne", "ervaring"))
        await pilot.press("escape")
    assert stored_conclusion(store, "Borne", "ervaring") == "Niet kwijt"


async def test_home_opens_the_case_of_the_highlighted_session(store: SessionStore) -> None:
    from interviewer.tui.screens.home import HomeScreen

    app = make_app(store, lang="en", clock=FakeClock(), blink=False, handle_signals=False)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        highlighted = app.screen.selected_session()
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AnalysisScreen)
        assert screen.workspace.case == highlighted.case
        screen.query_one("#conclusion", TextArea).focus()
        await pilot.press(*"Vanuit home")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert stored_conclusion(store, highlighted.case, "ervaring") == "Vanuit home"
