#include "distributed.h"

#include "device.h"

#include <cerrno>
#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <utility>

#ifdef DDPM_WITH_DISTRIBUTED
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef DDPM_WITH_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#endif

namespace ddpm {

namespace {

bool parseInt(const char* text, long low, long high, int& out)
{
    if (!text || !*text)
        return false;
    char* end = nullptr;
    errno = 0;
    const long v = std::strtol(text, &end, 10);
    if (errno != 0 || *end != '\0' || v < low || v > high)
        return false;
    out = static_cast<int>(v);
    return true;
}

const char* fromProcess(const char* name)
{
    return std::getenv(name);
}

} // namespace

Result<RankInfo> rankFromEnvironment(const char* (*get)(const char*))
{
    const auto env = get ? get : fromProcess;
    RankInfo r;
    const char* rank = env("RANK");
    const char* world = env("WORLD_SIZE");
    if (!rank && !world)
        return r;
    if (!rank || !world)
        return fail(DDPM_MSG("Engine", "RANK and WORLD_SIZE must both be set for a distributed run (torchrun sets "
                                       "them)"));
    r.job = true;
    if (!parseInt(world, 1, 1 << 20, r.worldSize))
        return fail(DDPM_MSG("Engine", "WORLD_SIZE must be a whole number of at least 1, not '%1'"), world);
    if (!parseInt(rank, 0, r.worldSize - 1, r.rank))
        return fail(DDPM_MSG("Engine", "RANK must be a whole number from 0 to %1, not '%2'"), r.worldSize - 1, rank);
    if (const char* v = env("LOCAL_RANK"); v && !parseInt(v, 0, 1 << 20, r.localRank))
        return fail(DDPM_MSG("Engine", "LOCAL_RANK must be a whole number of at least 0, not '%1'"), v);
    if (const char* v = env("MASTER_ADDR"); v && *v)
        r.masterAddr = v;
    if (const char* v = env("MASTER_PORT"); v && !parseInt(v, 1, 65535, r.masterPort))
        return fail(DDPM_MSG("Engine", "MASTER_PORT must be a port number from 1 to 65535, not '%1'"), v);
    return r;
}

bool distributedBuilt()
{
#ifdef DDPM_WITH_DISTRIBUTED
    return true;
#else
    return false;
#endif
}

std::string backendFor(torch::Device device)
{
    return device.is_cuda() ? "nccl" : "gloo";
}

#ifdef DDPM_WITH_DISTRIBUTED

// The backend's collectives behind one face (Gloo and NCCL are different classes in every LibTorch).
class ProcessGroupHolder {
public:
    c10::intrusive_ptr<c10d::Store> store;
    std::function<c10::intrusive_ptr<c10d::Work>(std::vector<at::Tensor>&)> allreduce;
    std::function<c10::intrusive_ptr<c10d::Work>(std::vector<at::Tensor>&)> broadcast;
    std::function<c10::intrusive_ptr<c10d::Work>()> barrier;
    std::function<void()> release; // drops the process group before the store
};

namespace {

template <typename Group> void bind(ProcessGroupHolder& h, c10::intrusive_ptr<Group> group)
{
    h.allreduce = [group](std::vector<at::Tensor>& t) { return group->allreduce(t); };
    h.broadcast = [group](std::vector<at::Tensor>& t) {
        c10d::BroadcastOptions o;
        o.rootRank = 0;
        return group->broadcast(t, o);
    };
    h.barrier = [group] { return group->barrier(); };
}

// Gloo's network device: the interface GLOO_SOCKET_IFNAME names, the loopback for a job on this machine
// alone, else the address this machine's name resolves to (as torch.distributed does).
std::shared_ptr<::gloo::transport::Device> glooDevice(const RankInfo& info)
{
    if (const char* name = std::getenv("GLOO_SOCKET_IFNAME"); name && *name)
        return c10d::ProcessGroupGloo::createDeviceForInterface(name);
    const std::string& a = info.masterAddr;
    if (a == "localhost" || a.rfind("127.", 0) == 0)
        return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

void waitOrThrow(const c10::intrusive_ptr<c10d::Work>& work, std::chrono::milliseconds timeout)
{
    if (!work->wait(timeout))
        throw std::runtime_error("a collective operation did not finish in time");
}

} // namespace

Result<std::unique_ptr<Distributed>> Distributed::join(const RankInfo& info, torch::Device device,
                                                       std::chrono::milliseconds timeout)
{
    auto holder = std::make_unique<ProcessGroupHolder>();
    const std::string backend = backendFor(device);
    try {
        c10d::TCPStoreOptions so;
        so.port = static_cast<std::uint16_t>(info.masterPort);
        so.isServer = info.rank == 0;
        so.numWorkers = static_cast<std::size_t>(info.worldSize);
        // The process group's rendezvous below waits for every rank through the store, within `timeout`:
        // the store's own wait for them as well made a missing rank cost twice --dist-timeout.
        so.waitWorkers = false;
        so.timeout = timeout;
        holder->store = c10::make_intrusive<c10d::TCPStore>(info.masterAddr, so);
        if (device.is_cuda()) {
#ifdef DDPM_WITH_NCCL
            auto options = c10d::ProcessGroupNCCL::Options::create();
            options->timeout = timeout;
            auto group = c10::make_intrusive<c10d::ProcessGroupNCCL>(holder->store, info.rank, info.worldSize, options);
            bind(*holder, group);
            holder->release = [group]() mutable { group.reset(); };
#else
            return fail(DDPM_MSG("Engine", "this build has no NCCL for distributed training on CUDA"));
#endif
        } else {
            auto options = c10d::ProcessGroupGloo::Options::create(timeout);
            options->devices.push_back(glooDevice(info));
            auto group = c10::make_intrusive<c10d::ProcessGroupGloo>(holder->store, info.rank, info.worldSize, options);
            bind(*holder, group);
            holder->release = [group]() mutable { group.reset(); };
        }
    } catch (const std::exception& e) {
        return fail(DDPM_MSG("Engine", "rank %1 of %2 could not join the job at %3:%4 with %5 within %6 s (were all "
                                       "%2 ranks started?): %7"),
                    info.rank, info.worldSize, info.masterAddr, info.masterPort, backend,
                    std::chrono::duration_cast<std::chrono::seconds>(timeout).count(), exceptionSummary(e));
    }
    return std::unique_ptr<Distributed>(new Distributed(info, backend, std::move(holder), timeout));
}

Distributed::~Distributed()
{
    if (m_group) {
        m_group->allreduce = {};
        m_group->broadcast = {};
        m_group->barrier = {};
        if (m_group->release)
            m_group->release();
    }
}

void Distributed::average(const std::vector<torch::Tensor>& tensors)
{
    torch::NoGradGuard guard;
    std::vector<std::shared_ptr<PendingSum>> sums; // every all-reduce on its way before the first is waited for
    for (const auto& t : tensors) {
        if (!t.defined() || !t.is_contiguous())
            throw std::invalid_argument("average: an undefined or non-contiguous tensor");
        sums.push_back(startSum(t));
    }
    for (size_t i = 0; i < tensors.size(); ++i) {
        waitFor(sums[i]);
        tensors[i].div_(worldSize());
    }
}

class PendingSum {
public:
    c10::intrusive_ptr<c10d::Work> work;
};

std::shared_ptr<PendingSum> Distributed::startSum(const torch::Tensor& flat)
{
    auto pending = std::make_shared<PendingSum>();
    std::vector<at::Tensor> one{flat};
    pending->work = m_group->allreduce(one);
    return pending;
}

void Distributed::waitFor(const std::shared_ptr<PendingSum>& sum)
{
    if (sum && sum->work)
        waitOrThrow(sum->work, m_timeout);
}

void Distributed::broadcastFromRankZero(const std::vector<torch::Tensor>& tensors)
{
    torch::NoGradGuard guard;
    for (const auto& t : tensors) {
        auto flat = t.contiguous();
        std::vector<at::Tensor> one{flat};
        waitOrThrow(m_group->broadcast(one), m_timeout);
        if (!flat.is_same(t))
            t.copy_(flat);
    }
}

void Distributed::barrier()
{
    waitOrThrow(m_group->barrier(), m_timeout);
}

#else // no c10d in this LibTorch

class ProcessGroupHolder { };
class PendingSum { };

Result<std::unique_ptr<Distributed>> Distributed::join(const RankInfo& info, torch::Device device,
                                                       std::chrono::milliseconds timeout)
{
    if (info.distributed())
        return fail(DDPM_MSG("Engine", "this build of ddpm has no distributed training: its LibTorch has no c10d "
                                       "(on Debian, install libgloo-dev and build again)"));
    return std::unique_ptr<Distributed>(new Distributed(info, backendFor(device), nullptr, timeout));
}

Distributed::~Distributed() = default;

void Distributed::average(const std::vector<torch::Tensor>&)
{
}
std::shared_ptr<PendingSum> Distributed::startSum(const torch::Tensor&)
{
    return std::make_shared<PendingSum>();
}
void Distributed::waitFor(const std::shared_ptr<PendingSum>&)
{
}
void Distributed::broadcastFromRankZero(const std::vector<torch::Tensor>&)
{
}
void Distributed::barrier()
{
}

#endif

Distributed::Distributed(RankInfo info, std::string backend, std::unique_ptr<ProcessGroupHolder> group,
                         std::chrono::milliseconds timeout)
    : m_info(std::move(info))
    , m_backend(std::move(backend))
    , m_group(std::move(group))
    , m_timeout(timeout)
{
}

} // namespace ddpm
