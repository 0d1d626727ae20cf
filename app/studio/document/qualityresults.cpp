#include "qualityresults.h"

#include <string>

using namespace ddpm;

Result<QByteArray> QualityResults::csv() const
{
    if (reports.isEmpty())
        return Error{tr("There is no quality measurement yet: press Measure first.").toStdString()};
    auto withStep = [](std::string line, const std::string& step) {
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
            line.pop_back();
        return line + ',' + step + '\n';
    };
    std::string out = withStep(qualityCsvHeader(reports.first().classNames), "model_step");
    for (qsizetype i = 0; i < reports.size(); ++i)
        out += withStep(qualityReportToCsvRow(reports[i]), std::to_string(modelSteps[i]));
    return QByteArray::fromStdString(out);
}
