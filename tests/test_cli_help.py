"""``--help`` reads as one program: every option says what it does, every argument is
explained in its command's text, a session is ``ID`` everywhere, dates read YYYY-MM-DD."""

from __future__ import annotations

import re
from collections.abc import Iterator

import click
import pytest
from click.testing import CliRunner

from interviewer.cli import main

SESSION_PARAMS = ("session_id", "session_ids")


def commands() -> Iterator[tuple[str, click.Command, click.Context]]:
    """Every command and group of the tree with its full name and a context to render it."""

    def walk(cmd: click.Command, name: str, parent: click.Context | None):  # type: ignore[no-untyped-def]
        ctx = click.Context(cmd, info_name=name.rsplit(" ", 1)[-1], parent=parent)
        yield name, cmd, ctx
        if isinstance(cmd, click.Group):
            for sub_name in cmd.list_commands(ctx):
                sub = cmd.get_command(ctx, sub_name)
                assert sub is not None, f"{name} {sub_name} cannot be loaded"
                yield from walk(sub, f"{name} {sub_name}", ctx)

    yield from walk(main, "interviewer", None)


ALL = list(commands())


def _shown(param: click.Parameter, ctx: click.Context) -> str:
    """How the argument appears in the usage line, e.g. ``ID``, ``[ID]``, ``FILE...``."""
    return param.make_metavar(ctx)


def test_the_tree_is_complete() -> None:
    names = {name for name, _cmd, _ctx in ALL}
    assert {"interviewer withdraw", "interviewer paths", "interviewer protocol new"} <= names
    assert len(names) > 40


@pytest.mark.parametrize("name,cmd,ctx", ALL, ids=[name for name, _c, _x in ALL])
def test_every_option_has_help(name: str, cmd: click.Command, ctx: click.Context) -> None:
    missing = [
        "/".join(p.opts)
        for p in cmd.params
        if isinstance(p, click.Option) and not p.hidden and not (p.help or "").strip()
    ]
    assert not missing, f"{name}: options without help: {missing}"
    assert (cmd.help or cmd.short_help or "").strip(), f"{name} has no description"


@pytest.mark.parametrize("name,cmd,ctx", ALL, ids=[name for name, _c, _x in ALL])
def test_every_argument_is_explained(name: str, cmd: click.Command, ctx: click.Context) -> None:
    """Click arguments have no help of their own: the command's text names each one."""
    text = cmd.help or ""
    for param in cmd.params:
        if not isinstance(param, click.Argument):
            continue
        found = re.match(r"\[?([A-Z_]+)", _shown(param, ctx))  # FILE|NAME -> FILE
        word = found.group(1) if found else "?"
        assert word in text, f"{name}: argument {_shown(param, ctx)} is not explained"


@pytest.mark.parametrize("name,cmd,ctx", ALL, ids=[name for name, _c, _x in ALL])
def test_a_session_is_called_id(name: str, cmd: click.Command, ctx: click.Context) -> None:
    for param in cmd.params:
        if isinstance(param, click.Argument) and param.name in SESSION_PARAMS:
            assert _shown(param, ctx).strip("[]").removesuffix("...") == "ID", name


@pytest.mark.parametrize("name,cmd,ctx", ALL, ids=[name for name, _c, _x in ALL])
def test_no_strftime_patterns_in_help(name: str, cmd: click.Command, ctx: click.Context) -> None:
    text = cmd.get_help(ctx)
    assert "%Y" not in text and "SESSION_ID" not in text, f"{name}:\n{text}"


def test_export_format_lists_every_format() -> None:
    from interviewer.export.registry import FORMATS

    result = CliRunner().invoke(main, ["export", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for name in FORMATS:
        assert name in result.output, name
    bad = CliRunner().invoke(main, ["export", "x", "--format", "pdf"])
    assert bad.exit_code == 2 and "transcript-docx" in bad.output


def test_readme_command_lines_copy_safely() -> None:
    """A line of the README's shell blocks runs as typed: no ``a|b|c`` that the shell would
    take for a pipe (alternatives go in the comment)."""
    from tests.conftest import REPO_ROOT

    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.DOTALL)
    assert blocks
    lines = [line for block in blocks for line in block.splitlines()]
    commands = [line.split(" #")[0] for line in lines if line.startswith("interviewer")]
    assert len(commands) > 20
    assert [c for c in commands if "|" in c] == []
