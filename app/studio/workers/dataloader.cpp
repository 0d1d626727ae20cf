#include "dataloader.h"

#include "device.h"
#include "imageio.h"
#include "messages.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace {

ddpm::Result<ddpm::Dataset> loadSpec(const QString& spec, int channels, int size, const std::atomic<bool>& stop)
{
    return ddpm::loadDataSpec(spec.toStdString(), channels, size, ddpm::qtFolderLoader(&stop));
}

} // namespace

DataLoader::DataLoader(QObject* parent)
    : QObject(parent)
    , m_load(loadSpec)
{
    qRegisterMetaType<DatasetPtr>();
}

DataLoader::~DataLoader()
{
    if (m_stop)
        m_stop->store(true);
    for (auto* w : std::as_const(m_watchers))
        w->waitForFinished();
}

void DataLoader::setLoadFunction(LoadFunction load)
{
    m_load = load ? std::move(load) : LoadFunction(loadSpec);
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
    const int generation = ++m_generation;
    if (m_stop) // an older load still going would only use memory and cores for nothing
        m_stop->store(true);
    m_stop = std::make_shared<std::atomic<bool>>(false);
    // Translated here, on the GUI thread, for the message the pool thread may need.
    const ddpm::Error what(tr("loading %1").arg(displayName(spec)).toStdString());
    auto* watcher = new QFutureWatcher<Outcome>(this);
    m_watchers.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, spec, generation] { onDone(watcher, spec, generation); });
    watcher->setFuture(QtConcurrent::run([load = m_load, spec, channels, size, what, stop = m_stop]() -> Outcome {
        Outcome out;
        try {
            auto r = load(spec, channels, size, *stop);
            if (r)
                out.data = std::make_shared<const ddpm::Dataset>(std::move(r.value()));
            else
                out.error = ddpm::errorText(r);
        } catch (const std::exception& e) {
            out.error = ddpm::errorText(ddpm::describeException(e, what));
        } catch (...) {
            out.error = ddpm::errorText(ddpm::describeUnknownException(what));
        }
        return out;
    }));
}

void DataLoader::onDone(QFutureWatcher<Outcome>* watcher, const QString& spec, int generation)
{
    m_watchers.removeOne(watcher);
    watcher->deleteLater();
    if (generation != m_generation)
        return; // a newer load is on its way
    const Outcome out = watcher->result();
    if (out.data)
        Q_EMIT loaded(out.data, spec);
    else
        Q_EMIT failed(out.error, spec);
}
