"""Session format 2 (turns) on disk: format-1 files still load from the data folder and from
portable files, and export/import keeps every turn."""

from __future__ import annotations

import io
import json
from pathlib import Path

from interviewer.demo import make_demo
from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.session import SESSION_FORMAT_VERSION, Session, session_to_json_dict
from interviewer.domain.turns import paragraph_spans
from interviewer.store import SessionStore
from interviewer.store.portable import parse_portable, portable_bytes, write_portable
from interviewer.store.storage import SESSION_DOC_ID, SESSION_TABLE


def group_session(protocol: InterviewProtocol) -> Session:
    (demo,) = make_demo(protocol, case="Borne", respondents=1, participants=3, seed=7, minutes=20)
    return demo.session


def as_format_1(session: Session) -> dict:
    """What interviewer 0.1 wrote: one ``speaker`` per record (the first turn's), no turns."""
    data = session_to_json_dict(session)
    data["format"] = 1
    for record in data["records"].values():
        turns = record.pop("turns")
        record["speaker"] = turns[0]["speaker"] if turns else None
    return data


def test_format_1_file_in_the_data_folder_loads(store: SessionStore, protocol) -> None:  # type: ignore[no-untyped-def]
    session = group_session(protocol)
    old = as_format_1(session)
    path = store.session_path(session.id)
    path.parent.mkdir(parents=True, mode=0o700)
    path.write_text(json.dumps({SESSION_TABLE: {str(SESSION_DOC_ID): old}}))
    loaded = store.load(session.id)
    assert loaded.format == SESSION_FORMAT_VERSION == 2
    for qid, record in loaded.records.items():
        speaker = old["records"][qid]["speaker"]
        if speaker is None:
            assert record.turns == []
            continue
        assert len(record.turns) == len(paragraph_spans(record.notes))
        assert {t.speaker for t in record.turns} == {speaker}
    # saving writes format 2; the listing still works on it
    store.save(loaded)
    stored = json.loads(path.read_text())[SESSION_TABLE][str(SESSION_DOC_ID)]
    assert stored["format"] == 2 and all("speaker" not in r for r in stored["records"].values())
    assert [s.id for s in store.list()] == [session.id]


def test_format_1_portable_file_imports(tmp_path: Path, protocol) -> None:  # type: ignore[no-untyped-def]
    session = group_session(protocol)
    raw = portable_bytes(as_format_1(session))
    loaded = parse_portable(raw, "old.json")
    assert loaded.format == 2
    first = {qid: r.speaker for qid, r in session.records.items()}
    assert {qid: r.speaker for qid, r in loaded.records.items()} == first


def test_export_import_keeps_turns(store: SessionStore, protocol) -> None:  # type: ignore[no-untyped-def]
    session = group_session(protocol)
    assert any(len({t.speaker for t in r.turns}) > 1 for r in session.records.values())
    buffer = io.BytesIO()
    write_portable(session, buffer)
    again = parse_portable(buffer.getvalue(), "x.json")
    assert again == session
    store.import_session(again)
    assert store.load(session.id) == session
