"""The command line: approval, key, codelist, replace, and the export hooks (CliRunner)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner
from docx import Document

from interviewer.cli import main

from .conftest import edit_docx, export_texts, with_note


def run(data_dir: Path, *args: str, ok: bool = True):
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "--lang", "en", *args])
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_cycle_on_the_command_line(tmp_path: Path, stored) -> None:
    data_dir, sessions = stored
    first, second = sessions[0], sessions[1]
    out = tmp_path / "to-send"
    result = run(
        data_dir,
        "approval",
        "send",
        first.id,
        "--deadline",
        "2026-04-15",
        "--out",
        str(out),
        "--today",
        "2026-04-01",
    )
    (sent_file,) = out.iterdir()
    assert str(sent_file) in result.output and "deadline 2026-04-15" in result.output
    assert "Send to: respondent-1-1" in result.output  # the transcript-check e-mail from the key
    run(
        data_dir,
        "approval",
        "send",
        second.id,
        "--deadline",
        "2026-04-10",
        "--today",
        "2026-04-01",
        "--out",
        str(out),
    )
    run(data_dir, "approval", "remind", first.id, "--channel", "phone", "--today", "2026-04-08")

    header, *listing = run(
        data_dir, "approval", "list", "--today", "2026-04-12"
    ).output.splitlines()
    assert header.split() == ["ID", "Case", "Code", "State", "Sent", "Deadline", "Reminders"]
    assert listing[0].startswith("! ") and second.id[:8] in listing[0] and "OVERDUE" in listing[0]
    assert not any(line.startswith("!") for line in listing[1:])
    assert "reminded" in next(line for line in listing if first.id[:8] in line)

    def edit(doc) -> None:
        start = next(n for n, p in enumerate(doc.paragraphs) if p.style.name == "Heading 1")
        target = next(p for p in doc.paragraphs[start:] if len(p.text) > 120)
        target._p.getparent().remove(target._p)

    returned = tmp_path / "returned.docx"
    returned.write_bytes(edit_docx(sent_file.read_bytes(), edit))
    result = run(
        data_dir, "approval", "receive", first.id, str(returned), "--out", str(tmp_path / "r")
    )
    assert "1 deleted, 0 added, 0 changed" in result.output
    assert sorted(p.suffix for p in (tmp_path / "r").iterdir()) == [".docx", ".md"]

    refused = run(
        data_dir,
        "export",
        first.id,
        "--format",
        "coding-docx",
        "--out",
        str(tmp_path / "x"),
        "--approved-only",
        ok=False,
    )
    assert refused.exit_code == 1 and "nothing exported" in refused.output
    assert not (tmp_path / "x").exists()
    need = run(data_dir, "approval", "accept", first.id, "--today", "2026-04-12", ok=False)
    assert need.exit_code == 1 and "--changes minor" in need.output
    accepted = run(data_dir, "approval", "accept", first.id, "--changes", "minor")
    assert "approved with minor changes" in accepted.output
    # The second one passed its deadline: usable without response, so exports go ahead.
    exported = run(
        data_dir,
        "export",
        first.id,
        second.id,
        "--format",
        "coding-docx",
        "--out",
        str(tmp_path / "x"),
        "--approved-only",
    )
    assert "not approved" not in exported.output
    trail = run(data_dir, "approval", "show", first.id).output
    assert [w for w in ("sent", "reminded", "received", "accepted") if w in trail] == [
        "sent",
        "reminded",
        "received",
        "accepted",
    ]


def test_export_warns_without_approval(tmp_path: Path, stored) -> None:
    data_dir, sessions = stored
    result = run(
        data_dir, "export", sessions[0].id, "--format", "coding-docx", "--out", str(tmp_path / "x")
    )
    assert "warning: the transcript of 1.1 (Borne) is not approved yet: not sent" in result.output
    assert len(list((tmp_path / "x").iterdir())) == 1
    # Transcripts for approval are not coding exports: no warning.
    quiet = run(
        data_dir,
        "export",
        sessions[0].id,
        "--format",
        "transcript-md",
        "--out",
        str(tmp_path / "x"),
    )
    assert "warning" not in quiet.output


def test_replacement_list_reaches_every_cli_export(tmp_path: Path, stored) -> None:
    data_dir, sessions = stored
    from interviewer.store import SessionStore

    store = SessionStore(data_dir)
    store.save(with_note(sessions[0], "Dat heb ik met Kees Jansen uit Borne besproken."))
    run(data_dir, "replace", "add", "Kees Jansen", "[naam]", "--kind", "person")
    run(data_dir, "replace", "add", "Borne", "Gemeente A", "--kind", "place")
    listed = run(data_dir, "replace", "list", "--json").output
    assert json.loads(listed)[0] == {"name": "Kees Jansen", "pseudonym": "[naam]", "kind": "person"}
    out = tmp_path / "exports"
    result = run(data_dir, "export", sessions[0].id, "--all-formats", "--out", str(out))
    assert "replaced 'Kees Jansen' by '[naam]': 1×" in result.output
    run(data_dir, "matrix", "--case", "Borne", "--format", "xlsx", "--out", str(out))
    run(data_dir, "matrix", "--case", "Borne", "--format", "csv", "--out", str(out))
    run(data_dir, "codelist", "--case", "Borne", "--format", "docx", "--out", str(out))
    texts = export_texts(out)
    assert len({n.split("!")[0] for n in texts}) >= 8
    # the session json is the session exactly as stored (issue 13.7): json-shared is its
    # pseudonymised copy
    stored_copies = [n for n in texts if n.split("#")[0].endswith("_session.json")]
    assert stored_copies and all("Kees Jansen" in texts.pop(n) for n in stored_copies)
    for name, text in texts.items():
        assert "kees jansen" not in text.casefold() and "borne" not in text.casefold(), name
        assert "borne" not in name.casefold()
    run(data_dir, "replace", "remove", "kees jansen")
    assert "Kees" not in run(data_dir, "replace", "list").output
    assert run(data_dir, "replace", "remove", "nobody", ok=False).exit_code == 1


def test_key_show_and_explicit_export(tmp_path: Path, stored, demos) -> None:
    data_dir, _ = stored
    shown = run(data_dir, "key", "show").output
    for demo in demos:
        assert demo.key.name in shown
    target = tmp_path / "safe" / "key.csv"
    run(data_dir, "key", "export", "--out", str(target))
    assert (target.stat().st_mode & 0o777) == 0o600
    assert demos[0].key.name in target.read_text(encoding="utf-8-sig")
    again = run(data_dir, "key", "export", "--out", str(target), ok=False)
    assert again.exit_code == 1 and "--force" in again.output


def test_codelist_command(tmp_path: Path, stored) -> None:
    data_dir, sessions = stored
    out = tmp_path / "out"
    result = run(data_dir, "codelist", "--case", "Borne", "--out", str(out))
    assert "not on the replacement list" in result.output  # the case name would be published
    (path,) = out.iterdir()
    text = path.read_text(encoding="utf-8")
    assert "## Borne" in text and f"Respondent 1.2: {sessions[1].role}" in text
    run(data_dir, "replace", "add", "Borne", "Gemeente A")
    run(data_dir, "codelist", "--case", "Borne", "--format", "docx", "--out", str(out))
    docx = next(p for p in out.iterdir() if p.suffix == ".docx")
    doc = Document(io.BytesIO(docx.read_bytes()))
    # a document: in the sessions' (Dutch) language although the interface speaks English
    assert [p.text for p in doc.paragraphs][:2] == ["Codelijst respondenten", "Gemeente A"]


def test_clear_errors(tmp_path: Path, stored) -> None:
    data_dir, sessions = stored
    missing = run(data_dir, "approval", "send", "nope", ok=False)
    assert missing.exit_code == 1 and "Traceback" not in missing.output
    not_sent = run(data_dir, "approval", "remind", sessions[0].id, "--channel", "email", ok=False)
    assert not_sent.exit_code == 1 and "has not been sent" in not_sent.output
    run(
        data_dir,
        "approval",
        "send",
        sessions[0].id,
        "--today",
        "2026-04-01",
        "--deadline",
        "2026-04-20",
        "--out",
        str(tmp_path),
    )
    bad = tmp_path / "bad.docx"
    bad.write_text("not a document")
    wrong = run(data_dir, "approval", "receive", sessions[0].id, str(bad), ok=False)
    assert wrong.exit_code == 1 and "not a Word" in wrong.output
    past = run(
        data_dir,
        "approval",
        "send",
        sessions[1].id,
        "--today",
        "2026-04-01",
        "--deadline",
        "2026-03-01",
        ok=False,
    )
    assert past.exit_code == 1 and "in the past" in past.output
