#include "compiler/serve/server.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "compiler/serve/site.hpp"

namespace esc::serve {
namespace {

// Watches the site's folders and rebuilds when a file in one changes; stops the server on
// SIGINT or SIGTERM, or when `wake` is written.
class Watcher {
 public:
  Watcher(Site& site, httplib::Server& server, int wake, int signals,
          const std::function<void(const std::string&)>& say)
      : site_(site), server_(server), wake_(wake), signals_(signals), say_(say),
        inotify_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
  ~Watcher() {
    if (inotify_ >= 0) ::close(inotify_);
  }

  void run() {
    watch_folders();
    while (!site_.stopped()) {
      std::set<std::string> changed;
      if (!wait(-1, changed)) break;
      // An editor's save is several events (write, rename, attributes): gather them
      // until the folder has been quiet briefly, then build once; a folder that is never
      // quiet (a log written in it) is built at least every quarter second.
      auto first = std::chrono::steady_clock::now();
      while (!changed.empty() && std::chrono::steady_clock::now() - first < std::chrono::milliseconds(250) &&
             wait(20, changed)) {
      }
      if (site_.stopped()) break;
      if (changed.empty()) continue;
      auto started = std::chrono::steady_clock::now();
      site_.rebuild(changed);
      auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
      say_(fmt::format("rebuilt after a change to {} in {} ms", *changed.begin(), took.count()));
      watch_folders();
    }
    site_.stop();
    server_.stop();
  }

 private:
  Site& site_;
  httplib::Server& server_;
  int wake_;
  int signals_;
  const std::function<void(const std::string&)>& say_;
  int inotify_;
  std::map<int, std::string> folders_;  // by watch

  void watch_folders() {
    if (inotify_ < 0) return;
    for (const auto& folder : site_.watched_folders()) {
      int watch = inotify_add_watch(inotify_, folder.c_str(),
                                    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE);
      if (watch >= 0) folders_[watch] = folder;
    }
  }

  // Waits up to `timeout_ms` (-1: for ever) for changes, adding the files changed.
  // False when it is time to stop, or, with a timeout, when nothing changed.
  bool wait(int timeout_ms, std::set<std::string>& changed) {
    pollfd fds[] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}, {signals_, POLLIN, 0}};
    int ready = ::poll(fds, 3, timeout_ms);
    if (ready < 0) return errno == EINTR;
    if (fds[1].revents != 0 || fds[2].revents != 0) {
      site_.stop();
      return false;
    }
    if (ready == 0 || fds[0].revents == 0) return false;
    alignas(inotify_event) char buffer[16 * 1024];
    for (;;) {
      auto got = ::read(inotify_, buffer, sizeof buffer);
      if (got <= 0) break;
      for (char* at = buffer; at < buffer + got;) {
        const auto* event = reinterpret_cast<const inotify_event*>(at);
        auto folder = folders_.find(event->wd);
        if (folder != folders_.end() && event->len > 0) changed.insert(folder->second + "/" + event->name);
        at += sizeof(inotify_event) + event->len;
      }
    }
    return true;
  }
};

// Sends `page` as it is. httplib compresses a text body set whole when the browser
// accepts it, and compressing a page with Brotli took five times as long as rebuilding
// it; a page of a known length from a provider is sent uncompressed, on this computer's
// own connection, where compression saves nothing.
void send_page(httplib::Response& response, std::string page) {
  auto shared = std::make_shared<std::string>(std::move(page));
  response.set_content_provider(shared->size(), "text/html; charset=utf-8",
                                [shared](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                  return sink.write(shared->data() + offset, length);
                                });
}

// The build a page says it shows (`/events?since=N`); anything but a whole number is no answer.
std::optional<unsigned> build_number(const std::string& text) {
  unsigned number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return number;
}

}  // namespace

std::optional<std::string> refused_path(const std::string& path) {
  constexpr std::string_view only = "escc serve serves only the pages of the protocols in the folder it was given";
  if (path.empty() || path[0] != '/') return fmt::format("a path must start with '/'; {}", only);
  auto name = std::string_view(path).substr(1);
  if (name.find('/') != std::string_view::npos || name.find('\\') != std::string_view::npos) {
    return fmt::format("no folders can be named; {}", only);
  }
  if (name.find("..") != std::string_view::npos || (!name.empty() && name[0] == '.')) {
    return fmt::format("'..' and hidden names are refused; {}", only);
  }
  // The path arrives decoded once: a '%' left in it was encoded twice.
  if (name.find('%') != std::string_view::npos || name.find('\0') != std::string_view::npos) {
    return fmt::format("encoded names are refused; {}", only);
  }
  return std::nullopt;
}

std::string page_name(const std::string& path) { return path == "/" ? std::string("index.html") : path.substr(1); }

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

int serve(const ServeOptions& options, const std::function<void(const std::string&)>& say) {
  // Ctrl-C and SIGTERM are read by the watcher, which stops the server cleanly; every
  // thread started from here inherits the mask. A client gone mid-stream is a failed
  // write, not a signal.
  sigset_t stopping;
  sigemptyset(&stopping);
  sigaddset(&stopping, SIGINT);
  sigaddset(&stopping, SIGTERM);
  sigset_t before;
  pthread_sigmask(SIG_BLOCK, &stopping, &before);
  ::signal(SIGPIPE, SIG_IGN);
  int signals = signalfd(-1, &stopping, SFD_CLOEXEC);
  int wake = eventfd(0, EFD_CLOEXEC);
  auto restore = [&] {
    ::close(signals);
    ::close(wake);
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
  };

  Site site(options.folder, options.check);
  site.rebuild({});
  for (const auto& link : site.refused_links()) {
    say(fmt::format("not serving {}: it is a link to a file outside {}", link, options.folder));
  }

  httplib::Server server;
  server.Get("/events", [&](const httplib::Request& request, httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    // The page says which build it shows, so a build made while it was loading is not
    // missed; a client that does not say hears of the builds from now on.
    unsigned seen = site.wait_for_change(0, std::chrono::milliseconds(0));
    if (auto since = build_number(request.get_param_value("since"))) seen = *since;
    response.set_chunked_content_provider(
        "text/event-stream", [&site, seen](std::size_t, httplib::DataSink& sink) mutable {
          auto now = site.wait_for_change(seen, std::chrono::seconds(10));
          if (site.stopped()) {
            sink.done();
            return true;
          }
          // A comment line keeps the stream alive and finds clients that have gone.
          auto message = now == seen ? std::string(": waiting\n\n") : fmt::format("data: {}\n\n", now);
          seen = now;
          return sink.write(message.data(), message.size());
        });
  });
  server.Get(R"(/.*)", [&](const httplib::Request& request, httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Content-Type-Options", "nosniff");
    if (auto refusal = refused_path(request.path)) {
      response.status = 403;
      response.set_content(*refusal + "\n", "text/plain; charset=utf-8");
      return;
    }
    auto name = page_name(request.path);
    if (auto page = site.page(name)) {
      send_page(response, std::move(*page));
      return;
    }
    response.status = 404;
    response.set_content(fmt::format("There is no page {} in {}.\n", name, options.folder), "text/plain; charset=utf-8");
  });

  int port = options.port;
  if (port == 0) port = server.bind_to_any_port(options.host);
  else if (!server.bind_to_port(options.host, port)) port = -1;
  if (port < 0) {
    say(fmt::format("cannot listen on {} port {}: the port may be in use; try --port", options.host, options.port));
    restore();
    return 2;
  }
  Watcher watcher(site, server, wake, signals, say);
  std::thread watching([&] { watcher.run(); });
  say(fmt::format("serving {} at http://{}:{}/ (Ctrl-C stops)", options.folder,
                  options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host,
                  port));
  server.listen_after_bind();
  std::uint64_t one = 1;
  (void)::write(wake, &one, sizeof one);
  site.stop();
  watching.join();
  restore();
  say("stopped");
  return 0;
}

}  // namespace esc::serve
