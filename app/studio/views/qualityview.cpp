#include "qualityview.h"

#include "elidingcombobox.h"
#include "boundpanel.h"
#include "chartaxes.h"
#include "copiespanel.h"
#include "guidancechart.h"
#include "messages.h"
#include "spacingbox.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QPen>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <limits>
#include <cmath>

using namespace ddpm;

namespace {
bool isTrailing(const QualityReport& r)
{
    return r.spacing == timestepSpacingName(TimestepSpacing::Trailing);
}

QString samplerLabel(const QualityReport& r)
{
    const QString label =
        r.sampler == "ddpm" ? QualityView::tr("DDPM, %L1 steps").arg(r.steps)
        : r.sampler == "ddim"
            ? QualityView::tr("DDIM, %L1 steps").arg(r.steps)
            : QualityView::tr("%1, %L2 network evaluations").arg(QString::fromStdString(r.sampler)).arg(r.steps);
    return isTrailing(r) ? QualityView::tr("%1, trailing timesteps").arg(label) : label;
}
} // namespace

QualityView::QualityView(QWidget* parent)
    : QWidget(parent)
{
    createControls();
    QGroupBox* form = buildMeasureForm();
    QSplitter* split = buildResultsPanel();

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(form);
    layout->addWidget(split, 1);

    connectSignals();
    updateButtons();
}

void QualityView::createControls()
{
    m_count = new QSpinBox(this);
    m_count->setRange(50, 10000);
    m_count->setSingleStep(50);
    m_count->setGroupSeparatorShown(true);
    m_count->setValue(QualityOptions{}.count);
    const auto features = static_cast<int>(ClassifierOptions{}.features());
    m_count->setToolTip(tr("Samples to draw. The floor is measured with as many real training images, so the "
                           "distance and its floor compare at one count. Below about %L1 samples (four times the "
                           "classifier's %L2 features) both are mostly bias; more give a steadier number.")
                            .arg(4 * features)
                            .arg(features));
    m_sampler = new ElidingComboBox(this);
    m_sampler->addItem(tr("DDIM (η = 0)"), static_cast<int>(SamplerKind::Ddim));
    m_sampler->addItem(tr("DDPM (all steps)"), static_cast<int>(SamplerKind::Ddpm));
    m_steps = new QSpinBox(this);
    m_steps->setRange(1, ScheduleOptions{}.steps); // the model's T, once one is open (setModelSteps)
    m_steps->setValue(QualityOptions{}.sampler.ddimSteps);
    m_spacing = new SpacingBox(this);
    m_spacing->setSpacing(QualityOptions{}.sampler.spacing);
    m_spacing->setToolTip(tr("Where DDIM's S steps lie between T and 0: for a DDIM measurement and for the DDIM "
                             "rows of the sweeps, whichever sampler the form shows"));
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, std::numeric_limits<int>::max()); // as the other seed boxes: a QSpinBox holds an int
    m_measure = new QPushButton(tr("Measure"), this);
    m_measure->setToolTip(tr("Draw the samples with these settings and compare them with the test images"));
    m_sweep = new QPushButton(tr("Measure against steps"), this);
    QStringList ddimSteps; // the sweep's plain DDIM runs (qualitySweep, core/quality.h)
    for (const auto& o : qualitySweep(SamplerOptions{}))
        if (o.kind == SamplerKind::Ddim && o.corrector == CorrectorKind::None)
            ddimSteps << QLocale().toString(o.ddimSteps);
    m_sweep->setToolTip(tr("DDIM with %1 steps, DDPM with all steps, then DDIM with a Langevin corrector and "
                           "annealed Langevin dynamics at about 100 and 250 network evaluations: the Fréchet "
                           "distance and the time per image of each, in the chart")
                            .arg(QLocale().createSeparatedList(ddimSteps)));
    m_guidanceSweep = new QPushButton(tr("Measure against guidance"), this);
    QStringList weights; // guidanceSweep's w (core/quality.h)
    for (const auto& o : guidanceSweep(SamplerOptions{}))
        weights << QLocale().toString(o.guidance);
    m_guidanceSweep->setToolTip(tr("A class-conditional model: every class in equal shares at guidance w = %1, "
                                   "with the form's sampler: the Fréchet distance and the class agreement of each, in "
                                   "the Guidance chart")
                                    .arg(QLocale().decimalPoint() == QLatin1String(",")
                                             ? weights.join(QStringLiteral("; ")) // 0; 0,5; 1, not 0, 0,5, 1
                                             : QLocale().createSeparatedList(weights)));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText); // errors name files
    m_status->setWordWrap(true);
}

// The form on the left: the settings, the buttons, the progress and what the numbers mean.
QGroupBox* QualityView::buildMeasureForm()
{
    auto* form = new QGroupBox(tr("Measure"), this);
    auto* fl = new QFormLayout(form);
    fl->addRow(tr("Samples"), m_count);
    fl->addRow(tr("Sampler"), m_sampler);
    fl->addRow(tr("DDIM steps"), m_steps);
    fl->addRow(tr("DDIM timesteps"), m_spacing);
    fl->addRow(tr("Seed"), m_seed);
    fl->addRow(m_measure);
    fl->addRow(m_sweep);
    fl->addRow(m_guidanceSweep);
    auto* row = new QHBoxLayout;
    row->addWidget(m_cancel);
    row->addWidget(m_export);
    fl->addRow(row);
    fl->addRow(m_progress);
    fl->addRow(m_status);
    auto* how =
        new QLabel(tr("A classifier trained on the 60,000 Fashion-MNIST training images describes each sample by the "
                      "features of its last hidden layer. The Fréchet distance compares their mean and covariance with "
                      "those of the 10,000 test images; the floor is the same distance for as many real training "
                      "images. A model that makes images like the real ones scores near the floor."),
                   form);
    how->setWordWrap(true);
    how->setForegroundRole(QPalette::WindowText); // body text, not the grey of a disabled label
    fl->addRow(how);
    form->setMaximumWidth(340);
    return form;
}

// The results on the right: the summary and the class shares above, the chart below.
QSplitter* QualityView::buildResultsPanel()
{
    createResultWidgets();
    createChart();

    auto* top = new QWidget(this);
    auto* tl = new QHBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    // The summary scrolls where the splitter leaves it less height than its rows need (a guided run's
    // report has nine, some of them wrapped), rather than losing its last rows.
    auto* summaryScroll = m_summaryScroll = new QScrollArea(top);
    summaryScroll->setWidget(m_summary);
    summaryScroll->setWidgetResizable(true);
    summaryScroll->setFrameShape(QFrame::NoFrame);
    summaryScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    summaryScroll->viewport()->setAutoFillBackground(false); // the window's own background, as before
    m_summary->setAutoFillBackground(false);
    tl->addWidget(summaryScroll, 3);
    tl->addWidget(m_classes, 2);
    m_bound = new BoundPanel(this);
    auto* pages = m_pages = new QTabWidget(this);
    pages->addTab(m_chartView, tr("Quality against network evaluations"));
    m_guidance = new GuidanceChart(this);
    pages->addTab(m_guidance, tr("Guidance"));
    m_copies = new CopiesPanel(this);
    pages->addTab(m_copies, tr("Nearest training images"));
    pages->addTab(m_bound, tr("Likelihood bound"));
    auto* split = m_split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(pages);
    split->setStretchFactor(1, 3);
    connect(split, &QSplitter::splitterMoved, this, [this] { m_userSizedSplit = true; });
    return split;
}

void QualityView::createResultWidgets()
{
    m_summary = new QLabel(tr("No measurement yet."), this);
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_summary->setTextFormat(Qt::RichText);
    m_classes = new QTableWidget(0, 3, this);
    m_classes->setHorizontalHeaderLabels({tr("Class"), tr("Share"), tr("Samples")});
    m_classes->verticalHeader()->hide();
    // The class names whole ("T-shirt/top", not "T-sh…"), the numbers as wide as they need; rows compact so
    // that the ten classes show without scrolling.
    m_classes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_classes->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_classes->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_classes->verticalHeader()->setDefaultSectionSize(m_classes->fontMetrics().height() + 4);
    m_classes->setMinimumHeight(m_classes->horizontalHeader()->sizeHint().height() +
                                10 * m_classes->verticalHeader()->defaultSectionSize() + 2 * m_classes->frameWidth());
    m_classes->setMinimumWidth(
        m_classes->fontMetrics().horizontalAdvance(QStringLiteral("T-shirt/top  100.0 %  1000")) + 40);
    m_classes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_classes->setToolTip(tr("The class the classifier gives each sample. A model that covers every mode "
                             "makes each of the ten classes about 10% of the time."));
}

// The Fréchet distance and its floor on the left axis, the time per image on the right, both against the
// network evaluations per image on a log scale.
void QualityView::createChart()
{
    auto* chart = new QChart;
    ChartAxes::localize(chart);
    chart->setTitle(tr("Quality against network evaluations"));
    m_fidSeries = new QLineSeries;
    m_fidSeries->setName(tr("Fréchet distance"));
    m_fidPoints = new QScatterSeries;
    m_fidPoints->setMarkerSize(8);
    m_floorSeries = new QLineSeries;
    m_floorSeries->setName(tr("floor (real images)"));
    QPen dashed(Qt::darkGray);
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(1.5);
    m_floorSeries->setPen(dashed);
    m_timeSeries = new QLineSeries;
    m_timeSeries->setName(tr("seconds per image"));
    // The Langevin samplers' measurements, each a curve of its own at equal network evaluations.
    m_langevinSeries = new QLineSeries;
    m_langevinSeries->setName(tr("annealed Langevin")); // the axis says what: the legend tells them apart
    m_correctorSeries = new QLineSeries;
    m_correctorSeries->setName(tr("with a Langevin corrector"));
    m_trailingSeries = new QLineSeries;
    m_trailingSeries->setName(tr("DDIM, trailing timesteps"));
    for (auto* s : std::initializer_list<QXYSeries*>{m_fidSeries, m_fidPoints, m_floorSeries, m_timeSeries,
                                                     m_langevinSeries, m_correctorSeries, m_trailingSeries})
        chart->addSeries(s);
    m_langevinSeries->setPointsVisible(true);
    m_correctorSeries->setPointsVisible(true);
    m_trailingSeries->setPointsVisible(true);
    m_floorSeries->setPointsVisible(true); // a single measurement shows as points
    m_timeSeries->setPointsVisible(true);
    m_fidPoints->setColor(m_fidSeries->color());
    // The theme has five colours and there are seven series: the sampler curves get their own.
    m_langevinSeries->setColor(QColor(214, 39, 40));
    m_correctorSeries->setColor(QColor(44, 160, 44));
    m_trailingSeries->setColor(QColor(148, 103, 189));
    m_axisX = new QLogValueAxis;
    m_axisX->setBase(10);
    m_axisX->setLabelFormat(QStringLiteral("%.6g"));
    m_axisX->setTitleText(tr("network evaluations per image"));
    m_axisX->setRange(5, 2000);
    m_axisFid = new QValueAxis;
    m_axisFid->setTitleText(tr("Fréchet distance"));
    m_axisFid->setRange(0, 1);
    m_axisTime = new QValueAxis;
    m_axisTime->setTitleText(tr("seconds per image"));
    m_axisTime->setRange(0, 1);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisFid, Qt::AlignLeft);
    chart->addAxis(m_axisTime, Qt::AlignRight);
    for (auto* s : std::initializer_list<QXYSeries*>{m_fidSeries, m_fidPoints, m_floorSeries, m_langevinSeries,
                                                     m_correctorSeries, m_trailingSeries}) {
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisFid);
    }
    m_timeSeries->attachAxis(m_axisX);
    m_timeSeries->attachAxis(m_axisTime);
    for (auto* series :
         std::initializer_list<QXYSeries*>{m_fidPoints, m_langevinSeries, m_correctorSeries, m_trailingSeries})
        chart->legend()->markers(series).first()->setVisible(false); // none drawn yet
    m_chartView = new QChartView(chart, this);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(260);
}

void QualityView::connectSignals()
{
    connect(m_sampler, &QComboBox::currentIndexChanged, this, &QualityView::updateButtons);
    connect(m_measure, &QPushButton::clicked, this,
            [this] { Q_EMIT measureRequested(options(), {options().sampler}); });
    connect(m_sweep, &QPushButton::clicked, this,
            [this] { Q_EMIT measureRequested(options(), qualitySweep(options().sampler)); });
    connect(m_guidanceSweep, &QPushButton::clicked, this,
            [this] { Q_EMIT measureRequested(options(), guidanceSweep(options().sampler)); });
    connect(m_cancel, &QPushButton::clicked, this, &QualityView::cancelRequested);
    connect(m_export, &QPushButton::clicked, this, &QualityView::exportRequested);
}

void QualityView::setAvailable(bool available, const QString& why)
{
    m_available = available;
    if (!available && !why.isEmpty())
        m_status->setText(why);
    updateButtons();
}

void QualityView::showPage(Page page)
{
    m_pages->setCurrentIndex(static_cast<int>(page));
}

void QualityView::setConditional(bool conditional)
{
    m_conditional = conditional;
    updateButtons();
}

void QualityView::setModelSteps(int steps)
{
    m_steps->setMaximum(std::max(1, steps)); // DDIM takes at most every one of the model's T steps
}

void QualityView::setModelName(const QString& modelName)
{
    if (m_results.reports.isEmpty() && !m_running)
        m_summary->setText(tr("No measurement of %1 yet.").arg(modelName.toHtmlEscaped()));
}

void QualityView::clearResults(const QString& modelName)
{
    m_results.clear();
    m_summary->setText(modelName.isEmpty() ? tr("No measurement yet.")
                                           : tr("No measurement of %1 yet.").arg(modelName.toHtmlEscaped()));
    m_classes->setRowCount(0);
    m_copies->clear();
    m_progress->setValue(0);
    updateChart();
    updateButtons();
}

QualityOptions QualityView::options() const
{
    QualityOptions o;
    o.count = m_count->value();
    o.sampler = defaultQualitySampler();
    o.sampler.kind = static_cast<SamplerKind>(m_sampler->currentData().toInt());
    o.sampler.ddimSteps = m_steps->value();
    o.sampler.spacing = m_spacing->spacing();
    o.sampler.seed = static_cast<uint64_t>(m_seed->value());
    return o;
}

void QualityView::setOptions(const QualityOptions& o)
{
    m_count->setValue(o.count);
    m_sampler->setCurrentIndex(std::max(0, m_sampler->findData(static_cast<int>(o.sampler.kind))));
    m_steps->setValue(o.sampler.ddimSteps);
    m_spacing->setSpacing(o.sampler.spacing);
    m_seed->setValue(static_cast<int>(o.sampler.seed));
}

void QualityView::begin(int runs)
{
    m_running = true;
    m_progress->setValue(0);
    m_status->setText(runs > 1 ? tr("Measuring %1 sampler settings…").arg(runs) : tr("Measuring…"));
    updateButtons();
}

void QualityView::setProgress(int run, int runs, qint64 done, qint64 total)
{
    const double inRun = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 0.0;
    m_progress->setValue(static_cast<int>(std::lround(1000.0 * (run + inRun) / std::max(1, runs))));
    const QString which = runs > 1 ? tr("Setting %1 of %2: ").arg(run + 1).arg(runs) : QString();
    m_status->setText(which + tr("%L1 of %L2 image-steps").arg(done).arg(total));
}

void QualityView::setPreparing(qint64 done, qint64 total)
{
    const int permille = total > 0 ? static_cast<int>(1000 * done / total) : 0;
    m_progress->setValue(permille);
    m_status->setText(tr("Preparing the Fashion-MNIST reference, once a session (the classifier describes its "
                         "70,000 images): %1 %")
                          .arg(permille / 10));
}

void QualityView::addReport(const QualityReport& report, qint64 modelStep)
{
    m_results.add(report, modelStep);
    showReport(report, modelStep);
    m_copies->setReport(report);
    updateChart();
    updateButtons();
}

void QualityView::end(bool completed, const QString& error)
{
    m_running = false;
    m_progress->setValue(completed ? 1000 : 0); // a cancelled or failed run leaves no half-full bar
    if (!error.isEmpty())
        m_status->setText(tr("Stopped: %1").arg(error));
    else if (!completed)
        m_status->setText(tr("Cancelled."));
    else
        m_status->setText(tr("Done."));
    updateButtons();
}

// The summary's pane grows to show all its rows, up to 40 % of the height, unless the user has sized the
// panes: what does not fit then scrolls.
void QualityView::fitSummary()
{
    const QList<int> sizes = m_split->sizes();
    if (m_userSizedSplit || sizes.size() != 2)
        return;
    const int total = sizes[0] + sizes[1];
    const int needed = m_summary->heightForWidth(m_summaryScroll->viewport()->width()) + 4;
    const int top = std::min(needed, total * 2 / 5);
    if (top > sizes[0])
        m_split->setSizes({top, total - top});
}

int QualityView::progressValue() const
{
    return m_progress->value();
}

QString QualityView::statusText() const
{
    return m_status->text();
}

QString QualityView::summaryText() const
{
    return m_summary->text();
}

void QualityView::showReport(const QualityReport& r, qint64 modelStep)
{
    const QLocale locale;
    QString text = tr("<b>%1</b>, %L2 samples, the model at step %L3").arg(samplerLabel(r)).arg(r.count).arg(modelStep);
    text += QStringLiteral("<table cellspacing=6>");
    auto row = [&](const QString& name, const QString& value) {
        text += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>").arg(name, value);
    };
    row(tr("Fréchet distance"), locale.toString(r.fid, 'f', 3));
    row(tr("Floor (%L1 real training images)").arg(r.count), locale.toString(r.fidFloor, 'f', 3));
    // Under 1 the samples would be nearer the test images than real training images are: with few samples
    // that is the noise of two small sets' statistics (a less varied set can even win on the covariance
    // term), not a model better than its data. Said where it happens.
    row(tr("Distance ÷ floor"),
        r.ratio < 1.0 ? tr("%1× (below 1: at %L2 samples both distances are noisy; measure more samples before "
                           "reading it)")
                            .arg(locale.toString(r.ratio, 'f', 2))
                            .arg(r.count)
                      : tr("%1×").arg(locale.toString(r.ratio, 'f', 2)));
    row(tr("Mean classifier confidence"), locale.toString(r.meanConfidence, 'f', 3));
    row(tr("Time per image"), tr("%1 s").arg(locale.toString(r.secondsPerImage, 'g', 3)));
    if (!r.classChoice.empty()) { // classChoiceName's words (sampler.h) for every class and none
        const auto at = std::find(r.classNames.begin(), r.classNames.end(), r.classChoice);
        const QString choice = r.classChoice == "all"    ? tr("Every class")
                               : r.classChoice == "none" ? tr("No class")
                               : at != r.classNames.end()
                                   ? classDisplayNames(r.classNames).at(static_cast<int>(at - r.classNames.begin()))
                                   : QString::fromStdString(r.classChoice);
        row(tr("Class asked for, guidance w"),
            QStringLiteral("%1, %2").arg(choice, locale.toString(r.guidance, 'f', 1)));
    }
    if (std::isfinite(r.classAgreement))
        row(tr("Class agreement (the classifier's class is the one asked for)"),
            locale.toString(100.0 * r.classAgreement, 'f', 1) + QStringLiteral(" %"));
    if (std::isfinite(r.memorisation.share) && !r.memorisation.closest.empty())
        row(tr("Likely copies of training images (nearer than 99 % of test images are)"),
            tr("%1 % (threshold %2; the nearest sample at %3)")
                .arg(locale.toString(100.0 * r.memorisation.share, 'f', 1),
                     locale.toString(r.memorisation.threshold, 'f', 2),
                     locale.toString(r.memorisation.closest.front().distance, 'f', 2)));
    text += QStringLiteral("</table>");
    m_summary->setText(text);
    fitSummary();

    m_classes->setRowCount(static_cast<int>(r.classNames.size()));
    const QStringList classNames = classDisplayNames(r.classNames);
    for (size_t k = 0; k < r.classNames.size(); ++k) {
        const int i = static_cast<int>(k);
        const double share = k < r.classShares.size() ? r.classShares[k] : 0.0;
        auto* name = new QTableWidgetItem(classNames.at(static_cast<int>(k)));
        auto* shareItem = new QTableWidgetItem(locale.toString(100.0 * share, 'f', 1) + QStringLiteral(" %"));
        auto* count = new QTableWidgetItem(locale.toString(k < r.classCounts.size() ? r.classCounts[k] : 0));
        shareItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (share < 0.05 || share > 0.15) {
            shareItem->setForeground(QColor(200, 40, 40));
            shareItem->setToolTip(tr("Outside 5–15%: the model makes this class too rarely or too often"));
        }
        m_classes->setItem(i, 0, name);
        m_classes->setItem(i, 1, shareItem);
        m_classes->setItem(i, 2, count);
    }
}

void QualityView::updateChart()
{
    QList<std::pair<int, int>> order;                  // (steps, index)
    for (int i = 0; i < m_results.reports.size(); ++i) // the guidance sweep's other w: the Guidance chart's
        if (m_results.reports[i].classChoice.empty() || m_results.reports[i].guidance == kDefaultGuidance)
            order.append({m_results.reports[i].steps, i});
    std::sort(order.begin(), order.end());
    QList<QPointF> fid, floor, time, langevin, corrected, trailing;
    double maxFid = 0, maxTime = 0;
    for (const auto& [steps, i] : order) {
        const auto& r = m_results.reports[i];
        const QString sampler = QString::fromStdString(r.sampler);
        if (sampler.contains(QLatin1Char('+')))
            corrected.append({double(steps), r.fid});
        else if (sampler.startsWith(QLatin1String("langevin")))
            langevin.append({double(steps), r.fid});
        else if (isTrailing(r))
            trailing.append({double(steps), r.fid});
        else
            fid.append({double(steps), r.fid});
        floor.append({double(steps), r.fidFloor});
        time.append({double(steps), r.secondsPerImage});
        maxFid = std::max({maxFid, r.fid, r.fidFloor});
        maxTime = std::max(maxTime, r.secondsPerImage);
    }
    m_fidSeries->replace(fid);
    m_fidPoints->replace(fid);
    m_langevinSeries->replace(langevin);
    m_correctorSeries->replace(corrected);
    m_trailingSeries->replace(trailing);
    m_floorSeries->replace(floor);
    m_timeSeries->replace(time);
    // The Langevin curves in the legend only once measured: room for the names of those that are.
    for (auto* series : {m_langevinSeries, m_correctorSeries, m_trailingSeries})
        for (auto* marker : m_chartView->chart()->legend()->markers(series))
            marker->setVisible(series->count() > 0);
    m_axisFid->setRange(0, maxFid > 0 ? maxFid * 1.15 : 1.0);
    m_axisTime->setRange(0, maxTime > 0 ? maxTime * 1.15 : 1.0);
    m_axisFid->applyNiceNumbers();
    m_axisTime->applyNiceNumbers();
    m_guidance->setReports(m_results.reports);
}

void QualityView::updateButtons()
{
    const bool ddim = m_sampler->currentData().toInt() != static_cast<int>(SamplerKind::Ddpm);
    m_steps->setEnabled(ddim && !m_running);
    m_spacing->setEnabled(!m_running); // the sweeps' DDIM rows take it whatever the sampler
    m_measure->setEnabled(m_available && !m_running);
    m_sweep->setEnabled(m_available && !m_running);
    m_guidanceSweep->setEnabled(m_available && m_conditional && !m_running);
    m_cancel->setEnabled(m_running);
    m_export->setEnabled(!m_results.reports.isEmpty());
    for (QWidget* w : std::initializer_list<QWidget*>{m_count, m_sampler, m_seed})
        w->setEnabled(!m_running);
}
