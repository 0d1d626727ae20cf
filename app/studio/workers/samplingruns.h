// The runs of the reverse process a user asks for (Sample, Denoise from here, Fork here) turned into
// sampling requests: the weights trained so far (a fresh copy first while training runs; clicks before
// it arrives start one run), the sampler's settings from the Reverse view, and what the run's exports
// will say about where its weights came from.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "samplingcontroller.h"
#endif

#include <QObject>
#include <QString>

#include <optional>

class ModelDocument;
struct RunOrigin;
class ReverseView;
class Settings;
class TrainingController;

class SamplingRuns : public QObject {
    Q_OBJECT
public:
    SamplingRuns(TrainingController* training, SamplingController* sampling, ReverseView* view,
                 const ModelDocument* document, const Settings& settings, QObject* parent = nullptr);

    void sample();
    // Continues a noised data-set image x_t (one, or as several images) from step t; `scheduleNote` is
    // shown under the run's title.
    // label: the image's class in its data set (−1: none), which a conditional model asked for every
    // class denoises towards.
    void denoiseFromHere(const torch::Tensor& xt, int t, const QString& scheduleNote, int label = -1);
    // Continues one image's x_t of the run shown `forks` times with fresh noise.
    void forkAt(const torch::Tensor& xt, int t, int forks, int image);
    // Walk from image a to image b ([C, H, W] in [−1, 1]; core/interpolation.h) as a run of the Reverse
    // view: `walk`'s mode, t, λ count and DDIM steps; seed, clipping, class and σ² from the Reverse view.
    // `which` names the two images in the title ("3 → 7"); labelA, labelB: their classes in the data set
    // (−1: none), which a conditional model's walk with "Every class" keeps where they agree.
    void interpolate(const torch::Tensor& a, const torch::Tensor& b, const ddpm::InterpolationOptions& walk,
                     const QString& which, int labelA = -1, int labelB = -1);
    // The same between two final images of the run shown, the from-th and the to-th (1-based), with the
    // weights that made them (as "Fork here" does), not the model open now; its exports name the run's
    // file. A run of every class walks in the class of both images, or without a class (and says so) when
    // they are of two classes.
    void interpolateRun(const torch::Tensor& a, const torch::Tensor& b, const ddpm::InterpolationOptions& walk,
                        const QString& which, int from, int to);

Q_SIGNALS:
    void runShown();                     // a run began, or was asked for again: show the Reverse view
    void message(const QString& text);   // for the status bar
    void failed(const QString& message); // nothing was started

private:
    // With the weights trained so far: while training runs, a fresh copy of them first (the step of the
    // weights fills the one placeholder left in `title`).
    void runWithCurrentWeights(const SamplingRequest& request, const QString& title, const QString& kind = {},
                               const QString& note = {});
    // `kind` ("", "denoise-from-here", "fork") goes into the exports' sidecars, `note` under the title.
    // `continues`: the run a fork continues, whose weights' file the new run's exports name.
    // A walk with the weights trained so far, or (`of` set) with those of the run `of`.
    // classA, classB: the two images' classes among the model's, or −1 where unknown; a walk with "Every
    // class" keeps a class both share, else walks without one (and says so where both are known).
    void walkBetween(const torch::Tensor& a, const torch::Tensor& b, const ddpm::InterpolationOptions& walk,
                     const QString& which, const RunOrigin* of, int classA = -1, int classB = -1);
    void run(SamplingRequest request, const QString& title, const QString& kind = {}, const QString& note = {},
             const RunOrigin* continues = nullptr);

    TrainingController* m_training;
    SamplingController* m_sampling;
    ReverseView* m_view;
    const ModelDocument* m_document;
    const Settings& m_settings;
    // Sample while training: the request and its title wait for a copy of the weights.
    struct PendingRun {
        SamplingRequest request;
        QString title, kind, note;
    };
    std::optional<PendingRun> m_awaitsSnapshot;
};
