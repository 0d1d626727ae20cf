// Loads data sets in the background (QtConcurrent::run on Qt's global thread pool, answered through a
// QFutureWatcher on the GUI thread); the newest request wins. Whatever the loading throws ends as
// failed(), never in the thread pool.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "dataset.h"
#include "result.h"
#endif

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

template <typename T> class QFutureWatcher;

using DatasetPtr = std::shared_ptr<const ddpm::Dataset>;
Q_DECLARE_METATYPE(DatasetPtr)

class DataLoader : public QObject {
    Q_OBJECT
public:
    // How a SPEC becomes a data set of channels × size × size; runs on a pool thread. `stop` is set when a
    // newer load makes it useless or the loader goes: a folder's loading stops at its next image.
    using LoadFunction = std::function<ddpm::Result<ddpm::Dataset>(const QString& spec, int channels, int size,
                                                                   const std::atomic<bool>& stop)>;

    explicit DataLoader(QObject* parent = nullptr);
    ~DataLoader() override; // stops the loads still running and waits for them
    // SPEC as the ddpm command takes it; images are fitted to channels × size × size.
    void load(const QString& spec, int channels, int size);
    bool isLoading() const { return !m_watchers.isEmpty(); }
    // A name for the data set a user understands.
    static QString displayName(const QString& spec);
    // For tests: load with this instead of ddpm::loadDataSpec; an empty function restores it.
    void setLoadFunction(LoadFunction load);

Q_SIGNALS:
    void loaded(DatasetPtr data, const QString& spec);
    void failed(const QString& message, const QString& spec);

private:
    struct Outcome {
        DatasetPtr data;
        QString error;
    };
    void onDone(QFutureWatcher<Outcome>* watcher, const QString& spec, int generation);

    LoadFunction m_load;
    int m_generation = 0;
    QList<QFutureWatcher<Outcome>*> m_watchers;
    std::shared_ptr<std::atomic<bool>> m_stop; // the newest load's
};
