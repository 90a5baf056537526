"""Pages that name a police unit other than the one site.toml names.

A unit that copies the sample project by hand (or a unit renamed by the 2025 reorganisation)
keeps the pages it started from: about, contact, report. Their text is valid, so nothing else
notices that the website would tell readers to call another unit's hotline at another unit's
address. A note names each such page and its lines; a page may rightly name a neighbouring
unit, so it is a note, not a warning that stops --strict.
"""

from __future__ import annotations

import re

from publish.config import Config
from publish.fields import Collector
from publish.frontmatter import Parsed
from publish.markdown_comments import shown_body
from publish.text import nfc

__all__ = ["LINES_LISTED", "check"]

LINES_LISTED = 10
"""How many lines one note names; the count says how many more there are."""
_UNIT_RE = re.compile(
    r"\bCông an (xã|phường|thị trấn|thị xã|huyện|quận|đặc khu)((?:[ \t]+[^\W\d_][\w-]*)+)"
)
"""A unit below the province, then the words that may be its name (the capitalised ones are)."""


def check(col: Collector, parsed: Parsed, config: Config) -> None:
    """One note naming the units other than site.toml's [unit] a page's title, summary or
    shown body names, and their lines."""
    own = nfc(f"{config.unit.name} {config.unit.short_name}").casefold()
    found: dict[str, list[int]] = {}
    front = parsed.yaml_text.split("\n")
    body = shown_body(parsed.body) if "<!--" in parsed.body else parsed.body
    numbered = [(i, line) for i, line in enumerate(front, start=2)]
    numbered += [(parsed.body_line + i, line) for i, line in enumerate(body.split("\n"))]
    for number, line in numbered:
        if "Công an" not in line or (number <= len(front) + 1 and line.lstrip().startswith("#")):
            continue  # nearly every line; or a YAML comment, which no reader sees
        for match in _UNIT_RE.finditer(nfc(line)):
            name = _name(match)
            if name and name.casefold() not in own:
                lines = found.setdefault(name, [])
                if not lines or lines[-1] != number:
                    lines.append(number)
    if not found:
        return
    first = min(lines[0] for lines in found.values())
    named = "; ".join(f"«{name}» ({_where(lines)})" for name, lines in found.items())
    col.add(
        f"trang nhắc đơn vị khác với đơn vị trong site.toml («{config.unit.name}»): {named}",
        line=first,
        hint="Trang chép từ dự án mẫu hay của đơn vị trước khi sáp nhập thì viết lại cho đơn vị "
        "(tên, địa chỉ, số điện thoại); nhắc đơn vị khác là đúng ý thì để nguyên.",
        severity="note",
    )


def _name(match: re.Match[str]) -> str:
    """The unit a match names, "Công an huyện Châu Thành": its level and the capitalised
    words right after it; "" when no capitalised word follows ("Công an xã nơi gần nhất")."""
    words = []
    for word in match.group(2).split():
        if not word[0].isupper():
            break
        words.append(word)
    return f"Công an {match.group(1)} {' '.join(words)}" if words else ""


def _where(lines: list[int]) -> str:
    """ "dòng 4, 9" for the lines of one name, at most LINES_LISTED of them."""
    listed = ", ".join(str(line) for line in lines[:LINES_LISTED])
    more = len(lines) - LINES_LISTED
    return f"dòng {listed}" + (f" và {more} dòng khác" if more > 0 else "")
