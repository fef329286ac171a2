"""SessionStore: round trips, prefixes, corrupt files, listing and its index, permissions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interviewer.demo import DemoSession
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import EventKind, SessionStatus
from interviewer.domain.timing import TimingEngine
from interviewer.store import (
    AmbiguousSessionId,
    DuplicateSession,
    SessionCorrupt,
    SessionNotFound,
    SessionStore,
    StoreError,
)
from interviewer.store.atomic import TEMP_PREFIX
from interviewer.store.storage import SessionFile
from tests.domain.conftest import FakeClock

from .conftest import mode


def test_opening_a_store_creates_nothing(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "data")
    assert store.list() == []
    assert store.cases() == []
    assert not (tmp_path / "data").exists()


def test_data_dir_from_environment(data_dir: Path) -> None:
    assert SessionStore().data_dir == data_dir
    assert SessionStore(data_dir / "other").data_dir == data_dir / "other"


def test_round_trip_is_exact(filled: SessionStore, demos: list[DemoSession]) -> None:
    for demo in demos:
        assert filled.load(demo.session.id) == demo.session


def test_in_progress_session_reopens_where_it_was(
    store: SessionStore, running: SessionRecorder
) -> None:
    session = running.session
    store.create(session)
    loaded = store.load(session.id)
    assert loaded == session
    assert loaded.status is SessionStatus.IN_PROGRESS
    assert (loaded.current_topic_id, loaded.current_question_id) == ("ervaring", "ervaring-1")
    assert loaded.timeline == session.timeline
    assert loaded.records["ervaring-1"].notes == session.records["ervaring-1"].notes


def test_resume_after_restart_does_not_count_the_gap(
    store: SessionStore, running: SessionRecorder, clock: FakeClock
) -> None:
    session = running.session
    clock.advance(60)
    running.set_notes("ervaring-1", "Eerste aantekening, langer")
    store.create(session)
    elapsed_before = TimingEngine(session, clock=clock).snapshot().elapsed_seconds

    clock.advance(3600)  # the laptop was off for an hour
    loaded = store.load(session.id)
    recorder = SessionRecorder(loaded, clock=clock)
    assert recorder.recover_after_restart(resume=True)
    engine = TimingEngine(loaded, clock=clock)
    assert engine.snapshot().elapsed_seconds == pytest.approx(elapsed_before)
    clock.advance(10)
    assert engine.snapshot().elapsed_seconds == pytest.approx(elapsed_before + 10)
    kinds = [e.kind for e in loaded.timeline[-2:]]
    assert kinds == [EventKind.PAUSED, EventKind.RESUMED]
    store.save(loaded)
    assert store.load(session.id) == loaded


def test_unique_prefix_and_errors(filled: SessionStore, demos: list[DemoSession]) -> None:
    target = demos[0].session.id
    prefix = next(
        target[:n]
        for n in range(1, len(target) + 1)
        if sum(d.session.id.startswith(target[:n]) for d in demos) == 1
    )
    assert filled.load(prefix).id == target
    with pytest.raises(AmbiguousSessionId, match="matches 4 sessions"):
        filled.load("demo-")
    with pytest.raises(SessionNotFound) as info:
        filled.load("zzz")
    assert isinstance(info.value, KeyError)
    assert "zzz" in str(info.value)
    for bad in ("../key", "a/b", "", ".hidden"):
        with pytest.raises(SessionNotFound):
            filled.load(bad)


def test_ambiguous_is_a_value_error_for_the_cli(filled: SessionStore) -> None:
    with pytest.raises(ValueError):
        filled.load("demo")


def test_duplicate_create_is_refused(filled: SessionStore, demos: list[DemoSession]) -> None:
    with pytest.raises(DuplicateSession):
        filled.create(demos[0].session)


def test_permissions(filled: SessionStore) -> None:
    assert mode(filled.data_dir) == 0o700
    assert mode(filled.sessions_dir) == 0o700
    for path in filled.sessions_dir.iterdir():
        assert mode(path) == 0o600, path
    assert mode(filled.data_dir / "index.json") == 0o600
    assert mode(filled.data_dir / "key.json") == 0o600


def test_existing_data_folder_is_left_as_it_is(tmp_path: Path, demos: list[DemoSession]) -> None:
    """The app sets modes only on folders it creates (issue 14, point 2): a data folder the
    user made is not changed, the ``sessions/`` folder the store creates in it is 0700."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    store = SessionStore(folder)
    store.create(demos[0].session)
    assert mode(folder) == 0o755
    assert mode(store.sessions_dir) == 0o700


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"session": {"1": {"id": "x"', "not valid JSON"),
        (b"[1, 2]", "not a TinyDB database"),
        (b'{"session": {}}', "holds no session"),
        (b'{"session": {"1": {"case": "Borne"}}}', "not a valid session"),
    ],
)
def test_damaged_file_is_reported_never_empty(
    filled: SessionStore, demos: list[DemoSession], content: bytes, reason: str
) -> None:
    sid = demos[0].session.id
    path = filled.session_path(sid)
    path.write_bytes(content)
    with pytest.raises(SessionCorrupt, match=reason) as info:
        filled.load(sid)
    assert str(path) in str(info.value)
    assert isinstance(info.value, ValueError)
    listed = {s.id for s in filled.list()}
    assert sid not in listed and len(listed) == len(demos) - 1
    assert any(str(path) in p for p in filled.problems)


def test_file_holding_another_session_is_corrupt(
    filled: SessionStore, demos: list[DemoSession]
) -> None:
    a, b = demos[0].session.id, demos[1].session.id
    filled.session_path(a).write_bytes(filled.session_path(b).read_bytes())
    with pytest.raises(SessionCorrupt, match="holds session"):
        filled.load(a)


def test_newer_format_is_refused_clearly(store: SessionStore, demos: list[DemoSession]) -> None:
    session = demos[0].session
    store.create(session)
    path = store.session_path(session.id)
    data = json.loads(path.read_bytes())
    data["session"]["1"]["format"] = 99
    path.write_text(json.dumps(data))
    with pytest.raises(StoreError, match="newer interviewer"):
        store.load(session.id)


def test_saving_over_a_damaged_file_repairs_it(
    filled: SessionStore, demos: list[DemoSession]
) -> None:
    session = demos[0].session
    filled.session_path(session.id).write_bytes(b"garbage")
    filled.save(session)
    assert filled.load(session.id) == session


def test_list_newest_first_with_case_filter(filled: SessionStore, demos: list[DemoSession]) -> None:
    listed = filled.list()
    assert [s.sort_key() for s in listed] == sorted((s.sort_key() for s in listed), reverse=True)
    assert {s.case for s in filled.list(case="Borne")} == {"Borne"}
    assert len(filled.list(case="Borne")) == 3
    assert filled.list(case="Nowhere") == []
    assert filled.cases() == ["Borne", "Zwolle"]
    summary = next(s for s in listed if s.id == demos[0].session.id)
    session = demos[0].session
    assert summary.words == session.word_count()
    assert summary.status is SessionStatus.FINISHED
    assert summary.protocol_id == session.protocol.id
    assert summary.respondent == session.respondent
    elapsed = TimingEngine(session).snapshot().elapsed_minutes
    assert summary.duration_minutes == pytest.approx(elapsed, abs=0.01)


def test_listing_does_not_open_unchanged_sessions(
    filled: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled.list()
    opened: list[Path] = []
    original = SessionFile.read

    def counting(self: SessionFile):  # type: ignore[no-untyped-def]
        opened.append(self.path)
        return original(self)

    monkeypatch.setattr(SessionFile, "read", counting)
    assert len(SessionStore(filled.data_dir).list()) == 4
    assert opened == []


def test_index_is_rebuilt_when_missing_or_damaged(
    filled: SessionStore, demos: list[DemoSession]
) -> None:
    expected = {s.id: s for s in filled.list()}
    index = filled.data_dir / "index.json"
    for damage in (None, b"", b"{not json", b'{"format": 1, "sessions": {"x": 3}}'):
        if damage is None:
            index.unlink()
        else:
            index.write_bytes(damage)
        rebuilt = {s.id: s for s in SessionStore(filled.data_dir).list()}
        assert rebuilt.keys() == expected.keys()
        assert [rebuilt[k].words for k in expected] == [expected[k].words for k in expected]
        assert json.loads(index.read_bytes())["format"] == 1


def test_index_follows_changes_made_elsewhere(
    filled: SessionStore, demos: list[DemoSession]
) -> None:
    session = demos[0].session.model_copy(deep=True)
    other = SessionStore(filled.data_dir)
    first_question = next(iter(session.records))
    session.records[first_question].notes += " nog tien woorden erbij voor de telling hier en nu"
    other.write_data(session.id, session.model_dump(mode="json"))  # no index update
    summary = next(s for s in filled.list() if s.id == session.id)
    assert summary.words == session.word_count()
    filled.session_path(demos[1].session.id).unlink()
    assert demos[1].session.id not in {s.id for s in filled.list()}


def test_temp_files_of_dead_writers_are_removed_at_start(filled: SessionStore) -> None:
    leftover = filled.sessions_dir / f"{TEMP_PREFIX}999999999-dead-x.json"
    leftover.write_bytes(b"{half")
    reopened = SessionStore(filled.data_dir)
    assert reopened.removed_temp_files == [leftover]
    assert not leftover.exists()
    assert len(reopened.list()) == 4


def test_key_records_are_apart_from_sessions(
    filled: SessionStore, demos: list[DemoSession]
) -> None:
    demo = demos[0]
    assert filled.load_key(demo.session.id) == demo.key
    assert filled.load_key("unknown") is None
    email = next(iter(demo.key.fields.values()))
    for path in filled.sessions_dir.iterdir():
        assert email.encode() not in path.read_bytes()
    assert email.encode() not in (filled.data_dir / "index.json").read_bytes()
    changed = demo.key.model_copy(update={"name": "Someone Else"})
    filled.save_key(changed)
    assert filled.load_key(demo.session.id) == changed
    assert filled.load_key(demos[1].session.id) == demos[1].key


def test_listing_and_loading_work_in_a_read_only_folder(
    filled: SessionStore, demos: list[DemoSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from interviewer.store import lock

    for left in filled.data_dir.glob("*.lock"):  # opening them would need O_CREAT
        left.unlink()
    (filled.data_dir / "index.json").unlink()
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & (os.O_CREAT | os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(lock.os, "open", read_only)
    store = SessionStore(filled.data_dir)
    assert len(store.list()) == len(demos)  # the index cannot be written; listing works
    assert store.load(demos[0].session.id) == demos[0].session
