// `ddpm nll`: the variational bound on the negative log-likelihood of held-out images (core/likelihood.h)
// in bits per dimension, with its standard error over the images, each term per t in a CSV, and the
// cheap estimate (core/likelihood.h, boundEstimate) beside it. JSON on stdout, progress on stderr; Ctrl-C stops it.
#include "commands.h"

#include "atomicfile.h"
#include "dataset.h"
#include "device.h"
#include "likelihood.h"
#include "modelstate.h"
#include "pixels.h"
#include "sizelimits.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <limits>
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>

#include <unistd.h>

namespace ddpm::cli {

namespace {

struct NllArgs {
    std::string checkpoint, data, csv,
        weights = weightsNames().front(), // no --data: the model's held-out images (heldOutSpec)
        variance = varianceKindName(SamplerOptions{}.variance), device = deviceNames().front(),
        precision = "fp32"; // bf16 would round x_t by about one of the decoder's bins
    int count = 100, skip = 0, batch = 0, threads = 0;
    uint64_t seed = 0;
    bool noClip = false;
};

// Mean and standard error of the mean of a [N] float64 tensor, in bits per dimension.
struct MeanSe {
    double mean = 0, se = 0;
};

MeanSe bitsOf(const torch::Tensor& nats, int64_t dims)
{
    const int64_t n = nats.size(0);
    const double mean = nats.mean().item<double>();
    // One image gives no spread: not 0 (which reads as exact) but unknown, null in the JSON.
    const double se = n > 1 ? nats.std().item<double>() / std::sqrt(static_cast<double>(n))
                            : std::numeric_limits<double>::quiet_NaN();
    return {bitsPerDim(mean, dims), bitsPerDim(se, dims)};
}

// Every image's terms, batch by batch: `terms` [N, T], `prior` [N], `estimate` [N], in nats.
struct AllTerms {
    torch::Tensor terms, prior, estimate;
    int64_t dims = 0;
};

// `offset` is the index of images[0] in the data set: each image's noise follows from its index there, so
// a run over images 8000–9999 draws the noise a run over all 10,000 would have drawn for them, whatever
// the batch.
Result<AllTerms> measure(const Sampling& sampling, const torch::Tensor& images, int64_t offset, int batch,
                         const BoundOptions& bo)
{
    const int64_t n = images.size(0);
    std::vector<torch::Tensor> terms, prior, estimate;
    AllTerms all;
    auto last = std::chrono::steady_clock::now();
    const bool tty = ::isatty(STDERR_FILENO); // redrawn in place on a terminal, a line each in a log
    for (int64_t first = 0; first < n; first += batch) {
        const auto x0 = pixelsToModel(images.narrow(0, first, std::min<int64_t>(batch, n - first)));
        BoundOptions o = bo;
        o.firstImage = offset + first;
        auto r = variationalBound(
            sampling.diffusion, sampling.denoiser, x0, o,
            [&](int t, int total) {
                const auto now = std::chrono::steady_clock::now();
                if (now - last < std::chrono::seconds(2) && t < total)
                    return;
                last = now;
                std::fprintf(stderr, "%sddpm nll: images %lld–%lld of %lld, t %d of %d%s", tty ? "\r" : "",
                             static_cast<long long>(offset + first + 1),
                             static_cast<long long>(offset + first + x0.size(0)), static_cast<long long>(offset + n), t,
                             total, tty ? "   " : "\n");
            },
            &interrupted());
        if (!r)
            return r.failure();
        terms.push_back(r->terms);
        prior.push_back(r->prior);
        estimate.push_back(boundEstimate(sampling.diffusion, sampling.denoiser, x0, o));
        all.dims = r->dims;
    }
    if (tty)
        std::fprintf(stderr, "\n");
    all.terms = torch::cat(terms);
    all.prior = torch::cat(prior);
    all.estimate = torch::cat(estimate);
    return all;
}

std::string termsCsv(const AllTerms& a)
{
    std::ostringstream csv;
    csv.precision(9);
    csv << "term,t,bits_per_dim,standard_error\n";
    const auto prior = bitsOf(a.prior, a.dims);
    const int T = static_cast<int>(a.terms.size(1));
    const auto row = [&csv](const std::string& term, int t, const MeanSe& b) {
        csv << term << ',' << t << ',' << b.mean << ',';
        if (std::isfinite(b.se)) // one image: the field stays empty
            csv << b.se;
        csv << '\n';
    };
    row("L_" + std::to_string(T), T, prior);
    for (int t = T; t >= 1; --t)
        row("L_" + std::to_string(t - 1), t, bitsOf(a.terms.select(1, t - 1).contiguous(), a.dims));
    return csv.str();
}

nlohmann::ordered_json report(const NllArgs& a, const AllTerms& all, double seconds, Precision precision)
{
    const auto total = all.prior + all.terms.sum(1);
    const int T = static_cast<int>(all.terms.size(1));
    const auto b = bitsOf(total, all.dims), prior = bitsOf(all.prior, all.dims),
               decoder = bitsOf(all.terms.select(1, 0).contiguous(), all.dims),
               middle = bitsOf(all.terms.narrow(1, 1, T - 1).sum(1), all.dims), est = bitsOf(all.estimate, all.dims);
    nlohmann::ordered_json j;
    j["checkpoint"] = a.checkpoint;
    j["data"] = a.data;
    j["first_image"] = a.skip;
    j["images"] = all.terms.size(0);
    j["dims"] = all.dims;
    j["variance"] = a.variance;
    j["clip_x0"] = !a.noClip;
    j["precision"] = precisionName(precision);
    j["seed"] = a.seed;
    j["bits_per_dim"] = b.mean;
    j["standard_error"] = b.se;
    j["terms_bits_per_dim"] = {{"L_T", prior.mean}, {"L_1_to_L_T-1", middle.mean}, {"L_0", decoder.mean}};
    j["estimate"] = {{"bits_per_dim", est.mean}, {"standard_error", est.se}};
    j["network_evaluations"] = all.terms.size(0) * (T + std::min(T, kExactBoundTerms) + (T > kExactBoundTerms ? 1 : 0));
    j["seconds"] = seconds;
    return j;
}

// The images to measure on: --data, or those dataset.h imagesToMeasure names. A note when the images are
// the model's own training images.
std::string heldOutSpec(const std::string& given, const std::string& trained)
{
    const MeasureImages measure = imagesToMeasure(trained);
    const std::string spec = given.empty() ? measure.spec : given;
    if (!trained.empty() && sameDataSpec(spec, trained))
        std::fprintf(stderr, "ddpm nll: note: the model trained on these images (%s)%s\n", trained.c_str(),
                     measure.unseen ? ("; its held-out images are " + measure.spec).c_str() : "");
    return spec;
}

int nll(NllArgs a, const FolderLoader& folderLoader)
{
    const auto weights = parseWeights(a.weights);
    if (!weights)
        return fail(kWeightsRefusal, 2);
    if (!a.csv.empty()) {
        if (const int rc = checkTableOutput("--csv", a.csv))
            return rc;
        if (sameFile(a.csv, a.checkpoint))
            return fail("--csv " + a.csv + " is the checkpoint: the table would replace the model", 2);
    }
    BoundOptions bo;
    bo.seed = a.seed;
    bo.clipX0 = !a.noClip;
    const auto variance = parseVarianceKind(a.variance);
    if (!variance)
        return fail(variance.error(), 2);
    bo.variance = variance.value();
    const auto compute = computeOptions(a.threads, a.device, a.precision);
    if (!compute)
        return fail(compute.error(), 2);
    auto opened = openForSampling(a.checkpoint, compute->device, compute->precision, weights.value());
    if (!opened)
        return fail(opened.error());
    const auto& shape = opened->sampling.imageShape;
    a.data = heldOutSpec(a.data, opened->model.config.dataSpec); // as the JSON reports it
    auto data = loadDataSpec(a.data, shape[0], shape[1], folderLoader);
    if (!data)
        return fail(data.failure());
    if (a.skip >= data->size())
        return fail("--skip " + std::to_string(a.skip) + " leaves no image: the data set has " +
                        std::to_string(data->size()),
                    2);
    const int64_t n = std::min<int64_t>(a.count, data->size() - a.skip);
    if (n < a.count)
        std::fprintf(stderr, "ddpm nll: note: %s has %lld images from image %d on: measuring those, not %d\n",
                     a.data.c_str(), static_cast<long long>(n), a.skip, a.count);
    const int batch = a.batch > 0 ? a.batch : defaultBoundBatch(compute->device);
    stopOnSignals(false);
    const auto start = std::chrono::steady_clock::now();
    auto all = measure(opened->sampling, data->images.narrow(0, a.skip, n), a.skip, batch, bo);
    if (!all) {
        if (isBoundCancelled(all.failure()))
            return failInterrupted();
        return fail(all.error());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    printJson(report(a, all.value(), seconds, compute->precision)); // first: see quality
    std::fflush(stdout);
    if (!a.csv.empty())
        if (auto s = writeFileAtomically(a.csv, termsCsv(all.value())); !s)
            return fail(s.error());
    return 0;
}

} // namespace

void addNllCommand(CommandLine& cli, const Environment& env)
{
    auto a = std::make_shared<NllArgs>();
    auto* c = cli.add("nll", "bits per dimension of the likelihood bound on held-out images",
                      "the variational bound on −log p(x0) (Ho et al. 2020, eq. 5) in bits per dimension, on "
                      "held-out images: every term L_T, L_{t-1} and L_0 (T network evaluations per image), with "
                      "standard errors, and a cheap estimate (the first " +
                          std::to_string(kExactBoundTerms) + " terms exact, one more t per image: T + " +
                          std::to_string(kExactBoundTerms + 1) + " evaluations in all)",
                      [a, loader = env.folderLoader] { return nll(*a, loader); });
    addText(c, "--checkpoint", a->checkpoint, "the trained checkpoint", "CKPT")->required();
    addText(c, "--data", a->data,
            "held-out images (a data set as ddpm train takes it); by default the test split of the model's data set "
            "(fashion-mnist:test for Fashion-MNIST), or that data set where it has none",
            "SPEC");
    addNumber(c, "--count", a->count, 1, static_cast<double>(limits::kMaxImages), "images (the first N after --skip)",
              "N");
    addNumber(c, "--skip", a->skip, 0, static_cast<double>(limits::kMaxImages),
              "leave out the first K images (to split the test set over runs)", "K");
    addNumber(c, "--batch", a->batch, 0, static_cast<double>(limits::kMaxSamplingBatch),
              "images per network call (0: " + std::to_string(kBoundBatchCpu) + " on the CPU, " +
                  std::to_string(kBoundBatchCuda) + " on CUDA)",
              "B");
    addText(c, "--csv", a->csv, "also write each term per t (bits/dim and standard error)", "FILE");
    addText(c, "--variance", a->variance, "σ_t² of the reverse process: " + listOfChoices(varianceKindNames()), "V");
    c->add_flag("--no-clip", a->noClip, "do not clip the predicted x0 to [-1, 1]");
    addText(c, "--weights", a->weights, kWeightsHelp, "W");
    addNumber(c, "--seed", a->seed, 0, limits::kMaxSeed, "the noise of each x_t", "S");
    addText(c, "--device", a->device, kDeviceHelp, "D");
    addText(c, "--precision", a->precision,
            "fp32 (the default: bf16 rounds x_t by about as much as the decoder's 1/255 bins), bf16 or auto", "P");
    addNumber(c, "--threads", a->threads, 0, static_cast<double>(limits::kMaxThreads), kThreadsHelp, "N");
}

} // namespace ddpm::cli
