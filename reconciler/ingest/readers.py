"""Readers: turn what the user gave (files, folders, datasets, collections, mappings) into
documents.

A reader never guesses and never raises for bad content: each unreadable input becomes one
``PageError`` that names the file (and line), and reading goes on with the rest. Paths found
inside a folder stay inside it (``files``); bytes become valid Unicode text (``decode``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypedDict

from reconciler.ingest import files, tables
from reconciler.ingest.decode import DecodeError, clean, decode, refuse_binary
from reconciler.ingest.settings import DEFAULT_SETTINGS, IngestSettings
from reconciler.records import PageError

PAGE_SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html", ".xhtml": "html"}
MANIFEST = "manifest.jsonl"
_COLLECTIONS: dict[str, Callable[[Path, IngestSettings], Iterator[tables.Record | PageError]]] = {
    ".jsonl": tables.jsonl_records,
    ".ndjson": tables.jsonl_records,
    ".json": tables.json_array_records,
    ".csv": tables.csv_records,
    ".parquet": tables.parquet_records,
    ".warc": tables.warc_records,
    ".warc.gz": tables.warc_records,
}
_LOOKS_LIKE_HTML = re.compile(r"^\s*(<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.I)
_URL_LINE = re.compile(r"^\s*(?:https?|ftp)://\S+\s*$", re.IGNORECASE)
# Record fields for the page's publication date, in the order they are trusted.
_PUBLISHED_FIELDS = ("published", "date")


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
    published: str | None = None


def read_inputs(
    inputs: Sequence[str | Path | Mapping[str, Any]], settings: IngestSettings = DEFAULT_SETTINGS
) -> Iterator[Document | PageError]:
    for number, given in enumerate(inputs, start=1):
        if isinstance(given, Mapping):
            yield _from_record(
                given, origin=f"<input {number}>", path=None, default_id=None, settings=settings
            )
        else:
            yield from _read_named(Path(given), settings)


def _read_named(path: Path, settings: IngestSettings) -> Iterator[Document | PageError]:
    """A path the user named: it may be anywhere, but must be a folder or a regular file."""
    if path.is_dir():
        root = path.resolve()
        if (path / MANIFEST).is_file():
            yield from _read_dataset(path, root, settings)
        else:
            yield from _read_folder(path, settings)
        return
    try:
        files.require_regular(path)
    except files.Refused as refusal:
        yield PageError(str(path), str(refusal))
        return
    suffix = _suffix(path)
    if suffix in _COLLECTIONS:
        yield from _read_collection(path, _COLLECTIONS[suffix], settings)
    elif suffix in PAGE_SUFFIXES:
        yield _read_page_file(path, page_id=path.stem, settings=settings)
    else:
        yield PageError(str(path), f"unsupported file type {suffix or '(none)'!r}")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _read_folder(folder: Path, settings: IngestSettings) -> Iterator[Document | PageError]:
    """Page files at any depth, in name order; a dataset folder inside is read as a dataset.

    A page's id is its file name without the suffix, or its path relative to ``folder`` when
    two pages share a name (a wget mirror holds many ``index.html``)."""
    walk = files.Walk(folder.resolve(), frozenset(PAGE_SUFFIXES), MANIFEST)
    found = list(walk.pages(folder))
    stems = Counter(item.path.stem for item in found if isinstance(item, files.PageFile))
    if not any(isinstance(item, files.PageFile | files.Dataset) for item in found):
        yield from (item for item in found if isinstance(item, PageError))
        yield PageError(str(folder), "no .txt or .html pages in this folder")
        return
    for item in found:
        if isinstance(item, PageError):
            yield item
        elif isinstance(item, files.Dataset):
            yield from _read_dataset(item.path, item.path.resolve(), settings)
        else:
            unique = stems[item.path.stem] == 1
            page_id = item.path.stem if unique else item.relative.with_suffix("").as_posix()
            yield _read_page_file(item.path, page_id=page_id, settings=settings)


def _read_dataset(
    folder: Path, root: Path, settings: IngestSettings
) -> Iterator[Document | PageError]:
    listed: set[Path] = set()
    for item in tables.jsonl_records(folder / MANIFEST, settings):
        if isinstance(item, PageError):
            yield item
            continue
        origin, entry = item
        relative = entry.get("path")
        if not isinstance(relative, str) or not relative.strip():
            yield PageError(origin, "manifest entry has no 'path'")
            continue
        file = folder / clean(relative)
        try:
            if Path(relative).is_absolute():
                raise files.Refused("an absolute path: manifest paths are relative to the dataset")
            listed.add(files.contained(file, root))
            files.require_regular(file)
        except files.Refused as refusal:
            yield PageError(str(file), f"listed in {origin}: {refusal}")
            continue
        document = _read_page_file(
            file, page_id=_text(entry.get("id")) or file.stem, settings=settings
        )
        if isinstance(document, Document):
            document = replace(document, **_metadata(entry))
        yield document
    yield from _unlisted(folder, root, listed)


def _unlisted(folder: Path, root: Path, listed: set[Path]) -> Iterator[PageError]:
    """Page files in the dataset that its manifest does not list: reported, not read (the
    manifest is what gives a page its id and source)."""
    walk = files.Walk(root, frozenset(PAGE_SUFFIXES), MANIFEST)
    for item in walk.pages(folder):
        if isinstance(item, files.PageFile) and item.path.resolve() not in listed:
            yield PageError(str(item.path), f"page file not listed in {folder / MANIFEST}")


def _read_collection(
    path: Path,
    records: Callable[[Path, IngestSettings], Iterator[tables.Record | PageError]],
    settings: IngestSettings,
) -> Iterator[Document | PageError]:
    for item in records(path, settings):
        if isinstance(item, PageError):
            yield item
            continue
        origin, record = item
        # "pages.jsonl:12" → "pages-12", "pages.parquet:row 3" → "pages-row-3"
        locator = origin.rsplit(":", 1)[-1].replace(" ", "-")
        default_id = f"{path.name.split('.')[0]}-{locator}"
        yield _from_record(
            record, origin=origin, path=path, default_id=default_id, settings=settings
        )


def _from_record(
    record: Mapping[str, Any],
    *,
    origin: str,
    path: Path | None,
    default_id: str | None,
    settings: IngestSettings,
) -> Document | PageError:
    html, text = record.get("html"), record.get("text")
    content, declared = (html, "html") if _is_text(html) else (text, "txt")
    if not isinstance(content, str):
        return PageError(origin, "record has no 'text' or 'html' string")
    if not content.strip():
        return PageError(origin, "record's text is empty")
    if len(content) > settings.max_page_bytes:
        return PageError(origin, files.too_large(len(content), settings.max_page_bytes))
    page_id = _text(record.get("id")) or default_id
    if page_id is None:
        return PageError(origin, "record has no 'id'")
    try:
        content = refuse_binary(clean(content), settings)
    except DecodeError as error:
        return PageError(origin, str(error))
    return Document(
        id=page_id,
        content=content,
        format=_format_of(content, declared),
        origin=origin,
        path=path,
        **_metadata(record),
    )


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


class _Metadata(TypedDict):
    source: str | None
    url: str | None
    fetched_at: str | None
    published: str | None


def _metadata(record: Mapping[str, Any]) -> _Metadata:
    published = next(
        (value for key in _PUBLISHED_FIELDS if (value := _text(record.get(key)))), None
    )
    return {
        "source": _text(record.get("source")),
        "url": _text(record.get("url")),
        "fetched_at": _text(record.get("fetched_at")),
        "published": published,
    }


def _text(value: Any) -> str | None:
    """A record field as valid text; None for a missing, null or blank field."""
    if value is None or isinstance(value, dict | list):
        return None
    text = clean(str(value)).strip()
    return text or None


def _read_page_file(path: Path, *, page_id: str, settings: IngestSettings) -> Document | PageError:
    named_html = PAGE_SUFFIXES.get(path.suffix.lower(), "txt") == "html"
    try:
        data = files.read_limited(path, settings.max_page_bytes)
        text = decode(data, origin=str(path), markup=True, settings=settings)
    except (files.Refused, DecodeError) as error:
        return PageError(str(path), str(error))
    if not text.strip():
        return PageError(str(path), "empty file")
    page_format = _format_of(text, "html" if named_html else "txt")
    if page_format == "txt" and _is_url_list(text):
        return PageError(
            str(path),
            "a list of URLs, not a page: reconciler does not fetch; save the pages first "
            "(a crawler's files, a WARC) and give those",
        )
    return Document(
        id=clean(page_id), content=text, format=page_format, origin=str(path), path=path
    )


def _is_url_list(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(_URL_LINE.match(line) for line in lines)


def _format_of(content: str, declared: str) -> str:
    """Crawlers save HTML under .txt names too; a document that opens as HTML is HTML."""
    return "html" if declared == "html" or _LOOKS_LIKE_HTML.match(content) else "txt"
