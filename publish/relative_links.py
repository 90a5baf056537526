"""Relative links of a body that name neither a content file (publish.links) nor a file to
download (publish.attachments): `[tải](../../site.toml)`, `[bài](khong-co-bai)`.

The README reads a path that does not start with "/" from the folder of the file it is written
in, as for images and files; the website leaves such a link as written, so the browser reads it
from the page's address instead, where it leads nowhere (a file of the project is never served).
A link written as a page's address (ending with "/": `../../11/ten-bai/`) is the website's own
to judge (publish.linkcheck), and so is one leading from the page's address to a bulletin or
page without its last "/". Any other is an error of the load, found when the file is read and
judged once the whole site is known (a file it names may come or go while the linking file
stays the same): build, check and approve tell it, with the file, line, link and fix.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from publish.attachments import ALLOWED_SUFFIXES, KINDS_SHOWN, is_file_link, links_where
from publish.editor_files import is_clutter
from publish.errors import Problem
from publish.links import (
    CONTACT_SCHEMES,
    CONTENT,
    KEPT_SCHEMES,
    Links,
    Why,
    content_link,
    slashed,
    windows_path,
    windows_told,
)
from publish.misencoded import is_misencoded
from publish.text import nfc, slug_file_name
from publish.title_links import title_key

__all__ = ["RelativeTargets", "leads_to_page", "relative_links"]

_KNOWN_SCHEME = rf"(?i:{'|'.join((*KEPT_SCHEMES, *CONTACT_SCHEMES))}):"
"""Schemes a link may write with a space after the colon (`tel: 113`: Markdown links it); an
app's (`whatsapp: 0912…`) is told by links.dropped_links, no missing file."""
_NOT_A_PATH = rf"(?![#/\\?]|{_KNOWN_SCHEME}|[A-Za-z][A-Za-z0-9+.-]*:(?!\s))"
_MAY_BE_RELATIVE = re.compile(rf"\](?=\(\s*{_NOT_A_PATH}([^\s()]*)(\(?)|:[ \t]*{_NOT_A_PATH}(\S+))")
"""What may start a Markdown link's address that is a path (`](…` or a definition's `]: …`;
not "#…", "/…" nor "https:…"), looked for from each `]` (in a lookahead: one address must not
hide a `](` within it): a body holding none that may be relative (nearly every one: images,
full addresses, site paths) is not parsed. Cut short before a "(", empty, or between angle
brackets (which may not close), or holding code, the address is only a guess: taken as maybe
relative."""
_SCHEME = re.compile(rf"{_KNOWN_SCHEME}|[A-Za-z][A-Za-z0-9+.-]*:(?!\s)")
"""What opens an address (`https:`, `mailto:`, `tel:`) or a Windows drive (`C:`): never a space
after its colon, which a title's word has («Video: Ra quân …», «Clip: …»), but for a known
scheme (`tel: 113`)."""
_ANCHOR = re.compile(r"<[aA]\b")
"""An HTML link's tag (a regex: `in` looked for "<a" and "<A" three times slower)."""
RELATIVE_HINT = (
    "Đường dẫn không bắt đầu bằng / được tính từ thư mục chứa tệp này. Liên kết tới bản tin "
    "hay trang bằng tên tệp .md của nó (ví dụ [xem bài trước](2020-12-08-ten-bai.md)), tới "
    f"tệp để tải về bằng đường dẫn tới tệp (loại tệp được đăng: {KINDS_SHOWN}), tới một trang "
    "của website bằng địa chỉ bắt đầu bằng / (ví dụ [liên hệ](/lien-he/)), tới trang web khác "
    "bằng đủ địa chỉ https://…"
)


def relative_links(body: str, first_line: int) -> Links:
    """Each link (not image) of a body whose first line is `first_line` whose address is a
    relative path the load judges (see is_relative_link), with its line, in the order written."""
    if not _may_link_relative(body):
        return ()
    return tuple(links_where(body, first_line, is_relative_link))


def _may_link_relative(body: str) -> bool:
    """Whether `body` may hold a relative link (see is_relative_link): an HTML link, or a
    Markdown address that is not plainly something else."""
    if _ANCHOR.search(body):
        return True
    for match in _MAY_BE_RELATIVE.finditer(body):
        written = match[1] if match[3] is None else match[3]
        if match[2] or not written or written[0] == "<" or "`" in written:
            return True  # its end unknown, or code within it that the parse does not read
        if match[3] is None and body[match.end(1) : match.end(1) + 1] in (" ", "\t", "\n"):
            return True  # an inline address goes on after a space or line (links._whole_path)
        if is_relative_link(written):
            return True
    return False


def is_relative_link(href: str) -> bool:
    """Whether `href` is a path from the linking file's folder that names neither a content
    file nor a file to download, and is not written as a page's address (see _page_address)."""
    # An address (mailto:, tel:, https:) or a drive («C:\\…», told as a file of this computer)
    # opens with a scheme; a colon after other words is text, a title («Thông báo: họp dân»)
    # the website links as a path. A Hugo or Liquid tag (`{{< ref … >}}`) is told as a
    # shortcode left in the body, once.
    if not href or href.startswith(("#", "/", "\\", "?", "{{", "{%")) or _SCHEME.match(href):
        return False
    if content_link(href) is not None or is_file_link(href):
        return False
    path = _path(href)
    return bool(path) and not _page_address(path)


def _path(href: str) -> str:
    """The path `href` names, as a browser reads it: no #fragment or ?query, unescaped, "\\"
    read as "/"."""
    return nfc(unquote(href.split("#", 1)[0].split("?", 1)[0]).replace("\\", "/"))


def _page_address(path: str) -> bool:
    """Whether `path` is written as the address of a page of the website: ending with "/" (or
    a "." or ".." part), no part a hidden name («.git»), which the website never serves."""
    parts = path.split("/")
    if any(part.startswith(".") and part not in (".", "..") for part in parts):
        return False
    return parts[-1] in ("", ".", "..")


def leads_to_page(href: str, url: str, urls: Collection[str]) -> bool:
    """Whether the relative `href` on the page at site path `url` leads, as a browser reads it
    from there, to one of the pages at `urls` (written without its last "/": "../../11/ten-bai")."""
    if "\\" in href:
        # As the page shows it: «..\\..\\lien-he» is «....\\lien-he», which leads nowhere.
        from publish.markdown_escapes import unescape  # Python-Markdown: only for a «\\»

        href = unescape(href)
    found = posixpath.normpath(posixpath.join(url, _path(href)))
    return found.rstrip("/") + "/" in urls


@dataclass(frozen=True, slots=True)
class RelativeTargets:
    """What a relative link may name, for judging them as a site is loaded."""

    root: Path
    documents: Mapping[str, str]
    """Site path of each loaded bulletin and page, by its file (see Site.documents)."""
    urls: frozenset[str]
    """The site paths of `documents`."""
    titled: Mapping[str, str] = field(default_factory=dict)
    """The file of each loaded bulletin and page, by its title as `title_key` reads it: a
    link written with a title instead of a file's name is told which file to name."""

    @classmethod
    def of(
        cls, root: Path, documents: Mapping[str, str], titled: Mapping[str, str] | None = None
    ) -> RelativeTargets:
        """The targets of the project at `root` whose loaded files are `documents` (`titled`:
        the file of each by its title, title_links.titled_files, when known)."""
        return cls(root, documents, frozenset(documents.values()), titled or {})

    def problems(self, source: str, url: str, links: Sequence[tuple[str, int]]) -> list[Problem]:
        """An error for each relative link of `source` (whose page is at `url`) that leads to
        no bulletin, page or file the website publishes."""
        return [
            self._problem(nfc(source), url, href, line)
            for href, line in links
            if not leads_to_page(href, url, self.urls)
        ]

    def _problem(self, source: str, url: str, href: str, line: int) -> Problem:
        """Why one relative link leads nowhere, as read from the folder of `source`."""
        if windows_path(href):
            # One error naming both mistakes: the «\\» and where the path leads written with
            # «/» (if it leads nowhere so written either).
            fixed = slashed(href)
            why = None if leads_to_page(fixed, url, self.urls) else self._why(source, fixed)
            return windows_told(href, fixed, why, line, source)
        what, hint = self._why(source, href)
        return Problem(source, f"liên kết «{href}» {what}", line=line, hint=hint)

    def _why(self, source: str, href: str) -> Why:
        """Why the relative link `href` of `source` leads nowhere (see _problem)."""
        folder = posixpath.dirname(source)
        target = posixpath.normpath(posixpath.join(folder, _path(href)))
        suggestion = ""
        if not target.startswith(CONTENT):
            what = "trỏ ra ngoài thư mục content/"
        elif hidden := next(
            (p for p in target.removeprefix(CONTENT).split("/") if p.startswith((".", "_"))), ""
        ):
            what = (
                f"dẫn tới {target}, nằm trong «{hidden}», phần của content/ không được đăng "
                "(tên bắt đầu bằng «.» hay «_»)"
            )
        elif os.path.isdir(self.root / target):
            what = f"dẫn tới thư mục {target}: website không có trang nào cho một thư mục"
        elif os.path.lexists(self.root / target):
            what = f"dẫn tới tệp {target}: website không đăng tệp này"
        elif named := self._named_with_hash(folder, href):
            # «<tep/Tin #3.docx>»: the website's link is «tep/Tin #3.docx», which a browser
            # reads as «tep/Tin » and a place «3.docx» in it; «Có phải ý bạn là» repeated it.
            kept = slug_file_name(named)
            what = (
                f"dẫn tới «{target}»: trình duyệt đọc phần từ dấu # là một chỗ trong trang, không "
                f"phải phần của tên tệp «{named}»"
            )
            cut = href.split("#", 1)[0]
            suggestion = (
                f"Đổi tên tệp «{named}» thành «{kept}» rồi ghi liên kết "
                f"«{cut[: cut.rfind('/') + 1]}{kept}». "
            )
        else:
            what = f"không dẫn tới bản tin, trang hay tệp nào: không có {target}"
            suggestion = self._by_title(href, folder) or self._suggestion(
                target, folder, href.partition("#")[2]
            )
        return (
            f"{what} (đường dẫn tính từ thư mục {folder}/ chứa tệp này)",
            suggestion + RELATIVE_HINT,
        )

    def _named_with_hash(self, folder: str, href: str) -> str | None:
        """The name of the file of content/ `href` names when read whole, # and all («Tin
        #3.docx», a name Windows allows), when there is one; else None."""
        if "#" not in href:
            return None
        whole = posixpath.normpath(posixpath.join(folder, nfc(unquote(href))))
        if not whole.startswith(CONTENT) or not os.path.isfile(self.root / whole):
            return None
        return posixpath.basename(whole)

    def _by_title(self, href: str, folder: str) -> str:
        """The fix for a link written with the title of a bulletin or page (`[xem](Ra quân
        …)`, Python-Markdown's address up to the `)`), naming its file as a link from `folder`
        writes it; "" when `href` is no title."""
        source = self.titled.get(title_key(href))
        if source is None:
            return ""
        written = posixpath.relpath(source, folder)
        return (
            f"Đây là tiêu đề của một bài: liên kết tới bài bằng tên tệp của nó, không phải bằng "
            f"tiêu đề, ví dụ [xem bài]({written}). "
        )

    def _suggestion(self, target: str, folder: str, fragment: str) -> str:
        """«Có phải ý bạn là …?» naming the file of the closest name (in the folder `target`
        points into, or when there is no such folder, a loaded bulletin or page anywhere) as a
        link from `folder` writes it; "" if none is close."""
        beside = posixpath.dirname(target)
        names = self._linkable(beside)
        paths = (
            {name: f"{beside}/{name}" for name in names}
            if names is not None
            else {posixpath.basename(path): path for path in sorted(self.documents)}
        )
        chosen = _closest(posixpath.basename(target), paths)
        if chosen is None:
            return ""
        written = posixpath.relpath(chosen, folder)
        return f"Có phải ý bạn là «{written}{'#' + fragment if fragment else ''}»? "

    def _linkable(self, folder: str) -> list[str] | None:
        """The names of the files in `folder` a link may name: bulletins, pages and files the
        website serves; None when there is no such folder (or it cannot be read)."""
        try:
            names = sorted(map(nfc, os.listdir(self.root / folder)))
        except OSError:
            return None
        return [
            name
            for name in names
            # As the load walks content/: a name not UTF-8 would not print in the hint.
            if not name.startswith((".", "_"))
            and not is_clutter(name)
            and not is_misencoded(name)
            and posixpath.splitext(name)[1].lower() in ALLOWED_SUFFIXES | {".md"}
        ]


def _closest(wanted: str, paths: Mapping[str, str]) -> str | None:
    """The path among `paths` (by file name) whose name, or name without its suffix, is
    closest to `wanted`; None when none is close."""
    by_key: dict[str, str] = {}
    for name, path in paths.items():
        by_key.setdefault(posixpath.splitext(name)[0], path)
        by_key.setdefault(name, path)
    close = difflib.get_close_matches(wanted, list(by_key), n=1, cutoff=0.8)
    return by_key[close[0]] if close else None
