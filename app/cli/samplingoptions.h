// What `ddpm sample`, `ddpm quality` and `ddpm interpolate` (the Qt build's commands that sample) share: how the model
// is opened for sampling and the options that choose the sampler, the Langevin steps and the class.
#pragma once

#include "commandline.h"
#include "commands.h"
#include "modelstate.h"
#include "sampler.h"

#include <optional>
#include <string>

namespace ddpm::cli {

inline constexpr const char* kSamplingBatchHelp =
    "images through the network at once (0: chosen for the device); the images do not depend on it";
inline const std::string kSamplerHelp =
    describedChoices(samplerKindNames(), {{"langevin", "annealed"}, {"langevin-fixed", "one noise level"}});
inline constexpr const char* kStepsHelp = "DDIM steps, Langevin noise levels";

// --weights, --threads, --device and --precision applied and the checkpoint opened for sampling. Returns 0, or
// the exit code after the message (2: a bad option).
int openModelFor(const std::string& checkpoint, const std::string& weightsName, int threads, const std::string& device,
                 const std::string& precision, std::optional<Compute>& compute, std::optional<OpenedModel>& model);
// --spacing: DDIM's timesteps, linspace or trailing (parseTimestepSpacing reads it).
void addSpacingOption(CLI::App* c, std::string& spacing);
// --corrector, --corrector-steps, --snr and --langevin-step.
void addLangevinOptions(CLI::App* c, SamplerOptions& o, std::string& corrector);
// A note on stderr for each of those given that `so` (its sampler and corrector) does not use: said to
// be unused rather than silently dropped.
void noteUnusedLangevinOptions(const CLI::App* c, const SamplerOptions& so);
// --class (a number, a name, all or none) and --guidance checked against the model; a class-conditional
// model without them draws every class, guided with kDefaultGuidance. Returns 0, or 2 after the message.
int applyClassChoice(const CLI::App* command, const std::string& text, const Sampling& model, SamplerOptions& so);
// --guidance w, into `guidance`; the help ends with the default's rule, e.g. "when not given".
void addGuidanceOption(CLI::App* c, double& guidance, const std::string& whenNotGiven);
// --class and --guidance.
void addClassOptions(CLI::App* c, std::string& classChoice, SamplerOptions& o);

} // namespace ddpm::cli
