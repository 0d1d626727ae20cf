// The names of the model presets and noise schedules, defined once for the engine, the ddpm command
// and the studio (which includes this header without LibTorch).
#pragma once

#include <string>
#include <vector>

namespace ddpm {

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

} // namespace ddpm
