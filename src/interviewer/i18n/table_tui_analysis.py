"""Messages of the analysis screen (``tui.screens.analysis``, ``interviewer analyse``): the
case's matrix with the Tussenconclusie, keywords and key sentences per variable, the
comparison across the cases, and the charts."""

MESSAGES: dict[str, dict[str, str]] = {
    "analysis.tui.title": {"en": "Analysis · {case}", "nl": "Analyse · {case}"},
    "analysis.tui.compare_title": {
        "en": "Analysis · comparison of the cases",
        "nl": "Analyse · vergelijking van de cases",
    },
    "analysis.tui.hint": {
        "en": "arrows: cell · enter: notes · tab: editors · k: key sentence · g: charts",
        "nl": "pijlen: cel · enter: notities · tab: invullen · k: kernzin · g: grafieken",
    },
    "analysis.tui.compare_hint": {
        "en": "arrows: row · tab: the comparative conclusion · saved as you type",
        "nl": "pijlen: rij · tab: de vergelijkende conclusie · wordt bewaard tijdens het typen",
    },
    "analysis.tui.col.variable": {"en": "Variable", "nl": "Variabele"},
    "analysis.tui.col.characteristic": {"en": "Characteristic", "nl": "Kenmerk"},
    "analysis.tui.respondent": {"en": "Respondent {respondent}", "nl": "Respondent {respondent}"},
    "analysis.tui.approval": {"en": "Approval: {state}", "nl": "Akkoord: {state}"},
    "analysis.tui.source": {"en": "Question: {question}", "nl": "Vraag: {question}"},
    "analysis.tui.no_source": {
        "en": "Nothing was noted for this cell.",
        "nl": "Voor deze cel is niets genoteerd.",
    },
    "analysis.tui.notes_title": {
        "en": " Notes of respondent {respondent} ({case}), read-only · escape closes ",
        "nl": " Notities van respondent {respondent} ({case}), alleen lezen · escape sluit ",
    },
    "analysis.tui.variable": {
        "en": "{variable}: interim conclusion, keywords (comma separated), key sentences",
        "nl": "{variable}: tussenconclusie, steekwoorden (met komma's), kernzinnen",
    },
    "analysis.tui.compare_variable": {
        "en": "{variable}: comparative conclusion",
        "nl": "{variable}: vergelijkende conclusie",
    },
    "analysis.tui.general_row": {"en": "{variable}", "nl": "{variable}"},
    "analysis.tui.case_conclusion": {
        "en": "Interim conclusion of {case}",
        "nl": "Tussenconclusie van {case}",
    },
    "analysis.tui.keywords_hint": {
        "en": "keywords, comma separated",
        "nl": "steekwoorden, gescheiden door komma's",
    },
    "analysis.tui.no_sentences": {
        "en": "No key sentences yet: k takes the focused cell.",
        "nl": "Nog geen kernzinnen: k neemt de cel met de cursor over.",
    },
    "analysis.tui.edit_sentence": {
        "en": "Key sentence · ctrl+s keeps it · escape leaves it unchanged",
        "nl": "Kernzin · ctrl+s bewaart · escape laat hem ongewijzigd",
    },
    "analysis.tui.pick_cell": {
        "en": "Move to a respondent's cell first.",
        "nl": "Ga eerst naar de cel van een respondent.",
    },
    "analysis.tui.empty_cell": {
        "en": "This cell is empty: nothing to take.",
        "nl": "Deze cel is leeg: er is niets over te nemen.",
    },
    "analysis.tui.sentence_taken": {
        "en": "Key sentence taken from respondent {respondent}.",
        "nl": "Kernzin overgenomen van respondent {respondent}.",
    },
    "analysis.tui.unsaved": {"en": "Typing…", "nl": "Typen…"},
    "analysis.tui.saved": {"en": "Saved at {time}.", "nl": "Bewaard om {time}."},
    "analysis.tui.save_failed": {
        "en": "Not saved: {error}. What you typed stays here and is tried again.",
        "nl": "Niet bewaard: {error}. Wat u typte blijft staan en wordt opnieuw geprobeerd.",
    },
    "analysis.tui.cannot_leave": {
        "en": "Still not saved ({error}); the screen stays open so nothing is lost.",
        "nl": "Nog steeds niet bewaard ({error}); het scherm blijft open: er gaat niets verloren.",
    },
    "analysis.tui.unreadable": {
        "en": "Left out, cannot be read: {sessions}",
        "nl": "Weggelaten, niet te lezen: {sessions}",
    },
    "analysis.tui.key.take": {"en": "Key sentence", "nl": "Kernzin"},
    "analysis.tui.key.charts": {"en": "Charts", "nl": "Grafieken"},
    "analysis.tui.key.remove": {"en": "Remove", "nl": "Verwijderen"},
    "analysis.tui.key.open": {"en": "Analyse", "nl": "Analyse"},
    "analysis.tui.chart.minutes": {
        "en": "Minutes per topic: planned and per respondent",
        "nl": "Minuten per onderwerp: gepland en per respondent",
    },
    "analysis.tui.chart.minutes_title": {
        "en": "Planned against actual minutes",
        "nl": "Geplande tegen werkelijke minuten",
    },
    "analysis.tui.chart.minutes_axis": {"en": "minutes", "nl": "minuten"},
    "analysis.tui.chart.planned": {"en": "planned", "nl": "gepland"},
    "analysis.tui.chart.coverage": {
        "en": "Coverage: characteristics per respondent",
        "nl": "Dekking: kenmerken per respondent",
    },
    "analysis.tui.coverage.covered": {"en": "covered", "nl": "besproken"},
    "analysis.tui.coverage.skipped": {"en": "skipped", "nl": "overgeslagen"},
    "analysis.tui.coverage.not-reached": {"en": "not reached", "nl": "niet aan toegekomen"},
    "analysis.tui.error.no_sessions": {
        "en": "case {case!r} has no session of study {study} to analyse",
        "nl": "case {case!r} heeft geen sessie van studie {study} om te analyseren",
    },
    "analysis.tui.error.nothing_to_compare": {
        "en": "study {study} has no sessions to compare",
        "nl": "studie {study} heeft geen sessies om te vergelijken",
    },
    "analysis.tui.cli.pick_case": {
        "en": "give --case CASE or --compare",
        "nl": "geef --case CASE of --compare",
    },
    "analysis.tui.home.no_session": {
        "en": "Highlight a session first: its case is analysed.",
        "nl": "Kies eerst een sessie: de case daarvan wordt geanalyseerd.",
    },
}
