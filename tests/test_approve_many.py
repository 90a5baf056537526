"""`publish approve` over many files (`content/bai-viet/*.md`, as README tells the approver):
a draft among them is skipped, not a reason to approve nothing, and a dry run shows what
becomes of every file."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from publish.cli import main
from publish.commands import approve_names
from tests.helpers import bulletin_md, make_project

APPROVER = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"
CLOCK = "2021-01-01T09:00"
BEFORE_AIR = "2020-12-10T09:00"
"""Before the broadcast a bulletin dated 08/12/2020 is set for (17:00, Saturday 12/12/2020): one
approved after it never airs (publish.approval_radio: the sync sends no script to an episode
that aired), so a test of what approve says of a bulletin the radio reads approves it here."""
READY = "content/bai-viet/a.md"
DRAFT = "content/bai-viet/nhap moi.md"
"""A draft named with a space, as Windows users name files: the command given must quote it."""
BROKEN = "content/bai-viet/c.md"


def project(tmp_path: Path, **more: str) -> Path:
    """A project with a bulletin ready for approval and a draft (`more`: other files)."""
    return make_project(
        tmp_path,
        {
            READY: bulletin_md({"id": "tin-a"}),
            DRAFT: bulletin_md({"id": "tin-nhap", "draft": "true"}),
            **more,
        },
    )


def approve(
    root: Path,
    capsys: pytest.CaptureFixture[str],
    *files: str,
    extra: tuple[str, ...] = (),
    by: str = APPROVER,
    now: str = CLOCK,
) -> tuple[int, str, str]:
    """`publish approve FILES --by BY` at the fixed clock (or `now`): its exit code, stdout,
    stderr."""
    capsys.readouterr()
    code = main(["approve", "--root", str(root), "--now", now, *files, "--by", by, *extra])
    out, err = capsys.readouterr()
    return code, out, err


def contents(root: Path) -> dict[str, bytes]:
    """Every file under content/, to see what a command wrote."""
    return {str(p): p.read_bytes() for p in sorted((root / "content").rglob("*.md"))}


def test_a_draft_among_other_files_is_skipped_and_the_others_are_approved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`publish approve content/bai-viet/*.md` over a folder holding one draft refused every
    file for that draft: nothing was approved. The others are approved now, the draft left as
    it is, with a note naming it, why, and the command that approves and publishes it."""
    root = project(tmp_path)
    draft_before = (root / DRAFT).read_bytes()
    code, out, err = approve(root, capsys, READY, DRAFT)
    assert code == 0, err
    assert 'approved_version: "' in (root / READY).read_text("utf-8")
    assert (root / DRAFT).read_bytes() == draft_before  # never approved without --publish
    [note] = [line for line in out.splitlines() if line.startswith(f"{DRAFT}: ")]
    assert "cảnh báo: trường 'draft': bản tin còn là bản nháp (draft: true)" in note
    assert "bỏ qua, không duyệt tệp này" in note
    assert f"Bỏ qua, không duyệt (bản nháp, draft: true): tệp {DRAFT}" in out
    last = out.splitlines()[-1]
    assert last.startswith("Đã duyệt 1 bản tin, người duyệt: ")
    assert (
        f"Bỏ qua 1 bản nháp, không duyệt (xem cảnh báo ở trên; muốn đăng thì duyệt với --publish): {DRAFT}."
        in last
    )
    # The command the note gives approves and releases that draft, copied as it is where the
    # approver ran this one (beside the project: with its --root).
    words = draft_command(out)
    assert words == [
        "publish",
        "approve",
        DRAFT,
        "--by",
        APPROVER,
        "--publish",
        "--root",
        str(root),
    ]
    capsys.readouterr()
    assert main([*words[1:], "--now", CLOCK]) == 0, capsys.readouterr().err
    assert "draft: false" in (root / DRAFT).read_text("utf-8")


def draft_command(out: str) -> list[str]:
    """The words of the command the note on a skipped draft gives to approve and publish it."""
    hint = out[out.index("Cách sửa: Muốn vừa duyệt vừa đăng") :].splitlines()[0]
    told = re.search(r"chạy: (publish approve .*?); chưa muốn đăng", hint)
    assert told is not None, hint
    return shlex.split(told[1])


def test_the_command_given_for_a_skipped_draft_runs_where_the_approver_ran(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run with --root from beside the project, the note on a skipped draft gave «publish approve
    content/bai-viet/… --publish» without it: copied where it was read, it found no project.
    In the project itself, no --root is needed; a file name typed unquoted is told the same."""
    root = project(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, err = approve(root.relative_to(tmp_path), capsys, READY, DRAFT, extra=("--dry-run",))
    assert code == 0, err
    words = draft_command(out)
    assert words[-2:] == ["--root", "project"]
    capsys.readouterr()
    assert main([*words[1:], "--now", CLOCK, "--dry-run"]) == 0, capsys.readouterr().err
    assert "tệp content/bai-viet/nhap moi.md;" in capsys.readouterr().out
    code, _, err = approve(Path("project"), capsys, READY, *DRAFT.split(" "))
    assert code == 1
    again = err.split("Chạy lại, tên tệp trong ngoặc kép: ", 1)[1].splitlines()[0]
    assert shlex.split(again)[-2:] == ["--root", "project"]
    monkeypatch.chdir(root)
    code, out, err = approve(Path("."), capsys, READY, DRAFT, extra=("--dry-run",))
    assert code == 0, err
    assert draft_command(out) == ["publish", "approve", DRAFT, "--by", APPROVER, "--publish"]


def test_a_draft_named_alone_and_drafts_only_are_still_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With nothing else to approve, a draft is refused as it was: exit 1, and how to approve it."""
    other = "content/bai-viet/b.md"
    root = project(tmp_path, **{other: bulletin_md({"id": "tin-b", "draft": "true"})})
    before = contents(root)
    for files in [(DRAFT,), (DRAFT, other)]:
        code, out, err = approve(root, capsys, *files)
        assert code == 1
        for name in files:
            assert f"{name}: lỗi: trường 'draft': bản tin còn là bản nháp (draft: true)" in err
        assert "Thêm --publish để vừa duyệt vừa bỏ draft: true" in err
        assert "bỏ qua" not in out + err
    assert contents(root) == before


def test_a_dry_run_shows_every_file_and_what_the_real_run_would_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The dry run README shows the approver (`approve content/bai-viet/*.md --dry-run`) printed
    the draft's error alone: nothing about the other files. Now every file is listed, approved,
    skipped or refused, then what the real run does; a refusal other than a draft still stops
    the real run, with every problem told in one pass and nothing written."""
    root = project(tmp_path)
    code, out, err = approve(root, capsys, READY, DRAFT, extra=("--dry-run",), now=BEFORE_AIR)
    assert code == 0, err
    assert "Duyệt: «Cảnh báo lừa đảo qua mạng»" in out and f"tệp {READY};" in out
    assert f"Bỏ qua, không duyệt (bản nháp, draft: true): tệp {DRAFT}" in out
    assert out.splitlines()[-1] == (
        "Chạy thử (--dry-run): chưa ghi tệp nào; 1 bản tin sẽ được duyệt. Bỏ qua 1 bản nháp, "
        f"không duyệt (xem cảnh báo ở trên; muốn đăng thì duyệt với --publish): {DRAFT}."
    )
    (root / BROKEN).write_text(bulletin_md({"id": "tin-c"}, drop=["title"]), encoding="utf-8")
    before = contents(root)
    code, out, err = approve(root, capsys, READY, DRAFT, BROKEN, extra=("--dry-run",))
    assert code == 1  # as the real run
    assert f"tệp {READY};" in out
    assert f"Bỏ qua, không duyệt (bản nháp, draft: true): tệp {DRAFT}" in out
    assert f"Không duyệt được: tệp {BROKEN} (lỗi nêu bên dưới)" in out
    assert out.splitlines()[-1].startswith(
        "Chạy thử (--dry-run): chưa ghi tệp nào. Lần chạy thật sẽ dừng, không ghi tệp nào, vì "
        f"1 tệp không duyệt được: {BROKEN} (lỗi nêu bên dưới); sửa xong thì 1 bản tin sẽ được "
        "duyệt. Bỏ qua 1 bản nháp"
    )
    assert f"{BROKEN}:2: lỗi: trường 'title': thiếu trường bắt buộc" in err
    assert err.endswith("Tìm thấy 1 lỗi. Chưa có gì được ghi hay xuất bản.\n")
    code, out, real = approve(root, capsys, READY, DRAFT, BROKEN)
    assert code == 1 and real == err  # every problem in one pass, the draft's note with them
    assert f"{DRAFT}: cảnh báo: trường 'draft'" in real
    assert contents(root) == before


def test_approving_a_folder_again_does_not_call_its_approver_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`approve content/bai-viet/*.md` by the approver of most of them noted «… chưa duyệt bản
    tin nào khác trong content/»: the files named were not counted as approved before, even
    those holding this very approval. Someone who approved none of them is still noted."""
    other = "content/bai-viet/d.md"
    root = project(
        tmp_path,
        **{other: bulletin_md({"id": "tin-d", "approved_by": '"Trung tá Lê Thanh Phong"'})},
    )
    assert approve(root, capsys, READY)[0] == 0
    code, out, err = approve(root, capsys, READY, DRAFT, other)
    assert code == 0, err
    assert "chưa duyệt bản tin nào khác" not in out
    assert "Đã duyệt 1 bản tin (1 bản tin khác đã được duyệt đúng nội dung này từ trước)" in out
    (root / "content/bai-viet/e.md").write_text(bulletin_md({"id": "tin-e"}), encoding="utf-8")
    code, out, err = approve(root, capsys, "content/bai-viet/e.md", by="Đại úy Trần Văn Ba")
    assert code == 0, err
    assert "«Đại úy Trần Văn Ba» chưa duyệt bản tin nào khác trong content/" in out


def test_one_error_is_counted_as_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bulletin with one error was told «Tìm thấy 2 lỗi»: the line closing its errors
    («bản tin còn lỗi (ở trên): chưa duyệt được») was counted as a second error to fix. The
    count is of the errors told with their file, line and field; that line stays, as a note."""
    root = project(tmp_path, **{BROKEN: bulletin_md({"id": "tin-c"}, drop=["title"])})
    before = contents(root)
    for extra in ((), ("--dry-run",)):
        code, _, err = approve(root, capsys, BROKEN, extra=extra)
        assert code == 1
        errors = [line for line in err.splitlines() if ": lỗi: " in line]
        assert errors == [f"{BROKEN}:2: lỗi: trường 'title': thiếu trường bắt buộc"]
        assert f"{BROKEN}: ghi chú: bản tin còn lỗi (ở trên): chưa duyệt được" in err
        assert err.endswith("Tìm thấy 1 lỗi. Chưa có gì được ghi hay xuất bản.\n")
    assert contents(root) == before


HELD_PAGE = "content/pages/gioi-thieu.md"


def test_notes_on_the_files_ready_are_told_with_another_files_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With another file in error, the note on an approver never seen before («… chưa duyệt
    bản tin nào khác») and the warning on a bulletin linking to a held page were not told: the
    approver fixed the error, ran again, and only then heard of them. All are told in one pass,
    in the dry run as in the real run, which still writes nothing."""
    linking = bulletin_md({"id": "tin-a"}, "Xem [giới thiệu](../pages/gioi-thieu.md).\n")
    root = project(
        tmp_path,
        **{
            READY: linking,
            BROKEN: bulletin_md({"id": "tin-c"}, drop=["title"]),
            HELD_PAGE: '---\ntitle: "Giới thiệu"\nslug: gioi-thieu\napproved_by: "ok"\n---\n\nx\n',
        },
    )
    before = contents(root)
    newcomer = "Đại úy Trần Văn Ba"
    told = []
    for extra in (("--dry-run",), ()):
        code, _, err = approve(root, capsys, READY, BROKEN, extra=extra, by=newcomer)
        assert code == 1
        said = " ".join(err.split())
        assert f"--by: ghi chú: «{newcomer}» chưa duyệt bản tin nào khác trong content/" in said
        assert re.search(rf"{READY}:\d+: cảnh báo: bản tin liên kết tới trang {HELD_PAGE}", said)
        assert said.endswith("Tìm thấy 1 lỗi. Chưa có gì được ghi hay xuất bản.")
        told.append(err)
    assert told[0] == told[1]
    assert contents(root) == before


def test_each_file_named_is_looked_up_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each name was looked up (approve_names.find: from the project root, else the current folder,
    through links) up to four times: to split names with spaces, to tell a file named twice,
    to approve it and to show it. Once now; every check asks the one record."""
    root = project(tmp_path)
    looked: list[str] = []
    find = approve_names.find

    def counted(name: str, where: Path) -> Path:
        """find, each name it is asked recorded."""
        looked.append(name)
        return find(name, where)

    monkeypatch.setattr(approve_names, "find", counted)
    named = (READY, f"./{READY}", DRAFT, "content/bai-viet/khong-co.md")
    code, out, err = approve(root, capsys, *named, extra=("--dry-run",))
    assert code == 1, err  # the missing file
    assert sorted(looked) == sorted(named)
    assert f"Duyệt: «Cảnh báo lừa đảo qua mạng»\n    tệp {READY};" in out


def test_a_new_approvers_note_is_told_when_every_file_named_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An approver never seen before («… chưa duyệt bản tin nào khác», likely a typo) was noted
    only beside a file ready to approve: with every file refused (an error, a name typed
    wrong), the approver fixed those, ran again, and only then heard of their own name."""
    root = project(tmp_path, **{BROKEN: bulletin_md({"id": "tin-c"}, drop=["title"])})
    before = contents(root)
    newcomer = "Đại úy Trần Văn Ba"
    for files in ((BROKEN,), (BROKEN, "content/bai-viet/khong-co.md")):
        for extra in (("--dry-run",), ()):
            code, _, err = approve(root, capsys, *files, extra=extra, by=newcomer)
            assert code == 1
            said = " ".join(err.split())
            assert f"--by: ghi chú: «{newcomer}» chưa duyệt bản tin nào khác trong content/" in said
            assert "Người duyệt đã có: Thượng tá Nguyễn Văn Hùng." in said
    assert contents(root) == before
    # The approvers already known, refused for an error, are not noted.
    code, _, err = approve(root, capsys, BROKEN, by="Thượng tá Nguyễn Văn Hùng")
    assert code == 1 and "chưa duyệt bản tin nào khác" not in err


def test_a_wildcard_left_as_typed_names_the_files_it_matches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README's `publish approve content/bai-viet/*.md`, typed in Windows' cmd or PowerShell
    (which pass `*` on as typed), was «không có tệp bản tin (.md) này»: the command expands it
    as a POSIX shell does, «\\» spelling too. A folder named is told how to name its files."""
    for at, pattern in enumerate(("content/bai-viet/*.md", "content\\bai-viet\\*.md")):
        root = project(tmp_path / str(at))
        code, out, err = approve(root, capsys, pattern)
        assert code == 0, err
        assert 'approved_version: "' in (root / READY).read_text("utf-8")
        assert f"Bỏ qua, không duyệt (bản nháp, draft: true): tệp {DRAFT}" in out
    code, _, err = approve(root, capsys, "content/bai-viet/*.txt")
    assert code == 1 and "content/bai-viet/*.txt: lỗi: không có tệp bản tin (.md) này" in err
    code, _, err = approve(root, capsys, "content/bai-viet")
    assert code == 1 and "content/bai-viet: lỗi: đây là thư mục, không phải tệp" in err
    assert 'thì ghi "content/bai-viet/*.md"' in err


def test_approving_a_folder_keeps_another_approvers_approval_of_the_same_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`approve content/bai-viet/*.md` by a second approver wrote their name over the first's
    on every bulletin the first had approved, content unchanged, without a word: who approved
    what was lost. Among several files such a bulletin is now kept as it is, and the note says
    how to re-approve it on purpose; named alone it is re-approved, with a warning naming the
    name written over. An approval the content no longer matches is none to keep."""
    other = "Đại úy Trần Văn Ba"
    root = project(tmp_path)
    assert approve(root, capsys, READY)[0] == 0
    before = (root / READY).read_bytes()
    code, out, err = approve(root, capsys, READY, DRAFT, extra=("--publish",), by=other)
    assert code == 0, err
    said = " ".join(out.split())
    assert (root / READY).read_bytes() == before  # the first approver's name stays
    assert f'approved_by: "{other}"' in (root / DRAFT).read_text("utf-8")
    assert (
        f"--by: ghi chú: giữ nguyên 1 bản tin đã được người khác duyệt đúng nội dung hiện nay "
        f"(không ghi «{other}» thay tên người đã duyệt): {READY} («{APPROVER}»)"
    ) in said
    assert f'publish approve {READY} --by "{other}"' in said
    assert f"Giữ nguyên: «{APPROVER}» đã duyệt đúng nội dung này" in said
    code, out, err = approve(root, capsys, READY, extra=("--dry-run",), by=other)
    assert code == 0, err
    said = " ".join(out.split())
    assert (
        f"--by: cảnh báo: 1 bản tin đã được duyệt đúng nội dung hiện nay, với tên người duyệt "
        f"khác; lần duyệt này ghi «{other}» thay tên ấy: {READY} («{APPROVER}»)"
    ) in said
    assert f"Duyệt lại (thay tên «{APPROVER}» đã duyệt đúng nội dung này): «" in said
    (root / READY).write_text(
        (root / READY).read_text("utf-8").replace("Nội dung bản tin.", "Nội dung đã sửa."), "utf-8"
    )
    code, out, err = approve(root, capsys, READY, extra=("--dry-run",), by=other)
    assert code == 0 and "thay tên" not in out, out  # edited since: no approval to replace


def test_a_wildcard_matching_one_bulletin_keeps_another_approvers_approval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`approve "content/bai-viet/a*.md"` matching one bulletin another approver had approved,
    content unchanged, wrote the new name over theirs with a warning, as if the approver had
    named that file: the pattern typed is not naming it. It is kept, with the note naming it and
    the command that re-approves it on purpose; that command, the file's own path, still does."""
    other = "Đại úy Trần Văn Ba"
    for at, pattern in enumerate(("content/bai-viet/a*.md", "content\\bai-viet\\a*.md")):
        root = project(tmp_path / str(at))
        assert approve(root, capsys, READY)[0] == 0
        before = (root / READY).read_bytes()
        code, out, err = approve(root, capsys, pattern, by=other)
        assert code == 0, err
        said = " ".join(out.split())
        assert (root / READY).read_bytes() == before, said  # the first approver's name stays
        assert "thay tên ấy" not in said
        assert (
            f"--by: ghi chú: giữ nguyên 1 bản tin đã được người khác duyệt đúng nội dung hiện nay "
            f"(không ghi «{other}» thay tên người đã duyệt): {READY} («{APPROVER}»)"
        ) in said
        again = re.search(r"ví dụ: (publish approve .*?)$", out, re.MULTILINE)
        assert again is not None, out
        words = shlex.split(again[1])
        assert words[:3] == ["publish", "approve", READY]
        code, out, err = approve(root, capsys, READY, by=other)
        assert code == 0, err
        assert f'approved_by: "{other}"' in (root / READY).read_text("utf-8")
        assert "thay tên ấy" in " ".join(out.split())


def test_approving_a_bulletin_sent_to_no_channel_does_not_say_it_goes_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bulletin with `channels: []` passes the gate but goes nowhere: approve said «đăng ngay
    khi được đưa lên» on its line and «Commit các tệp này để đăng» with nothing against it."""
    root = project(tmp_path, **{BROKEN: bulletin_md({"id": "tin-c", "channels": "[]"})})
    code, out, err = approve(root, capsys, READY, BROKEN, now=BEFORE_AIR)
    assert code == 0, err
    said = " ".join(out.split())
    assert f"tệp {BROKEN}; kênh: không kênh nào; không đăng ở kênh nào (channels: []" in said
    assert (
        f"Duyệt xong vẫn chưa được đăng: {BROKEN} (channels: [], bản tin không gửi tới kênh nào: "
        "ghi các kênh cần đăng rồi duyệt lại)."
    ) in said
    assert f"tệp {READY}; kênh: web, radio; đăng ngay" in said


def test_a_draft_released_among_several_files_is_not_kept_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bulletin approved, then made a draft again (held back for a while), content unchanged:
    `approve *.md --publish` by a second approver kept it «as the first approved it», so it
    stayed a draft while its line said «đăng ngay» and «Không ghi gì». Releasing it is this
    approver's decision: it is released under their name, with the warning that names whose
    approval it writes over."""
    other = "Đại úy Trần Văn Ba"
    root = project(tmp_path)
    assert approve(root, capsys, READY)[0] == 0
    held = (root / READY).read_text("utf-8").replace("---\n", "---\ndraft: true\n", 1)
    (root / READY).write_text(held, "utf-8")
    code, out, err = approve(root, capsys, READY, DRAFT, extra=("--publish",), by=other)
    assert code == 0, err
    written = (root / READY).read_text("utf-8")
    assert "draft: true" not in written and f'approved_by: "{other}"' in written
    said = " ".join(out.split())
    assert f"Duyệt lại (thay tên «{APPROVER}» đã duyệt đúng nội dung này): «" in said
    assert f"lần duyệt này ghi «{other}» thay tên ấy: {READY} («{APPROVER}»)" in said
    assert "giữ nguyên" not in said.lower()


def test_approve_lists_zalo_only_for_a_unit_that_has_an_oa(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A unit without a Zalo OA (`[zalo] oa_id = ""`, as `publish init` wrote it, zalo kept in
    default_channels): the approver read «kênh: web, zalo, radio» of a bulletin nothing would
    send to Zalo. Once oa_id names the OA, zalo is listed again."""
    root = project(tmp_path, **{BROKEN: bulletin_md({"id": "tin-c", "channels": "[zalo]"})})
    site = root / "site.toml"
    site.write_text(
        site.read_text("utf-8").replace(
            "[site]\n", '[site]\ndefault_channels = ["web", "zalo", "radio"]\n'
        ),
        "utf-8",
    )
    code, out, err = approve(root, capsys, READY, BROKEN, extra=("--dry-run",), now=BEFORE_AIR)
    assert code == 0, err
    said = " ".join(out.split())
    assert f"tệp {READY}; kênh: web, radio; đăng ngay" in said
    assert (
        f"tệp {BROKEN}; kênh: không kênh nào; không đăng ở kênh nào (channels chỉ ghi zalo" in said
    )
    assert (
        f"Duyệt xong vẫn chưa được đăng: {BROKEN} (channels chỉ ghi zalo, mà [zalo] oa_id" in said
    )
    with site.open("a", encoding="utf-8") as handle:
        handle.write('\n[zalo]\noa_id = "2463951837402251183"\n')
    code, out, err = approve(root, capsys, READY, BROKEN, extra=("--dry-run",), now=BEFORE_AIR)
    said = " ".join(out.split())
    assert f"tệp {READY}; kênh: web, zalo, radio; đăng ngay" in said
    # Sent to the OA now, and still not on the website: the build stops on it (s76 QA F6),
    # where «kênh: zalo; đăng ngay» was said of it.
    assert code == 1
    assert (
        f"{BROKEN}:8: lỗi: trường 'channels': bản tin gửi Zalo nhưng không có trên website" in err
    )
    assert f"tệp {BROKEN}; kênh:" not in said


def test_a_folder_where_only_drafts_wait_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`approve content/**/*.md --dry-run` over a unit whose every other bulletin is approved
    ended «không có tệp nào cần ghi. Bỏ qua 1 bản nháp»: not that nothing else waits, nor why
    the drafts cannot be approved and what makes them ready."""
    root = project(tmp_path)
    assert approve(root, capsys, READY)[0] == 0
    for extra in (("--dry-run",), ()):
        code, out, err = approve(root, capsys, "content/**/*.md", extra=extra)
        assert code == 0, err
        last = out.splitlines()[-1]
        assert last.endswith(
            "không bản tin nào được duyệt: 1 bản tin đã được duyệt đúng nội dung hiện nay, còn "
            "1 bản tin chờ duyệt là bản nháp (draft: true), mà duyệt là cho đăng nên bản nháp "
            f"không được duyệt: {DRAFT}. Biên tập viên viết xong thì bỏ dòng draft: true rồi "
            "chạy lại lệnh này; đã đọc và muốn đăng ngay thì duyệt riêng bài ấy với --publish "
            "(lệnh ở cảnh báo trên)."
        ), last
        assert last.startswith(
            "Chạy thử (--dry-run): chưa ghi tệp nào; " if extra else "Không ghi gì: "
        )
        # The command that approves it, in its warning above.
        assert draft_command(out)[:3] == ["publish", "approve", DRAFT]
    # Only drafts named: the real run stops (nothing to approve), and the dry run says why.
    other = "content/bai-viet/nhap-hai.md"
    (root / other).write_text(bulletin_md({"id": "tin-hai", "draft": "true"}), encoding="utf-8")
    code, out, err = approve(root, capsys, "content/bai-viet/nh*.md", extra=("--dry-run",))
    assert code == 1
    assert out.splitlines()[-1] == (
        "Chạy thử (--dry-run): chưa ghi tệp nào. Lần chạy thật sẽ dừng, không ghi tệp nào, vì "
        f"mọi tệp trong lệnh đều là bản nháp (draft: true), mà duyệt là cho đăng: {DRAFT}, "
        f"{other}. Biên tập viên viết xong thì bỏ dòng draft: true rồi chạy lại lệnh này; đã "
        "đọc và muốn vừa duyệt vừa đăng thì thêm --publish."
    )


def test_a_draft_written_as_every_channel_is_named_by_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`draft: [web, radio]` over a bulletin going to the website and the radio: the lines
    that say which files are drafts and what the editor removes quote that line, not a
    `draft: true` the file does not have (QA of session 77)."""
    listed = bulletin_md({"id": "tin-nhap", "channels": "[web, radio]", "draft": "[web, radio]"})
    root = project(tmp_path)
    (root / DRAFT).write_text(listed, encoding="utf-8")
    code, out, _ = approve(root, capsys, DRAFT, extra=("--dry-run",))
    assert code == 1
    assert "là bản nháp (draft: [web, radio]), mà duyệt là cho đăng" in out
    assert "bỏ dòng draft: [web, radio] rồi chạy lại" in out
    code, out, err = approve(root, capsys, READY, DRAFT, extra=("--dry-run",))
    assert code == 0, err
    assert f"Bỏ qua, không duyệt (bản nháp, draft: [web, radio]): tệp {DRAFT}" in out
    assert "draft: true" not in out + err
