// The reverse runs the studio keeps: the newest (live while the sampler runs) and up to four earlier
// ones, each with its frames within a memory budget, where it came from and how long it took. The
// Reverse view shows one of them and picks which; the exports and "Fork here" read the shown one here,
// not from the view's widgets.
#pragma once

#include "animation.h"
#include "runclock.h"
#include "samplingcontroller.h"

#include "schedule.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>
#include <vector>

// Where a run came from, for the sidecars of its exports and for "Fork here": the request (model copy,
// sampler settings), what kind of run it was, and the checkpoint file its weights were read from as it
// was when the run started (empty when the weights were not in any file).
struct RunOrigin {
    SamplingRequest request;
    QString kind; // "", "denoise-from-here", "fork"
    QString file;
    qint64 fileSize = -1;
    QDateTime fileModified;
    QString modelName; // the model's file name as the window showed it ("Untitled model"), for the run's title
};

class ReverseRuns {
    Q_DECLARE_TR_FUNCTIONS(ReverseRuns)
public:
    // Frames of one run are kept within this many bytes (8-bit images plus the fp16 x_t that "Fork
    // here" continues); beyond it every k-th step is kept and the view says so. The runs kept together
    // stay within kHistoryBudgetBytes, the oldest dropped first.
    static constexpr qint64 kFrameBudgetBytes = qint64{256} << 20;
    static constexpr qint64 kHistoryBudgetBytes = qint64{512} << 20;
    static constexpr int kMaxRuns = 5;       // the run shown and up to four earlier ones
    static constexpr int kStripColumns = 10; // columns of a strip besides x_0

    struct Run {
        RunOrigin origin;
        QString title, note;
        QList<SampleFrame> frames;
        int total = 0;     // frames: steps + 1 (0: not known yet)
        int keepEvery = 1; // steps kept: every k-th (and x_T, x_0)
        qint64 bytes = 0;
        std::optional<ddpm::NoiseSchedule> schedule; // the run's model schedule
        std::vector<int> timesteps;                  // paper timesteps the run visits
        bool running = false;
        bool completed = false;
        RunClock clock;

        int stepCount() const { return std::max(0, total - 1); }
    };
    // What a change did beyond adding frames, for a view to redraw what it must.
    struct Change {
        bool thinned = false; // the live run now keeps fewer steps: frame indices changed
        bool dropped = false; // earlier runs were dropped to stay within the history's budget
    };

    ReverseRuns(); // one empty run, shown until the first real one

    // A new run at the front, shown. The run before stays in the list when it had frames; when it
    // was still running, it was superseded and its title gets `replacedSuffix`.
    Change begin(int totalFrames, const QString& title, const QString& replacedSuffix);
    void setOrigin(const RunOrigin& origin, const QString& note); // of the live run
    Change setTimesteps(const std::vector<int>& timesteps);       // of the live run, as the worker reports them
    // Appends the live run's frames (beyond its budget only every k-th step, x_0 always); the indices
    // the appended frames got go to `appended`.
    Change addFrames(const QList<SampleFrame>& frames, QList<int>* appended = nullptr);
    void end(bool completed, const QString& unfinishedSuffix); // the suffix goes on an unfinished run's title

    int count() const { return static_cast<int>(m_runs.size()); }
    const Run& at(int index) const { return m_runs.at(index); }
    const Run& live() const { return m_runs.front(); }
    int shownIndex() const { return m_shown; } // 0: the newest
    bool setShown(int index);                  // false when there is no such run
    const Run& shown() const;
    qint64 frameBytes() const; // of every run kept

    // Of the shown run:
    QList<QImage> finalImages() const; // x_0 when the run completed, else empty
    // The x_t images of up to maxFrames frames spread over the run (cheap: the images are shared).
    QList<QList<QImage>> animationSources(int maxFrames = ddpm::kAnimationFrames) const;
    // The timestep of each of those frames (0: x_0), for the animation's sidecar.
    QList<int> animationTimesteps(int maxFrames = ddpm::kAnimationFrames) const;
    // The frames that make the strip's columns (x_T … x_0, evenly spaced), and each column's label.
    QList<int> stripFrames() const;
    static QString columnLabel(const SampleFrame& frame);
    // A strip column's images, the same in the view and its export: the first kStripImages of x_t.
    static constexpr int kStripImages = 4;
    static QList<QImage> stripColumn(const SampleFrame& frame) { return frame.xt.mid(0, kStripImages); }
    // Each pixel of an exported grid, strip or animation is this many pixels wide and high.
    static constexpr int kExportScale = 4;
    // The strip's columns are the frames this takes: call it for each frame in order, from
    // nextColumnStep = 0, as the strip fills or is rebuilt.
    static bool takesColumn(const Run& run, const SampleFrame& frame, int& nextColumnStep);

    // Images as a grid (about square, kGridPadding pixels apart, each scaled `scale` times), and the animation's
    // frames made from sources (done by the export job, off the GUI thread).
    static QImage gridOf(const QList<QImage>& images, int scale);
    // The score s = −ε̂/√(1 − ᾱ_t) of a frame as a grid (its ε̂ images negated; they are shown on ±3), and
    // the caption that gives the scale under `run`'s schedule (it grows as t falls).
    static QImage scoreGridOf(const SampleFrame& frame);
    static QString scoreCaption(const Run& run, int t);
    static QList<QImage> animationFramesFrom(const QList<QList<QImage>>& sources, int scale = kExportScale);

private:
    Change enforceBudget(Run& live);
    static qint64 sizeOf(const SampleFrame& frame);

    QList<Run> m_runs; // newest first; never empty
    int m_shown = 0;
};
