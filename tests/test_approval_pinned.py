"""Approvals written by earlier versions of the tool still hold on files nobody touched.

Each file below is one the loader's mending of pasted text has had to read (curly quotes from
Word, no-break spaces, invisible characters, values going on over several lines); each pin is the
`approved_version` that `publish approve` wrote for it, with the version of the tool named. A
change to how files are read that changes one of these fingerprints would withdraw every such
approved bulletin at the next sync («nội dung đã đổi sau khi duyệt»): keep the earlier rule as
an earlier reading (publish.frontmatter.EARLIER_READINGS) instead. Pins are only ever added,
never changed; add the files a new mending rule reads differently, pinned under the tool before
and after it. A pin is what `publish approve` of that version (`git archive COMMIT publish`
into a folder put first on PYTHONPATH) writes into the file text_of gives, without its
approved_version line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from tests.helpers import NOW, make_project

FRONT = 'date: 2020-12-08 08:00\ncategory: canh-bao-toi-pham\napproved_by: "Trưởng Công an huyện"\n'
"""The fields every file of the corpus has, as `publish approve` leaves them."""

CORPUS: dict[str, str] = {
    "curly-title": "title: “Cảnh báo: lừa đảo # mới”\nsummary: Gọi 113.\n",
    "curly-tags": "title: Tin\nsummary: Gọi 113.\ntags: [“lừa đảo”, ‘an ninh’]\n",
    "curly-inside": "title: Chiêu “việc nhẹ lương cao”\nsummary: Gọi 113.\n",
    "curly-key": "title: Tin\n“summary”: “Gọi: 113”\n",
    "nbsp-after-colon": "title:\u00a0“Tin”\nsummary: Gọi 113.\n",
    "nbsp-before-colon": "title\u00a0: Tin\nsummary: Gọi 113.\n",
    "block-quotes": "title: Tin\nsummary: |\n  Gọi “113”\n  Hotline: “Đội CSGT”\n",
    "single-quoted-hotline": (
        "title: Tin\nsummary: 'Gọi ngay\n  Hotline: “Đội CSGT”\n  để được giúp.'\n"
    ),
    "double-quoted-hotline": (
        'title: Tin\nsummary: "Gọi ngay\n  Hotline: “Đội CSGT”\n  để được giúp."\n'
    ),
    "plain-dash-item": "title: Tin\nsummary: Gọi ngay\n  - “Đội CSGT”\n",
    "plain-hotline-nbsp": "title: Tin\nsummary: Gọi ngay\n  Hotline:\u00a00912 345 678\n",
    "quoted-hotline-nbsp-and-nbsp-key": (
        'title:\u00a0Tin\nsummary: "Gọi ngay\n  Hotline:\u00a00912 345 678"\n'
    ),
    "text-under-key-dash-item": "title: Tin\nsummary:\n  Gọi ngay\n  - “Đội CSGT”\n",
    "text-under-key-hotline-nbsp": "title: Tin\nsummary:\n  Gọi ngay\n  Hotline:\u00a00912 345 678\n",
    "invisible": "title: Tin\u200b mới\u00ad\nsummary: Gọi\u2060 113.\n",
}
"""Front matter (besides FRONT) of each file of the corpus; each has the same body."""

BODY = "Xem [hướng dẫn](“https://dichvucong.gov.vn”).\n\nGọi\u00a0113 ngay.\n"

PINS: dict[str, tuple[tuple[str, str], ...]] = {
    "curly-title": (("1fabad3", "f9e068d34a0a"),),
    "curly-tags": (("1fabad3", "fb41655af133"),),
    "curly-inside": (("1fabad3", "5a63aa24e64b"),),
    "curly-key": (("1fabad3", "632369cbca1b"),),
    "nbsp-after-colon": (("1fabad3", "a0972bd3b9d7"),),
    "nbsp-before-colon": (("1fabad3", "8cb46fd88743"),),
    "block-quotes": (("1fabad3", "e6c487d7aba4"),),
    "single-quoted-hotline": (
        ("1fabad3", "9268c3ce1835"),
        ("69f8c33", "0c477c3abb10"),
    ),
    "double-quoted-hotline": (("69f8c33", "0c477c3abb10"),),
    "plain-dash-item": (
        ("1fabad3", "b17e845892a5"),
        ("69f8c33", "15de8f4d2556"),
    ),
    "plain-hotline-nbsp": (("9b4c002", "5c5318f09897"),),
    "quoted-hotline-nbsp-and-nbsp-key": (
        ("1fabad3", "5d7f80d88422"),
        ("9b4c002", "5c5318f09897"),
    ),
    "text-under-key-dash-item": (
        ("1fabad3", "b17e845892a5"),
        ("session 32", "15de8f4d2556"),
    ),
    "text-under-key-hotline-nbsp": (("session 32", "5c5318f09897"),),
    "invisible": (("1fabad3", "65328d0d1868"),),
}
"""For each file, the fingerprints `publish approve` wrote, each with the first version of the
tool that wrote it (a commit, or the session that made it)."""


def text_of(name: str, version: str) -> str:
    """The corpus file `name` as approved with `version`."""
    return f"---\n{CORPUS[name]}{FRONT}approved_version: {version}\n---\n\n{BODY}"


@pytest.mark.parametrize(
    ("name", "version"),
    [(name, version) for name, pins in PINS.items() for _, version in pins],
)
def test_an_approval_written_by_an_earlier_version_holds(
    tmp_path: Path, name: str, version: str
) -> None:
    """The file as approved then is published now, neither held back nor warned about."""
    root = make_project(tmp_path, {"content/bai-viet/a.md": text_of(name, version)})
    site = load_site(config_module.load(root), now=NOW)
    assert [e.reason for e in site.excluded] == []
    assert [b.source for b in site.bulletins] == ["content/bai-viet/a.md"]


def test_every_file_of_the_corpus_is_pinned() -> None:
    """A file added to the corpus without its pin would be checked by nothing."""
    assert set(PINS) == set(CORPUS)


@pytest.mark.parametrize(
    ("name", "version"),
    [("single-quoted-hotline", "9268c3ce1835"), ("text-under-key-dash-item", "b17e845892a5")],
)
def test_an_edit_after_an_approval_by_an_earlier_version_withdraws_it(
    tmp_path: Path, name: str, version: str
) -> None:
    """Read as that version read it, the file matches its approval only as it was approved."""
    text = text_of(name, version).replace("Gọi ngay", "Gọi ngay cho chúng tôi")
    root = make_project(tmp_path, {"content/bai-viet/a.md": text})
    site = load_site(config_module.load(root), now=NOW)
    assert [e.code for e in site.excluded] == ["unapproved"]
