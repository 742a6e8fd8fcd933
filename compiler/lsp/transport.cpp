#include "compiler/lsp/transport.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstddef>

namespace esc::lsp {
namespace {

// No editor sends a document this large; a header that claims more is a broken client,
// and believing it would hold the server waiting for bytes that never come.
constexpr std::size_t largest_message = std::size_t{512} << 20;

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// The body's length from a header block, or nothing when it gives none that can be read.
std::optional<std::size_t> content_length(std::string_view header) {
  while (!header.empty()) {
    auto end = header.find("\r\n");
    auto line = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 2);
    auto colon = line.find(':');
    if (colon == std::string_view::npos || !equals_ignoring_case(line.substr(0, colon), "content-length")) continue;
    auto value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    std::size_t length = 0;
    auto [rest, error] = std::from_chars(value.data(), value.data() + value.size(), length);
    if (error != std::errc{} || rest != value.data() + value.size() || length > largest_message) return std::nullopt;
    return length;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Incoming> Transport::take_buffered() {
  auto header_end = buffer_.find("\r\n\r\n");
  if (header_end == std::string::npos) return std::nullopt;
  auto length = content_length(std::string_view(buffer_).substr(0, header_end));
  if (!length) {
    // Without a length the message's end cannot be found: the header is dropped, and
    // whatever follows is read as the next message.
    buffer_.erase(0, header_end + 4);
    return Incoming{Incoming::Kind::bad_header, {}};
  }
  if (buffer_.size() - header_end - 4 < *length) return std::nullopt;
  Incoming message{Incoming::Kind::message, buffer_.substr(header_end + 4, *length)};
  buffer_.erase(0, header_end + 4 + *length);
  return message;
}

bool Transport::read_more(int wait_ms) {
  pollfd waiting{input_, POLLIN, 0};
  int ready = ::poll(&waiting, 1, wait_ms);
  if (ready < 0 && errno == EINTR) return false;
  if (ready == 0) return false;
  char chunk[65536];
  auto got = ::read(input_, chunk, sizeof chunk);
  if (got < 0 && (errno == EINTR || errno == EAGAIN)) return false;
  if (got <= 0) {
    closed_ = true;
    return false;
  }
  buffer_.append(chunk, static_cast<std::size_t>(got));
  return true;
}

bool Transport::message_waiting() {
  while (true) {
    auto header_end = buffer_.find("\r\n\r\n");
    if (header_end != std::string::npos) {
      auto length = content_length(std::string_view(buffer_).substr(0, header_end));
      if (!length || buffer_.size() - header_end - 4 >= *length) return true;
    }
    // The end of input is news too: the server stops on it.
    if (closed_) return true;
    if (!read_more(0)) return closed_;
  }
}

std::optional<Incoming> Transport::next(int wait_ms) {
  while (true) {
    if (auto message = take_buffered()) return message;
    if (closed_) return Incoming{Incoming::Kind::eof, {}};
    if (!read_more(wait_ms) && !closed_ && wait_ms >= 0) return std::nullopt;
  }
}

void Transport::send(const std::string& body) {
  std::string message = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::size_t written = 0;
  while (written < message.size()) {
    auto put = ::write(output_, message.data() + written, message.size() - written);
    if (put < 0 && errno == EINTR) continue;
    // An editor that has gone cannot be told anything more; reading its end then ends the server.
    if (put <= 0) return;
    written += static_cast<std::size_t>(put);
  }
}

}  // namespace esc::lsp
