"""The terminal never receives control characters from data (issue 14, point 4).

A session stored before case names and codes were checked (or edited by hand) can hold ESC,
a bidi override or a new line in its case name, its code and its key record's fields. Every
listing that prints them shows them as visible escapes: the sessions listing, the member
check's list, show, send and receive, the key file, the replacement list, the code list's
warning and the withdrawal's description.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from click.testing import CliRunner

from interviewer.cli import main
from interviewer.domain.codes import UNSAFE_CATEGORIES
from interviewer.store import SessionStore

from .conftest import edit_docx

CASE = "Borne\x1b[31m\u202e\nRED"
CODE = "[bold]1.1\x1b[31m"
NAME = "Jan\x1b[31m Jansen"
FUNCTION = "\u202eteamleider"
EMAIL = "jan@example.org\n\x1b[2J"


def _raw_controls(text: str) -> list[str]:
    """Control, format and separator characters other than the line ends of the output."""
    return sorted(
        {
            f"U+{ord(c):04X}"
            for c in text
            if c != "\n" and unicodedata.category(c) in UNSAFE_CATEGORIES
        }
    )


def _run(data_dir: Path, *args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "--lang", "en", *args])
    if ok:
        assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def test_every_listing_escapes_control_characters_from_data(tmp_path: Path, demos) -> None:
    data_dir = tmp_path / "data"
    store = SessionStore(data_dir)
    demo = demos[0]
    fields = {field_id: EMAIL for field_id in demo.key.fields} or {"email": EMAIL}
    session = demo.session.model_copy(update={"case": CASE, "respondent": CODE})
    key = demo.key.model_copy(
        update={"respondent": CODE, "name": NAME, "function": FUNCTION, "fields": fields}
    )
    store.create(session, key=key)  # written as stored, bypassing today's checks
    sent = tmp_path / "sent"
    outputs = {
        "sessions": _run(data_dir, "sessions"),
        "approval send": _run(
            data_dir, "approval", "send", session.id, "--out", str(sent), "--today", "2026-04-01"
        ),
        "approval list": _run(data_dir, "approval", "list", "--today", "2026-04-20"),
        "key show": _run(data_dir, "key", "show"),
        "replace add": _run(data_dir, "replace", "add", NAME, "R\u202eX\x1b[1m"),
        "replace list": _run(data_dir, "replace", "list"),
        "replace list --json": _run(data_dir, "replace", "list", "--json"),
        "codelist": _run(data_dir, "codelist", "--out", str(tmp_path / "codes")),
    }
    (sent_file,) = sent.iterdir()

    def add_line(doc) -> None:
        middle = doc.paragraphs[len(doc.paragraphs) // 2]  # in the transcript; XML holds no ESC
        middle.insert_paragraph_before("Aanvulling \u2066met\u2069 \u202e omkering")

    returned = tmp_path / "returned.docx"
    returned.write_bytes(edit_docx(sent_file.read_bytes(), add_line))
    outputs["approval receive"] = _run(data_dir, "approval", "receive", session.id, str(returned))
    outputs["approval show"] = _run(data_dir, "approval", "show", session.id)
    outputs["withdraw"] = _run(data_dir, "withdraw", session.id, "--yes")
    for command, output in outputs.items():
        assert _raw_controls(output) == [], (command, output)
    assert "\\x1b[31m" in outputs["sessions"] and "\\u202e" in outputs["sessions"]
    assert "Borne\\x1b" in outputs["approval list"]  # the column cuts the rest
    assert (
        "Jan\\x1b[31m Jansen" in outputs["key show"] and "\\u202eteamleider" in outputs["key show"]
    )
    assert "\\x0a\\x1b[2J" in outputs["approval send"]  # the closing field: the e-mail address
    assert (
        "Jan\\x1b[31m Jansen" in outputs["replace list"] and "R\\u202eX" in outputs["replace list"]
    )
    assert "\\u001b" in outputs["replace list --json"]  # still valid JSON
    assert "\\x1b[31m" in outputs["codelist"]
    assert "Aanvulling \\u2066met\\u2069 \\u202e" in outputs["approval receive"]
    assert "[bold]1.1\\x1b[31m" in outputs["approval show"]
    assert "Borne\\x1b[31m" in outputs["withdraw"]
