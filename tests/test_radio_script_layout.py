"""What the station's staff see around the text read aloud: item headers, the end of an item and
the cues after it, air times, and the running order's advice (findings of the announcer's review
and the new-unit tester)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from publish import config as config_module
from publish.content import load_site
from publish.render import radio
from tests.helpers import bulletin_md, make_project

TZ = dt.timezone(dt.timedelta(hours=7))


def rendered(root: Path, now: dt.datetime) -> dict[str, str]:
    """The radio channel's text files for a project at a clock."""
    site = load_site(config_module.load(root), now=now)
    return {a.path: a.data.decode("utf-8") for a in radio.render(site) if a.path.endswith(".txt")}


def test_the_byline_goes_into_the_item_header_and_is_not_read(tmp_path: Path) -> None:
    """Finding 16: "Tin: Ban Biên tập." ended every corpus item on air; it is the header's, like
    the source file, in the item file, the episode script and the Word file alike."""
    root = make_project(
        tmp_path,
        {
            "content/a.md": bulletin_md(
                {"date": "2020-12-08 08:00"},
                body="Công an huyện cảnh báo người dân. *Tin: Thu Trang.*\n",
            ),
        },
    )
    texts = rendered(root, dt.datetime(2020, 12, 10, tzinfo=TZ))
    item = texts["items/a.txt"].splitlines()
    rule = item.index("-" * 94)
    assert "Tin (không đọc): Thu Trang" in item[:rule]
    assert "Công an huyện cảnh báo người dân." in item[rule:]
    assert not any("Thu Trang" in line for line in item[rule:])
    script = texts["2020-W50/script.txt"]
    assert "Tin (không đọc): Thu Trang" in script and script.count("Thu Trang") == 1
