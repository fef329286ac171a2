"""What the introduction shows of a protocol, read without validating the whole protocol.

``interviewer run`` draws the introduction before the protocol models exist (importing
pydantic and defining the models is most of the start-up), so this reads the few values the
introduction needs from the same YAML data the loader reads (``yaml_source``: libyaml, YAML
1.2 scalars, duplicate keys found) and applies the models' rules to them: texts stripped and
not empty, ids in their pattern, the language ``nl`` or ``en``, paragraphs split as
``Introduction.paragraphs()``. The keys, the id pattern and the paragraph split are not
copies: they come from ``interviewer.domain.protocol_shape``, which the models are defined
against (a model whose fields differ from its keys there is not defined at all). Anything
of another shape gives ``None``, and the caller loads the protocol fully instead (so a
broken file still gets the loader's error list). The full validation still runs (after the
first frame); ``view_of`` gives the same view from a loaded protocol, and the tests compare
both for the bundled protocols.

Pure: no pydantic, no Textual, no store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interviewer.domain.protocol_shape import (
    CHECKLIST_ITEM,
    IDENTIFIER_MAX_LENGTH,
    IDENTIFIER_PATTERN,
    INTRODUCTION,
    PROTOCOL,
    split_paragraphs,
)

TOP_LEVEL_KEYS = PROTOCOL.allowed
REQUIRED_KEYS = PROTOCOL.required
INTRODUCTION_KEYS = INTRODUCTION.allowed
CHECKLIST_KEYS = CHECKLIST_ITEM.allowed
_IDENTIFIER = re.compile(IDENTIFIER_PATTERN)

__all__ = [
    "CHECKLIST_KEYS",
    "INTRODUCTION_KEYS",
    "REQUIRED_KEYS",
    "TOP_LEVEL_KEYS",
    "ChecklistView",
    "IntroductionView",
    "read_view",
    "split_paragraphs",
    "view_from_data",
    "view_of",
]


@dataclass(frozen=True)
class ChecklistView:
    """One consent checklist item as the introduction shows it."""

    id: str
    label: str
    required: bool
    recording: bool = False
    """The respondent's consent to recording (``recording: true``)."""


@dataclass(frozen=True)
class IntroductionView:
    """Everything the introduction screen shows of a protocol."""

    title: str
    language: str
    paragraphs: tuple[str, ...]
    checklist: tuple[ChecklistView, ...]

    def label_of(self, item_id: str) -> str:
        """The label of a checklist item (the id when there is none)."""
        return next((c.label for c in self.checklist if c.id == item_id), item_id)


def view_of(protocol: Any) -> IntroductionView:
    """The view of a loaded ``InterviewProtocol``."""
    intro = protocol.introduction
    return IntroductionView(
        title=protocol.title,
        language=protocol.language,
        paragraphs=tuple(intro.paragraphs()),
        checklist=tuple(
            ChecklistView(c.id, c.label, c.required, c.recording) for c in intro.checklist
        ),
    )


def _text(value: object) -> str | None:
    """A NonEmptyText: stripped, not empty; None for anything else."""
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip()


def _identifier(value: object) -> str | None:
    if isinstance(value, str) and len(value) <= IDENTIFIER_MAX_LENGTH and _IDENTIFIER.match(value):
        return value
    return None


def view_from_data(data: object) -> IntroductionView | None:
    """The view of protocol data as read from YAML; None when its shape is not the expected
    one (the full loader then reports what is wrong)."""
    if not isinstance(data, dict) or not REQUIRED_KEYS <= data.keys() <= TOP_LEVEL_KEYS:
        return None
    if data.get("format", 1) != 1 or isinstance(data.get("format", 1), bool):
        return None
    title = _text(data["title"])
    language = data.get("language", "nl")
    if title is None or _identifier(data["id"]) is None or language not in ("nl", "en"):
        return None
    if not isinstance(data["topics"], list) or not data["topics"]:
        return None
    intro = data.get("introduction", {})
    if not isinstance(intro, dict) or not intro.keys() <= INTRODUCTION_KEYS:
        return None
    script = intro.get("script", "")
    items = intro.get("checklist", [])
    if not isinstance(script, str) or not isinstance(items, list):
        return None
    checklist: list[ChecklistView] = []
    for item in items:
        if (
            not isinstance(item, dict)
            or not CHECKLIST_ITEM.required <= item.keys() <= CHECKLIST_KEYS
        ):
            return None
        item_id, label = _identifier(item["id"]), _text(item["label"])
        required, recording = item.get("required", False), item.get("recording", False)
        if item_id is None or label is None:
            return None
        if not isinstance(required, bool) or not isinstance(recording, bool):
            return None
        checklist.append(ChecklistView(item_id, label, required, recording))
    return IntroductionView(title, language, tuple(split_paragraphs(script)), tuple(checklist))


def read_view(path: Path) -> IntroductionView | None:
    """The view of a protocol file, or None when it cannot be read cheaply and plainly (any
    problem at all, even a warning, leaves it to the full loader)."""
    try:
        from interviewer.protocol.yaml_source import read_protocol_yaml

        parsed = read_protocol_yaml(Path(path))
    except Exception:  # the full loader reports it properly
        return None
    if parsed.problems:
        return None
    return view_from_data(parsed.data)
