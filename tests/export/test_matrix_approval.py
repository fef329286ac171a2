"""The approval state where the data is used (issue 12, point 5): matrix column headers,
the coding document (top and page header), the REFI-QDA source, and ``interviewer matrix``
warning (or refusing with ``--approved-only``) like ``export`` does."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from openpyxl import load_workbook

from interviewer.cli import main
from interviewer.export.coding_docx import write_coding_docx
from interviewer.export.matrix import case_matrix
from interviewer.export.matrix_tabular import write_matrix_xlsx
from interviewer.export.qdpx import write_qdpx
from interviewer.membercheck.exporting import export_options
from interviewer.membercheck.model import ApprovalState
from interviewer.membercheck.storage import ApprovalBook

from .conftest import assert_valid, reopen

NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture
def stored(tmp_path: Path, demo_case):
    """A data folder with the demo case; 1.1's transcript approved, the others never sent."""
    from interviewer.membercheck.model import ApprovalRecord
    from interviewer.store import SessionStore

    data_dir = tmp_path / "data"
    store = SessionStore(data_dir)
    for session in demo_case:
        store.create(session)
    book = ApprovalBook(data_dir)
    first = demo_case[0]
    approved = ApprovalRecord(
        session_id=first.id,
        case=first.case,
        respondent=first.respondent,
        state=ApprovalState.APPROVED_MINOR,
    )
    book.save(approved)
    return data_dir, demo_case


def test_export_options_name_only_the_unapproved(stored) -> None:
    data_dir, sessions = stored
    options = export_options(data_dir, sessions, today=dt.date(2026, 4, 1))
    assert set(options.unapproved or {}) == {s.id for s in sessions[1:]}
    assert set((options.unapproved or {}).values()) == {"niet verstuurd"}


def test_matrix_headers_carry_the_state(stored) -> None:
    data_dir, sessions = stored
    options = export_options(data_dir, sessions)
    matrix = case_matrix(sessions, approval=options.approval, unapproved=options.unapproved)
    assert matrix.header[2:] == (
        "Respondent 1.1",
        "Respondent 1.2 (goedkeuring: niet verstuurd)",
        "Respondent 1.3 (goedkeuring: niet verstuurd)",
        "Respondent 1.4 (goedkeuring: niet verstuurd)",
    )
    assert matrix.other_header[1:] == matrix.header[2:]
    assert matrix.time_header[1:] == matrix.header[2:]
    stream = io.BytesIO()
    write_matrix_xlsx(sessions, stream, options)
    sheet = load_workbook(io.BytesIO(stream.getvalue()))["Matrix"]
    assert sheet["D3"].value == "Respondent 1.2 (goedkeuring: niet verstuurd)"


def test_coding_document_says_so_at_the_top_and_on_every_page(stored) -> None:
    data_dir, sessions = stored
    options = export_options(data_dir, sessions)
    stream = io.BytesIO()
    write_coding_docx(sessions[1], stream, options)
    doc = reopen(stream.getvalue())
    # the first row of the title table (a table: no 'Status:' paragraph for a speaker import)
    status = [c.text for c in doc.tables[0].rows[0].cells]
    assert status == ["Status", "NIET GOEDGEKEURD door de respondent (niet verstuurd)"]
    assert doc.tables[0].rows[0].cells[1].paragraphs[0].runs[0].bold
    study = sessions[1].protocol.study or sessions[1].protocol.title
    for section in doc.sections:  # the text section is linked to the first one's header
        header = section.header.paragraphs[0].text
        assert header == f"{study} · 1.2 · CONCEPT"
    stream = io.BytesIO()
    write_coding_docx(sessions[0], stream, options)
    approved = reopen(stream.getvalue())
    assert not any("GOEDGEKEURD" in c.text for t in approved.tables for c in t.columns[1].cells)
    assert approved.sections[0].header.paragraphs[0].text == f"{study} · 1.1"


def test_qdpx_source_is_marked_and_valid(stored, schema) -> None:
    data_dir, sessions = stored
    options = export_options(data_dir, sessions)
    stream = io.BytesIO()
    write_qdpx(sessions, stream, options)
    with zipfile.ZipFile(io.BytesIO(stream.getvalue())) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    assert_valid(schema, root)
    sources = root.findall(".//q:TextSource", NS)
    assert "goedkeuring" not in sources[0].get("name")
    assert sources[0].find("q:Description", NS) is None
    for source in sources[1:]:
        assert source.get("name").endswith("(goedkeuring: niet verstuurd)")
        assert "NIET GOEDGEKEURD" in source.find("q:Description", NS).text


def _run(data_dir: Path, *args: str):
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), "--lang", "en", *args])


def test_matrix_command_warns_and_refuses_like_export(stored, tmp_path: Path) -> None:
    data_dir, _ = stored
    out = tmp_path / "out"
    result = _run(data_dir, "matrix", "--case", "Borne", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    for code in ("1.2", "1.3", "1.4"):
        assert f"the transcript of {code} (Borne) is not approved yet: not sent" in result.output
    assert "1.1 (Borne)" not in result.output
    (written,) = out.iterdir()
    assert "Respondent 1.2 (goedkeuring: niet verstuurd)" in written.read_text("utf-8-sig")
    refused = _run(
        data_dir, "matrix", "--case", "Borne", "--out", str(tmp_path / "x"), "--approved-only"
    )
    assert refused.exit_code == 1 and "nothing exported" in refused.output
    assert not (tmp_path / "x").exists()
    compare = _run(data_dir, "matrix", "--compare", "--out", str(tmp_path / "y"), "--approved-only")
    assert compare.exit_code == 1


def test_matrix_command_csv_separator(stored, tmp_path: Path) -> None:
    data_dir, _ = stored
    out = tmp_path / "out"
    args = ("matrix", "--case", "Borne", "--format", "csv", "--out", str(out))
    assert _run(data_dir, *args, "--csv-sep", "tab").exit_code == 0
    (written,) = out.iterdir()
    assert written.read_text("utf-8-sig").splitlines()[3].startswith("Variabele\tKenmerk\t")
    bad = _run(data_dir, *args, "--csv-sep", "|")
    assert bad.exit_code == 2 and "Traceback" not in bad.output
