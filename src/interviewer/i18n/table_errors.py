"""Error messages of the command line, the settings file and the member check, and the
words the approval overview and audit trail print (states, event kinds)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- the settings file (interviewer.settings) ------------------------------------------
    "settings.unreadable": {
        "en": "cannot read the settings file {path}: {error}",
        "nl": "kan het instellingenbestand {path} niet lezen: {error}",
    },
    "settings.not_toml": {
        "en": "the settings file {path} is not valid TOML: {error}",
        "nl": "het instellingenbestand {path} is geen geldige TOML: {error}",
    },
    "settings.bad_transcribe_model": {
        "en": "the settings file {path}: transcribe_model must be the path of a model folder",
        "nl": "het instellingenbestand {path}: transcribe_model moet het pad van een "
        "modelmap zijn",
    },
    "settings.bad_author": {
        "en": "the settings file {path}: author must be one line of text, "
        "at most {most} characters",
        "nl": "het instellingenbestand {path}: author moet één regel tekst zijn, "
        "hoogstens {most} tekens",
    },
    "settings.bad_lang": {
        "en": "the settings file {path} says lang = {value!r}; known: {known}",
        "nl": "het instellingenbestand {path} zegt lang = {value!r}; bekend: {known}",
    },
    # --- shared by the commands (cli.common) ----------------------------------------------
    "cli.data_dir": {
        "en": "cannot open the data folder {folder}: {error}",
        "nl": "kan de gegevensmap {folder} niet openen: {error}",
    },
    "cli.no_session": {
        "en": "no session with id {id!r} in {folder} (see 'interviewer sessions')",
        "nl": "geen sessie met id {id!r} in {folder} (zie 'interviewer sessions')",
    },
    "cli.no_session_id": {
        "en": "no session with id {id!r} (see 'interviewer sessions')",
        "nl": "geen sessie met id {id!r} (zie 'interviewer sessions')",
    },
    "cli.ambiguous_id": {
        "en": "{id!r} matches more than one session; give more of the id "
              "(see 'interviewer sessions')",
        "nl": "{id!r} past bij meer dan één sessie; geef meer van het id "
              "(zie 'interviewer sessions')",
    },
    "cli.cannot_read_session": {
        "en": "cannot read session {id!r}: {error}",
        "nl": "kan sessie {id!r} niet lezen: {error}",
    },
    "cli.cannot_write_to": {
        "en": "cannot write {name} to {folder}: {error}",
        "nl": "kan {name} niet schrijven in {folder}: {error}",
    },
    "cli.cannot_write": {"en": "cannot write {path}: {error}",
                         "nl": "kan {path} niet schrijven: {error}"},
    "cli.cannot_read": {"en": "cannot read {path}: {error}",
                        "nl": "kan {path} niet lezen: {error}"},
    "cli.file_exists": {
        "en": "{path} exists; use --force to replace it",
        "nl": "{path} bestaat al; gebruik --force om het te vervangen",
    },
    "cli.no_sessions": {"en": "no sessions", "nl": "geen sessies"},
    "cli.no_sessions_in_case": {"en": "no sessions in case {case!r}",
                                "nl": "geen sessies in casus {case!r}"},
    # --- protocols ------------------------------------------------------------------------
    "cli.protocol_errors": {
        "en": "protocol {name!r} has errors: {detail}",
        "nl": "protocol {name!r} bevat fouten: {detail}",
    },
    "cli.protocol_unusable": {"en": "protocol {name!r}: {error}",
                              "nl": "protocol {name!r}: {error}"},
    "cli.protocol_not_found": {
        "en": "cannot find protocol {name!r}: {error}",
        "nl": "kan protocol {name!r} niet vinden: {error}",
    },
    # --- export, matrix -------------------------------------------------------------------
    "cli.choose_format": {
        "en": "choose a format with --format FORMAT or use --all-formats",
        "nl": "kies een formaat met --format FORMAAT of gebruik --all-formats",
    },
    "cli.matrix_needs_case": {
        "en": "name a case with --case C (or use --compare for all cases)",
        "nl": "noem een casus met --case C (of gebruik --compare voor alle casussen)",
    },
    "cli.nothing_to_compare": {"en": "no sessions to compare",
                               "nl": "geen sessies om te vergelijken"},
    # --- demo -----------------------------------------------------------------------------
    "cli.empty_case": {"en": "--case cannot be empty", "nl": "--case mag niet leeg zijn"},
    "cli.demo_not_saved": {
        "en": "could not save demo session {id}: {error}",
        "nl": "kon demosessie {id} niet opslaan: {error}",
    },
    # --- codes, cite ----------------------------------------------------------------------
    "cli.shuffled_needs_planned": {
        "en": "--scheme shuffled needs --planned N (how many respondents the case will have)",
        "nl": "--scheme shuffled vraagt --planned N (hoeveel respondenten de casus krijgt)",
    },
    "cli.not_a_range": {
        "en": "{text!r} is not a line or a range such as 64-65",
        "nl": "{text!r} is geen regel of bereik zoals 64-65",
    },
    "cli.range_backwards": {"en": "the range {text!r} runs backwards",
                            "nl": "het bereik {text!r} loopt achteruit"},
    "cli.too_few_lines": {
        "en": "the transcript of {code} has {count} lines",
        "nl": "het verslag van {code} heeft {count} regels",
    },
    "cli.too_few_lines.one": {
        "en": "the transcript of {code} has {count} line",
        "nl": "het verslag van {code} heeft {count} regel",
    },
    # --- replace, transcript --------------------------------------------------------------
    "cli.not_on_list": {
        "en": "{name!r} is not on the replacement list",
        "nl": "{name!r} staat niet op de vervangingslijst",
    },
    "cli.target_or_undo": {
        "en": "give either a TARGET or --undo",
        "nl": "geef een TARGET of --undo (één van beide)",
    },
    "cli.transcript_not_saved": {
        "en": "cannot save the transcript: {error}",
        "nl": "kan het transcript niet opslaan: {error}",
    },
    "cli.needs_transcribe_extra": {
        "en": "speech-to-text needs the optional extra: {install}; and {model}",
        "nl": "spraak-naar-tekst vraagt de optionele extra: {install}; en {model}",
    },
    # --- the member check (membercheck.workflow.MemberCheckError) --------------------------
    "membercheck.error.not_sent": {
        "en": "the transcript of session {id} has not been sent (use 'interviewer approval "
              "send')",
        "nl": "het verslag van sessie {id} is niet verstuurd (gebruik 'interviewer approval "
              "send')",
    },
    "membercheck.error.final": {
        "en": "the transcript of respondent {code} is already final ({state})",
        "nl": "het verslag van respondent {code} is al definitief ({state})",
    },
    "membercheck.error.channel": {
        "en": "{channel!r} is not a channel. Try one of: {known}",
        "nl": "{channel!r} is geen kanaal. Kies uit: {known}",
    },
    "membercheck.error.remind_channel": {
        "en": "{channel!r} is not a reminder channel. Try one of: email, phone",
        "nl": "{channel!r} is geen kanaal voor een herinnering. Kies uit: email, phone",
    },
    "membercheck.error.past": {
        "en": "the deadline {deadline} is in the past",
        "nl": "de termijn {deadline} ligt in het verleden",
    },
    "membercheck.error.no_reminder": {
        "en": "no reminder needed: the transcript of respondent {code} is {state}",
        "nl": "geen herinnering nodig: het verslag van respondent {code} is {state}",
    },
    "membercheck.error.unreadable": {"en": "{error}", "nl": "{error}"},
    "membercheck.error.changes_choice": {
        "en": "{changes!r} is not a choice. Try one of: none, minor, substantial",
        "nl": "{changes!r} is geen keuze. Kies uit: none, minor, substantial",
    },
    "membercheck.error.changes_needed": {
        "en": "the returned transcript differs in {count} paragraphs ({deleted} deleted, "
              "{added} added, {changed} changed); say --changes minor or --changes substantial",
        "nl": "het teruggestuurde verslag verschilt in {count} alinea's ({deleted} verwijderd, "
              "{added} toegevoegd, {changed} gewijzigd); kies --changes minor of --changes "
              "substantial",
    },
    "membercheck.error.changes_needed.one": {
        "en": "the returned transcript differs in {count} paragraph ({deleted} deleted, "
              "{added} added, {changed} changed); say --changes minor or --changes substantial",
        "nl": "het teruggestuurde verslag verschilt in {count} alinea ({deleted} verwijderd, "
              "{added} toegevoegd, {changed} gewijzigd); kies --changes minor of --changes "
              "substantial",
    },
    "membercheck.error.differs": {
        "en": "the returned transcript differs from the version sent; say --changes minor "
              "or --changes substantial",
        "nl": "het teruggestuurde verslag verschilt van de verstuurde versie; kies --changes "
              "minor of --changes substantial",
    },
    "membercheck.error.nothing_returned": {
        "en": "no returned document: import it first with 'interviewer approval receive'",
        "nl": "geen teruggestuurd document: lees het eerst in met 'interviewer approval "
              "receive'",
    },
    "membercheck.error.deadline_open": {
        "en": "no returned document and the deadline ({deadline}) has not passed: import the "
              "document, or say --changes none if the respondent approved by email or phone",
        "nl": "geen teruggestuurd document en de termijn ({deadline}) is niet verstreken: lees "
              "het document in, of kies --changes none als de respondent per e-mail of telefoon "
              "akkoord gaf",
    },
    # --- approval show: the audit trail ---------------------------------------------------
    "membercheck.show.head": {"en": "{code} ({case}): {state}", "nl": "{code} ({case}): {state}"},
    "membercheck.event.sent": {"en": "sent", "nl": "verstuurd"},
    "membercheck.event.reminded": {"en": "reminded", "nl": "herinnerd"},
    "membercheck.event.received": {"en": "received", "nl": "ontvangen"},
    "membercheck.event.accepted": {"en": "accepted", "nl": "vastgesteld"},
    "membercheck.event.reopened": {"en": "reopened", "nl": "heropend"},
}  # fmt: skip
