"""``interviewer conclusion``: conclusions, keywords and key sentences from the command line,
in English and Dutch, and the analysis travelling in the portable JSON export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from interviewer.cli import main
from interviewer.demo import make_demo
from interviewer.domain.analysis import Target
from interviewer.store import SessionStore
from interviewer.store.analysis import AnalysisStore
from tests.domain.conftest import build_protocol


def run(data: Path, *args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["--data-dir", str(data), *args], input=stdin)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """Two cases of study 'test': Borne (2 respondents) and Wierden (1)."""
    folder = tmp_path / "data"
    store = SessionStore(folder)
    protocol = build_protocol()
    for demo in [
        *make_demo(protocol, case="Borne", respondents=2, seed=1),
        *make_demo(protocol, case="Wierden", respondents=1, seed=2, case_number=3),
    ]:
        store.create(demo.session, key=demo.key)
    return folder


def test_set_and_list_a_case_conclusion(data: Path) -> None:
    result = run(
        data, "conclusion", "set", "--case", "Borne", "--variable", "ervaring",
        "--text", "Alle respondenten geven aan ...", "--author", "Anna",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Interim conclusion saved: case Borne, variable Ervaring (31 characters).\n"
    )
    listed = run(data, "conclusion", "list")
    assert "Case Borne" in listed.output and "Alle respondenten geven aan ..." in listed.output
    assert "Interim conclusion (Anna, " in listed.output
    stored = AnalysisStore(data).load("test").text(Target.conclusion("Borne", "ervaring"))
    assert stored is not None and stored.author == "Anna"


def test_compare_general_and_clearing(data: Path) -> None:
    assert run(data, "conclusion", "set", "--compare", "--variable", "Tijd",
               "--text", "Beide teams ...").exit_code == 0  # fmt: skip
    result = run(data, "conclusion", "set", "--general", "weaknesses", "--text", "Te weinig tijd")
    assert result.exit_code == 0 and "Weak points/bottlenecks" in result.output
    listed = run(data, "conclusion", "list", "--compare")
    assert "Comparison of the cases" in listed.output and "Beide teams" in listed.output
    assert "Te weinig tijd" in listed.output and "Case Borne" not in listed.output
    cleared = run(data, "conclusion", "set", "--general", "weaknesses", "--text", "")
    assert "cleared" in cleared.output
    assert "Te weinig tijd" not in run(data, "conclusion", "list").output


def test_dutch_output_and_errors(data: Path) -> None:
    result = run(data, "--lang", "nl", "conclusion", "set", "--case", "Wierden",
                 "--variable", "feedback", "--text", "Drie van de vier")  # fmt: skip
    assert result.output == (
        "Tussenconclusie opgeslagen: casus Wierden, variabele Feedback (16 tekens).\n"
    )
    listed = run(data, "--lang", "nl", "conclusion", "list", "--case", "wierden")
    assert "Casus Wierden" in listed.output and "Tussenconclusie (20" in listed.output
    bad = run(data, "--lang", "nl", "conclusion", "set", "--case", "Nergens",
              "--variable", "feedback", "--text", "x")  # fmt: skip
    assert bad.exit_code == 1
    assert bad.stderr == (
        "interviewer: error: onbekende casus 'Nergens' in onderzoek test; bekend: Borne, Wierden\n"
    )


def test_unknown_variable_names_the_known_ones(data: Path) -> None:
    result = run(data, "conclusion", "set", "--case", "Borne", "--variable", "Relatie",
                 "--text", "x")  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "unknown variable 'Relatie'; known: ervaring (Ervaring), tijd (Tijd), feedback" in (
        result.stderr
    )


@pytest.mark.parametrize(
    "args,message",
    [
        (["--case", "Borne", "--compare", "--variable", "tijd", "--text", "x"], "exactly one of"),
        (["--case", "Borne", "--text", "x"], "--variable is needed"),
        (["--general", "strengths", "--variable", "tijd", "--text", "x"], "takes no --variable"),
        (["--case", "Borne", "--variable", "tijd"], "--text and --text-file"),
        (["--case", "Borne", "--variable", "tijd", "--text-file", "/nonexistent"], "cannot read"),
        (["--case", "Borne", "--variable", "tijd", "--text", "x", "--study", "ander"],
         "unknown study 'ander'; known: test"),
    ],
)  # fmt: skip
def test_bad_arguments_are_one_line(data: Path, args: list[str], message: str) -> None:
    result = run(data, "conclusion", "set", *args)
    assert result.exit_code != 0
    assert message in result.stderr and "Traceback" not in result.output


def test_text_from_stdin_and_a_long_file(data: Path, tmp_path: Path) -> None:
    piped = run(data, "conclusion", "set", "--case", "Borne", "--variable", "tijd",
                "--text-file", "-", stdin="Eerste regel\nTweede regel 🎉\n")  # fmt: skip
    assert piped.exit_code == 0, piped.output
    target = Target.conclusion("Borne", "tijd")
    assert AnalysisStore(data).get_text("test", target).text == "Eerste regel\nTweede regel 🎉"  # type: ignore[union-attr]
    text = ("Conclusie 🎉 met \x07bel en \x1b[31mescape.\n" * 3_000)[:100_000]
    long_file = tmp_path / "long.txt"
    long_file.write_text(text, encoding="utf-8")
    result = run(data, "conclusion", "set", "--case", "Borne", "--variable", "tijd",
                 "--text-file", str(long_file))  # fmt: skip
    assert result.exit_code == 0 and "(100,000 characters)" in result.output
    assert AnalysisStore(data).get_text("test", target).text == text  # type: ignore[union-attr]
    listed = run(data, "conclusion", "list", "--case", "Borne")
    assert "\x1b" not in listed.output and "\\x1b[31mescape" in listed.output  # escaped
    as_json = run(data, "conclusion", "list", "--case", "Borne", "--json")
    assert "\x1b" not in as_json.output
    data_out = json.loads(as_json.output)
    assert data_out["cases"]["Borne"]["tijd"]["conclusion"]["text"] == text
    not_utf8 = tmp_path / "latin1.txt"
    not_utf8.write_bytes("café".encode("latin-1"))
    bad = run(data, "conclusion", "set", "--case", "Borne", "--variable", "tijd",
              "--text-file", str(not_utf8))  # fmt: skip
    assert bad.exit_code == 1 and "is not UTF-8 text (byte 3)" in bad.stderr


def test_keywords_and_key_sentences(data: Path) -> None:
    result = run(data, "conclusion", "keywords", "--case", "Borne", "--variable", "ervaring",
                 "--add", "Vertrouwen", "--add", "mandaat", "--add", "vertrouwen")  # fmt: skip
    assert result.output == "Keywords of case Borne, variable Ervaring: Vertrouwen; mandaat\n"
    result = run(data, "conclusion", "keywords", "--case", "Borne", "--variable", "ervaring",
                 "--remove", "Mandaat")  # fmt: skip
    assert result.output.endswith(": Vertrouwen\n")
    session = next(s for s in SessionStore(data).list() if s.case == "Borne")
    added = run(data, "conclusion", "keysentence", "add", "--case", "Borne", "--variable",
                "ervaring", "--text", "We hadden een oneindig mandaat", "--session",
                session.id, "--question", "ervaring-2")  # fmt: skip
    assert added.exit_code == 0, added.output
    sentence_id = added.output.split()[2]
    listed = run(data, "conclusion", "list", "--json")
    [sentence] = json.loads(listed.output)["cases"]["Borne"]["ervaring"]["key_sentences"]
    assert sentence["source"] == {
        "session_id": session.id, "respondent": session.respondent, "question_id": "ervaring-2",
    }  # fmt: skip
    wrong_case = run(data, "conclusion", "keysentence", "add", "--case", "Wierden",
                     "--variable", "ervaring", "--text", "x", "--session", session.id)  # fmt: skip
    assert (
        wrong_case.exit_code == 1 and "is of case Borne, not of case Wierden" in wrong_case.stderr
    )
    removed = run(data, "conclusion", "keysentence", "remove", sentence_id, "--case", "Borne",
                  "--variable", "ervaring")  # fmt: skip
    assert removed.exit_code == 0 and sentence_id in removed.output
    listed = json.loads(run(data, "conclusion", "list", "--json").output)
    assert listed["cases"]["Borne"]["ervaring"]["key_sentences"] == []


def test_study_must_be_chosen_when_the_folder_holds_two(data: Path) -> None:
    store = SessionStore(data)
    other = build_protocol(id="ander")
    demo = make_demo(other, case="Zwolle", respondents=1, seed=5, case_number=4)[0]
    store.create(demo.session, key=demo.key)
    result = run(data, "conclusion", "list")
    assert result.exit_code == 1
    assert "more than one study; choose one with --study: ander, test" in result.stderr
    result = run(data, "conclusion", "set", "--study", "ander", "--case", "Zwolle",
                 "--variable", "tijd", "--text", "x")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert AnalysisStore(data).studies() == ["ander"]
    empty = run(data.parent / "empty", "conclusion", "list")
    assert empty.exit_code == 1 and "no sessions and no analysis in" in empty.stderr


def test_the_json_export_carries_the_conclusions_to_a_colleague(data: Path, tmp_path: Path) -> None:
    run(data, "conclusion", "set", "--case", "Borne", "--variable", "ervaring",
        "--text", "Conclusie van Anna", "--author", "Anna")  # fmt: skip
    run(data, "conclusion", "set", "--compare", "--variable", "ervaring", "--text", "Vergelijk")
    ids = [s.id for s in SessionStore(data).list() if s.case == "Borne"]
    out = tmp_path / "out"
    exported = run(data, "export", *ids, "--format", "json", "--out", str(out))
    assert exported.exit_code == 0, exported.output
    colleague = tmp_path / "colleague"
    imported = run(colleague, "import", *map(str, sorted(out.glob("*.json"))))
    assert imported.exit_code == 0, imported.output
    assert "analysis of study test pooled: 2 value(s) taken, 0 conflict(s)" in imported.output
    listed = run(colleague, "conclusion", "list")
    assert "Conclusie van Anna" in listed.output and "Vergelijk" in listed.output


def test_the_author_comes_from_the_settings_file(data: Path, tmp_path, monkeypatch) -> None:
    from interviewer import paths

    config = tmp_path / "config.toml"
    config.write_text('author = "Anna de Vries"\n', encoding="utf-8")
    monkeypatch.setattr(paths, "config_file", lambda: config)
    result = run(data, "conclusion", "set", "--case", "Borne", "--variable", "tijd", "--text", "x")
    assert result.exit_code == 0, result.output
    stored = AnalysisStore(data).load("test").text(Target.conclusion("Borne", "tijd"))
    assert stored is not None and stored.author == "Anna de Vries"
    explicit = run(
        data, "conclusion", "set", "--case", "Borne", "--variable", "tijd", "--text", "y",
        "--author", "Bert",
    )  # fmt: skip
    assert explicit.exit_code == 0, explicit.output
    stored = AnalysisStore(data).load("test").text(Target.conclusion("Borne", "tijd"))
    assert stored is not None and stored.author == "Bert"
    config.write_text('author = "Anna\\u001b[31m"\n', encoding="utf-8")
    refused = run(data, "conclusion", "list")
    assert refused.exit_code != 0
    assert "author must be one line of text" in refused.output
