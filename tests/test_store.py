"""The writable overlay: validated, atomic, audited; nothing lost on a crash or a race."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests import pgserver
from treatywatch import overlay
from treatywatch.data import bundled_path
from treatywatch.docgen import run
from treatywatch.errors import DataError
from treatywatch.export import export
from treatywatch.ledger import Ledger
from treatywatch.store import Store

SRC = "https://example.org/depositary-notification"


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    yield from pgserver.server()


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the overlay lives: a SQLite file, or a fresh database on a real server."""
    if request.param == "sqlite":
        return str(tmp_path / "overlay.db")
    return pgserver.fresh_database(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(target: str) -> Store:
    return Store(target)


def _count(store: Store, table: str) -> int:
    return int(store._rows(f"SELECT count(*) AS n FROM {table}")[0]["n"])


def _intact(store: Store) -> bool:
    if store.pg:
        return True  # PostgreSQL keeps its own consistency; the counts are checked instead
    return bool(store._rows("PRAGMA integrity_check")[0][0] == "ok")


def _row(state: str, treaty: str, kind: str, day: str, src: dict[str, str]) -> dict[str, str]:
    return {"treaty": treaty, "state": state, "kind": kind, "date": day, "sources": src["id"]}


def test_migrations_are_recorded(store: Store, target: str) -> None:
    assert store.version() == 1
    Store(target)  # reopening applies nothing twice
    assert _count(store, "schema_migrations") == 1


def test_add_act_is_validated_written_and_audited(store: Store) -> None:
    src = overlay.source_for_url(SRC)
    overlay.add_acts(
        store,
        [_row("NOR", "ccm", "withdrawal", "2027-01-15", src)],
        [src],
        who="alice",
        why="notice seen",
    )
    led = overlay.load(store)
    assert led.status("NOR", "ccm", date(2027, 7, 15)).status.value == "withdrawn"
    (entry,) = store.audit()
    assert (
        entry["who"] == "alice" and entry["action"] == "add-act" and entry["why"] == "notice seen"
    )


def test_a_forbidden_act_is_refused_and_nothing_is_written(store: Store) -> None:
    src = overlay.source_for_url(SRC)
    with pytest.raises(DataError, match="withdrawal by a state that is not_party"):
        overlay.add_acts(
            store, [_row("USA", "apmbc", "withdrawal", "2027-01-15", src)], [src], who="bob"
        )
    assert store.acts() == [] and store.sources() == [] and store.audit() == []


def test_import_is_all_or_nothing(store: Store, target: str, tmp_path: Path) -> None:
    path = tmp_path / "acts.csv"
    path.write_text(
        "treaty,state,kind,date,sources\n"
        f"ccm,NOR,withdrawal,2027-01-15,{SRC}\n"
        f"ccm,XXX,withdrawal,2027-01-15,{SRC}\n",
        encoding="utf-8",
    )
    code, out = run(["import", str(path), "--db", target])
    assert code == 1 and "overlay:2" in out and "unknown state" in out
    assert store.acts() == []
    path.write_text(
        f"treaty,state,kind,date,sources\nccm,NOR,withdrawal,2027-01-15,{SRC}\n", encoding="utf-8"
    )
    code, out = run(["import", str(path), "--db", target])
    assert code == 0 and len(store.acts()) == 1


@pytest.mark.parametrize("treaty", ["ccm", "inf", "rome_statute"])
def test_export_then_import_is_the_identity(
    ledger: Ledger, tmp_path: Path, treaty: str, target: str
) -> None:
    """Acts exported from the record and imported into an empty overlay over a record
    without them give the same spans."""
    root = tmp_path / "data"
    shutil.copytree(bundled_path(), root)
    (root / "acts" / f"{treaty}.csv").write_text("state,kind,date,sources\n", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(export(ledger, "csv", treaty=treaty).decode())))
    store = Store(target)
    overlay.add_acts(store, rows, [], who="test", action="import", root=root)
    again = overlay.load(store, root)
    original = {
        k: [(s.status, s.start, s.end) for s in v]
        for k, v in ledger._spans.items()
        if k[1] == treaty
    }
    imported = {
        k: [(s.status, s.start, s.end) for s in v]
        for k, v in again._spans.items()
        if k[1] == treaty
    }
    assert imported == original


def test_a_writer_killed_mid_transaction_leaves_the_overlay_unchanged(target: str) -> None:
    db = target
    store = Store(db)
    child = textwrap.dedent(f"""
        import time
        from treatywatch import overlay
        from treatywatch.store import Store
        store = Store({db!r})
        def stall(*a, **k):
            print("written, not committed", flush=True)
            time.sleep(60)
        store.log = stall
        src = overlay.source_for_url({SRC!r})
        overlay.add_acts(store, [dict(treaty="ccm", state="NOR", kind="withdrawal",
                         date="2027-01-15", sources=src["id"])], [src], who="crash")
    """)
    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and "not committed" in proc.stdout.readline()
    proc.kill()
    proc.wait()
    fresh = Store(db)
    assert fresh.acts() == [] and fresh.audit() == [] and _intact(fresh)
    store.close()


def test_concurrent_writers_never_corrupt_the_overlay(ledger: Ledger, target: str) -> None:
    db = target
    Store(db).close()
    parties = sorted(a.state.alpha3 for a in ledger.parties("ccm", date(2026, 11, 26)))[:16]
    script = textwrap.dedent("""
        import sys
        from treatywatch import overlay
        from treatywatch.store import Store
        store = Store(sys.argv[1])
        for state in sys.argv[2].split(","):
            src = overlay.source_for_url("https://example.org/" + state)
            overlay.add_acts(store, [dict(treaty="ccm", state=state, kind="withdrawal",
                             date="2027-02-01", sources=src["id"])], [src], who=sys.argv[3])
    """)
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(db), ",".join(half), who])
        for half, who in ((parties[::2], "a"), (parties[1::2], "b"))
    ]
    assert [p.wait(120) for p in procs] == [0, 0]
    store = Store(db)
    assert len(store.acts()) == 16 and len(store.audit()) == 16 and _intact(store)
    assert {e["who"] for e in store.audit()} == {"a", "b"}


def test_review_accept_turns_a_claim_into_an_act(store: Store, target: str, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Norway notified the UN Secretary-General on 2 December 2026 of its "
        "withdrawal from the Convention on Cluster Munitions.",
        encoding="utf-8",
    )
    code, _ = run(
        [
            "check",
            str(article),
            "--published",
            "2026-12-03",
            "--queue",
            "--source-url",
            "https://example.org/norway",
            "--db",
            target,
        ]
    )
    assert code == 0
    (item,) = store.queue()
    code, out = run(["review", "reject", str(item.id), "--db", target])
    assert code == 2 and "--why" in out
    code, out = run(["review", "accept", str(item.id), "--db", target, "--why", "ok"])
    assert code == 0, out
    (act,) = store.acts()
    assert (act["state"], act["treaty"], act["kind"], act["date"]) == (
        "NOR",
        "ccm",
        "withdrawal",
        "2026-12-02",
    )
    assert store.queue() == [] and store.queue("accepted")[0].id == item.id
    assert [e["action"] for e in store.audit()] == ["queue", "review-accept"]
    src = {s["id"]: s for s in store.sources()}[act["sources"]]
    assert src["url"] == "https://example.org/norway"


def test_a_snapshot_is_consistent_while_another_connection_writes(
    ledger: Ledger, target: str
) -> None:
    """The reload after a write reads sources and acts as of one moment: a writer in
    between never pairs an act with a source the snapshot lacks (the 'unknown source id'
    failure), and the change counter moves with every committed write."""
    import threading

    reader, writer = Store(target), Store(target)
    parties = sorted(a.state.alpha3 for a in ledger.parties("ccm", date(2026, 11, 26)))[:12]
    before = reader.change()
    failures: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            for state in parties:
                src = overlay.source_for_url("https://example.org/snap/" + state)
                overlay.add_acts(
                    writer, [_row(state, "ccm", "withdrawal", "2027-02-01", src)], [src], who="w"
                )
        except BaseException as exc:
            failures.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=write)
    thread.start()
    loads = 0
    while not done.is_set() or loads == 0:
        snap = reader.snapshot()
        ids = {s["id"] for s in snap.sources}
        assert all(a["sources"] in ids for a in snap.acts)
        overlay.load_snapshot(reader)
        loads += 1
    thread.join()
    assert not failures
    assert reader.change() > before and len(reader.acts()) == len(parties)
    led, change = overlay.load_snapshot(reader)
    assert change == reader.change()
    assert led.status(parties[0], "ccm", date(2027, 12, 1)).status.value == "withdrawn"


def test_the_server_sees_writes_made_by_another_connection(target: str) -> None:
    """What `serve` does for a write by the CLI: the change counter moves, the reloader
    picks it up, on SQLite and PostgreSQL alike."""
    from treatywatch.web.app import create_app

    app = create_app(store=Store(target), today=lambda: date(2027, 8, 1))
    reloader = app.state.reloader
    assert reloader.refresh() is False  # nothing new yet
    src = overlay.source_for_url("https://example.org/cli-write")
    overlay.add_acts(
        Store(target), [_row("NOR", "ccm", "withdrawal", "2027-01-15", src)], [src], who="cli"
    )
    assert reloader.refresh() is True
    assert app.state.ledger.status("NOR", "ccm", date(2027, 8, 1)).status.value == "withdrawn"
