# The shell tests' shared vocabulary, sourced by each: a scratch folder removed on exit,
# pass/fail counts, and `expect` to run a command as a user would and judge its exit
# status and output. `finish` prints the closing line CI reads and sets the status.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

# expect NAME WANTED_STATUS PATTERN -- command...
# A command that would hang (a pipe or a device read as a file) fails after 60 s.
expect() {
  local name=$1 wanted=$2 pattern=$3
  shift 4
  local output status
  output=$(timeout 60 "$@" 2>&1)
  status=$?
  if [ "$status" -ne "$wanted" ]; then
    fail "$name: exit $status, wanted $wanted"; echo "$output" | cat -v | head -20; return
  fi
  if ! grep -qE -- "$pattern" <<<"$output"; then
    fail "$name: output does not match /$pattern/"; echo "$output" | cat -v | head -20; return
  fi
  pass
}

# write_clean_protocol PATH: a small protocol with no finding, for tests that need
# one to change or to copy.
write_clean_protocol() {
  cat >"$1" <<'ESC'
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
  contact "Duty Manager" phone "01234 567890"
  final binding
}
ESC
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
