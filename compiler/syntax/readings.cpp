#include "compiler/syntax/readings.hpp"

#include <unordered_map>

namespace esc {
namespace {

using ast::Keyword;

bool describes(const ast::Statement& statement) { return grammar::row_of(statement.keyword).describes_statement_above; }

// In file order, depth first: the order ambiguities_of gives. Blocks nest only a few
// deep (the parser refuses an ambiguity within a reading), so recursion is bounded.
template <typename Visit>
void for_each_ambiguity(const std::vector<ast::Statement>& statements, Visit& visit) {
  for (const auto& statement : statements) {
    if (statement.keyword == Keyword::ambiguous) visit(statement);
    for_each_ambiguity(statement.body, visit);
  }
}

class Chooser {
 public:
  Chooser(const std::vector<const ast::Statement*>& ambiguities, const std::vector<std::uint32_t>& choice) {
    for (std::size_t i = 0; i < ambiguities.size(); ++i) chosen_[ambiguities[i]] = choice.at(i);
  }

  // `statements` with every ambiguity among them, however deep, read as chosen.
  std::vector<ast::Statement> read(const std::vector<ast::Statement>& statements) const {
    std::vector<ast::Statement> out;
    out.reserve(statements.size());
    for (const auto& statement : statements) {
      if (statement.keyword != Keyword::ambiguous) {
        auto& copy = out.emplace_back();
        copy.keyword = statement.keyword;
        copy.span = statement.span;
        copy.has_block = statement.has_block;
        copy.values = statement.values;
        copy.body = read(statement.body);
        continue;
      }
      const auto* reading = chosen_reading(statement);
      if (reading == nullptr) continue;
      for (auto& said : read(reading->body)) {
        if (!describes(said)) out.push_back(std::move(said));
      }
    }
    return out;
  }

 private:
  const ast::Statement* chosen_reading(const ast::Statement& ambiguity) const {
    auto wanted = chosen_.at(&ambiguity);
    std::uint32_t index = 0;
    for (const auto& child : ambiguity.body) {
      if (child.keyword != Keyword::reading) continue;
      if (index++ == wanted) return &child;
    }
    return nullptr;
  }

  std::unordered_map<const ast::Statement*, std::uint32_t> chosen_;
};

}  // namespace

std::vector<const ast::Statement*> ambiguities_of(const Program& program) {
  std::vector<const ast::Statement*> found;
  auto visit = [&](const ast::Statement& ambiguity) { found.push_back(&ambiguity); };
  for (const auto& unit : program.units) for_each_ambiguity(unit.syntax.statements, visit);
  return found;
}

std::size_t readings_of(const ast::Statement& ambiguity) {
  std::size_t count = 0;
  for (const auto& child : ambiguity.body) count += child.keyword == Keyword::reading;
  return count;
}

Program with_readings(const Program& program, const std::vector<std::uint32_t>& choice) {
  Chooser chooser(ambiguities_of(program), choice);
  Program out;
  out.main_readable = program.main_readable;
  out.import_unreadable = program.import_unreadable;
  out.document = program.document;
  out.regional_document = program.regional_document;
  for (const auto& unit : program.units) {
    auto& copy = out.units.emplace_back();
    copy.file = unit.file;
    copy.is_main = unit.is_main;
    copy.is_stdlib = unit.is_stdlib;
    copy.is_regional = unit.is_regional;
    copy.syntax.file = unit.syntax.file;
    copy.syntax.statements = chooser.read(unit.syntax.statements);
  }
  return out;
}

}  // namespace esc
