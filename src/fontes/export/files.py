"""Writing outputs so that no input is ever lost and no output is ever half written.

Every file an export writes goes through `write_output`. It refuses a target that is one of
the inputs (the same file, however it is named: compared by device and inode, so a link or
a relative path is caught too), and anything that is neither a regular file nor a stream:
a directory, a block device. A character device or pipe (`-o /dev/stdout`, `/dev/null`, a
FIFO) is written through as a stream, as users expect; a symbolic link to a file is kept,
and the file it points to is replaced.

A regular file is replaced atomically: the finished contents go to a new temporary file
beside it, are flushed to disk and renamed over the target, so a reader sees the old file or
the new one, never half of one. The temporary file is removed on any failure, Ctrl-C or
SIGTERM; it exists only while the finished output is written (milliseconds), the one window
in which SIGKILL could leave it behind. A file replaced keeps its permissions; a new one
gets those the umask gives, as any new file does.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from fontes.reading.source import os_reason

# Paths that name an already-open stream (a shell redirection), not a file to replace.
_STREAM_PATHS = ("/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/")


class OutputError(Exception):
    """An output that cannot or must not be written; the message is one line for the user."""


def check_outputs(targets: Iterable[Path], inputs: Sequence[Path]) -> None:
    """Raise `OutputError` before any work is done if a target would harm an input or cannot
    be written at all, so that a user does not wait for an analysis that cannot be saved."""
    protected = _identities(inputs)
    for target in targets:
        _writable_kind(target, protected)


def write_output(path: Path, payload: str | bytes, inputs: Sequence[Path] = ()) -> None:
    """Write `payload` (text as UTF-8) to `path`, never over one of `inputs`.

    A lone surrogate, which a Python string can hold (`fontes.analyze` of any `str`) and UTF-8
    cannot, is written as `?`.
    """
    data = payload.encode("utf-8", "replace") if isinstance(payload, str) else payload
    kind = _writable_kind(path, _identities(inputs))
    try:
        if kind == "stream":
            with open(path, "wb") as stream:
                stream.write(data)
        else:
            _replace_atomically(Path(os.path.realpath(path)), data)
    except OSError as error:
        raise OutputError(f"{path}: cannot be written ({os_reason(error)})") from None


def _identities(paths: Iterable[Path]) -> set[tuple[int, int]]:
    identities = set()
    for path in paths:
        with contextlib.suppress(OSError):
            status = os.stat(path)
            identities.add((status.st_dev, status.st_ino))
    return identities


def _writable_kind(path: Path, protected: set[tuple[int, int]]) -> str:
    """ "file" (to replace or create), or "stream" (to write through); else `OutputError`."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        parent = path.parent
        if not parent.is_dir():
            raise OutputError(f"{parent}: no such directory") from None
        return "file"
    except OSError as error:
        raise OutputError(f"{path}: cannot be written ({os_reason(error)})") from None
    if (status.st_dev, status.st_ino) in protected:
        raise OutputError(f"{path}: refusing to overwrite the input file")
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a directory; give a file name")
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        return "stream"
    if not stat.S_ISREG(mode):
        raise OutputError(f"{path}: is not a regular file; refusing to write over it")
    if str(path).startswith(_STREAM_PATHS):
        return "stream"  # `-o /dev/stdout` while the shell sends stdout to a file
    return "file"


def _replace_atomically(path: Path, data: bytes) -> None:
    try:
        keep_mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        keep_mode = None
    temporary = _temporary_name(path)
    # O_EXCL: the temporary file is always new, so nothing but `path` is ever replaced;
    # mode 0o666 lets the umask decide the permissions of a new file.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            _write_all(descriptor, data, keep_mode)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")


def _write_all(descriptor: int, data: bytes, keep_mode: int | None) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]
    if keep_mode is not None:
        os.fchmod(descriptor, keep_mode)
    os.fsync(descriptor)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some file systems cannot, which is no error."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
