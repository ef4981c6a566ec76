"""The HTTP API: the CLI's shapes, one error shape everywhere, read-only, bounded."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from treatywatch.docgen import run
from treatywatch.ledger import Ledger
from treatywatch.web.app import create_app

ERROR_KEYS = {"status", "code", "message", "hint", "suggestions"}


@pytest.fixture(scope="module")
def client(ledger: Ledger) -> TestClient:
    return TestClient(
        create_app(ledger, today=lambda: date(2026, 11, 26)), base_url="http://localhost"
    )


def _is_error(resp: object, status: int) -> dict[str, object]:
    assert resp.status_code == status  # type: ignore[attr-defined]
    body = resp.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    return dict(body["error"])


def test_status_matches_the_cli(client: TestClient) -> None:
    api = client.get("/api/status", params={"state": "FIN", "treaty": "apmbc", "on": "2026-02-01"})
    code, cli = run(["status", "FIN", "apmbc", "--on", "2026-02-01", "--json"])
    import json

    assert api.status_code == 200 and code == 0
    assert api.json() == json.loads(cli)


def test_parties_is_the_list_parties_prints(client: TestClient) -> None:
    rows = client.get("/api/parties", params={"treaty": "ccm", "on": "2025-03-06"}).json()
    assert len(rows) == 111 and "LTU" not in {r["state"] for r in rows}


def test_parties_compose_borders_and_treaties(client: TestClient) -> None:
    rows = client.get(
        "/api/parties",
        params={
            "treaty": "rome_statute",
            "on": "2026-03-01",
            "borders": "RUS",
            "not_party": "apmbc",
        },
    ).json()
    assert {"EST", "FIN", "LVA", "LTU", "POL"} <= {r["state"] for r in rows}


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/timeline", {"state": "Vilnius", "treaty": "apmbc"}),
        ("/api/changes", {"since": "2025-06-01", "until": "2026-03-01"}),
        ("/api/upcoming", {"after": "2025-12-01"}),
        ("/api/treaties", {}),
        ("/api/states", {"q": "Türkiye"}),
        ("/api/borders", {"state": "LTU"}),
        ("/api/map", {"treaty": "apmbc"}),
    ],
)
def test_every_resource_answers(client: TestClient, path: str, params: dict[str, str]) -> None:
    assert client.get(path, params=params).status_code == 200


def test_on_defaults_to_today(client: TestClient) -> None:
    assert (
        client.get("/api/status", params={"state": "POL", "treaty": "apmbc"}).json()["on"]
        == "2026-11-26"
    )


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/status", {"state": "Lituania", "treaty": "apmbc"}, 404),
        ("/api/status", {"state": "FIN", "treaty": "ottowa"}, 404),
        ("/api/status", {"state": "FIN", "treaty": "apmbc", "on": "2026-02-30"}, 400),
        ("/api/status", {"state": "FIN"}, 422),
        ("/api/parties", {"treaty": "apmbc", "status": "gone"}, 400),
        ("/api/changes", {"since": "2026-01-01", "until": "2025-01-01"}, 400),
        ("/api/nothing", {}, 404),
    ],
)
def test_one_error_shape(
    client: TestClient, path: str, params: dict[str, str], status: int
) -> None:
    _is_error(client.get(path, params=params), status)


def test_misspelt_state_gets_a_suggestion(client: TestClient) -> None:
    err = _is_error(client.get("/api/status", params={"state": "Lituania", "treaty": "apmbc"}), 404)
    assert err["suggestions"] == ["Lithuania"]


def test_read_only(client: TestClient) -> None:
    for method in ("put", "delete", "patch"):
        _is_error(getattr(client, method)("/api/status"), 405)
    paths = {
        p
        for p, ops in client.get("/openapi.json").json()["paths"].items()
        for op in ops
        if op != "get"
    }
    assert paths == {"/api/check"}  # the one POST reads text and writes nothing


def test_oversized_body_is_refused(client: TestClient) -> None:
    err = _is_error(
        client.post(
            "/api/check", content=b"x" * 1_100_000, headers={"content-type": "application/json"}
        ),
        413,
    )
    assert "1000000" in str(err["message"])


def test_check_needs_text_or_url(client: TestClient) -> None:
    _is_error(client.post("/api/check", json={}), 400)
    _is_error(client.post("/api/check", json={"text": ""}), 400)


def test_check_returns_what_the_cli_prints(client: TestClient) -> None:
    text = (
        "Lithuania notified the UN Secretary-General on Friday of its withdrawal "
        "from the Ottawa Convention."
    )
    data = client.post("/api/check", json={"text": text, "published": "2025-06-27"}).json()
    claim = data["claims"][0]
    assert claim["state"] == "LTU" and claim["date"] == "2025-06-27"
    assert claim["action"] == "withdrawal" and claim["verdict"] == "supported"


def test_pages_have_a_strict_content_security_policy(client: TestClient) -> None:
    resp = client.get("/treaty/apmbc")
    assert resp.status_code == 200
    assert "script-src 'self'" in resp.headers["content-security-policy"]
    assert "<script>" not in resp.text  # no inline script anywhere


def test_openapi_has_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "examples" in spec["components"]["schemas"]["StatusOut"]


def test_response_cache_replays_exact_answers(ledger: Ledger) -> None:
    from treatywatch.web.app import serve_app

    cached = TestClient(
        serve_app(ledger, today=lambda: date(2026, 11, 26)), base_url="http://localhost"
    )  # type: ignore[arg-type]
    params = {"treaty": "apmbc", "on": "2026-03-01"}
    first = cached.get("/api/parties", params=params)
    second = cached.get("/api/parties", params=params)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert second.headers["content-security-policy"]
    # errors are never cached: a misspelling keeps its own answer
    assert (
        cached.get("/api/status", params={"state": "Lituania", "treaty": "apmbc"}).status_code
        == 404
    )
    assert cached.get("/api/status", params={"state": "LTU", "treaty": "apmbc"}).status_code == 200


# --- bounds: malformed HTTP, bodies, HEAD, checks with a deadline ---------------------------


@pytest.fixture(scope="module")
def live(ledger: Ledger) -> Iterator[tuple[str, int]]:
    """The app under uvicorn as `serve` configures it, on a loopback port."""
    import socket
    import threading
    import time

    import uvicorn

    from treatywatch.web import server

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    app = create_app(ledger, today=lambda: date(2026, 11, 26))
    srv = uvicorn.Server(server.config(app, "127.0.0.1", port))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield "127.0.0.1", port
    srv.should_exit = True
    thread.join(5)


def _raw(address: tuple[str, int], data: bytes) -> tuple[int, dict[str, str], bytes]:
    import socket

    with socket.create_connection(address, timeout=10) as s:
        with contextlib.suppress(OSError):  # the server may answer and close early
            s.sendall(data)
        received = b""
        while True:
            try:
                chunk = s.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), headers, body


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GARBAGE\r\n\r\n",
        b"GET /api/treaties HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
        b"GET /" + b"a" * 200_000 + b" HTTP/1.1\r\nHost: localhost\r\n\r\n",
        b"GET /api/treaties HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5\r\n\r\n",
    ],
)
def test_malformed_or_oversized_http_gets_the_json_error(
    live: tuple[str, int], request_bytes: bytes
) -> None:
    status, headers, body = _raw(live, request_bytes)
    assert status == 400 and headers["content-type"] == "application/json"
    assert json.loads(body)["error"]["code"] == "bad_request"


def test_a_chunked_body_over_the_limit_is_refused(live: tuple[str, int]) -> None:
    chunk = b"x" * 100_000
    data = b"POST /api/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
    data += b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    data += (b"%x\r\n" % len(chunk) + chunk + b"\r\n") * 12 + b"0\r\n\r\n"
    status, _, body = _raw(live, data)
    assert status == 413 and json.loads(body)["error"]["code"] == "payload_too_large"


def test_head_answers_like_get_without_a_body(client: TestClient) -> None:
    for path in ("/api/treaties", "/", "/treaty/apmbc", "/static/app.css"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]


@pytest.mark.parametrize(
    "params",
    [
        {"state": "FIN", "treaty": "apmbc", "on": "１２３４-01-01"},
        {"state": "FIN", "treaty": "apmbc", "on": "٢٠٢٦-٠١-٠١"},
        {"state": "FIN", "treaty": "apmbc", "on": "2026-1-1"},
        {"state": "FIN\x00", "treaty": "apmbc"},
        {"state": "FIN", "treaty": "apmbc\x00x"},
    ],
)
def test_unicode_digits_and_nul_are_refused(client: TestClient, params: dict[str, str]) -> None:
    _is_error(client.get("/api/status", params=params), 400)


def test_a_check_past_its_deadline_is_stopped() -> None:
    import time

    from treatywatch.web.checks import CheckPool
    from treatywatch.web.errors import WebError

    pool = CheckPool(running=1, waiting=0, seconds=0.5)
    started = time.monotonic()
    with pytest.raises(WebError) as err:
        pool.run(lambda: time.sleep(30) or {})  # type: ignore[func-returns-value]
    assert err.value.status == 504 and time.monotonic() - started < 3
    assert pool.run(lambda: {"ok": True}) == {"ok": True}  # the slot is free again


def test_a_full_checker_answers_busy_at_once() -> None:
    import threading
    import time

    from treatywatch.web.checks import CheckPool
    from treatywatch.web.errors import WebError

    pool = CheckPool(running=1, waiting=0, seconds=3)
    thread = threading.Thread(target=lambda: pool.run(lambda: time.sleep(1) or {}))  # type: ignore[func-returns-value]
    thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    with pytest.raises(WebError) as err:
        pool.run(lambda: {})
    assert err.value.status == 503 and time.monotonic() - started < 0.5
    thread.join()


def test_a_crashing_check_is_an_internal_error_without_detail() -> None:
    from treatywatch.web.checks import CheckPool
    from treatywatch.web.errors import WebError

    def boom() -> dict[str, object]:
        raise RuntimeError("/secret/path in a traceback")

    with pytest.raises(WebError) as err:
        CheckPool(seconds=5).run(boom)
    assert err.value.status == 500 and "secret" not in err.value.message


# --- the cache: bounded in bytes, keyed on what changes the answer --------------------------


def test_the_cache_ignores_parameters_that_change_nothing(ledger: Ledger) -> None:
    from treatywatch.web.app import serve_app

    app = serve_app(ledger, today=lambda: date(2026, 11, 26))
    c = TestClient(app, base_url="http://localhost")
    base = {"state": "FIN", "treaty": "apmbc", "on": "2026-02-01"}
    first = c.get("/api/status", params=base)
    for i in range(50):
        again = c.get("/api/status", params={**base, f"junk{i}": "x" * 100})
        assert again.content == first.content
    c.get("/api/status", params=dict(reversed(list(base.items()))))
    assert len(app.state.cache) == 1


def test_the_cache_is_bounded_in_bytes() -> None:
    from treatywatch.web.respcache import Entries

    entries = Entries(max_bytes=10_000, max_entry=3_000)
    for i in range(100):
        entries.put((f"/api/x?{i}", False, "d", 0), [], 2_500)
        assert entries.size <= 10_000
    assert len(entries) == 4 and entries.get(("/api/x?99", False, "d", 0)) is not None
    entries.put(("/api/big", False, "d", 0), [], 3_001)
    assert entries.get(("/api/big", False, "d", 0)) is None


def test_not_party_lists_every_existing_state_without_status(
    client: TestClient, ledger: Ledger
) -> None:
    for treaty, on in (("apmbc", "2026-03-01"), ("cwc", "2026-06-01"), ("tpnw", "2025-01-01")):
        params = {"treaty": treaty, "on": on}
        outside = client.get("/api/parties", params={**params, "status": "not_party"}).json()
        inside = client.get("/api/parties", params={**params, "status": "any"}).json()
        names = {r["state"] for r in outside}
        assert outside and all(r["status"] == "not_party" for r in outside)
        assert not names & {r["state"] for r in inside}
        assert names | {r["state"] for r in inside} == set(ledger.existing(date.fromisoformat(on)))
    usa = client.get("/api/parties", params={"treaty": "apmbc", "status": "not_party"}).json()
    assert "USA" in {r["state"] for r in usa} and "SUN" not in {r["state"] for r in usa}
    code, out = run(["parties", "apmbc", "--status", "not_party", "--on", "2026-03-01"])
    assert code == 0 and "United States" in out


def test_the_answer_index_is_answer_dict_exactly(ledger: Ledger) -> None:
    """The precomputed answers equal the status objects built the slow way, on random
    days across every treaty and state, and for every status filter of parties."""
    import random
    from datetime import timedelta

    from treatywatch.model import BOUND, Status
    from treatywatch.render import answer_dict
    from treatywatch.web.index import AnswerIndex

    index = AnswerIndex(ledger)
    rnd = random.Random(14)
    states, treaties = sorted(ledger.states), sorted(ledger.treaties)
    for _ in range(3000):
        s, t = rnd.choice(states), rnd.choice(treaties)
        day = date(1960, 1, 1) + timedelta(days=rnd.randrange(75 * 365))
        assert json.loads(index.status(s, t, day)) == answer_dict(ledger, ledger.status(s, t, day))
    filters = [BOUND, frozenset({Status.NOT_PARTY}), frozenset(Status)]
    for _ in range(40):
        t = rnd.choice(treaties)
        start = date(1990, 1, 1) + timedelta(days=rnd.randrange(40 * 365))
        for day in (start, start + timedelta(days=1), start + timedelta(days=40)):
            for wanted in filters:  # later days mostly reuse the epoch's memo
                slow = [answer_dict(ledger, a) for a in ledger.parties(t, day, wanted)]
                assert json.loads(index.parties(t, day, wanted)) == slow


def test_answers_say_their_server_time(client: TestClient) -> None:
    resp = client.get("/api/status", params={"state": "FIN", "treaty": "apmbc"})
    assert resp.headers["server-timing"].startswith("app;dur=")


def _guarded(guard_kw: dict[str, object], receive_forever: bool) -> list[dict[str, object]]:
    """Run one POST through a Guard around an app that answers 200; the messages sent."""
    import asyncio

    from treatywatch.web.guard import Guard

    async def ok(scope: object, receive: object, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    async def receive() -> dict[str, object]:
        if receive_forever:
            await asyncio.sleep(3600)
        return {"type": "http.request", "body": b"{}", "more_body": False}

    sent: list[dict[str, object]] = []

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/check", "query_string": b""}
    scope["headers"] = [(b"host", b"localhost")]
    asyncio.run(Guard(ok, hosts=["localhost"], **guard_kw)(scope, receive, send))  # type: ignore[arg-type]
    return sent


def test_a_body_that_never_arrives_times_out() -> None:
    import time

    started = time.monotonic()
    sent = _guarded({"body_seconds": 0.3}, receive_forever=True)
    assert sent[0]["status"] == 408 and time.monotonic() - started < 2
    assert json.loads(sent[1]["body"])["error"]["code"] == "request_timeout"  # type: ignore[arg-type]


def test_too_many_requests_in_flight_get_the_json_busy() -> None:
    sent = _guarded({"max_inflight": 0}, receive_forever=False)
    assert sent[0]["status"] == 503
    assert (b"retry-after", b"1") in sent[0]["headers"]  # type: ignore[operator]
    assert json.loads(sent[1]["body"])["error"]["code"] == "busy"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/status", {"state": "FIN", "treaty": "apmbc", "on": "2026-02-01"}),
        ("/api/status", {"state": "Vilnius", "treaty": "Ottawa Convention"}),
        ("/api/status", {"state": "FIN", "treaty": "apmbc", "junk": "1"}),
        ("/api/status", {"state": "Lituania", "treaty": "apmbc"}),
        ("/api/status", {"state": "FIN", "treaty": "apmbc", "on": "2026-02-30"}),
        ("/api/status", {"state": "FIN", "treaty": "apmbc", "on": ""}),
        ("/api/status", {"state": "FIN"}),
        ("/api/parties", {"treaty": "apmbc", "on": "2026-03-01"}),
        ("/api/parties", {"treaty": "ccm", "status": "not_party"}),
        ("/api/parties", {"treaty": "ccm", "status": "any", "on": "2010-08-01"}),
        ("/api/parties", {"treaty": "ccm", "status": "gone"}),
        ("/api/parties", {"treaty": "rome_statute", "borders": "RUS", "not_party": "apmbc"}),
    ],
)
def test_the_fast_path_answers_as_fastapi_does(
    ledger: Ledger, path: str, params: dict[str, str]
) -> None:
    def client(fast: bool) -> TestClient:
        app = create_app(ledger, today=lambda: date(2026, 11, 26), fast=fast)
        return TestClient(app, base_url="http://localhost")

    fast, slow = client(True).get(path, params=params), client(False).get(path, params=params)
    assert fast.status_code == slow.status_code
    assert fast.content == slow.content
    assert fast.headers["content-type"] == slow.headers["content-type"]


def test_precomputed_changes_are_change_dict_exactly(client: TestClient, ledger: Ledger) -> None:
    from treatywatch.render import change_dict

    for since, until in (("1990-01-01", "2026-03-01"), ("2025-06-01", "2026-03-01")):
        got = client.get("/api/changes", params={"since": since, "until": until}).json()
        slow = [
            change_dict(ledger, c)
            for c in ledger.changes(date.fromisoformat(since), date.fromisoformat(until))
        ]
        assert got == slow and len(got) > 10
    got = client.get("/api/timeline", params={"state": "FIN"}).json()
    assert got == [change_dict(ledger, c) for c in ledger.timeline("FIN")]
    got = client.get("/api/upcoming", params={"after": "2025-12-01", "treaty": "apmbc"}).json()
    assert got == [change_dict(ledger, c) for c in ledger.upcoming(date(2025, 12, 1), "apmbc")]
