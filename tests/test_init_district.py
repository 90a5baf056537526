"""`publish init` for a district-level unit (Công an huyện, quận, thị xã, thành phố thuộc tỉnh),
as a second unit adopting the tool beside the sample's Châu Thành sees it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers import publish_command


def publish(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m publish ARGS` (see publish_command)."""
    return publish_command(*args, cwd=cwd)


def about_lead(root: Path) -> str:
    """The first paragraph of the about page, after its editor's comment."""
    text = (root / "content" / "pages" / "gioi-thieu.md").read_text("utf-8")
    return text.split("-->", 1)[1].strip().split("\n\n", 1)[0]


def to_complete(root: Path) -> list[str]:
    """The lines `grep -rn "CẦN BỔ SUNG:" site.toml content/` finds, as README has the unit do."""
    files = [root / "site.toml", *sorted((root / "content").rglob("*.md"))]
    return [
        f"{path.relative_to(root)}: {line}"
        for path in files
        for line in path.read_text("utf-8").splitlines()
        if "CẦN BỔ SUNG:" in line
    ]


@pytest.mark.parametrize(
    ("unit", "area", "superior"),
    [
        ("Công an huyện Tháp Mười, tỉnh Đồng Tháp", None, "Công an tỉnh Đồng Tháp"),
        ("Công an huyện Tháp Mười", "tỉnh Đồng Tháp", "Công an tỉnh Đồng Tháp"),
        # A city inside a province, and a town: under the province like a district.
        ("Công an thành phố Sa Đéc", "tỉnh Đồng Tháp", "Công an tỉnh Đồng Tháp"),
        ("Công an thị xã Hồng Ngự, Đồng Tháp", None, "Công an tỉnh Đồng Tháp"),
        ("Công an quận Hải Châu", "TP. Đà Nẵng", "Công an thành phố Đà Nẵng"),
        # Numbered districts keep their city in the name; the superior is read from it.
        ("Công an Quận 3, TP.HCM", None, "Công an Thành phố Hồ Chí Minh"),
    ],
)
def test_the_about_page_names_the_provincial_police_a_district_belongs_to(
    tmp_path: Path, unit: str, area: str | None, superior: str
) -> None:
    """A district's unit told its province left «trực thuộc … (Công an tỉnh, thành phố)» to
    fill in, as if the command had not been told; only communes got their province's police."""
    made = publish("init", tmp_path / "p", "--unit", unit, *(["--area", area] if area else []))
    assert made.returncode == 0, made.stderr
    lead = about_lead(tmp_path / "p")
    assert f"là đơn vị trực thuộc {superior}, có chức năng" in lead
    assert "CẦN BỔ SUNG" not in lead and "…" not in lead


@pytest.mark.parametrize(
    ("unit", "area"),
    [
        ("Công an huyện Tháp Mười", None),  # no province given
        ("Công an thành phố Sa Đéc", "thành phố Sa Đéc"),  # a city, no province
        ("Công an huyện Tháp Mười", "huyện Tháp Mười"),
        # Merged into Đồng Tháp on 1/7/2025: its districts were under Tiền Giang's police, which
        # is gone; neither name is sure to be the one the unit means.
        ("Công an huyện Châu Thành", "tỉnh Tiền Giang"),
    ],
)
def test_the_superior_of_a_district_stays_to_complete_when_not_known(
    tmp_path: Path, unit: str, area: str | None
) -> None:
    made = publish("init", tmp_path / "p", "--unit", unit, *(["--area", area] if area else []))
    assert made.returncode == 0, made.stderr
    lead = about_lead(tmp_path / "p")
    assert lead.startswith("**CẦN BỔ SUNG:**") and "(Công an tỉnh, thành phố)" in lead


def test_a_district_unit_given_its_province_only_completes_what_init_cannot_know(
    tmp_path: Path,
) -> None:
    """README's first steps for «Công an huyện Tháp Mười, tỉnh Đồng Tháp» with its phone, address
    and e-mail: what is left to complete is the unit's own (area, staff, hours, OA), never
    the superior nor the area the command was told."""
    made = publish(
        "init",
        tmp_path / "p",
        "--unit",
        "Công an huyện Tháp Mười, tỉnh Đồng Tháp",
        "--base-url",
        "https://conganthapmuoi.dongthap.gov.vn/",
        "--phone",
        "0277 3824 113",
        "--address",
        "Khóm 3, thị trấn Mỹ An, huyện Tháp Mười, tỉnh Đồng Tháp",
        "--email",
        "conganthapmuoi@gmail.com",
    )
    assert made.returncode == 0, made.stderr
    left = to_complete(tmp_path / "p")
    assert not [line for line in left if "trực thuộc" in line or line.startswith("site.toml: area")]
    about = [line for line in left if line.startswith("content/pages/gioi-thieu.md")]
    assert len(about) == 2, left  # the area's description and the unit's organisation


def test_the_zalo_item_to_delete_says_how_to_number_the_items_after_it(tmp_path: Path) -> None:
    """A unit without an OA deleted item 3 as told and published «1, 2, 4, 5»: the items are
    numbered by hand. The hint names the numbers the items after it take."""
    made = publish("init", tmp_path / "p", "--unit", "Công an thành phố Sa Đéc, tỉnh Đồng Tháp")
    assert made.returncode == 0, made.stderr
    page = (tmp_path / "p" / "content" / "pages" / "gui-phan-anh.md").read_text("utf-8")
    items = [line for line in page.splitlines() if line[:2] == "**" and line[2:3].isdigit()]
    zalo = next(i for i, line in enumerate(items) if "Trang Zalo" in line)
    after = items[zalo + 1 :]
    assert after and all(line.startswith(f"**{zalo + 2 + k}.") for k, line in enumerate(after))
    renumbered = ", ".join(str(zalo + 1 + k) for k in range(len(after)))
    assert f"xóa mục {zalo + 1} này" in items[zalo] and f"thành {renumbered}" in items[zalo]
