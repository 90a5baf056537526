"""The Zalo OA limits on an article's title and description, for a bulletin that goes out now
and one held back that will (`publish check` warns of it, `publish approve` refuses it): held
back, the limit was first told when the bulletin went out and stopped that whole build."""

from __future__ import annotations

import dataclasses

from publish.carried import carried
from publish.config import Config
from publish.errors import Problem
from publish.gates import COMING
from publish.model import Bulletin, Exclusion
from publish.render.zalo.payload import Fields, fields_of
from publish.text import vn_datetime
from publish.zalo_too import counted_apart

__all__ = ["ahead", "coming", "off_the_web", "text_limits", "warned"]


def text_limits(bulletin: Bulletin, config: Config, chosen: Fields | None = None) -> list[Problem]:
    """An error for the title and for the description over Zalo's limit, naming the field.
    `chosen`: the bulletin's fields when the caller has them (a build's are memoised)."""
    chosen = chosen or fields_of(bulletin, config)
    # Over the website's limit too, its error already says Zalo's (see publish.zalo_too).
    over_web = {
        "title": len(bulletin.title) > config.policy.max_title_length,
        "summary": len(bulletin.summary) > config.policy.max_summary_length,
    }
    found = [
        _length(
            bulletin,
            chosen.title_field,
            "tiêu đề",
            chosen.title,
            config,
            config.zalo.title_max,
            'Rút gọn tiêu đề, hoặc thêm tiêu đề riêng cho Zalo:\n      zalo:\n        title: "…"',
        ),
        _length(
            bulletin,
            chosen.description_field,
            "tóm tắt",
            chosen.description,
            config,
            config.zalo.description_max,
            'Rút gọn tóm tắt, hoặc thêm tóm tắt riêng cho Zalo:\n      zalo:\n        summary: "…"',
        ),
    ]
    return [p for p in found if p is not None and not over_web.get(p.field or "")]


def off_the_web(bulletin: Bulletin) -> Problem:
    """The error for a bulletin sent to Zalo but kept off the website (`draft: [web]`, or web
    left out of `channels`): the build stops on it, so `publish approve` refuses it too."""
    held = "web" in bulletin.held_from
    return Problem(
        bulletin.source,
        'bản tin gửi Zalo nhưng không có trên website: Zalo lấy ảnh và đường dẫn "xem đầy đủ" '
        "từ website",
        field="draft" if held else "channels",
        hint=(
            "Giữ bài khỏi cả Zalo: draft: [web, zalo]; hoặc bỏ web khỏi draft."
            if held
            else "Thêm web vào channels, ví dụ channels: [web, zalo]."
        ),
    )


def ahead(excluded: tuple[Exclusion, ...], config: Config) -> list[Problem]:
    """A warning for each limit a held-back Zalo bulletin breaks, and for one kept off the
    website (`draft: [web]` is no edit to approve again, so an approved bulletin waiting for
    its time could stop that build), saying what it will do when the bulletin goes out: told
    now, while there is time to fix it."""
    return [
        warned(problem, when)
        for left, when in coming(excluded, config)
        for problem in [
            *text_limits(left.bulletin, config),
            *([] if "web" in left.bulletin.channels else [off_the_web(left.bulletin)]),
        ]
    ]


def coming(excluded: tuple[Exclusion, ...], config: Config) -> list[tuple[Exclusion, str]]:
    """Each held-back bulletin that will go to Zalo once published (a draft, unapproved or
    scheduled one), with what an error of a Zalo limit will do then, for its warning now."""
    found = []
    for left in excluded:
        if left.code not in COMING or "zalo" not in carried(left.bulletin.channels, config):
            continue
        if left.code == "scheduled":
            when = (
                f"Bài hẹn giờ đăng lúc {vn_datetime(left.bulletin.date.astimezone(config.tz))}; "
                "tới giờ đó, lỗi này dừng cả lần dựng và không bài nào được đăng"
            )
        else:
            when = (
                "Bài chưa được đăng nên đây mới là cảnh báo; publish approve không duyệt bài như "
                "vậy, và bài được đăng khi còn lỗi này thì lỗi dừng cả lần dựng"
            )
        found.append((left, when))
    return found


def warned(problem: Problem, when: str) -> Problem:
    """The error of a limit a held-back bulletin breaks, as the warning told ahead (`when`:
    see `coming`)."""
    return dataclasses.replace(problem, message=f"{problem.message}. {when}", severity="warning")


def _length(
    bulletin: Bulletin, field: str, what: str, text: str, config: Config, limit: int, hint: str
) -> Problem | None:
    """A problem when `text` is over `limit` as Zalo counts it, saying so when that count is
    not its number of characters (an emoji counts two: the editor, counting, finds fewer)."""
    length = config.zalo.length(text)
    if length <= limit:
        return None
    return Problem(
        bulletin.source,
        f"{what} dài {length}/{limit} ký tự, vượt giới hạn của Zalo OA"
        + counted_apart(text, config),
        field=field,
        hint=hint,
    )
