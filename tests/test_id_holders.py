"""Two files with one `id`: the error goes on the file that is not the published one, which
state/ knows, with an id ready to paste; the fix applied to the published file instead is
warned of, and no line names the copy as the bulletin published (session 73, QA item 1)."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.errors import ContentError, Problem
from publish.fields import new_identifier
from publish.model import Site
from publish.url_history import load_history
from publish.withdrawing import withdrawable
from publish.zalo.emulator import ZaloEmulator
from tests.helpers import FIXTURES, bulletin_md, make_project
from tests.helpers import NOW as CLOCK
from tests.test_sync_radio import sync_command
from tests.zalo_project import NOW, records, sync, told, zalo_bulletin, zalo_project

ORIGINAL = "content/bai-viet/ban-tin-001.md"
COPY = "content/bai-viet/ban-sao.md"
"""Before the original by name: the error used to go on the published file then."""
NEW_TITLE = "Cảnh báo lừa đảo mới qua Zalo"


def copy_published(root: Path) -> None:
    """Start a new bulletin as editors do: copy the published one, change its title, clear
    its approval, keep its `id`."""
    text = (root / ORIGINAL).read_text("utf-8")
    text = re.sub(r"(?m)^title: .*$", f'title: "{NEW_TITLE}"', text)
    text = re.sub(r"(?m)^approved_by: .*$", 'approved_by: ""', text)
    (root / COPY).write_text(text, "utf-8")


def set_id(root: Path, name: str, new: str) -> None:
    """Write `id: new` over the id line of `name`."""
    path = root / name
    path.write_text(re.sub(r"(?m)^id: .*$", f"id: {new}", path.read_text("utf-8")), "utf-8")


def load(root: Path) -> Site:
    """The project's site at the helpers' clock."""
    return load_site(config_module.load(root), now=CLOCK)


def load_errors(root: Path) -> list[Problem]:
    """The errors loading the project raises (it must raise)."""
    with pytest.raises(ContentError) as info:
        load(root)
    return [p for p in info.value.problems if p.severity == "error"]


def check(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    """`publish check`'s exit code and everything it printed (an error is exit code 1)."""
    capsys.readouterr()
    try:
        code = main(["--root", str(root), "--now", NOW, "check", *extra])
    except ContentError as exc:
        print(exc)
        code = 1
    return code, told(capsys)


def test_a_copy_of_a_published_bulletin_is_the_file_told_with_an_id_ready_to_paste(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    copy_published(root)
    [problem] = load_errors(root)
    assert (problem.file, problem.field, problem.line) == (COPY, "id", 7)
    assert problem.message == (
        f"id «bt-001» trùng với {ORIGINAL}:7, tệp của bài đã đăng (state/published.json ghi "
        "tệp ấy là tệp của bài ấy); tệp này chưa được đăng"
    )
    [new] = re.findall(r"sửa dòng id thành «id: ([a-z0-9-]+)»", problem.hint or "")
    assert re.fullmatch(r"ban-sao-[0-9a-f]{6}", new)
    assert new == new_identifier("ban-sao", new[-6:])  # as `publish new` makes one
    assert f"Đừng đổi id của {ORIGINAL}" in (problem.hint or "")
    # The same id on every run: a CI report does not change under the editor.
    assert load_errors(root)[0].hint == problem.hint
    code, out = check(root, capsys)
    assert code == 1
    # The copy is the file left out while the error stands: nothing says it is published.
    assert "Sẽ rút" not in out
    # The id suggested is free: pasted, the copy is a bulletin of its own, held for approval.
    set_id(root, COPY, new)
    code, out = check(root, capsys)
    assert code == 0, out
    assert f"Bỏ qua {COPY}: chưa được duyệt" in out and "Sẽ rút" not in out


def test_state_tells_the_published_file_by_its_zalo_record_and_its_address_too(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None
) -> None:
    """A state/ without published.json (written before it was) still names the file: Zalo's
    record of it; without that either, the address web-urls.json records last."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    copy_published(root)
    (root / "state" / "published.json").unlink()
    [problem] = load_errors(root)
    assert problem.file == COPY
    assert "(state/zalo.json ghi tệp ấy là tệp của bài ấy)" in problem.message
    (root / "state" / "zalo.json").unlink()
    [problem] = load_errors(root)
    assert problem.file == COPY
    assert (
        "(state/web-urls.json ghi bài ấy đăng ở địa chỉ /2020/12/ban-tin-001/ của tệp ấy)"
        in problem.message
    )


def test_renamed_and_copied_the_published_file_is_told_by_its_title(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None
) -> None:
    """The original's file renamed too (and dated anew): neither file is the one state/
    records, nor at its address; the title Zalo published tells them apart."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    copy_published(root)
    moved = "content/bai-viet/xa-an-nhon.md"
    text = (root / ORIGINAL).read_text("utf-8").replace("date: 2020-12-02", "date: 2020-11-02")
    (root / moved).write_text(text, "utf-8")
    (root / ORIGINAL).unlink()
    [problem] = load_errors(root)
    assert problem.file == COPY
    assert f"trùng với {moved}:7, tệp của bài đã đăng (tiêu đề của tệp ấy" in problem.message


def two_files(tmp_path: Path, first: str, second: str) -> Path:
    """A project never synced: a.md dated `first`, b.md dated `second`, one id."""
    return make_project(
        tmp_path,
        {
            "content/bai-viet/a.md": bulletin_md({"id": "ct-lua-dao", "date": first}),
            "content/bai-viet/b.md": bulletin_md({"id": "ct-lua-dao", "date": second}),
        },
    )


def test_nothing_synced_the_newer_file_by_date_is_told_and_why(tmp_path: Path) -> None:
    """a.md comes first by name but is the newer bulletin: the error is on it, saying so."""
    root = two_files(tmp_path, "2020-12-09 08:00", "2020-12-08 08:00")
    [problem] = load_errors(root)
    assert (problem.file, problem.line) == ("content/bai-viet/a.md", 7)
    assert problem.message == (
        "id «ct-lua-dao» trùng với content/bai-viet/b.md:7; tệp này mới hơn (date "
        "09/12/2020 08:00, tệp kia 08/12/2020 08:00)"
    )
    hint = problem.hint or ""
    assert hint.startswith("Đổi id của một trong hai tệp, tệp chưa được đăng")
    assert "state/ chưa ghi bài «ct-lua-dao» đã đăng ở kênh nào" in hint
    assert "lỗi ghi ở tệp mới hơn theo ngày đăng (date)" in hint
    assert re.search(r"sửa dòng id thành «id: a-[0-9a-f]{6}»", hint)
    assert hint.endswith("tệp này mới là bài đã đăng thì đổi id của content/bai-viet/b.md.")


def test_nothing_synced_and_one_date_the_file_later_by_name_is_told_and_why(
    tmp_path: Path,
) -> None:
    root = two_files(tmp_path, "2020-12-08 08:00", "2020-12-08 08:00")
    [problem] = load_errors(root)
    assert problem.file == "content/bai-viet/b.md"
    assert problem.message.endswith(
        "; hai tệp cùng ngày đăng (08/12/2020 08:00), tệp này xếp sau theo tên"
    )
    assert "lỗi ghi ở tệp xếp sau theo tên tệp (hai tệp cùng ngày đăng)" in (problem.hint or "")


def test_three_files_with_one_id_each_copy_is_told_once_with_its_own_id(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        {
            f"content/bai-viet/{name}.md": bulletin_md({"id": "ct-lua-dao"})
            for name in ("a", "b", "c")
        },
    )
    problems = load_errors(root)
    assert [p.file for p in problems] == ["content/bai-viet/b.md", "content/bai-viet/c.md"]
    assert all("trùng với content/bai-viet/a.md:7" in p.message for p in problems)
    ids = [re.findall(r"«id: ([a-z0-9-]+)»", p.hint or "") for p in problems]
    assert ids[0] != ids[1] and all(len(found) == 1 for found in ids)


def test_the_fix_applied_to_the_published_file_is_warned_and_strict_refuses_it(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The error followed on the wrong file: the published one gets a new id, the copy keeps
    its id. check passed, and the sync took the published bulletin down for the copy's
    missing approval."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    copy_published(root)
    set_id(root, ORIGINAL, "bt-001-moi")
    code, out = check(root, capsys)
    assert code == 0, out
    warning = (
        f"{ORIGINAL}:7: cảnh báo: trường 'id': bài đang đăng đổi id: tệp này là bài «bt-001» "
        "đã đăng (state/published.json ghi tệp này là tệp của bài ấy), nay ghi «id: "
        f"bt-001-moi», còn id «bt-001» nay ở tệp khác, {COPY}:7: lần đồng bộ tới mọi kênh "
        "coi tệp ấy là bài «bt-001»"
    )
    assert warning in out
    assert re.search(
        r"trả dòng id của tệp này về «id: bt-001», rồi đổi id của "
        rf"{re.escape(COPY)}, ví dụ «id: ban-sao-[0-9a-f]{{6}}»",
        out,
    )
    # The withdrawal line names the published file, not the copy, as the bulletin up now.
    [line] = [x for x in out.splitlines() if x.startswith("Sẽ rút")]
    assert line.startswith(
        f"Sẽ rút bài đang đăng: {ORIGINAL} là bài «bt-001» đang đăng trên website, Zalo, nay "
        f"ghi «id: bt-001-moi», còn id «bt-001» nay ở {COPY}, tệp bị giữ lại (chưa được duyệt)"
    ), line
    assert f"{COPY} đang đăng" not in out
    code, out = check(root, capsys, "--strict")
    assert code == 1 and "bài đang đăng đổi id" in out
    # Put right: the published file keeps its id, the copy takes another; nothing is told.
    set_id(root, ORIGINAL, "bt-001")
    set_id(root, COPY, "ban-sao-moi")
    code, out = check(root, capsys, "--strict")
    assert code == 0 and "đổi id" not in out and "Sẽ rút" not in out, out
    assert sync(root) == 0
    assert records(root)["bt-001"]["status"] == "live"


def test_a_published_file_renamed_and_a_new_one_at_its_old_name_is_no_wrong_fix(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None
) -> None:
    """The published bulletin moved to another file keeping its id and title, and a new
    bulletin with its own id written at the old file: the file state/ records is not the
    published bulletin any more, its title says so."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    text = (root / ORIGINAL).read_text("utf-8")
    (root / "content/bai-viet/ban-tin-001-cu.md").write_text(text, "utf-8")
    new = re.sub(r"(?m)^title: .*$", f'title: "{NEW_TITLE}"', text)
    (root / ORIGINAL).write_text(new.replace("id: bt-001", "id: bt-moi"), "utf-8")
    site = load(root)
    assert not [w for w in site.warnings if "đổi id" in w.message]


def test_a_published_file_given_another_id_alone_is_not_told_as_a_copy_s(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None
) -> None:
    """No other file holds the old id: the withdrawal line of an id changed tells it
    (test_withdrawing), not the warning of a duplicate fixed on the wrong file."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    set_id(root, ORIGINAL, "bt-001-moi")
    site = load(root)
    assert not [w for w in site.warnings if "đổi id" in w.message]
    published = json.loads((root / "state" / "published.json").read_text("utf-8"))
    assert published["files"]["bt-001"] == ORIGINAL  # what the warning would have read


def write_zalo_title(root: Path, key: str, title: object) -> None:
    """Write `title` over state/zalo.json's title of `key`, as a hand edit or another tool may."""
    path = root / "state" / "zalo.json"
    document = json.loads(path.read_text("utf-8"))
    document["entries"][key]["title"] = title
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")


@pytest.mark.parametrize("title", [["x"], {"vi": "x"}])
def test_a_zalo_record_whose_title_is_no_text_does_not_stop_the_duplicate_check(
    tmp_path: Path, title: object
) -> None:
    """R4 item 1: a title that is a list or an object in state/zalo.json raised TypeError
    («Lỗi nội bộ không mong đợi») from every check: such a title tells nothing, the files are
    told apart as when state/ records nothing."""
    root = two_files(tmp_path, "2020-12-08 08:00", "2020-12-09 08:00")
    (root / "state").mkdir(exist_ok=True)
    entries = {"ct-lua-dao": {"title": title}}
    (root / "state" / "zalo.json").write_text(json.dumps({"entries": entries}), "utf-8")
    [problem] = load_errors(root)
    assert problem.file == "content/bai-viet/b.md"
    assert "trùng với content/bai-viet/a.md:7; tệp này mới hơn" in problem.message


def test_a_zalo_record_whose_title_is_no_text_does_not_stop_the_wrong_fix_check(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """R4 item 1, with no id duplicated: the wrong-fix check reads the same records on every
    check and build, so such a record stopped them all; the file published.json records still
    tells the published one."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    copy_published(root)
    set_id(root, ORIGINAL, "bt-001-moi")
    write_zalo_title(root, "bt-001", ["x"])
    code, out = check(root, capsys)
    assert code == 0, out
    assert f"{ORIGINAL}:7: cảnh báo: trường 'id': bài đang đăng đổi id" in out


def withdrawal_line(out: str) -> str:
    """The one «Sẽ rút» line `publish check` printed."""
    [line] = [x for x in out.splitlines() if x.startswith("Sẽ rút")]
    return line


def test_the_withdrawal_line_names_the_published_file_from_an_older_published_json_too(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """R4 item 2: a published.json written before it recorded files; zalo.json's record names
    the file, as the duplicate and wrong-fix checks read it. The line said the copy was up."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    path = root / "state" / "published.json"
    document = json.loads(path.read_text("utf-8"))
    del document["files"]
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    copy_published(root)
    set_id(root, ORIGINAL, "bt-001-moi")
    code, out = check(root, capsys)
    assert code == 0, out
    assert "(state/zalo.json ghi tệp này là tệp của bài ấy)" in out
    assert withdrawal_line(out).startswith(
        f"Sẽ rút bài đang đăng: {ORIGINAL} là bài «bt-001» đang đăng trên website, Zalo, nay "
        f"ghi «id: bt-001-moi», còn id «bt-001» nay ở {COPY}"
    )
    assert f"{COPY} đang đăng" not in out


def test_a_published_bulletin_moved_to_a_held_file_gets_no_advice_to_move_its_id_back(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """R4 item 3: the published bulletin moved to another file, keeping its id and title, and
    held there (its approval cleared to be read again); a new bulletin with its own id at
    the old file. No wrong fix is warned; the withdrawal line told one anyway, saying to set
    the old file's id back, which would make the new bulletin stand for the published one."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    text = (root / ORIGINAL).read_text("utf-8")
    moved = "content/bai-viet/ban-tin-001-cu.md"
    (root / moved).write_text(re.sub(r"(?m)^approved_by: .*$", 'approved_by: ""', text), "utf-8")
    new = re.sub(r"(?m)^title: .*$", f'title: "{NEW_TITLE}"', text)
    (root / ORIGINAL).write_text(new.replace("id: bt-001", "id: bt-moi"), "utf-8")
    code, out = check(root, capsys)
    assert code == 0, out
    assert "bài đang đăng đổi id" not in out
    line = withdrawal_line(out)
    assert line.startswith(f"Sẽ rút bài đang đăng: {moved} đang đăng trên website, Zalo"), line
    assert "trả dòng id" not in line and "publish approve" in line


def test_the_withdrawal_line_of_a_copy_held_for_two_reasons_says_both(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """R4 item 4: a copy whose pii_reviewed_by names nobody and whose approval is cleared;
    the line said only the reviewer's name was missing."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    copy_published(root)
    path = root / COPY
    path.write_text(
        path.read_text("utf-8").replace('approved_by: ""', 'approved_by: ""\npii_reviewed_by: ok'),
        "utf-8",
    )
    set_id(root, ORIGINAL, "bt-001-moi")
    code, out = check(root, capsys)
    assert code == 0, out
    assert (
        f"còn id «bt-001» nay ở {COPY}, tệp bị giữ lại (pii_reviewed_by chưa ghi tên người đã "
        "rà soát dữ liệu cá nhân; chưa được duyệt)"
    ) in withdrawal_line(out)


def test_state_records_the_key_but_not_which_file_the_unapproved_one_is_told(
    tmp_path: Path,
) -> None:
    """R4 item 8: state/ records the id (a Zalo title both files have) but no file nor
    address tells them apart; the copy kept the original's date and comes first by name, so
    by date then name the error went on the approved original."""
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/a.md": bulletin_md({"id": "ct-lua-dao", "approved_by": '""'}),
            "content/bai-viet/b.md": bulletin_md({"id": "ct-lua-dao"}),
        },
    )
    (root / "state").mkdir(exist_ok=True)
    entries = {"ct-lua-dao": {"title": "Cảnh báo lừa đảo qua mạng"}}
    (root / "state" / "zalo.json").write_text(json.dumps({"entries": entries}), "utf-8")
    [problem] = load_errors(root)
    assert problem.file == "content/bai-viet/a.md"
    assert problem.message == (
        "id «ct-lua-dao» trùng với content/bai-viet/b.md:7; tệp này chưa có người duyệt "
        "(approved_by), tệp kia đã có"
    )
    hint = problem.hint or ""
    assert "state/ ghi bài «ct-lua-dao» đã đăng nhưng không cho biết tệp nào" in hint
    assert "lỗi ghi ở tệp chưa có người duyệt (approved_by) trong khi tệp kia có" in hint
    assert hint.endswith("tệp này mới là bài đã đăng thì đổi id của content/bai-viet/b.md.")


def test_a_load_reads_published_json_and_zalo_json_once_for_both_checks(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """R4 item 6: the duplicate check and the wrong-fix check each had a reader of state/, so
    a load with both parsed published.json (~1.6 MB at 10,000 bulletins) and zalo.json twice."""
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    copy_published(root)
    set_id(root, ORIGINAL, "bt-001-moi")  # the wrong fix of bt-001
    zero = (root / "content/bai-viet/ban-tin-000.md").read_text("utf-8")
    (root / "content/bai-viet/ban-sao-0.md").write_text(
        re.sub(r"(?m)^title: .*$", f'title: "{NEW_TITLE} (0)"', zero), "utf-8"
    )  # a copy of bt-000 keeping its id
    reads: Counter[str] = Counter()
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        """Path.read_bytes, counting the state/ files read."""
        reads[path.name] += 1
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    with pytest.raises(ContentError) as info:
        load(root)
    told = [(p.file, p.severity) for p in info.value.problems if p.field == "id"]
    assert told == [("content/bai-viet/ban-sao-0.md", "error"), (ORIGINAL, "warning")]
    assert (reads["published.json"], reads["zalo.json"]) == (1, 1)


def counting_state_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """From now on, how many times each file of a state/ folder is read (whole or as text, as
    the state files and zalo.json's journal are)."""
    reads: Counter[str] = Counter()
    read_bytes, read_text = Path.read_bytes, Path.read_text

    def bytes_counted(path: Path) -> bytes:
        """Path.read_bytes, counting the state/ files read."""
        reads[path.name] += path.parent.name == "state"
        return read_bytes(path)

    def text_counted(path: Path, *args: Any, **kwargs: Any) -> str:
        """Path.read_text, counting the state/ files read."""
        reads[path.name] += path.parent.name == "state"
        return read_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", bytes_counted)
    monkeypatch.setattr(Path, "read_text", text_counted)
    return reads


def test_a_new_bulletin_held_for_approval_reads_no_zalo_record_for_the_withdrawal_lines(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """R7 (b) item 1: a key published.json names no file for is one never published; the
    wrong-fix lookup read zalo.json and its journal for it, so every check and build with a
    new bulletin waiting for approval parsed zalo.json once more."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    new = "content/bai-viet/ban-tin-moi.md"
    (root / new).write_text(zalo_bulletin(5, approved_by='""'), "utf-8")
    site = load(root)
    assert [e.bulletin.source for e in site.excluded] == [new]
    reads = counting_state_reads(monkeypatch)
    [held] = withdrawable(site)
    assert (held.source, held.why) == (new, "unapproved")
    assert reads["published.json"] == 1
    assert +reads <= Counter({"published.json": 1, "web-urls.json": 1}), reads


def test_a_wrong_fix_whose_published_file_moved_too_is_warned_as_the_line_tells_it(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """R7 (b) item 2: the published file's id changed and its date too, so its address is no
    longer the one web-urls.json records: the withdrawal line found it by the file
    published.json names and told the wrong fix, while check, looking by address only, warned
    of nothing."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    copy_published(root)
    set_id(root, ORIGINAL, "bt-001-moi")
    path = root / ORIGINAL
    path.write_text(re.sub(r"(?m)^date: .*$", "date: 2020-11-02 08:00", path.read_text("utf-8")))
    assert {b.key: b.url for b in load(root).bulletins}["bt-001-moi"] == "/2020/11/ban-tin-001/"
    code, out = check(root, capsys)
    assert code == 0, out
    assert (
        f"{ORIGINAL}:7: cảnh báo: trường 'id': bài đang đăng đổi id: tệp này là bài «bt-001» đã "
        "đăng (state/published.json ghi tệp này là tệp của bài ấy)"
    ) in out, out
    assert withdrawal_line(out).startswith(
        f"Sẽ rút bài đang đăng: {ORIGINAL} là bài «bt-001» đang đăng trên website, Zalo, nay "
        f"ghi «id: bt-001-moi», còn id «bt-001» nay ở {COPY}"
    )


def test_a_load_with_no_published_file_moved_reads_neither_published_json_nor_zalo_json(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wrong-fix check runs on every load (serve reloads on each save): with every published
    bulletin at the address web-urls.json records, and a new one besides, it reads no record of
    the channels (published.json is ~1.6 MB at 10,000 bulletins)."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    (root / "content/bai-viet/ban-tin-moi.md").write_text(zalo_bulletin(5), "utf-8")
    reads = counting_state_reads(monkeypatch)
    load(root)
    assert reads["published.json"] == reads["zalo.json"] == 0, reads


RADIO_ONLY = "content/bai-viet/2024-12-09-ra-quan-ttatgt-cuoi-nam.md"
RADIO_COPY = "content/bai-viet/2024-12-09-ban-sao.md"
RADIO_KEY = "ra-quan-ttatgt-cuoi-nam"
RADIO_SYNCED, RADIO_NOW = "2024-12-12T12:00", "2024-12-12T13:00"


def radio_only_wrong_fix(tmp_path: Path) -> Path:
    """The radio fixture with one bulletin on the radio alone, synced (never on the website:
    web-urls.json has no address for it), copied keeping its id, and the fix of that duplicate
    applied to it: its id changed, the copy (approval cleared) holds its id."""
    root = tmp_path / "radio"
    shutil.copytree(FIXTURES / "radio", root)
    path = root / RADIO_ONLY
    text = path.read_text("utf-8").replace("---\n\n", "channels: [radio]\n---\n\n", 1)
    path.write_text(text, "utf-8")
    assert sync_command(root, RADIO_SYNCED) == 0
    history = load_history(root / "state/web-urls.json")
    assert history and RADIO_KEY not in history  # the other bulletins are on the website
    copy = re.sub(r"(?m)^title: .*$", f'title: "{NEW_TITLE}"', text)
    (root / RADIO_COPY).write_text(re.sub(r"(?m)^approved_by: .*$", 'approved_by: ""', copy))
    path.write_text(text.replace(f'id: "{RADIO_KEY}"', 'id: "ra-quan-moi"'), "utf-8")
    return root


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_wrong_fix_of_a_bulletin_never_on_the_website_is_warned_as_the_line_tells_it(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bulletin on the radio alone has no address in web-urls.json: the withdrawal line told
    the wrong fix (found by the file published.json names) while check and build, looking by
    address only, warned of nothing, and --strict let it through."""
    root = radio_only_wrong_fix(tmp_path)
    capsys.readouterr()
    assert main(["--root", str(root), "--now", RADIO_NOW, command]) == 0
    out = told(capsys)
    assert (
        f"{RADIO_ONLY}:2: cảnh báo: trường 'id': bài đang đăng đổi id: tệp này là bài "
        f"«{RADIO_KEY}» đã đăng (state/published.json ghi tệp này là tệp của bài ấy), nay ghi "
        f"«id: ra-quan-moi», còn id «{RADIO_KEY}» nay ở tệp khác, {RADIO_COPY}:2"
    ) in out, out
    assert withdrawal_line(out).startswith(
        f"Sẽ rút bài đang đăng: {RADIO_ONLY} là bài «{RADIO_KEY}» đang đăng trên đài, nay ghi "
        f"«id: ra-quan-moi», còn id «{RADIO_KEY}» nay ở {RADIO_COPY}"
    )
    assert main(["--root", str(root), "--now", RADIO_NOW, command, "--strict"]) == 1
    assert "bài đang đăng đổi id" in told(capsys)


@pytest.mark.parametrize("command", ["check", "build"])
def test_check_and_build_parse_published_json_once_for_a_wrong_fix(
    command: str,
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """On a wrong fix the load's wrong-fix check and the command's withdrawal lines each had a
    reader of state/ (check a third, for the channels each line names): check parsed
    published.json three times (~1.6 MB at 10,000 bulletins), build twice; zalo.json was
    parsed again for the channels the line names."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    copy_published(root)
    set_id(root, ORIGINAL, "bt-001-moi")
    reads = counting_state_reads(monkeypatch)
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, command]) == 0
    out = told(capsys)
    assert "bài đang đăng đổi id" in out and COPY in withdrawal_line(out), out
    assert reads["published.json"] == 1, reads
    # The line names Zalo from the records the load read for the wrong fix (review R2 item 8).
    assert "Zalo" in withdrawal_line(out) and reads["zalo.json"] == 1, reads


@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]], ids=["sync", "dry-run"])
def test_sync_warns_of_a_wrong_fix_of_a_bulletin_never_on_the_website_and_strict_refuses_it(
    dry_run: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review R2 item 5: check and build warned of the wrong fix of a bulletin on the radio
    alone, but sync, the command that hands its key to the copy, warned of nothing, and
    `sync --strict` (CI) went on and withdrew the published script."""
    root = radio_only_wrong_fix(tmp_path)
    before = (root / "state/radio.json").read_bytes()
    capsys.readouterr()
    argv = ["--root", str(root), "--now", RADIO_NOW, "sync", "radio", *dry_run]
    assert main([*argv, "--strict"]) == 1
    out = told(capsys)
    assert f"{RADIO_ONLY}:2: lỗi: trường 'id': bài đang đăng đổi id" in out, out
    assert (root / "state/radio.json").read_bytes() == before
    assert main(argv) == 0
    out = told(capsys)
    assert (
        f"{RADIO_ONLY}:2: cảnh báo: trường 'id': bài đang đăng đổi id: tệp này là bài "
        f"«{RADIO_KEY}» đã đăng (state/published.json ghi tệp này là tệp của bài ấy)"
    ) in out, out


def test_an_older_published_json_without_files_reads_no_zalo_record_for_unaddressed_bulletins(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Review R2 item 6: with the lookup of every bulletin on (check, build, serve, sync), a
    published.json written before it recorded files made each bulletin without a web address
    (a new one, here) look up its file in zalo.json: every check parsed zalo.json and its
    journal for nothing."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    path = root / "state" / "published.json"
    document = json.loads(path.read_text("utf-8"))
    del document["files"]
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    (root / "content/bai-viet/ban-tin-moi.md").write_text(zalo_bulletin(5), "utf-8")
    reads = counting_state_reads(monkeypatch)
    code, out = check(root, capsys)
    assert code == 0, out
    assert reads["zalo.json"] == 0, reads
