"""The record of an aired episode whose bulletin an episode to come corrects on air is kept
beyond the `AIRED_KEPT` latest: the item is made from it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from publish.radio_rates import AIRED_KEPT, KeptRates, upcoming_rates

NOW = dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC)


def test_an_aired_record_stays_while_an_episode_to_come_corrects_its_bulletin(
    tmp_path: Path,
) -> None:
    """Pruned, the bulletin no longer counted as aired: its correction item, already sent, was
    withdrawn from the station «as gone from corrections», and later ones dropped silently."""
    week = dt.timedelta(days=7)
    kept = {
        f"aired-{n:02}": KeptRates(NOW - week * (n + 1), 200, {}, frozenset({f"bulletin-{n}"}))
        for n in range(AIRED_KEPT + 2)
    }
    oldest = f"aired-{AIRED_KEPT + 1:02}"
    item = f"bulletin-{AIRED_KEPT + 1}#dinh-chinh-52bd62c7"
    rundown = {
        "air_start": (NOW + week).isoformat(),
        "rate_spm": 200,
        "items": [
            {
                "key": item,
                "slug": "DINH-CHINH",
                "title": "…",
                "duration_mode": "estimated",
                "rate_spm": None,
            }
        ],
    }
    (tmp_path / "coming").mkdir()
    (tmp_path / "coming/rundown.json").write_text(json.dumps(rundown), "utf-8")
    result = upcoming_rates(tmp_path, kept, NOW)
    assert oldest in result and "coming" in result
    assert f"aired-{AIRED_KEPT:02}" not in result  # the rest is pruned as before
