"""A Hugo post's old addresses (its own, by [permalinks], and aliases) and its new one."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from collections.abc import Mapping

from publish.config import Config
from publish.errors import Problem
from publish.fields import DATE_PREFIX, Collector, aliases, parse_datetime
from publish.migrate.hugo_source import Source, Tell, strings
from publish.text import nfc


def new_address(date: dt.datetime, target: str) -> str:
    """The bulletin's address here (see Bulletin.url): /YYYY/MM/<slug>/."""
    slug = DATE_PREFIX.sub("", posixpath.basename(target).removesuffix(".md"))
    return f"/{date.year}/{date.month:02d}/{slug}/"


def old_addresses(
    source: Source,
    permalinks: Mapping[str, str],
    remove_accents: bool,
    tell: Tell,
    config: Config,
    *,
    ugly: bool | Mapping[str, bool] = False,
    keep_case: bool = False,
    prefix: str = "",
) -> list[str]:
    """The post's addresses on the Hugo site (its own, by `permalinks`, its `aliases`), each one
    this tool can make a redirect page for; the others told. `ugly`: Hugo's uglyURLs (for the
    site, or by section); `keep_case`: its disablePathToLower; `prefix`: its language's ("/en"),
    which Hugo puts before the address it makes, not before `url` or `aliases`."""
    slug = source.get("slug") if isinstance(source.get("slug"), str) else None
    url = source.get("url")
    top = source.section.split("/")[0]
    if isinstance(url, str) and url.strip():
        own = url.strip()  # as written: Hugo takes it whole
    else:
        if top in permalinks:
            own = _permalink(permalinks[top], source, config, remove_accents)
        else:
            parts = [source.section, slug or source.stem]
            own = "/" + "/".join(p.strip("/") for p in parts if p) + "/"
        # Hugo lowercases the whole address it makes (section folders too), unless
        # disablePathToLower; [permalinks] values were lowercased by _permalink's words only.
        own = _hugo_path(own, remove_accents, lower=not keep_case)
        if (ugly.get(top, False) if isinstance(ugly, Mapping) else ugly) and own.endswith("/"):
            own = own.rstrip("/") + ".html"  # uglyURLs: /posts/abc.html, not /posts/abc/
        own = prefix + own
    written = [own, *strings(source.get("aliases"))]
    problems: list[Problem] = []
    kept = aliases(Collector("", problems), {"aliases": written}, config)
    for problem in problems:
        tell(
            problem.message + ": địa chỉ cũ này không được chuyển sang bài",
            "Nhờ người quản trị máy chủ chuyển hướng địa chỉ đó, nếu đã chia sẻ hay in mã QR.",
            key="aliases",
        )
    return list(kept)


PERMALINK_RE = re.compile(
    r":(slugorcontentbasename|slugorfilename|contentbasename|filename|section|title|slug|year"
    r"|month|day)"
)
"""Hugo's permalink tokens, longer first (":slugorfilename" is not ":slug" + "orfilename")."""


def _permalink(pattern: str, source: Source, config: Config, remove_accents: bool) -> str:
    """Hugo's address of a post by a [permalinks] pattern (/:year/:month/:slug/)."""
    date = parse_datetime(source.get("date"), config.tz) or dt.datetime(1970, 1, 1)
    slug = source.get("slug") if isinstance(source.get("slug"), str) else None
    title = source.get("title") if isinstance(source.get("title"), str) else source.stem

    def hugo(name: str) -> str:
        """A name as Hugo writes it in an address (lowercased, or not, with the whole one)."""
        return _hugo_path(name, remove_accents, lower=False)

    values = {
        "year": f"{date:%Y}",
        "month": f"{date:%m}",
        "day": f"{date:%d}",
        "slug": hugo(slug or title),
        "title": hugo(title),
        "filename": hugo(source.stem),
        "contentbasename": hugo(source.stem),
        "section": source.section.split("/")[0],
        "slugorfilename": hugo(slug or source.stem),
        "slugorcontentbasename": hugo(slug or source.stem),
    }
    return PERMALINK_RE.sub(lambda m: values[m[1]], pattern)


def _hugo_path(name: str, remove_accents: bool, *, lower: bool = True) -> str:
    """`name` as Hugo puts it in an address (its urlize): spaces and runs of them one '-',
    other punctuation dropped, letters kept with their tone marks (an address here cannot
    have them: such an old address is told, not redirected) unless removePathAccents, and
    lowercased unless `lower` is False (disablePathToLower)."""
    if remove_accents:
        name = unicodedata.normalize(
            "NFC",
            "".join(
                c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn"
            ),
        )
    out: list[str] = []
    hyphen = False
    for at, char in enumerate(name):
        kept = char in "./\\_#+~-@" or char.isalpha() or char.isdigit()
        kept = kept or unicodedata.category(char).startswith("M")
        kept = kept or (
            char == "%" and bool(re.fullmatch(r"[0-9A-Fa-f]{2}", name[at + 1 : at + 3]))
        )
        if kept:
            if hyphen and out[-1] != "-":
                out.append("-")
            hyphen = False
            out.append(char)
        elif out and (char == "-" or char.isspace()):
            hyphen = True
    made = "".join(out)
    return nfc(made.lower() if lower else made)
