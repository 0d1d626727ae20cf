#include "schedulesview.h"

#include "diffusion.h"
#include "imageio.h"
#include "settings.h"

#include "curvechart.h"
#include "imagestrip.h"

#include <QAbstractAxis>
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
// ᾱ_T above it: x_T keeps more than 10 % of the image's amplitude.
constexpr double kFarFromNoise = 0.01;
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

    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Diffusion steps T:"), this));
    top->addWidget(m_T);
    top->addWidget(m_note, 1);
    auto* charts = new QHBoxLayout;
    charts->addWidget(m_beta);
    charts->addWidget(m_alphaBar);
    charts->addWidget(m_logSnr);
    QStringList rowNames;
    for (const auto& k : kKinds)
        rowNames << Settings::choiceText(QString::fromLatin1(k.name));
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

QString SchedulesView::noteText() const
{
    return m_note->text();
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
    // The dashed line is the t the Data & forward process view shows, as each chart's t axis says (the legend,
    // one line wide, would cut the words short).
    const QString x = tr("t (dashed: the Data view's t = %1)").arg(QLocale().toString(t));
    for (auto* c : {m_beta, m_alphaBar, m_logSnr}) {
        c->setMarker(t);
        c->setAxisTitles(x, c->yAxis()->titleText());
    }
}

void SchedulesView::rebuild()
{
    const int T = m_T->value();
    QList<Curve> beta, abar, snr;
    QList<QList<QImage>> rows;
    const auto ts = forwardStripTimesteps(T);
    QStringList far; // the schedules whose x_T keeps much of the image
    double worst = 0.0;
    for (const auto& k : kKinds) {
        ScheduleOptions o;
        o.kind = k.kind;
        o.steps = T;
        const NoiseSchedule s(o);
        const QString name = Settings::choiceText(QString::fromLatin1(k.name));
        if (s.alphaBar().back() > kFarFromNoise) {
            far << name;
            worst = std::max(worst, s.alphaBar().back());
        }
        Curve b{name, {}, k.colour}, a = b, l = b;
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
    // β from 10⁻⁴ to 0.02 is the paper's range for T = 1000: far fewer steps leave x_T with much of the
    // image in it, which sampling, starting from pure noise, never sees.
    const QString text = far.size() == 1 ? tr("At T = %L1 the %2 schedule leaves ᾱ_T at %3: x_T keeps %4 % of the "
                                              "image's amplitude (√ᾱ_T), while sampling starts from pure noise. Its "
                                              "β range is the paper's for T = 1,000.")
                                         : tr("At T = %L1 the schedules %2 leave ᾱ_T up to %3: x_T keeps %4 % of the "
                                              "image's amplitude (√ᾱ_T), while sampling starts from pure noise. Their "
                                              "β range is the paper's for T = 1,000.");
    m_note->setText(far.isEmpty() ? QString()
                                  : text.arg(T)
                                        .arg(far.join(tr(", ", "between the names of schedules")))
                                        .arg(QLocale().toString(worst, 'g', 2))
                                        .arg(QLocale().toString(100.0 * std::sqrt(worst), 'f', 0)));
    // ImageStrip takes columns of rows; transpose.
    if (!rows.isEmpty()) {
        QStringList labels;
        for (int t : ts)
            labels << tr("t = %1").arg(QLocale().toString(t));
        m_strips->setFrames(rows, labels);
    }
}
