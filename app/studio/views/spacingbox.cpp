#include "spacingbox.h"

#include <algorithm>

using ddpm::TimestepSpacing;

SpacingBox::SpacingBox(QWidget* parent)
    : ElidingComboBox(parent)
{
    addItem(tr("Even, T … 1"), static_cast<int>(TimestepSpacing::Linspace));
    addItem(tr("Trailing, T … T/S"), static_cast<int>(TimestepSpacing::Trailing));
    setItemData(0,
                tr("DDIM's steps evenly spaced from T down to 1, both ends kept: the last step goes from t = 1, "
                   "where almost no noise is left, to x₀"),
                Qt::ToolTipRole);
    setItemData(1,
                tr("DDIM's steps at T, T − T/S, …, T/S: each spans T/S timesteps, the last from t = T/S "
                   "(Lin et al. 2024)"),
                Qt::ToolTipRole);
    setToolTip(tr("Where DDIM's S steps lie between T and 0"));
}

TimestepSpacing SpacingBox::spacing() const
{
    return static_cast<TimestepSpacing>(currentData().toInt());
}

void SpacingBox::setSpacing(TimestepSpacing spacing)
{
    setCurrentIndex(std::max(0, findData(static_cast<int>(spacing))));
}
