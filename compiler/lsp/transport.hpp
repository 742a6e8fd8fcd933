// The base protocol of the Language Server Protocol: messages of JSON, each after a
// header that gives its length ("Content-Length: 123\r\n\r\n"), over a pair of file
// descriptors (standard input and output when an editor starts `escc lsp`).
#pragma once

#include <optional>
#include <string>

namespace esc::lsp {

struct Incoming {
  enum class Kind { message, eof, bad_header };
  Kind kind = Kind::message;
  std::string body;  // the message's JSON text, not yet parsed
};

class Transport {
 public:
  Transport(int input, int output) : input_(input), output_(output) {}

  // The next message. With `wait_ms` at 0 or more, gives nothing when no whole message
  // arrives within that time; with -1, waits for one. An editor that dies, or closes its
  // end, is `eof`: the server then stops.
  std::optional<Incoming> next(int wait_ms);
  // Whether a whole message is already waiting, without waiting for one.
  bool message_waiting();
  void send(const std::string& body);

 private:
  std::optional<Incoming> take_buffered();
  bool read_more(int wait_ms);  // false on timeout; sets closed_ at end of input

  int input_;
  int output_;
  std::string buffer_;
  bool closed_ = false;
};

}  // namespace esc::lsp
