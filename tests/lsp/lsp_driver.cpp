// Plays a script of messages to `escc lsp` and prints what it answers, for the recorded
// exchanges in tests/lsp/*.script (compared with their .golden byte for byte).
//
// Each line of a script is a JSON object, one of:
//   {"open": "file.esc"}                       didOpen with the file's text
//   {"edit": "file.esc", "replace": ["a","b"]} didChange: the text with its first "a" made "b"
//   {"wait": "textDocument/publishDiagnostics"} read until the server sends it
//   {"raw": "text"}                            sent as it is, with a correct header
//   {"bytes": "text"}                          sent as it is, header and all
//   any other object                           a message, sent; a request waits for its reply
// "ROOT" in a script is the folder of the script, and is written back as ROOT.
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

using json = nlohmann::json;

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

class Child {
 public:
  Child(const std::string& escc) {
    int to_child[2], from_child[2];
    if (::pipe(to_child) != 0 || ::pipe(from_child) != 0) throw std::runtime_error("no pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(to_child[0], 0);
      ::dup2(from_child[1], 1);
      ::close(to_child[1]);
      ::close(from_child[0]);
      ::execl(escc.c_str(), escc.c_str(), "lsp", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    in_ = to_child[1];
    out_ = from_child[0];
  }
  void write_bytes(const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      auto put = ::write(in_, bytes.data() + done, bytes.size() - done);
      if (put <= 0) return;
      done += static_cast<std::size_t>(put);
    }
  }
  void send(const std::string& body) { write_bytes("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body); }
  // The next message, or null at the end of the output.
  json next() {
    while (true) {
      auto header_end = buffer_.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        auto length = std::stoul(buffer_.substr(buffer_.find(':') + 1, header_end));
        if (buffer_.size() >= header_end + 4 + length) {
          auto body = buffer_.substr(header_end + 4, length);
          buffer_.erase(0, header_end + 4 + length);
          return json::parse(body);
        }
      }
      char chunk[65536];
      auto got = ::read(out_, chunk, sizeof chunk);
      if (got <= 0) return nullptr;
      buffer_.append(chunk, static_cast<std::size_t>(got));
    }
  }
  int finish() {
    ::close(in_);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  }

 private:
  pid_t pid_ = 0;
  int in_ = -1, out_ = -1;
  std::string buffer_;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: lsp_driver ESCC SCRIPT\n";
    return 2;
  }
  std::string script_path = argv[2];
  auto root = script_path.substr(0, script_path.rfind('/'));
  if (root.front() != '/') root = std::string(::getcwd(nullptr, 0)) + "/" + root;
  Child server(argv[1]);
  std::map<std::string, std::string> texts;
  std::map<std::string, int> versions;
  auto show = [&](const json& message) {
    std::cout << replace_all(message.dump(2), root, "ROOT") << "\n";
  };
  auto read_until = [&](auto done) {
    while (true) {
      auto message = server.next();
      if (message.is_null()) {
        std::cout << "(the server closed its output)\n";
        return;
      }
      show(message);
      if (done(message)) return;
    }
  };
  std::ifstream script(script_path);
  std::string line;
  while (std::getline(script, line)) {
    if (line.empty() || line.front() == '#') continue;
    auto step = json::parse(replace_all(line, "ROOT", root));
    std::cout << ">> " << replace_all(line, root, "ROOT") << "\n";
    if (step.contains("open")) {
      auto name = step["open"].get<std::string>();
      texts[name] = read_file(root + "/" + name);
      server.send(json{{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
                       {"params", {{"textDocument", {{"uri", "file://" + root + "/" + name}, {"languageId", "esc"},
                                                     {"version", ++versions[name]}, {"text", texts[name]}}}}}}
                      .dump());
    } else if (step.contains("edit")) {
      auto name = step["edit"].get<std::string>();
      auto& text = texts[name];
      auto from = step["replace"][0].get<std::string>();
      text.replace(text.find(from), from.size(), step["replace"][1].get<std::string>());
      server.send(json{{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"},
                       {"params", {{"textDocument", {{"uri", "file://" + root + "/" + name}, {"version", ++versions[name]}}},
                                   {"contentChanges", json::array({{{"text", text}}})}}}}
                      .dump());
    } else if (step.contains("wait")) {
      auto method = step["wait"].get<std::string>();
      read_until([&](const json& message) { return message.value("method", "") == method; });
    } else if (step.contains("raw")) {
      server.send(step["raw"].get<std::string>());
      read_until([](const json& message) { return message.contains("error"); });
    } else if (step.contains("bytes")) {
      server.write_bytes(step["bytes"].get<std::string>());
      read_until([](const json& message) { return message.contains("error"); });
    } else {
      server.send(step.dump());
      if (step.contains("id")) {
        auto id = step["id"];
        read_until([&](const json& message) { return message.contains("id") && message["id"] == id && !message.contains("method"); });
      }
    }
  }
  int status = server.finish();
  while (true) {
    auto message = server.next();
    if (message.is_null()) break;
    show(message);
  }
  std::cout << "exit status " << status << "\n";
  return 0;
}
