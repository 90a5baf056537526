"""The typed, documented schema of `site.toml`; `parse()` is pure, `load()` reads the file.

Unknown keys are errors and every problem is reported in one pass (like MkDocs and Zola).
The unit, its places and its categories are data here, never code.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from publish import legacy_text, merge_conflicts, tag_aliases
from publish.addresses import SiteAddresses
from publish.config_files import missing_abbreviations, missing_cover
from publish.contact_numbers import LEAST_DIGITS, dialled, first_number
from publish.contact_officer import (
    EMAIL,
    OFFICER_KEYS,
    OFFICER_PHONE,
    Officer,
    label_issue,
    officer_issues,
    without_mailto,
)
from publish.control_chars import CONTROL_RE, chars_named
from publish.encoding import not_utf8
from publish.errors import TAG_ALIAS_UNUSED, ConfigError, ContentError, Problem
from publish.limits import MAX_CONFIG_BYTES, read_capped, too_large
from publish.schema import SchemaIssue, build, found_name, rules
from publish.site_legal import LEGAL_KEYS, labelled, legal_issues
from publish.syntax import (
    like_a_secret,
    toml_duplicates,
    toml_error,
    toml_string,
    toml_without_duplicate,
    toml_without_faulty_line,
)
from publish.text import fold, nfc, quoted, slugify, spoken_clause

__all__ = [
    "BUILTIN_THEME",
    "CHANNELS",
    "CONFIG_NAME",
    "DEFAULT_PROGRAM",
    "DEFAULT_TIMEZONE",
    "Config",
    "label_form",
    "line_of_key",
    "load",
    "parse",
    "zalo_length",
]

CHANNELS = ("web", "zalo", "radio")


def parse_channels(values: Sequence[str] | None) -> tuple[str, ...]:
    """Channels from repeatable or comma-separated --channel options (all when none), in any
    letter case (`--channel Web`: the name as an editor writes it in a sentence)."""
    if not values:
        return CHANNELS
    asked = [part.strip() for value in values for part in value.split(",") if part.strip()]
    wanted = {name.lower() for name in asked}
    unknown = [name for name in asked if name.lower() not in CHANNELS]
    if unknown or not wanted:  # `--channel ""` (an empty CI variable) must not build nothing
        raise ContentError(
            [
                Problem(
                    "--channel",
                    f"kênh không tồn tại: {', '.join(unknown)}" if unknown else "chưa ghi tên kênh",
                    hint=f"Các kênh: {', '.join(CHANNELS)}.",
                )
            ]
        )
    return tuple(c for c in CHANNELS if c in wanted)


def _builtin_theme() -> Path:
    """The theme shipped in the package (publish/theme, a link to the repository's templates/
    that a wheel holds as files), or the repository's templates/ where the link did not survive
    a checkout (git on Windows writes links as small text files)."""
    packaged = Path(__file__).resolve().parent / "theme"
    return (
        packaged
        if (packaged / "web").is_dir()
        else Path(__file__).resolve().parents[1] / "templates"
    )


BUILTIN_THEME = _builtin_theme()
"""The theme used when a project has no templates/web/ of its own."""
CONFIG_NAME = "site.toml"
ZALO_LIMIT = "Giới hạn của Zalo, tính bằng ký tự."
CATEGORY_EXAMPLE = (
    "Mỗi chuyên mục là một bảng [categories.<khóa>] có nhãn, ví dụ dòng [categories.tin-tuc] "
    'rồi dòng label = "Tin tức" bên dưới.'
)
CUE_SECONDS = "Độ dài của nhạc, tính bằng giây; 0 là không có."
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
"""The site's clock unless site.toml names another."""
DEFAULT_PROGRAM = "Vì an ninh Tổ quốc"
"""The weekly radio segment unless [radio] program names the unit's own."""


@dataclass(frozen=True, slots=True)
class Unit:
    """The police unit that publishes."""

    name: str = field(
        metadata=rules(
            filled=True,
            note="Tên đầy đủ của đơn vị: hiện trên website, cuối bài Zalo và kịch bản phát thanh.",
            example="Công an xã …",
        )
    )
    """Full name, e.g. "Công an huyện Châu Thành" (never assume "huyện": since 2025 units are province/commune)."""
    short_name: str = field(
        metadata=rules(
            filled=True,
            note="Tên ngắn của đơn vị, cho chỗ hẹp (tác giả bài Zalo, chân trang).",
            example="Công an xã …",
        )
    )
    """Short name for tight spaces (Zalo author, radio lead-in)."""
    area: str = ""
    """Where the unit serves, e.g. "tỉnh Đồng Tháp"."""


@dataclass(frozen=True, slots=True)
class SiteSection:
    """The public website's identity."""

    title: str = field(
        metadata=rules(
            filled=True,
            note="Tiêu đề của website: trang chủ, thẻ tiêu đề, nguồn tin Atom.",
            example="Trang thông tin Công an xã …",
        )
    )
    base_url: str = field(
        metadata=rules(
            note="Địa chỉ công khai của website, bắt đầu bằng https://.",
            example="https://congan.example.vn/",
        )
    )
    """Absolute public URL ending with '/', used for canonical links, feeds, og:image and Zalo links."""
    old_base_urls: tuple[str, ...] = ()
    """Where the website was published before base_url, oldest first (a unit renamed or merged
    in 2025 moves to a new address): the feeds keep the ids they had there (see
    Config.first_base_url), and a sync that finds base_url moved without it says so."""
    description: str = ""
    language: str = field(
        default="vi", metadata=rules(filled=True, note="Mã ngôn ngữ của các trang web.")
    )
    timezone: str = DEFAULT_TIMEZONE
    """Times without an offset are in this zone."""
    default_channels: tuple[str, ...] = CHANNELS
    """Channels a bulletin goes to unless its front matter lists its own (which replaces these)."""
    default_cover: str = ""
    """Cover image (path under content/) for bulletins that have none."""
    responsible: str = ""
    """Who answers for the website's content («Người chịu trách nhiệm»), shown in the footer."""
    license: str = ""
    """The decision or licence the website was set up under, as the unit writes it (footer)."""
    reuse_source: str = ""
    """The source to name when re-publishing the site's information: the footer's note
    «Ghi rõ nguồn “…” khi phát hành lại thông tin từ website này» ("" shows none)."""


@dataclass(frozen=True, slots=True)
class Station:
    """A post of the unit citizens go to or call: a commune's police, a one-stop desk."""

    name: str = field(
        metadata=rules(
            filled=True,
            note="Tên điểm liên hệ, hiện làm tiêu đề của điểm trong trang liên hệ.",
            example="Công an xã …",
        )
    )
    address: str = ""
    phone: tuple[str, ...] = field(
        default=(),
        metadata=rules(
            filled=True,
            note="Số điện thoại của điểm: một số, hoặc nhiều số trong ngoặc vuông.",
            example=["0277 3610 201"],
        ),
    )
    """Each number a link dials as it dials [contact] hotline (site.toml may write one number
    without brackets: _read_stations)."""
    hours: str = ""
    """Office hours as the unit writes them, shown as written."""


SECRECY = (
    "Có thể báo tin mà không nêu tên. Họ tên, địa chỉ, bút tích và mọi thông tin về người báo "
    "tin, tố giác được giữ bí mật theo quy định của pháp luật."
)
"""[contact] secrecy unless site.toml writes its own: the law's promise to an informant (Bộ
luật Tố tụng hình sự 2015, Điều 56), which a young man tipping off a dealer looks for first."""
STATIONS_TITLE = "Các điểm liên hệ"
"""The heading of the contact page's list of [[contact.stations]] unless site.toml names one."""
EMAIL_WRITTEN = "__email_written__"
"""The key under which load records in [contact] whether it has an email line (Contact)."""


@dataclass(frozen=True, slots=True)
class Contact:
    """How citizens reach the unit."""

    address: str = ""
    hotline: str = ""
    fax: str = ""
    """The head office's fax number, checked as hotline is but shown as written: never a
    tel: link, which a phone would dial into a fax machine's whistle."""
    email: str = ""
    emergency: str = "113"
    hours: str = ""
    """The head office's hours for citizens, as the unit writes them: the footer, the contact
    card. Above any [[contact.stations]] in site.toml, or it is the station's."""
    secrecy: str = SECRECY
    """What a tip-off's sender is promised, said beside the numbers where a tipster looks (the
    box after each bulletin, the contact card); "" says nothing."""
    stations: tuple[Station, ...] = ()
    """The unit's posts, in the order site.toml writes them, listed on the contact page."""
    officer: Officer = field(default_factory=Officer)
    """[contact.officer]: who answers for the website's information (see
    publish.contact_officer)."""
    stations_title: str = field(
        default=STATIONS_TITLE,
        metadata=rules(
            filled=True, note="Tiêu đề của danh sách các điểm liên hệ trong trang liên hệ."
        ),
    )
    email_written: bool = field(default=False, metadata=rules(key=EMAIL_WRITTEN, hidden=True))
    """Whether site.toml's [contact] table has an email line, even email = "": set as the file
    is read (see _read_officer), never written in it."""

    def __post_init__(self) -> None:
        """The address without a «mailto:» copied from a link: pages write their own before it."""
        if isinstance(self.email, str):
            object.__setattr__(self, "email", without_mailto(self.email))


def spoken_reach(contact: Contact) -> tuple[str, str]:
    """The hotline's number and the head office's address as the radio contact line says them
    ("" for each [contact] lacks): the line and the check that it has something to say."""
    return first_number(contact.hotline), spoken_clause(contact.address)


@dataclass(frozen=True, slots=True)
class Category:
    """A kind of bulletin the unit publishes."""

    label: str = field(
        metadata=rules(
            filled=True,
            note="Tên chuyên mục: hiện trong menu, liên kết và tiêu đề trang chuyên mục.",
            example="Tin tức",
        )
    )
    description: str = ""
    aliases: tuple[str, ...] = field(
        default=(),
        metadata=rules(
            filled=True,
            note="Khóa cũ của chuyên mục, sau khi đổi khóa: trang và nguồn tin ở địa chỉ cũ "
            "vẫn mở được, bản tin ghi khóa cũ vẫn thuộc chuyên mục này.",
            example=["canh-bao"],
        ),
    )
    """Keys the category had before it was renamed: old addresses lead to its pages, and a
    bulletin that still names an old key belongs to it."""
    old_labels: tuple[str, ...] = field(
        default=(),
        metadata=rules(
            filled=True,
            note="Nhãn cũ của chuyên mục, sau khi đổi label (hay của chuyên mục đã gộp vào "
            "đây): bản tin ghi chuyên mục bằng nhãn cũ vẫn thuộc chuyên mục này, không phải "
            "sửa (sửa là phải duyệt lại).",
            example=["Tình hình an ninh trật tự"],
        ),
    )
    """Labels the category had before (its own, or a category merged into it): a bulletin
    that names the category by an old label belongs to it, so approved bulletins need no edit."""


@dataclass(frozen=True, slots=True)
class Policy:
    """What may be published."""

    require_approval: bool = True
    """When true, a bulletin without `approved_by` is left out of every channel."""
    approval: Literal["content", "name"] = "content"
    """What an approval binds: "content", the text it was given for (a bulletin whose
    `approved_version` no longer matches its content is held back until approved again; see
    publish.approval), or "name" only (any edit after approval is published)."""
    name_only_approvals: Literal["published", "accept", "refuse"] = "published"
    """Under approval = "content", what an approval by name alone is worth (`approved_by`
    with no `approved_version`: given before `publish approve` existed, or a name typed by
    hand, which the tool cannot tell apart): "published", enough only for a bulletin state/
    records as published before (a new one is held on every channel until `publish approve`);
    "accept", enough for any bulletin (the way before); "refuse", enough for none."""
    unreadable_attachments: Literal["warn", "error"] = "warn"
    """What a linked file that cannot be read to look for secret stamps in (an encrypted PDF,
    a broken zip) is: a warning naming it, or an error that stops the build (publish.attachments)."""
    secret_classifications: tuple[str, ...] = field(
        default=("mật", "tối mật", "tuyệt mật"),
        metadata=rules(
            filled=True,
            note="Các mức mật giữ bản tin khỏi mọi kênh (ba mức của luật luôn được tính).",
        ),
    )
    """`classification` values that keep a bulletin out of every channel."""
    max_title_length: int = field(
        default=200, metadata=rules(least=1, note="Số ký tự tối đa của tiêu đề bản tin.")
    )
    max_summary_length: int = field(
        default=600, metadata=rules(least=1, note="Số ký tự tối đa của tóm tắt bản tin.")
    )
    confirm_withdrawal_from: int = field(
        default=20,
        metadata=rules(
            least=1,
            note="Số bản tin đã đăng biến khỏi content/ cùng lúc mà lệnh dựng và đồng bộ chỉ "
            "làm khi có --confirm-withdrawal.",
        ),
    )
    """Fewest published bulletins gone from content/ at once that build, serve and sync refuse
    to withdraw until --confirm-withdrawal (see publish.sync.vanished)."""


@dataclass(frozen=True, slots=True)
class WebConfig:
    """The website channel."""

    per_page: int = field(
        default=10, metadata=rules(least=1, note="Số bản tin trên mỗi trang danh sách.")
    )
    """Bulletins per page on home, category, tag and archive lists."""
    feed_items: int = field(
        default=20, metadata=rules(least=1, note="Số bản tin mới nhất trong nguồn tin Atom.")
    )
    related: int = field(
        default=4,
        metadata=rules(least=0, note="Số bản tin liên quan dưới mỗi bài; 0 là không hiện."),
    )
    """How many related bulletins each page shows."""
    pinned_max: int = field(
        default=3,
        metadata=rules(
            least=0,
            note="Số bản tin ghim (pinned) hiện nhiều nhất ở đầu trang chủ; 0 là không hiện.",
        ),
    )
    """How many pinned bulletins the home page shows above its list, the newest pinned first."""
    image_widths: tuple[int, ...] = field(
        default=(240, 480, 960),
        metadata=rules(least=1, note="Các độ rộng (điểm ảnh) làm sẵn cho mỗi ảnh."),
    )
    """Responsive widths made for every content image; 240 is a list card's thumbnail on a
    phone (6.5rem at twice the pixels), which otherwise loaded the 480 one."""


@dataclass(frozen=True, slots=True)
class ZaloConfig:
    """The Zalo Official Account channel (tokens come from the environment, never from here)."""

    oa_id: str = field(
        default="",
        metadata=rules(note="Mã OA của Zalo là một dãy số dài nên luôn viết như chuỗi ký tự."),
    )
    """The OA's numeric id, as a string: follow link https://zalo.me/<oa_id> and QR code."""
    redirect_uri: str = ""
    """The app's callback URL on developers.zalo.me, for `publish zalo-login` (not a secret)."""
    comment: Literal["show", "hide"] = "show"
    on_withdraw: Literal["hide", "remove"] = "hide"
    """What sync does to the article of a withdrawn, expired or deleted bulletin."""
    lost_create_wait: int = field(
        default=600,
        metadata=rules(
            least=0,
            note="Số giây chờ trước khi tạo lại một bài mà lần tạo trước bị mất phản hồi.",
        ),
    )
    """Seconds a create whose reply was lost is only looked for, never sent again: Zalo may not
    list an article while its create job is processing (zalo-oa-api.md §3 says nothing)."""
    stuck_job_hours: float = field(
        default=24.0,
        metadata=rules(
            above=0,
            note="Số giờ Zalo báo một yêu cầu tạo hay sửa bài «đang xử lý» (-214) thì thôi chờ.",
        ),
    )
    """Hours after which a create/update job Zalo still calls processing (-214) is given up on.
    Jobs end in seconds (real clients poll 12–24 s) and tokens are thought to live an hour
    (zalo-oa-api.md §3.4 [U]), so a day is far past any slow job; it is a day rather than a few
    hours because a given-up create that Zalo finishes after all is a duplicate once a person
    creates the bulletin again, and other bulletins sync normally meanwhile."""
    create_214_made_nothing: bool = False
    """Whether a create Zalo answers -214 («Article is being processed») made no article, so
    that the tool forgets it and sends it again next run. The contract names -214 at verify
    only (zalo-oa-api.md §3, §5 [U] for create): by default such a create is uncertain, looked
    up by title and content before it is sent again (lost_create_wait)."""
    list_total_counts_hidden: bool = False
    """Whether the total of Zalo's list of articles (getslice) counts hidden articles it does
    not list (zalo-oa-api.md §2.5 [U]). Then a list short of its total by no more than the
    articles state/zalo.json records hidden is whole; by default any shortfall is a list not
    read whole, under which no article is taken for missing (a live one would be posted twice)."""
    check_before_change: bool = True
    """Read an article (getdetail) before updating, hiding or removing it, and leave it alone
    unless it is the version the tool last posted. The contract does not confirm that getdetail
    returns the content as sent (zalo-oa-api.md §2.4 [U]): if Zalo rewrites it, every change is
    refused and an operator turns this off."""
    author: str = ""
    """Author shown on Zalo (≤ 50 characters); the unit's short name when empty."""
    footer: str = ""
    """Closing text of every article, before the link to the website (the hotline, a call
    for tips; a blank line starts another block); none when empty. Every article changes
    with it, so the next sync updates them all: a unit turns it on knowingly."""
    title_max: int = field(default=149, metadata=rules(least=1, note=ZALO_LIMIT))
    description_max: int = field(default=299, metadata=rules(least=1, note=ZALO_LIMIT))
    author_max: int = field(default=50, metadata=rules(least=1, note=ZALO_LIMIT))
    length_unit: Literal["utf16", "code_points"] = "utf16"
    """What title_max, description_max, author_max and text_block_max count, after NFC (a text
    block is cut to fit as counted so): the contract does not
    say how Zalo counts (zalo-oa-api.md §2.1, [U]). A JavaScript or Java server's length counts
    UTF-16 units, in which an emoji or a rare Han character counts two: never fewer than code
    points, so a text within it is within either count, hence the default."""
    text_block_max: int = field(
        default=1000,
        metadata=rules(
            least=100,
            note="Số ký tự tối đa của một khối chữ trong bài Zalo; đoạn dài hơn được tách giữa các câu.",
        ),
    )
    """Characters in one body text block at most: the contract knows no limit (zalo-oa-api.md,
    [U]); NukeViet's form caps a block at 1,000, and a longer paragraph is a wall of text on a
    phone."""
    max_body_blocks: int = field(
        default=0,
        metadata=rules(
            least=0,
            note=(
                "Số khối tối đa của một bài Zalo (đoạn, dòng danh sách, hàng bảng, ảnh, dòng "
                "đính chính, lời cuối và dòng dẫn về website); 0 là không giới hạn."
            ),
        ),
    )
    """Blocks in one article's body at most, every block the tool adds counted (corrections,
    footer, the closing link); 0: no limit. The contract found none (zalo-oa-api.md §2.3 [U])
    and no source gives a number, so none is made up: a unit whose Zalo refuses a long article
    sets Zalo's number, and `publish build`/`check` then stop such a bulletin before any sync."""
    cover_max_bytes: int = field(
        default=1_000_000,
        metadata=rules(least=1, note="Dung lượng tối đa của ảnh bìa gửi Zalo, tính bằng byte."),
    )
    concurrency: int = field(
        default=8, metadata=rules(least=1, note="Số yêu cầu gửi Zalo cùng lúc.")
    )
    """API calls in flight at once."""
    rate_limit_per_minute: int = field(
        default=4000,
        metadata=rules(least=0, note="Số lần gọi Zalo tối đa mỗi phút; 0 là không giãn nhịp."),
    )
    """Calls are paced to stay under this (Zalo documents 4,000 per minute per app; 0: no pacing)."""
    rate_limit_wait: int = field(
        default=300,
        metadata=rules(
            least=0,
            note=(
                "Tổng số giây một lần đồng bộ chờ khi Zalo báo gọi quá nhiều (HTTP 429) hay yêu "
                "cầu chờ (Retry-After); quá thì dừng, lần sau làm tiếp."
            ),
        ),
    )
    """Seconds a run waits on 429 replies and Retry-After in all: a CI job is not held through
    a long throttle, and the next scheduled run carries on from the saved state."""

    def length(self, text: str) -> int:
        """The length of `text` as Zalo is taken to count it against a limit (length_unit)."""
        return zalo_length(text, self.length_unit)


def zalo_length(text: str, unit: str) -> int:
    """The length of `text` after NFC in `unit` ([zalo] length_unit): code points, or UTF-16
    units ("utf16"), in which an emoji or a rare Han character counts two."""
    if text.isascii():
        return len(text)
    normal = unicodedata.normalize("NFC", text)
    if unit != "utf16":
        return len(normal)
    return len(normal.encode("utf-16-le", "surrogatepass")) // 2


@dataclass(frozen=True, slots=True)
class RadioConfig:
    """The radio channel: the weekly segment and the station's script folder."""

    folder: str = ""
    """The station's script folder (often a mounted share); PUBLISH_RADIO_DIR overrides it."""
    program: str = field(
        default=DEFAULT_PROGRAM,
        metadata=rules(filled=True, note="Tên chuyên mục phát thanh, in ở đầu kịch bản."),
    )
    air_weekday: int = 6
    """Air day, ISO weekday (1 = Thứ Hai … 6 = Thứ Bảy, 7 = Chủ nhật); site.toml may also name
    it ("Thứ Bảy", "thứ 7", "T7", "Chủ nhật", "CN"), read by `weekday_number`."""
    air_time: str = "17:00"
    """Air time, "HH:MM"; site.toml may also write it "17h00", "17h", "17g00" (`clock_time`)."""
    no_broadcast: tuple[dt.date, ...] = ()
    """Days the segment does not air (Tết, a holiday, a special programme): the bulletins of
    that slot go to the next broadcast; written as TOML dates or "dd/mm/yyyy" (`_broadcast_day`)."""
    slot_minutes: float = field(
        default=10.0,
        metadata=rules(above=0, note="Thời lượng dành cho chuyên mục mỗi số phát, tính bằng phút."),
    )
    rate_spm: int = field(
        default=240,
        metadata=rules(
            least=60,
            most=600,
            note="Tốc độ đọc, tính bằng số âm tiết mỗi phút (thường là 210, 240 hoặc 270).",
        ),
    )
    """Read rate in syllables per minute."""
    intro: str = ""
    outro: str = ""
    abbreviations: str = ""
    """The unit's abbreviation TSV (path from the project root), merged over the built-in list."""
    url_spoken: str = ""
    """Phrase read instead of a web address or e-mail (R1.4), e.g. "trang thông tin điện tử của
    Công an huyện"; empty: the clause holding it is left out and the editor warned."""
    reader: str = ""
    """Default reader shown in each item header ("Đọc: …"); a bulletin's `radio.reader` overrides it."""
    tune_open: str = "NHẠC HIỆU MỞ ĐẦU"
    """Cue text of the opening signature tune (printed in capitals, never read)."""
    tune_open_seconds: int = field(default=20, metadata=rules(least=0, most=600, note=CUE_SECONDS))
    stinger: str = "NHẠC CẮT"
    """Cue text of the short stinger between two bulletins."""
    stinger_seconds: int = field(default=5, metadata=rules(least=0, most=600, note=CUE_SECONDS))
    """Length of the stinger; 0 puts no stinger between bulletins."""
    tune_close: str = "NHẠC HIỆU KẾT THÚC"
    tune_close_seconds: int = field(default=20, metadata=rules(least=0, most=600, note=CUE_SECONDS))
    contact: Literal["off", "outro", "feedback"] = field(
        default="off",
        metadata=rules(
            note=(
                "Nơi đọc lời liên hệ làm từ [contact] (đường dây nóng, trụ sở, giờ tiếp công "
                'dân, số khẩn cấp): "outro" trong lời kết mỗi tập, "feedback" sau mỗi tin của '
                'các chuyên mục ghi ở feedback_categories, "off" không đọc.'
            )
        ),
    )
    """Where the spoken contact line built from [contact] is read (publish.render.radio.contact):
    in every episode's closing words, after each item of the feedback_categories, or nowhere.
    Off by default: turned on, every coming episode changes, a «SỬA LẦN» for the station, so a
    unit upgrading opts in knowingly."""
    feedback_categories: tuple[str, ...] = field(
        default=(),
        metadata=rules(
            filled=True,
            note="Khóa các chuyên mục kêu gọi người dân báo tin, phản ánh.",
            example=["tiep-nhan-phan-anh"],
        ),
    )
    """Keys of the categories whose bulletins call for tips: with contact = "feedback", the
    contact line is read after each of their items."""


@dataclass(frozen=True, slots=True)
class Config:
    """Everything in site.toml, plus where the project lives."""

    unit: Unit
    site: SiteSection
    categories: dict[str, Category] = field(metadata=rules(note=CATEGORY_EXAMPLE))
    tag_aliases: dict[str, str] = field(
        default_factory=dict,
        metadata=rules(
            note="Thẻ đã gộp hay đổi tên: mỗi dòng là thẻ cũ = thẻ nay dùng, ví dụ "
            '"cảnh giác" = "cảnh giác lừa đảo". Bản tin ghi thẻ cũ thuộc thẻ mới mà không phải '
            "sửa (sửa là phải duyệt lại); trang thẻ cũ chuyển sang trang thẻ mới."
        ),
    )
    """Old tags and the tag each is now (publish.tag_aliases): bulletins keep their files (and
    their approval), and the old tag's page redirects to the new one."""
    contact: Contact = field(default_factory=Contact)
    policy: Policy = field(default_factory=Policy)
    web: WebConfig = field(default_factory=WebConfig)
    zalo: ZaloConfig = field(default_factory=ZaloConfig)
    radio: RadioConfig = field(default_factory=RadioConfig)
    root: Path = field(default=Path("."), metadata=rules(key="__root__", hidden=True))

    @property
    def tz(self) -> ZoneInfo:
        """The site timezone."""
        return ZoneInfo(self.site.timezone)

    @property
    def base_url(self) -> str:
        """`site.base_url`, always ending with '/'."""
        return self.site.base_url.rstrip("/") + "/"

    @property
    def first_base_url(self) -> str:
        """The website's first address (the oldest of [site] old_base_urls, else base_url),
        ending with '/': what its Atom ids are made of, so that a feed reader never sees an
        entry twice when the site moves to a new address."""
        first = self.site.old_base_urls[0] if self.site.old_base_urls else self.site.base_url
        return first.rstrip("/") + "/"

    @property
    def addresses(self) -> SiteAddresses:
        """base_url and [site] old_base_urls: a link written with any of them is the site's own."""
        return SiteAddresses(self.base_url, self.site.old_base_urls)

    def absolute_url(self, path: str) -> str:
        """Join a site path such as `/2020/12/x/` to the public base URL."""
        return self.base_url + path.lstrip("/")


def parse(
    text: str,
    *,
    root: Path,
    filename: str = CONFIG_NAME,
    channels: Sequence[str] = CHANNELS,
) -> Config:
    """Parse site.toml text into a Config, or raise ConfigError listing every problem (the
    files it names told missing only for the `channels` that read them)."""
    data, written_twice, blanked = _read_toml(text, filename)
    if data is None:
        raise ConfigError(written_twice)
    issues: list[SchemaIssue] = []
    data.pop("__root__", None)
    garbled = _garbled(data, text, filename)
    invisible = _invisible(data)
    data = _composed(data, ())
    _read_air_slot(data, issues)
    _read_stations(data, issues)
    _read_officer(data, issues)
    config = build(Config, data, (), issues, suggest=_table_meant)
    issues.extend(_semantic_issues(config))
    issues = [i for i in issues if not _missing_in_blanked(i, blanked)]
    # A value refused for itself (a time zone) already shows the character in its message.
    refused = {i.path for i in issues}
    issues += [i for i in invisible if i.path not in refused]
    if issues or garbled or written_twice:
        problems = [_problem(i, text, filename) for i in issues] + garbled + written_twice
        problems += _missing_files(data, root, text, filename, channels)
        # Top to bottom of the file, as it is read; a missing table (no line) comes last.
        problems.sort(key=lambda p: p.line if p.line is not None else len(text))
        raise ConfigError(problems)
    return _with_root(config, root)


AS_ON_DISK = frozenset({("site", "default_cover"), ("radio", "abbreviations"), ("radio", "folder")})
"""Values that name a file or folder: kept as written, since a Mac's decomposed name (NFD) in
NFC is no file on Linux or Windows (a path is not shown, so it needs no NFC either)."""


def _composed(value: Any, path: tuple[str, ...]) -> Any:
    """`value` with every text in NFC but the paths of AS_ON_DISK: site.toml written decomposed
    (Unikey's «Unicode tổ hợp», a Mac) put the unit's name, the site's title and the labels on
    every page with their marks drawn beside the letters. Keys stay as written, so that a
    problem still names the line they are on."""
    if isinstance(value, str):
        return value if path in AS_ON_DISK else nfc(value)
    if isinstance(value, dict):
        return {key: _composed(item, (*path, str(key))) for key, item in value.items()}
    if isinstance(value, list):
        return [_composed(item, path) for item in value]
    return value


def _missing_files(
    data: dict[str, Any], root: Path, text: str, filename: str, channels: Sequence[str]
) -> list[Problem]:
    """The files site.toml names that are not there, told beside its other errors: the build
    that uses them would tell them only once those are fixed, a second round for the IT officer."""
    missing = []
    checks: list[tuple[tuple[str, str], Callable[[Path, str], Problem | None]]] = [
        (("site", "default_cover"), missing_cover)
    ]
    # A website-only build never reads the radio's file: telling it there sent the IT officer
    # looking for a file the failing build did not need.
    if "radio" in channels:
        checks.append((("radio", "abbreviations"), missing_abbreviations))
    for path, check in checks:
        table = data.get(path[0])
        written = table.get(path[1]) if isinstance(table, dict) else None
        if isinstance(written, str) and (problem := check(root, nfc(written))):
            missing.append(replace(problem, file=filename, line=line_of_key(text, path)))
    return missing


MAX_TOLD_TWICE = 20
"""Tables and keys written twice told one by one: each costs a parse of the whole file, and a
file pasted into itself (thousands of them) took seconds per hundred."""


def _read_toml(
    text: str, filename: str
) -> tuple[dict[str, Any] | None, list[Problem], set[tuple[str, ...]]]:
    """The TOML of site.toml, a problem for each table or key written twice (a category copied
    to make a new one whose key was not changed), and the tables so left out: those are cut so
    that every other problem is told in the same pass. None and the problems when the text
    cannot be read: each line that breaks the syntax is cut in turn, so that all of them are
    told in one pass (up to MAX_TOLD_TWICE), but what is left is not checked against the schema,
    whose errors for the keys cut would only repeat them."""
    if conflicts := merge_conflicts.conflict_lines(text):
        # Read as TOML, each marker line was «không phải dạng 'khóa = giá trị'» and each key of
        # both branches «viết hai lần»: none of it said a merge was left half done.
        told = merge_conflicts.message(conflicts)
        return (
            None,
            [Problem(filename, told, line=conflicts[0], hint=merge_conflicts.RESOLVE)],
            set(),
        )
    problems: list[Problem] = []
    blanked: set[tuple[str, ...]] = set()
    readable = text
    broken = False
    while True:
        try:
            data = tomllib.loads(readable)
        except tomllib.TOMLDecodeError as exc:
            found = toml_error(exc, readable)
            cut = toml_without_duplicate(exc, readable)
            line_cut = None if cut is not None else toml_without_faulty_line(exc, readable)
            if (cut is not None or line_cut is not None) and len(problems) == MAX_TOLD_TWICE:
                problems.append(_more_told(readable, found.line, filename, broken=broken))
                return None, problems, blanked
            problems.append(
                Problem(
                    filename, found.message, line=found.line, hint=found.hint, column=found.column
                )
            )
            if line_cut is not None:
                readable, broken = line_cut, True
                continue
            if cut is None:
                return None, problems, blanked
            readable, table = cut
            if table:
                blanked.add(tuple(table.split(".")))
        else:
            return (None if broken else data), problems, blanked


def _more_told(readable: str, line: int | None, filename: str, *, broken: bool) -> Problem:
    """The one problem standing for the syntax errors and duplicates past MAX_TOLD_TWICE."""
    if broken:
        return Problem(
            filename,
            "… và còn những lỗi cú pháp khác",
            line=line,
            hint=f"Sửa {MAX_TOLD_TWICE} chỗ trên rồi chạy lại để xem tiếp. Nhiều dòng hỏng liền "
            "nhau thường do tệp bị dán lẫn nội dung khác: so với mẫu trong docs/cau-hinh.md.",
        )
    more = toml_duplicates(readable)
    return Problem(
        filename,
        f"… và còn {more} chỗ trùng" if more else "… và còn những chỗ trùng khác",
        line=line,
        hint=f"Sửa {MAX_TOLD_TWICE} chỗ trên rồi chạy lại để xem tiếp. Tệp có thể đã bị dán "
        "vào chính nó: khi đó giữ một bản, xóa phần dán thừa.",
    )


def _missing_in_blanked(issue: SchemaIssue, blanked: set[tuple[str, ...]]) -> bool:
    """Whether `issue` is a key missing from a table whose second copy, holding it perhaps, was
    cut for being written twice: telling it would have the key added a third time."""
    return issue.message.startswith(("thiếu khóa bắt buộc", "thiếu bảng bắt buộc")) and any(
        issue.path[: len(table)] == table for table in blanked
    )


def _garbled(data: dict[str, Any], text: str, filename: str) -> list[Problem]:
    """One error for each text value holding Vietnamese in an old code page or UTF-8 decoded
    twice: the unit's name, the site's title, a category's label show on every page, in every
    Zalo article and radio script, as gibberish."""
    problems = []
    for path, value in _strings(data, ()):
        found = legacy_text.find_garbled(nfc(value))
        if not found:
            continue
        issue = SchemaIssue(
            path,
            legacy_text.message(found[0], len(found) - 1, found[1:]),
            legacy_text.unikey_hint(found[0], found[1:]),
        )
        problem = _problem(issue, text, filename)
        line = _line_holding(text, problem.line, found[0].excerpt)
        problems.append(replace(problem, line=line))
    return problems


def _invisible(data: dict[str, Any]) -> list[SchemaIssue]:
    """One error for each text value holding a control character or another one no reader
    sees (see control_chars.CONTROL_RE), written as a TOML escape (`\\u000B`, `\\b`) or pasted
    from Word: in the unit's name or a label it goes on every page, and no feed reader takes a
    feed holding one."""
    return [
        SchemaIssue(
            path,
            f"có {chars_named(found)}: ký tự vô hình, không ai "
            "đọc thấy, và nguồn tin (feed) có nó thì trình đọc tin không nhận",
            "Gõ lại giá trị này (hoặc xóa chuỗi \\u… hay \\b… trong đó); dán từ Word thì dùng "
            "Ctrl+Shift+V để dán chữ thuần.",
        )
        for path, value in _strings(data, ())
        if (found := CONTROL_RE.findall(value))
    ]


def _strings(value: object, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every string in parsed TOML with the key path it is under (a list's items under its key)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            # A table of a list ([[contact.stations]]) is told by its place, as the schema tells it.
            yield from _strings(item, (*path, str(index)) if isinstance(item, dict) else path)


def _line_holding(text: str, start: int | None, excerpt: str) -> int | None:
    """The line, from the key's line `start` on, that holds the start of `excerpt`: a value
    written over several lines (a triple-quoted string, a list) has its garbled line further
    down."""
    if start is None:
        return None
    piece = nfc(excerpt[:20])
    lines = text.split("\n")
    for number in range(start, min(len(lines), start + 200) + 1):
        if piece in nfc(lines[number - 1]):
            return number
    return start


def _where_to_run(root: Path) -> str:
    """How to reach the project from `root`: the nearest folder above holding site.toml is named
    (an editor who opened a terminal in content/bai-viet is told where to go, not guessed for)."""
    for folder in root.resolve().parents:
        if (folder / CONFIG_NAME).is_file():
            return (
                f'Thư mục dự án có vẻ là {folder} (có site.toml): chạy lệnh ở đó (cd "{folder}") '
                f'hoặc thêm --root "{folder}".'
            )
    if inside := _projects_inside(root):
        if len(inside) == 1:
            return (
                f"Dự án nằm trong thư mục con {inside[0]} (có site.toml, như sau lệnh publish "
                f'init {inside[0]}): chạy cd "{inside[0]}" rồi chạy lại lệnh, hoặc thêm '
                f'--root "{inside[0]}".'
            )
        return (
            f"Các thư mục con có site.toml: {', '.join(inside)}: chạy cd vào thư mục dự án của "
            "đơn vị rồi chạy lại lệnh, hoặc thêm --root với tên thư mục đó."
        )
    return (
        "Chạy lệnh trong thư mục dự án (nơi có site.toml) hoặc dùng --root. Đơn vị chưa có dự án "
        'thì tạo bằng một lệnh, không chép tay: publish init THƯ_MỤC --unit "Công an xã …" '
        "(README, mục «Dùng cho đơn vị của bạn»)."
    )


def _projects_inside(root: Path) -> list[str]:
    """The folders right under `root` holding site.toml (at most five, by name): a command typed
    just after `publish init THƯ_MỤC`, without going into it."""
    try:
        found = sorted(
            entry.name
            for entry in root.iterdir()
            if entry.is_dir() and (entry / CONFIG_NAME).is_file()
        )
    except OSError:
        return []  # an unreadable folder: the general hint stands
    return found[:5]


def load(root: Path, *, channels: Sequence[str] = CHANNELS) -> Config:
    """Read `<root>/site.toml` and parse it for a command that reads `channels`."""
    path = root / CONFIG_NAME
    try:
        with open(path, "rb") as handle:
            raw, size = read_capped(handle, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        raise ConfigError(
            [
                Problem(
                    CONFIG_NAME,
                    f"không tìm thấy tệp cấu hình trong {root.resolve()}",
                    hint=_where_to_run(root),
                )
            ]
        ) from None
    if size > MAX_CONFIG_BYTES:
        raise ConfigError(
            [
                Problem(
                    CONFIG_NAME,
                    f"tệp cấu hình {too_large(size, MAX_CONFIG_BYTES)}: không đọc",
                    hint="Tệp cấu hình chỉ chứa thiết lập (thường vài KB): xóa phần thừa, hoặc "
                    "chép lại từ mẫu trong docs/cau-hinh.md.",
                )
            ]
        )
    try:
        text = raw.decode("utf-8-sig")  # Notepad may write a BOM: «UTF-8 with BOM»
    except UnicodeDecodeError as exc:
        told = not_utf8(raw, exc)
        raise ConfigError(
            [Problem(CONFIG_NAME, told.message, line=told.line, hint=told.hint)]
        ) from None
    return parse(text, root=root, channels=channels)


def _with_root(config: Config, root: Path) -> Config:
    """Return the config with its project root set."""
    return replace(config, root=root)


TABLE_WORDS = {
    "unit": ("don vi", "co quan", "to chuc"),
    "site": ("trang", "trang web", "website", "trang tin", "trang thong tin"),
    "contact": ("lien he", "lien lac", "thong tin lien he"),
    "policy": ("chinh sach", "quy dinh", "kiem duyet", "duyet"),
    "categories": ("chuyen muc", "danh muc", "the loai", "category", "chuyen muc tin"),
    "zalo": ("zalo oa", "oa"),
    "radio": ("phat thanh", "dai", "dai phat thanh", "truyen thanh", "loa"),
}
"""Table names as a Vietnamese editor may write them (folded): spelling alone cannot tell that
`[don-vi]` means `[unit]`."""


def _table_meant(key: str) -> str | None:
    """The table a top-level key written in Vietnamese stands for, if it is one of TABLE_WORDS."""
    words = " ".join(re.split(r"[\W_]+", fold(nfc(key)))).strip()
    return next((table for table, said in TABLE_WORDS.items() if words in said), None)


def _semantic_issues(config: Config) -> list[SchemaIssue]:
    """Checks a type cannot express (a table or key left out is None: its issue is listed)."""
    issues = []
    if isinstance(config.site, SiteSection):
        issues.extend(_site_issues(config.site))
    if isinstance(config.contact, Contact):
        issues.extend(_contact_issues(config.contact))
    if config.categories is None:
        return issues + _zalo_issues(config.zalo)
    for key in config.categories:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key):
            issues.append(
                SchemaIssue(
                    ("categories", key),
                    "khóa chuyên mục chỉ gồm a-z, 0-9 và dấu -",
                    _category_key_hint(key),
                )
            )
    if not config.categories:
        issues.append(SchemaIssue(("categories",), "cần ít nhất một chuyên mục", CATEGORY_EXAMPLE))
    issues.extend(_label_issues(config.categories))
    issues.extend(_alias_issues(config.categories))
    if isinstance(config.tag_aliases, dict):
        issues.extend(tag_aliases.issues(config.tag_aliases, _grades_read(config.policy)))
    issues.extend(_radio_contact_issues(config))
    return issues + _zalo_issues(config.zalo)


def _grades_read(policy: object) -> Policy:
    """`policy` with the secret grades it could be read with: a [policy] or a grade of another
    type than text is told by its rule, the grades written as text and the law's still count."""
    if not isinstance(policy, Policy):
        return Policy()
    grades = policy.secret_classifications
    if not isinstance(grades, tuple | list):
        return replace(policy, secret_classifications=Policy().secret_classifications)
    return replace(policy, secret_classifications=tuple(g for g in grades if isinstance(g, str)))


def _radio_contact_issues(config: Config) -> list[SchemaIssue]:
    """[radio] contact has something of [contact] to read and, as "feedback", categories to
    read it after, each a key of [categories] (a value the type refuses is told by its rule)."""
    radio, contact = config.radio, config.contact
    if not isinstance(radio, RadioConfig) or radio.contact not in ("outro", "feedback"):
        return []
    issues = []
    # A value of another type than text is told by its rule.
    written = isinstance(contact, Contact) and all(
        isinstance(value, str) for value in (contact.hotline, contact.address)
    )
    if written and isinstance(contact, Contact) and not any(spoken_reach(contact)):
        issues.append(
            SchemaIssue(
                ("radio", "contact"),
                f"lời liên hệ đọc trên sóng ({quoted(radio.contact)}) không có gì để đọc ngoài "
                "số khẩn cấp: [contact] chưa có đường dây nóng (hotline) hay địa chỉ trụ sở "
                "(address)",
                'Ghi hotline = "…" hoặc address = "…" trong [contact], hoặc tắt: contact = "off".',
            )
        )
    if radio.contact != "feedback":
        return issues
    if not radio.feedback_categories:
        calls = _calls_for_tips(config.categories)
        named = "" if calls else " Các khóa chuyên mục: " + ", ".join(config.categories) + "."
        issues.append(
            SchemaIssue(
                ("radio", "contact"),
                "«feedback» đọc lời liên hệ sau tin của các chuyên mục ghi ở "
                "feedback_categories, nhưng chưa ghi chuyên mục nào: lời liên hệ không được đọc "
                "ở đâu",
                "Thêm dòng feedback_categories với khóa các chuyên mục kêu gọi báo tin, phản ánh, "
                f'ví dụ feedback_categories = ["{calls[0] if calls else "…"}"]; '
                f'hoặc đọc trong lời kết mỗi tập: contact = "outro".{named}',
            )
        )
    for key in radio.feedback_categories:
        if not isinstance(key, str) or not key.strip() or key in config.categories:
            continue  # an empty or non-string entry is told by its rule
        issues.append(
            SchemaIssue(
                ("radio", "feedback_categories"),
                f"{quoted(key)} không phải khóa của chuyên mục nào trong [categories]",
                _feedback_key_hint(key, config.categories),
            )
        )
    return issues


CALL_FOR_TIPS = ("phản ánh", "báo tin", "tin báo", "tố giác")
"""Words of a category that calls for tips («Tiếp nhận phản ánh», «Tin báo tố giác»)."""


def _calls_for_tips(categories: dict[str, Category]) -> list[str]:
    """The keys of the categories whose key or label names a call for tips, in order: the
    example of feedback_categories (the first category may be anything, as the movement's)."""
    return [
        key
        for key, category in categories.items()
        if isinstance(label := getattr(category, "label", ""), str)
        and (_names_tips(fold(key), folded=True) or _names_tips(nfc(label).lower(), folded=False))
    ]


def _names_tips(text: str, folded: bool) -> bool:
    """Whether `text` holds one of CALL_FOR_TIPS as whole words (tone marks kept unless
    `folded`: a label's «Tin bão» is storm news), not as «tin báo chí» (press news)."""
    words = re.findall(r"[^\W_]+", text)
    for phrase in CALL_FOR_TIPS:
        wanted = (fold(phrase) if folded else phrase).split()
        for at in range(len(words) - len(wanted) + 1):
            after = words[at + len(wanted) : at + len(wanted) + 1]
            if words[at : at + len(wanted)] == wanted and after not in (["chí"], ["chi"]):
                return True
    return False


def _feedback_key_hint(written: str, categories: dict[str, Category]) -> str:
    """How to name the category `written` meant: its key, found by an old key, its label or
    a near spelling; else the keys there are."""
    folded = fold(nfc(written)).strip()
    for key, category in categories.items():
        said = (getattr(category, "label", ""), *getattr(category, "old_labels", ()))
        # A label of another type (`label = 5`) is told by its rule; only text is compared.
        labels = (fold(label) for label in said if isinstance(label, str))
        if written in getattr(category, "aliases", ()) or folded in labels:
            return f'Ghi khóa của chuyên mục [categories.{key}]: "{key}".'
    near = difflib.get_close_matches(written, list(categories), n=1)
    if near:
        return f'Có phải "{near[0]}"? Ghi đúng khóa như trong [categories.{near[0]}].'
    return "Các khóa chuyên mục: " + ", ".join(f'"{k}"' for k in categories) + "."


PHONE_KEYS = (("hotline", "0297 3846 113"), ("emergency", "113"))
"""The [contact] keys that hold a number to call, each with an example of one."""
FAX_EXAMPLE = "0277 3610 114"
"""A fax number in the examples of hints."""
FAX_LABELS = ("fax", "so fax", "may fax")
"""What a fax written with its label starts with (folded): «Fax: 0277 …» showed «Fax: Fax: …»."""


def _contact_issues(contact: Contact) -> list[SchemaIssue]:
    """[contact] email is an address and each number key holds a number (see
    publish.contact_numbers): every page links them (mailto:, tel:), so one without @ or a
    number without 3 digits («24/24», «trực ban») reaches no one. (A number with more beside
    it is told as a warning: see contact_warnings.)"""
    issues = [
        SchemaIssue(
            ("contact", key),
            f"không có số điện thoại nào (cần một số từ {LEAST_DIGITS} chữ số): {quoted(written)}",
            f'Ghi số {"fax" if key == "fax" else "để gọi"}, ví dụ {key} = "{example}"; chưa có '
            f'thì để trống: {key} = "".',
        )
        # The fax too: its number is shown, not dialled, but one without digits faxes nowhere.
        for key, example in (*PHONE_KEYS, ("fax", FAX_EXAMPLE))
        if isinstance(written := getattr(contact, key), str)
        and written.strip()
        and dialled(written) is None
    ]
    fax = contact.fax if isinstance(contact.fax, str) else ""
    if not any(i.path == ("contact", "fax") for i in issues) and labelled(fax, FAX_LABELS):
        issues.append(label_issue(("contact", "fax"), fax, f'fax = "{FAX_EXAMPLE}"'))
    issues += _station_issues(contact.stations)
    if isinstance(contact.officer, Officer):
        issues += officer_issues(contact.officer)
    email = contact.email.strip() if isinstance(contact.email, str) else ""
    if not email or EMAIL.match(email):
        return issues
    return [
        *issues,
        SchemaIssue(
            ("contact", "email"),
            f"không phải địa chỉ thư điện tử: {quoted(contact.email)}",
            'Viết đủ tên@tên-miền, ví dụ email = "congan.xa@example.gov.vn"; chưa có thì '
            'để trống: email = "".',
        ),
    ]


STATION_PHONE = "0277 3610 201"
"""A station's number in the examples of hints."""


def _station_issues(stations: tuple[Station, ...]) -> list[SchemaIssue]:
    """Each [[contact.stations]] phone holds a number to call, as hotline does, and a station
    says where or how to reach it: a post with a name only reaches no one."""
    issues = []
    for index, station in enumerate(stations):
        where = ("contact", "stations", str(index), "phone")
        issues += [
            SchemaIssue(
                where,
                f"không có số điện thoại nào (cần một số từ {LEAST_DIGITS} chữ số): "
                f"{quoted(written)}",
                f'Ghi số để gọi, ví dụ phone = "{STATION_PHONE}"; giờ làm việc ghi ở hours.',
            )
            for written in station.phone
            if isinstance(written, str) and written.strip() and dialled(written) is None
        ]
        address = station.address.strip() if isinstance(station.address, str) else ""
        if not station.phone and not address:
            named = f" «{station.name}»" if isinstance(station.name, str) else ""
            issues.append(
                SchemaIssue(
                    where,
                    "điểm liên hệ chưa có số điện thoại hay địa chỉ: người dân không biết gọi hay "
                    "tới đâu",
                    f'Thêm phone = "{STATION_PHONE}" hoặc address = "…" vào điểm{named}.',
                )
            )
    return issues


def _site_text(config: Config) -> str:
    """site.toml's text, "" when unreadable: load read it a moment ago, so a file changed
    since is its next run's to tell."""
    try:
        return (config.root / CONFIG_NAME).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def _warned(
    config: Config, issue: SchemaIssue, severity: str = "warning", text: str | None = None
) -> Problem:
    """A site.toml issue told as a warning (or a note) at its line, found in `text` when the
    caller has read it already."""
    written = _site_text(config) if text is None else text
    return replace(_problem(issue, written, CONFIG_NAME), severity=severity)


def contact_warnings(config: Config) -> list[Problem]:
    """A warning for each [contact] number a page's «Gọi» link cannot dial as written: it dials
    the number publish.contact_numbers reads, so other digits beside it are never called, and
    a number too long to be one is not linked at all. A warning, an error under --strict: a
    second number written beside the hotline for years must not stop every command after an
    upgrade (Zalo and radio link no number). Not the fax: it is shown as written, linked to
    nothing, so no digit of it goes undialled."""
    warnings = []
    contact = config.contact
    numbers: list[tuple[tuple[str, ...], str, str]] = [
        (("contact", key), getattr(contact, key), example) for key, example in PHONE_KEYS
    ]
    numbers.append((("contact", "officer", "phone"), contact.officer.phone, OFFICER_PHONE))
    for path, written, example in numbers:
        key = path[-1]
        problem = _phone_problem(written)
        if problem:
            issue = SchemaIssue(
                path,
                problem,
                f'Ghi một số, ví dụ {key} = "{example}"; giờ trực hay giờ làm việc viết sau số '
                f'cũng được: {key} = "{example} (trực 24/24)", "{example} (7h–17h)". Trang web '
                "gọi số này khi người xem nhấn vào; số khác thì viết trong trang liên hệ "
                "(content/pages/lien-he.md).",
            )
            warnings.append(_warned(config, issue))
    if (lost := _unit_email_under_officer(config)) is not None:
        warnings.append(lost)
    for index, station in enumerate(config.contact.stations):
        for written in station.phone:
            if problem := _phone_problem(written):
                issue = SchemaIssue(
                    ("contact", "stations", str(index), "phone"),
                    problem,
                    "Ghi mỗi số thành một phần tử của danh sách, ví dụ phone = "
                    f'["{STATION_PHONE}", "0912 345 678"]; giờ làm việc ghi ở hours.',
                )
                warnings.append(_warned(config, issue))
    return warnings


def _unit_email_under_officer(config: Config) -> Problem | None:
    """A warning when [contact.officer] has an e-mail and [contact] writes none: the unit's
    `email`, written below the [contact.officer] line, is the officer's to TOML (the officer
    has an email key too, so it cannot be told from one as hours can: _read_officer), and the
    unit's own address is shown nowhere. Only when [contact] has no email line at all: a unit
    with no address of its own writes email = "" there, and is not warned again."""
    contact = config.contact
    if not contact.officer.email.strip() or contact.email.strip() or contact.email_written:
        return None
    issue = SchemaIssue(
        ("contact", "officer", "email"),
        "bảng [contact] không có email của đơn vị, còn bảng [contact.officer] có: dòng email "
        "viết dưới dòng [contact.officer] là thư của cán bộ, trang web không hiện thư nào của "
        "đơn vị",
        "Nếu đây là thư của đơn vị, chuyển dòng này lên trên dòng [contact.officer]. Đơn vị "
        'không có thư riêng thì ghi email = "" trong bảng [contact] (trên dòng '
        "[contact.officer]) để không còn cảnh báo này.",
    )
    return _warned(config, issue)


def feedback_categories_warning(config: Config) -> list[Problem]:
    """A warning when [radio] feedback_categories is written but contact is not "feedback": the
    list is then ignored, and a unit that wrote it believes the line is read after those items.
    A warning (an error under --strict): nothing is read wrongly, only not read."""
    radio = config.radio
    if radio.contact == "feedback" or not radio.feedback_categories:
        return []
    issue = SchemaIssue(
        ("radio", "feedback_categories"),
        f'danh sách chuyên mục này chỉ dùng khi contact = "feedback", nhưng contact là '
        f"{quoted(radio.contact)}: lời liên hệ không được đọc sau tin của các chuyên mục này",
        'Muốn đọc lời liên hệ sau mỗi tin của các chuyên mục ấy thì ghi contact = "feedback" '
        "trong [radio]; không thì xóa dòng feedback_categories.",
    )
    return [_warned(config, issue)]


def tag_alias_warnings(config: Config, found: Sequence[SchemaIssue]) -> list[Problem]:
    """Each old tag of [tag_aliases] no bulletin carries (`found`: publish.tag_aliases.unused)
    as a warning at its line. One --strict leaves a warning (errors.STRICT_EXEMPT)."""
    if not found:
        return []
    text = _site_text(config)
    return [replace(_warned(config, issue, text=text), code=TAG_ALIAS_UNUSED) for issue in found]


def timezone_warning(config: Config) -> list[Problem]:
    """A warning when [site] timezone is a clock other than Vietnam's (UTC+7, no summer time):
    every time written without an offset — publish dates, embargoes, broadcasts — is read on
    it, so `timezone = "UTC"` moved every bulletin 7 hours without a word. A warning (an error
    under --strict): the key is documented, and a zone may be meant."""
    tz = config.tz
    offset = dt.datetime(2026, 1, 1, 12, tzinfo=tz).utcoffset()
    summer = dt.datetime(2026, 7, 1, 12, tzinfo=tz).utcoffset()
    if offset == summer == VIETNAM_OFFSET:
        return []
    hours = (offset or dt.timedelta(0)) - VIETNAM_OFFSET
    gap = f"{abs(hours.total_seconds()) / 3600:g}".replace(".", ",")
    when = "sớm" if hours > dt.timedelta(0) else "muộn"
    issue = SchemaIssue(
        ("site", "timezone"),
        f"múi giờ {quoted(config.site.timezone)} không phải giờ Việt Nam (UTC+7): mọi giờ viết "
        "không kèm múi giờ (ngày đăng, hẹn giờ, giờ phát thanh) được hiểu theo múi này"
        + (f", nên bài đăng {when} {gap} giờ so với giờ ghi" if offset == summer else ""),
        f'Đơn vị ở Việt Nam: xóa dòng timezone, hoặc ghi timezone = "{DEFAULT_TIMEZONE}". '
        "Cố ý dùng múi giờ khác thì bỏ qua cảnh báo này.",
    )
    return [_warned(config, issue)]


def zalo_without_oa(config: Config) -> list[Problem]:
    """A note when [site] default_channels lists zalo but [zalo] names no OA, as `publish init`
    wrote for every unit before it asked: nothing is built or sent for Zalo until it does."""
    if "zalo" not in config.site.default_channels or config.zalo.oa_id.strip():
        return []
    text = _site_text(config)
    if not re.search(r"(?m)^[ \t]*default_channels[ \t]*=", text):
        return []  # the default, not a choice someone wrote: nothing to undo
    issue = SchemaIssue(
        ("site", "default_channels"),
        'có "zalo" nhưng bảng [zalo] chưa có oa_id (mã Zalo OA của đơn vị): không dựng và không '
        "gửi bài Zalo nào, giới hạn của Zalo (độ dài tiêu đề, tóm tắt, ảnh bìa) không được kiểm tra",
        'Đơn vị có Zalo OA: ghi oa_id = "…" (mã số OA trong trang quản trị Zalo OA) vào bảng [zalo]. '
        'Chưa có: bỏ "zalo" khỏi default_channels cho gọn, ví dụ default_channels = ["web", "radio"].',
    )
    return [_warned(config, issue, "note", text)]


def _phone_problem(written: str) -> str | None:
    """What keeps a [contact] number from being dialled as written, or None (a value with no
    number at all is an error of _contact_issues)."""
    found = dialled(written)
    if found is None:
        return None
    if not found.plausible:
        digits = len(found.digits.lstrip("+"))
        return (
            f"có {digits} chữ số, dài hơn một số điện thoại (có vẻ là hai số viết liền): "
            f"{quoted(written)}; trang web không tạo nút gọi cho số này"
        )
    if found.left_over:
        return (
            f"có chữ số ngoài số để gọi: {quoted(written)}; khi người xem nhấn vào, trang web "
            f"chỉ gọi {quoted(found.number)}"
        )
    return None


def _zalo_issues(zalo: ZaloConfig) -> list[SchemaIssue]:
    """The OA id, when written, is all digits."""
    if zalo.oa_id and not str(zalo.oa_id).isdigit():
        # The OA's link or its QR code's address holds the id: «https://zalo.me/2463951837402251183».
        linked = re.fullmatch(r"\s*(?:https?://)?(?:www\.)?zalo\.me/(\d{6,})/?\s*", str(zalo.oa_id))
        hint = (
            f'Đó là liên kết tới OA: ghi riêng mã số, oa_id = "{linked[1]}".'
            if linked
            else "Chép mã số OA từ trang quản trị Zalo OA, viết trong ngoặc kép, ví dụ oa_id = "
            '"1234567890123456789"; chưa có OA thì xóa dòng này.'
        )
        got = quoted(zalo.oa_id)
        if not linked and like_a_secret(str(zalo.oa_id)):
            # CI logs are read by more people than the secrets: a token pasted here stays unsaid.
            got = f"một chuỗi {len(str(zalo.oa_id))} ký tự chữ và số (không in ra)"
            hint = (
                "Nếu đó là token hay khóa bí mật (secret key) của ứng dụng Zalo: xóa nó khỏi "
                "site.toml (tệp được commit vào kho), coi như đã lộ và tạo lại (README, «Xoay "
                "vòng token và bí mật»); chúng chỉ đặt trong biến môi trường hay bí mật của CI. "
                + hint
            )
        return [SchemaIssue(("zalo", "oa_id"), f"mã OA là một dãy chữ số, nhận được {got}", hint)]
    return []


def _alias_issues(categories: dict[str, Category]) -> list[SchemaIssue]:
    """Old keys that are not keys, name a category in use, or are claimed twice."""
    issues = []
    claimed: dict[str, str] = {}
    for key, category in categories.items():
        for alias in getattr(category, "aliases", ()):
            where = ("categories", key, "aliases")
            if not isinstance(alias, str) or not alias.strip():
                continue  # reported by its rule
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", alias):
                problem = (
                    f"khóa cũ {quoted(alias)} không phải một khóa chuyên mục (a-z, 0-9 và dấu -)"
                )
                hint = (
                    "Ghi đúng khóa cũ như nó từng được viết trong [categories.<khóa>]. Tên cũ "
                    "(nhãn, label) của chuyên mục thì ghi ở old_labels = "
                    f"[{toml_string(alias) or quoted(alias)}]."
                )
            elif alias in categories:
                problem = (
                    f"khóa cũ {quoted(alias)} đang là khóa của chuyên mục [categories.{alias}]"
                )
                hint = "Một khóa chỉ thuộc một chuyên mục: bỏ nó khỏi aliases, hoặc đổi khóa kia."
            elif alias in claimed:
                problem = f"khóa cũ {quoted(alias)} đã ghi ở [categories.{claimed[alias]}] aliases"
                hint = "Địa chỉ cũ chỉ chuyển về được một chuyên mục: giữ nó ở một chuyên mục."
            else:
                claimed[alias] = key
                continue
            issues.append(SchemaIssue(where, problem, hint))
    return issues


def _category_key_hint(key: str) -> str:
    """The key written the way keys are ([categories."thủ-tục"] → thu-tuc), to put in its place."""
    slug = slugify(key)
    suggested = slug if slug != slugify("") else "tin-tuc"
    return (
        f"Ví dụ: [categories.{suggested}] (chữ thường không dấu; nhãn có dấu ghi ở label). "
        "Bản tin nào ghi khóa cũ ở category thì sửa theo."
    )


def label_form(label: str) -> str:
    """A category label as labels are told apart: NFC, any case, spaces collapsed."""
    return " ".join(nfc(label).casefold().split())


def _label_issues(categories: dict[str, Category]) -> list[SchemaIssue]:
    """Two categories with one label, now or old: `publish new --category` and a bulletin's
    `category` take a label too, and could not tell which is meant (compared NFC, any case)."""
    issues = []
    first: dict[str, str] = {}
    for key, category in categories.items():
        label = getattr(category, "label", None)
        if not isinstance(label, str) or not label.strip():
            continue  # a wrong or empty label is reported by its rule
        same = label_form(label)
        if same not in first:
            first[same] = key
            continue
        other = first[same]
        issues.append(
            SchemaIssue(
                ("categories", key, "label"),
                f"nhãn «{label}» trùng với nhãn của chuyên mục [categories.{other}]",
                f"Mỗi chuyên mục cần một nhãn riêng: đổi label của [categories.{key}] hoặc của "
                f"[categories.{other}]. Chuyên mục của bản tin (và publish new --category) ghi "
                "được bằng nhãn, nên hai nhãn giống nhau thì không biết là chuyên mục nào.",
            )
        )
    return issues + _old_label_issues(categories, first)


def _old_label_issues(categories: dict[str, Category], labels: dict[str, str]) -> list[SchemaIssue]:
    """Old labels that are another category's label, or claimed by two categories: a bulletin
    naming one could not tell which category it is in. `labels`: label form → its category."""
    issues = []
    claimed: dict[str, str] = {}
    for key, category in categories.items():
        for old in getattr(category, "old_labels", ()):
            if not isinstance(old, str) or not old.strip():
                continue  # reported by its rule
            same = label_form(old)
            owner = labels.get(same, key)
            if owner != key:
                problem = f"nhãn cũ «{old}» đang là nhãn của chuyên mục [categories.{owner}]"
                hint = (
                    f"Bỏ «{old}» khỏi old_labels của [categories.{key}], hoặc đổi label của "
                    f"[categories.{owner}]: một nhãn chỉ gọi được một chuyên mục."
                )
            elif same in claimed and claimed[same] != key:
                problem = f"nhãn cũ «{old}» đã ghi ở [categories.{claimed[same]}] old_labels"
                hint = (
                    "Bản tin ghi nhãn cũ đó chỉ thuộc được một chuyên mục: giữ nó ở một chuyên mục."
                )
            else:
                claimed[same] = key
                continue
            issues.append(SchemaIssue(("categories", key, "old_labels"), problem, hint))
    return issues


_DAY_NAMES = {
    "thu hai": 1,
    "thu ba": 2,
    "thu tu": 3,
    "thu nam": 4,
    "thu sau": 5,
    "thu bay": 6,
    "chu nhat": 7,
    "cn": 7,
}
"""Folded Vietnamese day names → ISO weekday."""
_DAY_NUMBER = re.compile(r"(?:thu|t)\s*([2-7])")
"""`thứ 7`, `T7`: the Vietnamese day number, one more than the ISO weekday."""
WEEKDAY_FORMS = (
    'Viết tên ngày trong ngoặc kép: "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", '
    '"Thứ Bảy", "Chủ nhật" (cũng nhận "thứ 7", "T7", "CN"; không phân biệt hoa thường, có dấu '
    "hay không); hoặc một số không có ngoặc kép: 1 = Thứ Hai, 2 = Thứ Ba … 6 = Thứ Bảy, "
    '7 = Chủ nhật (số 7 là Chủ nhật, không phải "thứ 7"). Ví dụ: air_weekday = "Thứ Bảy".'
)
_CLOCK = re.compile(
    r"(\d{1,2})(?::(\d{2})|\s*(?:h|g|giờ)\s*(?:(\d{2})\s*(?:phút)?)?)", re.IGNORECASE
)
TIME_FORMS = (
    'Viết giờ trong ngoặc kép: "17:00", "17h00", "17h", "17g00" hoặc "17 giờ 30" (giờ 0–23, '
    'phút 00–59, tính theo 24 giờ: 5 giờ chiều là "17:00"). Ví dụ: air_time = "17:00".'
)


def weekday_number(value: object) -> int | None:
    """ISO weekday of an air day as site.toml may write it: 1–7, or a Vietnamese day name."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1 <= value <= 7 else None
    if not isinstance(value, str):
        return None
    folded = " ".join(fold(nfc(value)).replace(".", " ").split())
    if folded in _DAY_NAMES:
        return _DAY_NAMES[folded]
    number = _DAY_NUMBER.fullmatch(folded)
    return int(number[1]) - 1 if number else None


def clock_time(value: object) -> str | None:
    """The "HH:MM" of an air time as site.toml may write it ("17:00", "17h00", "17h", "17g00",
    an unquoted TOML time), or None."""
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    found = _CLOCK.fullmatch(nfc(value).strip()) if isinstance(value, str) else None
    if found is None:
        return None
    hour, minute = int(found[1]), int(found[2] or found[3] or 0)
    return f"{hour:02d}:{minute:02d}" if hour <= 23 and minute <= 59 else None


def _read_air_slot(data: dict[str, Any], issues: list[SchemaIssue]) -> None:
    """Put [radio] air_weekday and air_time as written into the form the schema holds (6,
    "17:00"); a value neither way is an issue listing the accepted forms (and is left out)."""
    radio = data.get("radio")
    if not isinstance(radio, dict):
        return
    if "air_weekday" in radio:
        value = radio.pop("air_weekday")
        day = weekday_number(value)
        if day is not None:
            radio["air_weekday"] = day
        else:
            issues.append(SchemaIssue(("radio", "air_weekday"), _bad_day(value), WEEKDAY_FORMS))
    if isinstance(radio.get("no_broadcast"), list):
        radio["no_broadcast"] = _no_broadcast(radio.pop("no_broadcast"), issues)
    if "air_time" in radio:
        value = radio.pop("air_time")
        clock = clock_time(value)
        if clock is not None:
            radio["air_time"] = clock
        else:
            shown = f"«{value}»" if isinstance(value, str) else found_name(value)
            issues.append(
                SchemaIssue(
                    ("radio", "air_time"),
                    f"không đọc được giờ phát {shown}: cần giờ theo 24 giờ, dạng HH:MM",
                    TIME_FORMS,
                )
            )


STATION_FORM = (
    "Mỗi điểm viết thành một khối mở đầu bằng dòng [[contact.stations]] (hai dấu ngoặc vuông), "
    'các khóa bên dưới, mỗi khóa một dòng: name = "Công an xã …", address = "…", '
    'phone = ["0277 3610 201"], hours = "…". Các khối đặt sau các khóa khác của [contact], '
    "theo thứ tự muốn hiện trong trang liên hệ."
)
CONTACT_ONLY_KEYS = frozenset(
    {"hotline", "fax", "email", "emergency", "secrecy", "stations_title", "officer"}
)
"""[contact] keys no station has: written below a [[contact.stations]] line, they are the
station's (TOML puts every line up to the next header in it), not the unit's."""


def _read_stations(data: dict[str, Any], issues: list[SchemaIssue]) -> None:
    """Put [[contact.stations]] as written into the form the schema holds: a station written
    [contact.stations] (one bracket) is told and read all the same, an item that is no table is
    told and left out, a [contact] key below a station's header is told (and left out), and a
    `phone` written as one number is a list of it."""
    contact = data.get("contact")
    if not isinstance(contact, dict) or "stations" not in contact:
        return
    written = contact["stations"]
    items = [written] if isinstance(written, dict) else written if isinstance(written, list) else []
    tables = [item for item in items if isinstance(item, dict)]
    if not isinstance(written, list) or len(tables) < len(items):
        found = (
            "một bảng [contact.stations] (một dấu ngoặc vuông)"
            if isinstance(written, dict)
            else found_name(next((i for i in items if not isinstance(i, dict)), written))
        )
        issues.append(
            SchemaIssue(
                ("contact", "stations"),
                f"mỗi điểm liên hệ là một bảng [[contact.stations]], nhận được {found}",
                STATION_FORM,
            )
        )
    for index, table in enumerate(tables):
        _take_unit_keys(
            table,
            CONTACT_ONLY_KEYS,
            ("contact", "stations", str(index)),
            f"điểm liên hệ thứ {index + 1}",
            "Mọi dòng sau một dòng [[contact.stations]] thuộc điểm đó, cho tới bảng kế tiếp: "
            "chuyển dòng này lên trên dòng [[contact.stations]] đầu tiên.",
            issues,
        )
        if isinstance(phone := table.get("phone"), str):
            table["phone"] = [phone] if phone.strip() else []
    contact["stations"] = tables


def _take_unit_keys(
    table: dict[str, Any],
    keys: frozenset[str],
    path: tuple[str, ...],
    where: str,
    hint: str,
    issues: list[SchemaIssue],
) -> None:
    """Tell and leave out each of `keys` (the unit's [contact] keys) that `table` at `path`
    holds: written below the table's header, TOML put it there (every line up to the next
    header), and the unit's own value is lost."""
    for key in sorted(keys.intersection(table)):
        del table[key]
        issues.append(
            SchemaIssue((*path, key), f"khóa {key} của bảng [contact] nằm trong {where}", hint)
        )


UNIT_ONLY_KEYS = frozenset(
    f.name
    for f in dataclass_fields(Contact)
    if f.name not in {*OFFICER_KEYS, "officer"} and not f.metadata.get("hidden")
)
"""[contact] keys the officer has not: written below the [contact.officer] line, TOML puts
them in the officer's table, and the unit's own value is lost. Not `email`, which the officer
has too: see contact_warnings."""


def _read_officer(data: dict[str, Any], issues: list[SchemaIssue]) -> None:
    """Tell (and leave out) a [contact] key written below the [contact.officer] line: the
    unit's hours or fax, not the officer's, as a key below a station's header is told; and
    record whether [contact] has an email line of its own (see _unit_email_under_officer)."""
    contact = data.get("contact")
    if isinstance(contact, dict):
        contact[EMAIL_WRITTEN] = "email" in contact  # set here alone, whatever the file says
    officer = contact.get("officer") if isinstance(contact, dict) else None
    if not isinstance(officer, dict):
        return  # none, or no table: told by the schema
    _take_unit_keys(
        officer,
        UNIT_ONLY_KEYS,
        ("contact", "officer"),
        "bảng [contact.officer]: cán bộ không có khóa này, và giá trị của đơn vị bị mất",
        "Mọi dòng sau dòng [contact.officer] thuộc bảng đó, cho tới bảng kế tiếp: chuyển dòng "
        "này lên trên dòng [contact.officer] (bảng [contact.officer] đặt sau mọi khóa của "
        "[contact]).",
        issues,
    )


def _no_broadcast(values: list[Any], issues: list[SchemaIssue]) -> list[dt.date]:
    """[radio] no_broadcast as dates; a value that is no day is an issue (and is left out)."""
    days = []
    for index, value in enumerate(values):
        day = _broadcast_day(value)
        if day is None:
            shown = f"«{value}»" if isinstance(value, str) else found_name(value)
            issues.append(
                SchemaIssue(
                    ("radio", "no_broadcast"),
                    f"không đọc được ngày không phát thứ {index + 1} {shown}: cần một ngày, "
                    "không kèm giờ",
                    'Viết ngày dạng 2027-02-06 (không ngoặc kép) hoặc "06/02/2027", ví dụ: '
                    'no_broadcast = [2027-02-06, "13/02/2027"].',
                )
            )
        else:
            days.append(day)
    return days


def _broadcast_day(value: object) -> dt.date | None:
    """A day written as a TOML date, "2027-02-06" or "06/02/2027"; None for anything else."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        for form in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(value.strip(), form).date()
            except ValueError:
                continue
    return None


def _bad_day(value: object) -> str:
    """What is wrong with an air day that is neither a day name nor 1–7."""
    if isinstance(value, str):
        if value.strip().isdigit():
            return (
                f"ngày phát «{value}» là số trong ngoặc kép: không rõ là số thứ tự ngày "
                "(6 = Thứ Bảy) hay «thứ 6» (Thứ Sáu)"
            )
        return f"ngày phát «{value}» không phải một ngày trong tuần"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"ngày phát {value} không có: cần số từ 1 (Thứ Hai) đến 7 (Chủ nhật)"
    return f"cần tên ngày hoặc số từ 1 đến 7, nhận được {found_name(value)}"


def _site_issues(site: SiteSection) -> list[SchemaIssue]:
    """Checks of [site] a type cannot express (only when the table itself was built)."""
    issues = [] if site.base_url is None else _base_url_issues(str(site.base_url))
    issues += _old_base_url_issues(site)
    language = _language_issue(str(site.language))
    if language:
        issues.append(language)
    issues += legal_issues({key: getattr(site, key) for key in LEGAL_KEYS})
    try:
        ZoneInfo(str(site.timezone))
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        issues.append(
            SchemaIssue(
                ("site", "timezone"),
                f"múi giờ không tồn tại: {quoted(site.timezone)}",
                _timezone_hint(str(site.timezone)),
            )
        )
    for channel in site.default_channels:
        if channel not in CHANNELS:
            issues.append(
                SchemaIssue(
                    ("site", "default_channels"),
                    f"kênh không tồn tại: {quoted(channel)}",
                    f"Các kênh: {', '.join(CHANNELS)}.",
                )
            )
    return issues


VIETNAM_OFFSET = dt.timedelta(hours=7)
"""Vietnam's clock: UTC+7 all year."""
VIETNAM_TIME = re.compile(
    r"viet|ha ?noi|sai ?gon|ho ?chi ?minh|hcm|\bict\b|indochina|(utc|gmt)? ?\+ ?0?7(\W?00)?$"
)
"""What a unit may write for Vietnam's clock instead of its zone's name (folded):
"Việt Nam", "Hà Nội", "GMT+7", "UTC+07:00", "+7", "ICT"."""


def _timezone_hint(written: str) -> str:
    """How to write the zone meant: Vietnam's for a name or offset of Vietnam's clock, else the
    zone whose name is closest to a typo, else the form zone names have."""
    default = "cũng là mặc định khi xóa dòng timezone"
    folded = " ".join(re.split(r"[\s_/-]+", fold(nfc(written)))).strip()
    if VIETNAM_TIME.search(folded):
        return f'Giờ Việt Nam viết là timezone = "{DEFAULT_TIMEZONE}" ({default}).'
    vietnam = f'"{DEFAULT_TIMEZONE}" (giờ Việt Nam, {default})'
    zones = {zone.casefold(): zone for zone in available_timezones()}
    close = difflib.get_close_matches(written.strip().casefold(), zones, n=1, cutoff=0.8)
    meant = f'Có phải ý bạn là "{zones[close[0]]}"? ' if close else ""
    return (
        f"{meant}Tên múi giờ có dạng Châu_lục/Thành_phố (tên IANA, viết đúng hoa thường), ví dụ "
        f"timezone = {vietnam}."
    )


def _base_url_issues(written: str) -> list[SchemaIssue]:
    """base_url is an absolute address that can be read."""
    if not re.match(r"^https?://[^/\s]+(/\S*)?$", written):
        return [
            SchemaIssue(
                ("site", "base_url"),
                f"cần một URL tuyệt đối, nhận được {quoted(written)}",
                _base_url_hint(written),
            )
        ]
    if unreadable := _unreadable_address(written):
        return [
            SchemaIssue(
                ("site", "base_url"),
                f"địa chỉ {quoted(written)} không đọc được: {unreadable}",
                "Viết tên miền không kèm dấu ngoặc vuông, cổng (nếu có) là số, ví dụ base_url = "
                '"https://congan.example.vn/".',
            )
        ]
    return []


def _old_base_url_issues(site: SiteSection) -> list[SchemaIssue]:
    """Each of [site] old_base_urls is an absolute address other than base_url, written once."""
    issues = []
    seen: set[str] = set()
    current = str(site.base_url).rstrip("/") + "/"
    for index, written in enumerate(site.old_base_urls, start=1):
        address = str(written).rstrip("/") + "/"
        if not re.match(r"^https?://[^/\s]+(/\S*)?$", str(written)):
            message = f"địa chỉ cũ thứ {index} {quoted(written)} không phải một URL tuyệt đối"
            hint = (
                "Viết đầy đủ địa chỉ website đã dùng trước đây, bắt đầu bằng https://, ví dụ "
                'old_base_urls = ["https://congan-cu.example.vn/"].'
            )
        elif unreadable := _unreadable_address(str(written)):
            message = f"địa chỉ cũ thứ {index} {quoted(written)} không đọc được: {unreadable}"
            hint = (
                "Viết tên miền không kèm dấu ngoặc vuông, cổng (nếu có) là số, ví dụ "
                'old_base_urls = ["https://congan-cu.example.vn/"].'
            )
        elif re.search(r"[?#]", str(written)):
            bare = re.split(r"[?#]", str(written))[0]
            message = (
                f"địa chỉ cũ thứ {index} {quoted(written)} có phần '?…' hay '#…': mã bài trong nguồn "
                "tin Atom ghép từ địa chỉ này sẽ sai"
            )
            hint = f"Ghi địa chỉ website cũ không kèm phần đó: {quoted(bare)}."
        elif address == current:
            message = f"địa chỉ cũ thứ {index} {quoted(written)} trùng base_url"
            hint = "Bỏ địa chỉ này khỏi old_base_urls: đó là địa chỉ hiện nay của website."
        elif address in seen:
            message = f"địa chỉ cũ {quoted(written)} được ghi hai lần"
            hint = "Giữ một lần, ở vị trí cũ nhất (old_base_urls ghi từ cũ đến mới)."
        else:
            seen.add(address)
            continue
        issues.append(SchemaIssue(("site", "old_base_urls"), message, hint))
    return issues


def _unreadable_address(written: str) -> str | None:
    """Why an address that looks absolute cannot be read as one ("http://[b.vn/": a bracket
    opened and not closed; "https://a.vn:80a/": a port that is no number), else None: every
    link of every page is compared with it."""
    try:
        _ = urlsplit(written).port  # reading the port is what raises
    except ValueError as exc:
        if "port" in str(exc).lower():
            return "cổng (phần sau dấu «:» của tên miền) không phải số từ 0 đến 65535"
        return "tên miền có dấu ngoặc vuông «[» hay «]» không đúng chỗ"
    return None


LANGUAGE_TAG_RE = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*")
"""A BCP 47 language tag as pages carry it in <html lang>: "vi", "vi-VN"."""


SHORTER_LANGUAGE = {
    "vie": "vi",
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "zho": "zh",
    "chi": "zh",
    "khm": "km",
    "lao": "lo",
    "tha": "th",
    "kor": "ko",
    "jpn": "ja",
    "rus": "ru",
    "deu": "de",
    "ger": "de",
    "spa": "es",
}
"""Three-letter language codes (ISO 639-2) BCP 47 writes with their two-letter code: a tag
uses the shortest one, and a screen reader may not know "vie" as Vietnamese."""


@dataclass(frozen=True, slots=True)
class TagProblem:
    """Why a value is no language tag, and the two-letter code it stands for ("" if unclear)."""

    message: str
    meant: str


def language_tag_problem(written: str, *, example: str, mended: bool = False) -> TagProblem | None:
    """What is wrong with `written` as a language tag, or None for a tag: "vn" (the country),
    a three-letter code with a two-letter one ("vie": a screen reader may not know it), or no
    tag at all (the message gives `example`). `mended`: «_» stands for «-», as front matter
    `lang` writes it and its reader mends it; [site] language goes into <html lang> as written."""
    read = written.strip().replace("_", "-")  # the language is told whichever way it is joined
    tag = read if mended else written
    first = read.split("-")[0].lower()
    shorter = SHORTER_LANGUAGE.get(first)
    if first == "vn":
        message = f"mã ngôn ngữ sai: {quoted(written)} («vn» là mã quốc gia Việt Nam, không phải tiếng Việt)"
        return TagProblem(message, "vi")
    if shorter:
        message = (
            f"mã ngôn ngữ {quoted(written)} phải viết bằng mã hai chữ cái «{shorter}» "
            "(chuẩn BCP 47 dùng mã ngắn nhất)"
        )
        return TagProblem(message, shorter)
    if LANGUAGE_TAG_RE.fullmatch(tag):
        return None
    return TagProblem(f"cần một mã ngôn ngữ như {example}, nhận được {quoted(written)}", "")


def _language_issue(written: str) -> SchemaIssue | None:
    """The problem with [site] language when it is no language tag (language_tag_problem): a
    screen reader picks its voice by <html lang>, and a tag it does not know reads the pages in
    another language's voice."""
    if not written.strip():
        return None  # a blank one is already the "filled" rule's problem
    problem = language_tag_problem(written, example="«vi» hoặc «vi-VN»")
    if problem is None:
        return None
    return SchemaIssue(
        ("site", "language"),
        problem.message,
        'Tiếng Việt là language = "vi" (hoặc "vi-VN"). Trình đọc màn hình chọn giọng đọc theo mã '
        "này: mã sai thì trang có thể bị đọc bằng giọng của ngôn ngữ khác.",
    )


MISWRITTEN_SCHEME = re.compile(r"(?i)h?t{1,2}p{1,2}s?\s*[:;.]*\s*[/\\]*")
"""The start of an address whose "https://" was mistyped: "https//", "https:/", "http:\\",
"htps://", "https:://"."""


def _base_url_hint(written: str) -> str:
    """The address with its scheme when only that is missing or mistyped, else a made-up
    example."""
    host = written.strip().removeprefix("//")
    if re.fullmatch(r"[\w-]+(\.[\w-]+)+(/\S*)?", host):
        return f'Thêm https:// ở đầu: base_url = "https://{host.rstrip("/")}/"'
    scheme = MISWRITTEN_SCHEME.match(host)
    rest = host[scheme.end() :] if scheme else ""
    if scheme and re.fullmatch(r"[\w-]+(\.[\w-]+)+(/\S*)?", rest):
        return (
            f"Phần đầu «{scheme.group().strip()}» viết sai: địa chỉ bắt đầu bằng https:// (dấu hai "
            f'chấm rồi hai dấu gạch chéo), ví dụ base_url = "https://{rest.rstrip("/")}/"'
        )
    return 'Viết địa chỉ đầy đủ của website, ví dụ base_url = "https://congan.example.vn/"'


def _problem(issue: SchemaIssue, text: str, filename: str) -> Problem:
    """Turn a schema issue into a Problem with the site.toml line where it can be found."""
    return Problem(
        filename,
        issue.message,
        field=_field_label(issue.path),
        line=line_of_key(text, issue.path),
        hint=issue.hint,
    )


ARRAYS_OF_TABLES = (("contact", "stations"),)
"""The keys site.toml writes as an array of tables ([[contact.stations]]): a path under one goes
on with the table's place in it, from 0."""


def _array_place(path: tuple[str, ...]) -> tuple[tuple[str, ...], int, tuple[str, ...]] | None:
    """An array of tables, the place of one of its tables and the keys under it, for a path
    into one (("contact", "stations", "1", "phone")); None for any other path."""
    for array in ARRAYS_OF_TABLES:
        size = len(array)
        if path[:size] == array and len(path) > size and path[size].isdigit():
            return array, int(path[size]), path[size + 1 :]
    return None


def _field_label(path: tuple[str, ...]) -> str:
    """How a problem names its key: `[contact] hotline`, `[[contact.stations]] thứ 2, phone`."""
    if place := _array_place(path):
        array, index, keys = place
        named = ".".join(key for key in keys if not key.isdigit())
        return f"[[{'.'.join(array)}]] thứ {index + 1}" + (f", {named}" if named else "")
    table = ".".join(path[:-1]) if len(path) > 1 else ""
    key = path[-1] if path else ""
    return f"[{table}] {key}" if table else key


def _line_in_array(lines: list[str], path: tuple[str, ...]) -> int | None:
    """The line of a key in one table of an array of tables (the second [[contact.stations]]'s
    phone), or of that table's header when the key is not written; None when the path is not
    into one, or the file writes the array inline."""
    place = _array_place(path)
    if place is None:
        return None
    array, index, keys = place
    header = re.compile(_header(array, opening=r"\[\[") + r"\s*\]\]")
    starts = [number for number, line in enumerate(lines) if header.match(line)]
    if index >= len(starts):
        return None
    start = starts[index]
    if keys:
        key = re.compile(r"^\s*[\"']?" + re.escape(keys[0]) + r"[\"']?\s*=")
        for number in range(start + 1, len(lines)):
            if lines[number].lstrip().startswith("["):
                break
            if key.match(lines[number]):
                return number + 1
    return start + 1


def line_of_key(text: str, path: tuple[str, ...]) -> int | None:
    """Best-effort line number of a dotted key in TOML text."""
    lines = text.splitlines()
    if (in_array := _line_in_array(lines, path)) is not None:
        return in_array
    if path:
        # The key may name a table itself ([webb], [categories.Bad_Key]), or the first of its
        # sub-tables ([category.tin-tuc]): point at that header.
        own = re.compile(_header(path) + r"\s*[\].]")
        for i, line in enumerate(lines):
            if own.match(line):
                return i + 1
    start = 0
    for depth in range(len(path) - 1, 0, -1):
        header = re.compile(_header(path[:depth]) + r"\s*\]+")
        for i, line in enumerate(lines):
            if header.match(line):
                start = i + 1
                break
        else:
            continue
        break
    key = re.compile(r"^\s*\"?" + re.escape(path[-1] if path else "") + r"\"?\s*=")
    for i in range(start, len(lines)):
        if i > start and lines[i].lstrip().startswith("[") and start:
            break
        if key.match(lines[i]):
            return i + 1
    return start or None


def _header(path: tuple[str, ...], opening: str = r"\[+") -> str:
    """Regex for the start of a table header naming `path`, each part bare or quoted:
    `[categories."thủ-tục"` (`opening`: the brackets it opens with, `[[` for an array's)."""
    parts = (r"([\"']?)" + re.escape(part) + rf"\{i + 1}" for i, part in enumerate(path))
    return r"^\s*" + opening + r"\s*" + r"\s*\.\s*".join(parts)
