"""Content paths and images: resolve references to files inside content/ (memoised per build)
and check each image a bulletin or page uses."""

from __future__ import annotations

import contextlib
import difflib
import os
import posixpath
import re
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote

from publish.addresses import SiteAddresses, site_folder
from publish.config import Config
from publish.config_files import written_fix
from publish.errors import not_a_file
from publish.fields import SECRET_HINT, Collector, kind
from publish.frontmatter import Parsed
from publish.gates import headline_stamp
from publish.html_img import img_tags
from publish.limits import MAX_IMAGE_BYTES, too_large
from publish.links import WINDOWS, WINDOWS_SEPARATOR_RE, addressed, saved_file_name
from publish.markdown_code import masked
from publish.markdown_escapes import ESCAPED, unescape
from publish.markdown_images import ImageScan, referenced, spaced, undefined
from publish.misencoded import is_misencoded
from publish.model import Bulletin, ImageRef, Page
from publish.text import fold, nfc

__all__ = [
    "as_written",
    "body_images",
    "body_line",
    "body_windows_written",
    "content_image",
    "cover",
    "forget_resolved",
    "found_as",
    "image_format",
    "image_use",
    "img_attributes",
    "inside",
    "remote_image",
    "resolve_content_path",
    "shown_images",
    "unfound",
    "windows_written",
    "written_fix",
]

IMAGE_MAGIC = {
    b"\xff\xd8\xff": "JPEG",
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"II*\0": "TIFF",
    b"MM\0*": "TIFF",
}
"""First bytes of each image format but WebP and BMP (see image_format)."""
BMP_HEADER_SIZES = frozenset({12, 40, 52, 56, 64, 108, 124})
"""Sizes of the header after a BMP's first 14 bytes, one per version of the format: "BM"
alone is two letters any text file may start with."""
HEAD_BYTES = 18
"""Bytes of a file image_format reads."""
SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
WINDOWS_FILE_RE = re.compile(r"^(?:[a-z]:[\\/]|\\\\|file:)", re.IGNORECASE)
"""A file of the editor's own computer, as Windows writes it: "C:\\Users\\…", "\\\\máy\\…", or
as a browser shows one dragged into it: "file:///C:/Users/Minh%20Anh/anh.jpg"."""
_SEPARATORS_RE = re.compile(r"[\s_-]+")
_HIDDEN = "\x1a"
"""Marks an escape hidden by _hidden_escapes: a control character no loaded body holds."""
_HIDDEN_RE = re.compile("\x1a([\ue000-\ue07f])")
_SRC_RE = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
"""The src attribute of an <img> tag as written (see img_attributes for its value)."""

_RESOLVED_DIRS: dict[str, str] = {}
"""Folders already resolved in this build, by text (cleared by load_site, so a changed symlink
is seen)."""
_RESOLVED_REFS: dict[tuple[str, str, str, SiteAddresses], Path | None] = {}
"""Image references already resolved in this build: every page and card asks again."""
_IMAGE_FILES: dict[str, tuple[str, int] | None] = {}
"""Resolved images checked in this build: their path under content/, None when not a file."""
_LSTATS: dict[str, os.stat_result | None] = {}
"""The lstat of each resolved path `_resolved_text` looked at in this build, None when there
was nothing to see: no symlink, so what stat and os.path.exists would say (each call ~4-5 us
here, and a rebuild asks for every bulletin's own photo again)."""
_CONTENT_DIRS: dict[str, tuple[Path, str]] = {}
"""Each project root's resolved content/ folder, and its text ending in a separator, by the
root's text: every image of every bulletin asks (joining and parsing Paths for it was ~5 % of
a bulletin's load)."""


def forget_resolved() -> None:
    """Start a build: forget folders and image references resolved by the previous one."""
    _RESOLVED_DIRS.clear()
    _RESOLVED_REFS.clear()
    _IMAGE_FILES.clear()
    _LSTATS.clear()
    _CONTENT_DIRS.clear()


def _content_dir(config: Config) -> tuple[Path, str]:
    """`_resolved_dir(config.root / "content")`, and its text ending in a separator."""
    root = os.fspath(config.root)
    found = _CONTENT_DIRS.get(root)
    if found is None:
        folder = _resolved_dir(config.root / "content")
        found = _CONTENT_DIRS[root] = (folder, os.path.join(str(folder), ""))
    return found


def _real_folder(folder: str) -> str:
    """`os.path.realpath(folder)`, once per folder per build: files and images share a few."""
    found = _RESOLVED_DIRS.get(folder)
    if found is None:
        found = _RESOLVED_DIRS[folder] = os.path.realpath(folder)
    return found


def found_as(path: Path | None, config: Config) -> str:
    """How a load records where an image reference led: relative to content/ when inside it,
    so the record still holds after the project moves (a CI runner's workspace path may
    change between jobs)."""
    text = str(path)
    prefix = _content_dir(config)[1]
    return text[len(prefix) :] if path is not None and text.startswith(prefix) else text


def _resolved_dir(folder: Path) -> Path:
    """`folder.resolve()`, once per folder per build."""
    return Path(_real_folder(str(folder)))


def _resolved_text(path: str | Path) -> str:
    """`str(Path(path).resolve())`, cheaply and by text (a Path per file cost more than reading
    it): the folder comes from the per-build memo and the file name costs one lstat; anything
    unusual ('..', '.', a symlinked file) takes the full way.

    A name that cannot be lstat'ed (missing, e.g. a cover written from content/ tried first
    beside the bulletin) resolves, as realpath does, to itself inside the real folder.
    """
    text = os.fspath(path)
    folder, name = os.path.split(text)
    names = (
        text.split(os.sep) if os.altsep is None else text.replace(os.altsep, os.sep).split(os.sep)
    )
    if name not in ("", ".", "..") and ".." not in names:
        target = os.path.join(_real_folder(folder), name)
        try:
            st = os.lstat(target)
        except OSError:
            _LSTATS[target] = None
            return target
        if not stat.S_ISLNK(st.st_mode):
            _LSTATS[target] = st
            return target
    # realpath, not resolve(): Python 3.11's resolve() raises RuntimeError on a symlink loop.
    return os.path.realpath(text)


def _exists(text: str) -> bool:
    """`os.path.exists(text)` for a path `_resolved_text` returned, from its lstat when seen."""
    if text in _LSTATS:
        return _LSTATS[text] is not None
    return os.path.exists(text)


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, resolved, is resolved `folder` or inside it."""
    return _within(_resolved_text(path), _real_folder(str(folder)))


def _within(path: str, folder: str) -> bool:
    """Whether resolved `path` is resolved `folder` or inside it, by text first (the usual
    case); pathlib decides the rest (e.g. case-insensitive names on Windows).
    """
    if path == folder or path.startswith(folder if folder.endswith(os.sep) else folder + os.sep):
        return True
    return Path(path) == Path(folder) or Path(folder) in Path(path).parents


def image_format(head: bytes) -> str | None:
    """The format (a value of SUFFIX_FORMATS) of a file starting with `head` (its first
    HEAD_BYTES bytes or more), None when it is no image."""
    for magic, name in IMAGE_MAGIC.items():
        if head.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[:2] == b"BM" and int.from_bytes(head[14:18], "little") in BMP_HEADER_SIZES:
        return "BMP"
    return None


def remote_image(ref: str, config: Config) -> bool:
    """Whether an image reference names no file of content/: a scheme ("https:", "data:") or a
    host ("//…"), unless it is the site's own address, copied from the browser
    ("https://example.vn/chau-thanh/images/a.jpg" is content/images/a.jpg, as links are)."""
    if not (SCHEME_RE.match(ref) or ref.startswith("//")):
        return False
    return _own_image(ref, config) is None


def _own_image(ref: str, config: Config) -> str | None:
    """The site path of an image written in full with one of the site's addresses (now or
    before it moved), else None; one written with an old address only when content/ holds
    its file (the old site's own "…/uploads/anh.jpg" is still shown from there, as before the
    address was listed in [site] old_base_urls)."""
    if not addressed(ref):
        return None
    path = config.addresses.own_path(ref)
    if path is None or config.addresses.old_path(ref) is None:
        return path
    content = config.root / "content"
    found = _resolve_content_path(path, content / "_", config)
    return path if found is not None and os.path.isfile(found) else None


def resolve_content_path(ref: str, md_path: Path, config: Config) -> Path | None:
    """Resolve an image reference to a file inside content/, or None when it points outside."""
    # Text, not Path, keys: hashing a new Path splits it into parts, and a rebuild asks again
    # for every image of every bulletin.
    memo = (ref, os.path.dirname(md_path), os.fspath(config.root), config.addresses)
    if memo not in _RESOLVED_REFS:
        _RESOLVED_REFS[memo] = _resolve_content_path(ref, md_path, config)
    return _RESOLVED_REFS[memo]


def _resolve_content_path(ref: str, md_path: Path, config: Config) -> Path | None:
    """See resolve_content_path (by text: a rebuild checks every bulletin's own photo again)."""
    content_dir = _content_dir(config)[0]
    if SCHEME_RE.match(ref) or ref.startswith("//"):
        own = _own_image(ref, config)
        if own is None:
            return None  # somewhere else on the web: no file of content/
        ref = own
    ref = ref.split("#")[0].split("?")[0]
    found = _content_file(ref, md_path, config, content_dir)
    if found is not None and not ref.isascii() and not os.path.exists(found):
        # A photo copied from a Mac keeps its name decomposed (NFD); the bulletin, read as
        # NFC, writes the same letters composed, and Linux and Windows see two names.
        decomposed = _content_file(unicodedata.normalize("NFD", ref), md_path, config, content_dir)
        if decomposed is not None and os.path.exists(decomposed):
            return decomposed
    if "%" in ref and (found is None or not os.path.exists(found)):
        # Copied from the browser's address bar, "ảnh.jpg" reads "%E1%BA%A3nh.jpg" (a file
        # named so literally is looked for first).
        decoded = nfc(unquote(ref))
        # The decoded name composed (NFC), then decomposed: a Mac's «Mẫu đơn.docx» linked as
        # «Mẫu%20đơn.docx» was not found.
        for name in (decoded, unicodedata.normalize("NFD", decoded)):
            if name == ref:
                continue
            alt = _content_file(name, md_path, config, content_dir)
            if alt is not None and os.path.exists(alt):
                return alt
    return found


def _content_file(ref: str, md_path: Path, config: Config, content_dir: Path) -> Path | None:
    """The file of content/ a site path or relative path names, None when it points outside."""
    # Joined and resolved as text, one Path at the end: a rebuild asks again for each
    # bulletin's own photo, and four Paths per image were most of ~85 us.
    content = str(content_dir)
    folder = site_folder(config.base_url)
    if folder and ref.startswith(folder + "/") and not os.path.lexists(content + ref):
        ref = ref[len(folder) :]  # as the browser shows it: "/chau-thanh/images/a.jpg"
    if ref.startswith("/"):
        candidate = os.path.join(content, ref.lstrip("/"))
    else:
        candidate = os.path.join(os.path.dirname(md_path), ref)
    resolved = _resolved_text(candidate)
    if not _within(resolved, content):
        if not ref.startswith("/"):
            alt = _resolved_text(os.path.join(content, ref))
            if _below(alt, content):
                return Path(alt)
        return None
    if not ref.startswith("/") and not _exists(resolved):
        alt = _resolved_text(os.path.join(content, ref))
        if _below(alt, content):
            if _exists(alt):
                return Path(alt)
        elif _exists(alt):
            # e.g. a symlink in content/images/ to a file elsewhere: say it is outside,
            # not "not found", so the editor knows the file exists but is refused.
            return None
    return Path(resolved)


def _below(path: str, folder: str) -> bool:
    """Whether resolved `path` is inside resolved `folder` (not the folder itself), as
    `Path(folder) in Path(path).parents`: by text when it can tell, else by pathlib."""
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    if path.startswith(prefix) and len(path) > len(prefix):
        return True
    return Path(folder) in Path(path).parents


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
    alt_told: bool = False,
) -> ImageRef | None:
    """Check one local image: inside content/, existing, with alt text (unless `alt_told`: the
    caller told of it where the editor writes it)."""
    if WINDOWS_FILE_RE.match(ref):
        name = saved_file_name(ref)
        col.add(
            f"ảnh «{ref}» là một tệp trên máy tính này, website không lấy được",
            field=field,
            line=line,
            hint=f"Chép ảnh vào thư mục content/images/ rồi ghi «images/{name}».",
        )
        return None
    if WINDOWS_SEPARATOR_RE.search(ref) and not SCHEME_RE.match(ref):
        # Windows finds "images\\a.jpg" on the editor's computer, the website's server (and CI)
        # does not: refused everywhere, so a bulletin that builds here builds there too.
        col.add(
            f"đường dẫn ảnh «{ref}» {WINDOWS}",
            field=field,
            line=line,
            hint=f"Viết đường dẫn bằng dấu /: «{written_fix(ref)}».",
        )
        return None
    if remote_image(ref, config):
        if not ref.lower().startswith(("http://", "https://")):
            col.add(
                f"đường dẫn ảnh không được phép: {as_written(ref)}",
                field=field,
                line=line,
                hint="Chỉ dùng ảnh trong thư mục content/images/.",
            )
        elif not alt.strip() and not alt_told:
            col.add(
                "ảnh thiếu mô tả (alt)",
                field=field,
                line=line,
                hint="Viết mô tả ảnh: ![Mô tả ảnh](đường-dẫn).",
            )
        return None
    path = resolve_content_path(ref, md_path, config)
    content_dir = _content_dir(config)[0]
    col.images.append((ref, found_as(path, config)))
    if path is None:
        col.add(
            f"ảnh {as_written(ref)} nằm ngoài thư mục content/",
            field=field,
            line=line,
            hint="Đặt ảnh vào content/images/ và trỏ tới images/<tên-ảnh>.",
        )
        return None
    found = _image_file(path, config)
    if found is None and os.path.lexists(path):
        # A folder or a pipe named like the photo: «không tìm thấy ảnh… đặt ảnh vào đúng chỗ
        # đó» sent the editor to a place they could see already held something.
        col.add(
            f"không tìm thấy ảnh {as_written(ref)}: {not_a_file(path)}",
            field=field,
            line=line,
            hint=f"Đường dẫn này chỉ tới {_from_content(path, content_dir)}, không phải tệp ảnh: "
            "sửa đường dẫn tới tệp ảnh, hoặc đổi tên thứ đang nằm ở đó rồi chép ảnh vào.",
        )
        return None
    if found is None:
        meant = (
            _suggestion(ref, md_path, config)
            or _content_prefix(ref, md_path, config)
            or _in_images(ref, md_path, config)
        )
        # A photo not copied yet is told where the path points; with a file it may have meant,
        # the path is what is wrong, and copying the photo to it the wrong advice.
        where = path if ref.startswith("/") else None if meant else _copy_to(ref, path, content_dir)
        col.add(
            f"không tìm thấy ảnh {as_written(ref)}",
            field=field,
            line=line,
            hint=meant + _expected_at(where, content_dir),
        )
        return None
    relative, size = found
    if size > MAX_IMAGE_BYTES:
        col.add(
            f"ảnh {as_written(ref)} {too_large(size, MAX_IMAGE_BYTES)}: không dùng được",
            field=field,
            line=line,
            hint="Thu nhỏ ảnh (ví dụ xuất lại ở chiều rộng 2.000 điểm ảnh, chất lượng JPEG 85) "
            "rồi chép đè lên tệp cũ.",
        )
        return None
    if not alt.strip() and not alt_told:
        col.add(
            f"ảnh {as_written(ref)} thiếu mô tả (alt)",
            field=field,
            line=line,
            hint="Người dùng trình đọc màn hình cần mô tả ảnh: ![Mô tả ảnh](images/anh.jpg).",
        )
    return ImageRef(relative, nfc(alt.strip()), nfc(caption.strip()))


def as_typed_src(ref: str | None) -> str:
    """An <img> tag's src for a hint the editor may copy: as written, or a sample path."""
    return ref.replace('"', "&quot;") if ref and ref.isprintable() else "images/anh.jpg"


def as_written(ref: str) -> str:
    """An image reference shown to the editor as typed, in «…» like the messages beside it (a
    repr doubled each backslash the editor wrote); only a reference holding a character that
    prints as nothing (a line break in an <img> tag's src) is shown escaped."""
    return f"«{ref}»" if ref.isprintable() else f"«{repr(ref)[1:-1]}»"


def _copy_to(ref: str, beside: Path, content_dir: Path) -> Path:
    """Where to copy the missing image a relative `ref` names: under content/ as README writes
    it (`images/a.jpg` is content/images/a.jpg), else (`../images/a.jpg`) beside the file."""
    written = posixpath.normpath(ref.split("#")[0].split("?")[0])
    return beside if written == ".." or written.startswith("../") else content_dir / written


def _from_content(path: Path, content_dir: Path) -> str:
    """`path` as the editor finds it: content/… when under content/, else as it is."""
    try:
        return "content/" + path.relative_to(content_dir).as_posix()
    except ValueError:
        return str(path)


def _expected_at(path: Path | None, content_dir: Path) -> str:
    """Where the missing image must be (`path`: for a site path `/uploads/2023/05/a.jpg`,
    content/uploads/2023/05/a.jpg, not content/images/; see _copy_to for a relative one), and
    how to fix the path otherwise."""
    try:
        shown = "content/" + Path(path).relative_to(content_dir).as_posix() if path else ""
    except ValueError:
        shown = ""
    fix = (
        "đường dẫn (kiểm tra tên tệp, phân biệt chữ hoa, chữ thường; ảnh thường để trong "
        "content/images/)."
    )
    if not shown:
        return "Sửa " + fix
    return f"Đường dẫn này chỉ tới tệp {shown}: đặt ảnh vào đúng chỗ đó, hoặc sửa {fix}"


def windows_written(ref: str) -> str | None:
    """A local image path `ref` with each '/' written '\\', as an editor on Windows may have
    written it when such a path still worked there; None when it has no '/' or is no local
    path (README: an approval of that text holds for the text fixed with '/')."""
    if "/" not in ref or "\\" in ref or SCHEME_RE.match(ref) or ref.startswith("//"):
        return None
    return ref.replace("/", "\\")


def body_windows_written(body: str) -> list[str]:
    """`body` with the local paths of its images as windows_written writes them: one text for
    each combination of the ways they are written (inline, with a space in the name, in a
    reference definition, in an <img> tag) that has such a path, all of a way flipped together
    (an editor on Windows wrote one way with '\\' and may have written another with '/')."""
    if "![" not in body and "<img" not in body.lower():
        return []
    ways = [flips for flips in _windows_flips(body) if flips]
    bodies = []
    for chosen in range(1, 1 << len(ways)):
        spans = sorted(span for i, flips in enumerate(ways) if chosen >> i & 1 for span in flips)
        pieces, at = [], 0
        for start, end, flipped in spans:
            if start >= at:
                pieces += [body[at:start], flipped]
                at = end
        bodies.append("".join(pieces) + body[at:])
    return bodies


def _windows_flips(body: str) -> list[list[tuple[int, int, str]]]:
    """For each way an image path is written, where each local path with a '/' is written in
    `body` and how windows_written writes it."""
    code_blanked = masked(body)

    def flip(start: int, written: str) -> list[tuple[int, int, str]]:
        """The span of `written` at `start` and its flipped text, or none."""
        flipped = windows_written(written)
        return [] if flipped is None else [(start, start + len(written), flipped)]

    inline = [
        span
        for image in ImageScan(_hidden_escapes(code_blanked))
        for span in flip(image.ref_start, _shown_escapes(image.ref))
    ]
    spaced_ones = [
        span for image in spaced(code_blanked) for span in flip(image.ref_start, image.ref)
    ]
    # Only definitions an image uses: a link's ("[qd]: files/qd.pdf") was never refused.
    defined = {use.ref_start: use.ref for use in referenced(code_blanked)}
    definitions = [span for start, ref in defined.items() for span in flip(start, ref)]
    tags = []
    for start, end in img_tags(code_blanked):
        written = _SRC_RE.search(body, start, end)
        if written is not None:
            value = next(group for group in written.groups() if group is not None)
            if value == img_attributes(body[start:end]).get("src"):
                tags += flip(written.start(written.lastindex or 0), value)
    return [inline, spaced_ones, definitions, tags]


def _content_prefix(ref: str, md_path: Path, config: Config) -> str:
    """The hint for "content/images/a.jpg" when content/images/a.jpg exists: paths start
    inside content/ (or the bulletin's folder); "" otherwise."""
    fixed = written_fix(ref)
    if fixed == ref or content_image(fixed, md_path, config) is None:
        return ""
    return (
        f"Có phải ý bạn là «{fixed}»? Đường dẫn ảnh tính từ thư mục content/, không ghi "
        "«content/» ở đầu. "
    )


def _in_images(ref: str, md_path: Path, config: Config) -> str:
    """The hint for a bare file name («a.jpg») that content/images/ holds, "" otherwise."""
    if "/" in ref or content_image(f"images/{ref}", md_path, config) is None:
        return ""
    return f"Có phải ý bạn là «images/{ref}»? Ảnh trong content/images/ ghi kèm «images/» ở đầu. "


def _suggestion(ref: str, md_path: Path, config: Config) -> str:
    """The hint "Có phải ý bạn là «…»? " naming, as `ref` should write it, a file of a folder
    `ref` may point into whose name differs from the one written only in case, else the
    closest name; "" when no name is close."""
    folder, name = posixpath.split(ref.split("#")[0].split("?")[0])
    content = config.root / "content"
    places = [content / folder.lstrip("/")]
    if not ref.startswith("/"):
        places.insert(0, md_path.parent / folder)
    names: dict[str, str] = {}
    for place in places:
        if not inside(place, content):
            continue
        with contextlib.suppress(OSError), os.scandir(place) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                # A name not UTF-8 has its own error, and no reference can spell it.
                if (
                    not entry.name.startswith(".")
                    and entry.is_file()
                    and not is_misencoded(entry.name)
                ):
                    names.setdefault(nfc(entry.name).casefold(), entry.name)
    wanted = nfc(name).casefold()
    found = names.get(wanted) or _closest(name, list(names.values()))
    if not found:
        return ""
    return f"Có phải ý bạn là «{posixpath.join(folder, found)}»? "


def _closest(name: str, files: list[str]) -> str:
    """The file whose name is close to `name` once both are folded (accents, case, and
    spaces, underscores and hyphens alike: «anh hoi nghi.jpg» and «Ảnh_hội_nghị.jpg»), or
    the one file whose folded name starts with it («Ảnh hội nghị tuyên truyền.jpg»); ""."""
    folded = {_folded_name(file): file for file in reversed(files)}  # the first of equals
    wanted = _folded_name(name)
    close = difflib.get_close_matches(wanted, list(folded), 1, 0.8)
    if close:
        return folded[close[0]]
    stem, ext = posixpath.splitext(wanted)
    longer = [f for key, f in folded.items() if key.startswith(f"{stem}-") and key.endswith(ext)]
    return longer[0] if stem and len(longer) == 1 else ""


def _folded_name(name: str) -> str:
    """A file name as an editor may misremember it: no accents, lower case, one hyphen for
    each run of spaces, underscores and hyphens."""
    return _SEPARATORS_RE.sub("-", fold(nfc(name))).strip("-")


def content_image(ref: str, md_path: Path, config: Config) -> str | None:
    """The path under content/ of the image file `ref` points at from `md_path`, or None when
    it points outside content/ or at no file (once per build, like resolve_content_path)."""
    resolved = resolve_content_path(ref, md_path, config)
    if resolved is None:
        return None
    found = _image_file(resolved, config)
    return None if found is None else found[0]


def unfound(body: str, md_path: Path, config: Config) -> list[str]:
    """The references of `body` to local images that are no file inside content/ (each an
    error of the load)."""
    refs = (shown.ref for shown in _shown(body) if shown.ref)
    return [
        r for r in refs if not remote_image(r, config) and content_image(r, md_path, config) is None
    ]


def image_use(item: Bulletin | Page, path: str, config: Config) -> tuple[str | None, int | None]:
    """(field, line) of where a bulletin or page shows the image at `path` (under content/): a
    bulletin's `cover` field (the line is the field's), else the line of the body's first
    reference to it, else (None, None)."""
    if isinstance(item, Bulletin) and item.cover is not None and item.cover.path == path:
        return "cover", None
    return None, body_line(item, path, config)


def body_line(item: Bulletin | Page, path: str, config: Config) -> int | None:
    """The line of the first reference of a bulletin's or page's body to the image at `path`
    (under content/), None when it has none."""
    md_path = config.root / item.source
    body = item.body
    for shown in _shown(body):
        if shown.ref and content_image(shown.ref, md_path, config) == path:
            return item.body_line + body.count("\n", 0, shown.start)
    return None


def usable_file(path: Path, config: Config) -> bool:
    """Whether a resolved image is a file a load accepts: a regular file no larger than
    MAX_IMAGE_BYTES (checked once per build, as `_image` checks it)."""
    found = _image_file(path, config)
    return found is not None and found[1] <= MAX_IMAGE_BYTES


def _image_file(path: Path, config: Config) -> tuple[str, int] | None:
    """A resolved image's path under content/ and its size, or None when it is not a file (once
    per build: thousands of bulletins share a few cover images)."""
    text = os.fspath(path)
    if text not in _IMAGE_FILES:
        size = _file_size(text)
        _IMAGE_FILES[text] = None if size is None else (_under(text, config), size)
    return _IMAGE_FILES[text]


def _under(text: str, config: Config) -> str:
    """Resolved path `text`, inside content/, relative to it with forward slashes."""
    folder, prefix = _content_dir(config)
    if text.startswith(prefix):
        return text[len(prefix) :].replace(os.sep, "/")
    return Path(text).relative_to(folder).as_posix()


def _file_size(path: str | Path) -> int | None:
    """The size of the file at `path`; None when it is no file or the system cannot tell."""
    st = _LSTATS.get(os.fspath(path))
    if st is None:
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return None
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def cover(col: Collector, data: dict[str, Any], md_path: Path, config: Config) -> ImageRef | None:
    """The cover image, which needs `cover_alt`."""
    ref = data.get("cover")
    if ref in (None, ""):
        return None
    if not isinstance(ref, str):
        col.add(f"cần đường dẫn ảnh, nhận được {kind(ref)}", field="cover")
        return None
    alt = data.get("cover_alt")
    if not isinstance(alt, str) or not alt.strip():
        # Written but empty, it is the line to fill in; not written, the line to add it under.
        written = "cover_alt" in data and col.parsed is not None
        col.add(
            "ảnh bìa cần mô tả" + (": cover_alt để trống" if written else ""),
            field="cover_alt",
            line=col.parsed.line_of("cover_alt" if written else "cover") if col.parsed else None,
            hint='Ghi mô tả ảnh bìa cho người dùng trình đọc màn hình, ví dụ cover_alt: "Lực '
            'lượng Công an tuần tra đêm"' + ("." if written else " dưới dòng cover."),
        )
        alt = "x"
    return _image(col, ref, alt, "", md_path, config, field="cover", line=None)


class BodyImages(NamedTuple):
    """What body_images finds in a body."""

    counted: tuple[ImageRef, ...]
    """Images of content/ the approval fingerprint counts."""
    left_out: tuple[ImageRef, ...]
    """Images of content/ it leaves out (shown all the same: checked, resized and sent)."""
    reading_order: tuple[int, ...]
    """The order a reader meets the two together in (see Bulletin.reading_order)."""
    remote: tuple[tuple[str, int], ...]
    """(address, line) of each picture from another website, as written."""


def body_images(
    col: Collector,
    parsed: Parsed,
    md_path: Path,
    config: Config,
    images: Sequence[_Shown],
) -> BodyImages:
    """Every image in the body, Markdown or raw HTML: those of content/ checked, and those
    from other websites (`images`: shown_images of the body, which the load reads once)."""
    remote: list[tuple[str, int]] = []
    found: list[ImageRef] = []
    left_out: list[ImageRef] = []
    found_at: list[int] = []
    left_out_at: list[int] = []
    body = parsed.body
    for shown in images:
        line = parsed.body_line + body.count("\n", 0, shown.start)
        if shown.ref and remote_image(shown.ref, config):
            remote.append((shown.ref, line))
        alt = shown.alt
        if shown.tag and not alt.strip():
            col.add(
                "thẻ <img> thiếu mô tả (alt)",
                line=line,
                hint=f'Thêm mô tả ảnh vào thẻ: <img src="{as_typed_src(shown.ref)}" alt="Tả '
                'điều ảnh cho thấy">, hoặc dùng cú pháp Markdown ![Mô tả](ảnh).',
            )
            alt = "-"  # told just above, not again by _image
        if shown.tag and not shown.ref:
            continue  # nothing to show, nothing to check
        if shown.key is not None:
            if not alt.strip():
                col.add(
                    "ảnh thiếu mô tả (alt)",
                    line=parsed.body_line + body.count("\n", 0, shown.used_at),
                    hint="Người dùng trình đọc màn hình cần mô tả ảnh: viết mô tả giữa hai "
                    f"dấu ngoặc vuông đầu, ![Mô tả ảnh][{shown.key}].",
                )
            if _escaped_definition(col, shown.ref, shown.key, md_path, config, line=line):
                continue
        image = _image(
            col,
            shown.ref,
            alt,
            shown.caption,
            md_path,
            config,
            field=None,
            line=line,
            alt_told=shown.key is not None,
        )
        # An image with a space in its name, or shown through a reference definition, was shown
        # but never checked before: its file stays out of the approval fingerprint, which
        # counting it now would change, withdrawing bulletins approved before (README: an
        # upgrade withdraws none).
        if image is not None:
            (left_out if shown.unfingerprinted else found).append(image)
            # An image shown through a definition is seen where it is used, not defined.
            seen_at = shown.used_at if shown.key is not None else shown.start
            (left_out_at if shown.unfingerprinted else found_at).append(seen_at)
    if "![" in body:
        _undefined_references(col, parsed)
    at = found_at + left_out_at
    order = tuple(sorted(range(len(at)), key=at.__getitem__))
    return BodyImages(
        tuple(found),
        tuple(left_out),
        () if order == tuple(range(len(at))) else order,
        tuple(remote),
    )


def _escaped_definition(
    col: Collector, ref: str, key: str, md_path: Path, config: Config, *, line: int
) -> bool:
    """Tell, and say so, when a definition's path holds a Markdown escape ("[h]: images/anh\\_1
    .jpg") that names no file while the path without it does: Python-Markdown, unlike in an
    inline image, keeps the backslash as part of the name (so the website shows no picture)."""
    plain = unescape(ref)
    if plain == ref or content_image(ref, md_path, config) is not None:
        return False
    if content_image(plain, md_path, config) is None:
        return False
    col.add(
        f"không tìm thấy ảnh «{ref}»: trong dòng [{key}]: …, dấu \\ là một phần của tên tệp, "
        "không phải dấu thoát",
        line=line,
        hint=f"Bỏ dấu \\, ghi «[{key}]: {plain}».",
    )
    return True


def _undefined_references(col: Collector, parsed: Parsed) -> None:
    """Warn of each `![alt][id]` whose id no definition names: the page shows it as text."""
    body = parsed.body
    code_blanked = masked(body)
    for use in undefined(code_blanked):
        line = parsed.body_line + body.count("\n", 0, use.start)
        written = body[use.start : use.start + len(use.written)]
        shown = (
            f"website hiện ảnh [{use.written[2 : use.written.index(']')]}] kèm dòng chữ "
            f"«[{use.key}]»"
            if use.shown
            else "website hiện nguyên văn những chữ này thay cho ảnh"
        )
        col.add(
            f"ảnh «{written}» dùng tên [{use.key}] nhưng bài không có dòng «[{use.key}]: …»: "
            + shown,
            line=line,
            severity="warning",
            hint=f"Thêm dòng «[{use.key}]: images/ten-anh.jpg» ở cuối bài (cách một dòng trống), "
            "hoặc sửa tên trong ngoặc vuông cho khớp một dòng định nghĩa đã có.",
        )


@dataclass(frozen=True, slots=True)
class _Shown:
    """An image a body shows: where it is written, the reference, alt text and caption."""

    start: int
    ref: str
    alt: str
    caption: str
    tag: bool
    """Written as a raw HTML <img> tag, not in Markdown."""
    unfingerprinted: bool = False
    """Kept out of the approval fingerprint (see body_images): a Markdown image whose reference
    holds a space (see publish.markdown_images.spaced) or one shown through a reference
    definition (its start is the definition's, the line an editor fixes the path on)."""
    key: str | None = None
    """The id of a reference definition it is shown through (`h` of `![Ảnh][h]`)."""
    used_at: int = 0
    """Where an image shown through a definition is used: the line its alt text is written on."""


def image_stamp(col: Collector, parsed: Parsed, config: Config, images: Sequence[_Shown]) -> None:
    """A secret stamp in an image's alt text or caption (title) of the body, read as a title's
    («[MẬT] Bản đồ…», «MẬT»), is an error as one in the title is (publish.fields.secret): the
    page shows the alt text when the picture does not load, the feeds carry it, and the caption
    is written under the picture. `images`: shown_images of the body."""
    body = parsed.body
    for shown in images:
        for text in (shown.alt, shown.caption):
            stamp = headline_stamp(text, config.policy) if text.strip() else None
            if stamp is None:
                continue
            at = shown.used_at if shown.key is not None else shown.start
            col.add(
                f"ảnh mang dấu mật «{stamp}» ở mô tả (alt) hay chú thích: không bao giờ được "
                "xuất bản",
                line=parsed.body_line + body.count("\n", 0, at),
                hint=SECRET_HINT,
            )
            return


def shown_images(body: str) -> list[_Shown]:
    """Every image `body` shows (see _shown), for image_stamp and body_images to read one scan."""
    return _shown(body)


def _shown(body: str) -> list[_Shown]:
    """Every image `body` shows, Markdown or raw HTML, in the order written (one written as
    code is shown as code)."""
    if "![" not in body and "<" not in body:
        return []
    code_blanked = masked(body)
    text = _hidden_escapes(code_blanked)
    scan = ImageScan(text)
    # Most bodies hold no code and no backslash: `text` is the body itself, and a second scan
    # of it would find each image again where the first found it (as it would before escapes).
    in_body = scan if text is body else ImageScan(_hidden_escapes(body))
    as_before = ImageScan(body) if "\\" in body else in_body
    found: list[_Shown] = []
    for seen in scan:
        # Read from the body: the alt text or caption may hold a code span of its own.
        image = seen if in_body is scan else in_body.at(seen.start) or seen
        found.append(
            _Shown(
                image.start,
                unescape(_shown_escapes(image.ref)),
                _shown_escapes(image.alt),
                unescape(_shown_escapes(image.title)),
                tag=False,
                # Before escapes were read, an escaped "]" in the alt text hid the image: it
                # stayed out of the approval fingerprint, as spaced ones (see body_images).
                unfingerprinted=as_before is not scan and as_before.at(seen.start) is None,
            )
        )
    for seen in spaced(code_blanked):
        image = next(spaced(body[seen.start : seen.end]), seen)
        found.append(
            _Shown(
                seen.start,
                image.ref,
                image.alt,
                unescape(image.title),
                tag=False,
                unfingerprinted=True,
            )
        )
    for use in referenced(code_blanked):
        found.append(
            _Shown(
                use.defined_at,
                use.ref,
                use.alt,
                use.title,
                tag=False,
                unfingerprinted=True,
                key=use.key,
                used_at=use.start,
            )
        )
    if "<" not in body:
        return sorted(found, key=lambda shown: shown.start)  # most bodies: no HTML at all
    for start, end in img_tags(code_blanked):
        attributes = img_attributes(body[start:end])
        found.append(
            _Shown(
                start,
                attributes.get("src", "").strip(),
                attributes.get("alt", ""),
                attributes.get("title", ""),
                tag=True,
            )
        )
    return sorted(found, key=lambda shown: shown.start)


def _hidden_escapes(text: str) -> str:
    """`text` with each backslash escape the converter resolves written as two other characters
    (the same length, so positions hold): Python-Markdown resolves escapes before it reads
    images, so an escaped ")" or "]" ends no reference nor alt text ("images/anh\\(1\\).jpg")."""
    if "\\" not in text:
        return text
    return ESCAPED.sub(lambda escape: _HIDDEN + chr(0xE000 + ord(escape[1])), text)


def _shown_escapes(text: str) -> str:
    """`text` as written, with the escapes _hidden_escapes hid shown again."""
    if _HIDDEN not in text:
        return text
    return _HIDDEN_RE.sub(lambda hidden: "\\" + chr(ord(hidden[1]) - 0xE000), text)


class _ImgTag(HTMLParser):
    """Reads the attributes of an <img> tag as a browser does (see img_attributes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Keep the first <img>'s attributes."""
        if tag == "img" and self.attributes is None:
            self.attributes = {}
            for name, value in attrs:
                self.attributes.setdefault(name, value or "")

    handle_startendtag = handle_starttag


def img_attributes(tag: str) -> dict[str, str]:
    """The attributes of an <img> tag's text: names lowercased, values unescaped, the first
    of a name written twice (as a browser reads them)."""
    parser = _ImgTag()
    parser.feed(tag)
    parser.close()
    return parser.attributes or {}
