"""The autosave writer and a thread that keeps recording share the session's lock (issue 15.3).

A writer thread saves continuously (delay 0, a request on every change) while another
thread changes the session through the recorder as fast as it can: new records, note text,
parts added and removed, flags, tags, pauses, navigation. No save may fail, every saved
file must load and validate, each must hold a state the session really passed through
between two recorder calls (never half a change), and the last one the final state.

pydantic serialises a whole session without letting another Python thread run, which would
hide a missing lock; so the test also runs with a serialiser that walks the records in
Python and yields to the other thread between them (as any serialiser written in Python
may): without the shared lock that one fails at once (a dict changing size, torn saves).
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import Flag, Session, session_to_json_dict
from interviewer.domain.session_factory import new_session
from interviewer.store import SaveResult, SessionStore
from interviewer.store.storage import SessionFile
from tests.fake_clock import FakeClock

RUN_SECONDS = 2.0
WAIT = 30.0  # a generous bound for a thread to end; never a timing assert


def fingerprint(session: Session) -> str:
    text = json.dumps(session_to_json_dict(session), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def yielding_dump(session: Session) -> dict[str, Any]:
    """``session_to_json_dict`` written in Python, letting other threads run as it goes."""
    data = session.model_dump(mode="json", exclude={"records", "timeline"})
    records: dict[str, Any] = {}
    for qid, record in session.records.items():  # the live dict, as a serialiser walks it
        time.sleep(0)
        records[qid] = record.model_dump(mode="json")
    time.sleep(0)
    timeline = [event.model_dump(mode="json") for event in session.timeline]
    return {**data, "records": records, "timeline": timeline}


SERIALISERS: dict[str, Callable[[Session], dict[str, Any]]] = {
    "pydantic": session_to_json_dict,
    "yielding": yielding_dump,
}


def started(protocol: InterviewProtocol, clock: FakeClock) -> SessionRecorder:
    session = new_session(protocol, case="Borne", respondent="1.1", clock=clock)
    recorder = SessionRecorder(session, clock=clock)
    recorder.confirm_consent("opname")
    recorder.start()
    return recorder


def record_for_a_while(recorder: SessionRecorder, clock: FakeClock, seconds: float) -> int:
    """Change the session through the recorder in every way a keystroke can; returns steps."""
    order = recorder.planned_order()
    deadline = time.monotonic() + seconds
    step = 0
    while time.monotonic() < deadline:
        qid = order[step % len(order)]
        recorder.show_question(qid)
        record = recorder.record_of(qid)
        recorder.set_notes(None, f"{record.notes} woord{step}".strip())
        if qid.endswith("-3"):  # parts come and go: a dict changing size
            recorder.set_part(None, "bp", "" if record.parts.get("bp") else f"bp {step}")
        if step % 3 == 0:
            recorder.toggle_flag(None, Flag.QUOTE)
        if step % 5 == 0 and "overig" in recorder.tag_choices(qid):
            if "overig" in record.tags:
                recorder.untag(None, "overig")
            else:
                recorder.tag(None, "overig")
        if step % 11 == 0:
            recorder.pause()
            recorder.resume()
        clock.advance(1)
        step += 1
    return step


@pytest.mark.parametrize("serialiser", sorted(SERIALISERS))
def test_saving_continuously_while_another_thread_records(
    store: SessionStore,
    protocol: InterviewProtocol,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    serialiser: str,
) -> None:
    recorder = started(protocol, clock)
    session = recorder.session
    dump = SERIALISERS[serialiser]
    monkeypatch.setattr("interviewer.store.autosave.session_to_json_dict", dump)
    path = store.session_path(session.id)
    passed_through = {fingerprint(session)}
    saved: list[bytes] = []
    failed: list[SaveResult] = []

    def on_result(result: SaveResult) -> None:  # on the writer thread, right after a write
        if result.ok:
            saved.append(path.read_bytes())
        else:
            failed.append(result)

    saver = store.autosaver(session, delay=0.0, on_result=on_result)

    def heard(_what: str) -> None:  # on the recording thread, between two recorder calls
        passed_through.add(fingerprint(session))
        saver.request()

    recorder.on_change = heard
    errors: list[BaseException] = []
    steps: list[int] = []

    def recording() -> None:
        try:
            steps.append(record_for_a_while(recorder, clock, RUN_SECONDS))
        except BaseException as exc:  # reported below, with the test's assertion
            errors.append(exc)

    thread = threading.Thread(target=recording, name="recording")
    thread.start()
    thread.join(RUN_SECONDS + WAIT)
    assert not thread.is_alive()
    assert not errors, errors
    last = saver.close()
    assert last.ok, last.error
    assert not failed, [r.error for r in failed]
    assert steps[0] > 50 and len(saved) > 10  # both threads really ran side by side

    check = tmp_path / "check"
    check.mkdir()
    copy = check / path.name
    for raw in saved:
        copy.write_bytes(raw)
        loaded = SessionFile(copy).read()  # parses and validates, or raises
        assert fingerprint(loaded) in passed_through  # never half a change
    final = store.load(session.id)
    assert final == session
    assert dump(session) == session_to_json_dict(session)  # the same document either way
    assert fingerprint(final) == fingerprint(session)


def test_a_listener_may_wait_for_the_save(
    store: SessionStore, protocol: InterviewProtocol, clock: FakeClock
) -> None:
    """The recorder announces a change after letting go of the lock, so a listener that
    waits for the writer (which needs the lock) does not deadlock."""
    recorder = started(protocol, clock)
    saver = store.autosaver(recorder.session, delay=60.0)
    results: list[SaveResult] = []
    recorder.on_change = lambda _what: results.append(saver.flush())

    def navigate() -> None:
        recorder.show_question("ervaring-2")  # nested recorder calls: one lock, held twice
        recorder.set_notes(None, "Genoteerd en meteen bewaard.")

    thread = threading.Thread(target=navigate)
    thread.start()
    thread.join(WAIT)
    assert not thread.is_alive(), "deadlock: a listener waited for the writer under the lock"
    assert results and all(r.ok for r in results)
    assert store.load(recorder.session.id).records["ervaring-2"].notes.startswith("Genoteerd")
    assert saver.close().ok
