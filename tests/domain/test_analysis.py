"""The analysis model: conclusions, keywords and key sentences per case and variable, the
comparison, checks against the protocol, and pooling two researchers' analyses."""

from __future__ import annotations

import datetime as dt

import pytest

from interviewer.domain.analysis import (
    HISTORY_KEEP,
    MAX_TEXT_CHARS,
    AnalysisError,
    StudyAnalysis,
    Target,
    clean_keywords,
    merge_analyses,
    resolve_variable,
    rewrite_texts,
    source_ref,
    stray_variables,
)
from interviewer.domain.protocol import InterviewProtocol

T0 = dt.datetime(2024, 5, 1, 10, 0, tzinfo=dt.UTC)


def at(minutes: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


BORNE = Target.conclusion("Borne", "ervaring")


def test_a_conclusion_is_set_read_and_cleared() -> None:
    empty = StudyAnalysis(study="test")
    one = empty.with_text(BORNE, "Alle respondenten ...", author="Anna", now=at(1))
    value = one.text(BORNE)
    assert value is not None and value.text == "Alle respondenten ..."
    assert (value.author, value.updated_at, value.history) == ("Anna", at(1), ())
    assert empty.text(BORNE) is None  # the model is immutable
    assert one.with_text(BORNE, "Alle respondenten ...", now=at(9)) is one  # no-op keeps time
    cleared = one.with_text(BORNE, "", author="Bert", now=at(2)).text(BORNE)
    assert cleared is not None and cleared.text == "" and cleared.author == "Bert"
    assert len(cleared.history) == 1  # the cleared text is remembered for pooling
    assert empty.with_text(BORNE, "", now=at(3)) is empty  # clearing nothing writes nothing


def test_comparison_and_general_rows() -> None:
    analysis = (
        StudyAnalysis(study="test")
        .with_text(Target.compare("feedback"), "Elf van de twaalf", now=at(1))
        .with_text(Target.general("strengths"), "Korte lijnen", now=at(1))
        .with_text(Target.general("weaknesses"), "Te weinig tijd", now=at(1))
    )
    assert analysis.comparison.variables["feedback"].text == "Elf van de twaalf"
    assert analysis.text(Target.general("weaknesses")).text == "Te weinig tijd"  # type: ignore[union-attr]
    assert analysis.cases == {}
    with pytest.raises(AnalysisError) as caught:
        Target.general("kansen")
    assert "strengths, weaknesses" in str(caught.value)
    assert "kies uit" in caught.value.message("nl")


def test_long_text_with_emoji_and_control_characters_is_kept_as_typed() -> None:
    text = ("Zin met 🎉 emoji, \x07bel, \x00nul en\ttab.\r\n" * 2_500)[:100_000]
    analysis = StudyAnalysis(study="test").with_text(BORNE, text, now=at(1))
    stored = analysis.text(BORNE).text  # type: ignore[union-attr]
    assert stored == text.replace("\r\n", "\n")  # only line ends are made uniform
    assert "🎉" in stored and "\x00" in stored and "\x07" in stored
    again = StudyAnalysis.model_validate_json(analysis.model_dump_json())
    assert again == analysis


def test_bad_texts_are_refused_with_keyed_lines() -> None:
    base = StudyAnalysis(study="test")
    with pytest.raises(AnalysisError, match="not valid Unicode"):
        base.with_text(BORNE, "half \udc80 a character")
    with pytest.raises(AnalysisError, match="at most 1,000,000"):
        base.with_text(BORNE, "x" * (MAX_TEXT_CHARS + 1))
    with pytest.raises(ValueError, match="case names are used in file names"):
        base.with_text(Target.conclusion("../etc", "ervaring"), "x")  # CodeError, keyed too
    with pytest.raises(AnalysisError, match="is not an id"):
        base.with_text(Target.conclusion("Borne", "Ervaring!"), "x")
    with pytest.raises(AnalysisError, match="control"):
        base.with_text(BORNE, "x", author="Anna\x1b[31m")


def test_keywords_are_cleaned() -> None:
    assert clean_keywords([" Vertrouwen ", "mandaat", "vertrouwen", "", "Regie"]) == (
        "Vertrouwen",
        "mandaat",
        "Regie",
    )
    with pytest.raises(AnalysisError, match="control character"):
        clean_keywords(["a\nb"])
    analysis = StudyAnalysis(study="test").with_keywords(
        "Borne", "ervaring", ["Vertrouwen", "mandaat"], author="Anna", now=at(1)
    )
    assert analysis.keywords("Borne", "ervaring") == ("Vertrouwen", "mandaat")
    assert analysis.with_keywords("Borne", "ervaring", ["Vertrouwen", "mandaat"]) is analysis


def test_key_sentences_are_added_changed_and_removed_as_tombstones() -> None:
    source = source_ref("demo-1", "1.1", "ervaring-2")
    analysis, sid = StudyAnalysis(study="test").with_key_sentence(
        "Borne", "ervaring", "We hadden een oneindig mandaat", source=source, now=at(1)
    )
    assert sid.startswith("ks-20240501100100-")
    [sentence] = analysis.variable("Borne", "ervaring").live_sentences()
    assert sentence.source is not None and sentence.source.respondent == "1.1"
    changed, same = analysis.with_key_sentence(
        "Borne", "ervaring", "Een oneindig mandaat", sentence_id=sid, now=at(2)
    )
    assert same == sid and changed.variable("Borne", "ervaring").key_sentences[sid].source is None
    removed = changed.without_key_sentence("Borne", "ervaring", sid, now=at(3))
    assert removed.variable("Borne", "ervaring").live_sentences() == []
    assert removed.variable("Borne", "ervaring").key_sentences[sid].deleted
    with pytest.raises(AnalysisError, match="no key sentence"):
        removed.without_key_sentence("Borne", "ervaring", sid)
    with pytest.raises(AnalysisError, match="needs text"):
        analysis.with_key_sentence("Borne", "ervaring", "  ")
    with pytest.raises(AnalysisError, match="is not an id"):
        source_ref("../x")


def test_variables_resolve_against_the_protocol(protocol: InterviewProtocol) -> None:
    assert resolve_variable(protocol, "tijd") == "tijd"
    assert resolve_variable(protocol, "  FEEDBACK ") == "feedback"  # the variable name
    with pytest.raises(AnalysisError) as caught:
        resolve_variable(protocol, "Relatie")
    line = str(caught.value)
    assert "unknown variable 'Relatie'" in line and "ervaring (Ervaring), tijd (Tijd)" in line
    assert caught.value.message("nl").startswith("onbekende variabele 'Relatie'; bekend:")
    assert resolve_variable(protocol, "oud", extra=["oud"]) == "oud"  # already written
    assert resolve_variable(None, "relatie") == "relatie"  # no protocol known: any id
    with pytest.raises(AnalysisError):
        resolve_variable(None, "Not An Id")
    analysis = StudyAnalysis(study="test").with_text(Target.conclusion("Borne", "oud"), "x")
    assert stray_variables(analysis, protocol) == ["oud"]


def _two_sides() -> tuple[StudyAnalysis, StudyAnalysis]:
    shared = StudyAnalysis(study="test").with_text(BORNE, "Eerste versie", author="Anna", now=at(1))
    return shared, shared


def test_pooling_takes_an_edit_of_a_shared_value_without_conflict() -> None:
    mine, theirs = _two_sides()
    theirs = theirs.with_text(BORNE, "Tweede", author="Bert", now=at(2))
    theirs = theirs.with_text(BORNE, "Derde", author="Bert", now=at(3))  # edited twice
    result = merge_analyses(mine, theirs, now=at(10))
    assert result.analysis.text(BORNE).text == "Derde"  # type: ignore[union-attr]
    assert (result.updated, result.conflicts) == (1, ())
    back = merge_analyses(theirs, result.analysis, now=at(11))  # and back: nothing to do
    assert (back.updated, back.conflicts) == (0, ())
    older = merge_analyses(result.analysis, mine, now=at(12))  # an old copy changes nothing
    assert older.analysis.text(BORNE).text == "Derde" and older.conflicts == ()  # type: ignore[union-attr]


def test_pooling_two_changes_made_apart_keeps_the_newer_and_reports_the_other() -> None:
    mine, theirs = _two_sides()
    mine = mine.with_text(BORNE, "Anna's versie", author="Anna", now=at(5))
    theirs = theirs.with_text(BORNE, "Bert's versie", author="Bert", now=at(4))
    result = merge_analyses(mine, theirs, now=at(10))
    assert result.analysis.text(BORNE).text == "Anna's versie"  # type: ignore[union-attr]
    [conflict] = result.conflicts
    assert (conflict.field, conflict.text, conflict.author) == (
        "case/Borne/ervaring/conclusion",
        "Bert's versie",
        "Bert",
    )
    assert (conflict.kept_author, conflict.kept_updated_at) == ("Anna", at(5))
    assert result.analysis.conflicts == (conflict,)  # kept in the file, not only reported
    again = merge_analyses(result.analysis, theirs, now=at(11))  # pooling twice: no repeat
    assert again.conflicts == () and len(again.analysis.conflicts) == 1
    other_way = merge_analyses(theirs, mine, now=at(10))  # newer wins on either side
    assert other_way.analysis.text(BORNE).text == "Anna's versie"  # type: ignore[union-attr]
    assert other_way.conflicts[0].text == "Bert's versie"


def test_pooling_adds_what_only_one_side_has() -> None:
    mine = StudyAnalysis(study="test").with_keywords("Borne", "ervaring", ["a"], now=at(1))
    theirs, sid = StudyAnalysis(study="test").with_key_sentence(
        "Wierden", "tijd", "Kernzin", now=at(2)
    )
    theirs = theirs.with_text(Target.general("strengths"), "Sterk", now=at(2))
    result = merge_analyses(mine, theirs, now=at(3))
    merged = result.analysis
    assert merged.keywords("Borne", "ervaring") == ("a",)
    assert merged.variable("Wierden", "tijd").key_sentences[sid].text == "Kernzin"
    assert merged.text(Target.general("strengths")).text == "Sterk"  # type: ignore[union-attr]
    assert result.updated == 2 and result.conflicts == ()
    removed = theirs.without_key_sentence("Wierden", "tijd", sid, now=at(4))
    assert (
        merge_analyses(merged, removed).analysis.variable("Wierden", "tijd").live_sentences() == []
    )
    with pytest.raises(AnalysisError, match="of study 'ander'"):
        merge_analyses(mine, StudyAnalysis(study="ander"))


def test_history_is_bounded() -> None:
    analysis = StudyAnalysis(study="test")
    for n in range(HISTORY_KEEP + 20):
        analysis = analysis.with_text(BORNE, f"versie {n}", now=at(n))
    assert len(analysis.text(BORNE).history) == HISTORY_KEEP  # type: ignore[union-attr]


def test_rewrite_texts_reaches_every_typed_text() -> None:
    analysis = StudyAnalysis(study="test").with_text(BORNE, "Jan zegt", now=at(1))
    analysis = analysis.with_keywords("Borne", "ervaring", ["Jan"], now=at(1))
    analysis, sid = analysis.with_key_sentence("Borne", "ervaring", "Jan: ja", now=at(1))
    analysis = analysis.with_text(Target.compare("tijd"), "Jan en Piet", now=at(1))
    out = rewrite_texts(analysis, lambda text: text.replace("Jan", "R1"))
    assert out.text(BORNE).text == "R1 zegt"  # type: ignore[union-attr]
    assert out.keywords("Borne", "ervaring") == ("R1",)
    assert out.variable("Borne", "ervaring").key_sentences[sid].text == "R1: ja"
    assert out.comparison.variables["tijd"].text == "R1 en Piet"
    assert "Jan" not in out.model_dump_json(exclude={"conflicts"}).replace("history", "")
