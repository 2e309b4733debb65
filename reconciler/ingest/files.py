"""The file system as a crawl leaves it: read only what the user gave, and nothing that hangs.

- every path is resolved; a path found inside a folder (a manifest ``path``, a link in
  ``docs/``) must stay inside that folder, a file the user named may be anywhere;
- only regular files are opened: a FIFO would block forever, ``/dev/zero`` never ends;
- a folder reached twice (a link to ``.`` or to a parent) is reported once and not entered
  again, and a file reached twice through links is read once;
- a browser's "Save page, complete" asset folder (``Page_files/`` beside ``Page.html``) holds ad
  frames and scripts, not pages: it is skipped.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reconciler.records import PageError

_ASSET_FOLDER_SUFFIX = "_files"  # what Chrome, Firefox and Edge name the saved assets folder
_SAVED_PAGE_SUFFIXES = (".html", ".htm")
_MEGABYTE = 1024 * 1024  # a unit, for messages


class Refused(ValueError):
    """A path that is not read; the message is one line saying why."""


def file_kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def require_regular(path: Path) -> os.stat_result:
    """The file's status; ``Refused`` for anything but a regular file."""
    try:
        status = path.stat()
    except FileNotFoundError as error:
        raise Refused("no such file or directory") from error
    except (OSError, RuntimeError) as error:  # ELOOP is RuntimeError before Python 3.13
        raise Refused(f"cannot open ({_reason(error)})") from error
    if not stat.S_ISREG(status.st_mode):
        raise Refused(f"{file_kind(status.st_mode)}, not a regular file: not read")
    return status


def read_limited(path: Path, limit: int, *, setting: str = "max_page_bytes") -> bytes:
    """The bytes of a regular file no larger than ``limit`` (the ``IngestSettings`` field
    ``setting``); ``Refused`` otherwise."""
    status = require_regular(path)
    if status.st_size > limit:
        raise Refused(too_large(status.st_size, limit, setting))
    try:
        # O_NONBLOCK: a FIFO swapped in after the check still cannot block the run.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise Refused(f"cannot read file ({_reason(error)})") from error
    if len(data) > limit:
        raise Refused(too_large(len(data), limit, setting))
    return data


def too_large(size: int, limit: int, setting: str = "max_page_bytes") -> str:
    return (
        f"{size / _MEGABYTE:.1f} MB, over the {limit / _MEGABYTE:.0f} MB limit "
        f"(IngestSettings.{setting}): not read"
    )


def contained(path: Path, root: Path) -> Path:
    """``path`` resolved, when it lies inside ``root`` (resolved); ``Refused`` otherwise."""
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError as error:
        raise Refused("no such file or directory") from error
    except (OSError, RuntimeError) as error:
        raise Refused(f"cannot resolve ({_reason(error)})") from error
    if not resolved.is_relative_to(root):
        raise Refused(f"resolves outside {root} (to {resolved}): not read")
    return resolved


@dataclass(frozen=True)
class Dataset:
    """A dataset folder (with a manifest) met while walking a folder."""

    path: Path


@dataclass(frozen=True)
class PageFile:
    path: Path  # as found (under the folder the user gave), not resolved
    relative: Path  # to the folder the user gave


@dataclass
class Walk:
    """One folder walk: its root and what it has already entered or read."""

    root: Path  # resolved
    page_suffixes: frozenset[str]
    manifest: str
    _folders: dict[tuple[int, int], Path] = field(default_factory=dict)
    _files: dict[tuple[int, int], Path] = field(default_factory=dict)

    def pages(self, folder: Path) -> Iterator[PageFile | Dataset | PageError]:
        """Page files (and dataset folders) under ``folder`` at any depth, in name order."""
        yield from self._folder(folder, Path())

    def _folder(self, folder: Path, relative: Path) -> Iterator[PageFile | Dataset | PageError]:
        try:
            status = folder.stat()
        except (OSError, RuntimeError) as error:
            yield PageError(str(folder), f"cannot open folder ({_reason(error)})")
            return
        again = _met_again(self._folders, status, folder, "folder loop: already read as {}")
        if again is not None:
            yield again
            return
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            yield PageError(str(folder), f"cannot list folder ({_reason(error)})")
            return
        names = {entry.name for entry in entries}
        for entry in entries:
            yield from self._entry(Path(entry.path), relative / entry.name, names)

    def _entry(
        self, path: Path, relative: Path, siblings: set[str]
    ) -> Iterator[PageFile | Dataset | PageError]:
        wanted = path.suffix.lower() in self.page_suffixes
        if path.is_symlink():
            try:
                contained(path, self.root)
            except Refused as refusal:
                if wanted or path.is_dir():
                    yield PageError(str(path), f"link {refusal}")
                return
        try:
            status = path.stat()
        except (OSError, RuntimeError) as error:
            if wanted:
                yield PageError(str(path), f"cannot open ({_reason(error)})")
            return
        if stat.S_ISDIR(status.st_mode):
            if _is_asset_folder(path.name, siblings):
                return
            if (path / self.manifest).is_file():
                yield Dataset(path)
            else:
                yield from self._folder(path, relative)
            return
        if not wanted:
            return
        if not stat.S_ISREG(status.st_mode):
            yield PageError(str(path), f"{file_kind(status.st_mode)}, not a regular file: not read")
            return
        again = _met_again(self._files, status, path, "same file as {} (a link): read once")
        yield again if again is not None else PageFile(path, relative)


def _met_again(
    seen: dict[tuple[int, int], Path], status: os.stat_result, path: Path, message: str
) -> PageError | None:
    """An error naming where the file or folder of ``status`` was met before (``message``
    with a "{}" for that path); None the first time, which is noted."""
    key = (status.st_dev, status.st_ino)
    if key in seen:
        return PageError(str(path), message.format(seen[key]))
    seen[key] = path
    return None


def _is_asset_folder(name: str, siblings: set[str]) -> bool:
    if not name.endswith(_ASSET_FOLDER_SUFFIX):
        return False
    page = name[: -len(_ASSET_FOLDER_SUFFIX)]
    return any(page + suffix in siblings for suffix in _SAVED_PAGE_SUFFIXES)


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
