"""The server as an attacker probes it: no file reads, no SSRF, no DNS rebinding.

Every test stays on loopback. A "canary" HTTP server on 127.0.0.1 counts the requests it
receives: the server under test must never reach it. Name resolution is injected where a
test needs a name to resolve to a public address, and the socket opener is replaced by a
spy that records where the fetcher would connect and then fails, so no packet leaves the
machine.
"""

from __future__ import annotations

import http.server
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from treatywatch.ledger import Ledger
from treatywatch.reading import source
from treatywatch.reading.source import Fetcher, FetchRefused, InputError, address_is_public
from treatywatch.web.app import create_app

ERROR_KEYS = {"status", "code", "message", "hint", "suggestions"}
PUBLIC_IP = "93.184.215.14"  # a public address; never connected to (the opener is a spy)
PAGE = (
    b"<html><head><title>Exit</title></head><body><article><p>Lithuania notified the UN "
    b"Secretary-General on Friday of its withdrawal from the Ottawa Convention, the "
    b"foreign minister said in Vilnius.</p></article></body></html>"
)


class Canary:
    """A loopback HTTP server that records every request; ``routes`` maps a path to
    (status, headers, body)."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        canary = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                canary.hits.append(self.path)
                status, headers, body = canary.routes.get(self.path, (200, {}, b"secret"))
                if headers.get("X-Sleep"):
                    time.sleep(float(headers["X-Sleep"]))
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def canary() -> Iterator[Canary]:
    c = Canary()
    yield c
    c.close()


@pytest.fixture(scope="module")
def client(ledger: Ledger) -> TestClient:
    app = create_app(ledger, today=lambda: date(2026, 11, 26))
    return TestClient(app, base_url="http://localhost")


def _error(resp: Any, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    return dict(body["error"])


# --- local files and standard input ------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/etc/passwd",
        "../../../../etc/passwd",
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "/no/such/file",
        "-",
        "pyproject.toml",
    ],
)
def test_the_api_never_reads_a_path_or_stdin(client: TestClient, url: str) -> None:
    resp = client.post("/api/check", json={"url": url})
    err = _error(resp, 400)
    assert "root:" not in resp.text and "[project]" not in resp.text
    assert "no such file" not in err["message"]  # no oracle for which paths exist
    assert err["message"] == "'url' must be an http(s) URL: the server never reads files"


# --- SSRF: every way of naming this machine or a private network -------------------------


def _tricks(port: int) -> list[str]:
    return [
        f"http://127.0.0.1:{port}/",
        f"http://localhost:{port}/",
        f"http://LOCALHOST.:{port}/",
        f"http://0.0.0.0:{port}/",
        f"http://2130706433:{port}/",
        f"http://0x7f000001:{port}/",
        f"http://0x7f.1:{port}/",
        f"http://0177.0.0.1:{port}/",
        f"http://127.1:{port}/",
        f"http://[::1]:{port}/",
        f"http://[::ffff:127.0.0.1]:{port}/",
        f"http://[::ffff:7f00:1]:{port}/",
        f"http://[0:0:0:0:0:0:0:1]:{port}/",
        f"http://[::]:{port}/",
        f"https://127.0.0.1:{port}/",
        "http://127.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1]/",
        "http://10.0.0.1/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "http://240.0.0.1/",
        "http://[fc00::1]/",
        "http://[ff02::1]/",
        "http://[2002:7f00:1::]/",
        "http://[64:ff9b::7f00:1]/",
        "http://user:pw@example.org/",
        "gopher://127.0.0.1/",
        "ftp://example.org/",
    ]


def test_no_trick_reaches_loopback_through_the_api(client: TestClient, canary: Canary) -> None:
    answers = set()
    for url in _tricks(canary.port):
        resp = client.post("/api/check", json={"url": url})
        err = _error(resp, 400)
        assert "secret" not in resp.text, url
        answers.add(err["message"])
    assert canary.hits == []
    # Refusals come before any connection: nothing says whether a port is open.
    assert not any(str(canary.port) in a or "Connection" in a for a in answers)


def test_open_and_closed_ports_answer_alike(client: TestClient, canary: Canary) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    closed = sock.getsockname()[1]
    sock.close()
    open_ = client.post("/api/check", json={"url": f"http://127.0.0.1:{canary.port}/"}).json()
    shut = client.post("/api/check", json={"url": f"http://127.0.0.1:{closed}/"}).json()
    assert open_ == shut and canary.hits == []


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("127.255.255.254", False),
        ("0.0.0.0", False),
        ("10.1.2.3", False),
        ("172.31.0.1", False),
        ("192.168.0.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("100.127.255.254", False),
        ("224.0.0.251", False),
        ("239.255.255.250", False),
        ("240.0.0.1", False),
        ("255.255.255.255", False),
        ("192.0.2.1", False),
        ("198.18.0.1", False),
        ("::", False),
        ("::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:8.8.8.8", False),
        ("::127.0.0.1", False),
        ("64:ff9b::a00:1", False),
        ("2002:a00:1::", False),
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("fd12:3456::1", False),
        ("ff02::1", False),
        ("2001:db8::1", False),
        ("8.8.8.8", True),
        ("93.184.215.14", True),
        ("2606:4700:4700::1111", True),
    ],
)
def test_which_addresses_are_public(address: str, public: bool) -> None:
    assert address_is_public(ipaddress.ip_address(address)) is public


# --- DNS: checked after resolution, every address, and the checked address is used -------


class Spy:
    """An opener that records the address it is asked to connect to, then fails. It
    records to a file, since the server runs checks in child processes."""

    def __init__(self, log: Path | None = None) -> None:
        self.log = log
        self.seen: list[tuple[str, int]] = []

    def __call__(self, ip: str, port: int, timeout: float) -> socket.socket:
        self.seen.append((ip, port))
        if self.log is not None:
            with self.log.open("a") as f:
                f.write(f"{ip} {port}\n")
        raise ConnectionRefusedError(111, "Connection refused")

    @property
    def calls(self) -> list[tuple[str, int]]:
        if self.log is None:
            return self.seen
        if not self.log.exists():
            return []
        return [
            (ip, int(p)) for ip, p in (line.split() for line in self.log.read_text().splitlines())
        ]


def test_a_name_resolving_to_loopback_is_refused(canary: Canary) -> None:
    spy = Spy()
    fetcher = Fetcher(resolver=lambda host, port: ["127.0.0.1"], opener=spy)
    with pytest.raises(FetchRefused):
        fetcher.fetch("http://news.example/")
    assert spy.calls == [] and canary.hits == []


def test_every_resolved_address_is_checked() -> None:
    spy = Spy()
    fetcher = Fetcher(resolver=lambda host, port: [PUBLIC_IP, "10.0.0.7"], opener=spy)
    with pytest.raises(FetchRefused):
        fetcher.fetch("http://news.example/")
    assert spy.calls == []


def test_dns_rebinding_cannot_switch_the_address() -> None:
    """The name resolves once per hop; the connection goes to the address checked."""
    answers = iter([[PUBLIC_IP], ["127.0.0.1"], ["127.0.0.1"]])
    asked: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        asked.append(host)
        return next(answers)

    spy = Spy()
    fetcher = Fetcher(resolver=rebinding, opener=spy)
    with pytest.raises(InputError) as err:
        fetcher.fetch("http://news.example/")
    assert asked == ["news.example"] and spy.calls == [(PUBLIC_IP, 80)]
    assert str(err.value) == "could not fetch the URL"  # no errno, no "refused"


def test_the_api_uses_the_checked_address(ledger: Ledger, tmp_path: Path) -> None:
    spy = Spy(tmp_path / "connects")
    fetcher = Fetcher(resolver=lambda host, port: [PUBLIC_IP], opener=spy)
    app = create_app(ledger, today=lambda: date(2026, 11, 26), fetcher=fetcher)
    resp = TestClient(app, base_url="http://localhost").post(
        "/api/check", json={"url": "https://news.example/a"}
    )
    assert _error(resp, 400)["message"] == "could not fetch the URL"
    assert spy.calls == [(PUBLIC_IP, 443)]


def test_unresolvable_names_say_so_without_detail() -> None:
    def fail(host: str, port: int) -> list[str]:
        raise socket.gaierror(-2, "Name or service not known")

    with pytest.raises(InputError, match=r"does not resolve$"):
        Fetcher(resolver=fail).fetch("http://nowhere.invalid/")


# --- redirects, size and time ------------------------------------------------------------


def _only(port: int) -> Any:
    """A policy for tests: the one loopback port of the page server stands in for the
    public internet; everything else is judged by the server's real policy."""
    return lambda ip, p: (ip == "127.0.0.1" and p == port) or source.public_only(ip, p)


@pytest.fixture
def site() -> Iterator[Canary]:
    c = Canary()
    yield c
    c.close()


def test_a_permitted_page_is_fetched(site: Canary) -> None:
    site.routes["/a"] = (200, {"Content-Type": "text/html"}, PAGE)
    doc = source.fetch_url(f"http://127.0.0.1:{site.port}/a", Fetcher(policy=_only(site.port)))
    assert "Lithuania" in doc.text and site.hits == ["/a"]


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{canary}/",
        "http://localhost:{canary}/",
        "http://[::1]:{canary}/",
        "http://2130706433:{canary}/",
        "http://169.254.169.254/",
        "file:///etc/passwd",
    ],
)
def test_every_redirect_is_checked(site: Canary, canary: Canary, target: str) -> None:
    site.routes["/r"] = (302, {"Location": target.format(canary=canary.port)}, b"")
    with pytest.raises(FetchRefused):
        Fetcher(policy=_only(site.port)).fetch(f"http://127.0.0.1:{site.port}/r")
    assert site.hits == ["/r"] and canary.hits == []


def test_redirects_are_limited(site: Canary) -> None:
    site.routes["/loop"] = (301, {"Location": "/loop"}, b"")
    with pytest.raises(InputError, match="redirects"):
        Fetcher(policy=_only(site.port)).fetch(f"http://127.0.0.1:{site.port}/loop")
    assert len(site.hits) == source.MAX_REDIRECTS + 1


def test_a_page_too_large_is_refused(site: Canary) -> None:
    site.routes["/big"] = (200, {"Content-Type": "text/plain"}, b"x" * 5000)
    fetcher = Fetcher(policy=_only(site.port), max_bytes=4000)
    with pytest.raises(InputError, match="larger than"):
        fetcher.fetch(f"http://127.0.0.1:{site.port}/big")


def test_a_slow_site_hits_the_deadline(site: Canary) -> None:
    site.routes["/slow"] = (200, {"X-Sleep": "2"}, b"late")
    started = time.monotonic()
    with pytest.raises(InputError, match="could not fetch"):
        Fetcher(policy=_only(site.port), timeout=0.5).fetch(f"http://127.0.0.1:{site.port}/slow")
    assert time.monotonic() - started < 1.5


def test_the_cli_still_reads_loopback_and_files(site: Canary, tmp_path: Path) -> None:
    """The command line runs with the user's rights: their own files and servers."""
    site.routes["/a"] = (200, {"Content-Type": "text/html"}, PAGE)
    assert "Lithuania" in source.read_source(f"http://127.0.0.1:{site.port}/a").text
    (tmp_path / "a.txt").write_bytes(PAGE)
    assert "Lithuania" in source.read_source(str(tmp_path / "a.txt")).text


# --- switches: no fetching; host names ---------------------------------------------------


def test_fetching_can_be_switched_off(ledger: Ledger, canary: Canary) -> None:
    app = create_app(ledger, today=lambda: date(2026, 11, 26), fetch=False)
    c = TestClient(app, base_url="http://localhost")
    err = _error(c.post("/api/check", json={"url": "https://example.org/"}), 403)
    assert err["code"] == "fetch_disabled"
    assert 'id="url"' not in c.get("/check").text
    assert c.post("/api/check", json={"text": "Lithuania left."}).status_code == 200
    assert canary.hits == []


@pytest.mark.parametrize(
    ("host", "ok"),
    [
        ("localhost", True),
        ("localhost:8000", True),
        ("127.0.0.1:8000", True),
        ("[::1]:8000", True),
        ("evil.example", False),
        ("localhost.evil.example", False),
        ("127.0.0.1.nip.io", False),
        ("", False),
    ],
)
def test_the_host_header_is_checked(client: TestClient, host: str, ok: bool) -> None:
    resp = client.get("/api/treaties", headers={"Host": host})
    if ok:
        assert resp.status_code == 200
    else:
        assert _error(resp, 421)["code"] == "misdirected_request"
    page = client.get("/", headers={"Host": host})
    assert (page.status_code == 200) is ok


def test_configured_host_names(ledger: Ledger) -> None:
    app = create_app(ledger, today=lambda: date(2026, 11, 26), hosts=["treaties.example"])
    c = TestClient(app, base_url="http://treaties.example")
    assert c.get("/api/treaties").status_code == 200
    assert c.get("/api/treaties", headers={"Host": "localhost"}).status_code == 421


def test_an_international_name_is_resolved_in_its_ascii_form() -> None:
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    with pytest.raises(FetchRefused):
        Fetcher(resolver=resolver).fetch("http://bücher.example/")
    assert asked == ["xn--bcher-kva.example"]
