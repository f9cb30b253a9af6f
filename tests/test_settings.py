"""Settings are passed down: no module but the command line reads the environment."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "fontes"
ALLOWED = {PACKAGE / "cli.py"}  # the command line reads the environment once and passes it down
READERS = {"environ", "environb", "getenv", "getenvb"}


def environment_reads(path: Path) -> list[str]:
    """`os.environ`, `os.getenv` and the like in `path`, however they are imported."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in READERS:
            found.append(f"{path.name}:{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            names = [alias.name for alias in node.names if alias.name in READERS]
            found.extend(f"{path.name}:{node.lineno}: from os import {name}" for name in names)
        elif isinstance(node, ast.Name) and node.id in READERS:
            found.append(f"{path.name}:{node.lineno}: {node.id}")
    return found


def test_no_module_but_the_command_line_reads_the_environment() -> None:
    reads = [
        read
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in ALLOWED
        for read in environment_reads(path)
    ]
    assert not reads, "pass a `fontes.Settings` down instead:\n" + "\n".join(reads)


def test_the_walk_sees_an_environment_read(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\nfrom os import getenv\nos.environ.get('X')\nos.getenv('Y')\n",
        encoding="utf-8",
    )
    assert len(environment_reads(sample)) == 3
    assert environment_reads(PACKAGE / "cli.py")  # the one module allowed to
