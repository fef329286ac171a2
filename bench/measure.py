"""Timing helpers the benches share: the median of a few rounds, and the growth exponent.

Imported as ``from measure import ...``: a bench runs as ``python bench/NAME.py``, which puts
this folder first on ``sys.path``.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable


def median_seconds(step: Callable[[], object], rounds: int) -> float:
    """The median wall time of ``rounds`` calls of ``step``."""
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        step()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def growth_exponent(sizes: list[int], times: list[float], k: int) -> str:
    """How time grows from size ``k - 1`` to ``k`` (1.0 is linear), formatted; "" for the
    first size or a zero time."""
    if k == 0 or times[k - 1] <= 0:
        return ""
    return f"{math.log(times[k] / times[k - 1]) / math.log(sizes[k] / sizes[k - 1]):.2f}"
