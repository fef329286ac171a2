"""The export CLI: formats, folders, errors as one line, on a real store of demo sessions."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.store import SessionStore


@pytest.fixture
def stored_case(data_dir, demo_case):
    """The four demo sessions in a real store (``INTERVIEWER_DATA_DIR`` points at it)."""
    store = SessionStore(data_dir)
    for session in demo_case:
        store.create(session)
    return store


def test_unknown_format_is_one_clear_line() -> None:
    result = CliRunner().invoke(main, ["export", "abc", "--format", "pdf"])
    assert result.exit_code == 2  # a usage error: --format is a choice from the registry
    assert "Invalid value for '--format': 'pdf' is not one of 'transcript-docx'" in result.output
    assert "compare-xlsx" in result.output
    assert "Traceback" not in result.output


def test_export_needs_a_format() -> None:
    result = CliRunner().invoke(main, ["export", "abc"])
    assert result.exit_code == 1
    assert "--format" in result.output


def test_export_each_session_format_but_json(stored_case, demo_case, tmp_path) -> None:
    runner = CliRunner()
    sid = demo_case[0].id
    out = tmp_path / "out"
    for fmt in ("transcript-docx", "transcript-md", "coding-docx", "qdpx"):
        result = runner.invoke(main, ["export", sid, "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "Borne_1.1_coding.docx",
        "Borne_1.1_transcript.docx",
        "Borne_1.1_transcript.md",
        "Borne_project.qdpx",
    ]


def test_unknown_session_is_one_clear_line(stored_case, tmp_path) -> None:
    result = CliRunner().invoke(
        main, ["export", "nope", "--format", "qdpx", "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "no session with id 'nope'" in result.output


def test_matrix_and_compare(stored_case, tmp_path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["matrix", "--case", "Borne", "--format", "xlsx", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "Borne_matrix.xlsx").exists()
    result = runner.invoke(main, ["matrix", "--compare", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "Borne_compare.docx").exists()
    result = runner.invoke(main, ["matrix", "--case", "Nergens", "--out", str(tmp_path)])
    assert result.exit_code == 1 and "no sessions in case 'Nergens'" in result.output
    result = runner.invoke(main, ["matrix", "--out", str(tmp_path)])
    assert result.exit_code == 1 and "--case" in result.output


def test_guide_and_letter_from_a_protocol_file(tmp_path) -> None:
    from .conftest import SEED_PROTOCOL

    runner = CliRunner()
    result = runner.invoke(
        main, ["guide", str(SEED_PROTOCOL), "--format", "md", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["letter", str(SEED_PROTOCOL), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".md"]
