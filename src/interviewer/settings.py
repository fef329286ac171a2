"""The user's settings file: ``config.toml`` in the configuration folder (``paths.config_file``).

Three settings exist so far::

    lang = "nl"        # the interface language when --lang is not given ("en" or "nl")
    author = "Anna"    # who writes conclusions (the analysis), when --author is not given
    transcribe_model = "~/models/whisper-small"   # a local CTranslate2 Whisper model folder
                       # for live transcription (run --record) and interviewer transcribe ID,
                       # when --transcribe-model / --model is not given

The file is optional. It is read on every call (it is a few bytes, and tests point the
configuration folder elsewhere), never written by the program, and holds nothing about
respondents.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from interviewer import paths
from interviewer.i18n.errors import TranslatableValueError

KNOWN_LANGUAGES = ("en", "nl")
MAX_AUTHOR_CHARS = 200


class SettingsError(TranslatableValueError):
    """The settings file cannot be read or holds a value that is not allowed; one line naming
    the file, said in the interface language by the caller (``message(lang)``)."""


def read_settings(path: Path | None = None) -> dict[str, Any]:
    """The settings in ``path`` (default: ``paths.config_file()``); ``{}`` when there is none.

    Raises ``SettingsError`` for a file that is not TOML or a ``lang`` that is not known, so
    that a typo is reported instead of silently ignored.
    """
    path = path or paths.config_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(
            "settings.unreadable", path=str(path), error=getattr(exc, "strerror", None) or exc
        ) from exc
    try:
        settings = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError("settings.not_toml", path=str(path), error=str(exc)) from exc
    lang = settings.get("lang")
    if lang is not None and lang not in KNOWN_LANGUAGES:
        raise SettingsError(
            "settings.bad_lang", path=str(path), value=str(lang), known=", ".join(KNOWN_LANGUAGES)
        )
    author = settings.get("author")
    if author is not None and (
        not isinstance(author, str) or len(author) > MAX_AUTHOR_CHARS or not author.isprintable()
    ):
        raise SettingsError("settings.bad_author", path=str(path), most=MAX_AUTHOR_CHARS)
    model = settings.get("transcribe_model")
    if model is not None and (not isinstance(model, str) or not model.strip()):
        raise SettingsError("settings.bad_transcribe_model", path=str(path))
    return settings


def configured_transcribe_model() -> Path | None:
    """The ``transcribe_model`` folder of the settings file (``~`` expanded), or None (also
    when the file is broken: the command that needs a model then says none was given)."""
    try:
        model = read_settings().get("transcribe_model")
    except SettingsError:
        return None
    return Path(model).expanduser() if isinstance(model, str) and model.strip() else None


def configured_author() -> str:
    """The ``author`` of the settings file, or "" (also when the file is broken, as for
    ``configured_language``): the name written beside a conclusion. Never the login name,
    which would put an account name into files a team shares."""
    try:
        return str(read_settings().get("author") or "")
    except SettingsError:
        return ""


def configured_language() -> str | None:
    """The ``lang`` of the settings file, or None (also when the file is broken: the command
    line checks it once at start and reports the problem; the resolver must not fail)."""
    try:
        lang = read_settings().get("lang")
    except SettingsError:
        return None
    return lang if lang in KNOWN_LANGUAGES else None
