"""Pages, site.toml texts and the default cover that name a police unit other than the one
site.toml names.

A unit that copies the sample project by hand (or a unit renamed by the 2025 reorganisation)
keeps the pages it started from: about, contact, report, and site.toml's texts (title,
descriptions, the radio's intro and outro). Their text is valid, so nothing else notices that
the website would tell readers to call another unit's hotline at another unit's address. A
note names each such file and its lines; a text may rightly name a neighbouring unit, so it is
a note, not a warning that stops --strict. The sample's default cover is another matter: it
has «Công an huyện Châu Thành» printed on it, which is never right for another unit.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from publish.cache import file_sha256
from publish.config import CONFIG_NAME, Config
from publish.config_files import DEFAULT_COVER
from publish.errors import Problem
from publish.fields import Collector
from publish.frontmatter import Parsed
from publish.markdown_comments import shown_body
from publish.text import fold, line_numbers, nfc

__all__ = [
    "LINES_LISTED",
    "SAMPLE_COVER_SHA256",
    "SAMPLE_UNIT_SHA256",
    "check",
    "sample_cover",
    "site_toml",
]

LINES_LISTED = 10
"""How many lines one note names; the count says how many more there are."""
_UNIT_RE = re.compile(
    r"\bCông an (xã|phường|thị trấn|thị xã|huyện|quận|đặc khu)((?:[ \t]+[^\W\d_][\w-]*)+)"
)
"""A unit below the province, then the words that may be its name (the capitalised ones are)."""
_PLAIN_RE = re.compile(
    r"\bCong an (xa|phuong|thi tran|thi xa|huyen|quan|dac khu)((?:[ \t]+[^\W\d_][\w-]*)+)"
)
"""`_UNIT_RE` typed without marks («Cong an huyen Chau Thanh»), as on an English page."""
_ENGLISH_RE = re.compile(
    r"((?:[A-Z][\w'-]*[ \t]+){1,4})(District|Commune|Ward|Town|Township|City|Province|Provincial"
    r"|Special[ \t]+Zone)[ \t]+Police\b"
)
"""A unit's English name: up to four capitalised words, its level, «Police» («Chau Thanh
District Police», «Dong Thap Provincial Police»)."""
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "Of",
        "And",
        "Or",
        "To",
        "At",
        "By",
        "For",
        "From",
        "In",
        "On",
        "With",
        "Our",
        "Your",
        "Its",
        "This",
        "That",
        "Every",
        "Each",
        "Both",
        "Contact",
        "Call",
        "Visit",
        "Ask",
        "Please",
        "Near",
        # A sentence's time or a heading's first word before the name («On Monday Chau Thanh
        # District Police …», «Warning From …»): the place is named exactly, without them.
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Today",
        "Tonight",
        "Yesterday",
        "Tomorrow",
        "Last",
        "Next",
        "Earlier",
        "Recently",
        "Meanwhile",
        "Also",
        "Then",
        "After",
        "Before",
        "Since",
        "When",
        "While",
        "Warning",
        "Alert",
        "Notice",
        "News",
        "Update",
        "Breaking",
        "Report",
        "Announcement",
        "Thanks",
        "Thank",
        "Dear",
    ]
)
"""Capitalised words before a unit's English name that are no part of it."""
_LEVELS = {
    **dict.fromkeys(("huyen", "quan", "district"), "district"),
    **dict.fromkeys(("xa", "commune"), "commune"),
    **dict.fromkeys(("phuong", "ward"), "ward"),
    **dict.fromkeys(("thi tran", "thi xa", "town", "township"), "town"),
    **dict.fromkeys(("thanh pho", "city"), "city"),
    **dict.fromkeys(("tinh", "province", "provincial"), "province"),
    **dict.fromkeys(("dac khu", "special zone"), "zone"),
}
"""Each level, Vietnamese (folded) or English, as one key: «huyện» is the «District»."""
_OWN_RE = re.compile(
    r"\b(xa|phuong|thi tran|thi xa|huyen|quan|thanh pho|tinh|dac khu) ([^\W\d_]+(?: [^\W\d_]+)*)"
)
"""A level and its place's name in folded [unit] name or area («phuong hoa khanh»)."""
_DISTRICT_RADIO_RE = re.compile(r"\bTruyền thanh (?:huyện|quận)\b")
"""The district's radio station of the sample's intro: there are no districts since 1/7/2025."""
SAMPLE_COVER_SHA256 = "fbedc3b59d16dc7a627e0120cd700aac8190172aaa4a81dde2e88a0afb7dbb7a"
"""The digest of the sample project's content/images/default-cover.jpg. A digest, not the
file: the tool installed from a wheel has no sample project to compare with, and the name
printed on the picture cannot be read from its pixels."""
SAMPLE_UNIT_SHA256 = "99b2b45670229fd6bee76571230dd72c21185a6dc23136e1ff16d587033aca4c"
"""The digest of the sample's [unit] name (NFC, casefolded), whose cover it is: a digest,
since no string of the package names the sample unit (tests/test_code_quality.py)."""


def check(col: Collector, parsed: Parsed, config: Config) -> None:
    """One note naming the units other than site.toml's [unit] a page's title, summary or
    shown body names, and their lines."""
    front = parsed.yaml_text.split("\n")
    body = shown_body(parsed.body) if "<!--" in parsed.body else parsed.body
    # A YAML comment is no reader's text.
    numbered = [(i, line) for i, line in enumerate(front, start=2) if not _comment(line)]
    numbered += [(parsed.body_line + i, line) for i, line in enumerate(body.split("\n"))]
    found = _other_units(numbered, config)
    if not found:
        return
    first = min(lines[0] for lines in found.values())
    named = "; ".join(
        f"«{name}» ({line_numbers(lines, LINES_LISTED)})" for name, lines in found.items()
    )
    col.add(
        f"trang nhắc đơn vị khác với đơn vị trong site.toml («{config.unit.name}»): {named}",
        line=first,
        hint="Trang chép từ dự án mẫu hay của đơn vị trước khi sáp nhập thì viết lại cho đơn vị "
        "(tên, địa chỉ, số điện thoại); nhắc đơn vị khác là đúng ý thì để nguyên.",
        severity="note",
    )


def site_toml(config: Config) -> list[Problem]:
    """A note naming the units other than [unit] that site.toml's texts (title, descriptions,
    contact, the radio's intro and outro…) name, and their lines."""
    try:
        text = (config.root / CONFIG_NAME).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []  # config.load read it a moment ago; a file changed since is its next run's
    lines = [(i, line) for i, line in enumerate(text.splitlines(), start=1) if not _comment(line)]
    found = _other_units(_outside_stations(lines), config)
    if not found:
        return []
    named = "; ".join(
        f"«{name}» ({line_numbers(lines, LINES_LISTED)})" for name, lines in found.items()
    )
    return [
        Problem(
            CONFIG_NAME,
            f"có chữ nhắc đơn vị khác với đơn vị ghi ở [unit] («{config.unit.name}»): {named}",
            line=min(lines[0] for lines in found.values()),
            hint="Chép từ dự án mẫu hay của đơn vị trước khi sáp nhập thì viết lại cho đơn vị "
            "(tên website, mô tả, liên hệ, lời dẫn và lời kết phát thanh); từ 1/7/2025 không còn "
            "cấp huyện. Nhắc đơn vị khác là đúng ý thì để nguyên.",
            severity="note",
        )
    ]


def sample_cover(config: Config, digests: Mapping[str, str]) -> list[Problem]:
    """A warning while [site] default_cover is the sample project's own picture, with the
    sample unit's name printed on it, in another unit's project. `digests`: those the build
    already took, by absolute path (a build reads each image once)."""
    cover = config.site.default_cover
    own = hashlib.sha256(nfc(config.unit.name).casefold().encode()).hexdigest()
    if not cover or own == SAMPLE_UNIT_SHA256:
        return []
    where = config.root / "content" / cover
    # None when it cannot be read: a missing cover is reported by the channels that show it.
    if (digests.get(str(where)) or file_sha256(where)) != SAMPLE_COVER_SHA256:
        return []
    return [
        Problem(
            CONFIG_NAME,
            f"ảnh bìa mặc định content/{cover} vẫn là ảnh của dự án mẫu, có in tên đơn vị mẫu: "
            "đó là ảnh chia sẻ và ảnh bìa Zalo của mọi bản tin không có ảnh riêng",
            DEFAULT_COVER,
            hint=f"Thay content/{cover} bằng ảnh bìa của đơn vị (1200 × 630, giữ tên tệp).",
            severity="warning",
        )
    ]


_STATION_HEADER = re.compile(r"\s*\[\[\s*contact\s*\.\s*stations\s*\]\]")
"""The header of one of the unit's posts in site.toml, [[contact.stations]]."""


def _outside_stations(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines not in a [[contact.stations]] table: a district's posts are its communes'
    police, «Công an xã Tân Phú», named there by design (a page naming them is still noted)."""
    kept = []
    inside = False
    for number, line in numbered:
        if line.lstrip().startswith("["):
            inside = _STATION_HEADER.match(line) is not None
        if not inside:
            kept.append((number, line))
    return kept


def _comment(line: str) -> bool:
    """Whether a YAML or TOML line is a comment, which no reader sees."""
    return line.lstrip().startswith("#")


def _other_units(numbered: list[tuple[int, str]], config: Config) -> dict[str, list[int]]:
    """The units other than site.toml's [unit] the numbered lines name, with their lines."""
    own = nfc(f"{config.unit.name} {config.unit.short_name}").casefold()
    places = _own_places(config)
    found: dict[str, list[int]] = {}
    for number, line in numbered:
        if "Công an" not in line and "Truyền thanh" not in line and not _plain(line):
            continue  # nearly every line
        line = nfc(line)
        names = [_name(match) for match in _UNIT_RE.finditer(line)]
        names += [name for name in _plain_names(line) if not _owned(_place(name), places)]
        if "huyện" not in own and "quận" not in own:
            names += [m.group(0) for m in _DISTRICT_RADIO_RE.finditer(line)]
        for name in names:
            if name and name.casefold() not in own:
                lines = found.setdefault(name, [])
                if not lines or lines[-1] != number:
                    lines.append(number)
    return found


def _plain(line: str) -> bool:
    """Whether `line` may name a unit in English or without marks (cheap: most lines do not)."""
    return "Police" in line or "Cong an" in line


def _own_places(config: Config) -> frozenset[tuple[str, str]]:
    """(level, folded name) of the unit and the places above it its [unit] name, short name and
    area give: «Công an huyện Châu Thành», «tỉnh Đồng Tháp» → district «chau thanh», province
    «dong thap»; their English or unmarked forms are the unit's own."""
    written = fold(nfc(f"{config.unit.name}, {config.unit.short_name}, {config.unit.area}"))
    return frozenset(
        (_LEVELS[match[1]], match[2])
        for piece in written.split(",")
        for match in _OWN_RE.finditer(" ".join(piece.split()))
    )


def _plain_names(line: str) -> list[str]:
    """The units `line` names in English («Chau Thanh District Police») or without marks
    («Cong an huyen Chau Thanh»), as written."""
    names = []
    for match in _PLAIN_RE.finditer(line) if "Cong an" in line else ():
        if name := _name(match):
            names.append(name)
    for match in _ENGLISH_RE.finditer(line) if "Police" in line else ():
        words = match[1].split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        if words:
            names.append(" ".join([*words, *match[2].split(), "Police"]))
    return names


def _place(name: str) -> tuple[str, str]:
    """(level, folded name of the place) of a unit named in English or without marks."""
    words = fold(name).split()
    if words[-1] == "police":
        level = " ".join(words[-3:-1]) if words[-3:-1] == ["special", "zone"] else words[-2]
        return _LEVELS[level], " ".join(words[: -1 - len(level.split())])
    # «cong an huyen chau thanh», «cong an thi tran cai tau ha»: a level of one or two words.
    level = " ".join(words[2:4]) if " ".join(words[2:4]) in _LEVELS else words[2]
    return _LEVELS[level], " ".join(words[2 + len(level.split()) :])


VIETNAMESE_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aeiouy]{1,3}"
    r"(?:ng|nh|ch|[cmnptiouy])?"
)
"""One Vietnamese syllable written without marks («tan», «phu», «dong», «thanh»); English
words before a name mostly are not («monday», «urgent», «local», «january»)."""


def _owned(place: tuple[str, str], places: frozenset[tuple[str, str]]) -> bool:
    """Whether `place` (level, folded name) is one of the unit's own `places`: exactly, or after
    leading words that are no Vietnamese syllable («In January Chau Thanh District Police»,
    «Urgent …»: _plain_names drops only the words it lists). «Tan Phu Dong Commune Police» is
    another commune than Phu Dong: «tan» is a syllable of the name."""
    level, name = place
    words = name.split()
    for start in range(len(words)):
        if (level, " ".join(words[start:])) in places:
            return True
        if VIETNAMESE_SYLLABLE.fullmatch(words[start]):
            return False
    return False


def _name(match: re.Match[str]) -> str:
    """The unit a match names, "Công an huyện Châu Thành": its level and the capitalised
    words right after it; "" when no capitalised word follows ("Công an xã nơi gần nhất")."""
    words = []
    for word in match.group(2).split():
        if not word[0].isupper():
            break
        words.append(word)
    said = " ".join(match[0].split()[:2])  # «Công an», or «Cong an» typed without marks
    return f"{said} {match.group(1)} {' '.join(words)}" if words else ""
