"""How a verdict reads in CI: log lines, GitHub Actions annotations, JUnit XML, the step
summary."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reconciler.check import Changed, Decision, Review, Verdict, describe
from reconciler.report import markdown
from reconciler.report.text import count


def log_lines(verdict: Verdict, *, color: bool = False, dataset: str = "DATASET") -> list[str]:
    red, green, dim, reset = ("\033[31m", "\033[32m", "\033[2m", "\033[0m") if color else ("",) * 4
    lines = [
        f"{count(len(verdict.found), 'conflict')} found, {len(verdict.reviewed)} reviewed: "
        f"{len(verdict.unreviewed)} unreviewed, {len(verdict.changed)} changed, "
        f"{len(verdict.missing)} missing"
        + (f", {len(verdict.ignored)} below --min-confidence" if verdict.ignored else "")
    ]

    def mark(kind: str, label: str) -> str:
        return f"{red if verdict.gates(kind) else dim}{label:<11}{reset}"

    for conflict in verdict.unreviewed:
        lines.append(
            f"{mark(conflict['kind'], 'unreviewed')}{describe(conflict)} "
            f"(confidence {conflict['confidence']:.2f}): {conflict['explanation']}"
        )
    for item in verdict.changed:
        lines.append(f"{mark(item.accepted.kind, 'changed')}{changed_message(item)}")
    for review in verdict.missing:
        lines.append(f"{mark(review.kind, 'missing')}{missing_message(review)}")
    outcome = f"{green}ok{reset}" if verdict.passed else f"{red}FAILED{reset}"
    not_gating = len(verdict.differences) - verdict.failures
    lines.append(
        f"check {outcome}"
        + (f" ({count(not_gating, 'difference')} of kinds outside --fail-on)" if not_gating else "")
    )
    if verdict.differences:
        lines.append(f"review them: reconciler review {dataset}")
    return lines


def review_lines(verdict: Verdict, *, dataset: str = "DATASET") -> list[str]:
    """What awaits review, one block a conflict: id, kind, event, what each page says and
    where; then how to record a decision."""
    awaiting = verdict.awaiting
    lines = [
        f"{count(len(verdict.found), 'conflict')} found, {len(verdict.reviewed)} reviewed; "
        f"awaiting review: {len(verdict.unreviewed)} unreviewed, {len(verdict.changed)} "
        f"changed, {len(verdict.missing)} missing"
    ]
    changed = {item.now["id"]: item for item in verdict.changed}
    for conflict in awaiting:
        lines.append("")
        lines.append(
            f"{conflict['id']}  {conflict['kind']}"
            + (f" in {conflict['event']}" if conflict["event"] else "")
            + f"  (confidence {conflict['confidence']:.2f})"
        )
        if conflict["id"] in changed:
            lines.append(f"  {changed_message(changed[conflict['id']])}")
        lines.append(f"  {conflict['explanation']}")
        for claim in conflict["claims"]:
            page = verdict.pages.get(claim["page"], {})
            where = page.get("url") or page.get("path") or ""
            line = f":{claim['line']}" if claim.get("line") and not page.get("url") else ""
            lines.append(f"    {claim['page']}: {claim['says']}  {where}{line}")
    for review in verdict.missing:
        lines += ["", f"{review.id}  {missing_message(review)}"]
    if awaiting or verdict.missing:
        lines += [
            "",
            f"record decisions: reconciler review {dataset} --accept ID (or --reject ID, "
            "--drop ID for a missing one) --reviewer NAME --note WHY",
        ]
    return lines


def changed_message(item: Changed) -> str:
    return (
        f"accepted {item.accepted.id} ({item.accepted.kind}) changed values: was "
        f"{', '.join(item.accepted.values)}; now {', '.join(item.now['values'])} "
        f"(as {item.now['id']})"
    )


def missing_message(review: Review) -> str:
    pages = f" on {', '.join(review.pages)}" if review.pages else ""
    return f"accepted {review.id} ({review.kind}{pages}) no longer found" + (
        f": {review.note}" if review.note else ""
    )


def github_annotations(verdict: Verdict, *, root: Path | None = None) -> list[str]:
    """``::error file=…,line=…::message`` per page of each unreviewed or changed conflict (at
    its evidence) and per missing one (at its first page); kinds outside --fail-on are
    warnings."""
    root = root or Path.cwd()
    lines = []
    found = [(conflict, f"unreviewed {conflict['id']}") for conflict in verdict.unreviewed]
    found += [(item.now, changed_message(item)) for item in verdict.changed]
    for conflict, what in found:
        level = "error" if verdict.gates(conflict["kind"]) else "warning"
        first_claims = {claim["page"]: claim for claim in reversed(conflict["claims"])}
        for page_id in sorted(first_claims):
            claim = first_claims[page_id]
            message = (
                f"{what} {conflict['kind']} conflict ({conflict['confidence']:.2f}): "
                f"{conflict['explanation']} [{page_id}: “{claim['text']}” → {claim['says']}]"
            )
            lines.append(
                _annotation(level, verdict.pages.get(page_id), claim["line"], message, root)
            )
    for review in verdict.missing:
        level = "error" if verdict.gates(review.kind) else "warning"
        page = verdict.pages.get(review.pages[0]) if review.pages else None
        lines.append(_annotation(level, page, None, missing_message(review), root))
    return lines


def junit_xml(verdict: Verdict) -> str:
    """One testcase per accepted review (failing when missing or changed) and per unreviewed
    conflict (failing)."""
    suite = ET.Element("testsuite", name="reconciler check")
    missing = {review.id for review in verdict.missing}
    changed = {item.accepted.id: item for item in verdict.changed}
    accepted = [review for review in verdict.reviews if review.decision == Decision.ACCEPTED]
    for review in accepted:
        case = ET.SubElement(
            suite, "testcase", classname=f"reconciler.accepted.{review.kind}", name=review.id
        )
        if review.id in missing:
            _fail(
                case, verdict.gates(review.kind), "accepted conflict no longer found", review.note
            )
        elif review.id in changed:
            _fail(
                case,
                verdict.gates(review.kind),
                "accepted conflict changed values",
                changed_message(changed[review.id]) + "\n" + _evidence(changed[review.id].now),
            )
    for conflict in verdict.unreviewed:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"reconciler.unreviewed.{conflict['kind']}",
            name=conflict["id"],
        )
        _fail(case, verdict.gates(conflict["kind"]), "unreviewed conflict", _evidence(conflict))
    suite.set("tests", str(len(accepted) + len(verdict.unreviewed)))
    suite.set("failures", str(verdict.failures))
    suite.set("skipped", str(len(verdict.differences) - verdict.failures))
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def step_summary(verdict: Verdict, *, link_base: str | None = None) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: the verdict, then each conflict awaiting review
    with its evidence, cut to fit GitHub's size limit."""
    lines = ["## reconciler check", ""]
    lines += [f"- {markdown.inline(line)}" for line in log_lines(verdict)]
    awaiting = list(verdict.awaiting)
    if not awaiting:
        return "\n".join(lines) + "\n"
    lines += ["", "### Awaiting review", ""]
    head = "\n".join(lines) + "\n"
    return head + markdown.conflicts_within(
        awaiting, verdict.pages, markdown.COMMENT_LIMIT - len(head), link_base=link_base
    )


def _fail(case: ET.Element, gates: bool, message: str, text: str) -> None:
    # A difference of a kind outside --fail-on is shown, not failed.
    element = ET.SubElement(
        case,
        "failure" if gates else "skipped",
        message=message if gates else f"{message} (kind outside --fail-on)",
    )
    element.text = text


def _evidence(conflict: Mapping[str, Any]) -> str:
    lines = [
        f"{conflict['id']}: {conflict['explanation']} (confidence {conflict['confidence']:.2f})"
    ]
    lines += [
        f"{claim['page']} line {claim['line']}: “{claim['text']}” → {claim['says']}"
        for claim in conflict["claims"]
    ]
    return "\n".join(lines)


def _annotation(
    level: str, page: Mapping[str, Any] | None, line: int | None, message: str, root: Path
) -> str:
    properties = []
    if page and page.get("path"):
        properties.append(f"file={_property(_relative(page['path'], root))}")
        if line is not None:
            properties.append(f"line={line}")
    head = f"::{level} {','.join(properties)}" if properties else f"::{level}"
    return f"{head}::{_data(message)}"


def _relative(path: str, root: Path) -> str:
    """GitHub resolves annotation paths from the repository root, the usual working directory."""
    resolved = Path(path).resolve()
    return (
        str(resolved.relative_to(root.resolve()))
        if resolved.is_relative_to(root.resolve())
        else path
    )


# GitHub's workflow-command escaping: data escapes %, CR, LF; properties also ":" and ",".
def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
