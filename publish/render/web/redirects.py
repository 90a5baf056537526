"""Redirect pages at the addresses a bulletin had before its date or slug changed, at those
of a category before its key changed, and at a tag's before it was merged or renamed.

See publish/url_history.py for where a bulletin's old addresses come from; a category's are its
`aliases` in site.toml, a tag's its line in site.toml's [tag_aliases]. A static host cannot answer
301, so each old address gets a page that sends the browser on at once (meta refresh), names the
new address as canonical for search engines, and shows a link for anyone whose browser does not
follow it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from markupsafe import escape

from publish.errors import Problem
from publish.model import Artifact, Bulletin, Page
from publish.render.web.pages import output_path
from publish.text import quoted
from publish.url_history import REDIRECTABLE_RE

Share = tuple[str, Mapping[str, Any] | None]
"""What a link preview (Zalo, Facebook) shows of a page besides its title: its description and
its og:image (url, type, width, height, alt), if any."""
NO_SHARE: Share = ("", None)

__all__ = [
    "Share",
    "list_redirects",
    "page_redirects",
    "recorded_clashes",
    "redirect_artifacts",
    "redirect_page",
    "redirect_targets",
]


def redirect_targets(
    history: Mapping[str, tuple[str, ...]],
    bulletins: Mapping[str, Bulletin],
    pages: Iterable[Page] = (),
) -> dict[str, Bulletin]:
    """Each address a redirect page sends on, to the bulletin of `bulletins` (by key: those on
    the website) it leads to: a bulletin's `aliases` (written by the editor first: a page there
    is theirs to name), then the old addresses `history` (state/web-urls.json) records for it,
    bulletins taken by key. None at a published bulletin's own address, nor at a page's alias
    (an error already: recorded_clashes), nor where no request reaches."""
    taken = {b.url for b in bulletins.values()} | {a for p in pages for a in p.aliases}
    targets: dict[str, Bulletin] = {}
    for key in sorted({*history, *(k for k, b in bulletins.items() if b.aliases)}):
        bulletin = bulletins.get(key)
        if bulletin is None:
            continue  # withdrawn: its old addresses answer 404, as its page does
        for old in (*bulletin.aliases, *history.get(key, ())):
            if old not in taken and old not in targets and REDIRECTABLE_RE.fullmatch(old):
                targets[old] = bulletin
    return targets


def redirect_artifacts(
    targets: Mapping[str, Bulletin],
    link: Callable[[str], str],
    absolute: Callable[[str], str],
    share: Callable[[Bulletin], Share] = lambda _: NO_SHARE,
) -> Iterator[Artifact]:
    """A redirect page at each address of `targets` (redirect_targets) to its bulletin;
    `link`/`absolute` turn a site path into an href/URL, `share` a bulletin into its preview."""
    for old, bulletin in targets.items():
        page = _page(bulletin.url, bulletin.title, "Bài viết", link, absolute, share(bulletin))
        # Its source names the bulletin when an alias lands on another page's address.
        kind = "alias" if old in bulletin.aliases else "history"
        yield Artifact("web", output_path(old), page, source=bulletin.source, kind=kind)


def recorded_clashes(
    history: Mapping[str, tuple[str, ...]],
    bulletins: Mapping[str, Bulletin],
    items: Iterable[Bulletin | Page],
    coming: Mapping[str, str] | None = None,
) -> list[Problem]:
    """An alias of a bulletin or page at an address `history` records for another bulletin on
    the website (by key in `bulletins`): both would want the redirect page there. `bulletins`
    and `items` hold the scheduled ones too, `coming` says when each of those is published
    (by key): the build of that moment would stop, with no one there to see why."""
    coming = coming or {}
    taken = {b.url for b in bulletins.values()}
    recorded: dict[str, Bulletin] = {}
    for key in sorted(history):  # the order redirect_artifacts gives each address away in
        bulletin = bulletins.get(key)
        if bulletin is not None:
            for old in history[key]:
                if old not in taken and REDIRECTABLE_RE.fullmatch(old):
                    recorded.setdefault(old, bulletin)
    problems = []
    for item in items:
        own = history.get(item.key, ()) if isinstance(item, Bulletin) else ()
        for alias in item.aliases:
            other = recorded.get(alias)
            if other is None or alias in own:
                continue
            kind = "bài" if isinstance(item, Bulletin) else "trang"
            later = [f"bài ấy hẹn đăng lúc {coming[other.key]}"] if other.key in coming else []
            if isinstance(item, Bulletin) and item.key in coming:
                later.append(f"bài này hẹn đăng lúc {coming[item.key]}")
            when = (
                f" ({', '.join(later)}: lần dựng vào lúc đó sẽ dừng ở lỗi này, bài không lên "
                "website đúng hẹn)"
                if later
                else ""
            )
            problems.append(
                Problem(
                    item.source,
                    f"địa chỉ cũ {quoted(alias)} là địa chỉ {other.source} từng được đăng (ghi trong "
                    f"state/web-urls.json): trang chuyển hướng ở đó dẫn tới bài ấy{when}",
                    "aliases",
                    hint=f"Bỏ địa chỉ đó khỏi aliases (nó vẫn dẫn tới {other.source}). Nếu nó "
                    f"phải dẫn tới {kind} này thì xóa {quoted(alias)} khỏi danh sách {quoted(other.key)} "
                    "trong state/web-urls.json.",
                )
            )
    return problems


def page_redirects(
    pages: Iterable[Page],
    link: Callable[[str], str],
    absolute: Callable[[str], str],
    share: Share = NO_SHARE,
) -> Iterator[Artifact]:
    """A redirect page at each old address (`aliases`) of each page, previewed with the page's
    summary and `share` (the site's)."""
    for page in pages:
        for old in page.aliases:
            if old != page.url:
                shown = (page.summary or share[0], share[1])
                data = _page(page.url, page.title, "Trang", link, absolute, shown)
                yield Artifact("web", output_path(old), data, source=page.source, kind="alias")


def list_redirects(
    moved: Mapping[str, tuple[str, str, int]],
    per_page: int,
    kind: tuple[str, str],
    link: Callable[[str], str],
    absolute: Callable[[str], str],
    share: Share = NO_SHARE,
) -> Iterator[Artifact]:
    """A redirect page at each page of a list's old address: `moved` maps it (a category's old
    key, "/chuyen-muc/canh-bao/"; a renamed tag's, "/the/canh-giac/") to the list's address now,
    its label and how many bulletins it lists, `per_page` a page; `kind`: what the list is, as
    the page says it ("Chuyên mục", "Thẻ"), and the artifacts' kind ("category-alias",
    "tag-alias"). Previewed with `share` (the site's)."""
    noun, artifact_kind = kind
    for old, (new, label, listed) in sorted(moved.items()):
        for number in range(1, max(1, -(-listed // per_page)) + 1):
            suffix = f"trang/{number}/" if number > 1 else ""
            page = _page(new + suffix, label, noun, link, absolute, share)
            yield Artifact("web", output_path(old + suffix), page, kind=artifact_kind)


def _page(
    url: str,
    title: str,
    kind: str,
    link: Callable[[str], str],
    absolute: Callable[[str], str],
    share: Share,
) -> bytes:
    """The redirect page to the site path `url`, a `kind` ("Bài viết") named `title`."""
    return redirect_page(
        url,
        title,
        link,
        absolute,
        heading=f"{kind} đã chuyển địa chỉ: ",
        lead=f"{kind} đã chuyển sang địa chỉ mới: ",
        share=share,
    )


def redirect_page(
    url: str,
    title: str,
    link: Callable[[str], str],
    absolute: Callable[[str], str],
    *,
    heading: str,
    lead: str,
    share: Share = NO_SHARE,
) -> bytes:
    """A page that sends the browser on to the site path `url` (which may end in a #fragment),
    named `title`: `heading` before the title in <title>, `lead` before the link for a browser
    that does not follow a meta refresh, `share` what a link preview shows besides the title."""
    # Search engines and link previews want the page itself, not a place on it.
    page = url.partition("#")[0]
    href, canonical = escape(link(url)), escape(absolute(page))
    title, heading, lead = escape(title), escape(heading), escape(lead)
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading}{title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        # A link to the old address pasted into Zalo or Facebook: link-preview crawlers follow
        # 301/302, not (as documented anywhere) a meta refresh, and the preview was «Bài viết đã
        # chuyển địa chỉ: …» without a picture. og:url sends Facebook's to the new address,
        # whose own tags make the preview.
        f'<meta property="og:url" content="{canonical}">\n'
        f'<meta property="og:title" content="{title}">\n'
        f"{_share_tags(share)}"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n"
        f'<p>{lead}<a href="{href}">{title}</a></p>\n'
        "</body>\n</html>\n"
    ).encode()


def _share_tags(share: Share) -> str:
    """The Open Graph lines of a preview's description and picture. Zalo's crawler reads the
    page it is given, not the one a meta refresh leads to: without them a link to an old
    address showed a title alone, no picture."""
    description, image = share
    lines = (
        [f'<meta property="og:description" content="{escape(description)}">\n']
        if description
        else []
    )
    if image:
        lines += [
            f'<meta property="og:image" content="{escape(image["url"])}">\n',
            f'<meta property="og:image:type" content="{escape(image["type"])}">\n',
            f'<meta property="og:image:width" content="{image["width"]}">\n',
            f'<meta property="og:image:height" content="{image["height"]}">\n',
            f'<meta property="og:image:alt" content="{escape(image["alt"])}">\n',
        ]
    return "".join(lines)
