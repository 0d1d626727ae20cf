// DDIM's timestep spacing as a choice in a form (the Reverse and Quality views): evenly from T to 1, or
// trailing (T, T − T/S, …, T/S), each entry with a tooltip that says where the last step lands.
#pragma once

#include "elidingcombobox.h"
#include "options.h"

class SpacingBox : public ElidingComboBox {
    Q_OBJECT

public:
    explicit SpacingBox(QWidget* parent = nullptr);

    ddpm::TimestepSpacing spacing() const;
    void setSpacing(ddpm::TimestepSpacing spacing);
};
