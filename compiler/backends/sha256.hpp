// SHA-256 (FIPS 180-4), for the hashes a page's Content-Security-Policy gives its own
// scripts by, so that the browser runs those and nothing else.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace esc::backends {

std::array<std::uint8_t, 32> sha256(std::string_view bytes);

// "'sha256-...'", the hash in base64 as a CSP source expression.
std::string csp_hash(std::string_view script);

}  // namespace esc::backends
