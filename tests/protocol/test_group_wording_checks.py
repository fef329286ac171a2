"""The group form of address in the file: schema entries, checker warnings (both languages),
``interviewer show`` and the paper guide."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.export.guide import guide_blocks
from interviewer.protocol.loader import check_protocol_text, load_protocol_text
from interviewer.protocol.schema import protocol_json_schema

from .test_loader_errors import problems, replace

BOTH = "duration_minutes: 30\nmode: both\naddress: {singular: u, plural: jullie}\n"

WORDED = (
    replace("duration_minutes: 30\n", BOTH)
    .replace(
        "        text: Heeft u ervaring?\n",
        "        text: Heeft u ervaring?\n"
        "        text_group: Hebben jullie ervaring?\n"
        "        alternatives: [Kent u dit?]\n"
        "        alternatives_group: [Kennen jullie dit?]\n",
        1,
    )
    .replace(
        "      - id: q2\n",
        "      - id: q-groep\n"
        "        text: Hoe verschillen jullie hierin?\n"
        "        mode: group\n"
        "      - id: q2\n",
        1,
    )
)
"""VALID for both modes: q1 with its group wordings, and a question for groups only."""


def problems_nl(text: str) -> list[tuple[int, int, str, str]]:
    result = check_protocol_text(text, "p.yaml", lang="nl")
    return [(p.line, p.column, p.severity.value, p.message) for p in result.problems]


def test_the_worded_protocol_loads_without_problems() -> None:
    assert problems(WORDED) == []
    protocol = load_protocol_text(WORDED)
    assert protocol.question("q1").text_group == "Hebben jullie ervaring?"
    assert protocol.question("q-groep").mode.value == "group"


def test_the_schema_describes_the_new_fields() -> None:
    question = protocol_json_schema()["$defs"]["Question"]["properties"]
    assert "text_group" in question and "alternatives_group" in question
    assert "group" in question["text_group"]["description"]
    assert question["mode"]["default"] == "both"
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema not installed")
    from ruamel.yaml import YAML

    jsonschema.validate(YAML(typ="safe").load(WORDED), protocol_json_schema())
    bad = YAML(typ="safe").load(WORDED.replace("mode: group", "mode: team"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, protocol_json_schema())


def test_a_slash_form_of_address_asks_for_text_group() -> None:
    text = replace("duration_minutes: 30\n", BOTH).replace(
        "text: Heeft u ervaring?", "text: Heeft U/Jullie ervaring?"
    )
    assert problems(text) == [
        (
            17,
            15,
            "warning",
            "'U/Jullie' in the question: give the group wording in 'text_group' (the singular "
            "in 'text'), so each interview shows its own",
        )
    ]
    assert problems_nl(text)[0][3] == (
        "'U/Jullie' in de vraag: zet de groepsformulering in 'text_group' (het enkelvoud in "
        "'text'), zodat elk interview de eigen vorm toont"
    )
    # "u/jullie" inside a word is no form of address; an individual protocol never warns
    assert problems(text.replace("U/Jullie", "menu/jullie")) == []
    individual = text.replace("mode: both", "mode: individual")
    assert problems(individual) == []


def test_a_group_wording_that_is_never_used_is_a_warning() -> None:
    text = replace(
        "        text: Heeft u ervaring?\n",
        "        text: Heeft u ervaring?\n        text_group: Hebben jullie ervaring?\n",
    )
    assert problems(text) == [
        (16, 9, "warning", "'text_group' is never used: the protocol's mode is 'individual'")
    ]
    assert problems_nl(text)[0][3] == (
        "'text_group' wordt nooit gebruikt: het protocol heeft mode 'individual'"
    )
    only_one = WORDED.replace(
        "        text: Heeft u ervaring?\n",
        "        text: Heeft u ervaring?\n        mode: individual\n",
    )
    found = [p[3] for p in problems(only_one)]
    assert found == [
        "'text_group' is never used: this question has mode 'individual'",
        "'alternatives_group' is never used: this question has mode 'individual'",
    ]


def test_a_question_for_the_other_mode_is_never_asked() -> None:
    text = WORDED.replace("mode: both\n", "mode: individual\n", 1)
    messages = [p[3] for p in problems(text)]
    assert (
        "question 'q-groep' is never asked: it has mode 'group' and the protocol's mode is "
        "'individual'"
    ) in messages
    assert (
        "vraag 'q-groep' wordt nooit gesteld: hij heeft mode 'group' en het protocol mode "
        "'individual'"
    ) in [p[3] for p in problems_nl(text)]


def write(folder: Path, text: str) -> Path:
    path = folder / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_show_prints_both_wordings_and_marks_mode_bound_questions(tmp_path: Path) -> None:
    path = write(tmp_path, WORDED)
    result = CliRunner().invoke(main, ["--lang", "nl", "show", str(path)], terminal_width=160)
    assert result.exit_code == 0, result.output
    assert "[hoofdvraag] Heeft u ervaring?" in result.output
    assert "Aan een groep: Hebben jullie ervaring?" in result.output
    assert "Of, aan een groep: Kennen jullie dit?" in result.output
    assert "(alleen groep) Hoe verschillen jullie hierin?" in result.output


def test_show_of_a_group_protocol_prints_its_own_wording_only(tmp_path: Path) -> None:
    path = write(tmp_path, WORDED.replace("mode: both", "mode: group", 1))
    result = CliRunner().invoke(main, ["--lang", "en", "show", str(path)], terminal_width=160)
    assert result.exit_code == 0, result.output
    assert "Hebben jullie ervaring?" in result.output
    assert "Heeft u ervaring?" not in result.output
    assert "To a group:" not in result.output


def test_the_guide_of_a_protocol_for_both_prints_both_wordings() -> None:
    blocks = guide_blocks(load_protocol_text(WORDED), "nl")
    said = [(b.label, b.text) for b in blocks]
    assert ("Aan een groep:", "Hebben jullie ervaring?") in said
    assert ("Of, aan een groep:", "Kennen jullie dit?") in said
    group_only = next(b for b in blocks if b.text == "Hoe verschillen jullie hierin?")
    assert "alleen in groepsinterviews" in (group_only.label or "")


def test_the_guide_of_an_individual_protocol_leaves_group_questions_out() -> None:
    text = WORDED.replace("mode: both\n", "mode: individual\n", 1)
    texts = [b.text for b in guide_blocks(load_protocol_text(text), "en")]
    assert "Heeft u ervaring?" in texts
    assert "Hebben jullie ervaring?" not in texts
    assert "Hoe verschillen jullie hierin?" not in texts
