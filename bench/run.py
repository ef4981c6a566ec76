"""Benchmarks: each prints its figure and a ratio against a baseline measured in the same run.

Run with `make bench`; copy the table into docs/performance.md.
"""

from __future__ import annotations

import csv
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

from treatywatch import data, law
from treatywatch.ledger import Ledger, load

ROOT = Path(__file__).resolve().parents[1]
ON = date(2026, 3, 1)


def timed(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of ``fn`` in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_load() -> tuple[float, float]:
    """Load + validate + derive every span, against merely parsing the CSV files."""

    def parse_only() -> None:
        root = data.bundled_path()
        for path in [*root.glob("*.csv"), *(root / "acts").glob("*.csv")]:
            list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))

    return timed(lambda: load(use_cache=False)), timed(parse_only)


def bench_status_all(ledger: Ledger) -> tuple[float, float, int]:
    """Status of every state under every treaty on one day: indexed vs replaying the acts."""
    pairs = [(s, t) for s in ledger.states for t in ledger.treaties]
    acts_by_pair: dict[tuple[str, str], list[law.Act]] = defaultdict(list)
    for a in ledger.dataset.acts:
        if not a.alternate:
            acts_by_pair[(a.state, a.treaty)].append(a)

    def indexed() -> None:
        ledger.statuses_on(ON)

    def replay() -> None:
        for s, t in pairs:
            spans, _ = law.derive(
                ledger.treaties[t],
                acts_by_pair.get((s, t), []),
                ledger.in_force[t],
                ledger.dataset.conflicts,
            )
            law.status_on(spans, ON)

    return timed(indexed, repeat=21), timed(replay, repeat=5), len(pairs)


def bench_select(ledger: Ledger) -> tuple[float, float, int]:
    """parties of one treaty, bordering a state, not bound by another: indexed vs naive."""

    def indexed() -> set[str]:
        return ledger.select(ON, party_of=["rome_statute"], borders=["RUS"], not_party_of=["apmbc"])

    def naive() -> set[str]:
        out = set()
        for s in ledger.states:
            a = law.status_on(ledger.spans(s, "rome_statute"), ON)
            b = law.status_on(ledger.spans(s, "apmbc"), ON)
            near = any({x.a, x.b} == {s, "RUS"} for x in ledger.dataset.borders)
            if a and a.bound and near and not (b and b.bound):
                out.add(s)
        return out

    assert indexed() == naive()
    return timed(indexed, repeat=51), timed(naive, repeat=5), len(indexed())


def bench_cold_cli() -> tuple[float, float]:
    """`treatywatch status FIN apmbc` in a new process, against `python -c pass`."""
    exe = Path(sys.executable).parent / "treatywatch"
    cmd = [str(exe), "status", "FIN", "apmbc"]

    def cli() -> None:
        subprocess.run(cmd, check=True, capture_output=True)

    def bare() -> None:
        subprocess.run([sys.executable, "-c", "pass"], check=True, capture_output=True)

    return timed(cli), timed(bare)


def main() -> None:
    ms = 1000
    rows = []
    full, parse = bench_load()
    rows.append(
        (
            "load + validate + derive all spans",
            f"{full * ms:.0f} ms",
            f"{full / parse:.1f}x parsing the CSV files alone ({parse * ms:.0f} ms)",
            "<= 300 ms",
        )
    )
    ledger = load()
    t0 = time.perf_counter()
    ledger.statuses_on(ON)  # the first call builds the snapshots
    first = time.perf_counter() - t0
    fast, slow, n = bench_status_all(ledger)
    rows.append(
        (
            f"status of all {n} state x treaty pairs on one day",
            f"{fast * ms:.3f} ms (first call {first * ms:.0f} ms)",
            f"{slow / fast:.0f}x faster than replaying acts ({slow * ms:.0f} ms)",
            ">= 100x",
        )
    )
    fast, slow, n = bench_select(ledger)
    rows.append(
        (
            f"composed query (Rome parties bordering Russia, not Mine Ban; {n} states)",
            f"{fast * ms:.2f} ms",
            f"{slow / fast:.0f}x faster than a naive scan ({slow * ms:.0f} ms)",
            "<= 5 ms",
        )
    )
    cli, bare = bench_cold_cli()
    rows.append(
        (
            "`treatywatch status FIN apmbc`, cold process",
            f"{cli * ms:.0f} ms",
            f"{cli / bare:.1f}x `python -c pass` ({bare * ms:.0f} ms)",
            "<= 400 ms",
        )
    )
    print("| benchmark | figure | ratio (same run) | target |")
    print("|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
