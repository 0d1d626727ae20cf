#include "commandline.h"

#include "atomicfile.h"
#include "checkpoint.h"
#include "checkpointparts.h"
#include "device.h"
#include "losshistory.h"
#include "tensorfile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <cctype>
#include <iostream>

namespace ddpm::cli {

namespace {

std::string& program()
{
    static std::string name = "ddpm";
    return name;
}

std::atomic<int>& caughtSignal()
{
    static std::atomic<int> signal{0};
    return signal;
}

void onSignal(int signal)
{
    caughtSignal().store(signal);
    interrupted().store(true);
}

// ".png" for "a/B.PNG": the type a name claims, as the output checks compare it.
std::string lowerExtension(const std::string& path)
{
    std::string type = std::filesystem::path(path).extension().string();
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
    return type;
}

} // namespace

int fail(const std::string& message, int code)
{
    std::fprintf(stderr, "%s: %s\n", program().c_str(), message.c_str());
    return code;
}

int fail(const Error& error)
{
    return fail(error.message(), error.usage ? 2 : 1);
}

void printJson(const nlohmann::json& result)
{
    std::printf("%s\n", result.dump(4, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

std::atomic<bool>& interrupted()
{
    static std::atomic<bool> flag{false};
    return flag;
}

int interruptedExitCode()
{
    const int signal = caughtSignal().load();
    return 128 + (signal > 0 ? signal : SIGINT);
}

int failInterrupted()
{
    return fail("interrupted; nothing was written", interruptedExitCode());
}

bool holdsATrainingLog(const std::string& path)
{
    std::error_code e;
    if (!std::filesystem::is_regular_file(path, e))
        return false;
    std::ifstream f(path, std::ios::binary);
    std::string first;
    std::getline(f, first);
    return isTrainingLogHeader(first);
}

int checkTableOutput(const std::string& option, const std::string& path)
{
    // A table named as an image or a model would be one in name only (and replace one that is there).
    const std::string type = lowerExtension(path);
    static const char* const notTables[] = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ckpt", ".pt"};
    if (std::find(std::begin(notTables), std::end(notTables), type) != std::end(notTables))
        return fail(option + " " + path + ": this output is a table (CSV), and the name is a " + type.substr(1) +
                        " file's: name a .csv file",
                    2);
    if (holdsACheckpoint(path))
        return fail(
            option + " " + path + ": the file there is a model, which this output would replace: name another file", 2);
    if (holdsATrainingLog(path)) // the record of a run: not to be lost to a table of another kind
        return fail(option + " " + path +
                        ": the file there is a training log (ddpm train --log), which this output would replace: "
                        "name another file",
                    2);
    return checkOutput(option, path);
}

int checkModelOutput(const std::string& option, const std::string& path, bool replace)
{
    std::error_code e;
    const auto status = std::filesystem::status(path, e);
    if (!e && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
        return fail(option + " " + path +
                        ": not a regular file (a device, a pipe or a folder): a model is written whole, to a file "
                        "of its own",
                    2);
    const std::string type = lowerExtension(path);
    static const char* const others[] = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".csv", ".json", ".txt"};
    if (!e && std::filesystem::exists(status) &&
        std::find(std::begin(others), std::end(others), type) != std::end(others))
        return fail(option + " " + path + ": the file there is a " + type.substr(1) +
                        " file, which a model would replace: name a .ckpt file",
                    2);
    if (!replace && !e && std::filesystem::exists(status))
        return fail(option + " " + path + " already exists: pass --replace to overwrite it, or name another file", 2);
    return checkOutput(option, path);
}

int checkOutput(const std::string& option, const std::string& path)
{
    if (auto w = checkWritable(path); !w)
        return fail(option + " " + path + ": " + w.error(), 2);
    return 0;
}

bool sameFile(const std::string& a, const std::string& b)
{
    std::error_code same, ca, cb;
    if (std::filesystem::equivalent(a, b, same))
        return true;
    // Absolute first: the part that exists is resolved (links, ..), the rest taken as written.
    const auto pa = std::filesystem::weakly_canonical(std::filesystem::absolute(a, ca), ca);
    const auto pb = std::filesystem::weakly_canonical(std::filesystem::absolute(b, cb), cb);
    return !ca && !cb && pa.lexically_normal() == pb.lexically_normal();
}

void stopOnSignals(bool sigterm)
{
    // The handler stays installed (glibc's signal() has BSD semantics): a second Ctrl-C during the save
    // only sets the flag again, and the save itself replaces the file atomically.
    std::signal(SIGINT, onSignal);
    if (sigterm) {
        std::signal(SIGTERM, onSignal);
        std::signal(SIGHUP, onSignal); // the terminal closed: save as for Ctrl-C
    }
    // A closed stderr pipe (`ddpm train … 2>&1 | tee log`, then Ctrl-C ends tee) makes writes fail
    // instead of killing the process before it saves.
    std::signal(SIGPIPE, SIG_IGN);
}

std::string formatDuration(double secs)
{
    if (!(secs >= 0) || secs > 1e7)
        return "--:--";
    const auto s = static_cast<long long>(secs);
    char buf[40];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%02lld:%02lld", s / 60, s % 60);
    return buf;
}

namespace detail {

std::string numberText(double v)
{
    // A whole limit in full ("1000000000", not "1e+09"), any other one in its shortest form.
    char buf[40];
    if (v == std::floor(v) && std::abs(v) < 1e16)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

double checkedNumber(const std::string& option, const std::string& text, NumberRange range, bool whole)
{
    // Decimal numbers only: strtod would also take hexadecimal ("0x10"), which nobody means here.
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    const bool parsed = !text.empty() && end && *end == '\0' && text.find_first_of("xX") == std::string::npos;
    if (parsed && std::isfinite(v) && range.contains(v) && (!whole || v == std::floor(v)))
        return v;
    const std::string values = range.minOpen || range.maxOpen
                                   ? (range.minOpen ? "above " : "of at least ") + numberText(range.min) +
                                         (range.maxOpen ? " and below " : " and at most ") + numberText(range.max)
                                   : "between " + numberText(range.min) + " and " + numberText(range.max);
    throw CLI::ValidationError(option + " takes a " + (whole ? "whole number" : "number") + " " + values + ", not '" +
                               text + "'");
}

} // namespace detail

CLI::Option* addText(CLI::App* app, const std::string& option, std::string& target, const std::string& help,
                     const std::string& valueName)
{
    auto* o = app->add_option(option, target, help)->type_name(valueName);
    if (!target.empty())
        o->default_str(target);
    return o;
}

std::string parseErrorText(const std::string& cli11)
{
    // "--steps: 1 required T missing" (a value left out; no type name where the option has none)
    static const std::regex missing(R"(^(\S+): \d+ required (\S*) ?missing$)");
    std::smatch m;
    if (std::regex_match(cli11, m, missing))
        return m[1].str() + " needs a value" + (m[2].length() > 0 ? " (" + m[2].str() + ")" : std::string());
    // CLI11's own sentences begin with a capital; every other message of the command does not
    std::string text = cli11;
    if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
        std::islower(static_cast<unsigned char>(text[1])))
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

int parseAndRun(CLI::App& app, int argc, char** argv, const std::function<int()>& run, const Error& what)
{
    program() = app.get_name();
    try {
        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp& e) {
            return app.exit(e); // the help of the command asked about, on stdout; exit code 0
        } catch (const CLI::ParseError& e) {
            return fail(parseErrorText(e.what()), 2);
        }
        return run();
    } catch (const std::exception& e) {
        // LibTorch's errors carry a C++ stack trace: the user gets its first line, and a remedy for memory.
        return fail(describeException(e, what).message());
    } catch (...) {
        return fail(describeUnknownException(what).message());
    }
}

CommandLine::CommandLine(std::string name)
    : m_app("", name)
{
    program() = name;
    m_app.require_subcommand(1, 1); // `ddpm train sample` is one command with an unexpected argument
    // An option given twice takes its last value, so that a script can append an override.
    m_app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

CLI::App* CommandLine::add(const std::string& name, const std::string& summary, const std::string& description,
                           std::function<int()> run)
{
    CLI::App* command = m_app.add_subcommand(name, description);
    m_commands.push_back({name, summary});
    m_runs[command] = std::move(run);
    return command;
}

void CommandLine::addUnavailable(const std::string& name, const std::string& why)
{
    m_unavailable.push_back({name, why});
}

void CommandLine::usage(FILE* to) const
{
    std::string text = "usage: " + m_app.get_name() + " COMMAND [options]\n\ncommands:\n";
    size_t width = 0; // every summary in one column, after the longest name
    for (const auto& c : m_commands)
        width = std::max(width, c.name.size());
    for (const auto& c : m_commands)
        text += "  " + c.name + std::string(width + 2 - c.name.size(), ' ') + c.summary + "\n";
    if (!m_unavailable.empty()) {
        std::string names;
        for (const auto& c : m_unavailable)
            names += (names.empty() ? "" : ", ") + c.name;
        text += "  (" + names + ": in the build with Qt)\n";
    }
    text += "\n" + m_app.get_name() + " COMMAND --help lists the options of a command.\n";
    std::fputs(text.c_str(), to);
}

int CommandLine::run(int argc, char** argv)
{
    const int rc = [&] {
        if (argc < 2) {
            usage(stderr);
            return 2;
        }
        const std::string name = argv[1];
        auto known = [&](const std::string& command) {
            return std::any_of(m_commands.begin(), m_commands.end(),
                               [&](const Command& c) { return c.name == command; });
        };
        if (name == "help" || name == "--help" || name == "-h") {
            if (argc > 2 && std::string(argv[2]) == "help") { // ddpm help help: this list
                usage(stdout);
                return 0;
            }
            if (argc > 2 && known(argv[2])) { // ddpm help COMMAND
                std::fputs(m_app.get_subcommand(argv[2])->help(m_app.get_name()).c_str(), stdout);
                return 0;
            }
            for (const auto& c : m_unavailable) // ddpm help sample, in the build without Qt
                if (argc > 2 && c.name == argv[2])
                    return fail(c.summary, 2);
            if (argc > 2) {
                usage(stderr);
                return fail("unknown command '" + std::string(argv[2]) + "'", 2);
            }
            usage(stdout);
            return 0;
        }
        if (name == "--version") {
            std::printf("%s %s\n", m_app.get_name().c_str(), DDPM_VERSION);
            return 0;
        }
        for (const auto& c : m_unavailable)
            if (c.name == name)
                return fail(c.summary, 2);
        if (!known(name)) {
            usage(stderr);
            return fail("unknown command '" + name + "'", 2);
        }
        return parseAndRun(
            m_app, argc, argv, [&] { return m_runs.at(m_app.get_subcommands().front())(); },
            ddpm::fail(DDPM_MSG("Engine", "the command '%1'"), name));
    }();
    // What went to stdout (a JSON result, a table, the help) and could not be written is a failure, not a
    // success: `ddpm nll … > /dev/full` says so rather than exit 0 with the result lost.
    if (std::fflush(stdout) != 0 || std::ferror(stdout))
        return rc != 0 ? rc : fail(std::string("cannot write the output: ") + std::strerror(errno));
    return rc;
}

} // namespace ddpm::cli
