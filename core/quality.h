// Sample quality measured: a Fréchet distance between the classifier features (classifier.h) of a
// model's samples and of the 10,000 Fashion-MNIST test images, as FID does with Inception features
// (Heusel et al. 2017, eq. 6), with the classifier's view of the samples (confidence, class shares).
//
// The distance of N samples carries a bias that grows as N shrinks, so a report sets it beside its
// floor: the distance of N real training images (never seen by the test statistics) from the same
// test statistics. A perfect model scores about the floor (ratio ≈ 1).
#pragma once

#include "classifier.h"
#include "dataset.h"
#include "diffusion.h"
#include "memorisation.h"
#include "result.h"
#include "sampler.h"

#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace ddpm {

// Mean and covariance of feature vectors, float64.
struct FeatureStats {
    torch::Tensor mean; // [F]
    torch::Tensor cov;  // [F, F], unbiased (divides by count − 1)
    int64_t count = 0;
};

// features [N, F] of any floating type (N ≥ 2).
FeatureStats featureStats(const torch::Tensor& features);
// Fréchet distance of two Gaussians: |μ1 − μ2|² + tr Σ1 + tr Σ2 − 2 tr (Σ1^½ Σ2 Σ1^½)^½, with the
// square roots of symmetric matrices taken through eigendecompositions (negative rounding noise in the
// eigenvalues clamped to 0).
double frechetDistance(const FeatureStats& a, const FeatureStats& b);

// What samples are compared with.
struct QualityReference {
    FeatureStats test;     // the test images
    double fidFloor = 0.0; // floorCount real training images against `test`
    int64_t floorCount = 0;
    // Every training image's features, and the distance below which a sample counts as a likely copy
    // (memorisation.h): the 1st percentile of the test images' distances to their nearest training image.
    MemorisationReference memorisation;
    torch::Tensor trainImages; // uint8 [M, 1, 28, 28], for the nearest training images in pixels
};

// progress(done, total): how far the reference got, called from the calling thread after each chunk: the
// images the classifier has described (the test images first, then the training images), then the test
// images whose nearest training image is found (total = 2 × test + train). A set `cancel` stops either
// phase at its next chunk with a failure for which isCancelled() is true.
using ReferenceProgress = std::function<void(int64_t done, int64_t total)>;

// Test statistics from `test`, and the floor from `count` training images drawn without replacement
// with `seed` (both data sets grey 28×28).
Result<QualityReference> makeQualityReference(const TrainedClassifier& classifier, const Dataset& test,
                                              const Dataset& train, int64_t count, uint64_t seed = 0,
                                              const ReferenceProgress& progress = {},
                                              const std::atomic<bool>* cancel = nullptr);
// Quality is measured in the features of a classifier of Fashion-MNIST's classes (one of other images
// describes them in terms that mean nothing here): why `classifier`, read from `file` (empty: not named), is not
// one.
Status checkFashionMnistClassifier(const TrainedClassifier& classifier, const std::string& file);
// The same from the installed Fashion-MNIST (dataset.h fashionMnistDir()), with such a classifier.
Result<QualityReference> fashionMnistReference(const TrainedClassifier& classifier, int64_t count, uint64_t seed = 0,
                                               const ReferenceProgress& progress = {},
                                               const std::atomic<bool>* cancel = nullptr);
// `reference` with the floor of `count` of its training images drawn with `seed`, from the features it
// holds: no image goes through the classifier again, and the floor is the one makeQualityReference gives.
Result<QualityReference> withFloor(const QualityReference& reference, int64_t count, uint64_t seed = 0);

// DDIM, 100 steps, η = 0, seed 0.
SamplerOptions defaultQualitySampler();

struct QualityOptions {
    int count = 1000;
    SamplerOptions sampler = defaultQualitySampler(); // its count is ignored
    int batch = 0; // images through the network at once; 0: defaultSamplingBatch; the images do not depend on it
};

struct QualityReport {
    int count = 0;
    std::string sampler; // "ddim", "ddpm", "langevin", "langevin-fixed", "ddpm+langevin" (with the corrector) …
    int steps = 0;       // network evaluations per image
    double eta = 0.0;    // DDIM η; 1 for DDPM
    std::string spacing; // DDIM's timesteps ("linspace", "trailing"); empty for the other samplers
    uint64_t seed = 0;
    double fid = 0.0;
    double fidFloor = 0.0;
    double ratio = 0.0;          // fid / fidFloor
    double meanConfidence = 0.0; // mean over the samples of the largest class probability
    std::vector<std::string> classNames;
    std::vector<int64_t> classCounts; // samples the classifier puts in each class
    std::vector<double> classShares;  // the same as fractions of count
    double samplingSeconds = 0.0;     // wall time of the reverse process alone
    double secondsPerImage = 0.0;
    // A class-conditional model's: the class asked for ("all": equal shares; "none"), the guidance w, and
    // the share of samples the classifier puts in the class asked for, overall and per class asked (NaN
    // without a class, or when the model's classes are not the classifier's).
    std::string classChoice;
    double guidance = 0.0;
    double classAgreement = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> classAgreementPerClass;
    // Likely copies of training images (undefined without the reference's training features), and for the
    // closest pairs each sample's nearest training image in pixels (as uint8 images compare).
    MemorisationReport memorisation;
    std::vector<NearPair> closestInPixels;
    // The closest pairs as images, uint8 [k, 1, 28, 28] in memorisation.closest's order: the samples, each
    // one's nearest training image in the classifier's features, and its nearest in pixels (undefined
    // without the reference's training images).
    torch::Tensor closestSamples, closestTrain, closestTrainInPixels;
};

// Each image's k nearest training images (the reference's trainImages and memorisation.train, which must
// be defined) in the classifier's features and in pixels (grey levels 0–255, Euclidean). input: classifier
// input [N, 1, 28, 28] in [−1, 1]; features: the classifier's features of it [N, F].
struct TrainingNeighbours {
    torch::Tensor samples;                    // uint8 [N, 1, 28, 28]: the images as grey levels
    Neighbours inFeatures, inPixels;          // [N, k] each: training image indices and distances
    torch::Tensor featureImages, pixelImages; // uint8 [N, k, 1, 28, 28]: those training images
    // The reference's memorisation threshold in features: all but featurePercentile of the test images lie
    // farther than this from their nearest training image (NaN where the reference has none).
    double featureThreshold = std::numeric_limits<double>::quiet_NaN();
    double featurePercentile = 0.0;
};
TrainingNeighbours nearestTrainingImages(const QualityReference& reference, const torch::Tensor& input,
                                         const torch::Tensor& features, int64_t k);

// Draws options.count samples with sampleInChunks, turns them into classifier input
// (classifierInputFromSamples), and compares them with the reference. reference.floorCount must equal
// options.count. progress(done, total) counts image-steps (an image taken one step of the reverse
// process); it is called from the calling thread. A cancelled measurement returns a failure for which
// isCancelled() is true.
Result<QualityReport> measureQuality(const Sampling& model, const TrainedClassifier& classifier,
                                     const QualityReference& reference, const QualityOptions& options,
                                     const std::function<void(int done, int total)>& progress = {},
                                     const std::atomic<bool>* cancel = nullptr);
// An unconditional denoiser.
Result<QualityReport> measureQuality(const Diffusion& diffusion, const Denoiser& denoiser,
                                     const std::vector<int64_t>& imageShape, const TrainedClassifier& classifier,
                                     const QualityReference& reference, const QualityOptions& options,
                                     const std::function<void(int done, int total)>& progress = {},
                                     const std::atomic<bool>* cancel = nullptr);
bool isCancelled(const Error& error);

// The settings of a "quality against network evaluations" chart: DDIM (η = 0) with 10, 20, 50, 100 and
// 250 steps, DDPM with all T steps, then at about 100 and 250 evaluations DDIM with a Langevin corrector
// and annealed Langevin; seed, clipping and DDIM's timestep spacing from `base`.
std::vector<SamplerOptions> qualitySweep(const SamplerOptions& base = defaultQualitySampler());
// The settings a model of T steps can run: those asking for more DDIM steps or Langevin levels than T
// (a sweep's 250 steps of a model with T = 100) are left out rather than clamped into copies of another.
std::vector<SamplerOptions> runsFitting(const std::vector<SamplerOptions>& runs, int timesteps);
// Classifier-free guidance's trade between fidelity and diversity: `base` with every class in equal
// shares at w = 0, 0.5, 1, 2 and 4.
std::vector<SamplerOptions> guidanceSweep(const SamplerOptions& base = defaultQualitySampler());

// One JSON object; and CSV with a header line (class shares in the classifier's order).
std::string qualityReportToJson(const QualityReport& report, int indent = 2);
std::string qualityCsvHeader(const std::vector<std::string>& classNames);
std::string qualityReportToCsvRow(const QualityReport& report);

} // namespace ddpm
