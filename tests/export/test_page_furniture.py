"""Paper and page furniture of every Word and Excel document (issue 13.1), and a coding
document that the speaker import of MAXQDA and ATLAS.ti reads cleanly (issue 13.5).

Every document is read back the way its reader's software does: python-docx and lxml for the
.docx (page size, header and footer parts, PAGE/NUMPAGES fields, ``w:lang``, core and extended
properties), openpyxl for the .xlsx (paper, print titles, header, footer, properties).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from click.testing import CliRunner
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from openpyxl import load_workbook

from interviewer.cli import main
from interviewer.domain.session import Session
from interviewer.export import docx_tools
from interviewer.export.coding_docx import write_coding_docx
from interviewer.export.guide import write_guide_docx
from interviewer.export.letter import write_letter_docx
from interviewer.export.options import ExportOptions
from interviewer.export.page import page_setup, resolve_paper
from interviewer.export.registry import FORMATS, render
from interviewer.store import SessionStore
from interviewer.transcript import parse_transcript
from interviewer.transcript.service import new_transcript

from .conftest import reopen

DOCX_FORMATS = ("transcript-docx", "coding-docx")
CASE_DOCX = ("matrix-docx", "compare-docx", "frame-docx")
XLSX_FORMATS = ("matrix-xlsx", "compare-xlsx", "frame-xlsx")
SPEAKER_SHAPE = re.compile(r"^\s*([^:\n]{1,63}):")
"""MAXQDA's focus group import: a colon within the first 63 characters ends a speaker name."""


def _with(session: Session, **protocol: object) -> Session:
    """The session with protocol fields changed (paper, authors)."""
    changed = session.protocol.model_copy(update=protocol)
    return session.model_copy(update={"protocol": changed})


@pytest.fixture
def session(make_session) -> Session:
    return make_session(
        {"ervaring-1": "Ja, bij de gemeente.", "ervaring-2": "KP: te weinig tijd."},
        answers={"ervaring-1": "yes"},
        tags={"ervaring-2": ["feedback"]},
    )


def _docx(fmt: str, sessions: list[Session], **options: object) -> bytes:
    return render(FORMATS[fmt], sessions, ExportOptions(**options))  # type: ignore[arg-type]


def _sizes(data: bytes) -> set[tuple[int, int, bool]]:
    doc = reopen(data)
    return {
        (
            round(s.page_width.mm),
            round(s.page_height.mm),
            s.orientation == WD_ORIENT.LANDSCAPE,
        )
        for s in doc.sections
    }


# --- paper -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", DOCX_FORMATS + CASE_DOCX)
def test_every_word_document_is_a4_by_default(session, fmt) -> None:
    sizes = _sizes(_docx(fmt, [session]))
    if fmt in CASE_DOCX:  # wide tables: landscape A4, not the template's Letter turned
        assert sizes == {(297, 210, True)}
    else:
        assert sizes == {(210, 297, False)}


def test_letter_paper_from_the_option_and_from_the_protocol(session) -> None:
    assert _sizes(_docx("coding-docx", [session], paper="letter")) == {(216, 279, False)}
    assert _sizes(_docx("matrix-docx", [session], paper="letter")) == {(279, 216, True)}
    us = _with(session, paper="letter")
    assert _sizes(_docx("transcript-docx", [us])) == {(216, 279, False)}
    assert _sizes(_docx("transcript-docx", [us], paper="a4")) == {(210, 297, False)}  # option wins
    for writer in (write_guide_docx, write_letter_docx):
        stream = io.BytesIO()
        writer(us.protocol, stream)
        assert _sizes(stream.getvalue()) == {(216, 279, False)}
    assert resolve_paper(None, "nonsense") == "a4"


# --- header, footer, language, properties ------------------------------------------------


def _part(data: bytes, prefix: str) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith(prefix)
        ]


@pytest.mark.parametrize("fmt", DOCX_FORMATS + CASE_DOCX)
def test_every_page_has_a_running_header_and_page_x_of_y(session, fmt) -> None:
    data = _docx(fmt, [session], unapproved={session.id: "niet verstuurd"})
    doc = reopen(data)
    study = session.protocol.study or session.protocol.title
    for section in doc.sections:  # later sections inherit the first one's header and footer
        header = section.header.paragraphs[0].text
        assert header.startswith(study)
        assert header.endswith("CONCEPT")  # not approved yet
        if fmt in DOCX_FORMATS:
            assert f"· {session.respondent} ·" in header
        footer = section.footer.paragraphs[0]
        assert footer.text.startswith("pagina ") and " van " in footer.text
    footers = _part(data, "word/footer")
    assert footers and all(
        re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", x)
        and re.search(r"<w:instrText[^>]*> NUMPAGES </w:instrText>", x)
        for x in footers
    )


def test_approved_document_has_no_draft_mark_and_english_footer(session) -> None:
    doc = reopen(_docx("coding-docx", [session], unapproved={}))
    assert "CONCEPT" not in doc.sections[0].header.paragraphs[0].text
    english = reopen(_docx("transcript-docx", [session], lang="en"))
    assert english.sections[0].footer.paragraphs[0].text == "page 1 of 1"


@pytest.mark.parametrize(("lang", "tag"), [("nl", "nl-NL"), ("en", "en-GB")])
def test_proofing_language_is_the_documents(session, lang, tag) -> None:
    doc = reopen(_docx("coding-docx", [session], lang=lang))
    styles = doc.styles.element
    default = styles.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    assert default and default[0].get(qn("w:val")) == tag
    assert {el.get(qn("w:val")) for el in styles.xpath(".//w:lang")} == {tag}
    assert doc.core_properties.language == tag


def test_core_properties_are_this_exports(session) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    authored = _with(session, authors=["Dr. A. Onderzoeker", "B. Tweede"])
    data = _docx("coding-docx", [authored])
    props = reopen(data).core_properties
    assert props.title == "Codeerdocument 1.1"
    assert props.author == "Dr. A. Onderzoeker, B. Tweede"
    assert props.last_modified_by == "" and props.comments == "" and props.keywords == ""
    assert props.revision == 1
    assert props.created is not None and props.created >= before
    assert props.modified == props.created
    (app,) = _part(data, "docProps/app.xml")
    assert "<Application>interviewer</Application>" in app
    assert "Macintosh" not in app
    assert not _part(data, "docProps/thumbnail")
    anonymous = reopen(_docx("transcript-docx", [session])).core_properties
    assert anonymous.author == ""  # no authors in the protocol: empty, never the OS user


def test_setup_of_a_matrix_names_its_case_and_is_draft_when_any_transcript_is(session) -> None:
    other = session.model_copy(update={"id": "other-session", "respondent": "1.2"})
    options = ExportOptions(unapproved={"other-session": "niet verstuurd"})
    setup = page_setup(session.protocol, options, sessions=[session, other], subject="Borne")
    assert (setup.subject, setup.draft, setup.paper) == ("Borne", True, "a4")
    alone = page_setup(session.protocol, options, sessions=[session])
    assert (alone.subject, alone.draft) == ("1.1", False)


@pytest.mark.parametrize("fmt", XLSX_FORMATS)
def test_every_workbook_prints_on_a4_with_titles_header_and_footer(session, fmt) -> None:
    data = _docx(fmt, [_with(session, authors=["A. Onderzoeker"])], unapproved={session.id: "x"})
    wb = load_workbook(io.BytesIO(data))
    for sheet in wb.worksheets:
        assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.print_title_rows  # the header row repeats on every printed page
        assert sheet.oddFooter.center.text == "pagina &P van &N"
        assert sheet.oddHeader.right.text == "CONCEPT"
    assert wb.properties.creator == "A. Onderzoeker"
    assert wb.properties.language == "nl-NL"
    assert wb.properties.lastModifiedBy is None
    letter = load_workbook(io.BytesIO(_docx(fmt, [session], paper="letter")))
    first = letter.worksheets[0]
    assert int(first.page_setup.paperSize) == int(first.PAPERSIZE_LETTER)


def test_cli_paper_option_reaches_export_matrix_and_guide(data_dir, session, tmp_path) -> None:
    SessionStore(data_dir).create(session)
    runner = CliRunner()
    out = tmp_path / "out"
    for args in (
        ["export", session.id, "--format", "coding-docx"],
        ["matrix", "--case", "Borne"],
    ):
        result = runner.invoke(main, [*args, "--paper", "letter", "--out", str(out)])
        assert result.exit_code == 0, result.output
    from .conftest import SEED_PROTOCOL

    result = runner.invoke(
        main, ["guide", str(SEED_PROTOCOL), "--paper", "letter", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    files = sorted(out.glob("*.docx"))
    assert len(files) == 3
    for path in files:
        assert {(w, h) for w, h, _ in _sizes(path.read_bytes())} <= {(216, 279), (279, 216)}


# --- the coding document and the speaker import -----------------------------------------


def _all_paragraphs(doc) -> list[str]:
    """Every body paragraph, table cells included, in document order."""
    return [
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))
    ]


def _speakers(session: Session) -> set[str]:
    return {"Interviewer", session.respondent, *session.participants}


SRT = """1
00:00:05,000 --> 00:00:08,000
Interviewer: Welkom: fijn dat u er bent.

2
00:01:15,000 --> 00:01:20,000
1.1: Ja, met de wijkcoach: Ingrid.
"""


@pytest.mark.parametrize("layout", ["margin", "two-column"])
@pytest.mark.parametrize("verbatim", [False, True])
def test_only_speakers_start_with_name_colon(session, layout, verbatim) -> None:
    options: dict[str, object] = {"layout": layout, "unapproved": {session.id: "verstuurd"}}
    if verbatim:
        result = parse_transcript(SRT, "srt", "opname.srt")
        transcript = new_transcript(session, result, source_name="opname.srt", offset=10)
        options |= {"verbatim": True, "transcripts": {session.id: transcript}}
        options["stamps"] = "maxqda"
    doc = reopen(_docx("coding-docx", [session], **options))
    texts = _all_paragraphs(doc)
    speakers = _speakers(session)
    shaped = [m.group(1).strip() for t in texts if (m := SPEAKER_SHAPE.match(t))]
    # (MAXQDA stamps lead with '#00:...'; the speaker follows them)
    names = {re.sub(r"^#[\d:.-]+#\s*", "", n) for n in shaped}
    assert shaped and names <= speakers, names - speakers
    assert any(t.startswith("[Memo interviewer]") or t == "[Feedback]" for t in texts)
    assert "Status" in texts and "Onderzoek" in texts  # the title block is a table


def test_maxqda_stamps_do_not_break_and_read_back_unchanged(session) -> None:
    result = parse_transcript(SRT, "srt", "opname.srt")
    transcript = new_transcript(session, result, source_name="opname.srt", offset=10)
    options = {"verbatim": True, "transcripts": {session.id: transcript}, "stamps": "maxqda"}
    doc = reopen(_docx("coding-docx", [session], **options))
    stamped = [p for p in doc.paragraphs if "#00:01:20" in p.text]
    assert stamped and stamped[0].text.endswith("#00:01:20-0#")  # python-docx reads '-'
    run = stamped[0].runs[0].element
    assert run.xpath("./w:noBreakHyphen")  # Word and LibreOffice never break there
    assert "-" not in "".join(t.text for t in run.xpath("./w:t"))


def test_codebook_columns_fit_their_longest_word_in_the_documents_language(session) -> None:
    doc = reopen(_docx("coding-docx", [session]))
    table = doc.tables[1]
    layout = table._tbl.tblPr.xpath("./w:tblLayout")
    assert layout and layout[0].get(qn("w:type")) == "fixed"
    assert [c.text for c in table.columns[1].cells][1:3] == ["geel", "felgroen"]
    for index, column in enumerate(table.columns):
        header, *words = [c.text for c in column.cells]
        needed = max(
            docx_tools.longest_word_width(words, 10.0),
            docx_tools.longest_word_width([header], 10.0, bold=True),
        )
        twip = 635  # Word stores widths in twips: reading back may round one down
        assert all(cell.width + twip >= needed for cell in column.cells), index
    total = sum(c.width for c in table.rows[0].cells)
    assert total <= docx_tools.usable_width(doc) + Mm(1)
    english = reopen(_docx("coding-docx", [session], lang="en")).tables[1]
    assert english.columns[1].cells[2].text == "bright green"


def test_fit_widths_takes_room_from_the_wide_columns() -> None:
    widths = docx_tools.fit_widths(1000, (0.1, 0.9), (300, 100))
    assert widths[0] >= 300 and sum(widths) <= 1000
    assert docx_tools.fit_widths(100, (0.5, 0.5), (100, 100)) == [50, 50]


def test_speaker_safe_changes_only_colons_within_the_reach() -> None:
    far = "x" * 70 + ": rest"
    assert docx_tools.speaker_safe(far) == far
    assert (
        docx_tools.speaker_safe("KP: te weinig tijd") == f"KP{docx_tools.SAFE_COLON} te weinig tijd"
    )
    assert docx_tools.speaker_safe("geen dubbele punt") == "geen dubbele punt"


def test_coding_document_title_block_and_memo_have_no_colon_start(session) -> None:
    stream = io.BytesIO()
    write_coding_docx(session, stream, ExportOptions(unapproved={session.id: "verstuurd"}))
    doc = reopen(stream.getvalue())
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[0] == ["Status", "NIET GOEDGEKEURD door de respondent (verstuurd)"]
    assert ["Respondent", "1.1"] in rows and ["Interviewer", "Onderzoeker"] in rows
