"""The writable overlay: acts and sources users add, an audit log, a review queue.

The ledger is the bundled record plus this overlay. Every write goes through the same
loader and law as the bundled files before it lands (see ``overlay.py``), in one
transaction with its audit entry: a crash between validation and commit leaves the overlay
unchanged, and concurrent writers are serialised by the database. Schema migrations are
recorded in ``schema_migrations`` and applied transactionally.

Backend: SQLite (a file; the default lives in the user's data directory).
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
            seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, who TEXT NOT NULL,
            action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL,
            why TEXT NOT NULL DEFAULT '');
        CREATE TABLE queue (
            id INTEGER PRIMARY KEY AUTOINCREMENT, claim TEXT NOT NULL, source_url TEXT NOT NULL,
            source_title TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'pending', decided_at TEXT, decided_by TEXT,
            why TEXT NOT NULL DEFAULT '');
    """,
    ),
]

ACT_FIELDS = (
    "id",
    "treaty",
    "state",
    "kind",
    "date",
    "effective",
    "depositary",
    "reading",
    "sources",
    "note",
)
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


class Store:
    """The overlay in one SQLite file."""

    def __init__(self, path: str | Path | None = None) -> None:
        if isinstance(path, str) and path.startswith(("postgresql://", "postgres://")):
            raise UsageError("PostgreSQL overlays are not available yet; give a file path")
        self.path = Path(path) if path else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # One connection, used from the web server's worker threads under one lock.
        self.lock = threading.RLock()
        self.con = sqlite3.connect(
            self.path, timeout=30, isolation_level=None, check_same_thread=False
        )
        self.con.row_factory = sqlite3.Row
        self.con.execute("PRAGMA journal_mode=WAL")
        self.con.execute("PRAGMA synchronous=FULL")
        self.con.execute("PRAGMA busy_timeout=30000")
        self.migrate()

    def close(self) -> None:
        self.con.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken before any read it depends on (BEGIN IMMEDIATE)."""
        with self.lock:
            self.con.execute("BEGIN IMMEDIATE")
            try:
                yield self.con
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            else:
                self.con.execute("COMMIT")

    def migrate(self) -> None:
        with self.transaction() as con:
            con.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            done = {r[0] for r in con.execute("SELECT version FROM schema_migrations")}
            for version, sql in MIGRATIONS:
                if version in done:
                    continue
                for statement in filter(str.strip, sql.split(";")):
                    con.execute(statement)
                con.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, now()))

    def version(self) -> int:
        (row,) = self._rows("SELECT max(version) FROM schema_migrations")
        return int(row[0] or 0)

    # --- reads ---------------------------------------------------------------------------

    def _rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self.lock:
            return list(self.con.execute(sql, args))

    def acts(self) -> list[dict[str, str]]:
        return [
            dict(r)
            for r in self._rows(f"SELECT {', '.join(ACT_FIELDS)} FROM overlay_acts ORDER BY id")
        ]

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
        (row,) = self._rows("SELECT count(*), max(seq) FROM audit")
        return f"{self.path}:{row[0]}:{row[1]}"

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

    def insert_acts(self, con: sqlite3.Connection, rows: Iterable[dict[str, str]], who: str) -> int:
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

    def insert_sources(self, con: sqlite3.Connection, rows: Iterable[dict[str, str]]) -> None:
        for r in rows:
            con.execute(
                f"INSERT OR IGNORE INTO overlay_sources ({', '.join(SOURCE_FIELDS)}) "
                f"VALUES ({', '.join('?' * len(SOURCE_FIELDS))})",
                tuple(r.get(f, "") for f in SOURCE_FIELDS),
            )

    def log(
        self,
        con: sqlite3.Connection,
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
        con: sqlite3.Connection,
        claim: dict[str, Any],
        source_url: str,
        source_title: str,
        published: str,
    ) -> int:
        cur = con.execute(
            "INSERT INTO queue (claim, source_url, source_title, published) VALUES (?, ?, ?, ?)",
            (json.dumps(claim, sort_keys=True), source_url, source_title, published),
        )
        return int(cur.lastrowid or 0)

    def decide(self, con: sqlite3.Connection, item: int, status: str, who: str, why: str) -> None:
        con.execute(
            "UPDATE queue SET status = ?, decided_at = ?, decided_by = ?, why = ? WHERE id = ?",
            (status, now(), who, why, item),
        )
