// ddpm without Qt: the engine's commands for machines that have LibTorch and nothing else (a GPU
// server). The build without Qt (-DDDPM_WITH_QT=OFF) names it ddpm; the Qt build also makes it, as
// ddpm-headless, so that the tests check that both write and read the same checkpoints.
#include "commands.h"

#include <cstdlib>

int main(int argc, char** argv)
{
    ::setenv("OPENBLAS_NUM_THREADS", "1", 0);
    using namespace ddpm::cli;
    CommandLine cli("ddpm");
    Environment env;
    env.folderLoader = folderLoaderWithoutQt();
    addEngineCommands(cli, env);
    const std::string needsQt = " writes images and needs the ddpm built with Qt; this one was built without Qt "
                                "(-DDDPM_WITH_QT=OFF)";
    cli.addUnavailable("sample", "sample" + needsQt);
    cli.addUnavailable("quality", "quality finds its classifier and draws its samples with the ddpm built with Qt; "
                                  "this one was built without Qt (-DDDPM_WITH_QT=OFF)");
    cli.addUnavailable("interpolate", "interpolate" + needsQt);
    return cli.run(argc, argv);
}
