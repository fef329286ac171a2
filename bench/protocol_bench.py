"""How long loading and checking a large protocol takes, next to the bare YAML parse.

Run: python bench/protocol_bench.py [--topics 100] [--repeat 20]
Prints a table (median and best of the repeats, in milliseconds). The floor is ruamel.yaml's
own safe load of the same text and pydantic validation of the loaded data.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from ruamel.yaml import YAML

from interviewer.domain.protocol import InterviewProtocol
from interviewer.protocol.loader import check_protocol_text

BUNDLED = Path(__file__).resolve().parents[1] / "protocols"


def big_protocol(topics: int) -> str:
    """A protocol with ``topics`` topics of 4 characteristics and 6 questions each."""
    lines = [
        "id: big",
        "title: Big protocol",
        f"duration_minutes: {topics * 5}",
        "topics:",
    ]
    for t in range(topics):
        lines += [
            f"  - id: t{t}",
            f"    title: Topic {t}",
            f"    variable: Variable {t}",
            "    colour: yellow",
            "    minutes: 4",
            "    characteristics:",
        ]
        lines += [f"      - {{id: c{c}, label: Kenmerk {c}}}" for c in range(4)]
        lines.append("    questions:")
        lines.append(
            f"      - {{id: t{t}q0, text: 'Question 0?', characteristic: c0, "
            "answer: {type: yes-no}}"
        )
        for c in range(1, 4):
            lines.append(f"      - {{id: t{t}q{c}, text: 'Question {c}?', characteristic: c{c}}}")
        lines.append(
            f"      - {{id: t{t}f, kind: follow-up, condition: 'Indien nee:', text: 'Why not?', "
            f"show_when: {{question: t{t}q0, answer: 'no'}}}}"
        )
        lines.append(f"      - {{id: t{t}p, kind: probe, priority: 2, text: 'An example?'}}")
    return "\n".join(lines) + "\n"


def timed(func: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--topics", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    text = big_protocol(args.topics)
    result = check_protocol_text(text, "big.yaml")
    assert result.protocol is not None, [p.headline() for p in result.problems]
    data = YAML(typ="safe", pure=True).load(text)
    rows = [
        (
            f"check_protocol ({args.topics} topics, {len(text) // 1024} KiB)",
            lambda: check_protocol_text(text, "big.yaml"),
        ),
        ("floor: ruamel.yaml safe load (pure)", lambda: YAML(typ="safe", pure=True).load(text)),
        (
            "floor: libyaml compose (PyYAML CSafeLoader)",
            lambda: yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)),
        ),
        ("floor: pydantic model_validate", lambda: InterviewProtocol.model_validate(data)),
    ]
    for path in sorted(BUNDLED.glob("*.yaml")):
        bundled = path.read_text(encoding="utf-8")
        rows.append((f"check_protocol {path.name}", lambda b=bundled: check_protocol_text(b)))
    print(f"{'what':<58} {'median ms':>10} {'best ms':>9}")
    for label, func in rows:
        median, best = timed(func, args.repeat)
        print(f"{label:<58} {median:>10.1f} {best:>9.1f}")


if __name__ == "__main__":
    main()
