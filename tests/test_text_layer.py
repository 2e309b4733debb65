"""The text layer: one splitter, digits normalised with offsets kept, script runs."""

from __future__ import annotations

from reconciler.text import (
    CLAUSE_BREAK,
    SENTENCE_BREAK,
    analyse,
    ascii_digits,
    enclosing,
    sentence_spans,
)


def _sentences(text: str) -> list[str]:
    return [text[start:end].strip() for start, end in sentence_spans(text)]


def test_full_stops_after_initials_ordinals_and_before_lower_case_do_not_split() -> None:
    text = "U.S. officials met on 15. Juli in Bonn. They left at approx. five. Ende"
    assert _sentences(text) == [
        "U.S. officials met on 15. Juli in Bonn.",
        "They left at approx. five.",
        "Ende",
    ]


def test_every_scripts_sentence_marks_split() -> None:
    text = "তিনি এসেছেন। वे आए। 他来了。他走了！ وہ آئے۔ Really? Yes!"
    assert len(_sentences(text)) == 7


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = 'He said "we will go." Then he left.'
    assert _sentences(text)[0] == 'He said "we will go."'


def test_native_digits_become_ascii_with_offsets_kept() -> None:
    text = "১২ জন, ४५ लोग, ٣٠ شخصا, ۱۴۰۳, ３ 人"
    normalised = ascii_digits(text)
    assert len(normalised) == len(text)
    assert normalised == "12 জন, 45 लोग, 30 شخصا, 1403, 3 人"


def test_layer_has_tokens_with_offsets_and_script_runs() -> None:
    layer = analyse("Putin met মোদী in ১২ cities.")
    assert [token.text for token in layer.tokens] == ["Putin", "met", "মোদী", "in", "১২", "cities"]
    assert all(layer.text[t.start : t.end] == t.text for t in layer.tokens)
    assert [run.script for run in layer.script_runs] == ["latin", "bengali", "latin"]
    assert layer.digits[layer.tokens[4].start : layer.tokens[4].end] == "12"
    assert not layer.unspaced
    assert analyse("习近平在北京会见了普京。").unspaced


def test_sentence_and_clause_around_an_offset() -> None:
    text = "First one. Second, with a clause; and more. Third"
    layer = analyse(text)
    offset = text.index("clause")
    sentence = layer.sentence_at(offset)
    assert text[sentence.start : sentence.end].strip() == "Second, with a clause; and more."
    start, end = enclosing(CLAUSE_BREAK, text, offset, offset)
    assert text[start:end].strip() == "with a clause"


def test_the_sentence_around_a_find_starts_after_the_break_just_before_it() -> None:
    text = 'Rescue teams arrived. "We are with you," the minister wrote. More followed.'
    quote = text.index('"We')
    # the break after "arrived." counts even though what makes it a break follows the find
    assert enclosing(SENTENCE_BREAK, text, quote, quote + 3) == (
        text.index(' "We'),
        text.index("wrote.") + len("wrote"),
    )
    assert enclosing(SENTENCE_BREAK, text, 0, 5) == (0, text.index("arrived.") + len("arrived"))
