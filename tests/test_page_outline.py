"""The link check reads most pages with one regular expression instead of html.parser: for any
text at all, the ids and links it finds are the ones html.parser finds (it hands html.parser
what it does not know), and our own theme's pages are all of the kind it knows."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from publish.page_outline import _quick, outline, parsed_outline

GOLDEN_WEB = Path(__file__).parent / "golden" / "web"

TAGS = ("a", "A", "img", "link", "source", "div", "span", "p", "area", "form", "video", "audio",
        "iframe", "meta", "br", "h2", "x-y", "a1", "b")  # fmt: skip
RAW = ("script", "style", "SCRIPT", "Style", "title", "textarea", "TITLE")
NAMES = ("id", "ID", "href", "HREF", "src", "srcset", "name", "Name", "class", "poster",
         "action", "data-id", "hidden", "width", 'a"b', "x<y", "=a", "é")  # fmt: skip
VALUES = ("x", "/a/", "#top", "a b", "a, b 2x", "&amp;", "a&lt;b", "&#x41;", "a>b", "a<b",
          "", " ", "\xa0", "é", "&", "a'b", 'a"b', "/a/?q=1&amp;p=2", "../b.html#x",
          "?a=1&copy=2", "&notit;", "&ampx", "&foo;", "&#65", "&amp=", "&AMP;", "&#x1F600;")  # fmt: skip
SPACES = (" ", "  ", "\n", "\t", "\xa0", "\u2003", "\x0b", "", "/", " / ")
TEXTS = ("chữ", " ", "a < b", "a > b", "&amp;", "&", "<", "<<", ">", "--", "\n", "x&y;", "</")
OTHER = ("</a>", "</A >", "</ a>", "</>", "</3>", "</a x>", "</a\n>", "<!-- x -->", "<!---->",
         "<!-->", "<!--->", "<!-- a -- b -->", "<!-- <a href=x id=c> -->", "<!-- </p> -->",
         "<!-- x --!>", "<!DOCTYPE html>", "<!doctype html>", "<![CDATA[<a href=y>]]>",
         "<?xml x?>", "<!x>", "<a", "<a href='x'", "<br/>", "<br />", "<p/>")  # fmt: skip
RAW_TEXTS = ("", "x", "a<b", "a < b", "</b>", "<!-- x -->", "<a href=z>", "if (a</x) {}",
             "</scripts>", "</ script>", "<p>")  # fmt: skip


@st.composite
def attribute(draw: st.DrawFn) -> str:
    """One attribute as a page might spell it, or misspell it."""
    name = draw(st.sampled_from(NAMES))
    form = draw(st.sampled_from(("bare", "double", "single", "unquoted", "spaced")))
    value = draw(st.sampled_from(VALUES))
    return (
        draw(st.sampled_from(SPACES))
        + {
            "bare": name,
            "double": f'{name}="{value}"',
            "single": f"{name}='{value}'",
            "unquoted": f"{name}={value}",
            "spaced": f'{name} = "{value}"',
        }[form]
    )


@st.composite
def start_tag(draw: st.DrawFn) -> str:
    """A start tag with some attributes, self-closed or not."""
    attributes = "".join(draw(st.lists(attribute(), max_size=4)))
    close = draw(st.sampled_from((">", "/>", " >", " />", "")))
    return f"<{draw(st.sampled_from(TAGS))}{attributes}{close}"


@st.composite
def raw_element(draw: st.DrawFn) -> str:
    """A script, style, title or textarea with its text and (usually) its closing tag."""
    tag = draw(st.sampled_from(RAW))
    attributes = "".join(draw(st.lists(attribute(), max_size=2)))
    ending = draw(st.sampled_from((f"</{tag}>", f"</{tag.lower()} >", f"</{tag.upper()}>", "")))
    return f"<{tag}{attributes}>{draw(st.sampled_from(RAW_TEXTS))}{ending}"


LOOSE_REFERENCES = ("&", "?a=1&copy=2", "&notit;", "&ampx", "&foo;", "&#65", "&amp=")
"""An "&" that is not a whole reference: html.parser reads it in a value one way up to Python
3.13, another since (the HTML way), so such a page is left to the running Python's."""
WELL_FORMED_VALUES = tuple(v for v in VALUES if "<" not in v and v not in LOOSE_REFERENCES)
UNQUOTED = tuple(v for v in WELL_FORMED_VALUES if v and not any(c in v for c in " \xa0\"'<>=`"))
WELL_FORMED_NAMES = tuple(n for n in NAMES if not any(c in n for c in '"<='))
WELL_FORMED_TEXTS = tuple(t for t in TEXTS if "<" not in t)
WELL_FORMED_OTHER = ("</a>", "</A >", "</p\n>", "<!-- x -->", "<!---->", "<!-- </p> <a href=x> -->",
                     "<!DOCTYPE html>", "<br/>", "<p/>")  # fmt: skip


@st.composite
def well_formed_tag(draw: st.DrawFn) -> str:
    """A start tag within the quick reading's grammar, or a raw element's whole text."""
    attributes = ""
    for name in draw(st.lists(st.sampled_from(WELL_FORMED_NAMES), max_size=4)):
        value = draw(st.sampled_from(WELL_FORMED_VALUES))
        double, single = value.replace('"', ""), value.replace("'", "")
        unquoted = draw(st.sampled_from(UNQUOTED))
        spelled = draw(
            st.sampled_from(
                (name, f'{name}="{double}"', f"{name}='{single}'", f"{name}={unquoted}",
                 f'{name} =\n"{double}"')
            )
        )  # fmt: skip
        attributes += draw(st.sampled_from((" ", "  ", "\n", "\t"))) + spelled
    tag = draw(st.sampled_from(TAGS + RAW))
    if tag.lower() in ("script", "style"):
        text = draw(st.sampled_from(("", "x", "a<b", "a < b", "a > b", "if (a<b) {}")))
        return f"<{tag}{attributes}>{text}</{tag}>"
    if tag.lower() in ("title", "textarea"):
        return f"<{tag}{attributes}>{draw(st.sampled_from(WELL_FORMED_TEXTS))}</{tag.upper()} >"
    return f"<{tag}{attributes}{draw(st.sampled_from(('>', '/>', ' >', ' />')))}"


PIECES = st.one_of(
    start_tag(), raw_element(), st.sampled_from(OTHER), st.sampled_from(TEXTS), st.text(max_size=3)
)


@settings(max_examples=600)
@given(st.lists(PIECES, max_size=14))
@example(['<a href="/a/" id="x">', "chữ", "</a>", "<img srcset='/a.jpg 1x, /b.jpg 2x'>"])
@example(["<!-- <a href=x> -->", '<a href="/y/">'])
@example(["<script>", "a<b", "</script>", '<a name="n" href=#n>'])
@example(["<script>", "</b>", '<a href="/z/">', "</script>"])
@example(["<title>", '<a href="/t/">', "</title>"])
@example(['<a\xa0href="/u/">'])
@example(['<a href="/v/" ID="w" id="z">'])
def test_every_text_has_the_outline_html_parser_reads(pieces: list[str]) -> None:
    """Whatever the text, the outline is html.parser's, the quick reading's or not."""
    html = "".join(pieces).encode("utf-8", errors="surrogatepass")
    assert outline(html) == parsed_outline(html)


@settings(max_examples=400)
@given(
    st.lists(
        st.one_of(
            well_formed_tag(),
            st.sampled_from(WELL_FORMED_OTHER),
            st.sampled_from(WELL_FORMED_TEXTS),
        ),
        max_size=14,
    )
)
def test_well_formed_text_is_read_quickly_and_alike(pieces: list[str]) -> None:
    """Text made only of what the quick reading knows is read by it, with html.parser's result."""
    text = "".join(pieces)
    quick = _quick(text)
    assert quick is not None
    assert quick == parsed_outline(text.encode())


def test_our_pages_are_read_quickly_and_alike() -> None:
    """Every page of the sample site (the golden copy of our theme's output) is read by the
    quick path, which finds the same ids and links as html.parser: the check's speed rests on
    the theme's pages staying within what it knows."""
    pages = sorted(GOLDEN_WEB.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_bytes()
        quick = _quick(html.decode())
        assert quick is not None, f"{page} is left to html.parser"
        assert quick == parsed_outline(html), page
        assert quick[1], f"{page} has no links?"


def test_what_is_left_to_html_parser() -> None:
    """Markup outside the quick path's grammar goes to html.parser, which reads it its own way:
    the link inside an unterminated comment is none, the one after a stray "<" is one."""
    assert _quick('<!-- a -- <a href="/x/"> -->') is None
    assert outline(b'<!-- a -- <a href="/x/"> -->') == parsed_outline(
        b'<!-- a -- <a href="/x/"> -->'
    )
    assert _quick('a < b <a href="/y/">') is None
    assert outline(b'a < b <a href="/y/">')[1] == ("/y/",)
    assert _quick('<script>if (a</b) {}</script><a href="/z/">') is None
    assert _quick('<a href="?a=1&copy=2">') is None
    assert _quick('<a href="?a=1&amp;copy=2">') == (frozenset(), ("?a=1&copy=2",))
