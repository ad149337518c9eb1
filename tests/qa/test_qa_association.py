"""Word associations: learned from a batch, and the general ones shipped with the checks."""

from __future__ import annotations

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
