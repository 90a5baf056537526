"""The number a [contact] value dials, and when the check must warn that it may not be the one
the editor meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from publish.contact_numbers import dialled, tel_uri
from publish.pii_phones import phone_numbers
from publish.render.web.phones import hotline_linker
from tests.helpers import NOW, SITE_TOML, bulletin_md, make_project


@pytest.mark.parametrize("written", ["113 7-17h", "0277 3610 113 7-17h", "113 7 đến 17 giờ"])
def test_a_one_digit_hour_after_the_number_is_warned_about(written: str) -> None:
    """«113 7-17h»: is «7» the number's last group or the first hour? Read as the hour with no
    word, while «0277 3610 10 - 17h» (two digits) was warned about: the check now says which
    number a tap dials, so the editor can write the hours in brackets."""
    found = dialled(written)
    assert found is not None and found.left_over
    assert tel_uri(written) == f"tel:{found.digits}"


@pytest.mark.parametrize(
    "written", ["113 (7-17h)", "113 7h-17h", "0277 3610 113 (từ 7 đến 17 giờ)", "113, 7-17h"]
)
def test_hours_written_apart_from_the_number_are_no_warning(written: str) -> None:
    """Hours in brackets, after a comma or with their unit say they are hours: no warning."""
    found = dialled(written)
    assert found is not None and not found.left_over


DASHED = ["0912 – 345 – 678", "0912—345—678", "0912 - 345 - 678", "(0277) – 3610 – 113"]
"""A hotline's groups split by dashes, as Word types «0912 - 345 - 678» (an en dash), which the
personal-data check and the radio read as one number."""


@pytest.mark.parametrize("hotline", DASHED)
def test_a_hotline_written_with_dashes_is_dialled_whole_on_the_built_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], hotline: str
) -> None:
    """«0912 – 345 – 678» in site.toml dialled tel:0912 from the footer (with a warning that
    only «0912» is called), and the same number in a body was no link: the «Gọi» rule split
    groups by one hyphen only, while the personal-data check and the radio read every dash."""
    digits = "".join(c for c in hotline if c.isdigit())
    text = SITE_TOML + f'\n[contact]\nhotline = "{hotline}"\n'
    body = f"Mọi tin báo xin gọi đường dây nóng {hotline} của Công an xã.\n"
    root = make_project(
        tmp_path, {"site.toml": text, "content/bai-viet/2020-12-08-a.md": bulletin_md({}, body)}
    )
    argv = ["--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(["check", *argv, "--strict"]) == 0
    assert "[contact] hotline" not in capsys.readouterr().err
    assert main(["build", *argv]) == 0
    home = (root / "output/web/index.html").read_text("utf-8")
    assert f'href="tel:{digits}" aria-label="Gọi đường dây nóng {hotline}"' in home
    page = next(
        path.read_text("utf-8")
        for path in (root / "output/web").rglob("*.html")
        if "Mọi tin báo xin gọi" in path.read_text("utf-8")
    )
    assert f'đường dây nóng <a href="tel:{digits}">{hotline}</a> của Công an xã.' in page


@pytest.mark.parametrize("typed", DASHED[:3])
def test_the_unit_s_hotline_typed_with_dashes_in_a_body_is_linked_and_no_other(typed: str) -> None:
    """The body's copy of a hotline site.toml writes plainly is linked however its dashes
    are typed; another number with dashes beside it stays text (nobody's number is dialled)."""
    html = hotline_linker("0912 345 678", "tel:0912345678")(
        f"<p>Gọi {typed}, không gọi 0913 – 222 – 333.</p>"
    )
    assert html == (f'<p>Gọi <a href="tel:0912345678">{typed}</a>, không gọi 0913 – 222 – 333.</p>')


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("113 - 114 - 115", "113"),
        ("1900 – 0368", "1900"),
        ("0236 - 3123 45", "0236"),
        ("113 – 0277 3610 113", "113"),
        ("(0297) 3846.113 – 0912 345 678", "(0297) 3846.113"),
        ("0912 – 345 – 678 – 0277 3610 113", "0912 – 345 – 678"),
    ],
)
def test_a_spaced_dash_joins_groups_only_into_one_phone_number(written: str, number: str) -> None:
    """A spaced dash still ends a number before a second one: read on across it only as far as
    one mobile or landline number goes, never dialling two numbers run together."""
    found = dialled(written)
    assert found is not None and (found.number, found.left_over) == (number, True)


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("Tổ 1 – 0912 – 345 – 678", "0912 – 345 – 678"),
        ("Số 2 - 0912 345 - 678", "0912 345 - 678"),
        ("Máy lẻ 3 — 0277 – 3610 – 113", "0277 – 3610 – 113"),
    ],
)
def test_a_number_before_the_hotline_does_not_cut_its_dashed_groups(
    written: str, number: str
) -> None:
    """«Tổ 1 – 0912 – 345 – 678» dialled tel:0912 and «Số 2 - 0912 345 - 678» tel:0912345: the
    groups were read on from the first run of digits, the «1» or «2» before the number, which
    makes no phone, so the hotline itself stopped at its first dash. The «1» stays a warning."""
    found = dialled(written)
    digits = "".join(c for c in number if c.isdigit())
    assert found is not None and (found.number, found.digits) == (number, digits)
    assert found.left_over
    assert tel_uri(written) == f"tel:{digits}"


@pytest.mark.parametrize("written", ["0912  –  345  –  678", "0912 \u00a0– 345 –\u00a0 678"])
def test_a_hotline_s_dashes_with_doubled_spaces_are_read_as_the_check_reads_them(
    written: str,
) -> None:
    """A dash between doubled spaces («0912  –  345  –  678») ends a number for the
    personal-data check and the body's «Gọi» links (one space each side of a dash): site.toml's
    read dialled it whole alone, and the docstring claimed the check read it so. It dials the
    first group, with the warning that tells the editor to write it as one number."""
    found = dialled(written)
    assert found is not None and (found.digits, found.left_over) == ("0912", True)
    assert not list(phone_numbers(f"Liên hệ {written}."))  # nor does the check read it whole


@pytest.mark.parametrize(
    "written",
    [
        "+84 – 912 – 345 – 678",
        "+84 - 912 - 345 - 678",
        "(+84) – 912 – 345 – 678",
        "(+84) - 912 345 678",
    ],
)
def test_a_hotline_with_its_country_code_and_dashes_is_dialled_whole(written: str) -> None:
    """«+84 – 912 – 345 – 678» dialled tel:912 with a warning: «+84» is too short to be a run
    of its own, so the number was read from «912». The personal-data check reads it whole
    (0912345678), and so does the «Gọi» link now: tel:+84912345678, no warning."""
    found = dialled(written)
    assert found is not None and (found.number, found.left_over) == (written, False)
    assert tel_uri(written) == "tel:+84912345678"
    assert [digits for _, digits in phone_numbers(f"Liên hệ {written}.")] == ["0912345678"]


@pytest.mark.parametrize(
    ("written", "tel"),
    [
        ("+84 – 0277 – 3610 – 113", "tel:+842773610113"),
        ("+84 0277 3610 113", "tel:+842773610113"),
        ("+84-0277-3610-113", "tel:+842773610113"),
        ("+84 – 0912 – 345 – 678", "tel:+84912345678"),
        ("(+84) – 0912 – 345 – 678", "tel:+84912345678"),
        ("+84 0912 345 678", "tel:+84912345678"),
    ],
)
def test_the_home_zero_after_the_country_code_is_not_dialled(written: str, tel: str) -> None:
    """Units copy «+84 0277 3610 113» from letterheads: with the home 0 kept the landline was 13
    digits — no «Gọi» link and a site.toml error calling it two numbers run together — and the
    mobile dialled +840912…, which networks abroad refuse."""
    found = dialled(written)
    assert found is not None and not found.left_over
    assert tel_uri(written) == tel
