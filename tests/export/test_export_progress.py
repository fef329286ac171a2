"""Progress of exports (issue 13.9): ``write_export`` reports each file it wrote through an
optional callback; ``export`` (one bar over every format) and ``matrix`` draw a transient bar
from it on stderr, only on a terminal, labelled in the interface language; captured output
(CliRunner, a pipe) stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main, progress_bar
from interviewer.domain.session import Session
from interviewer.export.options import ExportOptions
from interviewer.export.registry import write_export
from interviewer.i18n import translate
from interviewer.store import SessionStore


def test_write_export_reports_each_file(tmp_path: Path, demo_case: list[Session]) -> None:
    calls: list[tuple[float, float]] = []
    written = write_export(
        demo_case,
        "transcript-md",
        tmp_path,
        ExportOptions(),
        progress=lambda d, t: calls.append((d, t)),
    )
    assert len(written) == len(demo_case)
    assert calls == [(n, len(demo_case)) for n in range(len(demo_case) + 1)]


def _run(data_dir: Path, lang: str, *args: str):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "--lang", lang, *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_export_and_matrix_draw_bars_only_on_a_terminal(
    tmp_path: Path, demo_case: list[Session], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    data_dir = tmp_path / "data"
    store = SessionStore(data_dir)
    for session in demo_case:
        store.create(session)
    first = demo_case[0]
    export_label = translate("progress.export", lang)
    matrix_label = translate("progress.matrix", lang)

    plain = _run(data_dir, lang, "export", first.id, "--all-formats", "--out", str(tmp_path / "a"))
    assert export_label not in plain.output
    files = sorted((tmp_path / "a").iterdir())
    assert len(files) == 5 and all(str(p) in plain.stdout for p in files)

    monkeypatch.setattr(progress_bar, "_is_terminal", lambda stream: True)
    exported = _run(
        data_dir, lang, "export", first.id, "--all-formats", "--out", str(tmp_path / "b")
    )
    assert export_label in exported.stderr
    files = sorted((tmp_path / "b").iterdir())
    assert len(files) == 5 and all(str(p) in exported.stdout for p in files)
    matrix = _run(data_dir, lang, "matrix", "--case", first.case, "--out", str(tmp_path / "m"))
    assert matrix_label in matrix.stderr
    assert [p.name for p in (tmp_path / "m").iterdir()] == [
        line.rsplit("/", 1)[-1] for line in matrix.stdout.splitlines() if line.endswith(".docx")
    ]
