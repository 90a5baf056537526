"""Every problem of every stage in one run: loading, each channel's checks and the link check
report together, each once, so an editor never fixes one error only to meet the next."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import TINY_JPEG, bulletin_md, make_project, snapshot

NOW = "2021-01-01T09:00"
COVER = {"cover": "images/anh.jpg", "cover_alt": '"Ảnh minh họa"'}
RADIO_TYPO = {**COVER, "radio": "\n  air-date: 2020-12-12"}


def project(tmp_path: Path, bulletins: dict[str, str]) -> Path:
    """A project with a cover image and the given bulletins under content/bai-viet/."""
    files: dict[str, str | bytes] = {"content/images/anh.jpg": TINY_JPEG}
    files.update({f"content/bai-viet/{name}": text for name, text in bulletins.items()})
    return make_project(tmp_path, files)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `publish ARGS --now NOW`."""
    code = main([*args, "--now", NOW])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_reports_the_load_the_channel_and_the_link_errors_of_one_file_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Xem [bài](/khong-ton-tai/) và ![ảnh](images/thieu.png)\n"
    root = project(tmp_path, {"a.md": bulletin_md(RADIO_TYPO, body)})
    code, _, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    assert err.count("không tìm thấy ảnh «images/thieu.png»") == 1
    assert err.count("trường 'radio.air-date': khóa không được hỗ trợ trong khối radio") == 1
    assert err.count("liên kết hỏng «/khong-ton-tai/»") == 1
    # At the line the link is written on, as every other problem.
    source = (root / "content/bai-viet/a.md").read_text("utf-8").splitlines()
    line = next(i for i, text in enumerate(source, 1) if "/khong-ton-tai/" in text)
    assert f"content/bai-viet/a.md:{line}: lỗi: liên kết hỏng «/khong-ton-tai/»" in err
    # The missing image is told once, by the load, not again as a broken link of the page.
    assert "liên kết hỏng «images/thieu.png»" not in err
    assert "Tìm thấy 3 lỗi" in err


def test_an_error_in_one_file_hides_no_other_file_s_errors_or_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(
        tmp_path,
        {
            "a.md": bulletin_md({**COVER, "zalo": "\n  tieu_de: Ngắn"}),
            "b.md": bulletin_md(RADIO_TYPO),
            "c.md": bulletin_md({**COVER, "auhtor": '"Minh Anh"'}, "Xem [bài](/khong-co/).\n"),
        },
    )
    code, _, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    assert "content/bai-viet/a.md:10: lỗi: trường 'zalo.tieu_de'" in err
    assert "content/bai-viet/b.md:10: lỗi: trường 'radio.air-date'" in err
    assert "content/bai-viet/c.md:9: cảnh báo: trường 'auhtor'" in err
    assert "liên kết hỏng «/khong-co/»" in err
    assert "Tìm thấy 3 lỗi" in err


def test_build_reports_the_load_and_the_channel_errors_together_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, {"a.md": bulletin_md(COVER), "b.md": bulletin_md(COVER)})
    assert run(capsys, "build", "--root", str(root), "-q")[0] == 0
    before = snapshot(root / "output")
    (root / "content/bai-viet/a.md").write_text(
        bulletin_md({**COVER, "zalo": "\n  tieu_de: Ngắn"}), encoding="utf-8"
    )
    (root / "content/bai-viet/b.md").write_text(bulletin_md(RADIO_TYPO), encoding="utf-8")
    code, _, err = run(capsys, "build", "--root", str(root))
    assert code == 1
    assert "trường 'zalo.tieu_de'" in err
    assert "trường 'radio.air-date'" in err
    assert "Tìm thấy 2 lỗi" in err
    assert snapshot(root / "output") == before


def test_a_file_whose_publishing_is_unknown_is_not_checked_further(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A misspelt `draft` may mean a draft: Zalo's limits are not applied to it, but the other
    files are still checked."""
    long_title = '"' + "Cảnh báo " * 18 + '"'
    root = project(
        tmp_path,
        {
            "a.md": bulletin_md({**COVER, "Draft": "true", "title": long_title}),
            "b.md": bulletin_md(RADIO_TYPO),
        },
    )
    code, _, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    assert "content/bai-viet/a.md:9: lỗi: trường 'Draft'" in err
    assert "trường 'radio.air-date'" in err
    assert "vượt giới hạn của Zalo OA" not in err
    assert "Tìm thấy 2 lỗi" in err


def test_a_cover_the_load_did_not_find_is_not_missed_again_by_zalo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, {"a.md": bulletin_md({**RADIO_TYPO, "cover": "images/khong.jpg"})})
    code, _, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    assert "lỗi: trường 'cover': không tìm thấy ảnh «images/khong.jpg»" in err
    assert "trường 'radio.air-date'" in err
    assert "bắt buộc có ảnh bìa" not in err
    assert "Tìm thấy 2 lỗi" in err


def test_two_files_with_one_slug_are_told_once_beside_the_other_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(
        tmp_path,
        {
            "a.md": bulletin_md({**COVER, "slug": "trung"}),
            "b.md": bulletin_md({**COVER, "slug": "trung"}),
            "c.md": bulletin_md(RADIO_TYPO, "Xem [bài](/khong-co/).\n"),
        },
    )
    code, _, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    assert err.count("(slug) «trung»") == 1
    assert "trường 'radio.air-date'" in err
    assert "liên kết hỏng «/khong-co/»" in err
    assert "Tìm thấy 3 lỗi" in err


def test_a_site_that_cannot_render_still_reports_every_other_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An image that is no image stops the website's rendering, so its links cannot be checked:
    check says so, and still reports the errors of loading and of every channel."""
    root = project(
        tmp_path,
        {
            "a.md": bulletin_md({**COVER, "zalo": "\n  tieu_de: Ngắn"}),
            "b.md": bulletin_md(RADIO_TYPO),
            "c.md": bulletin_md({"cover": "images/hong.jpg", "cover_alt": '"Ảnh"'}),
        },
    )
    (root / "content/images/hong.jpg").write_text("không phải ảnh", encoding="utf-8")
    code, _, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    assert "trường 'zalo.tieu_de'" in err
    assert "trường 'radio.air-date'" in err
    assert "không đọc được ảnh content/images/hong.jpg" in err
    assert "Chưa kiểm tra được liên kết" in err
    assert "Traceback" not in err
