"""A bulletin whose date or slug changed keeps answering at its old address (printed QR codes,
shared links): `publish sync` records every address by bulletin id, the website build writes a
redirect page at each old one."""

from __future__ import annotations

import errno
import json
import os
import re
from pathlib import Path

import pytest

from publish.cli import main
from publish.errors import PublishError
from publish.url_history import history_path, load_history, with_addresses
from tests.git_commands import commit_all, git, needs_git, restore_as_told
from tests.helpers import bulletin_md, make_project

NOW = "2021-01-01T09:00"
OLD = "/2020/12/ten-cu/"
NEW = "/2020/12/ten-moi/"


def project(tmp_path: Path, history: dict[str, list[str]] | None = None, **fields: str) -> Path:
    """One bulletin (id ct-a, slug ten-moi) and, when given, a recorded address history."""
    front = {
        "id": "ct-a",
        "slug": "ten-moi",
        "date": "2020-12-08 08:00",
        "channels": "[web]",
        **fields,
    }
    files = {"content/bai-viet/a.md": bulletin_md(front)}
    if history is not None:
        files["state/web-urls.json"] = json.dumps({"version": 1, "urls": history})
    return make_project(tmp_path, files)


def build(root: Path, *args: str) -> int:
    """`publish build` of the website at the fixed clock."""
    return main(["build", "--root", str(root), "--now", NOW, "--channel", "web", "-q", *args])


def test_an_old_address_redirects_to_the_new_one(tmp_path: Path) -> None:
    root = project(tmp_path, {"ct-a": [OLD, NEW]})
    assert build(root) == 0
    page = (root / "output/web/2020/12/ten-cu/index.html").read_text("utf-8")
    assert f'<meta http-equiv="refresh" content="0; url={NEW}">' in page
    assert re.search(rf'<link rel="canonical" href="https://[^"/]+{re.escape(NEW)}">', page)
    assert f'<a href="{NEW}">' in page and '<meta name="robots" content="noindex">' in page
    assert "ten-cu" not in (root / "output/web/sitemap.xml").read_text("utf-8")
    assert main(["check", "--root", str(root), "--now", NOW, "--strict"]) == 0


def test_an_old_address_shared_on_zalo_or_facebook_previews_the_bulletin(tmp_path: Path) -> None:
    """A printed or shared old address pasted into a message: the crawlers making the preview
    do not follow the refresh, and the preview was titled «Bài viết đã chuyển địa chỉ: …». The
    page now names the new address as og:url (Facebook's crawler goes on there) and the
    bulletin's own title as og:title."""
    root = project(tmp_path, {"ct-a": [OLD, NEW]}, title='"Cảnh báo lừa đảo"')
    assert build(root) == 0
    page = (root / "output/web/2020/12/ten-cu/index.html").read_text("utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', page)
    assert canonical and canonical[1].endswith(NEW)
    assert f'<meta property="og:url" content="{canonical[1]}">' in page
    assert '<meta property="og:title" content="Cảnh báo lừa đảo">' in page


def test_old_addresses_of_withdrawn_bulletins_and_of_live_pages_get_no_redirect(
    tmp_path: Path,
) -> None:
    history = {"ct-a": ["/2020/12/b/"], "ct-gone": ["/2019/01/da-go/"]}
    root = project(tmp_path, history)
    (root / "content/bai-viet/b.md").write_text(
        bulletin_md({"id": "ct-b", "slug": "b", "date": "2020-12-09 08:00"}), "utf-8"
    )
    assert build(root) == 0
    assert "http-equiv" not in (root / "output/web/2020/12/b/index.html").read_text("utf-8")
    assert not (root / "output/web/2019").exists()


def test_a_hand_edited_history_cannot_write_outside_the_site(tmp_path: Path) -> None:
    root = project(tmp_path, {"ct-a": ["/../../thoat/", "/2020/12/Chu Hoa/", "khong-gach/"]})
    assert build(root) == 0
    assert not (tmp_path / "thoat").exists()
    assert not [p for p in (root / "output/web").rglob("*") if "thoat" in str(p) or " " in str(p)]


@pytest.mark.parametrize("text", ["{không phải json", '{"urls": {"ct-a": "/x/"}}'])
def test_a_broken_history_file_is_a_clear_error(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    history_path(root).parent.mkdir()
    history_path(root).write_text(text, "utf-8")
    assert build(root) == 1
    err = capsys.readouterr().err
    assert "web-urls.json" in err and "Traceback" not in err
    assert "Lấy lại bản tốt của tệp từ git (git checkout MÃ_COMMIT -- state/web-urls.json" in err
    assert "Expecting" not in err
    with pytest.raises(PublishError):
        load_history(history_path(root))


@pytest.mark.parametrize(
    ("code", "reason", "fix"),
    [
        (errno.EMFILE, "mở quá nhiều tệp cùng lúc", "`ulimit -n 4096`"),
        (errno.EACCES, "không có quyền", "sudo chown $USER state/web-urls.json"),
    ],
)
def test_a_history_file_unread_for_no_damage_of_its_own_is_told_what_to_do_instead(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    reason: str,
    fix: str,
) -> None:
    """QA, session 77 (`ulimit -n 5`): too many files open was told to restore the file from
    git or delete it, as if it were damaged (and there was no file at all)."""
    root = project(tmp_path, {"ct-a": [OLD, NEW]})
    read_bytes = Path.read_bytes

    def refusing(path: Path) -> bytes:
        if path.name == "web-urls.json":
            raise OSError(code, os.strerror(code), str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refusing)
    assert build(root) == 1
    err = capsys.readouterr().err
    assert f"không đọc được web-urls.json trong state/ ({reason}). Cách sửa: " in err
    assert fix in err
    assert "Lấy lại bản tốt" not in err and "xóa tệp" not in err and "Traceback" not in err


def test_addresses_are_added_once_and_never_dropped() -> None:
    history = {"ct-a": (OLD,)}
    assert with_addresses(history, [("ct-a", OLD)]) is None
    assert with_addresses(history, [("ct-a", NEW), ("ct-b", "/2020/12/b/")]) == {
        "ct-a": (OLD, NEW),
        "ct-b": ("/2020/12/b/",),
    }


def test_sync_records_addresses_and_the_next_build_redirects_the_old_one(tmp_path: Path) -> None:
    root = project(tmp_path, slug="ten-cu")
    sync = ["--root", str(root), "--now", NOW, "sync", "web"]
    assert main([*sync, "--dry-run"]) == 0
    assert not history_path(root).exists()  # a dry run records nothing
    assert main(sync) == 0
    assert load_history(history_path(root)) == {"ct-a": (OLD,)}
    post = root / "content/bai-viet/a.md"
    post.write_text(post.read_text("utf-8").replace("slug: ten-cu", "slug: ten-moi"), "utf-8")
    assert main(sync) == 0
    assert load_history(history_path(root)) == {"ct-a": (OLD, NEW)}
    assert main(sync) == 0  # from here the redirect is part of every build
    old = (root / "output/web/2020/12/ten-cu/index.html").read_text("utf-8")
    assert re.search(rf'url={re.escape(NEW)}"', old)


def test_a_changed_history_is_not_replayed_over(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert build(root) == 0
    assert build(root) == 0
    history_path(root).parent.mkdir(exist_ok=True)
    history_path(root).write_text(json.dumps({"version": 1, "urls": {"ct-a": [OLD]}}), "utf-8")
    assert build(root) == 0
    assert (root / "output/web/2020/12/ten-cu/index.html").exists()


def test_aliases_in_front_matter_redirect_old_addresses_to_the_bulletin(tmp_path: Path) -> None:
    """A unit moving from Hugo or WordPress keeps its posts' old addresses working (shared links,
    printed QR codes): `aliases` were ignored and those addresses answered 404."""
    aliases = '["/posts/canh-bao-cu/", "https://congan-chauthanh.example.vn/2019/05/12/bai-cu", "/posts/canh-bao-cu/"]'
    root = project(tmp_path, aliases=aliases)
    assert build(root) == 0
    for old in ("posts/canh-bao-cu", "2019/05/12/bai-cu"):
        page = (root / f"output/web/{old}/index.html").read_text("utf-8")
        assert f'<meta http-equiv="refresh" content="0; url={NEW}">' in page
    sitemap = (root / "output/web/sitemap.xml").read_text("utf-8")
    assert "canh-bao-cu" not in sitemap and "bai-cu" not in sitemap
    assert main(["check", "--root", str(root), "--now", NOW, "--strict"]) == 0


def test_old_addresses_ending_in_html_redirect_too(tmp_path: Path) -> None:
    """WordPress and older sites wrote "/2019/05/bai-cu.html": refused before, though a static
    page at that file redirects as well as one in a folder."""
    root = project(tmp_path, aliases='["/2019/05/bai-cu.html", "/tin-tuc/index.html"]')
    assert build(root) == 0
    for old in ("2019/05/bai-cu.html", "tin-tuc/index.html"):
        page = (root / f"output/web/{old}").read_text("utf-8")
        assert f'<meta http-equiv="refresh" content="0; url={NEW}">' in page
    assert main(["check", "--root", str(root), "--now", NOW, "--strict"]) == 0


def test_a_page_s_aliases_redirect_to_it(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "content/pages").mkdir(parents=True)
    (root / "content/pages/lien-he.md").write_text(
        '---\ntitle: Liên hệ\naliases: ["/contact/", "/lien-he-cu"]\n---\n\nGọi 113.\n', "utf-8"
    )
    assert build(root) == 0
    for old in ("contact", "lien-he-cu"):
        page = (root / f"output/web/{old}/index.html").read_text("utf-8")
        assert '<meta http-equiv="refresh" content="0; url=/lien-he/">' in page


def _feed_id(feed: str) -> str:
    """The <id> of an Atom feed (its own, the first)."""
    return re.search(r"<id>([^<]*)</id>", feed)[1]  # type: ignore[index]


def _entries(feed: str) -> list[str]:
    """The ids of an Atom feed's entries."""
    return re.findall(r"<entry>\s*<id>([^<]*)</id>", feed)


def test_a_renamed_or_merged_category_keeps_each_feed_s_id(tmp_path: Path) -> None:
    """Renamed, a category's feed at its old address (its followers' subscription) named the
    new key in its <id>, which a feed reader takes for another feed. Each address keeps the id
    it had; a category that took in another (its key in aliases) keeps its own too."""
    root = project(tmp_path, category="canh-bao")
    toml = root / "site.toml"
    renamed = toml.read_text("utf-8").replace(
        'label = "Cảnh báo phương thức, thủ đoạn tội phạm"\n', RENAMED
    )
    before = renamed.replace("[categories.canh-bao-toi-pham]", "[categories.canh-bao]")
    before = before.replace('aliases = ["canh-bao"]\n', "")
    toml.write_text(before, "utf-8")
    assert build(root) == 0
    web = root / "output/web"
    old = (web / "chuyen-muc/canh-bao/feed.xml").read_text("utf-8")
    kept = (web / "chuyen-muc/an-ninh-trat-tu/feed.xml").read_text("utf-8")
    toml.write_text(renamed, "utf-8")
    assert build(root) == 0
    after = (web / "chuyen-muc/canh-bao/feed.xml").read_text("utf-8")
    assert _feed_id(after) == _feed_id(old)
    assert _entries(after) == _entries(old) and _entries(old)
    new = (web / "chuyen-muc/canh-bao-toi-pham/feed.xml").read_text("utf-8")
    assert _feed_id(new).endswith("/chuyen-muc/canh-bao-toi-pham/feed.xml")
    assert _entries(new) == _entries(old)
    # an-ninh-trat-tu takes in the renamed category: it keeps its own id, and the old address
    # its own.
    merged = renamed.replace("[categories.canh-bao-toi-pham]\n" + RENAMED, "").replace(
        "[categories.an-ninh-trat-tu]\n",
        '[categories.an-ninh-trat-tu]\naliases = ["canh-bao-toi-pham", "canh-bao"]\n',
    )
    assert "canh-bao-toi-pham]" not in merged
    toml.write_text(merged, "utf-8")
    assert build(root) == 0
    assert _feed_id((web / "chuyen-muc/an-ninh-trat-tu/feed.xml").read_text("utf-8")) == (
        _feed_id(kept)
    )
    assert _feed_id((web / "chuyen-muc/canh-bao/feed.xml").read_text("utf-8")) == _feed_id(old)
    assert _feed_id((web / "chuyen-muc/canh-bao-toi-pham/feed.xml").read_text("utf-8")) == (
        _feed_id(new)
    )


@pytest.mark.parametrize(
    ("aliases", "told"),
    [
        ('["/Posts/Cũ.html"]', "không làm được trang chuyển hướng cho địa chỉ cũ «/Posts/Cũ.html»"),
        ('["https://baodongthap.vn/bai-cu/"]', "không làm được trang chuyển hướng"),
        ("[1, 2]", "cần một danh sách địa chỉ cũ của bài"),
        ('["/index.html"]', "không làm được trang chuyển hướng cho địa chỉ cũ «/index.html»"),
        ('["/2020/12/b/"]', "địa chỉ cũ «/2020/12/b/» cũng là địa chỉ của content/bai-viet/b.md"),
        ('["/posts/b/"]', "địa chỉ cũ «/posts/b/» cũng là địa chỉ cũ của content/bai-viet/a.md"),
    ],
)
def test_an_alias_that_cannot_redirect_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], aliases: str, told: str
) -> None:
    root = project(tmp_path, aliases=aliases)
    b = {"id": "ct-b", "slug": "b", "date": "2020-12-09 08:00", "aliases": '["/posts/b/"]'}
    (root / "content/bai-viet/b.md").write_text(bulletin_md(b), "utf-8")
    assert build(root) == 1
    err = capsys.readouterr().err
    assert "content/bai-viet/a.md" in err and "trường 'aliases'" in err and told in err
    assert not (root / "output").exists()


@pytest.mark.parametrize(("draft", "guided"), [("true", True), ("false", False)])
def test_taking_the_address_of_a_bulletin_set_back_to_draft_says_to_delete_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], draft: str, guided: bool
) -> None:
    """Replacing an urgent bulletin by a fuller one, the editor set the old one to a draft and
    gave its address to the new one's aliases: refused, with «bỏ địa chỉ đó», the one thing
    not meant. The draft's file is what holds the address: deleting it lets the new one
    redirect it (the next sync withdraws the old one everywhere)."""
    root = project(tmp_path, aliases='["/2020/12/b/"]')
    b = {"id": "ct-b", "slug": "b", "date": "2020-12-09 08:00", "draft": draft}
    (root / "content/bai-viet/b.md").write_text(bulletin_md(b), "utf-8")
    assert build(root) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert "địa chỉ cũ «/2020/12/b/» cũng là địa chỉ của content/bai-viet/b.md" in err
    assert (
        "thì xóa tệp bài đó (git rm content/bai-viet/b.md) thay vì ghi draft: true" in err
    ) is guided
    (root / "content/bai-viet/b.md").unlink()
    assert build(root) == 0
    page = (root / "output/web/2020/12/b/index.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=/2020/12/ten-moi/">' in page


def test_a_page_s_unusable_alias_does_not_hide_its_other_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad alias held the page back as if its embargo were unknown: the page was dropped
    unchecked, so its broken link was told only after the alias was fixed."""
    root = project(tmp_path)
    (root / "content/pages").mkdir(parents=True)
    (root / "content/pages/lien-he.md").write_text(
        '---\ntitle: Liên hệ\naliases: ["/Contact.html"]\n---\n\nXem [cũ](khong-co.md).\n',
        "utf-8",
    )
    assert main(["check", "--root", str(root), "--now", NOW]) == 1
    err = capsys.readouterr().err
    assert "content/pages/lien-he.md:3: lỗi: trường 'aliases'" in err
    assert "content/pages/lien-he.md:6: lỗi: liên kết «khong-co.md»" in err


@pytest.mark.parametrize(
    "old", ["/chuyen-muc/canh-bao-toi-pham/", "/tim-kiem/", "/the/lua-dao/", "/trang/2/"]
)
def test_an_alias_in_a_folder_the_website_fills_is_an_error_of_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str
) -> None:
    """Such an alias clashed with a category or search page (told only "change the slug of one
    of the two bulletins", naming no field) or silently took a tag's or a list page's place."""
    root = project(tmp_path, aliases=f'["{old}"]', tags="[Lừa đảo]")
    assert build(root) == 1
    err = capsys.readouterr().err
    assert "content/bai-viet/a.md:" in err and "trường 'aliases'" in err
    assert f"địa chỉ cũ «{old}» nằm trong thư mục /{old.split('/')[1]}/" in err
    assert "Đổi địa chỉ" not in err and not (root / "output").exists()


RENAMED = 'label = "Cảnh báo phương thức, thủ đoạn tội phạm"\naliases = ["canh-bao"]\n'


def test_a_renamed_category_answers_at_its_old_address_and_old_key(tmp_path: Path) -> None:
    """A category whose key changed ([categories.x] aliases = the old keys): its old page and
    feed addresses keep working (bookmarks, feed readers), and a bulletin that still names the
    old key belongs to it."""
    root = project(tmp_path, category="canh-bao")
    toml = root / "site.toml"
    text = toml.read_text("utf-8").replace(
        'label = "Cảnh báo phương thức, thủ đoạn tội phạm"\n', RENAMED
    )
    toml.write_text(text + "\n[web]\nper_page = 1\n", "utf-8")
    (root / "content/bai-viet/b.md").write_text(
        bulletin_md(
            {
                "slug": "b",
                "date": "2020-12-09 08:00",
                "category": "canh-bao-toi-pham",
                "channels": "[web]",
            }
        ),
        "utf-8",
    )
    assert build(root) == 0
    web = root / "output/web"
    new = "/chuyen-muc/canh-bao-toi-pham/"
    first = (web / "chuyen-muc/canh-bao/index.html").read_text("utf-8")
    second = (web / "chuyen-muc/canh-bao/trang/2/index.html").read_text("utf-8")
    assert f'<meta http-equiv="refresh" content="0; url={new}">' in first
    assert f'<meta http-equiv="refresh" content="0; url={new}trang/2/">' in second
    feed = (web / "chuyen-muc/canh-bao-toi-pham/feed.xml").read_text("utf-8")
    old_feed = (web / "chuyen-muc/canh-bao/feed.xml").read_text("utf-8")
    assert _entries(old_feed) == _entries(feed) and len(_entries(feed)) == 2
    assert _feed_id(old_feed) == "https://congan-chauthanh.example.vn/chuyen-muc/canh-bao/feed.xml"
    assert "/2020/12/ten-moi/" in (web / "chuyen-muc/canh-bao-toi-pham/index.html").read_text(
        "utf-8"
    ) + (web / "chuyen-muc/canh-bao-toi-pham/trang/2/index.html").read_text("utf-8")
    assert "chuyen-muc/canh-bao/" not in (web / "sitemap.xml").read_text("utf-8")
    assert main(["check", "--root", str(root), "--now", NOW, "--strict"]) == 0


@pytest.mark.parametrize(
    ("aliases", "told"),
    [
        ('["an-ninh-trat-tu"]', "đang là khóa của chuyên mục [categories.an-ninh-trat-tu]"),
        ('["Cảnh báo"]', "không phải một khóa chuyên mục"),
        ('[""]', "trống"),
    ],
)
def test_an_old_key_that_cannot_be_one_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], aliases: str, told: str
) -> None:
    """An old key must look like a key and belong to no other category."""
    root = project(tmp_path)
    toml = root / "site.toml"
    text = toml.read_text("utf-8").replace(
        'label = "Cảnh báo phương thức, thủ đoạn tội phạm"\n',
        f'label = "Cảnh báo phương thức, thủ đoạn tội phạm"\naliases = {aliases}\n',
    )
    toml.write_text(text, "utf-8")
    assert build(root) == 1
    err = capsys.readouterr().err
    assert "site.toml:" in err and "aliases" in err and told in err, err


def test_an_old_key_claimed_by_two_categories_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An old address can lead to one category only."""
    root = project(tmp_path)
    toml = root / "site.toml"
    text = toml.read_text("utf-8").replace(
        'label = "Cảnh báo phương thức, thủ đoạn tội phạm"\n', RENAMED
    )
    text = text.replace(
        'label = "Tình hình an ninh trật tự"\n',
        'label = "Tình hình an ninh trật tự"\naliases = ["canh-bao"]\n',
    )
    toml.write_text(text, "utf-8")
    assert build(root) == 1
    assert "khóa cũ «canh-bao» đã ghi ở [categories.canh-bao-toi-pham] aliases" in (
        capsys.readouterr().err
    )


OLD_LABEL = "Cảnh báo phương thức, thủ đoạn tội phạm"
RELABELLED = 'label = "Cảnh báo thủ đoạn tội phạm"\n'


def relabel(root: Path, extra: str = "", *, key: str = "canh-bao-toi-pham") -> None:
    """Give the category canh-bao-toi-pham a new label (and `key`), with `extra` lines after."""
    toml = root / "site.toml"
    text = toml.read_text("utf-8").replace(f'label = "{OLD_LABEL}"\n', RELABELLED + extra)
    toml.write_text(text.replace("[categories.canh-bao-toi-pham]", f"[categories.{key}]"), "utf-8")


def test_a_bulletin_naming_its_category_by_an_old_label_stays_in_it(tmp_path: Path) -> None:
    """A label renamed in site.toml: a bulletin approved with `category: "<old label>"` stays
    in the category through old_labels, untouched (editing it would withdraw it)."""
    root = project(tmp_path, category=f'"{OLD_LABEL}"')
    relabel(root, f'old_labels = ["{OLD_LABEL.upper()}"]\n')
    assert build(root) == 0
    listed = (root / "output/web/chuyen-muc/canh-bao-toi-pham/index.html").read_text("utf-8")
    assert NEW in listed and "Cảnh báo thủ đoạn tội phạm" in listed


@pytest.mark.parametrize(
    ("category", "key", "line"),
    [
        (f'"{OLD_LABEL}"', "canh-bao-toi-pham", f'old_labels = ["{OLD_LABEL}"]'),
        ("canh-bao-toi-pham", "canh-bao", 'aliases = ["canh-bao-toi-pham"]'),
    ],
)
def test_an_approved_bulletin_whose_category_went_is_told_to_keep_it_in_site_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], category: str, key: str, line: str
) -> None:
    """The hint led to editing the bulletin («Có phải ý bạn là …?»), which withdraws an approved
    one from every channel until approved again: it names the line site.toml needs instead."""
    root = project(tmp_path, category=category, approved_version='"a-b-c"')
    relabel(root, key=key)
    assert build(root) == 1
    err = capsys.readouterr().err
    assert f"thêm dòng {line}" in err and f"ví dụ [categories.{key}]" in err, err
    assert "đừng sửa bản tin" in err and "Có phải ý bạn là" not in err


def test_an_approved_bulletin_whose_category_is_mistyped_after_approval_is_told_the_closest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An editor fixing an approved bulletin with `publish serve` open types «canh-bao-toi-phm»:
    the file is no longer the one approved, so a typo is the likely cause. It was told to add
    aliases = ["canh-bao-toi-phm"] to site.toml and not to edit the bulletin. Untouched since
    its approval, a category renamed in site.toml is still told as before."""
    root = project(tmp_path, category="canh-bao-toi-pham")
    source = root / "content/bai-viet/a.md"
    by = ["--by", "Thượng tá Trần Minh Trí, Trưởng Công an huyện"]
    assert main(["approve", "--root", str(root), "--now", NOW, str(source), *by]) == 0
    capsys.readouterr()
    approved = source.read_text("utf-8")
    source.write_text(approved.replace("canh-bao-toi-pham", "canh-bao-toi-phm"), "utf-8")
    assert build(root) == 1
    err = capsys.readouterr().err
    assert "Có phải ý bạn là «canh-bao-toi-pham»?" in err and "đừng sửa bản tin" not in err, err
    source.write_text(approved, "utf-8")
    relabel(root, key="canh-bao")
    assert build(root) == 1
    err = capsys.readouterr().err
    assert 'thêm dòng aliases = ["canh-bao-toi-pham"]' in err and "đừng sửa bản tin" in err, err


def test_a_bulletin_not_approved_by_fingerprint_with_an_unknown_category_is_told_the_closest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No fingerprint of `publish approve` (which refuses a bulletin with errors), only a name
    typed by hand: nothing says the category was ever one, a typo is the likely cause."""
    root = project(tmp_path, category="canh-bao-toi-pam")
    assert build(root) == 1
    err = capsys.readouterr().err
    assert "Có phải ý bạn là «canh-bao-toi-pham»?" in err and "old_labels" not in err, err


@pytest.mark.parametrize(
    ("own", "other", "told"),
    [
        (
            "tình hình an ninh trật tự",
            "",
            "nhãn cũ «tình hình an ninh trật tự» đang là nhãn của chuyên mục "
            "[categories.an-ninh-trat-tu]",
        ),
        (
            "Cảnh báo cũ",
            'old_labels = ["Cảnh báo cũ"]\n',
            "nhãn cũ «Cảnh báo cũ» đã ghi ở [categories.canh-bao-toi-pham] old_labels",
        ),
    ],
)
def test_an_old_label_that_would_name_two_categories_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], own: str, other: str, told: str
) -> None:
    """A bulletin naming it could not tell which category it is in."""
    root = project(tmp_path)
    relabel(root, f'old_labels = ["{own}"]\n')
    toml = root / "site.toml"
    label = 'label = "Tình hình an ninh trật tự"\n'
    toml.write_text(toml.read_text("utf-8").replace(label, label + other), "utf-8")
    assert build(root) == 1
    err = capsys.readouterr().err
    assert "site.toml:" in err and told in err, err


def test_an_old_label_written_in_aliases_is_told_to_go_in_old_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    relabel(root, 'aliases = ["Cảnh báo"]\n')
    assert build(root) == 1
    assert 'old_labels = ["Cảnh báo"]' in capsys.readouterr().err


def test_a_page_alias_at_a_bulletin_s_recorded_old_address_names_both_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It stopped at write time with the writer's «hai tệp cùng tạo ra», naming no field."""
    root = project(tmp_path, {"ct-a": [OLD, NEW]})
    (root / "content/pages").mkdir(parents=True)
    (root / "content/pages/lien-he.md").write_text(
        f'---\ntitle: Liên hệ\naliases: ["{OLD}"]\n---\n\nGọi 113.\n', "utf-8"
    )
    assert main(["check", "--root", str(root), "--now", NOW]) == 1
    err = capsys.readouterr().err
    assert "content/pages/lien-he.md:3: lỗi: trường 'aliases'" in err
    assert f"địa chỉ cũ «{OLD}» là địa chỉ content/bai-viet/a.md từng được đăng" in err
    assert "state/web-urls.json" in err and "hai tệp cùng tạo ra" not in err
    assert build(root) == 1 and not (root / "output").exists()


def test_a_page_at_a_bulletin_s_recorded_old_address_says_to_move_the_page_or_forget_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The writer's collision named a page and a redirect page, and said to change the slug of
    one of two bulletins."""
    root = project(tmp_path, {"ct-a": ["/lien-he/", NEW]})
    (root / "content/pages").mkdir(parents=True)
    (root / "content/pages/lien-he.md").write_text("---\ntitle: Liên hệ\n---\n\nGọi.\n", "utf-8")
    assert build(root) == 1
    err = capsys.readouterr().err
    assert "hai tệp cùng tạo ra output/web/lien-he/index.html" in err
    assert "content/pages/lien-he.md (trang)" in err
    assert "ghi trong state/web-urls.json" in err and "hai bản tin" not in err
    assert "Đổi địa chỉ (slug: …) của trang content/pages/lien-he.md, hoặc xóa địa chỉ đó" in err


def test_an_alias_at_a_scheduled_bulletin_s_recorded_old_address_is_an_error_before_the_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Checked against bulletins on the website only, it passed until the scheduled one was
    published: the build of that moment stopped, with no one there, and the bulletin was late."""
    root = project(tmp_path, {"ct-a": [OLD, NEW]}, date="2021-01-05 07:00")
    b = {"id": "ct-b", "slug": "b", "date": "2020-12-09 08:00", "aliases": f'["{OLD}"]'}
    (root / "content/bai-viet/b.md").write_text(bulletin_md(b), "utf-8")
    assert build(root) == 1 and not (root / "output").exists()
    err = capsys.readouterr().err
    assert "content/bai-viet/b.md:9: lỗi: trường 'aliases'" in err
    assert f"địa chỉ cũ «{OLD}» là địa chỉ content/bai-viet/a.md từng được đăng" in err
    assert "bài ấy hẹn đăng lúc 07:00" in err and "05/01/2021" in err
    assert "chuyen-muc" not in err  # nothing else is wrong with the project
    main(["build", "--root", str(root), "--now", "2021-01-05T07:00", "--channel", "web", "-q"])
    assert f"địa chỉ cũ «{OLD}» là địa chỉ content/bai-viet/a.md" in capsys.readouterr().err


def test_a_scheduled_bulletin_s_alias_at_a_recorded_old_address_is_an_error_before_the_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The other way round: the alias is the scheduled bulletin's."""
    root = project(tmp_path, {"ct-a": [OLD, NEW]})
    b = {"id": "ct-b", "slug": "b", "date": "2021-01-05 07:00", "aliases": f'["{OLD}"]'}
    (root / "content/bai-viet/b.md").write_text(bulletin_md(b), "utf-8")
    assert build(root) == 1
    err = capsys.readouterr().err
    assert "content/bai-viet/b.md:9: lỗi: trường 'aliases'" in err
    assert "bài này hẹn đăng lúc 07:00" in err


def test_a_bulletin_alias_at_another_s_recorded_old_address_names_both_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first id in sorted order took the address silently; a redirect to the other bulletin
    was lost, or the alias was."""
    root = project(tmp_path, {"ct-a": [OLD, NEW]})
    b = {"id": "ct-b", "slug": "b", "date": "2020-12-09 08:00", "aliases": f'["{OLD}"]'}
    (root / "content/bai-viet/b.md").write_text(bulletin_md(b), "utf-8")
    assert build(root) == 1
    err = capsys.readouterr().err
    assert "content/bai-viet/b.md:9: lỗi: trường 'aliases'" in err
    assert f"địa chỉ cũ «{OLD}» là địa chỉ content/bai-viet/a.md từng được đăng" in err
    assert "xóa" in err and "«ct-a»" in err
    assert not (root / "output").exists()


def test_an_alias_at_its_own_or_a_withdrawn_bulletin_s_old_address_is_fine(
    tmp_path: Path,
) -> None:
    root = project(
        tmp_path, {"ct-a": [OLD, NEW], "ct-gone": ["/2019/01/da-go/"]}, aliases=f'["{OLD}"]'
    )
    b = {"id": "ct-b", "slug": "b", "date": "2020-12-09 08:00", "aliases": '["/2019/01/da-go/"]'}
    (root / "content/bai-viet/b.md").write_text(bulletin_md(b), "utf-8")
    assert build(root) == 0
    page = (root / "output/web/2019/01/da-go/index.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=/2020/12/b/">' in page


def test_an_alias_with_a_fragment_says_to_drop_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was told only the general rule (letters, digits, '-'), not that '#…' is the problem."""
    root = project(tmp_path, aliases='["/posts/bai-cu/#binh-luan"]')
    assert build(root) == 1
    err = capsys.readouterr().err
    assert "địa chỉ cũ «/posts/bai-cu/#binh-luan»" in err
    assert "phần từ dấu '#' không bao giờ được gửi tới máy chủ" in err
    assert "Ghi «/posts/bai-cu/» thay cho «/posts/bai-cu/#binh-luan» (bỏ phần '#binh-luan')" in err


OLD_SITE = "https://congan-chauthanh.example.vn/"
NEW_SITE = "https://congan-tannhuandong.example.vn/"


def move_site(root: Path, *, old_listed: bool) -> None:
    """The unit's website moves to NEW_SITE (a rename in 2025), with or without the old
    address in [site] old_base_urls."""
    toml = root / "site.toml"
    moved = f'base_url = "{NEW_SITE}"' + (f'\nold_base_urls = ["{OLD_SITE}"]' if old_listed else "")
    text = re.sub(r'base_url = "[^"]*"(\nold_base_urls = .*)?', moved, toml.read_text("utf-8"))
    toml.write_text(text, "utf-8")


def test_sync_records_the_site_address_once_and_a_moved_site_is_told_until_the_old_is_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    sync = ["--root", str(root), "--now", NOW, "sync", "web"]
    assert main(sync) == 0
    recorded = json.loads(history_path(root).read_text("utf-8"))
    assert recorded["base_urls"] == [OLD_SITE]
    assert recorded["urls"] == {"ct-a": [NEW]}
    before = history_path(root).stat().st_mtime_ns
    assert main(sync) == 0
    assert history_path(root).stat().st_mtime_ns == before  # nothing new: not rewritten
    capsys.readouterr()

    move_site(root, old_listed=False)
    check = ["--root", str(root), "--now", NOW, "check", "--channel", "web"]
    assert main(check) == 0  # a local build still shows the site
    err = capsys.readouterr().err
    assert f"site.toml:{_line(root, 'base_url')}: cảnh báo: trường 'base_url'" in err
    assert f"website đã đăng ở «{OLD_SITE}»" in err
    assert f"nay base_url là «{NEW_SITE}»" in err
    assert f'old_base_urls = ["{OLD_SITE}"]' in err
    assert main([*check, "--strict"]) == 1  # CI publishes nothing until someone decides
    capsys.readouterr()

    move_site(root, old_listed=True)
    assert main([*check, "--strict"]) == 0
    assert "địa chỉ website đã đổi" not in capsys.readouterr().err
    assert main(sync) == 0
    assert json.loads(history_path(root).read_text("utf-8"))["base_urls"] == [OLD_SITE, NEW_SITE]


def test_a_sync_without_strict_does_not_silence_the_moved_site_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    sync = ["--root", str(root), "--now", NOW, "sync", "web"]
    check = ["--root", str(root), "--now", NOW, "check", "--channel", "web", "--strict"]
    assert main(sync) == 0
    move_site(root, old_listed=False)
    assert main(sync) == 0  # someone syncs by hand, without --strict: the website goes up
    assert "địa chỉ website đã đổi" in capsys.readouterr().err
    assert main(check) == 1  # CI still stops until the old address is listed
    assert f"website đã đăng ở «{OLD_SITE}»" in capsys.readouterr().err
    assert json.loads(history_path(root).read_text("utf-8"))["base_urls"] == [OLD_SITE]

    move_site(root, old_listed=True)
    assert main(sync) == 0
    recorded = json.loads(history_path(root).read_text("utf-8"))["base_urls"]
    assert recorded == [OLD_SITE, NEW_SITE]
    # Every address is kept: dropping the oldest from old_base_urls later is told as well.
    toml = root / "site.toml"
    toml.write_text(re.sub(r"\nold_base_urls = .*", "", toml.read_text("utf-8")), "utf-8")
    capsys.readouterr()
    assert main(check) == 1
    assert f'old_base_urls = ["{OLD_SITE}"]' in capsys.readouterr().err


def test_a_mistaken_base_url_synced_once_is_not_recorded_and_correcting_it_ends_the_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    sync = ["--root", str(root), "--now", NOW, "sync", "web"]
    assert main(sync) == 0
    original = (root / "site.toml").read_text("utf-8")
    move_site(root, old_listed=False)
    assert main(sync) == 0
    (root / "site.toml").write_text(original, "utf-8")
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, "check", "--channel", "web", "--strict"]) == 0
    assert "địa chỉ website đã đổi" not in capsys.readouterr().err


def test_a_history_recording_the_last_address_only_is_still_read(tmp_path: Path) -> None:
    root = project(tmp_path)
    history_path(root).parent.mkdir(exist_ok=True)
    history_path(root).write_text(
        json.dumps({"version": 1, "base_url": OLD_SITE, "urls": {}}), "utf-8"
    )
    move_site(root, old_listed=False)
    assert build(root, "--strict") == 1


def test_a_history_written_before_the_site_address_was_recorded_gets_it_at_the_next_sync(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, {"ct-a": [NEW]})
    move_site(root, old_listed=False)
    assert build(root, "--strict") == 0  # nothing recorded to compare with: no warning
    assert main(["--root", str(root), "--now", NOW, "sync", "web"]) == 0
    assert json.loads(history_path(root).read_text("utf-8"))["base_urls"] == [NEW_SITE]


def _line(root: Path, key: str) -> int:
    """The line of site.toml that sets `key`."""
    lines = (root / "site.toml").read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(f"{key} ="))


def test_only_a_bulletins_own_address_added_leaves_every_build_alike(tmp_path: Path) -> None:
    """A sync lets the stamp of the build it followed take the history it rewrote (the next
    build replays) only when no build could write other bytes from it."""
    from publish import config as config_module
    from publish.url_history import builds_alike

    config = config_module.load(project(tmp_path))
    own = {"ct-a": NEW, "ct-b": "/2020/12/b/"}
    before = ({"ct-a": (OLD,)}, (config.base_url,))

    def alike(history: dict[str, tuple[str, ...]], bases: tuple[str, ...] = before[1]) -> bool:
        return builds_alike(before, (history, bases), own, config)

    assert alike({"ct-a": (OLD, NEW), "ct-b": ("/2020/12/b/",)})
    assert builds_alike(({}, ()), ({"ct-a": (NEW,)}, (config.base_url,)), own, config)
    # A new redirect page, a lost one, an address given to another bulletin: built again.
    assert not alike({"ct-a": (OLD, "/2020/11/khac/")})
    assert not alike({"ct-a": (NEW, OLD)})
    assert not alike({})
    assert not alike({"ct-a": (OLD,), "ct-b": (NEW,)})
    assert not alike({"ct-a": (OLD,), "ct-c": ("/2020/12/c/",)})
    # An address the site was published at and site.toml does not list: moved_site warns.
    assert not alike({"ct-a": (OLD,)}, (*before[1], "https://cu.example.vn/"))


@needs_git
def test_the_printed_command_brings_back_a_history_file_damaged_on_main(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The message said «git checkout -- state/web-urls.json». CI commits state/ on main after
    each sync, so a copy damaged there (a merge left its conflict in it) is the one HEAD and
    main hold: that command, and «git checkout main --», bring the damage back. The printed
    one, with the commit before the damage, brings back the addresses."""
    root = project(tmp_path, {"ct-a": [OLD, NEW]})
    commit_all(root, "Cập nhật trạng thái đồng bộ")
    good = history_path(root).read_bytes()
    damaged = b"<<<<<<< HEAD\n" + good + b"=======\n{}\n>>>>>>> nhanh-khac\n"
    history_path(root).write_bytes(damaged)
    merge = commit_all(root, "Gộp nhánh")
    assert build(root) == 1
    told = capsys.readouterr().err
    for old in (["checkout", "--"], ["checkout", "main", "--"]):
        git(root, *old, "state/web-urls.json")
        assert history_path(root).read_bytes() == damaged
    restore_as_told(root, told, "state/web-urls.json", merge)
    assert history_path(root).read_bytes() == good
    assert build(root) == 0
    assert (root / "output/web" / OLD.strip("/") / "index.html").is_file()  # its redirect
