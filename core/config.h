// Everything that defines a model and how it is trained: kept in every checkpoint.
#pragma once

#include "diffusion.h"
#include "names.h"
#include "options.h"
#include "schedule.h"
#include "unet.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace ddpm {

struct Dataset;

struct ModelConfig {
    std::string preset = kDefaultPreset;
    UNetOptions unet;
    ScheduleOptions schedule;
    Prediction prediction = Prediction::Epsilon;
    std::string dataSpec = "synthetic";
    // A class-conditional model's classes (unet.numClasses of them), as the data set names them.
    std::vector<std::string> classNames;
    TrainOptions train;
    // Where the weights started (ddpm train --init, the studio's New model from weights…): the other
    // checkpoint's file name, step and SHA-256; empty for a model trained from scratch.
    std::string initFrom;
    bool conditional() const { return unet.numClasses() > 0; }
};

// Checks training settings against core/sizelimits.h and their meaning (a positive rate, …).
Status validateTrainOptions(const TrainOptions& options);

// A class-conditional model's class names (numbered where the checkpoint names none); empty otherwise.
std::vector<std::string> classNamesOf(const ModelConfig& config);
// Makes the configuration class-conditional on these classes: at least two.
Status setClasses(ModelConfig& config, const std::vector<std::string>& names);
// The same on a data set's classes (its classNames), each of which must have images.
Status setClasses(ModelConfig& config, const Dataset& data);

// The configuration of a model started from the weights of one configured as `from` (Trainer::startFrom):
// its network, schedule and prediction, with the classes (none, or setClasses's), training settings and
// data set of `settings`.
ModelConfig warmStartConfig(const ModelConfig& from, const ModelConfig& settings);

// A configuration for a named preset with the paper's linear schedule.
Result<ModelConfig> makeConfig(const std::string& preset);

// One setting's value as a checkpoint stores it: integers are 64-bit, names are strings.
using ConfigValue = std::variant<bool, int64_t, double, std::string, std::vector<int64_t>, std::vector<std::string>>;

// One setting of ModelConfig. configFields() is the configuration's one schema: the checkpoint
// writer and reader (checkpoint.cpp) and `ddpm info`'s JSON all walk it, so a new setting is one row.
struct ConfigField {
    const char* key; // "model.ch": the key in the checkpoint, and the path in the JSON (model → ch)
    bool listed;     // printed by `ddpm info`
    ConfigValue (*get)(const ModelConfig&);
    void (*set)(ModelConfig&, const ConfigValue&); // takes a value of the type get() returns
    // Whether set() can take this value (a name it knows, a number within int): null: any value.
    bool (*accepts)(const ConfigValue&);
    // Added after checkpoints of format 2 were first written: a file without it keeps the default.
    bool optional = false;
};
const std::vector<ConfigField>& configFields();

// A string's JSON form without the quotes (core's quality report writes its JSON by hand).

} // namespace ddpm
