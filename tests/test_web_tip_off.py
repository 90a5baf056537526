"""Whom a citizen tells, from every bulletin and the contact page: the numbers with what each
is for, the hours and the secrecy promised to a tipster, all from site.toml's [contact]."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from publish.config import BUILTIN_THEME, SECRECY
from tests.web_fixture import BuiltSite, build_site, copy_site


def _box(page: str) -> str:
    """The «Báo tin cho …» box of a bulletin page, or "" when it has none."""
    found = re.search(r'<aside class="contact-card report-box".*?</aside>', page, re.S)
    return found.group(0) if found else ""


def _bulletins(site: BuiltSite) -> list[str]:
    """Every bulletin page of the built site (a path under a year: /2024/…/slug/)."""
    return [
        site.html("/" + re.sub(r"index\.html$", "", f))
        for f in site.files()
        if re.match(r"\d{4}/\d{2}/[^/]+/index\.html$", f)
    ]


def _with_contact(root: Path, lines: str) -> None:
    """Add `lines` at the top of site.toml's [contact] table."""
    config = root / "site.toml"
    text = config.read_text("utf-8").replace("[contact]\n", "[contact]\n" + lines, 1)
    config.write_text(text, "utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture site with the head office's hours written."""
    root = copy_site(tmp_path_factory.mktemp("tip"))
    _with_contact(root, 'hours = "Thứ Hai đến thứ Sáu 7h00–17h00"\n')
    return build_site(root)


def test_every_bulletin_ends_with_whom_to_tell_and_which_number_for_what(
    site: BuiltSite,
) -> None:
    """A trader who got the very call a warning describes finds, after its text, 113 for what
    is happening now and the hotline for a tip, each a tap to call, and the unit's Zalo."""
    pages = _bulletins(site)
    assert pages
    for page in pages:
        box = _box(page)
        assert page.index('class="prose"') < page.index("report-box")
        assert re.search(
            r"cần Công an đến ngay:</strong> gọi <a class=\"phone\" href=\"tel:113\"", box
        )
        assert re.search(
            r"Tin báo, tố giác, phản ánh:</strong> đường dây nóng "
            r'<a class="phone" href="tel:02733850113"[^>]*>0273 3850 113</a>',
            box,
        )
        assert 'href="mailto:ca.tanphudong@example.vn"' in box


def test_the_box_promises_secrecy_and_links_the_contact_pages(site: BuiltSite) -> None:
    """A young man tipping off a dealer reads that he need not give his name, and where to
    read how to send it: the site's contact-layout pages, by their titles."""
    box = _box(_bulletins(site)[0])
    assert f'<p class="secrecy">{SECRECY}</p>' in box
    assert "không nêu tên" in SECRECY
    assert re.search(r'<a href="/lien-he/">[^<]+</a>', box)
    assert "/gioi-thieu/" not in box  # a page of another layout tells no one how to report


def test_the_contact_card_says_what_each_number_is_for_the_hours_and_the_secrecy(
    site: BuiltSite,
) -> None:
    page = site.html("/lien-he/")
    card = page.split('<section class="contact-card"')[1].split("</section>")[0]
    assert re.search(r'href="tel:113"[^>]*>113</a></dd><dd class="use">Việc đang xảy ra', card)
    assert re.search(r'>0273 3850 113</a></dd><dd class="use">Tin báo, tố giác', card)
    assert "<dt>Giờ tiếp công dân</dt><dd>Thứ Hai đến thứ Sáu 7h00–17h00</dd>" in card
    assert f'<p class="secrecy">{SECRECY}</p>' in card
    footer = page.split('<footer class="site-footer">')[1]
    assert "<li>Giờ tiếp công dân: Thứ Hai đến thứ Sáu 7h00–17h00</li>" in footer


def test_a_unit_words_its_own_promise_or_none_and_no_hours_is_no_empty_line(
    tmp_path: Path,
) -> None:
    root = copy_site(tmp_path)
    _with_contact(root, 'secrecy = ""\n')
    site = build_site(root)
    box = _box(_bulletins(site)[0])
    assert box and "secrecy" not in box
    page = site.html("/lien-he/")
    assert 'class="secrecy"' not in page
    assert "<dt>Giờ tiếp công dân</dt>" not in page and "<li>Giờ tiếp công dân" not in page

    other = copy_site(tmp_path / "other")
    _with_contact(other, 'secrecy = "Cán bộ trực giữ bí mật người báo tin."\n')
    assert '<p class="secrecy">Cán bộ trực giữ bí mật người báo tin.</p>' in _box(
        _bulletins(build_site(other))[0]
    )


def test_a_unit_with_no_way_to_reach_it_gets_no_empty_box(tmp_path: Path) -> None:
    root = copy_site(tmp_path)
    config = root / "site.toml"
    text = config.read_text("utf-8")
    for key in ("hotline", "email", "emergency"):
        text = re.sub(rf'^{key} = "[^"]*"$', f'{key} = ""', text, flags=re.M)
    text = re.sub(r'^oa_id = "[^"]*"$', 'oa_id = ""', text, flags=re.M)
    config.write_text(text, "utf-8")
    assert not _box(_bulletins(build_site(root))[0])


def _theme(root: Path) -> Path:
    """The built-in theme copied into the project as its own; its web/ folder."""
    shutil.copytree(BUILTIN_THEME, root / "templates")
    return root / "templates" / "web"


def test_the_box_is_the_themes_report_box_macro_and_a_rebuild_follows_its_edits(
    tmp_path: Path,
) -> None:
    """The box is made once per build from _macros.html's report_box: a unit rewording it there,
    or changing its hotline in site.toml, sees the change on every bulletin page of the next
    build (an incremental one: output/ and .cache/ of the last build are there)."""
    root = copy_site(tmp_path)
    web = _theme(root)
    first = _bulletins(build_site(root))
    assert all('<h2 id="bao-tin">Báo tin cho ' in _box(page) for page in first)
    macros = web / "_macros.html"
    macros.write_text(
        macros.read_text("utf-8").replace(">Báo tin cho {{", ">Gửi tin cho {{"), "utf-8"
    )
    pages = _bulletins(build_site(root))
    assert len(pages) == len(first)
    assert all('<h2 id="bao-tin">Gửi tin cho ' in _box(page) for page in pages)
    config = root / "site.toml"
    text = config.read_text("utf-8")
    assert text.count('hotline = "0273 3850 113"') == 1
    config.write_text(text.replace('hotline = "0273 3850 113"', 'hotline = "0273 3850 114"'))
    for page in _bulletins(build_site(root)):
        assert 'href="tel:02733850114"' in _box(page) and "02733850113" not in _box(page)


def test_a_theme_from_before_the_macro_shows_its_own_box_as_it_did(tmp_path: Path) -> None:
    """A unit's theme copied before the box became a macro writes the box in bulletin.html from
    `footer`, and its _macros.html has no report_box: its pages are those of the built-in
    theme, byte for byte, the box once."""
    root = copy_site(tmp_path)
    web = _theme(root)
    macros = web / "_macros.html"
    text = macros.read_text("utf-8")
    start = text.index("{% macro report_box(")
    end = text.index("{%- endmacro %}", start) + len("{%- endmacro %}\n\n")
    inline = text[text.index("-#}\n", start) + len("-#}\n") : text.index("{%- endmacro %}", start)]
    macros.write_text(text[:start] + text[end:], "utf-8")
    bulletin = web / "bulletin.html"
    written = bulletin.read_text("utf-8")
    assert written.count("{{ report_box -}}\n") == 1
    bulletin.write_text(written.replace("{{ report_box -}}\n", inline), "utf-8")
    own = _bulletins(build_site(root))
    builtin = _bulletins(build_site(copy_site(tmp_path / "builtin")))
    assert own == builtin
    assert all(page.count("report-box") == 1 for page in own)
