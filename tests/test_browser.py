"""The web app as a user sees it: Debian's Chromium, headless, driven by Playwright.

The browser is required: if /usr/bin/chromium is missing these tests fail (the Makefile's
`browser` target installs it). Screenshots are saved to artifacts/.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from treatywatch.ledger import Ledger
from treatywatch.web.app import create_app

CHROMIUM = os.environ.get("TREATYWATCH_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).parents[1] / "artifacts"
SEED = Path(__file__).parent / "eval" / "articles" / "000.txt"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(ledger: Ledger) -> Iterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    app = create_app(ledger, today=lambda: date(2026, 11, 26))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make browser` (Debian's chromium)"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    p = browser.new_page(viewport={"width": 1280, "height": 1000})
    yield p
    p.close()


def _day_index(opens: str, day: str) -> int:
    return (date.fromisoformat(day) - date.fromisoformat(opens)).days


def test_treaty_map_slider(page: Any, server: str) -> None:
    sizes: list[int] = []
    page.on(
        "response", lambda r: sizes.append(int(r.headers.get("content-length") or len(r.body())))
    )
    page.goto(f"{server}/treaty/apmbc")
    page.wait_for_selector("#treaty[data-ready='1']", timeout=20000)
    opens = page.get_attribute("#treaty", "data-opens")
    page.eval_on_selector(
        "#slider",
        "(el, v) => { el.value = String(v); el.dispatchEvent(new Event('input')); }",
        _day_index(opens, "2026-03-01"),
    )
    assert page.inner_text("#day") == "2026-03-01"
    assert "on=2026-03-01" in page.url
    assert page.get_attribute("#countries path[data-state='FIN']", "class") == "st-withdrawn"
    assert page.get_attribute("#countries path[data-state='NOR']", "class") == "st-party"
    assert page.get_attribute("#countries path[data-state='UKR']", "class") == "st-suspended"
    row = page.inner_text("#parties tr[data-state='FIN']")
    assert "withdrawn" in row and "2026-01-10" in row
    redraw = float(page.get_attribute("#treaty", "data-redraw-ms"))
    assert redraw <= 100, f"slider redraw took {redraw} ms"
    # keyboard focus shows the status and its reason
    page.focus("#countries path[data-state='FIN']")
    assert "Finland: withdrawn since 2026-01-10" in page.inner_text("#tip")
    page.screenshot(path=str(ARTIFACTS / "treaty-apmbc-2026-03-01.png"), full_page=True)
    (ARTIFACTS / "treaty-page-metrics.txt").write_text(
        f"slider redraw {redraw} ms; page weight {sum(sizes)} bytes\n", encoding="utf-8"
    )
    assert sum(sizes) <= 1_000_000, f"page weight {sum(sizes)} bytes"


def test_map_date_in_url(page: Any, server: str) -> None:
    page.goto(f"{server}/treaty/apmbc?on=2025-12-26")
    page.wait_for_selector("#treaty[data-ready='1']", timeout=20000)
    assert (
        page.get_attribute("#countries path[data-state='LTU']", "class") == "st-withdrawal_pending"
    )


def test_country_page(page: Any, server: str) -> None:
    page.goto(f"{server}/state/FIN")
    text = page.inner_text("#statuses")
    assert "apmbc" in text and "withdrawn" in text and "2026-01-10" in text
    assert "Russia" in page.inner_text("main")  # neighbours with lengths
    page.screenshot(path=str(ARTIFACTS / "state-FIN.png"), full_page=True)


def test_checker_flags_the_seed(page: Any, server: str) -> None:
    page.goto(f"{server}/check")
    page.fill("#text", SEED.read_text(encoding="utf-8"))
    page.click("button[type=submit]")
    page.wait_for_selector("#claims li", timeout=20000)
    claims = page.inner_text("#claims")
    assert "effective/accession FIN apmbc 2011" in claims
    fin = page.locator("#claims li", has_text="effective/accession FIN apmbc 2011")
    assert "imprecise" in fin.inner_text() and "2012-01-09" in fin.inner_text()
    assert page.locator("#marked mark").count() >= 10
    page.screenshot(path=str(ARTIFACTS / "check-seed.png"), full_page=True)


def test_article_with_script_is_shown_as_text(page: Any, server: str) -> None:
    evil = (
        '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> '
        "Lithuania notified the UN Secretary-General of its withdrawal from the Ottawa "
        "Convention on 27 June 2025."
    )
    page.goto(f"{server}/check")
    page.fill("#text", evil)
    page.click("button[type=submit]")
    page.wait_for_selector("#claims li", timeout=20000)
    assert page.evaluate("window.__pwned") is None
    assert "<script>" in page.inner_text("#marked")
    assert page.locator("#marked script, #marked img").count() == 0
