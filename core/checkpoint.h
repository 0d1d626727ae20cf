// Checkpoint files: files a stranger may send, so reading one runs nothing and allocates nothing it
// should not.
//
// Format 2 (written since): a safetensors file (tensorfile.h). Its metadata holds "format"
// ("ddpm-studio-checkpoint" or "ddpm-studio-classifier"), "format_version" ("2") and "values", a
// JSON object of the configuration and the other scalars (step, …); the tensors are named
// "<module>.<parameter>" ("ema.down.0.conv1.weight"), "optimizer.<parameter>.exp_avg", … Python reads
// it with safetensors.
//
// Format 1 (read only): a small header (magic "DDPMCKPT", version, length, CRC-32) around a LibTorch
// (TorchScript) archive. Such an archive can carry TorchScript code that runs while it is
// deserialised; it is read only after every code file in it has been checked to declare attributes
// and nothing else (what LibTorch's own OutputArchive writes), and refused otherwise.
#pragma once

#include "config.h"
#include "result.h"
#include "tensorfile.h"

#include <torch/torch.h>

#include <memory>
#include <optional>
#include <string>

namespace ddpm {

constexpr int kCheckpointVersion = 2;       // written (checkpoint.cpp)
constexpr int kLegacyCheckpointVersion = 1; // read only: the older container (legacycheckpoint.cpp)

// One checkpoint opened for reading, whatever its format.
class CheckpointReader {
public:
    virtual ~CheckpointReader() = default;
    // Opens and checks `path`: a regular file, a known format, intact; format 1 without code.
    static Result<std::unique_ptr<CheckpointReader>> open(const std::string& path);

    const std::string& path() const { return m_path; }
    virtual int formatVersion() const = 0;
    // A setting or scalar ("model.ch", "step", "format", …), if stored with a type ConfigValue has.
    virtual std::optional<ConfigValue> value(const std::string& key) = 0;
    // Whether a setting or scalar is stored under `key` at all (value() is empty too for one it cannot read).
    virtual bool has(const std::string& key) = 0;
    // A stored tensor (CPU), or an undefined one.
    virtual torch::Tensor tensor(const std::string& key) = 0;
    // Whether weights are stored under `prefix`.
    virtual bool hasModule(const std::string& prefix) = 0;
    // Loads the weights stored under `prefix` into `module` (which the configuration built): every
    // parameter and buffer must be there with the module's shape, and nothing else.
    virtual Status loadModule(const std::string& prefix, torch::nn::Module& module) = 0;
    // Adam's state for `model`'s parameters.
    virtual Status loadAdam(const std::string& prefix, torch::optim::Adam& optimizer, torch::nn::Module& model) = 0;

    std::optional<int64_t> integer(const std::string& key);
    std::optional<double> real(const std::string& key);
    std::optional<std::string> text(const std::string& key);
    std::optional<bool> flag(const std::string& key);

protected:
    explicit CheckpointReader(std::string path)
        : m_path(std::move(path))
    {
    }
    std::string m_path;
};

// A checkpoint being written (always the current format).
class CheckpointWriter {
public:
    explicit CheckpointWriter(const std::string& format);
    void value(const std::string& key, const ConfigValue& v);
    void tensor(const std::string& key, const torch::Tensor& t);
    // Every parameter and buffer of `module` under `prefix`, stored as `type` (floating ones only).
    void module(const std::string& prefix, const torch::nn::Module& module, torch::Dtype type = torch::kFloat32);
    void adam(const std::string& prefix, const torch::optim::Adam& optimizer, const torch::nn::Module& model);
    // Writes the file atomically.
    Status write(const std::string& path);

private:
    std::string m_format;
    TensorFile m_file;
    std::vector<std::pair<std::string, ConfigValue>> m_values; // metadata "values", as JSON
};

// Reads a configuration (configFields()) from a checkpoint and checks it against core/limits.h.
Result<ModelConfig> readModelConfig(CheckpointReader& reader);
// Writes the configuration's fields.
void writeModelConfig(CheckpointWriter& writer, const ModelConfig& config);

// Whether the regular file at `path` begins as a checkpoint does (this format's or the legacy one's): a
// model, which no image, table or sidecar written by mistake under its name may replace.
bool holdsACheckpoint(const std::string& path);

} // namespace ddpm
