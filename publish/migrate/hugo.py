"""One Hugo content file in, this tool's bulletin (or page) text and what the editor must know
out. Pure: the Hugo site's other files are given as a set of paths, nothing is read or written.

A file that would not load here (no category, an image that is not there, a shortcode with no
Markdown form, a secret) gets no text: writing it would stop every build of the project."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from publish import shortcodes
from publish.config import Config
from publish.errors import Problem
from publish.fields import new_identifier
from publish.migrate.hugo_addresses import new_address, old_addresses
from publish.migrate.hugo_body import converted_body
from publish.migrate.hugo_fields import (
    CLASSIFICATION_KEYS,
    COVER_KEYS,
    category,
    classification_of,
    cover,
    date_written,
    dates,
    draft_held,
    expiry,
    has_secret,
    summary,
)
from publish.migrate.hugo_languages import Languages
from publish.migrate.hugo_source import (
    HOLD_KEYS,
    Source,
    Tell,
    cascaded,
    read,
    slug_of,
    strings,
)
from publish.moments import when
from publish.text import folded_words, nfc

__all__ = [
    "BULLETINS",
    "PAGES",
    "Options",
    "Result",
    "Source",
    "cascaded",
    "convert",
    "read",
    "ref_targets",
    "target_of",
    "title_of",
]

BULLETINS = "bai-viet"
PAGES = "pages"
LABEL_RE = re.compile(r"[\\\[\]]")
"""What a link's text must escape: brackets and the backslash."""
DROPPED_KEYS = frozenset(
    {"lastmod", "updated", "modified", "weight", "toc", "layout", "type", "menu", "keywords"}
)
"""Hugo keys that mean nothing here, dropped without a note each (listed once)."""


@dataclass(frozen=True, slots=True)
class Options:
    """What the operator chose for every file of one import."""

    now: dt.datetime
    channels: tuple[str, ...] = ("web",)
    approved_by: str = ""
    category: str | None = None
    """Category key for a post whose categories name none of ours."""
    permalinks: Mapping[str, str] = field(default_factory=dict)
    """Hugo's [permalinks], by section."""
    base_url: str = ""
    """Hugo's baseURL: an image written with it in full is one of the site's own files."""
    remove_accents: bool = False
    """Hugo's removePathAccents: its addresses drop tone marks (by default they keep them)."""
    ugly_urls: bool | Mapping[str, bool] = False
    """Hugo's uglyURLs, for the whole site or by section: a post is /posts/abc.html, not
    /posts/abc/."""
    keep_case: bool = False
    """Hugo's disablePathToLower: its addresses keep their capital letters."""
    languages: Languages | None = None
    """A multilingual site's languages (None: one language, no [languages])."""


@dataclass(slots=True)
class Result:
    """A converted file: its path in content/, text (None: not importable) and findings."""

    target: str
    text: str | None
    problems: list[Problem]
    copies: dict[str, str] = field(default_factory=dict)
    """Hugo site path (static/images/a.jpg) → path in content/ (images/a.jpg)."""
    page: bool = False
    source: str = ""
    """The Hugo file, as its findings name it (content/posts/a.md)."""

    @property
    def importable(self) -> bool:
        """Whether the file can be written (no finding is an error)."""
        return self.text is not None


def ref_targets(sources: Mapping[str, str], titles: Mapping[str, str]) -> shortcodes.Ref:
    """`{{< ref >}}` target → the Markdown to write here, from each Hugo path's new path in
    content/ (`sources`) and title (`titles`); a bare name shared by two files names neither."""
    names: dict[str, str | None] = {}
    labels = {target: titles.get(path, "") for path, target in sources.items()}
    for path, target in sources.items():
        plain = path.removesuffix(".md").removesuffix("/index").removesuffix("/_index")
        for key in {path, plain, posixpath.basename(path), posixpath.basename(plain)}:
            names[key] = target if names.get(key, target) == target else None
        names[path] = names[plain] = target

    def find(written: str, bare: bool) -> str | None:
        """The link for one target, None when no file (or several) answer: its path in a
        link's address, else a link named by the target's title (Hugo shows a bare ref as
        the address, here it would be the path of a .md file)."""
        name, _, anchor = written.strip().lstrip("/").partition("#")
        found = names.get(name) or names.get(name.removesuffix(".md"))
        if not found:
            return None
        link = f"/{found}" + (f"#{anchor}" if anchor else "")
        if not bare:
            return link
        label = labels.get(found) or posixpath.basename(found)
        return "[" + LABEL_RE.sub(lambda m: "\\" + m[0], label) + f"]({link})"

    return find


def title_of(source: Source) -> str:
    """The post's title as written here ("" when it has none)."""
    title = source.get("title")
    return nfc(title.strip()) if isinstance(title, str) else ""


def target_of(source: Source, config: Config, now: dt.datetime) -> str:
    """Where the file goes in content/: bai-viet/<date>-<slug>.md, or pages/<slug>.md."""
    slug = slug_of(source)
    if not source.section:
        return f"{PAGES}/{slug}.md"
    date = dates(source, config, now)[0]
    return f"{BULLETINS}/{date:%Y-%m-%d}-{slug}.md" if date else f"{BULLETINS}/{slug}.md"


def convert(
    source: Source,
    config: Config,
    options: Options,
    files: frozenset[str],
    ref: shortcodes.Ref,
    translations: Sequence[Source] = (),
) -> Result:
    """This tool's file for one Hugo file. `files`: every other file of the Hugo site, relative
    to it (static/images/a.jpg, content/posts/b/a.jpg); `translations`: the post in the site's
    other languages, not imported: their addresses lead here."""
    target = target_of(source, config, options.now)
    shown = source.shown
    problems: list[Problem] = []

    def tell(
        message: str,
        hint: str | None = None,
        *,
        key: str | None = None,
        line: int | None = None,
        error: bool = False,
    ) -> None:
        """Record one finding about this file."""
        problems.append(Problem(shown, message, key, line, hint, "error" if error else "note"))

    result = Result(target, None, problems, page=not source.section, source=shown)
    out: dict[str, Any] = {}
    page = result.page
    if not page:
        out["id"] = _identifier(source)
    title = title_of(source)
    if not title:
        tell(
            "thiếu tiêu đề",
            "Thêm title vào tệp Hugo rồi chạy lại.",
            key="title",
            error=True,
        )
    else:
        out["title"] = title
    date, publish_date, written = dates(source, config, options.now)
    if date is None and not page:
        tell(
            "thiếu ngày đăng, hoặc không đọc được",
            "Ghi date: 2023-05-12 08:00 vào tệp Hugo rồi chạy lại.",
            key="date",
            error=True,
        )
    if date is not None and (not page or publish_date):
        out["date"] = date_written(date, written)
        if publish_date:
            tell(
                f"ở tương lai: bài hẹn giờ, chỉ được đăng từ {when(date)} (ghi vào date)",
                key="publishDate",
            )
        elif date > options.now:
            tell(f"ở tương lai: bài hẹn giờ, chỉ được đăng từ {when(date)}", key="date")
    if source.get("publishdate") is not None and not publish_date:
        tell("đã qua: bỏ đi (ngày đăng là date)", key="publishDate")
    if not page:
        category(source, config, options.category, out, tell)
    draft = draft_held(source, tell)
    summary(source, config, out, tell, draft=draft)
    if not page:
        tags = strings(source.get("tags")) + out.pop("_more_tags", [])
        if tags:
            out["tags"] = list(dict.fromkeys(tags))
        authors = strings(source.get("author", "authors"))
        if authors:
            out["author"] = ", ".join(authors)
    body, copies = converted_body(source, files, ref, tell, options.base_url)
    result.copies.update(copies)
    if not page:
        cover(
            source,
            files,
            out,
            result.copies,
            tell,
            title=out.get("title", ""),
            base=options.base_url,
        )
    old = _old_addresses(source, config, options, tell)
    for other in translations:
        theirs = _old_addresses(other, config, options, tell)
        old += theirs
        if theirs:
            tell(
                f"bản dịch {other.shown} không nhập (website này đăng một ngôn ngữ): "
                f"địa chỉ cũ của nó ({', '.join(theirs)}) chuyển về bài này",
                "Bỏ địa chỉ đó khỏi aliases nếu không muốn người đọc bản dịch được đưa tới đây.",
                key="aliases",
            )
    old = list(dict.fromkeys(old))
    own = f"/{target.removeprefix(PAGES + '/').removesuffix('.md')}/" if page else None
    old = [a for a in old if a != own and (date is None or a != new_address(date, target))]
    if old:
        out["aliases"] = old
    classification = classification_of(source, config, tell)
    if not page:
        approved = options.approved_by if not draft and not classification else ""
        out["approved_by"] = approved
    out["draft"] = draft
    expires = expiry(source, config, date, options.now, tell)
    if expires is not None:
        out["expires"] = when(expires)
    if not page:
        out["channels"] = list(options.channels)
    if classification:
        out["classification"] = classification
    leftover = sorted(
        k
        for k in source.data
        if k.lower() in DROPPED_KEYS
        or (k.lower() not in _READ and folded_words(k).replace(" ", "") not in CLASSIFICATION_KEYS)
    )
    if leftover:
        tell(
            f"bỏ các trường công cụ này không dùng: {', '.join(leftover)}",
            "Mẫu giao diện riêng cần trường nào thì thêm lại bằng tay.",
        )
    if body is not None and has_secret(out, body, config, tell):
        body = None
    if body is not None and not any(p.severity == "error" for p in problems):
        result.text = _text(out, body)
    return result


_READ = frozenset(
    {"title", "date", "publishdate", "expirydate", "description", "summary", "categories"}
    | {"category", "tags", "author", "authors", "slug", "url", "aliases", "draft", "_build"}
    | {"build", *COVER_KEYS, "cover_alt", "translationkey", *HOLD_KEYS}
)
"""Hugo keys this module reads (lowercase)."""


def _old_addresses(source: Source, config: Config, options: Options, tell: Tell) -> list[str]:
    """The post's addresses on the Hugo site, with its language's prefix."""
    language = options.languages.of(source.path)[0] if options.languages else ""
    return old_addresses(
        source,
        options.permalinks,
        options.remove_accents,
        tell,
        config,
        ugly=options.ugly_urls,
        keep_case=options.keep_case,
        prefix=options.languages.prefix(language) if options.languages else "",
    )


def _identifier(source: Source) -> str:
    """The bulletin's `id` (as `publish new` writes it: slug and 6 hex), the hex from the Hugo
    file's path: an import run again writes the same bytes, and posts sharing a slug differ."""
    digest = hashlib.sha256(source.path.encode("utf-8")).hexdigest()[:6]
    return new_identifier(slug_of(source), digest)


def _text(out: dict[str, Any], body: str) -> str:
    """The file: front matter as YAML (strings written as JSON, which YAML reads) and body."""
    lines = ["---"]
    for key, value in out.items():
        if key.startswith("_"):
            continue
        if isinstance(value, bool):
            shown = "true" if value else "false"
        elif key in ("date", "expires", "category"):
            shown = value
        else:
            shown = json.dumps(value, ensure_ascii=False)
        lines.append(f"{key}: {shown}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body.strip("\n") + "\n"
