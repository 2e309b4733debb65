"""Write an output file whole or not at all.

The text goes to a temporary file in the target's own folder (a rename is only atomic within
one file system), is flushed to disk, then renamed over the target: a full disk, a file size
limit or Ctrl-C leaves the previous report as it was. ``check_target`` tells before a run
whether the write can work, so a long run does not end in "no such folder".
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

# Temporary files being written now: an interrupt removes them before the process exits.
_pending: set[Path] = set()
_pending_lock = threading.Lock()


class TargetError(ValueError):
    """An output path that cannot be written; the message names it and says why."""


def check_target(path: Path) -> None:
    """Raise ``TargetError`` unless ``path`` names a file that can be written now."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise TargetError(f"{path}: is a folder, not a file")
    if not folder.is_dir():
        raise TargetError(f"{path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise TargetError(f"{path}: folder {folder} is not writable")
    if path.exists() and not os.access(path, os.W_OK):
        raise TargetError(f"{path}: file is not writable")


def write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically; OSError when it cannot."""
    folder = path.parent if str(path.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    temp_path = Path(temporary)
    with _pending_lock:
        _pending.add(temp_path)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_path, _mode_for(path))
        os.replace(temp_path, path)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    finally:
        with _pending_lock:
            _pending.discard(temp_path)


def remove_pending() -> None:
    """Delete the temporary files of writes in progress (called on interrupt)."""
    with _pending_lock:
        for temp_path in _pending:
            temp_path.unlink(missing_ok=True)
        _pending.clear()


def _mode_for(path: Path) -> int:
    """The mode the target has now, or what a plain open() would give (mkstemp gives 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
