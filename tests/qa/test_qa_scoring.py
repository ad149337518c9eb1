"""sacrebleu scoring: the right tokenizer per target language, per segment and corpus."""

from __future__ import annotations

import pytest
from sacrebleu.metrics import BLEU

from aligner.errors import InputError
from aligner.scoring import score_candidates, target_language


def test_chinese_target_uses_the_zh_tokenizer() -> None:
    cands = ["我们欢迎这项协议。", "停火能够维持"]
    refs = ["我们欢迎这项协议，并希望停火能够维持。", "停火能够维持。"]
    report = score_candidates(cands, refs)
    assert report.target == "zh" and report.tokenizer == "zh"
    assert "tok:zh" in report.signatures["bleu"]
    assert "asian:yes" in report.signatures["ter"]
    expected = BLEU(tokenize="zh").corpus_score(cands, [refs]).score
    assert report.corpus["bleu"] == pytest.approx(expected, abs=0.01)
    # without the zh tokenizer an unsegmented Chinese sentence is one "word" and scores 0
    assert BLEU(tokenize="13a").corpus_score(cands, [refs]).score < report.corpus["bleu"]
    assert report.segments[1].ter < 50


def test_english_target_and_per_segment_scores() -> None:
    report = score_candidates(
        ["We welcome that agreement.", "Completely unrelated words here."],
        ["We welcome that agreement.", "The ceasefire will hold."],
        ids=["a", "b"],
    )
    assert report.tokenizer == "13a"
    first, second = report.segments
    assert (first.id, first.bleu, first.chrf, first.ter) == ("a", 100.0, 100.0, 0.0)
    assert second.bleu < 20 and second.ter > 50
    assert "version:" in report.signatures["chrf"]


def test_language_detection() -> None:
    assert target_language(["停火协议"]) == "zh"
    assert target_language(["ceasefire (停火)"]) == "en"


@pytest.mark.parametrize(
    ("cands", "refs", "message"),
    [
        ([], [], "no candidate"),
        (["a"], ["a", "b"], "pair up"),
        (["a"], [""], "every reference is empty"),
    ],
)
def test_bad_input(cands: list[str], refs: list[str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        score_candidates(cands, refs)
