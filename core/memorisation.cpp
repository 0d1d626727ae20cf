#include "memorisation.h"

#include <algorithm>
#include <cmath>

namespace ddpm {

Neighbours nearestNeighbours(const torch::Tensor& queries, const torch::Tensor& references, int64_t k)
{
    torch::NoGradGuard guard;
    const auto refs = references.reshape({references.size(0), -1}).to(torch::kFloat64);
    const auto refNorms = refs.pow(2).sum(1);
    const auto q = queries.reshape({queries.size(0), -1}).to(torch::kFloat64);
    k = std::min<int64_t>(k, refs.size(0));
    // |q − r|² = |q|² − 2 q·r + |r|², a chunk of queries against every reference at once.
    const int64_t chunk = std::max<int64_t>(1, (int64_t{1} << 24) / std::max<int64_t>(1, refs.size(0)));
    std::vector<torch::Tensor> indices, distances;
    for (int64_t first = 0; first < q.size(0); first += chunk) {
        const auto part = q.narrow(0, first, std::min(chunk, q.size(0) - first));
        const auto squared = (part.pow(2).sum(1, true) - 2.0 * part.matmul(refs.t()) + refNorms).clamp_min(0.0);
        const auto [value, index] = squared.topk(k, 1, /*largest=*/false, /*sorted=*/true);
        indices.push_back(index);
        distances.push_back(value.sqrt());
    }
    if (indices.empty())
        return {torch::empty({0, k}, torch::kInt64), torch::empty({0, k}, torch::kFloat64)};
    return {torch::cat(indices), torch::cat(distances)};
}

MemorisationReference makeMemorisationReference(const torch::Tensor& train, const torch::Tensor& heldOut,
                                                double percentile)
{
    MemorisationReference r;
    r.train = train.reshape({train.size(0), -1}).to(torch::kFloat32).contiguous();
    r.percentile = percentile;
    r.heldOut = heldOut.size(0);
    if (r.heldOut > 0 && r.train.size(0) > 0) {
        const auto d = nearestNeighbours(heldOut, r.train).distance.select(1, 0);
        r.threshold = torch::quantile(d, percentile).item<double>();
    }
    return r;
}

MemorisationReport measureMemorisation(const torch::Tensor& samples, const MemorisationReference& reference,
                                       int64_t closest)
{
    MemorisationReport m;
    m.count = samples.size(0);
    m.threshold = reference.threshold;
    m.percentile = reference.percentile;
    if (!reference.defined() || m.count == 0)
        return m;
    const auto nn = nearestNeighbours(samples, reference.train);
    const auto d = nn.distance.select(1, 0).contiguous();
    const auto index = nn.index.select(1, 0).contiguous();
    m.share = (d < reference.threshold).to(torch::kFloat64).mean().item<double>();
    for (int64_t i = 0; i < m.count; ++i)
        m.nearest.push_back({i, index[i].item<int64_t>(), d[i].item<double>()});
    m.closest = m.nearest;
    std::sort(m.closest.begin(), m.closest.end(),
              [](const NearPair& a, const NearPair& b) { return a.distance < b.distance; });
    m.closest.resize(static_cast<size_t>(std::min<int64_t>(closest, m.count)));
    return m;
}

} // namespace ddpm
