#include "gradientaverager.h"

#include "distributed.h"

#include <stdexcept>
#include <string>

namespace ddpm {

GradientAverager::GradientAverager(Distributed& job, std::vector<torch::Tensor> parameters, int64_t bucketBytes)
    : m_job(job)
    , m_parameters(std::move(parameters))
    , m_slots(m_parameters.size())
{
    // Last parameter first; a new bucket when one is full or the dtype or device changes.
    std::vector<int64_t> sizes;
    int64_t bytes = 0;
    for (size_t k = m_parameters.size(); k-- > 0;) {
        const auto& p = m_parameters[k];
        const bool fits = !m_buckets.empty() && bytes < bucketBytes &&
                          m_parameters[m_buckets.back().members.front()].scalar_type() == p.scalar_type() &&
                          m_parameters[m_buckets.back().members.front()].device() == p.device();
        if (!fits) {
            m_buckets.emplace_back();
            sizes.push_back(0);
            bytes = 0;
        }
        m_slots[k] = {m_buckets.size() - 1, sizes.back(), false};
        m_buckets.back().members.push_back(k);
        sizes.back() += p.numel();
        bytes += p.numel() * static_cast<int64_t>(p.element_size());
    }
    for (size_t b = 0; b < m_buckets.size(); ++b) {
        const auto& first = m_parameters[m_buckets[b].members.front()];
        m_buckets[b].flat = torch::zeros({sizes[b]}, first.options().requires_grad(false));
    }
    for (size_t k = 0; k < m_parameters.size(); ++k) {
        if (!m_parameters[k].requires_grad())
            throw std::invalid_argument("GradientAverager: parameter " + std::to_string(k) + " takes no gradient");
        // A hook that takes a TensorBase runs with LibTorch 1.13 (which passes a Tensor) and 2.x.
        m_hooks.push_back(
            m_parameters[k].register_hook([this, k](const at::TensorBase& grad) { arrived(k, at::Tensor(grad)); }));
    }
}

GradientAverager::~GradientAverager()
{
    for (size_t k = 0; k < m_hooks.size(); ++k)
        m_parameters[k].remove_hook(m_hooks[k]);
}

void GradientAverager::beginStep()
{
    for (auto& s : m_slots)
        s.arrived = false;
    for (auto& b : m_buckets) {
        b.pending = b.members.size();
        b.sum.reset();
    }
    m_next = 0;
    m_outstanding = m_slots.size();
    m_startedByHooks = 0;
    m_outstandingAtFirst = 0;
    m_inStep = true;
}

void GradientAverager::arrived(size_t parameter, const torch::Tensor& grad)
{
    if (!m_inStep)
        return;
    auto& slot = m_slots[parameter];
    if (slot.arrived) // autograd sums every use of a parameter before its hook runs: once a pass
        throw std::logic_error("GradientAverager: a second gradient for one parameter in one backward pass");
    auto& bucket = m_buckets[slot.bucket];
    const auto& p = m_parameters[parameter];
    torch::NoGradGuard noGrad;
    bucket.flat.narrow(0, slot.offset, p.numel()).view(p.sizes()).copy_(grad);
    slot.arrived = true;
    --bucket.pending;
    --m_outstanding;
    const size_t before = m_next;
    startCompleteBuckets();
    if (before == 0 && m_next > 0)
        m_outstandingAtFirst = m_outstanding;
    m_startedByHooks += m_next - before;
}

void GradientAverager::startCompleteBuckets()
{
    while (m_next < m_buckets.size() && m_buckets[m_next].pending == 0) {
        auto& b = m_buckets[m_next++];
        b.sum = m_job.startSum(b.flat);
    }
}

void GradientAverager::finishStep()
{
    if (!m_inStep)
        throw std::logic_error("GradientAverager: finishStep() without beginStep()");
    m_inStep = false;
    torch::NoGradGuard noGrad;
    for (size_t k = 0; k < m_slots.size(); ++k) { // parameters this rank's pass did not reach: zeros
        auto& slot = m_slots[k];
        if (slot.arrived)
            continue;
        auto& bucket = m_buckets[slot.bucket];
        bucket.flat.narrow(0, slot.offset, m_parameters[k].numel()).zero_();
        slot.arrived = true;
        --bucket.pending;
    }
    startCompleteBuckets();
    const double ranks = m_job.worldSize();
    for (auto& b : m_buckets) {
        m_job.waitFor(b.sum);
        b.flat.div_(ranks);
        for (const size_t k : b.members) {
            auto& p = m_parameters[k];
            const auto average = b.flat.narrow(0, m_slots[k].offset, p.numel()).view(p.sizes());
            if (p.grad().defined())
                p.mutable_grad().copy_(average);
            else
                p.mutable_grad() = average.clone();
        }
    }
}

} // namespace ddpm
