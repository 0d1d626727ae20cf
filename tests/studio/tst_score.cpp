// The Score view as a user drives it: the exact score's particles without a model, a short training
// whose learned score comes near the closed form, the Reverse view's score panel, and points drawn
// with the mouse.
#include "boundpanel.h"
#include "fixtures.h"
#include "reverseview.h"
#include "scoreplot.h"
#include "scoreview.h"
#include "timestepscrubber.h"

#include "curvechart.h"

#include "imageview.h"

#include <QtTest>

#include <QCheckBox>
#include <QAbstractAxis>
#include <QComboBox>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

#include <cmath>

class TestScore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void exactParticlesThenTrainingThenDrawing()
    {
        ScoreView view;
        view.resize(1100, 720);
        view.show();
        QCOMPARE(view.dataSet(), QStringLiteral("gmm8"));
        QVERIFY(!view.hasModel());
        QVERIFY(std::isnan(view.scoreError()));
        QVERIFY(!view.sampleButton()->isEnabled()); // no model, exact score off

        // The ring's exact score moves particles without any network.
        view.exactBox()->setChecked(true);
        view.samplerBox()->setCurrentIndex(view.samplerBox()->findData(QStringLiteral("ddim")));
        QVERIFY(view.sampleButton()->isEnabled());
        view.sample();
        QVERIFY(!view.trainButton()->isEnabled()); // not while particles move: one worker runs both
        QTRY_VERIFY_WITH_TIMEOUT(view.particleRun() != nullptr, 60000);
        QTRY_VERIFY(view.trainButton()->isEnabled());
        QCOMPARE(view.particleRun()->frames.size(),
                 ddpm::toy::kToyDdimLevels + 1); // DDIM's levels as ddpm toy's, then the end
        QVERIFY(view.particleRun()->exact);
        QVERIFY2(view.statusText().contains(QStringLiteral("12.5")), qPrintable(view.statusText()));
        // Asking for a level shows the run's frame there, the last at or below it (the one before is above
        // it): slider, particles and caption agree.
        view.setT(500);
        const auto shown = static_cast<size_t>(view.scrubber()->value());
        QCOMPARE(view.particleRun()->t[shown], view.currentT());
        QVERIFY2(view.currentT() <= 500 && shown > 0 && view.particleRun()->t[shown - 1] > 500,
                 qPrintable(QString::number(view.currentT())));

        // A short training: the learned score's error against the closed form at t = 250 comes down.
        view.trainStepsBox()->setValue(800);
        view.train();
        QVERIFY(!view.trainButton()->isEnabled());  // one training at a time
        QVERIFY(!view.sampleButton()->isEnabled()); // a run would wait for the training to end
        QTRY_VERIFY_WITH_TIMEOUT(!view.controller()->isTraining(), 180000);
        QVERIFY(view.hasModel());
        view.setT(250);
        QVERIFY2(view.scoreError() < 0.5, qPrintable(QString::number(view.scoreError())));
        // The arrows drawn are the learned score −ε̂/√(1 − ᾱ_t) beside the exact one: over the grid they point
        // the same way and are as long (a wrong sign or scale of ε̂ shows here; the origin's exact score is 0,
        // so the lengths are compared in sum).
        {
            const auto learned = view.plot()->arrowVectors(0), exact = view.plot()->arrowVectors(1);
            QVERIFY(!learned.isEmpty() && learned.size() == exact.size());
            double cosines = 0.0, learnedLength = 0.0, exactLength = 0.0;
            for (int i = 0; i < learned.size(); ++i) {
                const QPointF a = learned[i], b = exact[i];
                const double na = std::hypot(a.x(), a.y()), nb = std::hypot(b.x(), b.y());
                cosines += (a.x() * b.x() + a.y() * b.y()) / std::max(1e-12, na * nb);
                learnedLength += na;
                exactLength += nb;
            }
            const double meanCosine = cosines / learned.size(), ratio = learnedLength / exactLength;
            QVERIFY2(meanCosine > 0.8 && ratio > 0.8 && ratio < 1.25,
                     qPrintable(QStringLiteral("cosine %1, length ratio %2").arg(meanCosine).arg(ratio)));
        }
        view.setT(0);
        QVERIFY(std::isnan(view.scoreError())); // no score of the data themselves

        // Drawn points: nothing to train on until there are two.
        view.setDataSet(QStringLiteral("drawn"));
        QVERIFY(!view.hasModel()); // the model was of the ring
        QVERIFY(!view.trainButton()->isEnabled());
        QTest::mouseClick(view.plot(), Qt::LeftButton, {}, view.plot()->toWidget(QPointF(0.5, 0.5)).toPoint());
        QTest::mouseClick(view.plot(), Qt::LeftButton, {}, view.plot()->toWidget(QPointF(-0.5, -0.5)).toPoint());
        QCOMPARE(view.drawnPointCount(), 2);
        QVERIFY(view.trainButton()->isEnabled());
    }

    // Stop keeps the model as far as it was trained and says how far; a new data set drops a training still
    // running on the old one, whose model must not come back.
    void stopKeepsTheStepsTakenAndNewDataDropsTheOldRun()
    {
        ScoreView view;
        view.trainStepsBox()->setValue(view.trainStepsBox()->maximum());
        const int total = view.trainStepsBox()->value();
        view.train();
        QTRY_VERIFY_WITH_TIMEOUT(view.hasModel(), 60000); // the field follows the training
        view.controller()->cancelTraining();
        QTRY_VERIFY_WITH_TIMEOUT(!view.controller()->isTraining(), 60000);
        QVERIFY(view.hasModel());
        const QRegularExpression stopped(QStringLiteral("stopped after (\\d+) steps"));
        const auto m = stopped.match(view.statusText());
        QVERIFY2(m.hasMatch(), qPrintable(view.statusText()));
        const int steps = m.captured(1).toInt();
        QVERIFY2(steps > 0 && steps < total, qPrintable(view.statusText()));

        view.train();
        QTRY_VERIFY_WITH_TIMEOUT(view.hasModel(), 60000);
        view.setDataSet(QStringLiteral("moons"));
        QVERIFY(!view.hasModel());
        QVERIFY(!view.controller()->isTraining());
        QVERIFY(view.trainButton()->isEnabled());
        bool drained = false; // the old run has ended, and all it reported has been delivered
        view.controller()->afterPending([&drained] { drained = true; });
        QTRY_VERIFY_WITH_TIMEOUT(drained, 60000);
        QVERIFY(!view.hasModel());
        QVERIFY2(!view.statusText().contains(QStringLiteral("stopped")), qPrintable(view.statusText()));
    }

    // The bound panel: its timesteps cover 1 … T, densest at small t; a measurement of an untrained tiny
    // model (on its synthetic images) gives both curves at every timestep and a total above zero.
    void boundPanelMeasures()
    {
        const auto ts = BoundPanel::profileTimesteps(1000, 40);
        QCOMPARE(ts.size(), size_t(40)); // as many as asked for: none lost where two round alike
        QCOMPARE(BoundPanel::profileTimesteps(12, 12), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
        QCOMPARE(ts.front(), 1);
        QCOMPARE(ts.back(), 1000);
        QVERIFY(std::is_sorted(ts.begin(), ts.end()) && std::adjacent_find(ts.begin(), ts.end()) == ts.end());
        QVERIFY(ts[static_cast<size_t>(ts.size() / 2)] < 100); // half of them below t = 100

        BoundPanel panel;
        panel.resize(900, 500);
        panel.show();
        panel.measure();
        QVERIFY(panel.resultText().contains(QStringLiteral("model first")));
        const auto model = studiotest::untrainedSnapshot();
        panel.setModelSource([model] { return model; });
        panel.imagesBox()->setValue(2);
        panel.timestepsBox()->setValue(8);
        panel.measure();
        QVERIFY(!panel.measureButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isMeasuring(), 120000);
        QVERIFY2(std::isfinite(panel.totalBitsPerDim()) && panel.totalBitsPerDim() > 0, qPrintable(panel.resultText()));
        QCOMPARE(panel.chart()->curves().size(), 2);
        const auto n = static_cast<int>(BoundPanel::profileTimesteps(model->config.schedule.steps, 8).size());
        QCOMPARE(panel.chart()->curves()[0].points.size(), n);
        QCOMPARE(panel.profile().size(), size_t(n));
        for (const auto& p : panel.profile())
            QVERIFY(p.bitsPerDim > 0 && p.simpleLoss > 0);
        QVERIFY2(panel.resultText().contains(QStringLiteral("may have trained on")), qPrintable(panel.resultText()));
        // Two images: the total with its standard error over them, and against log t.
        const double error = profileTotalError(panel.profile(), model->config.schedule.steps);
        QVERIFY(std::isfinite(error) && error > 0);
        QVERIFY2(panel.resultText().contains(QStringLiteral(" ± ") + QLocale().toString(error, 'f', 3)),
                 qPrintable(panel.resultText()));
        QCOMPARE(panel.chart()->xAxis()->type(), QAbstractAxis::AxisTypeLogValue);
    }

    // The score panel shows −ε̂: each pixel of ε̂'s image mirrored around mid-grey.
    void reverseViewShowsTheScore()
    {
        ReverseView view;
        view.resize(1200, 800);
        view.show();
        RunOrigin origin;
        origin.request.model = nullptr;
        view.begin(origin, QStringLiteral("test"));
        SampleFrame f;
        f.step = 0;
        f.t = 10;
        QImage eps(4, 4, QImage::Format_Grayscale8);
        for (int y = 0; y < 4; ++y)
            for (int x = 0; x < 4; ++x)
                eps.setPixel(x, y, qRgb(40 * x + 10 * y, 40 * x + 10 * y, 40 * x + 10 * y));
        f.xt = f.x0Hat = f.epsHat = {eps};
        view.addFrames({f});
        QVERIFY(view.scoreImage().isNull()); // hidden until asked for
        view.showScoreBox()->setChecked(true);
        const QImage score = view.scoreImage().convertToFormat(QImage::Format_Grayscale8);
        QVERIFY(!score.isNull());
        const QImage epsGrid = view.gridAt(0, 2, 1).convertToFormat(QImage::Format_Grayscale8);
        QCOMPARE(score.size(), epsGrid.size());
        int mirrored = 0;
        for (int y = 0; y < score.height(); ++y)
            for (int x = 0; x < score.width(); ++x)
                if (qGray(epsGrid.pixel(x, y)) != qGray(score.pixel(x, y))) { // the padding stays as it is
                    QCOMPARE(qGray(score.pixel(x, y)), 255 - qGray(epsGrid.pixel(x, y)));
                    ++mirrored;
                }
        QCOMPARE(mirrored, 16); // every pixel of the one 4 × 4 image
        QVERIFY(view.scorePanelMessage().isEmpty());
        // At x₀ there is no score: a message, not a grey square that would read as s = 0.
        SampleFrame last = f;
        last.step = 1;
        last.t = 0;
        view.addFrames({last});
        view.scrubber()->setValue(view.frameCount() - 1);
        QVERIFY(view.scoreImage().isNull());
        QVERIFY2(view.scorePanelMessage().startsWith(QStringLiteral("At x₀")), qPrintable(view.scorePanelMessage()));
        view.scrubber()->setValue(0);
        QVERIFY(!view.scoreImage().isNull());
        QVERIFY(view.scorePanelMessage().isEmpty());
    }
};

QTEST_MAIN(TestScore)
#include "tst_score.moc"
