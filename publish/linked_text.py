"""The text of a file a bulletin links to (publish.attachments), to look for secret stamps in it
before the website serves it, and the names Word, LibreOffice and PDF writers keep in a document.

Read without any library beyond Python's own: plain text files decoded; Word, Excel, PowerPoint
and LibreOffice files are zip archives of XML (parts picked by [Content_Types].xml), whose text
is read paragraph by paragraph as the reader sees it (a stamp is a line:
publish.gates.secret_stamp): capitals by formatting upper-cased, hidden, deleted and field-code
text (still in the file) read on lines apart, an Excel row a tab-separated line, documents
embedded read one level deep. A PDF's strings are read from its pages' text operators, its Flate
and object streams inflated, a font's WinAnsi or MacRoman encoding read as such; a string of
glyph numbers (Word's Vietnamese) makes it unreadable, never clean. An RTF's text is read with
its escapes. A short line of capitals typed in an old code page (VNI, TCVN3) is read again
converted, as its reader sees it (one holding a digit, like a spreadsheet's short cell holding
one, for the stamp check alone: stamp_text); short as shown, a run of spaces counted as one.
Every read is bounded: a zip, a part or a stream that inflates beyond the caps, XML of too many
elements, RTF of too many pieces or more text than MAX_TEXT_CHARS is a file that cannot be read,
never a build that runs out of memory or time. A kind not read (an old .doc) is told as unreadable.
"""

from __future__ import annotations

import functools
import html
import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from xml.etree import ElementTree
from xml.parsers import expat

from publish import legacy_text
from publish.image_suffixes import IMAGE_SUFFIXES

__all__ = [
    "BROKEN_XML",
    "BROKEN_ZIP",
    "MAX_TEXT_BYTES",
    "Unreadable",
    "authors",
    "authors_at",
    "stamp_text",
    "text_of",
]

BROKEN_ZIP: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    RuntimeError,  # a member zipfile takes for encrypted
    zlib.error,  # a member whose compressed bytes are damaged
)
"""What reading the members of a damaged zip file (a Word or Office document) raises."""
BROKEN_XML: tuple[type[Exception], ...] = (
    expat.ExpatError,
    ValueError,  # zipfile's «negative seek value» of a member whose offset lies
    LookupError,  # an XML part declaring an encoding Python does not know
)
"""What reading a damaged XML part of such a file raises."""
MAX_TEXT_BYTES = 64 * 1024 * 1024
"""Most bytes inflated from one file (its zip members or PDF streams together)."""
MAX_PART_BYTES = 8 * 1024 * 1024
"""Most bytes inflated from one zip member: a document's text part is far smaller."""
MAX_ELEMENTS = 1_000_000
"""Most XML elements read from one file: millions of empty paragraphs are no document."""
MAX_DEPTH = 256
"""Most XML elements nested in one another (Word nests tables in tables a few levels)."""
MAX_PDF_STREAMS = 100_000
"""Most streams of a PDF looked at."""
MAX_TEXT_CHARS = 8 * 1024 * 1024
"""Most characters of text read from one file: looking through more for stamps and personal
data would take minutes."""
MAX_RTF_TOKENS = 1_000_000
"""Most pieces of RTF read (control words, braces, runs of text): a Word RTF of a hundred pages
has a few hundred thousand; millions of {\\b x} took half a minute."""
_TOO_MUCH = "có quá nhiều chữ để đọc hết"
MAX_MEMBERS = 2000
"""Most members of a zip read: an archive of more is no document."""
TEXT_SUFFIXES = frozenset({".txt", ".md", ".csv"})
ZIP_SUFFIXES = frozenset({".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"})
_PARAGRAPHS = frozenset({"p", "h", "si", "is", "title", "description", "subject"})
"""Elements whose text is one line: Word and PowerPoint paragraphs (w:p, a:p), Excel strings
(si, is), LibreOffice paragraphs and headings (text:p, text:h), document properties."""


class Unreadable(Exception):
    """The file cannot be read to look for stamps in it (encrypted, broken, too large inflated)."""


@dataclass
class _Budget:
    """Bytes left to inflate from one file."""

    left: int = field(default_factory=lambda: MAX_TEXT_BYTES)
    elements: int = field(default_factory=lambda: MAX_ELEMENTS)

    def take(self, size: int) -> None:
        """Count `size` bytes inflated, raising Unreadable past the cap."""
        self.left -= size
        if self.left < 0:
            raise Unreadable("quá lớn khi giải nén")


def text_of(data: bytes, suffix: str, *, nested: bool = False) -> str | None:
    """The text of a linked file of `suffix` (lower-case, with its dot) as lines, then the
    lines typed in an old code page converted (_legacy_lines), None for a picture; Unreadable
    when it cannot be read (an old .doc, .xls or .ppt among them)."""
    text = _text_of(data, suffix, nested=nested)
    if text is None or nested:
        return text
    extra = _legacy_lines(text, digits=False)
    return "\n".join([text, *extra]) if extra else text


def stamp_text(
    text: str, names_grade: Callable[[str], bool], *, numbered_grades: bool = False
) -> str:
    """`text` as text_of read it, with lines that may be a stamp read by the stamp check alone
    (lest the personal-data check tell a number on them twice): a spreadsheet's short cells
    holding a digit («TỐI MẬT - BẢN SỐ 02» beside «Báo cáo tháng 5») and lines typed in an
    old code page holding one, converted («TOÁI MAÄT - BAÛN SOÁ 02» is «TỐI MẬT - BẢN SỐ
    02»). Only those `names_grade` says name a secret grade (publish.gates'
    secret_classification) are added, and of lines alike but for their numbers (a table's
    rows) the first alone, unless `numbered_grades` (a grade holds a digit): a large file's
    copies cost the check more than the file."""
    alike = None if numbered_grades else _shape
    cells = _number_cells(text, alike)
    extra = [cell for cell in cells if names_grade(cell)]
    extra += _legacy_lines(text, cells, digits=True, keep=names_grade, alike=alike)
    return "\n".join([text, *extra]) if extra else text


def _shape(line: str) -> str:
    """A line with each run of digits read as «0»: what the stamp check tells of it alone."""
    return _DIGITS.sub("0", line)


def _number_cells(text: str, alike: Callable[[str], str] | None) -> list[str]:
    """The short cells holding a digit of the rows (lines of cells apart by tabs: Excel and
    LibreOffice rows, a .csv or .txt of tabs) in `text`, spaces collapsed, that may be a stamp:
    in capitals, or with a colon («Độ mật: …»); of those `alike` reads alike, the first. Other
    short cells are lines of their own already (_walk)."""
    if "\t" not in text:
        return []
    cells: dict[str, str] = {}
    rows: set[str] = set()
    for line in text.split("\n"):
        if "\t" not in line or not _DIGIT.search(line):
            continue
        if alike is not None:
            # A row alike another has cells alike its: a table's rows, numbered.
            shape = alike(line)
            if shape in rows:
                continue
            rows.add(shape)
        row = line.split("\t")
        if sum(1 for cell in row if not cell.isspace() and cell) < 2:
            continue
        for cell in row:
            if not _DIGIT.search(cell):
                continue
            cell = " ".join(cell.split())
            if len(cell) <= _CELL_CHARS and _may_be_stamp(cell):
                cells.setdefault(alike(cell) if alike else cell, cell)
    return list(cells.values())


def _may_be_stamp(line: str) -> bool:
    """Whether a line could be a stamp: no a-z (a line of capitals), or a colon («Độ mật: …»)."""
    return ":" in line or not _ASCII_LOWER.search(line)


_ASCII_LOWER = re.compile("[a-z]")
_CONVERTERS = (legacy_text.from_vni, legacy_text.from_tcvn3, legacy_text.from_utf8_twice)


def _legacy_lines(
    text: str,
    more: list[str] | None = None,
    *,
    digits: bool,
    keep: Callable[[str], bool] | None = None,
    alike: Callable[[str], str] | None = None,
) -> list[str]:
    """Short lines of `text` (and the `more` lines, parts of its) that may be a stamp typed in
    an old code page, converted from VNI, TCVN3 and UTF-8 read twice: «TOÁI MAÄT» (VNI) and
    «MËT» (TCVN3 in a .VnTimeH capitals font) are the «TỐI MẬT» and «MẬT» a reader of the
    document sees. A stamp is a line of capitals or an «Độ mật: …» line: other lines are not
    converted (a line at a time, every line of a long document took seconds). Short as
    shown: a run of spaces (a centred or padded stamp) counts as one. Those holding a digit
    when `digits`, else those holding none; of those `alike` reads alike, the first; of the
    converted lines, those `keep` keeps."""
    if not legacy_text.SUSPECT.search(text):
        return []
    lines = text.split("\n") + (more or [])
    seen = set(lines)
    extra: list[str] = []
    shapes: set[str] = set()
    for line in dict.fromkeys(lines):
        if not legacy_text.SUSPECT.search(line):
            continue
        shown = " ".join(line.split())
        if len(shown) > _STAMP_CHARS or bool(_DIGIT.search(shown)) != digits:
            continue
        if not _may_be_stamp(shown):
            continue
        if alike is not None:
            shape = alike(shown)
            if shape in shapes:
                continue
            shapes.add(shape)
        capitals = not _ASCII_LOWER.search(shown)
        seen.add(shown)
        for convert in _CONVERTERS:
            # A capitals font (.VnTimeH) shows TCVN3's lower-case bytes as capitals.
            new = unicodedata.normalize("NFC", convert(shown))
            new = new.upper() if capitals else new
            if new not in seen and (keep is None or keep(new)):
                seen.add(new)
                extra.append(new)
    return extra


_DIGITS = re.compile(r"\d+")
_CELL_CHARS = 40
"""Most characters of a cell beside others read on a line of its own, as a stamp may be."""
_STAMP_CHARS = 80
"""Most characters of a line looked at as a stamp typed in an old code page."""


def _text_of(data: bytes, suffix: str, *, nested: bool = False) -> str | None:
    """The text of a linked file of `suffix` as lines, as the file holds it."""
    if suffix in TEXT_SUFFIXES:
        text = _decoded(data)
        _count_text([text])
        return text
    if suffix in ZIP_SUFFIXES:
        return "\n".join(text for _, text in _xml_members(data, _Budget(), nested=nested))
    if suffix == ".pdf":
        return _pdf_text(data)
    if suffix == ".rtf":
        text = _rtf_text(data)
        _count_text([text])
        return text
    if suffix in IMAGE_SUFFIXES:
        return None
    # A Word 97 .doc, .xls or .ppt holds its text in a binary format not read here: served
    # unlooked-at, a stamp in it would go out unseen.
    raise Unreadable(f"định dạng {suffix or 'không rõ'} không đọc được chữ bên trong")


def authors(data: bytes, suffix: str) -> list[str]:
    """The people a Word, Excel, PowerPoint, LibreOffice or PDF file names (see authors_at),
    each once, in order."""
    return [name for _, name in authors_at(data, suffix)]


PROPERTIES = "properties"
"""Where a name is: the document's properties (docProps/core.xml, meta.xml)."""
COMMENTS = "comments"
"""A comment's author (Word's comments part, Excel's comments and threaded-comment people)."""
CHANGES = "changes"
"""A part holding comments or tracked changes, either (LibreOffice keeps both in content.xml,
Word names a tracked change's author in the document itself)."""
PDF_AUTHOR = "pdf-author"
"""A PDF's /Author in its Info dictionary."""
PDF_XMP = "pdf-xmp"
"""A PDF's XMP metadata (dc:creator)."""


def authors_at(data: bytes, suffix: str) -> list[tuple[str, str]]:
    """The people a Word, Excel, PowerPoint, LibreOffice or PDF file names as its author or
    last editor (docProps/core.xml, meta.xml, a PDF's /Author and XMP dc:creator) or as the
    author of a comment or a tracked change, each once, in order, with where the name is (the
    first place, one of PROPERTIES, COMMENTS, CHANGES, PDF_AUTHOR, PDF_XMP); none for another
    kind."""
    found: dict[str, str] = {}

    def add(name: str, where: str) -> None:
        """Note a person named, once, at the first place found."""
        name = " ".join(name.split())
        if name and name not in found:
            found[name] = where

    if suffix == ".pdf":
        for where, written in _pdf_authors(data):
            add(written, where)
        return [(at, name) for name, at in found.items()]
    if suffix not in ZIP_SUFFIXES:
        return []
    budget = _Budget()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # The members text_of reads, no others: a member it passes over (a relationships
            # part, one named oddly) may be broken in a way only reading it shows.
            xml = _xml_parts(archive, budget)
            names = [name for name in archive.namelist() if _read_as_xml(name, xml)]
            first = [name for name in ("docProps/core.xml", "meta.xml") if name in names]
            # Comments and tracked changes name their authors: Word's w:author, PowerPoint's
            # comment authors, LibreOffice's dc:creator in an annotation or a change.
            rest = [name for name in names if name not in first]
            for name in first + rest:
                member = archive.getinfo(name)
                raw = _member(archive, member, budget)
                if name in rest and not re.search(rb"author|creator|cmAuthor|displayName", raw):
                    continue
                where = _place(name) if name in rest else PROPERTIES
                for element in _parsed(raw, budget).iter():
                    local = _local(element.tag)
                    if local in _AUTHOR_ELEMENTS and element.text:
                        add(element.text, where)
                    for attribute in _AUTHOR_ATTRIBUTES.get(local, ("author",)):
                        author = _attribute(element, attribute)
                        if author:
                            add(author, where)
    except BROKEN_ZIP + BROKEN_XML + (Unreadable, RecursionError):
        return []  # told as unreadable by text_of
    return [(at, name) for name, at in found.items()]


def _place(member: str) -> str:
    """Where a name read in zip member `member` (not the properties) is, as authors_at tells it."""
    low = member.lower()
    comments = (
        "comment" in low or "persons/" in low or low.endswith(("/authors.xml", "/people.xml"))
    )
    return COMMENTS if comments else CHANGES


_AUTHOR_ELEMENTS = frozenset({"creator", "lastModifiedBy", "initial-creator", "author"})
"""Elements naming a person: the properties' author and last editor, LibreOffice's creator of
a comment or a change, Excel's comment authors."""
_AUTHOR_ATTRIBUTES = {
    "cmAuthor": ("name",),
    "author": ("name",),
    "person": ("displayName", "author"),
}
"""Where PowerPoint's comment authors (p:cmAuthor; p188:author in ppt/authors.xml since
PowerPoint 365), Excel's threaded-comment people (displayName) and Word's people who commented
(w15:person w15:author in word/people.xml) keep their names; Word's comments and tracked
changes keep theirs in w:author."""
_PDF_AUTHOR = re.compile(
    rb"/Author\s*(\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<[0-9A-Fa-f\s]*>)"
    rb"|<dc:creator>(.{0,2000}?)</dc:creator>",
    re.DOTALL,
)
"""A PDF's author: in its Info dictionary, or in its XMP metadata (rdf:li items)."""


def _pdf_authors(data: bytes) -> list[tuple[str, str]]:
    """The authors a PDF names, in its own bytes and in its object streams, each with where
    (PDF_AUTHOR or PDF_XMP)."""
    try:
        text = _pdf_objects(data)
    except Unreadable:
        return []  # told as unreadable by text_of
    found = []
    for match in _PDF_AUTHOR.finditer(text):
        if match[1] is not None:
            found.append((PDF_AUTHOR, _pdf_string(match[1])))
        else:
            items = re.findall(rb"<rdf:li[^>]*>([^<]*)</rdf:li>", match[2]) or [match[2]]
            found += [(PDF_XMP, html.unescape(item.decode("utf-8", "replace"))) for item in items]
    return found


def _pdf_objects(data: bytes) -> bytes:
    """A PDF's bytes with its object streams inflated after them."""
    budget = _Budget()
    view = memoryview(data)
    inflated = [data]
    for match in _STREAM.finditer(data):
        dictionary = data[max(0, match.start() - 4096) : match.start()]
        dictionary = dictionary[dictionary.rfind(b"obj") + 1 :]
        if b"/ObjStm" in dictionary and b"/FlateDecode" in dictionary:
            inflated.append(_inflated(view, match.end(), budget)[0])
    return b"\n".join(inflated)


def _decoded(data: bytes) -> str:
    """A text file's text: UTF-8 (with or without BOM), UTF-16 with its BOM or without (told by
    its NUL bytes), else Windows-1258 (Vietnamese Windows), never failing."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    pairs = len(data) // 2
    if pairs:
        # UTF-16 written without its BOM (Excel's «Unicode Text», some exports): a NUL byte
        # beside nearly every ASCII character, at odd offsets (little-endian) or even ones.
        odd, even = data[1::2].count(0), data[0::2].count(0)
        if odd >= pairs / 4 and even <= pairs / 20:
            return data.decode("utf-16-le", "replace")
        if even >= pairs / 4 and odd <= pairs / 20:
            return data.decode("utf-16-be", "replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258", "replace")


def _xml_members(data: bytes, budget: _Budget, *, nested: bool = False) -> list[tuple[str, str]]:
    """(name, text as lines) of each XML member of a zip document, and of each document
    embedded in it (an Excel chart's workbook, an altChunk's RTF) read one level deep."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if len(archive.infolist()) > MAX_MEMBERS:
                raise Unreadable("quá nhiều phần")
            if any(m.flag_bits & 0x1 for m in archive.infolist()):
                raise Unreadable("có mật khẩu")
            xml = _xml_parts(archive, budget)
            roots = []
            for member in archive.infolist():
                name = member.filename
                if not _read_as_xml(name, xml):
                    continue
                raw = _member(archive, member, budget)
                if raw.strip():  # LibreOffice writes an empty accelerator/current.xml
                    roots.append((name, _parsed(raw, budget)))
            found = _texts(roots)
            for member in archive.infolist():
                if xml(member.filename):
                    continue
                suffix = _embedded(member.filename, nested)
                if suffix:
                    text = text_of(_member(archive, member, budget), suffix, nested=True)
                    found.append((member.filename, text or ""))
            _count_text([text for _, text in found])
            return found
    except RecursionError:
        raise Unreadable("XML có quá nhiều tầng lồng nhau") from None
    except BROKEN_ZIP as exc:
        raise Unreadable(f"tệp nén hỏng ({exc})") from None
    except BROKEN_XML as exc:
        raise Unreadable(f"XML hỏng ({exc})") from None


def _read_as_xml(name: str, xml: Callable[[str], bool]) -> bool:
    """Whether a zip document's member is read as XML for its text: not the list of types, no
    relationships part."""
    return not name.startswith("[Content_Types]") and "_rels/" not in name and xml(name)


def _xml_parts(archive: zipfile.ZipFile, budget: _Budget) -> Callable[[str], bool]:
    """Which members of a zip document hold XML: those named .xml (in any case), and those
    [Content_Types].xml says are, whatever their name (Word opens a part by its type)."""
    names: set[str] = set()
    suffixes = {"xml"}
    if "[Content_Types].xml" in archive.namelist():
        types = archive.getinfo("[Content_Types].xml")
        for element in _parsed(_member(archive, types, budget), budget).iter():
            kind = _attribute(element, "ContentType") or ""
            if not kind.endswith(("+xml", "/xml")) or "relationships" in kind:
                continue
            name = _attribute(element, "PartName")
            suffix = _attribute(element, "Extension")
            if name:
                names.add(name.lstrip("/").lower())
            elif suffix:
                suffixes.add(suffix.lower())
    return lambda name: name.lower() in names or PurePosixPath(name.lower()).suffix[1:] in suffixes


def _member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: _Budget) -> bytes:
    """A member's bytes, read no further than the budget allows (its stated size may lie)."""
    try:
        with archive.open(member) as handle:
            data = handle.read(min(budget.left, MAX_PART_BYTES) + 1)
    except ValueError as exc:
        # zipfile's «negative seek value»: the archive places the part before its own start,
        # a damaged file, not a mistake in the XML the editor could look for.
        raise Unreadable(f"tệp nén hỏng ({exc})") from None
    if len(data) > MAX_PART_BYTES:
        raise Unreadable(f"phần {member.filename} quá lớn khi giải nén")
    budget.take(len(data))
    return data


def _parsed(data: bytes, budget: _Budget) -> ElementTree.Element:
    """An XML member parsed: no DOCTYPE is accepted (no entity can expand), whatever its
    encoding; no more elements than the budget's, nested no deeper than MAX_DEPTH."""
    builder = ElementTree.TreeBuilder()
    depth = 0

    def start(tag: str, attributes: dict[str, str]) -> None:
        """Open an element, counted against the caps."""
        nonlocal depth
        depth += 1
        budget.elements -= 1
        if budget.elements < 0:
            raise Unreadable("quá nhiều phần tử XML")
        if depth > MAX_DEPTH:
            raise Unreadable("XML có quá nhiều tầng lồng nhau")
        builder.start(tag, attributes)

    def end(tag: str) -> None:
        """Close an element."""
        nonlocal depth
        depth -= 1
        builder.end(tag)

    def refuse(*_: object) -> None:
        """Refuse a DOCTYPE or an entity declaration: an entity may expand a billion-fold."""
        raise Unreadable("XML có khai báo DOCTYPE")

    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.buffer_text = True
    parser.Parse(data, True)
    return builder.close()


_READ_EMBEDDED = ZIP_SUFFIXES | TEXT_SUFFIXES | {".rtf", ".pdf"}
_NOT_READ_EMBEDDED = frozenset({".htm", ".html", ".mht", ".mhtml", ".doc", ".xls", ".ppt"})


def _embedded(name: str, nested: bool) -> str:
    """The suffix of a document embedded in a zip document, to be read; "" for a part that
    is no document (a picture, a font, settings); Unreadable for one not read (an OLE
    object, an altChunk's web page), whose text would go out unlooked-at."""
    lower = name.lower()
    suffix = PurePosixPath(lower).suffix
    if suffix in _READ_EMBEDDED:
        if nested:
            raise Unreadable(f"có tài liệu nhúng trong tài liệu nhúng ({name})")
        return suffix
    if suffix in _NOT_READ_EMBEDDED or ("embeddings/" in lower and not lower.endswith("/")):
        raise Unreadable(f"có phần nhúng {name} công cụ không đọc được")
    return ""


@dataclass
class _Styles:
    """What a document's styles do to the text shown: capitals, hidden."""

    capitals: set[str] = field(default_factory=set)
    hidden: set[str] = field(default_factory=set)
    lower: set[str] = field(default_factory=set)
    """Styles that turn capitals off, whatever the style they are based on."""
    shown: set[str] = field(default_factory=set)
    """Styles that show text their base style hides."""
    parents: dict[str, str] = field(default_factory=dict)
    """The style each is based on (Word's w:basedOn, LibreOffice's parent-style-name)."""
    shared: list[str] = field(default_factory=list)
    """Excel's shared strings, by the number a cell gives."""
    used: set[int] = field(default_factory=set)
    """The shared strings a row showed: not read again on lines of their own."""


_NOT_READ = frozenset({"rPh", "note-citation", "f"})
"""Elements whose text is not the document's: Excel's phonetic guides and formulas,
LibreOffice's footnote numbers (glued to a stamp)."""
_APART = frozenset({"instrText", "delText", "delInstrText"})
"""Elements whose text is not shown but is still published in the file (Word's field codes and
deleted text): read on lines of their own, as hidden text is, never glued onto a shown line."""
_HIDE, _SHOW = "\x01", "\x02"
"""Around text hidden in a line (XML and the RTF read here hold neither character): moved by
_apart to lines of its own."""
_HIDDEN = re.compile(_HIDE + "([^" + _SHOW + "]*)" + _SHOW)
_ASIDES = frozenset({"annotation", "note"})
"""Elements inside a paragraph whose text is another's (a comment, a footnote): lines apart."""
_ON = frozenset({"", "1", "true", "on"})


@functools.lru_cache(maxsize=4096)
def _local(name: str) -> str:
    """An XML name without its namespace."""
    return name.rsplit("}", 1)[-1]


def _attribute(element: ElementTree.Element, local: str) -> str | None:
    """The value of `element`'s attribute `local`, in whatever namespace."""
    for key, value in element.attrib.items():
        if _local(key) == local:
            return value
    return None


def _switched_on(element: ElementTree.Element) -> bool:
    """Whether a Word property (w:caps, w:vanish) is on: it is unless w:val says off."""
    return (_attribute(element, "val") or "").lower() in _ON


def _texts(roots: list[tuple[str, ElementTree.Element]]) -> list[tuple[str, str]]:
    """(name, text as lines) of each XML part, read with the document's styles."""
    styles = _Styles()
    for _, root in roots:
        _gather_styles(root, styles)
    _inherit(styles)
    found = [(name, _lines(root, styles)) for name, root in roots if _local(root.tag) != "sst"]
    unused = [s for number, s in enumerate(styles.shared) if number not in styles.used]
    if any(s.strip() for s in unused):
        found.append(("xl/sharedStrings.xml", "\n".join(_apart(s) for s in unused if s.strip())))
    return found


def _inherit(styles: _Styles) -> None:
    """Give a style the capitals and hiding of the style it is based on, unless it sets its
    own (a style «Dấu mật» based on a Heading in capitals shows capitals too)."""
    for _ in range(MAX_DEPTH):  # a chain of styles based on styles: bounded, never a loop
        before = len(styles.capitals) + len(styles.hidden)
        for name, parent in styles.parents.items():
            if parent in styles.capitals and name not in styles.lower:
                styles.capitals.add(name)
            if parent in styles.hidden and name not in styles.shown:
                styles.hidden.add(name)
        if len(styles.capitals) + len(styles.hidden) == before:
            return


def _gather_styles(root: ElementTree.Element, styles: _Styles) -> None:
    """Note the styles of a part that show text in capitals or hide it (Word's w:style,
    LibreOffice's style:style), and Excel's shared strings."""
    if _local(root.tag) == "sst":
        styles.shared += [_paragraph(item, styles) for item in root if _local(item.tag) == "si"]
        return
    # Word's styles.xml holds its w:style; LibreOffice's content.xml and styles.xml theirs
    # in (automatic-)styles: the body, thousands of paragraphs, holds none.
    kind = _local(root.tag)
    if kind == "styles":
        found = list(root)
    elif kind in ("document-content", "document-styles", "document"):
        found = [e for part in root if _local(part.tag).endswith("styles") for e in part]
    else:
        return
    for element in found:
        if _local(element.tag) != "style":
            continue
        name = _attribute(element, "styleId") or _attribute(element, "name")
        if name is None:
            continue
        parent = _attribute(element, "parent-style-name")
        for prop in element.iter():
            local = _local(prop.tag)
            shown = {_attribute(prop, "text-transform"), _attribute(prop, "font-variant")}
            if local in ("caps", "smallCaps"):
                (styles.capitals if _switched_on(prop) else styles.lower).add(name)
            elif local == "vanish":
                (styles.hidden if _switched_on(prop) else styles.shown).add(name)
            elif local == "basedOn":
                parent = _attribute(prop, "val")
            elif shown & {"uppercase", "small-caps"}:
                styles.capitals.add(name)
            elif shown & {"none", "normal"}:
                styles.lower.add(name)
            elif _attribute(prop, "display") is not None:
                (styles.hidden if _attribute(prop, "display") == "none" else styles.shown).add(name)
        if parent:
            styles.parents[name] = parent


def _look(element: ElementTree.Element, styles: _Styles) -> tuple[bool, bool]:
    """Whether `element` shows its text in capitals, and whether it hides it: Word's run and
    paragraph properties and styles, PowerPoint's cap attribute, LibreOffice's styles."""
    capitals = hidden = False
    local = _local(element.tag)
    style = _attribute(element, "style-name")
    if local in ("r", "p") and len(element):
        props = element[0]  # a run's or paragraph's properties come first
        if _local(props.tag) in ("rPr", "pPr"):
            if _attribute(props, "cap") in ("all", "small"):
                capitals = True
            for prop in props:
                kind = _local(prop.tag)
                if kind in ("caps", "smallCaps") and _switched_on(prop):
                    capitals = True
                elif kind == "vanish" and local == "r" and _switched_on(prop):
                    hidden = True
                elif kind in ("rStyle", "pStyle"):
                    style = _attribute(prop, "val")
    if style is not None:
        capitals = capitals or style in styles.capitals
        hidden = hidden or style in styles.hidden
    return capitals, hidden


def _lines(root: ElementTree.Element, styles: _Styles) -> str:
    """The text of an XML document, one line for each paragraph-like element."""
    lines: list[str] = []
    _walk(root, lines, styles)
    return "\n".join(line for line in map(_apart, lines) if line.strip())


def _apart(text: str) -> str:
    """Text's lines shown, each followed by the stretches of text hidden in it on lines of
    their own: read for stamps and personal data (the file carries them), never glued onto a
    shown line."""
    if _HIDE not in text:
        return text
    # A line break inside hidden text is hidden too: it breaks the hidden stretch, not the
    # shown line around it. Hidden runs side by side are one stretch.
    text = _HIDDEN.sub(lambda m: _HIDE + m[1].replace("\n", "\x03") + _SHOW, text)
    text = text.replace(_SHOW + _HIDE, "")
    lines = []
    for line in text.split("\n"):
        hidden = [part for stretch in _HIDDEN.findall(line) for part in stretch.split("\x03")]
        lines += [_HIDDEN.sub("", line).replace(_HIDE, "").replace(_SHOW, ""), *hidden]
    return "\n".join(line for line in lines if line.strip())


def _paragraph(
    element: ElementTree.Element, styles: _Styles, capitals: bool = False, hiding: bool = False
) -> str:
    """A paragraph's text, a line break in it (Shift+Enter: w:br, a:br, text:line-break) a new
    line, a tab or LibreOffice's spaces (text:tab, text:s) a space, a non-breaking hyphen a
    hyphen; text hidden, deleted or a field's code marked to be read apart (_apart), capitals
    by style upper-cased."""
    local = _local(element.tag)
    if local in _NOT_READ:
        return ""
    shown_capitals, hidden = (
        _look(element, styles) if local in ("r", "p") or element.attrib else (False, False)
    )
    if (hidden or local in _APART) and not hiding:
        return _HIDE + _paragraph(element, styles, capitals, hiding=True) + _SHOW
    capitals = capitals or shown_capitals
    parts = [_BREAKS.get(local, ""), element.text or ""]
    for child in element:
        kind = _local(child.tag)
        if kind in _PARAGRAPHS:
            # A text box's paragraphs sit inside their anchor's: each is a line of its own.
            parts += ["\n", _paragraph(child, styles, capitals, hiding), "\n"]
        elif kind in _ASIDES:
            aside: list[str] = []
            _walk(child, aside, styles)
            parts += ["\n", *(line + "\n" for line in aside)]
        elif not kind.endswith("Pr"):  # properties (w:rPr, a:pPr…) hold no text
            parts.append(_paragraph(child, styles, capitals, hiding))
        parts.append(child.tail or "")
    text = "".join(parts)
    return text.upper() if capitals else text


_BREAKS = {
    "br": "\n",
    "cr": "\n",
    "line-break": "\n",
    "tab": " ",
    "s": " ",
    "noBreakHyphen": "-",
}


_HEADER_CODES = re.compile(r'&(?:"[^"]*"|\d+|K[0-9A-Fa-f]{6}|[A-Za-z])')
"""Excel's codes in a page header or footer: a section (&L, &C, &R), a font (&"Times,Bold"),
a size (&14), a colour (&KFF0000), a field (&P, &D) or a style (&B, &U)."""
_HEADERS = frozenset(
    {"oddHeader", "evenHeader", "firstHeader", "oddFooter", "evenFooter", "firstFooter"}
)


def _header(text: str) -> str:
    """An Excel page header's text, a line per section, its codes left out (&& is an &)."""
    return "&".join(
        _HEADER_CODES.sub(lambda m: "\n" if m[0] in ("&L", "&C", "&R") else "", part)
        for part in text.split("&&")
    )


def _walk(element: ElementTree.Element, lines: list[str], styles: _Styles) -> None:
    """Add the lines of `element`: its whole text when it is a paragraph, else its children's;
    an Excel row one line of its cells apart by tabs, as a .csv's, a sheet's tab its name."""
    local = _local(element.tag)
    if local in _PARAGRAPHS:
        lines.append(_paragraph(element, styles))
        return
    if local in _HEADERS:
        lines.append(_header(element.text or ""))
        return
    if local in ("row", "table-row"):
        cells = [
            _cell(cell, styles) if local == "row" else " ".join(_cell_lines(cell, styles))
            for cell in element
            if _local(cell.tag) in ("c", "table-cell")
        ]
        lines.append("\t".join(cells))
        if sum(1 for cell in cells if cell.strip()) > 1:
            # A stamp is a line: a short cell beside others is one too, short as shown (a
            # padded cell too). Those with digits are not, lest a number be told twice as
            # personal data: stamp_text reads them.
            lines += [
                cell
                for cell in cells
                if len(" ".join(cell.split())) <= _CELL_CHARS and not _DIGIT.search(cell)
            ]
        return
    if local == "sheet" and _attribute(element, "name"):
        lines.append(_attribute(element, "name") or "")
    if local in _NOT_READ:
        return
    if local in _APART:
        lines.append("".join(element.itertext()))
        return
    if element.text and element.text.strip():
        lines.append(element.text)
    for child in element:
        _walk(child, lines, styles)
        if child.tail and child.tail.strip():
            lines.append(child.tail)


_DIGIT = re.compile(r"\d")


def _cell_lines(cell: ElementTree.Element, styles: _Styles) -> list[str]:
    """A LibreOffice table cell's lines, text hidden in them still marked: read apart from the
    row's line, not glued onto a cell's text."""
    lines: list[str] = []
    _walk(cell, lines, styles)
    return [line for line in lines if line.strip()]


def _cell(cell: ElementTree.Element, styles: _Styles) -> str:
    """An Excel cell's text: its shared string, its inline string or its value."""
    value = next((child.text or "" for child in cell if _local(child.tag) == "v"), "")
    inline = next((child for child in cell if _local(child.tag) == "is"), None)
    if inline is not None:
        return _paragraph(inline, styles)
    if _attribute(cell, "t") == "s" and value.strip().isdigit():
        number = int(value)
        if number < len(styles.shared):
            styles.used.add(number)
            return styles.shared[number]
    if _attribute(cell, "t") in (None, "n") and len(value) == 11 and value.isdigit():
        # A CCCD typed into a number cell loses its leading 0 (every province code has one),
        # shown again by a 000000000000 format: read as the 12 digits it is.
        return "0" + value
    return value


_STREAM = re.compile(rb">>\s*stream\r?\n")
"""Where a stream's bytes start, after its dictionary."""
_LINE_BREAKS = re.compile(rb"(?<![A-Za-z])(?:Td|TD|T\*|Tm|ET|endobj)(?![A-Za-z])|/[A-Za-z]+")
"""Where a PDF's text goes to another line (and a dictionary's strings part: `/Title (…)`)."""
_NOT_TEXT = re.compile(rb"/(?:Image|XRef|Length1|Type1C|CIDFontType0C|OpenType)\b")
"""A stream that holds no text: a picture, a font, the cross-reference table."""
_STRINGS = re.compile(rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<[0-9A-Fa-f\s]*>", re.DOTALL)
_SHOWS = re.compile(rb"(?<![A-Za-z])(?:T[Jj]|')(?![A-Za-z])|\"")
"""A PDF operator that shows text."""
_STRING = rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<[0-9A-Fa-f\s]*>"
_CONTENT_EVENT = re.compile(
    rb"\[((?:" + _STRING + rb"|[^\]()<])*)\]\s*TJ"  # 1 TJ's array
    rb"|(" + _STRING + rb")\s*(Tj|'|\")"  # 2 a string shown by 3 Tj, ' or "
    rb"|(/[^\s/\[\]()<>{}%]+)\s+[-+\d.]+\s+Tf"  # 4 a font chosen
    rb"|(?<![A-Za-z0-9*])(Td|TD|T\*|Tm|BT|ET|ID)(?![A-Za-z0-9*])"  # 5 a move, a picture
    rb"|" + _STRING + rb"|%[^\r\n]*",  # a string not shown, a comment: passed over
    re.DOTALL,
)
"""What a page's content does with text; other operators and their numbers are passed over."""
_TJ_ITEM = re.compile(_STRING + rb"|[-+]?(?:\d+\.?\d*|\.\d+)", re.DOTALL)
_NEW_LINE = frozenset({b"Td", b"TD", b"T*", b"Tm", b"BT", b"ET", b"'", b'"'})
"""Operators that move to another line of text (' and " show their string on the next)."""
_TJ_SPACE = -200
"""A TJ offset this far back (thousandths of the font size) is a gap between words: Word and
LibreOffice justify lines with offsets instead of spaces."""
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x80-\x9f]")
"""Characters no text holds, C0 and C1 control codes: a string of them is glyph numbers of a
font read as Latin-1 (a subset font numbers its glyphs 1, 2, … up past 128: «M\\203T» is
«MẬT» with Ậ its 131st glyph)."""
_TYPE0 = re.compile(rb"/Subtype\s*/Type0\b")
"""A composite font (Identity-H): its strings are glyph numbers, whatever its ToUnicode."""
_OBJECT = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_INLINE_END = re.compile(rb"\sEI(?![^\s])")
_GLYPHS = "chữ trong PDF ghi bằng mã phông, công cụ không đọc được"
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _pdf_text(data: bytes) -> str:
    """The strings of a PDF, a line for each text line its content streams move to: those
    written as they are and those in Flate streams; Unreadable when a string shown on a page
    is glyph numbers of its font (Word writes Vietnamese so), not letters."""
    if not data.startswith(b"%PDF"):
        raise Unreadable("không phải tệp PDF")
    if re.search(rb"/Encrypt\b", data):
        raise Unreadable("PDF có mật khẩu hoặc bị mã hóa")
    budget = _Budget()
    plain: list[bytes] = []  # the bytes of no stream read on its own
    parts: list[bytes] = []
    objects = [True]  # whether each part holds objects (not a page's content): parts[0] does
    done = 0  # where the bytes not yet in parts[0] start: those of no stream read
    view = memoryview(data)  # slices of it copy nothing: a copy per stream is quadratic
    for count, match in enumerate(_STREAM.finditer(data)):
        if count > MAX_PDF_STREAMS:
            raise Unreadable("PDF có quá nhiều luồng")
        if match.start() < done:
            continue  # in the bytes of a stream read
        start = data.rfind(b"obj", max(0, match.start() - 4096), match.start())
        dictionary = data[max(start, match.start() - 4096) : match.start()]
        if _NOT_TEXT.search(dictionary):
            continue
        if b"/FlateDecode" in dictionary:
            inflated, end = _inflated(view, match.end(), budget)
        elif b"/Filter" in dictionary:
            # Text under another filter (ASCIIHex, LZW…) is not read: not a clean page.
            raise Unreadable("PDF có luồng nén kiểu công cụ không đọc được")
        else:
            end = data.find(b"endstream", match.end())
            if end < 0:
                continue
            inflated = data[match.end() : end]
        plain.append(data[done : match.end()])
        done = end
        parts.append(inflated)
        objects.append(b"/ObjStm" in dictionary)
    parts.insert(0, b"".join([*plain, data[done:]]))
    composite = _composite_fonts(parts)
    encoded = _encoded_fonts(parts, objects)
    lines: list[str] = []
    size = 0
    for part, holds_objects in zip(parts, objects, strict=True):
        # A page's content shows strings; an object stream or the file's own bytes hold
        # dictionaries (titles, bookmarks, annotations), whose strings are read as they are.
        shows = not holds_objects and _SHOWS.search(part)
        lines.append(_content_lines(part, composite, encoded) if shows else _pdf_lines(part))
        if b"<x:xmpmeta" in part:
            lines[-1] += "\n" + _xmp_lines(part)
        size += len(lines[-1])
        if size > MAX_TEXT_CHARS:
            raise Unreadable(_TOO_MUCH)
    return "\n".join(line for line in lines if line)


_XMP_TEXT = re.compile(
    rb"<dc:(?:title|description|subject)>(.{0,100000}?)</dc:(?:title|description|subject)>",
    re.DOTALL,
)


def _xmp_lines(part: bytes) -> str:
    """The title, description and keywords of a PDF's XMP metadata (Word writes its title
    there as well as in /Title; another writer may write it there only), a line each."""
    items = [
        item
        for match in _XMP_TEXT.finditer(part)
        for item in re.findall(rb"<rdf:li[^>]*>([^<]*)</rdf:li>", match[1]) or [match[1]]
    ]
    return "\n".join(html.unescape(item.decode("utf-8", "replace")) for item in items)


def _composite_fonts(parts: list[bytes]) -> frozenset[bytes]:
    """The names pages give their composite (Type0) fonts, whose strings are glyph numbers."""
    numbers = set()
    for part in parts:
        for font in _TYPE0.finditer(part):
            # The object the font's dictionary opens: the last «N 0 obj» before it.
            opened = [*_OBJECT.finditer(part, max(0, font.start() - 2000), font.start())]
            if opened:
                numbers.add(opened[-1][1])
    if not numbers:
        return frozenset()
    refs = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*(\d+)\s+\d+\s+R")
    return frozenset(b"/" + m[1] for part in parts for m in refs.finditer(part) if m[2] in numbers)


_SIMPLE_ENCODING = re.compile(
    rb"/Encoding\s*+/(WinAnsiEncoding|MacRomanEncoding)(?![^\s/\[\]()<>{}%])"
)
"""A font's standard encoding, named: its codes are letters, quotes and dashes, whatever the
font. StandardEncoding is left out: it has no character from 128 to 159."""
_ENCODING_TABLES = {
    b"WinAnsiEncoding": {
        code: char
        for code in range(0x80, 0xA0)
        if (char := bytes([code]).decode("cp1252", "ignore"))
    },
    b"MacRomanEncoding": {code: bytes([code]).decode("mac_roman") for code in range(0x80, 0x100)},
}
"""What each code read as Latin-1 is in an encoding; a code WinAnsi leaves undefined (0x81)
stays a control code, a glyph number."""
_FONT_EDGES = re.compile(
    rb"(?<![0-9])([0-9]++)\s++[0-9]++\s++obj\b"  # 1 an object opened
    rb"|endobj"
    rb"|" + _SIMPLE_ENCODING.pattern  # 2 a standard encoding named
)
"""Where objects open and close, and the encodings named in them, in one pass: possessive,
as a run of digits must not be read again from each of its digits."""
_REFS = re.compile(rb"/([^\s/\[\]()<>{}%]{1,127}+)\s*+([0-9]++)\s++[0-9]++\s++R\b")
"""A name standing for an object («/F1 5 0 R»)."""
_STREAM_OBJECTS = re.compile(rb"\s*+([0-9]++)\s++[0-9]++")


def _encoded_fonts(parts: list[bytes], objects: list[bool]) -> dict[bytes, dict[int, str]]:
    """The names pages give their simple fonts of a standard encoding (WinAnsi, MacRoman),
    with its table: only a name each font it stands for (on any page) has the same encoding,
    defined once in the file (an update may redefine a font object), in an object of its own.
    Any other font is read as Latin-1, codes 128–159 its glyph numbers."""
    if not any(_SIMPLE_ENCODING.search(part) for part in parts):
        return {}
    defined: dict[bytes, int] = {}
    encoded: dict[bytes, bytes] = {}
    for part, holds_objects in zip(parts, objects, strict=True):
        if holds_objects and part is not parts[0]:
            # An object stream opens with the numbers of its objects and their offsets.
            at = 0
            while pair := _STREAM_OBJECTS.match(part, at):
                defined[pair[1]] = defined.get(pair[1], 0) + 1
                at = pair.end()
        current = None
        for edge in _FONT_EDGES.finditer(part):
            if edge[1] is not None:
                current = edge[1]
                defined[current] = defined.get(current, 0) + 1
            elif edge[2] is not None and current is not None:
                encoded[current] = edge[2]
            elif edge[2] is None:
                current = None
    refers: dict[bytes, set[bytes | None]] = {}
    for part in parts:
        for ref in _REFS.finditer(part):
            kind = encoded.get(ref[2]) if defined.get(ref[2]) == 1 else None
            refers.setdefault(b"/" + ref[1], set()).add(kind)
    return {
        name: _ENCODING_TABLES[kind]
        for name, kinds in refers.items()
        if len(kinds) == 1 and (kind := next(iter(kinds))) is not None
    }


def _count_text(lines: list[str]) -> None:
    """Refuse text past MAX_TEXT_CHARS: looking through more would take minutes."""
    if sum(len(line) for line in lines) > MAX_TEXT_CHARS:
        raise Unreadable(_TOO_MUCH)


def _inflated(view: memoryview, at: int, budget: _Budget) -> tuple[bytes, int]:
    """A Flate stream starting at `at` inflated, and where its compressed bytes end."""
    inflater = zlib.decompressobj()
    out: list[bytes] = []
    while not inflater.eof:
        chunk = view[at : at + 65536]
        if not chunk:
            raise Unreadable("luồng nén bị cắt cụt")
        try:
            got = inflater.decompress(chunk, budget.left + 1)
        except zlib.error as exc:
            raise Unreadable(f"luồng nén hỏng ({exc})") from None
        budget.take(len(got))
        out.append(got)
        at += len(chunk) - len(inflater.unused_data)
    return b"".join(out), at


def _glyph_numbers(text: str) -> bool:
    """Whether a string shown reads as glyph numbers, not letters: any control code in it.
    TeX's ligatures (fi is \\014) are told so too, a warning to look at the file: a PDF
    from Word or LibreOffice with a code below 32 (or from 128 to 159) holds Vietnamese no
    reader here could see."""
    return _CONTROLS.search(text) is not None


def _content_lines(
    content: bytes, composite: frozenset[bytes], encoded: dict[bytes, dict[int, str]]
) -> str:
    """The text a page's content shows, a line per line it moves to, a wide TJ gap a space,
    a string in a font of a standard encoding read by it (`encoded`, see _encoded_fonts);
    Unreadable when a string shown is glyph numbers (a composite font, or control codes)."""
    lines: list[str] = []
    line: list[str] = []
    size = 0
    font = b""

    def show(*written: bytes) -> None:
        """Add the strings one operator shows, refusing glyph numbers."""
        nonlocal size
        text = "".join(_pdf_string(item, encoded.get(font)) for item in written)
        if font in composite or _glyph_numbers(text):
            raise Unreadable(_GLYPHS)
        line.append(text)
        size += len(text)
        if size > MAX_TEXT_CHARS:
            raise Unreadable(_TOO_MUCH)

    at = 0
    while match := _CONTENT_EVENT.search(content, at):
        at = match.end()
        array, written, operator, chosen, move = match.groups()
        if line and (move in _NEW_LINE or operator in _NEW_LINE):
            lines.append("".join(line))
            line = []
        if written is not None:
            show(written)
        elif array is not None:
            words: list[bytes] = []  # the strings of a word, a gap between words ends it
            for item in _TJ_ITEM.finditer(array):
                if item[0][:1] in b"(<":
                    words.append(item[0])
                elif float(item[0]) <= _TJ_SPACE:
                    show(*words)
                    line.append(" ")
                    words = []
            show(*words)
        elif chosen is not None:
            font = chosen
        elif move == b"ID":
            # An inline picture's bytes, which may read as anything, up to its EI.
            found = _INLINE_END.search(content, at)
            at = found.end() if found else len(content)
    if line:
        lines.append("".join(line))
    return "\n".join(text for text in lines if text.strip())


def _pdf_lines(content: bytes) -> str:
    """The strings of a PDF content (or of any PDF bytes), a line per line of text."""
    lines = []
    for chunk in _LINE_BREAKS.split(content):
        line = "".join(_pdf_string(m.group()) for m in _STRINGS.finditer(chunk))
        if line.strip():
            lines.append(line)
    return "\n".join(lines)


def _pdf_string(written: bytes, table: dict[int, str] | None = None) -> str:
    """A PDF string as text: a literal `(…)` with its escapes, or hex `<…>`; shown in a font of
    a standard encoding, its codes read by that encoding's `table`; else UTF-16 when it starts
    with its BOM, else PDFDocEncoding read as Latin-1."""
    if written.startswith(b"<"):
        digits = re.sub(rb"\s", b"", written[1:-1])
        raw = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
    elif b"\\" not in written:
        raw = written[1:-1]
    else:
        raw = _ESCAPE.sub(
            lambda m: (
                bytes([int(m[1], 8) & 0xFF])
                if m[1][:1] in b"01234567"
                else _ESCAPES.get(m[1], m[1] if m[1] not in b"\r\n" else b"")
            ),
            written[1:-1],
        )
    if table is not None:
        return raw.decode("latin-1").translate(table)
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    return raw.decode("latin-1")


_RTF_TOKEN = re.compile(
    rb"\\([a-z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.|\n)|([{}])|[\r\n]+|([^\\{}\r\n]+)"
)
"""One piece of RTF: a control word and its number, a \\'xx byte, a control symbol (a
backslash before a line end too: a paragraph's end, as macOS TextEdit writes it), a group's
brace, a line end (no text) or text."""
_RTF_SKIPPED = frozenset(
    {
        "fonttbl",
        "colortbl",
        "stylesheet",
        "info",
        "pict",
        "object",
        "themedata",
        "listtable",
        "listoverridetable",
        "rsidtbl",
        "generator",
        "datastore",
        "latentstyles",
        "xmlnstbl",
        "sp",
    }
)
"""Groups that hold no text of the document (fonts, colours, pictures, properties)."""
_RTF_STARRED_READ = frozenset({"shpinst"})
"""Optional destinations whose text is the document's: a text box's shape (\\shptxt in it)."""
_RTF_BREAKS = frozenset({"par", "line", "row", "cell", "sect", "page"})


def _rtf_text(data: bytes) -> str:
    """An RTF file's text, a line per paragraph, hidden text ({\\v}) on lines apart: control
    words left out, \\'xx bytes read in Windows-1258, \\uN characters decoded; Unreadable
    when it is no simple RTF."""
    if not data.lstrip().startswith(b"{\\rtf"):
        raise Unreadable("không phải tệp RTF")
    out: list[str] = []
    pending = bytearray()  # \\'xx bytes, decoded together (a character may be two)
    skip_depth = 0  # inside a skipped group: the depth it opened at
    depth = 0
    skip_next = 0  # fallback characters after \\uN still to leave out
    uc = 1
    starred = star = False  # after a group's brace; after its \\*
    capitals = hidden = False  # \\caps, \\v: the group's text upper-cased, read apart
    looks: list[tuple[bool, bool]] = []  # those of the groups around

    def flush() -> None:
        """Decode the \\'xx bytes gathered."""
        if pending:
            shown(bytes(pending).decode("cp1258", "replace"))
            pending.clear()

    def shown(text: str) -> None:
        """Add text of the document as its group shows it."""
        text = text.replace(_HIDE, "").replace(_SHOW, "")
        text = text.upper() if capitals else text
        out.append(_HIDE + text + _SHOW if hidden else text)

    for count, match in enumerate(_RTF_TOKEN.finditer(data)):
        if count > MAX_RTF_TOKENS:
            raise Unreadable("RTF quá dài để đọc hết")
        word, number, hexed, symbol, brace, text = match.groups()
        if brace is not None:
            flush()
            depth += 1 if brace == b"{" else -1
            if skip_depth and depth < skip_depth:
                skip_depth = 0
            if brace == b"{":
                looks.append((capitals, hidden))
            elif looks:
                capitals, hidden = looks.pop()
            starred = brace == b"{"
            if depth > MAX_DEPTH or depth < 0:
                raise Unreadable("RTF có quá nhiều tầng lồng nhau")
            continue
        fresh, optional = starred, star
        starred = star = False
        if symbol == b"*" and fresh:
            star = True  # an optional destination: no text, unless a text box's
            continue
        if optional and not skip_depth and (word or b"").decode("ascii") not in _RTF_STARRED_READ:
            skip_depth = depth
        if skip_depth:
            continue
        if word is not None:
            name = word.decode("ascii")
            on = number is None or number != b"0"
            if fresh and name in _RTF_SKIPPED:
                skip_depth = depth
            elif name in ("caps", "scaps"):
                flush()
                capitals = on
            elif name == "v":
                flush()
                hidden = on
            elif name == "plain":
                flush()
                capitals = hidden = False
            elif name == "bin":
                raise Unreadable("RTF có dữ liệu nhị phân, công cụ không đọc được")
            elif name == "uc" and number is not None:
                uc = int(number)
            elif name == "u" and number is not None:
                flush()
                code = int(number) % 65536
                shown("\ufffd" if 0xD800 <= code < 0xE000 else chr(code))
                skip_next = uc
            elif name in _RTF_BREAKS:
                flush()
                shown("\n")
            elif name == "tab":
                shown(" ")
            continue
        if hexed is not None:
            if skip_next:
                skip_next -= 1
                continue
            pending.append(int(hexed, 16))
            continue
        flush()
        if symbol is not None:
            if symbol in b"\\{}":
                out.append(symbol.decode("latin-1"))
            elif symbol in b"\r\n":
                shown("\n")  # RTF reads «\\» before a line end as \\par
            elif symbol == b"~":
                out.append(" ")
            continue
        if text is not None:
            if skip_next:
                dropped = min(skip_next, len(text))
                text = text[dropped:]
                skip_next -= dropped
            shown(text.decode("cp1258", "replace"))
    flush()
    # Line ends typed as bytes (\\'0d\\'0a, an old Mac's \\'0d) end a line as in any text file.
    text = "".join(out).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line for line in _apart(text).split("\n") if line.strip())
