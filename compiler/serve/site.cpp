#include "compiler/serve/site.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "compiler/backends/html.hpp"
#include "compiler/backends/markup.hpp"
#include "compiler/backends/sha256.hpp"
#include "compiler/driver/build.hpp"
#include "compiler/findings/render.hpp"
#include "compiler/source/inputs.hpp"
#include "compiler/source/source.hpp"

namespace esc::serve {
namespace {

namespace fs = std::filesystem;

// Keeps a build's files in memory: `escc serve` writes nothing to the folder it serves.
class MemoryWriter final : public OutputWriter {
 public:
  std::optional<std::string> write(const std::string& path, const std::string& bytes) override {
    std::lock_guard lock(mutex_);
    files_[path] = bytes;
    return std::nullopt;
  }
  std::optional<std::string> file(const std::string& path) const {
    std::lock_guard lock(mutex_);
    auto found = files_.find(path);
    if (found == files_.end()) return std::nullopt;
    return found->second;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> files_;
};

std::string full_path(const std::string& path) {
  std::error_code error;
  auto full = fs::weakly_canonical(fs::absolute(path, error), error);
  return error ? fs::path(path).lexically_normal().string() : full.string();
}

// Follows the server's builds and swaps in the page's <main> when one changes it,
// keeping the reader's place; a protocol deleted meanwhile says so instead. The page's
// compiled data goes in with its content, and the page's own script is told to start
// again on both. A page first opened on errors has no script of its own to start (its
// policy allows none), so when the protocol is fixed it is loaded once, whole.
constexpr std::string_view live_script = R"(
(() => {
  // Told the build the page was served from, the server reports a build that came after
  // it even before the stream was open.
  const events = new EventSource('/events?since=' + (document.documentElement.dataset.esccBuild || ''));
  events.onmessage = async (message) => {
    let text;
    try {
      const response = await fetch(location.pathname, { cache: 'no-store' });
      text = response.ok ? await response.text() : null;
    } catch (error) {
      return;
    }
    const main = document.querySelector('main');
    if (!main) return;
    const x = window.scrollX;
    const y = window.scrollY;
    if (text === null) {
      main.replaceChildren();
      const gone = document.createElement('p');
      gone.textContent = 'This protocol is no longer in the folder being served.';
      main.append(gone);
    } else {
      const next = new DOMParser().parseFromString(text, 'text/html');
      const fresh = next.querySelector('main');
      if (!fresh) return;
      const data = document.getElementById('escc-data');
      const freshData = next.getElementById('escc-data');
      if (freshData && !data) {
        location.reload();
        return;
      }
      if (freshData) data.replaceWith(document.adoptNode(freshData));
      main.replaceWith(document.adoptNode(fresh));
      document.title = next.title;
    }
    document.dispatchEvent(new Event('page-content-replaced'));
    document.documentElement.dataset.esccBuild = message.data;
    window.scrollTo(x, y);
  };
})();
)";

constexpr std::string_view serve_style =
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}"
    "pre{white-space:pre-wrap;background:#f4f4f4;padding:.5rem;border-left:4px solid #b00020}"
    ".escc-finding pre{border-left-color:#8a5a00}a{color:#0b57a4}";

// A page of escc serve's own: the protocol's errors, or a protocol that was never built.
std::string plain_page(std::string_view title, const std::string& body) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'none'; base-uri 'none'; form-action 'none'\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n</header>\n<main>\n{}</main>\n"
      "<footer>\n<p>Shown by escc serve.</p>\n</footer>\n</body>\n</html>\n",
      backends::markup_text(title), serve_style, backends::markup_text(title), body);
}

// Each finding with the lines of the protocol it concerns, as `escc check` shows them.
std::string findings_section(const std::vector<std::string>& findings, std::string_view heading) {
  if (findings.empty()) return {};
  std::string html = fmt::format("<section class=\"escc-findings\" aria-label=\"{0}\">\n<h2>{0}</h2>\n",
                                 backends::markup_text(heading));
  for (const auto& finding : findings) {
    html += fmt::format("<div class=\"escc-finding\"><pre>{}</pre></div>\n", backends::markup_text(finding));
  }
  return html + "</section>\n";
}

}  // namespace

std::string live_page(std::string html) {
  auto hash = backends::csp_hash(live_script);
  auto policy = html.find("script-src ");
  if (policy != std::string::npos) {
    auto start = policy + std::string_view("script-src ").size();
    auto end = html.find_first_of(";\"", start);
    auto sources = html.substr(start, end - start);
    auto allowed = sources == "'none'" ? hash : sources + " " + hash;
    html.replace(policy, end - policy, "connect-src 'self'; script-src " + allowed);
  }
  auto body_end = html.rfind("</body>");
  if (body_end != std::string::npos) html.insert(body_end, fmt::format("<script>{}</script>\n", live_script));
  return html;
}

Site::Site(std::string folder, CheckOptions options)
    : folder_(std::move(folder)), full_folder_(full_path(folder_)), options_(std::move(options)) {
  options_.dictionary = &dictionary_;
}

ServedProtocol Site::build_one(const std::string& path, const ServedProtocol* before) const {
  ServedProtocol served;
  served.path = path;
  auto stem = fs::path(path).stem().string();
  served.title = stem;
  if (before != nullptr) {
    served.good_page = before->good_page;
    served.title = before->title;
    served.facts = before->facts;
    served.standing = before->standing;
  }
  DiskFileReader reader;
  MemoryWriter writer;
  SourceManager sources;
  DiagnosticSink sink;
  BuildOptions build;
  build.check = options_;
  build.emit = {"html"};
  auto run = build_files({path}, reader, writer, sources, sink, build);
  served.inputs.insert(full_path(path));
  for (const auto& file : run.checked.files) {
    for (const auto& unit : file.program.units) {
      if (!unit.is_stdlib) served.inputs.insert(full_path(sources.file(unit.file).path()));
    }
    if (file.program.document) served.inputs.insert(full_path(sources.file(file.program.document->file).path()));
    if (file.program.regional_document) {
      served.inputs.insert(full_path(sources.file(file.program.regional_document->file).path()));
    }
  }
  HumanStyle plain{false};
  std::vector<std::string> errors;
  std::vector<std::string> others;
  for (const auto& diagnostic : sink.diagnostics()) {
    if (!diagnostic.counts()) continue;
    (diagnostic.severity == Severity::error ? errors : others).push_back(render_human(diagnostic, sources, plain));
  }
  auto page = writer.file(stem + ".html");
  if (run.refused || run.io_problem || !page) {
    if (errors.empty()) errors.push_back(run.io_problem ? "the protocol could not be read or drawn" : "no page was built");
    served.errors = fmt::format("{}", fmt::join(errors, "\n"));
    return served;
  }
  if (!run.checked.files.empty()) {
    const auto& file = run.checked.files.front();
    auto entry = backends::index_entry({&file.model, file.findings, options_.today}, stem, {stem + ".html"});
    served.title = entry.title;
    served.facts = entry.facts;
    served.standing = entry.standing;
  }
  auto main = page->find("<main>\n");
  if (main != std::string::npos) page->insert(main + 7, findings_section(others, "Findings on this protocol"));
  served.good_page = live_page(std::move(*page));
  return served;
}

void Site::rebuild(const std::set<std::string>& changed) {
  std::vector<std::string> found;
  std::vector<std::string> refused;
  auto inputs = expand_inputs({folder_});
  for (const auto& path : inputs.files) {
    if (is_inside(full_folder_, full_path(path))) found.push_back(path);
    else refused.push_back(path);
  }
  std::map<std::string, ServedProtocol> before;
  {
    std::lock_guard lock(mutex_);
    before = protocols_;
  }
  std::map<std::string, ServedProtocol> next;
  for (const auto& path : found) {
    auto stem = fs::path(path).stem().string();
    auto old = before.find(stem);
    bool known = old != before.end() && old->second.path == path;
    bool touched = changed.empty() || !known;
    for (const auto& file : changed) touched = touched || (known && old->second.inputs.count(file) != 0);
    if (next.count(stem) != 0) {
      auto clash = next[stem];
      clash.errors = fmt::format("{} and {} would both be served as {}.html; rename one of them", clash.path, path, stem);
      next[stem] = clash;
      continue;
    }
    next.emplace(stem, touched ? build_one(path, known ? &old->second : nullptr) : old->second);
  }
  std::lock_guard lock(mutex_);
  protocols_ = std::move(next);
  refused_links_ = std::move(refused);
  ++generation_;
  changed_.notify_all();
}

std::string Site::index_page() const {
  std::vector<backends::IndexEntry> entries;
  for (const auto& [stem, served] : protocols_) {
    backends::IndexEntry entry{stem, served.title, served.facts, served.standing, {}};
    if (served.errors) entry.facts.insert(entry.facts.begin(), "has errors: its page shows them");
    entry.files.push_back(stem + ".html");
    if (served.errors && served.good_page) entry.files.push_back(stem + ".last-good.html");
    entries.push_back(std::move(entry));
  }
  return live_page(backends::emit_index(entries));
}

namespace {

// The build a page was served from, on its <html> element, for the page's script to ask
// the server for the builds after it.
std::string stamped(std::string html, unsigned build) {
  auto element = html.find("<html");
  if (element != std::string::npos) html.insert(element + 5, fmt::format(" data-escc-build=\"{}\"", build));
  return html;
}

}  // namespace

const ServedProtocol* Site::served_as(const std::string& name, bool& last_good) const {
  constexpr std::string_view last_good_html = ".last-good.html";
  constexpr std::string_view html = ".html";
  if (!name.ends_with(html)) return nullptr;
  last_good = name.size() > last_good_html.size() && name.ends_with(last_good_html);
  auto found = protocols_.find(name.substr(0, name.size() - (last_good ? last_good_html.size() : html.size())));
  return found == protocols_.end() ? nullptr : &found->second;
}

std::optional<std::string> Site::protocol_file(const std::string& name) const {
  std::lock_guard lock(mutex_);
  bool last_good = false;
  const auto* served = served_as(name, last_good);
  if (served == nullptr) return std::nullopt;
  return full_path(served->path);
}

std::optional<std::string> Site::page(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto found = page_of_this_build(name);
  if (!found) return std::nullopt;
  return stamped(std::move(*found), generation_);
}

std::optional<std::string> Site::page_of_this_build(const std::string& name) const {
  if (name == "index.html") return index_page();
  bool wants_last_good = false;
  const auto* found = served_as(name, wants_last_good);
  if (found == nullptr) return std::nullopt;
  const auto& served = *found;
  auto stem = fs::path(served.path).stem().string();
  if (wants_last_good) return served.good_page;
  if (!served.errors) return served.good_page;
  std::string body = fmt::format("<p>{} has errors, so its page is not built. ", backends::markup_text(served.path));
  body += served.good_page ? fmt::format("The <a href=\"{}\">last page built without errors</a> is kept.</p>\n",
                                         backends::relative_href(stem + ".last-good.html"))
                           : std::string("There is no earlier page without errors.</p>\n");
  body += findings_section({*served.errors}, "Errors");
  return live_page(plain_page(served.title + ": errors", body));
}

std::vector<std::string> Site::watched_folders() const {
  std::set<std::string> folders{full_folder_};
  std::error_code error;
  for (fs::recursive_directory_iterator it(full_folder_, error), end; !error && it != end; it.increment(error)) {
    if (it->is_directory(error) && !it->is_symlink(error)) folders.insert(it->path().string());
  }
  std::lock_guard lock(mutex_);
  for (const auto& [stem, served] : protocols_) {
    for (const auto& input : served.inputs) folders.insert(fs::path(input).parent_path().string());
  }
  return {folders.begin(), folders.end()};
}

std::vector<std::string> Site::refused_links() const {
  std::lock_guard lock(mutex_);
  return refused_links_;
}

unsigned Site::wait_for_change(unsigned seen, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return stopping_ || generation_ != seen; });
  return generation_;
}

void Site::stop() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
  changed_.notify_all();
}

bool Site::stopped() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

}  // namespace esc::serve
