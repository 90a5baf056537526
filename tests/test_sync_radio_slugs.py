"""A rundown item keeps the slug the station has it under (review F3 #1 of session 74).

Slugs are unique within an episode: the first item in running order keeps a slug two items
share and the later ones take a number. Before, a bulletin added after the episode reached the
station that sorted first (an earlier date, a lower `order`), or whose own slug was a numbered
one, renamed an item the station had printed and edited under its slug: the slug radio staff
knew then named another item. The sync records each item's slug (state/radio-rates.json) and
every later build gives it that slug again, and no other item any slug the station has.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import json
import random
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from publish.cli import main
from publish.errors import PublishError
from publish.model import Bulletin
from publish.radio_rates import KeptRates, kept_rates_bytes, load_kept_rates, read_kept_rates
from publish.render.radio.episode import _told_apart, _unique_slugs
from publish.render.radio.items import SLUG_MAX, Segment
from tests.helpers import FIXTURES, snapshot
from tests.station_log import change_log

STATION = "dai-phat-thanh"
WEEK = "2024-W50"
FIRST = "content/bai-viet/2024-12-09-ra-quan-ttatgt-cuoi-nam.md"
TITLE = "Công an huyện ra quân đảm bảo trật tự an toàn giao thông cuối năm"
SLUG = "CAH-RA-QUAN-DAM-BAO"
"""The slug of TITLE (the fixture's lexicon writes «Công an huyện» CAH)."""
RATES = "state/radio-rates.json"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A fresh copy of the radio fixture project (two bulletins on air in 2024-W50)."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    return target


def sync(root: Path, now: str) -> None:
    """`publish sync radio` at `now` (which records the slugs the station was sent)."""
    assert main(["sync", "radio", "--root", str(root), "--now", now]) == 0


def add(root: Path, key: str, date: str, radio: str = "", sentences: int = 1) -> None:
    """A new approved radio bulletin `key` with TITLE, published at `date`, its `radio:` block
    holding `radio` (a flow mapping's inside), its body `sentences` sentences long."""
    block = f"radio: {{{radio}}}\n" if radio else ""
    body = " ".join(
        ["Tổ công tác tiếp tục ra quân trên tuyến đường tỉnh, nhắc người dân đội mũ bảo hiểm."]
        * sentences
    )
    (root / f"content/bai-viet/{date[:10]}-{key}.md").write_text(
        f'---\nid: "{key}"\ntitle: "{TITLE}"\ndate: {date}\ncategory: an-ninh-trat-tu\n'
        f'summary: "Ra quân tiếp."\napproved_by: "Thượng tá Nguyễn Văn Hùng"\n{block}---\n\n'
        f"{body}\n",
        "utf-8",
    )


def slugs(folder: Path) -> dict[str, str]:
    """Item key → slug, as the episode's rundown.json in `folder` lists them."""
    document = json.loads((folder / WEEK / "rundown.json").read_text("utf-8"))
    return {row["key"]: row["slug"] for row in document["items"] if row["key"]}


def first_line(path: Path) -> str:
    """The first line of a station text file (its header: the slug first)."""
    return path.read_text("utf-8-sig").splitlines()[0]


def rundown_names(path: Path, slug: str) -> bool:
    """Whether the station's rundown.txt at `path` shows `slug` as a row's name, followed by
    TITLE's first word (slug and title share the indented line under each row)."""
    return any(
        line.split()[:2] == [slug, "Công"] for line in path.read_text("utf-8-sig").splitlines()
    )


def clean_and_incremental(root: Path, now: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """output/radio of a build at `now` from the project's .cache/ and output/, then of a build
    from neither: the same state/ read by both."""
    assert main(["build", "--root", str(root), "--now", now]) == 0
    incremental = snapshot(root / "output/radio")
    shutil.rmtree(root / ".cache")
    shutil.rmtree(root / "output")
    assert main(["build", "--root", str(root), "--now", now]) == 0
    return incremental, snapshot(root / "output/radio")


def test_an_item_the_station_has_keeps_its_slug_when_a_new_one_sorts_first(root: Path) -> None:
    """A bulletin with the same title, published a day earlier, sorts first: it took the plain
    slug and the station's item became …-2, its script sent again as a revision («Thay tin»).
    Now the item keeps its slug in rundown.txt, rundown.json and its script, which is not sent
    again; the new item takes the number."""
    sync(root, "2024-12-12T12:00")
    station = root / STATION
    item = station / "items/ra-quan-ttatgt-cuoi-nam.txt"
    sent = item.read_bytes()
    assert slugs(station)["ra-quan-ttatgt-cuoi-nam"] == SLUG
    add(root, "ra-quan-dot-hai", "2024-12-08 08:00")
    sync(root, "2024-12-12T13:00")
    known = slugs(station)
    assert known["ra-quan-ttatgt-cuoi-nam"] == SLUG
    assert known["ra-quan-dot-hai"] == f"{SLUG}-2"
    order = list(known)
    assert order.index("ra-quan-dot-hai") < order.index("ra-quan-ttatgt-cuoi-nam")  # sorts first
    assert item.read_bytes() == sent  # not replaced: no «SỬA LẦN» to reprint
    assert first_line(item).split()[0] == SLUG
    assert first_line(station / "items/ra-quan-dot-hai.txt").split()[0] == f"{SLUG}-2"
    rundown = station / WEEK / "rundown.txt"
    assert rundown_names(rundown, SLUG) and rundown_names(rundown, f"{SLUG}-2")
    log = change_log((station / WEEK / "THAY-DOI.txt").read_bytes())
    assert "Thêm tin" in log and "(items/ra-quan-dot-hai.txt)" in log
    assert "items/ra-quan-ttatgt-cuoi-nam.txt" not in log
    incremental, clean = clean_and_incremental(root, "2024-12-12T13:05")
    assert incremental == clean
    assert slugs(root / "output/radio") == known


def test_a_new_item_whose_own_slug_is_a_numbered_one_takes_another(root: Path) -> None:
    """The station has SLUG and SLUG-2 (two bulletins with one title); a bulletin whose editor
    wrote SLUG-2 as its own slug, sorting first, took it, and the station's SLUG-2 became
    SLUG-3. Now the station's two keep theirs and the new one is numbered."""
    add(root, "ra-quan-dot-hai", "2024-12-10 08:00")
    sync(root, "2024-12-12T12:00")
    station = root / STATION
    before = slugs(station)
    assert before["ra-quan-ttatgt-cuoi-nam"] == SLUG
    assert before["ra-quan-dot-hai"] == f"{SLUG}-2"
    add(root, "ra-quan-dot-ba", "2024-12-08 08:00", radio=f"slug: {SLUG}-2")
    sync(root, "2024-12-12T13:00")
    after = slugs(station)
    assert {key: after[key] for key in before} == before
    assert after["ra-quan-dot-ba"] not in before.values()
    assert after["ra-quan-dot-ba"].startswith(f"{SLUG}-2")  # its own, told apart by a number
    assert first_line(station / "items/ra-quan-dot-hai.txt").split()[0] == f"{SLUG}-2"
    incremental, clean = clean_and_incremental(root, "2024-12-12T13:05")
    assert incremental == clean


def test_a_withdrawn_items_slug_is_not_given_to_another_and_comes_back_with_it(
    root: Path,
) -> None:
    """The station keeps a withdrawn bulletin's script in _rut-lai/, under its slug, and its
    printed rundown names it: a new bulletin with the same title takes a number, not that
    slug; the withdrawn one, published again, is named as the station knew it."""
    sync(root, "2024-12-12T12:00")
    station = root / STATION
    path = root / FIRST
    text = path.read_text("utf-8")
    path.write_text(text.replace("approved_by:", "draft: true\napproved_by:", 1), "utf-8")
    sync(root, "2024-12-12T13:00")
    assert first_line(station / "_rut-lai/items/ra-quan-ttatgt-cuoi-nam.txt").split()[0] == SLUG
    add(root, "ra-quan-dot-hai", "2024-12-10 08:00")
    sync(root, "2024-12-12T14:00")
    assert slugs(station)["ra-quan-dot-hai"] == f"{SLUG}-2"
    path.write_text(text, "utf-8")
    sync(root, "2024-12-12T15:00")
    assert slugs(station) == {
        "ra-quan-ttatgt-cuoi-nam": SLUG,
        "ra-quan-dot-hai": f"{SLUG}-2",
        "canh-bao-lua-dao-shipper": "CANH-BAO-LUA-DAO-GIA",
    }
    incremental, clean = clean_and_incremental(root, "2024-12-12T15:05")
    assert incremental == clean


def check(root: Path, now: str, capsys: pytest.CaptureFixture[str]) -> str:
    """What `publish check` at `now` reports (it finds no error)."""
    capsys.readouterr()
    assert main(["check", "--root", str(root), "--now", now]) == 0
    out, err = capsys.readouterr()
    return " ".join((out + err).split())


def own_slug(root: Path, slug: str) -> None:
    """FIRST with `radio.slug` set to `slug`."""
    path = root / FIRST
    text = path.read_text("utf-8")
    path.write_text(text.replace("radio:\n", f"radio:\n  slug: {slug}\n", 1), "utf-8")


def test_an_editor_who_changes_radio_slug_after_the_sync_is_told_the_station_keeps_its_own(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A `radio.slug` written after the episode reached the station does not rename its item
    there (radio staff printed and annotated it): the editor is warned, on the field's line,
    which slug the station has and that theirs is for later episodes; the rundown keeps it."""
    sync(root, "2024-12-12T12:00")
    own_slug(root, "Ra quân cuối năm")
    said = check(root, "2024-12-12T13:00", capsys)
    assert (
        f"{FIRST}:9: cảnh báo: trường 'radio.slug': tập phát 17:00, Thứ Bảy, 14/12/2024 giữ slug "
        f"{SLUG} mà đài đã nhận cho tin này (cán bộ đài in và ghi chú theo slug ấy); slug "
        "RA-QUAN-CUOI-NAM ghi ở radio.slug chỉ dùng cho các tập phát sau Cách sửa: Muốn hết cảnh "
        f"báo này thì ghi lại radio.slug: {SLUG} (hoặc bỏ radio.slug); cần đài gọi tin bằng slug "
        "mới ngay trong tập này thì báo cán bộ đài."
    ) in said
    sync(root, "2024-12-12T13:00")
    assert slugs(root / STATION)["ra-quan-ttatgt-cuoi-nam"] == SLUG
    assert "radio.slug" not in check(root, "2024-12-14T17:30", capsys)  # aired: nothing to do


def test_a_radio_slug_the_station_has_or_has_numbered_is_not_warned_of(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No warning when the item is sent under its `radio.slug`, before a sync or after it, or
    under that slug told apart by a number from another item's."""
    add(root, "ra-quan-dot-hai", "2024-12-10 08:00", f"slug: {SLUG}")  # sorts after FIRST
    own_slug(root, "CAH ra quân đảm bảo")  # written otherwise, the same slug
    assert "radio.slug" not in check(root, "2024-12-12T12:00", capsys)
    sync(root, "2024-12-12T12:00")
    assert slugs(root / STATION) == {
        "ra-quan-ttatgt-cuoi-nam": SLUG,
        "ra-quan-dot-hai": f"{SLUG}-2",
        "canh-bao-lua-dao-shipper": "CANH-BAO-LUA-DAO-GIA",
    }
    assert "radio.slug" not in check(root, "2024-12-12T13:00", capsys)


@pytest.mark.parametrize(
    ("slug", "own", "told"),
    [
        (SLUG, SLUG, True),
        (f"{SLUG}-2", SLUG, True),
        (f"{SLUG}-12", SLUG, True),
        ("TIN-ANTT-TUAN-THU-BA-2", "TIN-ANTT-TUAN-THU-BA-SO", True),  # cut to make room
        (f"{SLUG}-1", SLUG, False),
        (f"{SLUG}-02", SLUG, False),  # _unique_slugs writes -2: an earlier slug of the editor's
        (f"{SLUG}-X", SLUG, False),
        (f"{SLUG}-2", "CAH-RA-QUAN", False),
        ("CAH-RA-QUAN-2", SLUG, False),
    ],
)
def test_a_slug_told_apart_by_a_number_is_the_editors_own(slug: str, own: str, told: bool) -> None:
    """The numbered forms of an editor's slug are those `_unique_slugs` gives: -2, -3… after it,
    cut between words when the number leaves no room."""
    assert _told_apart(slug, own) is told


def test_without_a_record_of_slugs_the_first_in_order_takes_the_plain_slug(root: Path) -> None:
    """A new unit (no state/), or a record written before slugs were kept: as before, the
    first item in running order has the plain slug; only a sync's record pins them."""
    add(root, "ra-quan-dot-hai", "2024-12-08 08:00")
    assert main(["build", "--root", str(root), "--now", "2024-12-12T12:00"]) == 0
    assert slugs(root / "output/radio") == {
        "ra-quan-dot-hai": SLUG,
        "ra-quan-ttatgt-cuoi-nam": f"{SLUG}-2",
        "canh-bao-lua-dao-shipper": "CANH-BAO-LUA-DAO-GIA",
    }


def q9(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The Q9 (episode timing) lines of the report printed since the last call."""
    out, err = capsys.readouterr()
    return [line for line in (out + err).splitlines() if "Q9" in line]


def test_the_timing_note_names_items_alike_before_and_after_a_sync_replayed_or_fresh(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The editor is told of an episode as it will air, a scheduled bulletin in it: when that
    one sorts first (`order: 1`) and shares a title, the Q9 note names the items by slug.
    Those slugs followed running order until a sync recorded the rundown's (the published
    items'), then pinned them: the build after the sync, replayed (the record changed only for
    an episode to come), repeated the old names while a fresh build gave others. Now the note
    names each item as the rundown sent to the station does, before the sync and after it."""
    add(root, "ra-quan-dot-hai", "2024-12-10 08:00", "floatable: true", sentences=12)
    add(root, "ra-quan-hen-gio", "2024-12-13 08:00", "floatable: true, order: 1", sentences=12)
    now = "2024-12-12T12:00"
    assert main(["build", "--root", str(root), "--now", now]) == 0
    before = q9(capsys)
    sync(root, now)
    capsys.readouterr()
    assert main(["build", "--root", str(root), "--now", now]) == 0
    out, err = capsys.readouterr()
    assert "Không có gì thay đổi kể từ lần dựng trước" in out + err  # replayed
    replayed = [line for line in (out + err).splitlines() if "Q9" in line]
    shutil.rmtree(root / ".cache")
    shutil.rmtree(root / "output")
    assert main(["build", "--root", str(root), "--now", now]) == 0
    fresh = q9(capsys)
    sent = slugs(root / STATION)["ra-quan-dot-hai"]
    assert sent == f"{SLUG}-2"  # the station's: FIRST, published before it, has SLUG
    assert len(fresh) == 1 and f", {sent}) cùng nhạc cắt" in fresh[0]  # suggested to drop
    assert before == replayed == fresh


def test_the_record_keeps_slugs_only_when_there_are_some(tmp_path: Path) -> None:
    """Slugs round-trip through state/radio-rates.json; a record without them keeps the bytes
    an earlier version wrote; a slug that is not text is a damaged file, told in Vietnamese as
    any slug no build gives: the item, the episode and a slug's form (it was told only «không
    đúng dạng», as if the whole file were of no known shape)."""
    air = dt.datetime(2024, 12, 14, 17, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    plain = KeptRates(air, 240, {"PTV Hương": 240}, frozenset({"a"}))
    named = KeptRates(air, 240, {}, frozenset({"a"}), slugs={"a": SLUG, "b": f"{SLUG}-2"})
    path = tmp_path / "radio-rates.json"
    path.write_bytes(kept_rates_bytes({WEEK: plain, "2024-W51": named}))
    document = json.loads(path.read_text("utf-8"))
    assert "slugs" not in document["episodes"][WEEK]
    assert load_kept_rates(path) == {WEEK: plain, "2024-W51": named}
    document["episodes"]["2024-W51"]["slugs"]["b"] = 2
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(PublishError) as raised:
        read_kept_rates(path)
    assert (
        "không đọc được radio-rates.json trong state/ (slug của tin «b» ở tập 2024-W51 không "
        "đúng dạng: slug chỉ gồm chữ in hoa không dấu"
    ) in str(raised.value)


@pytest.mark.parametrize(
    "slug", ["X" * (SLUG_MAX + 1), "lower case", "CAH RA", "CÔNG-AN", "CAH--RA", "-CAH", ""]
)
def test_a_recorded_slug_the_build_could_not_give_is_a_damaged_file(
    root: Path, slug: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A slug hand-edited in state/radio-rates.json into a form make_slug never gives (too
    long, lower case, a space, a mark, an empty word) would be pinned and sent to the station:
    every command stops and names the item, the episode and the form a slug has."""
    sync(root, "2024-12-12T12:00")
    path = root / RATES
    document = json.loads(path.read_text("utf-8"))
    record = document["episodes"][WEEK]["slugs"]
    assert record["ra-quan-ttatgt-cuoi-nam"] == SLUG
    record["ra-quan-ttatgt-cuoi-nam"] = slug
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    capsys.readouterr()
    assert main(["build", "--root", str(root), "--now", "2024-12-12T13:00"]) != 0
    _out, err = capsys.readouterr()
    assert (
        f"không đọc được radio-rates.json trong state/ (slug của tin «ra-quan-ttatgt-cuoi-nam» ở "
        f"tập {WEEK} không đúng dạng: slug chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch "
        f"ngang (-), tối đa {SLUG_MAX} ký tự, ví dụ CAH-RA-QUAN-DAM-BAO). Lấy lại bản tốt"
    ) in " ".join(err.split())


def test_a_recorded_slug_of_every_form_the_build_gives_is_read(tmp_path: Path) -> None:
    """The check of recorded slugs refuses none the build gives: a slug as long as allowed,
    numbered, cut within a first word too long for it, or all digits."""
    air = dt.datetime(2024, 12, 14, 17, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    forms = ["X" * SLUG_MAX, "TIN-ANTT-TUAN-THU-BA-12", "CHONGLUADAOTRUCTUYENKHON", "113"]
    named = KeptRates(air, 240, {}, frozenset(), slugs={f"k{n}": v for n, v in enumerate(forms)})
    path = tmp_path / "radio-rates.json"
    path.write_bytes(kept_rates_bytes({WEEK: named}))
    assert load_kept_rates(path) == {WEEK: named}


def item(key: str, slug: str, numbered: str = "") -> Segment:
    """A read bulletin item `key` whose own slug is `slug` (before the episode makes it unique)."""
    bulletin = cast(Bulletin, SimpleNamespace(key=key))
    return Segment("read", slug, "Tin", 10, numbered=numbered, bulletin=bulletin)


def test_a_build_given_the_slugs_it_gave_gives_them_again() -> None:
    """What lets the sync's record of slugs leave the build as it was (radio_rates.builds_alike,
    the next command replays): an episode laid out with a record of slugs, then with that record
    plus the slugs it gave any of its items, has the same slugs. Every record keeps an item's
    slug and gives no other item one of its slugs; read items' slugs stay unique and in 24
    characters."""
    shapes = [("TIN-ANTT-TUAN-THU-BA-SO", "TIN-ANTT-TUAN-THU-BA-1"), ("LOI-CHAO", "")]
    shapes += [(SLUG, ""), (f"{SLUG}-2", ""), (f"{SLUG}-3", ""), ("CAH-RA-QUAN-DAM-BAO-CUOI", "")]
    shapes += [("TIN-ANTT-TUAN-THU-BA-SO", f"TIN-ANTT-TUAN-THU-BA-{n}") for n in (2, 3, 12)]
    chance = random.Random(75)
    for _ in range(400):
        frame = Segment("read", "LOI-CHAO", "Lời dẫn", 5)
        cue = Segment("fixed", "NHAC-CAT", "Nhạc cắt", 5)
        items = [item(f"k{n}", *chance.choice(shapes)) for n in range(chance.randint(1, 7))]
        segments = [frame, *[s for i in items for s in (cue, i)][1:]]
        pool = [*sorted({s for pair in shapes for s in pair if s}), f"{SLUG}-4", "CU-DA-RUT"]
        keys = [*(i.bulletin.key for i in items if i.bulletin), "rut-1", "rut-2"]
        record = dict(
            zip(
                chance.sample(keys, chance.randint(0, len(keys))),
                chance.sample(pool, len(pool)),
                strict=False,
            )
        )
        laid = _unique_slugs(segments, record)
        given = {s.bulletin.key: s.slug for s in laid if s.bulletin is not None}
        read = [s.slug for s in laid if s.kind == "read"]
        assert len(set(read)) == len(read) and all(len(s) <= SLUG_MAX for s in read)
        for key, slug in given.items():
            assert slug == record[key] if key in record else slug not in record.values()
        synced = {
            **record,
            **dict(chance.sample(sorted(given.items()), chance.randint(0, len(given)))),
        }
        assert _unique_slugs(segments, synced) == laid
        assert [dataclasses.replace(s, slug="") for s in laid] == [
            dataclasses.replace(s, slug="") for s in segments
        ]


def test_a_rundown_row_with_a_slug_no_build_gives_is_not_recorded(tmp_path: Path) -> None:
    """A hand-edited rundown.json (a slug in lower case, a row without one) records the rest of
    the episode: recorded, the bad slug would make every later command refuse the record."""
    from publish.radio_rates import upcoming_rates

    folder = tmp_path / "2024-W50"
    folder.mkdir()
    row = {"reader": "", "rate_spm": 0, "duration_mode": "fixed"}
    items = [
        {**row, "key": "a", "slug": "TIN-A"},
        {**row, "key": "b", "slug": "tin b"},
        {**row, "key": "c"},
    ]
    document = {"air_start": "2024-12-14T17:00:00+07:00", "rate_spm": 240, "items": items}
    (folder / "rundown.json").write_text(json.dumps(document), encoding="utf-8")
    now = dt.datetime(2024, 12, 12, 12, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    record = upcoming_rates(tmp_path, {}, now)["2024-W50"]
    assert record.slugs == {"a": "TIN-A"}
    assert record.bulletins == {"a", "b", "c"}
    path = tmp_path / "radio-rates.json"
    path.write_bytes(kept_rates_bytes(upcoming_rates(tmp_path, {}, now)))
    assert load_kept_rates(path)["2024-W50"].slugs == {"a": "TIN-A"}  # read back, no refusal


def test_a_rates_file_unread_for_too_many_open_files_is_not_told_as_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As state/web-urls.json (QA, session 77): restoring or deleting the file would not help."""
    path = tmp_path / "radio-rates.json"
    path.write_bytes(kept_rates_bytes({}))

    def refusing(_path: Path) -> bytes:
        raise OSError(errno.EMFILE, "Too many open files", str(_path))

    monkeypatch.setattr(Path, "read_bytes", refusing)
    with pytest.raises(PublishError) as raised:
        read_kept_rates(path)
    said = str(raised.value)
    assert said.startswith(
        "không đọc được radio-rates.json trong state/ (mở quá nhiều tệp cùng lúc). Cách sửa: "
    )
    assert "`ulimit -n 4096`" in said and "Lấy lại bản tốt" not in said
