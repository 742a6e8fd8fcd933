#!/usr/bin/env bash
# A board's own repository: `escc init` in an empty folder, then the commands of the
# workflow it wrote (read from that YAML, not copied here) run there with this build's
# escc on the PATH; a second `escc init` changes nothing; the skeleton's findings
# against a golden file; docs/ci.md shows the very workflow; action.yml parses and asks
# only for commands and options escc has, and its check and build steps run there.
# Usage: board_test.sh path/to/escc SOURCE_DIR
# ESCC_UPDATE_GOLDEN=1 rewrites skeleton-findings.txt.
set -u
source "$(dirname "$0")/../expect.sh"
escc=$(realpath "$1")
source_dir=$2
here=$(cd "$(dirname "$0")" && pwd)
PATH="$(dirname "$escc"):$PATH"
export NO_COLOR=1

board="$work/board"
mkdir "$board"
expect init 0 'wrote \.github/workflows/escc\.yml' -- "$escc" init "$board"
for written in protocols/OUR-AREA.esc .pre-commit-config.yaml .github/workflows/escc.yml .gitignore README.md \
  .escc-baseline.json; do
  if [ -s "$board/$written" ]; then pass; else fail "init did not write $written"; fi
done

# Every hole of the templates is filled; GitHub's own ${{ expressions }} stay as written.
if grep -rnE '\{\{[a-z_]+\}\}' "$board"; then fail "a template's hole was left unfilled"; else pass; fi
if grep -q '${{ steps.deployment.outputs.page_url }}' "$board/.github/workflows/escc.yml"; then pass; else
  fail "the workflow lost GitHub's own \${{ }} expression"; fi

# The run: lines of every job, in order, as GitHub would run them (bash -e).
python3 - "$board/.github/workflows/escc.yml" >"$work/runs" <<'PY' || fail "the workflow is not YAML"
import sys, yaml
workflow = yaml.safe_load(open(sys.argv[1]))
for job in workflow["jobs"].values():
    for step in job.get("steps", []):
        if "run" in step:
            print(step["run"].replace("\n", " ; ").rstrip(" ;"))
PY
if grep -q '^escc check' "$work/runs" && grep -q '^escc build' "$work/runs"; then pass; else
  fail "the workflow does not check and build: $(cat "$work/runs")"; fi
while IFS= read -r command; do
  if output=$(cd "$board" && bash -e -o pipefail -c "$command" 2>&1); then pass; else
    fail "the workflow's '$command' failed in the new repository"; echo "$output" | head -20; fi
done <"$work/runs"
if python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["version"] == "2.1.0"' "$board/escc.sarif"; then
  pass; else fail "the workflow's SARIF is not SARIF 2.1.0"; fi
if [ -s "$board/site/index.html" ] && [ -s "$board/site/OUR-AREA.html" ]; then pass; else
  fail "the workflow built no pages"; fi

# The skeleton's findings: each one tells the author what to write.
(cd "$board" && "$escc" check protocols) >"$work/findings.txt" 2>&1
status=$?
[ "$status" -eq 0 ] && pass || fail "the skeleton has errors (exit $status)"
if [ "${ESCC_UPDATE_GOLDEN:-}" = 1 ]; then cp "$work/findings.txt" "$here/skeleton-findings.txt"; fi
if diff -u "$here/skeleton-findings.txt" "$work/findings.txt"; then pass; else
  fail "the skeleton's findings differ from tests/board/skeleton-findings.txt"; fi
if [ "$(grep -c '^warning\[' "$work/findings.txt")" -eq "$(grep -c '= help: ' "$work/findings.txt")" ]; then pass; else
  fail "a finding of the skeleton does not say what to write"; fi

expect skeleton-formatted 0 '' -- bash -c "cd '$board' && '$escc' fmt --check protocols"

# A second init writes nothing over what is there, the outputs of the workflow included.
snapshot() { (cd "$board" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
snapshot >"$work/before"
echo "# the board's own words" >>"$board/README.md"
snapshot >"$work/before"
expect init-again 0 'skipped README.md: it is there already' -- "$escc" init "$board"
if (cd "$board" && "$escc" init . | grep -q wrote); then fail "a second init wrote a file"; else pass; fi
snapshot >"$work/after"
if diff -u "$work/before" "$work/after"; then pass; else fail "a second init changed the folder"; fi
rm "$board/.gitignore"
expect init-fills-gap 0 '^escc: wrote \.gitignore$' -- "$escc" init "$board"

expect init-name 0 'wrote protocols/barnet\.esc' -- "$escc" init --name barnet "$work/named"
expect init-bad-name 2 "name is its file's name" -- "$escc" init --name 'a/b' "$work/bad-name"
[ -e "$work/bad-name" ] && fail "init with a bad name made the folder" || pass
touch "$work/a-file"
expect init-unwritable 2 'cannot make the folder .*a-file/board' -- "$escc" init "$work/a-file/board"
expect init-on-a-file 2 'it is a file, not a folder' -- "$escc" init "$work/a-file"
expect init-help 0 '--name' -- "$escc" init --help

# docs/ci.md shows the workflow escc init writes, byte for byte: the block after the
# heading "## The workflow escc init writes".
awk '/^## The workflow `escc init` writes/ {found=1} found && /^```yaml$/ {inside=1; next}
     inside && /^```$/ {exit} inside {print}' "$source_dir/docs/ci.md" >"$work/ci-workflow.yml"
if diff -u "$work/ci-workflow.yml" "$board/.github/workflows/escc.yml"; then pass; else
  fail "docs/ci.md's workflow differs from the one escc init writes"; fi

# The action: YAML, composite, and every `escc COMMAND --option` in its steps (and in the
# workflow) is a command and an option escc's own --help lists.
python3 - "$source_dir/action.yml" "$board/.github/workflows/escc.yml" >"$work/commands" <<'PY' || fail "action.yml is not a composite action in YAML"
import re, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
assert action["runs"]["using"] == "composite"
assert "version" in action["inputs"] and action["inputs"]["version"].get("required")
runs = [step["run"] for step in action["runs"]["steps"] if "run" in step]
workflow = yaml.safe_load(open(sys.argv[2]))
runs += [step["run"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "run" in step]
# The workflow installs escc with the action from the repository the action names.
uses = [step["uses"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "uses" in step]
assert action["inputs"]["repository"]["default"] + "@v" in " ".join(uses), uses
for run in runs:
    gathered = []  # options+=(--baseline ...): given to the command that passes "${options[@]}"
    for line in run.splitlines():
        for added in re.findall(r"options\+=\(([^)]*)\)", line):
            gathered += re.findall(r"(?<![\w-])(--[a-z-]+)", added)
        for command in re.findall(r"\bescc ([a-z]+)((?: +[^ ;|&>]+)*)", line):
            options = re.findall(r"(?<![\w-])(--[a-z-]+)", command[1])
            if '"${options[@]}"' in command[1]:
                options += gathered
            print(command[0], *options)
PY
if grep -q '^check ' "$work/commands"; then pass; else fail "no escc check found in action.yml"; fi
commands=$("$escc" --help)
while read -r command options; do
  if grep -qE "^  $command( |$)" <<<"$commands"; then pass; else fail "action.yml runs 'escc $command', which escc lacks"; fi
  command_help=$("$escc" "$command" --help 2>&1)
  for option in $options; do
    if grep -qE -- "(^|[ ,])$option([ =,]|$)" <<<"$command_help"; then pass; else
      fail "action.yml gives 'escc $command' the option $option, which it lacks"; fi
  done
done <"$work/commands"

# The action's own steps after the install, run in the new repository as GitHub would
# run them (bash -e -o pipefail), with its inputs' defaults and build: pages.
python3 - "$source_dir/action.yml" "$work/action-steps" <<'PY' || fail "action.yml's steps cannot be read"
import os, re, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
inputs.update({"version": "0", "build": "pages"})
os.makedirs(sys.argv[2])
def expand(text):
    return re.sub(r"\$\{\{ *inputs\.([a-z-]+) *\}\}", lambda m: inputs[m.group(1)], str(text))
for number, step in enumerate(action["runs"]["steps"]):
    if "curl" in step["run"]:
        continue  # the install: the test's escc is on the PATH already
    if "if" in step and not eval(expand(step["if"]).replace("inputs.", ""), {}, {k.replace("-", "_"): v for k, v in inputs.items()}):
        continue
    with open(os.path.join(sys.argv[2], f"{number}.sh"), "w") as script:
        for name, value in step.get("env", {}).items():
            script.write(f"export {name}='{expand(value)}'\n")
        script.write(step["run"])
PY
ran=0
for script in "$work"/action-steps/*.sh; do
  ran=$((ran + 1))
  if output=$(cd "$board" && bash -e -o pipefail "$script" 2>&1); then pass; else
    fail "action.yml's step $(basename "$script") failed in the new repository"; echo "$output" | head -20; fi
done
[ "$ran" -eq 2 ] && pass || fail "action.yml's check and build steps were not both run ($ran)"
if grep -q '^::warning file=protocols/OUR-AREA.esc' <<<"$output$(cd "$board" && bash "$work/action-steps/1.sh" 2>&1)"; then pass; else
  fail "action.yml's check step made no annotations"; fi
[ -s "$board/pages/index.html" ] && pass || fail "action.yml's build step built no pages"

finish
