"""verbalign glossary commands."""

from __future__ import annotations

from aligner.cli.app import app  # noqa: F401
