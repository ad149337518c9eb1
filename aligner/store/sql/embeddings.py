"""TM vectors: one float32 BLOB per (pair, language, model), current while the pair's text is
the text embedded (its SHA-1 is stored beside the vector)."""

from __future__ import annotations

import hashlib

import numpy as np

from aligner.errors import InputError
from aligner.store.sql.database import SQLDatabase


def text_sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _side(language: str) -> str:
    if language not in ("zh", "en"):
        raise InputError(f"language must be zh or en, not {language!r}")
    return language


class Embeddings(SQLDatabase):
    def get_embeddings(
        self, model: str, language: str, pair_ids: list[int]
    ) -> dict[int, np.ndarray]:
        wanted = set(pair_ids)
        out: dict[int, np.ndarray] = {}
        with self.read() as c:
            for r in c.execute(
                f"SELECT e.pair_id, e.text_sha, e.vector, p.{_side(language)}_text AS text "
                "FROM pair_embeddings e JOIN pairs p ON p.id = e.pair_id "
                "WHERE e.model = ? AND e.language = ?",
                (model, language),
            ):
                if r["pair_id"] in wanted and r["text_sha"] == text_sha(r["text"]):
                    out[r["pair_id"]] = np.frombuffer(r["vector"], dtype="<f4")
        return out

    def put_embeddings(
        self, model: str, language: str, vectors: dict[int, tuple[str, np.ndarray]]
    ) -> None:
        _side(language)
        with self.write() as c:
            c.executemany(
                "INSERT INTO pair_embeddings (pair_id, language, model, text_sha, dim, vector) "
                "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM pairs WHERE id = ?) "
                "ON CONFLICT (pair_id, language, model) DO UPDATE SET "
                "text_sha = excluded.text_sha, dim = excluded.dim, vector = excluded.vector",
                [
                    (
                        pid,
                        language,
                        model,
                        text_sha(text),
                        int(vec.shape[0]),
                        np.asarray(vec, dtype="<f4").tobytes(),
                        pid,
                    )
                    for pid, (text, vec) in vectors.items()
                ],
            )

    def data_version(self) -> int:
        with self.read() as c:
            return int(
                c.execute("SELECT value FROM store_state WHERE key = 'pairs_version'").fetchone()[0]
            )
