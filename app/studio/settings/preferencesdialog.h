// Preferences: the compute device, the precision (fp32 or bf16 mixed), CPU threads, how often training draws preview
// samples, and the default export folder. The window hands device and threads to the controllers, which apply them on
// their worker threads (the device at the next Start, the threads from the next step or run). The editors start from
// Settings; accept() writes them back, reject() leaves Settings untouched.
#pragma once

#include <QDialog>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class Settings;

// Fills a combo with the precisions Settings knows (item data "auto", "fp32", "bf16"), saying what
// "auto" means on this machine; the Preferences dialog and the training form share it.
void addPrecisionItems(QComboBox* combo);

class PreferencesDialog : public QDialog {
    Q_OBJECT

public:
    // Asks for a folder: (parent, caption, start folder) → the chosen folder, empty when cancelled.
    // The default opens QFileDialog::getExistingDirectory; tests install one that answers at once.
    using DirectoryChooser = std::function<QString(QWidget*, const QString&, const QString&)>;

    explicit PreferencesDialog(Settings& settings, QWidget* parent = nullptr);
    ~PreferencesDialog() override;

    void setDirectoryChooser(DirectoryChooser chooser); // an empty function restores the default

    // The editors, for tests. The device combo's item data holds the Settings value ("auto" …).
    QComboBox* deviceCombo() const;
    QComboBox* precisionCombo() const;
    QSpinBox* threadsSpin() const;
    QSpinBox* previewSpin() const;
    QLineEdit* exportFolderEdit() const;
    QPushButton* browseButton() const;
    QDialogButtonBox* buttonBox() const;

public Q_SLOTS:
    void accept() override;

private:
    void load();
    void save();
    void browseExportFolder();

    Settings& m_settings;
    DirectoryChooser m_chooseDirectory;
    QComboBox* m_deviceCombo = nullptr;
    QComboBox* m_precisionCombo = nullptr;
    QSpinBox* m_threadsSpin = nullptr;
    QSpinBox* m_previewSpin = nullptr;
    QLineEdit* m_exportFolderEdit = nullptr;
    QPushButton* m_browseButton = nullptr;
    QDialogButtonBox* m_buttonBox = nullptr;
};
