"""Writing outputs: never over an input, never over what is not a file, never half a file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from fontes.export import files
from fontes.export.files import OutputError, check_outputs, write_output


def test_a_new_file_gets_the_permissions_the_umask_gives(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_output(tmp_path / "out.json", "{}\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(os.stat(tmp_path / "out.json").st_mode) == 0o644
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "{}\n"


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_output(target, "new")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == "new"


def test_the_input_is_refused_however_it_is_named(tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("the text", encoding="utf-8")
    os.link(source, tmp_path / "hard.txt")
    (tmp_path / "soft.txt").symlink_to(source)
    monkeypatch.chdir(tmp_path)
    for name in ("doc.txt", "./doc.txt", "hard.txt", "soft.txt", str(source)):
        with pytest.raises(OutputError, match="refusing to overwrite the input"):
            write_output(Path(name), "dossier", [Path("doc.txt")])
        with pytest.raises(OutputError, match="refusing to overwrite the input"):
            check_outputs([Path("other.json"), Path(name)], [source])
    assert source.read_text(encoding="utf-8") == "the text"


def test_a_link_to_a_file_is_kept_and_its_target_replaced(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_output(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


def test_a_device_is_written_through_not_replaced(tmp_path: Path) -> None:
    write_output(Path("/dev/null"), "dossier")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_full_device_is_a_one_line_error_and_stays_a_device() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with pytest.raises(OutputError, match="no space left on device"):
        write_output(Path("/dev/full"), "dossier")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_fifo_is_written_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_output(fifo, "through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_directory_and_a_missing_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        write_output(tmp_path, "x")
    with pytest.raises(OutputError, match="no such directory"):
        write_output(tmp_path / "absent" / "out.json", "x")


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous", encoding="utf-8")

    def interrupted(descriptor: int, data: bytes, keep_mode: int | None) -> None:
        os.write(descriptor, data[:3])
        raise KeyboardInterrupt  # what SIGTERM becomes in the command line

    monkeypatch.setattr(files, "_write_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_output(target, "the new dossier")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    assert target.read_text(encoding="utf-8") == "previous"


def test_the_data_are_flushed_to_disk_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(files.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd)))
    monkeypatch.setattr(
        files.os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))
    )
    write_output(tmp_path / "out.json", "{}")
    assert calls[:2] == ["fsync", "replace"]
