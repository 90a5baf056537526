"""The error of a secret bulletin that is live: it says where, and how to take it down.

A bulletin marked secret (`classification: "mật"`, a stamp in its text) stops every build and
every sync, so nothing is half written (publish.fields.secret). One already published then
stays on the website, on Zalo and in the station's folder, as the last sync left it, for as
long as the file stays in the project: no sync runs to withdraw it. «Không bao giờ được xuất
bản» alone read as if nothing were out. When state/ records it live, the error says on which
channels, that it stays there until the file is moved out of the project, and that moving it
out then running `publish sync` withdraws it from every channel at once (a file gone from
content/ is withdrawn as any deleted bulletin is).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from publish.errors import Problem
from publish.fields import SECRET_HINT
from publish.held_by_unpublished import bulletin_file, recorded_files, written_key
from publish.model import Site

__all__ = ["live_secrets"]

RADIO_NAME = "thư mục của đài (tập chưa phát)"
"""How the message names the station's channel (the others as withdrawing.CHANNEL_NAMES does):
what a bulletin is live in there is the folder's episodes not yet aired."""


def live_secrets(site: Site, problems: Iterable[Problem]) -> list[Problem]:
    """`problems` with each secret-marking error of a bulletin state/ records live saying so."""
    problems = list(problems)
    secret = [
        at
        for at, p in enumerate(problems)
        if p.severity == "error"
        and p.hint is not None
        and p.hint.startswith(SECRET_HINT)
        and bulletin_file(p.file)
    ]
    if not secret:
        return problems
    # Only on this error's path.
    from publish.sync.vanished import live_channels
    from publish.withdrawing import CHANNEL_NAMES

    names = {**CHANNEL_NAMES, "radio": RADIO_NAME}
    config = site.config
    recorded = recorded_files(site)
    keys = {
        problems[at].file: [
            k
            for k in (written_key(problems[at].file, config), recorded.get(problems[at].file))
            if k
        ]
        for at in secret
    }
    live = live_channels(
        config.root / "state", site.now, config, {k for found in keys.values() for k in found}
    )
    told: set[str] = set()
    for at in secret:
        problem = problems[at]
        channels = [c for key in keys[problem.file] for c in live.get(key, ())]
        if not channels or problem.file in told:
            continue
        told.add(problem.file)
        named = _listed([names[c] for c in dict.fromkeys(channels)])
        problems[at] = dataclasses.replace(
            problem,
            message=f"{problem.message}. Bản tin này ĐANG ĐĂNG trên {named} (theo state/) và vẫn "
            "đăng ở đó cho tới khi tệp được chuyển ra khỏi dự án: lỗi này dừng mọi lần dựng và "
            "đồng bộ, nên không lần nào rút được bài",
            hint=f"Chuyển tệp ra khỏi dự án ngay rồi chạy publish sync: lần đồng bộ ấy rút bài "
            f"khỏi {named} cùng lúc. {problem.hint}",
        )
    return problems


def _listed(names: list[str]) -> str:
    """«a», «a và b», «a, b và c»."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]
