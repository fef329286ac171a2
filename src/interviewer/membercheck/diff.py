"""Compare a returned transcript with the version sent: changes per paragraph, final text.

Paragraphs (the lines of the transcript) are aligned with ``difflib.SequenceMatcher``;
inside a replaced stretch, a sent paragraph is paired with the most similar returned one
(similarity at least ``CHANGED_RATIO``) as *changed*, the rest are *deleted* or *added*.
Every change knows its region: ``header`` (title, meta lines, cover text), ``transcript``
(headings, questions, answers) or ``approval`` (the block the respondent fills in, whose
edits are expected and never become part of the transcript).

Large documents stay fast (``bench/approval_bench.py``). Up to ``EXACT_LIMIT`` paragraph
pairs the two versions go through one ``SequenceMatcher`` as they always did; beyond it the
common start and end are matched first and the rest is cut at *anchors*, paragraphs that
occur exactly once in each version, in order (the longest increasing run, as in "patience
diff"), and each stretch between anchors is aligned on its own. And a replaced stretch of
more than ``PAIR_LIMIT`` pairs compares each sent paragraph only with the next returned ones
(``_window``), so no step compares every paragraph with every other. In any replaced
stretch a sent paragraph whose words are ``CLOSE_RATIO`` alike to the next returned one is
paired with it at once: a transcript returned with every paragraph corrected is paired in
one pass over the words, and characters are compared only where words do not settle it
(short lines, rewritten paragraphs) and inside the pairs the reports show.

``final_answers`` turns the returned text into the session's own shape per question (quick
answer kept or not, notes, labelled parts) so the coding exports can use it.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from interviewer.membercheck.model import FinalAnswer, SentParagraph

CHANGED_RATIO = 0.5
EXACT_LIMIT = 4_000_000
"""Sent x returned paragraphs up to which one ``SequenceMatcher`` aligns whole documents
(2,000 paragraphs each); larger ones are cut at anchors first (see the module docstring)."""
PAIR_LIMIT = 10_000
"""Pairs of a replaced stretch up to which every sent paragraph is compared with every
returned one (a hundred edited paragraphs in a row)."""
PAIR_WINDOW = 50
CLOSE_RATIO = 0.8
CANDIDATES = 4
"""Beyond ``PAIR_LIMIT``: returned paragraphs, from the last one paired, each sent paragraph
is compared with at least (more when the stretch has few sent paragraphs); there the next
returned paragraph is taken at once from ``CLOSE_RATIO`` on, else the ``CANDIDATES`` sharing
most words are compared in full."""
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


def _word_ratio(a: str, b: str) -> float:
    """How alike two paragraphs' words are (the cheap half of ``similarity``)."""
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _at_least(a: str, b: str, needed: float) -> bool:
    """``similarity(a, b) >= needed``, comparing characters only when the words fall short:
    similarity is the better of the two ratios, so words that reach ``needed`` settle it."""
    return _word_ratio(a, b) >= needed or similarity(a, b) >= needed


def _length_bound(a_words: int, a_chars: int, b_words: int, b_chars: int) -> float:
    """An upper bound of ``similarity`` from the lengths alone (difflib's real_quick_ratio).

    Two paragraphs of very different length cannot be alike: a pair whose bound is below
    what is needed is skipped without matching, which changes no result.
    """

    def bound(x: int, y: int) -> float:
        return 2.0 * min(x, y) / (x + y) if x + y else 1.0

    words = bound(a_words, b_words)
    if a_chars + b_chars > 4000:
        return words
    return max(words, bound(a_chars, b_chars))


def _window(pairs_i: int, pairs_j: int) -> int:
    """How many returned paragraphs each sent paragraph of a replaced stretch is compared with.

    All of them up to ``PAIR_LIMIT`` pairs (every normal edit); beyond, the next
    ``PAIR_WINDOW`` or as many as ``PAIR_LIMIT`` allows, so a stretch costs at most
    ``max(PAIR_LIMIT, sent paragraphs x PAIR_WINDOW)`` comparisons.
    """
    if pairs_i * pairs_j <= PAIR_LIMIT:
        return pairs_j
    return max(PAIR_WINDOW, PAIR_LIMIT // max(pairs_i, 1))


def _pair_block(
    a: Sequence[str], b: Sequence[str], i1: int, i2: int, j1: int, j2: int
) -> list[_Op]:
    ops: list[_Op] = []
    if i2 - i1 == 1 and j2 - j1 == 1 and _at_least(a[i1], b[j1], ONE_TO_ONE_RATIO):
        return [_Op("equal" if a[i1] == b[j1] else "changed", i1, j1)]
    window = _window(i2 - i1, j2 - j1)
    if window < j2 - j1:
        return _pair_windowed(a, b, i1, i2, j1, j2, window)
    b_sizes = [(len(b[j].split()), len(b[j])) for j in range(j1, j2)]
    jp = j1
    for i in range(i1, i2):
        if jp < j2 and _word_ratio(a[i], b[jp]) >= CLOSE_RATIO:
            # edited where it was (every paragraph of a corrected transcript): paired on its
            # words, in order, without comparing it with the others or its characters
            ops.append(_Op("equal" if a[i] == b[jp] else "changed", i, jp))
            jp += 1
            continue
        a_words, a_chars = len(a[i].split()), len(a[i])
        best, best_j = 0.0, None
        for j in range(jp, j2):
            b_words, b_chars = b_sizes[j - j1]
            # a pair that cannot reach CHANGED_RATIO, or beat the best, cannot be chosen
            if _length_bound(a_words, a_chars, b_words, b_chars) < max(best, CHANGED_RATIO):
                continue
            ratio = similarity(a[i], b[j])
            if ratio > best:
                best, best_j = ratio, j
                if ratio >= 1.0:  # nothing later can be better
                    break
        if best_j is None or best < CHANGED_RATIO:
            ops.append(_Op("deleted", i, None))
            continue
        ops.extend(_Op("added", None, j) for j in range(jp, best_j))
        # a stretch cut at anchors may hold repeated paragraphs that are unchanged
        ops.append(_Op("equal" if a[i] == b[best_j] else "changed", i, best_j))
        jp = best_j + 1
    ops.extend(_Op("added", None, j) for j in range(jp, j2))
    return ops


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2.0 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def _pair_windowed(
    a: Sequence[str], b: Sequence[str], i1: int, i2: int, j1: int, j2: int, window: int
) -> list[_Op]:
    """Pairing in a replaced stretch too large to compare every pair (see ``_window``).

    The same greedy pairing, with two shortcuts so that a paragraph costs a few
    comparisons: the next returned paragraph is taken at once when it is ``CLOSE_RATIO``
    alike (an edited paragraph where it was), and otherwise only the ``CANDIDATES`` in the
    window sharing most words are compared in full.
    """
    ops: list[_Op] = []
    b_words = [frozenset(b[j].split()) for j in range(j1, j2)]
    jp = j1
    for i in range(i1, i2):
        best, best_j = 0.0, None
        if jp < j2:
            # similarity is the better of two ratios: the cheap word ratio may settle it
            words_ratio = _word_ratio(a[i], b[jp])
            ratio = words_ratio if words_ratio >= CLOSE_RATIO else similarity(a[i], b[jp])
            if ratio >= CLOSE_RATIO:
                best, best_j = ratio, jp
            else:
                words = frozenset(a[i].split())
                scored = sorted(
                    range(jp + 1, min(j2, jp + window)),
                    key=lambda j: -_dice(words, b_words[j - j1]),
                )[:CANDIDATES]
                best, best_j = ratio, jp
                for j in sorted(scored):
                    ratio = similarity(a[i], b[j])
                    if ratio > best:
                        best, best_j = ratio, j
        if best_j is None or best < CHANGED_RATIO:
            ops.append(_Op("deleted", i, None))
            continue
        ops.extend(_Op("added", None, j) for j in range(jp, best_j))
        ops.append(_Op("equal" if a[i] == b[best_j] else "changed", i, best_j))
        jp = best_j + 1
    ops.extend(_Op("added", None, j) for j in range(jp, j2))
    return ops


_Block = tuple[str, int, int, int, int]


def _anchors(
    a: Sequence[str], b: Sequence[str], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Paragraphs that occur once in ``a[alo:ahi]`` and once in ``b[blo:bhi]``, as pairs of
    positions forming the longest run increasing in both (patience sorting, n log n)."""
    count_a: dict[str, int] = {}
    for i in range(alo, ahi):
        count_a[a[i]] = count_a.get(a[i], 0) + 1
    where_b: dict[str, int] = {}
    count_b: dict[str, int] = {}
    for j in range(blo, bhi):
        if count_a.get(b[j]) == 1:
            count_b[b[j]] = count_b.get(b[j], 0) + 1
            where_b[b[j]] = j
    pairs = [
        (i, where_b[a[i]]) for i in range(alo, ahi) if count_a[a[i]] == 1 and count_b.get(a[i]) == 1
    ]
    tails: list[int] = []  # tails[k]: the smallest j ending an increasing run of length k+1
    tail_at: list[int] = []  # index into pairs of that tail
    back: list[int] = [-1] * len(pairs)
    for n, (_i, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        back[n] = tail_at[k - 1] if k else -1
        if k == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[k], tail_at[k] = j, n
    run: list[tuple[int, int]] = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        run.append(pairs[n])
        n = back[n]
    return run[::-1]


def _blocks(a: Sequence[str], b: Sequence[str]) -> list[_Block]:
    """``get_opcodes``-like blocks for two long paragraph lists, in document order.

    A stack rather than recursion, so no document is deep enough to exhaust Python's.
    """
    out: list[_Block] = []
    stack: list[_Block] = [("align", 0, len(a), 0, len(b))]
    while stack:
        tag, alo, ahi, blo, bhi = stack.pop()
        if tag != "align":
            out.append((tag, alo, ahi, blo, bhi))
            continue
        start = 0
        while alo + start < ahi and blo + start < bhi and a[alo + start] == b[blo + start]:
            start += 1
        end = 0
        while (
            ahi - end > alo + start
            and bhi - end > blo + start
            and a[ahi - end - 1] == b[bhi - end - 1]
        ):
            end += 1
        todo: list[_Block] = []
        if start:
            todo.append(("equal", alo, alo + start, blo, blo + start))
        mlo, mhi, nlo, nhi = alo + start, ahi - end, blo + start, bhi - end
        if mlo == mhi and nlo < nhi:
            todo.append(("insert", mlo, mhi, nlo, nhi))
        elif nlo == nhi and mlo < mhi:
            todo.append(("delete", mlo, mhi, nlo, nhi))
        elif mlo < mhi:
            if (mhi - mlo) * (nhi - nlo) <= EXACT_LIMIT:
                matcher = difflib.SequenceMatcher(
                    None, list(a[mlo:mhi]), list(b[nlo:nhi]), autojunk=False
                )
                todo += [
                    (t, mlo + i1, mlo + i2, nlo + j1, nlo + j2)
                    for t, i1, i2, j1, j2 in matcher.get_opcodes()
                ]
            else:
                anchors = _anchors(a, b, mlo, mhi, nlo, nhi)
                if not anchors:
                    todo.append(("replace", mlo, mhi, nlo, nhi))
                i, j = mlo, nlo
                for ai, bj in anchors:
                    todo.append(("align", i, ai, j, bj))
                    todo.append(("equal", ai, ai + 1, bj, bj + 1))
                    i, j = ai + 1, bj + 1
                if anchors:
                    todo.append(("align", i, mhi, j, nhi))
        if end:
            todo.append(("equal", ahi - end, ahi, bhi - end, bhi))
        stack.extend(reversed(todo))
    return out


def align(a: Sequence[str], b: Sequence[str]) -> list[_Op]:
    """Operations turning paragraph list ``a`` into ``b``, in document order."""
    ops: list[_Op] = []
    if len(a) * len(b) <= EXACT_LIMIT:
        matcher = difflib.SequenceMatcher(None, list(a), list(b), autojunk=False)
        blocks: list[_Block] = list(matcher.get_opcodes())
    else:
        blocks = _blocks(a, b)
    for tag, i1, i2, j1, j2 in blocks:
        if tag == "equal":
            ops.extend(_Op("equal", i1 + k, j1 + k) for k in range(i2 - i1))
        elif tag == "delete":
            ops.extend(_Op("deleted", i, None) for i in range(i1, i2))
        elif tag == "insert":
            ops.extend(_Op("added", None, j) for j in range(j1, j2))
        elif i2 > i1 or j2 > j1:
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


_KINDS: tuple[Literal["equal", "changed", "deleted", "added"], ...] = (
    "equal",
    "changed",
    "deleted",
    "added",
)


def _digest(texts: Sequence[str]) -> str:
    hashed = hashlib.sha256()
    for text in texts:
        hashed.update(text.encode("utf-8", "surrogatepass") + b"\x00")
    return hashed.hexdigest()


def alignment_bytes(comparison: Comparison) -> bytes:
    """The comparison's alignment as kept beside the returned version (``approval receive``),
    so ``approval accept`` takes it up instead of aligning again: the operations and a
    digest of both paragraph lists they belong to."""
    data = {
        "format": 1,
        "sent": _digest([p.text for p in comparison.sent]),
        "returned": _digest(comparison.returned),
        "ops": [
            [_KINDS.index(op.kind), -1 if op.i is None else op.i, -1 if op.j is None else op.j]
            for op in comparison.ops
        ],
    }
    return json.dumps(data, separators=(",", ":")).encode("utf-8")


def stored_ops(
    sent: Sequence[SentParagraph], returned: Sequence[str], raw: bytes
) -> list[_Op] | None:
    """The operations of ``alignment_bytes`` when they belong to exactly these two paragraph
    lists and are well formed; None (align again) for anything else."""
    try:
        data = json.loads(raw)
        if data.get("format") != 1 or data.get("sent") != _digest([p.text for p in sent]):
            return None
        if data.get("returned") != _digest(returned):
            return None
        ops = []
        for kind, i, j in data["ops"]:
            op = _Op(_KINDS[kind], None if i < 0 else i, None if j < 0 else j)
            if (op.i is not None and op.i >= len(sent)) or (
                op.j is not None and op.j >= len(returned)
            ):
                return None
            ops.append(op)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None
    return ops


def compare(
    sent: Sequence[SentParagraph], returned: Sequence[str], ops: Sequence[_Op] | None = None
) -> Comparison:
    """Compare the returned paragraphs with the sent version (``ops``: an alignment kept
    from an earlier comparison of the same two lists, see ``stored_ops``)."""
    if ops is None:
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


_ANSWER_ROLES = ("answer", "placeholder")


@dataclass
class _AnswerDraft:
    """The returned text gathered per question while walking the comparison: its notes in
    order, each part's text, and whether the quick answer came back as sent. Gathered in
    one place so each kind of paragraph is filed by one small method."""

    notes: dict[str, list[str]] = field(default_factory=dict)
    parts: dict[str, dict[str, str]] = field(default_factory=dict)
    quick_kept: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def for_sent(cls, sent: Sequence[SentParagraph]) -> _AnswerDraft:
        """Every question that was sent with an answer (or a placeholder for one) starts
        empty, its parts too: a part the respondent deleted comes back as ''."""
        draft = cls()
        for p in sent:
            if p.question_id and p.role in _ANSWER_ROLES:
                draft.notes.setdefault(p.question_id, [])
                draft.parts.setdefault(p.question_id, {})
                draft.quick_kept.setdefault(p.question_id, False)
                if p.origin == "part" and p.part_id:
                    draft.parts[p.question_id][p.part_id] = ""
        return draft

    def add_note(self, qid: str, text: str) -> None:
        """A paragraph the respondent added: a note of the question it follows."""
        self.notes.setdefault(qid, []).append(text)
        self.parts.setdefault(qid, {})

    def take(self, here: SentParagraph, kind: str, new: str) -> None:
        """The returned version ``new`` of the sent answer paragraph ``here`` (``kind``: the
        comparison's verdict): a kept quick answer stays the quick answer, a changed one
        becomes a note; a part's text goes back to its part; other text is a note. A
        placeholder returned unchanged says nothing."""
        assert here.question_id is not None
        qid = here.question_id
        if here.role == "placeholder":
            if kind == "changed":
                self.notes[qid].append(new)
            return
        text = _strip_label(new, here.label)
        if here.origin == "quick":
            if kind == "equal":
                self.quick_kept[qid] = True
            else:
                self.notes[qid].append(text)
        elif here.origin == "part" and here.part_id:
            part_text = _strip_part_label(_strip_label(here.text, here.label), text)
            self.parts[qid][here.part_id] = part_text
        else:
            self.notes[qid].append(text)

    def answers(self) -> dict[str, FinalAnswer]:
        """The final answer of each question with an answer, sent or added."""
        return {
            qid: FinalAnswer(
                quick_answer_kept=self.quick_kept.get(qid, False),
                notes="\n\n".join(self.notes[qid]),
                parts=self.parts.get(qid, {}),
            )
            for qid in self.notes
        }


def final_answers(comparison: Comparison) -> dict[str, FinalAnswer]:
    """The returned text per question in the session's shape (see the module docstring)."""
    sent = comparison.sent
    first_qid = next((p.question_id for p in sent if p.question_id), None)
    draft = _AnswerDraft.for_sent(sent)
    owner: str | None = None
    region: Region = "header"
    for op in comparison.ops:
        here = sent[op.i] if op.i is not None else None
        if here is not None:
            region = _region(here)
            owner = here.question_id or owner
        new = comparison.returned[op.j] if op.j is not None else None
        if new is None:
            continue
        if op.kind == "added":
            target = owner or first_qid
            if region != "approval" and target is not None:
                draft.add_note(target, new)
        elif here is not None and here.question_id is not None and here.role in _ANSWER_ROLES:
            draft.take(here, op.kind, new)
    return draft.answers()


_WORD = re.compile(r"\w+|[^\w\s]")


@functools.lru_cache(maxsize=4096)
def word_diff(old: str, new: str) -> tuple[tuple[Literal["same", "del", "ins"], str], ...]:
    """Segments of a changed paragraph: unchanged, deleted and inserted text, in order.

    Words and punctuation are aligned, not the spaces between them: a space is the most
    common token of a paragraph, and aligning it made every long paragraph cost its length
    squared. The text between tokens is taken from the returned paragraph (from the sent
    one after a deleted stretch), so the segments that are not ``del`` are exactly ``new``.
    Cached: the Markdown and the Word report show the same changes.
    """
    a = [(m.start(), m.end()) for m in _WORD.finditer(old)]
    b = [(m.start(), m.end()) for m in _WORD.finditer(new)]
    out: list[tuple[Literal["same", "del", "ins"], str]] = []
    at = 0  # how much of ``new`` the segments hold so far

    def same(upto: int) -> None:
        nonlocal at
        if upto > at:
            if out and out[-1][0] == "same":
                out[-1] = ("same", out[-1][1] + new[at:upto])
            else:
                out.append(("same", new[at:upto]))
            at = upto

    matcher = difflib.SequenceMatcher(
        None, [old[x:y] for x, y in a], [new[x:y] for x, y in b], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            same(b[j2 - 1][1])
            continue
        next_new = b[j1][0] if j1 < len(b) else len(new)
        same(next_new)
        if i2 > i1:
            # a deletion alone takes the space after it along, so the words around it
            # stay apart once it is struck out
            end = a[i2 - 1][1] if j2 > j1 else (a[i2][0] if i2 < len(a) else len(old))
            out.append(("del", old[a[i1][0] : end]))
        if j2 > j1:
            same(b[j1][0])
            out.append(("ins", new[b[j1][0] : b[j2 - 1][1]]))
            at = b[j2 - 1][1]
    same(len(new))
    return tuple(out)
