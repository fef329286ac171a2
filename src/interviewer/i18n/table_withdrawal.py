"""Messages of withdrawal and deletion (``interviewer withdraw``/``delete``, the home screen)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- what will be removed ----------------------------------------------------------------
    "withdraw.session": {
        "en": "Session {id}: case {case}, respondent {respondent}, {date}.",
        "nl": "Sessie {id}: casus {case}, respondent {respondent}, {date}.",
    },
    "withdraw.will_remove": {
        "en": "This removes from {folder}:",
        "nl": "Dit verwijdert uit {folder}:",
    },
    "withdraw.item.session": {
        "en": "the session with all its notes ({path})",
        "nl": "de sessie met alle aantekeningen ({path})",
    },
    "withdraw.item.key": {
        "en": "the key record (name, function, e-mail addresses)",
        "nl": "de sleutelgegevens (naam, functie, e-mailadressen)",
    },
    "withdraw.item.transcript": {
        "en": "the verbatim transcript ({path})",
        "nl": "het woordelijk transcript ({path})",
    },
    "withdraw.item.approvals": {
        "en": "{count} file(s) of the member check (approval record, documents, change reports)",
        "nl": "{count} bestand(en) van de membercheck (akkoordregistratie, documenten, "
        "wijzigingsverslagen)",
    },
    "withdraw.item.emergency": {
        "en": "{count} emergency copy/copies",
        "nl": "{count} noodkopie(ën)",
    },
    "withdraw.item.other": {
        "en": "{path}",
        "nl": "{path}",
    },
    "withdraw.confirm.withdraw": {
        "en": "The respondent withdraws: remove all of this? It cannot be undone.",
        "nl": "De respondent trekt zich terug: dit alles verwijderen? Dit kan niet ongedaan "
        "worden gemaakt.",
    },
    "withdraw.confirm.delete": {
        "en": "Delete this session and all of this? It cannot be undone.",
        "nl": "Deze sessie en dit alles verwijderen? Dit kan niet ongedaan worden gemaakt.",
    },
    "withdraw.prompt_keys": {"en": "[y/N]", "nl": "[j/N]"},
    "withdraw.aborted": {
        "en": "Nothing removed.",
        "nl": "Niets verwijderd.",
    },
    # --- afterwards ----------------------------------------------------------------------------
    "withdraw.done.withdraw": {
        "en": "Withdrawn: case {case}, respondent {respondent}; {count} file(s) removed. "
        "Recorded in {audit}.",
        "nl": "Teruggetrokken: casus {case}, respondent {respondent}; {count} bestand(en) "
        "verwijderd. Vastgelegd in {audit}.",
    },
    "withdraw.done.delete": {
        "en": "Deleted: case {case}, respondent {respondent}; {count} file(s) removed. "
        "Recorded in {audit}.",
        "nl": "Verwijderd: casus {case}, respondent {respondent}; {count} bestand(en) "
        "verwijderd. Vastgelegd in {audit}.",
    },
    "withdraw.exports.none": {
        "en": "No export file under {folders} still holds this respondent.",
        "nl": "Geen exportbestand in {folders} bevat deze respondent nog.",
    },
    "withdraw.exports.found": {
        "en": "{count} export file(s) under {folders} still hold this respondent; remove them "
        "(and any copies sent on) yourself:",
        "nl": "{count} exportbestand(en) in {folders} bevatten deze respondent nog; verwijder "
        "ze (en doorgestuurde kopieën) zelf:",
    },
    "withdraw.exports.unreadable": {
        "en": "could not be read ({reason}): check it yourself",
        "nl": "kon niet worden gelezen ({reason}): controleer het zelf",
    },
    "withdraw.source": {
        "en": "The transcript was imported from {name}, outside the data folder: remove that "
        "file and the recording yourself if they must go.",
        "nl": "Het transcript is geïmporteerd uit {name}, buiten de datamap: verwijder dat "
        "bestand en de opname zelf als die weg moeten.",
    },
    "withdraw.error.locked": {
        "en": "session {id} is open in another window; close it there first ({detail})",
        "nl": "sessie {id} is geopend in een ander venster; sluit hem daar eerst ({detail})",
    },
    "withdraw.error.failed": {
        "en": "removing session {id} stopped halfway: {error}; run the command again to finish",
        "nl": "verwijderen van sessie {id} is halverwege gestopt: {error}; voer de opdracht "
        "opnieuw uit om het af te maken",
    },
    # --- home screen ---------------------------------------------------------------------------
    "tui.key.remove": {"en": "Delete", "nl": "Verwijderen"},
    "tui.remove.question": {
        "en": "Remove {case} {respondent} ({date}) with its notes, key record, transcript, "
        "member check files and emergency copies? This cannot be undone.\n\n"
        "Withdraw: the respondent withdrew consent. Delete: a test session or a duplicate.",
        "nl": "{case} {respondent} ({date}) verwijderen met aantekeningen, sleutelgegevens, "
        "transcript, membercheckbestanden en noodkopieën? Dit kan niet ongedaan worden "
        "gemaakt.\n\nTerugtrekken: de respondent trok de toestemming in. Verwijderen: een "
        "testsessie of een dubbele sessie.",
    },
    "tui.remove.question.recordings": {
        "en": "Remove {case} {respondent} ({date}) with its notes, key record, transcript, "
        "{count} audio recording(s), member check files and emergency copies? This cannot be "
        "undone.\n\n"
        "Withdraw: the respondent withdrew consent. Delete: a test session or a duplicate.",
        "nl": "{case} {respondent} ({date}) verwijderen met aantekeningen, sleutelgegevens, "
        "transcript, {count} geluidsopname(n), membercheckbestanden en noodkopieën? Dit kan "
        "niet ongedaan worden gemaakt.\n\nTerugtrekken: de respondent trok de toestemming "
        "in. Verwijderen: een testsessie of een dubbele sessie.",
    },
    "tui.remove.withdraw": {"en": "Withdraw (w)", "nl": "Terugtrekken (t)"},
    "tui.remove.delete": {"en": "Delete (x)", "nl": "Verwijderen (x)"},
    "tui.remove.cancel": {"en": "Cancel (n)", "nl": "Annuleren (n)"},
    "tui.remove.done": {
        "en": "{case} {respondent} removed ({count} file(s)).",
        "nl": "{case} {respondent} verwijderd ({count} bestand(en)).",
    },
    "tui.remove.failed": {
        "en": "Could not remove the session: {error}",
        "nl": "Kan de sessie niet verwijderen: {error}",
    },
    "tui.remove.exports": {
        "en": "Still in exports (remove them yourself): {files}",
        "nl": "Nog in exports (verwijder ze zelf): {files}",
    },
}
