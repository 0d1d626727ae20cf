// Loads data sets on a background thread; the newest request wins.
#pragma once

#include "dataset.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

using DatasetPtr = std::shared_ptr<const ddpm::Dataset>;
Q_DECLARE_METATYPE(DatasetPtr)

class DataLoader : public QObject {
    Q_OBJECT
public:
    explicit DataLoader(QObject* parent = nullptr);
    ~DataLoader() override;
    // SPEC as the ddpm command takes it; images are fitted to channels × size × size.
    void load(const QString& spec, int channels, int size);
    bool isLoading() const { return m_loading > 0; }
    // A name for the data set a user understands.
    static QString displayName(const QString& spec);

Q_SIGNALS:
    void loaded(DatasetPtr data, const QString& spec);
    void failed(const QString& message, const QString& spec);

private:
    std::atomic<int> m_generation{0};
    int m_loading = 0;
    QList<QThread*> m_threads;
};
