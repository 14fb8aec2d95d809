"""The package's shape: stage subpackages whose modules import one another without a cycle
(function-level imports counted) and stay under 600 lines, and package faces whose names are unique."""
import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "generator"
STAGES = ("model", "ingest", "extract", "link", "events", "render", "build")


def _module(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """module -> the generator modules it imports anywhere in its body."""
    modules = {_module(p): p for p in PKG.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps = graph.setdefault(name, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")
                if node.level:
                    base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base) if node.level else (node.module or "")
                for alias in node.names:
                    full = f"{target}.{alias.name}"
                    deps.add(full if full in modules else target)
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names)
        deps &= set(modules)
        deps.discard(name)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if m.startswith(n + "."):  # a package's face importing its own modules
                continue
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state and (found := visit(m)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_no_import_cycle():
    assert _cycle(_imports()) is None


def test_the_cycle_check_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_is_a_subpackage(stage):
    assert (PKG / stage / "__init__.py").is_file()


def test_no_module_over_600_lines():
    long = {str(p.relative_to(PKG)): n for p in PKG.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600}
    assert not long, long


def test_package_faces_name_each_thing_once():
    """A name a stage exposes is exposed by that stage only (so `from generator.X import name` is
    never ambiguous), and every exposed name exists."""
    import importlib

    seen: dict[str, str] = {}
    for stage in STAGES:
        face = importlib.import_module(f"generator.{stage}")
        for name in getattr(face, "__all__", []):
            assert hasattr(face, name), (stage, name)
            assert name not in seen, (name, seen.get(name), stage)
            # a face's function named like one of its modules hides the module (generator.events.cluster)
            assert not (PKG / stage / f"{name}.py").exists() and not (PKG / stage / name).is_dir(), (stage, name)
            seen[name] = stage
