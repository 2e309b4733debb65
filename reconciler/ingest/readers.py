"""Readers: turn what the user gave (files, folders, datasets, JSONL, mappings) into documents.

A reader never guesses and never raises for bad content: each unreadable input becomes one
``PageError`` that names the file (and line), and reading goes on with the rest.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reconciler.records import PageError

PAGE_SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html"}
MANIFEST = "manifest.jsonl"
_MAX_CONTROL_SHARE = 0.02  # more control characters than this and it is not text
_LOOKS_LIKE_HTML = re.compile(r"^\s*(<!doctype html|<html[\s>])", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """One page's content as read, before cleaning."""

    id: str
    content: str
    format: str  # "txt" | "html"
    origin: str  # what an error about it names: a path, or "file.jsonl:LINE"
    path: Path | None = None
    source: str | None = None
    url: str | None = None
    fetched_at: str | None = None


def read_inputs(inputs: Sequence[str | Path | Mapping[str, Any]]) -> Iterator[Document | PageError]:
    for number, given in enumerate(inputs, start=1):
        if isinstance(given, Mapping):
            yield _from_record(given, origin=f"<input {number}>", path=None, default_id=None)
        else:
            yield from _read_path(Path(given))


def _read_path(path: Path) -> Iterator[Document | PageError]:
    if path.is_dir():
        if (path / MANIFEST).is_file():
            yield from _read_dataset(path)
        else:
            yield from _read_folder(path)
    elif path.is_file():
        if path.suffix.lower() == ".jsonl":
            yield from _read_jsonl(path)
        elif path.suffix.lower() in PAGE_SUFFIXES:
            yield _read_page_file(path, page_id=path.stem)
        else:
            yield PageError(str(path), f"unsupported file type {path.suffix or '(none)'!r}")
    else:
        yield PageError(str(path), "no such file or directory")


def _read_folder(folder: Path) -> Iterator[Document | PageError]:
    """Page files at any depth, in name order; a dataset folder inside is read as a dataset."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        yield PageError(str(folder), f"cannot list folder ({error.strerror or error})")
        return
    found = False
    for entry in entries:
        if entry.is_dir():
            found = True
            yield from _read_path(entry)
        elif entry.suffix.lower() in PAGE_SUFFIXES:
            found = True
            yield _read_page_file(entry, page_id=entry.stem)
    if not found:
        yield PageError(str(folder), "no .txt or .html pages in this folder")


def _read_dataset(folder: Path) -> Iterator[Document | PageError]:
    for item in _json_records(folder / MANIFEST):
        if isinstance(item, PageError):
            yield item
            continue
        origin, entry = item
        relative = entry.get("path")
        if not isinstance(relative, str) or not relative:
            yield PageError(origin, "manifest entry has no 'path'")
            continue
        file = folder / relative
        if not file.is_file():
            yield PageError(str(file), f"listed in {origin} but the file does not exist")
            continue
        document = _read_page_file(file, page_id=str(entry.get("id") or file.stem))
        if isinstance(document, Document):
            document = replace(
                document,
                source=_optional(entry, "source"),
                url=_optional(entry, "url"),
                fetched_at=_optional(entry, "fetched_at"),
            )
        yield document


def _read_jsonl(path: Path) -> Iterator[Document | PageError]:
    for item in _json_records(path):
        if isinstance(item, PageError):
            yield item
        else:
            origin, record = item
            default_id = f"{path.stem}-{origin.rsplit(':', 1)[1]}"
            yield _from_record(record, origin=origin, path=path, default_id=default_id)


def _json_records(path: Path) -> Iterator[tuple[str, dict[str, Any]] | PageError]:
    """Each non-blank line's JSON object with its "file:LINE" origin, or an error for it."""
    text = _decode_file(path)
    if isinstance(text, PageError):
        yield text
        return
    if not text.strip():
        yield PageError(str(path), "empty file")
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield PageError(origin, f"not valid JSON ({error.msg})")
            continue
        if isinstance(value, dict):
            yield origin, value
        else:
            yield PageError(origin, "expected a JSON object")


def _from_record(
    record: Mapping[str, Any], *, origin: str, path: Path | None, default_id: str | None
) -> Document | PageError:
    html, text = record.get("html"), record.get("text")
    content, declared = (html, "html") if isinstance(html, str) else (text, "txt")
    if not isinstance(content, str):
        return PageError(origin, "record has no 'text' or 'html' string")
    if not content.strip():
        return PageError(origin, "record's text is empty")
    page_id = record.get("id") or default_id
    if page_id is None:
        return PageError(origin, "record has no 'id'")
    return Document(
        id=str(page_id),
        content=content,
        format=_format_of(content, declared),
        origin=origin,
        path=path,
        source=_optional(record, "source"),
        url=_optional(record, "url"),
        fetched_at=_optional(record, "fetched_at"),
    )


def _optional(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    return None if value is None else str(value)


def _read_page_file(path: Path, *, page_id: str) -> Document | PageError:
    text = _decode_file(path)
    if isinstance(text, PageError):
        return text
    if not text.strip():
        return PageError(str(path), "empty file")
    page_format = _format_of(text, PAGE_SUFFIXES.get(path.suffix.lower(), "txt"))
    return Document(id=page_id, content=text, format=page_format, origin=str(path), path=path)


def _format_of(content: str, declared: str) -> str:
    """Crawlers save HTML under .txt names too; a document that opens as HTML is HTML."""
    return "html" if declared == "html" or _LOOKS_LIKE_HTML.match(content) else "txt"


def _decode_file(path: Path) -> str | PageError:
    try:
        data = path.read_bytes()
    except OSError as error:
        return PageError(str(path), f"cannot read file ({error.strerror or error})")
    return _decode(data, origin=str(path))


def _decode(data: bytes, *, origin: str) -> str | PageError:
    """UTF-8 (BOM or not) or BOM-marked UTF-16; anything else is reported, not guessed."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in data:
        return PageError(origin, "binary file (contains NUL bytes)")
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return PageError(origin, "cannot decode: not UTF-8 or BOM-marked UTF-16 text")
    control = sum(1 for char in text if ord(char) < 32 and char not in "\n\r\t\f")
    if text and control / len(text) > _MAX_CONTROL_SHARE:
        return PageError(origin, "binary file (control characters in the text)")
    return text
