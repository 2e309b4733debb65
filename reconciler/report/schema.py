"""The JSON Schema (draft 2020-12) of the report document, shipped beside this module."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any


def text() -> str:
    return (files("reconciler.report") / "schema.json").read_text(encoding="utf-8")


def load() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(text())
    return loaded
