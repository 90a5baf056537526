"""A --drafts preview (`publish serve --drafts`, `publish build --drafts`) of an approved bulletin
edited since: it was shown under the «Bản nháp» banner («nội dung chưa được duyệt đăng»), which
tells an editor who only fixed a typo nothing of what happened: the bulletin is off every
channel until approved again. Its banner now says so, with the command that approves it."""

from __future__ import annotations

from pathlib import Path

from publish.cli import main
from publish.preview import preview_output
from tests.helpers import bulletin_md
from tests.test_approval import BASE_FIELDS, BODY, CLOCK, FILE, approve, edit, project
from tests.test_approval_bound import PDF


def preview_pages(root: Path) -> dict[str, str]:
    """`publish build --drafts`'s bulletin pages (not lists) that carry a banner, by path."""
    assert main(["build", "--root", str(root), "--now", CLOCK, "--drafts"]) == 0
    web = preview_output(root) / "web"
    pages = {p.relative_to(web).as_posix(): p.read_text("utf-8") for p in web.rglob("*.html")}
    return {
        path: page
        for path, page in pages.items()
        if 'class="draft-banner"' in page and 'content="article"' in page
    }


def test_an_approved_bulletin_edited_since_is_previewed_as_such_not_as_a_draft(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    assert preview_pages(root) == {}  # approved and unchanged: published, no banner
    edit(root, "Nội dung bản tin.", "Nội dung bản tin đã sửa lỗi chính tả.")
    pages = preview_pages(root)
    assert pages, "the edited bulletin has no preview page"
    for page in pages.values():
        banner = page.split('class="draft-banner"', 1)[1].split("</p>", 1)[0]
        assert "<strong>Đã sửa sau khi duyệt</strong>" in banner
        assert "không đăng ở kênh nào cho tới khi được duyệt lại" in banner
        assert f"publish approve {FILE}" in banner
        assert "Bản nháp" not in banner
    # Its card on the lists (home, category…) says the same, not «Bản nháp».
    home = (preview_output(root) / "web" / "index.html").read_text("utf-8")
    assert '<span class="badge">Chờ duyệt lại</span>' in home
    assert '<span class="badge">Bản nháp</span>' not in home


def test_a_draft_keeps_the_draft_banner(tmp_path: Path) -> None:
    root = project(tmp_path)
    edit(root, "id: ct-canh-bao", "id: ct-canh-bao\ndraft: true")
    pages = preview_pages(root)
    assert pages
    for page in pages.values():
        banner = page.split('class="draft-banner"', 1)[1].split("</p>", 1)[0]
        assert "<strong>Bản nháp</strong>" in banner and "Đã sửa sau khi duyệt" not in banner
    home = (preview_output(root) / "web" / "index.html").read_text("utf-8")
    assert '<span class="badge">Bản nháp</span>' in home


def test_one_edited_since_and_held_for_its_reviewer_is_previewed_as_edited(
    tmp_path: Path,
) -> None:
    """Held first for its pii_reviewed_by («ok»), it was previewed as a draft, which told its
    approver nothing of the approval it waits for (the reason said it, the banner did not)."""
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    edit(root, 'pii_reviewed_by: ""', 'pii_reviewed_by: "ok"')
    edit(root, "Nội dung bản tin.", "Nội dung bản tin đã sửa lỗi chính tả.")
    pages = preview_pages(root)
    assert pages, "the edited bulletin has no preview page"
    for page in pages.values():
        banner = page.split('class="draft-banner"', 1)[1].split("</p>", 1)[0]
        assert "<strong>Đã sửa sau khi duyệt</strong>" in banner and "Bản nháp" not in banner
        assert "pii_reviewed_by" in banner and f"publish approve {FILE}" in banner
    home = (preview_output(root) / "web" / "index.html").read_text("utf-8")
    assert '<span class="badge">Chờ duyệt lại</span>' in home


def banners(root: Path) -> list[str]:
    """The banner of each bulletin page of a --drafts preview, its text as an editor reads it."""
    return [
        page.split('class="draft-banner"', 1)[1].split("</p>", 1)[0]
        for page in preview_pages(root).values()
    ]


def test_the_banner_says_it_was_edited_once(tmp_path: Path) -> None:
    """«Đã sửa sau khi duyệt — đã sửa sau khi duyệt: tệp đính kèm …»: the reason, which starts
    with the words the banner leads with, said them again."""
    root = project(
        tmp_path, bulletin_md(BASE_FIELDS, BODY + "Tải [mẫu đơn](../tep/mau-don.pdf).\n")
    )
    (root / "content/tep").mkdir()
    (root / "content/tep/mau-don.pdf").write_bytes(PDF)
    assert approve(root, FILE) == 0
    (root / "content/tep/mau-don.pdf").write_bytes(PDF + b"%\n")
    [banner] = set(banners(root))
    assert (
        "<strong>Đã sửa sau khi duyệt</strong> — tệp đính kèm «content/tep/mau-don.pdf» đã bị "
        "thay hay sửa: không đăng ở kênh nào cho tới khi được duyệt lại"
    ) in banner
    edit(root, "Tải [mẫu đơn]", "Tải về [mẫu đơn]")  # the text too: told by the gate's words
    [banner] = set(banners(root))
    assert (
        "<strong>Đã sửa sau khi duyệt</strong> — không đăng ở kênh nào cho tới khi được duyệt lại"
    ) in banner
    assert banner.lower().count("sau khi duyệt") == 1
