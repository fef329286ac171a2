"""Texts of the exported documents (transcript, coding document, matrices, guide, letter).

The language follows the protocol (``InterviewProtocol.language``), because a respondent
reads the transcript and the letter in the language the interview was held in.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- transcript for approval ------------------------------------------------------
    "export.transcript.title": {"en": "Interview report", "nl": "Interviewverslag"},
    "export.draft": {
        "en": "DRAFT: this interview was not finished",
        "nl": "CONCEPT: dit interview is niet afgerond",
    },
    "export.meta.study": {"en": "Study", "nl": "Onderzoek"},
    "export.meta.respondent": {"en": "Respondent", "nl": "Respondent"},
    "export.meta.case": {"en": "Case", "nl": "Casus"},
    "export.meta.date": {"en": "Date", "nl": "Datum"},
    "export.meta.duration": {"en": "Duration", "nl": "Duur"},
    "export.meta.interviewer": {"en": "Interviewer", "nl": "Interviewer"},
    "export.meta.participants": {"en": "Participants", "nl": "Deelnemers"},
    "export.meta.role": {"en": "Role", "nl": "Functie"},
    "export.meta.mode": {"en": "Mode", "nl": "Vorm"},
    "export.duration.value": {"en": "{minutes} minutes", "nl": "{minutes} minuten"},
    "export.duration.one": {"en": "1 minute", "nl": "1 minuut"},
    "export.transcript.cover": {
        "en": "This is the report of our interview. Please read it and correct or add "
        "anything you think is missing or not right: write your changes in the text or "
        "in the margin, quoting the line numbers. Once you have approved it, the report "
        "is processed anonymously in the study; your name is never used.",
        "nl": "Dit is het verslag van ons interview. Wilt u het doorlezen en verbeteren of "
        "aanvullen wat volgens u ontbreekt of niet klopt? Zet uw wijzigingen in de tekst of "
        "in de kantlijn, met de regelnummers erbij. Als u het verslag heeft goedgekeurd, "
        "wordt het anoniem verwerkt in het onderzoek; uw naam wordt nergens gebruikt.",
    },
    "export.transcript.no_notes": {
        "en": "No notes were recorded in this interview.",
        "nl": "Er zijn bij dit interview geen aantekeningen gemaakt.",
    },
    "export.transcript.no_answer": {"en": "(no notes)", "nl": "(geen aantekeningen)"},
    "export.transcript.closing": {"en": "Closing questions", "nl": "Afrondende vragen"},
    "export.transcript.continued": {"en": "{title} (continued)", "nl": "{title} (vervolg)"},
    "export.transcript.question": {"en": "Question", "nl": "Vraag"},
    "export.transcript.answer": {"en": "Answer", "nl": "Antwoord"},
    "export.approval.title": {"en": "Approval", "nl": "Akkoord"},
    "export.approval.as_is": {
        "en": "☐ I approve this report as it is.",
        "nl": "☐ Ik ga akkoord met dit verslag zoals het is.",
    },
    "export.approval.with_changes": {
        "en": "☐ I approve this report with the changes I marked.",
        "nl": "☐ Ik ga akkoord met dit verslag met de wijzigingen die ik heb aangegeven.",
    },
    "export.approval.date": {
        "en": "Date: ____________________",
        "nl": "Datum: ____________________",
    },
    "export.approval.signature": {
        "en": "Signature: ____________________",
        "nl": "Handtekening: ____________________",
    },
    "export.approval.code": {"en": "Respondent code: {code}", "nl": "Respondentcode: {code}"},
    # --- coding document ----------------------------------------------------------------
    "export.coding.title": {"en": "Coding document", "nl": "Codeerdocument"},
    "export.coding.codebook": {"en": "Codebook", "nl": "Codeboek"},
    "export.coding.col.code": {"en": "Code", "nl": "Code"},
    "export.coding.col.colour": {"en": "Colour", "nl": "Kleur"},
    "export.coding.col.description": {"en": "Description", "nl": "Omschrijving"},
    "export.coding.col.characteristics": {"en": "Characteristics", "nl": "Kenmerken"},
    "export.coding.col.text": {"en": "Text", "nl": "Tekst"},
    "export.coding.col.memo": {"en": "Code / memo", "nl": "Code / memo"},
    "export.coding.closing": {"en": "Closing questions", "nl": "Afrondende vragen"},
    "export.coding.unapproved": {
        "en": "NOT APPROVED: the respondent has not approved this transcript ({state}).",
        "nl": "NIET GOEDGEKEURD: de respondent heeft dit verslag niet goedgekeurd ({state}).",
    },
    "export.coding.unapproved_header": {
        "en": "Respondent {code}: transcript not approved ({state})",
        "nl": "Respondent {code}: verslag niet goedgekeurd ({state})",
    },
    "export.coding.extra_untagged": {
        "en": "{name} (not tied to a variable)",
        "nl": "{name} (niet aan een variabele gekoppeld)",
    },
    "export.coding.status": {"en": "Status", "nl": "Status"},
    "export.coding.not_approved": {
        "en": "NOT APPROVED by the respondent ({state})",
        "nl": "NIET GOEDGEKEURD door de respondent ({state})",
    },
    "export.coding.unfinished": {
        "en": "DRAFT, the interview was not finished",
        "nl": "CONCEPT, het interview is niet afgerond",
    },
    "export.coding.tags": {"en": "Also coded as", "nl": "Ook gecodeerd als"},
    # Word's highlight colours by protocol name, as the codebook shows them.
    "export.colour.yellow": {"en": "yellow", "nl": "geel"},
    "export.colour.bright-green": {"en": "bright green", "nl": "felgroen"},
    "export.colour.turquoise": {"en": "turquoise", "nl": "turquoise"},
    "export.colour.pink": {"en": "pink", "nl": "roze"},
    "export.colour.blue": {"en": "blue", "nl": "blauw"},
    "export.colour.red": {"en": "red", "nl": "rood"},
    "export.colour.dark-blue": {"en": "dark blue", "nl": "donkerblauw"},
    "export.colour.teal": {"en": "teal", "nl": "blauwgroen"},
    "export.colour.green": {"en": "green", "nl": "groen"},
    "export.colour.violet": {"en": "violet", "nl": "violet"},
    "export.colour.dark-red": {"en": "dark red", "nl": "donkerrood"},
    "export.colour.dark-yellow": {"en": "dark yellow", "nl": "donkergeel"},
    "export.colour.gray-50": {"en": "grey 50%", "nl": "grijs 50%"},
    "export.colour.gray-25": {"en": "grey 25%", "nl": "grijs 25%"},
    "export.colour.black": {"en": "black", "nl": "zwart"},
    # --- page furniture of every Word and Excel document ---------------------------------
    "export.page.draft": {"en": "DRAFT", "nl": "CONCEPT"},
    "export.page.footer": {"en": "page {page} of {pages}", "nl": "pagina {page} van {pages}"},
    # --- matrices -------------------------------------------------------------------------
    "export.matrix.title": {"en": "Data matrix {case}", "nl": "Datamatrix {case}"},
    "export.matrix.legend": {
        "en": "BP/KP = best practices/bottlenecks",
        "nl": "BP/KP = best practices/knelpunten",
    },
    "export.matrix.variable": {"en": "Variable", "nl": "Variabele"},
    "export.matrix.characteristic": {"en": "Characteristic", "nl": "Kenmerk"},
    "export.matrix.respondent": {"en": "Respondent {code}", "nl": "Respondent {code}"},
    "export.matrix.interim": {"en": "Interim conclusion", "nl": "Tussenconclusie"},
    "export.matrix.other_info": {
        "en": "Other interesting information",
        "nl": "Overige interessante informatie",
    },
    "export.matrix.other": {"en": "Other", "nl": "Overig"},
    "export.matrix.compare_title": {"en": "Comparative analysis", "nl": "Vergelijkende analyse"},
    "export.matrix.compare_header": {
        "en": "Comparison of the experiences of respondents from the different cases",
        "nl": "Vergelijking ervaringen respondenten uit de verschillende cases",
    },
    "export.matrix.answers_title": {
        "en": "Yes/no answers per case",
        "nl": "Ja/nee-antwoorden per case",
    },
    "export.matrix.answers_cell": {
        "en": "Yes {yes}, No {no}, notes only {notes}, none {none}",
        "nl": "Ja {yes}, Nee {no}, alleen notities {notes}, geen {none}",
    },
    "export.matrix.topic_other": {
        "en": "Other (no characteristic)",
        "nl": "Overig (zonder kenmerk)",
    },
    "export.matrix.unapproved": {
        "en": "{header} (approval: {state})",
        "nl": "{header} (goedkeuring: {state})",
    },
    "export.matrix.continued": {"en": "(continued)", "nl": "(vervolg)"},
    "export.matrix.time_title": {
        "en": "Time per topic (minutes, pauses excluded)",
        "nl": "Tijd per onderwerp (minuten, zonder pauzes)",
    },
    "export.matrix.time_total": {"en": "Total", "nl": "Totaal"},
    "export.matrix.time_closing": {"en": "Closing", "nl": "Afronding"},
    "export.matrix.sheet_main": {"en": "Matrix", "nl": "Matrix"},
    "export.matrix.sheet_other": {"en": "Other information", "nl": "Overige informatie"},
    "export.matrix.sheet_time": {"en": "Time per topic", "nl": "Tijd per onderwerp"},
    "export.matrix.sheet_answers": {"en": "Yes-no answers", "nl": "Ja-nee-antwoorden"},
    # --- interview guide -------------------------------------------------------------------
    "export.guide.title": {"en": "Interview guide", "nl": "Interviewleidraad"},
    "export.guide.meta": {
        "en": "Planned duration: {minutes} minutes. Mode: {mode}. Version {version}.",
        "nl": "Geplande duur: {minutes} minuten. Vorm: {mode}. Versie {version}.",
    },
    "export.guide.introduction": {"en": "Introduction", "nl": "Inleiding"},
    "export.guide.checklist": {"en": "Checklist", "nl": "Checklist"},
    "export.guide.required": {"en": "(required)", "nl": "(verplicht)"},
    "export.guide.topic_meta": {
        "en": "Variable: {variable}. Planned: {minutes} min, from {start}.",
        "nl": "Variabele: {variable}. Gepland: {minutes} min, vanaf {start}.",
    },
    "export.guide.closing_meta": {
        "en": "Planned: {minutes} min, from {start}.",
        "nl": "Gepland: {minutes} min, vanaf {start}.",
    },
    "export.guide.clock_note": {
        "en": "Times are counted from the start of the first topic (0:00).",
        "nl": "Tijden tellen vanaf het begin van het eerste onderwerp (0:00).",
    },
    "export.guide.covered": {"en": "Covered:", "nl": "Besproken:"},
    "export.guide.characteristic": {"en": "measures: {label}", "nl": "meet: {label}"},
    "export.guide.alternative": {"en": "Or:", "nl": "Of:"},
    "export.guide.group_wording": {"en": "To a group:", "nl": "Aan een groep:"},
    "export.guide.group_alternative": {"en": "Or, to a group:", "nl": "Of, aan een groep:"},
    "export.guide.only_individual": {
        "en": "only in individual interviews",
        "nl": "alleen in individuele interviews",
    },
    "export.guide.only_group": {
        "en": "only in group interviews",
        "nl": "alleen in groepsinterviews",
    },
    "export.guide.instruction": {"en": "Note for the interviewer:", "nl": "Voor de interviewer:"},
    "export.guide.parts": {"en": "Note in parts: {parts}", "nl": "Notities in delen: {parts}"},
    "export.guide.answer": {"en": "Answer: {values}", "nl": "Antwoord: {values}"},
    "export.guide.closing": {"en": "Closing questions", "nl": "Afrondende vragen"},
    "export.guide.ending": {"en": "Ending", "nl": "Afsluiting"},
    "export.guide.notes_line": {"en": "Notes: ", "nl": "Aantekeningen: "},
    "export.guide.probe_priority": {"en": "priority {n}", "nl": "prioriteit {n}"},
    # --- invitation letter ------------------------------------------------------------------
    "export.letter.greeting.one": {"en": "Dear participant,", "nl": "Beste deelnemer,"},
    "export.letter.greeting.group": {"en": "Dear participants,", "nl": "Beste deelnemers,"},
    "export.letter.intro.one": {
        "en": 'We will soon meet for an interview about the subject of my study: "{title}". '
        "In this letter I tell you a little more about it, so that you can already think "
        "about the subject of our conversation.",
        "nl": "Binnenkort treffen we elkaar in een gesprek over het onderwerp van mijn "
        'onderzoek: "{title}". Graag vertel ik u in deze brief iets meer over het onderzoek, '
        "zodat u alvast kunt nadenken over het onderwerp van gesprek.",
    },
    "export.letter.intro.group": {
        "en": 'We will soon meet for a conversation about the subject of my study: "{title}". '
        "In this letter I tell you a little more about it, so that you can already think "
        "about the subject of our conversation.",
        "nl": "Binnenkort treffen we elkaar in een gesprek over het onderwerp van mijn "
        'onderzoek: "{title}". Graag vertel ik jullie in deze brief iets meer over het '
        "onderzoek, zodat jullie alvast kunnen nadenken over het onderwerp van gesprek.",
    },
    "export.letter.themes.one": {
        "en": "In the interview we will talk about the following themes:",
        "nl": "In het gesprek gaan we in op de volgende thema's:",
    },
    "export.letter.themes.group": {
        "en": "In the conversation we will talk about the following themes:",
        "nl": "In het gesprek gaan we in op de volgende thema's:",
    },
    "export.letter.practical.one": {
        "en": "The interview takes about {minutes} minutes. What you tell me is treated "
        "confidentially and processed anonymously.",
        "nl": "Het gesprek duurt ongeveer {minutes} minuten. Wat u vertelt wordt "
        "vertrouwelijk behandeld en anoniem verwerkt.",
    },
    "export.letter.practical.group": {
        "en": "The conversation takes about {minutes} minutes. What you tell me is treated "
        "confidentially and processed anonymously.",
        "nl": "Het gesprek duurt ongeveer {minutes} minuten. Wat jullie vertellen wordt "
        "vertrouwelijk behandeld en anoniem verwerkt.",
    },
    "export.letter.questions.one": {
        "en": "If you have any questions, please do not hesitate to contact me.",
        "nl": "Heeft u nog vragen, schroom dan niet om contact met mij op te nemen.",
    },
    "export.letter.questions.group": {
        "en": "If you have any questions, please do not hesitate to contact me.",
        "nl": "Hebben jullie nog vragen, schroom dan niet om contact met mij op te nemen.",
    },
    "export.letter.regards": {"en": "Kind regards,", "nl": "Tot spoedig ziens,"},
    "export.letter.and": {"en": " and ", "nl": " en "},
    "export.letter.name": {"en": "[name of researcher]", "nl": "[naam onderzoeker]"},
    "export.letter.phone": {"en": "[phone number]", "nl": "[telefoonnummer onderzoeker]"},
    "export.letter.email": {"en": "[email address]", "nl": "[e-mailadres onderzoeker]"},
    # --- qdpx ------------------------------------------------------------------------------
    "export.qdpx.case_variable": {"en": "Case", "nl": "Casus"},
    "export.qdpx.role_variable": {"en": "Role", "nl": "Functie"},
    "export.qdpx.mode_variable": {"en": "Mode", "nl": "Vorm"},
    "export.qdpx.duration_variable": {"en": "Duration (minutes)", "nl": "Duur (minuten)"},
    # --- format names for the TUI's export dialog ----------------------------------------
    "export.format.transcript-docx": {
        "en": "Transcript for approval (Word)",
        "nl": "Verslag ter goedkeuring (Word)",
    },
    "export.format.transcript-md": {
        "en": "Transcript for approval (Markdown)",
        "nl": "Verslag ter goedkeuring (Markdown)",
    },
    "export.format.coding-docx": {
        "en": "Coding document (Word)",
        "nl": "Codeerdocument (Word)",
    },
    "export.format.qdpx": {
        "en": "REFI-QDA project (NVivo, ATLAS.ti, MAXQDA)",
        "nl": "REFI-QDA-project (NVivo, ATLAS.ti, MAXQDA)",
    },
    "export.format.qdc": {"en": "REFI-QDA codebook", "nl": "REFI-QDA-codeboek"},
    "export.format.json": {"en": "Portable JSON", "nl": "Overdraagbare JSON"},
    "export.format.json-shared": {
        "en": "Portable JSON, pseudonymised for sharing",
        "nl": "Overdraagbare JSON, gepseudonimiseerd om te delen",
    },
    "export.format.matrix-docx": {"en": "Data matrix (Word)", "nl": "Datamatrix (Word)"},
    "export.format.matrix-csv": {"en": "Data matrix (CSV)", "nl": "Datamatrix (CSV)"},
    "export.format.matrix-xlsx": {"en": "Data matrix (Excel)", "nl": "Datamatrix (Excel)"},
    "export.format.compare-docx": {
        "en": "Comparative matrix (Word)",
        "nl": "Vergelijkende matrix (Word)",
    },
    "export.format.compare-csv": {
        "en": "Comparative matrix (CSV)",
        "nl": "Vergelijkende matrix (CSV)",
    },
    "export.format.compare-xlsx": {
        "en": "Comparative matrix (Excel)",
        "nl": "Vergelijkende matrix (Excel)",
    },
    # --- verbatim transcript of the recording (--verbatim) -------------------------------
    "export.verbatim.memo": {"en": "Interviewer memo", "nl": "Memo interviewer"},
    "export.verbatim.memo_final": {
        "en": "Interviewer memo (approved text)",
        "nl": "Memo interviewer (goedgekeurde tekst)",
    },
    "export.verbatim.cover": {
        "en": "Below is what was said, word for word from the recording, per question. The "
        'interviewer\'s own notes follow each question, marked "Interviewer memo". '
        "Time stamps refer to the recording.",
        "nl": "Hieronder staat per vraag wat er letterlijk is gezegd, uitgeschreven uit de "
        "opname. Na elke vraag volgen de aantekeningen van de interviewer, gemarkeerd als "
        '"Memo interviewer". Tijdsaanduidingen verwijzen naar de opname.',
    },
    "export.verbatim.outside": {
        "en": "Spoken while no question was open",
        "nl": "Gezegd terwijl er geen vraag openstond",
    },
    "export.verbatim.outside_topic": {
        "en": "On this topic, outside its questions",
        "nl": "Bij dit onderwerp, buiten de vragen",
    },
    "export.verbatim.no_speech": {
        "en": "(nothing in the recording for this question)",
        "nl": "(niets in de opname bij deze vraag)",
    },
    "export.verbatim.missing": {
        "en": "session {id} ({case} {respondent}) has no transcript of its recording; import "
        "one with 'interviewer transcript import {id} FILE' or export without --verbatim",
        "nl": "sessie {id} ({case} {respondent}) heeft geen transcript van de opname; importeer "
        "er een met 'interviewer transcript import {id} BESTAND' of exporteer zonder --verbatim",
    },
    "export.verbatim.final_note": {
        "en": "session {id}: the approved text is used as interviewer memo; the verbatim "
        "segments are as recorded (the member check does not change them)",
        "nl": "sessie {id}: de goedgekeurde tekst is gebruikt als memo interviewer; de "
        "letterlijke fragmenten staan er zoals opgenomen (de membercheck wijzigt ze niet)",
    },
    "export.verbatim.memo_col": {"en": "Memo", "nl": "Memo"},
}
