// What the studio's tests share: a tiny model and data set, an untrained model to sample from, and a
// window on settings of its own.
#pragma once

#include "dialogs.h"
#include "mainwindow.h"
#include "modelsnapshot.h"
#include "reverseview.h"
#include "runfollower.h"
#include "samplingcontroller.h"
#include "settings.h"

#include "config.h"
#include "dataset.h"
#include "trainer.h"
#include "unet.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace studiotest {

// The tiny preset, batch 8, no warm-up, on 200 synthetic images.
inline ddpm::ModelConfig tinyConfig(double lr = 1e-3)
{
    auto c = ddpm::makeConfig("tiny").value();
    c.train.batch = 8;
    c.train.lr = lr;
    c.train.warmupSteps = 0;
    c.dataSpec = "synthetic:200";
    return c;
}

inline std::shared_ptr<const ddpm::Dataset> tinyData()
{
    return std::make_shared<const ddpm::Dataset>(ddpm::makeSyntheticShapes(200, 1, 16));
}

// A tiny model trained `steps` steps on tinyData() and saved to `path`: weights that are not a fresh model's.
inline bool saveTrainedTiny(const QString& path, int steps)
{
    ddpm::Trainer trainer(tinyConfig(), torch::kCPU);
    if (!trainer.setDataset(*tinyData()))
        return false;
    for (int i = 0; i < steps; ++i)
        if (!trainer.step())
            return false;
    return static_cast<bool>(trainer.save(path.toStdString()));
}

// An untrained tiny model to sample from.
inline std::shared_ptr<ModelSnapshot> untrainedSnapshot()
{
    auto snap = std::make_shared<ModelSnapshot>();
    snap->config = tinyConfig();
    snap->model = ddpm::UNet(snap->config.unet);
    snap->ema = ddpm::cloneUNet(snap->model);
    return snap;
}

// A window shown on `settings`: the tiny preset on 120 synthetic images, on the CPU, previews every
// 1,000 steps, exports into `exportFolder`.
inline std::unique_ptr<MainWindow> makeWindow(Settings& settings, const QString& exportFolder)
{
    settings.set(setting::Preset, QStringLiteral("tiny"));
    settings.setLastDataSpec(QStringLiteral("synthetic:120"));
    settings.set(setting::Device, QStringLiteral("cpu"));
    settings.set(setting::PreviewInterval, 1000);
    settings.setExportFolder(exportFolder);
    auto w = std::make_unique<MainWindow>(settings);
    w->resize(1300, 850);
    w->show();
    return w;
}

// A short DDIM run (`steps` steps of `count` images) in the window's Reverse view: whether it finished.
inline bool sampleDdim(MainWindow& w, int steps, int count)
{
    ddpm::SamplerOptions o;
    o.kind = ddpm::SamplerKind::Ddim;
    o.ddimSteps = steps;
    o.count = count;
    w.reverseView()->setSamplerOptions(o);
    QSignalSpy finished(w.sampling(), &SamplingController::finished);
    w.startSampling();
    return finished.wait(60000) && finished.first().first().toBool();
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The window's menu action with this text (menus are in English in these tests), or null.
inline QAction* actionNamed(const QWidget* window, const QString& text)
{
    for (auto* a : window->findChildren<QAction*>())
        if (a->text() == text)
            return a;
    return nullptr;
}

// A run elsewhere: `trainer` (of tinyConfig()) trained two steps on tinyData() and saved to `run`, which the
// window then follows (File > Follow training run…). Whether all of that worked.
inline bool followRun(MainWindow& w, ddpm::Trainer& trainer, const QString& run)
{
    if (!trainer.setDataset(*tinyData()) || !trainer.step() || !trainer.step() || !trainer.save(run.toStdString()))
        return false;
    QAction* follow = actionNamed(&w, QStringLiteral("&Follow training run…"));
    if (!follow)
        return false;
    Dialogs::setNextSavePath(run); // the file the dialog returns
    follow->trigger();
    return QTest::qWaitFor([&] { return w.follower()->isFollowing() && w.training()->step() == trainer.stepCount(); },
                           60000);
}

} // namespace studiotest
