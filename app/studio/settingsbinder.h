// Keeps the settings and the forms that edit them in step: the training form (preset, schedule,
// optimiser, steps, device, precision, preview interval) and the Reverse view's sampler options are
// read from the settings when the window opens and written back when it closes; Preferences starts
// from what the form shows and hands its answer back to the form.
#pragma once

class ReverseView;
class Settings;
class TrainingView;

class SettingsBinder {
public:
    SettingsBinder(Settings& settings, TrainingView* training, ReverseView* reverse);

    void restoreForms(); // settings → forms
    void saveForms();    // forms → settings (not yet synced to storage)
    // The compute settings the form edits too (device, precision, preview interval): form → settings
    // before Preferences opens, settings → form after OK.
    void computeFromForm();
    void computeToForm();

private:
    Settings& m_settings;
    TrainingView* m_training;
    ReverseView* m_reverse;
};
