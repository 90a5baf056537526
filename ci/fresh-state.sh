#!/bin/sh
# Before 'publish sync': make sure state/ is the newest on the branch.
# Usage: sh ci/fresh-state.sh REMOTE BRANCH   (REMOTE: a remote name or URL)
#
# A run checks out the commit it was started for. When it was queued behind another run (a
# schedule firing while a merge was publishing), that commit predates the other run's state/
# commit: synced from it, the run would take what was just posted for new (Zalo stops it, or
# sends an update twice) and its state/ commit would clash with the other one. When only
# state/ moved on the branch, the checkout is moved to the branch (same content, newer
# state/). When content moved too, the run that newer content started does the sync: exit 3.
set -eu
remote="$1"
branch="$2"

git fetch -q --depth=1 "$remote" "$branch"
if git diff --quiet HEAD FETCH_HEAD -- state/; then
    exit 0
fi
if git diff --quiet HEAD FETCH_HEAD -- . ':(exclude)state'; then
    git reset -q --hard FETCH_HEAD
    echo "Lấy state/ mới nhất của $branch: một lần chạy khác đã đồng bộ và đẩy state/ lên sau khi" \
        "lần này lấy mã nguồn."
    exit 0
fi
echo "Trên nhánh $branch đã có nội dung mới hơn và state/ do một lần đồng bộ khác ghi sau khi lần" \
    "chạy này lấy mã nguồn: lần này không đồng bộ (state/ của nó đã cũ, đồng bộ sẽ đăng lại những" \
    "gì vừa đăng). Không cần làm gì: lần chạy của commit mới hơn (hay lần chạy theo lịch kế tiếp)" \
    "sẽ đồng bộ." >&2
exit 3
