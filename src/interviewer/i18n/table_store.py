"""Messages of the session store commands: sessions, import, schema; autosave problems."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- interviewer sessions ------------------------------------------------------------
    "store.col.id": {"en": "ID", "nl": "ID"},
    "store.col.case": {"en": "Case", "nl": "Casus"},
    "store.col.respondent": {"en": "Respondent", "nl": "Respondent"},
    "store.col.protocol": {"en": "Protocol", "nl": "Protocol"},
    "store.col.date": {"en": "Date", "nl": "Datum"},
    "store.col.status": {"en": "Status", "nl": "Status"},
    "store.col.duration": {"en": "Duration", "nl": "Duur"},
    "store.col.words": {"en": "Words", "nl": "Woorden"},
    "store.sessions.title": {
        "en": "Sessions in {folder}: {count}",
        "nl": "Sessies in {folder}: {count}",
    },
    "store.sessions.none": {
        "en": "No sessions in {folder}. Try 'interviewer demo --case Demo --respondents 3'.",
        "nl": "Geen sessies in {folder}. Probeer 'interviewer demo --case Demo --respondents 3'.",
    },
    "store.sessions.none_case": {
        "en": "No sessions in case {case}. Cases: {cases}",
        "nl": "Geen sessies in casus {case}. Casussen: {cases}",
    },
    "store.sessions.damaged": {
        "en": "warning: skipped a damaged session file: {problem}",
        "nl": "waarschuwing: beschadigd sessiebestand overgeslagen: {problem}",
    },
    # --- interviewer import --------------------------------------------------------------
    "store.import.done": {
        "en": "Imported session {id} (case {case}, respondent {respondent}) from {file}",
        "nl": "Sessie {id} (casus {case}, respondent {respondent}) geïmporteerd uit {file}",
    },
    "store.import.replaced": {
        "en": "Replaced session {id} (case {case}, respondent {respondent}) from {file}",
        "nl": "Sessie {id} (casus {case}, respondent {respondent}) vervangen uit {file}",
    },
    "store.import.invalid": {
        "en": "refused {problem}",
        "nl": "geweigerd: {problem}",
    },
    "store.import.duplicate": {
        "en": "refused {file}: session {id} is already stored (use --replace to overwrite it)",
        "nl": "geweigerd: {file}: sessie {id} staat er al (gebruik --replace om te overschrijven)",
    },
    "store.import.pseudonymised": {
        "en": "refused {file}: it is a pseudonymised copy (json-shared) of session {original}, "
        "which is stored here; it is never imported beside or over the real notes",
        "nl": "geweigerd: {file}: een gepseudonimiseerde kopie (json-shared) van sessie "
        "{original}, die hier staat; die wordt nooit naast of over de echte aantekeningen "
        "geïmporteerd",
    },
    "store.import.duplicate_code": {
        "en": "refused {file}: case {case} already has respondent {respondent} (session {other}; "
        "next free code: {suggestion})",
        "nl": "geweigerd: {file}: casus {case} heeft al respondent {respondent} (sessie {other}; "
        "volgende vrije code: {suggestion})",
    },
    "store.code_taken": {
        "en": "case {case} already has respondent {code}: session {id} ({date}, {status}); "
        "the next free code is {suggestion}",
        "nl": "casus {case} heeft al respondent {code}: sessie {id} ({date}, {status}); "
        "de volgende vrije code is {suggestion}",
    },
    "store.code_chosen": {
        "en": "Respondent code {code} (the next free code of {case})",
        "nl": "Respondentcode {code} (de volgende vrije code van {case})",
    },
    "store.sessions.planned_note": {
        "en": "{count} planned session(s) never started (status '{status}'): "
        "'interviewer resume ID' starts one",
        "nl": "{count} geplande sessie(s) nooit gestart (status '{status}'): "
        "'interviewer resume ID' start er een",
    },
    "store.import.older": {
        "en": "refused {file}: it was written {copy_time}, before session {id} was last saved "
        "({stored_time}); replacing would lose what was saved after it (use --force to "
        "replace anyway)",
        "nl": "geweigerd: {file}: geschreven op {copy_time}, vóór sessie {id} voor het laatst "
        "werd opgeslagen ({stored_time}); vervangen kost wat daarna werd opgeslagen (gebruik "
        "--force om toch te vervangen)",
    },
    "store.emergency.newer": {
        "en": "⚠ session {id} ({case} {respondent}): an emergency copy is newer than the saved "
        "session ({copy_time} > {stored_time}): {path}; restore it with "
        "'interviewer resume {id} --from-emergency' or 'interviewer import --replace {path}'",
        "nl": "⚠ sessie {id} ({case} {respondent}): een noodkopie is nieuwer dan de opgeslagen "
        "sessie ({copy_time} > {stored_time}): {path}; zet hem terug met "
        "'interviewer resume {id} --from-emergency' of 'interviewer import --replace {path}'",
    },
    "store.emergency.offer": {
        "en": "An emergency copy of session {id} is newer than the saved session "
        "({copy_time} > {stored_time}): {path}. Continue from the emergency copy?",
        "nl": "Een noodkopie van sessie {id} is nieuwer dan de opgeslagen sessie "
        "({copy_time} > {stored_time}): {path}. Verdergaan vanaf de noodkopie?",
    },
    "store.emergency.flag": {
        "en": "(not asked without a terminal: 'interviewer resume ID --from-emergency' does)",
        "nl": "(zonder terminal niet gevraagd: 'interviewer resume ID --from-emergency' doet het)",
    },
    "store.emergency.none": {
        "en": "session {id} has no emergency copy newer than the saved session",
        "nl": "sessie {id} heeft geen noodkopie die nieuwer is dan de opgeslagen sessie",
    },
    "store.emergency.home": {
        "en": "⚠ newer emergency copy",
        "nl": "⚠ nieuwere noodkopie",
    },
    "store.import.duplicate_batch": {
        "en": "refused {file}: session {id} is also in {other}",
        "nl": "geweigerd: {file}: sessie {id} staat ook in {other}",
    },
    "store.import.failed": {
        "en": "refused {file}: {problem}",
        "nl": "geweigerd: {file}: {problem}",
    },
    "store.import.summary": {
        "en": "{refused} of {total} files refused; nothing was changed for those",
        "nl": "{refused} van {total} bestanden geweigerd; daarvoor is niets veranderd",
    },
    # --- autosave (shown by the app) -----------------------------------------------------
    "store.save.failed": {
        "en": "Not saved: {error}. Your notes are kept in memory.",
        "nl": "Niet opgeslagen: {error}. Uw aantekeningen blijven in het geheugen.",
    },
    "store.save.emergency": {
        "en": "An emergency copy was written to {path}.",
        "nl": "Er is een noodkopie geschreven naar {path}.",
    },
    "store.save.locked": {
        "en": "This session is open in another window or program: {detail}",
        "nl": "Deze sessie is geopend in een ander venster of programma: {detail}",
    },
}
