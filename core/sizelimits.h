// The one table of limits. Every size and count that comes from a file or a user is checked against
// these before anything is allocated or built: the checkpoint and classifier readers, the U-Net and
// schedule validators, the trainer, the command line and the studio's spin boxes all read them here.
// They are generous for real use (the paper's CIFAR-10 model is ch 128, ch_mult 1,2,2,2, T 1000) and
// keep a file of a few bytes from asking for gigabytes.
#pragma once

#include <cstdint>

namespace ddpm::limits {

// The U-Net.
constexpr int64_t kMaxWidth = 1024;                  // base width ch
constexpr int64_t kMaxChannelMultiplier = 16;        // each ch_mult entry
constexpr int64_t kMaxLevels = 8;                    // ch_mult entries
constexpr int64_t kMaxResBlocks = 16;                // num_res_blocks
constexpr int64_t kMaxAttnResolutions = 8;           // entries of attn_resolutions
constexpr int64_t kMaxImageSize = 512;               // side in pixels
constexpr int64_t kMaxParameters = int64_t{2} << 30; // weights of one network

// Diffusion and training.
constexpr int64_t kMaxTimesteps = 100000;               // T
constexpr int64_t kMaxBatch = 4096;                     // images per step, in the studio and in ddpm
constexpr int64_t kMaxLossBins = 1000;                  // loss-per-timestep bins
constexpr int64_t kMaxTrainingSteps = int64_t{1} << 40; // a step count read from a file or typed

// What a person may type: ddpm's options, the studio's forms and its settings read the same bounds.
constexpr int64_t kMaxSteps = 1'000'000'000; // training steps, warm-up, save and preview intervals
constexpr int64_t kMaxThreads = 1024;        // CPU threads
constexpr double kMaxSeed = 9e15;            // random seeds: below 2^53, so a seed survives JSON's doubles
constexpr int64_t kMaxSamples = 100'000;     // images one `ddpm sample` makes
constexpr int64_t kMaxSamplingBatch = 65536; // images per network call sampling, measuring or scoring
constexpr int64_t kMaxWalkImages = 1000;     // the images λ of one interpolation
constexpr int64_t kMaxToyPoints = 1'000'000; // 2-D points of a toy data set or run
constexpr double kMaxToyCoordinate = 100.0;  // |x|, |y| of a point read: the diffusion's N(0, I) suits ±1
constexpr int64_t kMaxLangevinSteps = 1000;  // Langevin steps per noise level (corrector or sampler)
constexpr double kMaxSnr = 10.0;             // the corrector's signal-to-noise ratio r
constexpr double kMinLangevinStep = 1e-6;    // c in the Langevin step η_t = c (1 − ᾱ_t): above 0 …
constexpr double kMaxLangevinStep = 10.0;    // … and at most this
constexpr double kMaxGuidance = 100.0;       // classifier-free guidance w
constexpr double kMaxEta = 1.0;              // DDIM η, from 0 (deterministic) to 1 (as stochastic as DDPM)
constexpr int64_t kMaxStripFrames = 1000;    // frames of a reverse-process strip or animation
constexpr int64_t kMaxWalkFrames = 100;      // rows of an interpolation: the walk at this many steps
constexpr int64_t kMaxExportScale = 32;      // how much an exported image may be enlarged
// The grid, strip or animation frames composed whole in memory: refused before the sampling rather than
// after it (64 images of 16 pixels over 1,000 strip frames at --scale 32 would take 17 GB).
constexpr int64_t kMaxComposedBytes = int64_t{4} << 30;
constexpr int64_t kMaxEpochs = 1000; // passes of the classifier over its training images

// Data sets.
constexpr int64_t kMaxImages = 10'000'000;
constexpr int64_t kMaxImageSide = 4096;
constexpr int64_t kMaxDatasetBytes = int64_t{4} << 30; // the images at the model's size, held in memory

// Files.
constexpr uint64_t kMaxCheckpointBytes = uint64_t{16} << 30; // a whole checkpoint file
constexpr uint64_t kMaxHeaderBytes = uint64_t{100} << 20;    // a safetensors JSON header (as safetensors itself)
constexpr int64_t kMaxHeaderDepth = 16;                      // nesting of that JSON
constexpr int64_t kMaxTensorRank = 8;
constexpr int64_t kMaxTensors = 100000; // tensors in one file
constexpr uint64_t kMaxMetadataValueBytes = uint64_t{64} << 20;

// The classifier.
constexpr int64_t kMaxClassifierWidth = 1024;
constexpr int64_t kMaxClassifierFeatures = 65536;
constexpr int64_t kMaxClasses = 10000;

} // namespace ddpm::limits
