// Several named curves on shared axes, e.g. the noise schedule's β_t, ᾱ_t or log-SNR against t, with an
// optional vertical marker (the current timestep).
#pragma once

#include "chartaxes.h"

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QVector>

class QAbstractAxis;
class QLineSeries;
class QValueAxis;

struct Curve {
    QString name;
    QVector<QPointF> points;
    QColor color; // invalid: the chart theme picks one
};

class CurveChart : public QChartView {
    Q_OBJECT

public:
    explicit CurveChart(QWidget* parent = nullptr);
    ~CurveChart() override;

    void setCurves(const QList<Curve>& curves);
    QList<Curve> curves() const;

    // Logarithmic y axis; points with y <= 0 are not shown while it is on.
    void setLogY(bool logY);
    bool isLogY() const;
    // Logarithmic x axis (a timestep axis where t near 1 matters most); points with x <= 0 are not shown.
    void setLogX(bool logX);
    bool isLogX() const;

    void setAxisTitles(const QString& x, const QString& y);

    // A dashed vertical line across the plot at x.
    void setMarker(double x);
    void clearMarker();
    bool hasMarker() const;
    double markerX() const;

    QList<QLineSeries*> curveSeries() const;
    QLineSeries* markerSeries() const;
    QAbstractAxis* xAxis() const; // a QValueAxis or a QLogValueAxis
    QAbstractAxis* yAxis() const; // a QValueAxis or a QLogValueAxis

private:
    ChartAxes::Ranges dataRanges(bool logY) const;
    bool shown(const QPointF& p, bool logY) const; // finite, and positive on a log axis
    void createYAxis();
    void rebuildSeries();
    void removeCurveSeries(); // from the chart, deleted
    void updateRanges();
    void updateMarker();
    void hideMarkerFromLegend();
    double yAxisMin() const;
    double yAxisMax() const;

    QList<Curve> m_curves;
    QList<QLineSeries*> m_series;
    QLineSeries* m_markerSeries = nullptr;
    QAbstractAxis* m_xAxis = nullptr;
    QAbstractAxis* m_yAxis = nullptr;
    QString m_yTitle;
    bool m_logY = false;
    bool m_logX = false;
    bool m_hasMarker = false;
    double m_markerX = 0.0;
};
