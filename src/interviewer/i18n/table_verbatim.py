"""Messages of the verbatim screen: the recording's transcript beside the notes (TUI)."""

MESSAGES: dict[str, dict[str, str]] = {
    # keys (footer and command palette)
    "verbatim.key.open": {"en": "Verbatim", "nl": "Woordelijk"},
    "verbatim.cmd.open": {
        "en": "Verbatim transcript beside the notes",
        "nl": "Woordelijk transcript naast de aantekeningen",
    },
    "verbatim.key.move": {"en": "Move", "nl": "Verplaats"},
    "verbatim.key.unmove": {"en": "Undo move", "nl": "Zet terug"},
    "verbatim.key.earlier": {"en": "−0.5s", "nl": "−0,5s"},
    "verbatim.key.later": {"en": "+0.5s", "nl": "+0,5s"},
    "verbatim.key.earlier_more": {"en": "−5s", "nl": "−5s"},
    "verbatim.key.later_more": {"en": "+5s", "nl": "+5s"},
    "verbatim.key.save": {"en": "Save", "nl": "Opslaan"},
    "verbatim.key.back": {"en": "Back", "nl": "Terug"},
    "verbatim.cmd.move": {
        "en": "Move the selected segment to another question or variable",
        "nl": "Het gekozen fragment naar een andere vraag of variabele verplaatsen",
    },
    "verbatim.cmd.unmove": {
        "en": "Undo the move: the selected segment follows the timeline again",
        "nl": "Verplaatsing ongedaan maken: het fragment volgt de tijdlijn weer",
    },
    "verbatim.cmd.nudge": {
        "en": "Offset {delta} s (re-places the segments; moves stay)",
        "nl": "Verschuiving {delta} s (plaatst de fragmenten opnieuw; verplaatsingen blijven)",
    },
    "verbatim.cmd.save": {"en": "Save the transcript", "nl": "Het transcript opslaan"},
    # screen
    "verbatim.title": {"en": "Verbatim", "nl": "Woordelijk"},
    "verbatim.who": {
        "en": "case {case} · respondent {respondent} · {date}",
        "nl": "casus {case} · respondent {respondent} · {date}",
    },
    "verbatim.status": {
        "en": "Offset {offset} s · {count} segments · {moved} moved",
        "nl": "Verschuiving {offset} s · {count} fragmenten · {moved} verplaatst",
    },
    "verbatim.changed": {
        "en": "last nudge: {changed} changed place",
        "nl": "laatste stap: {changed} anders ingedeeld",
    },
    "verbatim.unsaved": {"en": "not saved", "nl": "niet opgeslagen"},
    "verbatim.saved_state": {"en": "saved", "nl": "opgeslagen"},
    "verbatim.none": {
        "en": "Session {id} has no transcript yet.\n\nImport the transcript of the recording "
        "(SRT, WebVTT, Whisper JSON, oTranscribe or text with time stamps) in a terminal:\n\n"
        "    interviewer transcript import {id} FILE\n\n"
        "then open this screen again. See docs/transcripts.md.",
        "nl": "Sessie {id} heeft nog geen transcript.\n\nImporteer het transcript van de opname "
        "(SRT, WebVTT, Whisper-JSON, oTranscribe of tekst met tijdstempels) in een terminal:\n\n"
        "    interviewer transcript import {id} BESTAND\n\n"
        "en open dit scherm daarna opnieuw. Zie docs/transcripts.md.",
    },
    "verbatim.error": {
        "en": "The transcript cannot be shown: {error}",
        "nl": "Het transcript kan niet getoond worden: {error}",
    },
    "verbatim.variable": {
        "en": "the variable as a whole",
        "nl": "de variabele als geheel",
    },
    "verbatim.moved_mark": {"en": "moved", "nl": "verplaatst"},
    # notes pane
    "verbatim.notes.title": {"en": "Notes", "nl": "Aantekeningen"},
    "verbatim.notes.none": {"en": "(no notes)", "nl": "(geen aantekeningen)"},
    "verbatim.notes.not_asked": {
        "en": "(not shown during the interview)",
        "nl": "(niet getoond tijdens het interview)",
    },
    "verbatim.notes.tagged": {
        "en": "Notes tagged with this code:",
        "nl": "Aantekeningen getagd met deze code:",
    },
    "verbatim.state.asked": {"en": "asked", "nl": "gesteld"},
    "verbatim.state.skipped": {"en": "skipped", "nl": "overgeslagen"},
    "verbatim.state.not-asked": {"en": "not asked", "nl": "niet gesteld"},
    "verbatim.notes.answer": {"en": "Answer: {answer}", "nl": "Antwoord: {answer}"},
    "verbatim.segment": {"en": "Segment {number}", "nl": "Fragment {number}"},
    "verbatim.segment.times": {
        "en": "recording {recording} · interview clock {interview}",
        "nl": "opname {recording} · interviewklok {interview}",
    },
    "verbatim.segment.context": {
        "en": "timeline: {context}",
        "nl": "tijdlijn: {context}",
    },
    "verbatim.segment.moved": {
        "en": "moved by hand; the timeline puts it under: {target}",
        "nl": "met de hand verplaatst; volgens de tijdlijn hoort het bij: {target}",
    },
    # actions
    "verbatim.move.title": {
        "en": "Move segment {number} to a question or variable",
        "nl": "Fragment {number} naar een vraag of variabele verplaatsen",
    },
    "verbatim.move.placeholder": {"en": "type to filter", "nl": "typ om te filteren"},
    "verbatim.move.done": {
        "en": "Segment {number} moved to: {target}",
        "nl": "Fragment {number} verplaatst naar: {target}",
    },
    "verbatim.unmove.done": {
        "en": "Segment {number} follows the timeline again: {target}",
        "nl": "Fragment {number} volgt de tijdlijn weer: {target}",
    },
    "verbatim.unmove.not_moved": {
        "en": "Segment {number} was not moved.",
        "nl": "Fragment {number} was niet verplaatst.",
    },
    "verbatim.pick_segment": {
        "en": "Select a segment first (up/down).",
        "nl": "Kies eerst een fragment (omhoog/omlaag).",
    },
    "verbatim.saved": {"en": "Transcript saved.", "nl": "Transcript opgeslagen."},
    "verbatim.save_failed": {
        "en": "Could not save the transcript: {error}",
        "nl": "Het transcript kon niet worden opgeslagen: {error}",
    },
}
