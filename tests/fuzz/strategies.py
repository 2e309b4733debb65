"""What hostile crawls are made of, as hypothesis strategies."""

from __future__ import annotations

from hypothesis import strategies as st

# Characters that break things: controls, escapes, bidi overrides, surrogates, NUL, line
# separators, BOMs, combining marks, and letters of the scripts the pages are in.
NASTY_CHARACTERS = (
    "\x00\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\u2028\u2029\u202e\u2066\ufeff\ufffe\ufffd"
    "\ud800\udfff\u0301\u200b\u200c\u200d:#@[]<>&%\"'`\\|/\n\r\t "
    "আমিবাংলা।हिंदीЖЯعربیفارسی中文日本語한국어Avwg†‡"
)
nasty_text = st.text(
    alphabet=st.one_of(st.sampled_from(NASTY_CHARACTERS), st.characters()), max_size=400
)
MARKUP_PIECES = (
    "<html>",
    "<body>",
    "<p>",
    "</p>",
    "<h1>",
    "</h1>",
    "<div class='comments'>",
    "</div>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<meta charset='koi8-r'>",
    "<?xml version='1.0' encoding='shift_jis'?>",
    "<br>",
    "<table><tr><td>",
    "&amp;",
    "&#0;",
    "&#xd800;",
    "<![CDATA[",
    "<time datetime='2024-11-01'>",
)
markup = st.lists(st.one_of(st.sampled_from(MARKUP_PIECES), nasty_text), max_size=30).map("".join)
