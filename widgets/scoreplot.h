// A 2-D plot for the score view: a density drawn as an image under everything, up to two arrow fields
// (the learned and the exact score), the data points faint, and particles on top. Square, over a fixed
// range of the plane; draws what it is given and computes nothing. Where drawing is on, a press or a drag
// adds points (pointAdded), as a user draws a data set.
#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QVector>
#include <QWidget>

class QPainter;

class ScorePlot : public QWidget {
    Q_OBJECT
public:
    explicit ScorePlot(QWidget* parent = nullptr);

    // The plane shown: [-extent, extent]² (1.8 by default).
    void setExtent(double extent);
    double extent() const { return m_extent; }

    // The density as an image covering the whole range (row 0 at the top: y = +extent); null: none.
    void setDensity(const QImage& density);
    // Arrow field `set` (0: the learned score, 1: the exact one): vectors at origins, in plane units;
    // drawn scaled so that the longest is about one grid spacing (`spacing`, plane units). Empty: none.
    void setArrows(int set, const QVector<QPointF>& origins, const QVector<QPointF>& vectors, double spacing);
    QVector<QPointF> arrowVectors(int set) const // as set: for tests
    {
        return set >= 0 && set < kArrowSets ? m_arrows[set].vectors : QVector<QPointF>();
    }
    void setDataPoints(const QVector<QPointF>& points);
    void setParticles(const QVector<QPointF>& points);
    void setDrawingEnabled(bool enabled);

    QPointF toPlane(const QPointF& widgetPos) const;
    QPointF toWidget(const QPointF& planePos) const;

    QSize sizeHint() const override { return QSize(480, 480); }
    QSize minimumSizeHint() const override { return QSize(200, 200); }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width; }

    static constexpr int kArrowSets = 2;
    static QColor arrowColor(int set);

Q_SIGNALS:
    void pointAdded(const QPointF& planePos);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRectF plotRect() const;
    void paintArrows(QPainter& p, int set) const;
    void addPointAt(const QPointF& widgetPos);

    double m_extent = 1.8;
    QImage m_density;
    struct Arrows {
        QVector<QPointF> origins, vectors;
        double spacing = 0.1;
    };
    Arrows m_arrows[kArrowSets];
    QVector<QPointF> m_data, m_particles;
    bool m_drawing = false;
    QPointF m_lastAdded{1e9, 1e9};
};
