#!/usr/bin/env bash
# The files escc reads and writes, met as a user would meet them: outputs named like an
# input, links, pipes and devices where a file is expected, files too large to be a
# protocol, text that cannot be formatted, temporaries left by a killed build, a full
# disk on standard output, and options given an empty or a wrong folder.
# Usage: files_test.sh path/to/escc
set -u
source "$(dirname "$0")/../../expect.sh"
escc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # the test works in a folder of its own
here=$(cd "$(dirname "$0")" && pwd)

holds() {  # holds NAME -- test...
  local name=$1
  shift 2
  if "$@"; then pass; else fail "$name: $*"; fi
}

same() { holds "$1" -- cmp -s "$2" "$3"; }
absent() { holds "$1" -- test ! -e "$2"; }

cd "$work" || exit 1
cp -r "$here/area.esc" "$here/uses.esc" "$here/shared" .
today=(--today 2026-11-23)

# --- No output replaces a file the same run reads ---------------------------------
cp area.esc v.esc
expect depfile-is-the-protocol 2 'error\[I005\]: cannot write v.esc: this run reads it; escc never writes over a file it reads' -- \
  "$escc" build "${today[@]}" v.esc -o out-v --depfile v.esc
same depfile-is-the-protocol-kept v.esc area.esc
absent depfile-is-the-protocol-writes-nothing out-v
expect depfile-is-a-used-file 2 'cannot write shared/team.esc: this run reads it' -- \
  "$escc" build "${today[@]}" uses.esc -o out-u --depfile shared/team.esc
same depfile-is-a-used-file-kept shared/team.esc "$here/shared/team.esc"
absent depfile-is-a-used-file-writes-nothing out-u
ln v.esc v-hard-link.d
expect depfile-is-a-hard-link-to-the-protocol 2 'cannot write v-hard-link.d: it is the same file as v.esc, which this run reads' -- \
  "$escc" build "${today[@]}" v.esc -o out-v --depfile v-hard-link.d
expect depfile-names-the-protocol-another-way 2 'cannot write ./shared/../v.esc: it is the same file as v.esc' -- \
  "$escc" build "${today[@]}" v.esc -o out-v --depfile ./shared/../v.esc
same depfile-other-names-kept v.esc area.esc
expect write-baseline-is-the-protocol 2 'cannot write v.esc: this run reads it' -- \
  "$escc" check "${today[@]}" v.esc --write-baseline v.esc
same write-baseline-is-the-protocol-kept v.esc area.esc
expect write-baseline-is-a-used-file 2 'cannot write shared/team.esc: this run reads it' -- \
  "$escc" check "${today[@]}" uses.esc --write-baseline shared/team.esc
same write-baseline-is-a-used-file-kept shared/team.esc "$here/shared/team.esc"
"$escc" check "${today[@]}" area.esc --write-baseline baseline.json >/dev/null
cp baseline.json baseline-before.json
expect write-baseline-is-the-baseline 2 'cannot write baseline.json: this run reads it' -- \
  "$escc" check "${today[@]}" area.esc --baseline baseline.json --write-baseline baseline.json
same write-baseline-is-the-baseline-kept baseline.json baseline-before.json
mkdir named-json
cp area.esc named-json/area.json
expect output-is-the-protocol 2 'cannot write named-json/area.json: this run reads it' -- \
  "$escc" build "${today[@]}" named-json/area.json -o named-json --emit json
same output-is-the-protocol-kept named-json/area.json area.esc
expect depfile-is-an-output 2 'cannot write the depfile out-d/area.json: it would replace out-d/area.json, which this build writes' -- \
  "$escc" build "${today[@]}" area.esc -o out-d --depfile out-d/area.json
absent depfile-is-an-output-writes-nothing out-d
expect depfile-is-the-output-folder 2 'cannot write the depfile out-d: it would replace out-d, which this build writes' -- \
  "$escc" build "${today[@]}" area.esc -o out-d --depfile out-d
absent depfile-is-the-output-folder-writes-nothing out-d

# --- Links: escc writes only into real folders ----------------------------------------
mkdir site
echo keep >site/index.html
ln -s site site-link
expect output-folder-is-a-link 2 'cannot use site-link as the output folder: site-link is a link \(to site\); escc writes only into real folders' -- \
  "$escc" build "${today[@]}" area.esc -o site-link
holds output-folder-is-a-link-kept -- grep -qx keep site/index.html
absent output-folder-is-a-link-writes-nothing site/area.json
expect output-folder-below-a-link 2 'cannot use site-link/new as the output folder: site-link is a link' -- \
  "$escc" build "${today[@]}" area.esc -o site-link/new
absent output-folder-below-a-link-writes-nothing site/new
expect output-folder-absolute-below-a-link 2 "$work/site-link is a link" -- \
  "$escc" build "${today[@]}" area.esc -o "$work/site-link/new/deeper"
absent output-folder-absolute-below-a-link-writes-nothing site/new
expect output-folder-link-with-slash 2 'site-link is a link' -- "$escc" build "${today[@]}" area.esc -o site-link/
mkdir out-f
ln -s ../site/index.html out-f/index.html
expect output-file-is-a-link 2 'cannot write out-f/index.html: it is a link \(to ../site/index.html\); escc never writes through a link' -- \
  "$escc" build "${today[@]}" area.esc -o out-f
absent output-file-is-a-link-writes-nothing-else out-f/area.json
holds output-file-is-a-link-kept -- grep -qx keep site/index.html
expect depfile-below-a-link 2 'cannot write site-link/area.d: site-link is a link' -- \
  "$escc" build "${today[@]}" area.esc -o out-l --depfile site-link/area.d
absent depfile-below-a-link-writes-nothing out-l
absent depfile-below-a-link-not-through site/area.d
expect write-baseline-below-a-link 2 'cannot write site-link/baseline.json: site-link is a link' -- \
  "$escc" check "${today[@]}" area.esc --write-baseline site-link/baseline.json
absent write-baseline-below-a-link-not-through site/baseline.json

# --- Only ordinary files are replaced --------------------------------------------------
mkfifo pipe
expect depfile-is-a-pipe 2 'cannot write pipe: it is a pipe, not a file; escc replaces only ordinary files' -- \
  "$escc" build "${today[@]}" area.esc -o out-p --depfile pipe
holds depfile-is-a-pipe-kept -- test -p pipe
absent depfile-is-a-pipe-writes-nothing out-p
expect write-baseline-is-a-pipe 2 'cannot write pipe: it is a pipe' -- \
  "$escc" check "${today[@]}" area.esc --write-baseline pipe
holds write-baseline-is-a-pipe-kept -- test -p pipe
# As root, a device node of our own (the same as /dev/null); otherwise /dev/null, which
# only root could replace.
device=/dev/null
mknod "$work/null" c 1 3 2>/dev/null && device="$work/null"
expect depfile-is-a-device 2 "cannot write $device: it is a device, not a file" -- \
  "$escc" build "${today[@]}" area.esc -o out-n --depfile "$device"
holds depfile-is-a-device-kept -- test -c "$device"
expect write-baseline-is-a-device 2 "cannot write $device: it is a device" -- \
  "$escc" check "${today[@]}" area.esc --write-baseline "$device"
holds write-baseline-is-a-device-kept -- test -c "$device"

# --- Inputs are ordinary files of at most 256 MB -----------------------------------------
expect baseline-is-a-pipe 2 'cannot read the baseline pipe: it is a pipe, not a file' -- \
  "$escc" check "${today[@]}" area.esc --baseline pipe
expect baseline-is-a-device 2 'cannot read the baseline /dev/zero: it is a device, not a file' -- \
  "$escc" check "${today[@]}" area.esc --baseline /dev/zero
mkfifo protocol-pipe.esc
ln -s protocol-pipe.esc protocol-link.esc
expect protocol-is-a-pipe 2 'error\[I001\]: cannot read protocol-pipe.esc: it is a pipe, not a file' -- \
  "$escc" check "${today[@]}" protocol-pipe.esc
expect protocol-is-a-link-to-a-pipe 2 'error\[I001\]: cannot read protocol-link.esc: it is a pipe' -- \
  "$escc" check "${today[@]}" protocol-link.esc
expect protocol-is-a-device 2 'error\[I001\]: cannot read /dev/zero: it is a device, not a file' -- \
  "$escc" check "${today[@]}" /dev/zero
expect fmt-protocol-is-a-pipe 2 'cannot read protocol-pipe.esc: it is a pipe' -- "$escc" fmt protocol-pipe.esc
mkdir -p pipe-import/shared
cp uses.esc pipe-import/
mkfifo pipe-import/shared/team.esc
expect used-file-is-a-pipe 2 'error\[I001\]: cannot read pipe-import/shared/team.esc: it is a pipe, not a file' -- \
  "$escc" check "${today[@]}" pipe-import/uses.esc
# Sparse: 257 MB on paper, nothing on the disk.
truncate -s 257M big.esc big.json
expect protocol-too-large 2 'error\[I001\]: cannot read big.esc: it is larger than 256 MB, the most escc reads' -- \
  "$escc" check "${today[@]}" big.esc
expect baseline-too-large 2 'cannot read the baseline big.json: it is larger than 256 MB' -- \
  "$escc" check "${today[@]}" area.esc --baseline big.json
mkdir -p big-import/shared
cp uses.esc big-import/
truncate -s 257M big-import/shared/team.esc
expect used-file-too-large 2 'error\[I001\]: cannot read big-import/shared/team.esc: it is larger than 256 MB' -- \
  "$escc" check "${today[@]}" big-import/uses.esc

# --- fmt rewrites only text it can read ------------------------------------------------
cp "$here/unclosed-braces.esc" braces.esc
expect fmt-refuses-errors 1 "error\\[P002\\]: put '\\{' at the end of the line" -- "$escc" fmt braces.esc
expect fmt-says-why 1 '1 file was left as it is, because of the errors above' -- "$escc" fmt braces.esc
same fmt-refuses-errors-kept braces.esc "$here/unclosed-braces.esc"
expect fmt-check-refuses-errors 1 "error\\[P002\\]: put '\\{' at the end of the line" -- "$escc" fmt --check braces.esc
expect fmt-diff-refuses-errors 1 "error\\[P002\\]: put '\\{' at the end of the line" -- "$escc" fmt --diff braces.esc
mkdir fmt-folder
printf 'stage 1 "A" {\nwithin 2 working days\n}\n' >fmt-folder/messy.esc
cp braces.esc fmt-folder/
expect fmt-formats-the-rest 1 'formatted 1 of 2 files' -- "$escc" fmt fmt-folder
holds fmt-formats-the-rest-formatted -- grep -qx '  within 2 working days' fmt-folder/messy.esc
same fmt-formats-the-rest-kept fmt-folder/braces.esc "$here/unclosed-braces.esc"

# --- A killed build's temporaries are removed by the next -------------------------------
mkdir out-t
sleep 0 &
dead=$!
wait "$dead"
echo stale >"out-t/area.json.escc-tmp-$dead"
echo own >"out-t/notes.tmp-$dead"
echo running >"out-t/area.svg.escc-tmp-$$"
"$escc" build "${today[@]}" area.esc -o out-t --emit json >/dev/null
absent stale-temporary-removed "out-t/area.json.escc-tmp-$dead"
holds other-files-kept -- test -e "out-t/notes.tmp-$dead"
holds running-build-temporary-kept -- test -e "out-t/area.svg.escc-tmp-$$"

# --- A replaced file keeps its permissions and owner -----------------------------------
printf 'stage 1 "A" {\nwithin 2 working days\n}\n' >mode.esc
chmod 640 mode.esc
"$escc" fmt mode.esc >/dev/null
holds fmt-keeps-mode -- test "$(stat -c %a mode.esc)" = 640
chmod 600 out-t/area.json
"$escc" build "${today[@]}" area.esc -o out-t --emit json >/dev/null
holds build-keeps-mode -- test "$(stat -c %a out-t/area.json)" = 600
if [ "$(id -u)" -eq 0 ]; then
  printf 'stage 1 "A" {\nwithin 2 working days\n}\n' >owner.esc
  chown 65534:65534 owner.esc
  "$escc" fmt owner.esc >/dev/null
  holds fmt-keeps-owner -- test "$(stat -c %u:%g owner.esc)" = 65534:65534
fi

# --- Standard output that cannot be written is a failure -------------------------------
cp area.esc formatted.esc
printf 'stage 1 "A" {\nwithin 2 working days\n}\n' >messy.esc
for command in "check area.esc" "check --format=json area.esc" "build area.esc -o out-full" \
  "deadlines --start 2026-12-18 area.esc" "diff area.esc area.esc" "fmt formatted.esc" "fmt --diff messy.esc" \
  "parse area.esc" "explain T001" "explain --list" "help build" "manual" "--help" "--version"; do
  expect "stdout-full: $command" 2 '^escc: cannot write to standard output' -- \
    bash -c "\"$escc\" $command >/dev/full"
done

# --- Empty names and missing folders in options ----------------------------------------
expect output-folder-empty 2 "give the output folder's name, such as -o out" -- \
  "$escc" build "${today[@]}" area.esc -o '' --emit json
absent output-folder-empty-writes-nothing area.json
expect depfile-empty 2 'give a name' -- "$escc" build "${today[@]}" area.esc -o out-e --depfile ''
absent depfile-empty-writes-nothing out-e
expect baseline-empty 2 'give a name' -- "$escc" check "${today[@]}" area.esc --baseline ''
expect write-baseline-empty 2 'give a name' -- "$escc" check "${today[@]}" area.esc --write-baseline ''
expect include-empty 2 'give a name' -- "$escc" check "${today[@]}" area.esc -I ''
expect include-missing-check 2 '^escc: the folder nowhere given to -I does not exist$' -- \
  "$escc" check "${today[@]}" uses.esc -I nowhere
expect include-missing-build 2 '^escc: the folder nowhere given to -I does not exist$' -- \
  "$escc" build "${today[@]}" uses.esc -o out-i -I nowhere
absent include-missing-build-writes-nothing out-i
expect include-missing-deadlines 2 '^escc: the folder nowhere given to -I does not exist$' -- \
  "$escc" deadlines --start 2026-12-18 uses.esc -I nowhere
expect include-missing-diff 2 '^escc: the folder nowhere given to -I does not exist$' -- \
  "$escc" diff uses.esc uses.esc -I nowhere
expect include-is-a-file 2 '^escc: area.esc given to -I is not a folder$' -- "$escc" check "${today[@]}" uses.esc -I area.esc

finish
