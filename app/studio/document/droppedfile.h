// What a file or folder dragged onto the window is, and so what dropping it does: a checkpoint opens, a
// training log follows its run, a data set (an IDX file, a folder of MNIST-style files, CIFAR-10 batches
// or images) loads in the Data view. Anything else is not taken.
#pragma once

#include <QString>

class QMimeData;

struct DroppedFile {
    enum Kind { None, Checkpoint, RunLog, DataSet };
    Kind kind = None;
    QString path; // the local file or folder
    QString spec; // a data set's spec (dataset.h loadDataSpec): "idx:FILE", "mnist:DIR", "cifar10:PATH", "folder:DIR"
};

// One local file or folder; several, a remote address or text: None.
DroppedFile droppedFile(const QMimeData* mime);
// The same for a path.
DroppedFile droppedFile(const QString& path);
