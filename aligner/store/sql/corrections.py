"""Reviewer corrections: load the record's layout, let the engine
(aligner/store/corrections.py) work it out, write the result and the history row."""

from __future__ import annotations

import json

from aligner.store.clock import now
from aligner.store.corrections import Layout, Shape, checked, flag_values, snapshot
from aligner.store.limits import is_row_id
from aligner.store.rows import Correction, CorrectionRow, PairRow
from aligner.store.sql.database import Connection, SQLDatabase, bump, from_row, j, record_id
from aligner.store.sql.pairs import get_pair


def load_layout(c: Connection, rid: int) -> Layout:
    shapes = [
        Shape(r["id"], j(r["zh_ids"]), j(r["en_ids"]), r["zh_turn"], r["en_turn"])
        for r in c.execute(
            "SELECT id, zh_ids, en_ids, zh_turn, en_turn FROM pairs WHERE record_id = ? "
            "ORDER BY position, id",
            (rid,),
        )
    ]
    info = {
        r["id"]: (r["language"], r["seq"], r["turn"])
        for r in c.execute(
            "SELECT id, language, seq, turn FROM sentences WHERE record_id = ?", (rid,)
        )
    }
    return Layout(shapes, info)


class Corrections(SQLDatabase):
    def correct_pair(self, pair_id: int, correction: Correction) -> list[PairRow]:
        correction = checked(correction)
        stamp = now()
        with self.write() as c:
            target = get_pair(c, pair_id)
            rid = record_id(c, target.symbol)
            if correction.action == "flag":
                values = flag_values(target, correction, stamp)
                sets = ", ".join(f"{k} = ?" for k in values)
                c.execute(f"UPDATE pairs SET {sets} WHERE id = ?", [*values.values(), target.id])
                changed = [get_pair(c, target.id)]
                before, after = [snapshot(target)], [snapshot(p) for p in changed]
            else:
                layout = load_layout(c, rid)
                before_rows = {s.id: get_pair(c, s.id) for s in layout.shapes if s.id is not None}
                edit = layout.apply(target.id, correction)
                changed_ids = _write_layout(c, rid, layout, edit.removed, correction, stamp, target)
                changed = [get_pair(c, i) for i in layout.direct_first(changed_ids)]
                before = [snapshot(before_rows[i]) for i in edit.touched_before]
                after = [snapshot(p) for p in changed]
            version = c.execute("SELECT version FROM records WHERE id = ?", (rid,)).fetchone()[0]
            c.execute(
                "INSERT INTO corrections (record_id, pair_id, action, reviewer, created_at, "
                "before, after, note, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    rid,
                    changed[0].id if changed else None,
                    correction.action,
                    correction.reviewer,
                    stamp,
                    json.dumps(before, ensure_ascii=False),
                    json.dumps(after, ensure_ascii=False),
                    correction.note,
                    version,
                ),
            )
            bump(c)
        return changed

    def corrections(
        self, *, symbol: str | None = None, pair_id: int | None = None
    ) -> list[CorrectionRow]:
        if pair_id is not None and not is_row_id(pair_id):
            return []
        where, params = [], []
        with self.read() as c:
            if symbol is not None:
                where.append("c.record_id = ?")
                params.append(record_id(c, symbol))
            if pair_id is not None:
                where.append("c.pair_id = ?")
                params.append(pair_id)
            clause = ("WHERE " + " AND ".join(where)) if where else ""
            rows = c.execute(
                "SELECT c.*, r.symbol FROM corrections c JOIN records r ON r.id = c.record_id "
                f"{clause} ORDER BY c.id",
                params,
            ).fetchall()
        return [from_row(CorrectionRow, r, json_fields=("before", "after")) for r in rows]


def _write_layout(
    c: Connection,
    rid: int,
    layout: Layout,
    removed: dict[int, int],
    corr: Correction,
    stamp: str,
    target: PairRow,
) -> list[int]:
    texts = {
        r["id"]: (r["text"], r["norm"])
        for r in c.execute("SELECT id, text, norm FROM sentences WHERE record_id = ?", (rid,))
    }
    for gone, into in removed.items():
        c.execute("UPDATE corrections SET pair_id = ? WHERE pair_id = ?", (into, gone))
        c.execute("UPDATE glossary_contexts SET pair_id = ? WHERE pair_id = ?", (into, gone))
        c.execute("DELETE FROM pairs WHERE id = ?", (gone,))
    positions, updates = layout.updates(texts, corr, stamp, target.signature)
    c.executemany(
        "UPDATE pairs SET position = ? WHERE id = ?", [(p, i) for i, p in positions.items()]
    )
    changed: list[int] = []
    for u in updates:
        if u.shape.id is None:
            cols = ", ".join(u.values)
            u.shape.id = c.insert_id(
                f"INSERT INTO pairs (record_id, {cols}) VALUES (?, "
                + ", ".join("?" * len(u.values))
                + ")",
                [rid, *u.values.values()],
            )
        else:
            sets = ", ".join(f"{k} = ?" for k in u.values)
            c.execute(f"UPDATE pairs SET {sets} WHERE id = ?", [*u.values.values(), u.shape.id])
        assert u.shape.id is not None
        changed.append(u.shape.id)
    return changed
