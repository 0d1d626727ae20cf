// Preferences: CPU threads and the default export folder. (The device, the precision and the preview interval
// have one editor, the Training view's form.) The window hands the threads to the controllers, which apply
// them on their worker threads from the next step or run. The editors start from Settings; accept() writes
// them back, reject() leaves Settings untouched.
#pragma once

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class Settings;

class PreferencesDialog : public QDialog {
    Q_OBJECT

public:
    // Asks for a folder: (parent, caption, start folder) → the chosen folder, empty when cancelled.
    // The default opens QFileDialog::getExistingDirectory; tests install one that answers at once.
    using DirectoryChooser = std::function<QString(QWidget*, const QString&, const QString&)>;

    explicit PreferencesDialog(Settings& settings, QWidget* parent = nullptr);
    ~PreferencesDialog() override;

    void setDirectoryChooser(DirectoryChooser chooser); // an empty function restores the default

    // The editors, for tests.
    QSpinBox* threadsSpin() const;
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
    QSpinBox* m_threadsSpin = nullptr;
    QLineEdit* m_exportFolderEdit = nullptr;
    QPushButton* m_browseButton = nullptr;
    QDialogButtonBox* m_buttonBox = nullptr;
};
