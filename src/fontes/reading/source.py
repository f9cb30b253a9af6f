"""Open a user's file read-only and decode it, or explain in one line why not."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from fontes.model import Document

# Beyond this a single document is more likely a mistake (a database dump, a disk image)
# than a text to read; corpora are many files, not one huge one.
MAX_BYTES = 200 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as a text document; the message is one line for the user."""


def read_document(path: str | Path, encoding: str = "utf-8") -> Document:
    """Read `path` as text in `encoding`; never writes to it.

    A UTF-8 byte order mark is kept as the first character, so that offsets count the
    characters of the file exactly as decoded.
    """
    path = Path(path)
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a text file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{path}: {size / 2**20:.0f} MiB is larger than the {MAX_BYTES // 2**20} MiB "
                "limit for one document; split it into several files"
            )
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
    if not data.strip():
        raise InputError(f"{path}: is empty")
    if _looks_binary(data, encoding):
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: byte {error.start} cannot be decoded as {encoding}; "
            "name the file's encoding with --encoding (e.g. --encoding cp1252)"
        ) from None
    return Document(text, path=str(path), sha256=hashlib.sha256(data).hexdigest())


def _looks_binary(data: bytes, encoding: str) -> bool:
    # NUL bytes never occur in text except in UTF-16/32, where they are everywhere.
    if encoding.lower().replace("-", "").replace("_", "").startswith(("utf16", "utf32")):
        return False
    return b"\x00" in data[:65536]
