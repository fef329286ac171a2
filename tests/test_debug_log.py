"""The debug log (issue 15, point 2): written only when asked, 0600, never note text, and a
crash report that names our own code rather than the library frame it died in."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import BaseModel, ValidationError

from interviewer import debug_log, paths
from interviewer.cli import main
from interviewer.domain.recorder import RecorderError
from interviewer.store.storage import encode_json

SECRET = "zeer geheime aantekening"


class _Minutes(BaseModel):
    minutes: int


def _refused() -> ValidationError:
    try:
        _Minutes.model_validate({"minutes": SECRET})
    except ValidationError as exc:
        return exc
    raise AssertionError("pydantic accepted text as minutes")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache" / "interviewer"
    monkeypatch.setattr(paths, "cache_dir", lambda: folder)
    monkeypatch.delenv(debug_log.DEBUG_ENV, raising=False)
    debug_log.detach()
    yield folder
    debug_log.detach()


def test_nothing_is_written_unless_asked(cache: Path) -> None:
    assert debug_log.configure() is None
    debug_log.record(_refused(), "test")
    assert not cache.exists()


def test_the_log_holds_frames_and_types_but_no_note_text(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(debug_log.DEBUG_ENV, "1")
    assert debug_log.configure() == cache / debug_log.LOG_FILE_NAME
    debug_log.record(_refused(), "test: refused minutes")
    keyed = RecorderError("recorder.error.unknown_question", qid=SECRET)
    try:
        raise keyed
    except RecorderError as exc:
        debug_log.record(exc, "test: keyed")
    debug_log.detach()
    log_file = cache / debug_log.LOG_FILE_NAME
    text = log_file.read_text(encoding="utf-8")
    assert "handled in test: refused minutes: ValidationError" in text
    assert "test_debug_log.py" in text and "_refused" in text  # the frames are there
    assert "RecorderError [recorder.error.unknown_question]" in text
    assert SECRET not in text
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


def test_a_zero_means_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(debug_log.DEBUG_ENV, "0")
    assert not debug_log.enabled()
    assert debug_log.configure() is None


def test_other_loggers_of_the_program_reach_the_log(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(debug_log.DEBUG_ENV, "1")
    debug_log.configure()
    logging.getLogger("interviewer.store.autosave").warning("disk full for session %s", "s-1")
    debug_log.detach()
    assert "disk full for session s-1" in (cache / debug_log.LOG_FILE_NAME).read_text()


def test_the_crash_frame_is_ours_not_the_library_one() -> None:
    try:
        encode_json({"notes": object()})  # fails inside pydantic_core, called from the store
    except Exception as exc:
        frame = debug_log.innermost_own_frame(exc)
    assert frame is not None
    assert Path(frame.filename).name == "storage.py"
    assert frame.name == "encode_json"


def test_debug_flag_turns_the_log_on(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(debug_log.DEBUG_ENV, "")  # restored after the test: --debug sets it
    result = CliRunner().invoke(main, ["--debug", "paths"])
    assert result.exit_code == 0, result.output
    assert debug_log.enabled()
    assert any(isinstance(h, debug_log.PrivateFileHandler) for h in debug_log.log.handlers)
