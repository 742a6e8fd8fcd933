// Runs independent tasks on a few threads. Tasks are taken in index order by whichever
// thread is free; callers keep each task's results apart and gather them in index
// order, so nothing they produce depends on the threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace esc {

template <typename Task>
void run_tasks(std::size_t count, unsigned threads, Task&& task) {
  auto workers = std::min<std::size_t>(std::max(1u, threads), count);
  if (workers <= 1) {
    for (std::size_t i = 0; i < count; ++i) task(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (auto i = next.fetch_add(1); i < count; i = next.fetch_add(1)) task(i);
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < workers; ++t) helpers.emplace_back(work);
  work();
  for (auto& helper : helpers) helper.join();
}

}  // namespace esc
