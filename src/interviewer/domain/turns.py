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
"""

from __future__ import annotations

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
