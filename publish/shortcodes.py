"""Hugo and WordPress shortcodes left in a body by a migration: this tool renders none of them,
so each one would show as typed on the website and in Zalo, and keep the bulletin off the air."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from publish.fields import Collector
from publish.frontmatter import Parsed
from publish.html_img import img_tags, with_img_tags
from publish.markdown_code import masked
from publish.markdown_comments import blanked, uncommented

__all__ = ["Ref", "Shortcode", "blanked_out", "check", "markdown", "markup", "spans"]

HUGO_RE = re.compile(r"\{\{([<%])\s*(/?)\s*([A-Za-z][\w.-]*)([^{}]{0,500}?)\s*/?\s*[>%]\}\}")
"""`{{< figure src="a.jpg" >}}`, `{{% notice %}}`, `{{< /notice >}}`; no braces inside, so a
scan never runs past the next shortcode (linear time on any body)."""
WORDPRESS_NAMES = "caption|wp_caption|gallery|embed|video|audio|playlist|youtube"
WORDPRESS_RE = re.compile(
    r"\[(/?)("
    + WORDPRESS_NAMES
    + r")((?>(?:\s+[\w-]+=(?>\"[^\"]{0,300}\"|'[^']{0,300}'|[^\s\]]{1,300}))*))\s*\]"
)
"""`[caption id="attachment_1" align="aligncenter"]`, `[/caption]`, `[gallery ids="1,2"]`;
lowercase only: a Vietnamese headline's "[Video]" is text. Atomic values and an atomic
repeat: a value read one way is never read another, so a crafted body takes linear time."""
REFERENCE_RE = re.compile(r" {0,3}\[[^\]]{1,999}\]:")
"""A link reference definition's start, up to its address (`[1]: `)."""
HREF_RE = re.compile(r"""\bhref\s*=\s*["']?\Z""", re.IGNORECASE)
LINK_LOOKBACK = 300
"""How far before a shortcode `_linked` looks (bounded: linear time on any body)."""
MAX_INNER = 2000
"""Longest text between `[caption …]` and `[/caption]` read for the hint."""
ATTR_RE = re.compile(r"([\w-]+)=(?:\"([^\"]*)\"|'([^']*)'|(\S+))")
POSITIONAL_RE = re.compile(r"^\s*(?:\"([^\"]*)\"|(\S+))")
CONTAINER_RE = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*")
"""What a line may hold before a block: quote markers and indentation."""
QUOTE_MARKS_RE = re.compile(r"(?:[ \t]*>)*")
NOTICES = frozenset(
    [
        "notice",
        "alert",
        "admonition",
        "note",
        "tip",
        "warning",
        "info",
        "callout",
        "hint",
        "important",
        "caution",
    ]
)
EMBEDS = {"tweet": "X (Twitter)", "x": "X (Twitter)", "instagram": "Instagram", "gist": "GitHub"}
Ref = Callable[[str, bool], str | None]
"""A `{{< ref >}}` target and whether it stands alone → the Markdown to write, or None."""
MAX_DEPTH = 4
"""Deepest shortcode inside a shortcode's content that `spans` reads (a notice in a notice)."""
MAX_REPORTED = 20
"""Shortcodes of one file told one by one; the rest in one line (an export full of them would
bury every other message)."""


@dataclass(frozen=True, slots=True)
class Shortcode:
    """One shortcode of a body: where it starts and ends (its closing tag included when it has
    one), its name, its settings and the text it encloses."""

    start: int
    end: int
    shown: str
    """The opening tag as written."""
    name: str
    args: str
    inner: str | None
    """The text up to its closing tag, None when it has none."""
    wordpress: bool
    linked: bool = False
    """Whether it stands where a link's address goes (`[text](here)`, `href="here"`)."""
    prefix: str | None = ""
    """What its line holds before it when that is only quote markers and indentation (`> `,
    `  ` in a list item), which its content's lines repeat; None when text comes first."""
    text_before: bool = False
    """Whether the line above holds text (besides `prefix`): a notice is set apart from it."""
    text_after: bool = False
    """Whether the line after its end holds text (besides `prefix`)."""


def check(col: Collector, parsed: Parsed) -> None:
    """Report, as an error with its line and the Markdown to write instead, each shortcode in
    the body (not in code, which shows as typed on purpose)."""
    body = parsed.body
    if "{{" not in body and "[" not in body:
        return
    text = masked(body)
    if "<!--" in text:
        text = uncommented(text)
    line, counted, reported = parsed.body_line, 0, 0
    more: list[int] = []
    for start, shown, hint in sorted(_found(text), key=lambda found: found[0]):
        line += text.count("\n", counted, start)  # from the last one: linear in the body
        counted = start
        if reported == MAX_REPORTED:
            more.append(line)
            continue
        reported += 1
        col.add(
            f"công cụ này không hiểu mã ngắn (shortcode) «{_short(shown)}»: website và Zalo sẽ "
            "hiện nguyên dòng chữ này, kênh phát thanh bỏ cả bài",
            line=line,
            hint=hint,
        )
    if more:
        col.add(
            f"còn {len(more):,} mã ngắn khác".replace(",", ".")
            + f" (dòng {more[0]}–{more[-1]}), không kể ra từng cái",
            line=more[0],
            hint="Sửa những mã ngắn đã kể ở trên theo cách đã nói, rồi chạy lại để xem phần còn lại.",
        )


def _found(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, text, hint) of each shortcode that opens something (or stands alone)."""
    opened = {m[3] for m in HUGO_RE.finditer(text) if not m[2]}
    for m in HUGO_RE.finditer(text):
        name, args = m[3], m[4]
        if m[2] and name in opened:
            continue  # the opening one is reported, with what to do about the pair
        yield m.start(), m[0], _hugo_hint(name.lower(), args, closed=bool(m[2]))
    tags = list(WORDPRESS_RE.finditer(text))
    wp_opened = {m[2] for m in tags if not m[1]}
    for m, end, _ in _pairs(tags, 1, 2):
        name, attrs = m[2], m[3]
        if m[1]:
            if name not in wp_opened:
                yield m.start(), m[0], _wordpress_hint(name, "", "")
            continue
        if not attrs and end < 0:
            continue  # "[video]" with neither settings nor a closing tag may be plain text
        # A caption is one image and a line of text: a longer span is not read (openings that
        # share one far closing tag would each read all of it).
        inner = text[m.end() : end] if 0 <= end - m.end() <= MAX_INNER else ""
        yield m.start(), m[0], _wordpress_hint(name, attrs, inner)


def _attrs(args: str) -> dict[str, str]:
    """Named arguments of a shortcode (`src="a.jpg"`), by lowercase name."""
    return {
        m[1].lower(): next(v for v in m.groups()[1:] if v is not None)
        for m in ATTR_RE.finditer(args)
    }


def _positional(args: str) -> str:
    """The first argument when it is not named (`{{< youtube ID >}}`, `{{< ref "a.md" >}}`)."""
    m = POSITIONAL_RE.match(args)
    if m is None or "=" in (m[2] or ""):
        return ""
    return m[1] if m[1] is not None else m[2]


def _image_line(src: str, alt: str, caption: str) -> str:
    """The Markdown of one image with its description and caption."""
    title = caption.replace('"', '\\"')
    return f"![{alt or caption or 'Mô tả ảnh'}]({src or 'images/ten-anh.jpg'}" + (
        f' "{title}")' if title else ")"
    )


def spans(body: str) -> list[Shortcode]:
    """The shortcodes of `body` outside code, in order, a pair with its content as one; one
    inside another's content is not listed (see `markdown`, which converts that content). Not
    in code, nor in a comment the website hides (`check` reports none there either)."""
    text = masked(body)
    if "<!--" in text:
        text = uncommented(text)
    # (start, end, tag, wordpress, where the content ends or -1): the content is cut from the
    # body only for those listed, or n openings before their closings held n copies of it.
    found: list[tuple[int, int, re.Match[str], bool, int]] = []
    for m, close, close_end in _pairs(list(HUGO_RE.finditer(text)), 2, 3):
        if m[0][:-2].rstrip(">%").rstrip().endswith("/"):  # {{< gallery … />}}
            close = -1
        found.append((m.start(), close_end if close >= 0 else m.end(), m, False, close))
    found += _wordpress(text)
    found.sort(key=lambda f: f[0])
    outer: list[Shortcode] = []
    line_start = 0
    for start, end, m, wordpress, close in found:
        if outer and start < outer[-1].end:
            continue
        # From the last one's line on: one long line of shortcodes is read once, not once each.
        line_start = body.rfind("\n", line_start, start) + 1 or line_start
        inner = body[m.end() : close] if close >= 0 else None
        name, args = (m[2], m[3]) if wordpress else (m[3], m[4])
        linked = _linked(text, start)
        setting = _setting(body, line_start, start, end)
        outer.append(Shortcode(start, end, m[0], name, args, inner, wordpress, linked, *setting))
    return outer


def _setting(body: str, line_start: int, start: int, end: int) -> tuple[str | None, bool, bool]:
    """The `prefix`, `text_before` and `text_after` of a shortcode from `start` to `end` on the
    line starting at `line_start`."""
    if not CONTAINER_RE.fullmatch(body, line_start, start):
        return None, False, False
    above_end = max(line_start - 1, 0)
    above = body[body.rfind("\n", 0, above_end) + 1 : above_end]
    below_start = body.find("\n", end) + 1
    below_end = body.find("\n", below_start) if below_start else -1
    below = body[below_start : below_end if below_end >= 0 else len(body)] if below_start else ""
    return body[line_start:start], _holds_text(above), _holds_text(below)


def _holds_text(line: str) -> bool:
    """Whether `line` holds more than quote markers and spaces."""
    marks = QUOTE_MARKS_RE.match(line)
    return bool(line[marks.end() if marks else 0 :].strip())


def _linked(text: str, start: int) -> bool:
    """Whether what starts at `start` is a link's address: after `[text](`, `[1]: ` or
    `href="`, each maybe with spaces and a `<` between."""
    before = text[max(0, start - LINK_LOOKBACK) : start]
    head = before.removesuffix("<").rstrip()
    if head.endswith("]("):
        return True
    if head.endswith("]:"):
        return bool(REFERENCE_RE.fullmatch(head[head.rfind("\n") + 1 :]))
    return bool(HREF_RE.search(before[-40:]))


def _wordpress(text: str) -> list[tuple[int, int, re.Match[str], bool, int]]:
    """The WordPress shortcodes of `text` (a body with its code masked), nested ones too, as
    `spans` lists them: (start, end, tag, True, where the content ends or -1)."""
    found: list[tuple[int, int, re.Match[str], bool, int]] = []
    for m, close, close_end in _pairs(list(WORDPRESS_RE.finditer(text)), 1, 2):
        if not m[1] and not m[3] and close < 0:
            continue  # "[video]" with neither settings nor a closing tag may be plain text
        upto = close if 0 <= close - m.end() <= MAX_INNER else -1
        found.append((m.start(), close_end if close >= 0 else m.end(), m, True, upto))
    return found


def _pairs(
    tags: list[re.Match[str]], slash: int, name: int
) -> list[tuple[re.Match[str], int, int]]:
    """Each of `tags` with where the next closing tag of its name (group `name`) starts and
    ends, (-1, -1) when it is a closing tag itself (group `slash`) or has none."""
    # Each name's closing tags listed once: one search per opening tag was quadratic on a body
    # of thousands of "[caption]".
    closings: dict[str, list[int]] = {}
    ends: dict[int, int] = {}
    for m in tags:
        if m[slash]:
            closings.setdefault(m[name], []).append(m.start())
            ends[m.start()] = m.end()
    paired = []
    for m in tags:
        close = -1 if m[slash] else _next(closings.get(m[name], []), m.end())
        paired.append((m, close, ends.get(close, -1)))
    return paired


def markup(body: str) -> list[tuple[int, int]]:
    """(start, end) of the text of `body` that is shortcodes `check` reports, in order and
    apart: each Hugo tag, and each WordPress shortcode whole (its content is an image or an
    address, which the Markdown `check` asks for replaces). The text between a Hugo pair's
    tags (a notice's) is the bulletin's own. Not in code, nor in a comment the website hides."""
    if "{{" not in body and "[" not in body:
        return []
    text = masked(body)
    if "<!--" in text:
        text = uncommented(text)
    found = sorted(
        [m.span() for m in HUGO_RE.finditer(text)]
        + [(start, end) for start, end, *_ in _wordpress(text)]
    )
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))  # a caption in a caption
        else:
            merged.append((start, end))
    return merged


def _next(positions: list[int], after: int) -> int:
    """The first of sorted `positions` at or after `after`, -1 when none."""
    at = bisect.bisect_left(positions, after)
    return positions[at] if at < len(positions) else -1


def markdown(code: Shortcode, ref: Ref = lambda target, bare: None, depth: int = 0) -> str | None:
    """The Markdown that shows what `code` (with its content) meant, None when it cannot be told
    from the shortcode alone. `ref` writes the link to the file a `{{< ref >}}` target became:
    a path in a link's address, a whole link where the ref stands alone (`bare`)."""
    attrs = _attrs(code.args)
    if code.wordpress:
        return _wordpress_markdown(code.name, attrs, code.inner or "")
    name = code.name.lower()
    first = attrs.get("id") or _positional(code.args)
    if name == "figure" and attrs.get("src"):
        return _image_line(attrs["src"], attrs.get("alt", ""), attrs.get("caption", ""))
    if name in ("youtube", "vimeo") and first:
        url = (
            f"https://www.youtube.com/watch?v={first}"
            if name == "youtube"
            else f"https://vimeo.com/{first}"
        )
        return f"[Xem video]({url})"
    if name in ("ref", "relref"):
        return ref(attrs.get("path") or _positional(code.args), not code.linked)
    if code.inner is None or depth >= MAX_DEPTH:
        return _embed_link(name, attrs, first) if name in EMBEDS else None
    inner = converted(code.inner, ref, depth + 1)
    if inner is None:
        return None
    if name in NOTICES:
        return _notice(inner, code)
    if name == "highlight":
        return f"```{first}\n{code.inner.strip(chr(10))}\n```"
    return None


def _notice(inner: str, code: Shortcode) -> str:
    """A notice as a quote starting «Lưu ý:», written where `code` stands: inside a quote or a
    list item its lines keep the container's markers and no second `>` is added (`> > ` is not
    what an editor writes), and a line of text above or below is set apart by an empty line,
    as Hugo's box was (else the quote ran on into that text)."""
    lead = code.prefix or ""
    lines = [_unprefixed(line, lead) for line in inner.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    lines = [line.strip() if i == 0 else line for i, line in enumerate(lines or [""])]
    lines[0] = f"**Lưu ý:** {lines[0]}".rstrip()
    if ">" not in lead:
        lines = [f"> {line}".rstrip() for line in lines]
    gap = lead.rstrip()
    written = "\n".join([lines[0], *(f"{lead}{line}".rstrip() or gap for line in lines[1:])])
    if code.prefix is None:  # after text on its line: the quote is a block of its own
        return f"\n\n{written}\n\n"
    if code.text_before:
        written = f"\n{lead}{written}"
    if code.text_after:
        written += f"\n{gap}"
    return written


def _unprefixed(line: str, lead: str) -> str:
    """`line` of a shortcode's content without the container markers `lead` it repeats."""
    if line.startswith(lead):
        return line[len(lead) :]
    return line[len(lead.rstrip()) :] if line.startswith(lead.rstrip()) and lead.strip() else line


def splice(before: str, written: str) -> str:
    """`before` (the body up to a shortcode) and what the shortcode became: a line left holding
    only a quote marker by a notice set apart (`> ` then a line break), or text before a notice
    that starts a block, loses its last spaces."""
    if written.startswith("\n\n"):  # a block after text on its line: no space ends that line
        return before.rstrip(" \t") + written
    if written.startswith("\n"):
        line = before[before.rfind("\n") + 1 :]
        if CONTAINER_RE.fullmatch(line):
            return before[: len(before) - len(line)] + line.rstrip() + written
    return before + written


def converted(body: str, ref: Ref = lambda target, bare: None, depth: int = 0) -> str | None:
    """`body` with every shortcode written as Markdown, None when one cannot be."""
    out, at = [], 0
    for code in spans(body):
        written = markdown(code, ref, depth)
        if written is None:
            return None
        out.append(splice(body[at : code.start], written))
        at = code.end
    return "".join(out) + body[at:]


def _embed_link(name: str, attrs: dict[str, str], first: str) -> str | None:
    """A link to a post embedded from X, Instagram or GitHub, when its address can be told."""
    user = attrs.get("user", "")
    if name in ("tweet", "x") and first:
        url = f"https://x.com/{user}/status/{first}" if user else f"https://x.com/i/status/{first}"
    elif name == "instagram" and first:
        url = f"https://www.instagram.com/p/{first}/"
    elif name == "gist" and user and first:
        url = f"https://gist.github.com/{user}/{first}"
    else:
        return None
    return f"[Xem bài gốc trên {EMBEDS[name]}]({url})"


def _hugo_hint(name: str, args: str, *, closed: bool) -> str:
    """What to write instead of one Hugo shortcode."""
    attrs = _attrs(args)
    written = markdown(Shortcode(0, 0, "", name, args, None, wordpress=False))
    if name == "figure":
        line = written or _image_line("", attrs.get("alt", ""), attrs.get("caption", ""))
        return f"Viết ảnh bằng Markdown, thay cả dòng này bằng: {line}"
    if name in ("youtube", "vimeo") and written:
        return f"Viết liên kết tới video, thay cả dòng này bằng: {written}"
    if name in ("ref", "relref"):
        target = (attrs.get("path") or _positional(args)).rsplit("/", 1)[-1]
        return (
            f"Liên kết tới bản tin khác bằng tên tệp của nó: thay «{{{{< {name} … >}}}}» bằng "
            f"{target or 'ten-tep.md'}, ví dụ [Xem bài trước]({target or 'ten-tep.md'})."
        )
    if name in NOTICES:
        return (
            "Viết thành trích dẫn: mỗi dòng nội dung bắt đầu bằng '> ' (ví dụ > **Lưu ý:** …), "
            f"rồi xóa dòng mở và dòng đóng {name}."
        )
    if name == "gallery":
        return "Viết mỗi ảnh một dòng: ![Mô tả ảnh](images/ten-anh.jpg), rồi xóa dòng này."
    if name in EMBEDS:
        return f"Dán liên kết tới bài gốc trên {EMBEDS[name]}: [Xem bài gốc](địa chỉ), rồi xóa dòng này."
    if name == "highlight":
        return (
            "Viết đoạn mã giữa hai dòng ``` (hoặc bỏ đi), rồi xóa dòng mở và dòng đóng highlight."
        )
    return "Viết thẳng nội dung cần hiện bằng Markdown (công cụ này không chạy mã ngắn của Hugo), hoặc xóa đoạn này."


def _wordpress_markdown(name: str, attrs: dict[str, str], inner: str) -> str | None:
    """The Markdown of a WordPress caption or embed (`inner`: its content), None for others."""
    if name in ("caption", "wp_caption"):
        img = next(img_tags(inner), None)
        found = _attrs(inner[img[0] : img[1]]) if img else {}
        caption = " ".join(_without_img_tags(inner).split()) or attrs.get("caption", "")
        if not found.get("src"):
            return None
        return _image_line(found["src"], found.get("alt", ""), caption)
    if name == "embed" and inner.strip():
        return f"[Xem tại đây]({inner.strip()})"
    return None


def _without_img_tags(text: str) -> str:
    """`text` with a space for each <img> tag: the caption of a WordPress [caption]."""
    return with_img_tags(text, lambda start, end: " ")


def _wordpress_hint(name: str, attrs: str, inner: str) -> str:
    """What to write instead of one WordPress shortcode (and its content up to the closing tag)."""
    written = _wordpress_markdown(name, _attrs(attrs), inner)
    if name in ("caption", "wp_caption"):
        line = written or _image_line("", "", " ".join(_without_img_tags(inner).split()))
        return f"Thay cả khối [{name}]…[/{name}] bằng ảnh Markdown: {line}"
    if name == "embed" and written:
        return f"Thay cả khối [embed]…[/embed] bằng liên kết: {written}"
    if name == "gallery":
        return "Viết mỗi ảnh một dòng: ![Mô tả ảnh](images/ten-anh.jpg), rồi xóa dòng này."
    return "Viết thẳng nội dung cần hiện bằng Markdown (ảnh: ![Mô tả ảnh](images/ten-anh.jpg), liên kết: [chữ](địa chỉ)), rồi xóa mã ngắn này."


def _short(shown: str) -> str:
    """A shortcode as quoted in a message: on one line, at most 80 characters."""
    flat = " ".join(shown.split())
    return flat if len(flat) <= 80 else flat[:79] + "…"


def blanked_out(body: str) -> str:
    """`body` with its shortcodes blanked out, line breaks kept: what the radio reads of it (the
    load reports each shortcode as an error with the Markdown to write; their fragments, `{{<`,
    `src="/images`, read or flagged one by one, would bury that one error)."""
    found = markup(body)
    return blanked(body, found) if found else body
