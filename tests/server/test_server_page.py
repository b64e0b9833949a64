"""The web page in headless Chromium (Debian's chromium + chromium-driver, driven by Selenium):
it loads with no request beyond the server, runs a SPARQL query, shows results, draws a path.

`make test` installs chromium and chromium-driver when they are missing (as root, from Debian's
packages). A screenshot of the explorer goes to docs/page.png when INNOGRAPH_SCREENSHOT is set.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ROOT = Path(__file__).resolve().parents[2]

if not (CHROMIUM and CHROMEDRIVER):
    if os.environ.get("INNOGRAPH_REQUIRE_SERVERS") == "1":
        raise RuntimeError("chromium and chromium-driver are needed: `make test` installs them (apt-get)")
    pytest.skip("needs chromium and chromium-driver (make test installs them)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def requested_hosts(driver) -> set[str]:
    hosts = set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if url.startswith(("http:", "https:", "ws:", "wss:")):
                hosts.add(urlparse(url).netloc)
    return hosts


def wait(driver, condition, timeout=30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def test_explorer_search_and_path(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server.url + "/")
    wait(browser, lambda d: d.find_element(By.ID, "status").text == "ready")
    box = browser.find_element(By.ID, "search")
    box.send_keys("CHU")
    browser.find_element(By.CSS_SELECTOR, "#search-form button").click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#hits li"))
    first = browser.find_element(By.CSS_SELECTOR, "#hits li span")
    assert "CHU" in first.text
    first.click()
    wait(browser, lambda d: d.execute_script("return cy.nodes().length") > 1)
    browser.find_element(By.ID, "path-from").send_keys("CHU de Rouen")
    browser.find_element(By.ID, "path-to").send_keys("Robotcath")
    browser.find_element(By.ID, "path-go").click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#paths .path"))
    hops = browser.find_elements(By.CSS_SELECTOR, "#paths .path.selected li")
    assert hops and "CHU de Rouen" in hops[0].text
    drawn = browser.execute_script("return cy.edges('.path').length")
    assert drawn == len(hops)
    # hovering an edge shows why it is there
    browser.execute_script("cy.edges('.path')[0].emit('mouseover')")
    assert browser.find_element(By.ID, "evidence").text.strip()
    if os.environ.get("INNOGRAPH_SCREENSHOT"):
        browser.save_screenshot(os.environ["INNOGRAPH_SCREENSHOT"])
    assert requested_hosts(browser) <= {urlparse(server.url).netloc}


def test_sparql_editor_runs_a_query(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server.url + "/")
    wait(browser, lambda d: d.find_element(By.ID, "status").text == "ready")
    browser.find_element(By.ID, "tab-sparql").click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#named li"))
    named = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#named li")]
    assert any("Members" in n for n in named)
    browser.execute_script(
        "yasgui.getTab().setQuery('SELECT ?m WHERE { ?m <http://www.w3.org/ns/org#memberOf> ?c }'); yasgui.getTab().query();")
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr, .yasr .dataTable tbody tr"))
    rows = browser.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr")
    assert len(rows) >= 1
    assert requested_hosts(browser) <= {urlparse(server.url).netloc}
