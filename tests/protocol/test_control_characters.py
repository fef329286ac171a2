"""Protocol texts may not hold control or bidi characters (issue 14, point 4: the terminal
never receives them, and `interviewer show` prints protocol texts as they are)."""

from __future__ import annotations

import pytest

from tests.protocol.test_loader_errors import VALID, problems, replace


@pytest.mark.parametrize(
    ("escape", "shown"),
    [("\\e[31m", "U+001B"), ("\\u202e", "U+202E"), ("\\x07", "U+0007"), ("\\u2028", "U+2028")],
)
def test_an_escaped_control_character_is_an_error_at_its_place(escape: str, shown: str) -> None:
    found = problems(replace("title: Demo", f'title: "De{escape}mo"'))
    assert found == [
        (
            2,
            8,
            "error",
            f"the text holds the invisible control character {shown} (from an escape such as "
            "\\e or \\u202e); remove it",
        )
    ]


def test_line_ends_tabs_emoji_and_joiners_stay_allowed() -> None:
    text = replace("title: Demo", 'title: "De\\tmo\\n👩\\u200d👩\\u00adx"')
    assert problems(text) == []


def test_the_valid_protocol_is_untouched() -> None:
    assert problems(VALID) == []
