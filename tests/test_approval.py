"""`publish approve` binds an approval to the content approved: an edit to anything published
afterwards holds the bulletin back on every channel until it is approved again."""

from __future__ import annotations

import dataclasses
import io
import re
import shlex
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from publish import approval, frontmatter, pasted
from publish import config as config_module
from publish.cli import main
from publish.commands import approve as approve_command
from publish.commands import build as build_command
from publish.config import Policy
from publish.content import load_site
from publish.frontmatter_edit import set_keys
from publish.gates import gate
from publish.key_lines import READINGS_BEFORE
from tests.helpers import NOW, add_toml, bulletin_md, make_project
from tests.test_gates import bulletin

REPO = Path(__file__).resolve().parent.parent
APPROVER = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"
CLOCK = "2021-01-01T09:00"
FILE = "content/bai-viet/a.md"
BEFORE_AIR = "2020-12-10T09:00"
"""Before the broadcast a bulletin dated 08/12/2020 is set for (17:00, Saturday 12/12/2020): one
approved after it never airs (publish.approval_radio: the sync sends no script to an episode
that aired), so a test of what approve says of a bulletin the radio reads approves it here."""
CHANGED = "nội dung đã đổi sau khi duyệt"
BEFORE_SESSION_33 = READINGS_BEFORE[-1]
"""A reading whose approvals' fingerprints are not keyed, as every version wrote them before
session 33: what an approval by an earlier version of the tool looks like."""


def jpeg(colour: str) -> bytes:
    """A small valid JPEG of one colour."""
    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, "JPEG")
    return out.getvalue()


BASE_FIELDS = {
    "id": "ct-canh-bao",
    "tags": '["lừa đảo", "an ninh mạng"]',
    "author": '"Minh Anh"',
    "cover": "images/bia.jpg",
    "cover_alt": '"Ảnh bìa"',
    "channels": "[web, zalo, radio]",
    "expires": "2030-01-01",
    "zalo": '{title: "Tiêu đề Zalo"}',
    "radio": "{air_date: 2020-12-12, aired: '1:20'}",
    "pii_reviewed_by": '""',
}
BODY = "Nội dung bản tin.\n\n![Hiện trường](images/hien-truong.jpg)\n"


def project(tmp_path: Path, text: str | None = None) -> Path:
    """A project with one bulletin (cover and body image) whose approval is by name only."""
    return make_project(
        tmp_path,
        {
            FILE: text if text is not None else bulletin_md(BASE_FIELDS, BODY),
            "content/images/bia.jpg": jpeg("red"),
            "content/images/bia-2.jpg": jpeg("green"),
            "content/images/hien-truong.jpg": jpeg("blue"),
        },
    )


def approve(root: Path, *files: str, extra: tuple[str, ...] = (), now: str = CLOCK) -> int:
    """`publish approve` at the fixed clock (or `now`)."""
    return main(["approve", "--root", str(root), "--now", now, *files, "--by", APPROVER, *extra])


def verdict(root: Path) -> str | None:
    """The code the bulletin is held back with, or None when it is published."""
    site = load_site(config_module.load(root), now=NOW)
    held = {e.bulletin.source: e for e in site.excluded}
    return held[FILE].code if FILE in held else None


def edit(root: Path, old: str, new: str, path: str = FILE) -> None:
    """Replace `old` by `new` in a project file (once; it must be there)."""
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


# The gate itself.


def test_a_fingerprint_that_no_longer_matches_holds_the_bulletin_back() -> None:
    approved = bulletin(approved_version="0123456789ab")
    assert gate(approved, now=NOW, policy=Policy(), version="0123456789ab") is None
    held = gate(approved, now=NOW, policy=Policy(), version="ba9876543210")
    assert held is not None and held.code == "unapproved"
    assert CHANGED in held.reason
    assert 'publish approve content/bai-viet/a.md --by "Họ tên, chức vụ"' in held.reason
    # Not computed is no match.
    assert gate(approved, now=NOW, policy=Policy()) is not None


def test_approval_by_name_policy_and_no_approval_policy_do_not_compare() -> None:
    approved = bulletin(approved_version="0123456789ab")
    assert gate(approved, now=NOW, policy=Policy(approval="name"), version="x") is None
    assert gate(approved, now=NOW, policy=Policy(require_approval=False), version="x") is None


def test_a_draft_and_an_embargo_are_still_told_as_such() -> None:
    approved = bulletin(approved_version="0123456789ab", draft=True)
    assert gate(approved, now=NOW, policy=Policy(), version="x").code == "draft"  # type: ignore[union-attr]


# The whole round: approve, edit, held back, approve again.


FINGERPRINTED = [
    ("title", '"Cảnh báo lừa đảo qua mạng"', '"Cảnh báo lừa đảo qua điện thoại"'),
    ("summary", "giả danh Công an", "giả danh Viện kiểm sát"),
    ("body", "Nội dung bản tin.", "Nội dung bản tin đã sửa."),
    ("cover", "cover: images/bia.jpg", "cover: images/bia-2.jpg"),
    ("cover_alt", '"Ảnh bìa"', '"Ảnh bìa khác"'),
    ("body image", "![Hiện trường]", "![Hiện trường vụ việc]"),
    ("date", "2020-12-08 08:00", "2020-12-09 08:00"),
    ("expires", "2030-01-01", "2029-01-01"),
    ("category", "canh-bao-toi-pham", "an-ninh-trat-tu"),
    ("tags", '"an ninh mạng"', '"an ninh"'),
    ("author", '"Minh Anh"', '"Minh Châu"'),
    ("channels", "[web, zalo, radio]", "[web, zalo]"),
    ("radio", "air_date: 2020-12-12", "air_date: 2020-12-19"),
    ("zalo", "Tiêu đề Zalo", "Tiêu đề Zalo mới"),
    ("id", "ct-canh-bao", "ct-canh-bao-2"),
    ("classification", 'pii_reviewed_by: ""', 'pii_reviewed_by: ""\nclassification: "công khai"'),
    ("template key", 'pii_reviewed_by: ""', 'pii_reviewed_by: ""\nnguon: "Báo Đồng Tháp"'),
]


@pytest.mark.parametrize(("name", "old", "new"), FINGERPRINTED, ids=[f[0] for f in FINGERPRINTED])
def test_an_edit_to_a_published_field_after_approval_holds_the_bulletin_back(
    tmp_path: Path, name: str, old: str, new: str
) -> None:
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    assert verdict(root) is None
    edit(root, old, new)
    assert verdict(root) == "unapproved", name
    assert approve(root, FILE) == 0
    assert verdict(root) is None


@pytest.mark.parametrize("image", ["bia.jpg", "hien-truong.jpg"])
def test_an_image_replaced_under_the_same_name_holds_the_bulletin_back(
    tmp_path: Path, image: str
) -> None:
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    (root / "content/images" / image).write_bytes(jpeg("yellow"))
    assert verdict(root) == "unapproved"


SHOWN_FORMS = {
    "reference": "Nội dung bản tin.\n\n![Hiện trường][h]\n\n[h]: images/hien-truong.jpg\n",
    "space": "Nội dung bản tin.\n\n![Hiện trường](images/hiện trường.jpg)\n",
}


@pytest.mark.parametrize("form", sorted(SHOWN_FORMS))
def test_a_photo_written_any_way_replaced_under_its_name_holds_the_bulletin_back(
    tmp_path: Path, form: str
) -> None:
    """A reference-style image or one with a space in its name was left out of the
    fingerprint: another photo under the same name went out under the old approval."""
    name = "hiện trường.jpg" if form == "space" else "hien-truong.jpg"
    root = project(tmp_path, bulletin_md(BASE_FIELDS, SHOWN_FORMS[form]))
    (root / "content/images" / name).write_bytes(jpeg("blue"))
    assert approve(root, FILE) == 0
    assert verdict(root) is None
    (root / "content/images" / name).write_bytes(jpeg("yellow"))
    assert verdict(root) == "unapproved"


def test_an_approval_that_left_a_reference_images_file_out_stays_valid(tmp_path: Path) -> None:
    """Approved before its files were counted: the upgrade withdraws no bulletin."""
    root = project(tmp_path, bulletin_md(BASE_FIELDS, SHOWN_FORMS["reference"]))
    [bulletin] = load_site(config_module.load(root), now=NOW).bulletins
    images = approval.ImageDigests(root / "content")
    assert bulletin.unfingerprinted  # the case this is about
    before = approval._version(bulletin, bulletin.content_digest, images, every=False)
    assert before != approval.version(bulletin, images)
    edit(root, 'pii_reviewed_by: ""', f'approved_version: "{before}"\npii_reviewed_by: ""')
    assert verdict(root) is None
    edit(root, "Nội dung bản tin.", "Nội dung đã sửa.")
    assert verdict(root) == "unapproved"


UNPUBLISHED = [
    ("pii_reviewed_by", 'pii_reviewed_by: ""', 'pii_reviewed_by: "Đại úy Lê Văn C"'),
    ("radio.aired", "aired: '1:20'", "aired: '1:35'"),
    ("radio.aired left out", ", aired: '1:20'", ""),
    ("approver", APPROVER, "Đại tá Trần Văn B, Trưởng Công an tỉnh"),
]
"""Edits an approval has never covered; how the front matter is written (quotes, comments,
order) is covered since approvals are bound to the file: see tests/test_approval_bound.py."""


@pytest.mark.parametrize(("name", "old", "new"), UNPUBLISHED, ids=[u[0] for u in UNPUBLISHED])
def test_an_edit_that_changes_nothing_published_keeps_the_approval(
    tmp_path: Path, name: str, old: str, new: str
) -> None:
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    edit(root, old, new)
    assert verdict(root) is None, name


def test_holding_an_approved_bulletin_as_a_draft_and_releasing_it_needs_no_new_approval(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    edit(root, 'pii_reviewed_by: ""', 'pii_reviewed_by: ""\ndraft: true')
    assert verdict(root) == "draft"
    edit(root, "draft: true", "draft: false")
    assert verdict(root) is None


def test_approval_by_name_policy_publishes_an_edit(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    edit(root, "Nội dung bản tin.", "Nội dung khác.")
    toml = root / "site.toml"
    toml.write_text(add_toml(toml.read_text("utf-8"), '\n[policy]\napproval = "name"\n'), "utf-8")
    assert verdict(root) is None


def test_an_approved_version_not_written_by_the_tool_never_matches(tmp_path: Path) -> None:
    """Held back, and said to be no fingerprint at all, not a content changed since."""
    root = project(tmp_path, bulletin_md({**BASE_FIELDS, "approved_version": "12"}, BODY))
    assert verdict(root) == "unapproved"
    site = load_site(config_module.load(root), now=NOW)
    reason = site.excluded[0].reason
    assert "approved_version «12» không phải dấu do publish approve ghi" in reason
    assert CHANGED not in reason and "publish approve content/bai-viet/a.md" in reason


def test_a_cleanup_rule_added_by_an_upgrade_withdraws_no_approved_bulletin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fingerprint was taken after the loader's own cleanup of pasted text: a new rule
    (here: one more tracking parameter dropped from links) changed it, and every approved
    bulletin it touched was withdrawn though its file had not changed."""
    link = "Xem [bài](https://example.vn/x?ref=zalo&id=3).\n"
    approved = project(tmp_path / "duyet", bulletin_md(BASE_FIELDS, BODY + link))
    assert approve(approved, FILE) == 0
    mend = pasted.mend
    monkeypatch.setattr(pasted, "mend", lambda text: mend(text).replace("?ref=zalo&", "?"))
    # Another project, so that no bulletin loaded before the upgrade comes from the cache.
    root = project(tmp_path / "nang-cap", (approved / FILE).read_text("utf-8"))
    assert verdict(root) is None
    assert "?ref=zalo" not in load_site(config_module.load(root), now=NOW).bulletins[0].body
    edit(root, "Nội dung bản tin.", "Nội dung bản tin đã sửa.")
    assert verdict(root) == "unapproved"


SCHEME_1_FILE = (
    '---\nid: ct-nang-cap\ntitle: "Cảnh báo lừa đảo qua mạng"\ndate: 2020-12-08 08:00\n'
    'category: canh-bao-toi-pham\nsummary: "Người dân cần cảnh giác."\n'
    'approved_by: "Thượng tá A"\napproved_version: "{}"\n---\n\n'
    "Xem [bài](https://example.vn/x?utm_source=zalo&id=3) và \ufb01le đính kèm.\n"
)


@pytest.mark.parametrize(
    "written_by",
    [
        "782566096b4b",  # the first version of publish approve, before ligatures and tracking
        "073c67825a12",  # parameters were mended, and the last one before the file as written
    ],
)
def test_an_approval_by_an_earlier_version_of_the_tool_stays_valid(
    tmp_path: Path, written_by: str
) -> None:
    """Values written by `publish approve` under the first fingerprint scheme: changing what
    the fingerprint covers must not withdraw every approved bulletin at once."""
    root = make_project(tmp_path, {FILE: SCHEME_1_FILE.format(written_by)})
    assert verdict(root) is None
    edit(root, "đính kèm", "đính kèm mới")
    assert verdict(root) == "unapproved"
    edit(root, "đính kèm mới", "đính kèm")
    assert approve(root, FILE) == 0  # approved again: under today's scheme
    assert written_by not in (root / FILE).read_text("utf-8")
    assert verdict(root) is None


def test_renaming_the_file_changes_the_address_and_needs_approval(tmp_path: Path) -> None:
    """Without a `slug:` key the address comes from the file's name: renamed, the bulletin
    went out at another address (and, without `id`, as another bulletin) unapproved."""
    fields = {k: v for k, v in BASE_FIELDS.items() if k != "id"}
    root = project(tmp_path, bulletin_md(fields, BODY))
    assert approve(root, FILE) == 0
    (root / FILE).rename(root / "content/bai-viet/tin-khac.md")
    site = load_site(config_module.load(root), now=NOW)
    assert not site.bulletins
    assert [(e.code, CHANGED in e.reason) for e in site.excluded] == [("unapproved", True)]


# Writing the approval into the file.


EDITOR_FILE = (
    "---\r\n"
    "# Bản tin tuần 49 — biên tập: Minh Anh\r\n"
    "title:   “Cảnh báo lừa đảo qua mạng”\r\n"
    "summary: >-\r\n"
    "  Người dân cần cảnh giác\r\n"
    "  với cuộc gọi giả danh Công an.\r\n"
    "approved_by:    # người duyệt điền\r\n"
    "category: canh-bao-toi-pham   # chuyên mục\r\n"
    "date: 2020-12-08 08:00\r\n"
    "tags:\r\n"
    "  - lừa đảo\r\n"
    "\r\n"
    "draft: true  # bỏ khi duyệt\r\n"
    "---\r\n"
    "\r\n"
    "Nội dung bản tin.\r\n"
)


def test_approving_rewrites_only_the_approval_lines_of_the_editors_file(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    path = root / FILE
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xef\xbb\xbf" + EDITOR_FILE.encode("utf-8"))
    path.chmod(0o640)
    assert approve(root, FILE) == 1  # a draft is not approved without --publish
    assert path.read_bytes() == b"\xef\xbb\xbf" + EDITOR_FILE.encode("utf-8")
    assert approve(root, FILE, extra=("--publish",)) == 0
    written = path.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")
    text = written.decode("utf-8").removeprefix("\ufeff")
    version = re.search(r'approved_version: "([0-9a-f]{12}-[0-9a-f]{12}-[0-9a-f]{12})"', text)
    assert version is not None
    expected = EDITOR_FILE.replace(
        "approved_by:    # người duyệt điền\r\n",
        f'approved_by: "{APPROVER}"    # người duyệt điền\r\napproved_version: "{version[1]}"\r\n',
    ).replace("draft: true  # bỏ khi duyệt", "draft: false  # bỏ khi duyệt")
    assert text == expected
    assert path.stat().st_mode & 0o777 == 0o640
    assert verdict(root) is None


def test_a_value_written_over_several_lines_is_replaced_whole() -> None:
    text = '---\ntitle: "A"\napproved_by: >-\n  Trung tá\n  Lê Văn A\ndate: 2020-12-08\n---\nx\n'
    done = set_keys(
        text,
        {"approved_by": "B", "approved_version": "0123456789ab"},
        after={"approved_version": "approved_by"},
    )
    assert (
        done
        == '---\ntitle: "A"\napproved_by: "B"\napproved_version: "0123456789ab"\ndate: 2020-12-08\n---\nx\n'
    )


def test_a_file_mixing_line_endings_keeps_each_lines_own() -> None:
    """A line pasted from another editor ends in LF among CRLF lines: the lines were split on
    CRLF only, the LF line was never found, and approving ended in an internal error."""
    text = '---\r\n\ntitle: "A"\napproved_by:\r\ndate: 2020-12-08\n---\r\nx\r\n'
    done = set_keys(
        text,
        {"approved_by": "B", "approved_version": "0123456789ab"},
        after={"approved_version": "approved_by"},
    )
    assert done == (
        '---\r\n\ntitle: "A"\napproved_by: "B"\r\napproved_version: "0123456789ab"\r\n'
        "date: 2020-12-08\n---\r\nx\r\n"
    )
    added = set_keys('---\ntitle: "A"\r\n---\nx\n', {"draft": False}, after={})
    assert added == '---\ntitle: "A"\r\ndraft: false\r\n---\nx\n'


def test_a_name_with_quotes_and_backslashes_reads_back_exactly(tmp_path: Path) -> None:
    root = project(tmp_path)
    odd = 'Đại úy Lê "Ba" \\ Tư'
    assert main(["approve", "--root", str(root), "--now", CLOCK, FILE, "--by", odd]) == 0
    site = load_site(config_module.load(root), now=NOW)
    assert [b.approved_by for b in site.bulletins] == [odd]


# The command line.


def test_every_file_is_checked_before_any_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    draft = root / "content/bai-viet/b.md"
    draft.write_text(bulletin_md({"draft": "true", "slug": "b"}), encoding="utf-8")
    page = root / "content/pages/gioi-thieu.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: Giới thiệu\nslug: gioi-thieu\n---\nx\n", encoding="utf-8")
    page_before = page.read_bytes()
    broken = root / "content/bai-viet/c.md"
    broken.write_text(bulletin_md(drop=["title"]), encoding="utf-8")
    before = (root / FILE).read_bytes()
    files = (FILE, "content/bai-viet/b.md", "content/pages/gioi-thieu.md", "content/bai-viet/c.md")
    assert approve(root, *files) == 1
    err = capsys.readouterr().err
    assert "bản nháp (draft: true): duyệt là cho đăng" in err and "--publish" in err
    # A page is not approved, and named with bulletins its review is not recorded: left out.
    assert "của 1 trang nêu cùng bản tin trong lệnh này: content/pages/gioi-thieu.md" in err
    assert page.read_bytes() == page_before
    assert "content/bai-viet/c.md: ghi chú: bản tin còn lỗi (ở trên): chưa duyệt được" in err
    assert (root / FILE).read_bytes() == before
    assert approve(root, "khong-co.md") == 1
    assert "không có tệp bản tin (.md) này" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        (
            "content/bai-viet/2020-12-08-canh-bao.md",
            "content/bai-viet/2020-12-08-canh-bao-gia-danh.md",
        ),
        ("2020-12-08-canh-bao-gia-danh.md", "content/bai-viet/2020-12-08-canh-bao-gia-danh.md"),
        (
            "content/bai-viet/2020-12-08-canh-bao-gia-dan.md",
            "content/bai-viet/2020-12-08-canh-bao-gia-danh.md",
        ),
    ],
)
def test_a_file_name_typed_wrong_is_told_with_the_nearest_bulletin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str, meant: str
) -> None:
    """A name cut short, typed from memory or without its folder was told «không có tệp» and
    nothing more: the approver had to go and look for the real one."""
    root = project(tmp_path)
    (root / meant).write_text(bulletin_md(), encoding="utf-8")
    (root / "content/bai-viet/2020-12-08-lich-tiep-dan.md").write_text(bulletin_md(), "utf-8")
    assert approve(root, typed) == 1
    err = capsys.readouterr().err
    assert f"{typed}: lỗi: không có tệp bản tin (.md) này" in err
    assert f"Cách sửa: Có phải ý bạn là «{meant}»? Ghi đường dẫn tệp." in err


@pytest.mark.parametrize(
    ("files", "typed"),
    [
        # Only a template, a hidden copy or Word's lock file is near: none is a bulletin.
        (["content/_mau/2020-12-08-canh-bao-gia-danh.md"], "2020-12-08-canh-bao-gia.md"),
        (["content/.cu/2020-12-08-canh-bao-gia-danh.md"], "2020-12-08-canh-bao-gia.md"),
        (["content/bai-viet/~$20-12-08-canh-bao-gia-danh.md"], "~$20-12-08-canh-bao.md"),
        # Two bulletins start so: naming one would send the approver to the wrong one.
        (
            [
                "content/bai-viet/2020-12-08-canh-bao-a.md",
                "content/bai-viet/2020-12-08-canh-bao-b.md",
            ],
            "content/bai-viet/2020-12-08-canh-bao.md",
        ),
        # «2020» starts every bulletin of that year: too short to say which.
        (["content/bai-viet/2020-12-08-canh-bao-gia-danh.md"], "2020.md"),
        # The same name in another folder than the one typed: last year's bulletin, which the
        # approver would have approved by following the suggestion.
        (["content/bai-viet/2024/tuan-tra-dem.md"], "content/bai-viet/2025/tuan-tra-dem.md"),
        (["content/bai-viet/2024/tuan-tra-dem.md"], "bai-viet/2025/tuan-tra-dem.md"),
        # Alike only by the «.md» every name ends with.
        (["content/bai-viet/ra-quan.md"], "mau.md"),
    ],
)
def test_no_bulletin_is_suggested_when_none_or_several_fit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: list[str], typed: str
) -> None:
    root = project(tmp_path)
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(bulletin_md(), encoding="utf-8")
    assert approve(root, typed) == 1
    err = capsys.readouterr().err
    assert f"{typed}: lỗi: không có tệp bản tin (.md) này" in err
    assert "Có phải ý bạn là" not in err


@pytest.mark.parametrize(
    ("files", "typed"),
    [
        # Cut short where one name is the start of another: «…dien-luc» and «…dien-luc-goi-dien».
        (
            [
                "content/bai-viet/2026-12-06-gia-danh-dien-luc.md",
                "content/bai-viet/2026-12-06-gia-danh-dien-luc-goi-dien.md",
            ],
            "content/bai-viet/2026-12-06-gia-danh-dien-lu.md",
        ),
        # The same name in two years' folders, typed without its folder.
        (
            ["content/bai-viet/2024/tuan-tra-dem.md", "content/bai-viet/2025/tuan-tra-dem.md"],
            "tuan-tra-dem.md",
        ),
    ],
)
def test_several_bulletins_alike_are_all_named_none_guessed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: list[str], typed: str
) -> None:
    """With two files as close, none was suggested and the approver was told «không có tệp»
    alone, to go and look; both are named now, none guessed, nothing approved."""
    root = project(tmp_path)
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(bulletin_md({"approved_by": '""'}), encoding="utf-8")
    before = {name: (root / name).read_bytes() for name in files}
    assert approve(root, typed) == 1
    err = capsys.readouterr().err
    assert "Có phải ý bạn là" not in err
    listed = ", ".join(f"«{name}»" for name in sorted(files))
    assert f"Cách sửa: Có 2 tệp gần giống tên đã gõ: {listed}; ghi đúng đường dẫn" in err
    assert {name: (root / name).read_bytes() for name in files} == before


def test_three_bulletins_as_close_are_all_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two close names were asked of difflib: with three as close, the first went unnamed and
    the approver read «Có 2 tệp» without the one meant."""
    root = project(tmp_path)
    files = [f"content/bai-viet/tin-{letter}1.md" for letter in "abc"]
    for name in files:
        (root / name).write_text(bulletin_md({"approved_by": '""'}), encoding="utf-8")
    assert approve(root, "content/bai-viet/tin-x1.md") == 1
    listed = ", ".join(f"«{name}»" for name in files)
    assert f"Có 3 tệp gần giống tên đã gõ: {listed}" in capsys.readouterr().err


def test_a_name_typed_without_md_in_its_folder_is_suggested(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    assert approve(root, "content/bai-viet/a") == 1
    assert "Có phải ý bạn là «content/bai-viet/a.md»?" in capsys.readouterr().err


def test_the_suggestion_keeps_the_folder_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One name in two folders: the name alone was matched, and the other folder's suggested."""
    root = project(tmp_path)
    for folder in ("nam-2020", "nam-2021"):
        (root / "content" / folder).mkdir()
        (root / "content" / folder / "le-ra-quan.md").write_text(bulletin_md(), "utf-8")
    assert approve(root, "content/nam-2020/le-ra-qua.md") == 1
    assert "Có phải ý bạn là «content/nam-2020/le-ra-quan.md»?" in capsys.readouterr().err


def test_a_file_named_twice_is_approved_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`a.md ./a.md`: the second name found the file just written changed and the command
    ended in error saying nothing was written, though it was."""
    root = project(tmp_path)
    monkeypatch.chdir(root)
    assert approve(root, FILE, f"./{FILE}", str(root / FILE)) == 0
    out = capsys.readouterr().out
    assert "Đã duyệt 1 bản tin" in out and out.count("tệp content/bai-viet/a.md") == 1
    assert verdict(root) is None


def two_bulletins(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A project with bulletins a.md and b.md, both ready to approve."""
    root = project(tmp_path)
    second = root / "content/bai-viet/b.md"
    second.write_text(bulletin_md({"id": "b1", "title": '"Khác"'}), encoding="utf-8")
    return root, root / FILE, second


def test_a_file_edited_after_the_check_stops_every_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every file is checked again before any is written: none was checked before its own
    write, so the files before the edited one were written and the error said none was."""
    root, first, second = two_bulletins(tmp_path)
    before = first.read_bytes()
    shown = approve_command._summary

    def summary_then_edit(item: approve_command.Approval, *args: Any, **kwargs: Any) -> str:
        if item.path.name == "b.md":
            second.write_text(second.read_text("utf-8") + "\nThêm một dòng.\n", "utf-8")
        return shown(item, *args, **kwargs)

    monkeypatch.setattr(approve_command, "_summary", summary_then_edit)
    assert approve(root, FILE, "content/bai-viet/b.md") == 1
    assert "content/bai-viet/b.md: lỗi: tệp vừa bị sửa trong lúc duyệt" in capsys.readouterr().err
    assert first.read_bytes() == before


def test_a_write_that_fails_names_the_files_already_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root, first, second = two_bulletins(tmp_path)
    write = approve_command.write_atomically

    def write_then_edit(path: Path, data: bytes) -> None:
        write(path, data)
        if path.name == "a.md":  # an editor saves b.md right then
            second.write_text(second.read_text("utf-8") + "\nThêm một dòng.\n", "utf-8")

    monkeypatch.setattr(approve_command, "write_atomically", write_then_edit)
    assert approve(root, FILE, "content/bai-viet/b.md") == 1
    err = capsys.readouterr().err
    assert "content/bai-viet/b.md: tệp vừa bị sửa trong lúc duyệt" in err
    assert "Đã ghi duyệt vào 1 tệp: content/bai-viet/a.md" in err
    assert "Chưa có gì được ghi" not in err
    assert "approved_version" in first.read_text("utf-8")
    assert "approved_version" not in second.read_text("utf-8")


def test_a_cover_shared_by_the_files_approved_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _first, _second = two_bulletins(tmp_path)
    read: list[Path] = []
    digest = approval.file_sha256

    def counted(path: Path) -> str | None:
        read.append(path)
        return digest(path)

    monkeypatch.setattr(approval, "file_sha256", counted)
    shared = 'cover: "images/bia.jpg"\ncover_alt: "Ảnh bìa"\ntitle:'
    edit(root, "title:", shared, "content/bai-viet/b.md")
    assert approve(root, FILE, "content/bai-viet/b.md") == 0
    assert sorted(p.name for p in read) == ["bia.jpg", "hien-truong.jpg"]


def test_approve_shows_what_is_approved_and_dry_run_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    before = (root / FILE).read_bytes()
    assert approve(root, FILE, extra=("--dry-run",), now=BEFORE_AIR) == 0
    out = capsys.readouterr().out
    assert "Duyệt: «Cảnh báo lừa đảo qua mạng»" in out
    assert (
        f"tệp {FILE}; kênh: web, radio; đăng ngay khi được đưa lên (ngày đăng 08:00, Thứ Ba, 08/12/2020)"
        in out
    )
    assert "hết hạn lúc 00:00, Thứ Ba, 01/01/2030" in out
    assert "chưa ghi tệp nào" in out
    assert (root / FILE).read_bytes() == before
    assert approve(root, FILE) == 0
    assert approve(root, FILE) == 0
    assert "đã được duyệt đúng nội dung này từ trước" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("written", "told"), [("15/01/2021", True), ("15/01/2021 8 giờ 30", False)]
)
def test_approving_an_embargo_written_as_a_day_only_says_it_goes_out_at_midnight(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, told: bool
) -> None:
    """«date: 15/01/2021» is 00:00 that day: an embargo meant for the working day would go out
    hours early, and the approval's summary is the last place a person sees it."""
    root = project(tmp_path, bulletin_md({**BASE_FIELDS, "date": written}, BODY))
    assert approve(root, FILE, extra=("--dry-run",)) == 0
    out = capsys.readouterr().out
    assert "hẹn giờ: đăng lúc " + ("00:00" if told else "08:30") + ", Thứ Sáu, 15/01/2021" in out
    assert ("00:00 là nửa đêm, đầu ngày 15/01/2021" in out) == told
    if told:
        assert "ví dụ date: 15/01/2021 8h00, rồi duyệt lại" in out


@pytest.mark.parametrize(
    ("author", "by", "told"),
    [
        ('"Minh Anh"', "Minh Anh", True),
        ('"Minh Anh"', "Thượng tá Nguyễn Minh Anh, Trưởng Công an huyện", True),
        ('"Minh Anh"', APPROVER, False),
        ('"Hùng"', APPROVER, False),  # one word: the whole name, not its last word
    ],
)
def test_an_author_approving_their_own_bulletin_is_warned_and_still_approved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], author: str, by: str, told: bool
) -> None:
    """A new editor ran publish approve --by with their own name: approved without a word, the
    bulletin went out read by nobody else. A small unit may allow it: a warning, not a refusal."""
    root = project(tmp_path, bulletin_md({**BASE_FIELDS, "author": author}, BODY))
    argv = ["approve", "--root", str(root), "--now", CLOCK, FILE, "--by", by]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert ("cảnh báo: trường 'author': người duyệt" in out) == told
    assert ("có vẻ là chính tác giả của bài" in out) == told
    assert "approved_version" in (root / FILE).read_text("utf-8")


@pytest.mark.parametrize(
    ("by", "told"),
    [
        ("Trung tá Lê Thanh Phong, Phó Trưởng Công an huyện", True),
        ("Thượng tá Nguyễn Văn Hùng", False),  # b.md's approver, as written there
        ("Thượng tá  Nguyễn Văn Hùng", False),  # spaces as typed do not make another name
    ],
)
def test_an_approver_who_approved_nothing_else_is_noted_with_those_who_did(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], by: str, told: bool
) -> None:
    """A name nobody in content/ approves under (someone not among the unit's approvers, or a
    name spelt another way) was written without a word: a note names the approvers already
    there, and the approval is written."""
    root = project(tmp_path)
    other = root / "content/bai-viet/b.md"
    other.write_text(bulletin_md({"id": "b1", "channels": "[web]"}), encoding="utf-8")
    argv = ["approve", "--root", str(root), "--now", CLOCK, FILE, "--by", by]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert ("chưa duyệt bản tin nào khác trong content/" in out) == told
    if told:
        assert "Người duyệt đã có: Thượng tá Nguyễn Văn Hùng." in out
    assert "approved_version" in (root / FILE).read_text("utf-8")


def sample_project(tmp_path: Path) -> Path:
    """A copy of the sample project (README command 1)."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(REPO / "site.toml", root / "site.toml")
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def test_sample_project_round_trip_on_every_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = sample_project(tmp_path)
    name = "content/bai-viet/2024-03-18-canh-bao-tin-dung-den-vay-qua-ung-dung.md"
    run = ["--root", str(root), "--now", "2026-11-28T09:00"]
    assert main(["check", *run]) == 0
    out = "".join(capsys.readouterr())
    # The sample shows the workflow: every bulletin is approved with its content.
    assert "được duyệt chỉ bằng tên" not in out and "Cần duyệt" not in out
    own = "Thượng tá Trần Minh Trí, Trưởng Công an huyện"  # its approver
    # The sample shows what a unit gets today: every approval bound to the file and the files
    # it links to (content-file-linked), none left on an old one-part approval.
    versions = {
        path.name: re.search(r'\napproved_version: "([^"]*)"', path.read_text("utf-8"))
        for path in (root / "content/bai-viet").glob("*.md")
    }
    written = {k: m[1] for k, m in versions.items() if m is not None}
    assert len(written) == len(versions) - 1  # all but the draft, waiting for its approval
    assert all(approval.bound(v) is not None for v in written.values()), written
    before = (root / name).read_bytes()
    assert main(["approve", *run, name, "--by", own]) == 0
    assert (root / name).read_bytes() == before  # the same content, approved already
    assert "đã được duyệt đúng nội dung này từ trước" in capsys.readouterr().out
    capsys.readouterr()
    edit(root, "tín dụng đen", "tín dụng đen (đã sửa)", name)
    # A bulletin waiting for approval too: both are listed, in one pass.
    edit(root, 'approved_by: "', 'approved_by: "', name)
    waiting = "content/bai-viet/2023-08-21-dang-ky-xe-bien-so-dinh-danh.md"
    text = (root / waiting).read_text("utf-8")
    (root / waiting).write_text(re.sub(r"approved_by: .*\n", "", text), "utf-8")
    assert main(["check", *run]) == 0
    out = capsys.readouterr().out
    assert f"Bỏ qua {name}: {CHANGED}" in out
    assert f"Bỏ qua {waiting}: chưa được duyệt" in out
    assert "Cần duyệt: 1 bản tin chưa có người duyệt, 1 bản tin đã đổi sau khi duyệt." in out
    assert main(["build", "-q", *run]) == 0
    slug = "canh-bao-tin-dung-den-vay-qua-ung-dung"
    assert not list((root / "output/web").glob(f"*/*/{slug}"))
    assert slug not in "".join(p.name for p in (root / "output").rglob("*"))
    assert main(["approve", *run, name, "--by", APPROVER]) == 0
    assert main(["build", "-q", *run]) == 0
    assert list((root / "output/web").glob(f"*/*/{slug}"))


def test_check_names_every_bulletin_on_an_old_approval_and_the_command_binding_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A one-part approval (before session 34) keeps the reading-change hole: check names
    each bulletin on one, and on a name-only approval, with one command per approver that
    binds them after reading; check itself re-approves nothing."""
    root = project(tmp_path)
    first, second = root / FILE, root / "content/bai-viet/b.md"
    second.write_text(bulletin_md({"id": "b1", "channels": "[web]"}), encoding="utf-8")
    loaded = load_site(config_module.load(root), now=NOW).bulletins
    [one_part] = [b for b in loaded if b.source == FILE]
    written = approval.version(one_part, approval.ImageDigests(root / "content"))
    edit(root, "approved_by:", f"approved_version: {written}\napproved_by:")
    other = "Trung tá Lê Thanh Phong, Phó Trưởng Công an huyện"
    edit(root, "Thượng tá Nguyễn Văn Hùng", other, "content/bai-viet/b.md")
    before = first.read_bytes(), second.read_bytes()
    run = ["--root", str(root), "--now", CLOCK]
    assert main(["check", *run]) == 0
    out = capsys.readouterr().out
    assert (first.read_bytes(), second.read_bytes()) == before  # nothing approved silently
    assert "2 bản tin đang đăng (hay hẹn giờ) với việc duyệt theo cách cũ" in out
    assert "1 bản tin duyệt bằng dấu một phần (bản công cụ trước): " in out
    assert "tên ghi tay, công cụ không biết người đó đã đọc bài chưa" in out
    assert out.count(FILE) == 2 and out.count("content/bai-viet/b.md") == 2
    commands = [
        line.split(maxsplit=1)[1] for line in out.splitlines() if "publish approve c" in line
    ]
    approver = "Thượng tá Nguyễn Văn Hùng"  # bulletin_md's
    assert commands == [
        f'approve {FILE} --by "{approver}"',
        f'approve content/bai-viet/b.md --by "{other}"',
    ]
    for command in commands:  # as the approvers type them
        assert main([*shlex.split(command), *run]) == 0
    bound = load_site(config_module.load(root), now=NOW).bulletins
    assert len(bound) == 2 and all(approval.bound(b.approved_version) for b in bound)
    assert f'approved_by: "{approver}"' in first.read_text("utf-8")
    capsys.readouterr()
    assert main(["check", *run]) == 0
    assert "theo cách cũ" not in capsys.readouterr().out


IN_COMMANDS = "(tên từng tệp có trong các lệnh duyệt lại bên dưới)"
"""What check's note on old approvals says of the bulletins it does not name."""


def test_a_sync_log_names_a_few_old_approvals_and_where_the_whole_list_is(tmp_path: Path) -> None:
    """A unit upgrading with many name-only approvals got every file name in every scheduled
    sync's log, in the note and again in the approvers' commands: a sync (drafts counted, not
    named) names five and sends to `publish check`, which still names them all."""
    files = {
        f"content/bai-viet/tin-{n}.md": bulletin_md({"id": f"tin-{n}", "channels": "[web]"})
        for n in range(8)
    }
    root = make_project(tmp_path, files)
    site = load_site(config_module.load(root), now=NOW)
    brief = "\n".join(build_command.exclusion_lines(site, counted=build_command.QUIET_CODES))
    full = "\n".join(build_command.exclusion_lines(site))
    assert "8 bản tin đang đăng (hay hẹn giờ) với việc duyệt theo cách cũ" in brief
    named = [f for f in files if f in brief]
    assert named == sorted(files)[:5] and "và 3 bản tin khác" in brief
    assert "publish approve" not in brief and "chạy publish check" in brief
    # --verbose: the note names as many, and the command every one.
    assert [f for f in files if f in full.partition("publish approve")[0]] == sorted(files)[:5]
    assert f"và 3 bản tin khác {IN_COMMANDS}" in full
    [command] = [line for line in full.splitlines() if "publish approve content" in line]
    assert all(command.count(f) == 1 for f in files)


def test_a_build_names_a_few_old_approvals_and_check_names_them_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every build's report (and every preview's) named each bulletin on a name-only approval,
    in the note and again in its approver's command: at 1,000 bulletins two lines of 84 KB.
    A build names five and sends to `publish check`, which names them all."""
    files = {
        f"content/bai-viet/tin-{n}.md": bulletin_md({"id": f"tin-{n}", "channels": "[web]"})
        for n in range(8)
    }
    root = make_project(tmp_path, files)
    run = ["--root", str(root), "--now", CLOCK]
    assert main(["build", *run, "--channel", "web"]) == 0
    built = capsys.readouterr().out
    assert "8 bản tin đang đăng (hay hẹn giờ) với việc duyệt theo cách cũ" in built
    assert [f for f in files if f in built] == sorted(files)[:5] and "và 3 bản tin khác" in built
    assert "publish approve content" not in built
    assert "Danh sách đủ và lệnh duyệt lại cho từng người duyệt: chạy publish check." in built
    assert main(["check", *run]) == 0
    checked = capsys.readouterr().out
    [command] = [line for line in checked.splitlines() if "publish approve content" in line]
    assert all(command.count(f) == 1 for f in files)
    note = checked.partition(command)[0]
    assert [f for f in files if f in note] == sorted(files)[:5]
    assert f"và 3 bản tin khác {IN_COMMANDS}" in note


def test_check_splits_a_long_approval_command_into_ones_cmd_exe_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """At 3,048 name-only approvals check printed one `publish approve` of 127,000 characters
    per approver (cmd.exe runs at most 8,191): each command is now under 8,000, and together
    they name every file once, by name: a folder's pattern, run later in the approver's own
    checkout, bound a file a colleague had added there since, unread."""
    slug = "canh-bao-thu-doan-gia-danh-cong-an-goi-dien-yeu-cau-chuyen-tien-vao-tai-khoan"
    files = {
        f"content/bai-viet/tin-{n:03}-{slug}.md": bulletin_md({"id": f"t{n}", "channels": "[web]"})
        for n in range(200)
    }
    files |= {
        f"content/bai-viet/2020/tin-{n}.md": bulletin_md({"id": f"c{n}", "channels": "[web]"})
        for n in range(3)
    }
    other = "Trung tá Lê Thanh Phong, Phó Trưởng Công an huyện"
    # Another approver's bulletin: in that approver's own command, never in these.
    files["content/bai-viet/khac.md"] = bulletin_md(
        {"id": "khac", "channels": "[web]", "approved_by": f'"{other}"'}
    )
    root = make_project(tmp_path, files)
    run = ["--root", str(root), "--now", CLOCK]
    assert main(["check", *run]) == 0
    out = capsys.readouterr().out
    everyone = [line.strip() for line in out.splitlines() if "publish approve " in line]
    commands = [c for c in everyone if other not in c]
    assert len(commands) > 1 and all(len(c) <= 8000 for c in commands)
    named = [w for c in commands for w in shlex.split(c) if w.startswith("content/")]
    assert sorted(named) == sorted(f for f in files if "khac" not in f)
    assert f"203 bản tin, chia thành {len(commands)} lệnh" in out
    # The note above them named every file again, on one line (257,000 characters at 3,048):
    # it names five, and sends to the commands for the rest.
    [note] = [line for line in out.splitlines() if "bản tin duyệt chỉ bằng tên" in line]
    assert len(note) < 1000 and note.endswith(f"và 199 bản tin khác {IN_COMMANDS}")
    # A colleague's bulletin, pulled into the approver's checkout before they run the commands.
    added = root / "content/bai-viet/2020/tin-moi.md"
    added.write_text(bulletin_md({"id": "moi", "channels": "[web]"}), "utf-8")
    for command in everyone:  # as the approvers type them
        assert main([*shlex.split(command)[1:], *run]) == 0
    capsys.readouterr()
    bound = load_site(config_module.load(root), now=NOW, drafts=True).bulletins
    unread = [b for b in bound if b.source.endswith("tin-moi.md")]
    assert len(unread) == 1 and not approval.bound(unread[0].approved_version)
    rest = [b for b in bound if b not in unread]
    assert len(rest) == 204 and all(approval.bound(b.approved_version) for b in rest)
    assert f'approved_by: "{other}"' in (root / "content/bai-viet/khac.md").read_text("utf-8")


def test_new_leaves_the_approval_empty_until_approve_publish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    run = ["--root", str(root), "--now", CLOCK]
    assert main(["new", *run, "Tin mới", "--category", "an-ninh-trat-tu"]) == 0
    created = capsys.readouterr().out.strip().splitlines()[-1].split()[-1]
    path = root / created if not Path(created).is_absolute() else Path(created)
    assert 'approved_by: ""' in path.read_text("utf-8")
    assert "approved_version" not in path.read_text("utf-8")
    assert main(["approve", *run, str(path), "--by", APPROVER, "--publish"]) == 1
    assert "chữ mẫu" in capsys.readouterr().err  # still the sample text: fix first


def test_import_hugo_approved_by_binds_the_content(tmp_path: Path) -> None:
    from tests.test_import_hugo import hugo_site

    site = hugo_site(tmp_path)
    root = sample_project(tmp_path)
    clock = "2026-11-28T09:00"
    assert (
        main(
            [
                "import-hugo",
                "--root",
                str(root),
                "--now",
                clock,
                str(site),
                "--approved-by",
                APPROVER,
            ]
        )
        == 0
    )
    post = root / "content/bai-viet/2023-03-01-le-ra-quan.md"
    assert re.search(r'\napproved_version: "[0-9a-f-]{38}"\n', post.read_text("utf-8"))
    config = config_module.load(root)
    now = dataclasses.replace(config).tz
    site_now = load_site(config, now=NOW.astimezone(now).replace(year=2026))
    assert "2023-03-01-le-ra-quan" in {b.source.rsplit("/", 1)[-1][:-3] for b in site_now.bulletins}
    edit(
        root,
        "---\n\n",
        "---\n\nĐoạn thêm sau khi duyệt.\n",
        "content/bai-viet/2023-03-01-le-ra-quan.md",
    )
    site_now = load_site(config, now=NOW.astimezone(now).replace(year=2026))
    held = {e.bulletin.source: e.reason for e in site_now.excluded}
    assert CHANGED in held["content/bai-viet/2023-03-01-le-ra-quan.md"]


@pytest.mark.parametrize("where", ["body", "cover", "both"])
def test_an_approval_of_image_paths_written_with_backslashes_holds_once_they_are_fixed(
    tmp_path: Path, where: str
) -> None:
    """Windows showed «images\\hien-truong.jpg», so a bulletin was approved so; now refused
    (the server finds no such file), it is fixed with '/', which publishes the same: the
    approval holds (README: an upgrade withdraws no approved bulletin). Another edit does not."""
    fields = dict(BASE_FIELDS)
    body = BODY
    if where in ("cover", "both"):
        fields["cover"] = "images\\bia.jpg"
    if where in ("body", "both"):
        body = BODY.replace("images/", "images\\")
    root = project(tmp_path)
    [fixed] = load_site(config_module.load(root), now=NOW).bulletins
    parsed = frontmatter.split(bulletin_md(fields, body))
    data, text = parsed.written or (parsed.data, parsed.body)
    digest = approval.content_digest(data, text, fixed.slug, fixed.key)
    images = approval.ImageDigests(root / "content")
    as_windows_approved = approval.version(
        dataclasses.replace(fixed, content_digest=digest), images, BEFORE_SESSION_33
    )
    assert as_windows_approved != approval.version(fixed, images)
    edit(root, "approved_by:", f"approved_version: {as_windows_approved}\napproved_by:")
    assert verdict(root) is None
    edit(root, "Nội dung bản tin.", "Nội dung đã sửa.")
    assert verdict(root) == "unapproved"


def test_an_approval_of_backslashes_under_an_earlier_reading_holds_once_they_are_fixed(
    tmp_path: Path,
) -> None:
    """Approved on Windows with «images\\bia.jpg» by a version that read the summary's pasted
    lines otherwise (key_lines.READINGS_BEFORE), then fixed with '/': each was allowed for
    alone, not both at once, so the bulletin was withdrawn though nobody changed what it says."""
    from publish.content import parse_raw
    from publish.fields import Collector

    summary = "summary:\n  Gọi ngay\n  - “Đội CSGT”\n"
    fields = {**BASE_FIELDS, "cover": "images\\bia.jpg"}
    as_approved = re.sub(r"summary: [^\n]*\n", summary, bulletin_md(fields, BODY), count=1)
    root = project(tmp_path, as_approved.replace("images\\bia.jpg", "images/bia.jpg"))
    [fixed] = load_site(config_module.load(root), now=NOW).bulletins
    parsed = parse_raw(as_approved.encode(), Collector(FILE, []), READINGS_BEFORE[-1])
    now = parse_raw(as_approved.encode(), Collector(FILE, []))
    assert parsed is not None and now is not None and parsed.data != now.data  # read otherwise
    data, text = parsed.written or (parsed.data, parsed.body)
    digest = approval.content_digest(data, text, fixed.slug, fixed.key)
    images = approval.ImageDigests(root / "content")
    version = approval.version(
        dataclasses.replace(fixed, content_digest=digest), images, READINGS_BEFORE[-1]
    )
    edit(root, "approved_by:", f"approved_version: {version}\napproved_by:")
    assert verdict(root) is None
    edit(root, "Nội dung bản tin.", "Nội dung đã sửa.")
    assert verdict(root) == "unapproved"


@pytest.mark.parametrize("character", ["\x07", "\x7f", "\x85", "\u2028"])
def test_a_title_holding_a_control_character_is_approved_and_kept_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture, character: str
) -> None:
    """The loader drops a control character pasted into a title (with a warning) and reads
    U+2028 as a space; approve failed on the same file («phần đầu sai cú pháp»), or stopped
    with an internal error for a line break only YAML reads (U+0085, U+2028)."""
    title = f"Cảnh báo{character} lừa đảo"
    root = project(tmp_path, bulletin_md({**BASE_FIELDS, "title": title}, BODY))
    assert approve(root, FILE) == 0
    told = capsys.readouterr()
    assert "Lỗi nội bộ" not in told.err and "không ghi được phần đầu" not in told.err
    text = (root / FILE).read_text("utf-8")
    assert f"\ntitle: {title}\n" in text and "approved_version: " in text
    assert verdict(root) is None


def test_a_windows_path_typed_on_linux_approves_the_file_it_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«content\\bai-viet\\a.md», as Windows Explorer copies it, names content/bai-viet/a.md."""
    root = project(tmp_path)
    assert approve(root, FILE.replace("/", "\\")) == 0
    assert f"tệp {FILE};" in capsys.readouterr().out
    assert verdict(root) is None


@pytest.mark.parametrize("where", ["absolute", "from content/", "absolute from content/"])
def test_a_file_named_from_elsewhere_than_the_project_root_is_approved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """A file dragged into a Mac's Terminal is named by its absolute path, and an editor in
    content/ types «--root .. bai-viet/a.md»: both stopped with «Lỗi nội bộ (ValueError)»."""
    root = project(tmp_path)
    name = str(root / FILE) if where.startswith("absolute") else "bai-viet/a.md"
    inside_content = where.endswith("content/")
    monkeypatch.chdir(root / "content" if inside_content else root)
    root = Path(".." if inside_content else ".")
    assert approve(root, name) == 0
    assert f"tệp {FILE};" in capsys.readouterr().out
    assert verdict(root) is None


def test_a_file_on_another_drive_is_told_to_be_outside_the_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows: «publish approve D:\\Downloads\\tin.md» with the project on C: made relpath raise
    (no relative path between drives) and stopped with «Lỗi nội bộ (ValueError)»."""
    root = project(tmp_path)
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    (downloads / "tin.md").write_text(bulletin_md(BASE_FIELDS, BODY), encoding="utf-8")

    def across_drives(path: str, start: str | None = None) -> str:
        """ntpath.relpath's answer for a path on D: and a start on C:."""
        raise ValueError("path is on mount 'D:', start on mount 'C:'")

    monkeypatch.setattr(approve_command.os.path, "relpath", across_drives)
    assert approve(root, str(downloads / "tin.md")) == 1
    err = capsys.readouterr().err
    assert "không phải tệp trong thư mục content/ của dự án" in err
    assert "Lỗi nội bộ" not in err and "Traceback" not in err
    assert "approved_version" not in (downloads / "tin.md").read_text("utf-8")


def test_a_file_name_typed_with_composed_letters_names_the_file_a_mac_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Mac writes «ạ» in a file name as «a» and a mark; typed on Linux or in CI, «tin-mạng.md»
    was «không có tệp», with «Có phải ý bạn là «…tin-mạng.md»?» looking the same."""
    decomposed = unicodedata.normalize("NFD", "content/bai-viet/tin-mạng.md")
    root = project(tmp_path)
    (root / FILE).rename(root / decomposed)
    assert approve(root, "content/bai-viet/tin-mạng.md") == 0
    out = unicodedata.normalize("NFC", capsys.readouterr().out)
    assert "tệp content/bai-viet/tin-mạng.md;" in out
    assert approval.is_version(
        frontmatter.split((root / decomposed).read_text("utf-8")).data["approved_version"]
    )


def test_a_file_name_with_spaces_typed_without_quotes_is_told_to_be_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«Tin mới 2.md» (TextEdit's own name) typed without quotes was three files, each
    «không có tệp», and «2.md» was guessed to be «w2.md», another bulletin."""
    root = project(tmp_path)
    (root / FILE).rename(root / "content/bai-viet/Tin mới 2.md")
    (root / "content/bai-viet/w2.md").write_text(bulletin_md(), encoding="utf-8")
    assert approve(root, "content/bai-viet/Tin", "mới", "2.md") == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "content/bai-viet/Tin mới 2.md: lỗi: tên tệp có dấu cách nên phải đặt trong ngoặc kép: "
        "lệnh đã đọc thành 3 tệp «content/bai-viet/Tin», «mới», «2.md»\n"
        '    Cách sửa: Chạy lại, tên tệp trong ngoặc kép: publish approve "content/bai-viet/Tin '
        f'mới 2.md" --by "{APPROVER}" --root {root}\n'  # where it was run: beside the project
    )
    assert "w2.md" not in err and "không có tệp" not in err


@pytest.mark.parametrize(
    ("fixed", "as_approved"),
    [
        (
            '<img src="images/hien-truong.jpg" alt="Hiện trường">\n',
            '<img src="images\\hien-truong.jpg" alt="Hiện trường">\n',
        ),
        (
            "![Hiện trường][h]\n\n[h]: images/hien-truong.jpg\n",
            "![Hiện trường][h]\n\n[h]: images\\hien-truong.jpg\n",
        ),
        (
            "![Hiện trường](images/Hiện trường.jpg)\n",
            "![Hiện trường](images\\Hiện trường.jpg)\n",
        ),
        (  # one way flipped, another («[b]: …», a link's «[qd]: …») written with '/' all along
            "![Hiện trường](images/hien-truong.jpg)\n\n![Bìa][b] [Quyết định][qd]\n\n"
            "[b]: images/bia.jpg\n[qd]: images/qd.pdf\n",
            "![Hiện trường](images\\hien-truong.jpg)\n\n![Bìa][b] [Quyết định][qd]\n\n"
            "[b]: images/bia.jpg\n[qd]: images/qd.pdf\n",
        ),
    ],
)
def test_an_approval_of_backslashes_holds_once_fixed_whatever_way_the_image_is_written(
    tmp_path: Path, fixed: str, as_approved: str
) -> None:
    """A raw <img>, a reference definition or a name with a space written «images\\…» on
    Windows and fixed with '/' publishes what was approved: it was withdrawn until approved
    again, as a Markdown inline image no longer is."""
    root = project(tmp_path, bulletin_md(BASE_FIELDS, f"Nội dung bản tin.\n\n{fixed}"))
    (root / "content/images/Hiện trường.jpg").write_bytes(jpeg("blue"))
    (root / "content/images/qd.pdf").write_bytes(b"%PDF-1.4\n")
    [bulletin] = load_site(config_module.load(root), now=NOW).bulletins
    parsed = frontmatter.split(bulletin_md(BASE_FIELDS, f"Nội dung bản tin.\n\n{as_approved}"))
    data, text = parsed.written or (parsed.data, parsed.body)
    digest = approval.content_digest(data, text, bulletin.slug, bulletin.key)
    images = approval.ImageDigests(root / "content")
    as_windows_approved = approval.version(
        dataclasses.replace(bulletin, content_digest=digest), images, BEFORE_SESSION_33
    )
    edit(root, "approved_by:", f"approved_version: {as_windows_approved}\napproved_by:")
    assert verdict(root) is None
    edit(root, "Nội dung bản tin.", "Nội dung đã sửa.")
    assert verdict(root) == "unapproved"


def test_a_curly_quoted_key_read_since_approval_keeps_the_approval(tmp_path: Path) -> None:
    """«“author”: “Minh Anh”» was an unknown key, and approved so; now read as author (README:
    an upgrade withdraws no approved bulletin), the approval of the file as written holds."""
    text = bulletin_md(BASE_FIELDS, BODY).replace('author: "Minh Anh"', "“author”: “Minh Anh”")
    root = project(tmp_path, text)
    [bulletin] = load_site(config_module.load(root), now=NOW).bulletins
    assert bulletin.author == "Minh Anh"
    as_written = frontmatter.split(text)
    assert "“author”" in as_written.data  # what it read when it was approved
    digest = approval.content_digest(as_written.data, as_written.body, bulletin.slug, bulletin.key)
    images = approval.ImageDigests(root / "content")
    approved = approval.version(
        dataclasses.replace(bulletin, content_digest=digest), images, BEFORE_SESSION_33
    )
    edit(root, "approved_by:", f"approved_version: {approved}\napproved_by:")
    assert verdict(root) is None
    edit(root, "Nội dung bản tin.", "Nội dung đã sửa.")
    assert verdict(root) == "unapproved"


@pytest.mark.parametrize(
    "written",
    [
        "có",
        "yes",
        "Yes",
        "on",
        "x",
        "ok",
        "OK",
        '"Đã duyệt"',
        '"✓"',
        "1",
        "yes  # rồi",
        "duyệt",
        "Được",
    ],
)
def test_a_tick_written_for_the_approver_is_no_approval_and_says_a_name_is_expected(
    tmp_path: Path, written: str
) -> None:
    """`approved_by: có` (as on a paper form's box) published the bulletin as approved by «có»;
    `yes` (YAML's true) was told «cần một chuỗi ký tự», which says nothing about a name, then
    «nhận được «true»», a word the editor never wrote."""
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": written})})
    site = load_site(config_module.load(root), now=NOW)
    assert not site.bulletins  # held: published nowhere
    assert [e.code for e in site.excluded] == ["unapproved"]
    # A warning holding that bulletin alone (an error under --strict: test_person_fields).
    [error] = [p for p in site.warnings if p.field == "approved_by"]
    assert error.file == FILE and error.line == 6 and error.severity == "warning"
    typed = written.split("#")[0].strip().strip('"')
    assert error.message.startswith(f"cần họ tên, chức vụ người duyệt, nhận được «{typed}»: ")
    assert error.hint and f"publish approve {FILE} --by" in error.hint
    assert "lệnh ghi tên thay cho giá trị này" in error.hint


@pytest.mark.parametrize("written", ["\n  yes", "\n  on  # rồi", "|\n  yes", ">-\n  Yes\n"])
def test_a_tick_written_on_the_line_after_the_key_is_told_as_typed(
    tmp_path: Path, written: str
) -> None:
    """`approved_by:` with `yes` on the next line was told «nhận được «true»», a word nobody
    wrote: only the key's own line was read for what was typed."""
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": written})})
    site = load_site(config_module.load(root), now=NOW, salvage=True)
    assert not site.bulletins
    [error] = [p for p in site.warnings if p.field == "approved_by"]
    typed = written.split("\n")[1].split("#")[0].strip()
    assert f"nhận được «{typed}»: " in error.message, error.message
    assert "«true»" not in error.message


@pytest.mark.parametrize("written", ["có", "yes", "x", '"✓"'])
def test_publish_approve_replaces_a_tick_written_for_the_approver(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    """The tick's hint says to run publish approve; approve loaded the bulletin, met the same
    error and refused («bản tin còn lỗi»), so no one could follow the hint."""
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": written})})
    by = "Thượng tá Nguyễn Văn Hùng"
    assert main(["approve", "--root", str(root), str(root / FILE), "--by", by]) == 0, (
        capsys.readouterr().err
    )
    text = (root / FILE).read_text(encoding="utf-8")
    assert f'approved_by: "{by}"' in text and f"approved_by: {written}" not in text
    assert verdict(root) is None  # approved: published


def test_an_approvers_name_of_one_word_or_with_a_rank_is_a_name(tmp_path: Path) -> None:
    for name in ("Hùng", '"Đại úy Lê Văn Xuân"', '"Cô Yến"'):
        root = make_project(tmp_path / name, {FILE: bulletin_md({"approved_by": name})})
        site = load_site(config_module.load(root), now=NOW)
        assert site.bulletins[0].approved_by == name.strip('"')


@pytest.mark.parametrize("name", ["Đạt", "Ý", "Kỳ", "Kỷ", "Đa", "Đà"])
def test_a_one_word_name_that_folds_to_a_tick_approves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Ticks were compared without accents: «Đạt» read as «dat», «Kỳ» as «ky», and a real
    approver was refused both in approved_by and in `publish approve --by`."""
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": name})})
    site = load_site(config_module.load(root), now=NOW)
    assert site.bulletins[0].approved_by == name
    assert main(["approve", "--root", str(root), str(root / FILE), "--by", name]) == 0, (
        capsys.readouterr().err
    )
    assert f'approved_by: "{name}"' in (root / FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "tick",
    ["có", "Đã duyệt", "đã ký", "Đồng ý", "rồi", "x", "yes", "✓", "duyệt", "Được", "Được duyệt"],
)
def test_publish_approve_still_refuses_a_tick_with_its_accents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tick: str
) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md(drop=["approved_by"])})
    before = (root / FILE).read_bytes()
    assert main(["approve", "--root", str(root), str(root / FILE), "--by", tick]) == 1
    assert "cần họ tên, chức vụ người duyệt" in capsys.readouterr().err
    assert (root / FILE).read_bytes() == before


def test_publish_approve_refuses_a_tick_for_the_approver(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md(drop=["approved_by"])})
    before = (root / FILE).read_bytes()
    assert main(["approve", "--root", str(root), str(root / FILE), "--by", "OK"]) == 1
    assert "--by: lỗi: cần họ tên, chức vụ người duyệt, nhận được «OK»" in capsys.readouterr().err
    assert (root / FILE).read_bytes() == before


@pytest.mark.parametrize(
    ("summary", "approved", "edited"),
    [
        ("summary: Gọi ngay\n  - {}\n", '"Đội CSGT"', "“Đội CSGT”"),
        ("summary: 'Gọi ngay\n  Hotline: {}\n  để được giúp.'\n", '"Đội CSGT"', "“Đội CSGT”"),
    ],
)
def test_quote_marks_retyped_after_approval_withdraw_it_though_an_earlier_reading_agrees(
    tmp_path: Path, summary: str, approved: str, edited: str
) -> None:
    """A reviewer approved «"Đội CSGT"» on a summary's next line, then retyped it in curly
    quotes: the site would publish the changed summary, yet the file stayed approved, as an
    earlier reading (key_lines.READINGS_BEFORE) straightens those quotes back. An approval
    taken now holds only under the reading it was taken under."""
    text = bulletin_md(BASE_FIELDS, BODY)
    text = re.sub(r"summary: [^\n]*\n", summary.format(approved), text, count=1)
    root = project(tmp_path, text)
    assert approve(root, FILE) == 0
    assert verdict(root) is None
    edit(root, approved, edited)
    assert verdict(root) == "unapproved"


def test_a_bulletin_held_for_its_pii_reviewer_alone_is_not_counted_as_edited(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An approved bulletin whose pii_reviewed_by says «ok» was counted «1 bản tin đã đổi sau
    khi duyệt», with the approver told to approve it again: nothing was edited and approving
    would not release it. Its warning tells the fix; no line asks for an approval."""
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    edit(root, 'pii_reviewed_by: ""', 'pii_reviewed_by: "ok"')
    capsys.readouterr()
    assert main(["check", "--root", str(root), "--now", CLOCK]) == 0
    said = capsys.readouterr()
    assert verdict(root) == "unapproved"
    assert "pii_reviewed_by" in said.err
    assert "Cần duyệt" not in said.out and "đã đổi sau khi duyệt" not in said.out
