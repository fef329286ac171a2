"""User-facing strings in English and Dutch.

Every area keeps its own table module (``table_<area>.py``) exporting ``MESSAGES``:
``{key: {"en": "...", "nl": "..."}}``. Keys are unique across tables; a test checks
that every key has both languages and the same ``{placeholders}`` in each.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from functools import cache

LANGUAGES = ("en", "nl")
DEFAULT_LANGUAGE = "en"


@cache
def all_messages() -> dict[str, dict[str, str]]:
    """Merge every ``table_*`` module into one table; a duplicate key is a programming error."""
    merged: dict[str, dict[str, str]] = {}
    package = importlib.import_module(__name__)
    for info in pkgutil.iter_modules(package.__path__):
        if not info.name.startswith("table_"):
            continue
        table = importlib.import_module(f"{__name__}.{info.name}").MESSAGES
        for key, texts in table.items():
            if key in merged:
                raise RuntimeError(f"duplicate message key {key!r} in {info.name}")
            merged[key] = texts
    return merged


def language_from_environment(default: str = DEFAULT_LANGUAGE) -> str:
    """``nl`` when ``LANG``/``LC_ALL``/``LC_MESSAGES`` start with ``nl``, else ``default``."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "nl" if value.lower().startswith("nl") else default
    return default


def resolve_language(explicit: str | None, protocol_language: str | None = None) -> str:
    """The interface language, the one resolver every command and the TUI use.

    In order: ``--lang`` (``explicit``), the ``lang`` of the settings file, the protocol's
    language (given only for screens and commands about one session or protocol), ``LANG``.
    Documents do not use this: see ``document_language``.
    """
    from interviewer.settings import configured_language

    for candidate in (explicit, configured_language(), protocol_language):
        if candidate in LANGUAGES:
            return candidate
    return language_from_environment()


def document_language(subject: object, override: str | None = None) -> str:
    """The language of a document about ``subject`` (a session, a protocol, or a protocol's
    language code): always the protocol's, whatever the interface speaks, so a respondent's
    transcript, the coding document, the guide and the letter read the same from the CLI and
    the TUI. ``override`` is for core callers and tests that need another language on
    purpose; the CLI and the TUI never pass it.
    """
    if override in LANGUAGES:
        return override
    protocol = getattr(subject, "protocol", subject)
    lang = protocol if isinstance(protocol, str) else getattr(protocol, "language", None)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def translate(key: str, lang: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """The message ``key`` in ``lang`` (falling back to English), formatted with ``values``.

    Plural forms: when ``count`` is 1 and the table has ``<key>.one``, that singular form is
    used ("1 demosessie", not "1 demosessies"); other counts use ``key`` itself.
    """
    messages = all_messages()
    if values.get("count") == 1 and f"{key}.one" in messages:
        key = f"{key}.one"
    texts = messages.get(key)
    if texts is None:
        raise KeyError(f"unknown message key {key!r}")
    template = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    if not values:
        return template
    from interviewer.i18n.errors import render_values  # a core error quoted in the line

    return template.format(**render_values(values, lang))


class Translator:
    """A bound ``translate`` for one language, handy to pass into screens and exporters."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    def __call__(self, key: str, /, **values: object) -> str:
        return translate(key, self.lang, **values)
