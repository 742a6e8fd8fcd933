#include "compiler/syntax/ast.hpp"

#include <array>

namespace esc::ast {

const Value* Statement::find(Tag tag) const {
  for (const auto& value : values) {
    if (value.tag == tag) return &value;
  }
  return nullptr;
}

std::string_view keyword_name(Keyword keyword) { return grammar::row_of(keyword).name; }

std::string_view tag_name(Tag tag) {
  static constexpr std::array names = {
#define X(name) std::string_view(#name),
      ESC_TAGS(X)
#undef X
  };
  return names.at(static_cast<std::size_t>(tag));
}

std::string_view unit_name(Unit unit) {
  switch (unit) {
    case Unit::none: return "";
    case Unit::working_days: return "working days";
    case Unit::calendar_days: return "calendar days";
    case Unit::hours: return "hours";
    case Unit::working_weeks: return "working weeks";
    case Unit::weeks: return "weeks";
    case Unit::days: return "days";
    case Unit::months: return "months";
    case Unit::years: return "years";
    case Unit::same_working_day: return "same working day";
    case Unit::immediately: return "immediately";
    case Unit::as_soon_as_possible: return "as soon as possible";
  }
  return "";
}

}  // namespace esc::ast
