// The quality measurements of a session: each report with the training step of the model it measured.
// The Quality view shows them; the CSV export reads them here.
#pragma once

#include "quality.h"
#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

struct QualityResults {
    Q_DECLARE_TR_FUNCTIONS(QualityResults)
public:
    QList<ddpm::QualityReport> reports;
    QList<qint64> modelSteps; // the model's training step of each report

    void clear()
    {
        reports.clear();
        modelSteps.clear();
    }
    void add(const ddpm::QualityReport& report, qint64 modelStep)
    {
        reports.append(report);
        modelSteps.append(modelStep);
    }
    bool isEmpty() const { return reports.isEmpty(); }
    // The reports as CSV: core's columns plus the model's step, so that rows of different models can
    // be told apart. An error in words when there is none yet.
    ddpm::Result<QByteArray> csv() const;
};
