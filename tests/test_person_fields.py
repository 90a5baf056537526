"""What `approved_by` and `pii_reviewed_by` must hold: a person's name, not a tick, nor a note
that nobody has approved yet («chưa duyệt», «TODO»)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.person_fields import not_a_name
from publish.radio.given_names import GIVEN_NAMES, MIDDLE_NAMES, SURNAMES
from tests.helpers import NOW, SITE_TOML, add_toml, bulletin_md, make_project

FILE = "content/bai-viet/a.md"

NOT_YET = [
    "chưa duyệt",
    "Chờ duyệt",
    "chưa",
    "TODO",
    "todo: hỏi anh Hùng",
    "XXX",
    "xx",
    "Chua duyet",
]
"""Written while the bulletin waits for its approver: taken for a name, they published it."""
APPROVAL_WORDS = [
    "Ok duyệt",
    "phê duyệt",
    "Đã phê duyệt",
    "duyệt đăng",
    "cho đăng",
    "đã duyệt đăng",
]
"""Words saying «approved», not who approved: no one to ask."""


@pytest.mark.parametrize("written", NOT_YET + APPROVAL_WORDS)
def test_a_note_or_approval_words_for_the_approver_is_no_approval(
    tmp_path: Path, written: str
) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": f'"{written}"'})})
    site = load_site(config_module.load(root), now=NOW)
    assert not site.bulletins  # held: published nowhere
    [held] = site.excluded
    assert held.code == "unapproved"
    assert held.reason.startswith(f"approved_by ghi «{written}», không phải tên người duyệt")
    # A warning, not an error: the rest of the site is built (--strict makes it one).
    [warning] = [p for p in site.warnings if p.field == "approved_by"]
    assert warning.severity == "warning" and warning.line == 6
    assert warning.message.startswith(f"cần họ tên, chức vụ người duyệt, nhận được «{written}»: ")
    assert warning.message.endswith("bản tin bị giữ lại, không đăng ở kênh nào")
    assert "họ tên đầy đủ" in (warning.hint or "")


@pytest.mark.parametrize("written", ["chưa duyệt", "TODO"])
def test_a_note_that_nobody_approved_yet_says_so(tmp_path: Path, written: str) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": f'"{written}"'})})
    site = load_site(config_module.load(root), now=NOW)
    [error] = [p for p in site.warnings if p.field == "approved_by"]
    assert "ghi chú chưa duyệt, không phải tên người duyệt" in error.message
    assert 'Chưa có thì để trống: approved_by: "".' in (error.hint or "")


OTHER = "content/bai-viet/b.md"


def build(root: Path, *extra: str) -> int:
    """`publish build` of the project's website at the tests' clock."""
    return main(
        ["build", "--root", str(root), "--now", NOW.isoformat(), "--channel", "web", *extra]
    )


def test_one_note_in_approved_by_holds_its_bulletin_not_the_whole_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«Chờ duyệt» in one bulletin stopped every build (nothing of the site was updated, the
    other bulletins waited too): it holds that bulletin only, saying where and how to fix it;
    --strict (CI) still stops."""
    other = bulletin_md({"title": '"Tin khác đã duyệt"', "slug": "tin-khac"})
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": '"Chờ duyệt"'}), OTHER: other})
    assert build(root) == 0
    out, err = capsys.readouterr()
    told = out + err
    assert (
        f"{FILE}:6: cảnh báo: trường 'approved_by': cần họ tên, chức vụ người duyệt, nhận được "
        "«Chờ duyệt»: đây là ghi chú chưa duyệt, không phải tên người duyệt: bản tin bị giữ "
        "lại, không đăng ở kênh nào" in told
    )
    assert f"publish approve {FILE} --by" in told
    assert f"Bỏ qua {FILE}" not in told  # the warning says it is held: told once
    assert "1 bản tin được xuất bản" in told and "1 bị giữ lại (1 chưa duyệt)" in told
    web = root / "output" / "web"
    assert (web / "2020" / "12" / "tin-khac" / "index.html").is_file()
    pages = "".join(p.read_text("utf-8") for p in web.rglob("*.html"))
    assert "Cảnh báo lừa đảo qua mạng" not in pages  # the held one's title, nowhere
    shutil.rmtree(root / "output")
    assert build(root, "--strict") == 1
    assert f"{FILE}:6: lỗi: trường 'approved_by'" in capsys.readouterr().err
    assert not (root / "output").exists()


def test_a_note_in_approved_by_is_held_even_when_no_approval_is_required(tmp_path: Path) -> None:
    """Under require_approval = false an empty approved_by publishes; a note there («Chờ
    duyệt») says the editor is waiting for one: never published."""
    toml = add_toml(SITE_TOML, "[policy]\nrequire_approval = false\n")
    root = make_project(
        tmp_path, {"site.toml": toml, FILE: bulletin_md({"approved_by": '"Chờ duyệt"'})}
    )
    site = load_site(config_module.load(root), now=NOW)
    assert not site.bulletins
    assert [e.code for e in site.excluded] == ["unapproved"]


@pytest.mark.parametrize("written", ["chưa rà soát", "Đã rà soát xong"])
def test_the_reviewer_of_personal_data_is_a_name_too(tmp_path: Path, written: str) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md({"pii_reviewed_by": f'"{written}"'})})
    site = load_site(config_module.load(root), now=NOW, salvage=True)
    [error] = [p for p in site.warnings if p.field == "pii_reviewed_by"]
    assert error.message.startswith("cần họ tên người đã rà soát dữ liệu cá nhân, nhận được")


@pytest.mark.parametrize("by", ["chưa duyệt", "phê duyệt", "TODO"])
def test_publish_approve_refuses_them_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], by: str
) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md(drop=["approved_by"])})
    before = (root / FILE).read_bytes()
    assert main(["approve", "--root", str(root), str(root / FILE), "--by", by]) == 1
    assert f"cần họ tên, chức vụ người duyệt, nhận được «{by}»" in capsys.readouterr().err
    assert (root / FILE).read_bytes() == before


RANKS = ["", "Đại tá ", "Thượng tá ", "Trung tá ", "Thiếu tá ", "Đại úy ", "Đồng chí ", "Cô "]
UNITS = ["", ", Trưởng Công an xã", ", Phó Trưởng phòng Tham mưu", " - Đội trưởng"]


@given(
    rank=st.sampled_from(RANKS),
    surname=st.sampled_from(sorted(SURNAMES)),
    middle=st.sampled_from(["", *sorted(MIDDLE_NAMES)]),
    given_name=st.sampled_from(sorted(GIVEN_NAMES)),
    unit=st.sampled_from(UNITS),
)
def test_a_real_name_is_a_name(
    rank: str, surname: str, middle: str, given_name: str, unit: str
) -> None:
    name = " ".join(w for w in (surname, middle, given_name) if w)
    assert not not_a_name(f"{rank}{name}{unit}")
    assert not not_a_name(given_name)  # one word: «Hùng»
    if middle:
        assert not not_a_name(f"{middle} {given_name}")  # «Thu Hà»


@pytest.mark.parametrize("name", ["Hải Đăng", "Nguyễn Hải Đăng", "Đạt", "Ý", "Kỳ", "Đăng", "Phê"])
def test_a_name_holding_a_word_that_also_approves_is_a_name(name: str) -> None:
    assert not not_a_name(name)


def test_strict_does_not_say_held_while_it_stops_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Under --strict the warning is an error and nothing is published: it said «bản tin bị
    giữ lại», as if the others had gone out. It says what happens instead."""
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": '"ok"'}), OTHER: OTHER_MD})
    assert build(root, "--strict") == 1
    err = capsys.readouterr().err
    [line] = [line for line in err.splitlines() if line.startswith(f"{FILE}:6: lỗi")]
    assert "bị giữ lại, không đăng ở kênh nào" not in line
    assert "Với --strict đây là lỗi: lần chạy dừng, không ghi, không đăng gì" in line
    assert not (root / "output").exists()


OTHER_MD = bulletin_md({"title": '"Tin khác đã duyệt"', "slug": "tin-khac"})
"""A bulletin published beside the one with a bad field."""


@pytest.mark.parametrize(
    ("key", "written", "shown"),
    [
        ("pii_reviewed_by", '"ok"', "«ok»"),
        ("pii_reviewed_by", "x", "«x»"),
        ("pii_reviewed_by", '"chưa rà soát"', "«chưa rà soát»"),
        ("pii_reviewed_by", "2026-11-28", "«2026-11-28»"),
        ("approved_by", "2026-11-28", "«2026-11-28»"),
    ],
)
def test_a_bad_person_field_holds_its_bulletin_not_the_whole_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, written: str, shown: str
) -> None:
    """«ok», x or a date in one bulletin's pii_reviewed_by (or a date in approved_by) stopped
    every build: nothing of the site was updated. That bulletin alone is held on every channel,
    the warning names file, line, field, what is expected and how to fix it; --strict stops."""
    bad = bulletin_md({key: written})
    root = make_project(tmp_path, {FILE: bad, OTHER: OTHER_MD})
    line = 1 + bad.split("\n").index(f"{key}: {written}")
    assert build(root) == 0
    out, err = capsys.readouterr()
    told = out + err
    role = "họ tên, chức vụ người duyệt" if key == "approved_by" else "họ tên người đã rà soát"
    assert f"{FILE}:{line}: cảnh báo: trường '{key}': cần {role}" in told
    assert f"nhận được {shown}: " in told
    assert "bản tin bị giữ lại, không đăng ở kênh nào" in told
    assert f'Chưa có thì để trống: {key}: "".' in told
    assert f"Bỏ qua {FILE}" not in told  # the warning says it is held: told once
    assert "1 bản tin được xuất bản" in told and "1 bị giữ lại (1 chưa duyệt)" in told
    web = root / "output" / "web"
    assert (web / "2020" / "12" / "tin-khac" / "index.html").is_file()
    pages = "".join(p.read_text("utf-8") for p in web.rglob("*.html"))
    assert "Cảnh báo lừa đảo qua mạng" not in pages  # the held one's title, nowhere
    site = load_site(config_module.load(root), now=NOW)
    [held] = site.excluded
    assert (held.bulletin.source, held.code) == (FILE, "unapproved")
    assert held.reason.startswith(f"{key} ghi {shown}, không phải tên người")
    shutil.rmtree(root / "output")
    assert build(root, "--strict") == 1
    err = capsys.readouterr().err
    assert f"{FILE}:{line}: lỗi: trường '{key}'" in err and "lần chạy dừng" in err
    assert "bị giữ lại, không đăng ở kênh nào" not in err
    assert not (root / "output").exists()


PAGE = "content/pages/gioi-thieu.md"


def page_md(extra: str = "", body: str = "Giới thiệu đơn vị.\n") -> str:
    """A page file, `extra` front matter lines added."""
    return f'---\ntitle: "Giới thiệu đơn vị"\nslug: gioi-thieu\n{extra}---\n\n{body}'


def test_a_page_whose_approved_by_names_nobody_is_not_sent_to_publish_approve(
    tmp_path: Path,
) -> None:
    """A page's approved_by «ok»: the warning said to run publish approve on it, which on a
    page records the personal-data review (pii_reviewed_by) and leaves approved_by as it is,
    so the page stayed held. It says to write the name, as the page's held reason does."""
    root = make_project(tmp_path, {PAGE: page_md('approved_by: "ok"\n')})
    site = load_site(config_module.load(root), now=NOW)
    [told] = [p for p in site.warnings if p.file == PAGE and p.field == "approved_by"]
    assert told.hint is not None and "publish approve" not in told.hint
    assert told.hint.startswith('Ghi họ tên đầy đủ: approved_by: "Thượng tá')
    assert PAGE in site.held_pages


@pytest.mark.parametrize(
    "extra", ['approved_by: "ok"\n', "approved_by: 2026-11-28\n", "pii_reviewed_by: x\n"]
)
def test_a_bad_person_field_holds_its_page_not_the_whole_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: str
) -> None:
    """A tick or a date in a page's approved_by or pii_reviewed_by stopped every build. The
    page is held (as a draft page is: nothing links to it), the rest goes out."""
    key = extra.split(":")[0]
    root = make_project(tmp_path, {PAGE: page_md(extra), OTHER: OTHER_MD})
    assert build(root) == 0
    out, err = capsys.readouterr()
    told = out + err
    assert f"{PAGE}:4: cảnh báo: trường '{key}': cần " in told
    assert "trang bị giữ lại, không đăng trên website" in told
    assert f"Bỏ qua {PAGE}" not in told  # told once
    web = root / "output" / "web"
    assert (web / "2020" / "12" / "tin-khac" / "index.html").is_file()
    assert not (web / "gioi-thieu").exists()
    assert "Giới thiệu đơn vị" not in "".join(p.read_text("utf-8") for p in web.rglob("*.html"))
    assert build(root, "--strict") == 1
    assert f"{PAGE}:4: lỗi: trường '{key}'" in capsys.readouterr().err


@pytest.mark.parametrize(
    "link", ["[giới thiệu](../pages/gioi-thieu.md)", "[giới thiệu](/gioi-thieu/#lich)"]
)
def test_approving_a_bulletin_that_links_to_a_held_page_tells_the_approver(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], link: str
) -> None:
    """`publish approve` of a bulletin linking to a page held for its approved_by («ok»)
    succeeded without a word, and the next build stopped. The approver is warned: the page,
    why it is held, that builds stop once the bulletin is out, and the two ways out. The
    approval is written (the bulletin is sound); a page naming a person is not told of."""
    body = f"Xem {link}.\n"
    linking = bulletin_md({"title": '"Tin khác"', "slug": "tin-khac"}, body, drop=["approved_by"])
    root = make_project(tmp_path, {PAGE: page_md('approved_by: "ok"\n'), OTHER: linking})
    approve = ["approve", "--root", str(root), "--now", NOW.isoformat(), OTHER]
    assert main([*approve, "--by", "Thượng tá Nguyễn Văn Hùng"]) == 0
    said = capsys.readouterr()
    told = " ".join((said.out + said.err).split())
    line = "" if link.startswith("[giới thiệu](/") else ":9"
    assert f"{OTHER}{line}: cảnh báo: bản tin liên kết tới trang {PAGE}" in told
    assert "trang này đang bị giữ lại vì approved_by ghi «ok», không phải họ tên" in told
    assert "mỗi lần dựng sẽ dừng với lỗi và không đăng gì ở kênh nào" in told
    assert f"Sửa ở trang {PAGE}: ghi họ tên người chịu trách nhiệm" in told
    assert "hoặc bỏ liên kết tới trang khỏi bản tin rồi duyệt lại" in told
    assert "approved_version:" in (root / OTHER).read_text("utf-8")
    assert build(root) == 1  # as the approver was told
    (root / PAGE).write_text(page_md('approved_by: "Trung tá Lê Văn Bình"\n'), "utf-8")
    capsys.readouterr()
    assert main([*approve, "--by", "Thượng tá Nguyễn Văn Hùng"]) == 0
    assert "giữ lại" not in " ".join(capsys.readouterr().out.split())
    assert build(root) == 0


@pytest.mark.parametrize(
    "link", ["[giới thiệu](../pages/gioi-thieu.md)", "[giới thiệu](/gioi-thieu/#lich)"]
)
def test_a_page_held_for_a_bad_field_that_a_bulletin_links_to_stops_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], link: str
) -> None:
    """Held, the page would leave a published bulletin's link leading nowhere (the tool keeps
    no earlier version of the page to serve): an error naming the page, its field, the link
    and how to fix it; nothing is written."""
    linking = bulletin_md({"title": '"Tin khác đã duyệt"', "slug": "tin-khac"}, f"Xem {link}.\n")
    root = make_project(tmp_path, {PAGE: page_md('approved_by: "ok"\n'), OTHER: linking})
    assert build(root) == 1
    err = capsys.readouterr().err
    [line] = [line for line in err.splitlines() if line.startswith(f"{PAGE}:4: ")]
    assert line.startswith(f"{PAGE}:4: lỗi: trường 'approved_by': cần họ tên")
    assert "bị giữ lại, không đăng" not in line
    assert f"Trang không thể bị giữ lại: nội dung đang đăng liên kết tới nó ({OTHER}" in line
    assert "lần chạy dừng" in line
    assert "Hoặc bỏ các liên kết tới trang này." in err
    assert not (root / "output").exists()
    # A draft linking to it goes out nowhere: the page is held, the build goes on.
    (root / OTHER).write_text(
        bulletin_md({"slug": "tin-khac", "draft": "true"}, f"Xem {link}.\n"), "utf-8"
    )
    assert build(root) == 0
