"""DOC-TRUOC.txt: what the station's staff read first when they open the station folder.

Which episode airs next and when, which file of it to read on air, what changed since the
station got it, which scripts were withdrawn and must not be read, and what each name in the
folder means. Rendered from what state/radio.json records the station was sent, as of the last
send (never the time of the sync), so a sync that sends nothing leaves it byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from publish.render.radio_station import station_text
from publish.text import vn_datetime

__all__ = ["GUIDE_NAME", "Episode", "Withdrawn", "guide_bytes", "stale_word"]

GUIDE_NAME = "DOC-TRUOC.txt"


@dataclass(frozen=True, slots=True)
class Episode:
    """One episode still to air, as the guide tells it."""

    folder: str
    air: dt.datetime
    extra: bool
    """A broadcast off the weekly slot day (its folder ends with the date)."""
    items: int
    scheduled: int = 0
    """Scheduled bulletins still to join it when they are published."""
    replaced: int = 0
    """Replacements of files the station already had (each tells «SỬA LẦN …» at its top)."""
    added: int = 0
    withdrawn: tuple[str, ...] = ()
    """Titles (else paths) of the item scripts withdrawn from it: not to be read."""
    kept: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    """Its scripts the station edited that still hold withdrawn items: (file, the .moi file
    beside it, titles of those items)."""
    edited: tuple[tuple[str, str], ...] = ()
    """Its other files the station edited with our newer version still beside them: (file, the
    .moi file). Read as it is, such a file misses what changed since the station edited it."""
    followed: tuple[tuple[str, str, str], ...] = ()
    """Its Word script not replaced, nor edited by the station, because the station edited the
    text it is made from, our newer version beside it: (file, the .moi file, that text)."""
    resent: tuple[tuple[str, str], ...] = ()
    """Its items withdrawn into _rut-lai/ and sent again since: (title and item script, the
    withdrawn copy still in _rut-lai/, "" when it was removed or none is known)."""
    moved: tuple[tuple[str, str], ...] = ()
    """Its items withdrawn and sent since for another episode: (title and item script, the
    folder of that episode). The script is back in items/, but not for this episode."""
    stale: tuple[tuple[str, str, dt.datetime | None], ...] = ()
    """Its Word script kept because the station edited the text it is made from, whose newer
    version of ours beside it the station deleted: (file, that text, when the Word script the
    station holds was sent). It lacks every change sent since, yet staff print it."""
    listing: tuple[tuple[str, str, str], ...] = ()
    """Its items in air order: (number in its rundown such as A3, title, item script under
    items/). Item scripts are named after the bulletin, so their names alone tell neither the
    episode nor the order."""


@dataclass(frozen=True, slots=True)
class Withdrawn:
    """An episode still to come that was withdrawn whole (its rundown went into _rut-lai/)."""

    folder: str
    air: dt.datetime
    at: dt.datetime
    """When it was withdrawn."""
    where: str
    """The folder of _rut-lai/ its files went to ("_rut-lai/2026-W52")."""


def guide_bytes(
    program: str, episodes: list[Episode], sent: dt.datetime, withdrawn: Sequence[Withdrawn] = ()
) -> bytes:
    """The guide for the station folder as of the last time scripts were `sent`, episodes
    still to come then earliest first, and those `withdrawn` whole among them: staff saw the
    folder listed the day before, and a guide silent about it sent them looking for it."""
    lines = [
        f"HƯỚNG DẪN CHO ĐÀI — CHUYÊN MỤC «{program.upper()}»",
        "Tệp này do phần mềm của Công an ghi lại mỗi khi gửi kịch bản; xin đừng sửa (tệp đã sửa "
        "sẽ không được cập nhật nữa).",
        f"Lần gửi kịch bản gần nhất: {vn_datetime(sent)}.",
        "",
        "TẬP SẮP PHÁT tính đến lần gửi đó (tập trên cùng phát trước; tập đã qua ngày giờ phát "
        "ghi dưới đây là tập đã phát):",
    ]
    if not episodes:
        lines.append("- Chưa có tập nào sắp phát. Kịch bản mới sẽ được gửi vào đây trước giờ phát.")
    told = [(e.air, e.folder, _episode_lines(e)) for e in episodes]
    told += [(w.air, w.folder, _withdrawn_lines(w)) for w in withdrawn]
    for _air, _folder, said in sorted(told, key=lambda t: (t[0], t[1])):
        lines += said
    lines += [
        "",
        "ĐỌC TỆP NÀO (trong thư mục của tập):",
        "- script.docx (bản Word, in ra để đọc) hoặc script.txt: kịch bản cả tập, cùng nội dung, "
        "đọc từ trên xuống. Dòng trong ngoặc vuông [ ], dòng kẻ, dòng «— HẾT TIN —» (dấu hết một "
        "tin) và dòng ghi «(không đọc)» là chỉ dẫn, không đọc lên sóng." + _edited_note(episodes),
        "- rundown.txt: thứ tự phát, thời lượng và giờ lên sóng của từng tin. «Thời lượng khung» ở đầu "
        "rundown.txt và script là độ dài chuyên mục (phút:giây, như 10:00 là mười phút), không "
        "phải giờ phát.",
        "- items/<tên tin>.txt (thư mục items/ nằm ngay trong thư mục này, chung cho mọi tập, "
        "không trong thư mục của tập): kịch bản riêng của từng tin (cùng nội dung với tin ấy "
        "trong script), để in riêng hay đọc lại; đầu mỗi tệp ghi tin phát lúc nào, ở tập nào. "
        "Tên tệp không theo thứ tự phát: tệp của từng tin, theo số của tin trong rundown.txt "
        "(như A3), ghi dưới tập của nó ở trên.",
        "- rundown.json: dành cho máy, không cần mở.",
        "- THAY-DOI.txt: tập đã được sửa sau khi đài nhận (thay, thêm hay rút tin), mới nhất ở "
        "trên. Tệp được thay có dòng «SỬA LẦN …» ở đầu: bản in trước đó không còn đúng, hãy in "
        "lại. Tệp chỉ được trình bày lại (nhật ký ghi «Trình bày lại …») không có dòng ấy: chữ "
        "đọc không đổi, không cần in lại.",
        "- <tên>.moi.txt, <tên>.moi.docx: đài đã tự sửa tệp gốc (hay, với script.moi.docx, "
        "script.txt của tập) nên bản mới của Công an được đặt cạnh, không ghi đè; so hai bản "
        "rồi chọn bản để đọc.",
        "",
        "TIN ĐÃ RÚT — KHÔNG ĐƯỢC ĐỌC:",
        "- Thư mục _rut-lai/ chứa kịch bản đã rút, mỗi tệp kèm ghi chú lý do (tệp cùng tên, thêm đuôi .ly-do.txt). "
        "Tuyệt đối không phát các tệp trong đó. Tin bị rút đã được bỏ khỏi script và rundown.txt "
        "mới; nếu đã in bản cũ, hãy in lại.",
        "",
        "TÊN THƯ MỤC:",
        "- Mỗi tập một thư mục: năm-W số tuần trong năm (2026-W49 là tuần thứ 49 của năm 2026). "
        "Tên có thêm ngày ở cuối (2026-W49-2026-12-06) là buổi phát thêm ngoài ngày phát hằng "
        "tuần. Ngày giờ phát của từng tập ghi ở trên và ở dòng thứ hai của rundown.txt.",
        "- Tập đã qua giờ phát là của đài: phần mềm không ghi, không sửa, không rút gì trong đó "
        "nữa; đài có thể lưu hay xóa.",
        "- Tệp đài tự tạo trong thư mục này không bao giờ bị phần mềm động tới.",
    ]
    return station_text("\n".join(lines) + "\n")


def _withdrawn_lines(gone: Withdrawn) -> list[str]:
    """An episode to come withdrawn whole: when it was to air, and where its files went."""
    return [
        f"- {vn_datetime(gone.air)}: thư mục {gone.folder}/ — ĐÃ RÚT CẢ TẬP lúc "
        f"{vn_datetime(gone.at)}: không còn tin nào để đọc, không phát tập này. Các tệp của "
        f"tập đã chuyển vào {gone.where}/: tuyệt đối không phát."
    ]


def _episode_lines(episode: Episode) -> list[str]:
    """An episode to come: when, where, how many items, and what changed since it was sent."""
    kind = " (buổi phát thêm, ngoài ngày phát hằng tuần)" if episode.extra else ""
    count = (
        f"{episode.items} tin"
        if episode.items
        else "chưa có bản tin nào, chưa có kịch bản để đọc (xem rundown.txt)"
    )
    lines = [f"- {vn_datetime(episode.air)}: thư mục {episode.folder}/{kind} — {count}."]
    if episode.listing:
        lines.append(
            "  Các tin theo thứ tự phát (số như trong rundown.txt), kèm tệp kịch bản riêng:"
        )
        lines += [f"    {number} «{title}»: {path}" for number, title, path in episode.listing]
    if episode.scheduled:
        lines.append(
            f"  Còn {episode.scheduled} tin hẹn giờ sẽ vào tập này: kịch bản gửi sau giờ đăng."
        )
    changes = []
    if episode.replaced:
        changes.append(f"{episode.replaced} lần thay tệp")
    if episode.added:
        changes.append(f"{episode.added} tin thêm")
    if episode.withdrawn:
        changes.append(f"{len(episode.withdrawn)} tin rút")
    if episode.resent:
        changes.append(f"{len(episode.resent)} tin gửi lại")
    if episode.moved:
        changes.append(f"{len(episode.moved)} tin chuyển sang tập khác")
    if changes:
        lines.append(
            f"  Đã sửa sau khi đài nhận ({', '.join(changes)}): xem {episode.folder}/THAY-DOI.txt."
        )
    lines += [f"  KHÔNG ĐỌC tin đã rút: {title}." for title in episode.withdrawn]
    lines += [
        f"  GỬI LẠI tin đã rút trước đó: {title}: nay phát lại như các tin khác, bản trong "
        "items/ là bản để phát."
        + (f" Bản cũ đã rút vẫn còn ở {kept}: đừng phát bản đó." if kept else "")
        for title, kept in episode.resent
    ]
    lines += [
        f"  CHUYỂN SANG TẬP KHÁC: {title} nay phát trong tập {to}, không đọc trong tập này."
        for title, to in episode.moved
    ]
    lines += [
        f"  CHÚ Ý: đài đã tự sửa {path} nên tệp đó không được thay và VẪN CÒN tin đã rút: "
        f"{', '.join(titles)}. Đừng đọc {path} như đang có: đọc {moi} (bản mới, đã bỏ tin rút), "
        f"hoặc bỏ tin đó khỏi tệp của đài rồi xóa {moi} trước khi phát."
        for path, moi, titles in episode.kept
    ]
    lines += [
        f"  LƯU Ý: đài đã tự sửa {path} nên tệp đó không được thay: bản mới nhất của Công an là "
        f"{moi}. Tệp của đài có thể thiếu tin mới thêm hay chỗ mới sửa: so hai bản trước khi "
        f"phát (giữ bản của đài thì xóa {moi})."
        for path, moi in episode.edited
    ]
    lines += [
        f"  LƯU Ý: đài đã tự sửa {text} nên bản Word {path} cũng không được thay (phần mềm "
        f"không thay bản Word khác với tệp đài đã sửa): bản Word mới nhất của Công an là {moi}. "
        f"Chọn bản để đọc như với {text} (giữ bản của đài thì xóa {moi}). Đã chép bản mới vào "
        f"{text} thì xóa {path} và đổi tên {moi} thành {path}: {path} cũ không có chỗ mới sửa."
        for path, moi, text in episode.followed
    ]
    lines += [
        f"  LƯU Ý: {path} {stale_word(path, text, sent, loud=True)}."
        for path, text, sent in episode.stale
    ]
    return lines


def stale_word(path: str, text: str, sent: dt.datetime | None, *, loud: bool = False) -> str:
    """What is said of the Word script `path` kept for the station's edited `text` once the
    station deleted our newer copy beside it (sent at `sent`), after its name: one wording
    for the guide (`loud`: its «KHÔNG» in capitals, as staff read it), the plan's note and
    the plan's line of the file."""
    when = f"lúc {vn_datetime(sent)}" if sent is not None else "trước"
    return (
        f"{'KHÔNG' if loud else 'không'} phải bản mới nhất của Công an: đó là bản Word gửi "
        f"{when}, chưa có các chỗ sửa gửi sau đó (đài đã tự sửa {text} nên bản Word không được "
        f"thay, và đã xóa bản Word mới đặt cạnh). {path} và {text} không cùng nội dung: đừng in "
        f"{path} để đọc; đọc {text} của đài, hoặc xóa {path} để lần gửi sau ghi bản Word mới "
        "nhất vào chỗ"
    )


def _edited_note(episodes: list[Episode]) -> str:
    """What the line on script.docx and script.txt adds when the station edited a file our
    newer version sits beside: the two no longer say the same ("" otherwise, the line
    unchanged)."""
    if any(e.kept for e in episodes):
        return (
            " Riêng tệp đài đã tự sửa mà còn tin đã rút thì không còn cùng nội dung với tệp kia: "
            "xem dòng CHÚ Ý ở tập trên."
        )
    if any(e.stale for e in episodes):
        return (
            " Riêng tập có dòng LƯU Ý «KHÔNG phải bản mới nhất» ở trên thì script.docx và "
            "script.txt không cùng nội dung: xem dòng đó."
        )
    if any(_script(path) for e in episodes for path, _moi in e.edited):
        return (
            " Riêng tệp đài đã tự sửa mà có bản mới .moi đặt cạnh thì không còn cùng nội dung với "
            "tệp kia: xem dòng LƯU Ý ở tập trên."
        )
    return ""


def _script(path: str) -> bool:
    """Whether `path` is an episode's whole script (script.txt, script.docx)."""
    return path.rpartition("/")[2].startswith("script.")
