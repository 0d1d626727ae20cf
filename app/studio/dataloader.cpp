#include "dataloader.h"

#include "imageio.h"
#include "messages.h"

#include <QFileInfo>
#include <QMetaObject>
#include <QThread>

DataLoader::DataLoader(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<DatasetPtr>();
}

DataLoader::~DataLoader()
{
    for (QThread* t : m_threads) {
        t->wait();
        delete t;
    }
}

QString DataLoader::displayName(const QString& spec)
{
    const QString kind = spec.section(QLatin1Char(':'), 0, 0);
    const QString arg = spec.section(QLatin1Char(':'), 1);
    if (kind == QLatin1String("fashion-mnist"))
        return tr("Fashion-MNIST");
    if (kind == QLatin1String("synthetic"))
        return tr("Synthetic shapes");
    if (kind == QLatin1String("mnist"))
        return tr("MNIST-style IDX folder %1").arg(QFileInfo(arg).fileName());
    if (kind == QLatin1String("idx"))
        return tr("IDX file %1").arg(QFileInfo(arg).fileName());
    if (kind == QLatin1String("cifar10"))
        return tr("CIFAR-10 %1").arg(QFileInfo(arg).fileName());
    if (kind == QLatin1String("folder"))
        return tr("Image folder %1").arg(QFileInfo(arg).fileName());
    return spec;
}

void DataLoader::load(const QString& spec, int channels, int size)
{
    // Threads of earlier loads that have finished are deleted here.
    for (auto it = m_threads.begin(); it != m_threads.end();) {
        if ((*it)->isFinished()) {
            delete *it;
            it = m_threads.erase(it);
        } else {
            ++it;
        }
    }
    const int generation = ++m_generation;
    ++m_loading;
    QThread* thread = QThread::create([this, spec, channels, size, generation] {
        auto r = ddpm::loadDataSpec(spec.toStdString(), channels, size, ddpm::qtFolderLoader());
        DatasetPtr data = r ? std::make_shared<const ddpm::Dataset>(std::move(r.value())) : nullptr;
        const QString error = r ? QString() : ddpm::errorText(r);
        QMetaObject::invokeMethod(this, [this, data, error, spec, generation] {
            --m_loading;
            if (generation != m_generation.load())
                return;
            if (data)
                Q_EMIT loaded(data, spec);
            else
                Q_EMIT failed(error, spec);
        });
    });
    m_threads.append(thread);
    thread->start();
}
