"""A bulletin's last line alone: the writer's credit (not read) or words for the listener (read).

Session 35: places were dropped as signatures, and credits that are no name were read.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from publish.radio.markdown import byline
from publish.radio.normalise import normalise
from publish.radio.options import SpeakOptions
from publish.radio.place_kinds import KINDS

_BODY = "Người dân cần cảnh giác.\n\n"


@pytest.mark.parametrize(
    ("body", "last", "said"),
    [
        ("Công an huyện Kim Sơn ra quân.\n\n", "H. Kim Sơn", "Huyện Kim Sơn."),
        ("Tại quận Hoàng Mai, tổ công tác ra quân.\n\n", "Q. Hoàng Mai", "Quận Hoàng Mai."),
        ("Công an huyện Kim Sơn ra quân.\n\n", "Kim Sơn.", "Kim Sơn."),
        ("Công an huyện Kim Sơn ra quân.\n\n", "Kim Sơn", "Kim Sơn."),
    ],
)
def test_a_place_the_bulletin_names_is_read_not_taken_for_a_signature(
    body: str, last: str, said: str
) -> None:
    """«H. Kim Sơn», «Q. Hoàng Mai», «Kim Sơn.» ending a bulletin were dropped as the writer's
    name (R1.5): «Kim Sơn» and «Hoàng Mai» are also given names. Where the bulletin itself
    names the place by its kind («huyện Kim Sơn»), the last line is that place, read."""
    spoken = normalise(f"{body}{last}\n")
    assert spoken.text.endswith(f"\n\n{said}")
    assert [f.code for f in spoken.flags] == []
    assert byline(f"{body}{last}\n") == ""


@pytest.mark.parametrize("last", ["H. Kim Sơn", "Kim Sơn."])
def test_a_place_site_toml_names_is_read(last: str) -> None:
    """The places of site.toml (the unit's name and area, its contact address) are places on a
    last line too, named or not in the bulletin."""
    options = SpeakOptions(places=("Kim Sơn", "Ninh Bình"))
    spoken = normalise(f"{_BODY}{last}\n", options=options)
    assert spoken.text.endswith("Kim Sơn.")
    assert spoken.flags == ()
    assert byline(f"{_BODY}{last}\n", places=("Kim Sơn",)) == ""


def test_the_author_field_credits_a_places_letter_and_name() -> None:
    """The author field decides first: «H. Kim Sơn» crediting «Hoàng Kim Sơn» is the writer,
    not read, even where the bulletin names the district."""
    source = "Công an huyện Kim Sơn ra quân.\n\nH. Kim Sơn\n"
    credited = normalise(source, author="Hoàng Kim Sơn")
    assert (credited.text, credited.flags) == ("Công an huyện Kim Sơn ra quân.", ())
    assert normalise(source, author="Nguyễn Văn Nam").text.endswith("Huyện Kim Sơn.")


def test_an_unknown_places_letter_and_given_name_tells_both_readings() -> None:
    """With no author and no place to go by, «H. Kim Sơn» stays a guessed signature (as
    «X. Thu Trang» is), and the warning says how to have it read as the district."""
    spoken = normalise(f"{_BODY}H. Kim Sơn\n")
    assert spoken.text == "Người dân cần cảnh giác."
    (flag,) = spoken.flags
    assert flag.code == "R1.5"
    assert "huyện Kim Sơn" in flag.message


@pytest.mark.parametrize(
    ("last", "credit"),
    [
        ("N.T.H", "N.T.H"),
        ("N.T.H.", "N.T.H"),
        ("*N.T.H*", "N.T.H"),
        ("Ban Biên tập", "Ban Biên tập"),
        ("BAN BIÊN TẬP", "BAN BIÊN TẬP"),
        ("BBT", "BBT"),
        ("PV", "PV"),
        ("PV.", "PV"),
        ("Phóng viên", "Phóng viên"),
        ("Ban Biên Tập", "Ban Biên Tập"),
    ],
)
def test_a_credit_that_names_no_one_ends_a_bulletin_unread(last: str, credit: str) -> None:
    """Initials alone («N.T.H»), «Ban Biên tập», «PV» closing a bulletin were read on air
    («Phóng viên.»): the writer's credit, shown in the header and never read."""
    source = f"{_BODY}{last}\n"
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == ("Người dân cần cảnh giác.", ())
    assert byline(source) == f"Tác giả: {credit}"


@pytest.mark.parametrize("last", ["Xin cảm ơn PV.", "N.T.H đã bị bắt.", "Ban Biên tập xin cảm ơn."])
def test_a_sentence_holding_a_credit_word_is_read(last: str) -> None:
    """Only the credit alone is a credit: a sentence holding one is read."""
    assert normalise(f"{_BODY}{last}\n").text != "Người dân cần cảnh giác."


def test_the_place_kinds_are_written_once() -> None:
    """The kinds of places were listed three times (abbreviations, markdown): one list,
    place_kinds.KINDS, that every reader of kinds takes."""
    radio = Path(__file__).parents[1] / "publish" / "radio"
    for path in radio.glob("*.py"):
        if path.name == "place_kinds.py":
            continue
        source = path.read_text("utf-8")
        assert not re.search(r"thị trấn\|thành phố|thành phố\|tỉnh|đặc khu", source), path.name
    assert "đặc khu" in KINDS
