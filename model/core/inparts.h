#pragma once

#include <QtGlobal>
#include <QThread>

#include <algorithm>
#include <future>
#include <system_error>
#include <type_traits>
#include <vector>

// `count` items cut into consecutive parts, each done by `part(begin, end)` beside the others:
// at least `minPerPart` items a part (a thread takes some tens of microseconds to start), at most
// `maxParts` parts and no more than the machine's cores. The first part runs on the calling
// thread, each other on a std::async thread of its own (where no thread can be had, on the
// calling thread after the ones before it). Every part has ended when it returns; their results
// in the parts' order (none for a `part` that returns nothing). `part` runs on several threads
// at once: what it shares, it only reads.
template <typename Part>
auto inParts(qsizetype count, qsizetype minPerPart, int maxParts, Part part)
{
    using Result = std::invoke_result_t<Part, qsizetype, qsizetype>;
    const qsizetype parts = std::clamp<qsizetype>(
        std::min<qsizetype>(count / minPerPart, QThread::idealThreadCount()), 1, maxParts);
    const auto bounds = [count, parts](qsizetype i) {
        return std::pair(count * i / parts, count * (i + 1) / parts);
    };
    std::vector<std::future<Result>> beside;
    for (qsizetype i = 1; i < parts; ++i) {
        // Not a structured binding: clang before 16 cannot capture one.
        const auto range = bounds(i);
        const auto run = [&part, range] { return part(range.first, range.second); };
        try {
            beside.push_back(std::async(std::launch::async, run));
        } catch (const std::system_error &) {
            beside.push_back(std::async(std::launch::deferred, run));
        }
    }
    const auto first = bounds(0);
    if constexpr (std::is_void_v<Result>) {
        part(first.first, first.second);
        for (std::future<void> &other : beside)
            other.get();
    } else {
        std::vector<Result> results;
        results.reserve(size_t(parts));
        results.push_back(part(first.first, first.second));
        for (std::future<Result> &other : beside)
            results.push_back(other.get());
        return results;
    }
}
