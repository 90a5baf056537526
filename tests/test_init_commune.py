"""`publish init` for a commune-level unit after 1/7/2025 (Công an xã, phường, thị trấn, đặc
khu, directly under the provincial police): what a non-programmer following README sees."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from publish import config
from tests.helpers import publish_command

TAN_PHU = "Công an xã Tân Phú, tỉnh Đồng Tháp"


def publish(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m publish ARGS` (see publish_command)."""
    return publish_command(*args, cwd=cwd)


def about_lead(root: Path) -> str:
    """The first paragraph of the about page, after its editor's comment."""
    text = (root / "content" / "pages" / "gioi-thieu.md").read_text("utf-8")
    body = text.split("-->", 1)[1]
    return body.strip().split("\n\n", 1)[0]


@pytest.mark.parametrize(
    ("unit", "area", "superior"),
    [
        (TAN_PHU, None, "Công an tỉnh Đồng Tháp"),
        ("Công an phường Hải Châu", "thành phố Đà Nẵng", "Công an thành phố Đà Nẵng"),
        # Nghị định 30/2020 capitalises «Thành phố» in this one city's name.
        ("Công an phường Bến Nghé, Quận 1, TP. Hồ Chí Minh", None, "Công an Thành phố Hồ Chí Minh"),
        ("Công an đặc khu Phú Quốc", "tỉnh An Giang", "Công an tỉnh An Giang"),
    ],
)
def test_the_about_page_names_the_provincial_police_a_commune_belongs_to(
    tmp_path: Path, unit: str, area: str | None, superior: str
) -> None:
    """The about page's first line asked «trực thuộc … (Công an tỉnh, thành phố)» although the
    command had been told the province: since 1/7/2025 a commune's police is under it."""
    made = publish("init", tmp_path / "p", "--unit", unit, *(["--area", area] if area else []))
    assert made.returncode == 0, made.stderr
    lead = about_lead(tmp_path / "p")
    assert f"là đơn vị trực thuộc {superior}, có chức năng" in lead
    assert "CẦN BỔ SUNG" not in lead and "…" not in lead


@pytest.mark.parametrize(
    ("unit", "area"),
    [
        ("Công an xã Tân Phú", None),  # province unknown
        ("Công an thành phố Cao Lãnh", None),  # a provincial city before 2025: no province
        ("Phòng Cảnh sát giao thông, Công an tỉnh Quảng Nam", "tỉnh Quảng Nam"),
    ],
)
def test_the_about_page_still_asks_for_the_superior_when_it_is_not_known(
    tmp_path: Path, unit: str, area: str | None
) -> None:
    made = publish("init", tmp_path / "p", "--unit", unit, *(["--area", area] if area else []))
    assert made.returncode == 0, made.stderr
    assert about_lead(tmp_path / "p").startswith("**CẦN BỔ SUNG:**")


@pytest.mark.parametrize(
    ("unit", "short"),
    [
        (TAN_PHU, "Công an xã Tân Phú"),
        ("Công an phường Bến Nghé", "Công an phường Bến Nghé"),
        ("Công an thị trấn Cái Tàu Hạ", "Công an thị trấn Cái Tàu Hạ"),
        ("Công an đặc khu Phú Quốc", "Công an đặc khu Phú Quốc"),
        ("Công an huyện Châu Thành", "Công an Châu Thành"),
        ("Công an tỉnh Đồng Tháp", "Công an Đồng Tháp"),
    ],
)
def test_a_commune_unit_keeps_its_level_in_the_short_name(
    tmp_path: Path, unit: str, short: str
) -> None:
    """«Công an Tân Phú», the Zalo author, radio lead-in and «Trang Zalo …» of the footer, reads
    as the police of a district or province (Công an Châu Thành, Công an Đồng Tháp); after the
    2025 mergers many communes share a name, and their pages and OA say «Công an xã …»."""
    made = publish("init", tmp_path / "p", "--unit", unit)
    assert made.returncode == 0, made.stderr
    assert config.load(tmp_path / "p").unit.short_name == short


def test_the_area_left_out_is_marked_to_complete(tmp_path: Path) -> None:
    """README says what init does not know, the area among it, is marked «CẦN BỔ SUNG:»; the
    area was left empty without a mark, and the header of a commune's site named no province."""
    made = publish("init", tmp_path / "p", "--unit", "Công an xã Tân Phú")
    assert made.returncode == 0, made.stderr
    line = next(
        line
        for line in (tmp_path / "p" / "site.toml").read_text("utf-8").splitlines()
        if line.startswith("area =")
    )
    assert line.startswith('area = ""  # CẦN BỔ SUNG:') and "tỉnh" in line
    # Told the area, or a province's own police (its name is its area): nothing to complete.
    for folder, unit in (("q", TAN_PHU), ("r", "Công an tỉnh Lâm Đồng")):
        given = publish("init", tmp_path / folder, "--unit", unit)
        assert given.returncode == 0, given.stderr
        text = (tmp_path / folder / "site.toml").read_text("utf-8")
        assert "CẦN BỔ SUNG" not in text.split("[site]")[0].split("[unit]")[1], unit
    # A city inside a province (before 1/7/2025) is no province: its police's name is no area.
    city = publish("init", tmp_path / "s", "--unit", "Công an thành phố Cao Lãnh")
    assert city.returncode == 0, city.stderr
    area = next(
        line
        for line in (tmp_path / "s" / "site.toml").read_text("utf-8").splitlines()
        if line.startswith("area =")
    )
    assert area.startswith('area = ""  # CẦN BỔ SUNG:') and "tỉnh" in area


def test_the_next_steps_cover_a_first_commit_on_a_new_machine_the_radio_and_the_trial_run(
    tmp_path: Path,
) -> None:
    """A commune's staff following the printed steps met git's English «Author identity
    unknown» on a machine that never used git, were never told where the station's scripts go,
    and were sent to the credentials before the sandbox trial README asks for first."""
    made = publish("init", tmp_path / "p", "--unit", TAN_PHU)
    assert made.returncode == 0, made.stderr
    steps = made.stdout
    assert steps.index('git config --global user.name "') < steps.index("git commit")
    assert "[radio] folder" in steps and "site.toml" in steps
    assert "«Lần chạy đầu tiên»" in steps and "publish zalo-sandbox" in steps
    assert "Settings → Pages" in steps  # the GitHub template's deploy job fails without it


def git(*args: str, cwd: Path) -> str:
    """Run git in `cwd` with a throwaway identity; its output."""
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
        "HOME": str(cwd),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_requirements_txt_says_how_to_find_where_the_tool_came_from(tmp_path: Path) -> None:
    """«ghi nơi lấy công cụ» left a commune's staff with the example git.example address and a
    v0.1.0 tag that no repository has: the line now says the two commands that print the address
    and the commit of the source folder they installed from."""
    repo = Path(__file__).resolve().parents[1]
    if subprocess.run(["git", "-C", str(repo), "remote"], capture_output=True, text=True).stdout:
        pytest.skip("this checkout has a remote: the tool is named, see the test below")
    made = publish("init", tmp_path / "p", "--unit", TAN_PHU)
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "p" / "requirements.txt").read_text("utf-8")
    assert "CẦN BỔ SUNG:" in text
    assert "git remote get-url origin" in text and "git rev-parse HEAD" in text
    assert "@v0.1.0" not in text


def test_requirements_txt_pins_the_tool_installed_from_a_clone(tmp_path: Path) -> None:
    """Installed with `pip install .` in a clone whose commit is on its remote, the tool knows
    what CI must install: requirements.txt is filled in, nothing to complete."""
    from publish.commands.init import _tool_requirement

    upstream = tmp_path / "upstream"
    upstream.mkdir()
    git("init", "-q", "-b", "main", cwd=upstream)
    (upstream / "a").write_text("a", encoding="utf-8")
    git("add", "a", cwd=upstream)
    git("commit", "-qm", "a", cwd=upstream)
    clone = tmp_path / "publish"
    git("clone", "-q", str(upstream), str(clone), cwd=tmp_path)
    git("remote", "set-url", "origin", "git@github.com:congan-dt/publish.git", cwd=clone)
    head = git("rev-parse", "HEAD", cwd=clone)
    installed = {"url": clone.as_uri(), "dir_info": {}}
    want = f"publish @ git+ssh://git@github.com/congan-dt/publish.git@{head}"
    assert _tool_requirement(installed) == want
    git("remote", "set-url", "origin", "https://github.com/congan-dt/publish.git", cwd=clone)
    want = f"publish @ git+https://github.com/congan-dt/publish.git@{head}"
    assert _tool_requirement(installed) == want
    token = "https://x-access-token:ghp_0123456789abcdef@github.com/congan-dt/publish.git"
    git("remote", "set-url", "origin", token, cwd=clone)
    assert _tool_requirement(installed) == want  # a token in the clone's address stays out
    vcs = {
        "url": "https://git.example.gov.vn/publish.git",
        "vcs_info": {"vcs": "git", "commit_id": "abc123"},
    }
    assert _tool_requirement(vcs) == "publish @ git+https://git.example.gov.vn/publish.git@abc123"
    (clone / "b").write_text("b", encoding="utf-8")  # a commit the remote has never seen
    git("add", "b", cwd=clone)
    git("commit", "-qm", "b", cwd=clone)
    assert _tool_requirement(installed) is None
    git("remote", "set-url", "origin", str(upstream), cwd=clone)  # a folder CI cannot reach
    git("reset", "-q", "--hard", head, cwd=clone)
    assert _tool_requirement(installed) is None


@pytest.mark.parametrize("phone", ["0277 3850 113 (trực 24/24)", "Trực ban 24/24: 0277 3850 113"])
def test_a_hotline_written_with_its_duty_hours_is_taken_as_site_toml_takes_it(
    tmp_path: Path, phone: str
) -> None:
    """site.toml takes «0277 3850 113 (trực 24/24)» without a warning (the page dials the
    number), but init refused it, telling the staff to write «other numbers» on the contact
    page although there was only one."""
    made = publish("init", tmp_path / "p", "--unit", TAN_PHU, "--phone", phone)
    assert made.returncode == 0, made.stderr
    assert config.load(tmp_path / "p").contact.hotline == phone
    checked = publish("check", cwd=tmp_path / "p")
    assert "hotline" not in checked.stdout + checked.stderr


@pytest.mark.parametrize("phone", ["0277 3850 113 - 0918 123 456", "Hotline 1: 0277 3850 113"])
def test_a_hotline_with_other_digits_is_still_refused(tmp_path: Path, phone: str) -> None:
    made = publish("init", tmp_path / "p", "--unit", TAN_PHU, "--phone", phone)
    assert made.returncode == 1
    assert "--phone: lỗi" in made.stderr and "(trực 24/24)" in made.stderr
    assert not (tmp_path / "p").exists()


def test_a_project_inside_the_tools_source_folder_is_refused(tmp_path: Path) -> None:
    """README installs the tool from inside its source folder, then asks for the unit's project
    «ở một thư mục ngoài thư mục mã nguồn»; staff who stayed there got the unit's repository
    nested in the tool's clone, where updating the tool (git clean, a new clone) loses it."""
    source = tmp_path / "cong-cu-publish"
    (source / "publish" / "starter").mkdir(parents=True)
    (source / "pyproject.toml").write_text('[project]\nname = "publish"\n', encoding="utf-8")
    # Not run from inside it: `python -m publish` would import the fake package there.
    made = publish("init", source / "congan-tanphu", "--unit", TAN_PHU, cwd=tmp_path)
    assert made.returncode == 1
    assert "thư mục mã nguồn của công cụ publish" in made.stderr
    assert str(tmp_path / "congan-tanphu") in made.stderr  # where to run it instead
    assert "Traceback" not in made.stderr
    assert not (source / "congan-tanphu").exists()
    elsewhere = publish("init", tmp_path / "congan-tanphu", "--unit", TAN_PHU, cwd=tmp_path)
    assert elsewhere.returncode == 0, elsewhere.stderr


def test_the_next_steps_give_windows_a_way_to_find_the_marks_and_trust_a_named_tool(
    tmp_path: Path,
) -> None:
    """Step 1 gave only grep, which Windows' cmd has not; step 7 asked to write where the tool
    comes from even when init had written it in requirements.txt already."""
    from publish.commands.init import _next_steps

    made = publish("init", tmp_path / "p", "--unit", TAN_PHU)
    assert made.returncode == 0, made.stderr
    first = next(line for line in made.stdout.splitlines() if line.startswith("  1. "))
    assert "grep -rn" in first and "Windows" in first and "ô tìm kiếm" in first
    named = _next_steps(tmp_path / "p", TAN_PHU, "phong-trao-toan-dan", tool_named=True)
    assert "ghi nơi lấy công cụ" not in named and "requirements.txt đã ghi sẵn" in named
    unnamed = _next_steps(tmp_path / "p", TAN_PHU, "phong-trao-toan-dan", tool_named=False)
    assert "ghi nơi lấy công cụ trong requirements.txt" in unnamed


def first_run_step() -> str:
    """README's «Lần chạy đầu tiên», step 1: the sandbox trial init's step 7 sends a unit to."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    section = readme.split("### Lần chạy đầu tiên", 1)[1]
    return section.split("\n2. ", 1)[0]


def test_a_new_commune_without_an_oa_follows_the_first_run_trial_against_the_sandbox(
    tmp_path: Path,
) -> None:
    """A commune made by init without --oa-id, trying README's sandbox step, saw «chưa cấu hình
    Zalo OA … không gửi gì»: the step never said what to write for the trial. Following it (the
    temporary oa_id it gives, the sandbox started in the unit's folder) the first sync creates
    the bulletin on the sandbox OA and the second changes nothing."""
    import os
    import re
    import signal
    import sys

    step = first_run_step()
    temporary = re.search(r'`oa_id = "(\d+)"`', step)
    assert temporary, "README's first-run step says no oa_id to write for the trial"
    root = tmp_path / "congan-tanphu"
    made = publish("init", root, "--unit", TAN_PHU)
    assert made.returncode == 0, made.stderr
    toml = root / "site.toml"
    text = toml.read_text("utf-8")
    assert re.search(r'^oa_id = ""', text, re.M)
    text = re.sub(r"^oa_id = .*$", temporary[0].strip("`"), text, flags=re.M)
    # init leaves zalo out of default_channels without an OA: the step says what to write.
    channels = re.search(r"`(default_channels = \[[^]]*\])`", step)
    assert channels and '"zalo"' in channels[1], "README's step does not add zalo to the channels"
    text = re.sub(r"^default_channels = .*$", channels[1], text, flags=re.M)
    toml.write_text(text, "utf-8")
    new = publish(
        "new", "Cảnh báo cuộc gọi giả danh Công an xã", "--category", "an-ninh-trat-tu", cwd=root
    )
    assert new.returncode == 0, new.stderr
    bulletin = root / new.stdout.split()[0]
    body = bulletin.read_text("utf-8")
    body = body.replace(
        "Tóm tắt bản tin trong một, hai câu.", "Không cung cấp mã OTP qua điện thoại."
    )
    body = body.replace("Viết nội dung bản tin ở đây.", "Công an xã không gọi điện đòi mã OTP.")
    bulletin.write_text(body, "utf-8")
    approved = publish("approve", bulletin, "--publish", "--by", "Trưởng Công an xã", cwd=root)
    assert approved.returncode == 0, approved.stderr
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PUBLISH_", "ZALO_"))}
    sandbox = subprocess.Popen(
        [sys.executable, "-m", "publish", "zalo-sandbox", "--port", "0"],
        cwd=root,  # README: in the unit's folder
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    )
    try:
        assert sandbox.stdout is not None
        base = re.search(r"http://127\.0\.0\.1:\d+", sandbox.stdout.readline())
        assert base, "the sandbox printed no address"
        credentials = sandbox.stdout.readline() + sandbox.stdout.readline()
        credentials += sandbox.stdout.readline()
        env.update(re.findall(r"(ZALO_APP_\w+|ZALO_REFRESH_TOKEN)=(\S+)", credentials))
        env.update(
            ZALO_API_BASE=base[0],
            ZALO_OAUTH_BASE=base[0],
            ZALO_TOKEN_FILE=str(tmp_path / "zalo-thu.json"),
        )
        runs = [
            subprocess.run(
                [sys.executable, "-m", "publish", "sync", "zalo"],
                cwd=root,
                env=env,
                capture_output=True,
                text=True,
                encoding="utf-8",
                stdin=subprocess.DEVNULL,
                timeout=120,
            )
            for _ in range(2)
        ]
    finally:
        sandbox.send_signal(signal.SIGINT)
        sandbox.wait(timeout=30)
    assert runs[0].returncode == 0, runs[0].stdout + runs[0].stderr
    assert "zalo: 1 tạo mới" in runs[0].stdout
    assert runs[1].returncode == 0, runs[1].stdout + runs[1].stderr
    assert "zalo: không có thay đổi nào" in runs[1].stdout


@pytest.mark.parametrize("option", ["--address", "--area", "--title", "--short-name", "--phone"])
@pytest.mark.parametrize("dots", ["…", "...", " … "])
def test_the_readmes_dots_copied_as_a_value_are_refused(
    tmp_path: Path, option: str, dots: str
) -> None:
    """README's init example writes --phone "…" --address "…" --email "…" for the unit to fill;
    copied as is, «…» became the unit's address on every page, with no «CẦN BỔ SUNG» to find."""
    made = publish("init", tmp_path / "p", "--unit", TAN_PHU, option, dots)
    assert made.returncode == 1
    assert f"{option}: lỗi" in made.stderr and "README" in made.stderr
    assert "Traceback" not in made.stderr
    assert not (tmp_path / "p").exists()


def test_the_report_page_asks_about_the_zalo_page_when_no_oa_is_known(tmp_path: Path) -> None:
    """Without --oa-id, «Gửi phản ánh» told citizens to find the unit's Zalo page although the
    unit may have none (the footer hides its Zalo link then): the paragraph is marked until the
    OA id is written or the paragraph deleted."""
    made = publish("init", tmp_path / "p", "--unit", TAN_PHU)
    assert made.returncode == 0, made.stderr
    page = (tmp_path / "p" / "content" / "pages" / "gui-phan-anh.md").read_text("utf-8")
    zalo = next(line for line in page.splitlines() if "Trang Zalo" in line and "**3." in line)
    assert "CẦN BỔ SUNG:" in zalo and "[zalo]" in zalo
    given = publish("init", tmp_path / "q", "--unit", TAN_PHU, "--oa-id", "1234567890")
    assert given.returncode == 0, given.stderr
    page = (tmp_path / "q" / "content" / "pages" / "gui-phan-anh.md").read_text("utf-8")
    zalo = next(line for line in page.splitlines() if "Trang Zalo" in line and "**3." in line)
    assert "CẦN BỔ SUNG" not in zalo


def test_an_area_in_a_province_merged_in_2025_names_the_province_it_is_part_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«tỉnh Tiền Giang» is part of tỉnh Đồng Tháp since 1/7/2025: the about page said the
    commune's police was under «Công an tỉnh Tiền Giang», which no longer exists. It names
    Công an tỉnh Đồng Tháp, and init notes that the area shown on every page is the old one."""
    from publish.cli import main

    folder = tmp_path / "p"
    assert (
        main(["init", str(folder), "--unit", "Công an xã Tân Hòa", "--area", "tỉnh Tiền Giang"])
        == 0
    )
    assert "là đơn vị trực thuộc Công an tỉnh Đồng Tháp, có chức năng" in about_lead(folder)
    err = capsys.readouterr().err
    assert "«tỉnh Tiền Giang»" in err and "1/7/2025" in err and "[unit] area" in err
    # A province of the 34 is no note; a city named as an old province is no province.
    assert main(["init", str(tmp_path / "q"), "--unit", TAN_PHU]) == 0
    assert main(["init", str(tmp_path / "r"), "--unit", "Công an phường 1, thành phố Bến Tre"]) == 0
    assert "1/7/2025" not in capsys.readouterr().err


def test_the_first_line_names_the_unit_as_site_toml_writes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name typed in capitals with its province, as on an official letter: the first line
    said «Đã tạo dự án của CÔNG AN XÃ TÂN HÒA, TỈNH ĐỒNG THÁP», the next «Tên đơn vị ghi là
    «Công an xã Tân Hòa»». The first line now names the unit as written in site.toml."""
    from publish.cli import main

    assert main(["init", str(tmp_path / "p"), "--unit", "CÔNG AN XÃ TÂN HÒA, TỈNH ĐỒNG THÁP"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"Đã tạo dự án của Công an xã Tân Hòa trong {tmp_path / 'p'}."


def test_every_merged_province_goes_to_one_of_the_34() -> None:
    """The 63 provinces of before 1/7/2025 are the 34 and the 29 merged into them."""
    from publish.provinces import merged_2025, provinces_2025

    now = {written for _level, written in provinces_2025().values()}
    assert len(now) == 34 and len(merged_2025()) == 29
    assert set(merged_2025().values()) <= now


@pytest.mark.parametrize(
    "area", ["tỉnh Tiền Giang", "Tiền Giang", "T. Tiền Giang", "xã Tân Hòa, t. Tiền Giang"]
)
def test_a_merged_province_is_found_however_its_level_is_written(area: str) -> None:
    """«T. An Giang» is read as the province (as province_named reads one of the 34); a merged
    one written so was not: the about page kept «CẦN BỔ SUNG» and no note named the merger."""
    from publish.provinces import merged_province, province_named

    assert merged_province(area) == province_named(area) == "tỉnh Đồng Tháp"
    assert merged_province("TP. Bến Tre") is None  # the city of that name
