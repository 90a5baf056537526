"""Files a bulletin links to that are neither bulletins nor images it shows: a form, a notice,
a photo to open (`[tải mẫu đơn](../tep/mau-don.pdf)`). The website serves each document under
OUTPUT_DIR at its path under content/, and Zalo links there; a link to a photo leads to its
largest web variant instead, as the page shows photos (the original, with its GPS position and
camera, is never published). A link to one that is missing, outside content/, too large or of
a kind not served is an error of the load (it was written as a link and never copied: a 404 on
the website and in every Zalo article)."""

from __future__ import annotations

import os
import posixpath
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from urllib.parse import unquote

from publish import linked_text
from publish.config import Config, Policy
from publish.config_files import written_fix
from publish.content_images import resolve_content_path
from publish.errors import UNREADABLE_ATTACHMENT, Problem, os_reason
from publish.gates import secret_classification, secret_stamp
from publish.image_suffixes import IMAGE_SUFFIXES
from publish.limits import MAX_IMAGE_BYTES, too_large
from publish.links import (
    WINDOWS,
    image_text_ends,
    reference_label,
    saved_file_name,
    slashed,
    windows_path,
    written_target,
)
from publish.markdown_code import masked
from publish.model import Bulletin, Page
from publish.text import LineCounter, nfc, slug_file_name

__all__ = [
    "ALLOWED_SUFFIXES",
    "OUTPUT_DIR",
    "attached",
    "check",
    "document_texts",
    "file_links",
    "is_file_link",
    "is_image_link",
    "linked_paths",
    "links_where",
    "read",
    "refused",
    "served_files",
]

OUTPUT_DIR = "tep"
"""Where the website serves linked files («tệp»), apart from pages and image variants (anh/)."""
ALLOWED_SUFFIXES = frozenset(
    {
        ".pdf",
        ".doc",
        ".docx",
        ".xls",
        ".xlsx",
        ".odt",
        ".ods",
        ".ppt",
        ".pptx",
        ".rtf",
        ".txt",
        ".csv",
        ".jpg",
        ".jpeg",
        ".png",
        ".gif",
        ".webp",
    }
)
"""The kinds of file a unit offers for download: documents, sheets and pictures."""
REFUSED_SUFFIXES = frozenset(
    {
        ".html",
        ".htm",
        ".svg",
        ".js",
        ".php",
        ".exe",
        ".msi",
        ".bat",
        ".cmd",
        ".apk",
        ".zip",
        ".rar",
        ".7z",
        ".mp3",
        ".mp4",
    }
)
"""Kinds of file a link may name that the website does not serve: a page or a picture that runs
scripts from the site's own address, a program, an archive (which no one can see into before
opening), a recording or a film (too large for the site; give a link to where it is hosted)."""
MAX_ATTACHMENT_BYTES = MAX_IMAGE_BYTES
"""Largest file served: a scanned form of a few pages is a few MB."""
_MAY_NAME_FILE = re.compile(r"(\.[A-Za-z0-9]{2,4})(?![\w.])")
"""What may be a file's suffix, anywhere in a body (those of LINKED_SUFFIXES are)."""
LINKED_SUFFIXES = ALLOWED_SUFFIXES | REFUSED_SUFFIXES
"""The suffixes of the files a link may name (see is_file_link)."""
_SHOWN_PHOTO = re.compile(
    r"!\[[^\]\n]*\]\([^)\n]*?(?:"
    + "|".join(re.escape(s) for s in sorted(ALLOWED_SUFFIXES & IMAGE_SUFFIXES))
    + r")(?![\w.])",
    re.IGNORECASE,
)
"""A photo the body shows, `![alt](…/anh.jpg`: the name of a file no link names."""
KINDS_SHOWN = "pdf, doc, docx, xls, xlsx, odt, ods, ppt, pptx, rtf, txt, csv, jpg, png, gif, webp"


def _suffix(href: str) -> str:
    """The suffix of the file `href` names, lower-case ("" when none): of a Windows path
    («tep\\Tin #3.docx»), of its name as written when cutting it at # leaves no suffix
    (a Windows name may hold #)."""
    path = href.split("#", 1)[0].split("?", 1)[0]
    suffix = posixpath.splitext(path.rsplit("/", 1)[-1])[1].lower()
    if not suffix and windows_path(href):
        return posixpath.splitext(saved_file_name(href))[1].lower()
    return suffix


def is_file_link(href: str) -> bool:
    """Whether `href` names a file by a path relative to the bulletin or from content/ ("/tep/…",
    as images may be written; not "//host/…", an address, an anchor nor a Markdown file), of a
    kind a unit may link to."""
    # A colon is in no file name Windows allows: an address, or text that only looks like one.
    if not href or href.startswith(("#", "//", "\\")) or ":" in href:
        return False
    suffix = _suffix(href)
    if href.startswith("/"):
        # A site path to a page (.html, .php: an old site's address, redirected) is no file
        # of content/: only the kinds the website serves are looked for there.
        return suffix in ALLOWED_SUFFIXES
    return suffix in LINKED_SUFFIXES


def _may_name_file(body: str) -> bool:
    """Whether `body` may link to a file: it names one that is not a photo it shows (a body
    whose only file names are its photos, nearly every one, is not parsed)."""
    named = [s for s in map(str.lower, _MAY_NAME_FILE.findall(body)) if s in LINKED_SUFFIXES]
    if not named:
        return False
    if any(suffix not in IMAGE_SUFFIXES for suffix in named):
        return True
    return len(named) > len(_SHOWN_PHOTO.findall(body))


def is_image_link(href: str) -> bool:
    """Whether `href` is a file link (see is_file_link) to a photo: it leads to the photo's
    largest web variant, never to the original file."""
    return is_file_link(href) and _suffix(href) in IMAGE_SUFFIXES


def file_links(body: str, first_line: int) -> list[tuple[str, int]]:
    """Each link (not image) in a body whose first line is `first_line` that names a file (see
    is_file_link), with its line, in the order written; links shown as code are not links."""
    if not _may_name_file(body):  # nearly every body: two searches, no parse
        return []
    return links_where(body, first_line, is_file_link)


def links_where(body: str, first_line: int, wanted: Callable[[str], bool]) -> list[tuple[str, int]]:
    """Each link (not image) in a body whose first line is `first_line` whose address `wanted`
    takes, with its line, in the order written; links shown as code are not links."""
    text = masked(body)
    found = [(at, href) for at, href in written_target(text) if wanted(href)]
    if not found:
        return []
    images = image_text_ends(text)
    shown = _image_labels(text)
    linked = _link_labels(text)
    line = LineCounter(text, first_line)
    return [
        (href, line(at))
        for at, href in sorted(found)
        if not (text.startswith("](", at) and (at in images or _in_image(text, at)))
        and not (
            (label := _DEFINITION_LABEL.match(text, at)) is not None
            and (reference_label(label[1]) in shown or reference_label(label[1]) not in linked)
        )
    ]


def links_to_files(item: Bulletin | Page) -> Sequence[tuple[str, int]]:
    """file_links of the body of `item`: as the load took them for a bulletin, when it did."""
    taken = item.file_links if isinstance(item, Bulletin) else None
    return file_links(item.body, item.body_line) if taken is None else taken


def _in_image(text: str, at: int) -> bool:
    """Whether the `](` at `at` closes an image's alt text that holds escaped brackets
    (`![Ảnh \\[1\\]](images/a.jpg)`), which image_text_ends ends at the first `]`."""
    start = text.rfind("\n", 0, at) + 1
    return text.rfind("![", start, at) > text.rfind("](", start, at)


_DEFINITION_LABEL = re.compile(r" {0,3}\[(?!\^)([^\]\n]+)\]:")
"""The label of a reference definition `[label]: destination`, where it starts: one an image
shows (`![alt][label]`) is an image's (publish.content_images tells it); one only a link uses
names a file to link to, photo or not."""
_IMAGE_REFERENCE = re.compile(r"!\[([^\]\n]*)\](?: ?\[([^\]\n]*)\])?")
"""An image by reference: `![alt][label]`, `![alt] [label]` (Python-Markdown allows the
space), `![label][]` or `![label]`."""
_LINK_REFERENCE = re.compile(r"\[([^\]\n]+)\](?: ?\[([^\]\n]*)\]|(?![:(]))")
"""A link by reference: `[text][label]`, `[label][]` or `[label]` (not a definition's own
`[label]:`, not an inline link's `[text](…)`)."""


def _image_labels(text: str) -> set[str]:
    """The labels images are shown by in `text`: their definitions name images, told by
    publish.content_images, not files to link to. An image whose label has no definition
    falls back to its alt text as a label (`![h][khac]` shows `[h]`), so both count."""
    return {
        reference_label(label)
        for m in _IMAGE_REFERENCE.finditer(text)
        for label in (m[1], m[2])
        if label
    }


def _link_labels(text: str) -> set[str]:
    """The labels links (not images) use in `text`: a definition no link uses is shown
    nowhere, so it names no file to link to (a definition of a photo kept for later, or one
    an image uses under another spelling)."""
    rest = _IMAGE_REFERENCE.sub(lambda m: " " * len(m[0]), text)
    return {reference_label(m[2] or m[1]) for m in _LINK_REFERENCE.finditer(rest)}


def _found(href: str, source: str, config: Config) -> tuple[Path | None, str | None]:
    """The file `href` in `source` names and, when it may not be served, why (in Vietnamese)."""
    if windows_path(href):
        # Windows finds "tep\\a.pdf" on the editor's computer, the website's server (and CI)
        # does not: refused everywhere, as an image's path is (publish.content_images). Told
        # first: «..\\lien-he\\index.html» needs «/», not another kind of file.
        return None, f"liên kết tới tệp «{href}» {WINDOWS}"
    if _suffix(href) not in ALLOWED_SUFFIXES:
        return None, f"liên kết tới tệp «{href}»: website không đăng loại tệp {_suffix(href)}"
    path = resolve_content_path(href.split("#", 1)[0], config.root / source, config)
    served = href.startswith(f"/{OUTPUT_DIR}/")
    if served and (path is None or not os.path.lexists(path)):
        # The address the website serves it at, copied from the page: /tep/tep/mau-don.pdf
        # is content/tep/mau-don.pdf.
        alternative = resolve_content_path(
            href.split("#", 1)[0][len(OUTPUT_DIR) + 1 :], config.root / source, config
        )
        if alternative is not None and os.path.lexists(alternative):
            path = alternative
    if path is None:
        if (linked := _linked_out(href, source, config)) is not None:
            return None, (
                f"liên kết tới tệp «{href}»: «{linked}» là liên kết tượng trưng (symlink) tới "
                "một tệp nằm ngoài thư mục content/"
            )
        return None, f"liên kết tới tệp «{href}» nằm ngoài thư mục content/"
    try:
        st = path.stat()
    except (OSError, ValueError):
        return None, f"liên kết tới tệp «{href}»: không tìm thấy tệp"
    if not stat.S_ISREG(st.st_mode):
        return None, f"liên kết tới tệp «{href}»: không tìm thấy tệp"
    if st.st_size > MAX_ATTACHMENT_BYTES:
        size = too_large(st.st_size, MAX_ATTACHMENT_BYTES)
        return None, f"liên kết tới tệp «{href}»: tệp {size}"
    hidden = _hidden_part(path, config)
    if hidden == "":
        return None, f"liên kết tới tệp «{href}» nằm ngoài thư mục content/"
    if hidden is not None:
        return None, (
            f"liên kết tới tệp «{href}» nằm trong «{hidden}», phần của content/ không được "
            "đăng (tên bắt đầu bằng «.» hay «_»: bản nháp, tệp riêng)"
        )
    return path, None


def _linked_out(href: str, source: str, config: Config) -> str | None:
    """The file of content/ `href` names, shown from the project root, when it is a symbolic
    link (to a file outside content/: the website never serves one); else None."""
    written = unquote(href.split("#", 1)[0].split("?", 1)[0])
    if written.startswith("/"):
        place = posixpath.normpath("content/" + written.lstrip("/"))
    else:
        place = posixpath.normpath(posixpath.join(posixpath.dirname(source), written))
    if not place.startswith("content/") or not os.path.islink(config.root / place):
        return None
    return place


def _hidden_part(path: Path, config: Config) -> str | None:
    """The first folder or name of `path` under content/ that starts with «.» or «_» (the
    loader skips them: drafts, private lists), None when none does, "" when `path` is not
    spelt under content/ (which part is hidden cannot be told: refused, never served)."""
    content = (config.root / "content").resolve()
    try:
        parts = path.relative_to(content).parts
    except ValueError:
        return ""
    return next((part for part in parts if part.startswith((".", "_"))), None)


def refused(href: str, source: str, config: Config) -> bool:
    """Whether the load refuses the file link `href` in `source` (told by `check`, with why)."""
    return _found(href, source, config)[1] is not None


def attached(href: str, source: str, config: Config) -> str | None:
    """The site path ("/tep/…") of the document a link `href` in `source` names, None when it
    names none that may be served (told by `problems`) or a photo (see is_image_link)."""
    if not is_file_link(href) or is_image_link(href):
        return None
    path, _ = _found(href, source, config)
    if path is None:
        return None
    content = (config.root / "content").resolve()
    rel = nfc(path.relative_to(content).as_posix())
    fragment = href.partition("#")[2]
    return f"/{OUTPUT_DIR}/{rel}" + (f"#{fragment}" if fragment else "")


def check(items: Iterable[Bulletin | Page], config: Config) -> tuple[list[Problem], set[str]]:
    """One error for each link to a file that is missing, outside content/, too large or of a
    kind the website does not serve, naming the file, the line, the link and how to fix it,
    and the problems of each document served (see scanned); and the real paths of the
    documents served (see served_files), found in the same pass."""
    told = []
    served = set()
    read: dict[Path, list[Scanned]] = {}
    content = (config.root / "content").resolve()
    items = list(items)
    drafts = _draft_folders(items)
    for item in items:
        for href, line in links_to_files(item):
            path, why = _found(href, item.source, config)
            if why is not None:
                told.append(Problem(item.source, why, line=line, hint=_hint(href, why)))
                continue
            if path is not None and drafts and not item.draft:
                told += _in_draft_folder(item.source, href, line, path, content, drafts)
            if path is not None and not is_image_link(href):
                served.add(os.fspath(path))
                if path not in read:
                    read[path] = scanned(path, config)
                shown = f"content/{nfc(path.relative_to(content).as_posix())}"
                told += [
                    Problem(
                        item.source,
                        f"tệp đính kèm «{shown}» {what}",
                        line=line,
                        hint=hint,
                        severity=severity,
                        code=code,
                    )
                    for severity, what, hint, code in read[path]
                ]
    return told, served


def _draft_folders(items: list[Bulletin | Page]) -> dict[str, str]:
    """The folders under content/ (as "bai-viet/nhap") whose bulletins and pages are all
    drafts, each with one of them (its source): files beside them are a draft's own."""
    folders: dict[str, list[Bulletin | Page]] = {}
    for item in items:
        folder = posixpath.dirname(nfc(item.source))
        if folder.startswith("content/"):
            folders.setdefault(folder.removeprefix("content/"), []).append(item)
    return {
        folder: held[0].source for folder, held in folders.items() if all(i.draft for i in held)
    }


def _in_draft_folder(
    source: str, href: str, line: int, path: Path, content: Path, drafts: dict[str, str]
) -> list[Problem]:
    """A warning when the file a live bulletin links to lies in the folder of a draft (which
    may hold what the draft is not ready to publish), else none."""
    rel = nfc(path.relative_to(content).as_posix())
    folder = posixpath.dirname(rel)
    while folder and folder not in drafts:
        folder = posixpath.dirname(folder)
    if not folder:
        return []
    return [
        Problem(
            source,
            f"liên kết tới tệp «{href}» nằm trong thư mục của bản tin chưa đăng "
            f"«{drafts[folder]}»: tệp sẽ được đăng cùng bài này trước bản tin đó",
            line=line,
            hint=(
                f"Nếu tệp content/{rel} đã được phép công bố, chép nó ra thư mục chung (ví dụ "
                "content/tep/) rồi ghi đường dẫn tới bản chép; nếu chưa, bỏ liên kết tới nó."
            ),
            severity="warning",
        )
    ]


SECRET_HINT = (
    "Tài liệu mật không được lưu trên máy hay kho git có kết nối Internet (Luật Bảo vệ bí mật nhà "
    "nước). Chuyển tệp ra khỏi dự án, bỏ liên kết tới nó (nếu đã commit: xóa khỏi lịch sử git và "
    "báo cán bộ phụ trách bảo mật), rồi chạy lại. Nếu đây không phải dấu mật, sửa lại tệp đó."
)
UNREAD_HINT = (
    "Hãy mở xem trước khi duyệt: tệp không được mang dấu mật. Lưu lại tệp không đặt mật khẩu "
    "(PDF: in ra PDF mới từ tệp gốc) để công cụ kiểm được."
)
AUTHOR_HINT = (
    "Tên người có thể nằm trong thuộc tính tệp, trong ghi chú (comment) hoặc trong các sửa đổi "
    "được theo dõi (track changes): xóa hết rồi lưu lại. Word, Excel, PowerPoint: trước hết "
    "chấp nhận hoặc bỏ từng sửa đổi (Review › Accept/Reject) để tệp giữ đúng nội dung muốn đăng, "
    "rồi vào File › Info › Check for Issues › Inspect Document › Inspect, bấm Remove All ở mục "
    "Comments, Revisions… (ghi chú và sửa đổi) và ở mục Document Properties and Personal "
    "Information. LibreOffice: xóa ghi chú, chấp nhận hoặc bỏ các sửa đổi ở Edit › Track "
    "Changes › Manage, xóa tên ở File › Properties, và bật Tools › Options › LibreOffice › "
    "Security › Options › Remove personal information on saving. PDF: tên nằm ở ô Author (tác "
    "giả) trong thuộc tính tệp; xuất lại PDF từ tệp gốc đã xóa tên (Word: Save As › PDF › "
    "Options, bỏ chọn Document properties), hoặc xóa ô Author ở File › Properties của trình sửa "
    "PDF rồi lưu lại."
)


UNREAD = "không đọc được để kiểm dấu mật"

Scanned = tuple[str, str, str, str | None]
"""A problem of a linked document as (severity, message after the file's name, hint, code)."""


def scanned(path: Path, config: Config) -> list[Scanned]:
    """What a document served holds that a bulletin must not publish (see Scanned): a secret
    stamp in its text (an error, as a stamped body is: publish.gates.secret_stamp), a text that cannot be read to look for one (a
    warning, an error under [policy] unreadable_attachments = "error", coded
    errors.UNREADABLE_ATTACHMENT so --strict leaves it as the policy says), and names of people
    Word or LibreOffice keep in it (a warning)."""
    read_now = _read_text(path, config.policy)
    if isinstance(read_now, str):
        why = read_now
        severity = config.policy.unreadable_attachments.replace("warn", "warning")
        return [
            (
                severity,
                f"{UNREAD} ({why}), hãy mở xem trước khi duyệt",
                UNREAD_HINT,
                UNREADABLE_ATTACHMENT,
            )
        ]
    _, names, for_stamps = read_now
    found: list[Scanned] = []
    stamp = secret_stamp(for_stamps, config.policy) if for_stamps is not None else None
    if stamp is not None:
        found.append(
            (
                "error",
                f"mang dấu mật «{stamp[1]}»: không bao giờ được xuất bản",
                SECRET_HINT,
                None,
            )
        )
    if names:
        found.append(("warning", "còn ghi " + _named_where(names), AUTHOR_HINT, None))
    return found


AUTHOR_PLACES = {
    linked_text.PROPERTIES: "tên người soạn trong thuộc tính tệp",
    linked_text.COMMENTS: "tên người viết ghi chú (comment)",
    linked_text.CHANGES: "tên người viết ghi chú hoặc sửa đổi được theo dõi (track changes)",
    linked_text.PDF_AUTHOR: "tên người soạn ở ô Author trong thuộc tính tệp PDF",
    linked_text.PDF_XMP: "tên người soạn trong siêu dữ liệu XMP của tệp PDF",
}
"""What a warning calls each place a document keeps a name (see linked_text.authors_at)."""


def _named_where(names: list[tuple[str, str]]) -> str:
    """The names a document keeps, by the place each is, in the order they were found:
    «tên người soạn trong thuộc tính tệp: «A»; tên người viết ghi chú (comment): «B»»."""
    places: dict[str, list[str]] = {}
    for where, name in names:
        places.setdefault(where, []).append(f"«{name}»")
    return "; ".join(f"{AUTHOR_PLACES[where]}: {', '.join(told)}" for where, told in places.items())


_Read = tuple[str | None, list[tuple[str, str]], str | None]
"""A linked document's text, the people it names with where, and its text for the stamp
check (linked_text.stamp_text)."""
_TEXTS: dict[str, tuple[tuple[object, ...], _Read]] = {}
"""What _read_text found in each linked file, by its path, with the size, times of change and
inode it was read at and the site's own secret grades (the stamp check's text depends on them): a rebuild (publish serve) and the personal-data lint after the load read
each document once (only its last version is kept)."""


def _read_text(path: Path, policy: Policy) -> _Read | str:
    """The text of a linked document (None for a kind holding none), the people it names with
    where (see linked_text.authors_at) and its text for the stamp check under `policy`'s
    grades, or why it cannot be read (in Vietnamese)."""
    try:
        st = path.stat()
    except OSError as exc:
        return os_reason(exc)
    # ctime too: a copy keeping the old time of change (cp -p) must not skip the stamp check.
    grades = tuple(policy.secret_classifications)
    stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, grades)
    kept = _TEXTS.get(os.fspath(path))
    if kept is not None and kept[0] == stamp:
        return kept[1]
    suffix = path.suffix.lower()
    try:
        data = read(path)
        text = linked_text.text_of(data, suffix)
        names = linked_text.authors_at(data, suffix)
        found = (text, names, None if text is None else _stamp_text(text, policy))
    except (OSError, linked_text.Unreadable) as exc:
        return exc.args[0] if isinstance(exc, linked_text.Unreadable) else os_reason(exc)
    _TEXTS[os.fspath(path)] = (stamp, found)
    return found


def _stamp_text(text: str, policy: Policy) -> str:
    """A linked document's text for the stamp check: lines only it reads are kept when they
    name a grade, as a classification would (publish.gates.secret_classification)."""
    numbered = any(c.isdigit() for grade in policy.secret_classifications for c in grade)
    return linked_text.stamp_text(
        text, lambda line: secret_classification(line, policy), numbered_grades=numbered
    )


def document_texts(item: Bulletin | Page, config: Config) -> list[tuple[str, int, str]]:
    """The text of each document `item` links to that the website serves and that holds text
    read here, as (its path shown: "content/…", the line of the link, the text), each once;
    one that cannot be read is told by `check`."""
    links = links_to_files(item)
    if not links:
        return []  # nearly every bulletin: no resolving of content/ for each
    content = (config.root / "content").resolve()
    found: dict[str, tuple[str, int, str]] = {}
    for href, line in links:
        if is_image_link(href):
            continue
        path, why = _found(href, item.source, config)
        if path is None or why is not None:
            continue
        shown = f"content/{nfc(path.relative_to(content).as_posix())}"
        read_now = _read_text(path, config.policy)
        if shown not in found and not isinstance(read_now, str) and read_now[0]:
            found[shown] = (shown, line, read_now[0])
    return list(found.values())


def _hint(href: str, why: str) -> str:
    """How to fix the link `href` refused for `why`."""
    if why.endswith(WINDOWS):
        return _slashed(href)
    if "không đăng loại tệp" in why:
        return (
            f"Website chỉ đăng các loại tệp: {KINDS_SHOWN}. Chuyển tệp sang một loại đó (ví dụ "
            "lưu thành PDF), hoặc đăng tệp ở nơi khác rồi ghi địa chỉ https://… của nó."
        )
    if "liên kết tượng trưng" in why:
        return (
            "Thay liên kết tượng trưng bằng chính tệp: chép tệp vào chỗ đó (website chỉ đăng tệp "
            "nằm thật trong content/, không theo liên kết ra ngoài)."
        )
    if "ngoài thư mục" in why:
        return "Chép tệp vào thư mục content/ (ví dụ content/tep/) rồi ghi đường dẫn tới nó."
    if "không được đăng (tên" in why:
        return (
            "Nếu tệp được phép công bố, chép nó vào thư mục được đăng của content/ (ví dụ "
            "content/tep/) rồi ghi đường dẫn tới bản chép; nếu không, bỏ liên kết tới nó."
        )
    if "không tìm thấy" in why:
        name = saved_file_name(href) or href
        # As for a form on the editor's computer (content._offered): a name with a space ends
        # the Markdown link, and one with % or # is read as an address (another name).
        kept = slug_file_name(name)
        renamed = "" if kept == name else f" «{name}» vào content/ với tên «{kept}»"
        return (
            f"Chép tệp{renamed or ' vào content/'} (ví dụ content/tep/{kept}) rồi ghi liên kết "
            f"tới đó, tính từ content/ (ví dụ [tải về](/tep/{kept})) hay từ thư mục của bài "
            "này; hoặc sửa tên tệp trong liên kết cho đúng."
        )
    return "Thu nhỏ tệp (ví dụ lưu PDF ở chất lượng thấp hơn), hoặc đăng ở nơi khác và ghi địa chỉ của nó."


def _slashed(href: str) -> str:
    """How to write the Windows path `href` of a file link: with «/», the file renamed to a
    name a link holds when its own has a space, # or % («Tin #3.docx» → «tin-3.docx»)."""
    name = saved_file_name(href)
    kept = slug_file_name(name)
    fixed = written_fix(slashed(href))  # «tep\\\\mau.pdf» (shown «tep\\mau.pdf»): one «/»
    folder = fixed[: -len(name)] if name and fixed.endswith(name) else None
    if kept == name or folder is None:
        return f"Viết đường dẫn bằng dấu /: «{fixed}»."
    return (
        f"Đổi tên tệp «{name}» thành «{kept}» (một liên kết Markdown dừng ở dấu cách, và đọc # "
        f"hay % như phần của địa chỉ) rồi viết đường dẫn bằng dấu /: «{folder}{kept}»."
    )


def served_files(items: Iterable[Bulletin | Page], config: Config) -> dict[str, tuple[Path, str]]:
    """The files the website serves for links in `items`: by output path under the website's
    folder, the file on disk and the file linking to it."""
    served: dict[str, tuple[Path, str]] = {}
    content = (config.root / "content").resolve()
    for item in items:
        for href, _ in links_to_files(item):
            if is_image_link(href):
                continue  # served as its web variants, made by the pictures
            path, why = _found(href, item.source, config)
            if path is None or why is not None:
                continue
            output = f"{OUTPUT_DIR}/{nfc(path.relative_to(content).as_posix())}"
            served.setdefault(output, (path, item.source))
    return served


def linked_paths(item: Bulletin | Page, config: Config) -> dict[str, str]:
    """The files `item` links to and the website serves (documents, and photos: their web
    variants), what an approval covers of them (publish.approval.linked_digest): by their path
    under content/ as named (NFC, with /), the path of the file found on disk, which is read
    (a name copied from a Mac stays decomposed on disk). A link to a file that may not be
    served is an error of the load (see check), so none is published."""
    links = links_to_files(item)
    if not links:
        return {}
    content = (config.root / "content").resolve()
    found = {}
    for href, _ in links:
        path, why = _found(href, item.source, config)
        if path is not None and why is None:
            on_disk = path.relative_to(content).as_posix()
            found[nfc(on_disk)] = on_disk
    return dict(sorted(found.items()))


def read(path: Path) -> bytes:
    """The bytes of a served file (a link is never followed: resolve_content_path resolved it)."""
    with open(path, "rb", opener=lambda p, f: os.open(p, f | getattr(os, "O_NOFOLLOW", 0))) as f:
        return f.read()
