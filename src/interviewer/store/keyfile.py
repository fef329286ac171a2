"""The key file ``<data_dir>/key.json``: personal data of every session, apart from sessions.

A key record (``interviewer.domain.session.KeyRecord``) links a session to the person behind
the pseudonym (name, function, closing fields such as e-mail addresses). All key records of
a data folder live in this one file, 0600, written atomically, never exported. Layout::

    {"format": 1, "keys": {"<session id>": {KeyRecord fields}}}

Other top-level sections may be added by other parts of the program (for example lists of
members to check against); ``KeyFile.update`` preserves every section it does not touch.

Protected (``interviewer key protect``, docs/storage.md "Protecting the key file")
    The document is encrypted with age (``pyrage``) and the plaintext ``key.json`` is gone::

        key.recipient       the public age recipient (age1...), 0600; its presence means
                            "protected" (it is written last by protect, removed first by
                            unprotect, so a killed protect or unprotect leaves one state)
        key.identity.age    the private x25519 identity, encrypted with the passphrase
                            (age scrypt)
        key.json.age        the document, encrypted to the recipient
        key.pending/        0700; one sealed change per file, ``<seq>-<random>.age``

    Writing needs no passphrase: a change (a closing field typed during an interview, a new
    record) is sealed to the recipient and written as the next pending file, atomically and
    under the key file's lock, so a kill leaves either the whole change or none and parallel
    writers each get their own sequence number. Every change is an overwrite of named
    values (``set``: these fields get these values, ``None`` clears one; ``remove``: the
    record goes), so replaying a change twice (a reader killed after writing the folded file
    but before deleting the pending ones) gives the same document. Reading needs the
    passphrase (it unlocks the identity): the pending changes are replayed in order on the
    decrypted document and folded into a fresh ``key.json.age``, then deleted.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyrage
from pydantic import ValidationError
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from interviewer import paths
from interviewer.domain.session import KeyRecord
from interviewer.input_files import MAX_SESSION_BYTES, InputFileError, json_loads, read_bounded
from interviewer.store.atomic import atomic_write_bytes, cleanup_temp_files, fsync_dir
from interviewer.store.errors import SessionCorrupt, StoreError
from interviewer.store.lock import file_lock
from interviewer.store.storage import encode_json, read_json_file

KEY_FILE_NAME = "key.json"
KEY_FILE_FORMAT = 1
RECIPIENT_NAME = "key.recipient"
IDENTITY_NAME = "key.identity.age"
SEALED_NAME = "key.json.age"
PENDING_FOLDER = "key.pending"
PASSPHRASE_ENV = "INTERVIEWER_PASSPHRASE"
MIN_PASSPHRASE = 8
"""Shorter passphrases are refused: scrypt slows guessing, it cannot save a 4-letter word."""

_PENDING_NAME = re.compile(r"\A(\d{10})-[0-9a-f]{8}\.age\Z")

Document = dict[str, Any]
PassphraseSource = Callable[[], str | None]


class KeyFileLocked(StoreError, ValueError):
    """The key file is protected and no passphrase was given to read it."""


class WrongPassphrase(StoreError, ValueError):
    """The passphrase does not unlock the key file's identity."""


class KeyProtectError(StoreError, ValueError):
    """Protect or unprotect refused: already (not) protected, a passphrase too short."""


def passphrase_from_env() -> str | None:
    """``INTERVIEWER_PASSPHRASE`` when set (scripts, tests, a TUI started by the researcher);
    never asks. The command line adds a hidden prompt on a terminal."""
    return os.environ.get(PASSPHRASE_ENV) or None


def _new_document() -> Document:
    return {"format": KEY_FILE_FORMAT, "keys": {}}


def _checked(doc: Any, path: Path) -> Document:
    """``doc`` as a key document, or ``SessionCorrupt`` naming ``path``."""
    if not isinstance(doc, dict) or not isinstance(doc.get("keys", {}), dict):
        raise SessionCorrupt("store.error.key_layout", path=path)
    version = doc.get("format", KEY_FILE_FORMAT)
    if not isinstance(version, int):
        raise SessionCorrupt("store.error.key_format", path=path, version=version)
    if version > KEY_FILE_FORMAT:
        raise SessionCorrupt("store.error.key_newer", path=path)
    doc.setdefault("format", KEY_FILE_FORMAT)
    doc.setdefault("keys", {})
    return doc


def apply_change(doc: Document, change: dict[str, Any]) -> None:
    """Replay one pending change on the document (an overwrite: replaying it again is
    harmless)."""
    sid = change["session"]
    if change["op"] == "remove":
        doc["keys"].pop(sid, None)
        return
    record = doc["keys"].setdefault(sid, {"session_id": sid, "fields": {}})
    record.update(change.get("record", {}))
    fields = record.setdefault("fields", {})
    for field_id, value in change.get("fields", {}).items():
        if value is None:
            fields.pop(field_id, None)
        else:
            fields[field_id] = value


def _set_change(new: dict[str, Any], base: dict[str, Any] | None) -> dict[str, Any] | None:
    """The ``set`` change that turns ``base`` (what this process last wrote, None when
    unknown) into ``new``; None when nothing changed. Without a base only the values present
    are written: fields typed in an earlier run, which this process never saw, stay."""
    sid = new["session_id"]
    record: dict[str, Any] = {"session_id": sid, "respondent": new["respondent"]}
    for attr in ("name", "function"):
        if (base is None and new[attr] is not None) or (base and base[attr] != new[attr]):
            record[attr] = new[attr]
    old_fields = base["fields"] if base else {}
    fields: dict[str, str | None] = {
        k: v for k, v in new["fields"].items() if base is None or old_fields.get(k) != v
    }
    fields.update({k: None for k in old_fields if k not in new["fields"]})
    unchanged = record.keys() == {"session_id", "respondent"} and not fields
    if base is not None and unchanged and base["respondent"] == new["respondent"]:
        return None
    return {"op": "set", "session": sid, "record": record, "fields": fields}


def _merge_changes(older: dict[str, Any], newer: dict[str, Any]) -> dict[str, Any]:
    """Two ``set`` changes of one session as one (the newer values win)."""
    return {
        "op": "set",
        "session": newer["session"],
        "record": {**older["record"], **newer["record"]},
        "fields": {**older["fields"], **newer["fields"]},
    }


class KeyFile:
    """Read and change the key file of one data folder (plain or protected)."""

    def __init__(
        self, data_dir: Path, ask_passphrase: PassphraseSource | None = passphrase_from_env
    ) -> None:
        self.data_dir = data_dir
        self.path = data_dir / KEY_FILE_NAME
        self.recipient_path = data_dir / RECIPIENT_NAME
        self.identity_path = data_dir / IDENTITY_NAME
        self.sealed_path = data_dir / SEALED_NAME
        self.pending_dir = data_dir / PENDING_FOLDER
        self.ask_passphrase = ask_passphrase
        """Called (outside the lock) the first time a protected file must be read; the
        command line sets one that also prompts on a terminal."""
        self._identity: Any = None  # the unlocked x25519 identity, kept for this process
        self._written: dict[str, dict[str, Any]] = {}  # what this process last sealed
        self._last_change: tuple[Path, dict[str, Any]] | None = None

    # --- protection ------------------------------------------------------------------
    @property
    def protected(self) -> bool:
        """True when the key file is encrypted (``key.recipient`` exists)."""
        return self.recipient_path.exists()

    @property
    def unlocked(self) -> bool:
        """True when this process has the passphrase (protected files can be read)."""
        return self._identity is not None

    def unlock(self, passphrase: str) -> None:
        """Decrypt the identity with ``passphrase``; ``WrongPassphrase`` if it does not fit."""
        try:
            sealed = read_bounded(self.identity_path, MAX_SESSION_BYTES)
        except FileNotFoundError:
            raise SessionCorrupt("store.error.key_missing", path=self.identity_path) from None
        except InputFileError as exc:
            raise SessionCorrupt("input.error.refused", error=exc) from None
        try:
            text = age_passphrase.decrypt(sealed, passphrase).decode("ascii").strip()
        except pyrage.DecryptError:
            raise WrongPassphrase("store.error.key_passphrase", path=self.identity_path) from None
        except UnicodeDecodeError:
            raise SessionCorrupt("store.error.key_sealed", path=self.identity_path) from None
        try:
            self._identity = x25519.Identity.from_str(text)
        except pyrage.IdentityError:
            raise SessionCorrupt("store.error.key_sealed", path=self.identity_path) from None

    def _identity_or_ask(self) -> Any:
        if self._identity is None:
            given = self.ask_passphrase() if self.ask_passphrase is not None else None
            if not given:
                raise KeyFileLocked("store.error.key_locked")
            self.unlock(given)
        return self._identity

    def protect(self, passphrase: str) -> None:
        """Encrypt the key file: new identity, sealed with ``passphrase``; ``key.json`` goes
        only after the encrypted copy and the recipient are on disk (fsynced)."""
        check_new_passphrase(passphrase)
        identity = x25519.Identity.generate()
        recipient = identity.to_public()
        sealed_identity = age_passphrase.encrypt(str(identity).encode("ascii"), passphrase)
        paths.ensure_private_dir(self.data_dir)
        with file_lock(self.path):
            if self.protected:
                raise KeyProtectError("store.error.key_already_protected")
            doc = self._read_plain()
            self._clear_pending()  # sealed to an earlier recipient (a killed unprotect)
            atomic_write_bytes(self.identity_path, sealed_identity)
            atomic_write_bytes(self.sealed_path, pyrage.encrypt(encode_json(doc), [recipient]))
            atomic_write_bytes(self.recipient_path, (str(recipient) + "\n").encode("ascii"))
            self._remove_plaintext()
        self._identity = identity

    def unprotect(self, passphrase: str) -> None:
        """Back to a plain ``key.json`` (pending changes folded in)."""
        if not self.protected:
            raise KeyProtectError("store.error.key_not_protected")
        self.unlock(passphrase)
        with file_lock(self.path):
            doc, _changes = self._load_sealed(self._identity)
            atomic_write_bytes(self.path, encode_json(doc))
            self.recipient_path.unlink()  # from here on the plain file is the key file
            fsync_dir(self.data_dir)
            for path in (self.sealed_path, self.identity_path):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            self._clear_pending()
            with contextlib.suppress(OSError):
                self.pending_dir.rmdir()
            fsync_dir(self.data_dir)
        self._identity = None

    def change_passphrase(self, old: str, new: str) -> None:
        """Seal the same identity with a new passphrase (the records need no rewrite)."""
        if not self.protected:
            raise KeyProtectError("store.error.key_not_protected")
        check_new_passphrase(new)
        if self._identity is None:
            self.unlock(old)
        sealed = age_passphrase.encrypt(str(self._identity).encode("ascii"), new)
        with file_lock(self.path):
            atomic_write_bytes(self.identity_path, sealed)

    # --- whole document --------------------------------------------------------------
    def read_document(self) -> Document:
        """The whole file as data (an empty document when there is no file yet).

        Protected: asks for the passphrase when this process has none yet
        (``KeyFileLocked`` when none is given) and folds the pending changes in.
        """
        if not self.protected:
            return self._read_plain()
        identity = self._identity_or_ask()  # before the lock: a prompt must not block writers
        with file_lock(self.path):
            if not self.protected:  # unprotected meanwhile
                return self._read_plain()
            doc, changes = self._load_sealed(identity)
            if changes or self.path.exists():
                self._store_sealed(doc, changes)
            return doc

    def update(self, change: Callable[[Document], None]) -> Document:
        """Read, let ``change`` modify the document in place, write it back (atomic, locked).

        Protected, this needs the passphrase (it reads everything); ``put`` and ``remove``
        do not."""
        paths.ensure_private_dir(self.data_dir)
        if self.protected:
            self._identity_or_ask()
        with file_lock(self.path):
            if self.protected:
                doc, changes = self._load_sealed(self._identity_or_ask())
                change(doc)
                self._store_sealed(doc, changes)
            else:
                doc = self._read_plain()
                change(doc)
                atomic_write_bytes(self.path, encode_json(doc))
        return doc

    # --- key records -----------------------------------------------------------------
    def get(self, session_id: str) -> KeyRecord | None:
        """The key record of a session, None when it has none."""
        raw = self.read_document()["keys"].get(session_id)
        if raw is None:
            return None
        return self._record(session_id, raw)

    def get_for_interview(self, session_id: str) -> KeyRecord | None:
        """The key record when it can be read without asking, else None.

        For resuming an interview: it must never need the passphrase. A protected key file
        that this process has not unlocked gives None; the fields typed now are written as
        pending changes and the ones typed before stay as they are.
        """
        if self.protected and not self.unlocked:
            return None
        return self.get(session_id)

    def _record(self, session_id: str, raw: Any) -> KeyRecord:
        try:
            return KeyRecord.model_validate(raw)
        except ValidationError as exc:
            raise SessionCorrupt(
                "store.error.key_record",
                path=self.path,
                id=session_id,
                count=exc.error_count(),
            ) from None

    def all(self) -> dict[str, KeyRecord]:
        """Every key record by session id."""
        keys = self.read_document()["keys"]
        return {sid: self._record(sid, raw) for sid, raw in keys.items()}

    def put(self, key: KeyRecord) -> None:
        """Store (or replace) the key record of ``key.session_id``; never asks for the
        passphrase (protected and locked, the change is sealed as a pending one)."""
        data = key.model_dump(mode="json")
        if self._sealed_write(lambda: _set_change(data, self._written.get(key.session_id))):
            self._written[key.session_id] = data
            return
        self.update(lambda doc: doc["keys"].__setitem__(key.session_id, data))

    def remove(self, session_id: str) -> bool:
        """Delete a session's key record; True when there was one. Protected and locked, the
        removal is a pending change (True: whether there was a record is not known)."""
        self._written.pop(session_id, None)
        if self._sealed_write(lambda: {"op": "remove", "session": session_id}):
            return True
        found: list[bool] = []
        self.update(lambda doc: found.append(doc["keys"].pop(session_id, None) is not None))
        return found[0]

    # --- plain file ------------------------------------------------------------------
    def _read_plain(self) -> Document:
        try:
            doc = read_json_file(self.path, "key file")
        except FileNotFoundError:
            return _new_document()
        return _checked(doc, self.path)

    def _remove_plaintext(self) -> None:
        """Protected, a plain ``key.json`` is a leftover (a protect or unprotect that was
        killed); the sealed files hold everything in it."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return
        fsync_dir(self.data_dir)

    # --- sealed files ----------------------------------------------------------------
    def _recipient(self) -> Any:
        try:
            text = read_bounded(self.recipient_path, 4096).decode("ascii").strip()
            return x25519.Recipient.from_str(text)
        except (InputFileError, UnicodeDecodeError, pyrage.RecipientError):
            raise SessionCorrupt("store.error.key_sealed", path=self.recipient_path) from None

    def _decrypt(self, path: Path, identity: Any) -> Any:
        try:
            sealed = read_bounded(path, MAX_SESSION_BYTES)
            return json_loads(pyrage.decrypt(sealed, [identity]))
        except (InputFileError, pyrage.DecryptError, ValueError):
            raise SessionCorrupt("store.error.key_sealed", path=path) from None

    def pending_changes(self) -> list[Path]:
        """The pending change files in the order they were written."""
        try:
            names = [(m, e.name) for e in os.scandir(self.pending_dir)
                     if (m := _PENDING_NAME.match(e.name))]  # fmt: skip
        except FileNotFoundError:
            return []
        names.sort(key=lambda item: (int(item[0].group(1)), item[1]))
        return [self.pending_dir / name for _, name in names]

    def _load_sealed(self, identity: Any) -> tuple[Document, list[Path]]:
        """The decrypted document with every pending change replayed (under the lock)."""
        if self.sealed_path.exists():
            doc = _checked(self._decrypt(self.sealed_path, identity), self.sealed_path)
        else:
            doc = _new_document()
        changes = self.pending_changes()
        for path in changes:
            change = self._decrypt(path, identity)
            if not isinstance(change, dict) or change.get("op") not in ("set", "remove"):
                raise SessionCorrupt("store.error.key_sealed", path=path)
            try:
                apply_change(doc, change)
            except (KeyError, TypeError, AttributeError):
                raise SessionCorrupt("store.error.key_sealed", path=path) from None
        return doc, changes

    def _store_sealed(self, doc: Document, folded: list[Path]) -> None:
        """Write ``doc`` encrypted, then (only then) delete the changes folded into it."""
        atomic_write_bytes(self.sealed_path, pyrage.encrypt(encode_json(doc), [self._recipient()]))
        for path in folded:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        if folded:
            fsync_dir(self.pending_dir)
        cleanup_temp_files(self.pending_dir)  # of writers killed mid-change
        self._last_change = None
        self._remove_plaintext()

    def _sealed_write(self, make: Callable[[], dict[str, Any] | None]) -> bool:
        """Protected and not unlocked: seal the change ``make()`` as the next pending file
        and return True; False when the key file should be changed directly."""
        if not self.protected or self.unlocked:
            return False
        paths.ensure_private_dir(self.data_dir)
        with file_lock(self.path):
            if not self.protected:
                return False
            change = make()
            if change is not None:
                self._append(change)
            self._remove_plaintext()
        return True

    def _append(self, change: dict[str, Any]) -> None:
        """Write ``change`` sealed as the last pending file (under the lock). A change of the
        same session right after this process's previous one replaces that file with both
        (one file per closing field, not one per keystroke)."""
        paths.ensure_private_dir(self.pending_dir)
        cleanup_temp_files(self.pending_dir)
        existing = self.pending_changes()
        last = self._last_change
        if (
            last is not None
            and existing
            and existing[-1] == last[0]
            and change["op"] == last[1]["op"] == "set"
            and change["session"] == last[1]["session"]
        ):
            path, change = last[0], _merge_changes(last[1], change)
        else:
            seq = int(existing[-1].name[:10]) + 1 if existing else 1
            path = self.pending_dir / f"{seq:010d}-{secrets.token_hex(4)}.age"
        atomic_write_bytes(path, pyrage.encrypt(encode_json(change), [self._recipient()]))
        self._last_change = (path, change)

    def _clear_pending(self) -> None:
        for path in self.pending_changes():
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        cleanup_temp_files(self.pending_dir)


def check_new_passphrase(passphrase: str) -> None:
    """``KeyProtectError`` for a passphrase too short to protect anything."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyProtectError("store.error.key_short_passphrase", minimum=MIN_PASSPHRASE)
