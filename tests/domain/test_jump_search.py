"""The jump list's entries (domain.navigation.jump_entries) and its search (domain.jump_search)."""

from __future__ import annotations

from interviewer.domain.jump_search import (
    JumpIndex,
    browse,
    fold,
    query_words,
)
from interviewer.domain.navigation import JumpEntry, jump_entries
from interviewer.domain.protocol import QuestionKind
from interviewer.domain.session import QuestionState


def _entry(qid: str, text: str, *, group: str = "g", kind: str = "question", **kw) -> JumpEntry:
    return JumpEntry(kind=kind, question_id=qid, group=group, text=text, **kw)  # type: ignore[arg-type]


def _ids(index: JumpIndex, query: str) -> list[str]:
    return [index.entries[hit.index].question_id for hit in index.search(query)]


# entries ------------------------------------------------------------------------------------


def test_entries_group_questions_under_one_header_per_topic(started) -> None:
    entries = jump_entries(started.session)
    kinds = [(e.kind, e.group) for e in entries]
    assert kinds[0] == ("topic", "ervaring")
    headers = [e for e in entries if e.is_header]
    assert [h.group for h in headers] == ["ervaring", "tijd", "feedback", "closing"]
    # every question sits after its own header, and appears once
    group = None
    for entry in entries:
        if entry.is_header:
            group = entry.group
        else:
            assert entry.group == group
    assert len({e.question_id for e in entries if not e.is_header}) == sum(
        1 for e in entries if not e.is_header
    )
    # a topic's characteristics are on its header, a question carries its own one
    assert headers[0].characteristics == ("wel-niet", "effect", "bp-kp", "verbeterpunten")
    q2 = next(e for e in entries if e.question_id == "ervaring-2")
    assert q2.characteristics == ("effect",)


def test_entries_carry_state_kind_and_current(started) -> None:
    started.show_question("ervaring-1")
    started.set_quick_answer("ervaring-1", "no")
    started.mark_asked("ervaring-1")
    started.skip("ervaring-3")
    started.set_notes("ervaring-2", "iets")
    started.show_question("ervaring-4")
    entries = {e.question_id: e for e in jump_entries(started.session) if not e.is_header}
    assert entries["ervaring-1"].state is QuestionState.ASKED
    assert entries["ervaring-3"].state is QuestionState.SKIPPED
    assert entries["ervaring-2"].has_notes and not entries["ervaring-4"].has_notes
    assert entries["ervaring-4"].current and not entries["ervaring-1"].current
    follow_up = entries["ervaring-nee"]
    assert follow_up.question_kind is QuestionKind.FOLLOW_UP
    assert follow_up.relevant and follow_up.triggered  # 'no' made it relevant
    assert not entries["tijd-nee"].relevant  # not triggered: dimmed, still listed
    assert entries["ervaring-p1"].question_kind is QuestionKind.PROBE
    header = next(e for e in jump_entries(started.session) if e.group == "ervaring")
    assert header.is_header and header.current
    assert (header.done, header.total) == (3, 6)  # asked, skipped, notes, of 6 relevant


def test_header_jumps_to_the_first_relevant_question(started) -> None:
    entries = jump_entries(started.session)
    closing = next(e for e in entries if e.kind == "closing")
    assert closing.question_id == "sterk" and closing.text == ""
    assert next(e for e in entries if e.group == "tijd").question_id == "tijd-1"


# matching -----------------------------------------------------------------------------------


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Één ÉCHTE Reünie") == "een echte reunie"
    assert query_words("  Niet/HE? ") == ["niet", "he"]


def test_query_words_are_word_prefixes_in_any_order() -> None:
    index = JumpIndex(
        [
            _entry("a", "Kunt u vertellen hoe het niet hebben van ervaring uitwerkt?"),
            _entry("b", "Is er sprake van ervaring?"),
            _entry("c", "Hebt u nietsvermoedend gewerkt?"),
        ]
    )
    assert _ids(index, "niet he") == ["a", "c"]  # 'niet' prefixes 'nietsvermoedend'
    assert _ids(index, "hebb niet") == ["a"]
    assert _ids(index, "ERVÁRING") == ["b", "a"]  # earlier in the text first
    assert _ids(index, "iet") == []  # inside a word is not a word prefix
    assert _ids(index, "ervaring xyz") == []  # every word must match


def test_empty_query_lists_everything_in_protocol_order() -> None:
    entries = [_entry("a", "Eerste"), _entry("b", "Tweede", current=True)]
    index = JumpIndex(entries)
    assert _ids(index, "") == ["a", "b"]
    result = index.rows("  ")
    assert [r.index for r in result.rows] == [0, 1]
    assert result.best == 1  # the current question is highlighted
    assert browse(entries).rows == result.rows


def test_title_and_characteristic_beat_a_match_deep_in_a_long_question() -> None:
    long_text = "Kunt u, als u terugkijkt op de afgelopen jaren in het team, iets zeggen over tijd?"
    entries = [
        _entry("q-long", long_text, group="a"),
        _entry("tijd-1", "Tijd en ruimte", group="tijd", kind="topic"),
        _entry("q-char", "Hoe deelt u uw agenda in?", group="tijd", characteristics=("Tijd",)),
        _entry("q-early", "Tijd voor overleg: hoeveel?", group="tijd"),
    ]
    assert _ids(JumpIndex(entries), "tijd") == ["tijd-1", "q-char", "q-early", "q-long"]


def test_whole_words_and_phrases_rank_first() -> None:
    entries = [
        _entry("a", "Heeft u wel of niet ervaring?", characteristics=("Wel/niet",)),
        _entry("b", "Kunt u vertellen hoe het niet hebben van ervaring uitwerkt?"),
        _entry("c", "Waren de ervaringen goed?"),
        _entry("d", "Is er ervaring?"),
    ]
    index = JumpIndex(entries)
    assert _ids(index, "niet he")[0] == "b"  # the words one after another, as typed
    assert _ids(index, "ervaring") == ["d", "a", "b", "c"]  # whole word, early, then prefix


def test_ties_keep_protocol_order() -> None:
    entries = [_entry(f"q{n}", "Kunt u een voorbeeld geven?") for n in range(5)]
    assert _ids(JumpIndex(entries), "voorb") == [f"q{n}" for n in range(5)]


def test_questions_inherit_their_topic_title_as_context() -> None:
    entries = [
        _entry("t1", "Informele communicatie", group="t1", kind="topic"),
        _entry("p1", "Kunt u een voorbeeld geven?", group="t1"),
        _entry("t2", "Feedback", group="t2", kind="topic"),
        _entry("p2", "Kunt u een voorbeeld geven?", group="t2"),
    ]
    assert _ids(JumpIndex(entries), "voorbeeld feedb") == ["p2"]
    assert _ids(JumpIndex(entries), "informele") == ["t1"]  # not every question of the topic


def test_rows_group_matches_under_their_header_best_group_first() -> None:
    entries = [
        _entry("a1", "Eerdere ervaring", group="a", kind="topic"),
        _entry("a-q", "Heeft u een voorbeeld van een knelpunt?", group="a"),
        _entry("b1", "Knelpunten in het team", group="b", kind="topic"),
        _entry("b-q", "Welke knelpunten ziet u?", group="b"),
        _entry("b-x", "Iets anders", group="b"),
    ]
    result = JumpIndex(entries).rows("knelpunt")
    shown = [(entries[r.index].question_id, r.matched) for r in result.rows]
    # group b has the best match (its title), so it comes first; a's header is context only
    assert shown == [("b1", True), ("b-q", True), ("a1", False), ("a-q", True)]
    assert result.best == 0 and result.matches == 3
    assert result.rows[1].spans == ((6, 16),)  # 'knelpunten' in "Welke knelpunten ziet u?"


def test_best_row_is_the_best_question_when_the_header_does_not_match() -> None:
    entries = [
        _entry("a1", "Ervaring", group="a", kind="topic"),
        _entry("a-q", "Hoe vaak geeft u feedback?", group="a"),
    ]
    result = JumpIndex(entries).rows("feedb")
    assert [entries[r.index].question_id for r in result.rows] == ["a1", "a-q"]
    assert result.best == 1 and not result.rows[0].matched


def test_a_matched_characteristic_is_named() -> None:
    entries = [
        _entry("t", "Tijd", group="t", kind="topic", characteristics=("Wel/niet", "Effect")),
        _entry("q", "Hoe deelt u het in?", group="t", characteristics=("Effect",)),
    ]
    result = JumpIndex(entries).rows("effe")
    assert [r.characteristic for r in result.rows] == ["Effect", "Effect"]
    assert JumpIndex(entries).rows("tijd").rows[0].characteristic is None


def test_search_on_a_real_session(started) -> None:
    index = JumpIndex(jump_entries(started.session))
    assert _ids(index, "tijd")[0] == "tijd-1"  # the topic header leads to its first question
    assert index.entries[index.search("tijd")[0].index].is_header
    assert "sterk" in _ids(index, "sterke")  # closing questions are searched too
    # 'Verbeterpunten?' with that characteristic: all words in its name, first
    assert _ids(index, "verbeter")[:3] == ["ervaring-4", "tijd-4", "feedback-4"]
