"""/tim-kiem/ in Chromium: a number and a word are found however a citizen's phone spells them
(a country code, a 0 left out; the tone of «hoà» or «hòa»), as the Python reference finds them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from publish import config as config_module
from publish.pipeline import build
from publish.render.web.search import INDEX_DIR, find
from publish.writer import write
from tests.browser.conftest import NOW, Opener, copy_sample, looking, serve
from tests.browser.test_search import search
from tests.helpers import bulletin_md

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

URL = "/2027/01/so-la-goi-hoa-giai/"
"""The bulletin added to the sample: it names 0912 345 678 and writes «hoà giải», «khoẻ» with
the tone on the second vowel (the sample's bulletins write «Phú Hòa», «thủy» on the first)."""

CONSTRUCTOR = "/2027/01/tuyen-cong-tac-vien-ao/"
"""An added bulletin writing «Constructor» (a word JavaScript objects all have as a key)."""
ADDED = [
    (
        "09 08:00",
        "tuyen-cong-tac-vien-ao",
        "Giả danh công ty Global Constructor tuyển cộng tác viên",
        "Đối tượng xưng là nhân viên Global Constructor, hứa trả hoa hồng cao.\n",
    ),
    (
        "09 09:00",
        "so-la-0977",
        "Cảnh báo cuộc gọi từ số lạ mời đầu tư tiền ảo",
        "Người dân nhận cuộc gọi từ số 0977 111 222 mời đầu tư.\n",
    ),
    (
        "09 10:00",
        "tai-khoan-nhan-tien",
        "Truy tìm chủ tài khoản nhận tiền của bị hại",
        "Bị hại đã chuyển tiền vào tài khoản 977111222 theo yêu cầu của đối tượng.\n",
    ),
    (
        "09 11:00",
        "doi-no-thue",
        "Đối tượng đòi nợ thuê đánh người dân gãy khủyu tay",
        "Bị hại bị đánh gãy khủyu tay khi không trả đủ tiền lãi.\n",
    ),
]
"""More bulletins added to the sample, as (day and time in January 2027, slug, title, body)."""


@pytest.fixture(scope="module")
def spelled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """output/web of the sample site with that bulletin and the ADDED ones."""
    root: Path = copy_sample(tmp_path_factory.mktemp("cach-viet"))
    (root / "content" / "bai-viet" / "2027-01-08-so-la.md").write_text(
        bulletin_md(
            {
                "title": '"Cảnh báo số lạ gọi mời hoà giải tranh chấp đất"',
                "date": "2027-01-08 08:00",
                "category": "canh-bao-toi-pham",
                "slug": "so-la-goi-hoa-giai",
            },
            body="Số 0912 345 678 tự xưng tổ hoà giải, hỏi thăm sức khoẻ rồi đòi chuyển tiền"
            " vào tài khoản 987001234.\n",
        ),
        encoding="utf-8",
    )
    for day, slug, title, body in ADDED:
        (root / "content" / "bai-viet" / f"2027-01-{day[:2]}-{slug}.md").write_text(
            bulletin_md(
                {
                    "title": f'"{title}"',
                    "date": f"2027-01-{day}",
                    "category": "canh-bao-toi-pham",
                    "slug": slug,
                },
                body=body,
            ),
            encoding="utf-8",
        )
    result = build(config_module.load(root), channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",))
    return root / "output" / "web"


@pytest.fixture(scope="module")
def look_spelled(browser: Browser, spelled_site: Path) -> Iterator[Opener]:
    """Opens pages of that site, served on 127.0.0.1."""
    with serve(spelled_site) as base, looking(browser, base) as opener:
        yield opener


def _shown(look: Opener, query: str) -> tuple[list[str], str]:
    """The paths of the results /tim-kiem/ shows for `query`, and its status line."""
    page, recorder = look("/tim-kiem/")
    urls = search(page, query).locator("h2 a").evaluate_all("links => links.map(a => a.pathname)")
    assert recorder.errors == []
    return urls, page.locator(".search-status").inner_text()


def _python_finds(web: Path, query: str) -> list[str]:
    """The paths of the first ten results the Python reference (find) gives for `query`."""
    index = web / INDEX_DIR
    files = {p.relative_to(index).as_posix(): p.read_bytes() for p in index.rglob("*.json")}
    return [
        urlsplit(json.loads(files[f"d/{n // 10}.json"])[n % 10][0]).path
        for n in find(files, query).numbers[:10]
    ]


@pytest.mark.parametrize("query", ["84912345678", "0084912345678", "912345678"])
def test_a_number_copied_with_its_country_code_or_without_its_0_finds_its_bulletin(
    look_spelled: Opener, query: str
) -> None:
    """The bulletin names «0912 345 678»; a number copied from Zalo, Facebook or a call log
    as "84…", "0084…" or without its 0 found nothing (only "+84…" was read)."""
    urls, status = _shown(look_spelled, query)
    assert urls == [URL], status
    assert status.startswith("Tìm thấy 1 bản tin có")


@pytest.mark.parametrize("query", ["84999888777", "0084999888777"])
def test_an_unknown_number_so_copied_is_not_called_safe(look_spelled: Opener, query: str) -> None:
    """No bulletin names it: the page says so of the number and gives its advice, as for
    «0999 888 777» (it said only «Không tìm thấy bản tin nào có …»)."""
    urls, status = _shown(look_spelled, query)
    assert urls == []
    assert "Chưa có bản tin nào nhắc đến số 0999888777." in status
    assert "chưa có nghĩa là số đó an toàn" in status


@pytest.mark.parametrize("query", ["999888777", "385123457"])
def test_nine_digits_no_bulletin_names_are_no_number_the_page_warns_of(
    look_spelled: Opener, query: str
) -> None:
    """Nine digits typed alone are read as a mobile number without its 0; no bulletin naming
    it, the page said «Chưa có bản tin nào nhắc đến số 0385123457» of an old CMND: a number the
    citizen never typed, with advice about calls. It says no bulletin has the digits typed."""
    urls, status = _shown(look_spelled, query)
    assert urls == []
    assert status.startswith(f"Không tìm thấy bản tin nào có “{query}”."), status
    assert "0" + query not in status and "an toàn" not in status, status


def test_nine_digits_no_bulletin_names_as_a_number_are_found_as_written(
    look_spelled: Opener,
) -> None:
    """An account number of nine digits is read as a mobile number without its 0, which no
    bulletin names: the digits as typed are searched then, and find the bulletin writing them."""
    urls, status = _shown(look_spelled, "987001234")
    assert urls == [URL], status


@pytest.mark.parametrize(
    ("old", "new"), [("thủy", "thuỷ"), ("Phú Hòa", "Phú Hoà"), ("hòa giải", "hoà giải")]
)
def test_either_tone_placement_finds_the_same_bulletins_in_the_same_order(
    spelled_site: Path, look_spelled: Opener, old: str, new: str
) -> None:
    """«thuỷ» is «thủy», «hoà» «hòa»: each spelling finds what the other does, in the same
    order (as the Python reference ranks them), and neither says the bulletins writing the other
    spell it differently («khác dấu»). «Phú Hoà» put three bulletins of «Phú» and «hoàn»,
    «Hoàng» above the one naming «Phú Hòa»."""
    old_urls, old_status = _shown(look_spelled, old)
    new_urls, new_status = _shown(look_spelled, new)
    assert old_urls == new_urls == _python_finds(spelled_site, new), (old_status, new_status)
    assert old_status.replace(old, new) == new_status
    if " " not in old:
        assert "khác dấu" not in new_status
    if old == "Phú Hòa":
        page = (spelled_site / old_urls[0].strip("/") / "index.html").read_text("utf-8")
        assert "Phú Hòa" in page
    if old == "hòa giải":
        # The added bulletin writes «hoà giải» as «hòa giải» is typed, in its title: first.
        assert old_urls[0] == URL and "bản tin đầu có đúng các từ này" in old_status


@pytest.mark.parametrize("query", ["constructor", "Constructor", "global constructo"])
def test_constructor_is_searched_as_any_word(
    spelled_site: Path, look_spelled: Opener, query: str
) -> None:
    """«constructor» is a key every JavaScript object has: the page said «Không tải được dữ
    liệu tìm kiếm» for it. It finds the bulletin writing it, as the Python reference does, whole
    or being typed."""
    urls, status = _shown(look_spelled, query)
    assert urls == [CONSTRUCTOR] == _python_finds(spelled_site, query), status
    assert status.startswith("Tìm thấy 1 bản tin có"), status


def test_constructor_no_bulletin_writes_finds_nothing_and_says_so(look_page: Opener) -> None:
    """The sample writes no «constructor»: the page says nothing is found, not that it failed."""
    urls, status = _shown(look_page, "constructor")
    assert urls == [] and status.startswith("Không tìm thấy bản tin nào có “constructor”"), status


HOANG = "/2022/05/canh-bao-gia-danh-cong-an-goi-dien-lua-dao/"
"""A bulletin of the sample quoting «Đại úy Hoàng»."""


@pytest.mark.parametrize("query", ["Đại úy Hoà", "Đại úy Hòa"])
def test_a_word_being_typed_counts_the_longer_word_it_starts_as_written(
    spelled_site: Path, look_spelled: Opener, query: str
) -> None:
    """Typing «Đại úy Hoàng», a keyboard shows «Hoà» or «Hòa» on the way: either starts
    «hoàng», so the bulletin writing it counts as written as typed (it was «khác dấu»), in the
    order the Python reference gives."""
    urls, status = _shown(look_spelled, query)
    assert urls == _python_finds(spelled_site, query), status
    assert HOANG in urls[:2] and "2 bản tin đầu có đúng các từ này" in status, status


def test_nine_digits_find_the_bulletin_naming_the_number_and_the_one_writing_them(
    spelled_site: Path, look_spelled: Opener
) -> None:
    """«977111222» is 0977 111 222 without its 0, which one bulletin names, and the account
    another writes: both are found (the account's was hidden), as the Python reference finds."""
    urls, status = _shown(look_spelled, "977111222")
    assert sorted(urls) == ["/2027/01/so-la-0977/", "/2027/01/tai-khoan-nhan-tien/"], status
    assert urls == _python_finds(spelled_site, "977111222")
    assert status.startswith("Tìm thấy 2 bản tin có"), status


@pytest.mark.parametrize("query", ["khủy", "khuỷ", "gãy khuỷ"])
def test_a_word_being_typed_with_its_tone_on_the_first_vowel_counts_as_written(
    spelled_site: Path, look_spelled: Opener, query: str
) -> None:
    """A bulletin writes «khủyu»: «khủy», and «khuỷ» (its tone moved to the first vowel),
    start it as written, first; the page said the bulletin spells it otherwise («khác dấu»), as
    it did of «hoà» before «HOÀ2», since only the tone on the second vowel was tried."""
    urls, status = _shown(look_spelled, query)
    assert urls[0] == "/2027/01/doi-no-thue/" and urls == _python_finds(spelled_site, query)
    if " " in query:
        assert urls == ["/2027/01/doi-no-thue/"] and "khác dấu" not in status, status
    else:  # «khuya», «khuyến» … of other bulletins: written otherwise
        assert "1 bản tin đầu có đúng từ này" in status, status
