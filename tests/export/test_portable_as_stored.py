"""Issue 13, point 7: ``export --format json`` is the session exactly as stored; the
pseudonymised copy is ``json-shared``, marked in its envelope, and ``import`` never loads it
over (or beside) the session it was made from. Every check reads the written file back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.domain.session import session_to_json_dict
from interviewer.store import SessionStore
from interviewer.store.analysis import AnalysisStore
from interviewer.store.portable import exported_protocol_path, read_portable_document


def cli(data: Path, *args: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--data-dir", str(data), "--lang", lang, *args])


@pytest.fixture
def study(tmp_path: Path, demo_case) -> dict:  # type: ignore[no-untyped-def]
    """Four demo sessions of case Borne, 'Borne' on the replacement list, a conclusion
    naming Borne: what used to leak the replacement list into the portable file."""
    data = tmp_path / "data"
    store = SessionStore(data)
    for session in demo_case:
        store.create(session)
    topic = demo_case[0].protocol.topics[0].id
    assert cli(data, "replace", "add", "Borne", "Gemeente B").exit_code == 0
    result = cli(data, "conclusion", "set", "--case", "Borne", "--variable", topic,
                 "--text", "In Borne werkt het SWT goed.")  # fmt: skip
    assert result.exit_code == 0, result.output
    return {"data": data, "store": store, "sid": demo_case[0].id, "out": tmp_path / "out"}


def _export(study: dict, fmt: str) -> Path:
    result = cli(study["data"], "export", study["sid"], "--format", fmt, "--out",
                 str(study["out"]))  # fmt: skip
    assert result.exit_code == 0, result.output
    [path] = [p for p in study["out"].iterdir() if p.name.endswith(f"_{_LABEL[fmt]}.json")]
    return path


_LABEL = {"json": "session", "json-shared": "shared"}


def test_json_is_the_session_exactly_as_stored(study: dict) -> None:
    path = _export(study, "json")
    assert path.name == "Borne_1.1_session.json"  # the real case name: nothing replaced
    document = json.loads(path.read_text("utf-8"))
    stored = session_to_json_dict(study["store"].load(study["sid"]))
    # the one documented difference: the protocol's folder (an absolute path) stays home
    stored["protocol_path"] = exported_protocol_path(stored["protocol_path"])
    assert document["session"] == stored
    assert "pseudonymised" not in document and document["version"] == 2
    study_id = document["session"]["protocol"]["id"]
    analysis = AnalysisStore(study["data"]).load(study_id).subset(["Borne"])
    assert document["analysis"] == analysis.model_dump(mode="json")  # as stored, too
    assert "Gemeente B" not in path.read_text("utf-8")


def test_json_restores_the_real_notes(study: dict) -> None:
    """What ``import --replace`` restores is the stored session, not a pseudonymised one."""
    path = _export(study, "json")
    before = study["store"].load(study["sid"])
    result = cli(study["data"], "import", "--replace", "--force", str(path))
    assert result.exit_code == 0, result.output
    after = study["store"].load(study["sid"])
    assert after.case == "Borne" and after.records == before.records


def test_json_shared_is_pseudonymised_and_marked(study: dict) -> None:
    path = _export(study, "json-shared")
    assert path.name == "Gemeente-B_1.1_shared.json"
    text = path.read_text("utf-8")
    assert "Borne" not in text  # case, notes, analysis (texts and case names)
    document = read_portable_document(path)
    assert document.pseudonymised is not None
    assert document.pseudonymised.from_session == study["sid"]
    assert document.session.id != study["sid"] and document.session.case == "Gemeente B"
    assert document.analysis is not None and list(document.analysis.cases) == ["Gemeente B"]
    texts = [v.conclusion.text for c in document.analysis.cases.values()
             for v in c.variables.values() if v.conclusion]  # fmt: skip
    assert texts == ["In Gemeente B werkt het SWT goed."]
    assert json.loads(text)["version"] == 3
    # sharing twice gives the same copy id (a duplicate on the second import elsewhere)
    again = read_portable_document(_export(study, "json-shared"))
    assert again.session.id == document.session.id


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "pseudonymised copy (json-shared)"), ("nl", "gepseudonimiseerde kopie")],
)
def test_import_refuses_the_shared_copy_over_the_original(
    study: dict, lang: str, words: str
) -> None:
    path = _export(study, "json-shared")
    before = study["store"].load(study["sid"])
    analysis_file = AnalysisStore(study["data"]).path(before.protocol.id)
    analysis_before = analysis_file.read_bytes()
    for flags in ([], ["--replace"], ["--replace", "--force"]):
        result = cli(study["data"], "import", *flags, str(path), lang=lang)
        assert result.exit_code == 1, result.output
        first, summary = [line for line in result.stderr.splitlines() if line.strip()]
        assert words in first and study["sid"] in first and "1" in summary
        assert "Traceback" not in result.output
    assert study["store"].load(study["sid"]) == before
    assert len(study["store"].list()) == 4  # no pseudonymised copy beside the original
    assert analysis_file.read_bytes() == analysis_before  # its analysis was not pooled


def test_shared_copy_is_a_new_session_elsewhere_and_never_comes_back_over(
    study: dict, tmp_path: Path
) -> None:
    shared = _export(study, "json-shared")
    other = tmp_path / "colleague"
    result = cli(other, "import", str(shared))
    assert result.exit_code == 0, result.output
    [copy] = SessionStore(other).list()
    assert copy.case == "Gemeente B" and copy.id != study["sid"]
    # the colleague's own portable export of the copy, brought back with --replace
    out = tmp_path / "back"
    result = cli(other, "export", copy.id, "--format", "json", "--out", str(out))
    assert result.exit_code == 0, result.output
    [back] = list(out.iterdir())
    original = study["store"].load(study["sid"])
    result = cli(study["data"], "import", "--replace", "--force", str(back))
    assert result.exit_code == 0, result.output  # a session of its own, case Gemeente B
    assert study["store"].load(study["sid"]) == original  # the real notes are untouched


def test_a_copy_under_the_originals_id_is_refused(study: dict, tmp_path: Path) -> None:
    """A hand-edited shared file that took the original's id back is not a valid file."""
    from interviewer.store.portable import PortableError

    path = _export(study, "json-shared")
    document = json.loads(path.read_text("utf-8"))
    document["session"]["id"] = document["pseudonymised"]["from_session"]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(document), "utf-8")
    with pytest.raises(PortableError, match="has its own id"):
        read_portable_document(edited)
    result = cli(tmp_path / "elsewhere", "import", "--replace", str(edited), lang="nl")
    assert result.exit_code == 1 and "een kopie heeft een eigen id" in result.stderr
