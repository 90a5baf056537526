"""The «Theo dõi tin mới» page (/theo-doi/) says what following the unit on Zalo really gives,
and its headings take no id a bulletin's heading would."""

from __future__ import annotations

import re

import pytest

from tests.web_fixture import BuiltSite, build_site, copy_site

QUA_ZALO = "content/bai-viet/2024-03-30-qua-zalo.md"
LINKING = "content/bai-viet/2024-03-31-lien-ket.md"


def bulletin(title: str, date: str, body: str) -> str:
    """An approved web bulletin of the fixture site."""
    return (
        f"---\ntitle: {title}\ndate: {date}\ncategory: an-ninh-trat-tu\nsummary: Tóm tắt.\n"
        "approved_by: Nguyễn Văn A\nchannels: [web]\n---\n\n" + body
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture site with a bulletin headed «Qua Zalo» and one linking to that heading."""
    root = copy_site(tmp_path_factory.mktemp("follow"))
    (root / QUA_ZALO).write_text(
        bulletin("Nhận thông báo", "2024-03-30 08:00", "Mở đầu.\n\n## Qua Zalo\n\nNội dung.\n"),
        "utf-8",
    )
    (root / LINKING).write_text(
        bulletin("Liên kết", "2024-03-31 08:00", "Xem [mục](2024-03-30-qua-zalo.md#qua-zalo).\n"),
        "utf-8",
    )
    return build_site(root)


def test_the_follow_page_promises_no_zalo_message_the_tool_never_sends(built: BuiltSite) -> None:
    """It said «bản tin mới sẽ đến trong Zalo của bạn», but the tool posts articles on the OA
    page and sends no message: a follower waiting for one waited in vain."""
    page = built.html("/theo-doi/")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "sẽ đến trong Zalo" not in text
    assert "ngay khi đăng" not in text
    assert "Bản tin của đơn vị được đăng lên Trang Zalo Công an xã Tân Phú Đông" in text
    assert "nhấn Quan tâm để nhận tin" in text  # as the contact page says


def test_a_bulletin_heading_qua_zalo_keeps_its_id(built: BuiltSite) -> None:
    """The follow page's «Qua Zalo» took the id on every page, so a bulletin's «## Qua Zalo»
    became #qua-zalo_1: shared links to #qua-zalo broke, and so did a link to b.md#qua-zalo."""
    html = built.html("/2024/03/qua-zalo/")
    assert '<h2 id="qua-zalo">Qua Zalo</h2>' in html
    assert 'href="/2024/03/qua-zalo/#qua-zalo"' in built.html("/2024/03/lien-ket/")
    follow = built.html("/theo-doi/")
    assert 'id="qua-zalo"' not in follow and 'id="qua-ung-dung"' not in follow
    assert 'aria-labelledby="theo-doi-zalo"' in follow and 'id="theo-doi-zalo"' in follow
