"""`publish serve` in a real browser: edit a bulletin and the open page shows the change within 2 s,
also for a site published under a folder of its host."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests import forked
from tests.browser.conftest import NOW, copy_sample

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

RELOAD_DEADLINE_MS = 10_000
"""How long a reload may take before the test fails: generous, since the suite runs on every
core at once (a wait for the page, not a measure of speed)."""


def move_site(root: Path, base_url: str) -> None:
    """Give the project's site.toml another base_url (another folder), as an editor would."""
    toml = root / "site.toml"
    text = re.sub(r'(?m)^base_url = ".*"$', f'base_url = "{base_url}"', toml.read_text("utf-8"))
    toml.write_text(text, "utf-8")


def start_serve(root: Path, *extra: str) -> tuple[forked.Forked, str]:
    """`publish serve --port 0` forked from the fork server that has imported publish (a fresh
    interpreter spent ~0.6 s of CPU on imports; no test here is about interpreter start);
    returns it and the URL it printed."""
    process = forked.start(
        ["-m", "publish", "serve", "--root", str(root), "--port", "0",
         "--now", NOW.strftime("%Y-%m-%dT%H:%M"), *extra],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        # The URL with what follows it on its line: printed whole, not half written.
        found = re.search(r"(http://127\.0\.0\.1:\d+/\S*)\s", str(process.output()))
        if found:
            return process, found.group(1)
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.close()
    pytest.fail("publish serve did not print its address", pytrace=False)


def stop(process: forked.Forked) -> None:
    """Ctrl-C the server; kill it if it does not stop."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.close()


def test_editing_a_bulletin_reloads_the_open_page(tmp_path: Path, browser: Browser) -> None:
    """Save a new title; the page open in the browser shows it within 2 seconds."""
    root = copy_sample(tmp_path)
    source = root / "content" / "bai-viet" / "2025-06-02-canh-bao-lua-dao-viec-nhe-luong-cao.md"
    # The sample is approved with its content: an edit waits for approval again, and the
    # editor previews it with --drafts (without, the page is held back until approved).
    process, url = start_serve(root, "--drafts")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url + "2025/06/canh-bao-lua-dao-viec-nhe-luong-cao/")
        heading = page.locator("article.bulletin h1")
        old = heading.inner_text()
        page.wait_for_timeout(300)  # let the reload channel connect
        text = source.read_text(encoding="utf-8")
        assert old in text
        new_title = "Cảnh báo: chiêu lừa việc nhẹ lương cao đã đổi tiêu đề"
        from playwright.sync_api import expect

        source.write_text(text.replace(old, new_title, 1), encoding="utf-8")
        expect(heading).to_have_text(new_title, timeout=RELOAD_DEADLINE_MS)
    finally:
        context.close()
        stop(process)


def test_a_site_under_a_folder_is_previewed_whole(tmp_path: Path, browser: Browser) -> None:
    """base_url https://example.gov.vn/congan-hoakhanh/: the preview opens there, with its
    stylesheet, working links and search, and still reloads on an edit."""
    from playwright.sync_api import expect

    root = copy_sample(tmp_path)
    toml = root / "site.toml"
    toml.write_text(
        re.sub(
            r'(?m)^base_url = ".*"$',
            'base_url = "https://example.gov.vn/congan-hoakhanh/"',
            toml.read_text("utf-8"),
        ),
        "utf-8",
    )
    process, url = start_serve(root, "--drafts")  # the edit below awaits approval again
    context = browser.new_context()
    try:
        assert url.endswith("/congan-hoakhanh/")
        page = context.new_page()
        missing: list[str] = []
        page.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
        page.goto(url.removesuffix("congan-hoakhanh/"))  # the server's root leads to the site
        assert page.url == url
        assert page.evaluate("document.styleSheets[0].cssRules.length") > 10
        assert missing == []

        page.get_by_role("link", name="Liên hệ").first.click()
        page.wait_for_load_state()
        assert page.url == url + "lien-he/"
        assert missing == []

        page.goto(url + "tim-kiem/?q=lua+dao")
        results = page.locator(".search-results > li")
        results.first.wait_for()
        assert results.count() >= 3
        results.first.locator("h2 a").click()
        page.wait_for_load_state()
        assert page.url.startswith(url + "20")
        assert missing == []

        heading = page.locator("article.bulletin h1")
        old = heading.inner_text()
        source = next(
            f for f in (root / "content" / "bai-viet").glob("*.md") if old in f.read_text("utf-8")
        )
        page.wait_for_timeout(300)  # let the reload channel connect
        new_title = "Tiêu đề đã sửa khi xem dưới thư mục con"
        source.write_text(source.read_text("utf-8").replace(old, new_title, 1), "utf-8")
        expect(heading).to_have_text(new_title, timeout=RELOAD_DEADLINE_MS)
    finally:
        context.close()
        stop(process)


def test_moving_the_site_to_another_folder_takes_open_pages_there(
    tmp_path: Path, browser: Browser
) -> None:
    """base_url changed while serving: a page reloads at its own address in the new folder,
    not at its old one (now a 404); one the site has no page for goes to the new home page."""
    from playwright.sync_api import expect

    root = copy_sample(tmp_path)
    process, url = start_serve(root)
    context = browser.new_context()
    try:
        bulletin = context.new_page()
        bulletin.goto(url + "2025/06/canh-bao-lua-dao-viec-nhe-luong-cao/?a=1")
        lost = context.new_page()
        lost.goto(url + "khong-co-trang-nay/")
        bulletin.wait_for_timeout(300)  # let the reload channels connect
        move_site(root, "https://example.gov.vn/phuong-moi/")
        moved = url + "phuong-moi/2025/06/canh-bao-lua-dao-viec-nhe-luong-cao/?a=1"
        expect(bulletin).to_have_url(moved, timeout=RELOAD_DEADLINE_MS * 3)
        expect(bulletin.locator("article.bulletin h1")).to_be_visible()
        expect(lost).to_have_url(url + "phuong-moi/", timeout=RELOAD_DEADLINE_MS * 3)
    finally:
        context.close()
        stop(process)


def test_a_failed_rebuild_keeps_open_pages_at_the_folder_of_the_last_good_build(
    tmp_path: Path, browser: Browser
) -> None:
    """base_url changed while the content has an error: the page stays where the last good build
    is, whole (its stylesheet loads), under the error; it moves once the error is fixed."""
    from playwright.sync_api import expect

    root = copy_sample(tmp_path)
    source = root / "content" / "bai-viet" / "2025-06-02-canh-bao-lua-dao-viec-nhe-luong-cao.md"
    text = source.read_text("utf-8")
    process, url = start_serve(root)
    context = browser.new_context()
    try:
        page = context.new_page()
        address = url + "2025/06/canh-bao-lua-dao-viec-nhe-luong-cao/"
        page.goto(address)
        page.wait_for_timeout(300)  # let the reload channel connect
        source.write_text(
            text.replace("category: canh-bao-toi-pham", "category: khong-co"), "utf-8"
        )
        expect(page.locator("#__publish-error")).to_be_visible(timeout=RELOAD_DEADLINE_MS)
        page.evaluate("window.__before = true")
        move_site(root, "https://example.gov.vn/phuong-moi/")
        page.wait_for_function("!window.__before", timeout=RELOAD_DEADLINE_MS)  # reloaded
        expect(page.locator("#__publish-error")).to_be_visible(timeout=RELOAD_DEADLINE_MS)
        assert page.url == address
        rules = "[...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)"
        assert page.evaluate(rules) > 0, "the page's own stylesheet, at its own folder"

        source.write_text(text, "utf-8")
        moved = url + "phuong-moi/2025/06/canh-bao-lua-dao-viec-nhe-luong-cao/"
        expect(page).to_have_url(moved, timeout=RELOAD_DEADLINE_MS)
        expect(page.locator("article.bulletin h1")).to_be_visible()
        expect(page.locator("#__publish-error")).to_have_count(0)
    finally:
        context.close()
        stop(process)


@pytest.mark.parametrize("with_id", [True, False], ids=["id", "no-id"])
def test_a_page_open_at_a_renamed_bulletin_follows_it(
    tmp_path: Path, browser: Browser, with_id: bool
) -> None:
    """The editor renames the bulletin's file (its address) while its page is open: the page
    goes to the new address, not to «Không tìm thấy trang», also for a bulletin without `id`
    (known by its slug, the file's name)."""
    from playwright.sync_api import expect

    root = copy_sample(tmp_path)
    folder = root / "content" / "bai-viet"
    source = folder / "2025-06-02-canh-bao-lua-dao-viec-nhe-luong-cao.md"
    if not with_id:
        text = source.read_text("utf-8")
        source.write_text(re.sub(r"(?m)^id: .*\n", "", text, count=1), "utf-8")
    process, url = start_serve(root, "--drafts")  # a renamed file awaits approval again
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url + "2025/06/canh-bao-lua-dao-viec-nhe-luong-cao/#noi-dung")
        title = page.locator("article.bulletin h1").inner_text()
        page.wait_for_timeout(300)  # let the reload channel connect
        source.rename(folder / "2025-06-02-chieu-lua-viec-nhe-luong-cao.md")
        expect(page).to_have_url(
            url + "2025/06/chieu-lua-viec-nhe-luong-cao/#noi-dung", timeout=RELOAD_DEADLINE_MS
        )
        expect(page.locator("article.bulletin h1")).to_have_text(title)
    finally:
        context.close()
        stop(process)


def test_a_build_in_another_terminal_leaves_the_drafts_preview_open_and_current(
    tmp_path: Path, browser: Browser
) -> None:
    """The editor previews a draft with --drafts; a plain `publish build` in a second terminal
    writes output/web, which is deployed as it is: the draft is never there, and the preview,
    built into .cache/preview/web, still shows it after the build."""
    from playwright.sync_api import expect

    root = copy_sample(tmp_path)
    draft = "2026/11/canh-bao-lua-dao-mua-sam-truc-tuyen-cuoi-nam/"  # draft: true in the sample
    process, url = start_serve(root, "--drafts")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url + draft)
        title = page.locator("article.bulletin h1").inner_text()
        assert not (root / "output" / "web" / draft).exists()
        built = forked.run(
            ["-m", "publish", "build", "--root", str(root), "--channel", "web",
             "--now", NOW.strftime("%Y-%m-%dT%H:%M"), "--quiet"],
            text=True, timeout=300,
        )  # fmt: skip
        assert built.returncode == 0, built.stdout + built.stderr
        page.reload()
        expect(page.locator("article.bulletin h1")).to_have_text(title)
        assert (root / "output" / "web" / "index.html").is_file()
        assert not (root / "output" / "web" / draft).exists()
        assert (root / ".cache" / "preview" / "web" / draft / "index.html").is_file()
    finally:
        context.close()
        stop(process)


def test_the_error_overlay_can_be_closed_and_comes_back_on_the_next_failing_rebuild(
    tmp_path: Path, browser: Browser
) -> None:
    """The overlay over the last good build is an alert dialog a screen reader announces: its
    close button has focus, Escape or the button closes it, a button in the corner opens it
    again; it stays closed while the editor browses, comes back when the next rebuild fails too,
    and goes away by itself once a rebuild succeeds."""
    from playwright.sync_api import expect

    from tests.browser.test_pages import axe_violations

    root = copy_sample(tmp_path)
    source = root / "content" / "bai-viet" / "2025-06-02-canh-bao-lua-dao-viec-nhe-luong-cao.md"
    text = source.read_text("utf-8")
    process, url = start_serve(root)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url + "2025/06/canh-bao-lua-dao-viec-nhe-luong-cao/")
        heading = page.locator("article.bulletin h1")
        page.wait_for_timeout(300)  # let the reload channel connect
        source.write_text(
            text.replace("category: canh-bao-toi-pham", "category: khong-co"), "utf-8"
        )
        dialog = page.get_by_role("alertdialog", name="Lỗi khi dựng lại website")
        expect(dialog).to_be_visible(timeout=RELOAD_DEADLINE_MS)
        expect(dialog).to_have_accessible_description(re.compile("khong-co"))
        close = dialog.get_by_role("button", name="Đóng thông báo (Esc)")
        expect(close).to_be_focused()
        page.keyboard.press("Tab")
        expect(close).to_be_focused()  # not a link hidden under the overlay
        assert axe_violations(page) == []
        with pytest.raises(Exception, match="intercepts pointer events"):
            heading.click(trial=True, timeout=1000)

        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()
        heading.click(trial=True, timeout=2000)  # the last good build is there to look at
        reopen = page.get_by_role("button", name="Xem lỗi dựng website")
        expect(reopen).to_be_focused()
        page.reload()  # as following a link would: no new rebuild, still closed
        expect(reopen).to_be_visible()
        expect(dialog).to_be_hidden()
        reopen.click()
        expect(dialog).to_be_visible()
        expect(close).to_be_focused()
        close.click()
        expect(dialog).to_be_hidden()

        source.write_text(
            text.replace("category: canh-bao-toi-pham", "category: khong-co-nua"), "utf-8"
        )
        expect(dialog).to_be_visible(timeout=RELOAD_DEADLINE_MS)
        expect(dialog).to_have_accessible_description(re.compile("khong-co-nua"))

        source.write_text(text, "utf-8")
        expect(page.locator("#__publish-error")).to_have_count(0, timeout=RELOAD_DEADLINE_MS)
        expect(reopen).to_have_count(0)
        expect(heading).to_be_visible()
    finally:
        context.close()
        stop(process)


def test_an_address_with_a_title_pasted_into_it_shows_the_sites_404_page(
    tmp_path: Path, browser: Browser
) -> None:
    """The editor pastes a bulletin's title after the site's address (one segment longer than a
    file name may be): the browser shows the site's «Không tìm thấy trang», as the host would,
    not «ERR_EMPTY_RESPONSE» (the preview closed the connection without an answer)."""
    from playwright.sync_api import expect

    root = copy_sample(tmp_path)
    process, url = start_serve(root)
    context = browser.new_context()
    try:
        page = context.new_page()
        title = "Cảnh báo chiêu lừa tuyển cộng tác viên online việc nhẹ lương cao dịp hè năm 2025 "
        response = page.goto(url + "2025/06/" + (title * 3).replace(" ", "-"))
        assert response is not None and response.status == 404
        expect(page.locator("h1").first).to_have_text("Không tìm thấy trang")
        page.get_by_role("link", name="Trang chủ").first.click()
        page.wait_for_load_state()
        assert page.url == url
    finally:
        context.close()
        stop(process)
