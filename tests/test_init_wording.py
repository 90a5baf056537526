"""`publish init`: what the new unit's pages say about it (its superior, its channels, its name)
when the unit was written the way staff type it (TP.HCM, a bare province name, lower case)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from publish import config
from tests.helpers import publish_command


def publish(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m publish ARGS` (see publish_command)."""
    return publish_command(*args, cwd=cwd)


def page(root: Path, name: str) -> str:
    """A page init wrote."""
    return (root / "content" / "pages" / f"{name}.md").read_text("utf-8")


def about_lead(root: Path) -> str:
    """The first paragraph of the about page, after its editor's comment."""
    return page(root, "gioi-thieu").split("-->", 1)[1].strip().split("\n\n", 1)[0]


def summary(root: Path, name: str) -> str:
    """A page's front-matter summary, as written."""
    return next(line for line in page(root, name).splitlines() if line.startswith("summary:"))


@pytest.mark.parametrize(
    ("unit", "area", "superior"),
    [
        ("Công an Phường 12, Quận 3, TP.HCM", None, "Công an Thành phố Hồ Chí Minh"),
        ("Công an phường Sài Gòn, TP. HCM", None, "Công an Thành phố Hồ Chí Minh"),
        ("Công an phường Sài Gòn", "Tp Hồ Chí Minh", "Công an Thành phố Hồ Chí Minh"),
        ("Công an phường Sài Gòn", "TPHCM", "Công an Thành phố Hồ Chí Minh"),
        ("Công an phường Hải Châu", "TP. Đà Nẵng", "Công an thành phố Đà Nẵng"),
        ("Công an phường Hải Châu, Đà Nẵng", None, "Công an thành phố Đà Nẵng"),
        ("Công an xã Ea Tu", "Đắk Lắk", "Công an tỉnh Đắk Lắk"),
        ("Công an xã Ea Tu", "Đăk Lăk", "Công an tỉnh Đắk Lắk"),
        ("Công an phường Thuận Hóa", "Thừa Thiên Huế", "Công an thành phố Huế"),
    ],
)
def test_a_province_written_short_is_named_in_full_as_the_superior(
    tmp_path: Path, unit: str, area: str | None, superior: str
) -> None:
    """`--unit "Công an Phường 12, Quận 3, TP.HCM"` wrote «trực thuộc Công an thành phố HCM»,
    unmarked; «Đà Nẵng» or «Đắk Lắk» without «tỉnh/thành phố» left the line to complete."""
    made = publish("init", tmp_path / "p", "--unit", unit, *(["--area", area] if area else []))
    assert made.returncode == 0, made.stderr
    lead = about_lead(tmp_path / "p")
    assert f"là đơn vị trực thuộc {superior}, có chức năng" in lead
    assert "CẦN BỔ SUNG" not in lead


@pytest.mark.parametrize(
    "area",
    [
        "thành phố Thủ Đức",  # a city inside Hồ Chí Minh City: not its police's superior
        "thành phố Cao Lãnh",  # a provincial city before 1/7/2025
        "TP. Tây Ninh",  # the province is Tây Ninh; the city of that name is not it
        "Quận 3",
        "Sài Gòn",
    ],
)
def test_a_city_that_is_no_province_leaves_the_superior_to_complete(
    tmp_path: Path, area: str
) -> None:
    """Only the six centrally-run cities have a police a commune belongs to: «thành phố Thủ
    Đức» gave «trực thuộc Công an thành phố Thủ Đức»."""
    made = publish("init", tmp_path / "p", "--unit", "Công an phường Linh Xuân", "--area", area)
    assert made.returncode == 0, made.stderr
    lead = about_lead(tmp_path / "p")
    assert lead.startswith("**CẦN BỔ SUNG:**") and "(Công an tỉnh, thành phố)" in lead


@pytest.mark.parametrize(
    ("unit", "area"),
    [
        ("Công an tỉnh Đồng Tháp", None),
        ("Công an tỉnh Đồng Tháp", "tỉnh Đồng Tháp"),
        ("Công an thành phố Đà Nẵng", None),
        ("Công an Thành phố Hồ Chí Minh", None),
    ],
)
def test_a_provinces_own_police_belongs_to_the_ministry_and_is_not_repeated(
    tmp_path: Path, unit: str, area: str | None
) -> None:
    """«Công an tỉnh Đồng Tháp» got «trực thuộc … (Công an tỉnh, thành phố)», a hint that
    cannot be right for it; with --area the summaries said «…, tỉnh Đồng Tháp» twice."""
    made = publish("init", tmp_path / "p", "--unit", unit, *(["--area", area] if area else []))
    assert made.returncode == 0, made.stderr
    root = tmp_path / "p"
    assert about_lead(root).startswith(f"{unit} là đơn vị trực thuộc Bộ Công an, có chức năng")
    for name in ("gioi-thieu", "lien-he"):
        assert f"{unit}:" in summary(root, name) or f"{unit}." in summary(root, name)
        assert f"{unit}," not in summary(root, name)
    assert config.load(root).site.description.startswith(f"Trang thông tin của {unit}:")


@pytest.mark.parametrize(
    ("unit", "own", "superior"),
    [
        (
            "Phòng Cảnh sát hình sự, Công an tỉnh Đồng Tháp",
            "Phòng Cảnh sát hình sự",
            "Công an tỉnh Đồng Tháp",
        ),
        (
            "Phòng Cảnh sát quản lý hành chính về trật tự xã hội, Công an tỉnh Khánh Hòa",
            "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
            "Công an tỉnh Khánh Hòa",
        ),
        (
            "Phòng PA05, Công an Thành phố Hồ Chí Minh",
            "Phòng PA05",
            "Công an Thành phố Hồ Chí Minh",
        ),
        (
            "Đội Cảnh sát giao thông, Công an huyện Châu Thành",
            "Đội Cảnh sát giao thông",
            "Công an huyện Châu Thành",
        ),
    ],
)
def test_a_unit_whose_name_says_its_superior_after_the_comma_is_said_to_belong_to_it(
    tmp_path: Path, unit: str, own: str, superior: str
) -> None:
    """«Phòng Cảnh sát hình sự, Công an tỉnh Đồng Tháp» got «CẦN BỔ SUNG: … trực thuộc …
    (Công an tỉnh, thành phố)» on its about page, though its name says whose it is."""
    made = publish("init", tmp_path / "p", "--unit", unit)
    assert made.returncode == 0, made.stderr
    lead = about_lead(tmp_path / "p")
    assert lead.startswith(f"{own} là đơn vị trực thuộc {superior}, có chức năng"), lead
    assert "CẦN BỔ SUNG" not in lead and "…" not in lead
    assert config.load(tmp_path / "p").unit.name == unit


def test_a_city_that_was_a_provincial_city_is_no_province(tmp_path: Path) -> None:
    """«Công an thành phố Cao Lãnh» (before 1/7/2025, under Đồng Tháp) is no provincial police."""
    made = publish("init", tmp_path / "p", "--unit", "Công an thành phố Cao Lãnh")
    assert made.returncode == 0, made.stderr
    assert about_lead(tmp_path / "p").startswith("**CẦN BỔ SUNG:**")


def test_without_an_oa_the_pages_do_not_promise_a_zalo_page(tmp_path: Path) -> None:
    """Without --oa-id, «Gửi phản ánh»'s summary ended «…113 hoặc Trang Zalo.» and the about
    page called «Trang thông tin và Trang Zalo» the unit's official channels, unmarked."""
    unit = "Công an xã Tân Phú"
    made = publish("init", tmp_path / "p", "--unit", unit, "--area", "tỉnh Đồng Tháp")
    assert made.returncode == 0, made.stderr
    root = tmp_path / "p"
    assert "Zalo" not in summary(root, "gui-phan-anh")
    about = page(root, "gioi-thieu")
    assert "Zalo" not in about
    assert f"Trang thông tin {unit} là kênh chính thức" in about
    # The report page's Zalo paragraph, marked to complete, says where to add it back.
    zalo = next(line for line in page(root, "gui-phan-anh").splitlines() if "**3." in line)
    assert "CẦN BỔ SUNG:" in zalo and "trang Giới thiệu" in zalo
    given = publish(
        "init", tmp_path / "q", "--unit", unit, "--area", "tỉnh Đồng Tháp", "--oa-id", "123456"
    )
    assert given.returncode == 0, given.stderr
    root = tmp_path / "q"
    assert "Trang Zalo." in summary(root, "gui-phan-anh")
    assert f"Trang thông tin và Trang Zalo {unit} là kênh chính thức" in page(root, "gioi-thieu")


@pytest.mark.parametrize(
    ("typed", "name", "short"),
    [
        ("công an xã tân phú", "Công an xã Tân Phú", "Công an xã Tân Phú"),
        ("công an huyện châu thành", "Công an huyện Châu Thành", "Công an Châu Thành"),
        ("công an xã Tân Phú", "Công an xã Tân Phú", "Công an xã Tân Phú"),
        ("công an phường 5, quận 3", "Công an phường 5, quận 3", "Công an phường 5, quận 3"),
        # As on a letterhead.
        ("CÔNG AN XÃ TÂN PHÚ", "Công an xã Tân Phú", "Công an xã Tân Phú"),
        ("CÔNG AN HUYỆN CHÂU THÀNH", "Công an huyện Châu Thành", "Công an Châu Thành"),
    ],
)
def test_a_unit_typed_in_lower_case_is_capitalised_where_it_is_shown(
    tmp_path: Path, typed: str, name: str, short: str
) -> None:
    """«công an xã tân phú» stood as typed in the website's title and the radio lead-in."""
    made = publish("init", tmp_path / "p", "--unit", typed)
    assert made.returncode == 0, made.stderr
    loaded = config.load(tmp_path / "p")
    assert (loaded.unit.name, loaded.unit.short_name) == (name, short)
    assert loaded.site.title == f"Trang thông tin {name}"
    assert f"do {name} thực hiện" in loaded.radio.intro
    assert f"Tên đơn vị ghi là «{name}»" in made.stdout


@pytest.mark.parametrize(
    ("typed", "area"),
    [
        ("tỉnh đồng tháp", "tỉnh Đồng Tháp"),
        ("TỈNH ĐỒNG THÁP", "tỉnh Đồng Tháp"),
        ("huyện châu thành, tỉnh đồng tháp", "huyện Châu Thành, tỉnh Đồng Tháp"),
        ("tỉnh Đồng Tháp", "tỉnh Đồng Tháp"),
        ("TP.HCM", "TP.HCM"),
    ],
)
def test_an_area_typed_in_lower_case_or_capitals_is_written_as_the_unit_writes_it(
    tmp_path: Path, typed: str, area: str
) -> None:
    """--area "TỈNH ĐỒNG THÁP" (or «tỉnh đồng tháp») stood as typed in every page's header and
    in the site's description, while the unit's own name was already capitalised."""
    made = publish("init", tmp_path / "p", "--unit", "Công an xã Tân Phú", "--area", typed)
    assert made.returncode == 0, made.stderr
    loaded = config.load(tmp_path / "p")
    assert loaded.unit.area == area
    assert f"Công an xã Tân Phú, {area}" in loaded.site.description
    assert (f"địa bàn «{area}»" in made.stdout) is (area != typed)


@pytest.mark.parametrize("phone", ["113", "114", "115"])
def test_an_emergency_number_as_the_hotline_is_warned_about_and_marked(
    tmp_path: Path, phone: str
) -> None:
    """--phone "113" was taken as the unit's own line without a word: 113 is the national
    emergency number, already on the contact page; the unit's duty line was never asked for."""
    made = publish("init", tmp_path / "p", "--unit", "Công an xã Tân Phú", "--phone", phone)
    assert made.returncode == 0, made.stderr
    assert f"--phone: cảnh báo: {phone} là số khẩn cấp" in made.stderr
    assert "Traceback" not in made.stderr
    line = next(
        line
        for line in (tmp_path / "p" / "site.toml").read_text("utf-8").splitlines()
        if line.startswith("hotline =")
    )
    assert line.startswith(f'hotline = "{phone}"  # CẦN BỔ SUNG:')
    fine = publish(
        "init", tmp_path / "q", "--unit", "Công an xã Tân Phú", "--phone", "0277 3610 113"
    )
    assert fine.returncode == 0 and "cảnh báo" not in fine.stderr


def test_without_an_oa_default_channels_leave_zalo_out_and_the_website_is_not_held_by_zalo(
    tmp_path: Path,
) -> None:
    """init wrote default_channels = ["web", "zalo", "radio"] for a unit without an OA: its
    approver read «kênh: web, zalo, radio», and a bulletin over Zalo's 149-character title (or
    without a cover) stopped the whole build, website included, for a channel the unit does
    not have. Given an OA, zalo is a default channel as before."""
    import re

    root = tmp_path / "khong-oa"
    made = publish("init", root, "--unit", "Công an xã Tân Phú", "--area", "tỉnh Đồng Tháp")
    assert made.returncode == 0, made.stderr
    text = (root / "site.toml").read_text("utf-8")
    assert re.search(r'^default_channels = \["web", "radio"\]$', text, re.M)
    assert "«Đơn vị có Zalo OA sau»" in text
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    assert "**Đơn vị có Zalo OA sau.**" in readme
    title = "Cảnh báo thủ đoạn giả danh cán bộ Công an gọi điện yêu cầu chuyển tiền " * 3
    new = publish("new", title.strip()[:190], "--category", "an-ninh-trat-tu", cwd=root)
    assert new.returncode == 0, new.stderr
    assert "Zalo" not in new.stdout + new.stderr
    bulletin = root / new.stdout.split()[0]
    body = bulletin.read_text("utf-8")
    body = body.replace("Tóm tắt bản tin trong một, hai câu.", "Không chuyển tiền theo điện thoại.")
    body = body.replace("Viết nội dung bản tin ở đây.", "Công an không gọi điện đòi chuyển tiền.")
    bulletin.write_text(body, "utf-8")
    approved = publish("approve", bulletin, "--publish", "--by", "Trưởng Công an xã", cwd=root)
    assert approved.returncode == 0, approved.stdout + approved.stderr
    assert "kênh: web, radio;" in " ".join(approved.stdout.split())
    built = publish("build", cwd=root)
    assert built.returncode == 0, built.stdout + built.stderr
    with_oa = tmp_path / "co-oa"
    made = publish("init", with_oa, "--unit", "Công an xã Tân Phú", "--oa-id", "1234567890")
    assert made.returncode == 0, made.stderr
    text = (with_oa / "site.toml").read_text("utf-8")
    assert re.search(r'^default_channels = \["web", "zalo", "radio"\]$', text, re.M)


def test_a_short_name_too_long_for_zalos_author_is_marked_when_the_unit_has_an_oa(
    tmp_path: Path,
) -> None:
    """«Phòng Cảnh sát quản lý hành chính về trật tự xã hội, Công an tỉnh Khánh Hòa» kept whole
    as short_name is Zalo's author (≤ 50 characters): init with --oa-id wrote it without a word
    and the first `publish check` stopped on it. Now the line is marked to complete, with a
    warning; without an OA (no Zalo author) or with a short name that fits, nothing is said."""
    unit = "Phòng Cảnh sát quản lý hành chính về trật tự xã hội, Công an tỉnh Khánh Hòa"
    made = publish("init", tmp_path / "p", "--unit", unit, "--oa-id", "1234567890")
    assert made.returncode == 0, made.stderr
    assert "[unit] short_name: cảnh báo:" in made.stderr and "50" in made.stderr
    assert "Traceback" not in made.stderr
    text = (tmp_path / "p" / "site.toml").read_text("utf-8")
    line = next(line for line in text.splitlines() if line.startswith("short_name ="))
    assert line.startswith(f'short_name = "{unit}"  # CẦN BỔ SUNG:')
    assert config.load(tmp_path / "p").unit.short_name == unit
    no_oa = publish("init", tmp_path / "q", "--unit", unit)
    assert no_oa.returncode == 0 and "short_name" not in no_oa.stderr
    fits = publish("init", tmp_path / "r", "--unit", "Công an xã Tân Phú", "--oa-id", "123")
    assert fits.returncode == 0 and "short_name" not in fits.stderr
    text = (tmp_path / "r" / "site.toml").read_text("utf-8")
    assert 'short_name = "Công an xã Tân Phú"\n' in text
