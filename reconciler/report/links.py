"""Where a report links a page to: its URL, else its file (with the line, where the renderer
can address one).

URLs come from the crawl and are untrusted: only http and https ones become links, so a page
cannot smuggle ``javascript:`` into a report. File paths are percent-encoded.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

_WEB_SCHEMES = frozenset({"http", "https"})


def web_url(page: Mapping[str, Any]) -> str | None:
    url = page.get("url")
    if not url or urlsplit(str(url)).scheme.lower() not in _WEB_SCHEMES:
        return None
    return str(url)


def page_href(
    page: Mapping[str, Any], line: int | None = None, *, link_base: str | None = None
) -> str | None:
    """The page's URL; else its file (``file_href``); None for neither."""
    return web_url(page) or file_href(page, line, link_base=link_base)


def file_href(
    page: Mapping[str, Any], line: int | None = None, *, link_base: str | None = None
) -> str | None:
    """The page's file: under ``link_base`` (a repository's blob URL, with a GitHub ``#L``
    line anchor) when given, else as a relative path; None for a page read from no file."""
    path = page.get("path")
    if not path:
        return None
    href = quote(Path(path).as_posix())
    if link_base:
        href = link_base.rstrip("/") + "/" + href.lstrip("/")
    return href + (f"#L{line}" if line is not None else "")


def file_uri(page: Mapping[str, Any]) -> str | None:
    """The page's URL, else its file as an absolute ``file:`` URI (for a local HTML report)."""
    if url := web_url(page):
        return url
    path = page.get("path")
    return Path(path).resolve().as_uri() if path else None
