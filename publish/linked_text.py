"""The text of a file a bulletin links to (publish.attachments), to look for secret stamps in it
before the website serves it, and the names Word and LibreOffice keep in a document.

Read without any library beyond Python's own: plain text files decoded; Word, Excel, PowerPoint
and LibreOffice files are zip archives of XML, whose text nodes are read paragraph by paragraph
(a stamp is a line: publish.gates.secret_stamp); a PDF's strings are read from its content, its
Flate streams inflated. Every read is bounded: a zip or a stream that inflates beyond the caps
is a file that cannot be read, never a build that runs out of memory.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree import ElementTree

__all__ = ["MAX_TEXT_BYTES", "Unreadable", "authors", "text_of"]

MAX_TEXT_BYTES = 64 * 1024 * 1024
"""Most bytes inflated from one file (its zip members or PDF streams together)."""
MAX_MEMBERS = 2000
"""Most members of a zip read: an archive of more is no document."""
TEXT_SUFFIXES = frozenset({".txt", ".md", ".csv"})
ZIP_SUFFIXES = frozenset({".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"})
_PARAGRAPHS = frozenset({"p", "h", "si", "is", "tc", "title", "description", "subject"})
"""Elements whose text is one line: Word and PowerPoint paragraphs (w:p, a:p), Excel strings
(si, is), LibreOffice paragraphs and headings (text:p, text:h), document properties."""


class Unreadable(Exception):
    """The file cannot be read to look for stamps in it (encrypted, broken, too large inflated)."""


@dataclass
class _Budget:
    """Bytes left to inflate from one file."""

    left: int = field(default_factory=lambda: MAX_TEXT_BYTES)

    def take(self, size: int) -> None:
        """Count `size` bytes inflated, raising Unreadable past the cap."""
        self.left -= size
        if self.left < 0:
            raise Unreadable("quá lớn khi giải nén")


def text_of(data: bytes, suffix: str) -> str | None:
    """The text of a linked file of `suffix` (lower-case, with its dot) as lines, None for a
    kind that holds no text read here (a picture, an old .doc); Unreadable when it cannot be
    read."""
    if suffix in TEXT_SUFFIXES:
        return _decoded(data)
    if suffix in ZIP_SUFFIXES:
        return "\n".join(text for _, text in _xml_members(data, _Budget()))
    if suffix == ".pdf":
        return _pdf_text(data)
    return None


def authors(data: bytes, suffix: str) -> list[str]:
    """The people a Word, Excel, PowerPoint or LibreOffice file names as its author or last
    editor (docProps/core.xml, meta.xml), each once, in order; none for another kind."""
    if suffix not in ZIP_SUFFIXES:
        return []
    found: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in ("docProps/core.xml", "meta.xml"):
                if name not in archive.namelist():
                    continue
                root = _parsed(_member(archive, archive.getinfo(name), _Budget()))
                for element in root.iter():
                    local = element.tag.rsplit("}", 1)[-1]
                    if local in ("creator", "lastModifiedBy", "initial-creator") and element.text:
                        name_found = " ".join(element.text.split())
                        if name_found and name_found not in found:
                            found.append(name_found)
    except (zipfile.BadZipFile, Unreadable, ElementTree.ParseError, OSError, RuntimeError):
        return []  # told as unreadable by text_of
    return found


def _decoded(data: bytes) -> str:
    """A text file's text: UTF-8 (with or without BOM), UTF-16 with its BOM, else Windows-1258
    (Vietnamese Windows), never failing."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258", "replace")


def _xml_members(data: bytes, budget: _Budget) -> list[tuple[str, str]]:
    """(name, text as lines) of each XML member of a zip document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [m for m in archive.infolist() if m.filename.endswith(".xml")]
            if len(archive.infolist()) > MAX_MEMBERS:
                raise Unreadable("quá nhiều phần")
            if any(m.flag_bits & 0x1 for m in archive.infolist()):
                raise Unreadable("có mật khẩu")
            found = []
            for member in members:
                if member.filename.startswith("[Content_Types]") or "_rels/" in member.filename:
                    continue
                found.append((member.filename, _lines(_parsed(_member(archive, member, budget)))))
            return found
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError) as exc:
        raise Unreadable(f"tệp nén hỏng ({exc})") from None
    except (ElementTree.ParseError, ValueError) as exc:
        raise Unreadable(f"XML hỏng ({exc})") from None


def _member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: _Budget) -> bytes:
    """A member's bytes, read no further than the budget allows (its stated size may lie)."""
    with archive.open(member) as handle:
        data = handle.read(budget.left + 1)
    budget.take(len(data))
    return data


def _parsed(data: bytes) -> ElementTree.Element:
    """An XML member parsed: no DOCTYPE is accepted (no entity can expand)."""
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise Unreadable("XML có khai báo DOCTYPE")
    return ElementTree.fromstring(data)


def _lines(root: ElementTree.Element) -> str:
    """The text of an XML document, one line for each paragraph-like element."""
    lines: list[str] = []
    _walk(root, lines)
    return "\n".join(line for line in lines if line.strip())


def _paragraph(element: ElementTree.Element) -> str:
    """A paragraph's text, a line break in it (Shift+Enter: w:br, a:br, text:line-break) a new
    line, a tab or LibreOffice's spaces (text:tab, text:s) a space."""
    local = element.tag.rsplit("}", 1)[-1]
    parts = [_BREAKS.get(local, ""), element.text or ""]
    for child in element:
        parts += [_paragraph(child), child.tail or ""]
    return "".join(parts)


_BREAKS = {"br": "\n", "cr": "\n", "line-break": "\n", "tab": " ", "s": " "}


def _walk(element: ElementTree.Element, lines: list[str]) -> None:
    """Add the lines of `element`: its whole text when it is a paragraph, else its children's."""
    if element.tag.rsplit("}", 1)[-1] in _PARAGRAPHS:
        lines.append(_paragraph(element))
        return
    if element.text and element.text.strip():
        lines.append(element.text)
    for child in element:
        _walk(child, lines)
        if child.tail and child.tail.strip():
            lines.append(child.tail)


_STREAM = re.compile(rb">>\s*stream\r?\n")
"""Where a stream's bytes start, after its dictionary."""
_LINE_BREAKS = re.compile(rb"(?<![A-Za-z])(?:Td|TD|T\*|Tm|ET|endobj)(?![A-Za-z])|/[A-Za-z]+")
"""Where a PDF's text goes to another line (and a dictionary's strings part: `/Title (…)`)."""
_NOT_TEXT = re.compile(rb"/(?:Image|XRef|Length1|Type1C|CIDFontType0C|OpenType|ObjStm)\b")
"""A stream that holds no text: a picture, a font, the cross-reference table."""
_STRINGS = re.compile(rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<[0-9A-Fa-f\s]*>", re.DOTALL)
_SHOWS = re.compile(rb"(?<![A-Za-z])T[Jj](?![A-Za-z])")
"""A PDF operator that shows text."""
_WORD = re.compile(r"[^\W\d_]{2}")
"""Two letters in a row: text read, not glyph numbers read as Latin-1."""
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _pdf_text(data: bytes) -> str:
    """The strings of a PDF, a line for each text line its content streams move to: those
    written as they are and those in Flate streams."""
    if not data.startswith(b"%PDF"):
        raise Unreadable("không phải tệp PDF")
    if re.search(rb"/Encrypt\b", data):
        raise Unreadable("PDF có mật khẩu hoặc bị mã hóa")
    budget = _Budget()
    plain: list[bytes] = []  # the bytes of no Flate stream
    parts: list[bytes] = []
    done = 0  # where the bytes not yet in parts[0] start: those of no Flate stream
    for match in _STREAM.finditer(data):
        if match.start() < done:
            continue  # in the bytes of a stream inflated
        start = data.rfind(b"obj", max(0, match.start() - 4096), match.start())
        dictionary = data[max(start, match.start() - 4096) : match.start()]
        if b"/FlateDecode" not in dictionary or _NOT_TEXT.search(dictionary):
            continue
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(data[match.end() :], budget.left + 1)
        except zlib.error as exc:
            raise Unreadable(f"luồng nén hỏng ({exc})") from None
        budget.take(len(inflated))
        if not inflater.eof:
            raise Unreadable("luồng nén bị cắt cụt")
        plain.append(data[done : match.end()])
        done = len(data) - len(inflater.unused_data)
        parts.append(inflated)
    parts.insert(0, b"".join([*plain, data[done:]]))
    lines = [_pdf_lines(part) for part in parts]
    shown = [line for part, line in zip(parts[1:], lines[1:], strict=True) if _SHOWS.search(part)]
    if shown and not any(_WORD.search(line) for line in shown):
        # Word's PDFs write Vietnamese as glyph numbers of the font: no stamp would be found.
        raise Unreadable("chữ trong PDF ghi bằng mã phông, công cụ không đọc được")
    return "\n".join(lines)


def _pdf_lines(content: bytes) -> str:
    """The strings of a PDF content (or of any PDF bytes), a line per line of text."""
    lines = []
    for chunk in _LINE_BREAKS.split(content):
        line = "".join(_pdf_string(m.group()) for m in _STRINGS.finditer(chunk))
        if line.strip():
            lines.append(line)
    return "\n".join(lines)


def _pdf_string(written: bytes) -> str:
    """A PDF string as text: a literal `(…)` with its escapes, or hex `<…>`; UTF-16 when it
    starts with its BOM, else PDFDocEncoding read as Latin-1."""
    if written.startswith(b"<"):
        digits = re.sub(rb"\s", b"", written[1:-1])
        raw = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
    else:
        raw = re.sub(
            rb"\\([0-7]{1,3}|.)",
            lambda m: (
                bytes([int(m[1], 8) & 0xFF])
                if m[1][:1].isdigit()
                else _ESCAPES.get(m[1], m[1] if m[1] not in b"\r\n" else b"")
            ),
            written[1:-1],
            flags=re.DOTALL,
        )
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    return raw.decode("latin-1")
