"""The analysis as the exports write it: conclusions, keywords and key sentences in words.

Every export that carries the analysis (the matrices, the analysis frames, the REFI-QDA
project) takes it from ``ExportOptions.analysis`` (filled from the data folder by
``membercheck.exporting.export_options``) through ``study_analysis``, which applies the
export's replacement list as it is applied to the notes, so a name a researcher typed in a
key sentence is replaced in the matrix exactly as in the transcript. Nothing is cached:
each export reads what is stored at that moment, so exporting again after editing a
conclusion gives the new text.

A key sentence is written with its reference, as seed 003 quoted its respondents:
``“We hadden een oneindig mandaat.” (resp. 2.1, vraag ervaring-2)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from interviewer.domain.analysis import KeySentence, StudyAnalysis, rewrite_texts
from interviewer.domain.session import Session
from interviewer.export.options import ExportOptions
from interviewer.i18n import Translator


def study_analysis(options: ExportOptions | None, study: str) -> StudyAnalysis | None:
    """The analysis of ``study`` as this export writes it (replacements applied), or None."""
    if options is None or not options.analysis:
        return None
    found = options.analysis.get(study)
    if found is None:
        return None
    if options.replacements:
        found = rewrite_texts(found, options.replacements.apply)
    return found


def respondent_codes(sessions: Sequence[Session]) -> dict[str, str]:
    """Session id -> respondent code: how a key sentence taken from a session is referred to."""
    return {s.id: s.respondent for s in sessions}


def reference(sentence: KeySentence, respondents: Mapping[str, str], t: Translator) -> str:
    """Where a key sentence comes from in words ('(resp. 1.2, vraag ervaring-2)'), or ''."""
    source = sentence.source
    if source is None:
        return ""
    who = source.respondent or respondents.get(source.session_id or "", "")
    question = source.question_id or ""
    if who and question:
        return t("analysis.export.source_both", respondent=who, question=question)
    if who:
        return t("analysis.export.source_respondent", respondent=who)
    if question:
        return t("analysis.export.source_question", question=question)
    return ""


def sentence_line(sentence: KeySentence, respondents: Mapping[str, str], t: Translator) -> str:
    """A key sentence between quotes, followed by its reference."""
    quoted = t("analysis.export.quoted", text=sentence.text.strip())
    ref = reference(sentence, respondents, t)
    return f"{quoted} {ref}" if ref else quoted


@dataclass(frozen=True)
class VariableText:
    """What the analysis says about one variable of one case, in words."""

    conclusion: str
    keywords: tuple[str, ...]
    sentences: tuple[str, ...]
    """Key sentences with their references (``sentence_line``)."""

    def is_empty(self) -> bool:
        return not (self.conclusion.strip() or self.keywords or self.sentences)

    def frame_text(self, t: Translator) -> str:
        """Keywords and key sentences as one cell of the analysis frame ('' when none)."""
        lines: list[str] = []
        if self.keywords:
            lines.append(t("analysis.export.keywords", words="; ".join(self.keywords)))
        if self.sentences:
            lines.append(t("analysis.export.key_sentences"))
            lines.extend(f"- {s}" for s in self.sentences)
        return "\n".join(lines)

    def interim_text(self, t: Translator) -> str:
        """The Tussenconclusie row: the conclusion, then keywords and key sentences."""
        parts = [self.conclusion.strip()] if self.conclusion.strip() else []
        frame = self.frame_text(t)
        if frame:
            parts.append(frame)
        return "\n".join(parts)


def variable_text(
    analysis: StudyAnalysis | None,
    case: str,
    variable: str,
    respondents: Mapping[str, str],
    t: Translator,
) -> VariableText:
    """What ``analysis`` holds about ``variable`` in ``case`` (empty when nothing)."""
    if analysis is None:
        return VariableText("", (), ())
    if case not in analysis.cases:  # the CLI takes a case in any letter case
        case = next((c for c in analysis.cases if c.casefold() == case.casefold()), case)
    found = analysis.variable(case, variable)
    conclusion = found.conclusion.text if found.conclusion else ""
    keywords = found.keywords.keywords if found.keywords else ()
    sentences = tuple(sentence_line(s, respondents, t) for s in found.live_sentences())
    return VariableText(conclusion, keywords, sentences)
