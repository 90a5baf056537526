"""The website's HTML for a plain body's blocks (publish.markdown_plain): what Python-Markdown
with the site's extensions writes before the sanitiser — headings from h2 without skipping a
level, with the ids the toc extension gives; photos as sized figures."""

from __future__ import annotations

from markdown.extensions.toc import unique
from markdown.serializers import (  # type: ignore[attr-defined]  # 3.11: the same bytes
    _escape_attrib_html,
)

from publish.markdown_plain import Block
from publish.render.web.image_info import ImageInfo, ImageLookup, sized_attributes
from publish.text import slugify

__all__ = ["heading_level", "plain_body_html", "text_heading_id"]


def plain_body_html(
    blocks: list[Block],
    *,
    lookup: ImageLookup,
    eager_first: bool,
    taken_ids: frozenset[str],
) -> str:
    """The stock converter's HTML for `blocks` (heading levels and ids, sized figures)."""
    out: list[str] = []
    previous = 1
    used_ids = set(taken_ids)
    counters: dict[str, int] = {}
    eager = eager_first
    for block in blocks:
        kind = block.kind
        if kind == "h":
            level = previous = heading_level(block.level, previous)
            slug = text_heading_id(block.html, used_ids, counters)
            out.append(f'<h{level} id="{slug}">{block.html}</h{level}>')
        elif kind == "figure":
            out.append(_figure(block.figure, lookup(block.figure[0]), eager=eager))
            eager = False
        else:
            out.append(block.html)
    return "\n".join(out)


def _figure(parts: tuple[str, str, str | None], info: ImageInfo | None, *, eager: bool) -> str:
    """A photo alone in its paragraph: a figure, its Markdown title the caption."""
    src, alt, title = parts
    attributes = {"src": src, "alt": alt}
    attributes.update(sized_attributes(info, eager=eager))
    written = "".join(
        f' {name}="{_escape_attrib_html(value)}"' for name, value in sorted(attributes.items())
    )  # the stock serialiser writes attributes in name order
    captioned = f"<figcaption>{title}</figcaption>" if title else ""
    return f"<figure><img{written}>{captioned}</figure>"


def heading_level(written: int, previous: int) -> int:
    """A heading's level on the page: from h2 (the page title is the h1), never more than one
    below the heading before it (`previous`, 1 before the first)."""
    return max(2, min(written, previous + 1))


def text_heading_id(text: str, used_ids: set[str], counters: dict[str, int]) -> str:
    """The id of a heading of plain `text`, as the toc extension names it ("Đường dây nóng" →
    "duong-day-nong"), made unique among `used_ids` (and added to them)."""
    return unique(slugify(" ".join(text.split())), used_ids, counters)
