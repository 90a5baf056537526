"""The Website section of the sync's Markdown report names the bulletins whose page this run
puts on the website for the first time, and those already live whose page an edit replaces.
Session 77 QA follow-ups: a real sync recorded the website in state/ before writing its report,
so its «lên website lần đầu» list was always empty; and an edited web-only bulletin re-approved
was named nowhere (the Website section counts files only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import (
    NOW,
    TITLES,
    plan_section,
    report_section,
    sync_report,
    zalo_bulletin,
    zalo_project,
)

APPROVER = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an xã"
WEB_ONLY = "content/bai-viet/chi-web.md"


def _run(root: Path, *args: str) -> int:
    """`publish --root ROOT --now NOW ARGS` in this process."""
    return main(["--root", str(root), "--now", NOW, *args])


def _approve(root: Path, name: str) -> None:
    """Approve the bulletin in `name` as the unit's approver."""
    assert main(["--root", str(root), "approve", name, "--by", APPROVER]) == 0


def _live_web_only(tmp_path: Path) -> Path:
    """A project whose bulletin bt-000 and web-only bulletin bt-007 are on the website."""
    root = zalo_project(tmp_path, 1)
    (root / WEB_ONLY).write_text(zalo_bulletin(7, channels="[web]"), encoding="utf-8")
    _approve(root, WEB_ONLY)
    assert _run(root, "sync", "web") == 0
    return root


def test_a_real_sync_names_what_it_put_on_the_website_for_the_first_time(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    assert _run(root, "sync", "web") == 0
    (root / WEB_ONLY).write_text(zalo_bulletin(7, channels="[web]"), encoding="utf-8")
    _approve(root, WEB_ONLY)
    section = plan_section(root, capsys, "Website", "web")
    assert "Bản tin lên website lần đầu (1):" in section, section
    [named] = [x for x in section if WEB_ONLY in x]
    assert "«" + TITLES[7 % len(TITLES)] + " (7)»" in named
    assert not [x for x in section if "(0)»" in x]  # out already before this run
    again = plan_section(root, capsys, "Website", "web")
    assert not [x for x in again if "content/bai-viet/" in x], again  # out since the last run


EDITED = "Bản tin đang có trên website, sửa và duyệt lại sau lần đồng bộ trước"


def _edit(root: Path) -> None:
    """Change a word of the web-only bulletin's body (its approval then no longer holds)."""
    path = root / WEB_ONLY
    text = path.read_text("utf-8")
    body = text.rpartition("---\n")[2]
    assert body.strip(), text
    path.write_text(text + "\nThêm một câu sau khi duyệt.\n", "utf-8")


def test_an_edited_web_only_bulletin_approved_again_is_named_in_the_plan_and_report(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _live_web_only(tmp_path)
    assert not [
        x for x in plan_section(root, capsys, "Website", "web", "--dry-run") if WEB_ONLY in x
    ]
    _edit(root)
    _approve(root, WEB_ONLY)
    title = "«" + TITLES[7 % len(TITLES)] + " (7)»"
    for extra in (("--dry-run",), ()):  # the PR's plan, then the merge's sync
        section = plan_section(root, capsys, "Website", "web", *extra)
        assert f"{EDITED} (1):" in section, section
        [named] = [x for x in section if WEB_ONLY in x]
        assert named.startswith(f"- {title} (`{WEB_ONLY}`)"), named
        assert not [x for x in section if "lần đầu" in x], section
    again = plan_section(root, capsys, "Website", "web")  # the edit is the live version now
    assert not [x for x in again if WEB_ONLY in x or EDITED in x], again


def test_an_edited_bulletin_waiting_for_approval_is_not_named_as_replaced(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Held back (its approval no longer holds): the plan names it among those withdrawn, with
    its file alone; never in the Website section, title and all, as going out."""
    root = _live_web_only(tmp_path)
    _edit(root)
    lines = sync_report(root, capsys, "web", "--dry-run")
    section = report_section(lines, "Website")
    assert not [x for x in section if WEB_ONLY in x or EDITED in x or "(7)»" in x], section
    assert [x for x in section if x.startswith("web (dự kiến): ")], section  # its counts
    withdrawn = report_section(lines, "Bài đang đăng bị rút vì chờ duyệt lại")
    [named] = [x for x in withdrawn if WEB_ONLY in x]
    assert named.startswith(f"- `{WEB_ONLY}` «{TITLES[7 % len(TITLES)]} (7)»"), named
    assert "(sẽ bị rút khỏi website)" in named, named


def test_the_first_real_sync_of_a_unit_names_every_bulletin_it_put_on_the_website(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review of session 77: with no state/published.json yet (a new unit's first sync), the
    list was taken after the sync wrote output/web and state/web-urls.json, which then stood in
    for it: every bulletin read as live already, and the report named none."""
    root = zalo_project(tmp_path, 2)
    assert not (root / "state" / "published.json").exists()
    section = plan_section(root, capsys, "Website", "web")
    assert "Bản tin lên website lần đầu (2):" in section, section
