"""The shape of a protocol file without pydantic: its keys, its ids, its paragraphs.

Two readers follow these rules: the pydantic models (``interviewer.domain.protocol``), which
validate a whole protocol, and the introduction's light view (``interviewer.protocol.view``),
which ``interviewer run`` reads before the models exist (importing pydantic and defining the
models is most of the start-up). Both take them from here, so they cannot drift apart: a
model names its ``MappingKeys`` and refuses to be defined when its fields differ from them.

Pure: no pydantic, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

IDENTIFIER_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
"""An id: lower-case letters, digits, '-' and '_', starting with a letter or digit."""

IDENTIFIER_MAX_LENGTH = 64


@dataclass(frozen=True)
class MappingKeys:
    """The keys a mapping in a protocol file may have, and those it must have."""

    allowed: frozenset[str]
    required: frozenset[str] = frozenset()

    def check(self, model: str, fields: dict[str, bool]) -> None:
        """Refuse a model whose fields (name: required) are not these keys.

        Runs when the model class is defined, so a field added to a model but not here (or
        the other way round) stops the import, not a protocol at an interview.
        """
        required = frozenset(name for name, needed in fields.items() if needed)
        if frozenset(fields) != self.allowed or required != self.required:
            raise TypeError(
                f"{model}: fields {sorted(fields)} (required {sorted(required)}) differ from "
                f"protocol_shape's {sorted(self.allowed)} (required {sorted(self.required)})"
            )


PROTOCOL = MappingKeys(
    allowed=frozenset(
        {
            "format",
            "id",
            "title",
            "language",
            "version",
            "authors",
            "study",
            "description",
            "source",
            "duration_minutes",
            "mode",
            "paper",
            "address",
            "introduction",
            "invitation",
            "topics",
            "extra_codes",
            "closing",
            "member_check",
            "matrix",
        }
    ),
    required=frozenset({"id", "title", "duration_minutes", "topics"}),
)
"""The top level of a protocol file (``InterviewProtocol``)."""

INTRODUCTION = MappingKeys(allowed=frozenset({"script", "checklist"}))
"""``introduction:`` (``Introduction``)."""

CHECKLIST_ITEM = MappingKeys(
    allowed=frozenset({"id", "label", "required", "recording"}),
    required=frozenset({"id", "label"}),
)
"""One item of ``introduction.checklist`` (``ChecklistItem``)."""


def split_paragraphs(text: str) -> list[str]:
    """Split on blank lines; join the lines inside a paragraph with spaces."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return [" ".join(line.strip() for line in b.splitlines()).strip() for b in blocks if b.strip()]
