"""Errors and phrases said from a message key, so the core can raise them without knowing the
interface language.

The core (store, transcript, protocol library) raises ``TranslatableError`` subclasses with a
key of the translation tables and its values; ``str(exc)`` is the English line (logs, tests),
and the command line or the TUI says ``exc.message(lang)`` in the interface language. A value
may itself be a ``Phrase`` (a word such as "key file") or another translatable error (a cause
quoted inside the line); both are said in the same language as the line around them.
"""

from __future__ import annotations

from interviewer.i18n import DEFAULT_LANGUAGE, all_messages, translate


class Phrase:
    """A piece of text from the tables, said in whatever language the line around it uses."""

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values

    def message(self, lang: str) -> str:
        """The phrase in ``lang`` (a text that is not a key is kept as it is)."""
        if self.key not in all_messages():
            return self.key
        return translate(self.key, lang, **render_values(self.values, lang))

    def __str__(self) -> str:
        return self.message(DEFAULT_LANGUAGE)

    def __repr__(self) -> str:
        return f"Phrase({self.key!r})"


def render_values(values: dict[str, object], lang: str) -> dict[str, object]:
    """``values`` with every phrase or translatable error said in ``lang``."""
    return {name: _said(value, lang) for name, value in values.items()}


def _said(value: object, lang: str) -> object:
    """A phrase or an error with a ``message(lang)`` (the core's keyed errors, the member
    check's) said in ``lang``; anything else as it is."""
    message = getattr(value, "message", None)
    if isinstance(value, Phrase | BaseException) and callable(message):
        return message(lang)
    return value


class TranslatableError(Exception):
    """An error for the user made from a message key and its values.

    A first argument that is not a key of the tables is kept as a literal line (code written
    before the keys, or a message from a library); it is then the same in every language.
    """

    def __init__(self, key: str, /, **values: object) -> None:
        self.message_key = key
        self.values = values
        super().__init__(self.message(DEFAULT_LANGUAGE))

    @property
    def keyed(self) -> bool:
        """True when the message comes from the tables (so it has a Dutch form)."""
        return self.message_key in all_messages()

    def message(self, lang: str) -> str:
        """The line in ``lang``."""
        if not self.keyed:
            return self.message_key
        return translate(self.message_key, lang, **render_values(self.values, lang))


class TranslatableValueError(TranslatableError, ValueError):
    """A keyed error for bad input that callers already catch as ``ValueError`` (respondent
    codes, the replacement list, the recorder's actions, exports)."""


def error_message(exc: BaseException, lang: str) -> str:
    """An error said in ``lang``: ``message(lang)`` when it has one (the core's keyed errors,
    the member check's), else ``str(exc)`` (a library's message has no Dutch form)."""
    return str(_said(exc, lang))
