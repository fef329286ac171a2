"""Files refused before they are read (``interviewer.input_files``) and what is refused inside
a returned Word document (``membercheck.docx_text``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "input.error.not_regular": {
        "en": "{path}: not a regular file ({kind}); give the path of a file",
        "nl": "{path}: geen gewoon bestand ({kind}); geef het pad van een bestand",
    },
    "input.error.too_large": {
        "en": "{path}: too large ({size}; at most {limit})",
        "nl": "{path}: te groot ({size}; hoogstens {limit})",
    },
    "input.error.refused": {"en": "{error}", "nl": "{error}"},
    "input.kind.fifo": {"en": "a named pipe", "nl": "een named pipe"},
    "input.kind.device": {"en": "a device", "nl": "een apparaat"},
    "input.kind.socket": {"en": "a socket", "nl": "een socket"},
    "input.kind.folder": {"en": "a folder", "nl": "een map"},
    "input.kind.special": {"en": "a special file", "nl": "een speciaal bestand"},
    "docx.error.not_zip": {
        "en": "not a Word (.docx) document: not a zip archive ({error})",
        "nl": "geen Word-document (.docx): geen zip-archief ({error})",
    },
    "docx.error.damaged": {
        "en": "not a readable Word (.docx) document: {error}",
        "nl": "geen leesbaar Word-document (.docx): {error}",
    },
    "docx.error.too_many_parts": {
        "en": "not a Word (.docx) document: {count} parts (at most {limit})",
        "nl": "geen Word-document (.docx): {count} onderdelen (hoogstens {limit})",
    },
    "docx.error.too_large_inside": {
        "en": "refused: the document unpacks to more than {limit} (a zip bomb?)",
        "nl": "geweigerd: het document wordt uitgepakt groter dan {limit} (een zipbom?)",
    },
    "docx.error.no_document": {
        "en": "not a Word (.docx) document: no main document part ({found})",
        "nl": "geen Word-document (.docx): geen hoofddocument ({found})",
    },
    "docx.error.xml": {
        "en": "not a readable Word (.docx) document: {part}:{line}: {error}",
        "nl": "geen leesbaar Word-document (.docx): {part}:{line}: {error}",
    },
    "docx.error.entities": {
        "en": "refused: {part} declares entities (DOCTYPE), which Word never writes",
        "nl": "geweigerd: {part} declareert entiteiten (DOCTYPE), wat Word nooit doet",
    },
    "check.not_regular_file": {
        "en": "not a regular file (a named pipe, a device or a socket); give a protocol file",
        "nl": "geen gewoon bestand (een named pipe, apparaat of socket); geef een protocolbestand",
    },
    "check.number_too_long": {
        "en": "a number of more than {limit} characters; no protocol needs one",
        "nl": "een getal van meer dan {limit} tekens; geen protocol heeft dat nodig",
    },
    "check.control_character": {
        "en": "the text holds the invisible control character {char} (from an escape such as "
        "\\e or \\u202e); remove it",
        "nl": "de tekst bevat het onzichtbare stuurteken {char} (uit een escape zoals \\e of "
        "\\u202e); haal het weg",
    },
    "check.minutes_absurd": {
        "en": "{value} is not a planned time: give minutes between 0 and {max}",
        "nl": "{value} is geen geplande tijd: geef minuten tussen 0 en {max}",
    },
}
