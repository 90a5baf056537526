"""The warning for a link from published content to a bulletin or page not published now.

Such a link keeps its words on every channel but loses its address (Site.unlinked, links.HELD):
the address is made from the held bulletin's date and title, which may carry a victim's name or
an embargoed fact, and the website has no page there yet (or any more). The link check of the
rendered pages no longer sees such a link, so `publish check` tells it from the content: the
file and line of the link, what holds the other back, and that its address comes back by
itself once the other is published. A warning, never an error, even under --strict: an embargo
ending or an expiry must not stop every other publication until someone edits the links.

A bulletin its channels keep off the website (`channels: [radio]`, `draft: [web]`) is no such
case: it is not coming to the website, so a link to it leads nowhere for good, and the load
tells it as an error (links.ContentFiles); no warning says its address comes back.
"""

from __future__ import annotations

import re
from collections.abc import Set
from functools import lru_cache

from publish.addresses import SiteAddresses
from publish.errors import Problem
from publish.links import (
    HELD,
    SPELT_SLASH,
    content_link,
    entities_read,
    linked_file,
    page_hrefs,
    resolve,
    slug_folded,
)
from publish.model import Bulletin, Page, Site
from publish.render.web.search import linked_pages, plain_text
from publish.text import LineCounter, nfc
from publish.titled_names import DATED_PATH, captions, spellings, titled_names

__all__ = ["held_page_addresses", "unlinked_warnings"]

OUT_CHANNELS = frozenset({"web", "zalo"})
"""The channels a link's address goes out on (a radio script reads its words alone)."""


def unlinked_warnings(site: Site) -> list[Problem]:
    """A warning for each link of a bulletin or page going out on the website or Zalo to a
    file whose page the website does not have now (not one its channels keep off it: the load
    tells that as an error), at the link's first line, in file order."""
    unlinked = site.unlinked()
    if not unlinked:
        return []
    why = _reasons(site)
    never = {
        nfc(b.source)
        for b in (*site.bulletins, *(e.bulletin for e in site.excluded))
        if "web" not in b.channels
    }
    addresses = site.config.addresses
    items: list[Bulletin | Page] = [
        *(b for b in site.bulletins if OUT_CHANNELS & b.channels),
        *site.pages,
    ]
    # A held bulletin's page address written as text: its slug goes out as typed.
    held_pages = {
        slug_folded(site.documents[file].rstrip("/")): file
        for file in unlinked - never
        if file in site.documents and DATED_PATH.search(site.documents[file]) is not None
    }
    found: list[Problem] = []
    for item in sorted(items, key=lambda i: i.source):
        told: set[str | tuple[str, int]] = set()
        for href, line in item.links:
            target = linked_file(href, item.source, site.documents, addresses)
            if target is None or target not in unlinked or target in never or href in told:
                continue
            told.add(href)
            shown = "trang" if isinstance(item, Page) else "bản tin"
            found.append(_warning(item.source, shown, href, line, target, why.get(target)))
        captioned: list[Problem] = []
        dropped: list[tuple[int, int]] = []  # the captions the page drops
        for start, end, line, names in captions(item.body, item.body_line):
            for name in names:
                target = _held_file(name, item.source, site, addresses, unlinked)
                if target is None:
                    continue
                # Dropped from the page whether or not its name was told: a second caption of
                # the same line naming the same page is blanked too, no address told in it.
                if not dropped or dropped[-1] != (start, end):
                    dropped.append((start, end))
                if (name, line) in told:
                    continue
                told.add((name, line))
                captioned.append(
                    _title_warning(
                        item.source, name, line, target, why.get(target), titled="ảnh", part=CAPTION
                    )
                )
        found += _written_addresses(item, held_pages, why, site, dropped)
        for name, line, titled in titled_names(item.body, item.body_line):
            target = _held_file(name, item.source, site, addresses, unlinked)
            if target is None or (name, line) in told:
                continue
            told.add((name, line))
            found.append(
                _title_warning(item.source, name, line, target, why.get(target), titled=titled)
            )
        found += captioned
    return found


def _held_file(
    name: str, source: str, site: Site, addresses: SiteAddresses, unlinked: Set[str]
) -> str | None:
    """The file in `unlinked` a name in a title or caption of `source` names, as typed or
    folded (titled_names.spellings: the page drops it either way); None when it names none."""
    for spelt in spellings(name):
        target = linked_file(spelt, source, site.documents, addresses)
        if target is not None and target in unlinked:
            return target
    return None


TITLE = "tiêu đề"
"""What `_title_warning` tells of: a tag's title («title="…"»), a Markdown link's or image's."""
CAPTION = "chú thích"
"""What `_title_warning` tells of: a figure's caption typed as HTML («<figcaption>…»)."""
_TAGGED = {TITLE: "tiêu đề (title)", CAPTION: "chú thích (figcaption)"}


def _title_warning(
    source: str,
    name: str,
    line: int,
    target: str,
    reason: tuple[str, str] | None,
    *,
    titled: str,
    part: str = TITLE,
) -> Problem:
    """The warning for a title (`part`: or a figure's caption) in `source` naming the held
    `target` (as `name`), of the link, image or other tag `titled` says (titled_names)."""
    kind, why = reason or ("bản tin", "không được đăng lúc này")
    # A page's address («/2020/12/ten-bai/») holds the file's title words as its name does.
    named = "tên tệp" if ".md" in name.lower() else "địa chỉ trang"
    # The index reads a caption's words (search.plain_text): a file's name it drops, not these.
    indexed = (
        ", nhưng chỉ mục tìm kiếm vẫn lấy các chữ của địa chỉ ấy"
        if part == CAPTION and named == "địa chỉ trang"
        else ""
    )
    return Problem(
        source,
        f"{_TAGGED[part]} của {titled} nêu {named} «{name}» của {kind} không được đăng lúc "
        f"này: {why} (tệp {target}); website bỏ {part} ấy đi{indexed}",
        line=line,
        hint=f"{named.capitalize()} mang ngày và tiêu đề của bài kia, chưa được lộ ra trước khi "
        f"bài kia được đăng. Bỏ {named} khỏi {part} của {titled}, hoặc viết {part} bằng lời "
        "của mình.",
        severity="warning",
    )


def _reasons(site: Site) -> dict[str, tuple[str, str]]:
    """(what it is, why it is not on the website) of each bulletin and page held, by file."""
    found = {nfc(source): ("trang", why) for source, why in site.held_pages.items()}
    for exclusion in site.excluded:
        found[nfc(exclusion.bulletin.source)] = ("bản tin", exclusion.reason)
    return found


def _warning(
    source: str, shown: str, href: str, line: int, target: str, reason: tuple[str, str] | None
) -> Problem:
    """The warning for one link of `source` (`shown`: what it is) to the held `target`."""
    kind, why = reason or ("bản tin", "không được đăng lúc này")
    other = "bài kia" if kind == "bản tin" else "trang kia"
    return Problem(
        source,
        f"liên kết «{href}» trỏ tới {kind} không được đăng lúc này: {why} (tệp {target}); "
        f"đường dẫn bị bỏ cho tới khi {other} được đăng",
        line=line,
        hint=(
            f"{shown.capitalize()} này vẫn được đăng; chữ của liên kết vẫn hiện trên website và Zalo nhưng "
            f"không dẫn đi đâu, vì địa chỉ của {other} (lấy từ ngày và tiêu đề) chưa được lộ ra "
            f"trước khi {other} được đăng. Khi {other} được đăng, lần dựng sau tự gắn lại đường "
            f"dẫn. Bỏ liên kết nếu {other} không quay lại."
        ),
        severity="warning",
    )


def held_page_addresses(site: Site) -> list[tuple[str, str, str]]:
    """(the linking page's site path, its file, the link as its page would show it) of each
    link of a bulletin or page going out on the website that names a held page by its address
    («/2020/12/ten-bai/», typed from the browser): the website shows its words alone, so the
    check of the rendered pages, which tells such a link, is given it from here."""
    addresses = site.config.addresses
    unlinked = site.unlinked()
    items: list[Bulletin | Page] = [*site.for_channel("web"), *site.pages]
    found: list[tuple[str, str, str]] = []
    for item in items:
        for href in page_hrefs(item.body, addresses):
            if content_link(href, addresses) is not None:
                continue  # a link to its file: told by unlinked_warnings
            if resolve(href, item.source, site.documents, addresses, unlinked) != HELD:
                continue
            written = href.strip(" \t\n\f\r")
            path = addresses.own_path(written) or written
            found.append((item.url, item.source, addresses.folder + path))
    return found


def _written_addresses(
    item: Bulletin | Page,
    held_pages: dict[str, str],
    why: dict[str, tuple[str, str]],
    site: Site,
    dropped: list[tuple[int, int]],
) -> list[Problem]:
    """A warning for each held bulletin's page address (`held_pages`: its file by its site path,
    folded, without its last «/») that `item`'s body shows as text, on this site («/2020/12/
    ten-bai/», «https://…/2020/12/ten-bai/», «www.…/2020/12/ten-bai/»), at its first line; typed
    with marks or «_» («/2020/12/tên_bài/») it spells the slug's words as much (slug_folded)."""
    if not held_pages or DATED_PATH.search(item.body) is None:
        return []
    lowered = _folded_in_place(item.body)
    # «&#47;2020/12/ten-bai/» shows as the path too; decoded only when it may hold an entity.
    spelt = entities_read(lowered)
    written = [(path, file) for path, file in held_pages.items() if path in spelt]
    if not written:
        return []
    # What the page and the index show: link addresses, titles, tags and hidden comments
    # dropped, link words naming the held page already neutral, and each caption in `dropped`
    # (the page drops it; a caption's own warning tells the index's part).
    addresses = site.config.addresses
    pages = dict(linked_pages(item, site))
    body = _blanked(item.body, dropped)
    shown = entities_read(slug_folded(plain_text(body, pages)))
    line = LineCounter(item.body, item.body_line)
    found = []
    for path, file in written:
        if not any(_on_this_site(shown, at, path, addresses) for at in _found_at(shown, path)):
            continue
        # The first line showing it: an earlier one may hold it as a link's address.
        places = _spelt_at(lowered, path)
        if not places:  # spelt with entities beyond a «/» («cong&#97;n»): quoted as read
            at = _first_line_spelling(lowered, path)
            found.append(_text_warning(item.source, path + "/", line(at), file, why))
            continue
        at, end = next(
            ((a, e) for a, e in _line_firsts(body, places) if _shown_on_line(body, a, path, pages)),
            places[0],
        )
        closing = _SLASH_AT.match(lowered, end)  # its last «/», typed or spelt
        typed = item.body[at : end if closing is None else closing.end()]
        found.append(_text_warning(item.source, typed, line(at), file, why))
    return found


def _blanked(body: str, spans: list[tuple[int, int]]) -> str:
    """`body` with each of `spans` (start, end) made spaces, its line breaks kept: every offset
    and line stays where it was."""
    for start, end in spans:
        body = body[:start] + re.sub(r"[^\n]", " ", body[start:end]) + body[end:]
    return body


def _folded_in_place(text: str) -> str:
    """`text` folded as slugs are compared (slug_folded), each character to one: an offset in
    it is one in `text`, the address found quoted as typed."""
    if text.isascii():
        return text.lower().replace("_", "-")
    return "".join(map(_char_folded, text))


@lru_cache(maxsize=4096)
def _char_folded(char: str) -> str:
    """One character as slug_folded folds it, itself when that is not one character."""
    folded = slug_folded(char)
    return folded if len(folded) == 1 else char


def _found_at(text: str, path: str) -> list[int]:
    """Where `path` is found in `text` not as the start of a longer slug («vu-an-2»)."""
    found, at = [], text.find(path)
    while at >= 0:
        if not _slug_goes_on(text, at + len(path)):
            found.append(at)
        at = text.find(path, at + 1)
    return found


_SLASH_AT = re.compile(f"{SPELT_SLASH}?")
"""A page address's last «/», typed or spelt, where its path found ends (or nothing)."""


def _spelt_at(text: str, path: str) -> list[tuple[int, int]]:
    """Where (start, end) `path` is found in the lowercase `text`, each «/» typed or spelt as an
    entity («&#47;»), not as the start of a longer slug («vu-an-2»)."""
    if "&" not in text:
        return [(at, at + len(path)) for at in _found_at(text, path)]
    spelt = re.compile(SPELT_SLASH.join(re.escape(part) for part in path.split("/")))
    return [(m.start(), m.end()) for m in spelt.finditer(text) if not _slug_goes_on(text, m.end())]


def _first_line_spelling(text: str, path: str) -> int:
    """Where the first line of `text` whose entities spell `path` starts (0 if none does)."""
    start = 0
    for row in text.split("\n"):
        if path in entities_read(row):
            return start
        start += len(row) + 1
    return 0


def _slug_goes_on(text: str, at: int) -> bool:
    """Whether a slug found ending at `at` goes on there («/2020/12/vu-an-2» after «vu-an»)."""
    return at < len(text) and (text[at].isalnum() or text[at] in "-_")


_HOST_OR_FOLDER = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-_~%/")
"""What a host and a folder written before a page's path are made of (lowercase)."""
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z](?:[a-z0-9-]*[a-z0-9])?")
"""A real host's name: dotted labels («vnexpress.net»), not «.» nor «443» (a port's)."""
_LONGEST_BEFORE = 300
"""How far back a host and folder are read: no further, or a run of paths is read quadratically."""


def _on_this_site(text: str, at: int, path: str, addresses: SiteAddresses) -> bool:
    """Whether the page path `path` found at `at` in `text` reads as this site's: unless a real
    host that is not one the site has or had sits right before it («https://vnexpress.net
    /2020/12/ten-bai/»). «Xem:», «—», «,», «./», a port, a folder alone: told, when in doubt."""
    start = at
    while start > max(0, at - _LONGEST_BEFORE) and text[start - 1] in _HOST_OR_FOLDER:
        start -= 1
    before = text[start:at]
    scheme = before.startswith("//")
    host = before.removeprefix("//").partition("/")[0]
    if not scheme and start > 0 and text[start - 1].isalnum():
        return True  # «đ» or another letter glued to it: no host of its own
    if _HOST.fullmatch(host) is None:
        return True
    own = addresses.own_path("//" + before.removeprefix("//") + path + "/")
    return own is not None and own.rstrip("/") == path


def _line_firsts(body: str, places: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The first of `places` (in order) on each line of `body`: each line is read once
    (_shown_on_line), and the body between them once."""
    firsts: list[tuple[int, int]] = []
    for at, end in places:
        if not firsts or body.find("\n", firsts[-1][0], at) >= 0:
            firsts.append((at, end))
    return firsts


def _shown_on_line(body: str, at: int, path: str, pages: dict[str, str]) -> bool:
    """Whether the line of `body` at `at` shows `path` as text when read alone."""
    start = body.rfind("\n", 0, at) + 1
    end = body.find("\n", at)
    return path in entities_read(
        slug_folded(plain_text(body[start : len(body) if end < 0 else end], pages))
    )


def _text_warning(
    source: str, written: str, line: int, target: str, why: dict[str, tuple[str, str]]
) -> Problem:
    """The warning for a held bulletin's page address written as text in `source`."""
    kind, reason = why.get(target) or ("bản tin", "không được đăng lúc này")
    return Problem(
        source,
        f"nội dung bài nêu địa chỉ trang «{written}» của {kind} không được đăng lúc này: "
        f"{reason} (tệp {target}); địa chỉ ấy hiện nguyên văn trên website, nguồn tin RSS và "
        "Atom, Zalo, và được đưa vào chỉ mục tìm kiếm; kịch bản phát thanh không đọc địa chỉ "
        "mà bỏ câu hay vế câu chứa nó (R1.4)",
        line=line,
        hint="Địa chỉ mang ngày và tiêu đề của bài kia, không được để lộ trước khi bài kia được "
        "đăng. Bỏ địa chỉ này khỏi bài, hoặc viết bằng lời của mình (ví dụ «bản tin sẽ đăng "
        "sau»); khi bài kia đã được đăng, có thể viết lại thành liên kết.",
        severity="warning",
    )
