"""Messages of the member check (approval workflow, change report) and pseudonymisation."""

MESSAGES: dict[str, dict[str, str]] = {
    # Approval states (also the case variable in the matrix and the REFI-QDA project).
    "membercheck.state.not-sent": {"en": "not sent", "nl": "niet verstuurd"},
    "membercheck.state.sent": {"en": "sent", "nl": "verstuurd"},
    "membercheck.state.reminded": {"en": "reminded", "nl": "herinnerd"},
    "membercheck.state.returned": {"en": "returned, awaiting decision",
                                   "nl": "teruggekregen, nog te beoordelen"},
    "membercheck.state.approved-unchanged": {"en": "approved unchanged",
                                             "nl": "goedgekeurd zonder wijzigingen"},
    "membercheck.state.approved-minor": {"en": "approved with minor changes",
                                         "nl": "goedgekeurd met kleine wijzigingen"},
    "membercheck.state.approved-substantial": {"en": "approved with substantial changes",
                                               "nl": "goedgekeurd met grote wijzigingen"},
    "membercheck.state.no-response": {"en": "no response, deadline passed (used as sent)",
                                      "nl": "geen reactie, termijn verstreken (gebruikt zoals "
                                            "verstuurd)"},
    "membercheck.matrix.approval_row": {"en": "Transcript approval (member check)",
                                        "nl": "Goedkeuring verslag (member check)"},
    "membercheck.qdpx.approval_variable": {"en": "Transcript approval",
                                           "nl": "Goedkeuring verslag"},
    # Change kinds and the change report.
    "membercheck.change.deleted": {"en": "deleted", "nl": "verwijderd"},
    "membercheck.change.added": {"en": "added", "nl": "toegevoegd"},
    "membercheck.change.changed": {"en": "changed", "nl": "gewijzigd"},
    "membercheck.report.title": {"en": "Changes to the transcript of respondent {respondent}",
                                 "nl": "Wijzigingen in het verslag van respondent {respondent}"},
    "membercheck.report.sent": {"en": "Sent", "nl": "Verstuurd"},
    "membercheck.report.returned": {"en": "Returned", "nl": "Teruggekregen"},
    "membercheck.report.version": {"en": "version {number} of {date} (sha256 {sha}…)",
                                   "nl": "versie {number} van {date} (sha256 {sha}…)"},
    "membercheck.report.none": {"en": "No changes to the transcript.",
                                "nl": "Geen wijzigingen in het verslag."},
    "membercheck.report.summary": {
        "en": "{total} paragraph(s) of the transcript differ: {deleted} deleted, {added} added, "
              "{changed} changed.",
        "nl": "{total} alinea('s) van het verslag verschillen: {deleted} verwijderd, {added} "
              "toegevoegd, {changed} gewijzigd.",
    },
    "membercheck.report.transcript": {"en": "Changes to the transcript",
                                      "nl": "Wijzigingen in het verslag"},
    "membercheck.report.header": {"en": "Changes to the title block",
                                  "nl": "Wijzigingen in de kop"},
    "membercheck.report.approval_block": {"en": "Approval block as filled in",
                                          "nl": "Akkoordverklaring zoals ingevuld"},
    "membercheck.report.nothing": {"en": "None.", "nl": "Geen."},
    "membercheck.report.where": {"en": "{sent} → {returned}", "nl": "{sent} → {returned}"},
    "membercheck.report.col.where": {
        "en": "Paragraph (sent → returned)",
        "nl": "Alinea (verstuurd → terug)",
    },
    "membercheck.report.col.kind": {"en": "Change", "nl": "Wijziging"},
    "membercheck.report.col.text": {"en": "Text", "nl": "Tekst"},
    "membercheck.report.more": {
        "en": "{count} more changes are listed in the Markdown report ({file}).",
        "nl": "Nog {count} wijzigingen staan in het Markdown-rapport ({file}).",
    },
    "membercheck.report.legend": {"en": "Legend:", "nl": "Legenda:"},
    "membercheck.report.legend_del": {"en": "deleted text", "nl": "verwijderde tekst"},
    "membercheck.report.legend_ins": {"en": "added text", "nl": "toegevoegde tekst"},
    "membercheck.report.legend_md": {
        "en": "Paragraph numbers count the non-empty paragraphs of each version. "
              "~~struck~~ = deleted, **bold** = added.",
        "nl": "Alineanummers tellen de niet-lege alinea's van elke versie. "
              "~~doorgehaald~~ = verwijderd, **vet** = toegevoegd.",
    },
    # Code list.
    "pseudonym.codelist.title": {"en": "Respondent code list", "nl": "Codelijst respondenten"},
    "pseudonym.codelist.entry": {"en": "Respondent {code}: {role}",
                                 "nl": "Respondent {code}: {role}"},
    "pseudonym.codelist.code": {"en": "Code", "nl": "Code"},
    "pseudonym.codelist.role": {"en": "Role", "nl": "Functie"},
    # Command line.
    "membercheck.overdue": {"en": "OVERDUE: record the decision (approval accept)",
                            "nl": "TERMIJN VERSTREKEN: leg de beslissing vast (approval accept)"},
    "membercheck.cli.sent": {
        "en": "{path}\nTranscript of {code} recorded as sent; deadline {deadline} "
              "(sha256 {sha}…).",
        "nl": "{path}\nVerslag van {code} vastgelegd als verstuurd; termijn {deadline} "
              "(sha256 {sha}…).",
    },
    "membercheck.cli.send_to": {"en": "Send to: {address}", "nl": "Sturen naar: {address}"},
    "membercheck.cli.reminded": {
        "en": "Reminder {count} for {code} by {channel} recorded; deadline {deadline}.",
        "nl": "Herinnering {count} aan {code} via {channel} vastgelegd; termijn {deadline}.",
    },
    "membercheck.cli.received": {
        "en": "Returned transcript of {code} imported: {deleted} deleted, {added} added, "
              "{changed} changed paragraph(s).",
        "nl": "Teruggestuurd verslag van {code} ingelezen: {deleted} verwijderd, {added} "
              "toegevoegd, {changed} gewijzigd.",
    },
    "membercheck.cli.report": {"en": "Change report: {path}", "nl": "Wijzigingsrapport: {path}"},
    "membercheck.cli.accepted": {"en": "Transcript of {code} is final: {state}.",
                                 "nl": "Verslag van {code} is definitief: {state}."},
    "membercheck.cli.none": {"en": "No sessions.", "nl": "Geen sessies."},
    "membercheck.cli.not_sent": {"en": "The transcript of {code} has not been sent.",
                                 "nl": "Het verslag van {code} is niet verstuurd."},
    "membercheck.cli.no_keys": {"en": "The key file has no records.",
                                "nl": "Het sleutelbestand is leeg."},
    "membercheck.cli.key_written": {
        "en": "{path}: {count} key record(s) with real names. Keep this file safe.",
        "nl": "{path}: {count} sleutelregel(s) met echte namen. Bewaar dit bestand veilig.",
    },
    "membercheck.cli.key_protected": {
        "en": "The key file is protected: {path} ({name} is gone). Interviews go on without "
              "the passphrase; showing names asks for it. Keep the passphrase safe: without "
              "it nobody can read the names, you included.",
        "nl": "Het sleutelbestand is beveiligd: {path} ({name} is weg). Interviews gaan door "
              "zonder de wachtzin; namen tonen vraagt erom. Bewaar de wachtzin goed: zonder "
              "kan niemand de namen lezen, u ook niet.",
    },
    "membercheck.cli.key_unprotected": {
        "en": "The key file is readable without a passphrase again: {path}.",
        "nl": "Het sleutelbestand is weer zonder wachtzin leesbaar: {path}.",
    },
    "membercheck.cli.key_passphrase_changed": {
        "en": "The passphrase of the key file is changed.",
        "nl": "De wachtzin van het sleutelbestand is gewijzigd.",
    },
    "membercheck.cli.passphrase": {"en": "Passphrase for the key file",
                                   "nl": "Wachtzin voor het sleutelbestand"},
    "membercheck.cli.passphrase_new": {"en": "New passphrase for the key file",
                                       "nl": "Nieuwe wachtzin voor het sleutelbestand"},
    "membercheck.cli.passphrase_repeat": {"en": "The same passphrase again",
                                          "nl": "Dezelfde wachtzin nog eens"},
    "membercheck.cli.passphrase_differ": {"en": "The two passphrases differ.",
                                          "nl": "De twee wachtzinnen verschillen."},
    "membercheck.cli.passphrase_file": {
        "en": "{path}: cannot read the passphrase ({error})",
        "nl": "{path}: kan de wachtzin niet lezen ({error})",
    },
    "membercheck.cli.case_not_replaced": {
        "en": "warning: case {case!r} is not on the replacement list; its name is in the list "
              "(add it with 'interviewer replace add')",
        "nl": "waarschuwing: case {case!r} staat niet op de vervangingslijst; de naam staat in "
              "de lijst (voeg toe met 'interviewer replace add')",
    },
    "membercheck.cli.replace_added": {"en": "Replacement list: {count} name(s).",
                                      "nl": "Vervangingslijst: {count} naam/namen."},
    "membercheck.cli.replace_removed": {"en": "Replacement list: {count} name(s).",
                                        "nl": "Vervangingslijst: {count} naam/namen."},
    "membercheck.cli.replace_empty": {"en": "The replacement list is empty.",
                                      "nl": "De vervangingslijst is leeg."},
    "membercheck.cli.warn": {
        "en": "warning: the transcript of {code} ({case}) is not approved yet: {state}, "
              "deadline {deadline}",
        "nl": "waarschuwing: het verslag van {code} ({case}) is nog niet goedgekeurd: {state}, "
              "termijn {deadline}",
    },
    "membercheck.cli.refuse": {
        "en": "not approved: {code} ({case}): {state}, deadline {deadline}",
        "nl": "niet goedgekeurd: {code} ({case}): {state}, termijn {deadline}",
    },
    "membercheck.cli.refused": {
        "en": "--approved-only: {count} transcript(s) not approved and not past the deadline; "
              "nothing exported",
        "nl": "--approved-only: {count} verslag(en) niet goedgekeurd en termijn niet verstreken; "
              "niets geëxporteerd",
    },
    "membercheck.cli.replaced": {
        "en": "replaced {name!r} by {pseudonym!r}: {count}×",
        "nl": "{name!r} vervangen door {pseudonym!r}: {count}×",
    },
    "membercheck.col.id": {"en": "ID", "nl": "ID"},
    "membercheck.col.case": {"en": "Case", "nl": "Casus"},
    "membercheck.col.code": {"en": "Code", "nl": "Code"},
    "membercheck.col.state": {"en": "State", "nl": "Status"},
    "membercheck.col.sent": {"en": "Sent", "nl": "Verstuurd"},
    "membercheck.col.deadline": {"en": "Deadline", "nl": "Termijn"},
    "membercheck.col.reminders": {"en": "Reminders", "nl": "Herinneringen"},
}  # fmt: skip
