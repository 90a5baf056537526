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
    "policy": config.Policy,
    "categories.<khóa>": config.Category,
    "web": config.WebConfig,
    "zalo": config.ZaloConfig,
    "radio": config.RadioConfig,
}


def documented() -> dict[str, dict[str, str]]:
    """Each section's table in the doc: key → its default column."""
    found: dict[str, dict[str, str]] = {}
    section = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if heading := re.match(r"## `\[(.+?)\]`", line):
            section = found.setdefault(heading[1], {})
        elif section is not None and (row := re.match(r"\| `(\w+)` \|[^|]*\|([^|]*)\|", line)):
            section[row[1]] = row[2].strip()
    return found


def test_every_table_of_the_settings_is_documented() -> None:
    """The doc has one section per table of site.toml, no more, no fewer."""
    assert set(documented()) == set(SECTIONS)


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_every_key_is_documented_with_its_default(section: str) -> None:
    """Each key of the table is in its section, with the default the code uses."""
    rows = documented()[section]
    fields = dataclasses.fields(SECTIONS[section])
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
