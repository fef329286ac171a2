"""``interviewer audio devices``: the microphones the interview can record from.

The index or the name it shows is what ``--audio-device`` takes. Without the optional
``record`` extra or without PortAudio it prints the one line saying what to install, so
the command doubles as the check that recording will work before an interview.
"""

from __future__ import annotations

import click

from interviewer.cli.common import fail_error, lang_option, ui_language
from interviewer.i18n import translate
from interviewer.terminal_text import printable


@click.group("audio")
def audio_group() -> None:
    """Audio recording: the input devices."""


@audio_group.command("devices")
@lang_option
@click.pass_context
def devices_command(ctx: click.Context) -> None:
    """List the input devices (microphones) with the index --audio-device accepts."""
    from interviewer.recording.frames import AudioUnavailable
    from interviewer.recording.source import list_input_devices

    lang = ui_language(ctx)
    try:
        devices = list_input_devices()
    except AudioUnavailable as exc:
        fail_error(exc)
    if not devices:
        click.echo(translate("audio.devices.none", lang))
        return
    for device in devices:
        line = translate(
            "audio.devices.line",
            lang,
            index=device.index,
            name=printable(device.name),
            channels=device.channels,
            rate=f"{device.samplerate:.0f}",
            default=translate("audio.devices.default", lang) if device.default else "",
        )
        click.echo(line.rstrip())
