"""Choosing the backend from VERBALIGN_DB / --db: a path or sqlite:/// URL is SQLite; a
PostgreSQL URL is the PostgreSQL backend (never a folder named "postgresql:"), and a server
that cannot be reached is a clear error that names the database without its password."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.errors import InputError
from aligner.store import StoreUnavailableError, open_store, resolve_location
from aligner.store.location import parse_location
from aligner.store.sqlite import SQLiteStore
from api.settings import Settings


@pytest.mark.parametrize(
    ("value", "target"),
    [
        ("var/verbalign.db", "var/verbalign.db"),
        ("sqlite:///var/verbalign.db", "var/verbalign.db"),
        ("sqlite:////srv/data/v.db", "/srv/data/v.db"),
        ("C:/data/v.db", "C:/data/v.db"),
    ],
)
def test_paths_and_sqlite_urls_are_sqlite(value: str, target: str) -> None:
    location = parse_location(value)
    assert (location.backend, location.target) == ("sqlite", target)


def test_a_sqlite_url_opens_the_file_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    store = open_store("sqlite:///sub/v.db")
    assert isinstance(store, SQLiteStore) and store.location == "sub/v.db"
    store.close()
    assert (tmp_path / "sub" / "v.db").is_file()
    monkeypatch.setenv("VERBALIGN_DB", f"sqlite:///{tmp_path}/env.db")  # absolute: 4 slashes
    open_store().close()
    assert (tmp_path / "env.db").is_file()


@pytest.mark.parametrize(
    "url",
    [
        # Nothing listens on port 1 of the loopback address: refused at once.
        "postgresql://verbalign:secret@127.0.0.1:1/verbalign",
        "postgres://verbalign:secret@127.0.0.1:1/verbalign",
        "postgresql+psycopg://verbalign:secret@127.0.0.1:1/verbalign",
        Path("postgresql://verbalign:secret@127.0.0.1:1/verbalign"),  # a Path: postgresql:/...
    ],
)
def test_an_unreachable_postgresql_server_is_a_clear_error_and_creates_nothing(
    url: str | Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("psycopg")
    monkeypatch.chdir(tmp_path)
    assert resolve_location(url).backend == "postgresql"
    with pytest.raises(StoreUnavailableError, match="cannot connect to the database") as caught:
        open_store(url)
    message = str(caught.value)
    assert "verbalign:***@127.0.0.1:1/verbalign" in message and "secret" not in message
    assert "\n" not in message
    monkeypatch.setenv("VERBALIGN_DB", str(url))
    with pytest.raises(StoreUnavailableError):
        open_store()
    assert list(tmp_path.iterdir()) == []


def test_a_path_made_of_a_url_is_read_as_the_url() -> None:
    location = parse_location(Path("postgresql://u@db.example/v"))
    assert (location.backend, location.target) == ("postgresql", "postgresql://u@db.example/v")


def test_messages_never_show_a_password() -> None:
    location = parse_location("postgresql://verbalign:secret@db.example:5432/v")
    assert str(location) == "postgresql://verbalign:***@db.example:5432/v"


@pytest.mark.parametrize("bad", ["mysql://localhost/v", "sqlite://", "sqlite://host/v.db", " "])
def test_unknown_or_malformed_urls_are_input_errors(bad: str) -> None:
    with pytest.raises(InputError):
        parse_location(bad)


def test_the_service_setting_keeps_a_url_as_written(tmp_path: Path) -> None:
    url = "postgresql://localhost/verbalign"
    assert Settings(db=url).db == url
    assert Settings(db=tmp_path / "v.db").db == str(tmp_path / "v.db")
