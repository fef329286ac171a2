"""Messages of the protocol checker (``interviewer check``, ``show``, loading a protocol).

Keys, YAML terms and values (``show_when``, ``'choice'``, ``yes``) stay as the researcher
writes them in both languages; only the sentence around them is translated.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- reading the file (protocol.yaml_source) --------------------------------------------------
    "check.file_too_large": {
        "en": "file is too large for a protocol ({size} bytes; limit {limit})",
        "nl": "bestand is te groot voor een protocol ({size} bytes; limiet {limit})",
    },
    "check.file_empty": {
        "en": "file is empty; a protocol needs at least id, title, duration_minutes and topics",
        "nl": "bestand is leeg; een protocol heeft minstens id, title, duration_minutes en "
        "topics nodig",
    },
    "check.binary_file": {
        "en": "this is a binary file, not a YAML protocol",
        "nl": "dit is een binair bestand, geen YAML-protocol",
    },
    "check.not_utf8": {
        "en": "not UTF-8 text (byte 0x{byte}); save the file as UTF-8",
        "nl": "geen UTF-8-tekst (byte 0x{byte}); sla het bestand op als UTF-8",
    },
    "check.is_folder": {"en": "is a folder, not a file", "nl": "is een map, geen bestand"},
    "check.cannot_read": {
        "en": "cannot read the file: {reason}",
        "nl": "kan het bestand niet lezen: {reason}",
    },
    "check.yaml_syntax": {"en": "YAML syntax: {message}", "nl": "YAML-syntaxfout: {message}"},
    "check.no_document": {
        "en": "file holds no YAML document",
        "nl": "bestand bevat geen YAML-document",
    },
    "check.alias_bomb": {
        "en": "the YAML expands to more than {limit} values through aliases (an alias bomb?); "
        "refusing to read it",
        "nl": "de YAML groeit via aliassen uit tot meer dan {limit} waarden (een alias-bom?); "
        "het bestand wordt niet gelezen",
    },
    "check.alias_recursive": {
        "en": "an alias refers to itself (recursive YAML)",
        "nl": "een alias verwijst naar zichzelf (recursieve YAML)",
    },
    "check.merge_key": {
        "en": "merge keys ('<<') are not supported; write it out",
        "nl": "merge-sleutels ('<<') worden niet ondersteund; schrijf het voluit",
    },
    "check.key_not_text": {
        "en": "a key must be plain text",
        "nl": "een sleutel moet gewone tekst zijn",
    },
    "check.duplicate_key": {
        "en": "duplicate key '{key}' (first defined at line {line}); "
        "YAML would silently keep only one of them",
        "nl": "dubbele sleutel '{key}' (eerst gedefinieerd op regel {line}); "
        "YAML zou stilletjes maar één ervan bewaren",
    },
    "check.unsupported_tag": {
        "en": "unsupported YAML tag {tag}; use plain values",
        "nl": "YAML-tag {tag} wordt niet ondersteund; gebruik gewone waarden",
    },
    # --- single fields (protocol.loader) ----------------------------------------------------------
    "check.not_mapping": {
        "en": "a protocol must be a mapping of keys (id, title, topics, ...) at the top level",
        "nl": "een protocol moet op het hoogste niveau een mapping van sleutels zijn "
        "(id, title, topics, ...)",
    },
    "check.the_file": {"en": "the file", "nl": "het bestand"},
    "check.missing_key": {
        "en": "missing required key '{key}' in {where}",
        "nl": "ontbrekende verplichte sleutel '{key}' in {where}",
    },
    "check.unknown_key": {"en": "unknown key '{key}'", "nl": "onbekende sleutel '{key}'"},
    "check.unknown_key_hint": {
        "en": "unknown key '{key}' (did you mean '{suggestion}'?)",
        "nl": "onbekende sleutel '{key}' (bedoelde je '{suggestion}'?)",
    },
    "check.empty": {"en": "'{field}' must not be empty", "nl": "'{field}' mag niet leeg zijn"},
    "check.too_few": {
        "en": "'{field}' needs at least {count} item(s)",
        "nl": "'{field}' heeft minstens {count} element(en) nodig",
    },
    "check.bad_id": {
        "en": "{value} is not a valid id: use lower-case letters, digits, '-' and '_', "
        "starting with a letter or digit",
        "nl": "{value} is geen geldige id: gebruik kleine letters, cijfers, '-' en '_', "
        "beginnend met een letter of cijfer",
    },
    "check.too_long": {
        "en": "'{field}' is too long (at most {max} characters)",
        "nl": "'{field}' is te lang (hoogstens {max} tekens)",
    },
    "check.not_allowed": {
        "en": "{value} is not allowed for '{field}'; use one of: {expected}",
        "nl": "{value} is niet toegestaan voor '{field}'; gebruik een van: {expected}",
    },
    "check.unknown_colour": {
        "en": "unknown colour {value}; use one of Word's highlight colours: {colours}",
        "nl": "onbekende kleur {value}; gebruik een van de markeerkleuren van Word: {colours}",
    },
    "check.whole_number": {
        "en": "'{field}' must be a whole number, not {value}",
        "nl": "'{field}' moet een geheel getal zijn, niet {value}",
    },
    "check.number": {
        "en": "'{field}' must be a number, not {value}",
        "nl": "'{field}' moet een getal zijn, niet {value}",
    },
    "check.true_false": {
        "en": "'{field}' must be true or false, not {value}",
        "nl": "'{field}' moet true of false zijn, niet {value}",
    },
    "check.text": {
        "en": "'{field}' must be text, not {value} (put it in quotes)",
        "nl": "'{field}' moet tekst zijn, niet {value} (zet het tussen aanhalingstekens)",
    },
    "check.list": {
        "en": "'{field}' must be a list (lines starting with '- ')",
        "nl": "'{field}' moet een lijst zijn (regels die beginnen met '- ')",
    },
    "check.mapping": {
        "en": "'{field}' must be a mapping of keys and values, not {value}",
        "nl": "'{field}' moet een mapping van sleutels en waarden zijn, niet {value}",
    },
    "check.above": {
        "en": "'{field}' must be above {bound}, not {value}",
        "nl": "'{field}' moet groter zijn dan {bound}, niet {value}",
    },
    "check.at_least": {
        "en": "'{field}' must be at least {bound}, not {value}",
        "nl": "'{field}' moet minstens {bound} zijn, niet {value}",
    },
    "check.other": {"en": "'{field}': {detail}", "nl": "'{field}': {detail}"},
    # --- across the protocol (protocol.check) -----------------------------------------------------
    "check.duplicate_id": {
        "en": "duplicate {what} id '{id}' (first used at line {line})",
        "nl": "dubbele id '{id}' bij de {what} (eerst gebruikt op regel {line})",
    },
    "check.what.code": {
        "en": "code (topic or extra code)",
        "nl": "codes (onderwerpen en extra codes)",
    },
    "check.what.question": {"en": "question", "nl": "vragen"},
    "check.what.checklist": {"en": "checklist item", "nl": "checklistpunten"},
    "check.what.closing_field": {"en": "closing field", "nl": "velden van de afsluiting"},
    "check.what.characteristic": {"en": "characteristic", "nl": "kenmerken"},
    "check.what.part": {"en": "note part", "nl": "notitiedelen"},
    "check.follow_up_when": {
        "en": "follow-up without 'condition' or 'show_when': the interviewer cannot tell "
        "when to ask it",
        "nl": "vervolgvraag zonder 'condition' of 'show_when': de interviewer kan niet weten "
        "wanneer die gesteld moet worden",
    },
    "check.priority_not_probe": {
        "en": "'priority' only matters for probes (kind: probe)",
        "nl": "'priority' telt alleen bij doorvragen (kind: probe)",
    },
    "check.characteristic_missing": {
        "en": "characteristic '{wanted}' does not exist in topic '{topic}'; it has {known}",
        "nl": "kenmerk '{wanted}' bestaat niet in onderwerp '{topic}'; dat heeft {known}",
    },
    "check.characteristic_missing_none": {
        "en": "characteristic '{wanted}' does not exist in topic '{topic}' (it has none)",
        "nl": "kenmerk '{wanted}' bestaat niet in onderwerp '{topic}' (dat heeft er geen)",
    },
    "check.choice_options": {
        "en": "a 'choice' answer needs 'options'",
        "nl": "een antwoord van type 'choice' heeft 'options' nodig",
    },
    "check.options_only_choice": {
        "en": "'options' only apply to type 'choice', not '{kind}'",
        "nl": "'options' gelden alleen voor type 'choice', niet voor '{kind}'",
    },
    "check.scale_ends": {
        "en": "a 'scale' answer needs whole numbers 'min' and 'max'",
        "nl": "een antwoord van type 'scale' heeft gehele getallen 'min' en 'max' nodig",
    },
    "check.scale_order": {
        "en": "scale 'max' ({high}) must be above 'min' ({low})",
        "nl": "bij een schaal moet 'max' ({high}) groter zijn dan 'min' ({low})",
    },
    "check.scale_too_long": {
        "en": "a scale of more than 100 points cannot be answered quickly",
        "nl": "een schaal van meer dan 100 punten is niet snel te beantwoorden",
    },
    "check.min_max_only_scale": {
        "en": "'min'/'max' only apply to type 'scale', not '{kind}'",
        "nl": "'min'/'max' gelden alleen voor type 'scale', niet voor '{kind}'",
    },
    "check.show_when_self": {
        "en": "a follow-up cannot depend on its own answer",
        "nl": "een vervolgvraag kan niet van haar eigen antwoord afhangen",
    },
    "check.show_when_missing": {
        "en": "show_when refers to question '{question}', which does not exist",
        "nl": "show_when verwijst naar vraag '{question}', maar die bestaat niet",
    },
    "check.show_when_open": {
        "en": "question '{question}' has no quick answer (type '{kind}'), so nothing can "
        "trigger this follow-up",
        "nl": "vraag '{question}' heeft geen snel antwoord (type '{kind}'), dus niets kan "
        "deze vervolgvraag activeren",
    },
    "check.show_when_answer": {
        "en": "'{value}' is not an answer of question '{question}' (it accepts: {allowed})",
        "nl": "'{value}' is geen antwoord van vraag '{question}' (toegestaan: {allowed})",
    },
    "check.extra_code_missing": {
        "en": "extra code '{code}' does not exist (see 'extra_codes')",
        "nl": "extra code '{code}' bestaat niet (zie 'extra_codes')",
    },
    "check.unmeasured": {
        "en": "no question measures characteristic '{id}'",
        "nl": "geen enkele vraag meet kenmerk '{id}'",
    },
    "check.no_main_question": {
        "en": "topic '{topic}' has no main question",
        "nl": "onderwerp '{topic}' heeft geen hoofdvraag",
    },
    "check.over_plan": {
        "en": "the topics plan {planned} minutes, more than the {duration} minutes "
        "planned for the interview",
        "nl": "de onderwerpen plannen samen {planned} minuten, meer dan de {duration} minuten "
        "die voor het interview gepland zijn",
    },
    "check.group_no_plural": {
        "en": "mode '{mode}' but no plural form of address (address: plural: e.g. 'jullie')",
        "nl": "mode '{mode}' maar geen meervoudige aanspreekvorm (address: plural: bijv. 'jullie')",
    },
    "check.recording_twice": {
        "en": "a second checklist item marked 'recording: true' (the first is on line {line}); "
        "recording waits for one consent item",
        "nl": "een tweede checklistpunt met 'recording: true' (het eerste staat op regel {line}); "
        "de opname wacht op één toestemmingspunt",
    },
    "check.recording_not_required": {
        "en": "the consent to recording ('{id}') must have 'required: true': "
        "a consent that may be skipped cannot decide whether the interview is recorded",
        "nl": "de toestemming voor opname ('{id}') moet 'required: true' hebben: "
        "een toestemming die overgeslagen mag worden kan niet bepalen of er wordt opgenomen",
    },
    "check.no_invitation": {
        "en": "no 'invitation': the letter to respondents will be the tool's generic one "
        "(add invitation: purpose: ... in plain words)",
        "nl": "geen 'invitation': de brief aan respondenten wordt de algemene brief van het "
        "programma (voeg invitation: purpose: ... in gewone woorden toe)",
    },
    "check.invitation_topic_missing": {
        "en": "the letter's theme names topic '{topic}', which does not exist (topics: {known})",
        "nl": "het thema in de brief noemt onderwerp '{topic}', dat niet bestaat "
        "(onderwerpen: {known})",
    },
    "check.invitation_topic_twice": {
        "en": "topic '{topic}' is already a theme of the letter (line {line})",
        "nl": "onderwerp '{topic}' staat al als thema in de brief (regel {line})",
    },
    "check.invitation_addressed_to": {
        "en": "the letter is addressed to '{addressed}' but the protocol's mode is '{mode}'",
        "nl": "de brief is gericht aan '{addressed}' maar de mode van het protocol is '{mode}'",
    },
    "check.group_wording_unused": {
        "en": "'{field}' is never used: {why}",
        "nl": "'{field}' wordt nooit gebruikt: {why}",
    },
    "check.group_wording_why_protocol": {
        "en": "the protocol's mode is 'individual'",
        "nl": "het protocol heeft mode 'individual'",
    },
    "check.group_wording_why_question": {
        "en": "this question has mode 'individual'",
        "nl": "deze vraag heeft mode 'individual'",
    },
    "check.question_mode_never": {
        "en": "question '{id}' is never asked: it has mode '{wanted}' and the protocol's mode is "
        "'{mode}'",
        "nl": "vraag '{id}' wordt nooit gesteld: hij heeft mode '{wanted}' en het protocol "
        "mode '{mode}'",
    },
    "check.slash_address": {
        "en": "'{form}' in the question: give the group wording in 'text_group' (the singular "
        "in 'text'), so each interview shows its own",
        "nl": "'{form}' in de vraag: zet de groepsformulering in 'text_group' (het enkelvoud "
        "in 'text'), zodat elk interview de eigen vorm toont",
    },
    # --- finding protocols and the commands ----------------------------------------------------
    "check.invalid_protocol": {"en": "invalid protocol", "nl": "ongeldig protocol"},
    "check.no_protocol_named": {
        "en": "no protocol named '{name}' (known: {known})",
        "nl": "geen protocol met de naam '{name}' (bekend: {known})",
    },
    "check.none_found": {"en": "none found", "nl": "geen gevonden"},
    "check.show_has_errors": {
        "en": "{protocol}: the protocol has errors; see 'interviewer check {protocol}'",
        "nl": "{protocol}: het protocol bevat fouten; zie 'interviewer check {protocol}'",
    },
}
