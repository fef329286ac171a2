"""The one check of case names, codes and session ids, and of an imported session's
references (``interviewer.domain.codes``, ``interviewer.domain.session_check``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "codes.error.case_too_long": {
        "en": "case name {case!r}... is too long ({length} characters; at most {most})",
        "nl": "casusnaam {case!r}... is te lang ({length} tekens; hoogstens {most})",
    },
    "codes.error.case_control": {
        "en": "case name {case!r} contains a control or direction character (U+{point})",
        "nl": "casusnaam {case!r} bevat een stuur- of schrijfrichtingteken (U+{point})",
    },
    "codes.error.case_path": {
        "en": "case name {case!r} contains {part!r}; case names are used in file names",
        "nl": "casusnaam {case!r} bevat {part!r}; casusnamen staan in bestandsnamen",
    },
    "codes.error.session_id": {
        "en": "session id {id!r} must be 1-64 letters, digits, '-' or '_' (starting with a "
        "letter or digit)",
        "nl": "sessie-id {id!r} moet uit 1-64 letters, cijfers, '-' of '_' bestaan (beginnend "
        "met een letter of cijfer)",
    },
    "session.check.unknown_topic": {
        "en": "{field}: the protocol of this session has no topic {value!r}",
        "nl": "{field}: het protocol van deze sessie heeft geen onderwerp {value!r}",
    },
    "session.check.unknown_question": {
        "en": "{field}: the protocol of this session has no question {value!r}",
        "nl": "{field}: het protocol van deze sessie heeft geen vraag {value!r}",
    },
    "session.check.unknown_code": {
        "en": "{field}: the protocol of this session has no code {value!r}",
        "nl": "{field}: het protocol van deze sessie heeft geen code {value!r}",
    },
    "session.check.unknown_item": {
        "en": "{field}: the protocol of this session has no checklist item {value!r}",
        "nl": "{field}: het protocol van deze sessie heeft geen checklistpunt {value!r}",
    },
    "portable.error.not_finite": {
        "en": "{name}: {field} is not a finite number (NaN and Infinity are not JSON)",
        "nl": "{name}: {field} is geen eindig getal (NaN en Infinity zijn geen JSON)",
    },
}
