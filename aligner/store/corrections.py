"""The pair-correction engine: what a reviewer's flag, merge, split or re-link does to a
record's pairs, worked out on plain data. Backends load the record's layout (pairs as shapes,
sentences with their order), call `Layout.apply`, and write back what `Layout.updates` lists;
the rules live here once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from aligner.errors import InputError, NotFoundError
from aligner.models import join_sentences
from aligner.store.limits import MAX_FLAG_CHARS, MAX_FLAGS, MAX_NOTE_CHARS, MAX_REVIEWER_CHARS
from aligner.store.request_text import check_text
from aligner.store.rows import PAIR_STATUSES, Correction, PairRow


def checked(corr: Correction) -> Correction:
    """The correction with its reviewer, flags and note checked and stripped (a blank note
    clears the pair's note)."""
    note = corr.note
    if note is not None and note.strip():
        note = check_text(note, "note", MAX_NOTE_CHARS, multiline=True)
    flags = corr.flags
    if flags is not None:
        if len(flags) > MAX_FLAGS:
            raise InputError(f"at most {MAX_FLAGS} flags per pair")
        flags = list(dict.fromkeys(check_text(str(f), "flag", MAX_FLAG_CHARS) for f in flags))
    reviewer = check_text(corr.reviewer, "reviewer's name", MAX_REVIEWER_CHARS)
    return replace(corr, reviewer=reviewer, note=note, flags=flags)


def snapshot(p: PairRow) -> dict[str, Any]:
    """A pair as a correction's history records it (before and after)."""
    return {
        "id": p.id,
        "zh_ids": p.zh_ids,
        "en_ids": p.en_ids,
        "zh": p.zh,
        "en": p.en,
        "type": p.type,
        "confidence": p.confidence,
        "status": p.status,
        "flags": p.flags,
    }


def flag_values(pair: PairRow, corr: Correction, stamp: str) -> dict[str, Any]:
    """The columns a "flag" correction sets on `pair` (flags as JSON text)."""
    if corr.status is None and corr.flags is None and corr.note is None:
        raise InputError("a flag correction needs a status, flags or a note")
    status = pair.status if corr.status is None else corr.status
    if status not in PAIR_STATUSES:
        raise InputError(f"status must be one of {', '.join(PAIR_STATUSES)}")
    flags = pair.flags if corr.flags is None else corr.flags
    note = pair.note if corr.note is None else corr.note
    return {
        "status": status,
        "flags": json.dumps(flags, ensure_ascii=False),
        "note": note,
        "reviewed_by": corr.reviewer,
        "reviewed_at": stamp,
    }


@dataclass
class Shape:
    """A pair as a structural correction sees it: which sentences it links."""

    id: int | None
    zh_ids: list[str]
    en_ids: list[str]
    zh_turn: int | None
    en_turn: int | None
    role: str = "kept"
    """kept | direct (the reviewer's own link) | side (changed as a consequence) | released."""


@dataclass
class Edit:
    touched_before: list[int] = field(default_factory=list)
    removed: dict[int, int] = field(default_factory=dict)
    """Removed pair id -> the pair its history and glossary contexts move to."""


@dataclass
class PairUpdate:
    """One pair to write after a structural correction: `id` None is a new pair."""

    shape: Shape
    values: dict[str, Any]


@dataclass
class Layout:
    shapes: list[Shape]
    """The record's pairs in reading order."""
    sentence_info: dict[str, tuple[str, int, int]]
    """Sentence id -> (language, seq, turn)."""

    def _index(self, pair_id: int) -> int:
        for i, s in enumerate(self.shapes):
            if s.id == pair_id:
                return i
        raise NotFoundError(f"no pair {pair_id} in this record")

    def apply(self, pair_id: int, corr: Correction) -> Edit:
        i = self._index(pair_id)
        edit = Edit()
        if corr.action == "merge":
            self._merge(i, corr, edit)
        elif corr.action == "split":
            self._split(i, corr, edit)
        elif corr.action == "relink":
            self._relink(i, corr, edit)
        else:
            raise InputError(f"unknown correction action {corr.action!r}")
        self._check_order()
        return edit

    def _merge(self, i: int, corr: Correction, edit: Edit) -> None:
        if corr.with_pair is None:
            raise InputError("merge needs with_pair: the id of the next or previous pair")
        j = self._index(corr.with_pair)
        if abs(i - j) != 1:
            raise InputError("merge joins two neighbouring pairs: with_pair is not next to it")
        a, b = sorted((i, j))
        first, second = self.shapes[a], self.shapes[b]
        assert first.id is not None and second.id is not None
        edit.touched_before += [first.id, second.id]
        first.zh_ids = first.zh_ids + second.zh_ids
        first.en_ids = first.en_ids + second.en_ids
        first.zh_turn = first.zh_turn if first.zh_turn is not None else second.zh_turn
        first.en_turn = first.en_turn if first.en_turn is not None else second.en_turn
        first.role = "direct"
        # The reviewer names the pair they edit; the merged pair keeps the earlier one's id.
        edit.removed[second.id] = first.id
        del self.shapes[b]

    def _split(self, i: int, corr: Correction, edit: Edit) -> None:
        s = self.shapes[i]
        assert s.id is not None
        zh_at = corr.zh_at if corr.zh_at is not None else len(s.zh_ids)
        en_at = corr.en_at if corr.en_at is not None else len(s.en_ids)
        if not (0 <= zh_at <= len(s.zh_ids) and 0 <= en_at <= len(s.en_ids)):
            raise InputError(
                f"split points out of range: the pair has {len(s.zh_ids)} zh and "
                f"{len(s.en_ids)} en sentences"
            )
        head_n = zh_at + en_at
        if head_n == 0 or head_n == len(s.zh_ids) + len(s.en_ids):
            raise InputError("a split must leave sentences on both sides of the cut")
        edit.touched_before.append(s.id)
        tail = Shape(None, s.zh_ids[zh_at:], s.en_ids[en_at:], s.zh_turn, s.en_turn, "direct")
        s.zh_ids, s.en_ids, s.role = s.zh_ids[:zh_at], s.en_ids[:en_at], "direct"
        self.shapes.insert(i + 1, tail)

    def _relink(self, i: int, corr: Correction, edit: Edit) -> None:
        s = self.shapes[i]
        assert s.id is not None
        new = {"zh": list(corr.zh_ids or []), "en": list(corr.en_ids or [])}
        if not new["zh"] and not new["en"]:
            raise InputError("relink needs zh_ids and/or en_ids")
        for lang, ids in new.items():
            if len(set(ids)) != len(ids):
                raise InputError(f"{lang}_ids lists a sentence twice")
            for sid in ids:
                info = self.sentence_info.get(sid)
                if info is None or info[0] != lang:
                    raise InputError(f"{sid!r} is not a {lang} sentence of this record")
            seqs = [self.sentence_info[sid][1] for sid in ids]
            if seqs and seqs != list(range(seqs[0], seqs[0] + len(seqs))):
                raise InputError(f"{lang}_ids must be consecutive sentences in reading order")
        edit.touched_before.append(s.id)
        taken = set(new["zh"]) | set(new["en"])
        for other in self.shapes:
            if other is s:
                continue
            if taken & set(other.zh_ids + other.en_ids):
                assert other.id is not None
                edit.touched_before.append(other.id)
                other.zh_ids = [x for x in other.zh_ids if x not in taken]
                other.en_ids = [x for x in other.en_ids if x not in taken]
                other.role = "side"
        released = [x for x in s.zh_ids + s.en_ids if x not in taken]
        s.zh_ids, s.en_ids, s.role = new["zh"], new["en"], "direct"
        for lang in ("zh", "en"):
            turn = next((self.sentence_info[x][2] for x in new[lang]), None)
            if turn is not None:
                setattr(s, f"{lang}_turn", turn)
        before, after = [], []
        for sid in released:
            lang, seq, turn = self.sentence_info[sid]
            own = [self.sentence_info[x][1] for x in new[lang]]
            single = Shape(
                None,
                [sid] if lang == "zh" else [],
                [sid] if lang == "en" else [],
                turn if lang == "zh" else s.zh_turn,
                turn if lang == "en" else s.en_turn,
                "released",
            )
            (before if own and seq < min(own) else after).append(single)
        for other in list(self.shapes):
            if other is not s and other.role == "side" and not (other.zh_ids or other.en_ids):
                assert other.id is not None
                edit.removed[other.id] = s.id
                self.shapes.remove(other)
        at = self.shapes.index(s)
        self.shapes[at : at + 1] = [*before, s, *after]

    def _check_order(self) -> None:
        for lang in ("zh", "en"):
            last = -1
            for shape in self.shapes:
                for sid in getattr(shape, f"{lang}_ids"):
                    seq = self.sentence_info[sid][1]
                    if seq <= last:
                        raise InputError(
                            "the correction would make links cross (reading order broken): "
                            "merge or split neighbouring pairs instead"
                        )
                    last = seq

    def updates(
        self,
        texts: dict[str, tuple[str, str]],
        corr: Correction,
        stamp: str,
        signature: str,
    ) -> tuple[dict[int, int], list[PairUpdate]]:
        """After `apply`: the new position of every kept pair, and the columns of every pair
        the correction made or reshaped (in reading order). `texts` maps a sentence id to its
        (text, matching form)."""
        positions: dict[int, int] = {}
        changed: list[PairUpdate] = []
        for position, s in enumerate(self.shapes):
            if s.role == "kept":
                assert s.id is not None
                positions[s.id] = position
                continue
            values: dict[str, Any] = {
                "position": position,
                "zh_turn": s.zh_turn,
                "en_turn": s.en_turn,
                "zh_ids": json.dumps(s.zh_ids),
                "en_ids": json.dumps(s.en_ids),
                "zh_text": join_sentences([texts[x][0] for x in s.zh_ids]),
                "en_text": join_sentences([texts[x][0] for x in s.en_ids]),
                "zh_norm": join_sentences([texts[x][1] for x in s.zh_ids]),
                "en_norm": join_sentences([texts[x][1] for x in s.en_ids]),
                "type": f"{len(s.zh_ids)}-{len(s.en_ids)}",
                "origin": "reviewer",
                "reviewed_by": corr.reviewer,
                "reviewed_at": stamp,
            }
            if s.role == "direct":
                # The reviewer asserted this link: it is certain.
                values.update(confidence=1.0, status="corrected", note=corr.note)
            else:
                values.update(status="auto", flags=json.dumps(["needs-review"]))
            if s.id is None:
                values.setdefault("confidence", 0.0)
                values.setdefault("flags", "[]")
                values["signature"] = signature
            changed.append(PairUpdate(s, values))
        return positions, changed

    def direct_first(self, changed_ids: list[int]) -> list[int]:
        """The reviewer's own pairs first: the correction row points at the first of them."""
        direct = [s.id for s in self.shapes if s.role == "direct" and s.id is not None]
        return direct + [x for x in changed_ids if x not in direct]
