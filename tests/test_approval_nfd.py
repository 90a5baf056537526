"""A bulletin re-saved with its letters decomposed (NFD: a Mac's copy and paste, text taken from
a PDF) shows and publishes the same words: its approval holds, `publish approve` finds nothing
to write, the Zalo article is not sent again and the station gets no «SỬA LẦN» (session 73).
Approvals given before, whose file part took the bytes as they were, stay valid."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Literal

import pytest

from publish import approval
from publish import config as config_module
from publish.approval_diff import UNICODE_FORM_ONLY
from publish.cli import main
from publish.content import load_site
from publish.zalo.emulator import ZaloEmulator
from tests.helpers import FIXTURES, NOW, bulletin_md, make_project
from tests.test_approval import APPROVER, CLOCK, FILE
from tests.test_approval_channels_now import approve, git, needs_git
from tests.zalo_project import sync as zalo_sync
from tests.zalo_project import zalo_project

BODY = (
    "Sáng nay, Công an xã Tân Nhuận Đông làm việc với người dân ấp Phú Hòa.\n\n"
    "Người dân cần cảnh giác với cuộc gọi tự xưng cán bộ Công an, gọi 113 khi cần.\n"
)
HELD = "nội dung đã đổi sau khi duyệt"
"""What `publish check` says of a bulletin edited after its approval."""


def nfd(text: str) -> str:
    """`text` decomposed: each letter with its tone marks written as several characters."""
    return unicodedata.normalize("NFD", text)


def resave(root: Path, form: Literal["NFD", "NFC", "body"], file: str = FILE) -> None:
    """Save project file `file` again with its text in Unicode form `form` ("NFD", "NFC"), or
    ("body") only its body decomposed, as a paste from a PDF into it leaves it."""
    path = root / file
    text = path.read_text("utf-8")
    if form == "body":
        head, _, body = text.partition("\n---\n")
        new = f"{head}\n---\n{nfd(body)}"
    else:
        new = unicodedata.normalize("NFD" if form == "NFD" else "NFC", text)
    assert new != text or form == "NFC"
    path.write_bytes(new.encode("utf-8"))


def held(root: Path, now: dt.datetime = NOW) -> dict[str, str]:
    """The reasons the loaded site holds bulletins back at `now`, by file."""
    site = load_site(config_module.load(root), now=now)
    return {e.bulletin.source: e.reason for e in site.excluded}


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What `publish check` prints (both streams); it must succeed."""
    capsys.readouterr()
    assert main(["check", "--root", str(root), "--now", CLOCK]) == 0
    return "".join(capsys.readouterr())


def as_before_session_73(raw: bytes) -> str:
    """The file part of an approval as the tool took it before session 73, for a file with no
    `draft:` line and no `aired` (the only other lines it leaves out): the bytes as they are,
    line endings made \\n, without the lines `publish approve` writes."""
    text = raw.replace(b"\r\n", b"\n")
    head, sep, rest = text.partition(b"\n---\n")
    kept = [
        line
        for line in head.split(b"\n")
        if not re.match(rb"(?:approved_by|approved_version|pii_reviewed_by)[ \t]*:", line)
    ]
    data = b"publish-file-1\n" + b"\n".join(kept) + sep + rest
    return hashlib.sha256(data).hexdigest()[:12]


def approved_before_session_73(root: Path, file: str = FILE) -> None:
    """Rewrite the file part of the approval `publish approve` wrote into `file` as the tool
    took it before session 73 (of the bytes as they are)."""
    path = root / file
    raw = path.read_bytes()
    found = re.search(rb'approved_version: "([0-9a-f]{12})-([0-9a-f]{12})-', raw)
    assert found is not None
    old = as_before_session_73(raw).encode()
    path.write_bytes(raw.replace(found[0], found[0].replace(found[2], old)))


def commit(root: Path) -> None:
    """Commit the project's files (not the build's cache) in a repository of its own."""
    git(root, "init", "-q")
    git(root, "add", "content", "site.toml")
    git(root, "commit", "-qm", "Duyệt")


def approved_project(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str = "") -> Path:
    """A project with one bulletin approved by `publish approve` (its text `text`, or a
    bulletin in NFC)."""
    text = text or bulletin_md(drop=("approved_by",), body=BODY)
    root = make_project(tmp_path, {FILE: text.encode("utf-8")})
    approve(root, capsys)
    assert held(root) == {}
    return root


# The approval.


def test_the_file_part_of_a_file_in_nfc_is_taken_as_before() -> None:
    """Nearly every file is in NFC: its approval's file part is what it was (so no approval in
    a unit's repository changes), and a file decomposed has that of its text composed."""
    text = bulletin_md({"approved_version": '"0"'}, BODY)
    composed = text.encode("utf-8")
    assert approval.file_digest(composed) == as_before_session_73(composed)
    for decomposed in (nfd(text), text.replace(BODY, nfd(BODY))):
        assert approval.file_digest(decomposed.encode("utf-8")) == approval.file_digest(composed)
    windows = nfd(text).replace("\n", "\r\n").encode("utf-8")
    assert approval.file_digest(windows) == approval.file_digest(composed)


@pytest.mark.parametrize("form", ["NFD", "body"])
def test_an_approved_bulletin_re_saved_decomposed_keeps_its_approval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form: Literal["NFD", "body"]
) -> None:
    root = approved_project(tmp_path, capsys)
    resave(root, form)
    assert held(root) == {}
    assert HELD not in check(root, capsys)
    # Nothing for the approver to do: the file stays as the editor saved it.
    before = (root / FILE).read_bytes()
    out = approve(root, capsys, "--dry-run")
    assert "Đã duyệt đúng nội dung này từ trước (không ghi lại)" in out
    assert "không có tệp nào cần ghi" in out
    approve(root, capsys)
    assert (root / FILE).read_bytes() == before


def test_an_edit_saved_decomposed_is_held_until_approved_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = approved_project(tmp_path, capsys)
    path = root / FILE
    path.write_text(nfd(path.read_text("utf-8").replace("gọi 113", "gọi 114")), "utf-8")
    assert HELD in held(root)[FILE]
    assert HELD in check(root, capsys)


def test_an_approval_given_before_to_a_decomposed_file_stays_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Approved (before session 73) as a Mac saved it, decomposed: the approval holds while the
    file is untouched, and once it is saved composed; an edit is still held."""
    root = approved_project(tmp_path, capsys, nfd(bulletin_md(drop=("approved_by",), body=BODY)))
    approved_before_session_73(root)
    old = (root / FILE).read_text("utf-8")
    assert held(root) == {}
    # Approving it again approves nothing new: the approval in effect, written again of the
    # text in NFC (review R8 item 4: test_re_approving_a_file_approved_before_writes_…).
    out = approve(root, capsys, "--dry-run")
    assert "Đã duyệt đúng nội dung này từ trước (ghi lại approved_version" in out
    resave(root, "NFC")
    assert held(root) == {}
    (root / FILE).write_text(old.replace(nfd("gọi 113"), nfd("gọi 114")), "utf-8")
    assert HELD in held(root)[FILE]


def test_an_approval_given_before_to_a_mixed_file_stays_valid_while_it_is_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = bulletin_md(drop=("approved_by",), body=nfd(BODY))  # the body pasted from a PDF
    root = approved_project(tmp_path, capsys, text)
    approved_before_session_73(root)
    assert held(root) == {}


@needs_git
def test_the_changes_shown_to_the_approver_are_those_one_sees(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An edit in a file re-saved decomposed: only the line edited is shown as changed, not
    every line with a letter written otherwise («[-Hội-]{+Hội+}»)."""
    root = approved_project(tmp_path, capsys)
    commit(root)
    path = root / FILE
    path.write_text(nfd(path.read_text("utf-8").replace("gọi 113", "gọi 114")), "utf-8")
    out = unicodedata.normalize("NFC", approve(root, capsys, "--dry-run"))
    assert ", 1 dòng ([-bỏ-] {+thêm+}):" in out
    line = "dòng 12: Người dân cần cảnh giác với cuộc gọi tự xưng cán bộ Công an, gọi "
    assert f"{line}[-113-]{{+114+}} khi cần.\n" in out
    assert "dòng 2:" not in out and "dòng 10:" not in out  # the title, the first paragraph


@needs_git
def test_an_approval_judged_edited_only_for_its_letters_form_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Approved before session 73 with its body decomposed, then saved composed: the bytes
    approved are gone (that approval took them as they were), so it is held; the approver is
    told no word changed, and why the file differs."""
    root = approved_project(tmp_path, capsys, bulletin_md(drop=("approved_by",), body=nfd(BODY)))
    approved_before_session_73(root)
    commit(root)
    resave(root, "NFC")
    assert "tệp bài đã đổi ở chỗ không đổi nội dung đăng ra" in held(root)[FILE]
    out = approve(root, capsys, "--dry-run")
    assert f"không đổi chữ nào; {UNICODE_FORM_ONLY}" in out
    assert "[-" not in out


# Bulletins approved by name alone, and pages reviewed.


def test_a_name_only_bulletin_re_saved_decomposed_is_still_published(tmp_path: Path) -> None:
    from tests.test_name_only_approvals import LEGACY, project, shown
    from tests.test_name_only_record import LEGACY_FILE, record
    from tests.test_name_only_record import sync as radio_sync

    root = project(tmp_path)
    radio_sync(root)
    resave(root, "NFD", LEGACY_FILE)
    assert shown(root) == {LEGACY}
    # Recorded (before session 73) of the decomposed bytes as they were: still vouched for.
    document = record(root)
    raw = (root / LEGACY_FILE).read_bytes()
    content, _, linked = document["name_only"][LEGACY].split("-")
    document["name_only"] = {LEGACY: f"{content}-{as_before_session_73(raw)}-{linked}"}
    (root / "state/published.json").write_text(json.dumps(document), "utf-8")
    assert shown(root) == {LEGACY}
    resave(root, "NFC", LEGACY_FILE)  # the very bytes recorded are gone: published on its text
    (root / LEGACY_FILE).write_text(nfd(raw.decode()) + "\nChưa duyệt.\n", "utf-8")
    assert shown(root) == set()


def test_a_page_re_saved_decomposed_keeps_its_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_pii_pages import PAGE, page, review
    from tests.test_pii_pages import check as page_check
    from tests.test_pii_pages import project as page_project

    root = page_project(
        tmp_path, page(body="Danh sách người được khen thưởng: [xem](../tep/ds.csv).\n")
    )
    assert review(root) == 0
    resave(root, "NFD", PAGE)
    capsys.readouterr()
    assert page_check(root, "--strict") == 0, capsys.readouterr().err


# What goes out.


def test_zalo_is_not_sent_a_bulletin_again_for_its_letters_form(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    for index in range(2):
        approve(root, capsys, file=f"content/bai-viet/ban-tin-{index:03d}.md")
    assert zalo_sync(root) == 0
    assert len(emulator.articles) == 2
    emulator.clear_calls()
    resave(root, "NFD", "content/bai-viet/ban-tin-000.md")
    resave(root, "body", "content/bai-viet/ban-tin-001.md")
    assert zalo_sync(root) == 0
    assert emulator.write_calls() == []
    assert len(emulator.articles) == 2


def test_the_station_gets_no_revision_for_a_letters_form(tmp_path: Path) -> None:
    from tests.test_sync_radio import FIRST, SECOND, STATION, scripts
    from tests.test_sync_radio import NOW as RADIO_NOW
    from tests.test_sync_radio import sync as radio_sync

    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", root)
    for file in (FIRST, SECOND):
        assert (
            main(["approve", "--root", str(root), "--now", RADIO_NOW, file, "--by", APPROVER]) == 0
        )
    radio_sync(root)
    sent = scripts(root / STATION), (root / "state/radio.json").read_bytes()
    resave(root, "NFD", FIRST)
    resave(root, "body", SECOND)
    now = dt.datetime.fromisoformat(RADIO_NOW).replace(tzinfo=NOW.tzinfo)
    assert held(root, now).keys().isdisjoint({FIRST, SECOND})
    actions, summary = radio_sync(root)
    assert {a.kind for a in actions} == {"noop"}, [(a.kind, a.key, a.reason) for a in actions]
    assert summary.updated == summary.created == 0
    assert (scripts(root / STATION), (root / "state/radio.json").read_bytes()) == sent


def test_a_name_only_bulletin_is_judged_on_the_bytes_loaded(tmp_path: Path) -> None:
    """Review R8 item 5: what a sync recorded of a decomposed file (before session 73) vouches
    for the bytes the build loaded, not for the file as a later step finds it: saved back to
    the recorded bytes after the load, an edit loaded (a comment) is no bulletin published."""
    from publish import name_only_record
    from tests.test_name_only_approvals import LEGACY, NOW, project
    from tests.test_name_only_record import LEGACY_FILE, record
    from tests.test_name_only_record import sync as radio_sync

    root = project(tmp_path)
    radio_sync(root)
    resave(root, "NFD", LEGACY_FILE)
    recorded = (root / LEGACY_FILE).read_bytes()
    document = record(root)
    content, _, linked = document["name_only"][LEGACY].split("-")
    legacy = f"{content}-{as_before_session_73(recorded)}-{linked}"
    document["name_only"] = {LEGACY: legacy}
    (root / "state/published.json").write_text(json.dumps(document), "utf-8")
    config = config_module.load(root)
    now = dt.datetime.fromisoformat(NOW).replace(tzinfo=config.tz)
    # Loaded as recorded: vouched for on the file part taken before session 73.
    [bulletin] = [b for b in load_site(config, now=now).bulletins if b.key == LEGACY]
    assert LEGACY in name_only_record.judge([bulletin], config, {}).vouched
    edited = recorded.replace(b"\nradio:", b"\n# ghi ch\xc3\xba\nradio:", 1)
    assert edited != recorded
    (root / LEGACY_FILE).write_bytes(edited)
    [loaded] = [e.bulletin for e in load_site(config, now=now).excluded if e.bulletin.key == LEGACY]
    (root / LEGACY_FILE).write_bytes(recorded)  # saved back after the load
    assert LEGACY not in name_only_record.judge([loaded], config, {}).vouched


def test_re_approving_a_file_approved_before_writes_the_file_part_of_its_text_in_nfc(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review R8 item 4: an approval taken before session 73 of a decomposed file, approved
    again by the same approver, is written of the text in NFC (the load then takes the file
    part once, not the bytes decomposed again at every build), told as approved before."""
    root = approved_project(tmp_path, capsys, nfd(bulletin_md(drop=("approved_by",), body=BODY)))
    approved_before_session_73(root)
    raw = (root / FILE).read_bytes()
    out = approve(root, capsys, "--dry-run")
    assert "Đã duyệt đúng nội dung này từ trước (ghi lại approved_version theo cách tính" in out
    assert "thay bản đang đăng" not in out and "Duyệt lại" not in out
    approve(root, capsys)
    new = (root / FILE).read_bytes()
    found = re.search(rb'approved_version: "[0-9a-f]{12}-([0-9a-f]{12})-', new)
    assert found is not None and found[1].decode() == approval.file_digest(new)
    assert found[1].decode() != as_before_session_73(raw)
    # Only that line was written: the editor's text stays as saved.
    assert [line for line in raw.split(b"\n") if b"approved_version" not in line] == [
        line for line in new.split(b"\n") if b"approved_version" not in line
    ]
    assert held(root) == {}
    out = approve(root, capsys, "--dry-run")
    assert "Đã duyệt đúng nội dung này từ trước (không ghi lại)" in out


def test_a_page_reviewed_again_differing_only_in_form_is_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review R8 item 6: one rule for pages and bulletins: the review's lines differing only in
    how letters are coded (the reviewer's name saved decomposed) write nothing."""
    from tests.test_pii_pages import PAGE, page, review
    from tests.test_pii_pages import project as page_project

    root = page_project(
        tmp_path, page(body="Danh sách người được khen thưởng: [xem](../tep/ds.csv).\n")
    )
    assert review(root) == 0
    path = root / PAGE
    text = path.read_text("utf-8")
    found = re.search(r"pii_reviewed_by: .*\n", text)
    assert found is not None and found[0] != nfd(found[0])
    path.write_bytes(text.replace(found[0], nfd(found[0])).encode("utf-8"))
    before = path.read_bytes()
    assert review(root) == 0
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "form", ["NFC", "NFD", "body", "BOM", "CRLF", "BOM CRLF NFD", "a lone mark"]
)
def test_the_loader_gives_the_file_part_its_text_made_nfc_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    """Review R8 item 4: the loader made the text NFC already; the file part takes it from
    there (decoding the bytes and asking whether they are in NFC again cost more than the
    hash), and is the one file_digest finds of the bytes alone, whatever they hold."""
    text = bulletin_md(drop=("approved_by",), body=BODY)
    if "NFD" in form:
        text = nfd(text)
    if form == "body":
        text = text.replace(BODY, nfd(BODY))
    if form == "a lone mark":  # no letter before it takes it: NFC keeps it as it is
        text = text.replace("113", "113 \u0301")
    if "CRLF" in form:
        text = text.replace("\n", "\r\n")
    raw = ("\ufeff" if "BOM" in form else "") + text
    root = approved_project(tmp_path, capsys, raw)
    asked: list[str] = []

    class Counted:
        """unicodedata, each question to it recorded."""

        def __getattr__(self, name: str) -> object:
            asked.append(name)
            return getattr(unicodedata, name)

    data = (root / FILE).read_bytes()
    expected = approval.file_digest(data)
    shutil.rmtree(root / ".cache", ignore_errors=True)  # loaded, not taken from the last load
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(approval, "unicodedata", Counted())
        [bulletin] = load_site(config_module.load(root), now=NOW).bulletins
    assert asked == []
    assert bulletin.file_digest == expected


def test_a_restamp_tells_the_review_written_with_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review R10 C: approved before session 73 of a decomposed file, its reviewer's line gone
    since, approved again with --pii-reviewed: the run writes pii_reviewed_by too, and saying
    only «ghi lại approved_version …; nội dung được duyệt không đổi» hid it."""
    personal = BODY + "\nBị hại là ông Nguyễn Văn Bình, trú ấp 3, điện thoại 0912 345 678.\n"
    text = nfd(bulletin_md(drop=("approved_by",), body=personal))
    root = make_project(tmp_path, {FILE: text.encode("utf-8")})
    approve(root, capsys, "--pii-reviewed")
    path = root / FILE
    path.write_bytes(re.sub(rb"pii_reviewed_by: .*\n", b"", path.read_bytes()))
    approved_before_session_73(root)
    for run in (("--pii-reviewed", "--dry-run"), ("--pii-reviewed",)):
        out = approve(root, capsys, *run)
        assert "Đã duyệt đúng nội dung này từ trước (ghi lại approved_version" in out
        assert f"ghi pii_reviewed_by: {APPROVER}" in unicodedata.normalize("NFC", out)
        assert "chỉ được ghi lại dấu" not in out
    assert b"pii_reviewed_by" in path.read_bytes()
