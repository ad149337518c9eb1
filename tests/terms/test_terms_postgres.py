"""The glossary store's tests once more on PostgreSQL (a server the test fixtures start:
tests/pg_server.py): merging across records, rebuilds, a failed build, curation.

The tests are test_terms_glossary_store.py's, imported here so that they run with this
module's `store` (the rest of tests/terms runs on SQLite).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pg_server import store_backends
from test_terms_glossary_store import (
    test_a_failed_build_leaves_the_previous_glossary,
    test_a_reviewers_status_survives_a_rebuild,
    test_a_store_wide_build_finds_terms_that_recur_across_records,
    test_curated_entries_are_kept_when_no_record_attests_them,
    test_curation_validates_its_fields,
    test_edits_are_stored_in_simplified_form_with_a_traditional_twin,
    test_entries_merge_across_records,
    test_rebuilding_a_record_replaces_its_contribution,
    test_uncurated_entries_a_record_no_longer_attests_are_removed,
)

from aligner.store import Repository, open_store

pytestmark = pytest.mark.skipif(
    "postgresql" not in store_backends(), reason="PostgreSQL is not among the test backends"
)

__all__ = [
    "test_a_failed_build_leaves_the_previous_glossary",
    "test_a_reviewers_status_survives_a_rebuild",
    "test_a_store_wide_build_finds_terms_that_recur_across_records",
    "test_curated_entries_are_kept_when_no_record_attests_them",
    "test_curation_validates_its_fields",
    "test_edits_are_stored_in_simplified_form_with_a_traditional_twin",
    "test_entries_merge_across_records",
    "test_rebuilding_a_record_replaces_its_contribution",
    "test_uncurated_entries_a_record_no_longer_attests_are_removed",
]


@pytest.fixture
def store(postgres_url: str) -> Iterator[Repository]:
    s = open_store(postgres_url)
    assert s.location.startswith("postgresql://")
    yield s
    s.close()
