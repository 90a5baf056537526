"""A held bulletin linked by raw HTML the page reads loosely (a tag never closed, «</a >», a
«>» inside a quoted value, spaces inside the quoted href) goes out on no channel: the page,
the feeds, Zalo, the search index, the radio and the station all give the neutral words, never
its file's name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from publish.held_link_words import neutral_link_words
from publish.render.radio.layout import station_words
from publish.render.web.search import plain_text
from tests.test_held_links import NEUTRAL, index_terms, run, sent, with_b, write_held_draft

SPACED = "2020-12-22-vu an xuyenhai.md"
DASHED = "2020-12-21-nan-nhan-xuyenmot.md"
HELD = {SPACED: "/2020/12/vu-an/", DASHED: "/2020/12/vu-an-2/"}
"""The two held drafts by the href that names each, with the address each will have."""
LEAKS = ("xuyenhai", "xuyenmot", "vu an", "vu%20an", "nan-nhan")
"""What of the held bulletins' names no public file may hold."""
LINES = {
    "never closed": f'Một <a href="{SPACED}">{SPACED}',
    "end tag with a space": f'Một <a href="{SPACED}">{SPACED}</a > đã xảy ra.',
    "quoted value holding >": f'Một <a title="a>b" href="{SPACED}">{SPACED}</a> đã xảy ra.',
    "spaces inside the quotes": f'Một <a href=" {DASHED} ">{DASHED}</a> đã xảy ra.',
}


def with_loose_link(tmp_path: Path, line: str) -> Path:
    """The held-links project with the two held drafts, and B's body holding `line`."""
    root = with_b(tmp_path, f"Công an huyện thông báo.\n\n{line}\n")
    write_held_draft(root, f"content/bai-viet/{SPACED}", key="vu-an")
    write_held_draft(root, f"content/bai-viet/{DASHED}", key="vu-an-2")
    return root


@pytest.mark.parametrize("line", LINES.values(), ids=LINES.keys())
def test_a_held_bulletin_linked_by_loose_html_goes_out_on_no_channel(
    tmp_path: Path, line: str
) -> None:
    """The page's reader (the sanitiser, then publish.render.web.markdown) links each of these
    to the held file and shows the neutral words; the search index took the spaced name's
    words, the page and feed.xml kept a link and name with spaces inside the quotes, and the
    radio read the name (kept off air only by the date's «2020-12» read as a range)."""
    root = with_loose_link(tmp_path, line)
    assert run(root, "build", "-q") == 0
    out = root / "output"
    page = (out / "web/2021/01/b/index.html").read_text("utf-8")
    assert f"Một {NEUTRAL}" in page
    assert f"Một {NEUTRAL}" in (out / "zalo/b.json").read_text("utf-8")
    assert f"Một {NEUTRAL}" in (out / "web/feed.xml").read_text("utf-8")
    item = (out / "radio/items/b.txt").read_text("utf-8-sig")
    assert "Một, bài viết hiện không có trên trang" in item, item
    assert {"mot", "cong", "thong", "bao"} <= index_terms(root)
    assert not index_terms(root) & {"xuyenhai", "xuyenmot"}
    for path, text in sent(root).items():
        for leak in LEAKS:
            assert leak not in text, f"{path} names {leak}"


@pytest.mark.parametrize("line", LINES.values(), ids=LINES.keys())
def test_the_index_the_radio_and_the_station_read_a_loose_html_links_words_as_the_page(
    line: str,
) -> None:
    """The words spelling the linked file's name go; the words around them stay."""
    assert plain_text(line).split()[:1] == ["Một"]
    assert not {"xuyenhai.md", "2020-12-22-vu", DASHED} & set(plain_text(line).split())
    assert NEUTRAL in neutral_link_words(line, HELD)
    assert not any(leak in station_words(line) for leak in LEAKS), station_words(line)
    assert station_words(line).startswith("Một …")


def test_a_loose_html_links_own_words_and_a_link_to_no_file_stay() -> None:
    assert plain_text('x <a href="a.md">bài kia</a > y').split() == ["x", "bài", "kia", "y"]
    assert plain_text('x <a title="a>b" href="https://x.vn">web</a> y').split() == ["x", "web", "y"]
    assert plain_text(f'x <a href="{SPACED}">{SPACED}\n\nĐoạn sau.').split() == [
        "x",
        "Đoạn",
        "sau.",
    ]
    assert station_words(f'x <a href="{SPACED}">bài kia</a > y') == "x bài kia y"
    own = f'x <a href="{SPACED}">bài kia\n\nĐoạn {SPACED}.'
    assert neutral_link_words(own, HELD) == own
    # Its words end with its paragraph, where the sanitiser closes it; the next one stays.
    assert neutral_link_words(f'x <a href="{SPACED}">{SPACED}\n\nĐoạn sau.', HELD) == (
        f'x <a href="{SPACED}">{NEUTRAL}\n\nĐoạn sau.'
    )


def test_the_station_gets_no_held_name_of_a_loose_html_link_in_a_flag(tmp_path: Path) -> None:
    """rundown.json quotes the bulletin's lines in its flags: a loose link's words there too
    are the page's."""
    root = with_loose_link(tmp_path, f'Xem thêm <a href="{SPACED}">{SPACED}</a >.')
    assert run(root, "build", "-q", "--channel", "radio") == 0
    rundowns = [p.read_text("utf-8") for p in (root / "output/radio").rglob("rundown.json")]
    assert any('"key": "b"' in r for r in rundowns)
    for text in rundowns:
        assert not any(leak in text for leak in LEAKS), text
        json.loads(text)


def test_check_warns_of_a_held_link_whose_tag_has_a_quoted_greater_than(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The checks ended the tag at the «>» in its title and found no link: no warning, and the
    radio, not knowing the link was held, read its words."""
    root = with_loose_link(tmp_path, LINES["quoted value holding >"])
    assert run(root, "check") == 0
    err = capsys.readouterr().err
    assert (
        f"content/bai-viet/2021-01-01-b.md:12: cảnh báo: liên kết «{SPACED}» trỏ tới bản tin "
        "không được đăng lúc này: bản nháp (draft: true)"
    ) in err, err
