"""The command line as editors use it: exit codes, Vietnamese messages, no traceback unless --debug."""

from __future__ import annotations

import argparse
import errno
import os
import re
import shlex
import shutil
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from publish import pipeline
from publish.cli import COMMANDS, main
from publish.model import Artifact, Site
from tests.helpers import (
    FIXTURES,
    SITE_TOML,
    add_toml,
    bulletin_md,
    install_fake_renderers,
    make_project,
    publish_command,
)

BROKEN = FIXTURES / "invalid" / "unknown-category"
ONE_BULLETIN = {"content/bai-viet/a.md": bulletin_md()}


def publish(
    *args: str | Path, cwd: Path | None = None, fresh: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run `python -m publish ARGS` (see publish_command; `fresh`: in a real interpreter)."""
    return publish_command(*args, cwd=cwd, fresh=fresh)


# --- as a subprocess ---------------------------------------------------------------------------


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the broken project (a check keeps its cache in .cache/: not in tests/)."""
    return Path(shutil.copytree(BROKEN, tmp_path / "broken"))


def test_check_on_a_broken_bulletin_prints_vietnamese_to_stderr_and_exits_1(broken: Path) -> None:
    result = publish("check", "--root", broken, fresh=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "content/bai-viet/a.md:4: lỗi: trường 'category'" in result.stderr
    assert "chuyên mục không tồn tại: «canh-bao-toi-pam»" in result.stderr
    assert "Có phải ý bạn là «canh-bao-toi-pham»?" in result.stderr
    assert "Tìm thấy 1 lỗi" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_reports_every_broken_file_in_one_run(tmp_path: Path) -> None:
    root = shutil.copytree(FIXTURES / "invalid" / "two-broken-files", tmp_path / "two")
    result = publish("check", "--root", root)
    assert result.returncode == 1
    assert "content/bai-viet/a.md:2: lỗi: trường 'title'" in result.stderr
    assert "content/bai-viet/b.md:3: lỗi: trường 'date'" in result.stderr
    # Zalo's check of the file that loaded runs in the same run.
    assert "content/bai-viet/ok.md: lỗi: trường 'cover': bài viết Zalo bắt buộc" in result.stderr
    assert "Tìm thấy 3 lỗi" in result.stderr


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_channel_block_that_is_not_a_table_is_told_not_crashed_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    files = {
        "content/bai-viet/a.md": bulletin_md({"radio": "2020-12-12", "slug": "a"}),
        "content/bai-viet/b.md": bulletin_md({"zalo": '"Tiêu đề ngắn"', "slug": "b"}),
    }
    root = make_project(tmp_path, files)
    assert main(["--root", str(root), "--now", "2021-01-01T08:00", command]) == 1
    err = capsys.readouterr().err
    assert "a.md:7: lỗi: trường 'radio': cần một bảng các thiết lập cho kênh radio" in err
    assert "b.md:7: lỗi: trường 'zalo': cần một bảng các thiết lập cho kênh zalo" in err
    assert "nội bộ" not in err


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_check_tripped_by_a_broken_file_reports_that_files_errors(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    install_fake_renderers(monkeypatch)

    def check(site: object) -> list[object]:
        """A channel check that cannot cope with something a broken file left behind."""
        raise AttributeError("'str' object has no attribute 'items'")

    monkeypatch.setattr(sys.modules["tests_fake_renderer_radio"], "check", check, raising=False)
    files = {"content/bai-viet/a.md": bulletin_md({"category": "khong-co"})}
    root = make_project(tmp_path, files)
    assert main(["--root", str(root), "--now", "2021-01-01T08:00", command]) == 1
    err = capsys.readouterr().err
    assert "a.md:4: lỗi: trường 'category': chuyên mục không tồn tại" in err
    assert "nội bộ" not in err and "AttributeError" not in err


def test_debug_shows_the_traceback(broken: Path) -> None:
    result = publish("check", "--root", broken, "--debug")
    assert result.returncode == 1
    assert "Traceback" in result.stderr
    assert "ContentError" in result.stderr


def test_options_before_the_command_are_honoured(broken: Path) -> None:
    # `publish --root X check` used to check the current folder instead.
    result = publish("--root", broken, "check", cwd=Path("/"))
    assert result.returncode == 1
    assert "canh-bao-toi-pam" in result.stderr


def test_an_option_value_that_spells_a_command_is_not_taken_for_it(tmp_path: Path) -> None:
    # Only the named command's module is loaded; a folder called "sync" must not pick it.
    make_project(tmp_path, ONE_BULLETIN).rename(tmp_path / "sync")
    result = publish(
        "--root", "sync", "--now", "2021-01-01T08:00", "check", "--channel", "web", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "Không có lỗi: đã kiểm tra 1 bản tin, 1 xuất bản được" in result.stdout


@pytest.mark.parametrize("args", [("--help",), ("-h", "build")])
def test_top_level_help_lists_every_command(args: tuple[str, ...]) -> None:
    helped = publish(*args)
    assert helped.returncode == 0
    for command in ("build", "check", "init", "new", "next", "report", "serve", "speak", "sync"):
        assert f"\n    {command} " in helped.stdout
    assert "zalo-sandbox" in helped.stdout and "show program" not in helped.stdout
    # Each on its own line of the list, the last (zalo-sandbox, which init's next steps and
    # README tell a new unit to run) too: none hidden.
    for command in COMMANDS:
        assert f"\n    {command} " in helped.stdout, command


def test_broken_site_toml_exits_1_with_the_line(tmp_path: Path) -> None:
    root = make_project(
        tmp_path, {"site.toml": SITE_TOML.replace("[site]\n", "[site]\ntitel = 1\n")}
    )
    result = publish("check", "--root", root)
    assert result.returncode == 1
    assert "site.toml:7: lỗi: trường '[site] titel'" in result.stderr
    assert "Có phải ý bạn là 'title'?" in result.stderr


def test_missing_project_exits_1_and_suggests_root(tmp_path: Path) -> None:
    result = publish("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "không tìm thấy tệp cấu hình" in result.stderr
    assert "--root" in result.stderr


@pytest.mark.parametrize(
    "args",
    [(), ("khong-co-lenh",), ("build", "--channel"), ("check", "--khong-co"), ("new",)],
)
def test_usage_errors_exit_2_in_vietnamese(args: tuple[str, ...]) -> None:
    result = publish(*args)
    assert result.returncode == 2
    assert "lỗi:" in result.stderr
    assert "error:" not in result.stderr
    assert "Traceback" not in result.stderr


def test_version_and_help_exit_0() -> None:
    assert publish("--version", fresh=True).stdout.startswith("publish ")
    helped = publish("build", "--help")
    assert helped.returncode == 0
    assert "cách dùng:" in helped.stdout and "--channel" in helped.stdout


def test_bad_now_exits_1(tmp_path: Path) -> None:
    root = make_project(tmp_path, ONE_BULLETIN)
    result = publish("check", "--root", root, "--now", "thứ ba tuần sau")
    assert result.returncode == 1
    assert "--now: không đọc được thời điểm «thứ ba tuần sau»" in result.stderr


@pytest.mark.parametrize("typo", ["0001-01-01 00:00", "9999-12-31 10:00", "20226-01-01"])
def test_a_clock_in_an_impossible_year_is_refused_before_anything_is_written(
    tmp_path: Path, typo: str
) -> None:
    """A mistyped --now would withdraw every bulletin (year 1) or crash after writing (9999)."""
    root = make_project(tmp_path, ONE_BULLETIN)
    result = publish("build", "--root", root, "--now", typo)
    assert result.returncode == 1
    assert "--now" in result.stderr and "Traceback" not in result.stderr
    assert not (root / "output").exists()


def test_new_then_check_as_subprocesses(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    created = publish(
        "new", "Tiêu đề có dấu", "--category", "canh-bao-toi-pham", "--root", root,
        "--now", "2020-12-08T08:00",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    assert (root / "content/bai-viet/2020-12-08-tieu-de-co-dau.md").is_file()


# --- through main(argv), with a tiny renderer standing in for the real ones ---------------------


@pytest.fixture
def fake_renderers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every channel renders with the tiny test renderer."""
    install_fake_renderers(monkeypatch)


def gated_project(tmp_path: Path) -> Path:
    """One publishable bulletin and one per reason to hold a bulletin back."""
    return make_project(
        tmp_path,
        {
            "content/bai-viet/ok.md": bulletin_md(),
            "content/bai-viet/nhap.md": bulletin_md({"draft": "true"}),
            "content/bai-viet/chua-duyet.md": bulletin_md(drop=["approved_by"]),
            "content/bai-viet/hen-gio.md": bulletin_md({"date": "2021-06-01 08:00"}),
            "content/bai-viet/het-han.md": bulletin_md({"expires": "2020-12-31"}),
        },
    )


def test_build_prints_one_skip_line_per_excluded_bulletin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_renderers: None
) -> None:
    root = gated_project(tmp_path)
    assert main(["build", "--root", str(root), "--now", "2021-01-01T09:00"]) == 0
    out = capsys.readouterr().out
    skips = sorted(line for line in out.splitlines() if line.startswith("Bỏ qua"))
    assert skips == [
        "Bỏ qua content/bai-viet/chua-duyet.md: chưa được duyệt (thiếu approved_by)",
        "Bỏ qua content/bai-viet/hen-gio.md: hẹn giờ: sẽ xuất bản lúc 08:00, Thứ Ba, 01/06/2021",
        "Bỏ qua content/bai-viet/het-han.md: đã hết hạn lúc 00:00, Thứ Năm, 31/12/2020",
        "Bỏ qua content/bai-viet/nhap.md: bản nháp (draft: true)",
    ]
    held = "4 bị giữ lại (1 bản nháp, 1 chưa duyệt, 1 hẹn giờ, 1 hết hạn)"
    assert re.search(
        rf"^Xong sau \d+,\d+ giây: 1 bản tin được xuất bản vào {re.escape(str(root))}/output/; "
        rf"{re.escape(held)}\.$",
        out,
        re.M,
    )
    assert "Chưa có bản tin nào được đăng" not in out  # one went out: drafts are no news
    listing = (root / "output/web/index.txt").read_text(encoding="utf-8")
    assert listing == "ok Cảnh báo lừa đảo qua mạng\n"
    assert sorted(p.name for p in (root / "output").iterdir()) == ["radio", "web", "zalo"]


def test_bulletins_expired_over_a_week_ago_are_counted_not_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_renderers: None
) -> None:
    # A year of expiring notices must not bury the lines an editor acts on.
    files = {
        f"content/bai-viet/cu-{n}.md": bulletin_md(
            {"date": "2020-10-01 08:00", "expires": f"2020-11-{n:02d}"}
        )
        for n in range(1, 4)
    }
    files["content/bai-viet/vua-het.md"] = bulletin_md({"expires": "2020-12-28"})
    files["content/bai-viet/nhap.md"] = bulletin_md({"draft": "true"})
    root = make_project(tmp_path, files)
    assert main(["build", "--root", str(root), "--now", "2021-01-01T09:00"]) == 0
    skips = sorted(line for line in capsys.readouterr().out.splitlines() if "Bỏ qua" in line)
    assert skips == [
        "Bỏ qua 3 bản tin đã hết hạn hơn 7 ngày (không liệt kê từng bài)",
        "Bỏ qua content/bai-viet/nhap.md: bản nháp (draft: true)",
        "Bỏ qua content/bai-viet/vua-het.md: đã hết hạn lúc 00:00, Thứ Hai, 28/12/2020",
    ]


def test_a_draft_page_gets_a_skip_line_and_a_page_told_of_already_does_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_renderers: None
) -> None:
    """A draft page was left out without a word, unlike a draft bulletin; an expired page has
    its note already, so no second line."""
    page = '---\ntitle: "{0}"\n{1}\n---\nNội dung.\n'
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/ok.md": bulletin_md(),
            "content/pages/nhap.md": page.format("Nháp", "draft: true"),
            "content/pages/het-han.md": page.format("Hết hạn", "expires: 2020-12-31"),
        },
    )
    assert main(["build", "--root", str(root), "--now", "2021-01-01T09:00"]) == 0
    captured = capsys.readouterr()
    skips = [line for line in captured.out.splitlines() if line.startswith("Bỏ qua")]
    assert skips == ["Bỏ qua content/pages/nhap.md: bản nháp (draft: true)"]
    assert "content/pages/het-han.md:3: ghi chú: trường 'expires'" in captured.err


def test_a_tick_for_the_approver_is_told_once_by_publish_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_renderers: None
) -> None:
    """`approved_by: có` was told twice: its error (a name is expected, how to write it) and
    «Bỏ qua …: chưa được duyệt (thiếu approved_by)», as if the field were not there at all."""
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/ok.md": bulletin_md(),
            "content/bai-viet/co.md": bulletin_md({"approved_by": "có"}),
            "content/bai-viet/chua-duyet.md": bulletin_md(drop=["approved_by"]),
        },
    )
    # A warning holding that bulletin alone (publish.person_fields); an error under --strict.
    assert main(["check", "--root", str(root), "--now", "2021-01-01T09:00"]) == 0
    captured = capsys.readouterr()
    told = captured.out + captured.err
    assert told.count("content/bai-viet/co.md") == 2  # the warning and its hint, nothing else
    assert "content/bai-viet/co.md:6: cảnh báo: trường 'approved_by': cần họ tên" in told
    assert "bản tin bị giữ lại, không đăng ở kênh nào" in told
    assert "Bỏ qua content/bai-viet/co.md" not in told
    # A field really missing is still told by its skip line.
    assert "Bỏ qua content/bai-viet/chua-duyet.md: chưa được duyệt (thiếu approved_by)" in told
    assert main(["check", "--root", str(root), "--now", "2021-01-01T09:00", "--strict"]) == 1
    told = "".join(capsys.readouterr())
    assert told.count("content/bai-viet/co.md") == 2
    assert "content/bai-viet/co.md:6: lỗi: trường 'approved_by': cần họ tên" in told


def test_a_draft_page_with_another_warning_still_gets_its_skip_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_renderers: None
) -> None:
    """A warning that is not about the hold (a misspelt key) does not tell that the page is
    left out: the skip line is still printed."""
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/ok.md": bulletin_md(),
            "content/pages/nhap.md": '---\ntitle: "Nháp"\ndraft: true\ntitel: "x"\n---\nNội dung.\n',
        },
    )
    assert main(["build", "--root", str(root), "--now", "2021-01-01T09:00"]) == 0
    captured = capsys.readouterr()
    assert "content/pages/nhap.md" in captured.err  # the misspelt key's warning
    skips = [line for line in captured.out.splitlines() if line.startswith("Bỏ qua")]
    assert skips == ["Bỏ qua content/pages/nhap.md: bản nháp (draft: true)"]


def test_build_channel_option_limits_what_is_written(tmp_path: Path, fake_renderers: None) -> None:
    root = make_project(tmp_path, ONE_BULLETIN)
    assert main(["build", "--root", str(root), "--channel", "web,zalo", "-q"]) == 0
    assert sorted(p.name for p in (root / "output").iterdir()) == ["web", "zalo"]


def test_a_channel_named_in_any_letter_case_is_built(tmp_path: Path, fake_renderers: None) -> None:
    """`--channel Web` (the name as written in a sentence) was refused as «kênh không tồn tại»."""
    root = make_project(tmp_path, ONE_BULLETIN)
    assert main(["build", "--root", str(root), "--channel", "Web", "--channel", "ZALO", "-q"]) == 0
    assert sorted(p.name for p in (root / "output").iterdir()) == ["web", "zalo"]


def test_the_published_count_is_of_the_channels_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_renderers: None
) -> None:
    """`--channel radio` told every published bulletin as published, those without the radio
    channel too: the count is of the bulletins that go out on the channels built."""
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/chi-web.md": bulletin_md({"channels": "[web]"}),
            "content/bai-viet/ca-dai.md": bulletin_md({"channels": "[web, radio]"}),
            "content/bai-viet/dai.md": bulletin_md({"channels": "[radio]"}),
        },
    )
    assert main(["build", "--root", str(root), "--channel", "radio"]) == 0
    assert f"2 bản tin được xuất bản vào {root}/output/." in capsys.readouterr().out
    assert main(["build", "--root", str(root), "--channel", "web,radio"]) == 0
    assert f"3 bản tin được xuất bản vào {root}/output/." in capsys.readouterr().out
    assert main(["check", "--root", str(root), "--channel", "web"]) == 0
    assert "đã kiểm tra 3 bản tin, 2 xuất bản được" in capsys.readouterr().out


def test_unknown_channel_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_renderers: None
) -> None:
    root = make_project(tmp_path, ONE_BULLETIN)
    assert main(["build", "--root", str(root), "--channel", "facebook"]) == 1
    assert "kênh không tồn tại: facebook" in capsys.readouterr().err
    assert not (root / "output").exists()


@pytest.mark.parametrize("empty", ["", ",", " "])
def test_an_empty_channel_option_exits_1_instead_of_building_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], empty: str
) -> None:
    """`--channel "$CHANNELS"` with the CI variable unset must not report success."""
    root = make_project(tmp_path, ONE_BULLETIN)
    assert main(["build", "--root", str(root), "--channel", empty]) == 1
    assert "--channel: lỗi: chưa ghi tên kênh" in capsys.readouterr().err
    assert not (root / "output").exists()


def test_a_classification_not_understood_is_counted_apart_from_secret_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_renderers: None
) -> None:
    """It was counted «1 mật» beside a line saying the tool did not understand it."""
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/a.md": bulletin_md(),
            "content/bai-viet/khong-ro.md": bulletin_md({"classification": '"A"'}),
        },
    )
    assert main(["check", "--root", str(root), "--now", "2021-01-01T09:00"]) == 0
    out = capsys.readouterr().out
    assert "1 bị giữ lại (1 phân loại không rõ)" in out


@pytest.mark.parametrize(
    ("now", "published"),
    [
        ("2020-12-08T01:00Z", True),
        ("2020-12-08T00:59Z", False),
        ("2020-12-08 08:00", True),
        ("2020-12-08T07:59+07:00", False),
        ("08/12/2020 08:00", True),
    ],
)
def test_now_option_sets_the_clock(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fake_renderers: None,
    now: str,
    published: bool,
) -> None:
    root = make_project(tmp_path, ONE_BULLETIN)
    assert main(["check", "--root", str(root), "--now", now]) == 0
    out = capsys.readouterr().out
    expected = "1 xuất bản được" if published else "0 xuất bản được, 1 bị giữ lại (1 hẹn giờ)"
    assert expected in out


def test_now_help_shows_the_editors_own_form_which_sets_the_clock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_renderers: None
) -> None:
    """The help showed only 2020-12-08T09:00, so editors thought «08/12/2020 9h», the way they
    write a bulletin's date, was refused."""
    helped = " ".join(publish("check", "--help").stdout.split())
    assert '--now "08/12/2020 9h"' in helped
    root = make_project(tmp_path, ONE_BULLETIN)
    assert main(["check", "--root", str(root), "--now", "08/12/2020 9h"]) == 0
    assert "1 xuất bản được" in capsys.readouterr().out


def test_check_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_renderers: None
) -> None:
    root = gated_project(tmp_path)
    assert main(["check", "--root", str(root), "--now", "2021-01-01T09:00"]) == 0
    out = capsys.readouterr().out
    assert (
        "Không có lỗi: đã kiểm tra 5 bản tin, 1 xuất bản được, 4 bị giữ lại (1 bản nháp, "
        "1 chưa duyệt, 1 hẹn giờ, 1 hết hạn)"
    ) in out
    assert not (root / "output").exists()


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize(
    ("policy", "how"),
    [
        ("", 'publish approve TỆP... --by "Họ tên, chức vụ" --publish'),
        ("[policy]\nrequire_approval = false\n", "bỏ dòng draft: true"),
    ],
    ids=["approval", "no-approval"],
)
def test_drafts_only_say_they_were_checked_and_how_to_publish_one(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fake_renderers: None,
    command: str,
    policy: str,
    how: str,
) -> None:
    """A new unit's first bulletins are all drafts: «0 xuất bản được» alone read as if nothing
    had been looked at."""
    draft = bulletin_md({"draft": "true"})
    root = make_project(
        tmp_path,
        {
            "site.toml": add_toml(SITE_TOML, policy),
            "content/bai-viet/a.md": draft,
            "content/bai-viet/b.md": draft,
        },
    )
    assert main([command, "--root", str(root), "--now", "2021-01-01T09:00"]) == 0
    out = capsys.readouterr().out
    if command == "check":
        assert (
            "Không có lỗi: đã kiểm tra 2 bản tin, 0 xuất bản được, 2 bị giữ lại (2 bản nháp)" in out
        )
    else:
        assert f"0 bản tin được xuất bản vào {root}/output/; 2 bị giữ lại (2 bản nháp)." in out
    last = out.splitlines()[-1]  # the last thing read: what to do next
    assert (
        last.startswith("Chưa có bản tin nào được đăng. Muốn đăng một bản nháp: ") and how in last
    )


def test_check_names_each_held_bulletin_and_why_as_build_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_renderers: None
) -> None:
    root = gated_project(tmp_path)
    (root / "content/bai-viet/go-sai.md").write_text(
        bulletin_md({"aproved_by": '"Thượng tá Nguyễn Văn Hùng"'}, drop=["approved_by"]),
        encoding="utf-8",
    )
    now = "2021-01-01T09:00"
    assert main(["build", "--root", str(root), "--now", now, "--output", "out"]) == 0
    built = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Bỏ qua")]
    assert main(["check", "--root", str(root), "--now", now]) == 0
    out, err = capsys.readouterr()
    assert [line for line in out.splitlines() if line.startswith("Bỏ qua")] == built
    assert "Bỏ qua content/bai-viet/go-sai.md: chưa được duyệt (thiếu approved_by)" in built
    assert "go-sai.md:6: cảnh báo: trường 'aproved_by'" in err
    assert (
        "Không có lỗi: đã kiểm tra 6 bản tin, 1 xuất bản được, 5 bị giữ lại (1 bản nháp, 2 chưa duyệt"
        in out
    )


def test_check_names_the_held_bulletins_when_it_finds_errors_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_renderers: None
) -> None:
    root = gated_project(tmp_path)
    (root / "content/bai-viet/loi.md").write_text(
        bulletin_md({"zalo": "\n  tieu_de: Ngắn"}), encoding="utf-8"
    )
    assert main(["check", "--root", str(root), "--now", "2021-01-01T09:00"]) == 1
    out, err = capsys.readouterr()
    assert "Bỏ qua content/bai-viet/nhap.md: bản nháp (draft: true)" in out
    assert "trường 'zalo.tieu_de'" in err


def test_build_error_keeps_previous_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_renderers: None
) -> None:
    root = make_project(tmp_path, ONE_BULLETIN)
    assert main(["build", "--root", str(root), "-q"]) == 0
    before = (root / "output/web/index.txt").read_bytes()
    (root / "content/bai-viet/b.md").write_text(bulletin_md(drop=["title"]), encoding="utf-8")
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "content/bai-viet/b.md:2: lỗi: trường 'title'" in err
    assert "Chưa có gì được ghi" in err
    assert (root / "output/web/index.txt").read_bytes() == before


def test_a_build_leaves_nothing_frozen_from_the_collector(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build hides what it loads from the cyclic GC (gc.freeze: the site, shelves, page
    jobs) and collects seldom while it runs, and gives both back when it ends, also when a
    bulletin is broken or the build fails in the loader: a long-lived process (publish serve, a
    test run) must go on collecting as before."""
    import gc

    from publish import pipeline

    gc.unfreeze()
    thresholds = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    real = pipeline.load_site

    def loading(*args: Any, **kwargs: Any) -> Site:
        """`load_site`, noting the collector's thresholds while it runs."""
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "load_site", loading)
    root = make_project(tmp_path, ONE_BULLETIN)
    assert main(["build", "--root", str(root), "--channel", "web", "-q"]) == 0
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == thresholds
    (root / "content/bai-viet/a.md").write_text(bulletin_md() + "\nSửa.\n", encoding="utf-8")
    assert (
        main(["build", "--root", str(root), "--channel", "web", "-q"]) == 0
    )  # from the cache's shelves
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == thresholds
    (root / "content/bai-viet/b.md").write_text(bulletin_md(drop=["title"]), encoding="utf-8")
    assert main(["build", "--root", str(root), "--channel", "web", "-q"]) == 1
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == thresholds
    assert seen == [pipeline.BUILD_GC_THRESHOLD] * 3  # seldom while it ran


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(errno.EACCES, "Permission denied", "/srv/output"), "không có quyền (/srv/output)"),
        (OSError(errno.ENOENT, "No such file or directory"), "không có tệp hay thư mục này\n"),
        (OSError(errno.EPROTO, "Protocol error"), "Protocol error\n"),  # none of ours: as it is
    ],
)
def test_an_os_error_is_told_in_vietnamese_with_its_path(
    error: OSError,
    expected: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def failing(args: argparse.Namespace) -> int:
        raise error

    monkeypatch.setattr("publish.commands.next.run", failing)
    assert main(["next"]) == 1
    err = capsys.readouterr().err
    assert err == f"lỗi hệ thống tệp: {expected}" + ("" if expected.endswith("\n") else "\n")
    assert "()" not in err


def test_internal_error_has_no_traceback_unless_debug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch, ["web"], fail_after=0)
    root = make_project(tmp_path, ONE_BULLETIN)
    assert main(["build", "--root", str(root), "--channel", "web"]) == 1
    err = capsys.readouterr().err
    assert "Lỗi nội bộ không mong đợi (RuntimeError)" in err
    assert "--debug" in err and "Traceback" not in err
    with pytest.raises(RuntimeError, match="mid-stream"):
        main(["build", "--root", str(root), "--channel", "web", "--debug"])


def test_check_finds_two_artifacts_with_the_same_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A renderer that puts every bulletin at one path, as a slug clash in a template would.
    clashing = types.ModuleType("tests_clashing_renderer")
    clashing.render = lambda site: [  # type: ignore[attr-defined]
        Artifact.text("web", "trung.html", b.title, source=b.source) for b in site.bulletins
    ]
    monkeypatch.setitem(sys.modules, clashing.__name__, clashing)
    monkeypatch.setitem(pipeline.RENDERERS, "web", clashing.__name__)
    files = {"content/bai-viet/a.md": bulletin_md(), "content/bai-viet/b.md": bulletin_md()}
    root = make_project(tmp_path, files)
    assert main(["check", "--root", str(root), "--channel", "web"]) == 1
    err = capsys.readouterr().err
    assert "hai tệp cùng tạo ra output/web/trung.html" in err
    assert "content/bai-viet/a.md" in err and "content/bai-viet/b.md" in err


def test_real_web_build_as_subprocess_then_noop_rebuild_keeps_mtimes(tmp_path: Path) -> None:
    pytest.importorskip("publish.render.web")
    root = make_project(
        tmp_path,
        {**ONE_BULLETIN, "content/bai-viet/nhap.md": bulletin_md({"draft": "true"})},
    )
    args = ("build", "--root", root, "--channel", "web", "--now", "2021-01-01T09:00")
    first = publish(*args, fresh=True)
    assert first.returncode == 0, first.stderr
    assert "Bỏ qua content/bai-viet/nhap.md: bản nháp (draft: true)" in first.stdout
    files = sorted(p for p in (root / "output/web").rglob("*") if p.is_file())
    assert root / "output/web/2020/12/a/index.html" in files
    for path in files:
        os.utime(path, (1_600_000_000, 1_600_000_000))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}

    second = publish(*args)
    assert second.returncode == 0, second.stderr
    assert "web: 0 tệp ghi mới" in second.stdout
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    assert after == before
    assert sorted(p for p in (root / "output/web").rglob("*") if p.is_file()) == files


@pytest.mark.parametrize("buffered", [True, False])
def test_output_piped_into_a_reader_that_stops_early_ends_quietly(
    tmp_path: Path, buffered: bool
) -> None:
    """`publish init … | head -1`: the project is made, and no «lỗi hệ thống tệp: Broken pipe»,
    whether the output waits in the pipe's buffer until the end (Python's default) or is
    written as it is printed (PYTHONUNBUFFERED, as some CI runners set)."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before anything is written
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PUBLISH_") and k != "PYTHONUNBUFFERED"
    }
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "publish",
                "init",
                str(tmp_path / "moi"),
                "--unit",
                "Công an xã A",
            ],
            stdout=write_end,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert done.stderr.decode("utf-8") == ""
    assert done.returncode == 141
    assert (tmp_path / "moi" / "site.toml").is_file()


def _logged(root: Path, words: list[str], *, unbuffered: bool) -> tuple[int, str]:
    """`publish WORDS` with stdout and stderr into one log file as cron or `> log 2>&1` has them
    (`unbuffered`: PYTHONUNBUFFERED, each line written out as it is printed); exit code, log."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PUBLISH_") and k != "PYTHONUNBUFFERED"
    }
    env["PUBLISH_RADIO_DIR"] = str(root / "site.toml")  # a file: the radio channel fails
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    log = root.parent / f"{root.name}.log"
    with log.open("wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "publish", "--root", str(root), *words],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            timeout=120,
        )
    # How long the run took is the one line two runs may differ in.
    return done.returncode, re.sub(r"sau [\d,]+ giây", "sau … giây", log.read_text("utf-8"))


@pytest.mark.parametrize(
    "words",
    [["check"], ["build", "--channel", "radio"], ["sync", "radio"]],
    ids=["check", "build", "sync"],
)
def test_a_log_that_is_not_a_terminal_reads_in_the_order_lines_were_printed(
    tmp_path: Path, words: list[str]
) -> None:
    """`publish sync > log 2>&1` (cron, `| tee`): stdout waits in a buffer and stderr does not,
    and «Có kênh gặp lỗi cần sửa (xem ở trên).» came before the summary it points to. The log
    reads as the same run with each line written out at once."""
    argv = [*words, "--now", "2024-12-12T12:00"]
    runs = {
        unbuffered: _logged(
            Path(shutil.copytree(FIXTURES / "radio", tmp_path / f"p{unbuffered:d}")),
            argv,
            unbuffered=unbuffered,
        )
        for unbuffered in (False, True)
    }
    code, log = runs[False]
    assert runs[True] == (code, log.replace(f"{tmp_path}/p0", f"{tmp_path}/p1"))
    assert "cảnh báo: chặn phát thanh" in log  # a stderr line among stdout's
    if words[0] == "sync":
        assert code == 1
        assert log.index("Tóm tắt đồng bộ:") < log.index("Có kênh gặp lỗi cần sửa (xem ở trên).")
        assert log.rstrip().endswith("Có kênh gặp lỗi cần sửa (xem ở trên).")


@pytest.mark.parametrize(
    ("words", "told"),
    [
        (
            ["new", "Cảnh", "báo", "lừa", "đảo", "--category", "an-ninh-trat-tu"],
            "publish new: lỗi: tham số không nhận ra: báo lừa đảo. Giá trị có dấu cách phải đặt "
            'trong ngoặc kép, ví dụ publish new "Cảnh báo lừa đảo qua mạng"',
        ),
        (
            ["approve", "content/a.md", "--by", "Thượng", "tá", "Hùng", "--publsh"],
            "publish approve: lỗi: tham số không nhận ra: tá Hùng --publsh; có phải ý bạn là "
            "--publish (thay cho --publsh)? Giá trị có dấu cách phải đặt trong ngoặc kép",
        ),
        (
            ["build", "--strictt"],
            "publish build: lỗi: tham số không nhận ra: --strictt; có phải ý bạn là --strict "
            "(thay cho --strictt)?\n",
        ),
        (
            ["approve", "content/a.md", "--by", "Hùng", "b.md"],
            "publish approve: lỗi: tham số không nhận ra: b.md. Ghi mọi tệp trước --by, ví dụ "
            "publish approve content/a.md b.md --by Hùng.\n",
        ),
        (
            ["approve", "a.md", "--by", "Nguyễn", "Văn", "Hùng", "b.md"],
            "tham số không nhận ra: Văn Hùng b.md. Ghi mọi tệp trước --by, ví dụ publish "
            'approve a.md b.md --by "Nguyễn Văn Hùng". Giá trị có dấu cách phải đặt trong',
        ),
        (
            ["check", "--strcit=1"],
            "có phải ý bạn là --strict (thay cho --strcit=1)? --strict không nhận giá trị: chỉ "
            "ghi --strict, không có «=…».\n",
        ),
        (
            ["check", "--strict", "1"],
            "publish check: lỗi: tham số không nhận ra: 1; --strict không nhận giá trị: bỏ «1» đi, "
            "chỉ ghi --strict\n",
        ),
        (
            ["check", "--strict=1"],
            "publish check: lỗi: tham số --strict: tùy chọn này không nhận giá trị: bỏ «=1» đi\n",
        ),
        (
            ["sync", "--d"],
            "publish sync: lỗi: tùy chọn --d chưa rõ là tùy chọn nào: --debug, --dry-run; gõ đủ "
            "tên tùy chọn\n",
        ),
    ],
)
def test_words_a_command_does_not_take_are_told_with_what_was_meant(
    capsys: pytest.CaptureFixture[str], words: list[str], told: str
) -> None:
    """A title or a name typed without quotes gave «publish: lỗi: tham số không nhận ra: báo
    lừa đảo» under the usage of publish itself: nothing said to add quotes, nor which option a
    typo meant. A file typed after `approve --by NAME` was told to add quotes, not to move it
    before --by; «--strcit=1» was sent to «--strict», which then refused the «=1» in English,
    as it did a shortened option that could be two («--d»)."""
    with pytest.raises(SystemExit) as exited:
        main(words)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert told in err
    assert err.startswith(f"cách dùng: publish {words[0]} ")  # the command's own usage


def test_the_files_first_hint_quotes_a_file_name_with_a_space(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A file typed after `approve --by NAME` was told «Ghi mọi tệp trước --by, ví dụ publish
    approve content/bai-viet/Tin mới.md …»: copied, a shell read «Tin» and «mới.md», two files
    that are not there, and the approver was sent round again."""
    spaced, other = "content/bai-viet/Tin mới.md", "content/bai-viet/tin cũ.md"
    by = 'Đại úy Lê Văn "Ba"'  # a quote in the name: «--by "…"» would end it early
    with pytest.raises(SystemExit):
        main(["approve", spaced, "content/a.md", "--by", by, other])
    err = capsys.readouterr().err
    told = re.search(r"ví dụ (publish approve .*)\.$", err, re.MULTILINE)
    assert told is not None, err
    assert shlex.split(told[1]) == [
        "publish", "approve", spaced, "content/a.md", other, "--by", by
    ]  # fmt: skip


def test_strict_says_a_draft_s_warning_waits_for_its_approval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A draft quoting an ID card number: `publish check --strict` passes (it is not to be
    published) and said the warning was «của một kênh hay một liên kết», which it is not. It
    now says the bulletin is held back, and that the warning stops the run once approved."""
    from tests.helpers import bulletin_md, make_project

    body = "Đối tượng có số CCCD 087090001234 đã bị triệu tập.\n"
    draft = bulletin_md({"draft": "true"}, body=body)
    root = make_project(tmp_path, {"content/bai-viet/2020-12-08-nhap.md": draft})
    assert main(["check", "--root", str(root), "--now", "2021-01-01 09:00", "--strict"]) == 0
    said = capsys.readouterr()
    assert "CCCD" in said.err
    last = next(line for line in said.out.splitlines() if "Không có lỗi" in line)
    assert "của một kênh hay một liên kết" not in last
    assert "bản nháp" in last and "khi bài được duyệt" in last


@pytest.mark.parametrize("command", ["serve", "zalo-sandbox"])
@pytest.mark.parametrize("port", ["359177", "65536", "-1", "tám"])
def test_a_port_out_of_range_is_told_not_an_internal_error(
    tmp_path: Path, command: str, port: str
) -> None:
    """A port past 65535 reached the socket (OverflowError: «Lỗi nội bộ không mong đợi») in
    zalo-sandbox; both listening commands say which numbers a port may be, before starting."""
    result = publish(command, "--port", port, cwd=tmp_path)
    assert result.returncode == 2
    assert f"cổng phải là số từ 0 đến 65535, không phải «{port}»" in result.stderr
    assert "Lỗi nội bộ" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("option", "value", "told"),
    [
        ("--latency", "-1", "cần số giây từ 0 trở lên"),
        ("--access-ttl", "nan", "cần số giây từ 0 trở lên"),
        ("--drop-rate", "2", "cần tỉ lệ từ 0 đến 1"),
        ("--fail-5xx-rate", "-0.5", "cần tỉ lệ từ 0 đến 1"),
        ("--fail-5xx-status", "200", "cần mã lỗi HTTP từ 400 đến 599"),
        ("--followers", "-5", "cần số nguyên từ 0 trở lên"),
        ("--rate-limit", "nhiều", "cần số nguyên từ 0 trở lên"),
    ],
)
def test_a_sandbox_knob_it_cannot_use_is_refused_before_it_starts(
    tmp_path: Path, option: str, value: str, told: str
) -> None:
    """A negative latency started the sandbox, then failed every call inside it (time.sleep
    refuses it) with a traceback in its window; each knob now says what it may be."""
    result = publish("zalo-sandbox", "--port", "0", option, value, cwd=tmp_path)
    assert result.returncode == 2
    assert f"tham số {option}: {told}" in result.stderr
    assert f"không phải «{value}»" in result.stderr
    assert "Sandbox Zalo OA đang chạy" not in result.stdout


@pytest.mark.parametrize("value", ["-5", "0", "nan", "inf", "mười"])
def test_a_login_wait_it_cannot_keep_is_refused(tmp_path: Path, value: str) -> None:
    """`zalo-login --timeout -5` said it would wait «tối đa -5 giây» and gave up at once; nan
    and inf waited for ever. A wait is a number of seconds above 0."""
    result = publish("zalo-login", "--timeout", value, cwd=tmp_path)
    assert result.returncode == 2
    assert f"tham số --timeout: cần số giây lớn hơn 0 (ví dụ 600), không phải «{value}»" in (
        result.stderr
    )


CRASH_AFTER_PRINTING = """
import sys
import publish.commands.check as check
from publish.cli import run

def crash(args):
    print("Đã đọc 3 bản tin.")
    raise RuntimeError("hỏng giữa chừng")

check.run = crash
sys.argv = ["publish", *sys.argv[1:]]
run()
"""


def test_a_debug_traceback_in_a_log_comes_after_what_was_printed_before_it(
    tmp_path: Path,
) -> None:
    """`publish … --debug > log 2>&1`: stdout waited in its buffer and the traceback, written
    to stderr at once, came before the lines printed ahead of the error."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    log = tmp_path / "log"
    with log.open("wb") as out:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                CRASH_AFTER_PRINTING,
                "--root",
                str(tmp_path),
                "check",
                "--debug",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            timeout=120,
        )
    text = log.read_text("utf-8")
    assert done.returncode == 1, text
    assert "RuntimeError: hỏng giữa chừng" in text
    assert text.index("Đã đọc 3 bản tin.") < text.index("Traceback"), text
