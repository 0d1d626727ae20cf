// Loss per timestep bin as training goes on: one row per bin of t, one column per snapshot, the colour
// the logarithm of the loss, with a colour legend on the right. The map always spans the whole run: when
// there are more than maxSnapshots() columns, every other one goes (the first stays) and from then on
// only every second snapshot appended is kept for good, as the engine thins its own history; the
// newest snapshot is always the last column.
#pragma once

#include <QImage>
#include <QStringList>
#include <QVector>
#include <QWidget>

class BinHeatMap : public QWidget {
    Q_OBJECT

public:
    static constexpr int DefaultMaxSnapshots = 200;

    explicit BinHeatMap(QWidget* parent = nullptr);
    ~BinHeatMap() override;

    // One column: binLosses[i] is the mean loss of bin i at training step `step`. Values that are not
    // finite and positive are drawn as "no data". Too many columns are thinned, never cut at the start.
    void appendSnapshot(const QVector<double>& binLosses, int step);
    void clear();

    // Row labels, top to bottom; missing ones read "bin N".
    void setBinLabels(const QStringList& labels);
    QStringList binLabels() const;
    // "t 1–100", "t 101–200", … for T timesteps split into `bins` equal bins (1-based t as in the paper).
    static QStringList timestepBinLabels(int timesteps, int bins);

    void setMaxSnapshots(int count); // at least 2; thins at once if needed
    int maxSnapshots() const;

    int snapshotCount() const;
    int binCount() const; // the longest snapshot
    QVector<int> steps() const;
    QVector<double> snapshot(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Snapshot {
        int step = 0;
        QVector<double> losses;
    };

    void thin();
    QString rowLabel(int row) const;
    int rowLabelWidth() const;
    int legendWidth() const;
    QList<double> legendTicks() const; // round losses marked on the colour bar (ChartAxes::logTicks)
    QRect plotRect() const;
    void updateLogRange() const;
    QColor colorFor(double loss) const;
    QString formatLoss(double loss) const;
    const QImage& cellImage() const;

    QList<Snapshot> m_snapshots;
    QStringList m_binLabels;
    int m_maxSnapshots = DefaultMaxSnapshots;
    int m_keepEvery = 1;         // of the snapshots appended, every m_keepEvery-th stays for good
    int m_appended = 0;          // snapshots appended since clear()
    bool m_lastIsNewest = false; // the last column is only the newest snapshot, replaced by the next

    mutable QImage m_cache;
    mutable bool m_dirty = true;
    mutable double m_logMin = 0.0;
    mutable double m_logMax = 0.0;
};
