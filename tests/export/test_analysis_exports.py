"""Every export carries the analysis (issue 12, point 2 and its first 'Done when').

A four-respondent case (plus a second case to compare with) is rebuilt from session files
through ``interviewer import``; a Tussenconclusie for each variable, keywords, a key
sentence, comparative conclusions and the general rows are written through ``interviewer
conclusion``; then the matrices (docx, xlsx, csv), the analysis frames (docx, xlsx) and the
REFI-QDA project are exported through the CLI and read back. Editing a conclusion and
exporting again gives the new text.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lxml import etree
from openpyxl import load_workbook

from interviewer.cli import main
from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.session import Session
from interviewer.export.qdpx import PROJECT_NS
from interviewer.store.portable import write_portable

from .conftest import assert_valid, reopen

NS = {"q": PROJECT_NS}


def run(data: Path, *args: str) -> Result:
    result = CliRunner().invoke(main, ["--data-dir", str(data), *args])
    assert result.exit_code == 0, (args, result.output, result.stderr)
    return result


def conclusion(topic_id: str) -> str:
    return f"Tussenconclusie over {topic_id}: drie van de vier respondenten 🎉 zijn positief."


@pytest.fixture
def study(tmp_path: Path, demo_case: list[Session], seed_protocol: InterviewProtocol) -> dict:
    """Borne (4 respondents) and Wierden (2) imported from portable session files, with the
    analysis written through the CLI."""
    from interviewer.demo import make_demo_sessions

    wierden = make_demo_sessions(
        seed_protocol, case="Wierden", respondents=2, minutes=30, seed=9, case_number=3
    )
    files = tmp_path / "files"
    files.mkdir()
    paths = []
    for session in [*demo_case, *wierden]:
        path = files / f"{session.id}.json"
        with path.open("wb") as handle:
            write_portable(session, handle)
        paths.append(str(path))
    data = tmp_path / "data"
    run(data, "import", *paths)
    texts = tmp_path / "texts"
    texts.mkdir()
    for topic in seed_protocol.topics:
        text_file = texts / f"{topic.id}.txt"
        text_file.write_text(conclusion(topic.id), encoding="utf-8")
        run(data, "conclusion", "set", "--case", "Borne", "--variable", topic.id,
            "--text-file", str(text_file), "--author", "Anna")  # fmt: skip
    first = seed_protocol.topics[0]
    run(data, "conclusion", "set", "--compare", "--variable", first.id,
        "--text", "Elf van de twaalf respondenten vergelijken positief.")  # fmt: skip
    run(data, "conclusion", "set", "--general", "strengths", "--text", "Korte lijnen.")
    run(data, "conclusion", "set", "--general", "weaknesses", "--text", "Te weinig tijd.")
    run(data, "conclusion", "keywords", "--case", "Borne", "--variable", first.id,
        "--add", "Vertrouwen", "--add", "Korte lijnen")  # fmt: skip
    source = demo_case[1]
    question = first.questions[0].id
    run(data, "conclusion", "keysentence", "add", "--case", "Borne", "--variable", first.id,
        "--text", "We kennen elkaar al jaren.", "--session", source.id,
        "--question", question)  # fmt: skip
    return {
        "data": data,
        "out": tmp_path / "out",
        "borne": [s.id for s in demo_case],
        "reference": f"(resp. {source.respondent}, vraag {question})",
        "protocol": seed_protocol,
    }


def _export(study: dict, *args: str) -> Path:
    result = run(study["data"], *args, "--out", str(study["out"]), "--force")
    written = [Path(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(written) == 1, result.stdout
    return written[0]


def _interim_texts_docx(path: Path) -> list[str]:
    table = reopen(path.read_bytes()).tables[0]
    return [
        row.cells[0].text for row in table.rows if row.cells[0].text.startswith("Tussenconclusie")
    ]


def test_case_matrix_docx_xlsx_csv_carry_each_conclusion(study: dict) -> None:
    topics = study["protocol"].topics
    docx = _export(study, "matrix", "--case", "Borne", "--format", "docx")
    interims = _interim_texts_docx(docx)
    assert len(interims) == len(topics)
    for text, topic in zip(interims, topics, strict=True):
        assert text.startswith("Tussenconclusie\n" + conclusion(topic.id)), "in its own row"
    assert "Steekwoorden: Vertrouwen; Korte lijnen" in interims[0]
    assert f"“We kennen elkaar al jaren.” {study['reference']}" in interims[0]

    xlsx = _export(study, "matrix", "--case", "Borne", "--format", "xlsx")
    sheet = load_workbook(xlsx).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    found = [r[1] for r in rows if r[0] == "Tussenconclusie"]
    assert [f.split("\n")[0] for f in found] == [conclusion(t.id) for t in topics]
    merged = {str(m) for m in sheet.merged_cells.ranges}
    interim_row = next(n for n, r in enumerate(rows, start=1) if r[0] == "Tussenconclusie")
    assert f"B{interim_row}:F{interim_row}" in merged, "the text spans the respondents"

    csv_file = _export(study, "matrix", "--case", "Borne", "--format", "csv")
    table = list(csv.reader(io.StringIO(csv_file.read_text("utf-8-sig")), delimiter=";"))
    found = [r[1] for r in table if r and r[0] == "Tussenconclusie"]
    assert [f.split("\n")[0] for f in found] == [conclusion(t.id) for t in topics]


def test_comparative_matrix_carries_the_comparison_and_general_rows(study: dict) -> None:
    first = study["protocol"].topics[0].row_label
    docx = _export(study, "matrix", "--compare", "--format", "docx")
    rows = {r.cells[0].text: r.cells[1].text for r in reopen(docx.read_bytes()).tables[0].rows}
    assert rows[first] == "Elf van de twaalf respondenten vergelijken positief."
    general = list(rows.items())[-2:]
    assert [text for _, text in general] == ["Korte lijnen.", "Te weinig tijd."]
    assert general[0][0].startswith("Sterke punten") and general[1][0].startswith("Zwakke")

    xlsx = _export(study, "matrix", "--compare", "--format", "xlsx")
    values = [[c.value for c in row] for row in load_workbook(xlsx).worksheets[0].iter_rows()]
    assert [first, "Elf van de twaalf respondenten vergelijken positief."] in values
    assert values[-1][1] == "Te weinig tijd."
    csv_file = _export(study, "matrix", "--compare", "--format", "csv")
    text = csv_file.read_text("utf-8-sig")
    assert "Korte lijnen." in text and "Elf van de twaalf" in text


def test_analysis_frame_docx_and_xlsx(study: dict) -> None:
    protocol = study["protocol"]
    docx = _export(study, "matrix", "--case", "Borne", "--frame", "--format", "docx")
    assert docx.name == "Borne_frame.docx"
    doc = reopen(docx.read_bytes())
    assert doc.paragraphs[0].text == "Analysekader Borne"
    table = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert table[0] == ["Casus", *(t.variable for t in protocol.topics)]
    assert len(table) == 2 and table[1][0] == "Borne", "one row per team"
    assert table[1][1] == (
        "Steekwoorden: Vertrouwen; Korte lijnen\nKernzinnen:\n"
        f"- “We kennen elkaar al jaren.” {study['reference']}"
    )
    assert table[1][2:] == [""] * (len(protocol.topics) - 1)

    xlsx = _export(study, "export", *study["borne"], "--format", "frame-xlsx")
    rows = [[c.value for c in r] for r in load_workbook(xlsx).worksheets[0].iter_rows()]
    assert rows[0][0] == "Analysekader Borne"
    assert rows[2][:2] == ["Casus", protocol.topics[0].variable]
    assert rows[3][0] == "Borne" and "Vertrouwen" in rows[3][1]


def test_frame_refuses_csv_and_compare(study: dict) -> None:
    result = CliRunner().invoke(
        main, ["--data-dir", str(study["data"]), "matrix", "--case", "Borne", "--frame",
               "--format", "csv"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "--frame writes the analysis frame" in result.stderr
    assert "Traceback" not in result.output


def test_qdpx_carries_conclusions_and_frames_as_linked_memos(study: dict, schema) -> None:
    protocol = study["protocol"]
    project = _export(study, "export", *study["borne"], "--format", "qdpx")
    root = etree.fromstring(zipfile.ZipFile(project).read("project.qde"))
    assert_valid(schema, root)
    notes = {n.get("name"): n for n in root.iterfind("q:Notes/q:Note", NS)}
    first = protocol.topics[0]
    for topic in protocol.topics:
        note = notes[f"Tussenconclusie Borne: {topic.row_label}"]
        assert note.findtext("q:PlainTextContent", namespaces=NS) == conclusion(topic.id)
    frame = notes[f"Analysekader Borne: {first.row_label}"]
    assert study["reference"] in frame.findtext("q:PlainTextContent", namespaces=NS)
    compare = notes[f"Vergelijkende conclusie: {first.row_label}"]
    general = notes["Sterke punten/best practices van het sociaal team in het algemeen"]
    assert general.findtext("q:PlainTextContent", namespaces=NS) == "Korte lijnen."
    # linked: the variable's code refers to its memos, the case's set holds them and its
    # sources, the project refers to the comparison's
    code = next(c for c in root.iterfind("q:CodeBook/q:Codes/q:Code", NS)
                if c.get("name") == first.variable)  # fmt: skip
    linked = {r.get("targetGUID") for r in code.iterfind("q:NoteRef", NS)}
    assert {notes[f"Tussenconclusie Borne: {first.row_label}"].get("guid"),
            frame.get("guid"), compare.get("guid")} <= linked  # fmt: skip
    sets = {s.get("name"): s for s in root.iterfind("q:Sets/q:Set", NS)}
    borne = sets["Analyse Borne"]
    assert len(borne.findall("q:MemberSource", NS)) == 4
    assert len(borne.findall("q:MemberNote", NS)) == len(protocol.topics) + 1
    project_refs = {r.get("targetGUID") for r in root.iterfind("q:NoteRef", NS)}
    assert general.get("guid") in project_refs and compare.get("guid") in project_refs
    anna = next(u for u in root.iterfind("q:Users/q:User", NS) if u.get("name") == "Anna")
    assert notes[f"Tussenconclusie Borne: {first.row_label}"].get("creatingUser") == anna.get(
        "guid"
    )


def test_re_export_after_editing_gives_the_new_text(study: dict, schema) -> None:
    first = study["protocol"].topics[0]
    before = _export(study, "matrix", "--case", "Borne", "--format", "docx")
    assert conclusion(first.id) in _interim_texts_docx(before)[0]
    run(study["data"], "conclusion", "set", "--case", "Borne", "--variable", first.id,
        "--text", "Herzien: alle vier respondenten zijn positief.")  # fmt: skip
    run(study["data"], "conclusion", "set", "--general", "strengths", "--text", "Nieuw sterk.")
    after = _export(study, "matrix", "--case", "Borne", "--format", "docx")
    text = _interim_texts_docx(after)[0]
    assert "Herzien: alle vier" in text and conclusion(first.id) not in text
    xlsx = _export(study, "matrix", "--case", "Borne", "--format", "xlsx")
    cells = [c.value for row in load_workbook(xlsx).worksheets[0].iter_rows() for c in row]
    assert any(isinstance(v, str) and v.startswith("Herzien: alle vier") for v in cells)
    compare = _export(study, "matrix", "--compare", "--format", "csv").read_text("utf-8-sig")
    assert "Nieuw sterk." in compare and "Korte lijnen." not in compare
    project = _export(study, "export", *study["borne"], "--format", "qdpx")
    root = etree.fromstring(zipfile.ZipFile(project).read("project.qde"))
    assert_valid(schema, root)
    contents = [n.findtext("q:PlainTextContent", namespaces=NS)
                for n in root.iterfind("q:Notes/q:Note", NS)]  # fmt: skip
    assert "Herzien: alle vier respondenten zijn positief." in contents
    assert conclusion(first.id) not in contents and "Nieuw sterk." in contents


def test_replacement_list_reaches_the_analysis(study: dict) -> None:
    """A name typed in a conclusion is replaced in the exports as it is in the notes."""
    from interviewer.export.matrix_docx import write_matrix_docx
    from interviewer.export.options import ExportOptions
    from interviewer.pseudonym.replace import ReplacementList
    from interviewer.store import SessionStore
    from interviewer.store.analysis import AnalysisStore

    first = study["protocol"].topics[0]
    run(study["data"], "conclusion", "set", "--case", "Borne", "--variable", first.id,
        "--text", "Volgens Jansen werkt het goed.")  # fmt: skip
    analysis = AnalysisStore(study["data"]).load(study["protocol"].id)
    store = SessionStore(study["data"])
    sessions = [store.load(sid) for sid in study["borne"]]
    options = ExportOptions(
        analysis={analysis.study: analysis},
        replacements=ReplacementList.of([("Jansen", "[wethouder]")]),
    )
    stream = io.BytesIO()
    write_matrix_docx(sessions, stream, options)
    text = "\n".join(c.text for r in reopen(stream.getvalue()).tables[0].rows for c in r.cells)
    assert "Volgens [wethouder] werkt het goed." in text and "Jansen" not in text


NASTY = "NUL\x00 ESC\x1b[31m BEL\x07 😀👍🏽 שלום עליכם"
CLEANED = "NUL\ufffd ESC\ufffd[31m BEL\ufffd 😀👍🏽 שלום עליכם"
LONG = ("Een heel lange conclusie zonder einde. " * 2700)[:100_000]


@pytest.mark.parametrize(
    "fmt", ["matrix-docx", "matrix-xlsx", "matrix-csv", "frame-docx", "frame-xlsx", "qdpx"]
)
def test_awkward_and_long_analysis_text_survives_whole(fmt: str, make_session, schema) -> None:
    """Control characters are cleaned, emoji and RTL kept, a 100,000-character conclusion
    arrives whole (continued in marked rows in Excel), in every format carrying it."""
    from interviewer.domain.analysis import StudyAnalysis, Target
    from interviewer.export.options import ExportOptions
    from interviewer.export.registry import FORMATS, render

    sessions = [make_session({"ervaring-2": "Ja"}), make_session({}, respondent="1.2")]
    study = sessions[0].protocol.id
    analysis = StudyAnalysis(study=study).with_text(Target.conclusion("Borne", "ervaring"), LONG)
    analysis = analysis.with_text(Target.conclusion("Borne", "tijd-en-ruimte"), NASTY)
    analysis = analysis.with_keywords("Borne", "ervaring", ["😀 trefwoord"])
    analysis, _ = analysis.with_key_sentence("Borne", "ervaring", NASTY)
    data = render(FORMATS[fmt], sessions, ExportOptions(analysis={study: analysis}))
    if fmt.endswith("docx"):
        doc = reopen(data)
        text = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
        if fmt == "matrix-docx":
            assert LONG.strip() in text
        assert CLEANED in text and "\x00" not in text and "😀 trefwoord" in text
    elif fmt.endswith("xlsx"):
        cells = [c.value for s in load_workbook(io.BytesIO(data)) for r in s.iter_rows()
                 for c in r if isinstance(c.value, str)]  # fmt: skip
        joined = "".join(cells)
        assert any(CLEANED in c for c in cells) and "\x00" not in joined
        if fmt == "matrix-xlsx":
            rows = [
                [c.value for c in r]
                for r in load_workbook(io.BytesIO(data)).worksheets[0].iter_rows()
            ]
            at = next(n for n, r in enumerate(rows) if r[0] == "Tussenconclusie")
            pieces = [rows[at][1]]
            while rows[at + len(pieces)][0] == "Tussenconclusie (vervolg)":
                pieces.append(rows[at + len(pieces)][1])
            assert len(pieces) > 1, "continued in marked rows"
            assert all(len(p) <= 32_767 for p in pieces)
            assert "".join(pieces) == (
                f"{LONG.strip()}\nSteekwoorden: 😀 trefwoord\nKernzinnen:\n- “{CLEANED}”"
            )
    elif fmt.endswith("csv"):
        text = data.decode("utf-8-sig")
        assert CLEANED in text and LONG.strip() in text and "\x00" not in text
    else:
        root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("project.qde"))
        assert_valid(schema, root)
        contents = [n.findtext("q:PlainTextContent", namespaces=NS)
                    for n in root.iterfind("q:Notes/q:Note", NS)]  # fmt: skip
        assert LONG in contents and CLEANED in contents
