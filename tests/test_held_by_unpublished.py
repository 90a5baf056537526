"""One editor's half-written draft stops every build (all problems in one pass, nothing half
published): the approved bulletins are held too, and a line after the errors says that only
files not published anyway hold them, and how to let them out (session 73, QA item 3)."""

from __future__ import annotations

import json
import os
import re
import signal
from pathlib import Path

import pytest

from publish import config as config_module
from publish import held_by_unpublished, pipeline
from publish.cli import main
from publish.commands import check as check_command
from publish.content import load_site
from publish.errors import Problem
from tests.helpers import NOW, bulletin_md, make_project

CLOCK = "2021-01-01T09:00"
APPROVED = "content/bai-viet/canh-bao-khan.md"
DRAFT = "content/bai-viet/dang-viet.md"
MISSING_PHOTO = "Nội dung đang viết.\n\n![Ảnh hiện trường](../images/hien-truong.jpg)\n"
CLOSING = "Chưa có gì được ghi hay xuất bản."
HELD = "Các bản tin đã duyệt bị giữ lại chỉ vì các lỗi trên, đều ở"
ADVICE = (
    "sửa các lỗi ấy, hoặc chuyển tệp đang viết dở ra khỏi content/ (hay vào "
    "một thư mục có tên bắt đầu bằng _, như content/_nhap/: công cụ không đọc thư mục ấy), rồi "
    "chạy lại lệnh."
)


def project(tmp_path: Path, **others: str) -> Path:
    """A project with a bulletin approved by `publish approve`, beside `others` (file → text)."""
    files = {APPROVED: bulletin_md({"id": "canh-bao-khan"}, drop=("approved_by",)), **others}
    root = make_project(tmp_path, files)
    assert main(["approve", "--root", str(root), "--now", CLOCK, APPROVED, "--by", "Đại tá A"]) == 0
    return root


def build(root: Path, capsys: pytest.CaptureFixture[str], *command: str) -> tuple[int, str]:
    """The exit code and what `publish build` (or `command`) prints on stderr."""
    capsys.readouterr()
    code = main(["--root", str(root), "--now", CLOCK, *(command or ("build",))])
    return code, capsys.readouterr().err


DRAFTS = {
    "a photo missing": (bulletin_md({"draft": "true"}, MISSING_PHOTO), "bản nháp"),
    "a date unreadable": (bulletin_md({"draft": "true", "date": "2026-13-01"}), "bản nháp"),
    "not approved": (bulletin_md(body=MISSING_PHOTO, drop=("approved_by",)), "chờ duyệt"),
    "approved by nobody": (bulletin_md({"approved_by": '"chờ duyệt"'}, MISSING_PHOTO), "chờ duyệt"),
}


@pytest.mark.parametrize("case", DRAFTS)
def test_errors_only_in_a_file_not_published_anyway_are_said_to_hold_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    text, kind = DRAFTS[case]
    root = project(tmp_path, **{DRAFT: text})
    for command in (("build",), ("check",)):
        code, err = build(root, capsys, *command)
        assert code == 1  # as before: every error stops the build, nothing is written
        lines = err.splitlines()
        assert lines[-2].endswith(CLOSING)
        assert lines[-1] == f"{HELD} một tệp vốn chưa được đăng ({kind}): {ADVICE}"
    assert not (root / "output/web").exists()


def test_the_advice_lets_the_approved_bulletins_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, **{DRAFT: bulletin_md({"draft": "true"}, MISSING_PHOTO)})
    (root / "content/_nhap").mkdir()
    (root / DRAFT).rename(root / "content/_nhap/dang-viet.md")
    code, err = build(root, capsys)
    assert code == 0, err
    assert (root / "output/web/2020/12/canh-bao-khan/index.html").is_file()


def test_several_files_are_counted_with_what_holds_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    others = {
        f"content/bai-viet/nhap-{n}.md": bulletin_md({"draft": "true"}, MISSING_PHOTO)
        for n in range(3)
    }
    others[DRAFT] = bulletin_md(body=MISSING_PHOTO, drop=("approved_by",))
    root = project(tmp_path, **others)
    code, err = build(root, capsys)
    assert code == 1
    expected = f"{HELD} 4 tệp vốn chưa được đăng (chờ duyệt, bản nháp): {ADVICE}"
    assert err.splitlines()[-1] == expected


def test_an_error_in_a_bulletin_to_publish_is_not_blamed_on_the_drafts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = bulletin_md({"draft": "true"}, MISSING_PHOTO)
    root = project(tmp_path, **{DRAFT: draft})
    text = (root / APPROVED).read_text("utf-8")
    (root / APPROVED).write_text(text.replace("date: 2020-12-08", "date: 2020-13-08"), "utf-8")
    code, err = build(root, capsys)
    assert code == 1 and err.splitlines()[-1].endswith(CLOSING) and HELD not in err


def test_nothing_is_said_when_no_bulletin_would_be_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {DRAFT: bulletin_md({"draft": "true"}, MISSING_PHOTO)})
    code, err = build(root, capsys)
    assert code == 1 and err.splitlines()[-1].endswith(CLOSING) and HELD not in err


def test_a_sync_says_it_and_its_report_for_the_pull_request_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, **{DRAFT: bulletin_md({"draft": "true"}, MISSING_PHOTO)})
    capsys.readouterr()
    code = main(["--root", str(root), "--now", CLOCK, "sync", "web", "--format", "markdown"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines()[-1] == f"{HELD} một tệp vốn chưa được đăng (bản nháp): {ADVICE}"
    assert out.rstrip().endswith(f"{HELD} một tệp vốn chưa được đăng (bản nháp): {ADVICE}")


def test_a_published_bulletin_edited_since_its_approval_is_not_said_to_be_unpublished(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Review R8 item 1: held for its edit («changed»), the bulletin is live; the advice to move
    # it out of content/ would withdraw it.
    second = "content/bai-viet/canh-bao-thu-hai.md"
    root = project(tmp_path, **{second: bulletin_md({"id": "thu-hai"}, drop=("approved_by",))})
    command = ["approve", "--root", str(root), "--now", CLOCK, second, "--by", "Đại tá A"]
    assert main(command) == 0
    code, err = build(root, capsys, "sync", "web")
    assert code == 0, err
    text = (root / second).read_text("utf-8")
    (root / second).write_text(text + "\n![Ảnh hiện trường](../images/hien-truong.jpg)\n", "utf-8")
    for command_run in (("build",), ("check",)):
        code, err = build(root, capsys, *command_run)
        assert code == 1
        assert "hien-truong.jpg" in err and HELD not in err


def test_a_published_draft_is_not_said_to_be_unpublished(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A live bulletin set back to draft: true is withdrawn by the next sync, not «vốn chưa
    # được đăng»; moving its file out of content/ is no way to let the others out.
    second = "content/bai-viet/canh-bao-thu-hai.md"
    root = project(tmp_path, **{second: bulletin_md({"id": "thu-hai"})})
    code, err = build(root, capsys, "sync", "web")
    assert code == 0, err
    (root / second).write_text(bulletin_md({"id": "thu-hai", "draft": "true"}, MISSING_PHOTO))
    code, err = build(root, capsys)
    assert code == 1
    assert "hien-truong.jpg" in err and HELD not in err


@pytest.mark.parametrize(
    "mark",
    ["", "approved_version: 3f2a9c0d1e4b-8e1d0c7b6a59-0f4e2d1c3b5a\n"],
    ids=["edit", "typed"],
)
def test_an_approval_lost_since_is_no_file_waiting_for_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mark: str
) -> None:
    # Approved and not yet published (the pull request not merged): edited since, or its mark
    # typed by hand, it is no half-written draft to move out of content/ but an approved text.
    second = "content/bai-viet/canh-bao-thu-hai.md"
    root = project(tmp_path, **{second: bulletin_md({"id": "thu-hai"}, drop=("approved_by",))})
    command = ["approve", "--root", str(root), "--now", CLOCK, second, "--by", "Đại tá A"]
    assert main(command) == 0
    text = (root / second).read_text("utf-8")
    if mark:
        text = re.sub(r"approved_version: .*\n", mark, text)
    (root / second).write_text(text + "\n![Ảnh hiện trường](../images/hien-truong.jpg)\n", "utf-8")
    code, err = build(root, capsys)
    assert code == 1
    assert "hien-truong.jpg" in err and HELD not in err


def test_nothing_is_said_when_a_check_tripped_on_a_file_kept_despite_its_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tripped, no channel checked the approved bulletins: their own errors are not known, so
    # the drafts cannot be said to be all that holds them (review R8 item 3).
    root = project(tmp_path, **{DRAFT: bulletin_md({"draft": "true"}, MISSING_PHOTO)})

    def trips(*_args: object, **_kwargs: object) -> list[Problem]:
        """A check tripped by a file loaded despite its errors."""
        raise KeyError("image")

    monkeypatch.setattr(pipeline, "lint", trips)
    for command in (("build",), ("check",)):
        code, err = build(root, capsys, *command)
        assert code == 1 and "hien-truong.jpg" in err
        assert err.splitlines()[-1].endswith(CLOSING) and HELD not in err


def test_nothing_is_said_by_a_check_that_could_not_render_the_website(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not rendered, no link of the approved bulletins was checked (review R8 item 3).
    root = project(tmp_path, **{DRAFT: bulletin_md({"draft": "true"}, MISSING_PHOTO)})

    def fails(*_args: object, **_kwargs: object) -> int:
        """A render that stops on a file it cannot read."""
        raise OSError("unreadable")

    monkeypatch.setattr(check_command, "_render", fails)
    code, err = build(root, capsys, "check")
    assert code == 1 and "hien-truong.jpg" in err
    assert err.splitlines()[-1].endswith(CLOSING) and HELD not in err


def test_a_bulletin_to_publish_is_judged_as_loaded_not_as_read_again(tmp_path: Path) -> None:
    # Its file saved as a draft while the build ran (publish serve rebuilds as the editor saves):
    # the build publishes what it loaded, so its error holds the others, not a draft's (R8 item 2).
    root = project(tmp_path)
    site = load_site(config_module.load(root), now=NOW)
    assert [b.source for b in site.bulletins] == [APPROVED]
    (root / APPROVED).write_text(bulletin_md({"draft": "true"}), "utf-8")
    found = [Problem(APPROVED, "không tìm thấy ảnh «../images/hien-truong.jpg»", line=12)]
    assert held_by_unpublished.note(site, found) == ""


SECOND = "content/bai-viet/canh-bao-thu-hai.md"


def approved_second(tmp_path: Path, *, synced: bool) -> Path:
    """The project with a second bulletin approved by `publish approve`, then published by
    `sync web` when `synced`."""
    root = project(tmp_path, **{SECOND: bulletin_md({"id": "thu-hai"}, drop=("approved_by",))})
    command = ["approve", "--root", str(root), "--now", CLOCK, SECOND, "--by", "Đại tá A"]
    assert main(command) == 0
    if synced:
        assert main(["--root", str(root), "--now", CLOCK, "sync", "web"]) == 0
    return root


@pytest.mark.parametrize("dropped", [(), ("id", "approved_version")], ids=["as-is", "unmarked"])
def test_a_published_bulletin_not_loaded_whole_is_not_said_to_be_unpublished(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dropped: tuple[str, ...]
) -> None:
    # Review R10 item 1: saved as a draft with a date no one can read, it is not loaded, and
    # was read as written only: state/ lists it live, the next sync withdraws it. Its approval
    # mark and id gone too, state/ still names its file.
    root = approved_second(tmp_path, synced=True)
    text = (root / SECOND).read_text("utf-8").replace("date: 2020-12-08 08:00", "date: 2026-13-01")
    for name in dropped:
        text, count = re.subn(rf"(?m)^{name}: .*\n", "", text)
        assert count == 1
    (root / SECOND).write_text(text.replace("---\n", "---\ndraft: true\n", 1), "utf-8")
    for command in (("build",), ("check",)):
        code, err = build(root, capsys, *command)
        assert code == 1 and "2026-13-01" in err
        assert err.splitlines()[-1].endswith(CLOSING) and HELD not in err


def test_a_published_bulletin_is_found_by_its_id_when_state_records_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # published.json written before it recorded each bulletin's file: the key is its id.
    root = approved_second(tmp_path, synced=True)
    published = root / "state/published.json"
    record = json.loads(published.read_text("utf-8"))
    assert record.pop("files")["thu-hai"] == SECOND
    published.write_text(json.dumps(record), "utf-8")
    (root / SECOND).write_text(
        bulletin_md({"id": "thu-hai", "draft": "true", "date": "2026-13-01"})
    )
    code, err = build(root, capsys)
    assert code == 1 and "2026-13-01" in err and HELD not in err


@pytest.mark.parametrize("loaded", [True, False], ids=["loaded", "date-unreadable"])
def test_an_approved_draft_is_no_file_being_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], loaded: bool
) -> None:
    # Approved (its approved_version written by publish approve) and set back to a draft before
    # any sync: an approved text, not one half written to move out of content/.
    root = approved_second(tmp_path, synced=False)
    text = (root / SECOND).read_text("utf-8").replace("---\n", "---\ndraft: true\n", 1)
    if not loaded:
        text = text.replace("date: 2020-12-08 08:00", "date: 2026-13-01")
    (root / SECOND).write_text(text + "\n![Ảnh hiện trường](../images/hien-truong.jpg)\n", "utf-8")
    code, err = build(root, capsys)
    assert code == 1 and "hien-truong.jpg" in err
    assert err.splitlines()[-1].endswith(CLOSING) and HELD not in err


@pytest.mark.parametrize(
    "dates",
    [
        {"date": "2021-02-01 08:00"},
        {"expires": "2020-12-20 08:00"},
        {"date": "2021-02-01 08:00", "expires": "2021-13-01"},
    ],
    ids=["scheduled", "expired", "scheduled-not-loaded"],
)
def test_an_approved_bulletin_held_for_its_date_is_no_file_being_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dates: dict[str, str]
) -> None:
    # Review R10 item 2: approved and dated later (or expired), it is no half-written file; the
    # advice to move it out of content/ would lose (or withdraw) an approved bulletin.
    # This case was once pinned the other way, the line calling it «chưa tới giờ đăng».
    root = project(tmp_path, **{SECOND: bulletin_md({"id": "thu-hai", **dates}, MISSING_PHOTO)})
    code, err = build(root, capsys)
    assert code == 1 and ("hien-truong.jpg" in err or "2021-13-01" in err)
    assert err.splitlines()[-1].endswith(CLOSING) and HELD not in err


PAGE = "content/pages/gioi-thieu.md"


def page_md(*front: str) -> str:
    """A page held as a draft whose photo is missing, with `front` lines in its front matter."""
    lines = ['title: "Giới thiệu"', "slug: gioi-thieu", 'summary: "Về đơn vị."', *front]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + MISSING_PHOTO


def test_a_draft_page_never_approved_is_said_to_hold_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, **{PAGE: page_md("draft: true")})
    code, err = build(root, capsys)
    assert code == 1
    assert err.splitlines()[-1] == f"{HELD} một tệp vốn chưa được đăng (trang chưa đăng): {ADVICE}"


@pytest.mark.parametrize(
    "front",
    [("draft: true", 'approved_by: "Đại tá A"'), ("date: 2021-02-01 08:00",)],
    ids=["approved", "dated-later"],
)
def test_an_approved_page_is_no_file_being_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], front: tuple[str, ...]
) -> None:
    # Review R10 item 2: a page whose approved_by names its approver, held as a draft; or one
    # held only for its date (a page needs no approval): either goes out as it is.
    root = project(tmp_path, **{PAGE: page_md(*front)})
    code, err = build(root, capsys)
    assert code == 1 and "hien-truong.jpg" in err and HELD not in err


def test_a_page_on_the_website_is_not_said_to_be_unpublished(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Live on the website the last build wrote, set back to a draft: taken down by the next
    # build, it is no page «vốn chưa được đăng».
    root = project(tmp_path, **{PAGE: page_md().replace(MISSING_PHOTO, "Về đơn vị.\n")})
    code, err = build(root, capsys)
    assert code == 0, err
    assert (root / "output/web/gioi-thieu/index.html").is_file()
    (root / PAGE).write_text(page_md("draft: true"), "utf-8")
    code, err = build(root, capsys)
    assert code == 1 and "hien-truong.jpg" in err and HELD not in err


def test_a_fifo_the_loader_refuses_is_not_opened_for_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A FIFO named like a bulletin is refused unread by the loader («không đọc»); judging the
    line opened it and waited forever for a writer (review R13). Read as the loader reads."""
    root = project(tmp_path)
    os.mkfifo(root / "content/bai-viet/ong-dan.md")

    def stuck(*_: object) -> None:
        raise AssertionError("publish build waited on the FIFO")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(20)
    try:
        code, err = build(root, capsys)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert code == 1
    assert "content/bai-viet/ong-dan.md" in err and "không đọc" in err, err
