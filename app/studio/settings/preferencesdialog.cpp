#include "preferencesdialog.h"

#include "settings.h"

#include "cpufeatures.h" // std only: this dialog builds without LibTorch (tst_settings)

#include <QComboBox>
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

void addPrecisionItems(QComboBox* combo)
{
    const bool fastBf16 = ddpm::cpuHasFastBf16();
    combo->addItem(fastBf16 ? PreferencesDialog::tr("Automatic (bf16 mixed on this CPU)")
                            : PreferencesDialog::tr("Automatic (fp32 on this CPU)"),
                   QStringLiteral("auto"));
    combo->addItem(PreferencesDialog::tr("fp32"), QStringLiteral("fp32"));
    combo->addItem(PreferencesDialog::tr("bf16 mixed"), QStringLiteral("bf16"));
    combo->setToolTip(PreferencesDialog::tr(
        "bf16 mixed computes the convolutions and attention in bfloat16, about 1.3× faster on CPUs with "
        "AVX512-BF16 or AMX, and keeps the weights, optimizer, normalisation and loss in fp32. Checkpoints "
        "always hold fp32 weights. Automatic picks bf16 where the hardware computes it fast."));
}

PreferencesDialog::PreferencesDialog(Settings& settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_chooseDirectory(defaultChooser)
{
    setWindowTitle(tr("Preferences"));

    m_deviceCombo = new QComboBox(this);
    m_deviceCombo->addItem(tr("Automatic (CUDA when available)"), QStringLiteral("auto"));
    m_deviceCombo->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_deviceCombo->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    m_deviceCombo->setToolTip(tr("Where the model trains. A change applies at the next Start, when the model "
                                 "moves there; sampling runs where the model is."));

    m_precisionCombo = new QComboBox(this);
    addPrecisionItems(m_precisionCombo);

    m_threadsSpin = new QSpinBox(this);
    m_threadsSpin->setRange(0, 256);
    m_threadsSpin->setSpecialValueText(tr("All cores"));
    m_threadsSpin->setToolTip(tr("CPU threads for training and sampling on the CPU (this machine has %n core(s)).",
                                 nullptr, QThread::idealThreadCount()));

    m_previewSpin = new QSpinBox(this);
    m_previewSpin->setRange(0, 1'000'000);
    m_previewSpin->setSpecialValueText(tr("never"));
    m_previewSpin->setSingleStep(50);
    m_previewSpin->setSuffix(tr(" steps"));
    m_previewSpin->setToolTip(tr("Training steps between two preview samples. Sampling a preview pauses "
                                 "training briefly, so a small interval slows training down."));

    m_exportFolderEdit = new QLineEdit(this);
    m_exportFolderEdit->setPlaceholderText(Settings::defaultExportFolder());
    m_exportFolderEdit->setClearButtonEnabled(true);
    m_browseButton = new QPushButton(tr("Browse…"), this);
    connect(m_browseButton, &QPushButton::clicked, this, &PreferencesDialog::browseExportFolder);

    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_exportFolderEdit, 1);
    folderRow->addWidget(m_browseButton);

    auto* form = new QFormLayout;
    form->addRow(tr("&Device:"), m_deviceCombo);
    form->addRow(tr("P&recision:"), m_precisionCombo);
    form->addRow(tr("CPU &threads:"), m_threadsSpin);
    form->addRow(tr("&Preview every:"), m_previewSpin);
    form->addRow(tr("&Export folder:"), folderRow);
    // QFormLayout buddies only work for widgets; give the folder label its editor by hand.
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(folderRow)))
        label->setBuddy(m_exportFolderEdit);

    auto* note = new QLabel(
        tr("A device change applies at the next Start of training: the model moves there, and "
           "sampling runs where the model is. Precision, CPU threads and the preview interval apply from the "
           "next training step, also during a run, and to the next sampling run."),
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

QComboBox* PreferencesDialog::precisionCombo() const
{
    return m_precisionCombo;
}

QComboBox* PreferencesDialog::deviceCombo() const
{
    return m_deviceCombo;
}

QSpinBox* PreferencesDialog::threadsSpin() const
{
    return m_threadsSpin;
}

QSpinBox* PreferencesDialog::previewSpin() const
{
    return m_previewSpin;
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
    const int deviceIndex = m_deviceCombo->findData(m_settings.device());
    m_deviceCombo->setCurrentIndex(deviceIndex >= 0 ? deviceIndex : 0);
    m_precisionCombo->setCurrentIndex(std::max(0, m_precisionCombo->findData(m_settings.precision())));
    m_threadsSpin->setValue(m_settings.cpuThreads());
    m_previewSpin->setValue(m_settings.previewInterval());
    m_exportFolderEdit->setText(QDir::toNativeSeparators(m_settings.exportFolder()));
}

void PreferencesDialog::save()
{
    m_settings.setDevice(m_deviceCombo->currentData().toString());
    m_settings.setPrecision(m_precisionCombo->currentData().toString());
    m_settings.setCpuThreads(m_threadsSpin->value());
    m_settings.setPreviewInterval(m_previewSpin->value());
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
