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
    # Words of a page read to decide whether it is legacy font text: enough to decide, and
    # a bound on the cost of a long page. Hand-set, not tuned.
    legacy_sample_words: int = 200
    # ... and characters per word allowed for them (a bound on the slice read, not tuned).
    legacy_sample_chars_per_word: int = 12
    # Parquet rows held in memory at once; a row may hold a whole page. A memory bound.
    parquet_batch_rows: int = 64
    # WARC records end with a blank line pair; a writer may pad a little more, never a
    # record's worth: more unread bytes than this at the end is a file cut short. Hand-set.
    warc_trailing_bytes: int = 64


DEFAULT_SETTINGS = IngestSettings()


@dataclass(frozen=True)
class LayoutSettings:
    """How the lines of a page are told apart (ingest.regions, ingest.lines). Hand-set from
    what news pages look like, then checked on the dev sets' regions
    (tests/ingest/test_ingest_dev_regions.py), not fitted to them."""

    # A first paragraph is a sentence at least this long (in words; two CJK characters
    # count as one).
    body_start_words: int = 12
    # Longer than any headline, whatever its last character.
    long_line_words: int = 25
    # A place name or a desk name on a line of its own.
    short_label_words: int = 3
    # Non-blank lines searched above the body for the headline.
    headline_lookback: int = 8
    # Month and weekday forms this short ("mo", "Lu") are ordinary words too.
    min_date_word: int = 3


LAYOUT = LayoutSettings()
