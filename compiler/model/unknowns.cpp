#include "compiler/model/unknowns.hpp"

namespace esc::model {

std::string_view unknown_place_words(UnknownPlace place) {
  switch (place) {
    case UnknownPlace::protocol: return "the protocol block";
    case UnknownPlace::stage: return "a stage or route";
    case UnknownPlace::agency: return "an agency";
    case UnknownPlace::line: return "an agency's line";
  }
  return "";
}

std::optional<UnknownSubject> find_unknown_subject(std::string_view name) {
  for (const auto& row : unknown_table::rows) {
    if (row.name == name) return row.subject;
  }
  return std::nullopt;
}

}  // namespace esc::model
