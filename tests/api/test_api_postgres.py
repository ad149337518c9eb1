"""The service's end-to-end tests once more with the store on PostgreSQL (a server the test
fixtures start: tests/pg_server.py): upload -> import job -> record, pairs, search, TM,
export; a failed import stores nothing; readers during a re-alignment see whole records.

The tests are the ones of test_api_upload.py and test_api_concurrency.py, imported here so
that they run with this module's `settings` (the rest of tests/api runs on SQLite).
"""

from __future__ import annotations

import pytest
from api_support import TOKEN
from fastapi.testclient import TestClient
from pg_server import store_backends
from test_api_concurrency import test_readers_during_realignment_see_whole_records
from test_api_upload import (
    test_a_failed_import_stores_nothing,
    test_upload_align_search_lookup_export,
)

from api.settings import Settings

pytestmark = pytest.mark.skipif(
    "postgresql" not in store_backends(), reason="PostgreSQL is not among the test backends"
)

__all__ = [
    "test_a_failed_import_stores_nothing",
    "test_readers_during_realignment_see_whole_records",
    "test_upload_align_search_lookup_export",
]


@pytest.fixture
def settings(postgres_url: str) -> Settings:
    return Settings(db=postgres_url, token=TOKEN, max_upload_mb=0.05)


def test_the_service_runs_on_postgresql(client: TestClient) -> None:
    assert client.app.state.store.location.startswith("postgresql://")
    assert client.get("/records").json()["total"] == 0
