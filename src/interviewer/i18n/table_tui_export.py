"""Messages of the TUI export dialog's transcript choice (notes only or the verbatim text)."""

MESSAGES: dict[str, dict[str, str]] = {
    "tui.export.source": {"en": "Text", "nl": "Tekst"},
    "tui.export.source.notes": {"en": "Notes only", "nl": "Alleen notities"},
    "tui.export.source.bracket": {
        "en": "Verbatim transcript, stamps [00:12:34]",
        "nl": "Letterlijk transcript, tijden [00:12:34]",
    },
    "tui.export.source.maxqda": {
        "en": "Verbatim transcript, stamps #00:12:34-5# (MAXQDA, f4)",
        "nl": "Letterlijk transcript, tijden #00:12:34-5# (MAXQDA, f4)",
    },
    "tui.export.source.none": {
        "en": "Verbatim transcript, no stamps",
        "nl": "Letterlijk transcript, zonder tijden",
    },
}
