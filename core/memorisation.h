// Are a model's samples copies of its training images? (issue 20 §3.) Each sample's nearest training
// image by Euclidean distance, in the classifier's feature space (or any other), set against how close
// real held-out images come to the training set: a sample nearer to a training image than all but the
// closest 1 % of held-out images is counted as a likely copy. A model that memorised scores near 100 %,
// one that generalises near the percentile itself (held-out images score it by construction), noise 0.
#pragma once

#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

namespace ddpm {

// For each row of queries [N, D], the k nearest rows of references [M, D] (Euclidean): index int64
// [N, k] and distance float64 [N, k], nearest first. Computed in chunks of queries, so memory stays
// about chunk × M.
struct Neighbours {
    torch::Tensor index;
    torch::Tensor distance;
};
// progress(done): the queries done so far, after each chunk. A set `cancel` stops it at the next chunk
// with undefined tensors.
Neighbours nearestNeighbours(const torch::Tensor& queries, const torch::Tensor& references, int64_t k = 1,
                             const std::function<void(int64_t done)>& progress = {},
                             const std::atomic<bool>* cancel = nullptr);

// The training set's features and the threshold: the `percentile` quantile of held-out rows' distances to
// their nearest training row.
struct MemorisationReference {
    torch::Tensor train; // [M, D] float32
    double threshold = std::numeric_limits<double>::quiet_NaN();
    double percentile = 0.01;
    int64_t heldOut = 0;
    bool defined() const { return train.defined() && heldOut > 0; }
};
// progress(done): the held-out rows whose nearest training row is found so far. Cancelled (`cancel` set),
// the threshold stays NaN and the reference is not defined().
MemorisationReference makeMemorisationReference(const torch::Tensor& train, const torch::Tensor& heldOut,
                                                double percentile = 0.01,
                                                const std::function<void(int64_t done)>& progress = {},
                                                const std::atomic<bool>* cancel = nullptr);

// One sample and its nearest training row.
struct NearPair {
    int64_t sample = 0;
    int64_t train = 0;
    double distance = 0.0;
};
struct MemorisationReport {
    int64_t count = 0;
    double share = std::numeric_limits<double>::quiet_NaN(); // of samples nearer than the threshold
    double threshold = std::numeric_limits<double>::quiet_NaN();
    double percentile = 0.01;
    std::vector<NearPair> closest; // the nearest pairs, nearest first
    std::vector<NearPair> nearest; // every sample's nearest training row, in sample order
};
// samples [N, D] in the reference's space; `closest` pairs kept.
MemorisationReport measureMemorisation(const torch::Tensor& samples, const MemorisationReference& reference,
                                       int64_t closest = 8);

} // namespace ddpm
