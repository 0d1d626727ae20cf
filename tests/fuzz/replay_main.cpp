// The main() of a harness in the ordinary build: feeds each file named on the command line, or each
// file under a folder named there (recursively, in sorted order), to LLVMFuzzerTestOneInput, so the
// seed corpora and saved findings run as tests without clang or libFuzzer. Exit code 0 when every
// input ran (a harness reports a problem by crashing, as under libFuzzer), 1 when none was found.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        std::error_code ec;
        const fs::path p = fs::absolute(argv[i], ec); // a harness may change the working folder
        if (fs::is_directory(p, ec)) {
            for (const auto& e : fs::recursive_directory_iterator(p, ec))
                if (e.is_regular_file(ec) && e.path().filename().string().front() != '.')
                    inputs.push_back(e.path());
        } else if (fs::is_regular_file(p, ec)) {
            inputs.push_back(p);
        } else {
            std::fprintf(stderr, "%s: no such file or folder: %s\n", argv[0], argv[i]);
            return 1;
        }
    }
    std::sort(inputs.begin(), inputs.end());
    if (inputs.empty()) {
        std::fprintf(stderr, "%s: no inputs\n", argv[0]);
        return 1;
    }
    for (const auto& p : inputs) {
        std::ifstream in(p, std::ios::binary);
        const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        std::fprintf(stderr, "input %s (%zu bytes)\n", p.string().c_str(), bytes.size());
        std::fflush(stderr);
        // A copy of exactly the input's size, as libFuzzer passes it, so an overread is past the end.
        std::vector<uint8_t> exact(bytes.begin(), bytes.end());
        LLVMFuzzerTestOneInput(exact.empty() ? nullptr : exact.data(), exact.size());
    }
    std::printf("%zu inputs ran\n", inputs.size());
    return 0;
}
