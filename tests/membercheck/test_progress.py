"""Progress of the long member-check steps (issue 13.9): the core reports (done, total) through
an optional callback; the command line draws a transient bar from it on stderr, only on a
terminal, with a label in the interface language. Never in a pipe or in CliRunner's captured
output. (Exports: tests/export/test_export_progress.py.)"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main, progress_bar
from interviewer.i18n import translate
from interviewer.membercheck import workflow
from interviewer.membercheck.storage import ApprovalBook

from .conftest import DEADLINE, SENT_DAY, edit_docx


def _steps(calls: list[tuple[float, float]]) -> None:
    """Totals fixed, done from 0 to total without going back."""
    assert calls, "no progress reported"
    totals = {total for _, total in calls}
    assert len(totals) == 1
    done = [d for d, _ in calls]
    assert done == sorted(done) and done[0] == 0 and done[-1] == calls[0][1]


def _edited(docx: bytes) -> bytes:
    def edit(doc) -> None:  # type: ignore[no-untyped-def]
        target = next(p for p in doc.paragraphs if len(p.text) > 120)
        target._p.getparent().remove(target._p)  # python-docx has no delete; lxml element

    return edit_docx(docx, edit)


def test_receive_and_accept_report_their_steps(tmp_path: Path, session) -> None:  # type: ignore[no-untyped-def]
    book = ApprovalBook(tmp_path)
    _, rendered, _ = workflow.send(book, session, deadline=DEADLINE, today=SENT_DAY)
    calls: list[tuple[float, float]] = []
    workflow.receive(
        book, session.id, _edited(rendered.docx), progress=lambda d, t: calls.append((d, t))
    )
    _steps(calls)
    assert calls[-1] == (workflow.RECEIVE_STEPS, workflow.RECEIVE_STEPS)
    calls.clear()
    workflow.accept(
        book,
        session.id,
        changes="minor",
        today=SENT_DAY,
        progress=lambda d, t: calls.append((d, t)),
    )
    _steps(calls)
    assert calls[-1] == (workflow.ACCEPT_STEPS, workflow.ACCEPT_STEPS)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with progress_bar.progress_bar("Exporteren") as callback:
        assert callback is None
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    with progress_bar.progress_bar("Exporteren") as callback:
        assert callback is not None
        callback(1, 2)
        callback(2, 2)
    assert "Exporteren" in terminal.getvalue()


def _run(data_dir: Path, lang: str, *args: str):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "--lang", lang, *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_cli_draws_translated_bars_on_a_terminal_and_none_otherwise(
    tmp_path: Path, stored, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:  # type: ignore[no-untyped-def]
    data_dir, sessions = stored
    first = sessions[0]
    out = tmp_path / "sent"
    _run(data_dir, lang, "approval", "send", first.id, "--deadline", "2026-04-15",
         "--out", str(out), "--today", "2026-04-01")  # fmt: skip
    (sent_file,) = out.iterdir()
    returned = tmp_path / "returned.docx"
    returned.write_bytes(_edited(sent_file.read_bytes()))
    labels = {key: translate(f"progress.{key}", lang) for key in ("receive", "accept")}

    # Captured (no terminal): the output is what it always was, no bar and no label.
    plain = _run(data_dir, lang, "approval", "receive", first.id, str(returned))
    assert not any(label in plain.output for label in labels.values())

    # On a terminal every long command draws its bar, labelled in the interface language.
    monkeypatch.setattr(progress_bar, "_is_terminal", lambda stream: True)
    received = _run(data_dir, lang, "approval", "receive", first.id, str(returned))
    assert labels["receive"] in received.stderr
    accepted = _run(data_dir, lang, "approval", "accept", first.id, "--changes", "minor")
    assert labels["accept"] in accepted.stderr
