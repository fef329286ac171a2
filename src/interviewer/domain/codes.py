"""Respondent pseudonym codes: validation (they end up in file names) and suggestions.

The seed studies number respondents per case: ``<case number>.<n>`` ("1.1", "1.2" for the
first municipality, "2.1" for the second). Some studies number across the whole study
("1", "2", "3"). A shuffled scheme numbers within a case in random order, so that codes do
not reveal the order of the interviews (and thereby who was interviewed on which day).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from enum import StrEnum

from interviewer.i18n.errors import TranslatableValueError

MAX_CODE_LENGTH = 32
"""Long enough for 'team-a.12' style codes, short enough for file names on every system."""
MAX_CASE_LENGTH = 80
"""A case is a team, a school or a municipality: 80 characters name any of them, and keep
listings, file names and report headings readable (docs/storage.md)."""
SAFE_ID = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9_-]{0,63}\Z")
"""Session ids end up in file names: letters, digits, '-' and '_' only, 1-64 characters.
``\\Z``, not ``$``: ``$`` also matches before a final newline, so ``"abc\\n"`` would pass."""
UNSAFE_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")
"""Unicode categories refused in case names and codes: control characters (ESC, NUL, new
lines), format characters (the bidi overrides U+202A-U+202E and isolates U+2066-U+2069,
which make a name read differently from what it is) and line/paragraph separators."""

_FORBIDDEN_CHARS = set('/\\<>:"|?*')
_CASE_CODE = re.compile(r"\A(\d+)\.(\d+)\Z")
_SEQUENTIAL_CODE = re.compile(r"\A(\d+)\Z")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{i}" for p in ("com", "lpt") for i in range(10)
}


class CodeError(TranslatableValueError):
    """A respondent code, case or code count that cannot be used (a ``ValueError`` with a
    message key, so the CLI and the TUI say it in the interface language)."""


class CodeScheme(StrEnum):
    """How new respondent codes are numbered."""

    CASE = "case"  # <case number>.<n>, e.g. 1.3
    SEQUENTIAL = "sequential"  # 1, 2, 3 across the study


def validate_respondent_code(code: str) -> str:
    """Return ``code`` stripped of surrounding spaces, or raise CodeError saying what is wrong.

    Codes become parts of file names (exports, member-check letters), so anything that could
    escape a folder or break a file system is refused.
    """
    if not isinstance(code, str):
        raise CodeError("codes.error.not_text")
    value = code.strip()
    if not value:
        raise CodeError("codes.error.empty")
    if len(value) > MAX_CODE_LENGTH:
        raise CodeError(
            "codes.error.too_long", code=value[:40], length=len(value), most=MAX_CODE_LENGTH
        )
    for char in value:
        if unicodedata.category(char) in UNSAFE_CATEGORIES:
            raise CodeError("codes.error.control", code=value, point=f"{ord(char):04X}")
        if char in _FORBIDDEN_CHARS:
            raise CodeError(
                "codes.error.forbidden",
                code=value,
                char=char,
                chars="".join(sorted(_FORBIDDEN_CHARS)),
            )
    if ".." in value:
        raise CodeError("codes.error.dots", code=value)
    if value.startswith(".") or value.endswith("."):
        raise CodeError("codes.error.dot_edge", code=value)
    if value.split(".")[0].lower() in _WINDOWS_RESERVED:
        raise CodeError("codes.error.reserved", code=value)
    return value


def code_sort_key(code: str) -> tuple[tuple[int, int, str], ...]:
    """Sort codes as numbers: '1.2' before '1.10', '2' before '10'; other parts as text.

    The one ordering of respondents everywhere (home screen, ``interviewer sessions``, the
    data matrix's columns, code lists), so a list never reads 1.1, 1.10, 1.2.
    """
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.split(r"[.\-_]", code.strip())
    )


def validate_participant_codes(codes: Iterable[str]) -> list[str]:
    """The codes validated one by one, in order; a code given twice is refused."""
    result: list[str] = []
    for raw in codes:
        code = validate_respondent_code(raw)
        if code in result:
            raise CodeError("codes.error.twice", code=code)
        result.append(code)
    return result


def split_code_list(text: str | None) -> list[str]:
    """``"2.1, 2.2,2.3"`` (the CLI's ``--group``) as a list of codes, empty items left out."""
    return [c.strip() for c in (text or "").split(",") if c.strip()]


def unsafe_char(text: str) -> str | None:
    """The first character of ``text`` that must not reach a file name or a terminal (see
    ``UNSAFE_CATEGORIES``), or None."""
    for char in text:
        if unicodedata.category(char) in UNSAFE_CATEGORIES:
            return char
    return None


def validate_case_name(case: str | None) -> str:
    """The case name stripped, or CodeError saying what is wrong.

    The one check of a case name, made by ``run``, the new-session form and ``import``:
    not empty, at most ``MAX_CASE_LENGTH`` characters, no control or bidi characters, and
    nothing path-like ('/', '\\', '..'), since case names reach file names and listings.
    """
    if case is not None and not isinstance(case, str):
        raise CodeError("codes.error.no_case")
    name = (case or "").strip()
    if not name:
        raise CodeError("codes.error.no_case")
    if len(name) > MAX_CASE_LENGTH:
        raise CodeError(
            "codes.error.case_too_long", case=name[:40], length=len(name), most=MAX_CASE_LENGTH
        )
    char = unsafe_char(name)
    if char is not None:
        raise CodeError("codes.error.case_control", case=name, point=f"{ord(char):04X}")
    for part in ("/", "\\", ".."):
        if part in name:
            raise CodeError("codes.error.case_path", case=name, part=part)
    return name


def validate_session_id(session_id: object) -> str:
    """``session_id`` when it is safe as a file name (``SAFE_ID``), else CodeError."""
    if not isinstance(session_id, str) or not SAFE_ID.match(session_id):
        raise CodeError("codes.error.session_id", id=str(session_id)[:80])
    return session_id


def case_number_of(code: str) -> int | None:
    """The case number of a ``<case>.<n>`` code, or None for other codes."""
    match = _CASE_CODE.match(code.strip())
    return int(match.group(1)) if match else None


def infer_case_number(codes: Iterable[str]) -> int | None:
    """The most common case number among ``codes`` (ties: the lowest), or None if none fit."""
    counts = Counter(n for n in (case_number_of(c) for c in codes) if n is not None)
    if not counts:
        return None
    best = max(counts.values())
    return min(n for n, c in counts.items() if c == best)


def suggest_case_number(codes_by_case: Mapping[str, Iterable[str]], case: str) -> int:
    """The case number for ``case``: its own codes' number, else one past the highest used.

    ``codes_by_case`` maps every case of the study to its respondent codes, so a new case
    ("Wierden" after "Borne" = 1 and "Haaksbergen" = 2) gets the next number (3).
    """
    own = infer_case_number(codes_by_case.get(case, ()))
    if own is not None:
        return own
    used = [
        n
        for other, codes in codes_by_case.items()
        if other != case
        for n in [infer_case_number(codes)]
        if n is not None
    ]
    return max(used, default=0) + 1


def suggest_next_code(
    existing: Iterable[str],
    *,
    scheme: CodeScheme | str = CodeScheme.CASE,
    case_number: int | None = None,
) -> str:
    """The next free code after the highest one in use (gaps are not refilled).

    ``existing``: for the case scheme, the codes already used in this case; for the
    sequential scheme, the codes used in the whole study. Gaps usually come from deleted
    sessions; reusing such a number would mix two people under one code in old exports.
    """
    scheme = CodeScheme(scheme)
    codes = [c.strip() for c in existing]
    if scheme is CodeScheme.SEQUENTIAL:
        numbers = [int(m.group(1)) for c in codes if (m := _SEQUENTIAL_CODE.match(c))]
        return str(max(numbers, default=0) + 1)
    if case_number is None:
        case_number = infer_case_number(codes) or 1
    if case_number < 0:
        raise CodeError("codes.error.case_number", number=case_number)
    numbers = [
        int(m.group(2))
        for c in codes
        if (m := _CASE_CODE.match(c)) and int(m.group(1)) == case_number
    ]
    return f"{case_number}.{max(numbers, default=0) + 1}"


def shuffled_codes(
    case_number: int, count: int, *, seed: int | None = None, start: int = 1
) -> list[str]:
    """``count`` codes ``<case>.<start..start+count-1>`` in random order.

    Hand out the i-th code to the i-th interview: the numbers then say nothing about the
    order (or day) of the interviews. Pass ``seed`` to get the same order again.
    """
    if count < 0:
        raise CodeError("codes.error.count", count=count)
    numbers = list(range(start, start + count))
    random.Random(seed).shuffle(numbers)
    return [f"{case_number}.{n}" for n in numbers]


def next_shuffled_code(
    existing: Iterable[str], case_number: int, *, capacity: int, seed: int | None = None
) -> str:
    """The next unused code from the shuffled order of ``capacity`` codes in this case.

    The order is fixed by ``seed`` so that every laptop of a team hands out the same
    sequence. Raises ValueError when all ``capacity`` codes are taken.
    """
    used = {c.strip() for c in existing}
    for code in shuffled_codes(case_number, capacity, seed=seed):
        if code not in used:
            return code
    raise CodeError("codes.error.all_used", capacity=capacity, number=case_number)
