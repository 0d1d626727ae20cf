// The Quality view: how good the model's samples are, on the project's own metric (core/quality.h):
// the Fréchet distance of classifier features against the Fashion-MNIST test images beside its floor
// (the same number for real training images), the classifier's mean confidence and the share of each
// class. "Against sampling steps" measures DDIM with 10 … 250 steps and DDPM with all of them, and
// charts the distance and the time per image, so a user sees what fewer steps cost.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "qualityresults.h"
#endif

#include <QList>
#include <QWidget>

#include <vector>

class QChartView;
class BoundPanel;
class CopiesPanel;
class GuidanceChart;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QProgressBar;
class QPushButton;
class QScatterSeries;
class SpacingBox;
class QScrollArea;
class QSpinBox;
class QSplitter;
class QTableWidget;
class QTabWidget;
class QValueAxis;

class QualityView : public QWidget {
    Q_OBJECT
public:
    explicit QualityView(QWidget* parent = nullptr);

    // Whether there is a model to measure; `why` says what is missing (shown instead of results).
    void setAvailable(bool available, const QString& why = {});
    // A class-conditional model: "Measure against guidance" is offered.
    void setConditional(bool conditional);
    // A different model: the results so far belong to the old one and go.
    void clearResults(const QString& modelName = {});
    // The model was saved under another name: the text that names it follows (the results stay).
    void setModelName(const QString& modelName);
    // The model's T: the most DDIM steps the form offers.
    void setModelSteps(int steps);

    // The settings of one measurement (the sampler of the form; the sweep replaces it run by run).
    ddpm::QualityOptions options() const;
    void setOptions(const ddpm::QualityOptions& options);

    // Driven by the window while a measurement runs.
    void begin(int runs);
    void setProgress(int run, int runs, qint64 done, qint64 total);
    // The session's first measurement prepares the Fashion-MNIST reference first: `done` of `total`.
    void setPreparing(qint64 done, qint64 total);
    void addReport(const ddpm::QualityReport& report, qint64 modelStep);
    void end(bool completed, const QString& error);

    const QList<ddpm::QualityReport>& reports() const { return m_results.reports; }
    const QualityResults& results() const { return m_results; }

    QPushButton* measureButton() const { return m_measure; }
    QPushButton* sweepButton() const { return m_sweep; }
    QPushButton* guidanceButton() const { return m_guidanceSweep; }
    GuidanceChart* guidanceChart() const { return m_guidance; }
    CopiesPanel* copiesPanel() const { return m_copies; }
    QPushButton* cancelButton() const { return m_cancel; }
    QChartView* chartView() const { return m_chartView; }
    BoundPanel* boundPanel() const { return m_bound; }
    QTableWidget* classTable() const { return m_classes; }
    // The pages under the summary.
    enum class Page { Steps, Guidance, Copies, Bound };
    void showPage(Page page);
    QString summaryText() const;
    int progressValue() const; // of 1000
    QString statusText() const;

Q_SIGNALS:
    // One measurement per sampler setting of `runs`, in order (the form's setting, or a sweep of it).
    void measureRequested(const ddpm::QualityOptions& options, const std::vector<ddpm::SamplerOptions>& runs);
    void cancelRequested();
    void exportRequested();

private:
    void createControls();
    QGroupBox* buildMeasureForm();
    QSplitter* buildResultsPanel();
    void fitSummary();
    void createResultWidgets();
    void createChart();
    void connectSignals();
    void showReport(const ddpm::QualityReport& report, qint64 modelStep);
    void updateChart();
    void updateButtons();

    QSpinBox* m_count;
    QComboBox* m_sampler;
    QSpinBox* m_steps;
    SpacingBox* m_spacing; // DDIM's timesteps
    QSpinBox* m_seed;
    QPushButton* m_measure;
    QPushButton* m_sweep;
    QPushButton* m_guidanceSweep;
    QPushButton* m_cancel;
    QPushButton* m_export;
    QProgressBar* m_progress;
    QLabel* m_status;
    QLabel* m_summary;
    QScrollArea* m_summaryScroll = nullptr;
    QSplitter* m_split = nullptr;
    bool m_userSizedSplit = false; // the user dragged the splitter: fitSummary() leaves it
    QTableWidget* m_classes;
    QChartView* m_chartView;
    QLineSeries* m_fidSeries;
    QScatterSeries* m_fidPoints;
    QLineSeries* m_floorSeries;
    QLineSeries* m_timeSeries;
    QLineSeries* m_langevinSeries;
    QLineSeries* m_correctorSeries;
    QLineSeries* m_trailingSeries; // DDIM with trailing timesteps
    QLogValueAxis* m_axisX;
    QValueAxis* m_axisFid;
    QValueAxis* m_axisTime;
    QualityResults m_results;
    BoundPanel* m_bound;
    QTabWidget* m_pages;
    GuidanceChart* m_guidance;
    CopiesPanel* m_copies;
    bool m_available = false;
    bool m_running = false;
    bool m_conditional = false;
};
