"""Make untrusted text (page ids, file names, page text, gold notes) safe for where it is printed.

Every output channel has its own dangerous syntax, so each has its own neutraliser:

- ``terminal``: ANSI/OSC escape sequences (colours, window titles, clipboard writes) and other
  control characters are removed, and so are the bidirectional overrides that reorder what a
  reader sees (Trojan Source);
- ``one_line``: a value printed inside one line cannot start another (CR, LF, U+2028...);
- ``workflow_commands``: a CI runner executes any output line that starts with ``::`` (GitHub
  Actions) or ``##[`` (its legacy form, Azure Pipelines); such a line is defused on every line;
- ``markdown_mentions``: ``@user`` and ``@org/team`` in a pull-request comment notify people;
- ``xml_text``: characters XML 1.0 forbids make a JUnit report unparseable.

The functions are pure and idempotent on their own output.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

# ECMA-48: CSI ... final byte; OSC/DCS/SOS/PM/APC ... ST or BEL (or the end of the text); any
# other two-character escape. Removed whole, so no parameter bytes are left behind as text.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -~]?"
)
# C0 and C1 controls except tab and newline; DEL; the bidi embeddings, overrides and isolates.
_TERMINAL_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Everything Python's str.splitlines() breaks on.
_LINE_BREAKS = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
# A runner trims the line before looking for a command, so leading blanks do not protect it.
_WORKFLOW_COMMAND = re.compile(r"^(\s*)(::|##\[)", re.MULTILINE)
_DEFUSED_COMMAND = {"::": "%3A:", "##[": "%23#["}
# GitHub links @name and @org/team unless the "@" follows a word character (an e-mail address).
_MENTION = re.compile(r"(?<![\w@])@(?=[A-Za-z0-9])")
_ZERO_WIDTH_SPACE = "\u200b"
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def terminal(text: str) -> str:
    """``text`` without escape sequences or control characters (newlines and tabs kept)."""
    return _TERMINAL_UNSAFE.sub("", _ESCAPE_SEQUENCE.sub("", text))


def one_line(text: str) -> str:
    """``text`` for the inside of one output line: every line break becomes a space."""
    return _LINE_BREAKS.sub(" ", text)


def workflow_commands(text: str) -> str:
    """Every line of ``text`` that a CI runner would execute as a command, defused."""
    return _WORKFLOW_COMMAND.sub(lambda m: m.group(1) + _DEFUSED_COMMAND[m.group(2)], text)


def markdown_mentions(text: str) -> str:
    """``@user`` with a zero-width space after the "@": shown the same, notifies nobody."""
    return _MENTION.sub("@" + _ZERO_WIDTH_SPACE, text)


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (controls, lone surrogates...)."""
    return _XML_INVALID.sub("", text)


def log_field(value: object) -> str:
    """A value (id, file name, message) printed inside a log line on a terminal or CI log."""
    return workflow_commands(one_line(terminal(str(value))))


def deep(value: Any, clean: Callable[[str], str]) -> Any:
    """``value`` (a JSON-like document) with ``clean`` applied to every string in it, keys too."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, Mapping):
        return {deep(key, clean): deep(item, clean) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [deep(item, clean) for item in value]
    return value
