#include "threadpriority.h"

#include <algorithm>

#if defined(__linux__)
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace ThreadPriority {

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
    thread_local bool lowered = false; // once per thread: a pool's thread runs many jobs
    if (lowered)
        return true;
    const int target = std::min(19, currentNice() + kBackgroundNice);
    lowered = ::setpriority(PRIO_PROCESS, threadId(), target) == 0;
    return lowered;
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
#endif

} // namespace ThreadPriority
