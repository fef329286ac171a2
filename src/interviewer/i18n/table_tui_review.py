"""Messages of the review screen's timeline (``tui.screens.review``, key ``g``): one
interview's topics over time, its planned against actual minutes and its coverage."""

MESSAGES: dict[str, dict[str, str]] = {
    "tui.review.key.timeline": {"en": "Timeline", "nl": "Tijdlijn"},
    "tui.review.cmd.timeline": {
        "en": "Timeline of this interview (topics over time, minutes, coverage)",
        "nl": "Tijdlijn van dit interview (onderwerpen in de tijd, minuten, dekking)",
    },
    "tui.review.chart.timeline": {
        "en": "Topics over time (↺: returned to)",
        "nl": "Onderwerpen in de tijd (↺: teruggekeerd)",
    },
    "tui.review.chart.timeline_title": {
        "en": "Interview {respondent}: when each topic was discussed",
        "nl": "Interview {respondent}: wanneer elk onderwerp aan bod kwam",
    },
    "tui.review.chart.unfinished": {"en": "(not finished)", "nl": "(niet afgerond)"},
    "tui.review.chart.time_axis": {
        "en": "minutes since the start",
        "nl": "minuten sinds de start",
    },
    "tui.review.chart.pauses": {"en": "Pauses", "nl": "Pauzes"},
    "tui.review.chart.minutes": {
        "en": "Minutes per topic: planned and in this interview",
        "nl": "Minuten per onderwerp: gepland en in dit interview",
    },
    "tui.review.chart.coverage": {
        "en": "Coverage of the characteristics in this interview",
        "nl": "Dekking van de kenmerken in dit interview",
    },
    "tui.review.chart.empty": {
        "en": "This interview has not started yet: there is no timeline.",
        "nl": "Dit interview is nog niet begonnen: er is geen tijdlijn.",
    },
    "tui.review.chart.visits": {
        "en": "{pauses} pause(s), {paused} in total · returned to: {returned}",
        "nl": "{pauses} pauze(s), samen {paused} · teruggekeerd naar: {returned}",
    },
}
