"""The offline player (index.html), driven in Debian's chromium, headless, by selenium.

The page is opened from disk (file://) with the seed's edition beside it, and really
plays its MP3. `ALOUD_SCREENSHOTS=DIR` keeps the screenshots the tests take.
"""

from __future__ import annotations

import re
import shutil
import time

import pytest
from browser import chromium, screenshot
from conftest import needs_media

pytestmark = needs_media

selenium = pytest.importorskip("selenium", reason="selenium is in the test extras: make test installs it")
from selenium.webdriver.common.by import By  # noqa: E402


@pytest.fixture(scope="module")
def browser():
    with chromium("--mute-audio", "--autoplay-policy=no-user-gesture-required") as drv:
        yield drv


@pytest.fixture
def page(browser, built_seed):
    built, manifest = built_seed
    browser.get((built.folder / "index.html").as_uri())
    # A fresh start: the page saves its state as it goes, so reset it before forgetting it.
    browser.execute_script("aloudPlayer.setSpeed(1); aloudPlayer.jump(0); localStorage.clear()")
    browser.refresh()
    _wait(browser, "return document.getElementById('audio').readyState >= 1")
    return browser, manifest


def _wait(drv, script: str, timeout: float = 10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = drv.execute_script(script)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for: {script}")


def _time(drv) -> float:
    return drv.execute_script("return document.getElementById('audio').currentTime")


def _current(drv) -> str | None:
    return drv.execute_script("const e = document.querySelector('.s.current'); return e && e.textContent")


def _sentences(manifest) -> list[dict]:
    return [s for c in manifest["chapters"] for s in c["sentences"]]


def test_page_shows_the_edition_and_its_chapters(page, tmp_path):
    drv, manifest = page
    assert drv.find_element(By.ID, "title").text == manifest["title"]
    assert drv.find_element(By.ID, "author").text == manifest["author"]
    buttons = drv.find_elements(By.CSS_SELECTOR, "#chapters button")
    assert [b.find_element(By.CSS_SELECTOR, "span").text for b in buttons] == [c["title"] for c in manifest["chapters"]]
    assert len(drv.find_elements(By.CSS_SELECTOR, ".s")) == len(_sentences(manifest))
    duration = drv.execute_script("return document.getElementById('audio').duration")
    assert abs(duration - manifest["duration"]) <= 0.05
    cover = drv.find_element(By.ID, "cover")
    assert cover.get_attribute("src").endswith("/cover.jpg")
    assert drv.execute_script("return arguments[0].complete && arguments[0].naturalWidth", cover) == 1400  # shown
    shot = screenshot(drv, tmp_path, "player.png")
    assert shot.stat().st_size > 10_000


def test_clicking_the_last_chapter_seeks_to_its_start(page):
    drv, manifest = page
    third = manifest["chapters"][-1]
    drv.find_elements(By.CSS_SELECTOR, "#chapters button")[-1].click()
    _wait(drv, "return !document.getElementById('audio').seeking")
    assert abs(_time(drv) - third["start"]) <= 0.05
    assert _current(drv) == third["sentences"][0]["text"]  # not the last of the chapter before
    current = drv.find_element(By.CSS_SELECTOR, "#chapters button[aria-current='true']")
    assert third["title"] in current.text


def test_highlight_follows_playback(page, tmp_path):
    drv, manifest = page
    sentences = _sentences(manifest)
    for sentence in (sentences[5], sentences[17], sentences[-3]):  # seeking anywhere
        middle = (sentence["start"] + sentence["end"]) / 2
        drv.execute_script(f"document.getElementById('audio').currentTime = {middle}")
        _wait(drv, f"const e = document.querySelector('.s.current'); return e && Math.abs(e.dataset.start - {sentence['start']}) < 0.001")
        assert _current(drv) == sentence["text"]
    # And while it plays: time moves on, and the highlight is the sentence being heard.
    target = sentences[3]
    drv.execute_script(f"document.getElementById('audio').currentTime = {target['end'] - 0.4}")
    drv.execute_script("return document.getElementById('audio').play()")
    _wait(drv, f"return document.getElementById('audio').currentTime > {target['end'] + 0.9}", timeout=8)
    heard = drv.execute_script(
        "const a = document.getElementById('audio'); a.pause();"
        "return [a.currentTime, document.querySelector('.s.current').textContent]"
    )
    expected = [s for s in sentences if s["start"] <= heard[0] + 0.005][-1]
    assert heard[1] == expected["text"] != target["text"]
    assert drv.execute_script("return document.querySelector('.s.current').getAttribute('aria-current')") == "true"
    # Kept in view, below the player bar.
    _wait(drv, IN_VIEW, timeout=3)
    screenshot(drv, tmp_path, "player-playing.png")


IN_VIEW = """
    const r = document.querySelector('.s.current').getBoundingClientRect();
    const bar = document.querySelector('.player').getBoundingClientRect();
    return r.top >= bar.bottom - 1 && r.bottom <= innerHeight + 1;
"""


def test_a_jump_far_away_brings_the_sentence_into_view(page):
    drv, manifest = page
    last = _sentences(manifest)[-2]
    drv.find_elements(By.CSS_SELECTOR, "#chapters button")[0].click()
    drv.execute_script(f"aloudPlayer.jump({last['start']})")
    assert _current(drv) == last["text"]
    _wait(drv, IN_VIEW, timeout=3)


def test_clicking_a_sentence_seeks_to_it(page):
    drv, manifest = page
    sentence = _sentences(manifest)[20]
    span = drv.find_elements(By.CSS_SELECTOR, ".s")[20]
    drv.execute_script("arguments[0].scrollIntoView({block: 'center'})", span)
    span.click()
    _wait(drv, "return !document.getElementById('audio').seeking")
    assert abs(_time(drv) - sentence["start"]) <= 0.05
    assert _current(drv) == sentence["text"]
    in_view = drv.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight", span
    )
    assert in_view


def test_controls_and_keyboard(page):
    drv, manifest = page
    body = drv.find_element(By.TAG_NAME, "body")
    drv.execute_script("document.getElementById('audio').currentTime = 40")
    _wait(drv, "return Math.abs(document.getElementById('audio').currentTime - 40) < 0.01")
    drv.find_element(By.ID, "forward").click()
    assert abs(_time(drv) - 55) <= 0.05
    drv.find_element(By.ID, "back").click()
    drv.find_element(By.ID, "back").click()
    assert abs(_time(drv) - 25) <= 0.05
    body.send_keys("l")
    assert abs(_time(drv) - 40) <= 0.05
    body.send_keys("j")
    assert abs(_time(drv) - 25) <= 0.05
    body.send_keys("n")  # next chapter
    assert abs(_time(drv) - manifest["chapters"][1]["start"]) <= 0.05
    body.send_keys("k")  # play
    _wait(drv, "return !document.getElementById('audio').paused")
    assert drv.find_element(By.ID, "play").get_attribute("aria-label") == "Pause"
    body.send_keys("k")
    _wait(drv, "return document.getElementById('audio').paused")
    body.send_keys("]")
    assert drv.execute_script("return document.getElementById('audio').playbackRate") == 1.25
    from selenium.webdriver.support.ui import Select

    Select(drv.find_element(By.ID, "speed")).select_by_value("2")
    assert drv.execute_script("return document.getElementById('audio').playbackRate") == 2
    Select(drv.find_element(By.ID, "speed")).select_by_value("0.75")
    assert drv.execute_script("return document.getElementById('audio').playbackRate") == 0.75


def test_position_and_speed_are_remembered(page):
    drv, manifest = page
    drv.execute_script("document.getElementById('audio').currentTime = 123.4")
    _wait(drv, "return !document.getElementById('audio').seeking")
    drv.find_element(By.TAG_NAME, "body").send_keys("]")  # 1.25×, and the place is kept
    drv.refresh()
    _wait(drv, "return document.getElementById('audio').readyState >= 1")
    _wait(drv, "return Math.abs(document.getElementById('audio').currentTime - 123.4) < 0.05")
    assert drv.execute_script("return document.getElementById('audio').playbackRate") == 1.25
    assert drv.find_element(By.ID, "speed").get_attribute("value") == "1.25"
    expected = [s for s in _sentences(manifest) if s["start"] <= 123.4][-1]
    assert _current(drv) == expected["text"]


def test_controls_are_labelled_and_in_a_sensible_order(page):
    drv, _ = page
    controls = drv.execute_script(
        """
        const names = [];
        for (const e of document.querySelectorAll('button, select, input, a[href], [tabindex="0"]')) {
          if (e.tabIndex < 0 || e.offsetParent === null && e.tagName !== 'A') continue;
          let name = e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent) || e.textContent;
          names.push([e.id || e.className || e.tagName, name.trim()]);
        }
        return names;
        """
    )
    assert all(name for _, name in controls), controls
    order = [ident for ident, _ in controls]
    assert order.index("back") < order.index("play") < order.index("forward") < order.index("speed") < order.index("seek")
    assert order.index("seek") < next(i for i, (ident, _) in enumerate(controls) if ident == "" or "BUTTON" in ident)
    assert drv.execute_script("return document.documentElement.lang") == "en-us"  # the voice's language


def test_the_page_is_self_contained(built_seed):
    built, manifest = built_seed
    html = (built.folder / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    assert f'src="{manifest["files"]["mp3"]}"' in html


def test_usable_at_phone_width(page, tmp_path):
    drv, manifest = page
    drv.set_window_size(390, 844)
    try:
        drv.refresh()
        _wait(drv, "return document.getElementById('audio').readyState >= 1")
        overflow = drv.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
        for ident in ("back", "play", "forward", "speed"):
            size = drv.find_element(By.ID, ident).size
            assert size["height"] >= 40 and size["width"] >= 40, (ident, size)
        drv.find_elements(By.CSS_SELECTOR, "#chapters button")[1].click()
        assert abs(_time(drv) - manifest["chapters"][1]["start"]) <= 0.05
        screenshot(drv, tmp_path, "player-phone.png")
    finally:
        drv.set_window_size(1280, 900)


def test_shortcuts_work_and_the_slider_keeps_moving_after_it_was_used(page):
    drv, manifest = page
    seek = drv.find_element(By.ID, "seek")
    seek.click()  # focus is on the slider now
    _wait(drv, "return !document.getElementById('audio').seeking")
    drv.execute_script("document.getElementById('audio').currentTime = 30")
    _wait(drv, "return document.getElementById('seek').value == '30'")  # it follows the audio
    seek.send_keys("k")  # play, even with the slider focused
    _wait(drv, "return !document.getElementById('audio').paused")
    _wait(drv, "return document.getElementById('seek').value >= 31", timeout=5)
    seek.send_keys("k")
    _wait(drv, "return document.getElementById('audio').paused")


def test_a_saved_place_survives_a_page_whose_audio_has_not_loaded(page, built_seed, tmp_path):
    drv, manifest = page
    drv.execute_script("aloudPlayer.jump(100)")
    stored = drv.execute_script("return JSON.parse(localStorage.getItem(Object.keys(localStorage)[0])).t")
    assert abs(stored - 100) < 0.05
    # The same page with its MP3 missing (still copying, say): the place must not be reset to 0.
    lonely = tmp_path / "index.html"
    shutil.copy(built_seed[0].folder / "index.html", lonely)
    drv.get(lonely.as_uri())
    drv.find_element(By.TAG_NAME, "body").send_keys("]")  # changing the speed saves the state too
    drv.execute_script("window.dispatchEvent(new Event('pagehide'))")
    stored = drv.execute_script("return JSON.parse(localStorage.getItem(Object.keys(localStorage)[0])).t")
    assert abs(stored - 100) < 0.05


def test_reading_ahead_is_not_interrupted(page):
    """A listener who scrolls away to read is not pulled back at the next sentence."""
    from selenium.webdriver.common.action_chains import ActionChains

    drv, manifest = page
    ActionChains(drv).scroll_by_amount(0, 700).perform()
    _wait(drv, "return scrollY > 0")
    y = drv.execute_script("return scrollY")
    far = _sentences(manifest)[-2]
    drv.execute_script(f"document.getElementById('audio').currentTime = {far['start'] + 0.1}")
    _wait(drv, f"const e = document.querySelector('.s.current'); return e && e.dataset.start == '{far['start']}'")
    time.sleep(0.5)
    assert drv.execute_script("return scrollY") == y
