"""The line-skipping stamp scan (gates.secret_stamp) finds exactly the stamp (line and text)
that scanning every line finds, and the loader reports it on that line."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from publish import config as config_module
from publish.config import Config, Policy
from publish.content import load_site
from publish.errors import ContentError
from publish.gates import _grades, _line_stamp, secret_stamp
from publish.text import nfc
from tests.helpers import NOW, bulletin_md, make_project

_PIECES = st.sampled_from(
    [
        "MẬT",
        "mật",
        "TỐI MẬT",
        "Tối mật",
        "**TUYỆT MẬT**",
        "Độ mật: Mật",
        "ĐỘ MẬT: TỐI MẬT",
        "độ   mật : tuyệt mật",
        "Độ khẩn: Hỏa tốc",
        "NỘI BỘ",
        "Nội bộ",
        "[MẬT] Tiêu đề",
        "mật khẩu",
        "BÍ MẬT",
        "M\u0302\u0323T",  # decomposed: NFC makes it MẬT
        "123",
        "   ",
        "",
        "– – –",
        "Công an huyện",
        "_MẬT_",
        "MẬT\u000bMẬT",
        "MẬT.",
        "x MẬT",
        "MẬT - KHẨN",
        "TỐI MẬT – HỎA TỐC",
        "TÀI LIỆU MẬT",
        "BẢO VỆ BÍ MẬT NHÀ NƯỚC",
        "Mức độ mật: Mật",
        "| Độ mật | Mật |",
        "| Độ mật | Không |",
        "M Ậ T",
        "N Ộ I B Ộ",
    ]
)
_LINES = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=8)
_TITLES = st.sampled_from(["", "Tin tức", "[MẬT] Kế hoạch", "[Nội bộ] Họp", "(TỐI MẬT) X"])


def full_scan(body: str, policy: Policy, *, title: str = "") -> tuple[int, str] | None:
    """The scan of every line that the skipping one replaced, kept as the specification."""
    grades = _grades(policy)
    found = secret_stamp("", policy, title=title)
    if found is not None:
        return found
    for number, line in enumerate(nfc(body).split("\n")):
        stamp = _line_stamp(line, grades)
        if stamp is not None:
            return number, stamp
    return None


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    """A project whose site.toml adds a site-specific grade (nội bộ) to the legal ones."""
    root = make_project(tmp_path_factory.mktemp("secret"), {})
    loaded = config_module.load(root)
    policy = dataclasses.replace(loaded.policy, secret_classifications=("Nội bộ",))
    return dataclasses.replace(loaded, policy=policy)


@settings(max_examples=400, deadline=None)
@given(lines=_LINES, title=_TITLES)
@example(lines=["Tin thường", "", "MẬT", "Độ mật: Mật"], title="")
@example(lines=["Độ mật: thường", "TỐI MẬT"], title="")
@example(lines=["abc", "NỘI BỘ"], title="")
@example(lines=["Tin thường", "| Độ mật | Mật |"], title="")
@example(lines=["Tin thường", "M Ậ T"], title="")
def test_skipping_scan_equals_full_scan(config: Config, lines: list[str], title: str) -> None:
    """Same (line, stamp) or None as the full scan, whatever the lines and the title."""
    body = "\n".join(lines)
    expected = full_scan(body, config.policy, title=title)
    assert secret_stamp(body, config.policy, title=title) == expected


def test_stamp_below_ordinary_lines_is_refused_with_its_line(tmp_path: Path) -> None:
    """A capitals stamp after many ordinary lines still stops the load, naming its line."""
    body = "\n".join(["Nội dung bình thường của bản tin."] * 30 + ["", "**TỐI MẬT**", "Hết."])
    root = make_project(tmp_path, {"content/2020-12-08-tin.md": bulletin_md(body=body)})
    config = config_module.load(root)
    with pytest.raises(ContentError) as raised:
        load_site(config, now=NOW)
    [problem] = [p for p in raised.value.problems if "dấu mật" in p.message]
    assert "«TỐI MẬT»" in problem.message
    text = (root / "content" / "2020-12-08-tin.md").read_text(encoding="utf-8")
    assert problem.line is not None
    assert text.split("\n")[problem.line - 1] == "**TỐI MẬT**"
