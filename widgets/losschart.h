// Training loss over steps: the raw values as a faint line and their exponential moving average on top,
// on a logarithmic loss axis unless setLogScale(false). On screen both lines draw one point per pixel
// column, the mean of the points in it, at every zoom: the older points are means of many steps already,
// and the newest single steps drawn side by side would paint a dark band that reads as a loss gone wild.
// Drag a rectangle to zoom, right-click to zoom out, double-click (or resetZoom()) to see everything.
#pragma once

#include "chartaxes.h"

#include <QChartView>
#include <QElapsedTimer>
#include <QPointF>
#include <QTimer>
#include <QImage>
#include <QVector>

class QAbstractAxis;
class QLineSeries;
class QValueAxis;

class LossChart : public QChartView {
    Q_OBJECT

public:
    explicit LossChart(QWidget* parent = nullptr);
    ~LossChart() override;

    // Adds a batch of (step, loss) points. Points with a non-finite coordinate are dropped.
    // At most kMaxPoints are kept and drawn: the newest kRecentPoints as they are, older ones thinned
    // evenly (see foldOlderPoints). About two points per pixel of a wide chart: QtCharts redraws a
    // series whole on every change, and with 4,000 points in each of the two series a redraw took
    // 30-74 ms of the GUI thread (the 30-minute soak's only stalls over 50 ms).
    static constexpr qsizetype kRecentPoints = 1000;
    static constexpr qsizetype kOlderPoints = 800;
    static constexpr qsizetype kMaxPoints = kRecentPoints + kOlderPoints;
    //
    // While points stream in, the series are redrawn at most once per kRedrawIntervalMs (the points
    // themselves are kept at once): QtCharts rebuilds each line's path and its stroked outline on every
    // change, 5 ms on an idle machine and 30-56 ms with training on both cores.
    static constexpr int kRedrawIntervalMs = 250;
    void appendPoints(const QVector<QPointF>& raw);
    void clear();

    QVector<QPointF> rawPoints() const;
    // The chart as the user set it up (zoom, smoothing, log axis), at its size on screen; at `atLeast`
    // when it is not on screen (a hidden tab never laid out keeps Qt's default 300 × 220).
    QImage picture(const QSize& atLeast);
    // s_0 = y_0, s_i = w^k·s_{i-1} + (1 − w^k)·y_i with w = smoothing() and k = x_i − x_{i-1} steps (at
    // least 1): an EMA over steps, where a point of a thinned history stands for its bucket's steps. One
    // per raw point.
    QVector<QPointF> smoothedPoints() const;
    static double smoothedAfter(double state, double previousStep, const QPointF& p, double weight);

    void setSmoothing(double weight); // clamped to 0 … 1 − 1/kMaxSmoothingWindow; recomputes the whole curve
    double smoothing() const;
    // The same as the number of steps the average reaches back, 1 / (1 − w): 1 (none) to kMaxSmoothingWindow.
    // A slider over it on a log scale does something for a run of 500 steps and one of 500,000 alike.
    static constexpr double kMaxSmoothingWindow = 10000;
    void setSmoothingWindow(double steps);
    double smoothingWindow() const;

    // Logarithmic loss axis, on from the start (on a linear axis the first hundred steps squash the
    // rest of the run into a flat line); points with loss <= 0 are not shown while it is on.
    void setLogScale(bool logScale);
    bool isLogScale() const;

    void resetZoom();

    // Words shown across the empty plot (what will appear there, and when); none by default.
    void setEmptyText(const QString& text);
    QString emptyText() const { return m_emptyText; }

    // The drawn series and their axes, brought up to date first (a redraw may be waiting).
    QLineSeries* rawSeries();
    QLineSeries* smoothedSeries();
    QValueAxis* xAxis();
    QAbstractAxis* yAxis(); // a QValueAxis or a QLogValueAxis

protected:
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    ChartAxes::Ranges dataRanges(bool logScale) const;
    void recomputeSmoothing();
    void foldOlderPoints();
    void updateSeries();
    void updateRanges();
    void scheduleRedraw();
    void redrawNow();
    void createYAxis();
    QVector<QPointF> perPixelColumn(const QVector<QPointF>& points) const;

    QString m_emptyText;
    bool m_drawnEmpty = true;    // whether the last redraw had no points (the text's repaint follows it)
    QVector<QPointF> m_raw;      // older points (m_older of them, m_stride steps each), then recent ones
    QVector<QPointF> m_smoothed; // the same for the average
    qsizetype m_older = 0;
    qsizetype m_stride = 1;
    struct Fold {
        double x = 0, sumRaw = 0, sumSmoothed = 0;
        qsizetype count = 0;
    } m_fold; // the older point being gathered (not drawn until it is whole)
    double m_smoothing = 0.9;
    double m_emaState = 0.0;
    bool m_logScale = true;

    QTimer m_redraw; // single shot: the redraw that waits for kRedrawIntervalMs to pass
    QElapsedTimer m_sinceRedraw;
    QTimer m_rebin; // single shot: the lines drawn again after a zoom or a resize changed the columns

    QLineSeries* m_rawSeries = nullptr;
    QLineSeries* m_smoothedSeries = nullptr;
    QValueAxis* m_xAxis = nullptr;
    QAbstractAxis* m_yAxis = nullptr;
};
