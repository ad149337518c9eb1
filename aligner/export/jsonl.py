"""JSON Lines: one object per pair, every pair (insertions and deletions too) in reading order.

Each line has at least "id", "zh" and "en" (the shape `verbalign qa check` reads), then the
links, provenance, confidence, review state and the pair's correction history.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import BinaryIO

from aligner.export.base import ExportBundle, Exporter, register


@register
class JsonlExporter(Exporter):
    name = "jsonl"
    media_type = "application/x-ndjson"
    extension = "jsonl"

    def write(self, bundle: ExportBundle, out: BinaryIO) -> None:
        for pair in bundle.pairs:
            obj = {"id": pair.id, "zh": pair.zh, "en": pair.en}
            obj.update({k: v for k, v in asdict(pair).items() if k not in obj})
            obj["corrections"] = [
                {
                    "action": c.action,
                    "reviewer": c.reviewer,
                    "at": c.created_at,
                    "note": c.note,
                }
                for c in bundle.corrections.get(pair.id, [])
            ]
            out.write(json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n")
