"""Load and validate everything under content/ into the frozen model, every problem in one pass."""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import functools
import hashlib
import os
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from publish import (
    approval,
    approval_why,
    attachments,
    content_images,
    control_chars,
    corrections,
    embedded_frames,
    fields,
    footnote_count,
    id_holders,
    lang_field,
    legacy_text,
    linked_folders,
    misencoded,
    name_only_record,
    nesting,
    other_unit,
    pasted,
    shortcodes,
    stale_program,
    tag_aliases,
    tags_written,
    title_heading,
    typed_markdown,
    unclosed,
    unfinished,
    url_history,
    weekday_check,
)
from publish.attachments import ALLOWED_SUFFIXES, OUTPUT_DIR
from publish.cache import Fragments, Shelf
from publish.config import (
    CHANNELS,
    Config,
    contact_warnings,
    feedback_categories_warning,
    tag_alias_warnings,
    timezone_warning,
    zalo_without_oa,
)
from publish.contact_numbers import home_digits
from publish.control_chars import (
    CONTROL_RUNS,
    CONTROLS,
    Lost,
    Removed,
    scrubbed,
    without_controls,
)
from publish.editor_files import (
    Misnamed,
    is_clutter,
    misnamed_bulletin,
    misnamed_markdown,
    not_a_bulletin,
    renamed_bulletin,
)
from publish.errors import SPACED_DEFINITION, ContentError, Problem, not_a_file, os_reason
from publish.far_date import far_dates, updated_ahead
from publish.fields import WORD_SPACES, Collector, word_spaced
from publish.frontmatter import (
    DuplicateKeyError,
    FrontMatterError,
    Parsed,
    decode,
    hash_cuts,
    mend_pasted,
    parse_file,
    split,
    untabbed,
)
from publish.gates import gate, name_only, page_gate
from publish.image_suffixes import IMAGE_SUFFIXES
from publish.invisible import invisible_removed
from publish.key_lines import READING, READINGS_BEFORE, Reading
from publish.limits import MARKDOWN_HINT, MAX_SOURCE_BYTES, read_capped, read_head, too_large
from publish.links import (
    LINK_HINT,
    ContentFiles,
    broken_addresses,
    computer_files,
    dropped_links,
    links_in,
    nested_links,
    nested_references,
    saved_file_name,
)
from publish.model import PAGES_DIR, Bulletin, Correction, Page, Site, pack_text
from publish.parallel import run_jobs
from publish.person_fields import held_note, nobody, person
from publish.relative_links import RelativeTargets, relative_links
from publish.site_paths import page_slug_problems
from publish.spaced_definitions import escaped, spaced_definitions
from publish.tags import tag_key
from publish.text import nfc, quoted, slug_file_name
from publish.title_links import bracketed_titles, titled_files
from publish.windows_approval import windows_approved
from publish.zalo_too import zalo_too

__all__ = [
    "BODY_PLACEHOLDER",
    "PAGES_DIR",
    "SUMMARY_PLACEHOLDER",
    "load_bulletin",
    "load_site",
]

KNOWN_KEYS = {
    "aliases",
    "id",
    "title",
    "date",
    "category",
    "summary",
    "tags",
    "author",
    "cover",
    "cover_alt",
    "approved_by",
    "draft",
    "expires",
    "pinned",
    "channels",
    "slug",
    "classification",
    "pii_reviewed_by",
    "approved_version",
    "corrections",
    "lang",
}
SUMMARY_PLACEHOLDER = "Tóm tắt bản tin trong một, hai câu."
BODY_PLACEHOLDER = "Viết nội dung bản tin ở đây."
"""The sample text `publish new` writes: an error once the bulletin is no longer a draft."""
PAGE_KEYS = {
    "aliases",
    "title",
    "slug",
    "summary",
    "layout",
    "order",
    "draft",
    "date",
    "expires",
    "classification",
    "approved_by",
    "pii_reviewed_by",
    "pii_reviewed_version",
    "updated",
    "lang",
}
"""A page's gates are a bulletin's (see gates.page_gate) but approval: `approved_by` is kept,
not required."""
BLOCK_KEYS: dict[str, dict[str, str]] = {
    "web": {},
    "zalo": {"title": "tiêu đề riêng cho Zalo", "summary": "mô tả riêng cho Zalo"},
}
"""What a `web:` or `zalo:` block may set. An ignored key could be a `draft: true` meant to hold
the bulletin back from that channel, so every other key is an error."""
PAGE_LAYOUTS = {
    "page": "trang thường",
    "contact": "trang liên hệ: thêm địa chỉ, đường dây nóng và mã QR Zalo của đơn vị",
}
"""What a page's `layout` may say (the theme has a template for each, chosen by the tool)."""
_KEY_PREFIX = re.compile(r"""^\s*(?:-\s+)?(?:[\w.-]+:\s*)?["']?""")
"""What comes before a front matter value on its line: a key, a list dash, an opening quote."""
WINDOWS_CHARS = frozenset('<>:"|?*\\')
"""Characters no Windows file name may hold (editors check the repository out on Windows)."""
_UNPORTABLE_RE = re.compile(r'[<>:"|?*\\\x00-\x1f]|[ .]/')
"""Any of WINDOWS_CHARS or a control character, or a name ending in a space or a dot (parts
joined and followed by '/'): what `_unportable` looks for, in one pass."""


TITLE_BREAK_RE = re.compile(r"\s*[\n\r\x85\u2028\u2029]\s*")
"""A line break in a title, with the spaces around it: one space in its place."""


def load_site(
    config: Config,
    *,
    now: dt.datetime,
    drafts: bool = False,
    digests: Mapping[str, str] | None = None,
    salvage: bool = False,
    later: Callable[[Callable[[], None]], object] | None = None,
    records: id_holders.Records | None = None,
    every_key: bool = False,
) -> Site:
    """Load bulletins and pages, validate them all, apply the publishing gates, return the Site.

    `digests`: the digest of input files as this build found them, by path (see
    publish.replay); such a file found on the cache's shelf is not read at all. The site
    carries them on for the renderers.

    Errors raise a ContentError, unless `salvage`: then the site holds every file whole
    enough to be checked further despite its errors (see _validate; of two files with one
    slug or id, the first), and its `warnings` the errors too, so that the channels' checks
    find their problems in the same run.

    `later`: handed the writes to the cache the load leaves to its caller (saving the shelf of
    loaded bulletins, ~0.35 s at 10,000 with the other core idle, one step per shard), which
    must run each, e.g. while the workers of its next phase are busy (None: done here).

    `records`: the command's reader of state/, which it reads again after the load (what the
    next sync withdraws), so that published.json and the channels' records are parsed once
    (None: one of the load's own; see id_holders.Records). `every_key`: whether the wrong-fix
    check looks up a bulletin web-urls.json has no address for too (never on the website), in
    published.json, which a command that parses it anyway asks for (see id_holders.moved_ids).
    """
    problems: list[Problem] = []
    content_images.forget_resolved()
    _CACHES.clear()
    content_dir = config.root / "content"
    if not content_dir.is_dir():
        raise ContentError(
            [
                Problem(
                    "content/",
                    "không tìm thấy thư mục content/",
                    hint="Tạo thư mục content/ và đặt bản tin .md vào đó.",
                )
            ]
        )
    bulletins = []
    links: set[str] = set()
    misnamed: list[str] = []
    folder_links: list[str] = []
    unreadable: list[tuple[str, OSError]] = []
    misencoded_names: list[str] = []
    files = list(
        _markdown_files(
            content_dir,
            pages=False,
            links=links,
            misnamed=misnamed,
            folder_links=folder_links,
            unreadable=unreadable,
            misencoded_names=misencoded_names,
        )
    )
    unreadable_bulletins: list[Path] = []  # their errors are told; their links not followed
    for path, (bulletin, found, corrected) in zip(
        files, _load_bulletins(files, config, digests or {}, links, later), strict=True
    ):
        # Top to bottom of the file, as the editor reads it: fields are checked in the order
        # the code needs them («Tóm tắt:» was told before «Ngày:» two lines above it).
        problems.extend(sorted(found, key=lambda p: p.line or 0))
        problems.extend(_on_the_clock(path, bulletin, corrected, now, config))
        if bulletin is not None:
            bulletins.append(bulletin)
        else:
            unreadable_bulletins.append(path)
    page_files = list(
        _markdown_files(
            content_dir / PAGES_DIR,
            pages=True,
            misnamed=misnamed,
            folder_links=folder_links,
            unreadable=unreadable,
            misencoded_names=misencoded_names,
        )
    )
    problems.extend(tags_written.run_together(bulletins))
    problems.extend(_misencoded_names(misencoded_names, config.root))
    problems.extend(_unreadable_folders(unreadable, config.root))
    unread_at = len(problems)
    problems.extend(linked_folders.problems(sorted(folder_links), config.root))
    pages = []
    for path in page_files:
        told: list[Problem] = []
        page = load_page(path, config, told)
        problems.extend(sorted(told, key=lambda p: p.line or 0))  # as for a bulletin above
        if page is not None:
            problems.extend(far_dates([(page.source, page.date, "trang")], now, config))
            problems.extend(updated_ahead([(page.source, page.updated, page.date)], now, config))
            pages.append(page)
    # A form or notice a bulletin links to is served (publish.attachments): not a document
    # left behind that "is published nowhere".
    linked_files, served = attachments.check(_linking_out(bulletins, pages), config)
    unread = sorted(path for path in misnamed if os.path.realpath(path) not in served)
    if unread and unreadable_bulletins:
        unread = _not_named_in(unread, unreadable_bulletins)
    problems[unread_at:unread_at] = _unread(unread, config.root, next(iter(config.categories), ""))
    page_verdicts = {p.source: page_gate(p, now=now, policy=config.policy) for p in pages}
    problems.extend(_held_pages(page_verdicts))
    problems.extend(unfinished.placeholder_address(config))
    problems.extend(other_unit.site_toml(config))
    problems.extend(contact_warnings(config))
    problems.extend(feedback_categories_warning(config))
    problems.extend(timezone_warning(config))
    problems.extend(zalo_without_oa(config))
    problems.extend(stale_program.check(config))
    renamed = tag_aliases.renames(config.tag_aliases, config.policy)
    # Told here, among the other warnings of site.toml, once the tags it names are known.
    unused_at = len(problems)
    # Before the renames, drafts and held bulletins too: a tag they carry is no typo.
    carried = {tag_key(tag) for b in bulletins for tag in b.tags} if renamed.now else set()
    problems.extend(other_unit.sample_cover(config, digests or {}))
    problems.extend(url_history.moved_site(config))
    # One reader of state/ for both: on a duplicate, published.json and zalo.json parsed once.
    records = id_holders.Records(config.root) if records is None else records
    shared = _shared_keys(bulletins)
    duplicates = _duplicates(bulletins, pages, config.root, records, shared)
    duplicates += _alias_clashes(bulletins, pages)
    problems.extend(duplicates)
    problems.extend(
        id_holders.moved_ids(bulletins, records, _id_line(config.root), shared, every_key=every_key)
    )
    items: list[Bulletin | Page] = [*bulletins, *pages]
    documents = {nfc(item.source): item.url for item in items}
    titled = titled_files(items)  # one map for both checks: a title_key of every title
    problems.extend(
        _link_problems(config, documents, titled, bulletins, pages, [*files, *page_files])
    )
    problems.extend(bracketed_titles(items, titled))
    problems.extend(linked_files)
    if _error_count(problems):
        if not salvage:
            if renamed.now:  # nothing is built: the tag a warning names is the most used spelling
                shown = _canonical_tags(
                    tag_aliases.apply(bulletins, renamed), [False] * len(bulletins)
                )
                spelt = {tag for bulletin in shown for tag in bulletin.tags}
                unused = tag_aliases.unused(renamed, carried, spelt)
                problems[unused_at:unused_at] = tag_alias_warnings(config, unused)
            raise ContentError(problems)
        # Two outputs at one path: the second is reported, not checked further.
        twins = {p.file for p in duplicates}
        bulletins = [b for b in bulletins if b.source not in twins]
        pages = [p for p in pages if p.source not in twins]
    # fields.secret() already scanned these texts for stamps (a stamped file is not loaded,
    # even to be checked).
    versions, changed, explained = _approved_versions(bulletins, config, digests or {}, records)
    read_before = partial(_recorded_as_read_before, config=config)
    on_names = name_only_record.judge(bulletins, config, digests or {}, read_before)
    verdicts = [
        gate(
            b,
            now=now,
            policy=config.policy,
            stamp_checked=True,
            version=versions.get(b.source),
            changed=changed.get(b.source, ""),
            explained=explained.get(b.source),
            published_before=on_names.vouched,
            name_only_why=on_names.why.get(b.key, ""),
        )
        for b in bulletins
    ]
    # After the gates: a tag renamed in site.toml leaves the file, and so its approval, as it was.
    bulletins = tag_aliases.apply(bulletins, renamed)
    bulletins = _canonical_tags(bulletins, [v is None for v in verdicts])
    # From every bulletin, held back or not: a tag's address does not move when one is published.
    labels = {tag for bulletin in bulletins for tag in bulletin.tags}
    slugs, tag_moves = tag_aliases.addresses(renamed, labels, carried)
    unused = tag_aliases.unused(renamed, carried, labels)
    problems[unused_at:unused_at] = tag_alias_warnings(config, unused)
    published, excluded, previews = [], [], []
    for bulletin, verdict in zip(bulletins, verdicts, strict=True):
        if verdict is None:
            published.append(bulletin)
            if drafts and "web" in bulletin.held_from:
                # `draft: [web]` is a draft on the website: its preview shows it, as it would
                # a whole draft, while the other channels still carry it.
                previews.append(dataclasses.replace(bulletin, channels=bulletin.channels | {"web"}))
        else:
            if verdict.bulletin is not bulletin:  # its tags were relabelled
                verdict = dataclasses.replace(verdict, bulletin=bulletin)
            excluded.append(verdict)
            if drafts and verdict.code in ("draft", "unapproved"):
                previews.append(bulletin)
    newest_first = sorted(published, key=lambda b: (b.date, b.key), reverse=True)
    held = {
        source: verdict[0]
        for source, verdict in page_verdicts.items()
        if verdict is not None and not _page_shown(verdict, drafts=drafts)
    }
    return Site(
        config=config,
        now=now,
        bulletins=tuple(newest_first),
        pages=tuple(
            sorted(
                (p for p in pages if _page_shown(page_verdicts.get(p.source), drafts=drafts)),
                key=lambda p: (p.order, p.slug),
            )
        ),
        excluded=tuple(sorted(excluded, key=lambda e: e.bulletin.source)),
        previews=tuple(previews),
        warnings=tuple(problems),
        digests=digests or {},
        documents=documents,
        tag_slugs=slugs,
        tag_moves=tag_moves,
        held_pages=held,
        held_aliases={p.source: p.aliases for p in pages if p.source in held and p.aliases},
        drafts=drafts,
        name_only_fingerprints=on_names.fingerprints,
    )


def _approved_versions(
    bulletins: list[Bulletin],
    config: Config,
    digests: Mapping[str, str],
    records: id_holders.Records,
) -> tuple[dict[str, str], dict[str, str], dict[str, approval_why.Explained]]:
    """The content fingerprint now of each bulletin approved with one, by file (see
    publish.approval): only those are compared, and only they have their images read; what
    changed since, by file, when the approval tells it (approval.what_changed); and, for one
    whose file is as approved, by file, what its address or images tell of it with the way
    back to what was approved (publish.approval_why; `records`: the load's reader of state/)."""
    if config.policy.approval != "content":
        return {}, {}, {}
    images = approval.ImageDigests(config.root / "content", digests)
    clues = approval_why.Clues(config, records)
    versions, changed, explained = {}, {}, {}
    for bulletin in bulletins:
        approved = bulletin.approved_version
        if approved:
            bound = approval.bound(approved) is not None
            linked = attachments.linked_paths(bulletin, config) if bound else {}
            found = approval.judged_version(bulletin, images, linked=linked)
            raw = _raw(config, bulletin) if found != approved else None
            if found != approved and (
                windows_approved(bulletin, config, images)
                or _approved_as_read_before(bulletin, config, images, linked, raw)
            ):
                found = approved
            versions[bulletin.source] = found
            if found != approved and bound:
                said = approval.what_changed(approved, found, linked)
                if not said and raw and approval.values_only(approved, found):
                    why = _why_held(bulletin, raw, images, linked, clues)
                    if why is not None:
                        explained[bulletin.source] = why
                changed[bulletin.source] = said
    return versions, changed, explained


def _raw(config: Config, bulletin: Bulletin) -> bytes | None:
    """The bytes of `bulletin`'s file, read again (None when it cannot be)."""
    try:
        return (config.root / bulletin.source).read_bytes()
    except OSError:
        return None


def _why_held(
    bulletin: Bulletin,
    raw: bytes,
    image_digest: approval.ImageDigests,
    linked: Mapping[str, str],
    clues: approval_why.Clues,
) -> approval_why.Explained | None:
    """Why `bulletin` (its file's bytes `raw`), its file as approved, no longer matches its
    approval: its address (the file renamed) or an image replaced (publish.approval_why), None
    when neither tells it."""
    parsed = parse_raw(raw, Collector(bulletin.source, []), READING)
    if parsed is None:
        return None
    written = parsed.written or (parsed.data, parsed.body)

    def approved_at(slug: str, key: str) -> bool:
        """Whether the approval is the bulletin's fingerprint at address `slug`, key `key`."""
        moved = dataclasses.replace(
            bulletin,
            slug=slug,
            key=key,
            content_digest=approval.content_digest(*written, slug, key),
        )
        judged = approval.judged_version(moved, image_digest, linked=linked)
        return judged == bulletin.approved_version

    return approval_why.explain(bulletin, clues, approved_at, "slug" in parsed.data)


def _approved_as_read_before(
    bulletin: Bulletin,
    config: Config,
    image_digest: approval.ImageDigests,
    linked: Mapping[str, str] | None = None,
    raw: bytes | None = None,
) -> bool:
    """Whether `bulletin`'s approved_version is the fingerprint of its file as an earlier version
    of the tool read it (key_lines.READINGS_BEFORE): a mended reading of pasted text must not
    withdraw a bulletin nobody edited. Asked only when the fingerprint no longer matches; an
    approval taken under a named reading matches only under it (publish.approval). `raw`: the
    file's bytes when the caller read them (None: read here)."""
    if raw is None:
        raw = _raw(config, bulletin)
    if raw is None:
        return False
    for reading in READINGS_BEFORE:
        parsed = parse_raw(raw, Collector(bulletin.source, []), reading)
        # None: that version could not read the file, so approved none of it. Not None does not
        # say it could: a front matter indented with Tab comes back read as if with spaces, and
        # one with a key written twice with its last value (parse_raw), the error left in this
        # throwaway collector. That answer is safe: the loader's own collector holds the same
        # error, and a file with it is never published.
        if parsed is None:
            continue
        if windows_approved(bulletin, config, image_digest, parsed):
            return True  # approved on Windows by that version, image paths fixed since
        written = parsed.written or (parsed.data, parsed.body)
        as_read = dataclasses.replace(
            bulletin,
            content_digest=approval.content_digest(*written, bulletin.slug, bulletin.key),
            earlier_digests=approval.earlier_digests((parsed.data, parsed.body), written),
        )
        judged = approval.judged_version(as_read, image_digest, reading, linked)
        if judged == bulletin.approved_version:
            return True
    return False


def _recorded_as_read_before(
    bulletin: Bulletin, recorded: str, image_digest: approval.ImageDigests, config: Config
) -> bool:
    """Whether the fingerprint a sync recorded of `bulletin`, published on a name alone
    (publish.name_only_record), is its fingerprint as an earlier reading took it."""
    if approval.bound(recorded) is None:
        return False
    as_recorded = dataclasses.replace(bulletin, approved_version=recorded)
    linked = attachments.linked_paths(bulletin, config)
    return _approved_as_read_before(as_recorded, config, image_digest, linked)


def _page_shown(verdict: tuple[str, str] | None, *, drafts: bool) -> bool:
    """Whether a page goes on the website: when no gate holds it, or a draft under --drafts."""
    return verdict is None or (drafts and verdict[1] == "draft")


def _held_pages(verdicts: Mapping[str, tuple[str, str] | None]) -> list[Problem]:
    """A note for each page held back by its date or expiry (a draft says so itself, and an
    unclear classification was already warned about)."""
    return [
        Problem(
            source,
            f"trang bị giữ lại, không đăng: {verdict[0]}",
            "date" if verdict[1] == "scheduled" else "expires",
            hint="Trang tự được đăng khi tới giờ."
            if verdict[1] == "scheduled"
            else "Trang còn cần đăng thì xóa dòng expires hoặc ghi một thời điểm sau này.",
            severity="note",
        )
        for source, verdict in verdicts.items()
        if verdict is not None and verdict[1] in ("scheduled", "expired")
    ]


def _linking_out(bulletins: list[Bulletin], pages: list[Page]) -> list[Bulletin | Page]:
    """The bulletins and pages whose links a reader follows: on the website or on Zalo."""
    shown = [b for b in bulletins if "web" in b.channels or "zalo" in b.channels]
    return [*shown, *pages]


def _link_problems(
    config: Config,
    documents: dict[str, str],
    titled: Mapping[str, str],
    bulletins: list[Bulletin],
    pages: list[Page],
    found: list[Path],
) -> list[Problem]:
    """Links between content files that lead to no page, and relative links that lead to
    nothing published (checked on every load: the file a link names may have gone while the
    linking file, maybe loaded from the cache, has not), each file's in the order of its lines."""
    items: list[Bulletin | Page] = [*bulletins, *pages]
    linking = [item for item in items if item.links or item.relative_links]
    if not linking:
        return []
    files = ContentFiles(
        config.root,
        config.addresses,
        documents,
        {nfc(_rel(path, config.root)) for path in found} - documents.keys(),
        {nfc(b.source): b.channels for b in bulletins if "web" not in b.channels},
    )
    relative = RelativeTargets.of(config.root, documents, titled)
    problems = []
    for item in linking:
        on_web = not isinstance(item, Bulletin) or "web" in item.channels
        told = files.problems(item.source, item.links, on_web=on_web)
        if item.relative_links:
            told += relative.problems(item.source, item.url, item.relative_links)
            told.sort(key=lambda p: p.line or 0)
        problems += told
    return problems


def bulletin_files(content_dir: Path) -> Iterator[Path]:
    """The bulletin files a load reads under `content_dir`, in its order (pages/, hidden and
    underscore names, Word's «~$» lock files and linked folders left out)."""
    return _markdown_files(content_dir, pages=False)


def page_files(content_dir: Path) -> Iterator[Path]:
    """The page files a load reads under `content_dir`/pages, in its order (hidden and
    underscore names, Word's «~$» lock files and linked folders left out)."""
    return _markdown_files(content_dir / PAGES_DIR, pages=True)


def _markdown_files(
    folder: Path,
    *,
    pages: bool,
    links: set[str] | None = None,
    misnamed: list[str] | None = None,
    folder_links: list[str] | None = None,
    unreadable: list[tuple[str, OSError]] | None = None,
    misencoded_names: list[str] | None = None,
) -> Iterator[Path]:
    """Markdown files under `folder` as `sorted(folder.rglob("*.md"))` finds them (a linked
    folder is not entered); hidden and underscore names, and the lock file Word keeps beside a
    file it has open («~$bai.md»), are skipped. Those that are symbolic links are added to
    `links`, as text: only they can lead out of `folder`; files that look like bulletins saved
    under another name («bai.md.txt», «bai.MD») to `misnamed`; entries not entered that are
    links to a folder, or to nothing, to `folder_links` (see publish.linked_folders); folders
    that could not be read through, with the error, to `unreadable` (a folder that vanished
    meanwhile holds nothing to read); entries whose name is not UTF-8 (publish.misencoded),
    neither read nor entered, to `misencoded_names`.

    Walked with scandir and sorted by text parts: rglob and sorting 10,000 Path objects took
    ~0.1 s of a one-edit rebuild.
    """
    if pages and folder_links is not None and os.path.islink(folder):
        # Entered, content/pages was read through a link that no other folder of content/ may be.
        folder_links.append(str(folder))
        return
    if not folder.is_dir():
        return
    found: list[tuple[tuple[str, ...], str]] = []
    stack: list[tuple[tuple[str, ...], str]] = [((), str(folder))]
    while stack:
        parts, current = stack.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith((".", "_")) or (
                        not parts and not pages and name == PAGES_DIR
                    ):
                        continue
                    if not name.isascii() and misencoded.is_misencoded(name):
                        if misencoded_names is not None and not is_clutter(name):
                            misencoded_names.append(entry.path)
                        continue
                    # Compared as pathlib compares paths (case-insensitively on Windows).
                    here = (*parts, os.path.normcase(name))
                    if name.endswith(".md"):
                        # By the name as written: Windows' normcase made «bai.MD» a bulletin
                        # there and nowhere else (CI runs on Linux).
                        if not name.startswith("~$"):
                            found.append((here, entry.path))
                            if links is not None and _linked(entry):
                                links.add(entry.path)
                    elif (
                        misnamed is not None
                        and (misnamed_markdown(name) or not_a_bulletin(name))
                        and not _enterable(entry)
                    ):
                        misnamed.append(entry.path)
                    elif folder_links is not None and _folder_link(entry):
                        folder_links.append(entry.path)
                    if _enterable(entry):
                        stack.append((here, entry.path))
        except OSError as error:
            # Skipped, its bulletins would be taken for deleted and withdrawn by the next sync.
            if unreadable is not None and error.errno not in (errno.ENOENT, errno.ENOTDIR):
                unreadable.append((current, error))
    for _, path in sorted(found):
        yield Path(path)


def _misencoded_names(found: list[str], root: Path) -> list[Problem]:
    """An error for each file or folder of content/ whose name is not UTF-8 (not read: no
    message, cache or page can hold its name), telling a name to give it."""
    return [
        misencoded.problem(_rel(Path(path), root), folder=_real_folder(path))
        for path in sorted(found)
    ]


def _real_folder(path: str) -> bool:
    """Whether `path` is a folder and not a link to one (as the walk enters)."""
    return os.path.isdir(path) and not os.path.islink(path)


def _unreadable_folders(found: list[tuple[str, OSError]], root: Path) -> list[Problem]:
    """An error for each folder of content/ that could not be read through, naming why: what
    it holds is not known, so nothing is built and no sync withdraws anything."""
    problems = []
    for folder, error in sorted(found, key=lambda pair: pair[0]):
        held = "trang" if _in_pages(_rel(Path(folder), root)) else "bản tin"
        problems.append(
            Problem(
                _rel(Path(folder), root),
                f"không đọc được thư mục này ({os_reason(error)}): không biết trong đó có "
                f"{held} nào, nên không dựng gì và không rút bài nào",
                hint="Cho tài khoản chạy publish quyền đọc thư mục này (hoặc kiểm tra ổ đĩa nếu "
                "là lỗi đọc ghi), rồi chạy lại lệnh.",
            )
        )
    return problems


def _not_named_in(paths: list[str], bulletins: list[Path]) -> list[str]:
    """`paths` but those whose file name a bulletin not read (an error in it, told) writes: a
    form it links to is not a document left behind, and is checked once the error is fixed."""
    texts = []
    for bulletin in bulletins:
        # Its own problem is told. A FIFO named *.md, opened, waited for a writer; a file over
        # the limit is read no further than a bulletin is.
        if bulletin.is_file():
            texts.append(nfc(read_head(bulletin, MAX_SOURCE_BYTES).decode("utf-8", "replace")))
    return [p for p in paths if not any(nfc(os.path.basename(p)) in text for text in texts)]


def _unread(paths: list[str], root: Path, category: str) -> list[Problem]:
    """A warning for each file that looks like a bulletin saved under a name not read; only a
    note for a copy beside the file it would be renamed to (a leftover, most likely: no reason
    to stop a strict check, and renaming it would overwrite the real bulletin). `category`: a
    key of the site's, for the command its hint gives."""
    problems = []
    for path in paths:
        folder, name = os.path.split(path)
        page = _in_pages(_rel(Path(path), root))
        kind = "trang" if page else "bản tin"
        if (document := not_a_bulletin(name, page=page)) is not None:
            if category and not page:
                written = f"--category {category} (hay khóa chuyên mục khác trong site.toml)"
                document = document._replace(
                    hint=document.hint.replace("--category <khóa chuyên mục>", written)
                )
            problems.append(_document(path, name, document, root, page=page))
            continue
        told = misnamed_markdown(name)
        if told is None or not misnamed_bulletin(name, functools.partial(read_head, path, 4096)):
            continue
        message, hint, severity = told.message, told.hint, "warning"
        if told.name in _names(folder):
            message = f"{message}; bên cạnh đã có tệp {told.name}"
            hint = (
                f"Đừng đổi tên tệp này thành {told.name}: sẽ ghi đè {kind} đang có. Nếu đây là "
                f"một bản cũ thì xóa nó; nếu nó mới hơn, chép nội dung sang {told.name} rồi xóa nó."
            )
            severity = "note"
        problems.append(Problem(_rel(Path(path), root), message, hint=hint, severity=severity))
    return problems


def _document(path: str, name: str, told: Misnamed, root: Path, *, page: bool) -> Problem:
    """A warning for a document dropped among the bulletins (told how to make a bulletin of
    it), or, for a .txt that is a bulletin, how to rename it; only a note once a bulletin of
    its name is beside it (the document it was made from, kept: no reason to stop --strict).
    With `page`, among the pages: told as a page."""
    folder = os.path.dirname(path)
    renamed = renamed_bulletin(name, read_head(path, 64), page=page)
    shown = _rel(Path(path), root)
    kind = "trang" if page else "bản tin"
    if told.name in _names(folder):
        return Problem(
            shown,
            f"{told.message}; bên cạnh đã có {kind} {told.name}",
            hint=f"Nếu {told.name} là {kind} làm từ tệp này thì chuyển tệp này ra khỏi thư mục "
            f"content/ (nó không được đăng); nếu không, làm {kind} từ nó như sau. "
            + (renamed.hint if renamed else told.hint)
            .replace(f"Đổi tên tệp thành {told.name}", f"Chép nội dung sang {told.name}")
            .replace(f"Tạo tệp {told.name} ", f"Tạo một tệp .md, đặt tên khác với {told.name}, "),
            severity="note",
        )
    if renamed is not None:
        return Problem(shown, renamed.message, hint=renamed.hint, severity="warning")
    return Problem(shown, told.message, hint=told.hint, severity="warning")


def _in_pages(shown: str) -> bool:
    """Whether `shown` (a path from the project root) is content/pages or in it."""
    return shown == f"content/{PAGES_DIR}" or shown.startswith(f"content/{PAGES_DIR}/")


def _names(folder: str) -> set[str]:
    """The names in `folder` exactly as written (an exists() check would find «a.md» for «a.MD»
    on Windows and macOS)."""
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()


def _enterable(entry: os.DirEntry[str]) -> bool:
    """Whether a directory entry is a folder and not a link to one (rglob does not enter those)."""
    try:
        return entry.is_dir() and not entry.is_symlink()
    except OSError:
        return False


def _folder_link(entry: os.DirEntry[str]) -> bool:
    """Whether a directory entry is a link to a folder, or to nothing by a name that is not a
    known file's (a folder on a drive not mounted, «tin-2024.12» too): a file link is read or
    checked where it is used."""
    if not _linked(entry):
        return False
    try:
        if entry.is_dir():
            return True
        return not os.path.exists(entry.path) and linked_folders.may_be_folder(entry.name)
    except OSError:
        return False


def _linked(entry: os.DirEntry[str]) -> bool:
    """Whether a directory entry is a symbolic link (one that cannot be told counts as one)."""
    try:
        return entry.is_symlink()
    except OSError:
        return True


def read_parsed(path: Path, collector: Collector, content_dir: Path | None = None) -> Parsed | None:
    """Read and split a Markdown file, recording a problem instead of raising (see read_raw)."""
    raw = read_raw(path, collector, content_dir)
    return None if raw is None else parse_raw(raw, collector)


def read_raw(
    path: Path, collector: Collector, content_dir: Path | None = None, *, linked: bool = True
) -> bytes | None:
    """A Markdown file's bytes (their digest kept in the collector), or None with a problem.

    A file (or a folder above it) that is a symlink out of content/, or something that is not a
    regular file (a FIFO would block the build forever), is refused without being read.
    `linked`: see _usable_path.
    """
    if content_dir is not None and not _usable_path(path, collector, content_dir, linked=linked):
        return None
    if not path.is_file():
        collector.add(
            not_a_file(path) + ": không đọc",
            hint="Xóa mục này khỏi content/ hoặc đổi tên để không kết thúc bằng .md.",
        )
        return None
    with open(path, "rb") as handle:
        raw, size = read_capped(handle, MAX_SOURCE_BYTES)
    if size > MAX_SOURCE_BYTES:
        collector.add(
            f"tệp {too_large(size, MAX_SOURCE_BYTES)} cho một tệp Markdown: không đọc",
            hint=MARKDOWN_HINT,
        )
        return None
    collector.digest = hashlib.sha256(raw).hexdigest()
    return raw


def _usable_path(
    path: Path, collector: Collector, content_dir: Path, *, linked: bool = True
) -> bool:
    """Whether a file under content/ may be read: no symlink out of content/, a name Windows
    can hold (else a problem is recorded). `linked`: False for a file the walk of content/
    found as a plain file, in folders it entered (so neither is a link): it is inside."""
    if linked and not content_images.inside(path, content_dir):
        collector.add(
            "tệp là liên kết (symlink) tới nơi nằm ngoài thư mục content/: không đọc",
            line=None,
            hint="Chép nội dung vào một tệp thật trong content/ thay vì dùng liên kết.",
        )
        return False
    parts = _relative_parts(path, content_dir)
    if (found := misencoded.told(parts)) is not None:
        collector.add(found[0], hint=found[1])
        return False
    if bad := _unportable(parts):
        collector.add(
            f"tên tệp có {bad}: máy Windows của người biên tập không mở được tệp này",
            hint='Đổi tên tệp, chỉ dùng chữ, số, dấu gạch ngang; không dùng < > : " | ? * \\.',
        )
        return False
    return True


def parse_raw(raw: bytes, collector: Collector, reading: Reading = READING) -> Parsed | None:
    """Decode, normalise and split a Markdown file's bytes, recording a problem instead of
    raising; `reading`: which lines the mending of pasted text takes for keys (key_lines)."""
    try:
        plain = decode(raw)
    except FrontMatterError as exc:
        collector.add(str(exc), line=exc.line, hint=exc.hint, column=exc.column)
        return None
    decoded = nfc(plain)
    # The same object when the text is in NFC already (nearly every file), compared only when
    # not: a combining mark no letter before it takes comes back as a new, equal string.
    composed = None if decoded is plain or decoded == plain else decoded
    try:
        read = _split(decoded, reading)
    except FrontMatterError as exc:
        collector.add(str(exc), line=exc.line, hint=exc.hint, column=exc.column)
        spaced = untabbed(decoded)
        if spaced is None:
            return None
        # The Tab is told above: read as if indented with spaces, the file is checked for its
        # other problems in the same pass (a second round for each file, else), never published.
        try:
            read = _split(spaced, reading)
        except FrontMatterError:
            return None  # its syntax holds more than the Tab: the error above is what is known
    parsed, written, text, garbled, curly_keys, duplicates, removed = read
    for duplicate in duplicates:
        # Told, the file is checked with the value read: its other errors come in this run.
        collector.add(
            f"{duplicate}: tệp được kiểm tra với giá trị ở dòng {duplicate.line}",
            line=duplicate.line,
            hint=duplicate.hint,
        )
    parsed = dataclasses.replace(
        parsed,
        written=_as_written(parsed, written, text, bool(removed), reading),
        composed=composed,
    )
    body, quoted_links = pasted.unquote_links(parsed.body)
    if quoted_links:
        parsed = dataclasses.replace(parsed, body=body)
        _quoted_links(collector, quoted_links, parsed.body_line)
    if garbled:
        _garbled(collector, parsed, garbled)
    if parsed.straightened or curly_keys:
        line = min([*parsed.straightened, *curly_keys])
        collector.add(
            f"dấu ngoặc kép cong “…” (Word tự đổi) quanh "
            f"{'tên trường' if line in curly_keys else 'giá trị'} đã được hiểu là ngoặc kép "
            'thẳng " của YAML',
            line=line,
            hint=f'Gõ lại bằng dấu " thẳng ({_retyped(parsed.yaml_text, line)}); trong Word: '
            "File › Options › Proofing › AutoCorrect Options › AutoFormat As You Type, bỏ chọn "
            '«"Straight quotes" with “smart quotes”».'
            + (_APPROVED_QUOTES if parsed.data.get("approved_version") else ""),
            severity="note",
        )
    if "#" in parsed.yaml_text:
        _hash_cuts(collector, parsed)
    # The text's own control characters were removed before YAML read it: only an escape in
    # double quotes ("\\x07") makes one, and no escape is written without a backslash.
    lost: Lost = {}
    if "\\" in parsed.yaml_text:
        # So are the invisible ones ("\u200b", "\xad"): removed without a word, as typed. The
        # approval's fingerprint was taken of the data as written (_as_written), before.
        data, lost = without_controls(parsed.data, CONTROL_RUNS, then=invisible_removed)
        parsed = dataclasses.replace(parsed, data=data)
    if removed or lost:
        # Invisible characters pasted from Word or a PDF: XML feeds and .docx cannot hold them.
        collector.problems += control_chars.problems(
            collector.source, _removed_by_line(parsed, text, removed, lost)
        )
    collector.parsed = parsed
    return parsed


_APPROVED_QUOTES = (
    " Bài này đã được duyệt: sửa tệp (kể cả chỉ dấu ngoặc) thì bài bị giữ lại ở mọi kênh, bài "
    "đã đăng bị rút, cho tới khi người duyệt duyệt lại; không sửa cũng được, vì giá trị đã được "
    "hiểu đúng. Sửa thì làm cùng lần sửa nội dung tới, trước khi duyệt lại."
)
"""The curly-quote note's word for an approved bulletin: following it un-publishes the bulletin
until it is approved again (an approval is of the file as written)."""


def _retyped(yaml_text: str, line: int) -> str:
    """The front matter's `line` (of the file) as it was read, straight quotes in place of
    Word's, for the editor to type; a made-up example when that line is too long to quote."""
    lines = yaml_text.splitlines()
    read = lines[line - 2].strip() if 0 <= line - 2 < len(lines) else ""
    read = _QUOTED_KEY.sub(r"\2", read)  # a key is typed bare: «title:», not «"title":»
    if not read or len(read) > 160 or "'" in read:  # ‘…’ read as '…': not what the hint says
        return 'ví dụ title: "Tiêu đề"'
    return f"sửa dòng này thành: {read}"


_QUOTED_KEY = re.compile(r"""^(["'])([\w.-]+)\1(?=:)""")


_BLOCK_EXAMPLES = {"zalo": 'title: "Tiêu đề ngắn cho Zalo"'}
"""A setting each channel's block takes, for the example of one (a radio's air_date otherwise)."""


def _hash_cuts(collector: Collector, parsed: Parsed) -> None:
    """A warning for each value a « #» cut short («title: Tin số #3: bắt giữ» published «Tin
    số» without a word) or emptied («tags: #luadao #canhbao»: no tag at all), at the top, in a
    block or in a list's item, with the line to copy."""
    for cut, field in hash_cuts(parsed):
        why = f"giá trị «{cut.value}» bắt đầu bằng dấu #, mà YAML đọc từ dấu # trở đi là ghi chú"
        if cut.kept:
            message = (
                f"giá trị của '{field}' bị cắt ở « #»: YAML đọc từ « #» trở đi là ghi chú, nên "
                f"chỉ còn «{cut.kept}»"
            )
        else:
            message = f"{why}: trường này để trống" + (
                " (bài không có thẻ nào)" if field == "tags" else ""
            )
        line = cut.line + 2  # after the opening '---'
        warning = Problem(collector.source, message, field, line, cut.hint, "warning")
        if cut.kept:
            collector.problems.append(warning)
        else:  # told by the field's reader, or by tell_commented once all are read
            collector.commented[field] = (warning, why)


class _Split(NamedTuple):
    """A file's text split (see _split), with what its mending left to tell."""

    parsed: Parsed
    written: str
    text: str
    garbled: list[legacy_text.Garbled]
    curly_keys: list[int]
    duplicates: list[DuplicateKeyError]
    """Keys written twice, their last value read (told as errors, the rest checked)."""
    removed: list[Removed]
    """The control characters taken out of `text` (see control_chars.scrubbed)."""


def _split(written: str, reading: Reading) -> _Split:
    """`written` (decoded, NFC) mended and split; raises FrontMatterError (not for a key
    written twice: see _Split.duplicates)."""
    # Removed before the search for old code pages: a zero-width space inside «C«ng» hid the
    # TCVN3 word. But for the soft hyphen, which is a letter there (TCVN3 «ư», the last byte of
    # UTF-8 «í», «ậ» read twice): kept for the search, which tells it apart.
    text = invisible_removed(written, keep="\xad")
    # Before controls are removed: UTF-8 read as Latin-1 holds them (ệ: «á»\x87»).
    garbled = legacy_text.find_garbled(text)
    if "\xad" in text:
        garbled = _not_soft_hyphen_only(garbled, text)
        text = text.replace("\xad", "")
    text, curly_keys = mend_pasted(pasted.mend(text), reading)
    duplicates: list[DuplicateKeyError] = []
    removed: list[Removed] = []
    if CONTROLS.search(text):  # nearly every file holds none: one search, no scrub
        text_read, removed = scrubbed(text, CONTROL_RUNS)
    else:
        text_read = text
    parsed = split(text_read, reading, duplicates)
    return _Split(parsed, written, text, garbled, curly_keys, duplicates, removed)


def without_invisible(text: str) -> str:
    """`text` as a file holding it is read: without the invisible characters a paste leaves
    (INVISIBLE_RE, CONTROL_RUNS), a Braille blank as a space. `publish new` writes a title
    pasted from Zalo or Facebook so: its file name and the file agree with what is read."""
    text = invisible_removed(text)
    return scrubbed(text, CONTROL_RUNS)[0] if CONTROLS.search(text) else text


def _not_soft_hyphen_only(
    garbled: list[legacy_text.Garbled], text: str
) -> list[legacy_text.Garbled]:
    """`garbled` but the TCVN3 lines only their soft hyphens made so: Word's optional hyphen in
    «Công an nh\xadng» read as TCVN3 «ư» (with «ô» as «ụ»), and a bulletin typed in Unicode was
    refused as TCVN3. A TCVN3 line holds other signs («C«ng», «huyÖn»)."""
    lines = text.split("\n")
    return [
        found
        for found in garbled
        if found.source != "tcvn3"
        or "\xad" not in (line := lines[found.line - 1])
        or legacy_text.find_garbled(line.replace("\xad", ""))
    ]


def _computer_links(col: Collector, parsed: Parsed) -> None:
    """A warning (an error under --strict) for each link to a file of the editor's own computer
    (see computer_files)."""
    for href, line in computer_files(parsed.body, parsed.body_line):
        col.add(
            f"liên kết {quoted(href)} trỏ tới một tệp trên máy tính này: người đọc website và "
            "Zalo không mở được (và thấy tên thư mục trên máy)",
            line=line,
            hint=_offered(href)
            + "Văn bản cần cho người đọc xem: đăng nó lên một trang web (ví dụ cổng thông tin "
            "của đơn vị) rồi ghi địa chỉ https://…, hoặc chép nội dung vào bản tin. " + LINK_HINT,
            # A warning (an error under --strict): such a link in a bulletin published long ago
            # must not stop every build after an upgrade.
            severity="warning",
        )


def _broken_links(col: Collector, parsed: Parsed) -> None:
    """An error for each link whose address goes on past a line break (see broken_addresses):
    it was told «không tìm thấy tệp» with the name cut over two lines, or as a broken link."""
    for href, line in broken_addresses(parsed.body, parsed.body_line):
        lines = [part.strip() for part in href.split("\n")]
        spaced, joined = " ".join(lines), "".join(lines)
        col.add(
            f"địa chỉ của liên kết {quoted(spaced)} bị ngắt xuống dòng sau {quoted(lines[0])}: "
            f"website giữ nguyên chỗ xuống dòng trong địa chỉ, trình duyệt bỏ nó đi và mở "
            f"{quoted(joined)}",
            line=line,
            hint=f"Viết cả địa chỉ trong dấu (…) trên một dòng: {quoted(spaced)} nếu chỗ xuống "
            f"dòng là một dấu cách, {quoted(joined)} nếu không.",
        )


_PHONE_DIGITS = re.compile(r"0\d{8,10}")
"""A Vietnamese phone number's digits as dialled at home («0912345678»): a Zalo account's."""


def _link_checks(col: Collector, parsed: Parsed) -> None:
    """The checks of a body's links every bulletin and page has, in the order they are told."""
    _computer_links(col, parsed)
    _broken_links(col, parsed)
    _nested_links(col, parsed)
    _nested_references(col, parsed)
    _spaced_definitions(col, parsed)
    _dropped_links(col, parsed)


def _dropped_links(col: Collector, parsed: Parsed) -> None:
    """A warning (an error under --strict) for each link whose address the website drops
    (see dropped_links), with the address to write instead."""
    for href, scheme, line in dropped_links(parsed.body, parsed.body_line):
        col.add(
            f"liên kết {quoted(href)} dùng địa chỉ {scheme}:, loại website không giữ (chỉ giữ "
            "https://, http://, mailto: và tel:): trên website, Zalo và đài chỉ còn chữ của "
            "liên kết, không dẫn tới đâu, và số hay tên chỉ ghi trong địa chỉ thì người đọc "
            "không thấy",
            line=line,
            hint=_kept_instead(href, scheme),
            # A warning (an error under --strict): the link's words still show, and a bulletin
            # published long ago with one must not stop every build after an upgrade.
            severity="warning",
        )


def _kept_instead(href: str, scheme: str) -> str:
    """How to write a link whose address the website drops so that it leads somewhere: a
    Zalo account by its zalo.me address, anything else with its number in the words."""
    # As dialled at home («sms:+84…», «0084…», «84…» → «0…»): «tel:84912345678» dials nothing.
    national = home_digits("".join(char for char in href if char.isdigit() or char == "+"))
    number = national if _PHONE_DIGITS.fullmatch(national) else ""
    if scheme == "zalo":
        address = f"https://zalo.me/{number or '…'}"
        return (
            f"Ghi địa chỉ Zalo trên web: {address} (ví dụ [Zalo]({address})), mở được Zalo "
            "trên điện thoại lẫn máy tính; hoặc ghi số ngay trong chữ."
        )
    named = "SMS" if scheme == "sms" else scheme.capitalize()
    shown = f" (ví dụ «{named} {number}»)" if number else ""
    call = f", hoặc dùng tel:{number} để bấm gọi" if number else ""
    return (
        f"Ghi số hay địa chỉ ngay trong chữ{shown}{call}; trang web khác thì ghi đủ địa chỉ "
        "https://…"
    )


def _nested_links(col: Collector, parsed: Parsed) -> None:
    """An error for each link written inside the words of another (see nested_links)."""
    for nested in nested_links(parsed.body, parsed.body_line):
        keep_inner = f"[{nested.words}]({nested.inner_href})"
        keep_outer = f"[{nested.words}]({nested.outer_href})"
        col.add(
            f"liên kết {quoted(nested.inner)} nằm trong chữ của một liên kết khác (dẫn tới "
            f"{quoted(nested.outer_href)}): website và Zalo không làm liên kết bên trong mà hiện "
            f"nguyên {quoted(nested.inner)} trong chữ của liên kết ngoài, đài không đọc được",
            line=nested.line,
            hint=f"Mỗi chữ chỉ dẫn tới một chỗ: giữ một trong hai liên kết, {quoted(keep_inner)} "
            f"hoặc {quoted(keep_outer)}.",
        )


def _nested_references(col: Collector, parsed: Parsed) -> None:
    """A warning (an error under --strict) for each reference link written inside the words
    of another (see nested_references): the outer link loses its words on the page."""
    for nested in nested_references(parsed.body, parsed.body_line):
        inner_words = nested.inner[1:].partition("]")[0].strip()
        alone = nested.words == inner_words
        left = "không còn chữ nào: người đọc không thấy, không bấm được" if alone else "bị cắt đôi"
        escaped = nested.inner.replace("[", "\\[").replace("]", "\\]")
        example = f"«[{escaped}]({nested.outer_href})»" if alone else f"«{escaped}»"
        col.add(
            f"liên kết {quoted(nested.inner)} (dẫn tới {quoted(nested.inner_href)} theo định "
            f"nghĩa tham chiếu) nằm trong chữ của liên kết tới {quoted(nested.outer_href)}: "
            f"trên website chữ {quoted(inner_words)} dẫn tới {quoted(nested.inner_href)}, "
            f"còn liên kết tới {quoted(nested.outer_href)} {left}",
            line=nested.line,
            hint="Mỗi chữ chỉ dẫn tới một chỗ: giữ một trong hai liên kết, hoặc viết dấu ngoặc "
            f"vuông bằng «\\[» và «\\]» để chúng chỉ là chữ ({example}).",
            # A warning (an error under --strict): «[[1]](…)» beside a «[1]:» list of sources
            # may stand in a bulletin published long ago, which must not stop every build.
            severity="warning",
        )


def _spaced_definitions(col: Collector, parsed: Parsed) -> None:
    """A warning (an error under --strict) for each reference definition whose address between
    «<…>» holds a space (see spaced_definitions): the page shows it, and its links, as typed.
    One naming a held bulletin is made an error once the site is loaded (held_spaced)."""
    for spaced in spaced_definitions(parsed.body, parsed.body_line):
        col.add(
            f"định nghĩa tham chiếu {quoted(spaced.written)} có dấu cách trong địa chỉ giữa "
            "«<…>»: website không đọc đây là định nghĩa mà hiện nguyên dòng, và mọi liên kết "
            f"«[…]{spaced.label}» hiện nguyên văn, cả dấu ngoặc, không dẫn tới đâu",
            line=spaced.line,
            hint="Viết mỗi dấu cách trong địa chỉ thành %20"
            + (", mỗi dấu Tab thành %09" if "\t" in spaced.address else "")
            + f": «{spaced.label}: <{escaped(spaced.address)}>».",
            # A warning (an error under --strict): the bulletin still goes out, its words shown,
            # and one published long ago must not stop every build after an upgrade.
            severity="warning",
            code=SPACED_DEFINITION,
        )


def _offered(href: str) -> str:
    """How to offer the file of the editor's computer `href` names for download, when it is
    of a kind the website offers (a form in Word, a PDF): copied into content/tep/
    (OUTPUT_DIR), or content/images/ for a photo; else ""."""
    name = saved_file_name(href)
    suffix = posixpath.splitext(name)[1].lower()
    if suffix not in ALLOWED_SUFFIXES:
        return ""
    folder = "images" if suffix in IMAGE_SUFFIXES else OUTPUT_DIR
    kept = slug_file_name(name)  # no space: a Markdown link ends at one
    named = "" if kept == name else f" với tên «{kept}»"
    return (
        f"Website đăng kèm được tệp «{name}»: chép nó vào thư mục content/{folder}/{named} rồi "
        f"ghi liên kết (/{folder}/{kept}), tính từ content/. "
    )


def _quoted_links(collector: Collector, found: list[tuple[str, int]], first_line: int) -> None:
    """A note for each link address Word put between curly quotes, read without them."""
    for address, line in found:
        collector.add(
            f"địa chỉ liên kết {quoted(address)} nằm trong dấu ngoặc kép cong “…” (Word tự đổi): "
            "đã được hiểu là địa chỉ không có ngoặc kép",
            line=first_line + line,
            hint="Xóa hai dấu ngoặc kép quanh địa chỉ, để tệp ghi đúng như đã được hiểu.",
            severity="note",
        )


def _as_written(
    parsed: Parsed, written: str, cleaned: str, controls_removed: bool, reading: Reading
) -> tuple[dict[str, Any], str]:
    """The front matter data and body of the file as written (`written`: decoded, NFC), which
    an approval covers: the tool's cleanup of pasted text may grow with an upgrade, and must
    not change the fingerprint of a file nobody edited. A front matter the YAML reader only
    reads once the cleanup is done is taken as read then."""
    if written == cleaned and not controls_removed:
        return parsed.data, parsed.body  # nearly every file: the cleanup changed nothing
    try:
        as_written = split(written, reading)
    except FrontMatterError:
        return parsed.data, parsed.body
    return as_written.data, as_written.body


def _garbled(col: Collector, parsed: Parsed, found: list[legacy_text.Garbled]) -> None:
    """One error for each field (and for the body) holding Vietnamese in an old code page or
    UTF-8 decoded twice: published, it would read as gibberish on every channel."""
    by_field: dict[str | None, list[legacy_text.Garbled]] = {}
    for garbled in found:
        by_field.setdefault(parsed.key_at(garbled.line), []).append(garbled)
    for key, lines in by_field.items():
        if key is not None:  # the value, not `title: "` before it
            lines = [
                dataclasses.replace(
                    garbled,
                    excerpt=_value_of(garbled.excerpt),
                    converted=garbled.converted and _value_of(garbled.converted),
                )
                for garbled in lines
            ]
        first, others = lines[0], lines[1:]
        col.add(
            legacy_text.message(first, len(others), others),
            field=key,
            line=first.line,
            hint=legacy_text.unikey_hint(first, others),
        )


def _value_of(line: str) -> str:
    """A front matter line's value: `title: "Tiêu đề"` → `Tiêu đề`, `- thẻ` → `thẻ`."""
    return _KEY_PREFIX.sub("", line).rstrip("\"'")


def _removed_by_line(
    parsed: Parsed, text: str, removed: list[Removed], lost: Lost
) -> dict[int, tuple[str | None, list[Removed]]]:
    """What each line of the file lost, with its field ("" on a line of the front matter
    holding none, None in the body): characters of `text` (`removed`), and those escapes made
    in the front matter's values (`lost`)."""
    by_line: dict[int, tuple[str | None, list[Removed]]] = {}
    fields = _field_lines(parsed) if removed and parsed.body_line > 1 else []
    line, counted = 1, 0
    for one in removed:
        line += text.count("\n", counted, one.at)
        counted = one.at
        field = None
        if line < parsed.body_line:
            field = next((key for at, key in fields if at <= line), "")
        by_line.setdefault(line, (field, []))[1].append(one)
    for key, chars in lost.items():
        by_line.setdefault(parsed.line_of(key) or 1, (key, []))[1].extend(chars)
    return by_line


def _field_lines(parsed: Parsed) -> list[tuple[int, str]]:
    """The line each field of the front matter starts on (a block's, `zalo.title`, too), with
    its key, last line first."""
    keys = []
    for key, value in parsed.data.items():
        keys.append(str(key))
        if isinstance(value, dict):
            keys += [f"{key}.{inner}" for inner in value]
    lines: dict[int, str] = {}
    for key in keys:
        if (at := parsed.line_of(key)) is not None:
            lines.setdefault(at, key)
    return sorted(lines.items(), reverse=True)


def _shown_char(char: str) -> str:
    """One character of a file name in «…»; one that prints as nothing as its escape («\\t»)."""
    return quoted(char) if char.isprintable() else f"«{repr(char)[1:-1]}»"


def _unportable(parts: Sequence[str]) -> str:
    """What makes a path under content/ (its parts) impossible on Windows (empty when nothing does)."""
    if not _UNPORTABLE_RE.search("/".join(parts) + "/"):
        return ""  # the usual case, decided without looking at each character
    for part in parts:
        chars = sorted({c for c in part if c in WINDOWS_CHARS or ord(c) < 32})
        if chars:
            return "ký tự không được phép " + " ".join(_shown_char(c) for c in chars)
        if part.endswith((" ", ".")):
            return "dấu cách hoặc dấu chấm ở cuối tên"
    return ""


_CACHES: dict[Path, Fragments] = {}
"""The cache of each project root for this build (cleared by load_site: site.toml may change)."""


@dataclass(frozen=True, slots=True)
class _Loaded:
    """A bulletin loaded without errors, kept under its file's digest: its warnings and images."""

    bulletin: Bulletin
    problems: tuple[Problem, ...]
    images: tuple[tuple[str, str], ...]

    def __reduce__(self) -> tuple[type[_Loaded], tuple[Any, ...]]:
        """Pickle as a constructor call (see publish.model: far faster to load)."""
        return (_Loaded, (self.bulletin, self.problems, self.images))


def _cache(config: Config) -> Fragments:
    """The fragment cache of the project."""
    found = _CACHES.get(config.root)
    if found is None:
        found = _CACHES[config.root] = Fragments(config.root)
    return found


def _load_bulletins(
    paths: list[Path],
    config: Config,
    digests: Mapping[str, str],
    links: Set[str] | None = None,
    later: Callable[[Callable[[], None]], object] | None = None,
) -> list[tuple[Bulletin | None, list[Problem], tuple[Correction, ...]]]:
    """Each bulletin file's bulletin (None when it cannot be checked further: see _validate),
    problems and corrections (also of a file with errors), in file order;
    `links`: those of `paths` that are symbolic links (None: any may be); `later`: given the
    shelf's save to run (None: saved here).

    A file whose bytes (and site.toml, and the tool) are unchanged since an earlier build comes
    from the shelf with its warnings, once its images are found again: no YAML, no validation.
    Every other file is validated on its own, so those are shared between the CPU's cores.
    """
    shelf = Shelf(_cache(config), "bulletin")
    content_dir = config.root / "content"
    sources = [_rel(path, config.root) for path in paths]
    done: list[tuple[Bulletin | None, list[Problem], tuple[Correction, ...]] | None] = []
    jobs = []
    found_again: dict[tuple[str, str, str], bool] = {}
    for path, source in zip(paths, sources, strict=True):
        # A file never shelved is read once, by its job, not here as well.
        if shelf.holds(source):
            found: list[Problem] = []
            col = Collector(source, found)
            text = str(path)
            known = digests.get(text)
            # Resolving each path to see it stays in content/ was ~0.1 s of a one-edit
            # rebuild at 10,000 bulletins; the walk already knows which files are links.
            linked = links is None or text in links
            if known is not None and _usable_path(path, col, content_dir, linked=linked):
                col.digest = known
            elif found or read_raw(path, col, content_dir) is None:  # found: refused above
                done.append((None, found, ()))
                continue
            hit = shelf.get(source, col.digest)
            if isinstance(hit, _Loaded) and _images_unchanged(hit, path, config, found_again):
                shelf.keep(source, col.digest, hit)
                done.append((hit.bulletin, list(hit.problems), hit.bulletin.corrections))
                continue
        done.append(None)
        # As above: a file the walk found as a plain file is inside content/ (no lstat, no
        # resolving of its folder, ~3 % of a bulletin's load).
        jobs.append(partial(_load_one, path, config, linked=links is None or str(path) in links))
    waiting = [i for i, item in enumerate(done) if item is None]
    for i, (found, digest, loaded, corrected) in zip(
        waiting, run_jobs(jobs, chunk=64), strict=True
    ):
        done[i] = (None if loaded is None else loaded.bulletin, found, corrected)
        if loaded is not None and not _error_count(found):
            shelf.keep(sources[i], digest, loaded)
    if later is None:
        shelf.save()
    else:
        for step in shelf.save_steps():
            later(step)
    return done  # type: ignore[return-value]


def _images_unchanged(
    hit: _Loaded, path: Path, config: Config, seen: dict[tuple[str, str, str], bool]
) -> bool:
    """Whether every image an earlier load checked still resolves to the same file, one the
    load would accept (a cover replaced by one over the size limit is refused again).

    `seen` holds the answers of this load by (reference, folder of the file, expected path):
    thousands of bulletins share a few cover images.
    """
    folder = os.path.dirname(path)
    for ref, expected in hit.images:
        memo = (ref, folder, expected)
        found = seen.get(memo)
        if found is None:
            resolved = content_images.resolve_content_path(ref, path, config)
            found = seen[memo] = (
                resolved is not None
                and content_images.found_as(resolved, config) == expected
                and content_images.usable_file(resolved, config)
            )
        if not found:
            return False
    return True


def load_bulletin(
    path: Path, config: Config, *, now: dt.datetime | None = None
) -> tuple[Bulletin | None, list[Problem], str]:
    """One bulletin file validated as a build does (without the checks across files): the
    bulletin (None when it is not whole), its problems, and the sha256 of the bytes read.
    `now`: corrections dated after it are errors too, as in a build at that clock."""
    found, digest, loaded, corrected = _load_one(path, config)
    bulletin = loaded.bulletin if loaded is not None else None
    if now is not None:
        found = found + _on_the_clock(path, bulletin, corrected, now, config)
    return bulletin, found, digest


def _on_the_clock(
    path: Path,
    bulletin: Bulletin | None,
    corrected: tuple[Correction, ...],
    now: dt.datetime,
    config: Config,
) -> list[Problem]:
    """The problems of a bulletin file that depend on the clock: corrections dated after `now`
    (also in a file with other errors: every problem of a file in one run) and a publish date
    more than a year ahead. Not part of the cached load; every command that loads a bulletin
    (check, build, approve, zalo-preview) tells them once, here."""
    found = corrections.future(_rel(path, config.root), corrected, now)
    if bulletin is not None:
        found += far_dates([(bulletin.source, bulletin.date, "bản tin")], now, config)
    return found


def _load_one(
    path: Path, config: Config, *, linked: bool = True
) -> tuple[list[Problem], str, _Loaded | None, tuple[Correction, ...]]:
    """Validate one bulletin file: its problems, its digest, its load when it has none or
    only errors that leave it whole (see _validate; a job that may run in a worker process),
    and the corrections read from it (also when it is not whole). `linked`: see _usable_path.
    """
    found: list[Problem] = []
    col = Collector(_rel(path, config.root), found)
    raw = read_raw(path, col, config.root / "content", linked=linked)
    if raw is None:
        return found, "", None, ()
    parsed = parse_raw(raw, col)
    bulletin, corrected = _validate(path, config, col, parsed, raw)
    col.tell_commented()
    if bulletin is None or parsed is None:
        return found, col.digest, None, corrected
    # An approval by name alone is bound to the file too, by what a sync recorded
    # (publish.name_only_record): an edit the reading of the day ignores must not pass.
    part = approval.file_part(bulletin.approved_version)
    if part or name_only(bulletin):
        composed = approval.composed_file(raw, parsed.composed)
        digest = approval.file_digest(raw, part, composed)
        bulletin = dataclasses.replace(bulletin, file_digest=digest)
    return found, col.digest, _Loaded(bulletin, tuple(found), tuple(col.images)), corrected


def _error_count(problems: list[Problem]) -> int:
    """How many of `problems` are errors."""
    return sum(p.severity == "error" for p in problems)


def _validate(
    path: Path, config: Config, col: Collector, parsed: Parsed | None, raw: bytes
) -> tuple[Bulletin | None, tuple[Correction, ...]]:
    """The bulletin from a parsed file, also when it has errors (recorded in `col`) that leave
    it whole enough to be checked further, else None (see load_site's `salvage`); and its
    corrections, read also when the bulletin is not whole (their dates are checked against the
    clock at every load).

    Not whole enough: a required field missing or wrong, no slug, a wrong or misspelt
    field that decides whether it may be published (a secret stamp, `draft`, `expires`,
    `classification`), or a body nested too deep to parse (publish.nesting) or too slow to
    parse (publish.unclosed).
    """
    if parsed is None:
        return None, ()
    problems = col.problems
    source = col.source
    errors = partial(_error_count, problems)
    data = parsed.data
    before = errors()
    fields.secret(col, data, parsed, config)
    shown = content_images.shown_images(parsed.body)  # read once: ~180 µs per 10 KB body
    if errors() == before:
        content_images.image_stamp(col, parsed, config, shown)
    fields.unknown_keys(col, data, KNOWN_KEYS | set(CHANNELS), tz=config.tz)
    held_back = errors() > before
    title = fields.text(
        col,
        data,
        "title",
        required=True,
        limit=config.policy.max_title_length,
        over=zalo_too(data, config, "title"),
    )
    if title is not None and TITLE_BREAK_RE.search(title):
        # A title is one line on every channel; a line break in it (`title: |`, "\n" in
        # quotes) went raw into messages CI prints, where «…\n::error::…» is a GitHub command.
        title = TITLE_BREAK_RE.sub(" ", title)
    fields.capitals(col, "title", title)
    summary = fields.text(
        col,
        data,
        "summary",
        required=True,
        limit=config.policy.max_summary_length,
        over=zalo_too(data, config, "summary"),
    )
    fields.plain(col, "summary", summary)
    date = fields.datetime(col, data, "date", config, required=True)
    before = errors()
    expires = fields.datetime(col, data, "expires", config, required=False)
    held_back |= errors() > before
    pinned, pinned_until = fields.pinned(col, data, config)
    category = fields.category(col, data, config, raw)
    slug = fields.slug(col, data, path)
    key = fields.identifier(col, data, slug)
    channels = fields.channels(col, data, config)
    lang = lang_field.language(col, data, config)
    channels = lang_field.radio_channels(col, data, lang, channels)
    cover = content_images.cover(col, data, path, config)
    images, unfingerprinted, reading_order, remote_images = content_images.body_images(
        col, parsed, path, config, shown
    )
    shortcodes.check(col, parsed)
    too_deep = (
        nesting.too_deep(col, parsed)
        or unclosed.too_costly(col, parsed)
        or footnote_count.too_many(col, parsed)
    )
    if not too_deep:
        nesting.flat_sub_lists(col, parsed)
    unfinished.check(col, parsed)
    pasted.check(col, parsed)
    embedded_frames.check(col, parsed)
    typed_markdown.check(col, parsed)
    title_heading.check(col, parsed, title, zalo="zalo" in channels)
    if date is not None:
        day = date.astimezone(config.tz).date()
        weekday_check.check(col, parsed, {"title": title, "summary": summary}, day)
    _link_checks(col, parsed)
    if not parsed.body.strip():
        col.add(
            "nội dung bản tin trống",
            line=parsed.body_line,
            hint="Viết nội dung bản tin bên dưới dòng '---' thứ hai.",
        )
    if date and expires and expires <= date:
        col.add(
            "thời điểm hết hạn phải sau ngày đăng",
            field="expires",
            hint=fields.after_date_hint("expires", date, expires, data["expires"]),
        )
    if date and pinned_until and pinned_until <= date:
        col.add(
            "thời điểm hết ghim phải sau ngày đăng: bài sẽ không được ghim lúc nào",
            field="pinned",
            hint=fields.after_date_hint("pinned", date, pinned_until, data["pinned"]),
        )
        pinned, pinned_until = False, None
    blocks = {c: data[c] for c in CHANNELS if c in data}
    for name, block in list(blocks.items()):
        if not isinstance(block, dict):
            del blocks[name]  # a file kept to check further (salvage) must not hand it to a channel
            # «radio:» then «\xa0\xa0order: 1»: no-break spaces are no indent to YAML. Only
            # the key on the block's next line was meant for it, not one further down.
            below = (parsed.line_of(name) or 0) + 1
            spaced = [k for k in data if word_spaced(k) and parsed.line_of(k) == below]
            col.add(
                f"cần một bảng các thiết lập cho kênh {name}"
                + (
                    f": dòng '{spaced[0].lstrip(WORD_SPACES)}:' bên dưới thụt lề bằng ký tự cách "
                    "không ngắt (dán từ Word, trang web hay Zalo), không phải dấu cách, nên không "
                    "thuộc khối này"
                    if block is None and spaced
                    else ""
                ),
                field=name,
                hint=(
                    "Xóa khoảng trắng ở đầu các dòng bên dưới rồi thụt lề lại bằng phím cách "
                    "(Space), hai dấu cách. "
                    if block is None and spaced
                    else ""
                )
                + f"Ví dụ:\n      {name}:\n        {_BLOCK_EXAMPLES.get(name, 'air_date: 2020-12-12')}",
            )
        elif name in BLOCK_KEYS:  # the radio block is checked, key by key, by its channel
            for setting in block:
                if setting not in BLOCK_KEYS[name]:
                    col.add(
                        f"khóa '{setting}' không được hỗ trợ trong khối {name}",
                        field=f"{name}.{setting}",
                        hint=_block_hint(name, setting),
                    )
    if data.get("draft") is not True:
        _placeholders(col, summary, parsed)
    tags = fields.tags(col, data)
    aliases = fields.aliases(col, data, config)
    corrected = corrections.read(col, data, config, date)
    author = fields.text(col, data, "author") or ""
    # Held by the gate, not stopping the build (a warning; an error under --strict).
    approved_by = person(col, data, "approved_by", held="bản tin") or ""
    approval_note = nobody(col, data, "approved_by")
    before = errors()
    draft, named = fields.draft(col, data)
    held_from = frozenset(named) & channels
    draft_channels: tuple[str, ...] = ()
    if held_from and held_from == channels:
        # Kept from every channel it goes to: a draft, told as the file says it.
        draft, held_from, draft_channels = True, frozenset(), named
    channels -= held_from
    if pinned and "web" not in channels and not draft:
        col.add(
            "bài không đăng lên website nên không được ghim: chỉ trang chủ website có khung "
            "«Tin cần chú ý»",
            field="pinned",
            hint="Muốn ghim thì thêm web vào channels; không thì xóa dòng pinned.",
            severity="warning",
        )
    classification = fields.text(col, data, "classification") or ""
    held_back |= errors() > before
    pii_reviewed_by = person(col, data, "pii_reviewed_by", held="bản tin") or ""
    review_note = nobody(col, data, "pii_reviewed_by")
    approved_version = data.get("approved_version")
    # Any other value never matches, so the bulletin is held back as changed since approval.
    approved_version = "" if approved_version in (None, "") else str(approved_version).strip()
    written = parsed.written or (data, parsed.body)
    # Without these, or when whether it may be published is unknown, there is nothing to check.
    if held_back or too_deep or title is None or summary is None or date is None:
        return None, corrected
    if "" in (category, slug, key):
        return None, corrected
    bulletin = Bulletin(
        key=key,
        slug=slug,
        title=title,
        date=date,
        category=category,
        summary=summary,
        packed_body=pack_text(parsed.body),
        source=source,
        body_line=parsed.body_line,
        tags=tags,
        tags_line=(parsed.line_of("tags") or 0) if isinstance(data.get("tags"), str) else None,
        author=author,
        cover=cover,
        approved_by=approved_by,
        draft=draft,
        expires=expires,
        pinned=pinned,
        pinned_until=pinned_until,
        channels=channels,
        held_from=held_from,
        draft_channels=draft_channels,
        classification=classification,
        pii_reviewed_by=pii_reviewed_by,
        images=images,
        unfingerprinted=unfingerprinted,
        reading_order=reading_order,
        remote_images=remote_images,
        aliases=aliases,
        links=links_in(parsed.body, parsed.body_line),
        file_links=tuple(attachments.file_links(parsed.body, parsed.body_line)),
        relative_links=relative_links(parsed.body, parsed.body_line),
        blocks=blocks,
        extra={k: v for k, v in data.items() if k not in KNOWN_KEYS and k not in CHANNELS},
        digest=col.digest,
        approved_version=approved_version,
        content_digest=approval.content_digest(*written, slug, key),
        earlier_digests=(
            approval.earlier_digests((data, parsed.body), written) if approved_version else ()
        ),
        corrections=corrected,
        approval_note=approval_note,
        review_note=review_note,
        timed=fields.timed(data["date"]),
        has_id=data.get("id") is not None,
        lang=lang,
    )
    return bulletin, corrected


def load_page(path: Path, config: Config, problems: list[Problem]) -> Page | None:
    """Validate one page from content/pages/: the page, also when it has errors that leave it
    whole enough to be checked further (as _validate does for bulletins), else None."""
    return load_page_read(path, config, problems)[0]


def load_page_read(path: Path, config: Config, problems: list[Problem]) -> tuple[Page | None, str]:
    """load_page, and the sha256 of the bytes it read ("" when none): what `publish approve`
    binds a page's review to must be what was loaded and searched, as for a bulletin."""
    col = Collector(_rel(path, config.root), problems)
    page = _page(path, config, col, problems)
    col.tell_commented()
    return page, col.digest


def _page(path: Path, config: Config, col: Collector, problems: list[Problem]) -> Page | None:
    """The page load_page_read loads, its problems recorded in `col` (and `problems`)."""
    raw = read_raw(path, col, config.root / "content")
    parsed = None if raw is None else parse_raw(raw, col)
    if raw is None or parsed is None:
        return None
    errors = partial(_error_count, problems)
    before = errors()
    data = parsed.data
    fields.secret(col, data, parsed, config, kind="trang")
    shown = content_images.shown_images(parsed.body)
    if errors() == before:
        content_images.image_stamp(col, parsed, config, shown)
    fields.unknown_keys(
        col, data, PAGE_KEYS, kind="trang", tz=config.tz, required=frozenset({"title"})
    )
    held_back = errors() > before
    title = fields.text(col, data, "title", required=True, limit=config.policy.max_title_length)
    slug = fields.slug(col, data, path)
    images, unfingerprinted, _, _ = content_images.body_images(col, parsed, path, config, shown)
    shortcodes.check(col, parsed)
    too_deep = (
        nesting.too_deep(col, parsed)
        or unclosed.too_costly(col, parsed)
        or footnote_count.too_many(col, parsed)
    )
    if not too_deep:
        nesting.flat_sub_lists(col, parsed)
    unfinished.check(col, parsed, kind="trang")
    other_unit.check(col, parsed, config)
    pasted.check(col, parsed)
    embedded_frames.check(col, parsed)
    typed_markdown.check(col, parsed)
    title_heading.check(col, parsed, title, zalo=False)  # a page is not sent to Zalo
    _link_checks(col, parsed)
    order = data.get("order", 100)
    if not isinstance(order, int) or isinstance(order, bool):
        col.add(f"cần một số nguyên, nhận được {quoted(order)}", field="order")
        order = 100
    layout = fields.text(col, data, "layout") or "page"
    if layout not in PAGE_LAYOUTS:
        # A typo here would silently drop the contact details from the page.
        col.add(
            f"không có kiểu trang {quoted(layout)}",
            field="layout",
            hint="Dùng một trong: "
            + "; ".join(f"{name} ({meaning})" for name, meaning in PAGE_LAYOUTS.items())
            + ". Bỏ dòng layout thì là trang thường.",
        )
        layout = "page"
    summary = fields.text(col, data, "summary") or ""
    lang = lang_field.language(col, data, config)
    # Held by the gate, as a bulletin is (publish.held_page_links: unless a link needs it).
    approved_by = person(col, data, "approved_by", held="trang") or ""
    pii_reviewed_by = person(col, data, "pii_reviewed_by", held="trang") or ""
    pii_reviewed_version = fields.text(col, data, "pii_reviewed_version") or ""
    before = errors()
    draft = fields.boolean(col, data, "draft")
    classification = fields.text(col, data, "classification") or ""
    # An unreadable date or expiry leaves the embargo unknown: held back as an error.
    date = fields.datetime(col, data, "date", config, required=False)
    expires = fields.datetime(col, data, "expires", config, required=False)
    held_back |= errors() > before
    # Read as `date` is, with its messages; unreadable, it is an error but holds nothing back.
    updated = fields.datetime(col, data, "updated", config, required=False)
    aliases = fields.aliases(col, data, config)
    if date and expires and expires <= date:
        col.add(
            "thời điểm hết hạn phải sau ngày đăng",
            field="expires",
            hint=fields.after_date_hint("expires", date, expires, data["expires"]),
        )
    if held_back or too_deep or title is None or not slug:
        # Not loaded, the page never reaches the website's check of its slug: told here, in
        # the same run as the errors that keep it out.
        for found in page_slug_problems(col.source, slug):
            col.add(found.message, field=found.field, hint=found.hint, severity=found.severity)
        return None
    return Page(
        slug=slug,
        title=title,
        body=parsed.body,
        source=col.source,
        summary=summary,
        layout=layout,
        order=order,
        draft=draft,
        extra={k: v for k, v in data.items() if k not in PAGE_KEYS},
        aliases=aliases,
        links=links_in(parsed.body, parsed.body_line),
        relative_links=relative_links(parsed.body, parsed.body_line),
        date=date,
        expires=expires,
        classification=classification,
        approved_by=approved_by,
        pii_reviewed_by=pii_reviewed_by,
        pii_reviewed_version=pii_reviewed_version,
        # The review is judged against the bytes loaded, not the file as a later step finds it.
        file_digest=(
            approval.file_digest(
                raw,
                pii_reviewed_version.split("-")[0],
                approval.composed_file(raw, parsed.composed),
            )
            if pii_reviewed_version
            else ""
        ),
        body_line=parsed.body_line,
        shown_images=images + unfingerprinted,
        held_note=held_note(col, data),
        updated=updated,
        updated_timed=updated is not None and fields.timed(data["updated"]),
        lang=lang,
    )


def _rel(path: Path, root: Path) -> str:
    """Path relative to the project root, POSIX style."""
    try:
        return "/".join(_relative_parts(path, root))
    except ValueError:
        return path.as_posix()


def _relative_parts(path: Path, folder: Path) -> Sequence[str]:
    """`path.relative_to(folder).parts`, by comparing strings when `path` is spelt under
    `folder` (as every file found by rglob is): building Path objects costs more than the load.
    """
    text, top = str(path), str(folder)
    # pathlib spells paths normalised: one separator between parts, none at the end.
    if top != os.sep and text.startswith(top + os.sep):
        return text[len(top) + 1 :].split(os.sep)
    return path.relative_to(folder).parts


def _canonical_tags(bulletins: list[Bulletin], public: list[bool]) -> list[Bulletin]:
    """Spellings of one tag (see publish.tags: differing in case, accents, spacing) get one label.

    The label is the spelling most published bulletins use (`public`: whether each is; ties:
    the oldest bulletin's), so every page, feed and list shows the same label, adding a
    bulletin never renames a tag by accident, and drafts or embargoed bulletins never rename
    a public one. Spellings only unpublished bulletins use are voted on among them.
    """
    uses: Counter[str] = Counter()
    public_uses: Counter[str] = Counter()
    first: dict[str, tuple[dt.datetime, str]] = {}
    for bulletin, shown in zip(bulletins, public, strict=True):
        when = (bulletin.date, bulletin.key)
        for tag in bulletin.tags:
            uses[tag] += 1
            public_uses[tag] += shown
            if tag not in first or when < first[tag]:
                first[tag] = when
    spellings: dict[str, list[str]] = {}
    for tag in uses:
        # Once per spelling, not per use: thousands of bulletins share a few hundred tags.
        spellings.setdefault(tag_key(tag), []).append(tag)
    label: dict[str, str] = {}
    for same in spellings.values():
        label.update(
            dict.fromkeys(same, min(same, key=lambda t: (-public_uses[t], -uses[t], first[t], t)))
        )
    return [
        dataclasses.replace(b, tags=tuple(label[t] for t in b.tags))
        if any(label[t] != t for t in b.tags)
        else b
        for b in bulletins
    ]


def _placeholders(col: Collector, summary: str | None, parsed: Parsed) -> None:
    """A bulletin leaving draft must not still hold the sample text `publish new` wrote."""
    if summary == SUMMARY_PLACEHOLDER:
        col.add(
            f"tóm tắt vẫn là chữ mẫu «{SUMMARY_PLACEHOLDER}»",
            field="summary",
            hint="Viết tóm tắt thật (một, hai câu) trước khi bỏ draft: true.",
        )
    if BODY_PLACEHOLDER not in parsed.body:
        return  # a line that is the sample text holds it: the usual body is not split into lines
    lines = [line.strip() for line in parsed.body.split("\n")]
    if BODY_PLACEHOLDER in lines:
        number = lines.index(BODY_PLACEHOLDER)
        col.add(
            f"nội dung vẫn còn dòng chữ mẫu «{BODY_PLACEHOLDER}»",
            line=parsed.body_line + number,
            hint="Thay dòng đó bằng nội dung bản tin trước khi bỏ draft: true.",
        )


def _block_hint(name: str, key: object) -> str:
    """How to fix an unsupported key in a `web:`/`zalo:` block."""
    known = BLOCK_KEYS[name]
    allowed = (
        "Các khóa hợp lệ: " + "; ".join(f"{k} ({v})" for k, v in known.items()) + "."
        if known
        else f"Khối {name} chưa có thiết lập nào."
    )
    if key in ("draft", "expires"):
        return (
            f"Muốn giữ bản tin khỏi kênh {name} mà vẫn đăng ở các kênh khác: ghi 'draft: [{name}]' "
            f"ở phần đầu, ngoài khối {name} (không phải duyệt lại). {allowed}"
        )
    return allowed


def _duplicates(
    bulletins: list[Bulletin],
    pages: list[Page],
    root: Path,
    records: id_holders.Records,
    shared: set[str],
) -> list[Problem]:
    """Two bulletins (or pages) with the same slug or id (`shared`: the keys two bulletins
    or more have; `records`: what state/ records of them)."""
    problems = []
    first_slug: dict[str, Bulletin | Page] = {}
    items: list[Bulletin | Page] = [*bulletins, *pages]
    for item in items:
        first = first_slug.setdefault(item.slug, item)
        if first is not item:
            problems.append(_duplicate("slug", item.slug, item, first, root))
    if shared:
        # The published one of two files with one id is state/'s to tell (publish.id_holders).
        problems += id_holders.duplicate_ids(bulletins, records, _id_line(root))
    return problems


def _shared_keys(bulletins: list[Bulletin]) -> set[str]:
    """The keys two bulletins or more have."""
    return {key for key, count in Counter(b.key for b in bulletins).items() if count > 1}


def _id_line(root: Path) -> id_holders.Where:
    """The line of a bulletin's id, and where its key comes from when not from it."""
    return lambda bulletin: _written_at(bulletin, "id", root)


def _alias_clashes(bulletins: list[Bulletin], pages: list[Page]) -> list[Problem]:
    """An old address (`aliases`) that is a page's address now, or another bulletin's alias:
    its redirect page could not be written, or would send readers to the wrong bulletin."""
    items: list[Bulletin | Page] = [*bulletins, *pages]
    owner: dict[str, tuple[str, str]] = {item.url: (item.source, "") for item in items}
    drafts = {b.source for b in bulletins if b.draft}
    problems = []
    for item in items:
        for alias in item.aliases:
            other, kind = owner.setdefault(alias, (item.source, " cũ"))
            if other == item.source:
                continue
            hint = "Bỏ địa chỉ đó khỏi aliases: một địa chỉ chỉ dẫn tới một bài."
            if not kind and other in drafts:
                # Replacing a bulletin: the old one set back to a draft still holds its address.
                hint += (
                    f" {other} là bản nháp (draft: true) nhưng vẫn giữ địa chỉ ấy: muốn bài này "
                    "thay hẳn bài đó (người mở địa chỉ cũ, liên kết đã chia sẻ, mã QR được chuyển "
                    f"sang bài này) thì xóa tệp bài đó (git rm {other}) thay vì ghi draft: true; "
                    "lần đồng bộ tới rút bài đó khỏi mọi kênh."
                )
            problems.append(
                Problem(
                    item.source,
                    f"địa chỉ cũ {quoted(alias)} cũng là địa chỉ{kind} của {other}",
                    "aliases",
                    hint=hint,
                )
            )
    return problems


def _duplicate(
    name: str, value: str, item: Bulletin | Page, first: Bulletin | Page, root: Path
) -> Problem:
    """A slug used by two files, naming both and the line each writes it on."""
    line, origin = _written_at(item, name, root)
    first_line, first_origin = _written_at(first, name, root)
    there = first.source if first_line is None else f"{first.source}:{first_line}"
    hint = (
        "Đổi địa chỉ của một trong hai tệp: thêm vào phần đầu một dòng 'slug: …' khác, "
        "hoặc đổi tên tệp."
    )
    return Problem(
        item.source,
        f"{_named(name, item)} {quoted(value)}{origin} trùng với {there}{first_origin}",
        name,
        line,
        hint,
    )


def _named(name: str, item: Bulletin | Page) -> str:
    """How a message names the key: «slug» means nothing to an editor, the address does."""
    if name != "slug":
        return name
    return "địa chỉ trang (slug)" if isinstance(item, Page) else "địa chỉ bài (slug)"


def _written_at(item: Bulletin | Page, name: str, root: Path) -> tuple[int | None, str]:
    """The line of the key that gives a file its slug or id, or None and a note saying it comes
    from the file name (a bulletin without `id` is keyed by its slug)."""
    parsed = parse_file(root / item.source)
    for key in ("id", "slug") if name == "id" else ("slug",):
        line = parsed.line_of(key) if parsed is not None else None
        if parsed is not None and key in parsed.data and line is not None:
            return line, "" if key == name else " (lấy từ địa chỉ bài, slug)"
    return None, " (lấy từ tên tệp)"
