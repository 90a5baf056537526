"""Hostile input: every payload of tests/hostile/xss.txt in every field renders inert on every channel.

One project holds one bulletin per payload, with the payload in the title, summary, tags, author,
body (paragraph, list, quote, table, link text and URL, image alt and caption), cover alt, extra
front matter and the file name, plus a page made of all of them. All three channels are built
and written; then every file is parsed, not searched for substrings: HTML with html.parser
(tags and attributes), feeds and sitemaps as XML, Zalo payloads and rundowns as JSON, the Word
script as XML, and the plain-text radio scripts for anything a browser or Zalo could read as markup.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from publish import config as config_module
from publish.content import load_site
from publish.errors import ContentError
from publish.linkcheck import SiteLinks
from publish.pipeline import build
from publish.radio.normalise import normalise
from publish.render.zalo.blocks import plain_text
from publish.writer import write
from tests.helpers import NOW, OA_ID, SITE_TOML, make_project
from tests.zalo_project import jpeg

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "hostile" / "xss.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("# ")
]
SCHEME_RE = re.compile(r"^(?:javascript|vbscript|data|livescript):", re.IGNORECASE)
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "data",
    "background",
    "srcset",
    "cite",
}
FORBIDDEN_TAGS = {
    "iframe",
    "object",
    "embed",
    "style",
    "base",
    "form",
    "input",
    "button",
    "frame",
    "frameset",
    "applet",
    "math",
    "template",
    "noscript",
    "textarea",
    "marquee",
    "details",
    "video",
    "audio",
    "source",
}
MARKUP_RE = re.compile(r"<[A-Za-z!/?]")
TOML = (
    SITE_TOML.replace(
        'base_url = "https://congan-chauthanh.example.vn/"\n',
        'base_url = "https://congan-chauthanh.example.vn/"\ndefault_cover = "images/bia.jpg"\n',
    )
    + "\n[web]\nfeed_items = 200\n"
    + f'\n[zalo]\noa_id = "{OA_ID}"\n'
)
THEME_FORMS = {
    "tim-kiem/index.html": {"form", "input", "button", "noscript"},
    "404.html": {"form", "input", "button"},
}
"""The theme's own search forms (no content reaches them); any other form is an injection."""
THEME_SHARE = {"type": "button", "class": "more"}
"""bulletin.html's share button (its data-url and data-title aside): a second one, or one with
other attributes, is an injection."""
THEME_MENU = {"class": "nav-menu"}
"""base.html's menu on a phone, one <details> per page (opened by a tap, no script): a second
one, or one with other attributes, is an injection."""
THEME_LINES = {
    page: re.findall(
        r"<script>(.*?)</script>",
        (config_module.BUILTIN_THEME / "web" / template).read_text("utf-8"),
        re.DOTALL,
    )
    for page, template in (
        ("tim-kiem/index.html", "search.html"),
        ("404.html", "404.html"),
        ("*", "base.html"),
    )
}
THEME_LINES["*"] += re.findall(
    r"<script>(.*?)</script>",
    "".join(
        (config_module.BUILTIN_THEME / "web" / template).read_text("utf-8")
        for template in ("bulletin.html", "_macros.html")
    ),
    re.DOTALL,
)
"""The inline scripts of the search and 404 pages (fixed text, no template value in them): the
line marking the page when search.js can run there, the 404 page's filling of its box from
the address, and base.html's (on every page, «*»): the home page's showing of its note to a
page opened from a file and the category strip's scroll to its marked chip; bulletin.html's
share button's; and _macros.html's, giving a table's scroll box a Tab stop only while it
scrolls. Any other inline script is an injection."""

CSS_STRING = r'"(?:[^"\\<>\x00-\x1f]|\\[0-9a-f]{6})*"'
"""A CSS string as the theme's `css_string` filter writes one: any character but a quote, a
backslash, `<`, `>` or a control character (a line break ends a CSS string), or a six-digit
escape."""
THEME_STYLES = [
    re.compile(CSS_STRING.join(re.escape(part) for part in re.split(r"\{\{.*?\}\}", style)))
    for style in re.findall(
        r"<style>(.*?)</style>",
        (config_module.BUILTIN_THEME / "web" / "bulletin.html").read_text("utf-8"),
        re.DOTALL,
    )
]
"""bulletin.html's one <style> in <head>: the @page rule printing the unit's numbers on every
sheet, each `{{ … }}` in it a CSS string. A second <style>, one in <body>, or one whose text is
not this (a string ended early, a rule more) is an injection."""


def _file_name(index: int, payload: str) -> str:
    """A file name carrying the payload, minus what no file name may hold on Windows (refused)."""
    cleaned = re.sub(r'[<>:"|?*\\/\x00-\x1f]', "_", payload).rstrip(" .")
    return f"content/bai-viet/x{index:02d}-{cleaned.encode()[:150].decode('utf-8', 'ignore')}.md"


def _as_link(payload: str) -> str:
    """The payload as a link's address that reaches the renderers: with a scheme, from the site's
    root or an anchor as written; a relative one (`svg/onload=…`) from the root, since a
    relative link leading to nothing in content/ is refused at load (tests/test_relative_links.py)."""
    written = payload.strip()
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:|[/#]", written):
        return payload
    return "/" + payload


def _bulletin(index: int, payload: str, *, in_body: bool = True) -> str:
    """A valid, approved bulletin with the payload in every free-text field (and the body)."""
    front = {
        "id": f"x{index:02d}",
        "title": payload[:140],
        "date": f"2020-12-{1 + index % 28:02d} 08:00",
        "category": "canh-bao-toi-pham",
        "summary": payload[:290],
        "tags": [payload[:60], f"thẻ {payload[:40]}"],
        "author": payload,
        "approved_by": "Thượng tá Nguyễn Văn Hùng",
        "cover": "images/anh.jpg",
        "cover_alt": payload,
        "nguon_tin": payload,
        "<img src=x onerror=alert(1)>": payload,
        "zalo": {"title": payload[:140], "summary": payload[:290]},
        "radio": {"lead_in": f"Kính thưa quý vị. {payload}", "tag": payload},
    }
    body = (
        "Nội dung.\n"
        if not in_body
        else f"{payload}\n\nĐoạn văn có {payload} ở giữa câu.\n\n"
        f'![{payload}](images/anh.jpg "{payload}")\n\n'
        f"Ảnh trong đoạn: ![{payload}](images/anh.jpg) và tiếp.\n\n"
        f"[{payload}](https://congan-chauthanh.example.vn/) và [bấm vào]({_as_link(payload)})\n\n"
        f"- {payload}\n- mục hai\n\n> {payload}\n\n| cột | {payload} |\n|---|---|\n| {payload} | x |\n\n"
        f"**{payload}** và `{payload}`\n"
    )
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> dict[int, ContentError]:
    """Payloads the loader refuses in a body (e.g. <img> without alt), with the error it gave."""
    errors = {}
    for index, payload in enumerate(PAYLOADS):
        root = make_project(
            tmp_path_factory.mktemp(f"one{index}"),
            {
                "site.toml": TOML,
                "content/images/anh.jpg": jpeg(),
                _file_name(index, payload): _bulletin(index, payload),
            },
        )
        try:
            load_site(config_module.load(root), now=NOW)
        except ContentError as exc:
            errors[index] = exc
    return errors


def test_payloads_refused_in_a_body_get_a_clear_error_naming_file_and_line(
    refused: dict[int, ContentError],
) -> None:
    assert len(refused) < len(PAYLOADS) // 4  # most are accepted and must render inert
    for index, error in refused.items():
        for problem in error.problems:
            assert problem.file == _file_name(index, PAYLOADS[index])
            assert problem.line is not None and problem.hint
            if problem.severity == "warning":
                # The front matter key «<img src=x …>» holds spaces, which no field has: its
                # value is dropped, and that is told (as for a value's second line read as a key).
                assert problem.field == "<img src=x onerror=alert(1)>"
                continue
            # An <img> is checked as a Markdown image is: alt text, then where it leads.
            assert problem.message == "thẻ <img> thiếu mô tả (alt)" or problem.message.startswith(
                ("đường dẫn ảnh không được phép: ", "không tìm thấy ảnh ")
            )


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory, refused: dict[int, ContentError]) -> Path:
    """The hostile project, built and written for all three channels."""
    files: dict[str, str | bytes] = {
        "site.toml": TOML,
        "content/images/bia.jpg": jpeg(),
        "content/images/anh.jpg": jpeg(color=(20, 90, 160)),
        "content/pages/gioi-thieu.md": "---\n"
        + yaml.safe_dump({"title": "Giới thiệu " + PAYLOADS[0], "summary": PAYLOADS[1]})
        + "---\n\n"
        + "\n\n".join(p for i, p in enumerate(PAYLOADS) if i not in refused)
        + "\n",
    }
    for index, payload in enumerate(PAYLOADS):
        in_body = index not in refused
        files[_file_name(index, payload)] = _bulletin(index, payload, in_body=in_body)
    root = make_project(tmp_path_factory.mktemp("hostile"), files)
    config = config_module.load(root)
    result = build(config, channels=("web", "zalo", "radio"), now=NOW)
    artifacts = list(result.artifacts)
    write(artifacts, root / "output", ("web", "zalo", "radio"))
    assert len(result.site.bulletins) == len(PAYLOADS)
    (root / "output" / ".links").write_text(
        "\n".join(p.render() for p in _link_problems(config.base_url, artifacts)), "utf-8"
    )
    return root / "output"


def _link_problems(base_url: str, artifacts: list) -> list:
    """Broken internal links of the built website."""
    links = SiteLinks(base_url)
    for artifact in artifacts:
        links.add(artifact)
    return links.problems()


def _unsafe_url(value: str) -> bool:
    """Whether a URL would run script when followed (browsers drop whitespace and controls first)."""
    value = re.sub(r"[\x00-\x20]", "", html.unescape(value))
    return bool(SCHEME_RE.match(value)) or any(
        SCHEME_RE.match(part.strip()) for part in value.split(",")
    )


SITE_REFRESH_RE = re.compile(r"0; url=/(?:[a-z0-9-]+/)*(?:#[a-z0-9-]+)?")
"""A redirect page's refresh to a folder of the website (a plain site path, nothing else)."""


class Inspector(HTMLParser):
    """Collects everything in one HTML document that could execute script."""

    def __init__(self, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.found: list[str] = []
        self.script: str | None = None
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.style: str | None = None
        self.styles = 0
        self.in_head = False
        self.menus = 0
        self.shares = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Check one element and its attributes."""
        values = {k: v or "" for k, v in attrs}
        if tag in ("head", "body"):
            self.in_head = tag == "head"
        theme_menu = tag == "details" and values == THEME_MENU and not self.menus
        self.menus += theme_menu
        shared = {k: v for k, v in values.items() if k not in ("data-url", "data-title")}
        theme_share = (
            tag == "button"
            and shared == THEME_SHARE
            and values.get("data-url", "").startswith("https://")
            and not self.shares
        )
        self.shares += theme_share
        # The theme's <style> is told from an injected one by its text (handle_endtag).
        theme_own = theme_menu or theme_share or (tag == "style" and self.in_head and not attrs)
        if tag in FORBIDDEN_TAGS and tag not in THEME_FORMS.get(self.where, ()) and not theme_own:
            self.found.append(f"<{tag}>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            # The website's own redirect pages (a trimmed address such as /2020/12/) send the
            # browser to one of its folders from their <head>, which no text of a bulletin
            # reaches; anything else is a payload that got through.
            own = self.in_head and SITE_REFRESH_RE.fullmatch(values.get("content", ""))
            if not own:
                self.found.append("<meta http-equiv=refresh>")
        if tag == "script":
            self.script = ""
            self.scripts.append((values, ""))
        if tag == "style" and theme_own:
            self.style = ""
        for name, value in values.items():
            if name.startswith("on") or name in ("srcdoc", "formaction"):
                self.found.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and _unsafe_url(value):
                self.found.append(f"<{tag} {name}={value[:30]!r}>")
            if name == "style" and re.search(r"url\(|expression|javascript", value, re.I):
                self.found.append(f"<{tag} style={value[:30]!r}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Self-closing elements are checked like any other."""
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        """Remember the text of a script or style element."""
        if self.script is not None:
            self.script += data
        if self.style is not None:
            self.style += data

    def handle_endtag(self, tag: str) -> None:
        """Close a script or style element and check what it may hold."""
        if tag == "head":
            self.in_head = False
        if tag == "style" and self.style is not None:
            self.styles += 1
            if self.styles > 1 or not any(s.fullmatch(self.style) for s in THEME_STYLES):
                self.found.append(f"<style>{self.style[:60]}")
            self.style = None
        if tag == "script" and self.script is not None:
            attrs, _ = self.scripts[-1]
            self.scripts[-1] = (attrs, self.script)
            self.script = None

    def problems(self) -> list[str]:
        """What was found, with the theme's own two scripts allowed."""
        found = list(self.found)
        for attrs, text in self.scripts:
            if attrs.get("type") == "application/ld+json":
                json.loads(text)  # the JSON-LD must stay JSON: nothing broke out of it
            elif set(attrs) <= {"src", "defer"} and re.fullmatch(
                r"/assets/search\.[0-9a-f]+\.js|/assets/search\.js", attrs.get("src", "")
            ):
                assert not text.strip()
            elif not attrs and text in (*THEME_LINES.get(self.where, ()), *THEME_LINES["*"]):
                pass
            else:
                found.append(f"<script {attrs}>{text[:30]}")
        return [f"{self.where}: {item}" for item in found]


def inspect_html(text: str, where: str) -> list[str]:
    """Everything executable in one HTML document or fragment."""
    inspector = Inspector(where)
    inspector.feed(text)
    inspector.close()
    return inspector.problems()


def test_the_corpus_is_big_enough_to_mean_something() -> None:
    assert len(PAYLOADS) >= 50


def test_every_html_page_is_inert(output: Path) -> None:
    pages = sorted((output / "web").rglob("*.html"))
    assert len(pages) > len(PAYLOADS)
    web = output / "web"
    found = [
        problem
        for page in pages
        for problem in inspect_html(page.read_text("utf-8"), page.relative_to(web).as_posix())
    ]
    assert found == []


def test_the_body_still_says_what_the_editor_wrote_as_text(output: Path) -> None:
    page = (output / "web/2020/12").rglob("x00-*/index.html")
    text = next(page).read_text("utf-8")
    assert "&lt;script&gt;alert(&#39;XSS&#39;)&lt;/script&gt;" in text  # shown, not run


def test_every_feed_and_sitemap_is_well_formed_xml_with_inert_html(output: Path) -> None:
    feeds = sorted((output / "web").rglob("*.xml"))
    assert len(feeds) >= 3
    ns = "{http://www.w3.org/2005/Atom}"
    entries = 0
    for feed in feeds:
        root = ET.fromstring(feed.read_bytes())  # raises on anything not well-formed
        for entry in root.iter(f"{ns}entry"):
            entries += 1
            content = entry.find(f"{ns}content")
            assert content is not None and content.get("type") == "html"
            assert inspect_html(content.text or "", feed.name) == []
            for tag in ("title", "summary"):
                node = entry.find(f"{ns}{tag}")
                assert node is not None and node.get("type") in (None, "text")
            for link in entry.iter(f"{ns}link"):
                assert not _unsafe_url(link.get("href", ""))
    assert entries >= len(PAYLOADS)


def _strings(value: object) -> Iterator[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_zalo_payloads_hold_plain_text_and_safe_urls_only(output: Path) -> None:
    files = sorted((output / "zalo").glob("*.json"))
    assert len(files) == len(PAYLOADS)
    bad: list[tuple[str, ...]] = []
    for file in files:
        payload = json.loads(file.read_text("utf-8"))
        for block in payload["body"]:
            if block["type"] == "text" and MARKUP_RE.search(block["content"]):
                bad.append((file.name, block["content"][:60]))
            if block["type"] == "image":
                assert block["url"].startswith("https://congan-chauthanh.example.vn/")
        for field in ("title", "description", "author"):
            if MARKUP_RE.search(payload[field]):
                bad.append((file.name, field, payload[field][:60]))
        assert payload["cover"]["photo_url"].startswith("https://")
    assert bad == []


def test_radio_scripts_hold_no_markup(output: Path) -> None:
    # What is read on air: item scripts and episode scripts (rundowns are staff notes that quote
    # the editor's source in their warnings; they are checked to be valid text and JSON only).
    radio = output / "radio"
    items = sorted((radio / "items").glob("*.txt"))
    # Some bulletins are held back from the radio by read-aloud flags (warnings), not all.
    assert len(items) > len(PAYLOADS) // 2
    bad = []
    for file in [*items, *radio.rglob("script.txt")]:
        text = file.read_text("utf-8")
        for found in (MARKUP_RE.search(text), re.search(r"\]\(|\*\*|!\[", text)):
            if found:
                bad.append((file.relative_to(output).as_posix(), found[0]))
    for file in sorted(radio.rglob("rundown.json")):
        json.loads(file.read_text("utf-8"))
    assert bad == []


def test_radio_word_scripts_are_well_formed_documents(output: Path) -> None:
    documents = sorted((output / "radio").rglob("script.docx"))
    assert documents
    for document in documents:
        with zipfile.ZipFile(document) as archive:
            for name in archive.namelist():
                if name.endswith(".xml"):
                    ET.fromstring(archive.read(name))
            words = ET.fromstring(archive.read("word/document.xml")).itertext()
            assert not MARKUP_RE.search("".join(words))


def test_search_index_is_valid_json(output: Path) -> None:
    files = sorted((output / "web").rglob("*.json"))
    assert "index.json" in [file.name for file in files], files  # else nothing was looked at
    for file in files:
        json.loads(file.read_text("utf-8"))


def test_link_check_blames_the_bulletin_never_the_theme(output: Path) -> None:
    # A payload used as a link target is a broken link: an error naming the file that wrote it.
    # Hostile titles, tags and file names never break the links the theme makes.
    report = (output / ".links").read_text("utf-8").splitlines()
    blamed = [line.split(".md:")[0] for line in report if not line.startswith("    ")]
    assert blamed and all(line.startswith("content/") for line in blamed)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_read_aloud_normaliser_leaves_no_markup(payload: str) -> None:
    spoken = normalise(f"Tin. {payload} Hết.\n\n`{payload}`\n").text
    assert not MARKUP_RE.search(spoken) and "`" not in spoken


@pytest.mark.parametrize("payload", PAYLOADS)
def test_zalo_plain_text_leaves_no_markup(payload: str) -> None:
    assert not MARKUP_RE.search(plain_text(payload))
    assert not MARKUP_RE.search(plain_text(html.unescape(payload)))
