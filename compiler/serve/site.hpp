// `escc serve`'s pages: every protocol below a folder, built in memory into its page
// (or, while it has errors, a page of its errors that links the last page built without
// them) and an index, rebuilt when a file they read changes. No HTTP here: the server
// (server.hpp) only looks pages up by name, so nothing on disk is ever served.
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/analysis/spelling.hpp"
#include "compiler/driver/check.hpp"

namespace esc::serve {

struct ServedProtocol {
  std::string path;                     // the protocol file, as found below the folder
  std::string title;                    // for the index
  std::vector<std::string> facts;       // partnership, status, review date
  std::vector<std::string> standing;    // the page's standing in brief
  std::optional<std::string> good_page; // the last page built without errors, as served
  std::optional<std::string> errors;    // the latest build's errors, when it had any
  std::set<std::string> inputs;         // every file the latest build read, as full paths
};

class Site {
 public:
  Site(std::string folder, CheckOptions options);

  // Finds the protocols below the folder again and rebuilds each that is new or read one
  // of `changed` (full paths); with `changed` empty, every one. Pages being viewed are
  // told through wait_for_change().
  void rebuild(const std::set<std::string>& changed);

  // The page served as `name` ("index.html", "barnet.html", "barnet.last-good.html"),
  // when there is one.
  std::optional<std::string> page(const std::string& name) const;

  // The protocol file, as a full path, that the page `name` is built from: nothing for
  // the index and for a name that is no protocol's page. Every request is answered from
  // this file or from none.
  std::optional<std::string> protocol_file(const std::string& name) const;

  // The folders whose changes can change a page: the folder and those below it, and the
  // folders of files that protocols use from elsewhere.
  std::vector<std::string> watched_folders() const;

  // Protocols found below the folder that resolve to a file outside it (through a link),
  // which are not served.
  std::vector<std::string> refused_links() const;

  // Blocks until the pages differ from `seen`'s build, `timeout` passes or stop() is
  // called; returns the build now served.
  unsigned wait_for_change(unsigned seen, std::chrono::milliseconds timeout) const;
  void stop();
  bool stopped() const;

 private:
  std::string folder_;
  std::string full_folder_;
  // Loaded once for every build, not once a save: loading it is most of a small build.
  analysis::Dictionary dictionary_;
  CheckOptions options_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::map<std::string, ServedProtocol> protocols_;  // by stem
  std::vector<std::string> refused_links_;
  unsigned generation_ = 0;
  bool stopping_ = false;

  ServedProtocol build_one(const std::string& path, const ServedProtocol* before) const;
  // The protocol whose page (or last good page, then `last_good` is set) `name` is; the
  // caller holds the mutex.
  const ServedProtocol* served_as(const std::string& name, bool& last_good) const;
  std::string index_page() const;
  // page(), without the number of the build; the caller holds mutex_.
  std::optional<std::string> page_of_this_build(const std::string& name) const;
};

// A built page as served: its Content-Security-Policy lets the live-update script run and
// reach the server, and that script is added, so the page follows every build.
std::string live_page(std::string html);

}  // namespace esc::serve
