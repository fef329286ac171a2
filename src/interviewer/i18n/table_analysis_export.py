"""Messages of the analysis in the exports: the Tussenconclusie rows, the analysis frames
(seed 003), the REFI-QDA memos and the charts of the case matrix."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- conclusions, keywords and key sentences in documents --------------------------------
    "analysis.export.keywords": {"en": "Keywords: {words}", "nl": "Steekwoorden: {words}"},
    "analysis.export.key_sentences": {"en": "Key sentences:", "nl": "Kernzinnen:"},
    "analysis.export.quoted": {"en": "\u201c{text}\u201d", "nl": "\u201c{text}\u201d"},
    "analysis.export.source_both": {
        "en": "(resp. {respondent}, question {question})",
        "nl": "(resp. {respondent}, vraag {question})",
    },
    "analysis.export.source_respondent": {
        "en": "(resp. {respondent})",
        "nl": "(resp. {respondent})",
    },
    "analysis.export.source_question": {"en": "(question {question})", "nl": "(vraag {question})"},
    # --- the analysis frame (seed 003, Bijlage 3) ----------------------------------------------
    "analysis.frame.title": {"en": "Analysis frame {case}", "nl": "Analysekader {case}"},
    "analysis.frame.case": {"en": "Case", "nl": "Casus"},
    "analysis.frame.sheet": {"en": "Analysis frame", "nl": "Analysekader"},
    "analysis.frame.legend": {
        "en": "Per code the keywords and key sentences (with their respondent and question).",
        "nl": "Per code de steekwoorden en kernzinnen (met respondent en vraag).",
    },
    "export.format.frame-docx": {"en": "Analysis frame (Word)", "nl": "Analysekader (Word)"},
    "export.format.frame-xlsx": {"en": "Analysis frame (Excel)", "nl": "Analysekader (Excel)"},
    "analysis.cli.frame_options": {
        "en": "--frame writes the analysis frame per case (--case) as docx or xlsx; "
        "not with --compare or --format csv",
        "nl": "--frame schrijft het analysekader per casus (--case) als docx of xlsx; "
        "niet met --compare of --format csv",
    },
    # --- REFI-QDA memos ---------------------------------------------------------------------
    "analysis.qdpx.conclusion_note": {
        "en": "Interim conclusion {case}: {variable}",
        "nl": "Tussenconclusie {case}: {variable}",
    },
    "analysis.qdpx.frame_note": {
        "en": "Analysis frame {case}: {variable}",
        "nl": "Analysekader {case}: {variable}",
    },
    "analysis.qdpx.compare_note": {
        "en": "Comparative conclusion: {variable}",
        "nl": "Vergelijkende conclusie: {variable}",
    },
    "analysis.qdpx.case_set": {"en": "Analysis {case}", "nl": "Analyse {case}"},
    "analysis.qdpx.compare_set": {
        "en": "Comparison of the cases",
        "nl": "Vergelijking van de cases",
    },
    # --- charts in the case matrix ------------------------------------------------------------
    "analysis.chart.time_caption": {
        "en": "Figure {number}. Planned and actual minutes per topic per respondent, case {case} "
        "(pauses excluded).",
        "nl": "Figuur {number}. Geplande en werkelijke minuten per onderwerp per respondent, "
        "casus {case} (zonder pauzes).",
    },
    "analysis.chart.time_alt": {
        "en": "Bar chart: per topic the planned minutes and the minutes each respondent's "
        "interview took. {summary}",
        "nl": "Staafdiagram: per onderwerp de geplande minuten en de minuten die het interview "
        "van elke respondent duurde. {summary}",
    },
    "analysis.chart.time_over": {
        "en": "Over the planned time: {topics}.",
        "nl": "Over de geplande tijd: {topics}.",
    },
    "analysis.chart.time_none_over": {
        "en": "No topic ran over its planned time.",
        "nl": "Geen onderwerp liep over de geplande tijd.",
    },
    "analysis.chart.planned": {"en": "Planned", "nl": "Gepland"},
    "analysis.chart.minutes": {"en": "Minutes", "nl": "Minuten"},
    "analysis.chart.coverage_caption": {
        "en": "Figure {number}. Characteristics per respondent: covered, skipped or not "
        "reached, case {case}.",
        "nl": "Figuur {number}. Kenmerken per respondent: gedekt, overgeslagen of niet "
        "bereikt, casus {case}.",
    },
    "analysis.chart.coverage_alt": {
        "en": "Grid of characteristics by respondents. {summary}",
        "nl": "Raster van kenmerken per respondent. {summary}",
    },
    "analysis.chart.never_reached": {
        "en": "Never reached by any respondent: {items}.",
        "nl": "Bij geen enkele respondent bereikt: {items}.",
    },
    "analysis.chart.all_reached": {
        "en": "Every characteristic was reached in at least one interview.",
        "nl": "Elk kenmerk is in minstens een interview bereikt.",
    },
    "analysis.chart.covered": {"en": "covered", "nl": "gedekt"},
    "analysis.chart.skipped": {"en": "skipped", "nl": "overgeslagen"},
    "analysis.chart.not_reached": {"en": "not reached", "nl": "niet bereikt"},
}
