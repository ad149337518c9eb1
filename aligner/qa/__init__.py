"""Translation QA of aligned zh-en pairs, the way UN QA and tools such as Xbench check them.

Checks (each a registered `Check`, see check.py): numbers, dates and times, document symbols,
countries and named entities / glossary terms, negation, untranslated text, omissions and
additions (length, similarity, clause ablation), unaligned sentences; and, over a stored
record, term consistency (report.py).

    from aligner.qa import check_pair
    check_pair("已有105名军人死亡。", "150 servicemen have been killed.")
    -> [Flag(type="number", severity="error", message="number differs: 105 (zh) vs 150 (en)", ...)]
"""

from aligner.qa.check import PairView, QAContext, available_checks, build_checks
from aligner.qa.flag import Flag, Span
from aligner.qa.runner import PairResult, check_pair, check_pairs

__all__ = [
    "Flag",
    "PairResult",
    "PairView",
    "QAContext",
    "Span",
    "available_checks",
    "build_checks",
    "check_pair",
    "check_pairs",
]
