"""Whether the laptop may record an interview: the consent checklist decides (issue 16).

A protocol marks the checklist item that asks the respondent's consent to recording with
``recording: true`` (seed 000: "... zou ik het interview graag willen opnemen. Gaat u hiermee
akkoord?"). Recording starts only once that item is ticked in the session. Consent obtained
in advance (``advance_consent``) lets the clock start, but not the recorder: recording is
the one point the interviewer confirms in the room, with a tick, every time. The protocol
checker keeps the mark on at most one item and on a required one.

Pure: no Textual, no I/O.
"""

from __future__ import annotations

from interviewer.domain.protocol import ChecklistItem, InterviewProtocol
from interviewer.domain.session import Session
from interviewer.i18n import DEFAULT_LANGUAGE, translate

__all__ = ["may_record", "record_warning", "recording_consent"]


def recording_consent(protocol: InterviewProtocol) -> ChecklistItem | None:
    """The checklist item marked ``recording: true`` (the first, should a file that skipped
    the checker hold more), or None when the protocol asks no consent to recording."""
    return next((item for item in protocol.introduction.checklist if item.recording), None)


def may_record(protocol: InterviewProtocol, session: Session) -> bool:
    """True only when the protocol has a recording consent item and the session ticked it."""
    item = recording_consent(protocol)
    if item is None:
        return False
    return any(c.item_id == item.id for c in session.consent)


def record_warning(
    protocol: InterviewProtocol, name: str, lang: str = DEFAULT_LANGUAGE
) -> str | None:
    """The one line ``--record`` prints for a protocol without a recording consent item
    (``name``: how the protocol was given on the command line), or None when it has one."""
    if recording_consent(protocol) is not None:
        return None
    return translate("recording.no_consent_item", lang, protocol=name)
