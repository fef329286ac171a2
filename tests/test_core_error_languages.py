"""Errors from the core (store, transcripts, speech-to-text, protocol library) in both languages.

The core raises them with a message key (``i18n.errors.TranslatableError``); ``str()`` stays
English for logs, and the command line and the TUI say them in the interface language. These
tests hold each converted error to a Dutch form that differs from the English and leaves no
placeholder open, run failing commands under ``--lang nl``, and scan the CLI and TUI source
for English text that would reach the user without the tables.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import interviewer
from interviewer.cli import main
from interviewer.i18n import all_messages
from interviewer.i18n.errors import Phrase, TranslatableError, error_message
from interviewer.i18n.table_core_errors import MESSAGES as CORE_MESSAGES

SRC = Path(interviewer.__file__).parent
# Texts that read the same in both languages: only placeholders and punctuation, or a word
# Dutch shares with English.
SAME_IN_BOTH = {"transcript.error.at", "transcript.error.at_line", "transcript.error.in_file",
                "transcript.error.detail",
                "transcript.error.the_transcript"}  # fmt: skip


def _raised(make: Callable[[], object]) -> TranslatableError:
    with pytest.raises(TranslatableError) as caught:
        make()
    return caught.value


def _stored_demo(data_dir: Path):
    from interviewer.demo import make_demo
    from interviewer.protocol.library import find_protocol
    from interviewer.protocol.loader import load_protocol
    from interviewer.store import SessionStore

    protocol = load_protocol(find_protocol("sociale-teams-samenwerking"))
    demo = make_demo(protocol, case="Borne", respondents=1, minutes=10, seed=3)[0]
    store = SessionStore(data_dir)
    store.create(demo.session, key=demo.key)
    return store, demo.session


# --- the table ---------------------------------------------------------------------------------
def test_every_core_error_reads_differently_in_dutch() -> None:
    for key, texts in CORE_MESSAGES.items():
        if key in SAME_IN_BOTH:
            continue
        fields = {f for _, f, _, _ in string.Formatter().parse(texts["en"]) if f}
        values = {name: f"<{name}>" for name in fields}
        english, dutch = texts["en"].format(**values), texts["nl"].format(**values)
        assert english != dutch, key


# --- each converted error: English str(), a Dutch message, nothing left open -------------------
def _cases(tmp_path: Path) -> dict[str, Callable[[], object]]:
    from interviewer.protocol.library import find_protocol
    from interviewer.store import SessionStore
    from interviewer.store.core import SessionFile
    from interviewer.store.keyfile import KeyFile
    from interviewer.store.lock import acquire
    from interviewer.store.portable import parse_portable
    from interviewer.transcript import TranscriptStore
    from interviewer.transcript.read import parse_transcript, read_transcript
    from interviewer.transcript.transcribe import check_model_dir

    data = tmp_path / "data"
    store = SessionStore(data)
    store.ids()
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{", encoding="utf-8")
    (tmp_path / "keys").mkdir()
    (tmp_path / "keys" / "key.json").write_text('{"format": 99, "keys": {}}', encoding="utf-8")
    lock = tmp_path / "s.lock"
    acquire(lock, "s", tmp_path)
    partial = tmp_path / "model"
    partial.mkdir()
    return {
        "SessionNotFound": lambda: store.load("nope"),
        "SessionNotFound (bad id)": lambda: store.check_id("../x"),
        "SessionCorrupt": lambda: SessionFile(damaged).read(),
        "SessionCorrupt (key file)": lambda: KeyFile(tmp_path / "keys").read_document(),
        "SessionLocked": lambda: acquire(lock, "s", tmp_path),
        "PortableError": lambda: parse_portable(b"[]", "x.json"),
        "PortableError (hint)": lambda: parse_portable(b'{"format": "other"}', "x.json"),
        "TranscriptError (none stored)": lambda: TranscriptStore(data).load("abc"),
        "TranscriptError (no file)": lambda: read_transcript(tmp_path / "none.txt"),
        "TranscriptFormatError": lambda: parse_transcript("no stamps here", "plain", "t.txt"),
        "TranscriptFormatError (Whisper JSON)": lambda: parse_transcript("{}", "whisper-json", "t"),
        "TranscribeUnavailable (no folder)": lambda: check_model_dir(tmp_path / "nothing"),
        "TranscribeUnavailable (incomplete)": lambda: check_model_dir(partial),
        "ProtocolNotFound": lambda: find_protocol("nope"),
        "ProtocolNotFound (file)": lambda: find_protocol("nope.yaml"),
    }


@pytest.mark.parametrize(
    "name",
    [
        "SessionNotFound",
        "SessionNotFound (bad id)",
        "SessionCorrupt",
        "SessionCorrupt (key file)",
        "SessionLocked",
        "PortableError",
        "PortableError (hint)",
        "TranscriptError (none stored)",
        "TranscriptError (no file)",
        "TranscriptFormatError",
        "TranscribeUnavailable (no folder)",
        "TranscribeUnavailable (incomplete)",
        "ProtocolNotFound",
        "ProtocolNotFound (file)",
    ],
)
def test_converted_error_speaks_dutch(tmp_path: Path, name: str) -> None:
    exc = _raised(_cases(tmp_path)[name])
    assert exc.keyed, f"{name} raised a literal line: {exc}"
    english, dutch = exc.message("en"), exc.message("nl")
    assert str(exc) == english  # logs and tests keep the English line
    assert dutch != english
    for text in (english, dutch):
        assert not re.search(r"\{\w*\}", text), text  # no placeholder left open
        assert "Phrase(" not in text
    assert error_message(exc, "nl") == dutch


def test_a_phrase_inside_a_line_follows_its_language() -> None:
    from interviewer.store.errors import SessionLocked

    who = Phrase("store.error.another_program")
    exc = SessionLocked("store.error.locked", id="s1", who=who, path="/d/s1.lock")
    assert "(another program)" in str(exc)
    assert "(een ander programma)" in exc.message("nl")
    literal = TranslatableError("a line from a library")  # not a key: kept as it is
    assert not literal.keyed and literal.message("nl") == "a line from a library"


# --- failing commands under --lang nl ---------------------------------------------------------
def _nl(*args: str) -> str:
    result = CliRunner().invoke(main, ["--lang", "nl", *args])
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    return result.output


def test_missing_protocol_is_not_called_one_with_errors(data_dir: Path, tmp_path: Path) -> None:
    for command in (["guide", "nope"], ["letter", "nope"]):
        said = _nl(*command, "--out", str(tmp_path / "out.md"))
        assert "geen protocol met de naam 'nope'" in said and "bekend:" in said
        assert "bevat fouten" not in said and "no protocol named" not in said
    said = _nl("guide", "mijn-protocol.yaml")
    assert "bevat fouten" not in said and "does not exist" not in said


def test_missing_session_and_locked_session_in_dutch(data_dir: Path) -> None:
    said = _nl("withdraw", "nope", "--yes")
    assert "geen sessie met id 'nope'" in said and "(zie 'interviewer sessions')" in said
    said = _nl("transcript", "show", "nope")
    assert "geen sessie met id 'nope'" in said
    store, session = _stored_demo(data_dir)
    with store.lock(session.id):
        said = _nl("withdraw", session.id, "--yes")
    assert "elders geopend om te schrijven" in said
    assert "open for writing elsewhere" not in said


def test_bad_transcript_file_in_dutch(data_dir: Path, tmp_path: Path) -> None:
    _store, session = _stored_demo(data_dir)
    bad = tmp_path / "bad.txt"
    bad.write_text("geen tijden hier\nook niet hier\n", encoding="utf-8")
    said = _nl("transcript", "import", session.id, str(bad), "--format", "txt")
    assert "bad.txt:1: geen tijdmarkeringen gevonden" in said
    said = _nl("transcript", "import", session.id, str(tmp_path / "none.txt"))
    assert "bestand bestaat niet" in said
    said = _nl("transcript", "show", session.id)
    assert f"sessie {session.id} heeft geen transcript" in said


def test_transcribe_without_model_in_dutch(data_dir: Path, tmp_path: Path) -> None:
    from interviewer.transcript.transcribe import extra_installed

    audio = tmp_path / "a.wav"
    audio.write_bytes(b"RIFF")
    said = _nl("transcribe", str(audio), "--model", str(tmp_path / "geen-model"))
    if extra_installed():
        assert "modelmap" in said and "bestaat niet" in said
    else:
        assert "spraak-naar-tekst vraagt de optionele extra" in said
    assert "een map met een CTranslate2-Whispermodel" in said
    assert "model folder" not in said


def test_qdpx_case_variable_is_in_the_documents_language(data_dir: Path) -> None:
    import io
    import zipfile

    from interviewer.export.options import ExportOptions
    from interviewer.export.qdpx import PROJECT_NS, write_qdpx

    _store, session = _stored_demo(data_dir)
    assert session.protocol.language == "nl"
    stream = io.BytesIO()
    write_qdpx([session], stream, ExportOptions())
    project = zipfile.ZipFile(io.BytesIO(stream.getvalue())).read("project.qde").decode()
    names = re.findall(r'<Variable [^>]*name="([^"]+)"', project)
    assert names[:4] == ["Casus", "Functie", "Vorm", "Duur (minuten)"], names
    assert PROJECT_NS in project


# --- no English text past the tables in the CLI and the TUI -----------------------------------
USER_FACING_CALLS = {"fail", "echo", "secho", "notify", "Static", "Label", "Button",
                     "UsageError", "BadParameter", "ClickException", "update", "Text"}  # fmt: skip
# The program's name and the error prefix are the same in every language.
ALLOWED = {"interviewer: error: ", " interviewer "}


def _words(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return None
    return text if re.search(r"[A-Za-z]{3,}", text) and text not in ALLOWED else None


def _literal_messages(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            text = _words(node.args[0]) if name in USER_FACING_CALLS else None
            if text:
                found.append(f"{path.relative_to(folder)}:{node.lineno}: {name}({text!r})")
    return found


@pytest.mark.parametrize("area", ["cli", "tui"])
def test_no_literal_english_reaches_the_user(area: str) -> None:
    assert _literal_messages(SRC / area) == []


def test_the_scan_finds_a_literal_message(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('fail(f"{x} not found")\nclick.echo("Done.")\nfail(t("k"))\n')
    assert len(_literal_messages(tmp_path)) == 2


CORE_AREAS = ["store", "transcript", "protocol/library.py", "domain/recorder.py",
              "domain/codes.py", "pseudonym", "export"]  # fmt: skip
# Modules whose errors reach the user: no ValueError with a literal line is raised there.
NO_LITERAL_VALUE_ERRORS = ["domain/recorder.py", "domain/codes.py", "pseudonym",
                           "export/registry.py", "export/matrix.py", "export/qdpx.py"]  # fmt: skip


def _files(area: str) -> list[Path]:
    target = SRC / area
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


@pytest.mark.parametrize("area", NO_LITERAL_VALUE_ERRORS)
def test_no_literal_value_error_is_raised(area: str) -> None:
    for path in _files(area):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = getattr(node.exc.func, "id", None)
                assert name != "ValueError", f"{path.name}:{node.lineno}: ValueError without a key"


@pytest.mark.parametrize("area", CORE_AREAS)
def test_core_errors_are_raised_with_keys(area: str) -> None:
    keys = all_messages()
    errors = ("StoreError", "SessionNotFound", "AmbiguousSessionId", "SessionCorrupt",
              "SessionLocked", "DuplicateSession", "PortableError", "TranscriptError",
              "TranscriptFormatError", "TranscribeUnavailable", "ProtocolNotFound",
              "RecorderError", "CodeError", "ReplacementError", "ExportError")  # fmt: skip
    raised = 0
    for path in _files(area):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in errors):
                continue
            raised += 1
            first = node.args[0] if node.args else None
            choices = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            for choice in choices:  # a key, or one of two keys
                assert isinstance(choice, ast.Constant), f"{path.name}:{node.lineno}: not a key"
                assert choice.value in keys, f"{path.name}:{node.lineno}: {choice.value!r}"
    assert raised
