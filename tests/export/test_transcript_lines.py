"""The transcript's own line breaking (``export.transcript_lines``): pure, no document."""

from __future__ import annotations

from interviewer.export.blocks import Block
from interviewer.export.transcript_lines import (
    HEADING_WIDTH,
    TRANSCRIPT_WIDTH,
    Piece,
    line_texts,
    number_blocks,
    render_markdown,
)


def test_lines_fit_the_width_and_keep_every_word() -> None:
    words = [f"woord{n}" for n in range(60)]
    text = " ".join(words) + "\nnieuwe   regel\n\n" + "x" * 170
    (item,) = number_blocks([Block("p", text)])
    texts = [line.text for line in item.lines]
    assert all(len(t) <= TRANSCRIPT_WIDTH for t in texts)
    # every word in order, the hard newline and the empty line kept, the long word cut
    assert texts[-5:] == ["nieuwe regel", "", "x" * 80, "x" * 80, "x" * 10]
    assert " ".join(texts[:-5]).split() == words
    assert [line.number for line in item.lines] == list(range(1, len(texts) + 1))


def test_numbers_run_through_the_blocks_and_headings_wrap_narrower() -> None:
    title = " ".join(["Lange"] * 20)
    numbered = number_blocks([Block("title", "Verslag"), Block("h1", title), Block("p", "Ja.")])
    lines = line_texts(numbered)
    assert lines[1] == "Verslag"
    heading = [lines[n] for n in range(2, len(lines))]
    assert all(len(t) <= HEADING_WIDTH for t in heading) and len(heading) == 2
    assert lines[len(lines)] == "Ja."
    markdown = render_markdown(numbered)
    # a two-line heading is two Markdown heading lines; the numbers are the same
    assert markdown.splitlines()[2].startswith("## `   2` Lange")
    assert markdown.splitlines()[3].startswith("## `   3` Lange")


def test_runs_keep_label_stamp_and_emphasis() -> None:
    block = Block("answer", "Ik wel.", label="R1", stamp="0:01:00")
    (item,) = number_blocks([block])
    (line,) = item.lines
    assert line.text == "[0:01:00] R1: Ik wel."
    assert line.runs == (
        Piece("[0:01:00] ", italic=True),
        Piece("R1: ", bold=True),
        Piece("Ik wel."),
    )
    question = number_blocks([Block("question", "Hoe gaat het?")])[0].lines[0]
    assert question.runs == (Piece("Hoe gaat het?", bold=True, italic=True),)
    assert "`   1` *[0:01:00]* **R1:** Ik wel." in render_markdown([item])
