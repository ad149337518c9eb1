"""verbalign: Chinese-English alignment, terminology and QA for UN verbatim records.

Data flow: ingest (PDF/text -> repaired lines) -> parse (metadata, turns, sentences)
-> align (turns, then sentences) -> terms / qa -> store -> api.
"""

__version__ = "0.1.0"
