"""The «CẦN BỔ SUNG» marks `publish init` leaves where it did not know the unit's data.

A page or bulletin still holding one would go out with the mark showing, as would a site still
at init's placeholder address: the load warns of each, and under --strict (CI) the run stops
before anything is published, so a new unit cannot go live half filled in.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from publish.config import Config
from publish.errors import Problem
from publish.fields import Collector
from publish.frontmatter import Parsed
from publish.markdown_comments import shown_body
from publish.text import line_numbers, quoted

__all__ = [
    "GUIDE_HOSTS",
    "LINES_LISTED",
    "PLACEHOLDER_DOMAIN",
    "TO_COMPLETE",
    "check",
    "placeholder_address",
]

TO_COMPLETE = "CẦN BỔ SUNG"
"""What `publish init` writes where the unit's data is missing (see publish.commands.init)."""
PLACEHOLDER_DOMAIN = "example"
"""The top-level domain of the address `publish init` writes when it is given none (reserved,
RFC 2606: no one can own it, so nothing is ever published there by mistake)."""
GUIDE_HOSTS = ("example.gov.vn", "example.com", "example.net", "example.org")
"""The hosts README.md, `init --help` and the docs write their sample addresses with
(`--base-url https://example.gov.vn/congan-hoakhanh/`): a unit that copies the command as it is
would publish links to a site that is not its own."""
LINES_LISTED = 10
"""How many lines of marks one note names; the count says how many more there are."""


def check(col: Collector, parsed: Parsed, *, kind: str = "bản tin") -> None:
    """One note naming the lines where the file's front matter values or its shown body
    (not an HTML comment, which no reader sees) still say «CẦN BỔ SUNG»."""
    in_front = TO_COMPLETE in parsed.yaml_text
    if not in_front and TO_COMPLETE not in parsed.body:
        return  # nearly every file: one substring test
    lines = _front_lines(parsed.yaml_text) if in_front else []
    lines += _body_lines(parsed.body, parsed.body_line)
    if not lines:
        return
    col.add(
        f"{kind} còn chữ «{TO_COMPLETE}»{_where(lines)}: thông tin này chưa được điền, đăng lên "
        "thì người đọc thấy nguyên chữ đó",
        line=lines[0],
        hint=f"Thay đoạn ghi «{TO_COMPLETE}» bằng thông tin thật của đơn vị rồi xóa chữ đó; "
        "đoạn nào không cần thì xóa cả đoạn.",
        severity="warning",
    )


def placeholder_address(config: Config) -> list[Problem]:
    """A warning while site.toml's base_url is still init's placeholder, or the guide's sample
    address: feeds, sitemap, share cards and Zalo links would all point at an address that is
    not the unit's."""
    host = (urlsplit(config.base_url).hostname or "").removeprefix("www.")
    if host.endswith(f".{PLACEHOLDER_DOMAIN}"):
        what = "vẫn là địa chỉ tạm {} của publish init"
    elif any(host == guide or host.endswith(f".{guide}") for guide in GUIDE_HOSTS):
        what = "là địa chỉ ví dụ {} chép từ hướng dẫn, không phải website của đơn vị"
    else:
        return []
    return [
        Problem(
            "site.toml",
            what.format(quoted(config.base_url)) + ": liên kết trong feed, sitemap, ảnh chia sẻ "
            "và bài Zalo sẽ trỏ tới một địa chỉ không phải của đơn vị",
            "base_url",
            hint="Ghi địa chỉ thật của website vào base_url trong bảng [site].",
            severity="warning",
        )
    ]


def _where(lines: list[int]) -> str:
    """The lines of the marks after the first (which the note's place names), if any."""
    if len(lines) == 1:
        return ""
    return f" ({line_numbers(lines, LINES_LISTED)})"


def _front_lines(yaml_text: str) -> list[int]:
    """Lines of the front matter (its first is the file's line 2) holding the mark outside a
    YAML comment line."""
    return [
        i
        for i, line in enumerate(yaml_text.split("\n"), start=2)
        if TO_COMPLETE in line and not line.lstrip().startswith("#")
    ]


def _body_lines(body: str, first_line: int) -> list[int]:
    """Lines of the body holding the mark where the website shows it (outside HTML comments;
    code shows as typed, so a mark there counts too)."""
    if TO_COMPLETE not in body:
        return []
    if "<!--" in body:
        # Comments found in the masked body (`<!--` in code is text), blanked in the real one.
        body = shown_body(body)
    lines: list[int] = []
    at, line, counted = body.find(TO_COMPLETE), first_line, 0
    while at >= 0:
        line += body.count("\n", counted, at)
        counted = at
        if not lines or lines[-1] != line:
            lines.append(line)
        at = body.find(TO_COMPLETE, at + len(TO_COMPLETE))
    return lines
