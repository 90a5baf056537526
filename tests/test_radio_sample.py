"""The sample project on the radio channel: every sample bulletin meant for the radio is read.

Session 35 left the sample's schedule of mobile ID-card teams as a table the next sentence
leaned on (R1.7): every sample build warned «chặn phát thanh» and the station got 69 files, not 74.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site

REPO = Path(__file__).resolve().parent.parent
CLOCK = "2026-11-28T09:00"
NOW = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def test_every_sample_bulletin_for_the_radio_is_in_the_script(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new unit's first build (README command 1) shows a clean radio channel: no sample
    bulletin is held from the script, each one on the radio channel has its item."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(REPO / "site.toml", root / "site.toml")
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    run = ["--root", str(root), "--now", CLOCK, "--output", str(tmp_path / "out")]
    assert main(["build", "--channel", "radio", *run]) == 0
    out = "".join(capsys.readouterr())
    assert "chặn phát thanh" not in out and "R1.7" not in out
    site = load_site(config_module.load(root), now=NOW)
    meant = {b.key for b in site.bulletins if "radio" in b.channels}
    items = {path.stem for path in (tmp_path / "out" / "radio" / "items").glob("*.txt")}
    assert "ct-2021-06-cccd-luu-dong" in meant
    assert items == meant


SLUGS = REPO / "tests" / "golden" / "sample-radio-slugs.json"


def test_sample_slugs_are_those_the_station_has(tmp_path: Path, update_golden: bool) -> None:
    """Review R12 #1: the slug names an item in every rundown, script and item file the station
    holds, so a new rule of making slugs renames nothing it already has: each row of the
    sample's rundowns keeps its slug (the golden file was written by the build before
    1773ff2f; seven slugs cut at the limit took a number then, and every episode to come was
    sent again with «SỬA LẦN …» for unchanged content)."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(REPO / "site.toml", root / "site.toml")
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    out = tmp_path / "out"
    run = ["--root", str(root), "--now", CLOCK, "--output", str(out), "--quiet"]
    assert main(["build", "--channel", "radio", *run]) == 0
    slugs = {
        path.parent.name: [row["slug"] for row in json.loads(path.read_bytes())["items"]]
        for path in sorted((out / "radio").glob("*/rundown.json"))
    }
    if update_golden:
        SLUGS.write_text(json.dumps(slugs, ensure_ascii=False, indent=1) + "\n", "utf-8")
    assert slugs == json.loads(SLUGS.read_bytes())
    assert "KET-QUA-CONG-TAC-BAO-DAM" in slugs["2026-W28"]
