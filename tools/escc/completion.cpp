#include "tools/escc/completion.hpp"

#include <fmt/format.h>

#include <vector>

namespace escc_cli {

namespace {

struct OptionWords {
  std::vector<std::string> names;   // "-I", "--include"
  std::vector<std::string> values;  // a fixed choice, such as human json sarif github
  std::string description;
  bool takes_value = false;
  bool repeats = false;
};

struct CommandWords {
  std::string name;
  std::string description;
  std::vector<OptionWords> options;
  bool has_positionals = false;
};

// A choice CLI11 checks (CLI::IsMember) is shown by --help as "TEXT:{human,json}": the
// same words are offered.
std::vector<std::string> choices_of(const CLI::Option& option) {
  auto type = option.get_type_name();
  auto open = type.rfind('{');
  auto close = type.rfind('}');
  std::vector<std::string> words;
  if (open == std::string::npos || close == std::string::npos || close < open) return words;
  std::string word;
  for (auto c : type.substr(open + 1, close - open - 1)) {
    if (c == ',') {
      words.push_back(word);
      word.clear();
    } else if (c != ' ') {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

std::vector<OptionWords> options_of(const CLI::App& app) {
  std::vector<OptionWords> options;
  for (const auto* option : app.get_options()) {
    if (!option->nonpositional()) continue;
    OptionWords words;
    for (const auto& name : option->get_snames()) words.names.push_back("-" + name);
    for (const auto& name : option->get_lnames()) words.names.push_back("--" + name);
    words.values = choices_of(*option);
    words.description = option->get_description();
    words.takes_value = option->get_items_expected_max() > 0;
    words.repeats = option->get_items_expected_max() > 1;
    options.push_back(std::move(words));
  }
  return options;
}

std::vector<CommandWords> commands_of(const CLI::App& app) {
  std::vector<CommandWords> commands;
  for (const auto* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    CommandWords words{command->get_name(), command->get_description(), options_of(*command), false};
    for (const auto* option : command->get_options()) words.has_positionals |= option->get_positional();
    commands.push_back(std::move(words));
  }
  return commands;
}

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

// Descriptions go into zsh's single-quoted specs, where an option's is in `[...]`.
std::string zsh_text(std::string_view text) {
  std::string out;
  for (auto c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else if (c == '[' || c == ']' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string bash_completion(const CLI::App& app) {
  auto commands = commands_of(app);
  std::vector<std::string> command_names;
  for (const auto& command : commands) command_names.push_back(command.name);
  std::vector<std::string> top_options;
  for (const auto& option : options_of(app)) top_options.insert(top_options.end(), option.names.begin(), option.names.end());

  std::string options_cases;
  std::string values_cases;
  for (const auto& command : commands) {
    std::vector<std::string> names;
    for (const auto& option : command.options) {
      names.insert(names.end(), option.names.begin(), option.names.end());
      for (const auto& name : option.names) {
        if (!option.values.empty()) {
          values_cases += fmt::format("    '{} {}') words='{}' ;;\n", command.name, name, joined(option.values));
        } else if (option.takes_value) {
          values_cases += fmt::format("    '{} {}') words=- ;;\n", command.name, name);
        }
      }
    }
    options_cases += fmt::format("    {}) options='{}' ;;\n", command.name, joined(names));
  }
  return fmt::format(R"(# bash completion for escc, made by `escc completion bash` from escc's own options.
# Load it with: source <(escc completion bash)
_escc() {{
  local current=${{COMP_WORDS[COMP_CWORD]}} previous=${{COMP_WORDS[COMP_CWORD-1]}}
  # --format=json: bash splits the word at '=', leaving '=' as the word before.
  if [[ $previous == = && COMP_CWORD -ge 2 ]]; then previous=${{COMP_WORDS[COMP_CWORD-2]}}; fi
  local command= i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${{COMP_WORDS[i]}} in
      -*) ;;
      *) command=${{COMP_WORDS[i]}}; break ;;
    esac
  done
  if [[ -z $command ]]; then
    COMPREPLY=($(compgen -W '{commands} {top_options}' -- "$current"))
    return
  fi
  local words=
  case "$command $previous" in
{values_cases}  esac
  if [[ $words == - ]]; then
    COMPREPLY=($(compgen -f -- "$current"))
    return
  elif [[ -n $words ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$current"))
    return
  fi
  local options=
  case $command in
{options_cases}  esac
  if [[ $current == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$current"))
  elif [[ $command == help ]]; then
    COMPREPLY=($(compgen -W '{commands}' -- "$current"))
  else
    COMPREPLY=($(compgen -f -- "$current"))
  fi
}}
complete -o filenames -F _escc escc
)",
                     fmt::arg("commands", joined(command_names)), fmt::arg("top_options", joined(top_options)),
                     fmt::arg("values_cases", values_cases), fmt::arg("options_cases", options_cases));
}

std::string zsh_completion(const CLI::App& app) {
  auto commands = commands_of(app);
  std::vector<std::string> command_names;
  for (const auto& command : commands) command_names.push_back(command.name);
  std::string described;
  std::string cases;
  for (const auto& command : commands) {
    described += fmt::format("    '{}:{}'\n", command.name, zsh_text(command.description));
    std::string specs;
    for (const auto& option : command.options) {
      std::string action;
      if (!option.values.empty()) {
        action = ":value:(" + joined(option.values) + ")";
      } else if (option.takes_value) {
        action = ":value:_files";
      }
      for (const auto& name : option.names) {
        specs += fmt::format(" \\\n        '{}{}[{}]{}'", option.repeats ? "*" : "", name, zsh_text(option.description),
                             action);
      }
    }
    // `escc help` takes another command's name; the rest take files.
    if (command.name == "help") {
      specs += " \\\n        '1:command:(" + joined(command_names) + ")'";
    } else if (command.has_positionals) {
      specs += " \\\n        '*:file:_files'";
    }
    cases += fmt::format("    {})\n      _arguments{} ;;\n", command.name, specs);
  }
  return fmt::format(R"(#compdef escc
# zsh completion for escc, made by `escc completion zsh` from escc's own options.
# Load it with: source <(escc completion zsh), or save it as _escc in a folder of $fpath.
_escc() {{
  local -a commands
  commands=(
{described}  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  local command=$words[2]
  shift words
  (( CURRENT-- ))
  case $command in
{cases}  esac
}}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _escc "$@"
else
  compdef _escc escc
fi
)",
                     fmt::arg("described", described), fmt::arg("cases", cases));
}

}  // namespace escc_cli
