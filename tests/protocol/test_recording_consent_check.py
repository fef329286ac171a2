"""The checklist item marked ``recording: true`` (issue 16): one at most, and required; each
mistake an error at the file's line and column, so the protocol does not load."""

from __future__ import annotations

import pytest

from interviewer.protocol.loader import check_protocol_text, load_protocol_text

from .test_loader_errors import VALID, problems

CHECKLIST = """\
introduction:
  checklist:
    - id: vragen
      label: Vragen?
    - id: opname
      label: Toestemming voor opname
      required: true
      recording: true
"""


def _with(checklist: str) -> str:
    return VALID + checklist


def _position(text: str, nth: int) -> tuple[int, int]:
    """Line and column of the ``nth`` (1-based) ``recording:`` key."""
    found = [
        (number, line.index("recording:") + 1)
        for number, line in enumerate(text.splitlines(), 1)
        if "recording:" in line
    ]
    return found[nth - 1]


def test_one_required_recording_item_is_fine() -> None:
    text = _with(CHECKLIST)
    assert [p for p in problems(text) if p[2] == "error"] == []
    protocol = load_protocol_text(text)
    assert [c.recording for c in protocol.introduction.checklist] == [False, True]


def test_a_recording_item_that_is_not_required_is_an_error_at_its_key() -> None:
    text = _with(CHECKLIST.replace("      required: true\n", ""))
    line, col = _position(text, 1)
    message = (
        "the consent to recording ('opname') must have 'required: true': a consent that may "
        "be skipped cannot decide whether the interview is recorded"
    )
    assert (line, col, "error", message) in problems(text)
    dutch = check_protocol_text(text, "p.yaml", lang="nl").problems
    assert any(p.message.startswith("de toestemming voor opname ('opname')") for p in dutch)


def test_two_recording_items_are_an_error_at_the_second() -> None:
    text = _with(CHECKLIST + "    - {id: nog, label: Nog een, required: true, recording: true}\n")
    first_line, _ = _position(text, 1)
    line, col = _position(text, 2)
    errors = [p for p in problems(text) if p[2] == "error"]
    assert errors == [
        (
            line,
            col,
            "error",
            f"a second checklist item marked 'recording: true' (the first is on line "
            f"{first_line}); recording waits for one consent item",
        )
    ]


@pytest.mark.parametrize(("value", "marked"), [("false", False), ("yes", True), ("on", True)])
def test_the_checker_reads_the_mark_as_the_model_does(value: str, marked: bool) -> None:
    """A text the model takes for true (``yes``) is checked like ``true``."""
    text = _with(CHECKLIST.replace("recording: true", f"recording: {value}"))
    protocol = load_protocol_text(text)
    assert protocol.introduction.checklist[1].recording is marked
    loose = text.replace("      required: true\n", "")
    errors = [p for p in problems(loose) if p[2] == "error"]
    assert len(errors) == (1 if marked else 0)


def test_check_record_warns_about_a_protocol_that_cannot_be_recorded() -> None:
    from pathlib import Path

    from click.testing import CliRunner

    from interviewer.cli import main

    root = Path(__file__).resolve().parents[2] / "protocols"
    runner = CliRunner()
    without = runner.invoke(main, ["check", "--record", str(root / "netwerksamenwerking-swt.yaml")])
    assert without.exit_code == 0
    assert "recording: true" in without.output and "niet opgenomen" in without.output
    strict = runner.invoke(
        main, ["check", "--record", "--strict", str(root / "netwerksamenwerking-swt.yaml")]
    )
    assert strict.exit_code == 1
    marked = runner.invoke(
        main, ["check", "--record", str(root / "sociale-teams-samenwerking.yaml")]
    )
    assert marked.exit_code == 0 and "recording: true" not in marked.output
    plain = runner.invoke(main, ["check", str(root / "netwerksamenwerking-swt.yaml")])
    assert "recording: true" not in plain.output  # only asked for with --record
