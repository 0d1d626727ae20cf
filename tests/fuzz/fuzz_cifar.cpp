// CIFAR-10 binary batches (data_batch_N.bin, test_batch.bin): records of one label byte and
// 3×32×32 pixel bytes.
#include "dataset.h"
#include "fuzzutil.h"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz::setupOnce();
    auto ds = ddpm::parseCifar10(std::vector<uint8_t>(data, data + size), "fuzz-cifar");
    if (!ds) {
        fuzz::note(ds.failure().message());
        return 0;
    }
    fuzz::touch(ds->images);
    fuzz::touch(ds->labels);
    // What loading a data set does next: fit it to a model's channels and size.
    if (ds->size() > 0 && ds->size() <= 64) {
        fuzz::touch(ddpm::fitToModel(ds.value(), 1, 28).images);
        fuzz::touch(ddpm::fitToModel(ds.value(), 3, 16).images);
    }
    return 0;
}
