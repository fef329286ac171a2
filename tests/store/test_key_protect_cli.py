"""``interviewer key protect`` / ``unprotect`` and the commands that read names, on the
command line (click's CliRunner: stdin is not a terminal, so nothing is ever prompted for
a read; protect's own prompts get their answers through ``input``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.demo import DemoSession
from interviewer.store import SessionStore
from interviewer.store.keyfile import PASSPHRASE_ENV, KeyFile

from .conftest import mode

PASS = "correct horse battery"


@pytest.fixture(autouse=True)
def _no_passphrase_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)


def run(data: Path, *args: str, input: str | None = None, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["--data-dir", str(data), *args], input=input, env=env)
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result


def one_error_line(result, prompts: int = 0) -> str:  # type: ignore[no-untyped-def]
    """The one error line after ``prompts`` prompt lines (CliRunner echoes them)."""
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()[prompts:]
    assert len(lines) == 1 and lines[0].startswith("interviewer: error: "), result.output
    return lines[0]


def test_protect_asks_twice_then_names_need_the_passphrase(
    filled: SessionStore, demos: list[DemoSession]
) -> None:
    data = filled.data_dir
    name = demos[0].key.name
    assert name and name in run(data, "key", "show").output

    differ = run(data, "key", "protect", input=f"{PASS}\nsomething else\n")
    assert "The two passphrases differ." in differ.output and differ.exit_code == 1
    assert (data / "key.json").exists() and not KeyFile(data).protected

    done = run(data, "key", "protect", input=f"{PASS}\n{PASS}\n")
    assert done.exit_code == 0, done.output
    assert "The key file is protected" in done.output and PASS not in done.output
    assert not (data / "key.json").exists()
    for file in ("key.json.age", "key.identity.age", "key.recipient"):
        assert mode(data / file) == 0o600
        assert name.encode() not in (data / file).read_bytes()

    locked = one_error_line(run(data, "key", "show"))
    assert locked == (
        "interviewer: error: the key file is protected: give the passphrase "
        "(INTERVIEWER_PASSPHRASE or prompt)"
    )
    assert "beveiligd" in one_error_line(run(data, "--lang", "nl", "key", "show"))
    assert "the key file is protected" in one_error_line(
        run(data, "key", "export", "--out", str(data.parent / "k.json"))
    )
    assert not (data.parent / "k.json").exists()

    wrong = one_error_line(run(data, "key", "show", env={PASSPHRASE_ENV: "not it at all"}))
    assert wrong.endswith("key.identity.age: wrong passphrase for the key file")

    shown = run(data, "key", "show", env={PASSPHRASE_ENV: PASS})
    assert shown.exit_code == 0 and name in shown.output


def test_writes_while_protected_then_unprotect(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "demo", "--case", "Borne", "--respondents", "1").exit_code == 0
    secret = tmp_path / "phrase"
    secret.write_text(PASS + "\n")
    assert run(data, "key", "protect", "--passphrase-file", str(secret)).exit_code == 0
    again = one_error_line(run(data, "key", "protect", "--passphrase-file", str(secret)))
    assert "already protected" in again

    added = run(data, "demo", "--case", "Zwolle", "--respondents", "1")  # adds key records
    assert added.exit_code == 0, added.output  # without asking for the passphrase
    assert len(KeyFile(data).pending_changes()) == 1

    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase\n")
    refused = one_error_line(run(data, "key", "unprotect", "--passphrase-file", str(wrong)))
    assert "wrong passphrase" in refused and KeyFile(data).protected

    out = run(data, "key", "unprotect", "--passphrase-file", str(secret))
    assert out.exit_code == 0, out.output
    assert not KeyFile(data).protected and mode(data / "key.json") == 0o600
    assert sorted(p.name for p in data.glob("key*")) == ["key.json", "key.json.lock"]
    cases = [line.split()[1] for line in run(data, "key", "show").output.splitlines()[1:]]
    assert cases == ["Borne", "Zwolle"]
    assert "not protected" in one_error_line(run(data, "key", "unprotect"))


def test_change_passphrase_and_short_ones(tmp_path: Path) -> None:
    data = tmp_path / "data"
    short = one_error_line(run(data, "key", "protect", input="short\n"), prompts=1)
    assert "at least 8 characters" in short
    assert run(data, "demo", "--case", "Borne", "--respondents", "1").exit_code == 0
    assert run(data, "key", "protect", env={PASSPHRASE_ENV: PASS}).exit_code == 0
    new = tmp_path / "new"
    new.write_text("a new and longer phrase\n")
    wrong_old = run(
        data, "key", "protect", "--change", "--passphrase-file", str(new), input="nope it is\n"
    )
    assert "wrong passphrase" in one_error_line(wrong_old, prompts=1)
    changed = run(
        data, "key", "protect", "--change", "--passphrase-file", str(new), input=f"{PASS}\n"
    )
    assert changed.exit_code == 0 and "passphrase of the key file is changed" in changed.output
    assert run(data, "key", "show", env={PASSPHRASE_ENV: PASS}).exit_code == 1
    assert run(data, "key", "show", env={PASSPHRASE_ENV: "a new and longer phrase"}).exit_code == 0
    missing = one_error_line(
        run(data, "key", "unprotect", "--passphrase-file", str(tmp_path / "none"))
    )
    assert "cannot read the passphrase" in missing


def test_withdrawal_and_approval_send_need_the_passphrase(
    filled: SessionStore, demos: list[DemoSession], tmp_path: Path
) -> None:
    data = filled.data_dir
    filled.keys.protect(PASS)
    sid = demos[0].session.id
    out = tmp_path / "out"
    send = one_error_line(run(data, "--lang", "en", "approval", "send", sid, "--out", str(out)))
    assert "the key file is protected" in send
    assert not out.exists()  # failed before anything was written or recorded
    delete = one_error_line(run(data, "--lang", "en", "delete", sid, input="y\n"))
    assert "the key file is protected" in delete
    assert SessionStore(data).exists(sid)
    sent = run(
        data, "--lang", "en", "approval", "send", sid, "--out", str(out), env={PASSPHRASE_ENV: PASS}
    )
    assert sent.exit_code == 0, sent.output
    gone = run(data, "delete", sid, "--yes", env={PASSPHRASE_ENV: PASS})
    assert gone.exit_code == 0, gone.output
    unlocked = KeyFile(data, ask_passphrase=lambda: PASS)
    assert sid not in unlocked.all() and len(unlocked.all()) == len(demos) - 1
    assert unlocked.pending_changes() == []  # removed from key.json.age itself, not pending


def test_the_tui_never_prompts_for_the_passphrase(tmp_path: Path) -> None:
    """``run``/``resume`` give the app a store whose key file only looks at the environment:
    a prompt would write into the screen the app draws."""
    import gc

    from interviewer.cli.run_commands import make_tui
    from interviewer.store.keyfile import passphrase_from_env

    store = SessionStore(tmp_path / "data")
    store.keys.ask_passphrase = lambda: pytest.fail("prompted")  # as open_store sets it
    try:
        make_tui(store, None, "en")
    finally:
        gc.unfreeze()
        gc.enable()
    assert store.keys.ask_passphrase is passphrase_from_env
