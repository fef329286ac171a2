"""Word-prefix search over the jump list (ctrl+t), built once per dialog, cheap per keystroke.

Interviewers type the beginnings of words they remember ("niet he", "voorbeeld", "tijd"),
not scattered letters, so a query is split into words and every word must be the start of
a word in the entry (case- and accent-insensitive). Textual's fuzzy matcher scored every
subsequence of every long label on every key and froze the app for seconds; here the index
holds a sorted vocabulary with, per word, the entries it occurs in and how well, so a
keystroke costs a few bisects plus the entries that actually match.

Ranking: a word counts most in an entry's own name (a topic title or variable, a
question's characteristic), less the deeper it sits in a question text, and least in the
context a question inherits (its topic's title), which never finds a question on its own:
"voorbeeld feedb" finds the probe in the feedback topic, "feedb" only the topic. Whole
words beat prefixes; query words one after another in a text ("niet he") beat scattered. Ties keep
protocol order. Pure code: no Textual, no session access after the index is built.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from interviewer.domain.navigation import JumpEntry

_WORD = re.compile(r"\w+")

NAME = 0
"""Field: the entry's own name (topic title or variable; a question's characteristic)."""
TEXT = 1
"""Field: a question's text."""
CONTEXT = 2
"""Field: what an entry inherits (a question's topic title, a topic's characteristics)."""

NAME_WEIGHT = 100.0
TEXT_WEIGHT = 60.0
CONTEXT_WEIGHT = 25.0
"""Below any own match (text 40 at worst), so a word's best field is its own when it has one."""
EXACT_BONUS = 10.0
"""A query word that is the whole word, not only its beginning."""
ALL_IN_NAME_BONUS = 50.0
"""Every query word found in the entry's own name: what the interviewer was looking for."""
POSITION_PENALTY = 0.5
"""Per word of text before the match: the start of a question is what people recall."""
MAX_POSITION_PENALTY = 20.0
PHRASE_BONUS = 60.0
"""The query words found one after another in the text: "niet he" for "niet hebben"."""


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower case without accents: 'Één' and 'een' match, as do 'ERVARING' and 'ervaring'.

    Cached: a protocol repeats the same words and titles many times over.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def query_words(query: str) -> list[str]:
    """The folded words of a query; punctuation separates words and is otherwise ignored."""
    return list(_words(query))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for each word of ``text``, offsets in the original text."""
    return [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]


@dataclass(frozen=True)
class JumpHit:
    """An entry that matches every query word, with its score (higher is better)."""

    index: int
    """Position of the entry in the list the index was built from (protocol order)."""
    score: float


@dataclass(frozen=True)
class JumpRow:
    """A line to show: an entry, whether it matched (headers may be shown as context only)."""

    index: int
    matched: bool
    spans: tuple[tuple[int, int], ...] = ()
    """Offsets in the entry's ``text`` of the words the query matched (to highlight)."""
    characteristic: str | None = None
    """The characteristic label a query word matched, to show why the entry is listed."""


@dataclass(frozen=True)
class JumpResult:
    """What the dialog shows for one query: the rows, and which one to highlight first."""

    query: str
    rows: tuple[JumpRow, ...]
    best: int | None
    """Row to highlight: the best match, or the current question when the query is empty."""
    matches: int
    """How many entries matched (headers shown only as context are not counted)."""


def browse(entries: Sequence[JumpEntry], query: str = "") -> JumpResult:
    """The list before anything is typed: every entry in protocol order, the current question
    highlighted. Needs no index, so the dialog can show it the moment it opens.
    """
    rows = tuple(JumpRow(i, True) for i in range(len(entries)))
    current = [i for i, e in enumerate(entries) if e.current and not e.is_header]
    best = current[0] if current else (0 if rows else None)
    return JumpResult(query, rows, best, len(rows))


class JumpIndex:
    """The search index over one snapshot of jump entries; see the module docstring."""

    def __init__(self, entries: Sequence[JumpEntry]) -> None:
        self.entries: tuple[JumpEntry, ...] = tuple(entries)
        titles = {e.group: e.text for e in self.entries if e.kind == "topic"}
        postings: dict[str, dict[int, tuple[float, int]]] = {}
        self._text_words: list[list[tuple[int, int, str]]] = []

        def add(word: str, index: int, field: int, weight: float) -> None:
            per_entry = postings.setdefault(word, {})
            best = per_entry.get(index)
            if best is None or weight > best[0]:
                per_entry[index] = (weight, field)

        for index, entry in enumerate(self.entries):
            spans = word_spans(entry.text)
            self._text_words.append(spans)
            if entry.is_header:
                for _s, _e, word in spans:
                    add(word, index, NAME, NAME_WEIGHT)
                for word in query_words(entry.variable):
                    add(word, index, NAME, NAME_WEIGHT)
                for label in entry.characteristics:
                    for word in query_words(label):
                        add(word, index, CONTEXT, CONTEXT_WEIGHT)
                continue
            for label in entry.characteristics:
                for word in query_words(label):
                    add(word, index, NAME, NAME_WEIGHT)
            for position, (_s, _e, word) in enumerate(spans):
                penalty = min(position * POSITION_PENALTY, MAX_POSITION_PENALTY)
                add(word, index, TEXT, TEXT_WEIGHT - penalty)
            for word in query_words(titles.get(entry.group, "")):
                add(word, index, CONTEXT, CONTEXT_WEIGHT)
        self._vocabulary: list[str] = sorted(postings)
        self._postings: list[list[tuple[int, float, int]]] = [
            [(i, weight, field) for i, (weight, field) in postings[word].items()]
            for word in self._vocabulary
        ]

    def _word_scores(self, word: str) -> dict[int, tuple[float, int]]:
        """Entry index -> (best score, field) over every vocabulary word starting with ``word``."""
        start = bisect_left(self._vocabulary, word)
        best: dict[int, tuple[float, int]] = {}
        vocabulary = self._vocabulary
        for position in range(start, len(vocabulary)):
            candidate = vocabulary[position]
            if not candidate.startswith(word):
                break
            bonus = EXACT_BONUS if candidate == word else 0.0
            for index, weight, field in self._postings[position]:
                score = weight + bonus
                found = best.get(index)
                if found is None or score > found[0]:
                    best[index] = (score, field)
        return best

    def search(self, query: str) -> list[JumpHit]:
        """Entries matching every word of ``query``, best first (protocol order on ties).

        An empty query matches everything, in protocol order.
        """
        words = query_words(query)
        if not words:
            return [JumpHit(i, 0.0) for i in range(len(self.entries))]
        # Rarest word first, so the candidate set shrinks as early as possible.
        per_word = sorted((self._word_scores(w) for w in dict.fromkeys(words)), key=len)
        if not per_word[0]:
            return []
        totals = {i: score for i, (score, _field) in per_word[0].items()}
        in_name = {i for i, (_score, field) in per_word[0].items() if field == NAME}
        own = {i for i, (_score, field) in per_word[0].items() if field != CONTEXT}
        for scores in per_word[1:]:
            totals = {i: s + scores[i][0] for i, s in totals.items() if i in scores}
            in_name = {i for i in in_name if i in totals and scores[i][1] == NAME}
            own.update(i for i in totals if scores[i][1] != CONTEXT)
            if not totals:
                return []
        # A question is not found by its topic's title alone: that is what the header is for.
        entries = self.entries
        totals = {i: s for i, s in totals.items() if i in own or entries[i].is_header}
        hits = [
            JumpHit(
                i,
                s
                + (ALL_IN_NAME_BONUS if i in in_name else 0.0)
                + (PHRASE_BONUS if len(words) > 1 and self._has_phrase(i, words) else 0.0),
            )
            for i, s in totals.items()
        ]
        hits.sort(key=lambda hit: (-hit.score, hit.index))
        return hits

    def _has_phrase(self, index: int, words: Sequence[str]) -> bool:
        """Whether the text of entry ``index`` has words starting with ``words``, in a row."""
        text = [word for _s, _e, word in self._text_words[index]]
        first, rest = words[0], words[1:]
        for start in range(len(text) - len(rest)):
            if text[start].startswith(first) and all(
                text[start + 1 + k].startswith(w) for k, w in enumerate(rest)
            ):
                return True
        return False

    def highlight(self, index: int, words: Sequence[str]) -> tuple[tuple[int, int], ...]:
        """Offsets of the words of entry ``index``'s text that start with one of ``words``."""
        return tuple(
            (start, end)
            for start, end, word in self._text_words[index]
            if any(word.startswith(w) for w in words)
        )

    def matched_characteristic(self, index: int, words: Sequence[str]) -> str | None:
        """The first characteristic label of entry ``index`` that a query word matches."""
        for label in self.entries[index].characteristics:
            if any(w.startswith(q) for w in query_words(label) for q in words):
                return label
        return None

    def _row(self, index: int, matched: bool, words: Sequence[str]) -> JumpRow:
        return JumpRow(
            index,
            matched,
            self.highlight(index, words),
            self.matched_characteristic(index, words),
        )

    def rows(self, query: str) -> JumpResult:
        """The lines to show for ``query``, grouped under their topic headers.

        Without a query: every entry in protocol order, the current question highlighted.
        With one: groups ordered by their best match, within a group best first; a group's
        header is always shown (as context when it did not match itself), and the best
        match overall is the row highlighted, so ``enter`` takes the interviewer there.
        """
        words = query_words(query)
        if not words:
            return browse(self.entries, query)
        hits = self.search(query)
        header_of: dict[str, int] = {e.group: i for i, e in enumerate(self.entries) if e.is_header}
        groups: dict[str, list[JumpHit]] = {}
        for hit in hits:  # best first, so groups come out ordered by their best match
            groups.setdefault(self.entries[hit.index].group, []).append(hit)
        out: list[JumpRow] = []
        best: int | None = None
        for group, members in groups.items():
            header = header_of.get(group)
            matched_header = header is not None and any(h.index == header for h in members)
            if header is not None:
                if best is None and matched_header and members[0].index == header:
                    best = len(out)
                out.append(self._row(header, matched_header, words))
            for hit in members:
                if hit.index == header:
                    continue
                if best is None:
                    best = len(out)
                out.append(self._row(hit.index, True, words))
        return JumpResult(query, tuple(out), best, len(hits))
