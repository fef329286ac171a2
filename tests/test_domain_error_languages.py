"""Errors of the interview's actions, respondent codes, the replacement list and exports in
both languages.

They are raised with a message key (``TranslatableValueError``: still a ``ValueError`` for
callers that catch one); ``str()`` stays English, and the CLI and the TUI say them in the
interface language. These tests hold each one to a Dutch form that differs from the English
with no placeholder left open, and run failing commands under ``--lang nl``.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.i18n.errors import TranslatableValueError, error_message
from interviewer.i18n.table_domain_errors import MESSAGES

SAME_IN_BOTH = {"export.error.detail"}  # only a placeholder: the quoted error's own language


def test_every_key_reads_differently_in_dutch() -> None:
    for key, texts in MESSAGES.items():
        if key in SAME_IN_BOTH:
            continue
        fields = {f for _, f, _, _ in string.Formatter().parse(texts["en"]) if f}
        values = {name: f"<{name}>" for name in fields}
        assert texts["en"].format(**values) != texts["nl"].format(**values), key


def _stored_demo(data_dir: Path):  # type: ignore[no-untyped-def]
    from interviewer.demo import make_demo
    from interviewer.protocol.library import find_protocol
    from interviewer.protocol.loader import load_protocol
    from interviewer.store import SessionStore

    protocol = load_protocol(find_protocol("sociale-teams-samenwerking"))
    demo = make_demo(protocol, case="Borne", respondents=1, minutes=10, seed=3)[0]
    store = SessionStore(data_dir)
    store.create(demo.session, key=demo.key)
    return store, demo.session


def _cases(tmp_path: Path) -> dict[str, Callable[[], object]]:
    from interviewer.domain import codes
    from interviewer.domain.recorder import SessionRecorder
    from interviewer.domain.session_factory import new_session
    from interviewer.export.registry import get_format, write_export, write_protocol_document
    from interviewer.pseudonym.replace import validate_entry
    from interviewer.pseudonym.storage import load_replacements, replacements_path
    from tests.tui.conftest import build_protocol

    protocol = build_protocol()
    session = new_session(protocol, case="Borne", respondent="1.1", clock=lambda: 0.0)
    recorder = SessionRecorder(session, clock=lambda: 0.0)
    bad_list = replacements_path(tmp_path)
    bad_list.parent.mkdir(parents=True, exist_ok=True)
    bad_list.write_text("[1, 2]", encoding="utf-8")
    return {
        "respondent code with a slash": lambda: codes.validate_respondent_code("a/b"),
        "empty respondent code": lambda: codes.validate_respondent_code("  "),
        "participant code twice": lambda: codes.validate_participant_codes(["2.1", "2.1"]),
        "no case": lambda: codes.validate_case_name(" "),
        "all codes used": lambda: codes.next_shuffled_code(["1.1"], 1, capacity=1, seed=1),
        "name too short": lambda: validate_entry("A", "B"),
        "pseudonym holds the name": lambda: validate_entry("Anja", "Anja X"),
        "damaged replacement list": lambda: load_replacements(tmp_path),
        "not started": lambda: recorder.pause(),
        "unknown question": lambda: recorder.question("nope"),
        "unknown topic": lambda: recorder.enter_topic("nope"),
        "unknown closing field": lambda: recorder.set_closing_field("nope", "x"),
        "unknown format": lambda: get_format("bogus"),
        "nothing to export": lambda: write_export([], "json", tmp_path),
        "no such document": lambda: write_protocol_document(protocol, "poster", "md", tmp_path),  # type: ignore[arg-type]
    }


CASES = [
    "respondent code with a slash",
    "empty respondent code",
    "participant code twice",
    "no case",
    "all codes used",
    "name too short",
    "pseudonym holds the name",
    "damaged replacement list",
    "not started",
    "unknown question",
    "unknown topic",
    "unknown closing field",
    "unknown format",
    "nothing to export",
    "no such document",
]


@pytest.mark.parametrize("name", CASES)
def test_error_is_keyed_english_in_str_and_dutch_in_nl(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError) as caught:  # callers still catch ValueError
        _cases(tmp_path)[name]()
    exc = caught.value
    assert isinstance(exc, TranslatableValueError) and exc.keyed, f"{name}: {exc!r}"
    english, dutch = exc.message("en"), exc.message("nl")
    assert str(exc) == english and dutch != english
    for text in (english, dutch):
        assert not re.search(r"\{\w*\}", text), text
        assert "Phrase(" not in text
    assert error_message(exc, "nl") == dutch


def test_the_state_inside_a_recorder_error_is_said_in_its_language() -> None:
    from interviewer.domain.recorder import SessionRecorder
    from interviewer.domain.session_factory import new_session
    from tests.tui.conftest import build_protocol

    session = new_session(
        build_protocol(), case="Borne", respondent="1.1", clock=lambda: 0.0,
        advance_consent=dt.date(2026, 3, 1),
    )  # fmt: skip
    recorder = SessionRecorder(session, clock=lambda: 0.0)
    recorder.start()
    with pytest.raises(ValueError) as caught:
        recorder.start()
    assert str(caught.value) == "the interview is already in progress"
    assert error_message(caught.value, "nl") == "het interview is al bezig"


def test_an_exporters_keyed_error_keeps_its_translation(data_dir: Path, tmp_path: Path) -> None:
    from interviewer.export.registry import ExportError, write_export

    _store, session = _stored_demo(data_dir)
    other = session.model_copy(
        update={"protocol": session.protocol.model_copy(update={"id": "other"})}
    )
    with pytest.raises(ExportError) as caught:
        write_export([session, other], "qdpx", tmp_path)
    assert "needs sessions of one protocol" in str(caught.value)
    assert "vraagt sessies van één protocol" in error_message(caught.value, "nl")


# --- failing commands under --lang nl ---------------------------------------------------------
def _nl(*args: str) -> str:
    result = CliRunner().invoke(main, ["--lang", "nl", *args])
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit), result.exception  # a clean exit, no crash
    return result.output


def test_run_with_an_unknown_protocol_in_dutch(data_dir: Path) -> None:
    said = _nl("run", "nope", "--case", "X")
    assert "geen protocol met de naam 'nope'" in said and "bekend:" in said
    assert "no protocol named" not in said


def test_run_with_an_invalid_respondent_code_in_dutch(data_dir: Path) -> None:
    said = _nl("run", "sociale-teams-samenwerking", "--case", "X", "--respondent", "a/b")
    assert "respondentcode 'a/b' bevat '/'" in said
    assert "omdat codes in bestandsnamen staan" in said
    assert "not allowed" not in said


def test_export_that_cannot_be_written_in_dutch(data_dir: Path, tmp_path: Path) -> None:
    _store, session = _stored_demo(data_dir)
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    said = _nl("export", session.id, "--format", "json", "--out", str(blocker / "sub"))
    assert f"kan Borne_{session.respondent}_session.json niet schrijven in" in said
    assert "cannot write" not in said


def test_replace_and_codes_next_in_dutch(data_dir: Path) -> None:
    said = _nl("replace", "add", "A", "B")
    assert "'A' is te kort om veilig te vervangen" in said
    _stored_demo(data_dir)
    said = _nl("codes", "next", "--case", "Borne", "--scheme", "shuffled", "--planned", "1")
    assert "alle 1 codes van casus 1 zijn in gebruik" in said
