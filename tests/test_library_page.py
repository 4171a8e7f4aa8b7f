"""The library page (OUT/index.html): every edition in the folder, each linking to its
player, filtered as you type — built for real and driven in headless chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ALOUD = [sys.executable, "-m", "aloud"]
TONE = ("--engine", "tone", "--voice", "low", "-q")
LEAD = " It was the kind of night the old keepers wrote about, and the kind of night nobody who lived through it forgot."
TEXTS = {
    "storm.txt": f"The Storm\n\nThe wind rose at dusk. Waves struck the rocks below the tower.{LEAD}\n",
    "ship.txt": f"A Ship <in> the Dark\n\nA light showed in the dark to the south. It rose and fell with the swell.{LEAD}\n",
    "keeper.txt": f"The Keeper's Log\n\nThe keeper wrote each night what the sea had done.{LEAD}\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    for name, text in TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    built = subprocess.run([*ALOUD, "build", *(str(root / n) for n in TEXTS), "-o", str(root / "site"),
                            "--cache-dir", str(root / "cache"), *TONE], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    return root / "site"


def test_the_library_lists_every_edition_linking_to_its_player(site):
    page = (site / "index.html").read_text(encoding="utf-8")
    assert page.count("<li ") == 3
    assert "A Ship &lt;in&gt; the Dark" in page and "<in>" not in page  # titles escaped
    import re

    for link in re.findall(r'href="([^"]+)"', page):
        assert (site / link).is_file(), link
    assert all((site / src).is_file() for src in re.findall(r'src="([^"]+)"', page))
    assert not list(site.glob(".index-*"))  # written whole, no temporary left behind


def test_the_library_filters_as_you_type_in_a_browser(site):
    pytest.importorskip("selenium", reason="selenium is in the test extras: make test installs it")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    binary = os.environ.get("ALOUD_CHROMIUM") or next(
        (shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
    driver_path = os.environ.get("ALOUD_CHROMEDRIVER") or shutil.which("chromedriver")
    if not (binary and driver_path):
        pytest.fail("chromium and chromedriver are needed: `make test` installs them")
    options = Options()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,700"):
        options.add_argument(arg)
    browser = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        browser.get((site / "index.html").as_uri())
        visible = lambda: [e.text.split("\n")[0] for e in browser.find_elements(By.CSS_SELECTOR, "#editions li")  # noqa: E731
                           if e.is_displayed()]
        assert len(visible()) == 3
        browser.find_element(By.ID, "filter").send_keys("keeper")
        assert visible() == ["The Keeper's Log"]
        assert browser.find_element(By.ID, "shown").text == "1 of 3 editions"
        browser.find_element(By.ID, "filter").clear()
        browser.find_element(By.ID, "filter").send_keys("x")  # clear() sends no input event; type, then erase
        browser.execute_script("const f = document.getElementById('filter'); f.value = '';"
                               "f.dispatchEvent(new Event('input'))")
        assert len(visible()) == 3
        browser.find_element(By.CSS_SELECTOR, "#editions li a").click()
        assert browser.current_url.endswith("/index.html") and "/site/index.html" not in browser.current_url
    finally:
        browser.quit()
