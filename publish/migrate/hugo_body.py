"""A Hugo post's body here: shortcodes as Markdown, images moved, WordPress comments dropped."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote

from publish import shortcodes
from publish.addresses import SiteAddresses
from publish.content_images import SCHEME_RE, as_written
from publish.html_img import with_img_tags
from publish.image_suffixes import IMAGE_SUFFIXES
from publish.links import addressed
from publish.markdown_code import masked
from publish.markdown_comments import hidden
from publish.markdown_images import Image, substituted
from publish.migrate.hugo_source import Source, Tell, slug_of
from publish.text import nfc

SRCSET_RE = re.compile(r"""(?<!\s)\s+(?:srcset|sizes)\s*=\s*(?:"[^"]*"|'[^']*')""", re.IGNORECASE)
"""An img tag's srcset or sizes; tried once per run of spaces (not from each space of it, which
took minutes on a tag of thousands)."""


def converted_body(
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
    code_line = _lines(body, source.body_line)
    for code in shortcodes.spans(body):
        written = shortcodes.markdown(code, ref)
        line = code_line(code.start)
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
        out.append(shortcodes.splice(body[at : code.start], written))
        at = code.end
    body = "".join(out) + body[at:]
    copies: dict[str, str] = {}

    def moved(ref_text: str, line: int) -> str:
        """Where one image reference points here, its file added to `copies`."""
        own = own_image(ref_text, base)
        if own is None and (SCHEME_RE.match(ref_text) or ref_text.startswith(("//", "#"))):
            return ref_text
        path = (own or ref_text).split("#")[0].split("?")[0]
        if posixpath.splitext(nfc(unquote(path)))[1].lower() not in IMAGE_SUFFIXES:
            # Only images are copied: `![x](/a.md)` brought any file of the site into content/.
            tell(
                f"{as_written(ref_text)} không phải tệp ảnh (ảnh có đuôi "
                f"{', '.join(sorted(IMAGE_SUFFIXES))}): không chép",
                "Sửa đường dẫn ảnh trong tệp Hugo cho đúng tệp ảnh, hoặc xóa ảnh khỏi bài, "
                "rồi chạy lại.",
                line=line,
                error=True,
            )
            return ref_text
        # The file is found by its name («ảnh bìa.jpg»), the reference keeps the path as
        # written («ảnh%20bìa.jpg»): decoded, the space ended the Markdown image. The website
        # decodes a %-escaped path itself (content_images).
        typed = nfc(path)
        for written in dict.fromkeys((path, nfc(unquote(path)))):
            if source.bundle and not written.startswith("/"):
                inside = posixpath.normpath(f"{source.bundle}/{written}")
                if f"content/{inside}" in files and not inside.startswith("../"):
                    below = posixpath.relpath(inside, source.bundle)
                    shown = posixpath.normpath(f"{source.bundle}/{typed}")
                    if below.startswith("../"):
                        # Beside the bundle ('../chung/a.jpg'): under images/<slug>/ the '..'
                        # climbed out of content/, up to / from a deep enough bundle.
                        copies[f"content/{inside}"] = inside
                        return f"/{shown}"
                    copies[f"content/{inside}"] = f"images/{slug_of(source)}/{below}"
                    return f"images/{slug_of(source)}/{posixpath.relpath(shown, source.bundle)}"
            clean = posixpath.normpath(written.lstrip("/"))
            for where in (f"static/{clean}", f"content/{clean}"):
                if where in files and not clean.startswith(".."):
                    copies[where] = clean
                    if ref_text.startswith("/"):
                        return ref_text
                    return "/" + posixpath.normpath(typed.lstrip("/"))
        tell(
            f"không tìm thấy ảnh {as_written(ref_text)} trong static/ hay content/ của website Hugo",
            "Chép ảnh vào static/ của website Hugo (đúng đường dẫn đó), hoặc xóa ảnh khỏi bài, "
            "rồi chạy lại.",
            line=line,
            error=True,
        )
        return ref_text

    def image(found: Image) -> str:
        """One Markdown image with its reference moved."""
        new = moved(found.ref, image_line(found.start))
        ref_end = found.ref_start + len(found.ref)
        return body[found.start : found.ref_start] + new + body[ref_end : found.end]

    def html(tag: str, line: int) -> str:
        """One <img> tag with its src moved, without srcset and sizes (WordPress's, naming the
        old site's files: the website makes its own)."""
        return re.sub(
            r"""(\bsrc\s*=\s*)(["'])(.*?)\2""",
            lambda s: f"{s[1]}{s[2]}{moved(s[3], line)}{s[2]}",
            SRCSET_RE.sub("", tag),
            count=1,
        )

    image_line = _lines(body, source.body_line)
    body = _with_img_tags(substituted(body, image), html, source.body_line)
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


def _lines(text: str, first: int) -> Callable[[int], int]:
    """The line of each position of `text` (the first is line `first`), asked in increasing
    order: counted on from the last one asked, not from the top each time."""
    at, line = 0, first

    def line_of(pos: int) -> int:
        """The line of `text` position `pos`."""
        nonlocal at, line
        if pos < at:
            at, line = 0, first
        line += text.count("\n", at, pos)
        at = pos
        return line

    return line_of


def _with_img_tags(text: str, replacement: Callable[[str, int], str], first: int) -> str:
    """`text` with each <img> tag replaced by what `replacement` makes of it and its line."""
    line_of = _lines(text, first)
    return with_img_tags(text, lambda start, end: replacement(text[start:end], line_of(start)))


def own_image(ref: str, base: str) -> str | None:
    """The path of an image written in full with the Hugo site's own address
    ("https://old.example.vn/images/a.jpg" → "/images/a.jpg"), else None."""
    return SiteAddresses(base).own_path(ref) if base and addressed(ref) else None


def _one_line(text: str) -> str:
    """A shortcode as a note quotes it: one line, at most 80 characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= 80 else flat[:79] + "…"
