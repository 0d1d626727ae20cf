#include "result.h"

#include <cerrno>
#include <cstring>

namespace ddpm {

Error systemError(int errnum)
{
    switch (errnum) {
    case ENOSPC:
    case EDQUOT:
        return fail(DDPM_MSG("Engine", "the disk is full"));
    case EACCES:
    case EPERM:
        return fail(DDPM_MSG("Engine", "permission denied"));
    case ENOENT:
        return fail(DDPM_MSG("Engine", "no such file or folder"));
    case EROFS:
        return fail(DDPM_MSG("Engine", "the disk is read-only"));
    case EISDIR:
        return fail(DDPM_MSG("Engine", "it is a folder"));
    default:
        return Error{std::strerror(errnum)};
    }
}

} // namespace ddpm
