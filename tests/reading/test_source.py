"""Reading a user's file: only regular files, a bounded read, one line for what is wrong."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from fontes.reading import InputError, read_document, source


def write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_fifo_is_refused_at_once_rather_than_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # no writer: a plain open() would block for ever
    with pytest.raises(InputError, match="is not a regular file"):
        read_document(fifo)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(device: str) -> None:
    with pytest.raises(InputError, match="is not a regular file"):
        read_document(device)


@pytest.mark.parametrize(
    "data",
    [b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n", "\u00a0\u00a0\n".encode(), "\u200b \u2060".encode()],
    ids=["bom", "bom-and-blank-lines", "no-break-spaces", "zero-width"],
)
def test_nothing_but_invisible_characters_is_empty(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError, match="is empty"):
        read_document(write(tmp_path, data))


def test_a_nul_byte_anywhere_marks_a_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path, b"plain text. " * 10_000 + b"\x00")
    with pytest.raises(InputError, match="looks like a binary file"):
        read_document(path)


def test_the_limit_is_stated_exactly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 1024)
    path = write(tmp_path, b"x" * 1025)  # one byte over: the message must not read "1 > 1"
    with pytest.raises(InputError) as raised:
        read_document(path)
    assert "1,025 bytes is more than the limit of 1,024 bytes" in str(raised.value)


def test_a_file_that_grows_past_the_limit_is_not_read_past_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 1024)
    path = write(tmp_path, b"x" * 10)
    real_fstat = os.fstat

    def stale_size(descriptor: int) -> os.stat_result:  # as if it grew after the stat
        status = real_fstat(descriptor)
        path.write_bytes(b"x" * 5000)
        return status

    monkeypatch.setattr(source.os, "fstat", stale_size)
    with pytest.raises(InputError, match="more than the limit"):
        read_document(path)


def test_an_unreadable_file_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, b"text")

    def denied(*args: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(source.os, "open", denied)
    with pytest.raises(InputError, match=r"cannot be read \(permission denied\)$"):
        read_document(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission_is_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, b"text")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_document(path)


@pytest.mark.parametrize("encoding", ["rot13", "base64", "zlib"])
def test_a_codec_that_is_no_text_encoding_is_named(tmp_path: Path, encoding: str) -> None:
    with pytest.raises(InputError, match=f"'{encoding}' is not a text encoding"):
        read_document(write(tmp_path, b"text"), encoding)


def test_a_directory_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "absent.txt")
