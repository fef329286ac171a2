"""Messages of the analysis: conclusions, keywords and key sentences per case and variable,
the comparison across cases (``domain.analysis``, ``store.analysis``, ``interviewer
conclusion``)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- names of the values -----------------------------------------------------------------
    "analysis.label.conclusion": {"en": "Interim conclusion", "nl": "Tussenconclusie"},
    "analysis.label.compare": {"en": "Comparative conclusion", "nl": "Vergelijkende conclusie"},
    "analysis.label.keywords": {"en": "Keywords", "nl": "Steekwoorden"},
    "analysis.label.key_sentences": {"en": "Key sentences", "nl": "Kernzinnen"},
    "analysis.general.strengths": {
        "en": "Strengths/best practices of the team in general",
        "nl": "Sterke punten/best practices van het sociaal team in het algemeen",
    },
    "analysis.general.weaknesses": {
        "en": "Weak points/bottlenecks of the team in general",
        "nl": "Zwakke punten/knelpunten van sociaal team in het algemeen",
    },
    # --- bad input (domain.analysis) ---------------------------------------------------------
    "analysis.error.not_text": {"en": "the value is not text", "nl": "de waarde is geen tekst"},
    "analysis.error.not_utf8": {
        "en": "the text is not valid Unicode (character {position}); save it as UTF-8",
        "nl": "de tekst is geen geldige Unicode (teken {position}); sla hem op als UTF-8",
    },
    "analysis.error.too_long": {
        "en": "the text has {length:,} characters; at most {most:,} are allowed",
        "nl": "de tekst heeft {length:,} tekens; er mogen er hoogstens {most:,} zijn",
    },
    "analysis.error.empty_sentence": {
        "en": "a key sentence needs text",
        "nl": "een kernzin heeft tekst nodig",
    },
    "analysis.error.unknown_sentence": {
        "en": "no key sentence {id!r}; known: {known}",
        "nl": "geen kernzin {id!r}; bekend: {known}",
    },
    "analysis.error.unknown_general": {
        "en": "no general row {row!r}; choose one of: {known}",
        "nl": "geen algemene rij {row!r}; kies uit: {known}",
    },
    "analysis.error.bad_id": {
        "en": "{value!r} is not an id (lower-case letters, digits, '-' and '_')",
        "nl": "{value!r} is geen id (kleine letters, cijfers, '-' en '_')",
    },
    "analysis.error.keyword_control": {
        "en": "keyword {keyword!r} contains a control character (U+{point})",
        "nl": "steekwoord {keyword!r} bevat een stuurteken (U+{point})",
    },
    "analysis.error.keyword_too_long": {
        "en": "keyword {keyword!r}... is longer than {most} characters",
        "nl": "steekwoord {keyword!r}... is langer dan {most} tekens",
    },
    "analysis.error.too_many_keywords": {
        "en": "{count} keywords; at most {most} are allowed per variable",
        "nl": "{count} steekwoorden; er mogen er hoogstens {most} per variabele zijn",
    },
    "analysis.error.bad_author": {
        "en": "the author must be a name of at most {most} characters without control characters",
        "nl": "de auteur moet een naam zijn van hoogstens {most} tekens zonder stuurtekens",
    },
    "analysis.error.unknown_variable": {
        "en": "unknown variable {variable!r}; known: {known}",
        "nl": "onbekende variabele {variable!r}; bekend: {known}",
    },
    "analysis.error.other_study": {
        "en": "the analysis is of study {study!r}, not of {expected!r}",
        "nl": "de analyse hoort bij onderzoek {study!r}, niet bij {expected!r}",
    },
    # --- the file (store.analysis) -----------------------------------------------------------
    "analysis.error.damaged": {
        "en": "analysis file {path} is damaged ({problem}); it is left as it is: repair it or "
        "move it away",
        "nl": "analysebestand {path} is beschadigd ({problem}); het blijft zoals het is: "
        "herstel het of zet het opzij",
    },
    "analysis.error.wrong_study": {
        "en": "analysis file {path} holds study {study!r}, not {expected!r}",
        "nl": "analysebestand {path} bevat onderzoek {study!r}, niet {expected!r}",
    },
    "analysis.error.refused": {
        "en": "analysis file refused: {error}",
        "nl": "analysebestand geweigerd: {error}",
    },
    "analysis.error.unreadable": {
        "en": "cannot read analysis file {path}: {error}",
        "nl": "kan analysebestand {path} niet lezen: {error}",
    },
    "analysis.error.unwritable": {
        "en": "cannot write analysis file {path}: {error}; nothing was changed",
        "nl": "kan analysebestand {path} niet schrijven: {error}; er is niets veranderd",
    },
    "portable.error.analysis_study": {
        "en": "{name}: the analysis in it is of study {study!r}, but the session's protocol "
        "is {protocol!r}",
        "nl": "{name}: de analyse erin hoort bij onderzoek {study!r}, maar het protocol van de "
        "sessie is {protocol!r}",
    },
    # --- import (store.importing) ------------------------------------------------------------
    "analysis.import.merged": {
        "en": "{file}: analysis of study {study} pooled: {updated} value(s) taken, "
        "{conflicts} conflict(s)",
        "nl": "{file}: analyse van onderzoek {study} samengevoegd: {updated} waarde(n) "
        "overgenomen, {conflicts} conflict(en)",
    },
    "analysis.import.conflict": {
        "en": "{file}: conflict in {field}: kept the version of {kept_author} ({kept_at}); the "
        "version of {author} ({at}) is kept under 'conflicts' in {path}",
        "nl": "{file}: conflict in {field}: de versie van {kept_author} ({kept_at}) is "
        "gehouden; die van {author} ({at}) staat onder 'conflicts' in {path}",
    },
    "analysis.import.failed": {
        "en": "{file}: the analysis in it was not pooled: {problem}",
        "nl": "{file}: de analyse erin is niet samengevoegd: {problem}",
    },
    # --- interviewer conclusion --------------------------------------------------------------
    "analysis.cli.no_sessions": {
        "en": "no sessions and no analysis in {folder}",
        "nl": "geen sessies en geen analyse in {folder}",
    },
    "analysis.cli.choose_study": {
        "en": "the data folder holds more than one study; choose one with --study: {known}",
        "nl": "de datamap bevat meer dan één onderzoek; kies er een met --study: {known}",
    },
    "analysis.cli.unknown_study": {
        "en": "unknown study {study!r}; known: {known}",
        "nl": "onbekend onderzoek {study!r}; bekend: {known}",
    },
    "analysis.cli.unknown_case": {
        "en": "unknown case {case!r} in study {study}; known: {known}",
        "nl": "onbekende casus {case!r} in onderzoek {study}; bekend: {known}",
    },
    "analysis.cli.one_target": {
        "en": "give exactly one of --case, --compare and --general",
        "nl": "geef precies één van --case, --compare en --general",
    },
    "analysis.cli.need_variable": {
        "en": "--variable is needed with --case and --compare",
        "nl": "--variable is nodig bij --case en --compare",
    },
    "analysis.cli.no_variable_with_general": {
        "en": "--general takes no --variable",
        "nl": "--general neemt geen --variable",
    },
    "analysis.cli.one_text": {
        "en": "give exactly one of --text and --text-file",
        "nl": "geef precies één van --text en --text-file",
    },
    "analysis.cli.text_file": {
        "en": "cannot read {path}: {error}",
        "nl": "kan {path} niet lezen: {error}",
    },
    "analysis.cli.text_not_utf8": {
        "en": "{path} is not UTF-8 text (byte {position})",
        "nl": "{path} is geen UTF-8-tekst (byte {position})",
    },
    "analysis.cli.text_too_large": {
        "en": "{path} holds more than {most:,} characters of text",
        "nl": "{path} bevat meer dan {most:,} tekens tekst",
    },
    "analysis.cli.saved": {
        "en": "{what} saved: {where} ({length:,} characters).",
        "nl": "{what} opgeslagen: {where} ({length:,} tekens).",
    },
    "analysis.cli.cleared": {
        "en": "{what} cleared: {where}.",
        "nl": "{what} gewist: {where}.",
    },
    "analysis.cli.where_case": {
        "en": "case {case}, variable {variable}",
        "nl": "casus {case}, variabele {variable}",
    },
    "analysis.cli.where_compare": {
        "en": "comparison, variable {variable}",
        "nl": "vergelijking, variabele {variable}",
    },
    "analysis.cli.where_general": {
        "en": "comparison, general row {row}",
        "nl": "vergelijking, algemene rij {row}",
    },
    "analysis.cli.keywords": {
        "en": "Keywords of case {case}, variable {variable}: {keywords}",
        "nl": "Steekwoorden van casus {case}, variabele {variable}: {keywords}",
    },
    "analysis.cli.sentence_added": {
        "en": "Key sentence {id} added: case {case}, variable {variable}.",
        "nl": "Kernzin {id} toegevoegd: casus {case}, variabele {variable}.",
    },
    "analysis.cli.sentence_removed": {
        "en": "Key sentence {id} removed: case {case}, variable {variable}.",
        "nl": "Kernzin {id} verwijderd: casus {case}, variabele {variable}.",
    },
    "analysis.cli.session_case": {
        "en": "session {id} is of case {other}, not of case {case}",
        "nl": "sessie {id} hoort bij casus {other}, niet bij casus {case}",
    },
    "analysis.cli.unknown_question": {
        "en": "session {id} has no question {question!r}",
        "nl": "sessie {id} heeft geen vraag {question!r}",
    },
    "analysis.cli.question_needs_session": {
        "en": "--question needs --session",
        "nl": "--question heeft --session nodig",
    },
    "analysis.list.study": {
        "en": "Analysis of study {study}",
        "nl": "Analyse van onderzoek {study}",
    },
    "analysis.list.case": {"en": "Case {case}", "nl": "Casus {case}"},
    "analysis.list.comparison": {
        "en": "Comparison of the cases",
        "nl": "Vergelijking van de casussen",
    },
    "analysis.list.stamp": {"en": "{author}, {at}", "nl": "{author}, {at}"},
    "analysis.list.empty": {
        "en": "Nothing written yet.",
        "nl": "Nog niets geschreven.",
    },
    "analysis.list.source": {
        "en": "respondent {respondent}, question {question}, session {session}",
        "nl": "respondent {respondent}, vraag {question}, sessie {session}",
    },
    "analysis.list.stray": {
        "en": "Written about variables the protocol no longer has: {ids}",
        "nl": "Geschreven over variabelen die het protocol niet meer heeft: {ids}",
    },
    "analysis.list.conflicts": {
        "en": "{count} conflict(s) from pooling kept in {path} (under 'conflicts')",
        "nl": "{count} conflict(en) van het samenvoegen bewaard in {path} (onder 'conflicts')",
    },
}
