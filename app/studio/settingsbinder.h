// Keeps the settings and the forms that edit them in step: the training form (preset, schedule,
// optimiser, steps, device, precision, preview interval: their one editor) and the Reverse view's
// sampler options are read from the settings when the window opens and written back when it closes.
#pragma once

class ReverseView;
class Settings;
class TrainingView;

class SettingsBinder {
public:
    SettingsBinder(Settings& settings, TrainingView* training, ReverseView* reverse);

    void restoreForms(); // settings → forms
    void saveForms();    // forms → settings (not yet synced to storage)

private:
    Settings& m_settings;
    TrainingView* m_training;
    ReverseView* m_reverse;
};
