"""A linked document typed in an old Vietnamese code page (VNI, TCVN3) is read for stamps as
its reader sees it: «TOÁI MAÄT» in VNI-Times is «TỐI MẬT» on screen."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from publish import attachments, linked_text, pii
from publish import config as config_module
from publish.config import Policy
from publish.content import load_site
from publish.gates import secret_classification, secret_stamp
from tests.helpers import NOW
from tests.test_attachments_scan import problems, project

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def names_grade(line: str) -> bool:
    """Whether a line names a secret grade under the default policy (for stamp_text)."""
    return secret_classification(line, Policy())


def word(*paragraphs: str) -> bytes:
    """A Word document of the paragraphs given."""
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        )
    return out.getvalue()


@pytest.mark.parametrize(
    "stamp",
    ["TOÁI MAÄT", "MAÄT", "TUYEÄT MAÄT", "MËT", "TèI MËT"],
    ids=["vni", "vni-mat", "vni-tuyet", "tcvn3-capitals-font", "tcvn3"],
)
def test_a_stamp_typed_in_an_old_code_page_is_found(stamp: str) -> None:
    """Never found before: the stamp read as it is stored, «TOÁI MAÄT», is no grade."""
    text = linked_text.text_of(word("CÔNG AN HUYỆN X", stamp, "Báo cáo"), ".docx")
    assert text is not None
    assert secret_stamp(text, Policy()) is not None, text


def test_a_grade_line_typed_in_vni_is_found() -> None:
    """«Ñoä maät: Toái maät» is «Độ mật: Tối mật» on screen."""
    text = linked_text.text_of(word("Báo cáo", "Ñoä maät: Toái maät"), ".docx")
    assert text is not None
    assert secret_stamp(text, Policy()) is not None, text


def test_a_document_in_unicode_reads_as_it_is() -> None:
    """No line is added to a document typed in Unicode."""
    assert (
        linked_text.text_of(word("CÔNG AN HUYỆN X", "Ở ĐÂY"), ".docx") == "CÔNG AN HUYỆN X\nỞ ĐÂY"
    )


def test_a_number_on_a_line_in_an_old_code_page_is_told_once() -> None:
    """The converted line is not added when it holds digits: the number is read already."""
    text = linked_text.text_of(word("Soá CCCD: 012345678901"), ".docx")
    assert text is not None
    assert [f.kind for f in pii.findings(text, year=2025)] == ["số CCCD"]


STAMPS_WITH_NUMBERS = [
    "TOÁI MAÄT - BAÛN SOÁ 02",  # VNI for «TỐI MẬT - BẢN SỐ 02»
    "Ñoä maät: Toái maät (baûn 02)",  # VNI for «Độ mật: Tối mật (bản 02)»
    "TèI MËT - B¶N Sè 02",  # TCVN3 for «TỐI MẬT - BẢN SỐ 02»
]


@pytest.mark.parametrize("stamp", STAMPS_WITH_NUMBERS, ids=["vni", "vni-grade-line", "tcvn3"])
def test_a_stamp_with_a_number_typed_in_an_old_code_page_is_found(
    tmp_path: Path, stamp: str
) -> None:
    """A copy number on the stamp line («BAÛN SOÁ 02») kept the line from being converted:
    the linked .txt went out on the website while its reader sees «TỐI MẬT»."""
    data = f"Công an huyện\n{stamp}\nNội dung".encode()
    root = project(tmp_path, "ban.txt", data)
    assert [s for s, m in problems(root) if "mang dấu mật" in m] == ["error"]
    text = linked_text.text_of(data, ".txt")
    assert text is not None
    assert secret_stamp(linked_text.stamp_text(text, names_grade), Policy()) is not None


def test_a_number_on_a_converted_line_is_told_once_as_personal_data(tmp_path: Path) -> None:
    """The converted copy of a line holding a digit goes to the stamp check alone: the number
    on it, read once already, is not told twice as personal data."""
    line = "HOÏ TEÂN, SOÁ CCCD: 012345678901"  # VNI capitals for «HỌ TÊN, SỐ CCCD: …»
    text = linked_text.text_of(f"Báo cáo\n{line}".encode(), ".txt")
    assert text is not None
    assert "HỌ TÊN, SỐ CCCD: 012345678901" not in text
    root = project(tmp_path, "ban.txt", f"Báo cáo\n{line}".encode())
    site = load_site(config_module.load(root), now=NOW)
    [(_, _, read)] = attachments.document_texts(site.bulletins[0], site.config)
    assert [f.kind for f in pii.findings(read, year=2025)] == ["số CCCD"]


_SYLLABLES = [
    "công",
    "an",
    "huyện",
    "xã",
    "thông",
    "báo",
    "lịch",
    "tiếp",
    "dân",
    "ngày",
    "tháng",
    "năm",
    "số",
    "bản",
    "phòng",
    "cháy",
    "chữa",
    "giao",
    "thông",
    "đường",
    "bộ",
    "người",
    "dân",
    "cần",
    "mang",
    "theo",
    "giấy",
    "tờ",
    "tùy",
    "thân",
    "họ",
    "tên",
    "địa",
    "chỉ",
    "điện",
    "thoại",
    "nguyễn",
    "trần",
    "lê",
    "phạm",
    "hoàng",
    "đội",
    "kế",
    "hoạch",
    "quyết",
    "định",
    "về",
    "việc",
    "ở",
    "đây",
    "khẩn",
    "hỏa",
    "tốc",
]
_ORDINARY_LINES = st.lists(
    st.one_of(
        st.sampled_from(_SYLLABLES),
        st.sampled_from(_SYLLABLES).map(str.upper),
        st.sampled_from(["02", "12/KH", "2025", "«", "»", ":", "-", "(", ")", "–", "“", "”"]),
    ),
    min_size=1,
    max_size=12,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ORDINARY_LINES, min_size=1, max_size=5))
def test_ordinary_vietnamese_lines_typed_in_unicode_are_no_stamp(lines: list[str]) -> None:
    """Converting a line typed in Unicode as if it were VNI or TCVN3 makes no stamp of it,
    digits or not: no false alarm on an ordinary notice."""
    text = linked_text.text_of("\n".join(lines).encode(), ".txt")
    assert text is not None
    assert secret_stamp(linked_text.stamp_text(text, names_grade), Policy()) is None
