"""The transcript sent for approval: what it asks of the respondent, and what
``approval receive`` read in the approval block the respondent filled in.

The Dutch texts use the words of seed 000's protocol for the member check ("ter controle",
"toevoegen en/of aanpassen", "Als u het interviewverslag heeft goedgekeurd ... anoniem ...
verwerkt in het onderzoeksverslag").
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- on the copy sent (export.transcript.ReturnRequest) ----------------------------------
    "export.transcript.return_to": {
        "en": "Please return the report by {date} to {address}. Tick one of the boxes at the "
              "end and fill in your name and the date.",
        "nl": "Wilt u het verslag uiterlijk {date} terugsturen naar {address}? Kruis aan het "
              "eind een van de vakjes aan en vul uw naam en de datum in.",
    },
    "export.transcript.return_by": {
        "en": "Please return the report by {date}. Tick one of the boxes at the end and fill "
              "in your name and the date.",
        "nl": "Wilt u het verslag uiterlijk {date} terugsturen? Kruis aan het eind een van de "
              "vakjes aan en vul uw naam en de datum in.",
    },
    "export.transcript.silence": {
        "en": "If I have not heard from you by {date}, the interview report counts as "
              "approved and is processed anonymously in the research report as it is.",
        "nl": "Heb ik op {date} niets van u gehoord, dan geldt het interviewverslag als "
              "goedgekeurd en wordt het zoals het is anoniem verwerkt in het onderzoeksverslag.",
    },
    "export.approval.name": {
        "en": "Name: ____________________",
        "nl": "Naam: ____________________",
    },
    "export.month.1": {"en": "January", "nl": "januari"},
    "export.month.2": {"en": "February", "nl": "februari"},
    "export.month.3": {"en": "March", "nl": "maart"},
    "export.month.4": {"en": "April", "nl": "april"},
    "export.month.5": {"en": "May", "nl": "mei"},
    "export.month.6": {"en": "June", "nl": "juni"},
    "export.month.7": {"en": "July", "nl": "juli"},
    "export.month.8": {"en": "August", "nl": "augustus"},
    "export.month.9": {"en": "September", "nl": "september"},
    "export.month.10": {"en": "October", "nl": "oktober"},
    "export.month.11": {"en": "November", "nl": "november"},
    "export.month.12": {"en": "December", "nl": "december"},
    # --- read back by 'approval receive' (membercheck.approval_block) -----------------------
    "approval.read.ticked": {"en": "Ticked: “{option}”", "nl": "Aangekruist: “{option}”"},
    "approval.read.none_ticked": {"en": "No box ticked.", "nl": "Geen vakje aangekruist."},
    "approval.read.both_ticked": {
        "en": "Both boxes ticked: “{first}” and “{second}”.",
        "nl": "Beide vakjes aangekruist: “{first}” en “{second}”.",
    },
    "approval.read.name": {"en": "Name: {name}", "nl": "Naam: {name}"},
    "approval.read.date": {"en": "Date: {date}", "nl": "Datum: {date}"},
    "approval.read.date_iso": {"en": "Date: {date} ({iso})", "nl": "Datum: {date} ({iso})"},
    "approval.read.signature": {"en": "Signature: {text}", "nl": "Handtekening: {text}"},
    "approval.read.blank": {"en": "(not filled in)", "nl": "(niet ingevuld)"},
    "approval.propose.accept": {
        "en": "Ticked “{option}” and no changes: propose 'interviewer approval accept {id}'.",
        "nl": "“{option}” aangekruist en geen wijzigingen: voorstel 'interviewer approval "
              "accept {id}'.",
    },
    "approval.propose.judge": {
        "en": "Ticked “{option}” and {count} change(s): read the change report, then "
              "'interviewer approval accept {id} --changes minor' (or --changes substantial).",
        "nl": "“{option}” aangekruist en {count} wijziging(en): lees het wijzigingsrapport, "
              "dan 'interviewer approval accept {id} --changes minor' (of --changes "
              "substantial).",
    },
    "approval.propose.check_changes": {
        "en": "Ticked “{option}”, yet the text has {count} change(s): read the change report "
              "and ask the respondent if in doubt; then 'interviewer approval accept {id} "
              "--changes minor' (or --changes substantial).",
        "nl": "“{option}” aangekruist, maar de tekst heeft {count} wijziging(en): lees het "
              "wijzigingsrapport en vraag het de respondent bij twijfel; dan 'interviewer "
              "approval accept {id} --changes minor' (of --changes substantial).",
    },
    "approval.propose.check_unchanged": {
        "en": "Ticked “{option}”, yet the text is unchanged: look for changes sent another way "
              "(comments, margin, e-mail) before 'interviewer approval accept {id}'.",
        "nl": "“{option}” aangekruist, maar de tekst is ongewijzigd: zoek wijzigingen die op "
              "een andere manier kwamen (opmerkingen, kantlijn, e-mail) voor 'interviewer "
              "approval accept {id}'.",
    },
    "approval.propose.ask_both": {
        "en": "Both boxes ticked: ask the respondent which one holds before "
              "'interviewer approval accept {id}'.",
        "nl": "Beide vakjes aangekruist: vraag de respondent welke geldt voor 'interviewer "
              "approval accept {id}'.",
    },
    "approval.propose.ask_none": {
        "en": "No box ticked: this copy is no approval yet; ask the respondent "
              "('interviewer approval remind {id} --channel email') and accept once they "
              "confirm.",
        "nl": "Geen vakje aangekruist: dit exemplaar is nog geen akkoord; vraag het de "
              "respondent ('interviewer approval remind {id} --channel email') en leg het "
              "akkoord vast als die het bevestigt.",
    },
}  # fmt: skip
