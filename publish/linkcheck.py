"""Link checking of the rendered website: every internal link and #anchor must resolve (an error);
external links are checked only on request, and only ever warn (another site being down must
never block publishing).

Works on the web artifacts in memory, so `publish check` finds broken links without writing.
A page's ids and links are read from its HTML once per version of the page: given a shelf
(publish check keeps one in .cache/), a page unchanged since the last check is not read again.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from publish.addresses import SiteAddresses, site_host
from publish.cache import Shelf
from publish.errors import Problem
from publish.links import content_link
from publish.model import Artifact, Kept
from publish.page_outline import Outline, outline
from publish.parallel import run_jobs
from publish.transport_errors import transport_failure

if TYPE_CHECKING:
    import httpx

__all__ = ["EXTERNAL_TIMEOUT", "SiteLinks", "check_external", "page_url"]

EXTERNAL_TIMEOUT = (8.0, 4.0)
"""Seconds per request, and to connect: a slow site is reported as unreachable rather than
holding the check up."""
EXTERNAL_WORKERS = 8
SHOWN_PAGES = 3
"""Pages named per broken target; the rest are counted."""
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:", "zalo:")
NOT_HELD = ("", "")
"""(what, why) of a link target that is not held back."""
OUTLINES = "link-outlines"
"""The shelf (see publish.cache.Shelf) of each page's ids and links, by page path and digest."""
WITH_ADDRESS = re.compile(
    r"/|[A-Za-z][A-Za-z0-9+.-]*://|(?i:" + "|".join(map(re.escape, SKIPPED_SCHEMES)) + ")"
)
"""How a link starts when it resolves the same on every page (a site path, a full address, an
address not checked such as tel:): what it points at is judged once for the whole site, not once
per page."""
_PLAIN = r"(?!.*/\.)/(?!/)[^\x00-\x20\x7f;\\{}]*\Z"
PLAIN_PATH = re.compile(_PLAIN.format(""))
"""A site path that urljoin and urlsplit leave as written: no "." or ".." segment, no ";"
parameters, no spaces or control characters (urlsplit drops some)."""
PLAIN_FRAGMENT = re.compile(r"#[^\x00-\x20\x7f]*\Z")
PLAIN_PAGE = re.compile(_PLAIN.format("?#"))
"""A page's site path that is all path (no "?" or "#" in its file's name): a #fragment on it
points at the page itself."""

UNJUDGED = ("", "unjudged")
"""Stands for a link not judged yet, where None means one that works."""


def page_url(path: str) -> str:
    """The site path an output file answers at: "a/b/index.html" → "/a/b/", "404.html" → "/404.html"."""
    if path == "index.html":
        return "/"
    if path.endswith("/index.html"):
        return "/" + path[: -len("index.html")]
    return "/" + path


@dataclass(frozen=True, slots=True)
class _Page:
    """Where a link was found: the page's site path and the file a user edits to fix it."""

    url: str
    source: str


class SiteLinks:
    """Collects the website's files, anchors and links as artifacts stream past; then judges them."""

    def __init__(
        self,
        base_url: str,
        withdrawn: Mapping[str, str] | None = None,
        told: Container[tuple[str, str]] = frozenset(),
        locate: Callable[[str, str], int | None] | None = None,
        held_pages: Mapping[str, str] | None = None,
        addresses: SiteAddresses | None = None,
        outlines: Shelf | None = None,
        typed: Callable[[str, str], str | None] | None = None,
    ) -> None:
        """`base_url` is the site's public address, ending with /; `withdrawn` maps the site
        path of each bulletin that is not (or no longer) published to why, `held_pages` that
        of each page (content/pages) held back; `told` holds the (file, link) pairs whose
        problem was reported already (an image the load did not find, a link to a content file
        that leads nowhere); `locate` gives the line of a link in its source file, when it can
        be found; `addresses`: the site's addresses now and before (a link written with any of
        them, also with "www." or "http:", is the site's own), base_url's alone by default;
        `outlines`: the ids and links of the pages seen before, by page digest (read from it,
        kept in it for `save_outlines`); `typed` gives the address a link is written with in
        its source file when that is not how the page shows it (the site's own address in full
        is shown as its path), so that a problem quotes what the editor typed."""
        self.withdrawn = {
            path.strip("/"): (kind, why)
            for kind, held in (("trang", held_pages), ("bản tin", withdrawn))
            for path, why in (held or {}).items()
        }
        self.told = told
        self.words_only: Counter[tuple[str, str]] = Counter()
        """How many times `add_links` was given each (file, link): its page shows its words alone."""
        self.locate = locate
        self.typed = typed
        self.base = urlsplit(base_url)
        self.base_url = base_url
        self.prefix = self.base.path if self.base.path.endswith("/") else self.base.path + "/"
        self.addresses = addresses or SiteAddresses(base_url)
        self.hosts = self.addresses.hosts()
        # The usual link (a site path, or base_url as written) is read without SiteAddresses
        # (most pages' links, at 10,000 bulletins), unless an old address shares the host: it
        # may own a deeper folder of it.
        self.quick = all(
            site_host(urlsplit(old).netloc) != site_host(self.base.netloc)
            for old in self.addresses.old_base_urls
        )
        self.outlines = outlines
        self.files: set[str] = set()
        self.ids: dict[str, frozenset[str]] = {}
        self.links: list[tuple[_Page, tuple[str, ...]]] = []
        """Each page and the links on it."""
        self._unread: list[tuple[int, Kept]] = []
        """Pages kept in output/ that no check has read, with their place in `links`: read on
        every core by `read_unread` (a first check after a build: 17,750 pages at 10,000
        bulletins, ~10 s in this process alone)."""

    def add(self, artifact: Artifact | Kept) -> None:
        """Note one artifact: its path, and for HTML pages their ids and links."""
        if artifact.channel != "web":
            return
        self.files.add(artifact.path)
        if not artifact.path.endswith(".html"):
            return
        page = _Page(page_url(artifact.path), artifact.source or f"output/web/{artifact.path}")
        digest = artifact.digest  # hashed here for an artifact made without its digest
        found = None if self.outlines is None else self.outlines.get(artifact.path, digest)
        if not isinstance(found, tuple) and isinstance(artifact, Kept):
            # Its bytes are a file: read later with the others, on every core.
            self._unread.append((len(self.links), artifact))
            self.links.append((page, ()))
            return
        read = found if isinstance(found, tuple) else outline(artifact.data)
        self._note(artifact.path, digest, read)
        self.links.append((page, read[1]))

    def add_links(self, url: str, source: str, hrefs: Iterable[str]) -> None:
        """Judge `hrefs` as links of the page at the site path `url` (made from `source`), as
        its rendered page would have them: a link the website shows as its words alone (one to
        a held page's address) is told all the same."""
        hrefs = tuple(hrefs)
        self.words_only.update((source, href) for href in hrefs)
        self.links.append((_Page(url, source), hrefs))

    def _note(self, path: str, digest: str, read: Outline) -> None:
        """Hold a page's outline: its ids here, the whole on the shelf for the next check."""
        self.ids[path] = read[0]
        if self.outlines is not None:
            self.outlines.keep(path, digest, read)

    def read_unread(self) -> None:
        """Read the pages `add` left for later, on every core (done by `problems`, `external`
        and `save_outlines` when not before)."""
        unread, self._unread = self._unread, []
        jobs = [partial(_kept_outline, kept) for _, kept in unread]
        for (place, kept), read in zip(unread, run_jobs(jobs, chunk=64), strict=True):
            # Read again here when a worker could not: the error as the file system gives it.
            read = read or outline(kept.data)
            self._note(kept.path, kept.digest, read)
            self.links[place] = (self.links[place][0], read[1])

    def save_outlines(self) -> None:
        """Store the outlines of exactly the pages seen (a page gone, such as a withdrawn
        bulletin's, leaves with its links), once every page was added."""
        self.read_unread()
        if self.outlines is not None:
            self.outlines.save()

    def _resolve(self, page: _Page, href: str) -> tuple[str, str, str] | None:
        """(absolute URL, path inside the site or "" when external, fragment); None when not checked."""
        if href.lower().startswith(SKIPPED_SCHEMES):
            return None
        absolute = urljoin(self.base_url + page.url.lstrip("/"), href)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https"):
            return None
        same_site = (parts.scheme, parts.netloc) == (self.base.scheme, self.base.netloc)
        if self.quick and same_site:
            if (parts.path + "/").startswith(self.prefix):
                inside = unquote(parts.path[len(self.prefix) :])
                return absolute, inside or "/", parts.fragment
        elif site_host(parts.netloc) in self.hosts:
            # Written with another of the site's addresses (a theme's link to the old one):
            # one it had before only where the website serves the path, as the renderer reads
            # it; the old site's own files stay links to it.
            own = self.addresses.own_path(absolute, (), self._served)
            if own is not None:
                found = urlsplit(own)
                return absolute, unquote(found.path) or "/", found.fragment
        return absolute.split("#", 1)[0], "", parts.fragment

    def _plain(self, page: _Page, href: str) -> tuple[str, str] | None:
        """`_resolve`'s (path inside the site or "", fragment) for the usual internal link (a
        site path, an address starting with base_url, a #fragment) without urljoin: ~100,000
        links at 10,000 bulletins. None for any other link, which `_resolve` works out."""
        if not self.quick:
            return None
        if href.startswith("#"):
            if not (PLAIN_FRAGMENT.match(href) and PLAIN_PAGE.match(page.url)):
                return None
            return unquote(page.url[1:]) or "/", href[1:]
        if href.startswith(self.base_url):  # the site's address as written: its path
            href = self.prefix + href[len(self.base_url) :]
        if not PLAIN_PATH.match(href):
            return None
        before, _, fragment = href.partition("#")
        path = before.partition("?")[0]
        if not (path + "/").startswith(self.prefix):
            return "", fragment
        return unquote(path[len(self.prefix) :]) or "/", fragment

    def _served(self, path: str) -> bool:
        """Whether the website has a page or file at a site path (all artifacts seen)."""
        return self._target(unquote(path) or "/") is not None

    def _target(self, inside: str) -> str | None:
        """The output file an internal path is served from, if it exists."""
        rel = inside.lstrip("/")
        candidates = (
            [rel + "index.html"] if rel == "" or rel.endswith("/") else [rel, rel + "/index.html"]
        )
        return next((c for c in candidates if c in self.files), None)

    def problems(self) -> list[Problem]:
        """One error per broken internal target or missing #anchor, naming the pages that use it;
        a warning only, when the target is a bulletin or page held back or withdrawn (an embargo
        ending or an expiry must not stop every other publication until someone edits the
        links)."""
        self.read_unread()
        broken: dict[tuple[str, str, str], list[_Page]] = defaultdict(list)
        # Each verdict, under the link itself when it is page-independent, else (page, link):
        # judged against the files and anchors seen by now, so made afresh for each call.
        known: dict[str | tuple[str, str], tuple[str, str] | None] = {}
        for page, hrefs in self.links:
            for href in hrefs:
                # ~1 million links at 10,000 bulletins: the usual one costs a lookup here.
                verdict = known.get(href, UNJUDGED)
                if verdict is UNJUDGED:
                    verdict = self._verdict(page, href, known)
                if verdict is None or (page.source, href) in self.told:
                    continue
                reason, held = verdict
                pages = broken[(href, reason, held)]
                if page not in pages:
                    pages.append(page)
        return [
            self._problem(href, reason, held, pages)
            for (href, reason, held), pages in broken.items()
        ]

    def _verdict(
        self, page: _Page, href: str, known: dict[str | tuple[str, str], tuple[str, str] | None]
    ) -> tuple[str, str] | None:
        """(why, what is held back or "") when a link on `page` is broken or leads to a page held
        back, None when it works or is not checked; judged once per link a site path or full
        address spells (most links: menus, categories, tags, images), once per page otherwise."""
        key: str | tuple[str, str] = href if WITH_ADDRESS.match(href) else (page.url, href)
        if key not in known:
            known[key] = self._judged(page, href)
        return known[key]

    def _judged(self, page: _Page, href: str) -> tuple[str, str] | None:
        """The verdict of `_verdict`, worked out."""
        found = self._plain(page, href)
        if found is None:
            resolved = self._resolve(page, href)
            found = (resolved[1], resolved[2]) if resolved is not None else ("", "")
        inside, fragment = found
        if not inside:
            return None
        target = self._target(inside)
        held, reason = (
            self.withdrawn.get(inside.strip("/"), NOT_HELD) if target is None else NOT_HELD
        )
        if target is None and not held:
            reason = f"không có trang hay tệp {self._shown(inside)} trong website"
        elif target is not None:
            if not fragment or not target.endswith(".html") or self._has_anchor(target, fragment):
                return None
            reason = f"trang {self._shown(page_url(target))} không có mục #{unquote(fragment)}"
        return reason, held

    def _has_anchor(self, target: str, fragment: str) -> bool:
        """Whether the page has the element #fragment points at (#top always exists)."""
        name = unquote(fragment)
        return name == "top" or name in self.ids.get(target, set())

    def _shown(self, inside: str) -> str:
        """A site path as the user sees it (with the base URL's folder)."""
        return self.prefix.rstrip("/") + "/" + inside.lstrip("/")

    def _problem(self, href: str, reason: str, held: str, pages: list[_Page]) -> Problem:
        """The error for one broken link target and the pages that have it (a warning when
        the target is held back: `held` says what it is, "bản tin" or "trang"), at the line of the link in the first page's
        source when `locate` finds it."""
        typed = self.typed(pages[0].source, href) if self.typed else None
        return dataclasses.replace(
            self._unplaced(href, reason, held, pages, typed),
            line=self.locate(pages[0].source, href) if self.locate else None,
        )

    def _held_hint(self, href: str, held: str, pages: list[_Page]) -> str:
        """How a link to a held `held` («bản tin», «trang») fares: the words alone where every
        page has it as `add_links` gave it (the website drops its address), else a 404 page."""
        if not all((page.source, href) in self.words_only for page in pages):
            return (
                f"Trang chứa liên kết vẫn được đăng; liên kết chỉ dẫn tới trang lỗi 404 khi {held} "
                f"kia chưa đăng hoặc đã gỡ. Bỏ liên kết nếu {held} kia không quay lại."
            )
        other = "bài kia" if held == "bản tin" else "trang kia"
        why = (
            "địa chỉ của bài kia (lấy từ ngày và tiêu đề) chưa được lộ ra trước khi bài kia được đăng"
            if held == "bản tin"
            else "website không có trang kia lúc này"
        )
        return (
            "Trang chứa liên kết vẫn được đăng; chữ của liên kết vẫn hiện trên website nhưng "
            f"không dẫn đi đâu khi {other} chưa đăng hoặc đã gỡ, vì {why}. Khi {other} được "
            f"đăng, lần dựng sau tự gắn lại đường dẫn. Bỏ liên kết nếu {other} không quay lại."
        )

    def _unplaced(
        self, href: str, reason: str, held: str, pages: list[_Page], typed: str | None = None
    ) -> Problem:
        """The problem of `_problem`, without its line (pages named as the browser shows them,
        like the link; the link as `typed` in the first page's file when given: the site's own
        address in full, shown on the page as its path, which the reason names)."""
        named = ", ".join(self._shown(p.url) for p in pages[:SHOWN_PAGES])
        more = f" và {len(pages) - SHOWN_PAGES} trang khác" if len(pages) > SHOWN_PAGES else ""
        link = f"«{typed}»" if typed else f"«{href}»"
        if held:
            times = self.words_only[(pages[0].source, href)] if len(pages) == 1 else 0
            # Two links on a line (its path, its full address) are one address: told once, both named.
            also = (
                f"; tệp có {times} liên kết tới địa chỉ này, dòng ghi là của liên kết đầu"
                if times > 1
                else ""
            )
            return Problem(
                pages[0].source,
                f"liên kết {link}{f' (đường dẫn {href})' if typed else ''} ở trang {named}{more} "
                f"trỏ tới {held} không được đăng lúc này: {reason}{also}",
                hint=self._held_hint(href, held, pages),
                severity="warning",
            )
        if typed and content_link(typed) is not None:
            # Typed as a bulletin's file name, which is right: only the part after # is wrong.
            return Problem(
                pages[0].source,
                f"liên kết hỏng {link} ở trang {named}{more}: {reason}",
                hint=f"Liên kết tới tệp bài được kiểm như đường dẫn {href}. Sửa phần sau dấu # "
                "cho khớp một tiêu đề mục của bài đó, viết không dấu, nối bằng gạch ngang (mục "
                "«## Liên hệ» là #lien-he), hoặc bỏ phần từ dấu # để dẫn tới đầu bài.",
            )
        return Problem(
            pages[0].source,
            f"liên kết hỏng {link} ở trang {named}{more}: {reason}",
            hint=(
                f"Địa chỉ này là của chính website, được kiểm như đường dẫn {href}: chép lại "
                "địa chỉ từ trình duyệt khi đang mở đúng trang cần dẫn tới, hoặc liên kết bằng "
                "tên tệp của bài (ví dụ [xem bài trước](2025-06-12-ten-bai.md)) để địa chỉ luôn "
                "đúng."
                if typed
                else "Sửa đường dẫn trong bài (hoặc mẫu giao diện nếu liên kết nằm ở mọi "
                "trang), hoặc tạo trang được trỏ tới."
            ),
        )

    def external(self) -> dict[str, list[str]]:
        """External URL → site paths of the pages linking to it."""
        self.read_unread()
        found: dict[str, list[str]] = defaultdict(list)
        for page, hrefs in self.links:
            for href in hrefs:
                resolved = self._resolve(page, href)
                if resolved is None or resolved[1]:
                    continue
                pages = found[resolved[0]]
                if page.url not in pages:
                    pages.append(page.url)
        return dict(found)


def _kept_outline(kept: Kept) -> Outline | None:
    """The outline of a page kept in output/, None when its file cannot be read (in a worker)."""
    try:
        data = kept.data
    except OSError:
        return None
    return outline(data)


def check_external(
    links: Mapping[str, list[str]], *, client: httpx.Client | None = None
) -> list[Problem]:
    """A warning for each external URL that does not answer with success (never an error)."""
    import httpx  # only with --external: not on every check (~60 ms)

    own = client is None
    http = client or httpx.Client(
        timeout=httpx.Timeout(EXTERNAL_TIMEOUT[0], connect=EXTERNAL_TIMEOUT[1]),
        follow_redirects=True,
        headers={"User-Agent": "publish-linkcheck/1 (+kiem tra lien ket)"},
    )
    try:
        with concurrent.futures.ThreadPoolExecutor(EXTERNAL_WORKERS) as pool:
            outcomes = dict(zip(links, pool.map(lambda u: _probe(http, u), links), strict=True))
    finally:
        if own:
            http.close()
    return [
        _warning(url, failure, links[url])
        for url, failure in outcomes.items()
        if failure is not None
    ]


def _probe(client: httpx.Client, url: str) -> str | None:
    """Why the URL fails (Vietnamese), or None when it answers 2xx/3xx."""
    import httpx

    try:
        response = client.head(url)
        if response.status_code in (403, 404, 405, 501):
            # Many servers refuse HEAD but serve GET; only the body's first bytes are read.
            with client.stream("GET", url) as streamed:
                response = streamed
        if response.status_code < 400:
            return None
        return f"máy chủ trả lời mã {response.status_code}"
    except httpx.TimeoutException:
        return "quá thời gian chờ"
    except httpx.HTTPError as exc:
        return transport_failure(exc, named=False)  # said in parentheses: see _warning


def _warning(url: str, failure: str, pages: Iterable[str]) -> Problem:
    """The warning for one failing external link."""
    pages = list(pages)
    named = ", ".join(pages[:SHOWN_PAGES])
    more = f" và {len(pages) - SHOWN_PAGES} trang khác" if len(pages) > SHOWN_PAGES else ""
    return Problem(
        pages[0],
        f"liên kết ngoài {url} ({failure}), dùng ở trang {named}{more}",
        hint="Kiểm tra lại địa chỉ; nếu trang kia chỉ tạm lỗi, có thể bỏ qua cảnh báo này.",
        severity="warning",
    )
