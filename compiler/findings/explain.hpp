// The long explanation of each diagnostic code (docs/diagnostics/CODE.md, compiled in).
#pragma once

#include <optional>
#include <string_view>

namespace esc {

std::optional<std::string_view> explanation(std::string_view code);

}  // namespace esc
