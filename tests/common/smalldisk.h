// A small tmpfs mounted for a full-disk test and unmounted when it goes out of scope. Mounting needs
// root: where it fails, the test skips with the reason (the macro returns from the test function).
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStorageInfo>
#include <QString>
#include <QtTest>

#include <algorithm>

struct SmallDisk {
    QString path;
    bool mounted = false;

    SmallDisk(const QString& mountPoint, const QString& size)
        : path(mountPoint)
    {
        QDir().mkpath(path);
        QProcess mount;
        mount.start(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                              QStringLiteral("size=") + size, QStringLiteral("tmpfs"), path});
        mounted = mount.waitForFinished(10000) && mount.exitStatus() == QProcess::NormalExit && mount.exitCode() == 0;
    }
    ~SmallDisk()
    {
        if (mounted)
            QProcess::execute(QStringLiteral("umount"), {path});
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
};

// Fills the disk of `mountPoint` with a file named `filler` until exactly `left` bytes (whole pages) stay free;
// false where that cannot be reached.
inline bool fillDiskLeaving(const QString& mountPoint, qint64 left)
{
    QFile filler(mountPoint + QStringLiteral("/filler"));
    if (!filler.open(QIODevice::WriteOnly))
        return false;
    while (QStorageInfo(mountPoint).bytesAvailable() > left) {
        const qint64 over = QStorageInfo(mountPoint).bytesAvailable() - left;
        const QByteArray block(static_cast<int>(std::min<qint64>(over, 64 * 1024)), 'x');
        if (filler.write(block) != block.size() || !filler.flush())
            break;
    }
    return QStorageInfo(mountPoint).bytesAvailable() == left;
}

#define DDPM_MOUNT_SMALL_DISK(name, mountPoint, size)                                                                  \
    SmallDisk name(mountPoint, size);                                                                                  \
    if (!name.mounted)                                                                                                 \
    QSKIP("cannot mount a small tmpfs here (needs root): the full-disk test did not run")
