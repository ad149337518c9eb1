"""Word rendering rates: a run of unrendered words that are usually rendered is an omission's
evidence, a run of words often left free is loose translation."""

from __future__ import annotations

from aligner.qa.check import PairView
from aligner.qa.coverage_prior import CoveragePrior, shipped, weighted_run


def _prior() -> CoveragePrior:
    observed = [("zh", "阴谋", True)] * 9 + [("zh", "阴谋", False)]
    observed += [("zh", "进行", True)] * 2 + [("zh", "进行", False)] * 8
    return CoveragePrior.count(observed)


def test_a_word_usually_rendered_weighs_more_when_unrendered() -> None:
    prior = _prior()
    assert prior.rate("zh", "阴谋") > prior.rate("zh", "从未见过") > prior.rate("zh", "进行")
    assert prior.weight("zh", "阴谋") > prior.weight("zh", "进行")
    # smoothing: a word never seen reads as the overall rate
    assert prior.rate("zh", "从未见过") == prior.overall["zh"]


def test_weighted_run_survives_one_rendered_word_but_not_many() -> None:
    strong, weak = 2.0, 0.2
    assert weighted_run([strong, strong, None, strong]) == 2 * strong - 1.5 + strong
    assert weighted_run([weak, None, weak, None, weak]) == weak
    assert weighted_run([None, None]) == 0.0


def test_rows_read_back_as_the_same_rates(tmp_path, monkeypatch) -> None:
    from aligner.qa import coverage_prior

    prior = _prior()
    path = tmp_path / "rates.tsv"
    path.write_text("# header\n" + "\n".join(prior.rows()) + "\n", "utf-8")
    monkeypatch.setattr(coverage_prior, "SHIPPED", path)
    shipped.cache_clear()
    try:
        again = shipped()
        assert again.rate("zh", "阴谋") == prior.rate("zh", "阴谋")
        assert again.overall == prior.overall
    finally:
        shipped.cache_clear()


def test_the_shipped_rates_know_general_vocabulary() -> None:
    prior = shipped()
    assert 0.5 < prior.overall["zh"] < 0.95 and 0.5 < prior.overall["en"] < 0.95
    assert len(prior.counts["zh"]) > 1000 and len(prior.counts["en"]) > 1000


def test_a_dropped_phrase_raises_the_weighted_run_of_the_other_side() -> None:
    """The English loses "on the basis of plots and lies": the Chinese 阴谋 and 谎言, words
    a faithful English renders, are left without a rendering (shortened from a pair of the
    United Nations Parallel Corpus, ../shared/real/unpc-dev)."""
    from aligner.qa.semantic import lexical_evidence

    zh = "就其本质而言，这些人惯于颠倒是非，并通过制造阴谋和谎言发动战争。"
    en = (
        "By origin, they are accustomed to confusing right and wrong and unleashing war on "
        "the basis of plots and lies."
    )
    dropped = "By origin, they are accustomed to confusing right and wrong and unleashing war."
    zh_clean, _ = lexical_evidence(PairView("a", zh, en))
    zh_drop, _ = lexical_evidence(PairView("b", zh, dropped))
    assert zh_drop.wrun > zh_clean.wrun
    assert zh_drop.wrun > zh_drop.rival_wrun


def test_the_shipped_full_model_spares_the_window_embeddings() -> None:
    """Leave-one-out carries what window coverage did: the model is fitted without it and only
    the two sides are embedded for the similarity."""
    from aligner.qa.semantic import _texts, uses_windows

    assert not uses_windows()
    zh = "国际社会必须集体努力缓和紧张局势，防止升级。"
    en = "The international community must work collectively to ease tensions."
    assert _texts(PairView("a", zh, en)) == [zh, en]
    assert len(_texts(PairView("a", zh, en), windows=True)) > 2
