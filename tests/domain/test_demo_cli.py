"""``interviewer demo``: argument handling, code numbering and saving, without a terminal."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from interviewer.cli import demo_commands, main

from .conftest import build_protocol


@dataclass
class _Entry:
    case: str
    respondent: str


class _MemoryStore:
    """Stands in for ``interviewer.store.SessionStore`` in these wiring tests."""

    def __init__(self) -> None:
        self.saved: list = []

    def list(self) -> list[_Entry]:
        return [_Entry(s.case, s.respondent) for s, _ in self.saved]

    def create(self, session, key=None) -> None:
        self.saved.append((session, key))


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> _MemoryStore:
    memory = _MemoryStore()
    monkeypatch.setattr(demo_commands, "_open_store", lambda _data_dir: memory)
    monkeypatch.setattr(demo_commands, "_load_protocol", lambda _name: build_protocol())
    return memory


def test_demo_creates_numbered_sessions_per_case(store: _MemoryStore, data_dir) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["demo", "--case", "Borne", "--respondents", "2", "--seed", "4"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["demo", "--case", "Borne", "--respondents", "1"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main, ["--lang", "en", "demo", "--case", "Wierden", "--respondents", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "Created 1 demo session in case Wierden" in result.output
    codes = [(s.case, s.respondent) for s, _ in store.saved]
    assert codes == [("Borne", "1.1"), ("Borne", "1.2"), ("Borne", "1.3"), ("Wierden", "2.1")]
    assert all(key.session_id == s.id and key.fields for s, key in store.saved)


def test_demo_group_and_minutes(store: _MemoryStore) -> None:
    result = CliRunner().invoke(
        main,
        [
            "demo",
            "--case",
            "Borne",
            "--respondents",
            "1",
            "--minutes",
            "90",
            "--participants",
            "3",
            "--case-number",
            "7",
            "--lang",
            "nl",
        ],
    )
    assert result.exit_code == 0, result.output
    (session, _key) = store.saved[0]
    assert session.respondent == "7.1" and len(session.participants) == 3
    assert 20_000 <= session.word_count() <= 25_000
    assert "1 demosessie aangemaakt" in result.output  # singular for one


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--respondents", "1"], "Missing option '--case'"),
        (["--case", "Borne", "--respondents", "0"], "--respondents"),
        (["--case", "  ", "--respondents", "1"], "--case cannot be empty"),
        (["--case", "B", "--respondents", "1", "--participants", "20"], "--participants"),
    ],
)
def test_demo_bad_arguments_give_one_line(
    store: _MemoryStore, args: list[str], message: str
) -> None:
    result = CliRunner().invoke(main, ["demo", *args])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_demo_names_the_place_of_a_protocol_error(tmp_path, data_dir) -> None:
    """A protocol with an error is one line naming file, line and column (it was an
    AttributeError on ``Problem.file``, found by mypy)."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    args = ["--lang", "en", "demo", str(bad), "--case", "A", "--respondents", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    assert "bad.yaml:" in result.output
    assert len(result.output.strip().splitlines()) == 1
