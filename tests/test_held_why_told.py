"""What a held or withdrawn bulletin's lines say is so (review R6 of session 74): sync's CHÚ Ý
names only what it took down, with the exit code it ends with; a title from the file cannot
write a workflow command or Markdown; «vẫn đăng như cũ» only of a file as approved; a renamed
file with a replaced image is told both; an image is told at the line that shows it."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from publish.cli import main
from publish.gates import approve_command
from publish.sync.awaiting import Awaiting, awaiting_markdown
from publish.zalo.emulator import ZaloEmulator
from tests.git_commands import commit_all, git, needs_git
from tests.test_held_why import BY, FILE, RENAMED, approve, line_of, printed, run
from tests.test_name_only_approvals import NOW as RADIO_NOW
from tests.test_name_only_approvals import project as radio_project
from tests.zalo_project import jpeg, records, sync, zalo_project

CALLED = "Người duyệt đọc lại bản mới rồi chạy lệnh bên cạnh"
"""How sync's CHÚ Ý goes on after its first sentence."""


def run_at(
    root: Path, capsys: pytest.CaptureFixture[str], now: str, *command: str
) -> tuple[int, str]:
    """`publish COMMAND` at `now`: its exit code and what it printed on stdout."""
    capsys.readouterr()
    code = main(["--root", str(root), "--now", now, *command])
    return code, capsys.readouterr().out


def edit(root: Path, name: str = FILE) -> None:
    """An edit of the bulletin's words after its approval."""
    path = root / name
    path.write_text(path.read_text("utf-8").replace("Sáng nay", "Chiều nay"), "utf-8")


def live_then_edited(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """FILE approved, published on Zalo, then edited: its Zalo article's id."""
    approve(root, capsys, FILE)
    assert sync(root) == 0
    edit(root)
    return str(records(root)["bt-000"]["article_id"])


def test_a_sync_that_failed_to_hide_the_article_claims_no_withdrawal(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    article = live_then_edited(root, capsys)
    emulator.configure(fault_paths=("/article/update",), fail_5xx_rate=1.0)
    code, out = printed(root, capsys, "sync", "zalo")
    assert code == 3, out
    assert emulator.articles[article]["status"] == "show"  # still live: the hide failed
    assert "CHÚ Ý" not in out and "mã thoát vẫn là 0" not in out
    # Once Zalo answers, the next sync hides it and says so.
    emulator.configure(fail_5xx_rate=0.0)
    code, out = printed(root, capsys, "sync", "zalo")
    assert code == 0 and emulator.articles[article]["status"] == "hide"
    assert "CHÚ Ý: 1 bài đang đăng đã bị rút" in out and "mã thoát vẫn là 0" in out


def test_a_hand_edited_article_left_alone_is_not_told_as_withdrawn(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    article = live_then_edited(root, capsys)
    emulator.edit_article(article, description="Sửa tay trong trang quản trị OA.")
    code, out = printed(root, capsys, "sync", "zalo")
    assert code == 1, out
    assert emulator.articles[article]["status"] == "show"
    assert "CHÚ Ý" not in out and "mã thoát vẫn là 0" not in out


def test_a_sync_failing_elsewhere_tells_what_it_did_withdraw_without_an_exit_code_of_0(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    live_then_edited(root, capsys)
    emulator.configure(fault_paths=("/article/update",), fail_5xx_rate=1.0)
    code, out = printed(root, capsys, "sync")  # website and Zalo
    assert code == 3, out
    lines = out.splitlines()
    head = next(line for line in lines if line.startswith("CHÚ Ý"))
    assert head.startswith("CHÚ Ý: 1 bài đang đăng đã bị rút chỉ vì bản sửa chưa được duyệt lại")
    assert "mã thoát vẫn là 0" not in head
    assert "mã thoát 3 là vì lỗi khác nêu ở trên" in head
    assert lines[lines.index(head) + 1].startswith(f"  - {FILE} «")
    assert "(đã bị rút khỏi website):" in lines[lines.index(head) + 1]  # not from Zalo


def test_an_unapproved_title_writes_no_workflow_command_and_no_markdown(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = zalo_project(tmp_path, 2)
    live_then_edited(root, capsys)
    path = root / FILE
    text = path.read_text("utf-8")
    title = "Tin [bấm](https://evil.example) @org/admins\\n::error::PWN"
    path.write_text(re.sub(r'(?m)^title: ".*"$', f'title: "{title}"', text), "utf-8")
    code, out = printed(root, capsys, "sync", "zalo", "--dry-run", "--format", "markdown")
    assert code == 0, out
    section = out.split("### Bài đang đăng bị rút vì chờ duyệt lại", 1)[1]
    assert FILE in section and "PWN" in section
    assert "](https://" not in section and "@org" not in section
    assert "\n::" not in section
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(root))
    code, out = printed(root, capsys, "sync", "zalo")
    assert code == 0, out
    assert "Tin [bấm](https://evil.example) @org/admins ::error::PWN" in out
    assert not any(line.startswith("::error") for line in out.splitlines()), out


@needs_git
def test_a_published_file_edited_and_failing_to_load_is_not_promised_to_stay_up(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    approve(root, capsys, FILE)
    commit_all(root, "duyệt")  # git holds the bytes approved: the edit is known to be one
    assert sync(root) == 0
    edit(root)
    path = root / FILE
    good = path.read_text("utf-8")
    path.write_text(good.replace("date: 2020-12-01 08:00", "date: 2020-13-01 08:00"), "utf-8")
    code, out = run(root, capsys, "check")
    assert code == 1
    line = next(line for line in out.splitlines() if line.startswith("Bài đang đăng bị giữ"))
    assert "vẫn đăng như cũ" not in line and "Đừng xóa" not in line, line
    assert (
        "tệp đã sửa sau khi duyệt: sửa lỗi đó xong, bài vẫn bị giữ cho tới khi người duyệt đọc "
        f'lại rồi chạy publish approve {FILE} --by "Họ tên, chức vụ", không thì lần đồng bộ sau '
        "đó rút bài khỏi các kênh ấy (hay trả tệp về bản đã duyệt trên nhánh chính, thường là "
        f"main, rồi commit: git checkout main -- {FILE})."
    ) in line
    # What it said is so: the date fixed, the edit still holds it.
    path.write_text(good, "utf-8")
    code, out = run(root, capsys, "check")
    assert code == 0 and f"Sẽ rút bài đang đăng: {FILE}" in out


BROKEN_DATE = ("date: 2020-12-01 08:00", "date: 2020-13-01 08:00")
"""A typo in the date of FILE: the line as approved, and the line broken."""
IF_RESTORED = (
    "tệp khác bản đã duyệt: sửa lỗi đó mà tệp trở lại đúng bản đã duyệt thì bài vẫn đăng, "
    "không bị rút; còn sửa khác đi, hay tệp còn sửa chỗ khác sau khi duyệt, thì bài bị giữ cho "
    f'tới khi người duyệt đọc lại rồi chạy publish approve {FILE} --by "Họ tên, chức vụ"'
)


def held_line(out: str) -> str:
    """The «Bài đang đăng bị giữ vì lỗi» line of a check's output."""
    return next(line for line in out.splitlines() if line.startswith("Bài đang đăng bị giữ"))


@pytest.mark.parametrize(
    "in_git", [False, pytest.param(True, marks=needs_git)], ids=["no-git", "git"]
)
def test_only_the_date_broken_then_fixed_stays_up(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    in_git: bool,
) -> None:
    root = zalo_project(tmp_path, 2)
    approve(root, capsys, FILE)
    if in_git:
        commit_all(root, "duyệt")
    assert sync(root) == 0
    path = root / FILE
    good = path.read_text("utf-8")
    path.write_text(good.replace(*BROKEN_DATE), "utf-8")
    code, out = run(root, capsys, "check")
    assert code == 1
    line = held_line(out)
    assert "tệp đã sửa sau khi duyệt" not in line, line  # a typo is no edit to approve
    assert IF_RESTORED in line, line
    # What it said is so: fixed otherwise, held; fixed back as approved, still up.
    path.write_text(good.replace(BROKEN_DATE[0], "date: 2020-12-02 08:00"), "utf-8")
    code, out = run(root, capsys, "check")
    assert code == 0 and f"Sẽ rút bài đang đăng: {FILE}" in out, out
    path.write_text(good, "utf-8")
    code, out = run(root, capsys, "check")
    assert code == 0, out
    assert f"Bỏ qua {FILE}" not in out and "Sẽ rút" not in out, out


@needs_git
def test_an_edit_beside_a_typo_is_told_as_an_edit_but_a_broken_front_matter_is_not(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    approve(root, capsys, FILE)
    commit_all(root, "duyệt")
    assert sync(root) == 0
    path = root / FILE
    good = path.read_text("utf-8")
    path.write_text(good.replace(*BROKEN_DATE).replace("Sáng nay", "Chiều nay"), "utf-8")
    line = held_line(run(root, capsys, "check")[1])
    assert "tệp đã sửa sau khi duyệt: sửa lỗi đó xong, bài vẫn bị giữ" in line, line
    # The closing --- removed: the load tells the front matter's first line, not the one
    # changed, so nothing tells the typo from an edit.
    lines = good.splitlines(keepends=True)
    closing = lines.index("---\n", 1)
    path.write_text("".join(lines[:closing] + lines[closing + 1 :]), "utf-8")
    line = held_line(run(root, capsys, "check")[1])
    assert "tệp đã sửa sau khi duyệt" not in line and IF_RESTORED in line, line
    path.write_text(good, "utf-8")
    code, out = run(root, capsys, "check")
    assert code == 0 and "Sẽ rút" not in out, out


def test_an_approved_file_failing_for_a_category_gone_from_site_toml_is_fixed_outside_it(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    approve(root, capsys, FILE)
    assert sync(root) == 0
    toml = root / "site.toml"
    before = toml.read_text("utf-8")
    section = '[categories.canh-bao-toi-pham]\nlabel = "Cảnh báo phương thức, thủ đoạn tội phạm"\n'
    assert section in before
    toml.write_text(before.replace(section, ""), "utf-8")
    code, out = run(root, capsys, "check")
    assert code == 1
    line = next(
        line
        for line in out.splitlines()
        if line.startswith(f"Bài đang đăng bị giữ vì lỗi: tệp {FILE}")
    )
    assert "sửa đúng lỗi đó (cách sửa nêu ở dòng lỗi) thì bài vẫn đăng như cũ" not in line, line
    assert (
        "tệp vẫn đúng bản đã duyệt, nên lỗi đến từ ngoài tệp (site.toml, hay công cụ đã đổi "
        "phiên bản): sửa ở ngoài tệp thì bài vẫn đăng như cũ, không bị rút (chuyên mục: trả lại "
        "khóa chuyên mục tệp ghi vào site.toml, hay ghi khóa ấy vào aliases của chuyên mục thay "
        'nó, như aliases = ["khóa-cũ"]). Sửa trong tệp (kể cả theo cách sửa nêu ở dòng lỗi) thì '
        "tệp không còn là bản đã duyệt: bài bị giữ cho tới khi người duyệt đọc lại rồi chạy "
        f'publish approve {FILE} --by "Họ tên, chức vụ", không thì lần đồng bộ sau đó rút bài '
        "khỏi các kênh ấy."
    ) in line, line
    # What it says is so: fixed in the file as the error's hint says, it is held...
    path = root / FILE
    good = path.read_text("utf-8")
    path.write_text(
        good.replace("category: canh-bao-toi-pham", "category: an-ninh-trat-tu"), "utf-8"
    )
    code, out = run(root, capsys, "check")
    assert code == 0, out
    assert f"Bỏ qua {FILE}: nội dung đã đổi sau khi duyệt" in out
    assert f"Sẽ rút bài đang đăng: {FILE}" in out
    # ... and fixed in site.toml instead, it stays up.
    path.write_text(good, "utf-8")
    toml.write_text(
        before.replace(section, "").replace(
            "[categories.an-ninh-trat-tu]\n",
            '[categories.an-ninh-trat-tu]\naliases = ["canh-bao-toi-pham"]\n',
        ),
        "utf-8",
    )
    code, out = run(root, capsys, "check")
    assert code == 0, out
    assert f"Bỏ qua {FILE}" not in out and f"Sẽ rút bài đang đăng: {FILE}" not in out, out


def test_a_published_file_stamped_secret_is_not_told_to_stay_in_the_project(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    approve(root, capsys, FILE)
    assert sync(root) == 0
    path = root / FILE
    path.write_text(path.read_text("utf-8").replace("Sáng nay,", "TUYỆT MẬT\n\nSáng nay,"), "utf-8")
    code, out = run(root, capsys, "check")
    assert code == 1
    assert "Chuyển tệp ra khỏi dự án" in out  # the error's own hint
    line = next(line for line in out.splitlines() if line.startswith("Bài đang đăng bị giữ"))
    assert "Đừng xóa" not in line and "vẫn đăng như cũ" not in line, line
    assert "mang dấu mật" in line
    assert "lần đồng bộ sau đó rút bài khỏi các kênh ấy" in line


@needs_git
def test_a_renamed_file_whose_image_was_replaced_too_is_told_both_and_both_ways_back(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    approve(root, capsys, FILE)
    approval = commit_all(root, "duyệt")
    git(root, "mv", FILE, RENAMED)
    (root / "content/images/anh-1.jpg").write_bytes(jpeg(color=(10, 200, 10)))
    commit_all(root, "đổi tên, thay ảnh")
    code, out = run(root, capsys, "check")
    assert code == 0, out
    line = line_of(root, RENAMED, "anh-1.jpg")
    assert (
        f"Bỏ qua {RENAMED}: đổi địa chỉ: /2020/12/ban-tin-000/ → /2020/12/tin-moi/ (tên tệp "
        f"đổi) và ảnh content/images/anh-1.jpg (dòng {line}) đã được thay sau khi duyệt, chữ "
        "của bài không đổi; địa chỉ là một phần nội dung được duyệt: không đăng"
    ) in out
    # Both ways back, as the approver's dry run tells them too.
    code, out = run(root, capsys, "approve", RENAMED, "--by", BY, "--dry-run")
    assert "đổi địa chỉ: /2020/12/ban-tin-000/ → /2020/12/tin-moi/ (tên tệp đổi)" in out
    assert "ảnh content/images/anh-1.jpg" in out
    git(root, "mv", RENAMED, FILE)
    git(root, "checkout", approval[:8], "--", "content/images/anh-1.jpg")
    code, out = run(root, capsys, "check")
    assert code == 0 and "Bỏ qua" not in out.replace("Bỏ qua 0", ""), out


@needs_git
def test_the_restore_commands_of_a_renamed_file_with_a_replaced_image_bring_the_approval_back(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    approve(root, capsys, FILE)
    commit_all(root, "duyệt")
    assert sync(root) == 0
    commit_all(root, "state")
    git(root, "mv", FILE, RENAMED)
    (root / "content/images/anh-1.jpg").write_bytes(jpeg(color=(10, 200, 10)))
    commit_all(root, "đổi tên, thay ảnh")
    code, out = run(root, capsys, "check")
    assert code == 0, out
    told = re.search(
        r"\(hay trả tệp về tên cũ: (git mv [^;]*); trả ảnh về bản đã duyệt: ([^)]*)\)", out
    )
    assert told is not None, out
    for command in told.groups():
        git(root, *command.split()[1:])
    code, out = run(root, capsys, "check")
    assert code == 0 and "Bỏ qua" not in out.replace("Bỏ qua 0", "") and "Sẽ rút" not in out


@needs_git
def test_an_image_is_told_at_the_line_that_shows_it_not_one_naming_a_lookalike(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(
        tmp_path,
        1,
        files={"content/images/cu/anh-1.jpg": jpeg(), "content/images/banh-1.jpg": jpeg()},
    )
    path = root / FILE
    path.write_text(
        path.read_text("utf-8").replace(
            "Sáng nay,",
            "Ảnh cũ: ![Ảnh cũ](../images/cu/anh-1.jpg)\n\n![Bánh](../images/banh-1.jpg)\n\nSáng nay,",
        ),
        "utf-8",
    )
    approve(root, capsys, FILE)
    commit_all(root, "duyệt")
    (root / "content/images/anh-1.jpg").write_bytes(jpeg(color=(10, 200, 10)))
    code, out = run(root, capsys, "check")
    assert code == 0, out
    shown = line_of(root, FILE, "](../images/anh-1.jpg")
    assert shown > line_of(root, FILE, "banh-1.jpg") > line_of(root, FILE, "cu/anh-1.jpg")
    assert (
        f"Bỏ qua {FILE}: ảnh content/images/anh-1.jpg (dòng {shown}) đã được thay sau khi duyệt"
    ) in out


def test_without_git_an_approval_newer_than_the_last_publication_leaves_the_address_open(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    approve(root, capsys, FILE)
    assert sync(root) == 0
    # Renamed, approved under the new name, renamed back: published at this very address,
    # approved at another, and no image replaced.
    (root / FILE).rename(root / RENAMED)
    approve(root, capsys, RENAMED)
    (root / RENAMED).rename(root / FILE)
    code, out = run(root, capsys, "check")
    assert code == 0, out
    held = next(line for line in out.splitlines() if line.startswith(f"Bỏ qua {FILE}"))
    assert "tên tệp (địa chỉ bài) đã đổi hoặc ảnh content/images/anh-1.jpg" in held, held
    assert "nên ảnh content/images/anh-1.jpg" not in held


def test_a_radio_sync_names_the_script_it_took_down_and_a_dry_run_the_one_it_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = radio_project(tmp_path)
    monkeypatch.delenv("PUBLISH_RADIO_DIR", raising=False)
    name = "content/bai-viet/2024-12-09-ra-quan-ttatgt-cuoi-nam.md"
    code, out = run_at(root, capsys, RADIO_NOW, "approve", name, "--by", BY)
    assert code == 0, out
    assert run_at(root, capsys, RADIO_NOW, "sync", "radio")[0] == 0
    path = root / name
    path.write_text(path.read_text("utf-8") + "\nThêm một câu sau khi duyệt.\n", "utf-8")
    for dry_run, done in ((True, "sẽ bị rút"), (False, "đã bị rút")):
        code, out = run_at(root, capsys, RADIO_NOW, "sync", "radio", *(["--dry-run"] * dry_run))
        assert code == 0, out
        assert f"CHÚ Ý: 1 bài đang đăng {done}" in out
        assert f"  - {name} «" in out and f"({done} khỏi đài):" in out
        script = root / "dai-phat-thanh/items/ra-quan-ttatgt-cuoi-nam.txt"
        assert script.exists() == dry_run  # what it says is so
    # Taken down: the next sync has nothing more to say of it.
    code, out = run_at(root, capsys, RADIO_NOW, "sync", "radio")
    assert code == 0 and "CHÚ Ý" not in out


def test_a_radio_dry_run_does_not_name_a_script_the_station_s_edited_episode_still_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = radio_project(tmp_path)
    monkeypatch.delenv("PUBLISH_RADIO_DIR", raising=False)
    name = "content/bai-viet/2024-12-09-ra-quan-ttatgt-cuoi-nam.md"
    other = "content/bai-viet/2024-12-10-canh-bao-lua-dao-shipper.md"
    code, out = run_at(root, capsys, RADIO_NOW, "approve", name, other, "--by", BY)
    assert code == 0, out
    assert run_at(root, capsys, RADIO_NOW, "sync", "radio")[0] == 0
    # The station edits the episode's script, which reads both bulletins.
    script = root / "dai-phat-thanh/2024-W50/script.txt"
    script.write_text(script.read_text("utf-8") + "\nĐài thêm một câu.\n", "utf-8")
    path = root / name
    path.write_text(path.read_text("utf-8") + "\nThêm một câu sau khi duyệt.\n", "utf-8")
    code, out = run_at(root, capsys, RADIO_NOW, "sync", "radio", "--dry-run")
    assert code == 0, out
    assert "rút lại items/ra-quan-ttatgt-cuoi-nam.txt" in out  # its item script goes...
    assert "xung đột 2024-W50/script.txt" in out  # ... but the station's script still reads it
    assert "chỉ vì bản sửa chưa được duyệt lại" not in out, out
    # What the dry run said is so: the sync does not name it either, state/ still has it.
    code, out = run_at(root, capsys, RADIO_NOW, "sync", "radio")
    assert "chỉ vì bản sửa chưa được duyệt lại" not in out, out
    entries = json.loads((root / "state/radio.json").read_text("utf-8"))["entries"]
    assert "ra-quan-ttatgt-cuoi-nam" in entries["2024-W50/script.txt"]["bulletins"]


@pytest.mark.parametrize(
    "source",
    ["content/bai-viet/hai  dấu cách.md", "content/bai-viet/a|b.md", "content/bai-viet/x.md"],
)
def test_the_pull_request_comment_gives_the_approve_command_exactly(source: str) -> None:
    taken = [Awaiting("bt-000", source, "Tin", ("zalo",))]
    item = awaiting_markdown(taken, dry_run=True, code=0)[-1]
    command = approve_command(source)
    # What a reader pastes, once GitHub turns the entities back into characters.
    pasted = html.unescape(re.sub(r"</?code>|`", "", item.rsplit("): ", 1)[1]))
    assert pasted == command
