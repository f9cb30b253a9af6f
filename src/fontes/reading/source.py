"""Open a user's file read-only and decode it, or explain in one line why not."""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from pathlib import Path

from fontes.model import Document

# Beyond this a single document is more likely a mistake (a database dump, a disk image)
# than a text to read; corpora are many files, not one huge one.
MAX_BYTES = 200 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as a text document; the message is one line for the user."""


def read_document(path: str | Path, encoding: str = "utf-8") -> Document:
    """Read `path` as text in `encoding`; never writes to it.

    Only regular files are read, and never more than the limit: a FIFO would block for ever
    and `/dev/zero` would never end. A UTF-8 byte order mark is kept as the first character,
    so that offsets count the characters of the file exactly as decoded.
    """
    path = Path(path)
    _check_encoding(encoding)
    data = _read_bytes(path)
    if _looks_binary(data, encoding):
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: byte {error.start} cannot be decoded as {encoding}; "
            "name the file's encoding with --encoding (e.g. --encoding cp1252)"
        ) from None
    if not _VISIBLE.search(text):
        raise InputError(
            f"{path}: is empty (nothing but white space)" if text else f"{path}: is empty"
        )
    return Document(text, path=str(path), sha256=hashlib.sha256(data).hexdigest())


# A character that shows: not white space (which includes no-break spaces), not a byte order
# mark, zero-width space or joiner. Found at once in any real text, so the test is cheap.
_VISIBLE = re.compile("[^\\s\ufeff\u200b\u200c\u200d\u2060]")


def _check_encoding(encoding: str) -> None:
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    # `rot13`, `base64`, `zlib`: codecs that turn bytes into bytes or text into text.
    if not getattr(codec, "_is_text_encoding", True):
        raise InputError(f"{encoding!r} is not a text encoding")


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, up to the limit, or an `InputError` saying why not."""
    return _read_bytes(path)


def read_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of a regular file (for sniffing its format)."""
    return _read_bytes(path, size)


def _read_bytes(path: Path, limit: int | None = None) -> bytes:
    # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise InputError(_open_failure(path, error)) from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise InputError(f"{path}: is a directory, not a text file")
        if not stat.S_ISREG(status.st_mode):
            raise InputError(
                f"{path}: is not a regular file (a pipe, device or socket); "
                "save the text to a file first"
            )
        if limit is not None:
            with os.fdopen(descriptor, "rb", closefd=False) as stream:
                return stream.read(limit)
        if status.st_size > MAX_BYTES:
            raise InputError(_too_large(path, status.st_size))
        # A file may grow while it is read: never read more than one byte past the limit.
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({os_reason(error)})") from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        raise InputError(_too_large(path, len(data)))
    return data


def _open_failure(path: Path, error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return f"{path}: no such file"
    if error.errno == errno.EACCES:
        return f"{path}: cannot be read (permission denied)"
    return f"{path}: cannot be read ({os_reason(error)})"


def _too_large(path: Path, size: int) -> str:
    return (
        f"{path}: {size:,} bytes is more than the limit of {MAX_BYTES:,} bytes "
        f"({MAX_BYTES // 2**20} MiB) for one document; split it into several files"
    )


def os_reason(error: OSError) -> str:
    """`permission denied`, `no space left on device`: the system's words, for one line."""
    return (error.strerror or str(error)).lower()


def _looks_binary(data: bytes, encoding: str) -> bool:
    # NUL bytes never occur in text except in UTF-16/32, where they are everywhere. Searching
    # the whole file for one costs about a millisecond per 10 MB.
    if encoding.lower().replace("-", "").replace("_", "").startswith(("utf16", "utf32")):
        return False
    return b"\x00" in data
