"""`fontes.pipe`: many files in order, in this process or in workers, memory bounded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import fontes
from fontes import pipeline
from fontes.checks import RULES
from fontes.model import Document
from fontes.reading import InputError
from fontes.runner import Result, worker_count
from quay import BROKEN, TEXT

# Without the stages that load spaCy, a worker process starts in a moment.
NO_MODEL = ("mentions", "linking", "ocr", "events")


def corpus(tmp_path: Path, count: int = 6) -> list[Path]:
    paths = []
    for index in range(count):
        path = tmp_path / f"doc{index}.txt"
        path.write_text(BROKEN if index % 2 else TEXT, encoding="utf-8")
        paths.append(path)
    return paths


def records(doc: Document) -> tuple[object, ...]:
    """What a reader found, for comparing two runs (the Document itself has no ==)."""
    return (
        doc.path,
        doc.findings,
        doc.paragraphs,
        doc.citations,
        doc.quotations,
        doc.mentions,
        doc.entities,
        doc.times,
        doc.events,
    )


def summary(results: list[Result]) -> list[tuple[object, ...]]:
    return [
        (r.path, r.error, records(r.document) if r.document is not None else None) for r in results
    ]


class Counted:
    """An iterable of paths that counts how many have been drawn from it."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths, self.drawn = paths, 0

    def __iter__(self) -> Iterator[Path]:
        for path in self.paths:
            self.drawn += 1
            yield path


def test_one_result_a_path_in_order_a_bad_file_in_the_middle(tmp_path: Path) -> None:
    paths = corpus(tmp_path, 4)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    paths[2:2] = [empty, tmp_path / "missing.txt"]
    results = list(fontes.pipe(paths))
    assert [r.path for r in results] == paths
    assert [r.error for r in results] == [
        None,
        None,
        f"{empty}: is empty",
        f"{tmp_path / 'missing.txt'}: no such file",
        None,
        None,
    ]
    assert isinstance(results[2].exception, InputError) and results[2].document is None
    assert results[0].document is not None and results[0].document.path == str(paths[0])
    assert "XR001" in [f.rule for f in results[1].unwrap().findings]
    with pytest.raises(InputError, match="is empty"):
        results[2].unwrap()


def test_two_jobs_give_what_one_job_gives(tmp_path: Path) -> None:
    paths = corpus(tmp_path, 3)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    paths.insert(1, empty)
    one = list(fontes.pipe(paths))
    two = list(fontes.pipe(paths, jobs=2))
    assert summary(two) == summary(one)
    assert [r.error is None for r in one] == [True, False, True, True]


def test_one_job_draws_one_path_at_a_time(tmp_path: Path) -> None:
    paths = Counted(corpus(tmp_path, 3))
    results = fontes.pipe(paths)
    assert paths.drawn == 0  # nothing is read before a result is asked for
    next(results)
    assert paths.drawn == 1


def test_workers_look_ahead_at_most_two_files_each(tmp_path: Path) -> None:
    paths = Counted(corpus(tmp_path, 10))
    jobs = 2
    results = fontes.pipe(paths, jobs=jobs, disable=NO_MODEL)
    assert paths.drawn == 0
    first = next(results)
    assert first.path == paths.paths[0] and first.error is None
    assert 1 <= paths.drawn <= 2 * jobs  # submitted before the first result was taken
    rest = list(results)
    assert [r.path for r in [first, *rest]] == paths.paths
    assert all(r.error is None and not r.unwrap().mentions for r in rest)


def test_stopping_early_reads_no_more_files(tmp_path: Path) -> None:
    paths = Counted(corpus(tmp_path, 10))
    results = fontes.pipe(paths, jobs=2, disable=NO_MODEL)
    next(results)
    drawn = paths.drawn
    results.close()
    assert paths.drawn == drawn < 10


def test_the_settings_reach_the_workers(tmp_path: Path) -> None:
    settings = fontes.Settings(spacy_model="no_such_model_pkg")
    results = list(fontes.pipe(corpus(tmp_path, 2), jobs=2, settings=settings))
    assert [r.document for r in results] == [None, None]
    for result in results:
        assert result.error is not None
        assert result.error.startswith("no spaCy model found (tried no_such_model_pkg)")


def test_the_rules_apply_to_every_file(tmp_path: Path) -> None:
    rules = (rule for rule in RULES.values() if rule.code == "XR001")  # to be drawn on once
    results = list(fontes.pipe(corpus(tmp_path, 4), rules=rules))
    assert [[f.rule for f in r.unwrap().findings] for r in results] == [[], ["XR001"]] * 2


def test_bad_arguments_are_refused_at_the_call(tmp_path: Path) -> None:
    paths = Counted(corpus(tmp_path, 2))
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        fontes.pipe(paths, jobs=0)
    with pytest.raises(ValueError, match="no stage named 'nope'"):
        fontes.pipe(paths, disable=["nope"])
    with pytest.raises(ValueError, match="cannot disable 'mentions'"):
        fontes.pipe(paths, jobs=2, disable=["mentions"])
    assert paths.drawn == 0


def test_an_internal_error_is_one_file_s_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = pipeline.STAGES[0]

    def broken(doc: Document, settings: fontes.Settings) -> None:
        if "Quennell" in doc.text:
            raise KeyError("boom")
        first.run(doc, settings)

    stages = [replace(first, run=broken), *pipeline.STAGES[1:]]
    monkeypatch.setattr(pipeline, "STAGES", stages)
    results = list(fontes.pipe(corpus(tmp_path, 3)))
    assert [r.error for r in results] == [None, "internal error (KeyError: 'boom')", None]
    assert isinstance(results[1].exception, KeyError)


def test_workers_are_capped_at_the_cpus_and_the_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert worker_count(8) == 2
    assert worker_count(8, files=1) == 1
    assert worker_count(1, files=5) == 1
