"""A correction to a bulletin that already aired is read on air in a later episode: an item of
its own, with its own key, in the first episode still to come at or after the correction."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

from publish import config as config_module
from publish import correction_text
from publish.cli import resolve_now
from publish.model import Bulletin
from publish.pipeline import build
from publish.render.radio.layout import END_MARK, WIDTH
from publish.sync import radio as radio_sync
from publish.sync.base import THEIRS, Action, unconfirmed
from publish.sync.radio_guide import GUIDE_NAME
from publish.writer import write
from tests.helpers import FIXTURES, snapshot
from tests.test_sync_radio import FIRST, ITEM, STATION, edit, sync_command

SENT = "2024-12-12T12:00"
"""Before the fixture's episode (Saturday 14/12/2024, 17:00): its scripts reach the station."""
CORRECTED = "2024-12-16T12:00"
"""After it aired: the bulletin is corrected on Monday."""
NEXT_AIRED = "2024-12-23T12:00"
"""After the episode of Saturday 21/12/2024 aired too."""
CORRECTION_ITEM = "items/ra-quan-ttatgt-cuoi-nam#dinh-chinh-52bd62c7.txt"
READ = (
    "Đính chính: Trong chương trình ngày mười bốn tháng mười hai năm hai nghìn không trăm hai "
    "mươi tư, chúng tôi đã đưa tin “Công an huyện ra quân đảm bảo trật tự an toàn giao thông "
    "cuối năm”. Sửa số đường dây nóng: đúng là không chín một hai, ba bốn năm, sáu bảy chín."
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The radio fixture project."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    return target


def correct(
    root: Path, date: str, note: str = "Sửa số đường dây nóng: đúng là 0912.345.679."
) -> None:
    """Give the first bulletin a correction (and its corrected text)."""
    edit(root / FIRST, "0912.345.678", "0912.345.679")
    edit(
        root / FIRST,
        "approved_by:",
        f'corrections:\n  - date: {date}\n    note: "{note}"\napproved_by:',
    )


def spoken(item: str) -> str:
    """The text read aloud in an item script (below its header's rule, above the end mark)."""
    body = item.split("-" * WIDTH, 1)[1]
    return " ".join(line for line in body.splitlines() if line.strip() and "HẾT TIN" not in line)


def test_a_correction_after_the_broadcast_is_read_in_the_next_episode(root: Path) -> None:
    """README told editors to write a new bulletin by hand for listeners of the old version:
    the correction was on the website and Zalo, and never on air. Now the next episode reads
    it; the aired episode and the aired item at the station are left as they were."""
    assert sync_command(root, SENT) == 0
    station = root / STATION
    aired = {p: d for p, d in snapshot(station).items() if p != GUIDE_NAME}  # the guide: news
    correct(root, "2024-12-16 09:00")
    assert sync_command(root, CORRECTED) == 0
    now = snapshot(station)
    assert {p: d for p, d in now.items() if p in aired} == aired  # the aired files untouched
    assert sorted(set(now) - set(aired) - {GUIDE_NAME}) == sorted(
        [
            CORRECTION_ITEM,
            *(
                f"2024-W51/{n}"
                for n in ("rundown.json", "rundown.txt", "script.docx", "script.txt")
            ),
        ]
    )
    item = now[CORRECTION_ITEM].decode("utf-8-sig")
    assert item.startswith("DINH-CHINH-") and "Đính chính | Đọc: PTV Hương | Ước tính 0:14" in item
    assert spoken(item.replace("\r\n", "\n")) == READ
    rundown = now["2024-W51/rundown.txt"].decode("utf-8-sig")
    [row] = [line for line in rundown.splitlines() if line.startswith("A3 ")]
    assert row.split()[1:4] == ["Đính", "chính", "56"] and "0:14" in row
    document = json.loads(now["2024-W51/rundown.json"])
    [entry] = [i for i in document["items"] if i["key"]]
    assert (entry["key"], entry["type"], entry["floatable"]) == (
        "ra-quan-ttatgt-cuoi-nam#dinh-chinh-52bd62c7",
        "Đính chính",
        False,
    )
    # Synced again: nothing to write. Once that episode aired, the item stays in it (its own
    # key in state/radio-rates.json), never moved to the week after and sent again.
    assert sync_command(root, "2024-12-16T12:30") == 0
    assert snapshot(station) == now
    assert sync_command(root, NEXT_AIRED) == 0
    assert snapshot(station) == now
    kept = json.loads((root / "state/radio-rates.json").read_text("utf-8"))["episodes"]
    assert kept["2024-W50"]["bulletins"] == ["canh-bao-lua-dao-shipper", "ra-quan-ttatgt-cuoi-nam"]
    assert kept["2024-W51"]["bulletins"] == ["ra-quan-ttatgt-cuoi-nam#dinh-chinh-52bd62c7"]
    assert sorted(p.name for p in (root / "output/radio").iterdir()) == [
        "2024-W50",
        "2024-W51",
        "items",
    ]


def test_a_correction_row_keeps_the_rundown_columns_in_line(root: Path) -> None:
    """«Đính chính» is one letter wider than the type column was (9): its row's duration, cume,
    on-air time and backtime stood one place right of every other row's on the printed sheet."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    assert sync_command(root, CORRECTED) == 0
    rundown = (root / STATION / "2024-W51/rundown.txt").read_text("utf-8-sig").splitlines()
    header = next(line for line in rundown if line.startswith("Số "))
    rows = [line for line in rundown if line[:1] == "A" and line[1:2].isdigit()]
    assert any("Đính chính" in row for row in rows) and len(rows) > 3
    # Each right-aligned column ends where its heading ends, on every row.
    for heading in ("Âm tiết", "Thời lượng", "Tích lũy", "Lên sóng", "Hạn bắt đầu"):
        end = header.index(heading) + len(heading)
        assert {row[end - 1] != " " and row[end : end + 1] in ("", " ") for row in rows} == {True}


def test_a_correction_item_ends_with_the_end_mark_as_every_news_item(root: Path) -> None:
    """S7: every item a bulletin gives ends with «— HẾT TIN —» right under its text; the
    correction item had none, in its file, the script and the Word script alike, so the reader
    went on from it to the closing words with no mark that the item was over."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    assert sync_command(root, CORRECTED) == 0
    station = root / STATION
    item = (station / CORRECTION_ITEM).read_text("utf-8-sig").rstrip("\n").splitlines()
    assert item[-1] == END_MARK.rjust(WIDTH) and "Đính chính:" in item[-3]
    script = (station / "2024-W51/script.txt").read_text("utf-8-sig").split("\n[A")
    [correction] = [page for page in script if "DINH-CHINH-" in page.split("\n", 1)[0]]
    assert END_MARK.rjust(WIDTH) in correction.splitlines()
    words = [p.text for p in docx.Document(str(station / "2024-W51/script.docx")).paragraphs]
    told = next(i for i, text in enumerate(words) if text.startswith("Đính chính: Trong"))
    assert words[told + 1] == END_MARK


def test_a_correction_made_before_the_broadcast_is_not_read_again(root: Path) -> None:
    """The episode aired with the corrected script (sent again before its air time): its
    listeners heard no earlier version to be told of."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-13 09:00")
    assert sync_command(root, "2024-12-13T12:00") == 0
    assert sync_command(root, CORRECTED) == 0
    assert not (root / STATION / CORRECTION_ITEM).exists()
    assert not (root / "output/radio" / CORRECTION_ITEM).exists()
    assert "0912.345.679" not in (root / STATION / ITEM).read_text("utf-8-sig")  # spoken form
    assert "sáu bảy chín" in (root / STATION / ITEM).read_text("utf-8-sig")


def built_radio(root: Path, now: str) -> tuple[dict[str, bytes], list[str]]:
    """Build the radio channel alone (no sync): the output, and the problems told."""
    config = config_module.load(root)
    result = build(config, channels=("radio",), now=resolve_now(now, config.tz))
    write(result.artifacts, root / "output", ("radio",))
    told = [f"{p.where} {p.field} {p.message}" for p in result.warnings]
    return snapshot(root / "output/radio"), told


def test_a_correction_never_sent_goes_to_the_first_episode_still_to_come(root: Path) -> None:
    """No sync before Saturday 21st: the station never had it, so it is read on the 28th."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    output, _problems = built_radio(root, CORRECTED)
    assert "ra-quan-ttatgt-cuoi-nam#dinh-chinh-52bd62c7" in output["2024-W51/rundown.json"].decode()
    output, _problems = built_radio(root, NEXT_AIRED)
    assert "ra-quan-ttatgt-cuoi-nam#dinh-chinh-52bd62c7" in output["2024-W52/rundown.json"].decode()
    assert "2024-W51/rundown.json" not in output


def test_a_correction_that_cannot_be_read_aloud_is_held_and_told(root: Path) -> None:
    """An unknown abbreviation in the note is never spelled on air: the editor is told of the
    correction's note (file, field), and no item goes to the station."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00", note="Sửa tên đơn vị: đúng là Đội XQZV.")
    output, problems = built_radio(root, CORRECTED)
    assert CORRECTION_ITEM not in output
    [told] = [p for p in problems if "lời đính chính thứ 1" in p]
    assert told.startswith(f"{FIRST}:") and "corrections.1.note" in told and "XQZV" in told


def test_a_finding_in_a_correction_read_on_air_names_its_note(root: Path) -> None:
    """A note on the text of a correction read on air was told «trong thân bài», and its
    rundown.json finding named no field and no line: the text is the correction's note (and the
    title it quotes), written at the correction's line, which both now name."""
    assert sync_command(root, SENT) == 0
    note = "Xem chi tiết tại https://congan.example.vn/dinh-chinh."
    correct(root, "2024-12-16 09:00", note=note)
    output, problems = built_radio(root, CORRECTED)
    at = next(
        n
        for n, line in enumerate((root / FIRST).read_text("utf-8").splitlines(), 1)
        if line.startswith("  - date: 2024-12-16")
    )
    [item] = [
        i
        for i in json.loads(output["2024-W51/rundown.json"])["items"]
        if "#dinh-chinh" in (i["key"] or "")
    ]
    assert [(f["field"], f["line"]) for f in item["flags"]] == [("corrections.1.note", at)]
    [told] = [p for p in problems if "congan.example.vn/dinh-chinh" in p]
    assert told.startswith(f"{FIRST}:{at} corrections.1.note phát thanh:"), told
    assert "trong thân bài" not in told


def test_a_correction_taken_back_before_its_episode_is_withdrawn_with_why(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The plan names the item by its title, and the note left for the station says the unit
    dropped the correction (not that the bulletin was deleted), without the field the editor
    reads of in the plan."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    capsys.readouterr()
    assert sync_command(root, CORRECTED) == 0
    plan = capsys.readouterr().out
    assert f"{CORRECTION_ITEM} «Đính chính: Công an huyện ra quân" in plan
    edit(
        root / FIRST,
        "corrections:\n  - date: 2024-12-16 09:00",
        "x_ghi_chu:\n  - date: 2024-12-16 09:00",
    )
    assert sync_command(root, "2024-12-17T12:00") == 0
    assert "lần đính chính này không còn trong mục corrections của bản tin" in (
        capsys.readouterr().out
    )
    station = root / STATION
    assert not (station / CORRECTION_ITEM).exists()
    notes = [p.read_text("utf-8-sig") for p in (station / "_rut-lai").rglob("*.txt")]
    assert any("Lý do: đơn vị đã bỏ lời đính chính này." in n for n in notes)
    assert not any("corrections" in n for n in notes)


def test_a_correction_is_told_even_when_the_corrected_text_is_held(root: Path) -> None:
    """The corrected text has an abbreviation the dictionary lacks: the bulletin is held back,
    but its listeners heard the old version and the correction's own text reads well."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    edit(root / FIRST, "tổ chức ra quân", "tổ chức XQZV ra quân")
    output, problems = built_radio(root, CORRECTED)
    assert CORRECTION_ITEM in output and any("XQZV" in p for p in problems)


def owed_items(output: dict[str, bytes]) -> list[str]:
    """The correction items of the first bulletin in a built radio output."""
    return [p for p in output if p.startswith("items/ra-quan-ttatgt-cuoi-nam#dinh-chinh-")]


def test_a_correction_dated_by_day_alone_on_the_broadcast_day_is_read(root: Path) -> None:
    """«date: 2024-12-14» is that day's 00:00, before the 17:00 broadcast: it was taken as in the
    script read then, and never told. What the station was sent decides, not the date."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-14")
    output, _problems = built_radio(root, CORRECTED)
    assert len(owed_items(output)) == 1


def test_a_correction_made_before_the_broadcast_but_never_sent_is_read(root: Path) -> None:
    """Corrected on Friday with no sync before Saturday's broadcast: the station read the old
    script, so its listeners are told, although the correction is dated before the air time."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-13 09:00")
    output, _problems = built_radio(root, CORRECTED)
    [item] = owed_items(output)
    assert "sáu bảy chín" in output[item].decode("utf-8-sig")


def test_a_record_written_before_it_kept_what_was_sent_counts_a_day_alone_on_its_day(
    root: Path,
) -> None:
    """An older state/radio-rates.json (no `sent`) falls back to the dates, a day alone counting
    for the whole day of the broadcast."""
    assert sync_command(root, SENT) == 0
    path = root / "state/radio-rates.json"
    data = json.loads(path.read_text("utf-8"))
    for entry in data["episodes"].values():
        assert entry.pop("sent")
    path.write_text(json.dumps(data), "utf-8")
    correct(root, "2024-12-14")
    output, _problems = built_radio(root, CORRECTED)
    assert len(owed_items(output)) == 1


def test_a_correction_no_record_can_place_is_told_to_the_editor(root: Path) -> None:
    """No record says what aired (never synced, or too old): no item can be made, and the editor
    is told to tell the station, instead of the correction being dropped silently."""
    correct(root, "2024-12-16 09:00")
    output, problems = built_radio(root, CORRECTED)
    assert not owed_items(output)
    [told] = [p for p in problems if "không tự thêm tin «Đính chính»" in p]
    assert told.startswith(f"{FIRST}:") and "corrections.1.date" in told


def test_a_correction_by_day_alone_on_the_broadcast_day_no_record_places_is_told(
    root: Path,
) -> None:
    """«date: 2024-12-14», the broadcast day, and no record of what aired: the editor is told
    until the next episode, not only until that evening's, which had aired by the Monday."""
    correct(root, "2024-12-14")
    output, problems = built_radio(root, CORRECTED)
    assert not owed_items(output)
    assert any("không tự thêm tin «Đính chính»" in p for p in problems)


def test_a_correction_of_a_bulletin_expired_by_then_is_not_read(root: Path) -> None:
    """Withdrawn everywhere before the episode that would tell it: no item, and a warning."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    edit(root / FIRST, "approved_by:", "expires: 2024-12-20 12:00\napproved_by:")
    output, problems = built_radio(root, CORRECTED)
    assert not owed_items(output)
    assert any("không được đọc trên sóng" in p and "hết hạn" in p for p in problems)


def test_the_item_quotes_the_title_as_it_is_now(root: Path) -> None:
    """The title sent is in no gate's sight: a name taken out of the title since (a child's) was
    read again inside «chúng tôi đã đưa tin “…”». The item quotes the title that passed them."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    edit(root / FIRST, 'giao thông cuối năm"', 'giao thông"')
    output, _problems = built_radio(root, CORRECTED)
    [item] = owed_items(output)
    text = spoken(output[item].decode("utf-8-sig").replace("\r\n", "\n"))
    assert "“Công an huyện ra quân đảm bảo trật tự an toàn giao thông”" in text
    assert "cuối năm" not in text


def corrected(root: Path) -> Bulletin:
    """The fixture's corrected bulletin, as loaded."""
    config = config_module.load(root)
    result = build(config, channels=("radio",), now=resolve_now(CORRECTED, config.tz))
    [bulletin] = [b for b in result.site.bulletins if b.corrections]
    return bulletin


def aired_correction(
    root: Path, note: str = "Sửa số đường dây nóng: đúng là 0912.345.679."
) -> None:
    """Sync the fixture, correct it on Monday, sync again: the item airs on Saturday 21st."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00", note)
    assert sync_command(root, CORRECTED) == 0


def rekey_aired(root: Path, new: str, *, keep_sent: bool = True) -> None:
    """Rewrite state/radio-rates.json as an older version wrote it: the correction item of the
    episode of the 21st keyed `new`, and (`keep_sent` false) no `sent` anywhere."""
    path = root / "state/radio-rates.json"
    data = json.loads(path.read_text("utf-8"))
    episode = data["episodes"]["2024-W51"]
    [old] = episode["bulletins"]
    episode["bulletins"] = [f"ra-quan-ttatgt-cuoi-nam#dinh-chinh-{new}"]
    assert old.startswith("ra-quan-ttatgt-cuoi-nam#dinh-chinh-")
    for entry in data["episodes"].values():
        if not keep_sent:
            entry.pop("sent", None)
    path.write_text(json.dumps(data), "utf-8")


def test_an_item_keyed_by_place_that_aired_is_not_read_again(root: Path) -> None:
    """A version between kept `<key>#dinh-chinh-1` (the first correction) in the record of the
    episode the item aired in: after upgrading, the item keyed by the id was a new one, read again
    the next Saturday. The aired key tells that correction, and stays in its aired episode."""
    aired_correction(root)
    rekey_aired(root, "1", keep_sent=False)
    output, _problems = built_radio(root, NEXT_AIRED)
    assert owed_items(output) == ["items/ra-quan-ttatgt-cuoi-nam#dinh-chinh-1.txt"]
    assert "ra-quan-ttatgt-cuoi-nam#dinh-chinh-1" in output["2024-W51/rundown.json"].decode()
    assert "2024-W52/rundown.json" not in output


def test_a_correction_that_replaced_one_keyed_by_place_after_it_aired_is_read(
    root: Path,
) -> None:
    """The first correction aired as `<key>#dinh-chinh-1`; the editor then replaced it with
    another, dated after that broadcast: the new one, first in the list, was taken for the
    aired item by its place, and its listeners were never told."""
    aired_correction(root)
    rekey_aired(root, "1", keep_sent=False)
    edit(root / FIRST, "date: 2024-12-16 09:00", "date: 2024-12-22 09:00")
    output, _problems = built_radio(root, NEXT_AIRED)
    [item] = owed_items(output)
    assert item != "items/ra-quan-ttatgt-cuoi-nam#dinh-chinh-1.txt"
    assert item.removesuffix(".txt").removeprefix("items/") in (
        output["2024-W52/rundown.json"].decode()
    )


def test_a_correction_dated_the_day_an_item_keyed_by_place_aired_replaced_it(
    root: Path,
) -> None:
    """`<key>#dinh-chinh-1` aired on Saturday 21st at 17:00; the editor then replaced that
    correction with one dated «2024-12-21» alone: its 00:00 was taken as made before the
    broadcast, so the new one took the aired item's key and was never read."""
    aired_correction(root)
    rekey_aired(root, "1", keep_sent=False)
    edit(root / FIRST, "date: 2024-12-16 09:00", "date: 2024-12-21")
    output, _problems = built_radio(root, NEXT_AIRED)
    [item] = owed_items(output)
    assert item != "items/ra-quan-ttatgt-cuoi-nam#dinh-chinh-1.txt"
    assert item.removesuffix(".txt").removeprefix("items/") in (
        output["2024-W52/rundown.json"].decode()
    )


def test_a_correction_keyed_by_place_is_not_taken_for_an_id() -> None:
    """«1» is a place in the list (of a version before the ids), not an id of 8 hex digits; an
    id of digits alone is an id all the same."""
    assert correction_text.position("k#dinh-chinh-1") == 1
    assert correction_text.position("k#dinh-chinh-12345678") is None
    assert correction_text.position("k#dinh-chinh-01") is None
    assert correction_text.corrected_key("k#dinh-chinh-12345678") == "k"
    assert correction_text.corrected_key("k#dinh-chinh-2") == "k"
    assert correction_text.corrected_key("k#dinh-chinh-0") == "k#dinh-chinh-0"


def test_an_item_keyed_by_place_not_yet_aired_is_withdrawn_as_renamed(root: Path) -> None:
    """Upgraded before the item keyed by place aired: it is withdrawn for the item keyed by the
    id, and the station is told the correction has a new name, not that it is gone."""
    aired_correction(root)
    reasons = withdrawal_reasons(root)
    key = "ra-quan-ttatgt-cuoi-nam#dinh-chinh-1"
    why = radio_sync._bulletin_reason(key, reasons)
    assert why == (
        f"{key}: nay mang tên ra-quan-ttatgt-cuoi-nam#dinh-chinh-52bd62c7 (cùng lần đính chính, "
        "tên mới)"
    )
    told = radio_sync._told(key, withdrawal_reasons(root, station=True))
    assert told == (
        "cùng lời đính chính nay ở tệp items/ra-quan-ttatgt-cuoi-nam#dinh-chinh-52bd62c7.txt: "
        "đọc tệp đó"
    )


def withdrawal_reasons(root: Path, *, station: bool = False) -> dict[str, str]:
    """Why each item no longer built is withdrawn, as `publish sync radio` tells the editor
    (`station`: in the station's words, for the note beside the script)."""
    config = config_module.load(root)
    site = build(config, channels=("radio",), now=resolve_now(CORRECTED, config.tz)).site
    syncer = radio_sync.RadioSyncer(
        config, site=site, output=root / "output", state=root / "state", folder=root / STATION
    )
    reasons, told = syncer._reasons()
    return told if station else reasons


def test_a_renamed_correction_held_with_its_bulletin_is_withdrawn_for_the_bulletin(
    root: Path,
) -> None:
    """Its bulletin taken off the radio, the correction's new key is sent nowhere: the note
    told the station it «nay mang tên …», an item it would wait for in vain."""
    aired_correction(root)
    edit(root / FIRST, "approved_by:", "channels: [web, zalo]\napproved_by:")
    key = "ra-quan-ttatgt-cuoi-nam#dinh-chinh-1"
    why = radio_sync._bulletin_reason(key, withdrawal_reasons(root))
    assert why == f"{key}: bản tin không còn gửi kênh phát thanh (mục channels)"
    told = radio_sync._told(key, withdrawal_reasons(root, station=True))
    assert told == "bản tin được đính chính: đơn vị thôi đưa bản tin lên chuyên mục phát thanh"


def test_a_note_edited_only_in_its_ending_is_not_read_again(root: Path) -> None:
    """Dropping the final «.» (or adding a space) changed the id: the aired item seemed another
    correction, read again the next Saturday. The note is tidied before it is hashed, and the
    id of a note already tidy (ending in «.») is the one it always had."""
    aired_correction(root)
    edit(root / FIRST, '0912.345.679."', '0912.345.679 "')
    output, _problems = built_radio(root, NEXT_AIRED)
    assert owed_items(output) == [CORRECTION_ITEM]
    assert "2024-W52/rundown.json" not in output


def test_an_item_an_older_version_keyed_by_the_untidied_note_is_not_read_again(
    root: Path,
) -> None:
    """A note with no final «.» aired under the id of the note as written (before tidying): that
    key still tells it, and the script that carried it still counts as carrying it."""
    note = "Sửa số đường dây nóng: đúng là 0912.345.679"
    aired_correction(root, note)
    [correction] = corrected(root).corrections
    now, before = correction_text.correction_ids(correction)
    assert now == "52bd62c7"
    rekey_aired(root, before)
    output, _problems = built_radio(root, NEXT_AIRED)
    assert owed_items(output) == [f"items/ra-quan-ttatgt-cuoi-nam#dinh-chinh-{before}.txt"]
    assert "2024-W52/rundown.json" not in output


def test_an_item_keyed_by_the_note_without_its_stop_is_not_read_again_once_it_has_one(
    root: Path,
) -> None:
    """Aired under the id of the note as then written, with no final «.»: the editor then added
    the «.», and the aired item seemed another correction, read again the next Saturday."""
    note = "Sửa số đường dây nóng: đúng là 0912.345.679"
    aired_correction(root, note)
    [correction] = corrected(root).corrections
    _now, before = correction_text.correction_ids(correction)
    rekey_aired(root, before)
    edit(root / FIRST, '0912.345.679"', '0912.345.679."')
    output, _problems = built_radio(root, NEXT_AIRED)
    assert owed_items(output) == [f"items/ra-quan-ttatgt-cuoi-nam#dinh-chinh-{before}.txt"]
    assert "2024-W52/rundown.json" not in output


def test_deleting_an_earlier_correction_leaves_a_later_ones_item_as_it_was(root: Path) -> None:
    """Items were numbered by place: deleting the first correction gave the second one the
    first's key, so it was taken for the item already sent (or aired) and never told."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    second = '  - date: 2024-12-16 10:00\n    note: "Sửa tên xã: đúng là xã Hòa An."\n'
    edit(root / FIRST, "approved_by:", f"{second}approved_by:")
    output, _problems = built_radio(root, CORRECTED)
    told = {
        p: spoken(output[p].decode("utf-8-sig").replace("\r\n", "\n")) for p in owed_items(output)
    }
    assert len(told) == 2
    first = '  - date: 2024-12-16 09:00\n    note: "Sửa số đường dây nóng: đúng là 0912.345.679."\n'
    edit(root / FIRST, first, "")
    output, _problems = built_radio(root, CORRECTED)
    [left] = owed_items(output)
    text = spoken(output[left].decode("utf-8-sig").replace("\r\n", "\n"))
    assert text == told[left] and "Hòa An" in text


def test_a_renamed_bulletin_s_correction_is_planned_under_the_title_it_quotes(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The plan names the correction item by the title the item quotes (the bulletin's title as
    it is now, which passed every check), so staff checking the plan against the script find it."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    edit(
        root / FIRST,
        'title: "Công an huyện ra quân đảm bảo trật tự an toàn giao thông cuối năm"',
        'title: "Ra quân bảo đảm an toàn giao thông dịp Tết"',
    )
    capsys.readouterr()
    assert sync_command(root, CORRECTED) == 0
    plan = capsys.readouterr().out
    quoted = "«Đính chính: Ra quân bảo đảm an toàn giao thông dịp Tết»"
    assert f"{CORRECTION_ITEM} {quoted}" in plan
    assert "Đính chính: Công an huyện ra quân" not in plan


@pytest.mark.parametrize(
    ("held", "why"),
    [
        ("draft: true\napproved_by:", "bản nháp"),
        ('classification: "nội bộ"\napproved_by:', "mức phân loại không rõ"),
        ("channels: [web]\napproved_by:", "không còn kênh `radio`"),
        ("x_duyet:", "chưa được duyệt"),
    ],
)
def test_a_correction_of_an_aired_bulletin_now_held_is_told_as_unread(
    root: Path, held: str, why: str
) -> None:
    """A bulletin that aired, then was held back (a draft again, secret, off the radio,
    unapproved) with a correction for it: no item was made and nothing said so, while the
    editor believed the listeners would hear the correction. The warning names no title or
    note: the bulletin may be secret."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    edit(root / FIRST, "approved_by:", held)
    output, problems = built_radio(root, CORRECTED)
    assert CORRECTION_ITEM not in output
    [told] = [p for p in problems if "lời đính chính thứ 1 không được đọc trên sóng" in p]
    assert told.startswith(f"{FIRST}:8 corrections.1 ") and why in told
    assert "17:00, Thứ Bảy, 21/12/2024" in told
    assert "ra quân" not in told.lower() and "đường dây nóng" not in told
    _, later = built_radio(root, NEXT_AIRED)  # that episode aired: nothing left to do
    assert not [p for p in later if "lời đính chính thứ 1" in p]


def test_a_correction_held_for_the_pii_reviewer_asks_for_the_reviewer_not_an_approval(
    root: Path,
) -> None:
    """An aired bulletin held for its pii_reviewed_by («ok») alone: the warning told the editor
    to approve it again, which would not put it back on air. It names the field to fill."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    edit(root / FIRST, "approved_by:", 'pii_reviewed_by: "ok"\napproved_by:')
    config = config_module.load(root)
    result = build(config, channels=("radio",), now=resolve_now(CORRECTED, config.tz))
    [told] = [p for p in result.warnings if "lời đính chính thứ 1" in p.message]
    assert told.hint is not None
    assert "pii_reviewed_by" in told.hint and "duyệt lại" not in told.hint


def test_a_correction_held_for_the_pii_reviewer_and_an_approval_asks_for_both(root: Path) -> None:
    """Held for its pii_reviewed_by and, behind it, with no approval: filling the reviewer's
    name alone would not put it back on air, so the hint names the approval too."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    edit(root / FIRST, "approved_by:", 'pii_reviewed_by: "ok"\nx_duyet:')
    config = config_module.load(root)
    result = build(config, channels=("radio",), now=resolve_now(CORRECTED, config.tz))
    [told] = [p for p in result.warnings if "lời đính chính thứ 1" in p.message]
    assert told.hint is not None
    assert "pii_reviewed_by" in told.hint and "duyệt lại" in told.hint


def test_a_correction_the_station_kept_its_own_copy_over_is_told(root: Path) -> None:
    """The station edited the item script, so the corrected one went beside it (`.moi`) and
    its own copy, without the correction, was read: `sent` said the correction was carried,
    and its listeners were never told. A script the station kept keeps what was recorded."""
    assert sync_command(root, SENT) == 0
    item = root / STATION / ITEM
    item.write_bytes(item.read_bytes() + "Ghi chú của đài.\r\n".encode())
    correct(root, "2024-12-13 09:00")
    sync_command(root, "2024-12-13T12:00")
    assert (root / STATION / ITEM.replace(".txt", ".moi.txt")).exists()
    output, _problems = built_radio(root, CORRECTED)
    assert len(owed_items(output)) == 1


def test_a_sync_that_wrote_the_item_but_not_the_whole_script_records_what_it_carried(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`script.docx` open in Word could not be replaced, the item script was: nothing was
    recorded, so the correction the station then read was told again the next week."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-13 09:00")
    real = radio_sync.atomic_write_bytes

    def locked(path: Path, data: bytes, **kwargs: object) -> None:
        if path.name == "script.docx":
            raise PermissionError(13, "Permission denied", str(path))
        real(path, data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(radio_sync, "atomic_write_bytes", locked)
    assert sync_command(root, "2024-12-13T12:00") != 0
    assert "sáu bảy chín" in (root / STATION / ITEM).read_text("utf-8-sig")
    monkeypatch.setattr(radio_sync, "atomic_write_bytes", real)
    output, _problems = built_radio(root, CORRECTED)
    assert not owed_items(output)


def locked_writes(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Make every write into the station folder of a file whose name holds one of `names` fail,
    as a locked file or a share refusing it does."""
    real = radio_sync.atomic_write_bytes

    def locked(path: Path, data: bytes, **kwargs: object) -> None:
        if any(name in path.name for name in names):
            raise PermissionError(13, "Permission denied", str(path))
        real(path, data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(radio_sync, "atomic_write_bytes", locked)


def kept_records(root: Path) -> dict[str, dict[str, object]]:
    """The episodes' records in state/radio-rates.json."""
    return json.loads((root / "state/radio-rates.json").read_text("utf-8"))["episodes"]


CORRECTION_KEY = "ra-quan-ttatgt-cuoi-nam#dinh-chinh-52bd62c7"


def reading_it(output: dict[str, bytes]) -> list[str]:
    """The episodes of a built radio output whose rundown lists the correction's item."""
    return [
        path.split("/")[0]
        for path, data in sorted(output.items())
        if path.endswith("/rundown.json") and CORRECTION_KEY.encode() in data
    ]


def test_a_correction_no_script_of_which_reached_the_station_is_not_recorded_as_read(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The correction's item script and the episode's script.txt and script.docx all failed to
    write (a locked folder): the station holds nothing that reads it, so once that episode aired
    the correction is told in the next one."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    locked_writes(monkeypatch, "#dinh-chinh-", "script.")
    assert sync_command(root, CORRECTED) != 0
    assert not (root / STATION / CORRECTION_ITEM).exists()
    monkeypatch.undo()
    assert CORRECTION_KEY not in kept_records(root)["2024-W51"]["bulletins"]  # type: ignore[operator]
    output, _problems = built_radio(root, NEXT_AIRED)  # W51 aired without it: told in W52
    assert reading_it(output) == ["2024-W52"]


def share_gone_when_looked_at(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the station folder unreachable while the sync looks at what it holds once its
    writes are done (a network share that dropped part-way through)."""
    real = radio_sync.heard
    station = root / STATION

    def gone(folder: Path, *args: object) -> object:
        station.rename(root / "share-gone")
        try:
            return real(folder, *args)  # type: ignore[arg-type]
        finally:
            (root / "share-gone").rename(station)

    monkeypatch.setattr(radio_sync, "heard", gone)


def test_a_correction_never_written_before_the_share_went_is_read_in_the_next_episode(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The correction's item and the episode's scripts failed to write, then the share dropped:
    the correction was recorded as carried by the episode, taken as read once it aired, and
    never read on air."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    locked_writes(monkeypatch, "#dinh-chinh-", "script.")
    share_gone_when_looked_at(root, monkeypatch)
    assert sync_command(root, CORRECTED) != 0
    assert not (root / STATION / CORRECTION_ITEM).exists()
    monkeypatch.undo()
    assert CORRECTION_KEY not in kept_records(root)["2024-W51"]["bulletins"]  # type: ignore[operator]
    output, _problems = built_radio(root, NEXT_AIRED)  # W51 aired without it: told in W52
    assert reading_it(output) == ["2024-W52"]


def test_a_bulletin_recorded_before_the_share_went_keeps_its_record(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sent on Thursday; on Friday the share drops while the sync looks: the episode's record
    still lists the bulletin as sent, so a later correction is told as usual."""
    assert sync_command(root, SENT) == 0
    share_gone_when_looked_at(root, monkeypatch)
    sync_command(root, "2024-12-13T12:00")
    monkeypatch.undo()
    assert "ra-quan-ttatgt-cuoi-nam" in kept_records(root)["2024-W50"]["bulletins"]  # type: ignore[operator]
    correct(root, "2024-12-16 09:00")
    output, _problems = built_radio(root, CORRECTED)
    assert len(owed_items(output)) == 1


def test_a_correction_whose_item_never_writes_is_read_from_the_script_once(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The share refuses «#» in names, so the correction's item script fails every week, while
    the episode's script.txt and script.docx carry it: the correction was taken as never read and
    put into every later episode's script, read week after week."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    locked_writes(monkeypatch, "#")
    assert sync_command(root, CORRECTED) != 0
    assert "Đính chính" in (root / STATION / "2024-W51/script.txt").read_text("utf-8-sig")
    assert CORRECTION_KEY in kept_records(root)["2024-W51"]["bulletins"]  # type: ignore[operator]
    sync_command(root, NEXT_AIRED)
    assert not (root / STATION / "2024-W52").exists()  # nothing else to read that week
    output, _problems = built_radio(root, NEXT_AIRED)
    assert reading_it(output) == ["2024-W51"]


def test_a_bulletin_whose_item_failed_on_its_first_write_is_in_its_episode_record(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its item script failed on the first write, the episode's script.txt and script.docx read
    it on air: left out of the episode's record, a later correction was never read (and the
    editor was told no episode had aired the bulletin)."""
    locked_writes(monkeypatch, "ra-quan-ttatgt-cuoi-nam")
    assert sync_command(root, SENT) != 0
    assert not (root / STATION / ITEM).exists()
    monkeypatch.undo()
    assert "ra-quan-ttatgt-cuoi-nam" in kept_records(root)["2024-W50"]["bulletins"]  # type: ignore[operator]
    correct(root, "2024-12-16 09:00")
    output, problems = built_radio(root, CORRECTED)
    assert len(owed_items(output)) == 1
    assert not [p for p in problems if "không ghi tập nào đã phát" in p]


def test_an_item_written_before_its_record_failed_counts_as_at_the_station(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The correction's item script was renamed into place, then recording it failed (the
    station's `.moi` clean-up or state/radio.json): the station reads it, so it is read."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    locked_writes(monkeypatch, "script.")
    real = radio_sync.RadioSyncer._drop_our_moi

    def refused(self: radio_sync.RadioSyncer, path: str) -> None:
        if "#dinh-chinh-" in path:
            raise PermissionError(13, "Permission denied", path)
        real(self, path)

    monkeypatch.setattr(radio_sync.RadioSyncer, "_drop_our_moi", refused)
    assert sync_command(root, CORRECTED) != 0
    assert (root / STATION / CORRECTION_ITEM).exists()
    monkeypatch.undo()
    assert CORRECTION_KEY in kept_records(root)["2024-W51"]["bulletins"]  # type: ignore[operator]
    output, _problems = built_radio(root, NEXT_AIRED)
    assert reading_it(output) == ["2024-W51"]  # not read again in W52


def test_a_bulletin_whose_scripts_the_station_deleted_and_could_not_get_again_is_not_read(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The station deleted the episode's scripts and the item script, and writing them again
    failed: the record still listed the bulletin as it held it before, so it counted as read."""
    assert sync_command(root, SENT) == 0
    for path in (ITEM, "2024-W50/script.txt", "2024-W50/script.docx"):
        (root / STATION / path).unlink()
    locked_writes(monkeypatch, "ra-quan-ttatgt-cuoi-nam", "script.")
    assert sync_command(root, "2024-12-13T12:00") != 0
    monkeypatch.undo()
    assert "ra-quan-ttatgt-cuoi-nam" not in kept_records(root)["2024-W50"]["bulletins"]  # type: ignore[operator]


def test_a_bulletin_whose_update_failed_keeps_what_the_station_was_sent_before(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Corrected before the broadcast, but none of its scripts could be replaced: the station
    reads the earlier text, so the correction is told after the broadcast."""
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-13 09:00")
    locked_writes(monkeypatch, "ra-quan-ttatgt-cuoi-nam", "script.")
    assert sync_command(root, "2024-12-13T12:00") != 0
    monkeypatch.undo()
    assert "ra-quan-ttatgt-cuoi-nam" in kept_records(root)["2024-W50"]["bulletins"]  # type: ignore[operator]
    output, _problems = built_radio(root, CORRECTED)
    assert len(owed_items(output)) == 1


def test_the_item_script_of_a_bulletin_keyed_rundown_the_station_kept_is_unconfirmed() -> None:
    """`items/rundown.txt` (a bulletin whose file is named «rundown») was taken for an episode's
    rundown, whose notes the station may write in: its own edited copy counted as ours."""
    kept = {THEIRS: True, "bulletins": ["rundown"]}
    item = Action("noop", "items/rundown.txt", "đài đã sửa tệp", data=kept)
    rundown = Action("noop", "2024-W50/rundown.txt", "đài đã sửa tệp", data=kept)
    assert unconfirmed([item, rundown]) == {"rundown"}
    assert unconfirmed([rundown]) == frozenset()


def test_a_correction_of_an_aired_bulletin_without_id_renamed_since_says_how_to_read_it(
    root: Path,
) -> None:
    """Known by its slug, a bulletin without `id` renamed after it aired is not the one the
    records hold: its correction could not be read on air, and the warning blamed a sync never
    run or records too old (session 42). It now names the `id` line that keeps it, which makes
    the correction read in the next episode."""
    edit(root / FIRST, 'id: "ra-quan-ttatgt-cuoi-nam"\n', "")
    assert sync_command(root, SENT) == 0
    renamed = root / FIRST.replace("cuoi-nam.md", "cuoi-nam-2024.md")
    (root / FIRST).rename(renamed)
    edit(renamed, "0912.345.678", "0912.345.679")
    edit(
        renamed,
        "approved_by:",
        'corrections:\n  - date: 2024-12-16 09:00\n    note: "Sửa số đường dây nóng."\napproved_by:',
    )
    output, problems = built_radio(root, CORRECTED)
    assert not owed_items(output)
    [told] = [p for p in problems if "không tự thêm tin «Đính chính»" in p]
    assert "không có id đã đổi tên tệp hoặc slug sau khi lên sóng" in told
    edit(renamed, "title:", 'id: "ra-quan-ttatgt-cuoi-nam"\ntitle:')
    output, problems = built_radio(root, CORRECTED)
    assert len(owed_items(output)) == 1
    assert not [p for p in problems if "không tự thêm tin «Đính chính»" in p]


NEW_CORRECTION = "  - tạo mới items/ra-quan-ttatgt-cuoi-nam#dinh-chinh-"
"""How the plan line that first sends a correction item of the first bulletin begins."""


def test_a_correction_sent_in_time_beside_an_edited_script_says_why_it_is_read(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA s74 item 4: the station edited its script.txt, then the bulletin was corrected and
    synced before the broadcast: the corrected script went beside theirs (.moi), so which
    figure went on air is not known, and the next episode reads a «Đính chính» to be safe.
    The plan line that first sends it says so; a plain «kịch bản mới» left the editor, who
    had sent the correction in time, wondering why it comes back a week later."""
    from tests.test_sync_radio_word import SCRIPT, saved_by_staff

    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    assert sync_command(root, SENT) == 0
    saved_by_staff(root / STATION / SCRIPT)
    correct(root, "2024-12-13 09:00")
    assert sync_command(root, "2024-12-13T10:00") == 0
    assert (root / STATION / radio_sync.moi_name(SCRIPT)).exists()
    capsys.readouterr()
    assert sync_command(root, CORRECTED) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith(NEW_CORRECTION)]
    assert line.endswith(KEPT_COPY)
    output, _problems = built_radio(root, CORRECTED)
    [row] = [
        r
        for r in json.loads(output["2024-W51/rundown.json"])["items"]
        if (r["key"] or "").startswith("ra-quan-ttatgt-cuoi-nam#dinh-chinh-")
    ]
    assert row[correction_text.BEFORE_AIR] == {
        "made": "2024-12-13T09:00:00+07:00",
        "aired": "2024-12-14T17:00:00+07:00",
    }


OLD_NUMBER = "không chín một hai, ba bốn năm, sáu bảy tám"
NEW_NUMBER = "không chín một hai, ba bốn năm, sáu bảy chín"
"""The first bulletin's hotline as its scripts read it, before and after `correct`."""


KEPT_COPY = (
    "kịch bản mới; lần đính chính ghi lúc 09:00, Thứ Sáu, 13/12/2024, trước buổi phát "
    "17:00, Thứ Bảy, 14/12/2024, nhưng đài đã tự sửa kịch bản có bản tin này nên bản của đài "
    "được giữ (bản của Công an chỉ được đặt cạnh, .moi): công cụ không biết bản đọc trên sóng "
    "có chỗ sửa này hay không, nên lời đính chính được đọc cho chắc (muốn biết thì hỏi đài đã "
    "đọc bản nào)"
)
"""The plan line's end that first sends a correction made in time while the station kept its
own edited script (our copy beside it): never that our copy carried the correction."""


def test_a_correction_made_after_the_copy_beside_an_edited_script_claims_no_copy_had_it(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review R12 #2: the station edited its script.txt, an edit of the bulletin went beside
    it (.moi), then the bulletin was corrected before the broadcast with no sync until after
    it. The copy beside lacked the correction: the plan line said «bản có chỗ đính chính chỉ
    được đặt cạnh (.moi)», it now says only that the station kept its own script, whose text
    on air is not known."""
    from tests.test_sync_radio_word import SCRIPT, saved_by_staff

    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    assert sync_command(root, SENT) == 0
    saved_by_staff(root / STATION / SCRIPT)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    assert sync_command(root, "2024-12-13T08:00") == 0
    moi = (root / STATION / radio_sync.moi_name(SCRIPT)).read_text("utf-8-sig")
    correct(root, "2024-12-13 09:00")
    capsys.readouterr()
    assert sync_command(root, CORRECTED) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith(NEW_CORRECTION)]
    assert line.endswith(KEPT_COPY)
    assert "một một bốn" in moi and OLD_NUMBER in moi and NEW_NUMBER not in moi
    assert "có chỗ đính chính" not in line


def test_a_correction_made_in_time_but_never_synced_says_why_it_is_read(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Corrected before the broadcast with no sync until after it: the plan line tells the
    editor the station read the old script, not that it may have (nothing was put beside)."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-13 09:00")
    capsys.readouterr()
    assert sync_command(root, CORRECTED) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith(NEW_CORRECTION)]
    assert line.endswith(
        "kịch bản mới; lần đính chính ghi lúc 09:00, Thứ Sáu, 13/12/2024, trước buổi phát "
        "17:00, Thứ Bảy, 14/12/2024, nhưng kịch bản đài có lúc phát chưa mang chỗ sửa này "
        "(không lần đồng bộ nào gửi nó sang đài trước buổi phát): người nghe đã nghe bản cũ, "
        "nên lời đính chính được đọc"
    )


def test_a_correction_made_after_the_broadcast_is_sent_as_a_new_script_only(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The usual case needs no why: a correction made after the broadcast."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    assert sync_command(root, SENT) == 0
    correct(root, "2024-12-16 09:00")
    capsys.readouterr()
    assert sync_command(root, CORRECTED) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith(NEW_CORRECTION)]
    assert line.endswith(": kịch bản mới")
