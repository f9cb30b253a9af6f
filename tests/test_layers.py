"""The package's folders follow the data flow: no module imports a stage after its own."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "fontes"
# Lowest first. The settings, the model and the text layer are below every stage; the
# pipeline runs the stages, the runner runs the pipeline over many files, the command line
# and the package's own `__init__` sit on top.
LAYERS = [
    "version",
    "settings",
    "model",
    "text",
    "reading",
    "structure",
    "entities",
    "time",
    "checks",
    "export",
    "pipeline",
    "runner",
    "cli",
    "__init__",
    "__main__",
]


def layer(module: str) -> str:
    """`fontes.structure.notes` → `structure`; `fontes` → `__init__`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def imported(path: Path) -> list[str]:
    """The fontes modules `path` imports, at any depth of its code."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return [name for name in names if name == "fontes" or name.startswith("fontes.")]


def test_every_folder_and_top_module_has_a_layer() -> None:
    found = {layer(module_name(path)) for path in PACKAGE.rglob("*.py")}
    assert found <= set(LAYERS), found - set(LAYERS)


def test_no_module_imports_a_later_stage() -> None:
    backwards = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = layer(module_name(path))
        for name in imported(path):
            if LAYERS.index(layer(name)) > LAYERS.index(own):
                backwards.append(f"{module_name(path)} imports {name}")
    assert not backwards, "\n".join(backwards)


def test_the_walk_sees_a_backward_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from fontes.export.report import render_report\n", encoding="utf-8")
    assert [layer(name) for name in imported(sample)] == ["export"]
