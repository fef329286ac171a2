"""Every error and warning class of ``interviewer check``: exact line, column and message."""

from __future__ import annotations

import textwrap

import pytest

from interviewer.protocol.loader import (
    ProtocolError,
    Severity,
    check_protocol,
    check_protocol_text,
    load_protocol_text,
)

VALID = textwrap.dedent(
    """\
    id: demo
    title: Demo
    duration_minutes: 30
    topics:
      - id: ervaring
        title: Ervaring
        variable: Ervaring
        colour: yellow
        minutes: 10
        characteristics:
          - id: wel-niet
            label: Wel/niet
        questions:
          - id: q1
            text: Heeft u ervaring?
            characteristic: wel-niet
            answer: {type: yes-no}
          - id: q2
            kind: follow-up
            condition: "Indien respondent geen ervaring heeft:"
            text: Waarom niet?
            characteristic: wel-niet
            show_when: {question: q1, answer: "no"}
    extra_codes:
      - id: overig
        name: Overige interessante informatie
        colour: grey
    closing:
      questions:
        - id: c1
          text: Wilt u nog iets toevoegen?
          code: overig
    invitation:
      purpose: Ik onderzoek hoe professionals in sociale teams samenwerken.
    """
)


def problems(text: str) -> list[tuple[int, int, str, str]]:
    result = check_protocol_text(text, "p.yaml")
    return [(p.line, p.column, p.severity.value, p.message) for p in result.problems]


def replace(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


def test_the_valid_protocol_has_no_problems() -> None:
    assert problems(VALID) == []
    protocol = load_protocol_text(VALID)
    assert protocol.topics[0].colour == "yellow"
    assert protocol.extra_codes[0].colour == "gray-25"


def test_yaml_syntax_error_points_at_the_bad_line() -> None:
    found = problems(replace("title: Demo", "title: [Demo"))
    assert len(found) == 1
    line, _col, severity, message = found[0]
    assert (line, severity) == (3, "error")
    assert message.startswith("YAML syntax:")


def test_duplicate_keys_are_all_reported_with_both_lines() -> None:
    text = replace("title: Demo\n", "title: Demo\ntitle: Again\n")
    text = text.replace("    minutes: 10\n", "    minutes: 10\n    minutes: 12\n")
    assert problems(text) == [
        (
            3,
            1,
            "error",
            "duplicate key 'title' (first defined at line 2); "
            "YAML would silently keep only one of them",
        ),
        (
            11,
            5,
            "error",
            "duplicate key 'minutes' (first defined at line 10); "
            "YAML would silently keep only one of them",
        ),
    ]


def test_unknown_key_suggests_the_right_one() -> None:
    assert problems(replace("        text: Heeft", "        txet: Heeft")) == [
        (14, 9, "error", "missing required key 'text' in topics[0].questions[0]"),
        (15, 9, "error", "unknown key 'txet' (did you mean 'text'?)"),
    ]


def test_unknown_key_without_a_close_match() -> None:
    assert problems(replace("title: Demo\n", "title: Demo\nzzz: 1\n")) == [
        (3, 1, "error", "unknown key 'zzz'"),
    ]


def test_wrong_type() -> None:
    assert problems(replace("minutes: 10", "minutes: tien")) == [
        (9, 14, "error", "'minutes' must be a number, not 'tien'"),
    ]


def test_missing_required_top_level_field() -> None:
    assert problems(VALID.replace("duration_minutes: 30\n", "")) == [
        (1, 1, "error", "missing required key 'duration_minutes' in the file"),
    ]


def test_duplicate_ids() -> None:
    assert problems(replace("- id: q2", "- id: q1")) == [
        (18, 13, "error", "duplicate question id 'q1' (first used at line 14)"),
    ]


def test_question_with_unknown_characteristic() -> None:
    text = replace(
        "characteristic: wel-niet\n        answer", "characteristic: welniet\n        answer"
    )
    assert problems(text) == [
        (
            16,
            25,
            "error",
            "characteristic 'welniet' does not exist in topic 'ervaring'; it has wel-niet",
        ),
    ]


def test_follow_up_linked_to_a_missing_question() -> None:
    assert problems(replace("{question: q1,", "{question: q9,")) == [
        (23, 31, "error", "show_when refers to question 'q9', which does not exist"),
    ]


def test_follow_up_linked_to_an_answer_that_cannot_occur() -> None:
    assert problems(replace('answer: "no"}', 'answer: "nee"}')) == [
        (23, 43, "error", "'nee' is not an answer of question 'q1' (it accepts: yes, no)"),
    ]


def test_follow_up_linked_to_an_open_question() -> None:
    assert problems(replace("        answer: {type: yes-no}\n", "")) == [
        (
            22,
            31,
            "error",
            "question 'q1' has no quick answer (type 'open'), so nothing can "
            "trigger this follow-up",
        ),
    ]


def test_invalid_colour() -> None:
    found = problems(replace("colour: yellow", "colour: purple"))
    assert [(line, col) for line, col, _, _ in found] == [(8, 13)]
    assert found[0][3].startswith("unknown colour 'purple'; use one of Word's highlight colours")


def test_empty_text() -> None:
    assert problems(replace("text: Waarom niet?", 'text: "  "')) == [
        (21, 15, "error", "'text' must not be empty"),
    ]


def test_invalid_id() -> None:
    assert problems(replace("- id: q2", "- id: Vraag 2")) == [
        (
            18,
            13,
            "error",
            "'Vraag 2' is not a valid id: use lower-case letters, digits, '-' "
            "and '_', starting with a letter or digit",
        ),
    ]


def test_choice_without_options_and_bad_scale() -> None:
    text = replace("answer: {type: yes-no}", "answer: {type: scale, min: 5, max: 1}")
    found = problems(text)
    assert found == [(17, 44, "error", "scale 'max' (1) must be above 'min' (5)")]
    text = replace("answer: {type: yes-no}", "answer: {type: choice}")
    assert problems(text)[0] == (17, 24, "error", "a 'choice' answer needs 'options'")


def test_closing_question_with_unknown_code() -> None:
    assert problems(replace("code: overig", "code: overige")) == [
        (32, 13, "error", "extra code 'overige' does not exist (see 'extra_codes')"),
    ]


def test_warning_characteristic_without_question() -> None:
    text = replace(
        "        label: Wel/niet\n",
        "        label: Wel/niet\n      - id: effect\n        label: Effect\n",
    )
    assert problems(text) == [
        (13, 13, "warning", "no question measures characteristic 'effect'"),
    ]


def test_warning_topic_without_main_question() -> None:
    text = replace(
        "        answer: {type: yes-no}\n", "        kind: probe\n        answer: {type: yes-no}\n"
    )
    assert (5, 9, "warning", "topic 'ervaring' has no main question") in problems(text)


def test_warning_planned_minutes_over_duration() -> None:
    assert problems(replace("duration_minutes: 30", "duration_minutes: 8")) == [
        (
            3,
            19,
            "warning",
            "the topics plan 10 minutes, more than the 8 minutes planned for the interview",
        ),
    ]


def test_warning_group_mode_without_plural() -> None:
    assert problems(replace("duration_minutes: 30\n", "duration_minutes: 30\nmode: group\n")) == [
        (
            4,
            7,
            "warning",
            "mode 'group' but no plural form of address (address: plural: e.g. 'jullie')",
        ),
    ]
    with_plural = "duration_minutes: 30\nmode: group\naddress: {singular: u, plural: jullie}\n"
    assert problems(replace("duration_minutes: 30\n", with_plural)) == []


def test_warnings_do_not_stop_loading_but_errors_list_everything() -> None:
    load_protocol_text(replace("duration_minutes: 30", "duration_minutes: 8"))
    text = replace("colour: yellow", "colour: purple").replace("- id: q2", "- id: q1")
    with pytest.raises(ProtocolError) as caught:
        load_protocol_text(text, "p.yaml")
    assert len(caught.value.problems) == 2
    report = caught.value.report()
    assert "p.yaml:8:13: error: unknown colour" in report
    assert "    8 |     colour: purple\n      |             ^~~~~~" in report


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"  \n\n", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "this is a binary file"),
        ("title: caf\u00e9\n".encode("latin-1"), "not UTF-8 text (byte 0xe9)"),
        (b"- just\n- a list\n", "a protocol must be a mapping"),
        (b"a: *nothing\n", "YAML syntax"),
        (b"id: !!python/object:os.system x\n", "unsupported YAML tag"),
    ],
)
def test_bad_files_give_one_clear_error(tmp_path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    result = check_protocol(path)
    assert result.protocol is None
    assert any(message in problem.message for problem in result.errors)
    assert all(problem.severity is Severity.ERROR for problem in result.problems)


def test_billion_laughs_is_refused(tmp_path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    result = check_protocol(path)
    assert len(result.problems) == 1
    assert "alias bomb" in result.problems[0].message


def test_oversized_file_is_refused(tmp_path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("description: " + "x" * (3 * 1024 * 1024) + "\n")
    result = check_protocol(path)
    assert [p.message.split(" (")[0] for p in result.problems] == [
        "file is too large for a protocol"
    ]


def test_a_folder_is_not_a_protocol(tmp_path) -> None:
    assert check_protocol(tmp_path).errors[0].message == "is a folder, not a file"
