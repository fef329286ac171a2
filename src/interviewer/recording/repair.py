"""Repairing a session's recordings when it is reopened, without ever blocking the reopening.

A ``kill -9``, a closed terminal or a power cut leaves the last recording with a header
that counts up to the last flush only (``writer.recover`` explains why). Every resume of
an unfinished session (``interviewer resume`` and the home screen both go through
``LiveSession.recover``) therefore runs ``repair_recordings`` first: each ``<n>.wav`` is
recovered and its ``<n>.json`` companion checked. What was repaired is said in one line; a
recording that cannot be repaired (or whose companion is damaged) is a warning line of its
own, and the interview goes on: losing a recording must never cost the interview as well.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from interviewer.i18n import translate
from interviewer.i18n.errors import TranslatableError, error_message
from interviewer.recording.frames import RecordingError
from interviewer.recording.timemap import load_map
from interviewer.recording.writer import Recovery, recordings_of, recover


@dataclass(frozen=True)
class Damaged:
    """A recording (or its companion) that could not be repaired or read, and why."""

    path: Path
    error: TranslatableError


@dataclass(frozen=True)
class RecordingRepair:
    """What ``repair_recordings`` did to one session's recordings."""

    checked: tuple[Recovery, ...] = ()
    """Every recording recovered (repaired or already right)."""
    damaged: tuple[Damaged, ...] = ()
    heard_until: float | None = None
    """The latest session second any recording reached (by its time map), or None: the
    interview ran at least until then, whatever its last keystroke says."""

    @property
    def repaired(self) -> tuple[Recovery, ...]:
        """The recordings whose header had to be set right (audio after the last flush)."""
        return tuple(r for r in self.checked if r.repaired)

    def repaired_line(self, lang: str) -> str | None:
        """One line naming the repaired files, in ``lang``; None when none needed it."""
        if not self.repaired:
            return None
        files = ", ".join(
            translate(
                "recording.repaired.file",
                lang,
                name=r.path.name,
                added=f"{max(r.after - r.before, 0.0):.1f}",
                seconds=f"{r.after:.1f}",
            )
            for r in self.repaired
        )
        return translate("recording.repaired", lang, files=files)

    def warning_lines(self, lang: str) -> list[str]:
        """One warning per damaged recording or companion, in ``lang``."""
        return [
            translate(
                "recording.damaged_on_resume",
                lang,
                reason=error_message(d.error, lang).splitlines()[0].rstrip("."),
            )
            for d in self.damaged
        ]

    def lines(self, lang: str) -> list[str]:
        """Everything to tell the interviewer: the repaired line, then the warnings."""
        repaired = self.repaired_line(lang)
        return ([repaired] if repaired else []) + self.warning_lines(lang)


def repair_recordings(data_dir: str | os.PathLike[str], session_id: str) -> RecordingRepair:
    """Recover every recording of the session and check each companion; never raises for a
    recording (a damaged one is listed in ``damaged``), so the resume always goes on."""
    try:
        paths = recordings_of(data_dir, session_id)
    except RecordingError as exc:  # an id no recording can have: nothing to repair
        return RecordingRepair(damaged=(Damaged(Path(data_dir), exc),))
    except OSError as exc:  # the folder cannot be listed
        folder = Path(data_dir) / "recordings" / session_id
        error = RecordingError("recording.unrecoverable", path=str(folder), reason=str(exc))
        return RecordingRepair(damaged=(Damaged(folder, error),))
    checked: list[Recovery] = []
    damaged: list[Damaged] = []
    heard: list[float] = []
    for path in paths:
        try:
            recovery = recover(path)
        except RecordingError as exc:
            damaged.append(Damaged(path, exc))
            continue
        checked.append(recovery)
        try:
            time_map = load_map(path)
        except RecordingError as exc:
            damaged.append(Damaged(path.with_suffix(".json"), exc))
            continue
        if time_map is not None and recovery.after > 0:
            heard.append(time_map.to_session(recovery.after))
    return RecordingRepair(tuple(checked), tuple(damaged), max(heard, default=None))
