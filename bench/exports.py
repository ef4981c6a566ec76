"""Export of the whole record to each format; ratio against serializing the acts as JSON."""

from __future__ import annotations

import json
import time
from datetime import date

from treatywatch.export import FORMATS, acts, export
from treatywatch.ledger import load


def main() -> None:
    led = load()
    t0 = time.perf_counter()
    json.dumps(acts(led), default=str)  # dates are date objects
    base = time.perf_counter() - t0
    print("| export of the whole record | seconds | bytes | ratio vs acts as JSON | target |")
    print("|---|---|---|---|---|")
    for fmt in FORMATS:
        t0 = time.perf_counter()
        data = export(led, fmt, after=date(2025, 1, 1))
        took = time.perf_counter() - t0
        print(f"| {fmt} | {took:.3f} | {len(data):,} | {took / base:.1f}x | <= 2 s |")


if __name__ == "__main__":
    main()
