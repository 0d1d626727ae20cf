#include "schedulesview.h"

#include "diffusion.h"
#include "imageio.h"

#include "curvechart.h"
#include "imagestrip.h"

#include <QLocale>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

using namespace ddpm;

namespace {
struct Kind {
    ScheduleKind kind;
    const char* name;
    QColor colour;
};
const Kind kKinds[] = {{ScheduleKind::Linear, "linear", QColor(31, 119, 180)},
                       {ScheduleKind::Cosine, "cosine", QColor(255, 127, 14)},
                       {ScheduleKind::Sigmoid, "sigmoid", QColor(44, 160, 44)},
                       {ScheduleKind::Quadratic, "quadratic", QColor(214, 39, 40)}};
} // namespace

SchedulesView::SchedulesView(QWidget* parent)
    : QWidget(parent)
{
    m_T = new QSpinBox(this);
    m_T->setRange(10, 10000);
    m_T->setValue(ScheduleOptions{}.steps);
    m_T->setGroupSeparatorShown(true);
    m_beta = new CurveChart(this);
    m_beta->setAxisTitles(tr("t"), tr("βₜ (log scale)"));
    m_beta->setLogY(true);
    m_alphaBar = new CurveChart(this);
    m_alphaBar->setAxisTitles(tr("t"), tr("ᾱₜ"));
    m_logSnr = new CurveChart(this);
    m_logSnr->setAxisTitles(tr("t"), tr("log SNRₜ"));
    for (auto* c : {m_beta, m_alphaBar, m_logSnr})
        c->setMinimumSize(250, 220); // three side by side in a 1000-pixel-wide window
    m_strips = new ImageStrip(this);
    m_strips->setMinimumHeight(200);
    m_strips->setMaxRowHeight(64); // twice 32 px: the rest of the height goes to the charts

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Diffusion steps T:"), this));
    top->addWidget(m_T);
    top->addStretch(1);
    auto* charts = new QHBoxLayout;
    charts->addWidget(m_beta);
    charts->addWidget(m_alphaBar);
    charts->addWidget(m_logSnr);
    QStringList rowNames;
    for (const auto& k : kKinds)
        rowNames << QString::fromLatin1(k.name);
    m_strips->setRowLabels(rowNames);
    auto* stripBox = new QGroupBox(tr("The same image and noise under each schedule"), this);
    (new QVBoxLayout(stripBox))->addWidget(m_strips);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(charts, 1);
    layout->addWidget(stripBox); // as tall as the four rows at twice their size ask, the charts the rest
    connect(m_T, &QSpinBox::valueChanged, this, &SchedulesView::rebuild);
    rebuild();
}

void SchedulesView::setSteps(int T)
{
    m_T->setValue(T);
}
int SchedulesView::steps() const
{
    return m_T->value();
}

void SchedulesView::setImage(const torch::Tensor& image)
{
    m_image = image;
    if (image.defined()) {
        auto gen = at::detail::createCPUGenerator(7);
        m_eps = torch::randn(image.sizes(), gen, torch::dtype(torch::kFloat32));
    }
    rebuild();
}

void SchedulesView::setMarker(int t)
{
    for (auto* c : {m_beta, m_alphaBar, m_logSnr})
        c->setMarker(t);
}

void SchedulesView::rebuild()
{
    const int T = m_T->value();
    QList<Curve> beta, abar, snr;
    QList<QList<QImage>> rows;
    const auto ts = forwardStripTimesteps(T);
    for (const auto& k : kKinds) {
        ScheduleOptions o;
        o.kind = k.kind;
        o.steps = T;
        const NoiseSchedule s(o);
        Curve b{QString::fromLatin1(k.name), {}, k.colour}, a = b, l = b;
        for (int i = 0; i < T; ++i) {
            b.points.append(QPointF(i + 1, s.beta()[static_cast<size_t>(i)]));
            a.points.append(QPointF(i + 1, s.alphaBar()[static_cast<size_t>(i)]));
            const double v = s.snr()[static_cast<size_t>(i)];
            if (v > 0 && std::isfinite(std::log(v)))
                l.points.append(QPointF(i + 1, std::log(v)));
        }
        beta << b;
        abar << a;
        snr << l;
        if (m_image.defined()) {
            Diffusion d(s, Prediction::Epsilon);
            QList<QImage> row;
            for (const auto& x : d.forwardStrip(m_image, ts, m_eps))
                row << tensorToImage(x);
            rows << row;
        }
    }
    m_beta->setCurves(beta);
    m_alphaBar->setCurves(abar);
    m_logSnr->setCurves(snr);
    // ImageStrip takes columns of rows; transpose.
    if (!rows.isEmpty()) {
        QStringList labels;
        for (int t : ts)
            labels << tr("t = %1").arg(QLocale().toString(t));
        m_strips->setFrames(rows, labels);
    }
}
