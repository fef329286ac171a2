"""The consent checklist: a selection list whose ticked items differ in shape, not only in
colour (a tick against an empty box), so they read the same on a monochrome or
colour-blind screen."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICKED = "✓"
UNTICKED = " "


class Checklist(SelectionList[str]):
    """``SelectionList`` with a tick in a ticked item's box and nothing in an empty one."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:  # one line per item, as SelectionList itself assumes
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 2:
            return strip
        mark = TICKED if selection.value in self.selected else UNTICKED
        segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, strip.cell_length)
