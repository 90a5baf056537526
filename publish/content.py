"""Load and validate everything under content/ into the frozen model, every problem in one pass."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import difflib
import hashlib
import os
import re
import stat
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from publish.cache import Fragments, Shelf
from publish.config import CHANNELS, Config
from publish.errors import ContentError, Problem
from publish.frontmatter import FrontMatterError, Parsed, decode, split
from publish.gates import gate, secret_classification, secret_stamp
from publish.model import Bulletin, ImageRef, Page, Site
from publish.parallel import run_jobs
from publish.text import SLUG_RE, nfc, slugify

__all__ = [
    "PAGES_DIR",
    "content_image",
    "forget_resolved",
    "load_site",
    "parse_datetime",
    "resolve_content_path",
]

PAGES_DIR = "pages"
KNOWN_KEYS = {
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
    "channels",
    "slug",
    "classification",
    "pii_reviewed_by",
}
PAGE_KEYS = {"title", "slug", "summary", "layout", "order", "draft"}
PAGE_LAYOUTS = {
    "page": "trang thường",
    "contact": "trang liên hệ: thêm địa chỉ, đường dây nóng và mã QR Zalo của đơn vị",
}
"""What a page's `layout` may say (the theme has a template for each, chosen by the tool)."""
IMAGE_RE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"']([^\"']*)[\"'])?\s*\)")
HTML_IMG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%d/%m/%Y %H:%M", "%d/%m/%Y")
DATE_HINT = "Viết ngày dạng 2020-12-08 hoặc 2020-12-08 08:00 (giờ Việt Nam), hoặc 08/12/2020."
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)}
)
"""Names Windows cannot store (the radio folder is often a Windows share): items/con.txt fails."""
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
"""Characters no XML (feeds, .docx) may hold and no reader can see; tab and newline are kept."""
WINDOWS_CHARS = frozenset('<>:"|?*\\')
"""Characters no Windows file name may hold (editors check the repository out on Windows)."""
_UNPORTABLE_RE = re.compile(r'[<>:"|?*\\\x00-\x1f]|[ .]/')
"""Any of WINDOWS_CHARS or a control character, or a name ending in a space or a dot (parts
joined and followed by '/'): what `_unportable` looks for, in one pass."""
SECRET_HINT = (
    "Tài liệu mật không được lưu trên máy hay kho git có kết nối Internet (Luật Bảo vệ bí mật nhà "
    "nước). Chuyển tệp ra khỏi dự án (nếu đã commit: xóa khỏi lịch sử git và báo cán bộ phụ trách "
    "bảo mật), rồi chạy lại. Nếu đây không phải dấu mật, sửa lại dòng đó."
)


@dataclass(slots=True)
class Collector:
    """Problems found while loading one file, with the file's name and key lines."""

    source: str
    problems: list[Problem]
    parsed: Parsed | None = None
    extra_lines: dict[str, int] = field(default_factory=dict)
    digest: str = ""
    """sha256 of the file's bytes, taken from the one read of the file."""
    images: list[tuple[str, str]] = field(default_factory=list)
    """(reference, resolved path) of every local image checked, to recheck a cached load."""

    def add(
        self,
        message: str,
        *,
        field: str | None = None,
        hint: str | None = None,
        line: int | None = None,
        severity: str = "error",
    ) -> None:
        """Record one problem, finding the line of `field` when none is given."""
        if line is None and field and self.parsed is not None:
            line = self.parsed.line_of(field.split(".")[0])
        self.problems.append(Problem(self.source, message, field, line, hint, severity))


def load_site(
    config: Config,
    *,
    now: dt.datetime,
    drafts: bool = False,
    unchanged: Mapping[str, str] | None = None,
) -> Site:
    """Load bulletins and pages, validate them all, apply the publishing gates, return the Site.

    `unchanged`: the digest of files known not to have changed since they were hashed, by path
    (see publish.replay); such a file found on the cache's shelf is not read at all.
    """
    problems: list[Problem] = []
    forget_resolved()
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
    files = list(_markdown_files(content_dir, pages=False))
    for bulletin, found in _load_bulletins(files, config, unchanged or {}):
        problems.extend(found)
        if bulletin is not None:
            bulletins.append(bulletin)
    pages = [
        p
        for path in _markdown_files(content_dir / PAGES_DIR, pages=True)
        if (p := load_page(path, config, problems)) is not None
    ]
    problems.extend(_duplicates(bulletins, pages))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ContentError(problems)
    bulletins = _canonical_tags(bulletins)
    published, excluded, previews = [], [], []
    for bulletin in bulletins:
        # _secret() already scanned this text for stamps (a stamped file stops the load above).
        verdict = gate(bulletin, now=now, policy=config.policy, stamp_checked=True)
        if verdict is None:
            published.append(bulletin)
        else:
            excluded.append(verdict)
            if drafts and verdict.code in ("draft", "unapproved"):
                previews.append(bulletin)
    newest_first = sorted(published, key=lambda b: (b.date, b.key), reverse=True)
    return Site(
        config=config,
        now=now,
        bulletins=tuple(newest_first),
        pages=tuple(
            sorted((p for p in pages if drafts or not p.draft), key=lambda p: (p.order, p.slug))
        ),
        excluded=tuple(sorted(excluded, key=lambda e: e.bulletin.source)),
        previews=tuple(previews),
        warnings=tuple(problems),
    )


def _markdown_files(folder: Path, *, pages: bool) -> Iterator[Path]:
    """Markdown files under `folder`, sorted; hidden and underscore names are skipped."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*.md")):
        parts = _relative_parts(path, folder)
        if any(part.startswith((".", "_")) for part in parts):
            continue
        if not pages and parts[0] == PAGES_DIR:
            continue
        yield path


def read_parsed(path: Path, collector: Collector, content_dir: Path | None = None) -> Parsed | None:
    """Read and split a Markdown file, recording a problem instead of raising (see read_raw)."""
    raw = read_raw(path, collector, content_dir)
    return None if raw is None else parse_raw(raw, collector)


def read_raw(path: Path, collector: Collector, content_dir: Path | None = None) -> bytes | None:
    """A Markdown file's bytes (their digest kept in the collector), or None with a problem.

    A file (or a folder above it) that is a symlink out of content/, or something that is not a
    regular file (a FIFO would block the build forever), is refused without being read.
    """
    if content_dir is not None and not _usable_path(path, collector, content_dir):
        return None
    if not path.is_file():
        collector.add(
            "không phải là tệp thường (thư mục, thiết bị hoặc ống dẫn): không đọc",
            hint="Xóa mục này khỏi content/ hoặc đổi tên để không kết thúc bằng .md.",
        )
        return None
    with open(path, "rb") as handle:
        raw = handle.read()
    collector.digest = hashlib.sha256(raw).hexdigest()
    return raw


def _usable_path(path: Path, collector: Collector, content_dir: Path) -> bool:
    """Whether a file under content/ may be read: no symlink out of content/, a name Windows
    can hold (else a problem is recorded)."""
    if not _inside(path, content_dir):
        collector.add(
            "tệp là liên kết (symlink) tới nơi nằm ngoài thư mục content/: không đọc",
            line=None,
            hint="Chép nội dung vào một tệp thật trong content/ thay vì dùng liên kết.",
        )
        return False
    if bad := _unportable(_relative_parts(path, content_dir)):
        collector.add(
            f"tên tệp có {bad}: máy Windows của người biên tập không mở được tệp này",
            hint='Đổi tên tệp, chỉ dùng chữ, số, dấu gạch ngang; không dùng < > : " | ? * \\.',
        )
        return False
    return True


def parse_raw(raw: bytes, collector: Collector) -> Parsed | None:
    """Decode, normalise and split a Markdown file's bytes, recording a problem instead of raising."""
    try:
        text = nfc(decode(raw))
        found = CONTROL_RE.search(text)
        parsed = split(CONTROL_RE.sub("", text) if found else text)
    except FrontMatterError as exc:
        collector.add(str(exc), line=exc.line, hint=exc.hint)
        return None
    data = _without_controls(parsed.data)
    if found or data != parsed.data:
        # Invisible characters pasted from Word or a PDF: XML feeds and .docx cannot hold them.
        parsed = dataclasses.replace(parsed, data=data)
        collector.add(
            "đã bỏ ký tự điều khiển vô hình (thường do dán từ Word hoặc PDF)",
            line=text.count("\n", 0, found.start()) + 1 if found else None,
            hint="Mở tệp, xóa ký tự lạ ở dòng này hoặc gõ lại đoạn đó.",
            severity="warning",
        )
    collector.parsed = parsed
    return parsed


def _without_controls(value: Any) -> Any:
    """`value` with control characters removed from every string inside it."""
    if isinstance(value, str):
        return CONTROL_RE.sub("", value)
    if isinstance(value, list):
        return [_without_controls(v) for v in value]
    if isinstance(value, dict):
        return {_without_controls(k): _without_controls(v) for k, v in value.items()}
    return value


def _unportable(parts: Sequence[str]) -> str:
    """What makes a path under content/ (its parts) impossible on Windows (empty when nothing does)."""
    if not _UNPORTABLE_RE.search("/".join(parts) + "/"):
        return ""  # the usual case, decided without looking at each character
    for part in parts:
        chars = sorted({c for c in part if c in WINDOWS_CHARS or ord(c) < 32})
        if chars:
            return "ký tự không được phép " + " ".join(repr(c) for c in chars)
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
    paths: list[Path], config: Config, unchanged: Mapping[str, str]
) -> list[tuple[Bulletin | None, list[Problem]]]:
    """Each bulletin file's bulletin (None when it has errors) and problems, in file order.

    A file whose bytes (and site.toml, and the tool) are unchanged since an earlier build comes
    from the shelf with its warnings, once its images are found again: no YAML, no validation.
    Every other file is validated on its own, so those are shared between the CPU's cores.
    """
    shelf = Shelf(_cache(config), "bulletin")
    content_dir = config.root / "content"
    sources = [_rel(path, config.root) for path in paths]
    done: list[tuple[Bulletin | None, list[Problem]] | None] = []
    jobs = []
    found_again: dict[tuple[str, str, str], bool] = {}
    for path, source in zip(paths, sources, strict=True):
        # A file never shelved is read once, by its job, not here as well.
        if shelf.holds(source):
            found: list[Problem] = []
            col = Collector(source, found)
            known = unchanged.get(str(path))
            if known is not None and _usable_path(path, col, content_dir):
                col.digest = known
            elif read_raw(path, col, content_dir) is None:
                done.append((None, found))
                continue
            hit = shelf.get(source, col.digest)
            if isinstance(hit, _Loaded) and _images_unchanged(hit, path, config, found_again):
                shelf.keep(source, col.digest, hit)
                done.append((hit.bulletin, list(hit.problems)))
                continue
        done.append(None)
        jobs.append(partial(_load_one, path, config))
    waiting = [i for i, item in enumerate(done) if item is None]
    for i, (found, digest, loaded) in zip(waiting, run_jobs(jobs, chunk=64), strict=True):
        done[i] = (None if loaded is None else loaded.bulletin, found)
        if loaded is not None:
            shelf.keep(sources[i], digest, loaded)
    shelf.save()
    return done  # type: ignore[return-value]


def _images_unchanged(
    hit: _Loaded, path: Path, config: Config, seen: dict[tuple[str, str, str], bool]
) -> bool:
    """Whether every image an earlier load checked still resolves to the same existing file.

    `seen` holds the answers of this load by (reference, folder of the file, expected path):
    thousands of bulletins share a few cover images.
    """
    folder = os.path.dirname(path)
    for ref, expected in hit.images:
        memo = (ref, folder, expected)
        found = seen.get(memo)
        if found is None:
            resolved = resolve_content_path(ref, path, config)
            found = seen[memo] = (
                resolved is not None and str(resolved) == expected and resolved.is_file()
            )
        if not found:
            return False
    return True


def _load_one(path: Path, config: Config) -> tuple[list[Problem], str, _Loaded | None]:
    """Validate one bulletin file: its problems, its digest, and the load to shelve when it has
    no errors (a job that may run in a worker process).
    """
    found: list[Problem] = []
    col = Collector(_rel(path, config.root), found)
    raw = read_raw(path, col, config.root / "content")
    if raw is None:
        return found, "", None
    bulletin = _validate(path, config, col, parse_raw(raw, col))
    if bulletin is None:
        return found, col.digest, None
    return found, col.digest, _Loaded(bulletin, tuple(found), tuple(col.images))


def _validate(path: Path, config: Config, col: Collector, parsed: Parsed | None) -> Bulletin | None:
    """The bulletin from a parsed file, or None when it has errors (recorded in `col`)."""
    if parsed is None:
        return None
    problems = col.problems
    source = col.source
    before = len([p for p in problems if p.severity == "error"])
    data = parsed.data
    _secret(col, data, parsed, config)
    _unknown_keys(col, data, KNOWN_KEYS | set(CHANNELS))
    title = _text(col, data, "title", required=True, limit=config.policy.max_title_length)
    summary = _text(col, data, "summary", required=True, limit=config.policy.max_summary_length)
    date = _datetime(col, data, "date", config, required=True)
    expires = _datetime(col, data, "expires", config, required=False)
    category = _category(col, data, config)
    slug = _slug(col, data, path)
    key = _identifier(col, data, slug)
    channels = _channels(col, data, config)
    cover = _cover(col, data, path, config)
    images = _body_images(col, parsed, path, config)
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
            hint="Sửa expires thành một thời điểm sau date, hoặc xóa dòng expires.",
        )
    blocks = {c: data[c] for c in CHANNELS if c in data}
    for name, block in blocks.items():
        if not isinstance(block, dict):
            col.add(
                f"cần một bảng các thiết lập cho kênh {name}",
                field=name,
                hint=f"Ví dụ:\n      {name}:\n        air_date: 2020-12-12",
            )
    if len([p for p in problems if p.severity == "error"]) > before:
        return None
    return Bulletin(
        key=key,
        slug=slug,
        title=title,
        date=date,
        category=category,
        summary=summary,
        body=parsed.body,
        source=source,
        body_line=parsed.body_line,
        tags=_tags(col, data),
        author=_text(col, data, "author") or "",
        cover=cover,
        approved_by=_text(col, data, "approved_by") or "",
        draft=_bool(col, data, "draft"),
        expires=expires,
        channels=channels,
        classification=_text(col, data, "classification") or "",
        pii_reviewed_by=_text(col, data, "pii_reviewed_by") or "",
        images=images,
        blocks=blocks,
        extra={k: v for k, v in data.items() if k not in KNOWN_KEYS and k not in CHANNELS},
        digest=col.digest,
    )


def load_page(path: Path, config: Config, problems: list[Problem]) -> Page | None:
    """Validate one page from content/pages/."""
    col = Collector(_rel(path, config.root), problems)
    parsed = read_parsed(path, col, config.root / "content")
    if parsed is None:
        return None
    before = len([p for p in problems if p.severity == "error"])
    data = parsed.data
    _secret(col, data, parsed, config)
    _unknown_keys(col, data, PAGE_KEYS)
    title = _text(col, data, "title", required=True, limit=config.policy.max_title_length)
    slug = _slug(col, data, path)
    _body_images(col, parsed, path, config)
    order = data.get("order", 100)
    if not isinstance(order, int) or isinstance(order, bool):
        col.add(f"cần một số nguyên, nhận được {order!r}", field="order")
    layout = _text(col, data, "layout") or "page"
    if layout not in PAGE_LAYOUTS:
        # A typo here would silently drop the contact details from the page.
        col.add(
            f"không có kiểu trang {layout!r}",
            field="layout",
            hint="Dùng một trong: "
            + "; ".join(f"{name} ({meaning})" for name, meaning in PAGE_LAYOUTS.items())
            + ". Bỏ dòng layout thì là trang thường.",
        )
    if len([p for p in problems if p.severity == "error"]) > before:
        return None
    return Page(
        slug=slug,
        title=title,
        body=parsed.body,
        source=col.source,
        summary=_text(col, data, "summary") or "",
        layout=layout,
        order=order,
        draft=_bool(col, data, "draft"),
        extra={k: v for k, v in data.items() if k not in PAGE_KEYS},
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


def _within(path: str, folder: str) -> bool:
    """Whether resolved `path` is resolved `folder` or inside it, by text first (the usual
    case); pathlib decides the rest (e.g. case-insensitive names on Windows).
    """
    if path == folder or path.startswith(folder if folder.endswith(os.sep) else folder + os.sep):
        return True
    return Path(path) == Path(folder) or Path(folder) in Path(path).parents


def _text(
    col: Collector,
    data: dict[str, Any],
    key: str,
    *,
    required: bool = False,
    limit: int | None = None,
) -> str | None:
    """A string field: present when required, a string, not too long."""
    value = data.get(key)
    if value is None or value == "":
        if required:
            col.add(
                "thiếu trường bắt buộc",
                field=key,
                line=None if key in data else 2,
                hint=f"Thêm một dòng '{key}: \"...\"' vào phần đầu.",
            )
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        col.add(
            f"cần một chuỗi ký tự, nhận được {_kind(value)}",
            field=key,
            hint="Đặt giá trị trong ngoặc kép trên cùng một dòng.",
        )
        return None
    value = value.strip()
    if limit is not None and len(value) > limit:
        col.add(
            f"dài {len(value)}/{limit} ký tự", field=key, hint=f"Rút gọn còn tối đa {limit} ký tự."
        )
    return value


def _kind(value: Any) -> str:
    """Vietnamese description of a YAML value's type."""
    names = {
        str: "một chuỗi ký tự",
        type(None): "giá trị trống",
        bool: "true/false",
        int: "một số",
        float: "một số",
        list: "một danh sách",
        dict: "một bảng",
        dt.date: "một ngày",
        dt.datetime: "một thời điểm",
    }
    return f"{names.get(type(value), type(value).__name__)} ({value!r})"


def _bool(col: Collector, data: dict[str, Any], key: str) -> bool:
    """A true/false field, false when absent."""
    value = data.get(key, False)
    if not isinstance(value, bool):
        col.add(
            f"cần true hoặc false, nhận được {_kind(value)}",
            field=key,
            hint=f"Viết '{key}: true' hoặc '{key}: false' (không có ngoặc kép).",
        )
        return False
    return value


def parse_datetime(value: Any, tz: dt.tzinfo) -> dt.datetime | None:
    """Read a YAML date, datetime or string; naive values are in the site timezone."""
    if isinstance(value, dt.datetime):
        result = value
    elif isinstance(value, dt.date):
        result = dt.datetime.combine(value, dt.time())
    elif isinstance(value, str):
        text = value.strip()
        try:
            result = dt.datetime.fromisoformat(text)
        except ValueError:
            for fmt in DATE_FORMATS:
                try:
                    result = dt.datetime.strptime(text, fmt)
                    break
                except ValueError:
                    continue
            else:
                return None
    else:
        return None
    return result.replace(tzinfo=tz) if result.tzinfo is None else result


def _datetime(
    col: Collector, data: dict[str, Any], key: str, config: Config, *, required: bool
) -> dt.datetime | None:
    """A date/time field in the site timezone unless it carries an offset."""
    if key not in data or data[key] in (None, ""):
        if required:
            col.add(
                "thiếu trường bắt buộc", field=key, line=2, hint=f"Thêm '{key}: 2020-12-08 08:00'."
            )
        return None
    parsed = parse_datetime(data[key], config.tz)
    if parsed is None:
        col.add(f"không đọc được ngày giờ {data[key]!r}", field=key, hint=DATE_HINT)
    return parsed


def _category(col: Collector, data: dict[str, Any], config: Config) -> str:
    """The category key, which must be declared in site.toml."""
    value = data.get("category")
    if value is None:
        col.add(
            "thiếu trường bắt buộc",
            field="category",
            line=2,
            hint=f"Chọn một trong: {', '.join(config.categories)}.",
        )
        return ""
    if not isinstance(value, str) or value not in config.categories:
        import difflib

        close = difflib.get_close_matches(str(value), list(config.categories), n=1)
        hint = f"Có phải ý bạn là '{close[0]}'? " if close else ""
        col.add(
            f"chuyên mục không tồn tại: {value!r}",
            field="category",
            hint=hint + f"Các chuyên mục trong site.toml: {', '.join(config.categories)}.",
        )
        return ""
    return value


def _slug(col: Collector, data: dict[str, Any], path: Path) -> str:
    """The slug from front matter (checked) or from the file name (transliterated)."""
    value = data.get("slug")
    if value is None:
        stem = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", path.stem)
        return _not_reserved(col, slugify(stem), "slug", "tên tệp")
    if not isinstance(value, str) or not SLUG_RE.fullmatch(value) or len(value) > 120:
        suggestion = slugify(str(value))
        col.add(
            f"slug {value!r} chỉ được gồm chữ thường a-z, số 0-9 và dấu gạch ngang",
            field="slug",
            hint=f"Ví dụ: slug: {suggestion}",
        )
        return ""
    return _not_reserved(col, value, "slug", "slug")


def _identifier(col: Collector, data: dict[str, Any], slug: str) -> str:
    """The stable key: `id` when given (a-z, 0-9, -), else the slug."""
    value = data.get("id")
    if value is None:
        return slug
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not SLUG_RE.fullmatch(text) or len(text) > 120:
        col.add(
            f"id {value!r} chỉ được gồm chữ thường a-z, số 0-9 và dấu gạch ngang",
            field="id",
            hint="Ví dụ: id: ct-2020-12-zalo-oa. Đừng đổi id sau khi đã đăng.",
        )
        return slug
    return _not_reserved(col, text, "id", "id")


def _not_reserved(col: Collector, value: str, field: str, what: str) -> str:
    """Refuse names Windows cannot store as files (CON, NUL, COM1…): they break the radio share."""
    if value.split(".")[0] in WINDOWS_RESERVED:
        col.add(
            f"{what} {value!r} là tên Windows dành riêng, không lưu được thành tệp trên máy Windows",
            field=field if field in (col.parsed.data if col.parsed else {}) else None,
            hint=f"Đặt {field} khác, ví dụ: {field}: {value}-1",
        )
        return ""
    return value


def _secret(col: Collector, data: dict[str, Any], parsed: Parsed, config: Config) -> None:
    """A secret classification or stamp is an error: the build and every sync stop, nothing written."""
    value = data.get("classification")
    if isinstance(value, str) and secret_classification(value, config.policy):
        col.add(
            f"tài liệu mật (classification: {value.strip()}): không bao giờ được xuất bản",
            field="classification",
            hint=SECRET_HINT,
        )
        return
    title = data.get("title") if isinstance(data.get("title"), str) else ""
    found = secret_stamp(parsed.body, config.policy, title=title)
    if found is not None:
        number, stamp = found
        line = parsed.line_of("title") if number < 0 else parsed.body_line + number
        col.add(
            f"văn bản mang dấu mật «{stamp}»: không bao giờ được xuất bản",
            line=line,
            hint=SECRET_HINT,
        )


def _unknown_keys(col: Collector, data: dict[str, Any], known: set[str]) -> None:
    """A key that looks like a misspelt known key is a warning (it would silently go to `extra`)."""
    for key in data:
        if key in known:
            continue
        close = difflib.get_close_matches(key.lower(), sorted(known), n=1, cutoff=0.8)
        if close:
            col.add(
                f"trường '{key}' không có trong danh sách trường đã biết: có phải ý bạn là "
                f"'{close[0]}'?",
                field=key,
                hint=f"Sửa thành '{close[0]}:'. Nếu '{key}' là trường riêng cho giao diện, "
                "đặt một tên khác hẳn để khỏi nhầm.",
                severity="warning",
            )


def _tags(col: Collector, data: dict[str, Any]) -> tuple[str, ...]:
    """Tags: a list of strings (a single string is one tag)."""
    value = data.get("tags") or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(t, str | int) for t in value):
        col.add(
            f"cần một danh sách chuỗi, nhận được {_kind(value)}",
            field="tags",
            hint='Ví dụ: tags: ["lừa đảo qua mạng", "an ninh mạng"]',
        )
        return ()
    seen: dict[str, str] = {}
    for tag in (nfc(str(t)).strip() for t in value):
        if tag:
            seen.setdefault(slugify(tag), tag)
    return tuple(seen.values())


def _canonical_tags(bulletins: list[Bulletin]) -> list[Bulletin]:
    """Tags with the same address (/the/<slug>/, so differing only in case or accents) get one label.

    The label is the spelling most bulletins use (ties: the oldest bulletin's), so every page,
    feed and list shows the same label and adding a bulletin never renames a tag by accident.
    """
    uses: Counter[str] = Counter()
    first: dict[str, tuple[dt.datetime, str]] = {}
    for bulletin in bulletins:
        when = (bulletin.date, bulletin.key)
        for tag in bulletin.tags:
            uses[tag] += 1
            if tag not in first or when < first[tag]:
                first[tag] = when
    spellings: dict[str, list[str]] = {}
    for tag in uses:
        # Once per spelling, not per use: thousands of bulletins share a few hundred tags.
        spellings.setdefault(slugify(tag), []).append(tag)
    label: dict[str, str] = {}
    for same in spellings.values():
        label.update(dict.fromkeys(same, min(same, key=lambda t: (-uses[t], first[t], t))))
    return [
        dataclasses.replace(b, tags=tuple(label[t] for t in b.tags))
        if any(label[t] != t for t in b.tags)
        else b
        for b in bulletins
    ]


def _channels(col: Collector, data: dict[str, Any], config: Config) -> frozenset[str]:
    """Channels from front matter (replacing the site default) or the default."""
    value = data.get("channels")
    if value is None:
        return frozenset(config.site.default_channels)
    if not isinstance(value, list) or any(c not in CHANNELS for c in value):
        col.add(
            f"danh sách kênh không hợp lệ: {value!r}",
            field="channels",
            hint=f"Chỉ dùng các kênh: {', '.join(CHANNELS)}. Ví dụ: channels: [web, zalo]",
        )
        return frozenset()
    return frozenset(value)


_RESOLVED_DIRS: dict[str, str] = {}
"""Folders already resolved in this build, by text (cleared by load_site, so a changed symlink
is seen)."""
_RESOLVED_REFS: dict[tuple[str, str, str], Path | None] = {}
"""Image references already resolved in this build: every page and card asks again."""
_IMAGE_FILES: dict[Path, str | None] = {}
"""Resolved images checked in this build: their path under content/, None when not a file."""


def forget_resolved() -> None:
    """Start a build: forget folders and image references resolved by the previous one."""
    _RESOLVED_DIRS.clear()
    _RESOLVED_REFS.clear()
    _IMAGE_FILES.clear()


def _real_folder(folder: str) -> str:
    """`os.path.realpath(folder)`, once per folder per build: files and images share a few."""
    found = _RESOLVED_DIRS.get(folder)
    if found is None:
        found = _RESOLVED_DIRS[folder] = os.path.realpath(folder)
    return found


def _resolved_dir(folder: Path) -> Path:
    """`folder.resolve()`, once per folder per build."""
    return Path(_real_folder(str(folder)))


def _resolved_text(path: Path) -> str:
    """`str(path.resolve())`, cheaply and by text (a Path per file cost more than reading it):
    the folder comes from the per-build memo and the file name costs one lstat; anything
    unusual ('..', a symlinked or missing file) takes the full way.
    """
    text = str(path)
    folder, name = os.path.split(text)
    if name and ".." not in text.split(os.sep):
        target = os.path.join(_real_folder(folder), name)
        with contextlib.suppress(OSError):
            if not stat.S_ISLNK(os.lstat(target).st_mode):
                return target
    return str(path.resolve())


def _resolve(path: Path) -> Path:
    """`path.resolve()`, cheaply (see `_resolved_text`)."""
    return Path(_resolved_text(path))


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path`, resolved, is resolved `folder` or inside it."""
    return _within(_resolved_text(path), _real_folder(str(folder)))


def resolve_content_path(ref: str, md_path: Path, config: Config) -> Path | None:
    """Resolve an image reference to a file inside content/, or None when it points outside."""
    # Text, not Path, keys: hashing a new Path splits it into parts, and a rebuild asks again
    # for every image of every bulletin.
    memo = (ref, os.path.dirname(md_path), os.fspath(config.root))
    if memo not in _RESOLVED_REFS:
        _RESOLVED_REFS[memo] = _resolve_content_path(ref, md_path, config)
    return _RESOLVED_REFS[memo]


def _resolve_content_path(ref: str, md_path: Path, config: Config) -> Path | None:
    """See resolve_content_path."""
    content_dir = _resolved_dir(config.root / "content")
    ref = ref.split("#")[0].split("?")[0]
    candidate = content_dir / ref.lstrip("/") if ref.startswith("/") else md_path.parent / ref
    resolved = _resolve(candidate)
    if resolved != content_dir and content_dir not in resolved.parents:
        if not ref.startswith("/"):
            alt = _resolve(content_dir / ref)
            if content_dir in alt.parents:
                return alt
        return None
    if not resolved.exists() and not ref.startswith("/"):
        alt = _resolve(content_dir / ref)
        if content_dir in alt.parents:
            if alt.exists():
                return alt
        elif alt.exists():
            # e.g. a symlink in content/images/ to a file elsewhere: say it is outside,
            # not "not found", so the editor knows the file exists but is refused.
            return None
    return resolved


def _image(
    col: Collector,
    ref: str,
    alt: str,
    caption: str,
    md_path: Path,
    config: Config,
    *,
    field: str | None,
    line: int | None,
) -> ImageRef | None:
    """Check one local image: inside content/, existing, with alt text."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", ref, re.IGNORECASE):
        if not ref.lower().startswith(("http://", "https://")):
            col.add(
                f"đường dẫn ảnh không được phép: {ref!r}",
                field=field,
                line=line,
                hint="Chỉ dùng ảnh trong thư mục content/images/.",
            )
        elif not alt.strip():
            col.add(
                "ảnh thiếu mô tả (alt)",
                field=field,
                line=line,
                hint="Viết mô tả ảnh: ![Mô tả ảnh](đường-dẫn).",
            )
        return None
    path = resolve_content_path(ref, md_path, config)
    content_dir = _resolved_dir(config.root / "content")
    col.images.append((ref, str(path)))
    if path is None:
        col.add(
            f"ảnh {ref!r} nằm ngoài thư mục content/",
            field=field,
            line=line,
            hint="Đặt ảnh vào content/images/ và trỏ tới images/<tên-ảnh>.",
        )
        return None
    relative = _image_file(path, content_dir)
    if relative is None:
        col.add(
            f"không tìm thấy ảnh {ref!r}",
            field=field,
            line=line,
            hint="Kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) và đặt ảnh vào content/images/.",
        )
        return None
    if not alt.strip():
        col.add(
            f"ảnh {ref!r} thiếu mô tả (alt)",
            field=field,
            line=line,
            hint="Người dùng trình đọc màn hình cần mô tả ảnh: ![Mô tả ảnh](images/anh.jpg).",
        )
    return ImageRef(relative, nfc(alt.strip()), nfc(caption.strip()))


def content_image(ref: str, md_path: Path, config: Config) -> str | None:
    """The path under content/ of the image file `ref` points at from `md_path`, or None when
    it points outside content/ or at no file (once per build, like resolve_content_path)."""
    resolved = resolve_content_path(ref, md_path, config)
    if resolved is None:
        return None
    return _image_file(resolved, _resolved_dir(config.root / "content"))


def _image_file(path: Path, content_dir: Path) -> str | None:
    """A resolved image's path under content/, or None when it is not a file (once per build:
    thousands of bulletins share a few cover images)."""
    if path not in _IMAGE_FILES:
        _IMAGE_FILES[path] = path.relative_to(content_dir).as_posix() if path.is_file() else None
    return _IMAGE_FILES[path]


def _cover(col: Collector, data: dict[str, Any], md_path: Path, config: Config) -> ImageRef | None:
    """The cover image, which needs `cover_alt`."""
    ref = data.get("cover")
    if ref in (None, ""):
        return None
    if not isinstance(ref, str):
        col.add(f"cần đường dẫn ảnh, nhận được {_kind(ref)}", field="cover")
        return None
    alt = data.get("cover_alt")
    if not isinstance(alt, str) or not alt.strip():
        col.add(
            "ảnh bìa cần mô tả",
            field="cover_alt",
            line=col.parsed.line_of("cover") if col.parsed else None,
            hint='Thêm cover_alt: "Mô tả ảnh bìa" dưới dòng cover.',
        )
        alt = "x"
    return _image(col, ref, alt, "", md_path, config, field="cover", line=None)


def _body_images(
    col: Collector, parsed: Parsed, md_path: Path, config: Config
) -> tuple[ImageRef, ...]:
    """Every Markdown image in the body, checked."""
    found = []
    for match in IMAGE_RE.finditer(parsed.body):
        line = parsed.body_line + parsed.body.count("\n", 0, match.start())
        image = _image(
            col,
            match.group(2),
            match.group(1),
            match.group(3) or "",
            md_path,
            config,
            field=None,
            line=line,
        )
        if image is not None:
            found.append(image)
    for match in HTML_IMG_RE.finditer(parsed.body):
        if not re.search(r"\balt\s*=\s*[\"'][^\"']+", match.group(0)):
            line = parsed.body_line + parsed.body.count("\n", 0, match.start())
            col.add(
                "thẻ <img> thiếu mô tả (alt)",
                line=line,
                hint="Dùng cú pháp Markdown ![Mô tả](ảnh).",
            )
    return tuple(found)


def _duplicates(bulletins: list[Bulletin], pages: list[Page]) -> list[Problem]:
    """Two bulletins (or pages) with the same slug or id."""
    problems = []
    first_slug: dict[str, str] = {}
    for item in [*bulletins, *pages]:
        if item.slug in first_slug:
            problems.append(_duplicate("slug", item.slug, item.source, first_slug[item.slug]))
        else:
            first_slug[item.slug] = item.source
    first_key: dict[str, Bulletin] = {}
    for bulletin in bulletins:
        first = first_key.setdefault(bulletin.key, bulletin)
        if first is bulletin:
            continue
        # Without `id` the key is the slug: the slug problem above already says it, once.
        if first.key == first.slug == bulletin.slug == bulletin.key:
            continue
        problems.append(_duplicate("id", bulletin.key, bulletin.source, first.source))
    return problems


def _duplicate(name: str, value: str, source: str, first: str) -> Problem:
    """A slug or id used by two files."""
    return Problem(
        source,
        f"{name} {value!r} trùng với {first}",
        name,
        hint=f"Đổi {name} của một trong hai tệp.",
    )
