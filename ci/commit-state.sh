#!/bin/sh
# Commit state/ after 'publish sync' and push it to the branch the CI runs for.
# Usage: sh ci/commit-state.sh REMOTE BRANCH   (REMOTE: a remote name or URL)
#
# Run it even when the sync failed or was cancelled: what succeeded is recorded in state/, and a
# next run that does not see it publishes those bulletins again. When the branch moved meanwhile,
# our commit is rebased onto it and pushed again: an editor's commits do not touch state/. Another
# run's state/ commit does (two runs that overlapped, the later one checked out before the earlier
# pushed): the rebase then stops on a conflict, which is given up so that state/ stays this run's
# (the artifact the guide says to restore from), and a person merges.
set -eu
remote="$1"
branch="$2"
message="Cập nhật trạng thái đồng bộ [skip ci]"

give_up() {
    echo "Không đẩy được state/ lên $branch. Đừng chạy đồng bộ lại trước khi xử lý: xem mục" \
        "'Không đẩy được state/' trong hướng dẫn vận hành." >&2
    exit 1
}

git add state/
if git diff --cached --quiet; then
    echo "state/ không đổi."
    exit 0
fi
git -c user.name="${PUBLISH_GIT_NAME:-publish-bot}" \
    -c user.email="${PUBLISH_GIT_EMAIL:-publish-bot@localhost}" \
    commit -q -m "$message"
for attempt in 1 2 3; do
    if git push -q "$remote" "HEAD:$branch"; then
        echo "Đã đẩy state/ lên $branch."
        exit 0
    fi
    echo "Chưa đẩy được lên $branch (thường vì nhánh đã có commit mới): lấy nhánh về, ghép lại" \
        "rồi đẩy lần nữa ($attempt/3)." >&2
    if ! git -c user.name="${PUBLISH_GIT_NAME:-publish-bot}" \
        -c user.email="${PUBLISH_GIT_EMAIL:-publish-bot@localhost}" \
        pull -q --rebase "$remote" "$branch"; then
        conflicts=$(git diff --name-only --diff-filter=U | tr '\n' ' ')
        git rebase --abort 2>/dev/null || true
        if [ -n "$conflicts" ]; then
            echo "Một lần đồng bộ khác đã đẩy state/ lên $branch trong lúc lần này chạy (hai lần" \
                "chạy gối nhau): không tự ghép được $conflicts; state/ ở đây vẫn là của lần này." >&2
        else
            # Not a clash: the repository did not answer or refused the token (git said why).
            echo "Không lấy được nhánh $branch từ kho: xem dòng lỗi của git ở trên (mạng, địa" \
                "chỉ kho, hay token đẩy state/ hết hạn hoặc thiếu quyền)." >&2
        fi
        give_up
    fi
done
give_up
