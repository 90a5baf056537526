"""SiteLinks judges a link once per site path or full address, once per page otherwise, and reads
each page's links once: the problems and external links it reports are exactly those of judging
every link on every page in turn, as it did before (kept here as the reference)."""

from __future__ import annotations

from collections import defaultdict
from html import escape
from urllib.parse import unquote

from hypothesis import given, settings
from hypothesis import strategies as st

from publish.addresses import SiteAddresses
from publish.errors import Problem
from publish.linkcheck import NOT_HELD, SiteLinks, _Page, page_url
from publish.model import Artifact
from publish.page_outline import _Reader

BASES = ("https://ca.example.vn/", "https://ca.example.vn/chau-thanh/")
PAGES = ("index.html", "a/index.html", "a/b/index.html", "404.html", "b.html", "chau-thanh/c.html",
         "a;b.html", "e f/index.html", "ä/index.html", "c?d.html", "g#h.html", "a%2F/index.html",
         ".d/index.html")  # fmt: skip
FILES = ("anh/x.jpg", "assets/s.css", "a/tep.pdf")
HREFS = (
    "/",
    "/a/",
    "a/",
    "../a/",
    "../../b.html",
    "./",
    "",
    "?q=1",
    "#x",
    "#top",
    "#khong-co",
    "/a/#x",
    "/a/#y",
    "a/#x",
    "b.html#x",
    "/b.html",
    "/a",
    "/khong-co/",
    "khong-co/",
    "/anh/x.jpg",
    "../anh/x.jpg",
    "/assets/s.css#x",
    "/a/%78/",
    "/chau-thanh/a/",
    "/chau-thanh/c.html#y",
    "c.html",
    "https://ca.example.vn/a/",
    "https://ca.example.vn/chau-thanh/a/#x",
    "HTTPS://CA.EXAMPLE.VN/b.html",
    "http://ca.example.vn/a/",
    "https://www.ca.example.vn/a/",
    "https://old.example.vn/a/",
    "//ca.example.vn/b.html",
    "https:a/",
    "https://khac.example.vn/",
    "ftp://ca.example.vn/a/",
    "mailto:ca@example.vn",
    "tel:113",
    "TEL:113",
    "/a/./",
    "/a/../b.html",
    "/./a/",
    "/a/..",
    "/a;x/",
    "/b.html?x#y?z",
    "/a%2F/",
    "/ä/",
    "/e f/",
    "/e%20f/",
    "/a/?q=/.x",
    "/chau-thanh",
    "/chau-thanh/",
    "/.d/",
    "#",
    "#a b",
    "#x\ty",
    "#%78",
    "#x#y",
    "/a/#x\ny",
    "https://ca.example.vn/chau-thanh/./a/",
    "https://ca.example.vn/a;b/",
    "https://ca.example.vn/?q#x",
    "https://ca.example.vn/chau-thanh/c.html#y#z",
    "https://ca.example.vn/chau-thanh",
    "https://ca.example.vn//a/",
    "https://ca.example.vn/e f/",
)
IDS = ("x", "y", "top")


def html(hrefs: list[str], ids: list[str]) -> str:
    """A page linking to each of `hrefs` (repeats kept) with an element per id."""
    links = "".join(f'<a href="{escape(h)}">l</a>' for h in hrefs)
    return f"<!doctype html><title>t</title>{links}" + "".join(f'<p id="{i}"></p>' for i in ids)


def reference_problems(links: SiteLinks, pages: list[tuple[_Page, list[str]]]) -> list[Problem]:
    """SiteLinks.problems as it was: every link of every page (repeats too) judged in turn."""
    broken: dict[tuple[str, str, str], list[_Page]] = defaultdict(list)
    for page, href in ((p, h) for p, hrefs in pages for h in hrefs):
        resolved = links._resolve(page, href)
        if resolved is None or not resolved[1] or (page.source, href) in links.told:
            continue
        _, inside, fragment = resolved
        target = links._target(inside)
        held, reason = (
            links.withdrawn.get(inside.strip("/"), NOT_HELD) if target is None else NOT_HELD
        )
        if target is None and not held:
            reason = f"không có trang hay tệp {links._shown(inside)} trong website"
        elif target is not None:
            if not fragment or not target.endswith(".html") or links._has_anchor(target, fragment):
                continue
            reason = f"trang {links._shown(page_url(target))} không có mục #{unquote(fragment)}"
        found = broken[(href, reason, held)]
        if page not in found:
            found.append(page)
    return [links._problem(href, why, held, found) for (href, why, held), found in broken.items()]


def reference_external(links: SiteLinks, pages: list[tuple[_Page, list[str]]]) -> dict:
    """SiteLinks.external as it was."""
    found: dict[str, list[str]] = defaultdict(list)
    for page, href in ((p, h) for p, hrefs in pages for h in hrefs):
        resolved = links._resolve(page, href)
        if resolved is None or resolved[1]:
            continue
        if page.url not in found[resolved[0]]:
            found[resolved[0]].append(page.url)
    return dict(found)


SITES = st.fixed_dictionaries(
    {
        "base": st.sampled_from(BASES),
        "old": st.booleans(),
        "pages": st.dictionaries(
            st.sampled_from(PAGES),
            st.tuples(
                st.lists(st.sampled_from(HREFS), max_size=12),
                st.lists(st.sampled_from(IDS), max_size=2),
            ),
            min_size=1,
        ),
        "files": st.lists(st.sampled_from(FILES), unique=True),
        "withdrawn": st.lists(st.sampled_from(["/khong-co/", "/a/", "/c.html"]), unique=True),
        "told": st.lists(st.tuples(st.sampled_from(PAGES), st.sampled_from(HREFS))),
    }
)


@settings(max_examples=300)
@given(SITES)
def test_problems_and_external_links_are_those_of_judging_every_link_in_turn(site: dict) -> None:
    told = {(f"content/{page}", href) for page, href in site["told"]}
    addresses = (
        SiteAddresses(site["base"], old_base_urls=("https://old.example.vn/",))
        if site["old"]
        else None
    )
    links = SiteLinks(
        site["base"],
        withdrawn={path: "đã hết hạn" for path in site["withdrawn"]},
        told=told,
        locate=lambda source, href: len(href),
        addresses=addresses,
    )
    pages = []
    for path, (hrefs, ids) in site["pages"].items():
        artifact = Artifact.text("web", path, html(hrefs, ids), source=f"content/{path}")
        links.add(artifact)
        reader = _Reader()
        reader.feed(artifact.data.decode())
        reader.close()
        pages.append((_Page(page_url(path), f"content/{path}"), reader.links))
    for path in site["files"]:
        links.add(Artifact("web", path, b"x"))
    assert links.problems() == reference_problems(links, pages)
    assert links.external() == reference_external(links, pages)
