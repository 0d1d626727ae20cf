// A training run's loss per step at a cost that does not grow with the run: the newest kRecent steps at
// full resolution, older ones folded into buckets of consecutive steps that keep the min, max and mean
// (as chart tools keep long series). At most kMaxBuckets buckets: when there would be more, neighbours
// merge and every bucket covers twice as many steps. A million steps cost about 2 MB.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ddpm {

// The running average of a noisy loss that the trainer's per-timestep bins and the score view's toy
// training report: each new value counts 2 %, so it follows about the last 50. A NaN average starts it.
constexpr double kRunningAverageNew = 0.02, kRunningAverageKeep = 0.98; // 1 − 0.02, as the literal writes it
inline double runningAverage(double average, double value)
{
    return std::isnan(average) ? value : kRunningAverageKeep * average + kRunningAverageNew * value;
}

// The first line of a training log (`ddpm train --log`): then one row a step, in these columns, which the
// studio reads to follow a run elsewhere (RunFollower).
constexpr const char* kTrainingLogHeader = "step,loss,grad_norm,lr,img_per_s";
// Whether a file's first line (without its '\n') is that header, the one test of "this file is a training log"
// for the command and the studio: a '\r' that an editor saving CRLF left at its end is allowed.
inline bool isTrainingLogHeader(std::string_view firstLine)
{
    if (!firstLine.empty() && firstLine.back() == '\r')
        firstLine.remove_suffix(1);
    return firstLine == kTrainingLogHeader;
}

struct LossPoint {
    int64_t step;
    float loss;
};

struct LossBucket {
    int64_t firstStep = 0, lastStep = 0;
    float min = 0, max = 0;
    double mean = 0;
    int64_t count = 0; // steps folded in
};

class LossHistory {
public:
    static constexpr size_t kRecent = 100'000;   // steps kept at full resolution
    static constexpr size_t kFoldChunk = 10'000; // folded into buckets at a time, oldest first
    static constexpr size_t kMaxBuckets = 4'096;
    static constexpr int64_t kFirstBucketSteps = 64;

    void push_back(const LossPoint& p);
    // Drops every step after `step` (a run resumed from an earlier checkpoint continues from there).
    void trimAfter(int64_t step);
    // Folds all but the newest `keep` full-resolution steps into buckets (a small sampling checkpoint).
    void compact(size_t keep);
    void clear();

    bool empty() const { return m_recent.empty() && m_buckets.empty(); }
    int64_t size() const; // steps recorded, folded or not
    LossPoint back() const;
    const std::vector<LossPoint>& recent() const { return m_recent; }
    const std::vector<LossBucket>& buckets() const { return m_buckets; }
    int64_t bucketSteps() const { return m_bucketSteps; }
    size_t memoryBytes() const;

    // The whole run as one point per bucket (its mean at its middle step) followed by the recent steps:
    // what a chart draws and a CSV lists.
    std::vector<LossPoint> points() const;

    // Rebuilt from a checkpoint's parts; false when they contradict each other (steps not increasing,
    // a bucket that counts nothing, non-finite values), and the history is then left empty.
    bool assign(std::vector<LossBucket> buckets, const std::vector<LossPoint>& recent);

private:
    void fold(size_t n);
    void addToBuckets(const LossPoint& p);
    void mergeNeighbours();

    std::vector<LossBucket> m_buckets;
    std::vector<LossPoint> m_recent;
    int64_t m_bucketSteps = kFirstBucketSteps; // steps per bucket now (the last one may hold fewer)
};

} // namespace ddpm
