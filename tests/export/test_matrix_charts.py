"""The two charts of the case matrix docx: data, determinism, alt text, captions, lazy import."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

from docx.oxml.ns import qn

from interviewer.domain.recorder import SessionRecorder
from interviewer.export.matrix_charts import (
    CoverageChart,
    coverage_chart_data,
    coverage_state,
    render_png,
    time_chart_data,
)
from interviewer.export.matrix_docx import write_matrix_docx
from interviewer.export.options import ExportOptions
from interviewer.i18n import Translator
from tests.fake_clock import FakeClock

from .conftest import reopen


def test_coverage_states_covered_skipped_not_reached(make_session) -> None:
    # 1.1 answers ervaring-1 (wel/niet) and skips ervaring-2 (invloed); 1.2 skips it only
    first = make_session({"ervaring-1": "Ja"}, finish=False)
    second = make_session({}, respondent="1.2", finish=False)
    for session in (first, second):
        clock = FakeClock()
        clock.now += 3_600  # after everything make_session recorded
        recorder = SessionRecorder(session, clock=clock)
        recorder.show_question("ervaring-2")
        recorder.skip("ervaring-2")
    assert coverage_state(first, "ervaring", "wel-niet") == "covered"
    assert coverage_state(first, "ervaring", "invloed") == "skipped"
    assert coverage_state(first, "feedback", "bp-kp") == "not_reached"
    grid = coverage_chart_data([second, first])
    assert grid.respondents == ("1.1", "1.2"), "sorted by respondent code"
    assert grid.rows[0] == "1. Ervaring: Wel/niet"
    assert grid.states[0] == ("covered", "not_reached")
    assert grid.states[1] == ("skipped", "skipped")
    never = grid.never_reached()
    assert "1. Ervaring: Wel/niet" not in never and "5. Feedback geven: BP/KP" in never


def test_time_chart_planned_and_actual(make_session) -> None:
    t = Translator("nl")
    session = make_session({"ervaring-1": "Ja", "ervaring-2": "Veel"})
    chart = time_chart_data([session], t)
    assert chart.topics[0] == "Ervaring" and chart.topics[-1] == "Afronding"
    assert chart.planned[0] == 10.0
    # shown at 1:00 and 3:00, each followed by a minute: the topic runs 1:00-4:00
    assert chart.actual[0][0] == 3.0
    assert chart.over() == []
    order = ["ervaring-1", "ervaring-2", "ervaring-3", "ervaring-4", "ervaring-1", "ervaring-2"]
    longer = time_chart_data([make_session({"ervaring-1": "x"}, order=order)], t)
    assert longer.actual[0][0] == 11.0 and longer.over() == ["Ervaring"]


def test_pictures_are_deterministic_and_carry_no_version() -> None:
    t = Translator("en")
    grid = CoverageChart(("a", "b"), ("1.1", "1.2"), (("covered", "skipped"),
                                                     ("not_reached", "covered")))  # fmt: skip
    first, second = render_png(grid, t), render_png(grid, t)
    assert first == second and first.startswith(b"\x89PNG")
    assert b"matplotlib" not in first.lower() and b"Software" not in first


def test_case_matrix_docx_has_both_charts_with_alt_text_and_captions(demo_case) -> None:
    stream = io.BytesIO()
    write_matrix_docx(demo_case, stream, ExportOptions())
    doc = reopen(stream.getvalue())
    assert len(doc.inline_shapes) == 2
    # the alt text Word shows under 'Alt Text' and screen readers read
    descriptions = [pr.get("descr") for pr in doc.element.body.xpath(".//wp:docPr")]
    assert descriptions[0].startswith("Staafdiagram: per onderwerp de geplande minuten")
    assert descriptions[1].startswith("Raster van kenmerken per respondent.")
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert captions == [
        "Figuur 1. Geplande en werkelijke minuten per onderwerp per respondent, casus Borne "
        "(zonder pauzes).",
        "Figuur 2. Kenmerken per respondent: gedekt, overgeslagen of niet bereikt, casus Borne.",
    ]
    body = doc.element.body
    pictures = body.xpath(".//w:drawing")
    assert all(p.getparent().tag == qn("w:r") for p in pictures)
    again = io.BytesIO()
    write_matrix_docx(demo_case, again, ExportOptions())
    media = [n for n in zipfile.ZipFile(stream).namelist() if n.startswith("word/media/")]
    assert len(media) == 2
    for name in media:
        assert zipfile.ZipFile(stream).read(name) == zipfile.ZipFile(again).read(name)


def test_matplotlib_is_not_imported_by_the_cli_or_the_matrix_module() -> None:
    code = (
        "import sys, interviewer.cli, interviewer.export.matrix, interviewer.export.matrix_docx;"
        "print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
