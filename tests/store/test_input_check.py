"""Import checks what ``run`` checks (issue 14, point 4): one validation of case names, codes
and ids for ``run``, the new-session form and ``import``; references of an imported session
resolve; NaN/Infinity refused; listings never send control characters to the terminal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.demo import DemoSession
from interviewer.domain.codes import (
    MAX_CASE_LENGTH,
    SAFE_ID,
    CodeError,
    validate_case_name,
    validate_respondent_code,
    validate_session_id,
)
from interviewer.domain.session_check import non_finite_field
from interviewer.domain.session_factory import new_session
from interviewer.store import SessionStore
from interviewer.store.importing import import_files
from interviewer.store.portable import PortableError, parse_portable, portable_bytes
from interviewer.terminal_text import json_printable, printable

REPO = Path(__file__).resolve().parents[2]
PROTOCOL = str(REPO / "protocols" / "sociale-teams-samenwerking.yaml")

BAD_TEXT = {
    "esc": "Borne\x1b[31m",
    "newline": "Borne\nHengelo",
    "nul": "Bo\x00rne",
    "rtl-override": "Borne\u202etxt.exe",
    "bidi-isolate": "Borne\u2066x\u2069",
    "slash": "../../x",
    "backslash": "a\\b",
    "dots": "Borne..x",
    "empty": "",
    "spaces": "   ",
    "absurd-length": "x" * 10_000,
}


@pytest.mark.parametrize("name", sorted(BAD_TEXT))
def test_bad_case_names_are_refused(name: str) -> None:
    with pytest.raises(CodeError) as caught:
        validate_case_name(BAD_TEXT[name])
    message = caught.value.message("en")
    assert "\n" not in message and "\x1b" not in message and "\u202e" not in message
    assert caught.value.message("nl") != message


@pytest.mark.parametrize("name", sorted(BAD_TEXT))
def test_bad_respondent_codes_are_refused(name: str) -> None:
    with pytest.raises(CodeError):
        validate_respondent_code(BAD_TEXT[name])


def test_ordinary_case_names_pass_stripped() -> None:
    assert validate_case_name("  Borne ") == "Borne"
    for name in ("Sint-Michielsgestel", "Zoë & Co", "Team A (2024)", "x" * MAX_CASE_LENGTH):
        assert validate_case_name(name) == name
    with pytest.raises(CodeError, match="too long"):
        validate_case_name("x" * (MAX_CASE_LENGTH + 1))


@pytest.mark.parametrize("bad", ["abc\n", "../x", "", "-abc", "a" * 65, "a b", "abc\x00"])
def test_bad_session_ids_are_refused(bad: str) -> None:
    assert SAFE_ID.match(bad) is None
    with pytest.raises(CodeError):
        validate_session_id(bad)


def test_good_session_ids_pass() -> None:
    for good in ("abc", "a1b2c3d4e5f6", "borne_1-1", "A" * 64):
        assert validate_session_id(good) == good


def test_new_session_form_check_refuses_what_run_refuses(demos: list[DemoSession]) -> None:
    """The new-session form creates its session with ``new_session``: the same check."""
    protocol = demos[0].session.protocol
    for name in ("esc", "rtl-override", "slash", "absurd-length"):
        with pytest.raises(CodeError):
            new_session(protocol, case=BAD_TEXT[name], respondent="1.1")
    with pytest.raises(ValueError, match="session id"):
        new_session(protocol, case="Borne", respondent="1.1", session_id="abc\n")


@pytest.mark.parametrize("name", ["esc", "newline", "rtl-override", "slash", "absurd-length"])
def test_run_refuses_bad_case_names_in_one_line(tmp_path: Path, name: str) -> None:
    args = ["--data-dir", str(tmp_path / "data"), "--lang", "en", "run", PROTOCOL]
    result = CliRunner().invoke(main, [*args, "--case", BAD_TEXT[name], "--respondent", "1.1"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert not (tmp_path / "data" / "sessions").exists()


def test_run_says_the_refusal_in_dutch(tmp_path: Path) -> None:
    args = ["--data-dir", str(tmp_path / "data"), "--lang", "nl", "run", PROTOCOL]
    result = CliRunner().invoke(main, [*args, "--case", "../../x", "--respondent", "1.1"])
    assert result.exit_code == 1 and "casusnaam" in result.output


# --- import ----------------------------------------------------------------------------


def _document(session: Any) -> dict[str, Any]:
    return json.loads(portable_bytes(session.model_dump(mode="json")))


def _write(folder: Path, document: dict[str, Any], name: str = "s.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _changed(demo: DemoSession, **fields: Any) -> dict[str, Any]:
    document = _document(demo.session)
    document["session"].update(fields)
    return document


def _import_one(store: SessionStore, path: Path) -> Any:
    [outcome] = import_files(store, [path])
    assert not outcome.ok, outcome
    assert store.ids() == []  # nothing was stored
    return outcome


@pytest.mark.parametrize("name", sorted(BAD_TEXT))
def test_import_refuses_bad_case_names(
    store: SessionStore, demos: list[DemoSession], tmp_path: Path, name: str
) -> None:
    path = _write(tmp_path, _changed(demos[0], case=BAD_TEXT[name]))
    outcome = _import_one(store, path)
    assert isinstance(outcome.values["problem"], CodeError)


@pytest.mark.parametrize("name", sorted(BAD_TEXT))
def test_import_refuses_bad_codes(
    store: SessionStore, demos: list[DemoSession], tmp_path: Path, name: str
) -> None:
    path = _write(tmp_path, _changed(demos[0], respondent=BAD_TEXT[name]))
    outcome = _import_one(store, path)
    assert isinstance(outcome.values["problem"], CodeError)


def test_import_refuses_an_id_with_a_newline(
    store: SessionStore, demos: list[DemoSession], tmp_path: Path
) -> None:
    path = _write(tmp_path, _changed(demos[0], id="abc\n"))
    outcome = _import_one(store, path)
    assert outcome.message == "store.import.invalid"
    assert not (store.sessions_dir / "abc\n.json").exists()


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"current_question_id": "no-such-question"}, "current_question_id"),
        ({"current_topic_id": "no-such-topic"}, "current_topic_id"),
    ],
)
def test_import_refuses_references_that_do_not_resolve(
    store: SessionStore, demos: list[DemoSession], tmp_path: Path, fields: dict, named: str
) -> None:
    path = _write(tmp_path, _changed(demos[0], **fields))
    outcome = _import_one(store, path)
    problem = outcome.values["problem"]
    assert named in problem.message("en") and named in problem.message("nl")


def test_import_refuses_a_record_of_an_unknown_question(
    store: SessionStore, demos: list[DemoSession], tmp_path: Path
) -> None:
    document = _document(demos[0].session)
    records = document["session"]["records"]
    records["ghost"] = {**next(iter(records.values())), "question_id": "ghost"}
    outcome = _import_one(store, _write(tmp_path, document))
    assert "records.ghost" in str(outcome.values["problem"])
    document = _document(demos[0].session)
    qid, record = next(iter(document["session"]["records"].items()))
    record["tags"] = ["no-such-code"]
    outcome = _import_one(store, _write(tmp_path, document))
    assert f"records.{qid}.tags" in str(outcome.values["problem"])
    document = _document(demos[0].session)
    document["session"]["timeline"][-1]["question_id"] = "ghost"
    outcome = _import_one(store, _write(tmp_path, document))
    assert "timeline." in str(outcome.values["problem"])


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_import_refuses_non_finite_numbers(
    store: SessionStore, demos: list[DemoSession], tmp_path: Path, constant: str
) -> None:
    document_text = json.dumps(_document(demos[0].session))
    start = document_text.index('"duration_minutes": ') + len('"duration_minutes": ')
    end = start + len(str(demos[0].session.protocol.duration_minutes))
    raw = (document_text[:start] + constant + document_text[end:]).encode()
    with pytest.raises(PortableError) as caught:
        parse_portable(raw, "s.json")
    assert "session.protocol.duration_minutes" in caught.value.message("en")
    path = tmp_path / "s.json"
    path.write_bytes(raw)
    outcome = _import_one(store, path)
    assert outcome.message == "store.import.invalid"


def test_non_finite_field_names_the_path() -> None:
    assert non_finite_field({"a": [1, 2.5, {"b": float("nan")}]}) == "a.2.b"
    assert non_finite_field(float("inf")) == "(top)"
    assert non_finite_field({"a": [1, 2.5, "NaN"]}) is None


def test_import_refusal_is_one_line_in_either_language(
    store: SessionStore, demos: list[DemoSession], tmp_path: Path
) -> None:
    path = _write(tmp_path, _changed(demos[0], current_question_id="ghost", case="Borne\x1b[2J"))
    for lang, word in (("en", "refused"), ("nl", "geweigerd")):
        args = ["--data-dir", str(store.data_dir), "--lang", lang, "import", str(path)]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1 and word in result.output
        assert "Traceback" not in result.output and "\x1b" not in result.output
    path = _write(tmp_path, _changed(demos[0], current_question_id="ghost"))
    result = CliRunner().invoke(main, ["--data-dir", str(store.data_dir), "import", str(path)])
    assert "current_question_id" in result.output and "ghost" in result.output


def test_a_valid_session_still_imports_with_its_case_stripped(
    store: SessionStore, demos: list[DemoSession], tmp_path: Path
) -> None:
    path = _write(tmp_path, _changed(demos[0], case="  Borne  "))
    [outcome] = import_files(store, [path])
    assert outcome.ok, outcome
    assert store.load(demos[0].session.id).case == "Borne"


# --- listings --------------------------------------------------------------------------


def test_printable_escapes_only_what_is_unsafe() -> None:
    assert printable("Zoë 🙂 Borne") == "Zoë 🙂 Borne"
    assert printable("a\x1b[31mb") == "a\\x1b[31mb"
    assert printable("x\u202ey\n") == "x\\u202ey\\x0a"
    assert printable("\x9b2J") == "\\x9b2J"
    text = json.dumps({"case": "a\x9b\u202e\x1b"}, ensure_ascii=False)
    safe = json_printable(text)
    assert json.loads(safe) == {"case": "a\x9b\u202e\x1b"}
    assert not any(c in safe for c in "\x9b\u202e\x1b")


def test_sessions_never_prints_control_characters_from_data(
    store: SessionStore, demos: list[DemoSession]
) -> None:
    """A session stored before the check (or edited by hand) with ESC and a bidi override
    in its case: the listing shows them as escapes, and rich markup in data stays text."""
    hostile = demos[0].session.model_copy(
        update={"case": "Borne\x1b[31m\u202eRED", "respondent": "[bold]1.1"}
    )
    store.create(hostile)
    for extra in ([], ["--json"]):
        result = CliRunner().invoke(main, ["--data-dir", str(store.data_dir), "sessions", *extra])
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\u202e" not in result.output
    table = CliRunner().invoke(main, ["--data-dir", str(store.data_dir), "sessions"]).output
    assert "\\x1b[31m" in table and "\\u202e" in table and "[bold]1.1" in table
    listed = CliRunner().invoke(main, ["--data-dir", str(store.data_dir), "sessions", "--json"])
    assert json.loads(listed.output)[0]["case"] == "Borne\x1b[31m\u202eRED"
