"""The website's HTML for a plain body's blocks (publish.markdown_plain): what Python-Markdown
with the site's extensions writes before the sanitiser — headings from h2 without skipping a
level, with the ids the toc extension gives; photos as sized figures."""

from __future__ import annotations

from markdown.extensions.toc import unique
from markdown.serializers import (  # type: ignore[attr-defined]  # 3.11: the same bytes
    _escape_attrib_html,
)

from publish.markdown_plain import Block
from publish.render.web.image_info import SIZED, SIZES, ImageInfo, ImageLookup
from publish.text import slugify

__all__ = ["plain_body_html"]


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
            level = previous = max(2, min(block.level, previous + 1))
            text = block.html.strip()
            slug = unique(slugify(" ".join(text.split())), used_ids, counters)
            out.append(f'<h{level} id="{slug}">{text}</h{level}>')
        elif kind == "figure":
            out.append(_figure(block.figure, lookup(block.figure[0]), eager=eager))
            eager = False
        else:
            out.append(block.html)
    return "\n".join(out)


def _figure(parts: tuple[str, str, str | None], info: ImageInfo | None, *, eager: bool) -> str:
    """A photo alone in its paragraph: a figure, its Markdown title the caption."""
    src, alt, title = parts
    caption = title or ""
    attributes = [("src", src), ("alt", alt)]
    if info is not None:
        attributes[0] = ("src", info.src)
        attributes += [
            ("srcset", info.srcset),
            ("sizes", SIZES),
            ("width", str(info.width)),
            ("height", str(info.height)),
            (SIZED, ""),
        ]
    attributes += [("loading", "eager" if eager else "lazy"), ("decoding", "async")]
    written = "".join(
        f' {name}="{_escape_attrib_html(value)}"' for name, value in sorted(attributes)
    )  # the stock serialiser writes attributes in name order
    captioned = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure><img{written}>{captioned}</figure>"
