"""Withdrawal and deletion remove the session's audio recordings, folder and all, and leave
another session's recordings alone."""

from __future__ import annotations

from click.testing import CliRunner

from interviewer.cli import main
from interviewer.recording import Frame, RecordingWriter, recordings_folder
from interviewer.withdrawal import plan_removal, remove_session
from tests.recording.audio import sine
from tests.withdrawal.conftest import Study


def record(study: Study, session_id: str, files: int = 2) -> list[RecordingWriter]:
    writers = []
    for _ in range(files):
        writer = RecordingWriter(study.store.data_dir, session_id)
        writer.write(Frame(sine(0.5), 0.0))
        writer.close()
        writers.append(writer)
    return writers


def test_the_plan_lists_the_recordings_and_removal_deletes_the_folder(study: Study) -> None:
    data_dir = study.store.data_dir
    gone = record(study, study.gone.id)
    kept = record(study, study.kept.id, files=1)
    crashed = RecordingWriter(data_dir, study.gone.id)  # left open: a crash mid-interview
    crashed.write(Frame(sine(0.3), 0.0))
    plan = plan_removal(study.store, study.gone.id)
    folder = recordings_folder(data_dir, study.gone.id)
    assert plan.recordings_folder == folder
    assert set(plan.recordings) == {w.path for w in [*gone, crashed]}
    assert not set(plan.recordings) & set(plan.other_files)
    result = remove_session(study.store, plan, "withdraw", "consent withdrawn")
    assert not folder.exists()
    assert {w.path for w in gone} <= set(result.removed)
    assert all(w.path.exists() for w in kept)
    crashed.close()  # the descriptor outlived the file: closing must not bring it back
    assert not folder.exists()


def test_a_session_without_recordings_plans_none(study: Study) -> None:
    plan = plan_removal(study.store, study.gone.id)
    assert plan.recordings == () and plan.recordings_folder is None


def test_delete_names_the_recordings_before_asking(study: Study) -> None:
    record(study, study.gone.id)
    folder = str(study.store.data_dir)
    result = CliRunner().invoke(
        main, ["--data-dir", folder, "--lang", "en", "delete", study.gone.id], input="n\n"
    )
    assert "2 audio recording(s)" in result.output
    assert recordings_folder(study.store.data_dir, study.gone.id).is_dir()
    result = CliRunner().invoke(
        main, ["--data-dir", folder, "--lang", "en", "delete", "--yes", study.gone.id]
    )
    assert result.exit_code == 0, result.output
    assert not recordings_folder(study.store.data_dir, study.gone.id).exists()


def test_the_plan_counts_recordings_not_their_time_map_companions(study: Study) -> None:
    for _ in range(2):
        with RecordingWriter(study.store.data_dir, study.gone.id, session_start=5.0) as writer:
            writer.write(Frame(sine(0.2), 0.0))
    plan = plan_removal(study.store, study.gone.id)
    assert len(plan.recordings) == 4  # 0.wav, 0.json, 1.wav, 1.json: all removed
    assert [p.name for p in plan.audio_recordings] == ["0.wav", "1.wav"]
    folder = str(study.store.data_dir)
    result = CliRunner().invoke(
        main, ["--data-dir", folder, "--lang", "nl", "withdraw", study.gone.id], input="n\n"
    )
    assert "2 geluidsopname(n)" in result.output
