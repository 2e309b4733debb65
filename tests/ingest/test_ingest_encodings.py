"""Encodings a crawl really holds: each is read, or refused with its name, never garbled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconciler.ingest import load
from reconciler.ingest.decode import DecodeError, decode
from tests.ingest.encoding_samples import SAMPLES

DEV_DOCS = Path(__file__).resolve().parents[1] / "data" / "dev" / "docs"
BENGALI = (DEV_DOCS / "bn-seed-003.txt").read_text("utf-8")
ENGLISH = (DEV_DOCS / "doc-007.txt").read_text("utf-8")


def _html(body: bytes, head: bytes = b"") -> bytes:
    return (
        b"<!DOCTYPE html><html><head>" + head + b"</head><body><p>" + body + b"</p></body></html>"
    )


@pytest.mark.parametrize("encoding", sorted(SAMPLES))
def test_undeclared_legacy_encoding_is_detected(encoding: str) -> None:
    text = SAMPLES[encoding]
    assert decode(text.encode(encoding), origin="x") == text


@pytest.mark.parametrize("encoding", sorted(SAMPLES))
@pytest.mark.parametrize(
    "declaration",
    [
        b'<meta charset="{}">',
        b'<meta http-equiv="Content-Type" content="text/html; charset={}">',
    ],
    ids=["meta charset", "http-equiv"],
)
def test_declared_charset_is_used(tmp_path: Path, encoding: str, declaration: bytes) -> None:
    text = SAMPLES[encoding]
    page = tmp_path / "page.html"
    page.write_bytes(_html(text.encode(encoding), declaration.replace(b"{}", encoding.encode())))
    loaded = load([page])
    assert loaded.errors == ()
    assert text in loaded.pages[0].text


def test_xml_declaration_names_the_encoding(tmp_path: Path) -> None:
    text = SAMPLES["koi8-r"]
    page = tmp_path / "page.xhtml"
    page.write_bytes(
        b'<?xml version="1.0" encoding="koi8-r"?>\n<html><body><p>'
        + text.encode("koi8-r")
        + b"</p></body></html>"
    )
    assert text in load([page]).pages[0].text


def test_windows_1252_declared_as_latin_1_reads_its_quotes(tmp_path: Path) -> None:
    # Browsers read "iso-8859-1" as windows-1252, where 0x93/0x94 are curly quotes.
    text = "The minister said \u201cwe will meet again\u201d on Tuesday \u2013 in the capital."
    page = tmp_path / "page.html"
    page.write_bytes(_html(text.encode("cp1252"), b'<meta charset="iso-8859-1">'))
    assert text in load([page]).pages[0].text


def test_wrong_declaration_falls_back_to_detection(tmp_path: Path) -> None:
    text = SAMPLES["gb18030"]
    page = tmp_path / "page.html"
    page.write_bytes(_html(text.encode("utf-8"), b'<meta charset="shift_jis">'))
    assert text in load([page]).pages[0].text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [BENGALI, ENGLISH], ids=["bn", "en"])
def test_utf16_without_bom_is_text_not_binary(tmp_path: Path, encoding: str, text: str) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(text.encode(encoding))
    loaded = load([page])
    assert loaded.errors == ()
    assert loaded.pages[0].text == text


@pytest.mark.parametrize("encoding", ["utf-32", "utf-16"])
def test_other_boms_decode(encoding: str) -> None:
    assert decode(BENGALI.encode(encoding), origin="x") == BENGALI


def test_lone_surrogate_under_a_bom_is_replaced() -> None:
    data = (BENGALI[:500] + "\ud800" + BENGALI[500:]).encode("utf-16", "surrogatepass")
    assert decode(data, origin="x") == BENGALI[:500] + "\ufffd" + BENGALI[500:]


def test_mojibake_is_repaired_not_passed_on(caplog: pytest.LogCaptureFixture) -> None:
    french = SAMPLES["cp1252"]
    garbled = french.encode("utf-8").decode("cp1252")
    loaded = load([{"id": "m", "text": garbled}])
    assert loaded.pages[0].text == french
    assert "mojibake" in caplog.text


@pytest.mark.parametrize(
    "legacy",
    [
        "Avwg evsjvq Mvb MvB| Avgvi bvg Kwei| Avwg XvKvq _vwK|",
        "mKv‡j ivRavbx‡Z ˆeVK n‡q‡Q| gš¿x e‡j‡Qb Avgiv Avevi Avjvc Kie|",
    ],
)
def test_legacy_bengali_font_text_is_refused_by_name(legacy: str, tmp_path: Path) -> None:
    page = tmp_path / "bijoy.txt"
    page.write_text(legacy * 3, "utf-8")
    html_page = tmp_path / "bijoy.html"
    html_page.write_text(f"<html><body><p>{legacy}</p><p>{legacy}</p></body></html>", "utf-8")
    loaded = load([page, html_page, {"id": "r", "text": legacy}])
    assert loaded.pages == ()
    assert len(loaded.errors) == 3
    assert all("Bijoy" in error.message for error in loaded.errors)


REAL_DEV = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "real-dev"


@pytest.mark.parametrize("dataset", [DEV_DOCS.parent, REAL_DEV], ids=["dev", "real-dev"])
def test_real_pages_are_not_refused_or_repaired(
    dataset: Path, caplog: pytest.LogCaptureFixture
) -> None:
    if not dataset.is_dir():
        pytest.skip(f"{dataset} is not here")
    loaded = load([dataset])
    assert loaded.errors == ()
    assert "mojibake" not in caplog.text and "broken UTF-8" not in caplog.text


def test_broken_utf8_sequences_are_replaced_not_the_page_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    data = BENGALI.encode("utf-8")
    page.write_bytes(
        data[:1000] + "\ud800".encode("utf-8", "surrogatepass") + data[1000:] + b"\xe0"
    )
    loaded = load([page])
    assert loaded.errors == ()
    assert loaded.pages[0].text.count("\ufffd") >= 2 and loaded.pages[0].lang == "bn"


def test_binary_json_lines_and_bad_strings_are_one_error_each(tmp_path: Path) -> None:
    jsonl = tmp_path / "pages.jsonl"
    good = json.dumps({"id": "a", "text": ENGLISH})
    with_surrogate = '{"id": "b\\ud800", "text": ' + json.dumps(ENGLISH)[:-1] + '\\udfff"}'
    jsonl.write_bytes(
        good.encode()
        + b"\n"
        + b"\x00" * 400
        + b"\n"
        + with_surrogate.encode()
        + b"\n"
        + json.dumps({"id": "c", "text": "caf\xe9"}).encode("utf-8").replace(b"\\u00e9", b"\xe9")
        + b"\n"
        + json.dumps({"id": "d", "text": BENGALI}, ensure_ascii=False).encode()
        + b"\n"
    )
    loaded = load([jsonl])
    assert [page.id for page in loaded.pages] == ["a", "b\ufffd", "d"]
    assert [error.source.rsplit(":", 1)[1] for error in loaded.errors] == ["2", "4"]
    assert loaded.pages[1].text.endswith("\ufffd")
    assert loaded.pages[2].lang == "bn"


def test_surrogates_and_nuls_in_a_mapping_are_made_valid() -> None:
    loaded = load([{"id": "x\ud800", "text": ENGLISH[:200] + "\x00\udc00" + ENGLISH[200:]}])
    page = loaded.pages[0]
    assert page.id == "x\ufffd" and "\x00" not in page.text
    page.text.encode("utf-8")  # valid Unicode: no lone surrogate left


def test_random_bytes_are_refused_not_guessed() -> None:
    with pytest.raises(DecodeError):
        decode(bytes(range(128, 256)) * 8 + bytes(range(1, 32)) * 8, origin="x")
