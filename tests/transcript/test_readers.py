"""Every supported format reads into the same segments; malformed files name their line."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from interviewer.transcript import FORMATS, TranscriptError, parse_transcript, read_transcript
from interviewer.transcript.read import detect_format

from .helpers import WRITERS, Line, to_srt, to_txt, to_vtt

DIALOGUE = [
    Line(10, 14, "Interviewer", "Hoe verloopt de samenwerking?"),
    Line(15, 40, "Respondent", "Goed, we overleggen elke week."),
    Line(45, 50, "Interviewer", "Wat gaat er goed?"),
    Line(50, 70, "Respondent", "De lijnen zijn kort & duidelijk."),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_gives_the_same_turns(tmp_path: Path, fmt: str) -> None:
    writer, name = WRITERS[fmt]
    path = tmp_path / name
    path.write_text(writer(DIALOGUE), encoding="utf-8")
    result = read_transcript(path)
    assert result.format == fmt
    assert [(s.start, s.speaker, s.text) for s in result.segments] == [
        (float(ln.start), ln.speaker, ln.text) for ln in DIALOGUE
    ]


@pytest.mark.parametrize("fmt", ["srt", "vtt", "whisper-json"])
def test_formats_with_end_times_keep_them(fmt: str) -> None:
    writer, name = WRITERS[fmt]
    result = parse_transcript(writer(DIALOGUE), source=name)
    assert [s.end for s in result.segments] == [float(ln.end) for ln in DIALOGUE]


@pytest.mark.parametrize("fmt", ["txt", "otranscribe"])
def test_stamp_formats_end_at_the_next_stamp(fmt: str) -> None:
    writer, name = WRITERS[fmt]
    result = parse_transcript(writer(DIALOGUE), source=name)
    assert [s.end for s in result.segments] == [15.0, 45.0, 50.0, None]


@pytest.mark.parametrize("fmt", FORMATS)
def test_detection_by_content_ignores_the_file_name(fmt: str) -> None:
    writer, _ = WRITERS[fmt]
    assert detect_format(writer(DIALOGUE), ".dat") == fmt


def test_parenthesised_and_f4_stamps() -> None:
    text = to_txt(DIALOGUE, brackets="()")
    assert [s.start for s in parse_transcript(text).segments] == [10.0, 15.0, 45.0, 50.0]
    f4 = "#00:00:10-5# I: Vraag?\n#00:00:12-0# R: Antwoord.\n"
    result = parse_transcript(f4, "txt", "f4.txt")
    assert [(s.start, s.speaker) for s in result.segments] == [(10.5, "I"), (12.0, "R")]


def test_text_lines_continue_the_stamp_above_and_leading_text_starts_at_zero() -> None:
    text = (
        "Interview Borne, team 1\n\n[00:00:05] Anna: Eerste regel\ntweede regel\n"
        "[00:00:09] Bob: Ja\n"
    )
    segs = parse_transcript(text, "txt").segments
    assert [(s.start, s.end, s.speaker, s.text) for s in segs] == [
        (0.0, 5.0, None, "Interview Borne, team 1"),
        (5.0, 9.0, "Anna", "Eerste regel tweede regel"),
        (9.0, None, "Bob", "Ja"),
    ]


def test_a_colon_in_one_sentence_is_not_a_speaker() -> None:
    text = "[00:00:01] Ja: dat klopt wel.\n[00:00:03] Verder niets.\n"
    assert [s.speaker for s in parse_transcript(text, "txt").segments] == [None, None]


def test_vtt_voices_split_a_shared_cue_and_markup_is_removed() -> None:
    vtt = (
        "WEBVTT\n\n1\n00:01.000 --> 00:04.000\n<v SPEAKER_00>Hallo <i>allemaal</i></v>\n"
        "<v SPEAKER_01>Goedemorgen &amp; welkom</v>\n\n"
        "00:00:05.000 --> 00:00:06.500\n<v.loud SPEAKER_00>Zullen we <00:00:05.500>beginnen?\n"
    )
    segs = parse_transcript(vtt, source="x.vtt").segments
    assert [(s.start, s.end, s.speaker, s.text) for s in segs] == [
        (1.0, 4.0, "SPEAKER_00", "Hallo allemaal"),
        (1.0, 4.0, "SPEAKER_01", "Goedemorgen & welkom"),
        (5.0, 6.5, "SPEAKER_00", "Zullen we beginnen?"),
    ]


def test_whisperx_words_and_word_level_speakers() -> None:
    data = {
        "segments": [
            {
                "start": 0.5,
                "end": 2.0,
                "text": " Goedemorgen allemaal.",
                "words": [
                    {"word": "Goedemorgen", "start": 0.5, "end": 1.2, "speaker": "SPEAKER_01"},
                    {"word": "allemaal.", "start": 1.2, "end": 2.0, "speaker": "SPEAKER_01"},
                    {"word": "2024", "score": 0.2},
                ],
            }
        ],
        "word_segments": [],
    }
    (seg,) = parse_transcript(json.dumps(data)).segments
    assert seg.speaker == "SPEAKER_01"
    assert [w.text for w in seg.words] == ["Goedemorgen", "allemaal."]


def test_bare_segment_list_and_whisper_cpp_offsets() -> None:
    bare = json.dumps(
        [{"start": 1, "end": 2, "text": "een"}, {"start": 2, "end": 3, "text": "twee"}]
    )
    assert [s.text for s in parse_transcript(bare).segments] == ["een", "twee"]
    cpp = json.dumps({"transcription": [{"offsets": {"from": 1500, "to": 2750}, "text": " Hallo"}]})
    (seg,) = parse_transcript(cpp).segments
    assert (seg.start, seg.end, seg.text) == (1.5, 2.75, "Hallo")


def test_otranscribe_plain_text_export_and_old_string_stamps() -> None:
    exported = "0:00:05 Anna: Welkom.\n\n0:01:10 Bob: Dank je.\n"
    segs = parse_transcript(exported).segments
    assert [(s.start, s.speaker) for s in segs] == [(5.0, "Anna"), (70.0, "Bob")]
    html = (
        '<p><span class="timestamp" data-timestamp="01:05">01:05</span> Hallo</p>'
        '<p><span class="timestamp" data-timestamp="70.25">1:10</span> Daar</p>'
    )
    segs = parse_transcript(html, source="x.html").segments
    assert [(s.start, s.text) for s in segs] == [(65.0, "Hallo"), (70.25, "Daar")]


def test_utf8_bom_and_utf16_are_read(tmp_path: Path) -> None:
    text = to_srt(DIALOGUE)
    (tmp_path / "bom.srt").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    (tmp_path / "wide.srt").write_text(text, encoding="utf-16")
    for name in ("bom.srt", "wide.srt"):
        assert len(read_transcript(tmp_path / name).segments) == 4


def test_other_encodings_only_when_named(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes("[00:00:01] Respondent: Coördinatie is één ding.\n".encode("cp1252"))
    with pytest.raises(TranscriptError, match=r"win.txt:1: not utf-8 text .*--encoding"):
        read_transcript(path)
    (seg,) = read_transcript(path, encoding="cp1252").segments
    assert seg.text == "Coördinatie is één ding."


MALFORMED = [
    pytest.param("empty.srt", "", "empty.srt:1: the file is empty", id="empty"),
    pytest.param("blank.vtt", " \n\n", "blank.vtt:1: the file is empty", id="blank"),
    pytest.param(
        "overlap.srt",
        "1\n00:00:01,000 --> 00:00:05,000\nEen\n\n2\n00:00:03,000 --> 00:00:06,000\nTwee\n",
        "overlap.srt:6: overlapping times: starts at 00:00:03.000 but the segment on line 2 "
        "runs until 00:00:05.000",
        id="overlap",
    ),
    pytest.param(
        "back.srt",
        "1\n00:00:05,000 --> 00:00:06,000\nEen\n\n2\n00:00:01,000 --> 00:00:02,000\nTwee\n",
        "back.srt:6: time goes back",
        id="time-goes-back",
    ),
    pytest.param(
        "inverted.vtt",
        "WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nEen\n",
        "inverted.vtt:3: segment ends (00:00:04.000) before it starts (00:00:05.000)",
        id="end-before-start",
    ),
    pytest.param(
        "noend.srt",
        "1\n00:00:01,000 --> 00:00:02,000\nEen\n\n2\n00:00:03,000 -->\nTwee\n",
        "noend.srt:6: missing end time",
        id="missing-end-srt",
    ),
    pytest.param(
        "noend.json",
        json.dumps(
            {"segments": [{"start": 0, "end": 1, "text": "a"}, {"start": 2, "text": "b"}]}, indent=2
        ),
        "noend.json:8: segment 2: missing end time",
        id="missing-end-json",
    ),
    pytest.param(
        "badstamp.srt",
        "1\n00:00:01,000 --> 00:00:02,000\nEen\n\n2\n00:00:61,000 --> 00:00:62,000\nTwee\n",
        "badstamp.srt:6: bad time stamp: '00:00:61,000' has 61 seconds",
        id="bad-stamp-srt",
    ),
    pytest.param(
        "badstamp.txt",
        "[00:00:01] Een\n[00:75:00] Twee\n",
        "badstamp.txt:2: bad time stamp: '00:75:00' has 75 minutes",
        id="bad-stamp-txt",
    ),
    pytest.param(
        "notime.srt",
        "1\nHallo zonder tijd\n",
        "notime.srt:2: expected a time line",
        id="srt-without-timing",
    ),
    pytest.param(
        "broken.json",
        '{"segments": [\n {"start": 1, "end": 2, "text": "a"},\n]}',
        "broken.json:3: not valid JSON",
        id="invalid-json",
    ),
    pytest.param(
        "header.vtt",
        "WEBVT\n\n00:01.000 --> 00:02.000\nHallo\n",
        "header.vtt:1: a WebVTT file must start with the line 'WEBVTT'",
        id="vtt-header",
    ),
    pytest.param(
        "nostamps.txt",
        "Alleen tekst, geen tijden.\n",
        "nostamps.txt:1: no time stamps found",
        id="txt-without-stamps",
    ),
    pytest.param(
        "words.json",
        json.dumps({"segments": [{"start": "0:01", "end": 2, "text": "a"}]}, indent=2),
        "words.json:3: segment 1: start is not a number",
        id="json-string-time",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), MALFORMED)
def test_malformed_files_name_the_line(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TranscriptError) as caught:
        read_transcript(path)
    assert str(caught.value).startswith(message), str(caught.value)


def test_overlap_between_different_speakers_is_crosstalk_not_an_error() -> None:
    vtt = to_vtt([Line(1, 5, "Anna", "Ik vind"), Line(3, 6, "Bob", "Nee hoor")])
    assert len(parse_transcript(vtt).segments) == 2
    same = to_vtt([Line(1, 5, "Anna", "Ik vind"), Line(3, 6, "Anna", "dat")])
    with pytest.raises(TranscriptError, match=r"overlapping times.*of Anna on line"):
        parse_transcript(same, source="x.vtt")


def test_binary_and_unknown_inputs(tmp_path: Path) -> None:
    audio = tmp_path / "opname.wav"
    audio.write_bytes(b"RIFF\x00\x00\x00\x00WAVEfmt ")
    with pytest.raises(TranscriptError, match="interviewer transcribe"):
        read_transcript(audio)
    odd = tmp_path / "notes.dat"
    odd.write_text("Zomaar wat tekst\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match="pass --format"):
        read_transcript(odd)
    with pytest.raises(TranscriptError, match="no such file"):
        read_transcript(tmp_path / "missing.srt")
    with pytest.raises(TranscriptError, match="not a transcript format"):
        parse_transcript("x", "docx")
