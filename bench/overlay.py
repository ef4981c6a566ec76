"""An overlay of 100,000 generated user acts: load and derive, against the record alone.

Generates 125 synthetic treaties in a copy of the bundled data and, for 200 states under
each, four lawful acts (signature, ratification, withdrawal, revocation) in a SQLite overlay.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from treatywatch import overlay
from treatywatch.data import bundled_path
from treatywatch.ledger import load
from treatywatch.store import Store

RUNS = 5

TREATY = """id: {tid}
short_name: Bench treaty {n}
full_name: Benchmark treaty {n}
adopted: 1999-01-01
depositary: none
signature: {{opens: 1999-06-01, closes: null, article: "1"}}
entry_into_force: {{date: 2000-06-01, article: "2"}}
late_joiner: {{kind: on_deposit, article: "3"}}
sources: []
"""


def main(total: int = 100_000) -> None:
    tmp = Path(tempfile.mkdtemp())
    root = tmp / "data"
    shutil.copytree(bundled_path(), root)
    states = [
        s.alpha3
        for s in load(root, use_cache=False).states.values()
        if s.kind != "historic" and not s.start
    ]
    treaties = -(-total // (4 * len(states)))
    store = Store(tmp / "overlay.db")
    src = overlay.source_for_url("https://example.org/bench")
    rows = []
    for n in range(treaties):
        tid = f"bench_{n:03d}"
        (root / "treaties" / f"{tid}.yaml").write_text(TREATY.format(tid=tid, n=n))
        for st in states:
            for kind, day in (
                ("signature", "2000-01-01"),
                ("ratification", "2001-01-01"),
                ("withdrawal", "2002-01-01"),
                ("withdrawal_revoked", "2002-06-01"),
            ):
                rows.append(
                    {
                        "id": f"{tid}-{st}-{kind}",
                        "treaty": tid,
                        "state": st,
                        "kind": kind,
                        "date": day,
                        "sources": src["id"],
                    }
                )
    rows = rows[:total]
    with store.transaction() as con:
        store.insert_sources(con, [src])
        store.insert_acts(con, rows, "bench")
    plains, tooks = [], []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        base = load(root, use_cache=False)
        plains.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        led = overlay.load(store, root)
        tooks.append(time.perf_counter() - t0)
        assert len(led.dataset.acts) == len(base.dataset.acts) + len(rows)
        del led
    plain, took = statistics.median(plains), statistics.median(tooks)
    print("| benchmark | figure | ratio (same run) | target |")
    print("|---|---|---|---|")
    print(
        f"| load + validate + derive with {len(rows):,} overlay acts | median {took:.2f} s "
        f"(min {min(tooks):.2f}, max {max(tooks):.2f}; {RUNS} runs) | "
        f"{took / plain:.0f}x the record alone ({plain:.2f} s, {len(base.dataset.acts):,} acts) "
        f"| <= 3 s |"
    )
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
