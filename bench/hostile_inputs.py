"""Hostile inputs against every file reader, through the real command line (issue 14.3).

Prints, per reader: inputs tried, tracebacks (target 0), hangs (no answer in 10 s; target 0),
and the first line of any bad answer. Run: ``.venv/bin/python bench/hostile_inputs.py``.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

CLI = [sys.executable, "-m", "interviewer"]
TIMEOUT = 10.0
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def docx(main: bytes, ctype: str = MAIN) -> bytes:
    out = io.BytesIO()
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/word/document.xml" ContentType="{ctype}"/></Types>'
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("word/document.xml", main)
    return out.getvalue()


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(400):
                part.write(b"\0" * (1 << 20))
    return out.getvalue()


def laughs() -> bytes:
    ents = '<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE d [{ents}]><w:document xmlns:w="{W}"><w:body>'
        "<w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()


def json_inputs() -> dict[str, bytes]:
    return {
        "deep.json": b"[" * 100_000,
        "deep_obj.json": b'{"a":' * 100_000,
        "bignum.json": b'{"segments": [{"start": ' + b"9" * 5000 + b', "end": 1, "text": "x"}]}',
        "nan.json": b'{"segments": [{"start": NaN, "end": Infinity, "text": "x"}]}',
        "binary.json": os.urandom(4096),
        "empty.json": b"",
        "utf16.json": '{"a": 1}'.encode("utf-16"),
    }


def protocol_inputs() -> dict[str, bytes]:
    base = (
        "id: p\ntitle: T\nlanguage: en\nduration_minutes: {d}\ntopics:\n  - id: t\n"
        "    title: T\n    variable: T\n    minutes: {m}\n    characteristics:\n"
        "      - id: quality\n        label: Q\n    questions:\n      - id: q\n"
        "        text: How?\n        characteristic: {c}\n"
    )
    cases = {
        "inf.yaml": (".inf", "5", "quality"),
        "huge.yaml": ("1e308", "5", "quality"),
        "digits309.yaml": ("60", "9" * 309, "quality"),
        "digits5000.yaml": ("60", "9" * 5000, "quality"),
        "charlist.yaml": ("60", "5", "[quality, presence]"),
        "chardict.yaml": ("60", "5", "{id: quality}"),
    }
    out = {n: base.format(d=d, m=m, c=c).encode() for n, (d, m, c) in cases.items()}
    out["laughs.yaml"] = b"a: &a [x,x,x,x,x,x,x,x,x]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}".encode() + b"]\n" for i in range(9)
    )
    out["deep.yaml"] = b"[" * 100_000
    out["nul.yaml"] = b"id: \0"
    out["big.yaml"] = b"d: " + b"x" * (3 << 20)
    return out


def docx_inputs() -> dict[str, bytes]:
    body = f'<w:document xmlns:w="{W}"><w:body>'.encode()
    good = docx(body + b"<w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>")
    crc = bytearray(good)
    crc[crc.find(b"word/document.xml") + 22] ^= 0xFF
    return {
        "laughs.docx": docx(laughs()),
        "bomb.docx": zip_bomb(),
        "malformed.docx": docx(b"<w:document"),
        "deep.docx": docx(body + b"<w:p>" * 100_000),
        "badchar.docx": docx(body + b"\x01</w:body></w:document>"),
        "crc.docx": bytes(crc),
        "mimetype.docx": docx(body + b"</w:body></w:document>", "application/vnd.ms-excel"),
        "notzip.docx": b"PK\x03\x04garbage",
        "paragraphs.docx": docx(
            body
            + b"".join(b"<w:p><w:r><w:t>p%d</w:t></w:r></w:p>" % i for i in range(100_000))
            + b"</w:body></w:document>"
        ),
    }


def run(args: list[str], env: dict[str, str]) -> tuple[str, str]:
    """'ok', 'traceback' or 'hang', and the first line of stderr."""
    try:
        done = subprocess.run(
            CLI + args, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return "hang", " ".join(args)
    if "Traceback" in done.stderr:
        return "traceback", done.stderr.strip().splitlines()[-1]
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    return "ok", lines[0] if lines else ""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = dict(os.environ, INTERVIEWER_DATA_DIR=str(root / "data"), HOME=str(root))
        subprocess.run(
            [*CLI, "demo", "--case", "Bench", "--respondents", "1"],
            env=env,
            capture_output=True,
            check=True,
        )
        listing = subprocess.run(
            [*CLI, "sessions", "--json"], env=env, capture_output=True, text=True, check=True
        )

        sid = json.loads(listing.stdout)[0]["id"]
        subprocess.run(
            [*CLI, "approval", "send", sid, "--out", str(root / "sent")],
            env=env,
            capture_output=True,
            check=False,
        )
        fifo = root / "pipe"
        os.mkfifo(fifo)
        special = {"fifo": str(fifo), "dev_zero": "/dev/zero"}
        readers: dict[str, tuple[list[str], dict[str, bytes]]] = {
            "import": (["import"], json_inputs()),
            "transcript import": (["transcript", "import", sid], json_inputs()),
            "approval receive": (["approval", "receive", sid], docx_inputs()),
            "check": (["check"], protocol_inputs()),
        }
        rows = []
        for reader, (prefix, files) in readers.items():
            results = []
            for name, data in files.items():
                path = root / "in" / reader.replace(" ", "_") / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                results.append((name, *run([*prefix, str(path)], env)))
            for name, path in special.items():
                results.append((name, *run([*prefix, path], env)))
            rows.append((reader, results))
        sessions = root / "data" / "sessions"
        damaged = {"deep": b"[" * 100_000, "garbled": b"\xff{", "nested": b'{"a":' * 5000}
        results = []
        for name, data in damaged.items():
            (sessions / f"{name}.json").write_bytes(data)
        os.mkfifo(sessions / "pipe.json")
        outcome, line = run(["sessions"], env)
        results.append(("damaged files + fifo", outcome, line))
        rows.append(("sessions", results))
    print(f"{'reader':<20}{'inputs':>8}{'tracebacks':>12}{'hangs':>8}")
    bad = []
    for reader, results in rows:
        tracebacks = sum(1 for _, outcome, _ in results if outcome == "traceback")
        hangs = sum(1 for _, outcome, _ in results if outcome == "hang")
        print(f"{reader:<20}{len(results):>8}{tracebacks:>12}{hangs:>8}")
        bad += [(reader, n, o, line) for n, o, line in results if o != "ok"]
    for reader, name, outcome, line in bad:
        print(f"  {outcome}: {reader} {name}: {line[:120]}")


if __name__ == "__main__":
    main()
