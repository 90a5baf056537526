"""What `publish check` knows of a link of a rendered page from the file it is written in: its
line, and whether the load has judged it already.

The link check works on the website's pages, where a link to a content file ("b.md") shows as
the address of its page and a site path gets the folder the site is served under: neither is
written so in the file. The load found every link to a content file with its line and reported
those that lead to no page of the website (see publish.links).
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Set
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from publish.addresses import SiteAddresses, site_folder
from publish.attachments import links_to_files, refused
from publish.config import Config
from publish.content_images import remote_image
from publish.errors import Problem
from publish.links import computer_files, content_link, hrefs_in, resolve
from publish.markdown_escapes import unescape
from publish.model import Bulletin, Page, Site
from publish.relative_links import leads_to_page
from publish.site_paths import served_paths
from publish.text import nfc

__all__ = ["Judged", "LinkLines", "WrittenLinks", "old_site_notes"]


class Judged(Container[tuple[str, str]]):
    """The (file, link as its page shows it) pairs the load told already, which the link check
    does not tell again. A file link is asked whether the load refused it (missing, outside
    content/, a Windows path…) only when the link check finds it broken: asking costs a look
    at the disk (~100 µs), +1 s on each check at 10,000 bulletins for links that work."""

    def __init__(
        self,
        told: Set[tuple[str, str]],
        file_links: Mapping[tuple[str, str], list[str]],
        config: Config,
    ) -> None:
        self.told = told
        self.file_links = file_links
        """The file links as written, by (file, link as its page shows it)."""
        self.config = config
        self.refused: dict[tuple[str, str], bool] = {}

    def __contains__(self, pair: object) -> bool:
        """Whether the load told of `pair`, (file, link as its page shows it)."""
        if pair in self.told:
            return True
        if not isinstance(pair, tuple):
            return False
        return any(self._refused(pair[0], href) for href in self.file_links.get(pair, ()))

    def _refused(self, source: str, href: str) -> bool:
        """Whether the load refused the file link `href` of `source` (asked once)."""
        key = (source, href)
        if key not in self.refused:
            self.refused[key] = refused(href, source, self.config)
        return self.refused[key]

    def including(self, told: Set[tuple[str, str]]) -> Judged:
        """These pairs and `told` (told by the load too)."""
        return Judged({*self.told, *told}, self.file_links, self.config)


@dataclass(frozen=True, slots=True)
class WrittenLinks:
    """The links to content files, and the relative links the load judges, of the website's
    pages, by (file, address as the page shows it)."""

    lines: Mapping[tuple[str, str], int]
    """The line each is written on."""
    judged: Judged
    """Those the load reported as leading to no page of the website, or whose target has errors
    of its own, and the file links it refused (told by the load too): the link check does not
    tell them again."""
    typed: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """How each link to a content file is typed («b.md#lien-he»), where the page shows it
    otherwise («/2020/12/b/#lien-he»)."""

    @classmethod
    def of(cls, site: Site) -> WrittenLinks:
        """The written links of every page of `site` on the website."""
        addresses = site.config.addresses
        prefix = addresses.folder
        # The load reports a link to a bulletin of another channel; one to a held-back bulletin
        # reaches no rendered page (its words alone, links.HELD): publish.unlinked warns of it.
        loaded = [*site.bulletins, *(e.bulletin for e in site.excluded)]
        off_web = {site.documents.get(nfc(b.source)) for b in loaded if "web" not in b.channels}
        pages = frozenset(site.documents.values())
        lines: dict[tuple[str, str], int] = {}
        judged: set[tuple[str, str]] = set()
        file_links: dict[tuple[str, str], list[str]] = {}
        typed: dict[tuple[str, str], str] = {}
        items: list[Bulletin | Page] = [*site.for_channel("web"), *site.pages]
        for item in items:
            for href, line in item.links:
                if content_link(href, addresses) is None:
                    continue  # an address of another site: checked as any other link
                url = resolve(href, item.source, site.documents, addresses)
                shown = (item.source, href if url is None else prefix + url)
                lines.setdefault(shown, line)
                if shown[1] != href:
                    typed.setdefault(shown, href)
                if url is None or url.partition("#")[0] in off_web:
                    judged.add(shown)
                    if url is None:
                        # Also as the page shows it: «..\\tin\\bai\\_1.md» as «..\\tin\\bai_1.md».
                        judged.add((item.source, unescape(href)))
            for href, line in item.relative_links:
                # Shown on the page as written; the load told those leading nowhere.
                lines.setdefault((item.source, href), line)
                if not leads_to_page(href, item.url, pages):
                    # Also as the page shows it: «..\\..\\lien-he» as «....\\lien-he».
                    judged.update({(item.source, href), (item.source, unescape(href))})
            for href, _ in links_to_files(item):
                # Shown on the page as written, its Markdown escapes resolved («tep\\\\a.pdf»
                # shows «tep\\a.pdf»), a site path after the site's folder; the load told each
                # link it refused (a missing file, a Windows path…): one error, not two.
                file_links.setdefault((item.source, href), []).append(href)
                if "\\" in href and (escaped := unescape(href)) != href:
                    file_links.setdefault((item.source, escaped), []).append(href)
                if href[:1] == "/" and prefix:
                    file_links.setdefault((item.source, prefix + href), []).append(href)
            for href, _ in computer_files(item.body, item.body_line):
                # «\\máy\…», shown on the page as «\máy\…» (Markdown's escaped «\»): the
                # load warned of it as a file of the editor's computer, as of «C:\…».
                if href.startswith("\\\\"):
                    judged.add((item.source, href[1:]))
        return cls(lines, Judged(judged, file_links, site.config), typed)


class LinkLines:
    """The line of a link in a content file: the line the load found it on when it links to a
    content file, else the first line holding its address as written."""

    def __init__(
        self,
        root: Path,
        base_url: str,
        written: WrittenLinks,
        addresses: SiteAddresses | None = None,
    ) -> None:
        self.root = root
        self.prefix = site_folder(base_url)
        self.written = written
        self.addresses = addresses or SiteAddresses(base_url)
        self.texts: dict[str, list[str]] = {}
        # A broken link is looked up twice, for its line and for how it is typed.
        self.found: dict[tuple[str, str], int | None] = {}

    def __call__(self, source: str, href: str) -> int | None:
        """1-based line of `href` (as its page shows it) in `source` (a content/ Markdown file),
        or None."""
        key = (source, href)
        if key not in self.found:
            self.found[key] = self._line(source, href)
        return self.found[key]

    def _line(self, source: str, href: str) -> int | None:
        """The line `__call__` gives, looked up."""
        if not source.endswith(".md"):
            return None  # a theme page: its links are written in the templates
        line = self.written.lines.get((source, href))
        if line is not None:
            return line
        # The website puts its folder before a site path ("/x/" is shown "/chau-thanh/x/").
        if self.prefix and href.startswith(self.prefix + "/"):
            href = href.removeprefix(self.prefix)
        return next((i for i, text in enumerate(self._lines(source), 1) if href in text), None)

    def typed(self, source: str, href: str) -> str | None:
        """The address `href` (as its page shows it: a site path) is written with in `source`
        when written otherwise: the site's own address in full, as copied from the browser
        («https://…/2025/06/canh-bao/»), an address the site had before, or a site path without
        the folder the site is served under («/lien-he/», shown «/chau-thanh/lien-he/»), or a
        content file's name («b.md#lien-he», shown as its page's address); None when it is
        written as shown, or not found."""
        if (source, href) in self.written.typed:
            return self.written.typed[(source, href)]
        line = self(source, href)
        lines = self._lines(source) if line is not None else []
        if line is None or not 0 < line <= len(lines):
            return None
        written = hrefs_in(lines[line - 1])
        if href in written:
            return None
        bare = href.removeprefix(self.prefix)
        if bare != href and bare.startswith("/") and bare in written:
            return bare
        return next(
            (
                w
                for w in written
                if (path := self.addresses.own_path(w)) and self.prefix + path == href
            ),
            None,
        )

    def _lines(self, source: str) -> list[str]:
        """The lines of content file `source` (read once; none when it cannot be read)."""
        if source not in self.texts:
            try:
                text = (self.root / source).read_text("utf-8", errors="replace")
            except OSError:
                text = ""
            self.texts[source] = text.splitlines()
        return self.texts[source]


def old_site_notes(site: Site, locate: LinkLines) -> list[Problem]:
    """A note for each link written with an address the site had before ([site] old_base_urls)
    to a path the website does not serve (an old CMS's "…/uploads/2019/qd.pdf"): it stays a
    link to the old site, as written, and works as long as the old site does. Not an error nor
    a warning: the bulletin was approved with it, and only editing it would change it. Not for
    a content file's name ("…/bai-viet/x.md"): no site ever served one, so the load's error
    for a missing one stands."""
    addresses = site.config.addresses
    if not addresses.old_base_urls:
        return []
    served = served_paths(site)
    notes = []
    items: list[Bulletin | Page] = [*site.bulletins, *site.pages]
    for item in items:
        for href in dict.fromkeys(hrefs_in(item.body)):
            path = addresses.old_path(href)
            if path is None or addresses.own_path(href, (), served) is not None:
                continue
            if content_link(href, addresses) is not None:
                continue  # a content file's name: the load judged it (never the old site's)
            if not remote_image(href, site.config):
                continue  # an image the project holds: shown from the website
            notes.append(
                Problem(
                    item.source,
                    f"liên kết «{href}» viết bằng địa chỉ cũ của website, nhưng website hiện nay "
                    f"không có trang hay tệp {addresses.folder}{urlsplit(path).path}: liên kết được "
                    "để nguyên như đã viết, vẫn dẫn tới trang web cũ",
                    line=locate(item.source, href),
                    hint="Nếu cần giữ tệp đó (ví dụ một văn bản PDF), chép nó vào dự án rồi "
                    "liên kết tới tệp trong dự án; nếu không, sửa liên kết khi sửa bài lần tới. "
                    "Không cần gỡ bản tin đã duyệt vì liên kết này.",
                    severity="note",
                )
            )
    return notes
