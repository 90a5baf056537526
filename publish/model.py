"""The frozen model every renderer reads: bulletins, pages, the site, and the artifacts renderers return."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from publish.config import Config
from publish.errors import Problem
from publish.packing import pack_bytes, unpack_bytes
from publish.text import nfc, slugify

__all__ = [
    "PAGES_DIR",
    "Artifact",
    "Build",
    "Bulletin",
    "Correction",
    "Exclusion",
    "ImageRef",
    "Kept",
    "Page",
    "Site",
    "by_constructor",
    "pack_text",
    "unpack_text",
]

PAGES_DIR = "pages"
"""The folder of content/ that holds pages (giới thiệu, liên hệ…), not bulletins."""


def by_constructor(self: Any) -> tuple[type, tuple[Any, ...]]:
    """Pickle as a call of the constructor with every field in order.

    The default for a frozen dataclass with slots sets each field in a Python-level loop
    (dataclasses' __setstate__), markedly slower to load, and a rebuild loads every bulletin.
    """
    return (type(self), tuple(getattr(self, name) for name in self.__slots__))


def pack_text(text: str) -> bytes:
    """A text as packed UTF-8 (see pack_bytes), as a Bulletin holds its body."""
    return pack_bytes(text.encode("utf-8", "surrogatepass"))


def unpack_text(packed: bytes) -> str:
    """The text `pack_text` was given."""
    return unpack_bytes(packed).decode("utf-8", "surrogatepass")


@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image a bulletin uses: its path under content/, alt text and optional caption."""

    __reduce__ = by_constructor

    path: str
    alt: str
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Correction:
    """A correction (`corrections:` in front matter) to a published bulletin: when and what."""

    __reduce__ = by_constructor

    date: dt.datetime
    """Aware datetime on the site's clock, no earlier than the bulletin's `date`."""
    note: str
    """What was corrected, as the editor wrote it (plain text)."""
    timed: bool = True
    """False when written as a day without a time of day: shown as the day alone."""
    line: int | None = None
    """Line of the item in the source file, for messages found after loading."""
    number: int = 0
    """Its place among the items as written (1 for the first), as messages name it."""
    date_line: int | None = None
    """Line of its `date`, for the message found at every load (see publish.corrections)."""


@dataclass(frozen=True, slots=True)
class Bulletin:
    """One bulletin as the editor wrote it, validated and normalised to NFC."""

    __reduce__ = by_constructor

    key: str
    """Stable sync key: front matter `id`, else the slug. Renaming a file with an `id` keeps it."""
    slug: str
    title: str
    date: dt.datetime
    """Aware datetime: when it may be published (an embargo when in the future)."""
    category: str
    summary: str
    packed_body: bytes
    """The Markdown source as `pack_text` gives it; `body` is the text. Every process of a build
    holds every bulletin: at 10,000 bulletins the bodies as str took ~64 MB (two bytes a
    character, Vietnamese being outside Latin-1), packed ~15 MB, and the build's peak fell by
    ~45 MB. Unpacking takes ~25 µs; a web build reads each body three times (page, search, PII)."""
    source: str
    """Path of the Markdown file relative to the project root, for messages."""
    body_line: int = 1
    """Line of `source` where the body starts, so body problems can name their line."""
    tags: tuple[str, ...] = ()
    tags_line: int | None = None
    """Line of `tags` when written as one string (`tags: lừa đảo ngân hàng OTP`), 0 when that
    line is not found; None for a list, which says what was meant (publish.tags_written)."""
    author: str = ""
    cover: ImageRef | None = None
    approved_by: str = ""
    draft: bool = False
    expires: dt.datetime | None = None
    pinned: bool = False
    """Front matter `pinned`: kept at the top of the website's home page (see `pinned_at`)."""
    pinned_until: dt.datetime | None = None
    """When a pin written as a date (`pinned: 2026-12-15`) ends; None: while it is published."""
    channels: frozenset[str] = frozenset()
    classification: str = ""
    pii_reviewed_by: str = ""
    images: tuple[ImageRef, ...] = ()
    """Images in the body, in order, whose files every approval fingerprint counts."""
    unfingerprinted: tuple[ImageRef, ...] = ()
    """Images in the body (reference-style, or a space in the name; see publish.content_images.
    body_images), in order, whose files only approvals taken since they are checked count (an
    earlier one stays valid: see approval.versions_as_approved): checked, resized and sent like
    `images`."""
    reading_order: tuple[int, ...] = ()
    """Indexes into shown_images in the order a reader meets those images in the body, when it
    differs from theirs (an image shown through a reference definition, or with a space in its
    name, is listed after the others); empty when it does not."""
    remote_images: tuple[tuple[str, int], ...] = ()
    """(address, line) of each picture the body shows from another website, as written: read
    with the other images when the file is loaded (the Zalo check asked every body again after
    each edit, ~0.8 s of a 10,000-bulletin rebuild spent inflating and scanning them)."""
    aliases: tuple[str, ...] = ()
    """Old site paths (front matter `aliases`) that redirect to its page."""
    links: tuple[tuple[str, int], ...] = ()
    """Links in the body to other content files (see publish.links), with their lines."""
    blocks: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Per-channel front matter blocks, e.g. {"radio": {"air_date": …}}; they override for that channel."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Front matter keys the tool does not know, for templates."""
    digest: str = ""
    """sha256 of the source file bytes."""
    approved_version: str = ""
    """The fingerprint `publish approve` wrote (front matter `approved_version`; see
    publish.approval): empty for a bulletin approved by name only."""
    content_digest: str = ""
    """sha256 of the front matter and body as written and of the address (publish.approval.
    content_digest), from which, with its images' bytes, the gate computes the fingerprint."""
    earlier_digests: tuple[str, ...] = ()
    """The same under earlier schemes (publish.approval.earlier_digests), for an approval
    written by an earlier version of the tool; computed only for an approved bulletin."""
    file_digest: str = ""
    """The file part of an approval bound to the file's bytes (publish.approval.file_digest):
    taken only for a bulletin that has one, or is approved by name alone (bound to the file by
    what a sync recorded: publish.name_only_record)."""
    corrections: tuple[Correction, ...] = ()
    """Corrections made after publication (front matter `corrections`), oldest first."""
    approval_note: str = ""
    """What `approved_by` holds when it names nobody («Chờ duyệt», «có», x), quoted: the gate
    holds the bulletin on every channel whatever the policy (publish.person_fields)."""
    review_note: str = ""
    """The same for `pii_reviewed_by`: a review nobody answers for holds the bulletin too."""
    held_from: frozenset[str] = frozenset()
    """Channels `draft` keeps it from (`draft: [zalo]`), already taken out of `channels`: an
    editor may withdraw an approved bulletin from one channel without a new approval."""
    draft_channels: tuple[str, ...] = ()
    """The channels `draft` named, as written, when they are every channel it goes to
    (`draft: [web, zalo]`): a draft (`draft` true), whose messages quote that line, not
    `draft: true`, which the file does not hold."""
    file_links: tuple[tuple[str, int], ...] | None = None
    """The links of the body to files, with their lines (publish.attachments.file_links), taken
    at load where the body is text; None when not taken. Four checks of a web build ask for
    them: each unpacked and searched the body again."""
    relative_links: tuple[tuple[str, int], ...] = ()
    """Relative links in the body that name no content file nor file to download (see
    publish.relative_links), with their lines: judged once the whole site is loaded."""
    timed: bool = True
    """False when `date` was written as a day without a time of day («date: 2026-12-05»): its
    page shows the day alone, where «date: 2026-12-05 00:00» shows «0:00» (the same moment)."""
    has_id: bool = False
    """Whether front matter `id` gives its key (else the slug does): the editor's word for which
    bulletin it is, so it is never taken for another one renamed (publish.rename_pairs)."""
    lang: str = ""
    """Front matter `lang` when the bulletin is in another language than the site's ("en"),
    else "": its page marks its text with it, and the radio does not read it
    (publish.languages)."""

    @property
    def body(self) -> str:
        """The Markdown source; renderers convert it."""
        return unpack_text(self.packed_body)

    @property
    def body_utf8(self) -> bytes:
        """The Markdown source as UTF-8, without making the str (e.g. to hash it)."""
        return unpack_bytes(self.packed_body)

    @property
    def shown_images(self) -> tuple[ImageRef, ...]:
        """Every image of the body a reader sees: what the website and Zalo check and resize."""
        return self.images + self.unfingerprinted if self.unfingerprinted else self.images

    @property
    def images_as_read(self) -> tuple[ImageRef, ...]:
        """The images of the body a reader sees, in the order they meet them."""
        shown = self.shown_images
        return tuple(shown[i] for i in self.reading_order) if self.reading_order else shown

    @property
    def modified(self) -> dt.datetime:
        """When what it says last changed for readers: its latest correction, else its date."""
        return self.corrections[-1].date if self.corrections else self.date

    @property
    def url(self) -> str:
        """The site path of its page: /YYYY/MM/<slug>/."""
        return self.url_at(self.slug)

    @property
    def draft_line(self) -> str:
        """The `draft` line that makes it a draft, as its messages quote it: `draft: true`,
        or the channels written when they are every channel it goes to (`draft: [web, zalo]`)."""
        if self.draft_channels:
            return f"draft: [{', '.join(self.draft_channels)}]"
        return "draft: true"

    def url_at(self, slug: str) -> str:
        """The site path its page has at `slug` (another address it had: /YYYY/MM/<slug>/)."""
        # As f"{date:%Y}" writes it (no padding below year 1000), without strftime's cost.
        return f"/{self.date.year}/{self.date.month:02d}/{slug}/"

    def pinned_at(self, now: dt.datetime) -> bool:
        """Whether it is pinned at `now`: `pinned: true`, or a pin whose end is still ahead."""
        return self.pinned and (self.pinned_until is None or now < self.pinned_until)

    def block(self, channel: str) -> Mapping[str, Any]:
        """This bulletin's settings for one channel (empty when none)."""
        return self.blocks.get(channel, {})

    def made_of(self, *names: str) -> tuple[Any, ...]:
        """What decides the fields `names`, for a cache key: the file's digest when the bulletin
        was loaded from one, else the fields themselves.

        A loaded bulletin's fields come from its file's bytes (site.toml and the tool are in the
        cache salt), except the tags' labels, which the whole site decides, and its images,
        found on disk: keys that depend on those add them. Hashing the digest instead of every
        field of 10,000 bulletins saves a rebuild about a second in all.
        """
        if self.digest:
            return (self.digest,)
        return tuple(getattr(self, name) for name in names)


@dataclass(frozen=True, slots=True)
class Page:
    """A standalone page from content/pages/ (giới thiệu, liên hệ, gửi phản ánh)."""

    __reduce__ = by_constructor

    slug: str
    title: str
    body: str
    source: str
    summary: str = ""
    layout: str = "page"
    order: int = 100
    draft: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)
    links: tuple[tuple[str, int], ...] = ()
    """Links in the body to other content files (see publish.links), with their lines."""
    date: dt.datetime | None = None
    """When it may be published (an embargo when in the future); None: at once."""
    expires: dt.datetime | None = None
    classification: str = ""
    approved_by: str = ""
    """Recorded, not required: pages (giới thiệu, liên hệ) are not approved one by one."""
    pii_reviewed_by: str = ""
    """Who weighed the personal data the page and the files it links to hold and let them go
    out (see publish.pii.lint), as a bulletin's."""
    pii_reviewed_version: str = ""
    """What that review covered (publish.approval.review_version), written by `publish approve`:
    a review of other bytes than the page's and its files' now holds nothing."""
    aliases: tuple[str, ...] = ()
    """Old site paths (front matter `aliases`) that redirect to it."""
    body_line: int = 1
    """Line of `source` where the body starts, so body problems can name their line."""
    shown_images: tuple[ImageRef, ...] = ()
    """Every image of the body a reader sees: what the website checks and resizes."""
    file_digest: str = ""
    """publish.approval.file_digest of the bytes loaded, for a page with a
    pii_reviewed_version: what that review is judged against (publish.pii)."""
    held_note: str = ""
    """«approved_by ghi «ok»» when a field naming a person names nobody: the gate holds the
    page (publish.person_fields.held_note)."""
    relative_links: tuple[tuple[str, int], ...] = ()
    """Relative links in the body that name no content file nor file to download (see
    publish.relative_links), with their lines."""
    updated: dt.datetime | None = None
    """When the unit last updated what the page says (front matter `updated`): shown on the
    page («Cập nhật ngày …», as Nghị định 42/2022/NĐ-CP asks) and its sitemap <lastmod>. A
    bulletin has none: its corrections say what changed and when."""
    updated_timed: bool = False
    """Whether `updated` was written with a time of day (shown then), not a day alone."""
    lang: str = ""
    """Front matter `lang` when the page is in another language than the site's, else ""."""

    @property
    def url(self) -> str:
        """The site path of the page: /<slug>/."""
        return f"/{self.slug}/"


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A bulletin left out of every channel, and why (Vietnamese, shown by `publish build`)."""

    __reduce__ = by_constructor

    bulletin: Bulletin
    reason: str
    code: str
    """Machine-readable reason: draft, scheduled, expired, unapproved, secret."""
    cause: str = ""
    """For an «unapproved» one, which of gate's approval checks held it (publish.gates.HELD_CAUSES:
    the station's note and the count of bulletins to approve must say the cause the editor's
    reason gives); for a «secret» one, publish.gates.UNCLEAR when its classification is one the
    tool does not know (a summary counts it apart); "" for the other codes."""
    also: str = ""
    """For one held for its pii_reviewed_by (cause "review_note"): the approval check that holds
    it too (a later cause of HELD_CAUSES), which its reason tells after the reviewer's; else ""."""
    restore: str = ""
    """For one held as changed since its approval whose file is as approved (its address or an
    image changed: publish.approval_why), the command bringing back what was approved, when
    known; else ""."""
    said: str = ""
    """For one held as changed since its approval whose file is as approved, what changed (its
    address, an image: publish.approval_why), as its reason starts; else ""."""

    @property
    def for_approver(self) -> str:
        """The approval check that waits for an approver's `publish approve`, else "": the
        cause, or for one held for its pii_reviewed_by, the check holding it too (fixing the
        reviewer's name alone does not release it)."""
        return self.also if self.cause == "review_note" else self.cause

    def expired_long_ago(self, now: dt.datetime) -> bool:
        """Whether the bulletin expired EXPIRED_LISTED or longer before `now` (counted, not named,
        among those left out)."""
        expires = self.bulletin.expires
        return self.code == "expired" and expires is not None and now - expires >= EXPIRED_LISTED


EXPIRED_LISTED = dt.timedelta(days=7)
"""How long after its expiry a bulletin is still named among those left out."""


@dataclass(frozen=True, slots=True)
class Site:
    """Everything loaded and gated: what renderers may publish, frozen."""

    config: Config
    now: dt.datetime
    bulletins: tuple[Bulletin, ...]
    """Publishable bulletins, newest first."""
    pages: tuple[Page, ...] = ()
    excluded: tuple[Exclusion, ...] = ()
    previews: tuple[Bulletin, ...] = ()
    """With --drafts: drafts and unapproved bulletins shown on the local website only, with a banner."""
    warnings: tuple[Problem, ...] = ()
    """Content warnings found while loading (e.g. a misspelt front matter key); errors under
    --strict. Loaded to be checked despite errors (see load_site's `salvage`): the errors too."""
    digests: Mapping[str, str] = field(default_factory=dict)
    """sha256 of input files as this build found them, by path, where known (see
    publish.replay): a renderer need not read a file again only to know its bytes."""
    documents: Mapping[str, str] = field(default_factory=dict)
    """Site path of the page of every bulletin and page loaded (held back or not), by its file
    relative to the project root (NFC): where a link to that file leads (see publish.links)."""
    tag_slugs: Mapping[str, str] = field(default_factory=dict)
    """The slug of each tag's page (/the/<slug>/), by its label (see publish.tags)."""
    tag_moves: Mapping[str, str] = field(default_factory=dict)
    """The slug of the page of each tag renamed in site.toml ([tag_aliases]) → the slug of the
    tag it is now, whose page its old address redirects to (see publish.tag_aliases)."""
    held_pages: Mapping[str, str] = field(default_factory=dict)
    """Why each page loaded but left off the website is held back (draft, embargo, expiry…),
    by its file (see gates.page_gate): a link to it is told so, not called broken."""
    held_aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """The `aliases` of each page in held_pages that has some, by its file: addresses it will
    take when it goes live (see publish.render.web.follow)."""
    drafts: bool = False
    """Loaded for a --drafts preview (drafts and unapproved bulletins and pages shown): the
    website's cache keeps its pages and search index apart from a published build's, so
    alternating the two does not make each render again what the other replaced."""
    output: Path | None = None
    """The folder the build is written into (None: output/): the website renderer takes the
    pages its web/ still holds from the last build written there."""
    written: bool = True
    """Whether the artifacts will be written (False: rendered only to be checked, by `publish
    check`): a renderer's record of what output/ holds (the search index's) is left as it was,
    so the build after a check still takes from output/ what it can."""
    name_only_fingerprints: Mapping[str, str] | None = None
    """The fingerprint of each bulletin approved by name alone, by key, which the sync records
    in state/published.json for those it published (None: the policy judges no name; see
    publish.name_only_record)."""
    preview_keys: frozenset[str] = field(init=False, repr=False, compare=False)
    """The keys of `previews`, made with the site: is_preview is asked for every card, page and
    list entry, and a scan of the previews each time grew with their number under --drafts."""
    _unlinked: frozenset[str] | None = field(init=False, default=None, repr=False, compare=False)
    """`unlinked()`, once asked."""

    def __post_init__(self) -> None:
        """Make `preview_keys` (also after dataclasses.replace, which calls __init__)."""
        object.__setattr__(self, "preview_keys", frozenset(p.key for p in self.previews))

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        """Pickle as a call of the constructor with its arguments (by_constructor passes every
        slot, and preview_keys is made, not given)."""
        return (type(self), tuple(getattr(self, f.name) for f in fields(self) if f.init))

    def pinned_now(self) -> tuple[Bulletin, ...]:
        """The website's bulletins pinned at the site's clock, newest first (see pinned_at)."""
        return tuple(b for b in self.for_channel("web") if b.pinned_at(self.now))

    def for_channel(self, channel: str) -> tuple[Bulletin, ...]:
        """Bulletins that go to `channel`, newest first (previews only on the web; none to Zalo
        without [zalo] oa_id)."""
        if channel == "zalo" and not self.config.zalo.oa_id.strip():
            # No OA to send to (`publish sync` sends nothing without one): Zalo's limits must
            # not stop the website and radio of a unit whose older site.toml lists zalo.
            return ()
        chosen = [b for b in self.bulletins if channel in b.channels]
        if channel == "web" and self.previews:
            chosen += [b for b in self.previews if "web" in b.channels]
            chosen.sort(key=lambda b: (b.date, b.key), reverse=True)
        return tuple(chosen)

    def unlinked(self) -> frozenset[str]:
        """The files of `documents` the website has no page of now (a draft, a bulletin
        waiting for its approval or its date, expired, kept off the website, a page held): a
        link to one keeps its words but loses its address on every channel (links.HELD), as
        the address, made from the title, must not go out before the page does."""
        if self._unlinked is None:
            items: list[Bulletin | Page] = [*self.for_channel("web"), *self.pages]
            shown = {nfc(item.source) for item in items}
            found = frozenset(self.documents.keys() - shown)
            object.__setattr__(self, "_unlinked", found)
            return found
        return self._unlinked

    def tag_slug(self, tag: str) -> str:
        """The slug of a tag's page (a site made without loading has only plain slugs)."""
        return self.tag_slugs.get(tag) or slugify(tag)

    def published_files(self) -> frozenset[str]:
        """The files (relative to the root) of the bulletins and pages this build publishes:
        the owners whose cache entries a build keeps (see Fragments.sweep)."""
        return frozenset(b.source for b in self.bulletins) | {p.source for p in self.pages}

    def is_preview(self, bulletin: Bulletin) -> bool:
        """Whether the bulletin is only shown because of --drafts (asked for every card: without
        --drafts there are no previews to look through)."""
        return bulletin.key in self.preview_keys

    def edited_after_approval(self) -> dict[str, str]:
        """Why each --drafts preview of a bulletin changed since its approval is published
        nowhere, by key: its exclusion's reason, which says how to approve it again, without
        the words «đã sửa sau khi duyệt» its banner leads with. One pass over the exclusions,
        for the renderer to keep (asked for each card, stamp and page of a preview)."""
        if not self.previews:
            return {}
        shown = self.preview_keys
        edited: dict[str, str] = {}
        for exclusion in self.excluded:
            key = exclusion.bulletin.key
            # for_approver: one held for its pii_reviewed_by too is still an edited one.
            if key in shown and exclusion.for_approver in EDITED_CAUSES:
                edited.setdefault(key, _banner_reason(exclusion.reason))
        return edited


def _banner_reason(reason: str) -> str:
    """An edited bulletin's exclusion `reason` as its preview's banner, «Đã sửa sau khi
    duyệt — …», goes on: without the words saying it again («Đã sửa sau khi duyệt — đã sửa sau
    khi duyệt: tệp đính kèm …»)."""
    for said in EDITED_SAID:
        if reason.startswith(said):
            return reason[len(said) :]
    return reason


EDITED_SAID = ("đã sửa sau khi duyệt: ", "nội dung đã đổi sau khi duyệt: ")
"""How the reasons of publish.approval.what_changed and publish.gates start."""
EDITED_CAUSES = frozenset({"changed", "bad_version"})
"""Exclusion causes (publish.gates.HELD_CAUSES) of an approved bulletin whose text has changed
since (or whose approval mark was edited by hand): a preview of it is no draft."""


@dataclass(frozen=True, slots=True)
class Artifact:
    """One output file: which channel, where under output/<channel>/, its bytes, and its source."""

    __reduce__ = by_constructor

    channel: str
    path: str
    """POSIX path relative to output/<channel>/, e.g. "2020/12/x/index.html"."""
    data: bytes
    source: str | None = None
    """The file it came from (None for index pages), for collision messages."""
    key: str | None = None
    """The bulletin key it belongs to, when it belongs to one (used by sync)."""
    kind: str | None = None
    """What it is when its source does not tell, for collision messages: a redirect page at an
    old address from `aliases` ("alias"), from state/web-urls.json ("history"), from a
    category's aliases in site.toml ("category-alias") or from its [tag_aliases] ("tag-alias")."""
    sha256: str | None = field(default=None, compare=False, repr=False)
    """The digest of `data`, when taken as the artifact was made (see `hashed`)."""

    @property
    def digest(self) -> str:
        """sha256 of the bytes, used by sync manifests."""
        return self.sha256 or hashlib.sha256(self.data).hexdigest()

    @classmethod
    def text(cls, channel: str, path: str, text: str, **kwargs: Any) -> Artifact:
        """An artifact from text, encoded UTF-8."""
        return cls(channel, path, text.encode("utf-8"), **kwargs)

    @classmethod
    def hashed(cls, channel: str, path: str, text: str, **kwargs: Any) -> Artifact:
        """`text` as an artifact with its digest taken now: one whose maker needs the digest
        (a web page's reuse record, in a worker) does not leave the writer to hash it again
        (17,500 pages, ~370 MB, in the build's busiest process at 10,000 bulletins)."""
        data = text.encode("utf-8")
        return cls(channel, path, data, sha256=hashlib.sha256(data).hexdigest(), **kwargs)


@dataclass(frozen=True, slots=True)
class Kept:
    """An output file the renderer found unchanged on disk: its bytes are read only if asked for."""

    channel: str
    path: str
    digest: str
    origin: str | os.PathLike[str]
    """Where the bytes are: output/<channel>/<path> of the previous build (text is fine: a
    Path per reused page costs more than the rest of reusing it)."""
    source: str | None = None
    key: str | None = None
    verified: tuple[int, int, int, str] | None = None
    """(size, mtime_ns, inode, digest) of the file when the renderer read it to check its bytes,
    because the ledger's entry no longer matched its stat (e.g. output/ restored from a CI
    cache): the writer records this instead."""

    @property
    def data(self) -> bytes:
        """The bytes, read from the previous output."""
        return Path(self.origin).read_bytes()


@dataclass(frozen=True, slots=True)
class Build:
    """A loaded site, the warnings found (the errors too when built to `keep_going`), and its
    artifacts (rendered as they are consumed)."""

    site: Site
    channels: tuple[str, ...]
    warnings: tuple[Problem, ...]
    artifacts: Iterable[Artifact]
