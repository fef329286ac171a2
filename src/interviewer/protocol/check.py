"""Checks across a protocol that single-field validation cannot make: ids, references, plans.

They run on the plain data read from YAML (not on the pydantic model), so a file with a
typo in one question still gets its broken references and its warnings reported in the same
run: the researcher sees everything at once, like a compiler's error list.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from pydantic import TypeAdapter, ValidationError

from interviewer.domain.protocol import YES_NO_VALUES
from interviewer.i18n import DEFAULT_LANGUAGE, translate
from interviewer.protocol.problems import Problem, Severity
from interviewer.protocol.yaml_source import Location, SourceMap


def _dicts(data: Any, *loc: str | int) -> Iterator[tuple[Location, dict[str, Any]]]:
    """The mappings in the list at ``loc`` (anything malformed is skipped: pydantic reports it)."""
    node: Any = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        else:
            return
    if isinstance(node, list):
        for index, item in enumerate(node):
            if isinstance(item, dict):
                yield (*loc, index), item


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


_BOOL = TypeAdapter(bool)


def _true(value: Any) -> bool:
    """True where the model reads true (``true``, and texts such as ``yes`` or ``on``)."""
    try:
        return _BOOL.validate_python(value) is True
    except ValidationError:
        return False  # the model reports it


MAX_MINUTES = 10_080
"""Planned minutes of a topic or an interview: at most a week (a value past it is a typo)."""


def _number(value: Any) -> float | None:
    """A finite, plausible number of minutes as a float; None for anything else (a text, a
    bool, NaN, infinity, a number past ``MAX_MINUTES``, an int too big for a float)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, int) and abs(value) > MAX_MINUTES:
        return None
    number = float(value)
    return number if math.isfinite(number) and abs(number) <= MAX_MINUTES else None


def _shown_number(value: float) -> str:
    """A number for a message, cut short: a 400-digit ``minutes:`` is not repeated whole."""
    if isinstance(value, int) and value.bit_length() >= 2000:  # str() refuses 4,300 digits
        return f"~10^{int(value.bit_length() * 0.30103)}"
    text = str(value)
    return text if len(text) <= 24 else text[:21] + "..."


def _minutes(value: float, lang: str) -> str:
    """``7.5`` in English, ``7,5`` in Dutch."""
    shown = f"{value:g}"
    return shown.replace(".", ",") if lang == "nl" else shown


class ProtocolChecker:
    """Collects cross-reference errors and planning warnings for one protocol file.

    Messages are message keys of ``i18n/table_check.py``, put into words in ``lang``.
    """

    def __init__(
        self, data: dict[str, Any], source: SourceMap, path: str, lang: str = DEFAULT_LANGUAGE
    ) -> None:
        self.data = data
        self.source = source
        self.path = path
        self.lang = lang
        self.problems: list[Problem] = []

    # --- reporting -------------------------------------------------------------------------
    def _at(
        self, loc: Location, severity: Severity, key: str, at_key: bool, values: dict[str, object]
    ) -> None:
        line, col, width = self.source.key_at(loc) if at_key else self.source.value_at(loc)
        message = translate(key, self.lang, **values)
        self.problems.append(Problem(line, col, severity, message, self.path, width))

    def error(
        self, loc: Location, message_key: str, *, key: bool = False, **values: object
    ) -> None:
        self._at(loc, Severity.ERROR, message_key, key, values)

    def warning(
        self, loc: Location, message_key: str, *, key: bool = False, **values: object
    ) -> None:
        self._at(loc, Severity.WARNING, message_key, key, values)

    # --- the checks ------------------------------------------------------------------------
    def run(self) -> list[Problem]:
        """Every check; returns the problems found."""
        self._unique_ids()
        self._questions()
        self._closing_codes()
        self._plan()
        self._invitation()
        self._recording_consent()
        return self.problems

    def _unique(self, items: list[tuple[Location, dict[str, Any]]], what: str) -> None:
        """Report repeated ids; ``what`` names the items (``check.what.<what>``)."""
        seen: dict[str, int] = {}
        for loc, item in items:
            ident = _text(item.get("id"))
            if ident is None:
                continue
            if ident in seen:
                self.error(
                    (*loc, "id"),
                    "check.duplicate_id",
                    what=translate(f"check.what.{what}", self.lang),
                    id=ident,
                    line=seen[ident],
                )
            else:
                seen[ident] = self.source.value_at((*loc, "id"))[0]

    def _topics(self) -> list[tuple[Location, dict[str, Any]]]:
        return self._topic_list

    def _all_questions(self) -> list[tuple[Location, dict[str, Any], dict[str, Any]]]:
        return self._question_list

    @cached_property
    def _topic_list(self) -> list[tuple[Location, dict[str, Any]]]:
        return list(_dicts(self.data, "topics"))

    @cached_property
    def _question_list(self) -> list[tuple[Location, dict[str, Any], dict[str, Any]]]:
        found = []
        for tloc, topic in self._topics():
            for qloc, question in _dicts(topic, "questions"):
                found.append(((*tloc, *qloc), question, topic))
        return found

    def _unique_ids(self) -> None:
        codes = self._topics() + list(_dicts(self.data, "extra_codes"))
        self._unique(codes, "code")
        questions = [(loc, q) for loc, q, _ in self._all_questions()]
        questions += list(_dicts(self.data, "closing", "questions"))
        self._unique(questions, "question")
        self._unique(list(_dicts(self.data, "introduction", "checklist")), "checklist")
        self._unique(list(_dicts(self.data, "closing", "fields")), "closing_field")
        for tloc, topic in self._topics():
            chars = [((*tloc, *loc), c) for loc, c in _dicts(topic, "characteristics")]
            self._unique(chars, "characteristic")
        for qloc, question, _ in self._all_questions():
            parts = [((*qloc, *loc), p) for loc, p in _dicts(question, "parts")]
            self._unique(parts, "part")

    def _questions(self) -> None:
        by_id: dict[str, dict[str, Any]] = {}
        for _, question, _ in self._all_questions():
            ident = _text(question.get("id"))
            if ident is not None:
                by_id.setdefault(ident, question)
        for loc, question, topic in self._all_questions():
            self._characteristic_exists(loc, question, topic)
            self._answer_shape(loc, question)
            self._show_when(loc, question, by_id)
            kind = question.get("kind", "main")
            if (
                kind == "follow-up"
                and not _text(question.get("condition"))
                and not isinstance(question.get("show_when"), dict)
            ):
                self.warning((*loc, "kind"), "check.follow_up_when")
            if question.get("priority") is not None and kind != "probe":
                self.warning((*loc, "priority"), "check.priority_not_probe", key=True)
            self._group_wording(loc, question)

    def _group_wording(self, loc: Location, question: dict[str, Any]) -> None:
        """The group form of address: a wording never used, a question never asked, or a
        hand-written 'u/jullie' where ``text_group`` would show each interview its own form."""
        protocol_mode = self.data.get("mode", "individual")
        wanted = question.get("mode", "both")
        modes = ("individual", "group")
        if wanted in modes and protocol_mode in modes and wanted != protocol_mode:
            self.warning(
                (*loc, "mode"),
                "check.question_mode_never",
                id=str(question.get("id")),
                wanted=wanted,
                mode=protocol_mode,
            )
        never_group = protocol_mode == "individual" or wanted == "individual"
        for field in ("text_group", "alternatives_group"):
            if field in question and question[field] and never_group:
                why = "protocol" if protocol_mode == "individual" else "question"
                self.warning(
                    (*loc, field),
                    "check.group_wording_unused",
                    key=True,
                    field=field,
                    why=translate(f"check.group_wording_why_{why}", self.lang),
                )
        text = _text(question.get("text"))
        form = self._slash_form
        if form is None or text is None or question.get("text_group"):
            return
        found = form.search(text)
        if found and protocol_mode in ("group", "both") and wanted != "individual":
            self.warning((*loc, "text"), "check.slash_address", form=found.group(0))

    @cached_property
    def _slash_form(self) -> re.Pattern[str] | None:
        """``u/jullie`` from ``address``: the hand-written both-forms a question should not
        need, as whole words (None without both forms)."""
        address = self.data.get("address")
        if not isinstance(address, dict):
            return None
        singular, plural = _text(address.get("singular")), _text(address.get("plural"))
        if not singular or not plural:
            return None
        both = rf"{re.escape(singular.strip())}\s*/\s*{re.escape(plural.strip())}"
        return re.compile(rf"(?<!\w){both}(?!\w)", re.IGNORECASE)

    def _characteristic_exists(
        self, loc: Location, question: dict[str, Any], topic: dict[str, Any]
    ) -> None:
        wanted = _text(question.get("characteristic"))
        if wanted is None:
            return
        known = [c.get("id") for _, c in _dicts(topic, "characteristics")]
        if wanted not in known:
            topic_id = str(topic.get("id"))
            if known:
                self.error(
                    (*loc, "characteristic"),
                    "check.characteristic_missing",
                    wanted=wanted,
                    topic=topic_id,
                    known=", ".join(map(str, known)),
                )
            else:
                self.error(
                    (*loc, "characteristic"),
                    "check.characteristic_missing_none",
                    wanted=wanted,
                    topic=topic_id,
                )

    def _answer_shape(self, loc: Location, question: dict[str, Any]) -> None:
        answer = question.get("answer")
        if not isinstance(answer, dict):
            return
        kind = answer.get("type", "open")
        aloc = (*loc, "answer")
        if kind == "choice" and not answer.get("options"):
            self.error((*aloc, "type"), "check.choice_options")
        if kind != "choice" and "options" in answer:
            self.error((*aloc, "options"), "check.options_only_choice", key=True, kind=kind)
        if kind == "scale":
            low, high = answer.get("min"), answer.get("max")
            if not isinstance(low, int) or not isinstance(high, int):
                self.error((*aloc, "type"), "check.scale_ends")
            elif low >= high:
                self.error((*aloc, "max"), "check.scale_order", high=high, low=low)
            elif high - low > 100:
                self.error((*aloc, "max"), "check.scale_too_long")
        elif any(k in answer for k in ("min", "max", "min_label", "max_label")):
            self.error(aloc, "check.min_max_only_scale", kind=kind)

    def _show_when(
        self, loc: Location, question: dict[str, Any], by_id: dict[str, dict[str, Any]]
    ) -> None:
        link = question.get("show_when")
        if not isinstance(link, dict):
            return
        target_id = _text(link.get("question"))
        if target_id is None:
            return
        sloc = (*loc, "show_when")
        target = by_id.get(target_id)
        if target is question:
            self.error((*sloc, "question"), "check.show_when_self")
            return
        if target is None:
            self.error((*sloc, "question"), "check.show_when_missing", question=target_id)
            return
        given = target.get("answer")
        answer: dict[str, Any] = given if isinstance(given, dict) else {}
        kind = answer.get("type", "open")
        allowed: tuple[str, ...]
        if kind == "yes-no":
            allowed = YES_NO_VALUES
        elif kind == "choice":
            allowed = tuple(str(o) for o in answer.get("options") or [])
        elif (
            kind == "scale"
            and isinstance(answer.get("min"), int)
            and isinstance(answer.get("max"), int)
        ):
            allowed = tuple(str(v) for v in range(answer["min"], answer["max"] + 1))
        else:
            self.error((*sloc, "question"), "check.show_when_open", question=target_id, kind=kind)
            return
        if not allowed:
            return  # a broken answer definition is reported on that question itself
        wanted = link.get("answer")
        values = wanted if isinstance(wanted, list) else [wanted]
        for index, value in enumerate(values):
            if value is None:
                continue
            if str(value) not in allowed:
                vloc = (*sloc, "answer", index) if isinstance(wanted, list) else (*sloc, "answer")
                self.error(
                    vloc,
                    "check.show_when_answer",
                    value=value,
                    question=target_id,
                    allowed=", ".join(allowed),
                )

    def _closing_codes(self) -> None:
        codes = [c.get("id") for _, c in _dicts(self.data, "extra_codes")]
        for loc, question in _dicts(self.data, "closing", "questions"):
            code = _text(question.get("code"))
            if code is not None and code not in codes:
                self.error((*loc, "code"), "check.extra_code_missing", code=code)

    def _invitation(self) -> None:
        """The letter to the respondent: present (else a warning, the tool's generic letter is
        used), its themes naming real topics, once each, and addressed as the mode allows."""
        invitation = self.data.get("invitation")
        if invitation is None:
            if self._topics():  # a file without topics has worse problems to report first
                self.warning(("id",), "check.no_invitation", key=True)
            return
        if not isinstance(invitation, dict):
            return  # the model reports the wrong type
        topics = {_text(t.get("id")) for _, t in self._topics()} - {None}
        seen: dict[str, int] = {}
        for loc, theme in _dicts(invitation, "themes"):
            tloc = ("invitation", *loc, "topic")
            topic = _text(theme.get("topic"))
            if topic is None:
                continue
            if topic not in topics:
                known = ", ".join(sorted(map(str, topics)))
                self.error(tloc, "check.invitation_topic_missing", topic=topic, known=known)
            elif topic in seen:
                self.error(tloc, "check.invitation_topic_twice", topic=topic, line=seen[topic])
            else:
                seen[topic] = self.source.value_at(tloc)[0]
        addressed = invitation.get("addressed_to")
        mode = self.data.get("mode", "individual")
        modes = ("individual", "group")
        if addressed in modes and mode in modes and addressed != mode:
            self.warning(
                ("invitation", "addressed_to"),
                "check.invitation_addressed_to",
                addressed=addressed,
                mode=mode,
            )

    def _recording_consent(self) -> None:
        """The checklist item that lets the laptop record (``recording: true``): one at most,
        since recording waits for a single tick; and required, since a consent to recording
        that may be skipped would let an interview run unrecorded without anyone deciding so."""
        first_line: int | None = None
        for loc, item in _dicts(self.data, "introduction", "checklist"):
            if not _true(item.get("recording")):
                continue
            rloc = (*loc, "recording")
            if first_line is not None:
                self.error(rloc, "check.recording_twice", key=True, line=first_line)
                continue
            first_line = self.source.value_at(rloc)[0]
            if not _true(item.get("required")):
                self.error(rloc, "check.recording_not_required", key=True, id=str(item.get("id")))

    def _plausible_minutes(self, loc: Location, value: Any) -> None:
        """Refuse a planned time no interview has: infinite, NaN, or over a week of minutes
        (``1e308`` passed the model and crashed the interview's time guidance)."""
        if isinstance(value, str):  # YAML 1.1 reads ``1e308`` as text; pydantic takes it
            try:
                value = float(value.strip())
            except ValueError:
                return  # not a number: the model reports it
        if value is None or isinstance(value, bool) or not isinstance(value, int | float):
            return  # a missing value: the model reports it
        number = _number(value)
        if number is None or number > MAX_MINUTES:
            self.error(loc, "check.minutes_absurd", value=_shown_number(value), max=MAX_MINUTES)

    def _plan(self) -> None:
        for tloc, topic in self._topics():
            questions = [q for _, q in _dicts(topic, "questions")]
            # only text ids: ``characteristic: [a, b]`` is pydantic's to report, not a crash
            measured = {_text(q.get("characteristic")) for q in questions} - {None}
            for cloc, char in _dicts(topic, "characteristics"):
                if _text(char.get("id")) not in measured:
                    self.warning((*tloc, *cloc, "id"), "check.unmeasured", id=char.get("id"))
            if not any(q.get("kind", "main") == "main" for q in questions):
                self.warning((*tloc, "id"), "check.no_main_question", topic=topic.get("id"))
        # Raw values from the file: summed and compared only where ``_number`` accepts them.
        minutes: list[tuple[Location, Any]] = [(loc, t.get("minutes")) for loc, t in self._topics()]
        for loc, value in minutes:
            self._plausible_minutes((*loc, "minutes"), value)
        duration: Any = self.data.get("duration_minutes")
        self._plausible_minutes(("duration_minutes",), duration)
        planned = sum(m for _, m in minutes if _number(m) is not None)
        if _number(duration) is not None and planned > duration:
            self.warning(
                ("duration_minutes",),
                "check.over_plan",
                planned=_minutes(planned, self.lang),
                duration=_minutes(duration, self.lang),
            )
        mode = self.data.get("mode", "individual")
        address = self.data.get("address")
        plural = address.get("plural") if isinstance(address, dict) else None
        if mode in ("group", "both") and not plural:
            self.warning(("mode",), "check.group_no_plural", mode=mode)
