// A setting's range (settings.h) on the editor that edits it, so that a form offers exactly what the
// settings keep. An open end of a range stops one displayed step short of its bound.
#pragma once

#include "settings.h"

#include <QDoubleSpinBox>
#include <QSpinBox>

#include <cmath>

inline void setRange(QSpinBox* spin, const setting::Bounded<int>& row)
{
    spin->setRange(row.min + (row.minOpen ? 1 : 0), row.max - (row.maxOpen ? 1 : 0));
}

inline void setRange(QDoubleSpinBox* spin, const setting::Bounded<double>& row)
{
    const double step = std::pow(10.0, -spin->decimals());
    spin->setRange(row.minOpen ? row.min + step : row.min, row.maxOpen ? row.max - step : row.max);
}
