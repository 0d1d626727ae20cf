// Classifier-free guidance's trade, measured (issue 20 §1): the Fréchet distance of a class-conditional
// model's samples (with its floor) and the share of samples the classifier puts in the class asked for,
// both against the guidance weight w. More guidance makes the classes surer and, past a point, the
// images less varied, which the distance sees.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "quality.h"
#endif

#include <QChartView>
#include <QList>

class QLineSeries;
class QValueAxis;

class GuidanceChart : public QChartView {
    Q_OBJECT
public:
    explicit GuidanceChart(QWidget* parent = nullptr);

    // The reports with a class asked for and a class agreement: one point each at its w (sorted by w).
    void setReports(const QList<ddpm::QualityReport>& reports);
    int pointCount() const;                 // the distance's points shown
    QList<QPointF> agreementPoints() const; // (w, agreement in %)

private:
    QLineSeries* m_fid;
    QLineSeries* m_floor;
    QLineSeries* m_agreement;
    QValueAxis* m_axisW;
    QValueAxis* m_axisFid;
    QValueAxis* m_axisAgreement;
};
