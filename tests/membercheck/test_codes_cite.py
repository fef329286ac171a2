"""``interviewer codes next`` (the seeds' code schemes) and ``interviewer cite`` (quotes)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from interviewer.cli import main


def run(data_dir: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "--lang", "en", *args])
    assert result.exit_code == code, result.output
    return result.output.strip()


def test_next_code_in_each_scheme(tmp_path: Path, stored) -> None:
    data_dir, sessions = stored
    case = sessions[0].case
    used = {s.respondent for s in sessions}
    number = sessions[0].respondent.split(".")[0]
    assert run(data_dir, "codes", "next", "--case", case) == f"{number}.{len(used) + 1}"
    other_case = run(data_dir, "codes", "next", "--case", "Nieuwe gemeente")
    assert other_case == f"{int(number) + 1}.1"
    assert run(data_dir, "codes", "next", "--case", case, "--scheme", "sequential") == "1"


def test_shuffled_codes_are_stable_and_cover_the_plan(tmp_path: Path, stored) -> None:
    data_dir, _sessions = stored
    args = ("codes", "next", "--case", "Haaksbergen", "--scheme", "shuffled", "--planned", "6")
    first = run(data_dir, *args)
    assert first == run(data_dir, *args)  # the same case gives the same order everywhere
    assert re.fullmatch(r"\d+\.[1-6]", first)
    assert "needs --planned" in run(
        data_dir, "codes", "next", "--case", "X", "--scheme", "shuffled", code=1
    )


def test_cite_quotes_the_numbered_markdown_lines(tmp_path: Path, stored) -> None:
    data_dir, sessions = stored
    session = sessions[0]
    out = tmp_path / "md"
    run(data_dir, "export", session.id, "--format", "transcript-md", "--out", str(out))
    (md,) = out.glob("*.md")
    lines = {}
    for raw in md.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^`\s*(\d+)` ?(.*)$", raw.rstrip())
        if match:
            lines[int(match.group(1))] = match.group(2).strip()
    first = next(n for n in sorted(lines) if n > 15 and len(lines[n]) > 40 and lines[n + 1])
    quoted = run(data_dir, "cite", session.id, f"{first}-{first + 1}")
    # the citation is publication text: in the (Dutch) session's language under --lang en
    assert quoted == (
        f"“{lines[first]} {lines[first + 1]}” (respondent {session.respondent}, "
        f"regel {first}-{first + 1})"
    )
    custom = run(data_dir, "cite", session.id, str(first), "--template", "(resp. {code})")
    assert custom.endswith(f"(resp. {session.respondent})")
    assert "has" in run(data_dir, "cite", session.id, "99999", code=1)
    assert run(data_dir, "cite", session.id, "9-3", code=2)


def test_cite_applies_the_replacement_list(tmp_path: Path, stored) -> None:
    data_dir, sessions = stored
    session = sessions[0]
    assert f"Casus: {session.case}" in run(data_dir, "cite", session.id, "1-8")
    run(data_dir, "replace", "add", session.case, "Gemeente A")
    again = run(data_dir, "cite", session.id, "1-8")
    assert session.case not in again and "Casus: Gemeente A" in again
