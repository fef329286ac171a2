"""Messages of finding one's way: ``interviewer paths``, ``protocol new``, protocol lookup,
and the replacement list's refusal to swap a pseudonym silently."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- interviewer paths ---------------------------------------------------------------------
    "paths.data": {"en": "Data (sessions, key file)", "nl": "Data (sessies, sleutelbestand)"},
    "paths.config": {"en": "Configuration", "nl": "Instellingen"},
    "paths.protocols": {"en": "Protocols (searched in order)", "nl": "Protocollen (op volgorde)"},
    "paths.emergency": {"en": "Emergency copies", "nl": "Noodkopieën"},
    "paths.exports": {"en": "Exports (default)", "nl": "Exports (standaard)"},
    "paths.missing": {"en": "(not created yet)", "nl": "(nog niet aangemaakt)"},
    # --- interviewer protocol new --------------------------------------------------------------
    "protocol.new.bad_name": {
        "en": "'{name}' cannot be a protocol id: use lower-case letters, digits, '-' and '_' "
        "(starting with a letter or digit, at most 64)",
        "nl": "'{name}' kan geen protocol-id zijn: gebruik kleine letters, cijfers, '-' en '_' "
        "(beginnend met een letter of cijfer, hoogstens 64)",
    },
    "protocol.new.exists": {
        "en": "{path} exists; add --force to overwrite it",
        "nl": "{path} bestaat al; voeg --force toe om het te overschrijven",
    },
    "protocol.new.written": {
        "en": "Wrote {path} (a copy of {source}, id '{name}'). Edit it, then run "
        "'interviewer check {path}'.",
        "nl": "{path} geschreven (een kopie van {source}, id '{name}'). Pas het aan en voer "
        "daarna 'interviewer check {path}' uit.",
    },
    "protocol.new.cannot_write": {
        "en": "cannot write {path}: {error}",
        "nl": "kan {path} niet schrijven: {error}",
    },
    # --- protocol lookup -----------------------------------------------------------------------
    "check.no_such_file": {
        "en": "{path}: the file does not exist",
        "nl": "{path}: het bestand bestaat niet",
    },
    # --- interviewer replace add ---------------------------------------------------------------
    "replace.exists": {
        "en": "'{name}' is already replaced by '{old}'; add --force to use '{new}' instead "
        "(exports made before and after will then differ)",
        "nl": "'{name}' wordt al vervangen door '{old}'; voeg --force toe om '{new}' te "
        "gebruiken (exports van voor en na verschillen dan)",
    },
    "replace.changed": {
        "en": "'{name}' is now replaced by '{new}' (was '{old}').",
        "nl": "'{name}' wordt nu vervangen door '{new}' (was '{old}').",
    },
}
