"""Structure parsing: a UN verbatim record (PDF or text) to a Record of turns, paragraphs and
sentences with meeting metadata. Entry point: parse_record."""

from aligner.parse.record import parse_record

__all__ = ["parse_record"]
