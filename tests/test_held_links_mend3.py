"""A held bulletin's page address the quick look (links.page_hrefs) or the readers missed: in
capitals with «index.html», spelt with HTML entities, as a link's words, in a title, or quoted
by the radio's note to the station."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.addresses import SiteAddresses
from publish.links import page_hrefs
from tests.test_held_links import index_terms, run, sent, with_b

HELD_PAGE = "/2020/12/nan-nhan-nguyen-van-a/"
"""The address the sample project's held draft (2020-12-20-nan-nhan-nguyen-van-a.md) will have."""
SITE = "congan-chauthanh.example.vn"
SLUG_WORDS = {"nan", "nhan", "nguyen"}


def assert_no_slug_anywhere(root: Path) -> None:
    """No public file nor the station's has the held slug; the index has none of its words."""
    assert not index_terms(root) & SLUG_WORDS
    for path, text in sent(root).items():
        assert "nan-nhan" not in text.lower(), path
        assert "nguyen van a" not in text.lower(), path


CAPITALS = f"{HELD_PAGE.upper()}INDEX.HTML"
LEAKS = {
    "capitals and INDEX.HTML": f"Một [{CAPITALS}]({CAPITALS}) xong.",
    "a definition, Index.Html": f"Một [xem][r] xong.\n\n[r]: {HELD_PAGE.upper()}Index.Html",
    "&#47; in full": f'Một <a href="https:&#47;&#47;{SITE}{HELD_PAGE}">xem</a> xong.',
    "&#x2F; in full": f'Một <a href="https:&#x2F;&#x2F;{SITE}{HELD_PAGE}">xem</a> xong.',
    "&sol; in full": f'Một <a href="https:&sol;&sol;{SITE}{HELD_PAGE}">xem</a> xong.',
    "an entity in the host": (
        f'Một <a href="https://cong&#97;n-chauthanh.example.vn{HELD_PAGE}">xem</a> xong.'
    ),
    "an entity as its words too": (
        f'Một <a href="&#47;{HELD_PAGE[1:]}">&#47;{HELD_PAGE[1:]}</a> xong.'
    ),
}


@pytest.mark.parametrize("body", LEAKS.values(), ids=LEAKS.keys())
def test_a_held_page_address_the_quick_look_missed_goes_out_on_no_channel(
    tmp_path: Path, body: str
) -> None:
    """Each stayed a link, or its words were read on air and indexed: the slug went out."""
    root = with_b(tmp_path, f"Công an.\n\n{body}\n")
    assert run(root, "build", "-q") == 0
    assert_no_slug_anywhere(root)


@pytest.mark.parametrize("body", LEAKS.values(), ids=LEAKS.keys())
def test_the_quick_look_finds_each_held_page_address(body: str) -> None:
    """page_hrefs must be a superset: when in doubt it reads the body's links."""
    assert page_hrefs(body, SiteAddresses(f"https://{SITE}/")) != []


TITLED = 'Một [bài](https://x.vn "/2020%2F12%2Fnan-nhan-nguyen-van-a/") xong.'


def test_a_title_with_an_escaped_page_address_is_dropped(tmp_path: Path) -> None:
    """«%2F» for «/»: the title stayed on the page and the feeds."""
    root = with_b(tmp_path, f"Công an.\n\n{TITLED}\n")
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert 'Một <a href="https://x.vn" rel="noopener">bài</a> xong.' in page, page
    assert_no_slug_anywhere(root)


@pytest.mark.parametrize(
    "text",
    [f"Xem {SITE}{HELD_PAGE} nhé.", f"Xem www.{SITE}{HELD_PAGE} nhé."],
    ids=["no scheme", "www"],
)
def test_a_page_address_without_its_scheme_reaches_the_station_as_its_host(text: str) -> None:
    """rundown.json quoted it whole, slug and all."""
    from publish.render.radio.layout import station_words

    worded = station_words(text)
    assert "nan-nhan" not in worded, worded
    assert SITE in worded, worded


HELD_FILE = "2020-12-20-nan-nhan-nguyen-van-a.md"
TOLD = "địa chỉ ấy hiện nguyên văn"
"""What the warning of a held page's address shown as text says, in any wording of it."""
NOT_SHOWN = {
    "a definition's long label": (
        f"Một [bài][tham khảo bài viết trước đây của đơn vị] xong.\n\n"
        f"[tham khảo bài viết trước đây của đơn vị]: {HELD_PAGE}"
    ),
    "an HTML link's attributes before": (
        f'Một <a class="x" title="bài trước" href="{HELD_PAGE}">xem</a> xong.'
    ),
    "a link's words, its address": f"Một [{HELD_PAGE}]({HELD_PAGE}) xong.",
    "a link to its file, words naming it": f"Một [bài {HELD_PAGE}]({HELD_FILE}) xong.",
    "a hidden comment": f"Một <!-- {HELD_PAGE} --> xong.",
    "another site's address": f"Xem https://vnexpress.net{HELD_PAGE} sau.",
}


@pytest.mark.parametrize("body", NOT_SHOWN.values(), ids=NOT_SHOWN.keys())
def test_a_held_page_address_no_channel_shows_as_text_is_no_text_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str
) -> None:
    """Each was warned of as text the page shows: a link's address (told as a link), words the
    page already makes neutral, a comment it hides, or another site's page."""
    root = with_b(tmp_path, f"Công an.\n\n{body}\n")
    capsys.readouterr()
    run(root, "check")
    assert TOLD not in capsys.readouterr().err


SHOWN = {
    "its path": f"Xem {HELD_PAGE} sau.",
    "no scheme": f"Xem {SITE}{HELD_PAGE} nhé.",
    "www": f"Xem www.{SITE}{HELD_PAGE} nhé.",
    "after a link to it": f"Một [xem]({HELD_PAGE}) xong.\n\nXem {HELD_PAGE} sau.",
}


@pytest.mark.parametrize("body", SHOWN.values(), ids=SHOWN.keys())
def test_a_held_page_address_shown_as_text_is_quoted_as_typed_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str
) -> None:
    """The address as typed, its last «/» too, at the line showing it, in the warning's words."""
    root = with_b(tmp_path, f"Công an.\n\n{body}\n")
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    line = 12 + body.count("\n")
    assert (
        f"content/bai-viet/2021-01-01-b.md:{line}: cảnh báo: nội dung bài nêu địa chỉ trang "
        f"«{HELD_PAGE}» của bản tin không được đăng lúc này"
    ) in err, err
    assert (
        "địa chỉ ấy hiện nguyên văn trên website, nguồn tin RSS và Atom, Zalo, và được đưa vào "
        "chỉ mục tìm kiếm"
    ) in err
    assert "không được để lộ trước khi bài kia được đăng" in err
