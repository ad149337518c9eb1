"""Terminology: bilingual term extraction from aligned records, glossary entries, TBX/TSV export.

`extract_terms(alignment, embedder=...)` turns one RecordAlignment into TermEntry objects;
`extract_from_pairs(pairs, embedder=..., known=...)` does the same over the aligned pairs of
any number of records (store-wide association: a term that recurs once per record is found
once several records are in). Both are pure: aligner/store/glossary.py keeps the entries
(merged across records) and api/routes/glossary.py and aligner/cli/glossary.py serve them.
"""
