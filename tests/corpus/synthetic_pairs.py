"""Small synthetic record pairs for the corpus tests, laid out as verbatim records.

The sentences are written for these tests (generic UN phrasing, no real meeting's text). Each
record gets its own symbol and a different selection and order of sentences, so records differ
in content; the opening and closing lines recur in every record, as they do in real archives
(what deduplication finds).
"""

from __future__ import annotations

import random
from pathlib import Path

# (zh, en) sentence pairs, translations of each other.
SENTENCES = [
    ("我们感谢秘书长提交的报告。", "We thank the Secretary-General for his report."),
    ("安全理事会必须团结一致。", "The Security Council must remain united."),
    ("我们呼吁各方保持最大限度的克制。", "We call on all parties to exercise maximum restraint."),
    ("人道主义准入不应受到任何阻碍。", "Humanitarian access must not be impeded in any way."),
    ("我们支持特使的斡旋努力。", "We support the good offices of the Special Envoy."),
    ("平民的保护是我们的首要关切。", "The protection of civilians is our first concern."),
    ("各方应当遵守国际人道主义法。", "All parties must respect international humanitarian law."),
    (
        "我们欢迎该地区最近的积极事态发展。",
        "We welcome the recent positive developments in the region.",
    ),
    ("对话是解决分歧的唯一途径。", "Dialogue is the only way to resolve the differences."),
    (
        "我们重申对该国主权和领土完整的承诺。",
        "We reaffirm our commitment to the sovereignty and territorial integrity of the country.",
    ),
    ("选举必须以自由和公正的方式举行。", "The elections must be held in a free and fair manner."),
    (
        "国际社会应当加大对发展的支持。",
        "The international community should increase its support for development.",
    ),
    (
        "我们对局势恶化深表关切。",
        "We are deeply concerned about the deterioration of the situation.",
    ),
    ("特派团的任务规定应当延长。", "The mandate of the mission should be extended."),
    ("妇女必须充分参与和平进程。", "Women must participate fully in the peace process."),
    ("我们谴责一切形式的恐怖主义。", "We condemn terrorism in all its forms."),
    ("制裁不应损害平民的生计。", "Sanctions should not harm the livelihoods of civilians."),
    (
        "我们赞赏维和人员的勇气和奉献。",
        "We commend the courage and dedication of the peacekeepers.",
    ),
    (
        "该决议草案反映了安理会的共同立场。",
        "The draft resolution reflects the common position of the Council.",
    ),
    ("我们将对该决议草案投赞成票。", "We will vote in favour of the draft resolution."),
    ("难民的安全和自愿返回至关重要。", "The safe and voluntary return of refugees is essential."),
    ("我们敦促各方立即停止敌对行动。", "We urge the parties to cease hostilities immediately."),
    ("区域组织发挥着重要作用。", "Regional organizations play an important role."),
    (
        "我们期待秘书长的下一次报告。",
        "We look forward to the next report of the Secretary-General.",
    ),
]
SPEAKERS = [
    # (zh header, en header, spoken language)
    ("马丁先生（法国）（以法语发言）：", "Mr. Martin (France) (spoke in French):", "fr"),
    ("王先生（中国）：", "Mr. Wang (China) (spoke in Chinese):", "zh"),
    ("史密斯女士（联合王国）（以英语发言）：", "Ms. Smith (United Kingdom):", "en"),
    ("加西亚先生（墨西哥）（以西班牙语发言）：", "Mr. Garcia (Mexico) (spoke in Spanish):", "es"),
    (
        "彼得罗夫先生（俄罗斯联邦）（以俄语发言）：",
        "Mr. Petrov (Russian Federation) (spoke in Russian):",
        "ru",
    ),
]
OPENING = ("上午10时05分开会。", "The meeting was called to order at 10.05 a.m.")
CLOSING = ("上午11时35分散会。", "The meeting rose at 11.35 a.m.")


def record_texts(number: int, turns: int = 4, per_turn: int = 5) -> tuple[str, str, str]:
    """(symbol, zh text, en text) of synthetic meeting `number`."""
    rng = random.Random(number)
    symbol = f"S/PV.{number}"
    zh = [f"联合国 {symbol}", "安全理事会", "", OPENING[0], ""]
    en = [f"United Nations {symbol}", "Security Council", "", OPENING[1], ""]
    zh += ["主席（以英语发言）：安全理事会现在开始审议其议程上的项目。", ""]
    en += [
        "The President: The Security Council will now begin its consideration of the item "
        "on its agenda.",
        "",
    ]
    for _ in range(turns):
        zh_head, en_head, _spoken = rng.choice(SPEAKERS)
        chosen = rng.sample(SENTENCES, per_turn)
        zh.append(zh_head + "".join(z for z, _ in chosen))
        en.append(en_head + " " + " ".join(e for _, e in chosen))
        zh.append("")
        en.append("")
    zh.append(CLOSING[0])
    en.append(CLOSING[1])
    return symbol, "\n".join(zh) + "\n", "\n".join(en) + "\n"


def write_pairs(folder: Path, numbers: list[int], **kwargs: int) -> list[str]:
    """Write `<S-PV-n>.zh.txt` / `.en.txt` for each meeting number; returns the symbols."""
    folder.mkdir(parents=True, exist_ok=True)
    symbols = []
    for n in numbers:
        symbol, zh, en = record_texts(n, **kwargs)
        stem = symbol.replace("/", "-")
        (folder / f"{stem}.zh.txt").write_text(zh, encoding="utf-8")
        (folder / f"{stem}.en.txt").write_text(en, encoding="utf-8")
        symbols.append(symbol)
    return symbols
