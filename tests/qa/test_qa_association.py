"""Word associations: learned from a batch, and the general ones shipped with the checks."""

from __future__ import annotations

import pytest

from aligner.qa.association import BatchAssociations, learn, shipped
from aligner.qa.check import PairView
from aligner.qa.semantic import learn_associations


def test_words_that_keep_meeting_are_linked_and_one_pair_links_nothing() -> None:
    pairs = [({"努力", f"词{k}"}, {"effort", f"word{k}"}) for k in range(200)]
    pairs += [({"保护"}, {"protect"})] * 5 + [({"孤例"}, {"lone"})]
    pairs += [({f"填{k}"}, {f"fill{k}"}) for k in range(1000)]  # keeps 努力 under MAX_DOC_SHARE
    links = learn(pairs)
    assert links.related("保护", frozenset({"protect"}))
    assert not links.related("孤例", frozenset({"lone"}))  # seen once
    assert learn(pairs[:10]).empty  # a small batch learns nothing by itself


def test_shipped_associations_are_general_vocabulary_and_serve_small_batches() -> None:
    general = shipped()
    assert not general.empty
    assert general.related("努力", frozenset({"effort"}))
    # every English side is a lower-case stem: no names
    assert all(s == s.lower() for stems in general.links.values() for s in stems)
    small = [PairView("a", "我们支持这些努力。", "We support these efforts.")]
    assert learn_associations(small).links == general.links
    merged = BatchAssociations({"努力": frozenset({"endeavour"})}).merged(general)
    assert merged.related("努力", frozenset({"effort"}))
    assert merged.related("努力", frozenset({"endeavour"}))


def test_un_names_of_the_tables_are_words_of_the_lexicon() -> None:
    # Official record S/PV.9642 (United Nations): CC-CEDICT lacks 联伊援助团, and forward
    # maximum matching read 援助团结束 as 援助/团结/束 ("unity"), leaving the pair unrendered.
    from aligner.qa.lexicon import load_lexicon

    lexicon = load_lexicon()
    if lexicon is None:
        pytest.skip("the dictionary package is not installed")
    zh = "继续密切关注这一问题，包括在联伊援助团结束工作后。"
    en = "We must continue to pay close attention to it, including after the closing of UNAMI."
    marks = {zh[a:b]: covered for a, b, covered in lexicon.zh_marks_at(zh, en)}
    assert marks.get("联伊援助团") is True
    assert "团结" not in marks
