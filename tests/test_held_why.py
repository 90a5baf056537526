"""Why a published bulletin is held or withdrawn, said truly (session 74, QA items 5 to 8): a
file that fails to load is not «đã bị xóa»; a renamed file or a replaced image is told as
such, not as «nội dung đã đổi» with a `git checkout` of a .md nobody touched; and a sync that
takes a bulletin down only for a pending re-approval says so at its end, and on the CI run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from publish.cli import main
from publish.zalo.emulator import ZaloEmulator
from tests.git_commands import commit_all, git, needs_git
from tests.zalo_project import NOW, jpeg, sync, told, zalo_project

FILE = "content/bai-viet/ban-tin-000.md"
OTHER = "content/bai-viet/ban-tin-001.md"
RENAMED = "content/bai-viet/tin-moi.md"
BY = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"


def run(root: Path, capsys: pytest.CaptureFixture[str], *command: str) -> tuple[int, str]:
    """`publish COMMAND` at NOW: its exit code and everything it printed."""
    capsys.readouterr()
    code = main(["--root", str(root), "--now", NOW, *command])
    return code, told(capsys)


def printed(root: Path, capsys: pytest.CaptureFixture[str], *command: str) -> tuple[int, str]:
    """`publish COMMAND` at NOW: its exit code and what it printed on stdout (the log CI
    keeps, whose end it copies into the run's summary)."""
    capsys.readouterr()
    code = main(["--root", str(root), "--now", NOW, *command])
    return code, capsys.readouterr().out


def approve(root: Path, capsys: pytest.CaptureFixture[str], *files: str) -> None:
    """Approve `files` with `publish approve`, which binds the approval to their content."""
    assert run(root, capsys, "approve", *files, "--by", BY)[0] == 0


def line_of(root: Path, name: str, text: str) -> int:
    """The number of the first line of file `name` holding `text`."""
    lines = (root / name).read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


def test_a_published_file_that_fails_to_load_is_held_by_its_error_not_told_as_deleted(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    toml = root / "site.toml"
    before = toml.read_text("utf-8")
    # The category's key renamed in site.toml: every bulletin filed under it fails to load.
    toml.write_text(
        before.replace("[categories.canh-bao-toi-pham]", "[categories.canh-bao-thu-doan]"),
        "utf-8",
    )
    code, out = run(root, capsys, "check")
    assert code == 1
    assert "đã bị xóa" not in out and "git checkout" not in out
    for name, key in ((FILE, "bt-000"), (OTHER, "bt-001")):
        number = line_of(root, name, "category:")
        assert (
            f"Bài đang đăng bị giữ vì lỗi: tệp {name} (id: {key}) vẫn còn trong content/ nhưng "
            f"không đọc được vì lỗi ở tệp ấy (dòng {number}, trường 'category': chuyên mục "
            "không tồn tại: «canh-bao-toi-pham»), nên không có trong lần dựng này dù đang đăng "
            "trên website, Zalo. Còn lỗi thì publish sync không chạy (chưa có gì được ghi hay "
            "xuất bản); sửa đúng lỗi đó (cách sửa nêu ở dòng lỗi) thì bài vẫn đăng như cũ, "
            "không bị rút."
        ) in out
    # What the line says is so: fixing the error (the old key as an alias) keeps both live.
    toml.write_text(
        before.replace(
            "[categories.canh-bao-toi-pham]",
            '[categories.canh-bao-thu-doan]\naliases = ["canh-bao-toi-pham"]',
        ),
        "utf-8",
    )
    code, out = run(root, capsys, "check")
    assert code == 0, out
    assert "Sẽ rút" not in out and "bị giữ" not in out


@needs_git
@pytest.mark.parametrize("committed", [False, True], ids=["git-mv", "git-mv-committed"])
@pytest.mark.parametrize("synced", [False, True], ids=["never-synced", "published"])
def test_a_renamed_approved_file_is_told_as_a_new_address_with_its_words_unchanged(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    committed: bool,
    synced: bool,
) -> None:
    root = zalo_project(tmp_path, 2)
    approve(root, capsys, FILE)
    commit_all(root, "duyệt")
    if synced:
        assert sync(root) == 0
        commit_all(root, "state")
    git(root, "mv", FILE, RENAMED)
    if committed:
        git(root, "commit", "-q", "-m", "đổi tên tệp")
    moved = (
        "chỉ đổi địa chỉ: /2020/12/ban-tin-000/ → /2020/12/tin-moi/ (tên tệp đổi), chữ không đổi"
    )
    code, out = run(root, capsys, "check")
    assert code == 0, out
    assert f"Bỏ qua {RENAMED}: {moved}; địa chỉ là một phần nội dung được duyệt: không đăng" in out
    assert "nội dung đã đổi" not in out
    if synced:
        assert (
            f"Sẽ rút bài đang đăng: {RENAMED} đang đăng trên website, Zalo nhưng nay bị giữ lại "
            f"({moved}; địa chỉ là một phần nội dung được duyệt): lần đồng bộ tới sẽ rút bài "
            "khỏi các kênh ấy. Chưa muốn rút thì người duyệt xem lại rồi chạy publish approve "
            f"trước khi gộp (hay trả tệp về tên cũ: git mv {RENAMED} {FILE})."
        ) in out
    code, out = run(root, capsys, "approve", RENAMED, "--by", BY, "--dry-run")
    assert code == 0, out
    assert re.search(
        rf"so với bản đã duyệt \(commit [0-9a-f]{{8}}, [^)]*\): {re.escape(moved)}\n", out
    )
    assert "chưa được commit" not in out and "không đổi chữ nào" not in out
    # The way back the check gave works: the old name brings the approval back.
    git(root, "mv", RENAMED, FILE)
    code, out = run(root, capsys, "check")
    assert code == 0 and "Bỏ qua" not in out.replace("Bỏ qua 0", ""), out


@needs_git
def test_a_replaced_image_is_named_for_every_bulletin_it_holds(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    approve(root, capsys, FILE, OTHER)
    commit_all(root, "duyệt")
    assert sync(root) == 0
    commit_all(root, "state")
    (root / "content/images/anh-1.jpg").write_bytes(jpeg(color=(10, 200, 10)))
    commit_all(root, "thay ảnh")
    approval_commit = git(root, "log", "-n1", "--format=%H", "--", FILE).strip()
    code, out = run(root, capsys, "check")
    assert code == 0, out
    for name in (FILE, OTHER):
        image = f"ảnh content/images/anh-1.jpg (dòng {line_of(root, name, 'anh-1.jpg')})"
        assert (
            f"Bỏ qua {name}: {image} đã được thay sau khi duyệt, chữ của bài không đổi: "
            "không đăng ở kênh nào"
        ) in out
        assert (
            f"Sẽ rút bài đang đăng: {name} đang đăng trên website, Zalo nhưng nay bị giữ lại "
            f"({image} đã được thay sau khi duyệt, chữ của bài không đổi)"
        ) in out
        assert f"git checkout main -- {name}" not in out
    assert f"git checkout {approval_commit[:8]} -- content/images/anh-1.jpg" in out
    held = [line for line in out.splitlines() if line.startswith(("Bỏ qua", "Sẽ rút"))]
    assert len(held) == 4 and not any("bia.jpg" in line for line in held)  # as approved
    code, out = run(root, capsys, "approve", FILE, "--by", BY, "--dry-run")
    assert code == 0, out
    line = line_of(root, FILE, "anh-1.jpg")
    assert f": chỉ ảnh content/images/anh-1.jpg (dòng {line}) đã được thay, chữ không đổi\n" in out
    assert "không đổi chữ nào" not in out


def test_without_git_a_replaced_image_is_named_once_the_address_is_ruled_out(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    # Its address written in the front matter: a rename moves nothing. (Published at this
    # very address rules out no rename: the approval may be newer than the publication.)
    path = root / FILE
    path.write_text(
        path.read_text("utf-8").replace("id: bt-000\n", "id: bt-000\nslug: ban-tin-000\n"), "utf-8"
    )
    approve(root, capsys, FILE)
    assert sync(root) == 0
    (root / "content/images/anh-1.jpg").write_bytes(jpeg(color=(10, 200, 10)))
    code, out = run(root, capsys, "check")
    assert code == 0, out
    line = line_of(root, FILE, "anh-1.jpg")
    # The address ruled out: the image it shows was replaced.
    assert (
        f"Bỏ qua {FILE}: chữ của bài không đổi, nên ảnh content/images/anh-1.jpg (dòng {line}) "
        "đã được thay sau khi duyệt: "
    ) in out
    assert (
        "hay trả ảnh về bản đã duyệt trên nhánh chính, thường là main, rồi commit: git checkout "
        "main -- content/images/anh-1.jpg)."
    ) in out


def test_sync_names_at_its_end_each_bulletin_it_takes_down_for_a_pending_reapproval(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = zalo_project(tmp_path, 2)
    approve(root, capsys, FILE, OTHER)
    assert sync(root) == 0
    path = root / FILE
    path.write_text(path.read_text("utf-8").replace("Sáng nay", "Chiều nay"), "utf-8")
    head = (
        "CHÚ Ý: 1 bài đang đăng {} chỉ vì bản sửa chưa được duyệt lại (không phải lỗi, mã "
        "thoát vẫn là 0)."
    )
    item = f'  - {FILE} «{{}}» ({{}} khỏi Zalo): publish approve {FILE} --by "Họ tên, chức vụ"'
    title = re.search(r'title: "(.*)"', path.read_text("utf-8"))
    assert title is not None
    code, out = printed(root, capsys, "sync", "zalo", "--dry-run")
    assert code == 0
    lines = out.splitlines()
    assert head.format("sẽ bị rút") in lines[-2] and lines[-1] == item.format(title[1], "sẽ bị rút")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(root))
    code, out = printed(root, capsys, "sync", "zalo")
    assert code == 0  # a bulletin waiting for its approver is no failure (README)
    lines = out.splitlines()
    assert head.format("đã bị rút") in lines[-2] and lines[-1] == item.format(title[1], "đã bị rút")
    assert OTHER not in "\n".join(lines[-2:])
    # On the run's page too, before the summary CI copies as plain text.
    warning = next(i for i, line in enumerate(lines) if line.startswith("::warning "))
    assert lines[warning].startswith(f"::warning file={FILE},title=")
    assert "publish approve" in lines[warning]
    assert warning < lines.index("Tóm tắt đồng bộ:")
    # Taken down: the next sync has nothing more to say of it.
    code, out = run(root, capsys, "sync", "zalo")
    assert code == 0 and "CHÚ Ý" not in out and "::warning" not in out


def test_a_sync_of_bulletins_edited_but_never_published_says_nothing_more(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    approve(root, capsys, FILE)
    path = root / FILE
    path.write_text(path.read_text("utf-8").replace("Sáng nay", "Chiều nay"), "utf-8")
    code, out = run(root, capsys, "sync", "zalo")
    assert code == 0 and "CHÚ Ý" not in out
