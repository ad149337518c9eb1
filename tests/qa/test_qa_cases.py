"""The injected-error cases built from the bundled record (bench/qa_build_cases.py): the
rule-based checks alone must catch the errors they are meant for and stay quiet on clean
pairs, with the general resources alone and with the record's own glossary (built at import:
its places and people are no longer bundled with the code). The figures on real UN
translations come from `python -m bench.qa_eval`."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from aligner.qa.check import QAContext
from aligner.qa.entities import default_index
from aligner.qa.runner import check_pairs, views_from_dicts

CASES = Path(__file__).parent / "data" / "qa_cases.jsonl"
RULE_KINDS = {
    "number_change",
    "number_drop",
    "date_change",
    "symbol_change",
    "symbol_drop",
    "entity_swap",
    "negation_flip",
    "untranslated",
}


def _assert_case_set(ctx: QAContext) -> None:
    cases = [json.loads(x) for x in CASES.read_text("utf-8").splitlines() if x.strip()]
    results = check_pairs(views_from_dicts(cases), ctx)
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for case, result in zip(cases, results, strict=True):
        key = case["kind"] if case["label"] == "error" else "clean"
        total[key] += 1
        hit[key] += bool(result.flags)
    assert total["clean"] > 400 and sum(total[k] for k in RULE_KINDS) > 200
    recall = sum(hit[k] for k in RULE_KINDS) / sum(total[k] for k in RULE_KINDS)
    false_alarms = hit["clean"] / total["clean"]
    assert recall >= 0.9, {k: f"{hit[k]}/{total[k]}" for k in RULE_KINDS}
    assert false_alarms <= 0.05
    for kind in RULE_KINDS:
        assert hit[kind] / total[kind] >= 0.85, kind


def test_rule_based_checks_on_the_case_set() -> None:
    _assert_case_set(QAContext())


@pytest.mark.model
def test_rule_based_checks_with_the_record_glossary(bundled_glossary: list[dict]) -> None:
    places = {(e["zh"], e["en"]) for e in bundled_glossary if e["type"] == "place"}
    assert ("拉钦", "Lachin") in places
    _assert_case_set(QAContext(entities=default_index(bundled_glossary)))


def test_case_file_shape() -> None:
    kinds = Counter()
    for line in CASES.read_text("utf-8").splitlines():
        case = json.loads(line)
        assert {"id", "zh", "en", "label", "kind", "split"} <= case.keys()
        kinds[case["kind"]] += 1
    # every kind of injected error the issue names, and tricky clean pairs
    assert RULE_KINDS | {"clause_drop", "sentence_add", "tricky", "clean_1-2", "clean_2-1"} <= set(
        kinds
    )
