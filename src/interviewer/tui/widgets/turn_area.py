"""The notes editor of a group interview: each turn's speaker in the gutter of its paragraph.

The speaker is drawn in the place of a line number, on the first line of each paragraph, so
the text itself (what the recorder stores and the exports print) never contains the label:
typing, deleting or pasting cannot corrupt it. Individual interviews use a plain TextArea.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, cast

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import TextArea

from interviewer.domain.turns import paragraph_spans

GUTTER_MARGIN = 2
"""A space before the label and one between the label and the text."""

ALT_DIGIT_SEQUENCES = tuple(f"\x1b{digit}" for digit in "0123456789")
"""What most terminals send for alt+0..alt+9 (xterm, VTE/GNOME Terminal, Konsole, Windows
Terminal, tmux, macOS Terminal/iTerm2 with Option as Meta/Esc+)."""


def reach_alt_digits() -> None:
    """Let alt+0..alt+9 reach the app as ``alt+0``..``alt+9`` in every terminal.

    Textual 8 reads ESC followed by a digit as the character WezTerm on macOS types for
    Option+digit (ESC 1 -> '¡', ESC 3 -> '£', ...; ``textual._ansi_sequences``), so in the
    common terminals the speaker keys would type those characters into the notes instead.
    Without those entries Textual's parser falls back to its own rule, ESC + key = alt+key
    (after its escape delay, 0.1 s, or at once when more input follows). Terminals with the
    kitty keyboard protocol (kitty, WezTerm, foot, Ghostty) send alt+digit as CSI u and are
    not affected. Called when a group interview's editor is built; idempotent.
    """
    from textual import _ansi_sequences

    # Textual declares the table a read-only Mapping; it is a dict, and changing it is the point
    keys = cast("dict[str, object]", _ansi_sequences.ANSI_SEQUENCES_KEYS)
    for sequence in ALT_DIGIT_SEQUENCES:
        keys.pop(sequence, None)


class TurnArea(TextArea):
    """A TextArea whose gutter shows the speaker of each paragraph's turn."""

    def __init__(self, *args: Any, label_width: int = 3, **kwargs: Any) -> None:
        # set first: TextArea asks for the gutter width while it is built
        self.label_width = label_width
        self._labels: dict[int, str] = {}
        self._starts: list[int] = []
        super().__init__(*args, show_line_numbers=True, **kwargs)

    @property
    def gutter_width(self) -> int:
        """Wide enough for every speaker label (fixed per session: the text never re-wraps
        when a label changes) and for the line numbers TextArea formats underneath."""
        digits = len(str(self.document.line_count - 1 + self.line_number_start))
        return max(self.label_width, digits) + GUTTER_MARGIN

    @property
    def labels(self) -> dict[int, str]:
        """Document line -> speaker label, for the first line of each paragraph."""
        return dict(self._labels)

    def show_turns(self, text: str, speakers: list[str]) -> None:
        """Label each paragraph of ``text`` (the note as the recorder keeps it) with its
        speaker (one per paragraph, the open one included; empty: no labels)."""
        labels: dict[int, str] = {}
        starts: list[int] = []
        line = counted = 0  # new lines counted up to offset ``counted``: one pass per keystroke
        for span in paragraph_spans(text):
            start = span.start
            # the label goes on the paragraph's first line that holds words
            while start < len(text) and text[start] in " \t\n" and not span.open:
                start += 1
            line += text.count("\n", counted, start)
            counted = start
            starts.append(line)
        for line, speaker in zip(starts, speakers, strict=False):
            labels[line] = speaker
        self._starts = starts
        if labels != self._labels:
            self._labels = labels
            self._line_cache.clear()
            self.refresh()

    def paragraph_of_row(self, row: int) -> int:
        """Index of the paragraph (as of the last ``show_turns``) that document line ``row``
        belongs to: the last one starting on or above it, as ``turns.paragraph_at`` counts.
        A bisection over the paragraphs' first lines, cheap enough for every cursor move."""
        return max(0, bisect_right(self._starts, row) - 1)

    def _render_line(self, y: int) -> Strip:
        strip = super()._render_line(y)
        width = self.gutter_width
        try:
            info = self.wrapped_document._offset_to_line_info[y + self.scroll_offset.y]
        except IndexError:
            return strip
        if info is None:
            return strip
        line_index, section = info
        label = self._labels.get(line_index, "") if section == 0 else ""
        theme = self._theme
        style = theme.gutter_style if theme else None
        if label and theme is not None and theme.cursor_line_gutter_style is not None:
            style = theme.cursor_line_gutter_style
        text = f" {label[: width - GUTTER_MARGIN]:<{width - GUTTER_MARGIN}} "
        gutter = Strip([Segment(text, style)], cell_length=width)
        base = theme.base_style if theme and theme.base_style is not None else self.rich_style
        return Strip.join([gutter.apply_style(base), strip.crop(width)])
