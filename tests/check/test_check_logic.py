"""The gate's decisions on hand-built results: reviews by conflict id, changed values,
--fail-on, --min-confidence, logs."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from reconciler import check
from reconciler.check import Decision, Review, output
from reconciler.records import (
    Claim,
    ClaimKind,
    Conflict,
    ConflictKind,
    NumberValue,
    Page,
    RegionKind,
    Result,
)

# The gate reads a claim's ``normalized``; its value only says what it counts.
_DEATHS = NumberValue(0, None, None, "exact", "deaths", "", False, "", True, False, "")


def _number(page_id: str, value: str) -> Claim:
    return Claim(ClaimKind.NUMBER, page_id, 2, 3, "y", RegionKind.BODY, value, 0.9, slot="deaths",
                 value=_DEATHS)  # fmt: skip


def _result(*conflicts: tuple[ConflictKind, dict[str, str], float]) -> Result:
    """Pages a–d; each conflict gives the value each of its pages states."""
    pages = tuple(Page(page_id, "x\ny", (), path=None) for page_id in "abcd")
    records = tuple(
        Conflict(
            kind,
            tuple(values),
            tuple(_number(page_id, value) for page_id, value in values.items()),
            confidence,
            f"{kind} differs",
            event_id="event-a",
        )
        for kind, values, confidence in conflicts
    )
    return Result(pages, (), (), records)


FOUND = _result(
    (ConflictKind.NUMBER, {"a": "50", "b": "61"}, 0.9),
    (ConflictKind.QUOTE, {"a": "x", "c": "y"}, 0.4),
)


def _accept_all(result: Result, decision: Decision = Decision.ACCEPTED) -> tuple[Review, ...]:
    verdict = check.compare(result, ())
    return check.decide(verdict, ["all"], decision, reviewer="ana", note="known")


def test_nothing_reviewed_fails_on_every_conflict() -> None:
    verdict = check.compare(FOUND, ())
    assert [conflict["kind"] for conflict in verdict.unreviewed] == ["number", "quote"]
    assert verdict.failures == 2 and not verdict.passed


def test_accepted_and_rejected_conflicts_pass() -> None:
    reviews = _accept_all(FOUND)
    assert {review.reviewer for review in reviews} == {"ana"}
    assert check.compare(FOUND, reviews).passed
    assert check.compare(FOUND, _accept_all(FOUND, Decision.REJECTED)).passed


def test_a_page_agreeing_with_one_side_keeps_the_id() -> None:
    reviews = _accept_all(FOUND)
    grown = _result(
        (ConflictKind.NUMBER, {"a": "50", "b": "61", "d": "61"}, 0.9),
        (ConflictKind.QUOTE, {"a": "x", "c": "y"}, 0.4),
    )
    verdict = check.compare(grown, reviews)
    assert verdict.passed, output.log_lines(verdict)


def test_a_changed_value_names_the_accepted_conflict() -> None:
    reviews = _accept_all(FOUND)
    accepted = next(review for review in reviews if review.kind == "number")
    edited = _result(
        (ConflictKind.NUMBER, {"a": "52", "b": "61"}, 0.9),
        (ConflictKind.QUOTE, {"a": "x", "c": "y"}, 0.4),
    )
    verdict = check.compare(edited, reviews)
    assert not verdict.passed and not verdict.unreviewed and not verdict.missing
    assert [item.accepted.id for item in verdict.changed] == [accepted.id]
    line = next(line for line in output.log_lines(verdict) if line.startswith("changed"))
    assert f"accepted {accepted.id} (number) changed values: was 50, 61; now 52, 61" in line
    # Accepting the new values replaces the old review.
    renewed = check.decide(verdict, ["all"], Decision.ACCEPTED, reviewer="bo")
    assert accepted.id not in {review.id for review in renewed}
    assert check.compare(edited, renewed).passed


def test_accepted_conflict_gone_is_missing_and_can_be_dropped() -> None:
    reviews = _accept_all(FOUND)
    only_quote = _result((ConflictKind.QUOTE, {"a": "x", "c": "y"}, 0.4))
    verdict = check.compare(only_quote, reviews)
    assert [review.kind for review in verdict.missing] == ["number"]
    assert "no longer found: known" in output.log_lines(verdict)[1]
    kept = check.drop(reviews, [verdict.missing[0].id])
    assert check.compare(only_quote, kept).passed
    with pytest.raises(ValueError, match="no review of nope"):
        check.drop(reviews, ["nope"])


def test_a_rejected_conflict_that_goes_away_is_fine() -> None:
    rejected = _accept_all(FOUND, Decision.REJECTED)
    assert check.compare(_result(), rejected).passed


def test_fail_on_and_min_confidence() -> None:
    assert check.compare(FOUND, (), fail_on={"location"}).passed
    only_quotes = check.compare(FOUND, (), fail_on={"quote"})
    assert only_quotes.failures == 1
    assert output.log_lines(only_quotes)[-2] == (
        "check FAILED (1 difference of kinds outside --fail-on)"
    )
    strong = check.compare(FOUND, (), min_confidence=0.5)
    assert [conflict["kind"] for conflict in strong.ignored] == ["quote"]
    assert [conflict["kind"] for conflict in strong.unreviewed] == ["number"]


def test_decide_refuses_an_id_not_found() -> None:
    with pytest.raises(ValueError, match="no conflict number-0 was found"):
        check.decide(check.compare(FOUND, ()), ["number-0"], Decision.ACCEPTED, reviewer="x")


def test_counts_agree_with_their_nouns() -> None:
    verdict = check.compare(_result((ConflictKind.NUMBER, {"a": "1", "b": "2"}, 0.9)), ())
    assert output.log_lines(verdict)[0].startswith("1 conflict found, 0 reviewed")


def test_review_file_round_trips_and_bad_files_name_themselves(tmp_path: Path) -> None:
    path = tmp_path / "reviews.json"
    reviews = _accept_all(FOUND)
    check.save_reviews(path, reviews)
    assert check.load_reviews(path) == tuple(sorted(reviews, key=lambda review: review.id))
    assert not list(tmp_path.glob(".reviews.json.*"))  # no temporary file left behind
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["review_version"] == check.REVIEW_VERSION
    entry = written["conflicts"][0]
    assert {"id", "decision", "reviewer", "note", "values", "pages", "subject"} <= set(entry)
    entry["decision"] = "maybe"
    path.write_text(json.dumps(written), encoding="utf-8")
    with pytest.raises(check.ReviewError, match=rf"^{path}: not a review file"):
        check.load_reviews(path)


def test_verbose_logs_each_decision(caplog: pytest.LogCaptureFixture) -> None:
    reviews = _accept_all(FOUND)
    with caplog.at_level(logging.INFO, logger="reconciler.check"):
        check.compare(FOUND, reviews, min_confidence=0.5)
    assert caplog.messages[0].startswith("ignored quote-")
    assert caplog.messages[1].startswith("accepted number-")
    assert caplog.messages[2].startswith("missing quote-")
