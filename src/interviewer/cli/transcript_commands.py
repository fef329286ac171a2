"""``interviewer transcript ...`` (import, show, offset, move) and ``interviewer transcribe``.

Thin: reads options, loads the session and transcript, calls ``interviewer.transcript``,
prints the result. Every problem ends in one ``interviewer: error: ...`` line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from interviewer.cli.common import (
    data_dir_from,
    data_dir_option,
    fail,
    fail_error,
    fail_with,
    lang_option,
    load_session,
    open_store,
    ui_language,
)
from interviewer.i18n import translate
from interviewer.transcript.read import FORMATS
from interviewer.transcript.stamps import STAMP_STYLES

if TYPE_CHECKING:
    from interviewer.transcript.model import Transcript


def _load_transcript(ctx: click.Context, session_id: str) -> Transcript:
    from interviewer.transcript import TranscriptError, TranscriptStore

    try:
        return TranscriptStore(data_dir_from(ctx)).load(session_id)
    except TranscriptError as exc:
        fail_error(exc)
    raise AssertionError("unreachable")


def _save(ctx: click.Context, transcript: Transcript) -> Path:
    from interviewer.transcript import TranscriptError, TranscriptStore

    try:
        return TranscriptStore(data_dir_from(ctx)).save(transcript)
    except (TranscriptError, OSError) as exc:
        fail_with("cli.transcript_not_saved", error=exc)
    raise AssertionError("unreachable")


@click.group("transcript")
def transcript_group() -> None:
    """Import a recording's transcript and line it up with the session's questions."""


@transcript_group.command("import")
@click.argument("session_id", metavar="ID")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--offset",
    type=float,
    default=None,
    help="Seconds on the recording at which the interview clock started (negative when the "
    "recording started later). Default 0.",
)
@click.option(
    "--recording-start",
    default=None,
    metavar="ISO",
    help="When the recording started (e.g. 2024-03-05T10:02:30; no zone = local time); "
    "the offset is computed from the session's start.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", *FORMATS]),
    default="auto",
    show_default=True,
    help="The file's format; auto tells it from the name and the content.",
)
@click.option("--encoding", default=None, help="Text encoding if not UTF-8 (e.g. cp1252).")
@click.option(
    "--speaker",
    "speakers",
    multiple=True,
    metavar="LABEL=CODE",
    help="Map a speaker label in the file to a participant code or 'interviewer' "
    "(repeatable), e.g. --speaker SPEAKER_00=interviewer --speaker SPEAKER_01=1.1.",
)
@click.option("--replace", is_flag=True, help="Replace an existing transcript (drops moves).")
@data_dir_option
@lang_option
@click.pass_context
def import_command(
    ctx: click.Context,
    session_id: str,
    file: Path,
    offset: float | None,
    recording_start: str | None,
    fmt: str,
    encoding: str | None,
    speakers: tuple[str, ...],
    replace: bool,
) -> None:
    """Import FILE (SRT, WebVTT, Whisper JSON, oTranscribe, stamped text) for session ID."""
    from interviewer.transcript import TranscriptError, TranscriptStore, align, read_transcript
    from interviewer.transcript.service import new_transcript

    session = load_session(open_store(ctx), session_id)
    lang = ui_language(ctx, session)
    store = TranscriptStore(data_dir_from(ctx))
    try:
        if store.exists(session.id) and not replace:
            fail(translate("transcript.exists", lang, session=session.id))
        result = read_transcript(file, fmt, encoding)
        transcript = new_transcript(
            session,
            result,
            source_name=file.name,
            offset=offset,
            recording_start=recording_start,
            speaker_options=speakers,
        )
    except TranscriptError as exc:
        fail_error(exc)
        return
    path = _save(ctx, transcript)
    aligned = align(session, transcript)
    placed = sum(1 for a in aligned if a.context == "question")
    click.echo(
        translate(
            "transcript.imported",
            lang,
            count=len(aligned),
            format=result.format,
            session=session.id,
            placed=placed,
            other=len(aligned) - placed,
            path=path,
        )
    )


@transcript_group.command("show")
@click.argument("session_id", metavar="ID")
@click.option(
    "--stamps",
    type=click.Choice([*STAMP_STYLES, "none"]),
    default="bracket",
    show_default=True,
    help="Time stamp style (recording time): maxqda = #00:12:34-5#, bracket = [00:12:34].",
)
@data_dir_option
@lang_option
@click.pass_context
def show_command(ctx: click.Context, session_id: str, stamps: str) -> None:
    """Print the transcript of session ID per question, in the order the interview went."""
    from interviewer.terminal_text import printable
    from interviewer.transcript import map_speakers, segment_line, target_title, verbatim_blocks

    def say(line: str) -> None:
        # segment texts, labels and file names are data: no control character reaches the
        # terminal (a transcript from another tool may hold any)
        click.echo(printable(line))

    session = load_session(open_store(ctx), session_id)
    transcript = _load_transcript(ctx, session.id)
    lang = ui_language(ctx, session)
    style = None if stamps == "none" else stamps
    say(
        translate(
            "transcript.heading",
            lang,
            session=session.id,
            respondent=session.respondent,
            case=session.case,
        )
    )
    say(
        translate(
            "transcript.source",
            lang,
            name=transcript.source_name,
            format=transcript.source_format,
            count=len(transcript.segments),
            when=transcript.imported_at,
        )
    )
    from interviewer.transcript.stamps import format_clock

    say(
        translate(
            "transcript.offset",
            lang,
            offset=f"{transcript.offset:g}",
            stamp=format_clock(transcript.offset, millis=True),
        )
    )
    mapping = map_speakers(session, transcript)
    shown = [
        f"{label} = {translate('word.interviewer', lang) if code == 'interviewer' else code}"
        if code
        else translate("transcript.speaker_unmapped", lang, label=label)
        for label in transcript.labels()
        for code in [mapping.get(label)]
    ]
    if shown:
        say(translate("transcript.speakers", lang, mapping="; ".join(shown)))
    moved = translate("transcript.moved", lang)
    for block in verbatim_blocks(session, transcript):
        say("")
        key = block.question_id or block.code or "-"
        say(f"== {key}: {target_title(session.protocol, block.target, lang)}")
        for item in block.segments:
            mark = f"  ({moved})" if item.moved else ""
            context = (
                ""
                if item.context == "question"
                else (f"  <{translate('transcript.context.' + item.context, lang)}>")
            )
            say(f"  #{item.number} {segment_line(item, style=style, lang=lang)}{mark}{context}")


@transcript_group.command("offset", context_settings={"ignore_unknown_options": True})
@click.argument("session_id", metavar="ID")
@click.argument("seconds", type=float)
@click.option("--by", "relative", is_flag=True, help="Shift the current offset by SECONDS.")
@data_dir_option
@lang_option
@click.pass_context
def offset_command(ctx: click.Context, session_id: str, seconds: float, relative: bool) -> None:
    """Set the offset of session ID's transcript to SECONDS (or shift it with --by) and
    re-align; manual moves are kept."""
    from interviewer.transcript import TranscriptError, align
    from interviewer.transcript.service import nudge_offset, set_offset

    session = load_session(open_store(ctx), session_id)
    transcript = _load_transcript(ctx, session.id)
    before = [a.target for a in align(session, transcript)]
    try:
        if relative:
            nudge_offset(transcript, seconds)
        else:
            set_offset(transcript, seconds)
    except TranscriptError as exc:
        fail_error(exc)
    after = [a.target for a in align(session, transcript)]
    _save(ctx, transcript)
    click.echo(
        translate(
            "transcript.offset_set",
            ui_language(ctx, session),
            session=session.id,
            offset=f"{transcript.offset:g}",
            changed=sum(1 for a, b in zip(before, after, strict=True) if a != b),
            moves=len(transcript.moves),
        )
    )


@transcript_group.command("move")
@click.argument("session_id", metavar="ID")
@click.argument("segment_no", type=int)
@click.argument("target", required=False)
@click.option("--undo", is_flag=True, help="Let the segment follow the timeline again.")
@data_dir_option
@lang_option
@click.pass_context
def move_command(
    ctx: click.Context, session_id: str, segment_no: int, target: str | None, undo: bool
) -> None:
    """Put segment SEGMENT_NO of session ID's transcript under TARGET: a question id, topic
    id, code id or variable name."""
    from interviewer.transcript import TranscriptError, align, target_title
    from interviewer.transcript.service import move_segment, resolve_target, unmove_segment

    session = load_session(open_store(ctx), session_id)
    transcript = _load_transcript(ctx, session.id)
    lang = ui_language(ctx, session)
    if undo == (target is not None):
        fail_with("cli.target_or_undo", session)
    try:
        if undo:
            if not 1 <= segment_no <= len(transcript.segments):
                raise TranscriptError("transcript.error.no_segment_short", number=segment_no)
            unmove_segment(transcript, segment_no)
        else:
            move_segment(transcript, segment_no, resolve_target(session.protocol, str(target)))
    except TranscriptError as exc:
        fail_error(exc)
    _save(ctx, transcript)
    placed = align(session, transcript)[segment_no - 1]
    title = target_title(session.protocol, placed.target, lang)
    key = "transcript.unmoved" if undo else "transcript.moved_to"
    click.echo(translate(key, lang, number=segment_no, target=title))


@transcript_group.command("view")
@click.argument("session_id", metavar="ID")
@data_dir_option
@lang_option
@click.pass_context
def view_command(ctx: click.Context, session_id: str) -> None:
    """Open the transcript of session ID beside the notes (move segments, nudge the offset)
    in the TUI."""
    from interviewer.store import SessionStore
    from interviewer.tui.transcript_app import make_transcript_app

    session = load_session(open_store(ctx), session_id)
    transcript = _load_transcript(ctx, session.id)
    store = SessionStore(data_dir_from(ctx))
    from interviewer.cli.run_commands import require_terminal

    require_terminal(ui_language(ctx, session))
    app = make_transcript_app(store, session, transcript, lang=ui_language(ctx, session))
    app.run()
    if app.exit_message:
        click.echo(app.exit_message, err=True)
    if app.return_code:
        raise SystemExit(app.return_code)


@click.command("transcribe")
@click.argument("source", metavar="AUDIO|ID")
@click.option(
    "--model",
    "model_dir",
    default=None,
    type=click.Path(path_type=Path),
    help="A CTranslate2 Whisper model folder (nothing is downloaded; default: transcribe_model "
    "in the settings file).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (AUDIO only; default: AUDIO with .json).",
)
@click.option(
    "--language",
    default=None,
    help="Spoken language, e.g. nl or en (AUDIO: default detect; ID: default the protocol's).",
)
@click.option("--words", is_flag=True, help="Also write word time stamps (AUDIO only).")
@click.option(
    "--force",
    is_flag=True,
    help="AUDIO: overwrite an existing output file. ID: replace a transcript imported from "
    "another source.",
)
@data_dir_option
@lang_option
@click.pass_context
def transcribe_command(
    ctx: click.Context,
    source: str,
    model_dir: Path | None,
    out: Path | None,
    language: str | None,
    words: bool,
    force: bool,
) -> None:
    """Transcribe offline with faster-whisper: an AUDIO file into JSON for 'transcript
    import', or the recording of session ID into its transcript (replacing the live one,
    keeping segments moved by hand)."""
    from interviewer.cli.transcribe_session import looks_like_session_id, transcribe_session

    audio = Path(source)
    if not audio.is_file() and looks_like_session_id(source):
        transcribe_session(ctx, source, model_dir, language, force=force, out=out, words=words)
        return
    _transcribe_file(ctx, audio, model_dir, out, language, words, force)


def _transcribe_file(
    ctx: click.Context,
    audio: Path,
    model_dir: Path | None,
    out: Path | None,
    language: str | None,
    words: bool,
    force: bool,
) -> None:
    """``interviewer transcribe AUDIO``: Whisper JSON beside the audio (or ``--out``)."""
    from interviewer.cli.transcribe_session import chosen_model, transcribe_progress
    from interviewer.transcript import TranscriptError
    from interviewer.transcript.transcribe import (
        INSTALL_HINT,
        MODEL_HINT,
        TranscribeOptions,
        check_model_dir,
        extra_installed,
        transcribe_audio,
        whisper_json_bytes,
    )

    lang = ui_language(ctx)
    if not extra_installed():
        fail_with("cli.needs_transcribe_extra", install=INSTALL_HINT, model=MODEL_HINT)
    model = chosen_model(model_dir)
    target = out or audio.with_suffix(".json")
    try:
        if not audio.is_file():
            raise TranscriptError("transcribe.error.no_audio", path=audio)
        check_model_dir(model)
        if target.exists() and not force:
            raise TranscriptError("transcript.error.target_exists", path=target)
    except TranscriptError as exc:
        fail_error(exc)
    title = translate("transcript.transcribing", lang, name=audio.name)
    with transcribe_progress(title) as report:
        try:
            data = transcribe_audio(
                audio, model, TranscribeOptions(language=language, words=words), report
            )
        except TranscriptError as exc:
            fail_error(exc)
            return
    from interviewer.store.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(target, whisper_json_bytes(data))
    except OSError as exc:
        fail_with("cli.cannot_write", path=target, error=exc.strerror or exc)
    click.echo(translate("transcript.transcribed", lang, count=len(data["segments"]), path=target))
