"""The replacement list on disk: ``<data_dir>/replacements.json`` (0600), one per study.

It holds real names, so it is as private as the key file and, like it, never exported. It
lives apart from the key file because it is study-wide (places, teams, colleagues named in
notes) rather than one record per respondent, and it is edited on its own
(``interviewer replace add/remove/list``).

Changes go through ``update_replacements``, which holds the list's lock (``store.lock.file_lock``)
from reading to writing: two commands adding a name at the same time both land, because a lost
entry would let a real name reach the exports.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from interviewer import paths
from interviewer.pseudonym.private_files import write_private
from interviewer.pseudonym.replace import KINDS, Replacement, ReplacementError, ReplacementList
from interviewer.store.lock import file_lock

FILE_NAME = "replacements.json"
FORMAT_VERSION = 1


def replacements_path(data_dir: Path) -> Path:
    """Where the study's replacement list is kept."""
    return Path(data_dir) / FILE_NAME


def load_replacements(data_dir: Path) -> ReplacementList:
    """The study's list (empty when there is none); ValueError when the file is unreadable."""
    path = replacements_path(data_dir)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ReplacementList()
    try:
        data: Any = json.loads(raw)
        entries = tuple(
            Replacement(
                str(item["name"]),
                str(item["pseudonym"]),
                item.get("kind", "other") if item.get("kind") in KINDS else "other",
            )
            for item in data.get("replacements", [])
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReplacementError("replace.error.bad_list", path=path, error=exc) from None
    return ReplacementList(entries)


def save_replacements(data_dir: Path, replacements: ReplacementList) -> Path:
    """Write the list atomically (file 0600, folder 0700); return its path."""
    payload = {
        "format": FORMAT_VERSION,
        "replacements": [
            {"name": e.name, "pseudonym": e.pseudonym, "kind": e.kind} for e in replacements.entries
        ],
    }
    path = replacements_path(data_dir)
    text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    write_private(path, text.encode("utf-8"))
    return path


def update_replacements(
    data_dir: Path, change: Callable[[ReplacementList], ReplacementList]
) -> ReplacementList:
    """Read the list, let ``change`` return the new one, write it: all under the list's lock,
    so parallel changes never overwrite each other. ``change`` may raise to write nothing."""
    path = replacements_path(data_dir)
    paths.ensure_private_dir(path.parent)
    with file_lock(path):
        updated = change(load_replacements(data_dir))
        save_replacements(data_dir, updated)
    return updated
