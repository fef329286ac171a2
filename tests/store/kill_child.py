"""The typist of the kill test, run as a script: a fork server that starts typists on demand.

Run ``python kill_child.py``; it imports everything once, then reads commands on stdin:

- ``go DATA_DIR LOG DELAY FIRST_WORD SEED``: fork a typist, answer ``pid N``;
- ``reap N``: wait for typist N (killed by the parent), answer ``reaped N``;
- ``quit``.

A typist opens the store, loads (and recovers) or creates the session ``kill-main``, starts
an Autosaver with DELAY, creates one small extra session with a key record, then types the
words ``w<FIRST_WORD>``, ``w<FIRST_WORD+1>``, ... into the notes, one every few ms, moving to
the next question (and flushing, as navigation does) every 250 words (about a second,
so most saves are the debounced background ones). After each word it
appends ``<n> <time>`` to LOG (O_APPEND: the line survives a SIGKILL). It never stops by
itself; the parent kills it with SIGKILL at a random moment. Forking after the imports makes
a typist start in milliseconds instead of ~0.6 s of Python start-up.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo, for tests.domain.conftest

from interviewer.domain.recorder import SessionRecorder
from interviewer.domain.session import KeyRecord, SessionStatus
from interviewer.domain.session_factory import new_session
from interviewer.store import SessionNotFound, SessionStore
from tests.domain.conftest import build_protocol

SESSION_ID = "kill-main"
WORDS_PER_QUESTION = 250
MAX_SECONDS = 120.0


def type_notes(data_dir: str, log: str, delay: float, first: int, seed: int) -> None:
    rng = random.Random(seed)
    store = SessionStore(data_dir)
    protocol = build_protocol()
    try:
        session = store.load(SESSION_ID)
        recorder = SessionRecorder(session)
        if session.status in (SessionStatus.IN_PROGRESS, SessionStatus.PAUSED):
            recorder.recover_after_restart(resume=True)
            if session.status is SessionStatus.PAUSED:
                recorder.resume()
    except SessionNotFound:
        session = new_session(protocol, case="Kill", respondent="1.1", session_id=SESSION_ID)
        recorder = SessionRecorder(session)
        recorder.confirm_consent("opname")
        recorder.start()
    saver = store.autosaver(session, delay=delay)
    recorder.on_change = lambda _what: saver.request()
    saver.request()

    extra = new_session(protocol, case="Kill", respondent=f"1.{first + 2}")
    store.create(extra, key=KeyRecord(session_id=extra.id, respondent=extra.respondent))

    questions = [q.id for q in protocol.all_questions()]
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    n = first
    started = time.monotonic()
    while time.monotonic() - started < MAX_SECONDS:
        qid = questions[(n // WORDS_PER_QUESTION) % len(questions)]
        if qid != session.current_question_id:
            recorder.show_question(qid)
            saver.flush()  # navigation writes at once
        notes = session.records[qid].notes if qid in session.records else ""
        recorder.set_notes(qid, f"{notes} w{n}".strip())
        os.write(fd, f"{n} {time.time():.6f}\n".encode())
        n += 1
        time.sleep(rng.uniform(0.001, 0.006))


def serve() -> None:
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "go":
            data_dir, log, delay, first, seed = parts[1:6]
            pid = os.fork()
            if pid == 0:  # the typist
                try:
                    type_notes(data_dir, log, float(delay), int(first), int(seed))
                finally:
                    os._exit(0)
            print(f"pid {pid}", flush=True)
        elif parts[0] == "reap":
            os.waitpid(int(parts[1]), 0)
            print(f"reaped {parts[1]}", flush=True)
        elif parts[0] == "quit":
            return


if __name__ == "__main__":
    serve()
