// The command-line layer of ddpm, ddpm-bench and ddpm-selfcheck, on CLI11: subcommands, numeric
// options that refuse what the engine cannot take, one-line errors ("ddpm: …"; exit code 2 for a
// usage error, 1 for a failure) and Ctrl-C. Qt-free: the Qt build and the build without Qt (and the
// Qt build's ddpm-headless) define their options with these same calls.
#pragma once

#include "options.h"
#include "result.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

namespace ddpm::cli {

// Prints "PROGRAM: message" on stderr and returns `code`.
int fail(const std::string& message, int code = 1);
// fail() for an engine's failure: exit code 2 where it is a usage error (result.h Error::usage), else 1.
int fail(const Error& error);

// A command's JSON result on standard output, every command alike: keys sorted, four spaces (so that the
// output of two builds compares line by line), text that is not UTF-8 (a file name) with U+FFFD where its
// bytes are invalid instead of failing.
void printJson(const nlohmann::json& result);

// Set by SIGINT (and SIGTERM and SIGHUP where asked) once stopOnSignals() ran: long commands stop, save, exit.
std::atomic<bool>& interrupted();
void stopOnSignals(bool sigterm);
// What a command that stopped on a signal (after saving what it had) exits with, as a shell reports a
// process the signal ended: 128 + its number (130 for Ctrl-C), so that `ddpm train … && next` stops.
int interruptedExitCode();
// "interrupted; nothing was written", and that exit code.
int failInterrupted();

// A file the command will write, checked before any work rather than after it: its folder exists and
// takes files, it is no folder and no read-only file. Returns 0, or 2 after "OPTION PATH: why".
int checkOutput(const std::string& option, const std::string& path);
// checkOutput for a model or classifier file: also no device or pipe (it is replaced whole), no existing
// image, CSV, JSON or text file (a name given by mistake) replaced by a model, and no existing file at all
// unless `replace` (the command's --replace: a trained model is not lost to a mistyped name).
int checkModelOutput(const std::string& option, const std::string& path, bool replace);
// checkOutput for a table or text a command writes (--csv): also no existing model or classifier file
// there, which such a file would replace (a .ckpt named by mistake).
int checkTableOutput(const std::string& option, const std::string& path);
// Whether two paths name one file: the same file where both exist, else the same place.
bool sameFile(const std::string& a, const std::string& b);

// "01:05" or "1:02:03"; "--:--" when unknown.
std::string formatDuration(double secs);

namespace detail {
// The value of a numeric option, or CLI::ValidationError with the message ddpm has always given:
// "--batch takes a whole number between 1 and 65536, not '3.7'".
double checkedNumber(const std::string& option, const std::string& text, NumberRange range, bool whole);
std::string numberText(double v);
} // namespace detail

// An option that takes a number in `range` (or [lo, hi]); integer targets refuse fractions. The target keeps
// its value, which --help shows as the default, unless the option is given.
template <typename T>
CLI::Option* addNumber(CLI::App* app, const std::string& option, T& target, NumberRange range, const std::string& help,
                       const std::string& valueName)
{
    static_assert(std::is_arithmetic_v<T>);
    constexpr bool whole = std::is_integral_v<T>;
    return app
        ->add_option_function<std::string>(
            option,
            [&target, option, range](const std::string& text) {
                target = static_cast<T>(detail::checkedNumber(option, text, range, whole));
            },
            help)
        ->type_name(valueName)
        ->default_str(detail::numberText(static_cast<double>(target)));
}
template <typename T>
CLI::Option* addNumber(CLI::App* app, const std::string& option, T& target, double lo, double hi,
                       const std::string& help, const std::string& valueName)
{
    return addNumber(app, option, target, NumberRange{lo, hi}, help, valueName);
}

// A text option bound to `target`, whose value --help shows as the default.
CLI::Option* addText(CLI::App* app, const std::string& option, std::string& target, const std::string& help,
                     const std::string& valueName);

// Parses the arguments of a one-command program (ddpm-bench, ddpm-selfcheck) and runs it; errors
// as fail() prints them, and `what` names the run when LibTorch throws.
int parseAndRun(CLI::App& app, int argc, char** argv, const std::function<int()>& run, const Error& what);

// The `ddpm COMMAND [options]` program: each command is a CLI11 subcommand with its own --help.
class CommandLine {
public:
    explicit CommandLine(std::string name);

    // A command; `run` is called after its options are parsed and returns the exit code. `summary`
    // is its line in the usage text, `description` the first line of its --help.
    CLI::App* add(const std::string& name, const std::string& summary, const std::string& description,
                  std::function<int()> run);
    // A command this build does not have: asking for it prints `why` (exit code 2).
    void addUnavailable(const std::string& name, const std::string& why);

    int run(int argc, char** argv);
    void usage(FILE* to) const;

private:
    CLI::App m_app;
    struct Command {
        std::string name, summary;
    };
    std::vector<Command> m_commands;
    std::vector<Command> m_unavailable; // summary: why it is not there
    std::map<const CLI::App*, std::function<int()>> m_runs;
};

} // namespace ddpm::cli
