"""Word banks and sentence templates for demo notes, in Dutch and English.

The sentences sound like answers of professionals in a social (neighbourhood) team about
their cooperation: varied enough to read as an interview, built only from the banks below,
so the same seed always gives the same text. Dutch templates respect verb order (verb second
in main clauses, verb last after "dat"/"als").
"""

from __future__ import annotations

import random
from collections.abc import Callable

Bank = dict[str, tuple[str, ...]]

NL: Bank = {
    "np": (
        "de samenwerking",
        "het overleg",
        "de casusbespreking",
        "het contact met de huisarts",
        "de afstemming met de wijkverpleging",
        "de overdracht naar de tweede lijn",
        "het wekelijkse teamoverleg",
        "de samenwerking met het jeugdteam",
        "het keukentafelgesprek",
        "de terugkoppeling",
        "de rolverdeling in het team",
        "het delen van informatie",
        "de communicatie met de coördinator",
        "de samenwerking met de woningcorporatie",
        "het contact met de school",
    ),
    "verb": ("verloopt", "werkt", "loopt", "gaat"),
    "adv": (
        "over het algemeen goed",
        "eigenlijk best prima",
        "wisselend",
        "steeds beter",
        "nog niet optimaal",
        "soms wat stroef",
        "redelijk soepel",
        "een stuk beter dan vroeger",
        "niet altijd even makkelijk",
        "heel goed",
        "per casus verschillend",
    ),
    "opener": (
        "Ik denk dat",
        "Ik merk wel dat",
        "Wat je ziet is dat",
        "Ik heb het idee dat",
        "Collega's zeggen ook dat",
        "Het valt me op dat",
        "Eerlijk gezegd vind ik dat",
        "Je ziet wel dat",
        "Ik zou zeggen dat",
        "Mijn ervaring is dat",
    ),
    "time": (
        "Sinds vorig jaar",
        "De laatste tijd",
        "In het begin",
        "Op dit moment",
        "Bij ons in het team",
        "Vanuit mijn eigen organisatie gezien",
        "In drukke periodes",
        "Na de reorganisatie",
    ),
    "example": (
        "een gezin met schulden waar drie organisaties tegelijk bij betrokken waren",
        "een oudere meneer die zorg mijdt en waar we samen met de wijkagent op af zijn gegaan",
        "een casus waarbij de school, het jeugdteam en de Wmo samen één plan maakten",
        "een moeder met drie kinderen die van loket naar loket werd gestuurd",
        "een jongere die net achttien werd en ineens buiten alle regelingen viel",
        "een melding van overlast waar uiteindelijk psychische problemen achter zaten",
        "een echtpaar waarvan de mantelzorger zelf overbelast raakte",
    ),
    "actor": (
        "de coördinator",
        "een collega van de wijkverpleging",
        "de Wmo-consulent",
        "iemand van het jeugdteam",
        "de schuldhulpverlener",
        "de huisarts",
        "de teamleider",
        "een nieuwe collega",
        "de maatschappelijk werker",
        "de wijkagent",
    ),
    "action_sub": (
        "op tijd aan tafel zit",
        "de lijntjes kort houdt",
        "even belt voordat er een besluit valt",
        "de afspraken goed vastlegt",
        "meedenkt buiten de eigen kaders",
        "weet wat de ander doet",
        "zich kwetsbaar durft op te stellen",
        "tijd vrijmaakt voor het overleg",
        "de cliënt zelf aan het woord laat",
        "eerlijk zegt wat wel en niet kan",
    ),
    "action_main": (
        "neemt vaak het voortouw",
        "schuift niet altijd aan bij het overleg",
        "heeft weinig uren voor het sociaal team",
        "deelt veel kennis met de rest van het team",
        "brengt een heel andere blik mee",
        "moet vaak eerst toestemming vragen aan de eigen organisatie",
        "kent de wijk heel goed",
    ),
    "improvement": (
        "de terugkoppeling na een casusoverleg",
        "het vastleggen van afspraken",
        "de bereikbaarheid van de tweede lijn",
        "het inwerken van nieuwe collega's",
        "de verdeling van de uren tussen de organisaties",
        "het gezamenlijk scholen",
        "de duidelijkheid over wie de regie heeft",
        "het elkaar aanspreken op afspraken",
    ),
    "situation": (
        "complexe casussen",
        "multiprobleemgezinnen",
        "crisissituaties",
        "drukke periodes",
        "vakantieperiodes",
        "nieuwe aanmeldingen",
        "casussen met veel betrokken partijen",
    ),
    "discussion": (
        "al vaker gesproken",
        "pas geleden nog een sessie gehad",
        "eigenlijk nooit echt afspraken gemaakt",
        "een keer een heidag georganiseerd",
        "een keer intervisie gehad",
    ),
    "kw_effect": (
        "echt bijdraagt aan de samenwerking",
        "soms onderschat wordt",
        "meer aandacht mag krijgen",
        "voor iedereen iets anders betekent",
        "vooral in het begin belangrijk was",
        "het verschil maakt bij moeilijke casussen",
    ),
    "filler": (
        "Ja, dat is een goede vraag.",
        "Hm, even denken.",
        "Dat vind ik lastig te zeggen.",
        "Nou, dat wisselt eigenlijk.",
        "Dat is wel een punt ja.",
        "Goed dat u dat vraagt.",
        "Ja, zeker.",
        "Laat ik het zo zeggen.",
    ),
    "yes": ("Ja.", "Ja, zeker.", "Ja, dat wel.", "Ja, dat is zeker zo."),
    "no": ("Nee, eigenlijk niet.", "Nee, niet echt.", "Nee, dat heb ik niet.", "Nee."),
    "probe": (
        "Vraagt door: kunt u daar een voorbeeld van geven?",
        "Vraagt of de anderen dat herkennen.",
        "Vraagt door: wat betekent dat voor {kw}?",
        "Vat samen en vraagt of dat klopt.",
    ),
}

EN: Bank = {
    "np": (
        "the cooperation",
        "the team meeting",
        "the case discussion",
        "contact with the GP",
        "coordination with the district nurses",
        "the handover to specialist care",
        "the weekly team meeting",
        "cooperation with the youth team",
        "the home visit",
        "the feedback loop",
        "the division of roles in the team",
        "sharing information",
        "communication with the coordinator",
        "contact with the school",
    ),
    "verb": ("goes", "works", "runs"),
    "adv": (
        "quite well on the whole",
        "fine really",
        "unevenly",
        "better and better",
        "not quite as it should",
        "a bit stiffly at times",
        "fairly smoothly",
        "much better than it used to",
        "not always easily",
        "very well",
    ),
    "opener": (
        "I think",
        "I do notice that",
        "What you see is that",
        "I have the feeling that",
        "Colleagues also say that",
        "It strikes me that",
        "Honestly, I feel that",
        "My experience is that",
        "I would say that",
    ),
    "time": (
        "Since last year,",
        "Lately,",
        "In the beginning,",
        "At the moment,",
        "In our team,",
        "From my own organisation's point of view,",
        "In busy periods,",
        "After the reorganisation,",
    ),
    "example": (
        "a family in debt with three organisations involved at the same time",
        "an older man who avoided care, whom we visited together with the community officer",
        "a case where the school, the youth team and social support made one plan together",
        "a mother of three who was sent from one desk to the next",
        "a young man who turned eighteen and suddenly fell outside every scheme",
        "a noise complaint that turned out to hide mental health problems",
    ),
    "actor": (
        "the coordinator",
        "a district nurse",
        "the social support officer",
        "someone from the youth team",
        "the debt counsellor",
        "the GP",
        "the team leader",
        "a new colleague",
        "the social worker",
    ),
    "action_sub": (
        "joins the meeting on time",
        "keeps the lines short",
        "calls before a decision is made",
        "writes the agreements down",
        "thinks beyond their own remit",
        "knows what the others do",
        "dares to be open",
        "makes time for the meeting",
        "lets the client speak",
        "says honestly what is and is not possible",
    ),
    "action_main": (
        "often takes the lead",
        "does not always join the meeting",
        "has few hours for the team",
        "shares a lot of knowledge with the team",
        "brings a very different view",
        "often needs permission from their own organisation",
        "knows the neighbourhood very well",
    ),
    "improvement": (
        "the feedback after a case meeting",
        "recording agreements",
        "how easily specialist care can be reached",
        "the induction of new colleagues",
        "how hours are divided between the organisations",
        "training together",
        "clarity about who is in charge",
        "holding each other to agreements",
    ),
    "situation": (
        "complex cases",
        "families with many problems",
        "crises",
        "busy periods",
        "holiday periods",
        "new referrals",
        "cases with many parties involved",
    ),
    "discussion": (
        "talked about it several times",
        "had a session on it recently",
        "never really made agreements",
        "organised an away day once",
    ),
    "kw_effect": (
        "really helps the cooperation",
        "is sometimes underestimated",
        "deserves more attention",
        "means something different to everyone",
        "mattered most in the beginning",
        "makes the difference in difficult cases",
    ),
    "filler": (
        "Yes, that is a good question.",
        "Hm, let me think.",
        "That is hard to say.",
        "Well, it varies really.",
        "That is a fair point.",
        "Let me put it this way.",
    ),
    "yes": ("Yes.", "Yes, definitely.", "Yes, I do.", "Yes, certainly."),
    "no": ("No, not really.", "No, I don't.", "No.", "Not as such, no."),
    "probe": (
        "Asks for an example.",
        "Asks whether the others recognise that.",
        "Asks: what does that mean for {kw}?",
        "Sums up and asks whether that is right.",
    ),
}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class NoteWriter:
    """Generates interview-like sentences about a keyword from the banks, seeded by ``rng``."""

    def __init__(self, language: str, rng: random.Random) -> None:
        self.bank = NL if language == "nl" else EN
        self.dutch = language == "nl"
        self.rng = rng
        self._forms: list[Callable[[str], str]] = [
            self._opinion,
            self._plain,
            self._timed,
            self._example,
            self._helps,
            self._improve,
            self._keyword,
            self._situation,
            self._actor,
            self._discussion,
            self._opinion,
            self._keyword,
            self._plain,
        ]

    def pick(self, name: str) -> str:
        """A random entry of bank ``name``."""
        return self.rng.choice(self.bank[name])

    def _opinion(self, _kw: str) -> str:
        if self.dutch:
            return (
                f"{self.pick('opener')} {self.pick('np')} {self.pick('adv')} {self.pick('verb')}."
            )
        return f"{self.pick('opener')} {self.pick('np')} {self.pick('verb')} {self.pick('adv')}."

    def _plain(self, _kw: str) -> str:
        return f"{_cap(self.pick('np'))} {self.pick('verb')} {self.pick('adv')}."

    def _timed(self, _kw: str) -> str:
        if self.dutch:
            return f"{self.pick('time')} {self.pick('verb')} {self.pick('np')} {self.pick('adv')}."
        return f"{self.pick('time')} {self.pick('np')} {self.pick('verb')} {self.pick('adv')}."

    def _example(self, _kw: str) -> str:
        lead = "Een voorbeeld is" if self.dutch else "One example is"
        return f"{lead} {self.pick('example')}."

    def _helps(self, _kw: str) -> str:
        lead = "Het helpt als" if self.dutch else "It helps when"
        return f"{lead} {self.pick('actor')} {self.pick('action_sub')}."

    def _improve(self, _kw: str) -> str:
        lead = "Wat beter kan is" if self.dutch else "What could be better is"
        return f"{lead} {self.pick('improvement')}."

    def _keyword(self, kw: str) -> str:
        if self.dutch:
            return f"{self.pick('opener')} {kw} {self.pick('kw_effect')}."
        return f"{self.pick('opener')} {kw} {self.pick('kw_effect')}."

    def _situation(self, _kw: str) -> str:
        lead = "Dat merk je vooral bij" if self.dutch else "You notice it especially with"
        return f"{lead} {self.pick('situation')}."

    def _actor(self, _kw: str) -> str:
        return f"{_cap(self.pick('actor'))} {self.pick('action_main')}."

    def _discussion(self, kw: str) -> str:
        if self.dutch:
            return f"Over {kw} hebben we in het team {self.pick('discussion')}."
        return f"About {kw}, we have {self.pick('discussion')} in the team."

    def sentence(self, keyword: str) -> str:
        """One sentence; now and then a spoken filler."""
        if self.rng.random() < 0.06:
            return self.pick("filler")
        return self.rng.choice(self._forms)(keyword)

    def sentences(self, keyword: str, words: int, opening: str | None = None) -> list[str]:
        """Sentences adding up to at least ``words`` words (at least one sentence)."""
        result = [opening] if opening else []
        count = sum(len(s.split()) for s in result)
        while count < words or not result:
            sentence = self.sentence(keyword)
            result.append(sentence)
            count += len(sentence.split())
        return result

    def probe(self, keyword: str) -> str:
        """What the interviewer says in a group interview's own turn (a probe, a summary)."""
        return self.pick("probe").replace("{kw}", keyword)

    def answer_opening(self, quick_answer: str | None) -> str | None:
        """'Ja, zeker.' / 'Nee, niet echt.' for a yes/no answer, else None."""
        if quick_answer in ("yes", "no"):
            return self.pick(quick_answer)
        return None
