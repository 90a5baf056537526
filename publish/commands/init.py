"""`publish init THƯ_MỤC --unit "Công an xã …"`: a new unit's project, ready for `publish check`.

The files come from publish/starter/ (templates filled with the unit's data, and links to the
repository's ci/ and state/README.md); nothing of the sample unit is copied.
"""

from __future__ import annotations

import argparse
import errno
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from string import Template
from urllib.parse import urlparse
from urllib.request import url2pathname

from publish import __version__, starter_cover
from publish import config as config_module
from publish.contact_numbers import dialled
from publish.errors import ConfigError, ContentError, Problem, os_reason
from publish.provinces import merged_province, province_named
from publish.text import fold, nfc, quoted, slugify
from publish.unfinished import PLACEHOLDER_DOMAIN, TO_COMPLETE

__all__ = ["add_parser", "run"]

STARTER = Path(__file__).resolve().parents[1] / "starter"
"""Templates and linked files of a new project, shipped as package data."""
STARTER_COVER = "images/default-cover.jpg"
"""The default cover init draws, where the starter site.toml's default_cover names it."""
CHECKOUT = Path(__file__).resolve().parents[2]
"""The repository, when the package runs from a checkout."""
LEVEL_WORDS = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)"
LEVELS = re.compile(rf"(?i)^(công an)\s+{LEVEL_WORDS}\s+(?!\d)(.+)$")
"""A unit's full name: "Công an" + the level of its area + the place, whose short form drops the
level; not when the place is a number ("Công an phường 5" is no "Công an 5")."""
NUMBERED = re.compile(rf"(?i)^công an\s+{LEVEL_WORDS}\s+\d")
"""A unit named by its area's number («Công an phường 5», «Công an thị trấn 2»)."""
AREA_START = re.compile(rf"(?i){LEVEL_WORDS}\s|tp\b|(?:tx|tt|q|h|t|p)\.")
"""How the area after a unit's comma starts («Quận 1», «TP. Hồ Chí Minh», «Q.1», «H. Châu
Thành»): «Phòng Cảnh sát giao thông, Công an tỉnh Quảng Nam» names the unit's superior after its
comma, no area."""
UNIT_START = re.compile(r"(?i)(?:công an|phòng|đội|cục|bộ|trại|trung tâm)\b")
"""How a police unit's name starts: after a comma it is the superior unit, never the area."""
COMMUNE = re.compile(r"(?i)^công an\s+(?:xã|phường|thị trấn|đặc khu)\s")
"""A commune-level unit: since 1/7/2025 directly under its province's police."""
DISTRICT = re.compile(r"(?i)^công an\s+(?:huyện|quận|thị xã|thành phố)\s")
"""A district-level unit (huyện, quận, thị xã, a city inside a province), under its province's
police until 1/7/2025; «Công an thành phố Đà Nẵng», a province's own, is told apart before."""
PROVINCIAL = re.compile(r"(?i)^công an\s+((?:tỉnh|thành phố)\s+\D.*)$")
"""A province's (or centrally-run city's) own police: its name is its area."""
SUPERIOR = re.compile(r"(?i)^([^,]*[^,\s])\s*,\s*(công an\s+((?:tỉnh|thành phố|huyện)\s+\D.*))$")
"""A unit named with the police it belongs to after its comma («Phòng Cảnh sát hình sự, Công an
tỉnh Đồng Tháp»): its own name, that police, and that police's place."""
LOWER_CASE_NAME = re.compile(rf"^công an\s+{LEVEL_WORDS}\s+([^\W\d][^,]*)$")
"""A unit's name typed all in lower case, its place after the level («công an xã tân phú»)."""
EMERGENCY = {"112", "113", "114", "115"}
"""The national emergency numbers, every page's already: never a unit's own hotline."""
DOTS = re.compile(r"[\s.…]+")
"""A value that is only README's «…» (or "..."), the place for the unit's own."""
BASE_URL = re.compile(r"^https?://[^/\s?#]+\.[^/\s?#]+(/[^\s?#]*)?$")
LINKED = {"ci": "ci", "state-README.md": "state/README.md"}
"""Starter entries that link to the repository's own files: starter name → repository path."""
OPTIONS = ("unit", "short_name", "area", "title", "base_url", "phone", "address", "email", "oa_id")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `init`."""
    parser = subparsers.add_parser(
        "init",
        help="tạo dự án mới cho một đơn vị (site.toml, trang, ảnh bìa, mẫu CI)",
        description="Tạo dự án mới trong THƯ_MỤC (chưa có hoặc trống) từ dữ liệu của đơn vị: "
        "site.toml, các trang giới thiệu, liên hệ, gửi phản ánh, ảnh bìa mặc định, mẫu CI. "
        f"Chỗ nào còn thiếu thông tin được ghi «{TO_COMPLETE}». Không ghi đè gì.",
        argument_default=argparse.SUPPRESS,
    )
    parser.add_argument("folder", metavar="THƯ_MỤC", type=Path, help="thư mục dự án mới")
    parser.add_argument(
        "--unit",
        metavar="TÊN",
        help='tên đầy đủ của đơn vị, ví dụ "Công an xã Hòa Khánh" (bắt buộc; '
        "không ghi thì lệnh hỏi khi chạy trong cửa sổ dòng lệnh)",
    )
    parser.add_argument(
        "--short-name",
        metavar="TÊN_NGẮN",
        help="tên ngắn; mặc định: tên đầy đủ, bỏ chữ tỉnh, huyện… (không bỏ xã, phường, "
        "thị trấn, đặc khu): «Công an Lâm Đồng»",
    )
    parser.add_argument("--area", metavar="ĐỊA_BÀN", help='địa bàn, ví dụ "tỉnh …"')
    parser.add_argument(
        "--title", metavar="TIÊU_ĐỀ", help='tiêu đề website; mặc định "Trang thông tin <tên>"'
    )
    parser.add_argument(
        "--base-url",
        metavar="ĐỊA_CHỈ",
        help="địa chỉ công khai của website, ví dụ https://example.gov.vn/congan-xa/",
    )
    parser.add_argument("--phone", metavar="SỐ", help="số đường dây nóng")
    parser.add_argument("--address", metavar="ĐỊA_CHỈ", help="địa chỉ trụ sở")
    parser.add_argument("--email", metavar="THƯ", help="thư điện tử của đơn vị")
    parser.add_argument("--oa-id", metavar="MÃ_OA", help="mã số Zalo OA của đơn vị")
    parser.add_argument("--debug", action="store_true", help="hiện traceback khi có lỗi")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Check the options and the folder, write the project beside it, then move it in place."""
    shown: Path = args.folder
    target = shown.resolve()
    given = {k: nfc(getattr(args, k)).strip() for k in OPTIONS if hasattr(args, k)}
    if "unit" not in given:
        given["unit"] = _ask_unit()
    problems = _option_problems(given) + _folder_problems(shown)
    if problems:
        raise ContentError(problems)
    values = _values(given)
    site_toml = _fill("site.toml", values)
    try:
        config = config_module.parse(site_toml, root=target)
    except ConfigError as exc:  # every option was checked above: this is our bug, say so
        raise AssertionError(str(exc)) from None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Inside an existing (empty) target: its parent may not be writable (publish init ~).
        holder = target if target.exists() else target.parent
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.init-", dir=holder))
    except OSError as exc:
        raise ContentError([_not_made(shown, exc)]) from None
    try:
        _write(staging, site_toml, values)
        if target.exists():
            # Empty (checked), and maybe the shell's current folder (publish init .): fill it
            # rather than replace it.
            for entry in list(staging.iterdir()):
                entry.rename(target / entry.name)
            staging.rmdir()
        else:
            staging.rename(target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ContentError([_not_made(shown, exc)]) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    here = target == Path.cwd().resolve()
    named = TO_COMPLETE not in values["tool_line"]
    first_category = next(iter(config.categories))
    print(_next_steps(None if here else shown, config.unit.name, first_category, tool_named=named))
    if config.unit.name != given["unit"] or config.unit.area != given.get("area", config.unit.area):
        print(
            f"Tên đơn vị ghi là «{config.unit.name}» (tên ngắn «{config.unit.short_name}»), "
            f"địa bàn «{config.unit.area}»: sửa trong bảng [unit] của site.toml nếu chưa đúng."
        )
    if note := _merged_area_note(shown, config.unit.name, config.unit.area):
        print(note.render(), file=sys.stderr)
    if config.zalo.oa_id and _too_long_for_zalo(config.unit.short_name):
        warning = Problem(
            "[unit] short_name",
            f"tên ngắn «{config.unit.short_name}» dài {len(config.unit.short_name)} ký tự, quá "
            f"{AUTHOR_MAX} ký tự Zalo nhận cho tên tác giả bài viết: publish check sẽ dừng ở lỗi này "
            "khi có bản tin đầu tiên gửi lên Zalo",
            hint="Ghi tên ngắn hơn vào short_name trong bảng [unit] của site.toml (dòng đó được "
            f"đánh dấu «{TO_COMPLETE}»), hoặc đặt [zalo] author là một tên ngắn hơn chỉ dùng trên Zalo.",
            severity="warning",
        )
        print(warning.render(), file=sys.stderr)
    if "phone" in given and _emergency(given["phone"]):
        warning = Problem(
            "--phone",
            f"{given['phone']} là số khẩn cấp toàn quốc, đã có sẵn trên trang Liên hệ và Gửi "
            "phản ánh, không phải đường dây nóng của đơn vị; người dân gọi số ở khung «Thông tin "
            "liên hệ» sẽ không gặp trực ban của đơn vị",
            hint="Ghi số trực ban của đơn vị vào hotline trong bảng [contact] của site.toml (dòng "
            f"đó được đánh dấu «{TO_COMPLETE}»).",
            severity="warning",
        )
        print(warning.render(), file=sys.stderr)
    return 0


def _not_made(shown: Path, exc: OSError) -> Problem:
    """Why the project could not be written at `shown`, and what to do: the system's words
    named the tool's own staging folder (/proc/.xx.init-4qeq9tb5), and no fix."""
    if exc.errno == errno.ENAMETOOLONG:
        hint = "Đặt tên thư mục ngắn hơn (tên thư mục là tên dự án, ví dụ congan-hoakhanh)."
    elif exc.errno == errno.ENOSPC:
        hint = "Giải phóng chỗ trên ổ đĩa, hoặc tạo dự án ở ổ đĩa khác."
    else:
        hint = (
            "Chọn một thư mục bạn có quyền ghi, ví dụ trong thư mục nhà của bạn: publish init "
            f'~/{shlex.quote(shown.name or "congan-xa")} --unit "…".'
        )
    return Problem(str(shown), f"không tạo được thư mục dự án ở đây: {os_reason(exc)}", hint=hint)


def _ask_unit() -> str:
    """The unit's name typed at the terminal, or "" when nobody can answer."""
    if not sys.stdin.isatty():
        return ""
    try:
        return nfc(input('Tên đầy đủ của đơn vị (ví dụ "Công an xã Hòa Khánh"): ')).strip()
    except EOFError:
        return ""


def _option_problems(given: dict[str, str]) -> list[Problem]:
    """What is wrong with the options, each named with an example of a right value."""
    problems = []
    example = 'Ví dụ: publish init congan-hoakhanh --unit "Công an xã Hòa Khánh"'
    # README's example writes --phone "…" --address "…" for the unit to fill: copied as is, «…»
    # would stand on every page as the unit's address, with no «CẦN BỔ SUNG» to find it by.
    dots = [key for key, value in given.items() if value and DOTS.fullmatch(value)]
    for key in dots:
        problems.append(
            Problem(
                f"--{key.replace('_', '-')}",
                f"{quoted(given[key])} là chỗ để điền trong ví dụ của README, chưa phải thông tin "
                "của đơn vị",
                hint="Ghi thông tin thật của đơn vị, hoặc bỏ tùy chọn này: lệnh dùng giá trị mặc "
                f"định hay ghi «{TO_COMPLETE}» vào chỗ đó để điền sau."
                if key != "unit"
                else example,
            )
        )
    given = {key: value for key, value in given.items() if key not in dots}
    if "unit" in dots:
        pass  # said above
    elif not given["unit"]:
        problems.append(Problem("--unit", "thiếu tên đơn vị", hint=example))
    elif any(ord(c) < 32 for c in given["unit"]):
        problems.append(Problem("--unit", "tên đơn vị viết trên một dòng", hint=example))
    if "base_url" in given and not BASE_URL.match(given["base_url"]):
        problems.append(
            Problem(
                "--base-url",
                f"cần địa chỉ đầy đủ của website, nhận được {quoted(given['base_url'])}",
                hint=_base_url_hint(given["base_url"]),
            )
        )
    if "phone" in given and not _one_phone(given["phone"]):
        problems.append(
            Problem(
                "--phone",
                "cần một số điện thoại (từ 3 đến 11 chữ số, 12 khi có +84; các nhóm số ngăn "
                "bằng một khoảng trắng, dấu chấm hay gạch nối), nhận được "
                f"{quoted(given['phone'])}",
                hint='Ví dụ: --phone "0236 3 123 456", hay kèm giờ trực: --phone "0236 3 123 '
                '456 (trực 24/24)"; số thứ hai thì viết trong trang liên hệ; chưa có thì bỏ tùy '
                "chọn này.",
            )
        )
    if "email" in given and not config_module.EMAIL.match(given["email"]):
        problems.append(
            Problem(
                "--email",
                f"không phải địa chỉ thư điện tử: {quoted(given['email'])}",
                hint="Ví dụ: --email congan.xa@example.gov.vn; chưa có thì bỏ tùy chọn này.",
            )
        )
    if "oa_id" in given and not given["oa_id"].isdigit():
        got = quoted(given["oa_id"])
        hint = "Chép mã số OA từ trang quản trị Zalo OA; chưa có OA thì bỏ tùy chọn này."
        if config_module.like_a_secret(given["oa_id"]):
            # CI logs and terminals are read by more people than the secrets: it stays unsaid.
            got = f"một chuỗi {len(given['oa_id'])} ký tự chữ và số (không in ra)"
            hint = (
                "Nếu đó là token hay khóa bí mật (secret key) của ứng dụng Zalo: coi như đã lộ "
                "(lệnh nằm trong lịch sử của shell) và tạo lại (README, «Xoay vòng token và bí "
                "mật»). " + hint
            )
        problems.append(Problem("--oa-id", f"mã OA là một dãy chữ số, nhận được {got}", hint=hint))
    return problems


def _one_phone(written: str) -> bool:
    """Whether --phone is one number, as [contact] hotline must be: the number its call link
    dials (publish.contact_numbers), with no other digits beside it but its duty or office
    hours («0277 3850 113 (trực 24/24)»), as site.toml takes it without a warning."""
    found = dialled(written)
    return found is not None and found.plausible and not found.left_over


def _base_url_hint(written: str) -> str:
    """The address with https:// when only that is missing, else an example."""
    host = written.removeprefix("//")
    if re.fullmatch(r"[\w-]+(\.[\w-]+)+(/[^\s?#]*)?", host):
        return f"Thêm https:// ở đầu: --base-url https://{host.rstrip('/')}/"
    return (
        "Viết địa chỉ bắt đầu bằng https://, ví dụ --base-url https://congan-xa.example.gov.vn/ "
        "hoặc https://example.gov.vn/congan-xa/ (website trong thư mục con)."
    )


def _folder_problems(target: Path) -> list[Problem]:
    """A target that is a file or holds anything: init never writes over what is there."""
    try:
        target.lstat()
    except FileNotFoundError:
        pass
    except OSError as exc:  # a name too long, a folder on the way that cannot be read
        return [_not_made(target, exc)]
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        return [
            Problem(
                str(target),
                "đã có một tệp (hay liên kết) tên này",
                hint="Chọn tên thư mục khác cho dự án mới.",
            )
        ]
    resolved = target.resolve()
    tool = next(
        (
            folder
            for folder in resolved.parents
            if (folder / "pyproject.toml").is_file() and (folder / "publish" / "starter").is_dir()
        ),
        None,
    )
    if tool is not None:
        # Updating the tool (a new clone, git clean) would take the unit's repository with it.
        elsewhere = shlex.quote(str(tool.parent / resolved.name))
        return [
            Problem(
                str(target),
                f"nằm trong thư mục mã nguồn của công cụ publish ({tool}): kho của đơn vị phải "
                "nằm riêng, ngoài thư mục đó",
                hint=f"Chạy lại ở chỗ khác, ví dụ: publish init {elsewhere} --unit …",
            )
        ]
    # A repository just cloned (empty on GitHub or GitLab) holds only .git: that is the place.
    if target.is_dir() and any(entry.name != ".git" for entry in target.iterdir()):
        return [
            Problem(
                str(target),
                "thư mục không trống: publish init không ghi đè và không trộn với tệp có sẵn",
                hint="Chọn một thư mục chưa có hoặc trống, ví dụ publish init congan-moi --unit …",
            )
        ]
    return []


def _values(given: dict[str, str]) -> dict[str, str]:
    """Every ${name} of the templates: TOML/YAML values quoted, prose as written."""
    unit, area = _name_and_area(given["unit"], given.get("area", ""))
    unit, area = _capitalised(unit), _area_cased(area)
    # «Công an Châu Thành» names a district's police; a commune's is «Công an xã …» everywhere,
    # and after the 2025 mergers many communes share a place name.
    found = None if COMMUNE.match(unit) else LEVELS.match(unit)
    short = given.get("short_name") or (f"{found[1]} {found[2]}" if found else unit)
    # «Công an tỉnh Đồng Tháp, tỉnh Đồng Tháp» says the province twice.
    where = f"{unit}, {area}" if area and fold(area) not in fold(unit) else unit
    zalo = "oa_id" in given
    q = lambda s: json.dumps(s, ensure_ascii=False)  # noqa: E731  (TOML and YAML read JSON strings)
    missing = lambda what: f"  # {TO_COMPLETE}: {what}"  # noqa: E731
    # ".example" is reserved (RFC 2606): a placeholder no one can own; check warns while it stays.
    base_url = given.get("base_url", f"https://{slugify(unit)}.{PLACEHOLDER_DOMAIN}/")
    todo = lambda key, what: (  # noqa: E731
        "" if key in given else f" ({TO_COMPLETE}: ghi {what} trong bảng [contact] của site.toml)"
    )
    return {
        "unit": unit,
        "unit_name": q(unit),
        "short_name": q(short),
        "short_name_note": missing(
            f"tên ngắn, tối đa {AUTHOR_MAX} ký tự: tác giả của mọi bài Zalo (hay đặt [zalo] author)"
        )
        if zalo and _too_long_for_zalo(short)
        else "",
        "area": q(area),
        "area_note": ""
        if area or _province_police(unit)
        else missing('tỉnh, thành phố của đơn vị, ví dụ "tỉnh Lâm Đồng", "thành phố Đà Nẵng"'),
        "title": q(given.get("title") or f"Trang thông tin {unit}"),
        "description": q(
            f"Trang thông tin của {where}: tình hình an ninh trật tự, cảnh báo thủ đoạn tội "
            "phạm, cải cách hành chính và tiếp nhận phản ánh của người dân."
        ),
        "base_url": q(base_url.rstrip("/") + "/"),
        "base_url_note": "" if "base_url" in given else missing("địa chỉ thật của website"),
        "address": q(given.get("address", "")),
        "address_note": "" if "address" in given else missing("địa chỉ trụ sở"),
        "hotline": q(given.get("phone", "")),
        "hotline_note": ""
        if "phone" in given and not _emergency(given["phone"])
        else missing(
            "số đường dây nóng, trực ban"
            if "phone" not in given
            else f"{given['phone']} là số khẩn cấp toàn quốc, không phải đường dây nóng của đơn "
            "vị: ghi số trực ban của đơn vị"
        ),
        "email": q(given.get("email", "")),
        "email_note": "" if "email" in given else missing("thư điện tử của đơn vị"),
        "oa_id": q(given.get("oa_id", "")),
        "oa_id_note": ""
        if "oa_id" in given
        else missing('mã số OA, khi đơn vị có Zalo OA (và thêm "zalo" vào default_channels)'),
        # Without an OA nothing goes to Zalo: a zalo default would list it to the approver and
        # hold every bulletin to Zalo's limits (title, cover), the website's build with them.
        "default_channels": q(["web", "zalo", "radio"] if zalo else ["web", "radio"]),
        "channels_note": ""
        if zalo
        else '\n# Chưa có "zalo" vì đơn vị chưa có Zalo OA. Khi có: ghi mã OA vào oa_id ở bảng '
        '[zalo]\n# và thêm "zalo" vào đây (README của publish: «Đơn vị có Zalo OA sau»).',
        "url_spoken": q(f"trang thông tin điện tử của {unit}"),
        "intro": q(
            "Kính thưa quý thính giả, chào mừng quý vị đến với chuyên mục Vì an ninh Tổ quốc "
            f"do {unit} thực hiện."
        ),
        "about_lead": _about_lead(unit, area),
        # Without an OA the unit may have no Zalo page; gui-phan-anh.md marks its paragraph.
        "channels": f"Trang thông tin và Trang Zalo {unit}" if zalo else f"Trang thông tin {unit}",
        "about_summary": q(f"{where}: chức năng, nhiệm vụ, tổ chức và kênh thông tin của đơn vị."),
        "contact_summary": q(
            f"Địa chỉ, đường dây nóng, thư điện tử và giờ tiếp công dân của {where}."
        ),
        "report_summary": q(
            "Hướng dẫn người dân gửi tin báo, tố giác tội phạm và phản ánh về an ninh, trật tự "
            f"đến {unit}: "
            + (
                "trực tiếp, qua đường dây nóng, 113 hoặc Trang Zalo."
                if zalo
                else "trực tiếp, qua đường dây nóng hoặc 113."
            )
        ),
        "hotline_todo": todo("phone", "số đường dây nóng vào hotline"),
        "address_todo": todo("address", "địa chỉ trụ sở vào address"),
        "email_todo": todo("email", "thư điện tử vào email"),
        "zalo_todo": ""
        if "oa_id" in given
        # The items are numbered by hand (bold, not a list): one taken out leaves 1, 2, 4, 5.
        else f" ({TO_COMPLETE}: đơn vị chưa có Zalo OA thì xóa mục 3 này và đổi số hai mục sau "
        "thành 3, 4; có rồi thì ghi mã OA "
        'vào oa_id trong bảng [zalo] của site.toml, thêm "zalo" vào default_channels (bảng [site]), và thêm «và Trang Zalo» sau «Trang thông tin» ở '
        "mục «Về trang thông tin này» của trang Giới thiệu)",
        "version": __version__,
        "tool_line": _tool_line(),
    }


def _name_and_area(written: str, area: str) -> tuple[str, str]:
    """The unit's name and area from --unit written with its place after a comma («Công an
    phường Bến Nghé, Quận 1, TP. Hồ Chí Minh»): the name before the first comma, the rest its
    area, before an --area given too (the short name, the website's title and address are made
    from the name alone). «Công an phường 5» names no place without its district: the name keeps
    the part after its comma. The rest is the area when the name is «Công an <cấp> …» («Công an
    thị trấn Cái Tàu Hạ, Châu Thành, Đồng Tháp») or the rest starts with an area word or its
    short form (Q.1, H., TP.); a unit named after the comma («Phòng Cảnh sát giao thông, Công
    an tỉnh Quảng Nam») is the name's own."""
    name, comma, rest = written.partition(",")
    if NUMBERED.match(name):
        more, comma, rest = rest.partition(",")
        name = f"{name.strip()}, {more.strip()}"
    rest = rest.strip(" ,")
    leveled = LEVELS.match(name.strip()) or NUMBERED.match(name.strip())
    if (
        not comma
        or not name.strip()
        or not rest
        or UNIT_START.match(rest)
        or not (leveled or AREA_START.match(rest))
    ):
        return written, area
    if not area or fold(area) in fold(rest):
        return name.strip(), rest
    return name.strip(), area if fold(rest) in fold(area) else f"{rest}, {area}"


def _merged_area_note(folder: Path, unit: str, area: str) -> Problem | None:
    """A note when the area ends with a province merged into another on 1/7/2025: the about
    page of a commune's police names the province it is part of since, and the area shown
    under the unit's name on every page is the editor's to update."""
    merged = merged_province(area)
    if merged is None:
        return None
    province = province_named(area)
    about = f"; trang giới thiệu ghi «trực thuộc Công an {province}»" if COMMUNE.match(unit) else ""
    return Problem(
        (folder / config_module.CONFIG_NAME).as_posix(),
        f"địa bàn «{area}» nhắc một tỉnh đã nhập vào {province} từ ngày 1/7/2025 (Nghị quyết "
        f"202/2025/QH15){about}",
        field="[unit] area",
        hint=f"Sửa area trong bảng [unit] của site.toml thành địa bàn hiện nay (ví dụ "
        f"«{province}»), vì dòng này hiện dưới tên đơn vị trên mọi trang.",
        severity="note",
    )


def _province_police(unit: str) -> bool:
    """Whether the unit is a province's or centrally-run city's own police, whose name is its
    area: «Công an tỉnh Lâm Đồng», not «Công an thành phố Cao Lãnh» (a city inside a province)."""
    own = PROVINCIAL.match(unit)
    return own is not None and province_named(own[1]) is not None


def _about_lead(unit: str, area: str) -> str:
    """The about page's opening: the police a commune- or district-level unit belongs to, from
    the province its area ends with (the Ministry for a province's own), or the one its name
    says after its comma; asked for when the command cannot know it."""
    if _province_police(unit):
        return f"{unit} là đơn vị trực thuộc Bộ Công an"
    superior = SUPERIOR.match(unit)
    # Not a province merged on 1/7/2025 («Công an tỉnh Quảng Nam»): its police is no more.
    if superior and merged_province(superior[3]) is None:
        return f"{superior[1]} là đơn vị trực thuộc {superior[2]}"
    # «Công an Quận 3, TP.HCM» keeps its city in its name, with no area after it.
    where = area or unit.partition(",")[2]
    province = None
    if COMMUNE.match(unit):
        province = province_named(where)
    elif DISTRICT.match(unit) and merged_province(where) is None:
        # A district's police was under the province of its day: one merged on 1/7/2025 («tỉnh
        # Tiền Giang») is neither that province's police nor the one it is part of since.
        province = province_named(where)
    if province:
        return f"{unit} là đơn vị trực thuộc Công an {province}"
    return f"**{TO_COMPLETE}:** {unit} là đơn vị trực thuộc … (Công an tỉnh, thành phố)"


def _capitalised(unit: str) -> str:
    """The name as the unit writes it when it was typed in lower case: «Công an», and each word
    of the place after the level («công an xã tân phú» → «Công an xã Tân Phú»), also when
    typed in capitals as on a letterhead («CÔNG AN XÃ TÂN PHÚ»)."""
    if unit.isupper() and unit.lower().startswith("công an "):
        unit = unit.lower()
    lower = LOWER_CASE_NAME.match(unit)
    if lower:
        place = " ".join(word[:1].upper() + word[1:] for word in lower[1].split())
        return f"Công an {unit[8 : lower.start(1)]}{place}"
    return "Công an" + unit[7:] if unit.startswith("công an ") else unit


def _area_cased(area: str) -> str:
    """The area as the unit writes it when it was typed all in lower case or in capitals: the
    level lower case, each word of the place capitalised («TỈNH ĐỒNG THÁP», «huyện châu thành,
    tỉnh đồng tháp» → «huyện Châu Thành, tỉnh Đồng Tháp»); any other spelling as typed."""
    if not (area.islower() or area.isupper()):
        return area
    parts = []
    for part in area.split(","):
        level = re.match(rf"(?i)\s*{LEVEL_WORDS}\s+(?=[^\W\d])", part)
        if level is None:
            parts.append(part)
            continue
        place = " ".join(
            word[:1].upper() + word[1:].lower() for word in part[level.end() :].split()
        )
        parts.append(level[0].lower() + place)
    return ",".join(parts)


_ZALO = config_module.ZaloConfig()
AUTHOR_MAX = _ZALO.author_max
"""Zalo's longest author, which the short name is when [zalo] author is not written."""


def _too_long_for_zalo(short_name: str) -> bool:
    """Whether the short name is longer than Zalo takes as an article's author, counted as
    `publish check` counts it (ZaloConfig.length)."""
    return _ZALO.length(short_name) > AUTHOR_MAX


def _emergency(phone: str) -> bool:
    """Whether --phone is a national emergency number (113), not the unit's own line."""
    found = dialled(phone)
    return found is not None and found.digits in EMERGENCY


def _tool_line() -> str:
    """requirements.txt's line naming the tool CI installs: this very install when it can be
    named, else how to find it."""
    try:
        installed = json.loads(metadata.distribution("publish").read_text("direct_url.json") or "")
    except (metadata.PackageNotFoundError, ValueError):
        installed = None
    found = _tool_requirement(installed) if isinstance(installed, dict) else None
    if found:
        return (
            f"# Bản công cụ đã tạo dự án này (publish {__version__}), ghim theo mã commit để lần\n"
            "# chạy nào cũng như nhau; cập nhật công cụ thì đổi mã commit ở cuối dòng.\n"
            f"{found}"
        )
    return (
        f"# {TO_COMPLETE}: ghi nơi lấy công cụ, ghim một phiên bản (thẻ hoặc commit) để lần chạy\n"
        "# nào cũng như nhau, rồi bỏ dấu # ở đầu dòng. Trong thư mục mã nguồn publish đã cài (thư\n"
        "# mục có README của publish), lệnh git remote get-url origin in ra địa chỉ kho và\n"
        "# lệnh git rev-parse HEAD in ra mã commit. Ví dụ:\n"
        "# publish @ git+https://git.example/congan/publish.git@<mã commit>"
    )


def _tool_requirement(installed: dict) -> str | None:
    """`publish @ git+…@commit` for the tool as pip recorded its install (direct_url.json): the
    repository and commit it came from, or the clone it was built in when CI can fetch that
    commit from the clone's remote; None when nothing CI could reach is known."""
    vcs = installed.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and vcs.get("commit_id"):
        remote = _fetchable(str(installed.get("url", "")))
        return f"publish @ git+{remote}@{vcs['commit_id']}" if remote else None
    url = str(installed.get("url", ""))
    if not url.startswith("file://"):
        return None
    folder = Path(url2pathname(urlparse(url).path))
    head = _git(folder, "rev-parse", "HEAD")
    remote = _fetchable(_git(folder, "remote", "get-url", "origin") or "")
    # A commit no remote branch holds (made in the clone, never pushed) CI cannot fetch.
    if not head or not remote or not _git(folder, "branch", "-r", "--contains", head):
        return None
    return f"publish @ git+{remote}@{head}"


def _fetchable(remote: str) -> str | None:
    """A remote as pip's git+ URL wants it (scp-like «git@host:path» as ssh://), or None for a
    folder on this machine, which CI cannot reach."""
    if re.match(r"(https?|ssh)://", remote):
        parts = urlparse(remote)
        if parts.password is not None or parts.scheme != "ssh":
            # A clone made with a token in its address: requirements.txt is committed, and a
            # token there is one every reader of the repository holds.
            parts = parts._replace(netloc=parts.netloc.rpartition("@")[2])
        return parts.geturl()
    scp = re.fullmatch(r"([\w.-]+@)?([\w.-]+):(?!//)(.+)", remote)
    if scp and len(scp[2]) > 1:  # "C:" is a Windows drive, not a host
        return f"ssh://{scp[1] or ''}{scp[2]}/{scp[3]}"
    return None


def _git(folder: Path, *args: str) -> str | None:
    """What `git -C folder ARGS` prints, or None when git or the repository is not there."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _fill(name: str, values: dict[str, str]) -> str:
    """A starter template with the unit's values in place."""
    return Template((STARTER / name).read_text(encoding="utf-8")).substitute(values)


def _shipped(name: str) -> Path:
    """A file the starter links to from the repository: the repository's own in a checkout (git
    on Windows writes a link as a small text file), the packaged copy in an installed wheel."""
    own = CHECKOUT / LINKED[name]
    return own if (CHECKOUT / "pyproject.toml").is_file() and own.exists() else STARTER / name


def _write(root: Path, site_toml: str, values: dict[str, str]) -> None:
    """Every file of the new project under `root`."""
    (root / "site.toml").write_text(site_toml, encoding="utf-8")
    for page in sorted((STARTER / "pages").glob("*.md")):
        target = root / "content" / "pages" / page.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_fill(f"pages/{page.name}", values), encoding="utf-8")
    (root / "content" / "bai-viet").mkdir()
    _cover(root / "content" / STARTER_COVER)
    (root / "content" / "tu-viet-tat.tsv").write_text(
        _fill("tu-viet-tat.tsv", values), encoding="utf-8"
    )
    (root / "requirements.txt").write_text(_fill("requirements.txt", values), encoding="utf-8")
    (root / ".gitignore").write_text(_fill("gitignore", values), encoding="utf-8")
    (root / "state").mkdir()
    shutil.copyfile(_shipped("state-README.md"), root / "state" / "README.md")
    (root / "ci").mkdir()
    for template in sorted(_shipped("ci").iterdir()):
        text = template.read_text(encoding="utf-8")
        # The tool's repository installs itself (pip install .); a unit's project has no
        # pyproject.toml, and names the tool in requirements.txt. Until that line is filled in,
        # the run stops saying so, not with "publish: command not found" three steps later.
        text = re.sub(
            r"pip install (-q )?\.$",
            r"pip install \1-r requirements.txt && command -v publish >/dev/null || "
            r"{ echo 'Chưa cài được công cụ publish, xem dòng CẦN BỔ SUNG trong "
            r"requirements.txt' >&2; exit 1; }",
            text,
            flags=re.M,
        )
        (root / "ci" / template.name).write_text(text, encoding="utf-8")
        shutil.copymode(template, root / "ci" / template.name)


def _cover(path: Path) -> None:
    """A plain cover in the theme's colours, with no name on it: the unit replaces it (check
    warns while it stays: publish.starter_cover)."""
    path.parent.mkdir(parents=True)
    starter_cover.draw().save(path, "JPEG", quality=90)


def _next_steps(target: Path | None, unit: str, category: str, *, tool_named: bool) -> str:
    """What to do after init, in order (`target` None: the current folder)."""
    where, cd = (
        ("thư mục hiện tại", "")
        if target is None
        else (str(target), f"cd {shlex.quote(str(target))} && ")
    )
    tool = (
        "requirements.txt đã ghi sẵn bản công cụ CI cài (bản đang chạy lệnh này)"
        if tool_named
        else "ghi nơi lấy công cụ trong requirements.txt (bước 1)"
    )
    steps = [
        f"Đã tạo dự án của {unit} trong {where}.",
        "Việc tiếp theo:",
        f'  1. Điền các chỗ ghi «{TO_COMPLETE}»: {cd}grep -rn "{TO_COMPLETE}:" '
        "site.toml content/ requirements.txt (lệnh không in gì nữa là xong; Windows: tìm chữ đó "
        "bằng ô tìm kiếm của trình soạn thảo trong site.toml, content/ và requirements.txt)",
        f"  2. Thay content/{STARTER_COVER} bằng ảnh bìa của đơn vị (1200 × 630, giữ tên tệp).",
        "  3. Lưu vào git (máy chưa từng dùng git thì chạy trước một lần: "
        'git config --global user.name "Họ tên" && git config --global user.email "thư@…"): '
        # git before 3.0 names the first branch master unless configured otherwise, and the CI
        # files run on pushes to main (GitHub's push trigger, the publish environment's branch).
        'git init && git add -A && git commit -m "Dự án mới" && git branch -M main',
        f'  4. Bài đầu tiên: publish new "Tiêu đề" --category {category}',
        "  5. Kiểm tra rồi xem trước: publish check --strict, rồi publish serve",
        "  6. Phát thanh: ghi thư mục dùng chung với đài truyền thanh (ổ mạng) vào [radio] folder "
        "của site.toml; để trống thì kịch bản chỉ nằm trong output/radio/ sau publish build. "
        "README của publish, mục «Chuẩn bị thông tin đăng nhập», đoạn «Thư mục đài».",
        "  7. Xuất bản tự động: GitHub: mkdir -p .github/workflows && cp ci/github-actions.yml "
        ".github/workflows/publish.yml (Windows: mkdir .github\\workflows && copy "
        "ci\\github-actions.yml .github\\workflows\\publish.yml; dùng GitHub Pages thì bật một "
        "lần: Settings → Pages → Source: GitHub Actions); GitLab: cp ci/gitlab-ci.yml "
        ".gitlab-ci.yml (Windows: copy ci\\gitlab-ci.yml .gitlab-ci.yml); "
        f"{tool}; thử "
        "trước với Zalo giả lập (publish zalo-sandbox, README của publish, mục «Lần chạy đầu "
        "tiên»), rồi chuẩn bị thông tin đăng nhập Zalo: mục «Chuẩn bị thông tin đăng nhập».",
    ]
    return "\n".join(steps)
