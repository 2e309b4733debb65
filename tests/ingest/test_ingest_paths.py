"""Paths a hostile or careless crawl holds: nothing outside the dataset is read, nothing hangs."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from reconciler.ingest import IngestSettings, load

DEV_DOCS = Path(__file__).resolve().parents[1] / "data" / "dev" / "docs"
SECRET = "Secret line outside the dataset: it must never become a page."


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text(SECRET + "\n" + SECRET, "utf-8")
    return folder


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "set"
    (folder / "docs").mkdir(parents=True)
    shutil.copy(DEV_DOCS / "doc-007.txt", folder / "docs" / "good.txt")
    return folder


def _manifest(dataset: Path, *paths: str) -> None:
    lines = [json.dumps({"id": f"p{n}", "path": path}) for n, path in enumerate(paths)]
    (dataset / "manifest.jsonl").write_text("\n".join(lines) + "\n", "utf-8")


def _texts(loaded) -> str:
    return "\n".join(page.text for page in loaded.pages)


@pytest.mark.parametrize(
    "escape",
    ["../../outside/secret.txt", "ABSOLUTE", "../" * 30 + "etc/passwd", "docs/../../../outside"],
)
def test_manifest_paths_cannot_leave_the_dataset(dataset: Path, outside: Path, escape: str) -> None:
    escape = str(outside / "secret.txt") if escape == "ABSOLUTE" else escape
    _manifest(dataset, "docs/good.txt", escape)
    loaded = load([dataset])
    assert [page.id for page in loaded.pages] == ["p0"]
    assert SECRET not in _texts(loaded) and "root:" not in _texts(loaded)
    assert len(loaded.errors) == 1 and "\n" not in str(loaded.errors[0])


def test_link_in_docs_pointing_outside_is_refused(dataset: Path, outside: Path) -> None:
    (dataset / "docs" / "linked.txt").symlink_to(outside / "secret.txt")
    _manifest(dataset, "docs/good.txt", "docs/linked.txt")
    loaded = load([dataset])
    assert SECRET not in _texts(loaded)
    assert ["outside" in error.message for error in loaded.errors] == [True]


def test_link_in_a_folder_pointing_outside_is_refused(dataset: Path, outside: Path) -> None:
    docs = dataset / "docs"
    (docs / "linked.txt").symlink_to(outside / "secret.txt")
    (docs / "linked-folder").symlink_to(outside)
    loaded = load([docs])
    assert [page.id for page in loaded.pages] == ["good"]
    assert SECRET not in _texts(loaded)
    assert len(loaded.errors) == 2


def test_a_file_the_user_names_may_be_anywhere(outside: Path) -> None:
    loaded = load([outside / "secret.txt"])
    assert [page.id for page in loaded.pages] == ["secret"]


def test_link_inside_the_folder_is_followed_once(dataset: Path) -> None:
    docs = dataset / "docs"
    (docs / "again.txt").symlink_to(docs / "good.txt")
    loaded = load([docs])
    assert len(loaded.pages) == 1
    assert len(loaded.errors) == 1 and "read once" in loaded.errors[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_and_device_are_refused_without_hanging(dataset: Path) -> None:
    docs = dataset / "docs"
    os.mkfifo(docs / "pipe.txt")
    (docs / "zero.txt").symlink_to("/dev/zero")
    loaded = load([docs, docs / "pipe.txt", Path("/dev/zero")])
    assert [page.id for page in loaded.pages] == ["good"]
    # pipe.txt twice (in the folder, and named); zero.txt (a link outside); /dev/zero named.
    assert len(loaded.errors) == 4
    assert all("\n" not in str(error) for error in loaded.errors)


def test_link_loops_end_and_are_reported_once(dataset: Path) -> None:
    docs = dataset / "docs"
    (docs / "self-a").symlink_to(".")
    (docs / "self-b").symlink_to(".")
    (docs / "sub").mkdir()
    (docs / "sub" / "up").symlink_to("..")
    (docs / "knot.txt").symlink_to(docs / "knot.txt")
    loaded = load([docs])
    assert [page.id for page in loaded.pages] == ["good"]
    loops = [error for error in loaded.errors if "folder loop" in error.message]
    assert len(loops) == 3
    assert len(loaded.errors) == 4  # and the link to itself


def test_pages_missing_from_the_manifest_are_reported(dataset: Path) -> None:
    shutil.copy(DEV_DOCS / "doc-016.txt", dataset / "docs" / "unlisted.txt")
    _manifest(dataset, "docs/good.txt")
    loaded = load([dataset])
    assert [page.id for page in loaded.pages] == ["p0"]
    assert [Path(error.source).name for error in loaded.errors] == ["unlisted.txt"]
    assert "not listed" in loaded.errors[0].message


def test_wget_mirror_pages_get_ids_by_relative_path(tmp_path: Path) -> None:
    for site in ("a.example", "b.example"):
        (tmp_path / site / "news").mkdir(parents=True)
        shutil.copy(DEV_DOCS / "doc-013.html", tmp_path / site / "news" / "index.html")
    shutil.copy(DEV_DOCS / "doc-007.txt", tmp_path / "story.txt")
    loaded = load([tmp_path])
    assert loaded.errors == ()
    assert [page.id for page in loaded.pages] == [
        "a.example/news/index",
        "b.example/news/index",
        "story",
    ]


def test_saved_complete_page_assets_are_skipped(tmp_path: Path) -> None:
    shutil.copy(DEV_DOCS / "doc-013.html", tmp_path / "Article.html")
    (tmp_path / "Article_files").mkdir()
    (tmp_path / "Article_files" / "ad-frame.html").write_text(
        "<html><body><p>Buy now, the best offer of the week for you</p></body></html>", "utf-8"
    )
    loaded = load([tmp_path])
    assert [page.id for page in loaded.pages] == ["Article"]


def test_a_folder_named_like_assets_without_its_page_is_read(tmp_path: Path) -> None:
    (tmp_path / "press_files").mkdir()
    shutil.copy(DEV_DOCS / "doc-007.txt", tmp_path / "press_files" / "story.txt")
    assert [page.id for page in load([tmp_path]).pages] == ["story"]


def test_page_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("A sentence that repeats and repeats.\n" * 2000, "utf-8")
    loaded = load([big], settings=IngestSettings(max_page_bytes=50_000))
    assert loaded.pages == ()
    assert "max_page_bytes" in loaded.errors[0].message


def test_visible_text_over_the_limit_is_cut_at_a_line_break(tmp_path: Path) -> None:
    long = tmp_path / "long.txt"
    paragraph = (DEV_DOCS / "doc-007.txt").read_text("utf-8")
    long.write_text(paragraph * 20, "utf-8")
    limit = len(paragraph) * 3 + 10
    page = load([long], settings=IngestSettings(max_text_chars=limit)).pages[0]
    assert len(paragraph) * 2 < len(page.text) <= limit
    assert (paragraph * 20).startswith(page.text + "\n")
    assert page.regions[-1].end == len(page.text)


def test_url_list_is_refused_in_one_line(tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("https://news.example/a\nhttp://news.example/b?x=1\n\nhttps://x.example/\n")
    loaded = load([urls])
    assert loaded.pages == ()
    assert "does not fetch" in loaded.errors[0].message
