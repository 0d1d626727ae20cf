#include "copiespanel.h"

#include "imageio.h"
#include "pixels.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

using namespace ddpm;

// Training images are numbered from 1, as the Data view's thumbnails are (the engine's indices from 0).
namespace {
constexpr int kThumb = 56; // a 28×28 image at twice its size

QTableWidgetItem* imageItem(const torch::Tensor& image, const QString& text)
{
    // uint8 grey levels to [−1, 1], as the image helpers take model images.
    const QImage grey = tensorToImage(pixelsToModel(image));
    auto* item = new QTableWidgetItem(QIcon(QPixmap::fromImage(enlarge(grey, 2))), text);
    item->setToolTip(text);
    return item;
}
} // namespace

CopiesPanel::CopiesPanel(QWidget* parent)
    : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_table = new QTableWidget(0, 3, this);
    // Two lines each: one would be cut at the width of a dialog or of the Quality view's panel.
    m_table->setHorizontalHeaderLabels(
        {tr("Sample"), tr("Nearest training image\n(features)"), tr("Nearest training image\n(pixels)")});
    m_table->verticalHeader()->hide();
    m_table->setIconSize(QSize(kThumb, kThumb));
    m_table->verticalHeader()->setDefaultSectionSize(kThumb + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setToolTip(tr("The samples nearest to a training image in the classifier's features, each beside that "
                           "image and beside its nearest training image in pixels (distance over the 784 grey "
                           "levels of 0–255). A copy sits at a distance near 0 in both."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    clear();
}

void CopiesPanel::clear(const QString& summary)
{
    m_table->setRowCount(0);
    m_summary->setText(summary.isEmpty() ? tr("Measure a model to see its samples nearest to the training images.")
                                         : summary);
}

QString CopiesPanel::summaryText() const
{
    return m_summary->text();
}

void CopiesPanel::setReport(const QualityReport& r)
{
    const QLocale locale;
    const auto& m = r.memorisation;
    const int64_t pairs = r.closestSamples.defined() ? r.closestSamples.size(0) : 0;
    if (!std::isfinite(m.share) || pairs == 0 || !r.closestTrain.defined() || !r.closestTrainInPixels.defined()) {
        m_table->setRowCount(0);
        m_summary->setText(tr("This measurement has no training images to compare the samples with."));
        return;
    }
    m_summary->setText(
        tr("%1 % of the %L2 samples lie nearer to a training image than 99 % of the test images do (threshold %3 in "
           "the classifier's features). The %L4 samples nearest to the training set:")
            .arg(locale.toString(100.0 * m.share, 'f', 1))
            .arg(r.count)
            .arg(locale.toString(m.threshold, 'f', 2))
            .arg(pairs));
    m_table->setRowCount(static_cast<int>(pairs));
    for (int64_t i = 0; i < pairs; ++i) {
        const auto& inFeatures = m.closest[static_cast<size_t>(i)];
        const auto& inPixels = r.closestInPixels[static_cast<size_t>(i)];
        const int row = static_cast<int>(i);
        m_table->setItem(row, 0, imageItem(r.closestSamples[i], tr("sample %L1").arg(inFeatures.sample + 1)));
        m_table->setItem(row, 1,
                         imageItem(r.closestTrain[i], tr("training image %L1\ndistance %2")
                                                          .arg(inFeatures.train + 1)
                                                          .arg(locale.toString(inFeatures.distance, 'f', 2))));
        m_table->setItem(row, 2,
                         imageItem(r.closestTrainInPixels[i], tr("training image %L1\ndistance %2")
                                                                  .arg(inPixels.train + 1)
                                                                  .arg(locale.toString(inPixels.distance, 'f', 0))));
    }
}

void CopiesPanel::setNeighbours(const TrainingNeighbours& n, int image)
{
    const QLocale locale;
    const int64_t k = n.inPixels.index.defined() ? n.inPixels.index.size(1) : 0;
    // The distances' scales: a copy sits near 0 in both; in features, the held-out threshold that quality's
    // memorisation share counts against; in pixels, Euclidean over grey levels 0–255.
    QString text = tr("Image %1 and its %2 nearest training images, in the classifier's features and in pixels "
                      "(Euclidean, grey levels 0–255). A copy would sit at a distance near 0 in both.")
                       .arg(image)
                       .arg(k);
    if (std::isfinite(n.featureThreshold))
        text += QLatin1Char(' ') + tr("In features, %1 % of the test images lie farther than %2 from their nearest "
                                      "training image.")
                                       .arg(locale.toString(100.0 * (1.0 - n.featurePercentile), 'g', 3))
                                       .arg(locale.toString(n.featureThreshold, 'f', 2));
    m_summary->setText(text + QLatin1Char(' ') +
                       tr("Images are numbered from 1 here; the ddpm command and its JSON count from 0."));
    m_table->setRowCount(static_cast<int>(k));
    for (int64_t j = 0; j < k; ++j) {
        const int row = static_cast<int>(j);
        const auto caption = [&](const Neighbours& near, int decimals) {
            return tr("training image %L1\ndistance %2")
                .arg(near.index[0][j].item<int64_t>() + 1)
                .arg(locale.toString(near.distance[0][j].item<double>(), 'f', decimals));
        };
        if (j == 0)
            m_table->setItem(row, 0, imageItem(n.samples[0], tr("image %1").arg(image)));
        else
            m_table->setItem(row, 0, new QTableWidgetItem(tr("%1.").arg(j + 1)));
        m_table->setItem(row, 1, imageItem(n.featureImages[0][j], caption(n.inFeatures, 2)));
        m_table->setItem(row, 2, imageItem(n.pixelImages[0][j], caption(n.inPixels, 0)));
    }
}
