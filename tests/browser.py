"""Debian's chromium, headless, driven by selenium: for the pages aloud writes (the
player, the library page). `ALOUD_CHROMIUM` and `ALOUD_CHROMEDRIVER` name other binaries;
`ALOUD_SCREENSHOTS=DIR` keeps the screenshots the tests take."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver",)


def _find(names: tuple[str, ...], env: str) -> str | None:
    if os.environ.get(env):
        return os.environ[env]
    return next((shutil.which(n) for n in names if shutil.which(n)), None)


@contextmanager
def chromium(*arguments: str, window: str = "1280,900") -> Iterator:
    pytest.importorskip("selenium", reason="selenium is in the test extras: make test installs it")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    binary, driver = _find(BROWSERS, "ALOUD_CHROMIUM"), _find(DRIVERS, "ALOUD_CHROMEDRIVER")
    if not (binary and driver):
        pytest.fail("chromium and chromedriver are needed for the page tests: `make test` installs them")
    options = Options()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={window}", *arguments):
        options.add_argument(arg)
    drv = webdriver.Chrome(options=options, service=Service(driver))
    drv.set_script_timeout(20)
    try:
        yield drv
    finally:
        drv.quit()


def screenshot(drv, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    drv.save_screenshot(str(path))
    keep = os.environ.get("ALOUD_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / name)
    return path
