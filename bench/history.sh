#!/bin/bash
# Wall time of `traction build` at 1,000 synthetic exercises for each given commit, with the
# project in memory (tmpfs): one warm-up, then 3 runs. Each commit is checked out into a worktree
# and run through PYTHONPATH. Usage: bash bench/history.sh COMMIT...
set -e
repo=$(cd "$(dirname "$0")/.." && pwd)
project=/dev/shm/traction-history
rm -rf "$project" && "$repo/.venv/bin/python" -m bench.synthetic "$project" 1000 >/dev/null
for commit in "$@"; do
  tree=$(mktemp -d) && rmdir "$tree" && git -C "$repo" worktree add -q --detach "$tree" "$commit"
  cd "$project" && rm -rf site .cache/traction/parsed.pickle .cache/traction/links.pickle
  PYTHONPATH="$tree" NO_MKDOCS_2_WARNING=1 "$repo/.venv/bin/python" -m generator build >/dev/null 2>&1
  times=""
  for run in 1 2 3; do
    start=$(date +%s.%N)
    PYTHONPATH="$tree" NO_MKDOCS_2_WARNING=1 "$repo/.venv/bin/python" -m generator build >/dev/null 2>&1
    times="$times $(echo "$(date +%s.%N) - $start" | bc)"
  done
  echo "$commit:$times"
  git -C "$repo" worktree remove --force "$tree"
done
rm -rf "$project"
