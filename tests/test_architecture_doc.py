"""docs/architecture.md names real files and real code, so it cannot drift from the source.

The document is a map for the next engineer: a path that moved or a function that was
renamed makes it mislead. The checks: every ``src/interviewer/...`` path it mentions
exists, and so does every shorter path and link; every name in the table "Where each
behaviour lives" is defined in one of the files of its row; every other code name it quotes
is defined somewhere in the package (or is one of the few outside names in ``OUTSIDE``).
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

from tests.conftest import REPO_ROOT

DOC = REPO_ROOT / "docs" / "architecture.md"
SRC = REPO_ROOT / "src" / "interviewer"
PATH = re.compile(r"src/interviewer/[\w/.-]*\w")
QUOTED = re.compile(r"`([^`]+)`")
SHORT_PATH = re.compile(r"[\w.-]+(?:/[\w.-]+)+\.(?:py|md)")
LINK = re.compile(r"\]\(([^)#]+)\)")
NAME = re.compile(r"@?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?:\(\))?")
OUTSIDE = {
    "textual",  # the package the core must not import
    "TextArea",  # Textual's editor and its message
    "TextArea.Changed",
    "os.replace",
    "fsync",
    "TYPE_CHECKING",
    "KNOWN",  # tests/test_import_cycles.py
    "tab",  # a key
    "ast",  # how the cycle test reads the imports
}
"""Names the document quotes that are not defined in ``src/interviewer``."""


FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def prose() -> str:
    """The document without its fenced blocks (the layer diagram), whose backticks are not
    quotes."""
    return FENCE.sub("", doc_text())


@cache
def defined_in(file: Path) -> frozenset[str]:
    """Names a module defines: functions, classes, assignments and ``self.x`` attributes
    (none for a file that does not exist: ``test_every_source_path_exists`` names it)."""
    if not file.is_file():
        return frozenset()
    names: set[str] = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    names.add(target.id)
                elif isinstance(target, ast.Attribute):
                    names.add(target.attr)
    return frozenset(names)


@cache
def modules() -> dict[tuple[str, ...], Path]:
    """Each module of the package by its dotted parts below ``interviewer``."""
    found = {}
    for file in SRC.rglob("*.py"):
        parts = file.relative_to(SRC).with_suffix("").parts
        found[parts[:-1] if parts[-1] == "__init__" else parts] = file
    return found


def resolves(name: str) -> bool:
    """True when ``name`` is defined in the package: ``module.attr`` (the module named by
    its dotted path or its last parts, the attribute defined in it), ``Class.member`` (the
    member defined in a file that defines the class), or a bare name of a module or of
    something defined anywhere."""
    parts = tuple(name.split("."))
    if parts[0] == "interviewer":
        parts = parts[1:]
    known = modules()
    for cut in range(len(parts), 0, -1):
        # the module may be named by its last parts only (``docx_tools.save``)
        found = [file for key, file in known.items() if key[-cut:] == parts[:cut]]
        if found:
            return any(all(part in defined_in(file) for part in parts[cut:]) for file in found)
    files = [file for file in known.values() if parts[0] in defined_in(file)]
    return any(all(part in defined_in(file) for part in parts[1:]) for file in files)


def code_names(text: str) -> list[str]:
    """Quoted tokens that read as Python names (``a.b.c``, ``f()``, ``@mutates``)."""
    found = []
    for quoted in QUOTED.findall(text):
        match = NAME.fullmatch(quoted)
        if match is not None:
            found.append(match.group(1))
    return found


def table_rows() -> list[tuple[list[Path], list[str]]]:
    """(files, names) of each row of the table "Where each behaviour lives"."""
    section = doc_text().split("## Where each behaviour lives", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not PATH.search(cells[1]):
            continue
        files = [REPO_ROOT / path for path in PATH.findall(cells[1])]
        rows.append((files, code_names(cells[2])))
    return rows


def test_every_source_path_exists() -> None:
    paths = sorted(set(PATH.findall(doc_text())))
    assert len(paths) >= 40
    assert [path for path in paths if not (REPO_ROOT / path).exists()] == []


def test_every_other_file_exists() -> None:
    """Short paths (``store/lock.py``, below ``src/interviewer``), test files and links."""
    quoted = [q for q in QUOTED.findall(prose()) if SHORT_PATH.fullmatch(q)]
    assert "tests/test_import_cycles.py" in quoted and "store/lock.py" in quoted
    missing = [q for q in quoted if not (REPO_ROOT / q).exists() and not (SRC / q).exists()]
    links = LINK.findall(doc_text())
    assert "tui.md" in links
    assert missing + [link for link in links if not (DOC.parent / link).is_file()] == []


def test_every_name_in_the_table_is_defined_in_its_row() -> None:
    rows = table_rows()
    assert len(rows) >= 25
    wrong = [
        f"{name} not in {', '.join(str(f.relative_to(REPO_ROOT)) for f in files)}"
        for files, names in rows
        for name in names
        if not any(name.rpartition(".")[2] in defined_in(file) for file in files)
    ]
    assert wrong == []


def test_every_quoted_name_is_defined_in_the_package() -> None:
    names = code_names(prose())
    assert {"SessionRecorder.set_notes", "Autosaver.request", "BodyAppender"} <= set(names)
    assert sorted({name for name in names if name not in OUTSIDE and not resolves(name)}) == []


def test_the_checks_catch_a_wrong_name(tmp_path: Path) -> None:
    """The name check is not vacuous: a made-up name in a row is reported."""
    module = tmp_path / "m.py"
    module.write_text("class A:\n    def f(self):\n        self.x = 1\nY = 2\n", encoding="utf-8")
    assert {"A", "f", "x", "Y"} <= defined_in(module)
    assert "g" not in defined_in(module)
    assert resolves("store.atomic.atomic_write_bytes")
    assert resolves("SessionRecorder.set_notes")
    assert resolves("session_start")
    assert resolves("docx_tools.save")
    assert not resolves("store.atomic.no_such_function")
    assert not resolves("SessionRecorder.no_such_method")
    assert code_names("`A.f` and `@mutates` and `ctrl+n` and `g()`") == ["A.f", "mutates", "g"]
