// Whether a phone number can be dialled in the UK as written: the rule behind C004,
// and behind which numbers a directory page makes into links.
#pragma once

#include <string>
#include <string_view>

namespace esc::analysis {

// Why `written` is not a number anyone can dial, or "" when it is.
std::string phone_problem(std::string_view written);

}  // namespace esc::analysis
