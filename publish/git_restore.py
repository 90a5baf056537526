"""The git commands a message gives to get a file back, by where its good copy is.

`git checkout -- FILE` brings back the copy the last commit holds, so it mends only a change
not committed yet. Once the change is committed it brings back the change itself:
- a bulletin's file (content/) is edited or deleted on a pull request's branch, and main
  holds the copy to get back (FROM_MAIN);
- a file under state/ is committed by CI on main after every sync, so a damaged or emptied
  copy may be main's own: the copy to get back is the last commit's before the damage
  (last_good), which is the newest commit when the damage is not committed yet;
- a file whose deletion is committed, on main too, is in the commit before the deletion
  (BEFORE_DELETION).
Each command names the file as typed in a shell (the caller quotes it), for a user who copies
it as printed, and MÃ_COMMIT where a commit only the user can pick goes.
"""

from __future__ import annotations

FROM_MAIN = "nhánh chính, thường là main, rồi commit: git checkout main -- {file}"
"""Where a bulletin's file edited or deleted on a pull request's branch comes back from,
`{file}` as typed in a shell. The project knows no other name for the main branch: `publish
init` names it main and the GitHub workflow runs on main."""

BEFORE_DELETION = "git checkout MÃ_COMMIT~1 -- {file}, với MÃ_COMMIT là commit đã xóa tệp"
"""How a file whose deletion is committed, on main too, comes back, `{file}` as typed in a
shell (TỆP: one the user finds); the caller says how to find MÃ_COMMIT."""


def after_deletion(file: str) -> str:
    """How to get `file` (as typed in a shell) back once its deletion is committed: the
    BEFORE_DELETION command and the `git log` that finds MÃ_COMMIT."""
    return f"{BEFORE_DELETION.format(file=file)}: git log --diff-filter=D -- {file}"


DAMAGED = "khi tệp hỏng"
"""What spoiled a state file, for last_good: an edit by hand, a bad merge, a cut-off write."""


def last_good(file: str, spoiled: str = DAMAGED) -> str:
    """How to get `file` (as typed in a shell) back from the newest commit before it was
    `spoiled` («khi tệp hỏng», «lần thử»…) and commit it, worded as BEFORE_DELETION."""
    return (
        f"git checkout MÃ_COMMIT -- {file}, với MÃ_COMMIT là commit mới nhất trước {spoiled}: "
        f"git log -- {file}; xong thì commit tệp"
    )


def restore_or_delete(file: str, lost: str) -> str:
    """The way out of a state `file` the tool cannot read and can do without: its good copy
    from git, or no file, which loses only `lost`."""
    return f"Lấy lại bản tốt của tệp từ git ({last_good(file)}) hoặc xóa tệp: {lost}."
