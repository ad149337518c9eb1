"""The JSON shape of a parsed record printed by `verbalign parse --json` (a contract: extend,
don't break). Record.to_dict() is the complete form with ids and matching forms."""

from __future__ import annotations

from typing import Any

from aligner.models import Record


def record_json(record: Record) -> dict[str, Any]:
    meta = record.meta
    return {
        "symbol": meta.symbol,
        "body": meta.body,
        "meeting_number": meta.meeting_number,
        "date": meta.date,
        "time_opened": meta.time_opened,
        "time_closed": meta.time_closed,
        "agenda": meta.agenda,
        "documents": meta.documents,
        "job_number": meta.job_number,
        "president_country": meta.president_country,
        "language": record.language,
        "source_name": record.source_name,
        "source_sha256": record.source_sha256,
        "warnings": record.warnings,
        "counts": {
            "turns": len(record.turns),
            "paragraphs": sum(len(t.paragraphs) for t in record.turns),
            "sentences": sum(1 for _ in record.sentences()),
        },
        "turns": [
            {
                "index": t.index,
                "speaker": t.speaker,
                "honorific": t.honorific,
                "country": t.country,
                "country_code": t.country_code,
                "title": t.title,
                "role": t.role,
                "spoken_language": t.spoken_language,
                "is_original": t.is_original,
                "header": t.header,
                "paragraphs": [[s.text for s in p.sentences] for p in t.paragraphs],
                "paragraph_languages": [p.spoken_language for p in t.paragraphs],
            }
            for t in record.turns
        ],
        "votes": [
            {
                "vote": v.vote,
                "position": v.position,
                "turn": v.turn,
                "sentence_id": v.sentence_id,
                "names": v.names,
                "codes": v.codes,
                "unknown": v.unknown,
            }
            for v in record.votes
        ],
    }
