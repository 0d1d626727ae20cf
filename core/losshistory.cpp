#include "losshistory.h"

#include <algorithm>
#include <cmath>

namespace ddpm {

void LossHistory::push_back(const LossPoint& p)
{
    m_recent.push_back(p);
    if (m_recent.size() >= kRecent + kFoldChunk)
        fold(kFoldChunk);
}

void LossHistory::fold(size_t n)
{
    n = std::min(n, m_recent.size());
    for (size_t i = 0; i < n; ++i)
        addToBuckets(m_recent[i]);
    m_recent.erase(m_recent.begin(), m_recent.begin() + static_cast<std::ptrdiff_t>(n));
}

void LossHistory::addToBuckets(const LossPoint& p)
{
    if (m_buckets.empty() || m_buckets.back().count >= m_bucketSteps) {
        if (m_buckets.size() >= kMaxBuckets)
            mergeNeighbours();
        if (m_buckets.empty() || m_buckets.back().count >= m_bucketSteps) {
            m_buckets.push_back({p.step, p.step, p.loss, p.loss, static_cast<double>(p.loss), 1});
            return;
        }
    }
    LossBucket& b = m_buckets.back();
    b.lastStep = p.step;
    b.min = std::min(b.min, p.loss);
    b.max = std::max(b.max, p.loss);
    b.mean += (static_cast<double>(p.loss) - b.mean) / static_cast<double>(b.count + 1);
    ++b.count;
}

void LossHistory::mergeNeighbours()
{
    std::vector<LossBucket> merged;
    merged.reserve(m_buckets.size() / 2 + 1);
    for (size_t i = 0; i < m_buckets.size(); i += 2) {
        LossBucket b = m_buckets[i];
        if (i + 1 < m_buckets.size()) {
            const LossBucket& c = m_buckets[i + 1];
            const auto n = static_cast<double>(b.count + c.count);
            b.mean = (b.mean * static_cast<double>(b.count) + c.mean * static_cast<double>(c.count)) / n;
            b.count += c.count;
            b.lastStep = c.lastStep;
            b.min = std::min(b.min, c.min);
            b.max = std::max(b.max, c.max);
        }
        merged.push_back(b);
    }
    m_buckets = std::move(merged);
    m_bucketSteps *= 2;
}

void LossHistory::trimAfter(int64_t step)
{
    while (!m_recent.empty() && m_recent.back().step > step)
        m_recent.pop_back();
    if (!m_recent.empty())
        return;
    while (!m_buckets.empty() && m_buckets.back().firstStep > step)
        m_buckets.pop_back();
    if (!m_buckets.empty() && m_buckets.back().lastStep > step) {
        // Part of a bucket: its min and max cannot be taken apart again; it ends at `step` and keeps
        // the share of its count its steps had (an estimate only for this one bucket).
        LossBucket& b = m_buckets.back();
        const double share =
            static_cast<double>(step - b.firstStep + 1) / static_cast<double>(b.lastStep - b.firstStep + 1);
        b.count = std::max<int64_t>(1, static_cast<int64_t>(std::llround(static_cast<double>(b.count) * share)));
        b.lastStep = step;
    }
}

void LossHistory::compact(size_t keep)
{
    if (m_recent.size() > keep)
        fold(m_recent.size() - keep);
}

void LossHistory::clear()
{
    m_recent.clear();
    m_buckets.clear();
    m_bucketSteps = kFirstBucketSteps;
}

int64_t LossHistory::size() const
{
    int64_t n = static_cast<int64_t>(m_recent.size());
    for (const auto& b : m_buckets)
        n += b.count;
    return n;
}

LossPoint LossHistory::back() const
{
    if (!m_recent.empty())
        return m_recent.back();
    if (!m_buckets.empty())
        return {m_buckets.back().lastStep, static_cast<float>(m_buckets.back().mean)};
    return {0, std::nanf("")};
}

size_t LossHistory::memoryBytes() const
{
    return sizeof(*this) + m_recent.capacity() * sizeof(LossPoint) + m_buckets.capacity() * sizeof(LossBucket);
}

std::vector<LossPoint> LossHistory::points() const
{
    std::vector<LossPoint> out;
    out.reserve(m_buckets.size() + m_recent.size());
    for (const auto& b : m_buckets)
        out.push_back({b.firstStep + (b.lastStep - b.firstStep) / 2, static_cast<float>(b.mean)});
    out.insert(out.end(), m_recent.begin(), m_recent.end());
    return out;
}

bool LossHistory::assign(std::vector<LossBucket> buckets, const std::vector<LossPoint>& recent)
{
    clear();
    int64_t last = -1, widest = 0;
    for (const auto& b : buckets) {
        if (b.count < 1 || b.firstStep <= last || b.lastStep < b.firstStep || !std::isfinite(b.mean) ||
            !std::isfinite(b.min) || !std::isfinite(b.max) || b.min > b.max)
            return false;
        last = b.lastStep;
        widest = std::max(widest, b.count);
    }
    if (buckets.size() > kMaxBuckets)
        return false;
    m_buckets = std::move(buckets);
    while (m_bucketSteps < widest)
        m_bucketSteps *= 2;
    for (const auto& p : recent) {
        if (p.step <= last)
            continue; // a step told twice (or out of order) is not a second measurement of it
        last = p.step;
        push_back(p); // a file with more than kRecent recent steps folds them
    }
    return true;
}

} // namespace ddpm
