"""Formats crawls come in: WARC, CSV, Parquet, JSON arrays; a published date read as such."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pyarrow
import pyarrow.parquet
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reconciler.ingest import load
from tests.ingest.encoding_samples import SAMPLES

DEV_DOCS = Path(__file__).resolve().parents[1] / "data" / "dev" / "docs"
ENGLISH = (DEV_DOCS / "doc-007.txt").read_text("utf-8")
HTML = (DEV_DOCS / "doc-013.html").read_text("utf-8")


def _warc(path: Path, *, gzipped: bool) -> None:
    russian = SAMPLES["cp1251"]
    responses = [
        ("https://news.example/a", "text/html; charset=utf-8", "200 OK", HTML.encode()),
        ("https://news.example/logo.png", "image/png", "200 OK", b"\x89PNG\r\n"),
        ("https://news.example/gone", "text/html", "404 Not Found", b"<html>gone</html>"),
        (
            "https://news.example/ru",
            "text/html; charset=windows-1251",
            "200 OK",
            f"<html><body><h1>{russian[:40]}</h1><p>{russian}</p></body></html>".encode("cp1251"),
        ),
    ]
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzipped)
        for url, content_type, status, body in responses:
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_pages_with_url_and_date(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _warc(path, gzipped=name.endswith(".gz"))
    loaded = load([path])
    assert loaded.errors == ()
    assert [page.url for page in loaded.pages] == [
        "https://news.example/a",
        "https://news.example/ru",
    ]
    assert [page.lang for page in loaded.pages] == ["en", "ru"]
    assert all(page.fetched_at and page.fetched_at[:2] == "20" for page in loaded.pages)
    assert len({page.id for page in loaded.pages}) == 2


def test_truncated_warc_keeps_the_pages_before_the_break(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    _warc(whole, gzipped=True)
    cut = tmp_path / "cut.warc.gz"
    data = whole.read_bytes()
    cut.write_bytes(data[: int(len(data) * 0.9)])
    loaded = load([cut])
    assert [page.url for page in loaded.pages] == ["https://news.example/a"]
    assert len(loaded.errors) == 1 and "\n" not in loaded.errors[0].message


def test_other_gzip_files_are_refused_by_type(tmp_path: Path) -> None:
    path = tmp_path / "pages.txt.gz"
    path.write_bytes(gzip.compress(ENGLISH.encode()))
    assert "unsupported" in load([path]).errors[0].message


def test_csv_with_named_columns(tmp_path: Path) -> None:
    path = tmp_path / "pages.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["url", "id", "text", "source", "published"])
        writer.writerow(["https://x.example/1", "one", ENGLISH, "Wire", "2024-11-01"])
        writer.writerow(["https://x.example/2", "two", "", "Wire", ""])
        writer.writerow(["https://x.example/3", "three", "<html><body><p>" + HTML + "</p>", "", ""])
    loaded = load([path])
    assert [(page.id, page.source, page.published) for page in loaded.pages] == [
        ("one", "Wire", "2024-11-01"),
        ("three", None, None),
    ]
    assert loaded.pages[1].format == "html"
    assert len(loaded.errors) == 1 and loaded.errors[0].source.endswith(":row 2")


def test_csv_in_a_legacy_encoding(tmp_path: Path) -> None:
    text = SAMPLES["cp1251"]
    path = tmp_path / "pages.csv"
    path.write_bytes(f'id,text\nru-1,"{text}"\n'.encode("cp1251"))
    assert load([path]).pages[0].text == text


def test_parquet_with_named_columns(tmp_path: Path) -> None:
    path = tmp_path / "pages.parquet"
    table = pyarrow.table(
        {
            "id": ["p1", "p2", None],
            "text": [ENGLISH, None, ENGLISH],
            "date": ["2024-11-02", None, "2024-11-03"],
            "fetched_at": ["2024-11-02T10:00:00Z", None, None],
        }
    )
    pyarrow.parquet.write_table(table, path)
    loaded = load([path])
    assert [(page.id, page.published, page.fetched_at) for page in loaded.pages] == [
        ("p1", "2024-11-02", "2024-11-02T10:00:00Z"),
        ("pages-row-3", "2024-11-03", None),
    ]
    assert len(loaded.errors) == 1


def test_broken_parquet_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "pages.parquet"
    path.write_bytes(b"PAR1 not really parquet PAR1")
    loaded = load([path])
    assert loaded.pages == () and len(loaded.errors) == 1


def test_json_array_of_pages(tmp_path: Path) -> None:
    path = tmp_path / "pages.json"
    records = [
        {"id": "a", "text": ENGLISH, "published": "2024-11-01"},
        "junk",
        {"id": "b"},
        {"text": ENGLISH},
    ]
    path.write_text(json.dumps(records), "utf-8")
    loaded = load([path])
    assert [(page.id, page.published) for page in loaded.pages] == [
        ("a", "2024-11-01"),
        ("pages-item-4", None),
    ]
    assert [error.source.rsplit(":", 1)[1] for error in loaded.errors] == ["item 2", "item 3"]


@pytest.mark.parametrize("content", ['{"id": "a", "text": "x"}', "[1, 2", '"text"'])
def test_json_that_is_not_an_array_of_pages_is_one_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "pages.json"
    path.write_text(content, "utf-8")
    loaded = load([path])
    assert loaded.pages == () and len(loaded.errors) >= 1


def test_manifest_published_field_is_the_page_date(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(ENGLISH, "utf-8")
    entry = {"id": "a", "path": "docs/a.txt", "source": "S", "published": "2024-10-30"}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(entry) + "\n", "utf-8")
    assert load([tmp_path]).pages[0].published == "2024-10-30"


def test_deeply_nested_json_line_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_text("[" * 100_000 + "\n" + json.dumps({"id": "a", "text": ENGLISH}) + "\n")
    loaded = load([path])
    assert [page.id for page in loaded.pages] == ["a"]
    assert len(loaded.errors) == 1
