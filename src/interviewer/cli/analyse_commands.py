"""``interviewer analyse``: the analysis workspace in the terminal (``tui.screens.analysis``).

``--case C`` opens the case's matrix with the Tussenconclusie, keywords and key sentences per
variable; ``--compare`` the comparison across the study's cases. The study and case are
resolved as ``interviewer conclusion`` resolves them (one study in the folder needs no
``--study``; the case's letter case may differ), and every problem is one line before the
screen opens.
"""

from __future__ import annotations

from typing import Any

import click

from interviewer.cli.common import (
    data_dir_from,
    data_dir_option,
    fail_error,
    fail_with,
    lang_from,
    lang_option,
    open_store,
)


@click.command("analyse")
@click.option("--case", default=None, help="The case whose matrix to analyse.")
@click.option("--compare", is_flag=True, help="Compare the cases, variable by variable.")
@click.option(
    "--study",
    default=None,
    help="The study (protocol id); needed only when the data folder holds more than one.",
)
@data_dir_option
@lang_option
@click.pass_context
def analyse_command(ctx: click.Context, case: str | None, compare: bool, study: str | None) -> None:
    """Open the analysis workspace of a case (--case) or across the cases (--compare)."""
    from interviewer.analysis_workspace import load_case_workspace, load_compare_workspace
    from interviewer.cli.conclusion_commands import _case, _load, _study
    from interviewer.cli.run_commands import make_tui, require_terminal
    from interviewer.i18n import resolve_language
    from interviewer.tui.bindings import localized

    if (case is None) == (not compare):
        fail_with("analysis.tui.cli.pick_case")
    info = _study(ctx, study)
    store = open_store(ctx)
    workspace: Any
    try:
        if compare:
            workspace = load_compare_workspace(store, info.id)
        else:
            assert case is not None
            name = _case(info, _load(ctx, info), case)
            lang = resolve_language(lang_from(ctx), getattr(info.protocol, "language", None))
            workspace = load_case_workspace(store, data_dir_from(ctx), info.id, name, lang=lang)
    except (OSError, ValueError) as exc:
        fail_error(exc)
    lang = resolve_language(lang_from(ctx), workspace.protocol.language)
    require_terminal(lang)
    app = make_tui(store, None, lang, explicit_lang=lang_from(ctx))
    if compare:
        from interviewer.tui.screens.analysis import CompareScreen

        app.start_screen = lambda: localized(CompareScreen, app.lang)(workspace)
    else:
        from interviewer.tui.screens.analysis import AnalysisScreen

        app.start_screen = lambda: localized(AnalysisScreen, app.lang)(workspace)
    app.run()
    if app.exit_message:
        click.echo(app.exit_message, err=app.return_code not in (0, None))
    if app.return_code:
        raise SystemExit(app.return_code)
