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


def _console_errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def test_slider_width_is_constant_while_dragging(page: Any, server: str) -> None:
    page.goto(f"{server}/treaty/apmbc")
    page.wait_for_selector("#treaty[data-ready='1']", timeout=20000)
    box = page.locator("#slider").bounding_box()
    widths, summaries = set(), set()
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    for step in range(0, 41):
        page.mouse.move(box["x"] + 2 + (box["width"] - 4) * step / 40, box["y"] + box["height"] / 2)
        now = page.locator("#slider").bounding_box()
        widths.add((round(now["x"], 1), round(now["width"], 1)))
        summaries.add(page.inner_text("#summary"))
    page.mouse.up()
    assert len(summaries) > 5  # the summary beside it changed length many times
    assert len(widths) == 1, f"the slider moved or resized: {sorted(widths)}"


def test_api_docs_render_without_console_errors(page: Any, server: str) -> None:
    errors = _console_errors(page)
    page.goto(f"{server}/docs")
    page.wait_for_selector("#api[data-ready='1']", timeout=20000)
    text = page.inner_text("#api")
    for path in ("/api/status", "/api/parties", "/api/check", "/api/map"):
        assert path in text
    form = page.locator("section#get-api-treaties form")
    form.locator("button").click()
    page.wait_for_selector("section#get-api-treaties pre.answer:not([hidden])")
    assert page.inner_text("section#get-api-treaties pre.answer").startswith("200")
    assert errors == [], errors


def test_pages_have_a_favicon_and_no_console_errors(page: Any, server: str) -> None:
    errors = _console_errors(page)
    for path in ("/", "/treaty/ccm", "/state/LTU", "/check"):
        page.goto(f"{server}{path}")
        page.wait_for_load_state("networkidle")
    icon = page.request.get(f"{server}/favicon.ico")
    assert icon.status == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert errors == [], errors


def test_an_unknown_state_gets_a_page_not_json(page: Any, server: str) -> None:
    resp = page.goto(f"{server}/state/Atlantis")
    assert resp.status == 404 and resp.headers["content-type"].startswith("text/html")
    assert "Nothing found" in page.inner_text("h1") and "Atlantis" in page.inner_text("h1")
    resp = page.goto(f"{server}/state/Lituania")
    assert resp.status == 404 and "Lithuania" in page.inner_text("main")
    resp = page.goto(f"{server}/no/such/page")
    assert resp.status == 404 and resp.headers["content-type"].startswith("text/html")


def test_no_sideways_scroll_on_a_phone(browser: Any, server: str) -> None:
    p = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        for path in ("/", "/treaty/apmbc", "/state/FIN", "/check", "/docs", "/state/Atlantis"):
            p.goto(f"{server}{path}")
            p.wait_for_load_state("networkidle")
            wide = p.evaluate(
                "() => [document.documentElement.scrollWidth, window.innerWidth,"
                " [...document.querySelectorAll('body *')].filter(e => "
                "e.getBoundingClientRect().right > window.innerWidth + 1 && "
                "!e.closest('table')).slice(0, 5).map(e => e.tagName + '#' + e.id)]"
            )
            assert wide[0] <= wide[1], f"{path} scrolls sideways: {wide}"
        p.goto(f"{server}/treaty/apmbc")
        p.screenshot(path=str(ARTIFACTS / "treaty-apmbc-390px.png"), full_page=True)
    finally:
        p.close()
