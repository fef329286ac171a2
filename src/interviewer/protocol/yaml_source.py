"""Reading a protocol file into plain data while remembering where every value came from.

The YAML is *composed* (not constructed) and turned into dicts and lists by hand, because
stock loaders lose what a researcher needs to fix a file: PyYAML's loader silently keeps the
last of two duplicate keys, and no loader reports every duplicate at once. Walking the node
tree ourselves also bounds alias expansion (a billion-laughs file stops with one line).

Composing uses libyaml through PyYAML when available: ruamel.yaml composes the same nodes with
the same marks but 25 times slower (380 ms against 15 ms for a 100-topic protocol, see
``bench/protocol_bench.py``). Scalars are resolved by the YAML 1.2 core schema, not PyYAML's
1.1 rules, so ``answer: no`` stays the text "no" and ``minutes: 1:30`` is not 90.

Problems are kept as ``Finding``s (a message key and its values) until the language is known:
``interviewer check`` reports in the file's own ``language:``, which is only known once read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.error import MarkedYAMLError, YAMLError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from interviewer.i18n import DEFAULT_LANGUAGE, translate
from interviewer.input_files import InputFileError, read_bounded
from interviewer.protocol.problems import Problem, Severity

MAX_FILE_BYTES = 2 * 1024 * 1024
"""A protocol is a few dozen kilobytes; anything over 2 MiB is a mistake, not a protocol."""

MAX_NODES = 200_000
"""Values after alias expansion; far above any real protocol, far below a billion laughs."""

MAX_NUMBER_CHARS = 40
"""Characters of a plain number; more is a paste accident (and ``int()`` stops at 4,300)."""

UNSAFE_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""Characters no protocol text needs and that would colour, move or reorder what a terminal
or a document shows: control characters other than tab and line ends, the line and paragraph
separators, and the bidi embeddings, overrides and isolates. (Emoji joiners and soft
hyphens, also format characters, stay allowed.)"""


def first_unsafe_char(text: str) -> str | None:
    """The first character of ``text`` a protocol may not hold (``UNSAFE_TEXT``), or None."""
    found = UNSAFE_TEXT.search(text)
    return found.group() if found else None


Location = tuple[str | int, ...]
"""A path into the data, e.g. ``("topics", 0, "questions", 2, "text")``."""

_TAG = "tag:yaml.org,2002:"
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOATS = {
    ".inf": float("inf"),
    "+.inf": float("inf"),
    "-.inf": float("-inf"),
    ".nan": float("nan"),
}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _core_scalar(tag: str, value: str) -> object:
    """A plain scalar by the YAML 1.2 core schema (PyYAML tagged it by YAML 1.1 rules)."""
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        lowered = value.lower()
        return lowered == "true" if lowered in ("true", "false") else value
    if tag == _TAG + "int":
        if not _INT.fullmatch(value):
            return value
        if value.startswith(("0o", "0x")):
            return int(value[2:], 8 if value[1] == "o" else 16)
        return int(value, 10)
    if tag == _TAG + "float":
        if value.lower() in _SPECIAL_FLOATS:
            return _SPECIAL_FLOATS[value.lower()]
        return float(value) if _FLOAT.fullmatch(value) else value
    return value


@dataclass(frozen=True)
class Grouped:
    """A count shown with the thousands separator of the message's language (1,234 / 1.234)."""

    value: int

    def text(self, lang: str) -> str:
        grouped = f"{self.value:,}"
        return grouped.replace(",", ".") if lang == "nl" else grouped


@dataclass(frozen=True)
class Finding:
    """A problem before it is put into words: where, how bad, and which message with what."""

    line: int
    column: int
    severity: Severity
    key: str
    values: dict[str, object] = field(default_factory=dict, hash=False)
    width: int = 1

    def problem(self, path: str, lang: str = DEFAULT_LANGUAGE) -> Problem:
        """The finding as a ``Problem`` with its message in ``lang``."""
        values = {
            name: value.text(lang) if isinstance(value, Grouped) else value
            for name, value in self.values.items()
        }
        message = translate(self.key, lang, **values)
        return Problem(self.line, self.column, self.severity, message, path, self.width)


def _error(key: str, span: tuple[int, int, int] = (1, 1, 1), /, **values: object) -> Finding:
    line, col, width = span
    return Finding(line, col, Severity.ERROR, key, values, width)


@dataclass
class SourceMap:
    """Line and column (1-based) of every value and every mapping key in the file."""

    values: dict[Location, tuple[int, int, int]] = field(default_factory=dict)
    keys: dict[Location, tuple[int, int, int]] = field(default_factory=dict)

    def value_at(self, loc: Location) -> tuple[int, int, int]:
        """Position of the value at ``loc``, or of its nearest enclosing value."""
        for end in range(len(loc), -1, -1):
            found = self.values.get(loc[:end])
            if found:
                return found
        return (1, 1, 1)

    def key_at(self, loc: Location) -> tuple[int, int, int]:
        """Position of the key naming ``loc`` (falls back to the value's position)."""
        return self.keys.get(loc) or self.value_at(loc)


@dataclass
class ParsedYaml:
    """The outcome of reading: data (None when unreadable), positions, text and findings."""

    data: Any
    source: SourceMap
    lines: list[str]
    findings: list[Finding]
    path: str = "<protocol>"

    def problems_in(self, lang: str = DEFAULT_LANGUAGE) -> list[Problem]:
        """The findings as problems with messages in ``lang``."""
        return [finding.problem(self.path, lang) for finding in self.findings]

    @property
    def problems(self) -> list[Problem]:
        """The findings as problems with English messages."""
        return self.problems_in(DEFAULT_LANGUAGE)


def _span(node: Node) -> tuple[int, int, int]:
    start, end = node.start_mark, node.end_mark
    width = end.column - start.column if end.line == start.line else 1
    return (start.line + 1, start.column + 1, max(width, 1))


class _Builder:
    """Turns composed nodes into plain data, collecting problems instead of stopping."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.source = SourceMap()
        self.findings: list[Finding] = []
        self.nodes = 0

    def problem(self, span: tuple[int, int, int], key: str, /, **values: object) -> None:
        self.findings.append(_error(key, span, **values))

    def build(self, node: Node, loc: Location, active: frozenset[int]) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLarge
        self.source.values.setdefault(loc, _span(node))
        if id(node) in active:
            self.problem(_span(node), "check.alias_recursive")
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, loc, active | {id(node)})
        if isinstance(node, SequenceNode):
            inner = active | {id(node)}
            return [self.build(item, (*loc, i), inner) for i, item in enumerate(node.value)]
        return self._scalar(cast(ScalarNode, node))  # PyYAML has only these three kinds

    def _mapping(self, node: MappingNode, loc: Location, active: frozenset[int]) -> dict:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                self.problem(_span(key_node), "check.merge_key")
                continue
            if not isinstance(key_node, ScalarNode):
                self.problem(_span(key_node), "check.key_not_text")
                continue
            key = str(key_node.value)
            if key in first_seen:
                self.problem(_span(key_node), "check.duplicate_key", key=key, line=first_seen[key])
                continue
            first_seen[key] = key_node.start_mark.line + 1
            self.source.keys[(*loc, key)] = _span(key_node)
            result[key] = self.build(value_node, (*loc, key), active)
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        tag, value = node.tag, str(node.value)
        if tag == _TAG + "timestamp" or (tag == _TAG + "str"):
            unsafe = first_unsafe_char(value)
            if unsafe is not None:  # "\e[31m" or "\u202e" in a double-quoted string
                self.problem(_span(node), "check.control_character", char=f"U+{ord(unsafe):04X}")
            return value
        if tag in (_TAG + "null", _TAG + "bool", _TAG + "int", _TAG + "float"):
            if node.style:
                return value
            if len(value) > MAX_NUMBER_CHARS:  # int() refuses 4,300 digits; no plan needs 40
                self.problem(_span(node), "check.number_too_long", limit=MAX_NUMBER_CHARS)
                return None
            return _core_scalar(tag, value)
        self.problem(_span(node), "check.unsupported_tag", tag=repr(tag))
        return None


class _TooLarge(Exception):
    """Raised when alias expansion exceeds ``MAX_NODES``."""


def _decode(raw: bytes) -> tuple[str | None, list[Finding]]:
    if len(raw) > MAX_FILE_BYTES:
        too_large = _error(
            "check.file_too_large", size=Grouped(len(raw)), limit=Grouped(MAX_FILE_BYTES)
        )
        return None, [too_large]
    if not raw.strip():
        return None, [_error("check.file_empty")]
    if b"\x00" in raw:
        return None, [_error("check.binary_file")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [_error("check.not_utf8", (line, col, 1), byte=f"{raw[exc.start]:02x}")]
    return text, []


def parse_yaml_text(text: str, path: str) -> ParsedYaml:
    """Compose YAML text and build plain data; every problem found is collected."""
    lines = text.splitlines()
    builder = _Builder(path)

    def unreadable(finding: Finding) -> ParsedYaml:
        return ParsedYaml(None, builder.source, lines, [finding], path)

    try:
        root = yaml.compose(text, Loader=_Loader)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(
            " ".join(str(part).split()) for part in (exc.context, exc.problem) if part
        )
        return unreadable(_error("check.yaml_syntax", (line, col, 1), message=message))
    except YAMLError as exc:
        return unreadable(_error("check.yaml_syntax", message=" ".join(str(exc).split())))
    if root is None:
        return unreadable(_error("check.no_document"))
    try:
        data = builder.build(root, (), frozenset())
    except (_TooLarge, RecursionError):
        return unreadable(_error("check.alias_bomb", limit=Grouped(MAX_NODES)))
    return ParsedYaml(data, builder.source, lines, builder.findings, path)


def read_protocol_yaml(file: Path, shown_as: str | None = None) -> ParsedYaml:
    """Read a protocol file from disk; unreadable files give one clear problem, never a crash."""
    path = shown_as or str(file)
    try:  # a regular file only (a FIFO would block for ever), read no further than the limit
        raw = read_bounded(file, MAX_FILE_BYTES)
    except InputFileError as exc:
        if exc.message_key == "input.error.too_large":
            size = Grouped(int(str(exc.values.get("bytes", 0))))
            finding = _error("check.file_too_large", size=size, limit=Grouped(MAX_FILE_BYTES))
        else:
            finding = _error("check.not_regular_file")
        return ParsedYaml(None, SourceMap(), [], [finding], path)
    except IsADirectoryError:
        return ParsedYaml(None, SourceMap(), [], [_error("check.is_folder")], path)
    except OSError as exc:
        finding = _error("check.cannot_read", reason=str(exc.strerror or exc))
        return ParsedYaml(None, SourceMap(), [], [finding], path)
    text, findings = _decode(raw)
    if text is None:
        return ParsedYaml(None, SourceMap(), [], findings, path)
    return parse_yaml_text(text, path)
