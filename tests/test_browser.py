"""The dashboard in a real browser: headless Chromium (Debian's chromium + chromium-driver).

The daemon runs with its web server against a local news site; the browser
opens ``/`` and checks what a person would see: the announced date on the
timeline, the moved date after the next reads, and page text that tried to
inject markup shown as text, never run.  It also takes the README's
screenshot (docs/dashboard.png, with UPDATE_SCREENSHOT=1).

Without Chromium the test is skipped, except in CI (``CI=true``) where that
is a failure: ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from receivers import JsonReceiver
from servers import PageServer
from test_daemon import Daemon, daemons  # noqa: F401  (the fixture)
from website import (
    INJECTED,
    MOVED_WORDS,
    NARCOS_MOVED,
    NARCOS_WORDS,
    TOKEN,
    YEAR,
    article,
    free_port,
    site,
    start,
    wait_until,
    watchlist,
)

# The README's screenshot; rewritten with UPDATE_SCREENSHOT=1 (else it goes to tmp, so an
# ordinary run leaves the checkout clean).
README_SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "dashboard.png"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
# What works on this machine's closed network (no Google look-ups, no sandbox as root).
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1000,1400", "--hide-scrollbars")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    if CHROMIUM is None or DRIVER is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium and chromedriver are required in CI: apt-get install -y chromium chromium-driver")
        pytest.skip("Chromium not installed (apt-get install -y chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium'}")
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def test_dashboard_in_chromium(tmp_path: Path, page_server: PageServer, json_receiver: JsonReceiver,
                               daemons: list[Daemon], browser: object) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(browser, WebDriver)
    site(page_server)
    port = free_port()
    config = watchlist(tmp_path, page_server, json_receiver, http=f"127.0.0.1:{port}")
    daemon = start(daemons, config)
    home = f"http://127.0.0.1:{port}/?token={TOKEN}"

    def page_text() -> str:
        browser.get(home)
        return str(browser.find_element(By.TAG_NAME, "body").text)

    def timeline() -> str:
        browser.get(home)
        return str(browser.find_element(By.ID, "upcoming").find_element(By.XPATH, "following-sibling::section").text)

    wait_until(lambda: "HTTP 404" in page_text(), what="a full first round")
    wait_until(lambda: NARCOS_WORDS in timeline(), what="the announced date on the timeline")

    # Injected markup stays inert: shown as text, no script ran, no element was made.
    assert browser.title == "premiere-watch"
    assert browser.execute_script("return document.scripts.length") == 0
    assert browser.execute_script("return document.images.length") == 0
    assert INJECTED in browser.find_element(By.TAG_NAME, "body").text

    page_server.route("/narcos", article(NARCOS_MOVED, f"{YEAR - 1}-02-01"))  # a later article
    wait_until(lambda: MOVED_WORDS in timeline(), timeout=30, what="the moved date after the next reads")
    text = timeline()
    assert NARCOS_WORDS not in text
    assert text.index(f"March 3, {YEAR}") < text.index(MOVED_WORDS)  # soonest first

    # The README's screenshot: the whole page, with the move among the recent alerts.
    wait_until(lambda: "premiere moved later" in page_text(), what="the move in the recent alerts")
    for _ in range(2):  # the window's height includes its (headless) frame: measure again once resized
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(1000, min(int(height) + 100, 3000))
    shot = README_SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") == "1" else tmp_path / "dashboard.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000

    browser.set_window_size(400, 900)  # a phone: the page still fits, no sideways scrolling
    browser.get(home)
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 400
    assert daemon.stop() == 0, daemon.log
