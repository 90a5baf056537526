"""A page's personal data (session 36): its own text is searched as a bulletin's, and
`pii_reviewed_by` holds for the page and the files it links to as they were reviewed: a list
replaced afterwards needs a new review, recorded by `publish approve PAGE --by NAME`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from publish import approval, content
from publish.cli import main
from tests.helpers import bulletin_md, make_project

PAGE = "content/pages/danh-sach.md"
LIST = "content/tep/ds.csv"
REVIEWER = "Đại úy Lê Thị Hoa, Đội trưởng"
CLOCK = "2021-01-01T09:00"
FIRST = "Họ tên,Số CCCD\nNguyễn Văn An,001089012345\n"
SECOND = "Họ tên,Số CCCD\nTrần Văn Bình,079201001234\n"


def page(body: str = "Xem [danh sách](../tep/ds.csv).\n", **fields: str) -> str:
    """A page linking to the list, with `fields` added to its front matter."""
    front = {"title": '"Danh sách khen thưởng"', "slug": "danh-sach", **fields}
    lines = "".join(f"{key}: {value}\n" for key, value in front.items())
    return f"---\n{lines}---\n\n{body}"


def project(tmp_path: Path, text: str, listed: str = FIRST) -> Path:
    """A project whose only page is `text`, beside the list content/tep/ds.csv."""
    return make_project(tmp_path, {PAGE: text, LIST: listed.encode()})


def check(root: Path, *extra: str) -> int:
    """`publish check` at the fixed clock."""
    return main(["check", "--root", str(root), "--now", CLOCK, *extra])


def review(root: Path) -> int:
    """The reviewer records the review of the page and its list."""
    return main(["approve", "--root", str(root), "--now", CLOCK, PAGE, "--by", REVIEWER])


def test_the_review_recorded_holds_until_the_list_is_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, page())
    assert check(root, "--strict") == 1  # a list of ID numbers, reviewed by nobody
    err = capsys.readouterr().err
    assert "«content/tep/ds.csv» (dòng 2 của tệp) có thể là dữ liệu cá nhân" in err
    assert f"publish approve {PAGE}" in err  # the one command that records a review
    assert review(root) == 0
    text = (root / PAGE).read_text("utf-8")
    assert f'pii_reviewed_by: "{REVIEWER}"' in text
    assert re.search(r'\npii_reviewed_version: "[0-9a-f]{12}(-[0-9a-f]{12}){2}"\n', text), text
    capsys.readouterr()
    assert check(root, "--strict") == 0
    assert "Đã được Đại úy Lê Thị Hoa" in "".join(capsys.readouterr())
    # The list replaced under its name: the review was of the old one.
    (root / LIST).write_bytes(SECOND.encode())
    assert check(root, "--strict") == 1
    err = capsys.readouterr().err
    assert "079201001234"[:3] in err and "đã đổi sau lần" in err
    assert f'publish approve {PAGE} --by "{REVIEWER}"' in err
    assert review(root) == 0
    capsys.readouterr()
    assert check(root, "--strict") == 0


def test_a_review_typed_by_hand_binds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """pii_reviewed_by alone (as every page had it before) no longer lets any file out: the
    reviewer records the review with the command."""
    root = project(tmp_path, page(pii_reviewed_by=f'"{REVIEWER}"'))
    assert check(root, "--strict") == 1
    assert f'publish approve {PAGE} --by "{REVIEWER}"' in capsys.readouterr().err


def test_a_page_edited_after_the_review_needs_a_new_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, page())
    assert review(root) == 0
    text = (root / PAGE).read_text("utf-8")
    (root / PAGE).write_text(text + "\nSố CCCD của người nhận: 079201001234.\n", "utf-8")
    capsys.readouterr()
    assert check(root, "--strict") == 1


def test_a_pages_own_text_is_searched_as_a_bulletins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Người được khen thưởng:\n\n- Nguyễn Văn An, CCCD 001089012345\n"
    root = project(tmp_path, page(body=body))
    assert check(root) == 0  # a warning, as for a bulletin
    out = "".join(capsys.readouterr())
    assert f"{PAGE}:8: cảnh báo: có thể là dữ liệu cá nhân: số CCCD «001*******45»" in out
    assert "có thể là dữ liệu cá nhân: số CCCD" in out
    assert check(root, "--strict") == 1


def test_a_draft_pages_text_is_told_but_never_stops_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Nguyễn Văn An, CCCD 001089012345\n"
    root = project(tmp_path, page(body=body, draft="true"))
    assert check(root, "--strict") == 0


def test_no_review_is_recorded_for_a_page_linking_to_a_secret_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, page(), listed="TỐI MẬT\nHọ tên,Số CCCD\n")
    before = (root / PAGE).read_bytes()
    assert review(root) == 1
    err = capsys.readouterr().err
    assert "«content/tep/ds.csv» mang dấu mật «TỐI MẬT»" in err
    assert "chưa ghi được việc xem xét" in err
    assert (root / PAGE).read_bytes() == before


def test_a_page_reviewed_again_is_told_as_a_page_not_a_bulletin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Approving only pages used to end with «các bản tin trên đã được duyệt…»: a page is not
    approved, its personal-data review is recorded."""
    root = project(tmp_path, page())
    assert review(root) == 0
    capsys.readouterr()
    assert review(root) == 0
    out = capsys.readouterr().out
    assert "Không ghi gì: việc xem xét dữ liệu cá nhân của các trang trên đã được ghi" in out
    assert "bản tin" not in out
    dry = ["approve", "--root", str(root), "--now", CLOCK, PAGE, "--by", REVIEWER, "--dry-run"]
    (root / LIST).write_bytes(SECOND.encode())
    assert main(dry) == 0
    out = capsys.readouterr().out
    assert "1 trang sẽ được ghi việc xem xét dữ liệu cá nhân" in out and "bản tin" not in out


def test_a_page_named_with_bulletins_is_left_with_the_command_to_review_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«publish approve "content/**/*.md" --pii-reviewed», meant for the bulletins waiting,
    recorded the approver's review on every page, which nobody had read. Named with bulletins
    (by a pattern or by the shell expanding one: the same list), a page is left as it is, named
    with the command that reviews it; that command, run, records it."""
    bulletin = "content/bai-viet/2020-12-08-tin.md"
    root = make_project(
        tmp_path,
        {PAGE: page(), LIST: FIRST.encode(), bulletin: bulletin_md(drop=["approved_version"])},
    )
    before = (root / PAGE).read_bytes()
    command = ["approve", "--root", str(root), "--now", CLOCK, "--by", REVIEWER]
    for named in ([PAGE, bulletin], ["content/**/*.md", "--pii-reviewed"]):
        assert main([*command, *named]) == 0
        captured = capsys.readouterr()
        assert (root / PAGE).read_bytes() == before
        assert "approved_version" in (root / bulletin).read_text("utf-8")
        told = captured.out + captured.err
        assert (
            "content/pages/: cảnh báo: không ghi việc xem xét dữ liệu cá nhân của 1 trang nêu "
            f"cùng bản tin trong lệnh này: {PAGE}" in told
        )
        again = re.search(r"Đã đọc các trang ấy thì chạy: publish approve (.*)$", told, re.M)
        assert again is not None
    assert again is not None  # the loop ran
    assert again[1] == f'{PAGE} --by "{REVIEWER}" --root {root}'
    assert main(["approve", PAGE, "--by", REVIEWER, "--root", str(root), "--now", CLOCK]) == 0
    assert f'pii_reviewed_by: "{REVIEWER}"' in (root / PAGE).read_text("utf-8")


def test_a_page_edited_while_its_review_is_recorded_is_not_reviewed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review binds the page's bytes read after the page was loaded and searched: an edit
    in between (a colleague saving the page) was bound unseen, as a bulletin's is not."""
    root = project(tmp_path, page())
    unseen = page(body="Xem [danh sách](../tep/ds.csv).\n\nCCCD người nhận: 079201001234.\n")
    read = content.read_raw

    def read_then_edited(*args, **kwargs):  # type: ignore[no-untyped-def]
        raw = read(*args, **kwargs)
        (root / PAGE).write_text(unseen, "utf-8")  # saved just after the command read it
        return raw

    monkeypatch.setattr(content, "read_raw", read_then_edited)
    assert review(root) == 1
    err = capsys.readouterr().err
    assert f"{PAGE}: lỗi: tệp vừa bị sửa trong lúc duyệt" in err
    assert "pii_reviewed_by" not in (root / PAGE).read_text("utf-8")


def test_no_review_is_recorded_while_a_linked_file_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused as a bulletin's approval is, in the same words: «tệp đính kèm», and why."""
    root = project(tmp_path, page())
    before = (root / PAGE).read_bytes()
    real = approval.ImageDigests.__call__

    def unreadable(self: approval.ImageDigests, path: str) -> str | None:
        return None if path.endswith(".csv") else real(self, path)

    monkeypatch.setattr(approval.ImageDigests, "__call__", unreadable)
    assert review(root) == 1
    err = capsys.readouterr().err
    assert (
        f"{PAGE}: lỗi: không đọc được tệp đính kèm «content/tep/ds.csv»: chưa xem được tệp thì "
        "chưa ghi được việc xem xét" in err
    )
    assert "Kiểm tra quyền đọc tệp" in err
    assert (root / PAGE).read_bytes() == before


def test_a_review_is_judged_against_the_page_as_loaded_not_as_found_later(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build searched the page it loaded but judged its review against the file read
    again later: a page edited after its review (a new ID number) and put back while the
    build ran went out as reviewed, unseen by the reviewer."""
    root = project(tmp_path, page())
    assert review(root) == 0
    reviewed = (root / PAGE).read_text("utf-8")
    edited = reviewed + "\nCCCD người nhận: 079201001234.\n"
    (root / PAGE).write_text(edited, "utf-8")
    read = content.read_raw

    def read_then_put_back(path: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        raw = read(path, *args, **kwargs)
        if path.name == "danh-sach.md":
            path.write_text(reviewed, "utf-8")  # put back just after the build read it
        return raw

    monkeypatch.setattr(content, "read_raw", read_then_put_back)
    capsys.readouterr()
    assert check(root, "--strict") == 1
    err = capsys.readouterr().err
    assert f"{PAGE}:" in err and "079*******34" in err and "đã đổi sau lần xem xét" in err


def test_an_edit_to_a_draft_line_inside_a_quoted_title_needs_a_new_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file's part of the review leaves out a line starting `draft:` at the left margin,
    also when it goes on a quoted title (text the page shows): the page's values count too."""
    text = (
        '---\ntitle: "Danh sách khen thưởng\ndraft: năm 2020"\nslug: danh-sach\n---\n\nXin chào.\n'
    )
    root = project(tmp_path, text)
    assert check(root) == 0
    assert review(root) == 0
    edited = (root / PAGE).read_text("utf-8").replace("năm 2020", "Nguyễn Văn An CCCD 001089012345")
    (root / PAGE).write_text(edited, "utf-8")
    capsys.readouterr()
    assert check(root, "--strict") == 1
    assert "đã đổi sau lần xem xét đó" in capsys.readouterr().err


def test_a_review_recorded_in_two_parts_is_recorded_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Recorded by the version before the page's values were bound: it no longer holds, and
    the message says why and the command that records it again."""
    root = project(tmp_path, page())
    assert review(root) == 0
    text = (root / PAGE).read_text("utf-8")
    two = re.sub(r'(pii_reviewed_version: "[0-9a-f]{12}-[0-9a-f]{12})-[0-9a-f]{12}"', r'\1"', text)
    assert two != text
    (root / PAGE).write_text(two, "utf-8")
    capsys.readouterr()
    assert check(root, "--strict") == 1
    err = capsys.readouterr().err
    assert "được ghi bằng bản công cụ trước, dấu chưa gắn với nội dung trang" in err
    assert f'publish approve {PAGE} --by "{REVIEWER}"' in err
    assert review(root) == 0
    capsys.readouterr()
    assert check(root, "--strict") == 0
