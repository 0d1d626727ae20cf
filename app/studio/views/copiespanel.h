// Are the samples copies? (issue 20 §3.) The samples of a quality report that lie nearest to the training
// set, each beside its nearest training image in the classifier's features and its nearest in pixels,
// with their distances, under the report's share of likely copies and the threshold it used; or one
// image's nearest training images in both spaces.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "quality.h"
#endif

#include <QWidget>

class QLabel;
class QTableWidget;

class CopiesPanel : public QWidget {
    Q_OBJECT
public:
    explicit CopiesPanel(QWidget* parent = nullptr);

    // Shows `report`'s closest pairs; a report without them says why there are none.
    void setReport(const ddpm::QualityReport& report);
    // One image's nearest training images instead: a row for each rank, the image itself in the first.
    // `image` is its number (1-based) in its run.
    void setNeighbours(const ddpm::TrainingNeighbours& neighbours, int image);
    // Empty, with `summary` above it (by default, what a measurement would show here).
    void clear(const QString& summary = QString());
    QTableWidget* table() const { return m_table; }
    QString summaryText() const;

private:
    QLabel* m_summary;
    QTableWidget* m_table;
};
