// A density histogram of sample values (e.g. the pixels of x_T or of predicted noise) with the standard
// normal density N(0, 1) drawn over it, so that a glance says whether the values look like noise.
#pragma once

#include <QString>
#include <QVector>
#include <QWidget>

class QPainter;

class HistogramView : public QWidget {
    Q_OBJECT

public:
    explicit HistogramView(QWidget* parent = nullptr);
    ~HistogramView() override;

    // Counts the finite values into `bins` equal bins over [lo, hi) (a value equal to hi goes in the last
    // bin). Density of a bin = count / (number of finite values × bin width), so the bars integrate to
    // the fraction of values inside [lo, hi]. bins < 1 or lo >= hi clears the view.
    void setValues(const QVector<float>& values, int bins = 60, double lo = -4.0, double hi = 4.0);
    void clear();

    QVector<double> binDensities() const;
    int binCount() const;
    double rangeLow() const;
    double rangeHigh() const;
    double binWidth() const;

    qint64 sampleCount() const;  // finite values
    qint64 outsideCount() const; // finite values outside [lo, hi]
    double mean() const;
    double standardDeviation() const;

    void setTitle(const QString& title);
    QString title() const;
    void setNormalCurveVisible(bool visible);
    bool isNormalCurveVisible() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    // Where the plot lies in the widget, and the values it spans: x over [lo, hi], y over [0, yMax].
    struct Plot {
        QRect area;
        double lo, hi, yMax;
        double mapX(double x) const { return area.left() + (x - lo) / (hi - lo) * area.width(); }
        double mapY(double y) const { return area.bottom() - y / yMax * area.height(); }
    };
    QRect drawHeader(QPainter& painter) const;
    void drawGrid(QPainter& painter, const Plot& plot, double yStep, int labelWidth) const;
    void drawBars(QPainter& painter, const Plot& plot) const;
    void drawNormalCurve(QPainter& painter, const Plot& plot) const;
    void drawXAxis(QPainter& painter, const Plot& plot) const;

    QVector<double> m_densities;
    double m_lo = -4.0;
    double m_hi = 4.0;
    qint64 m_count = 0;
    qint64 m_outside = 0;
    double m_mean = 0.0;
    double m_std = 0.0;
    QString m_title;
    bool m_showNormal = true;
};
