"""Case matrix docx export time (issue 12): 4, 16 and 64 respondents against a floor.

The export (``write_matrix_docx``) builds the matrix from the sessions, writes the three
tables with the Tussenconclusie rows filled from an analysis (a conclusion, keywords and a
key sentence per variable), and draws the two charts with matplotlib. The floor is raw
python-docx writing the same tables (the same cell texts, one ``cell.text`` each, no
widths, merges or charts): what any docx export of this table costs at least. The charts
are also timed alone (``charts``), since they are the part that is new here.

Sessions are demo interviews of the bundled seed-000 protocol (5 variables x 4
characteristics, about 45 minutes each). Growth is the exponent between the last two sizes
(1 = linear in respondents).

Run: ``python bench/matrix_bench.py``. Prints median seconds of ``REPEAT`` runs.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from docx import Document

from interviewer.demo import make_demo_sessions
from interviewer.domain.analysis import StudyAnalysis, Target
from interviewer.export.matrix import case_matrix
from interviewer.export.matrix_charts import add_charts
from interviewer.export.matrix_docx import write_matrix_docx
from interviewer.export.options import ExportOptions
from interviewer.protocol.loader import load_protocol
from measure import median_seconds

SIZES = (4, 16, 64)
REPEAT = 5
PROTOCOL = Path(__file__).resolve().parents[1] / "protocols" / "sociale-teams-samenwerking.yaml"


def analysis_for(study: str, variables: list[str]) -> StudyAnalysis:
    analysis = StudyAnalysis(study=study)
    for variable in variables:
        text = "Drie van de vier respondenten geven aan dat het goed werkt. " * 8
        analysis = analysis.with_text(Target.conclusion("Borne", variable), text)
        analysis = analysis.with_keywords("Borne", variable, ["Vertrouwen", "Korte lijnen"])
        analysis, _ = analysis.with_key_sentence("Borne", variable, "We kennen elkaar.")
    return analysis


def floor(rows_per_table: list[list[tuple[str, ...]]]) -> None:
    doc = Document()
    for rows in rows_per_table:
        table = doc.add_table(rows=0, cols=len(rows[0]))
        for values in rows:
            for cell, value in zip(table.add_row().cells, values, strict=True):
                cell.text = value
    doc.save(io.BytesIO())


def main() -> None:
    protocol = load_protocol(PROTOCOL)
    analysis = analysis_for(protocol.id, [t.id for t in protocol.topics])
    options = ExportOptions(analysis={protocol.id: analysis})
    print(f"{'respondents':>11}{'export s':>10}{'floor s':>9}{'ratio':>7}{'charts s':>10}")
    results: list[tuple[int, float, float]] = []
    for size in SIZES:
        sessions = make_demo_sessions(protocol, case="Borne", respondents=size, minutes=45, seed=3)
        matrix = case_matrix(sessions, analysis=analysis)
        tables = [matrix.main_rows(), matrix.other_table(), matrix.time_table()]
        export = median_seconds(
            lambda s=sessions: write_matrix_docx(s, io.BytesIO(), options), REPEAT
        )
        raw = median_seconds(lambda t=tables: floor(t), REPEAT)
        charts = median_seconds(lambda s=sessions: add_charts(Document(), s, "Borne", "nl"), REPEAT)
        results.append((size, export, raw))
        print(f"{size:>11}{export:>10.3f}{raw:>9.3f}{export / raw:>7.1f}{charts:>10.3f}")
    (n1, e1, f1), (n2, e2, f2) = results[-2], results[-1]
    scale = math.log(n2 / n1)
    print(
        f"growth exponent {n1}->{n2}: export {math.log(e2 / e1) / scale:.2f}, "
        f"floor {math.log(f2 / f1) / scale:.2f}"
    )


if __name__ == "__main__":
    main()
