"""Sentences written for these tests (not taken from any page), one per legacy encoding that
crawls hold."""

from __future__ import annotations

SAMPLES: dict[str, str] = {
    "cp1251": (
        "Министр иностранных дел заявил во вторник, что переговоры продолжатся на следующей "
        "неделе в столице. Делегации обсудят торговлю, энергетику и безопасность границ."
    ),
    "koi8-r": (
        "Представители двух стран встретились в среду и договорились продолжить работу над "
        "соглашением о поставках зерна до конца года."
    ),
    "gb18030": (
        "外交部长周二表示，谈判将于下周在首都继续进行。双方代表团将讨论贸易、能源和边境安全问题。"
    ),
    "gbk": (
        "两国代表周三举行会谈，同意在年底前继续就粮食供应协议开展工作。会议在友好的气氛中进行。"
    ),
    "shift_jis": (
        "外務大臣は火曜日、交渉は来週首都で続けられると述べた。両国の代表団は貿易と安全保障について協議する。"
    ),
    "euc-kr": (
        "외무장관은 화요일 협상이 다음 주 수도에서 계속될 것이라고 말했다. "
        "양국 대표단은 무역과 안보 문제를 논의할 예정이다."
    ),
    "big5": (
        "外交部長週二表示，談判將於下週在首都繼續進行。雙方代表團將討論貿易、能源和邊境安全問題。"
    ),
    "cp1256": (
        "قال وزير الخارجية يوم الثلاثاء إن المفاوضات ستستمر الأسبوع المقبل في العاصمة، وستناقش "
        "الوفود التجارة والطاقة وأمن الحدود."
    ),
    "iso-8859-2": (
        "Minister spraw zagranicznych powiedział we wtorek, że rozmowy będą kontynuowane w "
        "przyszłym tygodniu w stolicy. Delegacje omówią handel i bezpieczeństwo granic."
    ),
    "cp1252": (
        "Le ministre des Affaires étrangères a déclaré mardi que les négociations se "
        "poursuivront la semaine prochaine dans la capitale, où les délégations évoqueront "
        "le commerce, l'énergie et la sécurité des frontières."
    ),
}
