"""Personal-data lint: what it finds, the masked message with its line, and --strict in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from publish.pii import findings, mask
from publish.text import one_tone_placement
from tests.helpers import bulletin_md, install_fake_renderers, make_project

NOW = "2021-01-01T09:00"


def kinds(text: str, year: int = 2020) -> list[tuple[int, str, str]]:
    """(line, kind, masked value) of every finding."""
    return [(f.line, f.kind, f.value) for f in findings(text, year=year)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Bà A, CCCD số 087123456789, trình báo", "số CCCD", "087*******89"),
        ("số định danh cá nhân: 087 123 456 789", "số CCCD", "087*******89"),
        ("mang CMND: 123 456 789 của người khác", "số CMND", "123****89"),
        ("Mã 087123456789 được ghi trên giấy", "số CCCD (12 chữ số)", "087*******89"),
        # A comma or the sentence's full stop after the number: not part of a decimal.
        ("Đối tượng A, số 087123456789, trú tại ấp 3", "số CCCD (12 chữ số)", "087*******89"),
        ("Giấy tờ ghi số 087123456789.", "số CCCD (12 chữ số)", "087*******89"),
        ("Hộ chiếu số C1234567 do Cục Quản lý xuất nhập cảnh cấp", "số hộ chiếu", "C*****67"),
        ("mang hộ chiếu: B 12345678", "số hộ chiếu", "B******78"),
        (
            "chuyển vào STK: 0071 0012 34567 tại Vietcombank",
            "số tài khoản ngân hàng",
            "007********67",
        ),
        (
            "số tài khoản Techcombank 19036688888 của đối tượng",
            "số tài khoản ngân hàng",
            "190******88",
        ),
        (
            "cháu Nguyễn Văn B (SN 12/03/2010)",
            "ngày sinh đầy đủ của trẻ vị thành niên",
            "**/**/2010",
        ),
        ("anh C, sinh ngày 01.01.1980, trú ấp Tân Lập", "ngày sinh đầy đủ", "**.**.1980"),
        ("em D (sinh năm 2008) bị dụ dỗ", "năm sinh của trẻ vị thành niên (12 tuổi)", "2008"),
        ("em Lê Văn Tèo (15 tuổi) bị dụ dỗ", "họ tên của trẻ vị thành niên (15 tuổi)", "L.V.T."),
        (
            "bé Nguyễn Thị Hoa, 9 tuổi, trú ấp Tân Hòa",
            "họ tên của trẻ vị thành niên (9 tuổi)",
            "N.T.H.",
        ),
        ("Cháu Lê Văn Tèo (15 tuổi) bị lạc", "họ tên của trẻ vị thành niên (15 tuổi)", "L.V.T."),
        # Given names that are also kinship or role words: the lint stopped at them and missed
        # the child (a name of one word is not reported).
        (
            "do em Nguyễn Hoàng Nam, 16 tuổi, điều khiển",
            "họ tên của trẻ vị thành niên (16 tuổi)",
            "N.H.N.",
        ),
        (
            "cháu Nguyễn Anh Tuấn (12 tuổi) bị lạc",
            "họ tên của trẻ vị thành niên (12 tuổi)",
            "N.A.T.",
        ),
        ("Em Trần Nhân Hậu, 13 tuổi", "họ tên của trẻ vị thành niên (13 tuổi)", "T.N.H."),
        ("em Nguyễn Bá Tường (13 tuổi)", "họ tên của trẻ vị thành niên (13 tuổi)", "N.B.T."),
        # Surnames and given names that fold to a place word (trường, tổ, thành phố, Công an)
        (
            "em Trương Văn Tài (15 tuổi) bị thương",
            "họ tên của trẻ vị thành niên (15 tuổi)",
            "T.V.T.",
        ),
        ("em Tô Minh Công 14 tuổi", "họ tên của trẻ vị thành niên (14 tuổi)", "T.M.C."),
        ("em Nguyễn Văn Thành, 15 tuổi", "họ tên của trẻ vị thành niên (15 tuổi)", "N.V.T."),
        ("cháu Lê Thị An (12 tuổi)", "họ tên của trẻ vị thành niên (12 tuổi)", "L.T.A."),
        # Who reported a crime or a complaint: named, they are in danger
        (
            "nhờ người tố giác là ông Đặng Văn Sáu, trú ấp Tân Phú",
            "họ tên người tố giác, báo tin",
            "Đ.V.S.",
        ),
        ("nhận phản ánh của ông Lâm Văn Được về", "họ tên người tố giác, báo tin", "L.V.Đ."),
        ("Người phản ánh: chị Trương Thị Kim, tổ 3", "họ tên người tố giác, báo tin", "T.T.K."),
        ("Anh Nguyễn Văn Tư đã tố giác hành vi", "họ tên người tố giác, báo tin", "N.V.T."),
        (
            "Lê Văn Tèo (học sinh lớp 9, 15 tuổi)",
            "họ tên của trẻ vị thành niên (15 tuổi)",
            "L.V.T.",
        ),
        # A child named with a birth year instead of an age (the year alone was reported)
        (
            "Học sinh Trần Văn Hậu (2011) bị thương",
            "họ tên của trẻ vị thành niên (9 tuổi)",
            "T.V.H.",
        ),
        # Where someone lives, to the house: the number is masked
        ("Ông Sáu trú tại số 45, tổ 3, ấp Tân Lập", "số nhà nơi ở của người dân", "số **"),
        ("bà Tư ngụ số 12/3 đường Lê Lợi, phường 5", "số nhà nơi ở của người dân", "số **/*"),
        ("căn nhà số 15 đường Nguyễn Huệ bị cháy", "số nhà nơi ở của người dân", "số **"),
        ("thường trú tại khu phố 2, số 45 đường Lê Lợi", "số nhà nơi ở của người dân", "số **"),
        ("anh Hai trú tại 45 Lê Lợi, phường 1", "số nhà nơi ở của người dân", "số **"),
        ("nơi ở hiện nay: số 7 hẻm 3", "số nhà nơi ở của người dân", "số *"),
        ("trú tại xã An Hiệp, số 113 đường Lê Lợi", "số nhà nơi ở của người dân", "số ***"),
    ],
)
def test_finds_personal_data_and_masks_numbers(text: str, kind: str, value: str) -> None:
    assert kinds(text) == [(0, kind, value)]


@pytest.mark.parametrize(
    ("text", "year", "found"),
    [
        (
            "Cháu Trần Thị Mỹ Duyên (SN 2017) đi lạc",
            2025,
            [
                (0, "năm sinh của trẻ vị thành niên (8 tuổi)", "2017"),
                (0, "họ tên của trẻ vị thành niên (8 tuổi)", "T.T.M.D."),
            ],
        ),
        (
            "em Lê Văn Bình, sinh năm 2012, bị lạc",
            2025,
            [
                (0, "năm sinh của trẻ vị thành niên (13 tuổi)", "2012"),
                (0, "họ tên của trẻ vị thành niên (13 tuổi)", "L.V.B."),
            ],
        ),
        # One child named with both a year and an age: the name once
        (
            "em Lê Văn Tèo (sinh năm 2010, 15 tuổi)",
            2025,
            [
                (0, "năm sinh của trẻ vị thành niên (15 tuổi)", "2010"),
                (0, "họ tên của trẻ vị thành niên (15 tuổi)", "L.V.T."),
            ],
        ),
        # An initial hides the child; an adult at the bulletin's date is no child
        (
            "em Lê Văn B, sinh năm 2012",
            2025,
            [(0, "năm sinh của trẻ vị thành niên (13 tuổi)", "2012")],
        ),
        ("Học sinh Trần Văn Hậu (2011) thời ấy", 2030, []),
    ],
)
def test_a_child_named_with_a_birth_year_is_reported_by_initials(
    text: str, year: int, found: list[tuple[int, str, str]]
) -> None:
    assert kinds(text, year) == found


@pytest.mark.parametrize(
    "text",
    [
        "Đối tượng Trần Văn E (SN 1990, trú xã An Hiệp) bị bắt.",  # adult, year only: usual practice
        "chiếm đoạt 150000000 đồng của 12 bị hại",
        "Gọi đường dây nóng 0277 3610 113 hoặc 113.",
        "Thiệt hại 123456789012 đồng.",  # an amount, not an ID
        "Ngày 08/12/2020, Công an huyện ra mắt Trang Zalo.",
        "Đặt mật khẩu mạnh cho tài khoản ngân hàng.",
        "cháu Nguyễn Văn B (10 tuổi) được đưa về gia đình",  # shortened name: how children are named
        "Đối tượng Trần Văn Em (35 tuổi) bị bắt.",
        "một em bé 10 tuổi bị lạc",
        "Em Nam, 16 tuổi, bị thương nhẹ.",  # a given name alone names nobody
        "Bé Anh (5 tuổi) đã về nhà.",
        "Công an xã An Nhơn (15 tuổi)",  # garbled, but a unit: no child's name
        "Thành phố Cao Lãnh (15 tuổi)",
        "Công an tiếp nhận tin báo, bắt giữ ông Nguyễn Văn Bảy.",  # the suspect, not the informant
        "Bà Nguyễn Thị Mai tố cáo ông Trần Văn Bảy chiếm đoạt tài sản.",  # whom it is about
        "tiếp nhận tin báo của ông Nguyễn Văn A về vụ trộm",  # shortened name
        "Người dân tố giác tội phạm qua đường dây nóng.",
        "tiếp nhận phản ánh của bà con xã Tân Bình",
        "Học sinh Trường THCS Tân Bình (14 tuổi) tham gia.",  # a school, not a child's name
        "Mẫu tờ khai X01234567 dùng cho hộ chiếu phổ thông.",  # a code before the word
        # Addresses that are no one's home, or no house number
        "Đối tượng Lê Văn B. trú tại phường 12, quận Gò Vấp.",  # a ward's number
        "trú tại tổ số 3, ấp 4, xã An Hiệp",
        "Trụ sở Công an phường tại số 12 đường Lê Lợi.",  # the unit's own address
        "Trụ sở mới (nhà số 12 đường Lê Lợi) mở cửa từ thứ Hai.",
        "Vụ cháy khu nhà số 5 đường Trần Hưng Đạo không gây thiệt hại về người.",
        "Tòa nhà số 9 đường Lê Lợi bị cháy lúc 2 giờ sáng.",
        "Dãy nhà số 3 của chợ Sa Đéc bị cháy.",
        "trú tại ấp 3; khi cần, người dân gọi số 113.",
        "trú tại ấp 3, gọi số 113 khi cần",
        "Theo Luật Cư trú số 68/2020/QH14, công dân đăng ký thường trú tại Công an xã.",
        "Cảnh giác với tin nhắn thông báo trúng thưởng số 12.",
        "anh A trú tại ấp 3, điều khiển xe biển số 66B1-123.45",
        "trú tại xã An Hiệp, số điện thoại 0912345678",
        # Twelve digits that are an amount or part of a longer number
        "Thiệt hại 123456789012,5 đồng.",
        "Tổng giá trị 123456789012.000 đồng",
        # A year in brackets that is no child's birth year
        "Tết Tân Sửu (2021) đã đến.",
        "Quyền của trẻ em Việt Nam (2016) được bảo đảm.",
        "Đối tượng Trần Văn Long (SN 1990, trú tại xã An Hiệp) bị bắt.",
        # Lodging, shelter and an office's address after a residence word
        "Kiểm tra cơ sở lưu trú tại số 12 đường Trần Phú.",
        "Đăng ký tạm trú tại Công an phường, số 15 đường Lê Duẩn.",
        "Người dân trú mưa tại số 3 đường Lê Lợi.",
        "Hướng dẫn nơi trú ẩn tại số 7 đường Hùng Vương.",
        "Nộp hồ sơ thường trú tại UBND xã, số 2 đường Lê Lợi.",
    ],
)
def test_ordinary_bulletin_text_is_not_flagged(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Tòa nhà số 9 đường Lê Lợi bị cháy lúc 2 giờ sáng.",
        "Toà nhà số 9 đường Lê Lợi bị cháy lúc 2 giờ sáng.",
        "TOÀ NHÀ SỐ 9 đường Lê Lợi bị cháy.",
        "Nộp hồ sơ tạm trú tại Ủy ban nhân dân xã, số 2 đường Lê Lợi.",
        "Nộp hồ sơ tạm trú tại Uỷ ban nhân dân xã, số 2 đường Lê Lợi.",
        "Đăng ký thường trú tại toà nhà hành chính, số 15 đường Lê Duẩn.",
    ],
)
def test_a_public_building_is_no_home_with_either_tone_placement(text: str) -> None:
    """«toà», «uỷ» (the tone on the second vowel, as many editors type) were not «tòa», «ủy»
    to the building and office words, so «Toà nhà số 9» was someone's home address."""
    assert kinds(text) == []


def test_a_home_is_still_found_with_either_tone_placement() -> None:
    """Moving the tone keeps each word's length: the finding is on its line, masked."""
    text = "Bà Hoà đã khoẻ.\nÔng A trú tại số 45 đường Thuỷ Lợi."
    assert kinds(text) == [(1, "số nhà nơi ở của người dân", "số **")]


def test_one_tone_placement_moves_only_a_word_final_oa_oe_uy_s_tone() -> None:
    assert one_tone_placement("hoà thuỷ khoẻ TOÀ Toà uỷ loè hoá hoạ thoả") == (
        "hòa thủy khỏe TÒA Tòa ủy lòe hóa họa thỏa"
    )
    # «quý»: the «u» is the consonant's; «hoàng», «Huỳnh», «khuya»: not at the word's end.
    assert one_tone_placement("quý Quỳnh hoàng Huỳnh khuya") == "quý Quỳnh hoàng Huỳnh khuya"


def test_mask_never_shows_the_whole_number() -> None:
    assert mask("087123456789") == "087*******89"
    assert mask("1234") == "****"


def test_findings_are_reported_per_line() -> None:
    text = "Dòng một.\n\nCCCD 087123456789.\nSTK 0071001234567."
    assert [(f.line, f.kind) for f in findings(text, year=2020)] == [
        (2, "số CCCD"),
        (3, "số tài khoản ngân hàng"),
    ]


def test_homes_near_the_words_that_are_not_homes_are_still_found() -> None:
    assert [k[2] for k in kinds("Anh A tạm trú tại số 15 đường Lê Duẩn.")] == ["số **"]
    assert [k[2] for k in kinds("Ông B cư trú tại số 7 đường Hùng Vương, làm ở Công an.")] == [
        "số *"
    ]


def test_an_informant_is_found_after_the_footer_and_deep_in_a_long_body() -> None:
    """The told words are searched around each hit; the footer «thông tin tố giác tội phạm»
    alone needs no search, but a name told next to it still counts."""
    footer = "Mọi thông tin tố giác tội phạm, người dân liên hệ số 113.\n"
    named = "Người tố giác là ông Nguyễn Văn Bảy, trú tại xã An Hiệp.\n"
    text = "Đoạn văn dài. " * 2000 + "\n" + footer + named
    assert [(f.line, f.value) for f in findings(text, year=2020)] == [(2, "N.V.B.")]
    assert kinds(footer) == []
    told_by = "Anh Lê Văn Tèo đã báo tin " + "cho Công an xã. " * 100
    assert [k[2] for k in kinds(told_by)] == ["L.V.T."]


def test_lines_are_counted_right_for_many_finds_in_order() -> None:
    text = "".join(f"Dòng {i}: nhà số 1{i} bị cháy.\n" for i in range(3)) + "em Lê Văn Tèo (9 tuổi)"
    assert sorted(f.line for f in findings(text, year=2020)) == [0, 1, 2, 3]


PII_BODY = "Bà Nguyễn Thị F trình báo.\n\nCCCD của bà: 087123456789.\n"


def project(tmp_path: Path, fields: dict[str, str] | None = None) -> Path:
    """A project with one bulletin carrying a CCCD number on file line 11."""
    return make_project(tmp_path, {"content/a.md": bulletin_md(fields, PII_BODY)})


def test_check_warns_with_file_line_and_masked_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = project(tmp_path)
    assert main(["check", "--root", str(root), "--now", NOW]) == 0
    err = capsys.readouterr().err
    assert "content/a.md:11: cảnh báo: có thể là dữ liệu cá nhân: số CCCD «087*******89»" in err
    assert "087123456789" not in err


def test_strict_check_and_build_fail_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = project(tmp_path)
    assert main(["check", "--root", str(root), "--now", NOW, "--strict"]) == 1
    assert "content/a.md:11: lỗi: có thể là dữ liệu cá nhân" in capsys.readouterr().err
    assert main(["build", "--root", str(root), "--now", NOW, "--strict"]) == 1
    assert not (root / "output").exists()


def test_strict_passes_when_a_reviewer_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = project(tmp_path, {"pii_reviewed_by": '"Đại úy Lê Văn G"'})
    assert main(["build", "--root", str(root), "--now", NOW, "--strict"]) == 0
    err = capsys.readouterr().err
    assert "cảnh báo: có thể là dữ liệu cá nhân" in err and "Lê Văn G" in err


def test_strict_only_warns_for_a_draft_that_still_needs_approval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = project(tmp_path, {"draft": "true"})
    assert main(["check", "--root", str(root), "--now", NOW, "--strict"]) == 0
    assert "cảnh báo: có thể là dữ liệu cá nhân" in capsys.readouterr().err


def test_strict_fails_for_an_embargoed_bulletin_that_will_publish_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = project(tmp_path, {"date": "2021-06-01 08:00"})
    assert main(["check", "--root", str(root), "--now", NOW, "--strict"]) == 1


def test_title_finding_names_the_title_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = make_project(
        tmp_path, {"content/a.md": bulletin_md({"title": '"Tìm nhân thân cháu SN 02/05/2015"'})}
    )
    assert main(["check", "--root", str(root), "--now", NOW]) == 0
    err = capsys.readouterr().err
    assert "content/a.md:2: cảnh báo: trường 'title': có thể là dữ liệu cá nhân: ngày sinh" in err
    assert "«**/**/2015»" in err and "02/05" not in err  # CI logs get the year, not the date


def test_a_childs_name_in_the_title_and_slug_is_told_as_lasting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    fields = {
        "title": '"Tìm người thân cho cháu Trần Thị Mỹ Duyên (SN 2017)"',
        "slug": "tim-nguoi-than-cho-chau-tran-thi-my-duyen",
    }
    root = make_project(tmp_path, {"content/a.md": bulletin_md(fields)})
    assert main(["check", "--root", str(root), "--now", NOW]) == 0
    err = capsys.readouterr().err
    name = "họ tên của trẻ vị thành niên (3 tuổi) «T.T.M.D.»"
    assert f"content/a.md:2: cảnh báo: trường 'title': có thể là dữ liệu cá nhân: {name}" in err
    assert "Tiêu đề không rút lại được" in err and "state/zalo.json" in err
    slug = f"content/a.md:7: cảnh báo: trường 'slug': có thể là dữ liệu cá nhân: {name} nằm trong"
    assert slug in err and "state/web-urls.json" in err
    assert "Duyên" not in err and "duyen" not in err


def test_a_slug_without_the_name_is_not_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    fields = {
        "title": '"Tìm người thân cho cháu Trần Thị Mỹ Duyên (SN 2017)"',
        "slug": "tim-nguoi-than-cho-mot-chau-be",
    }
    root = make_project(tmp_path, {"content/a.md": bulletin_md(fields)})
    assert main(["check", "--root", str(root), "--now", NOW]) == 0
    assert "trường 'slug'" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Cháu Lò Văn Bản (14 tuổi) bị đuối nước.", "L.V.B."),
        ("Cháu Lò Thị Bản, 14 tuổi, bị đuối nước.", "L.T.B."),
        ("Cháu Nguyễn Văn Tổ (15 tuổi) bị thương.", "N.V.T."),
        ("em Hà Thị Tổ Như (12 tuổi)", "H.T.T.N."),
        ("em Lò Bản Sơn (9 tuổi)", "L.B.S."),
    ],
)
def test_a_child_whose_given_name_is_a_place_kind_is_found(text: str, initials: str) -> None:
    """«Bản», «Tổ» open a place in lower case («bản Na Hang»); written capitalised after a
    name's words they are its given name: «Lò Văn Bản (14 tuổi)» went out unflagged."""
    assert [f.value for f in findings(text, year=2026)] == [initials]


@pytest.mark.parametrize(
    "text",
    ["em Hùng, bản Na Hang (15 tuổi)", "UBND Xã Tân Hòa (14 tuổi)", "Công an Xã Tân Phú (15 tuổi)"],
)
def test_a_place_kind_still_makes_a_place(text: str) -> None:
    assert list(findings(text, year=2026)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Trường THCS Trần Phú Xã Tân Bình (14 tuổi)",
        "Cháu Nguyễn Thị Mai Xã Hòa An (15 tuổi)",
    ],
)
def test_a_place_kind_inside_the_words_is_no_given_name(text: str) -> None:
    """A capitalised place kind is a given name only with at most one word after it: before a
    place's name it opens the place, and «Trần Phú Xã Tân Bình» was reported as «T.P.X.T.B.»."""
    assert list(findings(text, year=2026)) == []
