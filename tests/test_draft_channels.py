"""`draft: [zalo]` keeps an approved bulletin from some of its channels while the others go on,
with no new approval: narrowing `channels` instead is an edit the approval covers, and held the
bulletin on every channel (the website too) until the approver came back."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.model import Site
from publish.zalo.emulator import ZaloEmulator
from tests.helpers import NOW, bulletin_md, with_oa
from tests.test_approval import BASE_FIELDS, BODY, FILE, approve, edit, project, verdict
from tests.zalo_project import NOW as ZALO_NOW
from tests.zalo_project import zalo_bulletin, zalo_project


def loaded(root: Path) -> Site:
    """The site as a build loads it."""
    return load_site(config_module.load(root), now=NOW)


DRAFT_LINES = {
    "flow list": "draft: [zalo]",
    "one name": "draft: zalo",
    "quoted": 'draft: ["zalo"]',
    "one a line": "draft:\n  - zalo",
    "one a line at the margin": "draft:\n- 'zalo'",
}


@pytest.mark.parametrize("line", DRAFT_LINES.values(), ids=list(DRAFT_LINES))
def test_keeping_an_approved_bulletin_from_zalo_keeps_its_approval_and_other_channels(
    tmp_path: Path, line: str
) -> None:
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    edit(root, 'pii_reviewed_by: ""', f'pii_reviewed_by: ""\n{line}')
    assert verdict(root) is None
    [bulletin] = loaded(root).bulletins
    assert bulletin.channels == {"web", "radio"}
    assert bulletin.held_from == {"zalo"}


def test_narrowing_channels_instead_still_needs_a_new_approval(tmp_path: Path) -> None:
    """What the hint steers editors away from: the same wish written in `channels`."""
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    edit(root, "channels: [web, zalo, radio]", "channels: [web, radio]")
    assert verdict(root) == "unapproved"


def test_a_line_after_the_draft_list_that_is_no_channel_is_covered(tmp_path: Path) -> None:
    """Only channel names below `draft:` are left out of the approval: an edit slipped in
    beside them (here a second title line YAML would refuse anyway, or a tag) is not."""
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    edit(root, '"Minh Anh"', '"Minh Anh"\ndraft:\n  - zalo\n  - web')
    assert verdict(root) is None
    edit(root, "  - web\n", "  - web\nnguon: x\n")
    assert verdict(root) == "unapproved"


def test_keeping_a_bulletin_from_every_channel_it_goes_to_makes_it_a_draft(
    tmp_path: Path,
) -> None:
    fields = {**BASE_FIELDS, "channels": "[web, zalo]", "draft": "[zalo, web]"}
    root = project(tmp_path, bulletin_md(fields, BODY))
    assert verdict(root) == "draft"


def test_a_channel_the_bulletin_does_not_go_to_changes_nothing(tmp_path: Path) -> None:
    fields = {**BASE_FIELDS, "channels": "[web]", "draft": "[radio]"}
    root = project(tmp_path, bulletin_md(fields, BODY))
    [bulletin] = loaded(root).bulletins
    assert bulletin.channels == {"web"} and bulletin.held_from == frozenset()


def test_an_empty_list_keeps_the_bulletin_from_no_channel(tmp_path: Path) -> None:
    root = project(tmp_path, bulletin_md({**BASE_FIELDS, "draft": "[]"}, BODY))
    [bulletin] = loaded(root).bulletins
    assert bulletin.channels == {"web", "zalo", "radio"} and not bulletin.draft


def test_a_misspelt_channel_holds_the_bulletin_and_says_which_was_meant(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    fields = {**BASE_FIELDS, "draft": "[zaloo]"}
    root = project(tmp_path, bulletin_md(fields, BODY))
    assert main(["--root", str(root), "--now", "2021-01-01T09:00", "build"]) == 1
    out = capsys.readouterr()
    told = out.out + out.err
    assert "trường 'draft': kênh không tồn tại: «zaloo»" in told
    assert "Có phải ý bạn là 'zalo' thay cho 'zaloo'?" in told
    assert "draft: [zalo]" in told
    assert not (root / "output").exists()


def test_a_yes_written_in_vietnamese_is_still_told_as_a_true_false_field(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    fields = {**BASE_FIELDS, "draft": "có"}
    root = project(tmp_path, bulletin_md(fields, BODY))
    assert main(["--root", str(root), "--now", "2021-01-01T09:00", "build"]) == 1
    told = capsys.readouterr().err
    assert "cần true hoặc false" in told and "'draft: true'" in told


def test_the_build_says_which_channel_a_bulletin_is_kept_from(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    root = project(tmp_path)
    with (root / "site.toml").open("a", encoding="utf-8") as toml:
        toml.write('\n[zalo]\noa_id = "1234567890123456789"\n')
    assert approve(root, FILE) == 0
    edit(root, 'pii_reviewed_by: ""', 'pii_reviewed_by: ""\ndraft: [zalo]')
    capsys.readouterr()
    assert main(["--root", str(root), "--now", "2021-01-01T09:00", "build"]) == 0
    out = capsys.readouterr().out
    assert f"Giữ khỏi kênh zalo: {FILE} (draft: [zalo]); vẫn đăng ở web, radio" in out
    assert not list((root / "output" / "zalo").glob("*.json"))
    assert list((root / "output" / "web").rglob("index.html"))


def test_a_zalo_setting_named_draft_points_to_the_line_that_works(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    fields = {**BASE_FIELDS, "zalo": "{draft: true}"}
    root = project(tmp_path, bulletin_md(fields, BODY))
    assert main(["--root", str(root), "--now", "2021-01-01T09:00", "build"]) == 1
    assert "ghi 'draft: [zalo]' ở phần đầu, ngoài khối zalo" in capsys.readouterr().err


def test_sync_hides_the_zalo_article_and_keeps_the_web_page(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
) -> None:
    root = zalo_project(tmp_path, 2)
    sync = ["--root", str(root), "--now", ZALO_NOW, "sync"]
    assert main(sync) == 0
    assert {a["status"] for a in emulator.articles.values()} == {"show"}
    path = root / "content" / "bai-viet" / "ban-tin-000.md"
    path.write_text(zalo_bulletin(0, draft="[zalo]"), encoding="utf-8")
    assert main(sync) == 0
    shown = {a["title"]: a["status"] for a in emulator.articles.values()}
    assert sorted(shown.values()) == ["hide", "show"]
    hidden = next(title for title, status in shown.items() if status == "hide")
    pages = [p.read_text(encoding="utf-8") for p in (root / "output" / "web").rglob("index.html")]
    assert any(hidden in page for page in pages)  # still on the website
    emulator.clear_calls()
    assert main(sync) == 0
    assert emulator.write_calls() == []


def test_keeping_a_zalo_bulletin_from_the_website_says_to_keep_it_from_zalo_too(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """Zalo takes its photos and «xem đầy đủ» link from the website: held from the web, the
    article cannot go, and the way out is the draft line, not channels."""
    root = with_oa(project(tmp_path, bulletin_md({**BASE_FIELDS, "draft": "[web]"}, BODY)))
    assert main(["--root", str(root), "--now", "2021-01-01T09:00", "build"]) == 1
    err = capsys.readouterr().err
    assert "trường 'draft': bản tin gửi Zalo nhưng không có trên website" in err
    assert "Giữ bài khỏi cả Zalo: draft: [web, zalo]; hoặc bỏ web khỏi draft." in err


def test_the_drafts_preview_shows_a_bulletin_kept_from_the_website_as_a_draft(
    tmp_path: Path,
) -> None:
    """`draft: [web, …]` is a draft on the website: the editor previews it with --drafts,
    marked as one, while the published site leaves it out and the radio still reads it."""
    root = with_oa(project(tmp_path))
    assert approve(root, FILE) == 0
    edit(root, 'pii_reviewed_by: ""', 'pii_reviewed_by: ""\ndraft: [web, zalo]')
    clock = ["--root", str(root), "--now", "2021-01-01T09:00"]
    assert main([*clock, "build", "--drafts"]) == 0
    assert main([*clock, "build"]) == 0
    preview = root / ".cache" / "preview" / "web"
    shown = [p for p in preview.rglob("index.html") if "Nội dung bản tin." in p.read_text("utf-8")]
    assert len(shown) == 1
    assert "draft-banner" in shown[0].read_text("utf-8")
    published = (root / "output" / "web").rglob("index.html")
    assert not [p for p in published if "Nội dung bản tin." in p.read_text("utf-8")]
    aired = (root / "output" / "radio").rglob("*.txt")
    assert [p for p in aired if "Nội dung bản tin." in p.read_text("utf-8")]


def test_approving_a_draft_written_as_every_channel_names_that_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The refusal quotes the file's `draft: [zalo, web]`, not a `draft: true` it does not
    have, and --publish, which it says removes that line, does (QA of session 77)."""
    fields = {**BASE_FIELDS, "channels": "[web, zalo]", "draft": "[zalo, web]"}
    root = project(tmp_path, bulletin_md(fields, BODY))
    capsys.readouterr()
    assert approve(root, FILE) == 1
    err = capsys.readouterr().err
    assert "trường 'draft': bản tin còn là bản nháp (draft: [zalo, web]): duyệt là cho đăng" in err
    assert "Thêm --publish để vừa duyệt vừa bỏ draft: [zalo, web];" in err
    assert approve(root, FILE, extra=("--publish",)) == 0
    assert verdict(root) is None


def test_a_scheduled_bulletin_sent_to_zalo_but_kept_off_the_website_is_told_before_its_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`draft: [web]` needs no new approval, so an approved bulletin waiting for its time can
    get it: check said nothing and next listed it «→ zalo, radio», then the build at its time
    stopped on it, and nothing at all was published (QA of session 77)."""
    fields = {**BASE_FIELDS, "date": "2021-01-04 08:00", "draft": "[web]"}
    root = with_oa(project(tmp_path, bulletin_md(fields, BODY)))
    before = ["--root", str(root), "--now", "2021-01-01T09:00"]
    capsys.readouterr()
    assert main([*before, "check"]) == 0
    err = capsys.readouterr().err
    assert f"{FILE}:" in err and "cảnh báo: trường 'draft': bản tin gửi Zalo nhưng không" in err
    assert "tới giờ đó, lỗi này dừng cả lần dựng" in err
    assert main([*before, "next"]) == 0
    out = capsys.readouterr().out
    assert "Không có bản tin nào đang chờ đến giờ đăng." in out
    stuck = out.split("Hẹn giờ nhưng sẽ KHÔNG tự lên (1)", 1)[1]
    assert f"{FILE} → không kênh nào; lý do: gửi Zalo mà không có trên website" in stuck
    # What they foretell: at its time the build stops.
    assert main(["--root", str(root), "--now", "2021-01-04T09:00", "build"]) == 1
