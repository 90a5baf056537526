"""Markdown → safe HTML: Python-Markdown, responsive figures, Vietnamese heading ids, then nh3.

The sanitiser runs last, on everything, with an allowlist: no script, iframe, object, style,
event handlers, or javascript:/data: URLs can reach a page whatever the editor typed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from publish.model import by_constructor
from publish.text import slugify

__all__ = ["ImageInfo", "MarkdownRenderer"]

SIZES = "(min-width: 48rem) 44rem, 100vw"
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "s", "small", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "*": {"id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
SRCSET_RE = re.compile(r"^/[^\s,]+ \d+w(, /[^\s,]+ \d+w)*$")


@dataclass(frozen=True, slots=True)
class ImageInfo:
    """What the figure of one local image gets: src, srcset and intrinsic size."""

    __reduce__ = by_constructor  # loads fast: every reused page unpickles one

    src: str
    srcset: str
    width: int
    height: int


ImageLookup = Callable[[str], "ImageInfo | None"]


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Only srcsets we made ourselves (site paths with widths) survive."""
    if attribute == "srcset" and not SRCSET_RE.fullmatch(value):
        return None
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


class _Figures(Treeprocessor):
    """Turns a paragraph holding only an image into a figure with a caption, sized and lazy."""

    def __init__(self, md: markdown.Markdown, renderer: MarkdownRenderer) -> None:
        super().__init__(md)
        self.renderer = renderer

    def run(self, root: ET.Element) -> None:
        """Rewrite every image in the document, first one eager when asked."""
        _heading_levels(root)
        first = True
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "p" and _only_image(child):
                    figure = self._figure(child[0], eager=first and self.renderer.eager_first)
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
        info = self.renderer.lookup(image.get("src", ""))
        if info is not None:
            image.set("src", info.src)
            image.set("srcset", info.srcset)
            image.set("sizes", SIZES)
            image.set("width", str(info.width))
            image.set("height", str(info.height))
        image.set("loading", "eager" if eager else "lazy")
        image.set("decoding", "async")


def _heading_levels(root: ET.Element) -> None:
    """Headings start at h2 (the page title is the h1) and never skip a level going down."""
    previous = 1
    for element in root.iter():
        if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = max(2, min(int(element.tag[1]), previous + 1))
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


def heading_id(value: str, separator: str) -> str:
    """Heading ids the Vietnamese way: "Đường dây nóng" → "duong-day-nong"."""
    return slugify(value)


class MarkdownRenderer:
    """One reusable Markdown converter; `lookup` maps an image src to its responsive variants."""

    def __init__(self) -> None:
        """Build the converter once; it is reset between documents."""
        self.lookup: ImageLookup = lambda src: None
        self.eager_first = False
        self._md = markdown.Markdown(
            extensions=[
                "extra",
                "sane_lists",
                "toc",
                _FiguresExtension(self),
            ],
            extension_configs={
                "toc": {"slugify": heading_id, "toc_depth": "2-4"},
                "extra": {"footnotes": {"BACKLINK_TITLE": "Quay lại chỗ chú thích %d trong bài"}},
            },
            output_format="html",
        )

    def convert(self, text: str, *, lookup: ImageLookup, eager_first: bool = False) -> str:
        """Sanitised HTML for one Markdown document."""
        self.lookup = lookup
        self.eager_first = eager_first
        try:
            html = self._md.reset().convert(text)
        finally:
            self.lookup = lambda src: None
        return _drop_orphan_backlinks(CLEANER.clean(html))


BACKLINK_RE = re.compile(r'\s*<a\b[^>]*\bhref="#(fnref[^"]*)"[^>]*>.*?</a>', re.DOTALL)


def _drop_orphan_backlinks(html: str) -> str:
    """Remove the ↩ link of a footnote nobody cites: its target does not exist on the page."""
    if "fnref" not in html:
        return html
    ids = set(re.findall(r'\bid="(fnref[^"]*)"', html))
    return BACKLINK_RE.sub(lambda m: m.group(0) if m.group(1) in ids else "", html)
