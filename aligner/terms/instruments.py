"""Titles of instruments and documents that Chinese marks with title brackets: 《……协定》.

Chinese prints the title of a treaty, agreement, convention or declaration between 《 and 》;
English prints it as a capitalised name with an instrument head (Agreement, Convention,
Treaty ...): "the 1974 Agreement on Disengagement between Israeli and Syrian Forces". In one
aligned pair, a bracketed Chinese title and a capitalised English title are each other's
translation when they are the only ones of the pair; with several on each side they are matched
by meaning (an embedder), and left alone without one. Titles already known from stronger
evidence (the UN vocabulary's instruments) are not paired again, and a bracketed title of a
word or two (《协定》, "the Agreement") is a mention, not a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np

from aligner.terms.candidate import Candidate
from aligner.terms.pair_text import PairText

_ZH_TITLE = re.compile(r"《([^《》]{4,40})》")
_HEADS = (
    r"Agreement|Convention|Treaty|Charter|Declaration|Protocol|Covenant|Statute|Accord|"
    r"Act|Memorandum|Communiqué|Pact|Programme of Action|Plan of Action|Agenda|Strategy"
)
_CAP = r"(?:[A-Z][\w’'\-]*|\d{4})"
_LINK = r"(?:of|on|for|and|between|the|to|in|against|with|from)"
_EN_TITLE = re.compile(rf"{_CAP}(?:\s+(?:{_LINK}\s+)*{_CAP})*")
_HEAD_WORD = re.compile(rf"\b(?:{_HEADS})\b")
_LEADING = re.compile(r"^(?:(?:The|the|\d{4})\s+)+")
MIN_SIMILARITY = 0.55
"""Cosine (USE multilingual) between two titles for a match when a pair has several."""


# The Chinese head of a title and the English heads that translate it.
HEADS: dict[str, tuple[str, ...]] = {
    "协定": ("Agreement", "Accord"), "协议": ("Agreement", "Accord"), "公约": ("Convention",),
    "条约": ("Treaty",), "宪章": ("Charter",), "宣言": ("Declaration",), "议定书": ("Protocol",),
    "盟约": ("Covenant",), "规约": ("Statute",), "法": ("Act",), "备忘录": ("Memorandum",),
    "公报": ("Communiqué",), "公约和议定书": ("Convention", "Protocol"),
    "行动纲领": ("Programme of Action",), "行动纲要": ("Platform for Action",),
    "行动计划": ("Plan of Action",), "议程": ("Agenda",), "战略": ("Strategy",),
    "最后文件": ("Final Act",),
}  # fmt: skip


def english_head(title: str) -> str:
    """The head of an English title: its end when that is an instrument's name ("Disengagement
    of Forces Agreement"), else the words before its first complement ("Agreement" in
    "Agreement on Disengagement between ... Forces")."""
    if re.search(rf"\b(?:{_HEADS})$", title):
        return title
    m = re.search(r"\s(?:of|on|for|between|against|to|in|with|from)\s", title)
    return title[: m.start()] if m else title


def heads_agree(zh: str, en: str) -> bool:
    """True when the Chinese title's head (公约) translates the English title's (Convention)."""
    zh = zh.strip("《》")
    head = english_head(en)
    for zh_head in sorted(HEADS, key=len, reverse=True):
        if zh.endswith(zh_head):
            return any(head == h or head.endswith(" " + h) for h in HEADS[zh_head])
    return False


def english_titles(text: str) -> list[str]:
    out = []
    for m in _EN_TITLE.finditer(text):
        span = m.group(0)
        # Two titles coordinated ("the Charter ... and the Universal Declaration ...").
        parts = re.split(r"\s+and\s+(?:the\s+)?(?=[A-Z])", span)
        if len(parts) > 1 and all(_HEAD_WORD.search(p) for p in parts):
            candidates = parts
        else:
            candidates = [span]
        for title in candidates:
            title = _LEADING.sub("", title).strip()
            title = re.sub(rf"\s+(?:{_LINK})$", "", title)
            words = [w for w in title.split() if not re.fullmatch(_LINK, w)]
            if len(words) >= 3 and _HEAD_WORD.search(title):
                out.append(title)
    return out


def chinese_titles(text: str) -> list[str]:
    return [f"《{m.group(1)}》" for m in _ZH_TITLE.finditer(text)]


def instrument_candidates(
    pairs: list[PairText],
    *,
    embedder: Any = None,
    known_zh: Iterable[str] = (),
    known_en: Iterable[str] = (),
) -> list[Candidate]:
    known_zh = {k.strip("《》") for k in known_zh}
    known_en = {k.casefold() for k in known_en}
    found: dict[tuple[str, str], Candidate] = {}
    for p in pairs:
        zh = [t for t in dict.fromkeys(chinese_titles(p.zh)) if t.strip("《》") not in known_zh]
        en = [t for t in dict.fromkeys(english_titles(p.en)) if t.casefold() not in known_en]
        # Only titles whose heads translate each other can be each other's translation.
        zh = [z for z in zh if any(heads_agree(z, e) for e in en)]
        en = [e for e in en if any(heads_agree(z, e) for z in zh)]
        if not zh or not en:
            continue
        if len(zh) == 1 and len(en) == 1:
            matches = [(zh[0], en[0], 0.85)]
        elif embedder is not None:
            matches = _by_meaning(zh, en, embedder)
        else:
            continue
        for z, e, score in matches:
            c = found.setdefault((z, e), Candidate(z, e, "instrument", "title_brackets", score))
            c.score = max(c.score, score)
            c.pair_indices.add(p.index)
    return list(found.values())


def _by_meaning(zh: list[str], en: list[str], embedder: Any) -> list[tuple[str, str, float]]:
    a = np.asarray(embedder.encode([z.strip("《》") for z in zh]), dtype=np.float32)
    b = np.asarray(embedder.encode(en), dtype=np.float32)
    sims = a @ b.T
    out = []
    for i in range(len(zh)):
        j = int(np.argmax(sims[i]))
        if (
            int(np.argmax(sims[:, j])) == i
            and sims[i, j] >= MIN_SIMILARITY
            and heads_agree(zh[i], en[j])
        ):
            out.append((zh[i], en[j], 0.8))
    return out
