"""Reading pairs: pages with filters, one pair, concordance search (the dialect's index), TM
units."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aligner.errors import InputError, NotFoundError
from aligner.store.limits import check_page, is_row_id
from aligner.store.matching import check_query, find_spans, fold, highlight
from aligner.store.rows import Page, PairFilter, PairRow, SearchHit
from aligner.store.sql.database import Connection, SQLDatabase, from_row, like, record_id

PAIR_FROM = (
    "pairs p JOIN records r ON r.id = p.record_id "
    "LEFT JOIN turns tz ON tz.record_id = p.record_id AND tz.language = 'zh' "
    "AND tz.idx = p.zh_turn "
    "LEFT JOIN turns te ON te.record_id = p.record_id AND te.language = 'en' "
    "AND te.idx = p.en_turn"
)
PAIR_COLUMNS = (
    "p.*, r.symbol, tz.speaker speaker_zh, te.speaker speaker_en, tz.country country_zh, "
    "te.country country_en, coalesce(tz.country_code, te.country_code) country_code, "
    "coalesce(tz.role, te.role) role, "
    "coalesce(tz.spoken_language, te.spoken_language) spoken_language, "
    "CASE WHEN tz.is_original = 1 THEN 'zh' WHEN te.is_original = 1 THEN 'en' END original"
)


def pair_row(r: Any) -> PairRow:
    return from_row(
        PairRow, r, json_fields=("zh_ids", "en_ids", "flags"), zh=r["zh_text"], en=r["en_text"]
    )


def select_pairs(
    c: Connection,
    clause: str,
    params: Sequence[Any],
    *,
    order: str = "r.symbol, p.position",
    limit: int | None = None,
    offset: int = 0,
) -> list[PairRow]:
    """The pairs (with their turns' speaker, country and language) matching `clause`."""
    sql = f"SELECT {PAIR_COLUMNS} FROM {PAIR_FROM} WHERE {clause} ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    return [pair_row(r) for r in c.execute(sql, params)]


def count_pairs(c: Connection, clause: str, params: Sequence[Any]) -> int:
    return int(c.execute(f"SELECT COUNT(*) FROM {PAIR_FROM} WHERE {clause}", params).fetchone()[0])


def get_pair(c: Connection, pair_id: int) -> PairRow:
    found = select_pairs(c, "p.id = ?", [pair_id]) if is_row_id(pair_id) else []
    if not found:
        raise NotFoundError(f"no pair {pair_id}")
    return found[0]


class PairReads(SQLDatabase):
    def list_pairs(
        self,
        symbol: str,
        filters: PairFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page[PairRow]:
        check_page(limit, offset)
        f = filters or PairFilter()
        where, params = ["r.symbol = ?"], [symbol]
        if f.turn is not None:
            where.append("(p.zh_turn = ? OR p.en_turn = ?)")
            params += [f.turn, f.turn]
        if f.zh_turn is not None:
            where.append("p.zh_turn = ?")
            params.append(f.zh_turn)
        if f.en_turn is not None:
            where.append("p.en_turn = ?")
            params.append(f.en_turn)
        if f.speaker:
            pattern, op = like(f.speaker), self.dialect.like
            where.append(f"(tz.speaker {op} ? ESCAPE '\\' OR te.speaker {op} ? ESCAPE '\\')")
            params += [pattern, pattern]
        if f.country:
            pattern, op = like(f.country), self.dialect.like
            where.append(
                f"(tz.country {op} ? ESCAPE '\\' OR te.country {op} ? ESCAPE '\\' "
                "OR upper(coalesce(tz.country_code, te.country_code, '')) = upper(?))"
            )
            params += [pattern, pattern, f.country.strip()]
        if f.min_confidence is not None:
            where.append("p.confidence >= ?")
            params.append(f.min_confidence)
        if f.max_confidence is not None:
            where.append("p.confidence <= ?")
            params.append(f.max_confidence)
        if f.type:
            where.append("p.type = ?")
            params.append(f.type)
        if f.status:
            where.append("p.status = ?")
            params.append(f.status)
        with self.read() as c:
            record_id(c, symbol)
            clause = " AND ".join(where)
            total = count_pairs(c, clause, params)
            items = select_pairs(c, clause, params, order="p.position", limit=limit, offset=offset)
        return Page(total, limit if limit is not None else total, offset, items)

    def get_pair(self, pair_id: int) -> PairRow:
        with self.read() as c:
            return get_pair(c, pair_id)

    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        symbol: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Page[SearchHit]:
        q = check_query(query)
        check_page(limit, offset)
        if lang not in (None, "zh", "en"):
            raise InputError(f"lang must be zh or en, not {lang!r}")
        needle = fold(q)
        if not needle.strip():
            raise InputError("the query has nothing to search for")
        columns = [f"{lang}_norm"] if lang else ["zh_norm", "en_norm"]
        clause, params = self.dialect.concordance(columns, needle)
        where = [clause]
        if symbol is not None:
            where.append("r.symbol = ?")
            params.append(symbol)
        clause = " AND ".join(where)
        with self.read() as c:
            if symbol is not None:
                record_id(c, symbol)
            total = count_pairs(c, clause, params)
            pairs = select_pairs(c, clause, params, limit=limit, offset=offset)
        hits = []
        for pair in pairs:
            matched = [
                lg
                for lg, text in (("zh", pair.zh), ("en", pair.en))
                if (lang in (None, lg)) and find_spans(text, needle)
            ]
            hits.append(
                SearchHit(
                    pair=pair,
                    zh_highlight=highlight(pair.zh, needle if lang in (None, "zh") else ""),
                    en_highlight=highlight(pair.en, needle if lang in (None, "en") else ""),
                    matched=matched,
                )
            )
        return Page(total, limit, offset, hits)

    def tm_units(self, source_lang: str, *, symbol: str | None = None) -> list[PairRow]:
        if source_lang not in ("zh", "en"):
            raise InputError(f"source_lang must be zh or en, not {source_lang!r}")
        where = "p.zh_text != '' AND p.en_text != '' AND p.status != 'rejected'"
        params: list[Any] = []
        with self.read() as c:
            if symbol is not None:
                record_id(c, symbol)
                where += " AND r.symbol = ?"
                params.append(symbol)
            return select_pairs(c, where, params)
