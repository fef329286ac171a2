"""Messages of the interview TUI (screens, keys, dialogs) and its CLI commands."""

MESSAGES: dict[str, dict[str, str]] = {
    # keys (footer and command palette)
    "tui.key.next": {"en": "Next", "nl": "Verder"},
    "tui.key.previous": {"en": "Prev", "nl": "Terug"},
    "tui.key.jump": {"en": "Jump", "nl": "Zoek"},
    "tui.key.skip": {"en": "Skip", "nl": "Sla over"},
    "tui.key.tag": {"en": "Tag", "nl": "Tag"},
    "tui.key.quote": {"en": "Quote", "nl": "Citaat"},
    "tui.key.pause": {"en": "Pause", "nl": "Pauze"},
    "tui.key.end": {"en": "End", "nl": "Eind"},
    "tui.key.finish": {"en": "Finish", "nl": "Beëindigen"},
    "tui.key.quit": {"en": "Quit", "nl": "Uit"},
    "tui.key.toggle": {"en": "Tick", "nl": "Afvinken"},
    "tui.key.start": {"en": "Start interview", "nl": "Start interview"},
    "tui.key.back": {"en": "Back", "nl": "Terug"},
    "tui.key.new": {"en": "New session", "nl": "Nieuwe sessie"},
    "tui.key.resume": {"en": "Resume", "nl": "Hervatten"},
    "tui.key.review": {"en": "Open", "nl": "Openen"},
    "tui.key.export": {"en": "Export", "nl": "Exporteren"},
    "tui.key.create": {"en": "Create", "nl": "Aanmaken"},
    "tui.key.cancel": {"en": "Cancel", "nl": "Annuleren"},
    "tui.yes": {"en": "Yes", "nl": "Ja"},
    "tui.no": {"en": "No", "nl": "Nee"},
    # interview
    "tui.answer.label": {"en": "Answer:", "nl": "Antwoord:"},
    "tui.answer.yes": {"en": "yes", "nl": "ja"},
    "tui.answer.no": {"en": "no", "nl": "nee"},
    "tui.flags.label": {"en": "Flags:", "nl": "Markering:"},
    "tui.flag.quote": {"en": "quote", "nl": "citaat"},
    "tui.flag.reticent": {"en": "reticent", "nl": "terughoudend"},
    "tui.flag.important": {"en": "important", "nl": "belangrijk"},
    "tui.speaker.label": {"en": "Speaker:", "nl": "Spreker:"},
    "tui.notes.title": {"en": "Notes", "nl": "Aantekeningen"},
    "tui.notes.placeholder": {
        "en": "Type the answer here…",
        "nl": "Typ hier het antwoord…",
    },
    "tui.kind.main": {"en": "main question", "nl": "hoofdvraag"},
    "tui.kind.follow-up": {"en": "follow-up", "nl": "vervolgvraag"},
    "tui.kind.probe": {"en": "probe", "nl": "doorvraag"},
    "tui.kind.optional": {"en": "optional", "nl": "optioneel"},
    "tui.question.none": {"en": "No question selected.", "nl": "Geen vraag gekozen."},
    "tui.question.or": {"en": "Or:", "nl": "Of:"},
    "tui.question.tags": {"en": "Also coded as: {codes}", "nl": "Ook gecodeerd als: {codes}"},
    "tui.question.not_triggered": {
        "en": "(follow-up: only when the answer to its question calls for it; none yet)",
        "nl": "(vervolgvraag: alleen als het antwoord op de vraag ervoor erom vraagt; nog geen)",
    },
    "tui.outline.not_applicable": {"en": "n/a", "nl": "n.v.t."},
    "tui.question.more": {"en": "f2 ▼ more", "nl": "f2 ▼ meer"},
    "tui.key.more": {"en": "More of the question", "nl": "Meer van de vraag"},
    "tui.key.speaker": {
        "en": "Speaker (alt+1…9 participant, alt+0 interviewer)",
        "nl": "Spreker (alt+1…9 deelnemer, alt+0 interviewer)",
    },
    "tui.turn.interviewer": {"en": "I", "nl": "I"},
    "tui.turn.keys": {
        "en": "{keys} participant · alt+0 interviewer",
        "nl": "{keys} deelnemer · alt+0 interviewer",
    },
    "tui.turn.no_participant": {
        "en": "There is no participant {number} in this interview",
        "nl": "Er is geen deelnemer {number} in dit interview",
    },
    "tui.pace.end": {"en": "end ≈ {time}", "nl": "einde ≈ {time}"},
    "tui.pace.paused": {"en": "PAUSED", "nl": "GEPAUZEERD"},
    "tui.pace.left": {"en": "{minutes} min left", "nl": "nog {minutes} min"},
    "tui.pace.over_time": {"en": "{minutes} min over time", "nl": "{minutes} min over tijd"},
    "tui.outline.budget": {
        "en": "{left} min left, planned {planned}",
        "nl": "nog {left} min, gepland {planned}",
    },
    "tui.outline.budget_short": {
        "en": "{left}/{planned} min left",
        "nl": "nog {left}/{planned} min",
    },
    "tui.outline.over": {
        "en": "{minutes} min over, planned {planned}",
        "nl": "{minutes} min uitgelopen, gepland {planned}",
    },
    "tui.question.note": {"en": "Note:", "nl": "Notitie:"},
    "tui.save.none": {"en": "not saved yet", "nl": "nog niet opgeslagen"},
    "tui.save.ago": {"en": "saved {seconds} s ago", "nl": "{seconds} s geleden opgeslagen"},
    "tui.save.failed": {
        "en": "⚠ SAVING FAILED: {error}",
        "nl": "⚠ OPSLAAN MISLUKT: {error}",
    },
    "tui.save.failed_emergency": {
        "en": "⚠ SAVING FAILED, emergency copy: {path}",
        "nl": "⚠ OPSLAAN MISLUKT, noodkopie: {path}",
    },
    "tui.save.failed_copy": {
        "en": "⚠ SAVING FAILED ({reason}); emergency copy: {path}; restore with: "
        "interviewer import --replace {path}",
        "nl": "⚠ OPSLAAN MISLUKT ({reason}); noodkopie: {path}; terugzetten met: "
        "interviewer import --replace {path}",
    },
    "tui.diskfull.message": {
        "en": "Nothing could be saved: {error}.\nQuitting now would lose what you typed since "
        "the last save. Free space on the disk (empty the trash, delete large files you do "
        "not need) and the app saves again by itself within seconds, or write the notes to "
        "another folder, for example a USB stick:",
        "nl": "Er kon niets worden opgeslagen: {error}.\nNu stoppen kost wat u sinds de "
        "laatste keer opslaan typte. Maak ruimte op de schijf vrij (prullenbak legen, grote "
        "bestanden die u niet nodig hebt wissen) en de app slaat binnen enkele seconden zelf "
        "weer op, of schrijf de aantekeningen naar een andere map, bijvoorbeeld een USB-stick:",
    },
    "tui.diskfull.placeholder": {
        "en": "folder, e.g. /media/usb",
        "nl": "map, bijvoorbeeld /media/usb",
    },
    "tui.diskfull.write": {"en": "Write there", "nl": "Daar schrijven"},
    "tui.diskfull.stay": {"en": "Stay", "nl": "Blijven"},
    "tui.diskfull.write_failed": {
        "en": "could not write to {folder}: {reason}",
        "nl": "kon niet schrijven naar {folder}: {reason}",
    },
    "tui.diskfull.staying": {
        "en": "Still not saved: the app tries again every few seconds.",
        "nl": "Nog niet opgeslagen: de app probeert het om de paar seconden opnieuw.",
    },
    "tui.diskfull.saved_again": {
        "en": "Saved again: nothing is lost.",
        "nl": "Weer opgeslagen: er is niets verloren.",
    },
    "tui.diskfull.written": {
        "en": "The notes were written to {path}; once there is space again, restore them "
        "with: interviewer import --replace {path}",
        "nl": "De aantekeningen staan in {path}; zet ze terug zodra er weer ruimte is met: "
        "interviewer import --replace {path}",
    },
    "tui.jump.title": {
        "en": "Jump to a topic or question",
        "nl": "Spring naar een onderwerp of vraag",
    },
    "tui.jump.placeholder": {"en": "type to filter", "nl": "typ om te filteren"},
    "tui.jump.search": {
        "en": "type the beginnings of words: topic, characteristic or question",
        "nl": "typ het begin van woorden: onderwerp, kenmerk of vraag",
    },
    "tui.jump.hint": {
        "en": "✓ asked  – skipped  ✎ notes  ↳ follow-up  ? probe · ↑↓ enter esc",
        "nl": "✓ gesteld  – overgeslagen  ✎ notities  ↳ vervolgvraag  ? doorvraag · ↑↓ enter esc",
    },
    "tui.jump.found": {"en": "{count} found", "nl": "{count} gevonden"},
    "tui.jump.none": {"en": "Nothing matches '{query}'", "nl": "Niets gevonden voor '{query}'"},
    "tui.tag.title": {
        "en": "Tag this note with another variable or code",
        "nl": "Tag deze aantekening met een andere variabele of code",
    },
    "tui.tag.added": {"en": "Tagged with {code}", "nl": "Getagd met {code}"},
    "tui.tag.removed": {"en": "Tag {code} removed", "nl": "Tag {code} verwijderd"},
    "tui.outline.skip": {"en": "skip", "nl": "overslaan"},
    "tui.cmd.flag": {"en": "Toggle flag: {flag}", "nl": "Markering aan/uit: {flag}"},
    "tui.cmd.answer": {"en": "Answer: {answer}", "nl": "Antwoord: {answer}"},
    "tui.cmd.clear_answer": {"en": "Clear the quick answer", "nl": "Antwoord wissen"},
    # introduction
    "tui.intro.who": {
        "en": "case {case} · respondent {respondent}",
        "nl": "casus {case} · respondent {respondent}",
    },
    "tui.intro.no_script": {"en": "(no introduction script)", "nl": "(geen introductietekst)"},
    "tui.intro.checklist": {
        "en": "Checklist (space ticks, * required)",
        "nl": "Checklist (spatie vinkt af, * verplicht)",
    },
    "tui.intro.missing": {
        "en": "Tick before starting: {items}",
        "nl": "Eerst afvinken: {items}",
    },
    "tui.intro.ready": {
        "en": "Ready: ctrl+s starts the interview clock",
        "nl": "Klaar: ctrl+s start de interviewklok",
    },
    "tui.intro.advance": {
        "en": "Consent obtained in advance ({date}); ctrl+s starts the clock",
        "nl": "Toestemming vooraf verkregen ({date}); ctrl+s start de klok",
    },
    "tui.intro.cannot_start": {
        "en": "Tick every required item first.",
        "nl": "Vink eerst alle verplichte punten af.",
    },
    # closing
    "tui.closing.title": {"en": "Closing", "nl": "Afsluiting"},
    "tui.closing.script": {"en": "Closing script", "nl": "Afsluitende tekst"},
    "tui.closing.fields": {
        "en": "Closing fields (kept apart from the notes, never exported)",
        "nl": "Afsluitende gegevens (apart bewaard, nooit geëxporteerd)",
    },
    "tui.closing.finish": {"en": "Finish interview (f10)", "nl": "Interview beëindigen (f10)"},
    "tui.closing.confirm_finish": {
        "en": "Finish the interview? The clock stops and the session is closed.",
        "nl": "Het interview beëindigen? De klok stopt en de sessie wordt gesloten.",
    },
    "tui.closing.key_failed": {
        "en": "Could not save the closing fields: {error}",
        "nl": "Afsluitende gegevens niet opgeslagen: {error}",
    },
    # the check before the closing and before finishing (tui/dialogs/coverage_check.py)
    "tui.check.title.closing": {
        "en": "Before the closing: not everything has been covered yet",
        "nl": "Voor de afsluiting: nog niet alles is aan bod gekomen",
    },
    "tui.check.title.finish": {
        "en": "Before finishing: not everything has been covered yet",
        "nl": "Voor het beëindigen: nog niet alles is aan bod gekomen",
    },
    "tui.check.count": {
        "en": "Still open: {count} in {topics} topic(s)",
        "nl": "Nog open: {count} in {topics} onderwerp(en)",
    },
    "tui.check.no_answer": {
        "en": "no answer noted for this characteristic",
        "nl": "geen antwoord genoteerd voor dit kenmerk",
    },
    "tui.check.keys.closing": {
        "en": "enter: go to the question · ctrl+n: on to the closing anyway · escape: stay",
        "nl": "enter: naar de vraag · ctrl+n: toch naar de afsluiting · escape: blijven",
    },
    "tui.check.keys.finish": {
        "en": "enter: go to the question · ctrl+n: finish anyway · escape: stay",
        "nl": "enter: naar de vraag · ctrl+n: toch beëindigen · escape: blijven",
    },
    # quitting and crashes
    "tui.quit.confirm": {
        "en": "The interview is not finished. Save and quit? You can resume it later.",
        "nl": "Het interview is niet afgerond. Opslaan en stoppen? U kunt later hervatten.",
    },
    "tui.quit.yes": {"en": "Save and quit", "nl": "Opslaan en stoppen"},
    "tui.quit.unstarted": {
        "en": "The clock of {case} {respondent} never started. Keep it as a planned session to "
        "start later, or discard it (nothing of it stays)?",
        "nl": "De klok van {case} {respondent} is nooit gestart. Bewaren als geplande sessie om "
        "later te starten, of weggooien (er blijft niets van over)?",
    },
    "tui.quit.discard": {"en": "Discard", "nl": "Weggooien"},
    "tui.quit.keep": {"en": "Keep", "nl": "Bewaren"},
    "tui.quit.discarded": {
        "en": "Discarded {case} {respondent}: the session was never started.",
        "nl": "{case} {respondent} weggegooid: de sessie is nooit gestart.",
    },
    "tui.quit.no": {"en": "Stay", "nl": "Blijven"},
    "tui.quit.resumable": {
        "en": "Saved. Resume with: interviewer resume {id}",
        "nl": "Opgeslagen. Hervatten met: interviewer resume {id}",
    },
    "tui.crash.saved": {
        "en": "The session was saved; continue with: interviewer resume {id}",
        "nl": "De sessie is opgeslagen; verder met: interviewer resume {id}",
    },
    # review
    "tui.review.duration": {
        "en": "Duration {elapsed} (planned {planned}) · {words} words",
        "nl": "Duur {elapsed} (gepland {planned}) · {words} woorden",
    },
    "tui.review.tagged": {
        "en": "Notes tagged to other variables",
        "nl": "Aantekeningen getagd met andere variabelen",
    },
    "tui.state.asked": {"en": "✓", "nl": "✓"},
    "tui.state.skipped": {"en": "skipped", "nl": "overgeslagen"},
    "tui.skip.confirm": {
        "en": "This question already has notes or an answer. Mark it as skipped anyway? "
        "The notes are kept.",
        "nl": "Bij deze vraag staan al notities of een antwoord. Toch markeren als "
        "overgeslagen? De notities blijven bewaard.",
    },
    "tui.skip.yes": {"en": "Skip", "nl": "Overslaan"},
    "tui.skip.no": {"en": "Keep as asked", "nl": "Gesteld laten"},
    "tui.state.not-asked": {"en": "·", "nl": "·"},
    "tui.status.planned": {"en": "planned", "nl": "gepland"},
    "tui.status.in-progress": {"en": "in progress", "nl": "bezig"},
    "tui.status.paused": {"en": "paused", "nl": "gepauzeerd"},
    "tui.status.finished": {"en": "finished", "nl": "afgerond"},
    # home
    "tui.home.hint": {
        "en": "n new session · enter open · e export · ctrl+p all commands",
        "nl": "n nieuwe sessie · enter openen · e exporteren · ctrl+p alle opdrachten",
    },
    "tui.home.sessions": {"en": "Sessions by case", "nl": "Sessies per casus"},
    "tui.home.protocols": {"en": "Protocols", "nl": "Protocollen"},
    "tui.home.no_sessions": {
        "en": "No sessions yet: press n for a new one, or try sample sessions with "
        "'interviewer demo --case Demo --respondents 3'.",
        "nl": "Nog geen sessies: druk n voor een nieuwe, of probeer voorbeeldsessies met "
        "'interviewer demo --case Demo --respondents 3'.",
    },
    "tui.home.protocol_meta": {
        "en": "language {language} · {minutes} min · {topics} topics",
        "nl": "taal {language} · {minutes} min · {topics} onderwerpen",
    },
    "tui.home.emergency_restore": {"en": "Restore the copy", "nl": "Kopie terugzetten"},
    "tui.home.emergency_keep": {"en": "Keep the saved session", "nl": "Opgeslagen sessie houden"},
    "tui.home.cannot_open": {
        "en": "Cannot open the session: {error}",
        "nl": "Kan de sessie niet openen: {error}",
    },
    "tui.home.pick_session": {"en": "Choose a session first.", "nl": "Kies eerst een sessie."},
    # new session form
    "tui.new.title": {"en": "New session", "nl": "Nieuwe sessie"},
    "tui.new.protocol": {"en": "Protocol", "nl": "Protocol"},
    "tui.new.case": {"en": "Case (team, municipality)", "nl": "Casus (team, gemeente)"},
    "tui.new.respondent": {
        "en": "Respondent code (next free one suggested)",
        "nl": "Respondentcode (eerstvolgende vrije voorgesteld)",
    },
    "tui.new.role": {"en": "Role", "nl": "Functie"},
    "tui.new.interviewer": {"en": "Interviewer", "nl": "Interviewer"},
    "tui.new.mode": {"en": "Mode:", "nl": "Vorm:"},
    "tui.new.individual": {"en": "individual", "nl": "individueel"},
    "tui.new.group": {"en": "group", "nl": "groep"},
    "tui.new.participants": {
        "en": "Participant codes (group mode, comma separated)",
        "nl": "Deelnemercodes (groep, gescheiden door komma's)",
    },
    "tui.new.consent": {"en": "Consent obtained in advance", "nl": "Toestemming vooraf verkregen"},
    "tui.new.start": {"en": "Create and open (ctrl+s)", "nl": "Aanmaken en openen (ctrl+s)"},
    "tui.new.no_protocol": {"en": "Choose a protocol.", "nl": "Kies een protocol."},
    # export dialog
    "tui.export.title": {"en": "Export session", "nl": "Sessie exporteren"},
    "tui.export.folder": {"en": "Folder", "nl": "Map"},
    "tui.export.run": {"en": "Export", "nl": "Exporteren"},
    "tui.export.close": {"en": "Close", "nl": "Sluiten"},
    "tui.export.running": {"en": "Exporting…", "nl": "Bezig met exporteren…"},
    "tui.export.done": {"en": "Written: {paths}", "nl": "Geschreven: {paths}"},
    "tui.export.failed": {"en": "Export failed: {error}", "nl": "Export mislukt: {error}"},
    "tui.export.not_ready": {
        "en": "Note: {count} transcript(s) not approved yet (member check): {codes}",
        "nl": "Let op: {count} transcript(en) nog niet goedgekeurd (member check): {codes}",
    },
    "tui.home.overdue": {"en": "overdue", "nl": "termijn voorbij"},
    "tui.home.approvals_unreadable": {
        "en": "Member-check records could not be read: {error}",
        "nl": "Member-check-gegevens konden niet worden gelezen: {error}",
    },
    # CLI
    "tui.cli.no_unfinished": {
        "en": "no unfinished session to resume (see 'interviewer' for all sessions)",
        "nl": "geen onafgeronde sessie om te hervatten (zie 'interviewer' voor alle sessies)",
    },
    "tui.cli.no_terminal": {
        "en": "the interview app needs a terminal (run it in a terminal window, not with "
        "input or output redirected)",
        "nl": "de interview-app heeft een terminal nodig (start hem in een terminalvenster, "
        "niet met invoer of uitvoer omgeleid)",
    },
    "tui.cli.locked": {
        "en": "session {id} is open in another window; close it there first",
        "nl": "sessie {id} is in een ander venster geopend; sluit die eerst",
    },
    "tui.cli.finished": {
        "en": "session {id} is finished; open it from the home screen to review it",
        "nl": "sessie {id} is afgerond; open hem vanuit het beginscherm om terug te lezen",
    },
}
