"""Messages about the consent that lets the laptop record (``recording: true``, issue 16)."""

MESSAGES: dict[str, dict[str, str]] = {
    "recording.no_consent_item": {
        "en": "{protocol}: --record needs a consent item marked 'recording: true' in "
        "introduction.checklist; this protocol has none, so the interview is not recorded",
        "nl": "{protocol}: --record vraagt een toestemmingspunt met 'recording: true' in "
        "introduction.checklist; dit protocol heeft er geen, dus het interview wordt niet "
        "opgenomen",
    },
}
