// The ddpm commands that need only the engine: schedule, train (in traincommand.cpp), info, export,
// convert, bench, selfcheck, train-classifier, nll (in nllcommand.cpp) and toy (in toycommand.cpp).
// Qt-free, so that a GPU server with only LibTorch has them (-DDDPM_WITH_QT=OFF), with the same options,
// checkpoints and output as the Qt build, which registers these same commands.
#pragma once

#include "names.h"
#include "bench.h"
#include "commandline.h"
#include "dataset.h"
#include "precision.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ddpm::cli {

// What the program adds to the engine.
struct Environment {
    // Reads `folder:DIR` data sets; the Qt build reads them with Qt's image readers, a build
    // without Qt refuses them (folderLoaderWithoutQt).
    FolderLoader folderLoader;
};
FolderLoader folderLoaderWithoutQt();

// "auto (bf16 where fast), fp32 or bf16 (mixed)": the choices of an option's help from the engine's list
// of names, in its order, each with its note where it has one. A note for a name the list does not have
// stops the program at its start (every test of the command would fail), not in a user's hands.
inline std::string describedChoices(const std::vector<std::string>& names,
                                    const std::vector<std::pair<std::string, std::string>>& notes)
{
    for (const auto& note : notes)
        if (std::find(names.begin(), names.end(), note.first) == names.end())
            throw std::logic_error("help: a note for '" + note.first + "', which is not a choice");
    std::vector<std::string> described;
    for (const std::string& name : names) {
        const auto note = std::find_if(notes.begin(), notes.end(), [&](const auto& n) { return n.first == name; });
        described.push_back(note == notes.end() ? name : name + " (" + note->second + ")");
    }
    return listOfChoices(described);
}

// The help of --device, --threads and --precision, worded alike in every command that takes them.
inline const std::string kDeviceHelp = listOfChoices(deviceNames());
inline const std::string kThreadsHelp = "CPU threads (0: all cores)";
inline const std::string kPrecisionHelp =
    describedChoices(precisionNames(), {{"auto", "bf16 where fast"}, {"bf16", "mixed"}});
inline const std::string kWeightsHelp =
    weightsNames()[0] + " (the average of the weights, what the paper samples with) or " + weightsNames()[1];
inline const std::string kWeightsRefusal = "--weights takes " + listOfChoices(weightsNames());

// --threads, --device and --precision of the commands that run the U-Net, checked in that order; the
// threads are set on the way. The error is a usage error (exit code 2).
struct Compute {
    torch::Device device;
    Precision precision;
};
Result<Compute> computeOptions(int threads, const std::string& device, const std::string& precision);

void addScheduleCommand(CommandLine& cli);
void addTrainCommand(CommandLine& cli, const Environment& env);
void addInfoCommand(CommandLine& cli);
void addExportCommand(CommandLine& cli);
void addConvertCommand(CommandLine& cli);
void addBenchCommand(CommandLine& cli);
void addSelfcheckCommand(CommandLine& cli);
void addTrainClassifierCommand(CommandLine& cli, const Environment& env);
void addNllCommand(CommandLine& cli, const Environment& env); // nllcommand.cpp
void addToyCommand(CommandLine& cli);                         // toycommand.cpp
// Every command above, in that order: the commands that need no Qt (the Qt build adds sample, quality
// and interpolate after them).
void addEngineCommands(CommandLine& cli, const Environment& env);
// The Qt build's `ddpm interpolate` (interpolatecommand.cpp: it writes PNGs with Qt).
void addInterpolateCommand(CommandLine& cli, const Environment& env);
// The Qt build's `ddpm quality` (qualitycommand.cpp: it finds the bundled classifier with Qt).
void addQualityCommand(CommandLine& cli);

// The benchmark's options and run, shared by `ddpm bench` and `ddpm-bench`: one JSON line on stdout.
void addBenchOptions(CLI::App* app, BenchOptions& options);
int bench(const BenchOptions& options);

// The samplers against exact denoisers on `device` (the last step and the whole chain) and on the CPU (`ddpm
// selfcheck`, `ddpm-selfcheck`): one JSON line per check; exit code 1 when one fails.
void addSelfcheckOptions(CLI::App* app, std::string& device);
int selfcheck(const std::string& device);

} // namespace ddpm::cli
