"""Compare a returned transcript with the version sent: changes per paragraph, final text.

Paragraphs (the lines of the transcript) are aligned with ``difflib.SequenceMatcher``;
inside a replaced stretch, a sent paragraph is paired with the most similar returned one
(similarity at least ``CHANGED_RATIO``) as *changed*, the rest are *deleted* or *added*.
Every change knows its region: ``header`` (title, meta lines, cover text), ``transcript``
(headings, questions, answers) or ``approval`` (the block the respondent fills in, whose
edits are expected and never become part of the transcript).

``final_answers`` turns the returned text into the session's own shape per question (quick
answer kept or not, notes, labelled parts) so the coding exports can use it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from interviewer.membercheck.model import FinalAnswer, SentParagraph

CHANGED_RATIO = 0.5
ONE_TO_ONE_RATIO = 0.3
"""A single paragraph replaced by a single one counts as changed from this similarity on
(short lines such as "Datum: ____" -> "Datum: 3 april" share little but are one edit)."""
Kind = Literal["deleted", "added", "changed"]
Region = Literal["header", "transcript", "approval"]


@dataclass(frozen=True)
class Change:
    """One changed paragraph; numbers are 1-based paragraph numbers in each version."""

    kind: Kind
    region: Region
    sent_no: int | None
    returned_no: int | None
    old: str
    new: str
    question_id: str | None


@dataclass(frozen=True)
class _Op:
    kind: Literal["equal", "changed", "deleted", "added"]
    i: int | None
    j: int | None


def similarity(a: str, b: str) -> float:
    """0..1, how alike two paragraphs are (the better of word and character similarity)."""
    words = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()
    if len(a) + len(b) > 4000:  # character matching is quadratic; words say enough here
        return words
    chars = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    return max(words, chars)


def _pair_block(
    a: Sequence[str], b: Sequence[str], i1: int, i2: int, j1: int, j2: int
) -> list[_Op]:
    ops: list[_Op] = []
    if i2 - i1 == 1 and j2 - j1 == 1 and similarity(a[i1], b[j1]) >= ONE_TO_ONE_RATIO:
        return [_Op("changed", i1, j1)]
    jp = j1
    for i in range(i1, i2):
        best, best_j = 0.0, None
        for j in range(jp, j2):
            ratio = similarity(a[i], b[j])
            if ratio > best:
                best, best_j = ratio, j
        if best_j is None or best < CHANGED_RATIO:
            ops.append(_Op("deleted", i, None))
            continue
        ops.extend(_Op("added", None, j) for j in range(jp, best_j))
        ops.append(_Op("changed", i, best_j))
        jp = best_j + 1
    ops.extend(_Op("added", None, j) for j in range(jp, j2))
    return ops


def align(a: Sequence[str], b: Sequence[str]) -> list[_Op]:
    """Operations turning paragraph list ``a`` into ``b``, in document order."""
    ops: list[_Op] = []
    matcher = difflib.SequenceMatcher(None, list(a), list(b), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.extend(_Op("equal", i1 + k, j1 + k) for k in range(i2 - i1))
        elif tag == "delete":
            ops.extend(_Op("deleted", i, None) for i in range(i1, i2))
        elif tag == "insert":
            ops.extend(_Op("added", None, j) for j in range(j1, j2))
        else:
            ops.extend(_pair_block(a, b, i1, i2, j1, j2))
    return ops


def _region(paragraph: SentParagraph | None) -> Region:
    if paragraph is None or paragraph.role == "meta":
        return "header"
    return "approval" if paragraph.role == "approval" else "transcript"


@dataclass(frozen=True)
class Comparison:
    """The result of comparing a returned document with the sent version."""

    sent: tuple[SentParagraph, ...]
    returned: tuple[str, ...]
    ops: tuple[_Op, ...]
    changes: tuple[Change, ...]

    def counts(self, region: Region = "transcript") -> dict[str, int]:
        """Number of deleted, added and changed paragraphs in ``region``."""
        out = {"deleted": 0, "added": 0, "changed": 0}
        for change in self.changes:
            if change.region == region:
                out[change.kind] += 1
        return out

    @property
    def unchanged(self) -> bool:
        """True when the transcript part (header and approval block aside) is unchanged."""
        return not any(c.region == "transcript" for c in self.changes)


def compare(sent: Sequence[SentParagraph], returned: Sequence[str]) -> Comparison:
    """Compare the returned paragraphs with the sent version."""
    ops = align([p.text for p in sent], returned)
    changes: list[Change] = []
    previous: SentParagraph | None = None
    for op in ops:
        here = sent[op.i] if op.i is not None else None
        if op.kind == "equal":
            previous = here
            continue
        if op.kind == "added":
            changes.append(
                Change(
                    "added",
                    _region(previous),
                    None,
                    (op.j or 0) + 1,
                    "",
                    returned[op.j or 0],
                    previous.question_id if previous else None,
                )
            )
            continue
        assert here is not None and op.i is not None
        new = returned[op.j] if op.j is not None else ""
        changes.append(
            Change(
                op.kind,
                _region(here),
                op.i + 1,
                None if op.j is None else op.j + 1,
                here.text,
                new,
                here.question_id,
            )
        )
        previous = here
    return Comparison(tuple(sent), tuple(returned), tuple(ops), tuple(changes))


def _strip_label(text: str, label: str) -> str:
    if label and text.startswith(f"{label}: "):
        return text[len(label) + 2 :]
    return text


def _strip_part_label(sent_text: str, new_text: str) -> str:
    head, sep, _rest = sent_text.partition(": ")
    prefix = head + sep
    return new_text[len(prefix) :] if sep and new_text.startswith(prefix) else new_text


def final_answers(comparison: Comparison) -> dict[str, FinalAnswer]:
    """The returned text per question in the session's shape (see the module docstring)."""
    sent = comparison.sent
    first_qid = next((p.question_id for p in sent if p.question_id), None)
    notes: dict[str, list[str]] = {}
    parts: dict[str, dict[str, str]] = {}
    quick_kept: dict[str, bool] = {}
    for p in sent:
        if p.question_id and p.role in ("answer", "placeholder"):
            notes.setdefault(p.question_id, [])
            parts.setdefault(p.question_id, {})
            quick_kept.setdefault(p.question_id, False)
            if p.origin == "part" and p.part_id:
                parts[p.question_id][p.part_id] = ""
    owner: str | None = None
    region: Region = "header"
    for op in comparison.ops:
        here = sent[op.i] if op.i is not None else None
        if here is not None:
            region = _region(here)
            owner = here.question_id or owner
        new = comparison.returned[op.j] if op.j is not None else None
        if op.kind == "added":
            if region == "approval" or new is None:
                continue
            target = owner or first_qid
            if target is not None:
                notes.setdefault(target, []).append(new)
                parts.setdefault(target, {})
            continue
        if here is None or new is None or here.question_id is None:
            continue
        if here.role not in ("answer", "placeholder"):
            continue
        qid = here.question_id
        if here.role == "placeholder":
            if op.kind == "changed":
                notes[qid].append(new)
            continue
        text = _strip_label(new, here.label)
        if here.origin == "quick":
            if op.kind == "equal":
                quick_kept[qid] = True
            else:
                notes[qid].append(text)
        elif here.origin == "part" and here.part_id:
            part_text = _strip_part_label(_strip_label(here.text, here.label), text)
            parts[qid][here.part_id] = part_text
        else:
            notes[qid].append(text)
    return {
        qid: FinalAnswer(
            quick_answer_kept=quick_kept.get(qid, False),
            notes="\n\n".join(notes[qid]),
            parts=parts.get(qid, {}),
        )
        for qid in notes
    }


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def word_diff(old: str, new: str) -> list[tuple[Literal["same", "del", "ins"], str]]:
    """Segments of a changed paragraph: unchanged, deleted and inserted text, in order."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[tuple[Literal["same", "del", "ins"], str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("ins", "".join(b[j1:j2])))
    return out
