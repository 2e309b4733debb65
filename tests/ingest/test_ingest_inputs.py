"""What load() accepts, and how each kind of bad input becomes one PageError."""

from __future__ import annotations

import json
import random
import shutil
import string
from pathlib import Path

import pytest

from reconciler.ingest import load
from reconciler.records import RegionKind

DEV_DOCS = Path(__file__).resolve().parents[1] / "data" / "dev" / "docs"
GOOD_TEXT = (DEV_DOCS / "doc-007.txt").read_text("utf-8")
BENGALI = (DEV_DOCS / "bn-seed-003.txt").read_text("utf-8")


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD_TEXT, "utf-8")
    return path


def _single_error(inputs: list, name: str) -> None:
    loaded = load(inputs)
    assert [page.id for page in loaded.pages] == ["good"]
    assert len(loaded.errors) == 1
    assert name in loaded.errors[0].source
    assert "\n" not in loaded.errors[0].message


def test_binary_file_is_an_error(tmp_path: Path, good: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _single_error([binary, good], "image.txt")


def test_control_characters_without_nul_are_binary(tmp_path: Path, good: Path) -> None:
    noise = tmp_path / "noise.html"
    noise.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 15, 16] * 50))
    _single_error([noise, good], "noise.html")


@pytest.mark.parametrize("content", [b"", b"  \n\t\n  "])
def test_empty_file_is_an_error(tmp_path: Path, good: Path, content: bytes) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    _single_error([empty, good], "empty.txt")


def test_undecodable_file_is_an_error(tmp_path: Path, good: Path) -> None:
    noise = tmp_path / "noise.txt"
    rng = random.Random(3)
    noise.write_bytes(bytes(rng.randrange(128, 256) for _ in range(3000)))
    _single_error([noise, good], "noise.txt")


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-8-sig"], ids=["utf-16 with BOM", "utf-8 with BOM"]
)
def test_bom_marked_text_decodes(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(BENGALI.encode(encoding))
    loaded = load([path])
    assert loaded.errors == ()
    assert loaded.pages[0].text == BENGALI
    assert loaded.pages[0].lang == "bn"


def test_missing_path_is_an_error(tmp_path: Path, good: Path) -> None:
    _single_error([tmp_path / "nowhere.txt", good], "nowhere.txt")


def test_unsupported_file_given_by_name_is_an_error(tmp_path: Path, good: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_text("not a page")
    _single_error([pdf, good], "report.pdf")


def test_jsonl_bad_lines_name_file_and_line(tmp_path: Path) -> None:
    jsonl = tmp_path / "pages.jsonl"
    lines = [
        json.dumps({"id": "a", "text": GOOD_TEXT, "source": "Wire", "url": "https://x.test/a"}),
        "{not json",
        json.dumps({"id": "b", "source": "no text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c", "html": "<html><body><h1>Title of page c here</h1></body></html>"}),
    ]
    jsonl.write_text("\n".join(lines) + "\n", "utf-8")
    loaded = load([jsonl])
    assert [page.id for page in loaded.pages] == ["a", "c"]
    assert [page.format for page in loaded.pages] == ["txt", "html"]
    assert loaded.pages[0].source == "Wire" and loaded.pages[0].url == "https://x.test/a"
    assert loaded.pages[0].path == jsonl
    assert [error.source for error in loaded.errors] == [f"{jsonl}:{n}" for n in (2, 3, 4)]


def test_dataset_with_missing_file_still_loads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    shutil.copy(DEV_DOCS / "doc-019.txt", tmp_path / "docs" / "doc-019.txt")
    entries = [
        {"id": "zh-1", "path": "docs/doc-019.txt", "source": "S", "url": None, "fetched_at": None},
        {"id": "gone", "path": "docs/gone.txt", "source": "S", "url": None, "fetched_at": None},
    ]
    manifest = "\n".join(json.dumps(entry) for entry in entries)
    (tmp_path / "manifest.jsonl").write_text(manifest, "utf-8")
    loaded = load([tmp_path])
    assert [(page.id, page.lang, page.source) for page in loaded.pages] == [("zh-1", "zh", "S")]
    assert len(loaded.errors) == 1 and "gone.txt" in loaded.errors[0].source


def test_unreadable_manifest_line_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "manifest.jsonl").write_bytes(b'{"id": "a", "path": "\xc3\x28.txt"}\n')
    loaded = load([tmp_path])
    assert loaded.pages == ()
    assert [error.source for error in loaded.errors] == [f"{tmp_path / 'manifest.jsonl'}:1"]


def test_empty_jsonl_and_folder_without_pages_are_errors(tmp_path: Path, good: Path) -> None:
    (tmp_path / "pages.jsonl").write_text("\n  \n", "utf-8")
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "readme.md").write_text("no pages here")
    loaded = load([tmp_path / "pages.jsonl", tmp_path / "nothing", good])
    assert [page.id for page in loaded.pages] == ["good"]
    assert [error.source for error in loaded.errors] == [
        str(tmp_path / "pages.jsonl"),
        str(tmp_path / "nothing"),
    ]


def test_folder_is_read_recursively_in_order_ignoring_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    shutil.copy(DEV_DOCS / "doc-013.html", tmp_path / "b" / "z-page.html")
    shutil.copy(DEV_DOCS / "doc-015.txt", tmp_path / "a-page.txt")
    (tmp_path / "notes.md").write_text("# not a page")
    (tmp_path / "b" / "data.csv").write_text("a,b\n1,2\n")
    loaded = load([tmp_path])
    assert loaded.errors == ()
    assert [(page.id, page.format, page.lang) for page in loaded.pages] == [
        ("a-page", "txt", "ru"),
        ("z-page", "html", "en"),
    ]


def test_duplicate_id_is_an_error_for_the_later_page(tmp_path: Path, good: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(DEV_DOCS / "doc-016.txt", other / "good.txt")
    loaded = load([good, other / "good.txt"])
    assert [page.lang for page in loaded.pages] == ["en"]
    assert len(loaded.errors) == 1 and str(other / "good.txt") == loaded.errors[0].source
    assert "duplicate" in loaded.errors[0].message


def test_mapping_input_and_crlf_text(tmp_path: Path) -> None:
    crlf = GOOD_TEXT.replace("\n", "\r\n")
    loaded = load([{"id": "mem", "text": crlf, "fetched_at": "2024-11-01T17:00:00Z"}])
    page = loaded.pages[0]
    assert (page.id, page.fetched_at, page.path, page.raw) == (
        "mem",
        "2024-11-01T17:00:00Z",
        None,
        crlf,
    )
    assert page.text == GOOD_TEXT
    headline = page.regions_of(RegionKind.HEADLINE)[0]
    assert page.region_text(headline).startswith("Lavrov hails 'very close' military ties")


def test_inputs_are_not_modified(tmp_path: Path, good: Path) -> None:
    before = good.read_bytes(), good.stat().st_mtime_ns
    load([tmp_path])
    assert (good.read_bytes(), good.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><div><p>Unclosed <b>tags <i>everywhere</div></span></html>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>Declared page text</p></body>",
        "<p>Fragment without html or body, <br> but with a break</p><table><tr><td>cell",
    ],
)
def test_broken_html_loads_without_raising(markup: str) -> None:
    loaded = load([{"id": "broken", "html": markup}])
    assert loaded.errors == ()
    assert loaded.pages[0].text.strip()
    assert "<" not in loaded.pages[0].text


def test_html_without_visible_text_is_an_error() -> None:
    loaded = load(
        [{"id": "blank", "html": "<html><head><script>var a = 1;</script></head></html>"}]
    )
    assert loaded.pages == ()
    assert loaded.errors[0].source == "<input 1>"


def test_progress_is_quiet_without_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    load([{"id": "p", "text": GOOD_TEXT}], progress=True)
    assert capsys.readouterr().err == ""


def test_random_text_and_mangled_html_never_raise() -> None:
    rng = random.Random(7)
    alphabet = string.printable + "আমি বাংলা।|·:：—《》【】<>/&;#中文\u200c\u00a0"
    html = (DEV_DOCS / "doc-013.html").read_text("utf-8")
    records = []
    for n in range(40):
        noise = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 300)))
        cut = rng.randint(0, len(html))
        records.append({"id": f"text-{n}", "text": noise})
        records.append(
            {"id": f"html-{n}", "html": html[:cut] + noise + html[rng.randint(cut, len(html)) :]}
        )
    loaded = load(records)
    assert len(loaded.pages) + len(loaded.errors) == len(records)
    for page in loaded.pages:
        assert page.regions[0].start == 0 and page.regions[-1].end == len(page.text)


def test_html_saved_under_a_txt_name_is_rendered(tmp_path: Path) -> None:
    saved = tmp_path / "saved-page.txt"
    shutil.copy(DEV_DOCS / "doc-010.html", saved)
    page = load([saved]).pages[0]
    assert page.format == "html" and page.lang == "ru"
    assert "<article>" not in page.text and "<article>" in (page.raw or "")
