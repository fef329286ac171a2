"""Messages of ``interviewer transcribe ID``: the session's own recording through a model
after the interview (``interviewer.recording.retranscribe``, ``transcript.rerun``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "transcribe.error.no_model_given": {
        "en": 'no model folder given: add --model DIR, or set transcribe_model = "DIR" in '
        "the settings file ({settings}); {hint}",
        "nl": "geen modelmap opgegeven: voeg --model MAP toe, of zet transcribe_model = "
        '"MAP" in het instellingenbestand ({settings}); {hint}',
    },
    "transcribe.error.no_audio_or_session": {
        "en": "{arg}: no such audio file, and no session with this id in {folder} (see "
        "'interviewer sessions')",
        "nl": "{arg}: geen audiobestand, en geen sessie met dit id in {folder} (zie "
        "'interviewer sessions')",
    },
    "transcribe.error.withdrawn": {
        "en": "session {id} was withdrawn on {date}; its recordings were deleted with it, so "
        "there is nothing to transcribe",
        "nl": "sessie {id} is op {date} teruggetrokken; de opnamen zijn daarbij verwijderd, "
        "dus er valt niets uit te schrijven",
    },
    "transcribe.error.deleted": {
        "en": "session {id} was deleted on {date}; its recordings were deleted with it, so "
        "there is nothing to transcribe",
        "nl": "sessie {id} is op {date} verwijderd; de opnamen zijn daarbij verwijderd, dus "
        "er valt niets uit te schrijven",
    },
    "transcribe.error.audio_only_option": {
        "en": "{option} applies to an audio file only; for session {id} the transcript is "
        "stored with the session (see it with: interviewer transcript show {id})",
        "nl": "{option} geldt alleen voor een audiobestand; voor sessie {id} wordt het "
        "transcript bij de sessie bewaard (bekijk het met: interviewer transcript show {id})",
    },
    "transcribe.error.no_recordings": {
        "en": "session {id} has no recordings (record with: interviewer run ... --record)",
        "nl": "sessie {id} heeft geen opnamen (neem op met: interviewer run ... --record)",
    },
    "transcribe.error.nothing_placed": {
        "en": "the recordings of session {id} cannot be placed on the interview clock (no "
        "time map beside {files})",
        "nl": "de opnamen van sessie {id} zijn niet op de interviewklok te plaatsen (geen "
        "tijdkaart naast {files})",
    },
    "transcribe.error.english_only": {
        "en": "the model {path} is English-only, but the interview is in '{language}': give "
        "a multilingual model with --model (or --language en if English was spoken)",
        "nl": "het model {path} kent alleen Engels, maar het interview is in '{language}': "
        "geef een meertalig model met --model (of --language en als er Engels is gesproken)",
    },
    "transcribe.error.not_recorded": {
        "en": "session {id} has a transcript imported from {name} ({format}); transcribing "
        "the recording replaces it: add --force to do so",
        "nl": "sessie {id} heeft een transcript geïmporteerd uit {name} ({format}); het "
        "uitschrijven van de opname vervangt het: voeg --force toe om dat te doen",
    },
    "transcribe.unplaced": {
        "en": "warning: left out {files}: no time map beside it, so it cannot be placed on "
        "the interview clock",
        "nl": "waarschuwing: {files} overgeslagen: er staat geen tijdkaart naast, dus het is "
        "niet op de interviewklok te plaatsen",
    },
    "transcribe.session_progress": {
        "en": "Transcribing the recording of session {id}",
        "nl": "Opname van sessie {id} uitschrijven",
    },
    "transcribe.session_done": {
        "en": "Session {id}: {count} segments from {seconds} s of recording, moves kept: "
        "{moves}; saved as the session's transcript ({path}).",
        "nl": "Sessie {id}: {count} fragmenten uit {seconds} s opname, verplaatsingen "
        "behouden: {moves}; bewaard als het transcript van de sessie ({path}).",
    },
    "transcribe.session_done.one": {
        "en": "Session {id}: {count} segment from {seconds} s of recording, moves kept: "
        "{moves}; saved as the session's transcript ({path}).",
        "nl": "Sessie {id}: {count} fragment uit {seconds} s opname, verplaatsingen "
        "behouden: {moves}; bewaard als het transcript van de sessie ({path}).",
    },
}
