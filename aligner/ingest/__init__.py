"""Ingestion: reading a record's bytes (PDF or extracted text) and repairing extraction damage
(page furniture, wrapped lines, column/page breaks, hyphenation, stray spaces, variants)."""
