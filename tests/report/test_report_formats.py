"""JSON (against the shipped schema), Markdown and HTML renderings of the report document."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from reconciler import cli
from reconciler.records import (
    Claim,
    ClaimKind,
    Conflict,
    ConflictKind,
    DatePrecision,
    DateValue,
    Event,
    Page,
    PersonValue,
    Region,
    RegionKind,
    Result,
)
from reconciler.report import document, html, markdown, schema, text

runner = CliRunner()
HOSTILE = "<script>alert(1)</script> [link](javascript:x) | **bold**"


def _day(calendar: str, tolerance_days: int) -> DateValue:
    return DateValue(DatePrecision.DAY, calendar, tolerance_days, group=0)


def _anna_berg(status: str) -> PersonValue:
    return PersonValue(
        surface="Anna Berg", cue="title", role="", latin="", entity="anna-berg",
        full_name="Anna Berg", status=status, substitute=False,
    )  # fmt: skip


def _hand_built() -> Result:
    """Two pages disagreeing on a date, one in Bangabda, with hostile text around a span."""
    first = "২৪শে অগ্রহায়ণ, ১৪৩১ বঙ্গাব্দ\nবৈঠক হয়েছে।"
    second = f"Talks held {HOSTILE} on 2 November 2024 in Moscow.\nMore."
    start = second.index("2 November 2024")
    claims = (
        Claim(ClaimKind.DATE, "a", 0, 29, first[:29], RegionKind.HEADER, "2024-12-09", 0.9,
              slot="page_date", value=_day("bangabda", 1)),
        Claim(ClaimKind.DATE, "b", start, start + 15, "2 November 2024", RegionKind.BODY,
              "2024-11-02", 0.8, slot="event_date", value=_day("gregorian", 0)),
    )  # fmt: skip
    pages = (
        Page("a", first, (Region(RegionKind.HEADER, 0, 29),), lang="bn", path=Path("a.txt")),
        Page(
            "b",
            second,
            (Region(RegionKind.BODY, 0, len(second)),),
            lang="en",
            url="javascript:alert(1)",
        ),
    )
    conflict = Conflict(
        ConflictKind.EVENT_DATE, ("a", "b"), claims, 0.75, f"dates differ {HOSTILE}", "event-001"
    )
    event = Event("event-001", ("a", "b"), date="2024-11-02")
    return Result(pages, claims, (event,), (conflict,))


@pytest.fixture
def hand_document() -> dict[str, Any]:
    return document.build(_hand_built())


def test_document_adds_timeline_and_context(hand_document: dict[str, Any]) -> None:
    timeline = hand_document["events"][0]["timeline"]
    assert [(entry["date"], entry["page"], entry["calendar"]) for entry in timeline] == [
        ("2024-11-02", "b", "gregorian"),
        ("2024-12-09", "a", "bangabda"),
    ]
    evidence = hand_document["conflicts"][0]["claims"][1]
    assert evidence["context"] == {"before": f"Talks held {HOSTILE} on ", "after": " in Moscow."}
    assert hand_document["conflicts"][0]["claims"][0]["context"] == {"before": "", "after": ""}


def test_every_report_validates_against_the_shipped_schema(
    hand_document: dict[str, Any],
    seeds_document: dict[str, Any],
    report_validator: jsonschema.Draft202012Validator,
) -> None:
    for produced in (hand_document, seeds_document):
        report_validator.validate(json.loads(json.dumps(produced)))
    broken = json.loads(json.dumps(hand_document))
    del broken["conflicts"][0]["claims"][0]["context"]
    assert not report_validator.is_valid(broken)


def test_schema_command_prints_the_shipped_schema() -> None:
    outcome = runner.invoke(cli.app, ["schema"])
    assert outcome.exit_code == 0
    assert json.loads(outcome.output) == schema.load()
    assert schema.load()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("output_format", ["json", "html", "markdown"])
def test_report_command_formats(
    output_format: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    seeds_result: Result,
    report_validator: jsonschema.Draft202012Validator,
) -> None:
    monkeypatch.setattr(cli.pipeline, "run", lambda *args, **kwargs: seeds_result)
    target = tmp_path / f"report.{output_format}"
    outcome = runner.invoke(
        cli.app, ["report", "seeds", "--format", output_format, "-o", str(target), "--quiet"]
    )
    assert outcome.exit_code == 0, outcome.output
    written = target.read_text(encoding="utf-8")
    if output_format == "json":
        report_validator.validate(json.loads(written))
    elif output_format == "html":
        assert written.startswith("<!DOCTYPE html>") and "২৪শে অগ্রহায়ণ, ১৪৩১ বঙ্গাব্দ" in written
    else:
        assert written.startswith("## reconciler report") and "calendar mismatch" in written


def test_markdown_quotes_evidence_and_escapes_page_text(hand_document: dict[str, Any]) -> None:
    rendered = markdown.render(hand_document)
    # Page a links to its file; page b's URL is not http(s), so it is no link at all.
    assert "| event-001 | 2024-11-02 (0.40) |  |  | [a](a.txt), b |" in rendered
    assert "- **[a](a.txt)** \\[bn\\], [line 1](a.txt#L1):" in rendered
    assert "- **b** \\[en\\], line 1:" in rendered  # no file, and a URL that is no link
    assert "javascript:alert" not in rendered
    assert "#### ✗ event date in event-001 — confidence 0.75" in rendered
    assert "`2024-12-09 (Gregorian; written in the Bangabda calendar)`" in rendered
    assert "  > **২৪শে অগ্রহায়ণ, ১৪৩১ বঙ্গাব্দ**" in rendered
    assert "**2 November 2024** in Moscow." in rendered
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "\\[link\\](javascript:x) \\| \\*\\*bold\\*\\*" in rendered


def test_html_escapes_page_text_and_forbids_scripts(hand_document: dict[str, Any]) -> None:
    rendered = html.render(hand_document)
    # One script, the report's own filter script, allowed by its hash and nothing else.
    assert rendered.count("<script") == 1
    script = rendered.split("<script>")[1].split("</script>")[0]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in rendered and "unsafe-inline'; base" not in rendered
    assert "javascript:alert" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "default-src 'none'" in rendered and 'http-equiv="Content-Security-Policy"' in rendered
    assert "<mark>2 November 2024</mark>" in rendered
    assert "2024-12-09 (Gregorian)</dd><dt>calendar</dt><dd>Bangabda" in rendered
    assert "<link" not in rendered and "src=" not in rendered  # nothing fetched at view time


def test_markdown_fits_a_pull_request_comment(hand_document: dict[str, Any]) -> None:
    many = dict(hand_document, conflicts=hand_document["conflicts"] * 400)
    rendered = markdown.render(many)
    assert len(rendered) <= markdown.COMMENT_LIMIT
    shown = rendered.count("#### ✗")
    assert 0 < shown < 400
    assert f"… and {400 - shown} more conflicts not shown" in rendered
    assert markdown.render(hand_document).count("not shown") == 0


def test_text_report_links_pages_and_counts_in_words(hand_document: dict[str, Any]) -> None:
    rendered = text.render(hand_document)
    assert rendered.startswith("2 pages, 1 event, 1 conflict\n")
    assert "    a.txt" in rendered  # the page's file, under the page
    assert "a a.txt:1: “২৪শে অগ্রহায়ণ, ১৪৩১ বঙ্গাব্দ” → 2024-12-09" in rendered
    assert hand_document["conflicts"][0]["id"] in rendered


def _absent_minister() -> Result:
    """Two pages name the same minister; the second says he stayed away."""
    first = "The minister Anna Berg attended the summit."
    second = "Anna Berg did not travel to the summit."
    claims = tuple(
        Claim(ClaimKind.PERSON, page_id, start, start + 9, "Anna Berg", RegionKind.BODY,
              "Anna Berg", 0.8, slot="participant", value=_anna_berg(status))
        for page_id, start, status in (("p", 13, "present"), ("q", 0, "absent"))
    )  # fmt: skip
    pages = (
        Page("p", first, (Region(RegionKind.BODY, 0, len(first)),), lang="en"),
        Page("q", second, (Region(RegionKind.BODY, 0, len(second)),), lang="en"),
    )
    conflict = Conflict(ConflictKind.PARTICIPANTS, ("p", "q"), claims, 0.8, "q: absent", "e")
    event = Event("e", ("p", "q"), participants=("Anna Berg",))
    return Result(pages, claims, (event,), (conflict,))


def test_evidence_says_what_each_page_states() -> None:
    built = document.build(_absent_minister())
    says = {claim["page"]: claim["says"] for claim in built["conflicts"][0]["claims"]}
    assert says == {"p": "Anna Berg took part", "q": "Anna Berg did not take part"}
    card = html.render(built)
    assert "<dt>says</dt><dd>Anna Berg did not take part</dd>" in card
    assert "— says: Anna Berg did not take part" in markdown.render(built)


def test_headline_facts_carry_confidence_and_evidence(hand_document: dict[str, Any]) -> None:
    # Only page b states 2024-11-02 as the event date, with confidence 0.8: (0.8 + 0) / 2.
    fact = hand_document["events"][0]["facts"]["date"]
    assert fact["confidence"] == 0.4 and fact["pages"] == ["b"]
    assert [(item["page"], item["slot"]) for item in fact["evidence"]] == [("b", "event_date")]
    assert hand_document["events"][0]["date_precision"] == "day"
    # An absent participant is no evidence of taking part: one of two pages, at 0.8.
    (participant,) = document.build(_absent_minister())["events"][0]["facts"]["participants"]
    assert participant["confidence"] == 0.4 and participant["pages"] == ["p"]
    # The same evidence, the same confidence.
    assert (
        document.build(_absent_minister())["events"] == document.build(_absent_minister())["events"]
    )


@pytest.mark.parametrize(
    ("value", "precision"),
    [("2024-11-02", "day"), ("2024-11", "month"), ("2024", "year"), ("--07-15", "month-day")],
)
def test_date_precision(value: str, precision: str) -> None:
    assert document.date_precision(value) == precision


def test_each_page_says_where_its_own_date_came_from(hand_document: dict[str, Any]) -> None:
    by_id = {page["id"]: page for page in hand_document["pages"]}
    # page a states its date in its header; page b has none, from its text or its crawl
    assert by_id["a"]["page_date"] == {"value": "2024-12-09", "origin": "header", "confidence": 0.9}
    assert by_id["b"]["page_date"] is None
    crawled = Page(
        "c",
        "Talks.",
        (Region(RegionKind.BODY, 0, 6),),
        url="https://example.org/2024/11/03/talks",
        fetched_at="2024-11-05T10:00:00Z",
    )
    built = document.build(Result((crawled,), (), (Event("event-c", ("c",)),), ()))
    assert built["pages"][0]["page_date"]["value"] == "2024-11-03"
    assert built["pages"][0]["page_date"]["origin"] == "url"
    assert "2024-11-03 <small>· url</small>" in html.render(built)
