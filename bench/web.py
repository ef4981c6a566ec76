"""HTTP load on loopback with wrk: p50/p95/p99 latency at 50 connections, no errors.

Starts `treatywatch serve` itself on a free loopback port, runs wrk against
/api/parties and /api/status for 10 s each, and prints the table for docs/performance.md.
The ratio compares each endpoint with a trivial endpoint (/api/treaties) in the same run.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

LUA = """
done = function(summary, latency, requests)
  io.write(string.format("P %.3f %.3f %.3f %d %d %d\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout, summary.duration))
end
"""


VARY = """
counter = 0
request = function()
  counter = counter + 1
  local day = os.date("!%Y-%m-%d", 915148800 + (counter % 9000) * 86400)
  return wrk.format("GET", "/api/parties?treaty=apmbc&on=" .. day)
end
"""


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = int(s.getsockname()[1])
    s.close()
    return port


def wrk(url: str, script: str) -> tuple[float, float, float, float, int]:
    """p50, p95, p99 (ms), requests/s and errors of 10 s at 50 connections."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script)
    out = subprocess.run(
        ["wrk", "-t1", "-c50", "-d10s", "-s", f.name, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    m = re.search(r"^P (\S+) (\S+) (\S+) (\d+) (\d+) (\d+)", out, re.M)
    assert m, out
    rps = int(m.group(4)) / (int(m.group(6)) / 1e6)
    return float(m.group(1)), float(m.group(2)), float(m.group(3)), rps, int(m.group(5))


def main() -> None:
    port = free_port()
    exe = Path(sys.executable).parent / "treatywatch"
    env = dict(os.environ, TREATYWATCH_TODAY="2026-11-26")
    server = subprocess.Popen(
        [str(exe), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/api/treaties", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        runs = [
            ("GET /api/treaties (baseline)", base + "/api/treaties", LUA),
            (
                "GET /api/status?state=FIN&treaty=apmbc&on=2026-02-01",
                base + "/api/status?state=FIN&treaty=apmbc&on=2026-02-01",
                LUA,
            ),
            (
                "GET /api/parties?treaty=apmbc&on=2026-03-01",
                base + "/api/parties?treaty=apmbc&on=2026-03-01",
                LUA,
            ),
            (
                "GET /api/parties?treaty=apmbc, a different day each request (misses)",
                base,
                VARY + LUA,
            ),
        ]
        rows = [(label, *wrk(url, script)) for label, url, script in runs]
        base_rps = rows[0][4]
        print(
            "| request (50 connections, 10 s) | p50 ms | p95 ms | p99 ms | requests/s "
            "| errors | vs baseline |"
        )
        print("|---|---|---|---|---|---|---|")
        for label, p50, p95, p99, rps, errors in rows:
            print(
                f"| {label} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {rps:.0f} | {errors} | "
                f"{rps / base_rps:.2f}x |"
            )
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
