"""The review page in a real headless browser: Debian's chromium driven by Playwright.

Needs `apt-get install -y chromium` (the binary at /usr/bin/chromium) and the `playwright`
Python package; Playwright's own browser download is never used.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from review_support import TOKEN, make_app

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(review_db: Path) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(make_app(review_db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(server: str) -> Iterator[Any]:
    # `make test` installs chromium and sets VERBALIGN_REQUIRE_BROWSER=1: there a missing
    # browser is a failure, not a silent skip.
    required = os.environ.get("VERBALIGN_REQUIRE_BROWSER") == "1"
    if not shutil.which(CHROMIUM):
        message = f"{CHROMIUM} is not installed (apt-get install -y chromium)"
        if required:
            pytest.fail(message)
        pytest.skip(message)
    if required:
        import playwright.sync_api as sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = browser.new_context()
            # Offline like a user's machine without a network: anything not from the server
            # (a CDN script, a web font) fails and is recorded.
            outside: list[str] = []

            def only_the_server(route: Any) -> None:
                if route.request.url.startswith(server):
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            context.route("**/*", only_the_server)
            pg = context.new_page()
            pg.set_default_timeout(20_000)
            errors: list[str] = []
            pg.on("pageerror", lambda e: errors.append(str(e)))
            # the page must work under the server's Content-Security-Policy: chromium reports
            # every blocked script, style or fetch on the console
            pg.on(
                "console",
                lambda m: "Content Security Policy" in m.text and errors.append(m.text),
            )
            pg.verbalign_errors = errors  # type: ignore[attr-defined]
            pg.goto(server + "/")
            yield pg
            assert errors == [], errors
            assert outside == [], outside
        finally:
            browser.close()


def test_read_navigate_search_and_see_flags(page: Any, symbol: str) -> None:
    from playwright.sync_api import expect

    # the only record is opened at its first turn
    expect(page.locator("#turn-title")).to_contain_text("Turn 1 of 5")
    expect(page.locator("#record-select")).to_have_value(symbol)
    expect(page.locator("tr.pair")).to_have_count(1)

    # navigate: next, next -> Norway, who spoke English
    page.click("#next-turn")
    expect(page.locator("#turn-title")).to_contain_text("Turn 2 of 5")
    page.click("#next-turn")
    expect(page.locator("#turn-title")).to_contain_text("Juul")
    expect(page.locator('[data-fact="country"]')).to_contain_text("Norway")
    expect(page.locator('[data-fact="original"]')).to_contain_text("English side")
    expect(page.locator("tr.pair")).to_have_count(4)
    # shading by confidence: the flipped-negation pair was aligned with low confidence
    expect(page.locator("tr.pair.conf-low")).to_have_count(1)

    # QA flags inline, with the flagged number marked in the text
    number = page.locator('li.flag[data-type="number"]')
    expect(number).to_have_count(1)
    expect(number).to_contain_text("105")
    expect(page.locator("mark.flag-mark", has_text="150")).to_have_count(1)
    expect(page.locator('li.flag[data-type="date"]')).to_have_count(1)

    # keyboard navigation and the glossary term with its entry on hover
    page.keyboard.press("ArrowRight")
    expect(page.locator("#turn-title")).to_contain_text("Zhang Jun")
    term = page.locator("span.term", has_text="停火协议").first
    expect(term).to_have_attribute(
        "title", re.compile(r"^停火协议 — ceasefire agreement\nphraseology, candidate, confidence")
    )
    expect(page.locator("#term-list li")).to_contain_text(["停火协议 — ceasefire agreement"])

    # concordance search, then jump to the hit
    page.fill("#search-input", "停火")
    page.click("#search-button")
    hits = page.locator("#search-results .hit")
    expect(hits.first).to_contain_text("停火")
    expect(hits.first.locator("mark").first).to_have_text("停火")
    page.click("#turn-select")
    page.select_option("#turn-select", "0")
    expect(page.locator("#turn-title")).to_contain_text("Turn 1 of 5")
    hits.first.click()
    expect(page.locator("tr.pair.focus")).to_have_count(1)


def test_reviewer_corrects_a_pair_and_approves_a_term(page: Any, server: str) -> None:
    import httpx
    from playwright.sync_api import expect

    expect(page.locator("#turn-title")).to_contain_text("Turn 1 of 5")
    # read-only until a name and the token are given
    expect(page.locator(".pair-actions").first).to_be_hidden()
    page.click("#reviewer summary")
    page.fill("#reviewer-input", "Reviewer One")
    page.fill("#token-input", TOKEN)
    expect(page.locator("#reviewer-state")).to_contain_text("Reviewer One")

    page.select_option("#turn-select", "2")
    row = page.locator("tr.pair", has_text="150 servicemen")
    pair_id = row.get_attribute("data-pair-id")
    page.locator(f'tr.pair-extra[data-pair-id="{pair_id}"] button[data-action="reject"]').click()
    expect(page.locator("#toast")).to_contain_text(f"Pair {pair_id}: reject saved")

    # persisted: visible after a reload, and in the API with who and when
    page.reload()
    expect(page.locator(f'tr.pair[data-pair-id="{pair_id}"] .pair-status')).to_have_text("rejected")
    stored = httpx.get(f"{server}/pairs/{pair_id}").json()
    assert stored["pair"]["status"] == "rejected"
    assert stored["corrections"][-1]["reviewer"] == "Reviewer One"

    # approve the glossary term shown in China's turn
    page.select_option("#turn-select", "3")
    page.locator("#term-list li", has_text="停火协议").locator("button.approve-term").click()
    expect(page.locator("#term-list li", has_text="停火协议")).to_contain_text("approved")
    terms = httpx.get(f"{server}/glossary", params={"q": "停火协议"}).json()["items"]
    assert terms[0]["status"] == "approved"


def test_a_wrong_token_is_refused_and_nothing_changes(page: Any, server: str) -> None:
    import httpx
    from playwright.sync_api import expect

    expect(page.locator("#turn-title")).to_contain_text("Turn 1 of 5")
    page.click("#reviewer summary")
    page.fill("#reviewer-input", "Mallory")
    page.fill("#token-input", "not-the-token")
    pair_id = page.locator("tr.pair").first.get_attribute("data-pair-id")
    page.locator(f'tr.pair-extra[data-pair-id="{pair_id}"] button[data-action="approve"]').click()
    expect(page.locator("#toast")).to_contain_text("401")
    assert httpx.get(f"{server}/pairs/{pair_id}").json()["pair"]["status"] == "auto"


def test_omission_checks_run_as_a_job_and_the_page_waits_for_it(page: Any, server: str) -> None:
    import httpx
    from playwright.sync_api import expect

    expect(page.locator("#qa-state")).to_contain_text("QA:")
    # Every state the line passes through is recorded: with a warm process the job can finish
    # before a poll of the page would see it running.
    page.evaluate(
        """() => {
          window.qaStates = [];
          const line = document.querySelector("#qa-state");
          new MutationObserver(() => window.qaStates.push(line.textContent))
            .observe(line, {childList: true, characterData: true, subtree: true});
        }"""
    )
    page.check("#semantic-toggle")
    page.wait_for_function(
        "() => window.qaStates.length > 0 && window.qaStates.at(-1).startsWith('QA:')",
        timeout=90_000,
    )
    states = page.evaluate("() => window.qaStates")
    assert states[0] == "running QA with omission checks…", states
    jobs = httpx.get(f"{server}/jobs", headers={"Authorization": f"Bearer {TOKEN}"}).json()["items"]
    assert [(j["kind"], j["status"]) for j in jobs] == [("qa-report", "succeeded")]
    # the page asked again once the job was done and got the cached report
    symbol = jobs[0]["params"]["symbol"]
    r = httpx.get(f"{server}/records/{symbol}/qa", params={"semantic": "true"})
    assert r.status_code == 200 and r.json()["semantic_checks"] is True


def test_api_docs_render_offline_under_the_csp(page: Any, server: str) -> None:
    from playwright.sync_api import expect

    page.goto(server + "/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("verbalign")
    # every documented operation is listed, the upload among them
    expect(
        page.locator(".opblock-summary-path", has_text="/records/{symbol}/pairs")
    ).to_be_visible()
    assert page.locator(".opblock").count() >= 15
    upload = page.locator(".opblock-post", has_text="/records").first
    upload.locator(".opblock-summary").click()
    # the real error model, not FastAPI's default 422
    expect(upload.locator(".responses-table")).to_contain_text("415")
    expect(page.locator(".btn.authorize")).to_be_visible()

    page.goto(server + "/redoc")
    expect(page.locator("h1", has_text="verbalign")).to_be_visible(timeout=30_000)
    expect(page.locator("h2", has_text="Upload a zh and an en record")).to_be_visible()
    # The ReDoc bundle always shows its vendor's logo from a CDN; the policy stops that
    # request (nothing leaves the machine) and ReDoc hides the image. Nothing else may be
    # blocked.
    errors = page.verbalign_errors
    logo = [e for e in errors if "cdn.redoc.ly/redoc/logo-mini.svg" in e]
    assert len(logo) <= 1
    errors[:] = [e for e in errors if e not in logo]
