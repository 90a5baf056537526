"""`publish approve TỆP... --by "Họ tên, chức vụ"`: record who approved a bulletin and the
fingerprint of the content approved, so an edit made afterwards is held back (publish.approval)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import os
import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from publish import (
    approval,
    approval_radio,
    approval_why,
    attachments,
    content_images,
    pii,
    typed_here,
)
from publish import config as config_module
from publish.approval_diff import Approved, approved_in_git, since_approval
from publish.approval_radio import OffAir
from publish.backdated import past_date, radio_air, routine_approval
from publish.carried import carried
from publish.cli import common_options, resolve_now
from publish.commands.approve_names import Named, alike, expanded, named, nearest, unsplit
from publish.config import Config, Policy
from publish.content import (
    BODY_PLACEHOLDER,
    SUMMARY_PLACEHOLDER,
    bulletin_files,
    load_bulletin,
    load_page,
    load_page_read,
    load_site,
    page_files,
)
from publish.correction_hint import changed_numbers, correction_hint
from publish.errors import ContentError, Problem, PublishError, not_a_file, os_reason
from publish.frontmatter_edit import EditError, set_keys, write_atomically
from publish.gates import gate, page_gate, public_classification, shell_word
from publish.held_page_links import held_links
from publish.locate import with_lines
from publish.model import PAGES_DIR, Bulletin, Page, Site
from publish.name_notes import template_name
from publish.person_fields import not_a_name
from publish.relative_links import RelativeTargets
from publish.render.radio.episode import episode_folder
from publish.render.web import unreadable_images
from publish.render.zalo import too_many_blocks as zalo_blocks
from publish.render.zalo.limits import off_the_web
from publish.render.zalo.limits import text_limits as zalo_limits
from publish.sync.vanished import ever_published, live_channels
from publish.syntax import yaml_quoted
from publish.text import nfc, quoted, vn_date, vn_datetime
from publish.withdrawing import channel_names

__all__ = ["Approval", "Outcome", "add_parser", "by_line", "prepare", "run"]

BY_EXAMPLE = 'Ví dụ: publish approve content/bai-viet/ten-bai.md --by "Thượng tá Nguyễn Văn Hùng, Trưởng Công an xã"'


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `approve`."""
    parser = subparsers.add_parser(
        "approve",
        parents=[common_options()],
        help="người duyệt ghi tên mình và dấu nội dung đã duyệt vào bản tin",
        description="Ghi approved_by và approved_version (dấu của nội dung được duyệt) vào phần "
        "đầu của từng bản tin, không đổi gì khác trong tệp: nội dung sửa sau đó bị giữ lại, "
        "không đăng ở kênh nào, cho tới khi được duyệt lại. Với trang trong content/pages/ (trang "
        "không cần duyệt), lệnh ghi pii_reviewed_by và pii_reviewed_version: việc xem xét dữ "
        "liệu cá nhân của trang và các tệp nó liên kết tới; trang hay tệp ấy sửa sau đó thì việc "
        "xem xét không còn tính. Trang nêu cùng bản tin trong một lệnh thì không được ghi (xem xét "
        "là đã đọc trang): lệnh nêu các trang ấy và lệnh để ghi riêng.",
    )
    parser.add_argument(
        "files", nargs="+", metavar="TỆP", help="tệp bản tin hay trang (.md) đã đọc duyệt"
    )
    parser.add_argument(
        "--by",
        required=True,
        metavar="NGƯỜI_DUYỆT",
        help='họ tên, chức vụ người duyệt, ví dụ "Thượng tá Nguyễn Văn Hùng, Trưởng Công an xã"',
    )
    parser.add_argument(
        "--publish",
        action="store_true",
        help="bỏ luôn draft: true (duyệt là cho đăng); không có tùy chọn này thì bản nháp không "
        "được duyệt (ghi cùng tệp khác thì bản nháp được bỏ qua, các tệp khác vẫn được duyệt)",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="in từng tệp sẽ được duyệt, bỏ qua (bản nháp) hay không duyệt được, không ghi tệp nào",
    )
    parser.add_argument(
        "--pii-reviewed",
        action="store_true",
        help="người duyệt đã cân nhắc dữ liệu cá nhân được cảnh báo trong bản tin và vẫn cho "
        "đăng đúng như vậy: lệnh ghi thêm pii_reviewed_by (tên người duyệt); không có tùy chọn "
        "này thì bản tin còn dữ liệu cá nhân chưa ai xem xét không được duyệt",
    )
    parser.set_defaults(run=run)


@dataclass(frozen=True, slots=True)
class Approval:
    """One file to approve: its bulletin as approved, its text, and the text with the approval."""

    path: Path
    shown: str
    bulletin: Bulletin | Page
    """The bulletin approved, or the page whose personal-data review is recorded, as the file
    reads once `new` is written (what the build's gate will judge: _held_after)."""
    raw: bytes
    new: bytes
    replaces: str = ""
    """Who else already approved this very content, whose name `new` writes over; else ""."""
    released: bool = False
    """A draft `new` releases (--publish): never kept as it is, which would leave it a draft."""
    edited_after: str = ""
    """Who approved it before, when the content changed since (that approval no longer holds):
    the approver is approving an edit, told so; else ""."""
    approved_before: str = ""
    """The `approved_version` an edit made stale (see edited_after), which finds the version
    approved in git's history; else ""."""
    live: tuple[str, ...] = ()
    """The channels state/ records the bulletin published on now: approved after an edit, it
    replaces that version there («đăng ngay» told of it was false)."""
    off_air: OffAir | None = None
    """Why the build keeps a bulletin approved now off the radio (publish.approval_radio)."""
    restamped: bool = False
    """`new` holds the approval in effect, by the same approver, only written again: its file
    part taken before session 73 of the file not in NFC, now of its text in NFC (approval.
    file_digest). The same text approved: told as approved before, though the file is written."""
    reviewed_now: str = ""
    """Who `new` names in pii_reviewed_by when this run writes it (--pii-reviewed, the line
    missing or naming another), else "": a restamp that writes it too is more than a restamp,
    and is told so."""

    @property
    def only_restamped(self) -> bool:
        """Whether `new` only writes the approval in effect again (restamped), nothing more."""
        return self.restamped and not self.reviewed_now

    @property
    def fresh(self) -> bool:
        """Whether `new` approves (or reviews) what no approval in the file did: written, and
        not only restamped."""
        return self.new != self.raw and not self.only_restamped


def run(args: argparse.Namespace) -> int:
    """Check every file, show what is approved, then write them all (or none)."""
    config = config_module.load(args.root)
    now = resolve_now(args.now, config.tz)
    by = nfc(" ".join(args.by.split()))
    if not by:
        raise ContentError([Problem("--by", "tên người duyệt trống", hint=BY_EXAMPLE)])
    if not_a_name(by):
        template = (
            ": đó là chữ mẫu trong lệnh máy in ra, cần thay bằng họ tên, chức vụ của chính người duyệt"
            if template_name(by)
            else ""
        )
        raise ContentError(
            [
                Problem(
                    "--by",
                    f"cần họ tên, chức vụ người duyệt, nhận được {quoted(by)}{template}",
                    hint=BY_EXAMPLE,
                )
            ]
        )
    problems: list[Problem] = []
    # As a build starts: folders resolved by an earlier command in this process (a relative
    # --root from another current folder) name other folders now.
    content_images.forget_resolved()
    images = approval.ImageDigests(config.root / "content")  # covers many bulletins share
    documents = SiteDocuments(config, now)  # loaded once, for the first relative link
    seen: set[Path] = set()
    root_flag = typed_here.root_flag(config.root)
    flags = (
        " --publish" * args.publish
        + " --pii-reviewed" * args.pii_reviewed
        + " --dry-run" * args.dry_run
        + root_flag
    )
    outcomes: list[Outcome] = []
    files: list[Named] = []  # of each outcome
    names, by_pattern = expanded(args.files, config.root)
    content = (config.root / "content").resolve()
    listed, left = _pages_apart(unsplit(names, config.root, by, problems, flags), content)
    if left:
        problems.append(_pages_left(left, by, root_flag))
    for name in listed:
        if name.same in seen:
            continue  # named twice (a.md ./a.md): approved once
        seen.add(name.same)
        told: list[Problem] = []
        lines: dict[str, str] = {}
        found = prepare(
            name,
            config,
            by,
            publish=args.publish,
            problems=told,
            images=images,
            now=now,
            documents=documents,
            pii_reviewed=args.pii_reviewed,
            root_flag=root_flag,
            draft_lines=lines,
        )
        line = lines.get(name.shown, "draft: true")
        outcomes.append(Outcome(name.shown, found, tuple(told), draft_line=line))
        files.append(name)
    if len(outcomes) > 1 and not all(item.draft for item in outcomes):
        # `approve content/bai-viet/*.md` over a folder holding a draft refused every file:
        # the draft is left as it is (never approved without --publish), the others go on.
        outcomes = [item.skipped(by, root_flag) if item.draft else item for item in outcomes]
    if len(outcomes) > 1 or by_pattern:
        # Over `content/bai-viet/*.md` the approver means the bulletins waiting: one another
        # approver already approved as it is keeps that name (who approved what stays on record),
        # also when the pattern matched that one file only. Named alone by its own path, it is
        # a deliberate re-approval: written, with a warning.
        outcomes = [item.kept() for item in outcomes]
    outcomes = _as_published(outcomes, config, now)
    problems += [problem for item in outcomes for problem in item.problems]
    approvals = [item.approval for item in outcomes if item.approval is not None]
    drafts = _drafts_skipped([item.shown for item in outcomes if item.skip])
    if any(not _a_page(name.same, content) for name in files):
        # Also when another file has an error, or every file has one: told only once they
        # were fixed, a name spelt another way cost the approver one more run.
        # A file already holding this very approval is one approved before: over `*.md`, every
        # bulletin the approver approved before is named again.
        held_already = {
            name.same
            for name, item in zip(files, outcomes, strict=True)
            if item.approval is not None and not item.approval.fresh
        }
        problems += _new_approver(by, config.root, seen - held_already)
    problems += _replacing(approvals, by, root_flag)
    problems += _past_dates(approvals, config, now)
    if any(not isinstance(a.bulletin, Page) for a in approvals):
        problems += _held_pages_linked(approvals, config, now)  # as told with another's error
    if any(p.severity == "error" for p in problems):
        if args.dry_run:
            for item in outcomes:
                print(_listed(item, config, now, root_flag))
            print(_dry_run_stops(outcomes) + _held_and_off_air(approvals, config, now))
        raise ContentError(problems)
    for problem in problems:
        print(problem.render())
    changed = [a for a in approvals if a.new != a.raw]
    for outcome in outcomes:
        print(_listed(outcome, config, now, root_flag))
    still = _held_and_off_air(approvals, config, now)
    waiting = _only_drafts_wait(outcomes, approvals)
    if args.dry_run:
        print(
            "Chạy thử (--dry-run): chưa ghi tệp nào; "
            + (f"{waiting}{still}" if waiting else f"{_to_write(changed)}.{drafts}{still}")
        )
        return 0
    if edited := [item for item in changed if not _unchanged(item)]:
        raise ContentError(
            Problem(
                item.shown,
                "tệp vừa bị sửa trong lúc duyệt",
                hint="Đọc lại bản mới rồi chạy lại lệnh.",
            )
            for item in edited
        )
    _write(changed)
    before = sum(1 for a in approvals if a.new == a.raw and not isinstance(a.bulletin, Page))
    if not changed:
        print(f"Không ghi gì: {waiting or _done_before(approvals) + '.' + drafts}{still}")
        return 0
    pages = [item for item in changed if isinstance(item.bulletin, Page)]
    bulletins = len(changed) - len(pages)
    if pages:
        print(
            f"Đã ghi việc xem xét dữ liệu cá nhân của {len(pages)} trang, người xem xét: {by}. "
            "Commit các tệp này. Trang hay tệp nó liên kết tới sửa hoặc thay sau đó thì việc xem "
            "xét không còn tính: xem lại rồi chạy lại lệnh này."
            + ("" if bulletins else drafts + still)
        )
    if bulletins:
        restamped = sum(1 for a in changed if a.only_restamped and not isinstance(a.bulletin, Page))
        print(
            f"Đã duyệt {bulletins} bản tin"
            + (
                f" ({before} bản tin khác đã được duyệt đúng nội dung này từ trước)"
                if before
                else ""
            )
            + (
                f"; {restamped} bản tin trong số đó chỉ được ghi lại dấu duyệt theo cách tính "
                "hiện nay, nội dung được duyệt không đổi"
                if restamped
                else ""
            )
            + f", người duyệt: {by}. Commit các tệp này để đăng. Nội dung sửa sau khi duyệt sẽ bị "
            f"giữ lại ở mọi kênh cho tới khi được duyệt lại.{drafts}{still}"
        )
    return 0


def _restamp_told(field: str, kept: str) -> str:
    """What is said of an approval or review only written again (Approval.restamped): its line
    `field` written anew, the content, `kept` (approved, reviewed), the same."""
    return (
        f"ghi lại {field} theo cách tính hiện nay, chữ có dấu tính ở dạng dựng sẵn NFC; "
        f"nội dung {kept} không đổi"
    )


RESTAMPED = _restamp_told("approved_version", "được duyệt")
"""Said of a bulletin whose approval is only written again (Approval.restamped)."""
REVIEW_RESTAMPED = _restamp_told("pii_reviewed_version", "đã xem xét")
"""Said of a page whose review is only written again (Approval.restamped)."""
DRAFT_REFUSED = "approve-draft"
"""The code of the refusal of a draft named without --publish: among other files, it is
skipped (Outcome.skipped) instead of stopping the command."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one file named: its approval, or None with the problems that refused it."""

    shown: str
    approval: Approval | None
    problems: tuple[Problem, ...]
    skip: bool = False
    """A draft left as it is among other files approved (not an error of the command)."""
    draft_line: str = "draft: true"
    """For one refused as a draft, its `draft` line as the file has it (Bulletin.draft_line)."""

    @property
    def draft(self) -> bool:
        """Whether the file was refused for being a draft (without --publish) and nothing else."""
        refused = [p.code for p in self.problems if p.severity == "error"]
        return self.approval is None and refused == [DRAFT_REFUSED]

    def skipped(self, by: str, root_flag: str = "") -> Outcome:
        """This draft skipped, its refusal told as a warning saying how to approve it
        (`root_flag`: the « --root X» the command needs where the approver ran this one)."""
        again = (
            f"publish approve {shell_word(self.shown)} --by {shell_word(by)} --publish{root_flag}"
        )
        told = tuple(
            dataclasses.replace(
                p,
                # Not «the others are approved»: another file's error may still stop the run.
                message=f"{p.message}, nên bỏ qua, không duyệt tệp này",
                hint=f"Muốn vừa duyệt vừa đăng bài này thì đọc duyệt rồi chạy: {again}; chưa "
                "muốn đăng thì để nguyên bản nháp, duyệt sau.",
                severity="warning",
            )
            if p.code == DRAFT_REFUSED
            else p
            for p in self.problems
        )
        return dataclasses.replace(self, problems=told, skip=True)

    def kept(self) -> Outcome:
        """This file left as it is when another approver already approved its content as it
        is now (Approval.replaces) and it is no draft to release; any other outcome unchanged."""
        item = self.approval
        if item is None or not item.replaces or item.new == item.raw or item.released:
            return self
        return dataclasses.replace(self, approval=dataclasses.replace(item, new=item.raw))


def _a_page(same: Path, content: Path) -> bool:
    """Whether file `same` (resolved) lies in the pages' folder of `content` (resolved): one
    whose personal-data review is recorded, not a bulletin approved."""
    try:
        return same.relative_to(content).parts[:1] == (PAGES_DIR,)
    except ValueError:
        return False


def _pages_apart(names: list[Named], content: Path) -> tuple[list[Named], list[Named]]:
    """`names` to go on with, and the pages among them left out: those named with bulletins.
    Recording a page's review says its personal data was read (the approver answers for it),
    and «publish approve "content/**/*.md" --pii-reviewed», meant for the bulletins waiting,
    recorded it on every page, which nobody had read. A page is reviewed in a run of pages
    (`content`: the project's content/ folder, resolved)."""
    pages = [name for name in names if _a_page(name.same, content)]
    if not pages or len(pages) == len(names):
        return names, []
    return [name for name in names if name not in pages], list({n.same: n for n in pages}.values())


def _pages_left(pages: list[Named], by: str, root_flag: str) -> Problem:
    """The warning naming the pages `_pages_apart` left out, with the command to review them."""
    shown = [page.shown for page in pages]
    again = f"publish approve {' '.join(map(shell_word, shown))} --by {shell_word(by)}{root_flag}"
    return Problem(
        f"content/{PAGES_DIR}/",
        f"không ghi việc xem xét dữ liệu cá nhân của {len(pages)} trang nêu cùng bản tin trong "
        "lệnh này: " + ", ".join(shown),
        hint="Trang không cần duyệt; ghi việc xem xét nghĩa là người duyệt đã đọc trang và các "
        "tệp nó liên kết tới, nên trang được ghi riêng, không cùng bản tin. Đã đọc các trang "
        f"ấy thì chạy: {again}",
        severity="warning",
    )


def _listed(item: Outcome, config: Config, now: dt.datetime, root_flag: str = "") -> str:
    """The line of one file in what the command shows: approved, skipped as a draft, refused
    (`root_flag`: the « --root X» a command given to the approver needs)."""
    if item.approval is not None:
        unchanged = not item.approval.fresh
        held = _held_after(item.approval, config.policy, now)
        return _summary(item.approval, held, now, unchanged, config) + _radio_told(
            item.approval, unchanged, config, root_flag
        )
    if item.skip:
        return f"Bỏ qua, không duyệt (bản nháp, {item.draft_line}): tệp {item.shown}"
    return f"Không duyệt được: tệp {item.shown} (lỗi nêu bên dưới)"


def _drafts_skipped(shown: list[str], told: str = "ở trên") -> str:
    """A sentence naming the drafts skipped, or "": the approver must not read the summary as
    if every file named were approved. `told`: where their warnings are shown."""
    if not shown:
        return ""
    return (
        f" Bỏ qua {len(shown)} bản nháp, không duyệt (xem cảnh báo {told}; muốn đăng thì duyệt "
        f"với --publish): {', '.join(shown)}."
    )


def _draft_advice(how: str, drafts: list[Outcome]) -> str:
    """What an approver does about a draft, `how` publishing it at once: over many files that
    is approving that one alone with --publish, over drafts only it is adding --publish.
    `drafts`: those refused, whose `draft` lines are named (see _draft_lines)."""
    return (
        f"Biên tập viên viết xong thì bỏ dòng {_draft_lines(drafts)} rồi chạy lại lệnh này; đã "
        f"đọc và muốn {how}."
    )


def _draft_lines(drafts: list[Outcome]) -> str:
    """The `draft` lines of `drafts` as their files have them, each once («draft: true», or
    «draft: [web, zalo]» for one kept from every channel it goes to)."""
    return " hay ".join(dict.fromkeys(item.draft_line for item in drafts)) or "draft: true"


def _only_drafts_wait(outcomes: list[Outcome], approvals: list[Approval]) -> str:
    """What waits when no bulletin is approved but drafts were skipped: over
    `content/**/*.md` the approver read «không có tệp nào cần ghi. Bỏ qua 1 bản nháp», not that
    every other bulletin is approved already and why the ones waiting cannot be; "" otherwise.
    Pages whose review would be written are told first."""
    waiting = [item for item in outcomes if item.skip]
    skipped = [item.shown for item in waiting]
    fresh = [a for a in approvals if a.new != a.raw]
    if not skipped or any(not isinstance(a.bulletin, Page) for a in fresh):
        return ""
    before = sum(1 for a in approvals if not isinstance(a.bulletin, Page))
    pages = f"{_to_write(fresh)}; " if fresh else ""
    done = f"{before} bản tin đã được duyệt đúng nội dung hiện nay, " if before else ""
    return (
        f"{pages}không bản tin nào được duyệt: {done}còn {len(skipped)} bản tin chờ duyệt là "
        f"bản nháp ({_draft_lines(waiting)}), mà duyệt là cho đăng nên bản nháp không được "
        f"duyệt: {', '.join(skipped)}. "
        + _draft_advice(
            "đăng ngay thì duyệt riêng bài ấy với --publish (lệnh ở cảnh báo trên)", waiting
        )
    )


def _dry_run_stops(outcomes: list[Outcome]) -> str:
    """The last line of a dry run the real run would refuse: nothing would be written, why,
    and what would be approved once the errors are fixed."""
    refused = [item.shown for item in outcomes if item.approval is None and not item.skip]
    why = (
        f"{len(refused)} tệp không duyệt được: {', '.join(refused)} (lỗi nêu bên dưới)"
        if refused
        else "còn lỗi (nêu bên dưới)"
    )
    ready = [item.approval for item in outcomes if item.approval is not None]
    changed = [a for a in ready if a.new != a.raw]
    if refused and not ready and all(item.draft for item in outcomes):
        # Nothing to fix: the files are drafts, and «sửa xong thì không có tệp nào cần ghi» said
        # neither that nor what to do.
        return (
            "Chạy thử (--dry-run): chưa ghi tệp nào. Lần chạy thật sẽ dừng, không ghi tệp nào, vì "
            f"{'mọi tệp trong lệnh đều' if len(refused) > 1 else 'tệp trong lệnh'} là bản nháp "
            f"({_draft_lines(outcomes)}), mà duyệt là cho đăng: {', '.join(refused)}. "
            + _draft_advice("vừa duyệt vừa đăng thì thêm --publish", outcomes)
        )
    return (
        f"Chạy thử (--dry-run): chưa ghi tệp nào. Lần chạy thật sẽ dừng, không ghi tệp nào, vì "
        f"{why}; sửa xong thì {_to_write(changed)}."
        + _drafts_skipped([item.shown for item in outcomes if item.skip], "bên dưới")
    )


def _held_pages_linked(
    approvals: list[Approval], config: Config, now: dt.datetime
) -> list[Problem]:
    """A warning for each page held for a field naming nobody (approved_by: ok) that a bulletin
    approved links to: the approval is sound, the page is not, and once the bulletin is out
    the build stops (publish.held_page_links), which the approver heard of only then."""
    pages = _pages_held_for_nobody(config, now)
    if not pages:
        return []
    notes = {page.source: page.held_note for page in pages}
    told = []
    for item in approvals:
        if isinstance(item.bulletin, Page):
            continue
        for source, lines in held_links(item.bulletin, pages, config.addresses).items():
            known = sorted({line for line in lines if line is not None})
            where = f" (dòng {', '.join(map(str, known))})" if known else ""
            told.append(
                Problem(
                    item.shown,
                    f"bản tin liên kết tới trang {source}{where}, trang này đang bị giữ lại vì "
                    f"{notes[source]}, không phải họ tên người chịu trách nhiệm. Việc duyệt vẫn "
                    "được ghi, nhưng từ khi bản tin được đăng (lần dựng sau, hay tới giờ hẹn), "
                    "mỗi lần dựng sẽ dừng với lỗi và không đăng gì ở kênh nào, vì liên kết ấy sẽ "
                    "dẫn tới trang không có",
                    line=known[0] if known else None,
                    hint=f"Sửa ở trang {source}: ghi họ tên người chịu trách nhiệm thay cho giá "
                    "trị ấy (chưa có thì để trống), rồi chạy publish check; hoặc bỏ liên kết tới "
                    "trang khỏi bản tin rồi duyệt lại.",
                    severity="warning",
                )
            )
    return told


def _past_dates(approvals: list[Approval], config: Config, now: dt.datetime) -> list[Problem]:
    """A warning for each bulletin approved now whose publish date has passed and that state/
    records as never published: merged, it goes out at once, and its broadcast may have aired
    (publish.backdated). One published before is re-approved after an edit: its date is old.
    None for the everyday approval of a bulletin written days ago at most (routine_approval)."""
    fresh = [
        item
        for item in approvals
        if isinstance(item.bulletin, Bulletin)
        and item.fresh
        and item.bulletin.date <= now
        and (item.bulletin.expires is None or item.bulletin.expires > now)
    ]
    if not fresh:
        return []
    published = ever_published(config.root / "state")
    told = []
    for item in fresh:
        bulletin = item.bulletin
        assert isinstance(bulletin, Bulletin)  # as filtered above
        if bulletin.key in published:
            continue
        air = radio_air(bulletin.date, bulletin.block("radio"), config)
        if routine_approval(bulletin.date, now, bulletin.channels, air):
            continue
        found = past_date(item.shown, bulletin.date, now, config, bulletin.channels, air=air)
        if found is not None:
            told.append(found)
    return with_lines(told, config.root)


def _pages_held_for_nobody(config: Config, now: dt.datetime) -> list[Page]:
    """The pages of content/pages/ the build holds back for a field naming nobody (their
    held_note; publish.gates.page_gate), found as content.load_site finds them."""
    held = []
    for path in page_files(config.root / "content"):
        page = load_page(path, config, [])
        if page is not None and page.held_note and page_gate(page, now=now, policy=config.policy):
            held.append(page)
    return held


def _still_held(approvals: list[Approval], nowhere: list[str | None]) -> str:
    """A sentence naming the files written that the build will still not publish, each with
    why (`nowhere`, in order: _going_nowhere's answer for each), or "": «Commit các tệp này để
    đăng» alone told the approver they would go out."""
    told: dict[bool, list[str]] = {False: [], True: []}  # bulletins, pages
    for item, why in zip(approvals, nowhere, strict=True):
        if why is not None:
            told[isinstance(item.bulletin, Page)].append(f"{item.shown} ({why})")
    return "".join(
        f" {lead}: {'; '.join(told[pages])}."
        for pages, lead in (
            (False, "Duyệt xong vẫn chưa được đăng"),
            (True, "Xem xét xong, trang vẫn chưa được đăng"),
        )
        if told[pages]
    )


def _going_nowhere(item: Approval, config: Config, now: dt.datetime) -> str | None:
    """Why `item`, once written, still goes out on no channel (the gate's hold and what to do,
    or no channel to go to), or None when it goes out."""
    page = isinstance(item.bulletin, Page)
    if (held := _held_after(item, config.policy, now)) is not None:
        reason, code = held
        if fix := HELD_FIXES.get(code, ""):
            fix += "chạy lại lệnh này" if page else "duyệt lại"
        return f"{reason}{fix}"
    if isinstance(item.bulletin, Page):
        return None
    if not item.bulletin.channels:
        return f"{NO_CHANNEL}: ghi các kênh cần đăng rồi duyệt lại"
    if not carried(item.bulletin.channels, config):
        return f"{NO_OA}: ghi các kênh cần đăng rồi duyệt lại"
    return None


NO_CHANNEL = "channels: [], bản tin không gửi tới kênh nào"
"""Why a bulletin the gate lets through still goes nowhere: «đăng ngay» said of it was false."""
NO_OA = (
    "channels chỉ ghi zalo, mà [zalo] oa_id trong site.toml để trống (đơn vị chưa có Zalo OA): "
    "không gì được gửi lên Zalo"
)
"""The same, for a bulletin sent to Zalo alone by a unit with no OA."""

HELD_FIXES = {"expired": ": vẫn cần đăng thì dời expires về sau rồi "}
"""What the approver does about a hold whose reason (the gate's) does not say it, by its
code; «duyệt lại» or «chạy lại lệnh này» follows."""


def _held_after(item: Approval, policy: Policy, now: dt.datetime) -> tuple[str, str] | None:
    """(reason, code) the build's gate (publish.gates) holds `item` back for once it is
    written, as the build words it; None when it goes out, now or at its date (a scheduled one:
    its summary says when). Asked of the gate, not judged here, so a cause it holds for is
    never missed nor told otherwise."""
    if isinstance(item.bulletin, Page):
        verdict = page_gate(item.bulletin, now=now, policy=policy)
    else:
        found = gate(
            item.bulletin,
            now=now,
            policy=policy,
            stamp_checked=True,  # loaded without errors: no stamp anywhere in it
            version=item.bulletin.approved_version,  # the fingerprint of its content now
        )
        verdict = None if found is None else (found.reason, found.code)
    return None if verdict is None or verdict[1] == "scheduled" else verdict


def _to_write(changed: list[Approval]) -> str:
    """What a dry run would write, by kind: bulletins approved, pages whose review is recorded."""
    pages = sum(1 for item in changed if isinstance(item.bulletin, Page))
    parts = [f"{len(changed) - pages} bản tin sẽ được duyệt"] if len(changed) > pages else []
    if pages:
        parts.append(f"{pages} trang sẽ được ghi việc xem xét dữ liệu cá nhân")
    if restamped := sum(1 for item in changed if item.only_restamped):
        parts.append(f"trong đó {restamped} tệp chỉ được ghi lại dấu theo cách tính hiện nay")
    return ", ".join(parts) or "không có tệp nào cần ghi"


def _done_before(approvals: list[Approval]) -> str:
    """Why nothing was written: each file named already holds this approval or review."""
    pages = sum(1 for item in approvals if isinstance(item.bulletin, Page))
    parts = ["các bản tin trên đã được duyệt"] if len(approvals) > pages else []
    if pages:
        parts.append("việc xem xét dữ liệu cá nhân của các trang trên đã được ghi")
    return ", ".join(parts) + " đúng nội dung này từ trước"


def prepare(
    name: str | Named,
    config: Config,
    by: str,
    *,
    publish: bool,
    problems: list[Problem],
    images: approval.ImageDigests | None = None,
    now: dt.datetime | None = None,
    documents: SiteDocuments | None = None,
    pii_reviewed: bool = False,
    root_flag: str = "",
    draft_lines: dict[str, str] | None = None,
) -> Approval | None:
    """The approval of file `name` by `by` (its text with the approval written, not yet
    written to disk), or None with its problems recorded: a file outside content/ or of a
    page, with errors, not public, a draft (unless `publish`: the draft is released), or
    holding personal data nobody reviewed (unless `pii_reviewed`: `by` is written as its
    reviewer; `root_flag`: the « --root X» the command told to run again needs).
    `images`, `documents`: the digests of images and the site's pages, shared by the files of
    one command. `now`: a correction
    dated after it is an error, as the build at that clock would find (None: not compared).
    `name`: as typed, or as the command looked it up (Named). `draft_lines`: where the
    `draft` line of a draft refused is recorded, by the file as shown."""
    if isinstance(name, str):
        name = named(name, config.root)
    path, shown = name.path, name.shown
    if not path.is_file() or path.suffix != ".md":
        # A folder, a FIFO or a symlink loop was «không có tệp» too: the editor saw it there.
        what = "không có tệp bản tin (.md) này" if path.is_file() else not_a_file(path)
        hint = "Ghi đường dẫn tệp. " + BY_EXAMPLE
        if what == "không có tệp này":
            what = "không có tệp bản tin (.md) này"
            if (near := nearest(path, config.root)) is not None:
                hint = f"Có phải ý bạn là «{near}»? " + hint
            elif several := alike(path, config.root):
                # Not one guessed: «…dien-lu.md» starts «…dien-luc.md» and «…dien-luc-goi-dien.md».
                hint = (
                    f"Có {len(several)} tệp gần giống tên đã gõ: "
                    + ", ".join(f"«{one}»" for one in several)
                    + "; ghi đúng đường dẫn tệp đã đọc (chép từ danh sách này). "
                    + BY_EXAMPLE
                )
        elif path.is_dir():
            # Naming the folder approves nothing: each bulletin in it is named (and read).
            every = shell_word(f"{shown.rstrip('/')}/*.md")
            hint = (
                f"Ghi đường dẫn tệp; duyệt mọi bản tin đã đọc trong thư mục này thì ghi {every} "
                "(thêm --dry-run để xem trước từng tệp). " + BY_EXAMPLE
            )
        problems.append(Problem(shown, what, hint=hint))
        return None
    content = (config.root / "content").resolve()
    try:
        where = name.same.relative_to(content)
    except ValueError:
        problems.append(
            Problem(shown, "không phải tệp trong thư mục content/ của dự án", hint=BY_EXAMPLE)
        )
        return None
    if where.parts[0] == PAGES_DIR:
        # Pages are not approved: what is recorded is the review of their personal data.
        return _page_review(path, shown, config, by, problems, now)
    bulletin, found, digest = load_bulletin(path, config, now=now)
    # What approved_by holds now («có», x) is what this command overwrites with the name: its
    # error, whose hint sends the editor here, must not refuse the approval.
    found = [p for p in found if p.field != "approved_by"]
    errors = [p for p in found if p.severity == "error"]
    if documents is None:
        documents = SiteDocuments(config, now)
    if bulletin is not None and not errors:
        # As the build that publishes it would stop: approved, it went out only to fail there.
        if "zalo" in carried(bulletin.channels, config):
            errors = with_lines(zalo_limits(bulletin, config), config.root)
            if "web" not in bulletin.channels:
                errors += with_lines([off_the_web(bulletin)], config.root)
            if not errors and config.zalo.max_body_blocks:
                errors = with_lines(zalo_blocks(bulletin, documents.zalo_site()), config.root)
        if {"web", "zalo"} & set(bulletin.channels):
            # Refused as a missing image is (the load's error), in the same pass as the above.
            errors += with_lines(unreadable_images(bulletin, config), config.root)
        # Published, a `radio:` block the radio cannot read stops every build, every channel.
        errors += with_lines(approval_radio.block_errors(bulletin, config), config.root)
    if bulletin is not None and not errors:
        told = _linked_problems(bulletin, config, now, documents)
        errors = [p for p in told if p.severity == "error"]
        found += told
    if errors or bulletin is None:
        problems.extend(errors)
        problems.append(_refused(shown, "bản tin còn lỗi (ở trên): chưa duyệt được", errors))
        return None
    # Not a part of the fingerprint (publish.approval): written with it, it changes none. A
    # reviewer written before an earlier approval reviewed that version, not this one (see below).
    personal = any(p.code == PERSONAL_DATA for p in found)
    reviewed = bool(bulletin.pii_reviewed_by.strip())
    if personal and pii_reviewed:
        found = [_reviewed_now(p, by) if p.code == PERSONAL_DATA else p for p in found]
    problems.extend(found)
    if _own_bulletin(by, bulletin.author):
        problems.append(
            Problem(
                shown,
                f"người duyệt {quoted(by)} có vẻ là chính tác giả của bài "
                f"(author: {quoted(bulletin.author)}): người viết tự duyệt bài mình",
                "author",
                hint="Nên để một người khác đọc duyệt (người duyệt chịu trách nhiệm nội dung đăng "
                "ra). Nếu đơn vị cho người viết tự duyệt, bỏ qua cảnh báo này.",
                severity="warning",
            )
        )
    if not public_classification(bulletin.classification):
        problems.append(
            Problem(
                shown,
                f"mức phân loại «{bulletin.classification}» không cho đăng: không duyệt đăng được",
                "classification",
                hint='Chỉ duyệt bản tin công khai (classification trống hoặc "công khai").',
            )
        )
        return None
    if bulletin.draft and not publish:
        if draft_lines is not None:
            draft_lines[shown] = bulletin.draft_line
        problems.append(
            Problem(
                shown,
                f"bản tin còn là bản nháp ({bulletin.draft_line}): duyệt là cho đăng",
                "draft",
                hint=f"Thêm --publish để vừa duyệt vừa bỏ {bulletin.draft_line}; chưa muốn đăng "
                "thì đừng duyệt lúc này.",
                code=DRAFT_REFUSED,
            )
        )
        return None
    if bulletin.draft and (samples := _samples(shown, bulletin)):
        problems.extend(with_lines(samples, config.root))
        return None
    raw = path.read_bytes()
    if hashlib.sha256(raw).hexdigest() != digest:
        problems.append(Problem(shown, "tệp vừa bị sửa trong lúc duyệt", hint="Chạy lại lệnh."))
        return None
    if images is None:
        images = approval.ImageDigests(config.root / "content")
    linked = attachments.linked_paths(bulletin, config)
    if unread := _unread(shown, linked, images, "chưa kiểm được tệp thì không duyệt được bài"):
        problems.append(unread)
        return None
    # Written by hand, the two lines leave the file part as it is now (see approval.file_digest).
    # Of the text in NFC, also over an approval taken before session 73 of a file not in NFC:
    # written back, that one cost every load of the file its bytes decomposed again (~0.8 ms).
    fingerprint = approval.fingerprint(bulletin, images, linked, file=approval.file_digest(raw))
    values: dict[str, str | bool] = {"approved_by": by, "approved_version": fingerprint}
    if bulletin.draft:
        values["draft"] = False
    after = {"approved_version": "approved_by"}
    if personal and pii_reviewed:
        values["pii_reviewed_by"] = by
        after["pii_reviewed_by"] = "approved_version"
    try:
        text = raw.decode("utf-8")
        new = set_keys(text, values, after=after)
        # The file part is of the file as approved: with `draft: false`, a value once written
        # over several lines now on one.
        written = approval.file_digest(new.encode("utf-8", "surrogatepass"))
        if fingerprint.split("-")[1] != written:
            values["approved_version"] = approval.fingerprint(
                bulletin, images, linked, file=written
            )
            new = set_keys(text, values, after=after)
    except (UnicodeDecodeError, EditError) as exc:
        problems.append(
            Problem(
                shown,
                f"không ghi được phần đầu: {exc}",
                hint=f'Ghi tay vào phần đầu: {by_line(by)} và approved_version: "{fingerprint}".',
            )
        )
        return None
    approved = dataclasses.replace(
        bulletin,
        approved_by=by,
        approved_version=str(values["approved_version"]),
        approval_note="",  # the name written instead of what named nobody
        draft=False,  # released by --publish (a draft is refused without it)
    )
    before = " ".join(nfc(bulletin.approved_by).split())
    # One approval taken before session 73 of these very bytes (or of the text decomposed) is
    # this one, written again with its file part as it is taken now: the same text approved.
    # Its file part as loaded (raw is those bytes: checked above), not decomposed and hashed again.
    restamped = approval.file_part_before(
        bulletin.approved_version, approved.approved_version, bulletin.file_digest
    )
    still = (
        bulletin.approved_version == approved.approved_version or restamped
    ) and not bulletin.approval_note
    # The version approved before stands (its decision with it); a reviewer written by hand on a
    # bulletin never approved counts; one left from an earlier approval reviewed that version, and
    # an edit since (new personal data perhaps) waits for a decision as an unreviewed bulletin.
    by_hand = reviewed and not bulletin.approved_version
    if personal and not pii_reviewed and not still and not by_hand:
        problems.append(_personal_undecided(shown, by, publish and bulletin.draft, root_flag))
        return None
    reviewed_now = ""
    if personal and pii_reviewed:
        approved = dataclasses.replace(approved, pii_reviewed_by=by, review_note="")
        if " ".join(nfc(bulletin.pii_reviewed_by).split()) != by:
            reviewed_now = by
    replaces = before if still and before and before != by else ""
    edited = bulletin.approved_version and not still and not bulletin.approval_note
    # The approval in effect, its lines differing from those written now only in how letters
    # are coded (a file re-saved decomposed, NFD): rewritten, they would change nothing.
    encoded = raw if nfc(new) == nfc(text) else new.encode("utf-8", "surrogatepass")
    return Approval(
        path,
        shown,
        approved,
        raw,
        encoded,
        replaces,
        released=bulletin.draft,
        edited_after=before if edited else "",
        approved_before=bulletin.approved_version if edited else "",
        restamped=restamped and before == by and not bulletin.draft,
        reviewed_now=reviewed_now,
    )


def _refused(shown: str, message: str, errors: list[Problem], then: str = "duyệt") -> Problem:
    """The line closing the errors of a file refused: a note, so that «Tìm thấy N lỗi» counts
    the errors to fix (one error was told as 2), an error only when none was told."""
    return Problem(
        shown,
        message,
        hint=f"Sửa các lỗi rồi chạy publish check, sau đó {then}.",
        severity="note" if errors else "error",
    )


def _samples(shown: str, bulletin: Bulletin) -> list[Problem]:
    """The sample text `publish new` (or `import-hugo`, a summary) wrote still in a draft's
    summary or body, each at its field or line, as the build tells it once the draft is
    released: «tóm tắt hay nội dung» left the approver to find which."""
    found = []
    if bulletin.summary == SUMMARY_PLACEHOLDER:
        found.append(
            Problem(
                shown,
                f"tóm tắt vẫn là chữ mẫu «{SUMMARY_PLACEHOLDER}»: chưa duyệt được",
                "summary",
                hint="Viết tóm tắt thật (một, hai câu), chạy publish check, rồi mới duyệt.",
            )
        )
    lines = [line.strip() for line in bulletin.body.split("\n")]
    if BODY_PLACEHOLDER in lines:
        found.append(
            Problem(
                shown,
                f"nội dung vẫn còn dòng chữ mẫu của 'publish new' «{BODY_PLACEHOLDER}»: chưa "
                "duyệt được",
                line=bulletin.body_line + lines.index(BODY_PLACEHOLDER),
                hint="Thay dòng đó bằng nội dung bản tin, chạy publish check, rồi mới duyệt.",
            )
        )
    return found


def _page_review(
    path: Path,
    shown: str,
    config: Config,
    by: str,
    problems: list[Problem],
    now: dt.datetime | None,
) -> Approval | None:
    """The page `path` with `by` recorded as the person who weighed its personal data and that
    of the files it links to (pii_reviewed_by), bound to their bytes as they are now
    (pii_reviewed_version); None with its problems recorded when the page has errors, or a
    file it links to is refused by the build (a secret stamp) or cannot be read."""
    found: list[Problem] = []
    page, digest = load_page_read(path, config, found)
    told, _ = attachments.check([page], config) if page is not None else ([], set())
    errors = [p for p in [*found, *told] if p.severity == "error"]
    if page is None or errors:
        problems.extend(errors)
        problems.append(
            _refused(
                shown,
                "trang còn lỗi (ở trên): chưa ghi được việc xem xét dữ liệu cá nhân",
                errors,
                then="chạy lại lệnh",
            )
        )
        return None
    when = now if now is not None else dt.datetime.now(config.tz)
    problems.extend([*found, *told, *pii.review_findings(page, config, when)])
    images = approval.ImageDigests(config.root / "content")
    linked = attachments.linked_paths(page, config)
    if unread := _unread(shown, linked, images, "chưa xem được tệp thì chưa ghi được việc xem xét"):
        problems.append(unread)
        return None
    raw = path.read_bytes()
    if hashlib.sha256(raw).hexdigest() != digest:
        # Searched as loaded, bound as read now: an edit between the two was never shown.
        problems.append(Problem(shown, "tệp vừa bị sửa trong lúc duyệt", hint="Chạy lại lệnh."))
        return None
    version = approval.review_version(raw, linked, images, page)
    values: dict[str, str | bool] = {"pii_reviewed_by": by, "pii_reviewed_version": version}
    try:
        text = raw.decode("utf-8")
        new = set_keys(text, values, after={"pii_reviewed_version": "pii_reviewed_by"})
    except (UnicodeDecodeError, EditError) as exc:
        problems.append(
            Problem(
                shown,
                f"không ghi được phần đầu: {exc}",
                hint=f"Ghi tay vào phần đầu: pii_reviewed_by: {yaml_quoted(by)} và "
                f'pii_reviewed_version: "{version}".',
            )
        )
        return None
    reviewed = dataclasses.replace(
        page,
        pii_reviewed_by=by,
        pii_reviewed_version=version,
        # held_note names the first field naming nobody, approved_by before pii_reviewed_by
        # (person_fields.ROLES): the review replaces the latter, never the former.
        held_note=page.held_note if page.held_note.startswith("approved_by") else "",
    )
    # As a bulletin's approval (see prepare): lines differing only in how letters are coded
    # are not written again, and a review taken before session 73 of the file not in NFC, by
    # the same reviewer, is written again of the text in NFC, told as recorded before.
    encoded = raw if nfc(new) == nfc(text) else new.encode("utf-8", "surrogatepass")
    was = page.pii_reviewed_version.split("-")
    restamped = (
        encoded != raw
        and " ".join(nfc(page.pii_reviewed_by).split()) == by
        and len(was) == 3
        and was[1:] == version.split("-")[1:]
        and page.file_digest == was[0]  # judged by that part as loaded (raw: checked above)
    )
    return Approval(path, shown, reviewed, raw, encoded, restamped=restamped)


def _unread(
    shown: str, linked: Mapping[str, str], images: approval.ImageDigests, refused: str
) -> Problem | None:
    """The refusal when a file `shown` links to (`linked`: by its path under content/) cannot
    be read: it may hold anything, so its part of an approval or review is not taken.
    `refused`: what is not done."""
    unread = [name for name, on_disk in linked.items() if images(on_disk) is None]
    if not unread:
        return None
    return Problem(
        shown,
        "không đọc được tệp đính kèm "
        + ", ".join(f"«content/{name}»" for name in unread)
        + f": {refused}",
        hint="Kiểm tra quyền đọc tệp (hay chép lại tệp), mở xem nó rồi chạy lại lệnh.",
    )


def _linked_problems(
    bulletin: Bulletin, config: Config, now: dt.datetime | None, documents: SiteDocuments
) -> list[Problem]:
    """What the build would tell about the bulletin's own texts and the files it links to:
    personal data in the texts (warnings: the approver reads them before the build publishes),
    a secret stamp, a missing or refused file, a relative link to nothing (errors: approved,
    it would only be refused by the build), a file that cannot be read, authors' names and
    personal data in it (warnings, as the build's)."""
    if now is None:
        now = dt.datetime.now(config.tz)
    own = _personal(pii.bulletin_findings(bulletin, config, now))
    if not {"web", "zalo"} & set(bulletin.channels):
        return own  # the radio reads no linked file, and the build checks none of its links
    told, _ = attachments.check([bulletin], config)
    if bulletin.relative_links:  # nearly every bulletin has none: the site is not loaded
        targets = RelativeTargets.of(config.root, documents)
        told += targets.problems(bulletin.source, bulletin.url, bulletin.relative_links)
    # As the build tells them (without --strict): the hint says how to clear them for CI.
    told += _personal(pii.linked_findings(bulletin, config, now, strict=False, going_out=True))
    return own + told


PERSONAL_DATA = "approve-personal-data"
"""The code of a personal-data finding in a bulletin or a file it links to, told to the
approver: approving it publishes the data, so it waits for the approver's decision."""


def _personal(found: list[Problem]) -> list[Problem]:
    """Personal-data findings marked as such (PERSONAL_DATA)."""
    return [dataclasses.replace(p, code=PERSONAL_DATA) for p in found]


def _reviewed_now(found: Problem, by: str) -> Problem:
    """A personal-data finding the approver lets go out (--pii-reviewed), its hint saying so:
    «thêm pii_reviewed_by» told them to do by hand what the command does."""
    return dataclasses.replace(
        found,
        hint=f"Người duyệt đã cân nhắc và vẫn cho đăng (--pii-reviewed): lệnh ghi "
        f"pii_reviewed_by: {yaml_quoted(by)}.",
    )


def _personal_undecided(shown: str, by: str, release: bool, root_flag: str) -> Problem:
    """The refusal of a bulletin holding personal data nobody reviewed: approved as it is, the
    data went out (or CI's `publish check --strict` stopped every bulletin) with nobody having
    decided; the approver decides, and the command says both ways."""
    again = (
        f"publish approve {shell_word(shown)} --by {shell_word(by)}"
        + " --publish" * release
        + f" --pii-reviewed{root_flag}"
    )
    return Problem(
        shown,
        "bản tin có dữ liệu cá nhân chưa ai xem xét (cảnh báo ở trên): duyệt là cho đăng cả "
        "dữ liệu ấy, nên người duyệt cần quyết định trước; chưa duyệt tệp này",
        "pii_reviewed_by",
        hint="Trả bài cho biên tập viên xóa hay che bớt (ví dụ 087*******89, chỉ ghi năm sinh, "
        "viết tắt tên), rồi đọc và duyệt bản đã sửa; hoặc, nếu đã cân nhắc và vẫn cần đăng "
        f"đúng như vậy, chạy: {again} (lệnh ghi thêm pii_reviewed_by: tên người duyệt, để tra "
        "được ai đã quyết định). Duyệt mà không ghi người xem xét thì lần kiểm tra của CI "
        "(publish check --strict) dừng, không đăng bản tin nào.",
    )


class SiteDocuments(Mapping[str, str]):
    """The site path of each bulletin and page the load finds, loaded the first time a file
    of one command asks (see Site.documents): a relative link may lead from its page's address
    to another bulletin's ("../../11/ten-bai"), judged by the addresses of the whole site.
    Loaded once for all the files `approve content/bai-viet/*.md` names, not once a file, and
    only once one links to another file (a Mapping that loads when first read)."""

    def __init__(self, config: Config, now: dt.datetime | None) -> None:
        self._config = config
        self._now = now or dt.datetime.now(config.tz)
        self._documents: Mapping[str, str] | None = None
        self._site: Site | None = None

    def _loaded(self) -> Mapping[str, str]:
        """The site's documents (none when the site does not load)."""
        if self._documents is None:
            try:
                self._documents = load_site(self._config, now=self._now, salvage=True).documents
            except ContentError:
                self._documents = {}
        return self._documents

    def __getitem__(self, key: str) -> str:
        """The site path of the file `key`."""
        return self._loaded()[key]

    def __iter__(self) -> Iterator[str]:
        """Every file loaded."""
        return iter(self._loaded())

    def __len__(self) -> int:
        """How many files were loaded."""
        return len(self._loaded())

    def __reduce__(self) -> tuple[type[dict[str, str]], tuple[dict[str, str]]]:
        """Pickled as the documents loaded (a worker given the Site has no site to load)."""
        return dict, (dict(self._loaded()),)

    def zalo_site(self) -> Site:
        """The site every Zalo article of the command is made in, to count its blocks: one
        for all the files named, so the images chosen and the payloads the last build kept
        are read once (a Site a file read the shelf again for each), its documents these."""
        if self._site is None:
            self._site = Site(self._config, self._now, (), documents=self)
        return self._site


def by_line(by: str) -> str:
    """The line `approved_by: …` to copy by hand, which reads back as exactly `by` (a name
    holding " or \\ in double quotes would end the value or start an escape)."""
    return f"approved_by: {yaml_quoted(by)}"


_APPROVED_BY = re.compile(r"^approved_by[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
NAMED_APPROVERS = 5
"""How many of the approvers already in content/ a note on a new one names."""


def _new_approver(by: str, root: Path, approving: set[Path]) -> list[Problem]:
    """A note when `by` has approved no other bulletin in content/ while others have: a name
    spelt another way («Trần Minh Tri», «Trưởng CA huyện») or someone who does not approve
    for the unit; with the names already used, as they are written."""
    names: dict[str, bool] = {}  # each name written, whether it is a name (not a tick)
    for path in bulletin_files(root / "content"):
        if (found := _APPROVED_BY.search(_front_matter(path))) is None:
            continue
        name = " ".join(nfc(found[1].split(" #", 1)[0].strip().strip("\"'")).split())
        if name == by and path.resolve() in approving:
            continue  # the file approved now: its own line is no earlier approval
        if name not in names:
            names[name] = bool(name) and not not_a_name(name)
    known = {name for name, real in names.items() if real}
    if not known or by in known:
        return []
    named = sorted(known)
    more = f" và {len(named) - NAMED_APPROVERS} người khác" if len(named) > NAMED_APPROVERS else ""
    return [
        Problem(
            "--by",
            f"{quoted(by)} chưa duyệt bản tin nào khác trong content/",
            hint="Kiểm tra lại họ tên, chức vụ người duyệt (ghi đúng như các lần trước để tra "
            "được ai đã duyệt bài nào). Người duyệt đã có: "
            + "; ".join(named[:NAMED_APPROVERS])
            + more
            + ".",
            severity="note",
        )
    ]


def _replacing(approvals: list[Approval], by: str, root_flag: str = "") -> list[Problem]:
    """What becomes of the bulletins already approved, as they are now, under another
    approver's name: kept as they are among several files (a note naming them and how to
    re-approve one on purpose), or, named alone by its own path, a warning that `by` is written over that name.
    Over `content/bai-viet/*.md` who had approved the others was lost without a word."""
    kept = [a for a in approvals if a.replaces and a.new == a.raw]
    replaced = [a for a in approvals if a.replaces and a.new != a.raw]
    told: list[Problem] = []
    if kept:
        named = ", ".join(f"{a.shown} ({quoted(a.replaces)})" for a in kept)
        again = f"publish approve {shell_word(kept[0].shown)} --by {shell_word(by)}{root_flag}"
        told.append(
            Problem(
                "--by",
                f"giữ nguyên {len(kept)} bản tin đã được người khác duyệt đúng nội dung hiện nay "
                f"(không ghi {quoted(by)} thay tên người đã duyệt): {named}",
                hint="Đã đọc lại và muốn ghi tên mình thay cho một bài trong số đó thì duyệt "
                f"riêng tệp ấy, ví dụ: {again}",
                severity="note",
            )
        )
    if replaced:
        named = ", ".join(f"{a.shown} ({quoted(a.replaces)})" for a in replaced)
        told.append(
            Problem(
                "--by",
                f"{len(replaced)} bản tin đã được duyệt đúng nội dung hiện nay, với tên người "
                f"duyệt khác; lần duyệt này ghi {quoted(by)} thay tên ấy: {named}",
                hint="Không muốn thay thì bỏ tệp trên khỏi lệnh; đã đọc lại và nhận trách nhiệm "
                "bài ấy thì bỏ qua cảnh báo này.",
                severity="warning",
            )
        )
    return told


def _front_matter(path: Path) -> str:
    """The front matter of bulletin `path` as text, read up to its closing `---` line and no
    further (a long summary may push approved_by past any fixed count of bytes); "" for a
    file without one, that cannot be read, or that is no regular file."""
    lines: list[bytes] = []
    try:
        # Not blocking: a FIFO named *.md in content/ (the build refuses it) waited for a
        # writer, and approve hung without a word.
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                return ""
            if file.readline().removeprefix(b"\xef\xbb\xbf").rstrip() != b"---":
                return ""
            for line in file:
                if line.rstrip() in (b"---", b"..."):
                    break
                lines.append(line)
    except OSError:
        return ""
    return b"".join(lines).decode("utf-8", "replace")


def _own_bulletin(by: str, author: str) -> bool:
    """Whether approver `by` («Thượng tá Nguyễn Minh Anh, Trưởng …») looks like the bulletin's
    `author` («Minh Anh»): the name before the first comma ends with the author's words (all of
    it, for an author named by one word)."""
    wrote = nfc(author).casefold().split()
    name = nfc(by).split(",", 1)[0].casefold().split()
    if not wrote:
        return False
    return name == wrote if len(wrote) == 1 else name[-len(wrote) :] == wrote


def _write(approvals: list[Approval]) -> None:
    """Write each approval, each file checked again just before; when one cannot be written,
    the error names those already written (they are approved: commit them or undo them)."""
    written: list[str] = []
    for item in approvals:
        why = f"{item.shown}: tệp vừa bị sửa trong lúc duyệt"
        try:
            if _unchanged(item):
                write_atomically(item.path.resolve(), item.new)
                written.append(item.shown)
                continue
        except OSError as exc:
            why = f"{item.shown}: không ghi được tệp ({os_reason(exc)})"
        done = (
            f"Đã ghi duyệt vào {len(written)} tệp: {', '.join(written)}; chưa ghi vào các "
            "tệp còn lại."
            if written
            else "Chưa ghi tệp nào."
        )
        raise PublishError(
            f"{why}. {done} Cách sửa: đọc lại bản mới (nếu tệp vừa bị sửa) rồi chạy lại lệnh "
            "với các tệp chưa được ghi."
        )


def _unchanged(item: Approval) -> bool:
    """Whether the file still holds the bytes that were checked and approved."""
    try:
        return item.path.read_bytes() == item.raw
    except OSError:
        return False


def _summary(
    item: Approval, held: tuple[str, str] | None, now: dt.datetime, unchanged: bool, config: Config
) -> str:
    """What the approver approves: title, file, channels, when it goes out (site time), or
    that it does not (`held`: _held_after's verdict)."""
    bulletin = item.bulletin
    if isinstance(bulletin, Page):
        state = "Đã ghi từ trước (không ghi lại)" if unchanged else "Ghi"
        if item.restamped:
            state = f"Đã ghi từ trước ({REVIEW_RESTAMPED})"
        return (
            f"{state} việc xem xét dữ liệu cá nhân của trang «{bulletin.title}»\n    tệp "
            f"{item.shown} và các tệp nó liên kết tới"
        )
    date = bulletin.date.astimezone(now.tzinfo)
    going = carried(bulletin.channels, config)
    # The radio's script of it, once held off the air, is withdrawn like any other; one that
    # aired stays as the station read it.
    airs = [c for c in going if c != "radio" or item.off_air is None]
    aired = item.off_air is not None and item.off_air.aired is not None
    when = (
        f"hẹn giờ: đăng lúc {vn_datetime(date)}"
        if date > now
        else _going_out(item.live, airs, unchanged) + f" (ngày đăng {vn_datetime(date)})"
    )
    if date > now and item.live:
        when += (
            f"; bản đang đăng trên {channel_names(item.live)} bị rút từ lần đồng bộ tới cho "
            "tới giờ ấy"
        )
    if date > now and date.time() == dt.time(0):
        # A `date` written as a day only («03/12/2026») is midnight: an embargo meant for the
        # working day would go out hours early, and the approver is the last to see it.
        when += (
            f" (00:00 là nửa đêm, đầu ngày {date:%d/%m/%Y}: dòng date chỉ ghi ngày thì giờ đăng "
            f"là 00:00; muốn đăng giờ khác thì ghi giờ, ví dụ date: {date:%d/%m/%Y} 8h00, "
            "rồi duyệt lại)"
        )
    if bulletin.expires is not None:
        when += f"; hết hạn lúc {vn_datetime(bulletin.expires.astimezone(now.tzinfo))}"
    if bulletin.pinned and "web" in going:
        # Part of what goes out, and an edit of it needs another approval: seen before signing.
        until = bulletin.pinned_until
        when += "; ghim ở đầu trang chủ website " + (
            "tới khi bài không còn đăng (pinned: true)"
            if until is None
            else f"tới {vn_datetime(until.astimezone(now.tzinfo))}"
        )
    if held is None and "radio" in airs:
        when += _air_told(bulletin, now, config, unchanged and "radio" in item.live)
    if held is None and not bulletin.channels:
        when = f"không đăng ở kênh nào ({NO_CHANNEL})"
    elif held is None and not going:
        when = f"không đăng ở kênh nào ({NO_OA})"
    elif held is None and not airs and aired:
        # For the radio alone, read in an episode that aired: the edit goes nowhere.
        when = "không gửi lại cho đài: bài đã phát (xem dòng «đài» dưới)"
    elif held is None and not airs and item.off_air is not None and item.off_air.missed:
        # For the radio alone, set for a broadcast that is over: it never goes out.
        when = "không đăng ở kênh nào: buổi phát của bài đã qua (xem dòng «đài» dưới)"
    elif held is None and not airs:
        # Sent to the radio alone, which will not read it: nothing goes out.
        when = "không đăng ở kênh nào cho tới khi đài đọc được bài (lý do ở dòng «đài» dưới)"
    if held is not None:
        # «đăng ngay» said of it told the approver it would go out.
        reason, code = held
        gone = (
            f", bản đang đăng trên {channel_names(item.live)} bị rút ở lần đồng bộ tới"
            if item.live
            else ""
        )
        when = (
            f"{reason}: không đăng ở kênh nào{gone}"
            if code == "expired"
            else f"chưa đăng ở kênh nào (lý do ở dòng cuối){gone}; sửa xong thì {when}"
        )
    channels = ", ".join(airs) or "không kênh nào"
    if len(airs) < len(going):
        channels += (
            " (radio: đã phát, xem dòng «đài» dưới)"
            if aired
            else " (radio: không phát, lý do ở dòng «đài» dưới)"
        )
    state = "Đã duyệt đúng nội dung này từ trước (không ghi lại)" if unchanged else "Duyệt"
    if item.restamped:
        state = f"Đã duyệt đúng nội dung này từ trước ({RESTAMPED})"
        if item.reviewed_now:
            # Written in the same run: the restamp alone said nothing else changed.
            state += f"; ghi pii_reviewed_by: {item.reviewed_now} (đã xem xét dữ liệu cá nhân)"
    if item.edited_after and not unchanged:
        state = f"Duyệt lại (nội dung đã sửa sau lần duyệt của {quoted(item.edited_after)})"
    if item.replaces and not unchanged:
        state = f"Duyệt lại (thay tên {quoted(item.replaces)} đã duyệt đúng nội dung này)"
    elif item.replaces:
        state = (
            f"Giữ nguyên: {quoted(item.replaces)} đã duyệt đúng nội dung này (không ghi tên "
            "người duyệt lần này)"
        )
    return (
        f"{state}: «{bulletin.title}»\n    tệp {item.shown}; kênh: {channels}; {when}"
        + _corrections_told(bulletin, now, unchanged)
        + (_changes_told(item, now, config) if item.edited_after and not unchanged else "")
    )


def _air_told(bulletin: Bulletin, now: dt.datetime, config: Config, sent: bool) -> str:
    """When the radio reads a bulletin it will read, and when its script reaches the episode's
    folder (`sent`: already there, as approved): «đăng ngay» alone said nothing of the air
    time, days away at most a week (QA, session 77)."""
    air = radio_air(bulletin.date, bulletin.block("radio"), config).astimezone(now.tzinfo)
    told = f"; đài đọc ở buổi phát {vn_datetime(air)}"
    if sent:
        return told
    folder = episode_folder(air, config)
    return told + (
        f" (kịch bản vào thư mục tập {folder} ở lần đồng bộ kênh radio đầu tiên sau giờ đăng)"
        if bulletin.date > now
        else f" (kịch bản vào thư mục tập {folder} ở lần đồng bộ kênh radio đầu tiên sau khi được đưa lên)"
    )


def _going_out(live: tuple[str, ...], going: list[str], unchanged: bool) -> str:
    """When and where a bulletin whose date has passed goes out, given the channels state/
    records it published on now (`live`) and those it goes to (`going`): a re-approval after
    an edit replaces the version published, which «đăng ngay» did not say."""
    if not live:
        return "đăng ngay khi được đưa lên"
    if unchanged:
        return f"đang đăng trên {channel_names(live)}"
    replaced = [c for c in going if c in live]
    added = [c for c in going if c not in live]
    dropped = [c for c in live if c not in going]
    parts = [f"thay bản đang đăng trên {channel_names(replaced)}"] if replaced else []
    parts += [f"đăng mới trên {channel_names(added)}"] if added else []
    parts += [f"rút khỏi {channel_names(dropped)}"] if dropped else []
    parts[0] += " ngay khi được đưa lên"
    return "; ".join(parts)


def _changes_told(item: Approval, now: dt.datetime, config: Config) -> str:
    """The lines showing what changed since the version approved before, as git recorded it
    (publish.approval_diff; commit times in the unit's `tz`), or a line saying it was not found;
    "" without git. For a bulletin out now whose phone numbers changed with no new correction,
    the correction to add."""
    approved = approved_in_git(item.path, item.approved_before, config.tz)
    if approved is None:
        return ""
    besides = _besides(item, approved, config)
    found = since_approval(approved, before=item.raw, besides=besides)
    if approved.found is not None and item.live:
        changed = changed_numbers(approved.found[2], item.raw)
        if changed is not None:
            listed = isinstance(item.bulletin, Bulletin) and bool(item.bulletin.corrections)
            found += correction_hint(*changed, listed=listed, now=now)
    return "".join(f"\n    {line}" for line in found)


def _besides(item: Approval, approved: Approved, config: Config) -> list[str]:
    """What changed since the version approved outside the file's words, as git tells it: its
    address (the file renamed) and the images replaced (publish.approval_why)."""
    bulletin = item.bulletin
    if not isinstance(bulletin, Bulletin) or approved.found is None:
        return []
    root = config.root
    told = [moved] if (moved := approval_why.address_moved(bulletin, approved, root)) else []
    images = approval_why.shown_images(bulletin)
    replaced = approval_why.images_replaced(approved, root, images) if images else None
    if replaced:
        named = approval_why.images_named(replaced, bulletin, config)
        told.append(f"{named} đã được thay")
    return told


def _radio_told(item: Approval, unchanged: bool, config: Config, root_flag: str) -> str:
    """The line saying why the build keeps a bulletin approved now off the radio (the others
    still go out), with where to see every finding; "" when it airs."""
    off = item.off_air
    if off is None or unchanged or isinstance(item.bulletin, Page):
        return ""
    if off.aired is not None:
        return _aired_told(item.bulletin, off.aired, config, root_flag)
    others = [c for c in carried(item.bulletin.channels, config) if c != "radio"]
    still = [f"{channel_names(others)} vẫn đăng"] if others else []
    if "radio" in item.live and off.missed is None:
        # A script whose broadcast is over stays with the station: never withdrawn.
        still.append("kịch bản đã gửi đài bị rút")
    told = "\n    đài: bài không được phát" + (f" ({'; '.join(still)})" if still else "")
    told += f": {off.first}"
    if off.count:
        more = f"; còn {off.count - 1} chỗ khác" if off.count > 1 else ""
        told += (
            f"{more}. Xem từng chỗ và cách sửa: {typed_here.speak_flags(item.path, root_flag)}. "
            "Sửa câu chữ trong bài thì phải duyệt lại; thêm chữ viết tắt vào từ "
            "điển viết tắt của đơn vị hay ghi draft: [radio] (không phát) thì không"
        )
    return told + "."


def _aired_told(
    bulletin: Bulletin, aired: approval_radio.Aired, config: Config, root_flag: str
) -> str:
    """The line saying a bulletin approved after an edit aired already: the station keeps the
    episode as it read it (the build and the sync never write an aired one again), so the
    edit reaches its listeners only through a correction, read in an episode to come."""
    at = vn_datetime(aired.air.astimezone(config.tz))
    told = (
        f"\n    đài: bài đã phát lúc {at} (tập {aired.folder}); tập đã phát là của đài, không "
        "được ghi hay gửi lại, nên bản sửa này không tới đài"
    )
    for number, air, why in aired.owed:
        if why:
            # As the build holds it: out of every episode until its wording can be read.
            told += (
                f"; lời đính chính thứ {number} chưa đọc được trên sóng nên không được đưa vào "
                f"tập nào: {why}. Xem cách sửa: publish check{root_flag}. Sửa lời đính chính thì phải duyệt "
                "lại; thêm chữ viết tắt vào từ điển viết tắt của đơn vị thì không"
            )
            continue
        told += (
            f"; lời đính chính thứ {number} được đọc thành tin «Đính chính» riêng ở buổi phát "
            f"{vn_datetime(air.astimezone(config.tz))}"
            if air is not None
            else f"; lời đính chính thứ {number} không được đọc trên sóng: bài hết hạn "
            "trước buổi phát kế tiếp"
        )
    if not aired.owed:
        told += (
            ". Người nghe đã nghe bản cũ: cần báo họ chỗ sửa thì ghi thêm một lần đính chính "
            "(corrections) rồi duyệt lại, lời đính chính được đọc ở buổi phát kế tiếp"
        )
    return told + "."


def _held_and_off_air(approvals: list[Approval], config: Config, now: dt.datetime) -> str:
    """The sentences naming the files approved now that will still not go out, then those the
    radio alone will not read (a bulletin going nowhere is not named again for the radio)."""
    nowhere = [_going_nowhere(a, config, now) for a in approvals]  # asks the gate once each
    going = [a for a, why in zip(approvals, nowhere, strict=True) if why is None]
    return _still_held(approvals, nowhere) + _off_air_told(going)


def _off_air_told(approvals: list[Approval]) -> str:
    """A sentence naming the bulletins approved now that the radio will not read, or ""."""
    off = [
        a.shown for a in approvals if a.off_air is not None and a.off_air.aired is None and a.fresh
    ]
    if not off:
        return ""
    return f" Duyệt xong mà đài không phát (lý do ở dòng «đài» trên): {', '.join(off)}."


def _as_published(outcomes: list[Outcome], config: Config, now: dt.datetime) -> list[Outcome]:
    """`outcomes` with each bulletin's channels published now (state/) and, for one approved
    now, why the radio would not read it: both told in its line."""
    approvals = [
        item.approval
        for item in outcomes
        if item.approval is not None and isinstance(item.approval.bulletin, Bulletin)
    ]
    if not approvals:
        return outcomes
    keys = [a.bulletin.key for a in approvals if isinstance(a.bulletin, Bulletin)]
    live = live_channels(config.root / "state", now, config, keys)
    fresh = [a.bulletin for a in approvals if a.fresh and isinstance(a.bulletin, Bulletin)]
    off = approval_radio.off_air(fresh, config, now)
    told = []
    for item in outcomes:
        found = item.approval
        if found is None or not isinstance(found.bulletin, Bulletin):
            told.append(item)
            continue
        found = dataclasses.replace(
            found,
            live=live.get(found.bulletin.key, ()),
            off_air=off.get(found.bulletin.source) if found.fresh else None,
        )
        told.append(dataclasses.replace(item, approval=found))
    return told


def _corrections_told(bulletin: Bulletin, now: dt.datetime, unchanged: bool) -> str:
    """The line naming the newest correction the approver signs (readers of the website and
    Zalo see its note above the bulletin, listeners hear it), or "": written in the front
    matter, it was easy to approve without reading."""
    if unchanged or not bulletin.corrections:
        return ""
    newest = max(bulletin.corrections, key=lambda c: c.date)
    earlier = len(bulletin.corrections) - 1
    more = f" (và {earlier} lần đính chính trước)" if earlier else ""
    at = newest.date.astimezone(now.tzinfo)
    return f"\n    đính chính lúc {vn_datetime(at) if newest.timed else vn_date(at)}{more}: «{newest.note}»"
