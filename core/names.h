// The names of the model presets and noise schedules, defined once for the engine, the ddpm command
// and the studio (which includes this header without LibTorch).
#pragma once

#include <string>
#include <vector>

namespace ddpm {

// What a new model starts from: ModelConfig's preset (config.h) and ScheduleOptions' kind (schedule.h).
inline constexpr char kDefaultPreset[] = "reference";
inline constexpr char kDefaultSchedule[] = "linear";

// In the order menus list them; unetPreset() (unet.cpp) defines what each one is.
inline const std::vector<std::string>& unetPresetNames()
{
    static const std::vector<std::string> names{"tiny", "reference", "cifar"};
    return names;
}

// Indexed by ScheduleKind (schedule.h): Linear, Cosine, Sigmoid, Quadratic.
inline const std::vector<std::string>& scheduleKindNames()
{
    static const std::vector<std::string> names{"linear", "cosine", "sigmoid", "quadratic"};
    return names;
}

// Indexed by SamplerKind, CorrectorKind and VarianceKind (options.h).
inline const std::vector<std::string>& samplerKindNames()
{
    static const std::vector<std::string> names{"ddpm", "ddim", "langevin", "langevin-fixed"};
    return names;
}

inline const std::vector<std::string>& correctorKindNames()
{
    static const std::vector<std::string> names{"none", "langevin"};
    return names;
}

// Indexed by TimestepSpacing (options.h): how DDIM's steps are spread over 1 … T.
inline const std::vector<std::string>& timestepSpacingNames()
{
    static const std::vector<std::string> names{"linspace", "trailing"};
    return names;
}

inline const std::vector<std::string>& varianceKindNames()
{
    static const std::vector<std::string> names{"beta", "beta-tilde"};
    return names;
}

// Indexed by Weights (modelstate.h): the EMA of the weights (what the paper samples with, the default),
// then the raw ones.
inline const std::vector<std::string>& weightsNames()
{
    static const std::vector<std::string> names{"ema", "raw"};
    return names;
}

// Indexed by Prediction (diffusion.h): what the network predicts, ε (the paper's and the default), x0 or v.
inline const std::vector<std::string>& predictionNames()
{
    static const std::vector<std::string> names{"eps", "x0", "v"};
    return names;
}

// What parseDevice (device.h) and parsePrecision (precision.h) accept; "auto" first, the default.
inline const std::vector<std::string>& deviceNames()
{
    static const std::vector<std::string> names{"auto", "cpu", "cuda"};
    return names;
}

inline const std::vector<std::string>& precisionNames()
{
    static const std::vector<std::string> names{"auto", "fp32", "bf16"};
    return names;
}

} // namespace ddpm
