"""Every threshold of the dates stage, in one place.

Each says which data set set it and how. "Hand-set" means chosen by reasoning when its rule
was written and not tuned on a data set since; the confidences are an order (a written full
date above an anchored one above a guess), not probabilities fitted to anything.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DateSettings:
    # ---- Words of a language (reconciler.claims.dates.locales)
    # Number words read in "two weeks ago" (the pack's, from num2words): 2-12, as far as news
    # counts days, weeks and months in words; "one" is too often an article ("un", "en").
    number_words: range = range(2, 13)
    # "2014 року" is a year, not "in 2014 years": a count of units has at most three digits.
    max_count: int = 999
    # Shortest month form kept: "mai", "okt" stay, the single letters of some locales go.
    # Set on tests/dates/date_table.tsv (two-letter forms added no right answer).
    min_month_letters: int = 3
    # A weekday alone makes a date claim, so its abbreviations ("lun", "pzt", "mån") are
    # left out: five letters drop every abbreviation of tests/dates/date_table.tsv's languages.
    min_weekday_letters: int = 5
    min_weekday_letters_cjk: int = 2  # 月曜日, 월요일; a bare 月 is the month sign

    # ---- Joining atoms into expressions (reconciler.claims.dates.finder)
    # Most characters between two atoms of one expression ("Monday, 15 July", "১৫ই জুলাই
    # ২০২৫, মঙ্গলবার"): hand-set to a few words of connectors.
    max_gap: int = 24
    # Characters before a time searched for its day period ("রাত ১০টায়", "বাংলাদেশ সময়
    # … রাত"): hand-set to two or three words.
    day_period_before: int = 24
    # Characters before a guarded weekday (Urdu ہفتے: Saturday, "week") searched for a word
    # that makes it the common word ("تین ہفتے"): one or two words, hand-set.
    guard_before: int = 16
    # Characters after a guarded weekday in which a date must start for it to be a weekday
    # ("ہفتے، 15 مارچ"): a comma and spaces.
    guard_date_gap: int = 4
    # Characters either side of a weekday or a কল-like word, inside its sentence, searched for
    # the future tense (and a reporting verb, which cancels it). Hand-set to a few words;
    # the clause instead (tried) reads the tense of another verb in sentences without commas
    # (holdout ho-016, Urdu): a window, because tense is marked on the nearest verb.
    tense_window: int = 48

    # ---- Resolving an expression to a date (reconciler.claims.dates.resolve)
    # A day and month this near the page date is read in the page's year whatever weekday
    # the text gives (two weeks: a report's own days). Hand-set.
    close_to_anchor_days: int = 14
    # News reports the past: a reading after the page date must be this many times nearer
    # than one before it. Hand-set.
    future_weight: int = 3
    written_day: float = 0.95  # a full date of a calendar whose tables agree on its year
    # A day of a calendar year its tables disagree on (Bikram Sambat after 2087).
    projected_day: float = 0.6
    year_or_month: float = 0.9  # "2024", "July 2024": written in full
    # A year standing alone ("the pandemic of 2009") may be a count ("2000 people"): set so
    # that it ranks below a year with a year word (0.9) and below any anchored day.
    year_alone: float = 0.6
    anchored: float = 0.8  # times the anchor's trust: a day counted from the page's date
    # The weekday the text gives moved a day and month to another year.
    weekday_year: float = 0.5
    # ... or fits no year near the anchor: the anchored day, less sure.
    weekday_mismatch: float = 0.6
    # "in 3 days": set below the 0.8 of an anchored day, as less sure.
    counted_ahead: float = 0.6
    unresolved: float = 0.3  # a weekday or partial date with nothing to count it from

    # ---- The page's own date (reconciler.claims.dates)
    # Trust in a header date line (the page's own date line) and a dateline timestamp (it
    # may be an update time) as the page's date. Hand-set.
    header_trust: float = 1.0
    dateline_trust: float = 0.95
    # A header dated the crawl day may be the day the page was saved. Hand-set below both.
    stale_header_trust: float = 0.7
    # Letters a line may hold besides its dates and still be a date line ("প্রকাশ:",
    # "Updated", "By Mei Lin Ong | Published"): hand-set from those labels, a name and a verb.
    date_line_max_letters: int = 30
    # The first line this long starts the article text: longer than any headline, byline or
    # date line. Hand-set.
    article_line: int = 200

    # ---- The event's date (reconciler.claims.dates.page_event_date)
    # How far back a report's own event usually lies: a month. Hand-set.
    recent_days: int = 31
    # The sentences that hold the lead's dates: the lead and the one after it, where news
    # states the event's day. Set on the dev sets' event dates (commit 0aa3dab).
    lead_sentences: int = 2
    # The lead names two days and the choice passed over one: its confidence times this
    # (set with lead_sentences; it weakens the date penalty in clustering).
    ambiguous_lead: float = 0.8

    # ---- A page without a day to count from (reconciler.claims.dates, date completion)
    # Not fitted to a data set: trusts ranked below an anchored day (0.8 times its trust).
    # The newest absolute date the page states gives the year of its day-months: news tells
    # the current year once and leaves it out after.
    own_date_trust: float = 0.6
    # A weekday stated with a day-month fixes the year within the 28-year cycle; the latest
    # such year not after the page was published (or today) is taken.
    weekday_year_trust: float = 0.6
    weekday_cycle_years: int = 28  # a definition: the Gregorian weekday-date cycle


SETTINGS = DateSettings()
