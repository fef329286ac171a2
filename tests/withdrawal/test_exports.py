"""Finding export files that still hold a respondent: names, text, whole-token codes."""

from __future__ import annotations

import zipfile
from pathlib import Path

from interviewer.withdrawal_exports import exports_mentioning


def names(folder: Path, respondent: str = "1.1") -> set[str]:
    return {hit.path.name for hit in exports_mentioning([folder], "abc123", "Borne", respondent)}


def test_code_is_a_whole_token_within_the_case(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Casus Borne, respondent 1.1.", encoding="utf-8")
    (tmp_path / "b.md").write_text("Casus Borne, respondent 1.10 and 21.1", encoding="utf-8")
    (tmp_path / "c.md").write_text("Casus Zwolle, respondent 1.1", encoding="utf-8")
    (tmp_path / "d.csv").write_text("session;abc123\n", encoding="utf-8")
    (tmp_path / "Borne_1.1_notes.pdf").write_bytes(b"%PDF")  # by its name, any type
    (tmp_path / "Borne_1.10_transcript.md").write_text("Borne", encoding="utf-8")
    assert names(tmp_path) == {"a.md", "d.csv", "Borne_1.1_notes.pdf"}


def test_words_split_over_runs_in_a_docx_are_found(tmp_path: Path) -> None:
    xml = (
        "<w:document><w:body><w:p><w:r><w:t>Bor</w:t></w:r><w:r><w:t>ne</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Respondent 1.</w:t></w:r><w:r><w:t>1</w:t></w:r></w:p></w:body>"
        "</w:document>"
    )
    with zipfile.ZipFile(tmp_path / "x.docx", "w") as archive:
        archive.writestr("word/document.xml", xml)
    assert names(tmp_path) == {"x.docx"}
    assert names(tmp_path, "1.2") == set()


def test_a_damaged_file_is_listed_as_unreadable(tmp_path: Path) -> None:
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    (hit,) = exports_mentioning([tmp_path, tmp_path / "missing"], "abc123", "Borne", "1.1")
    assert hit.why.startswith("unreadable")
