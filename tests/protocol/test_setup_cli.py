"""``interviewer paths``, ``protocol new``, the lookup's messages, and ``replace add`` that
refuses to swap a pseudonym silently (CliRunner)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from interviewer import paths
from interviewer.cli import main
from interviewer.protocol.loader import check_protocol


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "en", *args])


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_paths_names_every_folder(here: Path, data_dir: Path) -> None:
    result = run("paths")
    assert result.exit_code == 0, result.output
    out = result.output
    for folder in (
        data_dir,
        paths.config_dir(),
        here / "protocols",
        paths.bundled_protocols_dir(),
        paths.cache_dir() / "emergency",
        here / "exports",
    ):
        assert str(folder) in out, folder
    assert "Emergency copies" in out and "(not created yet)" in out
    dutch = CliRunner().invoke(main, ["--lang", "nl", "paths"])
    assert "Noodkopieën" in dutch.output


def test_protocol_new_copies_a_bundled_protocol_under_a_new_id(here: Path) -> None:
    result = run("protocol", "new", "my-study", "--from", "example-en")
    assert result.exit_code == 0, result.output
    target = here / "protocols" / "my-study.yaml"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Example protocol")  # comments kept
    checked = check_protocol(target)
    assert checked.protocol is not None and checked.protocol.id == "my-study"
    assert run("check", str(target)).exit_code == 0
    assert run("check", "my-study").exit_code == 0  # found by name in ./protocols

    again = run("protocol", "new", "my-study")
    assert again.exit_code == 1 and "--force" in again.stderr
    assert target.read_text(encoding="utf-8") == text
    target.write_text("changed", encoding="utf-8")
    assert run("protocol", "new", "my-study", "--force").exit_code == 0
    assert "id: my-study" in target.read_text(encoding="utf-8")


def test_protocol_new_refuses_bad_names_and_sources(here: Path) -> None:
    bad = run("protocol", "new", "My Study")
    assert bad.exit_code == 1 and "cannot be a protocol id" in bad.stderr
    missing = run("protocol", "new", "x", "--from", "nope")
    assert missing.exit_code == 1 and "example-en" in missing.stderr
    assert not (here / "protocols").exists()


def test_with_id_adds_an_id_when_there_is_none() -> None:
    from interviewer.cli.setup_commands import with_id

    assert with_id("title: T\n", "x") == "id: x\ntitle: T\n"
    assert with_id("# c\nid: old\nquestions:\n  - id: q1\n", "new") == (
        "# c\nid: new\nquestions:\n  - id: q1\n"
    )


def test_check_on_a_missing_file_says_so(here: Path) -> None:
    result = run("check", "my-protocol.yaml")
    assert result.exit_code == 2
    assert "my-protocol.yaml: the file does not exist" in result.output
    unknown = run("check", "my-protocol")
    assert "no protocol named 'my-protocol'" in unknown.output
    assert "known: example-en, netwerksamenwerking-swt" in unknown.output


def test_replace_add_refuses_to_swap_a_pseudonym(data_dir: Path) -> None:
    assert run("replace", "add", "Anja", "Respondent A").exit_code == 0
    same = run("replace", "add", "ANJA", "Respondent A")
    assert same.exit_code == 0  # nothing changes: no need to insist
    swapped = run("replace", "add", "Anja", "Respondent B")
    assert swapped.exit_code == 1
    assert "is already replaced by 'Respondent A'" in swapped.stderr
    assert "'Respondent B'" in swapped.stderr and "--force" in swapped.stderr
    assert "Respondent A" in run("replace", "list").output
    forced = run("replace", "add", "Anja", "Respondent B", "--force")
    assert forced.exit_code == 0 and "(was 'Respondent A')" in forced.output
    listed = run("replace", "list").output
    assert "Respondent B" in listed and "Respondent A" not in listed
