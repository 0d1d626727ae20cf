// The ddpm command's command line, parsed and never run. The input is split at NUL or newline into
// argv[1…]. The commands are registered with the real add*Command functions, through addEngineCommands as
// main_headless.cpp does (so every option, validator and default is the real one); their run callbacks, which would
// train or write files, are never called: for a known command the harness parses with the CommandLine's own CLI::App
// (reached as the parent of one more, do-nothing command) and formats help and errors as parseAndRun would; every other
// first word (help, --help, --version, unknown and unavailable commands) goes to CommandLine::run itself, which runs no
// command for them.
#include "commands.h"
#include "fuzzutil.h"

#include <sstream>
#include <string>
#include <vector>

namespace {

// Every command addEngineCommands registers.
const char* const kCommands[] = {"schedule",         "train", "info", "export", "convert", "bench", "selfcheck",
                                 "train-classifier", "nll",   "toy"};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace ddpm::cli;
    fuzz::setupOnce();
    if (size > 4096)
        return 0;
    std::vector<std::string> args{"ddpm"};
    std::string word;
    for (size_t i = 0; i < size; ++i) {
        const char c = static_cast<char>(data[i]);
        if (c == '\0' || c == '\n') {
            args.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty() || args.size() == 1)
        args.push_back(word);
    if (args.size() > 64)
        return 0;
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const int argc = static_cast<int>(args.size());

    CommandLine cli("ddpm");
    Environment env;
    env.folderLoader = folderLoaderWithoutQt();
    addEngineCommands(cli, env);
    cli.addUnavailable("sample", "sample needs the ddpm built with Qt");
    cli.addUnavailable("quality", "quality needs the ddpm built with Qt");
    CLI::App* probe = cli.add("fuzz-parse-only", "parses nothing", "parses nothing", [] { return 0; });
    CLI::App* root = probe->get_parent();

    bool known = false;
    for (const char* c : kCommands)
        known = known || args[1] == c;
    if (!known) {
        (void)cli.run(argc, argv.data()); // usage, help, version or an error; never a command
        return 0;
    }
    std::ostringstream out, err;
    try {
        root->parse(argc, argv.data());
        fuzz::note("parsed: " + root->get_subcommands().front()->get_name());
    } catch (const CLI::ParseError& e) {
        (void)root->exit(e, out, err); // CallForHelp prints the help, other errors their message
        fuzz::note("parse error: " + std::string(e.what()));
    }
    return 0;
}
