"""No import cycle among the modules of ``src/cleanpage`` (issue 13, point 4).

A cycle means no module of it can be understood, tested or imported on its own, and it is how
``page.py`` came to reach the whole pipeline through the site-profile model. The walk counts every
``import`` statement: at module level, inside functions and under ``if TYPE_CHECKING:`` alike, since
an import hidden in a function still ties the modules together; it only moves the failure to run time.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import cleanpage

PACKAGE = Path(cleanpage.__file__).resolve().parent
NAME = "cleanpage"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path, known: set[str]) -> Iterator[str]:
    """The package modules ``name`` imports, by its ``import`` statements wherever they stand."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                base = ".".join([*base_parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            # ``from . import convert`` imports the module ``convert``; ``from . import clean`` the package itself
            submodules = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in known]
            targets = [*submodules, *([base] if len(submodules) < len(node.names) else [])]
        else:
            continue
        for target in targets:
            if target in known and target != name:
                yield target


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: set(imported(name, path, known)) for name, path in found.items()}


def strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the components of the import graph, each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
    return components


def test_the_walk_sees_the_package() -> None:
    edges = graph()
    assert NAME in edges and f"{NAME}.pipeline" in edges
    assert f"{NAME}.page" in edges[f"{NAME}.pipeline"]  # a relative import inside the package is resolved


def test_the_walk_finds_a_cycle_when_there_is_one() -> None:
    assert strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"], ["d"]]


def test_no_import_cycle_among_the_modules() -> None:
    edges = graph()
    cycles = [component for component in strongly_connected(edges) if len(component) > 1]
    assert not cycles, "import cycles:\n" + "\n".join(
        "  " + ", ".join(component) + "\n    " + "\n    ".join(
            f"{a} -> {b}" for a in component for b in sorted(edges[a]) if b in component)
        for component in cycles)
