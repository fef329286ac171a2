"""Messages of repairing the recordings when a session is resumed
(``interviewer.recording.repair``, issue 16)."""

MESSAGES: dict[str, dict[str, str]] = {
    "recording.repaired": {
        "en": "Recording repaired after the interruption, all audio written before it plays "
        "again: {files}",
        "nl": "Opname hersteld na de onderbreking, alle geluid van daarvoor speelt weer af: "
        "{files}",
    },
    "recording.repaired.file": {
        "en": "{name} ({seconds} s, {added} s recovered)",
        "nl": "{name} ({seconds} s, {added} s teruggehaald)",
    },
    "recording.damaged_on_resume": {
        "en": "Warning: {reason}. The interview goes on; the other recordings are kept.",
        "nl": "Let op: {reason}. Het interview gaat door; de andere opnamen blijven bewaard.",
    },
}
