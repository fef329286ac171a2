"""``interviewer withdraw`` and ``delete`` through click's CliRunner: confirmation, --yes, the
lock, the audit file, and the list of export files that still hold the respondent."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from interviewer.cli import main
from interviewer.withdrawal import read_audit
from tests.withdrawal.conftest import EMAIL, Study, holding


def run(study: Study, *args: str, input: str | None = None, lang: str = "en") -> Result:
    """The command in ``lang`` (the demo protocol is Dutch, which the interface would follow)."""
    folder = str(study.store.data_dir)
    return CliRunner().invoke(main, ["--data-dir", folder, "--lang", lang, *args], input=input)


def test_withdraw_asks_and_keeps_everything_when_declined(study: Study) -> None:
    result = run(study, "withdraw", study.gone.id, input="n\n")
    assert result.exit_code == 1
    assert "key record" in result.output and "emergency" in result.output
    assert "Nothing removed." in result.output
    assert study.store.exists(study.gone.id) and study.emergency.exists()
    assert read_audit(study.store.data_dir) == []


def test_withdraw_without_an_answer_removes_nothing(study: Study) -> None:
    result = run(study, "withdraw", study.gone.id, input="")
    assert result.exit_code == 1 and "Nothing removed." in result.output
    assert "Traceback" not in result.output
    assert study.store.exists(study.gone.id)


def test_withdraw_confirmed_removes_and_records(study: Study, tmp_path: Path) -> None:
    result = run(
        study, "withdraw", study.gone.id[:8], "--reason", "consent withdrawn",
        "--exports", str(tmp_path / "none"), input="y\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Withdrawn: case Borne, respondent" in result.output
    assert "borne-1.1-opname.json" in result.output  # the transcript's source, outside
    assert "No export file" in result.output
    assert not study.store.exists(study.gone.id)
    assert holding(study.store.data_dir, EMAIL, *study.notes) == []
    (entry,) = read_audit(study.store.data_dir)
    assert (entry.kind, entry.reason) == ("withdraw", "consent withdrawn")


def test_delete_with_yes_does_not_ask(study: Study, tmp_path: Path) -> None:
    result = run(study, "delete", study.gone.id, "--yes", "--exports", str(tmp_path / "x"))
    assert result.exit_code == 0, result.output
    assert "Deleted: case Borne" in result.output and "[y/N]" not in result.output
    assert [e.kind for e in read_audit(study.store.data_dir)] == ["delete"]


def test_dutch_messages(study: Study, tmp_path: Path) -> None:
    result = run(study, "delete", study.gone.id, "--exports", str(tmp_path), input="j\n", lang="nl")
    assert result.exit_code == 0, result.output
    assert "sleutelgegevens" in result.output and "Verwijderd: casus Borne" in result.output


def test_refuses_a_session_open_in_another_window(study: Study) -> None:
    lock = study.store.lock(study.gone.id)
    try:
        result = run(study, "withdraw", study.gone.id, "--yes")
    finally:
        lock.release()
    assert result.exit_code == 1
    assert "open in another window" in result.stderr and "Traceback" not in result.output
    assert study.store.exists(study.gone.id)


def test_unknown_id_is_one_line(study: Study) -> None:
    result = run(study, "withdraw", "nope", "--yes")
    assert result.exit_code == 1
    assert result.stderr.startswith("interviewer: error: no session with id 'nope'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_lists_the_export_files_that_still_hold_the_respondent(
    study: Study, tmp_path: Path
) -> None:
    out = tmp_path / "exports"
    for fmt in ("transcript-md", "coding-docx", "json"):
        assert (
            run(study, "export", study.gone.id, "--format", fmt, "--out", str(out)).exit_code == 0
        )
    kept = run(study, "export", study.kept.id, "--format", "transcript-md", "--out", str(out))
    assert kept.exit_code == 0
    both = run(study, "export", study.gone.id, study.kept.id, "--format", "qdpx", "--out", str(out))
    assert both.exit_code == 0
    assert (
        run(study, "matrix", "--case", "Borne", "--format", "xlsx", "--out", str(out)).exit_code
        == 0
    )
    renamed = out / "sent-to-supervisor.docx"
    (out / f"Borne_{study.gone.respondent}_coding.docx").rename(renamed)  # found by its text
    files = sorted(p.name for p in out.iterdir())

    result = run(study, "withdraw", study.gone.id, "--yes", "--exports", str(out))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    listed = {Path(line.strip()).name for line in lines if line.startswith(f"  {out}")}
    kept_name = f"Borne_{study.kept.respondent}_transcript.md"
    assert kept_name in files and kept_name not in listed
    assert listed == set(files) - {kept_name}, result.output
    assert "sent-to-supervisor.docx" in listed
