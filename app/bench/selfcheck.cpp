// ddpm-selfcheck: `ddpm selfcheck` as a program of its own. Checks the samplers with an exact (oracle)
// denoiser on the chosen device and compares the device's result with the CPU's, for GPU servers.
//   ddpm-selfcheck [--device cpu|cuda]
#include "commands.h"

int main(int argc, char** argv)
{
    CLI::App app("Checks the samplers (DDPM, DDIM) against an exact denoiser on the device and compares them with "
                 "the CPU; one JSON line per check.",
                 "ddpm-selfcheck");
    std::string device = "cpu";
    ddpm::cli::addSelfcheckOptions(&app, device);
    return ddpm::cli::parseAndRun(
        app, argc, argv, [&] { return ddpm::cli::selfcheck(device); }, ddpm::Error("the self-check"));
}
