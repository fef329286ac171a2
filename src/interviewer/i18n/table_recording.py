"""Messages of the audio recorder (``interviewer.recording``, ``interviewer audio``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "recording.no_sounddevice": {
        "en": "Recording needs the optional extra: pip install 'interviewer[record]' (and on "
        "Linux the system's PortAudio: apt install libportaudio2).",
        "nl": "Opnemen vraagt de optionele extra: pip install 'interviewer[record]' (en op "
        "Linux PortAudio van het systeem: apt install libportaudio2).",
    },
    "recording.no_portaudio": {
        "en": "Recording needs PortAudio, which was not found ({reason}): apt install "
        "libportaudio2 (macOS: brew install portaudio), with pip install 'interviewer[record]'.",
        "nl": "Opnemen vraagt PortAudio, dat niet gevonden is ({reason}): apt install "
        "libportaudio2 (macOS: brew install portaudio), met pip install "
        "'interviewer[record]'.",
    },
    "recording.devices_failed": {
        "en": "The audio devices could not be listed: {reason}",
        "nl": "De audioapparaten konden niet worden opgesomd: {reason}",
    },
    "recording.device_failed": {
        "en": "The microphone ({device}) could not be opened: {reason} (interviewer audio "
        "devices lists them).",
        "nl": "De microfoon ({device}) kon niet worden geopend: {reason} (interviewer audio "
        "devices somt ze op).",
    },
    "recording.no_such_file": {
        "en": "No such audio file: {path}",
        "nl": "Audiobestand bestaat niet: {path}",
    },
    "recording.bad_wav": {
        "en": "{path} cannot be read as a WAV file ({reason}); convert it with: {hint}",
        "nl": "{path} is niet als WAV-bestand te lezen ({reason}); zet het om met: {hint}",
    },
    "recording.input_too_long": {
        "en": "{path} holds {hours} hours of audio; --audio-input plays at most {most} hours "
        "(cut it with: sox in.wav out.wav trim 0 4:00:00).",
        "nl": "{path} bevat {hours} uur geluid; --audio-input speelt hoogstens {most} uur af "
        "(knip het met: sox in.wav out.wav trim 0 4:00:00).",
    },
    "recording.write_failed": {
        "en": "The recording could not be written to {path}: {reason} (what was written "
        "before stays playable).",
        "nl": "De opname kon niet worden geschreven naar {path}: {reason} (wat eerder is "
        "geschreven blijft afspeelbaar).",
    },
    "recording.unrecoverable": {
        "en": "{path} is not a recording that can be repaired: {reason}",
        "nl": "{path} is geen opname die te herstellen is: {reason}",
    },
    "recording.no_consent": {
        "en": "Not recording: the respondent's consent to recording is not ticked in the "
        "introduction's checklist.",
        "nl": "Er wordt niet opgenomen: de toestemming voor de opname is niet aangevinkt in "
        "de checklist van de introductie.",
    },
    "recording.imported_transcript": {
        "en": "Not transcribing live: session {id} has a transcript imported from elsewhere, "
        "which the live one would replace (interviewer transcribe {id} --force replaces it "
        "after the interview).",
        "nl": "Geen live transcriptie: sessie {id} heeft een elders gemaakt, geïmporteerd "
        "transcript, dat het live transcript zou vervangen (interviewer transcribe {id} "
        "--force vervangt het na het interview).",
    },
    "recording.transcript_unsaved": {
        "en": "The live transcript could not be saved ({reason}); it is kept and saved "
        "again with the next line.",
        "nl": "Het live transcript kon niet worden opgeslagen ({reason}); het blijft bewaard "
        "en wordt bij de volgende regel opnieuw opgeslagen.",
    },
    "recording.source_failed": {
        "en": "The recording stopped: the audio input failed ({reason}). Check the microphone; "
        "what was recorded so far is kept.",
        "nl": "De opname is gestopt: de geluidsinvoer faalde ({reason}). Controleer de "
        "microfoon; wat tot nu toe is opgenomen blijft bewaard.",
    },
    "recording.source_stalled": {
        "en": "No sound has arrived from the microphone for {seconds} s: is it still "
        "connected? What was recorded so far is kept.",
        "nl": "Al {seconds} s komt er geen geluid binnen van de microfoon: is die nog "
        "aangesloten? Wat tot nu toe is opgenomen blijft bewaard.",
    },
    "recording.bad_map": {
        "en": "{path} (where the recording lies on the interview clock) cannot be read: {reason}",
        "nl": "{path} (waar de opname op de interviewklok ligt) is niet te lezen: {reason}",
    },
    "recording.bad_session_id": {
        "en": "Not a session id to keep recordings under: {id}",
        "nl": "Geen sessie-id om opnamen onder te bewaren: {id}",
    },
    # --- interviewer audio devices ----------------------------------------------------------
    "audio.devices.none": {
        "en": "No input devices found.",
        "nl": "Geen invoerapparaten gevonden.",
    },
    "audio.devices.default": {
        "en": "(default)",
        "nl": "(standaard)",
    },
    "audio.devices.line": {
        "en": "{index:>3}  {name}  {channels} ch, {rate} Hz {default}",
        "nl": "{index:>3}  {name}  {channels} kan., {rate} Hz {default}",
    },
    "withdraw.item.recordings": {
        "en": "{count} audio recording(s) ({path})",
        "nl": "{count} geluidsopname(n) ({path})",
    },
    # --- the live transcriber (recording/transcriber.py) ------------------------------------
    "recording.transcriber.load_failed": {
        "en": "The speech model in {path} could not be loaded ({reason}); use {hint}",
        "nl": "Het spraakmodel in {path} kon niet worden geladen ({reason}); gebruik {hint}",
    },
    "recording.transcriber.english_only": {
        "en": "The speech model in {path} only knows English, and this interview is in "
        "'{language}': live transcription is off. Set a multilingual model (for example "
        "Whisper small, converted with ct2-transformers-converter).",
        "nl": "Het spraakmodel in {path} kent alleen Engels, en dit interview is in "
        "'{language}': live uitschrijven staat uit. Stel een meertalig model in (bijvoorbeeld "
        "Whisper small, omgezet met ct2-transformers-converter).",
    },
    "recording.transcriber.unknown_language": {
        "en": "The speech model in {path} does not know the language '{language}': live "
        "transcription is off.",
        "nl": "Het spraakmodel in {path} kent de taal '{language}' niet: live uitschrijven "
        "staat uit.",
    },
    "recording.transcriber.failed": {
        "en": "Live transcription failed ({reason}); the recording is kept, transcribe it "
        "afterwards with: interviewer transcribe ID",
        "nl": "Live uitschrijven is mislukt ({reason}); de opname blijft bewaard, schrijf haar "
        "achteraf uit met: interviewer transcribe ID",
    },
    "recording.transcriber.died": {
        "en": "The live transcriber stopped unexpectedly (exit code {code}); the recording is "
        "kept, transcribe it afterwards with: interviewer transcribe ID",
        "nl": "Het live uitschrijven stopte onverwacht (afsluitcode {code}); de opname blijft "
        "bewaard, schrijf haar achteraf uit met: interviewer transcribe ID",
    },
}
