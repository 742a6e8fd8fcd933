#include "compiler/backends/cpp_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <span>
#include <unordered_map>

#include "compiler/analysis/availability.hpp"
#include "compiler/analysis/durations.hpp"
#include "compiler/analysis/duties.hpp"
#include "compiler/analysis/flow.hpp"
#include "compiler/analysis/lines.hpp"
#include "compiler/analysis/whom_to_contact.hpp"
#include "compiler/backends/sha256.hpp"
#include "compiler/source/embedded.hpp"

namespace esc::backends {
namespace {

// A string_view literal holding exactly `text`. Everything outside printable ASCII, and
// the characters that could end the literal or start an escape or a trigraph, is
// written as an octal escape (three digits, so a following digit cannot extend it).
// The `sv` suffix gives the length without counting: g++ gives up on a table whose
// views count more than 33 million characters in all (-fconstexpr-ops-limit).
std::string literal(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F || c == '"' || c == '\\' || c == '?') {
      out += fmt::format("\\{:03o}", byte);
    } else {
      out += c;
    }
  }
  return out + "\"sv";
}

// Letters and digits of `text`, each run of anything else made one underscore, with
// none at either end: the part of a generated name that comes from the protocol.
std::string identifier_part(std::string_view text) {
  std::string part;
  for (char c : text) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (keep) {
      part += c;
    } else if (!part.empty() && part.back() != '_') {
      part += '_';
    }
  }
  while (!part.empty() && part.back() == '_') part.pop_back();
  return part.empty() ? "unnamed" : part;
}

// Collects texts into one pool, so that lists of phone numbers and line labels are
// views of one array.
class TextPool {
 public:
  explicit TextPool(std::string_view array = "texts") : array_(array) {}
  // The list `{data::texts + first, count}` for these texts, stored together.
  std::string list(const std::vector<std::string_view>& items) {
    if (items.empty()) return "{}";
    auto first = texts_.size();
    for (auto item : items) texts_.emplace_back(item);
    return fmt::format("{{data::{} + {}, {}}}", array_, first, items.size());
  }
  const std::vector<std::string>& texts() const { return texts_; }
  std::string array() const {
    std::string rows;
    for (const auto& text : texts_) rows += "    " + literal(text) + ",\n";
    if (rows.empty()) return {};
    return fmt::format("inline constexpr std::string_view {}[] = {{\n{}}};\n", array_, rows);
  }

 private:
  std::string_view array_;
  std::vector<std::string> texts_;
};

std::vector<std::string_view> views(const std::vector<model::Text>& texts) {
  std::vector<std::string_view> out;
  for (const auto& t : texts) out.push_back(t.value);
  return out;
}

std::string working_days(const std::optional<model::WorkingDays>& days) {
  if (!days) return "{0, 0, false}";
  return fmt::format("{{{}, {}, true}}", days->low, days->high);
}

// Unique enumerator names, in order.
class Enumerators {
 public:
  // `prefix` keeps the name clear of keywords and of every macro of the C and C++
  // libraries and the compilers (NULL, errno, linux...), which are none of them
  // "stage_..." or "agency_...".
  std::string add(std::string_view prefix, std::string_view wanted) {
    auto name = std::string(prefix) + identifier_part(wanted);
    auto unique = name;
    for (int n = 2; !used_.insert(unique).second; ++n) unique = fmt::format("{}_{}", name, n);
    names_.push_back(unique);
    return unique;
  }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::set<std::string> used_;
  std::vector<std::string> names_;
};

struct ContactRow {
  const model::Contact* contact;
  std::uint32_t agency;
  std::uint32_t stage;
  std::string_view line;
};

std::string index_or_none(std::uint32_t index) {
  return index == model::no_id ? "escc::tables::none" : std::to_string(index);
}

std::string bool_text(bool value) { return value ? "true" : "false"; }

// The smallest unsigned type that numbers `count` things from 0.
std::string_view smallest_type_for(std::size_t count) {
  if (count <= 0x100) return "std::uint8_t";
  if (count <= 0x10000) return "std::uint16_t";
  return "std::uint32_t";
}

std::string deadline_rule_row(const analysis::DeadlineRule& rule) {
  std::string_view basis = "not_countable";
  switch (rule.basis) {
    case analysis::DeadlineBasis::by_day: basis = "by_day"; break;
    case analysis::DeadlineBasis::timeframe: basis = "timeframe"; break;
    case analysis::DeadlineBasis::steps: basis = "steps"; break;
    case analysis::DeadlineBasis::none: break;
  }
  return fmt::format("{{escc::tables::CountedFrom::{}, escc::tables::DeadlineBasis::{}, {}, {}, {}}}",
                     rule.from == analysis::CountedFrom::raised ? "raised" : "stage_start", basis,
                     working_days(rule.days), working_days(rule.stated_otherwise), literal(rule.words));
}

// Whether the stage is a route entered from any stage, with the condition of entry.
std::string entry_fields(const model::Stage& stage) {
  for (const auto& entry : stage.entries) {
    if (entry.any_stage) return ", true, " + literal(entry.condition ? entry.condition->value : "");
  }
  return ", false, " + literal("");
}

// What to do at a stage, each duty as the document says it, those of the whole protocol
// marked with where they hold.
std::vector<std::string> stage_duty_words(const model::Model& model, const model::Stage& stage) {
  std::vector<std::string> words;
  for (const auto& held : analysis::duties_at(model, stage)) {
    words.push_back(analysis::duty_words(*held.duty, model) +
                    (held.whole_protocol ? fmt::format(" ({})", analysis::where_duty_holds(*held.duty)) : ""));
  }
  return words;
}

// The rows of one generated array, and lists of rows added one after another.
class Rows {
 public:
  explicit Rows(std::string_view array) : array_(array) {}
  std::size_t size() const { return count_; }
  void add(const std::string& row) {
    rows_ += "    " + row + ",\n";
    ++count_;
  }
  // The list of the rows added since the array held `first`.
  std::string list_from(std::size_t first) const {
    if (count_ == first) return "{}";
    return fmt::format("{{data::{} + {}, {}}}", array_, first, count_ - first);
  }
  std::string array(std::string_view type) const {
    if (rows_.empty()) return {};
    return fmt::format("inline constexpr escc::tables::{} {}[] = {{\n{}}};\n", type, array_, rows_);
  }

 private:
  std::string_view array_;
  std::string rows_;
  std::size_t count_ = 0;
};

std::string optional_literal(const std::optional<model::Text>& text) { return literal(text ? text->value : ""); }

std::string document_date(const std::optional<model::Date>& date) {
  if (!date) return "{}";
  return fmt::format("{{{}, {}, {}}}", date->year, date->month, date->day);
}

std::string modality(model::Modality modality) {
  switch (modality) {
    case model::Modality::must: return "escc::tables::Modality::must";
    case model::Modality::should: return "escc::tables::Modality::should";
    case model::Modality::may: return "escc::tables::Modality::may";
    case model::Modality::unstated: break;
  }
  return "escc::tables::Modality::unstated";
}

std::string_view severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "escc::tables::Severity::error";
    case Severity::note: return "escc::tables::Severity::note";
    case Severity::warning: break;
  }
  return "escc::tables::Severity::warning";
}

// The stage each finding concerns: the one whose block holds the place the finding
// points to. A block runs from its first line to the next block of the same file, so
// the starts of every kind of top-level block are gathered, not the stages' alone (an
// ambiguity stands inside the block it is about, and starts none).
class StageOfPlace {
 public:
  explicit StageOfPlace(const model::Model& model) {
    auto block = [&](Span span, std::uint32_t stage) { starts_.push_back({span.file, span.begin, stage}); };
    if (model.protocol) block(model.protocol->span, model::no_id);
    if (model.regional) block(model.regional->protocol.span, model::no_id);
    if (model.immediate_risk) block(model.immediate_risk->span, model::no_id);
    for (std::uint32_t i = 0; i < model.stages.size(); ++i) block(model.stages[i].span, i);
    for (const auto& a : model.agencies) block(a.span, model::no_id);
    for (const auto& f : model.forms) block(f.span, model::no_id);
    for (const auto& h : model.hours) block(h.span, model::no_id);
    for (const auto& l : model.levels) block(l.span, model::no_id);
    for (const auto& k : model.kinds) block(k.span, model::no_id);
    for (const auto& c : model.calendars) block(c.span, model::no_id);
    for (const auto& f : model.figures) block(f.span, model::no_id);
    for (const auto& a : model.allows) block(a.span, model::no_id);
    std::sort(starts_.begin(), starts_.end(), [](const Start& a, const Start& b) {
      return a.file != b.file ? a.file < b.file : a.begin < b.begin;
    });
  }
  std::uint32_t operator()(const std::optional<Span>& place) const {
    if (!place) return model::no_id;
    std::uint32_t stage = model::no_id;
    for (const auto& start : starts_) {
      if (start.file == place->file && start.begin <= place->begin) stage = start.stage;
    }
    return stage;
  }

 private:
  struct Start {
    FileId file;
    std::uint32_t begin;
    std::uint32_t stage;
  };
  std::vector<Start> starts_;
};

// What a caseworker acts on (runtime/escc/tables.hpp, StageDetails to Finding): arrays
// of their own, written after those the runtime walks, so that a program that follows
// cases only does not have to read past them.
class CaseworkerTables {
 public:
  CaseworkerTables(const model::Model& model, TextPool& pool) : model_(model), pool_(pool) {}

  std::string quotes(const model::Described& described) {
    auto first = quotes_.size();
    for (const auto& passage : described.passages()) {
      quotes_.add(fmt::format("{{escc::tables::PassageKind::{}, {}, {}}}", model::passage_kind_name(passage.kind),
                              literal(passage.text.value), literal(passage.about)));
    }
    return quotes_.list_from(first);
  }

  // A duty's row, with `words` as the stage's list of duties says it.
  std::string duty_row(const model::Duty& duty, std::string_view words, std::string_view holds) {
    auto form = duty.form.valid() ? std::to_string(duty.form.index) : std::string("escc::tables::none");
    auto quoted = quotes(duty);
    return fmt::format("{{{}, {}, {}, {}, {}}}", literal(words), modality(duty.modality), form, literal(holds),
                       quoted);
  }

  // Rows are made before they are added, so that the lists a row holds are complete
  // when the rows of one list are added one after another.
  std::string duties(const std::vector<std::string>& rows) {
    auto first = duties_.size();
    for (const auto& row : rows) duties_.add(row);
    return duties_.list_from(first);
  }

  std::string own_duties(const std::vector<model::Duty>& list) {
    std::vector<std::string> rows;
    for (const auto& duty : list) rows.push_back(duty_row(duty, analysis::duty_words(duty, model_), ""));
    return duties(rows);
  }

  std::string stage_details(const model::Stage& stage, const std::vector<std::string>& duty_words) {
    std::vector<std::string> duty_rows;
    auto held = analysis::duties_at(model_, stage);
    for (std::size_t i = 0; i < held.size(); ++i) {
      duty_rows.push_back(duty_row(*held[i].duty, duty_words.at(i),
                                   held[i].whole_protocol ? analysis::where_duty_holds(*held[i].duty) : ""));
    }
    auto stage_duties = duties(duty_rows);
    std::vector<std::string> step_rows;
    for (const auto& step : stage.steps) {
      auto first = variants_.size();
      for (const auto& v : step.variants) {
        variants_.add(fmt::format("{{{}, {}, {}, {}}}", literal(v.label.value),
                                  literal(v.timeframe ? v.timeframe->describe() : ""), optional_literal(v.condition),
                                  bool_text(v.otherwise)));
      }
      auto variants = variants_.list_from(first);
      auto quoted = quotes(step);
      step_rows.push_back(fmt::format("{{{}, {}, {}, {}, {}, {}, {}, {}}}", literal(step.title.value),
                                      literal(step.time_words()), optional_literal(step.by),
                                      optional_literal(step.condition), optional_literal(step.part_of),
                                      modality(step.modality), variants, quoted));
    }
    auto first_step = steps_.size();
    for (const auto& row : step_rows) steps_.add(row);
    auto steps = steps_.list_from(first_step);
    std::vector<std::string> outcome_rows;
    for (const auto& outcome : stage.outcomes) {
      auto outcome_duties = own_duties(outcome.duties);
      auto quoted = quotes(outcome);
      outcome_rows.push_back(fmt::format("{{escc::tables::Outcome::{}, {}, {}, {}}}",
                                         identifier_part(model::outcome_name(outcome.kind)),
                                         optional_literal(outcome.condition), outcome_duties, quoted));
    }
    auto first_outcome = outcomes_.size();
    for (const auto& row : outcome_rows) outcomes_.add(row);
    auto outcomes = outcomes_.list_from(first_outcome);
    auto join = stage.contacts_join ? model::contacts_join_words(stage.contacts_join->value) : std::string_view();
    auto quoted = quotes(stage);
    return fmt::format("{{{}, {}, {}, {}, {}, {}, {}, {}}}", pool_.list(views(stage.parties)),
                       literal(stage.actor_words()), optional_literal(stage.through), literal(join), steps,
                       stage_duties, outcomes, quoted);
  }

  std::string contact_details(const model::Contact& c) {
    auto quoted = quotes(c);
    const auto& unknown = c.details_unknown;
    return fmt::format("{{{}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}}}", pool_.list(views(c.switchboards)),
                       pool_.list(views(c.mobiles)), pool_.list(views(c.direct_lines)), optional_literal(c.via),
                       optional_literal(c.address), optional_literal(c.purpose), bool_text(c.not_for_escalation),
                       bool_text(c.in_own_agency), bool_text(unknown.has_value()),
                       literal(unknown && unknown->reason ? unknown->reason->value : ""), quoted);
  }

  Rows& quote_rows() { return quotes_; }
  std::string arrays() const {
    return quotes_.array("Quote") + variants_.array("StepVariant") + steps_.array("Step") +
           duties_.array("Duty") + outcomes_.array("OnOutcome");
  }

 private:
  const model::Model& model_;
  TextPool& pool_;
  Rows quotes_{"quotes"};
  Rows variants_{"step_variants"};
  Rows steps_{"steps"};
  Rows duties_{"duties"};
  Rows outcomes_{"on_outcomes"};
};
// The protocol as a type of its own, so that escc::Escalation<Protocol> takes only this
// protocol's stages, agencies and moves; its tables are always the ones defined here.
std::string protocol_type(std::string_view space) {
  return fmt::format(
      "// The protocol as a type: a case of it (escc::Escalation<Protocol>) takes only its own\n"
      "// stages, agencies and moves.\n"
      "struct Protocol : escc::tables::Protocol {{\n  using Stage = {0}::Stage;\n  using Agency = {0}::Agency;\n"
      "  static const escc::tables::Protocol& tables();\n}};\n\n",
      space);
}

// Two versions of one protocol's tables in one program must not meet: in one
// translation unit the guard below stops the compiler; across translation units each
// unit refers to a marker named by its version, defined in a section group named by the
// protocol. The linker keeps one group, so a unit of another version refers to a marker
// that is gone and the link fails; under link-time optimisation, where the units' markers
// meet in one assembly, the assembler compares the versions itself.
std::string version_guard(std::string_view space, std::string_view hash) {
  std::string out;
  out += fmt::format("#if defined(ESCC_PROTOCOL_{0}) && !defined(ESCC_PROTOCOL_{0}_{1})\n", space, hash);
  out += fmt::format(
      "#error \"escc: two different versions of the protocol's tables ({}) in one program: build every file from "
      "the same protocol\"\n#endif\n",
      space);
  out += fmt::format("#ifndef ESCC_PROTOCOL_{0}\n#define ESCC_PROTOCOL_{0}\n#define ESCC_PROTOCOL_{0}_{1}\n", space, hash);
  return out;
}

// One line of an assembler block, as a C++ string literal.
std::string literal_asm(std::string_view line) {
  std::string out = "\"";
  for (char c : line) out += c == '"' ? std::string("\\\"") : std::string(1, c);
  return out + "\\n\"";
}

std::string version_marker(std::string_view space, std::string_view hash) {
  auto group = fmt::format("escc_version_{}", space);
  auto marker = fmt::format("{}_{}", group, hash);
  std::string out;
  out += "#if defined(__ELF__) && (defined(__GNUC__) || defined(__clang__)) && !defined(ESCC_NO_VERSION_LINK_CHECK)\n";
  out += "__asm__(\n";
  auto line = [&](const std::string& text) { out += fmt::format("    {}\n", literal_asm(text)); };
  line(fmt::format(".ifdef {}_id", group));
  line(fmt::format(".if {}_id - 0x{}", group, hash.substr(0, 15)));
  line(fmt::format(".error \"two different versions of the protocol's tables ({}) in one program\"", space));
  line(".endif");
  line(".else");
  line(fmt::format(".set {}_id, 0x{}", group, hash.substr(0, 15)));
  line(fmt::format(".pushsection .rodata.{0},\"aG\",@progbits,{0},comdat", group));
  line(fmt::format(".globl {}", marker));
  line(fmt::format(".hidden {}", marker));
  line(fmt::format("{}:", marker));
  line(".byte 0");
  line(".popsection");
  line(".endif");
  out += ");\n";
  out += fmt::format("extern \"C\" const char {};\n", marker);
  out += fmt::format("namespace {} {{\nnamespace {{\n", space);
  out += fmt::format("[[gnu::used, gnu::retain]] const char* const version_marker = &{};\n", marker);
  out += "}  // namespace\n}\n#endif\n\n";
  return out;
}

std::string hex(const std::array<std::uint8_t, 32>& bytes) {
  std::string out;
  for (auto b : bytes) out += fmt::format("{:02x}", b);
  return out;
}

}  // namespace

std::string cpp_namespace(std::string_view stem) {
  std::string name = "escc_";
  for (char c : stem) {
    bool letter_or_digit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if ((letter_or_digit && c != 'Z') || (c == '_' && name.back() != '_')) {
      name += c;
    } else {
      // 'Z' starts every escape, so no two names meet; an underscore that would make
      // two in a row ("__" is reserved to the compiler) is escaped too.
      name += fmt::format("Z{:02X}", static_cast<unsigned char>(c));
    }
  }
  return name;
}

std::string emit_cpp_tables(const model::Model& model, const analysis::Analyses& analyses, std::string_view name,
                            std::span<const Diagnostic> findings) {
  auto space = cpp_namespace(name);
  const auto& flow = analyses.flow;
  const auto& durations = analyses.durations;
  const auto& totals = analyses.totals;
  auto line_labels = analysis::line_order(model);

  std::string tables_header;
  for (const auto& file : runtime_files()) {
    if (file.path == "escc/tables.hpp") tables_header = std::string(file.text);
  }

  std::vector<ContactRow> contacts;
  for (std::uint32_t i = 0; i < model.stages.size(); ++i) {
    for (const auto& c : model.stages[i].contacts) contacts.push_back({&c, c.of.index, i, {}});
  }
  for (std::uint32_t a = 0; a < model.agencies.size(); ++a) {
    for (const auto& c : model.agencies[a].contacts) contacts.push_back({&c, a, model::no_id, {}});
    for (const auto& line : model.agencies[a].lines) {
      for (const auto& c : line.contacts) contacts.push_back({&c, a, model::no_id, line.label});
    }
  }
  if (model.protocol) {
    for (const auto& c : model.protocol->contacts) contacts.push_back({&c, c.of.index, model::no_id, {}});
  }
  // Whom the immediate-risk rule and the forms name, for a caseworker's screen; after
  // every other contact, so that the positions the runtime reads stay as they were.
  if (model.immediate_risk) {
    for (const auto& c : model.immediate_risk->contacts) contacts.push_back({&c, c.of.index, model::no_id, {}});
  }
  for (const auto& form : model.forms) {
    for (const auto& c : form.send_to) contacts.push_back({&c, c.of.index, model::no_id, {}});
  }
  std::unordered_map<const model::Contact*, std::size_t> row_of;
  for (std::size_t i = 0; i < contacts.size(); ++i) row_of.emplace(contacts[i].contact, i);
  const auto& whom = analyses.whom;
  std::string stage_contact_rows;
  std::size_t stage_contact_count = 0;
  // A list of contacts as positions in data::contacts, stored in data::stage_contacts.
  auto contact_list = [&](const std::vector<analysis::StageContact>& listed) {
    if (listed.empty()) return std::string("{}");
    auto first = stage_contact_count;
    for (const auto& entry : listed) stage_contact_rows += fmt::format("    {},\n", row_of.at(entry.contact));
    stage_contact_count += listed.size();
    return fmt::format("{{data::stage_contacts + {}, {}}}", first, listed.size());
  };
  std::vector<std::string> line_lists;
  for (const auto& listed : whom.line_lists) line_lists.push_back(contact_list(listed));
  auto line_contacts = [&](std::uint32_t stage) {
    const auto& lines = whom.stages[stage].lines;
    return lines ? line_lists[*lines] : std::string("{}");
  };

  TextPool pool;
  Enumerators stage_names;
  std::string stage_rows;
  std::vector<const analysis::PathPoint*> point_of(model.stages.size(), nullptr);
  for (const auto& point : totals) point_of[point.stage.index] = &point;
  for (std::uint32_t i = 0; i < model.stages.size(); ++i) {
    const auto& stage = model.stages[i];
    std::string kind = "formal";
    switch (stage.kind) {
      case model::StageKind::formal: stage_names.add("stage_", std::to_string(stage.number)); break;
      case model::StageKind::informal:
        kind = "informal";
        stage_names.add("stage_", "informal");
        break;
      case model::StageKind::route:
        kind = "route";
        stage_names.add("route_", stage.name);
        break;
    }
    std::string timeframe;
    for (const auto& t : stage.timeframes) timeframe += (timeframe.empty() ? "" : "; ") + t.describe();
    auto by_day = analysis::by_day_of(stage, point_of[i]);
    auto labels = analysis::stage_line_labels(stage, line_labels);
    std::vector<std::string_view> label_views(labels.begin(), labels.end());
    auto duty_words = stage_duty_words(model, stage);
    std::vector<std::string_view> duty_views(duty_words.begin(), duty_words.end());
    stage_rows += fmt::format(
        "    {{escc::tables::StageKind::{kind}, {number}, {label}, {title}, {timeframe}, {days}, {by_day}, "
        "{lines}, {contacts}, {line_contacts}, {final}, {binding}, {duties}, {optional}, {deadline}{entry}}},\n",
        fmt::arg("kind", kind), fmt::arg("number", stage.kind == model::StageKind::formal ? stage.number : 0),
        fmt::arg("label", literal(stage.label())), fmt::arg("title", literal(stage.title.value)),
        fmt::arg("timeframe", literal(timeframe)), fmt::arg("days", working_days(durations.stages[i].own)),
        fmt::arg("by_day", working_days(by_day)), fmt::arg("lines", pool.list(label_views)),
        fmt::arg("contacts", contact_list(whom.stages[i].named)), fmt::arg("line_contacts", line_contacts(i)),
        fmt::arg("final", bool_text(stage.final)),
        fmt::arg("binding", bool_text(stage.binding)), fmt::arg("duties", pool.list(duty_views)),
        fmt::arg("optional", bool_text(stage.modality == model::Modality::may)),
        fmt::arg("deadline", deadline_rule_row(analyses.deadline_rules[i])), fmt::arg("entry", entry_fields(stage)));
  }

  std::string transition_rows;
  for (std::uint32_t i = 0; i < model.stages.size(); ++i) {
    for (const auto& outcome : model.stages[i].outcomes) {
      auto outcome_name = identifier_part(model::outcome_name(outcome.kind));
      auto condition = outcome.condition ? literal(outcome.condition->value) : literal("");
      bool moved = false;
      for (const auto& action : outcome.actions) {
        if (action.kind == model::ActionKind::go_to && action.target.valid()) {
          transition_rows += fmt::format("    {{{}, escc::tables::Outcome::{}, {}, {}}},\n", i, outcome_name,
                                         action.target.index, condition);
          moved = true;
        }
      }
      bool ends = std::any_of(outcome.actions.begin(), outcome.actions.end(),
                              [](const model::Action& a) { return a.kind == model::ActionKind::end; });
      if (!moved && ends) {
        transition_rows += fmt::format("    {{{}, escc::tables::Outcome::{}, escc::tables::none, {}}},\n", i,
                                       outcome_name, condition);
      }
    }
  }

  Enumerators agency_names;
  std::string agency_rows;
  for (const auto& agency : model.agencies) {
    agency_names.add("agency_", agency.name);
    agency_rows += fmt::format("    {{{}, {}}},\n", literal(agency.name), literal(agency.title.value));
  }

  analysis::AvailabilityTable availabilities(model);
  std::string contact_rows;
  for (const auto& row : contacts) {
    const auto& c = *row.contact;
    auto hours = availabilities.index_of(c);
    contact_rows += fmt::format(
        "    {{{title}, {person}, {phones}, {emails}, {call_signs}, {agency}, {stage}, {line}, {availability}, "
        "{case_kinds}, {condition}}},\n",
        fmt::arg("title", literal(c.title.value)), fmt::arg("person", literal(c.person ? c.person->value : "")),
        fmt::arg("phones", pool.list(views(c.phones))), fmt::arg("emails", pool.list(views(c.emails))),
        fmt::arg("call_signs", pool.list(views(c.call_signs))), fmt::arg("agency", index_or_none(row.agency)),
        fmt::arg("stage", index_or_none(row.stage)), fmt::arg("line", literal(row.line)),
        fmt::arg("availability", hours), fmt::arg("case_kinds", c.case_kinds.bits()),
        fmt::arg("condition", literal(c.condition ? c.condition->value : "")));
  }

  std::string holiday_rows;
  std::string calendar_name;
  std::uint8_t working_weekdays = 0x1F;
  int from_year = 0;
  int to_year = 0;
  std::size_t holiday_count = 0;
  if (model.protocol && model.protocol->calendar.valid()) {
    const auto& calendar = model.calendars.at(model.protocol->calendar.index);
    calendar_name = calendar.name;
    working_weekdays = calendar.working_days;
    from_year = calendar.data_from;
    to_year = calendar.data_to;
    for (const auto& h : calendar.holidays) {
      holiday_rows += fmt::format("    {{{}, {}, {}}},\n", h.date.year, h.date.month, h.date.day);
    }
    holiday_count = calendar.holidays.size();
  }

  // What a caseworker acts on: runtime/escc/tables.hpp, StageDetails to Finding. Its
  // texts are pooled apart, so that a program that never names `details` carries none.
  TextPool detail_texts("detail_texts");
  CaseworkerTables caseworker(model, detail_texts);
  auto listed = [](const std::vector<model::Contact>& list) {
    std::vector<analysis::StageContact> entries;
    for (const auto& c : list) entries.push_back({&c, c.of});
    return entries;
  };
  Rows stage_details("stage_details");
  for (const auto& stage : model.stages) {
    stage_details.add(caseworker.stage_details(stage, stage_duty_words(model, stage)));
  }
  Rows contact_details("contact_details");
  for (const auto& row : contacts) contact_details.add(caseworker.contact_details(*row.contact));
  std::string immediate_risk;
  if (model.immediate_risk) {
    const auto& rule = *model.immediate_risk;
    std::string timeframe;
    for (const auto& t : rule.timeframes) timeframe += (timeframe.empty() ? "" : "; ") + t.describe();
    auto rule_contacts = contact_list(listed(rule.contacts));
    auto duties = caseworker.own_duties(rule.duties);
    auto quoted = caseworker.quotes(rule);
    immediate_risk = fmt::format(
        "inline constexpr escc::tables::ImmediateRisk immediate_risk{{{}, {}, {}, {}, {}, {}, {}}};\n",
        literal(timeframe), optional_literal(rule.through), literal(rule.actor_words()),
        detail_texts.list(views(rule.parties)), rule_contacts, duties, quoted);
  }
  Rows form_sections("form_sections");
  Rows forms("forms");
  for (const auto& form : model.forms) {
    auto first = form_sections.size();
    for (const auto& section : form.sections) {
      form_sections.add(
          fmt::format("{{{}, {}}}", literal(section.title.value), detail_texts.list(views(section.fields))));
    }
    auto sections = form_sections.list_from(first);
    auto send_to = contact_list(listed(form.send_to));
    auto quoted = caseworker.quotes(form);
    forms.add(fmt::format("{{{}, {}, {}, {}, {}, {}, {}, {}}}", literal(form.name), literal(form.title.value),
                          form.required_from.value_or(0), send_to, sections, detail_texts.list(views(form.fields)),
                          detail_texts.list(views(form.columns)), quoted));
  }
  Rows approvals("approvals");
  Rows partnerships("partnerships");
  std::string protocol_quotes = "{}";
  if (model.protocol) {
    for (const auto& a : model.protocol->approvals) {
      approvals.add(fmt::format("{{{}, {}}}", detail_texts.list(views(a.names)), document_date(a.date)));
    }
    for (const auto& p : model.protocol->partnerships) {
      partnerships.add(fmt::format("{{{}, {}}}", literal(p.name.value), literal(p.short_name.value_or(""))));
    }
    protocol_quotes = caseworker.quotes(*model.protocol);
  }
  std::string protocol_duties = "{}";
  if (model.protocol) {
    std::vector<std::string> rows;
    for (const auto& duty : model.protocol->duties) {
      auto holds = analysis::where_duty_holds(duty);
      rows.push_back(caseworker.duty_row(duty, analysis::duty_words(duty, model) + fmt::format(" ({})", holds), holds));
    }
    protocol_duties = caseworker.duties(rows);
  }
  auto authors = detail_texts.list(model.protocol ? views(model.protocol->authors) : std::vector<std::string_view>{});
  Rows finding_rows("findings");
  StageOfPlace stage_of(model);
  for (const auto& finding : findings) {
    if (!finding.counts()) continue;
    finding_rows.add(fmt::format("{{{}, {}, {}, {}}}", literal(code_info(finding.code).id), severity(finding.severity),
                                 literal(finding.message), index_or_none(stage_of(finding.span))));
  }

  auto list_of = [](std::string_view array, std::size_t count) {
    return count == 0 ? std::string("{}") : fmt::format("{{data::{}, {}}}", array, count);
  };
  auto array_of = [](std::string_view type, std::string_view array, const std::string& rows) {
    if (rows.empty()) return std::string();
    return fmt::format("inline constexpr escc::tables::{} {}[] = {{\n{}}};\n", type, array, rows);
  };

  // Stands for the hash while the text it is the hash of is written.
  const std::string hash_placeholder = "@escc-hash@";
  std::string out;
  out += "// Generated by escc from a protocol file. Do not edit: change the protocol and run\n";
  out += "// `escc build --emit cpp` again. Use it with the runtime in escc/runtime.hpp.\n";
  const auto guard_at = out.size();
  out += "\n";
  out += tables_header;
  out += fmt::format("\nnamespace {} {{\n\nusing namespace std::string_view_literals;\n\n", space);
  out += fmt::format("enum class Stage : {} {{\n", smallest_type_for(stage_names.names().size()));
  for (std::size_t i = 0; i < stage_names.names().size(); ++i) {
    out += fmt::format("  {} = {},\n", stage_names.names()[i], i);
  }
  out += "};\n\n";
  out += "enum class Event : std::uint8_t { resolved, unresolved, no_response };\n\n";
  out += "constexpr escc::tables::Outcome outcome_of(Event event) { return static_cast<escc::tables::Outcome>(event); }\n\n";
  out += fmt::format("enum class Agency : {} {{\n", smallest_type_for(agency_names.names().size()));
  for (std::size_t i = 0; i < agency_names.names().size(); ++i) {
    out += fmt::format("  {} = {},\n", agency_names.names()[i], i);
  }
  out += "};\n\n";
  out += protocol_type(space);
  out += "namespace data {\n\n";
  std::string text_rows;
  for (const auto& text : pool.texts()) text_rows += "    " + literal(text) + ",\n";
  if (!text_rows.empty()) out += fmt::format("inline constexpr std::string_view texts[] = {{\n{}}};\n", text_rows);
  std::string minute_rows;
  std::size_t minute_count = 0;
  std::string availability_rows;
  for (const auto& entry : availabilities.entries()) {
    std::string days;
    for (int day = 0; day < analysis::day_kinds; ++day) {
      auto ranges = entry.when.ranges(day);
      for (const auto& r : ranges) minute_rows += fmt::format("    {{{}, {}}},\n", r.from, r.to);
      days += (day == 0 ? "" : ", ") + (ranges.empty() ? std::string("{}")
                                                      : fmt::format("{{data::minutes + {}, {}}}", minute_count,
                                                                    ranges.size()));
      minute_count += ranges.size();
    }
    availability_rows += fmt::format("    {{{{{days}}}, {stated}, {words}}},\n", fmt::arg("days", days),
                                     fmt::arg("stated", bool_text(entry.stated)), fmt::arg("words", literal(entry.words)));
  }
  out += array_of("Minutes", "minutes", minute_rows);
  out += array_of("Availability", "availabilities", availability_rows);
  if (!stage_contact_rows.empty()) {
    out += fmt::format("inline constexpr escc::tables::Index stage_contacts[] = {{\n{}}};\n", stage_contact_rows);
  }
  out += array_of("Date", "bank_holidays", holiday_rows);
  out += array_of("Stage", "stages", stage_rows);
  out += array_of("Transition", "transitions", transition_rows);
  out += array_of("Agency", "agencies", agency_rows);
  out += array_of("Contact", "contacts", contact_rows);
  out += detail_texts.array();
  out += caseworker.arrays();
  out += stage_details.array("StageDetails");
  out += contact_details.array("ContactDetails");
  out += immediate_risk;
  out += form_sections.array("FormSection");
  out += forms.array("Form");
  out += approvals.array("Approval");
  out += partnerships.array("Partnership");
  out += finding_rows.array("Finding");
  out += "\n}  // namespace data\n\n";
  auto transition_count = static_cast<std::size_t>(std::count(transition_rows.begin(), transition_rows.end(), '\n'));
  out += fmt::format(
      "inline constexpr Protocol protocol{{{{\n    {title},\n    {calendar},\n    0x{weekdays:02X},\n"
      "    {from_year},\n    {to_year},\n    {bank_holidays},\n    {stages},\n    {start},\n    {transitions},\n"
      "    {agencies},\n    {contacts},\n    {availabilities},\n    {overall},\n    {hash}}}}};\n\n"
      "inline const escc::tables::Protocol& Protocol::tables() {{ return protocol; }}\n\n",
      fmt::arg("title", literal(model.protocol ? model.protocol->title.value : "")),
      fmt::arg("calendar", literal(calendar_name)), fmt::arg("weekdays", working_weekdays),
      fmt::arg("from_year", from_year), fmt::arg("to_year", to_year),
      fmt::arg("bank_holidays", list_of("bank_holidays", holiday_count)),
      fmt::arg("stages", list_of("stages", model.stages.size())),
      fmt::arg("start", flow.start.valid() ? std::to_string(flow.start.index) : "escc::tables::none"),
      fmt::arg("transitions", list_of("transitions", transition_count)),
      fmt::arg("agencies", list_of("agencies", model.agencies.size())),
      fmt::arg("contacts", list_of("contacts", contacts.size())),
      fmt::arg("availabilities", list_of("availabilities", availabilities.entries().size())),
      fmt::arg("overall", working_days(analyses.overall)), fmt::arg("hash", hash_placeholder));
  const auto* declared = model.protocol ? &*model.protocol : nullptr;
  out += fmt::format(
      "// What a caseworker acts on (escc::tables::ProtocolDetails).\n"
      "inline constexpr escc::tables::ProtocolDetails details{{\n"
      "    {stages},\n    {contacts},\n    {immediate_risk},\n    {forms},\n    {version},\n"
      "    {status},\n    {dated},\n    {approvals},\n    {last_reviewed},\n    {review_due},\n"
      "    {review_every_months},\n    {publisher},\n    {partnerships},\n    {authors},\n    {quotes},\n"
      "    {findings},\n    {duties}}};\n\n",
      fmt::arg("stages", stage_details.list_from(0)), fmt::arg("contacts", contact_details.list_from(0)),
      fmt::arg("immediate_risk", immediate_risk.empty() ? "nullptr" : "&data::immediate_risk"),
      fmt::arg("forms", forms.list_from(0)),
      fmt::arg("version", literal(declared && declared->version ? declared->version->value : "")),
      fmt::arg("status", fmt::format("escc::tables::Status::{}",
                                     declared && declared->status ? model::status_name(declared->status->value)
                                                                  : "unstated")),
      fmt::arg("dated", document_date(declared ? declared->dated : std::nullopt)),
      fmt::arg("approvals", approvals.list_from(0)),
      fmt::arg("last_reviewed", document_date(declared ? declared->last_reviewed : std::nullopt)),
      fmt::arg("review_due", document_date(declared ? declared->review_due : std::nullopt)),
      fmt::arg("review_every_months",
               declared && declared->review_every_months ? declared->review_every_months->value : 0),
      fmt::arg("publisher", literal(declared ? declared->partnership_names() : "")),
      fmt::arg("partnerships", partnerships.list_from(0)),
      fmt::arg("authors", authors),
      fmt::arg("quotes", protocol_quotes), fmt::arg("findings", finding_rows.list_from(0)),
      fmt::arg("duties", protocol_duties));
  out += fmt::format("}}  // namespace {}\n\n", space);
  // The hash is of the protocol's tables as written above, with the hash itself left out.
  auto body_from = out.find(fmt::format("\nnamespace {} {{", space));
  auto hash = hex(sha256(std::string_view(out).substr(body_from)));
  for (auto at = out.find(hash_placeholder); at != std::string::npos; at = out.find(hash_placeholder)) {
    out.replace(at, hash_placeholder.size(), literal(hash));
  }
  out += version_marker(space, hash);
  out += fmt::format("#endif  // ESCC_PROTOCOL_{}\n", space);
  out.insert(guard_at, version_guard(space, hash));
  return out;
}

}  // namespace esc::backends
