"""One bulletin → the exact JSON body of Zalo's `POST /v2.0/article/create` (type "normal").

The file in output/zalo/<key>.json is that body byte for byte: fixed key order, UTF-8, indent 2,
so a reviewer can read it in a diff and its sha256 is the sync's change detector.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from publish.addresses import address_as_text, text_is_address
from publish.attachments import attached, is_file_link, is_image_link
from publish.config import Config
from publish.config_files import DEFAULT_COVER
from publish.content_images import content_image, remote_image
from publish.correction_text import told
from publish.links import (
    HELD,
    content_link,
    held_address,
    held_record,
    held_words,
    linked_file,
    resolve,
)
from publish.model import Bulletin, Correction, ImageRef, Site
from publish.render.zalo.blocks import markdown_blocks, pieces, plain_text
from publish.render.zalo.images import ZaloImages, public_url, refused_format
from publish.render.zalo_path import payload_path
from publish.sanitize import WORD_JOINER, defuse_markup
from publish.site_paths import folder_pages, served_paths
from publish.titled_names import names_something_held

__all__ = [
    "ARTICLE_READS",
    "Blocks",
    "Fields",
    "body_blocks",
    "build_payload",
    "closing_line",
    "correction_blocks",
    "correction_texts",
    "encode",
    "fields",
    "footer_blocks",
    "forget_fields",
    "header",
    "payload_path",
    "same_calls",
]

SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)

ARTICLE_READS = (
    "addresses",
    "base_url",
    "site.default_cover",
    "site.old_base_urls",
    "site.title",
    "unit.name",
    "unit.short_name",
    "zalo.author",
    "zalo.comment",
    "zalo.footer",
    "zalo.length_unit",
    "zalo.text_block_max",
)
"""Every site.toml value an article is made from (`body_blocks`, `build_payload`): the shelf of
payloads is kept under these alone (publish.config_reads), so that a category label or the unit's
hotline changed does not convert every body again. A test runs them on a Config that notes what
is read, and fails on a value missing here."""


def nfc(text: str) -> str:
    """NFC, as Zalo counts characters."""
    return unicodedata.normalize("NFC", text)


def plain_words(text: str) -> str:
    """Text written as text (front matter, site.toml) as one NFC line, every word kept: the
    website shows it as typed, angle brackets included (see defuse_markup: a word joiner, which
    no follower sees, after a `<` that could start a tag)."""
    return nfc(" ".join(defuse_markup(text, WORD_JOINER).split()))


@dataclass(frozen=True, slots=True)
class Fields:
    """The text fields of an article and the front matter field each comes from (for messages)."""

    title: str
    title_field: str
    description: str
    description_field: str
    author: str
    author_field: str
    cover: ImageRef | None
    cover_field: str


_FIELDS: list[tuple[Site, dict[int, tuple[Bulletin, Fields]]]] = []
"""The latest site's fields by bulletin (id, the bulletin kept to check it is the same one)."""


def fields(bulletin: Bulletin, site: Site) -> Fields:
    """Title, description, author and cover, honouring a bulletin's `zalo:` overrides.

    Memoised for the latest site: the image chooser, the check and each payload's version ask
    for every bulletin's fields (three plain_text passes each, ~0.2 s a build at 10,000).
    """
    if not _FIELDS or _FIELDS[0][0] is not site:
        _FIELDS[:] = [(site, {})]
    memo = _FIELDS[0][1]
    found = memo.get(id(bulletin))
    if found is None or found[0] is not bulletin:
        found = memo[id(bulletin)] = (bulletin, fields_of(bulletin, site.config))
    return found[1]


def forget_fields() -> None:
    """Let go of the latest site's fields: a rendered site is not kept until the next."""
    _FIELDS.clear()


def fields_of(bulletin: Bulletin, config: Config) -> Fields:
    """`fields`, worked out (also for a bulletin of no site: `publish approve`)."""
    block = bulletin.block("zalo")
    title, title_field = bulletin.title, "title"
    if isinstance(block.get("title"), str) and block["title"].strip():
        title, title_field = block["title"], "zalo.title"
    summary, summary_field = bulletin.summary, "summary"
    if isinstance(block.get("summary"), str) and block["summary"].strip():
        summary, summary_field = block["summary"], "zalo.summary"
    if config.zalo.author.strip():  # spaces only: as if empty, never a blank author on Zalo
        author, author_field = config.zalo.author, "[zalo] author"
    else:
        author, author_field = config.unit.short_name, "[unit] short_name"
    cover, cover_field = bulletin.cover, "cover"
    if cover is None and config.site.default_cover:
        cover = ImageRef(config.site.default_cover, config.site.title)
        cover_field = DEFAULT_COVER
    return Fields(
        plain_words(title),
        title_field,
        plain_words(summary),
        summary_field,
        plain_words(author),
        author_field,
        cover,
        cover_field,
    )


def _link_target(bulletin: Bulletin, site: Site, images: ZaloImages) -> Callable[[str], str | None]:
    """href → absolute URL shown after a link's text: where the link leads on the bulletin's
    page of the website (a content file's page, a site path, a relative address); None for a
    link within the article and for unsafe schemes; links.HELD (no URL either) for a content
    file whose page the website does not have now (Site.unlinked)."""
    page = site.config.absolute_url(bulletin.url)
    addresses = site.config.addresses
    unlinked = site.unlinked()

    def target(href: str) -> str | None:
        """The URL to show, or None."""
        linked = resolve(href, bulletin.source, site.documents, addresses, unlinked)
        if linked == HELD:
            return HELD  # its page is not on the website now: the words alone (see readdressed)
        if linked is None and is_image_link(href):
            # A photo: its web variant, never the original (GPS position, camera).
            path = content_image(
                href.split("#", 1)[0], site.config.root / bulletin.source, site.config
            )
            return None if path is None else images.image(path, owner=bulletin.source).url
        if linked is None and is_file_link(href):
            # A form or notice: where the website serves it, not beside the article's page.
            linked = attached(href, bulletin.source, site.config)
        if linked is not None:
            return public_url(site.config.absolute_url(linked))
        lowered = href.lower()
        if lowered.startswith(("http://", "https://", "//")):
            # The site's own address ("https://www.…", "http://…", or one it had before the
            # unit moved it) as the website links it: its canonical address. A
            # protocol-relative other one is shown nowhere.
            served = served_paths(site) if site.config.site.old_base_urls else None
            path = addresses.own_path(href, (), served)
            if path is not None:
                return public_url(site.config.absolute_url(path))
            return None if href.startswith("//") else public_url(href)
        if lowered.startswith(("mailto:", "tel:")):
            return href.split(":", 1)[1]
        if href.startswith("#") or SCHEME_RE.match(lowered):
            return None
        if href.startswith("/"):
            # Written as the browser shows it ("/congan-hoakhanh/lien-he/"): the folder once.
            path = addresses.own_path(href, folder_pages(site)) or href
            return public_url(site.config.absolute_url(path))
        return public_url(urljoin(page, href))

    return target


def _held_at(bulletin: Bulletin, site: Site) -> Callable[[str], str]:
    """href → the address the page a link names will have once published, when the website
    has no page of that file now, else "" (links.held_address)."""
    documents, addresses, unlinked = site.documents, site.config.addresses, site.unlinked()
    return lambda href: held_address(href, bulletin.source, documents, addresses, unlinked)


def _image_block(
    bulletin: Bulletin, site: Site, images: ZaloImages
) -> Callable[[str, str, str], dict[str, Any] | None]:
    """(src, alt, title) → image block with an absolute public URL, or None to leave it out."""
    md_path = site.config.root / bulletin.source
    documents, addresses, unlinked = site.documents, site.config.addresses, site.unlinked()

    def held(name: str) -> bool:
        """Whether a name in a title is a file, or its page's address, the website holds back."""
        return resolve(name, bulletin.source, documents, addresses, unlinked) == HELD

    def block(src: str, alt: str, title: str) -> dict[str, Any] | None:
        """The image block for one <img>."""
        if title and names_something_held(title, held):
            # Its caption would carry that file's date and title words; the page drops it too.
            title = ""
        caption = plain_text(title or alt)
        written = src.strip()
        if remote_image(written, site.config):  # the site's own full address is its file
            if not written.lower().startswith(("http://", "https://")):
                return None  # javascript:, data:, protocol-relative: never sent
            if refused_format(written):
                return None  # a GIF or WebP would fail the whole article: check() says so
            url: str | None = public_url(written)
        elif not written:
            return None
        else:
            path = content_image(src, md_path, site.config)
            if path is None:
                return None
            url = images.image(path, owner=bulletin.source).url
        if url is None:
            return None
        result: dict[str, Any] = {"type": "image", "url": url}
        if caption:
            result["caption"] = caption
        return result

    return block


ImageCalls = tuple[tuple[tuple[str, str, str], Any], ...]
"""Each image a body asked for, (src, alt, title), and the block it got (or None)."""
LinkCalls = tuple[tuple[str, "str | None"], ...]
"""Each link to another content file a body has, and the URL shown for it."""
Calls = tuple[ImageCalls, LinkCalls]
"""What a body's blocks were made with besides its text: images and links to other files."""
Blocks = tuple[tuple[dict[str, Any], ...], Calls]
"""A body's blocks and the calls they were made with."""


def _under_folder(href: str, folder: str) -> bool:
    """Whether a site path is the folder the site is served under or under it ("/ca",
    "/ca/x/", "/ca?x"; not "/cao/"), a non-empty folder: only such a path leads elsewhere
    as pages come and go (SiteAddresses.own_path)."""
    rest = href.removeprefix(folder)
    return bool(folder) and rest != href and rest[:1] in ("", "/", "?", "#")


def body_blocks(bulletin: Bulletin, site: Site, images: ZaloImages) -> Blocks:
    """The blocks of a bulletin's body, with the image and link calls made (so a reuse can
    check them)."""
    image = _image_block(bulletin, site, images)
    link = _link_target(bulletin, site, images)
    held_at = _held_at(bulletin, site)
    addresses = site.config.addresses
    old = bool(site.config.site.old_base_urls)
    used: list[tuple[tuple[str, str, str], Any]] = []
    followed: list[tuple[str, str | None]] = []

    def recorded(src: str, alt: str, title: str) -> dict[str, Any] | None:
        """The image block, remembered."""
        block = image(src, alt, title)
        used.append(((src, alt, title), block))
        return block

    def recorded_link(href: str) -> str | None:
        """The URL shown for a link, remembered when another file, or whether it is on disk,
        decides it."""
        url = link(href)
        if (
            content_link(href, addresses) is not None
            or addresses.old_path(href) is not None
            # A photo's variant changes with the photo; a document is looked for in several
            # places (/tep/x.pdf: content/tep/x.pdf, else content/x.pdf), the first on disk.
            or is_file_link(href)
            # A site path under the folder the site is served under is kept as written when a
            # page has that address, else the folder is taken off: pages come and go. Any other
            # site path is shown as written whatever the pages (SiteAddresses.own_path).
            or _under_folder(href, addresses.folder)
            # A bulletin's page address («/2020/12/ten-bai/»): it may be held next time, and its
            # slug, made from its title, must then not go out. A page's («/lien-he/», a name the
            # unit chose) is not asked again at each reuse, as before page addresses were read.
            or _bulletin_linked(href, bulletin.source, site)
        ):
            # To a held file: the address it will have too, which its words may spell.
            followed.append((href, held_record(url, held_at(href)) if url == HELD else url))
        return url

    def readdressed(href: str, text: str) -> str | None:
        """The website's address now for a link whose text is the old address it was written
        with, when it leads to a page here: shown once, not «old (new)»; neutral words for one
        to a page not published now whose text names its file (links.held_words)."""
        if link(href) == HELD:  # to its file, or to its page's address
            return held_words(href, text, held_at(href))
        if not old or not text_is_address(text, href) or addresses.old_path(href) is None:
            return None
        url = link(href)  # recorded_link records it once the text is shown
        return None if not url or url == public_url(href) else address_as_text(url, text)

    blocks = markdown_blocks(
        bulletin.body,
        image=recorded,
        link=recorded_link,
        text_max=site.config.zalo.text_block_max,
        unit=site.config.zalo.length_unit,
        shown=readdressed,
        # Asked through recorded_link: a reuse of these blocks is checked against each answer.
        caption_held=lambda words: names_something_held(
            words, lambda name: recorded_link(name) == HELD
        ),
    )
    return tuple(blocks), (tuple(used), tuple(followed))


def _bulletin_linked(href: str, source: str, site: Site) -> bool:
    """Whether `href` (in `source`) names a bulletin's page by its address, held or not."""
    if not href.lstrip().startswith(("/", "http")) or ".md" in href:
        return False  # the quick answer for every other link: only an address can name a page
    file = linked_file(href, source, site.documents, site.config.addresses)
    if file is None or file in site.held_pages:
        return False
    return all(nfc(page.source) != file for page in site.pages)  # a site has a few pages


def same_calls(bulletin: Bulletin, site: Site, images: ZaloImages, calls: Calls) -> bool:
    """Whether each image and link call of an earlier conversion still gives the same answer
    (a linked bulletin's address may have changed, this body not)."""
    image = _image_block(bulletin, site, images)
    link = _link_target(bulletin, site, images)
    held_at = _held_at(bulletin, site)

    def recorded(href: str) -> str | None:
        """Where `href` leads, as body_blocks recorded it."""
        url = link(href)
        return held_record(url, held_at(href)) if url == HELD else url

    return all(image(*call) == block for call, block in calls[0]) and all(
        recorded(href) == url for href, url in calls[1]
    )


def header(bulletin: Bulletin, site: Site, images: ZaloImages) -> tuple[str, str, str, str, str]:
    """Everything in a payload besides its body's blocks: title, author, description, cover
    URL ("" when none) and the bulletin's page URL."""
    chosen = fields(bulletin, site)
    cover = images.image(chosen.cover.path, owner=bulletin.source).url if chosen.cover else None
    page = public_url(site.config.absolute_url(bulletin.url))
    return (chosen.title, chosen.author, chosen.description, cover or "", page)


def build_payload(
    bulletin: Bulletin, site: Site, images: ZaloImages, blocks: Blocks | None = None
) -> dict[str, Any]:
    """The create body for one bulletin, keys in a fixed reading order."""
    config = site.config
    title, author, description, cover_url, page = header(bulletin, site, images)
    body = list((blocks or body_blocks(bulletin, site, images))[0])
    # The cover shows above the article on Zalo: when the body shows the same picture too, the
    # follower would see it twice, so only the body's (in its place, with its caption) is shown.
    repeated = any(b.get("type") == "image" and b.get("url") == cover_url for b in body)
    body[:0] = [{"type": "text", "content": text} for text in correction_texts(bulletin, config)]
    body += [{"type": "text", "content": text} for text in footer_texts(config)]
    body.append({"type": "text", "content": closing_line(config, page)[0]})
    return {
        "type": "normal",
        "title": title,
        "author": author,
        "description": description,
        "cover": {
            "cover_type": "photo",
            "photo_url": cover_url,
            "status": "hide" if repeated else "show",
        },
        "body": body,
        "status": "show",
        "comment": config.zalo.comment,
    }


CLOSING_LEAD = "Xem bản tin đầy đủ"
"""How an article's last line, leading to the bulletin's page on the website, begins."""


def closing_line(config: Config, page: str) -> tuple[str, str]:
    """An article's last line, leading to `page`, and the site.toml key of the unit's name it
    shows ("" for none): «… trên trang thông tin của <[unit] name>: <page>», else of
    <[unit] short_name>, else none, whichever first fits [zalo] text_block_max. Never cut as a
    paragraph is: a cut address leads nowhere. Over the limit with no name at all (an address
    near as long as the limit), it goes whole: Zalo knows no limit of its own (zalo-oa-api.md
    [U]); the setting is the unit's caution."""
    zalo = config.zalo
    # plain_words: site.toml may be written decomposed (Unikey's «Unicode tổ hợp»), which a
    # phone draws off their letters, and may hold a «<b>» no text block may carry.
    for key, name in (
        ("[unit] name", config.unit.name),
        ("[unit] short_name", config.unit.short_name),
    ):
        line = f"{CLOSING_LEAD} trên trang thông tin của {plain_words(name)}: {page}"
        if zalo.length(line) <= zalo.text_block_max:
            return line, key
    return f"{CLOSING_LEAD}: {page}", ""


def correction_texts(bulletin: Bulletin, config: Config) -> list[str]:
    """The text blocks opening a corrected article, one per correction, oldest first
    («Đính chính (14:30 ngày 2/12/2026): …»): a follower reads them before the corrected text.
    Plain text, as every text block is (Zalo's HTML in blocks is unconfirmed)."""
    return [piece for _, texts in correction_blocks(bulletin, config) for piece in texts]


def correction_blocks(bulletin: Bulletin, config: Config) -> list[tuple[Correction, list[str]]]:
    """Each correction, oldest first, with the text blocks it opens the article with (a long
    one is cut as a paragraph is)."""
    zalo = config.zalo
    return [
        (correction, pieces(plain_words(told(correction)), zalo.text_block_max, zalo.length_unit))
        for correction in bulletin.corrections
    ]


def footer_texts(config: Config) -> list[str]:
    """The text blocks of [zalo] footer: one per paragraph, each cut as a body's would be."""
    zalo = config.zalo
    paragraphs = (plain_words(p) for p in zalo.footer.split("\n\n"))
    return [
        piece for p in paragraphs if p for piece in pieces(p, zalo.text_block_max, zalo.length_unit)
    ]


def footer_blocks(body: list[Any], config: Config) -> range:
    """The indexes of [zalo] footer's blocks in a body build_payload made: the last but one."""
    end = len(body) - 1  # the closing link to the website's page
    return range(end - len(footer_texts(config)), end)


def encode(payload: dict[str, Any]) -> str:
    """The payload as reviewable JSON text: UTF-8 characters, indent 2, trailing newline."""
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
