"""Terminology: bilingual term extraction from aligned records, glossary entries, TBX/TSV export.

`extract_terms(alignment, embedder=...)` turns one RecordAlignment into TermEntry objects;
aligner/store/glossary.py keeps them (merged across records) and api/routes/glossary.py and
aligner/cli/glossary.py serve them.
"""
