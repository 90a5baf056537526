"""`publish init`: a new unit's project in one command, with nothing of the sample unit in it,
that `publish build` builds and `publish check --strict` (CI) accepts once filled in."""

from __future__ import annotations

import fnmatch
import os
import re
import subprocess
import tempfile
import tomllib
from pathlib import Path

import pytest
import yaml
from PIL import Image, ImageDraw

from publish import config, starter_cover
from tests.helpers import bulletin_md, publish_command

REPO = Path(__file__).resolve().parents[1]
UNIT = "Công an xã Hòa Khánh"


def publish(
    *args: str | Path, cwd: Path | None = None, fresh: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run `python -m publish ARGS` (see publish_command; `fresh`: in a real interpreter)."""
    return publish_command(*args, cwd=cwd, fresh=fresh)


def sample_values() -> list[str]:
    """What is the sample unit's own in the repository's site.toml and pages: its names, places,
    address, phone, e-mail, OA and web address."""
    sample = tomllib.loads((REPO / "site.toml").read_text("utf-8"))
    contact = sample["contact"]
    # The posts' names, addresses and numbers; their hours are no unit's own.
    stations = [
        value
        for station in contact.get("stations", [])
        for key in ("name", "address", "phone")
        for value in ([station[key]] if isinstance(station[key], str) else station[key])
    ]
    values = [
        sample["unit"]["name"],
        sample["unit"]["short_name"],
        sample["unit"]["area"],
        *(v for v in contact.values() if isinstance(v, str) and v != "113"),
        *stations,
        sample["zalo"]["oa_id"],
        re.sub(r"^https?://|/$", "", sample["site"]["base_url"]),
    ]
    places = {"Châu Thành", "Đồng Tháp", "Cái Tàu Hạ", "chauthanh"}
    for place in places:  # each must really be the sample's, or this test proves nothing
        assert any(
            place in p.read_text("utf-8")
            for p in [REPO / "site.toml", *(REPO / "content" / "pages").glob("*.md")]
        ), place
    return values + sorted(places)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by `publish init` with only the unit's name."""
    root = tmp_path_factory.mktemp("init") / "congan-hoakhanh"
    made = publish("init", root, "--unit", UNIT)
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""
    for step in ("git init", "publish new", "publish check", "Chuẩn bị thông tin đăng nhập"):
        assert step in made.stdout, step
    return root


def test_a_new_project_builds_with_its_unit_name_and_ci_waits_for_what_is_missing(
    project: Path,
) -> None:
    checked = publish("check", cwd=project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    told = checked.stderr
    # What init could not fill in is told where it is; under --strict (CI) nothing goes live
    # until it is filled in: a unit's site must not show «CẦN BỔ SUNG» or a made-up address.
    assert "content/pages/gioi-thieu.md:10: cảnh báo: trang còn chữ «CẦN BỔ SUNG»" in told
    assert "content/pages/lien-he.md:23: cảnh báo" in told
    assert "content/pages/gui-phan-anh.md:17: cảnh báo" in told  # no hotline given
    at = next(
        n
        for n, line in enumerate((project / "site.toml").read_text("utf-8").splitlines(), 1)
        if line.startswith("base_url =")
    )
    assert f"site.toml:{at}: cảnh báo: trường 'base_url': vẫn là địa chỉ tạm" in told
    # A note about site.toml starts with the file's name: its words and hint do not repeat it.
    assert told.count("site.toml") == told.count("site.toml:"), told
    assert publish("check", "--strict", cwd=project).returncode == 1
    built = publish("build", cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    home = (project / "output" / "web" / "index.html").read_text("utf-8")
    assert UNIT in home
    for page in ("gioi-thieu", "lien-he", "gui-phan-anh"):
        assert UNIT in (project / "output" / "web" / page / "index.html").read_text("utf-8")


def test_a_new_project_with_nothing_published_rebuilds_without_writing_a_file(
    tmp_path: Path,
) -> None:
    root = tmp_path / "congan-moi"
    assert publish("init", root, "--unit", UNIT, fresh=True).returncode == 0
    assert publish("build", "--now", "2026-12-01T08:00", cwd=root).returncode == 0
    web = root / "output" / "web"
    before = {p: p.stat().st_mtime_ns for p in web.rglob("*") if p.is_file()}
    # A later clock: the feeds of a site with no bulletin yet used it as their <updated>.
    again = publish("build", "--now", "2026-12-02T09:30", cwd=root)
    assert again.returncode == 0, again.stderr
    assert "web: 0 tệp ghi mới" in again.stdout
    assert {p: p.stat().st_mtime_ns for p in web.rglob("*") if p.is_file()} == before


def test_the_zalo_comment_says_what_a_build_without_an_oa_makes(tmp_path: Path) -> None:
    """The comment above an empty oa_id said the articles were still built into output/zalo/
    to look at; a build makes none there (README, «Đơn vị có Zalo OA sau»)."""
    root = tmp_path / "congan-moi"
    assert publish("init", root, "--unit", UNIT).returncode == 0
    lines = (root / "site.toml").read_text("utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("oa_id ="))
    assert lines[at].startswith('oa_id = ""')
    comment = " ".join(line.removeprefix("# ") for line in lines[at - 2 : at])
    bulletin = bulletin_md({"channels": "[web, zalo, radio]"})
    (root / "content" / "bai-viet" / "2020-12-08-canh-bao.md").write_text(bulletin, "utf-8")
    by = ("--by", "Thượng tá Nguyễn Văn Hùng")
    approved = publish("approve", "content/bai-viet/2020-12-08-canh-bao.md", *by, cwd=root)
    assert approved.returncode == 0, approved.stderr
    built = publish("build", "--now", "2020-12-09T08:00", cwd=root)
    assert built.returncode == 0, built.stderr
    assert list((root / "output" / "web").glob("2020/12/canh-bao/index.html"))
    assert not [p for p in (root / "output" / "zalo").rglob("*") if p.is_file()]
    assert "không bài Zalo nào được dựng (output/zalo/ trống)" in comment
    assert "vẫn được dựng" not in comment


def test_nothing_of_the_sample_unit_is_in_the_new_project(project: Path) -> None:
    files = [p for p in project.rglob("*") if p.is_file() and "output" not in p.parts]
    assert {p.relative_to(project).as_posix() for p in files} >= {
        "site.toml",
        ".gitignore",
        "requirements.txt",
        "content/pages/gioi-thieu.md",
        "content/pages/lien-he.md",
        "content/pages/gui-phan-anh.md",
        "content/images/default-cover.jpg",
        "content/tu-viet-tat.tsv",
        "state/README.md",
        "ci/github-actions.yml",
        "ci/gitlab-ci.yml",
        "ci/commit-state.sh",
        "ci/fresh-state.sh",
    }
    assert list((project / "content" / "bai-viet").iterdir()) == []
    assert not (project / "templates").exists()  # the built-in theme is used
    sample_cover = (REPO / "content" / "images" / "default-cover.jpg").read_bytes()
    assert (project / "content" / "images" / "default-cover.jpg").read_bytes() != sample_cover
    found = [
        f"{p.relative_to(project)}: {value}"
        for p in files
        for value in sample_values()
        if value.encode("utf-8") in p.read_bytes()
    ]
    assert not found


def test_what_init_does_not_know_is_marked_and_what_it_was_given_is_in_site_toml(
    tmp_path: Path, project: Path
) -> None:
    site = (project / "site.toml").read_text("utf-8")
    for key in ("base_url", "address", "hotline", "email", "oa_id"):
        assert re.search(rf"^{key} = .*# CẦN BỔ SUNG", site, re.M), key
    assert "CẦN BỔ SUNG" in (project / "content" / "pages" / "gioi-thieu.md").read_text("utf-8")
    root = tmp_path / "hk"
    made = publish(
        "init",
        root,
        "--unit",
        UNIT,
        "--area",
        "thành phố Đà Nẵng",
        "--base-url",
        "https://conganhoakhanh.danang.gov.vn",
        "--phone",
        "0236 3 700 000",
        "--address",
        "Số 9 đường Âu Cơ",
        "--email",
        "hoakhanh@example.gov.vn",
        "--oa-id",
        "1234567890",
    )
    assert made.returncode == 0, made.stderr
    loaded = config.load(root)
    assert loaded.unit.short_name == "Công an xã Hòa Khánh"  # a commune keeps its level
    assert loaded.unit.area == "thành phố Đà Nẵng"
    assert loaded.base_url == "https://conganhoakhanh.danang.gov.vn/"
    assert (loaded.contact.hotline, loaded.contact.address, loaded.contact.email) == (
        "0236 3 700 000",
        "Số 9 đường Âu Cơ",
        "hoakhanh@example.gov.vn",
    )
    assert loaded.zalo.oa_id == "1234567890"
    assert not re.search(r"^\w+ = .*CẦN BỔ SUNG", (root / "site.toml").read_text("utf-8"), re.M)
    # With its contact details given, only the pages' own paragraphs are left to write: once
    # they are, the project passes CI's check.
    assert "CẦN BỔ SUNG" not in (root / "content/pages/gui-phan-anh.md").read_text("utf-8")
    for page in (root / "content" / "pages").glob("*.md"):
        lines = page.read_text("utf-8").split("\n")
        page.write_text("\n".join(x for x in lines if "CẦN BỔ SUNG" not in x), "utf-8")
    # init's plain cover left in place would be every Zalo article's cover: CI stops on it.
    checked = publish("check", "--strict", cwd=root)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert (
        "site.toml:32: lỗi: trường '[site] default_cover': ảnh bìa mặc định "
        "content/images/default-cover.jpg vẫn là ảnh tạm do publish init tạo" in checked.stderr
    )
    assert "Thay content/images/default-cover.jpg bằng ảnh bìa của đơn vị" in checked.stderr
    assert checked.stderr.count("lỗi:") == 1, checked.stderr
    own_cover(root / "content" / "images" / "default-cover.jpg")
    checked = publish("check", "--strict", cwd=root)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    "address",
    [
        "https://example.gov.vn/congan-hoakhanh/",
        "https://www.example.com/",
        "https://ca.example.org/",
    ],
)
def test_the_guides_sample_address_copied_as_it_is_is_told_and_stops_ci(
    tmp_path: Path, address: str
) -> None:
    """README's `init --base-url https://example.gov.vn/congan-hoakhanh/` copied as it is would
    put another site's address in every feed, sitemap and Zalo link: check says so at the line,
    and CI (--strict) publishes nothing until it is the unit's own."""
    root = tmp_path / "hk"
    assert publish("init", root, "--unit", UNIT, "--base-url", address).returncode == 0
    checked = publish("check", cwd=root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    at = next(
        n
        for n, line in enumerate((root / "site.toml").read_text("utf-8").splitlines(), 1)
        if line.startswith("base_url =")
    )
    assert (
        f"site.toml:{at}: cảnh báo: trường 'base_url': là địa chỉ ví dụ «{address}» chép từ "
        "hướng dẫn, không phải website của đơn vị" in checked.stderr
    ), checked.stderr
    assert "Ghi địa chỉ thật của website vào base_url" in checked.stderr
    strict = publish("check", "--strict", cwd=root)
    assert strict.returncode == 1
    assert "địa chỉ ví dụ" in strict.stderr


def own_cover(path: Path) -> None:
    """The unit's own cover in place of init's: the same colours, with its name on it."""
    image = Image.open(path).convert("RGB")
    ImageDraw.Draw(image).rectangle((80, 200, 700, 330), fill="#ffffff")
    image.save(path, "JPEG", quality=85)


def test_the_plain_cover_is_known_by_its_pixels_not_its_bytes(tmp_path: Path) -> None:
    """Saved again by another encoder (or another Pillow), init's cover is still the plain one;
    a cover with a small logo on it, or of another size, is the unit's."""
    again = tmp_path / "again.jpg"
    starter_cover.draw().save(again, "JPEG", quality=70)
    assert starter_cover.is_plain(again)
    png = tmp_path / "cover.png"
    starter_cover.draw().save(png)
    assert starter_cover.is_plain(png)
    logo = starter_cover.draw()
    ImageDraw.Draw(logo).ellipse((40, 40, 100, 100), fill="#c00000")
    logo.save(tmp_path / "logo.jpg", "JPEG", quality=90)
    assert not starter_cover.is_plain(tmp_path / "logo.jpg")
    starter_cover.draw().resize((1200, 675)).save(tmp_path / "wide.jpg", "JPEG")
    assert not starter_cover.is_plain(tmp_path / "wide.jpg")
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8 not a picture")
    assert not starter_cover.is_plain(tmp_path / "broken.jpg")
    assert not starter_cover.is_plain(REPO / "content" / "images" / "default-cover.jpg")


def test_the_search_init_prints_finds_what_is_left_to_fill_in_and_nothing_once_it_is(
    tmp_path: Path,
) -> None:
    """The search the unit is told to run lists each place still to fill in; once they are
    filled in it prints nothing. It listed the instructions in the files too (site.toml's
    heading, the pages' comments), so it never came up empty and an IT officer could not tell
    when they were done."""
    root = tmp_path / "hk"
    made = publish("init", root, "--unit", UNIT, "--area", "thành phố Đà Nẵng")
    assert made.returncode == 0, made.stderr
    command = re.search(r'grep -rn "([^"]+)" ((?:[\w./-]+ ?)+)', made.stdout)
    assert command, made.stdout
    wanted, where = command[1], command[2].split()

    def found() -> list[str]:
        """Lines the printed grep would print, as «file:line: text»."""
        files = [
            p
            for name in where
            for p in (
                [root / name] if (root / name).is_file() else sorted((root / name).rglob("*"))
            )
            if p.is_file() and p.suffix != ".jpg"
        ]
        return [
            f"{p.relative_to(root)}:{n}: {line}"
            for p in files
            for n, line in enumerate(p.read_text("utf-8").splitlines(), 1)
            if wanted in line
        ]

    left = found()
    assert left
    assert not [line for line in left if "grep" in line or "<!--" in line], left
    for path in {root / line.split(":", 1)[0] for line in left}:
        # Filling in: each marked line gets the unit's own words instead of the mark.
        text = path.read_text("utf-8")
        path.write_text(re.sub(rf"(\*\*)?{wanted}(\*\*)?[^\n]*", "Đã điền.", text), "utf-8")
    assert found() == []


def test_the_starter_site_toml_marks_every_key_the_tool_requires() -> None:
    """An IT officer reading the site.toml init wrote can tell which keys must stay filled in
    (the others fall back to their defaults when deleted): the comment above each required key
    of the schema says «bắt buộc»."""
    import dataclasses

    from publish.config import Category, SiteSection, Unit

    required = [
        f.name
        for kind in (Unit, SiteSection, Category)
        for f in dataclasses.fields(kind)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    assert required == ["name", "short_name", "title", "base_url", "label"]
    lines = (REPO / "publish" / "starter" / "site.toml").read_text("utf-8").splitlines()
    for key in required:
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{key} ="))
        above = at - 1
        while not lines[above].startswith("#"):  # the key's table header, a blank line
            assert lines[above].startswith("[") or not lines[above].strip(), (key, lines[above])
            above -= 1
        comment: list[str] = []
        while lines[above].startswith("#"):
            comment.insert(0, lines[above])
            above -= 1
        assert "bắt buộc" in " ".join(comment), (key, comment)


@pytest.mark.parametrize(
    ("unit", "short"),
    [
        ("Công an huyện Châu Thành", "Công an Châu Thành"),
        ("Công an phường 5", "Công an phường 5"),
        ("Công an Phường 12, Quận 3", "Công an Phường 12, Quận 3"),
    ],
)
def test_the_short_name_drops_the_level_only_before_a_place_name(
    tmp_path: Path, unit: str, short: str
) -> None:
    made = publish("init", tmp_path / "p", "--unit", unit)
    assert made.returncode == 0, made.stderr
    assert config.load(tmp_path / "p").unit.short_name == short  # never "Công an 5"


def test_ci_templates_install_the_tool_named_in_requirements_txt(project: Path) -> None:
    """The tool's own repository installs itself with `pip install .`; a unit's project has no
    pyproject.toml to install."""
    for name in ("github-actions.yml", "gitlab-ci.yml"):
        text = (project / "ci" / name).read_text("utf-8")
        assert not re.search(r"pip install (-q )?\.$", text, re.M), name
        assert "-r requirements.txt" in text, name
    assert os.access(project / "ci" / "commit-state.sh", os.X_OK)
    assert os.access(project / "ci" / "fresh-state.sh", os.X_OK)
    assert "publish @ git+" in (project / "requirements.txt").read_text("utf-8")


def test_the_git_step_init_prints_gives_the_branch_the_ci_files_run_on(tmp_path: Path) -> None:
    """Step 3 was `git init && git add -A && git commit`: git (Debian 12's 2.39) names the first
    branch master, and the GitHub workflow runs on pushes to main only, so a unit that pushed
    it as printed published nothing."""
    root = tmp_path / "congan-tanphuoc"
    made = publish("init", root, "--unit", "Công an xã Tân Phước")
    assert made.returncode == 0, made.stderr
    [step] = [line for line in made.stdout.splitlines() if line.startswith("  3. ")]
    command = step[step.index("git init") :]
    person = {"GIT_AUTHOR_NAME": "Cán bộ", "GIT_AUTHOR_EMAIL": "cb@example.vn"}
    env = {
        **os.environ,
        **person,
        "GIT_COMMITTER_NAME": "Cán bộ",
        "GIT_COMMITTER_EMAIL": "cb@example.vn",
        "GIT_CONFIG_GLOBAL": os.devnull,  # no init.defaultBranch of this machine
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["bash", "-c", command], cwd=root, env=env, check=True, capture_output=True)
    branch = subprocess.run(
        ["git", "branch", "--show-current"], cwd=root, env=env, capture_output=True, text=True
    ).stdout.strip()
    workflow = yaml.safe_load((root / "ci" / "github-actions.yml").read_text("utf-8"))
    assert branch in workflow[True]["push"]["branches"]  # YAML 1.1 reads the key `on` as True


def test_the_ci_step_init_prints_copies_the_files_where_github_and_gitlab_read_them(
    tmp_path: Path,
) -> None:
    """Step 7 said «chép ci/github-actions.yml thành .github/workflows/publish.yml»: `cp` so
    fails in a new project (no .github/workflows/), with an English message."""
    root = tmp_path / "congan-tanphuoc"
    made = publish("init", root, "--unit", "Công an xã Tân Phước")
    assert made.returncode == 0, made.stderr
    [step] = [line for line in made.stdout.splitlines() if line.startswith("  7. ")]
    github = re.search(r"GitHub: (mkdir [^(]*?) \(", step)
    gitlab = re.search(r"GitLab: (cp [^(]*?) \(", step)
    assert github is not None and gitlab is not None, step
    for command in (github[1], gitlab[1]):
        subprocess.run(["bash", "-c", command], cwd=root, check=True, capture_output=True)
    shipped = root / "ci"
    assert (root / ".github/workflows/publish.yml").read_bytes() == (
        shipped / "github-actions.yml"
    ).read_bytes()
    assert (root / ".gitlab-ci.yml").read_bytes() == (shipped / "gitlab-ci.yml").read_bytes()


def test_ci_stops_at_the_install_step_saying_what_to_fill_in(project: Path) -> None:
    # requirements.txt holds only a commented example until the unit fills it in: the run must
    # say so there, not fail three steps later with "publish: command not found".
    workflow = yaml.safe_load((project / "ci" / "github-actions.yml").read_text("utf-8"))
    install = next(
        step["run"]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if "requirements.txt" in str(step.get("run", ""))
    )
    bare = {"PATH": "/usr/bin:/bin"}  # pip is not needed: nothing to install; publish absent
    done = subprocess.run(
        ["bash", "-c", install.replace("pip install -r", "true -r")],
        cwd=project,
        env=bare,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "CẦN BỔ SUNG trong requirements.txt" in done.stderr


def test_a_folder_that_is_not_empty_is_refused_and_left_alone(tmp_path: Path) -> None:
    root = tmp_path / "old"
    root.mkdir()
    (root / "site.toml").write_text("# của đơn vị\n", encoding="utf-8")
    refused = publish("init", root, "--unit", UNIT)
    assert refused.returncode == 1
    assert "thư mục không trống" in refused.stderr and "Traceback" not in refused.stderr
    assert [p.name for p in root.iterdir()] == ["site.toml"]
    assert (root / "site.toml").read_text("utf-8") == "# của đơn vị\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old"]  # no staging folder left


def test_an_empty_folder_is_filled(tmp_path: Path) -> None:
    root = tmp_path / "empty"
    root.mkdir()
    made = publish("init", ".", "--unit", UNIT, cwd=root)
    assert made.returncode == 0, made.stderr
    assert "thư mục hiện tại" in made.stdout
    assert (root / "site.toml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]


@pytest.mark.parametrize(
    ("args", "told"),
    [
        (
            ["--unit", UNIT, "--base-url", "congan.example.vn"],
            "--base-url https://congan.example.vn/",
        ),
        (["--unit", UNIT, "--base-url", "trang của xã"], "--base-url"),
        (["--unit", "   "], "--unit: lỗi: thiếu tên đơn vị"),
        ([], "--unit: lỗi: thiếu tên đơn vị"),
        (["--unit", UNIT, "--oa-id", "OA Hòa Khánh"], "--oa-id: lỗi"),
        (["--unit", UNIT, "--phone", "chưa có"], "--phone: lỗi"),
        (["--unit", UNIT, "--phone", "0236 3 123 456 - 0905 123 456"], "--phone: lỗi"),
        # site.toml's check warns about both (its call link dials 0236 only): init wrote them.
        # (A spaced dash joins groups into one phone number: «0236 - 3123 456» is one now.)
        (["--unit", UNIT, "--phone", "0236 - 3123 45"], "--phone: lỗi"),
        (["--unit", UNIT, "--phone", "(0236) (3) 123 456"], "--phone: lỗi"),
    ],
)
def test_bad_input_exits_1_in_vietnamese_and_writes_nothing(
    tmp_path: Path, args: list[str], told: str
) -> None:
    refused = publish("init", tmp_path / "new", *args)
    assert refused.returncode == 1
    assert told in refused.stderr
    assert "Traceback" not in refused.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_token_given_as_the_oa_id_is_refused_without_being_shown(tmp_path: Path) -> None:
    """A token or secret key pasted as --oa-id was quoted in the error, so printed where the
    terminal or CI log is read by more people than the secret."""
    secret = "Zk9Qm4TqV0aX7bq2Lr8vYw3nPq-E_d1"
    refused = publish("init", tmp_path / "new", "--unit", UNIT, "--oa-id", secret)
    assert refused.returncode == 1
    assert secret not in refused.stderr + refused.stdout
    assert secret[:8] not in refused.stderr + refused.stdout
    assert f"một chuỗi {len(secret)} ký tự chữ và số (không in ra)" in refused.stderr
    assert "Xoay vòng token và bí mật" in refused.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_starter_ships_inside_the_package() -> None:
    """`pip install .` (not only -e) must carry what init writes: every starter file's path
    is matched by the package data."""
    patterns = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["publish"]
    starter = REPO / "publish" / "starter"
    files = [
        (Path(folder) / name).relative_to(REPO / "publish").as_posix()
        for folder, _, names in os.walk(starter, followlinks=True)  # ci/ is a link
        for name in names
    ]
    assert "starter/ci/gitlab-ci.yml" in files and "starter/state-README.md" in files
    for path in files:
        assert any(
            fnmatch.fnmatch(path, p) or fnmatch.fnmatch(path, p.replace("**/", ""))
            for p in patterns
        ), path


def test_a_freshly_cloned_empty_repository_is_filled_and_its_git_folder_left_alone(
    tmp_path: Path,
) -> None:
    root = tmp_path / "kho moi"
    (root / ".git").mkdir(parents=True)
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", "utf-8")
    made = publish("init", root, "--unit", UNIT)
    assert made.returncode == 0, made.stderr
    assert (root / "site.toml").is_file()
    assert (root / ".git" / "HEAD").read_text("utf-8") == "ref: refs/heads/main\n"
    assert f"cd '{root}' && " in made.stdout  # a path with a space, ready to paste


def test_an_empty_folder_whose_parent_cannot_be_written_is_filled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `publish init ~` or `publish init .` in a folder of a read-only parent: the project is
    # made inside the folder, so the parent is never written (simulated: root writes anywhere).
    from publish.cli import main

    target = tmp_path / "ro" / "kho"
    target.mkdir(parents=True)
    made = tempfile.mkdtemp

    def unwritable(
        suffix: str | None = None, prefix: str | None = None, dir: str | Path | None = None
    ) -> str:
        """`mkdtemp`, refused in the target's parent folder."""
        if dir is not None and Path(dir) == target.parent:
            raise PermissionError(13, "Permission denied", str(dir))
        return made(suffix, prefix, dir)

    monkeypatch.setattr(tempfile, "mkdtemp", unwritable)
    assert main(["init", str(target), "--unit", UNIT]) == 0
    assert (target / "site.toml").is_file()
    assert [p.name for p in target.parent.iterdir()] == ["kho"]
    assert not [p for p in target.iterdir() if p.name.startswith(".kho.init-")]


def test_a_folder_that_cannot_be_made_is_told_by_its_own_name_with_a_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The system's words named the tool's staging folder (/proc/.xx.init-4qeq9tb5), no fix."""
    from publish.cli import main

    target = tmp_path / "ro" / "kho"
    target.parent.mkdir()

    def unwritable(*args: object, dir: str | Path | None = None, **kw: object) -> str:
        raise PermissionError(13, "Permission denied", f"{dir}/.kho.init-4qeq9tb5")

    monkeypatch.setattr(tempfile, "mkdtemp", unwritable)
    assert main(["init", str(target), "--unit", UNIT]) == 1
    err = capsys.readouterr().err
    assert f"{target}: lỗi: không tạo được thư mục dự án ở đây" in err
    assert ".init-" not in err and "Traceback" not in err
    assert "Cách sửa: Chọn một thư mục bạn có quyền ghi" in err
    assert list(target.parent.iterdir()) == []


def test_a_folder_name_too_long_is_told_to_be_shortened(tmp_path: Path) -> None:
    refused = publish("init", tmp_path / ("a" * 300), "--unit", UNIT)
    assert refused.returncode == 1
    assert "không tạo được thư mục dự án ở đây" in refused.stderr
    assert "Đặt tên thư mục ngắn hơn" in refused.stderr and "Traceback" not in refused.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_readme_lists_what_a_units_repository_holds_and_init_makes_just_that(
    project: Path,
) -> None:
    """README tells a new unit which files are its own, and that the tool's source is not: each
    file `publish init` makes has its row, and no row names a folder of the tool."""
    readme = (REPO / "README.md").read_text("utf-8")
    table = readme.split("**Kho của đơn vị**", 1)[1].split("\n\n")[1]  # after its lead-in
    rows = [line.split("|")[1] for line in table.splitlines() if line.strip().startswith("| `")]
    listed = {name.rstrip("/") for row in rows for name in re.findall(r"`([^`]+)`", row)}
    made = [
        p.relative_to(project).as_posix()
        for p in project.rglob("*")
        if p.is_file() and not {"output", ".cache"} & set(p.relative_to(project).parts)
    ]
    assert made
    for path in made:
        assert any(path == name or path.startswith(f"{name}/") for name in listed), path
    tool = {"publish", "tests", "benchmarks", ".ci", "docs", "pyproject.toml"}
    assert all(
        (REPO / name).exists() for name in tool
    )  # each is the tool's, or this proves nothing
    assert not listed & tool


@pytest.mark.parametrize(
    ("unit", "name", "short", "area"),
    [
        (
            "Công an phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
            "Công an phường Bến Nghé",
            "Công an phường Bến Nghé",
            "Quận 1, TP. Hồ Chí Minh",
        ),
        (
            "Công an phường Bến Nghé, Q.1, TP. Hồ Chí Minh",
            "Công an phường Bến Nghé",
            "Công an phường Bến Nghé",
            "Q.1, TP. Hồ Chí Minh",
        ),
        (
            "Công an thị trấn Cái Tàu Hạ, Châu Thành, Đồng Tháp",
            "Công an thị trấn Cái Tàu Hạ",
            "Công an thị trấn Cái Tàu Hạ",
            "Châu Thành, Đồng Tháp",
        ),
        (
            "Phòng Cảnh sát hình sự, H. Châu Thành",
            "Phòng Cảnh sát hình sự",
            "Phòng Cảnh sát hình sự",
            "H. Châu Thành",
        ),
        (
            "Công an Phường 12, Quận 3, TP. Hồ Chí Minh",
            "Công an Phường 12, Quận 3",
            "Công an Phường 12, Quận 3",
            "TP. Hồ Chí Minh",
        ),
    ],
)
def test_a_unit_written_with_its_place_after_a_comma_keeps_the_place_as_its_area(
    tmp_path: Path, unit: str, name: str, short: str, area: str
) -> None:
    """`--unit "Công an phường Bến Nghé, Quận 1, TP. Hồ Chí Minh"` put the whole line in the
    short name, meant for the Zalo author and the radio lead-in: the name is what comes before
    the comma (with its district when the ward is a number) and the rest is [unit] area."""
    made = publish("init", tmp_path / "p", "--unit", unit)
    assert made.returncode == 0, made.stderr
    loaded = config.load(tmp_path / "p").unit
    assert (loaded.name, loaded.short_name, loaded.area) == (name, short, area)
    assert f"Tên đơn vị ghi là «{name}»" in made.stdout


def test_a_unit_named_with_its_superior_after_a_comma_keeps_its_whole_name(
    tmp_path: Path,
) -> None:
    """«Công an tỉnh Quảng Nam» after the comma was taken for the area: the name lost the unit
    it belongs to, and the area said a police unit, not a place."""
    unit = "Phòng Cảnh sát giao thông, Công an tỉnh Quảng Nam"
    made = publish("init", tmp_path / "p", "--unit", unit, "--area", "tỉnh Quảng Nam")
    assert made.returncode == 0, made.stderr
    loaded = config.load(tmp_path / "p").unit
    assert (loaded.name, loaded.area) == (unit, "tỉnh Quảng Nam")


def test_an_area_given_beside_a_unit_with_its_place_is_not_written_twice(tmp_path: Path) -> None:
    made = publish(
        "init",
        tmp_path / "p",
        "--unit",
        "Công an xã Hòa Khánh, thành phố Đà Nẵng",
        "--area",
        "thành phố Đà Nẵng",
    )
    assert made.returncode == 0, made.stderr
    loaded = config.load(tmp_path / "p").unit
    assert (loaded.name, loaded.area) == ("Công an xã Hòa Khánh", "thành phố Đà Nẵng")


def test_state_readme_names_the_tools_readme_and_where_it_is(project: Path) -> None:
    """state/README.md sent the unit to «README», meaning the tool's, which is not in the unit's
    repository: each mention names the tool's README, says where it is, and names a part of it
    that is there."""
    text = " ".join((project / "state" / "README.md").read_text("utf-8").split())
    assert "README" in text
    assert not re.search(r"README(?! của publish|\.md)", text), text
    assert "thư mục gốc mã nguồn của công cụ" in text and "requirements.txt" in text
    assert "Kho của đơn vị do `publish init` tạo không có tệp đó" in text
    tool_readme = " ".join((REPO / "README.md").read_text("utf-8").split())
    parts = re.findall(r"README của publish, (?:mục|đoạn) “([^”]+)”", text)
    assert len(parts) == 3
    for part in parts:
        assert f"### {part}" in tool_readme or f"**{part}.**" in tool_readme, part


def test_the_radio_contact_line_is_offered_commented_out_and_reads_once_uncommented(
    tmp_path: Path,
) -> None:
    """A new unit found no word of [radio] contact in its site.toml: the station never read how
    to reach the unit. init writes it commented out (off until the unit has told the station),
    and removing the # alone turns it on with the hotline and address init was given."""
    from publish.render.radio.items import Speaker

    root = tmp_path / "hk"
    made = publish(
        "init", root, "--unit", UNIT, "--phone", "0236 3 700 000", "--address", "Số 9 đường Âu Cơ"
    )
    assert made.returncode == 0, made.stderr
    path = root / "site.toml"
    text = path.read_text("utf-8")
    [line] = [x for x in text.splitlines() if re.fullmatch(r"#\s*contact = .*", x)]
    above = text.splitlines()[text.splitlines().index(line) - 1]
    assert above.startswith("# ") and all(v in above for v in ('"outro"', '"feedback"', '"off"'))
    assert config.load(root).radio.contact == "off"
    path.write_text(text.replace(line, line.lstrip("# ")), "utf-8")
    loaded = config.load(root)
    assert loaded.radio.contact == "outro"
    said = Speaker(loaded).contact
    assert "không hai ba sáu, ba, bảy không không, không không không" in said
    assert "Số chín đường Âu Cơ" in said
