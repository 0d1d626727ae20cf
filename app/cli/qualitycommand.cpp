// `ddpm quality` (Qt build: it finds the bundled classifier next to the program): samples scored by the
// data set's classifier (core/quality.h), one sampler setting or a sweep, as JSON on standard output and
// optionally CSV.
#include "samplingoptions.h"

#include "bundled.h"
#include "classifier.h"
#include "atomicfile.h"
#include "imageio.h"
#include "quality.h"
#include "sizelimits.h"

#include <QFile>
#include <QString>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>
#include <sstream>

namespace ddpm::cli {
namespace {

struct QualityArgs {
    CLI::App* command = nullptr;
    std::string checkpoint, sampler = samplerKindName(QualityOptions{}.sampler.kind), weights = weightsNames().front(),
                            classifier, precision = precisionNames().front(), device = deviceNames().front(), csv,
                            corrector = correctorKindName(QualityOptions{}.sampler.corrector), classChoice,
                            spacing = timestepSpacingName(QualityOptions{}.sampler.spacing);
    QualityOptions options;
    int threads = 0;
    bool sweep = false, guidanceSweep = false;
    bool given(const char* option) const { return command->count(option) > 0; }
};

// The reference, with how far it got on stderr (the classifier describes 70,000 images: about half a
// minute on two cores), as the other progress lines, without "ddpm:"; Ctrl-C stops it.
Result<QualityReference> describedReference(const TrainedClassifier& classifier, int count)
{
    const bool tty = ::isatty(STDERR_FILENO);
    int lastDecile = -1;
    auto reference = fashionMnistReference(
        classifier, count, 0,
        [&](int64_t done, int64_t total) {
            const int percent = static_cast<int>(100 * done / std::max<int64_t>(1, total));
            if (tty)
                std::fprintf(stderr, "\rreference: %3d%%", percent);
            else if (percent / 10 != lastDecile)
                std::fprintf(stderr, "ddpm quality: reference %d%%\n", 10 * (percent / 10));
            lastDecile = percent / 10;
        },
        &interrupted());
    if (tty)
        std::fprintf(stderr, "\n");
    return reference;
}

// Each sampler setting, the one of the options or the sweep's, measured in turn with its progress and
// its result on stderr. Returns 0, or after the message 1, or 128 + the signal that interrupted it.
int measureSettings(const QualityArgs& a, const QualityOptions& qo, const Sampling& model,
                    const TrainedClassifier& classifier, const QualityReference& reference,
                    std::vector<QualityReport>& reports)
{
    const auto sweep = qualitySweep(qo.sampler);
    const std::vector<SamplerOptions> settings = a.sweep           ? runsFitting(sweep, model.diffusion.steps())
                                                 : a.guidanceSweep ? guidanceSweep(qo.sampler)
                                                                   : std::vector<SamplerOptions>{qo.sampler};
    if (a.sweep && settings.size() < sweep.size())
        std::fprintf(stderr,
                     "ddpm: note: %zu of the sweep's %zu settings ask for more than the model's T = %d steps "
                     "and are left out\n",
                     sweep.size() - settings.size(), sweep.size(), model.diffusion.steps());
    stopOnSignals(false);
    const bool tty = ::isatty(STDERR_FILENO);
    for (const auto& setting : settings) {
        QualityOptions o = qo;
        o.sampler = setting;
        const std::string label =
            samplerKindName(setting.kind) +
            (setting.kind == SamplerKind::Ddim && setting.spacing != TimestepSpacing::Linspace
                 ? " (" + timestepSpacingName(setting.spacing) + ")"
                 : "") +
            (setting.corrector == CorrectorKind::Langevin ? "+corrector" : "") + ", " +
            std::to_string(samplerEvaluations(setting, model.diffusion.steps())) + " network evaluation" +
            (samplerEvaluations(setting, model.diffusion.steps()) == 1 ? "" : "s") +
            (model.numClasses() > 0 ? ", class " + classChoiceName(setting.classChoice, model.classNames) +
                                          ", guidance " + QString::number(setting.guidance).toStdString()
                                    : std::string());
        int lastDecile = -1;
        auto report = measureQuality(
            model, classifier, reference, o,
            [&](int done, int total) {
                const int decile = total > 0 ? static_cast<int>(10.0 * done / total) : 10;
                if (tty)
                    std::fprintf(stderr, "\rquality, %s: %3d%%", label.c_str(),
                                 total > 0 ? static_cast<int>(100.0 * done / total) : 100);
                else if (decile != lastDecile)
                    std::fprintf(stderr, "ddpm quality: %s %d%%\n", label.c_str(), 10 * decile);
                lastDecile = decile;
            },
            &interrupted());
        if (tty)
            std::fprintf(stderr, "\n");
        if (!report)
            return isCancelled(report.failure()) ? failInterrupted() : fail(report.error());
        std::fprintf(stderr, "ddpm: %s: FID %.3f (floor %.3f, ratio %.2f), mean confidence %.3f, %.3f s/image\n",
                     label.c_str(), report->fid, report->fidFloor, report->ratio, report->meanConfidence,
                     report->secondsPerImage);
        if (std::isfinite(report->classAgreement))
            std::fprintf(stderr, "ddpm: %s: class agreement %.3f\n", label.c_str(), report->classAgreement);
        reports.push_back(report.value());
    }
    return 0;
}

// The report on standard output: what was measured with what, then the measurement, or the sweep's rows.
// One JSON writer (nlohmann's, as core's reports): the report objects as core writes them.
nlohmann::ordered_json qualityJson(const QualityArgs& a, const ModelState& m, const QString& classifierFile,
                                   const TrainedClassifier& classifier, const QualityReference& reference, int count,
                                   const std::vector<QualityReport>& reports)
{
    auto reportObject = [](const QualityReport& r) { return nlohmann::ordered_json::parse(qualityReportToJson(r, 0)); };
    nlohmann::ordered_json o;
    o["checkpoint"] = a.checkpoint;
    o["training_step"] = m.step;
    o["weights"] = a.weights;
    o["classifier"] = classifierFile.toStdString();
    o["classifier_test_accuracy"] = classifier.testAccuracy;
    if (a.sweep || a.guidanceSweep) {
        auto rows = nlohmann::ordered_json::array();
        for (const auto& r : reports)
            rows.push_back(reportObject(r));
        o["count"] = count;
        o["fid_floor"] = reference.fidFloor;
        o["rows"] = rows;
    } else {
        o.update(reportObject(reports.front()));
    }
    return o;
}

// --csv: the report, or the sweep's rows, as CSV. Returns 0, or 1 after the message.
int writeQualityCsv(const std::string& path, const std::vector<std::string>& classNames,
                    const std::vector<QualityReport>& reports)
{
    std::string text = qualityCsvHeader(classNames);
    for (const auto& r : reports)
        text += qualityReportToCsvRow(r);
    if (auto s = writeFileAtomically(path, text); !s) // by its bytes: a name need not be UTF-8
        return fail(s.error());
    return 0;
}

// The classifier that measures: `file` (empty: none found), of Fashion-MNIST's classes, its features
// standing for those images (a classifier of other images measures nothing here); a weak one noted.
Result<TrainedClassifier> fashionMnistClassifier(const QString& file, torch::Device device)
{
    if (file.isEmpty())
        return Error{std::string("no classifier found (resources/") + kClassifierFile +
                     "); name one with "
                     "--classifier or make one with `ddpm train-classifier`"};
    auto classifier = loadClassifier(file.toStdString(), device);
    if (!classifier)
        return classifier;
    if (auto s = checkFashionMnistClassifier(classifier.value(), file.toStdString()); !s)
        return Error{s.error() + " (ddpm train-classifier --data fashion-mnist makes one)"};
    if (classifier->testAccuracy < 0.8)
        std::fprintf(stderr,
                     "ddpm: note: the classifier gets %.0f %% of its test images right: its features, and the "
                     "distance measured with them, say little\n",
                     100.0 * classifier->testAccuracy);
    return classifier;
}

// --sampler, --corrector and --spacing applied to `qo`, with a note for each sampler option given that the
// setting (or the sweep) does not use. Returns 0, or 2 after the message.
int applySamplerArgs(const QualityArgs& a, QualityOptions& qo)
{
    auto kind = parseSamplerKind(a.sampler);
    if (!kind)
        return fail(kind.error(), 2);
    qo.sampler.kind = kind.value();
    auto corrector = parseCorrectorKind(a.corrector);
    if (!corrector)
        return fail(corrector.error(), 2);
    qo.sampler.corrector = corrector.value();
    auto spacing = parseTimestepSpacing(a.spacing);
    if (!spacing)
        return fail(spacing.error(), 2);
    qo.sampler.spacing = spacing.value(); // a sweep's DDIM runs take it too
    if (a.sweep) {                        // the sweep's own settings take their place
        for (const char* option :
             {"--sampler", "--steps", "--eta", "--corrector", "--corrector-steps", "--snr", "--langevin-step"})
            if (a.given(option))
                std::fprintf(stderr, "ddpm: note: --sweep measures its own sampler settings; %s is not used\n", option);
    } else {
        noteUnusedLangevinOptions(a.command, qo.sampler);
        for (const char* ddimOnly : {"--eta", "--spacing"})
            if (a.given(ddimOnly) && qo.sampler.kind != SamplerKind::Ddim)
                std::fprintf(stderr, "ddpm: note: %s is for ddim; %s does not use it\n", ddimOnly, a.sampler.c_str());
    }
    return 0;
}

int quality(const QualityArgs& a)
{
    if (a.checkpoint.empty())
        return fail("--checkpoint CKPT is required", 2);
    if (!a.csv.empty()) {
        if (const int rc = checkTableOutput("--csv", a.csv))
            return rc;
        if (sameFile(a.csv, a.checkpoint))
            return fail("--csv " + a.csv + " is the checkpoint: the table would replace the model", 2);
        const std::string classifier =
            a.given("--classifier") ? a.classifier : QFile::encodeName(classifierPath()).toStdString();
        if (!classifier.empty() && sameFile(a.csv, classifier))
            return fail("--csv " + a.csv + " is the classifier: the table would replace it", 2);
    }
    QualityOptions qo = a.options;
    if (const int rc = applySamplerArgs(a, qo))
        return rc;
    std::optional<Compute> compute;
    std::optional<OpenedModel> opened;
    if (const int rc = openModelFor(a.checkpoint, a.weights, a.threads, a.device, a.precision, compute, opened))
        return rc;
    const ModelState& m = opened->model;
    if (a.sweep && a.guidanceSweep)
        return fail("--sweep and --guidance-sweep: one sweep at a time", 2);
    if (a.guidanceSweep && m.config.unet.numClasses() == 0)
        return fail("--guidance-sweep: '" + a.checkpoint + "' was trained without classes", 2);
    if (const int rc = applyClassChoice(a.command, a.classChoice, opened->sampling, qo.sampler))
        return rc;
    if (auto s = checkSamplerSteps(qo.sampler, opened->sampling.diffusion.steps());
        !s && !a.sweep) // a sweep sets its own
        return fail("--steps " + std::to_string(qo.sampler.ddimSteps) + ": " + s.error(), 2);
    if (m.config.unet.imageChannels() != 1)
        return fail("'" + a.checkpoint + "' makes " + std::to_string(m.config.unet.imageChannels()) +
                    "-channel images; quality is measured against Fashion-MNIST, for grey models only");
    if (m.config.dataSpec.rfind("fashion-mnist", 0) != 0)
        std::fprintf(stderr, "ddpm: note: the model was trained on %s; it is compared with Fashion-MNIST\n",
                     m.config.dataSpec.c_str());
    const QString classifierFile = a.given("--classifier") ? QFile::decodeName(a.classifier.c_str()) : classifierPath();
    auto classifier = fashionMnistClassifier(classifierFile, compute->device);
    if (!classifier)
        return fail(classifier.error());
    std::fprintf(stderr, "ddpm: reference: Fashion-MNIST test features and the floor of %d training images\n",
                 qo.count);
    // Below the features' dimensions the sample covariance is singular and the distance mostly its own bias:
    // a ratio under 1 there says nothing of the model (the samples' and the floor's class shares differ too).
    if (const int64_t dims = classifier.value().net->options().features(); qo.count < 4 * dims)
        std::fprintf(stderr,
                     "ddpm: note: %d images against features of %lld dimensions: the distance and its floor are "
                     "mostly bias at this count; compare only runs of one --count, and measure with %lld or more "
                     "(%d by default) before reading the ratio\n",
                     qo.count, static_cast<long long>(dims), static_cast<long long>(4 * dims), QualityOptions{}.count);
    stopOnSignals(false);
    auto reference = describedReference(classifier.value(), qo.count);
    if (!reference)
        return isCancelled(reference.failure()) ? failInterrupted() : fail(reference.error());
    std::vector<QualityReport> reports;
    if (const int rc = measureSettings(a, qo, opened->sampling, classifier.value(), reference.value(), reports))
        return rc;
    const auto report = qualityJson(a, m, classifierFile, classifier.value(), reference.value(), qo.count, reports);
    printJson(report); // first: a --csv that cannot be written loses nothing else
    std::fflush(stdout);
    if (a.given("--csv"))
        return writeQualityCsv(a.csv, classifier->classNames, reports);
    return 0;
}

} // namespace

void addQualityCommand(CommandLine& cli)
{
    auto a = std::make_shared<QualityArgs>();
    auto* c = cli.add("quality", "measure sample quality: a Fréchet distance to Fashion-MNIST, beside its floor",
                      "sample a model and compare the samples with the Fashion-MNIST test images through a "
                      "classifier's features (a Fréchet distance, as FID), beside the floor that as many real "
                      "training images reach; JSON on standard output",
                      [a] { return quality(*a); });
    a->command = c;
    addText(c, "--checkpoint", a->checkpoint, "checkpoint of a grey model trained on Fashion-MNIST", "CKPT")
        ->required();
    addNumber(c, "--count", a->options.count, 2, static_cast<double>(limits::kMaxSamples),
              "samples to draw (the floor uses as many real training images)", "N");
    addText(c, "--sampler", a->sampler, kSamplerHelp, "S");
    addNumber(c, "--steps", a->options.sampler.ddimSteps, 1, static_cast<double>(limits::kMaxTimesteps), kStepsHelp,
              "S");
    addNumber(c, "--eta", a->options.sampler.eta, 0, limits::kMaxEta, "DDIM η", "E");
    addSpacingOption(c, a->spacing);
    addLangevinOptions(c, a->options.sampler, a->corrector);
    addClassOptions(c, a->classChoice, a->options.sampler);
    addNumber(c, "--seed", a->options.sampler.seed, 0, limits::kMaxSeed, "random seed of the samples", "S");
    addText(c, "--weights", a->weights, kWeightsHelp, "W");
    addNumber(c, "--batch", a->options.batch, 0, static_cast<double>(limits::kMaxSamplingBatch), kSamplingBatchHelp,
              "B");
    addText(c, "--classifier", a->classifier,
            "classifier file (default: the shipped " + std::string(kClassifierFile) +
                ", in $DDPM_DATA_DIR, "
                "../share/ddpm-studio next to the program or the source tree's resources)",
            "FILE");
    addText(c, "--precision", a->precision, kPrecisionHelp, "P");
    addText(c, "--device", a->device, kDeviceHelp, "D");
    addNumber(c, "--threads", a->threads, 0, static_cast<double>(limits::kMaxThreads), kThreadsHelp, "N");
    // The lists from the sweeps themselves (core/quality.h).
    std::vector<std::string> ddimSteps, weights;
    for (const auto& o : qualitySweep())
        if (o.kind == SamplerKind::Ddim && o.corrector == CorrectorKind::None)
            ddimSteps.push_back(std::to_string(o.ddimSteps));
    for (const auto& o : guidanceSweep()) {
        std::ostringstream w;
        w << o.guidance;
        weights.push_back(w.str());
    }
    c->add_flag("--sweep", a->sweep,
                "measure DDIM with " + listOfChoices(ddimSteps, " and ") +
                    " steps, DDPM with all T steps, and at about 100 and 250 network evaluations DDIM with a Langevin "
                    "corrector and annealed Langevin");
    c->add_flag("--guidance-sweep", a->guidanceSweep,
                "a class-conditional model at guidance w = " + listOfChoices(weights, " and ") +
                    ", every class in equal shares: Fréchet distance against class agreement");
    addText(c, "--csv", a->csv, "also write the report (or the sweep's rows) as CSV", "FILE");
}

} // namespace ddpm::cli
