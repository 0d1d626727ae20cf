// SHA-256 (FIPS 180-4) of a file: what `ddpm info` prints and the exports' sidecars record, the same in
// the build without Qt. (The engine has no other hash library to lean on: zlib has none, and the
// Qt-free build has no QCryptographicHash; checked against FIPS 180-2's four test vectors in tst_exports.)
#pragma once

#include <string>

namespace ddpm {

// Lower-case hex digest of the file's bytes; empty when the file cannot be read.
std::string sha256OfFile(const std::string& path);

} // namespace ddpm
