"""Messages of the recording transcripts (import, alignment, show, transcribe)."""

MESSAGES: dict[str, dict[str, str]] = {
    "transcript.unplaced": {"en": "Not placed", "nl": "Niet geplaatst"},
    "transcript.context.question": {"en": "question", "nl": "vraag"},
    "transcript.context.topic": {"en": "topic, no question shown", "nl": "thema, geen vraag"},
    "transcript.context.closing": {"en": "closing", "nl": "afsluiting"},
    "transcript.context.pause": {"en": "during a pause", "nl": "tijdens een pauze"},
    "transcript.context.outside": {
        "en": "outside the interview",
        "nl": "buiten het interview",
    },
    "transcript.moved": {"en": "moved", "nl": "verplaatst"},
    "transcript.heading": {
        "en": "Transcript of session {session} ({respondent}, {case})",
        "nl": "Transcript van sessie {session} ({respondent}, {case})",
    },
    "transcript.source": {
        "en": "Source: {name} ({format}), {count} segments, imported {when}",
        "nl": "Bron: {name} ({format}), {count} fragmenten, geïmporteerd {when}",
    },
    "transcript.offset": {
        "en": "Offset: {offset} s (recording time {stamp} = interview clock 0)",
        "nl": "Verschuiving: {offset} s (opnametijd {stamp} = interviewklok 0)",
    },
    "transcript.speakers": {"en": "Speakers: {mapping}", "nl": "Sprekers: {mapping}"},
    "transcript.speaker_unmapped": {
        "en": "{label} (not mapped; use --speaker {label}=CODE)",
        "nl": "{label} (niet gekoppeld; gebruik --speaker {label}=CODE)",
    },
    "transcript.imported": {
        "en": "Imported {count} segments ({format}) for session {session}: {placed} on "
        "questions, {other} elsewhere. Stored in {path}",
        "nl": "{count} fragmenten ({format}) geïmporteerd voor sessie {session}: {placed} bij "
        "vragen, {other} elders. Opgeslagen in {path}",
    },
    "transcript.exists": {
        "en": "session {session} already has a transcript; add --replace to replace it "
        "(its manual moves are dropped)",
        "nl": "sessie {session} heeft al een transcript; gebruik --replace om het te "
        "vervangen (handmatige verplaatsingen vervallen)",
    },
    "transcript.offset_set": {
        "en": "Offset of session {session} set to {offset} s; {changed} segments changed "
        "question, {moves} manual moves kept.",
        "nl": "Verschuiving van sessie {session} op {offset} s gezet; {changed} fragmenten "
        "kregen een andere vraag, {moves} handmatige verplaatsingen behouden.",
    },
    "transcript.moved_to": {
        "en": "Segment {number} moved to {target}.",
        "nl": "Fragment {number} verplaatst naar {target}.",
    },
    "transcript.unmoved": {
        "en": "Segment {number} follows the timeline again ({target}).",
        "nl": "Fragment {number} volgt de tijdlijn weer ({target}).",
    },
    "transcript.transcribing": {"en": "Transcribing {name}", "nl": "{name} transcriberen"},
    "transcript.transcribed": {
        "en": "Wrote {count} segments to {path}. Import it with: "
        "interviewer transcript import SESSION_ID {path}",
        "nl": "{count} fragmenten geschreven naar {path}. Importeer met: "
        "interviewer transcript import SESSIE_ID {path}",
    },
}
