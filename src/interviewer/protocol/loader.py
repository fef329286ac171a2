"""Load and check a protocol file: every problem at once, as ``file:line:col: message``.

Three passes over one read of the file: YAML problems (syntax, duplicate keys, aliases),
field validation by the pydantic model (types, unknown keys with a "did you mean",
required fields, colours, empty texts) translated to positions, and the cross checks of
``protocol.check`` (ids, references, planning warnings). Nothing here raises anything but
``ProtocolError``, whatever the input.

Messages come from ``i18n/table_check.py``: English unless a ``lang`` is given; with
``lang="auto"`` the file's own ``language:`` decides (then ``LANG``), as ``interviewer check``
does. The ``error``/``warning`` severity words are never translated.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from interviewer.domain.protocol import HIGHLIGHT_COLOURS, InterviewProtocol
from interviewer.i18n import DEFAULT_LANGUAGE, LANGUAGES, resolve_language, translate
from interviewer.protocol.check import ProtocolChecker
from interviewer.protocol.problems import Problem, ProtocolError, Severity, display_path
from interviewer.protocol.yaml_source import (
    Location,
    ParsedYaml,
    parse_yaml_text,
    read_protocol_yaml,
)
from interviewer.terminal_text import printable

AUTO_LANGUAGE = "auto"
"""``lang`` value for: the file's own ``language:`` when readable (nl or en), else ``LANG``."""

__all__ = [
    "AUTO_LANGUAGE",
    "CheckResult",
    "Problem",
    "ProtocolError",
    "Severity",
    "check_protocol",
    "check_protocol_text",
    "load_protocol",
    "load_protocol_text",
]


@dataclass(frozen=True)
class CheckResult:
    """A checked file: the protocol (None when there are errors), every problem, the source.

    ``lang`` is the language the messages were written in.
    """

    path: str
    protocol: InterviewProtocol | None
    problems: list[Problem]
    lines: list[str]
    lang: str = DEFAULT_LANGUAGE

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def _unwrap_model(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as ``list[Topic] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap_model(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _unwrap_model(arg)
            if found is not None:
                return found
    return None


def _model_at(loc: Location) -> type[BaseModel] | None:
    """Which model describes the mapping at ``loc`` (None when it is not a mapping)."""
    model: type[BaseModel] | None = InterviewProtocol
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        model = _unwrap_model(field.annotation)
    return model


def _data_loc(data: Any, loc: tuple[Any, ...]) -> Location:
    """Keep the parts of a pydantic error location that exist in the data (drops union tags)."""
    kept: list[str | int] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            node = node[part]
            kept.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and part not in node:
            kept.append(part)  # a missing or unknown key: still the key's name
            break
    return tuple(kept)


def _describe(loc: Location, lang: str) -> str:
    """``topics[2].questions[0].text`` for messages (keys come from the file: a line break
    or control character in one is written as an escape, so a problem stays one line)."""
    text = ""
    for part in loc:
        name = printable(part)
        text += f"[{part}]" if isinstance(part, int) else (f".{name}" if text else name)
    return text or translate("check.the_file", lang)


def _field(loc: Location) -> str:
    """The last key of ``loc``, printable (it may be a key the file made up)."""
    names = [p for p in loc if isinstance(p, str)]
    return printable(names[-1]) if names else "value"


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{printable(value)}'"
    return text if len(text) <= 40 else text[:37] + "...'"


def _choices(expected: str, lang: str) -> str:
    """pydantic's "a, b or c" with the last "or" in ``lang``."""
    if lang != "nl" or " or " not in expected:
        return expected
    head, last = expected.rsplit(" or ", 1)
    return f"{head} of {last}"


def _message(error: dict[str, Any], loc: Location, lang: str) -> tuple[str, bool]:
    """A researcher-readable message for one pydantic error, and whether it points at a key."""
    kind = error["type"]
    field = _field(loc)
    value = error.get("input")
    ctx = error.get("ctx") or {}

    def say(key: str, /, **values: object) -> str:
        return translate(key, lang, **values)

    if kind == "missing":
        return say("check.missing_key", key=field, where=_describe(loc[:-1], lang)), False
    if kind == "extra_forbidden":
        model = _model_at(loc[:-1])
        allowed = list(model.model_fields) if model else []
        close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.6)
        if close:
            return say("check.unknown_key_hint", key=field, suggestion=close[0]), True
        return say("check.unknown_key", key=field), True
    if kind in ("string_too_short", "too_short") and isinstance(value, str):
        return say("check.empty", field=field), False
    if kind == "too_short":
        return say("check.too_few", field=field, count=ctx.get("min_length", 1)), False
    if kind == "string_pattern_mismatch":
        return say("check.bad_id", value=_shown(value)), False
    if kind == "string_too_long":
        return say("check.too_long", field=field, max=ctx.get("max_length")), False
    if kind in ("enum", "literal_error"):
        expected = _choices(str(ctx.get("expected", "")).replace("'", ""), lang)
        return say("check.not_allowed", value=_shown(value), field=field, expected=expected), False
    if kind == "value_error":
        if field == "colour" and isinstance(value, str):
            colours = ", ".join(HIGHLIGHT_COLOURS)
            return say("check.unknown_colour", value=repr(value), colours=colours), False
        return str(ctx.get("error", error["msg"])), False
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return say("check.whole_number", field=field, value=_shown(value)), False
    if kind in ("float_parsing", "float_type"):
        return say("check.number", field=field, value=_shown(value)), False
    if kind in ("bool_parsing", "bool_type"):
        return say("check.true_false", field=field, value=_shown(value)), False
    if kind == "string_type":
        return say("check.text", field=field, value=_shown(value)), False
    if kind == "list_type":
        return say("check.list", field=field), False
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return say("check.mapping", field=field, value=_shown(value)), False
    if kind in ("greater_than", "greater_than_equal"):
        bound = ctx.get("gt", ctx.get("ge"))
        key = "check.above" if kind == "greater_than" else "check.at_least"
        return say(key, field=field, bound=bound, value=_shown(value)), False
    return say("check.other", field=field, detail=error["msg"]), False


def _validation_problems(
    exc: ValidationError, parsed: ParsedYaml, path: str, lang: str
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[Location] = set()
    for error in exc.errors():
        loc = _data_loc(parsed.data, error["loc"])
        if loc in seen:
            continue  # a union reports once per alternative; one message per place is enough
        seen.add(loc)
        message, at_key = _message(dict(error), loc, lang)
        if error["type"] == "missing":
            line, col, width = parsed.source.value_at(loc[:-1])
        elif at_key:
            line, col, width = parsed.source.key_at(loc)
        else:
            line, col, width = parsed.source.value_at(loc)
        problems.append(Problem(line, col, Severity.ERROR, message, path, width))
    return problems


def _language(lang: str | None, data: Any) -> str:
    """The message language: ``lang``, or for ``"auto"`` the file's ``language:``, then LANG."""
    if lang is None:
        return DEFAULT_LANGUAGE
    if lang != AUTO_LANGUAGE:
        return lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    own = data.get("language") if isinstance(data, dict) else None
    return resolve_language(None, own if isinstance(own, str) else None)


def _check_parsed(parsed: ParsedYaml, path: str, lang: str | None) -> CheckResult:
    data = parsed.data
    lang = _language(lang, data)
    problems = parsed.problems_in(lang)
    if data is None and not problems:
        data = "null"  # a document that is only 'null' or '~': report it as a non-mapping
    if data is None:
        return CheckResult(path, None, problems, parsed.lines, lang)
    if not isinstance(data, dict):
        line, col, width = parsed.source.value_at(())
        message = translate("check.not_mapping", lang)
        problems.append(Problem(line, col, Severity.ERROR, message, path, width))
        return CheckResult(path, None, problems, parsed.lines, lang)
    protocol: InterviewProtocol | None = None
    try:
        protocol = InterviewProtocol.model_validate(data)
    except ValidationError as exc:
        problems.extend(_validation_problems(exc, parsed, path, lang))
    problems.extend(ProtocolChecker(data, parsed.source, path, lang).run())
    problems = sorted(set(problems))
    if any(p.severity is Severity.ERROR for p in problems):
        protocol = None
    return CheckResult(path, protocol, problems, parsed.lines, lang)


def check_protocol(file: str | Path, lang: str | None = None) -> CheckResult:
    """Read and check a protocol file; never raises for bad content.

    Messages are in ``lang`` (English when None; ``"auto"``: the file's language, then LANG).
    """
    file = Path(file)
    shown = display_path(file)
    return _check_parsed(read_protocol_yaml(file, shown), shown, lang)


def check_protocol_text(
    text: str, name: str = "<protocol>", lang: str | None = None
) -> CheckResult:
    """Check protocol YAML given as text (tests, the editor, pasted input)."""
    return _check_parsed(parse_yaml_text(text, name), name, lang)


def _loaded(result: CheckResult) -> InterviewProtocol:
    if result.protocol is None:
        raise ProtocolError(result.problems, result.lines)
    return result.protocol


def load_protocol(file: str | Path, lang: str | None = None) -> InterviewProtocol:
    """The protocol in ``file``; ``ProtocolError`` lists every error (warnings do not stop it).

    ``lang`` as for ``check_protocol``: the language of the error messages.
    """
    return _loaded(check_protocol(file, lang))


def load_protocol_text(
    text: str, name: str = "<protocol>", lang: str | None = None
) -> InterviewProtocol:
    """The protocol in YAML ``text``; ``ProtocolError`` on any error."""
    return _loaded(check_protocol_text(text, name, lang))
