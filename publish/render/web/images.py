"""Responsive images made at build time with Pillow, cached so a rebuild does not redo them.

Every content image becomes JPEG variants at the configured widths (never upscaled; EXIF with
its GPS position, XMP and the JPEG comment dropped by the re-encode) under `anh/<name>-<width>.<hash8>.jpg`. Resized bytes are
cached in `<root>/.cache/images/`, keyed on the source bytes, the width and the tool version;
the cache is safe to delete.

What became of each source is also remembered (on a Shelf in the fragment cache) under its
stat, as git's index does: a rebuild whose source still has that size, mtime, ctime and inode,
and whose output/ still holds the variants (the ledger), neither reads nor hashes the image
again. A site with a photo per bulletin otherwise read and hashed every photo and every variant
on each rebuild (10,000 bulletins: 0.9 GB, 3.6 s and 390 MB more memory after a one-line edit).
It is remembered under the source's digest too: a fresh checkout (CI) has new stats, and then
each photo is read and hashed once, but not opened with Pillow nor its variants read again.
After a build, `.cache/images/` keeps only the variants that build used (a new Pillow, other
widths or replaced photos would otherwise leave every old variant there for good).
A variant made (or found) in the cache goes to the writer as a reference to that file, not as
bytes through a worker's pipe (a deleted .cache/ during a build then fails the write cleanly).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import time
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache as once
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import TYPE_CHECKING, TypeGuard

import PIL
from PIL import UnidentifiedImageError

from publish.cache import Fragments, Shelf
from publish.config import CONFIG_NAME, Config
from publish.config_files import DEFAULT_COVER, missing_cover
from publish.errors import OS_REASONS, Problem, PublishError, details_shown, os_reason
from publish.ledger import Ledger
from publish.limits import read_head
from publish.model import Artifact, Bulletin, Kept, by_constructor
from publish.render.web import cache
from publish.render.web.kept_bytes import KeptBytes
from publish.text import slugify

if TYPE_CHECKING:
    from PIL import Image

__all__ = [
    "SHARE_MIN_PX",
    "VARIANT_TYPE",
    "Picture",
    "Pictures",
    "Variant",
    "decode_error",
    "pillow_reason",
    "probe",
    "small_cover",
    "small_default_cover",
    "small_photos",
    "unreadable_image",
]

# Bump when the resize or encode settings change, so cached variants are remade.
PIPELINE_VERSION = "3"
TOOL_VERSION = f"{PIPELINE_VERSION}-pillow{PIL.__version__}"
JPEG_QUALITY = 82
VARIANT_TYPE = "image/jpeg"
"""The media type of every variant (all are JPEG), for a share preview's og:image:type."""
SHARE_MIN_PX = 200
"""The smallest side of an image Facebook and Zalo show in a link preview (smaller ones they
drop)."""
OUTPUT_DIR = "anh"
ORIENTATION_TAG = 0x0112
ROTATED = (5, 6, 7, 8)
"""EXIF orientations that swap width and height."""
PNG_ORIENTED = frozenset({"exif", "Raw profile type exif", "XML:com.adobe.xmp"})
"""The header entries (Pillow's `info`) of a PNG that may tell its EXIF orientation."""
SETTLED_SECONDS = 1.0
"""A source changed this recently may change again within one timestamp tick with the same stat
(git's "racy" case): what became of it is not remembered."""
FACTS = "picture-facts"
"""Shelf of what became of each source image: by path, under its stat, the key of its bytes;
by that key (and the stem), its variants."""
FACTS_SHARDS = 16
KEY_LENGTH = 32
"""Hex digits of a source's sha256 that name its resized files."""

Made = tuple[tuple["Variant", str], ...]
"""The variants a source became, each with the sha256 of its bytes."""

Learned = tuple[str | None, str, str, Made]
"""What became of one source: its stat (None: changed too recently to remember by stat), the
key of its bytes, the stem its variants are named after, and its variants."""

Signature = tuple[int, int, int, int]
"""(size, mtime_ns, ctime_ns, inode) of a source image."""
HEIF_SUFFIXES = frozenset({".heic", ".heif"})
HEIF_BRANDS = frozenset({b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"})
"""Bytes 4–12 of a HEIC/HEIF file: an iPhone photo renamed, or sent on as «….jpg», has them."""
"""Names of the photos an iPhone takes by default, which Pillow cannot read."""
BOMB_RE = re.compile(r"\((\d+) pixels\) exceeds limit of (\d+) pixels")
"""The sizes in Pillow's DecompressionBombError."""


@once
def _pillow() -> tuple[ModuleType, ModuleType]:
    """Pillow's Image and ImageOps, imported on first use: a build that opens no image (one
    edit, nothing changed) does not load them (~11 ms of its CPU)."""
    from PIL import Image, ImageOps

    # An image between Pillow's two limits (89 and 179 million pixels: a poster scanned at high
    # resolution) is read, slowly; the warning Pillow prints on the way is English, with a path
    # in the library, in the middle of an editor's terminal.
    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
    return Image, ImageOps


@dataclass(frozen=True, slots=True)
class Variant:
    """One resized file: its site path, its size in pixels and in bytes."""

    __reduce__ = by_constructor  # loads fast: every reused page unpickles one

    path: str
    width: int
    height: int
    size: int
    """Bytes of the file (Zalo takes only images up to a limit)."""


@dataclass(frozen=True, slots=True)
class Picture:
    """What an `<img>` needs: the largest variant as src, a srcset, and the intrinsic size."""

    __reduce__ = by_constructor  # loads fast: every reused page unpickles one

    variants: tuple[Variant, ...]

    @property
    def largest(self) -> Variant:
        """The widest variant (src, og:image)."""
        return self.variants[-1]

    @property
    def smallest(self) -> Variant:
        """The narrowest variant."""
        return self.variants[0]


VARIANTS = KeptBytes(8 << 20)
"""Variants made in this process by (digest of the source bytes, width, height, TOOL_VERSION):
every build of a project without .cache/ (a fresh checkout, a test's project, `publish serve`
after the cache is gone) resized the same photos again, ~40 ms a variant, 0.6 s of the sample's
build. The bytes depend only on what the key names (Pillow's version is in TOOL_VERSION).

8 MB holds every variant of the sample site (~2 MB) and a unit's stock covers several times
over. Each process of a build fills its own, and a build resizes each of its own photos once:
with 64 MB, a cold build of 10,000 bulletins with 7,500 photos of their own held up to 64 MB
in each process of variants nobody asked for again: its peak memory (PSS of the process tree)
was 384 MB, past the 350 MB a cold build is held to; with 8 MB, 326 MB."""


class Pictures:
    """Makes and remembers the variants of each content image for one build."""

    def __init__(
        self,
        root: Path,
        widths: tuple[int, ...],
        *,
        url: Callable[[str], str],
        fragments: Fragments | None = None,
        ledger: Ledger | None = None,
        digests: Mapping[str, str] | None = None,
        files: bool = True,
    ) -> None:
        """Remember where content and the cache live, the widths, and how to turn paths into
        URLs; with `fragments` and the web output's `ledger`, what became of each source too
        (`digests`: of sources this build has hashed already, by path; see Site.digests).

        `files=False`: only the variants' names and sizes are wanted (Zalo), not their files,
        so what an earlier build made of the same bytes is taken as it is.
        """
        self.content = root / "content"
        self.folder = cache.cache_dir(root, "images")
        self.widths = tuple(sorted(set(widths)))
        self.url = url
        self.fragments = fragments
        self.ledger = ledger
        self.digests = digests or {}
        self.files = files
        self.facts = None if fragments is None else facts_shelf(fragments, self.widths)
        self.learned: dict[str, Learned] = {}
        """What became of each source this process used."""
        self._made: dict[str, Picture] = {}
        self._pending: list[Artifact | Kept] = []

    def picture(self, path: str, *, owner: str) -> Picture:
        """The picture for `path` (relative to content/), making its variants on first use."""
        if path not in self._made:
            self._made[path] = self._make(path, owner)
        return self._made[path]

    def srcset(self, picture: Picture) -> str:
        """The `srcset` value of a picture."""
        return ", ".join(f"{self.url(v.path)} {v.width}w" for v in picture.variants)

    def drain(self) -> Iterator[Artifact | Kept]:
        """Artifacts of the variants made since the last call, each once."""
        pending, self._pending = self._pending, []
        yield from pending

    def remembered(self, path: str) -> Picture | None:
        """The picture of `path` (relative to content/) when an earlier build's facts give it
        without reading the file (its stat, or its digest from this build's start), else None."""
        if path in self._made:
            return self._made[path]
        source = _source(self.content, path)
        stem = _stem(path)
        found = None
        # The stat first, though every build has the digest: found so, the stat is kept for
        # `publish serve` and `publish check`, which have no digests (asked first, a build
        # never kept it, and each of them read and hashed every photo again).
        signature = settled_signature(source)
        if signature is not None and self.facts is not None:
            stat = repr(signature)
            key = self.facts.get(path, stat)
            if isinstance(key, str):
                found = self._reuse(path, key, stem, stat)
        known = self.digests.get(source)
        if found is None and known is not None:
            # Hashed when the build started, maybe before this stat: not remembered under it.
            found = self._reuse(path, known[:KEY_LENGTH], stem, None)
        if found is not None:
            self._made[path] = found
        return found

    def _make(self, path: str, owner: str) -> Picture:
        """The variants of one image, queued: kept from output/ when the source is as it was,
        else resized (or taken from the cache) to every width it can fill."""
        if (found := self.remembered(path)) is not None:
            return found
        source = self.content / path
        signature = settled_signature(source)
        stat = repr(signature)
        stem = _stem(path)
        data = source.read_bytes()
        whole = hashlib.sha256(data).hexdigest()
        key = whole[:KEY_LENGTH]
        if found := self._reuse(path, key, stem, stat if signature is not None else None):
            return found
        Image, _ = _pillow()
        try:
            with Image.open(io.BytesIO(data)) as opened:
                original = _upright_size(opened)
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
            told = unreadable_image(owner, path, _heif_marked(exc, data[:12]))
            raise PublishError(told.render()) from None
        widths = [w for w in self.widths if w < original[0]]
        if not widths or self.widths[-1] >= original[0]:
            widths.append(original[0])  # as wide as the source allows, never upscaled
        variants = []
        digests = []
        for width in widths:
            height = max(1, round(original[1] * width / original[0]))
            encoded = self._cached(key, width) or self._resize(
                data, (width, height), whole, owner, path
            )
            digest = hashlib.sha256(encoded).hexdigest()
            name = f"{OUTPUT_DIR}/{stem}-{width}.{digest[:8]}.jpg"
            variants.append(Variant(name, width, height, len(encoded)))
            digests.append(digest)
            self._pending.append(
                self._in_output(name, digest, path)
                or self._in_cache(key, width, name, digest, path)
                or Artifact("web", name, encoded, source=f"content/{path}")
            )
        made = tuple(zip(variants, digests, strict=True))
        self.learned[path] = (stat if signature is not None else None, key, stem, made)
        return Picture(tuple(variants))

    def _reuse(self, path: str, key: str, stem: str, stat: str | None) -> Picture | None:
        """The picture an earlier build made of these bytes, its variants queued as kept, when
        output/ still holds every one of them (the ledger's word, or read and checked)."""
        made = None if self.facts is None else self.facts.get(_by_bytes(key, stem), "")
        if not isinstance(made, tuple):
            return None
        if self.files:
            found = [k for v, d in made if (k := self._in_output(v.path, d, path)) is not None]
            if len(found) < len(made):
                return None
            self._pending.extend(found)
        self.learned[path] = (stat, key, stem, made)
        return Picture(tuple(variant for variant, _ in made))

    def _in_output(self, rel: str, digest: str, path: str) -> Kept | None:
        """Variant `rel` of content/`path` as kept when output/ holds exactly its bytes (a
        rebuild then holds no image bytes in memory, also when output/ came from a CI cache)."""
        return None if self.ledger is None else self.ledger.kept(rel, digest, f"content/{path}")

    def _in_cache(self, key: str, width: int, rel: str, digest: str, path: str) -> Kept | None:
        """Variant `rel` as a reference to its file in .cache/images/ (the bytes stay on disk,
        never cross a pipe from a worker or wait in memory for the writer)."""
        where = self._cache_file(key, width)
        if not os.path.isfile(where):
            return None
        return Kept("web", rel, digest, str(where), f"content/{path}")

    def take_learned(self) -> dict[str, Learned]:
        """What became of the sources used since the last call (a worker sends it back)."""
        learned, self.learned = self.learned, {}
        return learned

    def save_facts(self, learned: dict[str, Learned]) -> None:
        """Remember `learned` and this process's own for the next build; sources no longer
        used are forgotten, and so are their resized files in .cache/images/."""
        if self.facts is None:
            return
        used: set[str] = set()
        for path, (stat, key, stem, made) in {**learned, **self.learned}.items():
            if stat is not None:
                self.facts.keep(path, stat, key)
            self.facts.keep(_by_bytes(key, stem), "", made)
            used.update(self._cache_file(key, variant.width).name for variant, _ in made)
        self.facts.save()
        _prune_cache(self.folder, used)

    def _cache_file(self, key: str, width: int) -> Path:
        """Where the resized bytes for (source, width, tool version) are kept."""
        return self.folder / f"{key}-{width}-{TOOL_VERSION}.jpg"

    def _cached(self, key: str, width: int) -> bytes | None:
        """Bytes from the cache, or None."""
        return cache.read(self._cache_file(key, width))

    def _resize(
        self, data: bytes, size: tuple[int, int], digest: str, owner: str, path: str
    ) -> bytes:
        """Resize to `size` (upright) and re-encode as progressive JPEG (`digest`: of `data`),
        then store in the cache; the same bytes made earlier in this process are taken."""
        remembered = (digest, *size, TOOL_VERSION)
        encoded = VARIANTS.get(remembered) or self._encoded(data, size, owner, path)
        VARIANTS.put(remembered, encoded)
        cache.write(self._cache_file(digest[:KEY_LENGTH], size[0]), encoded)
        return encoded

    def _encoded(self, data: bytes, size: tuple[int, int], owner: str, path: str) -> bytes:
        """`data` resized to `size` (upright) and encoded as progressive JPEG."""
        Image, ImageOps = _pillow()
        try:
            with Image.open(io.BytesIO(data)) as opened:
                # JPEG can decode at 1/2, 1/4 or 1/8 scale, much faster; the box is in the
                # stored orientation so both sides stay at least as large as the target.
                # Turned only as _upright_size told its size (a PNG by its header alone).
                oriented = _oriented(opened)
                rotated = _orientation(opened) in ROTATED
                opened.draft("RGB", size[::-1] if rotated else size)
                image = _flatten(ImageOps.exif_transpose(opened) if oriented else opened)
                if image.size != size:
                    image = image.resize(size, Image.Resampling.LANCZOS)
                out = io.BytesIO()
                # Pillow copies the source's JPEG comment unless told not to; EXIF (GPS, camera)
                # and XMP are dropped since they are not passed.
                image.save(
                    out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, comment=b""
                )
        except (OSError, Image.DecompressionBombError) as exc:
            raise PublishError(unreadable_image(owner, path, exc).render()) from None
        return out.getvalue()


def _by_bytes(key: str, stem: str) -> str:
    """The facts entry of a source by its bytes (variants are named after the file's stem)."""
    return f"#{key}:{stem}"


def _prune_cache(folder: Path, used: set[str]) -> None:
    """Remove the resized files in `folder` that are not in `used` (best effort)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name not in used:
            with contextlib.suppress(OSError):
                os.unlink(folder / name)


def _upright_size(image: Image.Image) -> tuple[int, int]:
    """Width and height once EXIF orientation is applied, read from the header without decoding."""
    width, height = image.size
    return (height, width) if _orientation(image) in ROTATED else (width, height)


def _orientation(image: Image.Image) -> int | None:
    """The EXIF orientation `image`'s header tells (see _oriented), or None."""
    if not _oriented(image):
        return None
    if image.format == "PNG":
        # PngImageFile.getexif decodes the whole image when its header has no `exif` entry, even
        # with XMP (every macOS screenshot: 103 ms for 2000 × 3000); the base class reads the
        # header's EXIF, raw profile and XMP orientation from `info` alone.
        return _pillow()[0].Image.getexif(image).get(ORIENTATION_TAG)
    return image.getexif().get(ORIENTATION_TAG)


def _oriented(image: Image.Image) -> bool:
    """Whether `image`'s header may tell an orientation: always for a JPEG, WebP or TIFF, whose
    EXIF Pillow reads without decoding; for a PNG only with EXIF or XMP before its pixels
    (PNG_ORIENTED), where a browser reads it too. Pillow decodes a whole PNG to look for EXIF
    after them: 29 ms for a phone screenshot, where its header took 0.03 ms."""
    return image.format != "PNG" or not PNG_ORIENTED.isdisjoint(image.info)


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white, since JPEG has no transparency."""
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        background = _pillow()[0].new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB") if image.mode != "RGB" else image


def missing_default_cover(config: Config) -> Problem | None:
    """The problem reported when [site] default_cover names no file under content/."""
    return missing_cover(config.root, config.site.default_cover)


def unreadable_image(
    owner: str,
    path: str,
    exc: BaseException | None = None,
    *,
    field: str | None = None,
    line: int | None = None,
) -> Problem:
    """The problem reported for an image Pillow cannot open, where `owner` shows it (see
    publish.content_images.image_use)."""
    suffix = PurePosixPath(path).suffix
    if isinstance(exc, HeifImage) or suffix.lower() in HEIF_SUFFIXES:
        renamed = suffix.lower() not in HEIF_SUFFIXES
        return Problem(
            owner,
            f"ảnh content/{path} là ảnh HEIC (định dạng iPhone chụp)"
            + (f" dù tên có đuôi {suffix}" if renamed else "")
            + ": website và Zalo chưa dùng được định dạng này",
            field=field,
            line=line,
            hint=(
                "Chuyển ảnh sang JPEG rồi chép đè lên tệp cũ (đổi đuôi tên tệp không đổi được "
                "định dạng)"
                if renamed
                else "Chuyển ảnh sang JPEG rồi sửa tên ảnh trong bài thành tên mới (….jpg)"
            )
            + ": trên máy Mac mở ảnh bằng Xem trước (Preview), chọn Tệp › Xuất, định dạng JPEG; "
            "trên Windows mở bằng ứng dụng Ảnh (Photos), chọn Lưu thành, JPEG. Để iPhone chụp "
            "sẵn JPEG: Cài đặt › Camera › Định dạng › Tương thích nhất.",
        )
    # On the way to an error message only: loading Pillow here costs nothing that matters.
    if exc is not None and isinstance(exc, _pillow()[0].DecompressionBombError):
        told = BOMB_RE.search(str(exc))
        size = f" ({_millions(told[1])} điểm ảnh, tối đa {_millions(told[2])})" if told else ""
        return Problem(
            owner,
            f"ảnh content/{path} quá lớn để đọc{size}",
            field=field,
            line=line,
            hint="Thu nhỏ ảnh (ví dụ xuất lại ở chiều rộng 2.000 điểm ảnh, chất lượng JPEG 85) "
            "rồi chép đè lên tệp cũ.",
        )
    reason, hint = pillow_reason(exc)
    return Problem(
        owner, f"không đọc được ảnh content/{path}: {reason}", field=field, line=line, hint=hint
    )


RESAVE = "Mở ảnh bằng trình xem ảnh để kiểm tra, lưu lại dạng JPEG hoặc PNG rồi chạy lại."
PILLOW_REASONS: tuple[tuple[str, str, str], ...] = (
    (
        "truncated",  # "image file is truncated (…)", "Truncated File Read"
        "tệp ảnh bị cụt, thiếu phần cuối (thường do chép hay tải về chưa xong)",
        "Chép lại ảnh từ bản gốc (máy chụp, tin nhắn, thư) rồi chạy lại; nếu bản gốc cũng "
        "hỏng thì " + RESAVE[0].lower() + RESAVE[1:],
    ),
    ("broken data stream", "dữ liệu ảnh bị hỏng", RESAVE),
    ("could not create decoder", "dữ liệu ảnh bị hỏng", RESAVE),
    ("not available", "máy này không có bộ đọc cho định dạng ảnh này", RESAVE),
    (" mode", "ảnh dùng kiểu màu mà công cụ chưa xử lý được", RESAVE),  # "cannot write mode …"
)
"""(a piece of Pillow's English message, lower case; the reason the editor is told; how to fix)."""


def pillow_reason(exc: BaseException | None) -> tuple[str, str]:
    """Why Pillow could not read an image (`exc`; None: it is not one), in Vietnamese, and how
    to fix it. Pillow's own words are English: shown only under --debug, for what is unknown."""
    if exc is None or isinstance(exc, UnidentifiedImageError | FileNotFoundError):
        return "tệp hỏng hoặc không phải ảnh", RESAVE
    if isinstance(exc, OSError) and exc.errno in OS_REASONS:  # the system's, with the path
        return os_reason(exc), "Kiểm tra tệp ảnh (quyền đọc, ổ đĩa) rồi chạy lại."
    text = str(exc).lower()
    for piece, reason, hint in PILLOW_REASONS:
        if piece in text:
            return reason, hint
    detail = f" (Pillow: {exc})" if details_shown() else ""
    return f"tệp hỏng hoặc định dạng ảnh không đọc được{detail}", RESAVE


def _millions(pixels: str) -> str:
    """A count of pixels as an editor reads it: "300000000" → "300 triệu"."""
    return f"{round(int(pixels) / 1_000_000)} triệu"


def _source(content: Path, path: str) -> str:
    """`str(content / path)` for `path` relative to content/ with forward slashes, by text:
    the key of Site.digests, asked for every image of a rebuild."""
    return os.path.join(str(content), path.replace("/", os.sep))


def _stem(path: str) -> str:
    """The slug of an image's file name without its suffix, which names its variants."""
    # PurePosixPath(path).stem by text: a Path was most of the cost, twice per image.
    name = path.rstrip("/").rpartition("/")[2]
    dot = name.rfind(".")
    return slugify(name[:dot] if 0 < dot < len(name) - 1 else name)


def settled_signature(path: str | Path) -> Signature | None:
    """The stat of a source image, or None when it is missing or changed too recently to trust."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if max(st.st_mtime_ns, st.st_ctime_ns) >= time.time_ns() - int(SETTLED_SECONDS * 1e9):
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def facts_shelf(fragments: Fragments, widths: tuple[int, ...]) -> Shelf:
    """The shelf of what became of each source image at these widths."""
    return Shelf(fragments, f"{FACTS}:{TOOL_VERSION}:{sorted(set(widths))}", shards=FACTS_SHARDS)


def probe(
    root: Path,
    path: str,
    widths: tuple[int, ...],
    facts: Shelf | None = None,
    digests: Mapping[str, str] | None = None,
) -> tuple[int, int] | BaseException:
    """Width and height of the widest variant of content/`path` at `widths` (its Picture's
    `largest`, a share preview's og:image), or the error Pillow gives opening its header: from
    what an earlier build made of this very file or these very bytes (`facts`, `digests`: see
    Site.digests), else from its header, as Pictures would make it."""
    made = None if facts is None else _made_before(root, path, facts, digests)
    if made:
        return made[-1][0].width, made[-1][0].height
    Image, _ = _pillow()
    try:
        with Image.open(root / "content" / path) as image:
            width, height = _upright_size(image)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        return _heif_marked(exc, read_head(root / "content" / path, 12))
    widest = min(width, max(widths))  # as Pictures._make: never upscaled
    return widest, max(1, round(height * widest / width))


def _made_before(
    root: Path, path: str, facts: Shelf, digests: Mapping[str, str] | None
) -> Made | None:
    """The variants and their digests an earlier build made of content/`path`, found on the
    `facts` shelf by these very bytes (`digests`: see Site.digests) or this very file (its
    settled stat), or None."""
    source = _source(root / "content", path)
    known = (digests or {}).get(source)
    made = None if known is None else facts.get(_by_bytes(known[:KEY_LENGTH], _stem(path)), "")
    if made is None:
        signature = settled_signature(source)
        key = None if signature is None else facts.get(path, repr(signature))
        made = facts.get(_by_bytes(key, _stem(path)), "") if isinstance(key, str) else None
    return made if isinstance(made, tuple) else None


def _shareable(size: tuple[int, int] | BaseException | None) -> bool:
    """Whether an image of that size (see probe; None: not probed) is one share previews show:
    read, and SHARE_MIN_PX or more on each side."""
    return isinstance(size, tuple) and min(size) >= SHARE_MIN_PX


def _small(size: tuple[int, int] | BaseException | None) -> TypeGuard[tuple[int, int]]:
    """Whether an image of that size (as for _shareable) is read and too small to be shown: an
    unreadable one is told as such, not as small."""
    return isinstance(size, tuple) and min(size) < SHARE_MIN_PX


def small_default_cover(config: Config, size: tuple[int, int] | BaseException) -> Problem | None:
    """A warning when the share image of [site] default_cover (its widest variant: `size`, see
    probe) is smaller than SHARE_MIN_PX on a side: share previews drop it, and a bulletin with
    no picture of its own that size (see pages.Views._share_picture) is then shared with no
    picture at all."""
    if not _small(size):
        return None
    width, height = size
    cover = config.site.default_cover
    return Problem(
        CONFIG_NAME,
        f"ảnh bìa mặc định content/{cover} là ảnh chia sẻ chỉ {width} × {height} điểm ảnh "
        f"(cỡ lớn nhất website đăng): Facebook và Zalo không hiện ảnh nhỏ hơn {SHARE_MIN_PX} "
        "điểm ảnh mỗi chiều khi chia sẻ liên kết, nên bản tin nào không có ảnh bìa hay ảnh "
        f"trong bài từ {SHARE_MIN_PX} điểm ảnh trở lên sẽ được chia sẻ mà không kèm ảnh nào",
        field=DEFAULT_COVER,
        hint=f"Thay content/{cover} bằng ảnh bìa của đơn vị 1200 × 630 điểm ảnh (giữ tên tệp, "
        "hoặc sửa default_cover theo tên ảnh mới), rồi chạy lại publish check.",
        severity="warning",
    )


def small_cover(
    bulletin: Bulletin, sizes: Mapping[str, tuple[int, int] | BaseException], default: str
) -> Problem | None:
    """A warning when `bulletin`'s own cover is shared smaller than SHARE_MIN_PX on a side and
    no photo of its body is that large (`sizes`: see probe, by path under content/): its
    share preview falls back to [site] default_cover (`default`, if one that large: shared
    with no picture otherwise), not a picture of its own (pages.Views._share_picture)."""
    if bulletin.cover is None:
        return None
    size = sizes.get(bulletin.cover.path)
    if not _small(size) or any(_shareable(sizes.get(r.path)) for r in bulletin.shown_images):
        return None
    width, height = size
    return Problem(
        bulletin.source,
        f"ảnh bìa content/{bulletin.cover.path} là ảnh chia sẻ chỉ {width} × {height} điểm ảnh "
        "(cỡ lớn nhất website đăng) và trong bài không có ảnh nào từ "
        f"{SHARE_MIN_PX} điểm ảnh mỗi chiều trở lên: Facebook và Zalo không hiện ảnh nhỏ hơn "
        f"thế khi chia sẻ liên kết, nên bản tin được chia sẻ {_shared_as(sizes, default)}",
        field="cover",
        hint=f"Thay ảnh bìa bằng ảnh lớn hơn (nên 1200 × 630 điểm ảnh, ít nhất {SHARE_MIN_PX} "
        f"× {SHARE_MIN_PX}), hoặc thêm vào bài một ảnh từ {SHARE_MIN_PX} điểm ảnh mỗi chiều "
        "trở lên, rồi chạy lại publish check.",
        severity="warning",
    )


NO_PICTURE = "mà không kèm ảnh nào"
"""How a bulletin with no share image, and no default cover a preview shows, is shared."""


def _shared_as(sizes: Mapping[str, tuple[int, int] | BaseException], default: str) -> str:
    """What a bulletin without a share image of its own is shared with: [site] default_cover
    (`default`) when a share preview shows it, else no picture."""
    if default and _shareable(sizes.get(default)):
        return f"kèm ảnh bìa mặc định content/{default} thay vì ảnh của bài"
    return NO_PICTURE


def small_photos(
    bulletin: Bulletin, sizes: Mapping[str, tuple[int, int] | BaseException], default: str
) -> tuple[Problem, str] | None:
    """When `bulletin` has no cover and every photo of its body is shared smaller than
    SHARE_MIN_PX on a side (`sizes`: see probe), the problem told at the first of them, and
    its path (its line is the caller's to find): the site would share that photo, but passes
    over small ones (pages.Views._share_picture). A note when the default cover stands in (the
    link still has a picture, the unit's), a warning when the site has none, so the link has no
    picture at all; nothing when the default cover is too small or unreadable itself: site.toml's
    line is told that every such bulletin is shared with no picture (small_default_cover), once,
    not once a bulletin."""
    photos = bulletin.images_as_read
    if bulletin.cover is not None or not photos:
        return None
    shared_as = _shared_as(sizes, default)
    pictureless = shared_as == NO_PICTURE
    if default and pictureless:
        return None
    first = photos[0].path
    size = sizes.get(first)
    if not _small(size) or not all(_small(sizes.get(ref.path)) for ref in photos[1:]):
        return None
    width, height = size
    others = len(dict.fromkeys(ref.path for ref in photos)) - 1
    more = f" (và {others} ảnh khác trong bài cũng vậy)" if others else ""
    told = Problem(
        bulletin.source,
        f"bản tin không có ảnh bìa, và ảnh content/{first} là ảnh chia sẻ chỉ {width} "
        f"× {height} điểm ảnh (cỡ lớn nhất website đăng){more}: Facebook và Zalo không hiện ảnh "
        f"nhỏ hơn {SHARE_MIN_PX} điểm ảnh mỗi chiều khi chia sẻ liên kết, nên bản tin được chia "
        f"sẻ {shared_as}",
        hint=f"Muốn liên kết hiện ảnh của bài thì thêm ảnh bìa từ {SHARE_MIN_PX} × {SHARE_MIN_PX} "
        "điểm ảnh trở lên (nên 1200 × 630): dòng «cover: images/<ảnh>.jpg» và «cover_alt: …» "
        "trong phần đầu tệp, hoặc dùng ảnh lớn hơn trong bài; rồi chạy lại publish check."
        + ("" if pictureless else " Ảnh bìa mặc định là đủ thì không cần làm gì."),
        severity="warning" if pictureless else "note",
    )
    return told, first


def decode_error(root: Path, path: str) -> BaseException | None:
    """Why the image cannot be read whole (its header may read: a copy broken off), or None;
    only asked once it failed, so that the editor is told the reason, not "not an image"."""
    Image, _ = _pillow()
    try:
        with Image.open(root / "content" / path) as image:
            image.load()
        return None
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        return _heif_marked(exc, read_head(root / "content" / path, 12))


class HeifImage(UnidentifiedImageError):
    """Pillow could not open an image whose bytes are a HEIC/HEIF photo's, whatever its name."""


def _heif_marked(exc: BaseException, head: bytes) -> BaseException:
    """`exc`, told apart as HeifImage when the file's first bytes (`head`) are a HEIC photo's."""
    if isinstance(exc, UnidentifiedImageError) and head[4:12] in HEIF_BRANDS:
        return HeifImage(str(exc))
    return exc
