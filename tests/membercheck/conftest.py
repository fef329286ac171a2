"""Fixtures for the member-check and pseudonymisation tests: protocol, demo sessions,
returned documents made with python-docx, and a scanner for every export format's text."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.session import KeyRecord, Session

REPO = Path(__file__).resolve().parents[2]
SEED_PROTOCOL = REPO / "protocols" / "sociale-teams-samenwerking.yaml"
SENT_DAY = dt.date(2026, 4, 1)
DEADLINE = dt.date(2026, 4, 15)


def _built_protocol() -> InterviewProtocol:
    """The export tests' code-built seed protocol (used when the bundled YAML is absent)."""
    path = REPO / "tests" / "export" / "conftest.py"
    spec = importlib.util.spec_from_file_location("_membercheck_export_fixtures", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.built_protocol()


@pytest.fixture(scope="session")
def protocol() -> InterviewProtocol:
    """The seed protocol: bundled YAML through the loader, else the built equivalent."""
    try:
        from interviewer.protocol.loader import load_protocol

        return load_protocol(SEED_PROTOCOL)
    except Exception:  # loader or YAML not (yet) usable: the structure is what matters here
        return _built_protocol()


@pytest.fixture(scope="session")
def demos(protocol: InterviewProtocol) -> list:
    """Three finished demo interviews of case Borne, with key records (make_demo)."""
    from interviewer.demo import make_demo

    return make_demo(protocol, case="Borne", respondents=3, minutes=20, seed=5)


@pytest.fixture
def session(demos) -> Session:
    """The first demo session."""
    return demos[0].session


def with_note(session: Session, text: str) -> Session:
    """A copy of ``session`` with ``text`` appended to the notes of its first answered question."""
    qid = next(q for q, r in session.records.items() if r.notes.strip())
    record = session.records[qid]
    records = {
        **session.records,
        qid: record.model_copy(update={"notes": record.notes + "\n\n" + text}),
    }
    return session.model_copy(update={"records": records})


def shown(paragraph) -> str:
    """A python-docx paragraph's text as the respondent reads it: the transcript's line
    numbers left out, line breaks and spaces as single spaces (``docx_text``)."""
    from interviewer.membercheck.docx_text import paragraph_text

    return paragraph_text(paragraph._p)  # python-docx exposes the lxml element as _p


def set_shown(paragraph, text: str) -> None:
    """Retype a paragraph's words as a respondent would in Word: the text runs and line
    breaks make way for ``text``; the first line number stays in front."""
    from interviewer.export.transcript_lines import LINE_NUMBER_STYLE

    kept = False
    for run in list(paragraph.runs):
        if run.style.name == LINE_NUMBER_STYLE and not kept:
            kept = True
            continue
        run._r.getparent().remove(run._r)  # python-docx has no delete; the element is lxml
    paragraph.add_run(text)


def answer_paragraphs(data: bytes) -> list[str]:
    """Body paragraph texts of a docx."""
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def edit_docx(data: bytes, edit: Callable[[Document], None]) -> bytes:
    """Open a docx, let ``edit`` change it through python-docx, return the new bytes."""
    doc = Document(io.BytesIO(data))
    edit(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def export_texts(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` as text: zip members (docx, xlsx, qdpx) read as XML/text."""
    texts: dict[str, str] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if zipfile.is_zipfile(io.BytesIO(data)):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for name in archive.namelist():
                    texts[f"{path.name}!{name}"] = archive.read(name).decode("utf-8", "replace")
        else:
            texts[path.name] = data.decode("utf-8-sig", "replace")
        if path.suffix == ".json":
            # json.dumps may escape non-ASCII; read it back as data too.
            texts[path.name + "#parsed"] = json.dumps(json.loads(data), ensure_ascii=False)
    return texts


@pytest.fixture
def stored(tmp_path: Path, demos) -> tuple[Path, list[Session]]:
    """A data folder with the demo sessions and their key records in the real store."""
    from interviewer.store import SessionStore

    data_dir = tmp_path / "data"
    store = SessionStore(data_dir)
    for demo in demos:
        key: KeyRecord = demo.key
        store.create(demo.session, key=key)
    return data_dir, [d.session for d in demos]
