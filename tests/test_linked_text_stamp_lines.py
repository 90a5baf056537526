"""A stamp in a linked document is found however the document pads or places it: a stamp typed
in VNI followed by a run of spaces, a stamp with a copy number in a spreadsheet cell beside
another cell; and the converted copies made for the stamp check stay few on a large file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePath

import pytest

from publish import linked_text, pii
from publish.cli import main
from publish.config import Policy
from publish.gates import secret_classification, secret_stamp
from tests.helpers import SITE_TOML, add_toml
from tests.test_attachments_scan import docx, problems, project
from tests.test_linked_text_pdf_encoding import helvetica, pdf

SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def stamp_of(data: bytes, suffix: str, policy: Policy | None = None) -> tuple[int, str] | None:
    """The stamp the check finds in a linked file, read as publish.attachments reads it."""
    policy = policy or Policy()
    text = linked_text.text_of(data, suffix)
    assert text is not None
    grade = lambda line: secret_classification(line, policy)  # noqa: E731
    return secret_stamp(linked_text.stamp_text(text, grade), policy)


def vni_pdf(shown: str) -> bytes:
    """A PDF showing `shown` (VNI bytes as Windows-1252 shows them) in a VNI-Times font that
    names the WinAnsi encoding, as Word writes a document typed in VNI."""
    font = helvetica(b"/Encoding /WinAnsiEncoding").replace(b"/Helvetica", b"/VNI-Times")
    content = b"BT /F1 12 Tf 72 700 Td (" + shown.encode("cp1252") + b") Tj ET"
    return pdf(content, (b"F1", font))


def xlsx_rows(*rows: tuple[str, ...]) -> bytes:
    """An Excel workbook of one sheet whose rows hold the inline strings given."""
    xml = "".join(
        "<row>" + "".join(f'<c t="inlineStr"><is><t>{c}</t></is></c>' for c in row) + "</row>"
        for row in rows
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{SHEET}"><sheetData>{xml}</sheetData></worksheet>',
        )
    return out.getvalue()


def ods_rows(*rows: tuple[str, ...]) -> bytes:
    """A LibreOffice spreadsheet of one table whose rows hold the cells given."""
    xml = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell><text:p>{c}</text:p></table:table-cell>" for c in row)
        + "</table:table-row>"
        for row in rows
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "content.xml",
            f'<office:document-content xmlns:office="{OFFICE}" xmlns:table="{TABLE}" '
            f'xmlns:text="{TEXT}"><office:body><office:spreadsheet><table:table>{xml}'
            "</table:table></office:spreadsheet></office:body></office:document-content>",
        )
    return out.getvalue()


PADDED = [
    ("mau.docx", docx(["Mẫu đơn"], ["TOÁI MAÄT" + " " * 80])),
    ("mau.docx", docx(["Mẫu đơn"], [" " * 40 + "TOÁI MAÄT" + " " * 40])),
    ("mau.docx", docx(["Mẫu đơn"], ["TOÁI" + " " * 80 + "MAÄT"])),
    ("mau.docx", docx(["Mẫu đơn"], ["TOÁI MAÄT - BAÛN SOÁ 02" + " " * 80])),
    ("mau.txt", ("Mẫu đơn\nTOÁI MAÄT" + "\u00a0" * 80 + "\n").encode()),
    ("mau.pdf", vni_pdf("TOÁI MAÄT" + " " * 90)),
    ("mau.xlsx", xlsx_rows(("Báo cáo tháng năm", "TỐI MẬT" + " " * 40))),
    ("mau.xlsx", xlsx_rows(("Báo cáo tháng năm", "TOÁI MAÄT" + " " * 40))),
]


@pytest.mark.parametrize(
    ("name", "data"), PADDED, ids=[f"{p[0]}-{i}" for i, p in enumerate(PADDED)]
)
def test_a_stamp_padded_with_spaces_is_found(tmp_path: Path, name: str, data: bytes) -> None:
    """A VNI stamp followed by 80 spaces (a centred paragraph, a padded cell) was past the
    length a stamp line is looked at: counted with its spaces, the file went out while its
    reader sees «TỐI MẬT»; the same stamp in Unicode was caught."""
    assert stamp_of(data, PurePath(name).suffix) is not None
    assert [s for s, m in problems(project(tmp_path, name, data)) if "mang dấu mật" in m] == [
        "error"
    ]


def test_publish_check_stops_on_a_padded_vni_stamp(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`publish check` names the file and the stamp as its reader sees it, and exits 1."""
    root = project(tmp_path, "mau.docx", docx(["Mẫu đơn"], ["TOÁI MAÄT" + " " * 80]))
    assert main(["check", "--root", str(root), "--now", "2021-01-01T09:00"]) == 1
    assert "«content/tep/mau.docx» mang dấu mật «TỐI MẬT»" in capsys.readouterr().err


def test_a_long_line_is_still_not_converted() -> None:
    """The limit stays on what is shown: a long paragraph of VNI text is no stamp line."""
    line = "COÂNG AN HUYEÄN " * 6 + "MAÄT"
    text = linked_text.text_of(docx([line]), ".docx")
    assert text is not None and text == line


SPREADSHEETS = [
    ("bao-cao.xlsx", xlsx_rows(("Báo cáo tháng 5", "TỐI MẬT - BẢN SỐ 02"))),
    ("bao-cao.xlsx", xlsx_rows(("Baùo caùo thaùng 5", "TOÁI MAÄT - BAÛN SOÁ 02"))),
    ("bao-cao.ods", ods_rows(("Báo cáo tháng 5", "TỐI MẬT - BẢN SỐ 02"))),
    ("bao-cao.ods", ods_rows(("Baùo caùo thaùng 5", "TOÁI MAÄT - BAÛN SOÁ 02"))),
    ("bao-cao.xlsx", xlsx_rows(("STT", "Nội dung"), ("1", "Độ mật: Tối mật (bản 02)"))),
]


@pytest.mark.parametrize(
    ("name", "data"),
    SPREADSHEETS,
    ids=["xlsx", "xlsx-vni", "ods", "ods-vni", "xlsx-grade-line"],
)
def test_a_stamp_with_a_number_in_a_cell_beside_another_is_found(
    tmp_path: Path, name: str, data: bytes
) -> None:
    """A cell «TỐI MẬT - BẢN SỐ 02» beside «Báo cáo tháng 5» was read only on the row's line
    (lower case beside it: no stamp) and never on its own, as it holds a digit: the
    spreadsheet went out on the website."""
    assert stamp_of(data, PurePath(name).suffix) is not None
    assert [s for s, m in problems(project(tmp_path, name, data)) if "mang dấu mật" in m] == [
        "error"
    ]


def test_a_number_in_a_cell_is_still_told_once_as_personal_data() -> None:
    """The cells with digits go to the stamp check alone: a CCCD in a cell is told once."""
    data = xlsx_rows(("Họ tên", "Nguyễn Văn A", "079201001234"), ("TỐI MẬT - BẢN SỐ 02", "Ghi chú"))
    text = linked_text.text_of(data, ".xlsx")
    assert text is not None
    assert [f.kind.split(" (")[0] for f in pii.findings(text, year=2025)] == ["số CCCD"]
    assert stamp_of(data, ".xlsx") is not None


@pytest.mark.parametrize(
    "row",
    [("Báo cáo tháng 5", "SỐ 02/BC"), ("BẢO VỆ BÍ MẬT 2025", "Ghi chú"), ("Mật khẩu: 1234", "x")],
)
def test_cells_with_digits_and_no_stamp_are_no_stamp(row: tuple[str, ...]) -> None:
    """No false alarm: a cell with a number and no grade, or a heading merely holding «mật»."""
    assert stamp_of(xlsx_rows(row), ".xlsx") is None


def test_a_site_grade_in_an_old_code_page_with_a_number_is_found() -> None:
    """Only converted lines naming a grade are kept, the site's own grades among them."""
    policy = Policy(secret_classifications=("hạn chế",))
    data = docx(["Mẫu đơn"], ["HAÏN CHEÁ - BAÛN SOÁ 02"])  # VNI for «HẠN CHẾ - BẢN SỐ 02»
    assert stamp_of(data, ".docx", policy) is not None
    assert stamp_of(data, ".docx") is None


@pytest.mark.parametrize(
    ("grade", "stamp"),
    [("hạn chế", "HAÏN CHEÁ - BAÛN SOÁ 02"), ("mật 2", "MAÄT 2")],
    ids=["site-grade", "grade-with-a-number"],
)
def test_the_sites_own_grade_typed_in_vni_with_a_number_stops_the_build(
    tmp_path: Path, grade: str, stamp: str
) -> None:
    """A grade of site.toml's own list is a grade the converted lines are kept for, one
    holding a number too: below a thousand rows alike but for their numbers (read once)."""
    rows = "".join(f"MAÄT {n}\n" for n in range(3, 1000))
    data = f"Danh sách\n{rows}{stamp}\n".encode()
    toml = add_toml(SITE_TOML, f'[policy]\nsecret_classifications = ["{grade}"]\n')
    root = project(tmp_path, "ds.txt", data, toml=toml)
    assert [s for s, m in problems(root) if "mang dấu mật" in m] == ["error"]
    assert [s for s, m in problems(project(tmp_path / "b", "ds.txt", data)) if "dấu mật" in m] == []


def test_of_many_lines_alike_but_for_their_numbers_one_is_read() -> None:
    """Rows differing by their numbers alone tell the stamp check the same: one is kept."""
    text = "\n".join(f"TOÁI MAÄT - BAÛN SOÁ {n}" for n in range(1, 1000))
    kept = linked_text.stamp_text(text, lambda line: secret_classification(line, Policy()))
    assert kept.split("\n")[999:] == ["TỐI MẬT - BẢN SỐ 1"]
    everyone = linked_text.stamp_text(text, lambda line: True, numbered_grades=True)
    assert len(everyone.split("\n")) == 999 * 2


def test_converted_lines_naming_no_grade_are_not_kept() -> None:
    """Thousands of short VNI capitals lines with numbers each added three converted copies
    the stamp check read again (a 7.5 MB text: 32 s); only those naming a grade are kept."""
    text = "\n".join(f"KEÁT QUAÛ SOÁ {n}" for n in range(1000)) + "\nTOÁI MAÄT - BAÛN SOÁ 02"
    kept = linked_text.stamp_text(text, lambda line: secret_classification(line, Policy()))
    assert kept.split("\n")[1001:] == ["TỐI MẬT - BẢN SỐ 02"]
