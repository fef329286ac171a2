"""Reading a protocol file into plain data while remembering where every value came from.

The YAML is *composed* (not constructed) and turned into dicts and lists by hand, because
stock loaders lose what a researcher needs to fix a file: PyYAML's loader silently keeps the
last of two duplicate keys, and no loader reports every duplicate at once. Walking the node
tree ourselves also bounds alias expansion (a billion-laughs file stops with one line).

Composing uses libyaml through PyYAML when available: ruamel.yaml composes the same nodes with
the same marks but 25 times slower (380 ms against 15 ms for a 100-topic protocol, see
``bench/protocol_bench.py``). Scalars are resolved by the YAML 1.2 core schema, not PyYAML's
1.1 rules, so ``answer: no`` stays the text "no" and ``minutes: 1:30`` is not 90.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.error import MarkedYAMLError, YAMLError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from interviewer.protocol_problems import Problem, Severity

MAX_FILE_BYTES = 2 * 1024 * 1024
"""A protocol is a few dozen kilobytes; anything over 2 MiB is a mistake, not a protocol."""

MAX_NODES = 200_000
"""Values after alias expansion; far above any real protocol, far below a billion laughs."""

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
    """The outcome of reading: data (None when unreadable), positions, text and problems."""

    data: Any
    source: SourceMap
    lines: list[str]
    problems: list[Problem]


def _span(node: Node) -> tuple[int, int, int]:
    start, end = node.start_mark, node.end_mark
    width = end.column - start.column if end.line == start.line else 1
    return (start.line + 1, start.column + 1, max(width, 1))


class _Builder:
    """Turns composed nodes into plain data, collecting problems instead of stopping."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.source = SourceMap()
        self.problems: list[Problem] = []
        self.nodes = 0

    def problem(self, span: tuple[int, int, int], message: str) -> None:
        line, col, width = span
        self.problems.append(Problem(line, col, Severity.ERROR, message, self.path, width))

    def build(self, node: Node, loc: Location, active: frozenset[int]) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLarge
        self.source.values.setdefault(loc, _span(node))
        if id(node) in active:
            self.problem(_span(node), "an alias refers to itself (recursive YAML)")
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, loc, active | {id(node)})
        if isinstance(node, SequenceNode):
            inner = active | {id(node)}
            return [self.build(item, (*loc, i), inner) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: MappingNode, loc: Location, active: frozenset[int]) -> dict:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                self.problem(_span(key_node), "merge keys ('<<') are not supported; write it out")
                continue
            if not isinstance(key_node, ScalarNode):
                self.problem(_span(key_node), "a key must be plain text")
                continue
            key = str(key_node.value)
            if key in first_seen:
                self.problem(
                    _span(key_node),
                    f"duplicate key '{key}' (first defined at line {first_seen[key]}); "
                    "YAML would silently keep only one of them",
                )
                continue
            first_seen[key] = key_node.start_mark.line + 1
            self.source.keys[(*loc, key)] = _span(key_node)
            result[key] = self.build(value_node, (*loc, key), active)
        return result

    def _scalar(self, node: Node) -> Any:
        tag, value = node.tag, str(node.value)
        if tag == _TAG + "timestamp" or (tag == _TAG + "str"):
            return value
        if tag in (_TAG + "null", _TAG + "bool", _TAG + "int", _TAG + "float"):
            return _core_scalar(tag, value) if not node.style else value
        self.problem(_span(node), f"unsupported YAML tag {tag!r}; use plain values")
        return None


class _TooLarge(Exception):
    """Raised when alias expansion exceeds ``MAX_NODES``."""


def _decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    def one(message: str, line: int = 1, col: int = 1) -> tuple[None, list[Problem]]:
        return None, [Problem(line, col, Severity.ERROR, message, path)]

    if len(raw) > MAX_FILE_BYTES:
        return one(
            f"file is too large for a protocol ({len(raw):,} bytes; limit {MAX_FILE_BYTES:,})"
        )
    if not raw.strip():
        return one(
            "file is empty; a protocol needs at least id, title, duration_minutes and topics"
        )
    if b"\x00" in raw:
        return one("this is a binary file, not a YAML protocol")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return one(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", line, col
        )
    return text, []


def parse_yaml_text(text: str, path: str) -> ParsedYaml:
    """Compose YAML text and build plain data; every problem found is collected."""
    lines = text.splitlines()
    builder = _Builder(path)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        problem = Problem(line, col, Severity.ERROR, f"YAML syntax: {message}", path)
        return ParsedYaml(None, builder.source, lines, [problem])
    except YAMLError as exc:
        problem = Problem(1, 1, Severity.ERROR, f"YAML syntax: {exc}", path)
        return ParsedYaml(None, builder.source, lines, [problem])
    if root is None:
        problem = Problem(1, 1, Severity.ERROR, "file holds no YAML document", path)
        return ParsedYaml(None, builder.source, lines, [problem])
    try:
        data = builder.build(root, (), frozenset())
    except (_TooLarge, RecursionError):
        message = (
            f"the YAML expands to more than {MAX_NODES:,} values through aliases "
            "(an alias bomb?); refusing to read it"
        )
        return ParsedYaml(
            None, builder.source, lines, [Problem(1, 1, Severity.ERROR, message, path)]
        )
    return ParsedYaml(data, builder.source, lines, builder.problems)


def read_protocol_yaml(file: Path, shown_as: str | None = None) -> ParsedYaml:
    """Read a protocol file from disk; unreadable files give one clear problem, never a crash."""
    path = shown_as or str(file)
    try:
        with file.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        return ParsedYaml(
            None, SourceMap(), [], [Problem(1, 1, Severity.ERROR, "is a folder, not a file", path)]
        )
    except OSError as exc:
        message = f"cannot read the file: {exc.strerror or exc}"
        return ParsedYaml(None, SourceMap(), [], [Problem(1, 1, Severity.ERROR, message, path)])
    text, problems = _decode(raw, path)
    if text is None:
        return ParsedYaml(None, SourceMap(), [], problems)
    return parse_yaml_text(text, path)
