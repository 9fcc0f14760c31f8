// What the plain benchmark programs measure with: the calling thread's CPU time and the median of repeated rounds.
#pragma once

#include <algorithm>
#include <ctime>
#include <vector>

namespace wsi::bench {

// The calling thread's CPU time, in microseconds (CLOCK_THREAD_CPUTIME_ID: other threads' work is not counted).
inline double threadCpuUs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e6 + double(ts.tv_nsec) / 1e3;
}

// The middle value (the upper one of an even count); 0 for none.
inline double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace wsi::bench
