"""Exporters: one small class per format behind a registry (the sacrebleu pattern).

An exporter writes one record's aligned pairs, as stored (reviewer corrections included), to a
binary stream. Add a format by subclassing `Exporter` and decorating it with `@register`.
"""

from __future__ import annotations

import io
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, BinaryIO, ClassVar

from aligner.errors import InputError
from aligner.store.repository import Repository
from aligner.store.rows import CorrectionRow, PairRow, RecordDetail


@dataclass
class ExportBundle:
    record: RecordDetail
    pairs: list[PairRow]
    corrections: dict[int, list[CorrectionRow]] = field(default_factory=dict)
    """Correction history by pair id."""
    source_lang: str = "zh"

    @property
    def target_lang(self) -> str:
        return "en" if self.source_lang == "zh" else "zh"


def load_bundle(store: Repository, symbol: str, *, source_lang: str = "zh") -> ExportBundle:
    if source_lang not in ("zh", "en"):
        raise InputError(f"source language must be zh or en, not {source_lang!r}")
    record = store.get_record(symbol)
    pairs = store.list_pairs(symbol).items
    history: dict[int, list[CorrectionRow]] = {}
    for corr in store.corrections(symbol=symbol):
        if corr.pair_id is not None:
            history.setdefault(corr.pair_id, []).append(corr)
    return ExportBundle(record, pairs, history, source_lang)


class Exporter(ABC):
    name: ClassVar[str]
    media_type: ClassVar[str]
    extension: ClassVar[str]

    @abstractmethod
    def write(self, bundle: ExportBundle, out: BinaryIO) -> None: ...

    def dumps(self, bundle: ExportBundle) -> bytes:
        buf = io.BytesIO()
        self.write(bundle, buf)
        return buf.getvalue()

    @staticmethod
    def exportable(pair: PairRow) -> bool:
        """TM formats carry translation units: both sides present, not rejected by a reviewer."""
        return bool(pair.zh and pair.en) and pair.status != "rejected"


EXPORTERS: dict[str, type[Exporter]] = {}


def register(cls: type[Exporter]) -> type[Exporter]:
    EXPORTERS[cls.name] = cls
    return cls


def get_exporter(name: str, **options: Any) -> Exporter:
    """The exporter for `name`; `options` go to its constructor (TSV's header and bom, TMX's
    language tags)."""
    # Importing the package registers the built-in formats.
    import aligner.export  # noqa: F401

    cls = EXPORTERS.get(name.lower())
    if cls is None:
        raise InputError(
            f"unknown export format {name!r}: choose one of {', '.join(sorted(EXPORTERS))}"
        )
    return cls(**options)
