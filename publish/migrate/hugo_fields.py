"""A Hugo post's front matter as fields here: dates, category, summary, cover, draft, expiry."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from typing import Any

from publish.config import Config
from publish.content import SUMMARY_PLACEHOLDER
from publish.content_images import SCHEME_RE
from publish.fields import (
    SECRET_HINT,
    category_hint,
    category_key,
    parse_datetime,
    timed,
    unknown_category,
)
from publish.gates import (
    field_stamp,
    public_classification,
    secret_classification,
    secret_stamp,
)
from publish.markdown_angles import is_markup
from publish.markdown_comments import shown_body
from publish.markdown_images import ImageScan, substituted
from publish.migrate.hugo_body import converted_body, own_image
from publish.migrate.hugo_source import HOLD_KEYS, Source, Tell, strings
from publish.moments import when
from publish.text import folded_words, hidden_shown, nfc, quoted

CLASSIFICATION_KEYS = frozenset(
    {"classification", "phanloai", "domat", "mat", "baomat", "confidential", "classified"}
    | {"secret", "security", "sensitivity", "secrecy"}
)
"""Keys (folded, no spaces) a Hugo post may mark a classification with."""
COVER_KEYS = ("cover", "featured_image", "featuredimage", "image", "images", "thumbnail")


def dates(
    source: Source, config: Config, now: dt.datetime
) -> tuple[dt.datetime | None, bool, object]:
    """The post's date here, whether it is Hugo's publishDate (later, still to come), and the
    value it is read from as the post writes it (`date_written` looks at it)."""
    written, published = source.get("date"), source.get("publishdate")
    date = parse_datetime(written, config.tz)
    later = parse_datetime(published, config.tz)
    if later is not None and later > now and (date is None or later > date):
        return later.astimezone(config.tz), True, published
    if date is None:
        date, written = later, published
    return (date.astimezone(config.tz) if date else None), False, written


def date_written(moment: dt.datetime, written: object) -> str:
    """The post's date (`moment`, from `dates`, read from the value `written`) as its `date`
    line writes it: the day alone when Hugo's gives no time of day (`date: 2023-07-01`), so
    that its page shows no «0:00» that nobody wrote (see Bulletin.timed), else `when`."""
    return when(moment) if timed(written) else f"{moment:%Y-%m-%d}"


def category(
    source: Source, config: Config, fallback: str | None, out: dict[str, Any], tell: Tell
) -> None:
    """`category` from Hugo's categories (by key or label), or `fallback` (`--category`)."""
    written = strings(source.get("categories")) + strings(source.get("category"))
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
    if fallback:
        out["category"] = fallback
        if written:
            tell(
                f"chuyên mục {', '.join(written)} không có trong site.toml: dùng "
                f"{fallback} (--category)",
                key="categories",
            )
        return
    named = (
        f"chuyên mục {', '.join(quoted(c) for c in written)} không có trong site.toml"
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


def summary(
    source: Source, config: Config, out: dict[str, Any], tell: Tell, *, draft: bool = False
) -> None:
    """`summary` from Hugo's summary or description, else the first paragraph (told); for a
    `draft` with neither, the sample text `publish new` writes, which approval refuses."""
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
    elif source.section and draft:
        # A draft is unfinished by nature: refused, it could not be imported to be finished.
        out["summary"] = SUMMARY_PLACEHOLDER
        tell(
            "không có, và bài nháp không có đoạn văn nào đủ dài (trên 20 ký tự) để làm tóm "
            f"tắt: ghi chữ mẫu «{SUMMARY_PLACEHOLDER}» vào summary",
            "Viết tóm tắt thật (một, hai câu) vào summary trước khi duyệt: publish approve "
            "không duyệt bài còn chữ mẫu.",
            key="description",
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


# `\w`, not `\w+`: the class after it holds letters too, and the two ways to split a run of
# letters after a «[» never closed took 11–24 s on 40 kB, 46 s on 80 kB.
MARKUP_RE = re.compile(r"!\[[^\][]*\]\([^)[]*\)|<[^<>]+>|\{\{(?:(?!\{\{).)*?\}\}|\[/?\w[^\][]*\]")
LINK_RE = re.compile(r"\[([^\][]*)\]\([^)[]*\)")
"""Markup and links a summary leaves out. No scan runs past the next opening ('[', '<', '{{'):
one from each of thousands never closed took minutes (a link's text or address holding a
'[', or a tag's value a '<', is rare in a summary the operator reads anyway)."""


HTML_PARAGRAPH_RE = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p\s*>", re.I | re.S)
"""An HTML paragraph, as WordPress exports a post's text (`<p class="…">…</p>`)."""
HTML_OPENING_RE = re.compile(r"<p[\s>]", re.I)
BREAK_RE = re.compile(r"<br\s*/?>", re.I)
TAG_RE = re.compile(r"<[^>]*>")


def _first_paragraph(body: str) -> str:
    """The first paragraph of plain text in a body, without Markdown marks: a Markdown one, or
    an HTML `<p>` (WordPress's export) without its tags and entities; comments do not count."""
    if "<!--" in body:
        # Blanked, not removed: a `<p>` after `<!-- wp:paragraph -->` opens its block.
        body = shown_body(body)
    parts = re.split(r"(\n\s*\n)", body)
    start = 0
    read_to = 0  # HTML paragraphs are looked for from here on
    for block, gap in zip(parts[::2], [*parts[1::2], ""], strict=True):
        end = start + len(block)
        if block.lstrip().startswith("<"):
            # Opened in this block, a <p> may close after a blank line.
            while opening := HTML_OPENING_RE.search(body, max(start, read_to), end):
                found = HTML_PARAGRAPH_RE.match(body, opening.start())
                if found is None:
                    read_to = len(body)  # no '>' or '</p>' after it: none for a later <p>
                    break
                if len(text := _html_text(found[1])) > 20:
                    return text
                # On after its </p>: a <p> inside one (never in valid HTML) would read the
                # rest of it again, thousands of times over on a crafted post.
                read_to = found.end()
        else:
            text = _markdown_text(block)
            if len(text) > 20 and not block.lstrip().startswith(("#", "```", "|", "-", "*")):
                return nfc(text)
        start = end + len(gap)
    return ""


def _markdown_text(block: str) -> str:
    """What a Markdown paragraph reads: no marks, images, tags or shortcodes, spaces squeezed.
    Words in angle brackets that are no tag («<Tết an toàn>», «<<Vì an ninh Tổ quốc>>», a lone
    «<Em>») are kept, as the body shows them (publish.markdown_angles)."""
    # A NUL of the post's own would pass for one of the placeholders below.
    text = LINK_RE.sub(r"\1", substituted(block, lambda _: " ")).replace("\x00", "")
    kept: list[str] = []

    def left_out(found: re.Match[str]) -> str:
        """A gap for markup (see _closed_up); words in angle brackets set aside, their marks
        kept from the strip below (a «>» closing them is no quote mark)."""
        if found[0].startswith("<") and not is_markup(found[0], text, found.end()):
            kept.append(found[0])
            return f"\x00{len(kept) - 1}\x00"
        return _gap(found[0])

    text = " ".join(_closed_up(_MARKS_RE.sub("", MARKUP_RE.sub(left_out, text))).split())
    return _KEPT_RE.sub(lambda found: kept[int(found[1])], text) if kept else text


_SOFT_GAP, _HARD_GAP = "\x01", "\x02"
"""Where markup was taken out of a summary: a space only where the text had one beside it
(«giác</b>,» is «giác,»), or always (a line break, a paragraph: «một.</p><p>Hai» is two
sentences). Neither is a space to str.split, nor in any text the summary reads."""
_BLOCK_TAG = re.compile(
    r"</?(?:br|p|div|li|ul|ol|h[1-6]|tr|td|th|table|hr|blockquote|figure|figcaption|section)\b",
    re.IGNORECASE,
)
_GAPS = re.compile(r"\s*[\x01\x02][\x01\x02\s]*")
_CLOSING = ",.;:!?…)]}»”’%"
_OPENING = "([{«“‘"


def _gap(markup: str) -> str:
    """The gap a tag, a shortcode or an image leaves in a summary (see _closed_up)."""
    return _HARD_GAP if _BLOCK_TAG.match(markup) else _SOFT_GAP


def _closed_up(text: str) -> str:
    """`text` with each gap markup left closed up: nothing before a closing mark or after an
    opening one («huyện {{< icon >}}, cảnh báo» read «huyện , cảnh báo», «“<em>đừng</em>”» read
    «“ đừng ”»), nor at either end; a space where the text had one beside the markup, or
    where a line or a paragraph ended; else nothing (a tag inside a word)."""
    if _SOFT_GAP not in text and _HARD_GAP not in text:
        return text

    def closed(found: re.Match[str]) -> str:
        """What one run of gaps and the spaces around it becomes."""
        start, end = found.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not before or not after or after in _CLOSING or before in _OPENING:
            return ""
        spaced = _HARD_GAP in found[0] or any(c.isspace() for c in found[0])
        return " " if spaced else ""

    return _GAPS.sub(closed, text)


_MARKS_RE = re.compile(r"[*_`#]+|^[ \t]*(?:>[ \t]*)+", re.MULTILINE)
"""Markdown's marks a summary leaves out: emphasis, code, headings, and a quote's «>» opening
a line (one elsewhere is text: «trẻ em > 14 tuổi», the end of «<<Vì an ninh Tổ quốc>>»)."""
_KEPT_RE = re.compile("\x00(\\d+)\x00")


def _html_text(html_text: str) -> str:
    """What a paragraph of HTML reads: no tags, entities unescaped, spaces squeezed, NFC."""
    text = TAG_RE.sub(lambda tag: _gap(tag[0]), BREAK_RE.sub(" ", html_text))
    return nfc(" ".join(_closed_up(html.unescape(text)).split()))


def cover(
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
    ref = own_image(value.strip(), base) or value.strip()
    if SCHEME_RE.match(ref) or ref.startswith("//"):
        tell(
            f"ảnh bìa ở website khác ({ref}): bỏ đi",
            "Tải ảnh về content/images/ rồi ghi cover: images/ten-anh.jpg và cover_alt.",
            key=key,
        )
        return
    written_image = f"![x]({ref})"
    read = next(iter(ImageScan(written_image)), None)
    if read is None or read.end != len(written_image) or read.ref != ref:
        # Read as Markdown to be moved like the body's images: a space or a «)» ends the path.
        _unreadable_cover(ref, key, tell)
        return
    found = converted_body(
        dataclasses.replace(source, body=written_image),
        files,
        lambda target, bare: None,
        tell,
    )
    if found[0] is None:
        return
    moved = next(iter(ImageScan(found[0])), None)
    if moved is None:  # moved to a path Markdown cannot hold
        _unreadable_cover(ref, key, tell)
        return
    copies.update(found[1])
    out["cover"] = moved.ref
    written = alt or str(source.get("cover_alt") or "")
    out["cover_alt"] = nfc(written.strip()) or title
    if not written.strip():
        tell(
            "ảnh bìa không có mô tả: tạm ghi tiêu đề bài vào cover_alt",
            "Viết lại cover_alt tả đúng ảnh.",
            key=key,
        )


def _unreadable_cover(ref: str, key: str, tell: Tell) -> None:
    """The error for a cover path that a Markdown image cannot hold."""
    tell(
        f"không đọc được đường dẫn ảnh bìa «{ref}»: có dấu cách hay một trong các dấu ) < >",
        "Đổi tên tệp ảnh trong website Hugo cho không còn các dấu đó (ví dụ anh-bia.jpg), "
        "sửa trường này theo tên mới rồi chạy lại.",
        key=key,
        error=True,
    )


def draft_held(source: Source, tell: Tell) -> bool:
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


def classification_of(source: Source, config: Config, tell: Tell) -> str:
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
            tell(
                f"tài liệu mật ({hidden_shown(shown)}): không nhập",
                SECRET_HINT,
                key=key,
                error=True,
            )
            return shown
        tell(
            f"giá trị {hidden_shown(str(value))} có thể là mức phân loại: ghi classification: {quoted(hidden_shown(shown))}, bài bị "
            "giữ lại ở mọi kênh",
            "Người có thẩm quyền xác định bài được đăng thì xóa dòng classification.",
            key=key,
        )
        return shown
    return ""


def expiry(
    source: Source, config: Config, date: dt.datetime | None, now: dt.datetime, tell: Tell
) -> dt.datetime | None:
    """`expires` from Hugo's expiryDate."""
    written = source.get("expirydate")
    if written is None:
        return None
    expires = parse_datetime(written, config.tz)
    if expires is None:
        tell(
            f"không đọc được ngày giờ {quoted(written)}",
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


def has_secret(out: dict[str, Any], body: str, config: Config, tell: Tell) -> bool:
    """Whether the title or body carries a secret stamp (told: such a file is not imported)."""
    stamped = field_stamp(out, config.policy)
    found = (
        stamped[1] if stamped else (hit[1] if (hit := secret_stamp(body, config.policy)) else None)
    )
    if found is None:
        return False
    tell(f"văn bản mang dấu mật «{found}»: không nhập", SECRET_HINT, error=True)
    return True
