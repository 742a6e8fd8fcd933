// The abbreviations a protocol defines, with the names they stand for: a partnership's
// `as ESP`, and each `term "X" means "..."` whose term is written in capitals.
#pragma once

#include <string_view>
#include <vector>

#include "compiler/model/model.hpp"

namespace esc::checks {

struct Abbreviation {
  std::string_view letters;  // "HSCP"
  std::string_view name;     // "Herefordshire Safeguarding Children Partnership"
  Span span;                 // where the abbreviation is given
  Span name_span;
};

// Terms with at least two capitals and no lower-case letter but a plural 's'
// ("SPG", "LSCPs"); other terms ("counterpart") define words, not abbreviations.
std::vector<Abbreviation> abbreviations_of(const model::Model& model);

// "the Herefordshire  Safeguarding Children Partnership" and "Herefordshire
// safeguarding children partnership" name one body: letter case, spacing and a leading
// "the" aside.
std::string same_name_key(std::string_view name);

}  // namespace esc::checks
