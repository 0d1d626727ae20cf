// A small CNN that classifies grey 28×28 images (Fashion-MNIST), trained by the engine itself, and
// whose penultimate layer gives the features that core/quality.h compares (a Fréchet distance in the
// spirit of FID, with this network in place of Inception).
//
// Input: float [N, 1, 28, 28] in [−1, 1]. Three conv–BatchNorm–ReLU–maxpool stages (28 → 14 → 7 → 3),
// a Linear + ReLU feature layer (128-d) and a Linear layer of 10 logits.
//
// The file is the project's checkpoint container (checkpoint.h) with the format "ddpm-studio-classifier",
// the class names, the test accuracy and the weights.
#pragma once

#include "dataset.h"
#include "result.h"

#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ddpm {

// The side of the images the classifier reads.
constexpr int64_t kClassifierImageSize = 28;

// Its classes are Fashion-MNIST's (dataset.h fashionMnistClassNames()).

struct ClassifierOptions {
    TORCH_ARG(int64_t, width) = 32;     // channels of the first stage; 2× in the second and third
    TORCH_ARG(int64_t, features) = 128; // the penultimate layer
    TORCH_ARG(int64_t, classes) = 10;
};

class ClassifierImpl : public torch::nn::Module {
public:
    explicit ClassifierImpl(const ClassifierOptions& options = {});
    // x [N, 1, 28, 28] in [−1, 1] → logits [N, classes].
    torch::Tensor forward(const torch::Tensor& x);
    // The penultimate layer (after its ReLU): [N, features].
    torch::Tensor features(const torch::Tensor& x);
    // Logits from features().
    torch::Tensor logits(const torch::Tensor& features);
    const ClassifierOptions& options() const { return m_options; }
    int64_t parameterCount() const;
    // PyTorch's default initialisation (uniform ±1/√fan_in for weights and biases) drawn from
    // `generator`, so a seed alone decides the starting weights without touching the global generator.
    void initialise(at::Generator& generator);

private:
    ClassifierOptions m_options;
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr};
    torch::nn::BatchNorm2d norm1{nullptr}, norm2{nullptr}, norm3{nullptr};
    torch::nn::Linear hidden{nullptr}, out{nullptr};
};
TORCH_MODULE(Classifier);

// What one pass of the classifier gives: [N, features] and [N, classes] (softmax), on the CPU.
struct ClassifierOutputs {
    torch::Tensor features;
    torch::Tensor probabilities;
};

// A trained classifier with what its file holds besides the weights.
struct TrainedClassifier {
    Classifier net{nullptr};
    std::vector<std::string> classNames;
    double testAccuracy = 0.0; // on the test set it was checked against, 0 … 1
    int64_t testCount = 0;     // images in that test set

    // Batched, without gradients, in eval mode; images are classifier input (classifierInput…) on any
    // device. Results are float32 on the CPU.
    ClassifierOutputs classify(const torch::Tensor& images, int64_t batch = 500) const;
    torch::Tensor features(const torch::Tensor& images, int64_t batch = 500) const;
    torch::Tensor probabilities(const torch::Tensor& images, int64_t batch = 500) const;
};

struct ClassifierTrainOptions {
    ClassifierOptions net;
    int epochs = 4;
    int batch = 128;
    double lr = 2e-3; // Adam; cosine decay to zero over the run
    uint64_t seed = 0;
    torch::Device device = torch::kCPU;
};

struct ClassifierProgress {
    int epoch = 0; // 1-based
    int epochs = 0;
    int64_t step = 0; // batches done in all
    int64_t totalSteps = 0;
    double loss = 0.0;         // mean over the batches since the last report
    double testAccuracy = -1.; // set at the end of each epoch, −1 in between
};

// Trains a classifier on `train` and measures it on `test` (both grey 28×28 with labels 0 … classes−1).
// The same seed, data and thread count give the same weights. Returns a failure that says so when
// `cancel` becomes true.
Result<TrainedClassifier> trainClassifier(const Dataset& train, const Dataset& test,
                                          const ClassifierTrainOptions& options,
                                          const std::function<void(const ClassifierProgress&)>& progress = {},
                                          const std::atomic<bool>* cancel = nullptr);
// The fraction of `data` (grey 28×28 with labels) that the classifier labels correctly.
double classifierAccuracy(const TrainedClassifier& classifier, const Dataset& data);

// Writes the classifier atomically; reads it back onto `device`. A file that is not a classifier, is
// truncated or holds weights of another shape gives a failure that says which.
Status saveClassifier(const TrainedClassifier& classifier, const std::string& path);
Result<TrainedClassifier> loadClassifier(const std::string& path, torch::Device device = torch::kCPU);

// uint8 images [N, 1, 28, 28] (a data set fitted to 28×28 grey) → classifier input.
torch::Tensor classifierInputFromBytes(const torch::Tensor& images);
// What a saved PNG of samples in [−1, 1] holds: round((x + 1)·127.5) clamped to 0 … 255, uint8.
torch::Tensor quantiseLikePng(const torch::Tensor& samples);
// uint8 grey images at a model's native size (samples saved as PNG, or a data set fitted to the model)
// → classifier input [N, 1, 28, 28]. Undoes fitToModel for 28×28 Fashion-MNIST: sides above 28 lose the
// centre padding (exactly), smaller sides are resampled bilinearly back to 28 and rounded to 256
// levels. Refuses other than one channel.
Result<torch::Tensor> classifierInputFromModelBytes(const torch::Tensor& images);
// A model's samples (float [N, C, S, S] in [−1, 1]) → classifier input: quantised like a PNG first, so
// that in-memory samples and their saved PNGs score the same.
Result<torch::Tensor> classifierInputFromSamples(const torch::Tensor& samples);

} // namespace ddpm
