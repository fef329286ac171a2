"""``transcript show`` prints transcript text as data: no control character reaches the
terminal (issue 14, point 4), whatever the tool that made the transcript put in it."""

from __future__ import annotations

from click.testing import CliRunner

from interviewer.cli import main
from interviewer.store import SessionStore
from tests.transcript.conftest import out_of_order_session

SRT = (
    "1\n00:00:11,000 --> 00:00:14,000\nAnna: ja \x1b[31mrood\x1b[0m \u202egesproken\n\n"
    "2\n00:01:11,000 --> 00:01:13,000\nBert\x07: nee\n"
)


def test_transcript_show_escapes_control_characters(data_dir, tmp_path) -> None:
    session = out_of_order_session()
    SessionStore(data_dir).create(session)
    source = tmp_path / "opname.srt"
    source.write_text(SRT, encoding="utf-8")
    runner = CliRunner()
    imported = runner.invoke(main, ["transcript", "import", session.id, str(source)])
    assert imported.exit_code == 0, imported.output
    shown = runner.invoke(main, ["transcript", "show", session.id])
    assert shown.exit_code == 0, shown.output
    raw = [ch for ch in shown.output if ch != "\n" and not ch.isprintable()]
    assert raw == []
    assert "\\x1b[31mrood" in shown.output and "\\u202egesproken" in shown.output
