"""Limits and choices of the ingest stage, in one place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestSettings:
    # A page file (or one record of a JSONL/CSV/Parquet/WARC collection) larger than this is
    # refused unread. Set from what crawls hold: a news article's HTML with inline scripts and
    # styles runs 0.1–3 MB; the dev sets' pages are all under 10 kB. 16 MB leaves room for the
    # heaviest real page while a 60 MB dump or /dev/zero is refused at once.
    max_page_bytes: int = 16 * 1024 * 1024
    # A JSON array or CSV file is parsed whole (JSONL, Parquet and WARC are streamed): past this
    # size it is refused, as its parse would need several times as much memory. 256 MB is some
    # thousands of pages; a larger crawl belongs in JSONL, Parquet or WARC.
    max_collection_bytes: int = 256 * 1024 * 1024
    # Visible text longer than this is cut at the last line break before it (with a warning).
    # The longest article in the dev sets is 7 k characters and a long read runs 30–60 k, so
    # 100 k cuts only dumps and feeds. Set by bench/big_page.py: at 300 k characters the claim
    # extractors took 22 s on a 2 MB page (2 shared cores); the cost grows with the length.
    max_text_chars: int = 100_000
    # How far into an HTML page a <meta charset> or XML declaration is looked for: the HTML
    # standard's prescan reads the first 1024 bytes; pages with long <head> comments push the
    # declaration further, so 4 kB.
    charset_prescan_bytes: int = 4096
    # UTF-8 with broken sequences is read as UTF-8 (those replaced by U+FFFD) while at most
    # this share of its non-ASCII characters is broken; text in a legacy encoding, where nearly
    # every non-ASCII byte is invalid UTF-8, goes on to detection. 5%: a page cut mid-character
    # or with a stray encoded surrogate is far below it, cp1252 French or German near 100%.
    # Text with a BOM may have this share of all its characters broken.
    max_broken_utf8_share: float = 0.05
    # A decoded text with more control characters than this share is binary, not text.
    max_control_share: float = 0.02
    # charset-normalizer's "chaos" (0: clean text, 1: noise) above which a detected encoding is
    # not trusted and the page is refused as undecodable. 0.2 is the library's own default
    # threshold; the encodings tests (tests/ingest/test_ingest_encodings.py) all decode below.
    max_detection_chaos: float = 0.2
    # Legacy Bengali font text (Bijoy/SutonnyMJ ASCII): the share of its words that, read
    # through the font's table, are Bengali words, above which the page is recognised as such.
    # Set on the dev sets: their English pages (tests/data/dev, real-dev) score at most 0.27,
    # because short junk tokens are in wordfreq's Bengali list; Bijoy sentences written for
    # tests/ingest score 0.67–1.0.
    min_legacy_bengali_share: float = 0.5
    # ... and it is only asked of text with at least this many words (fewer decide nothing)
    # whose letters are nearly all Latin: past this share of other scripts (Unicode Bengali,
    # Cyrillic...) it is not legacy font text. Set by reasoning, not fitted: a Bijoy page has
    # no letter outside Latin-1 and the font's few cp1252 symbols.
    min_legacy_words: int = 3
    max_legacy_other_script_share: float = 0.05
    # UTF-16 without a BOM is told from binary data by its ASCII spaces and line breaks: prose
    # in every script but Chinese and Japanese has one every 20 characters or so, binary data
    # read as UTF-16 almost never. One in 50 tells them apart (tests/ingest: Bengali, English,
    # Russian pages in both byte orders; the PNG and random-byte files stay binary).
    min_utf16_blank_share: float = 0.02


DEFAULT_SETTINGS = IngestSettings()
