"""Pins a fresh machine can install: `name==version` from a package index, never a URL or path."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
NAME = r"[A-Za-z0-9][A-Za-z0-9._-]*"
VERSION = r"[A-Za-z0-9][A-Za-z0-9.+!_-]*"
PIN = re.compile(rf"{NAME}(?:\[[A-Za-z0-9,._-]+\])?=={VERSION}")
HASHED_PIN = re.compile(rf"{NAME}=={VERSION}(?: --hash=sha256:[0-9a-f]{{64}})+")


def requirement_lines(name: str) -> list[str]:
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("line", requirement_lines("constraints.txt"))
def test_every_constraint_is_name_equals_version(line: str) -> None:
    assert PIN.fullmatch(line), f"constraints.txt: {line!r} is not name==version"


@pytest.mark.parametrize("line", requirement_lines("models.txt"))
def test_every_model_is_pinned_by_version_and_hash(line: str) -> None:
    assert HASHED_PIN.fullmatch(line), f"models.txt: {line!r} is not name==version --hash=..."


def test_every_declared_dependency_is_pinned() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        declared.extend(extra)
    loose = [spec for spec in declared if not PIN.fullmatch(spec)]
    assert not loose, f"pyproject.toml: not name==version: {loose}"


def test_the_two_lists_agree_on_each_version() -> None:
    pinned = dict(line.split("==") for line in requirement_lines("constraints.txt"))
    normal = {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in pinned.items()}
    for line in requirement_lines("models.txt"):
        name, version = line.split()[0].split("==")
        assert normal.get(re.sub(r"[-_.]+", "-", name).lower()) == version, name


def test_ci_runs_both_readme_commands() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make demo" in script and "make test" in script
