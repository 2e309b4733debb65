"""Property-based fuzzing of the readers, the decoder, the page builder and the neutralisers:
whatever the input, one page or one one-line error, and valid Unicode out."""

from __future__ import annotations

import contextlib
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reconciler import neutralize
from reconciler.ingest import load
from reconciler.ingest.decode import DecodeError, decode
from reconciler.records import Page, PageError
from tests.fuzz.strategies import markup, nasty_text

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "cp1251", "gb18030", "shift_jis", "cp1256")
_COMMAND_LINE = re.compile(r"^\s*(::|##\[)", re.MULTILINE)


def _valid_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def _check_page(page: Page) -> None:
    assert _valid_unicode(page.text) and _valid_unicode(page.id)
    assert page.regions and page.regions[0].start == 0 and page.regions[-1].end == len(page.text)
    for before, after in zip(page.regions, page.regions[1:], strict=False):
        assert before.end == after.start


def _check_error(error: PageError) -> None:
    assert "\n" not in error.message and error.message.strip()
    assert _valid_unicode(error.message)


@given(st.binary(max_size=3000))
def test_decode_gives_valid_text_or_a_one_line_error(data: bytes) -> None:
    try:
        text = decode(data, origin="fuzz", markup=True)
    except DecodeError as error:
        assert "\n" not in str(error)
        return
    assert _valid_unicode(text)


@given(nasty_text, st.sampled_from(ENCODINGS))
def test_encoded_text_decodes_without_raising(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace") if "\ud800" not in text else b""
    with contextlib.suppress(DecodeError):
        assert _valid_unicode(decode(data, origin="fuzz"))


@given(st.lists(st.one_of(nasty_text, markup), min_size=1, max_size=6), st.booleans())
def test_records_become_pages_or_one_error_each(contents: list[str], as_html: bool) -> None:
    key = "html" if as_html else "text"
    records = [{"id": content[:20] or "x", key: content} for content in contents]
    loaded = load(records)
    assert len(loaded.pages) + len(loaded.errors) == len(records)
    for page in loaded.pages:
        _check_page(page)
    for error in loaded.errors:
        _check_error(error)


@given(
    st.lists(
        st.one_of(
            st.binary(max_size=200), nasty_text.map(lambda text: text.encode("utf-8", "replace"))
        ),
        max_size=8,
    )
)
def test_jsonl_lines_are_independent(raw_lines: list[bytes]) -> None:
    good = json.dumps({"id": "good", "text": "A plain sentence that is long enough to read."})
    lines = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in raw_lines]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pages.jsonl"
        path.write_bytes(b"\n".join([*lines, good.encode()]) + b"\n")
        loaded = load([path])
    assert [page.id for page in loaded.pages][-1:] == ["good"]
    for error in loaded.errors:
        _check_error(error)


@given(st.binary(max_size=2000))
def test_csv_and_json_bytes_never_raise(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        csv_path, json_path = Path(folder) / "pages.csv", Path(folder) / "pages.json"
        csv_path.write_bytes(b"id,text\n" + data)
        json_path.write_bytes(data)
        loaded = load([csv_path, json_path])
    for error in loaded.errors:
        _check_error(error)


@given(nasty_text)
def test_neutralisers_leave_nothing_dangerous(text: str) -> None:
    terminal = neutralize.terminal(text)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", terminal)
    assert neutralize.terminal(terminal) == terminal
    field = neutralize.log_field(text)
    assert len(field.splitlines()) <= 1 and not _COMMAND_LINE.search(field)
    commands = neutralize.workflow_commands(text)
    assert not _COMMAND_LINE.search(commands)
    assert neutralize.workflow_commands(commands) == commands
    element = ET.Element("case", name=neutralize.xml_text(text))
    element.text = neutralize.xml_text(text)
    ET.fromstring(ET.tostring(element, encoding="unicode"))
    assert "@" not in re.sub(
        r"@\u200b|(?<=\w)@|@(?![A-Za-z0-9])", "", neutralize.markdown_mentions(text)
    )
