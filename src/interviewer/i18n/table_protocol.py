"""Messages of the protocol commands: ``check``, ``show``, ``schema protocol``."""

MESSAGES: dict[str, dict[str, str]] = {
    "protocol.measures": {"en": "measures: {label}", "nl": "meet: {label}"},
    "protocol.answer": {"en": "quick answer: {type}", "nl": "snel antwoord: {type}"},
    "protocol.answer_type.yes-no": {"en": "yes/no", "nl": "ja/nee"},
    "protocol.answer_type.choice": {"en": "choice", "nl": "keuze"},
    "protocol.answer_type.scale": {"en": "scale", "nl": "schaal"},
    "protocol.shown_when": {
        "en": "asked when the answer to '{question}' is {answer}",
        "nl": "te stellen als het antwoord op '{question}' {answer} is",
    },
    "protocol.or": {"en": "or", "nl": "of"},
    "protocol.parts": {"en": "note parts", "nl": "notitiedelen"},
    "protocol.alternative": {"en": "Or:", "nl": "Of:"},
    "protocol.group_wording": {"en": "To a group:", "nl": "Aan een groep:"},
    "protocol.group_alternative": {"en": "Or, to a group:", "nl": "Of, aan een groep:"},
    "protocol.only_mode": {"en": "{mode} only", "nl": "alleen {mode}"},
    "protocol.introduction": {
        "en": "Introduction ({paragraphs} paragraphs; * = required before the start)",
        "nl": "Introductie ({paragraphs} alinea's; * = verplicht voor de start)",
    },
    "protocol.characteristics": {"en": "characteristics", "nl": "kenmerken"},
    "protocol.extra_code": {"en": "Extra code:", "nl": "Extra code:"},
    "protocol.closing": {"en": "Closing", "nl": "Afsluiting"},
    "protocol.personal": {"en": "personal data", "nl": "persoonsgegevens"},
    "protocol.total": {
        "en": "{topics} topics, {questions} questions; topics planned {planned} of {duration} min",
        "nl": "{topics} onderwerpen, {questions} vragen; onderwerpen gepland {planned} van "
        "{duration} min",
    },
    "check.ok": {
        "en": "{path}: OK ({topics} topics, {questions} questions, {minutes} min)",
        "nl": "{path}: OK ({topics} onderwerpen, {questions} vragen, {minutes} min)",
    },
    "check.summary": {
        "en": "{path}: {errors} error(s), {warnings} warning(s)",
        "nl": "{path}: {errors} fout(en), {warnings} waarschuwing(en)",
    },
    "check.not_found": {
        "en": "no such file or protocol: {name}",
        "nl": "bestand of protocol bestaat niet: {name}",
    },
}
