"""HTTP load on loopback with wrk, against the targets of issue #14.

Starts `treatywatch serve` itself on a free loopback port (with a fresh SQLite overlay
and a token, so that writes can be measured too), and in one run measures:

- a static file (/static/app.css) as the baseline of what the stack costs;
- cached answers (the same status and parties URL again and again);
- uncached status (a new state/day pair every request) and uncached parties (a new day
  every request): p50/p95/p99 at 50 connections and the server time of each answer
  (its ``Server-Timing`` header, over 2,000 sequential requests);
- uncached status again while 4 hostile checks run without pause (texts of 490 KB with
  no full stop, the reader's worst case, each refused or stopped within its budget),
  and the answer to 4 parallel 10 MB checks;
- 20 parallel writers for 60 s: answers by status, acts in the overlay, audit entries.

Only loopback is used. `python bench/web.py [--quick]` prints the tables for
docs/performance.md; --quick runs 3 s per wrk row and 10 s of writes.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TOKEN = "bench-token"
SECONDS = 10
WRITE_SECONDS = 60

REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("P %.3f %.3f %.3f %d %d %d %d\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.errors.status, summary.duration))
end
"""

NEW_DAY = """
counter = 0
request = function()
  counter = counter + 1
  local day = os.date("!%Y-%m-%d", 0 + (counter % 40000) * 86400)
  return wrk.format("GET", "/api/parties?treaty=apmbc&on=" .. day)
end
"""

NEW_PAIR = """
states = {{{states}}}
counter = 0
request = function()
  counter = counter + 1
  local s = states[(counter % #states) + 1]
  local day = os.date("!%Y-%m-%d", 0 + math.floor(counter / #states) * 86400)
  return wrk.format("GET", "/api/status?treaty=ccm&state=" .. s .. "&on=" .. day)
end
"""


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = int(s.getsockname()[1])
    s.close()
    return port


Row = tuple[float, float, float, float, int, int]


def wrk(url: str, script: str, seconds: int) -> Row:
    """p50, p95, p99 (ms), requests/s, socket errors and non-2xx answers, 50 connections."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script + REPORT)
    out = subprocess.run(
        ["wrk", "-t1", "-c50", f"-d{seconds}s", "--timeout", "10s", "-s", f.name, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(f.name)
    m = re.search(r"^P (\S+) (\S+) (\S+) (\d+) (\d+) (\d+) (\d+)", out, re.M)
    assert m, out
    rps = int(m.group(4)) / (int(m.group(7)) / 1e6)
    p50, p95, p99 = (float(m.group(i)) for i in (1, 2, 3))
    return p50, p95, p99, rps, int(m.group(5)), int(m.group(6))


def server_times(port: int, paths: list[str]) -> tuple[float, float, float]:
    """p50, p95, p99 of the Server-Timing durations (ms) of ``paths``, one connection."""
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    spent = []
    for path in paths:
        con.request("GET", path)
        resp = con.getresponse()
        resp.read()
        assert resp.status == 200, (path, resp.status)
        spent.append(float(resp.getheader("server-timing", "app;dur=nan").split("=")[1]))
    con.close()
    q = statistics.quantiles(spent, n=100)
    return q[49], q[94], q[98]


def post(port: int, path: str, body: bytes, token: str | None = None) -> tuple[int, bytes]:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Content-Type": "application/json", "Host": "localhost"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        con.request("POST", path, body=body, headers=headers)
        resp = con.getresponse()
        return resp.status, resp.read()
    except OSError:
        return 0, b""
    finally:
        con.close()


def hostile(port: int, stop: threading.Event, answers: Counter[int]) -> None:
    text = ("Lithuania and Latvia and Estonia withdrew from the Ottawa Convention " * 8_000)[
        :490_000
    ]
    body = json.dumps({"text": text}).encode()
    while not stop.is_set():
        status, _ = post(port, "/api/check", body)
        answers[status] += 1


def writers(port: int, seconds: int) -> Counter[int]:
    """20 threads add lawful withdrawals (of parties, each pair once) for ``seconds``;
    the answers by status."""
    from treatywatch.ledger import load
    from treatywatch.model import Status

    led = load()
    todo = [
        (a.state.alpha3, t)
        for t in ("apmbc", "ccm", "att", "cwc", "rome_statute", "ccw")
        for a in led.parties(t, date(2026, 11, 26), {Status.PARTY})
    ]
    lock = threading.Lock()
    answers: Counter[int] = Counter()
    deadline = time.monotonic() + seconds

    def work() -> None:
        while time.monotonic() < deadline:
            with lock:
                if not todo:
                    return
                state, treaty = todo.pop()
            act = {
                "state": state,
                "treaty": treaty,
                "kind": "withdrawal",
                "date": "2027-03-01",
                "source": f"https://example.org/bench/{treaty}/{state}",
                "why": "bench",
            }
            status, _ = post(port, "/api/acts", json.dumps(act).encode(), TOKEN)
            with lock:
                answers[status] += 1

    threads = [threading.Thread(target=work) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


def main() -> None:
    quick = "--quick" in sys.argv
    seconds = 3 if quick else SECONDS
    write_seconds = 10 if quick else WRITE_SECONDS
    port = free_port()
    exe = Path(sys.executable).parent / "treatywatch"
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "overlay.db"
    env = dict(os.environ, TREATYWATCH_TODAY="2026-11-26", TREATYWATCH_TOKEN=TOKEN)
    env["PYTHONPATH"] = str(REPO)
    server = subprocess.Popen(
        [str(exe), "serve", "--port", str(port), "--db", str(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(400):
            try:
                urllib.request.urlopen(base + "/api/treaties", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        time.sleep(3)  # the server builds its answer index in the background
        from treatywatch.ledger import load

        states = sorted(load().states)
        new_pair = NEW_PAIR.format(states=", ".join(f'"{s}"' for s in states))
        runs = [
            ("static file /static/app.css (baseline)", base + "/static/app.css", ""),
            (
                "cached GET /api/status?state=FIN&treaty=apmbc&on=2026-02-01",
                base + "/api/status?state=FIN&treaty=apmbc&on=2026-02-01",
                "",
            ),
            (
                "cached GET /api/parties?treaty=apmbc&on=2026-03-01",
                base + "/api/parties?treaty=apmbc&on=2026-03-01",
                "",
            ),
            ("uncached status (new state/day each request)", base, new_pair),
            ("uncached parties (new day each request)", base, NEW_DAY),
        ]
        rows = [(label, *wrk(url, script, seconds)) for label, url, script in runs]
        quiet_p95 = rows[3][2]

        stop = threading.Event()
        answers: Counter[int] = Counter()
        attackers = [threading.Thread(target=hostile, args=(port, stop, answers)) for _ in range(4)]
        for t in attackers:
            t.start()
        time.sleep(1)
        under = wrk(base, new_pair, seconds)
        stop.set()
        for t in attackers:
            t.join()
        rows.append(("uncached status while 4 hostile 490 KB checks run", *under))

        big = json.dumps({"text": "x" * 10_000_000}).encode()
        big_answers: list[int] = []
        senders = [
            threading.Thread(target=lambda: big_answers.append(post(port, "/api/check", big)[0]))
            for _ in range(4)
        ]
        for t in senders:
            t.start()
        for t in senders:
            t.join()

        first = date(1999, 3, 1)
        uncached_status = [
            f"/api/status?treaty=apmbc&state={states[i % len(states)]}"
            f"&on={first + timedelta(days=i)}"
            for i in range(2000)
        ]
        uncached_parties = [
            f"/api/parties?treaty=apmbc&on={first + timedelta(days=3000 + i)}" for i in range(2000)
        ]
        times = [
            ("status", server_times(port, uncached_status)),
            ("parties", server_times(port, uncached_parties)),
        ]

        written = writers(port, write_seconds)
        time.sleep(2)
    finally:
        server.terminate()
        server.wait(10)
    from treatywatch.store import Store

    store = Store(db)
    acts, audit = len(store.acts()), len(store.audit())

    print(
        f"| request (wrk, 50 connections, {seconds} s) | p50 ms | p95 ms | p99 ms | requests/s "
        "| socket errors | non-2xx |"
    )
    print("|---|---|---|---|---|---|---|")
    for label, p50, p95, p99, rps, errors, non2xx in rows:
        print(f"| {label} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {rps:.0f} | {errors} | {non2xx} |")
    print()
    print(
        f"p95 under attack / quiet: {rows[-1][2] / quiet_p95:.2f}x; hostile check answers "
        f"{dict(answers)}; 4 parallel 10 MB checks answered {sorted(big_answers)}"
    )
    print()
    print(
        "| uncached answer, server time (Server-Timing, 2,000 requests) "
        "| p50 ms | p95 ms | p99 ms |"
    )
    print("|---|---|---|---|")
    for label, (p50, p95, p99) in times:
        print(f"| {label} | {p50:.3f} | {p95:.3f} | {p99:.3f} |")
    print()
    print(
        f"20 writers, {write_seconds} s: answers {dict(sorted(written.items()))}; "
        f"acts in the overlay {acts}; audit entries {audit}"
    )


if __name__ == "__main__":
    main()
