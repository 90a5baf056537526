"""What reaches no channel when it names a held bulletin: a reference definition the page shows
as typed («[r]: <a b.md>»); and which such definitions the check tells."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.addresses import SiteAddresses
from publish.links import page_hrefs
from publish.render.radio.layout import station_words
from publish.render.web.search import plain_text
from publish.spaced_definitions import spaced_definitions
from tests.helpers import bulletin_md
from tests.test_held_links import NEUTRAL, index_terms, run, sent, with_b, write_held_draft

SPACED = "2020-12-22-vu an xuyenhai.md"
LEAKS = ("xuyenhai", "vu an", "vu%20an")
"""What of the held bulletin's name no public file may hold."""


def test_a_spaced_definition_naming_a_held_bulletin_stops_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python-Markdown reads no definition there: the page, feed.xml and Zalo showed the line,
    the held file's name with it, and the search index took «xuyenhai»; the check only warned.
    The page has no link to make neutral: the build stops, naming the line and the file."""
    root = with_b(tmp_path, f"Công an.\n\nMột [bài][r] xong.\n\n[r]: <{SPACED}>\n")
    write_held_draft(root, f"content/bai-viet/{SPACED}")
    assert run(root, "build", "-q") == 1
    err = capsys.readouterr().err
    assert (
        f"content/bai-viet/2021-01-01-b.md:14: lỗi: định nghĩa tham chiếu «[r]: <{SPACED}>» có "
        "dấu cách trong địa chỉ giữa «<…>»: website không đọc đây là định nghĩa mà hiện nguyên "
        "dòng, và mọi liên kết «[…][r]» hiện nguyên văn, cả dấu ngoặc, không dẫn tới đâu. Địa "
        f"chỉ ấy là tệp content/bai-viet/{SPACED}, không được đăng lúc này"
    ) in err, err
    assert "Hoặc bỏ định nghĩa này." in err
    assert not index_terms(root) & {"xuyenhai"}
    for path, text in sent(root).items():
        for leak in LEAKS:
            assert leak not in text, (path, leak)


def test_a_spaced_definition_naming_a_published_bulletin_only_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its name is no secret: the bulletin still goes out (the warning is the load's)."""
    name = "2020-12-09-co cach.md"
    root = with_b(tmp_path, f"Công an.\n\nMột [bài][r] xong.\n\n[r]: <{name}>\n")
    (root / f"content/bai-viet/{name}").write_text(
        bulletin_md({"id": "c", "title": '"Bài C"', "date": "2020-12-09 07:00"}), "utf-8"
    )
    assert run(root, "build", "-q") == 0
    run(root, "check")
    err = capsys.readouterr().err
    assert "cảnh báo: định nghĩa tham chiếu «[r]: <2020-12-09-co cach.md>»" in err, err
    assert "«[…][r]» hiện nguyên văn, cả dấu ngoặc, không dẫn tới đâu" in err


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("> [r]: <a b.md>\n", 1),
        ("[r]:\n<a b.md>\n", 1),
        ("> [r]:\n> <a b.md>\n", 1),
        ("Dòng.\n\n[r]: <a\tb.md>\n", 3),
    ],
    ids=["in a quote", "address on the next line", "both", "a Tab"],
)
def test_a_spaced_definition_the_page_shows_as_typed_is_found(body: str, line: int) -> None:
    """Python-Markdown shows each of these as typed too; the check missed them."""
    assert [(d.label, d.address, d.line) for d in spaced_definitions(body, 1)] == [
        ("[r]", "a\tb.md" if "\t" in body else "a b.md", line)
    ]


def test_a_spaced_definition_in_a_hidden_comment_is_not_told() -> None:
    """The page hides the comment, line and all: nothing shows as typed."""
    assert spaced_definitions("Dòng.\n\n<!--\n[r]: <a b.md>\n-->\n", 1) == []


def test_a_tab_in_a_spaced_definition_is_hinted_as_09(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Tab written «%20» is another address: the hint said %20 for it."""
    root = with_b(tmp_path, "Công an.\n\nMột [bài][r] xong.\n\n[r]: <a\tb.md>\n")
    run(root, "check")
    assert "mỗi dấu Tab thành %09: «[r]: <a%09b.md>»." in capsys.readouterr().err


DASHED = "2020-12-20-nan-nhan-nguyen-van-a.md"
CODE = f'Một `<a href="{DASHED}">{DASHED}` xong.'
"""A link in a code span: shown as typed on the page, no link."""


def test_an_html_link_in_code_leaves_the_rest_of_its_paragraph_in_the_index() -> None:
    """Read as a link never closed, it took «xong.» with it."""
    text = plain_text(CODE)
    assert "xong." in text, text
    assert "nan-nhan" not in text, text


def test_an_html_link_in_code_reaches_the_station_as_the_page_shows_it() -> None:
    """The code as typed, the file's name alone reduced: read as a link, its tag went, and a
    «`</a>`» in code further on was taken for its end."""
    assert station_words(CODE) == 'Một `<a href="…">…` xong.'
    assert station_words(f"{CODE}\n\nHai `</a>`.").endswith("Hai `</a>`.")


HELD_DASHED = f"content/bai-viet/{DASHED}"
TITLES = {
    "a held file's name": f'Một [bài](https://x.vn "{DASHED}") xong.',
    "an HTML link to it": f"""Một [bài](https://x.vn "<a href='{DASHED}'>{DASHED}</a>") xong.""",
    "a raw HTML title": f'Một <a href="https://x.vn" title="xem {DASHED}">bài</a> xong.',
}


@pytest.mark.parametrize("line", TITLES.values(), ids=TITLES.keys())
def test_a_link_title_naming_a_held_bulletin_goes_out_on_no_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    """The page and feed.xml carried the title, the held file's name in it; the link stays,
    without its title, and the check warns."""
    root = with_b(tmp_path, f"Công an.\n\n{line}\n")
    write_held_draft(root, HELD_DASHED)
    assert run(root, "build", "-q") == 0
    out = root / "output"
    page = (out / "web/2021/01/b/index.html").read_text("utf-8")
    assert 'Một <a href="https://x.vn" rel="noopener">bài</a> xong.' in page, page
    assert "https://x.vn" in (out / "web/feed.xml").read_text("utf-8")
    assert "Một bài (https://x.vn) xong." in (out / "zalo/b.json").read_text("utf-8")
    assert "Một bài xong." in (out / "radio/items/b.txt").read_text("utf-8-sig")
    assert not index_terms(root) & {"nan", "nhan", "nguyen"}
    for path, text in sent(root).items():
        assert "nan-nhan" not in text, path
    capsys.readouterr()
    run(root, "check")
    assert (
        f"content/bai-viet/2021-01-01-b.md:12: cảnh báo: tiêu đề (title) của liên kết nêu tên "
        f"tệp «{DASHED}» của bản tin không được đăng lúc này"
    ) in capsys.readouterr().err


def test_a_link_title_naming_a_published_bulletin_is_kept(tmp_path: Path) -> None:
    """Its name is no secret: the title stays."""
    root = with_b(tmp_path, "Công an.\n\n" + TITLES["a held file's name"] + "\n")
    (root / HELD_DASHED).write_text(
        bulletin_md({"id": "c", "title": '"Bài C"', "date": "2020-12-20 07:00"}), "utf-8"
    )
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert f'title="{DASHED}"' in page


HELD_PAGE = "/2020/12/nan-nhan-nguyen-van-a/"
"""The address the held draft of the sample project (2020-12-20-nan-nhan-nguyen-van-a.md) will
have once published."""
ADDRESSES = {
    "HTML, a space before it": f'Một <a href=" {HELD_PAGE}">xem</a> xong.',
    "Markdown, a space before it": f"Một [xem]( {HELD_PAGE}) xong.",
    "Markdown": f"Một [xem]({HELD_PAGE}) xong.",
    "the old site's address": f"Một [xem](https://cu.example.vn{HELD_PAGE}) xong.",
    "the site's address": f"Một [xem](https://congan-chauthanh.example.vn{HELD_PAGE}#a) xong.",
    "its index.html": f"Một [xem]({HELD_PAGE}index.html) xong.",
    "in capitals": f"Một [xem]({HELD_PAGE.upper()}) xong.",
}


@pytest.mark.parametrize("line", ADDRESSES.values(), ids=ADDRESSES.keys())
def test_a_link_to_a_held_bulletins_page_address_goes_out_on_no_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    """Typed from the browser, the held bulletin's page address stayed a link: its slug went out
    on the page, the feeds and Zalo. As a link to its file: its words alone, and the warning."""
    root = with_b(tmp_path, f"Công an.\n\n{line}\n", old=True)
    assert run(root, "build", "-q") == 0
    out = root / "output"
    assert "Một xem xong." in (out / "web/2021/01/b/index.html").read_text("utf-8")
    assert "Một xem xong." in (out / "web/feed.xml").read_text("utf-8")
    assert "Một xem xong." in (out / "zalo/b.json").read_text("utf-8")
    assert "Một xem xong." in (out / "radio/items/b.txt").read_text("utf-8-sig")
    assert not index_terms(root) & {"nan", "nhan", "nguyen"}
    for path, text in sent(root).items():
        assert "nan-nhan" not in text, path
    capsys.readouterr()
    run(root, "check")
    assert "trỏ tới bản tin không được đăng lúc này" in capsys.readouterr().err


def test_a_held_bulletins_page_address_as_its_links_words_goes_neutral(tmp_path: Path) -> None:
    """Its words spell the slug: neutral words instead, as for a link to its file."""
    root = with_b(tmp_path, f"Công an.\n\nMột [{HELD_PAGE}]({HELD_PAGE}) xong.\n")
    assert run(root, "build", "-q") == 0
    out = root / "output"
    assert f"Một {NEUTRAL} xong." in (out / "web/2021/01/b/index.html").read_text("utf-8")
    assert f"Một {NEUTRAL} xong." in (out / "zalo/b.json").read_text("utf-8")
    assert "bài viết hiện không có trên trang" in (out / "radio/items/b.txt").read_text("utf-8-sig")
    assert not index_terms(root) & {"nan", "nhan", "nguyen"}
    for path, text in sent(root).items():
        assert "nan-nhan" not in text, path


def test_a_published_bulletins_page_address_stays_a_link(tmp_path: Path) -> None:
    """Only a held page loses its link: a published one's address leads to it, as typed."""
    root = with_b(tmp_path, "Công an.\n\nMột [xem](/2021/01/b/) xong.\n")
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert 'Một <a href="/2021/01/b/" rel="noopener">xem</a> xong.' in page


def test_a_page_address_link_is_made_again_when_its_page_is_held(tmp_path: Path) -> None:
    """The page, feed and Zalo bodies are reused from the cache while their links lead to the
    same places: a page's address is among those links, or its slug stayed once held."""
    root = with_b(tmp_path, f"Công an.\n\nMột [xem]({HELD_PAGE}) xong.\n")
    held = root / "content/bai-viet/2020-12-20-nan-nhan-nguyen-van-a.md"
    draft = held.read_text("utf-8")
    held.write_text(
        bulletin_md({"id": "held", "title": '"Bài kia"', "date": "2020-12-20 07:00"}), "utf-8"
    )
    assert run(root, "build", "-q") == 0
    assert HELD_PAGE in (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    held.write_text(draft, "utf-8")
    assert run(root, "build", "-q") == 0
    for path, text in sent(root).items():
        assert "nan-nhan" not in text, path


@pytest.mark.parametrize("line", ADDRESSES.values(), ids=ADDRESSES.keys())
def test_a_page_address_link_is_read_past_the_quick_look(line: str) -> None:
    """page_hrefs reads a body's links only where one may name a page: it must find each."""
    addresses = SiteAddresses("https://congan-chauthanh.example.vn/", ("https://cu.example.vn/",))
    assert any(HELD_PAGE.upper() in href.upper() for href in page_hrefs(line, addresses)), line


def test_a_body_with_dates_and_images_is_not_read_for_page_addresses() -> None:
    """A date «20/12/2020» and a picture «](/images/a.jpg)» are in nearly every bulletin."""
    body = "Ngày 20/12/2020, ![Hiện trường](/images/a.jpg) và [văn bản](https://vbpl.vn/a/)."
    assert page_hrefs(body, SiteAddresses("https://congan-chauthanh.example.vn/")) == []


def test_an_autolink_to_a_held_bulletins_page_leaves_no_trace(tmp_path: Path) -> None:
    """Its words are its address: neutral words on the page and Zalo; the radio's note on the
    address it left out quoted it in rundown.json, slug and all."""
    full = f"https://congan-chauthanh.example.vn{HELD_PAGE}"
    root = with_b(tmp_path, f"Công an.\n\nMột <{full}> xong.\n")
    assert run(root, "build", "-q") == 0
    out = root / "output"
    assert f"Một {NEUTRAL} xong." in (out / "web/2021/01/b/index.html").read_text("utf-8")
    assert f"Một {NEUTRAL} xong." in (out / "zalo/b.json").read_text("utf-8")
    assert not index_terms(root) & {"nan", "nhan", "nguyen"}
    for path, text in sent(root).items():
        assert "nan-nhan" not in text, path


PAGE_TITLES = {
    "its path": f'Một [bài](https://x.vn "{HELD_PAGE}") xong.',
    "its address in full": f'Một [bài](https://x.vn "https://congan-chauthanh.example.vn{HELD_PAGE}") xong.',
}


@pytest.mark.parametrize("line", PAGE_TITLES.values(), ids=PAGE_TITLES.keys())
def test_a_link_title_naming_a_held_bulletins_page_goes_out_on_no_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    """Its slug is the held file's title words: it stayed in title="…" on the page and feeds."""
    root = with_b(tmp_path, f"Công an.\n\n{line}\n")
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert 'Một <a href="https://x.vn" rel="noopener">bài</a> xong.' in page, page
    for path, text in sent(root).items():
        assert "nan-nhan" not in text, path
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    assert (
        "content/bai-viet/2021-01-01-b.md:12: cảnh báo: tiêu đề (title) của liên kết nêu địa chỉ trang «"
        in err
    ), err
    assert "Bỏ địa chỉ trang khỏi tiêu đề của liên kết" in err


BARE = {
    "its path": f"Xem {HELD_PAGE} sau.",
    "its address in full": f"Xem https://congan-chauthanh.example.vn{HELD_PAGE} sau.",
    "in capitals, no last slash": f"Xem {HELD_PAGE.upper().rstrip('/')}.",
}


@pytest.mark.parametrize("line", BARE.values(), ids=BARE.keys())
def test_a_held_bulletins_page_address_written_as_text_is_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    """No link: the address goes out as typed on every channel, and the check said nothing."""
    root = with_b(tmp_path, f"Công an.\n\n{line}\n")
    run(root, "check")
    err = capsys.readouterr().err
    assert (
        "content/bai-viet/2021-01-01-b.md:12: cảnh báo: nội dung bài nêu địa chỉ trang «"
    ) in err, err
    assert "(tệp content/bai-viet/2020-12-20-nan-nhan-nguyen-van-a.md)" in err
    assert "Bỏ địa chỉ này khỏi bài" in err


def test_a_published_or_linked_page_address_is_no_text_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link's address is told as a link; a longer slug is another page's."""
    body = f"Một [xem]({HELD_PAGE}) xong. Xem {HELD_PAGE.rstrip('/')}-2/ và /2021/01/b/."
    root = with_b(tmp_path, f"Công an.\n\n{body}\n")
    run(root, "check")
    assert "nội dung bài nêu địa chỉ trang" not in capsys.readouterr().err
