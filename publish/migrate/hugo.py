"""One Hugo content file in, this tool's bulletin (or page) text and what the editor must know
out. Pure: the Hugo site's other files are given as a set of paths, nothing is read or written.

A file that would not load here (no category, an image that is not there, a shortcode with no
Markdown form, a secret) gets no text: writing it would stop every build of the project."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import posixpath
import re
import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from publish import shortcodes
from publish.config import Config
from publish.content_images import HTML_IMG_RE, IMAGE_RE, IMAGE_SUFFIXES, SCHEME_RE
from publish.errors import Problem
from publish.fields import (
    SECRET_HINT,
    Collector,
    aliases,
    category_hint,
    category_key,
    parse_datetime,
    unknown_category,
)
from publish.frontmatter import FrontMatterError, split
from publish.gates import field_stamp, public_classification, secret_classification, secret_stamp
from publish.links import addressed, own_path
from publish.markdown_code import masked
from publish.markdown_comments import hidden
from publish.text import folded_words, nfc, slugify

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
DATE_PREFIX_RE = re.compile(r"^\d{4}-\d{2}-\d{2}-")
LABEL_RE = re.compile(r"[\\\[\]]")
"""What a link's text must escape: brackets and the backslash."""
TOML_LINE_RE = re.compile(r"\(at line (\d+)")
CLASSIFICATION_KEYS = frozenset(
    {"classification", "phanloai", "domat", "mat", "baomat", "confidential", "classified"}
    | {"secret", "security", "sensitivity", "secrecy"}
)
"""Keys (folded, no spaces) a Hugo post may mark a classification with."""
HOLD_KEYS = frozenset(
    {"published", "status", "hidden", "private", "unlisted", "unpublished", "headless"}
)
"""Keys that keep a post off the Hugo site (headless: Hugo makes no page of the bundle)."""
CASCADED_KEYS = HOLD_KEYS | {"draft", "_build", "build", "expirydate", "publishdate"}
"""Keys a list page's `cascade` may hide its section's posts with."""
COVER_KEYS = ("cover", "featured_image", "featuredimage", "image", "images", "thumbnail")
DROPPED_KEYS = frozenset(
    {"lastmod", "updated", "modified", "weight", "toc", "layout", "type", "menu", "keywords"}
)
"""Hugo keys that mean nothing here, dropped without a note each (listed once)."""


@dataclass(frozen=True, slots=True)
class Source:
    """A Hugo content file read: where it was, its front matter and its body."""

    path: str
    """Relative to the Hugo site's content/, with '/' (posts/a.md, posts/b/index.md)."""
    data: dict[str, Any]
    body: str
    body_line: int

    @property
    def bundle(self) -> str | None:
        """The page bundle's folder (posts/b) when the file is one's index.md."""
        return posixpath.dirname(self.path) if self.path.endswith("/index.md") else None

    @property
    def section(self) -> str:
        """The folder above the post (or its bundle): "" for a file directly in content/."""
        return posixpath.dirname(self.bundle or self.path)

    @property
    def stem(self) -> str:
        """The name Hugo makes the address from: the bundle folder's or the file's."""
        return posixpath.basename(self.bundle or self.path.removesuffix(".md"))

    def get(self, *names: str) -> Any:
        """The value of the first of `names` present, keys compared case-insensitively."""
        for name in names:
            for key, value in self.data.items():
                if key.lower() == name:
                    return value
        return None


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


def read(path: str, text: str) -> Source:
    """The front matter (YAML `---`, TOML `+++` or JSON `{`) and body of a Hugo file; raise
    FrontMatterError naming the line when they cannot be read."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if text.startswith("+++\n"):
        end = text.find("\n+++", 3)
        if end < 0:
            raise FrontMatterError("phần đầu TOML không có dòng '+++' đóng lại", line=1)
        try:
            data = tomllib.loads(text[4 : end + 1])
        except tomllib.TOMLDecodeError as exc:
            at = TOML_LINE_RE.search(str(exc))
            raise FrontMatterError(
                f"phần đầu TOML sai cú pháp: {str(exc).split(' (at')[0]}",
                line=int(at[1]) + 1 if at else 1,
                hint="Sửa dòng đó trong tệp Hugo (giá trị chữ đặt trong ngoặc kép) rồi chạy lại.",
            ) from None
        rest = text[end + 4 :].removeprefix("\n")
        return Source(path, data, rest, text.count("\n", 0, len(text) - len(rest)) + 1)
    if text.startswith("{"):
        try:
            data, end = json.JSONDecoder().raw_decode(text)
        except json.JSONDecodeError as exc:
            raise FrontMatterError(
                f"phần đầu JSON sai cú pháp: {exc.msg}", line=exc.lineno
            ) from None
        rest = text[end:].removeprefix("\n")
        return Source(path, data, rest, text.count("\n", 0, len(text) - len(rest)) + 1)
    parsed = split(text)
    return Source(path, parsed.data, parsed.body, parsed.body_line)


def cascaded(sources: list[Source], lists: list[Source]) -> list[Source]:
    """`sources` with what a section's list page (`_index.md`) hands down to its posts in
    `cascade` and keeps them off the site with (draft, _build, headless…) where a post does
    not set it itself, as Hugo reads it: a section hidden so had every post imported as
    published."""
    handed: list[tuple[str, dict[str, Any]]] = []
    for listing in lists:
        value = listing.get("cascade")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                held = {str(k): v for k, v in item.items() if str(k).lower() in CASCADED_KEYS}
                if held:
                    handed.append((posixpath.dirname(listing.path), held))
    if not handed:
        return sources
    out = []
    for source in sources:
        data = dict(source.data)
        for folder, held in sorted(handed, key=lambda h: -len(h[0])):  # nearest first
            if folder and not source.path.startswith(folder + "/"):
                continue
            own = {k.lower() for k in data}
            data.update({k: v for k, v in held.items() if k.lower() not in own})
        out.append(dataclasses.replace(source, data=data))
    return out


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
    slug = _slug(source)
    if not source.section:
        return f"{PAGES}/{slug}.md"
    date = _dates(source, config, now)[0]
    return f"{BULLETINS}/{date:%Y-%m-%d}-{slug}.md" if date else f"{BULLETINS}/{slug}.md"


def convert(
    source: Source,
    config: Config,
    options: Options,
    files: frozenset[str],
    ref: shortcodes.Ref,
) -> Result:
    """This tool's file for one Hugo file. `files`: every other file of the Hugo site, relative
    to it (static/images/a.jpg, content/posts/b/a.jpg)."""
    target = target_of(source, config, options.now)
    shown = f"content/{source.path}"
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
    date, publish_date = _dates(source, config, options.now)
    if date is None and not page:
        tell(
            "thiếu ngày đăng, hoặc không đọc được",
            "Ghi date: 2023-05-12 08:00 vào tệp Hugo rồi chạy lại.",
            key="date",
            error=True,
        )
    if date is not None and (not page or publish_date):
        out["date"] = _when(date)
        if publish_date:
            tell(
                f"ở tương lai: bài hẹn giờ, chỉ được đăng từ {_when(date)} (ghi vào date)",
                key="publishDate",
            )
        elif date > options.now:
            tell(f"ở tương lai: bài hẹn giờ, chỉ được đăng từ {_when(date)}", key="date")
    if source.get("publishdate") is not None and not publish_date:
        tell("đã qua: bỏ đi (ngày đăng là date)", key="publishDate")
    if not page:
        _category(source, config, options, out, tell)
    _summary(source, config, out, tell)
    if not page:
        tags = _strings(source.get("tags")) + out.pop("_more_tags", [])
        if tags:
            out["tags"] = list(dict.fromkeys(tags))
        authors = _strings(source.get("author", "authors"))
        if authors:
            out["author"] = ", ".join(authors)
    body, copies = _body(source, files, ref, tell, options.base_url)
    result.copies.update(copies)
    if not page:
        _cover(
            source,
            files,
            out,
            result.copies,
            tell,
            title=out.get("title", ""),
            base=options.base_url,
        )
    old = _addresses(source, options, tell, config)
    own = f"/{target.removeprefix(PAGES + '/').removesuffix('.md')}/" if page else None
    old = [a for a in old if a != own and (date is None or a != _url(date, target))]
    if old:
        out["aliases"] = old
    draft = _held(source, tell)
    classification = _classification(source, config, tell)
    if not page:
        approved = options.approved_by if not draft and not classification else ""
        out["approved_by"] = approved
    out["draft"] = draft
    expires = _expiry(source, config, date, options.now, tell)
    if expires is not None:
        out["expires"] = _when(expires)
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
    if body is not None and _secret(out, body, config, tell):
        body = None
    if body is not None and not any(p.severity == "error" for p in problems):
        result.text = _text(out, body)
    return result


_READ = frozenset(
    {"title", "date", "publishdate", "expirydate", "description", "summary", "categories"}
    | {"category", "tags", "author", "authors", "slug", "url", "aliases", "draft", "_build"}
    | {"build", *COVER_KEYS, "cover_alt", *HOLD_KEYS}
)
"""Hugo keys this module reads (lowercase)."""


def _slug(source: Source) -> str:
    """The post's slug here: Hugo's `slug`, else its file (or bundle) name, made a-z 0-9 -."""
    written = source.get("slug")
    name = written if isinstance(written, str) and written.strip() else source.stem
    return slugify(DATE_PREFIX_RE.sub("", name)) or "bai-viet"


def _identifier(source: Source) -> str:
    """The bulletin's `id` (as `publish new` writes it: slug and 6 hex), the hex from the Hugo
    file's path: an import run again writes the same bytes, and posts sharing a slug differ."""
    digest = hashlib.sha256(source.path.encode("utf-8")).hexdigest()[:6]
    return f"{_slug(source)[:60].rstrip('-')}-{digest}"


def _dates(source: Source, config: Config, now: dt.datetime) -> tuple[dt.datetime | None, bool]:
    """The post's date here, and whether it is Hugo's publishDate (later, still to come)."""
    date = parse_datetime(source.get("date"), config.tz)
    later = parse_datetime(source.get("publishdate"), config.tz)
    if later is not None and later > now and (date is None or later > date):
        return later.astimezone(config.tz), True
    if date is None:
        date = later
    return (date.astimezone(config.tz) if date else None), False


def _when(moment: dt.datetime) -> str:
    """A moment as front matter writes it, on the site's clock."""
    return f"{moment:%Y-%m-%d %H:%M}" + (f":{moment:%S}" if moment.second else "")


def _url(date: dt.datetime, target: str) -> str:
    """The bulletin's address here (see Bulletin.url): /YYYY/MM/<slug>/."""
    slug = DATE_PREFIX_RE.sub("", posixpath.basename(target).removesuffix(".md"))
    return f"/{date.year}/{date.month:02d}/{slug}/"


def _strings(value: Any) -> list[str]:
    """A string or list of strings as a list (other values left out)."""
    items = value if isinstance(value, list) else [value]
    return [nfc(str(v).strip()) for v in items if isinstance(v, str | int) and str(v).strip()]


Tell = Callable[..., None]


def _category(
    source: Source, config: Config, options: Options, out: dict[str, Any], tell: Tell
) -> None:
    """`category` from Hugo's categories (by key or label), or the operator's `--category`."""
    written = _strings(source.get("categories")) + _strings(source.get("category"))
    keys = [k for k in dict.fromkeys(category_key(c, config) for c in written) if k]
    ambiguous = [
        c
        for c in written
        if category_key(c, config) is None and "nhiều" in unknown_category(c, config)
    ]
    if ambiguous:
        tell(
            unknown_category(ambiguous[0], config),
            category_hint(ambiguous[0], config),
            key="categories",
            error=True,
        )
        return
    if len(keys) > 1:
        tell(
            f"khớp nhiều chuyên mục ({', '.join(keys)}): mỗi bản tin thuộc một chuyên mục",
            "Để lại một chuyên mục trong categories của tệp Hugo rồi chạy lại.",
            key="categories",
            error=True,
        )
        return
    if keys:
        out["category"] = keys[0]
        others = [c for c in written if category_key(c, config) is None]
        if others:
            out["_more_tags"] = others
            tell(f"chuyên mục không có ở đây, ghi thành thẻ: {', '.join(others)}", key="categories")
        return
    if options.category:
        out["category"] = options.category
        if written:
            tell(
                f"chuyên mục {', '.join(written)} không có trong site.toml: dùng "
                f"{options.category} (--category)",
                key="categories",
            )
        return
    named = (
        f"chuyên mục {', '.join(repr(c) for c in written)} không có trong site.toml"
        if written
        else "bài không có chuyên mục"
    )
    tell(
        named,
        "Ghi vào categories của tệp Hugo một khóa hoặc nhãn trong site.toml ("
        + "; ".join(f"{k} ({c.label})" for k, c in config.categories.items())
        + "), hoặc chạy lại với --category KHÓA cho mọi bài chưa có chuyên mục.",
        key="categories",
        error=True,
    )


def _summary(source: Source, config: Config, out: dict[str, Any], tell: Tell) -> None:
    """`summary` from Hugo's summary or description, else the first paragraph (told)."""
    limit = config.policy.max_summary_length
    for key in ("summary", "description"):
        value = source.get(key)
        if isinstance(value, str) and value.strip():
            out["summary"] = _cut(nfc(" ".join(value.split())), limit)
            return
    first = _first_paragraph(source.body)
    if first:
        out["summary"] = _cut(first, limit)
        tell(
            "không có description: tóm tắt lấy từ đoạn đầu của bài",
            "Đọc lại dòng summary.",
            key="summary",
        )
    elif source.section:
        tell(
            "không có, và bài không có đoạn văn nào đủ dài (trên 20 ký tự) để làm tóm tắt",
            "Ghi description vào tệp Hugo rồi chạy lại.",
            key="description",
            error=True,
        )


def _cut(text: str, limit: int) -> str:
    """`text` shortened at a word to at most `limit` characters."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


MARKUP_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<[^>]+>|\{\{.*?\}\}|\[/?\w+[^\]]*\]")
LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _first_paragraph(body: str) -> str:
    """The first paragraph of plain text in a body, without Markdown marks."""
    for block in re.split(r"\n\s*\n", body):
        text = MARKUP_RE.sub(" ", LINK_RE.sub(r"\1", IMAGE_RE.sub(" ", block)))
        text = re.sub(r"[*_`#>]+", "", text)
        text = " ".join(text.split())
        if len(text) > 20 and not block.lstrip().startswith(("#", "```", "|", "-", "*", "<")):
            return nfc(text)
    return ""


SRCSET_RE = re.compile(r"""\s+(?:srcset|sizes)\s*=\s*(?:"[^"]*"|'[^']*')""", re.IGNORECASE)


def _body(
    source: Source,
    files: frozenset[str],
    ref: shortcodes.Ref,
    tell: Tell,
    base: str = "",
) -> tuple[str | None, dict[str, str]]:
    """The body with shortcodes written as Markdown and bundle images moved, and the images to
    copy; None when a shortcode or an image cannot be carried over (told). `base`: the Hugo
    site's baseURL (an image written with it in full is the site's own)."""
    out, at, ok = [], 0, True
    body = source.body
    for code in shortcodes.spans(body):
        written = shortcodes.markdown(code, ref)
        line = source.body_line + body.count("\n", 0, code.start)
        if written is None:
            ok = False
            tell(
                f"không chuyển được mã ngắn «{_one_line(code.shown)}» thành Markdown",
                "Viết lại đoạn này bằng Markdown trong tệp Hugo (ảnh: ![Mô tả](/images/a.jpg), "
                "liên kết: [chữ](địa chỉ)) rồi chạy lại.",
                line=line,
                error=True,
            )
            continue
        out += [body[at : code.start], written]
        at = code.end
    body = "".join(out) + body[at:]
    copies: dict[str, str] = {}

    def moved(ref_text: str, line: int) -> str:
        """Where one image reference points here, its file added to `copies`."""
        own = _own_image(ref_text, base)
        if own is None and (SCHEME_RE.match(ref_text) or ref_text.startswith(("//", "#"))):
            return ref_text
        path = (own or ref_text).split("#")[0].split("?")[0]
        if posixpath.splitext(nfc(unquote(path)))[1].lower() not in IMAGE_SUFFIXES:
            # Only images are copied: `![x](/a.md)` brought any file of the site into content/.
            tell(
                f"{ref_text!r} không phải tệp ảnh (ảnh có đuôi "
                f"{', '.join(sorted(IMAGE_SUFFIXES))}): không chép",
                "Sửa đường dẫn ảnh trong tệp Hugo cho đúng tệp ảnh, hoặc xóa ảnh khỏi bài, "
                "rồi chạy lại.",
                line=line,
                error=True,
            )
            return ref_text
        for written in dict.fromkeys((path, nfc(unquote(path)))):
            if source.bundle and not written.startswith("/"):
                inside = posixpath.normpath(f"{source.bundle}/{written}")
                if f"content/{inside}" in files and not inside.startswith("../"):
                    below = posixpath.relpath(inside, source.bundle)
                    if below.startswith("../"):
                        # Beside the bundle ('../chung/a.jpg'): under images/<slug>/ the '..'
                        # climbed out of content/, up to / from a deep enough bundle.
                        copies[f"content/{inside}"] = inside
                        return f"/{inside}"
                    new = f"images/{_slug(source)}/{below}"
                    copies[f"content/{inside}"] = new
                    return new
            clean = posixpath.normpath(written.lstrip("/"))
            for where in (f"static/{clean}", f"content/{clean}"):
                if where in files and not clean.startswith(".."):
                    copies[where] = clean
                    return ref_text if ref_text.startswith("/") else f"/{clean}"
        tell(
            f"không tìm thấy ảnh {ref_text!r} trong static/ hay content/ của website Hugo",
            "Chép ảnh vào static/ của website Hugo (đúng đường dẫn đó), hoặc xóa ảnh khỏi bài, "
            "rồi chạy lại.",
            line=line,
            error=True,
        )
        return ref_text

    def image(m: re.Match[str]) -> str:
        """One Markdown image with its reference moved."""
        line = source.body_line + body.count("\n", 0, m.start())
        new = moved(m[2], line)
        return m[0][: m.start(2) - m.start()] + new + m[0][m.end(2) - m.start() :]

    def html(m: re.Match[str]) -> str:
        """One <img> tag with its src moved, without srcset and sizes (WordPress's, naming the
        old site's files: the website makes its own)."""
        line = source.body_line + body.count("\n", 0, m.start())
        tag = SRCSET_RE.sub("", m[0])
        return re.sub(
            r"""(\bsrc\s*=\s*)(["'])(.*?)\2""",
            lambda s: f"{s[1]}{s[2]}{moved(s[3], line)}{s[2]}",
            tag,
            count=1,
        )

    body = HTML_IMG_RE.sub(html, IMAGE_RE.sub(image, body))
    return (_without_block_comments(body, tell) if ok else None), copies


WP_COMMENT_RE = re.compile(r"<!--\s*/?wp:")
"""A WordPress block comment (`<!-- wp:paragraph -->`, `<!-- /wp:paragraph -->`)."""


def _without_block_comments(body: str, tell: Tell) -> str:
    """`body` without WordPress's block comments (one note): the website hides them, in the
    Markdown file they are noise around every paragraph. A line left empty goes too; other
    comments (an editor's notes) are kept."""
    if "wp:" not in body:
        return body
    found = [
        (start, end) for start, end in hidden(masked(body)) if WP_COMMENT_RE.match(body, start)
    ]
    if not found:
        return body
    pieces, at = [], 0
    for start, end in found:
        line_start = body.rfind("\n", 0, start) + 1
        line_end = body.find("\n", end)
        line_end = len(body) if line_end < 0 else line_end
        whole = not body[line_start:start].strip() and not body[end:line_end].strip()
        if whole and line_start >= at:
            start, end = line_start, min(line_end + 1, len(body))
        pieces.append(body[at:start])
        at = end
    pieces.append(body[at:])
    tell(
        f"bỏ {len(found)} chú thích khối của WordPress (<!-- wp:… -->): website vốn không hiện "
        "chúng, trong tệp Markdown chúng chỉ làm rối"
    )
    return "".join(pieces)


def _own_image(ref: str, base: str) -> str | None:
    """The path of an image written in full with the Hugo site's own address
    ("https://old.example.vn/images/a.jpg" → "/images/a.jpg"), else None."""
    return own_path(ref, base) if base and addressed(ref) else None


def _one_line(text: str) -> str:
    """A shortcode as a note quotes it: one line, at most 80 characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= 80 else flat[:79] + "…"


def _cover(
    source: Source,
    files: frozenset[str],
    out: dict[str, Any],
    copies: dict[str, str],
    tell: Tell,
    *,
    title: str,
    base: str,
) -> None:
    """`cover` and `cover_alt` from Hugo's cover, featured_image, images (the first)…"""
    alt = ""
    for key in COVER_KEYS:
        value = source.get(key)
        if isinstance(value, dict):  # PaperMod: cover: {image: a.jpg, alt: …}
            alt = str(value.get("alt") or value.get("caption") or "")
            value = value.get("image")
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str)), None)
        if isinstance(value, str) and value.strip():
            break
    else:
        return
    ref = _own_image(value.strip(), base) or value.strip()
    if SCHEME_RE.match(ref) or ref.startswith("//"):
        tell(
            f"ảnh bìa ở website khác ({ref}): bỏ đi",
            "Tải ảnh về content/images/ rồi ghi cover: images/ten-anh.jpg và cover_alt.",
            key=key,
        )
        return
    found = _body(
        Source(source.path, source.data, f"![x]({ref})", source.body_line),
        files,
        lambda target, bare: None,
        tell,
    )
    if found[0] is None:
        return
    copies.update(found[1])
    out["cover"] = IMAGE_RE.search(found[0])[2]  # type: ignore[index]
    written = alt or str(source.get("cover_alt") or "")
    out["cover_alt"] = nfc(written.strip()) or title
    if not written.strip():
        tell(
            "ảnh bìa không có mô tả: tạm ghi tiêu đề bài vào cover_alt",
            "Viết lại cover_alt tả đúng ảnh.",
            key=key,
        )


def _addresses(source: Source, options: Options, tell: Tell, config: Config) -> list[str]:
    """The post's addresses on the Hugo site (its own, its `aliases`), each one this tool can
    make a redirect page for; the others told."""
    slug = source.get("slug") if isinstance(source.get("slug"), str) else None
    url = source.get("url")
    if isinstance(url, str) and url.strip():
        own = url.strip()
    elif (top := source.section.split("/")[0]) in options.permalinks:
        own = _permalink(options.permalinks[top], source, config, options.remove_accents)
    else:
        parts = [source.section, slug or source.stem]
        path = "/".join(p.strip("/") for p in parts if p)
        own = "/" + _hugo_path(path, options.remove_accents) + "/"
    written = [own, *_strings(source.get("aliases"))]
    problems: list[Problem] = []
    kept = aliases(Collector("", problems), {"aliases": written}, config)
    for problem in problems:
        tell(
            problem.message + ": địa chỉ cũ này không được chuyển sang bài",
            "Nhờ người quản trị máy chủ chuyển hướng địa chỉ đó, nếu đã chia sẻ hay in mã QR.",
            key="aliases",
        )
    return list(kept)


PERMALINK_RE = re.compile(
    r":(slugorcontentbasename|slugorfilename|contentbasename|filename|section|title|slug|year"
    r"|month|day)"
)
"""Hugo's permalink tokens, longer first (":slugorfilename" is not ":slug" + "orfilename")."""


def _permalink(pattern: str, source: Source, config: Config, remove_accents: bool) -> str:
    """Hugo's address of a post by a [permalinks] pattern (/:year/:month/:slug/)."""
    date = parse_datetime(source.get("date"), config.tz) or dt.datetime(1970, 1, 1)
    slug = source.get("slug") if isinstance(source.get("slug"), str) else None
    title = source.get("title") if isinstance(source.get("title"), str) else source.stem

    def hugo(name: str) -> str:
        """A name as Hugo writes it in an address."""
        return _hugo_path(name, remove_accents)

    values = {
        "year": f"{date:%Y}",
        "month": f"{date:%m}",
        "day": f"{date:%d}",
        "slug": hugo(slug or title),
        "title": hugo(title),
        "filename": hugo(source.stem),
        "contentbasename": hugo(source.stem),
        "section": source.section.split("/")[0],
        "slugorfilename": hugo(slug or source.stem),
        "slugorcontentbasename": hugo(slug or source.stem),
    }
    return PERMALINK_RE.sub(lambda m: values[m[1]], pattern)


def _hugo_path(name: str, remove_accents: bool) -> str:
    """`name` as Hugo puts it in an address (its urlize): spaces and runs of them one '-',
    other punctuation dropped, letters kept with their tone marks (an address here cannot
    have them: such an old address is told, not redirected) unless removePathAccents."""
    if remove_accents:
        name = unicodedata.normalize(
            "NFC",
            "".join(
                c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn"
            ),
        )
    out: list[str] = []
    hyphen = False
    for at, char in enumerate(name):
        kept = char in "./\\_#+~-@" or char.isalpha() or char.isdigit()
        kept = kept or unicodedata.category(char).startswith("M")
        kept = kept or (
            char == "%" and bool(re.fullmatch(r"[0-9A-Fa-f]{2}", name[at + 1 : at + 3]))
        )
        if kept:
            if hyphen and out[-1] != "-":
                out.append("-")
            hyphen = False
            out.append(char)
        elif out and (char == "-" or char.isspace()):
            hyphen = True
    return nfc("".join(out).lower())


def _held(source: Source, tell: Tell) -> bool:
    """Whether the post stays a draft: Hugo's draft, or another key that hides it."""
    draft = source.get("draft")
    # As Hugo reads it (cast.ToBool: 1 and "t" are true); a value it cannot read holds too.
    held = draft not in (None, False, 0) and not (
        isinstance(draft, str) and draft.strip().lower() in ("false", "f", "0", "")
    )
    if held:
        tell("bài nháp trên website cũ: giữ là bản nháp (draft: true)", key="draft")
    for key in source.data:
        name = key.lower()
        value = source.data[key]
        build = name in ("_build", "build") and isinstance(value, dict)
        # render: link (Hugo 0.106+) makes no page either; only always (the default) does.
        hidden = build and value.get("render") not in (None, True, "always", "true")
        if name in HOLD_KEYS:
            shown = str(value).strip().lower()
            hidden = not (
                (name == "published" and value is True)
                or (name == "status" and shown in ("publish", "published", "public"))
                or (name not in ("published", "status") and value is False)
            )
        if hidden:
            tell(f"giá trị {value} giữ bài khỏi website cũ: giữ là bản nháp (draft: true)", key=key)
            held = True
    return held


def _classification(source: Source, config: Config, tell: Tell) -> str:
    """A classification written in the Hugo post, kept so the gates hold the bulletin back;
    a secret one is an error (the file must not come into the project at all)."""
    for key, value in source.data.items():
        if folded_words(key).replace(" ", "") not in CLASSIFICATION_KEYS or value in (
            None,
            False,
            "",
        ):
            continue
        shown = value.strip() if isinstance(value, str) else f"{key}: {value}"
        if isinstance(value, str) and public_classification(shown):
            continue
        if isinstance(value, str) and secret_classification(shown, config.policy):
            tell(f"tài liệu mật ({shown}): không nhập", SECRET_HINT, key=key, error=True)
            return shown
        tell(
            f"giá trị {value} có thể là mức phân loại: ghi classification: {shown!r}, bài bị "
            "giữ lại ở mọi kênh",
            "Người có thẩm quyền xác định bài được đăng thì xóa dòng classification.",
            key=key,
        )
        return shown
    return ""


def _expiry(
    source: Source, config: Config, date: dt.datetime | None, now: dt.datetime, tell: Tell
) -> dt.datetime | None:
    """`expires` from Hugo's expiryDate."""
    written = source.get("expirydate")
    if written is None:
        return None
    expires = parse_datetime(written, config.tz)
    if expires is None:
        tell(
            f"không đọc được ngày giờ {written!r}",
            "Sửa trong tệp Hugo rồi chạy lại.",
            key="expiryDate",
            error=True,
        )
        return None
    expires = expires.astimezone(config.tz)
    if date is not None and expires <= date:
        tell(
            "không sau ngày đăng",
            "Sửa expiryDate hoặc xóa nó trong tệp Hugo rồi chạy lại.",
            key="expiryDate",
            error=True,
        )
    elif expires <= now:
        tell(
            "đã qua: bài được nhập nhưng đã hết hạn, không đăng ở kênh nào",
            key="expiryDate",
        )
    return expires


def _secret(out: dict[str, Any], body: str, config: Config, tell: Tell) -> bool:
    """Whether the title or body carries a secret stamp (told: such a file is not imported)."""
    stamped = field_stamp(out, config.policy)
    found = (
        stamped[1] if stamped else (hit[1] if (hit := secret_stamp(body, config.policy)) else None)
    )
    if found is None:
        return False
    tell(f"văn bản mang dấu mật «{found}»: không nhập", SECRET_HINT, error=True)
    return True


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
