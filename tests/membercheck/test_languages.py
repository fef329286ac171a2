"""One language per document and per interface, on the command line and in the core.

The translation tables are complete (every table, both languages, same placeholders);
the interface language resolves --lang, the settings file, the protocol, LANG in that
order; documents follow the protocol whatever the interface speaks; one member check
speaks one language; errors are translated."""

from __future__ import annotations

import importlib
import pkgutil
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

import interviewer.i18n as i18n
from interviewer import paths
from interviewer.cli import main
from interviewer.i18n import (
    LANGUAGES,
    all_messages,
    document_language,
    resolve_language,
    translate,
)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _settings(text: str) -> Path:
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- the tables ----------------------------------------------------------------------------
def test_every_table_is_merged_and_complete_in_both_languages() -> None:
    modules = [m.name for m in pkgutil.iter_modules(i18n.__path__) if m.name.startswith("table_")]
    assert len(modules) >= 10  # every area's table, not only two
    merged = all_messages()
    for name in modules:
        table = importlib.import_module(f"interviewer.i18n.{name}").MESSAGES
        for key, texts in table.items():
            assert merged[key] is texts, f"{key} of {name} is not in the merged table"
            assert set(texts) == set(LANGUAGES), f"{key} ({name}) has {sorted(texts)}"
            assert all(texts[lang].strip() for lang in LANGUAGES), f"{key} ({name}) is empty"
            fields = {lang: _fields(texts[lang]) for lang in LANGUAGES}
            assert fields["en"] == fields["nl"], f"{key} ({name}): {fields}"


def test_singular_forms_belong_to_a_plural_key_with_the_same_placeholders() -> None:
    merged = all_messages()
    singles = [key for key in merged if key.endswith(".one") and key[:-4] in merged]
    assert singles
    for key in singles:  # the singular of a counted message says the same things
        base = key.removesuffix(".one")
        assert _fields(merged[key]["en"]) == _fields(merged[base]["en"]), key
    created = dict(case="Borne", words=10, folder="/d")
    assert translate("engine.demo.created", "nl", count=1, **created).startswith("1 demosessie ")
    assert translate("engine.demo.created", "nl", count=2, **created).startswith("2 demosessies")


# --- the interface resolver ----------------------------------------------------------------
def test_interface_language_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert resolve_language(None) == "nl"  # LANG last
    assert resolve_language(None, "en") == "en"  # the protocol before LANG
    _settings('lang = "nl"\n')
    assert resolve_language(None, "en") == "nl"  # the settings file before the protocol
    assert resolve_language("en", "nl") == "en"  # --lang first
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert resolve_language(None) == "nl"


def test_a_broken_settings_file_is_one_error_line(data_dir: Path) -> None:
    _settings('lang = "de"\n')
    assert resolve_language(None, "en") == "en"  # the resolver itself never fails
    result = CliRunner().invoke(main, ["sessions"])
    assert result.exit_code == 1
    assert result.output.startswith("interviewer: error: the settings file ")
    assert "lang = 'de'; known: en, nl" in result.output
    assert "Traceback" not in result.output
    _settings("lang = [\n")
    result = CliRunner().invoke(main, ["--lang", "nl", "sessions"])
    assert result.exit_code == 1 and "is geen geldige TOML" in result.output


def test_the_settings_file_sets_the_interface_of_every_command(data_dir: Path) -> None:
    _settings('lang = "nl"\n')
    result = CliRunner().invoke(main, ["export", "x", "--format", "json"])
    assert "geen sessie met id 'x'" in result.output


# --- documents -----------------------------------------------------------------------------
def test_documents_follow_the_protocol(session, protocol) -> None:
    assert protocol.language == "nl"
    assert document_language(session) == "nl"
    assert document_language(protocol) == "nl"
    assert document_language("en") == "en"
    assert document_language(session, "en") == "en"  # a core caller's explicit override


def test_cli_documents_ignore_the_interface_language(tmp_path: Path, stored) -> None:
    data_dir, sessions = stored
    out = tmp_path / "out"
    args = ["--data-dir", str(data_dir), "--lang", "en", "export", sessions[0].id]
    result = CliRunner().invoke(main, [*args, "--format", "transcript-md", "--out", str(out)])
    assert result.exit_code == 0, result.output
    (written,) = out.glob("*.md")
    text = written.read_text(encoding="utf-8")
    assert "Interviewverslag" in text and "**Casus:**" in text and "Interview report" not in text
    guide = CliRunner().invoke(
        main,
        [
            "--lang",
            "en",
            "guide",
            "sociale-teams-samenwerking",
            "--format",
            "md",
            "--out",
            str(out),
        ],
    )
    assert guide.exit_code == 0, guide.output
    paper = Path(guide.output.strip().splitlines()[-1]).read_text(encoding="utf-8")
    assert "Interviewleidraad" in paper and "Interview guide" not in paper


# --- one member check, one language --------------------------------------------------------
def _run(data_dir: Path, *args: str, lang: str | None = None, code: int = 0):
    prefix = ["--data-dir", str(data_dir), *(["--lang", lang] if lang else [])]
    result = CliRunner().invoke(main, [*prefix, *args])
    assert result.exit_code == code, result.output
    return result.output


def test_approval_list_and_show_speak_the_studys_language(tmp_path: Path, stored) -> None:
    data_dir, sessions = stored
    first = sessions[0]
    sent = _run(data_dir, "approval", "send", first.id, "--deadline", "2026-04-15",
                "--out", str(tmp_path / "sent"), "--today", "2026-04-01")  # fmt: skip
    assert "vastgelegd als verstuurd" in sent
    listing = _run(data_dir, "approval", "list", "--today", "2026-04-02")
    assert "Casus" in listing and "Status" in listing
    assert "verstuurd" in listing and "niet verstuurd" in listing and "not sent" not in listing
    shown = _run(data_dir, "approval", "show", first.id)
    assert shown.splitlines()[0] == f"{first.respondent} (Borne): verstuurd"
    assert " verstuurd " in shown.splitlines()[1]
    english = _run(data_dir, "approval", "show", first.id, lang="en")
    assert english.splitlines()[0] == f"{first.respondent} (Borne): sent"


def test_accept_counts_the_paragraphs_as_receive_did(tmp_path: Path, stored) -> None:
    from .conftest import edit_docx

    data_dir, sessions = stored
    first = sessions[0]
    out = tmp_path / "sent"
    _run(data_dir, "approval", "send", first.id, "--deadline", "2026-04-15", "--out", str(out),
         "--today", "2026-04-01")  # fmt: skip
    (sent_file,) = out.iterdir()

    def edit(doc) -> None:  # one paragraph deleted, one added: two paragraphs differ
        start = next(n for n, p in enumerate(doc.paragraphs) if p.style.name == "Heading 1")
        target = next(p for p in doc.paragraphs[start:] if len(p.text) > 120)
        target.insert_paragraph_before("Nog een aanvulling van de respondent.")
        target._p.getparent().remove(target._p)

    returned = tmp_path / "returned.docx"
    returned.write_bytes(edit_docx(sent_file.read_bytes(), edit))
    received = _run(data_dir, "approval", "receive", first.id, str(returned))
    refused = _run(data_dir, "approval", "accept", first.id, code=1)
    counts = received.splitlines()[0].split(": ", 1)[1].rstrip(".")
    assert counts in refused  # e.g. "1 verwijderd, 1 toegevoegd, 0 gewijzigd"
    assert refused.startswith("interviewer: error: het teruggestuurde verslag verschilt in ")


# --- errors --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "dutch"),
    [
        (["export", "nope", "--format", "json"], "geen sessie met id 'nope' in "),
        (["export", "nope"], "kies een formaat met --format FORMAAT"),
        (["matrix"], "noem een casus met --case C"),
        (["matrix", "--case", "Nergens"], "geen sessies in casus 'Nergens'"),
        (["codes", "next", "--case", "Borne", "--scheme", "shuffled"], "vraagt --planned N"),
        (["replace", "remove", "Niemand"], "'Niemand' staat niet op de vervangingslijst"),
        (["demo", "--case", " ", "--respondents", "1"], "--case mag niet leeg zijn"),
        (["approval", "accept", "nope"], "geen sessie met id 'nope'"),
    ],
)
def test_cli_errors_are_dutch_under_lang_nl(data_dir: Path, args: list[str], dutch: str) -> None:
    result = CliRunner().invoke(main, ["--lang", "nl", *args])
    assert result.exit_code != 0
    assert dutch in result.output, result.output
    assert "Traceback" not in result.output


def test_member_check_errors_follow_the_session(tmp_path: Path, stored) -> None:
    data_dir, sessions = stored
    dutch = _run(data_dir, "approval", "accept", sessions[0].id, code=1)
    assert "is niet verstuurd (gebruik 'interviewer approval send')" in dutch
    english = _run(data_dir, "approval", "accept", sessions[0].id, lang="en", code=1)
    assert "has not been sent (use 'interviewer approval send')" in english
