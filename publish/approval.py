"""What an approval covers: the fingerprint of what a bulletin publishes (`approved_version`).

`publish approve` writes `approved_by` and the fingerprint of the bulletin as the approver read
it; the gate holds back a bulletin whose fingerprint no longer matches (see gates.gate), so a
text edited after approval is never published under the old approval.

The fingerprint covers everything that changes what goes out: every front matter key (title,
summary, date, expires, category, tags, author, cover, cover_alt, channels, slug, id, aliases,
classification, corrections, the zalo and radio blocks, keys for templates), the body, and the bytes of every
image of the content folder it shows (cover and body: a photo replaced under the same name is a
change). Not covered: the approval itself (`approved_by`, `approved_version`), `pii_reviewed_by`,
`draft` (holding an approved bulletin back, from every channel or from some, `draft: [zalo]`,
and releasing it again changes nothing it shows), and
`radio.aired` (the length measured after the broadcast). Only values count, not how the front
matter is written: quotes, comments, key order and spacing may change freely. The address is
covered too (slug and id, also when taken from the file's name: a rename moves the page).

The values and body are taken as the file has them (decoded, NFC, line endings normalised),
before the loader's own cleanup of pasted text: that cleanup grows with upgrades, and a rule
added must not withdraw approved bulletins whose files nobody touched. What YAML cannot read
without it (Word's curly quotes around a value, a no-break space after a key) is read as the
tool read it when approving: each earlier reading is kept (publish.key_lines), and a
fingerprint that no longer matches is taken again under each (publish.content). Since session
33 the fingerprint is keyed with the name of the reading it was taken under, so it matches only
under that one: a reviewer who retypes "Đội CSGT" as “Đội CSGT” on a summary's next line after
approving changes what is published, and an earlier reading that would straighten the quotes
back must not keep the approval. Approvals written before are not keyed and still tried under
every reading (nothing tells which one they were taken under).

Since session 34 an approval is bound to the file's bytes too, and to the files the bulletin
links to (a form, a notice: publish.attachments). A fingerprint of values can only be as good
as the reading that takes them: an edit the reading of the day ignores (a line it reads as a
comment) but a later reading sees would pass. So `publish approve` writes three parts,
`content-file-linked` (see `bound`): the values fingerprint (keyed with its scheme too, so the
first part alone, with the others cut off, matches nothing), `file_digest` of the file's
bytes, and `linked_digest` of the linked files; the gate requires all three. What file_digest
leaves out is frozen here, never taken from a reading: the lines `publish approve` writes
(`approved_by`, `approved_version`, `draft`: it writes `draft: false` under --publish) and the
lines the values fingerprint has always left out, which people write after approving
(`pii_reviewed_by`, and `aired` in the `radio` block: the length measured after the
broadcast, a duration, nothing else); and line endings, which git may convert between the
approver's machine and CI (core.autocrlf) and which no reading tells apart. Every other byte
counts: a comment, a quote mark or a space edited after approving holds the bulletin until it
is approved again. Approvals written before keep being judged as they were, with one
exception: the values part hashes the body without its outer spaces, and four spaces or a tab
before its first line make that line a code block (a hidden comment shows on the page), so
that indent counts (`_hashed_body`) and an approval written before such an edit no longer matches.

Since session 73 the file part takes the file's text in NFC, as the loader reads it: a letter
with its tone mark written as two characters (NFD: a Mac's copy and paste, text taken from a
PDF) shows and publishes as the one character, so a file re-saved so is not edited. A file
already in NFC (nearly every one) has the same file part as before. One approved before while
not in NFC keeps its approval while its bytes are as approved, or its text all decomposed
(`file_digest`'s `approved`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

from publish.cache import file_sha256
from publish.key_lines import READING, Reading
from publish.model import Bulletin, Page
from publish.text import nfc

__all__ = [
    "UNPUBLISHED_KEYS",
    "VERSION_LENGTH",
    "ImageDigests",
    "bound",
    "composed_file",
    "content_digest",
    "earlier_digests",
    "file_before",
    "file_digest",
    "file_part",
    "file_part_before",
    "fingerprint",
    "is_version",
    "judged_version",
    "linked_before",
    "linked_digest",
    "page_values",
    "review_of",
    "review_version",
    "values_only",
    "version",
    "versions_as_approved",
    "what_changed",
]

VERSION_LENGTH = 12
"""Hex digits of `approved_version`: 48 bits, far beyond an edit matching by chance."""
UNPUBLISHED_KEYS = frozenset({"approved_by", "approved_version", "pii_reviewed_by", "draft"})
"""Front matter keys whose change does not change what is published (see the module text)."""
UNPUBLISHED_BLOCK_KEYS = {"radio": frozenset({"aired"})}
"""Keys of a channel block that do not change what that channel publishes."""
_VERSION = re.compile(f"[0-9a-f]{{{VERSION_LENGTH}}}")
_SCHEME = "publish-approval-2"
"""Changes when what the fingerprint covers changes, so no old value matches by accident. An
approval written under an earlier scheme is still judged by it (earlier_digests): changing
what is covered must not withdraw every approved bulletin at once."""
_SCHEME_3 = "publish-approval-3"
"""What the first part of a bound approval (see `bound`) is keyed with, besides the reading."""
_BOUND = re.compile("-".join([f"([0-9a-f]{{{VERSION_LENGTH}}})"] * 3))
_FILE_SCHEME = b"publish-file-1\n"
_LINKED_SCHEME = "publish-linked-1"
_LINKED_SCHEME_2 = "publish-linked-2"
"""The linked part when a text file is linked (TEXT_SUFFIXES): hashed with its line endings
made \\n, which git may convert between the approver's machine and CI (core.autocrlf); before,
its bytes as found (a Windows checkout of the same .csv held the bulletin). An approval taken
so still matches while the files are as they were (`linked_before`)."""
TEXT_SUFFIXES = (".csv", ".txt")
"""Linked files whose line endings the linked part does not count."""
UNREAD_LINKED = "f" * VERSION_LENGTH
"""The linked part of a fingerprint when a linked file cannot be read: it may hold anything,
so `publish approve` refuses to write it and an approval holding it is no approval (`bound`)."""
_REVIEW_VALUES = "publish-review-values-1"
"""What the third part of a page's review (`page_values`) is keyed with."""
_SCHEME_1 = "publish-approval-1"
"""Before the fingerprint covered the file as written and the address: the values after the
loader's cleanup of pasted text."""


def is_version(value: str) -> bool:
    """Whether `value` is written as `publish approve` writes a fingerprint (now, or before
    session 34: one part)."""
    return _VERSION.fullmatch(value) is not None or _BOUND.fullmatch(value) is not None


def bound(value: str) -> tuple[str, str, str] | None:
    """The parts of an approval bound to the file (content, file, linked files), or None for
    one written before session 34."""
    match = _BOUND.fullmatch(value)
    if match is None or match[3] == UNREAD_LINKED:
        return None  # written by hand: publish approve never writes it
    return (match[1], match[2], match[3])


_UNCOVERED_LINE = re.compile(
    rb"(?:approved_by|approved_version|draft|pii_reviewed_by|pii_reviewed_version)[ \t]*:"
)
"""A front matter line file_digest leaves out: frozen, whatever later readings do."""
_BARE_DRAFT_LINE = re.compile(rb"draft[ \t]*:[ \t]*(?:#.*)?")
"""`draft:` with its value on the lines below: the channels it keeps the bulletin from."""
_DRAFT_ITEM = re.compile(
    rb"[ \t]*-[ \t]+(?:web|zalo|radio|'(?:web|zalo|radio)'|\"(?:web|zalo|radio)\")[ \t]*"
)
"""A line of `draft:` written as a list, one channel a line (`  - zalo`): left out with it, so
keeping an approved bulletin from a channel needs no new approval however the list is written."""


def _uncovered(line: bytes, after_draft: bool) -> tuple[bool, bool]:
    """(whether file_digest leaves out this front matter line, whether a channel of a `draft:`
    list may follow it), given whether one may follow the line before."""
    if after_draft and _DRAFT_ITEM.fullmatch(line):
        return True, True
    if _UNCOVERED_LINE.match(line):
        return True, _BARE_DRAFT_LINE.fullmatch(line) is not None
    return False, False


_DURATION = rb"(?:\"[0-9:., ]*\"|'[0-9:., ]*'|[0-9:.,]*)"
_AIRED_LINE = re.compile(rb"(?P<indent>[ \t]+)aired[ \t]*:[ \t]*" + _DURATION + rb"[ \t]*(?:#.*)?")
_AIRED_ITEM = re.compile(rb"[ \t]*aired[ \t]*:[ \t]*" + _DURATION + rb"[ \t]*")
_RADIO_LINE = re.compile(rb"radio[ \t]*:[ \t]*(?P<value>.*)")
_RADIO_AT_LINE = re.compile(rb"^radio[ \t]*:", re.MULTILINE)
"""A line _RADIO_LINE matches, in lines joined by \\n (`.` takes all but \\n)."""
_CLOSING_LINE = re.compile(rb"\n(?:---|\.\.\.)[ \t\x0b\x0c]*(?=\n|\Z)")
"""A line break and the line after it that closes front matter: `---` or `...`, then what
bytes.rstrip() takes (but \\r and \\n, gone from the lines it is searched in)."""


def file_digest(raw: bytes, approved: str = "", composed: bytes | None = None) -> str:
    """The file part of an approval (see the module's text): sha256 of the file's bytes, its
    text in NFC, line endings made \\n, without the lines `publish approve` writes (a `draft:`
    list of channels written one a line included), `pii_reviewed_by` and the radio block's
    `aired`. `approved`: the file part of the approval (or review) the file is judged by,
    given back when it was taken before session 73 of the file not made NFC (see _as_before).
    `composed`: `raw` with its text in NFC when the caller has it (the loader: composed_file),
    else found here."""
    if composed is None:
        composed = _composed(raw)
    found = _file_digest(composed)
    if not approved or found == approved or raw.isascii():
        return found
    return approved if _as_before(raw, composed, approved) else found


def composed_file(raw: bytes, text: str | None) -> bytes:
    """File `raw` with its text in NFC, as file_digest takes it, given what the loader made of
    it (publish.content.parse_raw): `text`, its text decoded (BOM dropped, line endings \\n)
    and made NFC, when NFC changed it, else None. NFC done once a file: decoding the bytes and
    asking whether they are in NFC again cost more than the hash (~27 µs of a 6 KB file)."""
    if text is None:
        return raw
    # file_digest keeps a BOM and makes line endings \n itself: only the BOM is given back.
    return (_BOM if raw.startswith(_BOM) else b"") + text.encode("utf-8")


_BOM = b"\xef\xbb\xbf"


def _composed(raw: bytes) -> bytes:
    """`raw` with its text in NFC, as the loader reads it (publish.content.parse_raw): `raw`
    itself when it is already, or when it is not UTF-8 (the loader refuses it)."""
    if raw.isascii():
        return raw
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw
    if unicodedata.is_normalized("NFC", text):
        return raw
    return unicodedata.normalize("NFC", text).encode("utf-8")


def _as_before(raw: bytes, composed: bytes, approved: str) -> bool:
    """Whether `approved` is a file part an approval taken before session 73 (of the bytes as
    they were, not made NFC) may hold of file `raw` (`composed`: its text in NFC) that
    publishes what it did then: of these very bytes, or of its text all decomposed (approved
    as a Mac saved it, saved composed since). The bytes first: decomposing costs far more."""
    if composed != raw and _file_digest(raw) == approved:
        return True
    try:
        decomposed = unicodedata.normalize("NFD", raw.decode("utf-8")).encode("utf-8")
    except UnicodeDecodeError:
        return False
    return decomposed != raw and _file_digest(decomposed) == approved


def _file_digest(raw: bytes) -> str:
    """file_digest of bytes taken as they are (their text in NFC or not)."""
    normal = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n") if b"\r" in raw else raw
    if (covered := _covered_without_radio(normal)) is not None:
        return _short(_FILE_SCHEME + covered)
    lines = normal.split(b"\n")
    end = next((i for i, line in enumerate(lines) if i and line.rstrip() in (b"---", b"...")), 0)
    if lines[0].removeprefix(b"\xef\xbb\xbf").rstrip() != b"---" or not end:
        return _short(_FILE_SCHEME + b"\n".join(lines))
    kept = [lines[0]]
    radio = -1  # the line of `radio:` in `kept` while its block's lines are read, else -1
    indent = b""  # the indent of that block's keys, once seen
    after_draft = False  # the line before was `draft:` without a value, or one of its channels
    for line in [*lines[1:end], b"---"]:
        if line[:1] not in (b" ", b"\t", b""):
            if radio >= 0 and not any(kept[radio + 1 :]):
                del kept[radio + 1 :]  # a block left without lines (it held `aired` only)
                del kept[radio]
            radio = -1
        left_out, after_draft = _uncovered(line, after_draft)
        if left_out:
            continue
        if radio >= 0 and line.strip():
            indent = indent or line[: len(line) - len(line.lstrip(b" \t"))]
            aired = _AIRED_LINE.fullmatch(line)
            if aired is not None and aired["indent"] == indent:
                continue
        elif (header := _RADIO_LINE.fullmatch(line)) is not None:
            value = header["value"].rstrip()
            if value.startswith(b"{") and value.endswith(b"}"):
                line = _without_aired(line, len(line) - len(header["value"]), value)
                if not line:
                    continue
            elif not value or value.startswith(b"#"):
                radio, indent = len(kept), b""
        kept.append(line)
    return _short(_FILE_SCHEME + b"\n".join([*kept[:-1], *lines[end:]]))


def _covered_without_radio(normal: bytes) -> bytes | None:
    """What file_digest hashes of a file (line endings made \\n) whose front matter has no
    `radio:` line, nearly every one: its lines but those left out, found without splitting the
    body into lines; None for any other file (the line-by-line reading takes it)."""
    first = normal.find(b"\n")
    if first < 0 or normal[:first].removeprefix(b"\xef\xbb\xbf").rstrip() != b"---":
        return None
    closing = _CLOSING_LINE.search(normal, first)
    if closing is None:
        return None
    head = normal[first + 1 : closing.start()]
    if _RADIO_AT_LINE.search(head) is not None:
        return None
    lines = head.split(b"\n") if closing.start() > first else []
    kept = []
    after_draft = False
    for line in lines:
        left_out, after_draft = _uncovered(line, after_draft)
        if not left_out:
            kept.append(line)
    return b"\n".join([normal[:first], *kept, normal[closing.start() + 1 :]])


def _without_aired(line: bytes, start: int, flow: bytes) -> bytes:
    """A `radio: {…}` line without its `aired` item (b"" when it held no other), the rest of
    the line byte for byte; `flow` is the `{…}` starting at `start`."""
    items = flow[1:-1].split(b",")
    kept = [item for item in items if not _AIRED_ITEM.fullmatch(item)]
    if len(kept) == len(items):
        return line
    if not any(item.strip() for item in kept):
        return b""
    if kept[0] is not items[0]:
        kept[0] = kept[0].lstrip(b" \t")  # the space after the comma of the item left out
    return line[:start] + b"{" + b",".join(kept) + b"}"


def _short(data: bytes) -> str:
    """sha256 (hex) of `data`, cut to VERSION_LENGTH."""
    return hashlib.sha256(data).hexdigest()[:VERSION_LENGTH]


def linked_digest(
    linked: Mapping[str, str], file_digest: Callable[[str], str | None], *, earlier: bool = False
) -> str:
    """The linked-files part of an approval: the paths under content/ of the files the
    bulletin links to, as named (publish.attachments.linked_paths), and the sha256 of each
    file as found on disk (`file_digest`, None when unreadable; a text file's with its line
    endings made \\n, unless `earlier`: see _LINKED_SCHEME_2); UNREAD_LINKED when one cannot
    be read."""
    text = None if earlier else getattr(file_digest, "text", None)
    texts = {p for p, d in linked.items() if d.lower().endswith(TEXT_SUFFIXES)} if text else ()
    digests = {
        path: (text if path in texts and text else file_digest)(on_disk)
        for path, on_disk in linked.items()
    }
    if None in digests.values():
        return UNREAD_LINKED
    # Without a text file the digest is the one taken before its scheme was: nothing to redo.
    scheme = _LINKED_SCHEME_2 if texts else _LINKED_SCHEME
    parts = [scheme] + [f"{path}:{digests[path]}" for path in sorted(digests)]
    return _short("\n".join(parts).encode("utf-8", "surrogatepass"))


def linked_before(
    approved: str, found: str, linked: Mapping[str, str], file_digest: Callable[[str], str | None]
) -> bool:
    """Whether the bound approval `approved` is the fingerprint `found` but for its linked part,
    taken before a linked text file's line endings were made \\n (_LINKED_SCHEME_2), of the
    same files as they are now."""
    was, now = bound(approved), bound(found)
    if was is None or now is None or was[:2] != now[:2] or was[2] == now[2]:
        return False
    return was[2] == linked_digest(linked, file_digest, earlier=True)


def file_part(version: str) -> str:
    """The file part of approval `version` when it is one bound to the file (see `bound`), else
    "": what file_digest's `approved` takes."""
    parts = bound(version)
    return parts[1] if parts else ""


def file_before(approved: str, found: str, raw: bytes) -> bool:
    """Whether the bound approval `approved` is the fingerprint `found` but for its file part,
    taken before session 73 of file `raw` not made NFC (see file_digest's `approved`)."""
    was = _but_file(approved, found)
    return was is not None and file_digest(raw, was) == was


def file_part_before(approved: str, found: str, digest: str) -> bool:
    """file_before of a file whose file_digest, judged by `approved`'s file part, is known:
    `digest` (Bulletin.file_digest, taken as it was loaded), not hashed again."""
    was = _but_file(approved, found)
    return was is not None and digest == was


def _but_file(approved: str, found: str) -> str | None:
    """The file part of bound approval `approved` when it is the fingerprint `found` but for
    that part, else None."""
    was, now = bound(approved), bound(found)
    if was is None or now is None or was[1] == now[1] or (was[0], was[2]) != (now[0], now[2]):
        return None
    return was[1]


def review_version(
    raw: bytes,
    linked: Mapping[str, str],
    file_digest_of: Callable[[str], str | None],
    page: Page,
) -> str:
    """What a page's `pii_reviewed_version` binds its personal-data review to: the page's file
    (file_digest, without the review's own lines), the files it links to (linked_digest) and
    what the page shows (`page_values`), so a page or a list edited or replaced after the
    review needs a new one. A review recorded before the third part was (two parts) holds no
    more: file_digest leaves out a line starting `draft:` at the left margin also inside a
    quoted value, where it is text the page shows."""
    return review_of(file_digest(raw), linked, file_digest_of, page)


def review_of(
    file_part: str,
    linked: Mapping[str, str],
    file_digest_of: Callable[[str], str | None],
    page: Page,
) -> str:
    """review_version of a page whose file part (file_digest of its bytes as loaded) is known."""
    return f"{file_part}-{linked_digest(linked, file_digest_of)}-{page_values(page)}"


def page_values(page: Page) -> str:
    """The digest of what `page` shows as the loader read it: title, summary, body and the
    keys its template reads."""
    shown = [_REVIEW_VALUES, page.title, page.summary, page.body, _plain(page.extra)]
    return _short(json.dumps(shown, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def fingerprint(
    bulletin: Bulletin,
    image_digest: Callable[[str], str | None],
    linked: Mapping[str, str] | None = None,
    reading: Reading = READING,
    file: str | None = None,
) -> str:
    """The approval `publish approve` writes now (see `bound`): the fingerprint of what
    `bulletin` publishes under `reading` (as `version`, keyed with _SCHEME_3 too), the file
    part `file` (default: the bulletin's file_digest, taken by the loader) and the digest of the
    files it links to (`linked`: see linked_digest)."""
    content = _version(bulletin, bulletin.content_digest, image_digest, reading=reading.name)
    content = _short(f"{_SCHEME_3}\n{content}".encode())
    files = linked_digest(linked or {}, image_digest)
    return f"{content}-{bulletin.file_digest if file is None else file}-{files}"


def what_changed(approved: str, found: str, linked: Collection[str]) -> str:
    """What changed since a bound approval `approved`, told by the parts of the fingerprint
    `found` now, in Vietnamese («đã sửa sau khi duyệt: …»), or "" when the values changed (or
    either is not bound): `linked` are the files named when theirs did."""
    was, now = bound(approved), bound(found)
    if was is not None and found.endswith(f"-{UNREAD_LINKED}"):
        named = ", ".join(f"«content/{path}»" for path in sorted(linked))
        return (
            f"không đọc được tệp đính kèm {named} để đối chiếu với bản đã duyệt "
            "(tệp có thể đã bị thay)"
            if len(linked) == 1
            else f"không đọc được một trong các tệp đính kèm {named} để đối chiếu với bản đã duyệt"
        )
    if was is None or now is None:
        return ""
    if was[1] != now[1]:
        if was[0] != now[0]:
            return ""
        return (
            "đã sửa sau khi duyệt: tệp bài đã đổi ở chỗ không đổi nội dung đăng ra theo cách "
            "đọc của bản công cụ này (ghi chú, dấu ngoặc, khoảng trắng, thứ tự các trường…), "
            "nhưng người duyệt chưa đọc bản đó và bản công cụ sau có thể đọc khác"
        )
    if was[2] != now[2]:
        named = ", ".join(f"«content/{path}»" for path in sorted(linked))
        if len(linked) == 1:
            return f"đã sửa sau khi duyệt: tệp đính kèm {named} đã bị thay hay sửa"
        if not linked:
            return "đã sửa sau khi duyệt: bài không còn liên kết tới tệp đính kèm nào như khi duyệt"
        return f"đã sửa sau khi duyệt: một trong các tệp đính kèm đã bị thay hay sửa: {named}"
    return ""  # a photo replaced, the file renamed (its address): the values tell no more


def values_only(approved: str, found: str) -> bool:
    """Whether the fingerprint `found` differs from the bound approval `approved` in its values
    part alone: the file's bytes and the linked files as approved, so what changed is outside
    the file (its address, from its name; an image: publish.approval_why)."""
    was, now = bound(approved), bound(found)
    return was is not None and now is not None and was[0] != now[0] and was[1:] == now[1:]


def content_digest(data: Mapping[str, Any], body: str, slug: str, key: str) -> str:
    """sha256 (hex) of the published front matter values and the body as the file has them
    (decoded, NFC, before the loader's cleanup), and of the address: `slug` and `key` as the
    bulletin has them, also when taken from the file's name."""
    return _digest([_SCHEME, _published(data), _hashed_body(body), slug, key])


def _hashed_body(body: str) -> str:
    """The body as the values part hashes it: without its outer blank lines and spaces, as
    always, but keeping the indent of its first line when that indent makes a code block."""
    stripped = body.strip()
    # Nearly every body starts with a line break, or at its text: no space or Tab before its
    # first character that is not a space, so its first line has no indent (no split of it all).
    before = body[: len(body) - len(body.lstrip())]
    if " " not in before and "\t" not in before:
        return stripped
    first = next((line for line in body.splitlines() if line.strip()), "")
    indent = first[: len(first) - len(first.lstrip(" \t"))]
    # Four columns before the first line make it a code block: a hidden comment approved as
    # hidden would show on the page, so the indent must change what an approval matches.
    if len(indent.expandtabs(4)) >= 4:
        return f"{indent}{stripped}"
    return stripped


def earlier_digests(*contents: tuple[Mapping[str, Any], str]) -> tuple[str, ...]:
    """content_digest under each earlier scheme, of each of `contents` (front matter values
    and body after the loader's cleanup, and as written): scheme 1 took them after the cleanup
    of its day, which the cleanup of pasted text has grown since."""
    found = (_digest([_SCHEME_1, _published(data), _hashed_body(body)]) for data, body in contents)
    return tuple(dict.fromkeys(found))


def version(
    bulletin: Bulletin, image_digest: Callable[[str], str | None], reading: Reading = READING
) -> str:
    """The fingerprint of what `bulletin` publishes, as read under `reading`: its content
    digest and the bytes of every image it shows (`image_digest`: sha256 of a file by its path
    under content/, None if unreadable), keyed with the reading's name: the whole approval as
    session 33 wrote it, and what the first part of one written now is taken from
    (`fingerprint`)."""
    return _version(bulletin, bulletin.content_digest, image_digest, reading=reading.name)


def versions_as_approved(
    bulletin: Bulletin, digest: str, image_digest: Callable[[str], str | None]
) -> tuple[str, ...]:
    """The fingerprints an approval of content digest `digest` written before session 33 (not
    keyed with a reading) may have been written as: the current one, and the earlier one that left out the files of the images `unfingerprinted`
    holds (reference-style, or a space in the name), when it has any."""
    current = _version(bulletin, digest, image_digest)
    if not bulletin.unfingerprinted:
        return (current,)
    return (current, _version(bulletin, digest, image_digest, every=False))


def judged_version(
    bulletin: Bulletin,
    image_digest: Callable[[str], str | None],
    reading: Reading = READING,
    linked: Mapping[str, str] | None = None,
) -> str:
    """The fingerprint its `approved_version` is judged by, the bulletin read under `reading`:
    for an approval bound to the file (see `bound`), the `fingerprint` now (`linked`: the
    paths of the files it links to); else under the scheme that value was written with, when
    it matches one (an approval by an earlier version of the tool stays valid until its
    bulletin changes), else under the current one."""
    if bound(bulletin.approved_version) is not None:
        found = fingerprint(bulletin, image_digest, linked, reading)
        if linked_before(bulletin.approved_version, found, linked or {}, image_digest):
            return bulletin.approved_version
        return found
    current = version(bulletin, image_digest, reading)
    if current == bulletin.approved_version:
        return current
    for digest in (bulletin.content_digest, *bulletin.earlier_digests):
        if bulletin.approved_version in versions_as_approved(bulletin, digest, image_digest):
            return bulletin.approved_version
    return current


def _version(
    bulletin: Bulletin,
    digest: str,
    image_digest: Callable[[str], str | None],
    *,
    every: bool = True,
    reading: str = "",
) -> str:
    """The fingerprint of content digest `digest` and the bytes of the bulletin's images:
    every one it shows, or (`every` False, as approvals before session 28 were taken) those
    but the ones `unfingerprinted` holds, whose files were not counted. `reading`: the name of
    the reading the file was read under (key_lines.Reading.name), none before session 33."""
    images = [bulletin.cover] if bulletin.cover else []
    images += bulletin.shown_images if every else bulletin.images
    parts = [reading] if reading else []
    parts += [digest] + [f"{image.path}:{image_digest(image.path) or '-'}" for image in images]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:VERSION_LENGTH]


def _published(data: Mapping[str, Any]) -> Any:
    """The front matter values that change what is published, as _plain writes them."""
    return _plain(
        {
            key: _without(value, UNPUBLISHED_BLOCK_KEYS.get(key, frozenset()))
            for key, value in data.items()
            if key not in UNPUBLISHED_KEYS
        }
    )


def _digest(parts: list[Any]) -> str:
    """sha256 (hex) of `parts` written as JSON, in NFC."""
    text = json.dumps(parts, ensure_ascii=False)
    return hashlib.sha256(nfc(text).encode("utf-8", "surrogatepass")).hexdigest()


class ImageDigests:
    """sha256 of images under content/, each file read once per build (thousands of bulletins
    share a few covers); `known`: digests this build already took, by absolute path."""

    def __init__(self, content: Path, known: Mapping[str, str] | None = None) -> None:
        self.content = content
        self.known = known or {}
        self.memo: dict[str, str | None] = {}
        self.texts: dict[str, str | None] = {}

    def __call__(self, path: str) -> str | None:
        """sha256 of content/<path>, or None when it cannot be read."""
        if path not in self.memo:
            where = self.content / path
            self.memo[path] = self.known.get(str(where)) or file_sha256(where)
        return self.memo[path]

    def text(self, path: str) -> str | None:
        """sha256 of content/<path> with its line endings made \\n (a linked text file: see
        linked_digest), or None when it cannot be read."""
        if path not in self.texts:
            try:
                data = (self.content / path).read_bytes()
            except OSError:
                self.texts[path] = None
            else:
                data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
                self.texts[path] = hashlib.sha256(data).hexdigest()
        return self.texts[path]


def _without(value: Any, keys: frozenset[str]) -> Any:
    """A channel block without its unpublished keys (any other value as it is)."""
    if keys and isinstance(value, Mapping):
        return {k: v for k, v in value.items() if k not in keys}
    return value


_SCALARS = frozenset({str, int, float, bool, type(None)})
"""What _plain gives back as it is (these exact types; a subclass takes the checks)."""


def _plain(value: Any) -> Any:
    """A front matter value as JSON can write it the same way every time: mappings as sorted
    [key, value] pairs (YAML keys may be numbers), dates and times in ISO form."""
    kind = type(value)
    # Exact types first, as YAML makes them: the checks below ask abstract classes (slow).
    if kind in _SCALARS:
        return value
    if kind is dict:
        return sorted([str(k), _plain(v)] for k, v in value.items())
    if kind is list:
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return sorted([str(k), _plain(v)] for k, v in value.items())
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return {"date": value.isoformat()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return repr(value)
