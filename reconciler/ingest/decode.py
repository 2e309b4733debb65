"""Bytes to valid Unicode text, in the order a browser decides: BOM, declared charset, detection.

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. the charset the page declares: the HTTP ``Content-Type`` (WARC records), ``<meta charset>``,
   ``<meta http-equiv="Content-Type">`` or the XML declaration, read as the HTML standard reads
   labels (``iso-8859-1`` and ``ascii`` mean windows-1252);
3. UTF-8, then UTF-16 without a BOM (told by its NUL bytes), then charset-normalizer for the
   legacy encodings crawls hold (cp1251, GBK/GB18030, Shift-JIS, EUC-KR, Big5, cp1256,
   ISO-8859-x, KOI8-R...).

Whatever the source, the text is then made safe for every later stage (``clean``): lone
surrogates replaced, NULs dropped. Mojibake (UTF-8 read as a legacy encoding somewhere upstream)
is repaired with ftfy (``repair_mojibake``, on the visible text).
"""

from __future__ import annotations

import codecs
import logging
import re

import charset_normalizer
import ftfy
from ftfy import badness

from reconciler.ingest.settings import DEFAULT_SETTINGS, IngestSettings

log = logging.getLogger("reconciler.ingest")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""", re.I)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.I)
# The HTML standard's label rules that differ from Python's codec names.
_WHATWG_LABELS = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "euc-kr": "cp949",
    "big5": "big5hkscs",
    "tis-620": "cp874",
}
# A meta tag can only be read if the bytes are ASCII-compatible: a UTF-16 label there is wrong.
_IGNORED_DECLARATIONS = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # all C0 controls but \t \n \f \r
_SURROGATE = re.compile("[\ud800-\udfff]")
_REPLACEMENT = "\ufffd"


class DecodeError(ValueError):
    """Bytes that are not text in any encoding we read; the message says what they are."""


def decode(
    data: bytes,
    *,
    origin: str,
    declared: str | None = None,
    markup: bool = False,
    settings: IngestSettings = DEFAULT_SETTINGS,
) -> str:
    """The text of ``data``; ``DecodeError`` (one line) when it is not text.

    ``origin`` names the file in warnings; ``declared`` is a charset from outside the file (an
    HTTP header); ``markup`` says the file may declare its own charset in a <meta> tag or XML
    declaration.
    """
    text = _decode_bytes(data, origin=origin, declared=declared, markup=markup, settings=settings)
    return refuse_binary(clean(text), settings)


def refuse_binary(text: str, settings: IngestSettings = DEFAULT_SETTINGS) -> str:
    """``text`` itself; ``DecodeError`` when its control characters say it is binary data."""
    control = len(_CONTROL.findall(text))
    if text and control / len(text) > settings.max_control_share:
        raise DecodeError("binary file (control characters in the text)")
    return text


def repair_mojibake(text: str, *, origin: str) -> str:
    """``text`` with mojibake (UTF-8 decoded as a legacy encoding upstream) repaired by ftfy;
    a warning either way, so that it never passes silently. Called on the visible text, after
    any cut: ftfy reads every character, 0.5 s a megabyte."""
    if text.isascii() or not badness.is_bad(text):
        return text
    repaired = ftfy.fix_encoding(text)
    if repaired != text:
        log.warning("%s: repaired mojibake (UTF-8 decoded as a legacy encoding)", origin)
    else:
        log.warning("%s: text looks like mojibake that could not be repaired", origin)
    return repaired


def clean(text: str) -> str:
    """``text`` as valid Unicode for every stage: lone surrogates replaced, NULs dropped."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    return _SURROGATE.sub(_REPLACEMENT, text)


def _decode_bytes(
    data: bytes, *, origin: str, declared: str | None, markup: bool, settings: IngestSettings
) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _by_bom(data[len(bom) :], encoding, origin, settings)
    head = data[: settings.charset_prescan_bytes]
    label = _http_charset(declared) or (_declared_in(head) if markup else None)
    codec = _codec(label) if label else None
    if codec is not None:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            log.info("%s: declared charset %s does not decode; detecting", origin, label)
    nuls = data.count(0)
    if nuls:
        utf16 = _utf16_without_bom(data, settings)
        if utf16 is not None:
            return utf16
        if nuls > len(data) * settings.max_control_share:
            raise DecodeError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")  # a stray NUL in it is dropped by clean()
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data, origin, settings)
    if damaged is not None:
        return damaged
    if nuls:
        raise DecodeError("binary file (contains NUL bytes)")
    return _detected(data, settings)


def _by_bom(data: bytes, encoding: str, origin: str, settings: IngestSettings) -> str:
    """The text in the encoding its BOM names; a few broken sequences (a lone surrogate, a cut
    last character) replaced by U+FFFD, many refused."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        text = data.decode(encoding, errors="replace")
        broken = text.count(_REPLACEMENT)
        if broken > len(text) * settings.max_broken_utf8_share:
            raise DecodeError(
                f"not valid {encoding}, as its byte-order mark says ({error.reason})"
            ) from error
        log.warning("%s: %d broken %s sequences replaced by U+FFFD", origin, broken, encoding)
        return text


def _http_charset(content_type: str | None) -> str | None:
    match = _HTTP_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def _declared_in(head: bytes) -> str | None:
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec(label: str) -> str | None:
    """Python's codec for a charset label, or None for a label no codec knows."""
    name = label.strip().lower()
    if name in _IGNORED_DECLARATIONS:
        return "utf-8"
    name = _WHATWG_LABELS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes, settings: IngestSettings) -> str | None:
    """The text of UTF-16 bytes without a BOM: of the two byte orders, the one whose text has
    ASCII spaces and line breaks (read in the wrong order they become U+2000 and U+0A00)."""
    if len(data) < 4 or len(data) % 2:
        return None
    best: tuple[int, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        blanks = text.count(" ") + text.count("\n")
        enough = blanks >= len(text) * settings.min_utf16_blank_share
        if enough and (best is None or blanks > best[0]):
            best = blanks, text
    return best[1] if best else None


def _damaged_utf8(data: bytes, origin: str, settings: IngestSettings) -> str | None:
    """UTF-8 with a few broken sequences (a page cut mid-character, an encoded surrogate), its
    broken bytes replaced; None when too many of its non-ASCII characters are broken, as in a
    legacy encoding, where nearly all are."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count(_REPLACEMENT)
    non_ascii = sum(1 for char in text if ord(char) > 0x7F)
    if broken > non_ascii * settings.max_broken_utf8_share:
        return None
    log.warning("%s: %d broken UTF-8 sequences replaced by U+FFFD", origin, broken)
    return text


def _detected(data: bytes, settings: IngestSettings) -> str:
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.chaos > settings.max_detection_chaos:
        raise DecodeError("cannot decode: no BOM, no declared charset, and no encoding fits")
    log.info("detected encoding %s (chaos %.2f)", best.encoding, best.chaos)
    return str(best)
