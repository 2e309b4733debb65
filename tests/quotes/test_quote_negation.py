"""Negation inside a quote, per language: what turns "remains on our agenda" into its opposite."""

from __future__ import annotations

import pytest

from reconciler.claims.quotes import is_negated

# (lang, text, negated)
CASES = [
    ("en", "The denuclearisation of the Korean peninsula remains on our agenda.", False),
    ("en", "The denuclearisation of the peninsula is no longer on our agenda.", True),
    ("en", "We will never accept these terms.", True),
    ("en", "Russia doesn't see any threat.", True),
    ("en", "No matter how complex the situation becomes, we must cooperate.", False),
    ("en", "Ties are not only strong but growing.", False),
    ("bn", "কোরীয় উপদ্বীপের পারমাণবিক নিরস্ত্রীকরণের বিষয়টি আমাদের আলোচ্যসূচিতে আর নেই।", True),
    ("bn", "পারমাণবিক নিরস্ত্রীকরণ আমাদের আলোচ্যসূচিতে রয়েছে।", False),
    ("bn", "এটি রাশিয়ার কাছে এখন আর বিবেচ্য বিষয় নয়।", True),
    ("bn", "আমরা এই শর্ত মেনে নেব না।", True),
    ("bn", "চীন কখনও এই অভিযানের নিন্দা করেনি।", True),
    ("bn", "পরিস্থিতি যত জটিল হোক না কেন, আমাদের সহযোগিতা করতে হবে।", False),
    ("bn", "তিনি বলেন, সম্পর্ক আগের চেয়ে উন্নত হয়েছে।", False),
    ("hi", "यह मुद्दा अब हमारे एजेंडे में नहीं है।", True),
    ("hi", "रूस-चीन साझेदारी पहले से कहीं बेहतर स्थिति में है।", False),
    ("ur", "یہ مسئلہ اب ہمارے ایجنڈے میں نہیں ہے۔", True),
    ("ur", "یہ مسئلہ ہمارے ایجنڈے میں شامل ہے۔", False),
    ("ne", "यो विषय अब हाम्रो कार्यसूचीमा छैन।", True),
    ("ne", "यो विषय हाम्रो कार्यसूचीमा छ।", False),
    ("ru", "Денуклеаризация больше не стоит на повестке дня.", True),
    ("ru", "Денуклеаризация остаётся на повестке дня.", False),
    (
        "ru",
        "Как бы ни менялась международная обстановка, Китай и Россия должны крепить единство.",
        False,
    ),
    ("zh", "朝鲜半岛无核化问题不再是我们的议程。", True),
    ("zh", "中俄关系发展得比以往任何时候都好。", False),
    ("zh", "面对动荡不安的世界，俄中保持沟通的重要性更加凸显，不断丰富合作内涵。", False),
    ("zh", "中方没有收到任何邀请。", True),
    ("es", "La desnuclearización ya no está en nuestra agenda.", True),
    ("es", "La desnuclearización sigue en nuestra agenda.", False),
    ("fr", "La dénucléarisation n'est plus à l'ordre du jour.", True),
    ("fr", "La dénucléarisation reste à l'ordre du jour.", False),
    ("de", "Die Denuklearisierung steht nicht mehr auf der Tagesordnung.", True),
    ("de", "Es gibt keine Alternative zu Gesprächen.", True),
    ("de", "Die Denuklearisierung bleibt auf der Tagesordnung.", False),
    ("ar", "لم يعد نزع السلاح النووي على جدول أعمالنا.", True),
    ("ar", "نزع السلاح النووي يبقى على جدول أعمالنا.", False),
]


@pytest.mark.parametrize(("lang", "text", "negated"), CASES)
def test_negation(lang: str, text: str, negated: bool) -> None:
    assert is_negated(text, lang) == negated
