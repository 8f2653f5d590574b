"""Replace a file's content all at once, keeping what belongs to the file.

The data goes to a temporary file beside the target, is flushed to the disk, and the temporary file
is renamed over the target (atomic on one file system): a reader, a crash or a full disk sees the old
file or the new one, never half of one. What a plain write would keep is kept too: the file's
permissions, its owner and group where the system lets us give them, and symbolic links (the link's
target is replaced, the link stays). Standard library only: the model never imports Qt.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

# The temporary file beside the target. Only a process killed between the write and the rename
# (kill -9, a power cut) leaves one behind: the name says whose it is, and deleting it is safe
# (docs/reliability.md).
TEMPORARY_NAME = ".{name}.neuron-sim-{token}.tmp"
NAME_MAX_BYTES = 255  # a file name's limit on Linux, macOS and Windows file systems (in bytes, not letters)


def check_target(path: str | os.PathLike) -> Path:
    """The file `path` leads to, if a save could make it hold new data; else OSError (ValueError for a
    path the system cannot take). Writes nothing: exports call it before they start their work."""
    target = Path(os.path.realpath(path))
    _existing_target(target)
    if len(os.fsencode(target.name)) > _name_max(target.parent):
        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG))
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))
    return target


def write_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Make `path` hold `data`, or leave it as it was and raise OSError (ValueError for a path the
    system cannot take, such as one with a NUL character). The temporary file never stays behind,
    whatever the failure, an interrupt included."""
    temporary: Path | None = None
    try:
        target = Path(os.path.realpath(path))  # through symbolic links: the link stays, its target is updated
        existing = _existing_target(target)
        handle, temporary = _create_temporary(target)
        with handle:
            if existing is not None:
                _give_permissions(handle.fileno(), temporary, existing)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        temporary = None
        _sync_folder(target.parent)
    finally:
        if temporary is not None:
            try:
                temporary.unlink(missing_ok=True)
            except OSError:
                pass


def _existing_target(target: Path) -> os.stat_result | None:
    """The file a save replaces, or None for a new file; refuses what a plain write could not do."""
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    if not stat.S_ISREG(status.st_mode):  # a device or a pipe must not be replaced by a file
        raise OSError(errno.EINVAL, "not a regular file")
    if not os.access(target, os.W_OK):  # read-only on purpose: the folder's permission is not enough
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
    return status


def _create_temporary(target: Path) -> tuple[BinaryIO, Path]:
    """A new file beside `target` under a name no other save is using.

    Not tempfile.mkstemp: it creates files readable by their owner only, and a new network file
    should get the permissions any new file gets (0o666 less the umask), which exclusive open gives.
    """
    room = _name_max(target.parent) - len(os.fsencode(TEMPORARY_NAME.format(name="", token="0" * 8)))
    short_name = _cut_to_bytes(target.name, room)
    for _ in range(100):
        candidate = target.with_name(TEMPORARY_NAME.format(name=short_name, token=os.urandom(4).hex()))
        try:
            return open(candidate, "xb"), candidate
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file")


def _name_max(folder: Path) -> int:
    try:
        return min(NAME_MAX_BYTES, os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):  # no such folder (yet), or no pathconf (Windows)
        return NAME_MAX_BYTES


def _cut_to_bytes(name: str, limit: int) -> str:
    """The longest start of `name` whose encoding fits in `limit` bytes, never half a letter."""
    encoded = os.fsencode(name)
    if len(encoded) <= limit:
        return name
    return encoded[:max(0, limit)].decode("utf-8", errors="ignore") if os.name != "nt" else name[:limit // 2]


def _give_permissions(descriptor: int, temporary: Path, original: os.stat_result) -> None:
    """The original's owner, group and mode, for the file that replaces it."""
    own = os.fstat(descriptor)
    if hasattr(os, "fchown") and (own.st_uid, own.st_gid) != (original.st_uid, original.st_gid):
        try:
            os.fchown(descriptor, original.st_uid, original.st_gid)
        except OSError:
            try:  # not root: a group we belong to can still be kept
                os.fchown(descriptor, -1, original.st_gid)
            except OSError:
                pass
    mode = stat.S_IMODE(original.st_mode)
    if stat.S_IMODE(os.fstat(descriptor).st_mode) != mode:  # after chown, which may clear set-id bits
        try:
            os.chmod(temporary, mode)
        except OSError:
            pass  # a file system without modes (a FAT USB stick): the data matters more


def _sync_folder(folder: Path) -> None:
    """Flush the rename itself to disk (POSIX; elsewhere the replace is as durable as it gets)."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # the file is saved; only its durability across a power cut is less certain
    finally:
        os.close(descriptor)
