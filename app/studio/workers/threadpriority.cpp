#include "threadpriority.h"

#include <algorithm>
#include <atomic>

#if defined(__linux__)
#include <cerrno>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace ThreadPriority {

namespace {
std::atomic<Depth> g_depth{Depth::Nice};
} // namespace

void setDepth(Depth d)
{
    g_depth = d;
}

Depth depth()
{
    return g_depth;
}

#if defined(__linux__)
namespace {
id_t threadId()
{
    return static_cast<id_t>(::syscall(SYS_gettid));
}
} // namespace

int currentNice()
{
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, threadId());
    return errno == 0 ? nice : 0;
}

bool lowerCurrentThread()
{
    return lowerCurrentThread(g_depth);
}

bool lowerCurrentThread(Depth d)
{
    thread_local bool lowered = false; // once per thread: a pool's thread runs many jobs
    if (lowered)
        return true;
    const int target = std::min(19, currentNice() + kBackgroundNice);
    lowered = ::setpriority(PRIO_PROCESS, threadId(), target) == 0;
    if (d == Depth::Idle) {
        const sched_param none{};
        // Lowering one's own thread needs no privilege; where it fails, the nice value stays.
        lowered = ::sched_setscheduler(0, SCHED_IDLE, &none) == 0 || lowered;
    }
    return lowered;
}

bool currentIsIdle()
{
    return ::sched_getscheduler(0) == SCHED_IDLE;
}

#else
int currentNice()
{
    return 0;
}

bool lowerCurrentThread()
{
    return false;
}

bool lowerCurrentThread(Depth)
{
    return false;
}

bool currentIsIdle()
{
    return false;
}

#endif

} // namespace ThreadPriority
