"""Regions and metadata of the real dev-set pages and seeds, checked against what a reader sees."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reconciler.ingest import Loaded, load
from reconciler.records import Page, RegionKind

DEV = Path(__file__).resolve().parents[1] / "data" / "dev"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Language of each page, checked by reading it.
LANGUAGES = {
    **{f"bn-seed-00{i}": "bn" for i in range(5)},
    **dict.fromkeys(["doc-009", "doc-012", "doc-018", "doc-022", "doc-025", "doc-028"], "bn"),
    **dict.fromkeys(["doc-006", "doc-016"], "hi"),
    **dict.fromkeys(["doc-008", "doc-019", "doc-026"], "zh"),
    **dict.fromkeys(["doc-010", "doc-015", "doc-023"], "ru"),
    **dict.fromkeys(["doc-005", "doc-021"], "es"),
    **dict.fromkeys(
        ["doc-007", "doc-011", "doc-013", "doc-014", "doc-017", "doc-020", "doc-024", "doc-027"],
        "en",
    ),
}
# 1-based line of the headline in each text page.
HEADLINE_LINE = {
    "bn-seed-000": 3, "bn-seed-001": 1, "bn-seed-002": 1, "bn-seed-003": 19, "bn-seed-004": 3,
    "doc-006": 7, "doc-007": 9, "doc-009": 16, "doc-011": 7, "doc-012": 6, "doc-014": 7,
    "doc-015": 7, "doc-016": 7, "doc-017": 5, "doc-018": 9, "doc-019": 6, "doc-020": 6,
    "doc-022": 7, "doc-023": 7, "doc-025": 7, "doc-026": 7, "doc-028": 8,
}  # fmt: skip
# 1-based line of the masthead date line in each text page that has one.
HEADER_DATE_LINE = {
    "bn-seed-003": 1, "bn-seed-004": 1, "doc-006": 3, "doc-007": 5, "doc-009": 1, "doc-011": 3,
    "doc-012": 1, "doc-014": 3, "doc-015": 3, "doc-016": 3, "doc-017": 3, "doc-018": 1,
    "doc-019": 2, "doc-020": 4, "doc-022": 2, "doc-023": 3, "doc-025": 3, "doc-026": 3,
    "doc-028": 2,
}  # fmt: skip
HTML_HEADER_DATE = {
    "doc-005": "Miércoles, 16 de julio de 2025",
    "doc-008": "2025年7月13日 星期日",
    "doc-010": "Вторник, 12 ноября 2024",
    "doc-013": "Tuesday, 15 July 2025",
    "doc-021": "Martes, 22 de julio de 2025",
    "doc-024": "Thursday, 17 July 2025",
    "doc-027": "Monday, 14 July 2025",
}


@pytest.fixture(scope="module")
def dev() -> Loaded:
    return load([DEV])


@pytest.fixture(scope="module")
def pages(dev: Loaded) -> dict[str, Page]:
    return {page.id: page for page in dev.pages}


def _file_line(page: Page, number: int) -> str:
    assert page.path is not None
    return page.path.read_text("utf-8").splitlines()[number - 1].strip()


def _kind_of(page: Page, snippet: str) -> RegionKind:
    offset = page.text.find(snippet)
    assert offset >= 0, f"{snippet!r} not in {page.id}"
    return page.region_at(offset)


def _kinds_of_lines(page: Page, start: str, count: int) -> list[RegionKind]:
    """Kinds of ``count`` non-blank lines from the one starting with ``start``."""
    offset = page.text.find(start)
    assert offset >= 0, f"{start!r} not in {page.id}"
    kinds = []
    for line in page.text[offset:].split("\n"):
        if line.strip():
            kinds.append(page.region_at(offset))
        offset += len(line) + 1
        if len(kinds) == count:
            break
    return kinds


def test_every_dev_page_loads_with_manifest_metadata(dev: Loaded) -> None:
    manifest = [json.loads(line) for line in (DEV / "manifest.jsonl").read_text().splitlines()]
    assert dev.errors == ()
    assert [page.id for page in dev.pages] == [entry["id"] for entry in manifest]
    for page, entry in zip(dev.pages, manifest, strict=True):
        assert (page.source, page.url, page.fetched_at) == (
            entry["source"],
            entry["url"],
            entry["fetched_at"],
        )
        assert page.path == DEV / entry["path"]
        assert page.format == ("html" if entry["path"].endswith(".html") else "txt")
        assert page.raw == (DEV / entry["path"]).read_text("utf-8")


def test_every_dev_page_has_its_language(pages: dict[str, Page]) -> None:
    assert {page_id: page.lang for page_id, page in pages.items()} == LANGUAGES


def test_seeds_load_by_file_stem_in_bengali() -> None:
    loaded = load([SEEDS])
    assert loaded.errors == ()
    assert [page.id for page in loaded.pages] == sorted(path.stem for path in SEEDS.glob("*.txt"))
    assert {page.lang for page in loaded.pages} == {"bn"}
    assert all(page.source is None and page.fetched_at is None for page in loaded.pages)


def test_regions_cover_the_text_end_to_end(dev: Loaded) -> None:
    for page in dev.pages:
        assert page.regions[0].start == 0
        assert page.regions[-1].end == len(page.text)
        for before, after in zip(page.regions, page.regions[1:], strict=False):
            assert before.end == after.start and before.kind != after.kind


@pytest.mark.parametrize("page_id", sorted(HEADLINE_LINE))
def test_headline_of_text_page(pages: dict[str, Page], page_id: str) -> None:
    page = pages[page_id]
    headlines = [page.region_text(r).strip() for r in page.regions_of(RegionKind.HEADLINE)]
    assert headlines == [_file_line(page, HEADLINE_LINE[page_id])]


@pytest.mark.parametrize(
    "page_id", ["doc-005", "doc-008", "doc-010", "doc-013", "doc-021", "doc-024", "doc-027"]
)
def test_headline_of_html_page_is_its_h1(pages: dict[str, Page], page_id: str) -> None:
    page = pages[page_id]
    assert page.raw is not None
    h1 = re.search(r"<h1>(.*?)</h1>", page.raw)
    assert h1 is not None
    headlines = [page.region_text(r).strip() for r in page.regions_of(RegionKind.HEADLINE)]
    assert headlines == [h1.group(1)]
    # CI annotations point at the <h1> line of the raw HTML.
    raw_line = page.raw[: h1.start()].count("\n") + 1
    assert page.line_of(page.regions_of(RegionKind.HEADLINE)[0].start) == raw_line


@pytest.mark.parametrize("page_id", sorted(HEADER_DATE_LINE))
def test_masthead_date_line_of_text_page_is_header(pages: dict[str, Page], page_id: str) -> None:
    page = pages[page_id]
    assert _kind_of(page, _file_line(page, HEADER_DATE_LINE[page_id])) == RegionKind.HEADER


@pytest.mark.parametrize("page_id", sorted(HTML_HEADER_DATE))
def test_masthead_date_line_of_html_page_is_header(pages: dict[str, Page], page_id: str) -> None:
    assert _kind_of(pages[page_id], HTML_HEADER_DATE[page_id]) == RegionKind.HEADER


@pytest.mark.parametrize("page_id", ["bn-seed-000", "bn-seed-001", "bn-seed-002"])
def test_page_without_masthead_date_has_no_header(pages: dict[str, Page], page_id: str) -> None:
    assert pages[page_id].regions_of(RegionKind.HEADER) == []


@pytest.mark.parametrize(
    ("page_id", "snippet"),
    [
        ("bn-seed-003", "নভেম্বর ২, ২০২৪ ১০:১৯ অপরাহ্ণ"),
        ("bn-seed-003", "Paris"),
        ("doc-006", "बीजिंग, एजेंसी | अपडेटेड: 17 जुलाई 2025, 09:40 AM IST"),
        ("doc-019", "2025-07-15 19:32:08 来源：东方时报网"),
        ("doc-028", "প্রকাশ: ১৩ নভেম্বর ২০২৪, ১১:৪০ পূর্বাহ্ণ"),
        ("doc-007", "By Eurasia Wire staff"),
        ("doc-013", "By Mei Lin Ong | Published 15 Jul 2025, 6:02pm"),
        ("doc-015", "12 июля 2025, 14:25  |  Автор: Игорь Малахов"),
        ("doc-021", "Marta Lois · Ourense · 22/07/2025 13:40"),
    ],
)
def test_byline_and_timestamp_are_dateline(
    pages: dict[str, Page], page_id: str, snippet: str
) -> None:
    assert _kind_of(pages[page_id], snippet) == RegionKind.DATELINE


@pytest.mark.parametrize(
    ("page_id", "marker", "count"),
    [
        ("bn-seed-004", "Related articles", 9),  # headlines with their teaser paragraphs
        ("doc-006", "ये भी पढ़ें", 6),
        ("doc-013", "More stories", 6),
        ("doc-019", "相关新闻", 5),
        ("doc-023", "Читайте также", 5),
        ("doc-005", "Te puede interesar", 6),
        ("doc-009", "এ সম্পর্কিত আরও পড়ুন", 6),
        ("doc-011", "MORE FROM THE GLOBAL COURIER", 6),
    ],
)
def test_related_headline_lists_are_boilerplate(
    pages: dict[str, Page], page_id: str, marker: str, count: int
) -> None:
    assert _kinds_of_lines(pages[page_id], marker, count) == [RegionKind.BOILERPLATE] * count


def test_unmarked_related_list_after_the_article_is_boilerplate(pages: dict[str, Page]) -> None:
    page = pages["bn-seed-001"]
    assert _kind_of(page, "গাজায় ইসরায়েলি হামলায় নিহত আরও ৯৪ ফিলিস্তিনি") == RegionKind.BOILERPLATE
    assert _kind_of(page, "এমএসএম / এমএসএম") == RegionKind.BOILERPLATE


@pytest.mark.parametrize(
    ("page_id", "snippet"),
    [
        ("bn-seed-000", "NO COMMENTS"),
        ("bn-seed-000", "Home বিশ্ব"),
        ("bn-seed-003", "1. অন্যান্য"),
        ("bn-seed-004", "Share post:"),
        ("doc-009", "মন্তব্য করুন"),
        ("doc-016", "टिप्पणियां (0)"),
        ("doc-019", "【责任编辑：陈思远】"),
        ("doc-019", "网友评论"),
        ("doc-007", "© 2024 Eurasia Wire Media Ltd."),
        ("doc-006", "टैग: शी जिनपिंग"),
        ("doc-013", "Share: X Facebook"),
        ("doc-020", "Home › World › Asia"),
        ("doc-015", "Главная   Политика"),
    ],
)
def test_furniture_is_boilerplate(pages: dict[str, Page], page_id: str, snippet: str) -> None:
    assert _kind_of(pages[page_id], snippet) == RegionKind.BOILERPLATE


@pytest.mark.parametrize(
    ("page_id", "snippet"),
    [
        ("bn-seed-001", "সাক্ষাতে লাভরভ বলেন"),
        ("bn-seed-001", "সূত্র: অনুপমা-আলিম-ছাই"),
        ("bn-seed-003", "সূত্র: বাংলাদেশ প্রতিদিন"),
        ("bn-seed-004", "উল্লেখ্য, গত ২১ ডিসেম্বর"),
        ("doc-019", "王毅参加会见。"),
        ("doc-019", "当天上午，习近平还集体会见了"),
        ("doc-014", "The Alaska-Aleutian subduction zone"),
        ("doc-024", "Iraq has a long record of deadly fires"),
        ("doc-013", "President Si Jinping receives Russian Foreign Minister"),  # figcaption
        ("doc-013", "Chinese leader receives Russia's top diplomat"),  # standfirst
        ("doc-005", "La región forma parte del llamado Cinturón de Fuego"),
        ("doc-010", "Механизм консультаций по стратегической безопасности"),
        ("doc-016", "विदेश मंत्रालय ने कहा है कि"),
        ("doc-026", "访华期间，绍伊古还同"),
    ],
)
def test_article_paragraphs_are_body(pages: dict[str, Page], page_id: str, snippet: str) -> None:
    assert _kind_of(pages[page_id], snippet) == RegionKind.BODY


def test_no_long_paragraph_before_the_first_marker_is_boilerplate(dev: Loaded) -> None:
    """A sentence of 25+ words above every related/comment marker is article text."""
    markers = re.compile(r"Related|ये भी|আরও|相关|Читайте|MORE|READ NEXT|RELATED|Te puede|Lo más")
    for page in dev.pages:
        end = markers.search(page.text)
        for line in page.text[: end.start() if end else len(page.text)].split("\n"):
            if len(line.split()) >= 25 and line.rstrip().endswith((".", "।", "。")):
                assert _kind_of(page, line) != RegionKind.BOILERPLATE, (page.id, line[:40])


def test_html_text_keeps_captions_and_drops_image_alt_and_head(pages: dict[str, Page]) -> None:
    page = pages["doc-013"]
    assert "Si Jinping and Sergei Lavrov shake hands" not in page.text  # <img alt>
    assert "| The Asia Ledger" not in page.text  # <title>
    assert "Photo: handout" in page.text
    assert len(page.raw_lines) == page.text.count("\n") + 1
