"""Front matter `lang`: a bulletin or page in English is marked as English on the website and in
the feed (WCAG 3.1.2: a screen reader switches voice), never read by the radio's Vietnamese
voice, and a wrong value is told like any other field."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import ConfigError, ContentError
from publish.languages import og_locale
from publish.model import Site
from publish.pipeline import build
from publish.render.web.search import SearchDoc, build_index, rank
from tests.helpers import NOW, SITE_TOML, bulletin_md, make_project
from tests.web_fixture import build_site, copy_site

EN = "content/bai-viet/2020-12-07-notice-to-foreign-residents.md"
VI = "content/bai-viet/2020-12-06-canh-bao.md"
PAGE = "content/pages/english.md"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

EN_BODY = (
    "Foreign nationals staying overnight must have their temporary residence declared within "
    "12 hours.\n\n## How\n\nAsk your hotel or landlord, or call the duty hotline. In an "
    "emergency, call 113. Never give a bank OTP code to anyone on the phone.\n"
)


def english(**fields: str) -> str:
    """An approved English bulletin (`fields` override or add front matter lines)."""
    return bulletin_md(
        {
            "title": '"Notice to foreign residents: temporary residence registration"',
            "date": "2020-12-07 08:00",
            "summary": '"Foreign residents must declare where they stay within 12 hours. '
            'Here is how, online or at the commune police station."',
            "tags": '["foreign residents"]',
            "lang": "en",
            **fields,
        },
        EN_BODY,
    )


def load(root: Path) -> Site:
    """The project's site at the tests' clock."""
    return load_site(config_module.load(root), now=NOW)


class Langs(HTMLParser):
    """(tag, class, lang, hreflang) of every element with a lang attribute, and <html>'s."""

    def __init__(self) -> None:
        super().__init__()
        self.marked: list[tuple[str, str, str, str]] = []
        self.html_lang = ""
        self.og_locale = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record the element's language attributes."""
        found = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = found.get("lang", "")
        elif "lang" in found:
            self.marked.append(
                (tag, found.get("class", ""), found["lang"], found.get("hreflang", ""))
            )
        if tag == "meta" and found.get("property") == "og:locale":
            self.og_locale = found.get("content", "")


def langs(html: str) -> Langs:
    """The language attributes of a page."""
    parser = Langs()
    parser.feed(html)
    return parser


def test_an_english_bulletin_marks_its_own_text_not_the_page_around_it(tmp_path: Path) -> None:
    """The title, summary and body say lang="en"; <html>, the menu and the date stay
    Vietnamese, and the page is shared as English (og:locale)."""
    root = copy_site(tmp_path)
    (root / "content/bai-viet/2024-03-20-notice.md").write_text(
        english(date="2024-03-20 08:00", category="an-ninh-trat-tu"), "utf-8"
    )
    built = build_site(root)
    page = langs(built.html("/2024/03/notice/"))
    assert page.html_lang == "vi"
    assert ("h1", "", "en", "") in page.marked
    assert ("p", "lead", "en", "") in page.marked
    assert ("div", "prose", "en", "") in page.marked
    assert {m[2] for m in page.marked} == {"en"}  # nothing else claims another language
    assert page.og_locale == "en_US"
    # The Vietnamese bulletin beside it keeps its page unmarked.
    other = langs(built.html("/2024/03/canh-bao-lua-dao-viec-nhe/"))
    assert other.og_locale == "vi_VN"
    assert ("div", "prose", "en", "") not in other.marked
    # Its card on the home page is marked: title link and summary.
    home = langs(built.html("/"))
    assert ("a", "", "en", "") in home.marked
    assert ("p", "summary", "en", "") in home.marked


def test_an_english_page_is_marked_and_its_footer_link_says_its_language(tmp_path: Path) -> None:
    """The English «About us» page: its text is lang="en", and every page's footer link to it
    is named «English» (in English, lang) and says it leads to a page in English (hreflang);
    it is no item of the Vietnamese menu."""
    root = copy_site(tmp_path)
    (root / PAGE).write_text(
        '---\ntitle: "About us"\nsummary: "Who we are."\nlang: en\norder: 5\n---\n\n'
        "Tan Phu Dong Commune Police keeps public order in the commune. Call 113.\n",
        "utf-8",
    )
    built = build_site(root)
    page = langs(built.html("/english/"))
    assert page.html_lang == "vi"
    assert {("h1", "page-title", "en", ""), ("div", "prose", "en", "")} <= set(page.marked)
    assert page.og_locale == "en_US"
    home = built.html("/")
    assert ("a", "lang-link", "en", "en") in langs(home).marked
    assert '<a class="lang-link" href="/english/" lang="en" hreflang="en">English</a>' in home
    menu = home.split('aria-label="Điều hướng chính"', 1)[1].split("</nav>", 1)[0]
    assert "/english/" not in menu and "About us" not in menu
    contact = langs(built.html("/lien-he/"))
    assert ("a", "lang-link", "en", "en") in contact.marked
    assert contact.og_locale == "vi_VN"


def test_og_locale_of_the_site_s_own_pages_is_its_language(tmp_path: Path) -> None:
    """A site whose [site] language is not Vietnamese (a unit's pages in Khmer) shared every
    page of its own language as vi_VN: they say km_KH, and a page marked Vietnamese vi_VN."""
    root = copy_site(tmp_path)
    toml = root / "site.toml"
    toml.write_text(toml.read_text("utf-8").replace("[site]\n", '[site]\nlanguage = "km"\n', 1))
    (root / "content/pages/tieng-viet.md").write_text(
        '---\ntitle: "Giới thiệu"\nlang: vi\norder: 8\n---\n\nCông an xã.\n', "utf-8"
    )
    built = build_site(root)
    home = langs(built.html("/"))
    assert (home.html_lang, home.og_locale) == ("km", "km_KH")
    assert langs(built.html("/lien-he/")).og_locale == "km_KH"
    assert langs(built.html("/tieng-viet/")).og_locale == "vi_VN"


@pytest.mark.parametrize(
    ("lang", "site_language", "locale"),
    [
        ("", "vi", "vi_VN"),
        ("", "vi-VN", "vi_VN"),
        ("", "en-GB", "en_GB"),
        ("", "km", "km_KH"),
        ("en", "vi", "en_US"),
        ("en-GB", "km", "en_GB"),
        ("vi", "km", "vi_VN"),
    ],
)
def test_og_locale_reads_the_page_s_language_else_the_site_s(
    lang: str, site_language: str, locale: str
) -> None:
    """og:locale is language_TERRITORY, from the page's `lang` or, without one, [site] language."""
    assert og_locale(lang, site_language) == locale


def test_the_feed_marks_an_english_entry_and_keeps_the_feed_vietnamese(tmp_path: Path) -> None:
    """Atom's xml:lang on the English entry's title, summary and content only."""
    root = copy_site(tmp_path)
    (root / "content/bai-viet/2024-03-20-notice.md").write_text(
        english(date="2024-03-20 08:00", category="an-ninh-trat-tu"), "utf-8"
    )
    built = build_site(root)
    feed = ET.fromstring(built.text("feed.xml"))
    assert feed.get(XML_LANG) == "vi"
    atom = "{http://www.w3.org/2005/Atom}"
    marked = {
        entry.findtext(f"{atom}title"): {
            part: entry.find(f"{atom}{part}").get(XML_LANG)  # type: ignore[union-attr]
            for part in ("title", "summary", "content")
        }
        for entry in feed.iter(f"{atom}entry")
    }
    assert marked.pop(
        "Notice to foreign residents: temporary residence registration"
    ) == dict.fromkeys(("title", "summary", "content"), "en")
    assert marked and all(set(parts.values()) == {None} for parts in marked.values())


class Marked(HTMLParser):
    """The text of a fragment with the lang each piece is in (`outer` outside every marked
    element)."""

    def __init__(self, outer: str) -> None:
        super().__init__()
        self.stack = [outer]
        self.pieces: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element: its lang, else its parent's."""
        self.stack.append(dict(attrs).get("lang") or self.stack[-1])

    def handle_endtag(self, tag: str) -> None:
        """Close an element."""
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        """Record a piece of text in the language it is marked in."""
        if data.strip():
            self.pieces.append((self.stack[-1], data.strip()))


def marked_text(html: str, outer: str) -> list[tuple[str, str]]:
    """(lang, text) of each piece of text in `html`, read inside an element in `outer`."""
    parser = Marked(outer)
    parser.feed(html)
    return parser.pieces


CORRECTED = '\n  - date: 2024-03-21 10:15\n    note: "The deadline is 12 hours, not 24 hours."'


def test_a_corrected_english_entry_says_its_vietnamese_heading_is_vietnamese(
    tmp_path: Path,
) -> None:
    """«Đính chính» and its date are the site's words: in the feed's English content they are
    marked Vietnamese; on the page the box is Vietnamese and the note, English, is marked."""
    root = copy_site(tmp_path)
    (root / "content/bai-viet/2024-03-20-notice.md").write_text(
        english(date="2024-03-20 08:00", category="an-ninh-trat-tu", corrections=CORRECTED),
        "utf-8",
    )
    built = build_site(root)
    feed = ET.fromstring(built.text("feed.xml"))
    atom = "{http://www.w3.org/2005/Atom}"
    entry = next(
        e for e in feed.iter(f"{atom}entry") if e.findtext(f"{atom}title", "").startswith("Notice")
    )
    content = entry.find(f"{atom}content")
    assert content is not None and content.get(XML_LANG) == "en"
    pieces = marked_text(content.text or "", "en")
    assert pieces[:2] == [
        ("vi", "Đính chính (10:15 ngày 21/3/2024):"),
        ("en", "The deadline is 12 hours, not 24 hours."),
    ]
    html = built.html("/2024/03/notice/")
    box = html[html.index('<section class="corrections"') : html.index("</section>")]
    assert marked_text(box, "vi") == [
        ("vi", "Đính chính"),
        ("vi", "10:15 ngày 21/3/2024"),
        ("vi", ":"),
        ("en", "The deadline is 12 hours, not 24 hours."),
    ]


def test_the_search_index_finds_english_words_as_typed() -> None:
    """Tone folding and the Telex reading of queries leave English as it is: «residence» and
    «Foreign residents» find the English bulletin, «lừa đảo» still the Vietnamese one."""
    docs = [
        SearchDoc("/vi/", "Cảnh báo lừa đảo", "", "Giả danh Công an.", 0, "2024-01-02", "x"),
        SearchDoc(
            "/en/",
            "Notice to foreign residents",
            "Temporary residence registration.",
            EN_BODY,
            0,
            "2024-01-01",
            "x",
        ),
    ]
    files = build_index(docs, [("canh-bao", "Cảnh báo")])
    assert rank(files, "residence") == [1]
    assert rank(files, "Foreign residents") == [1]
    assert rank(files, "hotel") == [1]  # the last word finds the words it starts
    assert rank(files, "lua dao") == [0]


def test_an_english_bulletin_is_left_out_of_the_radio_with_a_note(tmp_path: Path) -> None:
    """Default channels: web and Zalo keep it, the radio script does not read it, and a note
    (not a warning: --strict passes) says why, on the `lang` line."""
    root = make_project(tmp_path, {EN: english(), VI: bulletin_md({"date": "2020-12-06 08:00"})})
    site = load(root)
    [en] = [b for b in site.bulletins if b.lang]
    assert en.lang == "en"
    assert en.channels == {"web", "zalo"}
    [note] = [p for p in site.warnings if p.file == EN]
    assert (note.severity, note.field, note.line) == ("note", "lang", 8)
    assert "không đưa vào kịch bản phát thanh" in note.message
    result = build(config_module.load(root), channels=("radio",), now=NOW)
    scripts = b"".join(a.data for a in result.artifacts)
    assert b"Foreign nationals" not in scripts
    assert "Nội dung bản tin".encode() in scripts  # the Vietnamese one is read
    assert not [a.path for a in result.artifacts if "notice-to-foreign" in a.path]


@pytest.mark.parametrize(
    ("extra", "field", "fix"),
    [
        ({"channels": "[web, radio]"}, "channels", "channels: web)"),
        ({"radio": "{air_date: 2020-12-12}"}, "radio", "Xóa khối radio:"),
    ],
)
def test_an_english_bulletin_asking_for_the_radio_is_refused(
    tmp_path: Path, extra: dict[str, str], field: str, fix: str
) -> None:
    """Listing radio (or giving it a block) for an English bulletin is an error that says
    what to remove."""
    root = make_project(tmp_path, {EN: english(**extra)})
    with pytest.raises(ContentError) as info:
        load(root)
    [error] = [p for p in info.value.problems if p.severity == "error"]
    assert (error.file, error.field) == (EN, field)
    assert error.message.startswith("bản tin viết bằng ngôn ngữ khác tiếng Việt (lang: en)")
    assert error.hint and fix in error.hint


@pytest.mark.parametrize(
    ("written", "message", "fix"),
    [
        ("English", "«English» không phải mã ngôn ngữ: cần mã hai chữ cái «en»", "lang: en"),
        ('"tiếng Anh"', "«tiếng Anh» không phải mã ngôn ngữ", "lang: en"),
        ("eng", "mã ngôn ngữ «eng» phải viết bằng mã hai chữ cái «en»", "lang: en"),
        ("vn", "«vn» là mã quốc gia Việt Nam", "xóa dòng này"),
        ("e.n", "cần một mã ngôn ngữ như «en» (tiếng Anh), nhận được «e.n»", "lang: en"),
        ("[en, vi]", "cần một mã ngôn ngữ, nhận được", "lang: en"),
    ],
)
def test_a_wrong_lang_is_an_error_naming_file_line_and_the_code_to_write(
    tmp_path: Path, written: str, message: str, fix: str
) -> None:
    """As for every field: file, line, field, what was expected and an example."""
    root = make_project(tmp_path, {EN: english(lang=written)})
    with pytest.raises(ContentError) as info:
        load(root)
    [error] = [p for p in info.value.problems if p.severity == "error"]
    assert (error.file, error.field, error.line) == (EN, "lang", 8)
    assert message in error.message
    assert error.hint and fix in error.hint


@pytest.mark.parametrize(("written", "kept"), [("en", "en"), ("EN_us", "en-US"), ("vi", "")])
def test_a_lang_tag_is_kept_as_bcp_47_writes_it(tmp_path: Path, written: str, kept: str) -> None:
    """Case and «_» are mended; the site's own language marks nothing."""
    root = make_project(tmp_path, {EN: english(lang=written)})
    [bulletin] = load(root).bulletins
    assert bulletin.lang == kept


@pytest.mark.parametrize(
    ("site_language", "written"),
    [("vi", "vi-VN"), ("vi", "vi_VN"), ("vi", "VI-vn"), ("vi-VN", "vi"), ("vi-VN", "vi_VN")],
)
def test_vietnamese_with_a_region_on_a_vietnamese_site_marks_nothing(
    tmp_path: Path, site_language: str, written: str
) -> None:
    """`lang: vi-VN` on a `vi` site is the site's language: no lang attribute, no note, the
    radio reads it (it was taken for a foreign language and kept off the radio)."""
    site_toml = SITE_TOML.replace("[site]\n", f'[site]\nlanguage = "{site_language}"\n')
    root = make_project(tmp_path, {"site.toml": site_toml, VI: bulletin_md({"lang": written})})
    site = load(root)
    [bulletin] = site.bulletins
    assert bulletin.lang == ""
    assert "radio" in bulletin.channels
    assert not [p for p in site.warnings if p.field == "lang"]


def test_a_wrong_lang_says_what_site_language_says(tmp_path: Path) -> None:
    """One rule for both: «vie» and «vn» get the same words in front matter and site.toml."""
    for written in ("vie", "vn"):
        root = make_project(tmp_path / written, {EN: english(lang=written)})
        with pytest.raises(ContentError) as info:
            load(root)
        [error] = [p for p in info.value.problems if p.severity == "error"]
        text = SITE_TOML.replace("[site]\n", f'[site]\nlanguage = "{written}"\n')
        with pytest.raises(ConfigError) as told:
            config_module.parse(text, root=root)
        [problem] = told.value.problems
        assert error.message == problem.message


def test_language_under_another_name_is_told(tmp_path: Path) -> None:
    """`language: en` (Hugo, WordPress) or `ngôn_ngữ: en` would be ignored: told, with lang."""
    for key in ("language", "ngôn_ngữ"):
        text = english().replace("lang: en", f"{key}: en")
        root = make_project(tmp_path / key, {EN: text})
        site = load(root)
        [told] = [p for p in site.warnings if p.field == key]
        assert told.hint and "lang" in told.hint


def test_an_english_bulletin_gets_no_false_warnings(tmp_path: Path) -> None:
    """English text with abbreviations (OTP, USD, ID), a hotline and 113 draws nothing but
    the radio note: the checks meant for Vietnamese do not fire on it."""
    body = (
        "Scammers call foreigners claiming to be police and ask for a USD 800 «deposit» or an "
        "OTP code to confirm their ID. Real officers never do this. Hang up and call the duty "
        "hotline 0277 3610 113 or 113.\n"
    )
    text = english().replace(EN_BODY, body)
    root = make_project(tmp_path, {EN: text})
    site = load(root)
    assert [(p.severity, p.field) for p in site.warnings] == [("note", "lang")]
    config = config_module.load(root)
    result = build(config, channels=("web", "zalo"), now=NOW)
    assert not [p for p in result.warnings if p.severity != "note"]


def test_the_site_default_lang_is_the_site_language(tmp_path: Path) -> None:
    """No `lang`: the bulletin is in the site's language and keeps every channel."""
    root = make_project(tmp_path, {VI: bulletin_md()})
    [bulletin] = load(root).bulletins
    assert bulletin.lang == ""
    assert "radio" in bulletin.channels


def test_the_footer_links_each_other_language_once_to_its_first_page(tmp_path: Path) -> None:
    """Two English pages make one «English» link in the footer, to the first by order (not by file name);
    a language the autonym table lacks is named by its first page's own title."""
    root = copy_site(tmp_path)
    pages = root / "content" / "pages"
    for slug, order, lang, title in (
        ("about", 7, "en", "About us"),
        ("visitors", 5, "en-GB", "For visitors"),
        ("sobre", 9, "pt", "Sobre nós"),
    ):
        (pages / f"{slug}.md").write_text(
            f'---\ntitle: "{title}"\nlang: {lang}\norder: {order}\n---\n\nText.\n', "utf-8"
        )
    html = build_site(root).html("/")
    links = re.findall(r'<a class="lang-link" href="([^"]*)" lang="([^"]*)"[^>]*>([^<]*)</a>', html)
    assert links == [("/visitors/", "en-GB", "English"), ("/sobre/", "pt", "Sobre nós")]


class Links(HTMLParser):
    """(href, lang, hreflang, text) of each link inside an element of class `within`."""

    def __init__(self, within: str) -> None:
        super().__init__()
        self.within = within
        self.depth = 0  # open elements since the one of class `within`; 0 outside it
        self.links: list[tuple[str, str, str, str]] = []
        self.href: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Enter the element, or note a link in it."""
        found = {k: v or "" for k, v in attrs}
        if self.depth or self.within in found.get("class", "").split():
            self.depth += tag not in ("br", "img", "input", "meta", "link")
        if self.depth and tag == "a":
            self.href = found

    def handle_endtag(self, tag: str) -> None:
        """Leave an element."""
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        """A link's text."""
        if self.href is not None and data.strip():
            attrs, self.href = self.href, None
            self.links.append(
                (attrs["href"], attrs.get("lang", ""), attrs.get("hreflang", ""), data.strip())
            )


def links_in(html: str, within: str) -> list[tuple[str, str, str, str]]:
    """The links of `html` inside its element of class `within`."""
    parser = Links(within)
    parser.feed(html)
    return parser.links


def test_the_first_page_of_a_language_links_its_other_pages(tmp_path: Path) -> None:
    """Review R5: the footer links a language's first page only and the menu no page in
    another language, so a second English page was reachable from nowhere. The first lists
    the others under a heading in English; the menu stays the site's own items."""
    root = copy_site(tmp_path)
    menu = links_in(build_site(root).html("/"), "site-nav")
    pages = root / "content" / "pages"
    for slug, order, lang, title in (
        ("about", 5, "en", "About us"),
        ("visitors", 7, "en-GB", "For visitors"),
        ("residents", 9, "en", "For foreign residents"),
        ("sobre", 9, "pt", "Sobre nós"),
    ):
        (pages / f"{slug}.md").write_text(
            f'---\ntitle: "{title}"\nlang: {lang}\norder: {order}\n---\n\nText.\n', "utf-8"
        )
    site = build_site(root)
    first = site.html("/about/")
    assert links_in(first, "same-language") == [
        ("/visitors/", "en-GB", "en-GB", "For visitors"),
        ("/residents/", "en", "en", "For foreign residents"),
    ]
    assert re.search(
        r'<nav class="same-language" lang="en" aria-labelledby="cung-ngon-ngu">\s*'
        r'<h2 id="cung-ngon-ngu">More in English</h2>',
        first,
    ), first
    # The others, and a language alone in its own, list nothing; the menu is as it was.
    for url in ("/visitors/", "/residents/", "/sobre/", "/"):
        assert 'class="same-language"' not in site.html(url), url
    assert ("/lien-he/", "", "", "Liên hệ") in menu
    assert links_in(first, "site-nav") == links_in(site.html("/"), "site-nav") == menu
