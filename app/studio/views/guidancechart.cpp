#include "guidancechart.h"

#include "chartaxes.h"

#include <QChart>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

using namespace ddpm;

GuidanceChart::GuidanceChart(QWidget* parent)
    : QChartView(parent)
{
    auto* chart = new QChart;
    ChartAxes::localize(chart);
    chart->setTitle(tr("Quality against guidance w (every class in equal shares)"));
    m_fid = new QLineSeries;
    m_fid->setName(tr("Fréchet distance"));
    m_floor = new QLineSeries;
    m_floor->setName(tr("floor (real images)"));
    QPen dashed(Qt::darkGray);
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(1.5);
    m_floor->setPen(dashed);
    m_agreement = new QLineSeries;
    m_agreement->setName(tr("class agreement, %"));
    m_agreement->setColor(QColor(44, 160, 44));
    for (auto* s : {m_fid, m_floor, m_agreement}) {
        s->setPointsVisible(true);
        chart->addSeries(s);
    }
    m_axisW = new QValueAxis;
    m_axisW->setTitleText(tr("guidance w: ε̃ = (1 + w) ε̂(x, t, c) − w ε̂(x, t, ∅)"));
    m_axisW->setRange(0, 4);
    m_axisFid = new QValueAxis;
    m_axisFid->setTitleText(tr("Fréchet distance"));
    m_axisFid->setRange(0, 1);
    m_axisAgreement = new QValueAxis;
    m_axisAgreement->setTitleText(tr("class agreement, %"));
    m_axisAgreement->setRange(0, 100);
    chart->addAxis(m_axisW, Qt::AlignBottom);
    chart->addAxis(m_axisFid, Qt::AlignLeft);
    chart->addAxis(m_axisAgreement, Qt::AlignRight);
    for (auto* s : {m_fid, m_floor}) {
        s->attachAxis(m_axisW);
        s->attachAxis(m_axisFid);
    }
    m_agreement->attachAxis(m_axisW);
    m_agreement->attachAxis(m_axisAgreement);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(260);
}

void GuidanceChart::setReports(const QList<QualityReport>& reports)
{
    std::vector<std::tuple<double, double, double, double>> points; // w, distance, floor, agreement
    for (const auto& r : reports)
        if (!r.classChoice.empty() && std::isfinite(r.classAgreement))
            points.emplace_back(r.guidance, r.fid, r.fidFloor, 100.0 * r.classAgreement);
    std::sort(points.begin(), points.end());
    QList<QPointF> fid, floor, agreement;
    double maxFid = 0, maxW = 0;
    for (const auto& [w, distance, floorValue, share] : points) {
        fid.append({w, distance});
        floor.append({w, floorValue});
        agreement.append({w, share});
        maxFid = std::max({maxFid, distance, floorValue});
        maxW = std::max(maxW, w);
    }
    m_fid->replace(fid);
    m_floor->replace(floor);
    m_agreement->replace(agreement);
    m_axisW->setRange(0, std::max(4.0, maxW));
    m_axisFid->setRange(0, maxFid > 0 ? maxFid * 1.15 : 1.0);
    m_axisFid->applyNiceNumbers();
}

int GuidanceChart::pointCount() const
{
    return static_cast<int>(m_fid->count());
}

QList<QPointF> GuidanceChart::agreementPoints() const
{
    return m_agreement->points();
}
