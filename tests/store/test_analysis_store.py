"""The analysis on disk: one private file per study, changed one value at a time under its
lock, never overwritten when damaged, pooled through the portable session files."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from interviewer.demo import DemoSession
from interviewer.domain.analysis import StudyAnalysis, Target, source_ref
from interviewer.domain.session import session_to_json_dict
from interviewer.store import SessionStore
from interviewer.store.analysis import AnalysisFileError, AnalysisStore, analyses_for
from interviewer.store.importing import import_files
from interviewer.store.lock import lock_path_for
from interviewer.store.portable import (
    PortableError,
    parse_portable,
    parse_portable_document,
    portable_bytes,
    write_portable,
)

from .conftest import mode
from .test_shared_files import WORKERS, _run_together

BORNE = Target.conclusion("Borne", "ervaring")


@pytest.fixture
def analyses(tmp_path: Path) -> AnalysisStore:
    return AnalysisStore(tmp_path / "data")


def test_values_are_set_one_at_a_time_in_a_private_file(analyses: AnalysisStore) -> None:
    assert analyses.load("test") == StudyAnalysis(study="test")
    assert analyses.studies() == []
    stored = analyses.set_text("test", BORNE, "Alle respondenten", author="Anna")
    assert stored is not None and stored.text == "Alle respondenten" and stored.author == "Anna"
    analyses.set_keywords("test", "Borne", "ervaring", ["Vertrouwen", "mandaat"])
    assert analyses.edit_keywords(
        "test", "Borne", "ervaring", add=["Regie"], remove=["MANDAAT"]
    ) == ("Vertrouwen", "Regie")
    sentence = analyses.add_key_sentence(
        "test", "Borne", "ervaring", "Een kernzin", source=source_ref("demo-1", "1.1")
    )
    analyses.edit_key_sentence("test", "Borne", "ervaring", sentence.id, "Een betere kernzin")
    analyses.set_text("test", Target.compare("ervaring"), "Vergelijking")
    analysis = analyses.load("test")
    assert analysis.text(BORNE).text == "Alle respondenten"  # type: ignore[union-attr]
    assert [s.text for s in analyses.key_sentences("test", "Borne", "ervaring")] == [
        "Een betere kernzin"
    ]
    analyses.remove_key_sentence("test", "Borne", "ervaring", sentence.id)
    assert analyses.key_sentences("test", "Borne", "ervaring") == []
    assert analyses.get_text("test", Target.compare("ervaring")).text == "Vergelijking"  # type: ignore[union-attr]
    assert analyses.get_keywords("test", "Borne", "ervaring").keywords == ("Vertrouwen", "Regie")  # type: ignore[union-attr]
    path = analyses.path("test")
    assert path == analyses.data_dir / "analysis" / "test.json"
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    assert mode(lock_path_for(path)) == 0o600
    assert analyses.studies() == ["test"]
    assert json.loads(path.read_text(encoding="utf-8"))["study"] == "test"


def test_an_unchanged_value_is_not_written_again(analyses: AnalysisStore) -> None:
    analyses.set_text("test", BORNE, "Tekst")
    path = analyses.path("test")
    before = path.stat().st_mtime_ns, path.stat().st_ino
    time.sleep(0.01)
    analyses.set_text("test", BORNE, "Tekst")  # an autosave of an unchanged field
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == before


def test_a_hostile_study_name_never_becomes_a_path(analyses: AnalysisStore) -> None:
    for bad in ("../x", "a/b", "", "X", ".hidden", "a\nb"):
        with pytest.raises(ValueError, match="is not an id"):
            analyses.path(bad)


@pytest.mark.parametrize(
    "content,problem",
    [
        (b"", "damaged"),
        (b"{not json", "damaged"),
        (b"[" * 5000 + b"]" * 5000, "nested"),
        (b'{"format": 1, "study": "test", "cases": 7}', "cases"),
        (b'{"format": 1, "study": "other"}', "holds study 'other'"),
        (b"\xff\xfe\x00garbage", "damaged"),
    ],
)
def test_a_damaged_file_is_one_line_and_is_never_overwritten(
    analyses: AnalysisStore, content: bytes, problem: str
) -> None:
    path = analyses.path("test")
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(AnalysisFileError) as caught:
        analyses.load("test")
    line = str(caught.value)
    assert "\n" not in line and str(path) in line and problem in line
    assert caught.value.message("nl") != line  # said in Dutch too
    with pytest.raises(AnalysisFileError):
        analyses.set_text("test", BORNE, "Nieuwe tekst")
    assert path.read_bytes() == content


def test_a_fifo_in_place_of_the_file_is_refused_without_blocking(analyses: AnalysisStore) -> None:
    path = analyses.path("test")
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    with pytest.raises(AnalysisFileError, match="refused"):
        analyses.load("test")


def test_parallel_writers_lose_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _run_together(
        """
        from interviewer.domain.analysis import Target
        from interviewer.store.analysis import AnalysisStore
        store = AnalysisStore(data)
        for r in range(rounds):
            store.set_text("test", Target.conclusion(f"Case{me}", f"v{r}"), f"{me}-{r}")
            store.edit_keywords("test", "Shared", "ervaring", add=[f"k{me}x{r}"])
            store.add_key_sentence("test", "Shared", "ervaring", f"zin {me} {r}")
        """,
        data,
        tmp_path,
        rounds=6,
    )
    analysis = AnalysisStore(data).load("test")
    for me in range(WORKERS):
        for r in range(6):
            assert analysis.text(Target.conclusion(f"Case{me}", f"v{r}")).text == f"{me}-{r}"  # type: ignore[union-attr]
    assert len(analysis.keywords("Shared", "ervaring")) == WORKERS * 6
    assert len(analysis.variable("Shared", "ervaring").live_sentences()) == WORKERS * 6


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from interviewer.domain.analysis import Target
    from interviewer.store.analysis import AnalysisStore
    store = AnalysisStore(sys.argv[1])
    n = 0
    while True:
        n += 1
        store.set_text("test", Target.conclusion("Borne", "ervaring"), f"{n} " + "x" * 300_000)
        print(n, flush=True)
    """
)


def test_a_writer_killed_at_any_moment_leaves_a_readable_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    AnalysisStore(data).set_text("test", BORNE, "0 begin")
    for delay in (0.05, 0.13, 0.21, 0.34):
        proc = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(data)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        proc.stdout.readline()  # it has written at least once
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        store = AnalysisStore(data)  # opening cleans the killed writer's temp file
        text = store.load("test").text(BORNE).text  # type: ignore[union-attr]
        assert text.split(" ")[0].isdigit()
        assert sorted(p.name for p in store.folder.iterdir()) == ["test.json", "test.json.lock"]


# --- pooling through the portable session file -------------------------------------------
def _exported(session, analysis: StudyAnalysis | None) -> bytes:  # type: ignore[no-untyped-def]
    stream = io.BytesIO()
    write_portable(session, stream, analysis)
    return stream.getvalue()


def test_the_portable_file_carries_the_analysis_and_stays_version_1_without(
    demos: list[DemoSession],
) -> None:
    session = demos[0].session
    plain = json.loads(_exported(session, None))
    assert plain["version"] == 1 and "analysis" not in plain
    empty = json.loads(_exported(session, StudyAnalysis(study=session.protocol.id)))
    assert empty["version"] == 1 and "analysis" not in empty
    analysis = StudyAnalysis(study=session.protocol.id).with_text(BORNE, "Tussenconclusie")
    raw = _exported(session, analysis)
    assert json.loads(raw)["version"] == 2
    document = parse_portable_document(raw, "x.json")
    assert document.analysis == analysis and document.session == session
    assert parse_portable(raw) == session
    other = StudyAnalysis(study="ander").with_text(BORNE, "x")
    with pytest.raises(PortableError, match="of study 'ander'"):
        parse_portable_document(_exported(session, other), "x.json")


def test_import_pools_the_analysis_even_of_a_session_already_stored(
    filled: SessionStore, demos: list[DemoSession], tmp_path: Path
) -> None:
    session = demos[0].session
    study = session.protocol.id
    mine = AnalysisStore(filled.data_dir)
    mine.set_text(study, BORNE, "Mijn versie", author="Anna")
    theirs = mine.load(study)  # a colleague with a copy of the folder ...
    theirs = theirs.with_text(BORNE, "Bert's versie", author="Bert")  # ... edits it
    theirs = theirs.with_text(Target.compare("tijd"), "Vergelijking van Bert", author="Bert")
    mine.set_text(study, BORNE, "Mijn nieuwste versie", author="Anna")  # so do I, later
    copy = tmp_path / "copy.json"
    copy.write_bytes(portable_bytes(session_to_json_dict(session), theirs))
    [outcome] = import_files(filled, [copy])
    assert not outcome.ok and outcome.message == "store.import.duplicate"
    pooled, conflict = outcome.analysis
    assert pooled.message == "analysis.import.merged"
    assert (pooled.values["updated"], pooled.values["conflicts"]) == (1, 1)
    assert conflict.message == "analysis.import.conflict"
    assert conflict.values["field"] == "case/Borne/ervaring/conclusion"
    analysis = mine.load(study)
    assert analysis.text(BORNE).text == "Mijn nieuwste versie"  # type: ignore[union-attr]
    assert analysis.text(Target.compare("tijd")).text == "Vergelijking van Bert"  # type: ignore[union-attr]
    assert [c.text for c in analysis.conflicts] == ["Bert's versie"]  # kept, not dropped
    assert analyses_for(filled.data_dir, [session]) == {study: analysis}
