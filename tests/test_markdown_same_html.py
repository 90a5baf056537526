"""The fast MarkdownRenderer writes exactly the HTML the original configuration wrote, and the
Zalo channel's tuned converter exactly what `markdown.markdown` writes.

The reference below is the converter as it was before it was tuned for speed: Python-Markdown with
"extra", "sane_lists" and the full "toc" extension, the original figure rewriter, then nh3 (plus
our dialect's additions since: publish.markdown_lists, a list may start under text,
publish.markdown_escapes, a backslash escapes a quote, and RawImages, an <img> written as HTML
shows a content image's processed files, and SIZED on an image the build sized). Every body here must come out byte for
byte the same, and ask the image lookup the same questions in the same order (the page cache
records those answers).
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import frontmatter
import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from publish.markdown_escapes import QuoteEscapes
from publish.markdown_lists import ListsAfterText
from publish.markdown_pasted import PastedLists
from publish.render.web.markdown import (
    CLEANER,
    SIZED,
    SIZES,
    ImageInfo,
    MarkdownRenderer,
    RawImages,
)
from publish.render.zalo.blocks import to_html
from publish.text import slugify

ROOT = Path(__file__).resolve().parent.parent
INFO = ImageInfo(
    "/media/anh-1200.jpg", "/media/anh-480.jpg 480w, /media/anh-1200.jpg 1200w", 1200, 800
)


# The reference: the original converter, kept verbatim apart from names -----------------------


class _ReferenceFigures(Treeprocessor):
    """The original figure rewriter (heading levels, figures, image sizes)."""

    def __init__(self, md: markdown.Markdown, renderer: ReferenceRenderer) -> None:
        super().__init__(md)
        self.renderer = renderer

    def run(self, root: ET.Element) -> None:
        """Rewrite every image in the document, first one eager when asked."""
        _reference_heading_levels(root)
        first = True
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "p" and _reference_only_image(child):
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
        info = self.renderer.lookup(image.get("src", ""))
        if info is not None:
            image.set("src", info.src)
            image.set("srcset", info.srcset)
            image.set("sizes", SIZES)
            image.set("width", str(info.width))
            image.set("height", str(info.height))
            image.set(SIZED, "")  # since: only the build's own sizes hold the picture's box
        image.set("loading", "eager" if eager else "lazy")
        image.set("decoding", "async")


def _reference_heading_levels(root: ET.Element) -> None:
    """Headings start at h2 and never skip a level going down."""
    previous = 1
    for element in root.iter():
        if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = max(2, min(int(element.tag[1]), previous + 1))
            element.tag = f"h{level}"
            previous = level


def _reference_only_image(paragraph: ET.Element) -> bool:
    """Whether a <p> holds exactly one image and no text."""
    return (
        len(paragraph) == 1
        and paragraph[0].tag == "img"
        and not (paragraph.text or "").strip()
        and not (paragraph[0].tail or "").strip()
    )


class _ReferenceFiguresExtension(Extension):
    """Registers the reference figure rewriter."""

    def __init__(self, renderer: ReferenceRenderer) -> None:
        super().__init__()
        self.renderer = renderer

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Hook the treeprocessor in."""
        md.treeprocessors.register(_ReferenceFigures(md, self.renderer), "publish_figures", 8)


def _reference_heading_id(value: str, separator: str) -> str:
    """The original slug function handed to the toc extension."""
    return slugify(value)


REFERENCE_BACKLINK_RE = re.compile(r'\s*<a\b[^>]*\bhref="#(fnref[^"]*)"[^>]*>.*?</a>', re.DOTALL)


def _reference_drop_orphan_backlinks(html: str) -> str:
    """Remove the ↩ link of a footnote nobody cites."""
    if "fnref" not in html:
        return html
    ids = set(re.findall(r'\bid="(fnref[^"]*)"', html))
    return REFERENCE_BACKLINK_RE.sub(lambda m: m.group(0) if m.group(1) in ids else "", html)


class ReferenceRenderer:
    """The converter as it was: "extra", "sane_lists", full "toc", figures, nh3."""

    def __init__(self) -> None:
        self.lookup = lambda src: None
        self.eager_first = False
        self._md = markdown.Markdown(
            extensions=[
                "extra",
                "sane_lists",
                PastedLists(),
                ListsAfterText(),
                QuoteEscapes(),
                "toc",
                _ReferenceFiguresExtension(self),
                RawImages(self),
            ],
            extension_configs={
                "toc": {"slugify": _reference_heading_id, "toc_depth": "2-4"},
                "extra": {"footnotes": {"BACKLINK_TITLE": "Quay lại chỗ chú thích %d trong bài"}},
            },
            output_format="html",
        )

    def convert(self, text: str, *, lookup, eager_first: bool = False) -> str:
        """Sanitised HTML for one Markdown document."""
        self.lookup = lookup
        self.eager_first = eager_first
        try:
            html = self._md.reset().convert(text)
        finally:
            self.lookup = lambda src: None
        return _reference_drop_orphan_backlinks(CLEANER.clean(html))


# Comparison ----------------------------------------------------------------------------------

REFERENCE = ReferenceRenderer()
RENDERER = MarkdownRenderer()


def _render(renderer, body: str, eager_first: bool) -> tuple[str, list[str]]:
    """HTML and the image srcs looked up, in order."""
    asked: list[str] = []

    def lookup(src: str) -> ImageInfo | None:
        asked.append(src)
        return None if "://" in src or not src.endswith((".jpg", ".png")) else INFO

    return renderer.convert(body, lookup=lookup, eager_first=eager_first), asked


def assert_same(body: str) -> None:
    """The new renderer matches the reference, eager first image or not; so does Zalo's."""
    for eager_first in (False, True):
        expected = _render(REFERENCE, body, eager_first)
        assert _render(RENDERER, body, eager_first) == expected, body
    stock = markdown.markdown(
        body,
        extensions=["extra", "sane_lists", PastedLists(), ListsAfterText(), QuoteEscapes()],
        output_format="html",
    )
    assert to_html(body) == stock, body


def _bodies(paths) -> list[tuple[str, str]]:
    """(name, Markdown body) of each file; front matter dropped where it parses."""
    found = []
    for path in sorted(paths):
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            continue
        try:
            body = frontmatter.loads(text).content
        except Exception:  # a broken fixture: its whole text is still Markdown
            body = text
        found.append((path.name, body))
        if body != text:
            found.append((path.name + " (whole file)", text))
    return found


SAMPLE = _bodies(list((ROOT / "content").rglob("*.md")) + list((ROOT / "tests").rglob("*.md")))
HOSTILE = [
    line
    for line in (ROOT / "tests" / "hostile" / "xss.txt").read_text("utf-8").splitlines()
    if line and not line.startswith("# ")
]


def test_the_sample_content_and_test_fixtures_render_the_same() -> None:
    assert len(SAMPLE) > 40
    for _name, body in SAMPLE:
        assert_same(body)


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_payloads_render_the_same_in_every_position(payload: str) -> None:
    for body in (
        payload,
        f"## {payload}\n\nVăn bản {payload} tiếp.\n",
        f"## Tiêu đề\n\n## {payload}\n\n### Tiêu đề\n\n- {payload}\n\n> {payload}\n",
        f'![{payload}](anh.jpg "{payload}")\n\n[{payload}](https://vi.example/)\n',
        f"## A {payload} [^1]\n\nChữ.[^1]\n\n[^1]: {payload}\n",
    ):
        assert_same(body)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    """The first 200 bulletins of the benchmark corpus (its default seed)."""
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(out), "200"],
        check=True,
        capture_output=True,
    )
    return _bodies((out / "content" / "bai-viet").glob("*.md"))


def test_the_realistic_corpus_renders_the_same(corpus: list[tuple[str, str]]) -> None:
    assert len(corpus) >= 200
    for _name, body in corpus:
        assert_same(body)


def test_the_toc_marker_still_gets_its_table_of_contents() -> None:
    body = "[TOC]\n\n# Đường dây nóng\n\n## Đường dây nóng\n\n### Kết quả *ban đầu*\n"
    html, _ = _render(RENDERER, body, False)
    assert (
        '<div>\n<ul>\n<li><a href="#duong-day-nong"' in html and 'href="#duong-day-nong_1"' in html
    )
    assert_same(body)


def test_duplicate_and_preset_heading_ids_match() -> None:
    body = (
        "## Kết quả {#ket-qua_1}\n\n## Kết quả\n\n## Kết quả\n\n## ket-qua\n\n"
        "## Kết quả_1\n\n## Trống {: #x data-toc-label='Nhãn' }\n\n##\n\n## &amp; <b>đậm</b> `mã`\n"
    )
    html, _ = _render(RENDERER, body, False)
    ids = re.findall(r'<h2 id="([^"]*)"', html)
    assert ids == [
        "ket-qua_1",
        "ket-qua",
        "ket-qua_2",
        "ket-qua_3",
        "ket-qua-1",
        "x",
        "bai-viet",
        "dam-ma",
    ]
    assert_same(body)


# Generated Markdown --------------------------------------------------------------------------

WORDS = [
    "Đường", "dây", "nóng", "Công", "an", "huyện", "Châu", "Thành", "Đồng", "Tháp", "kết", "quả",
    "ban", "đầu", "xử", "lý", "đối", "tượng", "Ảnh", "tin", "TOC", "113", "a_1", "x-y", "Ở",
]  # fmt: skip
word = st.sampled_from(WORDS)
ident = st.sampled_from(
    ["ket-qua", "ket-qua_1", "ket-qua_2", "anh", "fn:1", "fnref:1", "toc", "x_1"]
)
inline = st.one_of(
    word,
    word.map(lambda w: f"*{w}*"),
    word.map(lambda w: f"**{w}**"),
    word.map(lambda w: f"`{w}`"),
    word.map(lambda w: f"[{w}](https://vi.example/{w})"),
    word.map(lambda w: f"![{w}](anh-{w}.jpg)"),
    st.sampled_from(
        ["[^1]", "[^2]", "[^x]", "[TOC]", "&amp;", "&lt;", "&#273;", "\\*", "\\[TOC\\]"]
    ),
    st.sampled_from(["<b>đậm</b>", "<em>x</em>", "<!-- c -->", "<span id='a'>s</span>", "a & b"]),
    st.sampled_from(["<https://vi.example/a>", "<cand@vi.example>", "[ref][r1]", "[r1]", "![r1]"]),
    st.sampled_from(["`a\\`", "\\\\`x`", "__đậm__", "_nghiêng_", "***", "a|b", ": x", "*[CA]"]),
    st.sampled_from(["  ", "\t", "\u00a0", "_", "-", "<", ">", "&", "#", "{", "}", "“", "'", '"']),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=4),
)
line = st.lists(inline, min_size=0, max_size=6).map(" ".join)
attr = st.one_of(
    st.just(""),
    ident.map(lambda i: f" {{#{i}}}"),
    ident.map(lambda i: f" {{: #{i} .lop }}"),
    st.just(" { data-toc-label='Nhãn *đậm*' }"),
    st.just(" {: .lop }"),
)
title = st.one_of(st.sampled_from(["Kết quả", "Kết  quả", "ket-qua", "Ảnh", "Kết quả_1"]), line)
heading = st.builds(lambda n, text, a: "#" * n + " " + text + a, st.integers(1, 6), title, attr)
setext = st.builds(lambda text, u: f"{text}\n{u}", title, st.sampled_from(["===", "---"]))
block = st.one_of(
    heading,
    heading,
    setext,
    line,
    st.just("[TOC]"),
    line.map(lambda t: f"- {t}\n- {t}"),
    line.map(lambda t: f"1. {t}\n* {t}\n\n3. {t}"),  # sane_lists: a new list per kind
    line.map(lambda t: f"> ## {t}"),
    line.map(lambda t: f"```\n## {t}\n```"),
    line.map(lambda t: f"| a | b |\n|---|---|\n| {t} | [TOC] |"),
    line.map(lambda t: f'<div markdown="1">\n## {t}\n</div>'),
    line.map(lambda t: f"<h2>{t}</h2>"),
    line.map(lambda t: f"[^1]: {t}"),
    line.map(lambda t: f"[^2]:\n    ## {t}"),
    line.map(lambda t: f'![{t}](anh.jpg "{t}")'),
    line.map(lambda t: f"*[TOC]: {t}"),
    line.map(lambda t: f"Thuật ngữ\n:   {t}"),
    line.map(lambda t: f"{t}  \n{t}\\\n{t}"),  # hard line breaks
    line.map(lambda t: f'[r1]: https://vi.example/r "{t}"\n[R2]: <https://vi.example/2>'),
    line.map(lambda t: f"{t}\n[r1]: https://vi.example/r"),
    st.sampled_from(
        ["[r1]:https://vi.example/r", "[R2]: <https://vi.example/2>", "[r1]: /a\n 'T'"]
    ),
    st.sampled_from(["***", "- - -", "___", "* * *", "---", "> > x", "|a|\n|-|", "a | b\n- | -"]),
    line.map(lambda t: f"*[CA]: Công an {t}\n\nCA {t}"),
)
document = st.one_of(
    st.lists(block, max_size=10).map("\n\n".join),
    st.lists(heading, min_size=2, max_size=8).map("\n\n".join),  # colliding ids
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_generated_markdown_with_headings_renders_the_same(body: str) -> None:
    assert_same(body)
