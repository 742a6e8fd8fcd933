#include "compiler/findings/explain.hpp"

#include "compiler/source/embedded.hpp"

namespace esc {

std::optional<std::string_view> explanation(std::string_view code) {
  for (const auto& page : explanation_pages()) {
    if (page.path.size() == code.size() + 3 && page.path.substr(0, code.size()) == code) return page.text;
  }
  return std::nullopt;
}

}  // namespace esc
