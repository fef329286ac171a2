"""Replacement list, pseudonymised exports, key file and code list."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from interviewer.export.codelist import code_groups, codelist_markdown
from interviewer.export.registry import FORMATS, write_export
from interviewer.membercheck.exporting import export_options
from interviewer.pseudonym.citation import cite
from interviewer.pseudonym.replace import ReplacementList
from interviewer.pseudonym.session import pseudonymise_session
from interviewer.pseudonym.storage import load_replacements, save_replacements

from .conftest import export_texts, with_note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anja de Vries belde.", "[naam] belde."),
        ("anja DE vries belde", "[naam] belde"),
        ("Anja  de\nVries", "[naam]"),  # spaces and a line break inside the name
        ("Anja zei het", "[naam] zei het"),  # the shorter entry still applies alone
        ("In Borne en (borne), Borne's team", "In Gemeente A en (Gemeente A), Gemeente A's team"),
        ("Borneo en Hengelo-Borne", "Borneo en Hengelo-Gemeente A"),
        ("Anjastraat", "Anjastraat"),  # not inside a word
        ("Ærø en Ærøskøbing", "Eiland en Ærøskøbing"),  # Unicode word boundaries
    ],
)
def test_whole_words_case_insensitive(text: str, expected: str) -> None:
    rl = ReplacementList.of(
        [
            ("Anja", "[naam]"),
            ("Anja de Vries", "[naam]"),
            ("Borne", "Gemeente A"),
            ("Ærø", "Eiland"),
        ]
    )
    assert rl.apply(text) == expected


def test_counts_and_list_changes() -> None:
    rl = ReplacementList.of([("Borne", "Gemeente A")]).with_entry("Jan", "[naam]", "person")
    assert rl.count("Borne, borne, Jan en Janneke") == {"Borne": 2, "Jan": 1}
    assert rl.with_entry("borne", "Gemeente B").find("Borne").pseudonym == "Gemeente B"
    assert not rl.without("jan").find("Jan")
    with pytest.raises(KeyError):
        rl.without("Piet")
    with pytest.raises(ValueError, match="contains the name"):
        rl.with_entry("Borne", "Gemeente Borne")
    with pytest.raises(ValueError, match="empty"):
        rl.with_entry("  ", "x")


def test_storage_roundtrip_is_private(tmp_path: Path) -> None:
    rl = ReplacementList.of([("Borne", "Gemeente A")]).with_entry("Ingrid Smit", "[naam]", "person")
    path = save_replacements(tmp_path / "data", rl)
    assert (path.stat().st_mode & 0o777) == 0o600
    assert load_replacements(tmp_path / "data") == rl
    assert not load_replacements(tmp_path / "elsewhere")
    path.write_text("{not json")
    with pytest.raises(ValueError, match="not a valid replacement list"):
        load_replacements(tmp_path / "data")


def test_session_ids_and_codes_are_not_rewritten(session) -> None:
    rl = ReplacementList.of([("Borne", "Gemeente A"), ("feedback", "X")])
    out = pseudonymise_session(session, rl)
    assert out.case == "Gemeente A" and out.id == session.id
    assert list(out.records) == list(session.records)
    assert [t.id for t in out.protocol.topics] == [t.id for t in session.protocol.topics]


ALL_FORMATS = [name for name in FORMATS if name not in ("json", "json-shared")]


def test_a_listed_name_typed_in_a_note_reaches_no_export_file(tmp_path: Path, demos) -> None:
    data_dir = tmp_path / "data"
    save_replacements(
        data_dir,
        ReplacementList.of(
            [("Ingrid Smit", "[naam]"), ("Borne", "Gemeente A"), ("Wijkteam Noord", "team X")]
        ),
    )
    note = "Ik heb dat met Ingrid Smit van wijkteam noord besproken, hier in BORNE."
    sessions = [with_note(demos[0].session, note), *(d.session for d in demos[1:])]
    options = export_options(data_dir, sessions)
    out = tmp_path / "exports"
    # 'json' is the session as stored (issue 13.7); its pseudonymised copy is 'json-shared'
    formats = [*ALL_FORMATS, "json-shared"]
    for fmt in formats:
        assert write_export(sessions, fmt, out, options)
    texts = export_texts(out)
    assert len({name.split("!")[0] for name in texts}) >= len(formats)
    for name, text in texts.items():
        lowered = text.casefold()
        for real in ("ingrid smit", "borne", "wijkteam noord"):
            assert real not in lowered, f"{real!r} in {name}"
            assert real.replace(" ", "-") not in name.casefold()
    assert any("[naam]" in t for t in texts.values())  # the note itself was exported


def test_key_file_is_private_and_never_exported(tmp_path: Path, stored) -> None:
    data_dir, sessions = stored
    key_file = data_dir / "key.json"
    assert key_file.exists() and (key_file.stat().st_mode & 0o777) == 0o600
    from interviewer.store import SessionStore

    store = SessionStore(data_dir)
    keys = [store.load_key(s.id) for s in sessions]
    secrets = [k.name for k in keys] + [v for k in keys for v in k.fields.values()]
    assert all(secrets)
    out = tmp_path / "exports"
    options = export_options(data_dir, sessions)
    for fmt in [*ALL_FORMATS, "json"]:
        write_export(sessions, fmt, out, options)
    texts = export_texts(out)
    for name, text in texts.items():
        for secret in secrets:
            assert secret.casefold() not in text.casefold(), f"key data in {name}"
    assert not any(p.name == "key.json" for p in out.rglob("*"))


def test_codelist_groups_by_pseudonymised_case(demos) -> None:
    sessions = [d.session for d in demos]
    groups = code_groups(sessions, ReplacementList.of([("Borne", "Gemeente A")]))
    assert [g.case for g in groups] == ["Gemeente A"]
    assert [code for code, _ in groups[0].rows] == ["1.1", "1.2", "1.3"]
    md = codelist_markdown(groups, "nl")
    assert md.startswith("# Codelijst respondenten\n\n## Gemeente A\n")
    assert f"- Respondent 1.1: {sessions[0].role}" in md
    for demo in demos:
        assert demo.key.name not in md


def test_codelist_sequential_codes_as_in_seed_003() -> None:
    from interviewer.export.codelist import CodeGroup, write_codelist_docx

    groups = [CodeGroup("Gemeente A: SWT 1", (("1", "Coördinator"), ("2", "SWT-lid")))]
    assert "- 1) Coördinator\n- 2) SWT-lid" in codelist_markdown(groups, "nl")
    stream = io.BytesIO()
    write_codelist_docx(groups, stream, "nl")
    from docx import Document

    paragraphs = [
        (p.style.name, p.text) for p in Document(io.BytesIO(stream.getvalue())).paragraphs
    ]
    assert paragraphs == [
        ("Title", "Codelijst respondenten"),
        ("Heading 1", "Gemeente A: SWT 1"),
        ("Normal", "1) Coördinator"),
        ("Normal", "2) SWT-lid"),
    ]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("2.3", {"lines": "114-117"}), "(respondent 2.3, regel 114-117)"),
        (("7", {}), "(resp. 7)"),
        (("2.3", {}), "(respondent 2.3)"),
        (
            ("7", {"role": "Coördinator", "template": "(resp. {code}) {role}"}),
            "(resp. 7) Coördinator",
        ),
        (("3.3", {"lines": "64-65", "lang": "en"}), "(respondent 3.3, lines 64-65)"),
    ],
)
def test_citations(args, expected) -> None:
    code, kwargs = args
    assert cite(code, **kwargs) == expected
