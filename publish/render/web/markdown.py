"""Markdown → safe HTML: Python-Markdown, responsive figures, Vietnamese heading ids, then nh3.

The sanitiser runs last, with an allowlist: no script, iframe, object, style, event handlers, or
javascript:/data: URLs can reach a page whatever the editor typed. A plain body (no HTML, no
entity, no escape: publish.markdown_plain) is written without Python-Markdown, and cleaned as
nh3 cleans it (`plain_cleaned`), by nh3 itself when any URL in it is not plainly allowed.
"""

from __future__ import annotations

import html as htmllib
import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import partial
from typing import Protocol, cast

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.toc import (
    TocExtension,
    TocTreeprocessor,
    remove_fnrefs,
    render_inner_html,
    strip_tags,
    unique,
)
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor, UnescapeTreeprocessor

from publish.addresses import text_spells_address
from publish.content_images import img_attributes
from publish.html_img import with_img_tags
from publish.links import KEPT_SCHEMES, browser_href, held_words
from publish.markdown_dialect import dialect_extensions
from publish.markdown_plain import PlainMarkdown
from publish.markdown_tuning import tuned
from publish.render.web.image_info import SIZED, SIZES, ImageInfo, ImageLookup, sized_attributes
from publish.render.web.plain_body import heading_level, plain_body_html, text_heading_id
from publish.text import slugify
from publish.titled_names import DATED_PATH, held_captions_dropped, names_something_held

__all__ = [
    "SAME_TEXT",
    "SIZED",
    "SIZES",
    "ImageInfo",
    "MarkdownRenderer",
    "RawImages",
    "same_text_marked",
    "scroll_regions",
]

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "s", "small", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "*": {"id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes", SIZED},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
}
URL_SCHEMES = set(KEPT_SCHEMES)  # links.dropped_links tells a link with any other
SRCSET_RE = re.compile(r"^/[^\s,]+ \d+w(, /[^\s,]+ \d+w)*$")


LinkLookup = Callable[[str], "str | None"]
"""A link's href → the site path it leads to instead (a link to a content file), or None."""
OwnLookup = Callable[[str], "str | None"]
"""A link's href → its site path when written with the site's own address, else None."""
TextLookup = Callable[[str, str], "str | None"]
"""A link's href and its text → the text to show instead, or None to keep it."""
AddressLookup = Callable[[str], str]
"""A link's href → the site path of the page not published now it names (links.held_address)."""


ALIGN_RE = re.compile(r"\s*text-align\s*:\s*(left|right|center)\s*;?\s*", re.IGNORECASE)
"""A cell's style as a Markdown table's `|---:|` writes it («text-align: right;»), or one
written as HTML: the only style a body keeps."""


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Only srcsets we made ourselves (site paths with widths) survive, and of a table cell's
    style only its alignment: a column of amounts right-aligned by `|---:|` lost it, on the page
    and in the feeds, and read harder to compare."""
    if attribute == "srcset" and not SRCSET_RE.fullmatch(value):
        return None
    if attribute == "style":
        found = ALIGN_RE.fullmatch(value)
        return None if found is None else f"text-align: {found[1].lower()};"
    return value


CLEANER = nh3.Cleaner(
    tags=TAGS,
    attributes=ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener",
    strip_comments=True,
    clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
    attribute_filter=_keep_attribute,
)


ATTRIBUTE_VALUE_RE = re.compile(r'="([^"]*)"')
"""An attribute's value; its name is read before it (a regex opening with the name would be
tried at every character: ~60 µs a body, where this literal start is ~3 µs)."""
KEPT_URL_RE = re.compile(
    r"https?://(?:[A-Za-z0-9](?:-?[A-Za-z0-9])*\.)*[A-Za-z](?:-?[A-Za-z0-9])*(?:[/?#]|$)"
    r"|(?:mailto|tel):|[^:]*$"
)
"""A URL the sanitiser keeps as it is: no scheme at all, mailto: or tel:, or http(s) with a
plain host name (letters, digits, single hyphens inside labels, no port). nh3 drops a web
address whose host does not parse ("vi.:example", "xn--x", an invisible character in it), so
any other host is left to nh3 itself."""
PLAIN_LINK_RE = re.compile(r'(<a href="[^"]*")>')
XML_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 forbids even as a reference, which a body's `&#1;` becomes in HTML."""


def plain_cleaned(html: str) -> str:
    """What CLEANER.clean writes for the HTML of a plain body (plain_body_html): its links
    get rel="noopener" and no-break spaces their entity; nothing else in that HTML is ever
    changed, unless a URL or srcset might be dropped, which the sanitiser itself then decides.
    The sanitiser's parse and serialisation are ~0.19 ms of a body's ~0.3 ms."""
    for match in ATTRIBUTE_VALUE_RE.finditer(html):
        at, value = match.start(), match[1]
        if html.endswith(" srcset", 0, at):
            kept = SRCSET_RE.fullmatch(value)
        elif html.endswith((" href", " src"), 0, at):
            kept = KEPT_URL_RE.match(value)
        else:
            continue
        if kept is None:
            return CLEANER.clean(html)
    if "<a " in html:
        html = PLAIN_LINK_RE.sub(r'\1 rel="noopener">', html)
    return html.replace("\xa0", "&nbsp;") if "\xa0" in html else html


class _Figures(Treeprocessor):
    """Turns a paragraph holding only an image into a figure with a caption, sized and lazy."""

    def __init__(self, md: markdown.Markdown, renderer: MarkdownRenderer) -> None:
        super().__init__(md)
        self.renderer = renderer

    def run(self, root: ET.Element) -> None:
        """Rewrite every image in the document, first one eager when asked."""
        _heading_levels(root)
        if next(root.iter("img"), None) is None:
            return  # most bodies: no walk over every element in Python (~30 us each)
        first = True
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "p" and _only_image(child):
                    image = child[0]
                    child.remove(image)  # else the old <p> still holds it: sized again, lazy
                    figure = self._figure(image, eager=first and self.renderer.eager_first)
                    figure.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, figure)
                    first = False
                elif child.tag == "img":
                    self._size(child, eager=first and self.renderer.eager_first)
                    first = False

    def _figure(self, image: ET.Element, *, eager: bool) -> ET.Element:
        """A <figure> around the image, its Markdown title becoming the caption."""
        figure = ET.Element("figure")
        caption = image.attrib.pop("title", "")
        image.tail = None
        self._size(image, eager=eager)
        figure.append(image)
        if caption:
            ET.SubElement(figure, "figcaption").text = caption
        return figure

    def _size(self, image: ET.Element, *, eager: bool) -> None:
        """Add srcset, size and loading hints for local images."""
        # The escapes are still placeholders here ("anh\\_1.jpg"): the file is "anh_1.jpg".
        unescaper = cast(UnescapeTreeprocessor, self.md.treeprocessors["unescape"])
        info = self.renderer.lookup(unescaper.unescape(image.get("src", "")))
        for name, value in sized_attributes(info, eager=eager):
            image.set(name, value)


def _heading_levels(root: ET.Element) -> None:
    """Headings start at h2 (the page title is the h1) and never skip a level going down."""
    previous = 1
    for element in root.iter():
        if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = heading_level(int(element.tag[1]), previous)
            element.tag = f"h{level}"
            previous = level


def _only_image(paragraph: ET.Element) -> bool:
    """Whether a <p> holds exactly one image and no text."""
    return (
        len(paragraph) == 1
        and paragraph[0].tag == "img"
        and not (paragraph.text or "").strip()
        and not (paragraph[0].tail or "").strip()
    )


class _FiguresExtension(Extension):
    """Registers the figure rewriter after inline parsing, before the heading ids."""

    def __init__(self, renderer: MarkdownRenderer) -> None:
        super().__init__()
        self.renderer = renderer

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Hook the treeprocessor in."""
        md.treeprocessors.register(_Figures(md, self.renderer), "publish_figures", 8)


class RawImages(Extension):
    """Our dialect: an <img> written as raw HTML shows a content image as a Markdown image
    does, from the site's processed files (`renderer.lookup` gives them)."""

    def __init__(self, renderer: HasLookup) -> None:
        super().__init__()
        self.renderer = renderer

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Hook the rewriter in before "raw_html" (30) puts the stashed HTML back."""
        self.rewriter = _RawImages(md, self.renderer)
        md.postprocessors.register(self.rewriter, "publish_raw_images", 35)
        md.registerExtension(self)

    def reset(self) -> None:
        """A new document: none of its raw HTML is rewritten yet."""
        self.rewriter.done = 0


class HasLookup(Protocol):
    """Whatever holds the image lookup of the document being converted."""

    lookup: ImageLookup


ATTRIBUTE_NAME_RE = re.compile(r"[a-z][a-z0-9_.:-]*")


class _RawImages(Postprocessor):
    """Gives an <img> the editor wrote as HTML what _Figures gives a Markdown image: the
    site's processed files (a relative src would lead under the bulletin's own address)."""

    def __init__(self, md: markdown.Markdown, renderer: HasLookup) -> None:
        super().__init__(md)
        self.renderer = renderer
        self.done = 0
        """Stashed pieces rewritten already: the toc extension runs every postprocessor on
        its table of contents too, before they run on the document."""

    def run(self, text: str) -> str:
        """Rewrite the images of every stashed piece of raw HTML not rewritten yet."""
        blocks = self.md.htmlStash.rawHtmlBlocks
        for index in range(self.done, len(blocks)):
            block = blocks[index]
            if isinstance(block, str):
                blocks[index] = with_img_tags(block, partial(self._responsive, block))
        self.done = len(blocks)
        return text

    def _responsive(self, block: str, start: int, end: int) -> str:
        """The <img> tag `block[start:end]` with the variants of its local image (the editor's
        size and loading kept), or as written when it shows no content image."""
        tag = block[start:end]
        attributes = img_attributes(tag)
        info = self.renderer.lookup(attributes.get("src", "").strip())
        if info is None:
            return tag
        attributes.update(src=info.src, srcset=info.srcset, sizes=SIZES)
        attributes.pop(SIZED, None)
        if "width" not in attributes and "height" not in attributes:
            attributes.update({"width": str(info.width), "height": str(info.height), SIZED: ""})
        attributes.setdefault("loading", "lazy")
        attributes.setdefault("decoding", "async")
        written = (
            f'{name}="{htmllib.escape(value)}"'
            for name, value in attributes.items()
            if ATTRIBUTE_NAME_RE.fullmatch(name)
        )
        return f"<img {' '.join(written)}>"


def heading_id(value: str, separator: str) -> str:
    """Heading ids the Vietnamese way: "Đường dây nóng" → "duong-day-nong"."""
    return slugify(value)


TOC_CONFIG = {"slugify": heading_id, "toc_depth": "2-4"}
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
HEADER_RE = re.compile("[Hh][123456]")  # what the toc extension takes for a heading
# Heading text holding none of these reads the same after toc's serialise, unescape,
# postprocess, strip-tags and html.unescape round trip, up to whitespace.
PLAIN_TEXT_RE = re.compile("[&<>\x02\x03]")


class _HeadingIds(Treeprocessor):
    """The ids the "toc" extension gives headings, without building a table of contents.

    Plain-text headings (nearly all) are named straight from their text; any other heading
    goes through toc's own functions. A document with a "[TOC]" marker or an odd heading tag
    is handed whole to the toc extension's treeprocessor, so it renders as it always did.
    """

    def __init__(self, md: markdown.Markdown, renderer: MarkdownRenderer) -> None:
        super().__init__(md)
        self.renderer = renderer
        self.toc = TocTreeprocessor(md, TocExtension(**TOC_CONFIG).getConfigs())

    def run(self, doc: ET.Element) -> None:
        """Give each heading without an id a unique slug of its text ("## Nội dung" on a page
        whose <main> is #noi-dung becomes #noi-dung-1)."""
        used_ids: set[str] = set(self.renderer.taken_ids)
        headings = []
        for element in doc.iter():
            attrib = element.attrib
            if "id" in attrib:
                used_ids.add(attrib["id"])
            text = element.text
            if text and "[TOC]" in text:
                return self.toc.run(doc)
            tag = element.tag
            if tag in HEADINGS:
                headings.append(element)
            elif isinstance(tag, str) and HEADER_RE.match(tag):
                return self.toc.run(doc)
        counters: dict[str, int] = {}
        for heading in headings:
            text = heading.text or ""
            if len(heading) or heading.attrib or PLAIN_TEXT_RE.search(text):
                self._slow_id(heading, used_ids, counters)
            else:
                heading.attrib["id"] = text_heading_id(text, used_ids, counters)

    def _slow_id(self, heading: ET.Element, used_ids: set[str], counters: dict[str, int]) -> None:
        """toc's own steps for a heading with markup, entities or attributes."""
        name = strip_tags(render_inner_html(remove_fnrefs(heading), self.md))
        # As toc does since markdown 3.11.4: an empty id, or attr_list's valueless one, is none.
        if not heading.attrib.get("id"):
            heading.attrib["id"] = unique(
                heading_id(htmllib.unescape(name), "-"), used_ids, counters
            )
        heading.attrib.pop("data-toc-label", None)


class MarkdownRenderer:
    """One reusable Markdown converter; `lookup` maps an image src to its responsive variants."""

    def __init__(self) -> None:
        """Build the converter once; it is reset between documents."""
        self.lookup: ImageLookup = lambda src: None
        self.eager_first = False
        self.taken_ids: frozenset[str] = frozenset()
        self._md = markdown.Markdown(
            extensions=[
                *dialect_extensions(),
                _FiguresExtension(self),
                RawImages(self),
            ],
            extension_configs={
                "extra": {"footnotes": {"BACKLINK_TITLE": "Quay lại chỗ chú thích %d trong bài"}},
            },
            output_format="html",
        )
        self._md.treeprocessors.register(_HeadingIds(self._md, self), "toc", 5)
        tuned(self._md)
        self.plain = PlainMarkdown(self._md)
        """Writes a plain body's HTML without the converter (off: every body takes it)."""

    def convert(
        self,
        text: str,
        *,
        lookup: ImageLookup,
        eager_first: bool = False,
        prefix: str = "",
        taken_ids: frozenset[str] = frozenset(),
        link: LinkLookup = lambda href: None,
        own: OwnLookup = lambda href: None,
        shown: TextLookup | None = None,
        held_at: AddressLookup = lambda href: "",
    ) -> str:
        """Sanitised HTML for one Markdown document; links to content files ("x.md") lead
        where `link` says, links to site paths ("/the/…") get the folder the site is served
        under (`prefix`, e.g. "/chau-thanh"), as images do, links written with the site's own
        address become the site path `own` gives (with `prefix`), a link whose text has no
        markup shows the text `shown` gives instead, when it gives one, and headings never take
        an id the page around the body uses (`taken_ids`); a link to a page not published now
        (links.HELD) keeps its words, neutral ones when they spell the address `held_at`
        gives it or its file's name."""
        blocks = self.plain.parse(text)
        if blocks is not None:
            html = plain_cleaned(
                plain_body_html(blocks, lookup=lookup, eager_first=eager_first, taken_ids=taken_ids)
            )
        else:
            html = CLEANER.clean(
                self._stock(text, lookup=lookup, eager_first=eager_first, taken_ids=taken_ids)
            )
        if XML_FORBIDDEN_RE.search(html):
            # The sanitiser writes `&#1;` or `&#xFFFE;` as the character itself: in the Atom
            # feed one such character made the whole feed unreadable. Zalo and radio drop it.
            html = XML_FORBIDDEN_RE.sub("", html)
        html = _drop_orphan_backlinks(html)
        if shown is not None and "//" in html:
            # Before the hrefs change: `shown` is asked about the href as written.
            html = TEXT_LINK_RE.sub(partial(_texted, shown), html)
        if (
            ".md" in html
            or FILE_LINK_RE.search(html) is not None
            # A page's address typed from the browser: `link` says when that page is held.
            or SITE_LINK_RE.search(html) is not None
        ):
            # After the sanitiser, so links in the editor's HTML are found too, in one spelling;
            # a link to a file the site serves (a form, a notice) leads to it as well.
            held: list[bool] = []
            html = LINK_RE.sub(partial(_linked, link, held), html)
            if held:
                html = _unheld(html, held_at)
        if ('title="' in html or "<figcaption>" in html) and (
            ".md" in html or DATED_PATH.search(html) is not None
        ):
            html = TITLED_TAG_RE.sub(partial(_held_title_dropped, link), html)
            # A caption naming a file the website has no page of now (links.HELD is ""),
            # as the check and Zalo read them.
            html = held_captions_dropped(
                html,
                lambda words: names_something_held(words, lambda name: link(name) == ""),
            )
        if 'href="' in html:
            html = SITE_LINK_RE.sub(partial(_site_link, prefix, own), html)
        return html

    def _stock(
        self, text: str, *, lookup: ImageLookup, eager_first: bool, taken_ids: frozenset[str]
    ) -> str:
        """Python-Markdown's HTML for a body, with the figures and heading ids of the site."""
        self.lookup = lookup
        self.eager_first = eager_first
        self.taken_ids = taken_ids
        try:
            return self._md.reset().convert(text)
        finally:
            self.lookup = lambda src: None


LINK_RE = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)"')
FILE_LINK_RE = re.compile(
    r'<a\b[^>]*?\bhref="(?![a-zA-Z][a-zA-Z0-9+.-]*:|//|#)[^"]*\.[a-zA-Z0-9]{2,5}(?:[#?][^"]*)?"'
)
"""A link (in the sanitiser's spelling) that may name a file by a relative path or a path from
content/ (see
publish.attachments.is_file_link, which `link` asks)."""
"""A link and its (escaped) href, in the sanitiser's own spelling."""


HELD_MARK = "<a data-held-link"
"""How `_linked` marks a link to a page the website does not have now (links.HELD), for
`_unheld` to take off: the sanitiser has run, so no body can spell it."""
HELD_LINK_RE = re.compile(r'<a data-held-link[^>]*?\bhref="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)
"""A marked link, its (escaped) href and its words (links do not nest: its own `</a>` is the
next one)."""


def _linked(link: LinkLookup, held: list[bool], match: re.Match[str]) -> str:
    """A link with the href `link` gives its target instead, when it gives one (marked for
    `_unheld` when it gives links.HELD, and `held` told so: no scan of the page for a mark)."""
    found = link(browser_href(match[2]))
    if found is None:
        return match[0]
    if not found:
        held.append(True)
        return HELD_MARK + match[0][2:]
    return f'{match[1]}{htmllib.escape(found)}"'


def _unheld(html: str, held_at: AddressLookup) -> str:
    """`html` with each link `_linked` marked reduced to its words: the page it leads to is
    not published now, and its address (from its title) must not be; words naming its file
    or the address `held_at` gives (its address as the link's text) become neutral ones
    (links.held_words)."""
    return HELD_LINK_RE.sub(partial(_held_words, held_at), html)


def _held_words(held_at: AddressLookup, match: re.Match[str]) -> str:
    """The words one marked link is reduced to."""
    href = browser_href(match[1])
    instead = held_words(href, htmllib.unescape(match[2]), held_at(href))
    return match[2] if instead is None else htmllib.escape(instead, quote=False)


TITLED_TAG_RE = re.compile(r'(<[a-zA-Z][^>]*?) title="([^"]*)"')
"""A tag's title («[bài](https://x.vn "Tiêu đề")», «<a title="…">», «<img title="…">», any
tag's: the sanitiser keeps one on each), in the sanitiser's spelling («>» escaped in a value):
its (escaped) value."""


def _held_title_dropped(link: LinkLookup, match: re.Match[str]) -> str:
    """A tag without its title when the title names a file the website has no page of now
    (`link` gives links.HELD): a browser shows it, and the feeds carry it, with that file's date
    and title words (a victim's name, an embargoed fact)."""
    if names_something_held(htmllib.unescape(match[2]), lambda name: link(name) == ""):
        return match[1]  # links.HELD is ""
    return match[0]


TEXT_LINK_RE = re.compile(r'(<a\b[^>]*?\bhref="([^"]*)"[^>]*>)([^<]*)</a>')
"""A link whose text holds no markup, with its (escaped) href and text, in the sanitiser's
spelling; the tag ends at the next `>`, the text at the next `<`, so each `<a` is read once."""


def _texted(shown: TextLookup, match: re.Match[str]) -> str:
    """A link with the text `shown` gives instead of its own, when it gives one."""
    found = shown(browser_href(match[2]), htmllib.unescape(match[3]))
    if found is None:
        return match[0]
    return f"{match[1]}{htmllib.escape(found, quote=False)}</a>"


SITE_LINK_RE = re.compile(r'(<a\b[^>]*?\bhref=")[ \t\n\f\r]*(/[^"]*|(?i:https?://)[^"]*)"')
"""A link to a site path, a protocol-relative address ("//host/…") or a web address, in the
sanitiser's own spelling, after the whitespace a browser strips (links.browser_href): «<a href="
https://cu.example.vn/…">» was left to the old site and «<a href=" /lien-he/">» without the
site's folder, where Zalo led to the page here."""


def _site_link(prefix: str, own: OwnLookup, match: re.Match[str]) -> str:
    """A link to the site with the folder the site is served under (`prefix`) in front, once:
    one written with the site's own address (`own`) leads to its site path."""
    path = own(browser_href(match[2]))
    if path:  # not links.HELD (""): that would lead to the home page
        return f'{match[1]}{htmllib.escape(prefix + path)}"'
    if prefix and match[2].startswith("/") and not match[2].startswith("//"):
        return f'{match[1]}{prefix}{match[2]}"'
    return match[0]


# Linear on any text: starts only where a run of spaces starts (from inside one, `\s*` rescans
# it); the tag and its quoted value end at the next `<`, the link text at the next `<a`, so no
# scan runs on past the next tag from each of thousands of `<a`.
BACKLINK_RE = re.compile(
    r'(?<!\s)\s*<a\b[^<>]*\bhref="#(fnref[^"<>]*)"[^<>]*>[^<]*+(?>(?:<(?!/?a\b)[^<]*+)*)</a>'
)


def _drop_orphan_backlinks(html: str) -> str:
    """Remove the ↩ link of a footnote nobody cites: its target does not exist on the page."""
    if "fnref" not in html:
        return html
    ids = set(re.findall(r'\bid="(fnref[^"]*)"', html))
    return BACKLINK_RE.sub(lambda m: m.group(0) if m.group(1) in ids else "", html)


TABLE_RE = re.compile(r"<table\b[^>]*>")
PRE_RE = re.compile(r"<pre\b")
HEADING_BEFORE_RE = re.compile(
    r'<h([2-6])\b[^>]*?\sid="([^"<>]+)"[^>]*>[^<]*+(?>(?:<(?!/h[2-6]>)[^<]*+)*)</h\1>\s*+'
)
"""A heading with its id, then only white space (up to a table)."""
HEADING_REACH = 2000
"""How far before a table its heading may start: a bound, so a page of tables stays linear."""


def _region_name(html: str, table: int, number: int, taken: frozenset[str]) -> str:
    """The attribute naming the scroll region of the table at offset `table`: the heading right
    above it ("Số điện thoại khẩn cấp", what a screen reader's list of regions then reads),
    else "Bảng `number`" — also when the heading's id is one the page around the body uses
    (`taken`: an editor's «## Hồ sơ {#noi-dung}» would name the region by <main>)."""
    start = html.rfind("<h", max(0, table - HEADING_REACH), table)
    found = HEADING_BEFORE_RE.fullmatch(html, start, table) if start >= 0 else None
    if found is not None and found[2] not in taken:
        return f'aria-labelledby="{found[2]}"'
    return f'aria-label="Bảng {number}"'


def scroll_regions(html: str, taken: frozenset[str] = frozenset()) -> str:
    """A page body whose tables and code blocks scroll sideways in a region the keyboard can
    reach and a screen reader names (by the heading right above the table, else "Bảng 1"): an
    8-column table is wider than a phone, and a region only a finger can scroll hides its last
    columns from keyboard users (WCAG 2.1.1). `taken`: the ids the page around the body uses."""
    if "<table" in html:
        numbers = itertools.count(1)
        html = TABLE_RE.sub(
            lambda m: (
                f'<div class="table-scroll" role="region" tabindex="0"'
                f" {_region_name(m.string, m.start(), next(numbers), taken)}>{m[0]}"
            ),
            html,
        ).replace("</table>", "</table></div>")
    if "<pre" in html:
        html = PRE_RE.sub('<pre tabindex="0"', html)
    return html


SAME_TEXT = "same-text"
"""The class of a web link whose text is its own address («tinnhiemmang.vn»): on paper the
print stylesheet writes a link's address after its text, which for it said the address twice."""


def same_text_marked(html: str) -> str:
    """A page body whose web links written as their own address (see text_spells_address) are
    marked SAME_TEXT; the feeds' copy of the body is left as it is (no stylesheet there)."""
    if 'href="http' not in html:
        return html
    return TEXT_LINK_RE.sub(_same_text_link, html)


def _same_text_link(match: re.Match[str]) -> str:
    """One link without markup in its text, marked SAME_TEXT when the text is its address."""
    href = htmllib.unescape(match[2])
    if not href.startswith("http") or not text_spells_address(htmllib.unescape(match[3]), href):
        return match[0]
    return f'{match[1][:-1]} class="{SAME_TEXT}">{match[3]}</a>'
