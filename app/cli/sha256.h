// SHA-256 (FIPS 180-4) of a file, for `ddpm info`: the Qt build and the build without Qt print the
// same checksum that the studio's exports record (QCryptographicHash there).
#pragma once

#include <string>

namespace ddpm::cli {

// Lower-case hex digest of the file's bytes; empty when the file cannot be read.
std::string sha256OfFile(const std::string& path);

} // namespace ddpm::cli
