#!/usr/bin/env bash
# Hostile text, as an attacker or a careless paste would write it: terminal control
# sequences never reach a terminal from any command, characters that look like spaces
# or line ends get one clear finding instead of a cascade of syntax errors, and inputs
# that once took quadratic time finish.
# Usage: text_test.sh path/to/escc
set -u
source "$(dirname "$0")/../../expect.sh"
escc=$1
here=$(cd "$(dirname "$0")" && pwd)
# Bytes a terminal acts on: C0 controls other than tab and line feed, DEL, and the C1
# controls as UTF-8 (U+0080 to U+009F), in what a command printed.
raw_controls() { LC_ALL=C grep -caP '[\x00-\x08\x0B-\x1F\x7F]|\xC2[\x80-\x9F]' "$1"; }

expect_no_controls() {  # NAME -- command...
  local name=$1
  shift 2
  "$@" >"$work/out" 2>&1
  local found
  found=$(raw_controls "$work/out")
  if [ "$found" -ne 0 ]; then
    fail "$name: $found lines carry raw control characters"; LC_ALL=C grep -naP '[\x00-\x08\x0B-\x1F\x7F]|\xC2[\x80-\x9F]' "$work/out" | cat -v | head -5
  else
    pass
  fi
}

expect_absent() {  # NAME PATTERN -- command...
  local name=$1 pattern=$2
  shift 3
  if "$@" 2>&1 | grep -qE -- "$pattern"; then fail "$name: output matches /$pattern/"; else pass; fi
}

# 1. Control sequences inside quoted text are findings where they stand.
sequences=$here/terminal_sequences.esc
expect sequences-reported 1 'error\[I009\].*U\+001B' -- "$escc" check --today 2026-11-23 "$sequences"
expect sequences-counted 1 'more like this in the file' -- "$escc" check --today 2026-11-23 "$sequences"

# 2. No command prints them raw: the hostile file, and a clean protocol whose file
# name is itself an escape sequence (names reach messages, diffs and headers).
clean=$work/clean.esc
write_clean_protocol "$clean"
named=$work/$'\e]0;pwned\a\e[2J'.esc
cp "$clean" "$named"
sed 's/within 2 working/within 3 working/' "$clean" >"$work/later.esc"
for file in "$sequences" "$named"; do
  label=$(basename "$file" | LC_ALL=C tr -c 'a-z_.\n' '?')
  for format in human json sarif github; do
    expect_no_controls "check-$format-$label" -- "$escc" check --today 2026-11-23 --format "$format" "$file"
  done
  # In colour, escc's own colour codes are the only escapes: without them the output
  # is exactly the uncoloured one.
  "$escc" check --today 2026-11-23 --color never "$file" >"$work/plain" 2>&1
  "$escc" check --today 2026-11-23 --color always "$file" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >"$work/coloured"
  if cmp -s "$work/plain" "$work/coloured"; then pass; else fail "check-colour-$label: escapes other than colour"; fi
  expect_no_controls "deadlines-$label" -- "$escc" deadlines --start 2026-11-23 --at 10:00 "$file"
  expect_no_controls "deadlines-json-$label" -- "$escc" deadlines --start 2026-11-23 --format json "$file"
  for format in text markdown json; do
    expect_no_controls "diff-$format-$label" -- "$escc" diff --format "$format" "$file" "$work/later.esc"
  done
  expect_no_controls "parse-$label" -- "$escc" parse "$file"
  expect_no_controls "fmt-diff-$label" -- "$escc" fmt --diff "$file"
  expect_no_controls "build-$label" -- "$escc" build --today 2026-11-23 --emit json -o "$work/out-$RANDOM" "$file"
done
# The check of the named file must really have printed its name, made safe.
expect named-file-shown 0 'changes? in meaning from .*�\]0;pwned�' -- "$escc" diff "$named" "$work/later.esc"

# 3. Pasted characters: one clear finding each, read as the spaces they look like,
# and no syntax error behind them.
pasted=$here/pasted_spaces.esc
expect pasted-spaces 0 'warning\[I010\].*no-break space' -- "$escc" check --today 2026-11-23 "$pasted"
expect_absent pasted-no-syntax-errors '\[P0' -- "$escc" check --today 2026-11-23 "$pasted"
printf 'protocol "Form feed" {\n\f  status live\n}\n' >"$work/ff.esc"
expect form-feed 1 'error\[I009\].*form feed' -- "$escc" check --today 2026-11-23 "$work/ff.esc"
expect_absent form-feed-no-syntax-errors '\[P0' -- "$escc" check --today 2026-11-23 "$work/ff.esc"

# 4. Line ends of old Mac programs: said once, plainly, and nothing else.
mac=$here/old_mac_line_ends.esc
expect mac-line-ends 1 'error\[I009\]: [0-9]+ lines of this file end in a carriage return alone' -- \
  "$escc" check --today 2026-11-23 "$mac"
expect mac-one-finding 1 '^escc: 1 error in 1 file$' -- "$escc" check --today 2026-11-23 "$mac"

# 5. Inputs that were quadratic finish (a guard against a hang, not a benchmark: the
# limit is many times what a linear pass takes, and far below a quadratic one).
{
  printf 'protocol "A long list" {\n  author "A0"'
  seq 1 200000 | sed 's/.*/, "A&"/' | tr -d '\n'
  printf '\n}\n'
} >"$work/long_list.esc"
expect long-list-parse 0 'author' -- timeout 60 "$escc" parse "$work/long_list.esc"
{
  printf 'use std.calendars.england_and_wales\nprotocol "Many stages" {\n  calendar england_and_wales\n}\n'
  seq 1 99999 | awk '{ printf "stage %d \"S%d\" {\n  within 2 working days\n  when unresolved: go to stage %d\n}\n", $1, $1, $1 + 1 }'
  printf 'stage 100000 "Last" {\n  within 2 working days\n  final binding\n}\n'
} >"$work/many_stages.esc"
expect many-stages-deadlines 0 'Stage 100000' -- timeout 60 "$escc" deadlines --start 2026-11-23 "$work/many_stages.esc"

finish
