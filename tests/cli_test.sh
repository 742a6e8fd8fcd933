#!/usr/bin/env bash
# The escc command as users and CI meet it: exit codes, formats, colour, help.
# Usage: cli_test.sh path/to/escc
set -u
source "$(dirname "$0")/expect.sh"
escc=$1

cat >"$work/clean.esc" <<'ESC'
protocol "A small protocol" {
  status live
  approved by "Board" on 2026-01-15
  review due 2027-01
}
immediate risk {
  immediately
}
stage 1 "Practitioners" {
  parties "Practitioner" to "Practitioner"
  within 2 working days
  final binding
}
ESC
sed 's/status live/status draft/' "$work/clean.esc" >"$work/draft.esc"
printf 'stage 1 "Practitioners" {\n  within 2 workng days\n}\n' >"$work/broken.esc"
: >"$work/empty.esc"

expect version 0 '^escc [0-9]+\.[0-9]+\.[0-9]+ \(commit [^)]+\)$' -- "$escc" --version
expect help 0 'check' -- "$escc" --help
expect check-help 0 '--format' -- "$escc" check --help
expect no-command 2 'subcommand' -- "$escc"
expect no-files 2 'files is required' -- "$escc" check
expect bad-format 2 'format' -- "$escc" check --format=xml "$work/clean.esc"
expect missing-file 2 'cannot read .*: no such file' -- "$escc" check "$work/missing.esc"
mkdir -p "$work/nothing-here" "$work/tree/a/b"
expect empty-folder 2 'there is no .esc file in the folder' -- "$escc" check "$work/nothing-here"
cp "$work/clean.esc" "$work/tree/a/one.esc"
cp "$work/clean.esc" "$work/tree/a/b/two.esc"
expect folder 0 'no problems found in 2 files' -- "$escc" check --today 2026-11-23 "$work/tree"
expect folder-order 0 'a/b/two.esc.*a/one.esc' -- bash -c "\"$escc\" build --today 2026-11-23 --emit json -o \"$work/tree-out\" --depfile \"$work/tree.d\" \"$work/tree\" >/dev/null && tr -d '\\\\\n' <\"$work/tree.d\""
expect clean 0 'no problems found in 1 file' -- "$escc" check --today 2026-11-23 "$work/clean.esc"
expect overdue 0 'warning\[G001\]' -- "$escc" check --today 2027-02-01 "$work/clean.esc"
expect bad-today 2 'YYYY-MM-DD' -- "$escc" check --today 2026-02-30 "$work/clean.esc"
expect warnings-pass 0 'warning\[G004\]' -- "$escc" check --today 2026-11-23 "$work/draft.esc"
expect deny-warnings 1 'warning\[G004\]' -- "$escc" check --deny-warnings --today 2026-11-23 "$work/draft.esc"
expect broken 1 "error\[P002\]: expected a unit after the number" -- "$escc" check "$work/broken.esc"
expect broken-caret 1 '^  \|            \^\^\^\^\^\^$' -- "$escc" check --color=never "$work/broken.esc"
expect empty 1 'error\[I004\]' -- "$escc" check "$work/empty.esc"
expect mixed-io-wins 2 'cannot read' -- "$escc" check "$work/broken.esc" "$work/missing.esc"
expect json 1 '"code": "P002"' -- "$escc" check --format=json "$work/broken.esc"
expect json-clean 0 '^\[\]$' -- "$escc" check --format=json --today 2026-11-23 "$work/clean.esc"
expect sarif 1 '"version": "2.1.0"' -- "$escc" check --format=sarif "$work/broken.esc"
expect github 1 '^::error file=.*broken.esc,line=2,col=12' -- "$escc" check --format=github "$work/broken.esc"
expect colour-always 1 $'\x1b\\[' -- "$escc" check --color=always "$work/broken.esc"
expect no-colour-when-piped 1 '^error\[P002\]' -- "$escc" check "$work/broken.esc"
expect parse 0 '^stage 9:1 \{$' -- "$escc" parse "$work/clean.esc"
expect parse-broken 1 'P002' -- "$escc" parse "$work/broken.esc"

expect build 0 'wrote 7 files to' -- "$escc" build --today 2026-11-23 -o "$work/out" "$work/clean.esc"
for output in clean.dot clean.svg clean.png clean.hpp clean.html clean.json index.html; do
  [ -s "$work/out/$output" ] && passed=$((passed + 1)) || { echo "FAIL build-output: no $output"; failed=$((failed + 1)); }
done
expect build-emit-one 0 'wrote 1 file to' -- "$escc" build --today 2026-11-23 --emit json -o "$work/json-only" "$work/clean.esc"
mkdir -p "$work/north" "$work/south"
cp "$work/clean.esc" "$work/north/protocol.esc"
cp "$work/clean.esc" "$work/south/protocol.esc"
expect build-clash 1 'error\[I006\]: .*north/protocol.esc and .*south/protocol.esc would both write protocol' -- "$escc" build --today 2026-11-23 -o "$work/clash" "$work/north/protocol.esc" "$work/south/protocol.esc"
cp "$work/clean.esc" "$work/index.esc"
expect build-index-clash 1 'error\[I006\]: .*overwrite the index page' -- "$escc" build --today 2026-11-23 -o "$work/clash" "$work/index.esc"
[ ! -e "$work/clash" ] && passed=$((passed + 1)) || { echo "FAIL build-clash: output folder made"; failed=$((failed + 1)); }
# Graphviz without its plugins cannot lay out a chart (I007); nothing is written.
expect build-no-graphviz 2 'error\[I007\]: cannot draw the flow chart of .*clean.esc: Graphviz could not lay out the chart' -- env GVBINDIR="$work/no-plugins" "$escc" build --today 2026-11-23 -o "$work/undrawn" "$work/clean.esc"
[ ! -e "$work/undrawn" ] && passed=$((passed + 1)) || { echo "FAIL build-no-graphviz: output folder made"; failed=$((failed + 1)); }
expect build-refuses 1 'nothing was written' -- "$escc" build -o "$work/refused" "$work/broken.esc"
[ ! -e "$work/refused" ] && passed=$((passed + 1)) || { echo "FAIL build-refused: output folder made"; failed=$((failed + 1)); }
expect build-bad-emit 2 'emit' -- "$escc" build --emit pdf -o "$work/out" "$work/clean.esc"
expect build-output-is-file 2 'not a folder' -- "$escc" build -o "$work/clean.esc" "$work/clean.esc"
# A file where a folder should be: refused before anything is checked or written.
expect build-below-a-file 2 'cannot use .*clean.esc/site as the output folder: .*clean.esc is not a folder' -- "$escc" build --today 2026-11-23 -o "$work/clean.esc/site" "$work/clean.esc"
# A folder the system will not let anyone make, so the output cannot be written (I005).
expect build-unwritable 2 'error\[I005\]: cannot write /sys/escc-test/clean.dot: cannot make the folder /sys/escc-test' -- "$escc" build --today 2026-11-23 -o /sys/escc-test "$work/clean.esc"

expect deadlines 0 'due by Tuesday 22 December 2026' -- "$escc" deadlines --start 2026-12-18 --at 14:30 "$work/clean.esc"
expect deadlines-json 0 '"due": "2026-12-22"' -- "$escc" deadlines --start 2026-12-18 --format json "$work/clean.esc"
expect deadlines-bad-time 2 'HH:MM' -- "$escc" deadlines --start 2026-12-18 --at 25:00 "$work/clean.esc"
expect deadlines-bad-date 2 'YYYY-MM-DD' -- "$escc" deadlines --start 18/12/2026 "$work/clean.esc"
expect deadlines-errors 1 'no deadlines, because of the errors above' -- "$escc" deadlines --start 2026-12-18 "$work/broken.esc"
expect deadlines-no-calendar 0 'warning\[T009\]: the protocol names no calendar' -- "$escc" deadlines --start 2026-12-18 "$work/clean.esc"

# A protocol beside its document (tests/documents/): the trace, its share, and a
# --min-coverage that passes at the share and fails above it.
traced="$(dirname "$0")/documents/trace.esc"
expect trace 0 '^Paragraph 3, line 6: context only \(88% of its words quoted\)$' -- "$escc" trace "$traced"
expect trace-json 0 '"percent": 45' -- "$escc" trace --format json "$traced"
expect trace-summary 0 'trace.esc: 5 of 11 paragraphs of sources/trace.txt accounted for \(45%\)$' -- "$escc" trace --format summary "$traced"
expect trace-min-coverage-met 0 'accounted for \(45%\)' -- "$escc" trace --format summary --min-coverage 45 "$traced"
expect trace-min-coverage-missed 1 '45% of the paragraphs of sources/trace.txt are accounted for, below the 46% asked for with --min-coverage' -- "$escc" trace --format summary --min-coverage 46 "$traced"
expect trace-min-coverage-bad 2 'min-coverage' -- "$escc" trace --min-coverage 101 "$traced"
expect trace-no-document 2 'names no document to trace it against' -- "$escc" trace "$work/clean.esc"
expect trace-errors 1 'no trace, because of the errors above' -- "$escc" trace "$work/broken.esc"
sed 's/^protocol "A small protocol" {$/&\n  document "sources\/missing.txt"/' "$work/clean.esc" >"$work/missing-document.esc"
expect build-missing-document 1 "error\[N003\]: cannot find the document 'sources/missing.txt'" -- "$escc" build -o "$work/document-out" "$work/missing-document.esc"
[ ! -e "$work/document-out" ] && pass || fail "build-missing-document: the output folder was made"

# A baseline accepts today's findings; a new one still fails.
expect write-baseline 0 'warning\[G004\]' -- "$escc" check --today 2026-11-23 --write-baseline "$work/baseline.json" "$work/draft.esc"
expect baseline-accepts 0 'no problems found in 1 file \(1 in the baseline\)' -- "$escc" check --today 2026-11-23 --deny-warnings --baseline "$work/baseline.json" "$work/draft.esc"
sed 's/review due 2027-01/review due 2026-01/' "$work/draft.esc" >"$work/draft-overdue.esc"
cp "$work/draft-overdue.esc" "$work/draft.esc"
expect baseline-new-finding 1 'warning\[G001\]' -- "$escc" check --today 2026-11-23 --deny-warnings --baseline "$work/baseline.json" "$work/draft.esc"
echo "not json" >"$work/bad-baseline.json"
expect baseline-bad 2 'is not an escc baseline' -- "$escc" check --baseline "$work/bad-baseline.json" "$work/clean.esc"

# Checking on several threads gives exactly what one thread gives.
mkdir -p "$work/many"
for n in 1 2 3 4 5 6; do cp "$work/clean.esc" "$work/many/clean$n.esc"; cp "$work/draft.esc" "$work/many/draft$n.esc"; done
cp "$work/broken.esc" "$work/many/broken.esc"
"$escc" check -j 1 --today 2026-11-23 --format json "$work/many" >"$work/one-thread.json" 2>&1
"$escc" check -j 4 --today 2026-11-23 --format json "$work/many" >"$work/four-threads.json" 2>&1
if cmp -s "$work/one-thread.json" "$work/four-threads.json" && grep -q '"code": "P002"' "$work/one-thread.json"; then
  passed=$((passed + 1))
else
  echo "FAIL jobs: -j 1 and -j 4 differ"; failed=$((failed + 1))
fi

# Building on several jobs writes exactly what one job writes, byte for byte, and says
# the same: each job draws some of the charts, and a chart that went to the wrong
# protocol would show. Each build goes to the same folder name, which the output quotes.
build_with_jobs() {  # JOBS INPUT... -> $work/built-JOBS/ (the files), .out (output), .status
  local jobs=$1
  shift
  rm -rf "$work/site"
  "$escc" build -j "$jobs" --today 2026-11-23 -o "$work/site" "$@" >"$work/built-$jobs.out" 2>&1
  echo $? >"$work/built-$jobs.status"
  rm -rf "$work/built-$jobs"
  if [ -d "$work/site" ]; then mv "$work/site" "$work/built-$jobs"; else mkdir "$work/built-$jobs"; fi
}
same_as_one_job() {  # NAME JOBS...
  local name=$1 jobs
  shift
  for jobs in "$@"; do
    if diff -r "$work/built-1" "$work/built-$jobs" >/dev/null && cmp -s "$work/built-1.out" "$work/built-$jobs.out" &&
      cmp -s "$work/built-1.status" "$work/built-$jobs.status"; then
      pass
    else
      fail "$name: -j 1 and -j $jobs differ"
    fi
  done
}
protocols=$(cd "$(dirname "$0")/../protocols" && pwd)
for jobs in 1 2 3; do build_with_jobs "$jobs" "$protocols"; done
if [ "$(cat "$work/built-1.status")" = 0 ] && [ "$(find "$work/built-1" -name '*.png' | wc -l)" -eq 5 ]; then
  same_as_one_job build-jobs 2 3
else
  fail "build-jobs: the protocols did not build"; cat "$work/built-1.out"
fi
cp "$work/broken.esc" "$work/many-protocols-one-broken.esc"
for jobs in 1 2; do build_with_jobs "$jobs" "$protocols" "$work/many-protocols-one-broken.esc"; done
if [ "$(cat "$work/built-1.status")" = 1 ] && grep -q 'nothing was written' "$work/built-1.out"; then
  same_as_one_job build-jobs-errors 2
else
  fail "build-jobs-errors: a protocol with errors did not stop the build"; cat "$work/built-1.out"
fi
printf 'stage 1 "A" {\nwithin 2 working days\n\n\n}\n' >"$work/messy.esc"
expect fmt-check 1 'messy.esc is not formatted' -- "$escc" fmt --check "$work/messy.esc"
expect fmt-diff 1 '^\+  within 2 working days' -- "$escc" fmt --diff "$work/messy.esc"
expect fmt-write 0 'formatted 1 of 1 file' -- "$escc" fmt "$work/messy.esc"
expect fmt-clean 0 '^$' -- "$escc" fmt --check "$work/messy.esc"
expect fmt-idempotent 0 'formatted 0 of 1 file' -- "$escc" fmt "$work/messy.esc"
sed 's/within 2 working days/within 3 working days/' "$work/clean.esc" >"$work/longer.esc"
expect diff 0 'stage 1: takes 2 working days → 3 working days; it now ends by working day 3 \(was 2\)' -- "$escc" diff "$work/clean.esc" "$work/longer.esc"
expect diff-fail-on 1 'timeframe-longer' -- "$escc" diff --fail-on timeframe-longer,contact-removed "$work/clean.esc" "$work/longer.esc"
expect diff-fail-on-other 0 'timeframe-longer' -- "$escc" diff --fail-on contact-removed "$work/clean.esc" "$work/longer.esc"
expect diff-bad-kind 2 'fail-on' -- "$escc" diff --fail-on longer "$work/clean.esc" "$work/longer.esc"
expect diff-same 0 'no change in meaning' -- "$escc" diff "$work/clean.esc" "$work/clean.esc"
expect help-command 0 'depfile' -- "$escc" help build
expect help-unknown 2 "there is no command 'bulid'" -- "$escc" help bulid
# -I takes one folder each time, wherever it stands: the files after it stay files.
mkdir -p "$work/shared-folder"
expect include-before-files 0 'no problems found in 1 file' -- "$escc" check --today 2026-11-23 -I "$work/shared-folder" "$work/clean.esc"
expect include-twice 0 'no problems found in 2 files' -- "$escc" check --today 2026-11-23 -I "$work/shared-folder" -I "$work/tree" "$work/clean.esc" "$work/tree/a/one.esc"
expect manual 0 '^\.TH ESCC 1' -- "$escc" manual
expect manual-commands 0 '^\.SS escc deadlines' -- "$escc" manual

# --previous: a folder of the published protocols, or a git revision read without a checkout.
mkdir -p "$work/published" "$work/repo"
cp "$work/clean.esc" "$work/published/area.esc"
cp "$work/longer.esc" "$work/area.esc"
expect previous-folder 0 'wrote 11 files to' -- "$escc" build --today 2026-11-23 -o "$work/amended" --previous "$work/published" "$work/area.esc"
grep -q 'stage 1</strong>: takes 2 working days → 3 working days' "$work/amended/area-amendments.html" && pass || fail "previous-folder: the change is not on the amendments page"
grep -q '<section id="amendments"' "$work/amended/area.html" && pass || fail "previous-folder: no Amendments section on the page"
grep -q 'href="./amendments.atom"' "$work/amended/index.html" && pass || fail "previous-folder: the index does not link the feed"
for feed in area-amendments.atom amendments.atom; do
  xmllint --noout "$work/amended/$feed" 2>/dev/null && pass || fail "previous-folder: $feed is not well-formed XML"
done
git -C "$work/repo" init -q && cp "$work/clean.esc" "$work/repo/area.esc"
git -C "$work/repo" -c user.name=t -c user.email=t@example.org add area.esc
git -C "$work/repo" -c user.name=t -c user.email=t@example.org commit -qm published && git -C "$work/repo" tag published
cp "$work/longer.esc" "$work/repo/area.esc"
expect previous-git 0 'wrote 5 files to' -- "$escc" build --today 2026-11-23 --emit json -o "$work/repo-out" --previous published "$work/repo/area.esc"
grep -q '"from"' "$work/repo-out/area-amendments.json" && grep -q 'takes 2 working days' "$work/repo-out/area-amendments.json" && pass || fail "previous-git: no amendment from the tagged version"
expect previous-missing 2 'cannot compare with --previous .*nowhere: there is no folder' -- "$escc" build -o "$work/never" --previous "$work/nowhere" "$work/clean.esc"
expect previous-unknown-ref 2 'git knows no revision of that name' -- "$escc" build -o "$work/never" --previous no-such-tag "$work/repo/area.esc"
expect previous-option-like 2 'git knows no revision' -- "$escc" build -o "$work/never" --previous=--output=x "$work/repo/area.esc"
printf 'stage 1 "Practitioners" {\n  within 2 workng days\n}\n' >"$work/published/area.esc"
expect previous-broken 1 '--> .*published/area.esc:2:12' -- "$escc" build -o "$work/never" --previous "$work/published" "$work/area.esc"
[ ! -e "$work/never" ] && pass || fail "previous: a refused build made its output folder"

finish
