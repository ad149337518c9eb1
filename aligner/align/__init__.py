"""Alignment: embeddings, the turn aligner, the sentence aligner, confidence and signatures.

Modules, in data-flow order: embedder (text -> vectors, cached), turns (turn sequences),
sentences (sentence spans inside a turn pair, on top of the pure-numpy DP core in dp),
confidence (calibrated link probabilities), signature (reproducibility stamp), pipeline
(two parsed records -> RecordAlignment).
"""
