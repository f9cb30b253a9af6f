"""Many files, in order: `pipe` analyses a corpus in this process or in worker processes.

Results come back in the order of the paths, one for each, whatever the number of workers
and whichever finishes first; a file that cannot be read gives its error and the others
still come through. At most about two documents a worker are held at once, whatever the
corpus, so a caller that prints each result as it comes holds only a handful.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Iterable, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from fontes.checks import Rule
from fontes.entities.nlp import ModelError
from fontes.model import Document
from fontes.pipeline import analyze_file, enabled_stages
from fontes.reading import InputError
from fontes.settings import Settings


@dataclass(frozen=True, slots=True)
class Result:
    """One path's outcome: its `document`, or the `exception` that kept it from being read."""

    path: str | Path
    document: Document | None = None
    exception: Exception | None = None

    @property
    def error(self) -> str | None:
        """Why the file could not be read, in one line (`None` when it was)."""
        if self.exception is None:
            return None
        if isinstance(self.exception, InputError | ModelError):
            return str(self.exception)
        return f"internal error ({type(self.exception).__name__}: {self.exception})"

    def unwrap(self) -> Document:
        """The document, or raise the exception that kept it from being read."""
        if self.exception is not None:
            raise self.exception
        assert self.document is not None
        return self.document


def worker_count(jobs: int, files: int | None = None) -> int:
    """No more workers than `jobs`, CPUs or `files`: each loads its own language model, so
    more only cost memory."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(jobs, cpus or 1, files if files is not None else jobs))


def pipe(
    paths: Iterable[str | Path],
    jobs: int = 1,
    *,
    encoding: str = "utf-8",
    rules: Iterable[Rule] | None = None,
    settings: Settings | None = None,
    disable: Iterable[str] = (),
    form: str | None = None,
) -> Generator[Result, None, None]:
    """A `Result` for each of `paths`, in their order, each file read as `analyze_file` reads it.

    With `jobs` > 1 the files are read in that many worker processes (capped at the CPUs and
    the number of paths), a few ahead of the one last taken: at most 2 × jobs documents are
    in flight, and `paths` is drawn on only as far. The results are those of `jobs=1`.
    Closing the generator early (`close()`, or leaving a `with closing(...)`) starts no more.
    A bad `jobs` or `disable` raises `ValueError` at the call, before any file is read.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    disable = tuple(disable) if not isinstance(disable, str) else (disable,)
    enabled_stages(disable)
    read = partial(
        analyze_file,
        encoding=encoding,
        rules=None if rules is None else list(rules),
        settings=Settings() if settings is None else settings,
        disable=disable,
        form=form,
    )
    workers = worker_count(jobs, len(paths) if isinstance(paths, Sized) else None)
    if workers == 1:
        return _in_process(paths, read)
    return _in_workers(paths, read, workers)


def _in_process(
    paths: Iterable[str | Path], read: partial[Document]
) -> Generator[Result, None, None]:
    for path in paths:
        try:
            yield Result(path, read(path))
        except Exception as error:  # one bad file, or a bug on one, does not stop the rest
            yield Result(path, exception=error)


def _in_workers(
    paths: Iterable[str | Path], read: partial[Document], workers: int
) -> Generator[Result, None, None]:
    context = multiprocessing.get_context("spawn")  # no fork of a loaded model's threads
    pending: deque[tuple[str | Path, Future[Document]]] = deque()
    queue = iter(paths)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            for path in itertools.islice(queue, 2 * workers):
                pending.append((path, _submit(pool, read, path)))
            while pending:
                path, future = pending.popleft()
                try:
                    result = Result(path, future.result())
                except Exception as error:
                    result = Result(path, exception=error)
                yield result
                for path in itertools.islice(queue, 1):
                    pending.append((path, _submit(pool, read, path)))
        finally:  # the caller stopped early: start no more files
            for _, future in pending:
                future.cancel()


def _submit(
    pool: ProcessPoolExecutor, read: partial[Document], path: str | Path
) -> Future[Document]:
    """`read(path)` in a worker; a pool that cannot take it (a worker killed) fails the file."""
    try:
        return pool.submit(read, path)
    except Exception as error:
        failed: Future[Document] = Future()
        failed.set_exception(error)
        return failed
