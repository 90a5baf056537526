"""`publish zalo-preview`: the approver reads a draft's Zalo article before approving it, as
followers will read it, and nothing of it can reach Zalo (session 68, the approver's week)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from publish.cli import main
from publish.commands import zalo_preview
from publish.render.zalo import payload as payload_module
from publish.zalo.emulator import ZaloEmulator
from tests.helpers import snapshot
from tests.test_approval import APPROVER
from tests.zalo_project import NOW, site_toml, sync, told, zalo_project

FILE = "content/bai-viet/ban-tin-000.md"


def preview(root: Path, capsys: pytest.CaptureFixture[str], *files: str, code: int = 0) -> str:
    """What `publish zalo-preview FILES` prints (both streams), ending with exit `code`."""
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, "zalo-preview", *(files or (FILE,))]) == code
    return told(capsys)


def draft(root: Path, *lines: str) -> None:
    """Make FILE a draft, with `lines` added to its front matter."""
    path = root / FILE
    added = "".join(f"{line}\n" for line in ("draft: true", *lines))
    path.write_text(path.read_text("utf-8").replace("---\n\n", f"{added}---\n\n", 1), "utf-8")


def test_a_draft_shows_the_very_article_a_sync_sends_once_it_is_approved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    draft(root, 'corrections:\n  - date: 2020-12-02 10:00\n    note: "Sửa giờ họp."')
    out = preview(root, capsys)
    assert "Trạng thái: chưa đăng: bản nháp (draft: true)." in out
    assert not (root / "output").exists()  # nothing written a sync or a deploy could take
    # Approved and built, the article sent is the one shown, block by block, in order.
    capsys.readouterr()
    args = ["--root", str(root), "--now", NOW]
    assert main([*args, "approve", FILE, "--by", APPROVER, "--publish"]) == 0
    assert main([*args, "build", "--channel", "web,zalo"]) == 0
    [sent] = (root / "output" / "zalo").glob("*.json")
    article = json.loads(sent.read_text("utf-8"))
    lines = out.splitlines()
    assert f"Tiêu đề (title, {len(article['title'])}/149 ký tự): {article['title']}" in lines
    assert f"Tác giả ([unit] short_name, 18/50 ký tự): {article['author']}" in lines
    assert any(line.endswith(f"): {article['description']}") for line in lines)
    assert any(line.startswith(f"Ảnh bìa: {article['cover']['photo_url']} (") for line in lines)
    assert f"Nội dung: {len(article['body'])} khối:" in lines
    shown = [
        f"  {n}. [ảnh] {b['url']} — chú thích «{b['caption']}»"
        if b["type"] == "image"
        else f"  {n}. {b['content']}"
        for n, b in enumerate(article["body"], start=1)
    ]
    start = lines.index(shown[0])
    assert lines[start : start + len(shown)] == shown
    assert shown[0] == "  1. Đính chính (10:00 ngày 2/12/2020): Sửa giờ họp."


def test_a_preview_sends_nothing_and_the_sync_never_sends_the_draft(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    draft(root)
    assert sync(root) == 0
    before = snapshot(root / "output")
    calls = len(emulator.write_calls())
    preview(root, capsys)
    assert snapshot(root / "output") == before and len(emulator.write_calls()) == calls
    assert sync(root) == 0
    titles = [a["title"] for a in emulator.articles.values()]
    assert len(titles) == 1 and "(0)" not in titles[0]  # only the other bulletin went out


def test_a_title_over_zalos_limit_is_shown_with_the_builds_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    draft(root, 'zalo: {title: "' + "Cảnh báo " * 20 + '"}')
    out = preview(root, capsys, code=1)
    assert "Tiêu đề (zalo.title, 179/149 ký tự): Cảnh báo Cảnh báo" in out
    assert (
        "Lỗi và cảnh báo của Zalo (1 lỗi: bài có lỗi thì lần dựng dừng khi bài được đăng):" in out
    )
    assert f"{FILE}:" in out and "trường 'zalo.title': tiêu đề dài 179/149 ký tự" in out


def test_a_secret_bulletin_is_never_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    draft(root, 'classification: "mật"')
    out = preview(root, capsys, code=1)
    assert "tài liệu mật (classification: mật)" in out and "Nội dung:" not in out
    assert "Cảnh báo thủ đoạn" not in out and "Sáng nay" not in out
    # A classification the tool does not know is held as a secret one is.
    path = root / FILE
    path.write_text(path.read_text("utf-8").replace('"mật"', '"nội bộ"'), "utf-8")
    out = preview(root, capsys, code=1)
    assert f"{FILE}: tài liệu mật hay phân loại không cho đăng: không xem trước." in out
    assert "Cảnh báo thủ đoạn" not in out and "Sáng nay" not in out


def test_a_bulletin_not_sent_to_zalo_is_shown_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    draft(root, "channels: [web]")
    out = preview(root, capsys)
    assert (
        "Lưu ý: bản tin không gửi lên Zalo (channels: [web]): dưới đây là bài nó sẽ thành nếu "
        "được gửi."
    ) in out
    assert "Nội dung: 8 khối:" in out


def test_a_unit_without_an_oa_is_told_there_is_no_zalo_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    (root / "site.toml").write_text(site_toml(oa=False), "utf-8")
    out = preview(root, capsys, code=1)
    assert "[zalo] oa_id trống" in out and "Nội dung" not in out


def test_a_file_that_is_not_a_bulletin_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    out = preview(root, capsys, "content/bai-viet/khong-co.md", FILE, code=1)
    assert "content/bai-viet/khong-co.md: không có tệp bản tin (.md) này." in out
    assert "Trạng thái: đăng được (đã duyệt)." in out  # the other file is still shown


def test_a_drafts_build_refusing_zalo_names_the_preview(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The refusal was the approver's dead end: it now names the way to read the article."""
    root = zalo_project(tmp_path, 1)
    draft(root)
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, "build", "--drafts", "--channel", "zalo"]) == 1
    err = capsys.readouterr().err
    assert "Đọc trước bài Zalo của một bản nháp: publish zalo-preview TỆP" in err
    assert not (root / "output").exists()


def test_each_file_is_read_and_converted_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview loaded the site (every file), then each file named again, and with [zalo]
    max_body_blocks converted its body twice: once to count the blocks, once to show them. The
    article shown is still the one the build writes."""
    root = zalo_project(tmp_path, 2, zalo="max_body_blocks = 40")
    draft(root)
    converted: list[str] = []
    real = payload_module.markdown_blocks

    def counted(body: str, **options: object) -> object:
        """Convert, counted."""
        converted.append(body)
        return real(body, **options)  # type: ignore[arg-type]

    def never(*_args: object, **_options: object) -> None:
        """A second reading of a file the site loaded."""
        pytest.fail("the file was read again")

    monkeypatch.setattr(payload_module, "markdown_blocks", counted)
    monkeypatch.setattr(zalo_preview, "load_bulletin", never)
    out = preview(root, capsys)
    assert len(converted) == 1
    assert "Trạng thái: chưa đăng: bản nháp (draft: true)." in out
    blocks = [line for line in out.splitlines() if line.startswith("  ")]
    path = root / FILE
    path.write_text(path.read_text("utf-8").replace("draft: true\n", "", 1), "utf-8")
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, "build", "--channel", "web,zalo"]) == 0
    sent = json.loads((root / "output/zalo/bt-000.json").read_text("utf-8"))["body"]
    assert len(blocks) == len(sent) and blocks[-1] == f"  {len(sent)}. {sent[-1]['content']}"
