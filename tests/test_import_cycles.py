"""No import cycles in ``interviewer``: read from the source with ``ast``, not by importing.

Every ``import`` statement counts, wherever it stands: at module level, inside a function
(the lazy imports that keep start-up fast are still dependencies) and under
``TYPE_CHECKING`` (a type-only cycle is still two modules that know each other). Issue 15
named the cycles ``export.registry`` <-> ``export.verbatim``, ``store.core`` <->
``store.autosave`` and ``export`` <-> ``pseudonym``; they are gone, and no other cycle may
appear. The one left (``KNOWN``) is listed so that it can only shrink.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import interviewer

ROOT = Path(interviewer.__file__).parent

KNOWN: set[frozenset[str]] = {
    # translate() lives in the package and its errors module renders with it;
    # resolve_language() reads the settings, whose errors are translatable
    frozenset({"interviewer.i18n", "interviewer.i18n.errors", "interviewer.settings"}),
}
"""Cycles that were there before this test and are not named in the issue."""


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__``)."""
    found = {}
    for file in ROOT.rglob("*.py"):
        parts = list(file.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = file
    return found


def _imported(tree: ast.AST, package: str) -> Iterator[str]:
    """Dotted names each import of ``tree`` asks for (``from a import b`` gives ``a.b``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of ``interviewer`` it imports (itself left out)."""
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, file in known.items():
        package = name if file.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for wanted in _imported(ast.parse(file.read_text(encoding="utf-8")), package):
            if wanted in known:
                targets.add(wanted)
            elif wanted.rpartition(".")[0] in known:  # ``from package import name``
                targets.add(wanted.rpartition(".")[0])
        targets.discard(name)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one node (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            step = next(edges, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(graph[step]))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def package_graph(graph: dict[str, set[str]], depth: int) -> dict[str, set[str]]:
    """The graph between packages: names cut to ``depth`` parts (2: ``interviewer.export``)."""
    cut = {name: ".".join(name.split(".")[:depth]) for name in graph}
    packages: dict[str, set[str]] = {name: set() for name in cut.values()}
    for name, targets in graph.items():
        packages[cut[name]] |= {cut[t] for t in targets} - {cut[name]}
    return packages


def test_the_graph_sees_every_kind_of_import() -> None:
    """Module level, relative, inside a function and under TYPE_CHECKING all count."""
    graph = import_graph()
    assert "interviewer.store.core" in graph["interviewer.store"]  # from .core / package
    assert "interviewer.tui.app" in graph["interviewer.tui.transcript_app"]
    # only inside functions: the registry imports the verbatim export lazily
    assert "interviewer.export.verbatim" in graph["interviewer.export.registry"]
    # only under TYPE_CHECKING
    assert "interviewer.pseudonym.replace" in graph["interviewer.export.verbatim"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset({"a", "b", "c"})]


def test_the_cycles_of_issue_15_are_gone() -> None:
    graph = import_graph()
    assert "interviewer.export.registry" not in graph["interviewer.export.verbatim"]
    assert "interviewer.store.core" not in graph["interviewer.store.autosave"]
    packages = package_graph(graph, 2)
    assert "interviewer.export" not in packages["interviewer.pseudonym"]


def test_no_import_cycle_between_modules() -> None:
    unknown = [sorted(c) for c in cycles(import_graph()) if c not in KNOWN]
    assert unknown == []


def test_no_import_cycle_between_packages() -> None:
    """``interviewer.export``, ``interviewer.store``, ... and the top-level modules."""
    known_packages = {frozenset({"interviewer.i18n", "interviewer.settings"})}
    unknown = [sorted(c) for c in cycles(package_graph(import_graph(), 2))]
    assert [c for c in unknown if frozenset(c) not in known_packages] == []
