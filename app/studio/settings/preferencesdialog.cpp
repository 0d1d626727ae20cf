#include "preferencesdialog.h"

#include "settings.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace {

QString defaultChooser(QWidget* parent, const QString& caption, const QString& start)
{
    return QFileDialog::getExistingDirectory(parent, caption, start);
}

} // namespace

PreferencesDialog::PreferencesDialog(Settings& settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_chooseDirectory(defaultChooser)
{
    setWindowTitle(tr("Preferences"));

    m_threadsSpin = new QSpinBox(this);
    m_threadsSpin->setRange(setting::CpuThreads.min, setting::CpuThreads.max);
    m_threadsSpin->setSpecialValueText(tr("All cores"));
    const int cores = QThread::idealThreadCount();
    m_threadsSpin->setToolTip(cores == 1 ? tr("CPU threads for training and sampling on the CPU (this machine has "
                                              "one core).")
                                         : tr("CPU threads for training and sampling on the CPU (this machine has %n "
                                              "cores).",
                                              nullptr, cores));

    m_exportFolderEdit = new QLineEdit(this);
    m_exportFolderEdit->setPlaceholderText(Settings::defaultExportFolder());
    m_exportFolderEdit->setClearButtonEnabled(true);
    m_browseButton = new QPushButton(tr("Browse…"), this);
    connect(m_browseButton, &QPushButton::clicked, this, &PreferencesDialog::browseExportFolder);

    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_exportFolderEdit, 1);
    folderRow->addWidget(m_browseButton);

    auto* form = new QFormLayout;
    form->addRow(tr("CPU &threads:"), m_threadsSpin);
    form->addRow(tr("&Export folder:"), folderRow);
    // QFormLayout buddies only work for widgets; give the folder label its editor by hand.
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(folderRow)))
        label->setBuddy(m_exportFolderEdit);

    auto* note =
        new QLabel(tr("CPU threads apply from the next training step, also during a run, and to the next sampling "
                      "run. The device, the precision and the preview interval are set in the Training view."),
                   this);
    note->setWordWrap(true);
    note->setEnabled(false); // greyed: a hint, not a control

    m_buttonBox = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttonBox, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch(1);
    layout->addWidget(m_buttonBox);

    load();
    setMinimumWidth(480);
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::setDirectoryChooser(DirectoryChooser chooser)
{
    m_chooseDirectory = chooser ? std::move(chooser) : DirectoryChooser(defaultChooser);
}

QSpinBox* PreferencesDialog::threadsSpin() const
{
    return m_threadsSpin;
}

QLineEdit* PreferencesDialog::exportFolderEdit() const
{
    return m_exportFolderEdit;
}

QPushButton* PreferencesDialog::browseButton() const
{
    return m_browseButton;
}

QDialogButtonBox* PreferencesDialog::buttonBox() const
{
    return m_buttonBox;
}

void PreferencesDialog::accept()
{
    save();
    QDialog::accept();
}

void PreferencesDialog::load()
{
    m_threadsSpin->setValue(m_settings.get(setting::CpuThreads));
    m_exportFolderEdit->setText(QDir::toNativeSeparators(m_settings.exportFolder()));
}

void PreferencesDialog::save()
{
    m_settings.set(setting::CpuThreads, m_threadsSpin->value());
    m_settings.setExportFolder(QDir::fromNativeSeparators(m_exportFolderEdit->text()));
    m_settings.sync();
}

void PreferencesDialog::browseExportFolder()
{
    QString start = QDir::fromNativeSeparators(m_exportFolderEdit->text().trimmed());
    if (start.isEmpty())
        start = Settings::defaultExportFolder();
    const QString folder = m_chooseDirectory(this, tr("Default Export Folder"), start);
    if (!folder.isEmpty())
        m_exportFolderEdit->setText(QDir::toNativeSeparators(folder));
}
