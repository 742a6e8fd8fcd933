#!/usr/bin/env bash
# Shell completion: `escc completion bash` sourced into this bash and asked as bash asks
# it (COMP_WORDS, COMP_CWORD), against what `escc --help` and `escc COMMAND --help` list,
# so that a command or option added to escc is expected here without a word changed.
# zsh, when installed: the script parses and registers itself with compinit.
# Usage: completion_test.sh path/to/escc
set -u
source "$(dirname "$0")/expect.sh"
escc=$1

expect completion-help 0 'bash or zsh' -- "$escc" completion --help
expect completion-bad-shell 2 'shell' -- "$escc" completion fish

# shellcheck disable=SC1090
source <("$escc" completion bash)
if [ "$(complete -p escc 2>/dev/null)" = "complete -o filenames -F _escc escc" ]; then pass; else
  fail "the bash script does not register _escc for escc"; fi

# complete WORD...: what bash would offer for the last word, one a line, sorted.
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _escc
  printf '%s\n' "${COMPREPLY[@]}" | sort -u
}
# same NAME EXPECTED OFFERED: the two lists of words are the same.
same() {
  if [ "$(sort -u <<<"$2" | sed '/^$/d')" = "$(sed '/^$/d' <<<"$3")" ]; then pass; else
    fail "$1"; diff <(sort -u <<<"$2" | sed '/^$/d') <(sed '/^$/d' <<<"$3") | head -10; fi
}

commands=$("$escc" --help | awk '/^Subcommands:/ {inside=1; next} inside && /^  [a-z]/ {print $1} inside && /^$/ {exit}')
[ "$(wc -l <<<"$commands")" -ge 10 ] && pass || fail "escc --help lists too few commands: $commands"
same "the commands offered differ from escc --help's" "$commands" "$(complete_words escc '' | grep -v '^-')"
same "'escc ch' is not completed to check alone" "check" "$(complete_words escc ch)"
same "'escc help b' is not completed to build" "build" "$(complete_words escc help b)"

for command in $commands; do
  command_help=$("$escc" "$command" --help)
  # Option lines of --help: "  -I,--include TEXT ...  A folder..." and "  --format TEXT:{human,json}=human".
  options=$(grep -E '^  -' <<<"$command_help" | awk '{print $1}' | tr ',' '\n' | sed 's/=.*//')
  same "the options offered for 'escc $command -' differ from its --help" "$options" \
    "$(complete_words escc "$command" -)"
  while IFS= read -r line; do
    option=$(awk '{print $1}' <<<"$line" | tr ',' '\n' | tail -1)
    choices=$(sed -E 's/.*\{([^}]*)\}.*/\1/' <<<"$line" | tr ',' '\n')
    same "the values offered after 'escc $command $option' differ from its --help" "$choices" \
      "$(complete_words escc "$command" "$option" '')"
    same "the values offered after 'escc $command $option=' differ from its --help" "$choices" \
      "$(complete_words escc "$command" "$option" = '')"
  done < <(grep -E '^  -[^ ]* [A-Z]+:\{' <<<"$command_help")
done
# An option's value is not taken for the command, nor an option for a value.
same "'escc check --format j' is not json" "json" "$(complete_words escc check --format j)"
same "'escc build -o out --em' is not --emit" "--emit" "$(complete_words escc build -o out --em)"
mkdir -p "$work/files" && touch "$work/files/area.esc"
same "a protocol's file is not offered after 'escc check'" "$work/files/area.esc" \
  "$(complete_words escc check "$work/files/ar")"

if command -v zsh >/dev/null; then
  "$escc" completion zsh >"$work/_escc"
  if zsh -n "$work/_escc"; then pass; else fail "the zsh script does not parse"; fi
  if zsh -f -c "autoload -U compinit && compinit -u -D && source '$work/_escc' && [[ \$_comps[escc] == _escc ]]"; then
    pass; else fail "the zsh script does not register _escc for escc"; fi
  for command in $commands; do
    grep -q "^    '$command:" "$work/_escc" && pass || fail "the zsh script does not offer $command"
  done
else
  echo "zsh is not installed: the zsh script is not checked (tools/ensure-deps.sh test installs it)"
fi

finish
