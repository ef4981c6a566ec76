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


def test_a_forbidden_write_gets_the_error_shape(tmp_path: Path) -> None:
    store = Store(tmp_path / "o.db")
    client = TestClient(
        create_app(store=store, token="s3cret", today=TODAY), base_url="http://localhost"
    )
    bad = {**ACT, "state": "USA", "treaty": "apmbc"}
    resp = client.post("/api/acts", json=bad, headers={"Authorization": "Bearer s3cret"})
    assert resp.status_code == 500 or resp.status_code == 400
    assert set(resp.json()["error"]) == {"status", "code", "message", "hint", "suggestions"}
    assert store.acts() == []


def test_queue_and_audit_pages_without_overlay() -> None:
    client = TestClient(create_app(today=TODAY), base_url="http://localhost")
    assert "No overlay is configured" in client.get("/queue").text
    assert "No overlay is configured" in client.get("/audit").text
