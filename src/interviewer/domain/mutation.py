"""One lock per live session: every change to it takes the lock, and so does the autosave.

The autosave writer thread serialises a session while the interviewer keeps typing on the
UI thread. A dict or list that changes while ``model_dump`` walks it raises (or, worse, a
save mixes two states), so the rule is: whoever changes a ``Session`` holds its lock, and
the writer holds the same lock while it takes its snapshot (a plain dict of JSON values that
nothing else references, written to disk after the lock is released).

``session_lock(session)`` gives that lock. It belongs to the session object, not to whoever
asks, so a ``SessionRecorder`` and an ``Autosaver`` made for the same object share it in any
order without being introduced to each other; a session loaded or copied anew is another
object with its own lock. It is re-entrant: a recorder method may call another one.

``mutates`` marks a recorder method that changes the session: it runs under the lock and
holds back the recorder's change notifications until the outermost such call has released
it, so a listener may do anything (request or even wait for a save, write the key file)
without holding up the writer thread or deadlocking with it.
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

_LOCKS: dict[int, threading.RLock] = {}
_GUARD = threading.Lock()

P = ParamSpec("P")
T = TypeVar("T")


def session_lock(session: object) -> threading.RLock:
    """The lock of this session object (made on first use, forgotten with the object).

    Keyed by ``id``: a pydantic model is not hashable. The entry is removed when the object
    is collected, before its id can be given to another object.
    """
    key = id(session)
    with _GUARD:
        lock = _LOCKS.get(key)
        if lock is None:
            lock = _LOCKS[key] = threading.RLock()
            weakref.finalize(session, _LOCKS.pop, key, None)
    return lock


class Mutable(Protocol):
    """What ``mutates`` needs from the object whose method it wraps (the recorder)."""

    lock: threading.RLock
    _mutation_depth: int
    _pending_changes: list[str]

    def _announce(self, changes: list[str]) -> None: ...


M = TypeVar("M", bound=Mutable)


def mutates(method: Callable[Concatenate[M, P], T]) -> Callable[Concatenate[M, P], T]:
    """Run ``method`` holding ``self.lock``; announce its changes once the lock is free.

    Changes reported while the lock is held (``_pending_changes``) are handed to
    ``self._announce`` after the outermost call returns or raises: what was changed before
    an error was still changed, and must still be saved.
    """

    @functools.wraps(method)
    def locked(self: M, /, *args: P.args, **kwargs: P.kwargs) -> T:
        changes: list[str] = []
        try:
            with self.lock:
                self._mutation_depth += 1
                try:
                    return method(self, *args, **kwargs)
                finally:
                    self._mutation_depth -= 1
                    if not self._mutation_depth:
                        changes, self._pending_changes = self._pending_changes, []
        finally:
            if changes:
                self._announce(changes)

    return locked
