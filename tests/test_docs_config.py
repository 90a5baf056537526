"""docs/cau-hinh.md, the settings reference for units, names every key the tool reads, with its
real default, so it cannot fall behind the code."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from publish import config

DOC = Path(__file__).parents[1] / "docs" / "cau-hinh.md"
SECTIONS = {
    "unit": config.Unit,
    "site": config.SiteSection,
    "contact": config.Contact,
    "[contact.stations]": config.Station,
    "contact.officer": config.Officer,
    "policy": config.Policy,
    "categories.<khóa>": config.Category,
    "web": config.WebConfig,
    "zalo": config.ZaloConfig,
    "radio": config.RadioConfig,
}
FREE_TABLES = {"tag_aliases"}
"""Tables of keys the unit chooses (an old tag each), documented by example, not key by key."""


def documented(column: int = 2) -> dict[str, dict[str, str]]:
    """Each section's table in the doc: key → one column (1 the kind, 2 the default)."""
    found: dict[str, dict[str, str]] = {}
    section = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if heading := re.match(r"## `\[(.+?)\]`", line):
            section = found.setdefault(heading[1], {})
        elif section is not None and (row := re.match(r"\| `(\w+)` \|([^|]*)\|([^|]*)\|", line)):
            section[row[1]] = row[1 + column].strip()
    return found


def _number(value: float) -> str:
    """A bound as the doc writes it: 1, 0.5."""
    return str(int(value)) if float(value).is_integer() else str(value)


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_every_bound_the_settings_check_is_documented(section: str) -> None:
    """A key whose value must lie in a range says which in the doc (as site.toml's check does)."""
    kinds = documented(column=1)[section]
    for field in dataclasses.fields(SECTIONS[section]):
        least, above, most = (field.metadata.get(k) for k in ("least", "above", "most"))
        if least is not None and most is not None:
            wanted = f"{_number(least)}–{_number(most)}"
        elif least is not None:
            wanted = f"≥ {_number(least)}"
        elif above is not None:
            wanted = f"> {_number(above)}"
        elif most is not None:
            wanted = f"≤ {_number(most)}"
        else:
            continue
        assert wanted in kinds[field.name], (section, field.name, kinds[field.name], wanted)


def test_every_table_of_the_settings_is_documented() -> None:
    """The doc has one section per table of site.toml, no more, no fewer."""
    assert set(documented()) == set(SECTIONS) | FREE_TABLES


def test_every_top_level_table_of_site_toml_has_a_section() -> None:
    """A table added to Config without a section here fails, whatever kind it is."""
    top = {f.name for f in dataclasses.fields(config.Config) if not f.metadata.get("hidden")}
    listed = {name.split(".")[0].strip("[]") for name in documented()}
    assert top <= listed, top - listed


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_every_key_is_documented_with_its_default(section: str) -> None:
    """Each key of the table is in its section, with the default the code uses."""
    rows = documented()[section]
    # A hidden field is set by the loader (where the file was, which lines it had), no key.
    fields = [f for f in dataclasses.fields(SECTIONS[section]) if not f.metadata.get("hidden")]
    assert sorted(rows) == sorted(f.name for f in fields)
    for field in fields:
        shown = rows[field.name]
        if field.default is dataclasses.MISSING:
            assert shown == "", f"{section}.{field.name} is required, the doc gives a default"
            continue
        default = field.default
        words = re.findall(r"`([^`]*)`", shown)
        assert words, f"{section}.{field.name}: no default shown"
        if isinstance(default, str):
            assert words[0] == f'"{default}"', (section, field.name, words)
        elif isinstance(default, bool):
            assert words[0] == str(default).lower()
        elif isinstance(default, (int, float)):
            assert float(words[0]) == default, (section, field.name, words)
        else:  # a tuple
            assert (
                words[0]
                == "["
                + ", ".join(f'"{v}"' if isinstance(v, str) else str(v) for v in default)
                + "]"
            ), (section, field.name, words)
