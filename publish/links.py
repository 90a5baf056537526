"""Links between content files: `[xem bài trước](2020-12-08-ten-bai.md)` names a bulletin (or a
page) by its file, as MkDocs and Zola let writers do; the website and Zalo show the address of
its page instead, so a changed date or slug never breaks the link.

A link is resolved by text against the files the build loaded, as image paths are: beside the
linking file first, then under content/ ("/bai-viet/x.md" is always read from content/). The
load checks every such link once the whole site is known (a target may be renamed or deleted
while the linking file stays the same); renderers ask `resolve` for the address.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from publish.addresses import SiteAddresses
from publish.errors import Problem
from publish.markdown_code import masked
from publish.text import LineCounter, fold, nfc

__all__ = [
    "CONTACT_SCHEMES",
    "HELD",
    "HELD_AT",
    "HELD_LINK_WORDS",
    "HTML_LINK_RE",
    "KEPT_SCHEMES",
    "LOOSE_HTML_LINK_RE",
    "SPELT_SLASH",
    "ContentFiles",
    "InlineEnds",
    "Links",
    "Nested",
    "Why",
    "addressed",
    "broken_addresses",
    "browser_href",
    "content_link",
    "dropped_links",
    "entities_read",
    "file_name",
    "held_address",
    "held_record",
    "held_words",
    "href_attribute",
    "hrefs_in",
    "html_link_href",
    "html_links",
    "image_text_ends",
    "inline_links",
    "linked_file",
    "links_in",
    "may_name_file",
    "nested_links",
    "nested_references",
    "page_hrefs",
    "reference_definitions",
    "reference_label",
    "resolve",
    "saved_file_name",
    "slashed",
    "slug_folded",
    "windows_path",
    "windows_told",
    "written_target",
]

Links = tuple[tuple[str, int], ...]
"""Each link to a Markdown file in a body, as written, with its line in the file."""

SPELT_SLASH = r"(?:/|%2[fF]|&#0*47;|&#[xX]0*2[fF];|&sol;)"
"""A «/» of a page's address as typed, or spelt: as an HTML entity («&#47;», «&#x2F;», «&sol;»),
which the page shows as a «/», or as «%2F», which a browser following an address (a link's, a
title's) reads as one but a page showing text does not: where the text shown is searched, each
place found is read again as the page shows it (publish.unlinked), so a «%2F» is never told."""


def entities_read(text: str) -> str:
    """`text` with its HTML entities read as the page shows them, when it may hold one."""
    return unescape(text) if "&" in text else text


SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
INLINE_RE = re.compile(r"\]\(\s*(?:<([^<>\n]*)>|([^\s()]*(?:\([^\s()]*\)[^\s()]*)*))")
"""The destination of an inline link `[text](destination "title")` (one level of parentheses).
Between «<…>» it holds no «<», as Python-Markdown reads it (InlineEnds' _ANGLED): each try
ends at the next «<», where «[a](<b.md » repeated was read from each «<» to the line's end
for its «>» (20,000 on one line took 26 s)."""
DEFINITION_RE = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?:<([^>\n]*)>|(\S+))", re.MULTILINE)
"""The destination of a reference definition `[ref]: destination` (not a footnote's)."""
ANCHOR_RE = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
"""An `<a href=…>` tag; found with anchors(), which does not retry it from every `<a` of a tag
that never closes (quadratic on "<a <a <a …")."""
_TAG_OPEN_RE = re.compile(r"<a\b", re.I)
_HREF_RE = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
HTML_LINK_RE = re.compile(
    r"<a\b(?=[^<>]*+>)(?>[^<>]*?\bhref\s*=\s*"
    r"(?:\"(?P<quoted>[^\"<>]*)\"|'(?P<single>[^'<>]*)'|(?P<bare>[^\s<>\"'=]+))[^<>]*+>)"
    r"(?P<words>[^<]*(?:<(?!/?a\b)[^<]*)*)</a>",
    re.IGNORECASE,
)
"""A raw HTML link, its address and its words, tags and all, up to its «</a>»: a quoted
address read to its closing quote, spaces and all, as a browser reads it («<a href="2020-12-22-vu
an mat.md">» links that whole name; a reader stopping at the space took «2020-12-22-vu» and left
the name's date and words to the search index and the station). A tag that never closes is no
link, and its words end at the next «<a»: each try ends where the next begins («<a
href=href=href=…» was tried from every «href=» to the end). Read with html_link_href."""
LOOSE_HTML_LINK_RE = re.compile(
    r"<a\b(?P<attributes>(?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*)>"
    r"(?P<words>(?:(?!\n[ \t]*\n)[^<])*(?:<(?!/?a\b)(?:(?!\n[ \t]*\n)[^<])*)*)(?:</a\s*>)?",
    re.IGNORECASE,
)
"""A raw HTML link as the page reads one HTML_LINK_RE leaves: a quoted value holding «>»
(«<a title="a>b" href=…>»), an end tag with a space («</a >»), or none (its words end with
its paragraph, where the sanitiser closes it). Each try ends at the next «<» or blank line.
Read with html_links."""
AUTOLINK_RE = re.compile(r"<((?i:https?:)?//[^\s<>]+)>")
"""An address written between angle brackets, which Markdown makes a link."""
WINDOWS_SEPARATOR_RE = re.compile(r"\\(?=[^!-/:-@\[-`{-~])")
"""A backslash between two names ("images\\a.jpg"), not a Markdown escape ("anh\\_1.jpg") nor
the last character (what a reference cut short at an escaped parenthesis would end with)."""
_DRIVE_OR_SHARE = re.compile(r"[A-Za-z]:[\\/]|\\\\")
"""The start of a Windows path naming a drive ("C:\\…", "C:/…") or another computer ("\\\\máy\\…")."""
CONTENT = "content/"
LINK_HINT = (
    "Liên kết tới bản tin khác bằng tên tệp của nó, tính từ thư mục của bài này (ví dụ "
    "[xem bài trước](2020-12-08-ten-bai.md)) hoặc từ thư mục content/ (ví dụ "
    "[xem bài trước](/bai-viet/2020-12-08-ten-bai.md))."
)


OLD_ADDRESS_HINT = (
    "Tên tệp .md viết bằng địa chỉ cũ của website ([site] old_base_urls) là tên một tệp trong "
    "content/, như khi viết bằng base_url; website cũ cũng không có địa chỉ nào như vậy, nên liên "
    "kết không thể để nguyên: sửa tên tệp cho đúng, hoặc bỏ liên kết nếu bản tin kia đã bị xóa. "
)
"""Why a missing content file written with an old address is an error, not left as written
(as a link to the old CMS's own files is): the old site never served a .md file."""


def file_name(href: str) -> str:
    """The name of the file `href` names, as the editor would save it, "" when it names a
    folder: «..%2Fbien-ban.txt», «..\\bien-ban.txt» and a browser's
    «file:///C:/tai%20lieu/bien-ban.txt#page=2» all name «bien-ban.txt»."""
    path = nfc(unquote(href.split("#", 1)[0].split("?", 1)[0])).replace("\\", "/")
    return posixpath.basename(path)


def saved_file_name(ref: str) -> str:
    """The name of the file `ref` names as the editor's computer saved it, "" for a folder: a
    Windows path (C:\\…, \\\\máy\\…, tep\\mau.pdf) as written, since a Windows name may hold #
    and % («C:\\tin\\Tin #3.docx»); a browser's file: address or a link's own address as an
    address (file_name: «file:///C:/tin/Tin%20%233.docx#page=2» is «Tin #3.docx»)."""
    if windows_path(ref):
        return nfc(slashed(ref).rsplit("/", 1)[-1])
    return file_name(ref)


def windows_path(ref: str) -> bool:
    """Whether `ref` is a path written the Windows way: a drive or another computer
    («C:\\…», «\\\\máy\\…») or «\\» between names before any # or ? («tep\\mau.pdf»,
    «tep\\Tin #3.docx»; not «tep/a.pdf#trang\\2»); never a browser's file: address."""
    if _DRIVE_OR_SHARE.match(ref):
        return True
    path = ref.partition("#")[0].partition("?")[0]
    if "\\" not in path or ref.startswith("//") or SCHEME_RE.match(ref):
        # Another website's address («https://x.vn/tin\\bai.md», «//x.vn/…») or a browser's
        # «file:///…»: never a file of content/ to write with «/» (as for an image's path).
        return False
    return WINDOWS_SEPARATOR_RE.search(path) is not None


_SEPARATORS = re.compile(r"\\+(?=[^!-/:-@\[-`{-~]|\.)")
"""A run of «\\» between two names (WINDOWS_SEPARATOR_RE), or before «.» («..\\..\\lien-he»)."""


def slashed(ref: str) -> str:
    """The Windows path `ref` written with «/», each run of «\\» between names one «/» and the
    other Markdown escapes resolved: «tep\\\\mau.pdf» (Markdown's escaped «\\») is
    «tep/mau.pdf», «..\\..\\lien-he» «../../lien-he» (where Markdown reads «\\.» as «.», a
    link to «....\\lien-he»), «tep\\Mau don \\(1\\).docx» «tep/Mau don (1).docx»."""
    # Imports Python-Markdown, which modules needing only windows_path (fields) do without.
    from publish.markdown_escapes import unescape

    return unescape(_SEPARATORS.sub("/", ref))


WINDOWS = "dùng dấu \\ của Windows"
"""What a link written with Windows' «\\» is told (as an image's path is: content_images)."""


Why = tuple[str, str | None]
"""Why a link leads nowhere, as told after «liên kết «…» », and how to fix it (a hint)."""


def windows_told(href: str, fixed: str, why: Why | None, line: int, source: str) -> Problem:
    """The error of a link `href` written with Windows' «\\» in `source`: with the path to
    write, `fixed`, when written so it leads somewhere (`why` None); else with why it does
    not (`why`, told of `fixed`), one error for both mistakes."""
    if why is None:
        return Problem(
            source,
            f"liên kết «{href}» {WINDOWS}",
            line=line,
            hint=f"Viết đường dẫn bằng dấu /: «{fixed}».",
        )
    reason, hint = why
    return Problem(
        source,
        f"liên kết «{href}» {WINDOWS}, và viết bằng dấu / («{fixed}») thì {reason}",
        line=line,
        hint=hint,
    )


def content_link(href: str, site: SiteAddresses | None = None) -> tuple[str, str] | None:
    """(path, "#fragment" or "") when `href` names a Markdown file of the site, else None; with
    the `site`'s addresses, also when written with one of them, as the browser shows it
    ("https://example.gov.vn/chau-thanh/bai-viet/x.md" → "/bai-viet/x.md")."""
    if ".md" not in href or href.startswith("#"):
        return None
    if site is not None and addressed(href):
        href = site.own_path(href) or href
    if href.startswith("//") or SCHEME_RE.match(href):
        return None
    path, mark, fragment = href.partition("#")
    path = path.split("?", 1)[0]
    if not path.endswith(".md"):
        return None
    return nfc(unquote(path)), mark + fragment


def addressed(href: str) -> bool:
    """Whether `href` is written with a host: "https://…", "http://…" or "//…"."""
    return href.startswith("//") or href[:8].lower().startswith(("http://", "https://"))


def _candidates(path: str, source: str, folder: str = "") -> tuple[str, ...]:
    """The project-relative files a link from `source` to `path` may mean, in the order tried
    (as for images: beside the linking file, then under content/; a path from content/ that
    starts with the site's `folder`, as the browser shows it, also without it)."""
    if path.startswith("/"):
        written = posixpath.normpath(CONTENT + path.lstrip("/"))
        if folder and path.startswith(folder + "/"):
            return (written, posixpath.normpath(CONTENT + path[len(folder) :].lstrip("/")))
        return (written,)
    beside = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    return tuple(dict.fromkeys((beside, posixpath.normpath(CONTENT + path))))


def _inside(path: str) -> bool:
    """Whether a normalised project-relative path lies under content/."""
    return path.startswith(CONTENT)


HELD = ""
"""What `resolve` gives for a link to a file in its `held`: a page the website does not have
now, whose address (its slug, from a title that may name a victim or an embargoed fact) must
not go out before it does; the link's words stay, without an address (see Site.unlinked)."""


HELD_LINK_WORDS = "(bài viết hiện không có trên trang)"
"""What a link to a held file (HELD) shows when its own words name that file (see held_words)."""


def held_words(
    href: str, words: str, address: str = "", *, slug_alone_folded: bool = True
) -> str | None:
    """HELD_LINK_WORDS when the `words` of a link to a held file are, or hold among words of
    their own, its file's name or an address of it (an autolink «<https://…/2020-12-20-ten-bai.md>»,
    «Xem 2020-12-20-ten-bai.md», «bản tin 2020-12-20-ten-bai», the page's own address
    «…/2020/12/ten-bai/», or `address`'s, the site path the file will have, which its `slug`
    makes: «…/2020/12/vu-an-x/», «vu-an-x»; each compared as slugs are, slug_folded: «vu_an_x»,
    «/2020/12/vụ-án-x/» spell it too), but for punctuation and markup around them: its
    date and slug (a victim's name, an embargoed fact) must not go out with the address gone;
    None when its words may stay (words of their own that merely hold the slug, «Cập nhật
    COVID-19»). `slug_alone_folded` False (the search index, which asks of every linked file,
    held or not): only a word holding «/» or «.md» is compared folded, the rest as typed, so a
    reader's «[Hướng-dẫn](2020-12-23-huong-dan.md)», «[Cập_nhật](…cap-nhat.md)» stay words."""
    name = unquote(href.partition("#")[0].partition("?")[0]).rstrip("/").rpartition("/")[2]
    typed = nfc(name[:-3] if name.lower().endswith(".md") else name)
    if not typed:
        return None
    # Entities read as the page shows them: «&#47;» is a «/», not a «#» starting a fragment.
    shown = nfc(unquote(unescape(_TAG.sub(_tag_gap, words)))).split()
    kept = [word for word in shown if word.strip(_AROUND)]
    as_typed = [word.casefold() for word in kept]
    if slug_alone_folded:
        folded = kept
    else:
        folded = [word for word in kept if "/" in word or ".md" in word.casefold()]
    named = _names_held(as_typed, typed, address, str.casefold, len(kept) == 1) or (
        bool(folded) and _names_held(folded, typed, address, slug_folded, len(kept) == 1)
    )
    if not named and " " in typed:
        spelt = slug_folded if slug_alone_folded else str.casefold
        named = _names_spaced_file(spelt(" ".join(shown)), spelt(typed))
    return HELD_LINK_WORDS if named else None


def _names_held(
    words: list[str], stem: str, address: str, folding: Callable[[str], str], alone: bool
) -> bool:
    """Whether one of a link's `words` (`alone`: its only one), read by `folding`, names the
    file whose name without «.md» is `stem` or the page at `address` (see held_words)."""
    stem = folding(stem)
    slugs = {_DATED.sub("", stem), folding(nfc(address.rstrip("/").rpartition("/")[2]))}
    # Folded as a word, after the «_» of emphasis around it is stripped («_vu_an_x_»).
    tokens = [folding(word.strip(_AROUND)) for word in words]
    return any(_names_file(token, stem, slugs - {""}, alone) for token in tokens)


def slug_folded(text: str) -> str:
    """`text` as a slug is compared: marks dropped, lower case, «_» as «-» (text.fold, as
    text.slugify makes a slug): «Vụ_Án-Mật» → «vu-an-mat» spells the slug «vu-an-mat»."""
    return fold(nfc(text)).replace("_", "-")


def _names_spaced_file(words: str, stem: str) -> bool:
    """Whether a link's `words` (casefolded, one space between them) spell, word for word, the
    name of a file that holds spaces (`stem`, without «.md»: «2020-12-22-vu an mat», «2020-12-22-x
    (1)»), with «.md» or with a «-» in it (a dated name): its date and words are its page's name."""
    name = re.escape(" ".join(stem.split()))
    file = re.search(rf"(?<![\w.-]){name}(?P<md>\.md)?(?![\w-])", words)
    return file is not None and (file["md"] is not None or "-" in stem)


def _tag_gap(tag: re.Match[str]) -> str:
    """What a tag in a link's words leaves: a line break («Xem<br>2020-12-20-ten-bai.md») parts
    two words as the page shows them; any other tag none («2020-12-20-<b>ten-bai</b>.md»)."""
    return " " if _BREAK.fullmatch(tag[0]) else ""


def _names_file(token: str, stem: str, slugs: Set[str], alone: bool) -> bool:
    """Whether one word `token` of a link's words (`alone`: all of them) names the file whose
    name without «.md» is `stem` and whose address ends in one of `slugs`: as its name, a slug
    with «.md», or in an address."""
    path = token.partition("#")[0].partition("?")[0].rstrip("/")
    last = path.rpartition("/")[2]
    file = last.endswith(".md")
    named = last[:-3] if file else last
    if not named or (named != stem and named not in slugs):
        return False
    if "/" in path:
        return True
    if alone:
        # A name without «-» alone is a word («tin»), a file only with «.md» or in an address.
        return "-" in named or file
    # Among words of their own, a slug alone is a word too («COVID-19»), and so is a name
    # without «-» even with «.md» («hướng dẫn README.md»): the dated name or «.md» names a file.
    return "-" in named and (file or named not in slugs)


_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}-(?=.)")
"""The date a bulletin's file name starts with: the rest is its slug, its page's address."""
_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*|\s*/)?|[!?][^<>]*)>")
"""A tag in a link's words as the page has them («<code>…</code>»): markup, not words; an
address in «<…>» («<2020-12-20-ten-bai.md>», «<https://…>», «<bai-viet/x.md>») is no tag but the
words."""
_BREAK = re.compile(r"<br\s*/?>", re.I)
"""A line break in a link's words (see _tag_gap)."""
_AROUND = " \t\r\n.,;:!?…*_~`'\"«»“”‘’()[]<>"
"""Punctuation and markup around a link's words, which do not make them words of their own."""


HELD_AT = "\0held "
"""Starts what a cache records for a link to a held file (see held_record)."""


def held_record(found: str | None, address: str) -> str | None:
    """What a cache records of a link that led to `found`: for one to a held file (HELD), also
    the `address` it will have (held_address), which decides whether its words go out
    (held_words): a body reused from the cache is made again when that address changes."""
    return HELD_AT + address if found == HELD else found


def held_address(
    href: str,
    source: str,
    documents: Mapping[str, str],
    site: SiteAddresses | None = None,
    held: Collection[str] = frozenset(),
) -> str:
    """The site path the page of the file in `held` a link in `source` names will have once
    it is published (made from its `slug`, which need not be its file's name), "" for any other
    link: words spelling it name that file too (held_words)."""
    file = linked_file(href, source, documents, site)
    return documents[file] if file is not None and file in held else ""


def resolve(
    href: str,
    source: str,
    documents: Mapping[str, str],
    site: SiteAddresses | None = None,
    held: Collection[str] = frozenset(),
) -> str | None:
    """The site path (with its #fragment) of the page a link in `source` leads to, when it
    names a loaded content file (`documents`: see Site.documents), also as written with one of
    the `site`'s addresses (see content_link); HELD when that file is in `held`, also for a
    link to its page's address (see _page_linked); else None."""
    found = _linked(href, source, documents, site)
    if found is None:
        return None
    file, fragment = found
    if file in held:
        return HELD
    # A published page's address leads where it is written (SiteAddresses.own_path).
    return None if content_link(href, site) is None else documents[file] + fragment


def linked_file(
    href: str, source: str, documents: Mapping[str, str], site: SiteAddresses | None = None
) -> str | None:
    """The loaded content file (a key of `documents`) a link in `source` names, as `resolve`
    finds it; None when it names none."""
    found = _linked(href, source, documents, site)
    return None if found is None else found[0]


def _linked(
    href: str, source: str, documents: Mapping[str, str], site: SiteAddresses | None
) -> tuple[str, str] | None:
    """(the loaded file, "#fragment" or "") a link in `source` names; None when it names none."""
    found = content_link(href, site)
    if found is None:
        return _page_linked(href, documents, site)
    file = _loaded(found[0], source, documents, site)
    return None if file is None else (file, found[1])


def _page_linked(
    href: str, documents: Mapping[str, str], site: SiteAddresses | None
) -> tuple[str, str] | None:
    """(the loaded file, "#fragment" or "") whose page a link names by its address, as typed
    from the browser («/2020/12/ten-bai/», in full with an address the site has or had, spaces
    around it as the browser strips them): a held bulletin's is its file's (its slug), whose
    link must not go out either; None for any other link."""
    href = href.strip(_HTML_SPACE)
    if not href or ".md" in href or not (href.startswith("/") or addressed(href)):
        return None
    path = site.own_path(href) if site is not None else None
    if path is None:
        if addressed(href):
            return None
        path = href  # a path of the host: the website puts its folder in front
    path, mark, fragment = path.partition("#")
    path = nfc(unquote(path.split("?", 1)[0])).lower()  # slugs are lowercase; hosts ignore case
    path = path.removesuffix("index.html")  # the folder's page, as the host serves it
    path = path if path.endswith(("/", ".html")) else path + "/"
    file = _pages_of(documents).get(path)
    return None if file is None else (file, mark + fragment)


_PATH_TAIL = (
    r"""\s*(?:["'<][ \t\n\f\r]*)?"""
    r"""(?:[^\s()<>"'&=\[\]]*&|/(?:[^\s)>"'#?]*/)?[^\s)>"'#?./]*(?:\.html)?(?![^\s)>"'#?]))"""
)
"""An address that may be a page's path as the browser shows it («/2020/12/ten-bai/», « /lien-he»,
«/…/index.html», any case), or any address holding «&» (an entity may spell a page's
address in full, «https:&#47;&#47;…», or its host), not a file's («/images/a.jpg», which most
bulletins have). One run of spaces, not two in a row: «](» and 40,000 spaces took 12 s."""
_MARKDOWN_PATH = re.compile(r"\][(:]" + _PATH_TAIL, re.IGNORECASE)
"""An inline link's or a definition's address that may be a page's path; its «]» lets the
search skip ahead as for a word, where a pattern starting any other way tries every character."""
_HTML_PATH = re.compile(r"\bhref[ \t\n\f\r]*=" + _PATH_TAIL, re.IGNORECASE)
"""An HTML link's address that may be a page's path."""


def page_hrefs(body: str, site: SiteAddresses | None) -> list[str]:
    """The addresses of a body's links (hrefs_in), each also with the spaces around it dropped,
    when one may name a page by its address (_page_linked); [] for a body with none, at the
    cost of a search or two: a date «20/12/2020» put nearly every body through hrefs_in."""
    if not _may_name_page(body, site):
        return []
    return [h for href in hrefs_in(body) for h in {href, href.strip()}]


def _may_name_page(body: str, site: SiteAddresses | None) -> bool:
    """Whether a link of `body` may name a page by its path, or in full by the site's address."""
    return (
        _MARKDOWN_PATH.search(body) is not None
        or ("=" in body and _HTML_PATH.search(body) is not None)
        or (
            "//" in body
            and site is not None
            and _hosts_pattern(site.hosts()).search(body) is not None
        )
    )


@lru_cache(maxsize=8)
def _hosts_pattern(hosts: frozenset[str]) -> re.Pattern[str]:
    """An address in full on one of `hosts` («//www.Host…», any case), searched from its «//»."""
    names = "|".join(map(re.escape, sorted(hosts))) or "(?!)"
    return re.compile(rf"//(?:[^/\s]*[.@])?(?:{names})", re.IGNORECASE)


_PAGES: list[tuple[Mapping[str, str], int, dict[str, str]]] = []
"""The last `documents` _pages_of was asked of, with its files by their pages' addresses."""


def _pages_of(documents: Mapping[str, str]) -> dict[str, str]:
    """Each file of `documents` by its page's site path; made once per site, not per link."""
    if _PAGES and _PAGES[0][0] is documents and _PAGES[0][1] == len(documents):
        return _PAGES[0][2]
    pages = {url.lower(): file for file, url in documents.items()}
    _PAGES[:] = [(documents, len(documents), pages)]
    return pages


def _loaded(
    path: str, source: str, documents: Mapping[str, str], site: SiteAddresses | None
) -> str | None:
    """The first of the files a link from `source` to `path` may mean that is loaded."""
    for candidate in _candidates(path, nfc(source), site.folder if site else ""):
        if candidate in documents:
            return candidate
    return None


def may_name_file(href: str) -> bool:
    """Whether `href` may name a Markdown file of the site: as a path, or with an address that
    may be the site's own (judged where the site's address is known: see content_link)."""
    if content_link(href) is not None:
        return True
    if not addressed(href):
        return False
    try:
        return content_link(urlsplit(href).path) is not None
    except ValueError:  # e.g. "http://[oops/x.md": no address, so no file of the site
        return False


def links_in(body: str, first_line: int) -> Links:
    """Each link that may name a Markdown file (see may_name_file) in a body whose first line
    is `first_line`, with its line, in the order written; links shown as code are not links."""
    if ".md" not in body:
        return ()
    text = masked(body)
    found = [(at, href) for at, href in written_target(text) if may_name_file(href)]
    line = LineCounter(text, first_line)
    return tuple((href, line(at)) for at, href in sorted(found))


_COMPUTER_FILE = re.compile(r"(?i:file:)|[A-Za-z]:[\\/]|\\\\")
"""An address naming a file of the editor's own computer: "file:///C:/…", "C:\\…", "\\\\máy\\…"."""
_MAY_NAME_COMPUTER_FILE = re.compile(
    r"[:\\](?:(?<=(?i:file):)|(?<=(?<![A-Za-z])[A-Za-z]:)[\\/]|(?<=\\)\\)"
)
"""The same anywhere in a body ("https://" not: a letter comes before its "s:"), looked for from
the `:` or backslash each one holds: re skips in C to the next of those, where a pattern opening
with three alternatives was tried at every character of every body (~1/8 of a cold load)."""
_IMAGE_TEXT = re.compile(r"!\[[^\]\n]*")
"""An image's `![alt` up to the `]` closing it: images are told by content_images."""


def computer_files(body: str, first_line: int) -> list[tuple[str, int]]:
    """Each link (not image) in a body whose first line is `first_line` to a file of the
    editor's own computer, with its line: Word and Outlook write one for a document dragged in,
    and on the website and Zalo it opens nothing (and shows the editor's folders)."""
    if not _MAY_NAME_COMPUTER_FILE.search(body):  # nearly every body: one search, no parse
        return []
    text = masked(body)
    found = [(at, href) for at, href in written_target(text) if _COMPUTER_FILE.match(href)]
    if not found:
        return []
    images = image_text_ends(text)
    line = LineCounter(text, first_line)
    return [
        (href, line(at))
        for at, href in sorted(found)
        if not (at in images and text.startswith("](", at))
    ]


_DEFINITION_TITLE = re.compile(r"""[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\))[ \t]*$""")
"""A reference definition's title («"Mẫu đơn"», «(Mẫu đơn)»), no part of a file's name."""


def _whole_path(ends: InlineEnds, at: int, href: str) -> tuple[str, int]:
    """The address an inline link at `at` names, its title left out, as the website reads it,
    and where the link ends (-1 when it does not close): a regex reads it up to a space, but
    Explorer's names hold them («C:\\Users\\Minh Anh\\Mẫu đơn.pdf» was cut to
    «C:\\Users\\Minh», «tep/mau don.pdf» to «tep/mau», a broken link), and Python-Markdown
    reads on past a line break too (a title on the next line); written between <…>, as found."""
    text = ends.text
    end = text.find(href, at + 2)
    if end < 0 or text[at + 2 : end].strip():
        return href, -1  # written between <…>, or otherwise: as found
    read = ends.end(end)
    if read is None:
        return href, -1
    href_end, close = read
    return text[end:href_end].strip(), close


_PARAGRAPH_END = re.compile(r"\n(?=[ \t]*(?:\n|$))")
"""A blank line: Python-Markdown reads a link within one paragraph."""
_QUOTE_CLOSE = re.compile(r"(?=(['\"][ \t]*)\))")
"""A quote, then only spaces before a «)»: where a quoted title may close a link (Python-Markdown
counts a line break as the character before the «)», a space not; a tab is spaces to it, its
whitespace preprocessor expanding every tab before any link is read)."""


_ANGLED = re.compile(r"""\s*<([^<>]*)>\s*(?:(?:'[^']*'|"[^"]*")\s*)?\)""")
"""An inline link's address between «<…>», its title and its «)» (Python-Markdown's RE_LINK):
else the «<» is part of an address read on to its «)»."""


class InlineEnds:
    """Where each inline link's address of one text ends, as Python-Markdown 3.11 reads it
    (LinkInlineProcessor.getLink): brackets paired («Mẫu đơn (1).docx»), a quoted title's own
    brackets not («"Mẫu [mới](2024)"»), another link's «](» no end («[a](b c.md [x](y) )» is one
    link to «b c.md [x](y)»). Each link is answered from a few lists made in one pass over the
    text's brackets and quotes: reading each of a line of unclosed links «[a](b [a](b …» on to
    its paragraph's end was quadratic (8,000 took 26 s)."""

    def __init__(self, text: str) -> None:
        """The lists of `text`: its blank lines, quotes, brackets with their depth, and where a
        title may close."""
        self.text = text
        self.paragraph_ends = [m.start() for m in _PARAGRAPH_END.finditer(text)]
        self.quotes = [m.start() for m in re.finditer("['\"]", text)]
        self.brackets = [m.start() for m in re.finditer(r"[()]", text)]
        depth = 0
        self.depths = [0]
        """The depth before each bracket, and after the last: each «(» one deeper, «)» one less."""
        for at in self.brackets:
            depth += 1 if text[at] == "(" else -1
            self.depths.append(depth)
        self.shallower = self._next_shallower()
        # (where the quote is, where the «)» is) of each place a title may close a link, by quote.
        self.closes: dict[str, list[tuple[int, int]]] = {"'": [], '"': []}
        for match in _QUOTE_CLOSE.finditer(text):
            self.closes[match[1][0]].append((match.start(), match.end(1)))
        self.any_closes = sorted(self.closes["'"] + self.closes['"'])

    def link(self, at: int) -> tuple[str, int] | None:
        """(its address as the page links it, where it ends) of the inline link whose «(» ends
        at `at` («[words](» read by a regex of its own): between «<…>» («<bai viet.md>»), or
        read on to its «)» («bai viet.md "Tiêu đề"»); None when it does not close (no link)."""
        angled = _ANGLED.match(self.text, at)
        if angled is not None:
            return angled[1].strip(), angled.end()
        start = at
        while start < len(self.text) and self.text[start].isspace():
            start += 1
        read = self.end(start)
        if read is None:
            return None
        return self.text[start : read[0]].strip(), read[1]

    def _next_shallower(self) -> list[int]:
        """For each depth in `depths`, the index of the first later one shallower (len if none)."""
        found = [len(self.depths)] * len(self.depths)
        waiting: list[int] = []
        for index, depth in enumerate(self.depths):
            while waiting and self.depths[waiting[-1]] > depth:
                found[waiting.pop()] = index
            waiting.append(index)
        return found

    def end(self, start: int) -> tuple[int, int] | None:
        """(where the address ends, where the link ends) of an inline link whose address starts
        at `start`; None when it does not close within its paragraph."""
        text = self.text
        ends = self.paragraph_ends
        paragraph = ends[bisect_left(ends, start)] if ends and ends[-1] >= start else len(text)
        first = bisect_left(self.brackets, start)
        # Unquoted, the link closes at the first «)» that takes the depth under the one before it.
        shallower = self.shallower[first]
        close = self.brackets[shallower - 1] if shallower < len(self.depths) else len(text)
        at = bisect_left(self.quotes, start)
        quote = self.quotes[at] if at < len(self.quotes) else len(text)
        if close < min(quote, paragraph):
            return close, close + 1
        if quote >= paragraph:
            return None
        return self._titled(
            quote,
            1 + self.depths[bisect_left(self.brackets, quote)] - self.depths[first],
            paragraph,
        )

    def _titled(self, quote: int, depth: int, paragraph: int) -> tuple[int, int] | None:
        """The ends of a link whose address meets a quote at `quote`, `depth` brackets deep,
        within a paragraph ending at `paragraph`: at the first «)» right after that quote
        closing again, or after the other kind of quote twice; else at the «)» that pairs its
        brackets (counting any bracket after the quote), if that is a «)»."""
        text = self.text
        mark = text[quote]
        other = "'" if mark == '"' else '"'
        closes = self.closes[mark]
        found = (
            closes[bisect_right(closes, (quote, len(text)))]
            if closes and closes[-1][0] > quote
            else None
        )
        second = text.find(other, quote + 1, paragraph)
        if second >= 0:
            later = self.any_closes
            at = bisect_right(later, (second, len(text)))
            if at < len(later) and (found is None or later[at] < found):
                found = later[at]
        if found is not None and found[1] < paragraph:
            held, close = found
            return (quote if text[held] == mark else second), close + 1
        at = bisect_right(self.brackets, quote) + depth - 1
        if (
            at < len(self.brackets)
            and self.brackets[at] < paragraph
            and text[self.brackets[at]] == ")"
        ):
            return self.brackets[at], self.brackets[at] + 1
        return None


def inline_links(text: str, opener: re.Pattern[str]) -> Iterator[tuple[re.Match[str], str, int]]:
    """Each inline link of `text` that `opener` finds («[words](»), with its address and where
    it ends as the page links it (InlineEnds), none opening inside an address read before it:
    the one reading the website, search index, radio and PII check all share."""
    if "](" not in text:
        return
    ends = InlineEnds(text)
    read_to = 0
    for match in opener.finditer(text):
        link = ends.link(match.end()) if match.start() >= read_to else None
        if link is not None:
            href, read_to = link
            yield match, href, read_to


def _whole_definition(text: str, end: int, href: str) -> str:
    """The Windows path a reference definition whose address `href` ends at `end` names, up to
    the end of its line (its title left out): «[mẫu]: tep\\mau don.pdf» names «tep\\mau
    don.pdf», as an inline link does (_whole_path)."""
    close = text.find("\n", end)
    rest = text[end : len(text) if close < 0 else close]
    if not rest[:1].isspace():
        return href
    rest = _DEFINITION_TITLE.sub("", rest)
    return href + rest.rstrip() if rest.strip() else href


def image_text_ends(text: str) -> set[int]:
    """Where each image's alt text `![…` ends in `text` (at its `]`, or a line break that
    leaves it open), found in one pass: searching back from each link to its line's start
    was quadratic on a long line of links."""
    return {match.end() for match in _IMAGE_TEXT.finditer(text)}


def hrefs_in(body: str) -> list[str]:
    """Every link and image address written in a body (inline, reference definition, `<a
    href>`, `<https://…>`), in the order written; those shown as code are not links."""
    return [href for _, href in sorted(written_target(masked(body)))]


def written_target(text: str) -> Iterator[tuple[int, str]]:
    """Each link address in a masked body, with where it starts; one broken over lines is
    told as such once (see broken_addresses), and read by no other check."""
    for at, href in _targets(text):
        if "\n" not in href:
            yield at, href


_MAY_BREAK = re.compile(r"\]\([^()\n\]]*\n")
"""What a link whose address goes on past a line break starts with: «](» and a line's end
before any bracket (each try ends at the next link's «]»)."""


def broken_addresses(body: str, first_line: int) -> list[tuple[str, int]]:
    """Each inline link of a body whose first line is `first_line` whose address goes on past
    a line break («[Mẫu đơn](tep/mau⏎don.pdf)»), as written, with its line: Python-Markdown
    links it whole, and the browser drops the line break («tep/maudon.pdf»), neither the
    file with a space nor one without that the editor may have meant."""
    if "\n" not in body or not _MAY_BREAK.search(body):  # nearly every body: one search
        return []
    text = masked(body)
    line = LineCounter(text, first_line)
    return [(href, line(at)) for at, href in _targets(text) if "\n" in href]


KEPT_SCHEMES = ("http", "https", "mailto", "tel")
"""The schemes of the addresses the website's sanitiser keeps (render.web.markdown's
URL_SCHEMES): a link with any other loses its address, on the page, in Zalo and on air."""
CONTACT_SCHEMES = (
    "zalo", "viber", "sms", "smsto", "skype", "whatsapp", "tg", "callto", "facetime", "ftp"
)  # fmt: skip
"""Schemes an editor writes to reach someone by an app or to fetch a file, which the website
drops (not KEPT_SCHEMES): only these are told, a hostile «javascript:» being the sanitiser's."""
_CONTACT_SCHEMES = rf"(?i:{'|'.join(CONTACT_SCHEMES)}):"
_MAY_DROP = re.compile(rf"\](?:\(\s*|:[ \t]*)<?{_CONTACT_SCHEMES}")
"""Where a Markdown link's address (inline, a definition's) may open with one of
_CONTACT_SCHEMES: one search of a body from each «]», nearly always in vain (one pattern for
this and an HTML link's «=» was tried at every character: 6× slower)."""
_MAY_DROP_HTML = re.compile(rf"=\s*[\"']?{_CONTACT_SCHEMES}")
"""Where an HTML link's address may open with one of _CONTACT_SCHEMES (`href="zalo:…"`)."""
_DROPPED = re.compile(_CONTACT_SCHEMES)


def dropped_links(body: str, first_line: int) -> list[tuple[str, str, int]]:
    """(address, scheme, line) of each link in a body whose first line is `first_line` whose
    address has a scheme the website does not keep, written to reach someone by an app
    («zalo:0912345678», «viber://…», «sms:…», see _CONTACT_SCHEMES):
    the page shows its words and no link (the sanitiser drops the address), Zalo and the radio
    its words alone, and a number written only in the address reaches no reader."""
    if not _MAY_DROP.search(body) and not ("<" in body and _MAY_DROP_HTML.search(body)):
        return []  # nearly every body: one search
    text = masked(body)
    found = []
    for at, href in sorted(written_target(text)):
        scheme = _DROPPED.match(href)
        if scheme is not None:
            found.append((at, href, scheme[0].rstrip(":").lower()))
    line = LineCounter(text, first_line)
    return [(href, name, line(at)) for at, href, name in found]


_MAY_NEST = re.compile(r"\]\([^()\n\[\]]*\)[^\[\]\n]*\]\(")
"""A link's «](…)» and, before any other bracket, another «](»: what a link inside the words
of another ends with (each try ends at the next bracket)."""
_NESTED = re.compile(
    r"(?<![!\\])\[(?P<before>[^\[\]\n]*)(?<![!\\])\[(?P<words>[^\[\]\n]*)\]"
    r"\((?P<inner>[^()\n]*)\)(?P<after>[^\[\]\n]*)\]\((?P<outer>[^()\n]*)\)"
)
"""A link inside the words of another, «[[Mẫu đơn](a.pdf)](b.pdf)» (an image there is no link:
«[![ảnh](a.jpg)](b.jpg)» makes one a reader can click)."""


@dataclass(frozen=True, slots=True)
class Nested:
    """A link written inside the words of another (see nested_links)."""

    inner: str
    """The inner link as written, «[Mẫu đơn](a.pdf)»."""
    words: str
    """The outer link's words with the inner link's words alone, «Mẫu đơn»."""
    inner_href: str
    outer_href: str
    line: int


def nested_links(body: str, first_line: int) -> list[Nested]:
    """Each link written inside the words of another in a body whose first line is
    `first_line`: Python-Markdown makes no link of it, and the page and Zalo show its brackets
    and address among the outer link's words («[Mẫu đơn](a.pdf)»), which the radio cannot
    read and the search index does not hold."""
    if not _MAY_NEST.search(body):  # nearly every body: one search
        return []
    text = masked(body)
    line = LineCounter(text, first_line)
    return [
        Nested(
            inner=match[0][len(match["before"]) + 1 : match.end("inner") + 1 - match.start()],
            words=(match["before"] + match["words"] + match["after"]).strip(),
            inner_href=match["inner"].strip(),
            outer_href=match["outer"].strip(),
            line=line(match.start()),
        )
        for match in _NESTED.finditer(text)
    ]


_MAY_NEST_REFERENCE = re.compile(
    r"\[[^\[\]\n]*\[[^\[\]\n]*\](?:[ ]?\[[^\[\]\n]*\])?[^\[\]\n]*\][(\[]"
)
"""Words in brackets inside a link's words, «[[1]](» or «[[1]][»: what a reference link inside
the words of another ends with (each try ends at the next bracket)."""
_NESTED_REFERENCE = re.compile(
    r"(?<![!\\])\[(?P<before>[^\[\]\n]*)(?<![!\\])\[(?P<words>[^\[\]\n]*)\]"
    r"(?:[ ]?\[(?P<id>[^\[\]\n]*)\])?(?P<after>[^\[\]\n]*)\]"
    r"(?:\((?P<outer>[^()\n]*)\)|\[(?P<outer_id>[^\[\]\n]+)\])"
)
"""A reference link («[1]», «[Mẫu đơn][r]») inside the words of another, inline or by
reference: «[[1]](https://…)»."""


_LABELLED_DEFINITION = re.compile(
    r"^ {0,3}\[(?!\^)(?P<id>[^\]\n]+)\]:[ \t]*(?:<(?P<angled>[^>\n]*)>|(?P<href>\S+))",
    re.MULTILINE,
)
"""A reference definition «[id]: address» as DEFINITION_RE finds it, with its label (no
footnote's)."""


def reference_definitions(text: str) -> dict[str, str]:
    """Each reference definition's address in `text` by its label (`reference_label`), the
    first of a label kept; an empty «<>» an empty address."""
    defined: dict[str, str] = {}
    for definition in _LABELLED_DEFINITION.finditer(text):
        angled, href = definition["angled"], definition["href"]
        defined.setdefault(
            reference_label(definition["id"]), (angled if angled is not None else href).strip()
        )
    return defined


def nested_references(body: str, first_line: int) -> list[Nested]:
    """Each reference link whose label a definition of a body whose first line is `first_line`
    defines, written inside the words of another («[[1]](https://…)» beside «[1]: https://…»):
    Python-Markdown makes both links, one inside the other, and the browser ends the outer at
    the inner's start: the page links the inner words to the definition's address, and the
    outer link keeps only the words around them (none: a link a reader cannot see or click)."""
    if "]:" not in body or not _MAY_NEST_REFERENCE.search(body):  # nearly every body
        return []
    text = masked(body)
    defined = reference_definitions(text)
    line = LineCounter(text, first_line)
    found = []
    for match in _NESTED_REFERENCE.finditer(text):
        inner_href = defined.get(reference_label(match["id"] or match["words"]))
        outer_href = (
            match["outer"].strip()
            if match["outer"] is not None
            else defined.get(reference_label(match["outer_id"]))
        )
        if inner_href is None or outer_href is None:
            continue
        inner_end = match.end("words") + 1 if match["id"] is None else match.end("id") + 1
        found.append(
            Nested(
                inner=text[match.start("words") - 1 : inner_end],
                words=(match["before"] + match["words"] + match["after"]).strip(),
                inner_href=inner_href,
                outer_href=outer_href,
                line=line(match.start()),
            )
        )
    return found


def _targets(text: str) -> Iterator[tuple[int, str]]:
    """Each link address in a masked body, with where it starts (see written_target)."""
    ends: InlineEnds | None = None
    for pattern in (INLINE_RE, DEFINITION_RE, AUTOLINK_RE):
        read_to = -1
        for match in pattern.finditer(text):
            if match.start() < read_to:
                continue  # «](» in the title of a link read whole: «"Mẫu [mới](2024)"» links nothing
            href = next((g for g in match.groups() if g is not None), "").strip()
            # Only a link holding a «\\» or a drive's «C:» («C:/Users/Minh Anh/…» too) is asked.
            windows = "\\" in href or href[1:2] == ":"
            spaced = text[match.end() : match.end() + 1] in (" ", "\t", "\n")
            if pattern is INLINE_RE and match.lastindex == 2 and spaced:
                # Read whole, as the website's link holds it (Python-Markdown reads an inline
                # address up to its `)`, spaces, line breaks and all: «../tep/Mẫu đơn.pdf», a
                # bulletin's title): one error naming what was written, not one for «../tep/Mẫu».
                ends = ends or InlineEnds(text)
                href, read_to = _whole_path(ends, match.start(), href)
            elif (
                pattern is DEFINITION_RE and windows and match.lastindex == 2 and windows_path(href)
            ):
                href = _whole_definition(text, match.end(), href)
            yield match.start(), href
    for at, href in anchors(text):
        yield at, browser_href(href)


_HTML_SPACE = " \t\n\f\r"
"""The whitespace HTML strips from around a URL (no other, unlike str.strip)."""


def browser_href(raw: str) -> str:
    """An href as the browser follows it: entities read, the whitespace HTML strips around it
    dropped («href=" 2026-12-01-ten-bai.md "» leads to that file) — one reading for the page,
    the search index and the checks."""
    return unescape(raw).strip(_HTML_SPACE)


def html_link_href(match: re.Match[str]) -> str:
    """The address of a link found by HTML_LINK_RE, as the browser reads it (`browser_href`):
    the key links_in gives it."""
    return browser_href(
        next(match[g] for g in ("quoted", "single", "bare") if match[g] is not None)
    )


def html_links(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Each raw HTML link of `text` as the page reads it, with its address as the browser reads
    it (browser_href): closed (HTML_LINK_RE), else read loosely (LOOSE_HTML_LINK_RE: «</a >», a
    quoted «>», a tag never closed); its words are the match's "words". The one reading of the
    search index, the radio and the station: the radio and the station read only closed links,
    and an unclosed «<a href="held.md">2020-12-22-vu an mat.md» gave them the held name."""
    at = 0
    while (tag := _TAG_OPEN_RE.search(text, at)) is not None:
        closed = HTML_LINK_RE.match(text, tag.start())
        if closed is not None:
            yield closed, html_link_href(closed)
            at = closed.end()
            continue
        loose = LOOSE_HTML_LINK_RE.match(text, tag.start())
        href = None if loose is None else href_attribute(loose["attributes"])
        if loose is not None and href is not None:
            yield loose, browser_href(href)
        at = tag.end() if loose is None else loose.end()


def href_attribute(attributes: str) -> str | None:
    """The address in an HTML tag's `attributes` («href="bai viet.md" title="x"»), a quoted one
    read to its closing quote; None when it has none."""
    match = _HREF_RE.search(attributes)
    return None if match is None else next(g for g in match.groups() if g is not None)


_ATTRIBUTES = re.compile(r"""(?:[^<>"']|"[^"<]*"|'[^'<]*')*""")
"""A tag's attributes, a quoted value read whole: «<a title="a>b" href="x.md">» ends at its
last «>», as the page reads it (the checks and the radio's held links ended it in the title and
found no address). Each try ends at the next «<»."""


def anchors(text: str) -> Iterator[tuple[int, str]]:
    """Where each match of ANCHOR_RE starts in `text`, and its href, as ANCHOR_RE.finditer finds them."""
    pos = 0
    while tag := _TAG_OPEN_RE.search(text, pos):
        read = _ATTRIBUTES.match(text, tag.end())
        if read is not None and text.startswith(">", read.end()):
            closed = read.end()
        else:
            closed = text.find(">", tag.end())
            closed = len(text) if closed < 0 else closed
        key = _HREF_RE.search(text, tag.end(), closed)
        if key is None:
            pos = closed  # no href before this '>', so none for any `<a` before it either
            continue
        match = _HREF_RE.match(text, key.start()) or key  # again in full: "a>b" may be quoted
        yield tag.start(), next((g for g in match.groups() if g is not None), "")
        pos = match.end()


@dataclass(frozen=True, slots=True)
class ContentFiles:
    """What links between content files may lead to, for checking them as a site is loaded."""

    root: Path
    site: SiteAddresses
    """The site's addresses: links written with them are read as its files' (content_link)."""
    documents: Mapping[str, str]
    """Site path of each loaded bulletin and page, by its file (see Site.documents)."""
    unloaded: Set[str]
    """Content files found but not loaded (their own errors say why)."""
    off_web: Mapping[str, frozenset[str]]
    """The channels of each loaded bulletin that is not on the website, by its file."""

    def problems(
        self, source: str, links: Sequence[tuple[str, int]], *, on_web: bool
    ) -> list[Problem]:
        """An error for each link of `source` that leads to no page of the website (those of a
        file not `on_web` only when they lead to no file at all)."""
        found = []
        for href, line in links:
            problem = self._problem(nfc(source), href, line, on_web=on_web)
            if problem is not None:
                found.append(problem)
        return found

    def _problem(self, source: str, href: str, line: int, *, on_web: bool) -> Problem | None:
        """Why one link leads nowhere, or None when it leads to a page (or its target has
        errors of its own)."""
        if windows_path(href):
            # «..\\pages\\lien-he.md» was told it named no file, with no word of Windows' «\\».
            fixed = slashed(href)
            return windows_told(href, fixed, self._why(source, fixed, on_web=on_web), line, source)
        why = self._why(source, href, on_web=on_web)
        if why is None:
            return None
        return Problem(source, f"liên kết «{href}» {why[0]}", line=line, hint=why[1])

    def _why(self, source: str, href: str, *, on_web: bool) -> Why | None:
        """Why the link `href` of `source` leads nowhere (see _problem), None when it leads to
        a page."""
        target = content_link(href, self.site)
        if target is None:
            return None
        candidates = _candidates(target[0], source, self.site.folder)
        for candidate in candidates:
            if candidate in self.unloaded:
                return None
            if candidate in self.documents:
                channels = self.off_web.get(candidate)
                if channels is None or not on_web:
                    return None
                return (
                    f"dẫn tới bản tin {candidate}, bản tin này không đăng trên website "
                    f"(channels: [{', '.join(sorted(channels))}])",
                    "Thêm web vào channels của bản tin đó, hoặc bỏ liên kết: trên website và "
                    "Zalo, liên kết sẽ dẫn tới trang không có.",
                )
        inside = [c for c in candidates if _inside(c)]
        if not inside:
            return (
                "trỏ ra ngoài thư mục content/",
                "Chỉ liên kết được tới bản tin và trang trong content/; liên kết tới trang "
                "web khác thì ghi đủ địa chỉ https://…",
            )
        if _exists_as_written(self.root / inside[0]):
            return (
                f"dẫn tới tệp {inside[0]}, tệp này không được nạp (tên tệp hay thư mục bắt đầu "
                "bằng '_' hoặc '.' thì bị bỏ qua)",
                "Đổi tên tệp kia nếu đó là một bản tin, hoặc bỏ liên kết.",
            )
        return (
            f"không dẫn tới bản tin hay trang nào: không có tệp {inside[0]}",
            (OLD_ADDRESS_HINT if self.site.old_path(href) is not None else "")
            + self._suggestion(inside[0], source, href, target[1])
            + LINK_HINT,
        )

    def _suggestion(self, wanted: str, source: str, href: str, fragment: str) -> str:
        """The hint "Có phải ý bạn là …?" naming the loaded file of the closest name (in the
        folder of `wanted` when several are as close) as the link should write it; "" if none."""
        by_name: dict[str, list[str]] = {}
        for path in self.documents:
            by_name.setdefault(posixpath.basename(path), []).append(path)
        # File names, not paths: every path of a folder shares its first thirty characters.
        close = difflib.get_close_matches(
            posixpath.basename(wanted), list(by_name), n=1, cutoff=0.8
        )
        if not close:
            return ""
        folder = posixpath.dirname(wanted)
        paths = sorted(by_name[close[0]])
        chosen = next((p for p in paths if posixpath.dirname(p) == folder), paths[0])
        if href.startswith("/"):
            written = "/" + chosen.removeprefix(CONTENT)
        else:
            written = posixpath.relpath(chosen, posixpath.dirname(source))
        return f"Có phải ý bạn là «{written}{fragment}»? "


def _exists_as_written(path: Path) -> bool:
    """Whether the file exists with exactly this name: Windows and macOS find `A.md` as `a.md`,
    and a link differing in case from its file is then a typo, not a skipped file."""
    try:
        return path.is_file() and path.name in os.listdir(path.parent)
    except OSError:
        return False


def reference_label(written: str) -> str:
    """A reference link's label as Markdown matches it with its definition: case and runs of
    spaces do not count (the page, the search index, the radio's words and attachments alike)."""
    return " ".join(written.split()).casefold()
