"""The HTTP API: the CLI's shapes, one error shape everywhere, read-only, bounded."""

from __future__ import annotations

from datetime import date

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
