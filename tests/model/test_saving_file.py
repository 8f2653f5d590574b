"""fileformat.save (through model/atomic_write.py) keeps what belongs to the file (its permissions,
owner, symbolic links) and never leaves its temporary file behind, except when the process is
killed; then the name says whose it is."""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from neuron_sim.model import Network, Neuron
from neuron_sim.model import atomic_write
from neuron_sim.model.fileformat import NetworkFileError, save

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and links")


def _network(name: str) -> Network:
    network = Network(name=name)
    network.add_neuron(Neuron("x1", kind="input", position=(0, 0)))
    return network


def _name_in(path: Path) -> str:
    return json.loads(path.read_text(encoding="utf-8"))["name"]


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def lesson(tmp_path) -> Path:
    path = tmp_path / "lesson.json"
    path.write_text(json.dumps({"format": "neuron-sim", "version": 1, "name": "old"}), encoding="utf-8")
    return path


@pytest.fixture
def umask():
    """Sets the process umask for one test and puts the old one back."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


# ---- permissions and owner ---------------------------------------------------------------------
@posix_only
@pytest.mark.parametrize("mode", [0o640, 0o664, 0o600, 0o644, 0o2664], ids=oct)
def test_the_file_keeps_its_permissions(lesson, mode):
    os.chmod(lesson, mode)
    save(_network("new"), lesson)
    assert _mode(lesson) == mode
    assert _name_in(lesson) == "new"


@posix_only
@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_a_new_file_gets_the_permissions_of_any_new_file(tmp_path, umask, mask):
    umask(mask)
    path = tmp_path / "new.json"
    save(_network("new"), path)
    assert _mode(path) == 0o666 & ~mask  # what open(path, "w") gives: not mkstemp's private 0o600


@posix_only
def test_a_file_system_that_refuses_modes_still_gets_the_network(lesson, monkeypatch):
    """A FAT USB stick refuses chmod (EPERM): the network is saved all the same."""
    os.chmod(lesson, 0o640)

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(atomic_write.os, "chmod", refuse)
    save(_network("new"), lesson)
    assert _name_in(lesson) == "new"
    assert _files(lesson.parent) == ["lesson.json"]


def _someone_else() -> tuple[int, int] | None:
    """An owner and group this process may give a file, other than its own, or None."""
    if os.geteuid() == 0:
        return 65534, 65534  # nobody / nogroup
    others = [gid for gid in os.getgroups() if gid != os.getegid()]
    return (os.geteuid(), others[0]) if others else None


@posix_only
def test_the_file_keeps_its_owner_and_group(lesson):
    owner = _someone_else()
    if owner is None:
        pytest.skip("needs root or a second group")
    os.chown(lesson, *owner)
    os.chmod(lesson, 0o664)  # group-writable, as in a folder a class shares
    save(_network("new"), lesson)
    status = os.stat(lesson)
    assert (status.st_uid, status.st_gid) == owner
    assert _mode(lesson) == 0o664


# ---- symbolic links ----------------------------------------------------------------------------
@posix_only
def test_saving_through_a_symlink_updates_its_target_and_keeps_the_link(tmp_path, lesson):
    desk = tmp_path / "desk"
    desk.mkdir()
    link = desk / "today.json"
    link.symlink_to(os.path.relpath(lesson, desk))
    os.chmod(lesson, 0o640)
    save(_network("new"), link)
    assert link.is_symlink()
    assert os.readlink(link) == os.path.relpath(lesson, desk)
    assert _name_in(lesson) == "new"
    assert _mode(lesson) == 0o640
    assert sorted(p.name for p in desk.iterdir()) == ["today.json"]  # no temporary file beside the link
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk", "lesson.json"]


@posix_only
def test_a_chain_of_links_is_followed_to_the_end(tmp_path, lesson):
    middle = tmp_path / "middle.json"
    middle.symlink_to(lesson)
    first = tmp_path / "first.json"
    first.symlink_to(middle)
    save(_network("new"), first)
    assert first.is_symlink() and middle.is_symlink()
    assert _name_in(lesson) == "new"


@posix_only
def test_a_link_to_a_file_not_yet_there_creates_it(tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "real.json")
    save(_network("new"), link)
    assert link.is_symlink()
    assert _name_in(tmp_path / "real.json") == "new"


def _recording_renames(monkeypatch) -> list[tuple[str, str]]:
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def replace(source, destination):
        renames.append((source, destination))
        real_replace(source, destination)
    monkeypatch.setattr(atomic_write.os, "replace", replace)
    return renames


@posix_only
def test_the_temporary_file_is_written_beside_the_real_file(tmp_path, lesson, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = elsewhere / "link.json"
    link.symlink_to(lesson)
    renames = _recording_renames(monkeypatch)
    save(_network("new"), link)
    [(source, destination)] = renames
    assert Path(destination) == lesson  # one file system: the rename stays atomic
    assert Path(source).parent == lesson.parent


# ---- the temporary file ------------------------------------------------------------------------
def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failing_save_leaves_no_temporary_file_and_the_old_file(lesson, monkeypatch, failing):
    before = lesson.read_bytes()

    def fail(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if failing == "write":  # the disk fills up halfway through the data
        class FullDisk(io.FileIO):
            def write(self, data):
                super().write(data[: len(data) // 2])
                fail()
        monkeypatch.setattr(atomic_write, "open", lambda file, mode: FullDisk(file, mode), raising=False)
    else:
        monkeypatch.setattr(atomic_write.os, failing, fail)
    with pytest.raises(NetworkFileError) as raised:
        save(_network("new"), lesson)
    assert str(raised.value) == f"{lesson}: could not save: {os.strerror(errno.ENOSPC)}"
    assert lesson.read_bytes() == before
    assert _files(lesson.parent) == ["lesson.json"]


def test_an_interrupt_during_the_save_removes_the_temporary_file(lesson, monkeypatch):
    before = lesson.read_bytes()

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic_write.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save(_network("new"), lesson)
    assert lesson.read_bytes() == before
    assert _files(lesson.parent) == ["lesson.json"]


def test_each_save_uses_its_own_temporary_name(lesson, monkeypatch):
    renames = _recording_renames(monkeypatch)
    save(_network("a"), lesson)
    save(_network("b"), lesson)
    sources = [Path(source).name for source, _ in renames]
    assert sources[0] != sources[1]
    for name in sources:
        assert name.startswith(".lesson.json.neuron-sim-") and name.endswith(".tmp")


def test_a_left_over_file_with_the_same_name_is_not_touched(lesson, monkeypatch):
    stale = lesson.parent / ".lesson.json.neuron-sim-00000000.tmp"
    stale.write_text("another save's file")
    tokens = iter([b"\0\0\0\0", b"\1\1\1\1"])
    monkeypatch.setattr(atomic_write.os, "urandom", lambda n: next(tokens))
    save(_network("new"), lesson)
    assert stale.read_text() == "another save's file"
    assert _name_in(lesson) == "new"
    assert _files(lesson.parent) == [stale.name, "lesson.json"]


def test_a_killed_save_leaves_the_file_intact_and_a_temporary_file_named_as_documented(lesson):
    """kill -9 between the write and the rename: nothing can clean up. The original is untouched and
    the one file left over carries the name docs/reliability.md describes."""
    before = lesson.read_bytes()
    script = textwrap.dedent(f"""
        import os
        from neuron_sim.model import Network, fileformat
        fileformat.os.replace = lambda src, dst: os.kill(os.getpid(), 9)
        fileformat.save(Network(name="never saved"), {str(lesson)!r})
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode != 0, result.stderr
    assert lesson.read_bytes() == before
    [left] = [name for name in _files(lesson.parent) if name != "lesson.json"]
    assert left.startswith(".lesson.json.neuron-sim-") and left.endswith(".tmp")
    assert len(left) == len(".lesson.json.neuron-sim-") + 8 + len(".tmp")
    assert json.loads((lesson.parent / left).read_text(encoding="utf-8"))["name"] == "never saved"


# ---- refused -----------------------------------------------------------------------------------
@pytest.mark.permissions
def test_a_read_only_folder_gives_a_clear_error_and_keeps_the_file(lesson):
    before = lesson.read_bytes()
    lesson.parent.chmod(0o500)
    try:
        with pytest.raises(NetworkFileError) as raised:
            save(_network("new"), lesson)
    finally:
        lesson.parent.chmod(0o700)
    assert str(raised.value) == f"{lesson}: could not save: {os.strerror(errno.EACCES)}"
    assert lesson.read_bytes() == before
    assert _files(lesson.parent) == ["lesson.json"]


@pytest.mark.permissions
def test_a_read_only_file_is_not_replaced_even_in_a_writable_folder(lesson):
    before = lesson.read_bytes()
    os.chmod(lesson, 0o444)
    with pytest.raises(NetworkFileError) as raised:
        save(_network("new"), lesson)
    assert str(raised.value) == f"{lesson}: could not save: {os.strerror(errno.EACCES)}"
    assert lesson.read_bytes() == before
    assert _mode(lesson) == 0o444
    assert _files(lesson.parent) == ["lesson.json"]


def test_a_folder_is_not_replaced(tmp_path):
    folder = tmp_path / "lesson.json"
    folder.mkdir()
    with pytest.raises(NetworkFileError, match=os.strerror(errno.EISDIR)):
        save(_network("new"), folder)
    assert folder.is_dir()
    assert _files(tmp_path) == ["lesson.json"]


@posix_only
def test_a_pipe_is_not_replaced_by_a_file(tmp_path):
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with pytest.raises(NetworkFileError, match="could not save: not a regular file"):
        save(_network("new"), pipe)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert _files(tmp_path) == ["pipe.json"]


def test_a_path_with_a_nul_character_is_refused(tmp_path):
    with pytest.raises(NetworkFileError, match="could not save"):
        save(_network("new"), str(tmp_path / "bad\0name.json"))
    assert _files(tmp_path) == []
