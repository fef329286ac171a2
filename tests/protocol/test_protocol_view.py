"""The introduction's light view of a protocol (``interviewer.protocol.view``) shows exactly
what the fully loaded protocol shows, and gives way to the loader for anything unusual."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.domain.protocol import InterviewProtocol, split_paragraphs
from interviewer.protocol import view as protocol_view
from interviewer.protocol.loader import load_protocol
from interviewer.protocol.view import (
    CHECKLIST_KEYS,
    INTRODUCTION_KEYS,
    TOP_LEVEL_KEYS,
    read_view,
    view_of,
)

PROTOCOLS_DIR = Path(__file__).resolve().parents[2] / "protocols"
BUNDLED = sorted(PROTOCOLS_DIR.glob("*.yaml"))

SIMPLE = """\
id: simple
title: "  Een titel  "
duration_minutes: 30
introduction:
  script: |
    Eerste alinea
      over twee regels.


    Tweede alinea.
  checklist:
    - id: opname
      label: "  Opname  "
      required: true
    - {id: vragen, label: Vragen}
topics:
  - id: a
    title: A
    variable: A
    colour: yellow
    minutes: 10
    questions:
      - {id: a-1, text: Vraag?}
"""


def test_three_bundled_protocols() -> None:
    assert len(BUNDLED) == 3


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_light_view_equals_the_full_model(path: Path) -> None:
    view = read_view(path)
    assert view is not None
    assert view == view_of(load_protocol(path))
    assert view.checklist  # one of them has no script


def test_whitespace_and_paragraphs_as_the_models_have_them(tmp_path: Path) -> None:
    path = tmp_path / "simple.yaml"
    path.write_text(SIMPLE, encoding="utf-8")
    view = read_view(path)
    assert view == view_of(load_protocol(path))
    assert view is not None and view.title == "Een titel"
    assert view.paragraphs == ("Eerste alinea over twee regels.", "Tweede alinea.")
    assert view.label_of("opname") == "Opname"
    assert [c.recording for c in view.checklist] == [False, False]


def test_the_recording_mark_is_in_the_light_view(tmp_path: Path) -> None:
    path = tmp_path / "marked.yaml"
    path.write_text(SIMPLE.replace("required: true", "required: true\n      recording: true"))
    view = read_view(path)
    assert view is not None and view == view_of(load_protocol(path))
    assert [c.recording for c in view.checklist] == [True, False]


def test_keys_in_step_with_the_models() -> None:
    assert set(InterviewProtocol.model_fields) == TOP_LEVEL_KEYS
    intro = InterviewProtocol.model_fields["introduction"].annotation
    assert set(intro.model_fields) == INTRODUCTION_KEYS
    item = intro.model_fields["checklist"].annotation.__args__[0]
    assert set(item.model_fields) == CHECKLIST_KEYS


@pytest.mark.parametrize(
    "text",
    ["", "a\n\nb", "  a\n  b\n\n\n  c  \n", "\n\n", "a\n \t\nb\n", "één\r\n\r\ntwee"],
)
def test_paragraphs_split_alike(text: str) -> None:
    assert protocol_view.split_paragraphs(text) == split_paragraphs(text)


@pytest.mark.parametrize(
    "change",
    [
        ("topics:", "topcs:"),  # unknown / missing key
        ("required: true", "required: yes"),  # a text where the model coerces
        ("required: true", "required: 1"),
        ("required: true", "required: true\n      recording: 1"),
        ("id: opname", "id: Opname"),  # not an identifier
        ('title: "  Een titel  "', 'title: "   "'),
        ("duration_minutes: 30", "duration_minutes: 30\nlanguage: de"),
        ("  script: |", "  skript: |"),
        ("- {id: vragen, label: Vragen}", "- {id: vragen, label: Vragen, extra: 1}"),
        ("id: simple", "id: simple\nid: twice"),  # duplicate key: the loader reports it
        ("title:", "title: [unclosed"),  # YAML error
    ],
)
def test_anything_unusual_gives_way_to_the_loader(tmp_path: Path, change) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(SIMPLE.replace(*change, 1), encoding="utf-8")
    assert read_view(path) is None


def test_unreadable_file(tmp_path: Path) -> None:
    assert read_view(tmp_path / "missing.yaml") is None
    assert read_view(tmp_path) is None


def test_a_model_that_drifts_from_the_shape_is_not_defined() -> None:
    """The view and the models share their keys through ``protocol_shape``: a model whose
    fields differ from the keys it names (one more, or one no longer required) is refused
    when its class is defined, so the light view cannot silently fall behind."""
    from pydantic import Field

    from interviewer.domain.protocol import ChecklistItem

    with pytest.raises(TypeError, match="ChecklistPlus"):

        class ChecklistPlus(ChecklistItem):
            note: str = ""

    with pytest.raises(TypeError, match="ChecklistLoose"):

        class ChecklistLoose(ChecklistItem):
            label: str = Field(default="")

    class ChecklistSame(ChecklistItem):
        """The same fields (a narrower text): defined."""

        label: str = Field(min_length=2)

    assert set(ChecklistSame.model_fields) == CHECKLIST_KEYS
