"""The reproducibility signature names version, model, parameters and weights."""

from __future__ import annotations

from aligner import __version__
from aligner.align.params import AlignParams
from aligner.align.signature import alignment_signature, parse_signature


def test_signature_fields() -> None:
    sig = parse_signature(alignment_signature("use-m-v3"))
    assert sig["verbalign"] == __version__
    assert sig["model"] == "use-m-v3"
    assert sig["ma"] == "4-4" and sig["band"] == "8"
    assert sig["w"].startswith("default@")


def test_every_parameter_change_changes_the_signature() -> None:
    base = alignment_signature("use-m-v3", AlignParams())
    variants = [
        AlignParams(max_side=3),
        AlignParams(max_one_to_many=4),
        AlignParams(band=5),
        AlignParams(full_search_cells=1000),
        AlignParams(margin=False),
        AlignParams(length_model=False),
        AlignParams(evidence=False),
        AlignParams(break_weight=0.0),
        AlignParams(mbr_penalty=-1.0),
    ]
    sigs = {alignment_signature("use-m-v3", p) for p in variants}
    assert base not in sigs and len(sigs) == len(variants)
    assert alignment_signature("LaBSE") != base


def test_link_types_cover_4_4_and_one_to_many() -> None:
    types = AlignParams().link_types()
    assert {(1, 0), (0, 1), (1, 1), (2, 2), (4, 4), (4, 1), (1, 6)} <= set(types)
    assert (5, 1) not in types and (2, 5) not in types and (0, 0) not in types
