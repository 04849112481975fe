// The one thread pool helper readers and writers share: run fn(0..n-1) on `jobs` threads.
// Not a value type, but like the rest of ir/ it knows nothing of any format or library.
#pragma once

#include <cstddef>
#include <functional>

namespace blogconv::ir {

// `jobs` 0 means one thread per core. Each index runs exactly once; with one thread (or n < 2)
// everything runs on the caller's thread, in order. The first exception fn throws is rethrown
// once every thread has stopped (the others finish the indices they already took).
void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& fn);

// The number of threads `jobs` stands for (0 = one per core, at least 1).
unsigned thread_count(unsigned jobs);

}  // namespace blogconv::ir
