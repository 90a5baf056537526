"""`publish init` for a commune-level unit after 1/7/2025 (Công an xã, phường, thị trấn, đặc
khu, directly under the provincial police): what a non-programmer following README sees."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

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
