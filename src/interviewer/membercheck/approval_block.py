"""What the respondent filled in at the end of the returned transcript, and what to do next.

The approval block (``export.transcript.approval_blocks``) has two boxes, "as it is" and
"with the changes I marked", then lines for name, date and signature. A respondent ticks a
box any way Word or a pen-and-scanner workflow allows: the box replaced by ``☒``, ``☑``,
``✓``, an ``x`` between brackets, an ``X`` in front, or a Word check box control (read as
``☒`` by ``docx_text``). The comparison with the sent version says which returned paragraph
answers which line of the block; this module reads the boxes, the name and the date from
them and proposes the decision that fits the boxes and the changes in the text. It proposes
only: the researcher decides with ``approval accept``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Literal

from interviewer.i18n import Translator
from interviewer.membercheck.diff import Comparison

BoxState = Literal["ticked", "empty", "removed"]
Proposal = Literal["accept", "judge", "check_changes", "check_unchanged", "ask_both", "ask_none"]

_BOX = re.compile(r"^\s*(\[\s*[^\]\s]?\s*\]|[☐☒☑✓✔✗✘■xX](?=\s|$))\s*")
"""A box (or a mark in its place) at the start of a line."""
_TICKS = frozenset("☒☑✓✔✗✘■xX")
_BLANK = re.compile(r"_+|\.{2,}|…")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class ApprovalReading:
    """The approval block as returned: both boxes, name, date, signature, and the proposal."""

    as_is: BoxState
    with_changes: BoxState
    as_is_text: str
    with_changes_text: str
    name: str
    date: str
    date_iso: str | None
    signature: str
    transcript_changes: int
    proposal: Proposal


def box_state(text: str) -> tuple[bool, str]:
    """(ticked?, the line without its box). A tick anywhere in the line counts, so does an
    ``x`` in the box or in front of the sentence."""
    match = _BOX.match(text)
    rest = text[match.end() :] if match else text
    mark = match.group(1) if match else ""
    ticked = any(ch in _TICKS for ch in mark) or any(ch in "☒☑✓✔" for ch in rest)
    return ticked, rest.strip()


def _field(text: str, label: str) -> str:
    """What was written on a 'Label: ____' line: the label and the blank line removed."""
    head, sep, rest = text.partition(":")
    value = rest if sep and label and head.strip().casefold() == label.casefold() else text
    return " ".join(_BLANK.sub(" ", value).split())


def _iso(text: str) -> str | None:
    """The date as YYYY-MM-DD when written as 15-12-2026, 15/12/2026 or 2026-12-15."""
    found = _NUMERIC_DATE.match(text)
    try:
        if found:
            day, month, year = (int(x) for x in found.groups())
            return dt.date(year, month, day).isoformat()
        found = _ISO_DATE.match(text)
        if found:
            return dt.date(*(int(x) for x in found.groups())).isoformat()
    except ValueError:
        return None
    return None


def _labels(lang: str) -> dict[str, str]:
    t = Translator(lang)
    return {
        kind: t(f"export.approval.{kind}").split(":")[0].strip()
        for kind in ("name", "date", "signature")
    }


def _sent_boxes(comparison: Comparison) -> list[str]:
    """The two sentences of the sent block's boxes, in order (as is, with changes)."""
    lines = [p.text for p in comparison.sent if p.role == "approval"]
    return [box_state(text)[1] for text in lines if text.startswith(("☐", "[ ]"))][:2]


def _returned_block(comparison: Comparison) -> list[str]:
    """The returned paragraphs that stand in the approval block: those paired with a line of
    the sent block, and those added after one."""
    out: list[str] = []
    in_block = False
    for op in comparison.ops:
        if op.i is not None:
            in_block = comparison.sent[op.i].role == "approval"
        if in_block and op.j is not None:
            out.append(comparison.returned[op.j])
    return out


def _same_sentence(a: str, b: str) -> bool:
    a, b = " ".join(a.split()).casefold(), " ".join(b.split()).casefold()
    return a == b or difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


def read_approval(comparison: Comparison, lang: str) -> ApprovalReading:
    """Read the approval block of a returned version (``lang``: the language it was sent in).

    The returned lines of the block are recognised by what they say, not by their place: a
    box line by its sentence, a field by its label ("Naam:"); a line without a label right
    under an empty field is what was written in it.
    """
    labels = _labels(lang)
    sentences = _sent_boxes(comparison)
    keys = ["as_is", "with_changes"][: len(sentences)]
    boxes: dict[str, BoxState] = {"as_is": "removed", "with_changes": "removed"}
    texts = dict(zip(keys, sentences, strict=True))
    fields = {"name": "", "date": "", "signature": ""}
    last_field: str | None = None
    for line in _returned_block(comparison):
        ticked, rest = box_state(line)
        box = next((k for k, sentence in texts.items() if _same_sentence(rest, sentence)), None)
        if box is not None:
            boxes[box] = "ticked" if ticked or boxes[box] == "ticked" else "empty"
            last_field = None
            continue
        label = next(
            (k for k, name in labels.items() if line.casefold().startswith(name.casefold() + ":")),
            None,
        )
        if label is not None:
            fields[label] = _field(line, labels[label])
            last_field = label
        elif last_field is not None and not fields[last_field]:
            fields[last_field] = _field(line, "")
            last_field = None
    changes = sum(comparison.counts("transcript").values())
    return ApprovalReading(
        as_is=boxes["as_is"],
        with_changes=boxes["with_changes"],
        as_is_text=texts.get("as_is", ""),
        with_changes_text=texts.get("with_changes", ""),
        name=fields["name"],
        date=fields["date"],
        date_iso=_iso(fields["date"]),
        signature=fields["signature"],
        transcript_changes=changes,
        proposal=_propose(boxes["as_is"], boxes["with_changes"], changes),
    )


def _propose(as_is: BoxState, with_changes: BoxState, changes: int) -> Proposal:
    """The decision the boxes and the text point to (see ``approval_commands``' messages)."""
    if as_is == "ticked" and with_changes == "ticked":
        return "ask_both"
    if as_is == "ticked":
        return "accept" if changes == 0 else "check_changes"
    if with_changes == "ticked":
        return "judge" if changes else "check_unchanged"
    return "ask_none"
