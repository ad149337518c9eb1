"""A QA finding on one aligned pair: what kind, how serious, what it says, where it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
"""Most serious first. `error`: the translation is very likely wrong (a number or symbol that
differs); `warning`: likely wrong, worth a reviewer's look; `info`: a hint, hidden by default."""


def severity_rank(severity: str) -> int:
    """0 for the most serious; unknown severities sort last."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of one side of the pair."""

    lang: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"lang": self.lang, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(data["lang"], int(data["start"]), int(data["end"]), data["text"])


@dataclass
class Flag:
    type: str
    """number, date, symbol, term, country, consistency, omission, addition, length,
    similarity, untranslated, negation, unaligned."""
    severity: str
    message: str
    spans: list[Span] = field(default_factory=list)
    check: str = ""
    """Name of the check that raised it (several types can come from one check)."""
    details: dict[str, Any] = field(default_factory=dict)
    """Machine-readable evidence (values compared, scores), for reports and tuning."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "severity": self.severity,
            "message": self.message,
            "spans": [s.to_dict() for s in self.spans],
            "check": self.check,
        }
        if self.details:
            out["details"] = self.details
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Flag:
        return cls(
            data["type"],
            data["severity"],
            data["message"],
            [Span.from_dict(s) for s in data.get("spans", [])],
            data.get("check", ""),
            dict(data.get("details") or {}),
        )
