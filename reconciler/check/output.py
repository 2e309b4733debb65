"""How a verdict reads in CI: log lines, GitHub Actions annotations, JUnit XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reconciler import neutralize
from reconciler.check import Verdict, describe

# Page ids, file names, explanations and notes come from the pages and the gold file.
_field = neutralize.log_field


def log_lines(verdict: Verdict, *, color: bool = False) -> list[str]:
    red, green, dim, reset = ("\033[31m", "\033[32m", "\033[2m", "\033[0m") if color else ("",) * 4
    lines = [
        f"{len(verdict.found)} conflicts found, {len(verdict.accepted)} accepted: "
        f"{len(verdict.new)} new, {len(verdict.missing)} missing"
        + (f", {len(verdict.ignored)} below --min-confidence" if verdict.ignored else "")
    ]
    for conflict in verdict.new:
        lines.append(
            f"{red if verdict.gates(conflict['kind']) else dim}new      {reset}"
            f"{_field(describe(conflict['kind'], conflict['pages']))} "
            f"(confidence {conflict['confidence']:.2f}): {_field(conflict['explanation'])}"
        )
    for accepted in verdict.missing:
        lines.append(
            f"{red if verdict.gates(accepted.kind) else dim}missing  {reset}"
            f"{_field(describe(accepted.kind, accepted.docs))}"
            + (f": {_field(accepted.note)}" if accepted.note else "")
        )
    outcome = f"{green}ok{reset}" if verdict.passed else f"{red}FAILED{reset}"
    not_gating = len(verdict.new) + len(verdict.missing) - verdict.failures
    lines.append(
        f"check {outcome}"
        + (f" ({not_gating} differences of kinds outside --fail-on)" if not_gating else "")
    )
    return lines


def github_annotations(verdict: Verdict, *, root: Path | None = None) -> list[str]:
    """``::error file=…,line=…::message`` per page of each new conflict (at its evidence) and
    per missing one (at its first page); kinds outside --fail-on are warnings."""
    root = root or Path.cwd()
    lines = []
    for conflict in verdict.new:
        level = "error" if verdict.gates(conflict["kind"]) else "warning"
        first_claims = {claim["page"]: claim for claim in reversed(conflict["claims"])}
        for page_id in sorted(first_claims):
            claim = first_claims[page_id]
            message = (
                f"new {conflict['kind']} conflict ({conflict['confidence']:.2f}): "
                f"{conflict['explanation']} [{page_id}: “{claim['text']}” → {claim['value']}]"
            )
            lines.append(
                _annotation(level, verdict.pages.get(page_id), claim["line"], message, root)
            )
    for accepted in verdict.missing:
        level = "error" if verdict.gates(accepted.kind) else "warning"
        pages = sorted(accepted.docs)
        message = f"accepted {accepted.kind} conflict no longer found on {', '.join(pages)}" + (
            f": {accepted.note}" if accepted.note else ""
        )
        lines.append(_annotation(level, verdict.pages.get(pages[0]), None, message, root))
    return lines


def junit_xml(verdict: Verdict) -> str:
    """One testcase per accepted conflict (failing when missing) and per new conflict."""
    suite = ET.Element("testsuite", name="reconciler check")
    missing = set(verdict.missing)
    for accepted in verdict.accepted:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"reconciler.accepted.{accepted.kind}",
            name=", ".join(sorted(accepted.docs)),
        )
        if accepted in missing:
            _fail(
                case,
                verdict.gates(accepted.kind),
                "accepted conflict no longer found",
                accepted.note,
            )
    for conflict in verdict.new:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"reconciler.new.{conflict['kind']}",
            name=", ".join(sorted(conflict["pages"])),
        )
        _fail(case, verdict.gates(conflict["kind"]), "new conflict", _evidence(conflict))
    cases = len(verdict.accepted) + len(verdict.new)
    suite.set("tests", str(cases))
    suite.set("failures", str(verdict.failures))
    suite.set("skipped", str(len(verdict.new) + len(verdict.missing) - verdict.failures))
    for element in suite.iter():
        element.text = neutralize.xml_text(element.text) if element.text else element.text
        for name, value in element.attrib.items():
            element.set(name, neutralize.xml_text(value))
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def _fail(case: ET.Element, gates: bool, message: str, text: str) -> None:
    # A difference of a kind outside --fail-on is shown, not failed.
    element = ET.SubElement(
        case,
        "failure" if gates else "skipped",
        message=message if gates else f"{message} (kind outside --fail-on)",
    )
    element.text = text


def _evidence(conflict: Mapping[str, Any]) -> str:
    lines = [f"{conflict['explanation']} (confidence {conflict['confidence']:.2f})"]
    lines += [
        f"{claim['page']} line {claim['line']}: “{claim['text']}” → {claim['value']}"
        for claim in conflict["claims"]
    ]
    return "\n".join(lines)


def _annotation(
    level: str, page: Mapping[str, Any] | None, line: int | None, message: str, root: Path
) -> str:
    properties = []
    if page and page.get("path"):
        path = neutralize.terminal(_relative(page["path"], root))
        properties.append(f"file={_property(path)}")
        if line is not None:
            properties.append(f"line={line}")
    head = f"::{level} {','.join(properties)}" if properties else f"::{level}"
    return f"{head}::{_data(neutralize.terminal(message))}"


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
