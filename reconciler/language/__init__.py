"""Offline language identification. (placeholder until written)"""

from __future__ import annotations


def detect(text: str) -> str:
    return "und"
