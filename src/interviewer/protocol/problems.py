"""Problems found in a protocol file, and how they are printed: like a compiler.

Every problem carries the file, a 1-based line and column and a severity, so an editor or a
terminal can jump to it. ``render`` adds the offending source line with a caret under it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from interviewer.i18n.errors import TranslatableError


class Severity(StrEnum):
    """Errors stop a protocol from loading; warnings do not (unless ``--strict``)."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place in a protocol file (line and column are 1-based)."""

    line: int
    column: int
    severity: Severity
    message: str
    path: str = "<protocol>"
    width: int = 1

    def headline(self) -> str:
        """``FILE:LINE:COL: error|warning: message``."""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def render(self, source_lines: list[str] | None) -> str:
        """The headline plus the source line and a caret under the offending YAML."""
        if not source_lines or not 1 <= self.line <= len(source_lines):
            return self.headline()
        text = source_lines[self.line - 1].rstrip("\n").replace("\t", " ")
        gutter = f"{self.line:>5} | "
        start = max(self.column - 1, 0)
        width = max(1, min(self.width, len(text) - start)) if start < len(text) else 1
        caret = " " * (len(gutter) - 2) + "| " + " " * start + "^" + "~" * (width - 1)
        return f"{self.headline()}\n{gutter}{text}\n{caret}"


class ProtocolError(Exception):
    """A protocol that cannot be used; ``problems`` holds every problem found, not just one."""

    def __init__(self, problems: list[Problem], source_lines: list[str] | None = None) -> None:
        self.problems = sorted(problems)
        self.source_lines = source_lines
        errors = [p for p in self.problems if p.severity is Severity.ERROR] or self.problems
        first = errors[0].headline() if errors else "invalid protocol"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)

    def report(self) -> str:
        """Every problem with its caret line, for the terminal."""
        return "\n".join(p.render(self.source_lines) for p in self.problems)


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


class ProtocolNotFound(ProtocolError, TranslatableError):
    """No protocol file by that name or path; the message lists the names that exist.

    Made from a message key and its values (``str()`` is English, ``message(lang)`` what the
    user reads). Callers that catch ``ProtocolError`` for a protocol with errors must catch
    this one first: nothing is wrong with a protocol that was not found.
    """

    def __init__(self, key: str, /, **values: object) -> None:
        TranslatableError.__init__(self, key, **values)
        self.problems = []
        self.source_lines = None

    def report(self) -> str:
        return str(self)
