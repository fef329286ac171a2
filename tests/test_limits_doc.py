"""docs/limits.md states every reader's limits; this keeps each number equal to the code."""

from __future__ import annotations

import importlib
import re

from tests.conftest import REPO_ROOT

UNITS = {"MiB": 1024 * 1024, "KiB": 1024}
ROW = re.compile(r"^\| (?P<what>[^|]+) \| (?P<limit>[^|]+) \| `(?P<name>[\w.]+)` \|")
NUMBER = re.compile(r"(?P<number>\d[\d,]*)(?:\s*(?P<unit>MiB|KiB))?")


def documented_limits() -> list[tuple[str, str, float]]:
    text = (REPO_ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        match = ROW.match(line)
        if match is None:
            continue
        number = NUMBER.search(match["limit"])
        assert number is not None, f"no number in the limit of: {line}"
        value = int(number["number"].replace(",", "")) * UNITS.get(number["unit"] or "", 1)
        rows.append((match["what"].strip(), match["name"], value))
    return rows


def constant(dotted: str) -> object:
    module_name, _, attribute = dotted.rpartition(".")
    return getattr(importlib.import_module(f"interviewer.{module_name}"), attribute)


def test_the_table_is_there_and_long() -> None:
    assert len(documented_limits()) >= 20


def test_every_documented_limit_is_the_one_in_the_code() -> None:
    wrong = [
        f"{what}: docs say {value}, {name} is {constant(name)}"
        for what, name, value in documented_limits()
        if constant(name) != value
    ]
    assert wrong == []
