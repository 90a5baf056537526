"""[radio] intro and outro still naming the built-in programme after [radio] program names the
unit's own are noted with their lines; a unit keeping the built-in programme hears nothing."""

from __future__ import annotations

from pathlib import Path

from publish import config as config_module
from publish.content import load_site
from publish.errors import Problem
from tests.helpers import NOW, OTHER_UNIT_TOML, make_project

RADIO = """
[radio]
program = "{program}"
intro = "Kính thưa quý thính giả, mời quý vị đến với chuyên mục Vì an ninh Tổ quốc."
outro = "Chuyên mục {said} đến đây là kết thúc."
"""


def radio_notes(tmp_path: Path, program: str, said: str) -> list[Problem]:
    """The notes on [radio] of a project whose programme is `program` and whose outro says `said`."""
    toml = OTHER_UNIT_TOML + RADIO.format(program=program, said=said)
    root = make_project(tmp_path, {"site.toml": toml})
    warnings = load_site(config_module.load(root), now=NOW).warnings
    return [p for p in warnings if (p.field or "").startswith("[radio]")]


def test_a_renamed_programme_whose_intro_still_names_the_built_in_one_is_noted(
    tmp_path: Path,
) -> None:
    """A unit names its own programme; the presenter would still read the built-in one's name on
    air, since publish init and the sample write it inside intro and outro too."""
    notes = radio_notes(tmp_path, "Phú Quốc bình yên", "Phú Quốc bình yên")
    [intro] = notes
    lines = (OTHER_UNIT_TOML + RADIO).splitlines()
    assert intro.field == "[radio] intro" and intro.severity == "note"
    assert intro.line == next(i for i, line in enumerate(lines, 1) if line.startswith("intro"))
    assert intro.message == (
        "lời dẫn phát thanh nhắc chuyên mục «Vì an ninh Tổ quốc», nhưng [radio] program nay là "
        "«Phú Quốc bình yên»"
    )
    assert intro.hint and "sửa tên chuyên mục trong intro thành «Phú Quốc bình yên»" in intro.hint


def test_the_outro_is_noted_too_and_written_without_accents_it_is_the_same_name(
    tmp_path: Path,
) -> None:
    notes = radio_notes(tmp_path, "Phú Quốc bình yên", "VI AN NINH TO QUOC")
    assert [n.field for n in notes] == ["[radio] intro", "[radio] outro"]


def test_a_unit_keeping_the_built_in_programme_is_told_nothing(tmp_path: Path) -> None:
    assert radio_notes(tmp_path, "Vì an ninh Tổ quốc", "Vì an ninh Tổ quốc") == []


def test_a_programme_renamed_a_second_time_is_noted_with_the_name_the_intro_still_says(
    tmp_path: Path,
) -> None:
    """A unit that renamed «Phú Quốc bình yên» to «Biển đảo bình yên» heard nothing: only the
    built-in name was looked for, and the presenter read the old own name on air."""
    toml = OTHER_UNIT_TOML + (
        '\n[radio]\nprogram = "Biển đảo bình yên"\n'
        'intro = "Mời quý vị đến với chuyên mục “Phú Quốc bình yên” do Công an xã thực hiện."\n'
        'outro = "Chuyên mục Biển đảo bình yên đến đây là kết thúc."\n'
    )
    root = make_project(tmp_path, {"site.toml": toml})
    warnings = load_site(config_module.load(root), now=NOW).warnings
    [intro] = [p for p in warnings if (p.field or "").startswith("[radio]")]
    assert intro.field == "[radio] intro" and intro.severity == "note"
    assert intro.message == (
        "lời dẫn phát thanh nhắc chuyên mục «Phú Quốc bình yên», nhưng [radio] program nay là "
        "«Biển đảo bình yên»"
    )
    assert intro.hint and "nhắc «Phú Quốc bình yên» là đúng ý thì để nguyên" in intro.hint


def test_a_sentence_naming_no_programme_after_chuyen_muc_is_told_nothing(tmp_path: Path) -> None:
    """«Chuyên mục hôm nay gồm…» names no programme: a lowercase word after it is no name."""
    toml = OTHER_UNIT_TOML + (
        '\n[radio]\nprogram = "Biển đảo bình yên"\n'
        'intro = "Chuyên mục hôm nay gồm ba tin."\noutro = "Chuyên mục phát thanh đến đây là hết."\n'
    )
    root = make_project(tmp_path, {"site.toml": toml})
    warnings = load_site(config_module.load(root), now=NOW).warnings
    assert [p for p in warnings if (p.field or "").startswith("[radio]")] == []
