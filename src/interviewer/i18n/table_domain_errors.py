"""Errors of the interview's actions, respondent codes, the replacement list and exports,
raised by the core with a message key (``i18n.errors.TranslatableValueError``) so the CLI and
the TUI say them in the interface language while ``str()`` stays English."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- recording an interview (interviewer.domain.recorder*) -----------------------------
    "recorder.error.not_started": {"en": "the interview has not started yet",
                                   "nl": "het interview is nog niet begonnen"},
    "recorder.error.unknown_question": {"en": "unknown question {qid!r}",
                                        "nl": "onbekende vraag {qid!r}"},
    "recorder.error.no_question": {"en": "no question is selected",
                                   "nl": "er is geen vraag gekozen"},
    "recorder.error.no_quick_answer": {
        "en": "question {qid!r} takes no quick answer (notes only)",
        "nl": "vraag {qid!r} heeft geen snel antwoord (alleen notities)",
    },
    "recorder.error.not_an_answer": {"en": "{text!r} is not an answer to {qid!r}; use one of: "
                                           "{choices}",
                                     "nl": "{text!r} is geen antwoord op {qid!r}; kies uit: "
                                           "{choices}"},
    "recorder.error.no_part": {"en": "question {qid!r} has no note part {part!r}",
                               "nl": "vraag {qid!r} heeft geen notitiedeel {part!r}"},
    "recorder.error.not_participant": {"en": "{code!r} is not a participant; use one of: "
                                             "{choices}",
                                       "nl": "{code!r} is geen deelnemer; kies uit: {choices}"},
    "recorder.error.no_paragraph": {"en": "question {qid!r} has no paragraph {number}",
                                    "nl": "vraag {qid!r} heeft geen alinea {number}"},
    "recorder.error.topic_code": {"en": "{qid!r} already belongs to {code!r}",
                                  "nl": "{qid!r} hoort al bij {code!r}"},
    "recorder.error.unknown_code": {"en": "unknown code {code!r}; use one of: {choices}",
                                    "nl": "onbekende code {code!r}; kies uit: {choices}"},
    "recorder.error.unknown_checklist_item": {"en": "unknown checklist item {item!r}",
                                              "nl": "onbekend checklistpunt {item!r}"},
    "recorder.error.already": {"en": "the interview is already {status}",
                               "nl": "het interview is al {status}"},
    "recorder.error.consent_missing": {"en": "consent items not confirmed: {items}",
                                       "nl": "toestemmingspunten niet bevestigd: {items}"},
    "recorder.error.unknown_topic": {"en": "unknown topic {topic!r}",
                                     "nl": "onbekend onderwerp {topic!r}"},
    "recorder.error.cannot_pause": {"en": "cannot pause: the interview is {status}",
                                    "nl": "pauzeren kan niet: het interview is {status}"},
    "recorder.error.not_paused": {"en": "the interview is not paused",
                                  "nl": "het interview is niet gepauzeerd"},
    "recorder.error.unknown_field": {"en": "unknown closing field {field!r}",
                                     "nl": "onbekend afsluitveld {field!r}"},
    "recorder.error.control_char": {"en": "closing field {field!r} contains a control character",
                                    "nl": "afsluitveld {field!r} bevat een stuurteken"},
    # --- respondent codes (interviewer.domain.codes) ---------------------------------------
    "codes.error.not_text": {"en": "a respondent code must be text",
                             "nl": "een respondentcode moet tekst zijn"},
    "codes.error.empty": {"en": "a respondent code cannot be empty",
                          "nl": "een respondentcode mag niet leeg zijn"},
    "codes.error.too_long": {
        "en": "respondent code {code!r} is too long ({length} characters; at most {most})",
        "nl": "respondentcode {code!r} is te lang ({length} tekens; hoogstens {most})",
    },
    "codes.error.control": {
        "en": "respondent code {code!r} contains a control character (U+{point})",
        "nl": "respondentcode {code!r} bevat een stuurteken (U+{point})",
    },
    "codes.error.forbidden": {
        "en": "respondent code {code!r} contains {char!r}; path separators and {chars} are not "
              "allowed because codes are used in file names",
        "nl": "respondentcode {code!r} bevat {char!r}; scheidingstekens van paden en {chars} "
              "mogen niet, omdat codes in bestandsnamen staan",
    },
    "codes.error.dots": {"en": "respondent code {code!r} contains '..'",
                         "nl": "respondentcode {code!r} bevat '..'"},
    "codes.error.dot_edge": {"en": "respondent code {code!r} cannot start or end with '.'",
                             "nl": "respondentcode {code!r} mag niet met '.' beginnen of "
                                   "eindigen"},
    "codes.error.reserved": {"en": "respondent code {code!r} is a reserved file name on Windows",
                             "nl": "respondentcode {code!r} is een gereserveerde bestandsnaam "
                                   "in Windows"},
    "codes.error.twice": {"en": "participant code {code!r} is used twice",
                          "nl": "deelnemerscode {code!r} komt twee keer voor"},
    "codes.error.no_case": {"en": "a session needs a case (e.g. a team or municipality)",
                            "nl": "een sessie heeft een casus nodig (bijvoorbeeld een team of "
                                  "gemeente)"},
    "codes.error.case_number": {"en": "case number must be 0 or more, not {number}",
                                "nl": "het casusnummer moet 0 of meer zijn, niet {number}"},
    "codes.error.count": {"en": "count must be 0 or more, not {count}",
                          "nl": "het aantal moet 0 of meer zijn, niet {count}"},
    "codes.error.all_used": {"en": "all {capacity} codes of case {number} are in use",
                             "nl": "alle {capacity} codes van casus {number} zijn in gebruik"},
    # --- the replacement list (interviewer.pseudonym) --------------------------------------
    "replace.error.bad_list": {"en": "{path} is not a valid replacement list: {error}",
                               "nl": "{path} is geen geldige vervangingslijst: {error}"},
    "replace.error.empty_name": {"en": "a name to replace cannot be empty",
                                 "nl": "een te vervangen naam mag niet leeg zijn"},
    "replace.error.too_short": {
        "en": "{name!r} is too short to replace safely (at least 2 characters)",
        "nl": "{name!r} is te kort om veilig te vervangen (minstens 2 tekens)",
    },
    "replace.error.contains_name": {"en": "the pseudonym {pseudonym!r} contains the name itself",
                                    "nl": "het pseudoniem {pseudonym!r} bevat de naam zelf"},
    # --- exports (interviewer.export) -------------------------------------------------------
    "export.error.not_a_format": {"en": "{name!r} is not a format. Try one of: {choices}",
                                  "nl": "{name!r} is geen formaat. Kies uit: {choices}"},
    "export.error.too_many_files": {
        "en": "too many files called {name} in {folder}; use --force or clean up",
        "nl": "te veel bestanden met de naam {name} in {folder}; gebruik --force of ruim op",
    },
    "export.error.nothing": {"en": "nothing to export: no sessions given",
                             "nl": "niets te exporteren: geen sessies opgegeven"},
    "export.error.one_protocol": {"en": "{fmt} needs sessions of one protocol, got: {protocols}",
                                  "nl": "{fmt} vraagt sessies van één protocol, kreeg: "
                                        "{protocols}"},
    "export.error.detail": {"en": "{error}", "nl": "{error}"},
    "export.error.permission": {"en": "cannot write to {folder}: permission denied",
                                "nl": "kan niet schrijven in {folder}: geen toestemming"},
    "export.error.cannot_write": {"en": "cannot write {name} to {folder}: {error}",
                                  "nl": "kan {name} niet schrijven in {folder}: {error}"},
    "export.error.not_document": {"en": "{kind}-{fmt} is not a format. Try one of: docx, md",
                                  "nl": "{kind}-{fmt} is geen formaat. Kies uit: docx, md"},
    "export.error.matrix_empty": {"en": "a matrix needs at least one session",
                                  "nl": "een matrix vraagt minstens één sessie"},
    "export.error.qdpx_empty": {"en": "a REFI-QDA project needs at least one session",
                                "nl": "een REFI-QDA-project vraagt minstens één sessie"},
    "export.error.qdpx_protocols": {"en": "sessions use different protocols: {protocols}",
                                    "nl": "de sessies gebruiken verschillende protocollen: "
                                          "{protocols}"},
}  # fmt: skip
