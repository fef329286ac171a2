"""The analysis on disk: ``<data_dir>/analysis/<study>.json``, one file per study (protocol id).

Files 0600 in a 0700 folder, written atomically (``store.atomic``: a ``kill -9`` leaves the
old file or the new one, never half of one). Every change is a read-modify-write under the
file's lock (``store.lock.file_lock``), so two processes (the analysis screen's autosave and
an ``interviewer conclusion set`` in another terminal, or two researchers on a shared
folder) both land. A damaged file is never overwritten: reading it raises one keyed line
naming it, and every change refuses until the file is repaired or moved away.

The API works one value at a time (``set_text``, ``set_keywords``, ``add_key_sentence``...),
which is what an autosaving screen needs: each call re-reads the file under the lock, so a
change another process made meanwhile to another value is kept. Layout: docs/analysis.md.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from interviewer import paths
from interviewer.domain.analysis import (
    KeySentence,
    KeywordsValue,
    MergeResult,
    SourceRef,
    StudyAnalysis,
    Target,
    TextValue,
    check_identifier,
    merge_analyses,
)
from interviewer.input_files import MAX_SESSION_BYTES, InputFileError, json_loads, read_bounded
from interviewer.store.atomic import atomic_write_bytes, cleanup_temp_files
from interviewer.store.errors import StoreError
from interviewer.store.lock import file_lock

FOLDER = "analysis"
SUFFIX = ".json"
MAX_ANALYSIS_BYTES = MAX_SESSION_BYTES
"""50 MiB: 50 conclusions of the longest allowed text, far beyond any study."""


class AnalysisFileError(StoreError, ValueError):
    """An analysis file that cannot be read or written; one line naming the file."""


def _first_problem(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "the file"
    return f"{where}: {first['msg']}"


def parse_analysis(raw: bytes, name: str, study: str | None = None) -> StudyAnalysis:
    """Validate an analysis file's bytes; ``AnalysisFileError`` names ``name`` and the problem."""
    try:
        data = json_loads(raw)
    except ValueError as exc:
        raise AnalysisFileError("analysis.error.damaged", path=name, problem=exc) from None
    try:
        analysis = StudyAnalysis.model_validate(data)
    except RecursionError:
        raise AnalysisFileError("analysis.error.damaged", path=name, problem="nested") from None
    except ValidationError as exc:
        problem = _first_problem(exc)
        raise AnalysisFileError("analysis.error.damaged", path=name, problem=problem) from None
    if study is not None and analysis.study != study:
        raise AnalysisFileError(
            "analysis.error.wrong_study", path=name, study=analysis.study, expected=study
        )
    return analysis


def analysis_bytes(analysis: StudyAnalysis) -> bytes:
    """The file's bytes: indented UTF-8 JSON with a final newline."""
    data = analysis.model_dump(mode="json")
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class AnalysisStore:
    """The analyses of one data folder, one file per study."""

    def __init__(self, data_dir: Path | str | None = None) -> None:
        self.data_dir = paths.data_dir(data_dir)
        self.folder = self.data_dir / FOLDER
        cleanup_temp_files(self.folder)  # leftovers of a writer killed mid-write

    # --- files ---------------------------------------------------------------------------
    def path(self, study: str) -> Path:
        """The file of ``study``; ``AnalysisError`` when ``study`` is not a protocol id."""
        return self.folder / f"{check_identifier(study)}{SUFFIX}"

    def studies(self) -> list[str]:
        """The studies that have an analysis file, sorted."""
        if not self.folder.is_dir():
            return []
        names = (p.name.removesuffix(SUFFIX) for p in self.folder.glob(f"*{SUFFIX}"))
        return sorted(n for n in names if _is_id(n))

    def load(self, study: str) -> StudyAnalysis:
        """The analysis of ``study`` (empty when nothing was written yet)."""
        path = self.path(study)
        try:
            raw = read_bounded(path, MAX_ANALYSIS_BYTES)
        except FileNotFoundError:
            return StudyAnalysis(study=study)
        except InputFileError as exc:
            raise AnalysisFileError("analysis.error.refused", error=exc) from None
        except OSError as exc:
            raise AnalysisFileError(
                "analysis.error.unreadable", path=path, error=exc.strerror or exc
            ) from None
        return parse_analysis(raw, str(path), study)

    def save(self, analysis: StudyAnalysis) -> Path:
        """Write an analysis as it is (atomically, 0600). Prefer ``update``: this one does
        not look at what another process wrote meanwhile."""
        path = self.path(analysis.study)
        paths.ensure_private_dir(self.folder)
        try:
            atomic_write_bytes(path, analysis_bytes(analysis))
        except OSError as exc:
            raise AnalysisFileError(
                "analysis.error.unwritable", path=path, error=exc.strerror or exc
            ) from None
        return path

    def update(self, study: str, change: Callable[[StudyAnalysis], StudyAnalysis]) -> StudyAnalysis:
        """Read, ``change``, write: all under the file's lock. Nothing is written when
        ``change`` returns the analysis unchanged or raises."""
        path = self.path(study)
        try:
            paths.ensure_private_dir(self.folder)
        except OSError as exc:
            raise AnalysisFileError(
                "analysis.error.unwritable", path=path, error=exc.strerror or exc
            ) from None
        with file_lock(path):
            current = self.load(study)
            updated = change(current)
            if updated != current:
                self.save(updated)
        return updated

    # --- one value at a time (what an autosaving screen calls) ---------------------------
    def get_text(self, study: str, target: Target) -> TextValue | None:
        """The conclusion at ``target``, or None."""
        return self.load(study).text(target)

    def set_text(
        self,
        study: str,
        target: Target,
        text: str,
        *,
        author: str = "",
        now: dt.datetime | None = None,
    ) -> TextValue | None:
        """Set one conclusion ("" clears it); returns it as stored."""
        updated = self.update(study, lambda a: a.with_text(target, text, author=author, now=now))
        return updated.text(target)

    def get_keywords(self, study: str, case: str, variable: str) -> KeywordsValue | None:
        """The keywords of ``variable`` in ``case`` with who set them and when, or None."""
        return self.load(study).variable(case, variable).keywords

    def set_keywords(
        self,
        study: str,
        case: str,
        variable: str,
        keywords: Iterable[str],
        *,
        author: str = "",
        now: dt.datetime | None = None,
    ) -> tuple[str, ...]:
        """Replace the keywords of ``variable`` in ``case``; returns them as stored."""
        words = list(keywords)
        updated = self.update(
            study, lambda a: a.with_keywords(case, variable, words, author=author, now=now)
        )
        return updated.keywords(case, variable)

    def edit_keywords(
        self,
        study: str,
        case: str,
        variable: str,
        *,
        add: Iterable[str] = (),
        remove: Iterable[str] = (),
        author: str = "",
        now: dt.datetime | None = None,
    ) -> tuple[str, ...]:
        """Add and remove keywords (removal ignores case) in one locked change."""
        adding, dropping = list(add), {w.strip().casefold() for w in remove}

        def change(analysis: StudyAnalysis) -> StudyAnalysis:
            kept = [w for w in analysis.keywords(case, variable) if w.casefold() not in dropping]
            return analysis.with_keywords(case, variable, [*kept, *adding], author=author, now=now)

        return self.update(study, change).keywords(case, variable)

    def key_sentences(self, study: str, case: str, variable: str) -> list[KeySentence]:
        """The key sentences of ``variable`` in ``case`` (removed ones left out)."""
        return self.load(study).variable(case, variable).live_sentences()

    def add_key_sentence(
        self,
        study: str,
        case: str,
        variable: str,
        text: str,
        *,
        source: SourceRef | None = None,
        author: str = "",
        now: dt.datetime | None = None,
    ) -> KeySentence:
        """Add a key sentence; returns it (with its new id)."""
        made: list[str] = []

        def change(analysis: StudyAnalysis) -> StudyAnalysis:
            updated, sentence_id = analysis.with_key_sentence(
                case, variable, text, source=source, author=author, now=now
            )
            made.append(sentence_id)
            return updated

        updated = self.update(study, change)
        return updated.variable(case, variable).key_sentences[made[-1]]

    def edit_key_sentence(
        self,
        study: str,
        case: str,
        variable: str,
        sentence_id: str,
        text: str,
        *,
        source: SourceRef | None = None,
        author: str = "",
        now: dt.datetime | None = None,
    ) -> KeySentence:
        """Change the text (and source) of a key sentence."""
        updated = self.update(
            study,
            lambda a: a.with_key_sentence(
                case, variable, text, source=source, sentence_id=sentence_id, author=author, now=now
            )[0],
        )
        return updated.variable(case, variable).key_sentences[sentence_id]

    def remove_key_sentence(
        self,
        study: str,
        case: str,
        variable: str,
        sentence_id: str,
        *,
        author: str = "",
        now: dt.datetime | None = None,
    ) -> None:
        """Remove a key sentence (kept as a tombstone, see ``KeySentence.deleted``)."""
        self.update(
            study,
            lambda a: a.without_key_sentence(case, variable, sentence_id, author=author, now=now),
        )

    # --- pooling -------------------------------------------------------------------------
    def merge(self, incoming: StudyAnalysis, *, now: dt.datetime | None = None) -> MergeResult:
        """Pool a colleague's analysis into this folder's (see ``merge_analyses``)."""
        results: list[MergeResult] = []

        def change(analysis: StudyAnalysis) -> StudyAnalysis:
            result = merge_analyses(analysis, incoming, now=now)
            results.append(result)
            return result.analysis

        self.update(incoming.study, change)
        return results[-1]


def _is_id(name: str) -> bool:
    try:
        check_identifier(name)
    except ValueError:
        return False
    return True


def analyses_for(data_dir: Path, sessions: Iterable[Any]) -> dict[str, StudyAnalysis]:
    """The analyses of the studies ``sessions`` belong to (study id -> analysis), those with
    something written only: what every export of those sessions carries."""
    store = AnalysisStore(data_dir)
    written = set(store.studies())
    found: dict[str, StudyAnalysis] = {}
    for session in sessions:
        study = session.protocol.id
        if study in written and study not in found:
            analysis = store.load(study)
            if not analysis.is_empty():
                found[study] = analysis
    return found
