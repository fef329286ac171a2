"""Key bindings with translated descriptions, and the key contract of the issue.

Textual reads ``BINDINGS`` from the class, so a screen for another language is a small
subclass (``localized``) whose bindings carry the same keys, actions and ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from textual.binding import Binding, BindingType

from interviewer.i18n import translate


@dataclass(frozen=True)
class Key:
    """One binding: key, action, message key of its description, shown in the footer."""

    key: str
    action: str
    message: str
    show: bool = True
    priority: bool = True

    def binding(self, lang: str) -> Binding:
        return Binding(
            self.key,
            self.action,
            translate(self.message, lang),
            show=self.show,
            priority=self.priority,
            id=self.action.replace("app.", "").replace("(", "-").rstrip(")"),
        )


QUIT = Key("ctrl+q", "app.quit", "tui.key.quit")

T = TypeVar("T")


def bindings(keys: tuple[Key, ...], lang: str = "en") -> list[BindingType]:
    """The Binding objects of ``keys`` in ``lang`` (typed as Textual types ``BINDINGS``)."""
    return [k.binding(lang) for k in keys]


@cache
def localized(cls: type[T], lang: str) -> type[T]:
    """``cls`` with its ``KEYS`` described in ``lang`` (a cached subclass)."""
    keys = getattr(cls, "KEYS", ())
    return type(cls.__name__, (cls,), {"BINDINGS": bindings(keys, lang)})
