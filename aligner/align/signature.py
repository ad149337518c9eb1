"""Reproducibility signature, sacrebleu style: every alignment result says which version, model,
parameters and learned weights produced it, e.g.
`verbalign:0.1.0|model:use-m-v3|ma:4-4|1n:6|band:8|full:2.5e+06|margin:yes|len:yes|ev:yes|para:1|
w:default@1a2b3c4d` (one line).
"""

from __future__ import annotations

import hashlib
import json

from aligner import __version__
from aligner.align.calibration import COEFFICIENTS
from aligner.align.params import AlignParams
from aligner.align.weights import WEIGHTS


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def weights_digest(name: str) -> str:
    """Short hash of the scoring weights and calibration, so a re-fit changes the signature."""
    blob = json.dumps([WEIGHTS.get(name, {}), COEFFICIENTS], sort_keys=True).encode()
    return hashlib.sha1(blob).hexdigest()[:8]


def alignment_signature(model: str, params: AlignParams | None = None) -> str:
    p = params or AlignParams()
    fields = [
        ("verbalign", __version__),
        ("model", model),
        ("ma", f"{p.max_side}-{p.max_side}"),
        ("1n", str(p.max_one_to_many)),
        ("band", str(p.band)),
        ("full", f"{p.full_search_cells:g}"),
        ("margin", _yes(p.margin)),
        ("len", _yes(p.length_model)),
        ("ev", _yes(p.evidence)),
        ("para", f"{p.break_weight:g}"),
        ("dec", f"mbr{p.mbr_penalty:g}" if p.mbr_penalty >= 0 else "viterbi"),
        ("w", f"{p.weights}@{weights_digest(p.weights)}"),
    ]
    return "|".join(f"{k}:{v}" for k, v in fields)


def parse_signature(signature: str) -> dict[str, str]:
    """The fields of a signature, for comparing two results."""
    out = {}
    for part in signature.split("|"):
        key, _, value = part.partition(":")
        out[key] = value
    return out
