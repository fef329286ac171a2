"""Turns of a group interview: which paragraph of a note who said, and when it started.

A question's notes stay one plain text (``QuestionRecord.notes``), so everything that reads
the text keeps working. A group interview adds ``QuestionRecord.turns``: one ``Turn`` per
paragraph of that text, in order. This module defines what a paragraph is and keeps the
turns aligned when the text changes; it is pure (no I/O, no Textual).

Paragraphs are the blocks between blank lines, exactly as the exports split notes
(``interviewer.export.text.paragraphs_of``): single newlines stay inside a paragraph. While
typing there is one more kind: the *open* paragraph, the empty one after a trailing blank
line (or an empty note), where the next words will go. It has a turn too, so a speaker can
be chosen before anything is typed; the exports leave it out because it holds no text.

When the text changes (``realign``), each paragraph of the new text is matched to the one it
came from by the edited stretch: paragraphs that start before the edit or in the unchanged
tail keep their turn; a paragraph merged into the one above disappears with its turn; a
paragraph split off or newly begun gets the speaker of the paragraph above it and the time of
the edit. This holds for any edit (typing, paste, cut, undo), not only single keystrokes.

A text replaced as a whole (a member check's approved final text, ``rematch``) has no edit
position; there the paragraphs are matched by content instead.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

INTERVIEWER_SPEAKER = "interviewer"
"""Speaker code of the interviewer's own turns (the same word transcripts use)."""

_BREAK = re.compile(r"\n\s*\n")
"""A paragraph break: a blank line (only whitespace) between two lines."""
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters the exports replace before splitting (so they never count as whitespace)."""


class Turn(BaseModel):
    """One paragraph of a group interview's note: who said it and when it was begun."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    speaker: str = Field(description="Participant code, or 'interviewer'.")
    at: float = Field(description="Session seconds when the paragraph was begun.")


@dataclass(frozen=True, slots=True)
class Span:
    """A paragraph as character offsets into the note: ``text[start:end]``."""

    start: int
    end: int
    open: bool = False
    """The empty paragraph being typed into (after a trailing blank line, or an empty note)."""


def _structure(text: str) -> str:
    """``text`` with the same length, line breaks and whitespace as the exports see them.

    The exports clean a note (CRLF and CR become LF, XML-invalid characters become U+FFFD)
    before splitting it; doing the same here, length for length, keeps offsets into the
    real text while finding exactly the breaks the exports find.
    """
    view = text.replace("\r\n", " \n").replace("\r", "\n")
    return _XML_INVALID.sub("\ufffd", view)


def paragraph_spans(text: str) -> list[Span]:
    """The paragraphs of a note in order, with the open paragraph last when there is one."""
    view = _structure(text)
    spans: list[Span] = []
    start = 0
    breaks = list(_BREAK.finditer(view))
    for match in breaks:
        if view[start : match.start()].strip():
            spans.append(Span(start, match.start()))
        start = match.end()
    if view[start:].strip():
        spans.append(Span(start, len(view)))
    elif breaks or not spans:
        spans.append(Span(start, len(view), open=True))
    return spans


def paragraph_texts(text: str) -> list[str]:
    """The raw text of each paragraph that holds words (the open paragraph left out)."""
    return [text[s.start : s.end] for s in paragraph_spans(text) if not s.open]


def paragraph_at(text: str, offset: int) -> int:
    """Index of the paragraph the cursor at ``offset`` is in (or the nearest one above it).

    A cursor on a blank line between two paragraphs belongs to the one above; before the
    first paragraph, to the first.
    """
    spans = paragraph_spans(text)
    found = 0
    for n, span in enumerate(spans):
        if span.start <= offset:
            found = n
    return found


def _common_prefix(a: str, b: str) -> int:
    limit = min(len(a), len(b))
    n = 0
    while n < limit and a[n] == b[n]:
        n += 1
    return n


def _common_suffix(a: str, b: str, limit: int) -> int:
    n = 0
    while n < limit and a[len(a) - 1 - n] == b[len(b) - 1 - n]:
        n += 1
    return n


def realign(old: str, new: str, turns: Sequence[Turn], at: float) -> list[Turn]:
    """The turns of ``new`` given those of ``old`` (see the module docstring for the rules).

    ``turns`` should have one entry per paragraph of ``old``; when it does not (a note whose
    text was replaced outside the recorder), paragraphs without a turn are treated as new.
    An empty ``turns`` stays empty: a note without speakers has no turns.
    """
    if not turns:
        return []
    old_spans, new_spans = paragraph_spans(old), paragraph_spans(new)
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old, new, min(len(old), len(new)) - prefix)
    old_by_start = {s.start: n for n, s in enumerate(old_spans) if n < len(turns)}
    shift = len(old) - len(new)
    chosen: list[int | None] = [None] * len(new_spans)
    claimed: set[int] = set()
    # The unchanged tail first: a paragraph that begins there is the one that began there.
    for n, span in enumerate(new_spans):
        if span.start >= len(new) - suffix:
            source = old_by_start.get(span.start + shift)
            if source is not None:
                chosen[n] = source
                claimed.add(source)
    # Then the unchanged head: a paragraph beginning before the edit (or right at it, when
    # its text was retyped from its first character) is the one that began there.
    for n, span in enumerate(new_spans):
        if chosen[n] is None and span.start <= prefix:
            source = old_by_start.get(span.start)
            if source is not None and source not in claimed:
                chosen[n] = source
                claimed.add(source)
    out: list[Turn] = []
    for source in chosen:
        if source is not None:
            out.append(turns[source])
        elif out:
            out.append(Turn(speaker=out[-1].speaker, at=at))
        else:
            out.append(Turn(speaker=turns[0].speaker, at=at))
    return out


def turns_for(text: str, speaker: str, at: float) -> list[Turn]:
    """One turn per paragraph of ``text`` (the open one included), all for ``speaker``."""
    return [Turn(speaker=speaker, at=at) for _ in paragraph_spans(text)]


def spoken_paragraphs(text: str, turns: Sequence[Turn], default: str) -> list[tuple[str, str]]:
    """(speaker, raw paragraph text) for each paragraph that holds words.

    Paragraphs beyond the turns (never for notes the recorder kept) take the last speaker
    known, else ``default``; a note without turns is all ``default``.
    """
    out: list[tuple[str, str]] = []
    speaker = default
    for n, span in enumerate(paragraph_spans(text)):
        if n < len(turns):
            speaker = turns[n].speaker
        if not span.open:
            out.append((speaker, text[span.start : span.end]))
    return out


REMATCH_RATIO = 0.5
"""From this similarity on a rewritten paragraph counts as the one it replaced (as the
member-check comparison counts a paragraph as changed rather than deleted and added)."""
_PAIRING_LIMIT = 2500
"""Largest replaced stretch (old x new paragraphs) paired by similarity; beyond it, in order."""


def _words(text: str) -> str:
    return " ".join(text.split())


def _similarity(a: str, b: str) -> float:
    """0..1, how much of old paragraph ``a`` lives on in ``b``.

    The best of word similarity, character similarity, and (for ``a`` of three words or
    more) the share of ``a``'s words that ``b`` keeps in order: a paragraph merged into the
    one above is wholly kept by the merge, so the merge's first paragraph wins the tie and
    keeps its turn, as ``realign`` does for a merge typed in the editor.
    """
    old_words = a.split()
    words = difflib.SequenceMatcher(None, old_words, b.split(), autojunk=False)
    best = words.ratio()
    if len(old_words) >= 3:
        kept = sum(block.size for block in words.get_matching_blocks())
        best = max(best, kept / len(old_words))
    if len(a) + len(b) <= 4000:  # characters are quadratic; words say enough beyond this
        chars = difflib.SequenceMatcher(None, a, b, autojunk=False)
        if chars.quick_ratio() > best:
            best = max(best, chars.ratio())
    return best


def _pair(old: Sequence[str], new: Sequence[str]) -> list[int | None]:
    """For each of ``new``, the index in ``old`` it rewrites (or None: inserted).

    The pairing keeps the order and takes the greatest total similarity over pairs that
    reach ``REMATCH_RATIO``, so a deleted paragraph does not hand its speaker to the one
    after it. One paragraph replaced by one is always a rewrite of it.
    """
    if len(old) == 1 and len(new) == 1:
        return [0]
    if len(old) * len(new) > _PAIRING_LIMIT:
        return [n if n < len(old) else None for n in range(len(new))]
    sim = [[_similarity(a, b) for b in new] for a in old]
    rows, cols = len(old), len(new)
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            take = sim[i][j] + best[i + 1][j + 1] if sim[i][j] >= REMATCH_RATIO else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    out: list[int | None] = [None] * cols
    i = j = 0
    while i < rows and j < cols:
        if sim[i][j] >= REMATCH_RATIO and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            out[j] = i
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return out


def rematch(old: str, new: str, turns: Sequence[Turn]) -> list[Turn]:
    """The turns of ``new``, a text that replaced ``old`` as a whole, matched by content.

    Paragraphs are compared by their words (``difflib`` over the paragraph texts): an
    unchanged paragraph keeps its turn; a changed one keeps the turn of the paragraph it
    replaced (the most similar one in the replaced stretch, in order); an inserted one
    takes the speaker and time of the paragraph before it (the first one's, at the start).
    Removed and merged paragraphs take their turns with them, so the speakers after them do
    not shift. An empty ``turns`` stays empty (a note without speakers has no turns).
    """
    if not turns:
        return []
    old_spans = paragraph_spans(old)
    if len(turns) < len(old_spans):
        turns = [*turns, *[turns[-1]] * (len(old_spans) - len(turns))]
    old_texts = [_words(old[s.start : s.end]) for s in old_spans if not s.open]
    old_turns = [turns[n] for n, s in enumerate(old_spans) if not s.open]
    new_spans = paragraph_spans(new)
    new_texts = [_words(new[s.start : s.end]) for s in new_spans if not s.open]
    source: list[int | None] = [None] * len(new_texts)
    matcher = difflib.SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            source[j1:j2] = range(i1, i2)
        elif tag == "replace":
            paired = _pair(old_texts[i1:i2], new_texts[j1:j2])
            source[j1:j2] = [None if p is None else i1 + p for p in paired]
    first = old_turns[0] if old_turns else turns[0]
    out: list[Turn] = []
    for index in source:
        out.append(old_turns[index] if index is not None else (out[-1] if out else first))
    if any(s.open for s in new_spans):
        # the empty paragraph to type into keeps the old one's turn, else the last speaker's
        open_turn = turns[len(old_spans) - 1] if old_spans[-1].open else None
        out.append(open_turn or (out[-1] if out else first))
    return out
