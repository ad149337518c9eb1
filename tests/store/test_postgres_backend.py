"""The PostgreSQL backend's own machinery, on a real server the fixtures start
(tests/pg_server.py): concordance identical to SQLite's on the bundled UN record pair, the
indexes that serve it, migrations, the connection pool, and clear one-line errors for an
unreachable server, bad credentials or a missing driver (password never shown, nothing
written). The behaviour both backends share is tested through `store` in the other files."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from pg_server import PASSWORD_ROLE, PostgresServer, store_backends
from synthetic_records import SYMBOL, make_alignment

from aligner.errors import InputError
from aligner.models import RecordAlignment
from aligner.store import StoreUnavailableError, open_store
from aligner.store.location import parse_location
from aligner.store.migrations import MigrationError, registered
from aligner.store.repository import Repository

pytestmark = pytest.mark.skipif(
    "postgresql" not in store_backends(), reason="PostgreSQL is not among the test backends"
)
CLI = [sys.executable, "-c", "from aligner.cli import main; main()"]


@pytest.fixture(scope="module")
def bundled() -> RecordAlignment:
    """The bundled S/PV.9132 pair (official UN records, corpora/S-PV-9132) parsed and aligned
    once with the hashing embedder: the same data goes into both backends."""
    from aligner.align.hashing_embedder import HashingEmbedder
    from aligner.align.pipeline import align_records
    from aligner.parse import parse_record

    folder = Path(__file__).resolve().parents[2] / "corpora" / "S-PV-9132"
    zh = parse_record((folder / "zh.txt").read_bytes(), name="zh.txt")
    en = parse_record((folder / "en.txt").read_bytes(), name="en.txt")
    return align_records(zh, en, embedder=HashingEmbedder())


QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("安全理事会", {}),
    ("安全理事會", {}),  # Traditional: the matching forms are Simplified
    ("安理会", {"lang": "zh"}),
    ("理事", {}),  # two characters: no trigram
    ("国", {}),  # one character
    ("國", {"lang": "zh"}),
    ("阿塞拜疆", {}),
    ("Security Council", {}),
    ("SECURITY council", {"lang": "en"}),  # case
    ("Nagorno-Karabakh", {}),
    ("UN", {}),  # two ASCII letters, either case
    ("a", {"lang": "en"}),
    ("%", {}),  # LIKE's wildcards are plain text
    ("_", {}),
    ("1", {}),
    ("S/PV", {}),
    ("决议", {"offset": 5, "limit": 7}),
    ("the", {"lang": "en", "offset": 40, "limit": 30}),
    ("，", {}),  # full-width comma: folded to ","
    ("ceasefire", {"symbol": "S/PV.9132"}),
]


def _answers(store: Repository) -> list[tuple[int, list[tuple[int, str, str, list[str]]]]]:
    out = []
    for query, options in QUERIES:
        page = store.search(query, **{"limit": 50, **options})
        out.append(
            (
                page.total,
                [(h.pair.position, h.zh_highlight, h.en_highlight, h.matched) for h in page.items],
            )
        )
    return out


def test_the_concordance_answers_as_sqlite_does_on_the_bundled_pair(
    bundled: RecordAlignment, postgres_url: str, tmp_path: Path
) -> None:
    answers = []
    for location in (str(tmp_path / "v.db"), postgres_url):
        store = open_store(location)
        try:
            store.save_alignment(bundled)
            answers.append(_answers(store))
        finally:
            store.close()
    sqlite, postgres = answers
    for (query, _), a, b in zip(QUERIES, sqlite, postgres, strict=True):
        assert a == b, query
    assert sqlite[0][0] > 5 and sqlite[0] == sqlite[1]  # the test finds something to compare
    assert sqlite[4][0] > sqlite[3][0] > 0


def _plan(url: str, sql: str, params: list[Any]) -> str:
    import psycopg

    from aligner.store.postgres.database import pg_sql

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET enable_seqscan = off")  # a small table: ask for the index's plan
        rows = conn.execute("EXPLAIN " + pg_sql(sql), params).fetchall()
    return "\n".join(r[0] for r in rows)


@pytest.mark.parametrize(
    ("needle", "indexes"),
    [
        ("安全理事会", {"pairs_zh_trgm", "pairs_en_trgm"}),
        ("council", {"pairs_zh_trgm", "pairs_en_trgm"}),
        ("理事", {"pairs_zh_chars", "pairs_en_chars"}),
        ("国", {"pairs_zh_chars", "pairs_en_chars"}),
    ],
)
def test_chinese_queries_are_served_by_an_index(
    postgres_url: str, needle: str, indexes: set[str]
) -> None:
    from aligner.store.postgres.dialect import PostgresDialect

    store = open_store(postgres_url)
    try:
        store.save_alignment(make_alignment())
    finally:
        store.close()
    clause, params = PostgresDialect().concordance(["zh_norm", "en_norm"], needle)
    plan = _plan(postgres_url, f"SELECT p.id FROM pairs p WHERE {clause}", params)
    for index in indexes:
        assert f"Bitmap Index Scan on {index}" in plan, plan


def test_a_one_or_two_letter_latin_query_matches_ascii_case_only_as_sqlite(
    store_location: str,
) -> None:
    """SQLite's LIKE folds ASCII letters only; 3+ characters are folded fully on both."""
    store = open_store(store_location)
    try:
        store.save_alignment(make_alignment())
        assert store.search("un").total == store.search("UN").total
        assert store.search("cou").total == store.search("COU").total > 0
    finally:
        store.close()


# --- errors: one line, the password masked, nothing written ------------------------------


def test_bad_credentials_are_one_line_with_the_password_masked(
    postgres_server: PostgresServer,
) -> None:
    role, password = PASSWORD_ROLE
    url = postgres_server.url("postgres", user=role, password="wrong-secret")
    with pytest.raises(StoreUnavailableError) as caught:
        open_store(url)
    message = str(caught.value)
    assert message.startswith(f"cannot connect to the database postgresql://{role}:***@")
    assert "password authentication failed" in message
    assert "wrong-secret" not in message and "\n" not in message
    assert password != "wrong-secret"


def test_the_cli_says_so_in_one_line_and_exits_2(postgres_server: PostgresServer) -> None:
    role, _ = PASSWORD_ROLE
    url = postgres_server.url("postgres", user=role, password="wrong-secret")
    for args in (("corpus", "load", ".", "--db", url), ("serve", "--db", url, "--port", "8998")):
        result = subprocess.run(
            [*CLI, *args], capture_output=True, text=True, timeout=120, cwd=Path(__file__).parent
        )
        if args[0] == "corpus":  # not a corpus: refused before the database is opened
            assert result.returncode == 2 and "not a verbalign corpus" in result.stderr
            continue
        assert result.returncode == 2, result.stderr
        [line] = result.stderr.strip().splitlines()
        assert "cannot connect to the database" in line and "password authentication" in line
        assert "wrong-secret" not in result.stderr + result.stdout


def test_a_database_owned_by_an_ordinary_role_migrates_pg_trgm_included(
    postgres_server: PostgresServer,
) -> None:
    """pg_trgm is a trusted extension: the database's owner creates it, no superuser needed."""
    role, password = PASSWORD_ROLE
    name = "owned_by_role"
    postgres_server.admin(f"CREATE DATABASE {name} OWNER {role} TEMPLATE template0")
    try:
        store = open_store(postgres_server.url(name, user=role, password=password))
        try:
            store.save_alignment(make_alignment())
            assert store.search("安全理事会").total > 0
            assert password not in store.location and "***" in store.location
        finally:
            store.close()
    finally:
        postgres_server.drop_database(name)


def test_a_database_that_is_not_utf8_is_refused(postgres_server: PostgresServer) -> None:
    name = "latin1_db"
    postgres_server.admin(
        f"CREATE DATABASE {name} ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
    )
    try:
        with pytest.raises(StoreUnavailableError, match="not UTF-8"):
            open_store(postgres_server.url(name))
    finally:
        postgres_server.drop_database(name)


def test_a_missing_database_is_a_clear_error(postgres_server: PostgresServer) -> None:
    with pytest.raises(StoreUnavailableError, match='database "no_such_db" does not exist'):
        open_store(postgres_server.url("no_such_db"))


def test_without_psycopg_the_message_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # what an install without the extra has
    with pytest.raises(StoreUnavailableError, match=r"pip install 'verbalign\[postgres\]'"):
        open_store("postgresql://verbalign@127.0.0.1:1/verbalign")


def test_a_url_that_is_not_one_is_an_input_error() -> None:
    with pytest.raises(InputError):
        parse_location("mysql://localhost/v")


# --- migrations, pool, transactions ---------------------------------------------------------


def _versions(url: str) -> dict[str, int]:
    import psycopg

    from aligner.store.migrations import applied_versions

    with psycopg.connect(url, autocommit=True) as conn:
        return applied_versions(conn)


def test_reopening_applies_nothing_and_a_newer_database_is_refused(postgres_url: str) -> None:
    import psycopg

    known = {ns: len(m) for ns, m in registered("postgresql").items()}
    assert _versions(postgres_url) == known
    open_store(postgres_url).close()
    assert _versions(postgres_url) == known
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES ('core', 999, 'from the future', 'now')")
    with pytest.raises(MigrationError, match="newer"):
        open_store(postgres_url)


def test_two_processes_opening_a_new_database_at_once_migrate_it_once(
    postgres_server: PostgresServer,
) -> None:
    name = "fresh_for_two"
    postgres_server.admin(f"CREATE DATABASE {name} TEMPLATE template0")
    url = postgres_server.url(name)
    script = "import sys; from aligner.store import open_store; open_store(sys.argv[1]).close()"
    try:
        runs = [
            subprocess.Popen([sys.executable, "-c", script, url], stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0, err.decode()
        known = {ns: len(m) for ns, m in registered("postgresql").items()}
        assert _versions(url) == known
    finally:
        postgres_server.drop_database(name)


def test_more_threads_than_connections_all_get_their_answer(postgres_url: str) -> None:
    from aligner.store.postgres.store import PostgresStore

    store = PostgresStore(parse_location(postgres_url), pool_size=2)
    try:
        store.save_alignment(make_alignment())
        results: list[int] = []
        errors: list[BaseException] = []

        def read() -> None:
            try:
                for _ in range(5):
                    results.append(store.list_pairs(SYMBOL).total)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=read) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert not errors and len(results) == 40 and len(set(results)) == 1
    finally:
        store.close()


def test_a_failed_write_leaves_nothing_and_the_connection_usable(postgres_url: str) -> None:
    store = open_store(postgres_url)
    try:
        store.save_alignment(make_alignment())
        version = store.data_version()
        with pytest.raises(Exception, match="boom"), store.write() as c:  # type: ignore[attr-defined]
            c.execute("DELETE FROM pairs")
            raise RuntimeError("boom")
        assert store.data_version() == version
        assert store.list_pairs(SYMBOL).total == len(make_alignment().pairs)
    finally:
        store.close()
