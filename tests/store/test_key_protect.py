"""The key file under a passphrase (``KeyFile.protect``): writes need none, reads fold.

Every test runs real age encryption; the passphrase's scrypt takes about 1.5 s per unlock,
so each test unlocks as few times as it can (an unlocked ``KeyFile`` keeps its identity).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from interviewer.domain.session import KeyRecord
from interviewer.domain.session_factory import new_session
from interviewer.store import SessionStore
from interviewer.store.keyfile import (
    IDENTITY_NAME,
    PASSPHRASE_ENV,
    RECIPIENT_NAME,
    SEALED_NAME,
    KeyFile,
    KeyFileLocked,
    WrongPassphrase,
)
from interviewer.tui.live import LiveSession
from tests.domain.conftest import FakeClock, build_protocol

from .conftest import mode

PASS = "correct horse battery"
Protect = Callable[..., KeyFile]
WORKERS = 12


@pytest.fixture(autouse=True)
def _no_passphrase_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)


def key(sid: str, **kw: object) -> KeyRecord:
    return KeyRecord(session_id=sid, respondent="1.1", **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """One protected, empty data folder and its unlocked identity: copied by ``protected``
    so that not every test pays for protect's scrypt."""
    folder = tmp_path_factory.mktemp("template") / "data"
    keys = KeyFile(folder)
    keys.protect(PASS)
    return folder, keys._identity


@pytest.fixture
def protected(template: tuple[Path, object]) -> Protect:
    """``protected(data, *records)``: a protected key file in ``data`` holding ``records``
    (folded into key.json.age, nothing pending); returns a KeyFile without the passphrase."""

    def make(data: Path, *records: KeyRecord) -> KeyFile:
        shutil.copytree(template[0], data)
        keys = KeyFile(data, ask_passphrase=None)
        keys._identity = template[1]  # the template's unlocked identity: writes fold at once
        for record in records:
            keys.put(record)
        assert keys.pending_changes() == []
        return KeyFile(data, ask_passphrase=None)

    return make


def reader(data: Path, passphrase: str = PASS) -> KeyFile:
    """A fresh KeyFile (another process) that is given ``passphrase`` when it asks."""
    return KeyFile(data, ask_passphrase=lambda: passphrase)


def writer(data: Path) -> KeyFile:
    """A fresh KeyFile that has no passphrase at all (an interview)."""
    return KeyFile(data, ask_passphrase=None)


def test_protect_unprotect_round_trip(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ann = key("a", name="Ann de Vries", fields={"mail": "ann@example.org"})
    keys = KeyFile(data)
    keys.put(ann)
    keys.put(key("b", name="Bob"))
    keys.protect(PASS)
    keys.update(lambda doc: doc.__setitem__("members", {"Borne": ["Ellen"]}))
    assert not (data / "key.json").exists()  # the plaintext is gone
    for name in (SEALED_NAME, IDENTITY_NAME, RECIPIENT_NAME):
        assert mode(data / name) == 0o600
        assert b"Ann" not in (data / name).read_bytes()
    assert keys.protected
    again = reader(data)
    assert again.get("a") == ann
    assert again.read_document()["members"] == {"Borne": ["Ellen"]}
    again.unprotect(PASS)
    assert not again.protected
    assert sorted(p.name for p in data.iterdir()) == ["key.json", "key.json.lock"]
    assert mode(data / "key.json") == 0o600
    assert KeyFile(data).get("a") == ann and set(KeyFile(data).all()) == {"a", "b"}


def test_reading_without_passphrase_is_one_keyed_line(tmp_path: Path, protected: Protect) -> None:
    data = tmp_path / "data"
    protected(data, key("a", name="Ann"))
    keys = writer(data)
    with pytest.raises(KeyFileLocked) as info:
        keys.get("a")
    assert str(info.value) == (
        "the key file is protected: give the passphrase (INTERVIEWER_PASSPHRASE or prompt)"
    )
    assert "wachtzin" in info.value.message("nl")
    assert keys.get_for_interview("a") is None  # resuming an interview never needs it
    with pytest.raises(KeyFileLocked):
        KeyFile(data, ask_passphrase=lambda: "").all()  # an empty answer is no passphrase


def test_wrong_passphrase(tmp_path: Path, protected: Protect) -> None:
    data = tmp_path / "data"
    protected(data, key("a", name="Ann"))
    with pytest.raises(WrongPassphrase) as info:
        reader(data, "not the passphrase").get("a")
    assert str(info.value) == f"{data / IDENTITY_NAME}: wrong passphrase for the key file"
    assert "verkeerde wachtzin" in info.value.message("nl")
    with pytest.raises(WrongPassphrase):
        KeyFile(data).unprotect("not the passphrase")
    assert KeyFile(data).protected


def test_change_passphrase(tmp_path: Path, protected: Protect) -> None:
    data = tmp_path / "data"
    protected(data, key("a", name="Ann"))
    KeyFile(data).change_passphrase(PASS, "a brand new phrase")
    with pytest.raises(WrongPassphrase):
        reader(data).get("a")
    assert reader(data, "a brand new phrase").get("a").name == "Ann"  # type: ignore[union-attr]


def test_refusals(tmp_path: Path, protected: Protect) -> None:
    data = tmp_path / "data"
    with pytest.raises(ValueError, match="at least 8"):
        KeyFile(data).protect("short")
    with pytest.raises(Exception, match="not protected"):
        KeyFile(data).unprotect(PASS)
    protected(data)
    with pytest.raises(Exception, match="already protected"):
        KeyFile(data).protect(PASS)


def test_writes_while_protected_are_sealed_and_replayed_in_order(
    tmp_path: Path, protected: Protect
) -> None:
    data = tmp_path / "data"
    protected(data, key("a", name="Ann", fields={"mail": "ann@example.org"}))
    keys = writer(data)  # never asks: there is nobody to ask during an interview
    record = key("a")  # a resumed interview does not know what the file holds
    record.fields["phone"] = "06"
    keys.put(record)
    keys.put(key("c", name="Cor"))
    record.fields["phone"] = "0612"  # the same field again, after another change
    keys.put(record)
    del record.fields["phone"]  # cleared again
    record.fields["post"] = "Dorpsstraat 1"
    keys.put(record)
    assert keys.remove("c") is True
    keys.put(key("d", name="Dirk"))
    pending = keys.pending_changes()
    assert len(pending) == 5
    assert [p.name[:10] for p in pending] == [f"{n:010d}" for n in range(1, 6)]
    for path in pending:
        assert mode(path) == 0o600 and b"Dirk" not in path.read_bytes()
    assert mode(keys.pending_dir) == 0o700

    folded = reader(data).all()
    assert set(folded) == {"a", "d"}
    assert folded["a"].name == "Ann"  # what the writer did not know stays
    assert folded["a"].fields == {"mail": "ann@example.org", "post": "Dorpsstraat 1"}
    assert writer(data).pending_changes() == []  # folded into key.json.age
    assert reader(data).all() == folded


def test_typing_a_field_writes_one_pending_file_not_one_per_key(
    tmp_path: Path, protected: Protect
) -> None:
    data = tmp_path / "data"
    protected(data)
    keys = writer(data)
    record = key("a")
    for n in range(1, 20):
        record.fields["mail"] = "ann@example.org"[:n]
        keys.put(record)
    assert len(keys.pending_changes()) == 1
    assert reader(data).get("a").fields == {"mail": "ann@example.org"}  # type: ignore[union-attr]


def test_a_fold_killed_before_deleting_the_pending_changes_replays_them_harmlessly(
    tmp_path: Path,
    protected: Protect,
) -> None:
    data = tmp_path / "data"
    protected(data, key("a", fields={"mail": "old@example.org"}))
    keys = writer(data)
    record = key("a")
    record.fields["mail"] = "new@example.org"
    keys.put(record)
    keys.remove("a")
    keys.put(key("a", name="Ann"))
    saved = {p.name: p.read_bytes() for p in keys.pending_changes()}
    first = reader(data).all()
    for name, content in saved.items():  # as if the fold died before its unlink
        (keys.pending_dir / name).write_bytes(content)
    assert reader(data).all() == first == {"a": key("a", name="Ann")}


def test_unprotect_folds_the_pending_changes(tmp_path: Path, protected: Protect) -> None:
    data = tmp_path / "data"
    protected(data, key("a", name="Ann"))
    writer(data).put(key("b", name="Bob"))
    KeyFile(data).unprotect(PASS)
    assert not (data / "key.pending").exists()
    assert set(KeyFile(data).all()) == {"a", "b"}


def test_a_plaintext_left_by_a_killed_protect_goes_on_the_next_write(
    tmp_path: Path, protected: Protect
) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    protected(data, key("a", name="Ann"))
    (data / "key.json").write_text('{"format": 1, "keys": {}}')  # killed before the unlink
    writer(data).put(key("b"))
    assert not (data / "key.json").exists()


def test_damaged_sealed_files_are_one_line(tmp_path: Path, protected: Protect) -> None:
    data = tmp_path / "data"
    protected(data, key("a", name="Ann"))
    keys = writer(data)
    keys.put(key("b"))
    pending = keys.pending_changes()[0]
    pending.write_bytes(b"age-encryption.org/v1\n garbage")
    unlocked = reader(data)
    with pytest.raises(ValueError) as info:
        unlocked.all()
    assert (
        str(info.value)
        == f"{pending}: the protected key file is damaged (cannot decrypt or read it)"
    )
    assert pending.exists()  # nothing is thrown away
    pending.unlink()
    (data / SEALED_NAME).write_bytes(b"")
    with pytest.raises(ValueError, match="damaged"):
        unlocked.all()


# --- interviews ------------------------------------------------------------------------------
def test_a_full_interview_on_a_protected_store_never_asks(tmp_path: Path) -> None:
    """Closing fields typed during an interview, the app killed and resumed in another
    process, more typed: all of it reaches the key file, no passphrase asked once."""
    data = tmp_path / "data"
    clock = FakeClock()
    protocol = build_protocol()
    session = new_session(
        protocol, case="Borne", respondent="1.1", clock=clock, advance_consent=dt.date(2026, 3, 1)
    )
    store = SessionStore(data)
    store.create(session, key=key(session.id, name="Ann de Vries"))  # before protect
    store.keys.protect(PASS)

    def never() -> str:
        raise AssertionError("the interview asked for the passphrase")

    first = SessionStore(data)
    first.keys.ask_passphrase = never
    live = LiveSession(first, session, key=first.load_key_for_interview(session.id), clock=clock)
    live.open()
    live.recorder.start()
    live.recorder.enter_topic("ervaring")
    live.recorder.show_question("ervaring-1")
    live.recorder.set_notes("ervaring-1", "goed")
    fields = [f.id for f in protocol.closing.fields]
    live.recorder.set_closing_field(fields[0], "ann@example.org")
    assert live.key_error is None
    live.close()

    second = SessionStore(data)  # resumed later: the record cannot be read, nor need be
    second.keys.ask_passphrase = never
    resumed = second.load(session.id)
    assert second.load_key_for_interview(session.id) is None
    live = LiveSession(second, resumed, key=None, clock=clock).open()
    live.recover()
    live.recorder.set_closing_field(fields[1], "verslag@example.org")
    live.recorder.finish()
    live.close()
    assert live.key_error is None

    record = reader(data).get(session.id)
    assert record is not None and record.name == "Ann de Vries"
    assert record.fields == {fields[0]: "ann@example.org", fields[1]: "verslag@example.org"}


# --- processes -------------------------------------------------------------------------------
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from interviewer.domain.session import KeyRecord
    from interviewer.store.keyfile import KeyFile
    keys = KeyFile(Path(sys.argv[1]), ask_passphrase=None)
    print("ready", flush=True)
    for n in range(100000):
        keys.put(KeyRecord(session_id=f"s{n:06d}", respondent="1.1", fields={"n": str(n)}))
    """
)


def test_killed_writers_leave_whole_changes_only(tmp_path: Path, protected: Protect) -> None:
    data = tmp_path / "data"
    protected(data)
    env = {k: v for k, v in os.environ.items() if k != PASSPHRASE_ENV}
    for round_ in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data)], stdout=subprocess.PIPE, env=env
        )
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
        time.sleep(0.15 + 0.05 * round_)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
    keys = reader(data)
    records = keys.all()  # every pending file decrypts: none is half written
    numbers = sorted(int(sid[1:]) for sid in records)
    assert numbers == list(range(len(numbers))), "a change in the middle went missing"
    assert len(numbers) > 5
    assert all(r.fields == {"n": str(int(sid[1:]))} for sid, r in records.items())
    assert keys.pending_changes() == []
    assert not [p for p in keys.pending_dir.iterdir()]  # temp files of the killed ones gone


PARALLEL = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from interviewer.domain.session import KeyRecord
    from interviewer.store.keyfile import KeyFile
    data, go, me, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    keys = KeyFile(data, ask_passphrase=None)
    while not go.exists():
        time.sleep(0.001)
    mine = KeyRecord(session_id=f"w{me}", respondent=f"{me}.1")
    for r in range(rounds):
        mine.fields[f"r{r}"] = str(r)  # one field more each round, as typed in an interview
        keys.put(mine)
        keys.put(KeyRecord(session_id=f"s{me}-{r}", respondent=f"{me}.{r}"))
    """
)


def test_parallel_writers_lose_nothing(tmp_path: Path, protected: Protect) -> None:
    data = tmp_path / "data"
    protected(data, key("first", name="Ann"))
    go = tmp_path / "go"
    env = {k: v for k, v in os.environ.items() if k != PASSPHRASE_ENV}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", PARALLEL, str(data), str(go), str(n), "8"],
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(WORKERS)
    ]
    time.sleep(0.3)
    go.write_text("")
    for proc in procs:
        _out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
    records = reader(data).all()
    assert len(records) == 1 + WORKERS + WORKERS * 8
    for n in range(WORKERS):  # every round's field of every writer, none overwritten
        assert records[f"w{n}"].fields == {f"r{r}": str(r) for r in range(8)}
    assert records["s11-7"].respondent == "11.7" and records["first"].name == "Ann"
