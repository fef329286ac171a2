"""The replacement list on disk: ``<data_dir>/replacements.json`` (0600), one per study.

It holds real names, so it is as private as the key file and, like it, never exported. It
lives apart from the key file because it is study-wide (places, teams, colleagues named in
notes) rather than one record per respondent, and it is edited on its own
(``interviewer replace add/remove/list``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from interviewer.pseudonym.private_files import write_private
from interviewer.pseudonym.replace import KINDS, Replacement, ReplacementError, ReplacementList

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
