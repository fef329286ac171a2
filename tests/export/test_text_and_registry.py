"""The sanitiser, file names, the format table and the no-silent-overwrite rule."""

from __future__ import annotations

import stat

import pytest

from interviewer.export.options import ExportOptions
from interviewer.export.registry import (
    FORMATS,
    SESSION_FORMATS,
    ExportError,
    export_file_name,
    get_format,
    write_export,
)
from interviewer.export.text import clean_line, clean_text, paragraphs_of, safe_name_part


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\x00b", "a\ufffdb"),
        ("esc\x1b[0m", "esc\ufffd[0m"),
        ("tab\tnew\nline", "tab\tnew\nline"),
        ("crlf\r\nx\ry", "crlf\nx\ny"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("emoji 😀 and שלום", "emoji 😀 and שלום"),
        ("\ufffe\uffff", "\ufffd\ufffd"),
        (None, ""),
    ],
)
def test_clean_text(raw: str | None, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_line_and_paragraphs() -> None:
    assert clean_line("  a\n b\t c ") == "a b c"
    assert paragraphs_of("one\ntwo\n\n\n three \n\n") == ["one\ntwo", "three"]
    assert paragraphs_of("   ") == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Borne", "Borne"),
        ("Coördinator team", "Coordinator-team"),
        ("../../etc", "etc"),
        ("a/b\\c:d", "a-b-c-d"),
        ("..", "x"),
        ("", "x"),
    ],
)
def test_safe_name_part(value: str, expected: str) -> None:
    assert safe_name_part(value) == expected


def test_unknown_format_names_the_valid_ones() -> None:
    with pytest.raises(ExportError) as err:
        get_format("pdf")
    message = str(err.value)
    assert message.startswith("'pdf' is not a format. Try one of: ")
    for name in ("transcript-docx", "coding-docx", "qdpx", "json", "matrix-xlsx"):
        assert name in message


def test_session_formats_are_the_issue_list() -> None:
    assert SESSION_FORMATS == ("transcript-docx", "transcript-md", "coding-docx", "qdpx", "json")
    assert set(SESSION_FORMATS) <= set(FORMATS)


def test_file_names_from_case_code_and_format(make_session) -> None:
    session = make_session({"ervaring-1": "x"}, respondent="1.2")
    session.case = "Sociaal team/Borne"  # refused for new sessions; an older file may hold it
    assert export_file_name(get_format("transcript-docx"), [session]) == (
        "Sociaal-team-Borne_1.2_transcript.docx"
    )
    assert (
        export_file_name(get_format("matrix-xlsx"), [session]) == "Sociaal-team-Borne_matrix.xlsx"
    )
    assert export_file_name(get_format("qdpx"), [session]) == "Sociaal-team-Borne_project.qdpx"


def test_existing_files_get_a_suffix_unless_forced(make_session, tmp_path) -> None:
    session = make_session({"ervaring-1": "Eerste versie."})
    first = write_export([session], "transcript-md", tmp_path)
    second = write_export([session], "transcript-md", tmp_path)
    third = write_export([session], "transcript-md", tmp_path)
    assert [p.name for p in (*first, *second, *third)] == [
        "Borne_1.1_transcript.md",
        "Borne_1.1_transcript-2.md",
        "Borne_1.1_transcript-3.md",
    ]
    first[0].write_text("kept?")
    forced = write_export([session], "transcript-md", tmp_path, ExportOptions(force=True))
    assert forced == first
    assert "Eerste versie." in first[0].read_text()
    assert stat.S_IMODE(first[0].stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".export-")]


def test_no_sessions_and_mixed_protocols_are_clear_errors(make_session, tmp_path) -> None:
    with pytest.raises(ExportError, match="no sessions"):
        write_export([], "qdpx", tmp_path)
    session = make_session({"ervaring-1": "x"})
    other = session.model_copy(
        update={"protocol": session.protocol.model_copy(update={"id": "other"})}
    )
    with pytest.raises(ExportError, match="one protocol"):
        write_export([session, other], "qdpx", tmp_path)


def test_unwritable_folder_is_a_clear_error(make_session, tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="cannot write"):
        write_export([make_session({"ervaring-1": "x"})], "transcript-md", blocker / "sub")


def test_every_format_has_a_translated_label() -> None:
    from interviewer.export import format_label

    for name in FORMATS:
        assert format_label(name, "nl") and format_label(name, "en")
    assert format_label("coding-docx", "nl") == "Codeerdocument (Word)"
    with pytest.raises(ExportError):
        format_label("pdf", "nl")


def test_new_export_folder_is_private_existing_one_untouched(make_session, tmp_path) -> None:
    session = make_session({"ervaring-1": "x"})
    new = tmp_path / "new" / "exports"
    write_export([session], "transcript-md", new)
    assert stat.S_IMODE(new.stat().st_mode) == 0o700
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    write_export([session], "transcript-md", shared)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
