"""A bulletin published now that this checkout holds back (set back to a draft, edited after
its approval, kept from a channel) is named with the channels the next sync takes it down
from: `publish check` and `publish build` said only «bản nháp» (session 68, the approver's
week)."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from publish.cli import main
from publish.serve import PreviewSession
from publish.url_history import load_history
from publish.zalo.emulator import ZaloEmulator
from tests.helpers import FIXTURES
from tests.test_serve import SERVED_GONE, _notice, get
from tests.test_sync_radio import sync_command
from tests.zalo_project import NOW, records, sync, told, zalo_bulletin, zalo_project

FILE = "content/bai-viet/ban-tin-000.md"
OTHER = "content/bai-viet/ban-tin-001.md"
WITHDRAWN = (
    f"Sẽ rút bài đang đăng: {FILE} đang đăng trên website, Zalo nhưng nay bị giữ lại (bản "
    "nháp, draft: true): lần đồng bộ tới sẽ rút bài khỏi các kênh ấy. Chưa muốn rút thì bỏ "
    "dòng draft: true trước lần đồng bộ đó (không phải duyệt lại)."
)


def run(root: Path, capsys: pytest.CaptureFixture[str], command: str) -> str:
    """What `publish COMMAND` prints (both streams); it must succeed."""
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, command]) == 0
    return told(capsys)


def front(root: Path, line: str, name: str = FILE) -> None:
    """Add `line` to the front matter of bulletin `name`."""
    path = root / name
    path.write_text(path.read_text("utf-8").replace("---\n\n", f"{line}\n---\n\n", 1), "utf-8")


BUILT = (
    f"Sẽ rút bài đang đăng: {FILE} đang đăng trên website, Zalo nhưng nay bị giữ lại (bản "
    "nháp, draft: true): trang của bài đã không còn trong output/web/, cả trong danh sách, tìm "
    "kiếm, nguồn tin, sitemap, và sẽ rời website thật khi thư mục ấy được triển khai (trong CI: "
    "ngay sau lệnh này); lần đồng bộ tới sẽ rút bài khỏi Zalo. Chưa muốn rút thì bỏ dòng "
    "draft: true trước lần triển khai và đồng bộ đó (không phải duyệt lại)."
)
"""WITHDRAWN as `publish build` says it: the page already left the folder CI deploys."""


def test_a_published_bulletin_set_back_to_a_draft_is_told_as_withdrawn_at_the_next_sync(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """check says the next sync takes it down; build, which has just left its page out of
    output/web, says so of the website and leaves Zalo to the next sync."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    monkeypatch.chdir(root)
    history = load_history(root / "state/web-urls.json")
    page, other = (root / "output/web" / history[k][0].strip("/") for k in ("bt-000", "bt-001"))
    front(root, "draft: true")
    for command, said in (("check", WITHDRAWN), ("build", BUILT)):
        out = run(root, capsys, command)
        assert f"Bỏ qua {FILE}: bản nháp (draft: true)" in out
        assert said in out.splitlines()
        assert OTHER not in out.split("Sẽ rút", 1)[1]  # published, and staying so
    # What the build line says is so: its page is gone from output/web, the other's is not.
    assert not page.exists() and (other / "index.html").is_file()
    assert sync(root) == 0
    # Taken down: a build replaying the last one must not say it still will be.
    for command in ("build", "check"):
        out = run(root, capsys, command)
        assert f"Bỏ qua {FILE}: bản nháp (draft: true)" in out and "Sẽ rút" not in out


def test_a_draft_never_published_is_only_a_draft(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    front(root, "draft: true")
    assert sync(root) == 0
    for command in ("check", "build"):
        out = run(root, capsys, command)
        assert f"Bỏ qua {FILE}: bản nháp (draft: true)" in out and "Sẽ rút" not in out


def test_an_approved_bulletin_edited_since_says_so_and_how_to_keep_it_up(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    by = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"
    assert main(["--root", str(root), "--now", NOW, "approve", FILE, "--by", by]) == 0
    assert sync(root) == 0
    path = root / FILE
    path.write_text(path.read_text("utf-8").replace("Sáng nay", "Chiều nay"), "utf-8")
    out = run(root, capsys, "check")
    assert (
        f"Sẽ rút bài đang đăng: {FILE} đang đăng trên website, Zalo nhưng nay bị giữ lại (đã "
        "sửa sau khi duyệt): lần đồng bộ tới sẽ rút bài khỏi các kênh ấy. Chưa muốn rút thì "
        "người duyệt đọc lại bản mới rồi chạy publish approve trước khi gộp"
    ) in out


HELD_NOTE = (
    f"Sẽ rút bài đang đăng: {FILE} đang đăng trên website, Zalo nhưng nay bị giữ lại ({{}}): "
    "lần đồng bộ tới sẽ rút bài khỏi các kênh ấy. Chưa muốn rút thì {}"
)


@pytest.mark.parametrize(
    ("change", "held", "keep"),
    [
        (
            lambda text: re.sub(r"approved_version: .*", 'approved_version: "abc"', text),
            "dấu duyệt approved_version không hợp lệ, có thể đã bị sửa tay",
            "người duyệt đọc lại bài rồi chạy publish approve trước khi gộp (hay trả tệp về "
            "bản đã duyệt trên nhánh chính, thường là main, rồi commit: git checkout main -- "
            f"{FILE}).",
        ),
        (
            lambda text: text.replace("---\n\n", 'pii_reviewed_by: "chưa"\n---\n\n', 1),
            "pii_reviewed_by chưa ghi tên người đã rà soát dữ liệu cá nhân",
            "ghi họ tên người đã rà soát dữ liệu cá nhân vào pii_reviewed_by trước khi gộp.",
        ),
        (
            lambda text: text.replace("---\n\n", 'pii_reviewed_by: "chưa"\n---\n\n', 1).replace(
                "Sáng nay", "Chiều nay"
            ),
            "pii_reviewed_by chưa ghi tên người đã rà soát dữ liệu cá nhân; đã sửa sau khi duyệt",
            "ghi họ tên người đã rà soát dữ liệu cá nhân vào pii_reviewed_by, rồi người duyệt "
            "đọc lại bản mới và chạy publish approve, trước khi gộp.",
        ),
    ],
    ids=["approval-mark-edited", "reviewer-note", "reviewer-note-and-edited"],
)
def test_an_approved_bulletin_held_otherwise_is_not_told_as_never_approved(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    change: Callable[[str], str],
    held: str,
    keep: str,
) -> None:
    """Its approval mark edited by hand (an edited cause, as the build counts it) or its
    reviewer's name missing: it was approved, and approving it again alone would not keep
    the second one up. Each is told as it is, with what keeps it up."""
    root = zalo_project(tmp_path, 1)
    by = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"
    assert main(["--root", str(root), "--now", NOW, "approve", FILE, "--by", by]) == 0
    assert sync(root) == 0
    path = root / FILE
    approved = path.read_text("utf-8")
    path.write_text(change(approved), "utf-8")
    out = run(root, capsys, "check")
    assert HELD_NOTE.format(held, keep) in out.splitlines()
    assert "chưa được duyệt" not in out.split("Sẽ rút", 1)[1]
    if "pii_reviewed_by" in held and "đã sửa" not in held:
        # What the line says is enough: the reviewer's name alone puts it back.
        path.write_text(change(approved).replace('"chưa"', '"Đại úy Lê Văn Tâm"'), "utf-8")
        assert "Sẽ rút" not in run(root, capsys, "check")


def test_the_command_to_restore_an_edited_bulletin_names_its_file_as_typed(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The line said «git checkout -- TỆP», a placeholder an editor copying the command as
    printed ran as it was. It names the bulletin's file, quoted when its name has a space,
    wherever the line is shown: check, build, serve."""
    spaced = "content/bai-viet/ban tin 000.md"
    root = zalo_project(tmp_path, 1)
    (root / FILE).rename(root / spaced)
    by = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"
    assert main(["--root", str(root), "--now", NOW, "approve", spaced, "--by", by]) == 0
    assert sync(root) == 0
    path = root / spaced
    approved = path.read_text("utf-8")
    path.write_text(approved.replace("Sáng nay", "Chiều nay"), "utf-8")
    restore = (
        "(hay trả tệp về bản đã duyệt trên nhánh chính, thường là main, rồi commit: "
        f'git checkout main -- "{spaced}").'
    )
    for command in ("check", "build"):
        [line] = [x for x in run(root, capsys, command).splitlines() if "Sẽ rút" in x]
        assert line.startswith(f"Sẽ rút bài đang đăng: {spaced} đang đăng"), line
        assert line.endswith(restore), line
    out = io.StringIO()
    with PreviewSession(root, port=0, now=NOW, out=out, err=io.StringIO(), delay=3600) as session:
        assert session.rebuild()
    [line] = [x for x in out.getvalue().splitlines() if "Sẽ rút" in x]
    assert line.endswith(restore), line
    # Run as printed where the editor has committed the edit on a branch of the pull request
    # (what check sees in CI), it brings back the approved text: nothing is withdrawn.
    git = ["git", "-C", str(root), "-c", "user.name=Biên tập", "-c", "user.email=btv@example.vn"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    path.write_text(approved, "utf-8")
    subprocess.run([*git, "add", "content"], check=True)
    subprocess.run([*git, "commit", "-qm", "Bản đã duyệt"], check=True)
    subprocess.run([*git, "switch", "-qc", "sua-bai"], check=True)
    path.write_text(approved.replace("Sáng nay", "Chiều nay"), "utf-8")
    subprocess.run([*git, "commit", "-qam", "Sửa bài"], check=True)
    assert "Sẽ rút" in run(root, capsys, "check")
    command = line[line.index("git checkout") : -len(").")]
    subprocess.run(shlex.split(command), cwd=root, check=True)
    assert path.read_text("utf-8") == approved
    assert "Sẽ rút" not in run(root, capsys, "check")


def test_a_bulletin_kept_from_zalo_is_told_as_leaving_zalo_only(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    front(root, "draft: [zalo]")
    out = run(root, capsys, "check")
    assert (
        f"Sẽ rút khỏi Zalo: {FILE} đang đăng trên Zalo, mà draft: [zalo] giữ bài khỏi đó: lần "
        "đồng bộ tới sẽ rút bài khỏi kênh ấy (các kênh khác vẫn đăng)."
    ) in out.splitlines()
    assert "website" not in out.split("Sẽ rút", 1)[1].split("\n", 1)[0]
    assert sync(root) == 0
    assert "Sẽ rút" not in run(root, capsys, "check")


def test_a_bulletin_taken_off_the_website_is_not_named_on_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """state/web-urls.json keeps every address a bulletin ever had: one on the radio alone
    since, published there, was told as on the website («đang đăng trên website, đài»). The
    sync records which of its bulletins are off the website (published.json)."""
    root = tmp_path / "radio"
    shutil.copytree(FIXTURES / "radio", root)
    assert sync_command(root, "2024-12-12T12:00") == 0  # on the website and the radio
    radio = "content/bai-viet/2024-12-09-ra-quan-ttatgt-cuoi-nam.md"
    front(root, "channels: [radio]", radio)
    assert sync_command(root, "2024-12-12T12:30") == 0  # its page withdrawn, its address kept
    front(root, "draft: true", radio)
    capsys.readouterr()
    assert main(["--root", str(root), "--now", "2024-12-12T13:00", "check"]) == 0
    assert (
        f"Sẽ rút bài đang đăng: {radio} đang đăng trên đài nhưng nay bị giữ lại (bản nháp, "
        "draft: true): lần đồng bộ tới sẽ rút bài khỏi kênh ấy."
    ) in told(capsys)


def test_the_note_on_old_approvals_does_not_deny_the_withdrawal_told_below_it(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """«… theo cách cũ … Không bài nào bị rút, nhưng:» stood right above «Sẽ rút bài đang
    đăng: …»: read in order, "nothing is withdrawn" then "withdrawing" (QA of session 75).
    The note speaks of its own bulletins, which the old approval withdraws none of."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    front(root, "draft: true")
    for command in ("build", "check"):
        lines = run(root, capsys, command).splitlines()
        [note] = [x for x in lines if "theo cách cũ" in x]
        assert note == (
            "Ghi chú: 1 bản tin đang đăng (hay hẹn giờ) với việc duyệt theo cách cũ, chưa gắn "
            "với chính tệp bài và tệp đính kèm. Cách duyệt cũ không làm bài nào trong số này bị "
            "rút, nhưng:"
        ), command
        assert any(x.startswith(f"Sẽ rút bài đang đăng: {FILE} ") for x in lines), command
        assert not [x for x in lines if "Không bài nào bị rút" in x]


@pytest.mark.parametrize("drafts", [False, True], ids=["serve", "serve-drafts"])
def test_serve_tells_it_too(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, drafts: bool
) -> None:
    """The editor who previews the draft made of a published bulletin read «bản nháp» alone,
    the line check and build add missing: merging it takes the bulletin down."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    front(root, "draft: true")
    out = io.StringIO()
    session = PreviewSession(
        root, port=0, drafts=drafts, now=NOW, out=out, err=io.StringIO(), delay=3600
    )
    # Without --drafts the preview is output/web: the page has left it, as in a build.
    served = (
        f"Sẽ rút bài đang đăng: {FILE} đang đăng trên website, Zalo nhưng nay bị giữ lại (bản "
        "nháp, draft: true): trang của bài đã không còn trong output/web/, cả trong danh sách, "
        "tìm kiếm, nguồn tin, sitemap, và sẽ rời website thật khi một bản dựng không có bài được "
        "triển khai (trong CI: ngay sau khi thay đổi được gộp vào nhánh chính); lần đồng bộ tới "
        "sẽ rút bài khỏi Zalo. Chưa muốn rút thì bỏ dòng draft: true trước lần triển khai và "
        "đồng bộ đó (không phải duyệt lại)."
    )
    try:
        assert session.rebuild()
        assert (WITHDRAWN if drafts else served) in out.getvalue().splitlines()
        assert sync(root) == 0  # taken down: said no more
        printed = len(out.getvalue())
        assert session.rebuild()
        assert "Sẽ rút" not in out.getvalue()[printed:]
    finally:
        session.stop()


DELETED = (
    f"Sẽ rút bài đang đăng: tệp {FILE} (id: bt-000) đã bị xóa (không còn trong content/) mà "
    "bài đang đăng trên website, Zalo: lần đồng bộ tới sẽ gỡ trang của bài khỏi website"
)

DELETED_BUILT = (
    f"Sẽ rút bài đang đăng: tệp {FILE} (id: bt-000) đã bị xóa (không còn trong content/) mà "
    "bài đang đăng trên website, Zalo: trang của bài ("
)
LEADS = {"check": "sitemap: ", "build": "(trong CI: ngay sau lệnh này): "}
"""What comes before where a deleted bulletin's addresses lead, told by each command."""
HIDES = {"check": "ẩn bài trên Zalo OA", "build": "lần đồng bộ tới sẽ ẩn bài trên Zalo OA"}
"""How each command tells of the deleted bulletin's Zalo article, after its addresses."""


def test_a_build_says_the_page_of_a_deleted_bulletin_already_left_its_web_folder(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The build said «lần đồng bộ tới sẽ gỡ trang của bài khỏi website» after it had itself
    taken the page off output/web, which CI deploys straight after it: the page leaves the
    website at that deployment, Zalo and the station at the next sync (QA of session 75)."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    [address] = load_history(root / "state/web-urls.json")["bt-000"]
    url = f"https://congan-chauthanh.example.vn{address}"
    page = root / "output/web" / address.strip("/") / "index.html"
    assert page.is_file()
    (root / FILE).unlink()
    monkeypatch.chdir(root)
    for replayed in (False, True):  # the same words when the next build replays this one
        out = run(root, capsys, "build")
        assert not page.exists()
        [line] = [x for x in out.splitlines() if FILE in x]
        assert line.startswith(
            f"{DELETED_BUILT}{url}) đã không còn trong output/web/, cả trong danh sách, tìm "
            "kiếm, nguồn tin, sitemap, và sẽ rời website thật khi thư mục ấy được triển khai "
            "(trong CI: ngay sau lệnh này): địa chỉ ấy và các địa chỉ cũ của bài trả về trang "
            "«Không tìm thấy», không chuyển hướng đi đâu; lần đồng bộ tới sẽ ẩn bài trên Zalo "
            "OA (bài vẫn nằm trên OA, chỉ người đọc không thấy). Muốn giữ bài thì lấy lại tệp "
            "trước lần triển khai và đồng bộ đó, từ nhánh chính"
        ), (replayed, line)
        assert ("Không có gì thay đổi" in out) == replayed
    # A build of Zalo alone leaves output/web as it was: the sync is still what takes it off.
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, "build", "--channel", "zalo"]) == 0
    [line] = [x for x in told(capsys).splitlines() if FILE in x]
    assert line.startswith(DELETED), line
    assert "lần đồng bộ đó" in line, line


def test_a_deleted_published_bulletin_is_told_once_with_what_the_sync_does_and_how_to_undo(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """README offers deleting the file as a way to withdraw a bulletin: the approver of the
    pull request that deletes it read nothing about it in check or build (session 69)."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    (root / FILE).unlink()
    for command in ("check", "build"):
        out = run(root, capsys, command)
        [line] = [x for x in out.splitlines() if FILE in x]
        assert line.startswith(DELETED if command == "check" else DELETED_BUILT), line
        assert "ẩn bài trên Zalo OA" in line
        assert "trả về trang «Không tìm thấy»" in line
        assert f"thường là main, rồi commit: git checkout main -- {FILE} (" in line, line
        assert "_rut-lai" not in line  # not on the radio: nothing said of it
        assert "đổi tên" not in line  # no new bulletin it may have been renamed to
    assert sync(root) == 0
    for command in ("build", "check"):
        assert "Sẽ rút" not in run(root, capsys, command)


def test_the_command_to_get_a_deleted_file_back_quotes_a_name_with_a_space(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unquoted, «git checkout -- content/bai-viet/ban tin 000.md» names three files."""
    spaced = "content/bai-viet/ban tin 000.md"
    root = zalo_project(tmp_path, 2)
    (root / FILE).rename(root / spaced)
    assert sync(root) == 0
    (root / spaced).unlink()
    [line] = [x for x in run(root, capsys, "check").splitlines() if "Sẽ rút" in x]
    typed = f'"{spaced}"'
    fetch = "lấy lại tệp trước lần đồng bộ đó, từ nhánh chính, thường là main, rồi commit: "
    assert f"{fetch}git checkout main -- {typed} (" in line, line
    assert f"git checkout MÃ_COMMIT~1 -- {typed}," in line, line
    assert f"git log --diff-filter=D -- {typed})" in line, line


def test_the_printed_command_brings_back_a_deleted_file_whose_deletion_is_committed(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The line and serve's notice said «git checkout -- TỆP»: with the deletion committed
    on the pull request's branch (what check sees in CI) it restores nothing, HEAD holds no
    such file. The command they print now brings it back, and nothing is withdrawn."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    [address] = load_history(root / "state/web-urls.json")["bt-000"]
    git = ["git", "-C", str(root), "-c", "user.name=Biên tập", "-c", "user.email=btv@example.vn"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "content", "state"], check=True)
    subprocess.run([*git, "commit", "-qm", "Đã đăng"], check=True)
    subprocess.run([*git, "switch", "-qc", "rut-bai"], check=True)
    subprocess.run([*git, "rm", "-q", FILE], check=True)
    subprocess.run([*git, "commit", "-qm", "Rút bài"], check=True)
    [line] = [x for x in run(root, capsys, "check").splitlines() if "Sẽ rút" in x]
    command = line[line.index("git checkout main") : line.index(" (việc xóa")]
    with PreviewSession(root, port=0, now=NOW, out=io.StringIO(), err=io.StringIO()) as session:
        _, notice, _ = _notice(get(session, address)[2])
    assert notice.endswith(
        f"muốn giữ thì lấy lại tệp từ nhánh chính, thường là main, rồi commit: {command}"
    )
    old = subprocess.run(["git", "checkout", "--", FILE], cwd=root, capture_output=True)
    assert old.returncode != 0 and not (root / FILE).exists()  # what the line said before
    subprocess.run(shlex.split(command), cwd=root, check=True)
    assert (root / FILE).exists()
    assert "Sẽ rút" not in run(root, capsys, "check")


def test_the_ci_report_of_check_names_the_deleted_bulletin(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The approver reads GitHub's job summary of the pull request, not the log."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    (root / FILE).unlink()
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_WORKSPACE", str(root))
    out = run(root, capsys, "check")
    assert sum(DELETED in line for line in out.splitlines() if not line.startswith("::")) == 1
    # Markdown's special characters come escaped as HTML entities (ci_report's inert).
    assert DELETED in html.unescape(summary.read_text("utf-8"))


def test_a_bulletin_renamed_with_its_id_is_not_told_as_withdrawn(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    (root / FILE).rename(root / "content/bai-viet/ban-tin-moi.md")
    out = run(root, capsys, "check")
    assert "Sẽ rút" not in out and "đã bị xóa" not in out


def test_a_bulletin_renamed_without_id_is_told_as_renamed_not_deleted(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Known again as the Zalo sync knows it (same title): the line gives the `id` to add."""
    root = zalo_project(tmp_path, 2)
    path = root / FILE
    path.write_text(path.read_text("utf-8").replace("id: bt-000\n", ""), "utf-8")
    assert sync(root) == 0
    renamed = "content/bai-viet/ban-tin-doi-ten.md"
    path.rename(root / renamed)
    out = run(root, capsys, "check")
    assert "đã bị xóa" not in out
    [line] = [x for x in out.splitlines() if x.startswith("Đổi tên bài đang đăng")]
    assert line.startswith(
        f"Đổi tên bài đang đăng: {renamed} là bài «ban-tin-000» đang đăng trên website, Zalo"
    )
    assert f"ghi dòng «id: ban-tin-000» vào phần đầu {renamed}" in line


def test_a_bulletin_renamed_without_id_tells_each_old_address_as_a_deleted_one_does(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its date moved once (two addresses), then its file was renamed, the new file taking the
    current address in `aliases`. The line said «địa chỉ cũ chuyển sang bài …» as if every old
    address did, naming no address; the older one still answers «Không tìm thấy»."""
    root = zalo_project(tmp_path, 2)
    path = root / FILE
    path.write_text(path.read_text("utf-8").replace("id: bt-000\n", ""), "utf-8")
    assert sync(root) == 0
    edit = path.read_text("utf-8").replace("date: 2020-12-01 08:00", "date: 2020-11-30 08:00")
    path.write_text(edit, "utf-8")
    assert sync(root) == 0
    first, current = load_history(root / "state/web-urls.json")["ban-tin-000"]
    renamed = "content/bai-viet/ban-tin-doi-ten.md"
    path.rename(root / renamed)
    front(root, f'aliases: ["{current}"]', renamed)
    out = run(root, capsys, "check")
    [line] = [x for x in out.splitlines() if x.startswith("Đổi tên bài đang đăng")]
    site = "https://congan-chauthanh.example.vn"
    assert (
        f"(trang ở địa chỉ cũ {site}{current} bị gỡ: địa chỉ ấy chuyển sang bài {renamed} "
        f"({site}/2020/11/ban-tin-doi-ten/, nhờ aliases của bài ấy); các địa chỉ cũ khác của "
        "bài trả về trang «Không tìm thấy», không chuyển hướng đi đâu; Zalo cập nhật bài cũ"
    ) in line, line
    assert first != current


def test_a_build_reads_the_published_record_once(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """state/published.json (~1.6 MB at 10,000 bulletins) was parsed up to four times a build
    with a bulletin deleted: by the refusal, the gone keys, their files and the known keys."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    (root / FILE).unlink()
    reads: list[str] = []
    real = Path.read_bytes

    def counted(self: Path) -> bytes:
        if self.name == "published.json":
            reads.append(str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    out = run(root, capsys, "build")
    assert any(line.startswith(DELETED_BUILT) for line in out.splitlines())
    assert len(reads) == 1


def replacing(address: str) -> str:
    """The full bulletin that replaces bt-000, taking its `address` in `aliases`, with its own
    id, title and words."""
    body = "Sáng nay, Công an huyện thông tin đầy đủ về vụ việc và cách phòng tránh.\n"
    return zalo_bulletin(2, body=body, id="bt-thay", slug="tin-day-du", aliases=f'["{address}"]')


def test_a_deleted_bulletin_whose_address_a_replacement_takes_says_where_it_redirects(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """An urgent bulletin replaced next morning (README «Tin khẩn, rồi thay bằng bài đầy
    đủ»): the new one takes its address in `aliases` and the old file is deleted. The line
    said that address would show «Không tìm thấy»; the build redirects it to the new one."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    [old] = load_history(root / "state/web-urls.json")["bt-000"]
    (root / FILE).unlink()
    replacement = "content/bai-viet/ban-tin-thay.md"
    (root / replacement).write_text(replacing(old), "utf-8")
    site = "https://congan-chauthanh.example.vn"
    for command in ("check", "build"):
        out = run(root, capsys, command)
        [line] = [x for x in out.splitlines() if FILE in x]
        assert line.startswith(DELETED if command == "check" else DELETED_BUILT), line
        assert (
            f"{LEADS[command]}địa chỉ ấy chuyển sang bài {replacement} ({site}/2020/12/"
            f"tin-day-du/, nhờ aliases của bài ấy); {HIDES[command]}"
        ) in line
        assert "Không tìm thấy" not in line
    # What the line says is what the website does.
    redirect = (root / "output/web" / old.strip("/") / "index.html").read_text("utf-8")
    assert "/2020/12/tin-day-du/" in redirect


def test_a_deleted_bulletin_at_an_address_another_was_once_at_says_it_redirects_there(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """state/web-urls.json records the deleted bulletin's address for another bulletin too (it
    was there before): the build writes that redirect once the address is free, but the line,
    which knew only `aliases`, said «Không tìm thấy»."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    history = root / "state/web-urls.json"
    [old] = load_history(history)["bt-000"]
    [other] = load_history(history)["bt-001"]
    history.write_text(
        history.read_text("utf-8").replace(f'"{other}"', f'"{old}",\n   "{other}"'), "utf-8"
    )
    assert load_history(history)["bt-001"] == (old, other)
    (root / FILE).unlink()
    site = "https://congan-chauthanh.example.vn"
    for command in ("check", "build"):
        out = run(root, capsys, command)
        [line] = [x for x in out.splitlines() if FILE in x]
        assert (
            f"{LEADS[command]}địa chỉ ấy chuyển sang bài {OTHER} ({site}{other}, bài ấy từng "
            f"đăng ở địa chỉ đó); {HIDES[command]}"
        ) in line, line
    redirect = (root / "output/web" / old.strip("/") / "index.html").read_text("utf-8")
    assert other in redirect


def test_a_deleted_bulletin_with_an_old_address_nobody_takes_says_which_stay_not_found(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its address moved once (a slug corrected): the replacement takes the current address
    only, and the older one still answers «Không tìm thấy»."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    front(root, "slug: dia-chi-moi")
    assert sync(root) == 0
    _, current = load_history(root / "state/web-urls.json")["bt-000"]
    (root / FILE).unlink()
    (root / "content/bai-viet/ban-tin-thay.md").write_text(replacing(current), "utf-8")
    out = run(root, capsys, "check")
    [line] = [x for x in out.splitlines() if FILE in x]
    assert "sitemap: địa chỉ ấy chuyển sang bài content/bai-viet/ban-tin-thay.md" in line
    assert "; các địa chỉ cũ khác của bài trả về trang «Không tìm thấy»" in line


def test_a_replacement_with_its_own_id_and_the_same_words_is_not_the_deleted_one_renamed(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its id is the editor's word that it is another bulletin: check told it as bt-000
    renamed «without id» and said to write «id: bt-000» over its own, and the Zalo sync
    overwrote bt-000's article with it instead of hiding that one and creating its own."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    old_article = records(root)["bt-000"]["article_id"]
    (root / FILE).unlink()
    replacement = "content/bai-viet/ban-tin-thay.md"
    (root / replacement).write_text(zalo_bulletin(0, id="bt-thay", slug="tin-thay"), "utf-8")
    out = run(root, capsys, "check")
    assert "Đổi tên bài" not in out
    [line] = [x for x in out.splitlines() if FILE in x]
    assert line.startswith(DELETED), line
    # Told, not paired: «id: bt-000» is offered only if the editor says they are one.
    assert out.count("«id: bt-000»") == 1
    assert (
        f"{replacement} có cùng nội dung hoặc tiêu đề nhưng ghi id riêng: nếu là một bài thì "
        "sửa dòng id thành «id: bt-000»"
    ) in line, line
    assert sync(root) == 0
    entries = records(root)
    assert entries["bt-000"]["status"] == "hidden"
    assert entries["bt-000"]["article_id"] == old_article
    assert entries["bt-thay"]["status"] == "live"
    assert entries["bt-thay"]["article_id"] not in {old_article, None}
    assert len(emulator.articles) == 3


def test_a_published_file_given_another_id_is_told_as_its_id_changed(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Same file, another `id`: neither a rename «without id» nor a deleted file, and the
    line says what the sync then does (bt-000 hidden, the file's new id a new article)."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    path = root / FILE
    path.write_text(path.read_text("utf-8").replace("id: bt-000\n", "id: bt-moi\n"), "utf-8")
    out = run(root, capsys, "check")
    assert "đã bị xóa" not in out and "Đổi tên" not in out
    [line] = [x for x in out.splitlines() if x.startswith("Đổi id")]
    assert line.startswith(
        f"Đổi id bài đang đăng: {FILE} là bài «bt-000» đang đăng trên website, Zalo, nay ghi "
        "«id: bt-moi» nên mọi kênh coi tệp là một bài mới, và lần đồng bộ tới sẽ rút bài "
        "«bt-000» như bài đã xóa: gỡ trang của bài khỏi website"
    ), line
    assert f"địa chỉ ấy nay là trang của bài {FILE}" in line  # same slug and date
    assert "ẩn bài trên Zalo OA" in line
    assert line.endswith("Muốn giữ làm một bài thì sửa dòng id thành «id: bt-000» trước khi gộp.")
    assert sync(root) == 0
    entries = records(root)
    assert entries["bt-000"]["status"] == "hidden"
    assert entries["bt-moi"]["article_id"] != entries["bt-000"]["article_id"]


WEB_ONLY = "content/bai-viet/2020-12-05-tin-website.md"


def web_only(root: Path, title: str, body: str, *, name: str = WEB_ONLY) -> None:
    """Write a website-only bulletin without `id` at `name`."""
    text = zalo_bulletin(5, body=body, title=f'"{title}"', channels="[web]")
    (root / name).write_text(text.replace("id: bt-005\n", ""), "utf-8")


def test_a_published_file_without_id_that_now_declares_one_names_it(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """It had no id before: «nay ghi id khác» said it had one, and the id it now has was not
    named."""
    root = zalo_project(tmp_path, 1)
    web_only(root, "Tuyển sinh Công an năm 2021", "Thông báo tuyển sinh.\n")
    assert sync(root) == 0
    front(root, "id: tin-tuyen-sinh", name=WEB_ONLY)
    out = run(root, capsys, "check")
    [line] = [x for x in out.splitlines() if x.startswith("Đổi id")]
    assert line.startswith(
        f"Đổi id bài đang đăng: {WEB_ONLY} là bài «tin-website» đang đăng trên website, nay "
        "ghi «id: tin-tuyen-sinh» nên mọi kênh coi tệp là một bài mới"
    ), line
    assert line.endswith(
        "Muốn giữ làm một bài thì sửa dòng id thành «id: tin-website» trước khi gộp."
    ), line


def test_a_website_bulletin_renamed_and_rewritten_is_told_how_to_keep_it_as_one(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """New file, title and words: nothing of it is left to know it by, so it was told as
    deleted alone; the line names the new file and the `id` to write, and doing so keeps
    it (its old address redirects to the new one, as the hint says)."""
    root = zalo_project(tmp_path, 1)
    web_only(root, "Tuyển sinh Công an năm 2021", "Thông báo tuyển sinh.\n")
    assert sync(root) == 0
    [old_address] = load_history(root / "state/web-urls.json")["tin-website"]
    (root / WEB_ONLY).unlink()
    moved = "content/bai-viet/2020-12-06-tuyen-sinh-2021.md"
    web_only(root, "Thông báo tuyển sinh Công an 2021", "Nội dung đã viết lại.\n", name=moved)
    # A new bulletin with its own id is no rename of anything: not named.
    (root / "content/bai-viet/khac.md").write_text(zalo_bulletin(3), "utf-8")
    for command in ("check", "build"):
        out = run(root, capsys, command)
        [line] = [x for x in out.splitlines() if WEB_ONLY in x]
        assert line.startswith(f"Sẽ rút bài đang đăng: tệp {WEB_ONLY} đã bị xóa"), line
        assert line.endswith(
            f" Nếu đây là bài đổi tên thành {moved} thì ghi «id: tin-website» vào tệp ấy "
            "(website chuyển địa chỉ cũ sang địa chỉ mới)."
        ), line
    path = root / moved
    path.write_text(path.read_text("utf-8").replace("---\n", "---\nid: tin-website\n", 1))
    out = run(root, capsys, "build")
    assert "Sẽ rút" not in out and "đã bị xóa" not in out
    redirect = (root / "output/web" / old_address.strip("/") / "index.html").read_text("utf-8")
    assert "/2020/12/tuyen-sinh-2021/" in redirect


def test_several_new_bulletins_are_named_up_to_three_and_counted(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    web_only(root, "Tuyển sinh Công an năm 2021", "Thông báo tuyển sinh.\n")
    assert sync(root) == 0
    (root / WEB_ONLY).unlink()
    for letter in "dcba":
        name = f"content/bai-viet/moi-{letter}.md"
        web_only(root, f"Tin mới {letter.upper()}", f"Nội dung {letter}.\n", name=name)
    out = run(root, capsys, "check")
    [line] = [x for x in out.splitlines() if WEB_ONLY in x]
    assert line.endswith(
        " Nếu đây là bài đổi tên thành một trong các bài mới (content/bai-viet/moi-a.md, "
        "content/bai-viet/moi-b.md, content/bai-viet/moi-c.md và 1 bài khác) thì ghi "
        "«id: tin-website» vào tệp ấy (website chuyển địa chỉ cũ sang địa chỉ mới)."
    ), line


def test_serve_tells_the_deleted_bulletin_s_page_which_new_file_it_may_be(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None
) -> None:
    """The notice on its page, whether deleted under the preview's eyes or before it ran."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    [address] = load_history(root / "state/web-urls.json")["bt-000"]
    new = "content/bai-viet/ban-tin-viet-lai.md"
    hint = (
        f"; nếu đây là bài đổi tên thành {new} thì ghi «id: bt-000» vào tệp ấy (website "
        "chuyển địa chỉ cũ sang địa chỉ mới)"
    )
    err = io.StringIO()
    with PreviewSession(root, port=0, now=NOW, out=io.StringIO(), err=err, delay=3600) as session:
        (root / FILE).unlink()
        web_only(root, "Tin đã viết lại", "Nội dung khác hẳn.\n", name=new)
        assert session.rebuild()
        _, told_now, _ = _notice(get(session, address)[2])
    with PreviewSession(root, port=0, now=NOW, out=io.StringIO(), err=err) as session:
        _, told_before, _ = _notice(get(session, address)[2])
    for notice in (told_now, told_before):
        assert notice.startswith(f"Tệp {FILE} đã bị xóa: {SERVED_GONE}, và sẽ bị rút khỏi Zalo ")
        assert notice.endswith(hint), notice


OLD_NO_ID = "content/bai-viet/2020-12-02-tin-cu.md"
NEW_WITH_ID = "content/bai-viet/2020-12-06-tin-moi.md"


def renamed_by_publish_new(root: Path) -> None:
    """The editor «renames» OLD_NO_ID, published without `id`, the way `publish new` leads to:
    a new file with the `id` that command writes, the same text pasted, the old file deleted."""
    (root / OLD_NO_ID).unlink()
    (root / NEW_WITH_ID).write_text(zalo_bulletin(1, id="tin-moi-a1b2c3"), "utf-8")


def test_a_bulletin_without_id_renamed_by_publish_new_is_told_how_to_keep_it_one(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its own id keeps the new file from being paired (the editor's word), so the Zalo sync
    hides tin-cu's article and creates another; check said only «đã bị xóa», named no new
    file and told to get the old one back, which would publish the same text twice. Now the
    line, and the Zalo plan's create, name the lookalike and the id line that keeps one
    article; following it updates that article in place."""
    root = zalo_project(tmp_path, 1)
    (root / OLD_NO_ID).write_text(zalo_bulletin(1).replace("id: bt-001\n", ""), "utf-8")
    assert sync(root) == 0
    article = records(root)["tin-cu"]["article_id"]
    renamed_by_publish_new(root)
    for command, before in (("check", "đồng bộ"), ("build", "triển khai và đồng bộ")):
        hint = (
            f"{NEW_WITH_ID} có cùng nội dung hoặc tiêu đề nhưng ghi id riêng: nếu là một bài "
            "thì sửa dòng id thành «id: tin-cu» (địa chỉ cũ chuyển sang địa chỉ mới, giữ bài "
            "trên Zalo), đừng lấy lại tệp cũ; nếu là hai bài khác nhau mà muốn giữ bài cũ thì "
            f"lấy lại tệp trước lần {before} đó, từ nhánh chính, thường là main, rồi commit: "
            f"git checkout main -- {OLD_NO_ID}"
        )
        out = run(root, capsys, command)
        [line] = [x for x in out.splitlines() if OLD_NO_ID in x]
        assert line.startswith(f"Sẽ rút bài đang đăng: tệp {OLD_NO_ID} đã bị xóa"), line
        assert hint in line, line
        assert "Muốn giữ bài thì lấy lại tệp" not in line
    assert sync(root, "--dry-run") == 0
    out = told(capsys)
    assert (
        "bản tin mới, chưa có trên Zalo; cùng nội dung hoặc tiêu đề với bài tin-cu đã đăng (sẽ "
        "bị rút) nhưng ghi id riêng: nếu là một bài thì sửa dòng id thành «id: tin-cu» (cập "
        "nhật bài đã đăng trên Zalo, không tạo bài mới)"
    ) in out, out
    path = root / NEW_WITH_ID
    path.write_text(path.read_text("utf-8").replace("id: tin-moi-a1b2c3", "id: tin-cu"), "utf-8")
    out = run(root, capsys, "check")
    assert "Sẽ rút" not in out and "ghi id riêng" not in out
    assert sync(root) == 0
    assert records(root)["tin-cu"]["article_id"] == article
    assert records(root)["tin-cu"]["status"] == "live"


def test_serve_tells_the_deleted_bulletin_s_page_of_its_lookalike_with_an_id(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None
) -> None:
    """The notice said «lấy lại tệp» alone: the page names the new file and its id line."""
    root = zalo_project(tmp_path, 1)
    (root / OLD_NO_ID).write_text(zalo_bulletin(1).replace("id: bt-001\n", ""), "utf-8")
    assert sync(root) == 0
    [address] = load_history(root / "state/web-urls.json")["tin-cu"]
    err = io.StringIO()
    with PreviewSession(root, port=0, now=NOW, out=io.StringIO(), err=err, delay=3600) as session:
        renamed_by_publish_new(root)
        assert session.rebuild()
        _, told_now, _ = _notice(get(session, address)[2])
    with PreviewSession(root, port=0, now=NOW, out=io.StringIO(), err=err) as session:
        _, told_before, _ = _notice(get(session, address)[2])
    for notice in (told_now, told_before):
        assert notice == (
            f"Tệp {OLD_NO_ID} đã bị xóa: {SERVED_GONE}, và sẽ bị rút khỏi Zalo ở lần đồng bộ "
            f"tới; {NEW_WITH_ID} có cùng nội dung hoặc tiêu đề nhưng ghi id riêng: nếu là một "
            "bài thì sửa dòng id thành «id: tin-cu» (địa chỉ cũ chuyển sang địa chỉ mới, giữ bài "
            "trên Zalo), đừng lấy lại tệp cũ; nếu là hai bài khác nhau mà muốn giữ bài cũ thì "
            f"lấy lại tệp từ nhánh chính, thường là main, rồi commit: git checkout main -- "
            f"{OLD_NO_ID}"
        ), notice


def test_a_never_published_deleted_file_comes_back_by_the_notice_once_its_deletion_is_committed(
    tmp_path: Path,
) -> None:
    """serve's notice of a deleted bulletin never published said only «git checkout -- TỆP»,
    which restores nothing once the deletion is committed: it now gives the commit before the
    deletion too, and the way to find it."""
    from publish import withdrawing

    source = "content/bai-viet/ban tin moi.md"
    git = ["git", "-C", str(tmp_path), "-c", "user.name=Biên tập", "-c", "user.email=b@e.vn"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    (tmp_path / source).parent.mkdir(parents=True)
    (tmp_path / source).write_text("Bản nháp.\n", "utf-8")
    subprocess.run([*git, "add", "content"], check=True)
    subprocess.run([*git, "commit", "-qm", "Viết bài"], check=True)
    subprocess.run([*git, "rm", "-q", source], check=True)
    subprocess.run([*git, "commit", "-qm", "Xóa bài"], check=True)
    notice = withdrawing.deleted_notices(
        [("moi", source)],
        SimpleNamespace(root=tmp_path),  # type: ignore[arg-type]
        dt.datetime(2026, 1, 1),
    )["moi"]
    typed = shlex.quote(source).replace("'", '"')
    assert f"git checkout -- {typed} (việc xóa đã commit thì " in notice, notice
    plain = subprocess.run(["git", "checkout", "--", source], cwd=tmp_path, capture_output=True)
    assert plain.returncode != 0  # the first command alone: nothing to bring back
    find = shlex.split(notice[notice.index("git log --diff-filter=D") : -1])
    [commit] = subprocess.run(
        [*find[:2], "--format=%H", *find[2:]], cwd=tmp_path, capture_output=True, text=True
    ).stdout.split()
    restore = notice[notice.index("git checkout MÃ_COMMIT~1") : notice.index(", với MÃ_COMMIT")]
    subprocess.run(shlex.split(restore.replace("MÃ_COMMIT", commit)), cwd=tmp_path, check=True)
    assert (tmp_path / source).read_text("utf-8") == "Bản nháp.\n"


def test_both_notices_of_a_deleted_bulletin_give_the_one_command_for_a_committed_deletion(
    tmp_path: Path,
) -> None:
    """The notice of a deleted bulletin still published (check, build) and that of one never
    published (serve) told how to get the file back once its deletion is committed, each in
    its own words: both now give git_restore.after_deletion's, and it works as printed, on a
    file whose name a shell splits."""
    from publish import withdrawing
    from publish.gates import shell_word
    from publish.git_restore import after_deletion
    from tests.git_commands import commit_all, git

    source = "content/bai-viet/ban tin cu.md"
    typed = shell_word(source)
    told = after_deletion(typed)
    gone = withdrawing._Gone("cu", source, ["radio"], (), ())
    deleted = withdrawing.Withdrawable("cu", source, withdrawing.DELETED, ("radio",))
    published = withdrawing._deleted_line(gone, SimpleNamespace(), deleted)  # type: ignore[arg-type]
    never = withdrawing.deleted_notices(
        [("cu", source)],
        SimpleNamespace(root=tmp_path),  # type: ignore[arg-type]
        dt.datetime(2026, 1, 1),
    )["cu"]
    assert f"(việc xóa đã gộp vào main thì {told})" in published, published
    assert f"(việc xóa đã commit thì {told})" in never, never
    (tmp_path / source).parent.mkdir(parents=True)
    (tmp_path / source).write_text("Bài cũ.\n", "utf-8")
    commit_all(tmp_path, "Viết bài")
    (tmp_path / source).unlink()
    deletion = commit_all(tmp_path, "Xóa bài")
    find = shlex.split(told[told.index("git log") :])
    assert git(tmp_path, *find[1:2], "--format=%H", *find[2:]).split() == [deletion]
    restore = told[: told.index(", với MÃ_COMMIT")].replace("MÃ_COMMIT", deletion)
    git(tmp_path, *shlex.split(restore)[1:])
    assert (tmp_path / source).read_text("utf-8") == "Bài cũ.\n"


@pytest.mark.parametrize(
    ("change", "start", "head", "after"),
    [
        (
            lambda text: text.replace("Sáng nay", "Chiều nay"),
            f"Sẽ rút bài đang đăng: {FILE} đang đăng trên website, Zalo nhưng nay bị giữ lại (đã "
            "sửa sau khi duyệt): ",
            "",
            " Chưa muốn rút thì người duyệt đọc lại bản mới rồi chạy publish approve trước khi gộp",
        ),
        (
            lambda text: text.replace("id: bt-000\n", "id: bt-moi\n"),
            f"Đổi id bài đang đăng: {FILE} là bài «bt-000» đang đăng trên website, Zalo, nay ghi "
            "«id: bt-moi» nên mọi kênh coi tệp là một bài mới, và ",
            "bài «bt-000» bị rút như bài đã xóa: ",
            " Muốn giữ làm một bài thì sửa dòng id thành «id: bt-000» trước khi gộp.",
        ),
    ],
    ids=["edited-after-approval", "id-changed"],
)
def test_a_build_says_which_channel_a_held_bulletin_already_left(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[str], str],
    start: str,
    head: str,
    after: str,
) -> None:
    """Edited after its approval, or given another `id`: build said «lần đồng bộ tới sẽ rút
    bài khỏi các kênh ấy» of the website too, though its page had just left output/web (QA of
    session 76). check, run on the pull request before any build, still says the next sync."""
    root = zalo_project(tmp_path, 2)
    by = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"
    assert main(["--root", str(root), "--now", NOW, "approve", FILE, "--by", by]) == 0
    assert sync(root) == 0
    monkeypatch.chdir(root)
    [address] = load_history(root / "state/web-urls.json")["bt-000"]
    path = root / FILE
    path.write_text(change(path.read_text("utf-8")), "utf-8")
    [line] = [x for x in run(root, capsys, "check").splitlines() if x.startswith(start)]
    assert line[len(start) :].startswith("lần đồng bộ tới sẽ rút bài"), line
    assert "output/web" not in line, line
    [line] = [x for x in run(root, capsys, "build").splitlines() if x.startswith(start)]
    said = line[len(start) :]
    assert said.startswith(f"{head}trang của bài"), line
    assert (
        "đã không còn trong output/web/, cả trong danh sách, tìm kiếm, nguồn tin, sitemap, và "
        "sẽ rời website thật khi thư mục ấy được triển khai (trong CI: ngay sau lệnh này)"
    ) in said, line
    # Zalo is the sync's, said after the website: never «lần đồng bộ tới … website».
    synced = said.split("; lần đồng bộ tới sẽ ")[1].split(".")[0]
    assert "Zalo" in synced and "website" not in synced, line
    assert after in said, line
    assert not (root / "output/web" / address.strip("/") / "index.html").exists()


def test_a_draft_written_as_every_channel_it_goes_to_is_told_as_written(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """`draft: [zalo, web]` over a bulletin going to the website and Zalo holds it as a draft;
    the lines named it «draft: true» and said to remove «dòng draft: true», which the file
    does not have (QA of session 77)."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    front(root, "draft: [zalo, web]")
    out = run(root, capsys, "check")
    assert f"Bỏ qua {FILE}: bản nháp (draft: [zalo, web])" in out
    assert WITHDRAWN.replace("draft: true", "draft: [zalo, web]") in out.splitlines()
    assert "draft: true" not in out
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, "sync", "zalo", "--dry-run"]) == 0
    assert "bản nháp (draft: [zalo, web]): ẩn bài trên Zalo" in told(capsys)
