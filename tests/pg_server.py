"""A throwaway PostgreSQL server for the tests: the machine's own server binaries (Debian's
postgresql-15: initdb, pg_ctl), a data folder and a unix socket in a temporary folder, no TCP
port, started once per test session and removed at its end. Never a mock.

pg_ctl refuses to run as root, so as root the server runs as the `postgres` user (runuser).
Each test gets a fresh database copied from a migrated template (CREATE DATABASE ... TEMPLATE
is a file copy: fast), so tests stay independent.

Which backends the tests cover: VERBALIGN_TEST_BACKENDS (e.g. "sqlite,postgresql"; `make test`
sets it), both when unset. The PostgreSQL tests skip, saying why, only when the server binaries
are not installed and VERBALIGN_TEST_BACKENDS does not name postgresql (`make test` names it
and installs them: there a missing server is a failure). psycopg is in the dev extra: missing,
it is an error, never a skip.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

BACKENDS_ENV = "VERBALIGN_TEST_BACKENDS"
TEMPLATE = "verbalign_template"
PASSWORD_ROLE = ("verbalign_pw", "right-password")
"""A role that must give its password (scram-sha-256), for the bad-credentials tests; every
other connection on the socket is trusted."""
SERVER_SETTINGS = (
    # Durability is of no use to a throwaway server: these make CREATE DATABASE and commits
    # cheap on a busy machine.
    "-c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
    "-c max_connections=200 -c shared_buffers=64MB"
)


def bin_dir() -> Path | None:
    """The folder of initdb/pg_ctl: Debian's newest /usr/lib/postgresql/N/bin, else PATH."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parent.parent.name),
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def psycopg_installed() -> bool:
    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError:
        return False
    return True


def store_backends() -> list[str]:
    """The store backends the suite runs against."""
    wanted = os.environ.get(BACKENDS_ENV)
    if not wanted:
        return ["sqlite", "postgresql"]
    names = [b.strip() for b in wanted.split(",") if b.strip()]
    unknown = set(names) - {"sqlite", "postgresql"}
    if unknown:
        raise RuntimeError(f"{BACKENDS_ENV}: unknown backends {sorted(unknown)}")
    return names


def postgres_required() -> bool:
    """Whether a missing PostgreSQL server fails the tests rather than skipping them."""
    return "postgresql" in os.environ.get(BACKENDS_ENV, "")


NO_SERVER = (
    "PostgreSQL's server binaries (initdb, pg_ctl) are not installed: the tests of the "
    "PostgreSQL store need them (Debian: apt-get install postgresql; `make system-deps`)"
)


class PostgresServer:
    def __init__(self) -> None:
        self.bin = bin_dir()
        if self.bin is None:
            raise RuntimeError(NO_SERVER)
        if not psycopg_installed():
            raise RuntimeError("psycopg is not installed: pip install -e '.[dev]'")
        self.as_postgres = os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(prefix="verbalign-pg-"))
        self.data = self.root / "data"
        self.socket = self.root / "socket"
        self.socket.mkdir()
        self.log = self.root / "server.log"
        self._names = itertools.count(1)
        self._lock = threading.Lock()
        if self.as_postgres:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket, "postgres")
            self.root.chmod(0o755)

    # --- running the server binaries -----------------------------------------------------
    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        assert self.bin is not None
        cmd = [str(self.bin / tool), *args]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=self.root)

    def start(self) -> PostgresServer:
        done = None
        for locale in ("C.UTF-8", "C"):  # a UTF-8 ctype lets pg_trgm index Chinese
            done = self._run(
                "initdb", "-D", str(self.data), "-E", "UTF8", f"--locale={locale}", "-A",
                "trust", "-U", "postgres", "--no-sync",
            )  # fmt: skip
            if done.returncode == 0:
                break
            shutil.rmtree(self.data, ignore_errors=True)
        assert done is not None
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr.strip()[-500:]}")
        hba = self.data / "pg_hba.conf"
        hba.write_text(
            f"local all {PASSWORD_ROLE[0]} scram-sha-256\n" + hba.read_text(), encoding="utf-8"
        )
        started = self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
            "-o", f"{SERVER_SETTINGS} -k {self.socket}", "start",
        )  # fmt: skip
        if started.returncode != 0:
            log = self.log.read_text(errors="replace")[-1000:] if self.log.exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {started.stderr.strip()} {log}")
        role, password = PASSWORD_ROLE
        self.admin(f"CREATE ROLE {role} LOGIN CREATEDB PASSWORD '{password}'")
        self._migrate_template()
        return self

    def stop(self) -> None:
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    # --- databases -----------------------------------------------------------------------
    def url(self, database: str, user: str = "postgres", password: str | None = None) -> str:
        auth = f"{user}:{password}" if password else user
        return f"postgresql://{auth}@/{database}?host={self.socket}"

    def admin(self, *statements: str) -> None:
        """Run statements on the maintenance database, outside a transaction."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            for sql in statements:
                conn.execute(sql)  # type: ignore[arg-type]

    def _migrate_template(self) -> None:
        from aligner.store import open_store

        self.admin(f"CREATE DATABASE {TEMPLATE} ENCODING 'UTF8' TEMPLATE template0")
        open_store(self.url(TEMPLATE)).close()  # every migration applied once, here

    def new_database(self) -> str:
        """A fresh, migrated database; its URL."""
        with self._lock:
            name = f"test_{os.getpid()}_{next(self._names)}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def store_location_of(backend: str, request: Any, tmp_path: Path) -> str:
    """Where a throwaway store of `backend` lives (a path or URL for `open_store`); `request`
    is the test's pytest request (the PostgreSQL database is the `postgres_url` fixture)."""
    if backend == "sqlite":
        return str(tmp_path / "test.db")
    if backend == "postgresql":
        return str(request.getfixturevalue("postgres_url"))
    raise AssertionError(f"no throwaway database for backend {backend!r}")
