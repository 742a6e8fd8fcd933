#!/usr/bin/env bash
# Claims of docs/robustness.md about what escc is given to read, each shown with the
# real command: too many protocols at once, and links among the folders it walks.
# Usage: limits_test.sh path/to/escc
set -u
source "$(dirname "$0")/../../expect.sh"
escc=$1

write_clean_protocol "$work/clean.esc"

# More protocols than one run numbers: refused before any is read.
mkdir "$work/many"
(cd "$work/many" && seq -f 'p%05g.esc' 0 65535 | xargs touch)
expect too-many-protocols 2 'at most 65,535 protocols at a time; check the folders one by one' -- \
  "$escc" check "$work/many"

# A link to a folder inside a folder given to check is not followed: neither a link
# back up (which would make the walk endless) nor one that leads elsewhere.
mkdir -p "$work/tree/sub" "$work/elsewhere"
cp "$work/clean.esc" "$work/tree/sub/one.esc"
cp "$work/clean.esc" "$work/elsewhere/outside.esc"
ln -s .. "$work/tree/sub/up"
ln -s "$work/elsewhere" "$work/tree/away"
expect links-not-followed 0 'no problems found in 1 file$' -- "$escc" check --today 2026-11-23 "$work/tree"

finish
