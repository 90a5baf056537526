"""Zalo's title and description limits are told while a bulletin waits (a draft, unapproved,
scheduled), and `publish approve` refuses a bulletin breaking them: told only when it went
out, the limit stopped that whole build, at the scheduled hour, nothing published."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import TINY_JPEG, bulletin_md, make_project, with_oa
from tests.zalo_project import jpeg

NOW = "2021-01-01T09:00"
COVER = {"cover": "images/anh.jpg", "cover_alt": '"Ảnh minh họa"'}
LONG_TITLE = (
    '"' + "Cảnh báo thủ đoạn lừa đảo " * 7 + '"'
)  # 181 characters once its last space is trimmed
FILE = "content/bai-viet/a.md"
APPROVER = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"


def project(tmp_path: Path, **fields: str) -> Path:
    """A project with one bulletin with a cover and `fields`."""
    text = bulletin_md({**COVER, **fields})
    return with_oa(make_project(tmp_path, {"content/images/anh.jpg": TINY_JPEG, FILE: text}))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Exit code and stderr of `publish ARGS --now NOW`."""
    code = main([*args, "--now", NOW])
    return code, capsys.readouterr().err


def test_a_scheduled_bulletin_over_the_title_limit_is_warned_of_with_its_hour(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, title=LONG_TITLE, date="2021-01-02 08:00")
    code, err = run(capsys, "check", "--root", str(root))
    assert code == 0
    assert (
        f"{FILE}:2: cảnh báo: trường 'title': tiêu đề dài 181/149 ký tự, vượt giới hạn của Zalo "
        "OA. Bài hẹn giờ đăng lúc 08:00, Thứ Bảy, 02/01/2021; tới giờ đó, lỗi này dừng cả lần "
        "dựng và không bài nào được đăng"
    ) in err
    # At that hour it is the error it said it would be.
    code = main(["check", "--root", str(root), "--now", "2021-01-02T08:00"])
    assert code == 1
    assert f"{FILE}:2: lỗi: trường 'title': tiêu đề dài 181/149" in capsys.readouterr().err


def test_an_unapproved_bulletin_over_the_description_limit_is_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, summary='"' + "Người dân cảnh giác. " * 16 + '"', approved_by='""')
    code, err = run(capsys, "check", "--root", str(root))
    assert code == 0
    assert f"{FILE}:5: cảnh báo: trường 'summary': tóm tắt dài 335/299 ký tự" in err
    assert "Bài chưa được đăng nên đây mới là cảnh báo; publish approve không duyệt" in err


def test_a_bulletin_not_sent_to_zalo_is_not_held_to_its_limits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, title=LONG_TITLE, date="2021-01-02 08:00", channels="[web]")
    # A cover large enough to share: a smaller one is warned of, naming Facebook and Zalo.
    (root / "content/images/anh.jpg").write_bytes(jpeg(200, 200))
    code, err = run(capsys, "check", "--root", str(root))
    assert code == 0 and "Zalo" not in err


def test_approve_refuses_a_bulletin_over_a_zalo_limit_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It approved it without a word; the build that published it then failed."""
    root = project(tmp_path, title=LONG_TITLE, date="2021-01-02 08:00", approved_by='""')
    before = (root / FILE).read_bytes()
    code, err = run(capsys, "approve", FILE, "--root", str(root), "--by", APPROVER)
    assert code == 1
    assert f"{FILE}:2: lỗi: trường 'title': tiêu đề dài 181/149 ký tự" in err
    assert f"{FILE}: ghi chú: bản tin còn lỗi (ở trên): chưa duyệt được" in err
    assert (root / FILE).read_bytes() == before
    # A title of its own for Zalo is the fix the message gives: approved then.
    (root / FILE).write_text(
        bulletin_md(
            {**COVER, "title": LONG_TITLE, "date": "2021-01-02 08:00", "approved_by": '""'},
            drop=[],
        ).replace("approved_by:", 'zalo:\n  title: "Cảnh báo lừa đảo"\napproved_by:'),
        encoding="utf-8",
    )
    code, err = run(capsys, "approve", FILE, "--root", str(root), "--by", APPROVER)
    assert code == 0, err


def test_the_warning_does_not_stop_a_strict_check_before_the_hour(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CI's scheduled job runs `publish check --strict` before it syncs: one bulletin due next
    week must not hold back today's others (README: --strict)."""
    root = project(tmp_path, title=LONG_TITLE, date="2021-01-02 08:00")
    code, err = run(capsys, "check", "--strict", "--root", str(root))
    assert code == 0 and "cảnh báo: trường 'title': tiêu đề dài 181/149" in err


@pytest.mark.parametrize("date", ["2020-12-08 08:00", "2021-01-02 08:00"])
def test_a_title_over_the_website_limit_is_one_error_saying_both_limits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], date: str
) -> None:
    """A 341-character title got two messages, «dài 341/200» and «dài 341/149 … Zalo OA»: cut to
    200 as the first said, it failed on the next run. One error says both limits, and how."""
    title = ("Cảnh báo thủ đoạn lừa đảo tuyển cộng tác viên làm việc nhẹ lương cao " * 5)[
        :340
    ] + "."
    assert len(title.strip()) == 341
    root = project(tmp_path, title=f'"{title}"', date=date)
    code, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    told = [line for line in err.splitlines() if "trường 'title'" in line]
    assert told == [
        f"{FILE}:2: lỗi: trường 'title': dài 341 ký tự: website nhận tối đa 200, Zalo OA tối đa 149"
    ], err
    assert "Rút gọn tiêu đề còn tối đa 149 ký tự để dùng cho cả website và Zalo" in err
    assert 'zalo:\n        title: "…"' in err


def test_the_shortening_hint_says_how_zalo_counts_its_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«Rút gọn … còn tối đa 149 ký tự» did not say Zalo counts an emoji as two: an editor
    who cut to 149 letters and kept an emoji failed Zalo's check on the next run. The hint
    says it, and only where Zalo is taken to count that way ([zalo] length_unit)."""
    title = "Cảnh báo thủ đoạn lừa đảo tuyển cộng tác viên làm việc nhẹ lương cao " * 4
    root = project(tmp_path, title=f'"{title.strip()}"')
    code, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    assert (
        "Rút gọn tiêu đề còn tối đa 149 ký tự để dùng cho cả website và Zalo (Zalo đếm mỗi "
        "biểu tượng cảm xúc (emoji) và một số ký hiệu hiếm là 2 ký tự); hoặc còn tối đa 200 ký "
        "tự và thêm tiêu đề riêng cho Zalo (tối đa 149 ký tự, đếm như trên):"
    ) in err
    site = root / "site.toml"
    site.write_text(
        site.read_text("utf-8").replace("[zalo]\n", '[zalo]\nlength_unit = "code_points"\n'),
        "utf-8",
    )
    code, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    assert "Rút gọn tiêu đề còn tối đa 149 ký tự để dùng cho cả website và Zalo; hoặc" in err
    assert "emoji" not in err


def test_a_title_over_both_limits_with_an_emoji_gives_the_count_zalo_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With an emoji, the one message said «dài 341 ký tự … Zalo OA tối đa 149» in characters
    while the Zalo check counts UTF-16 units (the emoji two): cut to 149 characters, the title
    failed Zalo's check on the next run. The message gives Zalo's count too, and why."""
    title = ("Cảnh báo 🚨 thủ đoạn lừa đảo tuyển cộng tác viên làm việc nhẹ lương cao " * 5)[
        :340
    ] + "."
    assert len(title) == 341
    root = project(tmp_path, title=f'"{title}"')
    code, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    told = [line for line in err.splitlines() if "trường 'title'" in line]
    assert told == [
        f"{FILE}:2: lỗi: trường 'title': dài 341 ký tự: website nhận tối đa 200, Zalo OA tối đa "
        "149; Zalo đếm mỗi biểu tượng cảm xúc (emoji) hay ký tự đặc biệt là 2 ký tự, nên 341 "
        "ký tự được Zalo tính là 346"
    ], err


def test_a_summary_over_the_website_limit_is_one_error_saying_both_limits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, summary='"' + "Người dân cảnh giác. " * 35 + '"')
    code, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    told = [line for line in err.splitlines() if "trường 'summary'" in line]
    assert len(told) == 1 and "website nhận tối đa 600, Zalo OA tối đa 299" in told[0], err


def test_a_title_over_the_website_limit_off_zalo_or_with_its_own_zalo_title_says_one_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = '"' + "Cảnh báo thủ đoạn lừa đảo " * 9 + '"'
    for case, extra in {
        "web": {"channels": "[web, radio]"},
        "own": {"zalo": '\n  title: "Cảnh báo lừa đảo"'},
    }.items():
        root = project(tmp_path / case, title=title, **extra)
        code, err = run(capsys, "check", "--root", str(root))
        assert code == 1
        told = [line for line in err.splitlines() if "trường 'title'" in line]
        assert told == [f"{FILE}:2: lỗi: trường 'title': dài 233/200 ký tự"], err


@pytest.mark.parametrize(
    ("fields", "line", "field", "fix"),
    [
        ({"draft": "[web]"}, 9, "draft", "draft: [web, zalo]"),
        ({"channels": "[zalo, radio]"}, 9, "channels", "channels: [web, zalo]"),
    ],
    ids=["draft-web", "channels"],
)
def test_approve_refuses_a_bulletin_sent_to_zalo_but_kept_off_the_website(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fields: dict[str, str],
    line: int,
    field: str,
    fix: str,
) -> None:
    """approve said «kênh: zalo, radio; đăng ngay khi được đưa lên» while check and build then
    stopped every bulletin on «bản tin gửi Zalo nhưng không có trên website»: approve tells the
    build's error, and approves nothing."""
    root = project(tmp_path, approved_by='""', **fields)
    before = (root / FILE).read_bytes()
    code, err = run(capsys, "approve", FILE, "--root", str(root), "--by", APPROVER)
    told = (
        f"{FILE}:{line}: lỗi: trường '{field}': bản tin gửi Zalo nhưng không có trên website: "
        'Zalo lấy ảnh và đường dẫn "xem đầy đủ" từ website'
    )
    assert code == 1
    assert told in err and fix in err
    assert f"{FILE}: ghi chú: bản tin còn lỗi (ở trên): chưa duyệt được" in err
    assert "đăng ngay" not in err + capsys.readouterr().out
    assert (root / FILE).read_bytes() == before
