"""The radio never reads silently a number the website's personal-data check tells.

Random bulletins (a differential fuzz of publish.pii against the radio's own rules) found
numbers `publish check` told as someone's ID, account, tax code or private phone that the
script read aloud with no flag. publish.render.radio.told_numbers compares the two on every
script: such a number holds the item (R9.6, blocking), a private phone is a Q6 warning.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.model import Artifact
from publish.pii import findings
from publish.pii_reader import reader_text
from publish.radio.flags import BLOCKING, WARNING
from publish.radio.normalise import normalise
from publish.render import radio
from publish.render.radio.items import Speaker
from publish.render.radio.told_numbers import with_told_numbers
from tests.helpers import SITE_TOML, bulletin_md, make_project

NEAR = dt.date(2024, 6, 1)


def guarded(text: str) -> tuple[str, list[tuple[str, str, str, int | None]]]:
    """The script of `text` and its flags (code, severity, excerpt, line), the net included."""
    spoken = with_told_numbers(text, normalise(text, near=NEAR), NEAR)
    return spoken.text, [(f.code, f.severity, f.excerpt, f.line) for f in spoken.flags]


def told(text: str) -> list[str]:
    """The masked values the website's check tells in `text`."""
    return [f.value for f in findings(reader_text(text), year=NEAR.year)]


# Each: the website tells the number as an ID, account or tax code; the radio read it aloud.
HELD = [
    ("Cuộc gọi 064023974151 kéo dài.", "064*******51", 1),
    ("Mã số thuế: 014925409549.", "014*******49", 1),
    ("Tin báo.\n\nTài khoản * 84 0949865173 chi nhánh Đồng Tháp.", "840*******73", 3),
    ("1. Mã số thuế cá nhân của anh A: 84 0942618079", "840*******79", 1),
]


@pytest.mark.parametrize(("text", "shown", "line"), HELD)
def test_a_number_the_website_tells_as_an_id_or_account_holds_the_item(
    text: str, shown: str, line: int
) -> None:
    assert shown in told(text)
    _, flags = guarded(text)
    assert ("R9.6", BLOCKING, shown, line) in flags


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Số điện thoại của bị hại là 0912345678.", "091*****78"),
        ("Bị hại 0985014775 đã trình báo.", "098*****75"),
        ("Anh A (SĐT 0912345678) đã trình báo.", "091*****78"),
    ],
)
def test_a_private_phone_read_on_air_is_a_q6_warning(text: str, shown: str) -> None:
    script, flags = guarded(text)
    assert "không chín" in script  # still read: the editor's call (spec §7, Q6)
    assert ("Q6", WARNING, shown, 1) in flags
    assert all(severity != BLOCKING for _, severity, _, _ in flags)


@pytest.mark.parametrize(
    "text",
    [
        "Gọi 0912345678 để báo tin.",  # a phone to call, no one's private one
        "Hotline 0277 3861 234.",
        "Số tài khoản: 12345678 của anh A.",  # dropped by the radio: flagged R9.5 already
        "Số tài khoản: 0123456789 (Vietcombank).",
        "CCCD 087203001234 của anh A.",
        "Ngày 12/3/2024, phạt 105.500.000 đồng.",
    ],
)
def test_no_flag_is_added_where_the_script_reads_no_told_number(text: str) -> None:
    assert guarded(text)[1] == [
        (f.code, f.severity, f.excerpt, f.line) for f in normalise(text, near=NEAR).flags
    ]


def test_the_held_flag_names_what_the_website_told_and_how_to_fix_it() -> None:
    spoken = with_told_numbers(HELD[1][0], normalise(HELD[1][0], near=NEAR), NEAR)
    [flag] = [f for f in spoken.flags if f.code == "R9.6" and f.severity == BLOCKING]
    assert "mã số thuế cá nhân" in flag.message and "Cách sửa" in flag.message
    assert "014925409549" not in flag.message  # never the number itself


def _project(tmp_path: Path, body: str) -> Path:
    """A project whose one bulletin has `body`."""
    return make_project(tmp_path, {"content/a.md": bulletin_md({}, body=body)})


def test_the_build_keeps_such_an_item_off_the_air_and_check_tells_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path, "Công an huyện nhận tin báo.\n\nMã số thuế: 014925409549.\n")
    now = dt.datetime(2020, 12, 10, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    site = load_site(config_module.load(root), now=now)
    notes = [p.render() for p in radio.check(site) if p.file == "content/a.md"]
    [note] = [n for n in notes if "014*******49" in n]
    assert "mã số thuế cá nhân" in note
    scripts = b"".join(a.data for a in radio.render(site) if isinstance(a, Artifact))
    assert "một bốn, chín hai năm".encode() not in scripts


def test_speak_flags_it_as_the_build_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tin.md"
    path.write_text("Bị hại 0985014775 đã trình báo.\n", encoding="utf-8")
    assert main(["speak", "--flags", str(path)]) == 0
    out = capsys.readouterr().out
    assert "098*****75" in out and "0985014775" not in out


@pytest.mark.parametrize(
    ("text", "shown", "code"),
    [
        ("Mã số thuế: **014925409549**.", "014*******49", "R9.6"),
        ("Cuộc gọi *064023974151* kéo dài.", "064*******51", "R9.6"),
        ("Cuộc gọi _064023974151_ kéo dài.", "064*******51", "R9.6"),
        ("Bị hại **0985014775** đã trình báo.", "098*****75", "Q6"),
    ],
)
def test_a_number_in_bold_or_italics_is_compared_too(text: str, shown: str, code: str) -> None:
    """Its marks hid it from the net: the script read it, no flag was added."""
    assert shown in told(text)
    assert code in [c for c, _, excerpt, _ in guarded(text)[1] if excerpt == shown]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "Số tài khoản của bị hại: 0123456789.\n\nBị hại 0123456789 đã trình báo.",
            "012*****89",
        ),
        ("Mã số thuế của bà A: 8012345678.\n\nCuộc gọi 8012345678 kéo dài.", "801*****78"),
    ],
)
def test_a_number_dropped_once_and_read_further_on_is_flagged_where_it_is_read(
    text: str, shown: str
) -> None:
    """The radio's warning that it dropped the number at its label named it already, and the
    net took that for the whole text: the script read it a paragraph later."""
    _, flags = guarded(text)
    assert ("R9.6", BLOCKING, shown, 3) in flags


UNIT_CONTACT = """
[contact]
hotline = "0277 3610 113"
emergency = "113"

[contact.officer]
name = "Đại úy Trần Thị Mai"
position = "Phụ trách trang thông tin điện tử"
phone = "0277 3610 115"
"""


@pytest.mark.parametrize("written", ["0277 3610 115", "0277.3610.115", "+84 277 3610 115"])
def test_the_units_own_phone_is_no_private_one(tmp_path: Path, written: str) -> None:
    """The website's check never tells the unit's numbers (site.toml): the radio passes them to
    the check too, so a sentence naming the officer's phone beside a person gets no Q6."""
    root = make_project(tmp_path, {"site.toml": SITE_TOML + UNIT_CONTACT})
    options = Speaker(config_module.load(root)).options
    text = f"Anh Nam (SĐT {written}) đã có mặt."
    spoken = with_told_numbers(text, normalise(text, near=NEAR), NEAR, options)
    assert [f for f in spoken.flags if f.code == "Q6"] == []
    # Not the unit's: the same sentence with another landline is told.
    other = "Anh Nam (SĐT 0277 3999 888) đã có mặt."
    spoken = with_told_numbers(other, normalise(other, near=NEAR), NEAR, options)
    assert [(f.code, f.excerpt) for f in spoken.flags] == [("Q6", "027******88")]


@pytest.mark.parametrize(
    ("text", "shown", "code"),
    [
        ("Mã số thuế: 014–925–409–549.", "014*******49", "R9.6"),
        ("Tài khoản * 012–345–678–9 chi nhánh Đồng Tháp.", "012*****89", "R9.6"),
        ("Chị B (SĐT 0985 - 0147 - 75) trình báo.", "098*****75", "Q6"),
        ("Chị B (SĐT 0985—0147—75) trình báo.", "098*****75", "Q6"),
    ],
)
def test_a_number_grouped_with_dashes_is_compared_too(text: str, shown: str, code: str) -> None:
    """The website parts groups by any dash, spaced or not; the net joined only «-»."""
    assert shown in told(text)
    assert code in [c for c, _, excerpt, _ in guarded(text)[1] if excerpt == shown]


def test_the_flag_is_at_the_line_the_website_tells_the_number() -> None:
    """The same phone in a call to the unit (line 1) and as a victim's (line 3): the website
    tells line 3."""
    text = "Gọi 0985014775 để báo tin.\n\nBị hại 0985014775 trình báo."
    assert ("Q6", WARNING, "098*****75", 3) in guarded(text)[1]


@pytest.mark.parametrize(
    "text",
    [
        "Số tài khoản: 200000 của anh A.\n\nPhạt 1.200.000 đồng.",
        "Số tài khoản 123456 của anh A. Gọi 0912345678 để báo tin.",
    ],
)
def test_a_short_account_is_not_found_inside_another_number(text: str) -> None:
    """«hai trăm nghìn» inside «một triệu hai trăm nghìn», 123456 inside a phone's digits: the
    account itself was dropped, nothing read it."""
    assert not [f for f in guarded(text)[1] if f[0] in ("Q6", "R9.6")]


@pytest.mark.parametrize("text", ["Tài khoản _ 614159294.", "Tài khoản _ 614159294, chị B."])
def test_a_number_read_as_an_amount_before_a_stop_or_a_comma_is_found(text: str) -> None:
    """The script's words were split on spaces only: «tư.» was no «tư», the amount not found."""
    assert "614****94" in told(text)
    assert ("R9.6", BLOCKING, "614****94", 1) in guarded(text)[1]
