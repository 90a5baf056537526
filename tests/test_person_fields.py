"""What `approved_by` and `pii_reviewed_by` must hold: a person's name, not a tick, nor a note
that nobody has approved yet («chưa duyệt», «TODO»)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.person_fields import not_a_name
from publish.radio.given_names import GIVEN_NAMES, MIDDLE_NAMES, SURNAMES
from tests.helpers import NOW, bulletin_md, make_project

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
    site = load_site(config_module.load(root), now=NOW, salvage=True)
    assert not site.bulletins  # in error: published nowhere
    [error] = [p for p in site.warnings if p.field == "approved_by"]
    assert error.severity == "error" and error.line == 6
    assert error.message.startswith(f"cần họ tên, chức vụ người duyệt, nhận được «{written}»: ")
    assert "họ tên đầy đủ" in (error.hint or "")


@pytest.mark.parametrize("written", ["chưa duyệt", "TODO"])
def test_a_note_that_nobody_approved_yet_says_so(tmp_path: Path, written: str) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": f'"{written}"'})})
    site = load_site(config_module.load(root), now=NOW, salvage=True)
    [error] = [p for p in site.warnings if p.field == "approved_by"]
    assert "ghi chú chưa duyệt, không phải tên người duyệt" in error.message
    assert 'Chưa có thì để trống: approved_by: "".' in (error.hint or "")


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
