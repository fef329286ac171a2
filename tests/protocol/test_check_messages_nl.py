"""The checker's messages in Dutch: exact texts and positions, language choice, the table."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.domain.protocol import normalise_colour
from interviewer.i18n import translate
from interviewer.i18n.table_check import MESSAGES
from interviewer.protocol.loader import (
    ProtocolError,
    check_protocol,
    check_protocol_text,
    load_protocol,
    load_protocol_text,
)

from .test_loader_errors import VALID, replace


def problems_nl(text: str) -> list[tuple[int, int, str, str]]:
    result = check_protocol_text(text, "p.yaml", lang="nl")
    assert result.lang == "nl"
    return [(p.line, p.column, p.severity.value, p.message) for p in result.problems]


# --- errors -------------------------------------------------------------------------------------
def test_duplicate_key() -> None:
    text = replace("title: Demo\n", "title: Demo\ntitle: Again\n")
    assert problems_nl(text) == [
        (
            3,
            1,
            "error",
            "dubbele sleutel 'title' (eerst gedefinieerd op regel 2); "
            "YAML zou stilletjes maar één ervan bewaren",
        )
    ]


def test_unknown_key_with_suggestion_and_missing_key() -> None:
    assert problems_nl(replace("        text: Heeft", "        txet: Heeft")) == [
        (14, 9, "error", "ontbrekende verplichte sleutel 'text' in topics[0].questions[0]"),
        (15, 9, "error", "onbekende sleutel 'txet' (bedoelde je 'text'?)"),
    ]


def test_unknown_key_without_suggestion() -> None:
    assert problems_nl(replace("title: Demo\n", "title: Demo\nzzz: 1\n")) == [
        (3, 1, "error", "onbekende sleutel 'zzz'"),
    ]


def test_missing_top_level_key() -> None:
    assert problems_nl(VALID.replace("duration_minutes: 30\n", "")) == [
        (1, 1, "error", "ontbrekende verplichte sleutel 'duration_minutes' in het bestand"),
    ]


def test_wrong_type() -> None:
    assert problems_nl(replace("minutes: 10", "minutes: tien")) == [
        (9, 14, "error", "'minutes' moet een getal zijn, niet 'tien'"),
    ]


def test_not_allowed_value_lists_the_choices_in_dutch() -> None:
    found = problems_nl(replace("duration_minutes: 30\n", "duration_minutes: 30\nmode: solo\n"))
    assert found == [
        (
            4,
            7,
            "error",
            "'solo' is niet toegestaan voor 'mode'; gebruik een van: individual, group of both",
        ),
    ]


def test_duplicate_id() -> None:
    assert problems_nl(replace("- id: q2", "- id: q1")) == [
        (18, 13, "error", "dubbele id 'q1' bij de vragen (eerst gebruikt op regel 14)"),
    ]


def test_unknown_characteristic() -> None:
    text = replace(
        "characteristic: wel-niet\n        answer", "characteristic: welniet\n        answer"
    )
    assert problems_nl(text) == [
        (
            16,
            25,
            "error",
            "kenmerk 'welniet' bestaat niet in onderwerp 'ervaring'; dat heeft wel-niet",
        ),
    ]


def test_show_when_answer_that_cannot_occur() -> None:
    assert problems_nl(replace('answer: "no"}', 'answer: "nee"}')) == [
        (23, 43, "error", "'nee' is geen antwoord van vraag 'q1' (toegestaan: yes, no)"),
    ]


def test_show_when_missing_question() -> None:
    assert problems_nl(replace("{question: q1,", "{question: q9,")) == [
        (23, 31, "error", "show_when verwijst naar vraag 'q9', maar die bestaat niet"),
    ]


def test_invalid_colour() -> None:
    found = problems_nl(replace("colour: yellow", "colour: purple"))
    assert [(line, col, severity) for line, col, severity, _ in found] == [(8, 13, "error")]
    assert found[0][3] == (
        "onbekende kleur 'purple'; gebruik een van de markeerkleuren van Word: yellow, "
        "bright-green, turquoise, pink, blue, red, dark-blue, teal, green, violet, dark-red, "
        "dark-yellow, gray-50, gray-25, black"
    )


def test_english_colour_message_is_the_domain_message() -> None:
    with pytest.raises(ValueError) as caught:
        normalise_colour("purple")
    found = check_protocol_text(replace("colour: yellow", "colour: purple")).problems
    assert [p.message for p in found] == [str(caught.value)]


def test_empty_text() -> None:
    assert problems_nl(replace("text: Waarom niet?", 'text: "  "')) == [
        (21, 15, "error", "'text' mag niet leeg zijn"),
    ]


# --- warnings -----------------------------------------------------------------------------------
def test_warning_characteristic_without_question() -> None:
    text = replace(
        "        label: Wel/niet\n",
        "        label: Wel/niet\n      - id: effect\n        label: Effect\n",
    )
    assert problems_nl(text) == [(13, 13, "warning", "geen enkele vraag meet kenmerk 'effect'")]


def test_warning_topic_without_main_question() -> None:
    text = replace(
        "        answer: {type: yes-no}\n", "        kind: probe\n        answer: {type: yes-no}\n"
    )
    assert (5, 9, "warning", "onderwerp 'ervaring' heeft geen hoofdvraag") in problems_nl(text)


def test_warning_follow_up_without_condition() -> None:
    text = replace('        condition: "Indien respondent geen ervaring heeft:"\n', "")
    text = text.replace('        show_when: {question: q1, answer: "no"}\n', "")
    assert problems_nl(text) == [
        (
            19,
            15,
            "warning",
            "vervolgvraag zonder 'condition' of 'show_when': de interviewer kan niet weten "
            "wanneer die gesteld moet worden",
        ),
    ]


def test_warning_priority_on_a_main_question() -> None:
    text = replace(
        "        answer: {type: yes-no}\n", "        answer: {type: yes-no}\n        priority: 1\n"
    )
    assert problems_nl(text) == [
        (18, 9, "warning", "'priority' telt alleen bij doorvragen (kind: probe)"),
    ]


def test_warning_planned_minutes_over_duration_uses_a_decimal_comma() -> None:
    text = replace("duration_minutes: 30", "duration_minutes: 8").replace(
        "minutes: 10", "minutes: 9.5"
    )
    assert problems_nl(text) == [
        (
            3,
            19,
            "warning",
            "de onderwerpen plannen samen 9,5 minuten, meer dan de 8 minuten die voor het "
            "interview gepland zijn",
        ),
    ]


def test_warning_group_mode_without_plural() -> None:
    assert problems_nl(
        replace("duration_minutes: 30\n", "duration_minutes: 30\nmode: group\n")
    ) == [
        (
            4,
            7,
            "warning",
            "mode 'group' maar geen meervoudige aanspreekvorm (address: plural: bijv. 'jullie')",
        ),
    ]


# --- unreadable files ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "position", "message"),
    [
        (
            b"",
            (1, 1),
            "bestand is leeg; een protocol heeft minstens id, title, duration_minutes en "
            "topics nodig",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", (1, 1), "dit is een binair bestand, geen YAML-protocol"),
        (
            "id: demo\ntitle: caf\u00e9\n".encode("latin-1"),
            (2, 11),
            "geen UTF-8-tekst (byte 0xe9); sla het bestand op als UTF-8",
        ),
        (
            b"- just\n- a list\n",
            (1, 1),
            "een protocol moet op het hoogste niveau een mapping van sleutels zijn "
            "(id, title, topics, ...)",
        ),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, position, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    result = check_protocol(path, lang="nl")
    assert [(p.line, p.column, p.severity.value, p.message) for p in result.problems] == [
        (*position, "error", message)
    ]


def test_alias_bomb(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    result = check_protocol(path, lang="nl")
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (
            1,
            1,
            "de YAML groeit via aliassen uit tot meer dan 200.000 waarden (een alias-bom?); "
            "het bestand wordt niet gelezen",
        )
    ]


def test_oversized_file_uses_dutch_thousands_separators(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("description: " + "x" * (3 * 1024 * 1024) + "\n")
    [problem] = check_protocol(path, lang="nl").problems
    assert problem.message == (  # the real size, not the bytes read
        "bestand is te groot voor een protocol (3.145.742 bytes; limiet 2.097.152)"
    )


# --- choosing the language ----------------------------------------------------------------------
DUTCH = VALID + "language: nl\n"  # appended, so every line number stays the same
BAD_DUTCH = DUTCH.replace("- id: q2", "- id: q1")


def test_default_is_english_and_auto_follows_the_file() -> None:
    assert check_protocol_text(BAD_DUTCH).problems[0].message.startswith("duplicate question id")
    auto = check_protocol_text(BAD_DUTCH, lang="auto")
    assert auto.lang == "nl"
    assert auto.problems[0].message == "dubbele id 'q1' bij de vragen (eerst gebruikt op regel 14)"
    english = BAD_DUTCH.replace("language: nl", "language: en")
    assert check_protocol_text(english, lang="auto").lang == "en"


def test_auto_without_a_readable_language_follows_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert (
        check_protocol_text("title: [Demo\n", lang="auto")
        .problems[0]
        .message.startswith("YAML-syntaxfout:")
    )
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert check_protocol_text("title: [Demo\n", lang="auto").lang == "en"


def test_load_protocol_raises_with_dutch_messages(tmp_path: Path) -> None:
    with pytest.raises(ProtocolError) as caught:
        load_protocol_text(BAD_DUTCH, "p.yaml", lang="nl")
    assert "p.yaml:18:13: error: dubbele id 'q1'" in caught.value.report()
    path = tmp_path / "p.yaml"
    path.write_text(BAD_DUTCH, encoding="utf-8")
    with pytest.raises(ProtocolError) as caught:
        load_protocol(path, lang="auto")
    assert "error: dubbele id 'q1'" in caught.value.report()


def test_cli_check_speaks_the_protocols_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    path = tmp_path / "nl.yaml"
    path.write_text(BAD_DUTCH.replace("duration_minutes: 30", "duration_minutes: 8"), "utf-8")
    runner = CliRunner()

    dutch = runner.invoke(main, ["check", str(path)])
    assert dutch.exit_code == 1
    assert "nl.yaml:18:13: error: dubbele id 'q1' bij de vragen (eerst gebruikt op regel 14)" in (
        dutch.output
    )
    assert "nl.yaml:3:19: warning: de onderwerpen plannen samen 10 minuten" in dutch.output
    assert dutch.output.splitlines()[-1].endswith("nl.yaml: 1 fout(en), 1 waarschuwing(en)")

    english = runner.invoke(main, ["check", "--lang", "en", str(path)])
    assert english.exit_code == 1
    assert "nl.yaml:18:13: error: duplicate question id 'q1' (first used at line 14)" in (
        english.output
    )
    assert "nl.yaml:3:19: warning: the topics plan 10 minutes" in english.output
    assert english.output.splitlines()[-1].endswith("nl.yaml: 1 error(s), 1 warning(s)")


def test_cli_show_reports_errors_in_the_protocols_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    path = tmp_path / "nl.yaml"
    path.write_text(BAD_DUTCH, "utf-8")
    result = CliRunner().invoke(main, ["show", str(path)])
    assert result.exit_code == 1
    assert "error: dubbele id 'q1'" in result.output
    assert f"{path}: het protocol bevat fouten; zie 'interviewer check {path}'" in result.output


# --- the table ----------------------------------------------------------------------------------
def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    texts = MESSAGES[key]
    assert set(texts) == {"en", "nl"}
    assert texts["en"].strip() and texts["nl"].strip()
    assert _placeholders(texts["en"]) == _placeholders(texts["nl"]), key
    values = dict.fromkeys(_placeholders(texts["en"]), "x")
    assert translate(key, "nl", **values)
