"""Respondent codes: validation (file-name safe) and suggestions."""

from __future__ import annotations

import pytest

from interviewer.domain.codes import (
    CodeScheme,
    infer_case_number,
    next_shuffled_code,
    shuffled_codes,
    suggest_case_number,
    suggest_next_code,
    validate_respondent_code,
)


@pytest.mark.parametrize("code", ["1.1", "12.3", "R1", "team-a_2", " 2.4 ", "Wmo 1"])
def test_valid_codes_pass_and_are_stripped(code: str) -> None:
    assert validate_respondent_code(code) == code.strip()


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("1/2", "'/'"),
        ("1\\2", "'\\\\'"),
        ("..", "'..'"),
        ("1..2", "'..'"),
        ("a\nb", "control character"),
        ("a\x00b", "control character"),
        ("a\u202eb", "control character"),
        ("x" * 33, "too long"),
        (".1", "start or end"),
        ("1.", "start or end"),
        ("a:b", "':'"),
        ("NUL", "reserved"),
        ("com1.2", "reserved"),
    ],
)
def test_invalid_codes_are_refused_with_a_reason(code: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("\\\\", "\\\\\\\\")) as info:
        validate_respondent_code(code)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("existing", "kwargs", "expected"),
    [
        ([], {}, "1.1"),
        (["1.1", "1.2"], {}, "1.3"),
        (["1.1", "1.3"], {}, "1.4"),
        (["2.1", "2.2", "2.10"], {}, "2.11"),
        (["1.1"], {"case_number": 3}, "3.1"),
        (["R1", "1.2"], {}, "1.3"),
        ([], {"scheme": CodeScheme.SEQUENTIAL}, "1"),
        (["1", "2", "7", "x"], {"scheme": "sequential"}, "8"),
    ],
)
def test_suggest_next_code(existing: list[str], kwargs: dict, expected: str) -> None:
    assert suggest_next_code(existing, **kwargs) == expected


def test_case_number_inferred_from_other_cases() -> None:
    study = {"Borne": ["1.1", "1.2"], "Haaksbergen": ["2.1"], "Wierden": []}
    assert suggest_case_number(study, "Borne") == 1
    assert suggest_case_number(study, "Wierden") == 3
    assert suggest_case_number({}, "Borne") == 1
    assert infer_case_number(["3.1", "3.2", "4.1"]) == 3


def test_shuffled_codes_are_a_seeded_permutation() -> None:
    codes = shuffled_codes(2, 8, seed=42)
    assert sorted(codes, key=lambda c: int(c.split(".")[1])) == [f"2.{n}" for n in range(1, 9)]
    assert codes == shuffled_codes(2, 8, seed=42)
    assert codes != [f"2.{n}" for n in range(1, 9)]
    assert next_shuffled_code([], 2, capacity=8, seed=42) == codes[0]
    assert next_shuffled_code(codes[:3], 2, capacity=8, seed=42) == codes[3]
    with pytest.raises(ValueError, match="in use"):
        next_shuffled_code(codes, 2, capacity=8, seed=42)
