// A frozen copy of a model that views and the sampler may use while training goes on.
#pragma once

#include "config.h"
#include "trainer.h"
#include "unet.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <vector>

struct ModelSnapshot {
    ddpm::ModelConfig config;
    int64_t step = 0;
    ddpm::UNet model{nullptr}; // raw weights
    ddpm::UNet ema{nullptr};   // EMA weights
    ddpm::LossHistory lossHistory; // bounded (core/losshistory.h): copying it costs at most a few MB
    std::vector<double> binLoss;
    std::vector<ddpm::BinLossSnapshot> binLossHistory;
    torch::Device device = torch::kCPU;
    double lr = 0; // the learning rate of the last step taken (of the first one before any)
    int64_t parameterCount() const { return model ? model->parameterCount() : 0; }
};
using SnapshotPtr = std::shared_ptr<const ModelSnapshot>;
Q_DECLARE_METATYPE(SnapshotPtr)
