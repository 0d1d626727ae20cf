// A frozen copy of a model (core's ModelState) that views and the sampler may use while training goes
// on, shared between threads without copying.
#pragma once

#include "modelstate.h"

#include <QMetaType>

#include <memory>

using ModelSnapshot = ddpm::ModelState;
using SnapshotPtr = std::shared_ptr<const ddpm::ModelState>;
Q_DECLARE_METATYPE(SnapshotPtr)
