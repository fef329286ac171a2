"""REFI-QDA project (.qdpx) and codebook (.qdc): the exchange format QDA tools import.

A .qdpx is a zip with exactly one ``project.qde`` (XML in ``urn:QDA-XML:project:1.0``) and
the sources under a lowercase ``sources/`` folder. We write:

* the codebook from the protocol: each variable a code with its colour (``#RRGGBB``), its
  characteristics as sub-codes, then the extra codes;
* one text source per session (``sources/<guid>.txt``, the transcript text);
* a ``PlainTextSelection`` for every answer paragraph, coded with its characteristic's
  sub-code (or its variable, or the closing question's extra code), plus one coding per tag;
* a case per respondent with the variables case, role, mode and duration;
* the study's analysis as memos (``Note`` with ``PlainTextContent``): per case and variable
  the Tussenconclusie and the analysis frame, per variable the comparative conclusion, and
  the general rows; the variable's code refers to its memos (``NoteRef``), a ``Set`` per
  case holds the case's sources and memos, and the project refers to the comparison's.

Positions are Unicode code-point offsets into the source text, end exclusive (Python string
indices). Element order follows the schema's sequences. GUIDs are derived (uuid5) from the
protocol, session and question ids, so exporting twice gives the same project; a source's
GUID (and so its selections' and codings') also from what it holds (``source_guid``: kind
and a digest of the text), so the notes project and the verbatim project of one session,
merged into one QDA project, never give one GUID to two different texts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO

from lxml import etree

from interviewer import __version__
from interviewer.domain.analysis import (
    GENERAL_ROWS,
    KeySentence,
    KeywordsValue,
    StudyAnalysis,
    TextValue,
)
from interviewer.domain.protocol import InterviewProtocol
from interviewer.domain.session import Session
from interviewer.export.analysis_export import (
    respondent_codes,
    study_analysis,
    variable_text,
)
from interviewer.export.content import SessionContent, build_content, code_colours, rgb
from interviewer.export.options import ExportOptions
from interviewer.export.registry import ExportError
from interviewer.export.text import clean_line, clean_text
from interviewer.export.transcript import minutes_text
from interviewer.export.verbatim import VerbatimContent, is_final, memo_label, verbatim_content
from interviewer.i18n import Translator

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
_GUID_NS = uuid.UUID("6f1d8a52-8f55-4c3e-9a57-2b1e0c7d4e11")
ORIGIN = f"interviewer {__version__}"


def guid(*parts: str) -> str:
    """A stable GUID for the given key parts."""
    return str(uuid.uuid5(_GUID_NS, "\x1f".join(parts)))


@dataclass(frozen=True)
class Selection:
    """A coded stretch of a source: ``text[start:end]`` is exactly ``expected``."""

    guid: str
    start: int
    end: int
    codes: tuple[str, ...]
    """Code GUIDs."""
    expected: str
    speaker: str = ""


@dataclass(frozen=True)
class SourceText:
    """The plain text of one session and its coded selections."""

    guid: str
    name: str
    text: str
    selections: tuple[Selection, ...]


def source_guid(session_id: str, kind: str, text: str) -> str:
    """The GUID of a source: from the session, the kind of text (``notes``, ``verbatim``)
    and a digest of the text itself. The same text exported again keeps its GUID; any other
    text of the same session (the verbatim transcript beside the notes, the approved final
    text beside the first) gets another, so merged projects cannot collide."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return guid("source", session_id, kind, digest)


def _sourced(
    session_id: str, kind: str, name: str, text: str, selections: Sequence[Selection]
) -> SourceText:
    """The finished source: its GUID from what it holds, and each selection's GUID (built
    from its key within the session) derived from the source's, so two sources never share
    a selection (nor a coding, whose GUID derives from the selection's)."""
    source = source_guid(session_id, kind, text)
    owned = tuple(dataclasses.replace(sel, guid=guid("selection", source, sel.guid))
                  for sel in selections)  # fmt: skip
    return SourceText(source, name, text, owned)


def code_guids(protocol: InterviewProtocol) -> dict[str, str]:
    """Code id (topic, 'topic/characteristic', extra code) -> GUID."""
    guids: dict[str, str] = {}
    for topic in protocol.topics:
        guids[topic.id] = guid("code", protocol.id, topic.id)
        for characteristic in topic.characteristics:
            key = f"{topic.id}/{characteristic.id}"
            guids[key] = guid("code", protocol.id, key)
    for code in protocol.extra_codes:
        guids[code.id] = guid("extra", protocol.id, code.id)
    return guids


def code_key(code_id: str | None, topic_id: str | None, characteristic_id: str | None) -> str:
    """The key of ``code_guids`` an answer is coded with: its characteristic, else its code."""
    if topic_id and characteristic_id:
        return f"{topic_id}/{characteristic_id}"
    return code_id or ""


class _TextBuilder:
    """A source text built piece by piece, remembering character offsets for selections."""

    def __init__(self, *, clean: bool) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.clean = clean

    def put(self, text: str) -> int:
        """Append ``text``; returns its start offset (Unicode characters)."""
        if self.clean:
            text = clean_text(text)
        start = self.length
        self.pieces.append(text)
        self.length += len(text)
        return start

    def head(self, content: SessionContent, t: Translator) -> None:
        """Title, draft mark, case and date: the same opening in every source."""
        session = content.session
        self.put(f"{t('export.transcript.title')} {session.respondent}\n")
        if content.draft:
            self.put(t("export.draft") + "\n")
        self.put(
            f"{t('export.meta.case')}: {session.case}\n{t('export.meta.date')}: {session.date}\n"
        )

    def text(self) -> str:
        return "".join(self.pieces)


def source_text(content: SessionContent) -> SourceText:
    """The session as plain text (title, meta, questions, '1.1: answer' paragraphs)."""
    session = content.session
    t = Translator(content.lang)
    guids = code_guids(content.protocol)
    builder = _TextBuilder(clean=True)
    put = builder.put
    selections: list[Selection] = []
    builder.head(content, t)
    for section in content.sections:
        put(f"\n{section.title}\n")
        for entry in section.entries:
            put(f"\n{entry.text}\n")
            key = code_key(entry.code_id, entry.topic_id, entry.characteristic_id)
            codes = [guids[k] for k in (key, *entry.tags) if k in guids]
            # One selection per paragraph, so per turn in a group interview: the speaker's
            # case refers to exactly what that participant said.
            for n, (speaker, paragraph) in enumerate(entry.answer_turns()):
                text = clean_text(paragraph)
                put(f"{speaker}: ")
                start = put(text)
                put("\n")
                if codes:
                    sel = guid("selection", session.id, entry.question_id, str(n))
                    selections.append(
                        Selection(
                            sel,
                            start,
                            start + len(text),
                            tuple(dict.fromkeys(codes)),
                            text,
                            speaker,
                        )
                    )
    name = clean_line(f"{session.case} {session.respondent}")
    return _sourced(session.id, "notes", name, builder.text(), selections)


def verbatim_source_text(verbatim: VerbatimContent, *, final: bool = False) -> SourceText:
    """The recording's words as the source: per question its segment lines, then the memo.

    One selection per question (or code alone) spans exactly its segment lines, from the
    first character of the first to the last of the last, coded with the characteristic
    (or variable, or extra code) plus the question's tags. In a group interview every
    participant's segment is also an uncoded selection that the participant's case refers to.
    """
    content = verbatim.content
    session = content.session
    t = Translator(content.lang)
    guids = code_guids(content.protocol)
    participants = {clean_line(p.code) for p in session.participants} if content.group else set()
    builder = _TextBuilder(clean=False)
    put = builder.put
    selections: list[Selection] = []
    builder.head(content, t)
    for section in verbatim.sections:
        put(f"\n{clean_line(section.title)}\n")
        for unit in section.units:
            put(f"\n{clean_line(unit.title)}\n")
            first = last = -1
            for line in unit.lines:
                text = line.plain()
                start = put(text)
                put("\n")
                first = start if first < 0 else first
                last = start + len(text)
                if line.speaker in participants:
                    sel = guid("segment", session.id, str(line.item.number))
                    selections.append(Selection(sel, start, last, (), text, line.speaker))
            speaker = unit.entry.speaker if (unit.entry is not None and content.group) else ""
            label = memo_label(content.lang, speaker, final=final)
            for paragraph in unit.memo:
                put(f"{label}: {clean_text(paragraph)}\n")
            key = code_key(unit.code_id, unit.topic_id, unit.characteristic_id)
            codes = tuple(dict.fromkeys(guids[k] for k in (key, *unit.tags) if k in guids))
            if first >= 0 and codes:
                which = unit.question_id or f"code:{unit.code_id}"
                sel = guid("selection", session.id, "verbatim", which)
                # The expected text is filled in below, once the whole source exists.
                selections.append(Selection(sel, first, last, codes, "", ""))
    source = builder.text()
    done = tuple(
        sel if sel.expected else dataclasses.replace(sel, expected=source[sel.start : sel.end])
        for sel in selections
    )
    name = clean_line(f"{session.case} {session.respondent}")
    return _sourced(session.id, "verbatim", name, source, done)


def _e(parent: etree._Element, tag: str, ns: str = PROJECT_NS, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{ns}}}{tag}", {k: v for k, v in attrs.items() if v})


def _codes_element(
    parent: etree._Element,
    protocol: InterviewProtocol,
    ns: str,
    notes: dict[str, list[str]] | None = None,
) -> None:
    """The codebook; ``notes`` (topic id -> note GUIDs) links memos to variable codes
    (``NoteRef`` sits between a code's Description and its sub-codes, as the schema orders)."""
    colours = code_colours(protocol)
    guids = code_guids(protocol)
    codes = _e(parent, "Codes", ns)
    for topic in protocol.topics:
        colour = rgb(colours[topic.id])
        code = _e(codes, "Code", ns, guid=guids[topic.id], name=clean_line(topic.variable),
                  isCodable="true", color=colour)  # fmt: skip
        if topic.description:
            _e(code, "Description", ns).text = clean_text(topic.description)
        for note in (notes or {}).get(topic.id, ()):
            _e(code, "NoteRef", ns, targetGUID=note)
        for characteristic in topic.characteristics:
            key = f"{topic.id}/{characteristic.id}"
            sub = _e(code, "Code", ns, guid=guids[key], name=clean_line(characteristic.label),
                     isCodable="true", color=colour)  # fmt: skip
            if characteristic.description:
                _e(sub, "Description", ns).text = clean_text(characteristic.description)
    for extra in protocol.extra_codes:
        code = _e(codes, "Code", ns, guid=guids[extra.id], name=clean_line(extra.name),
                  isCodable="true", color=rgb(colours[extra.id]))  # fmt: skip
        if extra.description:
            _e(code, "Description", ns).text = clean_text(extra.description)


def codebook_xml(protocol: InterviewProtocol) -> bytes:
    """The codebook alone as a REFI-QDA .qdc document."""
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", ORIGIN)
    _codes_element(root, protocol, CODEBOOK_NS)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _common_protocol(sessions: Sequence[Session]) -> InterviewProtocol:
    if not sessions:
        raise ExportError("export.error.qdpx_empty")
    ids = {s.protocol.id for s in sessions}
    if len(ids) > 1:
        raise ExportError("export.error.qdpx_protocols", protocols=", ".join(sorted(ids)))
    return sessions[0].protocol


def _case(
    parent: etree._Element,
    case_guid: str,
    name: str,
    values: dict[str, str],
    variables: Sequence[tuple[str, str, str]],
) -> etree._Element:
    """A Case with its variable values (empty values left out), in schema order."""
    case = _e(parent, "Case", guid=case_guid, name=name)
    for key, _name, kind in variables:
        if not values[key]:
            continue
        value = _e(case, "VariableValue")
        _e(value, "VariableRef", targetGUID=guid("variable", key))
        _e(value, "FloatValue" if kind == "Float" else "TextValue").text = values[key]
    return case


def _timestamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def project_parts(
    sessions: Sequence[Session], options: ExportOptions
) -> tuple[bytes, list[SourceText]]:
    """The ``project.qde`` bytes and the sources (exposed for tests and checks)."""
    protocol = _common_protocol(sessions)
    if options.verbatim:
        verbatims = [verbatim_content(s, options) for s in sessions]
        contents = [v.content for v in verbatims]
        sources = [
            verbatim_source_text(v, final=is_final(s, options, "qdpx"))
            for s, v in zip(sessions, verbatims, strict=True)
        ]
    else:
        contents = [build_content(s, options.lang) for s in sessions]
        sources = [source_text(c) for c in contents]
    lang = contents[0].lang
    t = Translator(lang)
    created = _timestamp(min(s.created_at for s in sessions))
    user = guid("user", "interviewer")
    root = etree.Element(f"{{{PROJECT_NS}}}Project", nsmap={None: PROJECT_NS})
    for key, value in (
        ("name", clean_line(protocol.title)),
        ("origin", ORIGIN),
        ("creatingUserGUID", user),
        ("creationDateTime", created),
    ):
        root.set(key, value)
    memos = analysis_memos(
        study_analysis(options, protocol.id), protocol, sessions, sources, t, user
    )
    users = _e(root, "Users")
    _e(users, "User", guid=user, name="interviewer")
    for author, author_guid in memos.users.items():
        _e(users, "User", guid=author_guid, name=author)
    _codes_element(_e(root, "CodeBook"), protocol, PROJECT_NS, memos.by_code)
    variables = [
        ("case", t("export.qdpx.case_variable"), "Text"),
        ("role", t("export.qdpx.role_variable"), "Text"),
        ("mode", t("export.qdpx.mode_variable"), "Text"),
        ("duration", t("export.qdpx.duration_variable"), "Float"),
    ]
    if options.approval is not None:
        variables.append(("approval", t("membercheck.qdpx.approval_variable"), "Text"))
    var_el = _e(root, "Variables")
    for key, name, kind in variables:
        _e(var_el, "Variable", guid=guid("variable", key), name=name, typeOfVariable=kind)
    cases = _e(root, "Cases")
    for session, content, source in zip(sessions, contents, sources, strict=True):
        values = {
            "case": clean_line(session.case),
            "role": clean_line(session.role or ""),
            "mode": t(f"mode.{session.mode.value}"),
            "duration": minutes_text(content.duration_seconds),
            "approval": clean_line((options.approval or {}).get(session.id, "")),
        }
        _case(cases, guid("case", session.id), clean_line(session.respondent), values, variables)
        _e(cases[-1], "SourceRef", targetGUID=source.guid)
        if not content.group:
            continue
        # A group interview: one more case per participant, holding that person's answers.
        for participant in session.participants:
            code = clean_line(participant.code)
            own = {**values, "role": clean_line(participant.role or "")}
            mine = [sel for sel in source.selections if sel.speaker == code]
            name = f"{clean_line(session.respondent)} {code}"
            case = _case(cases, guid("case", session.id, code), name, own, variables)
            for sel in mine:
                _e(case, "SelectionRef", targetGUID=sel.guid)
    src_el = _e(root, "Sources")
    for session, source in zip(sessions, sources, strict=True):
        created_at = _timestamp(session.created_at)
        state = (options.unapproved or {}).get(session.id)
        name = source.name
        if state:
            name = t("export.matrix.unapproved", header=name, state=state)
        text_source = _e(src_el, "TextSource", guid=source.guid, name=clean_line(name),
                         plainTextPath=f"internal://{source.guid}.txt", creatingUser=user,
                         creationDateTime=created_at)  # fmt: skip
        if state:  # the tools show a source's description next to it
            description = t("export.coding.unapproved", state=state)
            _e(text_source, "Description").text = clean_line(description)
        for sel in source.selections:
            element = _e(text_source, "PlainTextSelection", guid=sel.guid,
                         name=clean_line(sel.expected[:60]), startPosition=str(sel.start),
                         endPosition=str(sel.end), creatingUser=user,
                         creationDateTime=created_at)  # fmt: skip
            for code in sel.codes:
                coding = _e(element, "Coding", guid=guid("coding", sel.guid, code),
                            creatingUser=user)  # fmt: skip
                _e(coding, "CodeRef", targetGUID=code)
    memos.write(root)
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return xml, sources


@dataclass(frozen=True)
class Memo:
    """One conclusion or analysis frame as a REFI-QDA ``Note`` (a memo)."""

    guid: str
    name: str
    text: str
    user: str
    """GUID of the user who wrote it (its author, or the project's user)."""
    created: str
    code: str | None
    """The topic id whose code refers to it, or None (a general row)."""
    group: str | None
    """The case it belongs to (a ``Set`` per case holds it), or None: the comparison."""


@dataclass
class Memos:
    """The analysis as memos, and where each is linked: codes, a set per case, the project."""

    notes: list[Memo] = dataclasses.field(default_factory=list)
    users: dict[str, str] = dataclasses.field(default_factory=dict)
    """Author name -> user GUID."""
    case_sources: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    """Case -> GUIDs of its sessions' sources (members of the case's set)."""
    set_names: dict[str | None, str] = dataclasses.field(default_factory=dict)

    @property
    def by_code(self) -> dict[str, list[str]]:
        """Topic id -> GUIDs of the memos about it."""
        found: dict[str, list[str]] = {}
        for memo in self.notes:
            if memo.code is not None:
                found.setdefault(memo.code, []).append(memo.guid)
        return found

    def write(self, root: etree._Element) -> None:
        """``Notes``, a ``Set`` per case (its sources and memos) and one for the comparison,
        and the project's ``NoteRef`` to the comparison's memos, in the schema's order."""
        if not self.notes:
            return
        notes = _e(root, "Notes")
        for memo in self.notes:
            note = _e(notes, "Note", guid=memo.guid, name=memo.name, creatingUser=memo.user,
                      creationDateTime=memo.created)  # fmt: skip
            _e(note, "PlainTextContent").text = memo.text
        sets = _e(root, "Sets")
        for group, name in self.set_names.items():
            members = [m.guid for m in self.notes if m.group == group]
            if not members:
                continue
            key = guid("set", "case", group) if group is not None else guid("set", "compare")
            found = _e(sets, "Set", guid=key, name=name)
            for source in self.case_sources.get(group or "", []) if group else []:
                _e(found, "MemberSource", targetGUID=source)
            for member in members:
                _e(found, "MemberNote", targetGUID=member)
        for memo in self.notes:
            if memo.group is None:
                _e(root, "NoteRef", targetGUID=memo.guid)


def analysis_memos(
    analysis: StudyAnalysis | None,
    protocol: InterviewProtocol,
    sessions: Sequence[Session],
    sources: Sequence[SourceText],
    t: Translator,
    user: str,
) -> Memos:
    """The analysis of the exported cases (and the comparison) as memos.

    Per case and variable a memo with the Tussenconclusie and one with the analysis frame
    (keywords and key sentences with their references), each referred to by the variable's
    code and a member of the case's set (with the case's sources); per variable a memo with
    the comparative conclusion (referred to by the code) and one per general row, all
    members of the comparison's set and referred to by the project. The schema gives a
    ``Case`` no ``NoteRef``, so a set is how a memo is tied to a case here. GUIDs derive
    from study, case and variable: the same analysis exports to the same project.
    """
    memos = Memos()
    if analysis is None:
        return memos
    codes = respondent_codes(sessions)
    cases = list(dict.fromkeys(s.case for s in sessions))
    for session, source in zip(sessions, sources, strict=True):
        memos.case_sources.setdefault(session.case, []).append(source.guid)

    def author(value: TextValue | KeywordsValue | KeySentence | None) -> str:
        name = clean_line(value.author) if value is not None else ""
        if not name:
            return user
        return memos.users.setdefault(name, guid("author", name))

    for case in cases:
        memos.set_names[case] = clean_line(t("analysis.qdpx.case_set", case=case))
        for topic in protocol.topics:
            label = clean_line(topic.row_label)
            said = variable_text(analysis, case, topic.id, codes, t)
            found = analysis.variable(
                next((c for c in analysis.cases if c.casefold() == case.casefold()), case),
                topic.id,
            )
            if said.conclusion.strip():
                memos.notes.append(
                    Memo(
                        guid("note", protocol.id, "conclusion", case, topic.id),
                        clean_line(t("analysis.qdpx.conclusion_note", case=case, variable=label)),
                        clean_text(said.conclusion),
                        author(found.conclusion),
                        _timestamp(found.conclusion.updated_at) if found.conclusion else "",
                        topic.id,
                        case,
                    )
                )
            frame = said.frame_text(t)
            if frame:
                stamped = [v for v in (found.keywords, *found.live_sentences()) if v is not None]
                latest = max(stamped, key=lambda v: v.updated_at)
                memos.notes.append(
                    Memo(
                        guid("note", protocol.id, "frame", case, topic.id),
                        clean_line(t("analysis.qdpx.frame_note", case=case, variable=label)),
                        clean_text(frame),
                        author(latest),
                        _timestamp(latest.updated_at),
                        topic.id,
                        case,
                    )
                )
    memos.set_names[None] = clean_line(t("analysis.qdpx.compare_set"))
    for topic in protocol.topics:
        value = analysis.comparison.variables.get(topic.id)
        if value is not None and value.text.strip():
            label = clean_line(topic.row_label)
            memos.notes.append(
                Memo(
                    guid("note", protocol.id, "compare", topic.id),
                    clean_line(t("analysis.qdpx.compare_note", variable=label)),
                    clean_text(value.text),
                    author(value),
                    _timestamp(value.updated_at),
                    topic.id,
                    None,
                )
            )
    for row in GENERAL_ROWS:
        general = analysis.comparison.general.get(row)
        if general is not None and general.text.strip():
            memos.notes.append(
                Memo(
                    guid("note", protocol.id, "general", row),
                    clean_line(t(f"analysis.general.{row}")),
                    clean_text(general.text),
                    author(general),
                    _timestamp(general.updated_at),
                    None,
                    None,
                )
            )
    return memos


def write_qdpx(sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions) -> None:
    """Write all ``sessions`` (one protocol) as one REFI-QDA project to ``stream``."""
    xml, sources = project_parts(sessions, options)
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for source in sources:
            archive.writestr(f"sources/{source.guid}.txt", source.text.encode("utf-8"))


def write_qdc(sessions: Sequence[Session], stream: IO[bytes], options: ExportOptions) -> None:
    """Write the codebook of the sessions' protocol as a REFI-QDA .qdc file."""
    stream.write(codebook_xml(_common_protocol(sessions)))
