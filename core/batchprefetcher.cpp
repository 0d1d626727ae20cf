#include "batchprefetcher.h"

#include "pixels.h"
#include "unet.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace ddpm {

namespace {
std::mutex g_hookMutex;
std::function<void(int64_t)> g_faultHook;

std::function<void(int64_t)> faultHook()
{
    std::lock_guard<std::mutex> lock(g_hookMutex);
    return g_faultHook;
}
} // namespace

void BatchPrefetcher::setFaultHook(std::function<void(int64_t k)> hook)
{
    std::lock_guard<std::mutex> lock(g_hookMutex);
    g_faultHook = std::move(hook);
}

BatchPrefetcher::BatchPrefetcher(torch::Tensor images, int batch, int timesteps, bool hflip, uint64_t seed,
                                 int64_t firstBatch, int depth, torch::Tensor labels, double pUncond)
    : m_images(std::move(images))
    , m_labels(labels.defined() ? labels.to(torch::kInt64).contiguous() : labels)
    , m_pUncond(pUncond)
    , m_batch(batch)
    , m_timesteps(timesteps)
    , m_hflip(hflip)
    , m_seed(seed)
    , m_nextToMake(firstBatch)
    , m_depth(depth)
{
    m_thread = std::thread([this] { loop(); });
}

BatchPrefetcher::~BatchPrefetcher()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

BatchPrefetcher::Batch BatchPrefetcher::make(int64_t k)
{
    const int64_t N = m_images.size(0);
    std::vector<int64_t> idx(static_cast<size_t>(m_batch));
    for (int j = 0; j < m_batch; ++j) {
        const int64_t pos = k * m_batch + j;
        const int64_t epoch = pos / N;
        if (epoch != m_permEpoch) { // a fresh shuffle every epoch, a function of (seed, epoch)
            m_perm.resize(static_cast<size_t>(N));
            std::iota(m_perm.begin(), m_perm.end(), 0);
            std::mt19937_64 rng(m_seed * 0x9E3779B97F4A7C15ull + static_cast<uint64_t>(epoch) + 1);
            std::shuffle(m_perm.begin(), m_perm.end(), rng);
            m_permEpoch = epoch;
        }
        idx[static_cast<size_t>(j)] = m_perm[static_cast<size_t>(pos % N)];
    }
    auto gen = at::detail::createCPUGenerator(m_seed * 0xD1B54A32D192ED03ull + static_cast<uint64_t>(k) + 7);
    Batch b;
    b.index = k;
    const auto rows = torch::tensor(idx, torch::kInt64);
    auto x = pixelsToModel(m_images.index_select(0, rows));
    if (m_hflip) {
        auto flip = torch::rand({m_batch}, gen) < 0.5;
        x = torch::where(flip.view({-1, 1, 1, 1}), x.flip({3}), x);
    }
    b.x0 = x.contiguous();
    b.tIndex = torch::randint(0, m_timesteps, {m_batch}, gen, torch::kInt64);
    b.eps = torch::randn(x.sizes(), gen, torch::dtype(torch::kFloat32));
    if (m_labels.defined()) { // drawn after the rest, so that the images, t and ε do not depend on it
        const auto drop = torch::rand({m_batch}, gen) < m_pUncond;
        b.labels = torch::where(drop, torch::full({m_batch}, kNoClass, torch::kInt64), m_labels.index_select(0, rows));
    }
    return b;
}

void BatchPrefetcher::loop()
{
    for (;;) {
        int64_t k;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_cv.wait(lock, [&] { return m_stop || static_cast<int>(m_queue.size()) < m_depth; });
            if (m_stop)
                return;
            k = m_nextToMake++;
        }
        Batch b;
        try {
            if (const auto hook = faultHook())
                hook(k);
            b = make(k);
        } catch (...) { // handed to the training thread by take()
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_error = std::current_exception();
            }
            m_cv.notify_all();
            return;
        }
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_queue.push_back(std::move(b));
        }
        m_cv.notify_all();
    }
}

BatchPrefetcher::Batch BatchPrefetcher::take()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cv.wait(lock, [&] { return !m_queue.empty() || m_error; });
    if (m_queue.empty())
        std::rethrow_exception(m_error);
    Batch b = std::move(m_queue.front());
    m_queue.pop_front();
    lock.unlock();
    m_cv.notify_all();
    return b;
}

} // namespace ddpm
