#include "neighbourlookup.h"

#include "copiespanel.h"
#include "qualitycontroller.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

NeighbourLookup::NeighbourLookup(QualityController* quality, QWidget* window)
    : QObject(window)
    , m_quality(quality)
    , m_window(window)
{
    connect(m_quality, &QualityController::neighboursFound, this,
            [this](quint64 request, const ddpm::TrainingNeighbours& found) {
                if (request != m_request || !m_dialog)
                    return;
                m_panel->setNeighbours(found, m_index);
                m_status->clear();
                m_progress->hide();
            });
    connect(m_quality, &QualityController::neighboursFailed, this, [this](quint64 request, const QString& error) {
        if (request != m_request || !m_dialog)
            return;
        m_status->setText(tr("No nearest training images: %1").arg(error));
        m_progress->hide();
    });
    connect(m_quality, &QualityController::neighboursPreparing, this,
            [this](quint64 request, qint64 done, qint64 total) {
                if (request != m_request || !m_dialog)
                    return;
                const int percent = total > 0 ? static_cast<int>(100 * done / total) : 0;
                m_status->setText(tr("Looking for the nearest training images of image %1: preparing the "
                                     "Fashion-MNIST reference first, once a session (the classifier describes its "
                                     "70,000 images), %2 %…")
                                      .arg(m_index)
                                      .arg(percent));
                m_progress->setRange(0, 100);
                m_progress->setValue(percent);
                m_progress->show();
            });
}

void NeighbourLookup::ensureDialog()
{
    if (m_dialog)
        return;
    m_dialog = new QDialog(m_window);
    m_dialog->setWindowTitle(tr("Nearest training images"));
    m_panel = new CopiesPanel(m_dialog);
    m_status = new QLabel(m_dialog);
    m_status->setTextFormat(Qt::PlainText); // errors name files
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(m_dialog);
    m_progress->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, m_dialog);
    connect(buttons, &QDialogButtonBox::rejected, m_dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(m_dialog);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_panel, 1);
    layout->addWidget(buttons);
    m_dialog->resize(560, 420);
}

void NeighbourLookup::lookUp(const torch::Tensor& image, int index)
{
    ensureDialog();
    NeighboursRequest r;
    r.images = image;
    m_request = m_quality->findNeighbours(r);
    m_index = index;
    m_panel->clear(tr("The images appear here once they are found."));
    m_status->setText(m_request != 0 ? tr("Looking for the nearest training images of image %1…").arg(index)
                                     : tr("The quality thread has stopped."));
    m_progress->hide();
    m_dialog->show();
    m_dialog->raise();
}

QString NeighbourLookup::statusText() const
{
    return m_status ? m_status->text() : QString();
}
