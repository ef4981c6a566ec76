"""Writes through the API exist only with a configured token; queue and audit are read-only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from treatywatch.store import Store
from treatywatch.web import writes
from treatywatch.web.app import create_app, serve_app

ACT = {
    "state": "NOR",
    "treaty": "ccm",
    "kind": "withdrawal",
    "date": "2027-01-15",
    "source": "https://example.org/notice",
    "why": "test",
}
TODAY = lambda: date(2027, 8, 1)  # noqa: E731


def test_no_token_means_no_write_endpoint(tmp_path: Path) -> None:
    client = TestClient(
        create_app(store=Store(tmp_path / "o.db"), today=TODAY), base_url="http://localhost"
    )
    resp = client.post("/api/acts", json=ACT, headers={"Authorization": "Bearer x"})
    assert resp.status_code in (404, 405) and "error" in resp.json()
    assert "/api/acts" not in client.get("/openapi.json").json()["paths"]


def test_wrong_or_missing_token_is_refused(tmp_path: Path) -> None:
    store = Store(tmp_path / "o.db")
    client = TestClient(
        create_app(store=store, token="s3cret", today=TODAY), base_url="http://localhost"
    )
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "s3cret"}):
        resp = client.post("/api/acts", json=ACT, headers=headers)
        assert resp.status_code == 401 and resp.json()["error"]["code"] == "unauthorized"
    assert store.acts() == []


def test_token_is_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return a == b

    monkeypatch.setattr(writes.hmac, "compare_digest", spy)
    assert writes.token_ok("Bearer s3cret", "s3cret") and not writes.token_ok("Bearer x", "s3cret")
    assert calls == [(b"s3cret", b"s3cret"), (b"x", b"s3cret")]


def test_a_write_lands_and_the_cached_answers_follow(tmp_path: Path) -> None:
    store = Store(tmp_path / "o.db")
    client = TestClient(
        serve_app(store=store, token="s3cret", today=TODAY), base_url="http://localhost"
    )  # type: ignore[arg-type]
    before = client.get("/api/status", params={"state": "NOR", "treaty": "ccm"}).json()
    assert before["status"] == "party"
    resp = client.post("/api/acts", json=ACT, headers={"Authorization": "Bearer s3cret"})
    assert resp.status_code == 201, resp.text
    after = client.get("/api/status", params={"state": "NOR", "treaty": "ccm"}).json()
    assert after["status"] == "withdrawn" and after["since"] == "2027-07-15"
    assert store.audit()[0]["action"] == "add-act"
    page = client.get("/audit")
    assert page.status_code == 200 and "add-act" in page.text


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"state": "USA", "treaty": "apmbc"}, "kind"),  # withdrawal by a non-party
        ({"kind": "unheard_of"}, "kind"),
        ({"date": "2027-13-45"}, "date"),
        ({"date": "１２３４-01-01"}, "date"),
        ({"date": "٢٠٢٧-٠١-١٥"}, "date"),
        ({"state": "Atlantis"}, "state"),
        ({"state": "NOR\x00"}, "state"),
        ({"treaty": "ottowa"}, "treaty"),
        ({"source": "/etc/passwd"}, "source"),
        ({"date": None}, "date"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_an_invalid_act_is_422_naming_the_field(
    tmp_path: Path, change: dict[str, object], field: str
) -> None:
    store = Store(tmp_path / "o.db")
    client = TestClient(
        create_app(store=store, token="s3cret", today=TODAY), base_url="http://localhost"
    )
    bad = {k: v for k, v in {**ACT, **change}.items() if v is not None}
    resp = client.post("/api/acts", json=bad, headers={"Authorization": "Bearer s3cret"})
    assert resp.status_code == 422, resp.text
    err = resp.json()["error"]
    assert set(err) == {"status", "code", "message", "hint", "suggestions"}
    assert err["message"].startswith(f"{field}: ") and err["code"] == "invalid_act"
    assert store.acts() == []


def test_a_duplicate_act_is_422(tmp_path: Path) -> None:
    store = Store(tmp_path / "o.db")
    client = TestClient(
        create_app(store=store, token="s3cret", today=TODAY), base_url="http://localhost"
    )
    auth = {"Authorization": "Bearer s3cret"}
    assert client.post("/api/acts", json=ACT, headers=auth).status_code == 201
    again = client.post("/api/acts", json=ACT, headers=auth)
    assert again.status_code == 422 and again.json()["error"]["message"].startswith("id: ")
    assert len(store.acts()) == 1


def test_the_token_is_checked_before_the_body(tmp_path: Path) -> None:
    client = TestClient(
        create_app(store=Store(tmp_path / "o.db"), token="s3cret", today=TODAY),
        base_url="http://localhost",
    )
    for body in (b"{not json", b'{"state": 1}', b""):
        resp = client.post("/api/acts", content=body, headers={"Content-Type": "application/json"})
        assert resp.status_code == 401  # nothing about the body's schema
        assert resp.headers["WWW-Authenticate"].startswith("Bearer")
        assert "state" not in resp.text


def test_parallel_writers_all_succeed_and_all_land(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    store = Store(tmp_path / "o.db")
    client = TestClient(
        serve_app(store=store, token="s3cret", today=TODAY), base_url="http://localhost"
    )
    auth = {"Authorization": "Bearer s3cret"}

    def write(i: int) -> int:
        act = {**ACT, "source": f"https://example.org/notice/{i}", "date": "2027-01-15"}
        act["kind"] = "signature" if i % 2 else "withdrawal"
        act["state"], act["treaty"] = ("NOR", "ccm") if i == 0 else ("USA", "tpnw")
        if i > 1:
            act["state"], act["kind"] = "Mexico", "withdrawal"
            act["treaty"] = "att"
            act["date"] = f"2027-02-{i:02d}"
        return client.post("/api/acts", json=act, headers=auth).status_code

    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(write, range(8)))
    ok = codes.count(201)
    assert set(codes) <= {201, 422} and ok == len(store.acts()) == len(store.audit())
    assert 500 not in codes


def test_writes_by_another_process_are_picked_up(tmp_path: Path) -> None:
    import time

    from treatywatch import overlay

    db = tmp_path / "o.db"
    app = serve_app(store=Store(db), today=TODAY)
    with TestClient(app, base_url="http://localhost") as client:
        query = {"state": "NOR", "treaty": "ccm"}
        assert client.get("/api/status", params=query).json()["status"] == "party"
        other = Store(db)  # another connection, as the CLI in another process has
        src = overlay.source_for_url("https://example.org/notice")
        row = {
            "treaty": "ccm",
            "state": "NOR",
            "kind": "withdrawal",
            "date": "2027-01-15",
            "sources": src["id"],
        }
        overlay.add_acts(other, [row], [src], who="cli")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if client.get("/api/status", params=query).json()["status"] == "withdrawn":
                break
            time.sleep(0.2)
        assert client.get("/api/status", params=query).json()["status"] == "withdrawn"


def test_queue_and_audit_pages_without_overlay() -> None:
    client = TestClient(create_app(today=TODAY), base_url="http://localhost")
    assert "No overlay is configured" in client.get("/queue").text
    assert "No overlay is configured" in client.get("/audit").text
