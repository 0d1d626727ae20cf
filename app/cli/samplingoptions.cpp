#include "samplingoptions.h"

#include "device.h"
#include "sizelimits.h"

#include <cstdio>
#include <sstream>

namespace ddpm::cli {

int openModelFor(const std::string& checkpoint, const std::string& weightsName, int threads, const std::string& device,
                 const std::string& precision, std::optional<Compute>& compute, std::optional<OpenedModel>& model)
{
    const auto weights = parseWeights(weightsName);
    if (!weights)
        return fail(kWeightsRefusal, 2);
    const auto c = computeOptions(threads, device, precision);
    if (!c)
        return fail(c.error(), 2);
    compute = c.value();
    auto opened = openForSampling(checkpoint, compute->device, compute->precision, weights.value());
    if (!opened)
        return fail(opened.error());
    model.emplace(std::move(opened).value());
    return 0;
}

void addSpacingOption(CLI::App* c, std::string& spacing)
{
    addText(c, "--spacing", spacing,
            "DDIM's steps: " +
                describedChoices(timestepSpacingNames(), {{"linspace", "evenly from T to 1, the last step from t = 1"},
                                                          {"trailing", "T, T − T/S, …, T/S, the last from T/S"}}),
            "SP");
}

void addLangevinOptions(CLI::App* c, SamplerOptions& o, std::string& corrector)
{
    addText(
        c, "--corrector", corrector,
        describedChoices(correctorKindNames(), {{"langevin", "Langevin corrector steps after each DDPM or DDIM step"}}),
        "C");
    addNumber(c, "--corrector-steps", o.langevinSteps, 1, static_cast<double>(limits::kMaxLangevinSteps),
              "Langevin steps per level (the corrector's, or the langevin samplers')", "K");
    addNumber(c, "--snr", o.snr, 0.0, limits::kMaxSnr,
              "the corrector's signal-to-noise ratio r (step ε = 2 α_t r² (1 − ᾱ_t))", "R");
    addNumber(c, "--langevin-step", o.langevinStep, limits::kMinLangevinStep, limits::kMaxLangevinStep,
              "langevin samplers: c in η_t = c (1 − ᾱ_t)", "C");
}

void noteUnusedLangevinOptions(const CLI::App* c, const SamplerOptions& so)
{
    const auto given = [c](const char* option) { return c->count(option) > 0; };
    const bool langevin = isLangevinSampler(so.kind);
    const bool corrector = so.corrector == CorrectorKind::Langevin && !langevin;
    const std::string sampler = samplerKindName(so.kind);
    if (so.corrector == CorrectorKind::Langevin && langevin)
        std::fprintf(stderr, "ddpm: note: --corrector langevin is for ddpm and ddim; %s is Langevin dynamics already\n",
                     sampler.c_str());
    if (given("--snr") && !corrector)
        std::fprintf(stderr, "ddpm: note: --snr is for --corrector langevin with ddpm or ddim; it is not used here\n");
    if (given("--corrector-steps") && !corrector && !langevin)
        std::fprintf(stderr,
                     "ddpm: note: --corrector-steps is for --corrector langevin and the langevin samplers; %s "
                     "without a corrector does not use it\n",
                     sampler.c_str());
    if (given("--langevin-step") && !langevin)
        std::fprintf(stderr, "ddpm: note: --langevin-step is for the langevin samplers; %s does not use it\n",
                     sampler.c_str());
}

int applyClassChoice(const CLI::App* command, const std::string& text, const Sampling& model, SamplerOptions& so)
{
    const bool classGiven = command->count("--class") > 0;
    if (model.numClasses() > 0 && command->count("--guidance") == 0)
        so.guidance = classGiven && text == "none" ? 0.0 : kDefaultGuidance;
    const auto choice = parseClassChoice(classGiven || model.numClasses() == 0 ? text : "all", model.classNames);
    if (!choice)
        return fail(choice.error(), 2);
    so.classChoice = choice.value();
    if (auto s = model.checkClasses(so); !s)
        return fail(s.error(), 2);
    return 0;
}

void addGuidanceOption(CLI::App* c, double& guidance, const std::string& whenNotGiven)
{
    std::ostringstream byDefault;
    byDefault << kDefaultGuidance;
    addNumber(c, "--guidance", guidance, 0, limits::kMaxGuidance,
              "classifier-free guidance w: ε̃ = (1 + w) ε̂(x, t, class) − w ε̂(x, t, none); 0 plain conditional, " +
                  byDefault.str() + " " + whenNotGiven + " (others write s = 1 + w)",
              "W")
        ->default_str(""); // the default depends on the model and --class, as the help says
}

void addClassOptions(CLI::App* c, std::string& classChoice, SamplerOptions& o)
{
    addText(c, "--class", classChoice,
            "a class-conditional model's class: its number, its name, all (equal shares) or none", "K");
    addGuidanceOption(c, o.guidance, "when not given");
}

} // namespace ddpm::cli
