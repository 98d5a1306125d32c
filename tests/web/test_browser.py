"""The web UI in a real browser: Playwright drives Debian's Chromium against `byline serve`.

The server is a real subprocess on a free loopback port over a temporary
store built from the web fixtures, including a hostile page. Every request
the browser makes is checked to stay on that server (offline), every page is
checked for script execution (``window.__pwned``, dialogs) and for console
errors (a CSP violation would show there). Screenshots of the article page
and the figure chart are saved to ``docs/screenshots/``.
"""

from __future__ import annotations

import importlib.util
import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason=f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium) to run the browser tests")

_spec = importlib.util.spec_from_file_location("fixture_corpus", Path(__file__).with_name("fixture_corpus.py"))
fixture_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixture_corpus)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("browser") / "corpus.db"
    fixture_corpus.build_corpus(db)
    port = _free_port()
    log = open(db.with_suffix(".log"), "w+")
    process = subprocess.Popen([sys.executable, "-m", "byline", "serve", "--db", str(db), "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/api/status", timeout=2) as response:
                if json.load(response)["articles"] == 7:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            process.kill()
            pytest.fail(f"byline serve did not start: {log.read()}")
        time.sleep(0.2)
    yield base
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watch:
    """What a page did that it must not: dialogs, console errors, requests off the server."""

    def __init__(self, page, base: str) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.outside: list[str] = []
        host = urlsplit(base).netloc

        def on_dialog(dialog) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        def route(r) -> None:
            if urlsplit(r.request.url).netloc == host:
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        page.on("dialog", on_dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.route("**/*", route)

    def check(self, page) -> None:
        assert page.evaluate("typeof window.__pwned") == "undefined", "a script from page text ran"
        assert self.dialogs == []
        assert self.errors == [], self.errors
        assert self.outside == [], f"requests left the server: {self.outside}"


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    p = context.new_page()
    p.watch = Watch(p, server)
    yield p
    context.close()


def test_search_then_article_then_speaker(page, server) -> None:
    page.goto(server + "/search")
    page.fill("#q", "rooftops")
    page.press("#q", "Enter")
    page.wait_for_url("**/search?q=rooftops*")
    hit = page.locator(".hit").first
    assert hit.locator("mark").first.inner_text().lower() == "rooftops"
    hit.get_by_role("link", name="Floods sweep Marrow Valley; at least 12 dead").click()
    page.wait_for_url("**/articles/*")
    assert page.locator("h1").inner_text() == "Floods sweep Marrow Valley; at least 12 dead"

    # every quote carries its speaker; the anonymous one says so
    anonymous = page.locator(".quote", has_text="We are still pulling people off rooftops")
    assert anonymous.get_attribute("data-speaker") == "a senior rescue official"
    assert anonymous.locator(".chip").inner_text() == "ANONYMOUS a senior rescue official"
    named = page.locator(".quote", has_text="We have never seen the water rise this fast")
    assert named.get_attribute("data-speaker") == "Ilse Brandt"
    assert named.locator(".chip").inner_text() == "Ilse Brandt"
    # a quote that runs on into the next paragraph keeps its speaker's colour there
    pieces = page.locator('.quote[data-quote="1"]')
    assert pieces.count() == 2
    colours = {pieces.nth(i).evaluate("e => getComputedStyle(e).backgroundColor") for i in range(2)}
    assert len(colours) == 1 and colours == {named.evaluate("e => getComputedStyle(e).backgroundColor")}
    other = page.locator(".quote", has_text="four shelters").evaluate("e => getComputedStyle(e).backgroundColor")
    assert other not in colours

    # a claim shows its figure, bound and source on keyboard focus
    claim = page.locator(".claim[tabindex='0']").first
    tip = claim.locator(".tip")
    assert not tip.is_visible()
    page.locator("#headline").click()
    for _ in range(40):  # Tab through the page until the claim has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('claim')"):
            break
    assert page.evaluate("document.activeElement.dataset.claim") == "0"
    assert tip.is_visible()
    assert "at least 12 people killed" in tip.inner_text() and "Source: regional officials" in tip.inner_text()
    assert "lower bound" in tip.inner_text()

    panel = page.locator("aside.panel")
    assert "2 named" in panel.inner_text() and "1 anonymous" in panel.inner_text()
    page.watch.check(page)

    named.locator(".chip").click()
    page.wait_for_url("**/speaker?name=Ilse+Brandt")
    quotes = page.locator(".speaker-quote")
    assert quotes.count() == 6
    days = [quotes.nth(i).locator("time").inner_text() for i in range(6)]
    assert days == sorted(days) and days[0] == "2026-03-02" and days[-1] == "2026-03-07"
    assert "via Coastline Wire" in quotes.nth(1).inner_text() or "via Coastline Wire" in quotes.nth(2).inner_text()
    page.watch.check(page)

    # the screenshot: an article with a relayed anonymous quote, anomalies and a focused claim
    page.goto(server + "/search?q=" + quote('"upper valley"'))
    page.get_by_role("link", name="Marrow Valley death toll passes 20 as rescuers reach cut-off villages").click()
    page.wait_for_url("**/articles/*")
    relayed = page.locator(".quote.relayed")
    assert relayed.get_attribute("data-category") == "anonymous"
    assert relayed.locator(".chip").inner_text() == "ANONYMOUS a senior rescue official via Coastline Wire"
    assert page.locator(".anomalies li").count() == 2
    page.locator(".claim[tabindex='0']").first.focus()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "article.png"), full_page=True)
    page.watch.check(page)


def _point_position(page, outlet: str, index: int = 0) -> dict:
    return page.evaluate(
        """([outlet, index]) => {
            const canvas = document.getElementById('figure-chart');
            const chart = Chart.getChart(canvas);
            const di = chart.data.datasets.findIndex(d => d.label === outlet);
            const el = chart.getDatasetMeta(di).data[index];
            const box = canvas.getBoundingClientRect();
            return {x: box.left + el.x, y: box.top + el.y};
        }""", [outlet, index])


def test_figure_chart_hover_and_keyboard(page, server) -> None:
    page.goto(server + "/figures?counts=" + quote("people killed"))
    page.wait_for_selector("#figure-chart[data-ready='true']")
    tooltip = page.locator("#chart-tooltip")
    assert tooltip.is_hidden()
    point = _point_position(page, "Harbor Gazette", 0)
    page.mouse.move(point["x"], point["y"])
    tooltip.wait_for(state="visible")
    text = tooltip.inner_text()
    assert "Harbor Gazette · 2026-03-03" in text
    assert "more than 20 people killed" in text and "Source: Marrow Valley Emergency Office" in text
    assert "Marrow Valley death toll passes 20" in text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("figure.chart-figure").screenshot(path=str(SCREENSHOTS / "figure.png"))

    # the range report shows its bounds; the keyboard walks the points in date order
    page.mouse.move(5, 5)
    page.locator("#figure-chart").focus()
    seen = []
    for _ in range(6):
        page.keyboard.press("ArrowRight")
        seen.append(tooltip.inner_text())
    assert seen[0].startswith("Coastline Wire · 2026-03-02") and "at least 12" in seen[0]
    assert any("between 31 and 35 people killed" in t and "Source: two officials" in t for t in seen)
    hostile = [t for t in seen if "Hostile" in t]
    assert hostile and '<img src=x onerror="window.__pwned=1">' in hostile[0]  # shown as text
    page.keyboard.press("Home")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/*")
    assert page.locator("h1").inner_text() == "Floods sweep Marrow Valley; at least 12 dead"
    page.watch.check(page)


def test_sources_chart_and_stories(page, server) -> None:
    page.goto(server + "/sources")
    page.wait_for_selector("#sources-chart[data-ready='true']")
    labels = page.evaluate("Chart.getChart(document.getElementById('sources-chart')).data.datasets.map(d => d.label)")
    assert labels == ["named people", "organisations", "anonymous sources", "other / unattributed", "relayed via another outlet"]
    page.goto(server + "/stories")
    page.get_by_role("link", name="Floods sweep Marrow Valley; at least 12 dead").click()
    assert "Quay Street" in page.locator(".copy ins").first.inner_text()
    assert "rooftops" in page.locator(".copy del").first.inner_text()
    page.watch.check(page)


def test_hostile_pages_render_as_text(page, server) -> None:
    with urllib.request.urlopen(server + "/api/articles?limit=100") as response:
        hostile = [a for a in json.load(response)["items"] if "<script>" in (a["headline"] or "")]
    assert len(hostile) == 2
    for article in hostile:
        page.goto(f"{server}/articles/{article['id']}")
        assert page.locator("h1").inner_text().startswith("<script>window.__pwned=1</script>")
        assert page.locator("a[href^='javascript:']").count() == 0
        page.locator(".claim[tabindex='0']").first.focus() if page.locator(".claim[tabindex='0']").count() else None
        page.mouse.move(300, 300)
        page.watch.check(page)
    body = page.locator(".body").inner_text()
    assert "<script>window.__pwned=1</script>" in body or "javascript:window.__pwned=1" in body
    for path in ("/search?q=pwned", "/speakers", "/speaker?name=" + quote('<img src=x onerror="window.__pwned=1">'), "/"):
        page.goto(server + path)
        page.watch.check(page)


def test_readable_at_400_percent_zoom(browser, server) -> None:
    # 1280 px at 400% zoom leaves 320 CSS px: the layout must reflow to one column, no sideways scroll.
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("/", "/articles/3", "/search?q=Marrow", "/figures?counts=killed", "/speaker?name=Ilse+Brandt",
                 "/sources", "/stories/1", "/docs", "/speakers"):
        page.goto(server + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (path, overflow)
    panel = page.goto(server + "/articles/3") and page.locator("aside.panel").bounding_box()
    main = page.locator("article.article-main").bounding_box()
    assert panel["y"] >= main["y"] + main["height"] - 1  # the side panel moves below the text
    context.close()


def test_static_traversal_over_a_raw_socket(server) -> None:
    host, port = urlsplit(server).hostname, urlsplit(server).port
    for target in ("/static/../../../../etc/passwd", "/static/../web/app.py", "/static/..%2f..%2fpyproject.toml",
                   "/static/%2e%2e/%2e%2e/%2e%2e/pyproject.toml"):
        with socket.create_connection((host, port), timeout=5) as s:
            s.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        status = data.split(b"\r\n", 1)[0]
        assert b" 404 " in status or b" 400 " in status, (target, status)
        assert b"root:" not in data and b"[project]" not in data and b"create_app" not in data
