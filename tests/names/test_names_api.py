"""The public names API: every script romanised, variants joined, different people apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconciler.names import display_name, same_entity
from reconciler.names.index import NameIndex
from reconciler.names.scripts import script_of

PAIRS = json.loads(
    (Path(__file__).parent.parent / "entities" / "name_pairs.json").read_text(encoding="utf-8")
)["pairs"]


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("ジョー・バイデン", "kana"),
        ("ஜோ பைடன்", "tamil"),
        ("జో బైడెన్", "telugu"),
        ("ജോ ബൈഡൻ", "malayalam"),
        ("જો બાઇડન", "gujarati"),
        ("조 바이든", "hangul"),
        ("Τζο Μπάιντεν", "greek"),
    ],
)
def test_every_script_is_read(name: str, script: str) -> None:
    assert script_of(name) == script
    shown = display_name(name)
    assert shown.replace(" ", "").replace("-", "").isascii(), shown
    assert same_entity(name, "Joe Biden"), (name, shown)


@pytest.mark.parametrize(
    ("foreign", "latin"),
    [
        ("特朗普", "Donald Trump"),
        ("唐纳德·特朗普", "Donald Trump"),
        ("普京", "Vladimir Putin"),
        ("拜登", "Joe Biden"),
        ("约翰·克里", "John Kerry"),
        ("金斯利·霍夫曼", "Kingsley Hoffman"),  # 夫 a bare f before a consonant; 金 kin
        ("吉姆·罗夫金", "Jim Rofkin"),  # 吉 gi read ji after the hanzi g → k fold
        ("汤姆森", "Thomson"),  # a Chinese surname's character opens a foreign name too
        ("阿都卡迪", "Abdul Kadir"),  # Mandarin closes no syllable with a stop (b of Abdul)
        ("汤姆·沃克", "Tom Walker"),
        ("ドナルド・トランプ", "Donald Trump"),
        ("プーチン", "Vladimir Putin"),
        ("도널드 트럼프", "Donald Trump"),
        ("دونالد ترامب", "Donald Trump"),
        ("دونالد ترامپ", "Donald Trump"),
        ("جو بايدن", "Joe Biden"),
    ],
)
def test_exonyms_join_their_latin_forms(foreign: str, latin: str) -> None:
    assert same_entity(foreign, latin)
    assert same_entity(latin, foreign)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Bill Frist", "Bill Wilson"),
        ("Jeremy Corbyn", "Jeremy Cronin"),
        ("Joe Biden", "Joe Byrne"),
        ("Скотт Брайсон", "Scott Brown"),
        ("آن جونز", "Helen Jones"),
        ("李强", "李克强"),
    ],
)
def test_near_misses_stay_apart(left: str, right: str) -> None:
    assert not same_entity(left, right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Джон Смит", "John Smith"),
        ("Майкл Джонсон", "Michael Johnson"),
        ("Крис Паттен", "Chris Patten"),
        ("سارة ويلسون", "Sarah Wilson"),
        ("蔡英文", "Tsai Ing-wen"),
        ("習近平", "习近平"),
        ("Георгій Пирванов", "Georgi Parvanov"),
    ],
)
def test_variants_the_old_matcher_missed(left: str, right: str) -> None:
    assert same_entity(left, right)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Джон Смит", "Jon Smit"),  # Дж is J
        ("Сергей Лавров", "Sergey Lavrov"),
        ("习近平", "Xi Jinping"),
        ("नरेंद्र मोदी", "Narendra Modi"),  # the inherent vowel kept after a cluster
        ("जॉश लिटिल", "Josh Litil"),  # and dropped after one consonant
        ("ジェレミー・ハント", "Jeremy Hunt"),  # katakana's epenthetic vowels dropped
        ("شريف", "Sharif"),  # ش is sh, the unwritten vowel a
    ],
)
def test_display_names_follow_english_conventions(name: str, shown: str) -> None:
    assert display_name(name) == shown


def test_latin_names_are_shown_as_written() -> None:
    assert display_name("  José   Ramos-Horta ") == "José Ramos-Horta"


def test_language_picks_the_arabic_script_convention() -> None:
    # و between consonants: Arabic u, Persian o
    assert display_name("روحاني", lang="ar") != display_name("روحاني", lang="fa")


@pytest.mark.parametrize("odd", ["", "   ", "(((", "١٢٣", "\u200d", "🙂🙂"])
def test_odd_input_never_raises(odd: str) -> None:
    assert isinstance(display_name(odd), str)
    assert same_entity(odd, "Joe Biden") is False


def test_the_index_finds_every_match_of_the_pair_set() -> None:
    names = sorted({name for left, right, _ in PAIRS for name in (left, right)})
    index: NameIndex[str] = NameIndex()
    for name in names:
        index.add(name, name)
    for left, right, _ in PAIRS:
        if same_entity(left, right):
            assert right in index.candidates([left]), (left, right)
    average = sum(len(index.candidates([name])) for name in names) / len(names)
    assert average < len(names) / 4  # far fewer comparisons than all against all


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Bob Hartley", "Robert Hartley"),  # formal and familiar given names
        ("Kate Marlowe", "Katherine Marlowe"),
        ("K. Muralidharan", "Kumar Muralidharan"),  # an initial stands for its name
        ("ஏ. ராஜா", "A. Raja"),  # an Indic initial is the letter's English name
        ("张国强", "Cheung Kwok-keung"),  # Cantonese (Hong Kong Government romanisation)
        ("陳文華", "Tan Man Wah"),  # a Southern Min surname (Singapore, Malaysia)
        ("金民洙", "Kim Min-soo"),  # a Korean name in hanja, read in Korean
        ("김민수", "金民洙"),
        ("朴志勳", "Park Ji-hoon"),
        ("ハンス・ヴァルトベルク", "Hans Waltberg"),  # katakana's ル closes a syllable
        ("அழகன் முருகன்", "Alagan Murugan"),  # Tamil ழ is written zh and l
        ("Abdul Latif Nasser", "Abdullatif Nasser"),  # one l across the joined parts
        ("பைசல் ரஹ்மான்", "Faisal Rahman"),  # Tamil writes f with ப
    ],
)
def test_spelling_conventions_of_each_script_join(left: str, right: str) -> None:
    assert same_entity(left, right)
    assert same_entity(right, left)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Jim Pollard", "Jon Pollard"),  # familiar forms only of the same name
        ("陳志明", "Chan Ming"),  # a Chinese name needs a token for each syllable
        ("K. Muralidharan", "S. Muralidharan"),
        ("金民洙", "Kim Min-ho"),
        ("阿都卡迪", "Abdul Latif"),
    ],
)
def test_conventions_keep_different_people_apart(left: str, right: str) -> None:
    assert not same_entity(left, right)


@pytest.mark.parametrize(
    ("name", "lang", "shown"),
    [
        ("محمد علي", None, "Mohammed Ali"),  # common name parts spelled the English way
        ("محمد", "fa", "Mohammad"),
        ("محمد نواز", "ur", "Muhammad Nawaz"),
        ("김민수", None, "Kim Min-su"),  # surname apart, the given name hyphenated
    ],
)
def test_display_of_common_name_parts_and_korean_names(
    name: str, lang: str | None, shown: str
) -> None:
    assert display_name(name, lang) == shown


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("Дэвид Хартли", "David"),  # an English given name in its English spelling
        ("Питер Морган", "Peter"),
        ("Сергей Лавров", "Sergey"),  # a Russian one as romanised
        ("Владимир Путин", "Vladimir"),
    ],
)
def test_given_names_in_cyrillic_take_their_english_spelling(name: str, given: str) -> None:
    assert display_name(name).split()[0] == given


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Марк Тейлор", "Mark Taylor"),  # ей renders English ay
        ("Хелен Хопкинс", "Helen Hopkins"),  # х renders English h
        ("Тімоті Гендерсон", "Timothy Henderson"),  # a final -i is -y
        ("Михаил Ходорковский", "Mikhail Khodorkovsky"),  # a Russian name keeps its kh
        ("Руслан Хасбулатов", "Ruslan Khasbulatov"),
    ],
)
def test_english_names_in_cyrillic_are_spelled_the_english_way(name: str, shown: str) -> None:
    assert display_name(name) == shown


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("توماس مولر", "Tomas"),  # و renders an English o
        ("جميل السيد", "Jamil"),  # an Arabic name keeps its own vowels
    ],
)
def test_arabic_script_renderings_of_english_vowels(name: str, shown: str) -> None:
    assert display_name(name).split()[0] == shown


def test_an_indic_initial_m_is_kept() -> None:
    assert same_entity("எம். எஸ். ராஜன்", "M. S. Rajan")  # எம். is the letter M
    assert not same_entity("எம். எஸ். ராஜன்", "K. S. Rajan")
