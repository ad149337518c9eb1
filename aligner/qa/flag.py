"""A QA finding on one aligned pair: what kind, how serious, what it says, where it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
"""Most serious first. `error`: strong evidence that the translation is wrong (a number on one
side only, a document symbol that differs, source text left in the target); `warning`: a likely
problem worth a reviewer's look (a name or a negation without a counterpart, a clause with no
rendering); `info`: a hint (a repeated number rendered once, a body named by its generic head,
a soft number word), hidden by default."""


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
    score: float = 0.5
    """How strongly the evidence says the pair has a real problem, 0-1: the share of flags of
    this kind that were real problems when a sample of them was read on official UN
    translations (the precision table in the README), refined by the check's own evidence.
    Sort or filter by it within a severity."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "severity": self.severity,
            "message": self.message,
            "spans": [s.to_dict() for s in self.spans],
            "check": self.check,
            "score": round(float(self.score), 3),
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
            float(data.get("score", 0.5)),
        )
