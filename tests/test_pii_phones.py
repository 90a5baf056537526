"""Personal-data lint: a private person's phone number is told, the numbers a bulletin publishes
on purpose (the unit's, an officer's, 113, a scammer's in a warning) are not."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from publish import config as config_module
from publish import pii, pii_phones
from publish.cli import main
from publish.contact_numbers import Dialled
from publish.content import load_site
from publish.number_words import bare_84_phone
from publish.pii import findings
from tests.helpers import NOW as FIXED_NOW
from tests.helpers import PLAIN_SITE_TOML, SITE_TOML, bulletin_md, make_project
from tests.test_approval import APPROVER, CLOCK, FILE
from tests.test_approval_linked import approve

ROOT = Path(__file__).resolve().parents[1]
NOW = "2021-01-01T09:00"
PHONE = "số điện thoại riêng của "


def phones(text: str, unit_numbers: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(who, masked number) of each private phone number found in `text`."""
    found = findings(text, year=2025, unit_numbers=unit_numbers)
    return [(f.kind.removeprefix(PHONE), f.value) for f in found if f.kind.startswith(PHONE)]


PRIVATE = [
    # The case reported: a victim named with where he lives and his number.
    ("Bị hại là ông Nguyễn Văn Bình, trú ấp 3, điện thoại 0912 345 678", "bị hại"),
    ("Nạn nhân là chị Lê Thị Hoa (SĐT 0987654321) đã được đưa đi cấp cứu.", "nạn nhân"),
    ("Người bị hại: bà Trần Thị C, trú xã Tân Phú, số điện thoại 0903.123.456.", "bị hại"),
    ("Bị hại Nguyễn Thị Hương, trú ấp 1 (điện thoại: 0327.654.321) bị mất 2 chỉ vàng.", "bị hại"),
    ("- Bị hại: ông Lý Văn Sơn, 0918 765 432", "bị hại"),
    ("Bị hại là bà Nguyễn Thị Mai, sinh năm 1965, trú ấp 3, xã Tân Phú (0912 345 678).", "bị hại"),
    ("Nạn nhân Lê Văn K (0823 456 789) đang được điều trị tại bệnh viện.", "nạn nhân"),
    ("Số điện thoại 0912345678 là số điện thoại của bị hại.", "bị hại"),
    # A victim calling to report: the number is written as theirs, the call comes after it.
    ("Bị hại (SĐT 0912345678) gọi điện trình báo bị mất trộm xe máy.", "bị hại"),
    (
        "Bà Nguyễn Thị C, trú ấp 3, SĐT 0912 345 678, bị đối tượng lừa mất 50 triệu đồng.",
        "người dân",
    ),
    # Witnesses and informants.
    ("Người làm chứng, anh Phạm Văn Dũng (0912345678), cho biết đã thấy hai người.", "nhân chứng"),
    ("Nhân chứng là anh Hồ Văn Long, số máy 0777 888 999.", "nhân chứng"),
    (
        "Người chứng kiến vụ tai nạn, ông Bùi Văn Quân, trú ấp Phú Long, SĐT 0394 567 890, kể lại.",
        "nhân chứng",
    ),
    (
        "Người báo tin, anh Lê Văn Tèo, trú ấp 4, điện thoại 0945 678 123, được khen thưởng.",
        "người tố giác, báo tin",
    ),
    # Family: the first of «vợ nạn nhân», «mẹ của cháu» is whose number it is.
    ("Vợ nạn nhân, số điện thoại 0345 678 910, cho biết anh D đi làm từ sáng.", "người nhà"),
    ("Gia đình nạn nhân (0911 222 333) đã nhận lại tài sản.", "người nhà"),
    ("Người nhà nạn nhân, SĐT: +84 912 345 678, đã đến bệnh viện.", "người nhà"),
    ("Cháu Lê Thị Mai được gia đình đón về, điện thoại của mẹ cháu: 0932 111 222.", "người nhà"),
    ("Phụ huynh em H. (điện thoại 0979 000 111) đã có mặt tại trụ sở.", "người nhà"),
    ("Anh Phan Văn Hải, trú ấp 5, là chồng nạn nhân, SĐT 0901 234 567.", "người nhà"),
    ("Con trai bị hại là anh Trần Văn Hùng (số 0962 345 678) đã trình báo sự việc.", "người nhà"),
    ("Mẹ của cháu, chị Lê Thị Bích, số 0933 456 789, đã được thông báo.", "người nhà"),
    (
        "Em Nguyễn Văn Nam, học sinh lớp 7, con ông Nguyễn Văn Tư (SĐT 0912 345 678), bị lạc.",
        "người nhà",
    ),
    (
        "Học sinh Lê Văn E, lớp 8A, điện thoại 0868 123 456, được bàn giao cho nhà trường.",
        "học sinh",
    ),
    ("Sinh viên Lê Thị Thảo, số điện thoại 0528 123 456, bị lừa mất 20 triệu đồng.", "sinh viên"),
    ("Chủ xe là ông Huỳnh Văn Tâm, điện thoại 0707 123 456.", "chủ xe"),
    # A titled name with where they live, no role word.
    (
        "Ông Trần Văn Cường, trú ấp Tân Hòa, số điện thoại 0909 123 456, là người phát hiện.",
        "người dân",
    ),
    (
        "Bà Võ Thị Lan, ngụ khóm Phú Hòa, điện thoại 0939.456.789, bị kẻ gian lấy trộm xe máy.",
        "người dân",
    ),
    ("Anh Đỗ Minh Tuấn, thường trú tại ấp Tân Lập, di động: 0356-789-012.", "người dân"),
    ("Chị Ngô Thị Yến, địa chỉ ấp 2, xã An Hiệp, số điện thoại (+84) 987 654 321.", "người dân"),
    ("Chị Trần Thị B (trú ấp 2, xã Tân Phú, điện thoại 0912 345 678) trình báo.", "người dân"),
    (
        "Bà Đặng Thị Nhung, trú tổ 4, khóm 2, phường 1, điện thoại nhà riêng 0277 3851 234.",
        "người dân",
    ),
    ("Ông Nguyễn Văn Bình, trú ấp 3, số điện thoại 0912345678 và 0987654321.", "người dân"),
    (
        "Ông Nguyễn Văn Bình, trú ấp 3, điện thoại 0912 345 678, nhà riêng 0277 3851 234.",
        "người dân",
    ),
    # A caller named first, then the victim with their own number.
    ("Đối tượng dùng số 0987654321 gọi cho bà Lê Thị C, trú ấp 3, SĐT 0912345678.", "người dân"),
    # A suspect's own number, given with their name and residence (no scam in it).
    ("Đối tượng Nguyễn Văn B (SN 1990, trú ấp 3, SĐT 0912345678) bị bắt giữ.", "đối tượng"),
    (
        "Đối tượng Trần Văn Long, trú xã An Nhơn, có số điện thoại 0916 789 123, bị tạm giữ.",
        "đối tượng",
    ),
    # A titled full name and the number right after it, no role word nor residence.
    ("Ông Nguyễn Văn A, 0912 345 678, bị mất xe máy trước cửa nhà.", "người dân"),
    ("Sáng 5/3, chị Lê Thị Hoa (SĐT 0987654321) đến trình báo.", "người dân"),
    ("Ông Trịnh Đức Lan - 0912345678 cho biết vấn đề kéo dài nhiều tháng.", "người dân"),
    # A one-word name, as the South calls people by their rank among siblings, opening a clause.
    ("Ông Tư, 0912 345 678, bán tạp hóa ở đầu ấp.", "người dân"),
    ("Sáng 5/3, bà Năm (SĐT 0912 345 678) đến trình báo.", "người dân"),
    ("Người trình báo là chị Hằng, 0912 345 678.", "người dân"),
    # «Cháu» and a name is a child; «cháu nội, ngoại, ruột, của…» a relative of any age.
    ("Cháu Nguyễn Văn Hùng (SN 2012), điện thoại 0912 345 678, bị lạc.", "trẻ em"),
    ("Cháu Hùng - 0912 345 678 bị lừa qua trò chơi trực tuyến.", "trẻ em"),
    ("Bà Lê Thị C cùng cháu là anh Trần Văn D, 0912 345 678, đến trình báo.", "người nhà"),
    ("Cháu ruột của ông B, SĐT 0912 345 678, cho biết ông đi khỏi nhà từ sáng.", "người nhà"),
    ("Cháu ngoại bị hại, anh Trần Văn D (0912 345 678), đã đến nhận tài sản.", "người nhà"),
]


@pytest.mark.parametrize(("text", "who"), PRIVATE)
def test_a_private_person_s_number_is_told_masked_with_whose_it_is(text: str, who: str) -> None:
    found = phones(text)
    assert found and {w for w, _ in found} == {who}
    for _, masked in found:
        assert re.fullmatch(r"0\d\d\*{5,6}\d\d", masked), masked


PUBLISHED_ON_PURPOSE = [
    # Scam warnings: the caller's number, by the words before or after it (as the radio's Q6).
    "Đối tượng dùng số 0912345678 gọi điện mạo danh Công an.",
    "Bị hại nhận cuộc gọi từ số 0912345678 tự xưng là cán bộ Công an.",
    "Bị hại nhận cuộc gọi từ số 0912345678, sau đó là số 0987654321.",
    "Các số 0912345678, 0987654321 là số của các đối tượng lừa đảo.",
    "Số điện thoại 0987 654 321 tự xưng là nhân viên ngân hàng, yêu cầu bị hại đọc mã OTP.",
    "Bị hại cho biết đối tượng dùng sim rác 0923 456 789 liên lạc.",
    "Bị hại cho biết số 0912345678 gọi điện yêu cầu chuyển tiền.",
    "Bà C chuyển tiền cho đối tượng, số điện thoại 0912 345 678.",
    "Tài khoản Zalo gắn với số 0912 345 678 đã nhắn tin cho nhiều bị hại.",
    "Nhận được cuộc gọi từ số lạ 0587 123 456, bà C đã cảnh giác.",
    "Bà Nguyễn Thị C, trú ấp 3, nhận được cuộc gọi của số 0912 345 678.",
    "Theo bị hại, người gọi (số 0399 888 777) xưng là cán bộ tòa án.",
    "Theo bị hại, đối tượng xưng tên Hùng, số điện thoại 0912 345 678.",
    "Bị hại kết bạn Zalo với một người tên Lan (số 0912 345 678).",
    "Bị hại được một người xưng là nhân viên ngân hàng (số 0912 345 678) hướng dẫn cài ứng dụng.",
    "Kẻ gian giả danh con trai bị hại, dùng số 0934 567 890 gọi điện vay tiền.",
    "Vợ đối tượng cho biết đối tượng thường dùng số 0976 123 456 để liên lạc với các con bạc.",
    "Bà con cảnh giác với các cuộc gọi từ số máy 0523 456 789, 0524 456 789 và 0525 456 789.",
    "Cảnh giác với số điện thoại 0912345678.",
    # The unit's lines and officers' numbers: to be called.
    "Mọi thông tin xin liên hệ đồng chí Trung úy Lê Văn A, số 0277 3610 113.",
    "Gia đình nạn nhân cần hỗ trợ xin liên hệ Công an xã Tân Phú, số 0277 3610 202.",
    "Ông Nguyễn Văn Bình, trú ấp 3, đã đến Công an xã Tân Phú (điện thoại 0277 3610 202).",
    "Khi có thông tin, người dân báo cho Công an xã qua số 0912 345 678 (Thiếu tá Trần Văn P).",
    "Đường dây nóng của Công an huyện: 0277 3610 113.",
    "Hotline hỗ trợ bị hại: 0277 3610 113.",
    "Người dân phản ánh qua số điện thoại 0901 234 567 của Tổ công tác.",
    "Người dân gọi đến số 0912 345 678 của Tổ công tác khi cần hỗ trợ.",
    "Bị hại cần hỗ trợ gọi 0277 3851 999.",
    "Cán bộ phụ trách: Thượng úy Nguyễn Văn A – 0912345678.",
    "Đồng chí Đại úy Nguyễn Văn Hùng, Phó Trưởng Công an xã, điện thoại 0913 456 789, tiếp nhận.",
    "Trưởng ấp 3, ông Phạm Văn Lực, số điện thoại 0915 222 333, trực tiếp tiếp nhận phản ánh.",
    # A titled full name then the number, where the sentence says it is an official's or a
    # caller's: no more than a name is read as private.
    "Trưởng Công an xã là ông Nguyễn Văn A, 0912 345 678.",
    "Ông Trần Văn Lan, 0912 345 678, tổ trưởng tổ dân phố 3, trực tiếp tiếp nhận phản ánh.",
    "Tài khoản Zalo mang tên ông Nguyễn Văn A, 0912 345 678, đã nhắn tin cho nhiều người.",
    "Đối tượng giả danh ông Nguyễn Văn A, 0912 345 678, gọi điện đòi tiền.",
    "Ông Nguyễn Văn A, 0912 345 678, tự xưng là cán bộ ngân hàng.",
    "Mọi thông tin xin liên hệ ông Nguyễn Văn A, 0912 345 678.",
    "Anh em trong xóm, 0912 345 678, góp tiền sửa đường.",  # no name
    # A one-word name inside a clause is a shop or a place, not a person.
    "Quán cơm Ông Tư, 0912 345 678, mở cửa từ 6 giờ sáng.",
    "Ông Tư, 0912 345 678, tổ trưởng tổ dân phố 3, trực tiếp tiếp nhận phản ánh.",
    "Cán bộ phụ trách: anh Hùng – 0912345678.",
    "Mọi thông tin xin liên hệ anh Hùng, 0912 345 678.",
    "Công an xã An Hiệp (0277 3610 203) đã bàn giao cháu bé cho gia đình.",
    "Nạn nhân được đưa đến bệnh viện đa khoa huyện (điện thoại 0277 3851 115).",
    "Thấy đối tượng khả nghi, gọi ngay cho đồng chí Trưởng Công an xã theo số 0912 345 678.",
    (
        "Ai phát hiện đối tượng Nguyễn Văn B, trú ấp 3, xin báo ngay cho Cơ quan CSĐT Công an "
        "huyện, điện thoại 0277 3610 113 hoặc đồng chí Trần Văn C, 0912 345 678."
    ),
    "Thông báo tìm chủ xe máy biển số 66B1-123.45: ai là chủ xe xin liên hệ số 0277 3610 202.",
    # A family that asks to be called (a missing child): published on purpose.
    "Ai biết tin cháu Nguyễn Văn An xin báo cho gia đình theo số 0912 345 678.",
    # Too short, masked, or no phone number at all.
    "Người dân gọi 113 khi phát hiện đối tượng khả nghi.",
    "Bị hại là ông Nguyễn Văn Bình, trú ấp 3, điện thoại 0912.xxx.678.",
    "Nạn nhân là chị Lê Thị Hoa (SĐT 091*****78).",
    "Bị hại là ông Nguyễn Văn Bình, trú ấp 3, điện thoại 0912 *** 678.",
    "Bị hại chuyển 200 triệu đồng vào tài khoản 0912345678 mang tên Trần Văn B.",
    "Mã vận đơn MV0912345678 được ghi trên gói hàng của bị hại.",
    "Số văn bản 0912345678/QĐ-CAH gửi gia đình bị hại.",
    "Thiệt hại của bị hại là 1.0912345678 tỷ đồng.",
    "Tổng đài ngân hàng 1900 545 413 khuyến cáo bị hại không cung cấp mã OTP.",
    "trú tại xã An Hiệp, số điện thoại 0912345678",  # nobody named: whose is unknown
    # The benchmark corpus's phone phrases (benchmarks/make_corpus.py), given a number.
    "Mọi thông tin tố giác tội phạm, người dân liên hệ số điện thoại **0277 3610 113** hoặc "
    "đường dây nóng của Công an Đồng Tháp.",
    "Người dân có thể phản ánh qua số điện thoại đường dây nóng 0277 3610 113, fanpage hoặc "
    "trực tiếp tại trụ sở Công an.",
    "Các đối tượng thường sử dụng sim rác 0587 123 456, tài khoản mạng xã hội ảo để liên lạc "
    "với bị hại.",
]


@pytest.mark.parametrize("text", PUBLISHED_ON_PURPOSE)
def test_a_number_published_on_purpose_is_not_told(text: str) -> None:
    assert phones(text) == []


def test_the_test_sets_are_as_large_as_promised() -> None:
    assert len(PRIVATE) >= 30 and len(PUBLISHED_ON_PURPOSE) >= 30


def test_two_numbers_in_one_sentence_each_go_with_their_owner() -> None:
    text = "Bị hại là bà Lê Thị C (SĐT 0912 345 678); đối tượng dùng số 0987 654 321 để gọi."
    assert phones(text) == [("bị hại", "091*****78")]


def test_a_finding_names_its_line_and_never_the_whole_number() -> None:
    text = "Đoạn đầu.\n\nBị hại là ông Nguyễn Văn Bình, trú ấp 3, điện thoại 0912 345 678."
    found = [f for f in findings(text, year=2025) if f.kind.startswith(PHONE)]
    assert [(f.line, f.value) for f in found] == [(2, "091*****78")]


def test_a_number_site_toml_gives_is_never_private() -> None:
    text = "Gia đình bị hại, điện thoại 0277 3610 202, đã đến nhận lại tài sản."
    assert phones(text) == [("người nhà", "027******02")]
    assert phones(text, frozenset({"02773610202"})) == []


def test_the_unit_s_numbers_are_read_from_site_toml(tmp_path: Path) -> None:
    contact = """
[contact]
hotline = "0277 3610 113"
emergency = "113"

[[contact.stations]]
name = "Công an xã Tân Phú"
phone = ["0277.3610.202", "+84 912 000 111"]

[zalo]
footer = "Đường dây nóng: 0277 3610 113; trực ban xã: 0913 222 333."
"""
    root = make_project(tmp_path, {"site.toml": PLAIN_SITE_TOML + contact})
    numbers = pii_phones.unit_phone_numbers(config_module.load(root))
    assert numbers == {"02773610113", "02773610202", "0912000111", "0913222333"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 .-+()84abị hạiông", max_size=60))
@example("0912345678 84912345678, +84 912 345 678 (+84) 912345678 và 0084 277 3610 113")
@example("84912345678 0912345678 1984 0084912345678 0912 345 678")
@example("(+84) 0912345678 +840912345678 84 0912345678 84.912.345.678")
@example("ĐT 84.912.345.678, 84.912.345.679 đồng; SĐT: 84.912.345.670")
def test_the_two_fast_searches_find_what_one_pattern_with_every_form_finds(text: str) -> None:
    """The numbers from «0» (the pattern starting with a literal «0») and those with a country
    code (tried only at an «84»), merged by position, are the numbers one pattern holding every
    form finds (slower: it starts with choices), a bare «84» judged by the one rule
    (bare_84_phone: «84.912…» only after a phone's word); a text with no «84» is searched
    with the first alone."""
    every = re.compile(pii_phones._ABROAD.pattern + "|" + pii_phones._PHONE.pattern)
    spans = [
        m.span()
        for m in every.finditer(text)
        if m[0][0] != "8" or bare_84_phone(text, m.start(), m.end())
    ]
    assert [m.span() for m in pii_phones._numbers(text)] == spans
    if "84" not in text:
        assert [m.span() for m in pii_phones._PHONE.finditer(text)] == spans


def _corpus_module() -> ModuleType:
    """benchmarks/make_corpus.py, loaded as a module."""
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks/make_corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    return corpus


CORPUS_NUMBERS_ON_PURPOSE = {
    "liên hệ số điện thoại **113**": "liên hệ số điện thoại **0277 3610 113**",
    "số điện thoại đường dây nóng,": "số điện thoại đường dây nóng 0277 3610 113,",
    "sử dụng sim rác,": "sử dụng sim rác 0587 123 456,",
}
"""The generated corpus's phone phrases, each given a number it publishes on purpose."""
CORPUS_PRIVATE = re.compile(r"(\(SN \d{4}, trú tại [^)]*)\)")
"""Where the corpus names a victim or a suspect with their residence: given a number, private."""


def test_the_generated_corpus_is_told_its_private_numbers_only() -> None:
    """300 bulletins of the benchmark corpus, their phone phrases given numbers published on
    purpose and each «(SN …, trú tại …)» a private number: only those are told."""
    corpus = _corpus_module()
    private = on_purpose = told = 0
    for i in range(300):
        made = corpus.Bulletin("20250501", i)
        body = made.body
        for phrase, numbered in CORPUS_NUMBERS_ON_PURPOSE.items():
            on_purpose += body.count(phrase)
            body = body.replace(phrase, numbered)
        body, added = CORPUS_PRIVATE.subn(r"\1, SĐT 0912 345 678)", body)
        private += added
        found = [f for f in findings(body, year=made.date.year) if f.kind.startswith(PHONE)]
        lines = body.splitlines()
        assert all("SĐT 0912 345 678" in lines[f.line] for f in found)
        told += len(found)
    assert on_purpose > 200 and private > 30  # the corpus has both: the count means something
    assert told == private


BODY = (
    "Sáng 5/3, Công an xã tiếp nhận trình báo.\n\n"
    "Bị hại là ông Nguyễn Văn Bình, trú ấp 3, điện thoại 0912 345 678.\n"
)


def test_check_tells_the_file_line_masked_number_and_how_to_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = bulletin_md(None, BODY)
    root = make_project(tmp_path, {FILE: text})
    assert main(["check", "--root", str(root), "--now", NOW]) == 0
    err = capsys.readouterr().err
    line = text.splitlines().index(BODY.splitlines()[2]) + 1
    told = f"{FILE}:{line}: cảnh báo: có thể là dữ liệu cá nhân: {PHONE}bị hại «091*****78»"
    assert told in err
    assert "0912 345 678" not in err and "0912345678" not in err
    assert "0912.xxx.678" in err and "pii_reviewed_by" in err and "[[contact.stations]]" in err
    assert main(["check", "--root", str(root), "--now", NOW, "--strict"]) == 1
    capsys.readouterr()
    # A reviewer decided to publish it: told again, no longer stopping CI.
    reviewed = bulletin_md({"pii_reviewed_by": '"Trung tá Lê Văn Hòa"'}, BODY)
    (root / FILE).write_text(reviewed, encoding="utf-8")
    assert main(["check", "--root", str(root), "--now", NOW, "--strict"]) == 0
    assert "Đã được Trung tá Lê Văn Hòa xem xét" in capsys.readouterr().err


def test_a_number_added_to_site_toml_is_no_longer_told_by_the_next_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The findings are kept between builds: a station's number added to site.toml afterwards
    must not be taken from that shelf as private."""
    body = "Gia đình bị hại đã liên lạc, số điện thoại 0277 3610 202, để nhận lại tài sản.\n"
    root = make_project(tmp_path, {FILE: bulletin_md(None, body)})
    assert main(["check", "--root", str(root), "--now", NOW]) == 0
    assert f"{PHONE}người nhà «027******02»" in capsys.readouterr().err
    station = '\n[[contact.stations]]\nname = "Công an xã Tân Phú"\nphone = "0277 3610 202"\n'
    (root / "site.toml").write_text(SITE_TOML.replace("[policy]", station + "\n[policy]", 1))
    assert main(["check", "--root", str(root), "--now", NOW]) == 0
    assert "027******02" not in capsys.readouterr().err


def test_approve_waits_for_the_approver_s_decision_on_a_private_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = bulletin_md({"channels": "[web]"}, BODY, drop=("approved_by",))
    root = make_project(tmp_path, {FILE: text})
    assert approve(root) == 1
    err = capsys.readouterr().err
    assert f"{PHONE}bị hại «091*****78»" in err and "chưa ai xem xét" in err
    assert (root / FILE).read_text(encoding="utf-8") == text  # nothing written
    assert approve(root, "--pii-reviewed") == 0
    out = capsys.readouterr().out
    assert "0912 345 678" not in out
    assert f'pii_reviewed_by: "{APPROVER}"' in (root / FILE).read_text(encoding="utf-8")
    assert main(["check", "--root", str(root), "--now", CLOCK, "--strict"]) == 0


def test_a_page_and_a_linked_list_are_told_a_private_number_with_the_masking_fix(
    tmp_path: Path,
) -> None:
    page = "---\ntitle: Danh sách\n---\n\nBị hại là bà Lê Thị C, trú ấp 3, SĐT 0912 345 678.\n"
    root = make_project(tmp_path, {"content/pages/ds.md": page})
    site = load_site(config_module.load(root), now=FIXED_NOW)
    told = [p for p in pii.lint(site) if PHONE in p.message]
    assert [(p.message, p.line) for p in told] == [
        (f"có thể là dữ liệu cá nhân: {PHONE}bị hại «091*****78»", 5)
    ]
    assert "0912.xxx.678" in (told[0].hint or "") and "publish approve" in (told[0].hint or "")


def test_a_hotline_typed_with_two_spaces_is_still_the_unit_s(tmp_path: Path) -> None:
    """The unit's numbers are what the website's «Gọi» link dials (contact_numbers.dialled):
    «0277  3610 113» (a doubled space from a paste) dials 02773610113, so a bulletin giving
    that hotline after a victim's name is not told as a private number; «(0277) 3610 202»
    and «+84 …» too."""
    contact = """
[contact]
hotline = "0277  3610 113"
emergency = "113"

[[contact.stations]]
name = "Công an xã Tân Phú"
phone = ["(0277) 3610 202", "+84  912 000 111"]
"""
    root = make_project(tmp_path, {"site.toml": PLAIN_SITE_TOML + contact})
    numbers = pii_phones.unit_phone_numbers(config_module.load(root))
    assert numbers == {"02773610113", "02773610202", "0912000111"}
    text = "Bị hại là ông Nguyễn Văn Bình, trú ấp 3, điện thoại 0277 3610 113."
    assert phones(text, numbers) == []
    assert phones(text) == [("bị hại", "027******13")]


def test_the_unit_s_numbers_are_read_once_per_site_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build asked for them per page and per bulletin linking a file: read once now."""
    contact = '\n[contact]\nhotline = "0277 3610 113"\nemergency = "113"\n'
    root = make_project(tmp_path, {"site.toml": PLAIN_SITE_TOML + contact})
    config = config_module.load(root)
    pii_phones._unit_numbers.cache_clear()
    read: list[str] = []
    real = pii_phones.dialled

    def reading(text: str) -> Dialled | None:
        """`dialled`, noting the text read."""
        read.append(text)
        return real(text)

    monkeypatch.setattr(pii_phones, "dialled", reading)
    first = pii_phones.unit_phone_numbers(config)
    once = len(read)
    assert pii_phones.unit_phone_numbers(config_module.load(root)) == first == {"02773610113"}
    assert once > 0 and len(read) == once
