"""A file a bulletin links to is served as it is (publish.attachments): one stamped secret holds
the bulletin back as a stamped body does, one that cannot be read to look is told, and the
names Word keeps in a document are told before they go out on the website."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

import pytest

from publish import attachments, linked_text, pii
from publish import config as config_module
from publish.cli import main
from publish.config import Policy
from publish.content import load_site
from publish.errors import ContentError, Problem
from publish.gates import secret_stamp
from tests.helpers import NOW, SITE_TOML, add_toml, bulletin_md, make_project

FILE = "content/bai-viet/a.md"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CORE = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<dc:creator>{creator}</dc:creator><cp:lastModifiedBy>{last}</cp:lastModifiedBy>"
    "</cp:coreProperties>"
)


def docx(*paragraphs: list[str], creator: str = "", last: str = "", header: str = "") -> bytes:
    """A Word document: each paragraph a list of runs (Word splits a word across runs)."""
    body = "".join(
        "<w:p>" + "".join(f"<w:r><w:t>{run}</w:t></w:r>" for run in runs) + "</w:p>"
        for runs in paragraphs
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        )
        if header:
            archive.writestr(
                "word/header1.xml",
                f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>{header}</w:t></w:r></w:p></w:hdr>',
            )
        if creator or last:
            archive.writestr("docProps/core.xml", CORE.format(creator=creator, last=last))
    return out.getvalue()


def xlsx(*strings: str) -> bytes:
    """An Excel workbook's shared strings (where its cells' text is)."""
    out = io.BytesIO()
    sst = "".join(f"<si><t>{text}</t></si>" for text in strings)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sst}</sst>',
        )
    return out.getvalue()


def pdf(content: bytes, *, flate: bool = True, extra: bytes = b"") -> bytes:
    """A one-page PDF whose page shows `content` (a content stream), Flate-compressed or not."""
    stream = zlib.compress(content) if flate else content
    filters = b" /Filter /FlateDecode" if flate else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    for number, body in enumerate(objects, start=1):
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    return out + b"trailer\n<< /Root 1 0 R" + extra + b" >>\n%%EOF\n"


FORM_TEXT = b"BT /F1 12 Tf 72 760 Td (MAU DON DE NGHI) Tj 0 -20 Td (Ho va ten: .....) Tj ET"


def project(
    tmp_path: Path, name: str, data: bytes, toml: str = SITE_TOML, channels: str = "[web, zalo]"
) -> Path:
    """A bulletin on the website (and Zalo) linking to content/tep/<name>."""
    body = f"Tải [biểu mẫu](../tep/{name}) để điền.\n"
    return make_project(
        tmp_path,
        {
            "site.toml": toml,
            f"content/tep/{name}": data,
            FILE: bulletin_md({"channels": channels}, body=body),
        },
    )


def problems(root: Path) -> list[tuple[str, str]]:
    """(severity, message) of each problem the load tells about the linked file."""
    found: Sequence[Problem]
    try:
        site = load_site(config_module.load(root), now=NOW)
    except ContentError as exc:
        found = exc.problems
    else:
        found = list(site.warnings)
    return [(p.severity, p.message) for p in found if "tệp đính kèm" in p.message]


STAMPED = [
    ("mau.txt", "Mẫu đơn\n\nMẬT\n\nHọ và tên:".encode(), "MẬT"),
    ("mau.csv", "Họ tên,Số điện thoại\nTÀI LIỆU MẬT,\n".encode(), "TÀI LIỆU MẬT"),
    ("mau.docx", docx(["Mẫu đơn"], ["TUYỆT ", "MẬ", "T"]), "TUYỆT MẬT"),
    ("mau.docx", docx(["Mẫu đơn"], header="Độ mật: Tối mật"), "Độ mật: Tối mật"),
    ("mau.xlsx", xlsx("Danh sách", "TỐI MẬT"), "TỐI MẬT"),
    # A line break in the paragraph (Shift+Enter) ends the stamp's line.
    ("mau.docx", docx(["MẬT", "</w:t><w:br/><w:t>", "Số: 12/KH-CAH"]), "MẬT"),
    ("mau.pdf", pdf(FORM_TEXT.replace(b"MAU DON DE NGHI", b"TAI LIEU MAT")), "TAI LIEU MAT"),
    # A stream whose dictionary holds another, after a picture's stream.
    (
        "mau.pdf",
        pdf(b"BT 72 700 Td (MAT) Tj ET")
        .replace(b"/Filter /FlateDecode", b"/DecodeParms << /Columns 1 >> /Filter /FlateDecode")
        .replace(
            b"4 0 obj",
            b"9 0 obj\n<< /Subtype /Image /Length 1 >>\nstream\nx\nendstream\nendobj\n4 0 obj",
        ),
        "MAT",
    ),
    ("mau.pdf", pdf(FORM_TEXT + b" BT 72 800 Td (TUYET MAT) Tj ET", flate=False), "TUYET MAT"),
    # The document's title in its properties, in UTF-16 as Word writes Vietnamese there.
    ("mau.pdf", pdf(FORM_TEXT, extra=b" /Info << /Title <FEFF004D1EAC0054> >>"), "MẬT"),
]


@pytest.mark.parametrize(
    ("name", "data", "stamp"), STAMPED, ids=[f"{s[0]}-{i}" for i, s in enumerate(STAMPED)]
)
def test_a_linked_file_stamped_secret_holds_the_bulletin_naming_the_file_and_the_stamp(
    tmp_path: Path, name: str, data: bytes, stamp: str
) -> None:
    root = project(tmp_path, name, data)
    told = problems(root)
    assert (
        "error",
        f"tệp đính kèm «content/tep/{name}» mang dấu mật «{stamp}»: không bao giờ được xuất bản",
    ) in told
    with pytest.raises(ContentError):
        load_site(config_module.load(root), now=NOW)


def test_publish_check_stops_on_a_stamped_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, "mau.docx", docx(["MẬT"]))
    assert main(["check", "--root", str(root), "--now", "2021-01-01T09:00"]) == 1
    err = capsys.readouterr().err
    assert "content/bai-viet/a.md" in err and "«content/tep/mau.docx» mang dấu mật «MẬT»" in err


ORDINARY = [
    ("mau.txt", "Không cung cấp mật khẩu cho người lạ.\nBẢO VỆ BÍ MẬT NHÀ NƯỚC\n".encode()),
    ("mau.docx", docx(["Đơn đề nghị"], ["Không tiết lộ mật khẩu."])),
    ("mau.pdf", pdf(FORM_TEXT)),
    ("mau.xlsx", xlsx("Danh sách", "Số điện thoại")),
]


@pytest.mark.parametrize(("name", "data"), ORDINARY, ids=[o[0] for o in ORDINARY])
def test_an_ordinary_form_is_served_without_a_word(tmp_path: Path, name: str, data: bytes) -> None:
    root = project(tmp_path, name, data)
    assert problems(root) == []
    assert load_site(config_module.load(root), now=NOW).bulletins


WORD_RUNS = (
    b"BT /F1 14 Tf 1 0 0 1 280 780 Tm (M)Tj ET\n"
    b"BT /F2 14 Tf 1 0 0 1 293 780 Tm <0127>Tj ET\n"
    b"BT /F1 14 Tf 1 0 0 1 303 780 Tm (T)Tj ET\n"
)
UNREADABLE = [
    ("mau.docx", b"PK\x03\x04 broken"),
    ("mau.pdf", pdf(FORM_TEXT, extra=b" /Encrypt 5 0 R")),
    # Vietnamese in a Word PDF: glyph numbers of the font, no letters to read.
    ("mau.pdf", pdf(b"BT /F1 12 Tf 72 760 Td <0030004400580003> Tj ET")),
    ("mau.pdf", pdf(FORM_TEXT)[:-60].replace(b"/FlateDecode", b"/FlateDecode ") + b"x\x9c\xff\xff"),
    # Word's PDF: WinAnsi letters as text, the rest of «MẬT» as glyph numbers, run by run.
    ("mau.pdf", pdf(WORD_RUNS + b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (C\xf4ng an huy) Tj ET")),
    # The same glyph numbers in a content stream not compressed.
    ("mau.pdf", pdf(b"BT /F1 12 Tf 72 760 Td <0030004400580003> Tj ET", flate=False)),
]


@pytest.mark.parametrize(
    ("name", "data"), UNREADABLE, ids=["zip", "encrypted", "glyphs", "flate", "word", "plain"]
)
def test_a_linked_file_that_cannot_be_read_is_a_warning_naming_it(
    tmp_path: Path, name: str, data: bytes
) -> None:
    root = project(tmp_path, name, data)
    [(severity, message)] = problems(root)
    assert severity == "warning"
    assert message.startswith(f"tệp đính kèm «content/tep/{name}» không đọc được để kiểm dấu mật")
    assert message.endswith("hãy mở xem trước khi duyệt")
    assert load_site(config_module.load(root), now=NOW).bulletins  # published: a warning


@pytest.mark.parametrize(("policy", "code"), [("", 0), ('unreadable_attachments = "error"', 1)])
def test_the_policy_decides_whether_an_unreadable_linked_file_stops_the_checks_in_ci(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], policy: str, code: int
) -> None:
    """--strict makes content warnings errors, but not this one: most PDFs Word writes are not
    read, and a pull request could never pass; a unit that wants it so says it in site.toml."""
    root = project(
        tmp_path,
        "mau.docx",
        b"PK\x03\x04 broken",
        add_toml(SITE_TOML, f"\n[policy]\n{policy}\n"),
        "[web]",
    )
    [(severity, _)] = problems(root)
    assert severity == ("error" if code else "warning")
    assert main(["check", "--strict", "--root", str(root), "--now", "2021-01-01T09:00"]) == code
    assert "«content/tep/mau.docx» không đọc được để kiểm dấu mật" in "".join(capsys.readouterr())


def test_a_zip_that_inflates_beyond_the_cap_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(linked_text, "MAX_TEXT_BYTES", 10_000)
    root = project(tmp_path, "mau.docx", docx(["a" * 50_000]))
    [(severity, message)] = problems(root)
    assert severity == "warning" and "quá lớn khi giải nén" in message


def test_the_people_word_keeps_in_a_form_are_told_with_how_to_remove_them(tmp_path: Path) -> None:
    data = docx(["Đơn đề nghị"], creator="Nguyễn Văn An", last="Trần Thị Bình")
    root = project(tmp_path, "mau.docx", data)
    site = load_site(config_module.load(root), now=NOW)
    [problem] = [p for p in site.warnings if "tệp đính kèm" in p.message]
    assert problem.severity == "warning"
    assert problem.message == (
        "tệp đính kèm «content/tep/mau.docx» còn ghi tên người soạn trong thuộc tính tệp: "
        "«Nguyễn Văn An», «Trần Thị Bình»"
    )
    assert "File › Info" in (problem.hint or "") and "Inspect Document" in (problem.hint or "")
    assert problem.file == FILE and problem.line is not None


PERSONAL = [
    ("ds.csv", "Họ tên,CCCD\nNguyễn Văn A,001203004567\n".encode(), "001"),
    ("ds.txt", "Danh sách\nSố CCCD: 079 201 012 345\n".encode(), "079"),
    ("ds.docx", docx(["Biên bản"], ["Số tài khoản: 0123456789012"]), "012"),
]


@pytest.mark.parametrize(("name", "data", "start"), PERSONAL, ids=[p[0] for p in PERSONAL])
def test_personal_data_in_a_linked_file_is_told_as_in_a_body(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, start: str
) -> None:
    """A list of citizens' ID numbers linked as a .csv went out on the website unread: the lint
    scanned bodies only. It is told as in a body, naming the file, masked, an error under
    --strict unless someone reviewed it (pii_reviewed_by)."""
    root = project(tmp_path, name, data, channels="[web]")
    now = "2020-12-09T08:00"
    assert main(["check", "--root", str(root), "--now", now]) == 0
    err = capsys.readouterr().err
    told = [line for line in err.splitlines() if f"content/tep/{name}" in line]
    assert told and "có thể là dữ liệu cá nhân" in told[0], err
    assert f"«{start}" in told[0] and data.decode("utf-8", "replace") not in err
    assert main(["check", "--root", str(root), "--now", now, "--strict"]) == 1
    edit = (
        (root / FILE)
        .read_text("utf-8")
        .replace("---\n\n", 'pii_reviewed_by: "Đại úy C"\n---\n\n', 1)
    )
    (root / FILE).write_text(edit, "utf-8")
    assert main(["check", "--root", str(root), "--now", now, "--strict"]) == 0


def test_a_linked_document_unchanged_is_read_once_and_again_once_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each load (every rebuild of publish serve) read and unpacked every linked document
    again; now again only once it changed (its size or time of change)."""
    from publish import attachments

    root = project(tmp_path, "mau.docx", docx(["Mẫu đơn"]), channels="[web]")
    reads: list[Path] = []
    real = attachments.read

    def reading(path: Path) -> bytes:
        """`read`, noting the file read."""
        reads.append(path)
        return real(path)

    monkeypatch.setattr(attachments, "read", reading)
    assert problems(root) == [] and problems(root) == []
    assert len(reads) == 1
    (root / "content/tep/mau.docx").write_bytes(docx(["Mẫu đơn"], ["MẬT"]))
    assert [s for s, _ in problems(root)] == ["error"]
    assert len(reads) == 2


def zipped(members: dict[str, bytes | str]) -> bytes:
    """A zip document of the members given."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return out.getvalue()


def lines_of(data: bytes, suffix: str) -> list[str]:
    """The lines read from a linked file, stripped."""
    text = linked_text.text_of(data, suffix)
    assert text is not None
    return [line.strip() for line in text.splitlines()]


def test_each_paragraph_of_a_table_cell_and_of_a_text_box_is_a_line() -> None:
    """The usual header: «CÔNG AN HUYỆN X» above «MẬT» in one cell; a text box in a paragraph."""
    cell = "<w:tc><w:p><w:r><w:t>CÔNG AN HUYỆN X</w:t></w:r></w:p><w:p><w:r><w:t>MẬT</w:t></w:r></w:p></w:tc>"
    box = (
        "<w:p><w:r><w:t>Số 12/BC</w:t></w:r><w:r><w:pict><w:txbxContent>"
        "<w:p><w:r><w:t>TỐI MẬT</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>"
    )
    body = f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>{box}"
    data = zipped(
        {"word/document.xml": f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'}
    )
    lines = lines_of(data, ".docx")
    assert "MẬT" in lines
    assert "TỐI MẬT" in lines
    assert "CÔNG AN HUYỆN X" in lines


@pytest.mark.parametrize("suffix", [".doc", ".xls", ".ppt"])
def test_an_old_office_file_is_unreadable_not_served_unlooked_at(suffix: str) -> None:
    """A Word 97 file's text is not read here: told, never taken as clean."""
    with pytest.raises(linked_text.Unreadable):
        linked_text.text_of(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, suffix)


def test_a_picture_holds_no_text_to_look_at() -> None:
    """Pictures are not read (and not told as unreadable)."""
    assert linked_text.text_of(b"\x89PNG\r\n\x1a\n", ".png") is None


def test_the_text_of_an_rtf_file_is_read_with_its_escapes() -> None:
    """Word's RTF: Vietnamese as \\uN (with a ? fallback) and \\'xx bytes; fonts not text."""
    rtf = (
        rb"{\rtf1\ansi\ansicpg1258{\fonttbl{\f0 Times New Roman;}}{\*\generator Word;}"
        rb"\f0 C\u212?NG AN HUY\u7878?N X\par M\u7852?T\par S\'e9 12\par}"
    )
    lines = lines_of(rtf, ".rtf")
    assert lines == ["CÔNG AN HUYỆN X", "MẬT", "Sé 12"]


def test_an_rtf_with_binary_data_is_unreadable() -> None:
    """\\bin data is not skipped blindly: the file is told as unreadable."""
    with pytest.raises(linked_text.Unreadable):
        linked_text.text_of(rb"{\rtf1 \bin4 abcd MAT\par}", ".rtf")


def pdf_of_streams(*streams: tuple[bytes, bytes]) -> bytes:
    """A PDF of streams (dictionary entries, bytes)."""
    body = b"%PDF-1.4\n"
    for number, (entries, content) in enumerate(streams, 1):
        body += (
            b"%d 0 obj\n<< /Length %d %s >>\nstream\n" % (number, len(content), entries)
            + content
            + b"\nendstream\nendobj\n"
        )
    return body + b"%%EOF\n"


def test_a_pdf_page_under_a_filter_not_read_is_unreadable_not_clean() -> None:
    """An ASCIIHex content stream hides (MAT) Tj from the scan: told, never clean."""
    hexed = b"BT (MAT) Tj ET".hex().encode() + b">"
    with pytest.raises(linked_text.Unreadable):
        linked_text.text_of(pdf_of_streams((b"/Filter /ASCIIHexDecode", hexed)), ".pdf")


def test_a_pdf_picture_under_dct_is_not_a_page_left_unread() -> None:
    """A JPEG picture stream is no text: the page beside it is read."""
    page = zlib.compress(b"BT (MAT) Tj ET")
    data = pdf_of_streams(
        (b"/Type /XObject /Subtype /Image /Filter /DCTDecode", b"\xff\xd8\xff\xe0jpeg"),
        (b"/Filter /FlateDecode", page),
    )
    assert "MAT" in lines_of(data, ".pdf")


def test_a_docx_of_millions_of_empty_paragraphs_is_unreadable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A small zip of millions of <w:p/> (each part under the size cap) is refused by the
    element cap, not read for a minute: the cap lowered, so the test is quick."""
    monkeypatch.setattr(linked_text, "MAX_ELEMENTS", 10_000)
    body = "<w:p/>" * 12_000
    data = zipped(
        {"word/document.xml": f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'}
    )
    with pytest.raises(linked_text.Unreadable, match="quá nhiều phần tử XML"):
        linked_text.text_of(data, ".docx")


def test_the_element_cap_is_counted_over_the_whole_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts each under the element cap but together past it are refused."""
    monkeypatch.setattr(linked_text, "MAX_ELEMENTS", 10_000)
    part = f'<w:document xmlns:w="{W}"><w:body>' + "<w:p/>" * 6_000 + "</w:body></w:document>"
    assert lines_of(zipped({"word/document.xml": part}), ".docx") == []
    data = zipped({"word/document.xml": part, "word/footnotes.xml": part})
    with pytest.raises(linked_text.Unreadable, match="quá nhiều phần tử XML"):
        linked_text.text_of(data, ".docx")


def test_an_excel_page_header_is_read_without_its_codes() -> None:
    """«&C&"Times New Roman,Bold"MẬT» is the header MẬT, centred and bold."""
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<headerFooter><oddHeader>&amp;L&amp;14CÔNG AN&amp;C&amp;"Times New Roman,Bold"MẬT'
        "</oddHeader></headerFooter></worksheet>"
    )
    lines = lines_of(zipped({"xl/worksheets/sheet1.xml": sheet}), ".xlsx")
    assert "MẬT" in lines
    assert "CÔNG AN" in lines


def test_a_doctype_is_refused_in_utf16_xml_too() -> None:
    """The DOCTYPE guard is the parser's, not a search of the bytes."""
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY a "MẬT">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>'
    ).encode("utf-16")
    with pytest.raises(linked_text.Unreadable, match="DOCTYPE"):
        linked_text.text_of(zipped({"word/document.xml": xml}), ".docx")


def test_deeply_nested_xml_is_told_as_too_deep_not_as_a_broken_zip() -> None:
    """The reason names the nesting, the editor's clue to what is wrong."""
    xml = "<a>" * 100_000 + "</a>" * 100_000
    with pytest.raises(linked_text.Unreadable, match="quá nhiều tầng lồng nhau"):
        linked_text.text_of(zipped({"word/document.xml": xml}), ".docx")


def test_strict_keeps_as_a_warning_only_the_unreadable_file_not_a_name_that_says_so(
    tmp_path: Path,
) -> None:
    """A file named like the unreadable warning does not escape --strict with its authors."""
    name = "không đọc được để kiểm dấu mật.docx"
    root = make_project(
        tmp_path,
        {
            "site.toml": SITE_TOML,
            f"content/tep/{name}": docx(["Đơn"], creator="Nguyễn Văn An"),
            FILE: bulletin_md({"channels": "[web]"}, body=f"Tải [mẫu](<../tep/{name}>).\n"),
        },
    )
    [(severity, message)] = problems(root)
    assert severity == "warning" and "còn ghi tên người soạn" in message
    assert main(["check", "--strict", "--root", str(root), "--now", "2021-01-01T09:00"]) == 1


def test_an_rtf_emoji_written_as_a_surrogate_pair_reads_as_printable_text() -> None:
    """\\u-10179\\u-8704 (an emoji as Word writes it) never leaves text that cannot be printed."""
    text = linked_text.text_of(rb"{\rtf1 MAT \u-10179?\u-8704?\par}", ".rtf")
    assert text is not None and text.encode("utf-8").startswith(b"MAT")


PAGE = "content/pages/gui-phan-anh.md"


@pytest.mark.parametrize("reviewed", [False, True])
def test_personal_data_in_a_file_a_page_links_to_is_told_as_for_a_bulletin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], reviewed: bool
) -> None:
    """A page (giới thiệu, gửi phản ánh) links to forms and lists the website serves as they
    are: only the files bulletins link to were scanned for personal data. The review is
    recorded with `publish approve PAGE` (pii_reviewed_by and the files' digests)."""
    front = 'title: "Gửi phản ánh"\n'
    root = make_project(
        tmp_path,
        {
            "content/tep/ds.csv": "Họ tên,CCCD\nNguyễn Văn A,001203004567\n".encode(),
            PAGE: f"---\n{front}---\n\nXem [danh sách](../tep/ds.csv).\n",
            FILE: bulletin_md({"channels": "[web]"}),
        },
    )
    run = ["check", "--root", str(root), "--now", "2020-12-09T08:00"]
    if reviewed:
        assert main(["approve", "--root", str(root), PAGE, "--by", "Đại úy C"]) == 0
    capsys.readouterr()
    assert main(run) == 0
    err = capsys.readouterr().err
    told = [line for line in err.splitlines() if "content/tep/ds.csv" in line]
    assert told and told[0].startswith(f"{PAGE}:{5 + 2 * reviewed}: "), err
    assert "có thể là dữ liệu cá nhân: số CCCD (12 chữ số) «001" in told[0]
    assert "001203004567" not in err
    assert main([*run, "--strict"]) == (0 if reviewed else 1)


def test_a_linked_file_not_found_under_content_is_refused_not_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the file a link resolves to is not spelt under content/ (content/ moved by a
    symlink while a build runs), whether it lies in a «_» or «.» folder cannot be told: it
    was served unchecked (the check failed open); it is refused as outside content/."""
    from publish import attachments

    root = project(tmp_path, "ds.pdf", pdf(FORM_TEXT))
    elsewhere = tmp_path / "elsewhere" / "_nhap" / "ds.pdf"
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_bytes(pdf(FORM_TEXT))
    monkeypatch.setattr(attachments, "resolve_content_path", lambda *_: elsewhere)
    config = config_module.load(root)
    site = load_site(config, now=NOW, salvage=True)
    told, served = attachments.check(site.bulletins, config)
    assert served == set()
    assert [p.message for p in told] == [
        "liên kết tới tệp «../tep/ds.pdf» nằm ngoài thư mục content/"
    ]
    assert attachments.attached("../tep/ds.pdf", FILE, config) is None


def test_a_string_in_a_composite_font_is_glyph_numbers_even_without_control_codes() -> None:
    """Identity-H codes are glyph numbers: <2031> would read « 1», a clean line, if not told."""
    data = pdf(b"BT /F1 12 Tf (Cong an) Tj /F2 12 Tf 0 -20 Td <20312032> Tj ET").replace(
        b"/MediaBox [0 0 595 842]",
        b"/MediaBox [0 0 595 842] /Resources << /Font << /F2 5 0 R >> >>",
    )
    data = data.replace(
        b"trailer",
        b"5 0 obj\n<< /Type /Font /Subtype /Type0 /Encoding /Identity-H >>\nendobj\ntrailer",
    )
    with pytest.raises(linked_text.Unreadable, match="mã phông"):
        linked_text.text_of(data, ".pdf")


def test_a_pdf_line_moved_to_by_a_quote_and_a_wide_tj_gap_are_read_apart() -> None:
    """' shows its string on the next line; a TJ gap of -200 or more is a space between words."""
    lines = lines_of(pdf(b"BT (Ho so) Tj (MAT) ' T* [(TUYET) -333 (MAT)] TJ ET"), ".pdf")
    assert lines == ["Ho so", "MAT", "TUYET MAT"]


def test_the_strings_of_a_pdf_object_stream_are_read() -> None:
    """Titles, bookmarks and stamp annotations sit in object streams of a PDF 1.5."""
    objects = zlib.compress(b"5 0 << /Type /Annot /Subtype /Stamp /Contents (TOI MAT) >>")
    data = pdf_of_streams((b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", objects))
    assert "TOI MAT" in lines_of(data, ".pdf")


def test_a_pdf_of_more_text_than_the_cap_is_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    """A small PDF inflating to tens of megabytes of strings took minutes to look through."""
    monkeypatch.setattr(linked_text, "MAX_TEXT_CHARS", 1000)
    assert lines_of(pdf(b"BT (%s) Tj ET" % (b"x" * 900)), ".pdf")
    with pytest.raises(linked_text.Unreadable, match="quá nhiều chữ"):
        linked_text.text_of(pdf(b"BT (%s) Tj ET" % (b"x" * 1100)), ".pdf")


def test_a_zip_member_of_broken_compressed_bytes_is_unreadable_not_an_internal_error(
    tmp_path: Path,
) -> None:
    """zlib's error on a corrupt member stopped check and build with «Lỗi nội bộ»."""
    data = bytearray(docx(["MẬT " + "x" * 5000], creator="Nguyễn Văn An"))
    start = data.index(b"word/document.xml") + len("word/document.xml") + 5
    data[start : start + 20] = bytes(byte ^ 0x55 for byte in data[start : start + 20])
    root = project(tmp_path, "mau.docx", bytes(data))
    [(severity, message)] = problems(root)
    assert severity == "warning"
    assert message.startswith("tệp đính kèm «content/tep/mau.docx» không đọc được để kiểm dấu mật")


P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"


def word(body: str, **parts: str) -> bytes:
    """A Word document of the body's XML, and other parts by name (word_styles: word/styles.xml)."""
    members: dict[str, bytes | str] = {
        "word/document.xml": f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    }
    members |= {name.replace("_", "/", 1) + ".xml": xml for name, xml in parts.items()}
    return zipped(members)


def odt(paragraphs: str, styles: str = "") -> bytes:
    """A LibreOffice document of the paragraphs' XML and its automatic styles."""
    return zipped(
        {
            "content.xml": f'<office:document-content xmlns:office="{OFFICE}" '
            f'xmlns:text="{TEXT}" xmlns:style="{STYLE}" xmlns:fo="{FO}" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<office:automatic-styles>{styles}</office:automatic-styles>"
            f"<office:body><office:text>{paragraphs}</office:text></office:body>"
            "</office:document-content>"
        }
    )


CAPITALS = [
    (".docx", word("<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>mật</w:t></w:r></w:p>")),
    (
        ".docx",
        word(
            '<w:p><w:r><w:rPr><w:rStyle w:val="Dau"/></w:rPr><w:t>tối mật</w:t></w:r></w:p>',
            word_styles=f'<w:styles xmlns:w="{W}"><w:style w:styleId="Dau"><w:rPr><w:caps/>'
            "</w:rPr></w:style></w:styles>",
        ),
    ),
    (
        ".pptx",
        zipped(
            {
                "ppt/slides/slide1.xml": f'<p:sld xmlns:p="{P}" xmlns:a="{A}"><a:p><a:r>'
                '<a:rPr cap="all"/><a:t>mật</a:t></a:r></a:p></p:sld>'
            }
        ),
    ),
    (
        ".odt",
        odt(
            '<text:p text:style-name="P1">mật</text:p>',
            '<style:style style:name="P1"><style:text-properties fo:text-transform="uppercase"/>'
            "</style:style>",
        ),
    ),
    (".rtf", rb"{\rtf1 {\caps m\u7853?t}\par}"),
]


CAPITALS.append(
    (
        ".docx",
        word(
            '<w:p><w:pPr><w:pStyle w:val="Dau"/></w:pPr><w:r><w:t>mật</w:t></w:r></w:p>',
            word_styles=f'<w:styles xmlns:w="{W}"><w:style w:styleId="Dau"><w:basedOn '
            'w:val="TieuDe"/></w:style><w:style w:styleId="TieuDe"><w:rPr><w:caps/></w:rPr>'
            "</w:style></w:styles>",
        ),
    )
)


@pytest.mark.parametrize(
    ("suffix", "data"), CAPITALS, ids=["run", "style", "pptx", "odt", "rtf", "based-on"]
)
def test_a_stamp_shown_in_capitals_by_its_formatting_is_read_in_capitals(
    suffix: str, data: bytes
) -> None:
    """«mật» typed and shown as «MẬT» by Word's Aa › UPPERCASE is the stamp the reader sees."""
    assert [line for line in lines_of(data, suffix) if "MẬT" in line]


GLUED = [
    (
        ".docx",
        word("<w:p><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>MẬT</w:t></w:r></w:p>"),
    ),
    (
        ".docx",
        word(
            "<w:p><w:r><w:t>MẬT</w:t></w:r><w:del><w:r><w:delText>x</w:delText></w:r></w:del></w:p>"
        ),
    ),
    (
        ".docx",
        word(
            "<w:p><w:r><w:t>MẬT</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>x</w:t></w:r></w:p>"
        ),
    ),
    (".docx", word("<w:p><w:r><w:t>TỐI</w:t><w:noBreakHyphen/><w:t>MẬT</w:t></w:r></w:p>")),
    (
        ".odt",
        odt(
            "<text:p>MẬT<text:note><text:note-citation>1</text:note-citation><text:note-body>"
            "<text:p>Ghi chú</text:p></text:note-body></text:note></text:p>"
        ),
    ),
    (
        ".odt",
        odt(
            "<text:p>MẬT<office:annotation><dc:creator>Lê Văn B</dc:creator>"
            "<text:p>xem lại</text:p></office:annotation></text:p>"
        ),
    ),
    (".rtf", rb"{\rtf1 M\u7852?T{\v an}\par}"),
    (".pdf", pdf(b"BT (Ho so) Tj (MAT) ' ET")),
]


@pytest.mark.parametrize(
    ("suffix", "data"),
    GLUED,
    ids=["field", "deleted", "hidden", "hyphen", "footnote", "comment", "rtf-hidden", "quote"],
)
def test_text_not_shown_or_apart_does_not_glue_onto_a_stamps_line(suffix: str, data: bytes) -> None:
    """A field's code, deleted or hidden text, a footnote's number or a comment glued onto
    «MẬT» («MẬT1», «PAGEMẬT») hid the stamp; a non-breaking hyphen is a hyphen («TỐI-MẬT»)."""
    text = linked_text.text_of(data, suffix)
    assert text is not None
    assert secret_stamp(text, Policy()) is not None, text


def test_a_document_embedded_in_a_word_file_is_read_or_told_unreadable() -> None:
    """An Excel chart's workbook, a Word file pasted as an object, an altChunk's web page went
    out unlooked-at: one read is read, one not is told."""
    inner = word("<w:p><w:r><w:t>MẬT</w:t></w:r></w:p>")
    outer = zipped(
        {
            "word/document.xml": f'<w:document xmlns:w="{W}"><w:body/></w:document>',
            "word/embeddings/Microsoft_Word_Document.docx": inner,
        }
    )
    assert "MẬT" in lines_of(outer, ".docx")
    for name in ("word/embeddings/oleObject1.bin", "word/afchunk.htm"):
        data = zipped({"word/document.xml": f'<w:document xmlns:w="{W}"/>', name: b"MAT"})
        with pytest.raises(linked_text.Unreadable, match=name):
            linked_text.text_of(data, ".docx")


SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def test_an_excel_row_is_a_line_of_its_cells_as_a_csv_row_is() -> None:
    """A CCCD in a number cell (its leading 0 gone) beside its «CCCD» shared-string header was
    read on a line of its own and missed; a stamp beside other cells is still a line; a
    sheet's tab is read."""
    data = zipped(
        {
            "xl/workbook.xml": f'<workbook xmlns="{SHEET}"><sheets><sheet name="Tối mật"/>'
            "</sheets></workbook>",
            "xl/sharedStrings.xml": f'<sst xmlns="{SHEET}"><si><t>CCCD</t></si>'
            "<si><t>MẬT</t></si><si><t>Không dùng</t></si></sst>",
            "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{SHEET}"><sheetData>'
            '<row><c t="s"><v>0</v></c><c><v>79201001234</v></c></row>'
            '<row><c t="inlineStr"><is><t>Danh sách</t></is></c><c t="s"><v>1</v></c></row>'
            "</sheetData></worksheet>",
        }
    )
    text = linked_text.text_of(data, ".xlsx")
    assert text is not None
    lines = text.splitlines()
    assert "CCCD\t079201001234" in lines and "MẬT" in lines
    assert "Tối mật" in lines and "Không dùng" in lines
    assert [f.kind for f in pii.findings(text, year=2025)] == ["số CCCD"]


def test_an_rtf_text_box_is_read_its_shape_properties_not() -> None:
    """Word's RTF keeps a text box in {\\*\\shpinst … {\\shptxt …}}: an optional destination,
    all left out before, so a stamp in a box went out unread."""
    rtf = rb"{\rtf1{\shp{\*\shpinst{\sp{\sn fFilled}{\sv 0}}{\shptxt M\u7852?T\par}}}Tin\par}"
    assert lines_of(rtf, ".rtf") == ["MẬT", "Tin"]


def test_an_rtf_of_more_pieces_than_the_cap_is_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    """12 MB of {\\b x} took 22 s to read: past the cap (lowered here) it is told unreadable."""
    monkeypatch.setattr(linked_text, "MAX_RTF_TOKENS", 1000)
    assert lines_of(b"{\\rtf1 " + b"{\\b x}" * 200 + b"}", ".rtf") == ["x" * 200]
    with pytest.raises(linked_text.Unreadable, match="quá dài"):
        linked_text.text_of(b"{\\rtf1 " + b"{\\b x}" * 300 + b"}", ".rtf")


AUTHORED = [
    (
        ".docx",
        word(
            '<w:p><w:ins w:author="Phạm Văn C"><w:r><w:t>Tin</w:t></w:r></w:ins></w:p>',
            word_comments=f'<w:comments xmlns:w="{W}"><w:comment w:author="Lê Thị D">'
            "<w:p><w:r><w:t>Sửa</w:t></w:r></w:p></w:comment></w:comments>",
        ),
        ["Phạm Văn C", "Lê Thị D"],
    ),
    (
        ".odt",
        odt(
            "<text:p>Tin<office:annotation><dc:creator>Lê Văn B</dc:creator>"
            "<text:p>xem lại</text:p></office:annotation></text:p>"
        ),
        ["Lê Văn B"],
    ),
    (
        ".pdf",
        pdf(FORM_TEXT, extra=b" /Info << /Author <FEFF004E0067007500791EC5006E> >>")
        + b"<x:xmpmeta><dc:creator><rdf:Seq><rdf:li>Tr&#7847;n B</rdf:li></rdf:Seq>"
        b"</dc:creator></x:xmpmeta>",
        ["Nguyễn", "Trần B"],
    ),
]


AUTHORED.append(
    (
        ".xlsx",
        zipped(
            {
                "xl/comments1.xml": f'<comments xmlns="{SHEET}"><authors><author>Đỗ Văn E</author>'
                "</authors></comments>",
                "xl/persons/person.xml": f'<personList xmlns="{SHEET}"><person '
                'displayName="Võ Thị G"/></personList>',
            }
        ),
        ["Đỗ Văn E", "Võ Thị G"],
    )
)


@pytest.mark.parametrize(("suffix", "data", "names"), AUTHORED, ids=["docx", "odt", "pdf", "xlsx"])
def test_the_authors_of_comments_changes_and_a_pdf_are_named(
    suffix: str, data: bytes, names: list[str]
) -> None:
    """Besides the document's properties, a comment's or a tracked change's author and a
    PDF's /Author and XMP creator go out with the file."""
    assert linked_text.authors(data, suffix) == names


@pytest.mark.parametrize(
    ("suffix", "where"),
    [(".docx", ["Comments", "Revisions"]), (".pdf", ["PDF", "Author"])],
    ids=["word-comment", "pdf-author"],
)
def test_the_hint_says_where_a_comment_a_change_or_a_pdf_keeps_the_name(
    tmp_path: Path, suffix: str, where: list[str]
) -> None:
    """A name from a comment, a tracked change or a PDF's /Author is not removed where the
    hint sent the editor before (Word's Document Properties): it says where it is."""
    [data] = [data for kind, data, _ in AUTHORED if kind == suffix]
    root = project(tmp_path, f"mau{suffix}", data)
    [(severity, _, hint, code)] = attachments.scanned(
        root / f"content/tep/mau{suffix}", config_module.load(root)
    )
    assert (severity, code) == ("warning", None)
    assert all(word in hint for word in where), hint


@pytest.mark.parametrize("suffix", [".csv", ".rtf"])
def test_a_text_file_of_more_text_than_the_cap_is_unreadable(
    suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Looking through tens of megabytes for stamps and personal data took minutes."""
    monkeypatch.setattr(linked_text, "MAX_TEXT_CHARS", 1000)
    rtf = suffix == ".rtf"
    assert lines_of(b"{\\rtf1 " + b"x" * 900 + b"}" if rtf else b"x" * 900, suffix)
    with pytest.raises(linked_text.Unreadable, match="quá nhiều chữ"):
        linked_text.text_of(b"{\\rtf1 " + b"x" * 1100 + b"}" if rtf else b"x" * 1100, suffix)


def test_a_part_is_read_by_its_content_type_whatever_its_name() -> None:
    """Word opens a part by the type [Content_Types].xml gives it: one named .dat or .XML
    was left unread, a stamp in it unseen."""
    header = f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>MẬT</w:t></w:r></w:p></w:hdr>'
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Override PartName="/word/header1.dat" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>'
    )
    for name in ("word/header1.dat", "word/HEADER1.XML"):
        data = zipped(
            {
                "[Content_Types].xml": types,
                "word/document.xml": f'<w:document xmlns:w="{W}"/>',
                name: header,
            }
        )
        assert "MẬT" in lines_of(data, ".docx"), name


def test_a_pdf_string_escaping_a_digit_not_octal_reads_the_digit() -> None:
    """«\\9» is a 9 (a backslash before a character not escaped is dropped): it stopped the
    check with «Lỗi nội bộ» reading a real manual's PDF."""
    assert "Muc 9" in lines_of(pdf(b"BT (Muc \\9) Tj ET", flate=False), ".pdf")


def test_an_empty_xml_part_as_libreoffice_writes_is_no_broken_file() -> None:
    """Every .odt LibreOffice saved with an empty Configurations2/accelerator/current.xml was
    told «XML hỏng», never read."""
    data = odt("<text:p>MẬT</text:p>")
    data = zipped({"Configurations2/accelerator/current.xml": "", **_members(data)})
    assert "MẬT" in lines_of(data, ".odt")


def _members(data: bytes) -> dict[str, bytes | str]:
    """The members of a zip document by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_pdf_title_in_its_xmp_metadata_is_read() -> None:
    """A writer may keep the title in the XMP metadata only: «TỐI MẬT» there went unread."""
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">'
        b"T&#7888;I M&#7852;T</rdf:li></rdf:Alt></dc:title></x:xmpmeta>"
    )
    data = pdf_of_streams((b"/Type /Metadata /Subtype /XML", xmp))
    assert "TỐI MẬT" in lines_of(data, ".pdf")


AUTHORS_TOLD = [
    "còn ghi tên người viết ghi chú hoặc sửa đổi được theo dõi (track changes): «Phạm Văn C»; "
    "tên người viết ghi chú (comment): «Lê Thị D»",
    "còn ghi tên người viết ghi chú hoặc sửa đổi được theo dõi (track changes): «Lê Văn B»",
    "còn ghi tên người soạn ở ô Author trong thuộc tính tệp PDF: «Nguyễn»; "
    "tên người soạn trong siêu dữ liệu XMP của tệp PDF: «Trần B»",
    "còn ghi tên người viết ghi chú (comment): «Đỗ Văn E», «Võ Thị G»",
]


@pytest.mark.parametrize(
    ("authored", "told"),
    list(zip(AUTHORED, AUTHORS_TOLD, strict=True)),
    ids=["docx", "odt", "pdf", "xlsx"],
)
def test_the_warning_says_where_the_file_keeps_each_name(
    tmp_path: Path, authored: tuple[str, bytes, list[str]], told: str
) -> None:
    """A comment's author was told «trong thuộc tính tệp»: the editor looked in File › Properties
    and found nothing to remove."""
    suffix, data, _ = authored
    root = project(tmp_path, f"mau{suffix}", data)
    messages = [message for _, message in problems(root) if "còn ghi tên" in message]
    assert messages == [f"tệp đính kèm «content/tep/mau{suffix}» {told}"]
