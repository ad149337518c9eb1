"""Tab-separated pairs for QA tools such as Xbench.

What Xbench expects of a tab-delimited bilingual file: one segment pair per line, the source
text in the first column and the target in the second, separated by a tab, in a Unicode
encoding it can detect (UTF-8 with a byte-order mark, which Windows tools rely on; pass
bom=False, `--no-bom` or `?bom=false` for Unix tools). A tab or line break inside a segment
would shift columns or start a new row, so both become spaces. Lines have no quoting (a quote
is an ordinary character). Any column after the second is extra information: here the pair id,
symbol, turn, speaker, country, spoken language, confidence, alignment type, status and
reviewer, so the same file also serves spreadsheets. No header row by default, since Xbench
would read it as a segment; `header=True` adds one.
"""

from __future__ import annotations

from typing import BinaryIO

from aligner.export.base import ExportBundle, Exporter, register
from aligner.store.rows import PairRow

EXTRA_COLUMNS = (
    "pair_id",
    "symbol",
    "turn",
    "speaker",
    "country",
    "spoken_language",
    "confidence",
    "type",
    "status",
    "reviewed_by",
)


def cell(text: object) -> str:
    if text is None:
        return ""
    return " ".join(str(text).replace("\t", " ").split())


@register
class TsvExporter(Exporter):
    name = "tsv"
    media_type = "text/tab-separated-values; charset=utf-8"
    extension = "tsv"

    def __init__(self, *, bom: bool = True, header: bool = False) -> None:
        self.bom = bom
        self.header = header

    def write(self, bundle: ExportBundle, out: BinaryIO) -> None:
        if self.bom:
            out.write("\ufeff".encode())
        if self.header:
            cols = (bundle.source_lang, bundle.target_lang, *EXTRA_COLUMNS)
            out.write(("\t".join(cols) + "\r\n").encode("utf-8"))
        for pair in bundle.pairs:
            if self.exportable(pair):
                out.write(("\t".join(self.row(pair, bundle)) + "\r\n").encode("utf-8"))

    @staticmethod
    def row(pair: PairRow, bundle: ExportBundle) -> list[str]:
        turn = pair.zh_turn if pair.zh_turn is not None else pair.en_turn
        values = (
            getattr(pair, bundle.source_lang),
            getattr(pair, bundle.target_lang),
            pair.id,
            pair.symbol,
            turn,
            pair.speaker_en or pair.speaker_zh,
            pair.country_code or pair.country_en or pair.country_zh,
            pair.spoken_language,
            f"{pair.confidence:.4f}",
            pair.type,
            pair.status,
            pair.reviewed_by,
        )
        return [cell(v) for v in values]
