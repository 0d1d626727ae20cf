#include "memorisation.h"

#include "unet.h"

#include <algorithm>
#include <cmath>

namespace ddpm {

Neighbours nearestNeighbours(const torch::Tensor& queries, const torch::Tensor& references, int64_t k,
                             const std::function<void(int64_t done)>& progress, const std::atomic<bool>* cancel)
{
    torch::NoGradGuard guard;
    const auto refs = references.reshape({references.size(0), -1}).to(torch::kFloat32).contiguous();
    const auto refsT = refs.t().contiguous().unsqueeze(0); // [1, D, M]
    const auto refNorms = refs.pow(2).sum(1);
    const auto q = queries.reshape({queries.size(0), -1}).to(torch::kFloat32).contiguous();
    k = std::min<int64_t>(k, refs.size(0));
    // Candidates from |q − r|² = |q|² − 2 q·r + |r|² in fp32, the product in oneDNN (batchedMatmul: the
    // reference BLAS takes a minute for 10,000 × 60,000); then the candidates' distances exactly, in fp64,
    // so that rounding neither reorders near neighbours nor makes a copy's distance other than 0.
    const int64_t candidates = std::min<int64_t>(k + 8, refs.size(0));
    const int64_t chunk = std::max<int64_t>(1, (int64_t{1} << 24) / std::max<int64_t>(1, refs.size(0)));
    std::vector<torch::Tensor> indices, distances;
    for (int64_t first = 0; first < q.size(0); first += chunk) {
        if (cancel && cancel->load())
            return {};
        const auto part = q.narrow(0, first, std::min(chunk, q.size(0) - first));
        const auto products = batchedMatmul(part.unsqueeze(0), refsT)[0];
        const auto squared = part.pow(2).sum(1, true) - 2.0 * products + refNorms;
        const auto near = std::get<1>(squared.topk(candidates, 1, /*largest=*/false, /*sorted=*/false));
        const auto exact =
            (refs.index_select(0, near.flatten()).view({near.size(0), candidates, -1}).to(torch::kFloat64) -
             part.to(torch::kFloat64).unsqueeze(1))
                .pow(2)
                .sum(2)
                .sqrt();
        const auto [value, order] = exact.topk(k, 1, /*largest=*/false, /*sorted=*/true);
        indices.push_back(near.gather(1, order));
        distances.push_back(value);
        if (progress)
            progress(first + part.size(0));
    }
    if (indices.empty())
        return {torch::empty({0, k}, torch::kInt64), torch::empty({0, k}, torch::kFloat64)};
    return {torch::cat(indices), torch::cat(distances)};
}

MemorisationReference makeMemorisationReference(const torch::Tensor& train, const torch::Tensor& heldOut,
                                                double percentile, const std::function<void(int64_t done)>& progress,
                                                const std::atomic<bool>* cancel)
{
    MemorisationReference r;
    r.train = train.reshape({train.size(0), -1}).to(torch::kFloat32).contiguous();
    r.percentile = percentile;
    r.heldOut = heldOut.size(0);
    if (r.heldOut > 0 && r.train.size(0) > 0) {
        const auto near = nearestNeighbours(heldOut, r.train, 1, progress, cancel);
        if (!near.distance.defined()) { // cancelled
            r.heldOut = 0;
            return r;
        }
        r.threshold = torch::quantile(near.distance.select(1, 0), percentile).item<double>();
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
