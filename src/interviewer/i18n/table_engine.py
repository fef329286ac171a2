"""Messages of the timing and guidance engine (pace, advice, follow-ups) and the demo command."""

MESSAGES: dict[str, dict[str, str]] = {
    "engine.pace.not_started": {"en": "not started", "nl": "nog niet begonnen"},
    "engine.pace.on_track": {"en": "on track", "nl": "op schema"},
    "engine.pace.behind": {"en": "behind {minutes} min", "nl": "{minutes} min achter"},
    "engine.pace.ahead": {"en": "ahead {minutes} min", "nl": "{minutes} min voor"},
    "engine.pace.too_early": {"en": "too early to tell", "nl": "nog niet te zeggen"},
    "engine.pace.finished": {"en": "finished", "nl": "afgerond"},
    "engine.pace.finished_over": {
        "en": "finished, {minutes} min over time",
        "nl": "afgerond, {minutes} min uitgelopen",
    },
    "engine.advice.drop_probe": {
        "en": "skip this probe (priority {priority}): behind {minutes} min",
        "nl": "sla deze doorvraag over (prioriteit {priority}): {minutes} min achter",
    },
    "engine.advice.drop_probe_any": {
        "en": "skip this probe (no priority set): behind {minutes} min",
        "nl": "sla deze doorvraag over (geen prioriteit): {minutes} min achter",
    },
    "engine.advice.shortfall": {
        "en": "even without probes the main questions need {minutes} min more than is left",
        "nl": "ook zonder doorvragen hebben de hoofdvragen {minutes} min meer nodig dan er over is",
    },
    "engine.advice.redistributed": {
        "en": "now {minutes} min left (planned {planned} min)",
        "nl": "nu nog {minutes} min (gepland {planned} min)",
    },
    "engine.topic.over": {"en": "{minutes} min over", "nl": "{minutes} min uitgelopen"},
    "engine.plan.head": {"en": "To catch up:", "nl": "Achterstand inlopen:"},
    "engine.plan.head_short": {
        "en": "To catch up ({minutes} min short even without probes):",
        "nl": "Achterstand inlopen (ook zonder doorvragen {minutes} min te kort):",
    },
    "engine.plan.topic_short": {"en": "{topic} ≤{minutes} min", "nl": "{topic} ≤{minutes} min"},
    "engine.plan.topic_wrap_up": {"en": "{topic}: wrap up", "nl": "{topic}: afronden"},
    "engine.plan.topic_shortest": {
        "en": "{topic} as short as possible",
        "nl": "{topic} zo kort mogelijk",
    },
    "engine.plan.ask": {"en": "ask {questions}", "nl": "vraag {questions}"},
    "engine.plan.drop_one": {
        "en": "skip probe {questions}",
        "nl": "doorvraag {questions} overslaan",
    },
    "engine.plan.drop_many": {
        "en": "skip probes {questions}",
        "nl": "doorvragen {questions} overslaan",
    },
    "engine.followup.because": {
        "en": "because the answer to '{question}' was {answer}",
        "nl": "omdat het antwoord op '{question}' {answer} was",
    },
    "engine.followup.not_applicable": {
        "en": "not applicable: the answer to '{question}' was {answer}",
        "nl": "niet van toepassing: het antwoord op '{question}' was {answer}",
    },
    "engine.answer.yes": {"en": "yes", "nl": "ja"},
    "engine.answer.no": {"en": "no", "nl": "nee"},
    "engine.coverage.missing": {
        "en": "not yet covered: {items}",
        "nl": "nog niet aan bod gekomen: {items}",
    },
    "engine.coverage.complete": {
        "en": "all characteristics covered",
        "nl": "alle kenmerken gedekt",
    },
    "engine.demo.created": {
        "en": "Created {count} demo sessions in case {case} ({words} words) in {folder}",
        "nl": "{count} demosessies aangemaakt in casus {case} ({words} woorden) in {folder}",
    },
    "engine.demo.created.one": {
        "en": "Created {count} demo session in case {case} ({words} words) in {folder}",
        "nl": "{count} demosessie aangemaakt in casus {case} ({words} woorden) in {folder}",
    },
    "engine.demo.session": {
        "en": "{id}  respondent {respondent}  {minutes} min  {words} words",
        "nl": "{id}  respondent {respondent}  {minutes} min  {words} woorden",
    },
}
