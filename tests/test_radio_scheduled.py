"""The rundown of an episode tells the presenter how many scheduled (embargoed) bulletins will join
it and when each is published, and nothing else of them; nor anything of a secret, draft or
unapproved bulletin."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.render import radio
from publish.render.radio import episode
from tests.helpers import bulletin_md, make_project, readable
from tests.test_radio_timing import SENTENCE

TZ = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=TZ)
"""Monday; the weekly episode 2026-W49 airs Saturday 05/12/2026 at 17:00."""
WEEK = "2026-W49"
SECRET_WORD = "BÍ-DANH-KHÔNG-ĐƯỢC-LỘ"


def _held(date: str, title: str, **fields: str) -> str:
    """A bulletin whose title, summary and body all carry a word the rundown must never show."""
    return bulletin_md(
        {
            "date": date,
            "title": f'"{title} {SECRET_WORD}"',
            "summary": f'"{SECRET_WORD}"',
            **fields,
        },
        body=f"Nội dung {SECRET_WORD} chưa được công bố.\n",
    )


FILES = {
    "content/da-dang.md": bulletin_md({"date": "2026-11-30 08:00", "title": '"Tin đã đăng"'}),
    "content/hen-1.md": _held("2026-12-02 09:30", "Hẹn một"),
    "content/hen-2.md": _held("2026-12-03 14:00", "Hẹn hai"),
    "content/nhap.md": _held("2026-12-02 10:00", "Nháp", draft="true"),
    # Unclear classification: held back as secret (a secret file is refused at loading).
    "content/noi-bo.md": _held("2026-12-02 12:00", "Nội bộ", classification='"nội bộ"'),
    "content/web.md": _held("2026-12-02 13:00", "Chỉ web", channels="[web]"),
    "content/tuan-sau.md": _held("2026-12-06 08:00", "Tuần sau"),
    "content/het-han.md": _held("2026-12-04 08:00", "Hết hạn", expires="2026-12-05 12:00"),
}


def _rundowns(root: Path, now: dt.datetime) -> tuple[str, dict[str, Any]]:
    """rundown.txt (as text) and rundown.json (parsed) of the week's episode at `now`."""
    files = {a.path: a.data for a in radio.render(load_site(config_module.load(root), now=now))}
    text = files[f"{WEEK}/rundown.txt"].decode("utf-8-sig")
    return text, json.loads(files[f"{WEEK}/rundown.json"])


def test_the_rundown_counts_scheduled_bulletins_and_gives_only_their_times(tmp_path: Path) -> None:
    """Two approved radio bulletins are scheduled for this week's episode; a draft, a secret, an
    unapproved, a web-only, next week's and one expiring before the air time are not counted."""
    unapproved = _held("2026-12-02 11:00", "Chưa duyệt", approved_by='""')
    root = make_project(tmp_path, {**FILES, "content/chua-duyet.md": unapproved})
    text, document = _rundowns(root, NOW)
    line = (
        "Tin hẹn giờ: 2 bản tin nữa sẽ vào tập này khi đến giờ đăng, lần lượt lúc 09:30, Thứ Tư, "
        "02/12/2026; 14:00, Thứ Năm, 03/12/2026."
    )
    assert line in text.replace("\r\n", "\n")
    assert document["scheduled"] == {
        "count": 2,
        "available_at": ["2026-12-02T09:30:00+07:00", "2026-12-03T14:00:00+07:00"],
    }
    for shown in (text, json.dumps(document, ensure_ascii=False)):
        assert SECRET_WORD not in shown and "hen-1" not in shown and "hen-2" not in shown
    # Pure: the same content and clock give the same bytes.
    assert _rundowns(root, NOW) == (text, document)

    # Once the first is published it is in the episode, and the line counts the other only.
    text, document = _rundowns(root, dt.datetime(2026, 12, 2, 10, 0, tzinfo=TZ))
    assert "Tin hẹn giờ: 1 bản tin nữa sẽ vào tập này khi đến giờ đăng, lúc 14:00, Thứ Năm" in text
    assert document["scheduled"] == {"count": 1, "available_at": ["2026-12-03T14:00:00+07:00"]}
    text, document = _rundowns(root, dt.datetime(2026, 12, 3, 14, 0, tzinfo=TZ))
    assert "Tin hẹn giờ" not in text and "scheduled" not in document


def test_a_rundown_with_nothing_scheduled_keeps_its_bytes(tmp_path: Path) -> None:
    """No scheduled bulletin: no line and no "scheduled" key (the station's copies stay as sent)."""
    root = make_project(tmp_path, {"content/da-dang.md": FILES["content/da-dang.md"]})
    text, document = _rundowns(root, NOW)
    assert "hẹn giờ" not in text.lower() and "scheduled" not in document


def test_a_rebuild_tells_of_a_bulletin_scheduled_since_the_last_build(tmp_path: Path) -> None:
    """The episode's own bulletins are unchanged, so its files would be kept from the last
    build: a bulletin scheduled for it since must still reach its rundown."""
    root = make_project(tmp_path, {"content/da-dang.md": FILES["content/da-dang.md"]})
    args = ["build", "--root", str(root), "--now", "2026-11-30 09:00", "-q", "--channel", "radio"]
    episode._last.clear()
    assert main(args) == 0
    (root / "content/hen-1.md").write_text(FILES["content/hen-1.md"], "utf-8")
    episode._last.clear()
    assert main(args) == 0
    rundown = (root / "output/radio" / WEEK / "rundown.txt").read_text("utf-8-sig")
    assert "Tin hẹn giờ: 1 bản tin nữa sẽ vào tập này" in rundown
    assert SECRET_WORD not in rundown


def _check(root: Path, now: dt.datetime) -> list[str]:
    """What `publish check` says of the radio channel at `now`, rendered."""
    episode._last.clear()
    return [p.render() for p in radio.check(load_site(config_module.load(root), now=now))]


def test_a_scheduled_bulletin_held_back_by_a_read_aloud_error_is_not_promised(
    tmp_path: Path,
) -> None:
    """An unknown acronym will keep the bulletin off the radio once it is published: the
    rundown does not announce it, and the editor is told now, while it can still be fixed."""
    blocked = _held("2026-12-02 09:30", "Hẹn lỗi").replace(
        "chưa được công bố.", "chưa được công bố. Phòng CSĐTTQX đã vào cuộc."
    )
    root = make_project(tmp_path, {**FILES, "content/hen-1.md": blocked})
    text, document = _rundowns(root, NOW)
    assert "Tin hẹn giờ: 1 bản tin nữa sẽ vào tập này khi đến giờ đăng, lúc 14:00" in text
    assert document["scheduled"]["available_at"] == ["2026-12-03T14:00:00+07:00"]
    told = [line for line in _check(root, NOW) if line.startswith("content/hen-1.md")]
    assert len(told) == 1 and "chặn phát thanh" in told[0] and "CSĐTTQX" in told[0]


def test_a_week_with_only_a_scheduled_bulletin_still_gets_its_rundown(tmp_path: Path) -> None:
    """Nothing is published for the week yet: the station still gets the episode's rundown
    saying a bulletin joins it, and nothing of that bulletin; but no script (text or Word),
    which held the intro and the closing alone: nothing to read, and printed it could go on
    air as it was (since s68). The rundown says so instead of timing the frame alone."""
    root = make_project(tmp_path, {"content/hen-1.md": FILES["content/hen-1.md"]})
    text, document = _rundowns(root, NOW)
    assert "Tin hẹn giờ: 1 bản tin sẽ vào tập này khi đến giờ đăng, lúc 09:30" in text
    assert "CHƯA CÓ BẢN TIN NÀO: tập này chưa có tin nào để đọc nên chưa có kịch bản" in text
    assert "LOI-CHAO" not in text and "Tổng thời lượng" not in text
    assert document["scheduled"]["count"] == 1
    assert not any(item["key"] for item in document["items"])
    episode._last.clear()
    files = {a.path: a.data for a in radio.render(load_site(config_module.load(root), now=NOW))}
    assert set(files) == {f"{WEEK}/{n}" for n in ("rundown.txt", "rundown.json")}
    for name, data in files.items():
        text = readable(name, data)
        assert SECRET_WORD not in text and "hen-1" not in text, name
    # No "nothing is set to air" note either: the bulletin is.
    assert not any("chưa có bản tin nào" in line for line in _check(root, NOW))


def test_an_extra_broadcast_with_only_a_scheduled_bulletin_is_not_sent_before_it(
    tmp_path: Path,
) -> None:
    """An extra broadcast (Sunday 06/12, off the Saturday slot) that only a scheduled bulletin
    is set for: its folder went to the station days before the bulletin was public, telling of
    a broadcast nothing public is in. It is built once the bulletin is published."""
    extra = f"{WEEK}-2026-12-06"
    files = {
        "content/them.md": _held("2026-12-03 09:30", "Buổi thêm", radio="{air_date: 2026-12-06}")
    }
    root = make_project(tmp_path, files)
    config = config_module.load(root)
    built = {a.path for a in radio.render(load_site(config, now=NOW))}
    assert not any(path.startswith(extra) for path in built), built
    episode._last.clear()
    later = dt.datetime(2026, 12, 3, 10, 0, tzinfo=TZ)
    built = {a.path for a in radio.render(load_site(config, now=later))}
    assert f"{extra}/rundown.txt" in built and "items/them.txt" in built


def test_the_under_length_note_counts_the_scheduled_bulletins(tmp_path: Path) -> None:
    """A short episode that a scheduled bulletin will fill is not short: the editor gets no
    Q9 note, and the rundown does not tell the station to find more bulletins; a scheduled
    bulletin that leaves it short still gets the note, saying it counted it. Checked on
    Thursday morning: a short episode is told only within three days of its broadcast."""
    due = dt.datetime(2026, 12, 3, 9, 0, tzinfo=TZ)
    long = bulletin_md({"date": "2026-12-03 14:00", "title": '"Tin dài"'}, body=SENTENCE * 156)
    root = make_project(
        tmp_path, {"content/da-dang.md": FILES["content/da-dang.md"], "content/dai.md": long}
    )
    assert not any("Q9" in line for line in _check(root, due))
    text, document = _rundowns(root, due)
    assert "Tin hẹn giờ: 1 bản tin" in text and "thiếu" in text  # the verdict stays true
    assert "cần thêm tin" not in text and document["warnings"] == []

    short = bulletin_md({"date": "2026-12-03 14:00", "title": '"Tin ngắn"'}, body=SENTENCE * 10)
    (root / "content/dai.md").write_text(short, "utf-8")
    notes = [line for line in _check(root, due) if "Q9" in line]
    assert len(notes) == 1 and "Tính cả 1 bản tin hẹn giờ sẽ vào tập này" in notes[0]
    assert "Tin ngắn" not in _rundowns(root, due)[0]


def test_a_scheduled_bulletin_with_nothing_to_read_is_not_promised(tmp_path: Path) -> None:
    """The test that leaves a published bulletin out of the episode (here: nothing to read
    aloud) leaves a scheduled one out of the count: they are one test, and cannot drift."""
    photo = bulletin_md({"date": "2026-12-02 09:30", "title": '"Chỉ có ảnh"'}, body="## Hình ảnh\n")
    root = make_project(tmp_path, {**FILES, "content/hen-1.md": photo})
    text, document = _rundowns(root, NOW)
    assert "Tin hẹn giờ: 1 bản tin nữa sẽ vào tập này khi đến giờ đăng, lúc 14:00" in text
    assert document["scheduled"]["count"] == 1
    told = [line for line in _check(root, NOW) if line.startswith("content/hen-1.md")]
    assert len(told) == 1 and "không có câu nào để đọc" in told[0]
