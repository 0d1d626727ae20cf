// A small tmpfs mounted for a full-disk test and unmounted when it goes out of scope. Mounting needs
// root: where it fails, the test skips with the reason (the macro returns from the test function).
#pragma once

#include <QDir>
#include <QProcess>
#include <QString>
#include <QtTest>

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

#define DDPM_MOUNT_SMALL_DISK(name, mountPoint, size)                                                                  \
    SmallDisk name(mountPoint, size);                                                                                  \
    if (!name.mounted)                                                                                                 \
    QSKIP("cannot mount a small tmpfs here (needs root): the full-disk test did not run")
