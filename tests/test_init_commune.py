"""`publish init` for a commune-level unit after 1/7/2025 (Công an xã, phường, thị trấn, đặc
khu, directly under the provincial police): what a non-programmer following README sees."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from publish import config
from tests.helpers import publish_command

TAN_PHU = "Công an xã Tân Phú, tỉnh Đồng Tháp"


def publish(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m publish ARGS` (see publish_command)."""
    return publish_command(*args, cwd=cwd)


def about_lead(root: Path) -> str:
    """The first paragraph of the about page, after its editor's comment."""
    text = (root / "content" / "pages" / "gioi-thieu.md").read_text("utf-8")
    body = text.split("-->", 1)[1]
    return body.strip().split("\n\n", 1)[0]


@pytest.mark.parametrize(
    ("unit", "area", "superior"),
    [
        (TAN_PHU, None, "Công an tỉnh Đồng Tháp"),
        ("Công an phường Hải Châu", "thành phố Đà Nẵng", "Công an thành phố Đà Nẵng"),
        ("Công an phường Bến Nghé, Quận 1, TP. Hồ Chí Minh", None, "Công an thành phố Hồ Chí Minh"),
        ("Công an đặc khu Phú Quốc", "tỉnh An Giang", "Công an tỉnh An Giang"),
    ],
)
def test_the_about_page_names_the_provincial_police_a_commune_belongs_to(
    tmp_path: Path, unit: str, area: str | None, superior: str
) -> None:
    """The about page's first line asked «trực thuộc … (Công an tỉnh, thành phố)» although the
    command had been told the province: since 1/7/2025 a commune's police is under it."""
    made = publish("init", tmp_path / "p", "--unit", unit, *(["--area", area] if area else []))
    assert made.returncode == 0, made.stderr
    lead = about_lead(tmp_path / "p")
    assert f"là đơn vị trực thuộc {superior}, có chức năng" in lead
    assert "CẦN BỔ SUNG" not in lead and "…" not in lead


@pytest.mark.parametrize(
    ("unit", "area"),
    [
        ("Công an xã Tân Phú", None),  # province unknown
        ("Công an tỉnh Đồng Tháp", None),  # a province's police is under the Ministry
        ("Phòng Cảnh sát giao thông, Công an tỉnh Quảng Nam", "tỉnh Quảng Nam"),
    ],
)
def test_the_about_page_still_asks_for_the_superior_when_it_is_not_known(
    tmp_path: Path, unit: str, area: str | None
) -> None:
    made = publish("init", tmp_path / "p", "--unit", unit, *(["--area", area] if area else []))
    assert made.returncode == 0, made.stderr
    assert about_lead(tmp_path / "p").startswith("**CẦN BỔ SUNG:**")


@pytest.mark.parametrize(
    ("unit", "short"),
    [
        (TAN_PHU, "Công an xã Tân Phú"),
        ("Công an phường Bến Nghé", "Công an phường Bến Nghé"),
        ("Công an thị trấn Cái Tàu Hạ", "Công an thị trấn Cái Tàu Hạ"),
        ("Công an đặc khu Phú Quốc", "Công an đặc khu Phú Quốc"),
        ("Công an huyện Châu Thành", "Công an Châu Thành"),
        ("Công an tỉnh Đồng Tháp", "Công an Đồng Tháp"),
    ],
)
def test_a_commune_unit_keeps_its_level_in_the_short_name(
    tmp_path: Path, unit: str, short: str
) -> None:
    """«Công an Tân Phú», the Zalo author, radio lead-in and «Trang Zalo …» of the footer, reads
    as the police of a district or province (Công an Châu Thành, Công an Đồng Tháp); after the
    2025 mergers many communes share a name, and their pages and OA say «Công an xã …»."""
    made = publish("init", tmp_path / "p", "--unit", unit)
    assert made.returncode == 0, made.stderr
    assert config.load(tmp_path / "p").unit.short_name == short


def test_the_area_left_out_is_marked_to_complete(tmp_path: Path) -> None:
    """README says what init does not know, the area among it, is marked «CẦN BỔ SUNG:»; the
    area was left empty without a mark, and the header of a commune's site named no province."""
    made = publish("init", tmp_path / "p", "--unit", "Công an xã Tân Phú")
    assert made.returncode == 0, made.stderr
    line = next(
        line
        for line in (tmp_path / "p" / "site.toml").read_text("utf-8").splitlines()
        if line.startswith("area =")
    )
    assert line.startswith('area = ""  # CẦN BỔ SUNG:') and "tỉnh" in line
    given = publish("init", tmp_path / "q", "--unit", TAN_PHU)
    assert given.returncode == 0, given.stderr
    assert (
        "CẦN BỔ SUNG"
        not in (tmp_path / "q" / "site.toml")
        .read_text("utf-8")
        .split("[site]")[0]
        .split("[unit]")[1]
    )


def test_the_next_steps_cover_a_first_commit_on_a_new_machine_the_radio_and_the_trial_run(
    tmp_path: Path,
) -> None:
    """A commune's staff following the printed steps met git's English «Author identity
    unknown» on a machine that never used git, were never told where the station's scripts go,
    and were sent to the credentials before the sandbox trial README asks for first."""
    made = publish("init", tmp_path / "p", "--unit", TAN_PHU)
    assert made.returncode == 0, made.stderr
    steps = made.stdout
    assert steps.index('git config --global user.name "') < steps.index("git commit")
    assert "[radio] folder" in steps and "site.toml" in steps
    assert "«Lần chạy đầu tiên»" in steps and "publish zalo-sandbox" in steps
    assert "Settings → Pages" in steps  # the GitHub template's deploy job fails without it
