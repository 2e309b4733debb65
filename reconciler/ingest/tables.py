"""Collections of page records: JSONL, a JSON array, CSV and Parquet with named columns, WARC.

Each yields ``(origin, record)`` pairs (``origin`` names file and line, row or record) or a
``PageError``; one bad record is one error, and the records after it are still read. Records
are the mappings ``readers`` turns into documents: ``id``, ``text`` or ``html``, ``source``,
``url``, ``fetched_at``, ``published`` (or ``date``).
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pyarrow
import pyarrow.parquet
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from reconciler.ingest import files
from reconciler.ingest.decode import DecodeError, clean, decode
from reconciler.ingest.settings import IngestSettings
from reconciler.records import PageError

Record = tuple[str, Mapping[str, Any]]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_UTF16_32_BOMS = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)


def jsonl_records(path: Path, settings: IngestSettings) -> Iterator[Record | PageError]:
    """One JSON object a line. JSON is UTF-8 (RFC 8259), so each line is decoded on its own:
    a line of NUL bytes or of another encoding is one error, not the whole file's."""
    try:
        stream = _open_collection(path)
    except files.Refused as refusal:
        yield PageError(str(path), str(refusal))
        return
    with stream:
        head = stream.read(4)
        stream.seek(0)
        if head.startswith(_UTF16_32_BOMS):
            yield from _jsonl_text_records(path, stream.read(), settings)
            return
        read_any = False
        for number, raw in enumerate(stream, start=1):
            origin = f"{path}:{number}"
            line = raw.removeprefix(codecs.BOM_UTF8) if number == 1 else raw
            if not line.strip():
                continue
            read_any = True
            if len(line) > settings.max_page_bytes:
                yield PageError(
                    origin, f"line is {files.too_large(len(line), settings.max_page_bytes)}"
                )
                continue
            if b"\x00" in line:
                line = line.replace(b"\x00", b"")
                if not line.strip():
                    yield PageError(origin, "line of NUL bytes")
                    continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as error:
                yield PageError(origin, f"line is not UTF-8 ({error.reason})")
                continue
            yield _json_object(origin, text)
    if not read_any:
        yield PageError(str(path), "empty file")


def _jsonl_text_records(
    path: Path, data: bytes, settings: IngestSettings
) -> Iterator[Record | PageError]:
    try:
        text = decode(data, origin=str(path), settings=settings)
    except DecodeError as error:
        yield PageError(str(path), str(error))
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _json_object(f"{path}:{number}", line)


def _json_object(origin: str, line: str) -> Record | PageError:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        return PageError(origin, f"not valid JSON ({error.msg})")
    except RecursionError:
        return PageError(origin, "JSON nested too deeply")
    if isinstance(value, dict):
        return origin, value
    return PageError(origin, "expected a JSON object")


def json_array_records(path: Path, settings: IngestSettings) -> Iterator[Record | PageError]:
    """A JSON array of page objects (what many scrapers export)."""
    text = _whole_text(path, settings)
    if isinstance(text, PageError):
        yield text
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        yield PageError(str(path), f"not valid JSON ({error.msg}, line {error.lineno})")
        return
    except RecursionError:
        yield PageError(str(path), "JSON nested too deeply")
        return
    if not isinstance(value, list):
        yield PageError(str(path), "expected a JSON array of page objects")
        return
    if not value:
        yield PageError(str(path), "empty JSON array")
    for index, item in enumerate(value):
        origin = f"{path}:item {index + 1}"
        if isinstance(item, dict):
            yield origin, item
        else:
            yield PageError(origin, "expected a JSON object")


def csv_records(path: Path, settings: IngestSettings) -> Iterator[Record | PageError]:
    """CSV with a header row naming the columns. The stdlib reader (not pyarrow's) because it
    reads the text our decoder made (any encoding) and goes on after a malformed row."""
    text = _whole_text(path, settings)
    if isinstance(text, PageError):
        yield text
        return
    csv.field_size_limit(settings.max_page_bytes)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        yield PageError(str(path), "empty file")
        return
    for number in itertools.count(1):
        origin = f"{path}:row {number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield PageError(origin, f"malformed CSV row ({error})")
            continue
        yield origin, {str(key): value for key, value in row.items() if key is not None}


def parquet_records(path: Path, settings: IngestSettings) -> Iterator[Record | PageError]:
    """Parquet rows by batches, so a large file is never in memory whole."""
    try:
        files.require_regular(path)
        table = pyarrow.parquet.ParquetFile(path)
        row = 0
        for batch in table.iter_batches(batch_size=settings.parquet_batch_rows):
            for record in batch.to_pylist():
                row += 1
                yield f"{path}:row {row}", record
    except files.Refused as refusal:
        yield PageError(str(path), str(refusal))
    except (pyarrow.ArrowException, OSError) as error:
        yield PageError(str(path), f"cannot read Parquet ({_first_line(error)})")


def warc_records(path: Path, settings: IngestSettings) -> Iterator[Record | PageError]:
    """HTML responses of a WARC (or .warc.gz) file, with their URL and capture date."""
    try:
        size = files.require_regular(path).st_size
        stream = _open_collection(path)
    except files.Refused as refusal:
        yield PageError(str(path), str(refusal))
        return
    pages = 0
    read_up_to = 0  # where the last whole record ends: past it, the file was cut short
    with stream:
        records = ArchiveIterator(stream)
        try:
            for index, record in enumerate(records, start=1):
                if record.rec_headers.get_header("Content-Length") is None or (
                    record.rec_type == "response" and record.http_headers is None
                ):
                    yield PageError(f"{path}:record {index}", "truncated or malformed record")
                    read_up_to = size  # reported: the bytes after it are not lost silently
                    continue
                if _is_html_response(record):
                    pages += 1
                    yield _warc_page(path, pages, record, settings)
                records.read_to_end(record)
                read_up_to = records.get_record_offset() + records.get_record_length()
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
            yield PageError(str(path), f"cannot read WARC ({_first_line(error)})")
            return
    if size - read_up_to > settings.warc_trailing_bytes:
        yield PageError(str(path), f"cut short: the last {size - read_up_to} bytes hold no record")
    elif pages == 0:
        yield PageError(str(path), "no HTML responses in this WARC file")


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response":
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    status = record.http_headers.get_statuscode()
    return bool(content_type.lower().startswith(_HTML_TYPES) and status == "200")


def _warc_page(
    path: Path, number: int, record: Any, settings: IngestSettings
) -> Record | PageError:
    content_type = record.http_headers.get_header("Content-Type") or ""
    url = clean(record.rec_headers.get_header("WARC-Target-URI") or "")
    origin = f"{path}:{url or number}"
    body = record.content_stream().read(settings.max_page_bytes + 1)
    if len(body) > settings.max_page_bytes:
        return PageError(origin, files.too_large(len(body), settings.max_page_bytes))
    try:
        html = decode(body, origin=origin, declared=content_type, markup=True, settings=settings)
    except DecodeError as error:
        return PageError(origin, str(error))
    return origin, {
        "id": f"{path.name.split('.')[0]}-{number}",
        "html": html,
        "url": url or None,
        "fetched_at": record.rec_headers.get_header("WARC-Date"),
    }


def _whole_text(path: Path, settings: IngestSettings) -> str | PageError:
    """The decoded text of a collection parsed whole (JSON, CSV), within its size limit."""
    try:
        data = files.read_limited(
            path, settings.max_collection_bytes, setting="max_collection_bytes"
        )
        return decode(data, origin=str(path), settings=settings)
    except (files.Refused, DecodeError) as error:
        return PageError(str(path), str(error))


def _open_collection(path: Path) -> io.BufferedReader:
    files.require_regular(path)
    try:
        return path.open("rb")
    except OSError as error:
        raise files.Refused(f"cannot read file ({error.strerror or error})") from error


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
