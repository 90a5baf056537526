"""What tells an approver which bulletins wait for them: build's «Cần duyệt» line and the
reasons given, when a bulletin is held for more than one thing."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from publish import config as config_module
from publish import gates, pii
from publish.cli import main
from publish.commands import approve as approve_module
from publish.config import Policy
from publish.content import load_site
from publish.gates import gate
from publish.model import Bulletin, Exclusion
from tests.helpers import bulletin_md, make_project
from tests.test_approval import APPROVER, BEFORE_AIR, CLOCK, FILE, approve, edit, project
from tests.test_gates import NOW, bulletin


def build_output(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What `publish build` prints (both streams) at the fixed clock."""
    capsys.readouterr()
    assert main(["build", "--root", str(root), "--now", CLOCK]) == 0
    return "".join(capsys.readouterr())


def waiting_line(out: str) -> str:
    """The «Cần duyệt» line of a build's output (one: the test fails without it)."""
    [line] = [line for line in out.splitlines() if line.startswith("Cần duyệt:")]
    return line


def test_a_bulletin_held_for_its_reviewer_and_edited_since_approval_is_named_for_the_approver(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bulletin whose pii_reviewed_by says «ok» and that was edited after its approval was
    counted nowhere: «Cần duyệt» was missing, and its approver learnt it needed them only once
    the reviewer's name was fixed, a build later. Both are said now, the reviewer's first."""
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    edit(root, 'pii_reviewed_by: ""', 'pii_reviewed_by: "ok"')
    edit(root, "Nội dung bản tin.", "Nội dung bản tin đã sửa.")
    out = build_output(root, capsys)
    line = waiting_line(out)
    assert line.startswith("Cần duyệt: 1 bản tin đã đổi sau khi duyệt.")
    assert line.endswith(
        f"pii_reviewed_by không phải họ tên người đã rà soát dữ liệu cá nhân "
        f"(duyệt xong vẫn phải ghi họ tên người rà soát vào trường này): {FILE}"
    )
    assert "pii_reviewed_by" in out and "«ok»" in out  # the reviewer's fix is still told
    # Once approved, only the reviewer's name holds it: no line asks for an approval.
    assert approve(root, FILE) == 0
    assert "Cần duyệt" not in build_output(root, capsys)


def test_the_reason_of_a_bulletin_held_for_its_reviewer_tells_the_approval_it_waits_for() -> None:
    """The reason (shown by `publish next`, a sync's report, check's broken-link notes) gave the
    reviewer's fix alone, and the approval it also waits for only once that was made."""
    for changes, cause, said in [
        ({"approved_by": ""}, "unset", "chưa được duyệt (thiếu approved_by)"),
        ({"approved_version": "0123456789ab"}, "changed", "nội dung đã đổi sau khi duyệt"),
        ({}, "", ""),
    ]:
        held = bulletin(review_note="«ok»", **changes)
        verdict = gate(held, now=NOW, policy=Policy(name_only_approvals="accept"), version="x")
        assert verdict is not None and verdict.cause == "review_note"
        assert verdict.reason.startswith("pii_reviewed_by ghi «ok»")
        assert verdict.also == cause and verdict.for_approver == cause
        assert ("Ngoài ra, bản tin còn chờ người duyệt: " + said in verdict.reason) == bool(said)


def test_a_bulletin_whose_approved_by_names_nobody_is_counted_for_the_approver(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """approved_by «ok» holds a bulletin until its approver runs publish approve, yet «Cần
    duyệt» left it out: an approver reading that line did not learn it waited for them."""
    root = project(tmp_path)
    edit(root, 'approved_by: "Thượng tá Nguyễn Văn Hùng"', 'approved_by: "ok"')
    out = build_output(root, capsys)
    assert waiting_line(out).startswith("Cần duyệt: 1 bản tin chưa có người duyệt.")
    assert approve(root, FILE) == 0
    assert "Cần duyệt" not in build_output(root, capsys)
    assert APPROVER in (root / FILE).read_text("utf-8")


def approve_output(
    root: Path, capsys: pytest.CaptureFixture[str], *extra: str, now: str = CLOCK
) -> str:
    """What `publish approve FILE` prints (both streams) at `now`; it must succeed."""
    capsys.readouterr()
    assert approve(root, FILE, extra=extra, now=now) == 0
    return " ".join("".join(capsys.readouterr()).split())


def test_approving_a_bulletin_held_for_its_reviewer_does_not_say_it_goes_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """publish approve ended «Commit các tệp này để đăng» for a bulletin whose pii_reviewed_by
    says «ok»: committed, it stayed held, and the approver had been told it would go out. The
    reason is the build's own (its gate's), not a second wording of it; and the bulletin's line
    no longer says «đăng ngay» of it."""
    root = project(tmp_path)
    edit(root, 'pii_reviewed_by: ""', 'pii_reviewed_by: "ok"')
    held = (
        f"Duyệt xong vẫn chưa được đăng: {FILE} (pii_reviewed_by ghi «ok», không phải tên người "
        "đã rà soát dữ liệu cá nhân: không đăng ở kênh nào cho tới khi ghi họ tên người đã rà "
        'soát (chưa ai rà soát thì để trống: pii_reviewed_by: "")).'
    )
    # Approved before its broadcast, so the radio is among the channels it waits for.
    dry = approve_output(root, capsys, "--dry-run", now=BEFORE_AIR)
    assert dry.endswith(held)
    line = "kênh: web, radio; chưa đăng ở kênh nào (lý do ở dòng cuối); sửa xong thì đăng"
    assert f"{line} ngay khi được đưa lên" in dry
    # Another file's error stops the run: its dry run still tells what stays held.
    assert approve(root, FILE, "content/bai-viet/khong-co.md", extra=("--dry-run",)) == 1
    assert " ".join(capsys.readouterr().out.split()).endswith(held)
    assert approve_output(root, capsys).endswith(held)
    site = load_site(config_module.load(root), now=NOW)
    [build] = [e for e in site.excluded if e.bulletin.source == FILE]
    assert held.endswith(f"{FILE} ({build.reason}).")
    again = approve_output(root, capsys)
    assert "Không ghi gì: các bản tin trên đã được duyệt" in again and again.endswith(held)
    edit(root, 'pii_reviewed_by: "ok"', f'pii_reviewed_by: "{APPROVER}"')
    assert "vẫn chưa được đăng" not in approve_output(root, capsys)


def test_approving_an_expired_bulletin_does_not_say_it_goes_out_now(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An expired bulletin was shown as «đăng ngay khi được đưa lên …; hết hạn lúc» a time
    already past, and the command ended «Commit các tệp này để đăng»: it is published nowhere."""
    root = project(tmp_path)
    edit(root, "expires: 2030-01-01", "expires: 2020-12-20")
    out = approve_output(root, capsys, "--dry-run")
    assert "đăng ngay" not in out
    assert "đã hết hạn lúc 00:00, Chủ nhật, 20/12/2020: không đăng ở kênh nào" in out
    assert out.endswith(
        f"Duyệt xong vẫn chưa được đăng: {FILE} (đã hết hạn lúc 00:00, Chủ nhật, 20/12/2020: vẫn "
        "cần đăng thì dời expires về sau rồi duyệt lại)."
    )


def test_a_hold_the_gate_adds_is_told_in_its_words_by_approve(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """approve worded «still held» itself for the two causes it knew (pii_reviewed_by, expiry):
    any other hold the gate gives an approved bulletin (an embargo past its end, a new rule) was
    missed, and the approver told «Commit các tệp này để đăng». It asks the gate now."""
    reason = "bị giữ theo một quy tắc mới của gate"

    def stricter(bulletin: Bulletin, **kwargs: object) -> Exclusion | None:
        """The gate with one more hold, for every approved bulletin."""
        found = gates.gate(bulletin, **kwargs)  # type: ignore[arg-type]
        return found or Exclusion(bulletin, reason, "unapproved", "new")

    monkeypatch.setattr(approve_module, "gate", stricter)
    root = project(tmp_path)
    out = approve_output(root, capsys)
    assert out.endswith(f"Duyệt xong vẫn chưa được đăng: {FILE} ({reason}).")
    assert "chưa đăng ở kênh nào (lý do ở dòng cuối)" in out


PAGE = "content/pages/gioi-thieu.md"


def test_reviewing_a_page_held_for_its_approved_by_says_it_stays_held(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page whose approved_by says «ok» is held; approve records its personal-data review
    (pii_reviewed_by) and left it at «Commit các tệp này», as if the page would go out. The
    review does answer a pii_reviewed_by «ok»: that page is not said to stay held."""
    for field, held in (("approved_by", True), ("pii_reviewed_by", False)):
        root = make_project(
            tmp_path / field,
            {PAGE: f'---\ntitle: "Giới thiệu"\nslug: gioi-thieu\n{field}: "ok"\n---\n\nx\n'},
        )
        capsys.readouterr()
        assert main(["approve", "--root", str(root), "--now", CLOCK, PAGE, "--by", APPROVER]) == 0
        out = " ".join(capsys.readouterr().out.split())
        told = (
            f"Xem xét xong, trang vẫn chưa được đăng: {PAGE} (approved_by ghi «ok», không phải "
            "họ tên người chịu trách nhiệm: không đăng cho tới khi ghi họ tên (hoặc để trống))."
        )
        assert out.endswith(told) == held, out
        assert ("vẫn chưa được đăng" in out) == held
        site = load_site(config_module.load(root), now=NOW)
        assert (PAGE in site.held_pages) == held  # as the build has it


@pytest.mark.parametrize(
    ("key", "value", "secret"),
    [
        ("secret", "true", True),
        ("bảo_mật", '"có"', True),
        ("confidential", "yes", True),
        ("Classified", '"Tối mật"', True),
        ("secret", "false", False),
        ("bảo mật", '"không"', False),
        ("bảo mật", "không có", False),
        ("secret", "không phải", False),
    ],
)
def test_a_secret_mark_in_a_field_the_tool_does_not_read_is_not_approved_nor_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: str, secret: bool
) -> None:
    """`secret: true` (or «bảo mật: có») was an unknown key kept for templates, said nothing: the
    approver was told «Commit các tệp này để đăng» and the build published it everywhere. It
    is refused as a secret classification is, file, line and field named; a value saying
    «not secret» is only a line not read."""
    root = project(tmp_path)
    edit(root, "expires: 2030-01-01", f"expires: 2030-01-01\n{key}: {value}")
    line = 1 + (root / FILE).read_text("utf-8").split("\n").index(f"{key}: {value}")
    capsys.readouterr()
    assert approve(root, FILE) == int(secret)
    told = " ".join("".join(capsys.readouterr()).split())
    if secret:
        assert f"{FILE}:{line}: lỗi: trường '{key}': đánh dấu tài liệu mật" in told
        assert "bản tin mật không bao giờ được xuất bản" in told
        assert "approved_version" not in (root / FILE).read_text("utf-8")
        assert main(["build", "--root", str(root), "--now", CLOCK]) == 1
        assert not (root / "output").exists()
    else:
        assert f"{FILE}:{line}: cảnh báo: trường '{key}': không được công cụ này đọc" in told
        assert "Đã duyệt 1 bản tin" in told


SPACED = "content/bai-viet/tin mới.md"
"""A bulletin file named with a space, as Windows and Mac users often name them."""


def approve_command(text: str) -> list[str]:
    """The words of the `publish approve …` command a message gives, as a shell reads them."""
    start = text.index("publish approve ")
    return shlex.split(text[start:].split(" --by ", 1)[0])


def test_the_approve_commands_given_quote_a_file_name_with_a_space(tmp_path: Path) -> None:
    """The reason of a bulletin edited since its approval, the hint for an approved_by «ok»
    and the personal-data hint of a page gave «publish approve content/bai-viet/tin mới.md»:
    copied, the command read two files and approved neither."""
    edited = bulletin(source=SPACED, approved_version="0123456789ab")
    verdict = gate(edited, now=NOW, policy=Policy(), version="ba9876543210")
    assert verdict is not None and verdict.cause == "changed"
    assert approve_command(verdict.reason) == ["publish", "approve", SPACED]
    page = "content/pages/gioi thieu.md"
    root = make_project(
        tmp_path,
        {
            SPACED: bulletin_md({"approved_by": '"ok"'}),
            page: "---\ntitle: Giới thiệu\n---\n\nLiên hệ anh Nguyễn Văn A, sinh ngày 01/02/1990.\n",
        },
    )
    site = load_site(config_module.load(root), now=NOW)
    told = [*site.warnings, *pii.lint(site)]
    hints = {p.file: p.hint for p in told if p.hint and "publish approve" in p.hint}
    assert approve_command(hints[SPACED]) == ["publish", "approve", SPACED]
    assert approve_command(hints[page]) == ["publish", "approve", page]


def test_a_drafts_sample_text_is_named_by_field_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """approve --publish of a draft `publish new` made said «bản nháp vẫn còn chữ mẫu của
    'publish new' (tóm tắt hay nội dung)»: which, and where, was left to the approver."""
    root = project(tmp_path)
    run = ["--root", str(root), "--now", CLOCK]
    assert main(["new", *run, "Tin mới", "--category", "an-ninh-trat-tu"]) == 0
    made = capsys.readouterr().out.strip().splitlines()[-1].split()[-1]
    path = Path(made) if Path(made).is_absolute() else root / made
    shown = path.relative_to(root).as_posix()
    lines = path.read_text("utf-8").split("\n")
    summary = 1 + next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    body = 1 + lines.index("Viết nội dung bản tin ở đây.")
    for fixed in ("", "summary", "body"):
        if fixed == "summary":
            edit(root, "Tóm tắt bản tin trong một, hai câu.", "Tóm tắt thật.", shown)
        if fixed == "body":
            edit(root, "Viết nội dung bản tin ở đây.", "Nội dung thật.", shown)
        assert main(["approve", *run, shown, "--by", APPROVER, "--publish"]) == int(fixed != "body")
        err = capsys.readouterr().err
        assert "tóm tắt hay nội dung" not in err
        assert (f"{shown}:{summary}: lỗi: trường 'summary': tóm tắt vẫn là chữ mẫu" in err) == (
            not fixed
        )
        assert (f"{shown}:{body}: lỗi: nội dung vẫn còn dòng chữ mẫu" in err) == (fixed != "body")


def test_the_readme_says_what_a_pii_reviewed_by_naming_nobody_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README's field table said a pii_reviewed_by «ok» «là lỗi» (stops the build): it holds
    that bulletin alone, a warning, an error only under --strict, as for approved_by."""
    [row] = [
        line
        for line in (Path(__file__).parents[1] / "README.md").read_text("utf-8").splitlines()
        if line.startswith("| `approved_by`, `approved_version` |")
    ]
    assert "như vậy là lỗi" not in row and "(cảnh báo; lỗi với `--strict`), ở cả hai trường" in row
    root = project(tmp_path)
    edit(root, 'pii_reviewed_by: ""', 'pii_reviewed_by: "ok"')
    run = ["check", "--root", str(root), "--now", CLOCK]
    capsys.readouterr()
    assert main(run) == 0
    assert "cảnh báo: trường 'pii_reviewed_by'" in capsys.readouterr().err
    assert main([*run, "--strict"]) == 1
    assert "lỗi: trường 'pii_reviewed_by'" in capsys.readouterr().err


def test_the_approve_help_names_the_fields_it_writes_into_a_page(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`publish approve --help` said it writes approved_by and approved_version into each
    bulletin «(hay trang trong content/pages/)»: into a page it writes pii_reviewed_by and
    pii_reviewed_version, and an edit voids that review rather than holding the page."""
    with pytest.raises(SystemExit) as done:
        main(["approve", "--help"])
    assert done.value.code == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "(hay trang trong content/pages/)" not in said
    wrote = "Với trang trong content/pages/ (trang không cần duyệt), lệnh ghi pii_reviewed_by"
    assert f"{wrote} và pii_reviewed_version" in said


def test_the_command_to_rerun_for_an_unquoted_name_keeps_every_file_and_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name with a space typed without quotes among other files, with --publish: the
    hint gave «publish approve "…/Tin mới.md" --by "…"» alone, which approved none of the
    others and refused the draft for want of --publish."""
    root = project(tmp_path)
    (root / "content/bai-viet/Tin mới.md").write_text(
        bulletin_md({"id": "tin-moi", "draft": "true"}), encoding="utf-8"
    )
    run = ["approve", "--root", str(root), "--now", CLOCK]
    assert main([*run, FILE, "content/bai-viet/Tin", "mới.md", "--by", APPROVER, "--publish"]) == 1
    [hint] = [line for line in capsys.readouterr().err.splitlines() if "Chạy lại, tên" in line]
    again = hint.split("Chạy lại, tên tệp trong ngoặc kép: ", 1)[1]
    words = shlex.split(again)
    assert words == ["publish", "approve", FILE, "content/bai-viet/Tin mới.md", "--by", APPROVER,
                     "--publish", "--root", str(root)]  # fmt: skip
    capsys.readouterr()
    # Run as told, where it was told: both approved, the draft released.
    assert main([*words[1:], "--now", CLOCK]) == 0
    assert "draft: false" in (root / "content/bai-viet/Tin mới.md").read_text("utf-8")


def test_the_count_of_held_bulletins_says_one_edited_after_its_approval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bulletin edited after its approval was counted «1 chưa duyệt» in the last line of
    check and build, beside its own line saying it was edited since: the editor who corrected
    a published bulletin read that its approval had been lost."""
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    edit(root, "Nội dung bản tin.", "Nội dung bản tin đã sửa.")
    out = build_output(root, capsys)
    assert "1 bị giữ lại (1 đổi sau khi duyệt)" in out
    assert "chưa duyệt" not in out.replace("Cần duyệt", "")
