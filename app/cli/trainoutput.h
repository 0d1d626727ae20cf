// What `ddpm train` says while it runs, and where it puts its model, so that hours of training are not lost to a full
// disk: room for the checkpoint is checked before the first step, and a final save that fails goes to the temporary
// folder instead, with the file that was asked for said to hold what it holds.
#pragma once

#include "commandline.h"
#include "trainer.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace ddpm::cli {

// 0 when the disk of `out` has room for a checkpoint of a model of `parameters` (its weights, their
// average and Adam's two moments, in float32); else 2 after a message that says how much is free.
int checkRoomForCheckpoint(const std::string& out, int64_t parameters);
// What `out` holds after this run's saves: "'out' was last saved at step N" (savedStep ≥ 0), or "'out' is
// as it was before this run".
std::string savedState(const std::string& out, long long savedStep);
// Saves the model to `out` and says so (0). Where that fails (the disk filled up), the model goes to the
// temporary folder ($TMPDIR) and the message names that file and what `out` holds (1); where that fails too,
// that the model is not saved (1).
int saveOrRescue(const Trainer& trainer, const std::string& out, long long savedStep);

// The progress of a run on stderr: a bar redrawn in place on a terminal; in a log file or a pipe, a
// line every tenth of the run and at least one a minute.
class TrainingProgress {
public:
    TrainingProgress(bool tty, long long start, long long steps)
        : m_tty(tty)
        , m_start(start)
        , m_steps(steps)
    {
    }
    void update(const StepStats& last)
    {
        const auto now = std::chrono::steady_clock::now();
        const double elapsed = std::chrono::duration<double>(now - m_t0).count();
        const double done = static_cast<double>(last.step - m_start);
        const double eta = done > 0 ? elapsed / done * static_cast<double>(m_steps - last.step) : -1;
        const double frac = m_steps > m_start ? done / static_cast<double>(m_steps - m_start) : 1.0;
        if (m_tty && (now - m_lastPrint > std::chrono::milliseconds(200) || last.step == m_steps)) {
            m_lastPrint = now;
            const int width = 30;
            const int filled = static_cast<int>(frac * width);
            std::string bar(static_cast<size_t>(filled), '#');
            bar.resize(width, '.');
            std::fprintf(stderr, "\r[%s] step %lld/%lld  loss %.4f  %s img/s  ETA %s   ", bar.c_str(),
                         static_cast<long long>(last.step), m_steps, last.loss, rate(last).c_str(),
                         formatDuration(eta).c_str());
        } else if (!m_tty &&
                   (static_cast<int>(frac * 10) != m_lastDecile || now - m_lastPrint > std::chrono::minutes(1))) {
            m_lastDecile = static_cast<int>(frac * 10);
            m_lastPrint = now;
            std::fprintf(stderr, "ddpm train: step %lld/%lld  loss %.4f  %s img/s  ETA %s\n",
                         static_cast<long long>(last.step), m_steps, last.loss, rate(last).c_str(),
                         formatDuration(eta).c_str());
        }
    }
    // The speed over the last few steps; "–" until two steps have been timed (one step has no speed).
    static std::string rate(const StepStats& last)
    {
        if (!(last.imagesPerSec > 0))
            return "–";
        char text[32];
        std::snprintf(text, sizeof text, "%.1f", last.imagesPerSec);
        return text;
    }

private:
    const bool m_tty;
    const long long m_start, m_steps;
    const std::chrono::steady_clock::time_point m_t0 = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_lastPrint = m_t0 - std::chrono::seconds(10);
    int m_lastDecile = -1;
};

} // namespace ddpm::cli
