"""Tags merged or renamed in site.toml ([tag_aliases]): bulletins carrying the old tag are shown
under the new one on every page without their files being edited (so without approving them
again), the old tag's pages redirect to the new tag's, and mistakes in the table are told at
their line in Vietnamese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.config import ConfigError
from publish.content import load_site
from publish.errors import TAG_ALIAS_UNUSED, ContentError
from publish.model import Site
from publish.text import quoted
from tests.helpers import NOW, SITE_TOML, add_toml, bulletin_md, make_project
from tests.test_approval import FILE, approve, verdict
from tests.test_approval import project as approved_project
from tests.test_web_tags import built, tag_links

MERGE = '\n[tag_aliases]\n"cảnh giác" = "cảnh giác lừa đảo"\n'


def bulletin(day: int, tags: str) -> str:
    """A bulletin of December `day` with the YAML list `tags`."""
    return bulletin_md({"date": f"2020-12-{day:02d} 08:00", "tags": tags})


def merged_project(tmp_path: Path, toml: str = SITE_TOML + MERGE) -> Path:
    """Three bulletins, two carrying the old tag «cảnh giác» (one spelt without accents, one
    carrying the new tag as well), one the new tag «cảnh giác lừa đảo» only."""
    return make_project(
        tmp_path,
        {
            "site.toml": toml,
            "content/bai-viet/a.md": bulletin(1, '["cảnh giác", "lừa đảo"]'),
            "content/bai-viet/b.md": bulletin(2, '["cảnh giác lừa đảo"]'),
            "content/bai-viet/c.md": bulletin(3, '["Canh giac", "cảnh giác lừa đảo", "tuần tra"]'),
        },
    )


def load(root: Path) -> Site:
    """The project loaded at the tests' clock."""
    return load_site(config_module.load(root), now=NOW)


def redirect_target(files: dict[str, bytes], path: str) -> str | None:
    """Where the page at `path` sends the browser at once, or None when it is no redirect."""
    found = re.search(r'http-equiv="refresh" content="0; url=([^"]*)"', files[path].decode())
    return found[1] if found else None


def test_bulletins_carrying_the_old_tag_show_the_new_one_on_every_web_page(
    tmp_path: Path,
) -> None:
    files = built(merged_project(tmp_path))
    assert tag_links(files, "2020/12/a/") == [
        ("/the/canh-giac-lua-dao/", "cảnh giác lừa đảo"),
        ("/the/lua-dao/", "lừa đảo"),
    ]
    # Carrying both, a bulletin shows the tag once, where its first spelling was.
    assert tag_links(files, "2020/12/c/") == [
        ("/the/canh-giac-lua-dao/", "cảnh giác lừa đảo"),
        ("/the/tuan-tra/", "tuần tra"),
    ]
    merged = files["the/canh-giac-lua-dao/index.html"].decode()
    assert all(f"/2020/12/{name}/" in merged for name in "abc")
    listing = files["the/index.html"].decode()
    assert "/the/canh-giac/" not in listing
    assert re.search(r"cảnh giác lừa đảo</a>\s*<span[^>]*>\(?3", listing), listing
    # A page's keywords (for search engines) name the new tag, never the old one alone.
    for path in ("2020/12/a/index.html", "2020/12/c/index.html"):
        assert "Canh giac" not in files[path].decode()
        assert '"cảnh giác"' not in files[path].decode()


def test_the_old_tag_s_pages_redirect_to_the_new_tag_s_pages(tmp_path: Path) -> None:
    toml = SITE_TOML + "\n[web]\nper_page = 1\n" + MERGE
    files = built(merged_project(tmp_path, toml))
    assert redirect_target(files, "the/canh-giac/index.html") == "/the/canh-giac-lua-dao/"
    for number in (2, 3):  # three bulletins, one a page
        old = f"the/canh-giac/trang/{number}/index.html"
        assert redirect_target(files, old) == f"/the/canh-giac-lua-dao/trang/{number}/"
    assert "the/canh-giac/trang/4/index.html" not in files
    page = files["the/canh-giac/index.html"].decode()
    assert "<title>Thẻ đã chuyển địa chỉ: cảnh giác lừa đảo</title>" in page
    assert '<meta name="robots" content="noindex">' in page
    sitemap = files["sitemap.xml"].decode()
    assert "/the/canh-giac/" not in sitemap and "/the/canh-giac-lua-dao/" in sitemap


def test_without_the_line_the_old_tag_keeps_its_own_page(tmp_path: Path) -> None:
    """The contrast: what the table changes is the table's doing."""
    files = built(merged_project(tmp_path, SITE_TOML))
    assert redirect_target(files, "the/canh-giac/index.html") is None
    assert ("/the/canh-giac/", "cảnh giác") in tag_links(files, "2020/12/a/")


def test_a_bulletin_approved_before_the_merge_stays_approved_and_published(
    tmp_path: Path,
) -> None:
    """The approval is a fingerprint of the file, which the merge does not touch; the same
    rename made by editing the tags line holds the bulletin back until approved again."""
    root = approved_project(tmp_path)
    assert approve(root, FILE) == 0
    text = (root / FILE).read_text(encoding="utf-8")
    [line] = [line for line in text.splitlines() if line.startswith("tags:")]
    old = re.findall(r'"([^"]+)"', line)[0]
    toml = root / "site.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8") + f'\n[tag_aliases]\n"{old}" = "tên mới"\n', "utf-8"
    )
    assert verdict(root) is None
    [shown] = [b for b in load(root).bulletins if b.source == FILE]
    assert "tên mới" in shown.tags and old not in shown.tags
    (root / FILE).write_text(text.replace(f'"{old}"', '"tên mới"', 1), encoding="utf-8")
    assert verdict(root) == "unapproved"


def test_a_chain_of_renames_leads_to_its_last_tag_and_redirects_straight_there(
    tmp_path: Path,
) -> None:
    toml = SITE_TOML + '\n[tag_aliases]\n"an ninh" = "an ninh mạng"\n"an ninh mạng" = "ANM"\n'
    root = make_project(
        tmp_path,
        {
            "site.toml": toml,
            "content/bai-viet/a.md": bulletin(1, '["an ninh"]'),
            "content/bai-viet/b.md": bulletin(2, '["an ninh mạng", "tuần tra"]'),
        },
    )
    files = built(root)
    assert tag_links(files, "2020/12/a/") == [("/the/anm/", "ANM")]
    assert tag_links(files, "2020/12/b/") == [("/the/anm/", "ANM"), ("/the/tuan-tra/", "tuần tra")]
    assert redirect_target(files, "the/an-ninh/index.html") == "/the/anm/"
    assert redirect_target(files, "the/an-ninh-mang/index.html") == "/the/anm/"


def test_an_old_tag_no_bulletin_carries_is_a_warning_at_its_line_naming_a_close_tag(
    tmp_path: Path,
) -> None:
    toml = SITE_TOML + '\n[tag_aliases]\n"canh giac lua" = "cảnh báo"\n"cảnh giác" = "cảnh báo"\n'
    root = merged_project(tmp_path, toml)
    [told] = [p for p in load(root).warnings if p.code == TAG_ALIAS_UNUSED]
    assert told.file == "site.toml"
    assert told.line == toml.splitlines().index('"canh giac lua" = "cảnh báo"') + 1
    assert told.severity == "warning"
    assert "không bản tin nào gắn thẻ «canh giac lua»" in told.message
    assert "có phải «cảnh giác lừa đảo»?" in (told.hint or "")
    # Nothing wrong goes out: --strict does not refuse the run for it.
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main([*argv, "--strict"]) == 0


def test_the_new_tag_is_never_the_close_tag_the_warning_names(tmp_path: Path) -> None:
    toml = SITE_TOML + '\n[tag_aliases]\n"lừa đảo qua" = "lừa đảo"\n'
    [told] = [p for p in load(merged_project(tmp_path, toml)).warnings if p.code]
    assert "không bản tin nào gắn thẻ «lừa đảo qua»" in told.message
    assert "có phải «lừa đảo»" not in (told.hint or "")


def test_a_link_of_a_chain_is_not_told_unused(tmp_path: Path) -> None:
    toml = SITE_TOML + '\n[tag_aliases]\n"cảnh giác" = "cảnh báo"\n"cảnh báo" = "an ninh"\n'
    assert [p for p in load(merged_project(tmp_path, toml)).warnings if p.code] == []


BROKEN = [
    (
        '"a" = "b"\n"b" = "A"\n',
        '"a" = "b"',
        "các thẻ đổi tên thành vòng tròn («a» → «b» → «a»)",
    ),
    (
        '"Cảnh giác" = "canh giac"\n',
        '"Cảnh giác" = "canh giac"',
        "«Cảnh giác» và «canh giac» đã là một thẻ",
    ),
    (
        '"lừa đảo" = "x"\n"Lừa Đảo" = "y"\n',
        '"Lừa Đảo" = "y"',
        "thẻ cũ «Lừa Đảo» đã ghi ở dòng «lừa đảo» = «x», nay lại ghi là «y»",
    ),
    ('"#" = "x"\n', '"#" = "x"', "thẻ cũ «#» không có chữ hay số nào"),
    ('"x" = " "\n', '"x" = " "', "thẻ mới của thẻ «x» không có chữ hay số nào"),
]


@pytest.mark.parametrize(
    ("table", "line", "message"), BROKEN, ids=["loop", "same", "twice", "#", ""]
)
def test_a_table_that_cannot_be_followed_is_an_error_at_its_line(
    table: str, line: str, message: str
) -> None:
    toml = SITE_TOML + "\n[tag_aliases]\n" + table
    with pytest.raises(ConfigError) as raised:
        config_module.parse(toml, root=Path("."))
    [told] = raised.value.problems
    assert message in told.message
    assert told.line == toml.splitlines().index(line) + 1
    assert told.field and told.field.startswith("[tag_aliases]")
    assert told.hint


def test_a_merge_written_twice_in_two_spellings_to_one_tag_is_no_error() -> None:
    toml = SITE_TOML + '\n[tag_aliases]\n"cảnh giác" = "x"\n"Canh Giac" = "X"\n'
    assert config_module.parse(toml, root=Path(".")).tag_aliases


SECRET = [
    ('"nội bộ" = "Mật"\n', "Mật"),
    ('"nội bộ" = "[TỐI MẬT]"\n', "[TỐI MẬT]"),
    ('"tài liệu" = "tuyet mat"\n', "tuyet mat"),
]


@pytest.mark.parametrize(("table", "grade"), SECRET, ids=["mat", "bracketed", "unaccented"])
def test_an_old_tag_renamed_to_a_secret_grade_is_an_error_at_its_line(
    tmp_path: Path, table: str, grade: str
) -> None:
    """The gate reads the tags written in the file, before the renames: without this error a
    bulletin tagged «nội bộ» went out tagged «Mật», on a page /the/mat/, while «Mật» written in
    its file keeps it off every channel."""
    toml = SITE_TOML + "\n[tag_aliases]\n" + table
    root = make_project(
        tmp_path,
        {"site.toml": toml, "content/bai-viet/a.md": bulletin(1, '["nội bộ", "tài liệu"]')},
    )
    with pytest.raises(ConfigError) as raised:
        config_module.load(root)
    [told] = raised.value.problems
    assert told.file == "site.toml"
    assert told.line == toml.splitlines().index(table.strip()) + 1
    assert told.severity == "error"
    assert f"thẻ mới {quoted(grade)} là dấu mật" in told.message
    assert told.hint
    argv = ["build", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) != 0
    assert not (root / "output" / "web" / "the").exists()


def test_a_secret_grade_of_the_site_s_own_list_is_refused_as_a_new_tag_too() -> None:
    policy = '\n[policy]\nsecret_classifications = ["hạn chế"]\n'
    toml = add_toml(SITE_TOML, policy) + '\n[tag_aliases]\n"nội bộ" = "Hạn chế"\n'
    with pytest.raises(ConfigError) as raised:
        config_module.parse(toml, root=Path("."))
    [told] = raised.value.problems
    assert "thẻ mới «Hạn chế» là dấu mật" in told.message


def test_a_new_tag_merely_holding_a_grade_s_word_is_no_error() -> None:
    """«bảo mật thông tin» is no stamp for the gate either (gates.tag_stamp)."""
    toml = SITE_TOML + '\n[tag_aliases]\n"bảo mật" = "bảo mật thông tin"\n"ong" = "mật ong"\n'
    assert len(config_module.parse(toml, root=Path(".")).tag_aliases) == 2


def symbol_project(tmp_path: Path, toml: str, held: str = "") -> Path:
    """Bulletins tagged «C» and «C#» (two tags: /the/c/ and /the/c-sharp/), and, with `held`, a
    draft carrying the tags `held` (a YAML list)."""
    files = {
        "site.toml": toml,
        "content/bai-viet/a.md": bulletin(1, '["C"]'),
        "content/bai-viet/b.md": bulletin(2, '["C#"]' if not held else '["tuần tra"]'),
    }
    if held:
        files["content/bai-viet/d.md"] = bulletin_md(
            {"date": "2020-12-04 08:00", "tags": held, "draft": "true"}
        )
    return make_project(tmp_path, files)


def test_renaming_a_tag_leaves_the_address_of_a_tag_differing_by_a_symbol_alone(
    tmp_path: Path,
) -> None:
    """Before, «C#» took /the/c/ once «C» was renamed: old links to «C» opened the «C#» page and
    /the/c-sharp/ vanished without a redirect."""
    before = built(symbol_project(tmp_path / "before", SITE_TOML))
    assert tag_links(before, "2020/12/a/") == [("/the/c/", "C")]
    assert tag_links(before, "2020/12/b/") == [("/the/c-sharp/", "C#")]
    toml = SITE_TOML + '\n[tag_aliases]\n"C" = "ngôn ngữ C"\n'
    files = built(symbol_project(tmp_path / "after", toml))
    assert tag_links(files, "2020/12/a/") == [("/the/ngon-ngu-c/", "ngôn ngữ C")]
    assert tag_links(files, "2020/12/b/") == [("/the/c-sharp/", "C#")]
    assert redirect_target(files, "the/c-sharp/index.html") is None
    assert "/2020/12/b/" in files["the/c-sharp/index.html"].decode()
    assert redirect_target(files, "the/c/index.html") == "/the/ngon-ngu-c/"


def test_a_line_for_a_tag_no_bulletin_carries_moves_no_tag_there_is(tmp_path: Path) -> None:
    """«"C" = "ngôn ngữ C"» on a site where no bulletin carries «C» gave the old name the plain
    slug beside the tags there are: «C++» left /the/c/ for /the/c-plus-plus/, and /the/c/
    redirected its readers to another tag (final review of session 74)."""
    files = {
        "content/bai-viet/a.md": bulletin(1, '["C++"]'),
        "content/bai-viet/b.md": bulletin(2, '["ngôn ngữ C"]'),
    }
    toml = SITE_TOML + '\n[tag_aliases]\n"C" = "ngôn ngữ C"\n'
    after = built(make_project(tmp_path, {"site.toml": toml, **files}))
    assert tag_links(after, "2020/12/a/") == [("/the/c/", "C++")]
    assert redirect_target(after, "the/c/index.html") is None


def test_a_tag_only_a_held_bulletin_carries_does_not_take_the_renamed_tag_s_redirect(
    tmp_path: Path,
) -> None:
    """Before, a draft's «C#» took /the/c/ (among every bulletin's tags, held ones too, so that
    publishing one moves no address), so the renamed «C» had no redirect: old links got a 404,
    and the redirect coming back told that an unpublished bulletin carries «C#»."""
    toml = SITE_TOML + '\n[tag_aliases]\n"C" = "ngôn ngữ C"\n'
    root = symbol_project(tmp_path, toml, held='["C#"]')
    files = built(root)
    assert redirect_target(files, "the/c/index.html") == "/the/ngon-ngu-c/"
    assert not any(path.startswith("the/c-sharp/") for path in files)
    # Its address, once published, is the one it had beside «C».
    assert load(root).tag_slugs["C#"] == "c-sharp"


def test_the_old_addresses_trang_folder_leads_to_the_first_page_of_the_list_now(
    tmp_path: Path,
) -> None:
    """/the/<old>/trang/ led nowhere, as /the/<tag>/trang/ leads to the tag's first page; a
    category's old key had the same gap."""
    toml = SITE_TOML.replace(
        'label = "Cảnh báo phương thức, thủ đoạn tội phạm"\n',
        'label = "Cảnh báo phương thức, thủ đoạn tội phạm"\naliases = ["canh-bao"]\n',
    )
    assert toml != SITE_TOML
    files = built(merged_project(tmp_path, toml + "\n[web]\nper_page = 1\n" + MERGE))
    assert redirect_target(files, "the/canh-giac/trang/index.html") == "/the/canh-giac-lua-dao/"
    assert redirect_target(files, "the/canh-giac-lua-dao/trang/index.html") == (
        "/the/canh-giac-lua-dao/"
    )
    target = redirect_target(files, "chuyen-muc/canh-bao/trang/index.html")
    assert target == "/chuyen-muc/canh-bao-toi-pham/"


def test_the_tag_an_unused_line_names_as_meant_is_spelt_as_the_site_shows_it(
    tmp_path: Path,
) -> None:
    """Before, the spelling of the last file read: «lừa đảo qua mạng» below, which no page shows."""
    toml = SITE_TOML + '\n[tag_aliases]\n"lua dao qua mang x" = "cảnh báo"\n'
    root = make_project(
        tmp_path,
        {
            "site.toml": toml,
            "content/bai-viet/a.md": bulletin(1, '["Lừa Đảo Qua Mạng"]'),
            "content/bai-viet/b.md": bulletin(2, '["Lừa Đảo Qua Mạng"]'),
            "content/bai-viet/c.md": bulletin(3, '["lừa đảo qua mạng"]'),
        },
    )
    site = load(root)
    assert {tag for b in site.bulletins for tag in b.tags} == {"Lừa Đảo Qua Mạng"}
    [told] = [p for p in site.warnings if p.code == TAG_ALIAS_UNUSED]
    assert "có phải «Lừa Đảo Qua Mạng»?" in (told.hint or "")


def test_a_run_stopped_by_an_error_still_tells_an_unused_old_tag(tmp_path: Path) -> None:
    toml = SITE_TOML + '\n[tag_aliases]\n"canh giac lua" = "cảnh báo"\n'
    root = merged_project(tmp_path, toml)
    (root / "content/bai-viet/d.md").write_text(bulletin_md({"date": "x"}), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load(root)
    [told] = [p for p in raised.value.problems if p.code == TAG_ALIAS_UNUSED]
    assert "có phải «cảnh giác lừa đảo»?" in (told.hint or "")
