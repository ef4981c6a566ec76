"""The writable overlay: acts and sources users add, an audit log, a review queue.

The ledger is the bundled record plus this overlay. Every write goes through the same
loader and law as the bundled files before it lands (see ``overlay.py``), in one
transaction with its audit entry: a crash between validation and commit leaves the overlay
unchanged, and concurrent writers are serialised by the database. Schema migrations are
recorded in ``schema_migrations`` and applied transactionally.

Backends: SQLite (a file; the default lives in the user's data directory) and PostgreSQL
(``postgresql://...``). The SQL is shared: ``?`` placeholders (translated for psycopg),
``ON CONFLICT DO NOTHING``, ``RETURNING``. A write transaction first takes the write lock:
``BEGIN IMMEDIATE`` on SQLite, a transaction-scoped advisory lock on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from treatywatch.errors import UsageError
from treatywatch.model import ACT_FIELDS

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE overlay_sources (
            id TEXT PRIMARY KEY, url TEXT NOT NULL, publisher TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '',
            accessed TEXT NOT NULL DEFAULT '');
        CREATE TABLE overlay_acts (
            id TEXT PRIMARY KEY, treaty TEXT NOT NULL, state TEXT NOT NULL, kind TEXT NOT NULL,
            date TEXT NOT NULL, effective TEXT NOT NULL DEFAULT '',
            depositary TEXT NOT NULL DEFAULT '', reading TEXT NOT NULL DEFAULT '',
            sources TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', added_at TEXT NOT NULL,
            added_by TEXT NOT NULL);
        CREATE TABLE audit (
            seq {serial}, at TEXT NOT NULL, who TEXT NOT NULL,
            action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL,
            why TEXT NOT NULL DEFAULT '');
        CREATE TABLE queue (
            id {serial}, claim TEXT NOT NULL, source_url TEXT NOT NULL,
            source_title TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'pending', decided_at TEXT, decided_by TEXT,
            why TEXT NOT NULL DEFAULT '');
    """,
    ),
]

SOURCE_FIELDS = ("id", "url", "publisher", "title", "published", "accessed")


def default_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "treatywatch" / "overlay.db"


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class QueueItem:
    id: int
    claim: dict[str, Any]
    source_url: str
    source_title: str
    published: str
    status: str
    why: str


@dataclass(frozen=True)
class Snapshot:
    """The overlay as of one moment (see ``Store.snapshot``)."""

    sources: list[dict[str, str]]
    acts: list[dict[str, str]]
    change: int


LOCK_KEY = 7242026  # the advisory lock that serialises writers on PostgreSQL


class Store:
    """The overlay in one SQLite file or one PostgreSQL database."""

    def __init__(self, target: str | Path | None = None) -> None:
        self.lock = threading.RLock()
        self._depth = 0  # open write transactions (0 or 1) on this connection
        self.pg = isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))
        if self.pg:
            import psycopg
            from psycopg.rows import dict_row

            self.url = str(target)
            try:
                self.con: Any = psycopg.connect(self.url, autocommit=True, row_factory=dict_row)
            except psycopg.Error as exc:
                raise UsageError(f"cannot open the overlay at {self.url}: {exc}") from None
        else:
            self.path = Path(target) if target else default_path()
            self.url = str(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # One connection, used from the web server's worker threads under one lock.
            self.con = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            self.con.row_factory = sqlite3.Row
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.execute("PRAGMA synchronous=FULL")
            self.con.execute("PRAGMA busy_timeout=30000")
        self.migrate()

    def execute(self, sql: str, args: tuple[Any, ...] = ()) -> Any:
        """Run one statement with ``?`` placeholders on either backend."""
        if self.pg:
            return self.con.execute(sql.replace("?", "%s"), args)
        return self.con.execute(sql, args)

    def close(self) -> None:
        self.con.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """One write transaction, taken before any read it depends on (BEGIN IMMEDIATE)."""
        with self.lock:
            if self.pg:
                self.con.execute("BEGIN")
                self.con.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            else:
                self.con.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self
            except BaseException:
                self._depth -= 1
                self.con.execute("ROLLBACK")
                raise
            else:
                self._depth -= 1
                self.con.execute("COMMIT")

    def migrate(self) -> None:
        serial = "BIGSERIAL PRIMARY KEY" if self.pg else "INTEGER PRIMARY KEY AUTOINCREMENT"
        with self.transaction() as tx:
            tx.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            done = {r["version"] for r in self._rows("SELECT version FROM schema_migrations")}
            for version, sql in MIGRATIONS:
                if version in done:
                    continue
                for statement in filter(str.strip, sql.format(serial=serial).split(";")):
                    tx.execute(statement)
                tx.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, now()))

    def version(self) -> int:
        (row,) = self._rows("SELECT max(version) AS v FROM schema_migrations")
        return int(row["v"] or 0)

    # --- reads ---------------------------------------------------------------------------

    def _rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        with self.lock:
            return list(self.execute(sql, args))

    def acts(self) -> list[dict[str, str]]:
        sql = f"SELECT {', '.join(ACT_FIELDS)} FROM overlay_acts ORDER BY id"
        if self.pg:
            return [dict(r) for r in self._rows(sql)]
        with self.lock:  # plain tuples zip into dicts faster than sqlite3.Row converts
            cur = self.con.cursor()
            cur.row_factory = None
            return [dict(zip(ACT_FIELDS, r, strict=True)) for r in cur.execute(sql)]

    def sources(self) -> list[dict[str, str]]:
        return [
            dict(r)
            for r in self._rows(
                f"SELECT {', '.join(SOURCE_FIELDS)} FROM overlay_sources ORDER BY id"
            )
        ]

    def audit(self) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT seq, at, who, action, subject, detail, why FROM audit ORDER BY seq"
        )
        return [{**dict(r), "detail": json.loads(r["detail"])} for r in rows]

    def stamp(self) -> str:
        """Changes whenever the overlay does: part of the ledger cache key."""
        (row,) = self._rows("SELECT count(*) AS n, max(seq) AS last FROM audit")
        return f"{self.url}:{row['n']}:{row['last']}"

    def change(self) -> int:
        """The overlay's change counter: the last audit entry's number. Every write logs
        to the audit in its own transaction, so this moves with every committed write,
        from any process; one index lookup on either backend."""
        (row,) = self._rows("SELECT max(seq) AS last FROM audit")
        return int(row["last"] or 0)

    def snapshot(self) -> Snapshot:
        """Sources, acts and the change counter as of one moment: read in one transaction
        (SQLite: one read transaction of the WAL; PostgreSQL: REPEATABLE READ), so a write
        committed between the reads cannot pair new acts with old sources. Inside a write
        transaction the reads see that transaction."""
        with self.lock:
            own = self._depth == 0
            if own:
                if self.pg:
                    self.con.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                else:
                    self.con.execute("BEGIN")
            try:
                return Snapshot(self.sources(), self.acts(), self.change())
            finally:
                if own:
                    self.con.execute("COMMIT")

    def queue(self, status: str | None = "pending") -> list[QueueItem]:
        sql = "SELECT id, claim, source_url, source_title, published, status, why FROM queue"
        args: tuple[Any, ...] = ()
        if status:
            sql += " WHERE status = ?"
            args = (status,)
        return [
            QueueItem(
                r["id"],
                json.loads(r["claim"]),
                r["source_url"],
                r["source_title"],
                r["published"],
                r["status"],
                r["why"],
            )
            for r in self._rows(sql + " ORDER BY id", args)
        ]

    # --- writes (call inside ``transaction``) --------------------------------------------

    def insert_acts(self, con: Store, rows: Iterable[dict[str, str]], who: str) -> int:
        n = 0
        at = now()
        for r in rows:
            con.execute(
                f"INSERT INTO overlay_acts ({', '.join(ACT_FIELDS)}, added_at, added_by) "
                f"VALUES ({', '.join('?' * len(ACT_FIELDS))}, ?, ?)",
                (*[r.get(f, "") for f in ACT_FIELDS], at, who),
            )
            n += 1
        return n

    def insert_sources(self, con: Store, rows: Iterable[dict[str, str]]) -> None:
        for r in rows:
            con.execute(
                f"INSERT INTO overlay_sources ({', '.join(SOURCE_FIELDS)}) "
                f"VALUES ({', '.join('?' * len(SOURCE_FIELDS))}) ON CONFLICT DO NOTHING",
                tuple(r.get(f, "") for f in SOURCE_FIELDS),
            )

    def log(
        self,
        con: Store,
        who: str,
        action: str,
        subject: str,
        detail: dict[str, Any],
        why: str = "",
    ) -> None:
        con.execute(
            "INSERT INTO audit (at, who, action, subject, detail, why) VALUES (?, ?, ?, ?, ?, ?)",
            (now(), who, action, subject, json.dumps(detail, sort_keys=True), why),
        )

    def enqueue(
        self,
        con: Store,
        claim: dict[str, Any],
        source_url: str,
        source_title: str,
        published: str,
    ) -> int:
        row = con.execute(
            "INSERT INTO queue (claim, source_url, source_title, published) VALUES (?, ?, ?, ?) "
            "RETURNING id",
            (json.dumps(claim, sort_keys=True), source_url, source_title, published),
        ).fetchone()
        return int(row["id"])

    def decide(self, con: Store, item: int, status: str, who: str, why: str) -> None:
        con.execute(
            "UPDATE queue SET status = ?, decided_at = ?, decided_by = ?, why = ? WHERE id = ?",
            (status, now(), who, why, item),
        )
