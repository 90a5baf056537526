"""Loader gaps closed: duplicate keys, misspelt keys, tag case, files that point out of content/."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.errors import ContentError
from publish.model import Site
from tests.helpers import NOW, bulletin_md, install_fake_renderers, make_project


def load(root: Path, *, drafts: bool = False) -> Site:
    """Load the project at the fixed clock."""
    return load_site(config_module.load(root), now=NOW, drafts=drafts)


def problems(root: Path) -> list:
    """The problems a load raises."""
    with pytest.raises(ContentError) as info:
        load(root)
    return list(info.value.problems)


def test_a_key_written_twice_is_an_error_with_both_lines(tmp_path: Path) -> None:
    text = bulletin_md({"title": '"Tiêu đề cũ"'}).replace(
        "approved_by:", 'title: "Tiêu đề mới"\napproved_by:'
    )
    root = make_project(tmp_path, {"content/a.md": text})
    [problem] = problems(root)
    assert (problem.file, problem.line) == ("content/a.md", 6)
    assert "khóa 'title' được viết hai lần (dòng 2 và dòng 6)" in problem.message
    assert "xóa dòng còn lại" in problem.hint


def test_a_key_written_twice_inside_a_channel_block_is_an_error(tmp_path: Path) -> None:
    text = bulletin_md({"zalo": '\n  title: "Một"\n  title: "Hai"'})
    [problem] = problems(make_project(tmp_path, {"content/a.md": text}))
    assert "khóa 'title' được viết hai lần (dòng 8 và dòng 9)" in problem.message
    assert problem.line == 9


def test_a_key_written_twice_does_not_hide_the_files_other_errors(tmp_path: Path) -> None:
    # One error a run: the editor fixed the second title, ran again, and met six more.
    text = (
        "---\nid: Many Errors\ntitle:\ndate: hôm qua\ncategory: 5\nsummary: [a]\ntags: 7\n"
        'channels: facebook\nauthor: "Đội CSGT"\napproved_by: "Nguyễn Văn An, Trưởng Công an xã"\n'
        'title: "Tin trùng khóa"\n---\nNội dung.\n'
    )
    found = problems(make_project(tmp_path, {"content/a.md": text}))
    [twice] = [p for p in found if "được viết hai lần" in p.message]
    assert twice.line == 11 and twice.severity == "error"
    assert "(dòng 3 và dòng 11): tệp được kiểm tra với giá trị ở dòng 11" in twice.message
    assert {(p.field, p.line) for p in found if p is not twice} == {
        ("id", 2),
        ("date", 4),
        ("category", 5),
        ("summary", 6),
        ("tags", 7),
        ("channels", 8),
    }  # and no «title để trống» of line 3: the title read is line 11's


def test_each_key_written_twice_is_told_and_the_value_read_is_checked_at_its_line(
    tmp_path: Path,
) -> None:
    text = bulletin_md({"summary": '"Tóm tắt cũ"'}).replace(
        "approved_by:", 'summary: "Tóm tắt mới"\ndate: hôm qua\napproved_by:'
    )
    found = problems(make_project(tmp_path, {"content/a.md": text}))
    assert sorted((p.line, p.field or "") for p in found) == [(6, ""), (7, ""), (7, "date")]
    assert [p.message.split(":")[0] for p in found if p.field is None] == [
        "khóa 'summary' được viết hai lần (dòng 5 và dòng 6)",
        "khóa 'date' được viết hai lần (dòng 3 và dòng 7)",
    ]


@pytest.mark.parametrize(
    ("key", "meant"),
    [("aproved_by", "approved_by"), ("catgory", "category"), ("Title", "title"), ("tag", "tags")],
)
def test_a_misspelt_key_is_a_warning_naming_the_known_key(
    tmp_path: Path, key: str, meant: str
) -> None:
    root = make_project(tmp_path, {"content/a.md": bulletin_md({key: '"x"'})})
    site = load(root)
    [warning] = site.warnings
    assert warning.severity == "warning" and warning.field == key and warning.line == 7
    assert f"có phải ý bạn là '{meant}'?" in warning.message
    assert site.bulletins[0].extra == {key: "x"}  # still there for templates


@pytest.mark.parametrize(
    ("key", "meant"),
    [
        ("Draft", "draft"),
        ("DRAFT", "draft"),
        ("expire", "expires"),
        ("classfication", "classification"),
        ("nhap", "draft"),
        ("Nháp", "draft"),
        ("bản_nháp", "draft"),
        ("phan_loai", "classification"),
        ("độ mật", "classification"),
        ("het-han", "expires"),
        # README calls `expires` «hạn gỡ»: written so, it was read as a template field and the
        # bulletin stayed up past the time the editor meant.
        ("hạn_gỡ", "expires"),
        ("hạn gỡ", "expires"),
        ("Hạn gỡ lúc", "expires"),
        ("ngày_gỡ", "expires"),
        ("giờ gỡ bài", "expires"),
        ("hết_hạn_lúc", "expires"),
        ("ngày hạ bài", "expires"),
        # Other natural names for it, each read as a template field before: the bulletin stayed
        # up past the time the editor meant.
        ("gỡ_bài", "expires"),
        ("hạ_bài", "expires"),
        ("thời_hạn", "expires"),
        ("hết_hiệu_lực", "expires"),
        ("hạn_đăng", "expires"),
        ("đăng_đến", "expires"),
        ("ngày_kết_thúc", "expires"),
        ("hạn", "expires"),
    ],
)
def test_a_misspelt_key_that_could_hold_the_bulletin_back_is_an_error(
    tmp_path: Path, key: str, meant: str
) -> None:
    """`Draft: true` means a draft: publishing it because the key was capitalised is the one
    thing the editor did not want, so the build stops instead of warning."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({key: "true"})})
    [problem] = problems(root)
    assert (problem.severity, problem.field, problem.line) == ("error", key, 7)
    assert f"có phải ý bạn là '{meant}'?" in problem.message
    assert f"Sửa thành '{meant}:'" in (problem.hint or "")


@pytest.mark.parametrize("key", ["hạn", "thời_hạn", "ngày_kết_thúc"])
def test_a_name_for_expires_that_may_mean_another_date_says_how_to_keep_it(
    tmp_path: Path, key: str
) -> None:
    """«hạn» may be the deadline a notice announces: still held back (the bulletin staying up
    is the worse mistake), with a way out for a field the templates read."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({key: "2099-01-01"})})
    [problem] = problems(root)
    assert problem.severity == "error" and "có phải ý bạn là 'expires'?" in problem.message
    assert f"Nếu '{key}' không phải lúc gỡ bài mà là thông tin khác" in (problem.hint or "")


@pytest.mark.parametrize(
    ("key", "value", "ours"),
    [
        ("publishDate", "2099-01-01 08:00", "'date'"),
        ("publish_at", "2099-01-01 08:00", "'date'"),
        ("embargo", "2099-01-01", "'date'"),
        ("hẹn_giờ", "2099-01-01 08:00", "'date'"),
        ("Ngày đăng", "2099-01-01", "'date'"),
        ("expiryDate", "2020-01-01", "'expires'"),
        ("expiry", "2020-01-01", "'expires'"),
        ("expiration", "2020-01-01", "'expires'"),
        ("expire_date", "2020-01-01", "'expires'"),
        ("unpublish", "2020-01-01", "'expires'"),
        ("published", "false", "draft: true"),
        ("status", "draft", "draft: true"),
        ("hidden", "true", "draft: true"),
    ],
)
def test_a_hold_back_key_of_another_tool_is_an_error(
    tmp_path: Path, key: str, value: str, ours: str
) -> None:
    """Ignored, `published: false` or `publishDate: <next week>` published the bulletin at once."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({key: value})})
    [problem] = problems(root)
    assert (problem.severity, problem.field, problem.line) == ("error", key, 7)
    assert problem.message.startswith("công cụ này không đọc trường này")
    assert "bản tin không được đăng khi chưa sửa" in problem.message
    assert f"trường '{key}': công cụ này không đọc trường này" in problem.render()
    assert ours in (problem.hint or "") and "xóa dòng này" in (problem.hint or "")
    assert not (problem.hint or "").startswith("Xóa dòng này")  # held back: fix, not delete


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("publishDate", "2020-12-08 08:00"),
        ("publishDate", "2019-05-12"),
        ("published", "true"),
        ("status", "publish"),
        ("status", "Published"),
        ("hidden", "false"),
    ],
)
def test_a_hold_back_key_saying_published_leads_with_deleting_the_line(
    tmp_path: Path, key: str, value: str
) -> None:
    """Every post copied from an old site has one: deleting it is all there is to do, yet the
    hint led with scheduling or with keeping the post back."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({key: value})})
    [problem] = problems(root)
    assert (problem.severity, problem.field, problem.line) == ("error", key, 7)
    assert (problem.hint or "").startswith("Xóa dòng này: ")
    assert (problem.hint or "").lower().count("xóa dòng") == 1  # told once, not twice


def test_a_publish_date_later_than_date_still_leads_with_scheduling(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"content/a.md": bulletin_md({"publishDate": "2020-12-09"})})
    [problem] = problems(root)
    assert (problem.hint or "").startswith("Hẹn giờ đăng thì ghi giờ đăng vào trường 'date'")


def test_a_hold_back_key_of_another_tool_holds_a_page_back_too(tmp_path: Path) -> None:
    page = "---\ntitle: Liên hệ\npublishDate: 2099-01-01\n---\n\nNội dung.\n"
    root = make_project(tmp_path, {"content/pages/lien-he.md": page})
    problem = next(p for p in problems(root) if p.field == "publishDate")
    assert "trang không được đăng khi chưa sửa" in problem.message


@pytest.mark.parametrize(
    ("block", "field"),
    [
        ("web:\n  draft: true", "web.draft"),
        ("zalo:\n  draft: true", "zalo.draft"),
        ("zalo:\n  expires: 2021-01-01", "zalo.expires"),
        ("zalo:\n  tittle: x", "zalo.tittle"),
        ('web:\n  title: "Tiêu đề web"', "web.title"),
    ],
)
def test_a_key_no_channel_block_supports_is_an_error(
    tmp_path: Path, block: str, field: str
) -> None:
    """A `web: {draft: true}` used to be accepted and ignored: the bulletin went on the website."""
    text = bulletin_md(body="Nội dung.").replace("---\n\nNội dung.", f"{block}\n---\n\nNội dung.")
    [problem] = problems(make_project(tmp_path, {"content/a.md": text}))
    assert (problem.severity, problem.field) == ("error", field)
    assert problem.line is not None and problem.hint
    if field.endswith(("draft", "expires")):
        # The line that keeps it from that channel alone, without a new approval.
        channel = field.split(".")[0]
        assert f"ghi 'draft: [{channel}]' ở phần đầu, ngoài khối {channel}" in problem.hint


def test_a_key_a_channel_block_does_not_support_names_its_own_line(tmp_path: Path) -> None:
    text = bulletin_md(body="Nội dung.").replace(
        "---\n\nNội dung.", 'zalo:\n  title: "Tiêu đề Zalo"\n  draft: true\n---\n\nNội dung.'
    )
    [problem] = problems(make_project(tmp_path, {"content/a.md": text}))
    assert (problem.field, problem.line) == ("zalo.draft", 9)


def test_a_zalo_block_with_its_own_title_and_summary_is_accepted(tmp_path: Path) -> None:
    text = bulletin_md(
        {"id": "ct-zalo", "zalo": '\n  title: "Tiêu đề Zalo"\n  summary: "Tóm tắt Zalo"'}
    )
    site = load(make_project(tmp_path, {"content/a.md": text}))
    [bulletin] = site.bulletins
    assert site.warnings == () and bulletin.block("zalo")["title"] == "Tiêu đề Zalo"
    assert bulletin.key == "ct-zalo"  # checking the block's keys left the bulletin's own alone


@pytest.mark.parametrize("key", ["người duyệt", "aproved_by", "approved_verison"])
def test_a_key_meaning_the_approval_sends_to_publish_approve_not_to_typing_it(
    tmp_path: Path, key: str
) -> None:
    """«người duyệt: "…"» was told «Sửa thành 'approved_by:'»: a new editor typed the approver's
    name by hand, which binds nothing to the content read. The approver's command does that."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({key: '"Trần Minh Trí"'})})
    [warning] = load(root).warnings
    assert warning.severity == "warning" and warning.field == key
    assert "Việc duyệt không ghi tay vào phần đầu" in warning.message
    assert "Sửa thành" not in (warning.hint or "")
    assert (warning.hint or "").startswith(
        'Xóa dòng này. Người duyệt đọc bài rồi chạy: publish approve content/a.md --by "Họ tên'
    )


def test_a_template_key_far_from_any_known_key_is_silent(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"content/a.md": bulletin_md({"nguon_tin": '"Báo Đồng Tháp"'})})
    assert load(root).warnings == ()


def test_misspelt_key_passes_check_but_fails_it_under_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = make_project(tmp_path, {"content/a.md": bulletin_md({"aproved_by": '"Ai đó"'})})
    args = ["check", "--root", str(root), "--now", "2021-01-01T09:00"]
    assert main(args) == 0
    assert "cảnh báo: trường 'aproved_by'" in capsys.readouterr().err
    assert main([*args, "--strict"]) == 1
    assert "content/a.md:7: lỗi: trường 'aproved_by'" in capsys.readouterr().err


def test_a_misspelt_page_key_is_a_warning_and_the_page_still_loads(tmp_path: Path) -> None:
    page = '---\ntitle: "Giới thiệu"\nodrer: 2\n---\n\nNội dung.\n'
    site = load(make_project(tmp_path, {"content/pages/gioi-thieu.md": page}))
    assert [p.slug for p in site.pages] == ["gioi-thieu"]
    assert "có phải ý bạn là 'order'?" in site.warnings[0].message


def test_tags_differing_in_case_or_accents_share_one_label_everywhere(tmp_path: Path) -> None:
    files = {
        "content/a.md": bulletin_md(
            {"slug": "a", "date": "2020-12-01", "tags": '["Lừa đảo", "lừa đảo", "LỪA ĐẢO"]'}
        ),
        "content/b.md": bulletin_md({"slug": "b", "date": "2020-12-02", "tags": '["lừa đảo"]'}),
        "content/c.md": bulletin_md({"slug": "c", "date": "2020-12-03", "tags": '["lừa đảo"]'}),
        "content/d.md": bulletin_md({"slug": "d", "date": "2020-12-04", "tags": '["Lua dao"]'}),
    }
    site = load(make_project(tmp_path, files))
    assert {b.slug: b.tags for b in site.bulletins} == {s: ("lừa đảo",) for s in "abcd"}


def test_tag_label_ties_go_to_the_oldest_bulletin_so_new_posts_never_rename_a_tag(
    tmp_path: Path,
) -> None:
    files = {
        "content/a.md": bulletin_md({"slug": "a", "date": "2020-12-01", "tags": '["Zalo"]'}),
        "content/b.md": bulletin_md({"slug": "b", "date": "2020-12-05", "tags": '["zalo"]'}),
    }
    site = load(make_project(tmp_path, files))
    assert {b.tags for b in site.bulletins} == {("Zalo",)}


def test_drafts_never_rename_a_published_tag(tmp_path: Path) -> None:
    files = {
        "content/a.md": bulletin_md({"slug": "a", "tags": '["lừa đảo qua mạng"]'}),
        **{
            f"content/d{i}.md": bulletin_md(
                {"slug": f"d{i}", "draft": "true", "tags": '["LỪA ĐẢO QUA MẠNG"]'}
            )
            for i in range(3)
        },
    }
    site = load(make_project(tmp_path, files), drafts=True)
    assert [b.tags for b in site.bulletins] == [("lừa đảo qua mạng",)]
    assert {e.bulletin.tags for e in site.excluded} == {("lừa đảo qua mạng",)}
    assert {b.tags for b in site.previews} == {("lừa đảo qua mạng",)}


def test_a_symlinked_bulletin_from_outside_content_is_refused_unread(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(bulletin_md({"title": '"Bí mật bên ngoài"'}), encoding="utf-8")
    root = make_project(tmp_path, {})
    (root / "content" / "a.md").symlink_to(outside)
    [problem] = problems(root)
    assert problem.file == "content/a.md" and "ngoài thư mục content/" in problem.message


def test_a_symlinked_folder_out_of_content_is_never_read(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    root = make_project(tmp_path, {"content/a.md": bulletin_md()})
    (root / "content" / "link").symlink_to(elsewhere, target_is_directory=True)
    # Refused, not skipped in silence (a sync would withdraw what it held), and not read: its
    # broken file would be an error of its own.
    [problem] = problems(root)
    assert problem.file == "content/link"
    assert "thư mục là liên kết (symlink)" in problem.message
    assert "publish không đọc bản tin qua liên kết" in problem.message


def test_problems_name_files_in_path_order_and_skip_what_the_walk_must_skip(
    tmp_path: Path,
) -> None:
    """The loader walks content/ itself (not rglob): same files, same order as sorted paths
    ('a/' before 'a-b/', though '-' sorts before '/' as text), hidden, underscore and linked
    folders, pages/ and non-.md names left out (a .txt, .MD told as unread), a folder named *.md reported, not entered twice;
    a linked folder holding Markdown is refused after them, its files unread."""
    broken = "---\ntitle: [\n---\n"
    names = ["a-b/x.md", "a/x.md", "a/b/c/z.md", "B.md", "a.md", "ab.md", "dir.md/y.md"]
    files = {f"content/{n}": broken for n in names}
    files |= {
        "content/_mau/x.md": broken,
        "content/a/.nhap.md": broken,
        "content/.git/x.md": broken,
        "content/a/ghi-chu.txt": broken,
        "content/a/X.MD": broken,
    }
    root = make_project(tmp_path, files)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.md").write_text(broken, encoding="utf-8")
    (root / "content" / "a" / "lien-ket").symlink_to(elsewhere, target_is_directory=True)
    found = problems(root)
    names.append("dir.md")  # a folder: "không phải là tệp thường"
    errors = [p.file for p in found if p.severity == "error"]
    in_order = [f"content/{n}" for n in sorted(names, key=lambda n: Path(n).parts)]
    assert errors == [*in_order, "content/a/lien-ket"]
    # Not read on Windows either (its normcase made it .md there only), but named as unread; a
    # bulletin Notepad saved as .txt likewise.
    assert [p.file for p in found if p.severity == "warning"] == [
        "content/a/X.MD",
        "content/a/ghi-chu.txt",
    ]


def test_a_fifo_named_md_does_not_hang_the_build(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"content/a.md": bulletin_md()})
    os.mkfifo(root / "content" / "b.md")
    [problem] = problems(root)
    assert problem.file == "content/b.md" and "không phải là tệp thường" in problem.message


def test_a_fifo_named_md_beside_a_bulletin_saved_as_txt_does_not_hang_the_build(
    tmp_path: Path,
) -> None:
    """With a bulletin Notepad saved as .txt to tell, the load looked for its name in the text of
    every bulletin not read (a form one links to is not left behind): it opened the FIFO too,
    and `publish check` waited for a writer without a word."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md(), "content/c.md.txt": "x\n"})
    fifo = root / "content" / "b.md"
    os.mkfifo(fifo)
    found: list = []
    worker = threading.Thread(target=lambda: found.extend(problems(root)), daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # a writer: the reader goes on
        worker.join(10)
        pytest.fail("the load waited for a writer on content/b.md")
    assert [p.file for p in found] == ["content/b.md", "content/c.md.txt"]


@pytest.mark.parametrize("name", ["con", "nul", "aux", "com1", "lpt9", "prn"])
def test_windows_reserved_file_names_slugs_and_ids_are_refused(tmp_path: Path, name: str) -> None:
    root = make_project(
        tmp_path,
        {
            f"content/{name}.md": bulletin_md(),
            "content/b.md": bulletin_md({"slug": name}),
            "content/c.md": bulletin_md({"id": name, "slug": "c"}),
        },
    )
    found = {(p.file, p.field) for p in problems(root) if "tên Windows dành riêng" in p.message}
    assert found == {(f"content/{name}.md", None), ("content/b.md", "slug"), ("content/c.md", "id")}
    [slug] = [p for p in problems(root) if p.file == "content/b.md" and p.field == "slug"]
    assert slug.hint == f"Đặt địa chỉ bài khác, ví dụ: slug: {name.lower()}-1"


def test_a_very_long_file_name_gives_a_bounded_slug(tmp_path: Path) -> None:
    name = "canh-bao-" * 25 + "x"
    site = load(make_project(tmp_path, {f"content/{name}.md": bulletin_md()}))
    assert len(site.bulletins[0].slug) <= 80


@pytest.mark.parametrize(
    "value",
    ["../../etc", "/etc/passwd", "a/b", "а-cyrillic", "ａ", "a..b", "con.json", "a\\b", "x" * 121],
)
def test_hostile_slugs_and_ids_are_errors_not_paths(tmp_path: Path, value: str) -> None:
    root = make_project(
        tmp_path,
        {
            "content/a.md": bulletin_md({"slug": repr(value)}),
            "content/b.md": bulletin_md({"id": repr(value), "slug": "b"}),
        },
    )
    assert {(p.file, p.field) for p in problems(root)} == {
        ("content/a.md", "slug"),
        ("content/b.md", "id"),
    }


def test_a_look_alike_file_name_cannot_take_another_bulletins_slug(tmp_path: Path) -> None:
    # Cyrillic "а" transliterates to Latin "a": the clash is reported, not silently merged.
    root = make_project(
        tmp_path, {"content/canh-bao.md": bulletin_md(), "content/cаnh-bao.md": bulletin_md()}
    )
    assert any(
        "địa chỉ bài (slug) «canh-bao» (lấy từ tên tệp) trùng" in p.message for p in problems(root)
    )


@pytest.mark.parametrize("name", ["a<b>.md", 'tin "mới".md', "hỏi?.md", "x|y.md", "tab\tx.md"])
def test_file_names_windows_cannot_hold_are_refused_unread(tmp_path: Path, name: str) -> None:
    root = make_project(tmp_path, {f"content/{name}": bulletin_md()})
    [problem] = problems(root)
    assert problem.file == f"content/{name}" and "máy Windows" in problem.message


def test_control_characters_are_removed_with_a_warning(tmp_path: Path) -> None:
    # Found by tests/test_properties.py: they made feed.xml not well-formed and crashed the .docx.
    text = bulletin_md({"title": '"Tiêu\\x01 đề\\x0b"'}, body="Dòng một.\n\nDòng\x0c hai\x1f.\n")
    site = load(make_project(tmp_path, {"content/a.md": text}))
    [bulletin] = site.bulletins
    assert (
        bulletin.title == "Tiêu đề" and "\x0c" not in bulletin.body and "\x1f" not in bulletin.body
    )
    # One warning per line that held one: the title (from its escapes) and body line 11.
    assert [(w.line, w.field, w.severity) for w in site.warnings] == [
        (2, "title", "warning"),
        (11, None, "warning"),
    ]
    assert all("ký tự điều khiển" in w.message for w in site.warnings)


def test_each_line_losing_a_control_character_is_told_with_its_field_and_the_character(
    tmp_path: Path,
) -> None:
    """Pasted from Word: a line break inside the title, a backspace far down the body. Only the
    first line was told, naming neither field nor character, and the words the break parted
    were joined («Tinthử»); the backspace between two spaces left two."""
    body = "Dòng một.\n\nDòng hai.\nCâu có ký tự \x08 lạ, và\x0bngắt dòng Word.\n"
    text = bulletin_md({"title": '"Tin\x0bthử nghiệm"'}, body=body)
    site = load(make_project(tmp_path, {"content/a.md": text}))
    [bulletin] = site.bulletins
    assert bulletin.title == "Tin thử nghiệm"
    assert "Câu có ký tự lạ, và ngắt dòng Word." in bulletin.body
    title, line = site.warnings
    assert (title.line, title.field, line.line, line.field) == (2, "title", 12, None)
    assert title.message.startswith(
        "đã thay ký tự ngắt dòng của Word (U+000B) bằng dấu cách (ký tự điều khiển vô hình"
    )
    assert line.message.startswith(
        "nội dung: đã bỏ ký tự xóa lùi (U+0008) và thay ký tự ngắt dòng của Word (U+000B) bằng "
        "dấu cách"
    )
    assert "trường 'title': đã thay" in title.render()


def test_a_control_character_written_as_an_escape_is_told_at_its_fields_line(
    tmp_path: Path,
) -> None:
    text = bulletin_md({"summary": '"Gọi\\x07 ngay 113."', "zalo": '{title: "Tin\\x1b mới"}'})
    site = load(make_project(tmp_path, {"content/a.md": text}))
    [bulletin] = site.bulletins
    assert bulletin.summary == "Gọi ngay 113."
    told = [(w.field, w.message.split(" (ký tự")[0]) for w in site.warnings]
    assert told == [
        ("summary", "đã bỏ ký tự chuông (U+0007)"),
        ("zalo.title", "đã bỏ ký tự thoát (ESC) (U+001B)"),
    ]


@pytest.mark.parametrize(
    "mark", ["\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200f", "\u061c"]
)
def test_direction_overrides_are_removed_with_a_warning(tmp_path: Path, mark: str) -> None:
    """An RLO makes «Cảnh báo \u202egnạoh» show as «Cảnh báo hoạng»: the title, tag or text
    read on the website, on Zalo and on air would not be what the file says."""
    text = bulletin_md(
        {"title": f'"Cảnh báo {mark}gnạoh"', "tags": f'["{mark}abc"]', "author": f'"A{mark}"'},
        body=f"Dòng một.\n\nGọi {mark}311 ngay.\n",
    )
    site = load(make_project(tmp_path, {"content/a.md": text}))
    [bulletin] = site.bulletins
    assert bulletin.title == "Cảnh báo gnạoh" and bulletin.tags == ("abc",)
    assert bulletin.author == "A" and mark not in bulletin.body
    # One warning per line that held one, naming its field: the title's first.
    assert [w.field for w in site.warnings] == ["title", "tags", "author", None]
    assert site.warnings[0].line == 2 and site.warnings[0].severity == "warning"
    assert all("ký tự điều khiển" in w.message for w in site.warnings)


@pytest.mark.parametrize(
    "mark",
    ["\u2061", "\u2064", "\u115f", "\u1160", "\u3164", "\uffa0", "\U000e0001", "\U000e0041"],
    ids=["function", "plus", "choseong", "jungseong", "hangul", "halfwidth", "tag-begin", "tag-a"],
)
def test_invisible_operators_hangul_fillers_and_tags_are_removed_with_a_warning(
    tmp_path: Path, mark: str
) -> None:
    """Each shows as nothing (or a blank letter): a name or link that looks empty, or text
    hidden from the reader; Vietnamese needs none of them."""
    text = bulletin_md(
        {"title": f'"Cảnh báo{mark} lừa đảo"', "tags": f'["a{mark}bc"]'},
        body=f"Dòng một.\n\nGọi{mark} 113 ngay.{mark * 3}\n",
    )
    site = load(make_project(tmp_path, {"content/a.md": text}))
    [bulletin] = site.bulletins
    assert bulletin.title == "Cảnh báo lừa đảo" and bulletin.tags == ("abc",)
    assert bulletin.body.endswith("Gọi 113 ngay.\n")
    # One warning per line that held one, naming its field: the title's first.
    assert [w.field for w in site.warnings] == ["title", "tags", None]
    assert site.warnings[0].line == 2 and site.warnings[0].severity == "warning"
    assert all("ký tự điều khiển" in w.message for w in site.warnings)


@pytest.mark.parametrize(
    ("key", "meant"),
    [("tác_giả", "author"), ("Ảnh bìa", "cover"), ("thẻ", "tags"), ("mô tả ảnh", "cover_alt")],
)
def test_a_field_written_under_its_vietnamese_name_is_a_warning_naming_it(
    tmp_path: Path, key: str, meant: str
) -> None:
    """`tác_giả: "Minh Anh"` went to `extra` without a word: the author never showed."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({key: '"x"'})})
    [warning] = load(root).warnings
    assert (warning.severity, warning.field, warning.line) == ("warning", key, 7)
    assert f"có phải ý bạn là '{meant}'? Giá trị của nó đang bị bỏ qua." in warning.message
    assert (warning.hint or "").startswith(f"Sửa thành '{meant}:'")


def test_a_vietnamese_name_beside_the_field_says_to_delete_one(tmp_path: Path) -> None:
    """Renaming it as told would write the key twice."""
    text = bulletin_md({"author": '"Minh Anh"', "tác_giả": '"Minh Anh"'})
    [warning] = load(make_project(tmp_path, {"content/a.md": text})).warnings
    assert (warning.hint or "").startswith("Đã có dòng 'author:': xóa dòng này")


@pytest.mark.parametrize(
    ("key", "meant"),
    [("tóm_tắt", "summary"), ("Tiêu đề", "title"), ("chuyên mục", "category"), ("ngày", "date")],
)
def test_a_required_field_under_its_vietnamese_name_is_told_at_that_line(
    tmp_path: Path, key: str, meant: str
) -> None:
    """«thiếu trường bắt buộc … Thêm một dòng 'summary: …'» at line 2 sent the editor to add a
    second line, the Vietnamese one still unread, and said nothing of it."""
    text = bulletin_md(drop=[meant]).replace("approved_by:", f'{key}: "x"\napproved_by:')
    [problem] = problems(make_project(tmp_path, {"content/a.md": text}))
    assert (problem.severity, problem.field, problem.line) == ("error", meant, 5)
    assert problem.message == (
        f"thiếu trường bắt buộc: dòng '{key}:' là trường này viết bằng tên tiếng Việt, công cụ "
        f"chỉ đọc tên '{meant}'"
    )
    assert problem.hint == f"Đổi '{key}:' thành '{meant}:' (viết thường, không dấu)."
