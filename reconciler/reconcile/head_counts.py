"""Which number claims count the participants of an event (ministers, leaders, delegations,
countries): the participants rule compares those, and the numbers rule leaves them alone so
that one disagreement is reported once."""

from __future__ import annotations

import re

from reconciler.records import Claim, Page

# Participant roles and the starts of the nouns naming them (lower case), in en, es, fr, de,
# ru, hi, bn, ar, ur, fa, ne and zh. A noun matches a role when it begins with one of them
# (Han text: contains one). Order matters: "পররাষ্ট্রমন্ত্রী" is a minister before a country,
# "प्रतिनिधिमंडल" a delegation before a delegate.
HEAD_COUNT_ROLES: dict[str, tuple[str, ...]] = {
    "ministers": (
        "minister",
        "ministr",
        "canciller",
        "außenminister",
        "министр",
        "मंत्र",
        "मन्त्री",
        "মন্ত্রী",
        "পররাষ্ট্রমন্ত্রী",
        "وزير",
        "وزراء",
        "وزیر",
        "وزرا",
        "部长",
        "外长",
    ),
    "leaders": (
        "leader",
        "líder",
        "lider",
        "dirigente",
        "dirigeant",
        "staatschef",
        "regierungschef",
        "лидер",
        "глав",
        "नेता",
        "राष्ट्राध्यक्ष",
        "राष्ट्रपति",
        "নেতা",
        "রাষ্ট্রপ্রধান",
        "زعيم",
        "زعماء",
        "قادة",
        "رہنما",
        "سربراہ",
        "رهبر",
        "سران",
        "领导人",
        "元首",
    ),
    "delegations": (
        "delegation",
        "delegacion",
        "delegación",
        "délégation",
        "делегаци",
        "प्रतिनिधिमंडल",
        "प्रतिनिधिमण्डल",
        "প্রতিনিধিদল",
        "وفد",
        "وفود",
        "هیئت",
        "代表团",
    ),
    "delegates": (
        "delegate",
        "delegad",
        "délégué",
        "delegiert",
        "делегат",
        "प्रतिनिधि",
        "প্রতিনিধি",
        "مندوب",
        "نماینده",
        "代表",
    ),
    "countries": (
        "countr",
        "nation",
        "país",
        "pais",
        "pays",
        "länder",
        "staaten",
        "стран",
        "государств",
        "देश",
        "দেশ",
        "دول",
        "ملک",
        "ممالک",
        "کشور",
        "国家",
        "成员国",
    ),
}
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NEXT_WORDS = re.compile(r"\s*([^\W\d_][\w\u0900-\u0DFF\u0600-\u06FF\u200c\u200d-]*)")


def _role_of(noun: str) -> str | None:
    noun = noun.lower()
    for role, stems in HEAD_COUNT_ROLES.items():
        for stem in stems:
            if noun.startswith(stem) or (_HAN.match(stem) and stem in noun):
                return role
    return None


def head_count_role(page: Page | None, claim: Claim) -> str | None:
    """The participant role a NUMBER claim counts: its counted noun's, or else that of the
    word right after it ("two foreign ministers" counts "foreign", then "ministers")."""
    quantity = str(claim.details.get("quantity", ""))
    if not quantity.startswith("count:") or claim.details.get("ordinal"):
        return None
    if role := _role_of(quantity.removeprefix("count:")):
        return role
    if page is None:
        return None
    following = _NEXT_WORDS.match(page.text, claim.end)
    if following is None or "\n" in page.text[claim.end : following.start(1)]:
        return None
    return _role_of(following.group(1))
