"""The article's last line («Xem bản tin đầy đủ…», from [unit] name and the bulletin's address)
fits [zalo] text_block_max like every other text block, and its address is never cut."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from publish.cli import main
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import NOW, records, sync, told, zalo_bulletin, zalo_project

BASE = "https://congan-chauthanh.example.vn"
LONG_NAME = (
    "Công an huyện Châu Thành, tỉnh Đồng Tháp — đơn vị tiếp nhận tin báo, tố giác tội phạm và "
    "kiến nghị khởi tố"
)
SHORT = "Công an Châu Thành"


def named(root: Path, name: str) -> None:
    """Give the project's unit the full name `name` in site.toml."""
    toml = root / "site.toml"
    written = toml.read_text("utf-8")
    assert 'name = "Công an huyện Châu Thành"' in written
    toml.write_text(written.replace('name = "Công an huyện Châu Thành"', f'name = "{name}"', 1))


def closing(root: Path, key: str) -> str:
    """The last block of a bulletin's built payload."""
    payload = json.loads((root / "output" / "zalo" / f"{key}.json").read_text("utf-8"))
    return payload["body"][-1]["content"]


def test_a_long_unit_name_no_longer_has_zalo_refuse_every_article(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None
) -> None:
    """A Zalo refusing blocks over 150 characters, and [zalo] text_block_max = 150 saying so:
    the body's paragraphs were cut to fit, the last line with a long [unit] name was not, and
    every article was refused at every sync. It now names the short name instead."""
    emulator.configure(text_block_max_len=150)
    root = zalo_project(tmp_path, 2, zalo="text_block_max = 150")
    named(root, LONG_NAME)
    assert sync(root) == 0
    for key in ("bt-000", "bt-001"):
        page = f"{BASE}/2020/12/ban-tin-{key[-3:]}/"
        last = f"Xem bản tin đầy đủ trên trang thông tin của {SHORT}: {page}"
        assert closing(root, key) == last
        article = emulator.state.articles[records(root)[key]["article_id"]]
        assert article["body"][-1]["content"] == last
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []


@pytest.mark.parametrize(
    ("limit", "name", "lead"),
    [
        (1000, "Công an huyện Châu Thành", "trên trang thông tin của Công an huyện Châu Thành"),
        (1000, LONG_NAME, f"trên trang thông tin của {LONG_NAME}"),
        (150, LONG_NAME, f"trên trang thông tin của {SHORT}"),
        (100, LONG_NAME, ""),
    ],
    ids=["fits", "long-name-fits", "short-name", "no-name"],
)
def test_the_last_line_names_the_unit_as_fully_as_the_limit_allows(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, limit: int, name: str, lead: str
) -> None:
    """Full name while it fits (articles synced before are not changed), else the short name,
    else none; always within the limit, the address whole."""
    emulator.configure(text_block_max_len=limit)
    root = zalo_project(tmp_path, 1, zalo=f"text_block_max = {limit}")
    named(root, name)
    assert sync(root) == 0
    said = " ".join(filter(None, ("Xem bản tin đầy đủ", lead)))
    assert closing(root, "bt-000") == f"{said}: {BASE}/2020/12/ban-tin-000/"
    assert len(closing(root, "bt-000")) <= limit


def test_an_address_longer_than_the_limit_is_never_cut(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None
) -> None:
    """A paragraph over the limit is cut between words; an address cut so would lead nowhere:
    the last line keeps it whole, even over [zalo] text_block_max."""
    slug = "canh-bao-" + "-".join(["thu-doan-gia-danh-cong-an-goi-dien"] * 3)
    root = zalo_project(
        tmp_path,
        0,
        zalo="text_block_max = 100",
        files={"content/bai-viet/ban-tin-000.md": zalo_bulletin(0, slug=slug)},
    )
    assert sync(root) == 0
    page = f"{BASE}/2020/12/{slug}/"
    assert len(page) > 100
    assert closing(root, "bt-000") == f"Xem bản tin đầy đủ: {page}"
    article = emulator.state.articles[records(root)["bt-000"]["article_id"]]
    assert article["body"][-1]["content"].endswith(page)


@pytest.mark.parametrize(
    ("limit", "key", "start"),
    [(150, "[unit] short_name", "short_name ="), (100, "[site] base_url", "base_url =")],
    ids=["short-name", "address-only"],
)
def test_a_refused_closing_line_names_what_it_was_written_from(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    limit: int,
    key: str,
    start: str,
) -> None:
    """A last line that names the short name (or no name) is refused as what it holds: the
    site.toml line of [unit] short_name (or [site] base_url), not [unit] name it left out."""
    root = zalo_project(tmp_path, 1, zalo=f"text_block_max = {limit}")
    named(root, LONG_NAME)
    assert main(["--root", str(root), "--now", NOW, "build", "-q"]) == 0
    last = len(json.loads((root / "output/zalo/bt-000.json").read_text("utf-8"))["body"]) - 1
    garble = json.dumps({"error": -201, "message": f"body[{last}] content is invalid!"})
    emulator.configure(fault_paths=("/article/create",), garble_first=1, garble_body=garble)
    assert sync(root) == 3
    out = told(capsys)
    lines = (root / "site.toml").read_text("utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith(start))
    assert f"site.toml:{line}: Zalo từ chối bài" in out and f"trường '{key}'" in out
    assert f"«{closing(root, 'bt-000')}»" in out
