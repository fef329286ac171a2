"""The user's settings file: ``config.toml`` in the configuration folder (``paths.config_file``).

Only one setting exists so far::

    lang = "nl"   # the interface language when --lang is not given ("en" or "nl")

The file is optional. It is read on every call (it is a few bytes, and tests point the
configuration folder elsewhere), never written by the program, and holds no personal data.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from interviewer import paths
from interviewer.i18n.errors import TranslatableValueError

KNOWN_LANGUAGES = ("en", "nl")


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
    return settings


def configured_language() -> str | None:
    """The ``lang`` of the settings file, or None (also when the file is broken: the command
    line checks it once at start and reports the problem; the resolver must not fail)."""
    try:
        lang = read_settings().get("lang")
    except SettingsError:
        return None
    return lang if lang in KNOWN_LANGUAGES else None
