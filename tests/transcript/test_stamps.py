"""Time stamps: the spellings we read and the two styles analysis tools read."""

from __future__ import annotations

import pytest

from interviewer.transcript import format_stamp, parse_clock


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("00:12:34", 754.0),
        ("0:12:34", 754.0),
        ("12:34", 754.0),
        ("00:12:34,500", 754.5),
        ("00:12:34.25", 754.25),
        ("00:12:34-5", 754.5),
        ("1:02:03.004", 3723.004),
        ("100:00:00", 360000.0),
    ],
)
def test_parse_clock(text: str, seconds: float) -> None:
    assert parse_clock(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("00:60:00", "60 minutes"),
        ("00:00:75", "75 seconds"),
        ("12h30", "not a time"),
        ("", "not a time"),
    ],
)
def test_parse_clock_refuses(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_clock(text)


@pytest.mark.parametrize(
    ("seconds", "style", "expected"),
    [
        (754.46, "maxqda", "#00:12:34-5#"),
        (754.44, "maxqda", "#00:12:34-4#"),
        (59.96, "maxqda", "#00:01:00-0#"),
        (3723.9, "bracket", "[01:02:03]"),
        (0, "bracket", "[00:00:00]"),
        (-5.5, "bracket", "[-00:00:05]"),
        (-5.5, "maxqda", "#-00:00:05-5#"),
    ],
)
def test_format_stamp(seconds: float, style: str, expected: str) -> None:
    assert format_stamp(seconds, style) == expected


def test_format_stamp_round_trips_through_the_text_reader() -> None:
    for value in (0.0, 12.3, 754.5, 7322.1):
        inner = format_stamp(value, "maxqda").strip("#")
        assert parse_clock(inner) == pytest.approx(value)


def test_unknown_style() -> None:
    with pytest.raises(ValueError, match="maxqda, bracket"):
        format_stamp(1, "nvivo")
